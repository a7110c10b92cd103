"""F002 trap-state: from every step there is a way to a final step.

What it checks: from each non-final state, some path of actions reaches a final state.
It reports the trap itself (a dead end, or a group of steps that only lead to each other),
not every step upstream that can only lead into it.
Why it matters: a dossier caught in a trap can never be closed: it stays open past its due
date with no action that anyone may take (an open nonconformity, ISO 9001 10.2).
Flagged: ``<state id="cho_y_kien"/>`` whose only action leads back to itself.
Accepted: every step has a path to ``da_tra_ket_qua``, ``tu_choi`` or another final step.
Fix: add an action out of the step (for example to a refusal or stop outcome).
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.graph import reachable, spread, successors
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("F002", "trap-state", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    facts = context.facts(process)
    if facts.dangling:
        return ()  # S003 reports the broken action; every state it cut off would follow
    # Backwards, from the last action: final steps are usually reached late in the file.
    backwards = list(zip(reversed(facts.targets), reversed(facts.sources), strict=True))
    can_finish = spread(facts.finals, backwards, facts.state_ids)
    if can_finish.issuperset(facts.state_ids):
        return ()  # the usual case, found without building the graph
    return _findings(process, can_finish)


def _findings(process: ProcessDefinition, can_finish: set[str | None]) -> Iterator[Finding]:
    graph = successors(process)
    for state in process.states:
        if state.id in can_finish:
            continue
        # Report the trap itself, not every step upstream of it: a state is a cause when
        # everything it can reach can come back to it (it belongs to a closed group).
        ahead = reachable(graph, [state.id])
        if any(state.id not in reachable(graph, [other]) for other in ahead):
            continue
        message = (_("state {state!r} has no action out: a dossier there can never be closed")
                   if not process.actions_from(state.id)
                   else _("state {state!r} has no path to a final state: a dossier there can never be closed"))
        yield rule.at(state, message.format(state=state.id),
                      hint=_("add an action towards a final state, or make it final"))
