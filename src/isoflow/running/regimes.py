"""The legal regime in force on a date: one-stop time rules and the form set; the acts replaced.

The values come from data (``data/regimes.toml``), never from constants in code, because
laws change and several of them are still to be verified against the official texts.  A
dossier is governed by the regime and form set in force on its receipt date.  The acts the
data marks as replaced (Decree 61/2018 by Decree 118/2025, ...) let ``isoflow validate`` tell a
procedure that still cites one after the three months Decision 19/2014/QĐ-TTg Art. 4(4)(a)
gives to update a quality management system.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from functools import lru_cache
from typing import Any

from isoflow.errors import LegalDataError


@dataclass(frozen=True, slots=True)
class Regime:
    """The one-stop rules in force over a period."""

    id: str
    name: str
    start: date
    until: date | None
    cutoff: time
    supplement_restarts_clock: bool
    extension_min_working_days: int
    max_extensions: int
    sources: Mapping[str, str]
    #: The furthest an extension may move the appointment, in multiples of the dossier's legal
    #: time (working time from the clock's start to the appointment); None: no bound but the
    #: calendar's range.
    extension_max_limits: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ReplacedAct:
    """A legal act replaced by another from a date: ``number`` as procedures cite it
    (``61/2018/NĐ-CP``), what replaces it and from when, and the source of that fact."""

    number: str
    name: str
    replaced_by: str
    start: date
    source: str

    def cited_in(self, text: str) -> bool:
        """Whether ``text`` (an ``<act>`` of a legal basis) cites this act by its number (not
        as the tail of another number: "101/2018/..." does not cite "01/2018/...")."""
        comparable, squeezed = _comparable(text)
        # Any citation of the number is in the text without its spaces: most texts fail this
        # plain test, and only the others are searched with the pattern (every <act> of every
        # file is asked about every replaced act).
        if _squeezed(self.number) not in squeezed:
            return False
        return _citation(self.number).search(comparable) is not None


@lru_cache(maxsize=64)
def _citation(number: str) -> re.Pattern[str]:
    """The pattern of ``number`` cited in a text: NFC, upper case, any spaces between its
    characters ("61/2018/NĐ-CP" is cited many ways); compiled once per act, since every
    ``<act>`` of every file is searched for every replaced act."""
    squeezed = _squeezed(number)
    return re.compile(r"(?<![0-9])" + r"\s*".join(map(re.escape, squeezed)) + r"(?![0-9])")


@lru_cache(maxsize=64)
def _squeezed(number: str) -> str:
    """``number`` in NFC, upper case, without spaces: "61/2018/NĐ-CP" is cited many ways."""
    return "".join(unicodedata.normalize("NFC", number).upper().split())


@lru_cache(maxsize=4096)
def _comparable(text: str) -> tuple[str, str]:
    """``text`` as citations are searched in (NFC, upper case), and the same without spaces
    (the same acts recur in files: remembered)."""
    comparable = unicodedata.normalize("NFC", text).upper()
    return comparable, "".join(comparable.split())


@dataclass(frozen=True, slots=True)
class FormSet:
    """The standard forms in force over a period: template name → form number."""

    id: str
    name: str
    start: date
    until: date | None
    forms: Mapping[str, str]
    source: str


def _covers(start: date, until: date | None, day: date) -> bool:
    return start <= day and (until is None or day <= until)


@dataclass(frozen=True)
class LegalBasis:
    """All regimes and form sets, to pick from by date."""

    regimes: Sequence[Regime]
    form_sets: Sequence[FormSet]
    replaced_acts: Sequence[ReplacedAct] = ()

    def regime_on(self, day: date) -> Regime:
        for regime in self.regimes:
            if _covers(regime.start, regime.until, day):
                return regime
        raise LegalDataError(f"no one-stop regime is in force on {day.isoformat()}")

    def form_set_on(self, day: date) -> FormSet:
        for form_set in self.form_sets:
            if _covers(form_set.start, form_set.until, day):
                return form_set
        raise LegalDataError(f"no form set is in force on {day.isoformat()}")

    def form_set(self, set_id: str) -> FormSet:
        for form_set in self.form_sets:
            if form_set.id == set_id:
                return form_set
        raise LegalDataError(f"unknown form set {set_id!r}")


def _get(entry: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    value = entry.get(key)
    if not isinstance(value, kind):
        raise LegalDataError(f"{where}: {key!r} must be a {kind.__name__}, got {value!r}")
    return value


def legal_basis_from_mapping(data: Mapping[str, Any], where: str = "regimes") -> LegalBasis:
    """Build the legal basis from parsed TOML (the composition root reads the file)."""
    regimes = []
    for i, entry in enumerate(data.get("regime", [])):
        at = f"{where}: regime {i + 1}"
        hours, minutes = (int(p) for p in _get(entry, "cutoff", str, at).split(":"))
        regimes.append(Regime(
            id=_get(entry, "id", str, at), name=_get(entry, "name", str, at), start=_get(entry, "from", date, at),
            until=entry.get("until"), cutoff=time(hours, minutes),
            supplement_restarts_clock=_get(entry, "supplement_restarts_clock", bool, at),
            extension_min_working_days=_get(entry, "extension_min_working_days", int, at),
            max_extensions=_get(entry, "max_extensions", int, at),
            sources={k: v for k, v in entry.items() if k.endswith("_source")},
            extension_max_limits=_multiple(entry.get("extension_max_limits"), at)))
    form_sets = []
    for i, entry in enumerate(data.get("form_set", [])):
        at = f"{where}: form_set {i + 1}"
        form_sets.append(FormSet(
            id=_get(entry, "id", str, at), name=_get(entry, "name", str, at), start=_get(entry, "from", date, at),
            until=entry.get("until"), forms=dict(_get(entry, "forms", dict, at)), source=entry.get("source", "")))
    replaced = []
    for i, entry in enumerate(data.get("replaced_act", [])):
        at = f"{where}: replaced_act {i + 1}"
        replaced.append(ReplacedAct(
            number=_get(entry, "number", str, at), name=_get(entry, "name", str, at),
            replaced_by=_get(entry, "replaced_by", str, at), start=_get(entry, "from", date, at),
            source=_get(entry, "source", str, at)))
    if not regimes or not form_sets:
        raise LegalDataError(f"{where}: needs at least one [[regime]] and one [[form_set]]")
    return LegalBasis(tuple(regimes), tuple(form_sets), tuple(replaced))


def _multiple(value: Any, where: str) -> Decimal | None:
    """``extension_max_limits``: a positive number, or absent."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise LegalDataError(f"{where}: 'extension_max_limits' must be a positive number, got {value!r}")
    return Decimal(str(value))
