"""Both backends store the same rows: what one dialect writes, the other writes too."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from isoflow.store import Store, open_store
from isoflow.store._common import ROW_COLUMNS
from tests.store._helpers import DAY, UNIT, factory, leave_step, move, raw

EVENTS = "SELECT dossier, seq, kind, at, actor, hash, prev_hash, row_hash, body FROM events ORDER BY dossier, seq"
STEPS = "SELECT dossier, seq, process_code, step, at, worked_min, result FROM step_times ORDER BY dossier, seq"


@pytest.fixture
def both(tmp_path: Path, postgres_url: str) -> Iterator[tuple[Store, Store]]:
    sqlite, postgres = open_store(f"sqlite:///{tmp_path / 'a.db'}"), open_store(postgres_url)
    try:
        yield sqlite, postgres
    finally:
        sqlite.close()
        postgres.close()


def _same(value: Any) -> Any:
    """A value as both dialects mean it: SQLite's time texts as times, flags as 0/1, bodies parsed."""
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        return datetime.fromisoformat(value)
    if isinstance(value, str) and value.startswith("{"):
        return json.loads(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return value


def _rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(_same(v) for v in row) for row in raw(store, sql)]


def _write(store: Store) -> None:
    first = store.create(UNIT, DAY, factory())
    moved, events = leave_step(first, "tham_dinh", 45, "late")
    store.append(moved, events, expected_version=1)
    onward, more = move(moved, "ky_duyet", count=2)  # two events in one write
    store.append(onward, more, expected_version=2)
    second = store.create(UNIT, DAY, factory(datetime(2026, 2, 5, 9, 0), step_due=None, due=timedelta(days=2)))
    store.append(*leave_step(second, "ky_duyet", 10, "early"), expected_version=1)


def test_both_dialects_write_the_same_rows(both: tuple[Store, Store]) -> None:
    sqlite, postgres = both
    for store in both:
        _write(store)
    dossiers = f"SELECT {', '.join(ROW_COLUMNS)}, body FROM dossiers ORDER BY code"  # noqa: S608
    for sql in (dossiers, EVENTS, STEPS, "SELECT unit, day, last FROM code_sequences"):
        assert _rows(sqlite, sql) == _rows(postgres, sql), sql
    assert sqlite.verify() == postgres.verify() == []
