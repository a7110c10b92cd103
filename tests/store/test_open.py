"""open_store: which backend a URL names, and clear refusals."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from isoflow.errors import StoreError, StoreNotFound
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
        assert raw(store, "PRAGMA wal_autocheckpoint") == [(10_000,)]
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


# -- create=False: a store that must exist already (issue 13 §2.3) ---------------------------------

def test_a_missing_sqlite_file_is_not_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for url, shown in [("sqlite:///typo.db", "typo.db"), (f"sqlite:///{tmp_path}/abs.db", f"{tmp_path}/abs.db"),
                       ("bare.sqlite3", "bare.sqlite3")]:
        with pytest.raises(StoreNotFound) as caught:
            open_store(url, create=False)
        assert str(caught.value) == f"no isoflow database at {url}: the file {shown} does not exist"
        assert caught.value.url == url
    assert list(tmp_path.iterdir()) == []  # no file, no -wal or -shm beside it


def test_an_existing_isoflow_file_opens_without_create(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/isoflow.db"
    store = open_store(url)
    code = store.create(UNIT, DAY, factory()).code
    store.close()
    again = open_store(url, create=False)
    try:
        assert again.codes() == [code]
    finally:
        again.close()


def test_a_file_that_is_not_an_isoflow_database(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(StoreNotFound, match=f"the file {empty} is empty, not an isoflow database"):
        open_store(f"sqlite:///{empty}", create=False)
    assert empty.read_bytes() == b""  # not turned into a database, not put in WAL mode
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    before = other.read_bytes()
    for create in (False, True):  # isoflow's tables are never added to another program's database
        with pytest.raises(StoreError) as caught:
            open_store(f"sqlite:///{other}", create=create)
        assert str(caught.value) == (f"sqlite:///{other} is an SQLite database but not an isoflow one "
                                     "(its tables: customers)")
    assert other.read_bytes() == before
    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="file is not a database"):
        open_store(str(junk), create=False)


def test_a_postgres_schema_without_isoflow_tables(postgres_url: str) -> None:
    with pytest.raises(StoreNotFound) as caught:
        open_store(postgres_url, create=False)
    schema = postgres_url.rsplit("%3D", 1)[1]
    assert str(caught.value) == (f"no isoflow database at {redact(postgres_url)}: schema '{schema}' has no "
                                 "isoflow tables")
    store = open_store(postgres_url)  # creating it is what receive does
    try:
        store.create(UNIT, DAY, factory())
    finally:
        store.close()
    again = open_store(postgres_url, create=False)
    try:
        assert len(again.codes()) == 1
    finally:
        again.close()


def test_a_postgres_search_path_naming_no_schema(postgres_url: str) -> None:
    missing = postgres_url.rsplit("%3D", 1)[0] + "%3Dno_such_schema_here"
    with pytest.raises(StoreNotFound, match="no schema of its search_path exists"):
        open_store(missing, create=False)


def test_nothing_is_created_in_a_postgres_schema_without_create(postgres_url: str) -> None:
    import psycopg

    with pytest.raises(StoreNotFound):
        open_store(postgres_url, create=False)
    schema = postgres_url.rsplit("%3D", 1)[1]
    with psycopg.connect(postgres_url.split("?", 1)[0], autocommit=True) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = %s", (schema,)).fetchone()
    assert tables == (0,)


@pytest.mark.parametrize(("url", "secret", "message"), [
    ("postgresql://isoflow:50%off@127.0.0.1:5432/isoflow", "50%off",
     "PostgreSQL URL postgresql://isoflow:***@127.0.0.1:5432/isoflow: the password holds a '%' that does not begin "
     "a percent-encoded byte (%XX); write a '%' as %25"),
    ("postgresql://isoflow:S3cretPW@[::1/isoflow", "S3cretPW",
     "cannot connect to PostgreSQL at postgresql://isoflow:***@[::1/isoflow: end of string reached when looking for "
     'matching "]" in IPv6 host address in URI: "postgresql://isoflow:***@[::1/isoflow"'),
    ("postgresql://isoflow:p@ss#word@127.0.0.1:5432/isoflow", "ss#word",
     "PostgreSQL URL postgresql://isoflow:***@127.0.0.1:5432/isoflow: the password holds an '@'; write it as %40"),
    ("postgresql://isoflow@127.0.0.1:5432/isoflow?password=S3cret%zz", "S3cret",
     "PostgreSQL URL postgresql://isoflow@127.0.0.1:5432/isoflow?password=***: the password holds a '%' that does "
     "not begin a percent-encoded byte (%XX); write a '%' as %25"),
])
def test_a_malformed_postgres_url_never_shows_its_password(url: str, secret: str, message: str) -> None:
    """A1: libpq quotes a URL it cannot parse, password and all; psycopg passes that on."""
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert secret not in str(caught.value)
    assert str(caught.value) == message


def test_redact_hides_a_password_up_to_the_last_at() -> None:
    assert redact("postgresql://a:p@ss@h/d") == "postgresql://a:***@h/d"
    assert redact("postgresql://a:p/w@h:5/d") == "postgresql://a:***@h:5/d"
    assert redact("postgresql://a@h:5/d") == "postgresql://a@h:5/d"
