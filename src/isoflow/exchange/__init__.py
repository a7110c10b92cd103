"""Exchange between agencies: documents and status messages as signed edXML (QCVN 102:2016).

An edge, like :mod:`isoflow.signing` (whose ``sign_xml``/``verify_xml`` it uses) and independent
of the document store: the store converts its records to and from these and keeps what it
receives; this package only turns records into signed bytes, bytes back into records (or a
refusal with its reason), and moves bytes between agencies.

* records (:mod:`~isoflow.exchange.envelope`): :class:`Envelope`, :class:`StatusMessage`,
  :class:`Organisation`, :class:`DocumentId` and the parts they are made of; codes
  (:mod:`~isoflow.exchange.codes`): :class:`StatusCode`, :class:`BusinessType`,
  :class:`Priority`, :class:`Competence`, and the data file of what is recalled – verify;
* edXML (:mod:`~isoflow.exchange.edxml`): :func:`to_edxml`, :func:`export` (signed),
  :class:`Receiver` (``read`` gives a :class:`Received` or raises an ``ExchangeError``), and the
  :class:`ReceivedDocuments` protocol the store implements for the duplicate check;
* transport (:mod:`~isoflow.exchange.transport`): the :class:`Transport` interface and
  :class:`FolderTransport`;
* the test kit: :mod:`isoflow.exchange.testing`.

Nothing below the edges imports this package; ``import isoflow`` does not load it.
"""

from isoflow.exchange.codes import BusinessType, Codes, Competence, Priority, StatusCode, load_codes
from isoflow.exchange.edxml import Received, ReceivedDocuments, Receiver, export, to_edxml
from isoflow.exchange.envelope import (
    VIETNAM,
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
)
from isoflow.exchange.transport import Delivery, FolderTransport, Transport

__all__ = ["VIETNAM", "Attachment", "BusinessType", "Codes", "Competence", "Delivery", "DocumentId", "DocumentType",
           "Envelope", "FolderTransport", "Organisation", "Priority", "Received", "ReceivedDocuments", "Receiver",
           "Replacement", "Signer", "Staff", "StatusCode", "StatusMessage", "TraceHeader", "Transport", "export",
           "load_codes", "to_edxml"]
