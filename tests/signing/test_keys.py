"""Keys: a PKCS#12 file or a PKCS#11 token (SoftHSM2), and every way opening one fails, in one line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from isoflow.errors import CertificateExpired, KeyNotFound, SigningError, TokenNotFound, WrongPassphrase
from isoflow.signing import load_pkcs12, open_token
from isoflow.signing.softhsm import Token
from isoflow.signing.testing import PKI
from isoflow.signing.token import TokenRSAKey


def test_a_pkcs12_file_gives_the_person_and_the_chain(pki: PKI) -> None:
    identity = load_pkcs12(pki.people["signer"].p12, pki.passphrase)
    assert (identity.name, identity.organisation) == ("Nguyễn Văn Ánh", "Ủy ban nhân dân xã Tân Phú")
    assert {c.subject.rfc4514_string() for c in identity.chain} == {
        "CN=isoflow Test Issuing CA,C=VN", "CN=isoflow Test Root CA,C=VN"}
    assert isinstance(identity.key, rsa.RSAPrivateKey)


def test_a_wrong_passphrase_is_one_line(pki: PKI) -> None:
    with pytest.raises(WrongPassphrase, match=r"^the passphrase of signer.p12 is wrong$"):
        load_pkcs12(pki.people["signer"].p12, "sai-mat-khau")


def test_a_file_that_is_not_pkcs12_is_told_apart_from_a_wrong_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "khoa.p12"
    path.write_bytes(b"-----BEGIN CERTIFICATE-----\nnot a key\n")
    with pytest.raises(SigningError, match="is not a PKCS#12 key file") as raised:
        load_pkcs12(path, "x")
    assert not isinstance(raised.value, WrongPassphrase)
    with pytest.raises(SigningError, match="cannot read the key file"):
        load_pkcs12(tmp_path / "missing.p12", "x")


def test_an_expired_certificate_cannot_sign_and_says_since_when(pki: PKI) -> None:
    expired = pki.people["expired"].certificate
    with pytest.raises(CertificateExpired, match=r"^the certificate of Lê Thị Hết Hạn expired on \d{4}-\d\d-\d\d"):
        load_pkcs12(pki.people["expired"].p12, pki.passphrase)
    # ... and it was valid while it was: the check is at a moment
    assert load_pkcs12(pki.people["expired"].p12, pki.passphrase,
                       at=expired.not_valid_before_utc + timedelta(days=1)).name == "Lê Thị Hết Hạn"
    with pytest.raises(CertificateExpired, match="is valid only from"):
        load_pkcs12(pki.people["signer"].p12, pki.passphrase,
                    at=pki.people["signer"].certificate.not_valid_before_utc - timedelta(days=1))


def test_a_token_gives_the_person_with_a_key_that_stays_on_it(token: Token) -> None:
    with token.identity("signer") as identity:
        assert identity.name == "Nguyễn Văn Ánh"
        assert [c.subject.rfc4514_string() for c in identity.chain] == ["CN=isoflow Test Issuing CA,C=VN"]
        key = identity.key
        assert isinstance(key, TokenRSAKey)
        signature = key.sign(b"van ban", padding.PKCS1v15(), hashes.SHA256())
        identity.certificate.public_key().verify(signature, b"van ban", padding.PKCS1v15(), hashes.SHA256())
        with pytest.raises(SigningError, match="cannot export"):
            key.private_numbers()
        with pytest.raises(SigningError, match=r"PKCS#1 v1\.5 and SHA-256/384/512 only"):
            key.sign(b"x", padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256())


def test_two_identities_share_one_login_on_a_token(token: Token) -> None:
    with token.identity("signer") as signer, token.identity("seal") as seal:
        assert (signer.name, seal.name) == ("Nguyễn Văn Ánh", "Ủy ban nhân dân xã Tân Phú")
        with pytest.raises(WrongPassphrase):  # the PIN is still checked while the token is logged in
            open_token(token.module, token.label, "000000", "seal")
    with token.identity("seal") as again:  # everything was closed: a fresh login works
        assert again.name == "Ủy ban nhân dân xã Tân Phú"


@pytest.mark.parametrize(("label", "pin", "key", "error", "message"), [
    ("khong-co", None, "signer", TokenNotFound,
     r"^no token labelled 'khong-co' is plugged in \(found: isoflow-test\)$"),
    (None, "000000", "signer", WrongPassphrase, r"refused the PIN \(a token locks itself after a few wrong PINs\)$"),
    (None, None, "nobody", KeyNotFound, r"^the token has no certificate labelled 'nobody'$"),
])
def test_token_failures_are_one_line(token: Token, label: str | None, pin: str | None, key: str,
                                     error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        open_token(token.module, label or token.label, pin or token.pin, key)


def test_a_missing_token_driver_is_named(tmp_path: Path) -> None:
    with pytest.raises(TokenNotFound, match=r"no PKCS#11 module at .*vendor\.so; install the token's driver"):
        open_token(tmp_path / "vendor.so", "token", "1234", "key")
