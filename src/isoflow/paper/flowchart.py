"""Flowcharts of a procedure: Mermaid text for wikis, a standalone SVG for the printed document.

The SVG is laid out by :mod:`isoflow.paper.flowchart_layout` rather than by Graphviz, so the pure core
draws without outside technology and the same definition always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from isoflow.model.definition import Action, Duration, ProcessDefinition, State
from isoflow.paper.flowchart_geometry import EDGE_FONT, segments, text_width, wrap
from isoflow.paper.flowchart_layout import Box, Link, Placed, Route, layout

FONT = "Times New Roman, Liberation Serif, Tinos, serif"
#: Fill and stroke of a final state, by outcome: green granted, red refused, grey withdrawn, amber stopped.
OUTCOME_COLOURS = {"granted": ("#e3f1e0", "#2e7d32"), "refused": ("#fbe3e4", "#b02a37"),
                   "withdrawn": ("#eceff1", "#546e7a"), "stopped": ("#fff4d6", "#a66f00")}
_MERMAID_ESCAPES = {'"': "#quot;", "#": "#35;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "`": "#96;", "|": "#124;"}
_LABEL, _META = 13.0, 10.5  # font sizes (px) of a step's label and of its role line
_PAD, _MARGIN, _PAGE = 8.0, 14.0, 700.0


def short_label(text: str, limit: int = 40) -> str:
    """An action's label cut to its gist, so edge labels do not bury the flowchart."""
    text = " ".join(text.split())
    for mark, least in ((": ", 6), (" (", 6), ("; ", 6), (", ", 16)):
        head = text.split(mark, 1)[0]
        if len(text) > limit and least <= len(head) < len(text):
            text = head
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _text(labels: Mapping[str, str], fallback: str, lang: str) -> str:
    return " ".join((labels.get(lang) or fallback).split())


def edge_text(action: Action, lang: str = "vi") -> str:
    """An arrow's label as modelers write it: what is done, then the condition that leads this way
    (``[ho_so_day_du]``; ``[otherwise]`` on the default of several alternatives)."""
    label = short_label(_text(action.labels, action.label, lang))
    if action.when:
        condition = short_label(" ".join(action.when.split()), 36)
        return f"{label} [{condition}]"
    if action.default:
        return f"{label} [{'trường hợp khác' if lang == 'vi' else 'otherwise'}]"
    return label


def _budget(budget: Duration, lang: str) -> str:
    amount = f"{budget.amount.normalize():f}"
    if lang == "vi":
        return amount.replace(".", ",") + ("\u00a0giờ" if budget.unit == "h" else "\u00a0ngày")
    return amount + ("\u00a0h" if budget.unit == "h" else "\u00a0days")


def _edges(definition: ProcessDefinition) -> list[tuple[Action, int, int]]:
    """Each drawable action with its endpoints; an action without ``to`` stays where it is."""
    index = {s.id: i for i, s in enumerate(definition.states)}
    return [(a, index[a.source], index[a.target or a.source]) for a in definition.actions
            if a.source in index and (a.target or a.source) in index]


# --- Mermaid -----------------------------------------------------------------------------------

def _mermaid_text(text: str) -> str:
    return '"' + "".join(_MERMAID_ESCAPES.get(c, c) for c in " ".join(text.split())) + '"'


