"""Charts of a service report as SVG drawn by isoflow: no plotting library, no script.

Pure.  Two charts, each a standalone SVG 1.1 document at most :data:`WIDTH` pixels wide (the
text width of an A4 portrait page, 165 mm) whose height follows its rows:

* :func:`indicator_chart`: one group's percentage indicators as horizontal bars, each bar green
  when its target is met, red when it is not, grey without a target, with the target drawn as
  a black marker line across the bar;
* :func:`resolution_chart`: per group and in total, the dossiers resolved early, on time and
  late as one bar stacked to 100 %.

Every text (group labels come from process files) goes through :func:`_esc`; the result is
safe to insert into the HTML report as markup.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from isoflow.indicators.formulas import Group, Indicator, ServiceReport

__all__ = ["COLOURS", "FONT", "WIDTH", "indicator_chart", "resolution_chart"]

FONT = "Tinos, Liberation Serif, serif"
WIDTH = 620.0
COLOURS = {"met": "#2e7d32", "unmet": "#c62828", "none": "#90a4ae",
           "early": "#2e7d32", "on_time": "#9ccc65", "late": "#c62828"}
_SIZE = 11.0  # font size (px) of labels: about 8 pt once the chart is scaled to the page
_CHAR = 0.48  # average width of a serif character, in ems: enough to wrap labels, not to typeset


def _esc(text: object) -> str:
    """XML text and attribute escaping, in NFC, without the characters XML 1.0 cannot carry."""
    text = unicodedata.normalize("NFC", str(text))
    text = "".join(c for c in text if c in "\t\n\r" or ("\x20" <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
                   or c >= "\U00010000")
    return escape(text, {'"': "&quot;"})


def _f(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _pct(value: Decimal) -> str:
    return f"{value:f}".replace(".", ",") + " %"


def _wrap(text: str, width: float, lines: int = 2, size: float = _SIZE) -> list[str]:
    """``text`` in at most ``lines`` lines of about ``width`` pixels, the last cut with "…"."""
    room = max(4, int(width / (size * _CHAR)))
    words, out, line = " ".join(text.split()).split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > room:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: room - 1].rstrip() + "…"
    return [o if len(o) <= room else o[: room - 1] + "…" for o in out]


def _label(lines: Sequence[str], x: float, middle: float, anchor: str = "start", size: float = _SIZE) -> str:
    step = size * 1.15
    first = middle - step * (len(lines) - 1) / 2 + size * 0.35
    spans = "".join(f'<tspan x="{_f(x)}" y="{_f(first + i * step)}">{_esc(t)}</tspan>' for i, t in enumerate(lines))
    return f'<text font-size="{_f(size)}" text-anchor="{anchor}" fill="#000">{spans}</text>'


def _open(height: float, title: str) -> list[str]:
    return [f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{_f(WIDTH)}" height="{_f(height)}" '
            f'viewBox="0 0 {_f(WIDTH)} {_f(height)}" font-family="{FONT}">',
            f"<title>{_esc(title)}</title>",
            f'<rect x="0" y="0" width="{_f(WIDTH)}" height="{_f(height)}" fill="#ffffff"/>']


def _legend(items: Sequence[tuple[str, str]], y: float, x: float = 0.0, marker: str | None = None) -> str:
    """Swatches and their names in one line; ``marker`` adds the target line's own entry."""
    out = []
    for colour, name in items:
        out.append(f'<rect x="{_f(x)}" y="{_f(y - 8)}" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{_f(x + 14)}" y="{_f(y)}" font-size="{_f(_SIZE)}" fill="#000">{_esc(name)}</text>')
        x += 14 + len(name) * _SIZE * _CHAR + 18
    if marker is not None:
        out.append(f'<line x1="{_f(x + 5)}" y1="{_f(y - 10)}" x2="{_f(x + 5)}" y2="{_f(y + 2)}" stroke="#000" '
                   f'stroke-width="2"/><text x="{_f(x + 14)}" y="{_f(y)}" font-size="{_f(_SIZE)}" '
                   f'fill="#000">{_esc(marker)}</text>')
    return f'<g class="legend">{"".join(out)}</g>'


def _axis(x0: float, span: float, top: float, bottom: float) -> str:
    out = []
    for tick in (0, 25, 50, 75, 100):
        x = x0 + span * tick / 100
        out.append(f'<line x1="{_f(x)}" y1="{_f(top)}" x2="{_f(x)}" y2="{_f(bottom)}" stroke="#cfd8dc" '
                   f'stroke-width="0.6"/><text x="{_f(x)}" y="{_f(bottom + 11)}" font-size="9" '
                   f'text-anchor="middle" fill="#000">{tick} %</text>')
    return f'<g class="axis">{"".join(out)}</g>'


def _clamp(value: Decimal) -> float:
    return float(min(max(value, Decimal(0)), Decimal(100)))


# -- the indicators of a group ------------------------------------------------------------------

_ROW, _TOP = 26.0, 8.0
_LABEL_W, _BAR_X, _BAR_W = 290.0, 300.0, 250.0


