"""X001 expression-syntax: guards and effects are in isoflow's expression language.

What it checks: each ``when`` and each ``<set value>`` parses in the safe expression
language: ``and``, ``or``, ``not``, comparisons, ``in``, literals, lists, ``+ - * / %``,
and the functions ``len``, ``min``, ``max``, ``abs``; at most 500 characters.
Why it matters: expressions are never passed to Python's ``eval``; anything outside the
language (calls on data, attribute tricks, assignments) is refused before it can run.
Flagged: ``when="phi = 0"`` (assignment), ``when="x.__class__"``, ``when="open('f')"``, and a
guard that is only a comment (``when="# ..."``), which would never let the action be taken.
Accepted: ``when="ho_so_day_du and so_ban >= 1"``.
Fix: rewrite the expression with the constructs listed; use ``==`` to compare.
"""

from collections.abc import Iterable, Iterator

from isoflow.errors import ExpressionSyntaxError
from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.expressions import parse_expression
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity
from isoflow.validation.rules._expressions import expressions, position

rule = Rule("X001", "expression-syntax", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    if context.facts(process).expressions is not None:
        return ()  # every expression parsed
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    for about, named, source, holder, attribute in expressions(process):
        try:
            parse_expression(source)
        except ExpressionSyntaxError as error:
            yield rule.at(about, named.say(_("in action {action!r} from {source!r}: {problem}"),
                                           _("in the time-limit case {case!r}: {problem}"), problem=error.message),
                          location=position(holder, attribute, source, error.line, error.column))
