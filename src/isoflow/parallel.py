"""Validating a large catalogue on several processes, sending findings, not definitions.

Loading and checking a file is independent work, except that a procedure may extend a
flow held in another file, and two files may claim the same code (S007).  Each worker
loads its share of the files, and a short conversation with the parent settles the rest:

1. worker → parent: for each definition, its code, revision and ``extends``;
2. parent → worker: the codes that something extends (with everything they extend);
3. worker → parent: its definitions of those codes (the only definitions ever sent);
4. parent → worker: all those base definitions, in catalogue order, and the duplicate groups;
5. worker → parent: its findings and unreadable files.

So each worker resolves ``extends`` exactly as a single process would, and only a handful of
definitions cross a process boundary instead of the whole catalogue.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from isoflow.findings import Finding
from isoflow.rules._api import FormCatalogue
from isoflow.rules._graph import reachable
from isoflow.validation import Catalogue, Report, Selection, duplicate_code, validate

Summary = tuple[int, str, int, str | None]  # file index, code, revision, extends
#: What a worker built, kept until it exits: freeing a few hundred thousand objects one by
#: one only delays the exit the parent waits for (a forked worker ends with ``os._exit``).
_KEPT: list[object] = []


#: Files a worker takes at a time: small enough that the workers finish together even when
#: one of them shares its CPU with something else, large enough that taking is free.
BATCH = 16


def _take(entries: list[tuple[int, str, bool]], taken: Any) -> Iterator[tuple[int, str, bool]]:
    """The next batches of ``entries`` until none is left, shared with the other workers."""
    while True:
        with taken.get_lock():
            start = taken.value
            taken.value = start + BATCH
        if start >= len(entries):
            return
        yield from entries[start:start + BATCH]


def _worker(entries: list[tuple[int, str, bool]], taken: Any, selection: Selection, conn: Connection,
            forms: FormCatalogue | None = None) -> None:
    from isoflow.workspace import _gc_paused, _load
    from isoflow.xml_loader import LoadResult

    with _gc_paused():
        # Each worker's files stay in catalogue order, so which worker took a file changes nothing.
        loaded = [(index, checked, _load(Path(path))) for index, path, checked in _take(entries, taken)]
        mine = [(index, checked, r.definition) for index, checked, r in loaded
                if isinstance(r, LoadResult) and r.definition is not None]
        conn.send([(index, d.code, d.revision, d.extends) for index, _, d in mine])
        needed: set[str] = conn.recv()
        conn.send([(index, d) for index, _, d in mine if d.code in needed])
        bases, duplicates, codes = conn.recv()
        own = [d for _, _, d in mine]
        catalogue = Catalogue([*(d for _, d in bases), *own])
        catalogue.all_codes = codes
        catalogue.duplicates = [duplicate_code(d, duplicates[(d.code, d.revision)]) for d in own
                                if (d.code, d.revision) in duplicates]
        checked_defs = [d for _, checked, d in mine if checked]
        loader_findings = [f for _, checked, r in loaded if checked and isinstance(r, LoadResult) for f in r.findings]
        unreadable = [r for _, checked, r in loaded if checked and isinstance(r, tuple)]
        report = validate(checked_defs, loader_findings, [], selection, catalogue, forms)
    conn.send((list(report.findings), unreadable))
    conn.close()
    _KEPT.append((loaded, mine, catalogue, report))


def _closure(summaries: list[Summary]) -> set[str]:
    """Every code that some definition extends, directly or through another base."""
    extends_of: dict[str, set[str]] = {}
    for _, code, _, extends in summaries:
        if extends:
            extends_of.setdefault(code, set()).add(extends)
    return reachable(extends_of, {extends for _, _, _, extends in summaries if extends})


def check_in_parallel(files: Sequence[Path], others: Sequence[Path], selection: Selection, workers: int,
                      forms: FormCatalogue | None = None) -> Report:
    """Validate ``files`` (with ``others`` in the catalogue only) on ``workers`` processes."""
    entries = [(i, str(p), True) for i, p in enumerate(files)]
    entries += [(len(files) + i, str(p), False) for i, p in enumerate(others)]
    # fork: workers start in milliseconds with isoflow already imported (spawn elsewhere).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context: Any = multiprocessing.get_context(method)
    if method == "fork":
        from isoflow.xml_loader import schema

        schema()  # compiled once here and inherited, instead of once in every worker
    taken = context.Value("q", 0)  # how many entries the workers have taken, in batches
    pipes: list[Connection] = []
    processes = []
    for _ in range(min(workers, len(entries)) or 1):
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(entries, taken, selection, child, forms), daemon=True)
        process.start()
        child.close()
        pipes.append(parent)
        processes.append(process)
    try:
        summaries = [s for pipe in pipes for s in _receive(pipe)]
        needed = _closure(summaries)
        for pipe in pipes:
            pipe.send(needed)
        bases = sorted((item for pipe in pipes for item in _receive(pipe)), key=lambda item: item[0])
        paths = [str(p) for p in [*files, *others]]
        groups: dict[tuple[str, int], list[str]] = {}
        for index, code, revision, _ in sorted(summaries):
            groups.setdefault((code, revision), []).append(paths[index])
        duplicates = {key: value for key, value in groups.items() if len(value) > 1}
        codes = {code for _, code, _, _ in summaries}
        for pipe in pipes:
            pipe.send((bases, duplicates, codes))
        findings: list[Finding] = []
        unreadable: list[tuple[str, str]] = []
        for pipe in pipes:
            found, lost = _receive(pipe)
            findings.extend(found)
            unreadable.extend(lost)
    finally:
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
    return Report(tuple(str(p) for p in files), tuple(sorted(set(findings), key=Finding.sort_key)),
                  tuple(sorted(unreadable)))


def _receive(pipe: Connection) -> Any:
    try:
        return pipe.recv()
    except EOFError:
        raise RuntimeError("a validation worker stopped unexpectedly") from None


def cpu_count() -> int:
    """CPUs this process may use (the affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
