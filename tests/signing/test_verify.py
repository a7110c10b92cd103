"""Verdicts: valid, tampered (a byte, an unsigned update), changed after the last signature,
expired, untrusted, unsigned; a file or a root that cannot be read is an error, not a verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from isoflow.errors import VerificationError
from isoflow.signing import Box, Identity, Status, load_roots, sign_as_signer, sign_document, verify_pdf
from isoflow.signing.testing import PKI, append_unsigned_update, flip_signed_byte


@pytest.fixture(scope="module")
def signed(pki: PKI, document: tuple[bytes, Box], images: tuple[bytes, bytes]) -> bytes:
    return sign_document(document[0], pki.identity("signer"), pki.identity("seal"), signature_image=images[0],
                         seal_image=images[1], where=document[1])


def test_an_unsigned_file_is_unsigned(document: tuple[bytes, Box], trusted: list[x509.Certificate]) -> None:
    verdict = verify_pdf(document[0], trusted)
    assert (verdict.status, verdict.signatures, verdict.problem) == (Status.UNSIGNED, (), "the file has no signature")
    assert not verdict.ok


def test_one_changed_byte_is_tampering(signed: bytes, trusted: list[x509.Certificate]) -> None:
    verdict = verify_pdf(flip_signed_byte(signed), trusted)
    assert verdict.status is Status.TAMPERED
    assert verdict.problem == "ChuKyNguoiKy: the signed content was changed (its digest no longer matches)"
    assert all(not s.intact for s in verdict.signatures)


def test_new_content_in_an_unsigned_update_is_tampering(signed: bytes, trusted: list[x509.Certificate]) -> None:
    verdict = verify_pdf(append_unsigned_update(signed), trusted)
    assert verdict.status is Status.TAMPERED
    assert all(s.intact and s.modification == "OTHER" for s in verdict.signatures)
    assert "changed after this signature in a way a signature does not allow" in verdict.problem


def test_an_allowed_change_after_the_last_signature_still_fails_the_file(
        signed: bytes, trusted: list[x509.Certificate]) -> None:
    verdict = verify_pdf(append_unsigned_update(signed, content=False), trusted)
    assert verdict.status is Status.MODIFIED
    assert all(s.status is Status.VALID for s in verdict.signatures)
    assert verdict.problem == "the file was changed after the last signature (form filling)"


def test_an_expired_certificate(pki: PKI, document: tuple[bytes, Box], trusted: list[x509.Certificate]) -> None:
    verdict = verify_pdf(pki.sign_expired(document[0]), trusted)
    assert verdict.status is Status.EXPIRED
    assert verdict.signatures[0].signer == "Lê Thị Hết Hạn"
    assert not verdict.signatures[0].trusted


def test_a_certificate_from_another_ca_is_untrusted(pki: PKI, document: tuple[bytes, Box],
                                                    images: tuple[bytes, bytes],
                                                    trusted: list[x509.Certificate]) -> None:
    stranger = sign_as_signer(document[0], pki.identity("stranger"), signature_image=images[0], where=document[1])
    verdict = verify_pdf(stranger, trusted)
    assert verdict.status is Status.UNTRUSTED
    assert verdict.problem == "ChuKyNguoiKy: the signer's certificate does not chain to a trusted root"
    assert verdict.signatures[0].intact
    assert verdict.signatures[0].valid


def test_trusting_another_root_untrusts_a_good_file(pki: PKI, signed: bytes) -> None:
    verdict = verify_pdf(signed, load_roots([pki.other_root]))
    assert verdict.status is Status.UNTRUSTED


def test_the_json_form_has_english_keys_and_iso_times(signed: bytes, trusted: list[x509.Certificate]) -> None:
    data = json.loads(json.dumps(verify_pdf(signed, trusted).as_dict()))
    assert (data["status"], data["ok"]) == ("valid", True)
    first = data["signatures"][0]
    assert set(first) == {"field", "signer", "organisation", "signed_at", "timestamp", "intact", "valid", "trusted",
                          "chain", "coverage", "modification", "changed_after", "status", "problem"}
    assert first["signed_at"].endswith("+00:00")
    assert first["timestamp"] is None


def test_what_cannot_be_read_is_an_error(tmp_path: Path, signer: Identity, trusted: list[x509.Certificate]) -> None:
    with pytest.raises(VerificationError, match=r"^not a readable PDF"):
        verify_pdf(b"hello", trusted)
    with pytest.raises(VerificationError, match="no trust root given"):
        verify_pdf(b"%PDF-1.7", [])
    bad = tmp_path / "root.pem"
    bad.write_text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    with pytest.raises(VerificationError, match=r"root\.pem is not a certificate"):
        load_roots([bad])
    with pytest.raises(VerificationError, match=r"cannot read the trust root"):
        load_roots([tmp_path / "missing.pem"])
    der = tmp_path / "root.der"
    der.write_bytes(signer.chain[-1].public_bytes(Encoding.DER))
    assert load_roots([der]) == [signer.chain[-1]]
