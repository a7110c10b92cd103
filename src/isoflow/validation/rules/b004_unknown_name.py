"""B004 unknown-name: the steps, roles and forms a feature names exist in its procedure.

What it checks: the step in ``hồ sơ ở bước "…"`` and ``bước "…" hoàn thành …``, the role in
``"…" giữ vai trò "…"`` and the form in ``phiếu "…" được cấp`` / ``có nội dung …`` (and their
English forms) are a state id, a role id and a form id (or template name) of the scenario's
procedure.
Why it matters: such a scenario can never pass, and its failure message points at the
procedure rather than at the misspelt name in the feature.
Flagged: ``Thì hồ sơ ở bước "tham_dinhh"`` when the procedure has ``tham_dinh``.
Accepted: ids as the merged procedure declares them; ``receipt``, ``supplement`` and the
other template names for forms.
Fix: use the id written in the process file; the finding suggests the closest one.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("B004", "unknown-name", Severity.ERROR, __doc__)
