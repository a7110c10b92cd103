"""The embedded store: one SQLite file (or ``:memory:``), standard library only.

WAL journal (readers never block the writer), ``synchronous=NORMAL`` (a committed write
survives a crash of the process; a power loss may lose the last commits, never corrupt),
and every write in ``BEGIN IMMEDIATE``: concurrent writers, in threads or processes, queue on
the write lock (``busy_timeout``) instead of failing or deadlocking on a lock upgrade.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote

from isoflow.errors import DossierNotFound, DossierTampered, StoreError, StoreNotFound
from isoflow.indicators.formulas import Rating
from isoflow.model.dossier import Dossier, Event
from isoflow.store import _common as c
from isoflow.store import _indicators as ind
from isoflow.store import _integrity as integrity
from isoflow.store import codec
from isoflow.store import ledger as ledger_
from isoflow.store._api import ChainProblem, Factory
from isoflow.store.schema import ISOFLOW_TABLES, MIGRATIONS_TABLE, SCHEMA_VERSION, pending

BUSY_TIMEOUT_S = 10.0
#: Pages of write-ahead log between automatic checkpoints (see ``__init__``).
WAL_PAGES = 10_000

_DOSSIER_COLUMNS = c.ROW_COLUMNS
_EVENT_COLUMNS = ("dossier", "seq", "kind", "at", "actor", "hash", "prev_hash", "row_hash")


_INSERT_DOSSIER = (f"INSERT INTO dossiers ({', '.join(_DOSSIER_COLUMNS)}, created, body) "  # noqa: S608
                   f"VALUES ({', '.join('?' for _ in _DOSSIER_COLUMNS)}, "
                   "(SELECT COALESCE(MAX(created), 0) + 1 FROM dossiers), ?)")
_UPDATE_DOSSIER = (f"UPDATE dossiers SET {', '.join(f'{n} = ?' for n in _DOSSIER_COLUMNS[1:])}, "  # noqa: S608
                   "body = ? WHERE code = ? AND version = ? AND last_hash = ?")
#: The columns an update may set, by position in ``_dossier_values`` (the code is the key).
_SET_COLUMNS = (*_DOSSIER_COLUMNS, "body")
_UPDATES: dict[tuple[int, ...], str] = {}


def _update_of(changed: tuple[int, ...]) -> str:
    """``UPDATE`` of the columns at positions ``changed`` only (a few dozen texts in all)."""
    sql = _UPDATES.get(changed)
    if sql is None:
        sets = ", ".join(f"{_SET_COLUMNS[i]} = ?" for i in changed)
        sql = _UPDATES[changed] = (f"UPDATE dossiers SET {sets} "  # noqa: S608
                                   "WHERE code = ? AND version = ? AND last_hash = ?")
    return sql
_INSERT_EVENT = (f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}, body) "  # noqa: S608
                 f"VALUES ({', '.join('?' for _ in _EVENT_COLUMNS)}, ?)")
# The row and its newest event's columns, in one statement (one snapshot): what load() checks.
_LOAD = ("SELECT d.body, e.seq, e.hash, e.row_hash FROM dossiers AS d LEFT JOIN events AS e ON e.dossier = d.code "
         "AND e.seq = (SELECT MAX(seq) FROM events WHERE dossier = d.code) WHERE d.code = ?")
_INSERT_STEP = "INSERT INTO step_times (dossier, seq, process_code, step, at, worked_min, result, weight) " \
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"


def _time(value: datetime | None) -> str | None:
    """An index column time (naive local, whole seconds) as SQLite keeps it.

    Remembered (bounded): a row's times are mostly the same as at its last write."""
    if value is None:
        return None
    if type(value) is not datetime or value.tzinfo is not None:  # equal aware times may differ in offset
        return value.isoformat(timespec="microseconds")
    text = _TIMES.get(value)
    if text is None:
        if len(_TIMES) >= _TIMES_MAX:
            _TIMES.clear()
        text = _TIMES[value] = value.isoformat(timespec="microseconds")
    return text


_TIMES: dict[datetime, str] = {}
_TIMES_MAX = 4096
#: Rows whose column values a store remembers (see ``SQLiteStore.append``).
WRITTEN_MAX = 4096


