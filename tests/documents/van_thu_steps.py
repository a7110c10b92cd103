"""Steps of the văn thư features (features/van-thu/): two agencies on one machine, each with its
office on its own SQLite database, trading signed edXML through a shared folder, their keys from
a test CA made at run time.  Registered as a plugin by tests/conftest.py so that
tests/test_features.py, which runs every feature, sees them.

The sentences are the project's own (isoflow's step library runs dossiers); they name agencies
by their short names: "xã Tân Phú" (000.01.31.H40) and "Sở Tư pháp" (000.00.31.H40).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from isoflow.documents import Agency, DocumentOffice, NewFile
from isoflow.documents.liaison import Liaison, Polled
from isoflow.documents.registers import register, to_csv
from isoflow.documents.signatures import seal, sign
from isoflow.errors import IsoflowError
from isoflow.exchange import FolderTransport, Organisation, Receiver
from isoflow.model.document import Authority, Direction, DocumentRecord, Signer
from isoflow.signing import verify_pdf
from isoflow.signing.samples import sample_document, seal_image, signature_image
from isoflow.signing.testing import PKI, make_pki
from isoflow.store import open_store
from isoflow.workspace import open_engine

ROOT = Path(__file__).resolve().parents[2]
AGENCIES = {
    "xã Tân Phú": (Agency("000.01.31.H40", "Ủy ban nhân dân xã Tân Phú", "UBND", "Tân Phú",
                          "Ủy ban nhân dân tỉnh Ninh Bình")),
    "Sở Tư pháp": (Agency("000.00.31.H40", "Sở Tư pháp tỉnh Ninh Bình", "STP", "Ninh Bình",
                          "Ủy ban nhân dân tỉnh Ninh Bình")),
}


#: Every sentence of these steps (NFC), for tests/bdd/test_step_library.py's check that each
#: line of a shipped feature matches exactly one sentence, isoflow's or these.
PATTERNS: list[str] = []


def _p(pattern: str) -> Any:
    PATTERNS.append(unicodedata.normalize("NFC", pattern))
    return parsers.parse(PATTERNS[-1])


def _time(text: str) -> datetime:
    return datetime.strptime(text.strip(), "%H:%M ngày %d/%m/%Y")


def _day(text: str) -> date:
    return datetime.strptime(text.strip(), "%d/%m/%Y").date()


@dataclass
class VanThu:
    """The scenario's agencies and what the steps remember (the document each agency last
    handled, the last refusal, the last messages polled)."""

    pki: PKI
    folder: Path
    links: dict[str, Liaison] = field(default_factory=dict)
    current: dict[str, str] = field(default_factory=dict)
    refusal: str = ""
    polled: list[Polled] = field(default_factory=list)

    def open(self, name: str) -> Liaison:
        if name not in self.links:
            agency = AGENCIES[name]
            organisation = Organisation(agency.code, agency.name, in_charge=agency.parent)
            office = DocumentOffice(_engine(), open_store(f"sqlite:///{self.folder / agency.abbreviation}.db"),
                                    agency)
            directory = {a.code: Organisation(a.code, a.name, in_charge=a.parent) for a in AGENCIES.values()}
            self.links[name] = Liaison(office, organisation, self.pki.identity("seal"),
                                       FolderTransport(self.folder / "truc", agency.code),
                                       Receiver([agency.code], [self.pki.root]), directory)
        return self.links[name]

    def office(self, name: str) -> DocumentOffice:
        return self.open(name).office

    def code(self, name: str) -> str:
        return self.current[name]


_ENGINE: list[Any] = []


def _engine() -> Any:
    if not _ENGINE:
        _ENGINE.append(open_engine([ROOT / "processes" / "van-ban-den.xml", ROOT / "processes" / "van-ban-di.xml"]))
    return _ENGINE[0]


@pytest.fixture(scope="session")
def van_thu_pki(tmp_path_factory: pytest.TempPathFactory) -> PKI:
    return make_pki(tmp_path_factory.mktemp("van-thu-pki"))


@pytest.fixture
def van_thu(van_thu_pki: PKI, tmp_path: Path) -> Iterator[VanThu]:
    world = VanThu(van_thu_pki, tmp_path)
    yield world
    for link in world.links.values():
        link.office.store.close()


# -- Given ------------------------------------------------------------------------------------


@given(_p('"{name}" và "{other}" trao đổi văn bản điện tử qua trục liên thông'))
def two_agencies(van_thu: VanThu, name: str, other: str) -> None:
    van_thu.open(name)
    van_thu.open(other)


# -- incoming -----------------------------------------------------------------------------------


@when(_p('lúc {at} văn thư "{name}" tiếp nhận công văn số "{code}" ngày {issued} của "{issuer}" về "{subject}"'))
def receive_paper(van_thu: VanThu, at: str, name: str, code: str, issued: str, issuer: str, subject: str) -> None:
    number, notation = code.split("/", 1)
    record = DocumentRecord(Direction.INCOMING, "Công văn", subject, issuer, number=number, notation=notation,
                            issued_on=_day(issued))
    try:
        dossier = van_thu.office(name).receive(record, actor="van.thu", at=_time(at),
                                               files=[NewFile("cong-van.pdf", "application/pdf",
                                                              b"%PDF-1.7\n" + code.encode())])
    except IsoflowError as error:
        van_thu.refusal = str(error)
        return
    van_thu.current[name] = dossier.code


@when(_p('lúc {at} văn thư "{name}" vào sổ văn bản đến'))
def register_incoming(van_thu: VanThu, at: str, name: str) -> None:
    van_thu.open(name).act(van_thu.code(name), "vao_so", actor="van.thu", role="van-thu", at=_time(at),
                           data={"hop_le": True})


@when(_p('lúc {at} lãnh đạo "{name}" giao "{lead}" chủ trì, "{support}" phối hợp, hạn giải quyết {deadline}'))
def assign(van_thu: VanThu, at: str, name: str, lead: str, support: str, deadline: str) -> None:
    van_thu.open(name).act(van_thu.code(name), "phan_cong", actor="lanh.dao", role="lanh-dao", at=_time(at),
                           data={"y_kien_chi_dao": f"Giao {lead} chủ trì", "don_vi_chu_tri": lead,
                                 "don_vi_phoi_hop": support, "han_giai_quyet": _day(deadline)})


@when(_p('lúc {at} "{name}" cập nhật tiến độ "{progress}"'))
def progress(van_thu: VanThu, at: str, name: str, progress: str) -> None:
    van_thu.open(name).act(van_thu.code(name), "bao_cao_tien_do", actor="chuyen.vien", role="chuyen-vien",
                           at=_time(at), data={"tien_do": progress})


@when(_p('lúc {at} "{name}" hoàn thành với văn bản trả lời số "{reply}"'))
def complete(van_thu: VanThu, at: str, name: str, reply: str) -> None:
    van_thu.open(name).act(van_thu.code(name), "hoan_thanh", actor="chuyen.vien", role="chuyen-vien",
                           at=_time(at), data={"so_ky_hieu_tra_loi": reply})


@then(_p('văn bản đến của "{name}" có số đến {number:d}'))
def arrival_number(van_thu: VanThu, name: str, number: int) -> None:
    assert van_thu.office(name).record(van_thu.code(name)).arrival == number


@then(_p('ngày {day} "{name}" có {count:d} văn bản quá hạn giải quyết trong sổ theo dõi'))
def overdue(van_thu: VanThu, day: str, name: str, count: int) -> None:
    items = van_thu.office(name).follow_up(_day(day))
    assert sum(i.overdue for i in items) == count, [(i.code, i.deadline, i.overdue) for i in items]


@then(_p('ngày {day} văn bản của "{name}" không còn trong sổ theo dõi'))
def not_followed(van_thu: VanThu, day: str, name: str) -> None:
    assert van_thu.code(name) not in [i.code for i in van_thu.office(name).follow_up(_day(day))]


@then(_p('văn bản của "{name}" ở bước "{state}"'))
def at_step(van_thu: VanThu, name: str, state: str) -> None:
    assert van_thu.office(name).store.load(van_thu.code(name)).state == state


@then(_p('việc tiếp nhận bị từ chối vì "{reason}"'))
def refused(van_thu: VanThu, reason: str) -> None:
    assert reason in van_thu.refusal, van_thu.refusal


@then(_p('sổ "{kind}" của "{name}" từ {start} đến {end} có dòng "{line}"'))
def register_line(van_thu: VanThu, kind: str, name: str, start: str, end: str, line: str) -> None:
    rows = to_csv(register(van_thu.office(name), kind, _day(start), _day(end))).splitlines()
    assert line in rows, rows


@then(_p('kiểm tra toàn vẹn của "{name}" không phát hiện thay đổi'))
def intact(van_thu: VanThu, name: str) -> None:
    assert van_thu.office(name).verify() == []


# -- outgoing -----------------------------------------------------------------------------------


@when(_p('lúc {at} "{name}" soạn công văn gửi "{to}" về "{subject}"'))
def draft(van_thu: VanThu, at: str, name: str, to: str, subject: str) -> None:
    link = van_thu.open(name)
    agency = link.office.agency
    pdf, _ = sample_document()
    record = DocumentRecord(Direction.OUTGOING, "Công văn", subject, agency.name, parent=agency.parent,
                            notation=f"{agency.abbreviation}-VP", place=agency.place,
                            signer=Signer("Nguyễn Văn Ánh", "Phó Chủ tịch", Authority.KT, "Chủ tịch"),
                            addressees=(AGENCIES[to].name,), recipients=("Như trên",), filed_at=("VT", "VP"),
                            drafter_mark="TTB", copies=2, recipient_ids=(AGENCIES[to].code,))
    van_thu.current[name] = link.office.draft(record, actor="chuyen.vien", at=_time(at),
                                              files=[NewFile("cong-van.pdf", "application/pdf", pdf)]).code


@when(_p('lúc {at} "{name}" trình ký sau khi kiểm tra'))
def submit(van_thu: VanThu, at: str, name: str) -> None:
    office, code = van_thu.office(name), van_thu.code(name)
    office.act(code, "trinh_kiem_tra", actor="chuyen.vien", role="chuyen-vien", at=_time(at))
    office.act(code, "trinh_ky", actor="truong.phong", role="truong-phong", at=_time(at))


@when(_p('lúc {at} người có thẩm quyền của "{name}" ký số'))
def leader_signs(van_thu: VanThu, at: str, name: str) -> None:
    _, box = sample_document()
    sign(van_thu.office(name), van_thu.code(name), van_thu.pki.identity("signer"), signature_image=signature_image(),
         where=box, actor="lanh.dao", at=_time(at))


@when(_p('lúc {at} văn thư "{name}" cấp số, ký số của cơ quan và vào sổ văn bản đi'))
def number_and_seal(van_thu: VanThu, at: str, name: str) -> None:
    office, code = van_thu.office(name), van_thu.code(name)
    office.number(code, actor="van.thu", at=_time(at))
    seal(office, code, van_thu.pki.identity("seal"), seal_image=seal_image(), actor="van.thu", at=_time(at))


@when(_p('lúc {at} văn thư "{name}" phát hành văn bản qua trục liên thông'))
def issue(van_thu: VanThu, at: str, name: str) -> None:
    van_thu.open(name).send(van_thu.code(name), actor="van.thu", at=_time(at))


@when(_p('lúc {at} văn thư "{name}" nhận các gói tin đã đến'))
def poll(van_thu: VanThu, at: str, name: str) -> None:
    van_thu.polled = van_thu.open(name).poll(actor="van.thu", at=_time(at))
    for polled in van_thu.polled:
        if polled.kind == "document":
            van_thu.current[name] = polled.code


@when(_p('lúc {at} văn thư "{name}" thu hồi văn bản vì "{reason}"'))
def recall(van_thu: VanThu, at: str, name: str, reason: str) -> None:
    van_thu.open(name).recall(van_thu.code(name), reason=reason, actor="van.thu", at=_time(at))


@then(_p('văn bản của "{name}" có số, ký hiệu "{code}"'))
def numbered(van_thu: VanThu, name: str, code: str) -> None:
    assert van_thu.office(name).record(van_thu.code(name)).code == code


@then(_p('tệp văn bản của "{name}" có chữ ký số hợp lệ của người ký rồi của cơ quan'))
def two_signatures(van_thu: VanThu, name: str) -> None:
    verdict = verify_pdf(van_thu.office(name).file(van_thu.code(name), "cong-van.pdf"),
                         [van_thu.pki.root_certificate])
    assert verdict.ok, verdict.problem
    assert [s.signer for s in verdict.signatures] == [van_thu.pki.identity("signer").name,
                                                      van_thu.pki.identity("seal").name]


@then(_p('"{name}" nhận được văn bản "{code}" của "{issuer}" kèm tệp đã ký'))
def received_document(van_thu: VanThu, name: str, code: str, issuer: str) -> None:
    [document] = [p for p in van_thu.polled if p.kind == "document"]
    record = van_thu.office(name).record(document.code)
    assert (record.code, record.issuer) == (code, AGENCIES[issuer].name)
    verdict = verify_pdf(van_thu.office(name).file(document.code, "cong-van.pdf"), [van_thu.pki.root_certificate])
    assert verdict.ok, verdict.problem


@then(_p('"{name}" thấy văn bản của mình tại "{other}" lần lượt có trạng thái "{statuses}"'))
def statuses(van_thu: VanThu, name: str, other: str, statuses: str) -> None:
    seen = [s for organ_id, s, _, _ in van_thu.office(name).documents.deliveries(van_thu.code(name))
            if organ_id == AGENCIES[other].code]
    assert seen == statuses.split(", "), seen


@then(_p('văn bản của "{name}" đã kết thúc với kết quả "{outcome}"'))
def outcome(van_thu: VanThu, name: str, outcome: str) -> None:
    assert van_thu.office(name).store.load(van_thu.code(name)).outcome == outcome
