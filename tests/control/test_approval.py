"""Approving a revision and checking it: the approver named in the file signs exactly its content,
and every hostile or broken signature is told apart, in one line, with nothing loaded."""

from __future__ import annotations

import base64
import re
import unicodedata
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from isoflow.control import (
    ApprovalStatus,
    approval_signature,
    approve,
    check_file,
    digest,
    load_approved,
    same_person,
    signature_path,
)
from isoflow.errors import ControlError, NotApproved, NotTheApprover
from isoflow.signing import load_roots, sign_xml, verify_xml
from isoflow.signing.testing import make_pki
from tests.control.conftest import Authority

DSIG = "{http://www.w3.org/2000/09/xmldsig#}"
APPROVER = "Lê Minh Quang"  # <approved by> of dang-ky-khai-sinh.xml, dang-ky-ket-hon.xml ...


@pytest.fixture
def approved(catalogue: Path, authority: Authority) -> Path:
    """dang-ky-khai-sinh.xml (QT-HT-01 r1, extends MC-CHUNG) approved by its approver."""
    path = catalogue / "dang-ky-khai-sinh.xml"
    approve(path, authority.identity(APPROVER), flow=catalogue / "mot-cua-chung.xml")
    return path


def _check(path: Path, authority: Authority, **more: object) -> ApprovalStatus:
    flow = path.parent / "mot-cua-chung.xml"
    return check_file(path, more.get("roots", authority.roots), flow=flow).status  # type: ignore[arg-type]


def _without_signature(signature: bytes) -> bytes:
    root = etree.fromstring(signature)
    root.remove(root.find(f"{DSIG}Signature"))
    return etree.tostring(root)


def test_the_named_approver_approves_the_exact_content(approved: Path, authority: Authority) -> None:
    approval = check_file(approved, authority.roots, flow=approved.parent / "mot-cua-chung.xml")
    assert approval.status is ApprovalStatus.APPROVED
    assert approval.ok
    assert (approval.code, approval.revision) == ("QT-HT-01", 1)
    assert approval.digest == digest(approved.read_bytes())
    assert approval.signer == APPROVER
    assert approval.approver == APPROVER
    statement = approval.statement
    assert statement is not None
    assert (statement.flow_code, statement.flow_revision) == ("MC-CHUNG", 1)
    assert statement.flow_digest == digest((approved.parent / "mot-cua-chung.xml").read_bytes())
    assert signature_path(approved) == approved.with_name("dang-ky-khai-sinh.xml.sig")
    definition, again = load_approved(approved, authority.roots)
    assert definition.code == "QT-HT-01"
    assert again.digest == approval.digest


def test_the_file_as_another_checkout_writes_it_is_still_approved(approved: Path, authority: Authority) -> None:
    data = approved.read_bytes().replace(b"\n", b"\r\n")
    approved.write_bytes(data.replace(b'<?xml version="1.0" encoding="UTF-8"?>', b"<?xml version='1.0'?>", 1))
    assert _check(approved, authority) is ApprovalStatus.APPROVED


def test_a_certificate_spelling_the_name_otherwise_is_the_same_person(catalogue: Path, authority: Authority) -> None:
    decomposed = unicodedata.normalize("NFD", APPROVER.upper())
    assert decomposed != APPROVER.upper()
    assert same_person(decomposed, APPROVER)
    assert not same_person("", "")
    path = catalogue / "dang-ky-ket-hon.xml"
    approve(path, authority.identity(decomposed), flow=catalogue / "mot-cua-chung.xml")
    assert _check(path, authority) is ApprovalStatus.APPROVED


def test_only_the_named_approver_may_approve(catalogue: Path, authority: Authority) -> None:
    path = catalogue / "dang-ky-khai-sinh.xml"
    with pytest.raises(NotTheApprover, match="the approver is Lê Minh Quang, but the key belongs to Trần Văn Nam"):
        approve(path, authority.identity("Trần Văn Nam"), flow=catalogue / "mot-cua-chung.xml")
    assert not signature_path(path).exists()


