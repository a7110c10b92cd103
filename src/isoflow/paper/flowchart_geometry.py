"""A flowchart's geometry: text measure, the layout's boxes and edges, curve sampling, and where
an edge's label goes (clear of boxes, labels and lines).

:mod:`isoflow.paper.flowchart_layout` places the boxes and routes the edges, then calls
:func:`label_boxes`; both read and write the :class:`Node` and :class:`Edge` records kept here.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

EDGE_FONT = 11.0  # font size (px) of an edge's label: the layout makes room for it
_CELL = 32.0
Point = tuple[float, float]
Rect = tuple[float, float, float, float]


# --- the layout's graph ----------------------------------------------------------------------

@dataclass
class Node:
    """A box (a state) or a dummy (a point a long edge passes through) in one layer of the layout."""

    layer: int
    width: float
    height: float = 0.0
    real: bool = False  # a box, not a dummy
    left: float = 0.0  # room kept on the left for self-loops
    right: float = 0.0  # room kept on the right for back edges
    x: float = 0.0
    y: float = 0.0


@dataclass
class Edge:
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


# --- curves and labels -------------------------------------------------------------------------

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


def label_boxes(nodes: list[Node], edges: list[Edge]) -> list[Rect | None]:
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
