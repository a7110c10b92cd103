"""Where a flowchart's boxes, lines and labels go: layered top-down (Sugiyama-style), in pure Python.

Kept apart from the drawing so the geometry can be read and tested on its own; it knows sizes and
links only, never what a state means. The same input always gives the same coordinates.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from isoflow.paper.flowchart_geometry import EDGE_FONT, Edge, Node, Point, Rect, label_boxes, text_width, wrap

_GAP_X, _GAP_Y = 26.0, 72.0


@dataclass(frozen=True)
class Box:
    """A state as the layout sees it: its size, and whether the main path starts or ends there."""

    width: float
    height: float
    initial: bool = False
    final: bool = False
    granted: bool = False


@dataclass(frozen=True)
class Link:
    """An action between two boxes (by index), with the text of its label, not yet wrapped."""

    source: int
    target: int
    text: str


@dataclass(frozen=True)
class Placed:
    """A box's centre and size; ``left`` and ``right`` are the room kept beside it for loops and back edges."""

    x: float
    y: float
    width: float
    height: float
    left: float
    right: float


@dataclass(frozen=True)
class Route:
    """A link as drawn: its wrapped label, its polyline (empty for a self-loop) and its label's box."""

    source: int
    label: tuple[str, ...]
    points: tuple[Point, ...]
    loop: int  # for a self-loop, how many loops of its box come before it; else -1
    label_box: Rect | None  # None when a sibling edge carries the same label


@dataclass(frozen=True)
class Layout:
    """Boxes in input order, routes in link order."""

    boxes: tuple[Placed, ...]
    routes: tuple[Route, ...]


def layout(boxes: Sequence[Box], links: Sequence[Link]) -> Layout:
    """Layers, crossing reduction, coordinates, routes, then label places; at least one box is initial."""
    nodes, edges, bands = _arrange(boxes, links)
    _routes(nodes, edges, bands)
    labels = label_boxes(nodes, edges)
    placed = tuple(Placed(n.x, n.y, n.width, n.height, n.left, n.right) for n in nodes[:len(boxes)])
    routes = tuple(Route(e.source, tuple(e.label), tuple(e.route), e.loop, box)
                   for e, box in zip(edges, labels, strict=True))
    return Layout(placed, routes)


# --- layers and order ---------------------------------------------------------------------------

