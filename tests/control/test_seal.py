"""The store-wide ledger and its signed checkpoints (issue 16 §2, §3), on SQLite and PostgreSQL:
what ``verify`` names when a dossier is deleted, the tail cut, events reordered, inserted or
rewritten, a checkpoint does not match, and a store copied from another agency."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest

from isoflow.control.seal import check_seal, require_seal, seal
from isoflow.errors import CheckpointMismatch, StoreCopied
from isoflow.store import Store, open_store
from isoflow.store.ledger import GENESIS_ROOT, LedgerRow, chain
from tests.control.conftest import SEAL, Authority
from tests.store._helpers import DAY, UNIT, factory, move, raw


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


def _three(store: Store) -> list[str]:
    """Three dossiers, the first moved twice: 1 + 1 + 1 + 2 = 5 events, ledger #1 to #5 in that order."""
    codes = []
    for minute in range(3):
        codes.append(store.create(UNIT, DAY, factory(datetime(2026, 2, 5, 8, 30 + minute))).code)
    first = store.load(codes[0])
    moved, events = move(first, "tham_dinh")
    store.append(moved, events, expected_version=1)
    moved2, events2 = move(moved, "ky_duyet")
    store.append(moved2, events2, expected_version=2)
    return codes


def _messages(store: Store) -> list[tuple[str, str]]:
    return [(p.dossier, p.message) for p in store.verify()]


def test_every_event_joins_the_ledger_in_commit_order(store: Store) -> None:
    codes = _three(store)
    snapshot = store.ledger()
    assert [(r.seq, r.dossier, r.event) for r in snapshot.rows] == [
        (1, codes[0], 1), (2, codes[1], 1), (3, codes[2], 1), (4, codes[0], 2), (5, codes[0], 3)]
    assert [r.hash for r in snapshot.rows[:1]] == [e.hash for e in store.history(codes[0])[:1]]
    assert len(snapshot.store_id) == 32
    assert snapshot.checkpoints == ()
    assert store.verify() == []


def test_a_checkpoint_chains_the_rows_and_is_signed(store: Store, authority: Authority) -> None:
    _three(store)
    organisation = authority.identity(SEAL)
    first = seal(store, organisation, every=5, now=datetime(2026, 2, 5, 17, 0))
    assert first is not None
    assert (first.number, first.upto) == (1, 5)
    rows = store.ledger().rows
    # the root, by hand: SHA-256 of the previous root and each row's line, one after the other
    import hashlib
    root = GENESIS_ROOT
    for row in rows:
        root = hashlib.sha256(f"{root}{row.seq}\t{row.dossier}\t{row.event}\t{row.hash}\n".encode()).hexdigest()
    assert first.root == root == chain(GENESIS_ROOT, rows)
    assert seal(store, organisation, every=1) is None  # nothing new since
    more = store.create(UNIT, DAY, factory(datetime(2026, 2, 5, 9, 0)))
    assert seal(store, organisation, every=2) is None  # one new event: fewer than the interval
    second = seal(store, organisation, every=1)
    assert second is not None
    assert (second.number, second.upto) == (2, 6)
    assert second.root == chain(first.root, [LedgerRow(6, more.code, 1, more.last_hash)])
    check = check_seal(store.ledger(), authority.roots)
    assert (check.ok, check.checkpoints, check.sealed_upto, check.organisation, check.signer) == \
        (True, 2, 6, SEAL, SEAL)
    assert store.verify() == []


def test_a_dossier_deleted_whole_is_named(store: Store) -> None:
    codes = _three(store)
    gone = codes[2]  # the day's newest: the forger also winds the daily sequence back
    raw(store, "DELETE FROM events WHERE dossier = %s", (gone,))
    raw(store, "DELETE FROM dossiers WHERE code = %s", (gone,))
    raw(store, "UPDATE code_sequences SET last = 2")
    assert _messages(store) == [
        (gone, "the ledger records event(s) 1 that are not in the store: the dossier was deleted")]


