"""The multi-node store: PostgreSQL through psycopg 3, many workers on one database.

Isolation is READ COMMITTED with row locks where it matters: the daily code counter is one
row bumped by ``INSERT ... ON CONFLICT DO UPDATE`` (concurrent receipts of one unit queue on
it until commit, so a rolled-back receipt leaves no gap); a write is an
``UPDATE ... WHERE version = expected`` (zero rows: someone else wrote first); deadline scans
lease rows with ``FOR UPDATE SKIP LOCKED``.  Times are ``timestamp without time zone`` holding
Vietnamese wall-clock time, like the rest of isoflow.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import unquote

import psycopg

from isoflow.errors import DossierNotFound, StoreError, StoreNotFound
from isoflow.indicators.formulas import Rating
from isoflow.model.dossier import Dossier, Event
from isoflow.store import _common as c
from isoflow.store import _indicators as ind
from isoflow.store import _integrity as integrity
from isoflow.store import codec
from isoflow.store import ledger as ledger_
from isoflow.store._api import ChainProblem, Factory
from isoflow.store.schema import ISOFLOW_TABLES, MIGRATIONS_TABLE, SCHEMA_VERSION, pending

CONNECT_TIMEOUT_S = 10

_DOSSIER_COLUMNS = c.ROW_COLUMNS
_EVENT_COLUMNS = ("dossier", "seq", "kind", "at", "actor", "hash", "prev_hash", "row_hash")
# Bodies are sent as JSON text (encoded once, the event's being the text its hash covers).
_INSERT_DOSSIER = (f"INSERT INTO dossiers ({', '.join(_DOSSIER_COLUMNS)}, body) "  # noqa: S608
                   f"VALUES ({', '.join('%s' for _ in _DOSSIER_COLUMNS)}, %s::jsonb)")
_UPDATE_DOSSIER = (f"UPDATE dossiers SET {', '.join(f'{n} = %s' for n in _DOSSIER_COLUMNS[1:])}, "  # noqa: S608
                   "body = %s::jsonb WHERE code = %s AND version = %s AND last_hash = %s")
_INSERT_EVENT = (f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}, body) "  # noqa: S608
                 f"VALUES ({', '.join('%s' for _ in _EVENT_COLUMNS)}, %s::jsonb)")
# The row and its newest event's columns, in one statement (one snapshot): what load() checks.
_LOAD = ("SELECT d.body, e.seq, e.hash, e.row_hash FROM dossiers AS d LEFT JOIN events AS e ON e.dossier = d.code "
         "AND e.seq = (SELECT MAX(seq) FROM events WHERE dossier = d.code) WHERE d.code = %s")
_INSERT_STEP = ("INSERT INTO step_times (dossier, seq, process_code, step, at, worked_min, result, weight) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)")
_PASSWORD_PARAMETER = re.compile(r"([?&]password=)([^&]*)")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _userinfo_password(url: str) -> tuple[int, int] | None:
    """Where the password of ``scheme://user:password@host`` lies in ``url`` (start, end).

    Up to the *last* ``@`` before the path or query: a password holding an unencoded ``@`` is
    still all hidden (libpq itself would cut it at the first one and take the rest for a host)."""
    start = url.find("://")
    if start < 0:
        return None
    start += 3
    query = url.find("?", start)
    authority = url[start:query] if query >= 0 else url[start:]
    at = authority.rfind("@")
    colon = authority.find(":", 0, at) if at >= 0 else -1
    if colon < 0:
        return None
    return start + colon + 1, start + at


def _secrets(url: str) -> list[str]:
    """Every password text of ``url``: as written, percent-decoded, and each ``@``-separated piece
    of it (longest first), for scrubbing a driver's message."""
    found = []
    where = _userinfo_password(url)
    if where is not None:
        found.append(url[where[0]:where[1]])
    found.extend(match.group(2) for match in _PASSWORD_PARAMETER.finditer(url))
    texts: set[str] = set()
    for secret in found:
        texts.update((secret, unquote(secret), *secret.split("@")))
    return sorted((text for text in texts if len(text) >= 3), key=len, reverse=True)


def redact(url: str) -> str:
    """The URL without its password, fit for a message."""
    where = _userinfo_password(url)
    if where is not None:
        url = f"{url[:where[0]]}***{url[where[1]:]}"
    return _PASSWORD_PARAMETER.sub(r"\1***", url)


