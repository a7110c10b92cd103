"""Every expression of a process, with the location of the attribute that holds it."""

from __future__ import annotations

from collections.abc import Iterator

from isoflow.definition import Action, Location, ProcessDefinition


def expressions(process: ProcessDefinition) -> Iterator[tuple[Action, str, Location]]:
    """(action, source, where the source text starts) for each guard and effect."""
    for action in process.actions:
        if action.when:
            yield action, action.when, action.location.of("when")
        for effect in action.effects or ():
            yield action, effect.value, effect.location.of("value")


def position(start: Location, line: int, column: int) -> Location:
    """Where (``line``, ``column``) of an expression is in the file, given its start."""
    if line <= 1:
        return Location(start.file, start.line, start.column + column)
    return Location(start.file, start.line + line - 1, column + 1)
