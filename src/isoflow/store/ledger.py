"""The store-wide ledger: every event in one gapless sequence, sealed by checkpoints.

A dossier's events are hash-chained (:mod:`isoflow.store.codec`), but each chain stands alone and
is unkeyed: a dossier deleted with all its events, or a chain recomputed by whoever can write the
database, leaves nothing behind.  ISO 9001:2015 7.5.3.2(c) asks that records be protected from
unintended change, so every event also joins one ledger for the whole store, in the order the
writes committed: ``(seq, dossier, event, hash)``, ``seq`` 1, 2, 3 ... (on PostgreSQL a sequence:
a rolled-back write leaves a gap, and concurrent writers are not serialised; the seal waits for
the writes in flight before it reads, so no lower number can commit after it).  A
*checkpoint* seals the ledger up to a row: its ``root`` chains every row since the previous
checkpoint onto that checkpoint's root (:func:`chain`), and the organisation signs a statement
of it (:mod:`isoflow.control.seal`; this module never signs: the store is below the signing
edge).

What :func:`problems` then finds, from one snapshot (both backends hand it the same rows):

* a ledger row whose event is gone (a dossier deleted, a tail cut), an event no ledger row
  records (inserted), an event whose hash is not the one the ledger recorded (a rewritten
  chain), a dossier's events out of their order in the ledger (reordered);
* a ledger shorter than a checkpoint sealed (its tail cut with the events), a checkpoint whose
  root is not what the rows give (rows deleted, inserted or rewritten to match rewritten events:
  only the signature, checked above this layer, makes that final).  A gap in the numbers is not
  itself a problem (a rolled-back write on PostgreSQL); within what a checkpoint sealed, the
  root shows any row removed.

Not detectable: events and ledger rows removed together *after* the last checkpoint; the
interval between checkpoints is what an organisation accepts to lose that way.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from isoflow.errors import StoreError
from isoflow.i18n import translate as _
from isoflow.model.dossier import Event
from isoflow.store._api import ChainProblem
from isoflow.store.ledger_rows import Checkpoint, LedgerRow, Snapshot

__all__ = ["CHECKPOINTS", "GENESIS_ROOT", "LEDGER", "NEWEST_CHECKPOINT", "OTHER_STARTS", "STARTED_ON_POSTGRES",
           "STARTED_ON_SQLITE", "Checkpoint", "LedgerRow", "Snapshot", "chain", "check_next_checkpoint",
           "checkpoint_problems", "checkpoints_of", "line", "problems", "record_postgres", "record_sqlite", "rows_of"]

#: The root before the first checkpoint.
GENESIS_ROOT = "0" * 64
#: What a problem found in the ledger (not in one dossier) is reported against.
LEDGER = "ledger"

#: Every checkpoint, oldest first; the newest one alone (the same in both dialects).
CHECKPOINTS = "SELECT number, upto, root, signature FROM checkpoints ORDER BY number"
NEWEST_CHECKPOINT = "SELECT number, upto, root, signature FROM checkpoints ORDER BY number DESC LIMIT 1"
STARTED_ON_SQLITE = "INSERT INTO started_on (process_code, revision, digest, dossier) VALUES (?, ?, ?, ?)"
STARTED_ON_POSTGRES = STARTED_ON_SQLITE.replace("?", "%s")
#: The dossiers of a revision that started on other content (the key's order: one range read).
OTHER_STARTS = "SELECT dossier FROM started_on WHERE process_code = ? AND revision = ? AND digest <> ?"

_SQLITE_INSERT = "INSERT INTO ledger (dossier, event, hash) VALUES (?, ?, ?)"
# The number comes from the table's identity sequence, in the pipelined write's one round trip.
_POSTGRES_INSERT = "INSERT INTO ledger (dossier, event, hash) VALUES (%s, %s, %s)"


def record_sqlite(conn: Any, events: Sequence[Event]) -> None:
    """Add ``events`` to the ledger in the write's transaction (SQLite: the write lock orders them)."""
    if len(events) == 1:
        event = events[0]
        conn.execute(_SQLITE_INSERT, (event.dossier, event.seq, event.hash))
    else:
        conn.executemany(_SQLITE_INSERT, [(e.dossier, e.seq, e.hash) for e in events])


def record_postgres(cursor: Any, events: Sequence[Event]) -> None:
    """Add ``events`` to the ledger in the write's transaction (PostgreSQL: numbered by a sequence)."""
    if len(events) == 1:
        event = events[0]
        cursor.execute(_POSTGRES_INSERT, (event.dossier, event.seq, event.hash))
    else:
        cursor.executemany(_POSTGRES_INSERT, [(e.dossier, e.seq, e.hash) for e in events])


def line(row: LedgerRow) -> bytes:
    """What a ledger row contributes to a checkpoint's root: its four values, tab-separated."""
    return f"{row.seq}\t{row.dossier}\t{row.event}\t{row.hash}\n".encode()


def chain(previous: str, rows: Iterable[LedgerRow]) -> str:
    """The root of ``rows`` chained onto ``previous`` (SHA-256 of the previous root and each row's line)."""
    root = previous
    for row in rows:
        root = hashlib.sha256(root.encode("ascii") + line(row)).hexdigest()
    return root


