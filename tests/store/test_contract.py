"""The store contract, on every backend."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from msgspec.structs import replace

from isoflow.errors import DossierNotFound, StaleDossier, StoreError
from isoflow.model.dossier import GENESIS, Dossier, Event, dossier_to_json, event_to_json
from isoflow.store import SCHEMA_VERSION, Store, open_store
from isoflow.store._common import FACT_COLUMNS
from isoflow.store.codec import seal, seal_write
from isoflow.store.schema import MIGRATIONS
from tests.store._helpers import AT, DAY, UNIT, factory, is_postgres, move, new_dossier, raw


def _row(store: Store, code: str) -> list[tuple[Any, ...]]:
    return raw(store, "SELECT * FROM dossiers WHERE code = %s", (code,))


def _events(store: Store, code: str) -> list[tuple[Any, ...]]:
    return raw(store, "SELECT * FROM events WHERE dossier = %s ORDER BY seq", (code,))


def test_create_then_load_gives_back_every_field(store: Store) -> None:
    created = store.create(UNIT, DAY, factory())
    assert created.code == f"{UNIT}-260205-0001"
    expected, events = new_dossier(created.code)
    loaded = store.load(created.code)
    assert loaded == expected
    assert dossier_to_json(loaded) == dossier_to_json(expected)
    assert loaded.data["địa_chỉ"] == {"xã": "Phường Điện Biên", "tỉnh": "Thanh Hóa"}
    assert loaded.received_at == AT
    assert loaded.clock.due_at == AT + timedelta(days=5)
    assert store.history(created.code) == events
    assert [event_to_json(e) for e in store.history(created.code)] == [event_to_json(e) for e in events]


def test_closed_paused_and_aware_times_round_trip(store: Store) -> None:
    def build(code: str) -> tuple[Dossier, list[Event]]:
        dossier, events = new_dossier(code, due=None, step_due=None)
        clock = replace(dossier.clock, paused_at=AT + timedelta(hours=1), waited=timedelta(hours=3, minutes=5),
                        supplements=1, extensions=1)
        return seal_write(replace(dossier, clock=clock, outcome=None, preparers=()), events, GENESIS)

    created = store.create(UNIT, DAY, build)
    assert store.load(created.code) == created
    closed, events = move(created, "da_tra", closed=True)
    store.append(closed, events, expected_version=1)
    assert store.load(created.code) == closed
    assert store.load(created.code).is_closed


def test_codes_count_per_unit_per_day(store: Store) -> None:
    other = "000.00.12.H26"
    made = [store.create(UNIT, DAY, factory()).code, store.create(UNIT, DAY, factory()).code,
            store.create(other, DAY, factory()).code, store.create(UNIT, date(2026, 2, 6), factory()).code,
            store.create(UNIT, DAY, factory()).code]
    assert made == [f"{UNIT}-260205-0001", f"{UNIT}-260205-0002", f"{other}-260205-0001",
                    f"{UNIT}-260206-0001", f"{UNIT}-260205-0003"]
    assert store.codes() == made


def test_a_failing_factory_leaves_no_gap(store: Store) -> None:
    def broken(code: str) -> tuple[Dossier, list[Event]]:
        raise RuntimeError("the engine refused")

    store.create(UNIT, DAY, factory())
    with pytest.raises(RuntimeError, match="refused"):
        store.create(UNIT, DAY, broken)
    assert store.create(UNIT, DAY, factory()).code == f"{UNIT}-260205-0002"
    assert store.codes() == [f"{UNIT}-260205-0001", f"{UNIT}-260205-0002"]


def test_a_factory_must_return_sealed_events_for_its_code(store: Store) -> None:
    def wrong_code(code: str) -> tuple[Dossier, list[Event]]:
        return new_dossier("X-260205-0009")

    def unsealed(code: str) -> tuple[Dossier, list[Event]]:
        dossier, events = new_dossier(code)
        return dossier, [replace(events[0], comment="changed after sealing")]

    with pytest.raises(StoreError, match="instead"):
        store.create(UNIT, DAY, wrong_code)
    with pytest.raises(StoreError, match="not sealed"):
        store.create(UNIT, DAY, unsealed)
    assert store.codes() == []
    assert store.create(UNIT, DAY, factory()).code.endswith("-0001")


@pytest.mark.parametrize("unit", ["", "bộ phận một cửa", "A-B"])
def test_a_unit_code_must_be_usable_in_a_dossier_code(store: Store, unit: str) -> None:
    with pytest.raises(StoreError, match="receiving unit"):
        store.create(unit, DAY, factory())


def test_the_daily_sequence_stops_at_9999(store: Store) -> None:
    store.create(UNIT, DAY, factory())
    raw(store, "UPDATE code_sequences SET last = 9998")
    assert store.create(UNIT, DAY, factory()).code == f"{UNIT}-260205-9999"
    with pytest.raises(StoreError, match="9999 dossiers on 2026-02-05"):
        store.create(UNIT, DAY, factory())
    assert raw(store, "SELECT last FROM code_sequences") == [(9999,)]
    assert store.create(UNIT, date(2026, 2, 6), factory()).code == f"{UNIT}-260206-0001"


def test_append_with_the_right_version(store: Store) -> None:
    created = store.create(UNIT, DAY, factory())
    moved, events = move(created, "tham_dinh", count=2)
    store.append(moved, events, expected_version=1)
    assert store.load(created.code) == moved
    assert moved.version == 3
    history = store.history(created.code)
    assert [e.seq for e in history] == [1, 2, 3]
    assert history[1:] == events
    again, more = move(moved, "ky_duyet")
    store.append(again, more, expected_version=3)
    assert [e.target for e in store.history(created.code)] == ["tiep_nhan", "tham_dinh", "tham_dinh", "ky_duyet"]


def test_a_stale_append_changes_nothing(store: Store) -> None:
    created = store.create(UNIT, DAY, factory())
    first, events = move(created, "tham_dinh")
    store.append(first, events, expected_version=1)
    row, stored_events = _row(store, created.code), _events(store, created.code)

    late, late_events = move(created, "tu_choi", closed=True)  # built on version 1, which is gone
    with pytest.raises(StaleDossier) as caught:
        store.append(late, late_events, expected_version=1)
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    assert "read it again" in str(caught.value)
    assert _row(store, created.code) == row
    assert _events(store, created.code) == stored_events
    assert store.load(created.code) == first


def test_append_refuses_events_that_do_not_follow(store: Store) -> None:
    created = store.create(UNIT, DAY, factory())
    moved, events = move(created, "tham_dinh")
    with pytest.raises(StoreError, match="sequence numbers"):
        store.append(moved, events, expected_version=2)
    with pytest.raises(StoreError, match="at least one event"):
        store.append(moved, [], expected_version=1)
    forged = seal([replace(events[0], comment="x")], "f" * 64)
    with pytest.raises(StoreError, match="not sealed after the newest"):
        store.append(replace(moved, last_hash=forged[-1].hash), forged, expected_version=1)
    assert store.load(created.code) == created


def test_unknown_dossiers(store: Store) -> None:
    code = f"{UNIT}-260205-0042"
    with pytest.raises(DossierNotFound, match="0042"):
        store.load(code)
    with pytest.raises(DossierNotFound):
        store.history(code)
    with pytest.raises(DossierNotFound):
        store.verify(code)
    dossier, _ = new_dossier(code)
    moved, more = move(dossier, "tham_dinh")
    with pytest.raises(DossierNotFound):
        store.append(moved, more, expected_version=1)


def test_due_is_earliest_first_and_skips_closed(store: Store) -> None:
    late_step = store.create(UNIT, DAY, factory(step_due=timedelta(hours=6), due=timedelta(days=1)))
    early_legal = store.create(UNIT, DAY, factory(step_due=None, due=timedelta(hours=2)))
    not_due = store.create(UNIT, DAY, factory(step_due=timedelta(days=3), due=timedelta(days=10)))
    no_due = store.create(UNIT, DAY, factory(step_due=None, due=None))
    closing = store.create(UNIT, DAY, factory(step_due=timedelta(hours=1)))
    closed, events = move(closing, "da_tra", closed=True, step_due=AT + timedelta(hours=1))
    store.append(closed, events, expected_version=1)

    before = AT + timedelta(hours=6)
    assert [d.code for d in store.due(before)] == [early_legal.code, late_step.code]
    assert [d.code for d in store.due(AT + timedelta(hours=2))] == [early_legal.code]  # "at or before"
    assert [d.code for d in store.due(before, limit=1)] == [early_legal.code]
    assert store.due(AT) == []
    assert not_due.code not in [d.code for d in store.due(AT + timedelta(days=2))]
    assert no_due.code not in [d.code for d in store.due(datetime(2100, 1, 1))]


def test_claim_due_leases_each_dossier_to_one_worker(store: Store) -> None:
    one = store.create(UNIT, DAY, factory(step_due=timedelta(hours=1)))
    two = store.create(UNIT, DAY, factory(step_due=timedelta(hours=2)))
    before, now = AT + timedelta(hours=3), AT + timedelta(hours=3)

    first = store.claim_due(before, "worker-a", now, lease_seconds=300)
    assert [d.code for d in first] == [one.code, two.code]
    assert first[0] == store.load(one.code)
    assert store.claim_due(before, "worker-b", now) == []
    assert store.claim_due(before, "worker-b", now + timedelta(seconds=299)) == []
    assert [d.code for d in store.claim_due(before, "worker-a", now + timedelta(seconds=10))] == [one.code, two.code]
    three = store.create(UNIT, DAY, factory(step_due=timedelta(hours=2, minutes=30)))
    assert [d.code for d in store.claim_due(before, "worker-b", now + timedelta(seconds=20))] == [three.code]
    after = now + timedelta(seconds=10 + 300)  # worker-a renewed its lease at now + 10 s
    assert [d.code for d in store.claim_due(before, "worker-b", after, limit=1)] == [one.code]
    assert [d.code for d in store.claim_due(before, "worker-c", after)] == [two.code]
    assert raw(store, "SELECT claimed_by FROM dossiers ORDER BY code") == [("worker-b",), ("worker-c",), ("worker-b",)]


def test_a_lease_survives_an_append(store: Store) -> None:
    created = store.create(UNIT, DAY, factory(step_due=timedelta(hours=1)))
    now = AT + timedelta(hours=2)
    assert len(store.claim_due(now, "worker-a", now)) == 1
    moved, events = move(created, "tham_dinh", step_due=AT + timedelta(hours=1))
    store.append(moved, events, expected_version=1)
    assert store.claim_due(now, "worker-b", now) == []


def test_verify_a_clean_store(store: Store) -> None:
    assert store.verify() == []
    created = store.create(UNIT, DAY, factory())
    moved, events = move(created, "tham_dinh", count=3)
    store.append(moved, events, expected_version=1)
    store.create(UNIT, DAY, factory())
    assert store.verify() == []
    assert store.verify(created.code) == []


def _tampered(store: Store) -> str:
    created = store.create(UNIT, DAY, factory())
    moved, events = move(created, "tham_dinh", count=3)
    store.append(moved, events, expected_version=1)
    store.create(UNIT, DAY, factory())  # an untouched neighbour
    return created.code


def _set_comment(store: Store, code: str, seq: int, comment: str) -> None:
    if is_postgres(store):
        raw(store, "UPDATE events SET body = jsonb_set(body, '{comment}', to_jsonb(%s::text)) "
                   "WHERE dossier = %s AND seq = %s", (comment, code, seq))
    else:
        raw(store, "UPDATE events SET body = json_set(body, '$.comment', %s) WHERE dossier = %s AND seq = %s",
            (comment, code, seq))


def test_verify_finds_an_edited_event(store: Store) -> None:
    code = _tampered(store)
    _set_comment(store, code, 2, "Hồ sơ hợp lệ (sửa lại)")
    assert store.history(code)[1].comment == "Hồ sơ hợp lệ (sửa lại)"
    problems = store.verify()
    assert [(p.dossier, p.message) for p in problems] == [
        (code, "event 2 was altered after it was written (hash mismatch)")]
    assert store.verify(code) == problems
    assert str(problems[0]).startswith(code)


def test_verify_finds_a_deleted_middle_event(store: Store) -> None:
    code = _tampered(store)
    raw(store, "DELETE FROM events WHERE dossier = %s AND seq = 2", (code,))
    messages = [p.message for p in store.verify()]
    assert "event 2 is missing (found 3 in its place)" in messages
    assert "the dossier is at version 4 but 3 events are stored" in messages


def test_verify_finds_a_deleted_last_event(store: Store) -> None:
    code = _tampered(store)
    raw(store, "DELETE FROM events WHERE dossier = %s AND seq = 4", (code,))
    messages = [p.message for p in store.verify(code)]
    assert messages == ["the dossier is at version 4 but 3 events are stored",
                        "the newest stored event is not the one the dossier last recorded"]


def test_verify_finds_a_row_rolled_back_by_hand(store: Store) -> None:
    code = _tampered(store)
    raw(store, "DELETE FROM events WHERE dossier = %s AND seq = 4", (code,))
    raw(store, "UPDATE dossiers SET version = 3 WHERE code = %s", (code,))
    assert [p.message for p in store.verify(code)] == [
        "the dossier row's columns disagree with its body (version)",
        "the newest stored event is not the one the dossier last recorded"]


def test_a_body_from_a_newer_isoflow_is_refused(store: Store) -> None:
    created = store.create(UNIT, DAY, factory())
    if is_postgres(store):
        raw(store, "UPDATE dossiers SET body = jsonb_set(body, '{schema}', '2')")
    else:
        raw(store, "UPDATE dossiers SET body = json_set(body, '$.schema', 2)")
    with pytest.raises(StoreError, match="newer isoflow"):
        store.load(created.code)
    assert "newer isoflow" in store.verify()[0].message


def test_bodies_carry_their_schema(store: Store) -> None:
    created = store.create(UNIT, DAY, factory())
    if is_postgres(store):
        rows = raw(store, "SELECT body->>'schema' FROM dossiers UNION ALL SELECT body->>'schema' FROM events")
    else:
        rows = raw(store, "SELECT json_extract(body, '$.schema') FROM dossiers "
                          "UNION ALL SELECT json_extract(body, '$.schema') FROM events")
    assert [str(r[0]) for r in rows] == ["1", "1"]
    assert created.code


def test_schema_version(store: Store) -> None:
    assert store.schema_version() == SCHEMA_VERSION == MIGRATIONS[-1].version
    assert [r[0] for r in raw(store, "SELECT version FROM schema_migrations ORDER BY version")] == [
        m.version for m in MIGRATIONS]


def test_reopening_keeps_data_and_does_not_migrate_again(shared_url: str) -> None:
    first = open_store(shared_url)
    try:
        created = first.create(UNIT, DAY, factory())
        applied = raw(first, "SELECT version, applied_at FROM schema_migrations")
    finally:
        first.close()
    second = open_store(shared_url)
    try:
        assert second.load(created.code) == created
        assert raw(second, "SELECT version, applied_at FROM schema_migrations") == applied
        assert second.create(UNIT, DAY, factory()).code.endswith("-0002")
    finally:
        second.close()


def test_a_newer_database_is_refused(shared_url: str) -> None:
    store = open_store(shared_url)
    raw(store, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (%s, %s, %s)",
        (SCHEMA_VERSION + 1, "from the future", "2030-01-01 00:00:00"))
    store.close()
    with pytest.raises(StoreError, match="newer than this isoflow"):
        open_store(shared_url)


def test_a_crash_inside_the_write_leaves_the_old_state(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    created = store.create(UNIT, DAY, factory())
    row, stored_events = _row(store, created.code), _events(store, created.code)

    seen = []

    def crash(*args: Any) -> None:
        seen.append(_row(store, created.code))  # what the transaction sees: the row already updated
        raise OSError("disk on fire")

    monkeypatch.setattr(store, "_insert_events", crash)
    moved, events = move(created, "tham_dinh")
    with pytest.raises(OSError, match="disk on fire"):
        store.append(moved, events, expected_version=1)
    assert seen[0] != row
    with pytest.raises(OSError, match="disk on fire"):
        store.create(UNIT, DAY, factory())
    monkeypatch.undo()
    assert _row(store, created.code) == row
    assert _events(store, created.code) == stored_events
    assert store.codes() == [created.code]
    assert store.verify() == []
    store.append(moved, events, expected_version=1)  # and the store still works
    assert store.load(created.code) == moved
    assert store.create(UNIT, DAY, factory()).code.endswith("-0002")


def test_a_version_1_database_is_migrated_with_its_data(tmp_path: Any) -> None:
    """Migrations 2 (remind_at), 3 (unused indexes dropped), 4 (indicator columns, filled from the
    bodies), 5 (events' row_hash), 6 (step_times) and 7 (indexes) on a database written by the
    first release."""
    import sqlite3

    path = tmp_path / "v1.db"
    store = open_store(f"sqlite:///{path}")
    created = store.create(UNIT, DAY, factory())
    store.close()
    with sqlite3.connect(path) as conn:  # turn it back into what release 1 wrote
        for index in ("dossiers_due", "dossiers_report_open", "dossiers_report_closed"):
            conn.execute(f"DROP INDEX {index}")
        conn.execute("CREATE INDEX dossiers_next_due ON dossiers (next_due_at, code) WHERE closed = 0")
        conn.execute("ALTER TABLE dossiers DROP COLUMN remind_at")
        conn.execute("CREATE INDEX dossiers_process_state ON dossiers (process_code, state)")
        conn.execute("CREATE INDEX events_actor_at ON events (actor, at)")
        conn.execute("DROP TABLE step_times")
        conn.execute("DROP TABLE ratings")
        for column in FACT_COLUMNS:
            conn.execute(f"ALTER TABLE dossiers DROP COLUMN {column}")
        conn.execute("ALTER TABLE events DROP COLUMN row_hash")
        conn.execute("DELETE FROM schema_migrations WHERE version >= 2")
    store = open_store(f"sqlite:///{path}")
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert raw(store, "SELECT channel, closed_at, supplements, paid_online FROM dossiers") == \
            [(created.channel, None, 0, 0)]
        indexes = {r[0] for r in raw(store, "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"dossiers_due", "dossiers_report_open", "dossiers_report_closed"} <= indexes
        assert not indexes & {"dossiers_process_state", "events_actor_at", "dossiers_remind", "dossiers_next_due",
                              "dossiers_report"}
        assert store.load(created.code) == created
        due = created.step.due_at or created.clock.due_at
        assert due is not None
        claimed = store.claim_due(due, "w", due)
        assert [d.code for d in claimed] == [created.code]
    finally:
        store.close()