def _dossier_values(dossier: Dossier) -> list[object]:
    """The row's column values in ``_DOSSIER_COLUMNS`` order, then the body."""
    values = c.row_values(dossier, _time)
    values.append(codec.dossier_body(dossier))
    return values


def _event_values(event: Event) -> list[object]:
    values = c.event_values(event, _time)
    values.append(codec.event_body(event))
    return values


class SQLiteStore(ind.ReportQueries):
    """Dossiers and events in one SQLite database (see :class:`isoflow.store.Store`)."""

    def __init__(self, path: str, *, create: bool = True, url: str | None = None) -> None:
        self.path = path
        self._lock = threading.RLock()
        #: code -> (last hash, column values) of the row this store last wrote (see ``append``).
        self._written: dict[str, tuple[str, list[object]]] = {}
        #: (process code, revision) -> the digest of the revision's content, kept with each dossier
        #: received under it (``started_on``); set by the composition root (isoflow.workspace).
        self.revision_digests: dict[tuple[str, int], str] = {}
        where = url or path
        if not create and path != ":memory:" and not os.path.exists(path):
            raise StoreNotFound(where, f"the file {path} does not exist")
        try:
            if create or path == ":memory:":
                self._conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                             check_same_thread=False)
            else:  # mode=rw: never creates the file, even if it vanished since the check above
                self._conn = sqlite3.connect(f"file:{quote(path)}?mode=rw", timeout=BUSY_TIMEOUT_S,
                                             isolation_level=None, check_same_thread=False, uri=True)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open SQLite database {path}: {error}") from None
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            # Before anything writes to it (the WAL switch rewrites the header): is it isoflow's?
            self._check_tables(where, create)
            # Switched once, when created: asked again it would be a write, which a read-only
            # connection (verify, show, report) refuses.
            if path != ":memory:" and str(self._conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StoreError(f"cannot put SQLite database {path} in WAL mode (it stays in {mode!r})")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            # Checkpoint every WAL_PAGES pages instead of SQLite's 1,000: an action writes ~9
            # pages (row, three row indexes, event and its key, step), so the default copied the
            # log back and synced both files every ~110 writes; ten times fewer checkpoints copy
            # each page rewritten meanwhile once (-15 us an action; benchmarks/README.md).  The
            # log grows to ~40 MB before it is reused; what a commit guarantees is unchanged.
            self._conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_PAGES}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.Error as error:
            self._conn.close()
            raise StoreError(f"cannot open SQLite database {path}: {error}") from None
        except BaseException:
            self._conn.close()
            raise

    def _check_tables(self, where: str, create: bool) -> None:
        """Refuse a file that is not an isoflow database: empty (unless creating), or another
        program's tables, even with a ``schema_migrations`` of its own (Rails and dbmate keep one):
        isoflow's has its columns, and its tables come with it (one transaction made both)."""
        tables = sorted(str(row[0]) for row in self._conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        if "schema_migrations" in tables:
            found = {table: {str(row[1]) for row in self._conn.execute(f"PRAGMA table_info({table})")}
                     for table in ISOFLOW_TABLES if table in tables}
            if all(columns <= found.get(table, set()) for table, columns in ISOFLOW_TABLES.items()):
                return
        if tables:
            listed = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(f"{where} is an SQLite database but not an isoflow one (its tables: {listed})")
        if not create:
            raise StoreNotFound(where, f"the file {self.path} is empty, not an isoflow database")

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, mode: str = "IMMEDIATE") -> Iterator[sqlite3.Connection]:
        """One transaction: committed if the block ends normally, rolled back on any exception."""
        with self._lock:
            try:
                self._conn.execute(f"BEGIN {mode}")
                try:
                    yield self._conn
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as error:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise StoreError(f"SQLite database {self.path}: {error}") from None

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise StoreError(f"SQLite database {self.path}: {error}") from None

    def _migrate(self) -> None:
        if self._current_version() == SCHEMA_VERSION:
            return
        with self._transaction() as conn:
            conn.execute(MIGRATIONS_TABLE["sqlite"])
            current = self._current_version()
            if current > SCHEMA_VERSION:
                raise StoreError(f"SQLite database {self.path} has schema version {current}, newer than this "
                                 f"isoflow ({SCHEMA_VERSION}); upgrade isoflow")
            for migration in pending(current):
                for statement in migration.sqlite:
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
                             (migration.version, migration.description, c.text_time(datetime.now(c.VIETNAM))))

    def _current_version(self) -> int:
        exists = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone()
        if not exists:
            return 0
        return int(self._conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0])

    # -- writes -------------------------------------------------------------------------------

    def _remember(self, dossier: Dossier, values: list[object]) -> None:
        """The column values of a row just committed (see ``append``)."""
        written = self._written
        if len(written) >= WRITTEN_MAX:
            for code in list(written)[: WRITTEN_MAX // 4]:  # the oldest quarter
                del written[code]
        written[dossier.code] = (dossier.last_hash, values)

    def _insert_events(self, conn: sqlite3.Connection, dossier: Dossier, events: Sequence[Event]) -> None:
        if len(events) == 1:
            conn.execute(_INSERT_EVENT, _event_values(events[0]))
        else:
            conn.executemany(_INSERT_EVENT, [_event_values(event) for event in events])
        ledger_.record_sqlite(conn, events)
        steps = c.step_rows(dossier, events)
        if len(steps) == 1:  # the usual write: one step left (execute is cheaper than executemany)
            row = steps[0]
            conn.execute(_INSERT_STEP, (*row[:4], _time(row[4]), *row[5:]))
        elif steps:
            conn.executemany(_INSERT_STEP, [(*row[:4], _time(row[4]), *row[5:]) for row in steps])

    def create(self, unit: str, day: date, factory: Factory) -> Dossier:
        c.check_unit(unit)
        with self._transaction() as conn:
            number = int(conn.execute(
                "INSERT INTO code_sequences (unit, day, last) VALUES (?, ?, 1) "
                "ON CONFLICT (unit, day) DO UPDATE SET last = last + 1 RETURNING last",
                (unit, day.isoformat())).fetchone()[0])
            if number > c.MAX_SEQUENCE:
                raise c.sequence_overflow(unit, day)
            code = c.dossier_code(unit, day, number)
            dossier, events = factory(code)
            c.check_new(code, dossier, events)
            values = _dossier_values(dossier)
            conn.execute(_INSERT_DOSSIER, values)
            self._insert_events(conn, dossier, events)
            started = self.revision_digests.get((dossier.process_code, dossier.revision))
            if started is not None:
                conn.execute(ledger_.STARTED_ON_SQLITE, (dossier.process_code, dossier.revision, started, code))
        self._remember(dossier, values)
        return dossier

    def append(self, dossier: Dossier, events: Sequence[Event], expected_version: int) -> None:
        c.check_next(dossier, events, expected_version)
        values = _dossier_values(dossier)
        code, prev_hash = dossier.code, events[0].prev_hash
        with self._lock:  # what _transaction does, inlined on the hot path
            # Only the columns that changed since the row this store wrote last: an index whose
            # columns are not set is not touched (a step rewrote the report index's entry of every
            # open dossier; benchmarks/README.md).  The WHERE clause's version and last hash make
            # the updated row that very row; a column edited by hand since then stays as edited,
            # which verify reports (the columns disagree with the body).
            written = self._written.pop(code, None)
            if written is not None and written[0] == prev_hash:
                before = written[1]
                changed = tuple(i for i in range(1, len(values)) if values[i] != before[i])
                sql, params = _update_of(changed), [*(values[i] for i in changed), code, expected_version, prev_hash]
            else:
                sql, params = _UPDATE_DOSSIER, [*values[1:], code, expected_version, prev_hash]
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    if conn.execute(sql, params).rowcount != 1:
                        self._refuse_append(conn, dossier, expected_version)
                    self._insert_events(conn, dossier, events)
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            except sqlite3.Error as error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise StoreError(f"SQLite database {self.path}: {error}") from None
            self._remember(dossier, values)

    @staticmethod
    def _refuse_append(conn: sqlite3.Connection, dossier: Dossier, expected_version: int) -> None:
        row = conn.execute("SELECT version FROM dossiers WHERE code = ?", (dossier.code,)).fetchone()
        if row is not None and type(row[0]) is not int:  # SQLite keeps any text in an INTEGER column
            raise DossierTampered(dossier.code, f"the row's version column holds {row[0]!r}, not a number")
        raise c.refused_append(dossier.code, None if row is None else row[0], expected_version)

    def claim_due(self, before: datetime, worker: str, now: datetime, lease_seconds: int = 300,
                  limit: int = 100) -> list[Dossier]:
        until = c.local(now) + timedelta(seconds=lease_seconds)
        with self._transaction() as conn:
            # remind_at is never before next_due_at: the due index's range holds every candidate.
            rows = conn.execute(
                "SELECT code, body FROM dossiers WHERE closed = 0 AND next_due_at <= ? AND remind_at <= ? "
                "AND (claimed_until IS NULL OR claimed_until <= ? OR claimed_by = ?) "
                "ORDER BY remind_at, code LIMIT ?",
                (c.text_time(before), c.text_time(before), c.text_time(now), worker, limit)).fetchall()
            conn.executemany("UPDATE dossiers SET claimed_by = ?, claimed_until = ? WHERE code = ?",
                             [(worker, c.text_time(until), code) for code, _ in rows])
        return [codec.read_dossier(body, code) for code, body in rows]

    # -- reads --------------------------------------------------------------------------------

    def load(self, code: str) -> Dossier:
        rows = self._read(_LOAD, (code,))
        if not rows:
            raise DossierNotFound(code)
        body, seq, newest_hash, row_hash = rows[0]
        dossier, replay = integrity.loaded(code, str(body), seq, newest_hash, row_hash)  # type: ignore[arg-type]
        if not replay:
            return dossier
        with self._transaction("DEFERRED") as conn:  # the row and its whole trail in one snapshot
            row = conn.execute("SELECT body FROM dossiers WHERE code = ?", (code,)).fetchone()
            events = conn.execute("SELECT seq, body FROM events WHERE dossier = ? ORDER BY seq", (code,)).fetchall()
        if row is None:
            raise DossierNotFound(code)
        return integrity.replayed(code, str(row[0]), events)

    def history(self, code: str) -> list[Event]:
        with self._transaction("DEFERRED") as conn:
            rows = conn.execute("SELECT seq, body FROM events WHERE dossier = ? ORDER BY seq", (code,)).fetchall()
            if not rows and conn.execute("SELECT 1 FROM dossiers WHERE code = ?", (code,)).fetchone() is None:
                raise DossierNotFound(code)
        return [codec.read_event(body, code, seq) for seq, body in rows]

    def due(self, before: datetime, limit: int = 1000) -> list[Dossier]:
        rows = self._read("SELECT code, body FROM dossiers WHERE closed = 0 AND next_due_at <= ? "
                          "ORDER BY next_due_at, code LIMIT ?", (c.text_time(before), limit))
        return [codec.read_dossier(str(body), str(code)) for code, body in rows]

    def codes(self) -> list[str]:
        return [str(row[0]) for row in self._read("SELECT code FROM dossiers ORDER BY created")]

    # -- indicators ---------------------------------------------------------------------------

    def _period(self, sqls: tuple[str, ...], start: datetime, end: datetime) -> list[list[tuple[Any, ...]]]:
        params = {"start": _time(c.local(start)), "end": _time(c.local(end))}
        with self._transaction("DEFERRED") as conn:  # one snapshot for the queries together
            return [conn.execute(sql, params).fetchall() for sql in sqls]

    def rate(self, code: str, at: datetime, rating: Rating) -> None:
        row = c.rating_row(code, rating)
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM dossiers WHERE code = ?", (code,)).fetchone() is None:
                raise DossierNotFound(code)
            conn.execute("INSERT INTO ratings (dossier, at, overall, complaint, topics, comment) "
                         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dossier) DO UPDATE SET at = excluded.at, "
                         "overall = excluded.overall, complaint = excluded.complaint, topics = excluded.topics, "
                         "comment = excluded.comment", (code, _time(c.local(at)), *row))

    def rating(self, code: str) -> Rating | None:
        rows = self._read("SELECT overall, complaint, topics, comment FROM ratings WHERE dossier = ?", (code,))
        return c.rating_of(rows[0]) if rows else None

    def verify(self, code: str | None = None) -> list[ChainProblem]:
        where, params = ("WHERE code = ?", (code,)) if code is not None else ("", ())
        with self._transaction("DEFERRED") as conn:  # one snapshot: rows, events and sequences agree
            rows = conn.execute(f"SELECT code, body, {', '.join(integrity.VERIFY_COLUMNS)} FROM dossiers "  # noqa: S608
                                f"{where} ORDER BY created", params).fetchall()
            event_where = "WHERE dossier = ?" if code is not None else ""
            events = conn.execute(f"SELECT dossier, seq, body, row_hash FROM events {event_where} "  # noqa: S608
                                  "ORDER BY dossier, seq", params).fetchall()
            unit_where, units = integrity.sequences_of(code, "?", day_as_text=True)
            sequences = conn.execute(f"SELECT unit, day, last FROM code_sequences {unit_where} "  # noqa: S608
                                     "ORDER BY unit, day", units).fetchall()
            steps = conn.execute(f"SELECT {', '.join(integrity.STEP_COLUMNS)} FROM step_times {event_where} "  # noqa: S608
                                 "ORDER BY dossier, seq", params).fetchall()
            hashes = conn.execute(f"SELECT dossier, seq, hash FROM events {event_where} ORDER BY dossier, seq",  # noqa: S608
                                  params).fetchall()
            snapshot = self._ledger(conn, code)
        found = integrity.store_problems(code, rows, events, sequences, steps, _time)
        return found + ledger_.problems(code, hashes, snapshot)

    # -- the ledger and the revisions dossiers started on (isoflow.store.ledger) ----------------

    def _ledger(self, conn: sqlite3.Connection, code: str | None = None, after: int | None = 0,
                rows: bool = True) -> ledger_.Snapshot:
        identity = conn.execute("SELECT id FROM store_identity").fetchone()
        newest = after is None  # only the newest checkpoint, and the rows after it
        if after is None:
            after = int(conn.execute("SELECT COALESCE(MAX(upto), 0) FROM checkpoints").fetchone()[0])
        where, params = ("WHERE dossier = ?", (code,)) if code is not None else ("WHERE seq > ?", (after,))
        found = conn.execute(f"SELECT seq, dossier, event, hash FROM ledger {where} ORDER BY seq",  # noqa: S608
                             params).fetchall() if rows else []
        checkpoints = [] if code is not None else conn.execute(
            ledger_.NEWEST_CHECKPOINT if newest else ledger_.CHECKPOINTS).fetchall()
        return ledger_.Snapshot(str(identity[0]) if identity else "", ledger_.rows_of(found),
                                ledger_.checkpoints_of(checkpoints))

    def ledger(self, after: int | None = 0, *, sealing: bool = False, rows: bool = True) -> ledger_.Snapshot:
        """The store's id, its ledger rows after ``after`` and every checkpoint, in one snapshot
        (``after=None``: the rows after the newest checkpoint, and that checkpoint only; ``rows=False``:
        no rows).  SQLite has one writer: no write is ever half-way in a snapshot (``sealing`` is moot)."""
        with self._transaction("DEFERRED") as conn:
            return self._ledger(conn, None, after, rows)

    def add_checkpoint(self, checkpoint: ledger_.Checkpoint, previous: int) -> None:
        """Store ``checkpoint`` if the newest checkpoint is still number ``previous``."""
        with self._transaction() as conn:
            ledger_.check_next_checkpoint(conn.execute("SELECT COALESCE(MAX(number), 0) FROM checkpoints")
                                          .fetchone()[0], previous, checkpoint)
            conn.execute("INSERT INTO checkpoints (number, upto, root, signature) VALUES (?, ?, ?, ?)",
                         (checkpoint.number, checkpoint.upto, checkpoint.root, checkpoint.signature))

    def started_on_other(self, process_code: str, revision: int, digest: str, limit: int = 20) -> tuple[int, list[str]]:
        """How many dossiers of the revision started on other content than ``digest``, and the first codes."""
        rows = self._read(ledger_.OTHER_STARTS, (process_code, revision, digest))
        return len(rows), sorted(str(r[0]) for r in rows)[:limit]

    def schema_version(self) -> int:
        with self._lock:
            try:
                return self._current_version()
            except sqlite3.Error as error:
                raise StoreError(f"SQLite database {self.path}: {error}") from None

    def close(self) -> None:
        with self._lock:
            self._conn.close()
