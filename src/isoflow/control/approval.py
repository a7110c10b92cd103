"""Approving a revision of a process file, and checking that a file is an approved revision.

ISO 9001:2015 7.5.2(c) asks that documented information be reviewed and approved before use,
7.5.3 that it be protected from unintended change.  In isoflow the approval is an XML-DSig
signature by the approver the file names (``<control><approved by="..."/>``), kept in a file
of its own beside the process file (``x.xml`` → ``x.xml.sig``): the process file stays
byte-for-byte as its author wrote it, and the signature goes wherever the file goes.

The signature file is an *approval statement* signed by signxml (through
:func:`isoflow.signing.sign_xml`, enveloped, RSA-SHA256, the signer's certificate chain in
KeyInfo).  The statement says which document was approved: its code, revision, kind and file
name, the SHA-256 of its exclusive canonical form (:mod:`isoflow.control.canonical`), the
shared flow it extends with that flow's digest, and who approved it when.  So the signature is
detached from the file and bound to its content: a file changed after approval, a signature made
for another code or revision, a shared flow changed under the procedure, a signer who is not
the named approver and a key no trust root vouches for are each told apart.

``check_approval(data, signature, roots)`` answers the one question the engine's strict mode,
the dossier's stored digest and the store-wide seal ask ("is this exact file an approved
revision, and what is its digest?"): an :class:`Approval` whose ``digest`` is always the file's.
Only what the verified signature covers is read from the statement (signxml's ``signed_data``),
never the raw file, so a statement wrapped around someone else's signature says nothing.
"""

from __future__ import annotations

import enum
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import quoteattr

from isoflow.control.canonical import CANONICALIZATION, DIGEST_METHOD, canonical_form, digest, digest_of_canonical
from isoflow.errors import ControlError, NotApproved, NotTheApprover, VerificationError
from isoflow.loading.loader import load_bytes
from isoflow.loading.parser import Parsed, parse, read_bytes
from isoflow.model.definition import ProcessDefinition

if TYPE_CHECKING:
    from typing import TypeAlias

    from cryptography import x509  # type only: the certificates come from isoflow.signing.load_roots

    from isoflow.signing import Identity

    #: The certificates a verification trusts (:func:`isoflow.signing.load_roots`).
    TrustRoots: TypeAlias = Sequence[x509.Certificate]

__all__ = ["APPROVAL_NAMESPACE", "SUFFIX", "Approval", "ApprovalStatus", "Statement", "approval_signature",
           "approve", "check_approval", "check_file", "load_approved", "same_person", "signature_path"]

APPROVAL_NAMESPACE = "urn:isoflow:approval:1"
_NS = "{" + APPROVAL_NAMESPACE + "}"
#: The signature file of ``x.xml`` is ``x.xml.sig`` (``isoflow validate`` looks only at ``*.xml``).
SUFFIX = ".sig"
#: The largest signature file read: a statement and a certificate chain take a few kilobytes.
MAX_SIGNATURE_BYTES = 256 * 1024


class ApprovalStatus(enum.StrEnum):
    """Whether a file is an approved revision; anything but ``approved`` means it is not."""

    APPROVED = "approved"              # signed by the named approver, trusted, for exactly this content
    UNVERIFIED = "unverified"          # signed, and the statement matches, but no trust root was given
    UNSIGNED = "unsigned"              # no signature file
    CHANGED = "changed"                # the file's content is not what was approved
    FLOW_CHANGED = "flow-changed"      # the shared flow it extends is not the one approved with it
    OTHER_DOCUMENT = "other-document"  # the signature approves another code or revision
    OTHER_SIGNER = "other-signer"      # signed, but not by the approver the file names
    UNTRUSTED = "untrusted"            # the signer's certificate leads to no trust root given
    EXPIRED = "expired"                # the signer's certificate is out of its validity now
    INVALID = "invalid"                # the signature does not verify (the statement was altered)
    MALFORMED = "malformed"            # the signature file is not a readable isoflow approval


@dataclass(frozen=True, slots=True)
class Statement:
    """What an approval says it approves (read from the signed bytes only, or unverified)."""

    file: str
    kind: str
    code: str
    revision: int
    digest: str
    approver: str
    title: str
    approved_on: date | None
    signed_at: str
    flow_code: str
    flow_revision: int | None
    flow_digest: str


