"""Validating a large catalogue on several processes, sending findings, not definitions.

Loading and checking a file is independent work, except that a procedure may extend a
flow held in another file, and two files may claim the same code (S007).  The workers take
the files a few at a time from a shared counter, load them, and check at once every file
that ``extends`` nothing: the rules of those need nothing from the rest of the catalogue.
Then a short conversation settles what does:

1. worker → parent: those findings, and for each definition its code, revision and ``extends``;
2. parent → worker: nothing more to do (the usual case: it exits), or the codes that
   something extends (with everything they extend) and the duplicate groups;
3. worker → parent: its S007 findings and its definitions of those codes (the only
   definitions ever sent);
4. parent → worker, if it holds files that extend something: all those base definitions, in
   catalogue order, and every code of the catalogue (for "did you mean");
5. worker → parent: the findings of its files that extend something.

So each worker resolves ``extends`` exactly as a single process would, only a handful of
definitions cross a process boundary, and the workers wait for each other only once all the
files are loaded and nearly all of them checked.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.running.regimes import ReplacedAct
from isoflow.validation.catalogue import Catalogue, Report, Selection, duplicate_code, identity, validate
from isoflow.validation.graph import reachable
from isoflow.validation.rules import TemplateLookup
from isoflow.validation.suppressions import Silenced, apply

Summary = tuple[int, str, int, str | None, tuple[str, str]]  # file index, code, revision, extends, identity
Entry = tuple[int, str, bool]  # file index, path, checked (or in the catalogue only)
#: What a worker built, kept until it exits: freeing a few hundred thousand objects one by
#: one would only cost time (a forked worker ends with ``os._exit``, and the parent does not
#: wait for that: the kernel frees the memory while the report is being written).
_KEPT: list[object] = []

#: Files a worker takes at a time, at most and at least: a quarter of a worker's share of
#: what is left, so that the takes are few at first and the workers finish loading together,
#: even when one of them shares its CPU with something else.
BATCH = (32, 4)


def _take(entries: list[Entry], taken: Any, workers: int) -> Iterator[Entry]:
    """The next batches of ``entries`` until none is left, shared with the other workers."""
    largest, smallest = BATCH
    while True:
        with taken.get_lock():
            start = taken.value
            size = min(largest, max(smallest, (len(entries) - start) // (4 * workers)))
            taken.value = start + size
        if start >= len(entries):
            return
        yield from entries[start:start + size]


def _worker(entries: list[Entry], taken: Any, workers: int, selection: Selection, conn: Connection,
            forms: TemplateLookup | None = None, replaced: Sequence[ReplacedAct] = ()) -> None:
    from isoflow.loading.discovery import gc_paused, load_or_reason
    from isoflow.loading.loader import LoadResult

    with gc_paused():
        # Loading every file before checking any costs 3-6 % less than checking every 1 to 32
        # files as they come (measured), and the workers finish loading together anyway.
        loaded = [(index, checked, load_or_reason(Path(path)))
                  for index, path, checked in _take(entries, taken, workers)]
        mine = [(index, checked, r.definition) for index, checked, r in loaded
                if isinstance(r, LoadResult) and r.definition is not None]
        # Whichever worker took a file, its findings are the same: those of a file that extends
        # nothing depend on no other file; the others wait for their bases.
        alone = [d for _, checked, d in mine if checked and not d.extends]
        extending = [d for _, checked, d in mine if checked and d.extends]
        loader_findings = [f for _, checked, r in loaded if checked and isinstance(r, LoadResult) for f in r.findings]
        unreadable = [r for _, checked, r in loaded if checked and isinstance(r, tuple)]
        # A definition that extends nothing is resolved without looking anything up.
        report = validate(alone, loader_findings, (), selection, Catalogue([]), forms, replaced, duplicates=False)
        conn.send(([(index, d.code, d.revision, d.extends, identity(d)) for index, _, d in mine], list(report.findings),
                   unreadable, bool(extending), list(report.suppressed)))
        request: tuple[set[str], dict[tuple[str, int], list[tuple[str, tuple[str, str]]]]] | None = conn.recv()
        if request is not None:
            needed, duplicates = request
            doubles: list[Finding] = []
            silenced: list[Silenced] = []
            for _, checked, d in mine:
                if checked and (d.code, d.revision) in duplicates:
                    kept, quiet, _ = apply([duplicate_code(d, duplicates[(d.code, d.revision)])], d, None)
                    doubles.extend(kept)
                    silenced.extend(quiet)
            # A suppression of S007 judged unused above (no catalogue then) did silence one here.
            withdrawn = [f for f in report.findings if f.code == "U002"
                         and any((f.file, f.line, f.column) == (s.file, s.line, s.column) for s in silenced)]
            conn.send(([f for f in doubles if selection.wants(f.code)],
                       [(index, d) for index, _, d in mine if d.code in needed],
                       [s for s in silenced if selection.wants(s.finding.code)], withdrawn))
            if extending:
                bases, codes = conn.recv()
                # Every definition of every code in the chains, in catalogue order: the same
                # revisions win as in one process; S007 is told above, each worker for its own.
                catalogue = Catalogue(bases)
                catalogue.all_codes = codes
                report = validate(extending, (), (), selection, catalogue, forms, replaced, duplicates=False)
                conn.send((list(report.findings), list(report.suppressed)))
    conn.close()
    _KEPT.append(loaded)


def _closure(summaries: list[Summary]) -> set[str]:
    """Every code that some definition extends, directly or through another base."""
    extends_of: dict[str, set[str]] = {}
    for _, code, _, extends, _ in summaries:
        if extends:
            extends_of.setdefault(code, set()).add(extends)
    return reachable(extends_of, {extends for _, _, _, extends, _ in summaries if extends})


def check_in_parallel(files: Sequence[Path], others: Sequence[Path], selection: Selection, workers: int,
                      forms: TemplateLookup | None = None, replaced: Sequence[ReplacedAct] = ()) -> Report:
    """Validate ``files`` (with ``others`` in the catalogue only) on ``workers`` processes."""
    entries = [(i, str(p), True) for i, p in enumerate(files)]
    entries += [(len(files) + i, str(p), False) for i, p in enumerate(others)]
    # fork: workers start in milliseconds with isoflow already imported (spawn elsewhere).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context: Any = multiprocessing.get_context(method)
    if method == "fork":
        from isoflow.loading.loader import schema

        schema()  # compiled once here and inherited, instead of once in every worker
    taken = context.Value("q", 0)  # how many entries the workers have taken, in batches
    count = min(workers, len(entries)) or 1
    pipes: list[Connection] = []
    processes = []
    for _ in range(count):
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(entries, taken, count, selection, child, forms, replaced),
                                  daemon=True)
        process.start()
        child.close()
        pipes.append(parent)
        processes.append(process)
    findings: list[Finding] = []
    unreadable: list[tuple[str, str]] = []
    suppressed: list[Silenced] = []
    dropped: set[Finding] = set()
    try:
        summaries: list[Summary] = []
        extending: list[bool] = []
        for pipe in pipes:
            summary, found, lost, extends, silenced = _receive(pipe)
            suppressed.extend(silenced)
            summaries.extend(summary)
            findings.extend(found)
            unreadable.extend(lost)
            extending.append(extends)
        summaries.sort()
        needed = _closure(summaries)
        paths = [str(p) for p in [*files, *others]]
        groups: dict[tuple[str, int], list[tuple[str, tuple[str, str]]]] = {}
        for index, code, revision, _, title in summaries:
            if index < len(files):  # S007 among the files asked for, not their neighbours
                groups.setdefault((code, revision), []).append((paths[index], title))
        duplicates = {key: value for key, value in groups.items() if len(value) > 1}
        request = (needed, duplicates) if needed or duplicates else None
        for pipe in pipes:
            pipe.send(request)
        if request is not None:
            bases: list[tuple[int, ProcessDefinition]] = []
            for pipe in pipes:
                doubles, base, silenced, withdrawn = _receive(pipe)
                findings.extend(doubles)
                suppressed.extend(silenced)
                dropped.update(withdrawn)
                bases.extend(base)
            bases.sort(key=lambda item: item[0])
            answer = ([d for _, d in bases], {code for _, code, _, _, _ in summaries})
            asked = [pipe for pipe, extends in zip(pipes, extending, strict=True) if extends]
            for pipe in asked:
                pipe.send(answer)
            for pipe in asked:
                found, silenced = _receive(pipe)
                findings.extend(found)
                suppressed.extend(silenced)
    except BaseException:
        for process in processes:
            process.kill()
            process.join()
        raise
    finally:
        for pipe in pipes:
            pipe.close()
    # A worker that sent everything is exiting (the kernel frees its memory meanwhile):
    # multiprocessing reaps it later, the report does not wait for it.
    return Report(tuple(str(p) for p in files), tuple(sorted(set(findings) - dropped, key=Finding.sort_key)),
                  tuple(sorted(unreadable)), tuple(sorted(suppressed, key=lambda s: s.finding.sort_key())))


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
