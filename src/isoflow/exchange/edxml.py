"""edXML (QCVN 102:2016) at the border: isoflow's records out as signed XML, signed XML in as
records, and every message that cannot be trusted refused with its reason.

Out: :func:`to_edxml` writes an :class:`~isoflow.exchange.envelope.Envelope` or a
:class:`~isoflow.exchange.envelope.StatusMessage` in the structure the public implementations
agree on (research documents.md §2.2, §2.3); :func:`export` signs it, an enveloped XML-DSig
made by :func:`isoflow.signing.sign_xml` in the place the SDKs keep their ``Signature`` (the
end of ``edXMLHeader``).  The signature covers the whole message, the base64 attachments too.

In: :meth:`Receiver.read` takes the bytes as they came and, in this order, refuses

1. more than ``max_bytes``, or not UTF-8 (:class:`MessageTooLarge`, :class:`MalformedMessage`),
   before any parser runs;
2. any ``<!DOCTYPE``/``<!ENTITY``... declaration (:class:`HostileXml`), before any parser runs,
   as the process loader does;
3. a missing, broken or changed signature (:class:`UnsignedMessage`, :class:`BadSignature`), or
   one whose certificate does not chain to the receiver's trust roots (:class:`UntrustedSigner`);
4. a message whose fields do not fit (:class:`MalformedMessage`): read from the bytes the
   signature covers (signxml's ``signed_data``), never from the message as received, so
   nothing outside the signature can slip in;
5. a message for none of the receiver's OrganIds (:class:`UnknownRecipient`), and a new
   document whose DocumentId the store says it already has (:class:`DuplicateDocument`).

Nothing is returned from a refused message.  Structure details and where they come from:

* namespace ``http://www.mic.gov.vn/TBT/QCVN_102_2016``, a root ``edXML`` (default namespace,
  with ``xsi`` and ``xsd``) holding ``edXML:edXMLEnvelope`` (header and manifest) and
  ``AttachmentEncoded`` outside the envelope: the TypeScript builder that follows the Lạng Sơn
  EDOC SDK sample ``edoc_new.edxml``;
* MessageHeader's fourteen parts in their order, Organisation's eight fields, ResponseFor's
  four, TraceHeaderList's attributes and its ``Bussiness``: the VNPT Java SDK's classes as used
  by tungsfer512/edxml-convert (``EdXMLBuild``), which the TypeScript builder agrees with;
* manifest ``Reference`` with ``xlink:href="cid:..."`` and ``ContentId`` written ``cid:...``,
  the attachment's own ``ContentId`` without the prefix: the TypeScript builder (both spellings
  are read);
* the status message: ``MessageHeader`` holding ResponseFor, From, StatusCode, Description,
  Timestamp, StaffInfo (the VNPT SDK's ``MessageStatus``; a C# LGSP client writes the same
  fields under ``edXML:Status`` in a SOAP header): the element name is recalled – verify;
* the signature is a real XML-DSig ``ds:Signature`` (the SDKs' ``Signature`` has XML-DSig's
  shape; which namespace the axis expects, and what its signature covers, is recalled – verify);
* isoflow adds two attributes in its own namespace to each manifest ``Reference``:
  ``isoflow:sha256`` and ``isoflow:size``.  A reader that does not know them ignores them; when
  present they are checked, when absent (another vendor's message) the hash is computed.
"""

from __future__ import annotations

import binascii
import hashlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Protocol

from lxml import etree

from isoflow.errors import (
    BadSignature,
    DuplicateDocument,
    HostileXml,
    MalformedMessage,
    MessageTooLarge,
    UnknownRecipient,
    UnsignedMessage,
    UntrustedSigner,
    VerificationError,
)
from isoflow.exchange.codes import BusinessType, Codes, Priority, StatusCode, default_codes
from isoflow.exchange.envelope import (
    Attachment,
    DocumentId,
    DocumentType,
    Envelope,
    Organisation,
    Replacement,
    Signer,
    Staff,
    StatusMessage,
    TraceHeader,
    check_organ_id,
    parse_day,
)
from isoflow.signing import Identity, Status, load_roots, sign_xml, verify_xml
from isoflow.signing.xmldsig import DSIG, MAX_XML_BYTES

