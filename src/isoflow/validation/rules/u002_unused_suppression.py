"""U002 unused-suppression: every ``<suppress>`` silences a finding.

What it checks: each ``<suppress>`` of a file silenced at least one finding of its rule in
this run, on the element it sits on (or anywhere inside it; at the root: in the whole file).
Every rule runs whatever ``--select`` and ``--ignore`` keep, so each suppression is judged;
the form rules (M) only when forms are checked.  As ruff's RUF100 does.
Why it matters: a suppression that silences nothing is either on the wrong element (the finding
points elsewhere, so it is still reported) or left over after a fix, where it would hide the
same problem when it comes back; a whole-file suppression kept "just in case" once hid a real
regression.
Flagged: ``<suppress rule="T002">`` on a ``<state>`` (T002 is reported at ``<time-limit>``);
``<suppress rule="T001">`` on a step that now has its budget.
Accepted: ``<suppress rule="T002">`` inside ``<time-limit>`` of a procedure whose budgets
exceed the limit.
Fix: move the suppression to the element the finding points at, or remove it.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("U002", "unused-suppression", Severity.WARNING, __doc__)
