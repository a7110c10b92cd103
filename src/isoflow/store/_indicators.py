"""The report's SQL, one text for both dialects: the database adds up, Python only rolls up.

A full-year report over a million dossiers is one scan of ``dossiers`` with conditional sums
per procedure, one grouped count of the resolved dossiers' working minutes, and one of the
steps' (``step_times``): percentiles come from those histograms, never from rows loaded into
Python.  Parameters are named (``:start``, ``:end``); each backend adapts the placeholders.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from isoflow.errors import StoreError

# Refused at the desk (Decree 61/2018 Art. 17(1)(b): a Phiếu từ chối, no Giấy tiếp nhận): the
# engine closes it without a result (``refused_at_desk`` in its measures).  It was never received
# for resolution, so it is neither received nor resolved: Decision 766 indicator 2.1 counts
# "chỉ tính các hồ sơ đã được tiếp nhận" and Decree 61/2018 Art. 30(2)(c) rates "trên tổng số
# hồ sơ tiếp nhận"; Circular 01/2018 Art. 14(1) scores "từng hồ sơ giải quyết".  It has its own
# count.  (Rows closed before isoflow told them apart carry a result and count as before.)
_AT_DESK = "(d.outcome = 'refused' AND d.result IS NULL)"
# The test most rows pass first: a resolved dossier has a result (SQL stops at the first true
# term; in this order the tallies over a million rows take 2.9 s instead of 3.3 s).
_RECEIVED = "(d.result IS NOT NULL OR d.outcome IS NULL OR d.outcome <> 'refused')"
_RESOLVED = f"d.closed_at >= :start AND d.closed_at < :end AND d.outcome IN ('granted', 'refused') AND {_RECEIVED}"
_NEW = f"d.received_at >= :start AND d.received_at < :end AND {_RECEIVED}"
_OPEN_AT_END = "(d.closed_at IS NULL OR d.closed_at >= :end)"
# Past its appointment at the period's end, unless the applicant held it then (the clock was
# paused).  The row is the dossier now: a pause that ended after the period is not seen.
_OVERDUE_AT_END = "(d.due_at IS NOT NULL AND d.due_at < :end AND (d.paused_at IS NULL OR d.paused_at >= :end))"


def _count(condition: str) -> str:
    return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def _points(column: str) -> str:
    return f"CASE {column} WHEN 'early' THEN 2 WHEN 'on_time' THEN 1 ELSE 0 END"


#: The :class:`isoflow.indicators.formulas.Tally` fields the database counts, as SQL expressions.
TALLY = {
    "new_online": _count(f"{_NEW} AND d.channel = 'online'"),
    "new_in_person": _count(f"{_NEW} AND d.channel = 'in_person'"),
    "new_post": _count(f"{_NEW} AND d.channel = 'post'"),
    "carried_over": _count(f"d.received_at < :start AND {_RECEIVED}"),
    "refused_at_desk": _count(f"d.closed_at >= :start AND d.closed_at < :end AND {_AT_DESK}"),
    # Decision 766 indicator 3.3: online (KenhThucHien = 2) *and* its result issued electronically
    # (the national formula's condition (2), for procedures whose result is a paper document).
    "new_online_e_result": _count(f"{_NEW} AND d.channel = 'online' AND d.e_result = 1"),
    "resolved_early": _count(f"{_RESOLVED} AND d.result = 'early'"),
    "resolved_on_time": _count(f"{_RESOLVED} AND d.result = 'on_time'"),
    "resolved_late": _count(f"{_RESOLVED} AND d.result = 'late'"),
    "resolved_766_in_time": _count(f"{_RESOLVED} AND d.result_766 IN ('early', 'on_time')"),
    "resolved_766_n": _count(f"{_RESOLVED} AND d.result_766 IS NOT NULL"),
    "late_apologised": _count(f"{_RESOLVED} AND d.result = 'late' AND d.extensions > 0"),
    "in_progress_within": _count(f"{_OPEN_AT_END} AND NOT ({_OVERDUE_AT_END}) AND {_RECEIVED}"),
    "in_progress_overdue": _count(f"{_OPEN_AT_END} AND {_OVERDUE_AT_END} AND {_RECEIVED}"),
    "withdrawn": _count("d.closed_at >= :start AND d.closed_at < :end AND d.outcome = 'withdrawn'"),
    "stopped": _count("d.closed_at >= :start AND d.closed_at < :end AND d.outcome = 'stopped'"),
    "moved": _count(f"{_RESOLVED} AND d.handovers > 0"),
    # Moved electronically only when recorded so (luan_chuyen_giay false); not recorded is its
    # own count (paper_moved NULL, schema migration 8), never taken for electronic.
    "moved_electronically": _count(f"{_RESOLVED} AND d.handovers > 0 AND d.paper_moved = 0"),
    "moved_unknown": _count(f"{_RESOLVED} AND d.handovers > 0 AND d.paper_moved IS NULL"),
    "paid_online": _count(f"{_RESOLVED} AND d.paid_online = 1"),
    "e_result": _count(f"{_RESOLVED} AND d.e_result = 1"),
    "digitised": _count(f"{_RESOLVED} AND d.digitised = 1 AND d.e_result = 1"),
    "worked_min_sum": f"SUM(CASE WHEN {_RESOLVED} AND d.worked_min IS NOT NULL THEN d.worked_min ELSE 0 END)",
    "worked_n": _count(f"{_RESOLVED} AND d.worked_min IS NOT NULL"),
    "score1_sum": f"SUM(CASE WHEN {_RESOLVED} THEN {_points('d.result')} ELSE 0 END)",
    "score2_sum": f"SUM(CASE WHEN {_RESOLVED} AND d.worst_step IS NOT NULL THEN {_points('d.worst_step')} ELSE 0 END)",
    "score2_n": _count(f"{_RESOLVED} AND d.worst_step IS NOT NULL"),
    "rated": _count(f"{_RESOLVED} AND r.overall IS NOT NULL"),
    "satisfied": _count(f"{_RESOLVED} AND r.overall >= 1"),
    "disliked_or_complained": _count(f"{_RESOLVED} AND (r.overall = 0 OR r.complaint = 1)"),
    "complaints": _count(f"{_RESOLVED} AND r.complaint = 1"),
}

#: What an open dossier counts for (``closed_at`` is null, it has no outcome nor rating): its
#: receipt and whether it is overdue at the period's end.  The other fields count closed ones only.
OPEN_TALLY = {
    "new_online": _count("d.received_at >= :start AND d.received_at < :end AND d.channel = 'online'"),
    "new_in_person": _count("d.received_at >= :start AND d.received_at < :end AND d.channel = 'in_person'"),
    "new_post": _count("d.received_at >= :start AND d.received_at < :end AND d.channel = 'post'"),
    "carried_over": _count("d.received_at < :start"),
    "in_progress_within": _count(f"NOT ({_OVERDUE_AT_END})"),
    "in_progress_overdue": _count(_OVERDUE_AT_END),
}

# Only dossiers that touch the period: received before its end and not closed before its start.
# Closed and open dossiers are counted apart (schema migration 7): each query reads only its
# partial index (``dossiers_report_closed``: every column the tallies read; ``dossiers_report_open``:
# the few an open dossier counts by), and ReportQueries.tallies adds the two up per procedure.
TALLIES = (
    "SELECT d.process_code, " + ", ".join(f"{sql} AS {name}" for name, sql in TALLY.items())  # noqa: S608
    + " FROM dossiers d LEFT JOIN ratings r ON r.dossier = d.code"
    " WHERE d.closed = 1 AND d.received_at < :end AND d.closed_at >= :start"
    " GROUP BY d.process_code ORDER BY d.process_code"
)
OPEN_TALLIES = (
    "SELECT d.process_code, " + ", ".join(f"{sql} AS {name}" for name, sql in OPEN_TALLY.items())  # noqa: S608
    + " FROM dossiers d WHERE d.closed = 0 AND d.received_at < :end"
    " GROUP BY d.process_code ORDER BY d.process_code"
)
WORKED = (
    f"SELECT d.process_code, d.worked_min, COUNT(*) FROM dossiers d WHERE d.closed = 1 AND {_RESOLVED}"  # noqa: S608
    " AND d.worked_min IS NOT NULL GROUP BY d.process_code, d.worked_min ORDER BY 1, 2"
)
# Per step, dossiers (not passes): a dossier that left a step twice has one row of its passes added
# up and its earlier row cancelled (weight -1, schema 10; :func:`isoflow.store._common.step_rows`), so
# summing weights counts it once, in the histogram's index order, without grouping by dossier.
STEPS = (
    "SELECT s.process_code, s.step, s.worked_min, SUM(s.weight),"
    " SUM(CASE WHEN s.result = 'late' THEN s.weight ELSE 0 END)"
    " FROM step_times s WHERE s.at >= :start AND s.at < :end"
    " GROUP BY s.process_code, s.step, s.worked_min HAVING SUM(s.weight) <> 0 ORDER BY 1, 2, 3"
)


def for_postgres(sql: str) -> str:
    """psycopg's named placeholders; ``closed`` is a boolean there (the partial indexes say
    ``WHERE closed`` and ``WHERE NOT closed``, which the planner matches as written)."""
    return (sql.replace(":start", "%(start)s").replace(":end", "%(end)s")
            .replace("d.closed = 1", "d.closed").replace("d.closed = 0", "NOT d.closed"))


class ReportQueries:
    """The report's queries for a backend that runs some of them over a period in one snapshot."""

    def _period(self, sqls: tuple[str, ...], start: datetime, end: datetime) -> list[list[tuple[Any, ...]]]:
        raise NotImplementedError

    def tallies(self, start: datetime, end: datetime) -> list[dict[str, Any]]:
        closed, still_open = self._period((TALLIES, OPEN_TALLIES), start, end)
        names = ("process_code", *TALLY)
        tallies = {row[0]: dict(zip(names, row, strict=True)) for row in closed}
        for row in still_open:
            tally = tallies.setdefault(row[0], {"process_code": row[0], **dict.fromkeys(TALLY, 0)})
            for name, value in zip(OPEN_TALLY, row[1:], strict=True):
                tally[name] = (tally[name] or 0) + (value or 0)
        return [tallies[code] for code in sorted(tallies)]

    def worked_minutes(self, start: datetime, end: datetime) -> list[tuple[str, int, int]]:
        return [(str(a), _number(b, a), _number(n, a)) for a, b, n in self._period((WORKED,), start, end)[0]]

    def step_minutes(self, start: datetime, end: datetime) -> list[tuple[str, str, int, int, int]]:
        return [(str(a), str(b), _number(m, a), _number(n, a), _number(late, a))
                for a, b, m, n, late in self._period((STEPS,), start, end)[0]]


def _number(value: Any, procedure: Any) -> int:
    """A count or a number of minutes as the report reads it; SQLite keeps any text in an INTEGER
    column, and such a value is a row edited by hand, not a report to print."""
    if type(value) is int:
        return value
    try:
        return int(value)
    except (TypeError, ValueError):
        raise StoreError(f"the report read {value!r} where a number belongs (procedure {procedure}): a row was "
                         "edited by hand; run isoflow dossier verify") from None
