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


# -- what a URL or a file must be before anything is written to it ----------------------------------

@pytest.mark.parametrize(("url", "message"), [
    ("sqlite://typo.db", "'sqlite://typo.db': a path follows three slashes, sqlite:///typo.db (relative) or "
                         "sqlite:////typo.db (absolute); two are for sqlite://:memory:"),
    ("SQLITE:///x.db", "database URL scheme 'SQLITE:': write it in lower case, 'sqlite:'"),
    ("PostgreSQL://a:s3cret@h/d", "database URL scheme 'PostgreSQL:': write it in lower case, 'postgresql:'"),
    ("sqlite:typo.db", "'sqlite:typo.db': an SQLite URL is sqlite:/// and the path: sqlite:///typo.db (relative) or "
                       "sqlite:////typo.db (absolute)"),
    ("sqlite:///x.db?mode=ro", "'sqlite:///x.db?mode=ro': an SQLite URL takes no options (?mode=ro): isoflow opens "
                               "the file itself, and the commands that only read never write to it"),
])
def test_a_mistyped_url_is_named_for_its_mistake(url: str, message: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """D7: not 'unknown database', and no file called 'x.db?mode=ro'."""
    monkeypatch.chdir(tmp_path)
    for create in (True, False):
        with pytest.raises(StoreError) as caught:
            open_store(url, create=create)
        assert str(caught.value) == message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["sqlite://:memory:", ":memory:"])
def test_an_in_memory_database_is_refused_where_one_must_exist(url: str) -> None:
    """D7: verify --db :memory: must not say "verified" of a database nobody could write to."""
    with pytest.raises(StoreNotFound) as caught:
        open_store(url, create=False)
    assert str(caught.value) == (f"no isoflow database at {url}: a private in-memory database is new and empty each "
                                 "time it is opened: there is nothing in it to read or change (give a file or "
                                 "PostgreSQL)")


def test_a_path_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    """C1: ISOFLOW_DB from an environment of another encoding (os.environ decodes it with
    surrogateescape); the file name cannot be given to SQLite as text."""
    name = os.fsdecode(os.fsencode(str(tmp_path)) + b"/h\xf4-s\xe1.db")
    for create in (True, False):
        with pytest.raises(StoreError) as caught:
            open_store(f"sqlite:///{name}", create=create)
        assert str(caught.value) == (f"the database sqlite:///{tmp_path}/h\\udcf4-s\\udce1.db is not UTF-8 text "
                                     "(from --db or ISOFLOW_DB): give its name in UTF-8")


RAILS = ("CREATE TABLE schema_migrations (version varchar NOT NULL PRIMARY KEY)",
         "CREATE TABLE ar_internal_metadata (key varchar NOT NULL PRIMARY KEY, value varchar)",
         "CREATE TABLE users (id integer PRIMARY KEY, name varchar)",
         "INSERT INTO schema_migrations (version) VALUES ('20240101000000')")


def test_another_programs_schema_migrations_is_not_isoflows(tmp_path: Path) -> None:
    """B6: a Rails (or dbmate) database has a schema_migrations table too; it must not be migrated
    into an isoflow store, nor switched to WAL."""
    path = tmp_path / "rails.sqlite3"
    with sqlite3.connect(path) as conn:
        for statement in RAILS:
            conn.execute(statement)
    conn.close()
    before = path.read_bytes()
    for create in (False, True):
        with pytest.raises(StoreError) as caught:
            open_store(f"sqlite:///{path}", create=create)
        assert str(caught.value) == (f"sqlite:///{path} is an SQLite database but not an isoflow one (its tables: "
                                     "ar_internal_metadata, schema_migrations, users)")
    assert path.read_bytes() == before
    assert not (tmp_path / "rails.sqlite3-wal").exists()


def test_another_programs_schema_migrations_in_postgres(postgres_url: str) -> None:
    """B6 on PostgreSQL: the existence check and the migration both look for isoflow's tables."""
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        for statement in RAILS:
            conn.execute(statement)
    schema = postgres_url.rsplit("%3D", 1)[1]
    for create in (False, True):
        with pytest.raises(StoreError) as caught:
            open_store(postgres_url, create=create)
        assert str(caught.value) == (f"PostgreSQL database {redact(postgres_url)}: schema '{schema}' has a "
                                     "schema_migrations table that is not isoflow's (another program's, or "
                                     "isoflow's tables are missing)")
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        tables = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                              "ORDER BY tablename").fetchall()
    assert tables == [("ar_internal_metadata",), ("schema_migrations",), ("users",)]


def _an_isoflow_store(url: str) -> str:
    store = open_store(url)
    try:
        code = store.create(UNIT, DAY, factory()).code
    finally:
        store.close()
    return code


def test_a_read_only_postgres_connection_verifies_shows_and_reports(postgres_url: str) -> None:
    """B9: with the schema current, opening runs no DDL (a read-only transaction refuses even
    CREATE TABLE IF NOT EXISTS)."""
    from datetime import datetime

    code = _an_isoflow_store(postgres_url)
    read_only = postgres_url + "%20-cdefault_transaction_read_only%3Don"
    store = open_store(read_only, create=False)
    try:
        assert store.verify() == []
        assert store.load(code).code == code
        assert len(store.history(code)) == 1
        assert [t["process_code"] for t in store.tallies(datetime(2026, 1, 1), datetime(2027, 1, 1))] == ["1.001193"]
        with pytest.raises(StoreError, match="read-only transaction"):
            store.create(UNIT, DAY, factory())
    finally:
        store.close()


def test_opening_a_current_sqlite_store_to_read_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """B9 on SQLite: no DDL, no write pragma (``journal_mode = WAL`` is one: a read-only
    connection refuses it), no write transaction when the schema is current."""
    url = f"sqlite:///{tmp_path}/isoflow.db"
    code = _an_isoflow_store(url)
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    store = open_store(url, create=False)
    try:
        opening = list(statements)
        assert store.verify() == []
        assert store.load(code).code == code
    finally:
        store.close()
    written = [s for s in opening if s.split()[0].upper() in ("CREATE", "INSERT", "UPDATE", "DELETE", "ALTER", "DROP")
               or s.upper().startswith(("BEGIN IMMEDIATE", "PRAGMA JOURNAL_MODE =", "PRAGMA JOURNAL_MODE="))]
    assert written == []
