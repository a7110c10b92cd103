"""Official documents in the store (schema 8): numbering series, the numbers given, document
records, attachments by SHA-256, and the status of each copy sent.

A document runs on a document process as a dossier (same rows, same hash-chained events); what
this module adds is written **in the same transaction** as the dossier's move:

* a number (Decree 30/2020 Art. 15; Art. 22(2) for the incoming number) is taken with one
  ``INSERT ... ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last`` on the series' row,
  which the database serialises (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: the row's lock), and
  recorded in ``document_numbers`` (primary key: a number is never given twice).  If the move
  is refused or fails, the transaction rolls back and the number was never taken: numbers are
  skipped only when a cancellation is recorded (:meth:`DocumentStore.cancel`);
* the document record (``documents``) is written with the dossier that creates it and updated
  with the move that numbers it;
* attachments are content-addressed: a file database keeps their bytes in a folder beside it
  (``<database>.files/ab/abcdef...``, written atomically, never changed: the name is the
  content's hash), an in-memory SQLite database and PostgreSQL in ``document_files.data``
  (bytea); ``document_files`` lists every file with its size either way.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from isoflow.errors import AttachmentError, DocumentNotFound, NumberingError, StoreError
from isoflow.model.dossier import Dossier, Event
from isoflow.store import _common as c
from isoflow.store._api import Store

__all__ = ["DocumentRow", "DocumentStore", "NumberGiven", "SeriesKey"]

_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class SeriesKey:
    """A numbering series: the agency (its code), the year and the series id."""

    agency: str
    year: int
    series: str

    def __str__(self) -> str:
        return f"{self.agency}/{self.year}/{self.series}"


@dataclass(frozen=True, slots=True)
class NumberGiven:
    """One number of a series: the document that took it, when, and its cancellation if any."""

    number: int
    document: str
    taken_at: datetime
    cancelled_at: datetime | None
    reason: str


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """The ``documents`` row of a document: the columns the registers query, and the record's JSON."""

    code: str
    direction: str
    agency: str
    issuer: str
    number: str | None
    notation: str
    issued_on: date | None
    arrival: int | None
    received_on: date | None
    body: str


#: Builds the move that records a number: (dossier, sealed events, expected version, row).
NumberedMove = Callable[[int], tuple[Dossier, Sequence[Event], int, DocumentRow | None]]
#: Builds a new document's dossier, events and row once the store has allocated its code.
DocumentFactory = Callable[[str], tuple[Dossier, Sequence[Event], DocumentRow]]