def _bfs(starts: Sequence[int], succ: Sequence[Sequence[int]]) -> dict[int, int]:
    dist = dict.fromkeys(starts, 0)
    queue = deque(starts)
    while queue:
        u = queue.popleft()
        for v in succ[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist


def _layers(n: int, starts: list[int], pairs: list[tuple[int, int]]) -> list[int]:
    """Longest-path layers over the graph without its back edges; unreachable states go last.

    A back edge is one on a cycle that does not lead further from the start (breadth-first),
    so a supplement loop is drawn going back up, beside the step that asked for it.
    """
    succ: list[list[int]] = [[] for _ in range(n)]
    for u, v in pairs:
        succ[u].append(v)
    dist = _bfs(starts, succ)
    reaches = [_bfs([i], succ) for i in range(n)]
    forward = [(u, v) for u, v in pairs
               if u != v and u in dist and v in dist and (dist[v] > dist[u] or u not in reaches[v])]
    waiting = dict.fromkeys(dist, 0)
    for _, v in forward:
        waiting[v] += 1
    layer, ready = dict.fromkeys(dist, 0), deque(k for k, count in waiting.items() if not count)
    while ready:  # Kahn's topological order; the forward edges are acyclic by construction
        u = ready.popleft()
        for a, v in forward:
            if a == u:
                layer[v] = max(layer[v], layer[u] + 1)
                waiting[v] -= 1
                if not waiting[v]:
                    ready.append(v)
    last = max(layer.values(), default=-1) + 1
    return [layer.get(i, last) for i in range(n)]


def _sort_row(row: list[int], ref: list[int], nbrs: list[list[int]]) -> None:
    pos = {k: i for i, k in enumerate(ref)}

    def key(item: tuple[int, int]) -> tuple[float, int]:
        found = [pos[m] for m in nbrs[item[1]] if m in pos]
        return (sum(found) / len(found) if found else item[0] * len(ref) / max(len(row), 1), item[0])

    row[:] = [k for _, k in sorted(enumerate(row), key=key)]


def _crossings(rows: list[list[int]], down: list[list[int]]) -> int:
    total = 0
    for top, bottom in itertools.pairwise(rows):
        pos = {k: i for i, k in enumerate(bottom)}
        segs = [(i, pos[m]) for i, k in enumerate(top) for m in down[k] if m in pos]
        total += sum(1 for (a, b), (c, d) in itertools.combinations(segs, 2) if (a - c) * (b - d) < 0)
    return total


def _order(rows: list[list[int]], up: list[list[int]], down: list[list[int]]) -> list[list[int]]:
    """Barycentre sweeps down and up; keep the ordering with the fewest crossings."""
    best, fewest = [r[:] for r in rows], _crossings(rows, down)
    for _ in range(6):
        for i in range(1, len(rows)):
            _sort_row(rows[i], rows[i - 1], up)
        for i in range(len(rows) - 2, -1, -1):
            _sort_row(rows[i], rows[i + 1], down)
        if (count := _crossings(rows, down)) < fewest:
            best, fewest = [r[:] for r in rows], count
    return best


def _pack(desired: list[float], weights: list[float], seps: list[float]) -> list[float]:
    """Positions nearest ``desired`` that keep the row's order and gaps (weighted isotonic regression)."""
    offsets = list(itertools.accumulate([0.0, *seps]))
    blocks: list[list[float]] = []
    for target, weight in zip((d - o for d, o in zip(desired, offsets, strict=True)), weights, strict=True):
        blocks.append([target * weight, weight, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, weight, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += weight
            blocks[-1][2] += count
    flat = [total / weight for total, weight, count in blocks for _ in range(int(count))]
    return [p + o for p, o in zip(flat, offsets, strict=True)]


def _place(nodes: list[Node], rows: list[list[int]], up: list[list[int]], down: list[list[int]],
           spine: set[int]) -> None:
    """Each box over the mean of its neighbours, the main path weighing most so it runs straight."""
    def seps(row: list[int]) -> list[float]:
        return [nodes[a].width / 2 + nodes[a].right + nodes[b].left + nodes[b].width / 2
                + (_GAP_X if nodes[a].real and nodes[b].real else _GAP_X / 2) for a, b in itertools.pairwise(row)]

    def pull(k: int, m: int) -> float:
        return 1000.0 if k in spine and m in spine else 1.0

    for row in rows:
        for k, x in zip(row, _pack([0.0] * len(row), [1.0] * len(row), seps(row)), strict=True):
            nodes[k].x = x
    both = [a + b for a, b in zip(up, down, strict=True)]
    for order, nbrs in [*[(range(1, len(rows)), up), (range(len(rows) - 2, -1, -1), down)] * 4,
                        (range(len(rows)), both)]:
        for i in order:
            row = rows[i]
            desired = [sum(pull(k, m) * nodes[m].x for m in nbrs[k]) / sum(pull(k, m) for m in nbrs[k])
                       if nbrs[k] else nodes[k].x for k in row]
            weights = [1000.0 if k in spine else 1.0 for k in row]
            for k, x in zip(row, _pack(desired, weights, seps(row)), strict=True):
                nodes[k].x = x


def _spine(n: int, starts: list[int], pairs: list[tuple[int, int]], boxes: Sequence[Box]) -> list[int]:
    """The edges of the main path: the shortest way from the start to a granted result."""
    parent: dict[int, tuple[int, int]] = {}
    seen, queue = set(starts), deque(starts)
    while queue:
        u = queue.popleft()
        for i, (a, b) in enumerate(pairs):
            if a == u and b not in seen:
                seen.add(b)
                parent[b] = (i, u)
                queue.append(b)
    ends = [v for v in range(n) if v in seen and boxes[v].granted] or \
           [v for v in range(n) if v in seen and boxes[v].final]
    path, v = [], ends[0] if ends else starts[0]
    while v in parent:
        path.append(parent[v][0])
        v = parent[v][1]
    return path


def _arrange(boxes: Sequence[Box], links: Sequence[Link]) -> tuple[list[Node], list[Edge], list[tuple[float, float]]]:
    """Layers, dummies for long edges, crossing reduction, then coordinates."""
    starts = [i for i, b in enumerate(boxes) if b.initial]
    if not starts:
        raise ValueError("no initial box, so the layout has nowhere to start")
    pairs = [(link.source, link.target) for link in links]
    layer = _layers(len(boxes), starts, pairs)
    nodes = [Node(layer[i], b.width, b.height, real=True) for i, b in enumerate(boxes)]
    edges: list[Edge] = []
    loops: dict[int, int] = {}
    for link in links:
        u, v = link.source, link.target
        step = 1 if layer[v] >= layer[u] else -1
        chain = list(range(len(nodes), len(nodes) + max(abs(layer[v] - layer[u]) - 1, 0)))
        nodes += [Node(layer[u] + step * (i + 1), 8.0) for i in range(len(chain))]
        label = wrap(link.text, EDGE_FONT, 96.0 if u == v else 140.0)  # a loop's label sits beside its box: narrower
        edges.append(Edge(u, v, chain, label, loops.get(u, 0) if u == v else -1))
        loops[u] = loops.get(u, 0) + (u == v)
    up: list[list[int]] = [[] for _ in nodes]
    down: list[list[int]] = [[] for _ in nodes]
    for e in edges:
        path = [e.source, *e.chain, e.target]
        for a, b in itertools.pairwise(path if layer[e.source] < layer[e.target] else path[::-1]):
            if nodes[a].layer < nodes[b].layer:
                down[a].append(b)
                up[b].append(a)
    rows: list[list[int]] = [[] for _ in range(max(layer) + 1)]
    seen: set[int] = set()
    stack = [*starts, *range(len(nodes))][::-1]
    while stack:  # depth-first from the start: a first ordering that follows the main path
        k = stack.pop()
        if k not in seen:
            seen.add(k)
            rows[nodes[k].layer].append(k)
            stack += down[k][::-1]
    _reserve(nodes, edges)
    rows = _order(rows, up, down)
    spine: set[int] = set()
    for i in _spine(len(boxes), starts, pairs, boxes):
        edges[i].spine = True
        spine.update((edges[i].source, *edges[i].chain, edges[i].target))
    _place(nodes, rows, up, down, spine)
    bands: list[tuple[float, float]] = []
    y = 0.0
    for i, row in enumerate(rows):
        height = max([nodes[k].height for k in row if nodes[k].real] + [12.0])
        bands.append((y, y + height))
        for k in row:
            nodes[k].y = y + height / 2
        ends = ((layer[e.source], layer[e.target]) for e in edges)
        labels = sum(1 for a, b in ends if min(a, b) == i != max(a, b))
        y += height + _GAP_Y + 14 * max(0, labels - 2)  # a gap many labels start in grows to hold them
    return nodes, edges, bands


def _reserve(nodes: list[Node], edges: list[Edge]) -> None:
    """Room beside a box: back edges climb on its right, their labels beside them; self-loops
    hang on its left."""
    for k, node in enumerate(nodes):
        backs = [e for e in edges if k in (e.source, e.target) and nodes[e.source].layer > nodes[e.target].layer]
        loops = [e for e in edges if e.source == e.target == k]
        label = max((text_width(t, EDGE_FONT) + 10 for e in backs if e.source == k for t in e.label), default=0.0)
        node.right = 12.0 + 10.0 * len(backs) + label if backs else 0.0
        node.left = max((34.0 + 12.0 * j + max(text_width(t, EDGE_FONT) for t in e.label) for j, e in enumerate(loops)),
                        default=0.0)


# --- routes ----------------------------------------------------------------------------------

def _routes(nodes: list[Node], edges: list[Edge], bands: list[tuple[float, float]]) -> None:
    """Polylines through the gaps between layers: forward edges leave a box's bottom and enter
    the next one's top; back edges leave and enter on the right and climb in their own channel."""
    ends: dict[tuple[str, int], list[int]] = {}
    for i, e in enumerate(edges):
        ls, lt = nodes[e.source].layer, nodes[e.target].layer
        if e.source != e.target:
            sides = ("bottom", "top") if ls < lt else ("side", "side") if ls > lt else ("bottom", "bottom")
            ends.setdefault((sides[0], e.source), []).append(i)
            ends.setdefault((sides[1], e.target), []).append(i)
    port: dict[tuple[int, int], Point] = {}
    for (where, k), found in ends.items():
        node, n = nodes[k], len(found)
        if where == "side":
            step = min(10.0, (node.height - 10) / max(n - 1, 1))
            for j, i in enumerate(found):
                lane = j if edges[i].source == k else n - 1 - j
                port[(i, k)] = (node.x + node.width / 2 + 10 + 10 * lane, node.y + (j - (n - 1) / 2) * step)
            continue
        groups: dict[object, list[int]] = {}
        for i in found:  # edges with one label arrive together: one arrowhead, one label
            groups.setdefault((edges[i].target, *edges[i].label) if where == "top" else i, []).append(i)
        ordered = sorted(groups.values(), key=lambda g: (
            sum(nodes[edges[i].after(k)].x for i in g) / len(g), g[0]))
        step = min(14.0, (node.width - 24) / max(len(ordered) - 1, 1))
        main = [j for j, g in enumerate(ordered) if any(edges[i].spine for i in g)]
        centre = main[0] if main else (len(ordered) - 1) / 2  # the main path leaves and enters straight
        for j, group in enumerate(ordered):
            for i in group:
                port[(i, k)] = (node.x + max(-node.width / 2 + 8, min(node.width / 2 - 8, (j - centre) * step)), 0.0)
    for i, e in enumerate(edges):
        s, t = nodes[e.source], nodes[e.target]
        (sx, sy), (tx, ty) = port.get((i, e.source), (0.0, 0.0)), port.get((i, e.target), (0.0, 0.0))
        if e.source == e.target:
            continue
        if s.layer < t.layer:
            pts = [(sx, s.y + s.height / 2), (sx, bands[s.layer][1])]
            for d in e.chain:
                pts += [(nodes[d].x, bands[nodes[d].layer][0]), (nodes[d].x, bands[nodes[d].layer][1])]
            pts += [(tx, bands[t.layer][0]), (tx, t.y - t.height / 2)]
        elif s.layer > t.layer:
            pts = [(s.x + s.width / 2, sy), (sx, sy), (sx, bands[s.layer][0])]
            for d in e.chain:
                pts += [(nodes[d].x, bands[nodes[d].layer][1]), (nodes[d].x, bands[nodes[d].layer][0])]
            pts += [(tx, bands[t.layer][1]), (tx, ty), (t.x + t.width / 2, ty)]
        else:
            below = bands[s.layer][1] + 16
            pts = [(sx, s.y + s.height / 2), (sx, below), (tx, below), (tx, t.y + t.height / 2)]
        e.route = [p for p, q in itertools.zip_longest(pts, pts[1:]) if p != q]
