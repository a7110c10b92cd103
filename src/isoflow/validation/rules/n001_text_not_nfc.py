"""N001 text-not-nfc: Vietnamese text is in Unicode NFC.

What it checks: every name, title, label and text of the process is in Unicode
normalisation form C (precomposed letters such as "ế" as one character).
Why it matters: the same word in NFD (decomposed: "e" + circumflex + acute) looks the same
but compares unequal: searches, step matching in features and national portal data then
fail silently, and some fonts render stacked accents badly.
Flagged: "Tiếp nhận" typed with combining accents (often pasted from macOS or old PDFs).
Accepted: the same text in NFC.
Fix: ``isoflow fix FILE`` rewrites the file's texts and ids in NFC (``--dry-run`` shows what
it would change; the original is kept as ``FILE.orig``).
"""

import dataclasses
import unicodedata
from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import Location, ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.model.source_map import combining_marks
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("N001", "text-not-nfc", Severity.WARNING, __doc__)


def _texts(value: object, where: Location) -> Iterator[tuple[str, Location]]:
    if isinstance(value, str):
        yield value, where
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item, where)
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item, where)
    elif hasattr(value, "__struct_fields__"):  # a node of the definition (a frozen struct)
        here = getattr(value, "location", where)
        for name in value.__struct_fields__:
            if name != "location":
                yield from _texts(getattr(value, name), here)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):  # the definition itself
        here = getattr(value, "location", where)
        for f in dataclasses.fields(value):
            if f.name != "location":
                yield from _texts(getattr(value, f.name), here)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    written = context.as_written(process)
    if written.source is not None and written.source.is_nfc:
        return ()  # the whole file is NFC as written: nothing to walk
    return _findings(process, written)


def _findings(process: ProcessDefinition, written: ProcessDefinition) -> Iterator[Finding]:
    seen: set[tuple[int, int]] = set()
    for text, where in _texts(written, process.location):
        if unicodedata.is_normalized("NFC", text) or (where.line, where.column) in seen:
            continue
        seen.add((where.line, where.column))
        fixed = unicodedata.normalize("NFC", text)
        message = _("text {text!r} is written with combining accents ({marks}): it looks right but is "
                    "decomposed Unicode (NFD), not NFC")
        yield rule.at(where, message.format(text=fixed[:40], marks=combining_marks(text)),
                      hint=_("rewrite the file in NFC with: isoflow fix FILE"))
