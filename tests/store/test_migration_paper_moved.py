"""Schema 8 (issue 14 §7): ``paper_moved`` is NULL when a dossier does not say how it moved.

Until schema 7 the column held 0 both for "moved electronically" (``luan_chuyen_giay`` false)
and for "not recorded", and the report counted every unrecorded hand-over as electronic.  Writes
now keep the three apart, and migration 10 sets the rows already written from their bodies.
"""

from __future__ import annotations

from typing import Any

import msgspec

from isoflow.model.dossier import GENESIS
from isoflow.store import SCHEMA_VERSION, open_store
from isoflow.store.codec import seal_write
from tests.store._helpers import DAY, UNIT, new_dossier, raw
from tests.store.test_migrations import back_to_7

FLAG = "luan_chuyen_giay"


def recorded(value: Any) -> Any:
    """A factory for a received dossier whose data says ``luan_chuyen_giay = value`` (or nothing)."""
    def build(code: str) -> Any:
        dossier, events = new_dossier(code)
        data = dict(dossier.data)
        if value is not None:
            data[FLAG] = value
        event = msgspec.structs.replace(events[0], hash="", prev_hash=GENESIS, row_hash=None)
        return seal_write(msgspec.structs.replace(dossier, data=data), [event], GENESIS)
    return build


def columns(store: Any) -> list[tuple[Any, ...]]:
    return [(code[-4:], moved) for code, moved in raw(store, "SELECT code, paper_moved FROM dossiers ORDER BY code")]


def test_paper_moved_is_null_when_not_recorded_and_migration_8_sets_old_rows(shared_url: str) -> None:
    store = open_store(shared_url)
    try:
        for value in (None, True, False):
            store.create(UNIT, DAY, recorded(value))
        # Not recorded: NULL (never "electronic"); paper: 1; recorded electronic: 0.
        assert columns(store) == [("0001", None), ("0002", 1), ("0003", 0)]
        # What schema 7 wrote: 0 for "not recorded" too.
        raw(store, "UPDATE dossiers SET paper_moved = 0 WHERE paper_moved IS NULL")
        back_to_7(store)
    finally:
        store.close()
    store = open_store(shared_url)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert columns(store) == [("0001", None), ("0002", 1), ("0003", 0)]
        assert store.verify() == []  # the columns agree with the bodies, as a write now sets them
    finally:
        store.close()
