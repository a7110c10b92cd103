"""Every form as a PDF: the text a clerk reads (Vietnamese, NFC), the paper size, the fonts.

Read back with poppler (``pdftotext``, ``pdfinfo``, ``pdffonts``), the way the research checked
them; ``scripts/system-deps.sh --test`` installs it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from isoflow.workspace import procedures_in
from tests.forms.conftest import ROOT, Office

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
A5 = (419.53, 595.28)
A4 = (595.28, 841.89)
#: Fonts with complete Vietnamese coverage that are metric-compatible with Times New Roman.
TIMES_LIKE = re.compile(r"^(Tinos|LiberationSerif)(-Bold|-Italic|-BoldItalic|-Bold-Italic)?$")


def _read(pdf: bytes, tmp_path: Path) -> tuple[str, tuple[float, float], int, set[str]]:
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    pages = re.search(r"Pages:\s+(\d+)", info)
    assert match
    assert pages
    fonts_out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = {line.split()[0].split("+", 1)[-1] for line in fonts_out.splitlines()[2:] if line.strip()}
    return text, (float(match[1]), float(match[2])), int(pages[1]), fonts


def _check(text: str, size: tuple[float, float], fonts: set[str], paper: tuple[float, float]) -> str:
    assert size == pytest.approx(paper, abs=1)
    assert fonts
    assert all(TIMES_LIKE.match(f) for f in fonts), fonts
    assert unicodedata.is_normalized("NFC", text)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    return " ".join(text.split())


@pytest.mark.parametrize(("which", "form", "expected"), [
    ("full_2026_08", "receipt", ["GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mẫu số 01, Thông tư 03/2025/TT-VPCP",
                                 "Nguyễn Thị Mai", "Đăng ký thành lập doanh nghiệp", "03 ngày làm việc",
                                 "Liên 2: Giao người nộp hồ sơ", "Ninh Bình, ngày 05 tháng 8 năm 2026",
                                 "Đăng ký nhận kết quả tại: Nhận qua dịch vụ bưu chính công ích"]),
    ("full_2026_02", "receipt", ["Mẫu số 01, Thông tư 01/2018/TT-VPCP", "Ninh Bình, ngày 04 tháng 02 năm 2026"]),
    ("full_2026_08", "supplement", ["PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Điều lệ công ty",
                                    "Danh sách thành viên", "NGƯỜI HƯỚNG DẪN"]),
    ("full_2026_02", "apology", ["PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Mẫu số 04, Thông tư 01/2018/TT-VPCP",
                                 "Cần xác minh thông tin chủ sở hữu", "16 giờ 00 phút, ngày 10 tháng 02 năm 2026"]),
    ("full_2026_08", "apology", ["VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
                                 "16 giờ 00 phút, ngày 11 tháng 8 năm 2026"]),
    ("refused", "refusal", ["PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Số: 03/TCGQ",
                            "Ngành nghề kinh doanh thuộc danh mục cấm đầu tư kinh doanh"]),
    ("stopped", "stop", ["THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Mẫu số 05, Thông tư 03/2025/TT-VPCP",
                         "Cơ quan có thẩm quyền đề nghị tạm dừng để thanh tra"]),
    ("full_2026_08", "control", ["PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mẫu số 06, Thông tư 03/2025/TT-VPCP",
                                 "Tổ chức, cá nhân", "Trước hạn"]),
    ("full_2026_02", "control", ["Mẫu số 05, Thông tư 01/2018/TT-VPCP"]),
])
def test_each_form_renders_to_an_a5_pdf(office: Office, tmp_path: Path, which: str, form: str,
                                        expected: list[str]) -> None:
    code = getattr(office, which)
    document = office.printer.dossier_form(office.desk, code, form, "pdf")
    assert document.pdf is not None
    text, size, _, fonts = _read(document.pdf, tmp_path)
    flat = _check(text, size, fonts, A5)
    assert f"Mã hồ sơ: {code}" in flat
    for phrase in expected:
        assert phrase in flat, phrase


def test_the_tracking_book_is_a4_landscape(office: Office, tmp_path: Path) -> None:
    from datetime import date

    document = office.printer.book(office.desk, date(2026, 8, 1), date(2026, 8, 31), "pdf",
                                   printed_on=date(2026, 9, 2))
    assert document.pdf is not None
    text, size, _, fonts = _read(document.pdf, tmp_path)
    flat = _check(text, size, fonts, (A4[1], A4[0]))
    assert "SỔ THEO DÕI HỒ SƠ" in flat
    assert "Mẫu số 07, Thông tư 03/2025/TT-VPCP" in flat
    assert "Ninh Bình, ngày 31 tháng 8 năm 2026" in flat  # printed after the period: dated its last day
    for number, code in zip(("02", "03", "04", "05"), (office.full_2026_08, office.refused, office.stopped,
                                                      office.hostile), strict=True):
        unit, rest = code.split("-", 1)
        assert re.search(rf"\b{number}\s+{re.escape(unit)}-", text), (number, code)
        assert rest in text
    assert office.full_2026_02 not in flat


def test_the_procedure_document_is_a4_with_steps_and_flowchart(office: Office, tmp_path: Path) -> None:
    (definition,) = procedures_in([ROOT / "processes"], "QT-HT-02")
    document = office.printer.procedure(definition, "pdf")
    assert document.pdf is not None
    text, size, pages, fonts = _read(document.pdf, tmp_path)
    flat = _check(text, size, fonts, A4)
    for phrase in ["QUY TRÌNH", "Đăng ký kết hôn", "QT-HT-02", "Soạn thảo", "Xem xét", "Phê duyệt",
                   "Nguyễn Thị Thu Hà", "TRANG THEO DÕI SỬA ĐỔI TÀI LIỆU", "1. MỤC ĐÍCH", "2. PHẠM VI",
                   "5.7. Quy trình xử lý công việc", "Bước 1", "05 ngày làm việc", "7. HỒ SƠ CẦN LƯU",
                   "Sổ đăng ký kết hôn", "Lưu đồ"]:
        assert phrase in flat, phrase
    assert pages >= 3
    assert "<svg" in document.html
    assert "Vĩnh viễn" in document.html


def test_each_copy_of_the_receipt_fits_one_a5_page(office: Office, tmp_path: Path) -> None:
    document = office.printer.dossier_form(office.desk, office.full_2026_08, "receipt", "pdf")
    assert document.pdf is not None
    _, _, pages, _ = _read(document.pdf, tmp_path)
    assert pages == 2  # Liên 1 and Liên 2, six components each


def _pages(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    """The text lines of each page, as pdftotext reads them (form feeds part the pages)."""
    path = tmp_path / "paged.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [[" ".join(line.split()) for line in page.splitlines() if line.strip()] for page in text.split("\f")]


@pytest.mark.parametrize("code", ["QT-HT-02", "QT-DKKD-01", "QT-DD-01"])
def test_the_procedure_document_reads_well_across_pages(office: Office, tmp_path: Path, code: str) -> None:
    """Every page of the step table starts under the table's header row, no heading ends a page,
    and a step's responsible person is printed once (issue 17 §6)."""
    (definition,) = procedures_in([ROOT / "processes"], code)
    document = office.printer.procedure(definition, "pdf")
    assert document.pdf is not None
    pages = _pages(document.pdf, tmp_path)
    headings = re.compile(r"^(\d\. [A-ZĐ ,ỤỘỊÍẪẾỮẦÁƯỚỞẠ]+|5\.\d\. .+|Lưu đồ)$")
    for number, lines in enumerate(pages, start=1):
        body = [line for line in lines if line not in ("MẪU", str(number))]
        if any(re.match(r"^Bước \d+ ", line) for line in body):
            table_top = next(i for i, line in enumerate(body) if re.match(r"^(TT|Bước \d+ )", line))
            assert body[table_top].startswith("TT"), f"{code} page {number} continues the steps without their header"
        if body:
            assert not headings.match(body[-1]), f"{code} page {number} ends with the heading {body[-1]!r}"
    for step in office.printer.procedure(definition).html.split("<tr>"):
        cells = re.findall(r"<td>([^<]*)</td>", step)
        if len(cells) >= 2:
            parts = [p.strip() for p in cells[1].split(",")]
            assert len(parts) == len(set(parts)), cells[1]
