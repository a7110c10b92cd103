"""S009 field-range: a number field's ``min`` and ``max`` make a range its type can hold.

What it checks: ``min`` and ``max`` are written only on int and decimal fields, ``min`` is not
greater than ``max``, and neither lies beyond what the type holds (an int field: a whole
database integer, -9223372036854775807 to 9223372036854775807; a decimal field: 15 digits).
Why it matters: the engine refuses every value outside the range, entered or computed by an
effect.  With ``min`` above ``max`` it refuses them all, so an action that requires the field
can never be taken; a bound on another type, or beyond the type's limits, promises a check
the engine does not make.
Flagged: ``<field id="so_ban" type="int" min="10" max="1"/>``, ``<field id="ly_do" type="text" min="1"/>``,
``<field id="so_trang" type="int" max="99999999999999999999"/>``, ``<field id="so_ban" type="int" min="1.5"/>``.
Accepted: ``<field id="so_ban" type="int" min="1"/>``, ``<field id="phi" type="decimal" min="0" max="200000"/>``.
Fix: swap or correct the bounds; remove them from a field that is not a number.
"""

from collections.abc import Iterable, Iterator
from decimal import Decimal

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.fields import DECIMAL_DIGITS, INT_MAX, INT_MIN, show
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("S009", "field-range", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    if all(f.minimum is None and f.maximum is None for f in process.fields):
        return ()  # no field declares a range (most files)
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    for field in process.fields:
        bounds = [(name, value) for name, value in (("min", field.minimum), ("max", field.maximum))
                  if value is not None]
        if not bounds:
            continue
        kind = field.effective_type
        if kind not in ("int", "decimal"):
            name = bounds[0][0]
            hint = (_("remove min and max, or declare the field int or decimal") if len(bounds) == 2
                    else _("remove {bound}, or declare the field int or decimal").format(bound=name))
            yield rule.at(field, _("field {field!r} is of type {type}: {bound} bounds only int and decimal "
                                   "fields").format(field=field.id, type=kind, bound=name),
                          hint=hint, location=field.location.of(name))
            continue
        for name, value in bounds:
            beyond = _beyond(field.id, name, kind, value)
            if beyond:
                yield rule.at(field, beyond,
                              hint=_("write a {bound} the field can hold, or leave it out").format(bound=name),
                              location=field.location.of(name))
        if field.minimum is not None and field.maximum is not None and field.minimum > field.maximum:
            low, high = show(field.minimum), show(field.maximum)
            yield rule.at(field, _("field {field!r}: min {low} is greater than max {high}, so no value fits").format(
                field=field.id, low=low, high=high), hint=_("swap the bounds or correct one of them"),
                location=field.location.of("min"))


def _beyond(field: str, bound: str, kind: str, value: Decimal) -> str:
    """The message saying what the type holds when ``value`` lies beyond it; "" when it does not."""
    said = {"field": field, "bound": bound, "value": show(value)}
    if kind == "int" and not INT_MIN <= value <= INT_MAX:
        return _("field {field!r}: {bound} {value} is beyond what an int field holds (between {low} and "
                 "{high})").format(low=INT_MIN, high=INT_MAX, **said)
    if kind == "int" and value != value.to_integral_value():
        return _("field {field!r}: {bound} {value} is beyond what an int field holds (whole numbers)").format(**said)
    if kind == "decimal" and value.adjusted() >= DECIMAL_DIGITS:
        return _("field {field!r}: {bound} {value} is beyond what a decimal field holds (at most {digits} "
                 "digits)").format(digits=DECIMAL_DIGITS, **said)
    return ""
