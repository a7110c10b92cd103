"""Compiling a validated definition into what the engine runs: guards parsed once, tables
built once, per (process code, revision).

No ``transitions`` here: the compiled process is plain data plus closures, so that the
engine module stays the only importer of the state-machine library (it builds the machine
from ``actions``: one trigger per action, its alternatives from a state in this order).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time, timedelta
from decimal import Decimal

from isoflow.errors import CompileError, ExpressionEvaluationError, ExpressionSyntaxError
from isoflow.model.definition import Action, Field, ProcessDefinition, State, Term
from isoflow.model.expressions import Expression, parse_expression

#: National status code (domain.md 2.1) for a state that does not declare one.
DEFAULT_STATUS = {"work": 4, "waiting": 5, "granted": 10, "refused": 3, "withdrawn": 7, "stopped": 8}


@dataclass(frozen=True, slots=True)
class CompiledAction:
    """One action with its guard and effects parsed."""

    action: Action
    guard: Expression | None
    effects: tuple[tuple[str, Expression], ...]
    roles: frozenset[str]
    requires: tuple[str, ...]
    issues: tuple[str, ...]
    #: Fields the actor enters that the guard reads: without them the way cannot be chosen.
    deciding: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.action.id

    @property
    def target(self) -> str:
        return self.action.target or self.action.source


@dataclass(frozen=True, slots=True)
class CompiledState:
    """A state with what the engine needs: kind, unit, status, and its budget.

    ``budget`` is in working hours, or ``budget_days`` in working days: days stay days, so
    that a province whose working day is not 8 hours still ends a "1d" step a day later.
    """

    state: State
    kind: str
    status: int
    budget: timedelta | None
    budget_days: Decimal | None = None

    @property
    def id(self) -> str:
        return self.state.id


@dataclass(frozen=True, slots=True)
class CompiledLimit:
    """One alternative of the legal time limit, ready to count.

    ``kind`` is the law's unit (``working-days``, ``working-hours``, ``days``, ``same-day``,
    ``none``); ``amount`` the number of working days or calendar days, ``hours`` the working
    hours.  A case's ``guard`` chooses it (``None``: the procedure's own limit); ``key`` names
    it in events and measures (the guard's text, ``""`` for the procedure's own limit).
    """

    kind: str
    amount: Decimal | None
    hours: timedelta | None
    basis: str
    guard: Expression | None = None
    key: str = ""

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields the case's guard reads: what a change of case is due to."""
        return tuple(sorted({ref.name for ref in self.guard.names})) if self.guard else ()


def compile_limit(term: Term, guard: Expression | None = None, key: str = "") -> CompiledLimit:
    """A term of the model as the legal clock counts it."""
    kind = term.kind
    amount: Decimal | None = None
    hours: timedelta | None = None
    if kind == "working-days":
        amount = term.working_days
    elif kind == "days":
        amount = Decimal(term.days or 0)
    elif kind == "working-hours":
        hours = timedelta(hours=float(term.working_hours or 0))
    return CompiledLimit(kind, amount, hours, term.basis or "", guard, key)


NO_LIMIT = CompiledLimit("none", None, None, "")


@dataclass(frozen=True)
class CompiledProcess:
    """Everything the engine needs to run dossiers of one revision of one procedure."""

    definition: ProcessDefinition
    states: Mapping[str, CompiledState]
    initial: str
    actions: Mapping[str, tuple[CompiledAction, ...]]  # source state → actions, defaults last
    fields: Mapping[str, Field]
    limit: timedelta | None
    same_day: bool
    limit_days: Decimal | None = None
    #: The receipt cut-off the procedure's own law sets (None: the legal clock starts at
    #: receipt; the regime's cut-off governs only the step clocks), parsed once.
    cutoff: time | None = None
    #: The procedure's own limit, and the cases in which the law sets another (first match wins).
    default_limit: CompiledLimit = NO_LIMIT
    cases: tuple[CompiledLimit, ...] = ()
    #: Steps a dossier can come back to after leaving them (on a cycle of other steps): only these
    #: are remembered as left (``measures.left``), so the per-step table counts a dossier once.
    reenterable: frozenset[str] = frozenset()

    @property
    def key(self) -> tuple[str, int]:
        return (self.definition.code, self.definition.revision)

    def limit_for(self, data: Mapping[str, object]) -> CompiledLimit:
        """The limit that applies to a dossier with ``data``: the first case whose guard holds
        (a guard that cannot be evaluated yet, a field not entered, does not hold), else the
        procedure's own."""
        for case in self.cases:
            try:
                if case.guard is not None and case.guard.evaluate(data):
                    return case
            except ExpressionEvaluationError:
                continue
        return self.default_limit


