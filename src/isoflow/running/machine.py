"""The state machine of a procedure revision: ``transitions`` chooses which way a dossier goes.

An action may have several alternatives from one step (approve to the next step if the
guard holds, else back; a default last).  Each action is **one trigger**; its alternatives
from a state are that trigger's transitions from the state, in the compiled order (defaults
last), each with its conditions in order: the acting role is permitted on it, then its guard
holds.  ``transitions`` tries them in turn and takes the first whose conditions all hold, so a
role permitted on one alternative only can never be routed down another, and a guard that
fails hands over to the next alternative, never to a later one for another role.  A
``before`` callback records the alternative taken on the token, and the token ends in its
target: what the engine stores is what the machine did.

One ``Machine`` per (procedure code, revision), shared by every dossier: ``model=None`` (no
methods are injected into anything), ``auto_transitions=False`` (no ``to_<state>`` shortcuts
around the procedure), callables only (no names resolved on a model).  Each move runs on a
throwaway :class:`Token` carrying what the conditions read, so dossiers stay plain immutable
records.  This module decides the table (:func:`transition_table`); the engine, the only
importer of ``transitions``, builds the ``Machine`` from it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from isoflow.running.compiler import CompiledAction, CompiledProcess

__all__ = ["Holds", "Permits", "Records", "Token", "Transition", "transition_table"]


class EventData(Protocol):
    """What the machine passes its callables (``send_event=True``): the model is the token."""

    model: Any


class Token:
    """The throwaway model one move runs on: the step it starts from, who acts, the data the
    guards read; ``chosen`` is set by the machine to the alternative it took."""

    __slots__ = ("chosen", "data", "role", "state")

    def __init__(self, state: str, role: str, data: Mapping[str, Any]) -> None:
        self.state = state
        self.role = role
        self.data = data
        self.chosen: CompiledAction | None = None


class Permits:
    """Condition: the acting role is one the alternative permits."""

    __slots__ = ("roles",)

    def __init__(self, roles: frozenset[str]) -> None:
        self.roles = roles

    def __call__(self, event: EventData) -> bool:
        return event.model.role in self.roles

    def __repr__(self) -> str:
        return f"Permits({', '.join(sorted(self.roles))})"


class Holds:
    """Condition: the alternative's guard holds on the dossier's data (with what is entered).

    An evaluation error propagates: the engine refuses it with the error's own words.
    """

    __slots__ = ("compiled",)

    def __init__(self, compiled: CompiledAction) -> None:
        self.compiled = compiled

    def __call__(self, event: EventData) -> bool:
        return bool(self.compiled.guard.evaluate(event.model.data))  # type: ignore[union-attr]

    def __repr__(self) -> str:
        return f"Holds({self.compiled.action.when!r})"


class Records:
    """``before`` callback: the machine took this alternative (runs only once the conditions held)."""

    __slots__ = ("compiled",)

    def __init__(self, compiled: CompiledAction) -> None:
        self.compiled = compiled

    def __call__(self, event: EventData) -> None:
        event.model.chosen = self.compiled

    def __repr__(self) -> str:
        return f"Records({self.compiled.id} -> {self.compiled.target})"


@dataclass(frozen=True, slots=True)
class Transition:
    """One row of the machine's table: ``add_transition(trigger, source, dest, conditions, before)``."""

    trigger: str
    source: str
    dest: str
    conditions: tuple[Callable[[EventData], bool], ...]
    before: tuple[Callable[[EventData], None], ...]


def transition_table(process: CompiledProcess) -> list[Transition]:
    """The shared machine's transitions: a trigger per action, and from each state the action's
    alternatives in the compiled order (defaults last), each with its conditions in order."""
    table = []
    for source, actions in process.actions.items():
        for compiled in actions:  # compiled order: defaults last
            conditions: tuple[Callable[[EventData], bool], ...] = (Permits(compiled.roles),)
            if compiled.guard is not None:
                conditions = (*conditions, Holds(compiled))
            table.append(Transition(compiled.id, source, compiled.target, conditions, (Records(compiled),)))
    return table
