"""A computed service report written out: a terminal table, JSON, CSV, and the HTML context.

Pure: the report (:class:`isoflow.indicators.formulas.Report`) is already computed; this module only
writes it.  Each format has its reader: the text table a person at a terminal (Vietnamese,
aligned, at most 120 characters a line), the JSON and CSV other systems and spreadsheets (exact
values, decimals as strings so no float rounding creeps in), :func:`report_context` the HTML
report template (every value already written out the Vietnamese way).

The JSON structure (``format`` = :data:`JSON_FORMAT`; keys in this order, never renamed)::

    {"format": "isoflow-service-report/1",
     "period": {"start": "2026-01-01", "end": "2026-03-31"},      # ISO dates, end included
     "grouping": "agency" | "level" | "procedure" | "domain",
     "targets_source": "…",
     "groups": [GROUP, …],                                          # sorted by key
     "total": GROUP,                                                # key "total"
     "durations": [{"procedure": "QT-…", "step": "tham_dinh" | null (the whole dossier),
                    "n": 12 (dossiers), "mean_h": "5.25" | null, "p50_h": …, "p90_h": …, "late": 1,
                    "label": "Thẩm định hồ sơ…" | "" (the step's label)}, …]}
    GROUP = {"key": "…", "label": "…", "counts": {<every Tally field>: int, …},
             "indicators": [{"key": "on_time_rate", "name": "…", "unit": "%",
                             "value": "85.50" | null (not computable: nothing to divide by),
                             "numerator": 171 | null, "denominator": 200 | null,
                             "target": null | {"year": 2025, "at_least": "90" | null,
                                               "at_most": null, "basis": "…"},
                             "met": true | false | null, "gap": "-4.50" | null}, …]}
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Any

from isoflow.indicators.formulas import DEFINITIONS, Group, Indicator, ProcessingTime, ServiceReport, Tally, Target
from isoflow.model.agency import Agency, abbreviated
from isoflow.model.vn_format import vn_date

__all__ = ["GROUPING_LABELS", "JSON_FORMAT", "as_csv", "as_json", "as_text", "report_context"]

JSON_FORMAT = "isoflow-service-report/1"
TITLE = "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH VÀ CHỈ SỐ PHỤC VỤ"
#: How the report's grouping reads in a sentence ("Tổng hợp theo cơ quan").
GROUPING_LABELS = {"agency": "cơ quan", "level": "cấp thực hiện", "procedure": "thủ tục", "domain": "lĩnh vực"}
NOT_COMPUTABLE = "N/A"
WIDTH = 120
CSV_HEADER = ("period_start", "period_end", "grouping", "group_key", "group_label", "indicator_key",
              "indicator_name", "unit", "value", "numerator", "denominator", "target_year", "target_at_least",
              "target_at_most", "met", "gap")


# -- writing values --------------------------------------------------------------------------


def _clean(text: str) -> str:
    """NFC text without control characters: a label from a process file must not move a
    terminal's cursor or split a table row (an escape sequence, a newline)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)


def _vn(value: Decimal | int) -> str:
    """``1.234,50``: Vietnamese thousands dot and decimal comma, keeping the computed places
    (85,50 stays 85,50 so that a column of rates lines up)."""
    text = f"{Decimal(value):,f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + _vn(value)


def value_text(indicator: Indicator) -> str:
    """``85,50 %``, ``12 hồ sơ``, ``N/A``."""
    if indicator.value is None:
        return NOT_COMPUTABLE
    return f"{_vn(indicator.value)} {indicator.unit}"


def ratio_text(indicator: Indicator) -> str:
    """``171/200`` (numerator/denominator), ``n = 12`` for a mean over ``n``, else empty."""
    if indicator.numerator is not None and indicator.denominator is not None:
        return f"{_vn(indicator.numerator)}/{_vn(indicator.denominator)}"
    if indicator.denominator is not None:
        return f"n = {_vn(indicator.denominator)}"
    return ""


def target_text(target: Target | None, unit: str, with_year: bool = True) -> str:
    """``≥ 90 % (2025)``, ``≤ 2 giờ (2030)``, or empty when no target is set."""
    if target is None:
        return ""
    parts = []
    if target.at_least is not None:
        parts.append(f"≥ {_vn(target.at_least)} {unit}")
    if target.at_most is not None:
        parts.append(f"≤ {_vn(target.at_most)} {unit}")
    return ", ".join(parts) + (f" ({target.year})" if with_year else "")


def met_text(indicator: Indicator, yes: str = "✓", no: str = "✗") -> str:
    if indicator.met is None:
        return ""
    return yes if indicator.met else no