@dataclass(frozen=True, slots=True)
class Approval:
    """The answer to "is this exact file an approved revision?".

    ``digest`` is the SHA-256 of the file's canonical form (always the file's own, whatever the
    signature says); ``approver`` the name the file gives, ``signer`` the CN of the certificate
    that signed (``""`` when unsigned); ``problem`` one English line when ``status`` is not
    ``approved``; ``statement`` what the signature file says, when it could be read.
    """

    status: ApprovalStatus
    file: str
    code: str
    revision: int
    digest: str
    approver: str
    signer: str = ""
    problem: str = ""
    statement: Statement | None = None

    @property
    def ok(self) -> bool:
        return self.status is ApprovalStatus.APPROVED

    @property
    def signed(self) -> bool:
        return self.status not in (ApprovalStatus.UNSIGNED, ApprovalStatus.MALFORMED)

    def as_dict(self) -> dict[str, Any]:
        statement = self.statement
        return {"status": str(self.status), "ok": self.ok, "file": self.file, "code": self.code,
                "revision": self.revision, "digest": self.digest, "approver": self.approver, "signer": self.signer,
                "problem": self.problem,
                "approved_on": statement.approved_on.isoformat() if statement and statement.approved_on else None,
                "signed_at": statement.signed_at if statement else None,
                "flow": ({"code": statement.flow_code, "revision": statement.flow_revision,
                          "digest": statement.flow_digest} if statement and statement.flow_code else None)}


def signature_path(path: str | os.PathLike[str]) -> Path:
    """Where the approval of process file ``path`` is kept: beside it, ``x.xml.sig``."""
    path = Path(path)
    return path.with_name(path.name + SUFFIX)


