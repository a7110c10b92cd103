"""Every exception isoflow raises, in one leaf module.

Findings about a process file are values (see ``isoflow.validation.rules``); these exceptions are for
failures: a file that cannot be read, an expression that cannot be parsed, an action that is
not allowed.  Each carries where it happened, and ``str(error)`` is the message a user sees.
"""

from __future__ import annotations

from isoflow.i18n import translate as _


class IsoflowError(Exception):
    """Base class of every error isoflow raises on purpose."""


class DefinitionError(IsoflowError):
    """A process file is unusable; ``file``, ``line`` and ``column`` say where."""

    def __init__(self, message: str, file: str = "", line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.file, self.line, self.column) if p)
        return f"{where}: {self.message}" if where else self.message


class ExpressionSyntaxError(DefinitionError):
    """A guard or effect expression is not in isoflow's expression language.

    ``line`` and ``column`` are relative to the expression source (line 1-based, column
    0-based), so the caller can add the position of the XML attribute that holds it.
    """


class ExpressionEvaluationError(IsoflowError):
    """A well-formed expression failed on the data it was given (for example ``None >= 3``)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"cannot evaluate {source!r}: {reason}")
        self.source = source
        self.reason = reason


class UsageError(IsoflowError):
    """The caller asked for something impossible: a missing path, an unknown rule code."""


class ProcessNotFound(IsoflowError, LookupError):
    """No process or flow with this code is in the catalogue."""


class StoreError(IsoflowError):
    """The store could not do what was asked (connection, schema, integrity)."""


class DossierNotFound(StoreError, LookupError):
    """No dossier with this code is in the store."""

    def __init__(self, code: str) -> None:
        super().__init__(f"no dossier {code!r} in the store")
        self.code = code


class StaleDossier(StoreError):
    """The dossier changed since it was read: the write was refused and nothing changed.

    Another clerk (or worker) acted on the same dossier first; read it again and retry.
    """

    def __init__(self, code: str, expected: int, actual: int | None) -> None:
        if actual is not None and actual < expected:
            message = (f"dossier {code!r} is at version {actual}, not {expected}: "
                       "the expected version was never written; read it again")
        else:
            found = "it no longer exists" if actual is None else f"it is now at version {actual}"
            message = (f"dossier {code!r} changed since it was read (expected version {expected}, {found}); "
                       "read it again and retry")
        super().__init__(message)
        self.code = code
        self.expected = expected
        self.actual = actual


class ActionNotAllowed(IsoflowError):
    """An action was refused; ``reason`` says why in one word, the message in a sentence.

    Reasons: ``closed``, ``wrong-state``, ``unknown-action``, ``role``, ``guard``,
    ``self-approval``, ``missing-data``, ``invalid-data``, ``time``, ``extension-late``,
    ``extension-repeated``, ``no-such-exit``.
    """

    def __init__(self, dossier: str, action: str, state: str, reason: str, message: str) -> None:
        if action == "receive":  # the dossier does not exist: its code was never kept
            super().__init__(f"cannot receive the dossier: {message}")
        else:
            super().__init__(f"dossier {dossier}: cannot {action!r} in step {state!r}: {message}")
        self.dossier = dossier
        self.action = action
        self.state = state
        self.reason = reason


class InvalidProcess(IsoflowError):
    """A procedure with error findings was asked to run; ``report`` holds the findings."""

    def __init__(self, report: object, text: str) -> None:
        super().__init__(f"the procedures have errors; fix them first:\n{text}")
        self.report = report


class CalendarError(IsoflowError):
    """A working-calendar file is unusable (malformed, unknown key, an override without its
    decision); the message names the file and the entry."""


class OutOfCalendar(IsoflowError, ValueError):
    """A date falls outside the years the working calendar covers (extend ``last_year``)."""


class FormError(IsoflowError):
    """A form cannot be rendered: no such template, a template error, or a limit was hit."""


class TemplateNotFound(FormError):
    """No template folder has the form asked for; the message lists what was looked for."""


class TemplateLimitExceeded(FormError):
    """An agency template ran too long or used too much memory, and was stopped."""


class FormNotApplicable(FormError):
    """The dossier has nothing this form records (no supplement request, no refusal...)."""


class DossierTampered(StoreError):
    """A dossier's current-state row is not what its audit trail gives: it was changed without
    an event (or its newest events were removed).  The desk refuses to act on it.

    ``reason`` says what disagrees; ``dossier`` is the row as stored (an
    :class:`isoflow.model.dossier.Dossier`), for a display that warns instead of refusing.
    """

    def __init__(self, code: str, reason: str, dossier: object = None) -> None:
        super().__init__(_("dossier {code}: its current-state row does not match its audit trail ({reason}); run "
                           "isoflow dossier verify").format(code=code, reason=reason))
        self.code = code
        self.reason = reason
        self.dossier = dossier


class StoreNotFound(StoreError):
    """A command that reads a store was given one that does not exist (a missing SQLite file,
    a PostgreSQL schema without isoflow's tables); nothing was created."""

    def __init__(self, url: str, why: str) -> None:
        super().__init__(f"no isoflow database at {url}: {why}")
        self.url = url


class LegalDataError(IsoflowError):
    """The regimes data is malformed or has no regime for a date."""


class CompileError(IsoflowError):
    """The definition cannot run (it has error findings); validate it first."""


class TargetsError(IsoflowError):
    """The targets file cannot be read or says something isoflow cannot use."""


class FieldValueError(IsoflowError, ValueError):
    """A value does not fit its field's type; the message names the field and the type."""


class SpecFailure(AssertionError):
    """A scenario found the procedure behaving otherwise than written."""


class SigningError(IsoflowError):
    """A document or an XML file could not be signed: a key, a token, a font or a PDF failed."""


class WrongPassphrase(SigningError):
    """The passphrase of a PKCS#12 file or the PIN of a token was refused (a token may lock
    itself after a few wrong PINs: the message says so, never the secret)."""


class TokenNotFound(SigningError):
    """The PKCS#11 module cannot be loaded, or it has no token with the label asked for."""


class KeyNotFound(SigningError, LookupError):
    """The key store holds no private key or certificate under the name asked for."""


class CertificateExpired(SigningError):
    """The signing certificate is not valid at the time of signing (expired or not yet valid)."""


class VerificationError(IsoflowError):
    """A file cannot be verified at all (not a PDF, malformed XML, an unreadable trust root).

    A signature that is wrong is not an error but a verdict: see ``isoflow.signing.verify``."""


class ControlError(IsoflowError):
    """A process file cannot be approved or listed under document control (ISO 9001 7.5):
    unreadable, no approver named, a signature file that cannot be written."""


class NotTheApprover(ControlError):
    """The key offered to approve a revision is not the approver the file names
    (``<control><approved by=...>``): the certificate's CN must be that name."""


class NotApproved(ControlError):
    """A process file is not an approved revision: unsigned, changed after approval, signed for
    another code or revision, by someone else, with an untrusted key, or a broken signature file.
    ``approval`` is the :class:`isoflow.control.Approval` that says why; nothing was loaded."""

    def __init__(self, message: str, approval: object = None) -> None:
        super().__init__(message)
        self.approval = approval


class ExchangeError(IsoflowError):
    """A message between agencies (edXML) was refused or cannot be sent.  A refused message
    gives nothing back and nothing of it is kept; the message is the reason, in one line (what a
    status 02 "từ chối tiếp nhận" can carry as its description)."""


class MalformedMessage(ExchangeError, ValueError):
    """A message (or a record about to be sent) is not edXML as isoflow reads it: not
    well-formed, an element missing or repeated, a field that does not fit (a date, an OrganId,
    a code, an attachment's base64, size or hash).  The message names the field."""


class MessageTooLarge(MalformedMessage):
    """A message is larger than the receiver accepts, or an attachment than edXML can carry;
    refused before it is parsed."""


class HostileXml(MalformedMessage):
    """A message declares a DOCTYPE or an entity (billion laughs, external entities): refused
    before any parser sees it."""


class BadSignature(ExchangeError):
    """A message's XML signature does not hold: changed after signing, or broken."""


class UnsignedMessage(BadSignature):
    """A message carries no XML signature; edXML between agencies must be signed."""


class UntrustedSigner(ExchangeError):
    """A message's signature holds, but its certificate does not chain to a trust root the
    receiver was given (or was out of its validity)."""


class UnknownRecipient(ExchangeError):
    """A message is not for this receiver: none of its recipients is one of the receiver's
    OrganIds (the message says both)."""

    def __init__(self, message: str, recipients: tuple[str, ...] = (), ours: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.recipients = recipients
        self.ours = ours


class DuplicateDocument(ExchangeError):
    """A new document whose DocumentId the receiver's store says it has already received."""

    def __init__(self, message: str, document_id: str = "") -> None:
        super().__init__(message)
        self.document_id = document_id


class TransportError(ExchangeError):
    """A message cannot be handed to, or taken from, the transport (a folder, the axis)."""


# -- official documents (văn bản đến/đi, issue 15) --------------------------------------------

class DocumentError(IsoflowError):
    """An official document cannot be recorded, numbered, filed or moved; the message says why in
    one line (the field, the rule and the article of Decree 30/2020 it comes from)."""


class InvalidDocument(DocumentError, ValueError):
    """A document record does not fit Decree 30/2020 (a kind, a number, a signer's authority, a
    recipient list...): nothing was stored."""


class NumberingError(DocumentError):
    """A number cannot be taken or cancelled (an unknown series, a number never given, a
    number already cancelled)."""


class DocumentNotFound(DocumentError, LookupError):
    """No document is recorded under this code."""


class AttachmentError(DocumentError):
    """An attachment cannot be stored or read back (a missing file, a file whose content no
    longer has the hash the document's events recorded)."""


# -- document control: the revisions a desk runs and the store-wide seal (issue 16) -------------


class RevisionChanged(ControlError):
    """A revision's content is not the one its dossiers started on (same code and revision,
    other bytes): the desk refuses to run it, naming the revision and the dossiers."""


class StoreCopied(ControlError):
    """The store's checkpoints were signed by another organisation than the one opening it."""


class CheckpointMismatch(ControlError):
    """A checkpoint of the store-wide ledger does not match the ledger, or what was signed."""


# -- issue 14 §5: nothing dropped without a word ---------------------------------------------


class InvalidArgument(IsoflowError, ValueError):
    """An argument of the Python API is not one it takes (an ``at`` that is not a datetime, a
    role the procedure does not know, a negative window); the message says what is allowed."""
