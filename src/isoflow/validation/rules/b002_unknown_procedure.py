"""B002 unknown-procedure: a feature names a procedure the catalogue has.

What it checks: the code in each step ``quy trình "…" đang có hiệu lực`` (``the procedure "…"
is in force``) is the code of a process among the files validated with the feature.
Why it matters: a misspelt code fails every scenario of the feature at run time, far from
the typo; a procedure renamed or withdrawn leaves features that no longer test anything.
Flagged: ``Biết quy trình "QT-HT-99" đang có hiệu lực`` when no process has code QT-HT-99.
Accepted: the code of a process (not a flow) in the validated files.
Fix: correct the code (the finding suggests the closest one), or validate the feature
together with the folder of its procedures: ``isoflow validate processes/ features/``.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("B002", "unknown-procedure", Severity.WARNING, __doc__)