def same_person(name: str, other: str) -> bool:
    """Whether two spellings name the same person: NFC, case-insensitive, blanks collapsed
    ("Lê Minh Quang" typed decomposed or in capitals on a certificate is still him)."""
    def key(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return bool(name.strip()) and key(name) == key(other)


def _definition(data: bytes, name: str) -> ProcessDefinition:
    result = load_bytes(data, name)
    if result.definition is None:
        first = result.findings[0] if result.findings else None
        raise ControlError(f"{name}: cannot be read as a process file: {first.message if first else 'unusable'}")
    return result.definition


def _approver(definition: ProcessDefinition, name: str) -> tuple[str, str, date | None]:
    approved = definition.control.approved if definition.control else None
    if definition.kind != "process" or approved is None or not (approved.by or "").strip():
        what = "a shared flow has no document control" if definition.kind == "flow" \
            else "it names no approver (<control><approved by=...>)"
        raise ControlError(f"{name}: cannot be approved: {what}")
    return (approved.by or "").strip(), approved.title or "", approved.on


def approval_signature(data: bytes, identity: Identity, *, name: str, flow: bytes | None = None,
                       now: datetime | None = None) -> bytes:
    """The signature file approving process file ``data`` (known as ``name``), signed by
    ``identity``, who must be the approver the file names; ``flow``: the shared flow it extends,
    whose digest the approval records.

    Raises :class:`NotTheApprover`, :class:`ControlError` (unreadable file, no approver, a flow
    that is not the one the file extends) or a :class:`SigningError` (the key, the certificate).
    """
    from isoflow.signing import sign_xml

    definition = _definition(data, name)
    approver, title, approved_on = _approver(definition, name)
    if not same_person(identity.name, approver):
        raise NotTheApprover(f"{name}: the approver is {approver}, but the key belongs to {identity.name}; "
                             "only the approver named in <control><approved by=...> may approve it")
    flow_element = ""
    if definition.extends:
        if flow is None:
            raise ControlError(f"{name}: extends the flow {definition.extends}, which was not given; "
                               "its digest is part of the approval")
        base = _definition(flow, definition.extends)
        if base.kind != "flow" or base.code != definition.extends:
            raise ControlError(f"{name}: extends the flow {definition.extends}, but was given {base.code}")
        flow_element = (f"<flow code={quoteattr(base.code)} revision=\"{base.revision}\" "
                        f"digest=\"{digest(flow, base.code)}\"/>")
    signed_at = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    effective = f" effective=\"{definition.effective.isoformat()}\"" if definition.effective else ""
    on = f" on=\"{approved_on.isoformat()}\"" if approved_on else ""
    lines = [
        f"<document file={quoteattr(Path(name).name)} kind=\"{definition.kind}\" code={quoteattr(definition.code)} "
        f"revision=\"{definition.revision}\"{effective} canonicalization=\"{CANONICALIZATION}\" "
        f"digest-method=\"{DIGEST_METHOD}\" digest=\"{digest(data, name)}\"/>",
        *([flow_element] if flow_element else []),
        f"<approved by={quoteattr(approver)} title={quoteattr(title)}{on} signed-at=\"{signed_at}\"/>"]
    statement = f"<approval xmlns=\"{APPROVAL_NAMESPACE}\" version=\"1\">\n  " + "\n  ".join(lines) + "\n</approval>"
    return sign_xml(statement.encode("utf-8"), identity)


def approve(path: str | os.PathLike[str], identity: Identity, *, flow: str | os.PathLike[str] | None = None,
            now: datetime | None = None) -> Path:
    """Approve the revision in process file ``path``: write its signature file beside it
    (replacing an older one whole, never half-written) and return that file's path."""
    path = Path(path)
    try:
        data = read_bytes(path)
        base = read_bytes(Path(flow)) if flow is not None else None
    except OSError as error:
        raise ControlError(f"cannot read {error.filename or path}: {error.strerror or error}") from None
    signature = approval_signature(data, identity, name=path.name, flow=base, now=now)
    target = signature_path(path)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_bytes(signature)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ControlError(f"cannot write {target}: {error.strerror or error}") from None
    return target


def _statement(data: bytes, name: str) -> Statement:
    """The statement in signed (or unverified) bytes; :class:`VerificationError` if it is not one."""
    vetted = parse(data, name)
    if not isinstance(vetted, Parsed):
        raise VerificationError(vetted.message)
    root = vetted.root
    if root.tag != _NS + "approval" or root.get("version") != "1":
        raise VerificationError("it is not an isoflow approval (urn:isoflow:approval:1, version 1)")
    document, approved, flow = (root.find(_NS + tag) for tag in ("document", "approved", "flow"))
    if document is None or approved is None:
        raise VerificationError("the approval names no document or no approver")
    if document.get("canonicalization") != CANONICALIZATION or document.get("digest-method") != DIGEST_METHOD:
        raise VerificationError("the approval uses a canonicalization or digest isoflow does not know")
    try:
        revision = int(document.get("revision") or "")
        on = approved.get("on")
        approved_on = date.fromisoformat(on) if on else None
        flow_revision = int(flow.get("revision") or "") if flow is not None else None
    except ValueError:
        raise VerificationError("the approval's revision or date is not a number or a date") from None
    return Statement(
        file=document.get("file") or "", kind=document.get("kind") or "", code=document.get("code") or "",
        revision=revision, digest=document.get("digest") or "", approver=approved.get("by") or "",
        title=approved.get("title") or "", approved_on=approved_on, signed_at=approved.get("signed-at") or "",
        flow_code=(flow.get("code") or "") if flow is not None else "", flow_revision=flow_revision,
        flow_digest=(flow.get("digest") or "") if flow is not None else "")


#: isoflow.signing's verdicts, as approval statuses.
_SIGNING = {"untrusted": ApprovalStatus.UNTRUSTED, "expired": ApprovalStatus.EXPIRED,
            "invalid": ApprovalStatus.INVALID, "tampered": ApprovalStatus.INVALID,
            "unsigned": ApprovalStatus.MALFORMED, "modified": ApprovalStatus.INVALID}


def check_approval(data: bytes, signature: bytes | None, trust_roots: TrustRoots, *,
                   name: str = "the file", flow: bytes | None = None,
                   definition: ProcessDefinition | None = None) -> Approval:
    """Whether process file ``data`` is an approved revision, by its ``signature`` file (``None``:
    there is none), trusting only ``trust_roots`` (none given: the signature is read but not
    verified, and the answer is at best ``unverified``).  ``flow``: the bytes of the shared flow
    the file extends, checked against the digest the approval recorded (not given: not checked).
    ``definition``: the file already loaded, to save loading it again.

    Raises :class:`ControlError` only when ``data`` itself is not a usable process file;
    everything wrong with the signature is a status, with ``problem`` saying why in one line.
    """
    definition = definition or _definition(data, name)
    content = digest_of_canonical(canonical_form(data, name))
    named = definition.control.approved.by or "" if definition.control and definition.control.approved else ""
    base = Approval(ApprovalStatus.UNSIGNED, name, definition.code, definition.revision, content, named.strip())

    def refused(status: ApprovalStatus, problem: str, **more: Any) -> Approval:
        return Approval(status, base.file, base.code, base.revision, base.digest, base.approver,
                        problem=problem, **more)

    if signature is None:
        return refused(ApprovalStatus.UNSIGNED, "the revision has no approval signature")
    if len(signature) > MAX_SIGNATURE_BYTES:
        return refused(ApprovalStatus.MALFORMED, f"the signature file is larger than {MAX_SIGNATURE_BYTES // 1024} KiB")
    signer = ""
    if trust_roots:
        from isoflow.signing import verify_xml

        try:
            verdict = verify_xml(signature, trust_roots)
        except VerificationError as error:
            return refused(ApprovalStatus.MALFORMED, f"the signature file is unreadable: {error}")
        if not verdict.ok:
            return refused(_SIGNING.get(str(verdict.status), ApprovalStatus.INVALID), verdict.problem,
                           signer=verdict.signer if verdict.signer != "?" else "")
        signed, signer = verdict.signed_data, verdict.signer
    else:
        signed = signature
    try:
        statement = _statement(signed, "the signature file")
    except VerificationError as error:
        return refused(ApprovalStatus.MALFORMED, f"the signature file is not an approval: {error}", signer=signer)
    who = signer or statement.approver

    def refuse(status: ApprovalStatus, problem: str) -> Approval:
        return refused(status, problem, signer=who, statement=statement)

    if (statement.code, statement.revision) != (definition.code, definition.revision):
        return refuse(ApprovalStatus.OTHER_DOCUMENT, f"the signature approves {statement.code} revision "
                      f"{statement.revision}, not {definition.code} revision {definition.revision}")
    if statement.digest != content:
        return refuse(ApprovalStatus.CHANGED, "the file was changed after it was approved "
                      "(its canonical form is not the one signed)")
    if not same_person(who, named) or not same_person(statement.approver, named):
        return refuse(ApprovalStatus.OTHER_SIGNER, f"signed by {who}, but the approver named in the file is "
                      f"{named or 'nobody'}")
    if definition.extends and statement.flow_code != definition.extends:
        return refuse(ApprovalStatus.FLOW_CHANGED, f"approved without its flow {definition.extends}")
    if flow is not None and statement.flow_code:
        try:
            flow_digest = digest(flow, statement.flow_code)
        except ControlError as error:
            return refuse(ApprovalStatus.FLOW_CHANGED, f"its flow cannot be read: {error}")
        if flow_digest != statement.flow_digest:
            return refuse(ApprovalStatus.FLOW_CHANGED, f"the shared flow {statement.flow_code} was changed "
                          "after this revision was approved")
    if not trust_roots:
        return refuse(ApprovalStatus.UNVERIFIED, "no trust root was given: the signature was not verified")
    return Approval(ApprovalStatus.APPROVED, base.file, base.code, base.revision, base.digest, base.approver,
                    signer=who, statement=statement)


def _read_signature(path: Path) -> bytes | None:
    target = signature_path(path)
    try:
        if target.stat().st_size > MAX_SIGNATURE_BYTES:
            return target.read_bytes()[: MAX_SIGNATURE_BYTES + 1]
        return target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ControlError(f"cannot read {target}: {error.strerror or error}") from None


def check_file(path: str | os.PathLike[str], trust_roots: TrustRoots, *,
               flow: str | os.PathLike[str] | None = None) -> Approval:
    """:func:`check_approval` of the file at ``path`` by its signature file beside it."""
    return _checked(Path(path), trust_roots, flow)[1]


def _checked(path: Path, trust_roots: TrustRoots, flow: str | os.PathLike[str] | None
             ) -> tuple[ProcessDefinition, Approval]:
    try:
        data = read_bytes(path)
        base = read_bytes(Path(flow)) if flow is not None else None
    except OSError as error:
        raise ControlError(f"cannot read {error.filename or path}: {error.strerror or error}") from None
    definition = _definition(data, str(path))
    return definition, check_approval(data, _read_signature(path), trust_roots, name=str(path), flow=base,
                                      definition=definition)


def load_approved(path: str | os.PathLike[str], trust_roots: TrustRoots, *,
                  flow: str | os.PathLike[str] | None = None) -> tuple[ProcessDefinition, Approval]:
    """The definition in ``path`` and its approval, only if it is an approved revision (read
    once: what is checked is what is returned).  :class:`NotApproved` otherwise, one line."""
    if not trust_roots:
        raise NotApproved(f"{path}: no trust root given: an approval cannot be verified")
    definition, approval = _checked(Path(path), trust_roots, flow)
    if not approval.ok:
        raise NotApproved(f"{path}: not an approved revision ({approval.status}): {approval.problem}", approval)
    return definition, approval
