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
Fix: declare the field, correct the name, or guard it with ``{% if ... is defined %}``.
"""

from collections.abc import Iterator

from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("M002", "template-fails", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterator[Finding]:
    forms = context.forms
    if forms is None:
        return
    written = {f.id for f in context.as_written(process).forms}
    sets = forms.sets_from(process.effective) if written else ()
    for form in process.forms:
        if form.id not in written:
            continue  # the flow's own forms are checked with the flow
        name = form.template or form.id
        for form_set in sets:
            problem = forms.dry_run(name, form_set, process)
            if problem:
                yield rule.at(form, f"form {form.id!r} ({form_set}): {problem}",
                              hint="correct the template, or declare the field it prints")
