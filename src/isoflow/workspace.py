"""The composition root: find, load and validate process files; wire a desk to run them.

This is where the edges (file system, lxml loader) meet the pure core (validation).  The
command line and the pytest plugin call these functions; they hold no logic of their own.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from isoflow.data.loaders import load_legal_basis
from isoflow.desk import Desk
from isoflow.errors import InvalidProcess, UsageError
from isoflow.loading.loader import LoadResult, load_file
from isoflow.model.definition import ProcessDefinition
from isoflow.running.compiler import compile_process
from isoflow.running.engine import Engine
from isoflow.validation.catalogue import EVERYTHING, Catalogue, Report, Selection, validate
from isoflow.validation.rules._api import FormCatalogue

PATTERN = "*.xml"
FEATURES = ".feature"
#: Files per worker below which starting another process costs more than it saves.
PARALLEL_THRESHOLD = 100


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every process file under ``paths``: files as given, folders searched recursively.

    Raises :class:`UsageError` for a path that does not exist or a folder with no
    process files, so that a typo in CI never passes as "nothing to report".
    """
    found: list[Path] = []
    given = 0
    for raw in paths:
        given += 1
        path = Path(raw)
        if path.is_dir():
            files = _walk(path)
            if not files and not _walk(path, FEATURES):
                raise UsageError(f"{path}: no process files ({PATTERN}) or features (*{FEATURES}) in this folder")
            found.extend(files)
        elif path.is_file():
            if path.suffix != FEATURES:
                found.append(path)
        elif path.exists():
            raise UsageError(f"{path}: not a regular file (a device, FIFO or socket cannot be a process file)")
        else:
            raise UsageError(f"{path}: no such file or folder")
    # One folder's walk lists each file once; only several paths can name a file twice
    # (hashing a Path costs more than the walk's own work per file).
    return list(dict.fromkeys(found)) if given > 1 else found


def discover_features(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The Gherkin feature files under ``paths`` (``*.feature``), checked beside the processes."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path, FEATURES))
        elif path.suffix == FEATURES and path.is_file():
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(folder: Path, suffix: str = PATTERN.removeprefix("*")) -> list[Path]:
    """``sorted(p for p in folder.rglob(PATTERN) if p.is_file())``, on ``os.scandir``: the same
    files in the same order (by path components), without a ``stat`` and a ``Path`` per step
    (pathlib spent a twentieth of a large catalogue's validation here)."""
    found: list[tuple[tuple[str, ...], Path]] = []
    pending: list[tuple[tuple[str, ...], Path]] = [((), folder)]
    while pending:
        parts, directory = pending.pop()
        try:
            with os.scandir(directory) as scan:
                entries = list(scan)
        except PermissionError:  # as rglob: an unreadable folder holds nothing
            continue
        child = getattr(directory, "_make_child_relpath", directory.joinpath)  # 4x faster, same Path
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir and not entry.is_symlink():  # rglob does not follow linked folders
                pending.append(((*parts, name), child(name)))
            if name.endswith(suffix) and entry.is_file():
                found.append(((*parts, name), child(name)))
    found.sort(key=lambda item: item[0])
    return [path for _, path in found]


def _load(path: Path) -> LoadResult | tuple[str, str]:
    try:
        return load_file(path)
    except OSError as error:
        return (str(path), error.strerror or str(error))


def load_all(files: Sequence[Path]) -> list[LoadResult | tuple[str, str]]:
    """Load files one after the other (unreadable ones as ``(path, reason)``)."""
    return [_load(path) for path in files]


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Batch loading builds many small objects that all stay alive: the cyclic collector
    would only walk them again and again (about a quarter of the time), so it waits."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def validate_paths(paths: Sequence[str | os.PathLike[str]], catalogue_paths: Sequence[str | os.PathLike[str]] = (),
                   selection: Selection = EVERYTHING, jobs: int = 0,
                   templates: Sequence[str | os.PathLike[str]] = (), regimes: str | None = None) -> Report:
    """Validate the process files under ``paths``; ``catalogue_paths`` add flows they may extend.

    A file given directly is validated with the other process files of its folder in the
    catalogue, so ``isoflow validate processes/x.xml`` finds the flow ``x.xml`` extends.
    The forms are checked against the agency's ``templates`` folders and isoflow's own, in
    the form sets of ``regimes`` (the shipped legal data by default).
    """
    from isoflow.paper.templates import TemplateCatalogue, TemplateFolders

    for folder in templates:
        if not Path(folder).is_dir():
            raise UsageError(f"{folder}: no such template folder")
    forms = TemplateCatalogue(TemplateFolders(templates), load_legal_basis(regimes))
    # The collector stays off until the definitions are gone again: re-enabling it while they
    # are alive would make it walk all of them once more (a third of the run, measured).
    features = discover_features(paths)
    with _gc_paused():
        if not features:
            return _check(paths, catalogue_paths, selection, jobs, forms)[0]
        # The features need the definitions themselves: one process checks them all.
        report, _, catalogue = _check(paths, catalogue_paths, selection, 1, forms)
    from isoflow.validation.features import check_features

    found = check_features(features, catalogue, selection)
    return replace(report, files=(*report.files, *(str(p) for p in features)),
                   findings=(*report.findings, *found))


def _check(paths: Sequence[str | os.PathLike[str]], catalogue_paths: Sequence[str | os.PathLike[str]],
           selection: Selection, jobs: int,
           forms: FormCatalogue | None = None) -> tuple[Report, list[ProcessDefinition], Catalogue]:
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

        report = check_in_parallel(files, others, selection, workers, forms)
        return report, [], Catalogue([])
    results = load_all([*files, *others])
    checked = results[: len(files)]
    definitions = [r.definition for r in checked if isinstance(r, LoadResult) and r.definition]
    known = definitions + [r.definition for r in results[len(files):]
                           if isinstance(r, LoadResult) and r.definition]
    loader_findings = [f for r in checked if isinstance(r, LoadResult) for f in r.findings]
    unreadable = tuple(r for r in checked if isinstance(r, tuple))
    catalogue = Catalogue(known)
    report = validate(definitions, loader_findings, [str(p) for p in files], selection, catalogue, forms)
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


def open_engine(processes: Sequence[str | os.PathLike[str]], calendar: str | os.PathLike[str] | None = None,
                regimes: str | os.PathLike[str] | None = None) -> Engine:
    """Wire an engine: validated procedures, the working calendar and the legal data."""
    from isoflow.data.work_calendar import load_calendar

    return Engine([compile_process(d) for d in load_runnable(processes)],
                  load_calendar(Path(calendar) if calendar else None), load_legal_basis(regimes))


def open_desk(processes: Sequence[str | os.PathLike[str]], db: str, calendar: str | None = None,
              regimes: str | None = None, *, create: bool = True) -> Desk:
    """Wire a desk: an engine (:func:`open_engine`) and a store.

    ``create=False``: the store must exist already (:class:`~isoflow.errors.StoreNotFound`
    otherwise, and nothing is created): for whatever does not receive dossiers.
    """
    from isoflow.store import open_store

    return Desk(open_engine(processes, calendar, regimes), open_store(db, create=create))


def _cpus() -> int:
    from isoflow.validation.parallel import cpu_count

    return cpu_count()