__all__ = ["ISOFLOW_NS", "MAX_ATTACHMENT_BYTES", "Received", "ReceivedDocuments", "Receiver", "export",
           "to_edxml"]

XLINK = "http://www.w3.org/1999/xlink"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSD = "http://www.w3.org/2001/XMLSchema"
SOAP_ACTOR = "http://schemas.xmlsoap.org/soap/actor/next"
#: isoflow's own attributes on a manifest Reference (sha256, size); other readers ignore them.
ISOFLOW_NS = "urn:isoflow:exchange:1"
#: The largest attachment edXML can carry here: its base64 is one text node, and libxml2 refuses
#: a text node over 10,000,000 characters unless "huge trees" are allowed, which the signing
#: edge's hardened parser never does.
MAX_ATTACHMENT_BYTES = 10_000_000 // 4 * 3


# ---------------------------------------------------------------------------------------------
# Out


def to_edxml(message: Envelope | StatusMessage, codes: Codes | None = None, *, placeholder: bool = False) -> bytes:
    """The message as unsigned edXML (UTF-8, with its declaration); with ``placeholder``, an
    empty ``ds:Signature`` marks where a signature made elsewhere (a token's own software) goes."""
    writer = _Writer(codes or default_codes(), placeholder)
    root = writer.status(message) if isinstance(message, StatusMessage) else writer.envelope(message)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def export(message: Envelope | StatusMessage, identity: Identity, codes: Codes | None = None) -> bytes:
    """The message as edXML signed by ``identity`` (the Văn thư's organisation key)."""
    return sign_xml(to_edxml(message, codes, placeholder=True), identity)


