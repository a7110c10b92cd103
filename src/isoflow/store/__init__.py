"""Durable dossiers: a current-state row per dossier plus its hash-chained event log.

:func:`open_store` picks the backend from a URL:

* ``sqlite:///relative/path.db``, ``sqlite:////absolute/path.db``, or a bare path ending in
  ``.db``, ``.sqlite`` or ``.sqlite3``: an SQLite file (created if missing, unless
  ``create=False``);
* ``sqlite://:memory:`` (or ``sqlite:///:memory:``, ``:memory:``): a private in-memory database;
* ``postgresql://user:password@host:port/database`` (or ``postgres://``): PostgreSQL, for
  several workers on one database (needs ``psycopg``; the tables live in the first schema of
  the ``search_path``, e.g. ``?options=-csearch_path%3Disoflow``).

``create=False`` is for whatever only reads or changes existing dossiers: a misspelt path must
not become a new, empty database that then reports "no dossier" or "verified".  A missing
SQLite file (none is created), a PostgreSQL schema without isoflow's tables or a private
in-memory database (always new, so always empty) raises :class:`~isoflow.errors.StoreNotFound`.
A database that holds other tables but not isoflow's is refused either way, before anything is
written to it, even if another program's ``schema_migrations`` table is there (Rails, dbmate).
With ``create=False`` and the schema current, opening writes nothing (no DDL, no write pragma):
``verify``, ``show`` and ``report`` work over a read-only connection.
"""

from __future__ import annotations

from isoflow.errors import StoreError, StoreNotFound
from isoflow.store._api import SCHEMA_VERSION, ChainProblem, Factory, Store

__all__ = ["SCHEMA_VERSION", "ChainProblem", "Factory", "Store", "open_store", "sqlite_file"]

_SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
_MEMORY = ("sqlite://:memory:", "sqlite:///:memory:", ":memory:")


def sqlite_file(url: str) -> str | None:
    """The file an SQLite URL names (``None`` for in-memory, PostgreSQL or anything else)."""
    url = url.strip()
    if url in _MEMORY:
        return None
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///") or None
    if "://" not in url and url.lower().endswith(_SQLITE_SUFFIXES):
        return url
    return None


def _url_mistake(url: str) -> str | None:
    """What is wrong with a URL that names no usable database, in words that say how to write it."""
    scheme, sep, _ = url.partition(":")
    if sep and scheme.lower() in ("sqlite", "postgresql", "postgres") and scheme != scheme.lower():
        # Not the whole URL: a PostgreSQL one may hold a password.
        return f"database URL scheme {scheme + ':'!r}: write it in lower case, {scheme.lower() + ':'!r}"
    if url.startswith("sqlite:") and not url.startswith("sqlite://"):
        name = url.removeprefix("sqlite:").lstrip("/")
        return (f"{url!r}: an SQLite URL is sqlite:/// and the path: sqlite:///{name} (relative) or "
                f"sqlite:////{name} (absolute)")
    if url.startswith("sqlite://") and not url.startswith("sqlite:///"):
        name = url.removeprefix("sqlite://")
        return (f"{url!r}: a path follows three slashes, sqlite:///{name} (relative) or sqlite:////{name} "
                "(absolute); two are for sqlite://:memory:")
    if url.startswith("sqlite:///") and "?" in url:
        return (f"{url!r}: an SQLite URL takes no options ({url[url.index('?'):]}): isoflow opens the file "
                "itself, and the commands that only read never write to it")
    return None


def open_store(url: str | None, *, create: bool = True) -> Store:
    """Open (and migrate) the store at ``url``; :class:`StoreError` if it cannot be used.

    With ``create=False`` the database must already be isoflow's (:class:`StoreNotFound` if
    not, and for an in-memory database, which is always new and empty).
    """
    if not url or not url.strip():
        raise StoreError("no database given: pass --db or set ISOFLOW_DB "
                         "(e.g. sqlite:///isoflow.db or postgresql://user:password@host/database)")
    url = url.strip()
    try:
        url.encode("utf-8")
    except UnicodeEncodeError:  # e.g. ISOFLOW_DB holding bytes of another encoding
        shown = url.encode("utf-8", "backslashreplace").decode("utf-8")
        raise StoreError(f"the database {shown} is not UTF-8 text (from --db or ISOFLOW_DB): "
                         "give its name in UTF-8") from None
    if url in _MEMORY:
        if not create:
            raise StoreNotFound(url, "a private in-memory database is new and empty each time it is opened: "
                                     "there is nothing in it to read or change (give a file or PostgreSQL)")
        from isoflow.store.sqlite import SQLiteStore

        return SQLiteStore(":memory:")
    mistake = _url_mistake(url)
    if mistake is not None:
        raise StoreError(mistake)
    path = sqlite_file(url)
    if path is not None:
        from isoflow.store.sqlite import SQLiteStore

        return SQLiteStore(path, create=create, url=url)
    if url == "sqlite:///":
        raise StoreError(f"{url!r} names no file; write sqlite:///isoflow.db (relative) or "
                         "sqlite:////var/lib/isoflow/isoflow.db (absolute)")
    if url.startswith(("postgresql://", "postgres://")):
        try:
            from isoflow.store.postgres import PostgresStore
        except ImportError:
            raise StoreError("PostgreSQL needs the psycopg driver: pip install 'isoflow[postgres]'") from None
        return PostgresStore(url, create=create)
    scheme = url.split("://", 1)[0] + "://" if "://" in url else url
    raise StoreError(f"unknown database {scheme!r}: use sqlite:///path/to/file.db, sqlite://:memory: "
                     "or postgresql://user:password@host:port/database")
