"""An official document (văn bản hành chính) as Decree 30/2020/NĐ-CP describes it: pure records
and the rules that check them.

A document runs on a document process (``processes/van-ban-den.xml``, ``van-ban-di.xml``) like a
dossier does; this record is what the process does not carry: the kind and its abbreviation,
number and notation, date and place, summary, issuer and parent body, the signer and the
authority they sign with, recipients, urgency and confidentiality marks, the drafter's mark and
copies count, and the attachments (by SHA-256).  Every check gives one line naming the field and
the rule (:class:`isoflow.errors.InvalidDocument`).

Sources (research/documents.md, read in the decree's text and appendices):

* kinds and abbreviations: Art. 7 and Phụ lục III §I (công văn and thư công have none);
* number and notation: Art. 15 and Phụ lục I §II.3 (numbers under 10 written 01..09; notation
  = kind abbreviation and agency abbreviation joined by "-" with no space, for a công văn the
  agency and the drafting unit's abbreviations: ``15/QĐ-UBND``, ``05/UBND-VP``);
* signer's authority: Art. 13 (TM., KT., TL., TUQ.) and Phụ lục I §II.7(b) (Q.);
* urgency (HỎA TỐC, THƯỢNG KHẨN, KHẨN) and confidentiality (TUYỆT MẬT, TỐI MẬT, MẬT): Phụ lục I
  §II.10;
* recipients: "Kính gửi" and "Nơi nhận" ending with "Lưu: VT, ..." (Phụ lục I §II.9), the
  drafter's mark and copies count (Phụ lục I §II.13);
* copies: sao y, sao lục, trích sao (Art. 25) numbered in their own series, SY / SL / TrS
  (Phụ lục I Part II, Phụ lục III).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import msgspec

from isoflow.errors import InvalidDocument
from isoflow.model.dossier import Event

__all__ = ["ADMINISTRATIVE_KINDS", "COPY_KINDS", "COPY_LABELS", "Authority", "Confidentiality", "Direction",
           "DocumentFile",
           "DocumentRecord", "NumberingPlan", "Signer", "Urgency", "abbreviation", "format_number", "notation_for",
           "record_from_json", "record_to_json", "with_facts"]

#: Phụ lục III §I: the kinds of administrative document and their abbreviations (read from
#: Phuluc3.docx, research/documents.md §1.7).  Công văn and thư công have no abbreviation.
ADMINISTRATIVE_KINDS: Mapping[str, str] = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC", "Quy định": "QyĐ",
    "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr", "Kế hoạch": "KH",
    "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB", "Tờ trình": "TTr",
    "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "BGN", "Bản thỏa thuận": "BTT", "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM", "Giấy giới thiệu": "GGT", "Giấy nghỉ phép": "GNP", "Phiếu gửi": "PG", "Phiếu chuyển": "PC",
    "Phiếu báo": "PB", "Công văn": "", "Thư công": "",
}

#: Copies (Art. 25, Phụ lục III): one series for the three kinds, each with its suffix.
COPY_KINDS: Mapping[str, str] = {"Bản sao y": "SY", "Bản sao lục": "SL", "Bản trích sao": "TrS"}
#: The copy-form label printed on an electronic copy (Phụ lục I Part II.I).
COPY_LABELS: Mapping[str, str] = {"Bản sao y": "SAO Y", "Bản sao lục": "SAO LỤC", "Bản trích sao": "TRÍCH SAO"}

_ABBREVIATION = re.compile(r"[0-9A-Za-zĐđ]+")
_NOTATION = re.compile(r"[0-9A-Za-zĐđ]+(?:[-/.][0-9A-Za-zĐđ]+)*")
_SERIES = re.compile(r"[0-9a-z][0-9a-z-]{0,39}")


class Direction(enum.StrEnum):
    INCOMING = "incoming"   # văn bản đến
    OUTGOING = "outgoing"   # văn bản đi


class Authority(enum.StrEnum):
    """In whose name the signer signs (Art. 13; Phụ lục I §II.7(b) for Q.)."""

    DIRECT = ""      # the head signs in their own right
    TM = "TM."       # thay mặt: for a collective body
    KT = "KT."       # ký thay: a deputy for the head
    TL = "TL."       # thừa lệnh: by the head's order, set in the working rules
    TUQ = "TUQ."     # thừa ủy quyền: delegated in writing, limited in time and scope
    Q = "Q."         # quyền: acting head


class Urgency(enum.StrEnum):
    """Phụ lục I §II.10(b); the edXML Priority 0-3 follows this order."""

    NORMAL = ""
    URGENT = "KHẨN"
    VERY_URGENT = "THƯỢNG KHẨN"
    FLASH = "HỎA TỐC"


class Confidentiality(enum.StrEnum):
    """Phụ lục I §II.10(a), under the state-secrets law."""

    NONE = ""
    SECRET = "MẬT"  # noqa: S105 - a confidentiality mark, not a password
    TOP_SECRET = "TỐI MẬT"  # noqa: S105
    MOST_SECRET = "TUYỆT MẬT"  # noqa: S105


def abbreviation(kind: str) -> str:
    """The kind's abbreviation (Phụ lục III): ``"Quyết định"`` -> ``"QĐ"``, ``"Công văn"`` -> ``""``."""
    if kind in ADMINISTRATIVE_KINDS:
        return ADMINISTRATIVE_KINDS[kind]
    if kind in COPY_KINDS:
        return COPY_KINDS[kind]
    raise InvalidDocument(f"kind {kind!r} is not a kind of Decree 30/2020 Phụ lục III "
                          f"(e.g. {', '.join(list(ADMINISTRATIVE_KINDS)[:4])}, Công văn)")


