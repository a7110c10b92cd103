"""Build a :class:`~isoflow.running.calendar.WorkCalendar` from ``holidays`` and overrides files.

This is the edge that owns the ``holidays`` package.  ``holidays.VN`` gives the statutory days
(Tết by the lunar calendar, nghỉ bù, some swaps) but misses decisions made each year, and knows
nothing of office hours; an overrides file adds both, each day citing its decision::

    name = "Lịch làm việc của cán bộ, công chức, viên chức (toàn quốc)"
    extends = "vn"            # optional: a shipped calendar by name, or a path ending in .toml
    first_year = 2015         # range to precompute (inherited when extending)
    last_year = 2040
    [[sessions]]              # replaces the parent's sessions; no from/to = all year
    hours = ["07:30-11:30", "13:00-17:00"]
    [[sessions]]              # a season, MM-DD each year (may wrap over the new year)
    from = "04-16"
    to = "10-15"
    hours = ["07:00-11:30", "13:30-17:00"]
    decision = "..."          # optional for sessions
    [[days]]
    date = 2026-01-02         # a TOML date
    kind = "off"              # "off": a day off; "work": a make-up day, or cancels a package holiday
    name = "Nghỉ Tết Dương lịch (hoán đổi)"
    decision = "Văn bản 12729/VPCP-KGVX ngày 25/12/2025"   # required

Entries are applied package first, then the parent file, then this file, so a later entry for
the same date wins and an entry the package already has changes nothing.  Any problem raises
:class:`~isoflow.errors.CalendarError` naming the file (and the entry).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from importlib import resources
from pathlib import Path
from typing import Any

import holidays

from isoflow.errors import CalendarError
from isoflow.running.calendar import DEFAULT_SESSIONS, Season, Session, WorkCalendar

_TOP = {"name", "description", "extends", "first_year", "last_year", "sessions", "days"}
_SESSION_KEYS = {"from", "to", "hours", "name", "decision"}
_DAY_KEYS = {"date", "kind", "name", "decision"}
_HOURS = re.compile(r"(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})")
_MONTH_DAY = re.compile(r"(\d{2})-(\d{2})")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass
class _Spec:
    """What a chain of files says, before it is turned into a calendar."""

    name: str = ""
    first_year: int = 2015
    last_year: int = 2040
    sessions: list[tuple[tuple[int, int] | None, tuple[int, int] | None, tuple[Session, ...]]] = field(
        default_factory=lambda: [(None, None, DEFAULT_SESSIONS)])
    days: dict[date, str] = field(default_factory=dict)  # date -> "off" | "work", last entry wins


def load_calendar(path: Path | None = None, *, province: str | None = None) -> WorkCalendar:
    """The calendar of a file (``path``), of a shipped province (``province="example-province"``),
    or, with neither, the shipped national one (``vn``).  Build it once and share it: the
    ``holidays`` package takes about 0.1 s for 26 years."""
    if path is not None and province is not None:
        raise CalendarError("give either a calendar file or a province, not both")
    spec = _Spec()
    if path is not None:
        _read(spec, _text(path), str(path), path.parent, [])
    else:
        _read_shipped(spec, province or "vn", [])
    return _build(spec)


def _text(path: Path) -> str | None:
    """The file's text, ``None`` when there is no such file; CalendarError when it cannot be read."""
    if not path.is_file():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CalendarError(f"{path}: cannot be read as UTF-8 text ({error})") from None


def _read_shipped(spec: _Spec, name: str, seen: list[str]) -> None:
    if not _NAME.fullmatch(name):
        raise CalendarError(f"{name!r} is not a calendar name (lowercase letters, digits and '-')")
    resource = resources.files("isoflow.data") / "calendars" / f"{name}.toml"
    text = resource.read_text(encoding="utf-8") if resource.is_file() else None
    _read(spec, text, f"isoflow/data/calendars/{name}.toml", None, seen)


