"""What a desk runs (issue 16 §1, §3): strict mode loads only approved, unaltered revisions;
each dossier keeps the digest of its revision, and a revision changed in place after dossiers
began is refused, naming it and them; hostile input is one line, a non-zero exit, nothing written."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from isoflow.cli.main import main
from isoflow.control.canonical import digest
from isoflow.control.runnable import content_digests
from isoflow.control.seal import seal
from isoflow.errors import NotApproved, RevisionChanged, StoreCopied
from isoflow.loading.parser import read_bytes
from isoflow.signing import load_roots
from isoflow.store import open_store
from isoflow.workspace import load_runnable, open_desk
from tests.control.conftest import SEAL, Authority, approve_all
from tests.store._helpers import raw

DKKD = "dang-ky-thanh-lap-doanh-nghiep.xml"
CLERK = "cong-chuc-mot-cua"
NAME = "QT-DKKD-01 lần ban hành 01"


@pytest.fixture(scope="module")
def approved(tmp_path_factory: pytest.TempPathFactory, authority: Authority) -> Path:
    """The shipped catalogue, every procedure signed by the approver it names (a test key)."""
    folder = tmp_path_factory.mktemp("approved") / "processes"
    shutil.copytree(Path(__file__).resolve().parents[2] / "processes", folder)
    approve_all(folder, authority)
    return folder


@pytest.fixture
def processes(approved: Path, tmp_path: Path) -> Path:
    """A copy of the approved catalogue to spoil."""
    target = tmp_path / "processes"
    shutil.copytree(approved, target)
    return target


def _dossier(processes: Path, db: str, *options: str, at: str = "2026-03-02 09:00") -> Result:
    return CliRunner().invoke(main, ["dossier", "--db", db, "--processes", str(processes), *options, "receive",
                                     "QT-DKKD-01", "--unit", "H56", "--actor", "le.an", "--role", CLERK, "--at", at,
                                     "--applicant", "ho_ten=Nguyễn Thị Mai"])


def _refused(result: Result) -> str:
    """Exit 1, one line on stderr, no traceback."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _strict(authority: Authority) -> tuple[str, ...]:
    return ("--strict", "--trust", str(authority.root))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- strict mode --------------------------------------------------------------------------------


def test_strict_mode_runs_the_approved_catalogue(processes: Path, tmp_path: Path, authority: Authority) -> None:
    result = _dossier(processes, f"sqlite:///{tmp_path / 'x.db'}", *_strict(authority))
    assert result.exit_code == 0, result.output
    assert "H56-260302-0001" in result.stdout


def test_strict_mode_needs_a_trust_root(processes: Path, tmp_path: Path) -> None:
    result = _dossier(processes, f"sqlite:///{tmp_path / 'x.db'}", "--strict")
    assert result.exit_code == 2
    assert "Error: --strict needs --trust ROOT.pem" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_an_unapproved_revision_is_not_loaded(processes: Path, tmp_path: Path, authority: Authority) -> None:
    (processes / f"{DKKD}.sig").unlink()
    line = _refused(_dossier(processes, f"sqlite:///{tmp_path / 'x.db'}", *_strict(authority)))
    assert line == (f"isoflow: {NAME} ({processes / DKKD}) is not an approved revision (unsigned): the revision has "
                    "no approval signature; strict mode runs only approved, unaltered revisions")
    assert not (tmp_path / "x.db").exists()  # nothing written
    # without strict mode the clerk can still work on it
    assert _dossier(processes, f"sqlite:///{tmp_path / 'x.db'}").exit_code == 0


def test_an_altered_signed_definition_is_not_loaded(processes: Path, tmp_path: Path, authority: Authority) -> None:
    _edit(processes / DKKD, '<state id="tham_dinh" budget="2d">', '<state id="tham_dinh" budget="1d">')
    line = _refused(_dossier(processes, f"sqlite:///{tmp_path / 'x.db'}", *_strict(authority)))
    assert line == (f"isoflow: {NAME} ({processes / DKKD}) is not an approved revision (changed): the file was "
                    "changed after it was approved (its canonical form is not the one signed); strict mode runs "
                    "only approved, unaltered revisions")
    assert not (tmp_path / "x.db").exists()


