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
SQLite file (none is created) or a PostgreSQL schema without isoflow's tables raises
:class:`~isoflow.errors.StoreNotFound`.  An SQLite file that holds other tables but not
isoflow's is refused either way.
"""

from __future__ import annotations

from isoflow.errors import StoreError
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


def open_store(url: str | None, *, create: bool = True) -> Store:
    """Open (and migrate) the store at ``url``; :class:`StoreError` if it cannot be used.

    With ``create=False`` the database must already be isoflow's (:class:`StoreNotFound` if
    not); an in-memory database is always new.
    """
    if not url or not url.strip():
        raise StoreError("no database given: pass --db or set ISOFLOW_DB "
                         "(e.g. sqlite:///isoflow.db or postgresql://user:password@host/database)")
    url = url.strip()
    if url in _MEMORY:
        from isoflow.store.sqlite import SQLiteStore

        return SQLiteStore(":memory:")
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
