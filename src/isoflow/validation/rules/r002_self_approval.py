"""R002 self-approval: whoever prepares a dossier cannot approve it.

What it checks: no role is permitted both an action with ``duty="prepare"`` (appraise,
draft, submit) and an action with ``duty="approve"`` (approve, sign).  At run time the
engine also refuses an approval by the person who took a prepare action on that dossier.
Why it matters: segregation of duties: an officer who appraised a dossier must not sign
off their own work (ISO 9001 5.3, the four-eyes principle of internal control).
Flagged: ``roles="chuyen-vien"`` on both ``trinh`` (prepare) and ``ky`` (approve).
Accepted: ``trinh`` by ``chuyen-vien``, ``ky`` by ``lanh-dao``.
Fix: give the approval to a different role, or drop the shared role from one of them.
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("R002", "self-approval", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    facts = context.facts(process)
    duties = list(zip(facts.roles, facts.duties, strict=True))
    preparing = {r for roles, duty in duties if duty == "prepare" for r in roles or ()}
    if preparing.isdisjoint(r for roles, duty in duties if duty == "approve" for r in roles or ()):
        return ()  # no role both prepares and approves
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    preparers = [a for a in process.actions if a.duty == "prepare"]
    for approval in (a for a in process.actions if a.duty == "approve"):
        for prepare in preparers:
            shared = sorted(set(approval.roles or ()) & set(prepare.roles or ()))
            if shared:
                yield rule.at(approval, _("action {action!r} from {source!r} approves, but role {role!r} may also "
                                          "prepare the dossier (action {preparer!r} from {preparer_source!r})").format(
                                  action=approval.id, source=approval.source, role=shared[0], preparer=prepare.id,
                                  preparer_source=prepare.source),
                              hint=_("give approval and preparation to different roles"),
                              location=approval.location.of("roles"))
                break