def test_a_changed_shared_flow_is_not_loaded(processes: Path, tmp_path: Path, authority: Authority) -> None:
    _edit(processes / "mot-cua-chung.xml", "<title>Luồng một cửa", "<title>Luồng một cửa (sửa)")
    line = _refused(_dossier(processes, f"sqlite:///{tmp_path / 'x.db'}", *_strict(authority)))
    assert "is not an approved revision (flow-changed): the shared flow MC-CHUNG was changed after this revision " \
           "was approved" in line


def test_a_signature_by_a_key_not_in_the_trust_list(processes: Path, tmp_path: Path, authority: Authority,
                                                    foreign: Authority) -> None:
    from isoflow.control import approve

    # signed in the approver's name, by a certificate another authority issued
    approve(processes / DKKD, foreign.identity("Vũ Đức Thắng"), flow=processes / "mot-cua-chung.xml")
    line = _refused(_dossier(processes, f"sqlite:///{tmp_path / 'x.db'}", *_strict(authority)))
    assert line.startswith(f"isoflow: {NAME} ({processes / DKKD}) is not an approved revision (untrusted): ")
    assert not (tmp_path / "x.db").exists()


def test_a_definition_signed_for_another_code_or_revision(processes: Path, tmp_path: Path,
                                                          authority: Authority) -> None:
    shutil.copyfile(processes / "dang-ky-khai-sinh.xml.sig", processes / f"{DKKD}.sig")
    line = _refused(_dossier(processes, f"sqlite:///{tmp_path / 'x.db'}", *_strict(authority)))
    assert "is not an approved revision (other-document): the signature approves QT-HT-01 revision" in line
    assert not (tmp_path / "x.db").exists()


def test_strict_mode_at_the_library_edge(processes: Path, tmp_path: Path, authority: Authority,
                                         foreign: Authority) -> None:
    from isoflow.workspace import open_engine

    assert open_engine([processes], trust_roots=authority.roots).process_for("QT-DKKD-01", datetime(2026, 3, 2).date())
    with pytest.raises(NotApproved, match="is not an approved revision \\(untrusted\\)"):
        open_engine([processes], trust_roots=foreign.roots)
    with pytest.raises(NotApproved, match="strict mode needs the agency's trusted root certificate"):
        open_engine([processes], trust_roots=[])


# -- the digest each dossier started on ------------------------------------------------------------


def test_each_dossier_keeps_the_digest_of_its_revision(processes: Path, store_url: str) -> None:
    desk = open_desk([processes], store_url)
    try:
        received = desk.receive("QT-DKKD-01", unit="H56", channel="in_person", applicant={"ho_ten": "Nguyễn Thị Mai"},
                                data={}, actor="le.an", role=CLERK, at=datetime(2026, 3, 2, 9, 0))
        own = digest(read_bytes(processes / DKKD))
        flow = digest(read_bytes(processes / "mot-cua-chung.xml"))
        import hashlib
        expected = hashlib.sha256(f"{own}\nMC-CHUNG:{flow}".encode()).hexdigest()
        assert raw(desk.store, "SELECT process_code, revision, digest, dossier FROM started_on") == \
            [("QT-DKKD-01", 1, expected, received.code)]
    finally:
        desk.store.close()


