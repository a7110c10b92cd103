"""The legal clock: the one place where legal time is decided.

A dossier's times are law, not engine mechanics: the appointment given at receipt, each step's
due time, the pause while the applicant holds the dossier and the restart or resumption after
it (Decree 61/2018 Art. 19(4)), the one extension an apology letter may ask for, the new
appointment when the case changes, and what the indicators measure when the dossier closes
(Circular 01/2018, Decision 766).  Keeping all of it here, behind a small API, means a new rule
changes one module, and the engine only asks.

The rules, each where the law puts it:

* **Units.**  A limit keeps the law's unit.  Working days and hours are working time on the
  agency's calendar.  Calendar days ("15 ngày") are counted as the Civil Code does (Bộ luật Dân
  sự 91/2015/QH13): the day of receipt is not counted (Art. 147(2)); the limit ends at the end
  of the last day (Art. 148(1)), which is 24:00 (Art. 148(6)); when the last day is a weekend or
  a holiday, at the end of the next working day (Art. 148(5)).  24:00 is stored as 00:00 of the
  following day (the same instant), and such an appointment is judged by the day: before the
  last day early, on it on time, after it late (:meth:`LegalClock.judge`).  "Ngay trong ngày"
  ends when the working day ends (the desk closes).
* **Receipt and cut-off.**  The legal clock starts at receipt.  Only a procedure whose own law
  sets a cut-off declares it (``<time-limit cutoff="15:00">``: Luật Hộ tịch 60/2014/QH13 Art.
  5(3), Decree 23/2015 Art. 7): received after it, the legal time counts from the next working
  day.  The regime's cut-off (Decree 61/2018 Art. 18(2),(3): a paper dossier received after 15:00
  is transferred at the start of the next working day) is a transfer rule: it moves the *step*
  clocks, never the appointment of a procedure whose law does not say so.
* **Steps.**  A step entered after the regime's cut-off (or on a day off) counts its budget from
  the next working day's first session, as the transfer rule allows; its working time is counted
  from when the legal clock runs (the later of entering the step and the clock's start), so the
  steps of a dossier add up to the dossier's working time.
* **Cases.**  A limit may depend on the case (``<case when="can_xac_minh" working-days="5">``,
  Luật Hộ tịch Art. 18(2)).  The case is read from the dossier's data; when a move changes it, the
  appointment is counted again from the clock's start under the new limit, and the move's event
  says why (the case, the fields that changed it, the legal basis).

Pure: the calendar and the regimes are given; ``at`` is always an argument.  A request the
law refuses (an extension asked too late) raises the engine's ``ActionNotAllowed``, with its
reason and the rule's words.

The API, in the order a dossier meets it:

* :meth:`LegalClock.receipt`: the legal clock and the first step's clock of a new dossier;
* :meth:`LegalClock.step_due`: when a step entered at some instant is due;
* :meth:`LegalClock.hand_over`: the step just left, measured against its due time;
* :meth:`LegalClock.around_waiting`: pause, resume or restart around a waiting step;
* :meth:`LegalClock.on_case`: a new appointment when the case (and so the limit) changes;
* :meth:`LegalClock.extend`: a new appointment asked by the agency (at most once, early enough);
* :meth:`LegalClock.closing_measures`: the results the indicators read of a closed dossier.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, Protocol

from isoflow.errors import ActionNotAllowed, OutOfCalendar
from isoflow.model.dossier import Clock, Dossier, Result, StepClock, classify
from isoflow.running.compiler import CompiledLimit, CompiledProcess, CompiledState
from isoflow.running.regimes import LegalBasis, Regime

__all__ = ["Calendar", "LegalClock", "Receipt", "hours_text", "iso_minutes", "minutes"]


class Calendar(Protocol):
    """What the legal clock needs of a working calendar (see :mod:`isoflow.running.calendar`)."""

    def receipt_start(self, t: datetime, cutoff: time) -> datetime: ...
    def next_working_instant(self, t: datetime) -> datetime: ...
    def add_working_time(self, t: datetime, delta: timedelta) -> datetime: ...
    def add_working_days_at(self, t: datetime, n: Decimal, hours_per_day: Decimal) -> datetime: ...
    def working_time_between(self, a: datetime, b: datetime) -> timedelta: ...
    def end_of_working_day(self, t: datetime) -> datetime: ...
    def is_working_day(self, d: date) -> bool: ...
    def add_working_days(self, d: date, n: int) -> date: ...


@dataclass(frozen=True, slots=True)
class Receipt:
    """The clocks of a dossier received at some instant, and the regime it keeps."""

    clock: Clock
    step: StepClock
    regime: Regime
    #: The case whose limit applies from receipt (its guard), ``""`` for the procedure's own.
    case: str = ""

    @property
    def measures(self) -> dict[str, Any]:
        """What the dossier's measures start with: the case, when one applies."""
        return {"case": self.case} if self.case else {}


