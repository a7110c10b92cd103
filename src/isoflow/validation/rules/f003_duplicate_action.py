"""F003 duplicate-action: an action is declared once.

What it checks: in one file, no two actions have the same id, ``from`` and ``to``.
Why it matters: the second copy is either a leftover or a typo for an alternative; the
engine would offer the same move twice, with possibly different roles or guards.
Flagged: two ``<action id="trinh" from="tham_dinh" to="ky_duyet"/>``.
Accepted: ``<action id="kiem_tra" from="tiep_nhan" to="a"/>`` and ``... to="b"`` (alternatives).
Fix: delete the copy, or merge the roles and guards into one action.
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import Action, ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("F003", "duplicate-action", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    written = context.as_written(process)
    actions, facts = written.actions, context.facts(process)
    keys = zip(facts.ids, facts.sources, facts.targets, strict=True) if written is process \
        else ((a.id, a.source, a.target) for a in actions)
    if len(set(keys)) == len(actions):
        return ()  # no two actions share id, source and target
    return _findings(process, context)


def _findings(process: ProcessDefinition, context: Context) -> Iterator[Finding]:
    actions = context.as_written(process).actions
    first: dict[tuple[str, str, str | None], Action] = {}
    for action in actions:
        if action.remove:
            continue
        key = (action.id, action.source, action.target)
        if key in first:
            yield rule.at(action, _("action {action!r} from {source!r} to {target!r} is already declared on line "
                                    "{line}").format(action=action.id, source=action.source, target=action.target,
                                                     line=first[key].location.line), hint=_("delete the copy"))
        else:
            first[key] = action