def test_a_flow_or_a_file_without_an_approver_cannot_be_approved(catalogue: Path, authority: Authority) -> None:
    with pytest.raises(ControlError, match="a shared flow has no document control"):
        approve(catalogue / "mot-cua-chung.xml", authority.identity(APPROVER))
    path = catalogue / "dang-ky-khai-sinh.xml"
    with pytest.raises(ControlError, match="extends the flow MC-CHUNG, which was not given"):
        approve(path, authority.identity(APPROVER))
    with pytest.raises(ControlError, match="extends the flow MC-CHUNG, but was given QT-HT-02"):
        approve(path, authority.identity(APPROVER), flow=catalogue / "dang-ky-ket-hon.xml")


def test_an_altered_signed_definition_is_not_approved(approved: Path, authority: Authority) -> None:
    approved.write_bytes(approved.read_bytes().replace(b'budget="3h"', b'budget="2h"', 1))
    approval = check_file(approved, authority.roots)
    assert approval.status is ApprovalStatus.CHANGED
    assert approval.problem == "the file was changed after it was approved (its canonical form is not the one signed)"
    assert approval.digest == digest(approved.read_bytes())  # the file's own, not the signed one
    with pytest.raises(NotApproved, match=r"not an approved revision \(changed\)") as error:
        load_approved(approved, authority.roots)
    assert "\n" not in str(error.value)
    assert error.value.approval == approval


def test_a_signature_for_another_code_or_revision_is_not_approval(approved: Path, authority: Authority) -> None:
    other = approved.parent / "dang-ky-ket-hon.xml"  # QT-HT-02, same approver
    signature_path(other).write_bytes(signature_path(approved).read_bytes())
    approval = check_file(other, authority.roots)
    assert approval.status is ApprovalStatus.OTHER_DOCUMENT
    assert approval.problem == "the signature approves QT-HT-01 revision 1, not QT-HT-02 revision 1"
    # The same file as revision 2: the approval of revision 1 does not carry over.
    approved.write_bytes(approved.read_bytes().replace(b'revision="1" effective', b'revision="2" effective', 1))
    assert _check(approved, authority) is ApprovalStatus.OTHER_DOCUMENT


def test_a_key_no_trust_root_vouches_for_is_not_approval(catalogue: Path, authority: Authority,
                                                         foreign: Authority) -> None:
    path = catalogue / "dang-ky-khai-sinh.xml"
    approve(path, foreign.identity(APPROVER), flow=catalogue / "mot-cua-chung.xml")  # the right name, wrong CA
    approval = check_file(path, authority.roots)
    assert approval.status is ApprovalStatus.UNTRUSTED
    assert "does not chain to a trusted root" in approval.problem
    assert _check(path, authority, roots=authority.roots + foreign.roots) is ApprovalStatus.APPROVED


def test_a_signature_by_someone_other_than_the_approver_is_not_approval(approved: Path, authority: Authority) -> None:
    # The statement names the approver and the right digest, but another trusted person signed it.
    statement = _without_signature(signature_path(approved).read_bytes())
    signature_path(approved).write_bytes(sign_xml(statement, authority.identity("Trần Văn Nam")))
    approval = check_file(approved, authority.roots)
    assert approval.status is ApprovalStatus.OTHER_SIGNER
    assert approval.signer == "Trần Văn Nam"
    assert approval.problem == "signed by Trần Văn Nam, but the approver named in the file is Lê Minh Quang"


def test_listing_the_approvers_certificate_first_does_not_make_a_signature_theirs(catalogue: Path,
                                                                                  tmp_path: Path) -> None:
    # signxml tries the KeyInfo certificates in both orders: a signature made with a key trusted
    # through another CA, listing the approver's certificate first (without its issuing CA), was
    # reported as the approver's.  The kit's signer (root > issuing CA > person) is the approver.
    pki = make_pki(tmp_path / "pki")
    approver = pki.people["signer"].certificate
    name = "Nguyễn Văn Ánh"
    path = catalogue / "dang-ky-khai-sinh.xml"
    path.write_bytes(path.read_bytes().replace(APPROVER.encode(), name.encode(), 1))
    signed = approval_signature(path.read_bytes(), pki.identity("signer"), name=path.name,
                                flow=(catalogue / "mot-cua-chung.xml").read_bytes())
    forged = etree.fromstring(sign_xml(_without_signature(signed), pki.identity("stranger")))
    data = forged.find(f".//{DSIG}X509Data")
    first = etree.Element(f"{DSIG}X509Certificate")
    first.text = base64.b64encode(approver.public_bytes(Encoding.DER)).decode()
    data.insert(0, first)
    forgery = etree.tostring(forged)
    roots = load_roots([pki.root, pki.other_root])
    verdict = verify_xml(forgery, roots)
    assert verdict.signer == "Trần Văn Lạ"  # who really signed
    signature_path(path).write_bytes(forgery)
    approval = check_file(path, roots)
    assert approval.status is ApprovalStatus.OTHER_SIGNER
    signature_path(path).write_bytes(signed)
    assert check_file(path, roots).status is ApprovalStatus.APPROVED


