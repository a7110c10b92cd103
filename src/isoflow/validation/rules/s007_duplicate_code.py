"""S007 duplicate-code: one file per code and revision in a catalogue.

What it checks: no two files in the catalogue declare the same ``code`` and ``revision``.
Why it matters: ``extends`` and the engine find a procedure by its code and revision; with
two candidates they would pick one at random, and the controlled document would exist in
two versions with the same identity.
Flagged: ``a.xml`` and ``b.xml`` both with ``code="QT-HT-02" revision="1"``.
Accepted: ``code="QT-HT-02"`` with revisions 1 and 2 (a new revision for new dossiers).
Fix: give the new revision a new ``revision`` number, or delete the stale copy.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("S007", "duplicate-code", Severity.ERROR, __doc__)
