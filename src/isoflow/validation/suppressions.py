"""Suppressions: which findings a file's ``<suppress>`` elements silence, and which silence nothing.

A suppression sits on an element and silences the findings of its rule about that element (by
id, also when the element is inherited through ``extends``) or located inside it; at the root it
silences the rule in the whole file.  What it silenced stays in the report (JSON, SARIF
``suppressions[]``, the summary's count), so a reviewer sees what was waved through and why.
A suppression naming no rule is an error (U001), one that silenced nothing a warning (U002).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition, Suppression
from isoflow.model.expressions import suggest
from isoflow.model.findings import Finding
from isoflow.validation.rules import ALL_RULES, by_code
from isoflow.validation.rules import u001_unknown_suppression as u001
from isoflow.validation.rules import u002_unused_suppression as u002

__all__ = ["Silenced", "apply", "misuse"]


@dataclass(frozen=True)
class Silenced:
    """A finding a suppression silenced, with the suppression's reason and where it is written
    (plain values: a report crosses process boundaries)."""

    finding: Finding
    reason: str
    file: str
    line: int
    column: int

    @classmethod
    def by(cls, finding: Finding, suppression: Suppression) -> Silenced:
        where = suppression.location
        return cls(finding, suppression.reason, where.file, where.line, where.column or 0)


def _in_force(written: ProcessDefinition, merged: ProcessDefinition | None) -> list[Suppression]:
    """The file's own suppressions, then those on nodes it inherits (a flow's, matched by id)."""
    own = list(written.all_suppressions)
    seen = {id(s) for s in own}
    for node in merged.nodes() if merged is not None else ():
        for s in node.suppressions:
            if id(s) not in seen:
                seen.add(id(s))
                own.append(s)
    return own


def _silences(s: Suppression, finding: Finding, written: ProcessDefinition) -> bool:
    if s.rule != finding.code:
        return False
    if s.element in ("process", "flow"):
        return s.location.file == written.file
    if s.target and s.target == finding.element_id:
        return True
    return s.location.file == finding.file and s.covers(finding.line)


def apply(findings: Iterable[Finding], written: ProcessDefinition,
          merged: ProcessDefinition | None) -> tuple[list[Finding], list[Silenced], set[int]]:
    """The findings left, those silenced (each with its suppression), and the ids of the
    suppressions that silenced something."""
    kept: list[Finding] = []
    silenced: list[Silenced] = []
    used: set[int] = set()
    suppressions = _in_force(written, merged)
    for finding in findings:
        hit = next((s for s in suppressions if _silences(s, finding, written)), None)
        if hit is None:
            kept.append(finding)
        else:
            used.add(id(hit))
            silenced.append(Silenced.by(finding, hit))
    return kept, silenced, used


def misuse(written: ProcessDefinition, used: set[int], ran: Callable[[str], bool],
           reported: Sequence[Finding]) -> list[Finding]:
    """U001 for a suppression naming no rule; U002 for one of a rule that ran (``ran(code)``)
    that silenced nothing, pointing at where that rule did report in this file, if it did."""
    found = []
    for s in written.all_suppressions:
        where = s.location
        if by_code(s.rule) is None:
            close = suggest(s.rule, (r.code for r in ALL_RULES))
            found.append(u001.rule.at(where, _("<suppress> names rule {rule!r}, which does not exist").format(
                rule=s.rule), hint=_("did you mean {close!r}?").format(close=close) if close
                else _("'isoflow rules' lists the rule codes")))
        elif id(s) not in used and ran(s.rule):
            elsewhere = next((f for f in reported if f.code == s.rule and f.file == written.file), None)
            hint = (_("{rule} is reported at line {line}:{column}: move the suppression into the element there")
                    .format(rule=s.rule, line=elsewhere.line, column=elsewhere.column) if elsewhere
                    else _("remove it"))
            found.append(u002.rule.at(where, _('<suppress rule="{rule}"> on {element} silences nothing').format(
                rule=s.rule, element=s.describe()), hint=hint))
    return found
