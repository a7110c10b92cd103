"""Feature files checked beside the processes: NFC, Gherkin syntax, and the names they use.

A quality officer who renames an action in a process file should hear at once which
scenarios still use the old name, not when CI runs them.  Each step of a feature is matched
against isoflow's step library; the values a step names (procedure code, action, step, role,
form) are looked up in the procedure the scenario runs (the one its background or its own
"in force" step names), merged with its flow.  A step close to an isoflow sentence that matches
none (``17h`` for ``17:00``, a misspelt word) is told with the sentence it meant (B006); steps
close to none are the project's own and are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser

from isoflow.i18n import N_, n_
from isoflow.i18n import translate as _
from isoflow.model.definition import DOSSIER_FORMS, Location, ProcessDefinition
from isoflow.model.expressions import suggest
from isoflow.model.findings import Finding
from isoflow.model.source_map import combining_marks
from isoflow.validation.catalogue import Catalogue, Selection
from isoflow.validation.rules import b001_feature_not_nfc as b001
from isoflow.validation.rules import b002_unknown_procedure as b002
from isoflow.validation.rules import b003_unknown_action as b003
from isoflow.validation.rules import b004_unknown_name as b004
from isoflow.validation.rules import b005_feature_syntax as b005
from isoflow.validation.rules import b006_unknown_step as b006
from isoflow.validation.sentences import SENTENCES
from isoflow.validation.step_lines import advise, invalid_instants

SUFFIX = ".feature"


def check_features(files: Sequence[Path], catalogue: Catalogue, selection: Selection) -> list[Finding]:
    """Findings of the B rules on ``files``, with procedures looked up in ``catalogue``."""
    procedures = _procedures(catalogue)
    findings: list[Finding] = []
    for path in files:
        findings.extend(f for f in _check_file(path, procedures) if selection.wants(f.code))
    return findings


def _procedures(catalogue: Catalogue) -> dict[str, ProcessDefinition]:
    found = {}
    for code, versions in catalogue.by_code.items():
        newest = versions[-1]
        if newest.kind != "process":
            continue
        merged = catalogue.resolve(newest)
        if isinstance(merged, ProcessDefinition):
            found[code] = merged
    return found


def _check_file(path: Path, procedures: Mapping[str, ProcessDefinition]) -> Iterator[Finding]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        yield b005.rule.at(Location(name, 1, 1), _("cannot read the feature file: {error}").format(error=error))
        return
    if not unicodedata.is_normalized("NFC", text):
        lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1)
                 if not unicodedata.is_normalized("NFC", line)]
        number, line = lines[0]
        column = next((i for i, c in enumerate(line, start=1) if unicodedata.combining(c)), 1)
        message = n_("{n} line is written with combining accents ({marks} here), decomposed Unicode (NFD): "
                     "Gherkin keywords will not parse and other tools will not match the text",
                     "{n} lines are written with combining accents ({marks} here), decomposed Unicode (NFD): "
                     "Gherkin keywords will not parse and other tools will not match the text", len(lines))
        yield b001.rule.at(Location(name, number, column), message.format(n=len(lines), marks=combining_marks(line)),
                           hint=_("rewrite the file in NFC with: isoflow fix FILE"))
    # pytest-bdd parses the file as written: decomposed keywords do not parse there, so that is
    # an error (B005), not only the warning about the encoding.  The names are then checked on
    # the NFC text, as isoflow's steps match it.
    try:
        Parser().parse(text)
        document = Parser().parse(unicodedata.normalize("NFC", text))
    except (CompositeParserException, ParserError) as error:
        # The first error only: Gherkin's later ones are usually its consequences.
        nfd = not unicodedata.is_normalized("NFC", text)
        hint = (_("its keywords are decomposed (NFD): isoflow fix FILE rewrites it in NFC; see: isoflow rules B005")
                if nfd else _("a Vietnamese feature starts with '# language: vi'; see: isoflow rules B005"))
        for row, column, message in _parser_errors(error)[:1]:
            yield b005.rule.at(Location(name, row, column), message, hint=hint)
        return
    feature = document.get("feature")
    if feature:
        yield from _check_children(name, feature.get("children", ()), None, procedures)


_OUTLINE_VALUE = re.compile(r"<[^<>\s][^<>]*>")


def _parser_errors(error: Exception) -> list[tuple[int, int, str]]:
    errors = getattr(error, "errors", None) or [error]
    found = []
    for e in errors:
        location = getattr(e, "location", None) or {}
        message = str(e).split(": ", 1)[-1] if str(e).startswith("(") else str(e)
        found.append((int(location.get("line") or 1), int(location.get("column") or 1), message))
    return found


def _check_children(name: str, children: Sequence[Mapping[str, Any]], inherited: str | None,
                    procedures: Mapping[str, ProcessDefinition]) -> Iterator[Finding]:
    """Backgrounds set the procedure of the scenarios after them (in their feature or rule)."""
    current = inherited
    for child in children:
        if "background" in child:
            findings, current = _check_steps(name, child["background"].get("steps", ()), inherited, procedures)
            yield from findings
        elif "scenario" in child:
            findings, _current = _check_steps(name, child["scenario"].get("steps", ()), current, procedures)
            yield from findings
        elif "rule" in child:
            yield from _check_children(name, child["rule"].get("children", ()), current, procedures)


def _check_steps(name: str, steps: Sequence[Mapping[str, Any]], procedure: str | None,
                 procedures: Mapping[str, ProcessDefinition]) -> tuple[list[Finding], str | None]:
    findings: list[Finding] = []
    for step in steps:
        text = unicodedata.normalize("NFC", step.get("text", ""))
        where = Location(name, step["location"]["line"], step["location"]["column"] + len(step.get("keyword", "")))
        values = next((v for s in SENTENCES if (v := s.matcher.values(text)) is not None), None)
        if values is None:
            # An isoflow step written slightly wrong, or a step of the project's own (no advice).
            # An outline's <value> is filled per example row: such a line is not judged here.
            advice = None if _OUTLINE_VALUE.search(text) else advise(text)
            if advice is not None:
                findings.append(b006.rule.at(Location(name, where.line, where.column + advice.offset),
                                             advice.message, hint=advice.hint))
            continue
        for wrong in invalid_instants(values):
            findings.append(b006.rule.at(where, _("{wrong!r} is no date and time").format(wrong=wrong),
                                         hint=_("a time from 00:00 to 24:00 and a day that exists: "
                                                "09:30 ngày 16/02/2026 or 2026-02-16 09:30")))
        if not values:  # a sentence without values
            continue
        if "<" in str(values.get("code", "")):  # an outline's procedure: known only per example row
            procedure = None
            continue
        # An outline's <value> is filled per example row: only the other values are checked.
        values = {k: v for k, v in values.items() if "<" not in str(v)}
        if "code" in values:
            code = str(values["code"])
            if code in procedures:
                procedure = code
            else:
                close = suggest(code, procedures)
                findings.append(b002.rule.at(where, _("no procedure {code!r} among the validated processes").format(
                    code=code), hint=_("did you mean {close!r}?").format(close=close) if close else
                    _("validate the feature with its processes: isoflow validate processes/ features/")))
                procedure = None
            continue
        definition = procedures.get(procedure or "")
        if definition is None:
            continue
        findings.extend(_check_values(where, values, definition))
    return findings, procedure


def _check_values(where: Location, values: Mapping[str, object], definition: ProcessDefinition) -> Iterator[Finding]:
    known = {
        "action": (b003, N_("action"), [a.id for a in definition.actions]),
        "state": (b004, N_("step"), [s.id for s in definition.states]),
        "role": (b004, N_("role"), [r.id for r in definition.roles]),
        "form": (b004, N_("form"), [f.id for f in definition.forms] + [t for f in definition.forms
                                                                   if (t := f.template) is not None]),
    }
    for key, (module, what, ids) in known.items():
        value = values.get(key)
        if value is None or str(value) in ids:
            continue
        if key == "form" and str(value) in DOSSIER_FORMS and not definition.forms:
            continue
        close = suggest(str(value), ids)
        yield module.rule.at(where, _("procedure {code} has no {what} {value!r}").format(
            code=definition.code, what=_(what), value=str(value)),
            hint=_("did you mean {close!r}?").format(close=close) if close
            else _("{what}s: {ids}").format(what=_(what), ids=", ".join(dict.fromkeys(ids))))
