"""What a rule is: a code, a slug, a severity, a docstring, and a check function.

A rule module declares ``rule = Rule("F001", "unreachable-state", Severity.ERROR, __doc__)``
and decorates its ``check(process, context)`` generator with ``@rule.check``.  Rules only
look at the definition and the context: they never read files or the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from isoflow.model.definition import Location, Node, ProcessDefinition
from isoflow.model.findings import Finding, RuleId, Severity
from isoflow.running.regimes import ReplacedAct
from isoflow.validation.rules._facts import Facts

__all__ = ["Check", "Context", "Rule", "Severity", "TemplateLookup"]


class TemplateLookup(Protocol):
    """What the form rules (M) may ask about templates; the composition root supplies it."""

    def sets_from(self, day: date | None) -> Sequence[str]:
        """The form sets in force on ``day`` or later (dossiers of the process meet each)."""
        ...

    def locate(self, name: str, form_set: str) -> str | None:
        """The template file that renders form ``name`` in ``form_set``, or ``None``."""
        ...

    def describe(self, name: str, form_set: str) -> str:
        """Where ``name`` was looked for, in words."""
        ...

    def known(self, form_set: str) -> Sequence[str]:
        """The form names that have a template in ``form_set``."""
        ...

    def dry_run(self, name: str, form_set: str, process: ProcessDefinition) -> str | None:
        """Why the template fails on an invented dossier of ``process``, or ``None``."""
        ...


@dataclass(frozen=True)
class Context:
    """Facts a rule may need beyond the definition, gathered by the edges."""

    #: The file as written, before ``extends`` was applied (``None``: same as the process).
    written: ProcessDefinition | None = None
    #: The templates the process's forms render with (``None``: form rules do not run).
    forms: TemplateLookup | None = None
    #: The acts the legal data marks as replaced (``data/regimes.toml``; empty: Q004 finds nothing).
    replaced: Sequence[ReplacedAct] = ()
    #: The last process asked about and its facts: every rule asks, one computes.
    _memo: list[tuple[ProcessDefinition, Facts]] = field(default_factory=list, compare=False, repr=False)

    def facts(self, process: ProcessDefinition) -> Facts:
        """What several rules ask of ``process``, computed once (see :mod:`isoflow.validation.rules._facts`)."""
        memo = self._memo
        if memo and memo[0][0] is process:
            return memo[0][1]
        memo[:] = [(process, Facts(process))]
        return memo[0][1]

    def as_written(self, process: ProcessDefinition) -> ProcessDefinition:
        """The definition as its author wrote it: duplicates survive here, not after merging."""
        return self.written or process


Check = Callable[[ProcessDefinition, Context], Iterable[Finding]]


@dataclass
class Rule:
    """One validation rule.  ``check`` is ``None`` for diagnostics the loader emits itself."""

    code: str
    name: str
    severity: Severity
    doc: str | None
    check: Check | None = None

    @classmethod
    def of(cls, identity: RuleId, doc: str | None) -> Rule:
        """The rule documented by ``doc`` under an identity declared elsewhere (the loader's)."""
        return cls(identity.code, identity.name, identity.severity, doc)

    def __call__(self, function: Check) -> Check:
        """Decorator: register ``function`` as this rule's check."""
        self.check = function
        return function

    @property
    def summary(self) -> str:
        """The first line of the docstring, without the code and slug."""
        first = (self.doc or "").strip().splitlines()[0] if self.doc else ""
        return first.split(": ", 1)[-1]

    def at(self, where: Node | Location, message: str, hint: str = "",
           location: Location | None = None) -> Finding:
        """A finding of this rule about a node (or a bare location)."""
        if isinstance(where, Node):
            loc = location or where.location
            element_id = where.id
        else:
            loc = location or where
            element_id = ""
        return Finding(self.code, self.name, self.severity, message, loc.file, loc.line, loc.column,
                       element_id, hint)
