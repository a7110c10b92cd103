"""T001 missing-budget: every work step has a time budget.

What it checks: each work state (not waiting, not final) of a procedure has ``budget``
(working hours like ``4h``, or working days like ``0.5d``), directly or from its flow.
Why it matters: the step table of the procedure document states a time for every step;
the engine computes each step's due time from it, and the process-control slip classifies
each hand-over as early, on time or late against it.
Flagged: ``<state id="tham_dinh" role="chuyen-vien"/>`` without ``budget``.
Accepted: ``<state id="tham_dinh" role="chuyen-vien" budget="2d"/>``; a ``kind="waiting"`` step.
Fix: add the budget from the agency's internal procedure decision.
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("T001", "missing-budget", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    if all(s.budget is not None for s in context.facts(process).work):
        return ()  # every work step has its budget
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    for state in process.states:
        if state.effective_kind == "work" and state.budget is None:
            yield rule.at(state, _("work step {state!r} has no time budget").format(state=state.id),
                          hint=_('add budget="4h" (working hours) or budget="1d" (working days)'))
