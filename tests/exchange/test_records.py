"""The records check their own fields when made: what exists can be sent, and a record that
does not fit edXML is refused with the field's name."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from isoflow.errors import MalformedMessage
from isoflow.exchange import (
    VIETNAM,
    Attachment,
    Competence,
    DocumentId,
    DocumentType,
    Organisation,
    Priority,
    Signer,
    StatusCode,
    StatusMessage,
    TraceHeader,
    load_codes,
)
from isoflow.exchange.testing import COMMUNE, PROVINCE, lowercase_test_ids, sample_envelope, sample_status


def test_a_document_id_is_issuer_date_and_code() -> None:
    document = DocumentId.parse("000.00.00.H56,2026/12/05,12/QĐ-UBND")
    assert (document.organ_id, document.date, document.number, document.notation) == (
        "000.00.00.H56", date(2026, 12, 5), "12", "QĐ-UBND")
    assert str(document) == "000.00.00.H56,2026/12/05,12/QĐ-UBND"
    assert document.code == "12/QĐ-UBND"
    assert sample_envelope().document_id == DocumentId(COMMUNE.organ_id, date(2026, 12, 5), "12", "UBND-VP")


@pytest.mark.parametrize(("text", "reason"), [
    ("000.00.00.H56,2026/12/05", "is not orgId,YYYY/MM/DD,number/notation"),
    ("000.00.00.H56,2026-12-05,12/QĐ-UBND", "is not a date YYYY/MM/DD"),
    ("000.00.00.H56,2026/13/05,12/QĐ-UBND", "is not a real date"),
    ("h56,2026/12/05,12/QĐ-UBND", "is not an OrganId"),
    ("000.00.00.H56,2026/12/05,12/", "CodeNotation is empty"),
    ("000.00.00.H56,2026/12/05,/QĐ-UBND", "is not a number"),
    ("000.00.00.H56,2026/12/05,12/QĐ UBND", "holds a space or a comma"),
])
def test_a_document_id_that_is_not_one(text: str, reason: str) -> None:
    with pytest.raises(MalformedMessage, match=reason):
        DocumentId.parse(text)


@pytest.mark.parametrize("organ_id", ["000.00.00.H56", "H56", "Z01ABC", "A" * 35, "000.00.31.H40"])
def test_organ_ids_are_opaque_dotted_codes(organ_id: str) -> None:
    assert Organisation(organ_id, "Cơ quan").organ_id == organ_id


@pytest.mark.parametrize("organ_id", ["", "A" * 36, "000..H56", ".H56", "H56.", "..", "../H56", "000 00", "vxp.saas.03",
                                      "H56/1"])
def test_what_is_not_an_organ_id(organ_id: str) -> None:
    with pytest.raises(MalformedMessage, match="is not an OrganId"):
        Organisation(organ_id, "Cơ quan")


def test_lowercase_test_ids_only_inside_the_test_block() -> None:
    with lowercase_test_ids():
        assert Organisation("vxp.saas.03", "Trục thử nghiệm").organ_id == "vxp.saas.03"
    with pytest.raises(MalformedMessage):
        Organisation("vxp.saas.03", "Trục thử nghiệm")


def test_timestamps_are_kept_in_vietnam_time_to_the_second() -> None:
    hop = TraceHeader("000.00.00.H56", datetime.fromisoformat("2026-12-05T02:30:00.123456+00:00"))
    assert hop.timestamp.isoformat() == "2026-12-05T09:30:00+07:00"
    assert hop.timestamp.tzinfo is VIETNAM
    with pytest.raises(MalformedMessage, match="has no offset"):
        TraceHeader("000.00.00.H56", datetime(2026, 12, 5, 9, 30))


def test_an_attachment_knows_its_hash_and_size() -> None:
    attachment = Attachment("quyet-dinh.pdf", "application/pdf", b"%PDF-1.7", content_id="qd-1")
    assert attachment.sha256 == hashlib.sha256(b"%PDF-1.7").hexdigest()
    assert attachment.size == 8
    assert Attachment("a.pdf", "application/pdf", b"").content_id != Attachment("a.pdf", "application/pdf",
                                                                                  b"").content_id


@pytest.mark.parametrize(("name", "content_type", "reason"), [
    ("../../etc/passwd", "application/pdf", "is not a plain file name"),
    ("a\\b.pdf", "application/pdf", "is not a plain file name"),
    ("..", "application/pdf", "is not a plain file name"),
    ("", "application/pdf", "AttachmentName is empty"),
    ("a.pdf", "pdf", "is not a MIME type"),
])
def test_an_attachment_that_could_escape_the_store(name: str, content_type: str, reason: str) -> None:
    with pytest.raises(MalformedMessage, match=reason):
        Attachment(name, content_type, b"x")


@pytest.mark.parametrize(("change", "reason"), [
    ({"recipients": ()}, "To is empty"),
    ({"recipients": (PROVINCE, PROVINCE)}, "To names an OrganId twice"),
    ({"subject": " "}, "Subject is empty"),
    ({"subject": "x" * 501}, "Subject is 501 characters long; edXML allows 500"),
    ({"subject": "Về việc\x01"}, "Subject holds the character U\\+0001"),
    ({"code_number": "12a"}, "CodeNumber '12a' is not a number"),
    ({"code_notation": "UBND VP"}, "holds a space or a comma"),
    ({"page_amount": -1}, "PageAmount must be a whole number from 0 to 999"),
    ({"priority": 1}, "Priority must be a Priority"),
    ({"promulgation_date": datetime(2026, 12, 5, tzinfo=VIETNAM)}, "must be a date, not datetime"),
    ({"steering_type": 10}, "SteeringType must be a whole number from 0 to 9"),
    ({"attachments": (Attachment("a.pdf", "application/pdf", b"1", content_id="x"),
                      Attachment("b.pdf", "application/pdf", b"2", content_id="x"))}, "share a ContentId"),
    ({"to_places": ["Như trên"]}, "ToPlaces must be a tuple"),
])
def test_an_envelope_refuses_a_field_that_does_not_fit(change: dict[str, object], reason: str) -> None:
    with pytest.raises(MalformedMessage, match=reason):
        replace(sample_envelope(), **change)  # type: ignore[arg-type]  # wrong types on purpose


def test_signers_position_and_name_are_required() -> None:
    assert Signer("Chủ tịch", "Nguyễn Văn A").competence is Competence.DIRECT
    with pytest.raises(MalformedMessage, match="SignerInfo/FullName is empty"):
        Signer("Chủ tịch", "")


def test_a_recall_request_is_the_issuers() -> None:
    assert sample_status(StatusCode.RECALL_ASKED).addressee is None
    assert sample_status(StatusCode.ARRIVED).addressee == COMMUNE.organ_id
    with pytest.raises(MalformedMessage, match="status 13 is the issuer's"):
        StatusMessage(sample_envelope().document_id, PROVINCE, StatusCode.RECALL_ASKED,
                      datetime(2026, 12, 5, 10, tzinfo=VIETNAM))


def test_the_code_lists_are_data() -> None:
    codes = load_codes()
    assert DocumentType.of(18) == DocumentType(18, "Công văn")
    assert codes.priorities[Priority.IMMEDIATE] == "Hỏa tốc"
    assert codes.status_codes[StatusCode.RECALL_REFUSED] == "từ chối lấy lại"
    assert codes.read_competence("KT") is Competence.KT
    assert codes.read_competence("Truc tiep") is Competence.DIRECT
    assert Path(codes.source).name == "codes.toml"
    with pytest.raises(MalformedMessage, match="document type 99 is not in"):
        DocumentType.of(99)


def test_an_agencys_own_code_file(tmp_path: Path) -> None:
    shipped = Path(load_codes().source).read_text(encoding="utf-8")
    own = tmp_path / "codes.toml"
    own.write_text(shipped.replace('18 = "Công văn"', '18 = "Công văn hành chính"'), encoding="utf-8")
    assert load_codes(own).document_type_name(18) == "Công văn hành chính"
    broken = tmp_path / "broken.toml"
    broken.write_text("namespace = 1\n", encoding="utf-8")
    with pytest.raises(MalformedMessage, match=r"broken\.toml"):
        load_codes(broken)
