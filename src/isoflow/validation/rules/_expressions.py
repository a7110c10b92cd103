"""Every expression of a process, and where each of its characters is written."""

from __future__ import annotations

from collections.abc import Iterator

from isoflow.model.definition import Action, Location, ProcessDefinition


def expressions(process: ProcessDefinition) -> Iterator[tuple[Action, str, Location, str]]:
    """(action, source, the element holding it, the attribute) for each guard and effect."""
    for action in process.actions:
        if action.when:
            yield action, action.when, action.location, "when"
        for effect in action.effects or ():
            yield action, effect.value, effect.location, "value"


def position(holder: Location, attribute: str, source: str, line: int, column: int) -> Location:
    """Where (``line``, ``column``) of an expression's source is written in the file."""
    offset = sum(len(text) for text in source.splitlines(keepends=True)[: line - 1]) + column
    return holder.of(attribute, offset)