class DocumentStore:
    """The document tables of one store (SQLite or PostgreSQL), beside its dossiers."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._postgres = type(store).__name__ == "PostgresStore"
        path = getattr(store, "path", None)
        #: Where a file database keeps attachment bytes; None: in the table.
        self.files: Path | None = None if self._postgres or path in (None, ":memory:") else Path(f"{path}.files")

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def _work(self) -> Iterator[_Work]:
        with self.store._transaction() as handle:  # type: ignore[attr-defined]
            work = _Work(self, handle)
            yield work
        for done in work.after:
            done()

    def create(self, unit: str, day: date, factory: DocumentFactory) -> Dossier:
        """A new document: its dossier (next code of ``unit`` on ``day``), first events and row,
        in one transaction."""
        c.check_unit(unit)
        with self._work() as work:
            number = int(work.one("INSERT INTO code_sequences (unit, day, last) VALUES (?, ?, 1) "
                                  "ON CONFLICT (unit, day) DO UPDATE SET last = code_sequences.last + 1 RETURNING last",
                                  (unit, day))[0])
            if number > c.MAX_SEQUENCE:
                raise c.sequence_overflow(unit, day)
            code = c.dossier_code(unit, day, number)
            dossier, events, row = factory(code)
            c.check_new(code, dossier, events)
            work.insert_dossier(dossier, events)
            work.save_row(row)
        return dossier

    def append(self, dossier: Dossier, events: Sequence[Event], expected_version: int,
               row: DocumentRow | None = None) -> None:
        """A move of a document (and its row, when it changed), in one transaction."""
        c.check_next(dossier, events, expected_version)
        with self._work() as work:
            work.update_dossier(dossier, events, expected_version)
            if row is not None:
                work.save_row(row)

    def take_and_append(self, key: SeriesKey, at: datetime, build: NumberedMove) -> int:
        """Take the next number of ``key`` and write the move ``build(number)`` records, in one
        transaction; a refusal from ``build`` or a stale dossier rolls the number back."""
        _check_key(key)
        with self._work() as work:
            number = int(work.one("INSERT INTO document_series (agency, year, series, last) VALUES (?, ?, ?, 1) "
                                  "ON CONFLICT (agency, year, series) DO UPDATE SET last = document_series.last + 1 "
                                  "RETURNING last", (key.agency, key.year, key.series))[0])
            dossier, events, expected_version, row = build(number)
            c.check_next(dossier, events, expected_version)
            work.run("INSERT INTO document_numbers (agency, year, series, number, document, taken_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (key.agency, key.year, key.series, number, dossier.code, at))
            work.update_dossier(dossier, events, expected_version)
            if row is not None:
                work.save_row(row)
        return number

    def cancel(self, key: SeriesKey, number: int, reason: str, at: datetime) -> None:
        """Record that ``number`` of ``key`` is cancelled (the one way a number may be missing)."""
        if not reason.strip():
            raise NumberingError("a cancelled number needs its reason")
        with self._work() as work:
            rows = work.run("SELECT cancelled_at FROM document_numbers WHERE agency = ? AND year = ? AND series = ? "
                            "AND number = ?", (key.agency, key.year, key.series, number))
            if not rows:
                raise NumberingError(f"number {number} of series {key} was never given")
            if rows[0][0] is not None:
                raise NumberingError(f"number {number} of series {key} is already cancelled")
            work.run("UPDATE document_numbers SET cancelled_at = ?, reason = ? WHERE agency = ? AND year = ? "
                     "AND series = ? AND number = ?", (at, reason, key.agency, key.year, key.series, number))

    # -- reads --------------------------------------------------------------------------------

    def numbers(self, key: SeriesKey) -> list[NumberGiven]:
        """Every number given in ``key``, in order."""
        rows = self._read("SELECT number, document, taken_at, cancelled_at, reason FROM document_numbers "
                          "WHERE agency = ? AND year = ? AND series = ? ORDER BY number",
                          (key.agency, key.year, key.series))
        return [NumberGiven(int(r[0]), str(r[1]), _time(r[2]), _time(r[3]) if r[3] is not None else None,
                            str(r[4] or "")) for r in rows]

    def last_number(self, key: SeriesKey) -> int:
        rows = self._read("SELECT last FROM document_series WHERE agency = ? AND year = ? AND series = ?",
                          (key.agency, key.year, key.series))
        return int(rows[0][0]) if rows else 0

    def row(self, code: str) -> DocumentRow:
        rows = self._read(f"SELECT {_ROW_COLUMNS} FROM documents WHERE code = ?", (code,))  # noqa: S608
        if not rows:
            raise DocumentNotFound(f"no document is recorded under {code}")
        return _row(rows[0])

    def rows(self, agency: str, direction: str, start: date, end: date) -> list[DocumentRow]:
        """The documents of a register for ``[start, end]``: outgoing by date issued, incoming by
        date received; in number order."""
        column, order = ("issued_on", "CAST(number AS INTEGER)") if direction == "outgoing" else \
            ("received_on", "arrival")
        rows = self._read(f"SELECT {_ROW_COLUMNS} FROM documents WHERE agency = ? AND direction = ? "  # noqa: S608
                          f"AND {column} >= ? AND {column} <= ? AND number IS NOT NULL "
                          f"ORDER BY {column}, {order}, code", (agency, direction, start, end))
        return [_row(r) for r in rows]

    def same_incoming(self, agency: str, issuer: str, number: str, notation: str, issued_on: date) -> list[str]:
        """Codes of incoming documents already recorded with this issuer, number, notation and
        date (Phụ lục VI I.III: warn the văn thư about a duplicate)."""
        rows = self._read("SELECT code FROM documents WHERE direction = 'incoming' AND issuer = ? AND number = ? "
                          "AND notation = ? AND issued_on = ? AND agency = ? ORDER BY code",
                          (issuer, number, notation, issued_on, agency))
        return [str(r[0]) for r in rows]

    def codes(self, direction: str | None = None) -> list[str]:
        if direction is None:
            return [str(r[0]) for r in self._read("SELECT code FROM documents ORDER BY code")]
        return [str(r[0]) for r in self._read("SELECT code FROM documents WHERE direction = ? ORDER BY code",
                                              (direction,))]

    # -- attachments --------------------------------------------------------------------------

    def put_file(self, data: bytes) -> str:
        """Keep ``data`` (once, by content); its SHA-256 in hex."""
        digest = hashlib.sha256(data).hexdigest()
        if self.files is not None:
            _write_once(self._file_path(digest), data)
            blob: bytes | None = None
        else:
            blob = data
        with self._work() as work:
            work.run("INSERT INTO document_files (sha256, size, data) VALUES (?, ?, ?) "
                     "ON CONFLICT (sha256) DO NOTHING", (digest, len(data), blob))
        return digest

    def get_file(self, digest: str) -> bytes:
        """The bytes kept under ``digest``; :class:`AttachmentError` when they are missing or no
        longer hash to it."""
        if not _SHA256.fullmatch(digest):
            raise AttachmentError(f"{digest!r} is not a SHA-256 in hex")
        if self.files is not None:
            try:
                data = self._file_path(digest).read_bytes()
            except FileNotFoundError:
                raise AttachmentError(f"the file {digest[:12]}... is missing from {self.files}") from None
            except OSError as error:
                raise AttachmentError(f"cannot read the file {digest[:12]}...: {error.strerror}") from None
        else:
            rows = self._read("SELECT data FROM document_files WHERE sha256 = ?", (digest,))
            if not rows or rows[0][0] is None:
                raise AttachmentError(f"the file {digest[:12]}... is missing from the database")
            data = bytes(rows[0][0])
        if hashlib.sha256(data).hexdigest() != digest:
            raise AttachmentError(f"the file {digest[:12]}... was changed: its content no longer has the hash "
                                  "the document's events recorded")
        return data

    def _file_path(self, digest: str) -> Path:
        assert self.files is not None
        return self.files / digest[:2] / digest

    # -- deliveries (edXML status messages) ---------------------------------------------------

    def add_delivery(self, document: str, organ_id: str, status: str, at: datetime, note: str = "") -> bool:
        """Record a status of ``document`` at ``organ_id``; False if that very status was already
        recorded at that time (a message delivered twice)."""
        with self._work() as work:
            rows = work.run("INSERT INTO document_deliveries (document, organ_id, status, at, note) "
                            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING status",
                            (document, organ_id, status, at, note))
        return bool(rows)

    def deliveries(self, document: str) -> list[tuple[str, str, datetime, str]]:
        """(OrganId, status, time, note) of ``document``, oldest first."""
        rows = self._read("SELECT organ_id, status, at, note FROM document_deliveries WHERE document = ? "
                          "ORDER BY at, organ_id, status", (document,))
        return [(str(r[0]), str(r[1]), _time(r[2]), str(r[3])) for r in rows]

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """A read outside any write transaction (a read-only connection can serve it)."""
        converted = _Work(self, None)._params(params)
        if self._postgres:
            sql = sql.replace("?", "%s")
        return list(self.store._read(sql, converted))  # type: ignore[attr-defined]


_ROW_COLUMNS = "code, direction, agency, issuer, number, notation, issued_on, arrival, received_on, body"


class _Work:
    """One transaction of either backend, with ``?`` placeholders and Python dates and times."""

    def __init__(self, owner: DocumentStore, handle: Any) -> None:
        self.owner = owner
        self.handle = handle
        self.after: list[Callable[[], None]] = []

    def _params(self, params: Sequence[object]) -> list[object]:
        out: list[object] = []
        for value in params:
            if isinstance(value, datetime):
                value = c.local(value) if self.owner._postgres else c.text_time(value)
            elif isinstance(value, date) and not self.owner._postgres:
                value = value.isoformat()
            out.append(value)
        return out

    def run(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        if self.owner._postgres:
            self.handle.execute(sql.replace("?", "%s"), self._params(params))
            return list(self.handle.fetchall()) if self.handle.description else []
        return list(self.handle.execute(sql, self._params(params)).fetchall())

    def one(self, sql: str, params: Sequence[object]) -> tuple[Any, ...]:
        rows = self.run(sql, params)
        if not rows:
            raise StoreError(f"the statement returned no row: {sql.split()[0]}")
        return rows[0]

    def insert_dossier(self, dossier: Dossier, events: Sequence[Event]) -> None:
        store: Any = self.owner.store
        if self.owner._postgres:
            store._insert_dossier(self.handle, dossier)
            store._insert_events(self.handle, dossier, events)
            return
        from isoflow.store import sqlite

        values = sqlite._dossier_values(dossier)
        self.handle.execute(sqlite._INSERT_DOSSIER, values)
        store._insert_events(self.handle, dossier, events)
        self.after.append(lambda: store._remember(dossier, values))

    def update_dossier(self, dossier: Dossier, events: Sequence[Event], expected_version: int) -> None:
        store: Any = self.owner.store
        prev_hash = events[0].prev_hash
        if self.owner._postgres:
            store._update_dossier(self.handle, dossier, expected_version, prev_hash)
            if self.handle.rowcount != 1:
                self.handle.execute("SELECT version FROM dossiers WHERE code = %s", (dossier.code,))
                row = self.handle.fetchone()
                raise c.refused_append(dossier.code, None if row is None else int(row[0]), expected_version)
            store._insert_events(self.handle, dossier, events)
            return
        from isoflow.store import sqlite

        values = sqlite._dossier_values(dossier)
        store._written.pop(dossier.code, None)  # the whole row is written: the cache is not needed
        if self.handle.execute(sqlite._UPDATE_DOSSIER, [*values[1:], dossier.code, expected_version,
                                                        prev_hash]).rowcount != 1:
            store._refuse_append(self.handle, dossier, expected_version)
        store._insert_events(self.handle, dossier, events)
        self.after.append(lambda: store._remember(dossier, values))

    def save_row(self, row: DocumentRow) -> None:
        self.run(f"INSERT INTO documents ({_ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "  # noqa: S608
                 "ON CONFLICT (code) DO UPDATE SET direction = excluded.direction, agency = excluded.agency, "
                 "issuer = excluded.issuer, number = excluded.number, notation = excluded.notation, "
                 "issued_on = excluded.issued_on, arrival = excluded.arrival, received_on = excluded.received_on, "
                 "body = excluded.body",
                 (row.code, row.direction, row.agency, row.issuer, row.number, row.notation, row.issued_on,
                  row.arrival, row.received_on, row.body))


def _check_key(key: SeriesKey) -> None:
    if not key.agency or not key.series or not 1900 <= key.year <= 9999:
        raise NumberingError(f"series {key} needs an agency, a year and a series id")


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _time(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _row(r: tuple[Any, ...]) -> DocumentRow:
    body = r[9] if isinstance(r[9], str) else _json_text(r[9])
    return DocumentRow(str(r[0]), str(r[1]), str(r[2]), str(r[3]), None if r[4] is None else str(r[4]),
                       str(r[5] or ""), _day(r[6]), None if r[7] is None else int(r[7]), _day(r[8]), body)


def _json_text(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _write_once(path: Path, data: bytes) -> None:
    """``path`` holds ``data``: written under a temporary name, synced and renamed (a file that
    exists already has this content, its name being the content's hash, and is left alone)."""
    if path.exists():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.parent / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o444)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError, UnboundLocalError):
            temporary.unlink()
        raise AttachmentError(f"cannot keep a file in {path.parent}: {error.strerror or error}") from None
