"""isoflow: Vietnamese administrative procedures (TTHC) as TCVN ISO 9001:2015 processes.

The public API, stated once (as click and jinja do): everything an application embedding
isoflow needs is importable from ``isoflow``; the subpackages are the stages of the pipeline
and may change shape.

* process files: :func:`load_file`, :func:`validate_paths` (or :func:`validate` on
  definitions you hold), findings as values (:class:`Finding`);
* dossiers: :func:`open_desk` wires an :class:`Engine` and a store into a :class:`Desk`
  (receive, act, show, history, options, due, remind, withdraw, stop, rate, verify), whose
  records are :class:`Dossier` and :class:`Event`; :class:`Printer` prints their forms;
* errors: every exception is an :class:`IsoflowError`, one class per kind of failure.

The pure core is imported at once; the names of the edges (lxml, the engine's
``transitions``, the stores, Jinja) are imported on first use, so that ``import isoflow``
stays light and the core never loads an outside technology.
"""

import importlib
from typing import TYPE_CHECKING, Any

from isoflow.errors import ActionNotAllowed as ActionNotAllowed
from isoflow.errors import AttachmentError as AttachmentError
from isoflow.errors import BadSignature as BadSignature
from isoflow.errors import CalendarError as CalendarError
from isoflow.errors import CertificateExpired as CertificateExpired
from isoflow.errors import CheckpointMismatch as CheckpointMismatch
from isoflow.errors import CompileError as CompileError
from isoflow.errors import ControlError as ControlError
from isoflow.errors import DefinitionError as DefinitionError
from isoflow.errors import DocumentError as DocumentError
from isoflow.errors import DocumentNotFound as DocumentNotFound
from isoflow.errors import DossierNotFound as DossierNotFound
from isoflow.errors import DossierTampered as DossierTampered
from isoflow.errors import DuplicateDocument as DuplicateDocument
from isoflow.errors import ExchangeError as ExchangeError
from isoflow.errors import ExpressionEvaluationError as ExpressionEvaluationError
from isoflow.errors import ExpressionSyntaxError as ExpressionSyntaxError
from isoflow.errors import FieldValueError as FieldValueError
from isoflow.errors import FormError as FormError
from isoflow.errors import FormNotApplicable as FormNotApplicable
from isoflow.errors import HostileXml as HostileXml
from isoflow.errors import InvalidArgument as InvalidArgument  # issue 14 §5
from isoflow.errors import InvalidDocument as InvalidDocument
from isoflow.errors import InvalidProcess as InvalidProcess
from isoflow.errors import IsoflowError as IsoflowError
from isoflow.errors import KeyNotFound as KeyNotFound
from isoflow.errors import LegalDataError as LegalDataError
from isoflow.errors import MalformedMessage as MalformedMessage
from isoflow.errors import MessageTooLarge as MessageTooLarge
from isoflow.errors import NotApproved as NotApproved
from isoflow.errors import NotTheApprover as NotTheApprover
from isoflow.errors import NumberingError as NumberingError
from isoflow.errors import OutOfCalendar as OutOfCalendar
from isoflow.errors import ProcessNotFound as ProcessNotFound
from isoflow.errors import RevisionChanged as RevisionChanged
from isoflow.errors import SigningError as SigningError
from isoflow.errors import StaleDossier as StaleDossier
from isoflow.errors import StoreCopied as StoreCopied
from isoflow.errors import StoreError as StoreError
from isoflow.errors import StoreNotFound as StoreNotFound
from isoflow.errors import TargetsError as TargetsError
from isoflow.errors import TemplateLimitExceeded as TemplateLimitExceeded
from isoflow.errors import TemplateNotFound as TemplateNotFound
from isoflow.errors import TokenNotFound as TokenNotFound
from isoflow.errors import TransportError as TransportError
from isoflow.errors import UnknownRecipient as UnknownRecipient
from isoflow.errors import UnsignedMessage as UnsignedMessage
from isoflow.errors import UntrustedSigner as UntrustedSigner
from isoflow.errors import UsageError as UsageError
from isoflow.errors import VerificationError as VerificationError
from isoflow.errors import WrongPassphrase as WrongPassphrase
from isoflow.indicators.formulas import Rating as Rating
from isoflow.model.definition import ProcessDefinition as ProcessDefinition
from isoflow.model.definition import extend as extend
from isoflow.model.document import DocumentRecord as DocumentRecord
from isoflow.model.dossier import Dossier as Dossier
from isoflow.model.dossier import Event as Event
from isoflow.model.expressions import Expression as Expression
from isoflow.model.expressions import parse_expression as parse_expression
from isoflow.model.findings import Finding as Finding
from isoflow.model.findings import Severity as Severity
from isoflow.validation.catalogue import Catalogue as Catalogue
from isoflow.validation.catalogue import Report as Report
from isoflow.validation.catalogue import Selection as Selection
from isoflow.validation.catalogue import validate as validate