def _read(spec: _Spec, text: str | None, file: str, folder: Path | None, seen: list[str]) -> None:
    if text is None:
        raise CalendarError(f"{file}: no such calendar file")
    if file in seen:
        raise CalendarError(f"{file}: extends itself through {' -> '.join(seen)}")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CalendarError(f"{file}: malformed TOML: {error}") from None
    _check_keys(data, _TOP, file, "")
    if "extends" in data:
        parent = _string(data["extends"], file, "extends")
        if parent.endswith(".toml"):
            base = (folder or Path.cwd()) / parent
            _read(spec, _text(base), str(base), base.parent, [*seen, file])
        else:
            _read_shipped(spec, parent, [*seen, file])
    spec.name = _string(data.get("name", spec.name), file, "name")
    for key in ("first_year", "last_year"):
        value = data.get(key, getattr(spec, key))
        if not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 2200:
            raise CalendarError(f"{file}: {key} must be a year such as 2040, not {value!r}")
        setattr(spec, key, value)
    if spec.first_year > spec.last_year:
        raise CalendarError(f"{file}: first_year {spec.first_year} is after last_year {spec.last_year}")
    if "sessions" in data:
        entries = _tables(data, "sessions", file)
        spec.sessions = [_session(entry, file, f"sessions[{n}]") for n, entry in enumerate(entries)]
        if sum(start is None for start, _, _ in spec.sessions) > 1:
            raise CalendarError(f"{file}: more than one [[sessions]] entry without from/to (all year)")
    seen_dates: set[date] = set()
    for n, entry in enumerate(_tables(data, "days", file)):
        where = f"days[{n}]"
        _check_keys(entry, _DAY_KEYS, file, where)
        day = entry.get("date")
        if not isinstance(day, date) or isinstance(day, datetime):
            raise CalendarError(f"{file}: {where}: date must be a TOML date such as 2026-01-02, not {day!r}")
        where = f"days[{n}] ({day})"
        if day in seen_dates:
            raise CalendarError(f"{file}: {where}: the date is listed twice")
        seen_dates.add(day)
        kind = entry.get("kind")
        if kind not in ("off", "work"):
            raise CalendarError(f"{file}: {where}: kind must be \"off\" or \"work\", not {kind!r}")
        if not _string(entry.get("decision", ""), file, f"{where}: decision").strip():
            raise CalendarError(f"{file}: {where}: every override must cite its decision (decision = \"...\")")
        _string(entry.get("name", ""), file, f"{where}: name")
        spec.days[day] = kind


def _tables(data: dict[str, Any], key: str, file: str) -> list[dict[str, Any]]:
    entries = data.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise CalendarError(f"{file}: {key} must be an array of tables ([[{key}]])")
    return entries


def _check_keys(table: dict[str, Any], allowed: set[str], file: str, where: str) -> None:
    for key in table:
        if key not in allowed:
            prefix = f"{where}: " if where else ""
            raise CalendarError(f"{file}: {prefix}unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")


def _string(value: object, file: str, where: str) -> str:
    if not isinstance(value, str):
        raise CalendarError(f"{file}: {where} must be a string, not {value!r}")
    return value


def _session(entry: dict[str, Any], file: str, where: str) -> tuple[
        tuple[int, int] | None, tuple[int, int] | None, tuple[Session, ...]]:
    _check_keys(entry, _SESSION_KEYS, file, where)
    if ("from" in entry) != ("to" in entry):
        raise CalendarError(f"{file}: {where}: a season needs both from and to (MM-DD)")
    bounds: list[tuple[int, int] | None] = []
    for key in ("from", "to"):
        text = _string(entry.get(key, ""), file, f"{where}: {key}")
        match = _MONTH_DAY.fullmatch(text)
        if text and (not match or not _valid_month_day(int(match[1]), int(match[2]))):
            raise CalendarError(f"{file}: {where}: {key} must be MM-DD (not 02-29), not {text!r}")
        bounds.append((int(match[1]), int(match[2])) if match else None)
    hours = entry.get("hours")
    if not isinstance(hours, list) or not hours:
        raise CalendarError(f"{file}: {where}: hours must be a list such as [\"07:30-11:30\", \"13:00-17:00\"]")
    sessions = []
    for item in hours:
        match = _HOURS.fullmatch(item) if isinstance(item, str) else None
        try:
            if not match:
                raise ValueError("expected HH:MM-HH:MM")
            sessions.append((time(int(match[1]), int(match[2])), time(int(match[3]), int(match[4]))))
        except ValueError as error:
            raise CalendarError(f"{file}: {where}: bad hours {item!r}: {error}") from None
    return bounds[0], bounds[1], tuple(sessions)


def _valid_month_day(month: int, day: int) -> bool:
    try:
        date(2001, month, day)  # a non-leap year, so that a season exists every year
    except ValueError:
        return False
    return True


def _build(spec: _Spec) -> WorkCalendar:
    years = range(spec.first_year, spec.last_year + 1)
    package = holidays.country_holidays("VN", years=years)
    off = set(package)
    work = {d for d in package.weekend_workdays if d.year in years}
    for day, kind in spec.days.items():
        (off if kind == "off" else work).add(day)
        (work if kind == "off" else off).discard(day)
    default: tuple[Session, ...] = DEFAULT_SESSIONS
    seasons: list[Season] = []
    for start, end, sessions in spec.sessions:
        if start is None or end is None:
            default = sessions
            continue
        for year in range(spec.first_year - 1, spec.last_year + 1):
            last_year = year if start <= end else year + 1
            seasons.append(Season(date(year, *start), date(last_year, *end), sessions))
    try:
        return WorkCalendar(date(spec.first_year, 1, 1), date(spec.last_year, 12, 31), holidays=off,
                            extra_working_days={d for d in work if d.weekday() >= 5}, sessions=default,
                            seasons=seasons, name=spec.name)
    except ValueError as error:
        raise CalendarError(f"calendar {spec.name!r}: {error}") from None
