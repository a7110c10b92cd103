"""M001 unknown-template: a form the process issues has a template in every form set it meets.

What it checks: for each ``<form>``, its ``template`` (or, without one, its ``id``) names a
template in the form set in force on the process's effective date and in every later set,
looked up in the agency's template folders (``--templates``) and then isoflow's own.
Why it matters: a dossier prints its forms from the set in force when it was received
(Circular 01/2018/TT-VPCP, then Circular 03/2025/TT-VPCP); a form with no template there
fails at the desk, in front of the applicant.
Flagged: ``<form id="phieu-dung" template="stop">`` in a process effective in 2025-03, when
Circular 01/2018 had no stop notice; ``template="reciept"``.
Accepted: ``template="receipt"``; an agency template ``tt03-2025/giay-xac-nhan.html.j2``.
Fix: correct the template name, add the agency's template, or change the effective date.
"""

from collections.abc import Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("M001", "unknown-template", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterator[Finding]:
    forms = context.forms
    if forms is None:
        return
    sets = forms.sets_from(process.effective)
    for form in context.as_written(process).forms:
        name = form.template or form.id
        missing = [s for s in sets if forms.locate(name, s) is None]
        if missing:
            where = form.location.of("template") if form.template else form.location
            yield rule.at(form, _("form {form!r}: no template {name!r} in form set {sets} ({looked})").format(
                form=form.id, name=name, sets=", ".join(missing), looked=forms.describe(name, missing[0])),
                          hint=_("forms of {set}: {forms}").format(set=missing[0],
                                                                   forms=", ".join(forms.known(missing[0]))),
                          location=where)
