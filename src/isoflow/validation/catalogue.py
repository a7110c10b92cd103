"""Validating a catalogue of process definitions: pure, no files, no clock.

The edges load files into definitions (with their loader findings); this module resolves
``extends`` inside the catalogue by code, runs every rule on each definition, turns a rule
that crashes into a finding, and applies suppressions and ``select``/``ignore``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition, extend
from isoflow.model.expressions import suggest
from isoflow.model.findings import Finding, Severity
from isoflow.running.regimes import ReplacedAct
from isoflow.validation import inheritance
from isoflow.validation.rules import ALL_RULES, Context, Rule, TemplateLookup
from isoflow.validation.rules import s005_unknown_base as s005
from isoflow.validation.rules import s007_duplicate_code as s007
from isoflow.validation.suppressions import Silenced, apply, misuse


@dataclass(frozen=True)
class Selection:
    """Which codes to report: ``select`` and ``ignore`` take codes or prefixes (``T``, ``Q00``)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def wants(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)


EVERYTHING = Selection()


@dataclass(frozen=True)
class Report:
    """Everything one validation run found, over the files it checked."""

    files: tuple[str, ...]
    findings: tuple[Finding, ...] = field(default=())
    #: Files that could not be read at all (I/O problems, not findings): path → reason.
    unreadable: tuple[tuple[str, str], ...] = ()
    #: Findings a ``<suppress>`` silenced, each with its suppression (reported, not counted).
    suppressed: tuple[Silenced, ...] = ()

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)


def identity(definition: ProcessDefinition) -> tuple[str, str]:
    """What tells one procedure from another when two files share a code: the national procedure
    code when the file gives one, else the title without a trailing remark in parentheses
    ("(bản lưu cũ)"); and the title, for messages."""
    title = definition.title
    tthc = definition.procedure.tthc_code if definition.procedure is not None else None
    return tthc or " ".join(title.split("(")[0].casefold().split()), title


def duplicate_code(definition: ProcessDefinition, files: Iterable[tuple[str, tuple[str, str]]]) -> Finding:
    """S007 on ``definition``, naming the other files (path, :func:`identity`) that declare its
    code and revision; the hint tells a second copy of the same procedure from another procedure."""
    others = sorted((path, who) for path, who in files if path != definition.file)
    mine = identity(definition)[0]
    strangers = [title for _path, (key, title) in others if key != mine]
    if not strangers:
        hint = _("the same procedure twice: give the new version a new revision number, or remove the stale copy")
    else:
        hint = _("another procedure ({titles}) has this code: choose a new code for this one").format(
            titles="; ".join(strangers))
    message = _("{kind} {code!r} revision {revision} is also declared in {files}")
    return s007.rule.at(definition.location, message.format(
        kind=_(definition.kind), code=definition.code, revision=definition.revision,
        files=", ".join(path for path, _w in others)), hint=hint)


class Catalogue:
    """The definitions of a set of files, found by code (and the newest fitting revision)."""

    def __init__(self, definitions: Iterable[ProcessDefinition]) -> None:
        self.by_code: dict[str, list[ProcessDefinition]] = {}
        #: Every code of the whole catalogue, for "did you mean" when only part of it is loaded here.
        self.all_codes: set[str] = set()
        groups: dict[tuple[str, int], list[ProcessDefinition]] = {}
        for definition in definitions:
            groups.setdefault((definition.code, definition.revision), []).append(definition)
        for group in groups.values():
            self.by_code.setdefault(group[0].code, []).append(group[0])
        for versions in self.by_code.values():
            versions.sort(key=lambda d: d.revision)

    def base_of(self, process: ProcessDefinition) -> ProcessDefinition | None:
        """The revision of ``process.extends`` in force on the process's effective date."""
        candidates = self.by_code.get(process.extends or "", [])
        fitting = [d for d in candidates
                   if d.effective is None or process.effective is None or d.effective <= process.effective]
        chosen = fitting or candidates
        return chosen[-1] if chosen else None

    def resolve(self, process: ProcessDefinition,
                noticed: list[Finding] | None = None) -> ProcessDefinition | Finding:
        """``process`` with its whole ``extends`` chain applied, or the finding that prevents it.

        With ``noticed``, an element of ``process`` whose id misses an inherited one by a typo
        is reported there (I001) and merged under the id it meant, unless marked as new.
        """
        chain = [process]
        while chain[-1].extends:
            current = chain[-1]
            base = self.base_of(current)
            if base is None:
                close = suggest(current.extends or "", self.all_codes or self.by_code)
                message = _("{kind} {code!r} extends {base!r}, but no loadable file in the catalogue has that code")
                return s005.rule.at(current.location, message.format(kind=_(current.kind), code=current.code,
                                                                     base=current.extends),
                                    hint=_("did you mean {close!r}?").format(close=close) if close
                                    else _("validate the folder that holds the flow, or pass --catalogue DIR"),
                                    location=current.location.of("extends"))
            # Compared by identity of the file, not of the object: a worker may hold a copy.
            if any((base.file, base.code, base.revision) == (link.file, link.code, link.revision) for link in chain):
                cycle = " → ".join(d.code for d in [*chain, base])
                return s005.rule.at(process.location, _("extends forms a cycle: {cycle}").format(cycle=cycle),
                                    location=process.location.of("extends"))
            chain.append(base)
        merged = chain[-1]
        for derived in reversed(chain[:-1]):
            if derived is process and noticed is not None:
                typos = list(inheritance.misspelt(merged, derived))
                noticed.extend(inheritance.finding(derived.extends or "", typo) for typo in typos)
                meant = [typo for typo in typos if not inheritance.new_on_purpose(typo[1])]
                if meant:
                    derived = inheritance.corrected(derived, meant)
            merged = extend(merged, derived)
        return merged


