"""The engine: dossiers move through their procedure by permitted actions, on the calendar.

Pure: no files, no database, no clock (``at`` is always an argument).  Three parts decide a
move, each in one place: this module checks what must be refused precisely and builds the
new records; the procedure's shared state machine (:mod:`isoflow.running.machine`) chooses
which alternative of the action is taken; the legal clock (:mod:`isoflow.running.legal_clock`)
decides every due time.  Dossiers are plain immutable records; nothing changes on a refusal.

The order of a move: before the machine, the checks whose refusal must name its cause (the
dossier is closed, time runs backwards, the action is unknown or not possible from this
step, the role is permitted on none of its alternatives, entered data does not fit its
fields, a field that decides the way is not entered yet); then the machine chooses (no
alternative's conditions hold: the ``guard`` refusal quoting the guards); after it, the
checks that depend on the alternative taken (segregation of duties, its required data),
its effects and the extension it asks for.

What reaches the audit trail is checked at this boundary too (:mod:`isoflow.running.boundary`):
every move names a non-blank actor and role, on one line and in NFC (control and format
characters are refused: a newline in an actor forged a line of the history); entered values
fit their fields' types and ranges, and so does every value an effect computes (an effect's
``inf`` or 40-digit int would otherwise be stored, and fail later in a form, a JSON encoder or
a database column); text (entered values, applicant data, comments) is stored in Unicode NFC,
so a name typed with combining marks is the same name.

Nothing the caller gives is dropped or guessed: ``at`` must be a datetime (naive is Vietnam local
time; an aware one is converted to UTC+7, :func:`isoflow.model.dossier.local_time`), a channel
must be one of :data:`~isoflow.model.dossier.CHANNELS`, a role one the procedure declares; each
refusal lists what is allowed.

Procedures end: a revision with ``until`` receives no dossier after that day (the act that
abolishes or replaces it takes effect, Decree 63/2010 Art. 14), and the refusal names its
successor; dossiers received before finish on the revision they started with.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, get_args

from transitions import Machine

from isoflow.errors import (
    ActionNotAllowed,
    ExpressionEvaluationError,
    FieldValueError,
    InvalidArgument,
    ProcessNotFound,
)
from isoflow.model.definition import Outcome
from isoflow.model.dossier import (
    CHANNELS,
    RESULTS,
    Channel,
    Clock,
    Dossier,
    Event,
    Result,
    StepClock,
    classify,
    local_time,
    typed_values,
)
from isoflow.model.fields import coerce_all, nfc
from isoflow.running.boundary import effect_value, guard_holds, identity, nfc_tree
from isoflow.running.compiler import CompiledAction, CompiledProcess
from isoflow.running.legal_clock import Calendar, LegalClock, iso_minutes
from isoflow.running.machine import Token, transition_table
from isoflow.running.regimes import LegalBasis

#: The outcomes a final step may have (``<state kind="final" outcome=...>``).
OUTCOMES: tuple[str, ...] = get_args(Outcome)

__all__ = ["Calendar", "Engine", "Move", "Option", "Result", "classify"]


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


class _Plan:
    """What the engine looks up on every move of one process revision, built once with its machine."""

    __slots__ = ("actions", "events", "machine", "process", "receivers")

    def __init__(self, process: CompiledProcess) -> None:
        self.process = process
        self.machine = build_machine(process)
        #: action -> the machine's event (trigger) for it, looked up once instead of on every move.
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


_NO_ACTIONS: dict[str, tuple[CompiledAction, ...]] = {}


def _left_step(measures: Mapping[str, Any], state: str, seq: int, at: datetime, recorded: Mapping[str, Any],
               event_data: dict[str, Any]) -> dict[str, Any]:
    """The measures with the step just left remembered (``left``: step -> ``"seq;time;minutes;result"``
    of all its passes so far, one short text to keep a live dossier small), so that the per-step
    table counts a dossier once per step.

    A dossier back in a step (after a supplement, a return for correction) leaves it again: the
    event then says so (``step_again``: the earlier passes' row and the new totals), and the store
    replaces the earlier row of ``step_times`` by one with the minutes added up and the worse
    result (issue 14 §7: the table counts dossiers, not passes).  Only steps a dossier can come
    back to are remembered (:attr:`CompiledProcess.reenterable`)."""
    left = measures.get("left") or {}
    minutes, result = int(recorded["step_worked_min"]), str(recorded["step_result"])
    before = left.get(state)
    if before is not None:
        seq_before, at_before, minutes_before, result_before = str(before).split(";")
        minutes += int(minutes_before)
        if RESULTS.index(result_before) > RESULTS.index(result):
            result = result_before
        event_data["step_again"] = {"seq": int(seq_before), "at": at_before, "worked_min": int(minutes_before),
                                    "result": result_before, "total_min": minutes, "total_result": result}
    when = (at.replace(microsecond=0) if at.microsecond else at).isoformat()
    return {**measures, "left": {**left, state: f"{seq};{when};{minutes};{result}"}}


def build_machine(process: CompiledProcess) -> Machine:
    """The shared machine of one procedure revision, from its table (:mod:`isoflow.running.machine`):
    no model, no auto transitions, callables only; this is the only place ``transitions`` is used."""
    machine = Machine(model=None, states=list(process.states), initial=process.initial,
                      auto_transitions=False, send_event=True)
    for row in transition_table(process):
        machine.add_transition(row.trigger, row.source, row.dest, conditions=list(row.conditions),
                               before=list(row.before))
    return machine


class Engine:
    """Runs dossiers of the compiled processes it is given."""

    def __init__(self, processes: Iterable[CompiledProcess], calendar: Calendar, legal: LegalBasis) -> None:
        self.calendar = calendar
        self.legal = legal
        self.clock = LegalClock(calendar, legal)
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
        chosen = effective[-1].definition
        if chosen.until is not None and on > chosen.until:
            successor = (f"; new dossiers go to {chosen.replaced_by!r}" if chosen.replaced_by
                         else "; it was abolished, with no successor named")
            raise ProcessNotFound(f"procedure {code!r} revision {chosen.revision} ended on {chosen.until.isoformat()} "
                                  f"and receives no dossier on {on.isoformat()}{successor}")
        return effective[-1]

    def revisions(self, code: str) -> tuple[CompiledProcess, ...]:
        """Every loaded revision of ``code``, oldest first (ended ones too)."""
        return tuple(self._revisions.get(code, ()))

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

    def machine(self, process: CompiledProcess) -> Machine:
        """The shared state machine of ``process`` (one per code and revision), to inspect."""
        return self._plan(process).machine

    def _plan(self, process: CompiledProcess) -> _Plan:
        plan = self._plans.get(process.key)
        if plan is None or plan.process is not process:
            plan = self._plans[process.key] = _Plan(process)
        return plan

    # -- receiving ---------------------------------------------------------------------

    def receive(self, code: str, process_code: str, *, unit: str, channel: Channel, applicant: Mapping[str, Any],
                data: Mapping[str, Any], actor: str, role: str, at: datetime, comment: str = "") -> Move:
        """A dossier received at the one-stop desk: its code, appointment and first event."""
        at = local_time(at)
        day = at.date()
        process = self.process_for(process_code, day)
        actor, role, _, bad = identity(actor, role)
        if bad:
            raise ActionNotAllowed(code, "receive", process.initial, "invalid-data", bad)
        if channel not in CHANNELS:  # a channel the indicators do not count would vanish from them
            raise ActionNotAllowed(code, "receive", process.initial, "invalid-data",
                                   f"channel {channel!r} is not one of {', '.join(CHANNELS)}")
        if not isinstance(applicant, Mapping) or not isinstance(data, Mapping):
            raise ActionNotAllowed(code, "receive", process.initial, "invalid-data",
                                   "applicant and data must be mappings of names to values")
        allowed = self._plan(process).receivers
        if role not in allowed:
            raise ActionNotAllowed(code, "receive", process.initial, "role",
                                   f"role {role!r} may not receive dossiers (allowed: {', '.join(sorted(allowed))})")
        try:
            values = coerce_all(process.fields, data)
            applicant = nfc_tree(applicant)
        except FieldValueError as error:
            raise ActionNotAllowed(code, "receive", process.initial, "invalid-data", str(error)) from None
        receipt = self.clock.receipt(process, at, values)
        clock = receipt.clock
        initial = process.states[process.initial]
        dossier = Dossier(
            code=code, process_code=process.definition.code, revision=process.definition.revision,
            state=process.initial, status=initial.status, data=values, applicant=applicant, channel=channel,
            receiving_unit=unit, received_at=at, clock=clock, step=receipt.step, version=1,
            form_set=self.legal.form_set_on(day).id, last_event_at=at, measures=receipt.measures)
        event_data: dict[str, Any] = {
            "fields": values, "channel": channel, "started_at": clock.started_at.isoformat(),
            "due_at": clock.due_at.isoformat() if clock.due_at else None, "regime": receipt.regime.id}
        if receipt.case:
            event_data["case"] = receipt.case
        event = Event(code, 1, "received", at, actor, role, None, None, process.initial, None, initial.state.unit,
                      None, initial.status, event_data, nfc(comment))
        return Move(dossier, (event,))

    # -- what may happen ---------------------------------------------------------------

    def available(self, dossier: Dossier, role: str, actor: str | None = None) -> list[Option]:
        """The actions ``role`` (and ``actor``, for segregation of duties) may take now; none for
        a role the procedure does not declare (see :meth:`check_role`)."""
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
            if compiled.guard is None or compiled.deciding or guard_holds(compiled, dossier.data):
                seen.add(compiled.id)
                options.append(Option(compiled.id, compiled.action.label, compiled.target, compiled.requires))
        return options

    def check_role(self, dossier: Dossier, role: str) -> None:
        """:class:`InvalidArgument` for a role the dossier's procedure does not declare.

        :meth:`available` lists nothing for such a role (a clerk's screen over dossiers of many
        procedures asks with the clerk's one role); a program asking about one dossier calls this
        first, so that a mistyped role is not read as "nothing is possible"."""
        process = self.process_of(dossier)
        known = {r.id for r in process.definition.roles}
        if role not in known:
            raise InvalidArgument(f"procedure {process.definition.code!r} has no role {role!r} "
                                  f"(roles: {', '.join(sorted(known))})")

    def values(self, dossier: Dossier) -> dict[str, Any]:
        """The dossier's data typed by its fields: a date field as :class:`datetime.date`, a
        datetime field as a naive local datetime, a decimal as :class:`~decimal.Decimal`."""
        fields = self.process_of(dossier).fields
        return typed_values(dossier.data, {k: f.effective_type for k, f in fields.items()})

    # -- acting ------------------------------------------------------------------------

    def fire(self, dossier: Dossier, action: str, *, actor: str, role: str, at: datetime,
             data: Mapping[str, Any] | None = None, comment: str = "", receiver: str | None = None) -> Move:
        """Take ``action`` on ``dossier``: the new dossier and its events, or ActionNotAllowed."""
        def refuse(reason: str, message: str) -> ActionNotAllowed:
            return ActionNotAllowed(dossier.code, action, dossier.state, reason, message)

        at = local_time(at)
        if data is not None and not isinstance(data, Mapping):
            raise refuse("invalid-data", "data must be a mapping of field names to values")
        actor, role, receiver, bad = identity(actor, role, receiver)
        if bad:
            raise refuse("invalid-data", bad)
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
        alternatives = plan.actions.get(dossier.state, _NO_ACTIONS).get(action)
        if not alternatives:
            here = sorted({a.id for a in process.actions.get(dossier.state, ())})
            known = any(a.id == action for acts in process.actions.values() for a in acts)
            why = "is not possible from this step" if known else "is not an action of this procedure"
            raise refuse("wrong-state" if known else "unknown-action",
                         f"{action!r} {why}; possible here: {', '.join(here) or 'none'}")
        permitted = [a for a in alternatives if role in a.roles]
        if not permitted:
            roles = sorted({r for a in alternatives for r in a.roles})
            raise refuse("role", f"role {role!r} is not permitted (permitted: {', '.join(roles)})")
        try:
            values = coerce_all(process.fields, data) if data else {}
        except FieldValueError as error:
            raise refuse("invalid-data", str(error)) from None
        # A move that enters nothing keeps the (never mutated) data mapping.
        merged = {**dossier.data, **values} if values else dossier.data
        if len(permitted) > 1:
            deciding = sorted({f for a in permitted for f in a.deciding if merged.get(f) in (None, "")})
            if deciding:
                raise refuse("missing-data",
                             f"enter {', '.join(deciding)} first: it decides which way the dossier goes")
        # The machine chooses: the first alternative whose role and guard conditions hold.
        token = Token(dossier.state, role, merged)
        try:
            plan.events[action].trigger(token)
        except ExpressionEvaluationError as error:
            raise refuse("guard", str(error)) from None
        chosen = token.chosen
        if chosen is None:
            guards = "; ".join(f"{a.action.when!r} (to {a.target})" for a in permitted if a.guard)
            raise refuse("guard", f"its condition does not hold: {guards}")
        if chosen.action.duty == "approve" and actor in dossier.preparers:
            raise refuse("self-approval", f"{actor!r} prepared this dossier and may not approve it "
                                          "(segregation of duties)")
        missing = [f for f in chosen.requires if merged.get(f) in (None, "")]
        if missing:
            raise refuse("missing-data", f"enter {', '.join(missing)} first")
        if chosen.effects:
            merged = dict(merged)
            for name, expression in chosen.effects:
                merged[name] = effect_value(process, name, expression, merged, refuse)
        clock = dossier.clock
        event_data: dict[str, Any] = {"fields": values} if values else {}
        if chosen.action.reschedule:
            clock = self.clock.extend(dossier, process, merged.get(chosen.action.reschedule), at, action)
            event_data.update(previous_due=iso_minutes(dossier.clock.due_at), new_due=iso_minutes(clock.due_at))
        return self._moved(dossier, process, chosen, token.state, merged, clock, event_data,
                           actor=actor, role=role, at=at, comment=nfc(comment), receiver=receiver)

    def _moved(self, dossier: Dossier, process: CompiledProcess, chosen: CompiledAction, target_id: str,
               data: Mapping[str, Any], clock: Clock, event_data: dict[str, Any], *, actor: str, role: str,
               at: datetime, comment: str, receiver: str | None) -> Move:
        """The new dossier and its event once the move is decided; every time comes from the legal clock."""
        states = process.states
        source, target = states[dossier.state], states[target_id]
        legal = self.clock
        step = dossier.step
        measures = dossier.measures
        if target_id != dossier.state:
            timed = legal.hand_over(step, at, clock.started_at)
            if timed is not None:
                step_result, recorded = timed
                event_data.update(recorded)
                worst = measures.get("worst_step")
                if worst is None or RESULTS.index(step_result) > RESULTS.index(worst):
                    measures = {**measures, "worst_step": step_result}
                if step.state in process.reenterable:
                    measures = _left_step(measures, step.state, dossier.version + 1, at, recorded, event_data)
            if source.state.unit != target.state.unit and target.kind != "final":
                measures = {**measures, "handovers": int(measures.get("handovers", 0)) + 1}
            step = StepClock(target_id, at, legal.step_due(process, target, at, dossier.received_at))
            if source.kind == "waiting" or target.kind == "waiting":
                clock = legal.around_waiting(dossier, process, clock, source, target, at, event_data, data)
                if event_data.get("clock") == "restarted" and "due_before_extension" in measures:
                    # A new appointment from a complete dossier: an earlier apology no longer counts.
                    measures = {k: v for k, v in measures.items() if k != "due_before_extension"}
        if data is not dossier.data and process.cases:
            # The case may have changed (a verification opened): the limit, and the appointment, with it.
            clock, case = legal.on_case(process, dossier.data, data, clock, event_data)
            if case is not None:
                measures = {**{k: v for k, v in measures.items() if k != "case"}, **({"case": case} if case else {})}
        if clock.extensions and not dossier.clock.extensions and dossier.clock.due_at is not None:
            # The appointment the apology letter moved: the indicators judge against it.
            measures = {**measures, "due_before_extension": iso_minutes(dossier.clock.due_at)}
        initial = dossier.state == process.initial
        if initial and target.kind == "work" and "accepted" not in measures:
            # Received for resolution (Decree 61/2018 Art. 17(1)(c): Giấy tiếp nhận issued).
            measures = {**measures, "accepted": True}
        closed_at = outcome = None
        if target.kind == "final":
            closed_at, outcome = at, target.state.outcome
            event_data["result"] = legal.judge(at, clock.due_at)
            if outcome == "refused" and initial and "accepted" not in measures:
                # Refused at the desk (Art. 17(1)(b), Phiếu từ chối): never received for resolution,
                # so not resolved either; the indicators count it apart (no result, no time).
                measures = {**measures, "refused_at_desk": True}
            else:
                measures = {**measures, **legal.closing_measures(dossier, process, clock, at, measures, data)}
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

    # -- shortcuts the law names -------------------------------------------------------

    def exit_to(self, dossier: Dossier, outcome: str, role: str) -> str:
        """The action leading from the current step to a final state with ``outcome``."""
        process = self.process_of(dossier)
        for compiled in process.actions.get(dossier.state, ()):
            target = process.states[compiled.target]
            if target.state.outcome == outcome and role in compiled.roles:
                return compiled.id
        if outcome not in OUTCOMES:
            raise InvalidArgument(f"{outcome!r} is not an outcome (outcomes: {', '.join(OUTCOMES)})")
        roles = sorted({r for compiled in process.actions.get(dossier.state, ())
                        if process.states[compiled.target].state.outcome == outcome for r in compiled.roles})
        allowed = f" (roles that may: {', '.join(roles)})" if roles else ""
        raise ActionNotAllowed(dossier.code, outcome, dossier.state, "no-such-exit",
                               f"the procedure offers role {role!r} no way to a {outcome!r} outcome from this "
                               f"step{allowed}")

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
        at = local_time(at)
        actor, role, _, bad = identity(actor, role)
        if bad:
            raise ActionNotAllowed(dossier.code, request, dossier.state, "invalid-data", bad)
        if not isinstance(reason, str) or not reason.strip():
            raise ActionNotAllowed(dossier.code, request, dossier.state, "missing-data", "a reason is required")
        action = self.exit_to(dossier, outcome, role)
        data = {field: reason} if field in self.process_of(dossier).fields else {}
        return self.fire(dossier, action, actor=actor, role=role, at=at, data=data, comment=reason)
