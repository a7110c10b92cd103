"""XML-DSig with signxml: edXML envelopes, approved process definitions, signed checkpoints.

Two shapes.  *Enveloped*: the ``ds:Signature`` goes inside the signed document, as the last
child of its root (an edXML envelope, research documents.md §2.2).  *Detached*: the signature
is a document of its own that names the signed file by a URI (a process definition kept
byte-for-byte as its author wrote it, with its approval beside it).  Both RSA-SHA256 (ECDSA-
SHA256 for an EC key) over canonical XML 1.1, with the signer's certificate chain in KeyInfo.

Verification trusts only the roots it is given: never the certifi bundle signxml falls back
to, never a certificate's own say-so.  Every input is parsed hardened before signxml sees it:
no DOCTYPE at all (so no entities and no DTD), no network, no huge trees.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from lxml import etree
from signxml.algorithms import SignatureConstructionMethod, SignatureMethod
from signxml.exceptions import InvalidCertificate, InvalidDigest, InvalidInput, InvalidSignature
from signxml.signer import XMLSigner
from signxml.util import X509CertChainVerifier
from signxml.verifier import VerifyResult
from signxml.verifier import XMLVerifier as _SignxmlVerifier

from isoflow.errors import SigningError, VerificationError
from isoflow.signing.keys import Identity, check_validity, common_name, organisation_name
from isoflow.signing.verify import Status

__all__ = ["DSIG", "MAX_XML_BYTES", "XmlVerdict", "sign_xml", "verify_xml"]

DSIG = "http://www.w3.org/2000/09/xmldsig#"
#: The largest XML isoflow signs or verifies: an edXML envelope carries its attachments as base64.
MAX_XML_BYTES = 64 * 2**20


@dataclass(frozen=True, slots=True)
class XmlVerdict:
    """Whether an XML signature holds against the trust roots, who signed, and what was signed."""

    status: Status
    signer: str
    organisation: str
    signed_data: bytes
    problem: str

    @property
    def ok(self) -> bool:
        return self.status is Status.VALID


def sign_xml(data: bytes, identity: Identity, *, detached_uri: str | None = None) -> bytes:
    """``data`` with an enveloped signature, or (``detached_uri`` given: the name the signed
    file is known by) a detached signature document over it."""
    check_validity(identity.certificate)
    root = _parse(data, SigningError)
    algorithm = SignatureMethod.ECDSA_SHA256 if isinstance(identity.key, ec.EllipticCurvePrivateKey) \
        else SignatureMethod.RSA_SHA256
    method = SignatureConstructionMethod.detached if detached_uri else SignatureConstructionMethod.enveloped
    signer = XMLSigner(method=method, signature_algorithm=algorithm, digest_algorithm="sha256")
    certificates = [identity.certificate, *(c for c in identity.chain if c.subject != c.issuer)]
    try:
        if detached_uri:
            signed = signer.sign(root, key=identity.key, cert=certificates, reference_uri=detached_uri)
        else:
            signed = signer.sign(root, key=identity.key, cert=certificates)
    except (InvalidInput, ValueError, TypeError) as error:
        raise SigningError(f"cannot sign the XML: {error}") from None
    return bytes(etree.tostring(signed, xml_declaration=True, encoding="UTF-8"))


def verify_xml(data: bytes, trust_roots: Sequence[x509.Certificate], *, detached_data: bytes | None = None
               ) -> XmlVerdict:
    """The verdict on the one signature in ``data`` (or, with ``detached_data``, on the detached
    signature document ``data`` over it).  :class:`VerificationError` for unreadable XML."""
    if not trust_roots:
        raise VerificationError("no trust root given: nothing can be trusted")
    root = _parse(data, VerificationError)
    signatures = root.findall(f".//{{{DSIG}}}Signature") + ([root] if root.tag == f"{{{DSIG}}}Signature" else [])
    if not signatures:
        return XmlVerdict(Status.UNSIGNED, "", "", b"", "the XML has no signature")
    claimed = _claimed_signer(signatures[0])
    signer, organisation = (common_name(claimed), organisation_name(claimed)) if claimed else ("?", "")
    resolver = None
    if detached_data is not None:
        detached_root = _parse(detached_data, VerificationError)
        resolver = lambda uri: detached_root  # noqa: E731 - the one file the detached signature names
    try:
        result = _Verifier(trust_roots).verify(root, uri_resolver=resolver)
        assert isinstance(result, VerifyResult)  # one reference expected, so one result
    except InvalidDigest:
        return XmlVerdict(Status.TAMPERED, signer, organisation, b"", "the signed XML was changed after signing")
    except InvalidCertificate as error:
        expired = "valid at validation time" in str(error) or "expired" in str(error).lower()
        return XmlVerdict(Status.EXPIRED if expired else Status.UNTRUSTED, signer, organisation, b"",
                          "the signer's certificate was not valid when it was checked" if expired
                          else "the signer's certificate does not chain to a trusted root")
    except InvalidSignature as error:
        return XmlVerdict(Status.INVALID, signer, organisation, b"", f"the signature does not verify: {error}")
    except InvalidInput as error:
        return XmlVerdict(Status.INVALID, signer, organisation, b"", f"the signature is malformed: {error}")
    # Who signed is the certificate whose key verified the signature, not the first one in KeyInfo:
    # signxml tries the certificates in both orders, so a signature made with one trusted key
    # could list another person's certificate first and be reported as theirs.
    actual = _signing_certificate(signatures[0], result.signature_key)
    if actual is None:
        return XmlVerdict(Status.INVALID, signer, organisation, b"",
                          "no certificate in the signature holds the key that signed it")
    return XmlVerdict(Status.VALID, common_name(actual), organisation_name(actual), result.signed_data, "")


def _certificates(signature: Any) -> list[x509.Certificate]:
    """The certificates in KeyInfo, in their order (unreadable ones left out)."""
    found = []
    for element in signature.findall(f"{{{DSIG}}}KeyInfo/{{{DSIG}}}X509Data/{{{DSIG}}}X509Certificate"):
        try:
            found.append(x509.load_der_x509_certificate(base64.b64decode("".join((element.text or "").split()))))
        except ValueError:
            continue
    return found


def _claimed_signer(signature: Any) -> x509.Certificate | None:
    """The first certificate in KeyInfo: who the signature says signed, before any check."""
    certificates = _certificates(signature)
    return certificates[0] if certificates else None


def _signing_certificate(signature: Any, key: bytes) -> x509.Certificate | None:
    """The certificate in KeyInfo whose public key (PEM, as signxml reports it) made the signature."""
    for certificate in _certificates(signature):
        if certificate.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo) == key:
            return certificate
    return None


class _Roots(X509CertChainVerifier):
    """signxml's chain verifier over certificates in memory (signxml reads a PEM file)."""

    def __init__(self, roots: Sequence[x509.Certificate], **settings: Any) -> None:
        super().__init__(ca_pem_file="", **settings)  # type: ignore[no-untyped-call]  # signxml's own
        self._roots = list(roots)

    @property
    def store(self) -> x509.verification.Store:
        return x509.verification.Store(self._roots)


