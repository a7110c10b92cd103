"""X002 unknown-field: expressions use only declared fields.

What it checks: every name in a ``when`` guard or a ``<set value>`` is a field declared in
``<fields>`` (or inherited through ``extends``); dotted names match dotted field ids or
fields below them.
Why it matters: an unknown name is ``None`` at run time, so a misspelt guard is silently
false and the action can never be taken.
Flagged: ``when="ho_so_day_dủ"`` when the field is ``ho_so_day_du``.
Accepted: ``when="ho_so_day_du"`` with ``<field id="ho_so_day_du" type="bool"/>``.
Fix: correct the name (the message suggests the closest field) or declare the field.
"""

import unicodedata
from collections.abc import Iterable, Iterator

from isoflow.errors import ExpressionSyntaxError
from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.expressions import parse_expression, suggest
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity
from isoflow.validation.rules._expressions import expressions, position

rule = Rule("X002", "unknown-field", Severity.ERROR, __doc__)


def _declared(name: str, fields: set[str]) -> bool:
    if name in fields:
        return True
    parts = name.split(".")
    return any(".".join(parts[:n]) in fields for n in range(1, len(parts)))


def _plain(name: str) -> str:
    """``name`` without Vietnamese accents: ``đủ_điều_kiện`` → ``du_dieu_kien``."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _closest(name: str, fields: set[str]) -> str | None:
    """The declared field closest to ``name``, also when it was typed with accents."""
    close = suggest(name, fields)
    if close is None and _plain(name) != name:
        by_plain = {_plain(f): f for f in fields}
        found = suggest(_plain(name), by_plain)
        close = by_plain[found] if found else None
    return close


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    facts = context.facts(process)
    fields = facts.field_ids
    if facts.expressions is not None and fields.issuperset(
            ref.name for expression in facts.expressions for ref in expression.names):
        return ()  # every expression parsed and names only declared fields
    return _findings(process, context)


def _findings(process: ProcessDefinition, context: Context) -> Iterator[Finding]:
    fields = context.facts(process).field_ids
    for about, named, source, holder, attribute in expressions(process):
        try:
            parsed = parse_expression(source)
        except ExpressionSyntaxError:
            continue  # X001 reports it
        for ref in parsed.names:
            if not _declared(ref.name, fields):
                close = _closest(ref.name, fields)
                yield rule.at(about, named.say(_("in action {action!r} from {source!r}: unknown field {field!r}"),
                                               _("in the time-limit case {case!r}: unknown field {field!r}"),
                                               field=ref.name),
                              hint=_("did you mean {close!r}?").format(close=close) if close
                              else _("declare it in <fields>"),
                              location=position(holder, attribute, source, ref.line, ref.column))
