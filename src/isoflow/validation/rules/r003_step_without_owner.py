"""R003 step-without-owner: every work step names its unit and responsible role.

What it checks: each work state has ``unit`` (who holds the dossier) and ``role`` (who
answers for the step), directly or from its flow.
Why it matters: the step table of the procedure document has a "Trách nhiệm" column, and
the process-control slip has one row per hand-over between units: both need them.
Flagged: ``<state id="tham_dinh" budget="2d"/>``.
Accepted: ``<state id="tham_dinh" unit="phong-chuyen-mon" role="chuyen-vien" budget="2d"/>``.
Fix: add the missing ``unit`` or ``role``.
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("R003", "step-without-owner", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    if all(s.unit and s.role for s in context.facts(process).work):
        return ()  # every work step names its unit and role
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    for state in process.states:
        if state.effective_kind != "work":
            continue
        missing = [name for name, value in (("unit", state.unit), ("role", state.role)) if not value]
        if missing:
            message = (_("work step {state!r} names no unit and no role") if len(missing) == 2
                       else _("work step {state!r} names no unit") if missing == ["unit"]
                       else _("work step {state!r} names no role"))
            yield rule.at(state, message.format(state=state.id),
                          hint=_("add {attributes}").format(attributes=" ".join(f'{m}="..."' for m in missing))
                          if len(missing) == 1 else _('add unit="..." and role="..."'))
