"""The list of documents for people: Vietnamese text, and the A4 paper (danh mục tài liệu).

The words for each revision's life and each signature verdict live here, once, for the text the
command prints and for the paper: a quality officer reads "Đang hiệu lực" and "Không hợp lệ: tệp bị
sửa sau khi phê duyệt" in both.  The paper is headed as isoflow's other whole-agency papers are
(the service report): by the agency profile's provincial unit on the day it is printed, in the
Decree 30/2020 layout, with the list as a table (landscape: Phụ lục I allows a document made of
a table to lie across the page) and the MẪU mark when printed with the example profile.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from isoflow.control.approval import ApprovalStatus
from isoflow.control.catalogue import Entry, Life, MasterList
from isoflow.model.agency import Agency, abbreviated, expanded
from isoflow.model.vn_format import nfc, vn_date
from isoflow.paper.form_data import issuer_lines, name_lines

if TYPE_CHECKING:
    from isoflow.paper.renderer import FormRenderer

__all__ = ["LIFE_VI", "SIGNATURE_VI", "TITLE", "as_text", "catalogue_context", "render_catalogue", "signature_text"]

TITLE = "Danh mục tài liệu của hệ thống quản lý chất lượng"

LIFE_VI = {
    Life.DRAFT: "Dự thảo, chưa phê duyệt",
    Life.APPROVED: "Đã phê duyệt, chưa có hiệu lực",
    Life.IN_FORCE: "Đang hiệu lực",
    Life.SUPERSEDED: "Đã được thay thế",
    Life.WITHDRAWN: "Hết hiệu lực",
    Life.FLOW: "Luồng dùng chung (không ban hành riêng)",
    Life.UNREADABLE: "Không đọc được",
}

SIGNATURE_VI = {
    ApprovalStatus.APPROVED: "Hợp lệ",
    ApprovalStatus.UNVERIFIED: "Chưa kiểm tra (không có chứng thư gốc tin cậy)",
    ApprovalStatus.UNSIGNED: "Chưa ký phê duyệt",
    ApprovalStatus.CHANGED: "Không hợp lệ: tệp bị sửa sau khi phê duyệt",
    ApprovalStatus.FLOW_CHANGED: "Không hợp lệ: luồng dùng chung bị sửa sau khi phê duyệt",
    ApprovalStatus.OTHER_DOCUMENT: "Không hợp lệ: chữ ký phê duyệt mã hiệu hoặc lần ban hành khác",
    ApprovalStatus.OTHER_SIGNER: "Không hợp lệ: người ký không phải người phê duyệt",
    ApprovalStatus.UNTRUSTED: "Không hợp lệ: chứng thư số không do tổ chức được tin cậy cấp",
    ApprovalStatus.EXPIRED: "Không hợp lệ: chứng thư số đã hết hạn hoặc chưa có hiệu lực",
    ApprovalStatus.INVALID: "Không hợp lệ: chữ ký số không đúng",
    ApprovalStatus.MALFORMED: "Không hợp lệ: tệp chữ ký hỏng",
}


def signature_text(entry: Entry) -> str:
    """The signature column: the verdict in Vietnamese (why not, in a word), or why nothing was checked."""
    if entry.approval is None:
        return "" if entry.life is Life.FLOW else "Không kiểm tra được"
    return SIGNATURE_VI[entry.approval.status]


def _day(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _successor(entry: Entry) -> str:
    code, _, revision = entry.superseded_by.partition(" r")
    return f"{code} lần {int(revision):02d}" if revision.isdigit() else entry.superseded_by


def as_text(listing: MasterList) -> str:
    """The list as the command prints it: one block per revision, then what ``--strict`` would fail on."""
    lines = [f"{TITLE.upper()} (tính đến {_day(listing.on)})"]
    if not listing.verified:
        lines.append("Chữ ký phê duyệt KHÔNG được kiểm tra: chưa có --trust (chứng thư gốc tin cậy).")
    for number, entry in enumerate(listing.entries, start=1):
        if entry.life is Life.UNREADABLE:
            lines.append(f"\n{number:02d}. {entry.path}: {LIFE_VI[entry.life]} ({entry.problem})")
            continue
        lines.append(f"\n{number:02d}. {entry.code}, lần ban hành {entry.revision:02d}: {entry.title}")
        lines.append(f"    Tệp: {entry.path}")
        dates = f"Ngày hiệu lực: {_day(entry.effective) or 'chưa có'}"
        if entry.until:
            dates += f"; tiếp nhận hồ sơ đến hết {_day(entry.until)}"
        lines.append(f"    {dates}")
        status = LIFE_VI[entry.life] + (f" bởi {_successor(entry)}" if entry.superseded_by else "")
        lines.append(f"    Tình trạng: {status}{' (CẦN PHÊ DUYỆT: đã đến ngày hiệu lực)' if entry.due else ''}")
        if entry.kind == "process":
            approved_on = f", ngày {_day(entry.approved_on)}" if entry.approved_on else ""
            lines.append(f"    Người phê duyệt: {entry.approver or 'chưa ghi'}{approved_on}")
            reason = f" ({entry.problem})" if entry.problem else ""
            lines.append(f"    Chữ ký phê duyệt: {signature_text(entry)}{reason}")
    failing = listing.failing
    lines.append(f"\n{len(listing.entries)} tài liệu; "
                 + (f"{len(failing)} cần xử lý." if failing else "không có tài liệu nào cần xử lý."))
    return "\n".join(lines)


def catalogue_context(listing: MasterList, agency: Agency, printed_on: date) -> dict[str, Any]:
    """What ``templates/catalogue.html.j2`` prints, every value written out."""
    unit = agency.heading_unit(printed_on)
    parent, issuer = abbreviated(unit.parent).upper(), expanded(unit.issuer).upper()
    rows = []
    for number, entry in enumerate(listing.entries, start=1):
        unreadable = entry.life is Life.UNREADABLE
        rows.append({
            "no": f"{number:02d}", "code": entry.code, "revision": "" if unreadable else f"{entry.revision:02d}",
            "title": entry.path if unreadable else entry.title, "effective": _day(entry.effective),
            "until": _day(entry.until), "approver": entry.approver, "approved_on": _day(entry.approved_on),
            "signature": signature_text(entry), "signature_ok": bool(entry.approval and entry.approval.ok),
            "status": LIFE_VI[entry.life], "successor": _successor(entry) if entry.superseded_by else "",
            "due": entry.due, "failing": entry.failing, "problem": entry.problem})
    return nfc({
        "title": TITLE, "parent": parent, "agency": issuer, "agency_lines": issuer_lines(issuer, parent),
        "parent_lines": name_lines(parent) if parent else [], "place_date": f"{unit.place}, {vn_date(printed_on)}",
        "on": _day(listing.on), "verified": listing.verified, "sample": agency.example, "rows": rows,
        "count": len(rows), "failing": len(listing.failing),
        "in_force": sum(1 for e in listing.entries if e.life is Life.IN_FORCE),
    })


def render_catalogue(listing: MasterList, renderer: FormRenderer, agency: Agency,
                     output: Literal["html", "pdf"] = "html", printed_on: date | None = None) -> bytes:
    """The list as HTML or PDF (``templates/catalogue.html.j2``, an agency's own first)."""
    context = catalogue_context(listing, agency, printed_on or date.today())
    html, pdf = renderer.render_document("catalogue", context, None, pdf=output == "pdf")
    return pdf if output == "pdf" and pdf is not None else html.encode("utf-8")
