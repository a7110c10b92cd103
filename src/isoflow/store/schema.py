"""The database schema as data: one list of migrations, each in both SQL dialects.

Pure: no connection, no driver.  Each backend applies the pending migrations on open, all in
one transaction, and records each in ``schema_migrations``.  A migration is never edited once
released; a change to the schema is a new migration appended to :data:`MIGRATIONS`.

Two formats are versioned separately:

* :data:`SCHEMA_VERSION`, the tables and indexes (``schema_migrations``);
* :data:`BODY_SCHEMA`, the JSON body of a dossier or event row (its ``"schema"`` key), so the
  codec can change without a table migration.  Bodies written by a newer isoflow are refused.

Times: naive local wall-clock time (Asia/Ho_Chi_Minh).  PostgreSQL keeps them as
``timestamp without time zone``; SQLite as ISO-8601 text with microseconds
(``2026-02-05T14:30:00.000000``), which sorts and compares like the time it spells.
"""

from __future__ import annotations

from dataclasses import dataclass

from isoflow.store._api import SCHEMA_VERSION

__all__ = ["BODY_SCHEMA", "ISOFLOW_TABLES", "MIGRATIONS", "MIGRATIONS_TABLE", "SCHEMA_VERSION", "Migration",
           "pending"]

#: Version of the JSON bodies (``dossier_to_json`` / ``event_to_json`` plus ``"schema"``).
BODY_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: the statements that bring it from ``version - 1`` to ``version``."""

    version: int
    description: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]


#: What makes a database isoflow's (migration 1 made them with ``schema_migrations``, in one
#: transaction): these tables with at least these columns.  Another program's
#: ``schema_migrations`` (Rails, dbmate: one ``version`` column) is not taken for isoflow's.
ISOFLOW_TABLES = {
    "schema_migrations": frozenset({"version", "description", "applied_at"}),
    "dossiers": frozenset({"code", "version", "last_hash", "body"}),
    "events": frozenset({"dossier", "seq", "hash", "prev_hash", "body"}),
    "code_sequences": frozenset({"unit", "day", "last"}),
}

MIGRATIONS_TABLE = {
    "sqlite": """CREATE TABLE IF NOT EXISTS schema_migrations (
        version     INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_at  TEXT NOT NULL
    )""",
    "postgres": """CREATE TABLE IF NOT EXISTS schema_migrations (
        version     integer PRIMARY KEY,
        description text NOT NULL,
        applied_at  timestamp without time zone NOT NULL DEFAULT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')
    )""",
}

_SQLITE_1 = (
    # One row per dossier: its current state.  The columns are what queries filter on; ``body``
    # (dossier_to_json plus "schema") is the dossier itself.  ``created`` keeps creation order.
    # ``next_due_at`` is the earlier of ``step_due_at`` and ``due_at``: what the due scans sort by.
    """CREATE TABLE dossiers (
        code           TEXT PRIMARY KEY,
        created        INTEGER NOT NULL UNIQUE,
        process_code   TEXT NOT NULL,
        revision       INTEGER NOT NULL,
        receiving_unit TEXT NOT NULL,
        received_at    TEXT NOT NULL,
        state          TEXT NOT NULL,
        status         INTEGER NOT NULL,
        version        INTEGER NOT NULL CHECK (version >= 1),
        last_hash      TEXT NOT NULL,
        closed         INTEGER NOT NULL CHECK (closed IN (0, 1)),
        due_at         TEXT,
        step_due_at    TEXT,
        next_due_at    TEXT,
        claimed_by     TEXT,
        claimed_until  TEXT,
        body           TEXT NOT NULL
    )""",
    "CREATE INDEX dossiers_next_due ON dossiers (next_due_at, code) WHERE closed = 0",
    "CREATE INDEX dossiers_process_state ON dossiers (process_code, state)",
    # The append-only, hash-chained audit trail; ``seq`` equals the dossier version it produced.
    """CREATE TABLE events (
        dossier   TEXT NOT NULL REFERENCES dossiers (code),
        seq       INTEGER NOT NULL CHECK (seq >= 1),
        kind      TEXT NOT NULL,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        hash      TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        body      TEXT NOT NULL,
        PRIMARY KEY (dossier, seq)
    )""",
    "CREATE INDEX events_actor_at ON events (actor, at)",
    # Dossier codes: the last sequence number given per receiving unit per receipt day.
    """CREATE TABLE code_sequences (
        unit TEXT NOT NULL,
        day  TEXT NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (unit, day)
    )""",
)

_POSTGRES_1 = (
    """CREATE TABLE dossiers (
        code           text PRIMARY KEY,
        created        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        process_code   text NOT NULL,
        revision       integer NOT NULL,
        receiving_unit text NOT NULL,
        received_at    timestamp without time zone NOT NULL,
        state          text NOT NULL,
        status         integer NOT NULL,
        version        integer NOT NULL CHECK (version >= 1),
        last_hash      text NOT NULL,
        closed         boolean NOT NULL,
        due_at         timestamp without time zone,
        step_due_at    timestamp without time zone,
        next_due_at    timestamp without time zone,
        claimed_by     text,
        claimed_until  timestamp without time zone,
        body           jsonb NOT NULL
    )""",
    "CREATE INDEX dossiers_next_due ON dossiers (next_due_at, code) WHERE NOT closed",
    "CREATE INDEX dossiers_process_state ON dossiers (process_code, state)",
    """CREATE TABLE events (
        dossier   text NOT NULL REFERENCES dossiers (code),
        seq       integer NOT NULL CHECK (seq >= 1),
        kind      text NOT NULL,
        at        timestamp without time zone NOT NULL,
        actor     text NOT NULL,
        hash      text NOT NULL,
        prev_hash text NOT NULL,
        body      jsonb NOT NULL,
        PRIMARY KEY (dossier, seq)
    )""",
    "CREATE INDEX events_actor_at ON events (actor, at)",
    """CREATE TABLE code_sequences (
        unit text NOT NULL,
        day  date NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (unit, day)
    )""",
)

# 2: reminders.  ``remind_at`` is the earliest due time no reminder was written for yet, so a
# reminder pass claims only dossiers that still need one (instead of the same first rows
# forever); existing rows start from their next due time.
_SQLITE_2 = (
    "ALTER TABLE dossiers ADD COLUMN remind_at TEXT",
    "UPDATE dossiers SET remind_at = next_due_at",
    "CREATE INDEX dossiers_remind ON dossiers (remind_at, code) WHERE closed = 0",
)
_POSTGRES_2 = (
    "ALTER TABLE dossiers ADD COLUMN remind_at timestamp without time zone",
    "UPDATE dossiers SET remind_at = next_due_at",
    "CREATE INDEX dossiers_remind ON dossiers (remind_at, code) WHERE NOT closed",
)

# 3: every write paid for two indexes no query reads: ``(process_code, state)`` and events
# ``(actor, at)`` (a write touched two more index pages, a third of a commit's cost).  Whatever
# report needs them adds the index it reads, with the query, in a later migration.
_SQLITE_3 = (
    "DROP INDEX IF EXISTS dossiers_process_state",
    "DROP INDEX IF EXISTS events_actor_at",
)
_POSTGRES_3 = _SQLITE_3

# 4: service indicators.  What the quarterly report counts becomes columns of the dossier row
# (written with it, from the dossier and its ``measures``) so that a report is one scan with
# conditional sums; a step's time and result become a row of ``step_times`` when the dossier
# leaves the step; a citizen's rating of a dossier is a row of ``ratings``.  Flags are integers
# 0/1 in both dialects, so the report's SQL is the same text on both.  Existing rows are filled
# from their JSON bodies (the measures they never had stay NULL: they count as unknown).
_FACT_COLUMNS = (
    ("channel", "TEXT", "text"), ("closed_at", "TEXT", "timestamp without time zone"), ("outcome", "TEXT", "text"),
    ("result", "TEXT", "text"), ("result_766", "TEXT", "text"), ("worst_step", "TEXT", "text"),
    ("worked_min", "INTEGER", "integer"), ("supplements", "INTEGER", "integer"),
    ("extensions", "INTEGER", "integer"), ("handovers", "INTEGER", "integer"),
    ("paid_online", "INTEGER", "integer"), ("e_result", "INTEGER", "integer"),
    ("digitised", "INTEGER", "integer"), ("paper_moved", "INTEGER", "integer"),
    ("paused_at", "TEXT", "timestamp without time zone"),
)
# The report's indexes, the same in both dialects (queries in isoflow.store._indicators;
# benchmarks/bench_report.py: a full-year report on a million dossiers went from 14 s to under
# 5 s on SQLite).  TALLIES reads every column of ``dossiers_report`` and nothing else of the row:
# it scans the index in procedure order (no sort, no row bodies read) instead of the table;
# WORKED reads it too.  STEPS: the histogram (process_code, step, worked_min) streams from
# ``step_times_histogram`` in group order, with ``at`` and ``result`` beside it (7 s to 1 s for
# ~6 million steps: no sort, no table read).
_REPORT_INDEXES = (
    """CREATE INDEX dossiers_report ON dossiers (process_code, received_at, closed_at, outcome, result,
        result_766, worst_step, worked_min, channel, due_at, paused_at, extensions, handovers, paper_moved,
        paid_online, e_result, digitised, code)""",
    "CREATE INDEX step_times_histogram ON step_times (process_code, step, worked_min, at, result)",
)
_SQLITE_4 = (
    *(f"ALTER TABLE dossiers ADD COLUMN {name} {kind}" for name, kind, _ in _FACT_COLUMNS),
    """UPDATE dossiers SET channel = json_extract(body, '$.channel'),
        closed_at = json_extract(body, '$.closed_at'), outcome = json_extract(body, '$.outcome'),
        supplements = json_extract(body, '$.clock.supplements'),
        extensions = json_extract(body, '$.clock.extensions'),
        paid_online = 0, e_result = 0, digitised = 0, paper_moved = 0, handovers = 0""",
    # json_extract gives the body's "2026-02-05T14:30:00": the column's fixed width sorts right.
    "UPDATE dossiers SET paused_at = json_extract(body, '$.clock.paused_at')",
    "UPDATE dossiers SET closed_at = closed_at || '.000000' WHERE length(closed_at) = 19",
    "UPDATE dossiers SET paused_at = paused_at || '.000000' WHERE length(paused_at) = 19",
    # Closed before isoflow kept measures: the result against the appointment, to the minute.
    """UPDATE dossiers SET result = CASE WHEN due_at IS NULL THEN 'on_time'
        WHEN substr(closed_at, 1, 16) < substr(due_at, 1, 16) THEN 'early'
        WHEN substr(closed_at, 1, 16) = substr(due_at, 1, 16) THEN 'on_time' ELSE 'late' END
        WHERE closed_at IS NOT NULL""",
    """CREATE TABLE step_times (
        dossier      TEXT NOT NULL REFERENCES dossiers (code),
        seq          INTEGER NOT NULL,
        process_code TEXT NOT NULL,
        step         TEXT NOT NULL,
        at           TEXT NOT NULL,
        worked_min   INTEGER NOT NULL,
        result       TEXT NOT NULL,
        PRIMARY KEY (dossier, seq)
    )""",
    """CREATE TABLE ratings (
        dossier   TEXT PRIMARY KEY REFERENCES dossiers (code),
        at        TEXT NOT NULL,
        overall   INTEGER NOT NULL CHECK (overall IN (0, 1, 2)),
        complaint INTEGER NOT NULL CHECK (complaint IN (0, 1)),
        topics    TEXT NOT NULL,
        comment   TEXT NOT NULL
    )""",
    *_REPORT_INDEXES,
)
_POSTGRES_4 = (
    *(f"ALTER TABLE dossiers ADD COLUMN {name} {kind}" for name, _, kind in _FACT_COLUMNS),
    """UPDATE dossiers SET channel = body->>'channel',
        closed_at = (body->>'closed_at')::timestamp, outcome = body->>'outcome',
        paused_at = (body->'clock'->>'paused_at')::timestamp,
        supplements = (body->'clock'->>'supplements')::integer,
        extensions = (body->'clock'->>'extensions')::integer,
        paid_online = 0, e_result = 0, digitised = 0, paper_moved = 0, handovers = 0""",
    """UPDATE dossiers SET result = CASE WHEN due_at IS NULL THEN 'on_time'
        WHEN date_trunc('minute', closed_at) < date_trunc('minute', due_at) THEN 'early'
        WHEN date_trunc('minute', closed_at) = date_trunc('minute', due_at) THEN 'on_time' ELSE 'late' END
        WHERE closed_at IS NOT NULL""",
    """CREATE TABLE step_times (
        dossier      text NOT NULL REFERENCES dossiers (code),
        seq          integer NOT NULL,
        process_code text NOT NULL,
        step         text NOT NULL,
        at           timestamp without time zone NOT NULL,
        worked_min   integer NOT NULL,
        result       text NOT NULL,
        PRIMARY KEY (dossier, seq)
    )""",
    """CREATE TABLE ratings (
        dossier   text PRIMARY KEY REFERENCES dossiers (code),
        at        timestamp without time zone NOT NULL,
        overall   integer NOT NULL CHECK (overall IN (0, 1, 2)),
        complaint integer NOT NULL CHECK (complaint IN (0, 1)),
        topics    jsonb NOT NULL,
        comment   text NOT NULL
    )""",
    *_REPORT_INDEXES,
)

# 5: a dossier row edited without an event.  The newest event of each write records the digest
# of the row it wrote (``row_hash`` in its hashed body); this column repeats it so that loading
# a dossier compares the row with its newest event without decoding that event.  Events written
# before keep NULL (their bodies have no row_hash): their rows are checked by a structural
# replay of the trail instead.
_SQLITE_5 = ("ALTER TABLE events ADD COLUMN row_hash TEXT",)
_POSTGRES_5 = ("ALTER TABLE events ADD COLUMN row_hash text",)

# 6: one B-tree for the steps.  ``step_times`` was a table, its primary key (dossier, seq) and
# the report's histogram index: three B-trees, three pages of the write-ahead log in every
# action that left a timed step (a fifth of a write's pages; benchmarks/README.md "Durable").
# SQLite keeps it as one WITHOUT ROWID table in the histogram's order (the report's STEPS query
# streams from it exactly as from the index); PostgreSQL as one primary-key index in that order,
# with ``result`` carried in it (an index-only scan, as the histogram index gave).  The key ends
# in (dossier, seq): a step row is written with its event in one transaction, and the events'
# primary key (dossier, seq) is what keeps both from being written twice.
_STEP_COLUMNS = "dossier, seq, process_code, step, at, worked_min, result"
_SQLITE_6 = (
    """CREATE TABLE step_times_6 (
        dossier      TEXT NOT NULL REFERENCES dossiers (code),
        seq          INTEGER NOT NULL,
        process_code TEXT NOT NULL,
        step         TEXT NOT NULL,
        at           TEXT NOT NULL,
        worked_min   INTEGER NOT NULL,
        result       TEXT NOT NULL,
        PRIMARY KEY (process_code, step, worked_min, at, dossier, seq)
    ) WITHOUT ROWID""",
    f"INSERT INTO step_times_6 ({_STEP_COLUMNS}) SELECT {_STEP_COLUMNS} FROM step_times",  # noqa: S608
    "DROP TABLE step_times",
    "ALTER TABLE step_times_6 RENAME TO step_times",
)
_POSTGRES_6 = (
    "ALTER TABLE step_times DROP CONSTRAINT step_times_pkey",
    "DROP INDEX step_times_histogram",
    "ALTER TABLE step_times ADD CONSTRAINT step_times_pkey "
    "PRIMARY KEY (process_code, step, worked_min, at, dossier, seq) INCLUDE (result)",
)

# 7: fewer index pages a write (benchmarks/README.md, "_durable.py"; measured on isoflow's own
# statements replayed: 8.7 -> 7.1 pages of write-ahead log an action, 88 -> 70 us a step).
# * The report's covering index, split by ``closed``.  An open dossier's entry held its
#   outcome, results, worked minutes, handovers and flags, and was rewritten at nearly every
#   step; now open dossiers sit in a narrow index of what the report counts of them (received,
#   channel, appointment, pause), which a step rarely changes, and closed ones in the covering
#   index as before (written once, when the dossier closes).  The report's tallies are two
#   queries in one snapshot, added up per procedure (:mod:`isoflow.store._indicators`).
# * One due index instead of two: ``remind_at`` is never before ``next_due_at`` (the earliest
#   unreminded due time against the earliest due time), so the reminder scan reads the due
#   range of ``(next_due_at, code)`` and takes ``remind_at`` from the index.  What it costs:
#   a reminder pass reads the index entries of every due open dossier (reminded or not) and
#   sorts them, instead of only the unreminded; a due scan is unchanged.
# ``closed`` ends both: SQLite (3.40) reads a column of the index's WHERE from the row unless the
# index holds it, so without it neither would cover its query.
# Tried and not done: ``events`` as a WITHOUT ROWID table keyed (dossier, seq): its ~600-byte
# bodies then fill the key's B-tree (a rowid table keeps them apart from the small key), 8.7 ->
# 10.1 pages an action, +12 us a step.
_SQLITE_7 = (
    "DROP INDEX IF EXISTS dossiers_report",
    """CREATE INDEX dossiers_report_closed ON dossiers (process_code, received_at, closed_at, outcome, result,
        result_766, worst_step, worked_min, channel, due_at, paused_at, extensions, handovers, paper_moved,
        paid_online, e_result, digitised, code, closed) WHERE closed = 1""",
    "CREATE INDEX dossiers_report_open ON dossiers (process_code, received_at, channel, due_at, paused_at, closed) "
    "WHERE closed = 0",
    "DROP INDEX IF EXISTS dossiers_next_due",
    "DROP INDEX IF EXISTS dossiers_remind",
    "CREATE INDEX dossiers_due ON dossiers (next_due_at, code, remind_at) WHERE closed = 0",
)
_POSTGRES_7 = (
    "DROP INDEX IF EXISTS dossiers_report",
    """CREATE INDEX dossiers_report_closed ON dossiers (process_code, received_at, closed_at, outcome, result,
        result_766, worst_step, worked_min, channel, due_at, paused_at, extensions, handovers, paper_moved,
        paid_online, e_result, digitised, code) WHERE closed""",
    "CREATE INDEX dossiers_report_open ON dossiers (process_code, received_at, channel, due_at, paused_at) "
    "WHERE NOT closed",
    "DROP INDEX IF EXISTS dossiers_next_due",
    "DROP INDEX IF EXISTS dossiers_remind",
    "CREATE INDEX dossiers_due ON dossiers (next_due_at, code) INCLUDE (remind_at) WHERE NOT closed",
)

# 8: official documents (văn bản đến/đi, issue 15): new tables only, no existing table changed
# (so the migration can be renumbered when branches merge).
# * ``document_series``: one row per (agency, year, series), its last number; a number is taken
#   with ``INSERT ... ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last`` in the same
#   transaction as the move that records it (Decree 30/2020 Art. 15: from 01 on 1 January,
#   unique within the year; Art. 22(2): the yearly incoming number).
# * ``document_numbers``: every number given, with the document that took it; its primary key
#   makes a number given twice impossible, and a cancellation is recorded here (never a gap
#   without one).
# * ``documents``: the document record (isoflow.model.document) of a dossier running a document
#   process, by the dossier's code; the columns are what the registers and the duplicate check
#   of incoming documents (same issuer, number, notation, date: Phụ lục VI I.III) query.
# * ``document_files``: attachments by SHA-256; on PostgreSQL the bytes (bytea) are here, on
#   SQLite they live in a folder beside the database file and the row holds no bytes.
# * ``document_deliveries``: the status messages (edXML 01-06, 13/15/16) about a document
#   this agency sent or received, per other agency.
_SQLITE_8 = (
    """CREATE TABLE document_series (
        agency TEXT NOT NULL,
        year   INTEGER NOT NULL,
        series TEXT NOT NULL,
        last   INTEGER NOT NULL CHECK (last >= 1),
        PRIMARY KEY (agency, year, series)
    ) WITHOUT ROWID""",
    """CREATE TABLE document_numbers (
        agency       TEXT NOT NULL,
        year         INTEGER NOT NULL,
        series       TEXT NOT NULL,
        number       INTEGER NOT NULL CHECK (number >= 1),
        document     TEXT NOT NULL,
        taken_at     TEXT NOT NULL,
        cancelled_at TEXT,
        reason       TEXT,
        PRIMARY KEY (agency, year, series, number)
    ) WITHOUT ROWID""",
    """CREATE TABLE documents (
        code        TEXT PRIMARY KEY,
        direction   TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
        agency      TEXT NOT NULL,
        issuer      TEXT NOT NULL,
        number      TEXT,
        notation    TEXT,
        issued_on   TEXT,
        arrival     INTEGER,
        received_on TEXT,
        body        TEXT NOT NULL
    )""",
    "CREATE INDEX documents_same ON documents (issuer, number, notation, issued_on) WHERE direction = 'incoming'",
    "CREATE INDEX documents_register ON documents (agency, direction, issued_on, received_on)",
    """CREATE TABLE document_files (
        sha256 TEXT PRIMARY KEY,
        size   INTEGER NOT NULL CHECK (size >= 0),
        data   BLOB
    ) WITHOUT ROWID""",
    """CREATE TABLE document_deliveries (
        document TEXT NOT NULL,
        organ_id TEXT NOT NULL,
        status   TEXT NOT NULL,
        at       TEXT NOT NULL,
        note     TEXT NOT NULL,
        PRIMARY KEY (document, organ_id, status, at)
    ) WITHOUT ROWID""",
)
_POSTGRES_8 = (
    """CREATE TABLE document_series (
        agency text NOT NULL,
        year   integer NOT NULL,
        series text NOT NULL,
        last   integer NOT NULL CHECK (last >= 1),
        PRIMARY KEY (agency, year, series)
    )""",
    """CREATE TABLE document_numbers (
        agency       text NOT NULL,
        year         integer NOT NULL,
        series       text NOT NULL,
        number       integer NOT NULL CHECK (number >= 1),
        document     text NOT NULL,
        taken_at     timestamp without time zone NOT NULL,
        cancelled_at timestamp without time zone,
        reason       text,
        PRIMARY KEY (agency, year, series, number)
    )""",
    """CREATE TABLE documents (
        code        text PRIMARY KEY,
        direction   text NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
        agency      text NOT NULL,
        issuer      text NOT NULL,
        number      text,
        notation    text,
        issued_on   date,
        arrival     integer,
        received_on date,
        body        jsonb NOT NULL
    )""",
    "CREATE INDEX documents_same ON documents (issuer, number, notation, issued_on) WHERE direction = 'incoming'",
    "CREATE INDEX documents_register ON documents (agency, direction, issued_on, received_on)",
    """CREATE TABLE document_files (
        sha256 text PRIMARY KEY,
        size   bigint NOT NULL CHECK (size >= 0),
        data   bytea
    )""",
    """CREATE TABLE document_deliveries (
        document text NOT NULL,
        organ_id text NOT NULL,
        status   text NOT NULL,
        at       timestamp without time zone NOT NULL,
        note     text NOT NULL,
        PRIMARY KEY (document, organ_id, status, at)
    )""",
)
# 9: document control (issue 16).  ``started_on``: the digest of the revision each dossier was
# received under (the canonical digest of its process file and flow, :mod:`isoflow.control`), one
# B-tree in the order the desk asks "did any dossier of this revision start on other bytes?".
# ``ledger``: every event joins one store-wide sequence (its dossier, seq and hash) in the order
# the events were committed; ``checkpoints`` seal the ledger up to a row with a hash
# chained from the previous checkpoint and signed with the organisation's key
# (:mod:`isoflow.store.ledger`, :mod:`isoflow.control.seal`), so a dossier deleted whole, a cut
# tail, events reordered, inserted or rewritten show in ``verify``.  ``store_identity``: a random
# id checkpoints name, so a checkpoint cannot be moved to another store.  Events already stored
# join the ledger in the order they were made.  PostgreSQL numbers the ledger from a sequence:
# concurrent writers are not serialised (a head row taken in each write cost 0.58x the rate
# with 4 writers, benchmarks/bench_engine.py), a rolled-back write leaves a gap, and the seal
# waits for the writes in flight (``LOCK TABLE ledger IN SHARE MODE``) so that no number below
# the ones it seals can still commit.
_SQLITE_9 = (
    """CREATE TABLE started_on (
        process_code TEXT NOT NULL,
        revision     INTEGER NOT NULL,
        digest       TEXT NOT NULL,
        dossier      TEXT NOT NULL,
        PRIMARY KEY (process_code, revision, digest, dossier)
    ) WITHOUT ROWID""",
    """CREATE TABLE ledger (
        seq     INTEGER PRIMARY KEY,
        dossier TEXT NOT NULL,
        event   INTEGER NOT NULL,
        hash    TEXT NOT NULL
    )""",
    "INSERT INTO ledger (dossier, event, hash) SELECT dossier, seq, hash FROM events ORDER BY at, dossier, seq",
    """CREATE TABLE checkpoints (
        number    INTEGER PRIMARY KEY CHECK (number >= 1),
        upto      INTEGER NOT NULL,
        root      TEXT NOT NULL,
        signature TEXT NOT NULL
    )""",
    "CREATE TABLE store_identity (id TEXT PRIMARY KEY)",
    "INSERT INTO store_identity (id) VALUES (lower(hex(randomblob(16))))",
)
_POSTGRES_9 = (
    """CREATE TABLE started_on (
        process_code text NOT NULL,
        revision     integer NOT NULL,
        digest       text NOT NULL,
        dossier      text NOT NULL,
        PRIMARY KEY (process_code, revision, digest, dossier)
    )""",
    """CREATE TABLE ledger (
        seq     bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        dossier text NOT NULL,
        event   integer NOT NULL,
        hash    text NOT NULL
    )""",
    "INSERT INTO ledger (seq, dossier, event, hash) SELECT row_number() OVER (ORDER BY at, dossier, seq), "
    "dossier, seq, hash FROM events",
    "SELECT setval(pg_get_serial_sequence('ledger', 'seq'), GREATEST((SELECT max(seq) FROM ledger), 1), "
    "EXISTS (SELECT 1 FROM ledger))",
    """CREATE TABLE checkpoints (
        number    integer PRIMARY KEY CHECK (number >= 1),
        upto      bigint NOT NULL,
        root      text NOT NULL,
        signature text NOT NULL
    )""",
    "CREATE TABLE store_identity (id text PRIMARY KEY)",
    "INSERT INTO store_identity (id) VALUES (md5(random()::text || clock_timestamp()::text))",
)
# 10 (issue 14 §7): ``paper_moved`` says NULL when the dossier does not record how it moved between
# units (its field ``luan_chuyen_giay`` unset): 0 meant both "electronically" and "not said", and
# the report counted every dossier nobody recorded as moved electronically.  Rows are set from
# their bodies as the writes now set them (true 1, false 0, anything else NULL).
# And ``step_times.weight``: a dossier back in a step it left before writes its passes added up
# (weight 1) and cancels its earlier row (weight -1), so the report's per-step table counts
# dossiers, not passes, by summing weights in the histogram's index order (no grouping by dossier:
# that was 18 s instead of 2 s on a million dossiers).  Rows written before count as passes.
_SQLITE_10 = (
    "UPDATE dossiers SET paper_moved = NULL "
    "WHERE json_type(body, '$.data.luan_chuyen_giay') IS NULL "
    "OR json_type(body, '$.data.luan_chuyen_giay') NOT IN ('true', 'false')",
    "ALTER TABLE step_times ADD COLUMN weight INTEGER NOT NULL DEFAULT 1",
)
_POSTGRES_10 = (
    "UPDATE dossiers SET paper_moved = NULL "
    "WHERE jsonb_typeof(body->'data'->'luan_chuyen_giay') IS DISTINCT FROM 'boolean'",
    "ALTER TABLE step_times ADD COLUMN weight integer NOT NULL DEFAULT 1",
    "ALTER TABLE step_times DROP CONSTRAINT step_times_pkey",
    "ALTER TABLE step_times ADD CONSTRAINT step_times_pkey "
    "PRIMARY KEY (process_code, step, worked_min, at, dossier, seq) INCLUDE (result, weight)",
)

#: Every migration, oldest first; ``MIGRATIONS[-1].version == SCHEMA_VERSION``.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "dossiers, hash-chained events and daily code sequences", _SQLITE_1, _POSTGRES_1),
    Migration(2, "remind_at: the next due time without a reminder", _SQLITE_2, _POSTGRES_2),
    Migration(3, "drop the indexes no query reads (process_code, state) and events (actor, at)", _SQLITE_3,
              _POSTGRES_3),
    Migration(4, "service indicators: fact columns of dossiers, step_times, ratings", _SQLITE_4, _POSTGRES_4),
    Migration(5, "row_hash: the digest of the dossier row each write's newest event recorded", _SQLITE_5,
              _POSTGRES_5),
    Migration(6, "step_times in one B-tree, in the order of the report's histogram", _SQLITE_6, _POSTGRES_6),
    Migration(7, "the report index split into open and closed dossiers, one due index", _SQLITE_7, _POSTGRES_7),
    Migration(8, "official documents: numbering series, numbers given, records, files, deliveries", _SQLITE_8,
              _POSTGRES_8),
    Migration(9, "document control: the revision each dossier started on, the store-wide ledger, its checkpoints",
              _SQLITE_9, _POSTGRES_9),
    Migration(10, "paper_moved NULL when a dossier does not say how it moved; step_times.weight", _SQLITE_10,
              _POSTGRES_10),
)

assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1)), "migrations must be numbered 1..N"


def pending(current: int) -> tuple[Migration, ...]:
    """The migrations a database at version ``current`` still needs, oldest first."""
    return tuple(m for m in MIGRATIONS if m.version > current)
