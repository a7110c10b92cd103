"""The store fixtures: every contract test runs on SQLite (memory and file) and PostgreSQL.

PostgreSQL tests use ``$ISOFLOW_TEST_POSTGRES`` (``eval "$(bash scripts/postgres.sh)"`` sets it up);
without it they are skipped, except in CI (``$CI`` set), where a missing server is a failure.
Each PostgreSQL test gets a fresh schema, dropped afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from isoflow.store import Store, open_store
from tests.store._helpers import fresh_postgres_schema, postgres_base_url


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "concurrency: several processes on one database (store tests)")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh, empty schema."""
    with fresh_postgres_schema(postgres_base_url("PostgreSQL store tests"), "isoflow_test") as url:
        yield url


def _url(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if kind == "sqlite-memory":
        return "sqlite://:memory:"
    if kind == "sqlite-file":
        return f"sqlite:///{tmp_path / 'isoflow.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture(params=["sqlite-memory", "sqlite-file", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return _url(request.param, tmp_path, request)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(params=["sqlite-file", "postgres"])
def shared_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database several connections (and processes) can share."""
    return _url(request.param, tmp_path, request)