def format_number(number: int) -> str:
    """The number as printed: numbers under 10 take a leading zero (Phụ lục I §II.3): 5 -> ``05``."""
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise InvalidDocument(f"a document number is a whole number from 1, not {number!r}")
    return f"{number:02d}"


def notation_for(kind: str, agency: str, unit: str = "") -> str:
    """The notation (ký hiệu) of Phụ lục I §II.3: ``QĐ-UBND`` for a kind with an abbreviation,
    ``UBND-VP`` for a công văn (agency, then the drafting unit or field)."""
    short = abbreviation(kind)
    for what, value in (("agency abbreviation", agency), ("unit abbreviation", unit)):
        if value and not _ABBREVIATION.fullmatch(value):
            raise InvalidDocument(f"{what} {value!r} is letters and digits only, no space (Phụ lục I §II.3)")
    if not agency:
        raise InvalidDocument("the agency abbreviation is empty: a notation names the issuing agency")
    if short:
        return f"{short}-{agency}" + (f"-{unit}" if unit else "")
    if not unit:
        raise InvalidDocument(f"a {kind.lower()} is notated agency-unit (e.g. UBND-VP): give the drafting unit")
    return f"{agency}-{unit}"


@dataclass(frozen=True, slots=True)
class Signer:
    """Who signs and with what authority: ``authority`` + ``principal`` is the first line of the
    signature block (``KT. CHỦ TỊCH``, ``TM. ỦY BAN NHÂN DÂN``), ``position`` the second."""

    name: str
    position: str
    authority: Authority = Authority.DIRECT
    principal: str = ""

    def lines(self) -> tuple[str, ...]:
        """The signature block as printed (Phụ lục I §II.7): authority line, position, name."""
        if self.authority is Authority.Q:
            return (f"Q. {self.position.upper()}", self.name)
        head = (f"{self.authority.value} {self.principal.upper()}",) if self.authority else ()
        return (*head, self.position.upper(), self.name)

    def check(self) -> None:
        if not isinstance(self.authority, Authority):
            raise InvalidDocument(f"signer authority {self.authority!r} is not one of TM., KT., TL., TUQ., Q. "
                                  "(Decree 30/2020 Art. 13) or none")
        _line("signer name", self.name, 50)
        _line("signer position", self.position, 100)
        needs_principal = self.authority in (Authority.TM, Authority.KT, Authority.TL, Authority.TUQ)
        if needs_principal and not self.principal.strip():
            raise InvalidDocument(f"a signature {self.authority.value} names for whom it is signed "
                                  f"(e.g. {self.authority.value} CHỦ TỊCH): principal is empty (Art. 13)")
        if not needs_principal and self.principal:
            raise InvalidDocument(f"principal {self.principal!r} is given, but the signer signs "
                                  f"{'as acting head (Q.)' if self.authority else 'in their own right'}")


