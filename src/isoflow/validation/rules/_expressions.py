"""Every expression of a process, and where each of its characters is written."""

from __future__ import annotations

from collections.abc import Iterator

from isoflow.model.definition import Location, Node, ProcessDefinition


def expressions(process: ProcessDefinition) -> Iterator[tuple[Node | Location, str, str, Location, str]]:
    """(what a finding is about, how a message names it, source, the element holding it, the
    attribute) for each guard and effect, and each guard of a time-limit case."""
    for action in process.actions:
        if action.when:
            yield action, action.describe(), action.when, action.location, "when"
        for effect in action.effects or ():
            yield action, action.describe(), effect.value, effect.location, "value"
    if process.procedure is not None:
        for case in process.procedure.time_limit.cases:
            yield case.location, f"the time-limit case {case.when!r}", case.when, case.location, "when"


def position(holder: Location, attribute: str, source: str, line: int, column: int) -> Location:
    """Where (``line``, ``column``) of an expression's source is written in the file."""
    offset = sum(len(text) for text in source.splitlines(keepends=True)[: line - 1]) + column
    return holder.of(attribute, offset)
