"""The list of documents: each revision's life on a day, its approval, and what --strict fails on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from isoflow.control import ApprovalStatus, signature_path
from isoflow.control.catalogue import Life, MasterList, master_list
from isoflow.control.listing import as_text, catalogue_context
from isoflow.data.loaders import load_agency
from isoflow.errors import UsageError
from tests.control.conftest import Authority, approve_all

DAY = date(2026, 12, 5)


def by_file(listing: MasterList) -> dict[str, tuple[Life, str, bool]]:
    return {Path(e.path).name: (e.life, e.superseded_by, e.due) for e in listing.entries}


def test_the_shipped_catalogue_signed_by_its_approvers_is_approved_and_in_force(catalogue: Path,
                                                                                authority: Authority) -> None:
    signed = approve_all(catalogue, authority)
    assert signed >= 18
    listing = master_list([catalogue], authority.roots, DAY)
    assert listing.verified
    assert listing.failing == ()
    lives = by_file(listing)
    assert lives.pop("mot-cua-chung.xml") == (Life.FLOW, "", False)
    # Revision 1 of the building permit took dossiers until 30/06/2026; revision 2 since 01/07/2026.
    assert lives.pop("cap-giay-phep-xay-dung-nha-o.xml") == (Life.SUPERSEDED, "QT-XD-01 r2", False)
    # The judicial record certificate moved to the police on 01/07/2026 (replaced-by QT-LLTP-02).
    assert lives.pop("cap-phieu-ly-lich-tu-phap.xml") == (Life.SUPERSEDED, "QT-LLTP-02", False)
    assert set(lives.values()) == {(Life.IN_FORCE, "", False)}
    processes = [e for e in listing.entries if e.kind == "process"]
    assert len(processes) == signed
    for entry in processes:
        assert entry.approval is not None
        assert entry.approval.status is ApprovalStatus.APPROVED, entry
        assert entry.approval.signer == entry.approver
        assert entry.problem == ""
    codes = [(e.code, e.revision) for e in listing.entries]
    assert codes == sorted(codes)


def test_before_the_new_revision_takes_effect(catalogue: Path, authority: Authority) -> None:
    approve_all(catalogue, authority)
    lives = by_file(master_list([catalogue], authority.roots, date(2026, 6, 30)))
    assert lives["cap-giay-phep-xay-dung-nha-o.xml"] == (Life.IN_FORCE, "", False)
    assert lives["cap-giay-phep-xay-dung-nha-o-2026.xml"] == (Life.APPROVED, "", False)
    assert lives["cap-phieu-ly-lich-tu-phap.xml"] == (Life.IN_FORCE, "", False)
    before = by_file(master_list([catalogue], authority.roots, date(2025, 12, 31)))
    assert before["dang-ky-khai-sinh.xml"] == (Life.APPROVED, "", False)


def test_an_unsigned_catalogue_fails_strict_on_every_revision_due(catalogue: Path, authority: Authority) -> None:
    listing = master_list([catalogue], authority.roots, DAY)
    due = {Path(e.path).name for e in listing.failing}
    assert "dang-ky-khai-sinh.xml" in due
    # Revision 1 of QT-XD-01 is past its end: a draft, but not due; revision 2 is.
    assert "cap-giay-phep-xay-dung-nha-o.xml" not in due
    assert "cap-giay-phep-xay-dung-nha-o-2026.xml" in due
    assert "cap-phieu-ly-lich-tu-phap.xml" not in due
    assert all(e.life is Life.DRAFT for e in listing.failing)


def test_an_unapproved_new_revision_supersedes_nothing(catalogue: Path, authority: Authority) -> None:
    approve_all(catalogue, authority)
    signature_path(catalogue / "cap-giay-phep-xay-dung-nha-o-2026.xml").unlink()
    # Revision 1's end date has passed: withdrawn as far as the approved revisions go ...
    lives = by_file(master_list([catalogue], authority.roots, DAY))
    assert lives["cap-giay-phep-xay-dung-nha-o-2026.xml"] == (Life.DRAFT, "", True)
    assert lives["cap-giay-phep-xay-dung-nha-o.xml"] == (Life.WITHDRAWN, "", False)
    # ... and, without an end date, it would still be in force beside the due draft.
    old = catalogue / "cap-giay-phep-xay-dung-nha-o.xml"
    old.write_bytes(old.read_bytes().replace(b' until="2026-06-30"', b"", 1))
    approve_all(catalogue, authority)
    signature_path(catalogue / "cap-giay-phep-xay-dung-nha-o-2026.xml").unlink()
    lives = by_file(master_list([catalogue], authority.roots, DAY))
    assert lives["cap-giay-phep-xay-dung-nha-o.xml"] == (Life.IN_FORCE, "", False)


def test_a_tampered_revision_in_force_is_a_draft_that_fails(catalogue: Path, authority: Authority) -> None:
    approve_all(catalogue, authority)
    path = catalogue / "dang-ky-ket-hon.xml"
    path.write_bytes(path.read_bytes().replace(b"</process>", "<!-- sửa sau khi duyệt --></process>".encode()))
    listing = master_list([catalogue], authority.roots, DAY)
    (entry,) = listing.failing
    assert Path(entry.path).name == "dang-ky-ket-hon.xml"
    assert (entry.life, entry.due) == (Life.DRAFT, True)
    assert entry.approval is not None
    assert entry.approval.status is ApprovalStatus.CHANGED
    assert "changed after it was approved" in entry.problem


def test_a_changed_flow_fails_every_procedure_that_extends_it(catalogue: Path, authority: Authority) -> None:
    approve_all(catalogue, authority)
    flow = catalogue / "mot-cua-chung.xml"
    flow.write_bytes(flow.read_bytes().replace(b"</flow>", b"<!-- x --></flow>"))
    listing = master_list([catalogue], authority.roots, DAY)
    failing = {e.approval.status for e in listing.failing if e.approval}
    assert failing == {ApprovalStatus.FLOW_CHANGED}
    extending = {Path(e.path).name for e in listing.entries
                 if e.approval and e.approval.statement and e.approval.statement.flow_code == "MC-CHUNG"}
    assert "iso-danh-gia-noi-bo.xml" not in extending  # no flow: still approved
    ended = {"cap-giay-phep-xay-dung-nha-o.xml", "cap-phieu-ly-lich-tu-phap.xml"}  # past their end: not due
    assert {Path(e.path).name for e in listing.failing} == extending - ended


def test_unreadable_files_are_listed_and_fail(catalogue: Path, authority: Authority) -> None:
    approve_all(catalogue, authority)
    (catalogue / "hong.xml").write_bytes(b"<process")
    listing = master_list([catalogue], authority.roots, DAY)
    (entry,) = listing.failing
    assert entry.life is Life.UNREADABLE
    assert entry.problem.startswith("not a usable process file: ")
    assert listing.entries[-1] is entry


def test_without_trust_roots_the_list_is_read_but_nothing_verified(catalogue: Path, authority: Authority) -> None:
    approve_all(catalogue, authority)
    listing = master_list([catalogue], (), DAY)
    assert not listing.verified
    assert listing.failing == ()
    entry = next(e for e in listing.entries if e.code == "QT-HT-01")
    assert entry.approval is not None
    assert entry.approval.status is ApprovalStatus.UNVERIFIED
    assert entry.life is Life.IN_FORCE
    assert "KHÔNG được kiểm tra" in as_text(listing)


def test_the_same_revision_twice_is_said(catalogue: Path, authority: Authority) -> None:
    (catalogue / "copy.xml").write_bytes((catalogue / "dang-ky-khai-sinh.xml").read_bytes())
    listing = master_list([catalogue], authority.roots, DAY)
    twice = [e for e in listing.entries if e.code == "QT-HT-01"]
    assert len(twice) == 2
    assert all("revision 1 of QT-HT-01 is listed more than once" in e.problem for e in twice)


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        master_list([tmp_path / "nowhere"])


def test_the_text_and_the_paper_say_it_in_vietnamese(catalogue: Path, authority: Authority) -> None:
    approve_all(catalogue, authority)
    path = catalogue / "dang-ky-ket-hon.xml"
    path.write_bytes(path.read_bytes().replace(b"</process>", b"<!-- x --></process>"))
    listing = master_list([catalogue], authority.roots, DAY)
    text = as_text(listing)
    assert "DANH MỤC TÀI LIỆU CỦA HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG (tính đến 05/12/2026)" in text
    assert "QT-XD-01, lần ban hành 01" in text
    assert "Tình trạng: Đã được thay thế bởi QT-XD-01 lần 02" in text
    assert "Tình trạng: Đã được thay thế bởi QT-LLTP-02" in text
    assert "Chữ ký phê duyệt: Không hợp lệ: tệp bị sửa sau khi phê duyệt (the file was changed" in text
    assert "(CẦN PHÊ DUYỆT: đã đến ngày hiệu lực)" in text
    assert text.endswith("1 cần xử lý.")
    context = catalogue_context(listing, load_agency(), DAY)
    assert context["on"] == "05/12/2026"
    assert context["failing"] == 1
    assert context["sample"] is True
    row = next(r for r in context["rows"] if r["code"] == "QT-HT-02")
    assert (row["status"], row["signature"], row["due"]) == (
        "Dự thảo, chưa phê duyệt", "Không hợp lệ: tệp bị sửa sau khi phê duyệt", True)