class _Writer:
    def __init__(self, codes: Codes, placeholder: bool) -> None:
        self.ns = "{" + codes.namespace + "}"
        self.codes = codes
        self.offset = _offset(codes)
        self.placeholder = placeholder

    def _root(self) -> tuple[Any, Any, Any]:
        # lxml-stubs 0.5 type nsmap keys as str; None is lxml's key for the default namespace.
        namespaces: Any = {None: self.codes.namespace, "xsi": XSI, "xsd": XSD}
        root = etree.Element(self.ns + "edXML", nsmap=namespaces)
        envelope = etree.SubElement(root, self.ns + "edXMLEnvelope", nsmap={"edXML": self.codes.namespace})
        header = etree.SubElement(envelope, self.ns + "edXMLHeader")
        return root, envelope, header

    def _add(self, parent: Any, name: str, text: str | None = None) -> Any:
        element = etree.SubElement(parent, self.ns + name)
        if text is not None:
            element.text = text
        return element

    def _time(self, moment: datetime) -> str:
        return f"{moment.astimezone(self.offset):%Y/%m/%d %H:%M:%S}"

    def _organisation(self, parent: Any, name: str, organisation: Organisation) -> None:
        element = self._add(parent, name)
        for tag, value in (("OrganId", organisation.organ_id), ("OrganizationInCharge", organisation.in_charge),
                           ("OrganName", organisation.name), ("OrganAdd", organisation.address),
                           ("Email", organisation.email), ("Telephone", organisation.phone),
                           ("Fax", organisation.fax), ("Website", organisation.website)):
            self._add(element, tag, value)

    def _response_for(self, parent: Any, document: DocumentId) -> None:
        element = self._add(parent, "ResponseFor")
        self._add(element, "OrganId", document.organ_id)
        self._add(element, "Code", document.code)
        self._add(element, "PromulgationDate", f"{document.date:%Y/%m/%d}")
        self._add(element, "DocumentId", str(document))

    def _staff(self, parent: Any, staff: Staff) -> None:
        element = self._add(parent, "StaffInfo")
        for tag, value in (("Department", staff.department), ("Staff", staff.name), ("Mobile", staff.mobile),
                           ("Email", staff.email)):
            self._add(element, tag, value)

    def _signature_placeholder(self, header: Any) -> None:
        if self.placeholder:
            etree.SubElement(header, f"{{{DSIG}}}Signature", Id="placeholder", nsmap={"ds": DSIG})

    def envelope(self, envelope: Envelope) -> Any:
        for attachment in envelope.attachments:
            if attachment.size > MAX_ATTACHMENT_BYTES:
                raise MessageTooLarge(f"attachment {attachment.name!r} is {attachment.size:,} bytes; edXML carries "
                                      f"at most {MAX_ATTACHMENT_BYTES:,} bytes an attachment here")
        root, edxml, header = self._root()
        head = self._add(header, "MessageHeader")
        self._organisation(head, "From", envelope.sender)
        for recipient in envelope.recipients:
            self._organisation(head, "To", recipient)
        code = self._add(head, "Code")
        self._add(code, "CodeNumber", envelope.code_number)
        self._add(code, "CodeNotation", envelope.code_notation)
        promulgation = self._add(head, "PromulgationInfo")
        self._add(promulgation, "Place", envelope.place)
        self._add(promulgation, "PromulgationDate", f"{envelope.promulgation_date:%Y/%m/%d}")
        kind = self._add(head, "DocumentType")
        self._add(kind, "Type", str(envelope.document_type.code))
        self._add(kind, "TypeName", envelope.document_type.name)
        self._add(head, "Subject", envelope.subject)
        self._add(head, "Content", envelope.content)
        signer = self._add(head, "SignerInfo")
        self._add(signer, "Competence", envelope.signer.competence.value)
        self._add(signer, "Position", envelope.signer.position)
        self._add(signer, "FullName", envelope.signer.full_name)
        if envelope.due_date is not None:
            self._add(head, "DueDate", f"{envelope.due_date:%Y/%m/%d}")
        places = self._add(head, "ToPlaces")
        for place in envelope.to_places:
            self._add(places, "Place", place)
        other = self._add(head, "OtherInfo")
        self._add(other, "Priority", str(int(envelope.priority)))
        self._add(other, "SphereOfPromulgation", envelope.sphere)
        self._add(other, "TyperNotation", envelope.typer_notation)
        self._add(other, "PromulgationAmount", str(envelope.promulgation_amount))
        self._add(other, "PageAmount", str(envelope.page_amount))
        appendixes = self._add(other, "Appendixes")
        for appendix in envelope.appendixes:
            self._add(appendixes, "Appendix", appendix)
        for document in envelope.response_for:
            self._response_for(head, document)
        self._add(head, "SteeringType", str(envelope.steering_type))
        document_id = str(envelope.document_id)
        self._add(head, "DocumentId", document_id)

        trace = self._add(header, "TraceHeaderList")
        trace.set("id", "T" + hashlib.sha256(document_id.encode()).hexdigest()[:8])
        trace.set("version", "1.0")
        trace.set("mustUnderstand", "1")
        trace.set("actor", SOAP_ACTOR)
        for hop in envelope.trace:
            element = self._add(trace, "TraceHeader")
            self._add(element, "OrganId", hop.organ_id)
            self._add(element, "Timestamp", self._time(hop.timestamp))
        business = self._add(trace, "Bussiness")  # sic: the SDKs' spelling
        self._add(business, "BussinessDocType", str(int(envelope.business_type)))
        self._add(business, "BussinessDocReason", envelope.business_reason)
        self._add(business, "DocumentId", document_id)
        if envelope.staff is not None:
            self._staff(business, envelope.staff)
        self._add(business, "Paper", "1" if envelope.paper else "0")
        if envelope.replacements:
            replacements = self._add(business, "ReplacementInfoList")
            for replacement in envelope.replacements:
                element = self._add(replacements, "ReplacementInfo")
                self._add(element, "DocumentId", str(replacement.document_id))
                ids = self._add(element, "OrganIdList")
                for organ_id in replacement.organ_ids:
                    self._add(ids, "OrganId", organ_id)
        self._signature_placeholder(header)

        manifest = self._add(self._add(edxml, "edXMLBody"), "edXMLManifest")
        manifest.set("version", "1.0")
        for attachment in envelope.attachments:
            reference = etree.SubElement(manifest, self.ns + "Reference", nsmap={"xlink": XLINK, "isoflow": ISOFLOW_NS})
            reference.set(f"{{{XLINK}}}href", f"cid:{attachment.content_id}")
            reference.set(f"{{{XLINK}}}role", "XLinkRole")
            reference.set(f"{{{XLINK}}}type", "simple")
            reference.set(f"{{{ISOFLOW_NS}}}sha256", attachment.sha256)
            reference.set(f"{{{ISOFLOW_NS}}}size", str(attachment.size))
            self._add(reference, "Description", attachment.description)
            self._add(reference, "AttachmentName", attachment.name)
            self._add(reference, "ContentType", attachment.content_type)
            self._add(reference, "ContentId", f"cid:{attachment.content_id}")
        if envelope.attachments:
            encoded = self._add(root, "AttachmentEncoded")
            for attachment in envelope.attachments:
                element = self._add(encoded, "Attachment")
                self._add(element, "ContentType", attachment.content_type)
                self._add(element, "ContentId", attachment.content_id)
                self._add(element, "Description", attachment.description)
                self._add(element, "ContentTransferEncoded", binascii.b2a_base64(attachment.data, newline=False)
                          .decode("ascii"))
                self._add(element, "AttachmentName", attachment.name)
        return root

    def status(self, status: StatusMessage) -> Any:
        root, edxml, header = self._root()
        head = self._add(header, "MessageHeader")
        self._response_for(head, status.response_for)
        self._organisation(head, "From", status.sender)
        self._add(head, "StatusCode", status.code.value)
        self._add(head, "Description", status.description)
        self._add(head, "Timestamp", self._time(status.timestamp))
        if status.staff is not None:
            self._staff(head, status.staff)
        self._signature_placeholder(header)
        self._add(edxml, "edXMLBody")
        return root


