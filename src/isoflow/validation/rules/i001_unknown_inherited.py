"""I001 unknown-inherited: a procedure that extends a flow restates steps the flow has.

What it checks: in a file with ``extends``, a step, action, role or unit whose id is not in the
flow but is one or two letters away from one the flow has and the file does not restate
(``tham_dnh`` beside the flow's ``tham_dinh``; an action's id among the flow's actions from the
same step).
Why it matters: a restatement with a typo in its id adds a new, disconnected step instead of
changing the inherited one: the flow's step keeps its old budget and the new one is unreachable,
which used to read as three unrelated findings (F001, F002, R003) and a T002 over the limit.
Reported once instead: the other rules check the file as if the id were the flow's.
Flagged: ``<state id="tham_dnh" budget="3h"/>`` in a procedure extending MC-CHUNG, whose flow
declares ``tham_dinh``.
Accepted: ``<state id="tham_dinh" budget="3h"/>``; a step added on purpose whose id resembles an
inherited one, said so with ``<suppress rule="I001" reason="bước thẩm định lần hai"/>`` inside it
(then it is a new step and is checked as one).
Fix: correct the id, or mark the element as new with that suppression.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("I001", "unknown-inherited", Severity.ERROR, __doc__)