if TYPE_CHECKING:
    from isoflow.data.loaders import load_agency as load_agency
    from isoflow.data.loaders import load_legal_basis as load_legal_basis
    from isoflow.data.loaders import load_targets as load_targets
    from isoflow.data.work_calendar import load_calendar as load_calendar
    from isoflow.desk import Desk as Desk
    from isoflow.desk import DueItem as DueItem
    from isoflow.documents.office import DocumentOffice as DocumentOffice
    from isoflow.loading.loader import load_bytes as load_bytes
    from isoflow.loading.loader import load_file as load_file
    from isoflow.printer import Document as Document
    from isoflow.printer import Printer as Printer
    from isoflow.running.compiler import compile_process as compile_process
    from isoflow.running.engine import Engine as Engine
    from isoflow.running.engine import Move as Move
    from isoflow.running.engine import Option as Option
    from isoflow.store import open_store as open_store
    from isoflow.workspace import load_runnable as load_runnable
    from isoflow.workspace import open_desk as open_desk
    from isoflow.workspace import open_engine as open_engine
    from isoflow.workspace import validate_paths as validate_paths

#: The names of the edges, by the module that defines them, imported on first use.
_LAZY = {
    "load_agency": "isoflow.data.loaders", "load_legal_basis": "isoflow.data.loaders",
    "load_targets": "isoflow.data.loaders", "load_calendar": "isoflow.data.work_calendar",
    "Desk": "isoflow.desk", "DueItem": "isoflow.desk",
    "load_bytes": "isoflow.loading.loader", "load_file": "isoflow.loading.loader",
    "Document": "isoflow.printer", "Printer": "isoflow.printer",
    "compile_process": "isoflow.running.compiler",
    "Engine": "isoflow.running.engine", "Move": "isoflow.running.engine", "Option": "isoflow.running.engine",
    "open_store": "isoflow.store",
    "load_runnable": "isoflow.workspace", "open_desk": "isoflow.workspace", "open_engine": "isoflow.workspace",
    "validate_paths": "isoflow.workspace",
    "DocumentOffice": "isoflow.documents.office",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'isoflow' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


__all__ = [
    "ActionNotAllowed", "BadSignature", "CalendarError", "Catalogue", "CertificateExpired", "CompileError",
    "ControlError", "DefinitionError", "Desk", "Document", "Dossier", "DossierNotFound", "DossierTampered", "DueItem",
    "DuplicateDocument", "Engine", "Event", "ExchangeError", "Expression", "ExpressionEvaluationError",
    "ExpressionSyntaxError", "FieldValueError", "Finding", "FormError", "FormNotApplicable", "HostileXml",
    "InvalidArgument",  # issue 14 §5
    "InvalidProcess", "IsoflowError", "KeyNotFound", "LegalDataError", "MalformedMessage", "MessageTooLarge", "Move",
    "NotApproved", "NotTheApprover", "Option", "OutOfCalendar", "Printer", "ProcessDefinition", "ProcessNotFound",
    "Rating", "Report", "Selection", "Severity", "SigningError", "StaleDossier", "StoreError", "StoreNotFound",
    "TargetsError", "TemplateLimitExceeded", "TemplateNotFound", "TokenNotFound", "TransportError", "UnknownRecipient",
    "UnsignedMessage", "UntrustedSigner", "UsageError", "VerificationError", "WrongPassphrase", "compile_process",
    "extend", "load_agency", "load_bytes", "load_calendar", "load_file", "load_legal_basis", "load_runnable",
    "load_targets", "open_desk", "open_engine", "open_store", "parse_expression", "validate", "validate_paths",
]
# Official documents (issue 15), in a block of their own.
__all__ += ["AttachmentError", "DocumentError", "DocumentNotFound", "DocumentOffice", "DocumentRecord",
            "InvalidDocument", "NumberingError"]
__all__ += ["CheckpointMismatch", "RevisionChanged", "StoreCopied"]  # document control, issue 16