def gap_text(indicator: Indicator) -> str:
    return "" if indicator.gap is None else _signed(indicator.gap)


def _hours(value: Decimal | None) -> str:
    return NOT_COMPUTABLE if value is None else _vn(value)


def period_text(report: ServiceReport) -> str:
    """``Từ ngày 01 tháng 01 năm 2026 đến ngày 31 tháng 3 năm 2026``."""
    return f"Từ {vn_date(report.start)} đến {vn_date(report.end)}"


# -- text ------------------------------------------------------------------------------------


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int], shrink: int = 0,
           width: int = WIDTH) -> list[str]:
    """Rows aligned in columns two spaces apart; column ``shrink`` gives up characters (cut
    with "…") when the table would be wider than ``width``."""
    sizes = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    excess = sum(sizes) + 2 * (len(sizes) - 1) - width
    if excess > 0:
        sizes[shrink] = max(12, sizes[shrink] - excess)

    def line(row: Sequence[str]) -> str:
        cells = []
        for i, cell in enumerate(row):
            if len(cell) > sizes[i]:
                cell = cell[: sizes[i] - 1] + "…"
            cells.append(cell.rjust(sizes[i]) if i in right else cell.ljust(sizes[i]))
        return "  ".join(cells).rstrip()

    return [line(header), "  ".join("-" * s for s in sizes), *(line(r) for r in rows)]


