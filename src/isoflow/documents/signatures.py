"""The two signatures of an issued document, as Decree 30/2020 places them, through
:mod:`isoflow.signing` (pyHanko): the competent person's when they sign (Art. 13; ô 7c of
Phụ lục I: their image, blue, between position and name), then the organisation's when the văn
thư registers it (Art. 14(3), 17; ô 8: the seal's image, red, over the left third of the
signature).  Attachments in separate files get the organisation's signature alone at the top
right of page 1, no image, with the line "số và ký hiệu; thời gian ký" (Phụ lục I §III.1(d)).

Each signed file replaces the one before it in the record, and its SHA-256 enters the move's
event: the signed original is what the office keeps (Art. 19).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from isoflow.documents.office import DocumentOffice, NewFile
from isoflow.errors import AttachmentError
from isoflow.model.document import COPY_LABELS, DocumentRecord
from isoflow.model.dossier import Dossier
from isoflow.signing import Box, Identity, seal_document, sign_as_signer, sign_attachment

__all__ = ["main_file", "seal", "seal_copy", "sign"]

# ``timestamper``: a pyHanko TimeStamper (isoflow.signing.http_timestamper, or the test kit's),
# passed through to the signing edge, the one module that names pyHanko's types.


def main_file(record: DocumentRecord) -> str:
    """The document itself: its first PDF attachment (the others are separate attachments)."""
    for attachment in record.attachments:
        if attachment.content_type == "application/pdf":
            return attachment.name
    raise AttachmentError("the document has no PDF to sign: attach it first")


def sign(office: DocumentOffice, code: str, identity: Identity, *, signature_image: bytes, where: Box | str,
         actor: str, at: datetime, timestamper: Any = None, action: str = "ky_ban_hanh",
         role: str = "lanh-dao") -> Dossier:
    """The competent person signs the document and it moves on (``ky_ban_hanh``)."""
    record = office.record(code)
    name = main_file(record)
    signed = sign_as_signer(office.file(code, name), identity, signature_image=signature_image, where=where,
                            timestamper=timestamper)
    return office.act(code, action, actor=actor, role=role, at=at, data={"da_ky_so": True},
                      files=[NewFile(name, "application/pdf", signed, replaces=name)],
                      comment=f"Ký số: {identity.name}")


def seal(office: DocumentOffice, code: str, identity: Identity, *, seal_image: bytes, actor: str, at: datetime,
         timestamper: Any = None, action: str = "dang_ky", role: str = "van-thu") -> Dossier:
    """The organisation's signature on the numbered document (and on each separate PDF
    attachment, at the top right of page 1), and the register step (``dang_ky``)."""
    record = office.record(code)
    if not record.number:
        raise AttachmentError("the document is not numbered yet: the organisation signs after numbering (Art. 14)")
    name = main_file(record)
    files = [NewFile(name, "application/pdf", seal_document(office.file(code, name), identity,
                                                            seal_image=seal_image, timestamper=timestamper),
                     replaces=name)]
    for attachment in record.attachments:
        if attachment.name != name and attachment.content_type == "application/pdf":
            signed = sign_attachment(office.file(code, attachment.name), identity, record.code,
                                     timestamper=timestamper)
            files.append(NewFile(attachment.name, "application/pdf", signed, replaces=attachment.name))
    return office.act(code, action, actor=actor, role=role, at=at, data={"da_ky_so_co_quan": True}, files=files,
                      comment=f"Ký số của cơ quan: {identity.organisation or identity.name}")


def seal_copy(office: DocumentOffice, code: str, identity: Identity, *, actor: str, at: datetime,
              timestamper: Any = None, action: str = "dang_ky", role: str = "van-thu") -> Dossier:
    """An electronic copy (sao y, sao lục, trích sao; Art. 25-27) signed by the organisation
    alone, at the top right of page 1, no image: "SAO Y; <agency>" over "<number>; <time>"
    (Phụ lục I Part II.I), and the register step."""
    record = office.record(code)
    label = COPY_LABELS.get(record.kind)
    if label is None:
        raise AttachmentError(f"{code} is a {record.kind.lower()}, not a copy (Bản sao y, Bản sao lục, Bản trích sao)")
    if not record.number:
        raise AttachmentError("the copy is not numbered yet: the organisation signs after numbering")
    name = main_file(record)
    signed = sign_attachment(office.file(code, name), identity, record.code, heading=f"{label}; {record.issuer}",
                             timestamper=timestamper)
    return office.act(code, action, actor=actor, role=role, at=at, data={"da_ky_so_co_quan": True},
                      files=[NewFile(name, "application/pdf", signed, replaces=name)],
                      comment=f"Ký số bản sao của cơ quan: {identity.organisation or identity.name}")
