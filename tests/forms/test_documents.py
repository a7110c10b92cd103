"""What goes on each form, before any template: Decree 30 dates and the data of each form."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from msgspec.structs import replace

from isoflow.errors import FormNotApplicable
from isoflow.model.vn_format import retention_text, vn_date, vn_datetime, vn_number
from isoflow.paper.form_data import book_number, form_context
from tests.forms.conftest import Office


@pytest.mark.parametrize(("day", "text"), [
    (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
    (date(2026, 7, 5), "ngày 05 tháng 7 năm 2026"),
    (date(2026, 1, 31), "ngày 31 tháng 01 năm 2026"),
    (date(2026, 12, 9), "ngày 09 tháng 12 năm 2026"),
    (date(2026, 3, 10), "ngày 10 tháng 3 năm 2026"),
])
def test_dates_follow_decree_30(day: date, text: str) -> None:
    assert vn_date(day) == text


def test_times_and_numbers_are_written_the_vietnamese_way() -> None:
    assert vn_datetime(datetime(2026, 2, 5, 9, 5)) == "09 giờ 05 phút, ngày 05 tháng 02 năm 2026"
    assert vn_number(Decimal("1.5")) == "1,5"
    assert vn_number(1500000) == "1.500.000"
    assert retention_text("5y") == "05 năm"
    assert retention_text("permanent") == "Vĩnh viễn"


def _context(office: Office, code: str, form: str, seq: int | None = None) -> dict[str, object]:
    desk = office.desk
    dossier = desk.show(code)
    return form_context(form, dossier, desk.history(code), desk.engine.process_of(dossier).definition,
                        office.printer.agency, desk.engine.legal.form_set(dossier.form_set), seq,
                        book_number(code, desk.store.codes()))


def test_a_dossier_keeps_the_form_set_of_its_receipt_date(office: Office) -> None:
    feb, aug = office.desk.show(office.full_2026_02), office.desk.show(office.full_2026_08)
    assert (feb.form_set, aug.form_set) == ("tt01-2018", "tt03-2025")
    assert _context(office, feb.code, "control")["header"]["form_number"] == "Mẫu số 05"  # type: ignore[index]
    assert _context(office, aug.code, "control")["header"]["form_number"] == "Mẫu số 06"  # type: ignore[index]
    with pytest.raises(FormNotApplicable, match="Thông tư 01/2018/TT-VPCP has no stop form"):
        _context(office, feb.code, "stop")


def test_the_receipt_carries_the_appointment_and_the_components(office: Office) -> None:
    ctx = _context(office, office.full_2026_08, "receipt", seq=2)  # kiem_tra issues it
    dossier = ctx["dossier"]
    assert dossier["received_at"] == "09 giờ 00 phút, ngày 03 tháng 8 năm 2026"  # type: ignore[index]
    assert dossier["legal_time"] == "03 ngày làm việc"  # type: ignore[index]
    assert dossier["due_at"] == "09 giờ 00 phút, ngày 06 tháng 8 năm 2026"  # type: ignore[index]
    assert [c["kind"] for c in dossier["components"]][:2] == ["Bản chính", "Bản chính"]  # type: ignore[index]
    assert dossier["applicant"]["name"] == "Nguyễn Thị Mai"  # type: ignore[index]
    assert dossier["lookup_code"].isdigit()
    assert len(dossier["lookup_code"]) == 4


def test_a_receipt_issued_after_a_supplement_counts_from_the_complete_dossier(office: Office) -> None:
    ctx = _context(office, office.full_2026_08, "receipt")  # the newest receipt
    dossier = ctx["dossier"]
    assert dossier["first_received_at"] == "09 giờ 00 phút, ngày 03 tháng 8 năm 2026"  # type: ignore[index]
    assert dossier["received_at"] == "09 giờ 00 phút, ngày 05 tháng 8 năm 2026"  # type: ignore[index]
    assert dossier["due_at"] == "09 giờ 00 phút, ngày 10 tháng 8 năm 2026"  # type: ignore[index]


def test_the_supplement_request_lists_each_item(office: Office) -> None:
    ctx = _context(office, office.full_2026_02, "supplement")
    assert ctx["event"]["requests"] == ["Điều lệ công ty", "Danh sách thành viên"]  # type: ignore[index]


def test_the_apology_has_the_old_and_new_appointment(office: Office) -> None:
    event = _context(office, office.full_2026_08, "apology")["event"]
    assert event["reason"] == "Cần xác minh thông tin chủ sở hữu"  # type: ignore[index]
    assert event["previous_due"] == "09 giờ 00 phút, ngày 10 tháng 8 năm 2026"  # type: ignore[index]
    assert event["new_due"] == "16 giờ 00 phút, ngày 11 tháng 8 năm 2026"  # type: ignore[index]
    assert event["actor"] == "Phạm Minh Chí"  # type: ignore[index]


def test_the_control_slip_has_one_row_per_handover(office: Office) -> None:
    desk = office.desk
    events = desk.history(office.full_2026_08)
    handovers = [e for e in events if e.kind == "moved" and e.is_handover]
    rows = _context(office, office.full_2026_08, "control")["event"]["rows"]  # type: ignore[index]
    assert len(rows) == len(handovers)  # the last one is the return to the applicant
    assert [r["at"] for r in rows] == [f"{e.at:%H:%M %d/%m/%Y}" for e in handovers]
    assert rows[0]["giver_unit"].startswith("Bộ phận tiếp nhận")
    assert rows[-1]["receiver_unit"] == "Tổ chức, cá nhân"
    assert {r["result"] for r in rows} <= {"Trước hạn", "Đúng hạn", "Quá hạn"}


def test_refusal_and_stop_carry_their_reason(office: Office) -> None:
    refusal = _context(office, office.refused, "refusal")["event"]
    assert refusal["reason"] == "Ngành nghề kinh doanh thuộc danh mục cấm đầu tư kinh doanh"  # type: ignore[index]
    stop = _context(office, office.stopped, "stop")
    assert stop["event"]["reason"] == "Cơ quan có thẩm quyền đề nghị tạm dừng để thanh tra"  # type: ignore[index]
    assert stop["header"]["form_number"] == "Mẫu số 05"  # type: ignore[index]


def test_a_form_the_dossier_never_issued_is_a_clear_error(office: Office) -> None:
    with pytest.raises(FormNotApplicable, match="no event that issues a refusal"):
        _context(office, office.full_2026_08, "refusal")
    with pytest.raises(FormNotApplicable, match="event 2 of this dossier does not issue a apology"):
        _context(office, office.full_2026_08, "apology", seq=2)
    with pytest.raises(FormNotApplicable, match="not a dossier form"):
        _context(office, office.full_2026_08, "passport")


def test_decomposed_vietnamese_is_printed_composed(office: Office) -> None:
    import unicodedata

    dossier = office.desk.show(office.full_2026_08)
    nfd = unicodedata.normalize("NFD", "Trần Thị Hằng")
    assert nfd != "Trần Thị Hằng"
    decomposed = replace(dossier, applicant={"ho_ten": nfd})
    ctx = form_context("receipt", decomposed, office.desk.history(dossier.code),
                       office.desk.engine.process_of(dossier).definition, office.printer.agency,
                       office.desk.engine.legal.form_set(dossier.form_set))
    assert ctx["dossier"]["applicant"]["name"] == "Trần Thị Hằng"  # type: ignore[index]


def test_the_receiver_is_who_took_the_dossier_up_when_not_named(office: Office) -> None:
    rows = _context(office, office.full_2026_08, "control")["event"]["rows"]  # type: ignore[index]
    assert [(r["giver"], r["receiver"]) for r in rows][:2] == [("Lê Văn An", "Trần Thị Bình"),
                                                                ("Trần Thị Bình", "Lê Văn An")]
    assert rows[-1]["receiver"] == "Nguyễn Thị Mai"


def test_the_book_number_runs_on_through_the_year_per_unit() -> None:
    codes = ["H40-251231-0001", "H40-260102-0001", "H41-260102-0001", "H40-260102-0002", "H40-260105-0001"]
    assert [book_number(c, codes) for c in codes] == [1, 1, 1, 2, 3]
    assert book_number("imported-code", codes) is None


def test_the_receipt_and_the_book_give_the_same_number(office: Office) -> None:
    assert book_number(office.full_2026_08, office.desk.store.codes()) == 2
    assert _context(office, office.full_2026_08, "receipt")["dossier"]["book"]["number"] == "02"  # type: ignore[index]
    stop = _context(office, office.stopped, "stop")
    assert stop["header"]["number"] == ""  # type: ignore[index]  # the agency's register numbers its letters


def test_the_control_slip_as_of_an_earlier_event(office: Office) -> None:
    rows = _context(office, office.full_2026_08, "control", seq=3)["event"]["rows"]  # type: ignore[index]
    assert len(rows) == 1  # only the first hand-over had happened
