"""X003 effect-value: an effect's constant value fits the field it sets.

What it checks: a ``<set value>`` that reads no field (a literal such as ``0``, ``True`` or
``'đã nhận'``, or a calculation of literals) gives a value of the field's type, within its
``min`` and ``max``: the check the engine makes on every effect when the action is taken.
Why it matters: the engine refuses an action whose effect computes a value that does not fit
its field, so such an action would be refused every time, and found only at the desk.
Flagged: ``<set field="so_lan" value="-1"/>`` with ``<field id="so_lan" type="int" min="0"/>``;
``<set field="da_gia_han" value="1"/>`` on a bool field; ``<set field="phi" value="1 / 0"/>``.
Accepted: ``<set field="da_gia_han" value="True"/>``, ``<set field="so_lan" value="0"/>``,
``value="None"`` (clears the field), and any value that reads a field (the engine checks it).
Fix: write a value of the field's type within its range, or correct the field's range.
"""

from collections.abc import Iterable, Iterator

from isoflow.errors import ExpressionEvaluationError, ExpressionSyntaxError, FieldValueError
from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.expressions import parse_expression
from isoflow.model.fields import accept
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("X003", "effect-value", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    if not any(context.facts(process).effects):
        return ()  # no action sets a field
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    fields = {f.id: f for f in process.fields}
    for action in process.actions:
        for effect in action.effects or ():
            field = fields.get(effect.field)
            if field is None:
                continue  # S003 reports the unknown field
            try:
                expression = parse_expression(effect.value)
            except ExpressionSyntaxError:
                continue  # X001 reports it
            if expression.names:
                continue  # depends on the dossier: the engine checks it when the action is taken
            try:
                accept(field, expression.evaluate({}))
            except ExpressionEvaluationError as error:
                message = _("in action {action!r} from {source!r}: field {field!r}: {problem}").format(
                    action=action.id, source=action.source, field=field.id, problem=error)
            except FieldValueError as error:
                message = _("in action {action!r} from {source!r}: {problem}").format(
                    action=action.id, source=action.source, problem=error)
            else:
                continue
            yield rule.at(action, message,
                          hint=_("write a value the field accepts, or correct the field's type or range"),
                          location=effect.location.of("value"))
