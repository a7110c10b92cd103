"""Numbers under concurrency (Decree 30/2020 Art. 15, 22(2)): four processes registering at once
on SQLite and on PostgreSQL give every number once, none skipped, each to the document that
recorded it."""

from __future__ import annotations

import multiprocessing

import pytest

from isoflow.documents import DocumentOffice
from isoflow.store import open_store
from isoflow.store.documents import SeriesKey
from tests.documents import _numbering_workers
from tests.documents.conftest import COMMUNE

SPAWN = multiprocessing.get_context("spawn")
WORKERS, EACH = 4, 25


@pytest.mark.concurrency
def test_four_processes_never_give_a_number_twice_nor_skip_one(engine: object, shared_url: str) -> None:
    open_store(shared_url).close()  # migrated once, before the race
    queue = SPAWN.Queue()
    barrier = SPAWN.Barrier(WORKERS)
    processes = [SPAWN.Process(target=_numbering_workers.register_many,
                               args=(shared_url, worker, EACH, queue, barrier)) for worker in range(WORKERS)]
    for process in processes:
        process.start()
    results = [queue.get(timeout=240) for _ in processes]
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    taken = [pair for _, pairs, _ in results for pair in pairs]
    refused = sum(r for _, _, r in results)
    assert refused == WORKERS * len(range(0, EACH, 3))
    numbers = sorted(n for _, n in taken)
    assert numbers == list(range(1, WORKERS * EACH + 1))  # each once, none skipped, refusals took none
    store = open_store(shared_url)
    try:
        office = DocumentOffice(engine, store, COMMUNE)  # type: ignore[arg-type]
        given = office.documents.numbers(SeriesKey(COMMUNE.code, 2026, "den"))
        assert [(g.number, g.document) for g in given] == sorted((n, c) for c, n in taken)
        assert all(office.record(code).arrival == number for code, number in taken)
        assert office.documents.last_number(SeriesKey(COMMUNE.code, 2026, "den")) == WORKERS * EACH
        assert office.verify() == []
    finally:
        store.close()
