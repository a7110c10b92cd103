"""Both chains end to end between two agencies on one machine: the commune drafts, signs (the
signer, then the organisation, with the test CA), numbers, registers and sends a công văn as
signed edXML through a folder; the province receives it, registers, assigns and completes it,
and its status messages come back; a second document is recalled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from isoflow.documents import Agency, DocumentOffice, NewFile
from isoflow.documents.liaison import Liaison
from isoflow.documents.signatures import seal, sign
from isoflow.exchange import FolderTransport, Organisation, Receiver, export
from isoflow.running.engine import Engine
from isoflow.signing import verify_pdf
from isoflow.signing.samples import sample_document, seal_image, signature_image
from isoflow.signing.testing import PKI, make_pki
from isoflow.store import open_store
from isoflow.store.documents import SeriesKey
from tests.documents.conftest import COMMUNE, at, outgoing

COMMUNE_ORG = Organisation(COMMUNE.code, COMMUNE.name, in_charge=COMMUNE.parent)
PROVINCE_ORG = Organisation("000.00.31.H40", "Sở Tư pháp tỉnh Ninh Bình", in_charge="Ủy ban nhân dân tỉnh Ninh Bình")
PROVINCE = Agency(PROVINCE_ORG.organ_id, PROVINCE_ORG.name, "STP", "Ninh Bình", PROVINCE_ORG.in_charge)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> PKI:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def agencies(engine: Engine, pki: PKI, tmp_path: Path) -> Iterator[tuple[Liaison, Liaison]]:
    links = []
    for agency, organisation in ((COMMUNE, COMMUNE_ORG), (PROVINCE, PROVINCE_ORG)):
        office = DocumentOffice(engine, open_store(f"sqlite:///{tmp_path / agency.abbreviation}.db"), agency)
        links.append(Liaison(office, organisation, pki.identity("seal"),
                             FolderTransport(tmp_path / "truc", organisation.organ_id),
                             Receiver([organisation.organ_id], [pki.root]),
                             {COMMUNE_ORG.organ_id: COMMUNE_ORG, PROVINCE_ORG.organ_id: PROVINCE_ORG}))
    yield links[0], links[1]
    for link in links:
        link.office.store.close()


def _issued(commune: Liaison, pki: PKI, day: int, subject: str) -> str:
    office = commune.office
    pdf, box = sample_document()
    code = office.draft(outgoing(subject=subject, recipient_ids=(PROVINCE_ORG.organ_id,)), actor="binh",
                        at=at(day, 8), files=[NewFile("cong-van.pdf", "application/pdf", pdf)]).code
    office.act(code, "trinh_kiem_tra", actor="binh", role="chuyen-vien", at=at(day, 9))
    office.act(code, "trinh_ky", actor="lan", role="truong-phong", at=at(day, 10))
    sign(office, code, pki.identity("signer"), signature_image=signature_image(), where=box, actor="anh",
         at=at(day, 11))
    office.number(code, actor="vt", at=at(day, 14))
    seal(office, code, pki.identity("seal"), seal_image=seal_image(), actor="vt", at=at(day, 14, 5))
    commune.send(code, actor="vt", at=at(day, 14, 10))
    return code


def test_issued_signed_sent_handled_and_reported_back(agencies: tuple[Liaison, Liaison], pki: PKI) -> None:
    commune, province = agencies
    code = _issued(commune, pki, 7, "báo cáo kết quả công bố thủ tục hành chính năm 2026")
    record = commune.office.record(code)
    assert (record.code, record.issued_on) == ("01/UBND-VP", date(2026, 12, 7))
    verdict = verify_pdf(commune.office.file(code, "cong-van.pdf"), [pki.root_certificate])
    assert verdict.ok, verdict.problem
    assert [s.signer for s in verdict.signatures] == [pki.identity("signer").name, pki.identity("seal").name]
    assert commune.office.store.load(code).state == "theo_doi"

    [polled] = province.poll(actor="vt.so", at=at(7, 15))
    assert polled.kind == "document"
    theirs = polled.code
    received = province.office.record(theirs)
    assert (received.code, received.issuer, received.issued_on) == ("01/UBND-VP", COMMUNE.name, date(2026, 12, 7))
    assert province.office.file(theirs, "cong-van.pdf") == commune.office.file(code, "cong-van.pdf")
    province.act(theirs, "vao_so", actor="vt.so", role="van-thu", at=at(7, 15, 30), data={"hop_le": True})
    assert province.office.record(theirs).arrival == 1
    province.act(theirs, "phan_cong", actor="gd", role="lanh-dao", at=at(8, 9),
                 data={"y_kien_chi_dao": "Phòng HCTP tham mưu", "don_vi_chu_tri": "Phòng Hành chính tư pháp",
                       "han_giai_quyet": date(2026, 12, 15)})
    province.act(theirs, "hoan_thanh", actor="cv", role="chuyen-vien", at=at(9, 10),
                 data={"so_ky_hieu_tra_loi": "120/STP-HCTP"})

    notes = commune.poll(actor="vt", at=at(9, 11))
    assert [n.kind for n in notes] == ["status"] * 4
    statuses = [s for _, s, _, _ in commune.office.documents.deliveries(code)]
    assert statuses == ["sent", "01", "03", "04", "06"]
    assert commune.where(code)[PROVINCE_ORG.organ_id][0] == "06"
    assert commune.where(code)[PROVINCE_ORG.organ_id][2] == "120/STP-HCTP"
    assert commune.office.verify() == []
    assert province.office.verify() == []

    # The same envelope delivered again is refused as a duplicate and stores nothing.
    again = commune.envelope(code)
    commune.transport.send(export(again, pki.identity("seal")), PROVINCE_ORG.organ_id)
    [refused] = province.poll(actor="vt.so", at=at(9, 12))
    assert refused.kind == "refused"
    assert "already received" in refused.note
    assert len(province.office.documents.codes("incoming")) == 1


def test_a_recall_freezes_our_copy_and_takes_theirs_off_the_lists(agencies: tuple[Liaison, Liaison],
                                                                 pki: PKI) -> None:
    commune, province = agencies
    code = _issued(commune, pki, 7, "đề nghị cung cấp số liệu")
    [polled] = province.poll(actor="vt.so", at=at(7, 15))
    province.act(polled.code, "vao_so", actor="vt.so", role="van-thu", at=at(7, 16), data={"hop_le": True})
    commune.recall(code, reason="Ban hành nhầm số liệu", actor="vt", at=at(8, 8))
    assert commune.office.store.load(code).outcome == "withdrawn"
    [recall] = province.poll(actor="vt.so", at=at(8, 9))
    assert recall.kind == "recall"
    assert recall.code == polled.code
    theirs = province.office.store.load(polled.code)
    assert (theirs.state, theirs.outcome) == ("thu_hoi", "stopped")
    assert province.office.follow_up(date(2026, 12, 9)) == []
    commune.poll(actor="vt", at=at(8, 10))
    assert commune.where(code)[PROVINCE_ORG.organ_id][0] == "15"
    numbers = commune.office.documents.numbers(SeriesKey(COMMUNE.code, 2026, "van-ban"))
    assert [n.number for n in numbers] == [1]