def test_a_truncated_tail_is_named(store: Store, authority: Authority) -> None:
    codes = _three(store)
    seal(store, authority.identity(SEAL))
    # the newest write undone: its event, its ledger row and the row back at version 2
    raw(store, "DELETE FROM events WHERE dossier = %s AND seq = 3", (codes[0],))
    raw(store, "DELETE FROM ledger WHERE seq = 5")
    problems = _messages(store)
    assert ("ledger", "checkpoint 1 sealed the ledger up to #5, but it ends at #4: its tail was cut") in problems


def test_reordered_events_are_named(store: Store) -> None:
    codes = _three(store)
    # events 2 and 3 of the first dossier swap places (their seq numbers exchanged)
    raw(store, "UPDATE events SET seq = 99 WHERE dossier = %s AND seq = 2", (codes[0],))
    raw(store, "UPDATE events SET seq = 2 WHERE dossier = %s AND seq = 3", (codes[0],))
    raw(store, "UPDATE events SET seq = 3 WHERE dossier = %s AND seq = 99", (codes[0],))
    problems = [m for d, m in _messages(store) if d == codes[0] and "ledger" in m]
    assert problems == ["event 2 is not the event the ledger recorded (#4): its chain was rewritten",
                        "event 3 is not the event the ledger recorded (#5): its chain was rewritten"]
    # and the ledger's own rows reordered
    raw(store, "UPDATE ledger SET event = 9 WHERE seq = 4")
    raw(store, "UPDATE ledger SET event = 2 WHERE seq = 5")
    raw(store, "UPDATE ledger SET event = 3 WHERE seq = 4")
    assert (codes[0], "the ledger records event 2 (#5) after event 3 (#4): its events were reordered") \
        in _messages(store)


def test_an_inserted_event_is_named(store: Store) -> None:
    codes = _three(store)
    raw(store, "INSERT INTO events (dossier, seq, kind, at, actor, hash, prev_hash, row_hash, body) "
               "SELECT dossier, 4, kind, at, actor, hash, prev_hash, row_hash, body FROM events "
               "WHERE dossier = %s AND seq = 3", (codes[0],))
    assert (codes[0], "event 4 is not in the store's ledger: it was inserted (or the ledger's row of it deleted)") \
        in _messages(store)


def test_a_rewritten_chain_and_ledger_do_not_match_the_checkpoint(store: Store, authority: Authority) -> None:
    codes = _three(store)
    seal(store, authority.identity(SEAL))
    forged = "f" * 64
    # a forger rewrites event 2 of the first dossier and makes the ledger row agree with it
    raw(store, "UPDATE events SET hash = %s WHERE dossier = %s AND seq = 2", (forged, codes[0]))
    raw(store, "UPDATE ledger SET hash = %s WHERE seq = 4", (forged,))
    assert ("ledger", "checkpoint 1 does not match the ledger #1 to #5: rows it sealed were changed") \
        in _messages(store)
    # and then rewrites the checkpoint's root to what the forged rows give: the signature says no
    raw(store, "UPDATE checkpoints SET root = %s", (chain(GENESIS_ROOT, store.ledger().rows),))
    assert not [m for d, m in _messages(store) if d == "ledger"]
    check = check_seal(store.ledger(), authority.roots)
    assert check.problems == ("checkpoint 1 does not match what was signed (root)",)
    with pytest.raises(CheckpointMismatch, match=r"^the store's checkpoint 1 does not match what was signed"):
        require_seal(store.ledger(), authority.roots)


