"""Q001 purpose-scope: the procedure states its purpose and scope.

What it checks: a procedure has ``<purpose>`` (section 1, Mục đích) and ``<scope>``
(section 2, Phạm vi áp dụng).
Why it matters: TCVN ISO 9001:2015 (4.3, 4.4) asks for the scope and the purpose of each
documented process, and the procedure document prints them as its first two sections.
Flagged: a ``<procedure>`` without ``<purpose>``.
Accepted: both elements with text.
Fix: add the two sections, for example "Quy định trình tự, thời gian giải quyết ...".
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import translate as _
from isoflow.model.definition import Procedure, ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("Q001", "purpose-scope", Severity.WARNING, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    procedure = process.procedure
    if procedure is None or (procedure.purpose and procedure.scope):
        return ()
    return _findings(procedure)


def _findings(procedure: Procedure) -> Iterator[Finding]:
    for name, text, section, after in (("purpose", procedure.purpose, "1. Mục đích", "domain"),
                                       ("scope", procedure.scope, "2. Phạm vi áp dụng",
                                        "purpose" if procedure.purpose else "domain")):
        if not text:
            yield rule.at(procedure.location, _("the procedure has no <{name}> (section {section})").format(
                name=name, section=section), hint=_("add <{name}> after <{after}>").format(name=name, after=after))
