"""edXML out and in: an envelope with two attachments and every status message survive a signed
round trip field for field, in the structure the public implementations agree on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from lxml import etree

from isoflow.exchange import (
    BusinessType,
    DocumentId,
    Envelope,
    Receiver,
    Replacement,
    StatusCode,
    StatusMessage,
    export,
    to_edxml,
)
from isoflow.exchange.edxml import ISOFLOW_NS
from isoflow.exchange.testing import COMMUNE, PROVINCE, WARD, MemoryReceived, sample_envelope, sample_status
from isoflow.signing import Identity
from isoflow.signing.testing import PKI

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
E = "{" + NS + "}"
DSIG = "{http://www.w3.org/2000/09/xmldsig#}"


def test_an_envelope_with_two_attachments_round_trips(seal: Identity, province: Receiver) -> None:
    envelope = sample_envelope(attachment_bytes=5000)
    received = province.read(export(envelope, seal))
    assert received.message == envelope
    assert isinstance(received.message, Envelope)
    assert [a.sha256 for a in received.message.attachments] == [a.sha256 for a in envelope.attachments]
    assert [a.data[:9] for a in received.message.attachments] == [b"%PDF-1.7\n"] * 2
    assert str(received.message.document_id) == "000.01.31.H40,2026/12/05,12/UBND-VP"
    assert (received.signer, received.signer_organisation) == ("Ủy ban nhân dân xã Tân Phú",
                                                               "Ủy ban nhân dân xã Tân Phú")


def test_every_recipient_reads_the_same_envelope(pki: PKI, seal: Identity) -> None:
    envelope = sample_envelope()
    signed = export(envelope, seal)
    ward = Receiver([WARD.organ_id], [pki.root])
    assert ward.read(signed).message == envelope


@pytest.mark.parametrize("code", list(StatusCode), ids=lambda c: f"{c.value}-{c.name.lower()}")
def test_each_status_message_round_trips(code: StatusCode, pki: PKI, seal: Identity) -> None:
    status = sample_status(code)
    # 01-06, 15, 16 go from a recipient to the issuer (the commune); 13 from the issuer to a recipient.
    reader = Receiver([PROVINCE.organ_id if code.from_issuer else COMMUNE.organ_id], [pki.root])
    received = reader.read(export(status, seal))
    assert received.message == status
    assert isinstance(received.message, StatusMessage)
    assert received.message.timestamp.isoformat() == "2026-12-05T14:05:09+07:00"


def test_the_structure_is_qcvn_102s(seal: Identity) -> None:
    signed = export(sample_envelope(), seal)
    root = etree.fromstring(signed)
    assert root.tag == E + "edXML"
    assert root.nsmap[None] == NS
    envelope = root.find(E + "edXMLEnvelope")
    assert envelope.prefix == "edXML"
    header = envelope.find(E + "edXMLHeader")
    assert [etree.QName(c).localname for c in header] == ["MessageHeader", "TraceHeaderList", "Signature"]
    assert header[2].tag == DSIG + "Signature"  # where the SDKs keep it: the end of the header
    head = header.find(E + "MessageHeader")
    assert [etree.QName(c).localname for c in head] == [
        "From", "To", "To", "Code", "PromulgationInfo", "DocumentType", "Subject", "Content", "SignerInfo",
        "DueDate", "ToPlaces", "OtherInfo", "ResponseFor", "SteeringType", "DocumentId"]
    assert head.findtext(E + "DocumentId") == "000.01.31.H40,2026/12/05,12/UBND-VP"
    assert head.findtext(f"{E}PromulgationInfo/{E}PromulgationDate") == "2026/12/05"
    assert head.findtext(f"{E}SignerInfo/{E}Competence") == "KT."
    assert head.findtext(f"{E}DocumentType/{E}Type") == "18"
    trace = header.find(E + "TraceHeaderList")
    assert (trace.get("version"), trace.get("mustUnderstand")) == ("1.0", "1")
    assert trace.findtext(f"{E}TraceHeader/{E}Timestamp") == "2026/12/05 09:30:00"
    assert trace.findtext(f"{E}Bussiness/{E}BussinessDocType") == "0"
    references = envelope.findall(f"{E}edXMLBody/{E}edXMLManifest/{E}Reference")
    files = root.findall(f"{E}AttachmentEncoded/{E}Attachment")
    assert len(references) == len(files) == 2
    for reference, file in zip(references, files, strict=True):
        content_id = file.findtext(E + "ContentId")
        assert reference.get("{http://www.w3.org/1999/xlink}href") == f"cid:{content_id}"
        assert reference.findtext(E + "ContentId") == f"cid:{content_id}"
        assert len(reference.get(f"{{{ISOFLOW_NS}}}sha256")) == 64
        assert "\n" not in file.findtext(E + "ContentTransferEncoded")


def test_a_status_message_has_its_fields_in_the_message_header(seal: Identity) -> None:
    head = etree.fromstring(export(sample_status(StatusCode.ACCEPTED), seal)).find(
        f"{E}edXMLEnvelope/{E}edXMLHeader/{E}MessageHeader")
    assert [etree.QName(c).localname for c in head] == [
        "ResponseFor", "From", "StatusCode", "Description", "Timestamp", "StaffInfo"]
    assert head.findtext(E + "StatusCode") == "03"
    assert head.findtext(f"{E}ResponseFor/{E}Code") == "12/UBND-VP"


def test_unsigned_edxml_has_a_placeholder_and_export_replaces_it(seal: Identity) -> None:
    assert b"Signature" not in to_edxml(sample_envelope())
    unsigned = to_edxml(sample_envelope(), placeholder=True)
    assert b'Id="placeholder"' in unsigned
    signed = export(sample_envelope(), seal)
    assert b"placeholder" not in signed
    assert signed.count(b"<ds:SignatureValue>") == 1


def test_a_revocation_of_a_received_document_is_not_a_duplicate(seal: Identity, province: Receiver,
                                                                  received: MemoryReceived) -> None:
    envelope = sample_envelope()
    received.add(envelope.document_id)
    revocation = replace(envelope, business_type=BusinessType.REVOKE, business_reason="Văn bản ban hành sai thẩm quyền",
                         replacements=(Replacement(envelope.document_id, (PROVINCE.organ_id,)),))
    got = province.read(export(revocation, seal)).message
    assert isinstance(got, Envelope)
    assert (got.business_type, got.replacements) == (BusinessType.REVOKE, revocation.replacements)


def test_an_envelope_without_attachments_or_optional_parts(seal: Identity, province: Receiver) -> None:
    envelope = replace(sample_envelope(attachments=0), due_date=None, to_places=(), appendixes=(), response_for=(),
                       staff=None, trace=())
    signed = export(envelope, seal)
    assert b"AttachmentEncoded" not in signed
    assert province.read(signed).message == envelope


def test_a_reply_names_the_document_it_answers(seal: Identity, province: Receiver) -> None:
    got = province.read(export(sample_envelope(), seal)).message
    assert isinstance(got, Envelope)
    assert got.response_for == (DocumentId("000.00.31.H40", date(2026, 11, 20), "345", "STP-HCTP"),)
