"""Official documents (văn bản đến/đi, Decree 30/2020/NĐ-CP): the composition that runs them.

* :class:`DocumentOffice` (:mod:`~isoflow.documents.office`): receive, register, assign,
  draft, number, attach and verify documents running on the incoming and outgoing processes;
* :mod:`~isoflow.documents.signatures`: the two signatures of Decree 30 through
  :mod:`isoflow.signing` (the signer's, then the organisation's);
* :mod:`~isoflow.documents.liaison`: sending and receiving them as signed edXML through
  :mod:`isoflow.exchange`, status messages and recall;
* :mod:`~isoflow.documents.registers`: the registers of Phụ lục IV as CSV and PDF.

Imports the edges (store, signing, exchange, paper); nothing below imports it.
"""

from isoflow.documents.office import INCOMING_PROCESS, OUTGOING_PROCESS, Agency, DocumentOffice, FollowUp, NewFile

__all__ = ["INCOMING_PROCESS", "OUTGOING_PROCESS", "Agency", "DocumentOffice", "FollowUp", "NewFile"]
