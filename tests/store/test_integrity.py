"""What ``verify`` and ``load`` find when the database is changed behind isoflow's back (issue 13 §2).

Each test tampers with the database directly, as the outside tester did: a whole dossier
deleted, events left without their row, a row inserted by hand, a current-state row edited
without an event (with and without the row digest its newest event records), and says what
is, and is not, detectable.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from msgspec.structs import replace

from isoflow.errors import DossierNotFound, DossierTampered, StoreError
from isoflow.model.dossier import GENESIS, Dossier, Event, event_to_json
from isoflow.store import Store, _integrity
from isoflow.store import _common as c
from isoflow.store.codec import event_hash, row_digest, seal, seal_write, verify_chain
from tests.store._helpers import DAY, UNIT, factory, is_postgres, leave_step, move, new_dossier, raw

GIVEN = f"on {DAY.isoformat()} (the daily sequence of unit {UNIT} reached 0003): the whole dossier was deleted"


#: What the store-wide ledger says of a dossier deleted whole (isoflow.store.ledger).
DELETED_WHOLE = "the ledger records event(s) 1 that are not in the store: the dossier was deleted"

def _three(store: Store) -> list[str]:
    """Three dossiers of one unit and day; the first moved on (4 events)."""
    first = store.create(UNIT, DAY, factory())
    moved, events = move(first, "tham_dinh", count=3)
    store.append(moved, events, expected_version=1)
    return [first.code, store.create(UNIT, DAY, factory()).code, store.create(UNIT, DAY, factory()).code]


def _delete_dossier(store: Store, code: str) -> None:
    for table, column in (("step_times", "dossier"), ("ratings", "dossier"), ("events", "dossier"),
                          ("dossiers", "code")):
        raw(store, f"DELETE FROM {table} WHERE {column} = %s", (code,))  # noqa: S608


def _without_foreign_keys(store: Store) -> None:
    """What a forger with the database's rights can do: delete a row whose events remain."""
    if is_postgres(store):
        raw(store, "ALTER TABLE events DROP CONSTRAINT events_dossier_fkey")
    else:
        raw(store, "PRAGMA foreign_keys = OFF")


def _set_body(store: Store, code: str, path: str, value: Any, column: str | None = None) -> None:
    """Set ``path`` (dotted) of the row's body to ``value`` (and ``column`` too, if given)."""
    if is_postgres(store):
        raw(store, "UPDATE dossiers SET body = jsonb_set(body, %s, %s::jsonb) WHERE code = %s",
            ("{" + path.replace(".", ",") + "}", json.dumps(value, ensure_ascii=False), code))
    else:
        raw(store, "UPDATE dossiers SET body = json_set(body, %s, %s) WHERE code = %s", (f"$.{path}", value, code))
    if column is not None:
        raw(store, f"UPDATE dossiers SET {column} = %s WHERE code = %s", (value, code))  # noqa: S608


def _forge_state(store: Store, code: str, state: str) -> None:
    """The tester's forgery: the row's step set (column, body and step clock), no event written."""
    _set_body(store, code, "state", state, column="state")
    _set_body(store, code, "step.state", state)


# -- a whole dossier deleted ---------------------------------------------------------------------

def test_a_deleted_dossier_is_reported_by_its_code(store: Store) -> None:
    first, second, third = _three(store)
    assert store.verify() == []
    _delete_dossier(store, second)
    problems = store.verify()
    assert [(p.dossier, p.message) for p in problems] == [
        (second, f"no dossier row or events remain, although its code was given {GIVEN}"),
        (second, DELETED_WHOLE)]
    assert store.verify(second) == problems  # asked by its code: reported, not "no such dossier"
    assert store.verify(first) == store.verify(third) == []
    with pytest.raises(DossierNotFound):
        store.verify(f"{UNIT}-260205-0004")  # never given
    with pytest.raises(DossierNotFound):
        store.load(second)