def _offset(codes: Codes) -> timezone:
    text = codes.timestamp_offset.strip()
    try:
        sign = -1 if text[0] == "-" else 1
        hours, minutes = text.lstrip("+-").split(":")
        return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
    except (ValueError, IndexError):
        raise MalformedMessage(f"{codes.source}: timestamp_offset {text!r} is not +HH:MM") from None


# ---------------------------------------------------------------------------------------------
# In


class ReceivedDocuments(Protocol):
    """What the receiving agency's document store answers before a new document is accepted:
    whether it already received a document with this identifier (Phụ lục VI I.III: warn about a
    duplicate identifier).  The store implements it; the receiver only asks."""

    def has_received(self, document_id: DocumentId) -> bool: ...


@dataclass(frozen=True, slots=True)
class Received:
    """A message that passed every check: the record, and who signed it (the certificate's CN
    and O, for the register and for Art. 21(2)(a)'s check of authenticity)."""

    message: Envelope | StatusMessage
    signer: str
    signer_organisation: str


class Receiver:
    """Reads the messages addressed to one agency (``ours``: its OrganIds, several when it has
    more than one), trusting only the certificates in the ``trust`` files (PEM or DER).

    ``received`` is asked about each new document's identifier; without it duplicates are not
    checked.  ``max_bytes`` caps a message (the signing edge's own cap by default).
    """

    def __init__(self, ours: Iterable[str], trust: Iterable[str | Path], *,
                 received: ReceivedDocuments | None = None, max_bytes: int = MAX_XML_BYTES,
                 codes: Codes | None = None) -> None:
        self.ours = tuple(check_organ_id(organ_id, "the receiver's OrganId") for organ_id in ours)
        if not self.ours:
            raise MalformedMessage("a receiver needs at least one OrganId of its own")
        self._roots = load_roots(trust)
        if not self._roots:
            raise VerificationError("no trust root given: nothing can be trusted")
        self.received = received
        self.max_bytes = min(max_bytes, MAX_XML_BYTES)
        self.codes = codes or default_codes()

    def read(self, data: bytes) -> Received:
        """The message in ``data``, checked; an :class:`isoflow.errors.ExchangeError` saying why not."""
        self._precheck(data)
        try:
            verdict = verify_xml(data, self._roots)
        except (etree.DocumentInvalid, ValueError, TypeError) as error:
            # A ds:Signature that is not XML-DSig's shape, an empty value, a certificate that is
            # not DER: signxml and cryptography raise these past verify_xml's verdicts.
            raise BadSignature(f"the signature is malformed: {_first_line(error)}") from None
        except VerificationError as error:
            text = str(error)
            if "Resource limit" in text or "too long" in text or "larger than" in text:
                raise MessageTooLarge(f"the message is too large to read: {text}") from None
            raise MalformedMessage(f"the message is not XML isoflow can read: {text}") from None
        who = f"{verdict.signer} ({verdict.organisation})" if verdict.organisation else verdict.signer
        if verdict.status is Status.UNSIGNED:
            raise UnsignedMessage("the message carries no XML signature; edXML between agencies must be signed")
        if verdict.status in (Status.UNTRUSTED, Status.EXPIRED):
            raise UntrustedSigner(f"the message is signed by {who}: {verdict.problem}")
        if not verdict.ok:
            raise BadSignature(f"the signature of {who} does not hold: {verdict.problem}")
        message = _Reader(self.codes).message(_parse(verdict.signed_data))
        self._addressed_to_us(message)
        if isinstance(message, Envelope) and message.business_type is BusinessType.NEW \
                and self.received is not None and self.received.has_received(message.document_id):
            raise DuplicateDocument(f"document {message.document_id} was already received; this copy is refused",
                                    str(message.document_id))
        return Received(message, verdict.signer, verdict.organisation)

    def _precheck(self, data: bytes) -> None:
        if len(data) > self.max_bytes:
            raise MessageTooLarge(f"the message is {len(data):,} bytes; this receiver accepts at most "
                                  f"{self.max_bytes:,}")
        if not data.strip():
            raise MalformedMessage("the message is empty")
        if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
            raise MalformedMessage("the message is not UTF-8 (edXML is)")
        # Comments and CDATA only: a DOCTYPE, ENTITY, ELEMENT... is refused unread.  Looking for
        # the rare "!" (never in base64) runs at memory speed; "<!" as a needle is 3x slower.
        at = data.find(b"!")
        while at >= 0:
            if at and data[at - 1] == 0x3C and not data.startswith((b"<!--", b"<![CDATA["), at - 1):
                raise HostileXml("the message declares a DOCTYPE or an entity, which isoflow never reads "
                                 f"({data[at - 1:at + 11]!r}...)")
            at = data.find(b"!", at + 1)

    def _addressed_to_us(self, message: Envelope | StatusMessage) -> None:
        ours = ", ".join(self.ours)
        if isinstance(message, Envelope):
            if not set(message.recipient_ids) & set(self.ours):
                raise UnknownRecipient(f"the document is addressed to {', '.join(message.recipient_ids)}; "
                                       f"this receiver is {ours}", message.recipient_ids, self.ours)
            return
        addressee = message.addressee
        if addressee is not None and addressee not in self.ours:
            raise UnknownRecipient(f"the status {message.code.value} is for {addressee}, the issuer of "
                                   f"{message.response_for}; this receiver is {ours}", (addressee,), self.ours)