def check_next_checkpoint(newest: int, previous: int, checkpoint: Checkpoint) -> None:
    """:class:`StoreError` unless ``checkpoint`` follows the newest stored one, ``previous``."""
    if int(newest) != previous or checkpoint.number != previous + 1:
        raise StoreError(f"checkpoint {checkpoint.number} not stored: the newest checkpoint is now {newest} "
                         "(another seal ran meanwhile); seal again")


def rows_of(raw: Iterable[Sequence[Any]]) -> tuple[LedgerRow, ...]:
    return tuple(LedgerRow(int(seq), str(dossier), int(event), str(digest)) for seq, dossier, event, digest in raw)


def checkpoints_of(raw: Iterable[Sequence[Any]]) -> tuple[Checkpoint, ...]:
    return tuple(Checkpoint(int(n), int(upto), str(root), str(sig)) for n, upto, root, sig in raw)


def problems(code: str | None, events: Iterable[tuple[str, int, str]], snapshot: Snapshot) -> list[ChainProblem]:
    """What the ledger shows against the events (``(dossier, seq, hash)`` of every event, or of
    one dossier's when ``code`` is given, with ``snapshot`` holding that dossier's ledger rows
    only: the numbering and the checkpoints are then not checked, they are the whole store's)."""
    found: list[ChainProblem] = []
    recorded: dict[tuple[str, int], LedgerRow | None] = {}
    last_event: dict[str, LedgerRow] = {}
    for row in snapshot.rows:
        key = (row.dossier, row.event)
        if key in recorded:
            found.append(ChainProblem(row.dossier, _("event {event} is in the ledger twice (#{seq} too): a ledger row "
                                                     "was inserted").format(event=row.event, seq=row.seq)))
            continue
        recorded[key] = row
        before = last_event.get(row.dossier)
        if before is not None and before.event > row.event:
            found.append(ChainProblem(row.dossier, _("the ledger records event {event} (#{seq}) after event {before} "
                                                     "(#{before_seq}): its events were reordered").format(
                event=row.event, seq=row.seq, before=before.event, before_seq=before.seq)))
        last_event[row.dossier] = row
    present: set[str] = set()
    for dossier, seq, digest in events:
        present.add(dossier)
        entry = recorded.pop((dossier, seq), None)
        if entry is None:
            found.append(ChainProblem(dossier, _("event {seq} is not in the store's ledger: it was inserted (or the "
                                                 "ledger's row of it deleted)").format(seq=seq)))
        elif entry.hash != digest:
            found.append(ChainProblem(dossier, _("event {seq} is not the event the ledger recorded (#{entry}): its "
                                                 "chain was rewritten").format(seq=seq, entry=entry.seq)))
    gone: dict[str, list[LedgerRow]] = {}
    for row in filter(None, recorded.values()):
        gone.setdefault(row.dossier, []).append(row)
    for dossier, rows in gone.items():
        numbers = ", ".join(str(r.event) for r in sorted(rows, key=lambda r: r.event))
        message = (_("the ledger records event(s) {numbers} that are not in the store: events were deleted")
                   if dossier in present else
                   _("the ledger records event(s) {numbers} that are not in the store: the dossier was deleted"))
        found.append(ChainProblem(dossier, message.format(numbers=numbers)))
    if code is None:
        found.extend(checkpoint_problems(snapshot))
    return found


def checkpoint_problems(snapshot: Snapshot) -> list[ChainProblem]:
    """A ledger shorter than a checkpoint, checkpoint roots, checkpoints missing."""
    found: list[ChainProblem] = []
    root, upto, number = GENESIS_ROOT, 0, 0
    seqs = [row.seq for row in snapshot.rows]
    for checkpoint in snapshot.checkpoints:
        number += 1
        if checkpoint.number != number:
            found.append(ChainProblem(LEDGER, _("checkpoint {number} is missing (the next is {next}): a checkpoint "
                                                "was deleted").format(number=number, next=checkpoint.number)))
            number = checkpoint.number
        head = snapshot.rows[-1].seq if snapshot.rows else 0
        if checkpoint.upto > head:
            found.append(ChainProblem(LEDGER, _("checkpoint {number} sealed the ledger up to #{upto}, but it ends at "
                                                "#{head}: its tail was cut").format(
                number=checkpoint.number, upto=checkpoint.upto, head=head)))
            return found
        if checkpoint.upto < upto:
            found.append(ChainProblem(LEDGER, _("checkpoint {number} seals up to #{upto}, before the previous one "
                                                "(#{previous})").format(number=checkpoint.number,
                                                                        upto=checkpoint.upto, previous=upto)))
            return found
        root = chain(root, snapshot.rows[bisect.bisect_right(seqs, upto):bisect.bisect_right(seqs, checkpoint.upto)])
        if root != checkpoint.root:
            found.append(ChainProblem(LEDGER, _("checkpoint {number} does not match the ledger #{first} to #{upto}: "
                                                "rows it sealed were changed").format(
                number=checkpoint.number, first=upto + 1, upto=checkpoint.upto)))
            root = checkpoint.root  # judge the next checkpoint on its own rows
        upto = checkpoint.upto
    return found
