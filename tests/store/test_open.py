"""open_store: which backend a URL names, and clear refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from isoflow.errors import StoreError
from isoflow.store import open_store
from isoflow.store.postgres import redact
from isoflow.store.sqlite import SQLiteStore
from tests.store._helpers import DAY, UNIT, factory, raw

ROOT = Path(__file__).parent.parent.parent


@pytest.mark.parametrize("url", ["sqlite://:memory:", "sqlite:///:memory:", ":memory:"])
def test_memory(url: str) -> None:
    store = open_store(url)
    assert isinstance(store, SQLiteStore)
    assert store.path == ":memory:"
    store.close()


def test_relative_absolute_and_bare_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for url, file in [("sqlite:///isoflow.db", tmp_path / "isoflow.db"),
                      (f"sqlite:///{tmp_path}/abs.db", tmp_path / "abs.db"),
                      ("bare.sqlite3", tmp_path / "bare.sqlite3"),
                      (str(tmp_path / "bare.db"), tmp_path / "bare.db")]:
        store = open_store(url)
        assert raw(store, "PRAGMA journal_mode") == [("wal",)]
        assert raw(store, "PRAGMA synchronous") == [(1,)]  # NORMAL
        assert raw(store, "PRAGMA busy_timeout") == [(10000,)]
        store.create(UNIT, DAY, factory())
        store.close()
        assert file.is_file(), url


@pytest.mark.parametrize(("url", "message"), [
    (None, "no database given"),
    ("", "no database given"),
    ("  ", "no database given"),
    ("mysql://root@localhost/isoflow", "unknown database 'mysql://'"),
    ("isoflow", "unknown database 'isoflow'"),
    ("sqlite:///", "names no file"),
])
def test_unusable_urls(url: str | None, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)


def test_unreadable_sqlite_files(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"cannot open SQLite database .*unable to open database file"):
        open_store(f"sqlite:///{tmp_path}/missing/dir/isoflow.db")
    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="file is not a database"):
        open_store(str(junk))


def test_an_unreachable_postgres_is_one_clear_error() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://clerk:s3cret@127.0.0.1:1/isoflow")
    message = str(caught.value)
    assert message.startswith("cannot connect to PostgreSQL at postgresql://clerk:***@127.0.0.1:1/isoflow: ")
    assert "s3cret" not in message
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


def test_redact() -> None:
    assert redact("postgresql://a:b@h/d") == "postgresql://a:***@h/d"
    assert redact("postgresql://a@h/d?password=x&sslmode=require") == "postgresql://a@h/d?password=***&sslmode=require"
    assert redact("postgresql://h/d") == "postgresql://h/d"


def test_ci_without_a_postgres_server_fails_instead_of_skipping() -> None:
    env = {k: v for k, v in os.environ.items() if k != "ISOFLOW_TEST_POSTGRES"} | {"CI": "true"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "tests/store/test_contract.py::test_schema_version"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1, result.stdout
    assert "2 passed" in result.stdout
    assert "ISOFLOW_TEST_POSTGRES is not set, and in CI" in result.stdout