def test_the_newest_and_the_only_dossier_of_a_day_are_reported_too(store: Store) -> None:
    *_, third = _three(store)
    other = store.create("H40", date(2026, 2, 6), factory()).code
    _delete_dossier(store, third)
    _delete_dossier(store, other)
    assert [(p.dossier, p.message) for p in store.verify()] == [
        (third, f"no dossier row or events remain, although its code was given {GIVEN}"),
        (other, "no dossier row or events remain, although its code was given on 2026-02-06 (the daily sequence "
                "of unit H40 reached 0001): the whole dossier was deleted"),
        (third, DELETED_WHOLE), (other, DELETED_WHOLE)]


def test_a_dossier_deleted_with_its_code_sequence_shows_in_the_ledger(store: Store) -> None:
    """Deleting the only dossier of a unit's day together with that day's ``code_sequences`` row
    left no trace before the store-wide ledger (issue 16); the ledger still records its events."""
    store.create(UNIT, DAY, factory())
    code = store.create("H40", date(2026, 2, 6), factory()).code
    _delete_dossier(store, code)
    raw(store, "DELETE FROM code_sequences WHERE unit = %s", ("H40",))
    assert [(p.dossier, p.message) for p in store.verify()] == [(code, DELETED_WHOLE)]


def test_events_whose_row_is_gone(store: Store) -> None:
    first, *_ = _three(store)
    _without_foreign_keys(store)
    raw(store, "DELETE FROM dossiers WHERE code = %s", (first,))
    problems = [(p.dossier, p.message) for p in store.verify()]
    assert problems == [(first, "its current-state row is gone but 4 event(s) remain")]
    assert [(p.dossier, p.message) for p in store.verify(first)] == problems


def test_a_row_whose_code_was_never_given(store: Store) -> None:
    first, second, third = _three(store)
    raw(store, "UPDATE code_sequences SET last = 2")  # as if the third row had been inserted by hand
    assert [(p.dossier, p.message) for p in store.verify()] == [
        (third, f"its code was never given: the daily sequence of unit {UNIT} for 260205 reached 0002; "
                "the row was inserted by hand")]
    assert len(store.verify(third)) == 1
    assert store.verify(first) == []
    raw(store, "DELETE FROM code_sequences")
    assert {p.dossier for p in store.verify()} == {first, second, third}
    assert store.verify(second)[0].message == (f"its code was never given: the daily sequence of unit {UNIT} "
                                               "for 260205 has no entry; the row was inserted by hand")


def test_a_row_with_a_code_no_sequence_gives(store: Store) -> None:
    def build(code: str) -> tuple[Dossier, list[Event]]:
        return new_dossier(code)

    created = store.create(UNIT, DAY, build)
    # Rename the dossier everywhere: what is left is a row no daily sequence could have given.
    _without_foreign_keys(store)
    raw(store, "UPDATE dossiers SET code = %s WHERE code = %s", ("HANDMADE", created.code))
    raw(store, "UPDATE events SET dossier = %s WHERE dossier = %s", ("HANDMADE", created.code))
    messages = {(p.dossier, p.message) for p in store.verify()}
    assert ("HANDMADE", "this is not a dossier code a daily sequence gives (<unit>-YYMMDD-XXXX): the row was "
                        "inserted by hand") in messages
    gone = (f"no dossier row or events remain, although its code was given on {DAY.isoformat()} "
            f"(the daily sequence of unit {UNIT} reached 0001): the whole dossier was deleted")
    assert (created.code, gone) in messages


# -- a row edited without an event ---------------------------------------------------------------

def test_a_forged_step_is_refused_on_load_and_reported_by_verify(store: Store) -> None:
    first, second, _ = _three(store)
    _forge_state(store, first, "da_tra")
    with pytest.raises(DossierTampered) as caught:
        store.load(first)
    assert str(caught.value) == (f"dossier {first}: its current-state row does not match its audit trail (the row "
                                 "is not the one event 4 recorded (row digest check)); run isoflow dossier verify")
    assert isinstance(caught.value.dossier, Dossier)
    assert caught.value.dossier.state == "da_tra"  # the row as stored, for a display that warns
    assert store.load(second).version == 1  # the neighbours load as before
    assert [p.message for p in store.verify()] == [
        "the row is not the one event 4 recorded (row digest check)",
        "the row says step 'da_tra' but its events end in step 'tham_dinh' (event 4) (structural check)"]
    assert store.verify(first) == store.verify()
    assert len(store.history(first)) == 4  # the trail itself is intact


