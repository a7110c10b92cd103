"""Every expression of a process, and where each of its characters is written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from isoflow.model.definition import Location, Node, ProcessDefinition


class Named(NamedTuple):
    """Where an expression is written: an action (its id and source), or a time-limit case."""

    action: str = ""
    source: str = ""
    case: str | None = None

    def say(self, in_action: str, in_case: str, **values: object) -> str:
        """The message for an action (``in_action``, filled with ``action`` and ``source``) or
        for a time-limit case (``in_case``, filled with ``case``), already translated."""
        if self.case is not None:
            return in_case.format(case=self.case, **values)
        return in_action.format(action=self.action, source=self.source, **values)


def expressions(process: ProcessDefinition) -> Iterator[tuple[Node | Location, Named, str, Location, str]]:
    """(what a finding is about, where it is written for a message, source, the element holding
    it, the attribute) for each guard and effect, and each guard of a time-limit case."""
    for action in process.actions:
        named = Named(action.id, action.source)
        if action.when:
            yield action, named, action.when, action.location, "when"
        for effect in action.effects or ():
            yield action, named, effect.value, effect.location, "value"
    if process.procedure is not None:
        for case in process.procedure.time_limit.cases:
            yield case.location, Named(case=case.when), case.when, case.location, "when"


def position(holder: Location, attribute: str, source: str, line: int, column: int) -> Location:
    """Where (``line``, ``column``) of an expression's source is written in the file."""
    offset = sum(len(text) for text in source.splitlines(keepends=True)[: line - 1]) + column
    return holder.of(attribute, offset)
