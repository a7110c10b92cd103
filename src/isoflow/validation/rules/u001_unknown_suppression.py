"""U001 unknown-suppression: a ``<suppress>`` names a rule that exists.

What it checks: the ``rule`` of every ``<suppress>`` is the code of one of isoflow's rules
(``isoflow rules`` lists them).
Why it matters: a suppression with a mistyped code (``T021`` for ``T012``, ``S0O3``) silences
nothing, and the author believes the finding is handled; linters (eslint, ruff) refuse it too.
Flagged: ``<suppress rule="T021" reason="..."/>`` (there is no rule T021).
Accepted: ``<suppress rule="T002" reason="..."/>``.
Fix: correct the code (the hint says the closest one), or remove the suppression.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("U001", "unknown-suppression", Severity.ERROR, __doc__)
