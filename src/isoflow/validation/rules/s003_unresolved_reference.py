"""S003 unresolved-reference: every id a process refers to is declared.

What it checks: a state's ``unit`` and ``role``; an action's ``from``, ``to``, ``roles``,
``issues`` (forms), ``records``, ``requires`` and ``reschedule`` (fields); a ``<set field>``; and each
``remove="true"`` names something the base flow has.  Ids inherited through ``extends``
count as declared.
Why it matters: a dangling reference is a step nobody can hold, an action that goes
nowhere, a form that cannot be printed.
Flagged: ``<action id="trinh" from="tham_dinh" to="phe_duyet"/>`` when no state
``phe_duyet`` exists.
Accepted: references to ids declared in the file or in the flow it extends.
Fix: correct the id (the message suggests the closest one) or declare it.
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import N_
from isoflow.i18n import translate as _
from isoflow.model.definition import Action, Node, ProcessDefinition
from isoflow.model.expressions import suggest
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("S003", "unresolved-reference", Severity.ERROR, __doc__)

#: What each kind of element is called in a message (translated where it is shown).
_KINDS = {"unit": N_("unit"), "role": N_("role"), "state": N_("state"), "form": N_("form"), "record": N_("record"),
          "field": N_("field")}

def _missing(node: Node, attribute: str, kind: str, ids: Iterable[str] | None, known: set[str]) -> Iterator[Finding]:
    if not ids or known.issuperset(ids):
        return  # the common case, without building any message
    # An action names itself by id and source; about its own ``from``, saying the source twice
    # ("action 'tra' from 'x' from='x'") reads as a typo, so it is named by id alone.
    if isinstance(node, Action):
        message = (_("action {id!r} {attribute}={ref!r}: no {kind} {ref!r} is declared") if attribute == "from"
                   else _("action {id!r} from {source!r} {attribute}={ref!r}: no {kind} {ref!r} is declared"))
    else:
        message = _("{element} {id!r} {attribute}={ref!r}: no {kind} {ref!r} is declared")
    element = type(node).__name__.lower()
    said = _(_KINDS.get(kind, kind))
    for ref in ids:
        if ref not in known:
            close = suggest(ref, known)
            hint = _("did you mean {close!r}?").format(close=close) if close else \
                _("declare the {kind} or correct the id").format(kind=said)
            yield rule.at(node, message.format(element=_(_KINDS.get(element, element)), id=node.id,
                                               source=getattr(node, "source", ""), attribute=attribute, ref=ref,
                                               kind=said),
                          hint=hint, location=node.location.of_item(attribute, ref))


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    facts = context.facts(process)
    states, fields, every = facts.state_ids, facts.field_ids, facts.every
    roles, units, forms, records = (facts.id_sets[kind] for kind in ("roles", "units", "forms", "records"))
    # Each kind of reference tested at once, on the columns: the usual file has no unresolved one.
    if (units.issuperset(filter(None, facts.units)) and roles.issuperset(filter(None, facts.state_roles))
            and states.issuperset(facts.sources) and states.issuperset(facts.targets)  # fails on a missing target too
            and roles.issuperset(every(facts.roles)) and forms.issuperset(every(facts.issues))
            and records.issuperset(every(facts.records)) and fields.issuperset(every(facts.requires))
            and fields.issuperset(filter(None, facts.reschedules))
            and fields.issuperset([e.field for e in every(facts.effects)]) and not process.dangling_removals
            and all(a.number is None or a.number.field in fields for a in process.actions)):
        return ()
    return _findings(process, states, roles, units, forms, fields, records)


def _findings(process: ProcessDefinition, states: set[str], roles: set[str], units: set[str], forms: set[str],
              fields: set[str], records: set[str]) -> Iterator[Finding]:
    for state in process.states:
        if state.unit and state.unit not in units:
            yield from _missing(state, "unit", "unit", [state.unit], units)
        if state.role and state.role not in roles:
            yield from _missing(state, "role", "role", [state.role], roles)
    for action in process.actions:
        if action.source not in states:
            yield from _missing(action, "from", "state", [action.source], states)
        if action.target is None:
            yield rule.at(action, _("action {action!r} from {source!r} has no target state").format(
                action=action.id, source=action.source), hint=_('add to="STATE-ID"'))
        elif action.target not in states:
            yield from _missing(action, "to", "state", [action.target], states)
        yield from _missing(action, "roles", "role", action.roles, roles)
        yield from _missing(action, "issues", "form", action.issues, forms)
        yield from _missing(action, "records", "record", action.records, records)
        yield from _missing(action, "requires", "field", action.requires, fields)
        if action.reschedule and action.reschedule not in fields:
            yield from _missing(action, "reschedule", "field", [action.reschedule], fields)
        if action.number is not None and action.number.field not in fields:
            yield from _missing(action, "number", "field", [action.number.field], fields)
        for effect in action.effects or ():
            if effect.field not in fields:
                close = suggest(effect.field, fields)
                yield rule.at(action, _("action {action!r} sets field {field!r}, which is not declared").format(
                    action=action.id, field=effect.field),
                              hint=_("did you mean {close!r}?").format(close=close) if close
                              else _("declare it in <fields>"),
                              location=effect.location.of("field"))
    for node in process.dangling_removals:
        if isinstance(node, Action):
            message = _('remove="true" on action {id!r} from {source!r}: the base flow {base!r} has no such element')
        else:
            message = _('remove="true" on {element} {id!r}: the base flow {base!r} has no such element')
        element = type(node).__name__.lower()
        yield rule.at(node, message.format(element=_(_KINDS.get(element, element)), id=node.id,
                                           source=getattr(node, "source", ""), base=process.extends),
                      location=node.location.of("remove"))

