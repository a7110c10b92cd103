"""The service report written out: text, JSON, CSV, SVG charts, HTML and PDF.

The report is built by hand from fixed rows (no database): two agencies, one with dossiers of
every kind and one with two new dossiers only, so that its rates divide by zero (N/A).  The
second agency's name is hostile, to check every format escapes or keeps it as text.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import fields
from datetime import date
from decimal import Decimal

import pytest

from isoflow.indicators import charts as report_chart
from isoflow.indicators import outputs as report_output
from isoflow.indicators.formulas import DEFINITIONS, ProcedureInfo, ServiceReport, Tally, Target, build_report

HOSTILE = '<script>alert(1)</script> & "Nguyễn"'
AGENCY = "Sở Kế hoạch và Đầu tư"
SVG = "{http://www.w3.org/2000/svg}"
ROWS = [
    {"process_code": "QT-A", "new_online": 6, "new_in_person": 3, "new_post": 1, "carried_over": 2,
     "resolved_early": 5, "resolved_on_time": 2, "resolved_late": 1, "resolved_766_in_time": 7,
     "late_apologised": 1, "new_online_e_result": 6,
     "in_progress_within": 3, "in_progress_overdue": 1, "moved": 4, "moved_electronically": 3,
     "paid_online": 5, "e_result": 6, "digitised": 4, "worked_min_sum": 4800, "worked_n": 8, "score1_sum": 12,
     "score2_sum": 10, "score2_n": 8, "rated": 4, "satisfied": 3, "disliked_or_complained": 1, "complaints": 0},
    {"process_code": "QT-B", "new_in_person": 2},
]
TARGETS = [Target("on_time_rate", 2025, Decimal(95), basis="Nghị định 61"), Target("766-3.3", 2025, Decimal(60)),
           Target("satisfaction", 2025, Decimal(90)), Target("tt01-1", 2025, Decimal("1.5"))]


def make_report(other_agency: str = HOSTILE) -> ServiceReport:
    procedures = {
        "QT-A": ProcedureInfo("QT-A", "Đăng ký thành lập doanh nghiệp", AGENCY, "province", "Đầu tư", "full", True,
                              {"tham_dinh": "Thẩm định hồ sơ"}),
        "QT-B": ProcedureInfo("QT-B", "Cấp giấy phép xây dựng", other_agency, "province", "Xây dựng", "partial",
                              False),
    }
    return build_report(date(2026, 1, 1), date(2026, 3, 31), "agency", ROWS, procedures, TARGETS,
                        worked=[("QT-A", 300, 4), ("QT-A", 900, 4)],
                        steps=[("QT-A", "tham_dinh", 120, 5, 1), ("QT-A", "tham_dinh", 240, 3, 0)],
                        targets_source="Kế hoạch cải cách hành chính")


@pytest.fixture(scope="module")
def report() -> ServiceReport:
    return make_report()


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - isoflow's own output, no DTD or entities


def _block(text: str, heading: str) -> list[str]:
    """The lines of one group's table in the text output, heading line excluded."""
    lines = text.splitlines()
    start = lines.index(heading) + 1
    end = lines.index("", start)
    return lines[start:end]


# -- text ------------------------------------------------------------------------------------


def test_text_shows_each_indicator_beside_its_target(report: ServiceReport) -> None:
    text = report_output.as_text(report)
    lines = text.splitlines()
    assert lines[0] == "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH VÀ CHỈ SỐ PHỤC VỤ"
    assert lines[1] == "Từ ngày 01 tháng 01 năm 2026 đến ngày 31 tháng 3 năm 2026"
    assert "Tổng hợp theo cơ quan" in lines
    total = _block(text, "■ Tổng cộng")
    assert total[0].split() == ["Chỉ", "số", "Giá", "trị", "Tử", "số/mẫu", "số", "Chỉ", "tiêu", "Đạt", "Chênh", "lệch"]
    row = next(line for line in total if line.startswith("Tỷ lệ giải quyết trước hạn và đúng hạn"))
    assert row.split()[-9:] == ["87,50", "%", "7/8", "≥", "95", "%", "(2025)", "✗", "-7,50"]
    assert next(line for line in total if line.startswith("TT 01/2018 chỉ số 1")).split()[-7:] == \
        ["12/8", "≥", "1,5", "điểm", "(2025)", "✓", "0,0"]
    assert next(line for line in total if line.startswith("Chỉ số 766 2.2")).split()[-5:] == \
        ["10,00", "giờ", "n", "=", "8"]
    assert next(line for line in total if line.startswith("Số hồ sơ nhận giải quyết")).endswith(" 14 hồ sơ")


