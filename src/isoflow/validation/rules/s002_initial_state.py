"""S002 initial-state: exactly one step is the initial step.

What it checks: one and only one state has ``initial="true"``, and it is not final.
Why it matters: a dossier is created in the initial step; with none the engine cannot start
a dossier, with several it cannot choose.
Flagged: no ``initial="true"``; two states with ``initial="true"``.
Accepted: ``<state id="tiep_nhan" initial="true" .../>`` and no other initial state.
Fix: mark the receiving step ``initial="true"`` and remove the mark from the others.
"""

from collections.abc import Iterable, Iterator, Sequence

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition, State
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("S002", "initial-state", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    initial = context.facts(process).initial
    if len(initial) == 1 and not initial[0].is_final:
        return ()  # the usual case
    return _findings(process, initial)


def _findings(process: ProcessDefinition, initial: Sequence[State]) -> Iterator[Finding]:
    if not initial and process.states:
        yield rule.at(process.location, _("{kind} {code!r} has no initial state").format(
            kind=_(process.kind), code=process.code), hint=_('mark the first step initial="true"'))
    for state in initial[1:]:
        yield rule.at(state, _("state {state!r} is a second initial state (the first is {first!r})").format(
            state=state.id, first=initial[0].id), hint=_('keep initial="true" on one state only'))
    for state in initial:
        if state.is_final:
            yield rule.at(state, _("initial state {state!r} is final").format(state=state.id),
                          hint=_("the initial step must lead somewhere"))
