"""Functions the concurrency tests run in child processes (spawned: importable by name)."""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Sequence
from typing import Any

from isoflow.errors import StaleDossier
from isoflow.model.dossier import Event
from isoflow.store import open_store
from tests.store._helpers import DAY, UNIT, factory, move

_start: Any = None


def init(barrier: Any) -> None:
    """Pool initializer: the workers start their loops together (more contention, on purpose)."""
    global _start
    _start = barrier


def _wait() -> None:
    if _start is not None:
        _start.wait(30)


def create_many(url: str, count: int) -> list[str]:
    store = open_store(url)
    _wait()
    try:
        return [store.create(UNIT, DAY, factory()).code for _ in range(count)]
    finally:
        store.close()


def read_modify_append(url: str, codes: Sequence[str], attempts: int, seed: int) -> tuple[dict[str, int], int]:
    """``attempts`` tries to move one of ``codes``; returns successes per code and conflicts."""
    rng = random.Random(seed)  # noqa: S311 -- test load, not secrets
    store = open_store(url)
    successes: Counter[str] = Counter()
    conflicts = 0
    _wait()
    try:
        for _ in range(attempts):
            code = rng.choice(codes)
            dossier = store.load(code)
            moved, events = move(dossier, rng.choice(["tham_dinh", "ky_duyet"]), actor=f"worker-{seed}")
            time.sleep(rng.random() / 500)  # widen the window between read and write
            try:
                store.append(moved, events, expected_version=dossier.version)
            except StaleDossier:
                conflicts += 1
            else:
                successes[code] += 1
    finally:
        store.close()
    return dict(successes), conflicts


def _stalling(url: str, ready: Any) -> Any:
    """A store whose writes stop inside the transaction, after every row is written, until killed."""
    from isoflow.store.postgres import PostgresStore
    from isoflow.store.sqlite import SQLiteStore

    base: Any = PostgresStore if url.startswith("postgresql://") else SQLiteStore

    class Stalling(base):  # type: ignore[misc]
        def _insert_events(self, connection: Any, dossier: Any, events: Sequence[Event]) -> None:
            super()._insert_events(connection, dossier, events)
            ready.set()
            time.sleep(60)

    return Stalling(url.removeprefix("sqlite:///"))


def stall_in_write(url: str, operation: str, code: str, ready: Any) -> None:
    store = _stalling(url, ready)
    if operation == "create":
        store.create(UNIT, DAY, factory())
    else:
        dossier = store.load(code)
        moved, events = move(dossier, "tham_dinh")
        store.append(moved, events, expected_version=dossier.version)
