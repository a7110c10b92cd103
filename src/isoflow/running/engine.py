"""The engine: dossiers move through their procedure by permitted actions, on the calendar.

Pure: no files, no database, no clock (``at`` is always an argument).  It is the only
importer of ``transitions``: one shared ``Machine`` per (procedure code, revision), built
once, with ``auto_transitions=False``; dossiers are plain immutable records, and each move
is performed on a throwaway token object so nothing is injected into user objects.  Guards,
roles, segregation of duties, required data and the legal time rules are checked here,
before the machine moves, so each refusal says exactly why and nothing changes.

What reaches the audit trail is checked at this boundary too: every move names a non-blank
actor and role; entered values fit their fields' types and ranges, and so does every value an
effect computes (an effect's ``inf`` or 40-digit int would otherwise be stored, and fail later
in a form, a JSON encoder or a database column); text (entered values, applicant data,
comments) is stored in Unicode NFC, so a name typed with combining marks is the same name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, Protocol

from transitions import Machine

from isoflow.errors import ActionNotAllowed, ExpressionEvaluationError, FieldValueError, ProcessNotFound
from isoflow.model.dossier import RESULTS, Channel, Clock, Dossier, Event, Result, StepClock, classify
from isoflow.model.fields import accept, coerce_all, nfc
from isoflow.running.compiler import CompiledAction, CompiledProcess, CompiledState
from isoflow.running.regimes import LegalBasis

__all__ = ["Calendar", "Engine", "Move", "Option", "Result", "classify"]


class Calendar(Protocol):
    """What the engine needs of a working calendar (see :mod:`isoflow.running.calendar`)."""

    def receipt_start(self, t: datetime, cutoff: time) -> datetime: ...
    def next_working_instant(self, t: datetime) -> datetime: ...
    def add_working_time(self, t: datetime, delta: timedelta) -> datetime: ...
    def add_working_days_at(self, t: datetime, n: Decimal, hours_per_day: Decimal) -> datetime: ...
    def working_time_between(self, a: datetime, b: datetime) -> timedelta: ...
    def end_of_working_day(self, t: datetime) -> datetime: ...


@dataclass(frozen=True, slots=True)
class Move:
    """What an action produced: the new dossier and the events that explain it."""

    dossier: Dossier
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Option:
    """An action an actor may take now: its guard holds, or reads data the actor enters with it."""

    action: str
    label: str
    target: str
    requires: tuple[str, ...]


class _Token:
    """The throwaway model the shared machine moves; it only has a state."""

    __slots__ = ("state",)

    def __init__(self, state: str) -> None:
        self.state = state


class _Plan:
    """What the engine looks up on every move of one process revision, built once with its machine."""

    __slots__ = ("actions", "cutoff", "events", "machine", "process", "receivers")

    def __init__(self, process: CompiledProcess) -> None:
        self.process = process
        self.machine = _machine(process)
        #: trigger -> the machine's event for it (looked up once instead of on every move).
        self.events = dict(self.machine.events)
        #: state -> action id -> its alternatives from that state (defaults last).
        self.actions: dict[str, dict[str, tuple[CompiledAction, ...]]] = {}
        for source, actions in process.actions.items():
            by_id: dict[str, list[CompiledAction]] = {}
            for compiled in actions:
                by_id.setdefault(compiled.id, []).append(compiled)
            self.actions[source] = {k: tuple(v) for k, v in by_id.items()}
        receivers = {r for a in process.actions.get(process.initial, ()) for r in a.roles}
        initial_role = process.states[process.initial].state.role
        if initial_role:
            receivers.add(initial_role)
        self.receivers = frozenset(receivers)
        procedure = process.definition.procedure
        self.cutoff: time | None = None
        if procedure is not None and procedure.time_limit.cutoff:
            hours, minutes = (int(p) for p in procedure.time_limit.cutoff.split(":"))
            self.cutoff = time(hours, minutes)


_NO_ACTIONS: dict[str, tuple[CompiledAction, ...]] = {}


def _machine(process: CompiledProcess) -> Machine:
    machine = Machine(model=None, states=list(process.states), initial=process.initial,
                      auto_transitions=False, send_event=False)
    for source, actions in process.actions.items():
        for compiled in actions:
            # Alternatives of one action are separate triggers: the engine has already chosen one.
            machine.add_transition(compiled.trigger, source, compiled.target)
    return machine


class Engine:
    """Runs dossiers of the compiled processes it is given."""

    def __init__(self, processes: Iterable[CompiledProcess], calendar: Calendar, legal: LegalBasis) -> None:
        self.calendar = calendar
        self.legal = legal
        self._processes: dict[tuple[str, int], CompiledProcess] = {p.key: p for p in processes}
        self._plans: dict[tuple[str, int], _Plan] = {}
        self._revisions: dict[str, list[CompiledProcess]] = {}
        for p in sorted(self._processes.values(), key=lambda p: p.key[1]):
            self._revisions.setdefault(p.key[0], []).append(p)

    # -- procedures --------------------------------------------------------------------

    def process_for(self, code: str, on: date) -> CompiledProcess:
        """The revision of ``code`` in force on ``on`` (the newest effective one)."""
        revisions = self._revisions.get(code)
        if not revisions:
            known = ", ".join(sorted({c for c, _ in self._processes})) or "none"
            raise ProcessNotFound(f"no procedure {code!r} (known: {known})")
        effective = [p for p in revisions if p.definition.effective is None or p.definition.effective <= on]
        if not effective:
            raise ProcessNotFound(f"procedure {code!r} has no revision in force on {on.isoformat()}")
        return effective[-1]

    def process_of(self, dossier: Dossier) -> CompiledProcess:
        """The exact revision a dossier started with: new revisions only affect new dossiers."""
        try:
            return self._processes[(dossier.process_code, dossier.revision)]
        except KeyError:
            raise ProcessNotFound(f"dossier {dossier.code}: procedure {dossier.process_code!r} revision "
                                  f"{dossier.revision} is not loaded") from None

    def receivers(self, code: str, on: date) -> frozenset[str]:
        """The roles that may receive a dossier of ``code`` on ``on`` (who acts in its first step)."""
        return self._plan(self.process_for(code, on)).receivers

    def _plan(self, process: CompiledProcess) -> _Plan:
        plan = self._plans.get(process.key)
        if plan is None or plan.process is not process:
            plan = self._plans[process.key] = _Plan(process)
        return plan

    def _machine_for(self, process: CompiledProcess) -> Machine:
        return self._plan(process).machine

    # -- receiving ---------------------------------------------------------------------

    def receive(self, code: str, process_code: str, *, unit: str, channel: Channel, applicant: Mapping[str, Any],
                data: Mapping[str, Any], actor: str, role: str, at: datetime, comment: str = "") -> Move:
        """A dossier received at the one-stop desk: its code, appointment and first event."""
        day = at.date()
        process = self.process_for(process_code, day)
        blank = _blank(actor, role)
        if blank:
            raise ActionNotAllowed(code, "receive", process.initial, "invalid-data", blank)
        plan = self._plan(process)
        initial = process.states[process.initial]
        allowed = plan.receivers
        if role not in allowed:
            raise ActionNotAllowed(code, "receive", process.initial, "role",
                                   f"role {role!r} may not receive dossiers (allowed: {', '.join(sorted(allowed))})")
        try:
            values = coerce_all(process.fields, data)
        except FieldValueError as error:
            raise ActionNotAllowed(code, "receive", process.initial, "invalid-data", str(error)) from None
        regime = self.legal.regime_on(day)
        started = self.calendar.receipt_start(at, plan.cutoff or regime.cutoff)
        due = self._legal_due(process, started)
        dossier = Dossier(
            code=code, process_code=process.definition.code, revision=process.definition.revision,
            state=process.initial, status=initial.status, data=values, applicant=_nfc_tree(applicant), channel=channel,
            receiving_unit=unit, received_at=at, clock=Clock(started_at=started, due_at=due),
            step=StepClock(process.initial, at, self._step_due(process, initial, started)), version=1,
            form_set=self.legal.form_set_on(day).id, last_event_at=at)
        event = Event(code, 1, "received", at, actor, role, None, None, process.initial, None, initial.state.unit,
                      None, initial.status,
                      {"fields": values, "channel": channel, "started_at": started.isoformat(),
                       "due_at": due.isoformat() if due else None, "regime": regime.id}, nfc(comment))
        return Move(dossier, (event,))

    @staticmethod
    def _cutoff(process: CompiledProcess, default: time) -> time:
        procedure = process.definition.procedure
        if procedure is not None and procedure.time_limit.cutoff:
            hours, minutes = (int(p) for p in procedure.time_limit.cutoff.split(":"))
            return time(hours, minutes)
        return default

    def _legal_due(self, process: CompiledProcess, started: datetime) -> datetime | None:
        if process.same_day:
            return self.calendar.end_of_working_day(started)
        if process.limit_days is not None:
            return self.calendar.add_working_days_at(started, process.limit_days, process.definition.hours_per_day)
        if process.limit is None:
            return None
        return self.calendar.add_working_time(started, process.limit)

    def _step_due(self, process: CompiledProcess, state: CompiledState, entered: datetime) -> datetime | None:
        if state.kind != "work" or (state.budget is None and state.budget_days is None):
            return None
        # Working-time arithmetic counts from the next session by itself: no separate lookup.
        if state.budget_days is not None:
            return self.calendar.add_working_days_at(entered, state.budget_days, process.definition.hours_per_day)
        return self.calendar.add_working_time(entered, state.budget)  # type: ignore[arg-type]

    # -- what may happen ---------------------------------------------------------------

    def available(self, dossier: Dossier, role: str, actor: str | None = None) -> list[Option]:
        """The actions ``role`` (and ``actor``, for segregation of duties) may take now."""
        if dossier.is_closed:
            return []
        process = self.process_of(dossier)
        options = []
        seen: set[str] = set()
        for compiled in process.actions.get(dossier.state, ()):
            if role not in compiled.roles or compiled.id in seen:
                continue
            if compiled.action.duty == "approve" and actor is not None and actor in dossier.preparers:
                continue
            if compiled.guard is None or compiled.deciding or _holds(compiled, dossier.data):
                seen.add(compiled.id)
                options.append(Option(compiled.id, compiled.action.label, compiled.target, compiled.requires))
        return options

    # -- acting ------------------------------------------------------------------------

    def fire(self, dossier: Dossier, action: str, *, actor: str, role: str, at: datetime,
             data: Mapping[str, Any] | None = None, comment: str = "", receiver: str | None = None) -> Move:
        """Take ``action`` on ``dossier``: the new dossier and its events, or ActionNotAllowed."""
        def refuse(reason: str, message: str) -> ActionNotAllowed:
            return ActionNotAllowed(dossier.code, action, dossier.state, reason, message)

        blank = _blank(actor, role)
        if blank:
            raise refuse("invalid-data", blank)
        if dossier.closed_at is not None:
            raise refuse("closed", f"the dossier was closed on {dossier.closed_at:%Y-%m-%d %H:%M} "
                                   f"({dossier.outcome})")
        last = dossier.step.entered_at
        if dossier.last_event_at is not None and dossier.last_event_at > last:
            last = dossier.last_event_at
        if at < last:
            raise refuse("time", f"{at:%Y-%m-%d %H:%M} is before the dossier's last event ({last:%Y-%m-%d %H:%M}); "
                                 "the audit trail cannot go back in time")
        plan = self._plans.get((dossier.process_code, dossier.revision))
        if plan is None:
            plan = self._plan(self.process_of(dossier))
        process = plan.process
        candidates = plan.actions.get(dossier.state, _NO_ACTIONS).get(action)
        if not candidates:
            here = sorted({a.id for a in process.actions.get(dossier.state, ())})
            known = any(a.id == action for acts in process.actions.values() for a in acts)
            why = "is not possible from this step" if known else "is not an action of this procedure"
            raise refuse("wrong-state" if known else "unknown-action",
                         f"{action!r} {why}; possible here: {', '.join(here) or 'none'}")
        permitted = [a for a in candidates if role in a.roles]
        if not permitted:
            roles = sorted({r for a in candidates for r in a.roles})
            raise refuse("role", f"role {role!r} is not permitted (permitted: {', '.join(roles)})")
        try:
            values = coerce_all(process.fields, data) if data else {}
        except FieldValueError as error:
            raise refuse("invalid-data", str(error)) from None
        # A move that enters nothing and computes nothing keeps the (never mutated) data mapping.
        merged = {**dossier.data, **values} if values or permitted[0].effects else dossier.data
        if len(permitted) > 1:
            deciding = sorted({f for a in permitted for f in a.deciding if merged.get(f) in (None, "")})
            if deciding:
                raise refuse("missing-data",
                             f"enter {', '.join(deciding)} first: it decides which way the dossier goes")
        chosen = self._choose(permitted, merged, refuse)
        if chosen.action.duty == "approve" and actor in dossier.preparers:
            raise refuse("self-approval", f"{actor!r} prepared this dossier and may not approve it "
                                          "(segregation of duties)")
        missing = [f for f in chosen.requires if merged.get(f) in (None, "")]
        if missing:
            raise refuse("missing-data", f"enter {', '.join(missing)} first")
        if chosen.effects:
            if merged is dossier.data:
                merged = dict(merged)
            for name, expression in chosen.effects:
                merged[name] = self._effect(process, name, expression, merged, refuse)  # type: ignore[index]
        clock = dossier.clock
        event_data: dict[str, Any] = {"fields": values} if values else {}
        if chosen.action.reschedule:
            clock = self._reschedule(dossier, process, merged.get(chosen.action.reschedule), at, refuse)
            event_data.update(previous_due=_iso(dossier.clock.due_at), new_due=_iso(clock.due_at))
        token = _Token(dossier.state)
        plan.events[chosen.trigger].trigger(token)
        return self._moved(dossier, process, chosen, token.state, merged, clock, event_data,
                           actor=actor, role=role, at=at, comment=nfc(comment), receiver=receiver)

    def _choose(self, permitted: list[CompiledAction], data: Mapping[str, Any], refuse: Any) -> CompiledAction:
        for compiled in permitted:  # defaults sort last
            if compiled.guard is None or self._evaluate(compiled.guard, data, refuse):
                return compiled
        guards = "; ".join(f"{a.action.when!r} (to {a.target})" for a in permitted if a.guard)
        raise refuse("guard", f"its condition does not hold: {guards}")

    @staticmethod
    def _evaluate(expression: Any, data: Mapping[str, Any], refuse: Any) -> Any:
        try:
            return expression.evaluate(data)
        except ExpressionEvaluationError as error:
            raise refuse("guard", str(error)) from None

    def _effect(self, process: CompiledProcess, name: str, expression: Any, data: Mapping[str, Any],
                refuse: Any) -> Any:
        """What an effect writes into field ``name``: its value, checked like entered data.

        A failure is ``invalid-data``, not ``guard``: the action was allowed, but the data it
        was given makes the value it must record impossible (too large, not a number...).
        """
        try:
            value = expression.evaluate(data)
        except ExpressionEvaluationError as error:
            raise refuse("invalid-data", f"field {name!r}: {error}") from None
        field = process.fields.get(name)
        if field is None:  # validate reports it (S003); a process built in code may not have been
            raise refuse("invalid-data", f"the effect {expression.source!r} sets {name!r}, which is not a field")
        try:
            return accept(field, value)
        except FieldValueError as error:
            raise refuse("invalid-data", f"{error} (computed by the effect {expression.source!r})") from None

    def _reschedule(self, dossier: Dossier, process: CompiledProcess, value: Any, at: datetime,
                    refuse: Any) -> Clock:
        regime = self.legal.regime_on(dossier.received_at.date())
        clock = dossier.clock
        if clock.extensions >= regime.max_extensions:
            source = regime.sources.get("extension_source", regime.name)
            raise refuse("extension-repeated", f"the due time was already extended {clock.extensions} time(s); "
                                               f"at most {regime.max_extensions} ({source})")
        if clock.due_at is None:
            raise refuse("extension-late", "the dossier has no due time to extend")
        hours_per_day = timedelta(hours=float(process.definition.hours_per_day))
        notice = hours_per_day * regime.extension_min_working_days
        left = self.calendar.working_time_between(at, clock.due_at)
        if left < notice:
            raise refuse("extension-late", f"an extension must be asked at least {regime.extension_min_working_days} "
                                           f"working day(s) before the due time {clock.due_at:%Y-%m-%d %H:%M}; "
                                           f"only {_hours(left)} of working time is left")
        try:
            new_due = datetime.fromisoformat(str(value)) if value not in (None, "") else None
        except ValueError:
            new_due = None
        if new_due is None:
            raise refuse("missing-data" if value in (None, "") else "invalid-data",
                         f"the new due time ({value!r}) must be a local date and time like 2026-03-10T09:00")
        if new_due <= clock.due_at:
            raise refuse("invalid-data", f"the new due time {new_due:%Y-%m-%d %H:%M} is not after the current one "
                                         f"({clock.due_at:%Y-%m-%d %H:%M})")
        return Clock(clock.started_at, new_due, clock.paused_at, clock.waited, clock.supplements, clock.extensions + 1)

    def _moved(self, dossier: Dossier, process: CompiledProcess, chosen: CompiledAction, target_id: str,
               data: Mapping[str, Any], clock: Clock, event_data: dict[str, Any], *, actor: str, role: str,
               at: datetime, comment: str, receiver: str | None) -> Move:
        states = process.states
        source, target = states[dossier.state], states[target_id]
        step = dossier.step
        measures = dossier.measures
        if target_id != dossier.state:
            if step.due_at is not None:
                step_result = classify(at, step.due_at)
                event_data["step_due"] = _iso(step.due_at)
                event_data["step_result"] = step_result
                event_data["step_worked_min"] = _minutes(self.calendar.working_time_between(step.entered_at, at))
                worst = measures.get("worst_step")
                if worst is None or RESULTS.index(step_result) > RESULTS.index(worst):
                    measures = {**measures, "worst_step": step_result}
            if source.state.unit != target.state.unit and target.kind != "final":
                measures = {**measures, "handovers": int(measures.get("handovers", 0)) + 1}
            step = StepClock(target_id, at, self._step_due(process, target, at))
            if source.kind == "waiting" or target.kind == "waiting":
                clock = self._clock_after(dossier, process, clock, source, target, at, event_data)
                if event_data.get("clock") == "restarted" and "due_before_extension" in measures:
                    # A new appointment from a complete dossier: an earlier apology no longer counts.
                    measures = {k: v for k, v in measures.items() if k != "due_before_extension"}
        if clock.extensions and not dossier.clock.extensions and dossier.clock.due_at is not None:
            # The appointment the apology letter moved: the indicators judge against it.
            measures = {**measures, "due_before_extension": _iso(dossier.clock.due_at)}
        closed_at = outcome = None
        if target.kind == "final":
            closed_at, outcome = at, target.state.outcome
            event_data["result"] = classify(at, clock.due_at)
            measures = {**measures, **self._closing_measures(dossier, process, clock, at, measures)}
        preparers = dossier.preparers
        if chosen.action.duty == "prepare" and actor not in preparers:
            preparers = (*preparers, actor)
        version = dossier.version + 1
        event = Event(dossier.code, version, "extended" if chosen.action.reschedule else "moved", at, actor, role,
                      chosen.action.id, dossier.state, target_id, source.state.unit, target.state.unit, receiver,
                      target.status, event_data, comment)
        new = Dossier(dossier.code, dossier.process_code, dossier.revision, target_id, target.status, data,
                      dossier.applicant, dossier.channel, dossier.receiving_unit, dossier.received_at, clock, step,
                      version, dossier.last_hash, preparers, closed_at, outcome, dossier.form_set, at,
                      dossier.reminded, measures)
        return Move(new, (event,))

    def _closing_measures(self, dossier: Dossier, process: CompiledProcess, clock: Clock, at: datetime,
                          measures: Mapping[str, Any]) -> dict[str, Any]:
        """What the indicators read of a closed dossier (see :attr:`Dossier.measures`).

        Circular 01/2018 compares with the appointment given at receipt (restarted by a
        supplement, Decree 61 Art. 19): an apology letter that moved it does not make a late
        dossier on time.  Decision 766 counts from the first receipt, subtracts the time the
        applicant held the dossier, and counts more than one supplement request as late.
        """
        before = measures.get("due_before_extension")
        result = classify(at, datetime.fromisoformat(before) if before else clock.due_at)
        regime = self.legal.regime_on(dossier.received_at.date())
        first_start = self.calendar.receipt_start(dossier.received_at, self._cutoff(process, regime.cutoff))
        worked = self.calendar.working_time_between(first_start, at) - clock.waited
        first_due = self._legal_due(process, first_start)
        if clock.supplements > 1:
            result_766: Result = "late"
        elif first_due is None:
            result_766 = "on_time"
        else:
            allowed = self.calendar.working_time_between(first_start, first_due)
            worked_m, allowed_m = _minutes(worked), _minutes(allowed)
            result_766 = "early" if worked_m < allowed_m else "on_time" if worked_m == allowed_m else "late"
        return {"result": result, "result_766": result_766, "worked_min": max(_minutes(worked), 0)}

    def _clock_after(self, dossier: Dossier, process: CompiledProcess, clock: Clock, source: CompiledState,
                     target: CompiledState, at: datetime, event_data: dict[str, Any]) -> Clock:
        """Pause the legal clock when the applicant gets the dossier back; resume or restart it after."""
        if target.kind == "waiting" and source.kind != "waiting":
            event_data["clock"] = "paused"
            supplements = clock.supplements + (1 if target.state.restarts_clock else 0)
            return Clock(clock.started_at, clock.due_at, at, clock.waited, supplements, clock.extensions)
        if source.kind == "waiting" and target.kind == "final" and clock.paused_at is not None:
            # Closed while the applicant held it (withdrawn, refused): nothing restarts; the
            # original appointment stands and the waiting time is kept for the index.
            waited = self.calendar.working_time_between(clock.paused_at, at)
            event_data["waited"] = _hours(waited)
            return Clock(clock.started_at, clock.due_at, None, clock.waited + waited, clock.supplements,
                         clock.extensions)
        if source.kind == "waiting" and target.kind != "waiting" and clock.paused_at is not None:
            waited = self.calendar.working_time_between(clock.paused_at, at)
            regime = self.legal.regime_on(dossier.received_at.date())
            if regime.supplement_restarts_clock and source.state.restarts_clock:
                started = self.calendar.receipt_start(at, self._cutoff(process, regime.cutoff))
                due = self._legal_due(process, started)
                event_data["clock"] = "restarted"
            else:
                started, due = clock.started_at, (clock.due_at and self.calendar.add_working_time(clock.due_at, waited))
                event_data["clock"] = "resumed"
            event_data["waited"] = _hours(waited)
            event_data["due_at"] = _iso(due)
            return Clock(started, due, None, clock.waited + waited, clock.supplements, clock.extensions)
        return clock

    # -- shortcuts the law names -------------------------------------------------------

    def exit_to(self, dossier: Dossier, outcome: str, role: str) -> str:
        """The action leading from the current step to a final state with ``outcome``."""
        process = self.process_of(dossier)
        for compiled in process.actions.get(dossier.state, ()):
            target = process.states[compiled.target]
            if target.state.outcome == outcome and role in compiled.roles:
                return compiled.id
        raise ActionNotAllowed(dossier.code, outcome, dossier.state, "no-such-exit",
                               f"the procedure offers role {role!r} no way to a {outcome!r} outcome from this step")

    def withdraw(self, dossier: Dossier, *, actor: str, role: str, reason: str, at: datetime,
                 reason_field: str = "ly_do") -> Move:
        """The applicant withdraws the dossier (công dân yêu cầu rút hồ sơ), with a reason."""
        return self._exit(dossier, "withdrawn", actor=actor, role=role, reason=reason, at=at, field=reason_field)

    def stop(self, dossier: Dossier, *, actor: str, role: str, reason: str, at: datetime,
             reason_field: str = "ly_do") -> Move:
        """The agency stops processing the dossier (dừng giải quyết), with a reason."""
        return self._exit(dossier, "stopped", actor=actor, role=role, reason=reason, at=at, field=reason_field)

    def _exit(self, dossier: Dossier, outcome: str, *, actor: str, role: str, reason: str, at: datetime,
              field: str) -> Move:
        request = "withdraw" if outcome == "withdrawn" else "stop"
        blank = _blank(actor, role)
        if blank:
            raise ActionNotAllowed(dossier.code, request, dossier.state, "invalid-data", blank)
        if not reason.strip():
            raise ActionNotAllowed(dossier.code, request, dossier.state, "missing-data", "a reason is required")
        action = self.exit_to(dossier, outcome, role)
        data = {field: reason} if field in self.process_of(dossier).fields else {}
        return self.fire(dossier, action, actor=actor, role=role, at=at, data=data, comment=reason)


def _blank(actor: str, role: str) -> str:
    """Why the actor or role cannot go into the audit trail ("" when both can): an event
    without a person or a role answers nobody for it."""
    if not isinstance(actor, str) or not actor.strip():
        return "the actor is blank: say who acts (a user name)"
    if not isinstance(role, str) or not role.strip():
        return "the role is blank: say in which role the actor acts"
    return ""


def _nfc_tree(value: Any) -> Any:
    """``value`` with every text in it (keys too) in NFC: applicant data may nest."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, Mapping):
        return {_nfc_tree(k): _nfc_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_nfc_tree(v) for v in value]
    return value


def _holds(compiled: CompiledAction, data: Mapping[str, Any]) -> bool:
    try:
        return bool(compiled.guard.evaluate(data)) if compiled.guard else True
    except ExpressionEvaluationError:
        return False


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="minutes") if value is not None else None


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def _hours(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60}h{minutes % 60:02d}"