def flowchart_mermaid(definition: ProcessDefinition, *, lang: str = "vi") -> str:
    """The flowchart as Mermaid ``flowchart TD`` text, for wikis and review tools that render it."""
    lines = ["flowchart TD", f"    %% {' '.join(f'{definition.code}: {definition.title}'.split())}"]
    classes: dict[str, list[str]] = {}
    for i, state in enumerate(definition.states):
        label = _mermaid_text(_text(state.labels, state.label, lang))
        if state.is_final:
            lines.append(f"    s{i}((({label})))")
            classes.setdefault(state.outcome or "stopped", []).append(f"s{i}")
        else:
            lines.append(f"    s{i}([{label}])" if state.is_initial else f"    s{i}({label})")
        if state.is_initial:
            classes.setdefault("initial", []).append(f"s{i}")
        if state.effective_kind == "waiting":
            classes.setdefault("waiting", []).append(f"s{i}")
    for action, u, v in _edges(definition):
        lines.append(f"    s{u} -->|{_mermaid_text(edge_text(action, lang))}| s{v}")
    styles = {"initial": "stroke-width:2px", "waiting": "stroke-dasharray:5 3"}
    styles.update({k: f"fill:{f},stroke:{s}" for k, (f, s) in OUTCOME_COLOURS.items()})
    for name, style in styles.items():
        if name in classes:
            lines += [f"    classDef {name} {style}", f"    class {','.join(classes[name])} {name}"]
    return "\n".join(lines) + "\n"


# --- SVG ---------------------------------------------------------------------------------------

def _box(state: State, roles: Mapping[str, str], lang: str) -> tuple[list[str], list[str], Box]:
    """A state's box: its label wrapped, then who answers for it and how long it may take."""
    width = 150.0 if state.is_final else 176.0
    lines = wrap(_text(state.labels, state.label, lang), _LABEL, width - 2 * _PAD)
    parts = (roles.get(state.role or ""), state.budget and _budget(state.budget, lang))
    meta_text = "\u00a0·\u00a0".join(t for t in parts if t)
    meta = wrap(meta_text, _META, width - 2 * _PAD) if meta_text else []
    width = max([width] + [text_width(t, _LABEL) + 2 * _PAD for t in lines]
                + [text_width(t, _META) + 2 * _PAD for t in meta])
    height = 2 * _PAD + 16 * len(lines) + (4 + 13 * len(meta) if meta else 0)
    return lines, meta, Box(width, max(height, 36.0), state.is_initial, state.is_final, state.outcome == "granted")