def test_any_edit_of_the_body_breaks_the_row_digest(store: Store) -> None:
    first, *_ = _three(store)
    _set_body(store, first, "data.ho_ten", "Kẻ Gian")
    with pytest.raises(DossierTampered, match="row digest check"):
        store.load(first)
    assert [p.message for p in store.verify()] == ["the row is not the one event 4 recorded (row digest check)"]


def test_a_column_edited_without_the_body(store: Store) -> None:
    first, *_ = _three(store)
    raw(store, "UPDATE dossiers SET state = %s, status = %s WHERE code = %s", ("da_tra", 10, first))
    assert store.load(first).state == "tham_dinh"  # what isoflow acts on is the body, still intact
    assert [p.message for p in store.verify()] == [
        "the dossier row's columns disagree with its body (state, status)"]


def test_an_indicator_column_edited_without_the_body(store: Store) -> None:
    first, *_ = _three(store)
    raw(store, "UPDATE dossiers SET result = %s, handovers = %s WHERE code = %s", ("early", 7, first))
    assert [p.message for p in store.verify()] == [
        "the dossier row's columns disagree with its body (result, handovers)"]


def test_a_removed_newest_event_is_refused_on_load(store: Store) -> None:
    first, *_ = _three(store)
    raw(store, "DELETE FROM events WHERE dossier = %s AND seq = 4", (first,))
    with pytest.raises(DossierTampered, match=r"\(the row is at version 4 but its newest event is 3\)"):
        store.load(first)
    raw(store, "DELETE FROM events WHERE dossier = %s", (first,))
    with pytest.raises(DossierTampered, match=r"\(no events remain for the row\)"):
        store.load(first)


def test_a_row_digest_column_forged_with_the_row_is_found_by_verify(store: Store) -> None:
    """``load`` trusts the events' ``row_hash`` column (that is what makes it cheap); ``verify``
    checks the column against the hashed event body."""
    first, *_ = _three(store)
    _forge_state(store, first, "da_tra")
    with pytest.raises(DossierTampered) as caught:
        store.load(first)
    forged = caught.value.dossier
    assert isinstance(forged, Dossier)
    raw(store, "UPDATE events SET row_hash = %s WHERE dossier = %s AND seq = 4", (row_digest(forged), first))
    assert store.load(first).state == "da_tra"
    assert [p.message for p in store.verify()] == [
        "event 4: its row_hash column is not the row digest its body records",
        "the row is not the one event 4 recorded (row digest check)",
        "the row says step 'da_tra' but its events end in step 'tham_dinh' (event 4) (structural check)"]


def test_a_write_must_record_its_row(store: Store) -> None:
    created = store.create(UNIT, DAY, factory())
    moved, events = move(created, "tham_dinh")
    unrecorded = seal([replace(events[0], row_hash=None)], created.last_hash)
    with pytest.raises(StoreError, match=r"event 2 does not record the row it writes \(seal the write with "
                                         r"isoflow.store.codec.seal_write\)"):
        store.append(replace(moved, last_hash=unrecorded[-1].hash), unrecorded, expected_version=1)
    other = seal([replace(events[0], row_hash="0" * 64)], created.last_hash)
    with pytest.raises(StoreError, match="does not record the row it writes"):
        store.append(replace(moved, last_hash=other[-1].hash), other, expected_version=1)
    assert store.load(created.code) == created


# -- rows written before row digests (schema 4): the structural replay -----------------------------

