"""X004 constant-guard: a guard reads at least one field.

What it checks: each ``when`` guard names a field of the dossier; a guard that reads none
(``when="()"``, ``when="[]"``, ``when="False"``, ``when="1 == 2"``, a comment in brackets)
has the same value for every dossier.
Why it matters: a guard that is always false makes its action impossible, silently; one
that is always true says nothing and hides what the author meant to check.
Flagged: ``when="(\\n# điều kiện sẽ bổ sung\\n)"``, ``when="[]"``, ``when="False"``.
Accepted: ``when="ho_so_day_du"``, ``when="so_ban >= 1"``.
Fix: write the condition on a field, or remove the guard (an action without ``when`` is
always possible for its roles).
"""

from collections.abc import Iterable, Iterator

from isoflow.errors import ExpressionEvaluationError, ExpressionSyntaxError
from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.expressions import parse_expression
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("X004", "constant-guard", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    facts = context.facts(process)
    if facts.expressions is not None and all(e.names for e in facts.expressions):
        return ()  # every guard and effect reads a field
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    for action in process.actions:
        if not action.when:
            continue
        try:
            guard = parse_expression(action.when)
        except ExpressionSyntaxError:
            continue  # X001 reports it
        if guard.names:
            continue
        try:
            value = _("always true") if guard.evaluate({}) else _("always false: the action can never be taken")
        except ExpressionEvaluationError:
            value = _("never true: the action can never be taken")
        message = _("in action {action!r} from {source!r}: the guard {guard!r} reads no field, so it is {value}")
        yield rule.at(action, message.format(action=action.id, source=action.source, guard=action.when,
                                             value=value),
                      location=action.location.of("when"),
                      hint=_("write the condition on a field, or remove the guard"))
    for case in process.procedure.time_limit.cases if process.procedure else ():
        try:
            guard = parse_expression(case.when)
        except ExpressionSyntaxError:
            continue  # X001 reports it
        if not guard.names:
            yield rule.at(process.location, _("the time-limit case {case!r} reads no field, so it applies to every "
                                              "dossier or to none").format(case=case.when),
                          location=case.location.of("when"), hint=_("write the case's condition on a field"))
