"""Q005 revision-changed: an approved revision's content is not changed under the same number.

What it checks: when an earlier digest of this code and revision is known (the approval
signature beside the file, ``x.xml.sig``, read without verifying it; or the digest a store kept
with the dossiers received under it, ``isoflow validate --db``), the file's content digest is
that one.
Why it matters: TCVN ISO 9001:2015 7.5.2(c) and 7.5.3.2(c)-(d): a document is approved before
use, its changes are controlled and identified.  A revision edited in place reads as the one the
approver signed, and the dossiers that started on it would silently follow a text nobody
approved (the desk refuses to run it: :class:`~isoflow.errors.RevisionChanged`).  The approval
binds the file's canonical form (comments included: they carry the legal reasoning), so any change
of content counts, not only of behaviour: isoflow cannot tell an edit that matters from one that
does not, and the approver must not have to trust that it can.
Flagged: revision 1 approved, then a step's budget changed in the file, ``revision="1"`` kept.
Accepted: the same change as ``revision="2"`` with its ``<change revision="2">`` entry (then
approved anew); the approved file re-indented or re-encoded (the canonical form is the same).
Fix: give the change a new revision number and a history entry and have it approved, or restore
the approved text.
"""

from isoflow.model.findings import RuleId, Severity
from isoflow.validation.rules._api import Rule

#: The identity the composition root reports it under (the digests are read at the edges: the
#: approval file and the store; :mod:`isoflow.control.known`).
REVISION_CHANGED = RuleId("Q005", "revision-changed", Severity.ERROR)

rule = Rule.of(REVISION_CHANGED, __doc__)
