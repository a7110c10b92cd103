"""Who signs: a key and its certificate, from a PKCS#12 file or a PKCS#11 token.

A Vietnamese official signs with a personal key, and the Văn thư with the organisation's
"seal" key (Circular 41/2017, research documents.md §3.1); both usually live on a USB token
(PKCS#11), sometimes in a ``.p12`` file.  Either way the caller gets one :class:`Identity`
that signs PDFs (pyHanko's ``Signer``) and XML (a ``cryptography`` private key, which is what
signxml takes).  A token's key never leaves the token: :mod:`isoflow.signing.token` gives a
key object whose ``sign`` runs on the token.

The certificate is checked before anything is signed: a signature made with an expired
certificate is worthless, and finding out at verification is too late.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
from pyhanko.sign.signers import Signer, SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from isoflow.errors import CertificateExpired, KeyNotFound, SigningError, WrongPassphrase

__all__ = ["Identity", "LoadedKeySigner", "SigningKey", "check_validity", "common_name", "load_pkcs12",
           "organisation_name"]

#: The key types isoflow signs with (RSA on every Vietnamese token seen so far; EC for tests).
SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True, eq=False)
class Identity:
    """A signer: certificate, the certificates that came with it, and a key that signs.

    ``key`` is a ``cryptography`` private key (for XML-DSig); ``pdf_signer`` is pyHanko's
    signer for the same key.  An identity from a token holds a session open: use it in a
    ``with`` block (or call :meth:`close`); one from a file has nothing to close.
    """

    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    key: SigningKey
    pdf_signer: Signer
    closer: Callable[[], None] = field(default=lambda: None, repr=False)

    @property
    def name(self) -> str:
        """The subject's common name (CN): the person, or the organisation for a seal key."""
        return common_name(self.certificate)

    @property
    def organisation(self) -> str:
        """The subject's organisation (O), or ``""``."""
        return organisation_name(self.certificate)

    def close(self) -> None:
        """Log out of the token and close its session (nothing for a file)."""
        self.closer()

    def __enter__(self) -> Identity:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def common_name(certificate: x509.Certificate) -> str:
    """The subject CN of a certificate, or its whole subject when it has none."""
    return _attribute(certificate.subject, NameOID.COMMON_NAME) or certificate.subject.rfc4514_string()


def organisation_name(certificate: x509.Certificate) -> str:
    """The subject O of a certificate, or ``""``."""
    return _attribute(certificate.subject, NameOID.ORGANIZATION_NAME)


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def check_validity(certificate: x509.Certificate, at: datetime | None = None) -> None:
    """Refuse a certificate that is not valid at ``at`` (default now): :class:`CertificateExpired`."""
    moment = (at or datetime.now(UTC)).astimezone(UTC)
    if moment > certificate.not_valid_after_utc:
        raise CertificateExpired(f"the certificate of {common_name(certificate)} expired on "
                                 f"{certificate.not_valid_after_utc:%Y-%m-%d}; it can no longer sign")
    if moment < certificate.not_valid_before_utc:
        raise CertificateExpired(f"the certificate of {common_name(certificate)} is valid only from "
                                 f"{certificate.not_valid_before_utc:%Y-%m-%d %H:%M} UTC")


def load_pkcs12(path: str | Path, passphrase: str | bytes | None, *, at: datetime | None = None) -> Identity:
    """The identity in a PKCS#12 file (``.p12`` / ``.pfx``), checked valid at ``at`` (default now).

    Raises :class:`WrongPassphrase`, :class:`KeyNotFound` (a file holding no key or no
    certificate), :class:`CertificateExpired`, or :class:`SigningError` (unreadable, not PKCS#12).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SigningError(f"cannot read the key file {path}: {error.strerror or error}") from None
    secret = passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase
    try:
        key, certificate, others = pkcs12.load_key_and_certificates(data, secret)
    except ValueError:
        # cryptography says the same for a wrong passphrase and for garbage: tell them apart
        # by whether the bytes are a PKCS#12 structure at all.
        if _is_pkcs12(data):
            raise WrongPassphrase(f"the passphrase of {path.name} is wrong") from None
        raise SigningError(f"{path.name} is not a PKCS#12 key file (.p12/.pfx)") from None
    if key is None or certificate is None:
        raise KeyNotFound(f"{path.name} holds no {'private key' if key is None else 'certificate'}")
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise SigningError(f"{path.name} holds a {type(key).__name__}; isoflow signs with RSA or EC keys")
    if key.public_key() != certificate.public_key():
        raise KeyNotFound(f"the private key in {path.name} does not belong to its certificate")
    check_validity(certificate, at)
    return Identity(certificate, tuple(others), key, simple_signer(certificate, key, others))


def _is_pkcs12(data: bytes) -> bool:
    try:
        asn1_pkcs12.Pfx.load(data, strict=True)["auth_safe"].native  # noqa: B018 - parse it all
    except (ValueError, TypeError, KeyError):
        return False
    return True


def simple_signer(certificate: x509.Certificate, key: SigningKey, others: list[x509.Certificate]) -> Signer:
    """pyHanko's in-memory signer for a key held in this process."""
    registry = SimpleCertificateStore()
    registry.register_multiple([translate_pyca_cryptography_cert_to_asn1(c) for c in others])
    return LoadedKeySigner(key, signing_cert=translate_pyca_cryptography_cert_to_asn1(certificate),
                           signing_key=translate_pyca_cryptography_key_to_asn1(key), cert_registry=registry)


class LoadedKeySigner(SimpleSigner):
    """pyHanko's ``SimpleSigner`` that signs with the key object it was given.

    ``SimpleSigner.sign_raw`` parses its DER key again for every signature, and cryptography
    checks an RSA key's consistency on each parse: some 40 ms on the benchmark machine, more than
    the signature itself (benchmarks/bench_signing.py).  PKCS#1 v1.5 and ECDSA, the mechanisms
    isoflow signs with, use the loaded key; anything else goes to pyHanko as before.
    """

    def __init__(self, key: SigningKey, **settings: Any) -> None:
        super().__init__(**settings)
        self.loaded_key = key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        try:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        except ValueError:  # a mechanism asn1crypto cannot name: pyHanko's own path
            return bytes(super().sign_raw(data, digest_algorithm))
        algorithm = get_pyca_cryptography_hash(digest_algorithm)
        if mechanism == "rsassa_pkcs1v15" and isinstance(self.loaded_key, rsa.RSAPrivateKey):
            return self.loaded_key.sign(data, PKCS1v15(), algorithm)
        if mechanism == "ecdsa" and isinstance(self.loaded_key, ec.EllipticCurvePrivateKey):
            return self.loaded_key.sign(data, ec.ECDSA(algorithm))
        return bytes(super().sign_raw(data, digest_algorithm))
