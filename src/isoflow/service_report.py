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

    targets = []
    for n, item in enumerate(data.get("target", []), start=1):
        where = f"{source}: target {n}"
        indicator = item.get("indicator")
        if indicator not in DEFINITIONS:
            raise TargetsError(f"{where}: unknown indicator {indicator!r} (known: {', '.join(DEFINITIONS)})")
        unknown = set(item) - {"indicator", "year", "at_least", "at_most", "basis", "domains"}
        if unknown:
            raise TargetsError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
        if not isinstance(item.get("year"), int) or ("at_least" not in item and "at_most" not in item):
            raise TargetsError(f"{where}: give a whole-number year and at_least or at_most")
        try:
            least = Decimal(str(item["at_least"])) if "at_least" in item else None
            most = Decimal(str(item["at_most"])) if "at_most" in item else None
        except ArithmeticError:
            raise TargetsError(f"{where}: at_least / at_most must be numbers") from None
        targets.append(Target(indicator, item["year"], least, most, str(item.get("basis", "")),
                              tuple(str(d) for d in item.get("domains", ()))))
    return targets, str(data.get("source", {}).get("name", source.name))


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