class _Verifier(_SignxmlVerifier):
    def __init__(self, roots: Sequence[x509.Certificate]) -> None:
        super().__init__()
        self._roots = roots

    def get_cert_chain_verifier(self, ca_pem_file: Any, ee_policy: Any, ca_policy: Any) -> _Roots:
        moment = self._get_cert_verification_time()  # type: ignore[no-untyped-call]  # signxml's own
        return _Roots(self._roots, verification_time=moment, ee_policy=ee_policy, ca_policy=ca_policy)


class _NoResolver(etree.Resolver):
    """Answers every external lookup with nothing (a second lock: DOCTYPEs are refused first)."""

    def resolve(self, url: str, public_id: str, context: Any) -> Any:  # type: ignore[override]  # lxml-stubs lack the context
        return self.resolve_string("", context)  # type: ignore[call-arg]  # lxml-stubs: base_url is optional


def _parse(data: bytes, error: type[Exception]) -> Any:
    if len(data) > MAX_XML_BYTES:
        raise error(f"the XML is larger than {MAX_XML_BYTES // 2**20} MiB")
    head = data[:4]
    text = data.decode("utf-16", "replace") if head[:2] in (b"\xff\xfe", b"\xfe\xff") else None
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data or (text and ("<!DOCTYPE" in text or "<!ENTITY" in text)):
        raise error("the XML has a DOCTYPE or an entity declaration, which isoflow never reads")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_blank_text=False)
    parser.resolvers.add(_NoResolver())
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as syntax:
        raise error(f"not well-formed XML: {syntax}") from None
