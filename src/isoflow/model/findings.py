"""Findings: what ``isoflow validate`` reports, as plain values.

A finding is never raised; rules yield them and the validator collects them.  Each knows its
rule (code and slug), a severity, a message for people, where it is (file, line, column, the
element id) and, when there is one, a hint that says how to fix it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    """How much a finding matters: errors fail validation, warnings only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one place of one file."""

    code: str
    name: str
    severity: Severity
    message: str
    file: str
    line: int = 0
    column: int = 0
    element_id: str = ""
    hint: str = ""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Findings read best in file order, then by rule code."""
        return (self.file, self.line, self.column, self.code, self.message)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        text = f"{where}: {self.code} {self.name}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass(frozen=True, slots=True)
class RuleId:
    """A rule's identity, written once: its stable code, its slug and its severity.

    The rule catalogue documents each rule under this identity; code outside the catalogue
    (the loader, for the P rules) makes its findings through it instead of spelling the code.
    """

    code: str
    name: str
    severity: Severity

    def finding(self, message: str, file: str, line: int = 1, column: int = 1, element_id: str = "",
                hint: str = "") -> Finding:
        """A finding of this rule at ``file:line:column``."""
        return Finding(self.code, self.name, self.severity, message, file, line, column, element_id, hint)
