"""S004 final-state-has-actions: nothing leaves a final step.

What it checks: no action has a final state (``kind="final"`` or an ``outcome``) as ``from``.
Why it matters: a final state closes the dossier; an action out of it would reopen a
closed record behind the audit trail's back.
Flagged: ``<action id="mo_lai" from="da_tra_ket_qua" to="tham_dinh"/>``.
Accepted: actions into final states only.
Fix: remove the action, or make the state a work step (drop ``outcome`` / ``kind="final"``).
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("S004", "final-state-has-actions", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    facts = context.facts(process)
    if facts.finals.isdisjoint(facts.sources):
        return ()  # no action leaves a final state
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    by_id = process.state_by_id
    finals = {state_id for state_id, state in by_id.items() if state.is_final}
    for action in process.actions:
        if action.source in finals:
            state = by_id[action.source]
            yield rule.at(action, _("action {action!r} from {source!r} leaves final state {state!r}").format(
                action=action.id, source=action.source, state=state.id),
                hint=_("final states close the dossier; remove the action or make the state a work step"))
