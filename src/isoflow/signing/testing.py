"""A test kit for signatures, as ``click.testing`` is for commands: never a key in the repository.

:func:`make_pki` makes a small public-key infrastructure at run time, in a folder the caller
gives (a pytest ``tmp_path``), with the shape of a Vietnamese one: a root CA, an issuing CA
under it, and certificates for a person (the signer, a commune's vice-chairman), for the
organisation (the "seal" key the Văn thư holds), for a timestamp authority (EKU timeStamping),
one that expired, and one from another root for the negative tests.  Each person's key is
written as a PKCS#12 file with one passphrase; :meth:`PKI.identity` loads it.
:func:`isoflow.signing.softhsm.make_token` puts the same keys on a SoftHSM2 token.

Images and documents for the tests are in :mod:`isoflow.signing.samples`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from isoflow.signing.keys import Identity, load_pkcs12

__all__ = ["PASSPHRASE", "PKI", "Person", "append_unsigned_update", "flip_signed_byte", "make_pki"]

#: The passphrase of every PKCS#12 file the kit writes (test data, never a real secret).
PASSPHRASE = "mat-khau-thu-nghiem"  # noqa: S105 - the kit's, on purpose

#: Who the kit's certificates are for: file stem -> (CN, title, O).
PEOPLE = {
    "signer": ("Nguyễn Văn Ánh", "Phó Chủ tịch", "Ủy ban nhân dân xã Tân Phú"),
    "seal": ("Ủy ban nhân dân xã Tân Phú", "", "Ủy ban nhân dân xã Tân Phú"),
    "expired": ("Lê Thị Hết Hạn", "Chủ tịch", "Ủy ban nhân dân xã Tân Phú"),
    "stranger": ("Trần Văn Lạ", "Chủ tịch", "Công ty Không Tin Cậy"),
}


@dataclass(frozen=True)
class Person:
    """One certificate of the kit and the key file that holds it."""

    certificate: x509.Certificate
    key: rsa.RSAPrivateKey
    p12: Path


@dataclass(frozen=True)
class PKI:
    """The kit's infrastructure: trust ``root`` (a PEM file) and nothing else.

    ``people`` holds ``signer``, ``seal``, ``expired`` (expired a year ago, same root) and
    ``stranger`` (from ``other_root``, which the tests do not trust).
    """

    __test__ = False  # not a pytest test class, whatever a test module imports

    folder: Path
    root: Path
    other_root: Path
    root_certificate: x509.Certificate
    issuing_certificate: x509.Certificate
    people: dict[str, Person]
    tsa_certificate: x509.Certificate
    tsa_key: rsa.RSAPrivateKey = field(repr=False)
    passphrase: str = PASSPHRASE

    def identity(self, who: str = "signer", *, at: datetime | None = None) -> Identity:
        """The identity of ``who`` loaded from its PKCS#12 file (``at``: see :func:`load_pkcs12`)."""
        return load_pkcs12(self.people[who].p12, self.passphrase, at=at)

    def sign_expired(self, pdf: bytes) -> bytes:
        """``pdf`` signed (invisibly) with the expired certificate, which isoflow's own signing
        functions refuse: a file for the verifier's negative tests."""
        identity = self.identity("expired", at=self.people["expired"].certificate.not_valid_before_utc)
        meta = signers.PdfSignatureMetadata(field_name="ChuKyHetHan", subfilter=fields.SigSeedSubFilter.PADES)
        out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, identity.pdf_signer,
                               output=io.BytesIO())
        return bytes(out.getvalue())

    def timestamper(self) -> TimeStamper:
        """An RFC 3161 timestamp authority in this process (pyHanko's DummyTimeStamper): no network."""
        return DummyTimeStamper(tsa_cert=translate_pyca_cryptography_cert_to_asn1(self.tsa_certificate),
                                tsa_key=translate_pyca_cryptography_key_to_asn1(self.tsa_key),
                                certs_to_embed=SimpleCertificateStore.from_certs(
                                    [translate_pyca_cryptography_cert_to_asn1(self.issuing_certificate)]))


