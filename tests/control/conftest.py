"""The document-control tests' keys: a certification authority made at run time (never a key in
the repository) that issues a certificate to whoever the test names, the approvers of the shipped
procedures among them, as the test kit (:mod:`isoflow.signing.testing`) does for its own people."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from isoflow.control import approve
from isoflow.control.catalogue import flows_in
from isoflow.loading.loader import load_file
from isoflow.signing import Identity, load_pkcs12, load_roots

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = ROOT / "processes"
PASSPHRASE = "mat-khau-thu-nghiem"
POPPLER = pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
                             reason="poppler-utils is not installed (scripts/system-deps.sh --test)")


def _name(cn: str, org: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if org:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    return x509.Name([*parts, x509.NameAttribute(NameOID.COMMON_NAME, cn)])


@dataclass
class Authority:
    """A root CA (EC P-256: quick to make) that issues people's certificates as PKCS#12 files."""

    __test__ = False

    folder: Path
    label: str
    key: ec.EllipticCurvePrivateKey = field(init=False)
    certificate: x509.Certificate = field(init=False)
    root: Path = field(init=False)
    issued: dict[str, Path] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        now = datetime.now(UTC)
        self.key = ec.generate_private_key(ec.SECP256R1())
        name = _name(f"{self.label} Root CA")
        self.certificate = (
            x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(self.key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=30))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256()))
        self.root = self.folder / f"{self.label}-root.pem"
        self.root.write_bytes(self.certificate.public_bytes(serialization.Encoding.PEM))

    organisation: str = "Ủy ban nhân dân xã Tân Phú"

    def p12(self, cn: str, *, days: int = 365, start_days_ago: int = 1) -> Path:
        """A PKCS#12 file holding a new key and a certificate for ``cn`` (made once per name)."""
        if cn in self.issued:
            return self.issued[cn]
        now = datetime.now(UTC)
        key = ec.generate_private_key(ec.SECP256R1())
        start = now - timedelta(days=start_days_ago)
        certificate = (
            x509.CertificateBuilder().subject_name(_name(cn, self.organisation))
            .issuer_name(self.certificate.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256()))
        path = self.folder / f"{self.label}-{len(self.issued)}.p12"
        path.write_bytes(pkcs12.serialize_key_and_certificates(
            b"approver", key, certificate, [self.certificate],
            serialization.BestAvailableEncryption(PASSPHRASE.encode())))
        self.issued[cn] = path
        return path

    def identity(self, cn: str, **when: int) -> Identity:
        return load_pkcs12(self.p12(cn, **when), PASSPHRASE)

    @property
    def roots(self) -> list[x509.Certificate]:
        return load_roots([self.root])


@pytest.fixture(scope="session")
def authority(tmp_path_factory: pytest.TempPathFactory) -> Authority:
    """The agency's trusted CA: every approver's key comes from it."""
    return Authority(tmp_path_factory.mktemp("ca"), "agency")


@pytest.fixture(scope="session")
def foreign(tmp_path_factory: pytest.TempPathFactory) -> Authority:
    """A CA the tests do not trust (unless they say so): another agency's."""
    return Authority(tmp_path_factory.mktemp("foreign"), "foreign", organisation="Ủy ban nhân dân xã Hòa Bình")


#: The organisation's seal key (the Văn thư's, Circular 01/2018/TT-VPCP Art. 10(1)(d)).
SEAL = "Ủy ban nhân dân xã Tân Phú"


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store on SQLite (a file) and on PostgreSQL (a fresh schema, dropped afterwards)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'isoflow.db'}"
        return
    from tests.store._helpers import fresh_postgres_schema, postgres_base_url

    with fresh_postgres_schema(postgres_base_url("PostgreSQL document-control tests"), "isoflow_control") as url:
        yield url


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """A copy of the shipped processes/ to sign and change (the repository's stay untouched)."""
    target = tmp_path / "processes"
    shutil.copytree(PROCESSES, target)
    return target


def approve_all(folder: Path, authority: Authority) -> int:
    """Approve every procedure in ``folder``, each with a key made for the approver it names."""
    flows = flows_in([folder])
    count = 0
    for path in sorted(folder.glob("*.xml")):
        definition = load_file(path).definition
        assert definition is not None
        if definition.kind != "process":
            continue
        assert definition.control is not None
        assert definition.control.approved is not None
        approver = definition.control.approved.by or ""
        approve(path, authority.identity(approver), flow=flows.get(definition.extends or ""))
        count += 1
    return count


@pytest.fixture(params=["sqlite", "postgres"])
def shared_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store several connections share: an SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shared.db'}"
        return
    from tests.store._helpers import fresh_postgres_schema, postgres_base_url

    with fresh_postgres_schema(postgres_base_url("PostgreSQL document-control tests"), "isoflow_shared") as url:
        yield url
