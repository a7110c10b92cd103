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

from isoflow.errors import CompileError
from isoflow.model.definition import Action, Field, ProcessDefinition, State
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
    #: The procedure's own receipt cut-off (None: the regime's), parsed once.
    cutoff: time | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.definition.code, self.definition.revision)


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
            requires=tuple(action.requires or ()),
            issues=tuple(action.issues or ()),
        )
        table.setdefault(action.source, []).append(compiled)
    for actions in table.values():
        actions.sort(key=lambda a: bool(a.action.default))  # defaults are tried last
        actions[:] = [dataclasses.replace(
            a, deciding=tuple(sorted({r.name for r in a.guard.names if r.name in a.requires})) if a.guard else ())
            for a in actions]
    limit: timedelta | None = None
    limit_days: Decimal | None = None
    cutoff: time | None = None
    same_day = False
    if definition.procedure is not None:
        time_limit = definition.procedure.time_limit
        same_day = time_limit.same_day
        limit_days = time_limit.working_days
        if time_limit.working_hours is not None:
            limit = timedelta(hours=float(time_limit.working_hours))
        if time_limit.cutoff:
            hour, minute = (int(p) for p in time_limit.cutoff.split(":"))
            cutoff = time(hour, minute)
    return CompiledProcess(definition, states, initial[0], {k: tuple(v) for k, v in table.items()},
                           {f.id: f for f in definition.fields}, limit, same_day, limit_days, cutoff)