def test_an_altered_statement_breaks_the_signature(approved: Path, authority: Authority) -> None:
    sig = signature_path(approved)
    sig.write_bytes(sig.read_bytes().replace(b'revision="1"', b'revision="2"', 1))
    approval = check_file(approved, authority.roots)
    assert approval.status is ApprovalStatus.INVALID
    assert approval.problem == "the signed XML was changed after signing"


def test_a_flow_changed_after_approval_is_told(approved: Path, authority: Authority) -> None:
    flow = approved.parent / "mot-cua-chung.xml"
    flow.write_bytes(flow.read_bytes().replace(b'budget="', b'budget="1', 1))
    approval = check_file(approved, authority.roots, flow=flow)
    assert approval.status is ApprovalStatus.FLOW_CHANGED
    assert approval.problem == "the shared flow MC-CHUNG was changed after this revision was approved"
    assert check_file(approved, authority.roots).ok  # the file itself is the one approved


@pytest.mark.parametrize(("content", "why"), [
    (lambda s: s[: len(s) // 2], "the signature file is unreadable: not well-formed XML"),
    (lambda s: b"", "the signature file is unreadable: not well-formed XML"),
    (lambda s: b"\x00\xff garbage", "the signature file is unreadable"),
    (lambda s: s.replace(b"<approval", b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><approval', 1),
     "DOCTYPE"),
    (lambda s: b'<!DOCTYPE a [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><a>&b;</a>', "DOCTYPE"),
    (lambda s: b"<a/>" + b" " * (300 * 1024), "larger than 256 KiB"),
    (lambda s: _without_signature(s), "the signature file is unreadable|the XML has no signature"),
    (lambda s: b'<approval xmlns="urn:isoflow:approval:1" version="1"/>', "the XML has no signature"),
], ids=["truncated", "empty", "garbage", "external-entity", "billion-laughs", "huge", "signature-removed",
        "no-signature"])
def test_a_malformed_signature_file_is_refused_in_one_line(approved: Path, authority: Authority, content: object,
                                                           why: str) -> None:
    sig = signature_path(approved)
    sig.write_bytes(content(sig.read_bytes()))  # type: ignore[operator]
    approval = check_file(approved, authority.roots)
    assert approval.status is ApprovalStatus.MALFORMED
    assert "\n" not in approval.problem
    assert re.search(why, approval.problem), approval.problem
    with pytest.raises(NotApproved, match=r"\(malformed\)"):
        load_approved(approved, authority.roots)


def test_a_signed_document_that_is_not_an_approval_is_refused(approved: Path, authority: Authority) -> None:
    signature_path(approved).write_bytes(sign_xml(b"<other/>", authority.identity(APPROVER)))
    approval = check_file(approved, authority.roots)
    assert approval.status is ApprovalStatus.MALFORMED
    assert approval.problem == ("the signature file is not an approval: it is not an isoflow approval "
                                "(urn:isoflow:approval:1, version 1)")


def test_unsigned_and_unverified(catalogue: Path, approved: Path) -> None:
    unsigned = check_file(catalogue / "dang-ky-ket-hon.xml", [])
    assert unsigned.status is ApprovalStatus.UNSIGNED
    assert unsigned.digest == digest((catalogue / "dang-ky-ket-hon.xml").read_bytes())
    unverified = check_file(approved, [])
    assert unverified.status is ApprovalStatus.UNVERIFIED
    assert not unverified.ok
    with pytest.raises(NotApproved, match="no trust root given"):
        load_approved(approved, [])


def test_approving_again_replaces_the_signature_whole(approved: Path, authority: Authority) -> None:
    before = signature_path(approved).read_bytes()
    approve(approved, authority.identity(APPROVER), flow=approved.parent / "mot-cua-chung.xml")
    assert signature_path(approved).read_bytes() != before
    assert [p.name for p in approved.parent.glob("*.partial")] == []
    assert _check(approved, authority) is ApprovalStatus.APPROVED
