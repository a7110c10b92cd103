"""The legal clock: the one place where legal time is decided.

A dossier's times are law, not engine mechanics: the appointment given at receipt (Decree
61/2018 Art. 18, the 15:00 cut-off), each step's due time, the pause while the applicant holds
the dossier and the restart or resumption after it (Art. 19(4)), the one extension an apology
letter may ask for, and what the indicators measure when the dossier closes (Circular
01/2018, Decision 766).  Keeping all of it here, behind a small API, means a new rule (days
against working days, a limit that depends on the case, another cut-off) changes one module,
and the engine only asks.

Pure: the calendar and the regimes are given; ``at`` is always an argument.  A request the
law refuses (an extension asked too late) raises the engine's ``ActionNotAllowed``, with its
reason and the rule's words.

The API, in the order a dossier meets it:

* :meth:`LegalClock.receipt`: the legal clock and the first step's clock of a new dossier;
* :meth:`LegalClock.step_due`: when a step entered at some instant is due;
* :meth:`LegalClock.hand_over`: the step just left, measured against its due time;
* :meth:`LegalClock.around_waiting`: pause, resume or restart around a waiting step;
* :meth:`LegalClock.extend`: a new appointment asked by the agency (at most once, early enough);
* :meth:`LegalClock.closing_measures`: the results the indicators read of a closed dossier.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any, Protocol

from isoflow.errors import ActionNotAllowed
from isoflow.model.dossier import Clock, Dossier, Result, StepClock, classify
from isoflow.running.compiler import CompiledProcess, CompiledState
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


@dataclass(frozen=True, slots=True)
class Receipt:
    """The clocks of a dossier received at some instant, and the regime it keeps."""

    clock: Clock
    step: StepClock
    regime: Regime


class LegalClock:
    """Legal time on one working calendar under the regimes in force by date."""

    def __init__(self, calendar: Calendar, legal: LegalBasis) -> None:
        self.calendar = calendar
        self.legal = legal

    # -- receipt ---------------------------------------------------------------------------

    def receipt(self, process: CompiledProcess, at: datetime) -> Receipt:
        """A dossier of ``process`` received at ``at``: the clock starts at the receipt start
        (after the cut-off: the next working day) and is due after the legal limit; the first
        step counts from the same start."""
        regime = self.legal.regime_on(at.date())
        started = self.calendar.receipt_start(at, process.cutoff or regime.cutoff)
        initial = process.states[process.initial]
        return Receipt(Clock(started, self.legal_due(process, started)),
                       StepClock(process.initial, at, self.step_due(process, initial, started)), regime)

    def legal_due(self, process: CompiledProcess, started: datetime) -> datetime | None:
        """The appointment for a legal clock started at ``started`` (None: no legal limit)."""
        if process.same_day:
            return self.calendar.end_of_working_day(started)
        if process.limit_days is not None:
            return self.calendar.add_working_days_at(started, process.limit_days, process.definition.hours_per_day)
        if process.limit is None:
            return None
        return self.calendar.add_working_time(started, process.limit)

    def cutoff(self, process: CompiledProcess, on: datetime) -> time:
        """The receipt cut-off for ``process``: its own, else the regime's on ``on``'s date."""
        return process.cutoff or self.legal.regime_on(on.date()).cutoff

    # -- steps -----------------------------------------------------------------------------

    def step_due(self, process: CompiledProcess, state: CompiledState, entered: datetime) -> datetime | None:
        """When a work step entered at ``entered`` is due (None: no budget, or not a work step)."""
        if state.kind != "work" or (state.budget is None and state.budget_days is None):
            return None
        # Working-time arithmetic counts from the next session by itself: no separate lookup.
        if state.budget_days is not None:
            return self.calendar.add_working_days_at(entered, state.budget_days, process.definition.hours_per_day)
        return self.calendar.add_working_time(entered, state.budget)  # type: ignore[arg-type]

    def hand_over(self, step: StepClock, at: datetime) -> tuple[Result, dict[str, Any]] | None:
        """The step left at ``at``, against its due time: its result and what the hand-over
        event records (None: the step had no due time)."""
        if step.due_at is None:
            return None
        result = classify(at, step.due_at)
        return result, {"step_due": iso_minutes(step.due_at), "step_result": result,
                        "step_worked_min": minutes(self.calendar.working_time_between(step.entered_at, at))}

    # -- waiting for the applicant ---------------------------------------------------------

    def around_waiting(self, dossier: Dossier, process: CompiledProcess, clock: Clock, source: CompiledState,
                       target: CompiledState, at: datetime, event_data: dict[str, Any]) -> Clock:
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
                started = self.calendar.receipt_start(at, process.cutoff or regime.cutoff)
                due = self.legal_due(process, started)
                event_data["clock"] = "restarted"
            else:
                started, due = clock.started_at, (clock.due_at and self.calendar.add_working_time(clock.due_at, waited))
                event_data["clock"] = "resumed"
            event_data["waited"] = hours_text(waited)
            event_data["due_at"] = iso_minutes(due)
            return Clock(started, due, None, clock.waited + waited, clock.supplements, clock.extensions)
        return clock

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
        return Clock(clock.started_at, new_due, clock.paused_at, clock.waited, clock.supplements, clock.extensions + 1)

    # -- closing ---------------------------------------------------------------------------

    def closing_measures(self, dossier: Dossier, process: CompiledProcess, clock: Clock, at: datetime,
                         measures: Mapping[str, Any]) -> dict[str, Any]:
        """What the indicators read of a dossier closed at ``at`` (see :attr:`Dossier.measures`).

        Circular 01/2018 compares with the appointment given at receipt (restarted by a
        supplement, Decree 61 Art. 19): an apology letter that moved it does not make a late
        dossier on time.  Decision 766 counts from the first receipt, subtracts the time the
        applicant held the dossier, and counts more than one supplement request as late.
        """
        before = measures.get("due_before_extension")
        result = classify(at, datetime.fromisoformat(before) if before else clock.due_at)
        first_start = self.calendar.receipt_start(dossier.received_at, self.cutoff(process, dossier.received_at))
        worked = self.calendar.working_time_between(first_start, at) - clock.waited
        first_due = self.legal_due(process, first_start)
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