def test_a_store_copied_from_another_agency(store: Store, authority: Authority, foreign: Authority) -> None:
    _three(store)
    seal(store, foreign.identity("Ủy ban nhân dân xã Hòa Bình"))
    before = raw(store, "SELECT number, upto, root FROM checkpoints")
    # this agency cannot seal it on, trusts none of its checkpoints, and will not open it strictly
    with pytest.raises(StoreCopied, match="signed by Ủy ban nhân dân xã Hòa Bình, not by Ủy ban nhân dân xã Tân Phú: "
                                          "it was copied from another agency"):
        seal(store, authority.identity(SEAL))
    assert raw(store, "SELECT number, upto, root FROM checkpoints") == before  # nothing written
    check = check_seal(store.ledger(), authority.roots)
    assert check.problems == ("checkpoint 1 is signed by Ủy ban nhân dân xã Hòa Bình (Ủy ban nhân dân xã Hòa Bình), "
                              "whom the trust list does not vouch for: the store was sealed by another agency "
                              "(copied?)",)
    with pytest.raises(StoreCopied, match=r"^the store.s checkpoint 1 is signed by"):
        require_seal(store.ledger(), authority.roots)


def test_a_checkpoint_moved_from_another_store(store_url: str, tmp_path: Any, authority: Authority) -> None:
    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    mine = open_store(store_url)
    try:
        for target in (other, mine):
            target.create(UNIT, date(2026, 2, 5), factory())
        made = seal(other, authority.identity(SEAL))
        assert made is not None
        raw(mine, "INSERT INTO checkpoints (number, upto, root, signature) VALUES (%s, %s, %s, %s)",
            (made.number, made.upto, chain(GENESIS_ROOT, mine.ledger().rows), made.signature))
        problems = check_seal(mine.ledger(), authority.roots).problems
        assert len(problems) == 1
        assert problems[0].startswith(f"checkpoint 1 seals store {other.ledger().store_id}, "
                                                              "not this one")
        with pytest.raises(StoreCopied):
            require_seal(mine.ledger(), authority.roots)
    finally:
        other.close()
        mine.close()


def test_the_benchmark_measures_the_ledger_and_a_checkpoint() -> None:
    """benchmarks/bench_engine.py's ledger figures still run (a smoke run, no timing asserted):
    the durable rate without the ledger, and one checkpoint sealed and verified."""
    import importlib.util
    import sys
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "benchmarks"
    sys.path.insert(0, str(folder))
    try:
        spec = importlib.util.spec_from_file_location("bench_engine_ledger", folder / "bench_engine.py")
        assert spec is not None
        assert spec.loader is not None
        bench = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bench)
        from isoflow.store import ledger

        kept = ledger.record_sqlite
        assert bench._no_ledger(lambda: 1.0 if ledger.record_sqlite is not kept else 0.0) == 1.0
        assert ledger.record_sqlite is kept  # restored
        rows, sealed, checked = bench.seal_seconds(3)
        assert rows == 3 * 7  # receive and six actions a lifecycle
        assert sealed > 0
        assert checked > 0
    finally:
        sys.path.remove(str(folder))


def test_sealing_while_writers_commit(shared_store_url: str, authority: Authority) -> None:
    """Writers on their own connections commit while checkpoints are sealed: every checkpoint
    holds (no number below one it sealed commits after it: the seal waits for writes in flight on
    PostgreSQL, whose sequence numbers are taken before commit), and nothing is left out."""
    import threading

    organisation = authority.identity(SEAL)
    errors: list[BaseException] = []

    def writer(unit: str) -> None:
        store = open_store(shared_store_url)
        try:
            for minute in range(12):
                created = store.create(unit, DAY, factory(datetime(2026, 2, 5, 8, minute)))
                store.append(*move(created, "tham_dinh"), expected_version=1)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            store.close()

    threads = [threading.Thread(target=writer, args=(f"H5{n}",)) for n in range(3)]
    sealer = open_store(shared_store_url)
    try:
        for thread in threads:
            thread.start()
        sealed = 0
        while any(thread.is_alive() for thread in threads):
            sealed += seal(sealer, organisation) is not None
        for thread in threads:
            thread.join()
        seal(sealer, organisation)
        assert errors == []
        assert sealer.verify() == []
        snapshot = sealer.ledger()
        assert len(snapshot.rows) == 3 * 12 * 2
        assert snapshot.checkpoints[-1].upto == snapshot.rows[-1].seq
        check = check_seal(snapshot, authority.roots)
        assert check.ok, check.problems
        assert sealed >= 1
    finally:
        sealer.close()
