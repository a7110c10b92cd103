"""Documents between agencies: an issued document sent as signed edXML, a received one turned
into an incoming document, and the status messages in both directions (QCVN 102:2016 as the
research reconstructs it; :mod:`isoflow.exchange`).

* Sending (Decree 30/2020 Art. 18): :meth:`Liaison.send` exports the numbered, signed document
  with its files, signed with the organisation's key, to each recipient's OrganId, and takes the
  outgoing chain's ``phat_hanh`` step.
* Receiving (Art. 21): :meth:`Liaison.poll` reads what arrived; a document is checked by
  :class:`isoflow.exchange.Receiver` (signature, trust, recipient, hostile XML, duplicates) and
  received as an incoming document, and status 01 goes back the same day (Art. 21(2)(c)).  A
  refused message is acknowledged and reported with its reason; nothing of it is stored.
* Each move of a received document's chain sends its status back (:meth:`Liaison.act`):
  03 registered, 04 assigned, 05 progress, 06 completed, 02 returned (Art. 21-24).
* Statuses about documents we sent are recorded per recipient: :meth:`Liaison.where` shows where
  each copy is (Phụ lục VI I.III: the sender sees the receiver's processing status).
* Recall (Art. 18(4); Phụ lục VI I.III.8): :meth:`Liaison.recall` freezes our copy (``thu_hoi``)
  and sends 13; a recipient's copy leaves its handling lists (its ``thu_hoi``) and 15 comes back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from isoflow.documents.office import DocumentOffice, NewFile
from isoflow.errors import DocumentError, ExchangeError
from isoflow.exchange import (
    VIETNAM,
    Attachment,
    Competence,
    DocumentId,
    DocumentType,
    Envelope,
    Organisation,
    Priority,
    Receiver,
    StatusCode,
    StatusMessage,
    Transport,
    export,
)
from isoflow.exchange import Signer as EdSigner
from isoflow.exchange.codes import default_codes
from isoflow.model.document import (
    ADMINISTRATIVE_KINDS,
    Authority,
    Direction,
    DocumentRecord,
    Signer,
    Urgency,
)
from isoflow.model.dossier import Dossier
from isoflow.signing import Identity

__all__ = ["STATUS_OF_ACTION", "Liaison", "Polled", "ReceivedIndex", "record_of"]

#: The incoming chain's actions and the status each sends back to the issuer (research §2.3).
STATUS_OF_ACTION: Mapping[str, StatusCode] = {
    "vao_so": StatusCode.ACCEPTED, "tra_lai": StatusCode.REJECTED, "phan_cong": StatusCode.ASSIGNED,
    "bao_cao_tien_do": StatusCode.PROCESSING, "hoan_thanh": StatusCode.COMPLETED, "ket_thuc": StatusCode.COMPLETED,
}

_PRIORITY = {Urgency.NORMAL: Priority.NORMAL, Urgency.URGENT: Priority.URGENT,
             Urgency.VERY_URGENT: Priority.VERY_URGENT, Urgency.FLASH: Priority.IMMEDIATE}
_URGENCY = {v: k for k, v in _PRIORITY.items()}


@dataclass(frozen=True, slots=True)
class Polled:
    """What one message that arrived became: ``kind`` is ``document``, ``status``, ``recall`` or
    ``refused``; ``code`` the document concerned (ours), ``note`` one line for the clerk."""

    kind: str
    code: str
    note: str


class Liaison:
    """The exchange of one agency: its office, edXML identity, seal key, transport and receiver.
    ``directory`` names the agencies it sends to (OrganId -> :class:`Organisation`)."""

    def __init__(self, office: DocumentOffice, organisation: Organisation, identity: Identity, transport: Transport,
                 receiver: Receiver, directory: Mapping[str, Organisation]) -> None:
        self.office = office
        self.organisation = organisation
        self.identity = identity
        self.transport = transport
        self.receiver = receiver
        self.directory = dict(directory)
        receiver.received = ReceivedIndex(office)

    # -- sending ------------------------------------------------------------------------------

    def envelope(self, code: str) -> Envelope:
        """The edXML envelope of our outgoing document ``code`` (numbered, with its files)."""
        record = self.office.record(code)
        if record.direction is not Direction.OUTGOING or not record.number or record.issued_on is None:
            raise DocumentError(f"{code} is not a numbered outgoing document: number it before sending")
        unknown = [i for i in record.recipient_ids if i not in self.directory]
        if unknown or not record.recipient_ids:
            raise DocumentError(f"{code}: no electronic recipient" if not record.recipient_ids else
                                f"{code}: unknown recipient {', '.join(unknown)} (not in the directory)")
        signer = record.signer
        files = tuple(Attachment(a.name, a.content_type, self.office.documents.get_file(a.sha256),
                                 content_id=f"{a.sha256[:16]}-{n}") for n, a in enumerate(record.attachments))
        # The type codes are the exchange's data (codes.toml, recalled - verify): looked up by name.
        types = {name: number for number, name in default_codes().document_types.items()}
        kind = record.kind if record.kind in types else "Công văn"
        return Envelope(
            sender=self.organisation, recipients=tuple(self.directory[i] for i in record.recipient_ids),
            code_number=record.number, code_notation=record.notation, place=record.place or self.office.agency.place,
            promulgation_date=record.issued_on, document_type=DocumentType(types[kind], kind),
            subject=record.subject,
            signer=EdSigner(signer.position, signer.name, Competence(signer.authority.value)) if signer else
            EdSigner("Văn thư", self.identity.name),
            to_places=(*record.recipients, record.filing_line()), priority=_PRIORITY[record.urgency],
            typer_notation=record.drafter_mark, promulgation_amount=record.copies, attachments=files)

    def send(self, code: str, *, actor: str, at: datetime) -> Dossier:
        """Send our document to each recipient and take the ``phat_hanh`` step."""
        envelope = self.envelope(code)
        message = export(envelope, self.identity)
        for organ_id in envelope.recipient_ids:
            self.transport.send(message, organ_id)
        moved = self.office.act(code, "phat_hanh", actor=actor, role="van-thu", at=at,
                                data={"noi_nhan_da_gui": ", ".join(o.name for o in envelope.recipients)})
        for organ_id in envelope.recipient_ids:
            self.office.documents.add_delivery(code, organ_id, "sent", at, "đã gửi")
        return moved

    def recall(self, code: str, *, reason: str, actor: str, at: datetime) -> Dossier:
        """Recall our sent document: our copy is frozen (``thu_hoi``), each recipient is asked (13)."""
        envelope = self.envelope(code)
        moved = self.office.act(code, "thu_hoi", actor=actor, role="van-thu", at=at, data={"ly_do": reason})
        status = StatusMessage(envelope.document_id, self.organisation, StatusCode.RECALL_ASKED, _aware(at),
                               description=reason)
        message = export(status, self.identity)
        for organ_id in envelope.recipient_ids:
            self.transport.send(message, organ_id)
            self.office.documents.add_delivery(code, organ_id, StatusCode.RECALL_ASKED.value, at, reason)
        return moved

    def where(self, code: str) -> dict[str, tuple[str, datetime, str]]:
        """Each recipient's latest status of our document ``code``: OrganId -> (status, time, note)."""
        latest: dict[str, tuple[str, datetime, str]] = {}
        for organ_id, status, at, note in self.office.documents.deliveries(code):
            latest[organ_id] = (status, at, note)
        return latest

    # -- receiving ----------------------------------------------------------------------------

    def poll(self, *, actor: str, at: datetime) -> list[Polled]:
        """Read every message that arrived, oldest first (see the module)."""
        results = []
        for delivery in self.transport.receive():
            try:
                received = self.receiver.read(delivery.data)
            except ExchangeError as error:
                results.append(Polled("refused", "", f"từ chối gói tin {delivery.name[:12]}...: {error}"))
                self.transport.acknowledge(delivery.name)
                continue
            message = received.message
            if isinstance(message, Envelope):
                results.append(self._document(message, actor, at))
            else:
                results.append(self._status(message, actor, at))
            self.transport.acknowledge(delivery.name)
        return results

    def _document(self, envelope: Envelope, actor: str, at: datetime) -> Polled:
        record = record_of(envelope)
        files = [NewFile(a.name, a.content_type, a.data) for a in envelope.attachments]
        dossier = self.office.receive(record, actor=actor, at=at, files=files,
                                      comment=f"Nhận qua trục liên thông từ {envelope.sender.name}")
        self._notify(record, StatusCode.ARRIVED, at, "đã đến")
        return Polled("document", dossier.code, f"nhận văn bản {record.code} của {record.issuer}: {dossier.code}")

    def _status(self, status: StatusMessage, actor: str, at: datetime) -> Polled:
        if status.code is StatusCode.RECALL_ASKED:
            code = self._incoming_of(status.response_for)
            if code is None:
                return Polled("recall", "", f"yêu cầu thu hồi {status.response_for.code}: không có văn bản này")
            dossier = self.office.store.load(code)
            if dossier.is_closed:
                reply, note = StatusCode.RECALL_REFUSED, "văn bản đã giải quyết xong"
            else:
                self.office.act(code, "thu_hoi", actor=actor, role="van-thu", at=at,
                                data={"ly_do": status.description or "Nơi gửi thu hồi"})
                reply, note = StatusCode.RECALL_ACCEPTED, "đã thu hồi"
            self._notify(self.office.record(code), reply, at, note)
            return Polled("recall", code, f"thu hồi {status.response_for.code}: {note}")
        code = self._outgoing_of(status.response_for)
        if code is None:
            return Polled("status", "", f"trạng thái {status.code.value} về {status.response_for}: không phải văn bản "
                                        "của cơ quan")
        self.office.documents.add_delivery(code, status.sender.organ_id, status.code.value, status.timestamp,
                                           status.description)
        return Polled("status", code, f"{status.sender.name}: {status.code.value} ({status.description})")

    # -- the incoming chain, with its statuses ----------------------------------------------------

    def act(self, code: str, action: str, *, actor: str, role: str, at: datetime,
            data: Mapping[str, object] | None = None, comment: str = "") -> Dossier:
        """A move of a received document that tells its issuer (:data:`STATUS_OF_ACTION`)."""
        moved = self.office.act(code, action, actor=actor, role=role, at=at, data=data, comment=comment)
        status = STATUS_OF_ACTION.get(action)
        record = self.office.record(code)
        if status is not None and record.exchange_id:
            note = str((data or {}).get("so_ky_hieu_tra_loi") or (data or {}).get("tien_do")
                       or (data or {}).get("ly_do") or comment or status.name.lower())
            self._notify(record, status, at, note)
        return moved

    def _notify(self, record: DocumentRecord, code: StatusCode, at: datetime, note: str) -> None:
        document = DocumentId.parse(record.exchange_id)
        status = StatusMessage(document, self.organisation, code, _aware(at), description=note[:500])
        self.transport.send(export(status, self.identity), document.organ_id)

    def _incoming_of(self, document: DocumentId) -> str | None:
        for code in self.office.documents.codes("incoming"):
            if self.office.record(code).exchange_id == str(document):
                return code
        return None

    def _outgoing_of(self, document: DocumentId) -> str | None:
        if document.organ_id != self.organisation.organ_id:
            return None
        for code in self.office.documents.codes("outgoing"):
            record = self.office.record(code)
            if (record.number, record.notation, record.issued_on) == (document.number, document.notation,
                                                                      document.date):
                return code
        return None


