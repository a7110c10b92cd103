"""Compiling a validated definition into what the engine runs: guards parsed once, tables
built once, per (process code, revision).

No ``transitions`` here: the compiled process is plain data plus closures, so that the
engine module stays the only importer of the state-machine library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from isoflow.definition import Action, Field, ProcessDefinition, State
from isoflow.errors import IsoflowError
from isoflow.expressions import Expression, parse_expression

#: National status code (domain.md 2.1) for a state that does not declare one.
DEFAULT_STATUS = {"work": 4, "waiting": 5, "granted": 10, "refused": 3, "withdrawn": 7, "stopped": 8}


class CompileError(IsoflowError):
    """The definition cannot run (it has error findings); validate it first."""


@dataclass(frozen=True, slots=True)
class CompiledAction:
    """One action with its guard and effects parsed."""

    action: Action
    guard: Expression | None
    effects: tuple[tuple[str, Expression], ...]
    roles: frozenset[str]
    requires: tuple[str, ...]
    issues: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.action.id

    @property
    def target(self) -> str:
        return self.action.target or self.action.source


@dataclass(frozen=True, slots=True)
class CompiledState:
    """A state with what the engine needs: kind, unit, status, budget as a timedelta."""

    state: State
    kind: str
    status: int
    budget: timedelta | None

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

    @property
    def key(self) -> tuple[str, int]:
        return (self.definition.code, self.definition.revision)


def _status(state: State) -> int:
    if state.status is not None:
        return state.status
    return DEFAULT_STATUS[state.outcome or state.effective_kind]


def compile_process(definition: ProcessDefinition) -> CompiledProcess:
    """Compile a merged, validated definition.  Raises :class:`CompileError` if it cannot run."""
    hpd = definition.hours_per_day
    states = {}
    for s in definition.states:
        budget = timedelta(hours=float(s.budget.hours(hpd))) if s.budget else None
        states[s.id] = CompiledState(s, s.effective_kind, _status(s), budget)
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
    limit = None
    same_day = False
    if definition.procedure is not None:
        hours = definition.procedure.time_limit.hours
        same_day = definition.procedure.time_limit.same_day
        limit = timedelta(hours=float(hours)) if hours is not None else None
    return CompiledProcess(definition, states, initial[0], {k: tuple(v) for k, v in table.items()},
                           {f.id: f for f in definition.fields}, limit, same_day)
