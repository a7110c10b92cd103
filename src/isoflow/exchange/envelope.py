"""isoflow's own records of what agencies exchange: an :class:`Envelope` (a document with its
metadata and attachments) and a :class:`StatusMessage` (how the receiver is getting on).

edXML is foreign data: :mod:`isoflow.exchange.edxml` turns it into these records at the border
and back, and nothing else reads its elements.  Each record checks its own fields when it is
made (an OrganId, a code number, a date, a length from Decree 30 Phụ lục VI), so a record that
exists is one isoflow can send, and a message whose fields do not fit is refused while it is
read, with :class:`isoflow.errors.MalformedMessage` naming the field.  The document store
converts its records to and from these; it never sees edXML.

An OrganId is an opaque string (research documents.md §2.4): at most 35 characters, groups of
``0-9 A-Z`` joined by single dots (``000.00.00.H56``), its levels read by nobody here.  The test
axes' lowercase ids (``vxp.saas.03``) are allowed only inside
:func:`lowercase_test_ids` (offered by :mod:`isoflow.exchange.testing`).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from isoflow.errors import MalformedMessage
from isoflow.exchange.codes import BusinessType, Competence, Priority, StatusCode, default_codes

__all__ = ["VIETNAM", "Attachment", "DocumentId", "DocumentType", "Envelope", "Organisation", "Replacement",
           "Signer", "Staff", "StatusMessage", "TraceHeader", "check_organ_id", "lowercase_test_ids", "parse_day",
           "vietnam_time"]

#: Vietnam's offset, the one edXML timestamps are written in.
VIETNAM = timezone(timedelta(hours=7), "+07:00")

_ORGAN_ID = re.compile(r"[0-9A-Z]+(?:\.[0-9A-Z]+)*")
_TEST_ORGAN_ID = re.compile(r"[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*")
#: Set inside :func:`lowercase_test_ids` only.
_TEST_IDS: ContextVar[bool] = ContextVar("isoflow_exchange_test_ids", default=False)

#: Characters XML 1.0 cannot carry (and C0 controls other than tab and newlines).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CODE_NUMBER = re.compile(r"[0-9]+")
_NOTATION = re.compile(r"[^\s,]+")
_CONTENT_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(?:\s*;.*)?")
_CONTENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]*")
_BAD_NAME = re.compile(r"[/\\\x00-\x1f\x7f]")


@contextmanager
def lowercase_test_ids() -> Iterator[None]:
    """OrganIds may hold lowercase letters inside this block, as the test axes' ids do
    (``vxp.saas.03``); for tests only (:mod:`isoflow.exchange.testing` is where to take it from)."""
    token = _TEST_IDS.set(True)
    try:
        yield
    finally:
        _TEST_IDS.reset(token)


def check_organ_id(value: str, what: str = "OrganId") -> str:
    """``value`` if it is an OrganId, else :class:`MalformedMessage` naming ``what``."""
    limit = default_codes().limit("organ_id")
    pattern = _TEST_ORGAN_ID if _TEST_IDS.get() else _ORGAN_ID
    if not isinstance(value, str) or len(value) > limit or not pattern.fullmatch(value):
        raise MalformedMessage(f"{what} {value!r} is not an OrganId (at most {limit} characters, groups of "
                               "0-9 A-Z joined by dots, e.g. 000.00.00.H56)")
    return value


def vietnam_time(moment: datetime, what: str = "timestamp") -> datetime:
    """``moment`` in Vietnam's offset, to the second (what edXML carries); a naive one is refused."""
    if not isinstance(moment, datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise MalformedMessage(f"{what} {moment!r} has no offset; give an aware time (e.g. +07:00)")
    return moment.astimezone(VIETNAM).replace(microsecond=0)


def _text(what: str, value: str, limit: int | None = None, *, required: bool = False, line: bool = False) -> None:
    if not isinstance(value, str):
        raise MalformedMessage(f"{what} must be text, not {type(value).__name__}")
    if required and not value.strip():
        raise MalformedMessage(f"{what} is empty")
    if limit is not None and len(value) > limit:
        raise MalformedMessage(f"{what} is {len(value)} characters long; edXML allows {limit}")
    bad = _NOT_XML.search(value)
    if bad:
        raise MalformedMessage(f"{what} holds the character U+{ord(bad.group()):04X}, which XML cannot carry")
    if line and ("\n" in value or "\r" in value):
        raise MalformedMessage(f"{what} is one line, without line breaks")


def _day(what: str, value: date) -> None:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise MalformedMessage(f"{what} must be a date, not {type(value).__name__}")


def _count(what: str, value: int, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise MalformedMessage(f"{what} must be a whole number from {low} to {high}, not {value!r}")


def _tuple(what: str, values: Iterable[object], kind: type) -> None:
    if not isinstance(values, tuple):
        raise MalformedMessage(f"{what} must be a tuple")
    for value in values:
        if not isinstance(value, kind):
            raise MalformedMessage(f"{what} holds {type(value).__name__}, not {kind.__name__}")


@dataclass(frozen=True, slots=True)
class Organisation:
    """An agency as edXML names it (From, To): its OrganId and the envelope's address block
    (Phụ lục IV II: name, address, phone, fax, e-mail, website)."""

    organ_id: str
    name: str
    in_charge: str = ""  # OrganizationInCharge: the body it reports to (cơ quan chủ quản)
    address: str = ""
    email: str = ""
    phone: str = ""
    fax: str = ""
    website: str = ""

    def __post_init__(self) -> None:
        check_organ_id(self.organ_id)
        _text("OrganName", self.name, default_codes().limit("organ_name"), required=True, line=True)
        for what, value in (("OrganizationInCharge", self.in_charge), ("OrganAdd", self.address),
                            ("Email", self.email), ("Telephone", self.phone), ("Fax", self.fax),
                            ("Website", self.website)):
            _text(what, value, 500, line=True)


@dataclass(frozen=True, slots=True)
class DocumentId:
    """A document's identifier across agencies: ``orgId,YYYY/MM/DD,number/notation`` (the
    issuer's OrganId, the promulgation date, the số and ký hiệu), e.g.
    ``000.00.00.H56,2026/12/05,12/QĐ-UBND``."""

    organ_id: str
    date: date
    number: str
    notation: str

    def __post_init__(self) -> None:
        check_organ_id(self.organ_id, "the DocumentId's OrganId")
        _day("the DocumentId's date", self.date)
        codes = default_codes()
        if not isinstance(self.number, str) or not _CODE_NUMBER.fullmatch(self.number) \
                or len(self.number) > codes.limit("code_number"):
            raise MalformedMessage(f"CodeNumber {self.number!r} is not a number of at most "
                                   f"{codes.limit('code_number')} digits")
        _text("CodeNotation", self.notation, codes.limit("code_notation"), required=True)
        if not _NOTATION.fullmatch(self.notation):
            raise MalformedMessage(f"CodeNotation {self.notation!r} holds a space or a comma")

    def __str__(self) -> str:
        return f"{self.organ_id},{self.date:%Y/%m/%d},{self.number}/{self.notation}"

    @property
    def code(self) -> str:
        """Số and ký hiệu as printed: ``12/QĐ-UBND``."""
        return f"{self.number}/{self.notation}"

    @classmethod
    def parse(cls, text: str) -> DocumentId:
        """The identifier written ``orgId,YYYY/MM/DD,number/notation``; :class:`MalformedMessage`
        otherwise."""
        parts = text.strip().split(",")
        if len(parts) != 3 or "/" not in parts[2]:
            raise MalformedMessage(f"DocumentId {text!r} is not orgId,YYYY/MM/DD,number/notation")
        number, notation = parts[2].split("/", 1)
        return cls(parts[0], parse_day(parts[1], "the DocumentId's date"), number, notation)


def parse_day(text: str, what: str) -> date:
    """A date written ``YYYY/MM/DD``."""
    value = text.strip()
    if len(value) != 10 or value[4] != "/" or value[7] != "/" or not value.replace("/", "").isdigit():
        raise MalformedMessage(f"{what} {text!r} is not a date YYYY/MM/DD")
    try:
        return date(int(value[:4]), int(value[5:7]), int(value[8:]))
    except ValueError:
        raise MalformedMessage(f"{what} {text!r} is not a real date") from None


@dataclass(frozen=True, slots=True)
class DocumentType:
    """DocumentType: a code (see ``codes.toml``, recalled – verify) and the kind's name."""

    code: int
    name: str

    def __post_init__(self) -> None:
        _count("DocumentType/Type", self.code, 0, 999)
        _text("DocumentType/TypeName", self.name, 100, required=True, line=True)

    @classmethod
    def of(cls, code: int) -> DocumentType:
        """The type of a code the shipped list names (``DocumentType.of(18)``: công văn)."""
        name = default_codes().document_type_name(code)
        if not name:
            raise MalformedMessage(f"document type {code} is not in {default_codes().source}")
        return cls(code, name)


@dataclass(frozen=True, slots=True)
class Signer:
    """SignerInfo: in whose name (KT., TM. ...), the position, the full name."""

    position: str
    full_name: str
    competence: Competence = Competence.DIRECT

    def __post_init__(self) -> None:
        codes = default_codes()
        if not isinstance(self.competence, Competence):
            raise MalformedMessage(f"SignerInfo/Competence must be a Competence, not {self.competence!r}")
        _text("SignerInfo/Position", self.position, codes.limit("position"), required=True, line=True)
        _text("SignerInfo/FullName", self.full_name, codes.limit("full_name"), required=True, line=True)


@dataclass(frozen=True, slots=True)
class Staff:
    """StaffInfo: who at the agency handles the message."""

    name: str
    department: str = ""
    mobile: str = ""
    email: str = ""

    def __post_init__(self) -> None:
        for what, value in (("StaffInfo/Staff", self.name), ("StaffInfo/Department", self.department),
                            ("StaffInfo/Mobile", self.mobile), ("StaffInfo/Email", self.email)):
            _text(what, value, 200, line=True)


@dataclass(frozen=True, slots=True)
class TraceHeader:
    """One hop of the route: an agency (or axis) and when the message passed it."""

    organ_id: str
    timestamp: datetime

    def __post_init__(self) -> None:
        check_organ_id(self.organ_id, "TraceHeader/OrganId")
        object.__setattr__(self, "timestamp", vietnam_time(self.timestamp, "TraceHeader/Timestamp"))


@dataclass(frozen=True, slots=True)
class Replacement:
    """ReplacementInfo: a document this one replaces or updates, and the agencies that hold it."""

    document_id: DocumentId
    organ_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.document_id, DocumentId):
            raise MalformedMessage("ReplacementInfo/DocumentId must be a DocumentId")
        _tuple("ReplacementInfo/OrganIdList", self.organ_ids, str)
        for organ_id in self.organ_ids:
            check_organ_id(organ_id, "ReplacementInfo/OrganIdList/OrganId")


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with the document: its name, MIME type, content id (``cid:`` in the manifest),
    bytes, and their SHA-256 (hex, computed)."""

    name: str
    content_type: str
    data: bytes
    content_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    description: str = ""
    sha256: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        _text("AttachmentName", self.name, 255, required=True, line=True)
        if _BAD_NAME.search(self.name) or self.name.strip(". ") == "":
            raise MalformedMessage(f"AttachmentName {self.name!r} is not a plain file name")
        if not isinstance(self.content_type, str) or len(self.content_type) > 255 \
                or not _CONTENT_TYPE.fullmatch(self.content_type):
            raise MalformedMessage(f"ContentType {self.content_type!r} is not a MIME type (type/subtype)")
        if not isinstance(self.content_id, str) or len(self.content_id) > 200 \
                or not _CONTENT_ID.fullmatch(self.content_id):
            raise MalformedMessage(f"ContentId {self.content_id!r} is not a content id")
        _text("Attachment Description", self.description, 500)
        if not isinstance(self.data, bytes):
            raise MalformedMessage(f"attachment {self.name!r}: data must be bytes")
        object.__setattr__(self, "sha256", hashlib.sha256(self.data).hexdigest())

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True, slots=True)
class Envelope:
    """A document sent between agencies (edXML's MessageHeader, TraceHeaderList and body).

    ``document_id`` is not given: it is the sender's OrganId, the promulgation date and the
    code, so it cannot disagree with them.
    """

    sender: Organisation
    recipients: tuple[Organisation, ...]
    code_number: str
    code_notation: str
    place: str
    promulgation_date: date
    document_type: DocumentType
    subject: str
    signer: Signer
    content: str = ""
    due_date: date | None = None
    to_places: tuple[str, ...] = ()
    priority: Priority = Priority.NORMAL
    sphere: str = ""            # SphereOfPromulgation: phạm vi ban hành
    typer_notation: str = ""    # TyperNotation: ký hiệu người đánh máy
    promulgation_amount: int = 1
    page_amount: int = 1
    appendixes: tuple[str, ...] = ()
    response_for: tuple[DocumentId, ...] = ()
    steering_type: int = 0
    business_type: BusinessType = BusinessType.NEW
    business_reason: str = ""
    paper: bool = False         # a paper copy is sent too
    staff: Staff | None = None
    replacements: tuple[Replacement, ...] = ()
    trace: tuple[TraceHeader, ...] = ()
    attachments: tuple[Attachment, ...] = ()

    def __post_init__(self) -> None:
        codes = default_codes()
        if not isinstance(self.sender, Organisation):
            raise MalformedMessage("From must be an Organisation")
        _tuple("To", self.recipients, Organisation)
        if not self.recipients:
            raise MalformedMessage("To is empty: an envelope goes to at least one agency")
        seen = [r.organ_id for r in self.recipients]
        if len(set(seen)) != len(seen):
            raise MalformedMessage(f"To names an OrganId twice: {', '.join(seen)}")
        self.document_id  # noqa: B018 - checks the code number, notation and date
        _text("PromulgationInfo/Place", self.place, 200, required=True, line=True)
        if not isinstance(self.document_type, DocumentType):
            raise MalformedMessage("DocumentType must be a DocumentType")
        _text("Subject", self.subject, codes.limit("subject"), required=True)
        if not isinstance(self.signer, Signer):
            raise MalformedMessage("SignerInfo must be a Signer")
        _text("Content", self.content)
        if self.due_date is not None:
            _day("DueDate", self.due_date)
        _tuple("ToPlaces", self.to_places, str)
        for place in self.to_places:
            _text("ToPlaces/Place", place, codes.limit("to_places"), required=True)
        if not isinstance(self.priority, Priority):
            raise MalformedMessage(f"OtherInfo/Priority must be a Priority, not {self.priority!r}")
        _text("OtherInfo/SphereOfPromulgation", self.sphere, 200, line=True)
        _text("OtherInfo/TyperNotation", self.typer_notation, 50, line=True)
        _count("OtherInfo/PromulgationAmount", self.promulgation_amount, 0, 999)
        _count("OtherInfo/PageAmount", self.page_amount, 0, 999)
        _tuple("OtherInfo/Appendixes", self.appendixes, str)
        for appendix in self.appendixes:
            _text("OtherInfo/Appendixes/Appendix", appendix, 500, required=True)
        _tuple("ResponseFor", self.response_for, DocumentId)
        _count("SteeringType", self.steering_type, 0, codes.steering_max)
        if not isinstance(self.business_type, BusinessType):
            raise MalformedMessage(f"BussinessDocType must be a BusinessType, not {self.business_type!r}")
        _text("BussinessDocReason", self.business_reason, codes.limit("description"))
        if not isinstance(self.paper, bool):
            raise MalformedMessage("Paper must be True or False")
        if self.staff is not None and not isinstance(self.staff, Staff):
            raise MalformedMessage("StaffInfo must be a Staff")
        _tuple("ReplacementInfoList", self.replacements, Replacement)
        _tuple("TraceHeaderList", self.trace, TraceHeader)
        _tuple("attachments", self.attachments, Attachment)
        ids = [a.content_id for a in self.attachments]
        if len(set(ids)) != len(ids):
            raise MalformedMessage(f"two attachments share a ContentId: {', '.join(ids)}")

    @property
    def document_id(self) -> DocumentId:
        """``orgId,YYYY/MM/DD,number/notation`` of the sender, the date and the code."""
        return DocumentId(self.sender.organ_id, self.promulgation_date, self.code_number, self.code_notation)

    @property
    def recipient_ids(self) -> tuple[str, ...]:
        return tuple(r.organ_id for r in self.recipients)


@dataclass(frozen=True, slots=True)
class StatusMessage:
    """A status message about a document (``response_for``), from ``sender``: a recipient telling
    the issuer how far it got (01-06), or the recall exchange (13 from the issuer, 15/16 back)."""

    response_for: DocumentId
    sender: Organisation
    code: StatusCode
    timestamp: datetime
    description: str = ""
    staff: Staff | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.response_for, DocumentId):
            raise MalformedMessage("ResponseFor must be a DocumentId")
        if not isinstance(self.sender, Organisation):
            raise MalformedMessage("From must be an Organisation")
        if not isinstance(self.code, StatusCode):
            raise MalformedMessage(f"StatusCode must be a StatusCode, not {self.code!r}")
        object.__setattr__(self, "timestamp", vietnam_time(self.timestamp, "Timestamp"))
        _text("Description", self.description, default_codes().limit("description"))
        if self.staff is not None and not isinstance(self.staff, Staff):
            raise MalformedMessage("StaffInfo must be a Staff")
        if self.code.from_issuer and self.sender.organ_id != self.response_for.organ_id:
            raise MalformedMessage(f"status {self.code.value} is the issuer's, but {self.sender.organ_id} "
                                   f"did not issue {self.response_for}")

    @property
    def addressee(self) -> str | None:
        """The OrganId the message is for when the message says it: the issuer, for every code
        a recipient sends (for 13 the issuer sends it to recipients the message does not name)."""
        return None if self.code.from_issuer else self.response_for.organ_id

