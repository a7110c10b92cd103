"""XML-DSig: enveloped (edXML) and detached (a process definition), a changed element, a key
not in the trust list, a token's key, and hostile XML refused before signxml sees it."""

from __future__ import annotations

import pytest
from cryptography import x509

from isoflow.errors import CertificateExpired, SigningError, VerificationError
from isoflow.signing import Identity, Status, load_pkcs12, sign_xml, verify_xml
from isoflow.signing.testing import PKI

EDXML = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<edXMLEnvelope xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLHeader><From>'
         '<OrganId>000.00.00.H56</OrganId><OrganName>Ủy ban nhân dân xã Tân Phú</OrganName></From>'
         '<Code><CodeNumber>12</CodeNumber><CodeNotation>QĐ-UBND</CodeNotation></Code>'
         '<Subject>Về việc công bố quy trình</Subject></edXMLHeader></edXMLEnvelope>').encode()


def test_an_enveloped_signature_holds_and_names_its_signer(seal: Identity, trusted: list[x509.Certificate]) -> None:
    signed = sign_xml(EDXML, seal)
    assert signed.count(b"</ds:Signature>") == 1
    assert b"rsa-sha256" in signed
    verdict = verify_xml(signed, trusted)
    assert (verdict.status, verdict.signer, verdict.organisation) == (
        Status.VALID, "Ủy ban nhân dân xã Tân Phú", "Ủy ban nhân dân xã Tân Phú")
    assert b"<CodeNumber>12</CodeNumber>" in verdict.signed_data


def test_a_changed_element_is_tampering(seal: Identity, trusted: list[x509.Certificate]) -> None:
    signed = sign_xml(EDXML, seal).replace(b"<CodeNumber>12<", b"<CodeNumber>13<")
    verdict = verify_xml(signed, trusted)
    assert (verdict.status, verdict.problem) == (Status.TAMPERED, "the signed XML was changed after signing")
    assert verdict.signer == "Ủy ban nhân dân xã Tân Phú"  # who claims it, for the message
    assert verdict.signed_data == b""


def test_a_key_not_in_the_trust_list(pki: PKI, trusted: list[x509.Certificate]) -> None:
    verdict = verify_xml(sign_xml(EDXML, pki.identity("stranger")), trusted)
    assert (verdict.status, verdict.signer) == (Status.UNTRUSTED, "Trần Văn Lạ")


def test_a_detached_signature_over_a_process_file(signer: Identity, trusted: list[x509.Certificate]) -> None:
    process = ('<process xmlns="urn:isoflow:process:1" code="QT-HT-02" revision="1">'
               '<title>Kết hôn</title></process>').encode()
    signature = sign_xml(process, signer, detached_uri="dang-ky-ket-hon.xml")
    assert b'URI="dang-ky-ket-hon.xml"' in signature
    assert b"QT-HT-02" not in signature
    assert verify_xml(signature, trusted, detached_data=process).status is Status.VALID
    changed = verify_xml(signature, trusted, detached_data=process.replace(b'revision="1"', b'revision="2"'))
    assert changed.status is Status.TAMPERED
    assert verify_xml(signature, trusted).status is Status.INVALID  # the signed file was not given


def test_unsigned_xml(trusted: list[x509.Certificate]) -> None:
    assert verify_xml(EDXML, trusted).status is Status.UNSIGNED


@pytest.mark.parametrize("hostile", [
    b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;&x;">]><a>&y;</a>',
    b'<?xml version="1.0"?><!DOCTYPE a SYSTEM "http://example.invalid/a.dtd"><a/>',
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY x "x">]><a>&x;</a>'.encode("utf-16"),
    b"<a><b></a>",
])
def test_hostile_or_broken_xml_is_refused(hostile: bytes, seal: Identity, trusted: list[x509.Certificate]) -> None:
    with pytest.raises(VerificationError):
        verify_xml(hostile, trusted)
    with pytest.raises(SigningError):
        sign_xml(hostile, seal)


def test_an_expired_certificate_does_not_sign_xml(pki: PKI) -> None:
    person = pki.people["expired"]
    identity = load_pkcs12(person.p12, pki.passphrase, at=person.certificate.not_valid_before_utc)
    with pytest.raises(CertificateExpired):
        sign_xml(EDXML, identity)


def test_a_token_key_signs_xml(token_identities: tuple[Identity, Identity], trusted: list[x509.Certificate]) -> None:
    _, seal = token_identities
    verdict = verify_xml(sign_xml(EDXML, seal), trusted)
    assert (verdict.status, verdict.signer) == (Status.VALID, "Ủy ban nhân dân xã Tân Phú")