@pytest.fixture
def legacy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Writes as isoflow wrote them before row digests: events without ``row_hash``."""
    def unsealed(dossier: Dossier, events: Any, prev_hash: str) -> tuple[Dossier, list[Event]]:
        sealed = seal([replace(e, row_hash=None) for e in events], prev_hash)
        return replace(dossier, last_hash=sealed[-1].hash), sealed

    monkeypatch.setattr("tests.store._helpers.seal_write", unsealed)
    monkeypatch.setattr(c, "row_digest", lambda dossier: None)  # the store took any write then
    yield
    monkeypatch.undo()


def _legacy_three(store: Store) -> list[str]:
    codes = _three(store)
    assert raw(store, "SELECT count(*) FROM events WHERE row_hash IS NOT NULL") == [(0,)]
    return codes


def test_legacy_rows_load_and_verify_clean(store: Store, legacy: None) -> None:
    first, *_ = _legacy_three(store)
    assert "row_hash" not in event_to_json(store.history(first)[-1])
    assert store.load(first).state == "tham_dinh"
    assert store.verify() == []


def test_a_forged_legacy_row_is_found_by_the_structural_replay(store: Store, legacy: None) -> None:
    first, second, _ = _legacy_three(store)
    _forge_state(store, first, "da_tra")
    with pytest.raises(DossierTampered) as caught:
        store.load(first)
    assert caught.value.reason == ("the row says step 'da_tra' but its events end in step 'tham_dinh' (event 4) "
                                   "(structural check: event 4 predates row digests)")
    assert [p.message for p in store.verify()] == [caught.value.reason]
    _set_body(store, second, "status", 10, column="status")
    _set_body(store, second, "closed_at", "2026-02-05T12:00:00")
    messages = [p.message for p in store.verify(second)]
    assert messages == ["the dossier row's columns disagree with its body (closed)",
                        "the row says status 10 but event 1 set status 1 "
                        "(structural check: event 1 predates row digests)",
                        "the row is closed (2026-02-05T12:00:00) but no event closed the dossier "
                        "(structural check: event 1 predates row digests)",
                        "the row's outcome and closing time disagree (one is set, the other is not) "
                        "(structural check: event 1 predates row digests)"]


def test_a_legacy_row_whose_digest_column_was_blanked_still_uses_the_hashed_body(store: Store) -> None:
    """Blanking the ``row_hash`` column does not turn a row digest into the weaker replay: load reads
    the trail then, and the newest event's hashed body still has the digest."""
    first, *_ = _three(store)
    _set_body(store, first, "data.ho_ten", "Kẻ Gian")
    raw(store, "UPDATE events SET row_hash = NULL WHERE dossier = %s", (first,))
    with pytest.raises(DossierTampered, match=r"the row is not the one event 4 recorded \(row digest check\)"):
        store.load(first)


# -- the codec --------------------------------------------------------------------------------------

def test_row_hash_is_hashed_only_when_set() -> None:
    dossier, [event] = new_dossier("H56-260205-0001")
    assert event.row_hash == row_digest(dossier)
    assert event_to_json(event)["row_hash"] == event.row_hash
    assert event_hash(event) == event.hash
    bare = seal([replace(event, row_hash=None)], GENESIS)[0]
    assert "row_hash" not in event_to_json(bare)
    assert bare.hash != event.hash
    assert verify_chain([event]) == verify_chain([bare]) == []
    assert event_hash(replace(event, row_hash="f" * 64)) != event.hash


def test_the_row_digest_leaves_out_only_last_hash() -> None:
    dossier, _ = new_dossier("H56-260205-0001")
    assert row_digest(replace(dossier, last_hash="a" * 64)) == row_digest(dossier)
    assert row_digest(replace(dossier, state="da_tra")) != row_digest(dossier)
    assert row_digest(replace(dossier, data={**dossier.data, "phí": 8000.25})) != row_digest(dossier)
    # Key order is not part of it: a body read back from PostgreSQL's jsonb reorders keys.
    reordered = replace(dossier, data=dict(reversed(list(dossier.data.items()))))
    assert row_digest(reordered) == row_digest(dossier)
    assert _integrity.parse_code("000.17.22.H56-260205-0001") == ("000.17.22.H56", "260205", 1)
    assert _integrity.parse_code("HANDMADE") is None
    assert _integrity.parse_code("H56-2602-0001") is None


