"""The values a step sentence carries (instants, numbers, quoted text), matched in Unicode NFC.

Vietnamese typed on some keyboards arrives decomposed (NFD): it looks the same, but a
pattern in NFC never matches it.  Patterns and sentences are both normalised before
matching.  Every placeholder has a type whose pattern cannot run past a closing quote, so two
steps that differ only after a quoted value (``thực hiện "x"`` and ``thực hiện "x" với ý kiến
"y"``) never match the same sentence.  Shared by the feature checks (``isoflow validate``)
and the step library (:mod:`isoflow.bdd`), which must agree on what a sentence says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

import parse

__all__ = ["INSTANT", "TYPES", "VI_INSTANT", "InvalidInstant", "Matcher", "nfc", "parse_instant", "show_instant"]

_INSTANT = r"\d{1,2}:\d{2}(?: ngày)? \d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}"
#: An instant as a step sentence reads it, Vietnamese or ISO (for the feature checks' advice).
INSTANT = _INSTANT
#: An instant as Vietnamese is written: ``09:30 ngày 16/02/2026`` (``ngày`` optional).
VI_INSTANT = re.compile(r"(\d{1,2}):(\d{2})(?: ngày)? (\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_INSTANT = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def parse_instant(text: str) -> datetime:
    """``09:30 ngày 16/02/2026``, ``09:30 16/02/2026`` or ``2026-02-16 09:30``.

    ``24:00`` of a day is the end of that day (Bộ luật Dân sự 91/2015/QH13 Art. 148(6): a limit in
    days ends at 24:00 of its last day): 00:00 of the next day, the same instant."""
    match = VI_INSTANT.fullmatch(text.strip())
    if match:
        hour, minute, day, month, year = (int(g) for g in match.groups())
    else:
        iso = _ISO_INSTANT.fullmatch(text.strip())
        if iso is None:
            return datetime.fromisoformat(text.strip())
        year, month, day, hour, minute = (int(g) for g in iso.groups())
    if (hour, minute) == (24, 0):
        return datetime(year, month, day) + timedelta(days=1)
    return datetime(year, month, day, hour, minute)


def show_instant(moment: datetime | None, lang: str) -> str:
    """An instant as a feature would write it, in the step's language."""
    if moment is None:
        return "(không có)" if lang == "vi" else "(none)"
    if moment.time() == time():  # the end of the day before (24:00), as a limit in days ends
        day = moment - timedelta(days=1)
        return f"24:00 ngày {day:%d/%m/%Y}" if lang == "vi" else f"{day:%Y-%m-%d} 24:00"
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}" if lang == "vi" else f"{moment:%Y-%m-%d %H:%M}"


def _typed(pattern: str, convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """A ``parse`` type: a converter carrying the pattern it matches (as ``parse.with_pattern``)."""
    convert.pattern = pattern  # type: ignore[attr-defined]
    return convert


class InvalidInstant(str):
    """An instant a sentence spells that is no date (``31/02/2026``, ``25:00``): the step is still
    found, and the world says what is wrong in the step's language instead of "step not found"."""


def _instant(text: str) -> datetime | InvalidInstant:
    try:
        return parse_instant(text)
    except ValueError:
        return InvalidInstant(text)


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))  # Vietnamese writes 1,5 for one and a half


TYPES: dict[str, Callable[[str], Any]] = {
    "Instant": _typed(_INSTANT, _instant),
    "Number": _typed(r"\d+(?:[.,]\d+)?", _number),
    "Text": _typed(r'[^"]*', lambda text: text),
}


class Matcher:
    """One sentence pattern, matching whole step texts in NFC with isoflow's value types."""

    def __init__(self, pattern: str) -> None:
        self._parser = parse.compile(nfc(pattern), extra_types=TYPES)

    def values(self, text: str) -> dict[str, Any] | None:
        """The values the step text carries, by name, or ``None`` if it is not this sentence."""
        found = self._parser.parse(nfc(text))
        return dict(found.named) if isinstance(found, parse.Result) else None
