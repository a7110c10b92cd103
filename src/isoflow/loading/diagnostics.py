"""The findings the loader makes itself: the identities of the P rules, written once.

Their documentation, fixtures and place in the rule catalogue are the modules
``isoflow/validation/rules/p00*_*.py``, which take these identities; the loader makes its
findings through them, so a code or a slug is never spelt twice.
"""

from __future__ import annotations

from isoflow.model.findings import RuleId, Severity

__all__ = ["DOCTYPE_FORBIDDEN", "FILE_TOO_LARGE", "NOT_A_PROCESS", "XINCLUDE_FORBIDDEN", "XML_SCHEMA", "XML_SYNTAX"]

XML_SYNTAX = RuleId("P001", "xml-syntax", Severity.ERROR)
DOCTYPE_FORBIDDEN = RuleId("P002", "doctype-forbidden", Severity.ERROR)
FILE_TOO_LARGE = RuleId("P003", "file-too-large", Severity.ERROR)
NOT_A_PROCESS = RuleId("P004", "not-a-process", Severity.ERROR)
XINCLUDE_FORBIDDEN = RuleId("P005", "xinclude-forbidden", Severity.ERROR)
XML_SCHEMA = RuleId("P006", "xml-schema", Severity.ERROR)
