"""Where a flowchart's boxes, lines and labels go: layered top-down (Sugiyama-style), in pure Python.

Kept apart from the drawing so the geometry can be read and tested on its own; it knows sizes and
links only, never what a state means. The same input always gives the same coordinates.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

EDGE_FONT = 11.0  # font size (px) of an edge's label: the layout makes room for it
_GAP_X, _GAP_Y, _CELL = 26.0, 72.0, 32.0
Point = tuple[float, float]
Rect = tuple[float, float, float, float]


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
    labels = _label_boxes(nodes, edges)
    placed = tuple(Placed(n.x, n.y, n.width, n.height, n.left, n.right) for n in nodes[:len(boxes)])
    routes = tuple(Route(e.source, tuple(e.label), tuple(e.route), e.loop, box)
                   for e, box in zip(edges, labels, strict=True))
    return Layout(placed, routes)


# --- text measure ------------------------------------------------------------------------------

def text_width(text: str, size: float) -> float:
    """Estimated width in px of Times-like text; combining marks (NFD diacritics) take none."""
    total = 0.0
    for c in text:
        if unicodedata.combining(c):
            continue
        total += (0.25 if c in " \u00a0.,;:'!|il()[]" else 0.7 if c.isupper() or c in "mwMW—" else 0.5)
    return total * size


def wrap(text: str, size: float, limit: float) -> list[str]:
    """Greedy word wrap; a word wider than the limit is cut so no box runs off the page."""
    lines: list[str] = []
    for word in text.split(" "):
        while text_width(word, size) > limit:
            cut = max(1, int(limit / (0.7 * size)))
            lines.append(word[:cut])
            word = word[cut:]
        if lines and text_width(f"{lines[-1]} {word}", size) <= limit:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


# --- layers and order ---------------------------------------------------------------------------

@dataclass
class _Node:
    """A box (a state) or a dummy (a point a long edge passes through) in one layer."""

    layer: int
    width: float
    height: float = 0.0
    real: bool = False  # a box, not a dummy
    left: float = 0.0  # room kept on the left for self-loops
    right: float = 0.0  # room kept on the right for back edges
    x: float = 0.0
    y: float = 0.0


@dataclass
class _Edge:
    """One link as drawn: the dummies it passes, its wrapped label, its route."""

    source: int
    target: int
    chain: list[int]  # dummies, from source to target
    label: list[str]
    loop: int = -1  # for a self-loop, how many loops of its box come before it
    route: list[Point] = field(default_factory=list)
    spine: bool = False

    def after(self, k: int) -> int:
        """The next box or dummy along the edge from its end ``k``, to order the ports."""
        path = [self.source, *self.chain, self.target]
        return path[1] if k == self.source else path[-2]


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


def _place(nodes: list[_Node], rows: list[list[int]], up: list[list[int]], down: list[list[int]],
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


def _arrange(boxes: Sequence[Box], links: Sequence[Link]) -> tuple[list[_Node], list[_Edge], list[tuple[float, float]]]:
    """Layers, dummies for long edges, crossing reduction, then coordinates."""
    starts = [i for i, b in enumerate(boxes) if b.initial]
    if not starts:
        raise ValueError("no initial box, so the layout has nowhere to start")
    pairs = [(link.source, link.target) for link in links]
    layer = _layers(len(boxes), starts, pairs)
    nodes = [_Node(layer[i], b.width, b.height, real=True) for i, b in enumerate(boxes)]
    edges: list[_Edge] = []
    loops: dict[int, int] = {}
    for link in links:
        u, v = link.source, link.target
        step = 1 if layer[v] >= layer[u] else -1
        chain = list(range(len(nodes), len(nodes) + max(abs(layer[v] - layer[u]) - 1, 0)))
        nodes += [_Node(layer[u] + step * (i + 1), 8.0) for i in range(len(chain))]
        label = wrap(link.text, EDGE_FONT, 96.0 if u == v else 140.0)  # a loop's label sits beside its box: narrower
        edges.append(_Edge(u, v, chain, label, loops.get(u, 0) if u == v else -1))
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


def _reserve(nodes: list[_Node], edges: list[_Edge]) -> None:
    """Room beside a box: back edges climb on its right, their labels beside them; self-loops
    hang on its left."""
    for k, node in enumerate(nodes):
        backs = [e for e in edges if k in (e.source, e.target) and nodes[e.source].layer > nodes[e.target].layer]
        loops = [e for e in edges if e.source == e.target == k]
        label = max((text_width(t, EDGE_FONT) + 10 for e in backs if e.source == k for t in e.label), default=0.0)
        node.right = 12.0 + 10.0 * len(backs) + label if backs else 0.0
        node.left = max((34.0 + 12.0 * j + max(text_width(t, EDGE_FONT) for t in e.label) for j, e in enumerate(loops)),
                        default=0.0)


# --- routes and labels --------------------------------------------------------------------------

def _routes(nodes: list[_Node], edges: list[_Edge], bands: list[tuple[float, float]]) -> None:
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


def segments(route: Sequence[Point]) -> list[tuple[Point, Point, Point, Point]]:
    """Cubic pieces: straight along an axis, an S with vertical tangents across a gap."""
    pieces = []
    for (x0, y0), (x1, y1) in itertools.pairwise(route):
        ym = (y0 + y1) / 2
        c0, c1 = ((x0, y0), (x1, y1)) if abs(x0 - x1) < 0.05 or abs(y0 - y1) < 0.05 else ((x0, ym), (x1, ym))
        pieces.append(((x0, y0), c0, c1, (x1, y1)))
    return pieces


def _sample(route: list[Point]) -> list[Point]:
    points = route[:1]
    for p0, c0, c1, p1 in segments(route):
        steps = max(2, int((abs(p1[0] - p0[0]) + abs(p1[1] - p0[1])) / 5))
        for n in range(1, steps + 1):
            t = n / steps
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
            points.append((a * p0[0] + b * c0[0] + c * c1[0] + d * p1[0],
                           a * p0[1] + b * c0[1] + c * c1[1] + d * p1[1]))
    return points


def _overlap(a: Rect, b: Rect) -> float:
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _cells(rect: Rect) -> Iterable[tuple[int, int]]:
    """The cells of a coarse grid a rectangle touches, so that placing labels stays linear."""
    return itertools.product(range(int(rect[0] // _CELL), int((rect[0] + rect[2]) // _CELL) + 1),
                             range(int(rect[1] // _CELL), int((rect[1] + rect[3]) // _CELL) + 1))


def _lines_near(rect: Rect, grid: Mapping[tuple[int, int], list[tuple[int, float, float]]],
                skip: list[int]) -> float:
    """Lines through a label hide it; lines close by make it look like theirs."""
    x0, y0, x1, y1 = rect[0] - 10, rect[1] - 6, rect[0] + rect[2] + 10, rect[1] + rect[3] + 6
    score = 0.0
    for cell in _cells((x0, y0, x1 - x0, y1 - y0)):
        for j, x, y in grid.get(cell, ()):
            if j not in skip and x0 <= x <= x1 and y0 <= y <= y1:
                inside = rect[0] <= x <= rect[0] + rect[2] and rect[1] <= y <= rect[1] + rect[3]
                score += 40 if inside else 2
    return score


def _label_boxes(nodes: list[_Node], edges: list[_Edge]) -> list[Rect | None]:
    """Where each edge's label goes: on its own line, clear of boxes, labels and other lines.

    Edges that carry the same label into the same state share one label, near the state.
    """
    taken: list[Rect] = []
    boxes_near: dict[tuple[int, int], list[int]] = {}

    def take(rect: Rect) -> None:
        for cell in _cells(rect):
            boxes_near.setdefault(cell, []).append(len(taken))
        taken.append(rect)

    for box in nodes:
        if box.real:
            take((box.x - box.width / 2 - 3, box.y - box.height / 2 - 3, box.width + 6, box.height + 6))
    samples = [_sample(e.route) if e.route else [] for e in edges]
    grid: dict[tuple[int, int], list[tuple[int, float, float]]] = {}
    for j, points in enumerate(samples):
        for x, y in points:
            grid.setdefault((int(x // _CELL), int(y // _CELL)), []).append((j, x, y))
    for (qx, qy), (px, py) in (e.route[-2:] for e in edges if e.route):  # keep arrowheads visible
        length = max(abs(px - qx) + abs(py - qy), 1.0)
        take((px - 6 * (px - qx) / length - 7, py - 6 * (py - qy) / length - 7, 14.0, 14.0))
    together: dict[tuple[int, tuple[str, ...]], list[int]] = {}
    for i, e in enumerate(edges):
        if e.route:
            together.setdefault((e.target, tuple(e.label)), []).append(i)
    boxes: list[Rect | None] = []
    for i, e in enumerate(edges):
        w, h = max(text_width(t, EDGE_FONT) for t in e.label) + 6, 13.0 * len(e.label) + 3
        if not e.route:
            node = nodes[e.source]
            right = node.x - node.width / 2 - 0.75 * (26 + 12 * e.loop) - 4
            boxes.append((right - w, node.y - h / 2 + 14 * e.loop, w, h))
            take((right - w, node.y - h / 2 + 14 * e.loop, w, h))
            continue
        siblings = together[(e.target, tuple(e.label))]
        if siblings[0] != i:
            boxes.append(None)
            continue
        fractions = (0.5, 0.38, 0.62, 0.26, 0.74, 0.15, 0.85) if len(siblings) == 1 else (0.86, 0.76, 0.66, 0.56)
        points, best = samples[i], None
        for n, (shift, fraction) in enumerate(itertools.product((-w / 2, 5.0, -w - 5.0), fractions)):
            px, py = points[min(int(fraction * len(points)), len(points) - 1)]
            rect = (px + shift, py - h / 2, w, h)  # on the line, just right of it, just left of it
            near = sorted({j for cell in _cells(rect) for j in boxes_near.get(cell, ())})
            score = sum(_overlap(rect, taken[j]) for j in near) + _lines_near(rect, grid, siblings) + n * 0.01
            if best is None or score < best[0]:
                best = (score, rect)
        assert best is not None
        boxes.append(best[1])
        take(best[1])
    return boxes