def test_text_not_computable_is_na(report: ServiceReport) -> None:
    text = report_output.as_text(report)
    empty = _block(text, f"■ {HOSTILE}")
    row = next(line for line in empty if line.startswith("Tỷ lệ giải quyết trước hạn và đúng hạn"))
    assert row.split()[-6:] == ["N/A", "0/0", "≥", "95", "%", "(2025)"]  # a target, but neither met nor a gap
    assert "N/A: không tính được" in text


def test_text_columns_align_and_fit_120(report: ServiceReport) -> None:
    text = report_output.as_text(report)
    assert all(len(line) <= 120 for line in text.splitlines())
    assert unicodedata.is_normalized("NFC", text)
    total = _block(text, "■ Tổng cộng")
    header, rule = total[0], total[1]
    # Every value ends where its right-aligned column ends.
    value_end = len(rule.split("  ")[0]) + 2 + len(rule.split("  ")[1])
    assert header.index("Giá trị") + len("Giá trị") == value_end
    for line in total[2:]:
        assert line[value_end - 1] != " ", line
        assert line[value_end:value_end + 1] in ("", " "), line
    times = text.splitlines()[text.splitlines().index("■ Thời gian giải quyết (giờ làm việc)") + 1:]
    assert times[2].split() == ["QT-A", "(cả", "hồ", "sơ)", "8", "10,00", "5,00", "15,00"]
    assert times[3].split() == ["QT-A", "Thẩm", "định", "hồ", "sơ", "8", "2,75", "2,00", "4,00", "1"]


def test_text_strips_control_characters_and_normalises() -> None:
    decomposed = unicodedata.normalize("NFD", "Sở Tư pháp\x1b[2J\nxóa")
    text = report_output.as_text(make_report(decomposed))
    assert "\x1b" not in text
    assert "■ Sở Tư pháp [2J xóa" in text.splitlines()
    assert unicodedata.is_normalized("NFC", text)


def test_text_cuts_long_names_to_120() -> None:
    text = report_output.as_text(make_report("Ủy ban nhân dân " * 20))
    assert all(len(line) <= 120 for line in text.splitlines())


# -- JSON ------------------------------------------------------------------------------------


