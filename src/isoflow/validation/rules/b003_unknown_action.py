"""B003 unknown-action: a feature's actions exist in its procedure.

What it checks: the action in each step ``"…" thực hiện "…"`` / ``"…" thử thực hiện "…"``
(``takes the action`` / ``tries to take the action``) is an action id of the procedure the
scenario runs (its own, or the one its flow gives it).
Why it matters: a scenario with a misspelt action fails at run time with "not possible from
this step", which reads like a fault of the procedure rather than of the feature.
Flagged: ``Khi "le.an" thực hiện "kiem_tr"`` in a feature of a procedure with ``kiem_tra``.
Accepted: any action id the merged procedure declares, from any step.
Fix: use the action id as written in the process file (``isoflow render`` lists them in the
procedure document's step table); the finding suggests the closest one.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("B003", "unknown-action", Severity.ERROR, __doc__)
