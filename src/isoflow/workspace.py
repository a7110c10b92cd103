"""The composition root: find, load and validate process files; wire a desk to run them.

This is where the edges (file system, lxml loader) meet the pure core (validation).  The
command line and the pytest plugin call these functions; they hold no logic of their own.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from isoflow.data.loaders import load_legal_basis
from isoflow.errors import InvalidProcess, IsoflowError, UsageError
from isoflow.loading.discovery import PATTERN, discover, discover_features, gc_paused, load_all
from isoflow.loading.loader import LoadResult
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.running.regimes import ReplacedAct
from isoflow.validation.catalogue import EVERYTHING, Catalogue, Report, Selection, validate
from isoflow.validation.rules import TemplateLookup

if TYPE_CHECKING:
    from isoflow.control.approval import TrustRoots
    from isoflow.desk import Desk
    from isoflow.running.engine import Engine

#: Files per worker below which starting another process costs more than it saves.
PARALLEL_THRESHOLD = 100


def validate_paths(paths: Sequence[str | os.PathLike[str]], catalogue_paths: Sequence[str | os.PathLike[str]] = (),
                   selection: Selection = EVERYTHING, jobs: int = 0,
                   templates: Sequence[str | os.PathLike[str]] = (), regimes: str | None = None,
                   db: str | None = None) -> Report:
    """Validate the process files under ``paths`` (see :func:`_validate_paths`); then Q005, an
    approved revision changed under the same number, against the approval beside each file and,
    with ``db``, the digests that store's dossiers started on (issue 16)."""
    report = _validate_paths(paths, catalogue_paths, selection, jobs, templates, regimes)
    if not selection.wants("Q005"):
        return report
    from isoflow.control.known import revision_findings
    from isoflow.model.findings import Finding

    if db is None:
        found = revision_findings(discover(paths))
    else:
        from isoflow.store import open_store

        store = open_store(db, create=False)
        try:
            found = revision_findings(discover(paths), store)
        finally:
            store.close()
    if not found:
        return report
    return replace(report, findings=tuple(sorted({*report.findings, *found}, key=Finding.sort_key)))


def _validate_paths(paths: Sequence[str | os.PathLike[str]], catalogue_paths: Sequence[str | os.PathLike[str]] = (),
                    selection: Selection = EVERYTHING, jobs: int = 0,
                    templates: Sequence[str | os.PathLike[str]] = (), regimes: str | None = None) -> Report:
    """Validate the process files under ``paths``; ``catalogue_paths`` add flows they may extend.

    A file given directly is validated with the other process files of its folder in the
    catalogue, so ``isoflow validate processes/x.xml`` finds the flow ``x.xml`` extends.
    The forms are checked against the agency's ``templates`` folders and isoflow's own, in
    the form sets of ``regimes`` (the shipped legal data by default).
    """
    from isoflow.paper.templates import TemplateFolders, TemplateIndex

    for folder in templates:
        if not Path(folder).is_dir():
            raise UsageError(f"{folder}: no such template folder")
    folders = TemplateFolders(templates)
    dry_run = None
    if folders.agency:  # Jinja is imported only to dry-run an agency's own templates (M002)
        from isoflow.paper.renderer import DryRun

        dry_run = DryRun(folders.agency)
    legal = load_legal_basis(regimes)
    forms = TemplateIndex(folders, legal, dry_run)
    # The collector stays off until the definitions are gone again: re-enabling it while they
    # are alive would make it walk all of them once more (a third of the run, measured).
    features = discover_features(paths)
    with gc_paused():
        if not features:
            return _check(paths, catalogue_paths, selection, jobs, forms, legal.replaced_acts)[0]
        # The features need the definitions themselves: one process checks them all.
        report, _, catalogue = _check(paths, catalogue_paths, selection, 1, forms, legal.replaced_acts)
    from isoflow.validation.features import check_features

    found = check_features(features, catalogue, selection)
    return replace(report, files=(*report.files, *(str(p) for p in features)),
                   findings=(*report.findings, *found))


