"""A test kit for the exchange edge, as :mod:`isoflow.signing.testing` is for signatures.

* :func:`lowercase_test_ids`: inside it, OrganIds may hold lowercase letters, as the test axes'
  ids do (``vxp.saas.03``); outside, they are refused like any other malformed id;
* :func:`sample_envelope` and :func:`sample_status`: records filled in as a commune's văn thư
  would, for tests, benchmarks and examples;
* :class:`MemoryReceived`: the store's duplicate check (:class:`ReceivedDocuments`) as a set.
"""

from __future__ import annotations

from datetime import date, datetime

from isoflow.exchange.codes import Competence, Priority, StatusCode
from isoflow.exchange.envelope import (
    VIETNAM,
    Attachment,
    DocumentId,
    DocumentType,
    Envelope,
    Organisation,
    Signer,
    Staff,
    StatusMessage,
    TraceHeader,
    lowercase_test_ids,
)

__all__ = ["COMMUNE", "PROVINCE", "WARD", "MemoryReceived", "lowercase_test_ids", "sample_envelope",
           "sample_status"]

#: Three agencies with ids of the 13-character form seen in practice (research §2.4).
COMMUNE = Organisation("000.01.31.H40", "Ủy ban nhân dân xã Tân Phú", in_charge="Ủy ban nhân dân tỉnh Ninh Bình",
                       address="Xã Tân Phú, tỉnh Ninh Bình", email="tanphu@ninhbinh.gov.vn",
                       phone="0229 3871 234", website="https://tanphu.ninhbinh.gov.vn")
WARD = Organisation("000.02.31.H40", "Ủy ban nhân dân phường Hoa Lư", address="Phường Hoa Lư, tỉnh Ninh Bình")
PROVINCE = Organisation("000.00.31.H40", "Sở Tư pháp tỉnh Ninh Bình", address="Phường Hoa Lư, tỉnh Ninh Bình")


def sample_envelope(*, attachment_bytes: int = 2048, attachments: int = 2, number: str = "12",
                    sender: Organisation = COMMUNE, recipients: tuple[Organisation, ...] = (PROVINCE, WARD),
                    subject: str = "Về việc báo cáo kết quả công bố thủ tục hành chính năm 2026") -> Envelope:
    """A công văn from the commune with ``attachments`` files of ``attachment_bytes`` each."""
    files = tuple(Attachment(name=f"tep-dinh-kem-{i + 1}.pdf", content_type="application/pdf",
                             data=_pdf_like(attachment_bytes, i),
                             content_id=f"tep-{number}-{i + 1}", description=f"Tệp đính kèm {i + 1}")
                  for i in range(attachments))
    promulgated = date(2026, 12, 5)
    return Envelope(
        sender=sender, recipients=recipients, code_number=number, code_notation="UBND-VP", place="Tân Phú",
        promulgation_date=promulgated, document_type=DocumentType.of(18), subject=subject,
        content="Ủy ban nhân dân xã Tân Phú báo cáo kết quả công bố, công khai thủ tục hành chính.",
        signer=Signer("Phó Chủ tịch", "Nguyễn Văn Ánh", Competence.KT), due_date=date(2026, 12, 15),
        to_places=("Như trên", "Lưu: VT, VP"), priority=Priority.URGENT, sphere="Liên thông văn bản",
        typer_notation="NVA", promulgation_amount=3, page_amount=2, appendixes=("Phụ lục I: Danh mục",),
        response_for=(DocumentId("000.00.31.H40", date(2026, 11, 20), "345", "STP-HCTP"),),
        staff=Staff("Trần Thị Bình", department="Văn phòng", mobile="0912345678", email="binh@tanphu.gov.vn"),
        trace=(TraceHeader(sender.organ_id, datetime(2026, 12, 5, 9, 30, tzinfo=VIETNAM)),),
        attachments=files)


def sample_status(code: StatusCode = StatusCode.ARRIVED, *, document: DocumentId | None = None,
                  sender: Organisation = PROVINCE) -> StatusMessage:
    """A status about the sample envelope's document, sent by one of its recipients (by its
    issuer for 13)."""
    about = document or DocumentId(COMMUNE.organ_id, date(2026, 12, 5), "12", "UBND-VP")
    return StatusMessage(response_for=about, sender=COMMUNE if code.from_issuer else sender, code=code,
                         timestamp=datetime(2026, 12, 5, 14, 5, 9, tzinfo=VIETNAM),
                         description=f"Trạng thái {code.value}", staff=Staff("Lê Văn Cường", department="Văn thư"))


def _pdf_like(size: int, seed: int) -> bytes:
    """``size`` bytes that start as a PDF does and use every byte value (so base64 has work)."""
    body = bytes((seed + i) % 256 for i in range(256)) * (size // 256 + 1)
    return (b"%PDF-1.7\n" + body)[:size]


class MemoryReceived:
    """The identifiers of documents received, in memory: :class:`ReceivedDocuments` for tests."""

    def __init__(self) -> None:
        self.ids: set[str] = set()

    def add(self, document_id: DocumentId) -> None:
        self.ids.add(str(document_id))

    def has_received(self, document_id: DocumentId) -> bool:
        return str(document_id) in self.ids