def test_json_round_trip_exact_values(report: ServiceReport) -> None:
    text = report_output.as_json(report)
    assert "Nguyễn" in text  # ensure_ascii=False: readable Vietnamese
    data = json.loads(text)
    assert list(data) == ["format", "period", "grouping", "targets_source", "groups", "total", "durations"]
    assert data["format"] == "isoflow-service-report/1"
    assert data["period"] == {"start": "2026-01-01", "end": "2026-03-31"}
    assert data["grouping"] == "agency"
    assert data["targets_source"] == "Kế hoạch cải cách hành chính"
    assert [g["key"] for g in data["groups"]] == [HOSTILE, AGENCY]  # sorted by key
    assert data["groups"][0]["label"] == HOSTILE
    total = data["total"]
    assert total["key"] == "total"
    assert total["label"] == "Tổng cộng"
    assert list(total["counts"]) == [f.name for f in fields(Tally)]
    assert total["counts"]["new_in_person"] == 5
    assert total["counts"]["resolved_early"] == 5
    by_key = {i["key"]: i for i in total["indicators"]}
    assert list(by_key) == [i.key for i in report.total.indicators]
    assert by_key["on_time_rate"] == {
        "key": "on_time_rate", "name": "Tỷ lệ giải quyết trước hạn và đúng hạn", "unit": "%", "value": "87.50",
        "numerator": 7, "denominator": 8,
        "target": {"year": 2025, "at_least": "95", "at_most": None, "basis": "Nghị định 61"},
        "met": False, "gap": "-7.50"}
    assert by_key["received"]["value"] == "14"
    assert by_key["received"]["target"] is None
    assert by_key["766-2.2"]["value"] == "10.00"
    assert by_key["766-2.2"]["denominator"] == 8
    assert by_key["tt01-1"]["met"] is True
    assert by_key["tt01-1"]["gap"] == "0.0"
    empty = {i["key"]: i for i in data["groups"][0]["indicators"]}
    assert empty["on_time_rate"]["value"] is None
    assert empty["on_time_rate"]["met"] is None
    assert empty["on_time_rate"]["gap"] is None
    assert empty["on_time_rate"]["denominator"] == 0
    assert data["durations"] == [
        {"procedure": "QT-A", "step": None, "n": 8, "mean_h": "10.00", "p50_h": "5.00", "p90_h": "15.00", "late": 0,
         "label": ""},
        {"procedure": "QT-A", "step": "tham_dinh", "n": 8, "mean_h": "2.75", "p50_h": "2.00", "p90_h": "4.00",
         "late": 1, "label": "Thẩm định hồ sơ"}]
    assert report_output.as_json(report) == text  # stable


# -- CSV -------------------------------------------------------------------------------------


def test_csv_one_row_per_group_and_indicator(report: ServiceReport) -> None:
    rows = list(csv.reader(io.StringIO(report_output.as_csv(report))))
    assert tuple(rows[0]) == report_output.CSV_HEADER
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert len(body) == 3 * len(report.total.indicators)
    assert [r["group_key"] for r in body[:: len(report.total.indicators)]] == [HOSTILE, AGENCY, "total"]
    row = next(r for r in body if r["group_key"] == "total" and r["indicator_key"] == "on_time_rate")
    assert row == {"period_start": "2026-01-01", "period_end": "2026-03-31", "grouping": "agency",
                   "group_key": "total", "group_label": "Tổng cộng", "indicator_key": "on_time_rate",
                   "indicator_name": "Tỷ lệ giải quyết trước hạn và đúng hạn", "unit": "%", "value": "87.50",
                   "numerator": "7", "denominator": "8", "target_year": "2025", "target_at_least": "95",
                   "target_at_most": "", "met": "false", "gap": "-7.50"}
    na = next(r for r in body if r["group_key"] == HOSTILE and r["indicator_key"] == "on_time_rate")
    assert (na["value"], na["met"], na["gap"], na["denominator"]) == ("", "", "", "0")


def test_csv_keeps_a_formula_label_as_text() -> None:
    rows = list(csv.DictReader(io.StringIO(report_output.as_csv(make_report('=HYPERLINK("http://x","y")')))))
    assert rows[0]["group_label"] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert any(r["gap"] == "-7.50" for r in rows)  # numbers are never prefixed


# -- SVG -------------------------------------------------------------------------------------


def test_indicator_chart_bars_targets_and_colours(report: ServiceReport) -> None:
    svg = report_chart.indicator_chart(report.total)
    root = _parse(svg)
    assert root.tag == f"{SVG}svg"
    assert float(root.get("width", "0")) <= 620
    assert root.get("font-family") == "Tinos, Liberation Serif, serif"
    rows = root.findall(f"{SVG}g[@class='indicator']")
    assert len(rows) == sum(i.unit == "%" for i in report.total.indicators)
    bars = {r.findtext(f"{SVG}text/{SVG}tspan"): r for r in rows}
    on_time = bars["Tỷ lệ giải quyết trước hạn và đúng hạn"]
    bar = on_time.find(f"{SVG}rect")
    assert bar is not None
    assert bar.get("class") == "bar unmet"
    assert bar.get("fill") == report_chart.COLOURS["unmet"]
    assert float(bar.get("width", "0")) == pytest.approx(250 * 0.875, abs=0.1)
    marker = on_time.find(f"{SVG}line")
    assert marker is not None
    assert float(marker.get("x1", "0")) == pytest.approx(300 + 250 * 0.95, abs=0.1)
    online = report_chart.indicator_chart(report.groups[1])
    assert 'class="bar met"' in online  # 766-3.3: 60 % against ≥ 60 %


