"""F001 unreachable-state: every step can be reached from the initial step.

What it checks: following actions from the initial state reaches every state.
Why it matters: a step no dossier can enter is dead text in a controlled document, and it
usually means an action is missing or points to the wrong step.
Flagged: ``<state id="tham_dinh_lai"/>`` with no action leading to it.
Accepted: every state is the target of a path of actions from the initial state.
Fix: add the missing action, correct the ``to`` of an existing one, or delete the state.
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.graph import spread
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("F001", "unreachable-state", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    facts = context.facts(process)
    initial = facts.initial
    if len(initial) != 1 or facts.dangling:
        return ()  # S002 or S003 reports the cause; reachability means nothing until it is fixed
    # Without dangling actions every edge joins declared states (or has no target).
    seen = spread([initial[0].id], list(zip(facts.sources, facts.targets, strict=True)), facts.state_ids)
    if seen.issuperset(facts.state_ids):
        return ()
    return _findings(process, initial[0].id, seen)


def _findings(process: ProcessDefinition, initial: str, seen: set[str | None]) -> Iterator[Finding]:
    for state in process.states:
        if state.id not in seen:
            yield rule.at(state, _("state {state!r} cannot be reached from the initial state {initial!r}").format(
                state=state.id, initial=initial), hint=_("add an action that leads to it, or delete it"))
