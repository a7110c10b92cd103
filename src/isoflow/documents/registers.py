"""The registers of Decree 30/2020 Phụ lục IV for a period, as CSV and as PDF (A4 landscape).

* I. Sổ đăng ký văn bản đi (10 columns), by number issued in the period;
* VI. Sổ đăng ký văn bản đến (10 columns), by incoming number received in the period;
* VIII. Sổ theo dõi giải quyết văn bản đến (7 columns), the incoming documents of the period.

The system keeps the register (Art. 16, 22): printed with all its columns, it is what the văn
thư signs and binds ("đóng sổ").  The book opens with the cover Phụ lục IV gives (parent body,
agency, title, year, from/to date, from/to number, volume).  The columns are the appendix's
minimum columns (research/documents.md §1.8, read in Phuluc4.docx).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from isoflow.documents.office import DocumentOffice
from isoflow.errors import DocumentError
from isoflow.model.document import DocumentRecord, record_from_json
from isoflow.model.dossier import Event

__all__ = ["REGISTERS", "Register", "register", "to_csv", "to_pdf"]

#: The registers by name: (title, columns), Phụ lục IV I, VI and VIII.
REGISTERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "di": ("SỔ ĐĂNG KÝ VĂN BẢN ĐI", (
        "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký",
        "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú")),
    "den": ("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", (
        "Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung",
        "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú")),
    "theo-doi": ("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN", (
        "Số đến", "Tên loại, số, ký hiệu, ngày tháng văn bản, cơ quan ban hành", "Đơn vị hoặc người nhận",
        "Thời hạn giải quyết", "Tiến độ giải quyết", "Số, ký hiệu văn bản trả lời", "Ghi chú")),
}

#: Relative column widths (percent) in the PDF, per register.
_WIDTHS = {"di": (10, 8, 24, 11, 15, 9, 5, 8, 5, 5), "den": (8, 5, 13, 11, 8, 22, 12, 8, 6, 7),
           "theo-doi": (6, 30, 16, 10, 14, 12, 12)}


@dataclass(frozen=True, slots=True)
class Register:
    """One register for a period: its heading facts, columns and rows (text, as printed)."""

    kind: str
    title: str
    agency: str
    parent: str
    year: int
    start: date
    end: date
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    first_number: str
    last_number: str
    volume: int = 1


def register(office: DocumentOffice, kind: str, start: date, end: date, *, volume: int = 1) -> Register:
    """The register ``kind`` (``di``, ``den``, ``theo-doi``) of ``office`` for ``[start, end]``."""
    if kind not in REGISTERS:
        raise DocumentError(f"sổ {kind!r} không có; chọn một trong: {', '.join(REGISTERS)}")
    if end < start:
        raise DocumentError(f"kỳ không hợp lệ: từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}")
    title, columns = REGISTERS[kind]
    direction = "outgoing" if kind == "di" else "incoming"
    entries = [(row.code, record_from_json(row.body))
               for row in office.documents.rows(office.agency.code, direction, start, end)]
    if kind != "di":
        entries = [(c, r) for c, r in entries if r.arrival is not None]
        entries.sort(key=lambda e: e[1].arrival or 0)  # the incoming number is the order of receipt
    rows = tuple(_ROW[kind](office, code, record) for code, record in entries)
    numbers = [r.code if kind == "di" else str(r.arrival) for _, r in entries]
    return Register(kind, title, office.agency.name, office.agency.parent, start.year, start, end, columns, rows,
                    numbers[0] if numbers else "", numbers[-1] if numbers else "", volume)


def to_csv(book: Register) -> str:
    """The register as CSV (UTF-8, a header row of the appendix's column names)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(book.columns)
    writer.writerows(book.rows)
    return out.getvalue()


def to_pdf(book: Register, renderer: Any = None) -> bytes:
    """The register as PDF: the cover, then the table on A4 landscape pages (WeasyPrint)."""
    from isoflow.paper.renderer import FormRenderer

    renderer = renderer or FormRenderer()
    context = {"book": book, "widths": _WIDTHS[book.kind],
               "period": f"Từ ngày {book.start:%d/%m/%Y} đến ngày {book.end:%d/%m/%Y}"}
    _, pdf = renderer.render_document("register", context, form_set="documents", pdf=True)
    assert pdf is not None
    return bytes(pdf)


# -- rows -----------------------------------------------------------------------------------


def _outgoing(office: DocumentOffice, code: str, record: DocumentRecord) -> tuple[str, ...]:
    events = office.store.history(code)
    dossier = office.store.load(code)
    sent = _when(events, "phat_hanh")
    notes = []
    if dossier.outcome == "withdrawn":
        notes.append(f"Thu hồi {(_when(events, 'thu_hoi') or '')}".strip())
    notes.extend(_cancelled(office, code))
    return (record.code, _d(record.issued_on), record.title, record.signer.name if record.signer else "",
            "; ".join((*record.addressees, *record.recipients)), ", ".join(record.filed_at), str(record.copies),
            sent, "", "; ".join(notes))


def _incoming(office: DocumentOffice, code: str, record: DocumentRecord) -> tuple[str, ...]:
    events = office.store.history(code)
    dossier = office.store.load(code)
    notes = {"thu_hoi": "Nơi gửi thu hồi", "tra_lai": "Trả lại nơi gửi"}.get(dossier.state, "")
    notes = "; ".join(filter(None, [notes, *_cancelled(office, code)]))
    return (_d(record.received_on), str(record.arrival or ""), record.issuer, record.code, _d(record.issued_on),
            record.title, str(dossier.data.get("don_vi_chu_tri") or ""), _when(events, "phan_cong"), "", notes)


def _follow_up(office: DocumentOffice, code: str, record: DocumentRecord) -> tuple[str, ...]:
    dossier = office.store.load(code)
    data = dossier.data
    deadline = data.get("han_giai_quyet")
    deadline_text = _d(date.fromisoformat(str(deadline)[:10])) if deadline else ""
    if dossier.state == "hoan_thanh":
        progress = "Đã giải quyết"
    elif dossier.state == "thu_hoi":
        progress = "Nơi gửi thu hồi"
    elif data.get("tien_do"):
        progress = str(data["tien_do"])
    else:
        progress = "Đang giải quyết" if dossier.state == "giai_quyet" else "Chưa phân công"
    described = (f"{record.kind} số {record.code} ngày {_d(record.issued_on)} của {record.issuer}")
    return (str(record.arrival or ""), described, str(data.get("don_vi_chu_tri") or ""), deadline_text, progress,
            str(data.get("so_ky_hieu_tra_loi") or ""), str(data.get("ket_qua") or ""))


_ROW = {"di": _outgoing, "den": _incoming, "theo-doi": _follow_up}


def _cancelled(office: DocumentOffice, code: str) -> list[str]:
    rows = office.documents._read("SELECT number, reason FROM document_numbers WHERE document = ? "
                                  "AND cancelled_at IS NOT NULL", (code,))
    return [f"Hủy số {int(r[0]):02d}: {r[1]}" for r in rows]


def _when(events: Sequence[Event], action: str) -> str:
    for event in reversed(events):
        if event.action == action:
            return _d(event.at)
    return ""


def _d(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return f"{value:%d/%m/%Y}"