def _cut(text: str, width: int = WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _group_text(group: Group) -> list[str]:
    rows = [(_clean(i.name), value_text(i), ratio_text(i), target_text(i.target, i.unit), met_text(i), gap_text(i))
            for i in group.indicators]
    header = ("Chỉ số", "Giá trị", "Tử số/mẫu số", "Chỉ tiêu", "Đạt", "Chênh lệch")
    shown_key = group.key != "total" and group.key not in group.label
    title = f"■ {_clean(group.label)}" + (f" ({_clean(group.key)})" if shown_key else "")
    return [_cut(title), *_table(header, rows, right={1, 2, 5}), ""]


def _duration_rows(durations: Iterable[ProcessingTime]) -> list[tuple[str, ...]]:
    return [(_clean(d.procedure), _step_name(d), _vn(d.n),
             _hours(d.mean_h), _hours(d.p50_h), _hours(d.p90_h), _vn(d.late) if d.step is not None else "")
            for d in durations]


def _step_name(d: ProcessingTime) -> str:
    """The step as people read it: its label, else its id; the whole dossier says so."""
    if d.step is None:
        return "(cả hồ sơ)"
    return _clean(d.label) if d.label else _clean(d.step)


DURATION_HEADER = ("Thủ tục", "Bước", "Số hồ sơ", "TB (giờ)", "P50 (giờ)", "P90 (giờ)", "Bước trễ hạn")


def as_text(report: ServiceReport) -> str:
    """The report as a terminal table in Vietnamese: each group then the total, each indicator
    beside its target, then the processing times per procedure and per step."""
    out = [_cut(TITLE), _cut(period_text(report)),
           _cut(f"Tổng hợp theo {GROUPING_LABELS.get(report.grouping, report.grouping)}")]
    if report.targets_source:
        out.append(_cut(f"Chỉ tiêu: {_clean(report.targets_source)}"))
    out.append(f"{NOT_COMPUTABLE}: không tính được (mẫu số bằng 0). Đạt: ✓ đạt, ✗ không đạt chỉ tiêu. "
               "Chênh lệch: + vượt, - thiếu so với chỉ tiêu.")
    out.append("")
    for group in (*report.groups, report.total):
        out += _group_text(group)
    out.append("■ Thời gian giải quyết (giờ làm việc)")
    if report.durations:
        out += _table(DURATION_HEADER, _duration_rows(report.durations), right={2, 3, 4, 5, 6}, shrink=1)
    else:
        out.append("Không có hồ sơ hoàn thành trong kỳ.")
    return "\n".join(unicodedata.normalize("NFC", line) for line in out) + "\n"


# -- JSON ------------------------------------------------------------------------------------


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def _target_json(target: Target | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return {"year": target.year, "at_least": _dec(target.at_least), "at_most": _dec(target.at_most),
            "basis": target.basis}


def _indicator_json(i: Indicator) -> dict[str, Any]:
    return {"key": i.key, "name": i.name, "unit": i.unit, "value": _dec(i.value), "numerator": i.numerator,
            "denominator": i.denominator, "target": _target_json(i.target), "met": i.met, "gap": _dec(i.gap)}


def _counts(tally: Tally) -> dict[str, int]:
    return {f.name: getattr(tally, f.name) for f in fields(tally)}


def _group_json(group: Group) -> dict[str, Any]:
    return {"key": group.key, "label": group.label, "counts": _counts(group.tally),
            "indicators": [_indicator_json(i) for i in group.indicators]}


def _duration_json(d: ProcessingTime) -> dict[str, Any]:
    return {"procedure": d.procedure, "step": d.step, "n": d.n, "mean_h": _dec(d.mean_h), "p50_h": _dec(d.p50_h),
            "p90_h": _dec(d.p90_h), "late": d.late, "label": d.label}


def report_dict(report: ServiceReport) -> dict[str, Any]:
    """The JSON structure of the module docstring, as Python values."""
    return {"format": JSON_FORMAT, "period": {"start": report.start.isoformat(), "end": report.end.isoformat()},
            "grouping": report.grouping, "targets_source": report.targets_source,
            "groups": [_group_json(g) for g in report.groups], "total": _group_json(report.total),
            "durations": [_duration_json(d) for d in report.durations]}


def as_json(report: ServiceReport) -> str:
    """The report as JSON (see the module docstring); Vietnamese left readable (UTF-8)."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


# -- CSV -------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    # A spreadsheet runs a cell that starts with = + - @ as a formula: a label from a process
    # file is text, so it gets the apostrophe that keeps it text.  Numbers never pass here.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def as_csv(report: ServiceReport) -> str:
    """One row per group × indicator (the total last, group key ``total``), with a header row:
    decimals with a dot as in the JSON, ``met`` as ``true``/``false``/empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for group in (*report.groups, report.total):
        for i in group.indicators:
            t = i.target
            writer.writerow([
                report.start.isoformat(), report.end.isoformat(), report.grouping, _cell(group.key),
                _cell(group.label), i.key, _cell(i.name), i.unit, _dec(i.value) or "",
                "" if i.numerator is None else i.numerator, "" if i.denominator is None else i.denominator,
                "" if t is None else t.year, "" if t is None else _dec(t.at_least) or "",
                "" if t is None else _dec(t.at_most) or "", "" if i.met is None else str(i.met).lower(),
                _dec(i.gap) or ""])
    return buffer.getvalue()


# -- HTML context ----------------------------------------------------------------------------


def _indicator_row(n: int, i: Indicator) -> dict[str, Any]:
    return {"no": n, "key": i.key, "name": i.name, "value": value_text(i), "ratio": ratio_text(i),
            "target": target_text(i.target, i.unit, with_year=False), "target_year": i.target.year if i.target else "",
            "met": met_text(i, "Đạt", "Không đạt"), "met_class": "" if i.met is None else ("met" if i.met else "unmet"),
            "gap": gap_text(i), "na": i.value is None}


def report_context(report: ServiceReport, agency: Agency, printed_on: date, charts: dict[str, Any] | None = None) -> \
        dict[str, Any]:
    """What ``templates/report/service-report.html.j2`` prints, every value written out; ``charts``
    (the SVG drawn by :mod:`isoflow.indicators.charts`, marked safe by the caller) joins as is."""
    # Headed by the profile's provincial unit on the day it is printed (else its first unit).
    unit = agency.heading_unit(printed_on)
    groups = [{"key": g.key, "label": g.label, "rows": [_indicator_row(n, i) for n, i in enumerate(g.indicators, 1)]}
              for g in report.groups]
    total = report.total
    return {
        "title": TITLE, "parent": abbreviated(unit.parent).upper(), "agency": unit.issuer.upper(),
        "place_date": f"{unit.place}, {vn_date(printed_on)}", "period": period_text(report), "sample": agency.example,
        "grouping": GROUPING_LABELS.get(report.grouping, report.grouping), "targets_source": report.targets_source,
        "groups": groups,
        "total": {"key": total.key, "label": total.label,
                  "rows": [_indicator_row(n, i) for n, i in enumerate(total.indicators, 1)]},
        "durations": [{**dict(zip(("procedure", "step", "n", "mean", "p50", "p90", "late"), row, strict=True)),
                       "step_id": d.step if d.step is not None and d.label else ""}
                      for row, d in zip(_duration_rows(report.durations), report.durations, strict=True)],
        "legend": [{"name": name, "unit": unit, "how": how} for name, unit, how in DEFINITIONS.values()],
        "not_computable": NOT_COMPUTABLE,
        "charts": {"total": "", "resolution": "", "groups": {}} | dict(charts or {}),
    }
