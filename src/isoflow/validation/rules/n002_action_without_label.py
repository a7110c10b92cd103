"""N002 action-without-label: every action has a label, the words the papers print.

What it checks: each action of a procedure (its own or inherited from its flow) has a
``<label>`` (in Vietnamese, or in some language).  Flows are not checked on their own: papers
are printed for procedures, and a procedure names the flow's unlabelled action where it uses it.
Why it matters: the flowchart writes each arrow's label and the procedure document's step table
says what is done at each step in its words; without one they print the bare id (``kiem_tra``),
which a citizen or an auditor reading the published procedure cannot understand.
Flagged: ``<action id="tra" from="tra_ket_qua" to="da_tra_ket_qua" roles="mot-cua"/>``.
Accepted: the same action with ``<label>Trả kết quả cho tổ chức, cá nhân</label>``; an action
restated by a procedure without a label, when its flow gives one.
Fix: add ``<label>`` with what is done, as the internal procedure decision words it.
"""

from collections.abc import Iterable

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("N002", "action-without-label", Severity.WARNING, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    return [rule.at(action, _("action {action!r} from {source!r} has no label: the flowchart and the procedure "
                              "document would print its id {action!r}").format(action=action.id, source=action.source),
                    hint=_("add <label>...</label> with what is done, in words"))
            for action in process.actions if not action.labels] if process.kind == "process" else []
