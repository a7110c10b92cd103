"""Q003 document-control: the procedure is a complete controlled document.

What it checks: ``<control>`` has ``drafted``, ``reviewed`` and ``approved``, each with
``by``, ``title`` and ``on``; approval is dated no later than the effective date; the
revision history has an entry for the current revision.
Why it matters: TCVN ISO 9001:2015 7.5.2 and 7.5.3: documents are reviewed and approved
before use, identified by revision, and their changes are recorded.  The cover of the
procedure document prints this sign-off table.
Flagged: ``<approved by="..."/>`` without a date; revision 2 with history only for 1.
Accepted: three complete sign-offs and a ``<change revision="2" on="...">``.
Fix: complete the sign-off and add the history entry for this revision.
"""

from collections.abc import Iterator

from isoflow.i18n import N_
from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("Q003", "document-control", Severity.WARNING, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterator[Finding]:
    control = process.control
    if process.kind != "process" or control is None:
        return
    signs = (control.drafted, control.reviewed, control.approved)
    # The usual cover has all three sign-offs complete: nothing to say about them.
    complete = all(sign is not None and sign.by and sign.title and sign.on for sign in signs)
    for name, sign in () if complete else zip(("drafted", "reviewed", "approved"), signs, strict=True):
        if sign is None:
            yield rule.at(control.location, _("document control has no <{name}> sign-off").format(name=name),
                          hint=_('add <{name} by="..." title="..." on="YYYY-MM-DD"/>').format(name=name))
            continue
        missing = [_(what) for what, v in ((N_('name (by="...")'), sign.by), (N_('position (title="...")'), sign.title),
                                           (N_('date (on="YYYY-MM-DD")'), sign.on)) if not v]
        if missing:
            yield rule.at(sign.location, _("<{name}> has no {missing}").format(name=name,
                                                                               missing=_(" and no ").join(missing)),
                          hint=_("the cover's sign-off table needs name, position and date"))
    approved = control.approved
    if approved and approved.on and process.effective and approved.on > process.effective:
        yield rule.at(approved.location.of("on"),
                      _("approved on {approved}, after the effective date {effective}").format(
                          approved=approved.on.isoformat(), effective=process.effective.isoformat()),
                      hint=_("a document is approved before it takes effect"))
    if not any(change.revision == process.revision for change in control.history):
        yield rule.at(control.location, _("revision history has no entry for revision {revision}").format(
            revision=process.revision), hint=_('add <change revision="{revision}" on="YYYY-MM-DD">what changed'
                                               '</change>').format(revision=process.revision))
