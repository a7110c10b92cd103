"""The service-indicator report, wired: a store's counts, the procedures' facts, the targets.

The database adds up (:class:`Counts`, which both stores implement); this module asks it for
the period's counts and hands them with the procedures' facts and the targets to
:func:`isoflow.indicators.formulas.build_report`.  The command line and embedding applications
call :func:`service_report` with the targets :func:`isoflow.data.loaders.load_targets` read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

from isoflow.errors import UsageError
from isoflow.indicators.formulas import Grouping, ProcedureInfo, ServiceReport, Target, build_report
from isoflow.model.definition import ProcessDefinition


class Counts(Protocol):
    """What the report asks of a store (:class:`isoflow.store.Store` gives it): sums over a period."""

    def tallies(self, start: datetime, end: datetime) -> list[dict[str, Any]]: ...
    def worked_minutes(self, start: datetime, end: datetime) -> list[tuple[str, int, int]]: ...
    def step_minutes(self, start: datetime, end: datetime) -> list[tuple[str, str, int, int, int]]: ...


GROUPINGS: tuple[Grouping, ...] = ("agency", "level", "procedure", "domain")


def procedure_info(definitions: Iterable[ProcessDefinition]) -> dict[str, ProcedureInfo]:
    """What the report groups by, per procedure code (the newest revision of each)."""
    found: dict[str, ProcedureInfo] = {}
    for d in sorted(definitions, key=lambda d: (d.code, d.revision)):
        p = d.procedure
        title = d.titles.get("vi") or next(iter(d.titles.values()), d.code)
        if p is None:
            found[d.code] = ProcedureInfo(d.code, title, "(không rõ)", "(không rõ)", "(không rõ)", None, False)
        else:
            labels = {st.id: st.labels.get("vi") or next(iter(st.labels.values()), st.id) for st in d.states
                      if st.labels}
            found[d.code] = ProcedureInfo(d.code, p.titles.get("vi", title), p.agency, p.level, p.domain,
                                          p.online_level, p.fee_amount > 0, labels)
    return found


#: The stages of a report, in order, as :func:`service_report` announces them to ``progress``.
STAGES = ("Đếm hồ sơ theo thủ tục", "Thời gian giải quyết hồ sơ", "Thời gian từng bước", "Tổng hợp chỉ số")


def service_report(store: Counts, definitions: Sequence[ProcessDefinition], start: date, end: date,
                   grouping: Grouping = "agency", *, targets: tuple[Sequence[Target], str],
                   progress: Callable[[str], None] | None = None) -> ServiceReport:
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
    chosen, source = targets
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
