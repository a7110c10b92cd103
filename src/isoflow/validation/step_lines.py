"""Step lines that say almost what one of isoflow's sentences says: which one, and how to write it.

A line that matches no sentence is either a step of the project's own (left to pytest) or an
isoflow step written slightly wrong: a time as ``17h``, a date as ``16-02-2026``, a word
misspelt.  The line's *shape* (its quoted values, instants and numbers replaced by ``{}``) is
compared with each sentence's shape; a close one is what the author meant.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from isoflow.i18n import translate as _
from isoflow.validation.sentences import SENTENCES, Sentence
from isoflow.validation.step_values import INSTANT

__all__ = ["Advice", "advise"]

#: How close a line's shape must be to a sentence's to be taken for it (difflib's ratio).
CUTOFF = 0.75
_QUOTED = re.compile(r'"[^"]*"')
_PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[A-Za-z]+)?\}")
_VALUE = re.compile(rf"{INSTANT}|\d+(?:[.,]\d+)?")
#: Times people write that a sentence does not read: 17h, 17h30, 9g, 9 giờ 30, 17g30p.
_HOUR = re.compile(r"(?<![\d:])(\d{1,2}) ?(?:h|g|giờ) ?(\d{2})?(?:p|ph|phút)?(?![\w:])")
#: Dates with dashes or dots: 16-02-2026, 16.02.2026.
_DATE = re.compile(r"(?<![\d/])(\d{1,2})[-.](\d{1,2})[-.](\d{4})(?![\d/])")


@dataclass(frozen=True)
class Advice:
    """What to tell the author of a line: the message, the hint, where in the line (0-based)."""

    message: str
    hint: str
    offset: int = 0


def _shape(text: str) -> str:
    return _VALUE.sub("{}", _QUOTED.sub('"{}"', text))


def _pattern_shape(sentence: Sentence) -> str:
    return _PLACEHOLDER.sub("{}", sentence.pattern)


def _readable(sentence: Sentence) -> str:
    return re.sub(r"\{([a-z_]+):[A-Za-z]+\}", r"{\1}", sentence.pattern)


def _matches(text: str) -> bool:
    return any(s.matcher.values(text) is not None for s in SENTENCES)


def _repaired(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """``text`` with times and dates rewritten as the sentences read them, and what was changed
    (offset, as written, as it should be)."""
    changes: list[tuple[int, str, str]] = []

    def hour(match: re.Match[str]) -> str:
        fixed = f"{int(match.group(1)):02d}:{match.group(2) or '00'}"
        changes.append((match.start(), match.group(), fixed))
        return fixed

    def day(match: re.Match[str]) -> str:
        fixed = f"{int(match.group(1)):02d}/{int(match.group(2)):02d}/{match.group(3)}"
        changes.append((match.start(), match.group(), fixed))
        return fixed

    outside = _QUOTED.split(text)  # never rewrite inside a quoted value
    quoted = _QUOTED.findall(text)
    rebuilt = ""
    for index, part in enumerate(outside):
        offset = len(rebuilt)
        part_changes_before = len(changes)
        part = _DATE.sub(day, _HOUR.sub(hour, part))
        changes[part_changes_before:] = [(offset + at, old, new) for at, old, new in changes[part_changes_before:]]
        rebuilt += part + (quoted[index] if index < len(quoted) else "")
    return rebuilt, changes


def advise(text: str) -> Advice | None:
    """Advice for a step line that matches no sentence, or ``None`` for a step of the project's own."""
    fixed, changes = _repaired(text)
    if changes and _matches(fixed):
        said = ", ".join(_("{new} for {old}").format(new=new, old=old) for _at, old, new in changes)
        return Advice(_("no isoflow step reads this line: times are written HH:MM and dates DD/MM/YYYY "
                        "({changes})").format(changes=said), _("write: {line}").format(line=fixed), changes[0][0])
    shape = _shape(fixed)
    best, ratio = None, 0.0
    for sentence in SENTENCES:
        score = difflib.SequenceMatcher(None, shape, _pattern_shape(sentence)).ratio()
        if score > ratio:
            best, ratio = sentence, score
    if best is None or ratio < CUTOFF:
        return None
    return Advice(_("no isoflow step reads this line"),
                  _("did you mean '{sentence}'? e.g. {example}").format(sentence=_readable(best), example=best.example))


def invalid_instants(values: dict[str, object]) -> list[str]:
    """The instants a matched line spells that are no date and time (``31/02/2026``)."""
    from isoflow.validation.step_values import InvalidInstant

    return [str(v) for v in values.values() if isinstance(v, InvalidInstant)]
