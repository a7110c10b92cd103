"""S008 reschedule-field: an extension action names a datetime field the actor must enter.

What it checks: the field named by ``reschedule`` (the new due time of an apology and
extension) is declared with ``type="datetime"`` and is listed in the action's ``requires``.
Why it matters: the engine moves the dossier's due time to that value; a text or date field,
or one the actor may leave empty, would make the extension fail when the officer takes it.
Flagged: ``<action id="xin_loi" reschedule="ly_do" requires="ly_do">`` with ``ly_do`` of type text.
Accepted: ``reschedule="ngay_hen_moi" requires="ly_do ngay_hen_moi"`` with
``<field id="ngay_hen_moi" type="datetime"/>``.
Fix: point ``reschedule`` at a datetime field and add it to ``requires``.
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("S008", "reschedule-field", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    if not any(context.facts(process).reschedules):
        return ()  # no extension action
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    fields = {f.id: f for f in process.fields}
    for action in process.actions:
        name = action.reschedule
        if not name or name not in fields:
            continue  # no extension here, or S003 reports the unknown field
        if fields[name].effective_type != "datetime":
            yield rule.at(action, _("action {action!r} from {source!r} reschedules to field {field!r}, which is of "
                                    "type {type}, not datetime").format(action=action.id, source=action.source,
                                                                        field=name, type=fields[name].effective_type),
                          hint=_('declare <field id="{field}" type="datetime"/>').format(field=name),
                          location=action.location.of("reschedule"))
        elif name not in (action.requires or ()):
            yield rule.at(action, _("action {action!r} from {source!r} reschedules to field {field!r} but does not "
                                    "require it").format(action=action.id, source=action.source, field=name),
                          hint=_('add {field} to requires="..."').format(field=name),
                          location=action.location.of("reschedule"))
