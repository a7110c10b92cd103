"""What bench_documents.py runs in each of its numbering processes (spawned: importable by name)."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from isoflow.documents import Agency, DocumentOffice
from isoflow.model.document import Direction, DocumentRecord
from isoflow.store import open_store
from isoflow.workspace import open_engine

AGENCY = Agency("000.01.31.H40", "Ủy ban nhân dân xã Tân Phú", "UBND", "Tân Phú", "Ủy ban nhân dân tỉnh Ninh Bình")


def chains(root: Path) -> list[Path]:
    return [root / "processes" / "van-ban-den.xml", root / "processes" / "van-ban-di.xml"]


def register_many(url: str, root: str, worker: int, count: int, barrier: Any, queue: Any) -> None:
    """Receive ``count`` documents (not timed), then register them as fast as possible: each
    registration takes the next incoming number in its own transaction."""
    office = DocumentOffice(open_engine(chains(Path(root))), open_store(url), AGENCY)
    try:
        codes = []
        for n in range(count):
            at = datetime(2026, 12, 7, 8) + timedelta(seconds=worker * 100_000 + 2 * n)
            record = DocumentRecord(Direction.INCOMING, "Công văn", "đôn đốc báo cáo", "Sở Tư pháp tỉnh Ninh Bình",
                                    number=f"{worker}{n:06d}", notation="STP-HCTP", issued_on=date(2026, 12, 1))
            codes.append((office.receive(record, actor="vt", at=at).code, at + timedelta(seconds=1)))
        barrier.wait(120)
        start = time.perf_counter()
        for code, at in codes:
            office.register(code, actor="vt", at=at)
        queue.put((worker, start, time.perf_counter()))
    finally:
        office.store.close()
