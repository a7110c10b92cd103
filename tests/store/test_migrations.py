"""Schema migrations on a database holding data: what a migration moves is all still there."""

from __future__ import annotations

from datetime import datetime, timedelta

from isoflow.store import SCHEMA_VERSION, Store, open_store
from tests.store._helpers import DAY, UNIT, factory, is_postgres, leave_step, raw

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
        for statement in SCHEMA_5_STEPS["postgres" if is_postgres(store) else "sqlite"]:
            raw(store, statement)
        raw(store, "DELETE FROM schema_migrations WHERE version = 6")
        assert store.schema_version() == 5
    finally:
        store.close()
    store = open_store(shared_url)
    try:
        assert store.schema_version() == SCHEMA_VERSION == 6
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
