"""The document tests' fixtures: one engine with the shipped chains, an office per database
(SQLite memory and file, PostgreSQL in a fresh schema), the commune of the examples."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from isoflow.documents import Agency, DocumentOffice
from isoflow.model.document import Authority, Direction, DocumentRecord, Signer
from isoflow.running.engine import Engine
from isoflow.store import open_store
from isoflow.workspace import open_engine
from tests.store._helpers import fresh_postgres_schema, postgres_base_url

ROOT = Path(__file__).resolve().parents[2]
CHAINS = [ROOT / "processes" / "van-ban-den.xml", ROOT / "processes" / "van-ban-di.xml"]
COMMUNE = Agency("000.01.31.H40", "Ủy ban nhân dân xã Tân Phú", "UBND", "Tân Phú", "Ủy ban nhân dân tỉnh Ninh Bình")
DEPUTY = Signer("Nguyễn Văn Ánh", "Phó Chủ tịch", Authority.KT, "Chủ tịch")


def at(day: int, hour: int = 9, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute)


def incoming(number: str = "345", **changes: object) -> DocumentRecord:
    values: dict[str, object] = {
        "direction": Direction.INCOMING, "kind": "Công văn",
        "subject": "đôn đốc báo cáo kết quả công bố thủ tục hành chính",
        "issuer": "Sở Tư pháp tỉnh Ninh Bình", "parent": "Ủy ban nhân dân tỉnh Ninh Bình", "number": number,
        "notation": "STP-HCTP", "issued_on": date(2026, 11, 30), "place": "Ninh Bình"}
    values.update(changes)
    return DocumentRecord(**values)  # type: ignore[arg-type]


def outgoing(**changes: object) -> DocumentRecord:
    values: dict[str, object] = {
        "direction": Direction.OUTGOING, "kind": "Công văn",
        "subject": "báo cáo kết quả công bố thủ tục hành chính năm 2026",
        "issuer": COMMUNE.name, "parent": COMMUNE.parent, "notation": "UBND-VP", "place": COMMUNE.place,
        "signer": DEPUTY,
        "addressees": ("Sở Tư pháp tỉnh Ninh Bình",), "recipients": ("Như trên",), "filed_at": ("VT", "VP"),
        "drafter_mark": "TTB", "copies": 3}
    values.update(changes)
    return DocumentRecord(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def engine() -> Engine:
    return open_engine(CHAINS)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with fresh_postgres_schema(postgres_base_url("PostgreSQL document tests"), "isoflow_doc") as url:
        yield url


def _url(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if kind == "sqlite-memory":
        return "sqlite://:memory:"
    if kind == "sqlite-file":
        return f"sqlite:///{tmp_path / 'vanthu.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture(params=["sqlite-memory", "sqlite-file", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return _url(request.param, tmp_path, request)


@pytest.fixture(params=["sqlite-file", "postgres"])
def shared_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database several processes can share."""
    return _url(request.param, tmp_path, request)


@pytest.fixture
def office(engine: Engine, db_url: str) -> Iterator[DocumentOffice]:
    store = open_store(db_url)
    try:
        yield DocumentOffice(engine, store, COMMUNE)
    finally:
        store.close()
