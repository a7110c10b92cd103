"""Is this signed PDF what its signers signed?  A verdict per signature and for the file.

For each signature: who (the certificate's CN and O), when (the time the signer's software
claims, and an RFC 3161 timestamp's time if there is one), whether the certificate chain
leads to one of the given trust roots (offline: nothing is fetched, revocation is not checked
online), whether the signed bytes are intact, and whether the file changed after it (pyHanko's
coverage and modification analysis: a seal added after a signer's signature is an allowed
change, new page content is not).  The file is :attr:`Status.VALID` only when every signature
is valid and trusted and nothing at all was added after the last one.

A wrong signature is a verdict, never an exception; :class:`VerificationError` is for a file
or a trust root that cannot be read at all.
"""

from __future__ import annotations

import enum
import io
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from isoflow.errors import VerificationError
from isoflow.signing.keys import common_name, organisation_name

__all__ = ["SignatureCheck", "Status", "Verdict", "load_roots", "verify_pdf"]


class Status(enum.StrEnum):
    """A verdict, worst last: the file's is the worst of its signatures' (or ``modified``)."""

    VALID = "valid"
    MODIFIED = "modified"      # every signature holds, but something was added after the last one
    UNTRUSTED = "untrusted"    # the chain leads to no trust root given (or the timestamp's does not)
    EXPIRED = "expired"        # the certificate is out of its validity, with no proof it was valid at signing
    INVALID = "invalid"        # the signature value or its structure is wrong
    TAMPERED = "tampered"      # the signed bytes changed, or a change after signing is not allowed
    UNSIGNED = "unsigned"      # no signature at all


_SEVERITY = list(Status)


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    """One signature's verdict; ``problem`` is one line ("" when valid)."""

    field: str
    signer: str
    organisation: str
    signed_at: datetime | None
    timestamp: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    chain: tuple[str, ...]
    coverage: str
    modification: str
    changed_after: bool
    status: Status
    problem: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """The file's verdict and each signature's, oldest first."""

    status: Status
    signatures: tuple[SignatureCheck, ...]
    problem: str

    @property
    def ok(self) -> bool:
        return self.status is Status.VALID

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (English keys, ISO 8601 times)."""
        def plain(value: Any) -> Any:
            return value.isoformat() if isinstance(value, datetime) else value

        return {"status": str(self.status), "ok": self.ok, "problem": self.problem,
                "signatures": [{k: plain(v) if not isinstance(v, tuple) else list(v) for k, v in asdict(s).items()}
                               for s in self.signatures]}


def load_roots(paths: Iterable[str | Path]) -> list[x509.Certificate]:
    """Trust roots from PEM (one or several certificates) or DER files."""
    roots = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise VerificationError(f"cannot read the trust root {path}: {error.strerror or error}") from None
        try:
            roots.extend(x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data
                         else [x509.load_der_x509_certificate(data)])
        except ValueError:
            raise VerificationError(f"{path} is not a certificate (PEM or DER)") from None
    return roots


def verify_pdf(data: bytes, trust_roots: Sequence[x509.Certificate]) -> Verdict:
    """The verdict on a PDF's signatures against ``trust_roots`` (offline)."""
    if not trust_roots:
        raise VerificationError("no trust root given: nothing can be trusted")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = sorted(reader.embedded_regular_signatures, key=lambda s: s.signed_revision)
    except (PdfError, ValueError, KeyError, TypeError) as error:
        raise VerificationError(f"not a readable PDF: {error}") from None
    if not signatures:
        return Verdict(Status.UNSIGNED, (), "the file has no signature")
    roots = [asn1_x509.Certificate.load(root.public_bytes(Encoding.DER)) for root in trust_roots]
    checks = tuple(_check(signature, roots) for signature in signatures)
    worst = max(checks, key=lambda c: _SEVERITY.index(c.status))
    if worst.status is not Status.VALID:
        return Verdict(worst.status, checks, f"{worst.field}: {worst.problem}")
    if checks[-1].changed_after:
        return Verdict(Status.MODIFIED, checks, "the file was changed after the last signature "
                                                f"({checks[-1].modification.lower().replace('_', ' ')})")
    return Verdict(Status.VALID, checks, "")


def _check(signature: EmbeddedPdfSignature, roots: list[asn1_x509.Certificate]) -> SignatureCheck:
    field = signature.field_name or "?"
    try:
        certificate = _crypto(signature.signer_cert)
    except (ValueError, KeyError, TypeError):
        return _broken(field, "the signature holds no readable signer certificate")
    # A new context per signature: pyHanko's contexts cache what they validated.
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        status = validate_pdf_signature(signature, context)
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError) as error:
        return _broken(field, f"the signature cannot be validated: {error}", certificate)
    timestamp = status.timestamp_validity
    level = status.modification_level
    changed_after = status.coverage is not SignatureCoverageLevel.ENTIRE_FILE
    verdict, problem = _judge(status, level)
    return SignatureCheck(
        field=field, signer=common_name(certificate), organisation=organisation_name(certificate),
        signed_at=status.signer_reported_dt, timestamp=timestamp.timestamp if timestamp else None,
        intact=status.intact, valid=status.valid, trusted=status.trusted,
        chain=tuple(common_name(_crypto(c)) for c in status.validation_path.iter_certs(include_root=True))
        if status.validation_path else (),
        coverage=status.coverage.name if status.coverage else "UNCLEAR",
        modification=level.name if level else "UNKNOWN", changed_after=changed_after, status=verdict, problem=problem)


def _judge(status: PdfSignatureStatus, level: ModificationLevel | None) -> tuple[Status, str]:
    if not status.intact:
        return Status.TAMPERED, "the signed content was changed (its digest no longer matches)"
    if not status.valid:
        return Status.INVALID, "the signature value does not verify with the signer's certificate"
    if status.coverage is SignatureCoverageLevel.UNCLEAR or status.docmdp_ok is False or \
            level is ModificationLevel.OTHER:
        return Status.TAMPERED, "the file was changed after this signature in a way a signature does not allow"
    if not status.trusted:
        indication = status.trust_problem_indic
        if indication in (AdESIndeterminate.OUT_OF_BOUNDS_NO_POE, AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
                          AdESIndeterminate.EXPIRED, AdESIndeterminate.NOT_YET_VALID):
            return Status.EXPIRED, ("the signer's certificate has expired or is not yet valid, and nothing "
                                    "in the file proves it was valid when it signed")
        return Status.UNTRUSTED, "the signer's certificate does not chain to a trusted root"
    timestamp = status.timestamp_validity
    if timestamp is not None and not (timestamp.intact and timestamp.valid and timestamp.trusted):
        return Status.UNTRUSTED, "the signature's timestamp is not valid or its authority is not trusted"
    return Status.VALID, ""


def _broken(field: str, problem: str, certificate: x509.Certificate | None = None) -> SignatureCheck:
    return SignatureCheck(field, common_name(certificate) if certificate else "?",
                          organisation_name(certificate) if certificate else "", None, None, False, False, False, (),
                          "UNCLEAR", "UNKNOWN", True, Status.INVALID, problem)


def _crypto(certificate: Any) -> x509.Certificate:
    return x509.load_der_x509_certificate(certificate.dump())

