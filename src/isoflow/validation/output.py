"""Turning a validation report into text for people, JSON for scripts, SARIF for code scanning."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from isoflow.i18n import N_, n_
from isoflow.i18n import translate as _
from isoflow.model.findings import Finding, Severity
from isoflow.validation.catalogue import Report
from isoflow.validation.rules import ALL_RULES, Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
DOCS_URL = "https://github.com/isoflow/isoflow/blob/main/docs/rules.md"


def summary(report: Report) -> str:
    """One closing line with the counts, as compilers print (in the language of the command)."""
    checked = n_("{n} file checked", "{n} files checked", len(report.files)).format(n=len(report.files))
    silenced = _(" ({n} suppressed)").format(n=len(report.suppressed)) if report.suppressed else ""
    if not report.findings and not report.unreadable:
        return _("{checked}: no problems found{suppressed}.").format(checked=checked, suppressed=silenced)
    parts = [n_("{n} error", "{n} errors", report.errors).format(n=report.errors),
             n_("{n} warning", "{n} warnings", report.warnings).format(n=report.warnings)]
    if report.unreadable:
        parts.append(_("{n} unreadable").format(n=len(report.unreadable)))
    return _("{checked}: {counts}{suppressed}.").format(checked=checked, counts=", ".join(parts),
                                                         suppressed=silenced)


def as_text(report: Report) -> str:
    """``path:line:col: CODE slug: message (hint)`` per finding, then the summary line."""
    lines = [_("{path}: cannot read file: {reason}").format(path=path, reason=reason)
             for path, reason in report.unreadable]
    lines.extend(str(f) for f in report.findings)
    lines.append(summary(report))
    return "\n".join(lines)


def as_json(report: Report) -> str:
    """A stable JSON document (``"version": 1``) for scripts and dashboards."""
    document = {
        "version": 1,
        "files": list(report.files),
        "summary": {"files": len(report.files), "errors": report.errors, "warnings": report.warnings,
                    "unreadable": len(report.unreadable), "suppressed": len(report.suppressed)},
        "unreadable": [{"file": path, "reason": reason} for path, reason in report.unreadable],
        "findings": [_finding(f) for f in report.findings],
        "suppressed": [{**_finding(s.finding), "suppression": {"reason": s.reason, "file": s.file, "line": s.line,
                                                               "column": s.column}}
                       for s in report.suppressed],
    }
    return _json(document)


def _finding(f: Finding) -> dict[str, Any]:
    return {"code": f.code, "name": f.name, "severity": str(f.severity), "message": f.message, "file": f.file,
            "line": f.line, "column": f.column, "element_id": f.element_id, "hint": f.hint}


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": (rule.doc or "").strip()},
        "helpUri": f"{DOCS_URL}#{anchor(rule)}",
        "defaultConfiguration": {"level": "error" if rule.severity is Severity.ERROR else "warning"},
    }


def _region(line: int, column: int) -> dict[str, int]:
    region: dict[str, int] = {"startLine": max(line, 1)}
    if column:
        region["startColumn"] = column
    return region


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.code,
        "level": "error" if f.severity is Severity.ERROR else "warning",
        "message": {"text": f"{f.message} ({f.hint})" if f.hint else f.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.file)},
                                            "region": _region(f.line, f.column)}}],
    }
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    return result


def _uri(path: str) -> str:
    return Path(path).as_posix()


def as_sarif(report: Report, version: str, rules: Sequence[Rule] = ALL_RULES) -> str:
    """SARIF 2.1.0, the format GitHub code scanning and other tools import."""
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [_result(f, index) for f in report.findings]
    for silenced in report.suppressed:
        # SARIF 2.1.0 §3.27.23: a suppressed result stays in the log with its suppression;
        # "inSource" is a suppression written in the analysed file itself (§3.35.2).
        result = _result(silenced.finding, index)
        result["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": silenced.reason,
                                   "location": {"physicalLocation": {
                                       "artifactLocation": {"uri": _uri(silenced.file)},
                                       "region": _region(silenced.line, silenced.column)}}}]
        results.append(result)
    notifications = [{"level": "error", "message": {"text": f"cannot read file: {reason}"},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}]}
                     for path, reason in report.unreadable]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "isoflow", "version": version, "informationUri": DOCS_URL,
                            "rules": [_sarif_rule(rule) for rule in rules]}},
        "artifacts": [{"location": {"uri": _uri(path)}} for path in report.files],
        "results": results,
        "invocations": [{"executionSuccessful": not report.unreadable,
                         "toolExecutionNotifications": notifications}],
    }
    return _json({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]})


def explain(rule: Rule) -> str:
    """The text ``isoflow rules CODE`` prints: the rule's heading and its docstring."""
    return f"{rule.code} {rule.name} ({_(_SEVERITY[str(rule.severity)])})\n\n{(rule.doc or '').strip()}\n"


_HEADINGS = ("What it checks:", "Why it matters:", "Flagged:", "Accepted:", "Fix:")


def anchor(rule: Rule) -> str:
    """The fragment of the rule's section in docs/rules.md (GitHub's slug of its heading)."""
    return f"{rule.code.lower()}-{rule.name}"


def rules_markdown(rules: Sequence[Rule] = ALL_RULES) -> str:
    """docs/rules.md, the page SARIF's ``helpUri`` points to: one section per rule, from its
    docstring (``isoflow rules --format markdown > docs/rules.md``)."""
    out = ["# isoflow validate: the rules", "",
           "Generated from the rule modules (`src/isoflow/validation/rules/`) by "
           "`isoflow rules --format markdown`; do not edit by hand. `isoflow rules CODE` prints the same "
           "text in a terminal. Errors fail validation; warnings only with `--strict`.", "",
           "| code | name | severity | checks |", "| --- | --- | --- | --- |"]
    out += [f"| [{r.code}](#{anchor(r)}) | {r.name} | {r.severity} | {r.summary} |" for r in rules]
    out.append("")
    for rule in rules:
        out += [f"## {rule.code} {rule.name}", "", f"Severity: {rule.severity}.", ""]
        body = " ".join((rule.doc or "").strip().split("\n", 1)[-1].split()) if rule.doc else ""
        for heading in _HEADINGS:
            body = body.replace(f" {heading}", f"\n\n**{heading}**").replace(heading, f"**{heading}**", 1) \
                if body.startswith(heading) else body.replace(f" {heading}", f"\n\n**{heading}**")
        out += [body.strip(), ""]
    return "\n".join(out).rstrip() + "\n"


_SEVERITY = {"error": N_("error"), "warning": N_("warning")}


def rules_table(rules: Sequence[Rule] = ALL_RULES) -> str:
    """One line per rule for ``isoflow rules``, its summary in the language of the command."""
    return "\n".join(f"{r.code}  {r.name:<26} {_(_SEVERITY[str(r.severity)]):<8} {_(r.summary)}" for r in rules)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json(document: object) -> str:
    """JSON text that is valid UTF-8 whatever the paths: a file name that is not UTF-8 reaches
    Python as lone surrogates, which are written as ``\\udcff`` escapes instead of raw bytes."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _SURROGATE.search(text) else text
