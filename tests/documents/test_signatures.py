"""The two signatures through the office: a separate PDF attachment gets the organisation's
text stamp (no image) with the document's number, a token's keys (SoftHSM2) sign like files,
and a signed file changed in the store is caught by verify; messages refused by the liaison
store nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from isoflow.documents import DocumentOffice, NewFile
from isoflow.documents.liaison import Liaison
from isoflow.documents.signatures import seal, sign
from isoflow.exchange import FolderTransport, Organisation, Receiver, export
from isoflow.exchange.testing import sample_envelope
from isoflow.running.engine import Engine
from isoflow.signing import verify_pdf
from isoflow.signing.samples import sample_document, seal_image, signature_image
from isoflow.signing.softhsm import softhsm_module
from isoflow.signing.testing import PKI, make_pki
from isoflow.store import open_store
from tests.documents.conftest import COMMUNE, at, outgoing

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> PKI:
    return make_pki(tmp_path_factory.mktemp("pki"))


def _signed(office: DocumentOffice, pki: PKI, attachment: bytes) -> str:
    pdf, box = sample_document()
    code = office.draft(outgoing(), actor="b", at=at(7, 8), files=[
        NewFile("cong-van.pdf", "application/pdf", pdf), NewFile("phu-luc.pdf", "application/pdf", attachment)]).code
    office.act(code, "trinh_kiem_tra", actor="b", role="chuyen-vien", at=at(7, 9))
    office.act(code, "trinh_ky", actor="l", role="truong-phong", at=at(7, 10))
    sign(office, code, pki.identity("signer"), signature_image=signature_image(), where=box, actor="anh",
         at=at(7, 11))
    office.number(code, actor="vt", at=at(7, 14))
    seal(office, code, pki.identity("seal"), seal_image=seal_image(), actor="vt", at=at(7, 14, 5))
    return code


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_a_separate_attachment_gets_the_organisations_stamp_with_the_number(engine: Engine, pki: PKI,
                                                                             tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'vt.db'}")
    office = DocumentOffice(engine, store, COMMUNE)
    attachment, _ = sample_document()
    code = _signed(office, pki, attachment)
    annex = office.file(code, "phu-luc.pdf")
    verdict = verify_pdf(annex, [pki.root_certificate])
    assert verdict.ok, verdict.problem
    assert [s.signer for s in verdict.signatures] == [pki.identity("seal").name]
    (tmp_path / "annex.pdf").write_bytes(annex)
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "annex.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "01/UBND-VP; 2" in text  # "số và ký hiệu; thời gian ký" (ISO 8601, +07:00)
    assert "+07:00" in text
    files = [f for e in office.history(code) for f in e.data.get("files", ())]
    assert [f["name"] for f in files] == ["cong-van.pdf", "phu-luc.pdf", "cong-van.pdf", "cong-van.pdf",
                                          "phu-luc.pdf"]  # drafted, signed by the signer, sealed (two files)
    # The signed original changed on disk: verify says so, and the signature check would too.
    digest = office.record(code).attachments[0].sha256
    kept = tmp_path / "vt.db.files" / digest[:2] / digest
    kept.chmod(0o644)
    kept.write_bytes(kept.read_bytes().replace(b"/Count 1", b"/Count 2", 1))
    assert office.verify(code) == [f"{code}: attachment 'cong-van.pdf': the file {digest[:12]}... was changed: "
                                   "its content no longer has the hash the document's events recorded"]
    store.close()


_TOKEN_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from isoflow.documents import DocumentOffice, NewFile
from isoflow.documents.signatures import seal, sign
from isoflow.signing import verify_pdf
from isoflow.signing.samples import sample_document, seal_image, signature_image
from isoflow.signing.softhsm import make_token
from isoflow.signing.testing import make_pki
from isoflow.store import open_store
from isoflow.workspace import open_engine
from tests.documents.conftest import CHAINS, COMMUNE, at, outgoing
folder = Path({folder!r})
pki = make_pki(folder / "pki")
token = make_token(pki, folder / "token")
office = DocumentOffice(open_engine(CHAINS), open_store("sqlite://:memory:"), COMMUNE)
pdf, box = sample_document()
code = office.draft(outgoing(), actor="b", at=at(7, 8), files=[NewFile("cv.pdf", "application/pdf", pdf)]).code
office.act(code, "trinh_kiem_tra", actor="b", role="chuyen-vien", at=at(7, 9))
office.act(code, "trinh_ky", actor="l", role="truong-phong", at=at(7, 10))
signer, organisation = token.identity("signer"), token.identity("seal")
sign(office, code, signer, signature_image=signature_image(), where=box, actor="anh", at=at(7, 11))
office.number(code, actor="vt", at=at(7, 14))
seal(office, code, organisation, seal_image=seal_image(), actor="vt", at=at(7, 14, 5))
verdict = verify_pdf(office.file(code, "cv.pdf"), [pki.root_certificate])
print(verdict.ok, [s.signer for s in verdict.signatures], office.record(code).code)
"""


