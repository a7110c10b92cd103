"""Both chains through the document office on every database: numbers, records, files, verify."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from isoflow.documents import DocumentOffice, NewFile
from isoflow.errors import ActionNotAllowed, DocumentError
from isoflow.store.documents import SeriesKey
from tests.documents.conftest import COMMUNE, at, incoming, outgoing

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 4


def _handled(office: DocumentOffice, number: str, day: int) -> str:
    dossier = office.receive(incoming(number), actor="binh", at=at(day, 8),
                             files=[NewFile("cong-van.pdf", "application/pdf", PDF + number.encode())])
    office.register(dossier.code, actor="binh", at=at(day, 9))
    return dossier.code


def test_incoming_chain_numbers_assigns_and_closes_with_the_reply(office: DocumentOffice) -> None:
    first = _handled(office, "345", 1)
    second = _handled(office, "346", 1)
    assert [office.record(c).arrival for c in (first, second)] == [1, 2]
    assert office.store.load(first).data["so_den"] == 1
    office.assign(first, lead="Văn phòng", supporting=["Công chức Tư pháp - Hộ tịch"], deadline=date(2026, 12, 4),
                  direction="Văn phòng chủ trì, báo cáo trước ngày 04/12", actor="anh", at=at(1, 10))
    office.assign(second, lead="Địa chính", deadline=date(2026, 12, 10), direction="Xử lý", actor="anh",
                  at=at(1, 10, 5))
    follow = office.follow_up(date(2026, 12, 7))
    assert [(f.code, f.lead, f.deadline, f.overdue) for f in follow] == [
        (first, "Văn phòng", date(2026, 12, 4), True), (second, "Địa chính", date(2026, 12, 10), False)]
    office.act(first, "hoan_thanh", actor="cuong", role="chuyen-vien", at=at(3),
               data={"so_ky_hieu_tra_loi": "12/UBND-VP"})
    assert office.store.load(first).outcome == "granted"
    assert [f.code for f in office.follow_up(date(2026, 12, 7))] == [second]
    assert office.verify() == []


def test_outgoing_chain_takes_the_number_when_numbered(office: DocumentOffice) -> None:
    dossier = office.draft(outgoing(), actor="binh", at=at(2, 8),
                           files=[NewFile("du-thao.pdf", "application/pdf", PDF)])
    code = dossier.code
    with pytest.raises(ActionNotAllowed):  # not from the drafting step
        office.number(code, actor="vt", at=at(2, 9))
    office.act(code, "trinh_kiem_tra", actor="binh", role="chuyen-vien", at=at(2, 9))
    office.act(code, "trinh_ky", actor="lan", role="truong-phong", at=at(2, 10))
    office.act(code, "ky_ban_hanh", actor="anh", role="lanh-dao", at=at(2, 11), data={"da_ky_so": True})
    key = SeriesKey(COMMUNE.code, 2026, "van-ban")
    assert office.documents.last_number(key) == 0
    office.number(code, actor="vt", at=at(2, 14))
    record = office.record(code)
    assert (record.number, record.code, record.issued_on) == ("01", "01/UBND-VP", date(2026, 12, 2))
    assert [(n.number, n.document) for n in office.documents.numbers(key)] == [(1, code)]
    events = office.history(code)
    assert events[-1].data["number"] == 1
    assert events[-1].data["series"] == "van-ban"
    # A refused move takes no number: the register step needs the organisation's signature.
    with pytest.raises(ActionNotAllowed):
        office.act(code, "dang_ky", actor="vt", role="van-thu", at=at(2, 15), data={"da_ky_so_co_quan": False})
    assert office.documents.last_number(key) == 1
    assert office.verify(code) == []


def test_a_duplicate_incoming_document_is_refused(office: DocumentOffice) -> None:
    office.receive(incoming("345"), actor="binh", at=at(1))
    with pytest.raises(DocumentError, match="văn bản trùng: 345/STP-HCTP ngày 30/11/2026"):
        office.receive(incoming("345"), actor="binh", at=at(1, 10))
    office.receive(incoming("345"), actor="binh", at=at(1, 10), allow_duplicate=True)
    assert len(office.documents.codes("incoming")) == 2


def test_a_cancelled_number_is_the_only_gap(office: DocumentOffice) -> None:
    codes = [_handled(office, str(n), 1) for n in (1, 2, 3)]
    office.cancel_number(codes[1], reason="Vào sổ nhầm", at=at(1, 11))
    given = office.documents.numbers(SeriesKey(COMMUNE.code, 2026, "den"))
    assert [(n.number, n.cancelled_at is not None, n.reason) for n in given] == [
        (1, False, ""), (2, True, "Vào sổ nhầm"), (3, False, "")]
    with pytest.raises(DocumentError, match="already cancelled"):
        office.cancel_number(codes[1], reason="lại", at=at(1, 12))


def test_numbers_restart_on_1_january(office: DocumentOffice) -> None:
    _handled(office, "1", 31)
    late = office.receive(incoming("2", issued_on=date(2026, 12, 30)), actor="binh", at=at(31, 16))
    office.register(late.code, actor="binh", at=at(31, 17))
    new_year = office.receive(incoming("3", issued_on=date(2026, 12, 30)), actor="binh",
                              at=at(31, 9).replace(year=2027, month=1, day=4))
    office.register(new_year.code, actor="binh", at=at(31, 10).replace(year=2027, month=1, day=4))
    assert [office.record(c).arrival for c in (late.code, new_year.code)] == [2, 1]


def test_verify_reports_a_changed_record_and_a_changed_or_missing_file(engine: object, tmp_path: object) -> None:
    from pathlib import Path

    from isoflow.store import open_store
    from tests.documents.conftest import COMMUNE as AGENCY

    path = Path(str(tmp_path)) / "vt.db"
    store = open_store(f"sqlite:///{path}")
    office = DocumentOffice(engine, store, AGENCY)  # type: ignore[arg-type]
    code = _handled(office, "345", 1)
    assert office.verify() == []
    digest = office.record(code).attachments[0].sha256
    assert office.file(code, "cong-van.pdf").startswith(b"%PDF")
    kept = path.parent / "vt.db.files" / digest[:2] / digest
    kept.chmod(0o644)
    kept.write_bytes(b"%PDF forged")
    assert office.verify() == [f"{code}: attachment 'cong-van.pdf': the file {digest[:12]}... was changed: its "
                               "content no longer has the hash the document's events recorded"]
    kept.unlink()
    assert office.verify() == [f"{code}: attachment 'cong-van.pdf': the file {digest[:12]}... is missing from "
                               f"{path}.files"]
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE documents SET body = replace(body, 'đôn đốc', 'hủy bỏ')")
    store = open_store(f"sqlite:///{path}")
    office = DocumentOffice(engine, store, AGENCY)  # type: ignore[arg-type]
    assert f"{code}: the record was changed without an event (it is not the one the events recorded)" \
        in office.verify()
    store.close()