def test_a_revision_changed_after_dossiers_began_is_refused(processes: Path, store_url: str) -> None:
    desk = open_desk([processes], store_url)
    codes = []
    try:
        for hour in (9, 10):
            codes.append(desk.receive("QT-DKKD-01", unit="H56", channel="in_person", applicant={"ho_ten": "Mai"},
                                      data={}, actor="le.an", role=CLERK, at=datetime(2026, 3, 2, hour, 0)).code)
    finally:
        desk.store.close()
    # edited in place, under the same revision number: the appraisal step's budget halved
    _edit(processes / DKKD, '<state id="tham_dinh" budget="2d">', '<state id="tham_dinh" budget="1d">')
    with pytest.raises(RevisionChanged) as refused:
        open_desk([processes], store_url)
    assert str(refused.value) == (
        f"{NAME} ({processes / DKKD}) is not the content its dossiers started on: it was changed in place after 2 "
        f"dossier(s) began ({codes[0]}, {codes[1]}); restore the approved text, or issue the change as a new revision")
    store = open_store(store_url, create=False)
    try:
        assert raw(store, "SELECT count(*) FROM events") == [(2,)]  # nothing written
    finally:
        store.close()
    # the text restored, the desk opens again
    _edit(processes / DKKD, '<state id="tham_dinh" budget="1d">', '<state id="tham_dinh" budget="2d">')
    open_desk([processes], store_url).store.close()


def test_the_clerk_sees_one_line_naming_the_revision_and_dossiers(processes: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert _dossier(processes, db).exit_code == 0
    _edit(processes / DKKD, '<state id="tham_dinh" budget="2d">', '<state id="tham_dinh" budget="1d">')
    line = _refused(_dossier(processes, db, at="2026-03-02 10:00"))
    assert line == (f"isoflow: {NAME} ({processes / DKKD}) is not the content its dossiers started on: it was changed "
                    "in place after 1 dossier(s) began (H56-260302-0001); restore the approved text, or issue the "
                    "change as a new revision")


def test_content_digests_name_each_procedure_and_its_flow(processes: Path) -> None:
    revisions = {r.code: r for r in content_digests(load_runnable([processes]))}
    assert revisions["QT-DKKD-01"].flow == str(processes / "mot-cua-chung.xml")
    assert len({r.digest for r in revisions.values()}) == len(revisions)  # each its own


# -- a store copied between agencies ------------------------------------------------------------------


def test_a_store_sealed_by_another_agency_is_not_opened_strictly(processes: Path, tmp_path: Path,
                                                                 authority: Authority, foreign: Authority) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert _dossier(processes, db).exit_code == 0
    store = open_store(db)
    try:
        seal(store, foreign.identity("Ủy ban nhân dân xã Hòa Bình"))
        before = raw(store, "SELECT count(*) FROM events")
    finally:
        store.close()
    line = _refused(_dossier(processes, db, *_strict(authority), at="2026-03-02 10:00"))
    assert line.startswith("isoflow: the store's checkpoint 1 is signed by Ủy ban nhân dân xã Hòa Bình "
                           "(Ủy ban nhân dân xã Hòa Bình), whom the trust list does not vouch for")
    store = open_store(db, create=False)
    try:
        assert raw(store, "SELECT count(*) FROM events") == before
    finally:
        store.close()
    with pytest.raises(StoreCopied):
        open_desk([processes], db, trust_roots=load_roots([authority.root]))


def test_seal_and_verify_from_the_command_line(processes: Path, tmp_path: Path, authority: Authority) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert _dossier(processes, db).exit_code == 0
    key = authority.p12(SEAL)
    secret = tmp_path / "pass"
    from tests.control.conftest import PASSPHRASE
    secret.write_text(PASSPHRASE, encoding="utf-8")
    sealed = CliRunner().invoke(main, ["seal", "--db", db, "--key", str(key), "--passphrase-file", str(secret)])
    assert sealed.exit_code == 0, sealed.output
    assert sealed.stdout == f"checkpoint 1: the ledger sealed up to #1, signed by {SEAL} ({SEAL})\n"
    again = CliRunner().invoke(main, ["seal", "--db", db, "--key", str(key), "--passphrase-file", str(secret),
                                      "--every", "10"])
    assert again.stdout == "not sealed: fewer than 10 event(s) since the last checkpoint (the ledger is at #1)\n"
    verify = ["dossier", "--db", db, "--processes", str(processes), "verify", "--trust", str(authority.root)]
    result = CliRunner().invoke(main, verify)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"ledger: 1 checkpoint(s) signed by {SEAL} ({SEAL}), sealed up to #1 of #1",
        "verified: event chains, dossier rows and code sequences: no problems found."]
    store = open_store(db, create=False)
    try:
        raw(store, "UPDATE checkpoints SET upto = 0")
    finally:
        store.close()
    result = CliRunner().invoke(main, verify)
    assert result.exit_code == 1
    assert "ledger: checkpoint 1 does not match what was signed (upto)" in result.stdout.splitlines()


