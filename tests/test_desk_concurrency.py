"""Several processes on one desk database: racing moves, racing reminders, a worker killed mid-loop.

SQLite file and PostgreSQL only (an in-memory database cannot be shared).  Workers live in
``tests/_desk_workers.py`` and are started with the "spawn" context.
"""

from __future__ import annotations

import multiprocessing
import os
import queue as queues
import random
import signal
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from itertools import pairwise
from typing import Any

import pytest

from isoflow.desk import Desk
from tests import _desk_workers
from tests._desk_helpers import (
    CLERK,
    EXPERT,
    desk_at,
    receive,
    shared_desk_url_fixture,  # noqa: F401 -- fixture "shared_desk_url"
    t,
    to_appraisal,
)
from tests.store.conftest import postgres_url  # noqa: F401 -- fixture used by shared_desk_url

pytestmark = [pytest.mark.concurrency, pytest.mark.slow]
SPAWN = multiprocessing.get_context("spawn")
WORKERS = 4


@pytest.fixture(name="shared_desk")
def shared_desk_fixture(shared_desk_url: str) -> Iterator[Desk]:
    opened = desk_at(shared_desk_url)
    try:
        yield opened
    finally:
        opened.store.close()


Messages = list[tuple[Any, ...]]


def collect(queue: Any, processes: list[Any], timeout: float = 25) -> tuple[Messages, Messages]:
    """Every message until each worker said it is done; then the workers are joined."""
    messages: Messages = []
    done: Messages = []
    deadline = time.monotonic() + timeout
    try:
        while len(done) < len(processes):
            try:
                message = queue.get(timeout=0.5)
            except queues.Empty:
                crashed = all(p.exitcode is not None for p in processes)  # and nothing more to read
                if crashed or time.monotonic() > deadline:
                    pytest.fail(f"only {len(done)} of {len(processes)} workers finished "
                                f"(exit codes {[p.exitcode for p in processes]})")
                continue
            (done if message[0] == "done" else messages).append(message)
    finally:
        for process in processes:
            process.join(10)
            if process.is_alive():
                process.kill()
                process.join(5)
    assert [p.exitcode for p in processes] == [0] * len(processes)
    return messages, done


def check_consistent(desk: Desk, codes: list[str]) -> None:
    """Every chain verifies; each row agrees with its newest event; each move starts where the last ended."""
    assert desk.verify() == []
    for code in codes:
        dossier, events = desk.show(code), desk.history(code)
        assert [e.seq for e in events] == list(range(1, dossier.version + 1))
        assert dossier.last_hash == events[-1].hash
        assert dossier.state == events[-1].target
        for earlier, later in pairwise(events):
            assert later.source == earlier.target, f"{code}: event {later.seq} does not start where {earlier.seq} ended"


def test_workers_racing_on_the_same_dossiers_never_lose_a_move(shared_desk: Desk, shared_desk_url: str) -> None:
    codes = [receive(shared_desk, "2026-03-02 09:00").code for _ in range(6)]
    for code in codes:
        to_appraisal(shared_desk, code)  # all in thẩm định, version 3
    base = {code: shared_desk.show(code).version for code in codes}
    assert set(base.values()) == {3}
    rounds = 60
    queue, barrier, t0 = SPAWN.Queue(), SPAWN.Barrier(WORKERS), time.time()
    processes = [SPAWN.Process(target=_desk_workers.race,
                               args=(shared_desk_url, codes, rounds, index, index % 2 == 0, t0, queue, barrier))
                 for index in range(WORKERS)]
    for process in processes:
        process.start()
    successes, done = collect(queue, processes)

    counts: Counter[str] = Counter()
    for _, worker, worker_counts, errors in done:
        assert errors == [], f"{worker}: {errors}"
        assert sum(worker_counts.values()) == rounds, worker
        counts.update(worker_counts)
    assert counts["success"] == len(successes)
    conflicts = sum(n for kind, n in counts.items() if kind != "success")
    assert conflicts > 0, f"the workers never collided: {counts}"  # the test did race
    assert counts["stale"] > 0, counts
    assert set(counts) <= {"success", "stale", "refused:wrong-state", "refused:guard", "refused:time"}, counts

    by_code: dict[str, dict[int, tuple[Any, ...]]] = {code: {} for code in codes}
    for _, code, seq, action, source, target, actor in successes:
        assert seq not in by_code[code], f"{code}: two workers were told they stored event {seq}"
        by_code[code][seq] = (action, source, target, actor)
    for code in codes:
        dossier, events = shared_desk.show(code), shared_desk.history(code)
        reported = by_code[code]
        assert dossier.version == len(events) == base[code] + len(reported)
        # Every event after the setup is a move a worker was told it made, and vice versa.
        assert {e.seq: (e.action, e.source, e.target, e.actor) for e in events[base[code]:]} == reported
        if reported:
            assert dossier.state == reported[max(reported)][2]
    check_consistent(shared_desk, codes)