def _status(state: State) -> int:
    if state.status is not None:
        return state.status
    return DEFAULT_STATUS[state.outcome or state.effective_kind]


def compile_process(definition: ProcessDefinition) -> CompiledProcess:
    """Compile a merged, validated definition.  Raises :class:`CompileError` if it cannot run."""
    states = {}
    for s in definition.states:
        hours = timedelta(hours=float(s.budget.amount)) if s.budget and s.budget.unit == "h" else None
        days = s.budget.amount if s.budget and s.budget.unit == "d" else None
        states[s.id] = CompiledState(s, s.effective_kind, _status(s), hours, days)
    initial = [s.id for s in definition.states if s.is_initial]
    if len(initial) != 1:
        raise CompileError(f"{definition.code}: needs exactly one initial state (see isoflow validate)")
    table: dict[str, list[CompiledAction]] = {}
    for action in definition.actions:
        if action.source not in states or (action.target or action.source) not in states:
            raise CompileError(f"{definition.code}: {action.describe()} refers to an unknown state")
        compiled = CompiledAction(
            action=action,
            guard=parse_expression(action.when) if action.when else None,
            effects=tuple((e.field, parse_expression(e.value)) for e in action.effects or ()),
            roles=frozenset(action.roles or ()),
            # The number a <number> takes is required like entered data: the document office
            # supplies it from the store, and a move without it is refused, never unnumbered.
            requires=tuple(action.requires or ()) + ((action.number.field,) if action.number else ()),
            issues=tuple(action.issues or ()),
        )
        table.setdefault(action.source, []).append(compiled)
    for actions in table.values():
        actions.sort(key=lambda a: bool(a.action.default))  # defaults are tried last
        actions[:] = [dataclasses.replace(
            a, deciding=tuple(sorted({r.name for r in a.guard.names if r.name in a.requires})) if a.guard else ())
            for a in actions]
    cutoff: time | None = None
    default = NO_LIMIT
    cases: list[CompiledLimit] = []
    if definition.procedure is not None:
        time_limit = definition.procedure.time_limit
        default = compile_limit(time_limit)
        for case in time_limit.cases:
            try:
                cases.append(compile_limit(case, parse_expression(case.when), case.when))
            except ExpressionSyntaxError as error:
                raise CompileError(f"{definition.code}: the time-limit case {case.when!r}: {error}") from None
        if time_limit.cutoff:
            hour, minute = (int(p) for p in time_limit.cutoff.split(":"))
            cutoff = time(hour, minute)
    return CompiledProcess(definition, states, initial[0], {k: tuple(v) for k, v in table.items()},
                           {f.id: f for f in definition.fields}, default.hours, default.kind == "same-day",
                           default.amount if default.kind == "working-days" else None, cutoff, default,
                           tuple(cases), _reenterable(table))


def _reenterable(table: dict[str, list[CompiledAction]]) -> frozenset[str]:
    """The states reachable again after leaving them for another state (a self-loop, such as an
    apology that keeps the dossier in its step, does not leave it)."""
    successors = {source: {a.action.target or source for a in actions} - {source}
                  for source, actions in table.items()}
    found = set()
    for state, nexts in successors.items():
        seen, stack = set(), list(nexts)
        while stack:
            current = stack.pop()
            if current == state:
                found.add(state)
                break
            if current not in seen:
                seen.add(current)
                stack.extend(successors.get(current, ()))
    return frozenset(found)