def test_numbers_jsonb_rewrites_are_no_tampering(store: Store) -> None:
    """PostgreSQL's jsonb gives 1e+16 back as an integer and -0.0 as 0.0: the row digest must
    not take that for an edit (the row is stored as jsonb would give it back, on both backends)."""
    values = {"lớn": 1e16, "rất_lớn": 1e23, "âm_không": -0.0, "nhỏ": 1.5e-7, "thường": 8000.5, "chữ": "e+1 -0.0"}

    def build(code: str) -> tuple[Dossier, list[Event]]:
        dossier, events = new_dossier(code)
        return seal_write(replace(dossier, data={**dossier.data, **values}), events, GENESIS)

    created = store.create(UNIT, DAY, build)
    loaded = store.load(created.code)
    assert replace(loaded, data=created.data) == created
    assert loaded.data["rất_lớn"] == 10**23 != created.data["rất_lớn"]  # the decimal it spelt, as jsonb keeps it
    assert loaded.data["lớn"] == 10**16
    assert str(loaded.data["âm_không"]) == "0.0"
    assert store.verify() == []


# -- the report's step rows (derived from events, read by the per-step table) --------------------

def _two_steps(store: Store) -> str:
    """A dossier that left two timed steps (events 2 and 3: two step_times rows)."""
    dossier = store.create(UNIT, DAY, factory())
    moved, events = leave_step(dossier, "tham_dinh", 45, "on_time")
    store.append(moved, events, expected_version=1)
    again, events = leave_step(moved, "phe_duyet", 600, "late")
    store.append(again, events, expected_version=2)
    return dossier.code


def test_step_rows_written_by_isoflow_verify_clean(store: Store) -> None:
    code = _two_steps(store)
    assert [row[:2] for row in raw(store, "SELECT seq, result FROM step_times WHERE dossier = %s ORDER BY seq",
                                   (code,))] == [(2, "on_time"), (3, "late")]
    assert store.verify() == []


def test_a_step_row_edited_by_hand_is_reported(store: Store) -> None:
    """A late step turned on-time (and shorter) in step_times alone: the report would count it."""
    code = _two_steps(store)
    raw(store, "UPDATE step_times SET result = %s, worked_min = %s WHERE dossier = %s AND seq = 3",
        ("on_time", 60, code))
    assert [(p.dossier, p.message) for p in store.verify()] == [
        (code, "step_times row of event 3 disagrees with the event (worked_min, result)")]
    assert [p.message for p in store.verify(code)] == [
        "step_times row of event 3 disagrees with the event (worked_min, result)"]


def test_a_step_row_deleted_or_added_by_hand_is_reported(store: Store) -> None:
    code = _two_steps(store)
    raw(store, "DELETE FROM step_times WHERE dossier = %s AND seq = 3", (code,))
    raw(store, "INSERT INTO step_times (dossier, seq, process_code, step, at, worked_min, result) "
        "SELECT dossier, 1, process_code, step, at, 5, 'on_time' FROM step_times WHERE dossier = %s AND seq = 2",
        (code,))
    assert [p.message for p in store.verify()] == [
        "step_times has a row for event 1, which left no timed step: the row was added by hand",
        "step_times has no row for event 3, which left step tham_dinh (a row was deleted)"]


def test_step_rows_of_a_dossier_without_a_row_are_reported(store: Store) -> None:
    code = _two_steps(store)
    _without_foreign_keys(store)
    if is_postgres(store):
        raw(store, "ALTER TABLE step_times DROP CONSTRAINT step_times_dossier_fkey")
    raw(store, "DELETE FROM events WHERE dossier = %s", (code,))
    raw(store, "DELETE FROM dossiers WHERE code = %s", (code,))
    messages = {p.message for p in store.verify()}
    assert "step_times has 2 row(s) of this dossier, which has no row" in messages
