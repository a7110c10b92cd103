"""The agency profile: which body heads each paper, per receiving unit and per date.

Why per unit: a dossier code starts with the code of the unit that received it, and the
one-stop forms of that dossier are that unit's papers.  Decree 30/2020/NĐ-CP, Appendix I II.2
and II.4 put on each: the issuing body under its direct parent (the parent's name carrying the
province or commune where the body sits) and the place name of the administrative unit where it
sits.  One profile describes a province: its provincial centre and its commune centres, each
heading the papers of the dossiers it received.  A commune procedure is never headed by a
provincial body.

Why dated: since 01/07/2025 there are no districts, and some provinces merged (Resolution
202/2025/QH15: Nam Định and Hà Nam into Ninh Bình).  A unit's entry, and the province's name,
may be valid from and until a date, so a paper dated 2026 never carries a body that no longer
exists while a paper of 2025 keeps the body of its day.

Pure data and its checked construction from parsed TOML (one-line errors naming the file); the
file is read by :mod:`isoflow.data.loaders`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from isoflow.errors import FormError, IsoflowError

__all__ = ["LEVELS", "Agency", "Heading", "Unit", "abbreviated", "agency_from_mapping", "expanded"]

#: The levels a receiving unit belongs to (``<procedure level=...>`` uses the same words).
LEVELS = ("ministry", "province", "commune")
#: The procedure levels whose dossiers a unit of each level may head: a commune centre also
#: receives provincial dossiers on the province's behalf; a provincial body never heads a
#: commune procedure.
HEADS = {"ministry": ("ministry",), "province": ("province",), "commune": ("commune", "province")}
_LEVEL_VI = {"ministry": "cấp bộ", "province": "cấp tỉnh", "commune": "cấp xã"}
_COMMITTEE = "Ủy ban nhân dân"
_ABBREVIATION = re.compile(r"\b(ủy|uỷ) ban nhân dân\b", re.IGNORECASE)
_EXPANSION = re.compile(r"\bUBND\b")
#: How process files name the commune People's Committee: completed with the receiving commune.
_COMMUNE_COMMITTEE = ("ủy ban nhân dân xã", "ủy ban nhân dân cấp xã", "ubnd xã", "ubnd cấp xã")
_BLANK = "…………"
_TOP_KEYS = {"example", "lookup_secret", "phone", "portal", "province", "unit", "symbols", "people", "names",
             "parents"}
_UNIT_KEYS = {"code", "level", "name", "issuer", "parent", "place", "phone", "portal", "symbols", "from", "until"}
_OLD_KEYS = ("place", "parent", "one_stop", "units")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("uỷ", "ủy").replace("Uỷ", "Ủy").casefold().strip()


def abbreviated(name: str) -> str:
    """A parent body's name as its line prints it: "Ủy ban nhân dân" shortened to "UBND"
    (Decree 30 Appendix I II.2(a): the parent's name abbreviates common phrases)."""
    return _ABBREVIATION.sub("UBND", unicodedata.normalize("NFC", name))


def expanded(name: str) -> str:
    """An issuing body's name written in full (the issuer line is never abbreviated)."""
    return _EXPANSION.sub(_COMMITTEE, unicodedata.normalize("NFC", name))


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


@dataclass(frozen=True, slots=True)
class Heading:
    """What heads one paper: the parent body ("" for none), the issuing body, the place name."""

    parent: str
    issuer: str
    place: str


@dataclass(frozen=True, slots=True)
class Unit:
    """One receiving unit (the code a dossier code starts with) over the dates of one entry."""

    code: str
    level: str  # ministry, province or commune
    name: str  # the one-stop unit as the forms' sentences name it ("... tiếp nhận hồ sơ của")
    issuer: str  # tên cơ quan ban hành: the bold line
    parent: str  # cơ quan chủ quản: the line above it, "" for none
    place: str  # địa danh on the date line
    phone: str = ""
    portal: str = ""
    symbols: Mapping[str, str] = field(default_factory=dict)  # form → number suffix, over the profile's
    valid_from: date | None = None
    valid_until: date | None = None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and \
            (self.valid_until is None or day <= self.valid_until)

    @property
    def heading(self) -> Heading:
        return Heading(self.parent, self.issuer, self.place)

    @property
    def span(self) -> str:
        """The dates of this entry, for messages: "from 01/07/2025", "until 30/06/2025"."""
        parts = [f"from {_day(self.valid_from)}" if self.valid_from else "",
                 f"until {_day(self.valid_until)}" if self.valid_until else ""]
        return " ".join(p for p in parts if p) or "always"


@dataclass(frozen=True, slots=True)
class Province:
    """The province's name over a period (a merger changes it); ``kind`` is "tỉnh", or
    "thành phố" for a centrally-run city (its People's Committee is "Ủy ban nhân dân thành phố")."""

    name: str
    valid_from: date | None = None
    valid_until: date | None = None
    kind: str = "tỉnh"

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and \
            (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True, slots=True)
class Agency:
    """The profile of the bodies that print: the province, its receiving units, the people."""

    provinces: tuple[Province, ...]
    units: tuple[Unit, ...]  # in the file's order; a code may have several dated entries
    people: Mapping[str, str] = field(default_factory=dict)  # login → full name printed on forms
    symbols: Mapping[str, str] = field(default_factory=dict)  # form → number suffix, every unit
    phone: str = ""
    portal: str = ""
    names: Mapping[str, str] = field(default_factory=dict)  # a process file's body name → the printed one
    parents: Mapping[str, str] = field(default_factory=dict)  # a body → its parent, when the file names none
    #: Keys the 4-digit lookup code; without it no lookup code is printed.
    lookup_secret: str = ""
    #: The shipped example: every paper carries the MẪU mark, and a unit it does not list falls
    #: back to its unit of the procedure's level (a real profile refuses instead).
    example: bool = False
    source: str = "agency"

    def person(self, login: str) -> str:
        """The full name of a login, or "" (a blank line to sign on, never a login id)."""
        return self.people.get(login, "")

    def province_on(self, day: date) -> Province:
        """The province on ``day``."""
        for province in self.provinces:
            if province.valid_on(day):
                return province
        raise FormError(f"the agency profile {self.source} names no province for {_day(day)} "
                        f"(add a [[province]] valid on that day)")

    def province(self, day: date) -> str:
        """The province's name on ``day`` (the place name of provincial bodies)."""
        return self.province_on(day).name

    def units_on(self, day: date, level: str | None = None) -> list[Unit]:
        """The units with an entry valid on ``day`` (of ``level``), in the file's order."""
        return [u for u in self.units if u.valid_on(day) and (level is None or u.level == level)]

    def unit(self, code: str, day: date, level: str | None = None, what: str = "") -> Unit:
        """The entry of unit ``code`` on ``day`` that may head a paper of a ``level`` procedure.

        A real profile refuses a unit it does not list, a day none of its entries covers, and a
        procedure its level may not head (a commune procedure at a provincial unit).  The
        example profile instead falls back to its first unit that fits: its papers say MẪU."""
        about = f"{what}: " if what else ""
        entries = [u for u in self.units if u.code == code]
        current = next((u for u in entries if u.valid_on(day)), None)
        problem = ""
        if not entries:
            known = ", ".join(dict.fromkeys(u.code for u in self.units))
            problem = (f"{about}the agency profile {self.source} has no receiving unit {code!r} "
                       f"(units: {known}); add a [[unit]] with code = {code!r}")
        elif current is None:
            problem = (f"{about}the agency profile {self.source} has no entry for unit {code!r} on {_day(day)} "
                       f"(its entries: {'; '.join(u.span for u in entries)})")
        elif level is not None and level not in HEADS.get(current.level, ()):
            problem = (f"{about}a {_LEVEL_VI.get(level, level)} procedure received at {code!r}, a "
                       f"{_LEVEL_VI.get(current.level, current.level)} unit ({current.name}): a "
                       f"{_LEVEL_VI.get(current.level, current.level)} body never heads it; receive it at a "
                       f"{_LEVEL_VI.get(level, level)} unit of the profile")
        if not problem and current is not None:
            return current
        if self.example:
            fits = [u for u in self.units_on(day) if level is None or level in HEADS.get(u.level, ())]
            exact = [u for u in fits if u.level == level]
            if exact or fits:
                return (exact or fits)[0]
        raise FormError(problem)

    def heading_unit(self, day: date) -> Unit:
        """The unit that heads a paper of the whole profile (the service report): the first
        provincial unit valid on ``day``, else the first unit valid on it."""
        units = self.units_on(day, "province") or self.units_on(day)
        if not units:
            raise FormError(f"the agency profile {self.source} has no unit valid on {_day(day)}")
        return units[0]

    def symbol(self, unit: Unit, kind: str) -> str:
        return unit.symbols.get(kind, self.symbols.get(kind, ""))

    def body_name(self, name: str, day: date, unit: Unit | None = None) -> str:
        """A body's name as a process file writes it, completed for this profile: the profile's
        ``[names]`` first; the commune People's Committee ("Ủy ban nhân dân xã") is the receiving
        commune unit's parent; a name ending in "tỉnh" gets the province's name."""
        text = unicodedata.normalize("NFC", name).strip()
        if text in self.names:
            return self.names[text]
        folded = _fold(text)
        if folded in _COMMUNE_COMMITTEE:
            if unit is not None and unit.level == "commune" and unit.parent:
                return expanded(unit.parent)
            return f"{_COMMITTEE} xã {_BLANK}"  # no commune named: a line to fill in
        if folded.endswith(" tỉnh"):  # "Ủy ban nhân dân tỉnh" → "... tỉnh Ninh Bình" / "... thành phố Hà Nội"
            province = self.province_on(day)
            return f"{text[:-len(' tỉnh')]} {province.kind} {province.name}"
        return text

    def competent_body(self, level: str, agency: str, parent_agency: str | None, day: date,
                       unit: Unit | None = None) -> Heading:
        """Who issues a procedure's own papers (its document, the apology, the stop notice): the
        procedure's ``<agency>`` under its ``<parent-agency>`` (or the profile's ``[parents]``, or
        for a provincial body the provincial People's Committee), at the place where it sits."""
        issuer = expanded(self.body_name(agency, day, unit))
        parent_name = parent_agency or self.parents.get(unicodedata.normalize("NFC", agency).strip())
        if parent_name:
            parent = self.body_name(parent_name, day, unit)
        elif level in ("province", "ministry") and not _fold(issuer).startswith(_fold(_COMMITTEE)):
            province = self.province_on(day)
            parent = f"{_COMMITTEE} {province.kind} {province.name}" if level == "province" else ""
        else:
            parent = ""  # a People's Committee has no parent line
        if level == "commune":
            place = unit.place if unit is not None and unit.level == "commune" else _BLANK
        else:
            place = self.province(day)
        return Heading(parent, issuer, place)


# -- Reading the parsed file -------------------------------------------------------------------

def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise IsoflowError(f"{where}: {key} must be text, not {type(value).__name__}")
    return unicodedata.normalize("NFC", value).strip()


def _table(data: Mapping[str, Any], key: str, where: str) -> dict[str, str]:
    value = data.get(key, {})
    if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
        raise IsoflowError(f"{where}: [{key}] must be a table of texts")
    return {unicodedata.normalize("NFC", str(k)): unicodedata.normalize("NFC", v) for k, v in value.items()}


def _dates(data: Mapping[str, Any], where: str) -> tuple[date | None, date | None]:
    found: list[date | None] = []
    for key in ("from", "until"):
        value = data.get(key)
        if value is not None and (not isinstance(value, date) or hasattr(value, "hour")):
            raise IsoflowError(f"{where}: {key} must be a date like 2025-07-01, not {value!r}")
        found.append(value)
    start, end = found
    if start and end and end < start:
        raise IsoflowError(f"{where}: until {end} is before from {start}")
    return start, end


def _overlapping(spans: Sequence[tuple[date | None, date | None]]) -> bool:
    ordered = sorted(spans, key=lambda s: s[0] or date.min)
    return any((a[1] or date.max) >= (b[0] or date.min) for a, b in pairwise(ordered))


def _provinces(data: Mapping[str, Any], where: str) -> tuple[Province, ...]:
    value = data.get("province")
    if isinstance(value, str) and value.strip():
        return (Province(unicodedata.normalize("NFC", value).strip()),)
    if not isinstance(value, list) or not value or not all(isinstance(p, Mapping) for p in value):
        raise IsoflowError(f"{where}: province must be the province's name, or [[province]] tables with "
                           "name, kind, from and until")
    provinces = []
    for n, entry in enumerate(value, 1):
        here = f"{where}: province {n}"
        unknown = sorted(set(entry) - {"name", "kind", "from", "until"})
        if unknown:
            raise IsoflowError(f"{here}: unknown key {unknown[0]!r} (keys: name, kind, from, until)")
        name, kind = _text(entry, "name", here), _text(entry, "kind", here) or "tỉnh"
        if not name:
            raise IsoflowError(f"{here}: missing or empty name")
        if kind not in ("tỉnh", "thành phố"):
            raise IsoflowError(f"{here}: kind {kind!r} is not tỉnh or thành phố")
        provinces.append(Province(name, *_dates(entry, here), kind=kind))
    if _overlapping([(p.valid_from, p.valid_until) for p in provinces]):
        raise IsoflowError(f"{where}: two [[province]] entries are valid on the same day")
    return tuple(provinces)


def _unit(entry: Mapping[str, Any], n: int, where: str) -> Unit:
    code = entry.get("code")
    here = f"{where}: unit {n}" + (f" ({code})" if isinstance(code, str) and code else "")
    unknown = sorted(set(entry) - _UNIT_KEYS)
    if unknown:
        raise IsoflowError(f"{here}: unknown key {unknown[0]!r} (keys: {', '.join(sorted(_UNIT_KEYS))})")
    missing = [k for k in ("code", "level", "name", "issuer", "place") if not _text(entry, k, here)]
    if missing:
        raise IsoflowError(f"{here}: missing or empty {', '.join(missing)}")
    level = _text(entry, "level", here)
    if level not in LEVELS:
        raise IsoflowError(f"{here}: level {level!r} is not one of {', '.join(LEVELS)} "
                           "(there are no districts since 01/07/2025)")
    start, end = _dates(entry, here)
    return Unit(code=_text(entry, "code", here), level=level, name=_text(entry, "name", here),
                issuer=_text(entry, "issuer", here), parent=_text(entry, "parent", here),
                place=_text(entry, "place", here), phone=_text(entry, "phone", here),
                portal=_text(entry, "portal", here), symbols=_table(entry, "symbols", here),
                valid_from=start, valid_until=end)


def agency_from_mapping(data: Mapping[str, Any], where: str = "agency") -> Agency:
    """The agency profile from parsed TOML (the composition root reads the file)."""
    if any(k in data for k in _OLD_KEYS):
        raise IsoflowError(f"{where}: this is the old one-body layout (place, parent, one_stop at the top); a "
                           "profile now lists its receiving units as [[unit]] tables with code, level, name, "
                           "issuer, parent and place (see the shipped agency.toml)")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise IsoflowError(f"{where}: unknown key {unknown[0]!r} (keys: {', '.join(sorted(_TOP_KEYS))})")
    example = data.get("example", False)
    if not isinstance(example, bool):
        raise IsoflowError(f"{where}: example must be true or false")
    raw_units = data.get("unit")
    if not isinstance(raw_units, list) or not raw_units or not all(isinstance(u, Mapping) for u in raw_units):
        raise IsoflowError(f"{where}: no receiving unit: add [[unit]] tables with code, level, name, issuer, "
                           "parent and place")
    units = tuple(_unit(u, n, where) for n, u in enumerate(raw_units, 1))
    for code in dict.fromkeys(u.code for u in units):
        if _overlapping([(u.valid_from, u.valid_until) for u in units if u.code == code]):
            raise IsoflowError(f"{where}: unit {code!r} has two entries valid on the same day")
    return Agency(provinces=_provinces(data, where), units=units, people=_table(data, "people", where),
                  symbols=_table(data, "symbols", where), phone=_text(data, "phone", where),
                  portal=_text(data, "portal", where), names=_table(data, "names", where),
                  parents=_table(data, "parents", where), lookup_secret=_text(data, "lookup_secret", where),
                  example=example, source=where)