class ReceivedIndex:
    """The office as :class:`isoflow.exchange.ReceivedDocuments`: the duplicate check the
    receiver asks (Phụ lục VI I.III), whether a document id was already received."""

    def __init__(self, office: DocumentOffice) -> None:
        self.office = office

    def has_received(self, document_id: DocumentId) -> bool:
        return any(self.office.record(code).exchange_id == str(document_id)
                   for code in self.office.documents.codes("incoming"))


def record_of(envelope: Envelope) -> DocumentRecord:
    """The incoming record of a received envelope (its files are attached by the office)."""
    kind = envelope.document_type.name if envelope.document_type.name in ADMINISTRATIVE_KINDS else "Công văn"
    signer = Signer(envelope.signer.full_name, envelope.signer.position, Authority(envelope.signer.competence.value),
                    "" if envelope.signer.competence in (Competence.DIRECT, Competence.Q) else
                    envelope.signer.position)
    record = DocumentRecord(Direction.INCOMING, kind, envelope.subject, envelope.sender.name,
                            parent=envelope.sender.in_charge, issuer_id=envelope.sender.organ_id,
                            number=envelope.code_number, notation=envelope.code_notation,
                            issued_on=envelope.promulgation_date, place=envelope.place, signer=signer,
                            urgency=_URGENCY.get(envelope.priority, Urgency.NORMAL),
                            recipients=tuple(p for p in envelope.to_places if not p.startswith("Lưu")),
                            exchange_id=str(envelope.document_id))
    return dataclasses.replace(record, copies=max(1, min(999, envelope.promulgation_amount)))


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=VIETNAM)