@dataclass(frozen=True, slots=True)
class DocumentFile:
    """An attachment as the record keeps it: its name, type, size and SHA-256 (the bytes are in
    the store's content-addressed files, their hash in the document's events)."""

    name: str
    content_type: str
    size: int
    sha256: str

    def check(self) -> None:
        _line("attachment name", self.name, 255)
        if "/" in self.name or "\\" in self.name or self.name.strip(". ") == "":
            raise InvalidDocument(f"attachment name {self.name!r} is not a plain file name")
        if not re.fullmatch(r"[0-9a-f]{64}", self.sha256):
            raise InvalidDocument(f"attachment {self.name!r}: {self.sha256!r} is not a SHA-256 in hex")
        if isinstance(self.size, bool) or not isinstance(self.size, int) or self.size < 0:
            raise InvalidDocument(f"attachment {self.name!r}: size {self.size!r} is not a byte count")


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One official document, incoming or outgoing (see the module's documentation).

    ``number`` is ``None`` until the văn thư numbers an outgoing document (Art. 15: after it is
    signed); an incoming one carries the number its issuer gave, as written (``"345"``).
    ``arrival`` is the incoming number (số đến, Art. 22(2)), set when it is registered.
    """

    direction: Direction
    kind: str
    subject: str
    issuer: str
    parent: str = ""
    issuer_id: str = ""            # the issuer's OrganId (edXML), when known
    number: str | None = None
    notation: str = ""
    issued_on: date | None = None
    place: str = ""
    signer: Signer | None = None
    addressees: tuple[str, ...] = ()     # Kính gửi
    recipients: tuple[str, ...] = ()     # Nơi nhận (before "Lưu")
    filed_at: tuple[str, ...] = ("VT",)  # Lưu: VT, the drafting unit ...
    urgency: Urgency = Urgency.NORMAL
    confidentiality: Confidentiality = Confidentiality.NONE
    drafter_mark: str = ""
    copies: int = 1
    legal_normative: bool = False
    received_on: date | None = None
    arrival: int | None = None
    attachments: tuple[DocumentFile, ...] = field(default=())
    recipient_ids: tuple[str, ...] = ()  # OrganIds an outgoing document is sent to electronically
    exchange_id: str = ""                # edXML DocumentId of a document received electronically

    @property
    def code(self) -> str:
        """``15/QĐ-UBND`` (or only the notation before it is numbered)."""
        return f"{self.number}/{self.notation}" if self.number else self.notation

    @property
    def is_cong_van(self) -> bool:
        return self.kind in ("Công văn", "Thư công")

    @property
    def title(self) -> str:
        """The kind and summary as the registers print them ("Tên loại và trích yếu nội dung"):
        a công văn has no kind title, its summary follows "V/v" (Phụ lục I §II.5(b))."""
        return f"V/v {self.subject}" if self.is_cong_van else f"{self.kind} {self.subject}"

    def filing_line(self) -> str:
        """The last line of "Nơi nhận": ``Lưu: VT, VP.`` (Phụ lục I §II.9)."""
        return f"Lưu: {', '.join(self.filed_at)}."

    def mark(self) -> str:
        """The drafter's mark and copies count (Phụ lục I §II.13): ``NVA(03)``."""
        return f"{self.drafter_mark}({self.copies:02d})" if self.drafter_mark else ""

    def check(self) -> DocumentRecord:
        """The record itself if it fits Decree 30/2020; :class:`InvalidDocument` (one line) if not."""
        if not isinstance(self.direction, Direction):
            raise InvalidDocument(f"direction {self.direction!r} is neither incoming nor outgoing")
        short = abbreviation(self.kind)
        _line("summary (trích yếu)", self.subject, 500, required=True)
        _line("issuer", self.issuer, 200, required=True)
        _line("parent body", self.parent, 200)
        _line("place", self.place, 200)
        if not isinstance(self.urgency, Urgency):
            raise InvalidDocument(f"urgency {self.urgency!r} is not KHẨN, THƯỢNG KHẨN or HỎA TỐC (Phụ lục I §II.10)")
        if not isinstance(self.confidentiality, Confidentiality):
            raise InvalidDocument(f"confidentiality {self.confidentiality!r} is not MẬT, TỐI MẬT or TUYỆT MẬT "
                                  "(Phụ lục I §II.10)")
        if self.number is not None and not re.fullmatch(r"[0-9]{1,11}", self.number):
            raise InvalidDocument(f"number {self.number!r} is digits only (CodeNumber, Phụ lục VI)")
        if self.notation and (len(self.notation) > 30 or not _NOTATION.fullmatch(self.notation)):
            raise InvalidDocument(f"notation {self.notation!r} is letters and digits joined by '-' with no "
                                  "space, at most 30 characters (Phụ lục I §II.3, Phụ lục VI CodeNotation)")
        if self.signer is not None:
            if not isinstance(self.signer, Signer):
                raise InvalidDocument("signer must be a Signer")
            self.signer.check()
        for what, lines in (("Kính gửi", self.addressees), ("Nơi nhận", self.recipients), ("Lưu", self.filed_at)):
            if not isinstance(lines, tuple):
                raise InvalidDocument(f"{what} must be a tuple of lines")
            for line in lines:
                _line(what, line, 1000, required=True)
        if isinstance(self.copies, bool) or not isinstance(self.copies, int) or not 1 <= self.copies <= 999:
            raise InvalidDocument(f"copies {self.copies!r} is a count from 1 to 999 (IssuedAmount, Phụ lục VI)")
        if self.drafter_mark and not _ABBREVIATION.fullmatch(self.drafter_mark):
            raise InvalidDocument(f"drafter mark {self.drafter_mark!r} is letters only, e.g. NVA (Phụ lục I §II.13)")
        for attachment in self.attachments:
            attachment.check()
        for organ_id in self.recipient_ids:
            _line("recipient OrganId", organ_id, 35, required=True)
        _line("edXML DocumentId", self.exchange_id, 300)
        if self.direction is Direction.OUTGOING:
            self._check_outgoing(short)
        else:
            self._check_incoming()
        return self

    def _check_outgoing(self, short: str) -> None:
        if self.notation:
            if short and not self.notation.startswith(short + "-"):
                raise InvalidDocument(f"a {self.kind.lower()}'s notation begins with {short}- "
                                      f"(Phụ lục III), not {self.notation!r}")
            if not short and self.notation.split("-")[0] in set(ADMINISTRATIVE_KINDS.values()) - {""}:
                raise InvalidDocument(f"a {self.kind.lower()} has no kind abbreviation: its notation is agency-unit "
                                      f"(e.g. UBND-VP), not {self.notation!r} (Phụ lục III)")
        if not self.filed_at or self.filed_at[0] != "VT":
            raise InvalidDocument("Nơi nhận ends with 'Lưu: VT, ...': the văn thư keeps the original first "
                                  "(Art. 19, Phụ lục I §II.9)")
        if not self.recipients and not self.addressees:
            raise InvalidDocument("an outgoing document names its recipients (Kính gửi or Nơi nhận)")
        if self.is_cong_van and not self.addressees:
            raise InvalidDocument("a công văn is addressed: Kính gửi is empty (Phụ lục III, Mẫu 1.5)")
        if self.arrival is not None or self.received_on is not None:
            raise InvalidDocument("an outgoing document has no incoming number or arrival date")

    def _check_incoming(self) -> None:
        if not self.number or not self.notation or self.issued_on is None:
            raise InvalidDocument("an incoming document is registered with its issuer's number, notation and date "
                                  "(Sổ đăng ký văn bản đến, Phụ lục IV mục VI)")
        if self.received_on is not None and self.received_on < self.issued_on:
            raise InvalidDocument(f"received on {self.received_on:%d/%m/%Y}, before it was issued "
                                  f"({self.issued_on:%d/%m/%Y})")
        if self.arrival is not None and (isinstance(self.arrival, bool) or self.arrival < 1):
            raise InvalidDocument(f"incoming number {self.arrival!r} is a whole number from 1")


@dataclass(frozen=True, slots=True)
class NumberingPlan:
    """An agency's numbering series (Art. 15): which series a document takes its number from.

    * incoming documents: one yearly series ``den`` (Art. 22(2));
    * copies: one series ``sao`` for SY, SL and TrS (Phụ lục I Part II), whichever register
      the numbering action names (a copy runs on the outgoing chain);
    * secret documents: their own series ``mat`` (Art. 15, paper documents);
    * legal normative documents: one series per kind, ``qppl-<abbreviation>`` (Art. 15(a));
    * administrative documents: as the head decides (Art. 15(c)): one series ``van-ban`` for
      all (the default), or the kinds listed in ``own_series`` in a series of their own.
    """

    own_series: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for kind, series in self.own_series.items():
            abbreviation(kind)
            if not _SERIES.fullmatch(series) or series in ("den", "sao", "mat", "van-ban"):
                raise InvalidDocument(f"series {series!r} of {kind}: lowercase letters, digits and '-', "
                                      "not one of den, sao, mat, van-ban")

    def series(self, record: DocumentRecord, register: str) -> str:
        """The series ``record`` takes a number of ``register`` (incoming, outgoing, copy) from."""
        if register == "incoming":
            return "den"
        if register == "copy" or record.kind in COPY_KINDS:
            return "sao"  # a copy numbered on the outgoing chain takes the copies' number too
        if register != "outgoing":
            raise InvalidDocument(f"register {register!r} is not incoming, outgoing or copy")
        if record.confidentiality is not Confidentiality.NONE:
            return "mat"
        if record.legal_normative:
            return "qppl-" + _ascii(abbreviation(record.kind) or "cv")
        return self.own_series.get(record.kind, "van-ban")


def _ascii(text: str) -> str:
    return text.replace("Đ", "D").replace("đ", "d").lower()


def _line(what: str, value: str, limit: int, *, required: bool = False) -> None:
    if not isinstance(value, str):
        raise InvalidDocument(f"{what} must be text, not {type(value).__name__}")
    if required and not value.strip():
        raise InvalidDocument(f"{what} is empty")
    if len(value) > limit:
        raise InvalidDocument(f"{what} is {len(value)} characters long; at most {limit} (Phụ lục VI)")
    if "\n" in value or "\r" in value or any(ord(ch) < 32 for ch in value):
        raise InvalidDocument(f"{what} is one line, without control characters")


def record_to_json(record: DocumentRecord) -> str:
    """The record as JSON text (what the store keeps and the events' hashes cover)."""
    return msgspec.json.encode(record).decode("utf-8")


def with_facts(event: Event, facts: Mapping[str, Any]) -> Event:
    """``event`` with the document's facts (files' and record's hashes, the number taken) added
    to its data, before it is sealed onto the chain."""
    return msgspec.structs.replace(event, data={**event.data, **facts})


def record_from_json(text: str | bytes) -> DocumentRecord:
    """A record read back (and checked); :class:`InvalidDocument` if the JSON is not one."""
    try:
        record = msgspec.json.decode(text, type=DocumentRecord)
    except msgspec.ValidationError as error:
        raise InvalidDocument(f"the stored record does not read as a document: {error}") from None
    return record.check()
