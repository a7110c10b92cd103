"""What several rules ask of one process, computed once per process.

Most files have no finding at all, so each rule first asks these facts whether it can have
one, and walks the process node by node only when it might: reading the same fields of
every node again in each rule was most of the rules' cost.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Any

from isoflow.errors import ExpressionSyntaxError
from isoflow.model.definition import Effect, ProcessDefinition, State
from isoflow.model.expressions import Expression, parse_expression


class Facts:
    """Columns and sets of one process (the merged one), for the rules' quick checks.

    Each attribute of each node is read once, into a column (one tuple per attribute, in
    document order): reading a struct's field is a bytecode here, but ``attrgetter`` in C
    goes the generic way and costs more than the Python step it saves.
    """

    __slots__ = ("dangling", "defaults", "duties", "effects", "expressions", "field_ids", "finals", "id_sets", "ids",
                 "initial", "issues", "kinds", "outcomes", "records", "requires", "reschedules", "roles", "sources",
                 "state_ids", "state_roles", "targets", "units", "whens", "work")
    outcomes: tuple[str | None, ...]
    units: tuple[str | None, ...]
    state_roles: tuple[str | None, ...]
    ids: tuple[str, ...]
    sources: tuple[str, ...]
    targets: tuple[str | None, ...]
    roles: tuple[tuple[str, ...] | None, ...]
    whens: tuple[str | None, ...]
    defaults: tuple[bool | None, ...]
    duties: tuple[str | None, ...]
    issues: tuple[tuple[str, ...] | None, ...]
    requires: tuple[tuple[str, ...] | None, ...]
    records: tuple[tuple[str, ...] | None, ...]
    effects: tuple[tuple[Effect, ...] | None, ...]
    reschedules: tuple[str | None, ...]

    def __init__(self, process: ProcessDefinition) -> None:
        states, actions = process.states, process.actions
        rows = [(s.id, s.kind, s.outcome, s.unit, s.role) for s in states]
        ids, written_kinds, self.outcomes, self.units, self.state_roles = zip(*rows, strict=True) if rows else ((),) * 5
        #: ``State.effective_kind`` of each state, in order.
        self.kinds: list[str] = [k or ("final" if o else "work")
                                 for k, o in zip(written_kinds, self.outcomes, strict=True)]
        #: The ids of each kind of node (``"roles"``, ``"states"``...), for S001 and S003.
        self.id_sets: dict[str, set[str]] = {kind: {n.id for n in getattr(process, kind)} for kind in
                                             ("roles", "units", "fields", "forms", "records")}
        self.id_sets["states"] = self.state_ids = set(ids)
        self.field_ids = self.id_sets["fields"]
        self.finals: set[str] = {i for i, k in zip(ids, self.kinds, strict=True) if k == "final"}
        self.work: list[State] = [s for s, k in zip(states, self.kinds, strict=True) if k == "work"]
        self.initial: tuple[State, ...] = process.initial_states
        columns = [(a.id, a.source, a.target, a.roles, a.when, a.default, a.duty, a.issues, a.requires, a.records,
                    a.effects, a.reschedule) for a in actions]
        (self.ids, self.sources, self.targets, self.roles, self.whens, self.defaults, self.duties, self.issues,
         self.requires, self.records, self.effects,
         self.reschedules) = zip(*columns, strict=True) if columns else ((),) * 12
        # Every end of every action declared: not dangling; otherwise the exact test decides.
        self.dangling = not (self.state_ids.issuperset(self.sources) and self.state_ids.issuperset(self.targets)) \
            and process.has_dangling_actions
        #: Every guard and effect parsed, or ``None`` when one of them does not parse.
        self.expressions: list[Expression] | None
        sources = [*filter(None, self.whens), *(e.value for e in chain.from_iterable(filter(None, self.effects))),
                   *(c.when for c in (process.procedure.time_limit.cases if process.procedure else ()))]
        try:
            self.expressions = list(map(parse_expression, sources))
        except ExpressionSyntaxError:
            self.expressions = None

    @staticmethod
    def every(column: tuple[tuple[Any, ...] | None, ...]) -> Iterator[Any]:
        """The items of a column of lists (``roles``, ``effects``...) one after the other."""
        return chain.from_iterable(filter(None, column))