def make_pki(folder: Path, *, now: datetime | None = None) -> PKI:
    """Make the kit's CAs, certificates and PKCS#12 files in ``folder`` (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    now = now or datetime.now(UTC)
    root_key, root = _ca("isoflow Test Root CA", None, None, now)
    issuing_key, issuing = _ca("isoflow Test Issuing CA", root_key, root, now)
    other_key, other = _ca("Other Test Root CA", None, None, now)
    people = {}
    for stem, (cn, title, org) in PEOPLE.items():
        issuer_key, issuer = (other_key, other) if stem == "stranger" else (issuing_key, issuing)
        start = now - timedelta(days=730) if stem == "expired" else now - timedelta(days=1)
        key, certificate = _leaf(_name(cn, org, title), issuer_key, issuer, start, start + timedelta(days=365))
        chain = [issuer] if stem == "stranger" else [issuing, root]
        p12 = folder / f"{stem}.p12"
        p12.write_bytes(pkcs12.serialize_key_and_certificates(
            stem.encode(), key, certificate, chain,
            serialization.BestAvailableEncryption(PASSPHRASE.encode())))
        people[stem] = Person(certificate, key, p12)
    tsa_key, tsa = _leaf(_name("isoflow Test TSA", "isoflow", ""), issuing_key, issuing, now - timedelta(days=1),
                         now + timedelta(days=365), eku=ExtendedKeyUsageOID.TIME_STAMPING)
    (folder / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    (folder / "other-root.pem").write_bytes(other.public_bytes(serialization.Encoding.PEM))
    return PKI(folder, folder / "root.pem", folder / "other-root.pem", root, issuing, people, tsa, tsa_key)


def flip_signed_byte(pdf: bytes) -> bytes:
    """``pdf`` with one byte of its first stream changed: bytes every signature covers, while
    the file still reads as a PDF (a tampered file, not a broken one)."""
    start = pdf.index(b"stream", pdf.index(b"/Length")) + len(b"stream\n") + 16
    return pdf[:start] + bytes([pdf[start] ^ 0x20]) + pdf[start + 1:]


def append_unsigned_update(pdf: bytes, *, content: bool = True) -> bytes:
    """``pdf`` with an incremental update no one signed: new drawing on page 1 (``content``,
    a change signatures do not allow), or else only a new empty signature field (allowed)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    if content:
        stream = generic.StreamObject(stream_data=b"1 0 0 rg 100 100 200 40 re f")
        writer.add_stream_to_page(0, writer.add_object(stream))
    else:
        fields.append_signature_field(writer, fields.SigFieldSpec("ChuKyThem", on_page=0, box=(60, 60, 160, 100)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _name(cn: str, org: str, title: str) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
             x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    if title:
        parts.insert(2, x509.NameAttribute(NameOID.TITLE, title))
    return x509.Name(parts)


def _key() -> rsa.RSAPrivateKey:
    # RSA 2048: what Vietnamese tokens hold, and what SoftHSM and XML-DSig rsa-sha256 take.
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _ca(cn: str, issuer_key: rsa.RSAPrivateKey | None, issuer: x509.Certificate | None,
        now: datetime) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = _key()
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    builder = (_builder(name, issuer.subject if issuer else name, key, now - timedelta(days=3650),
                        now + timedelta(days=3650))
               .add_extension(x509.BasicConstraints(ca=True, path_length=None if issuer is None else 0), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                            data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                            crl_sign=True, encipher_only=False, decipher_only=False), critical=True))
    signing_key = issuer_key or key
    builder = builder.add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(signing_key.public_key()), critical=False)
    return key, builder.sign(signing_key, hashes.SHA256())


def _leaf(name: x509.Name, issuer_key: rsa.RSAPrivateKey, issuer: x509.Certificate, start: datetime,
          end: datetime, eku: x509.ObjectIdentifier | None = None) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = _key()
    builder = (_builder(name, issuer.subject, key, start, end)
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=eku is None,
                                            key_encipherment=False, data_encipherment=False, key_agreement=False,
                                            key_cert_sign=False, crl_sign=False, encipher_only=False,
                                            decipher_only=False), critical=True)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
                              critical=False))
    if eku is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage([eku]), critical=True)
    return key, builder.sign(issuer_key, hashes.SHA256())


def _builder(subject: x509.Name, issuer: x509.Name, key: rsa.RSAPrivateKey, start: datetime,
             end: datetime) -> x509.CertificateBuilder:
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
