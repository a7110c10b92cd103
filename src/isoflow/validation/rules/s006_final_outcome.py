"""S006 final-outcome: final steps say how the dossier ended, and only they do.

What it checks: every final state has an ``outcome`` (granted, refused, withdrawn,
stopped); a state with an ``outcome`` is final; waiting states are not initial.
Why it matters: reports count granted, refused, withdrawn and stopped dossiers; the time
rules measure the path to the granted outcome.
Flagged: ``<state id="ket_thuc" kind="final"/>``; ``<state id="x" kind="work" outcome="granted"/>``.
Accepted: ``<state id="da_tra_ket_qua" kind="final" outcome="granted"/>``.
Fix: add the outcome, or remove it from a step that is not final.
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("S006", "final-outcome", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    facts = context.facts(process)
    # Final exactly where an outcome is given, and no initial waiting step: nothing to report.
    if all((kind == "final") == bool(outcome) for kind, outcome in zip(facts.kinds, facts.outcomes, strict=True)) \
            and all(s.kind != "waiting" for s in facts.initial):
        return ()
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    for state in process.states:
        if state.is_final and not state.outcome:
            yield rule.at(state, _("final state {state!r} has no outcome").format(state=state.id),
                          hint=_('add outcome="granted", "refused", "withdrawn" or "stopped"'))
        elif state.outcome and not state.is_final:
            message = (_("state {state!r} has outcome={outcome!r} but is a waiting step")
                       if state.effective_kind == "waiting" else
                       _("state {state!r} has outcome={outcome!r} but is a work step"))
            yield rule.at(state, message.format(state=state.id, outcome=state.outcome),
                          hint=_('only final states have an outcome: write kind="final" or remove outcome'),
                          location=state.location.of("outcome"))
        if state.is_initial and state.effective_kind == "waiting":
            yield rule.at(state, _("initial state {state!r} is a waiting step").format(state=state.id),
                          hint=_("a dossier starts in a work step where an officer receives it; "
                                 'make the receiving step initial="true"'),
                          location=state.location.of("kind"))
