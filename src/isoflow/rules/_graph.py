"""The step graph of a process, for the flow and time rules."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

from isoflow.definition import ProcessDefinition


def successors(process: ProcessDefinition) -> Mapping[str, tuple[str, ...]]:
    """State id → the states its actions lead to (only to declared states)."""
    return process.graph


def dangling(process: ProcessDefinition) -> bool:
    """Whether some action leads from or to an undeclared state.

    S003 reports that at its cause; the graph rules then stay silent instead of reporting
    every state the broken action cut off.
    """
    return process.has_dangling_actions


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


def reverse(graph: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """The same graph with every edge turned around."""
    back: dict[str, list[str]] = {node: [] for node in graph}
    for node, targets in graph.items():
        for target in targets:
            back.setdefault(target, []).append(node)
    return back
