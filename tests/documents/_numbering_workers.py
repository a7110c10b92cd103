"""What the numbering concurrency test runs in child processes (spawned: importable by name).

Each worker opens its own office on the shared database, receives and registers documents as
fast as it can (every third registration first tried with a refused move, which must take no
number), and reports ``(worker, [(code, arrival), ...], refusals)`` through the queue.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from isoflow.documents import DocumentOffice
from isoflow.errors import ActionNotAllowed, StaleDossier
from isoflow.store import open_store
from isoflow.workspace import open_engine
from tests.documents.conftest import CHAINS, COMMUNE, incoming


def register_many(url: str, worker: int, count: int, queue: Any, barrier: Any) -> None:
    office = DocumentOffice(open_engine(CHAINS), open_store(url), COMMUNE)
    taken: list[tuple[str, int]] = []
    refused = 0
    try:
        barrier.wait(60)
        for n in range(count):
            at = datetime(2026, 12, 7, 8) + timedelta(seconds=worker * 1000 + n * 2)
            dossier = office.receive(incoming(f"{worker}{n:04d}"), actor=f"w{worker}", at=at)
            if n % 3 == 0:
                try:  # not authentic: the guard refuses, the transaction rolls back, no number taken
                    office.act(dossier.code, "vao_so", actor=f"w{worker}", role="van-thu", at=at,
                               data={"hop_le": False})
                except ActionNotAllowed:
                    refused += 1
            while True:
                try:
                    registered = office.register(dossier.code, actor=f"w{worker}", at=at + timedelta(seconds=1))
                    break
                except StaleDossier:  # pragma: no cover - only this worker writes its documents
                    continue
            taken.append((registered.code, int(registered.data["so_den"])))
        queue.put((worker, taken, refused))
    finally:
        office.store.close()
