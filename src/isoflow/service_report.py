"""The service-indicator report, wired: a store's counts, the procedures' facts, the targets.

The composition root for :mod:`isoflow.indicators`: it reads the targets file and asks the
store for the period's counts; the command line and embedding applications call
:func:`service_report`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from importlib import resources
from pathlib import Path

from isoflow.definition import ProcessDefinition
from isoflow.errors import IsoflowError, UsageError
from isoflow.indicators import Grouping, ProcedureInfo, Report, Target, build_report
from isoflow.store._api import Store

GROUPINGS: tuple[Grouping, ...] = ("agency", "level", "procedure", "domain")


class TargetsError(IsoflowError):
    """The targets file cannot be read or says something isoflow cannot use."""


def procedure_info(definitions: Iterable[ProcessDefinition]) -> dict[str, ProcedureInfo]:
    """What the report groups by, per procedure code (the newest revision of each)."""
    found: dict[str, ProcedureInfo] = {}
    for d in sorted(definitions, key=lambda d: (d.code, d.revision)):
        p = d.procedure
        title = d.titles.get("vi") or next(iter(d.titles.values()), d.code)
        if p is None:
            found[d.code] = ProcedureInfo(d.code, title, "(không rõ)", "(không rõ)", "(không rõ)", None, False)
        else:
            found[d.code] = ProcedureInfo(d.code, p.titles.get("vi", title), p.agency, p.level, p.domain,
                                          p.online_level, p.fee_amount > 0)
    return found


def load_targets(path: str | os.PathLike[str] | None = None) -> tuple[list[Target], str]:
    """The targets (shipped ``data/targets.toml``, or a file of the same format) and their source."""
    source = Path(path) if path else Path(str(resources.files("isoflow").joinpath("data/targets.toml")))
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise TargetsError(f"{source}: {error}") from None
    from isoflow.indicators import DEFINITIONS

    items = data.get("target", [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise TargetsError(f"{source}: write each target as a [[target]] table")
    targets = []
    for n, item in enumerate(items, start=1):
        where = f"{source}: target {n}"
        indicator = item.get("indicator")
        if indicator not in DEFINITIONS:
            raise TargetsError(f"{where}: unknown indicator {indicator!r} (known: {', '.join(DEFINITIONS)})")
        unknown = set(item) - {"indicator", "year", "at_least", "at_most", "basis", "domains"}
        if unknown:
            raise TargetsError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
        year = item.get("year")
        if type(year) is not int or not 1900 < year < 2200 or ("at_least" not in item and "at_most" not in item):
            raise TargetsError(f"{where}: give a year (e.g. 2030) and at_least or at_most")
        bounds = [_number(item[k], where, k) if k in item else None for k in ("at_least", "at_most")]
        domains = item.get("domains", [])
        if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
            raise TargetsError(f"{where}: domains must be a list of domain names, e.g. [\"Đất đai\"]")
        targets.append(Target(indicator, year, bounds[0], bounds[1], str(item.get("basis", "")), tuple(domains)))
    about = data.get("source", {})
    if not isinstance(about, dict):
        raise TargetsError(f"{source}: [source] must be a table with a name")
    return targets, str(about.get("name", source.name))


def _number(value: object, where: str, key: str) -> Decimal:
    if type(value) not in (int, float):
        raise TargetsError(f"{where}: {key} must be a number, not {value!r}")
    number = Decimal(str(value))
    if not number.is_finite():
        raise TargetsError(f"{where}: {key} must be a finite number")
    return number


#: The stages of a report, in order, as :func:`service_report` announces them to ``progress``.
STAGES = ("Đếm hồ sơ theo thủ tục", "Thời gian giải quyết hồ sơ", "Thời gian từng bước", "Tổng hợp chỉ số")


def service_report(store: Store, definitions: Sequence[ProcessDefinition], start: date, end: date,
                   grouping: Grouping = "agency", targets: tuple[list[Target], str] | None = None,
                   progress: Callable[[str], None] | None = None) -> Report:
    """The report of ``start`` to ``end`` (both days included), grouped by ``grouping``.

    ``progress`` is told each stage (:data:`STAGES`) as it starts: on a million dossiers the
    database works for seconds, and a terminal should show it is working.
    """
    if end < start:
        raise UsageError(f"the period ends ({end}) before it starts ({start})")
    if end >= date.max:
        raise UsageError(f"the period must end before {date.max}")
    if grouping not in GROUPINGS:
        raise UsageError(f"cannot group by {grouping!r} (choose: {', '.join(GROUPINGS)})")
    chosen, source = targets if targets is not None else load_targets()
    since, until = datetime.combine(start, time()), datetime.combine(end + timedelta(days=1), time())
    announce = progress or (lambda _: None)
    announce(STAGES[0])
    tallies = store.tallies(since, until)
    announce(STAGES[1])
    worked = store.worked_minutes(since, until)
    announce(STAGES[2])
    steps = store.step_minutes(since, until)
    announce(STAGES[3])
    return build_report(start, end, grouping, tallies, procedure_info(definitions), chosen, worked, steps, source)