def test_validate_names_a_revision_changed_under_the_same_number(processes: Path, tmp_path: Path) -> None:
    """Q005 from the approval beside the file, and from the digests a store's dossiers started on."""
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert _dossier(processes, db).exit_code == 0
    clean = CliRunner().invoke(main, ["validate", str(processes / DKKD), "--select", "Q005", "--db", db])
    assert clean.exit_code == 0, clean.output
    _edit(processes / DKKD, '<state id="tham_dinh" budget="2d">', '<state id="tham_dinh" budget="1d">')
    result = CliRunner().invoke(main, ["validate", str(processes / DKKD), "--select", "Q005", "--db", db])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    approval, store = sorted(lines[:2], key=lambda line: "dossier(s) in the store" in line)
    assert "Q005 revision-changed: revision 1 of QT-DKKD-01 was approved by Vũ Đức Thắng on 2025-12-25 " \
           f"({DKKD}.sig) with content " in approval
    assert store.endswith("Q005 revision-changed: 1 dossier(s) in the store started on other content of revision 1 "
                             "of QT-DKKD-01 (H56-260302-0001): changed under the same revision number (number the "
                             'change revision="2" with its <change> entry and have it approved, or restore the text '
                             "they started on)")


def test_a_checkpoint_that_does_not_match_stops_a_strict_desk(processes: Path, tmp_path: Path,
                                                              authority: Authority) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert _dossier(processes, db).exit_code == 0
    store = open_store(db)
    try:
        seal(store, authority.identity(SEAL))
        raw(store, "UPDATE checkpoints SET root = %s", ("0" * 64,))  # the row no longer says what was signed
    finally:
        store.close()
    line = _refused(_dossier(processes, db, *_strict(authority), at="2026-03-02 10:00"))
    assert line == "isoflow: the store's checkpoint 1 does not match what was signed (root)"
    store = open_store(db, create=False)
    try:
        assert raw(store, "SELECT count(*) FROM events") == [(1,)]  # nothing written
    finally:
        store.close()


def test_isoflow_seal_refuses_a_store_another_agency_sealed(processes: Path, tmp_path: Path, authority: Authority,
                                                            foreign: Authority) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert _dossier(processes, db).exit_code == 0
    store = open_store(db)
    try:
        seal(store, foreign.identity("Ủy ban nhân dân xã Hòa Bình"))
    finally:
        store.close()
    assert _dossier(processes, db, at="2026-03-02 10:00").exit_code == 0  # one more event to seal
    secret = tmp_path / "pass"
    from tests.control.conftest import PASSPHRASE
    secret.write_text(PASSPHRASE, encoding="utf-8")
    result = CliRunner().invoke(main, ["seal", "--db", db, "--key", str(authority.p12(SEAL)), "--passphrase-file",
                                       str(secret)])
    assert _refused(result) == ("isoflow: the store's checkpoints are signed by Ủy ban nhân dân xã Hòa Bình, not by "
                                "Ủy ban nhân dân xã Tân Phú: it was copied from another agency, and is not sealed "
                                "with this key")
    store = open_store(db, create=False)
    try:
        assert raw(store, "SELECT count(*) FROM checkpoints") == [(1,)]
    finally:
        store.close()