def _esc(text: str) -> str:
    """XML text and attribute escaping, dropping characters XML 1.0 cannot carry."""
    text = "".join(c for c in text if c in "\t\n\r" or ("\x20" <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
                   or c >= "\U00010000")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _f(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _path(e: Route, node: Placed) -> str:
    if not e.points:  # a self-loop on the box's left side
        left, s = node.x - node.width / 2, 26 + 12 * e.loop
        return (f"M{_f(left)},{_f(node.y - 5)} C{_f(left - s)},{_f(node.y - 5 - 0.7 * s)} "
                f"{_f(left - s)},{_f(node.y + 5 + 0.7 * s)} {_f(left)},{_f(node.y + 5)}")
    d = [f"M{_f(e.points[0][0])},{_f(e.points[0][1])}"]
    for _, c0, c1, p1 in segments(e.points):
        straight = c0 == e.points[len(d) - 1] and c1 == p1
        d.append(f"L{_f(p1[0])},{_f(p1[1])}" if straight else
                 f"C{_f(c0[0])},{_f(c0[1])} {_f(c1[0])},{_f(c1[1])} {_f(p1[0])},{_f(p1[1])}")
    return " ".join(d)


def _text_block(lines: Sequence[str], cx: float, top: float, size: float, step: float, extra: str = "") -> str:
    spans = "".join(f'<tspan x="{_f(cx)}" y="{_f(top + size + i * step - 1)}">{_esc(t)}</tspan>'
                    for i, t in enumerate(lines))
    return f'<text font-size="{_f(size)}" text-anchor="middle" fill="#000"{extra}>{spans}</text>'


def _state_svg(i: int, state: State, lines: list[str], meta: list[str], node: Placed) -> str:
    """A state's box: rounded for a step, a pill coloured by outcome for a result, dashed for waiting."""
    fill, stroke, width, dash = "#ffffff", "#222222", 1.2, ""
    if state.is_final:
        fill, stroke = OUTCOME_COLOURS.get(state.outcome or "", ("#eeeeee", "#444444"))
    elif state.is_initial:
        fill, stroke, width = "#e8f0fb", "#1f4e8c", 2.2
    if state.effective_kind == "waiting":
        fill, dash = "#fafafa", ' stroke-dasharray="5 3"'
    x, y, h = node.x - node.width / 2, node.y - node.height / 2, node.height
    radius = h / 2 if state.is_final else 7.0
    meta_top = y + _PAD + 16 * len(lines) + 3
    return (f'<g class="state" id="s{i}"><title>{_esc(state.id)}</title>'
            f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(node.width)}" height="{_f(h)}" rx="{_f(radius)}" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{_f(width)}"{dash}/>'
            + _text_block(lines, node.x, y + _PAD, _LABEL, 16.0, ' class="label"')
            + (_text_block(meta, node.x, meta_top, _META, 13.0, ' class="meta" font-style="italic"')
               if meta else "") + "</g>")


def flowchart_svg(definition: ProcessDefinition, *, lang: str = "vi") -> str:
    """The flowchart as a standalone SVG 1.1 document, sized to print across an A4 page."""
    states = definition.states
    if not any(s.is_initial for s in states):
        raise ValueError(f"{definition.code}: no initial state, so the flowchart has nowhere to start")
    roles = {r.id: " ".join(r.name.split()) for r in definition.roles}
    raw = _edges(definition)
    texts = [_box(s, roles, lang) for s in states]
    plan = layout([box for _, _, box in texts],
                  [Link(u, v, edge_text(a, lang)) for a, u, v in raw])
    xs, ys = [], []
    for n in plan.boxes:
        xs += [n.x - n.width / 2 - n.left, n.x + n.width / 2 + n.right]
        ys += [n.y - n.height / 2, n.y + n.height / 2]
    for e in plan.routes:
        xs += [x for x, _ in e.points]
        ys += [y for _, y in e.points]
    for r in (e.label_box for e in plan.routes if e.label_box is not None):
        xs += [r[0], r[0] + r[2]]
        ys += [r[1], r[1] + r[3]]
    left, top = min(xs) - _MARGIN, min(ys) - _MARGIN
    width, height = max(xs) - left + _MARGIN, max(ys) - top + _MARGIN
    scale = min(1.0, _PAGE / width)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{_f(width * scale)}px" '
           f'height="{_f(height * scale)}px" viewBox="{_f(left)} {_f(top)} {_f(width)} {_f(height)}" '
           f'font-family="{FONT}">',
           f"<title>{_esc(definition.code)}: {_esc(definition.title)}</title>",
           '<defs><marker id="isoflow-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#222222"/></marker></defs>',
           f'<rect x="{_f(left)}" y="{_f(top)}" width="{_f(width)}" height="{_f(height)}" fill="#ffffff"/>',
           '<g class="edges" fill="none" stroke="#333333" stroke-width="1.2">']
    for i, (e, (action, _, _)) in enumerate(zip(plan.routes, raw, strict=True)):
        out.append(f'<g class="edge" id="e{i}"><title>{_esc(action.id)}</title>'
                   f'<path d="{_path(e, plan.boxes[e.source])}" marker-end="url(#isoflow-arrow)"/></g>')
    out.append('</g><g class="states">')
    for i, (state, (lines, meta, _), placed) in enumerate(zip(states, texts, plan.boxes, strict=True)):
        out.append(_state_svg(i, state, lines, meta, placed))
    out.append('</g><g class="edge-labels">')
    for e in plan.routes:
        if e.label_box is None:
            continue
        x, y, w, h = e.label_box
        out.append(f'<g class="edge-label"><rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" '
                   f'fill="#ffffff" fill-opacity="0.92"/>{_text_block(e.label, x + w / 2, y + 1, EDGE_FONT, 13.0)}</g>')
    out.append("</g></svg>")
    return "\n".join(out) + "\n"
