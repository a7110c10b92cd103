"""What the desk concurrency tests run in child processes (spawned: importable by name).

Each worker opens its own desk on the shared database and reports through a queue:
``("success", code, version, action, source, target, actor)`` for each move it stored,
``("done", worker, counts, errors)`` once at the end.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from isoflow.desk import Desk
from isoflow.errors import ActionNotAllowed, StaleDossier
from isoflow.model.dossier import Dossier
from tests._desk_helpers import CYCLE, desk_at

#: Simulated time: one real millisecond is one second on Monday 2026-03-02 from 11:00.
SIM_BASE = datetime(2026, 3, 2, 11, 0)


def sim_now(t0: float) -> datetime:
    return SIM_BASE + timedelta(seconds=int((time.time() - t0) * 1000))


def _choose(desk: Desk, dossier: Dossier, rng: random.Random, only_available: bool) -> tuple[str, str, Any]:
    choices = CYCLE[dossier.state]
    if only_available:
        possible = {(o.action, role) for _, role, _ in choices for o in desk.engine.available(dossier, role)}
        choices = tuple(c for c in choices if (c[0], c[1]) in possible) or choices
    return rng.choice(choices)


def race(url: str, codes: Sequence[str], rounds: int, index: int, guarded: bool, t0: float, queue: Any,
         barrier: Any) -> None:
    """Load a dossier and move it on, ``rounds`` times; every worker takes the dossiers in the same order.

    A ``guarded`` worker passes the version it read (a stale copy raises StaleDossier); the
    others act on what they read without it (a dossier that moved meanwhile is refused with
    ActionNotAllowed, or the store's conditional write raises StaleDossier).
    """
    rng = random.Random(index)  # noqa: S311 -- test load, not secrets
    actor = f"w{index}"
    counts: Counter[str] = Counter()
    errors: list[str] = []
    desk = desk_at(url)
    try:
        barrier.wait(60)
        for n in range(rounds):
            code = codes[n % len(codes)]
            try:
                dossier = desk.show(code)
                action, role, data = _choose(desk, dossier, rng, only_available=guarded)
                time.sleep(rng.random() / 300)  # widen the window between read and write
                at = sim_now(t0)
                if guarded:
                    at = max(at, dossier.step.entered_at)
                move = desk.act(code, action, actor=actor, role=role, at=at, data=data,
                                expected_version=dossier.version if guarded else None)
            except StaleDossier:
                counts["stale"] += 1
            except ActionNotAllowed as error:
                counts[f"refused:{error.reason}"] += 1
            except Exception as error:  # noqa: BLE001 -- reported to the test, which fails on it
                errors.append(f"{type(error).__name__}: {error}")
            else:
                counts["success"] += 1
                [event] = move.events
                queue.put(("success", code, event.seq, event.action, event.source, event.target, actor))
    finally:
        desk.store.close()
        queue.put(("done", actor, dict(counts), errors))


def remind(url: str, worker: str, passes: Sequence[tuple[str, float, int]], queue: Any, barrier: Any) -> None:
    """Run ``desk.remind`` for each (as_of, within hours, lease seconds); report every reminder written."""
    written: list[tuple[str, int, str, str]] = []
    errors: list[str] = []
    desk = desk_at(url)
    try:
        barrier.wait(60)
        for as_of, within_hours, lease in passes:
            try:
                events = desk.remind(worker, datetime.fromisoformat(as_of), timedelta(hours=within_hours), lease)
            except Exception as error:  # noqa: BLE001 -- reported to the test, which fails on it
                errors.append(f"{type(error).__name__}: {error}")
            else:
                written.extend((e.dossier, e.seq, e.data["what"], e.data["due_at"]) for e in events)
    finally:
        desk.store.close()
        queue.put(("done", worker, written, errors))


def act_forever(url: str, codes: Sequence[str], seed: int, ready: Any) -> None:
    """Move the dossiers round and round until killed; ``ready`` is set after the first stored move."""
    rng = random.Random(seed)  # noqa: S311 -- test load, not secrets
    desk = desk_at(url)
    n = 0
    while True:
        code = codes[n % len(codes)]
        n += 1
        dossier = desk.show(code)
        action, role, data = _choose(desk, dossier, rng, only_available=True)
        try:
            desk.act(code, action, actor=f"k{seed}", role=role, at=dossier.step.entered_at + timedelta(minutes=1),
                     data=data, expected_version=dossier.version)
        except ActionNotAllowed:  # e.g. an extension asked too late: take another action next time
            continue
        ready.set()