def _indicator_row(i: Indicator, y: float) -> str:
    """One indicator: its name, its bar coloured by met/not met, the target marker, the value."""
    middle = y + _ROW / 2
    parts = [_label(_wrap(i.name, _LABEL_W), 0, middle)]
    if i.value is None:
        parts.append(f'<text x="{_f(_BAR_X + 4)}" y="{_f(middle + 3.5)}" font-size="{_f(_SIZE)}" '
                     f'font-style="italic" fill="#000">N/A (không tính được)</text>')
    else:
        state = "none" if i.met is None else ("met" if i.met else "unmet")
        width = _BAR_W * _clamp(i.value) / 100
        parts.append(f'<rect class="bar {state}" x="{_f(_BAR_X)}" y="{_f(middle - 6)}" width="{_f(width)}" '
                     f'height="12" fill="{COLOURS[state]}"/>')
        parts.append(f'<text x="{_f(_BAR_X + _BAR_W + 8)}" y="{_f(middle + 3.5)}" font-size="{_f(_SIZE)}" '
                     f'fill="#000">{_esc(_pct(i.value))}</text>')
    target = i.target
    bound = None if target is None else (target.at_least if target.at_least is not None else target.at_most)
    if bound is not None:
        x = _BAR_X + _BAR_W * _clamp(bound) / 100
        parts.append(f'<line class="target" x1="{_f(x)}" y1="{_f(middle - 9)}" x2="{_f(x)}" y2="{_f(middle + 9)}" '
                     f'stroke="#000" stroke-width="2"><title>{_esc("Chỉ tiêu " + _pct(bound))}</title></line>')
    return f'<g class="indicator">{"".join(parts)}</g>'


def indicator_chart(group: Group) -> str:
    """The percentage indicators of ``group`` as bars against their targets (SVG)."""
    shown = [i for i in group.indicators if i.unit == "%"]
    bottom = _TOP + _ROW * len(shown)
    height = bottom + 40
    out = _open(height, f"Chỉ số phục vụ: {group.label}")
    out.append(_axis(_BAR_X, _BAR_W, _TOP, bottom))
    out += [_indicator_row(i, _TOP + n * _ROW) for n, i in enumerate(shown)]
    out.append(_legend([(COLOURS["met"], "Đạt chỉ tiêu"), (COLOURS["unmet"], "Không đạt"),
                        (COLOURS["none"], "Chưa có chỉ tiêu")], bottom + 32, marker="Chỉ tiêu"))
    out.append("</svg>")
    return "\n".join(out) + "\n"


# -- resolved early / on time / late per group --------------------------------------------------

_GROUP_W, _STACK_X, _STACK_W = 200.0, 210.0, 340.0
_STACK_ROW = 32.0  # a group's label takes two lines more often than an indicator's name


def _stack_row(group: Group, y: float) -> str:
    t = group.tally
    middle = y + _STACK_ROW / 2
    parts = [_label(_wrap(group.label, _GROUP_W), 0, middle)]
    if not t.resolved:
        parts.append(f'<text x="{_f(_STACK_X + 4)}" y="{_f(middle + 3.5)}" font-size="{_f(_SIZE)}" '
                     f'font-style="italic" fill="#000">Không có hồ sơ đã giải quyết</text>')
        return f'<g class="group">{"".join(parts)}</g>'
    x = _STACK_X
    for kind, count, name in (("early", t.resolved_early, "Trước hạn"), ("on_time", t.resolved_on_time, "Đúng hạn"),
                              ("late", t.resolved_late, "Quá hạn")):
        if not count:
            continue
        width = _STACK_W * count / t.resolved
        parts.append(f'<rect class="{kind}" x="{_f(x)}" y="{_f(middle - 7)}" width="{_f(width)}" height="14" '
                     f'fill="{COLOURS[kind]}"><title>{_esc(f"{name}: {count}")}</title></rect>')
        share = f"{round(100 * count / t.resolved)} %"
        if width >= len(share) * 9 * _CHAR + 6:
            ink = "#000" if kind == "on_time" else "#fff"
            parts.append(f'<text x="{_f(x + width / 2)}" y="{_f(middle + 3)}" font-size="9" text-anchor="middle" '
                         f'fill="{ink}">{share}</text>')
        x += width
    parts.append(f'<text x="{_f(_STACK_X + _STACK_W + 8)}" y="{_f(middle + 3.5)}" font-size="{_f(_SIZE)}" '
                 f'fill="#000">{t.resolved} hồ sơ</text>')
    return f'<g class="group">{"".join(parts)}</g>'


def resolution_chart(report: ServiceReport) -> str:
    """Resolved dossiers early / on time / late, each group and the total stacked to 100 % (SVG)."""
    rows = [*report.groups, report.total]
    bottom = _TOP + _STACK_ROW * len(rows)
    out = _open(bottom + 40, "Kết quả giải quyết: trước hạn, đúng hạn, quá hạn")
    out.append(_axis(_STACK_X, _STACK_W, _TOP, bottom))
    out += [_stack_row(g, _TOP + n * _STACK_ROW) for n, g in enumerate(rows)]
    out.append(_legend([(COLOURS["early"], "Trước hạn"), (COLOURS["on_time"], "Đúng hạn"),
                        (COLOURS["late"], "Quá hạn")], bottom + 32))
    out.append("</svg>")
    return "\n".join(out) + "\n"
