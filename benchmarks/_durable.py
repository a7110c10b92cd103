"""Durable lifecycles: isoflow's desk beside the floors it is built on, on SQLite and PostgreSQL.

The lifecycle is ``bench_engine.py``'s (procedure ``QT-BENCH-01``: receive + 6 actions, 30
minutes apart, each given the copy the previous call returned).  Each function below runs all
``n`` lifecycles once and returns **lifecycles per second**; building the inputs, compiling the
procedure and creating a fresh database are outside the timing.  Interleave rounds and take
medians (``__main__`` does); :func:`step_us` turns a rate into microseconds a step.

For ``bench_engine.py`` (so that one run prints every figure)::

    import _durable
    _durable.sqlite_floor(n)                     # plain sqlite3: UPDATE state + INSERT event
    _durable.sqlite_isoflow(n)                   # Desk over open_store("sqlite:///...")
    _durable.sqlite_spiff(n)                     # SpiffWorkflow 3.2, serialised to SQLite per task
    _durable.postgres_floor(url, n, writers=4)   # psycopg running isoflow's own statements
    _durable.postgres_isoflow(url, n, writers=4) # Desk over PostgreSQL, one process per writer
    _durable.step_us(rate)                       # µs a step (receive or action) at that rate

and, to say where isoflow's time goes, :func:`sqlite_statements` (isoflow's own SQL with its
values computed beforehand: SQLite's share), :func:`engine_only` (the engine in memory) and
:func:`wal_pages` (the pages of write-ahead log a step writes, B-tree by B-tree, floor and isoflow).

The floors:

* ``sqlite_floor``: what the issue calls the raw floor: plain ``sqlite3``, WAL,
  ``synchronous=NORMAL``, tables ``dossiers(code, state, version, body)`` and
  ``events(dossier, seq, body)``, one transaction per action (``UPDATE ... WHERE version = ?``
  + ``INSERT`` event) with JSON bodies of isoflow's size;
* ``postgres_floor``: the very statements and values isoflow's PostgreSQL store sends (recorded
  from one isoflow run into a scratch schema, then replayed by ``writers`` processes on their
  own connections, transaction by transaction, pipelined as isoflow sends them): the
  database's and the driver's share, with no Python of isoflow's.  ``sqlite_statements`` is the
  same on SQLite.

PostgreSQL runs use a fresh schema of ``url`` each (``?options=-csearch_path``), dropped after.
The writers are processes (forked after the procedure is compiled), each with its own
connection, given disjoint lifecycles; the rate is all lifecycles over the time from the common
start to the last writer's end.

Run: ``.venv/bin/python benchmarks/_durable.py [--n 1000] [--repeat 5] [--postgres URL]
[--writers 4]`` (``$ISOFLOW_TEST_POSTGRES`` is the default URL; without one PostgreSQL is left out).
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import multiprocessing
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from isoflow.desk import Desk
from isoflow.running.engine import Engine
from isoflow.store import open_store

STEPS = 7  # a lifecycle: receive + 6 actions


def step_us(rate: float) -> float:
    """Microseconds a step (a receipt or an action) at ``rate`` lifecycles per second."""
    return 1e6 / (rate * STEPS)


# -- the workload: bench_engine.py's procedure and lifecycles ------------------------------------

@dataclass(frozen=True)
class Workload:
    """The compiled procedure's engine and ``n`` lifecycles (``bench_engine.Lifecycles``)."""

    engine: Engine
    life: Any
    bench: Any  # the bench_engine module: PATH, DATA, CODE, UNIT, CLERK


@functools.cache
def workload(n: int) -> Workload:
    """Built once per ``n`` (imported lazily: ``bench_engine`` imports this module)."""
    import bench_engine as bench

    from isoflow.data.loaders import load_legal_basis
    from isoflow.data.work_calendar import load_calendar

    engine = Engine([bench.compiled_process()], load_calendar(), load_legal_basis())
    return Workload(engine, bench.Lifecycles(n), bench)


def _lifecycles(desk: Desk, work: Workload, indexes: Sequence[int]) -> None:
    bench, life = work.bench, work.life
    for i in indexes:
        dossier = desk.receive(bench.CODE, unit=bench.UNIT, channel="in_person", applicant=life.applicants[i],
                               data=bench.DATA, actor="an", role=bench.CLERK, at=life.received[i])
        for (action, role, actor, _), at in zip(bench.PATH, life.times[i], strict=True):
            # The copy the last call returned: no re-read; the write is still conditional on
            # its version and last hash (a stale copy raises StaleDossier).
            dossier = desk.act(dossier.code, action, actor=actor, role=role, at=at, dossier=dossier).dossier
        if not dossier.is_closed:
            raise AssertionError(dossier.state)