def check_definition(process: ProcessDefinition, context: Context,
                     rules: Sequence[Rule] = ALL_RULES) -> list[Finding]:
    """Run every rule with a check on one (already merged) definition."""
    findings: list[Finding] = []
    for rule in rules:
        if rule.check is None:
            continue
        try:
            findings.extend(rule.check(process, context))
        except Exception as error:  # noqa: BLE001 - a crashing rule must not hide the others
            findings.append(rule.at(process.location, _("internal error while checking: {error!r}").format(
                error=error), hint=_("please report this as a bug in isoflow")))
    return findings


def _ran(forms: TemplateLookup | None) -> Callable[[str], bool]:
    """Whether a rule ran in this validation: every check runs whatever is selected (the
    selection filters the report), except the form rules, which need the templates."""
    return lambda code: forms is not None or not code.startswith("M")


def _never(code: str) -> bool:
    return False


def validate(definitions: Sequence[ProcessDefinition], loader_findings: Iterable[Finding] = (),
             files: Sequence[str] = (), selection: Selection = EVERYTHING,
             catalogue: Catalogue | None = None, forms: TemplateLookup | None = None,
             replaced: Sequence[ReplacedAct] = (), duplicates: bool = True) -> Report:
    """Validate ``definitions`` (the files asked for) against ``catalogue`` (all files known);
    with ``forms``, also the templates their forms use; with ``replaced`` (the legal data's
    replaced acts), also whether they cite one too long after it was replaced.  ``duplicates``
    off: S007 is left to the caller (parallel workers each hold part of the files)."""
    catalogue = catalogue or Catalogue(definitions)
    found: list[Finding] = list(loader_findings)
    quiet: list[Silenced] = []
    # S007 among the files asked for: a neighbour loaded only so that ``extends`` finds its
    # flow (the rest of the folder, --catalogue) is no business of this run.
    groups: dict[tuple[str, int], list[tuple[str, tuple[str, str]]]] = {}
    for written in definitions:
        groups.setdefault((written.code, written.revision), []).append((written.file, identity(written)))
    for written in definitions:
        same = groups[(written.code, written.revision)]
        doubles = [duplicate_code(written, same)] if duplicates and len(same) > 1 else []
        noticed: list[Finding] = []
        resolved = catalogue.resolve(written, noticed)
        if isinstance(resolved, Finding):
            findings, merged = [resolved, *doubles], None
        else:
            findings = [*doubles, *noticed, *check_definition(resolved, Context(written=written, forms=forms,
                                                                                 replaced=replaced))]
            merged = resolved
        if not findings and not written.all_suppressions:
            continue  # the usual file: nothing to silence, nothing to judge
        kept, silenced, used = apply(findings, written, merged)
        found.extend(kept)
        quiet.extend(s for s in silenced if selection.wants(s.finding.code))
        if written.all_suppressions:
            # Unused is judged only where the rules ran on the merged procedure.
            found.extend(misuse(written, used, _ran(forms) if merged is not None else _never, kept))
    kept_all = sorted({f for f in found if selection.wants(f.code)}, key=Finding.sort_key)
    return Report(tuple(files), tuple(kept_all),
                  suppressed=tuple(sorted(quiet, key=lambda s: Finding.sort_key(s.finding))))
