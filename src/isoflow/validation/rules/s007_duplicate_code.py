"""S007 duplicate-code: one file per code and revision in a catalogue.

What it checks: no two of the files validated together declare the same ``code`` and
``revision``.  The other files of a file's folder (and ``--catalogue`` folders) are loaded only
so that ``extends`` finds its flow: they are not compared, so ``isoflow validate new.xml`` in a
folder of drafts reports nothing about the drafts; ``isoflow validate processes/`` compares all.
Why it matters: ``extends`` and the engine find a procedure by its code and revision; with
two candidates they would pick one at random, and the controlled document would exist in
two versions with the same identity.
Flagged: ``a.xml`` and ``b.xml`` both with ``code="QT-HT-02" revision="1"``: the same procedure
twice (same national code, or same title), or two procedures (a copy that kept the code).
Accepted: ``code="QT-HT-02"`` with revisions 1 and 2 (a new revision for new dossiers).
Fix: for a new version of the same procedure, a new ``revision`` number (or delete the stale
copy); for another procedure, a new ``code``: the hint says which it is.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("S007", "duplicate-code", Severity.ERROR, __doc__)