def _timed(run: Callable[[], None]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


@contextmanager
def _folder() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="isoflow-durable-") as folder:
        yield folder


# -- SQLite ---------------------------------------------------------------------------------------

def engine_only(n: int) -> float:
    """The engine alone, in memory: ``Engine.receive`` + 6 ``Engine.fire`` (no sealing, no store)."""
    work = workload(n)
    bench, life, engine = work.bench, work.life, work.engine

    def run() -> None:
        for i in range(n):
            dossier = engine.receive(life.codes[i], bench.CODE, unit=bench.UNIT, channel="in_person",
                                     applicant=life.applicants[i], data=bench.DATA, actor="an", role=bench.CLERK,
                                     at=life.received[i]).dossier
            for (action, role, actor, _), at in zip(bench.PATH, life.times[i], strict=True):
                dossier = engine.fire(dossier, action, actor=actor, role=role, at=at).dossier
    return n / _timed(run)


def sqlite_isoflow(n: int) -> float:
    """isoflow durable on SQLite: ``Desk`` over ``open_store("sqlite:///<tmp>/bench.db")``."""
    work = workload(n)
    with _folder() as folder:
        store = open_store(f"sqlite:///{folder}/bench.db")
        try:
            return n / _timed(lambda: _lifecycles(Desk(work.engine, store), work, range(n)))
        finally:
            store.close()


@functools.cache
def body_sizes(n: int = 20) -> tuple[int, int]:
    """Mean sizes (bytes) of isoflow's stored dossier and event bodies after ``n`` lifecycles,
    measured as ``bench_engine.py`` measures them (the rows as stored, the dossiers closed)."""
    work = workload(n)
    with _folder() as folder:
        store = open_store(f"sqlite:///{folder}/sizes.db")
        _lifecycles(Desk(work.engine, store), work, range(n))
        store.close()
        conn = sqlite3.connect(f"{folder}/sizes.db")
        dossier = conn.execute("SELECT AVG(LENGTH(CAST(body AS BLOB))) FROM dossiers").fetchone()[0]
        event = conn.execute("SELECT AVG(LENGTH(CAST(body AS BLOB))) FROM events").fetchone()[0]
        conn.close()
    return round(dossier), round(event)