@pytest.mark.skipif(softhsm_module() is None or shutil.which("softhsm2-util") is None,
                    reason="SoftHSM2 is not installed (scripts/system-deps.sh --test)")
def test_keys_on_a_softhsm_token_sign_through_the_office(tmp_path: Path) -> None:
    # In a process of its own: SoftHSM is initialised once per process (isoflow.signing.softhsm).
    script = _TOKEN_SCRIPT.format(root=str(ROOT), folder=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout
    assert out.strip().startswith("True [")
    assert out.strip().endswith("] 01/UBND-VP")
    assert out.count("'") == 4  # two signers named


def test_refused_messages_store_nothing(engine: Engine, pki: PKI, tmp_path: Path) -> None:
    province = Organisation("000.00.31.H40", "Sở Tư pháp tỉnh Ninh Bình")
    office = DocumentOffice(engine, open_store(f"sqlite:///{tmp_path / 'stp.db'}"), COMMUNE)
    link = Liaison(office, province, pki.identity("seal"), FolderTransport(tmp_path / "truc", province.organ_id),
                   Receiver([province.organ_id], [pki.root]), {})
    sender = FolderTransport(tmp_path / "truc", "000.01.31.H40")
    envelope = sample_envelope(recipients=(province,))
    good = export(envelope, pki.identity("seal"))
    sender.send(export(envelope, pki.identity("stranger")), province.organ_id)          # untrusted
    sender.send(good.replace(b"b\xc3\xa1o c\xc3\xa1o", b"b\xc3\xa1o c\xc3\xa0o", 1), province.organ_id)  # changed
    sender.send(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><x>&a;</x>', province.organ_id)  # hostile
    sender.send(export(sample_envelope(), pki.identity("seal")), province.organ_id)      # not only for us: accepted
    results = link.poll(actor="vt", at=at(7, 9))
    kinds = sorted(r.kind for r in results)
    assert kinds == ["document", "refused", "refused", "refused"]
    notes = " | ".join(r.note for r in results if r.kind == "refused")
    assert "DOCTYPE" in notes
    assert "does not hold" in notes
    assert "Other Test Root CA" in notes or "trust" in notes
    assert len(office.documents.codes()) == 1
    assert link.transport.receive() == []  # every message acknowledged
    office.store.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_an_electronic_copy_is_numbered_in_the_copies_series_and_sealed_top_right(engine: Engine, pki: PKI,
                                                                                 tmp_path: Path) -> None:
    from isoflow.documents.signatures import seal_copy
    from isoflow.store.documents import SeriesKey

    office = DocumentOffice(engine, open_store("sqlite://:memory:"), COMMUNE)
    _signed(office, pki, sample_document()[0])  # a công văn: 01/UBND-VP in van-ban
    pdf, _ = sample_document()
    copy = office.draft(outgoing(kind="Bản sao y", notation="SY-UBND", subject="Quyết định số 15/QĐ-UBND"),
                        actor="b", at=at(8, 8), files=[NewFile("ban-sao.pdf", "application/pdf", pdf)]).code
    office.act(copy, "trinh_kiem_tra", actor="b", role="chuyen-vien", at=at(8, 9))
    office.act(copy, "trinh_ky", actor="l", role="truong-phong", at=at(8, 10))
    # The head decides the copy (Art. 27); an electronic copy carries the organisation's signature only.
    office.act(copy, "ky_ban_hanh", actor="anh", role="lanh-dao", at=at(8, 11), data={"da_ky_so": True})
    office.number(copy, actor="vt", at=at(8, 14))
    assert office.record(copy).code == "01/SY-UBND"
    assert [n.document for n in office.documents.numbers(SeriesKey(COMMUNE.code, 2026, "sao"))] == [copy]
    assert office.documents.last_number(SeriesKey(COMMUNE.code, 2026, "van-ban")) == 1
    seal_copy(office, copy, pki.identity("seal"), actor="vt", at=at(8, 14, 5))
    signed = office.file(copy, "ban-sao.pdf")
    verdict = verify_pdf(signed, [pki.root_certificate])
    assert verdict.ok, verdict.problem
    (tmp_path / "copy.pdf").write_bytes(signed)
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "copy.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "SAO Y; Ủy ban nhân dân xã Tân Phú" in text
    assert "01/SY-UBND; 2" in text
    assert office.store.load(copy).state == "phat_hanh"
    office.store.close()
