"""The văn thư's office: official documents run on their processes by the same engine, with
their records, numbers and files kept in the store, one transaction per move.

:class:`DocumentOffice` is to documents what :class:`isoflow.desk.Desk` is to dossiers.  Each
call reads the document's dossier, lets the pure engine decide the move, adds what a document
needs to the move's event (the SHA-256 of each file it adds and of the record as it now stands),
seals the event onto the hash chain, and writes dossier, events and record at once.  An action
that takes a number (``<number register=... field=...>`` in the process) takes it from the
document's series in the same transaction (:class:`isoflow.store.documents.DocumentStore`), so
a refused or failed move gives no number away.

The record's hash in the events makes a record edited in the database visible to
:meth:`DocumentOffice.verify`, as the files' hashes make a changed or missing file visible.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from isoflow.errors import AttachmentError, DocumentError, InvalidDocument
from isoflow.model.document import (
    Direction,
    DocumentFile,
    DocumentRecord,
    NumberingPlan,
    format_number,
    record_from_json,
    record_to_json,
    with_facts,
)
from isoflow.model.dossier import GENESIS, Dossier, Event
from isoflow.running.engine import Engine, Move
from isoflow.store import Store
from isoflow.store.codec import seal_write
from isoflow.store.documents import DocumentRow, DocumentStore, SeriesKey

__all__ = ["INCOMING_PROCESS", "OUTGOING_PROCESS", "Agency", "DocumentOffice", "FollowUp", "NewFile"]

#: The shipped chains (processes/van-ban-den.xml, processes/van-ban-di.xml).
INCOMING_PROCESS = "QT-VT-01"
OUTGOING_PROCESS = "QT-VT-02"


@dataclass(frozen=True, slots=True)
class Agency:
    """The agency whose văn thư this is: its code (the OrganId, also the unit of its document
    codes and the key of its numbering series), name, abbreviation (in notations), place and
    parent body."""

    code: str
    name: str
    abbreviation: str
    place: str
    parent: str = ""


@dataclass(frozen=True, slots=True)
class NewFile:
    """A file to attach: its name, MIME type and bytes.  ``replaces`` names an attachment it
    supersedes (a signed PDF replacing the unsigned one)."""

    name: str
    content_type: str
    data: bytes
    replaces: str = ""


@dataclass(frozen=True, slots=True)
class FollowUp:
    """An incoming document being handled (Sổ theo dõi giải quyết văn bản đến): its deadline and
    whether it has passed."""

    code: str
    record: DocumentRecord
    lead: str
    deadline: date | None
    progress: str
    overdue: bool


class DocumentOffice:
    """Receive, register, assign, draft, number and file official documents (see the module)."""

    def __init__(self, engine: Engine, store: Store, agency: Agency, plan: NumberingPlan | None = None, *,
                 incoming: str = INCOMING_PROCESS, outgoing: str = OUTGOING_PROCESS) -> None:
        self.engine = engine
        self.store = store
        self.documents = DocumentStore(store)
        self.agency = agency
        self.plan = plan or NumberingPlan()
        self.processes = {Direction.INCOMING: incoming, Direction.OUTGOING: outgoing}

    # -- new documents ------------------------------------------------------------------------

    def receive(self, record: DocumentRecord, *, actor: str, at: datetime, role: str = "van-thu",
                files: Sequence[NewFile] = (), allow_duplicate: bool = False, comment: str = "") -> Dossier:
        """An incoming document received (Art. 21): its record, files and the first event.

        A document already recorded with the same issuer, number, notation and date is refused
        (Phụ lục VI I.III: the văn thư is warned of a duplicate) unless ``allow_duplicate``."""
        if record.direction is not Direction.INCOMING:
            raise InvalidDocument("receive takes an incoming document; draft an outgoing one")
        record = dataclasses.replace(record, received_on=record.received_on or at.date()).check()
        assert record.number is not None
        assert record.issued_on is not None
        same = self.documents.same_incoming(self.agency.code, record.issuer, record.number, record.notation,
                                            record.issued_on)
        if same and not allow_duplicate:
            raise DocumentError(f"văn bản trùng: {record.code} ngày {record.issued_on:%d/%m/%Y} của {record.issuer} "
                                f"đã được tiếp nhận ({', '.join(same)})")
        return self._create(record, actor=actor, role=role, at=at, files=files, comment=comment)

    def draft(self, record: DocumentRecord, *, actor: str, at: datetime, role: str = "chuyen-vien",
              files: Sequence[NewFile] = (), comment: str = "") -> Dossier:
        """An outgoing document begun (Art. 10): its record (unnumbered), draft files, first event."""
        if record.direction is not Direction.OUTGOING:
            raise InvalidDocument("draft takes an outgoing document; receive an incoming one")
        if record.number is not None:
            raise InvalidDocument("a draft has no number yet: the văn thư numbers it after signing (Art. 15)")
        return self._create(record.check(), actor=actor, role=role, at=at, files=files, comment=comment)

    def _create(self, record: DocumentRecord, *, actor: str, role: str, at: datetime, files: Sequence[NewFile],
                comment: str) -> Dossier:
        record, added = self._attach(record, files)
        process = self.processes[record.direction]

        def factory(code: str) -> tuple[Dossier, Sequence[Event], DocumentRow]:
            move = self.engine.receive(code, process, unit=self.agency.code, channel="online", applicant={},
                                       data={}, actor=actor, role=role, at=at, comment=comment)
            dossier, events = self._seal(move, GENESIS, record, added)
            return dossier, events, self._row(code, record)

        return self.documents.create(self.agency.code, at.date(), factory)

    # -- moves --------------------------------------------------------------------------------

    def act(self, code: str, action: str, *, actor: str, role: str, at: datetime,
            data: Mapping[str, Any] | None = None, comment: str = "", files: Sequence[NewFile] = (),
            record: DocumentRecord | None = None) -> Dossier:
        """Take ``action`` on document ``code``; ``files`` are attached (their hashes enter the
        move's event), ``record`` replaces the record (checked; the same document: direction,
        number and notation kept).  An action that takes a number takes it here."""
        dossier = self.store.load(code)
        current = self.record(code)
        updated = current if record is None else self._revised(current, record)
        updated, added = self._attach(updated, files)
        taking = self._number_taken(dossier, action, role)
        if taking is None:
            move = self.engine.fire(dossier, action, actor=actor, role=role, at=at, data=data, comment=comment)
            changed = updated != current
            sealed, events = self._seal(move, dossier.last_hash, updated if changed else None, added)
            self.documents.append(sealed, events, dossier.version, self._row(code, updated) if changed else None)
            return sealed
        register, field = taking
        key = SeriesKey(self.agency.code, at.year, self.plan.series(updated, register))
        result: list[Dossier] = []

        def build(number: int) -> tuple[Dossier, Sequence[Event], int, DocumentRow]:
            numbered = _numbered(updated, register, number, at)
            move = self.engine.fire(dossier, action, actor=actor, role=role, at=at,
                                    data={**(data or {}), field: number}, comment=comment)
            sealed, events = self._seal(move, dossier.last_hash, numbered, added,
                                        {"series": key.series, "number": number})
            result.append(sealed)
            return sealed, events, dossier.version, self._row(code, numbered)

        self.documents.take_and_append(key, at, build)
        return result[0]

    def _number_taken(self, dossier: Dossier, action: str, role: str) -> tuple[str, str] | None:
        """(register, field) when ``action`` from the dossier's step takes a number."""
        process = self.engine.process_of(dossier)
        for compiled in process.actions.get(dossier.state, ()):
            if compiled.id == action and role in compiled.roles and compiled.action.number is not None:
                return compiled.action.number.register, compiled.action.number.field
        return None

    # -- the chains' steps, by name -------------------------------------------------------------

    def register(self, code: str, *, actor: str, at: datetime, comment: str = "") -> Dossier:
        """Register an incoming document (Art. 22): checked, given the year's next incoming number."""
        return self.act(code, "vao_so", actor=actor, role="van-thu", at=at, data={"hop_le": True}, comment=comment)

    def assign(self, code: str, *, lead: str, deadline: date, direction: str, actor: str, at: datetime,
               supporting: Sequence[str] = ()) -> Dossier:
        """The leader's direction (Art. 23): lead unit, supporting units, deadline."""
        return self.act(code, "phan_cong", actor=actor, role="lanh-dao", at=at,
                        data={"y_kien_chi_dao": direction, "don_vi_chu_tri": lead,
                              "don_vi_phoi_hop": ", ".join(supporting), "han_giai_quyet": deadline})

    def number(self, code: str, *, actor: str, at: datetime) -> Dossier:
        """Number and date a signed outgoing document (Art. 15)."""
        return self.act(code, "cap_so", actor=actor, role="van-thu", at=at)

    def cancel_number(self, code: str, *, reason: str, at: datetime) -> None:
        """Record that the number document ``code`` took is cancelled (Art. 15: no number is
        missing without a cancellation on record)."""
        record = self.record(code)
        register, number = ("incoming", record.arrival) if record.direction is Direction.INCOMING else \
            ("outgoing", int(record.number) if record.number else None)
        if number is None:
            raise DocumentError(f"{code} has no number to cancel")
        year = (record.received_on if register == "incoming" else record.issued_on) or at.date()
        self.documents.cancel(SeriesKey(self.agency.code, year.year, self.plan.series(record, register)), number,
                              reason, at)

    # -- reading ------------------------------------------------------------------------------

    def record(self, code: str) -> DocumentRecord:
        """The document's record; :class:`DocumentNotFound` if ``code`` is not a document."""
        return record_from_json(self.documents.row(code).body)

    def show(self, code: str) -> tuple[Dossier, DocumentRecord]:
        return self.store.load(code), self.record(code)

    def history(self, code: str) -> list[Event]:
        self.documents.row(code)
        return self.store.history(code)

    def file(self, code: str, name: str) -> bytes:
        """The bytes of attachment ``name`` (checked against its hash)."""
        for attachment in self.record(code).attachments:
            if attachment.name == name:
                return self.documents.get_file(attachment.sha256)
        raise AttachmentError(f"{code} has no attachment {name!r}")

    def follow_up(self, as_of: date) -> list[FollowUp]:
        """Incoming documents being handled, earliest deadline first (Art. 24: follow up, chase)."""
        items = []
        for code in self.documents.codes("incoming"):
            dossier = self.store.load(code)
            if dossier.is_closed or dossier.state != "giai_quyet":
                continue
            due = _date(dossier.data.get("han_giai_quyet"))
            items.append(FollowUp(code, self.record(code), str(dossier.data.get("don_vi_chu_tri") or ""), due,
                                  str(dossier.data.get("tien_do") or ""), due is not None and due < as_of))
        return sorted(items, key=lambda f: (f.deadline or date.max, f.code))

    def verify(self, code: str | None = None) -> list[str]:
        """Every problem found: the hash chain and rows (the store's check), a record that is not
        the one its events last recorded, a file missing or changed."""
        problems = [str(p) for p in self.store.verify(code)]
        for each in ([code] if code else self.documents.codes()):
            problems.extend(f"{each}: {p}" for p in self._check_document(each))
        return problems

    def _check_document(self, code: str) -> list[str]:
        problems = []
        row = self.documents.row(code)
        recorded: str | None = None
        files: dict[str, str] = {}
        for event in self.store.history(code):
            recorded = str(event.data.get("record_sha256", recorded)) if "record_sha256" in event.data else recorded
            for item in event.data.get("files", ()) or ():
                if isinstance(item, Mapping):
                    files[str(item.get("sha256"))] = str(item.get("name"))
        try:
            record = record_from_json(row.body)
        except InvalidDocument as error:
            return [f"the record does not read: {error}"]
        if recorded is not None and _digest(record_to_json(record)) != recorded:
            problems.append("the record was changed without an event (it is not the one the events recorded)")
        for attachment in record.attachments:
            if attachment.sha256 not in files:
                problems.append(f"attachment {attachment.name!r} is in the record but no event recorded its hash")
        for digest, name in files.items():
            try:
                self.documents.get_file(digest)
            except AttachmentError as error:
                problems.append(f"attachment {name!r}: {error}")
        return problems

    # -- helpers ------------------------------------------------------------------------------

    def _attach(self, record: DocumentRecord, files: Sequence[NewFile]) -> tuple[DocumentRecord, list[DocumentFile]]:
        if not files:
            return record, []
        added = []
        attachments = list(record.attachments)
        for new in files:
            digest = self.documents.put_file(new.data)
            entry = DocumentFile(new.name, new.content_type, len(new.data), digest)
            entry.check()
            place = next((i for i, a in enumerate(attachments) if new.replaces and a.name == new.replaces), None)
            if new.replaces and place is None:
                raise AttachmentError(f"no attachment {new.replaces!r} to replace")
            if any(a.name == new.name and i != place for i, a in enumerate(attachments)):
                raise AttachmentError(f"an attachment is already named {new.name!r}")
            if place is None:
                attachments.append(entry)
            else:  # in its place: the first PDF stays the document itself
                attachments[place] = entry
            added.append(entry)
        return dataclasses.replace(record, attachments=tuple(attachments)).check(), added

    def _seal(self, move: Move, prev_hash: str, record: DocumentRecord | None, added: Sequence[DocumentFile],
              extra: Mapping[str, Any] | None = None) -> tuple[Dossier, list[Event]]:
        """The move's events with the document's facts in the newest one, sealed on the chain."""
        events = list(move.events)
        facts: dict[str, Any] = dict(extra or {})
        if record is not None:
            facts["record_sha256"] = _digest(record_to_json(record))
        if added:
            facts["files"] = [{"name": f.name, "sha256": f.sha256, "size": f.size} for f in added]
        if facts:
            events[-1] = with_facts(events[-1], facts)
        return seal_write(move.dossier, events, prev_hash)

    def _row(self, code: str, record: DocumentRecord) -> DocumentRow:
        return DocumentRow(code, record.direction.value, self.agency.code, record.issuer, record.number,
                           record.notation, record.issued_on, record.arrival, record.received_on,
                           record_to_json(record))

    @staticmethod
    def _revised(current: DocumentRecord, new: DocumentRecord) -> DocumentRecord:
        if new.direction is not current.direction:
            raise InvalidDocument("a document's direction never changes")
        if (new.number, new.arrival) != (current.number, current.arrival):
            raise InvalidDocument("a document's numbers are given by the văn thư's register, not edited")
        return new.check()


def _numbered(record: DocumentRecord, register: str, number: int, at: datetime) -> DocumentRecord:
    """The record with the number it took: an incoming number (Art. 22(2)), or an outgoing
    number and date of issue (Art. 15)."""
    if register == "incoming":
        return dataclasses.replace(record, arrival=number).check()
    if not record.notation:
        raise InvalidDocument("the document has no notation (ký hiệu) to number: set it before numbering "
                              "(Phụ lục I §II.3)")
    return dataclasses.replace(record, number=format_number(number), issued_on=at.date()).check()


def _date(value: Any) -> date | None:
    """A date field as the dossier keeps it (a date, or its ISO text once stored)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value[:10])
    return None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