def _wal(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise AssertionError(mode)
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _pad(body: dict[str, Any], size: int) -> dict[str, Any]:
    base = len(json.dumps({**body, "pad": ""}, ensure_ascii=False, separators=(",", ":")))
    return {**body, "pad": "x" * max(0, size - base)}


def sqlite_floor(n: int) -> float:
    """The raw floor: plain sqlite3 (WAL, NORMAL), per action one transaction of ``UPDATE`` state
    + ``INSERT`` event, bodies of isoflow's size (``bench_engine.py``'s ``sqlite-raw``)."""
    with _folder() as folder:
        conn, run = _floor(folder, n)
        try:
            return n / _timed(run)
        finally:
            conn.close()


def _floor(folder: str, n: int) -> tuple[sqlite3.Connection, Callable[[], None]]:
    """The raw floor's database in ``folder`` and the run of its ``n`` lifecycles (untimed)."""
    work = workload(n)
    life, states = work.life, work.bench.STATES
    dossier_size, event_size = body_sizes()
    dossier_template = _pad({"state": states[0], "version": 1, "data": work.bench.DATA}, dossier_size)
    event_template = _pad({"seq": 1, "kind": "moved", "target": states[1]}, event_size)

    def dumps(body: dict[str, Any]) -> str:
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"))

    conn = _wal(f"{folder}/raw.db")
    conn.execute("CREATE TABLE dossiers (code TEXT PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL, "
                 "body TEXT NOT NULL)")
    conn.execute("CREATE TABLE events (dossier TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, "
                 "PRIMARY KEY (dossier, seq))")

    def run() -> None:
        execute = conn.execute
        for code, received, times in zip(life.codes, life.received, life.times, strict=True):
            execute("BEGIN IMMEDIATE")
            execute("INSERT INTO dossiers (code, state, version, body) VALUES (?, ?, 1, ?)",
                    (code, states[0], dumps({**dossier_template, "code": code, "at": received.isoformat()})))
            execute("INSERT INTO events (dossier, seq, body) VALUES (?, 1, ?)",
                    (code, dumps({**event_template, "dossier": code, "kind": "received"})))
            execute("COMMIT")
            for version, (target, at) in enumerate(zip(states[1:], times, strict=True), start=2):
                execute("BEGIN IMMEDIATE")
                cursor = execute("UPDATE dossiers SET state = ?, version = ?, body = ? WHERE code = ? "
                                 "AND version = ?", (target, version, dumps({**dossier_template, "code": code,
                                                                             "state": target,
                                                                             "version": version}),
                                                     code, version - 1))
                if cursor.rowcount != 1:
                    raise AssertionError(code)
                execute("INSERT INTO events (dossier, seq, body) VALUES (?, ?, ?)",
                        (code, version, dumps({**event_template, "dossier": code, "seq": version,
                                               "target": target, "at": at.isoformat()})))
                execute("COMMIT")
    return conn, run


def wal_pages(n: int = 300) -> dict[str, dict[str, float]]:
    """Pages of write-ahead log a step, by B-tree, for the raw floor and isoflow: what a
    ``COMMIT`` writes (two ``pwrite`` a page), read from the log's frame headers after ``n``
    lifecycles with automatic checkpoints off, each page named by ``dbstat``.  Untimed."""
    work = workload(n)
    found = {}
    with _folder() as folder:
        conn, run = _floor(folder, n)
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        run()
        found["floor"] = _frames(conn, f"{folder}/raw.db-wal", n)
        conn.close()
        store = open_store(f"sqlite:///{folder}/isoflow.db")
        store._conn.execute("PRAGMA wal_autocheckpoint = 0")  # type: ignore[attr-defined]  # a benchmark's look inside
        _lifecycles(Desk(work.engine, store), work, range(n))
        conn = sqlite3.connect(f"{folder}/isoflow.db")
        found["isoflow"] = _frames(conn, f"{folder}/isoflow.db-wal", n)
        conn.close()
        store.close()
    return found


def _frames(conn: sqlite3.Connection, wal: str, n: int) -> dict[str, float]:
    """The log's frames a step, by the B-tree each page belongs to (page 1: the file's header)."""
    owner = {int(page): str(name) for name, page in conn.execute("SELECT name, pageno FROM dbstat")}
    owner[1] = "header (page 1)"
    size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    counts: dict[str, int] = {}
    with open(wal, "rb") as log:
        log.read(32)
        while header := log.read(24):
            page = int.from_bytes(header[:4], "big")
            name = owner.get(page, "other")
            counts[name] = counts.get(name, 0) + 1
            log.seek(size, os.SEEK_CUR)
    steps = n * STEPS
    return {name: count / steps for name, count in sorted(counts.items(), key=lambda item: -item[1])}


# Statements recorded from isoflow's own run: (sql, params, many) per statement.
Recorded = list[tuple[str, Any, bool]]


class _RecordingSQLite:
    """Stands in for an SQLite store's connection: runs and records every statement."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.log: Recorded = []

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        self.log.append((sql, tuple(params), False))
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        rows = [tuple(row) for row in rows]
        self.log.append((sql, rows, True))
        return self.conn.executemany(sql, rows)

    def close(self) -> None:
        self.conn.close()


def sqlite_statements(n: int) -> float:
    """isoflow's own SQLite statements and values (recorded from a run beforehand), replayed on a
    fresh database of isoflow's schema: what SQLite costs isoflow, without isoflow's Python."""
    work = workload(n)
    with _folder() as folder:
        store = open_store(f"sqlite:///{folder}/record.db")
        recorder = _RecordingSQLite(store._conn)  # type: ignore[attr-defined]  # a benchmark's look inside
        store._conn = recorder  # type: ignore[attr-defined]
        _lifecycles(Desk(work.engine, store), work, range(n))
        store.close()
        log = [entry for entry in recorder.log if not entry[0].startswith("SELECT")]
        replay = open_store(f"sqlite:///{folder}/replay.db")
        conn: sqlite3.Connection = replay._conn  # type: ignore[attr-defined]

        def run() -> None:
            execute, executemany = conn.execute, conn.executemany
            for sql, params, many in log:
                if many:
                    executemany(sql, params)
                elif execute(sql, params).rowcount == 0 and sql.startswith("UPDATE"):
                    raise AssertionError(sql)
        try:
            return n / _timed(run)
        finally:
            replay.close()


def sqlite_spiff(n: int) -> float:
    """SpiffWorkflow 3.2 on the same procedure (``spiff/procedure.bpmn``), the whole workflow
    serialised to SQLite (WAL, NORMAL) after the receipt and after each task (``_spiff.on_sqlite``)."""
    import _spiff

    work = workload(n)
    spec = _spiff.load_spec()
    with _folder() as folder:
        make = _spiff.on_sqlite(spec, work.life.codes, work.bench.DATA, lambda: f"{folder}/spiff.db")
        run, cleanup = make()
        try:
            return n / _timed(run)
        finally:
            cleanup()


# -- PostgreSQL: several writer processes -----------------------------------------------------------

@contextmanager
def _schema(url: str) -> Iterator[str]:
    """``url`` with its search_path on a fresh schema, dropped afterwards."""
    import psycopg

    name = f"isoflow_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options={quote(f'-csearch_path={name}')}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{name}" CASCADE')


def _slices(n: int, writers: int) -> list[list[int]]:
    return [list(range(w, n, writers)) for w in range(writers)]


def _in_writers(work: Callable[[int], Callable[[], None]], writers: int) -> float:
    """Seconds from the common start to the last writer's end; ``work(w)`` prepares writer ``w``
    (connection, inputs: untimed) in its process and returns what it times."""
    context = multiprocessing.get_context("fork")
    ready = context.Barrier(writers + 1)
    ends = context.Queue()

    def writer(w: int) -> None:
        try:
            run = work(w)
            ready.wait()
            run()
            ends.put((w, time.perf_counter(), None))
        except BaseException as error:  # noqa: BLE001 - reported to the parent, which raises
            ready.abort()
            ends.put((w, time.perf_counter(), repr(error)))

    processes = [context.Process(target=writer, args=(w,)) for w in range(writers)]
    for process in processes:
        process.start()
    ready.wait()
    start = time.perf_counter()
    results = [ends.get(timeout=600) for _ in processes]
    for process in processes:
        process.join()
    failed = [error for _, _, error in results if error]
    if failed:
        raise RuntimeError(f"a writer failed: {failed[0]}")
    return max(end for _, end, _ in results) - start


def postgres_isoflow(url: str, n: int, writers: int = 4) -> float:
    """isoflow durable on PostgreSQL: ``writers`` processes, each a ``Desk`` over its own
    ``open_store(url)``, running disjoint lifecycles at once."""
    work = workload(n)
    slices = _slices(n, writers)
    with _schema(url) as schema_url:
        open_store(schema_url).close()  # the migrations, once

        def prepare(w: int) -> Callable[[], None]:
            store = open_store(schema_url)
            desk = Desk(work.engine, store)
            return lambda: (_lifecycles(desk, work, slices[w]), store.close())[0]
        return n / _in_writers(prepare, writers)


class _RecordingCursor:
    def __init__(self, cursor: Any, log: Recorded) -> None:
        self.cursor, self.log = cursor, log

    def __enter__(self) -> _RecordingCursor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cursor.close()

    def execute(self, sql: str, params: Any = ()) -> Any:
        self.log.append((sql, params, False))
        return self.cursor.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        rows = list(rows)
        self.log.append((sql, rows, True))
        return self.cursor.executemany(sql, rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.cursor, name)


class _RecordingPostgres:
    """Stands in for a PostgreSQL store's connection: records each transaction's statements."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.transactions: list[Recorded] = []
        self.current: Recorded | None = None

    def cursor(self) -> _RecordingCursor:
        log = self.current if self.current is not None else []
        if self.current is None:
            self.transactions.append(log)  # a statement on its own: its own transaction
        return _RecordingCursor(self.conn.cursor(), log)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.current = []
        try:
            with self.conn.transaction():
                yield
        finally:
            self.transactions.append(self.current)
            self.current = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


def _record_postgres(url: str, work: Workload, n: int) -> list[list[Recorded]]:
    """The transactions isoflow's PostgreSQL store runs for each lifecycle, with their values."""
    store = open_store(url)
    recorder = _RecordingPostgres(store._conn)  # type: ignore[attr-defined]  # a benchmark's look inside
    store._conn = recorder  # type: ignore[attr-defined]
    desk = Desk(work.engine, store)
    per_lifecycle = []
    for i in range(n):
        before = len(recorder.transactions)
        _lifecycles(desk, work, [i])
        per_lifecycle.append([t for t in recorder.transactions[before:] if t and not t[0][0].startswith("SELECT")])
    store.close()
    return per_lifecycle


def postgres_floor(url: str, n: int, writers: int = 4) -> float:
    """psycopg alone running isoflow's statements: each lifecycle's transactions as isoflow's
    store sent them (recorded beforehand into a scratch schema), ``writers`` processes at once
    on a fresh schema, each on its own connection (``UPDATE`` checked for its one row)."""
    import psycopg

    work = workload(n)
    with _schema(url) as scratch:
        recorded = _record_postgres(scratch, work, n)
    slices = _slices(n, writers)
    with _schema(url) as schema_url:
        open_store(schema_url).close()

        def prepare(w: int) -> Callable[[], None]:
            conn = psycopg.connect(schema_url, autocommit=True)
            mine = [recorded[i] for i in slices[w]]

            def run() -> None:
                # As isoflow sends them: each transaction's statements pipelined, one sync, the
                # UPDATE's row count checked before COMMIT.
                for lifecycle in mine:
                    for transaction in lifecycle:
                        with conn.pipeline() as pipeline, conn.transaction():
                            cursors = []
                            for sql, params, many in transaction:
                                cursor = conn.cursor()
                                cursors.append((sql, cursor))
                                if many:
                                    cursor.executemany(sql, params)
                                else:
                                    cursor.execute(sql, params)
                            pipeline.sync()
                            for sql, cursor in cursors:
                                if sql.startswith("UPDATE") and cursor.rowcount != 1:
                                    raise AssertionError(sql)
                                cursor.close()
                conn.close()
            return run
        return n / _in_writers(prepare, writers)


# -- the table -----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="lifecycles per run (default 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds; medians shown (default 5)")
    parser.add_argument("--postgres", default=os.environ.get("ISOFLOW_TEST_POSTGRES", ""),
                        help="PostgreSQL URL (default $ISOFLOW_TEST_POSTGRES; none: SQLite only)")
    parser.add_argument("--writers", type=int, default=4, help="PostgreSQL writer processes (default 4)")
    parser.add_argument("--only", help="comma-separated variants to run (default: all)")
    args = parser.parse_args(argv)
    n, url, writers = args.n, args.postgres, args.writers
    variants: dict[str, Callable[[], float]] = {
        "engine in memory": lambda: engine_only(n),
        "sqlite floor": lambda: sqlite_floor(n),
        "sqlite isoflow statements": lambda: sqlite_statements(n),
        "sqlite isoflow": lambda: sqlite_isoflow(n),
        "sqlite spiff": lambda: sqlite_spiff(n),
    }
    if url:
        variants[f"postgres floor ({writers} writers)"] = lambda: postgres_floor(url, n, writers)
        variants[f"postgres isoflow ({writers} writers)"] = lambda: postgres_isoflow(url, n, writers)
    if args.only:
        chosen = [name.strip() for name in args.only.split(",")]
        variants = {name: run for name, run in variants.items() if any(c in name for c in chosen)}
    workload(n)
    body_sizes()
    print(f"{n} lifecycles (receive + 6 actions) a run, {args.repeat} interleaved rounds, medians; "
          f"{os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.2f}; bodies {body_sizes()} B")
    rates: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.repeat):
        for name, run in variants.items():
            rates[name].append(run())
    medians = {name: statistics.median(values) for name, values in rates.items()}
    print(f"{'variant':<32} {'lifecycles/s':>12} {'µs a step':>10}  rounds (µs a step)")
    for name, rate in medians.items():
        rounds = ", ".join(f"{step_us(r):.1f}" for r in rates[name])
        print(f"{name:<32} {rate:>12,.0f} {step_us(rate):>10.1f}  {rounds}")
    ratios = [("sqlite isoflow", "sqlite floor", "isoflow / raw floor (target >= 0.5x)"),
              ("sqlite isoflow", "sqlite spiff", "isoflow / Spiff on SQLite (target >= 5x)"),
              ("sqlite isoflow", "sqlite isoflow statements", "isoflow / its own statements")]
    ratios += [(f"postgres isoflow ({writers} writers)", f"postgres floor ({writers} writers)",
                f"PostgreSQL, {writers} writers: isoflow / its statements through psycopg")]
    for top, bottom, label in ratios:
        if top in medians and bottom in medians:
            print(f"{label}: {medians[top] / medians[bottom]:.2f}x")
    if any(name.startswith("sqlite") for name in medians):
        for name, pages in wal_pages().items():
            print(f"WAL pages a step, {name}: {sum(pages.values()):.2f} ("
                  + ", ".join(f"{tree} {count:.2f}" for tree, count in pages.items() if count >= 0.01) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
