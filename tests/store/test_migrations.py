"""Schema migrations on a database holding data: what a migration moves is all still there."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from isoflow.indicators.formulas import Rating
from isoflow.store import SCHEMA_VERSION, Store, open_store
from tests.store._helpers import DAY, UNIT, factory, is_postgres, leave_step, move, raw

STEP_ROWS = "SELECT dossier, seq, process_code, step, at, worked_min, result FROM step_times ORDER BY dossier, seq"
#: step_times as migrations 4 and 5 left it: a table, its key (dossier, seq), the histogram index.
SCHEMA_5_STEPS = {
    "sqlite": (
        "CREATE TABLE step_times_5 (dossier TEXT NOT NULL REFERENCES dossiers (code), seq INTEGER NOT NULL, "
        "process_code TEXT NOT NULL, step TEXT NOT NULL, at TEXT NOT NULL, worked_min INTEGER NOT NULL, "
        "result TEXT NOT NULL, PRIMARY KEY (dossier, seq))",
        "INSERT INTO step_times_5 SELECT dossier, seq, process_code, step, at, worked_min, result FROM step_times",
        "DROP TABLE step_times",
        "ALTER TABLE step_times_5 RENAME TO step_times",
        "CREATE INDEX step_times_histogram ON step_times (process_code, step, worked_min, at, result)",
    ),
    "postgres": (
        "ALTER TABLE step_times DROP CONSTRAINT step_times_pkey",
        "ALTER TABLE step_times ADD PRIMARY KEY (dossier, seq)",
        "CREATE INDEX step_times_histogram ON step_times (process_code, step, worked_min, at, result)",
    ),
}


#: The dossier indexes as migrations 1, 2 and 4 left them (migration 7 replaces them).
SCHEMA_6_INDEXES = {
    "sqlite": (
        "DROP INDEX dossiers_due", "DROP INDEX dossiers_report_open", "DROP INDEX dossiers_report_closed",
        "CREATE INDEX dossiers_next_due ON dossiers (next_due_at, code) WHERE closed = 0",
        "CREATE INDEX dossiers_remind ON dossiers (remind_at, code) WHERE closed = 0",
        "CREATE INDEX dossiers_report ON dossiers (process_code, received_at, closed_at, outcome, result, result_766, "
        "worst_step, worked_min, channel, due_at, paused_at, extensions, handovers, paper_moved, paid_online, "
        "e_result, digitised, code)",
    ),
    "postgres": (
        "DROP INDEX dossiers_due", "DROP INDEX dossiers_report_open", "DROP INDEX dossiers_report_closed",
        "CREATE INDEX dossiers_next_due ON dossiers (next_due_at, code) WHERE NOT closed",
        "CREATE INDEX dossiers_remind ON dossiers (remind_at, code) WHERE NOT closed",
        "CREATE INDEX dossiers_report ON dossiers (process_code, received_at, closed_at, outcome, result, result_766, "
        "worst_step, worked_min, channel, due_at, paused_at, extensions, handovers, paper_moved, paid_online, "
        "e_result, digitised, code)",
    ),
}
DOSSIER_INDEXES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE tbl_name = 'dossiers' AND type = 'index' "
              "AND name NOT LIKE 'sqlite_%' ORDER BY name",
    "postgres": "SELECT indexname FROM pg_indexes WHERE tablename = 'dossiers' AND schemaname = current_schema() "
                "AND indexname NOT LIKE '%%pkey' AND indexname NOT LIKE '%%created%%' ORDER BY indexname",
}


def _dialect(store: Store) -> str:
    return "postgres" if is_postgres(store) else "sqlite"


#: Undoes migrations 9 (document control) and 8 (official documents): new tables only, so
#: their tables go.
UNDO_8_9 = ("DROP TABLE started_on", "DROP TABLE ledger", "DROP TABLE checkpoints", "DROP TABLE store_identity",
            *(f"DROP TABLE {table}" for table in ("document_series", "document_numbers", "documents",
                                                  "document_files", "document_deliveries")))


def back_to_7(store: Store) -> None:
    """Undo migration 10's step_times.weight (its dossier update needs no undo: it is idempotent),
    then migrations 9 and 8, and the migrations after 7 with them."""
    if is_postgres(store):
        raw(store, "ALTER TABLE step_times DROP CONSTRAINT step_times_pkey")
        raw(store, "ALTER TABLE step_times ADD CONSTRAINT step_times_pkey "
                   "PRIMARY KEY (process_code, step, worked_min, at, dossier, seq) INCLUDE (result)")
    raw(store, "ALTER TABLE step_times DROP COLUMN weight")
    for statement in UNDO_8_9:
        raw(store, statement)
    raw(store, "DELETE FROM schema_migrations WHERE version >= 8")


def _back_to_6(store: Store) -> None:
    back_to_7(store)
    for statement in SCHEMA_6_INDEXES[_dialect(store)]:
        raw(store, statement)
    raw(store, "DELETE FROM schema_migrations WHERE version >= 7")


def _steps(store: Store) -> list[str]:
    codes = []
    for number, (worked, result) in enumerate([(30, "early"), (120, "late"), (30, "on_time")]):
        created = store.create(UNIT, DAY, factory(datetime(2026, 2, 5, 8, 30) + timedelta(minutes=number)))
        moved, events = leave_step(created, "tham_dinh", worked, result)
        store.append(moved, events, expected_version=1)
        moved2, events2 = leave_step(moved, "ky_duyet", worked + 5, result)
        store.append(moved2, events2, expected_version=2)
        codes.append(created.code)
    return codes


def test_migration_6_keeps_every_step_row_and_the_histogram(shared_url: str) -> None:
    store = open_store(shared_url)
    try:
        _steps(store)
        rows, minutes = raw(store, STEP_ROWS), store.step_minutes(datetime(2026, 1, 1), datetime(2027, 1, 1))
        assert len(rows) == 6
        assert minutes == [("1.001193", "tham_dinh", 35, 2, 0), ("1.001193", "tham_dinh", 125, 1, 1),
                           ("1.001193", "tiep_nhan", 30, 2, 0), ("1.001193", "tiep_nhan", 120, 1, 1)]
        _back_to_6(store)
        for statement in SCHEMA_5_STEPS[_dialect(store)]:
            raw(store, statement)
        raw(store, "DELETE FROM schema_migrations WHERE version = 6")
        assert store.schema_version() == 5
    finally:
        store.close()
    store = open_store(shared_url)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert raw(store, STEP_ROWS) == rows
        assert store.step_minutes(datetime(2026, 1, 1), datetime(2027, 1, 1)) == minutes
        if is_postgres(store):
            assert raw(store, "SELECT indexname FROM pg_indexes WHERE tablename = 'step_times' "
                              "AND schemaname = current_schema()") == [("step_times_pkey",)]
        else:
            assert raw(store, "SELECT name FROM sqlite_master WHERE tbl_name = 'step_times' AND type = 'index'") == []
            assert "WITHOUT ROWID" in raw(store, "SELECT sql FROM sqlite_master WHERE name = 'step_times'")[0][0]
        # and the store goes on writing steps in the new order
        more = store.create(UNIT, DAY, factory(datetime(2026, 2, 5, 10, 0)))
        store.append(*leave_step(more, "tham_dinh", 30, "early"), expected_version=1)
        assert len(raw(store, STEP_ROWS)) == 7
        assert store.verify() == []
    finally:
        store.close()


def _report(store: Store) -> tuple[Any, ...]:
    start, end = datetime(2026, 1, 1), datetime(2027, 1, 1)
    return store.tallies(start, end), store.worked_minutes(start, end), store.step_minutes(start, end)


def test_migration_7_keeps_the_report_and_the_due_scans(shared_url: str) -> None:
    """The report's index split by open and closed dossiers and one due index instead of two: the
    same report, the same due dossiers, the same reminder claims, before and after."""
    store = open_store(shared_url)
    try:
        codes = _steps(store)
        closed = store.load(codes[0])
        store.append(*move(closed, "da_tra", closed=True, at=closed.step.entered_at + timedelta(hours=1)),
                     expected_version=closed.version)
        store.rate(codes[0], datetime(2026, 2, 6, 9, 0), Rating(2, False, {}, ""))
        due_at = datetime(2026, 2, 20)
        before = _report(store), [d.code for d in store.due(due_at)]
        _back_to_6(store)
        assert store.schema_version() == 6  # (the report's queries need schema 8's step weight now)
    finally:
        store.close()
    store = open_store(shared_url)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert raw(store, DOSSIER_INDEXES[_dialect(store)]) == \
            [("dossiers_due",), ("dossiers_report_closed",), ("dossiers_report_open",)]
        assert (_report(store), [d.code for d in store.due(due_at)]) == before
        tallies = before[0][0]
        assert sum(t["rated"] + t["satisfied"] for t in tallies) == 2  # the closed one, rated
        assert sum(t["in_progress_within"] + t["in_progress_overdue"] for t in tallies) == 2
        assert [d.code for d in store.claim_due(due_at, "w", due_at)] == before[1] == codes[1:]
        assert store.claim_due(due_at, "other", due_at) == []  # leased
    finally:
        store.close()
