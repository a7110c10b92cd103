"""M002 template-fails: each template a process uses renders with the data its dossiers have.

What it checks: every template found for the process's forms is rendered once, before any
dossier exists, with an invented dossier of this procedure (every declared field filled,
every kind of event present); a name the template uses that the form data and the
procedure's fields cannot supply, a syntax error or a refused operation is reported.
Why it matters: templates render with undefined names as errors, never as blanks, so such a
template would fail at the desk; finding it in CI costs nothing.
Flagged: an agency template using ``{{ dossier.data.so_giay_phep }}`` when the procedure
declares no field ``so_giay_phep``; ``{% if %}``.
Accepted: ``{{ dossier.data.so_giay_phep }}`` with ``<field id="so_giay_phep"/>`` declared.
Forms a procedure inherits from its flow are rendered with the procedure's own dossier too
(a template may print a field only the procedure declares, or fail for it), and reported on
the procedure's root element, so that the flow's file stays free of its procedures' problems.
Fix: declare the field, correct the name, or guard it with ``{% if ... is defined %}``.
"""

from collections.abc import Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("M002", "template-fails", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterator[Finding]:
    forms = context.forms
    if forms is None or not process.forms:
        return
    written = context.as_written(process)
    own = {f.id for f in written.forms}
    for form in process.forms:
        name = form.template or form.id
        for form_set in forms.sets_from(process.effective):
            problem = forms.dry_run(name, form_set, process)
            if not problem:
                continue
            hint = (_("remove what the template reads from outside its folder, or what the sandbox refused")
                    if "unsafe" in problem else _("correct the template, or declare the field it prints"))
            if form.id in own:
                yield rule.at(form, _("form {form!r} ({form_set}): {problem}").format(
                    form=form.id, form_set=form_set, problem=problem), hint=hint)
            else:
                yield rule.at(written.location, _("form {form!r} inherited from {base} ({form_set}), for this "
                                                  "procedure: {problem}").format(
                    form=form.id, base=process.extends, form_set=form_set, problem=problem), hint=hint)