def _check(paths: Sequence[str | os.PathLike[str]], catalogue_paths: Sequence[str | os.PathLike[str]],
           selection: Selection, jobs: int, forms: TemplateLookup | None = None,
           replaced: Sequence[ReplacedAct] = ()) -> tuple[Report, list[ProcessDefinition], Catalogue]:
    files = discover(paths)
    extra = discover(catalogue_paths) if catalogue_paths else []
    for path in paths:
        if Path(path).is_file():
            extra.extend(p for p in Path(path).parent.glob(PATTERN) if p.is_file())
    if extra:  # hashing 2,000 paths costs a few milliseconds: only when there is something to drop
        wanted = set(files)
        others = [p for p in dict.fromkeys(extra) if p not in wanted]
    else:
        others = []
    workers = min(jobs or _cpus(), max(1, (len(files) + len(others)) // PARALLEL_THRESHOLD))
    if workers > 1:
        from isoflow.validation.parallel import check_in_parallel

        report = check_in_parallel(files, others, selection, workers, forms, replaced)
        return report, [], Catalogue([])
    results = load_all([*files, *others])
    checked = results[: len(files)]
    definitions = [r.definition for r in checked if isinstance(r, LoadResult) and r.definition]
    known = definitions + [r.definition for r in results[len(files):]
                           if isinstance(r, LoadResult) and r.definition]
    loader_findings = [f for r in checked if isinstance(r, LoadResult) for f in r.findings]
    unreadable = tuple(r for r in checked if isinstance(r, tuple))
    catalogue = Catalogue(known)
    report = validate(definitions, loader_findings, [str(p) for p in files], selection, catalogue, forms, replaced)
    return replace(report, unreadable=unreadable), definitions, catalogue


def load_runnable(paths: Sequence[str | os.PathLike[str]]) -> list[ProcessDefinition]:
    """The procedures under ``paths``, merged with their flows, refusing any with errors.

    Raises :class:`InvalidProcess` carrying the report when a file has error findings, so a
    broken procedure never runs.
    """
    report, definitions, catalogue = _check(paths, (), EVERYTHING, jobs=1)
    if report.errors or report.unreadable:
        from isoflow.validation.output import as_text

        raise InvalidProcess(report, as_text(report))
    merged = []
    for definition in definitions:
        if definition.kind != "process":
            continue
        resolved = catalogue.resolve(definition)
        assert isinstance(resolved, ProcessDefinition)  # validation above found no S005
        merged.append(resolved)
    return merged


def merged_file(path: str | os.PathLike[str], catalogue_paths: Sequence[str | os.PathLike[str]] = ()
                ) -> tuple[Report, ProcessDefinition | None, ProcessDefinition | Finding | None,
                           ProcessDefinition | None]:
    """One file as ``isoflow show`` needs it: its validation report, the definition as written,
    merged with its flow (or the finding that prevents it), and the merged flow it extends."""
    report, definitions, catalogue = _check([path], catalogue_paths, EVERYTHING, jobs=1)
    if not definitions:
        return report, None, None, None
    written = definitions[0]
    merged = catalogue.resolve(written)
    base = catalogue.base_of(written) if written.extends else None
    resolved_base = catalogue.resolve(base) if base is not None else None
    return report, written, merged, resolved_base if isinstance(resolved_base, ProcessDefinition) else None


def open_engine(processes: Sequence[str | os.PathLike[str]], calendar: str | os.PathLike[str] | None = None,
                regimes: str | os.PathLike[str] | None = None, *, trust_roots: TrustRoots | None = None) -> Engine:
    """Wire an engine: validated procedures, the working calendar and the legal data.

    ``trust_roots`` given: strict mode (issue 16), only approved, unaltered revisions are loaded
    (:class:`~isoflow.errors.NotApproved` naming the first that is not)."""
    definitions = load_runnable(processes)
    if trust_roots is not None:
        from isoflow.control.runnable import content_digests, require_approved

        require_approved(content_digests(definitions), trust_roots)
    return _engine(definitions, calendar, regimes)


def _engine(definitions: Sequence[ProcessDefinition], calendar: str | os.PathLike[str] | None,
            regimes: str | os.PathLike[str] | None) -> Engine:
    # Imported here, not at the top: ``isoflow validate`` (this module's other half) must not
    # load the engine, its state-machine library or a database driver.
    from isoflow.data.work_calendar import load_calendar
    from isoflow.running.compiler import compile_process
    from isoflow.running.engine import Engine

    return Engine([compile_process(d) for d in definitions],
                  load_calendar(Path(calendar) if calendar else None), load_legal_basis(regimes))


def open_desk(processes: Sequence[str | os.PathLike[str]], db: str, calendar: str | None = None,
              regimes: str | None = None, *, create: bool = True, trust_roots: TrustRoots | None = None) -> Desk:
    """Wire a desk: an engine (:func:`open_engine`) and a store.

    ``create=False``: the store must exist already (:class:`~isoflow.errors.StoreNotFound`
    otherwise, and nothing is created): for whatever does not receive dossiers.

    Document control (issue 16): a revision whose content is not what its dossiers started on
    is refused (:class:`~isoflow.errors.RevisionChanged`, naming it and the dossiers), and each
    dossier received keeps the digest of its revision.  ``trust_roots`` given, strict mode: only
    approved, unaltered revisions (:class:`~isoflow.errors.NotApproved`), and a store whose newest
    checkpoint another agency signed is refused (:class:`~isoflow.errors.StoreCopied`), before
    anything is read from the store or written to it.
    """
    from isoflow.control.runnable import content_digests, require_approved, require_unchanged
    from isoflow.desk import Desk
    from isoflow.store import open_store

    definitions = load_runnable(processes)
    revisions = content_digests(definitions)
    if trust_roots is not None:
        require_approved(revisions, trust_roots)
    engine = _engine(definitions, calendar, regimes)
    store = open_store(db, create=create)
    try:
        if trust_roots is not None:
            from isoflow.control.seal import require_seal

            require_seal(store.ledger(after=None, rows=False), trust_roots)  # the newest checkpoint only
        store.revision_digests.update(require_unchanged(store, revisions))
    except BaseException:
        store.close()
        raise
    return Desk(engine, store)


def _cpus() -> int:
    from isoflow.validation.parallel import cpu_count

    return cpu_count()


def procedures_in(paths: Sequence[str | os.PathLike[str]], code: str | None = None) -> list[ProcessDefinition]:
    """The merged, valid procedures under ``paths`` (one with ``code`` if given)."""
    found = [d for d in load_runnable(paths) if code is None or d.code == code]
    if code is not None and not found:
        raise IsoflowError(f"no procedure {code!r} under {', '.join(map(str, paths))}")
    return found
