"""Several processes on one database: codes, optimistic concurrency, a writer killed mid-write."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from isoflow.store import open_store
from tests.store import _workers
from tests.store._helpers import DAY, UNIT, factory, raw

pytestmark = [pytest.mark.concurrency, pytest.mark.slow]
SPAWN = multiprocessing.get_context("spawn")
PROCESSES = 4


def test_concurrent_receipts_get_consecutive_codes(shared_url: str) -> None:
    open_store(shared_url).close()  # migrate once, before the workers start
    per_process = 50
    with SPAWN.Pool(PROCESSES, _workers.init, (SPAWN.Barrier(PROCESSES),)) as pool:
        results = pool.starmap(_workers.create_many, [(shared_url, per_process)] * PROCESSES)
    codes = [code for result in results for code in result]
    expected = [f"{UNIT}-260205-{n:04d}" for n in range(1, PROCESSES * per_process + 1)]
    assert sorted(codes) == expected  # no gap, no duplicate
    for result in results:
        assert result == sorted(result)  # each worker saw its codes grow
    store = open_store(shared_url)
    try:
        assert sorted(store.codes()) == expected
        assert raw(store, "SELECT last FROM code_sequences") == [(PROCESSES * per_process,)]
        assert store.verify() == []
    finally:
        store.close()


def test_concurrent_writers_never_lose_an_update(shared_url: str) -> None:
    store = open_store(shared_url)
    codes = [store.create(UNIT, DAY, factory()).code for _ in range(5)]
    attempts = 60
    with SPAWN.Pool(PROCESSES, _workers.init, (SPAWN.Barrier(PROCESSES),)) as pool:
        results = pool.starmap(_workers.read_modify_append,
                               [(shared_url, codes, attempts, seed) for seed in range(PROCESSES)])
    try:
        successes = {code: sum(r[0].get(code, 0) for r in results) for code in codes}
        conflicts = sum(r[1] for r in results)
        assert sum(successes.values()) + conflicts == PROCESSES * attempts
        for code in codes:
            dossier = store.load(code)
            assert dossier.version == 1 + successes[code]
            assert [e.seq for e in store.history(code)] == list(range(1, dossier.version + 1))
        assert store.verify() == []
    finally:
        store.close()


@pytest.mark.parametrize("operation", ["append", "create"])
def test_a_writer_killed_mid_transaction_leaves_the_old_state(shared_url: str, operation: str) -> None:
    store = open_store(shared_url)
    try:
        created = store.create(UNIT, DAY, factory())
        ready = SPAWN.Event()
        child = SPAWN.Process(target=_workers.stall_in_write, args=(shared_url, operation, created.code, ready))
        child.start()
        try:
            assert ready.wait(20), "the child never reached the middle of its write"
        finally:
            assert child.pid is not None
            os.kill(child.pid, signal.SIGKILL)
            child.join(10)
        assert child.exitcode == -signal.SIGKILL

        assert store.load(created.code) == created
        assert [e.seq for e in store.history(created.code)] == [1]
        assert store.codes() == [created.code]
        assert store.verify() == []
        started = time.monotonic()  # the dead writer's locks are gone: writing works at once
        assert store.create(UNIT, DAY, factory()).code.endswith("-0002")
        assert time.monotonic() - started < 5
    finally:
        store.close()