def test_indicator_chart_not_computable(report: ServiceReport) -> None:
    root = _parse(report_chart.indicator_chart(report.groups[0]))
    assert "N/A (không tính được)" in "".join(root.itertext())


def test_charts_escape_hostile_labels(report: ServiceReport) -> None:
    svg = report_chart.resolution_chart(report)
    assert "<script" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Nguyễn&quot;" in svg
    root = _parse(svg)
    assert HOSTILE in "".join(root.itertext())
    assert not list(root.iter(f"{SVG}script"))
    groups = root.findall(f"{SVG}g[@class='group']")
    assert len(groups) == 3  # two agencies and the total
    stacked = groups[1].findall(f"{SVG}rect")
    assert [r.get("class") for r in stacked] == ["early", "on_time", "late"]
    assert [round(float(r.get("width", "0")), 1) for r in stacked] == [212.5, 85.0, 42.5]
    assert "Không có hồ sơ đã giải quyết" in "".join(groups[0].itertext())
    labelled = report_chart.indicator_chart(make_report("A <b>\x00</b>").groups[0])
    assert "<b>" not in labelled
    assert "\x00" not in labelled
    _parse(labelled)


# -- HTML and PDF ----------------------------------------------------------------------------


def test_html_report(report: ServiceReport) -> None:
    from isoflow.printer import Printer

    html = Printer().service_report(report, "html", printed_on=date(2026, 4, 2)).html
    assert "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH VÀ CHỈ SỐ PHỤC VỤ" in html
    assert "Từ ngày 01 tháng 01 năm 2026 đến ngày 31 tháng 3 năm 2026" in html
    assert "Ninh Bình, ngày 02 tháng 4 năm 2026" in html  # the example profile's provincial centre
    assert "UBND TỈNH NINH BÌNH" in html
    assert 'class="sample-mark"' in html  # the example profile: a sample
    assert "Tổng hợp theo cơ quan" in html
    for value in ("87,50 %", "7/8", "≥ 95 %", "-7,50", "Không đạt", "Đạt", "N/A", "10,00 giờ", "Thẩm định hồ sơ",
                  "(tham_dinh)"):
        assert value in html, value
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<svg") == 2 + len(report.groups)  # total, resolution, one per group
    for name, _, how in DEFINITIONS.values():
        assert name in html
        assert how.replace("&", "&amp;") in html
    # Nothing fetched: the only URL is the SVG namespace.
    assert "src=" not in html
    assert "<link" not in html
    assert {u.split('"')[0] for u in html.split("http")[1:]} == {"://www.w3.org/2000/svg"}


@pytest.mark.slow  # about 2 s: WeasyPrint's import and six A4 pages
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_pdf_report_text(report: ServiceReport) -> None:
    from isoflow.printer import Printer

    pdf = Printer().service_report(report, "pdf", printed_on=date(2026, 4, 2)).pdf
    assert pdf is not None
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    flat = " ".join(unicodedata.normalize("NFC", text).split())
    assert "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH VÀ CHỈ SỐ PHỤC VỤ" in flat
    for name, _, _ in DEFINITIONS.values():
        assert name in flat, name
    assert "87,50 %" in flat
    assert "Nguyễn" in flat


def test_output_modules_are_pure() -> None:
    code = ("import sys\nimport isoflow.indicators.outputs, isoflow.indicators.charts\n"
            "print(sorted(m for m in ('jinja2', 'markupsafe', 'weasyprint', 'click', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_readme_explains_every_indicator_as_defined() -> None:
    from pathlib import Path

    from isoflow.indicators.formulas import definitions_markdown

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    listed = readme.split("<!-- indicators:begin -->", 1)[1].split("<!-- indicators:end -->", 1)[0]
    assert listed.strip() == definitions_markdown().strip()