class LegalClock:
    """Legal time on one working calendar under the regimes in force by date."""

    def __init__(self, calendar: Calendar, legal: LegalBasis) -> None:
        self.calendar = calendar
        self.legal = legal

    # -- receipt ---------------------------------------------------------------------------

    def receipt(self, process: CompiledProcess, at: datetime, data: Mapping[str, Any] | None = None) -> Receipt:
        """A dossier of ``process`` received at ``at`` with ``data``: the legal clock starts at
        receipt (after the procedure's own cut-off: the next working day) and is due after the
        limit that applies to its case; the first step counts by the step clock's rule."""
        regime = self.legal.regime_on(at.date())
        started = self.start(process, at)
        limit = process.limit_for(data or {})
        initial = process.states[process.initial]
        return Receipt(Clock(started, self.due(limit, started, process)),
                       StepClock(process.initial, at, self.step_due(process, initial, at, at)), regime, limit.key)

    def start(self, process: CompiledProcess, at: datetime) -> datetime:
        """When the legal time starts for something received (or completed) at ``at``: at once,
        or, after the cut-off the procedure's own law sets, at the next working day's start."""
        if process.cutoff is None:
            return at
        return self.calendar.receipt_start(at, process.cutoff)

    def legal_due(self, process: CompiledProcess, started: datetime,
                  data: Mapping[str, Any] | None = None) -> datetime | None:
        """The appointment for a legal clock started at ``started``, for a dossier with ``data``
        (None: no legal limit)."""
        return self.due(process.limit_for(data or {}), started, process)

    def due(self, limit: CompiledLimit, started: datetime, process: CompiledProcess) -> datetime | None:
        """When ``limit`` counted from ``started`` ends (None: no limit)."""
        kind = limit.kind
        if kind == "same-day":  # the end of the working day the clock runs on (after hours: the next)
            return self.calendar.end_of_working_day(self.calendar.next_working_instant(started))
        if kind == "working-days":
            return self.calendar.add_working_days_at(started, limit.amount,  # type: ignore[arg-type]
                                                     process.definition.hours_per_day)
        if kind == "working-hours":
            return self.calendar.add_working_time(started, limit.hours)  # type: ignore[arg-type]
        if kind == "days":
            return self.civil_code_end(started.date(), int(limit.amount))  # type: ignore[arg-type]
        return None

    def civil_code_end(self, day: date, days: int) -> datetime:
        """The end of a limit of ``days`` calendar days counted from ``day`` (Bộ luật Dân sự
        91/2015/QH13): ``day`` itself is not counted (Art. 147(2)); the limit ends at 24:00 of
        the last day (Art. 148(1),(6)), of the next working day when the last day is a weekend or
        a holiday (Art. 148(5)).  24:00 is returned as 00:00 of the day after (the same instant)."""
        last = day + timedelta(days=days)
        if not self.calendar.is_working_day(last):
            last = self.calendar.add_working_days(last, 1)
        return datetime.combine(last + timedelta(days=1), time())

    def cutoff(self, process: CompiledProcess, on: datetime) -> time:
        """The cut-off of the legal clock for ``process``: the one its own law sets; without
        one, ``time.max`` (nothing received is after it: ``receipt_start(t, time.max)`` is the
        next working instant, where the legal time counted from ``t`` starts anyway)."""
        return process.cutoff or time.max

    def step_cutoff(self, process: CompiledProcess, on: datetime) -> time:
        """The cut-off of the step clocks for ``process``: its own law's, else the regime's
        transfer rule on ``on``'s date (Decree 61/2018 Art. 18(2),(3))."""
        return process.cutoff or self.legal.regime_on(on.date()).cutoff

    # -- judging ---------------------------------------------------------------------------

    @staticmethod
    def judge(done: datetime, due: datetime | None) -> Result:
        """Early, on time or late: to the minute (Circular 01/2018 Art. 13; Decision 766), except
        against an appointment at 24:00 (a limit in calendar days, Civil Code Art. 148(6)), which
        the law counts in days: done before the last day is early, on it on time, after it late."""
        if due is not None and due.time() == time() and due.microsecond == 0:
            last = due.date() - timedelta(days=1)
            return "early" if done.date() < last else "on_time" if done <= due else "late"
        return classify(done, due)

    # -- steps -----------------------------------------------------------------------------

    def step_due(self, process: CompiledProcess, state: CompiledState, entered: datetime,
                 received: datetime | None = None) -> datetime | None:
        """When a work step entered at ``entered`` is due (None: no budget, or not a work step).

        The budget counts from the step clock's start: entered after the cut-off of the regime
        in force on ``received`` (the dossier's receipt; default ``entered``), or on a day off,
        the next working day's first session (Decree 61/2018 Art. 18(2),(3))."""
        if state.kind != "work" or (state.budget is None and state.budget_days is None):
            return None
        start = self.calendar.receipt_start(entered, self.step_cutoff(process, received or entered))
        if state.budget_days is not None:
            return self.calendar.add_working_days_at(start, state.budget_days, process.definition.hours_per_day)
        return self.calendar.add_working_time(start, state.budget)  # type: ignore[arg-type]

    def hand_over(self, step: StepClock, at: datetime,
                  counted_from: datetime | None = None) -> tuple[Result, dict[str, Any]] | None:
        """The step left at ``at``, against its due time: its result and what the hand-over
        event records (None: the step had no due time).  Its working time counts from the later
        of entering it and ``counted_from`` (the legal clock's start), so that the steps of a
        dossier add up to the dossier's working time."""
        if step.due_at is None:
            return None
        result = classify(at, step.due_at)
        since = step.entered_at if counted_from is None or counted_from < step.entered_at else counted_from
        worked = self.calendar.working_time_between(since, at) if since < at else timedelta(0)
        return result, {"step_due": iso_minutes(step.due_at), "step_result": result, "step_worked_min": minutes(worked)}

    # -- waiting for the applicant ---------------------------------------------------------

    def around_waiting(self, dossier: Dossier, process: CompiledProcess, clock: Clock, source: CompiledState,
                       target: CompiledState, at: datetime, event_data: dict[str, Any],
                       data: Mapping[str, Any] | None = None) -> Clock:
        """Pause the legal clock when the applicant gets the dossier back; resume or restart it
        when it comes back (the regime says which); keep the waiting time either way.  Writes
        what happened into ``event_data`` (``clock``, ``waited``, ``due_at``)."""
        if target.kind == "waiting" and source.kind != "waiting":
            event_data["clock"] = "paused"
            supplements = clock.supplements + (1 if target.state.restarts_clock else 0)
            return Clock(clock.started_at, clock.due_at, at, clock.waited, supplements, clock.extensions)
        if source.kind == "waiting" and target.kind == "final" and clock.paused_at is not None:
            # Closed while the applicant held it (withdrawn, refused): nothing restarts; the
            # original appointment stands and the waiting time is kept for the index.
            waited = self.calendar.working_time_between(clock.paused_at, at)
            event_data["waited"] = hours_text(waited)
            return Clock(clock.started_at, clock.due_at, None, clock.waited + waited, clock.supplements,
                         clock.extensions)
        if source.kind == "waiting" and target.kind != "waiting" and clock.paused_at is not None:
            waited = self.calendar.working_time_between(clock.paused_at, at)
            regime = self.legal.regime_on(dossier.received_at.date())
            if regime.supplement_restarts_clock and source.state.restarts_clock:
                started = self.start(process, at)
                due = self.legal_due(process, started, dossier.data if data is None else data)
                event_data["clock"] = "restarted"
            else:
                started, due = clock.started_at, (clock.due_at and self.calendar.add_working_time(clock.due_at, waited))
                event_data["clock"] = "resumed"
            event_data["waited"] = hours_text(waited)
            event_data["due_at"] = iso_minutes(due)
            return Clock(started, due, None, clock.waited + waited, clock.supplements, clock.extensions)
        return clock

    # -- the case --------------------------------------------------------------------------

    def on_case(self, process: CompiledProcess, before: Mapping[str, Any], after: Mapping[str, Any], clock: Clock,
                event_data: dict[str, Any]) -> tuple[Clock, str | None]:
        """The clock after a move that took the dossier's data from ``before`` to ``after``, and
        the case now in force (``None``: the case did not change).

        When another limit applies (a case opened or closed, Luật Hộ tịch Art. 18(2)), the
        appointment is counted again from the clock's start under it; an appointment an apology
        letter moved later stays when it is later still.  ``event_data["appointment"]`` says
        why: the case, the fields that changed it, the legal basis, the previous and new times.
        """
        old, new = process.limit_for(before), process.limit_for(after)
        if old is new:
            return clock, None
        due = self.due(new, clock.started_at, process)
        if clock.extensions and clock.due_at is not None and (due is None or due < clock.due_at):
            due = clock.due_at
        fields = sorted({f for f in (*old.fields, *new.fields) if before.get(f) != after.get(f)})
        event_data["appointment"] = {"case": new.key, "previous_case": old.key, "fields": fields,
                                     "basis": new.basis, "limit": new.kind,
                                     "previous_due": iso_minutes(clock.due_at), "due_at": iso_minutes(due)}
        event_data["due_at"] = iso_minutes(due)
        return Clock(clock.started_at, due, clock.paused_at, clock.waited, clock.supplements, clock.extensions), new.key

    # -- extension -------------------------------------------------------------------------

    def extend(self, dossier: Dossier, process: CompiledProcess, value: Any, at: datetime, action: str) -> Clock:
        """The clock with the appointment moved to ``value`` (a local datetime or its ISO text).

        Refused (``ActionNotAllowed`` of ``action``) beyond the regime's number of extensions, later than
        its notice in working days before the due time, or for a time not after the current one.
        """
        def refuse(reason: str, message: str) -> ActionNotAllowed:
            return ActionNotAllowed(dossier.code, action, dossier.state, reason, message)

        regime = self.legal.regime_on(dossier.received_at.date())
        clock = dossier.clock
        if clock.extensions >= regime.max_extensions:
            source = regime.sources.get("extension_source", regime.name)
            raise refuse("extension-repeated", f"the due time was already extended {clock.extensions} "
                                                     f"time(s); at most {regime.max_extensions} ({source})")
        if clock.due_at is None:
            raise refuse("extension-late", "the dossier has no due time to extend")
        hours_per_day = timedelta(hours=float(process.definition.hours_per_day))
        notice = hours_per_day * regime.extension_min_working_days
        left = self.calendar.working_time_between(at, clock.due_at)
        if left < notice:
            raise refuse("extension-late", f"an extension must be asked at least "
                                                 f"{regime.extension_min_working_days} working day(s) before the "
                                                 f"due time {clock.due_at:%Y-%m-%d %H:%M}; only {hours_text(left)} "
                                                 "of working time is left")
        try:
            new_due = datetime.fromisoformat(str(value)) if value not in (None, "") else None
        except ValueError:
            new_due = None
        if new_due is None:
            raise refuse("missing-data" if value in (None, "") else "invalid-data",
                               f"the new due time ({value!r}) must be a local date and time like 2026-03-10T09:00")
        if new_due <= clock.due_at:
            raise refuse("invalid-data", f"the new due time {new_due:%Y-%m-%d %H:%M} is not after the "
                                               f"current one ({clock.due_at:%Y-%m-%d %H:%M})")
        try:
            asked = self.calendar.working_time_between(clock.due_at, new_due)
        except OutOfCalendar:
            raise refuse("invalid-data", f"the new due time {new_due:%Y-%m-%d %H:%M} is outside the working "
                                         "calendar; no appointment can be counted there") from None
        if regime.extension_max_limits is not None:
            legal_time = self.calendar.working_time_between(clock.started_at, clock.due_at)
            limit = legal_time * float(regime.extension_max_limits)
            if asked > limit:
                source = regime.sources.get("extension_max_source", regime.name)
                raise refuse("invalid-data", f"the new due time {new_due:%Y-%m-%d %H:%M} is {hours_text(asked)} of "
                                             f"working time after the current one, more than the legal time "
                                             f"again ({hours_text(limit)}; {source})")
        return Clock(clock.started_at, new_due, clock.paused_at, clock.waited, clock.supplements, clock.extensions + 1)

    # -- closing ---------------------------------------------------------------------------

    def closing_measures(self, dossier: Dossier, process: CompiledProcess, clock: Clock, at: datetime,
                         measures: Mapping[str, Any], data: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """What the indicators read of a dossier closed at ``at`` (see :attr:`Dossier.measures`).

        Circular 01/2018 compares with the appointment given at receipt (restarted by a
        supplement, Decree 61 Art. 19): an apology letter that moved it does not make a late
        dossier on time.  Decision 766 counts from the first receipt, subtracts the time the
        applicant held the dossier, and counts more than one supplement request as late.  The
        limit is the one of the case the dossier closed in (``data``, default its own).
        """
        data = dossier.data if data is None else data
        before = measures.get("due_before_extension")
        result = self.judge(at, datetime.fromisoformat(before) if before else clock.due_at)
        first_start = self.start(process, dossier.received_at)
        worked = self.calendar.working_time_between(first_start, at) - clock.waited
        # The limit of the case the dossier ended in (a verification opened: its limit).
        first_due = self.legal_due(process, first_start, data)
        if clock.supplements > 1:
            result_766: Result = "late"
        elif first_due is None:
            result_766 = "on_time"
        else:
            allowed = self.calendar.working_time_between(first_start, first_due)
            worked_m, allowed_m = minutes(worked), minutes(allowed)
            result_766 = "early" if worked_m < allowed_m else "on_time" if worked_m == allowed_m else "late"
        return {"result": result, "result_766": result_766, "worked_min": max(minutes(worked), 0)}


def iso_minutes(value: datetime | None) -> str | None:
    """A due time as the events and measures store it: ISO text to the minute."""
    return value.isoformat(timespec="minutes") if value is not None else None


def minutes(delta: timedelta) -> int:
    """Whole minutes of a working time (floor), as the indicators count."""
    return int(delta.total_seconds() // 60)


def hours_text(delta: timedelta) -> str:
    """A working time as ``"3h05"``, as refusals and waiting events say it."""
    whole = int(delta.total_seconds() // 60)
    return f"{whole // 60}h{whole % 60:02d}"