def check_url(url: str) -> None:
    """Refuse, in words that never quote the password, a URL that libpq would misread and then
    quote whole in its message (psycopg passes the message on)."""
    where = _userinfo_password(url)
    passwords = [url[where[0]:where[1]]] if where is not None else []
    passwords += [match.group(2) for match in _PASSWORD_PARAMETER.finditer(url)]
    for password in passwords:
        if "@" in password:
            raise StoreError(f"PostgreSQL URL {redact(url)}: the password holds an '@'; write it as %40")
        if _PERCENT.search(password):
            raise StoreError(f"PostgreSQL URL {redact(url)}: the password holds a '%' that does not begin a "
                             "percent-encoded byte (%XX); write a '%' as %25")


def _first_line(error: BaseException, url: str | None = None) -> str:
    """The first line of a driver's message; with ``url``, every trace of its password scrubbed
    (libpq quotes a malformed URL whole, or a piece of it)."""
    text = str(error).strip()
    line = text.splitlines()[0] if text else type(error).__name__
    if url is not None:
        line = line.replace(url, redact(url))
        for secret in _secrets(url):
            line = line.replace(secret, "***")
    return line


class PostgresStore(ind.ReportQueries):
    """Dossiers and events in one PostgreSQL schema (see :class:`isoflow.store.Store`).

    The tables live in the first schema of the connection's ``search_path``; pass
    ``?options=-csearch_path%3Dname`` in the URL to use another schema than ``public``.
    """

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = redact(url)
        self._given = url  # only to scrub its password from a driver's message
        self._lock = threading.RLock()
        #: (process code, revision) -> the digest of the revision's content (see SQLiteStore).
        self.revision_digests: dict[tuple[str, int], str] = {}
        check_url(url)
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                                         application_name="isoflow")
        except psycopg.Error as error:
            raise StoreError(f"cannot connect to PostgreSQL at {self.url}: {_first_line(error, url)}") from None
        try:
            if not create:
                self._check_exists()
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as error:
            raise StoreError(f"PostgreSQL at {self.url}: {_first_line(error, self._given)}") from None

    @contextmanager
    def _transaction(self, snapshot: bool = False) -> Iterator[psycopg.Cursor[Any]]:
        """One transaction: committed if the block ends normally, rolled back on any exception."""
        with self._lock, self._errors(), self._conn.transaction(), self._conn.cursor() as cursor:
            if snapshot:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield cursor

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        with self._lock, self._errors(), self._conn.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _schema_state(self) -> tuple[str | None, int | None]:
        """(the first schema of the search_path, isoflow's schema version there or None if it has
        no ``schema_migrations``), read without writing anything; StoreError if that schema holds
        another program's ``schema_migrations`` (Rails, dbmate) or lacks isoflow's tables beside it."""
        with self._transaction() as cursor:
            cursor.execute("SELECT current_schema()")
            schema = _one(cursor)[0]
            # pg_catalog, not information_schema: a role that may read only some columns sees all.
            cursor.execute("SELECT c.relname, a.attname FROM pg_class c "
                           "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid "
                           "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 "
                           "AND NOT a.attisdropped AND c.relname = ANY(%s)", (list(ISOFLOW_TABLES),))
            found: dict[str, set[str]] = {}
            for table, column in cursor.fetchall():
                found.setdefault(table, set()).add(column)
            if "schema_migrations" not in found:
                return schema, None
            if not all(columns <= found.get(table, set()) for table, columns in ISOFLOW_TABLES.items()):
                raise StoreError(f"PostgreSQL database {self.url}: schema {schema!r} has a schema_migrations "
                                 "table that is not isoflow's (another program's, or isoflow's tables are missing)")
            cursor.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
            return schema, int(_one(cursor)[0])

    def _check_exists(self) -> None:
        """StoreNotFound unless the first schema of the search_path holds isoflow's tables."""
        schema, version = self._schema_state()
        if schema is None:
            raise StoreNotFound(self.url, "no schema of its search_path exists")
        if version is None:
            raise StoreNotFound(self.url, f"schema {schema!r} has no isoflow tables")

    def _migrate(self) -> None:
        # Read first, without writing: a current schema needs no lock and no DDL (a read-only
        # connection, e.g. default_transaction_read_only or a role with SELECT only, can verify).
        _, version = self._schema_state()
        if version == SCHEMA_VERSION:
            return
        with self._transaction() as cursor:
            # Several workers may open a fresh database at once: one migrates, the others wait.
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('isoflow-migrate:' || current_schema()))")
            cursor.execute(MIGRATIONS_TABLE["postgres"])
            cursor.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
            current = int(_one(cursor)[0])
            if current > SCHEMA_VERSION:
                raise StoreError(f"PostgreSQL database {self.url} has schema version {current}, newer than this "
                                 f"isoflow ({SCHEMA_VERSION}); upgrade isoflow")
            for migration in pending(current):
                for statement in migration.postgres:
                    cursor.execute(statement)
                cursor.execute("INSERT INTO schema_migrations (version, description) VALUES (%s, %s)",
                               (migration.version, migration.description))

    # -- writes -------------------------------------------------------------------------------

    def _insert_dossier(self, cursor: psycopg.Cursor[Any], dossier: Dossier) -> None:
        values = c.row_values(dossier, _same)
        values.append(codec.dossier_body(dossier))
        cursor.execute(_INSERT_DOSSIER, values)

    def _update_dossier(self, cursor: psycopg.Cursor[Any], dossier: Dossier, expected_version: int,
                        prev_hash: str) -> None:
        values = c.row_values(dossier, _same)
        values += (codec.dossier_body(dossier), values.pop(0), expected_version, prev_hash)
        cursor.execute(_UPDATE_DOSSIER, values)

    def _insert_events(self, cursor: psycopg.Cursor[Any], dossier: Dossier, events: Sequence[Event]) -> None:
        rows = []
        for event in events:
            values = c.event_values(event, _same)
            values.append(codec.event_body(event))
            rows.append(values)
        if len(rows) == 1:
            cursor.execute(_INSERT_EVENT, rows[0])
        else:
            cursor.executemany(_INSERT_EVENT, rows)
        ledger_.record_postgres(cursor, events)
        steps = c.step_rows(dossier, events)
        if steps:
            cursor.executemany(_INSERT_STEP, steps)

    def create(self, unit: str, day: date, factory: Factory) -> Dossier:
        c.check_unit(unit)
        with self._transaction() as cursor:
            cursor.execute("INSERT INTO code_sequences (unit, day, last) VALUES (%s, %s, 1) "
                           "ON CONFLICT (unit, day) DO UPDATE SET last = code_sequences.last + 1 RETURNING last",
                           (unit, day))
            number = int(_one(cursor)[0])
            if number > c.MAX_SEQUENCE:
                raise c.sequence_overflow(unit, day)
            code = c.dossier_code(unit, day, number)
            dossier, events = factory(code)
            c.check_new(code, dossier, events)
            self._insert_dossier(cursor, dossier)
            self._insert_events(cursor, dossier, events)
            started = self.revision_digests.get((dossier.process_code, dossier.revision))
            if started is not None:
                cursor.execute(ledger_.STARTED_ON_POSTGRES, (dossier.process_code, dossier.revision, started, code))
        return dossier

    def append(self, dossier: Dossier, events: Sequence[Event], expected_version: int) -> None:
        c.check_next(dossier, events, expected_version)
        with self._lock:
            failure: psycopg.Error | None = None
            try:
                # Pipelined: BEGIN, the conditional UPDATE and the INSERTs go to the server in one
                # round trip, then COMMIT (five round trips before, each waited for while the row
                # stayed locked); the UPDATE's row count is read before COMMIT, and anything but
                # one row rolls the whole write back.  On one machine the writers are bound by
                # their CPU and gain little; across a network each round trip saved is a latency.
                with self._conn.pipeline() as pipeline, self._conn.transaction(), \
                        self._conn.cursor() as update, self._conn.cursor() as cursor:
                    self._update_dossier(update, dossier, expected_version, events[0].prev_hash)
                    self._insert_events(cursor, dossier, events)
                    pipeline.sync()
                    if update.rowcount == 1:
                        return
                    raise _Refused
            except _Refused:
                pass
            except psycopg.Error as error:  # e.g. the event's key taken by the write that made it stale
                failure = error
            with self._errors(), self._conn.cursor() as cursor:
                cursor.execute("SELECT version FROM dossiers WHERE code = %s", (dossier.code,))
                row = cursor.fetchone()
            stored = None if row is None else int(row[0])
            if failure is not None and stored == expected_version:
                raise StoreError(f"PostgreSQL at {self.url}: {_first_line(failure, self._given)}") from None
            raise c.refused_append(dossier.code, stored, expected_version)

    def claim_due(self, before: datetime, worker: str, now: datetime, lease_seconds: int = 300,
                  limit: int = 100) -> list[Dossier]:
        now = c.local(now)
        until = now + timedelta(seconds=lease_seconds)
        with self._transaction() as cursor:
            cursor.execute(
                # remind_at is never before next_due_at: the due index's range holds every candidate.
                "WITH picked AS (SELECT code FROM dossiers WHERE NOT closed AND next_due_at <= %s "
                "AND remind_at <= %s AND (claimed_until IS NULL OR claimed_until <= %s OR claimed_by = %s) "
                "ORDER BY remind_at, code LIMIT %s FOR UPDATE SKIP LOCKED) "
                "UPDATE dossiers AS d SET claimed_by = %s, claimed_until = %s FROM picked "
                "WHERE d.code = picked.code RETURNING d.code, d.next_due_at, d.body",
                (c.local(before), c.local(before), now, worker, limit, worker, until))
            rows = cursor.fetchall()
        rows.sort(key=lambda row: (row[1], row[0]))
        return [codec.read_dossier(body, code) for code, _, body in rows]

    # -- reads --------------------------------------------------------------------------------

    def load(self, code: str) -> Dossier:
        rows = self._read(_LOAD, (code,))
        if not rows:
            raise DossierNotFound(code)
        body, seq, newest_hash, row_hash = rows[0]
        dossier, replay = integrity.loaded(code, body, seq, newest_hash, row_hash)
        if not replay:
            return dossier
        with self._transaction(snapshot=True) as cursor:  # the row and its whole trail in one snapshot
            cursor.execute("SELECT body FROM dossiers WHERE code = %s", (code,))
            row = cursor.fetchone()
            cursor.execute("SELECT seq, body FROM events WHERE dossier = %s ORDER BY seq", (code,))
            events = cursor.fetchall()
        if row is None:
            raise DossierNotFound(code)
        return integrity.replayed(code, row[0], events)

    def history(self, code: str) -> list[Event]:
        with self._transaction(snapshot=True) as cursor:
            cursor.execute("SELECT seq, body FROM events WHERE dossier = %s ORDER BY seq", (code,))
            rows = cursor.fetchall()
            if not rows:
                cursor.execute("SELECT 1 FROM dossiers WHERE code = %s", (code,))
                if cursor.fetchone() is None:
                    raise DossierNotFound(code)
        return [codec.read_event(body, code, seq) for seq, body in rows]

    def due(self, before: datetime, limit: int = 1000) -> list[Dossier]:
        rows = self._read("SELECT code, body FROM dossiers WHERE NOT closed AND next_due_at <= %s "
                          "ORDER BY next_due_at, code LIMIT %s", (c.local(before), limit))
        return [codec.read_dossier(body, code) for code, body in rows]

    def codes(self) -> list[str]:
        return [row[0] for row in self._read("SELECT code FROM dossiers ORDER BY created")]

    # -- indicators ---------------------------------------------------------------------------

    def _period(self, sqls: tuple[str, ...], start: datetime, end: datetime) -> list[list[tuple[Any, ...]]]:
        params = {"start": c.local(start), "end": c.local(end)}
        results = []
        with self._transaction(snapshot=True) as cursor:  # one snapshot for the queries together
            for sql in sqls:
                cursor.execute(ind.for_postgres(sql), params)
                results.append(cursor.fetchall())
        return results

    def rate(self, code: str, at: datetime, rating: Rating) -> None:
        row = c.rating_row(code, rating)
        with self._transaction() as cursor:
            cursor.execute("SELECT 1 FROM dossiers WHERE code = %s", (code,))
            if cursor.fetchone() is None:
                raise DossierNotFound(code)
            cursor.execute("INSERT INTO ratings (dossier, at, overall, complaint, topics, comment) "
                           "VALUES (%s, %s, %s, %s, %s::jsonb, %s) ON CONFLICT (dossier) DO UPDATE SET "
                           "at = excluded.at, overall = excluded.overall, complaint = excluded.complaint, "
                           "topics = excluded.topics, comment = excluded.comment", (code, c.local(at), *row))

    def rating(self, code: str) -> Rating | None:
        rows = self._read("SELECT overall, complaint, topics::text, comment FROM ratings WHERE dossier = %s", (code,))
        return c.rating_of(rows[0]) if rows else None

    def verify(self, code: str | None = None) -> list[ChainProblem]:
        where, params = ("WHERE code = %s", (code,)) if code is not None else ("", ())
        with self._transaction(snapshot=True) as cursor:  # one snapshot: rows, events and sequences agree
            cursor.execute(f"SELECT code, body, {', '.join(integrity.VERIFY_COLUMNS)} FROM dossiers "  # noqa: S608
                           f"{where} ORDER BY created", params)
            rows = cursor.fetchall()
            event_where = "WHERE dossier = %s" if code is not None else ""
            cursor.execute(f"SELECT dossier, seq, body, row_hash FROM events {event_where} "  # noqa: S608
                           "ORDER BY dossier, seq", params)
            events = cursor.fetchall()
            unit_where, units = integrity.sequences_of(code, "%s", day_as_text=False)
            cursor.execute(f"SELECT unit, day, last FROM code_sequences {unit_where} "  # noqa: S608
                           "ORDER BY unit, day", units)
            sequences = cursor.fetchall()
            cursor.execute(f"SELECT {', '.join(integrity.STEP_COLUMNS)} FROM step_times {event_where} "  # noqa: S608
                           "ORDER BY dossier, seq", params)
            steps = cursor.fetchall()
            cursor.execute(f"SELECT dossier, seq, hash FROM events {event_where} ORDER BY dossier, seq",  # noqa: S608
                           params)
            hashes = cursor.fetchall()
            snapshot = self._ledger(cursor, code)
        # step_times.at is a timestamp without time zone: it comes back as the naive local time written.
        found = integrity.store_problems(code, rows, events, sequences, steps, lambda at: at)
        return found + ledger_.problems(code, hashes, snapshot)

    # -- the ledger and the revisions dossiers started on (isoflow.store.ledger) ----------------

    @staticmethod
    def _ledger(cursor: psycopg.Cursor[Any], code: str | None = None, after: int | None = 0,
                rows: bool = True) -> ledger_.Snapshot:
        cursor.execute("SELECT id FROM store_identity")
        identity = cursor.fetchone()
        newest = after is None  # only the newest checkpoint, and the rows after it
        if after is None:
            cursor.execute("SELECT COALESCE(MAX(upto), 0) FROM checkpoints")
            after = int(_one(cursor)[0])
        found: list[Any] = []
        if rows:
            where, params = ("WHERE dossier = %s", (code,)) if code is not None else ("WHERE seq > %s", (after,))
            cursor.execute(f"SELECT seq, dossier, event, hash FROM ledger {where} ORDER BY seq", params)  # noqa: S608
            found = cursor.fetchall()
        checkpoints: list[Any] = []
        if code is None:
            cursor.execute(ledger_.NEWEST_CHECKPOINT if newest else ledger_.CHECKPOINTS)
            checkpoints = cursor.fetchall()
        return ledger_.Snapshot(str(identity[0]) if identity else "", ledger_.rows_of(found),
                                ledger_.checkpoints_of(checkpoints))

    def ledger(self, after: int | None = 0, *, sealing: bool = False, rows: bool = True) -> ledger_.Snapshot:
        """The store's id, its ledger rows after ``after`` and every checkpoint, in one snapshot
        (``after=None``: the rows after the newest checkpoint, and that checkpoint only; ``rows=False``:
        no rows).  ``sealing``: first wait for the writes in flight and hold new ones back while
        reading (the numbers come from a sequence, taken before commit: without it a lower number
        could still commit after the rows a checkpoint sealed)."""
        if not sealing:
            with self._transaction(snapshot=True) as cursor:
                return self._ledger(cursor, None, after, rows)
        with self._transaction() as cursor:
            cursor.execute("LOCK TABLE ledger IN SHARE MODE")
            return self._ledger(cursor, None, after, rows)

    def add_checkpoint(self, checkpoint: ledger_.Checkpoint, previous: int) -> None:
        """Store ``checkpoint`` if the newest checkpoint is still number ``previous``."""
        with self._transaction() as cursor:
            cursor.execute("LOCK TABLE checkpoints IN EXCLUSIVE MODE")
            cursor.execute("SELECT COALESCE(MAX(number), 0) FROM checkpoints")
            ledger_.check_next_checkpoint(_one(cursor)[0], previous, checkpoint)
            cursor.execute("INSERT INTO checkpoints (number, upto, root, signature) VALUES (%s, %s, %s, %s)",
                           (checkpoint.number, checkpoint.upto, checkpoint.root, checkpoint.signature))

    def started_on_other(self, process_code: str, revision: int, digest: str, limit: int = 20) -> tuple[int, list[str]]:
        """How many dossiers of the revision started on other content than ``digest``, and the first codes."""
        rows = self._read(ledger_.OTHER_STARTS.replace("?", "%s"), (process_code, revision, digest))
        return len(rows), sorted(str(r[0]) for r in rows)[:limit]

    def schema_version(self) -> int:
        return int(self._read("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0][0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class _Refused(Exception):
    """The conditional update changed no row: roll the write back, then say why."""


def _same(value: datetime | None) -> datetime | None:
    """A time as psycopg binds it (``timestamp without time zone``): as it is."""
    return value


def _one(cursor: psycopg.Cursor[Any]) -> tuple[Any, ...]:
    row = cursor.fetchone()
    if row is None:
        raise StoreError("PostgreSQL returned no row where one was expected")
    return tuple(row)