_PARSERS: dict[int, Any] = {}


def _parse(data: bytes) -> Any:
    """The signed bytes as a tree: the same hardened parser as everywhere (they are canonical
    XML and hold no DOCTYPE, but nothing here trusts that)."""
    key = threading.get_ident()
    parser = _PARSERS.get(key)
    if parser is None:
        parser = _PARSERS[key] = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                                 dtd_validation=False, huge_tree=False, collect_ids=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise MalformedMessage(f"the signed part is not well-formed XML: {error}") from None


class _Reader:
    """Turns an edXML tree into a record, naming the element of every field that does not fit."""

    def __init__(self, codes: Codes) -> None:
        self.ns = "{" + codes.namespace + "}"
        self.codes = codes
        self.offset = _offset(codes)

    # -- elements

    def _where(self, element: Any, name: str = "") -> str:
        names = []
        while element is not None:
            local = etree.QName(element).localname
            if local in ("edXML", "edXMLEnvelope", "edXMLHeader", "MessageHeader"):
                break
            names.append(local)
            element = element.getparent()
        return "/".join([*reversed(names), name] if name else reversed(names)) or "edXML"

    def _all(self, parent: Any, name: str) -> list[Any]:
        return list(parent.iterchildren(self.ns + name))

    def _maybe(self, parent: Any, name: str) -> Any:
        found = self._all(parent, name)
        if len(found) > 1:
            raise MalformedMessage(f"{self._where(parent, name)} appears {len(found)} times")
        return found[0] if found else None

    def _one(self, parent: Any, name: str) -> Any:
        found = self._maybe(parent, name)
        if found is None:
            raise MalformedMessage(f"{self._where(parent, name)} is missing")
        return found

    def _text(self, parent: Any, name: str, *, required: bool = True) -> str:
        element = self._one(parent, name) if required else self._maybe(parent, name)
        if element is None:
            return ""
        if len(element):
            raise MalformedMessage(f"{self._where(element)} holds elements where text is expected")
        return str(element.text or "")

    def _int(self, parent: Any, name: str, *, default: int | None = None) -> int:
        text = self._text(parent, name, required=default is None).strip()
        if not text and default is not None:
            return default
        if not (text.isascii() and text.isdigit()) or len(text) > 9:
            raise MalformedMessage(f"{self._where(parent, name)} {text!r} is not a whole number")
        return int(text)

    def _day(self, parent: Any, name: str) -> date:
        return parse_day(self._text(parent, name), self._where(parent, name))

    def _time(self, parent: Any, name: str) -> datetime:
        text = self._text(parent, name).strip()
        what = self._where(parent, name)
        try:
            if "T" in text:  # ISO 8601 with an explicit offset
                moment = datetime.fromisoformat(text)
                if moment.tzinfo is None:
                    raise ValueError(text)
                return moment
            if len(text) != 19 or text[4] != "/" or text[7] != "/" or text[10] != " ":
                raise ValueError(text)
            return datetime.strptime(text, "%Y/%m/%d %H:%M:%S").replace(tzinfo=self.offset)
        except ValueError:
            raise MalformedMessage(f"{what} {text!r} is not a time YYYY/MM/DD HH:MM:SS") from None

    def _code(self, parent: Any, name: str, kind: Any) -> Any:
        text = self._text(parent, name).strip()
        try:
            return kind(int(text)) if kind is not StatusCode else kind(text)
        except ValueError:
            raise MalformedMessage(f"{self._where(parent, name)} {text!r} is none of "
                                   f"{', '.join(str(int(c)) if kind is not StatusCode else c.value for c in kind)}"
                                   ) from None

    # -- records

    def message(self, root: Any) -> Envelope | StatusMessage:
        if root.tag != self.ns + "edXML":
            raise MalformedMessage(f"the message's root is {etree.QName(root).localname!r}, not edXML in "
                                   f"{self.codes.namespace}")
        envelope = self._one(root, "edXMLEnvelope")
        header = self._one(envelope, "edXMLHeader")
        head = self._one(header, "MessageHeader")
        if self._maybe(head, "StatusCode") is not None:
            return self._status(head)
        return self._envelope(root, envelope, header, head)

    def _organisation(self, element: Any) -> Organisation:
        return Organisation(
            organ_id=check_organ_id(self._text(element, "OrganId").strip(), self._where(element, "OrganId")),
            name=self._text(element, "OrganName"),
            in_charge=self._text(element, "OrganizationInCharge", required=False),
            address=self._text(element, "OrganAdd", required=False),
            email=self._text(element, "Email", required=False),
            phone=self._text(element, "Telephone", required=False),
            fax=self._text(element, "Fax", required=False),
            website=self._text(element, "Website", required=False))

    def _response_for(self, element: Any) -> DocumentId:
        document = DocumentId.parse(self._text(element, "DocumentId"))
        said = (self._text(element, "OrganId").strip(), self._text(element, "Code").strip(),
                self._day(element, "PromulgationDate"))
        if said != (document.organ_id, document.code, document.date):
            raise MalformedMessage(f"{self._where(element)}: OrganId, Code and PromulgationDate "
                                   f"{said[0]}, {said[1]}, {said[2]:%Y/%m/%d} disagree with its DocumentId {document}")
        return document

    def _staff(self, parent: Any) -> Staff | None:
        element = self._maybe(parent, "StaffInfo")
        if element is None:
            return None
        return Staff(name=self._text(element, "Staff", required=False),
                     department=self._text(element, "Department", required=False),
                     mobile=self._text(element, "Mobile", required=False),
                     email=self._text(element, "Email", required=False))

    def _status(self, head: Any) -> StatusMessage:
        return StatusMessage(
            response_for=self._response_for(self._one(head, "ResponseFor")),
            sender=self._organisation(self._one(head, "From")),
            code=self._code(head, "StatusCode", StatusCode),
            timestamp=self._time(head, "Timestamp"),
            description=self._text(head, "Description", required=False),
            staff=self._staff(head))

    def _envelope(self, root: Any, edxml: Any, header: Any, head: Any) -> Envelope:
        code = self._one(head, "Code")
        promulgation = self._one(head, "PromulgationInfo")
        kind = self._one(head, "DocumentType")
        signer = self._one(head, "SignerInfo")
        other = self._one(head, "OtherInfo")
        places = self._maybe(head, "ToPlaces")
        appendixes = self._maybe(other, "Appendixes")
        due = self._text(head, "DueDate", required=False).strip()
        trace = self._one(header, "TraceHeaderList")
        business = self._one(trace, "Bussiness")
        replacements = self._maybe(business, "ReplacementInfoList")
        envelope = Envelope(
            sender=self._organisation(self._one(head, "From")),
            recipients=tuple(self._organisation(e) for e in self._all(head, "To")),
            code_number=self._text(code, "CodeNumber").strip(),
            code_notation=self._text(code, "CodeNotation").strip(),
            place=self._text(promulgation, "Place"),
            promulgation_date=self._day(promulgation, "PromulgationDate"),
            document_type=DocumentType(self._int(kind, "Type"), self._text(kind, "TypeName")),
            subject=self._text(head, "Subject"),
            content=self._text(head, "Content", required=False),
            signer=Signer(position=self._text(signer, "Position"), full_name=self._text(signer, "FullName"),
                          competence=self.codes.read_competence(self._text(signer, "Competence", required=False))),
            due_date=parse_day(due, self._where(head, "DueDate")) if due else None,
            to_places=tuple(str(e.text or "") for e in self._all(places, "Place")) if places is not None else (),
            priority=self._code(other, "Priority", Priority),
            sphere=self._text(other, "SphereOfPromulgation", required=False),
            typer_notation=self._text(other, "TyperNotation", required=False),
            promulgation_amount=self._int(other, "PromulgationAmount", default=1),
            page_amount=self._int(other, "PageAmount", default=1),
            appendixes=tuple(str(e.text or "") for e in self._all(appendixes, "Appendix") if (e.text or "").strip())
            if appendixes is not None else (),
            response_for=tuple(self._response_for(e) for e in self._all(head, "ResponseFor")),
            steering_type=self._int(head, "SteeringType", default=0),
            business_type=self._code(business, "BussinessDocType", BusinessType),
            business_reason=self._text(business, "BussinessDocReason", required=False),
            paper=self._paper(business),
            staff=self._staff(business),
            replacements=tuple(self._replacement(e) for e in self._all(replacements, "ReplacementInfo"))
            if replacements is not None else (),
            trace=tuple(TraceHeader(check_organ_id(self._text(e, "OrganId").strip(), self._where(e, "OrganId")),
                                    self._time(e, "Timestamp")) for e in self._all(trace, "TraceHeader")),
            attachments=self._attachments(root, edxml))
        written = self._text(head, "DocumentId").strip()
        if written != str(envelope.document_id):
            raise MalformedMessage(f"MessageHeader/DocumentId {written!r} does not match From/OrganId, "
                                   f"PromulgationDate and Code ({envelope.document_id})")
        business_id = self._text(business, "DocumentId", required=False).strip()
        if business_id and business_id != written:
            raise MalformedMessage(f"Bussiness/DocumentId {business_id!r} is not the document's {written!r}")
        return envelope

    def _paper(self, business: Any) -> bool:
        text = self._text(business, "Paper", required=False).strip()
        if text not in ("", "0", "1"):
            raise MalformedMessage(f"{self._where(business, 'Paper')} {text!r} is neither 0 nor 1")
        return text == "1"

    def _replacement(self, element: Any) -> Replacement:
        ids = self._maybe(element, "OrganIdList")
        return Replacement(DocumentId.parse(self._text(element, "DocumentId")),
                           tuple(check_organ_id(str(e.text or "").strip(), self._where(e))
                                 for e in self._all(ids, "OrganId")) if ids is not None else ())

    def _attachments(self, root: Any, edxml: Any) -> tuple[Attachment, ...]:
        body = self._maybe(edxml, "edXMLBody")
        manifest = self._maybe(body, "edXMLManifest") if body is not None else None
        references = self._all(manifest, "Reference") if manifest is not None else []
        encoded = self._maybe(root, "AttachmentEncoded")
        files = self._all(encoded, "Attachment") if encoded is not None else []
        by_id: dict[str, Any] = {}
        for element in files:
            content_id = _without_cid(self._text(element, "ContentId"))
            if content_id in by_id:
                raise MalformedMessage(f"two attachments share the ContentId {content_id!r}")
            by_id[content_id] = element
        listed = [_without_cid(self._text(r, "ContentId")) for r in references]
        if len(set(listed)) != len(listed) or set(listed) != set(by_id):
            raise MalformedMessage(f"the manifest lists {sorted(listed)} but the message carries {sorted(by_id)}")
        return tuple(self._attachment(reference, by_id[content_id])
                     for reference, content_id in zip(references, listed, strict=True))

    def _attachment(self, reference: Any, element: Any) -> Attachment:
        content_id = _without_cid(self._text(element, "ContentId"))
        href = reference.get(f"{{{XLINK}}}href")
        if href is not None and _without_cid(href) != content_id:
            raise MalformedMessage(f"manifest Reference xlink:href {href!r} is not cid:{content_id}")
        name = self._text(element, "AttachmentName")
        content_type = self._text(element, "ContentType").strip()
        for field, value in (("AttachmentName", name), ("ContentType", content_type)):
            listed = self._text(reference, field, required=False)
            if listed and listed.strip() != value.strip():
                raise MalformedMessage(f"attachment {content_id}: the manifest's {field} {listed!r} is not {value!r}")
        text = self._text(element, "ContentTransferEncoded")
        try:
            data = binascii.a2b_base64(text, strict_mode=True)
        except (binascii.Error, ValueError):
            try:  # lines of 76 characters, as MIME writes base64, are fine too
                data = binascii.a2b_base64("".join(text.split()), strict_mode=True)
            except (binascii.Error, ValueError) as error:
                raise MalformedMessage(f"attachment {name!r}: its base64 is broken ({error})") from None
        size = reference.get(f"{{{ISOFLOW_NS}}}size")
        if size is not None and size != str(len(data)):
            raise MalformedMessage(f"attachment {name!r} is {len(data):,} bytes; the manifest says {size}")
        attachment = Attachment(name=name, content_type=content_type, data=data, content_id=content_id,
                                description=self._text(element, "Description", required=False))
        digest = reference.get(f"{{{ISOFLOW_NS}}}sha256")
        if digest is not None and digest.lower() != attachment.sha256:
            raise MalformedMessage(f"attachment {name!r}: its SHA-256 is {attachment.sha256}; the manifest says "
                                   f"{digest}")
        return attachment


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _without_cid(text: str) -> str:
    value = text.strip()
    return value[4:] if value.lower().startswith("cid:") else value

