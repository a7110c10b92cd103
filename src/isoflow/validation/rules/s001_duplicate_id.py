"""S001 duplicate-id: ids are unique within their kind.

What it checks: in one file, no two roles, units, fields, forms, states or records share an
id.  (Actions may share an id when they are alternatives from one step: see F003, F004.)
Why it matters: a reference to a duplicated id is ambiguous, and the second declaration
would silently override the first.
Flagged: two ``<state id="tham_dinh">``.
Accepted: a state and an action that happen to have the same id.
Fix: rename one of them, or delete the copy.
"""

from collections.abc import Iterable, Iterator

from isoflow.i18n import N_
from isoflow.i18n import translate as _
from isoflow.model.definition import Node, ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("S001", "duplicate-id", Severity.ERROR, __doc__)

KINDS = ("roles", "units", "fields", "forms", "states", "records")
_KIND = {"roles": N_("role"), "units": N_("unit"), "fields": N_("field"), "forms": N_("form"), "states": N_("state"),
         "records": N_("record")}


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    written = context.as_written(process)
    # Without ``extends`` the file as written is the process, whose ids the facts hold.
    if written is process and all(len(ids) == len(getattr(process, kind))
                                  for kind, ids in context.facts(process).id_sets.items()):
        return ()
    return _findings(written)


def _findings(written: ProcessDefinition) -> Iterator[Finding]:
    for kind in KINDS:
        nodes = getattr(written, kind)
        if len({node.id for node in nodes}) == len(nodes):
            continue  # the common case: no duplicates, nothing to report
        first: dict[str, Node] = {}
        for node in nodes:
            if node.id in first:
                yield rule.at(node, _("{kind} id {id!r} is already declared on line {line}").format(
                    kind=_(_KIND[kind]), id=node.id, line=first[node.id].location.line),
                    hint=_("ids must be unique; rename or delete one"))
            else:
                first[node.id] = node
