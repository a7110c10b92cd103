"""The registers of Phụ lục IV for a period: exact CSV rows, and the PDF (A4 landscape, the cover
and the table) read back with poppler."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from isoflow.documents import DocumentOffice
from isoflow.documents.registers import register, to_csv, to_pdf
from isoflow.errors import DocumentError
from isoflow.paper.templates import TemplateFolders
from tests.documents.conftest import at, incoming, outgoing


def _office_with_documents(office: DocumentOffice) -> tuple[str, str]:
    first = office.receive(incoming("345"), actor="binh", at=at(1, 8)).code
    office.register(first, actor="binh", at=at(1, 9))
    office.assign(first, lead="Văn phòng", deadline=date(2026, 12, 4), direction="Chủ trì", actor="anh",
                  at=at(2, 10))
    second = office.receive(incoming("346", subject="mời họp"), actor="binh", at=at(3, 8)).code
    office.register(second, actor="binh", at=at(3, 9))
    office.act(first, "hoan_thanh", actor="c", role="chuyen-vien", at=at(4), data={"so_ky_hieu_tra_loi": "01/UBND-VP"})
    mine = office.draft(outgoing(), actor="b", at=at(2, 8)).code
    office.act(mine, "trinh_kiem_tra", actor="b", role="chuyen-vien", at=at(2, 9))
    office.act(mine, "trinh_ky", actor="l", role="truong-phong", at=at(2, 10))
    office.act(mine, "ky_ban_hanh", actor="anh", role="lanh-dao", at=at(3, 10), data={"da_ky_so": True})
    office.number(mine, actor="vt", at=at(3, 11))
    office.act(mine, "dang_ky", actor="vt", role="van-thu", at=at(3, 12), data={"da_ky_so_co_quan": True})
    office.act(mine, "phat_hanh", actor="vt", role="van-thu", at=at(4, 8), data={"noi_nhan_da_gui": "Sở Tư pháp"})
    return first, second


def test_the_three_registers_as_csv(office: DocumentOffice) -> None:
    _office_with_documents(office)
    period = (date(2026, 12, 1), date(2026, 12, 31))
    assert to_csv(register(office, "di", *period)).splitlines() == [
        '"Số, ký hiệu văn bản",Ngày tháng văn bản,Tên loại và trích yếu nội dung văn bản,Người ký,Nơi nhận văn bản,'
        '"Đơn vị, người nhận bản lưu",Số lượng bản,Ngày chuyển,Ký nhận,Ghi chú',
        "01/UBND-VP,03/12/2026,V/v báo cáo kết quả công bố thủ tục hành chính năm 2026,Nguyễn Văn Ánh,"
        'Sở Tư pháp tỉnh Ninh Bình; Như trên,"VT, VP",3,04/12/2026,,']
    incoming_rows = to_csv(register(office, "den", *period)).splitlines()[1:]
    assert incoming_rows == [
        "01/12/2026,1,Sở Tư pháp tỉnh Ninh Bình,345/STP-HCTP,30/11/2026,"
        "V/v đôn đốc báo cáo kết quả công bố thủ tục hành chính,Văn phòng,02/12/2026,,",
        "03/12/2026,2,Sở Tư pháp tỉnh Ninh Bình,346/STP-HCTP,30/11/2026,V/v mời họp,,,,"]
    assert to_csv(register(office, "theo-doi", *period)).splitlines()[1:] == [
        "1,Công văn số 345/STP-HCTP ngày 30/11/2026 của Sở Tư pháp tỉnh Ninh Bình,Văn phòng,04/12/2026,"
        "Đã giải quyết,01/UBND-VP,",
        "2,Công văn số 346/STP-HCTP ngày 30/11/2026 của Sở Tư pháp tỉnh Ninh Bình,,,Chưa phân công,,"]
    assert register(office, "den", date(2026, 12, 2), date(2026, 12, 31)).rows[0][1] == "2"  # the period
    with pytest.raises(DocumentError, match="sổ 'x' không có"):
        register(office, "x", *period)


def test_the_register_pdf_is_a4_landscape_with_cover_and_columns(office: DocumentOffice, tmp_path: Path) -> None:
    _office_with_documents(office)
    pdf = tmp_path / "so-den.pdf"
    pdf.write_bytes(to_pdf(register(office, "den", date(2026, 12, 1), date(2026, 12, 31))))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    fields = {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in info.splitlines() if ":" in line)}
    assert fields["Page size"] == "841.89 x 595.276 pts (A4)"  # landscape
    assert fields["Pages"] == "2"
    cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    for line in ("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
                 "Năm: 2026", "Từ ngày: 01/12/2026", "Đến ngày: 31/12/2026", "Từ số: 1", "Đến số: 2", "Quyển số: 01"):
        assert line in cover
    table = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    for text in ("Ngày đến", "Số đến", "Tác giả", "Ký nhận", "345/STP-HCTP", "346/STP-HCTP", "V/v mời họp"):
        assert text in table


def test_register_templates_are_never_offered_as_dossier_forms() -> None:
    folders = TemplateFolders()
    for form_set in ("tt01-2018", "tt03-2025", "documents"):
        assert "register" not in folders.names(form_set)