def test_concurrent_reminders_remind_each_due_time_exactly_once(shared_desk: Desk, shared_desk_url: str) -> None:
    at_desk = [receive(shared_desk, "2026-03-02 09:00").code for _ in range(6)]  # step 03-02 11:00
    in_appraisal = [receive(shared_desk, "2026-03-02 09:00").code for _ in range(3)]  # step 03-04 10:30
    for code in in_appraisal:
        to_appraisal(shared_desk, code)
    waiting = receive(shared_desk, "2026-03-02 09:00").code
    to_appraisal(shared_desk, waiting)
    shared_desk.act(waiting, "yeu_cau_bo_sung", actor="tran.binh", role=EXPERT, at=t("2026-03-03 10:00"),
                    data={"noi_dung_bo_sung": "Thiếu điều lệ"})
    closed = receive(shared_desk, "2026-03-02 09:00").code
    shared_desk.act(closed, "tu_choi", actor="le.an", role=CLERK, at=t("2026-03-02 09:30"), data={"ly_do": "Sai"})
    codes = [*at_desk, *in_appraisal, waiting, closed]
    before = {code: shared_desk.show(code).version for code in codes}

    # (as_of, working hours ahead, lease seconds): with a lease of 0 every worker may claim every
    # dossier at once, so only the reminder history and the conditional write keep them apart.
    passes = [("2026-03-04 16:00", 2.5, 300), ("2026-03-04 16:00", 2.5, 0), ("2026-03-05 09:30", 0, 0),
              ("2026-03-05 09:30", 0, 300), ("2026-03-06 10:00", 8, 0)]
    queue, barrier = SPAWN.Queue(), SPAWN.Barrier(WORKERS)
    processes = [SPAWN.Process(target=_desk_workers.remind,
                               args=(shared_desk_url, f"nhac-{n}", passes, queue, barrier)) for n in range(WORKERS)]
    for process in processes:
        process.start()
    _, done = collect(queue, processes)

    reported = []
    for _, worker, written, errors in done:
        assert errors == [], f"{worker}: {errors}"
        reported.extend(written)
    assert len(reported) == len({(code, seq) for code, seq, _, _ in reported})

    expected = {code: {("step", "2026-03-02T11:00:00"), ("dossier", "2026-03-05T09:00:00")} for code in at_desk}
    expected |= {code: {("step", "2026-03-04T10:30:00"), ("dossier", "2026-03-05T09:00:00")} for code in in_appraisal}
    expected |= {waiting: set(), closed: set()}
    stored: list[tuple[str, int, str, str]] = []
    for code in codes:
        reminders = [e for e in shared_desk.history(code) if e.kind == "reminded"]
        keys = [(e.data["what"], e.data["due_at"]) for e in reminders]
        assert sorted(keys) == sorted(expected[code]), code  # each due time once, none twice
        assert shared_desk.show(code).version == before[code] + len(reminders)
        stored.extend((code, e.seq, e.data["what"], e.data["due_at"]) for e in reminders)
    assert sorted(reported) == sorted(stored)
    check_consistent(shared_desk, codes)


def test_a_worker_killed_while_acting_leaves_every_dossier_consistent(shared_desk: Desk,
                                                                     shared_desk_url: str) -> None:
    codes = [receive(shared_desk, "2026-03-02 09:00").code for _ in range(4)]
    for code in codes:
        to_appraisal(shared_desk, code)
    rng = random.Random(7)  # noqa: S311 -- test timing, not secrets
    total = sum(shared_desk.show(code).version for code in codes)
    for round_ in range(3):
        ready = SPAWN.Event()
        child = SPAWN.Process(target=_desk_workers.act_forever, args=(shared_desk_url, codes, round_, ready))
        child.start()
        try:
            assert ready.wait(20), f"the child never stored a move (exit code {child.exitcode})"
            time.sleep(rng.uniform(0.05, 0.6))
        finally:
            assert child.pid is not None
            os.kill(child.pid, signal.SIGKILL)
            child.join(10)
        assert child.exitcode == -signal.SIGKILL
        check_consistent(shared_desk, codes)
        now = sum(shared_desk.show(code).version for code in codes)
        assert now > total, "the child made no progress"
        total = now
    # The dead writers left no lock behind: the desk writes at once.
    started = time.monotonic()
    for code in codes:
        dossier = shared_desk.show(code)
        action, role, data = _desk_workers._choose(shared_desk, dossier, rng, only_available=True)
        if action == "xin_loi":
            action, role, data = "trinh", EXPERT, {"du_dieu_kien": True}
        move = shared_desk.act(code, action, actor="parent", role=role, at=dossier.step.entered_at + timedelta(hours=1),
                               data=data, expected_version=dossier.version)
        assert move.dossier.version == dossier.version + 1
    assert time.monotonic() - started < 5
    check_consistent(shared_desk, codes)
