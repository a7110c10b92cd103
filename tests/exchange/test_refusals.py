"""Every message that cannot be trusted is refused with its reason, and nothing of it comes back:
tampering, keys not trusted, no signature, DOCTYPE tricks, strangers' mail, second copies,
oversized and broken messages, fields that do not fit."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from isoflow.errors import (
    BadSignature,
    DuplicateDocument,
    ExchangeError,
    HostileXml,
    MalformedMessage,
    MessageTooLarge,
    UnknownRecipient,
    UnsignedMessage,
    UntrustedSigner,
)
from isoflow.exchange import Attachment, Receiver, StatusCode, export, to_edxml
from isoflow.exchange import edxml as edxml_module
from isoflow.exchange.edxml import MAX_ATTACHMENT_BYTES
from isoflow.exchange.testing import COMMUNE, PROVINCE, WARD, MemoryReceived, sample_envelope, sample_status
from isoflow.signing import Identity, sign_xml
from isoflow.signing.testing import PKI


def _refused(receiver: Receiver, data: bytes, error: type[ExchangeError]) -> str:
    with pytest.raises(error) as raised:
        receiver.read(data)
    message = str(raised.value)
    assert "\n" not in message
    return message


# --- signatures


def test_a_changed_subject_is_refused(seal: Identity, province: Receiver) -> None:
    signed = export(sample_envelope(), seal)
    changed = signed.replace("Về việc báo cáo".encode(), "Về việc hủy bỏ".encode())
    assert changed != signed
    message = _refused(province, changed, BadSignature)
    assert message == ("the signature of Ủy ban nhân dân xã Tân Phú (Ủy ban nhân dân xã Tân Phú) does not hold: "
                       "the signed XML was changed after signing")


def test_a_changed_attachment_byte_is_refused(seal: Identity, province: Receiver) -> None:
    signed = export(sample_envelope(attachment_bytes=3000), seal)
    encoded = re.search(rb"<ContentTransferEncoded>([^<]+)<", signed)
    assert encoded
    at = encoded.start(1) + 400
    flipped = b"B" if signed[at:at + 1] != b"B" else b"C"
    assert "changed after signing" in _refused(province, signed[:at] + flipped + signed[at + 1:], BadSignature)


def test_a_key_not_in_the_trust_list_is_refused(pki: PKI, province: Receiver) -> None:
    message = _refused(province, export(sample_envelope(), pki.identity("stranger")), UntrustedSigner)
    assert message.startswith("the message is signed by Trần Văn Lạ (Công ty Không Tin Cậy): ")
    assert "does not chain to a trusted root" in message


def test_a_receiver_trusting_another_root_refuses_the_kits_seal(pki: PKI, seal: Identity) -> None:
    stranger_root = Receiver([PROVINCE.organ_id], [pki.other_root])
    _refused(stranger_root, export(sample_envelope(), seal), UntrustedSigner)


def test_an_unsigned_envelope_is_refused(province: Receiver) -> None:
    assert _refused(province, to_edxml(sample_envelope()), UnsignedMessage) == (
        "the message carries no XML signature; edXML between agencies must be signed")


def test_a_signature_value_broken_is_refused(seal: Identity, province: Receiver) -> None:
    signed = export(sample_envelope(), seal)
    value = re.search(rb"<ds:SignatureValue>(.)", signed)
    assert value
    at = value.start(1)
    broken = signed[:at] + (b"A" if signed[at:at + 1] != b"A" else b"B") + signed[at + 1:]
    _refused(province, broken, BadSignature)


@pytest.mark.parametrize(("edit", "to"), [
    (rb"<ds:Signature .*</ds:Signature>", b'<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/>'),
    (rb"<ds:Reference .*?</ds:Reference>", b""),
    (rb"<ds:X509Certificate>[^<]*", b"<ds:X509Certificate>AAAA"),
    (rb"<ds:SignatureValue>[^<]*", b"<ds:SignatureValue>"),
    (rb"rsa-sha256", b"rsa-md5"),
], ids=["empty", "no-reference", "garbage-certificate", "empty-value", "unknown-algorithm"])
def test_a_malformed_signature_is_refused_not_crashed_on(edit: bytes, to: bytes, seal: Identity,
                                                         province: Receiver) -> None:
    broken = re.sub(edit, to, export(sample_envelope(), seal), count=1, flags=re.S)
    assert "malformed" in _refused(province, broken, BadSignature)


def test_a_signature_wrapped_around_a_moved_envelope_is_refused(seal: Identity, province: Receiver) -> None:
    signed = export(sample_envelope(), seal)
    wrapped = signed.replace(b"<edXML:edXMLEnvelope", b"<Wrap><edXML:edXMLEnvelope", 1).replace(
        b"</edXML:edXMLEnvelope>", b"</edXML:edXMLEnvelope></Wrap>", 1)
    _refused(province, wrapped, BadSignature)


# --- hostile XML, refused before any parser runs


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b']><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&lol9;</edXML>')


@pytest.mark.parametrize("hostile", [
    BILLION_LAUGHS,
    b'<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><edXML>&xxe;</edXML>',
    b'<?xml version="1.0"?><!DOCTYPE edXML SYSTEM "http://example.invalid/edxml.dtd"><edXML/>',
    b'<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY % p SYSTEM "http://example.invalid/p">%p;]><edXML/>',
    b'<edXML><!ENTITY x "y"></edXML>',
], ids=["billion-laughs", "external-entity", "external-dtd", "parameter-entity", "stray-entity"])
def test_doctype_and_entity_tricks_are_refused_unparsed(hostile: bytes, province: Receiver,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parser_may_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("the hostile message reached the signature check")

    monkeypatch.setattr(edxml_module, "verify_xml", no_parser_may_run)
    assert "declares a DOCTYPE or an entity" in _refused(province, hostile, HostileXml)


def test_a_doctype_slipped_into_a_signed_message_is_refused(seal: Identity, province: Receiver) -> None:
    signed = export(sample_envelope(), seal)
    declaration_end = signed.index(b"?>") + 2
    tricked = signed[:declaration_end] + b'<!DOCTYPE edXML [<!ENTITY a "b">]>' + signed[declaration_end:]
    _refused(province, tricked, HostileXml)


def test_comments_and_cdata_are_not_hostile(seal: Identity, province: Receiver) -> None:
    unsigned = to_edxml(sample_envelope()).replace(
        b"<edXML:Subject>", b"<!-- trich yeu --><edXML:Subject><![CDATA[]]>", 1)
    assert province.read(sign_xml(unsigned, seal)).message == sample_envelope()


# --- addressing and duplicates


def test_an_envelope_for_other_agencies_is_refused(pki: PKI, seal: Identity) -> None:
    stranger = Receiver(["000.00.00.H01", "000.00.01.H01"], [pki.root])
    with pytest.raises(UnknownRecipient) as raised:
        stranger.read(export(sample_envelope(), seal))
    assert str(raised.value) == ("the document is addressed to 000.00.31.H40, 000.02.31.H40; "
                                 "this receiver is 000.00.00.H01, 000.00.01.H01")
    assert raised.value.recipients == (PROVINCE.organ_id, WARD.organ_id)
    assert raised.value.ours == ("000.00.00.H01", "000.00.01.H01")


def test_a_status_for_another_issuer_is_refused(seal: Identity, province: Receiver) -> None:
    message = _refused(province, export(sample_status(StatusCode.ACCEPTED), seal), UnknownRecipient)
    assert message == ("the status 03 is for 000.01.31.H40, the issuer of 000.01.31.H40,2026/12/05,12/UBND-VP; "
                       "this receiver is 000.00.31.H40")


def test_a_document_already_received_is_refused(seal: Identity, province: Receiver,
                                                received: MemoryReceived) -> None:
    signed = export(sample_envelope(), seal)
    first = province.read(signed).message
    received.add(first.document_id)  # type: ignore[union-attr]  # the store registers what it accepted
    with pytest.raises(DuplicateDocument) as raised:
        province.read(signed)
    assert str(raised.value) == ("document 000.01.31.H40,2026/12/05,12/UBND-VP was already received; "
                                 "this copy is refused")
    assert raised.value.document_id == "000.01.31.H40,2026/12/05,12/UBND-VP"
    again = export(replace(sample_envelope(), trace=()), seal)  # other bytes, same document
    _refused(province, again, DuplicateDocument)


# --- size and broken content


def test_an_oversized_message_is_refused_before_parsing(pki: PKI, seal: Identity,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    small = Receiver([PROVINCE.organ_id], [pki.root], max_bytes=50_000)
    signed = export(sample_envelope(attachment_bytes=30_000), seal)
    monkeypatch.setattr(edxml_module, "verify_xml", lambda *a, **k: pytest.fail("parsed"))
    assert _refused(small, signed, MessageTooLarge) == (
        f"the message is {len(signed):,} bytes; this receiver accepts at most 50,000")


def test_an_attachment_edxml_cannot_carry_is_refused_when_exporting(seal: Identity) -> None:
    big = Attachment("ban-scan.pdf", "application/pdf", b"\0" * (MAX_ATTACHMENT_BYTES + 1), content_id="big")
    with pytest.raises(MessageTooLarge, match="at most 7,500,000 bytes an attachment"):
        export(replace(sample_envelope(attachments=0), attachments=(big,)), seal)


def _signed_with(seal: Identity, edit: bytes, to: bytes, *, count: int = 1) -> bytes:
    unsigned = to_edxml(sample_envelope(attachment_bytes=3000))
    assert edit in unsigned, edit
    return sign_xml(unsigned.replace(edit, to, count), seal)


def test_truncated_base64_is_refused(seal: Identity, province: Receiver) -> None:
    unsigned = to_edxml(sample_envelope(attachment_bytes=3000))
    end = unsigned.index(b"</ContentTransferEncoded>")
    truncated = sign_xml(unsigned[:end - 3] + unsigned[end:], seal)  # a sender that lost the end of the file
    message = _refused(province, truncated, MalformedMessage)
    assert message.startswith("attachment 'tep-dinh-kem-1.pdf': its base64 is broken")


def test_base64_in_mime_lines_is_read(seal: Identity, province: Receiver) -> None:
    envelope = sample_envelope(attachment_bytes=3000)
    unsigned = to_edxml(envelope)
    start = unsigned.index(b"<ContentTransferEncoded>") + len(b"<ContentTransferEncoded>")
    end = unsigned.index(b"</ContentTransferEncoded>")
    encoded = unsigned[start:end]
    wrapped = b"\r\n".join(encoded[i:i + 76] for i in range(0, len(encoded), 76))
    got = province.read(sign_xml(unsigned[:start] + wrapped + unsigned[end:], seal)).message
    assert got == envelope


def test_base64_shortened_by_whole_groups_fails_the_size(seal: Identity, province: Receiver) -> None:
    unsigned = to_edxml(sample_envelope(attachment_bytes=3000))
    end = unsigned.index(b"</ContentTransferEncoded>")
    message = _refused(province, sign_xml(unsigned[:end - 8] + unsigned[end:], seal), MalformedMessage)
    assert message == "attachment 'tep-dinh-kem-1.pdf' is 2,994 bytes; the manifest says 3000"


def test_a_hash_that_disagrees_is_refused(seal: Identity, province: Receiver) -> None:
    digest = sample_envelope(attachment_bytes=3000).attachments[1].sha256.encode()
    message = _refused(province, _signed_with(seal, digest, b"0" * 64), MalformedMessage)
    assert message.startswith("attachment 'tep-dinh-kem-2.pdf': its SHA-256 is ")
    assert message.endswith("the manifest says " + "0" * 64)


def test_a_manifest_that_lists_another_file_is_refused(seal: Identity, province: Receiver) -> None:
    message = _refused(province, _signed_with(seal, b"<ContentId>tep-12-2<", b"<ContentId>tep-12-9<"),
                       MalformedMessage)
    assert message == "the manifest lists ['tep-12-1', 'tep-12-2'] but the message carries ['tep-12-1', 'tep-12-9']"


@pytest.mark.parametrize(("edit", "to", "reason"), [
    (b"<edXML:PromulgationDate>2026/12/05<", b"<edXML:PromulgationDate>2026/02/30<",
     "PromulgationInfo/PromulgationDate '2026/02/30' is not a real date"),
    (b"<edXML:DueDate>2026/12/15<", b"<edXML:DueDate>15/12/2026<", "DueDate '15/12/2026' is not a date YYYY/MM/DD"),
    (b"<edXML:OrganId>000.00.31.H40<", b"<edXML:OrganId>../../etc<",
     "To/OrganId '../../etc' is not an OrganId (at most 35 characters, groups of 0-9 A-Z joined by dots, "
     "e.g. 000.00.00.H56)"),
    (b"<edXML:DocumentId>000.01.31.H40,2026/12/05,12/UBND-VP<",
     b"<edXML:DocumentId>000.01.31.H40,2026/12/05,13/UBND-VP<",
     "MessageHeader/DocumentId '000.01.31.H40,2026/12/05,13/UBND-VP' does not match From/OrganId, PromulgationDate "
     "and Code (000.01.31.H40,2026/12/05,12/UBND-VP)"),
    (b"<edXML:Priority>1<", b"<edXML:Priority>7<", "OtherInfo/Priority '7' is none of 0, 1, 2, 3"),
    (b"<edXML:Competence>KT.<", "<edXML:Competence>Phó<".encode(),
     "SignerInfo/Competence 'Phó' is none of '', 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'"),
    (b"<edXML:CodeNumber>12<", b"<edXML:CodeNumber>12a<", "CodeNumber '12a' is not a number of at most 11 digits"),
    (b"<edXML:Subject>", b"<edXML:Subject/><edXML:Subject>", "Subject appears 2 times"),
    (b"<edXML:BussinessDocType>0<", b"<edXML:BussinessDocType>x<",
     "TraceHeaderList/Bussiness/BussinessDocType 'x' is none of 0, 1, 2, 3"),
    (b"<edXML:Timestamp>2026/12/05 09:30:00<", b"<edXML:Timestamp>2026-12-05 09:30<",
     "TraceHeaderList/TraceHeader/Timestamp '2026-12-05 09:30' is not a time YYYY/MM/DD HH:MM:SS"),
    (b"<edXML:Type>18<", b"<edXML:Type>-1<", "DocumentType/Type '-1' is not a whole number"),
    (b"<edXML:Code>345/STP-HCTP<", b"<edXML:Code>346/STP-HCTP<",
     "ResponseFor: OrganId, Code and PromulgationDate 000.00.31.H40, 346/STP-HCTP, 2026/11/20 disagree with its "
     "DocumentId 000.00.31.H40,2026/11/20,345/STP-HCTP"),
], ids=["impossible-date", "date-order", "organ-id", "document-id", "priority", "competence", "code-number",
        "repeated", "business-type", "timestamp", "type", "response-for"])
def test_a_field_that_does_not_fit_is_refused_with_its_name(edit: bytes, to: bytes, reason: str, seal: Identity,
                                                            province: Receiver) -> None:
    assert _refused(province, _signed_with(seal, edit, to), MalformedMessage) == reason


def test_a_missing_element_is_named(seal: Identity, province: Receiver) -> None:
    unsigned = to_edxml(sample_envelope())
    without = re.sub(rb"<edXML:SignerInfo>.*?</edXML:SignerInfo>", b"", unsigned)
    assert _refused(province, sign_xml(without, seal), MalformedMessage) == "SignerInfo is missing"


def test_not_edxml_at_all(seal: Identity, province: Receiver) -> None:
    assert _refused(province, sign_xml(b"<invoice><total>1</total></invoice>", seal), MalformedMessage) == (
        "the message's root is 'invoice', not edXML in http://www.mic.gov.vn/TBT/QCVN_102_2016")
    assert _refused(province, b"<edXML><unclosed></edXML>", MalformedMessage).startswith(
        "the message is not XML isoflow can read: not well-formed XML")
    _refused(province, b"  \n", MalformedMessage)
    _refused(province, "<edXML/>".encode("utf-16"), MalformedMessage)


def test_a_recall_request_from_someone_not_the_issuer_is_refused(seal: Identity, province: Receiver) -> None:
    unsigned = to_edxml(sample_status(StatusCode.RECALL_ASKED))
    forged = unsigned.replace(b"<edXML:From><edXML:OrganId>000.01.31.H40<",
                              b"<edXML:From><edXML:OrganId>000.00.00.H99<")
    assert _refused(province, sign_xml(forged, seal), MalformedMessage) == (
        "status 13 is the issuer's, but 000.00.00.H99 did not issue 000.01.31.H40,2026/12/05,12/UBND-VP")


def test_a_status_timestamp_with_an_explicit_offset_is_read_in_vietnam_time(pki: PKI, seal: Identity) -> None:
    unsigned = to_edxml(sample_status(StatusCode.COMPLETED))
    utc = unsigned.replace(b"2026/12/05 14:05:09", b"2026-12-05T07:05:09+00:00")
    commune = Receiver([COMMUNE.organ_id], [pki.root])
    got = commune.read(sign_xml(utc, seal)).message
    assert got.timestamp.utcoffset() == timedelta(hours=7)
    assert got.timestamp.isoformat() == "2026-12-05T14:05:09+07:00"
    assert got.response_for.date == date(2026, 12, 5)
