"""The document record: Decree 30/2020's kinds, numbers, notations, signers and marks, each
rule refused in one line."""

from __future__ import annotations

from datetime import date

import pytest

from isoflow.errors import InvalidDocument
from isoflow.model.document import (
    Authority,
    Confidentiality,
    Direction,
    DocumentFile,
    DocumentRecord,
    NumberingPlan,
    Signer,
    abbreviation,
    format_number,
    notation_for,
)

DEPUTY = Signer("Nguyễn Văn Ánh", "Phó Chủ tịch", Authority.KT, "Chủ tịch")


def outgoing(**changes: object) -> DocumentRecord:
    values: dict[str, object] = {
        "direction": Direction.OUTGOING, "kind": "Công văn", "subject": "báo cáo kết quả công bố thủ tục hành chính",
        "issuer": "Ủy ban nhân dân xã Tân Phú", "parent": "Ủy ban nhân dân tỉnh Ninh Bình", "notation": "UBND-VP",
        "place": "Tân Phú", "signer": DEPUTY, "addressees": ("Sở Tư pháp tỉnh Ninh Bình",), "recipients": ("Như trên",),
        "filed_at": ("VT", "VP"), "drafter_mark": "NVA", "copies": 3}
    values.update(changes)
    return DocumentRecord(**values)  # type: ignore[arg-type]


def test_kinds_and_abbreviations_of_phu_luc_iii() -> None:
    assert abbreviation("Quyết định") == "QĐ"
    assert abbreviation("Quy định") == "QyĐ"
    assert abbreviation("Tờ trình") == "TTr"
    assert abbreviation("Công văn") == ""
    assert abbreviation("Bản trích sao") == "TrS"
    with pytest.raises(InvalidDocument, match="not a kind of Decree 30/2020 Phụ lục III"):
        abbreviation("Thư tình")


def test_numbers_and_notations_as_printed() -> None:
    assert format_number(5) == "05"
    assert format_number(15) == "15"
    assert format_number(123) == "123"
    with pytest.raises(InvalidDocument):
        format_number(0)
    assert notation_for("Quyết định", "UBND") == "QĐ-UBND"
    assert notation_for("Công văn", "UBND", "VP") == "UBND-VP"
    with pytest.raises(InvalidDocument, match="notated agency-unit"):
        notation_for("Công văn", "UBND")
    with pytest.raises(InvalidDocument, match="no space"):
        notation_for("Quyết định", "UB ND")


def test_a_cong_van_reads_as_the_registers_print_it() -> None:
    record = outgoing(number="5").check()
    assert record.code == "5/UBND-VP"
    assert record.title == "V/v báo cáo kết quả công bố thủ tục hành chính"
    assert record.filing_line() == "Lưu: VT, VP."
    assert record.mark() == "NVA(03)"
    assert DEPUTY.lines() == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Ánh")
    decision = outgoing(kind="Quyết định", notation="QĐ-UBND", subject="công bố danh mục").check()
    assert decision.title == "Quyết định công bố danh mục"
    assert Signer("Trần Văn Bình", "Giám đốc", Authority.Q).lines() == ("Q. GIÁM ĐỐC", "Trần Văn Bình")


@pytest.mark.parametrize(("changes", "message"), [
    ({"kind": "Quyết định", "notation": "UBND-VP"}, "notation begins with QĐ-"),
    ({"notation": "QĐ-UBND"}, "has no kind abbreviation"),
    ({"filed_at": ("VP",)}, "Lưu: VT"),
    ({"addressees": ()}, "Kính gửi is empty"),
    ({"signer": Signer("A", "Phó Chủ tịch", Authority.KT)}, "names for whom it is signed"),
    ({"signer": Signer("A", "Chủ tịch", Authority.DIRECT, "Chủ tịch")}, "in their own right"),
    ({"subject": ""}, "summary"),
    ({"subject": "hai\ndòng"}, "one line"),
    ({"copies": 0}, "copies 0"),
    ({"number": "5a"}, "digits only"),
    ({"notation": "UBND VP"}, "no space"),
    ({"arrival": 3}, "no incoming number"),
    ({"attachments": (DocumentFile("../x.pdf", "application/pdf", 1, "0" * 64),)}, "plain file name"),
])
def test_each_rule_is_one_line(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidDocument, match=message) as caught:
        outgoing(**changes).check()
    assert "\n" not in str(caught.value)


def test_an_incoming_document_carries_its_issuers_number_and_date() -> None:
    record = DocumentRecord(Direction.INCOMING, "Công văn", "đôn đốc báo cáo", "Sở Tư pháp tỉnh Ninh Bình",
                            number="345", notation="STP-HCTP", issued_on=date(2026, 11, 20),
                            received_on=date(2026, 11, 21), arrival=17).check()
    assert record.code == "345/STP-HCTP"
    with pytest.raises(InvalidDocument, match="issuer's number, notation and date"):
        DocumentRecord(Direction.INCOMING, "Công văn", "x", "Sở", notation="STP-HCTP").check()
    with pytest.raises(InvalidDocument, match="before it was issued"):
        DocumentRecord(Direction.INCOMING, "Công văn", "x", "Sở", number="1", notation="STP",
                       issued_on=date(2026, 11, 20), received_on=date(2026, 11, 19)).check()


def test_series_follow_article_15() -> None:
    plan = NumberingPlan(own_series={"Quyết định": "quyet-dinh"})
    assert plan.series(outgoing(), "outgoing") == "van-ban"
    assert plan.series(outgoing(kind="Quyết định", notation="QĐ-UBND"), "outgoing") == "quyet-dinh"
    assert plan.series(outgoing(confidentiality=Confidentiality.SECRET), "outgoing") == "mat"
    assert plan.series(outgoing(kind="Quyết định", notation="QĐ-UBND", legal_normative=True), "outgoing") == "qppl-qd"
    assert plan.series(outgoing(), "incoming") == "den"
    assert plan.series(outgoing(), "copy") == "sao"
    with pytest.raises(InvalidDocument, match="not one of den"):
        NumberingPlan(own_series={"Quyết định": "den"})
