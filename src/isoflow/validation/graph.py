"""The step graph of a process, for the flow and time rules."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence

from isoflow.model.definition import ProcessDefinition


def successors(process: ProcessDefinition) -> Mapping[str, tuple[str, ...]]:
    """State id → the states its actions lead to (only to declared states)."""
    return process.graph


def reachable(graph: Mapping[str, Iterable[str]], starts: Iterable[str]) -> set[str]:
    """Every state reachable from ``starts`` (including them)."""
    seen = set(starts)
    queue = deque(seen)
    while queue:
        for nxt in graph.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def spread(starts: Iterable[str], edges: Sequence[tuple[str | None, str | None]], goal: set[str]) -> set[str | None]:
    """What ``edges`` (pairs of from and to) reach from ``starts``, or a superset of ``goal``.

    Passes over the edges in the order given until nothing new is reached, and stops early
    once everything in ``goal`` is: with edges in document order, one pass usually reaches
    every step, and no graph needs building.
    """
    seen: set[str | None] = set(starts)
    while not seen.issuperset(goal):
        size = len(seen)
        for source, target in edges:
            if source in seen:
                seen.add(target)
        if len(seen) == size:
            break
    return seen
