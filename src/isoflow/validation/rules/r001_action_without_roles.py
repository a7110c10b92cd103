"""R001 action-without-roles: every action names who may take it.

What it checks: each action has a non-empty ``roles`` list (directly or from its flow).
Why it matters: ISO 9001 (5.3) asks that responsibilities and authorities are assigned;
the engine refuses an action to anyone whose role is not listed, so an action without
roles could never be taken, or would have to be open to everyone.
Flagged: ``<action id="trinh" from="tham_dinh" to="ky_duyet"/>``.
Accepted: ``<action id="trinh" from="tham_dinh" to="ky_duyet" roles="chuyen-vien"/>``.
Fix: add ``roles="..."`` with the roles that may take the action.
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("R001", "action-without-roles", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    if all(context.facts(process).roles):
        return ()  # every action names its roles
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    for action in process.actions:
        if not action.roles:
            yield rule.at(action, _("action {action!r} from {source!r} names no role that may take it").format(
                action=action.id, source=action.source), hint=_('add roles="ROLE-ID ..."'))
