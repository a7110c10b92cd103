"""Document control (TCVN ISO 9001:2015, 7.5): approved revisions and the list of documents.

* :mod:`~isoflow.control.canonical`: the canonical form of a process file and its digest;
* :mod:`~isoflow.control.approval`: a revision approved by an XML-DSig signature of the approver
  the file names, kept beside it (``x.xml.sig``), and :func:`check_approval`, the one question
  "is this exact file an approved revision, and what is its digest?";
* :mod:`~isoflow.control.catalogue`: each revision's life (draft, approved, in force, superseded,
  withdrawn) over a folder of process files, the danh mục tài liệu;
* :mod:`~isoflow.control.diff`: what changed between two revisions, in the procedure's words,
  and the rows of its revision page;
* :mod:`~isoflow.control.runnable`: what a desk runs: strict mode (approved, unaltered revisions
  only) and the content digest each dossier started on (a revision changed in place is refused);
* :mod:`~isoflow.control.known`: Q005, an approved revision changed under the same number;
* :mod:`~isoflow.control.seal`: checkpoints of the store-wide ledger signed with the
  organisation's key, and their check (a store another agency sealed, a checkpoint that does not
  match).

Above the signing, paper and store edges (it uses them) and below the composition root: nothing
in the pure core imports it; strict mode and the digests reach the desk through
:mod:`isoflow.workspace`.
"""

from isoflow.control.approval import (
    Approval,
    ApprovalStatus,
    Statement,
    approval_signature,
    approve,
    check_approval,
    check_file,
    load_approved,
    same_person,
    signature_path,
)
from isoflow.control.canonical import canonical_form, digest

__all__ = ["Approval", "ApprovalStatus", "Statement", "approval_signature", "approve", "canonical_form",
           "check_approval", "check_file", "digest", "load_approved", "same_person", "signature_path"]
