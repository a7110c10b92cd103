"""Dossiers and events for the store tests, and raw access for tampering with a database."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote

from msgspec.structs import replace

from isoflow.model.dossier import GENESIS, Clock, Dossier, Event, StepClock
from isoflow.store import Store
from isoflow.store.codec import seal_write

UNIT = "000.17.22.H56"
DAY = date(2026, 2, 5)
AT = datetime(2026, 2, 5, 8, 30)


def new_dossier(code: str, at: datetime = AT, *, step_due: timedelta | None = timedelta(hours=4),
                due: timedelta | None = timedelta(days=5), actor: str = "mc01") -> tuple[Dossier, list[Event]]:
    """A freshly received dossier (version 1) and its sealed ``received`` event."""
    event = Event(dossier=code, seq=1, kind="received", at=at, actor=actor, role="mot-cua", target="tiep_nhan",
                  to_unit="bpmc", status=1, data={"ho_ten": "Nguyễn Thị Ánh", "so_luong": 2},
                  comment="Tiếp nhận hồ sơ đăng ký khai sinh")
    dossier = Dossier(
        code=code, process_code="1.001193", revision=3, state="tiep_nhan", status=1,
        data={"ho_ten": "Nguyễn Thị Ánh", "giấy_tờ": [{"tên": "Tờ khai", "bản": "chính", "số": 1}],
              "địa_chỉ": {"xã": "Phường Điện Biên", "tỉnh": "Thanh Hóa"}, "phí": 8000.5, "khẩn": False},
        applicant={"name": "Nguyễn Thị Ánh", "id": "038190000123", "phone": "0912345678"},
        channel="online", receiving_unit=UNIT, received_at=at,
        clock=Clock(started_at=at, due_at=at + due if due is not None else None),
        step=StepClock("tiep_nhan", at, at + step_due if step_due is not None else None),
        version=1, preparers=("cv02",), form_set="01/2018",
    )
    return seal_write(dossier, [event], GENESIS)


def factory(at: datetime = AT, **options: Any) -> Any:
    def build(code: str) -> tuple[Dossier, list[Event]]:
        return new_dossier(code, at, **options)
    return build


def move(dossier: Dossier, target: str, *, at: datetime | None = None, actor: str = "cv02",
         closed: bool = False, step_due: datetime | None = None, count: int = 1) -> tuple[Dossier, list[Event]]:
    """The dossier moved to ``target`` (``count`` events), sealed after its last event."""
    at = at or dossier.step.entered_at + timedelta(hours=1)
    events = [Event(dossier=dossier.code, seq=dossier.version + n, kind="moved", at=at, actor=actor,
                    role="chuyen-vien", action="chuyen", source=dossier.state, target=target, from_unit="bpmc",
                    to_unit="phong", status=2, data={"ghi_chú": f"bước {n}"}, comment="Chuyển thẩm định")
              for n in range(1, count + 1)]
    updated = replace(dossier, state=target, status=2, version=dossier.version + count,
                      step=StepClock(target, at, step_due), closed_at=at if closed else None,
                      outcome="granted" if closed else None)
    return seal_write(updated, events, dossier.last_hash)


def leave_step(dossier: Dossier, target: str, worked: int, result: str) -> tuple[Dossier, list[Event]]:
    """The dossier moved on to ``target`` by one event that leaves a timed step (a step_times row)."""
    at = dossier.step.entered_at + timedelta(hours=2)
    event = Event(dossier=dossier.code, seq=dossier.version + 1, kind="moved", at=at, actor="cv02", role="cv",
                  action="chuyen", source=dossier.state, target=target, from_unit="bpmc", to_unit="phong",
                  status=2, data={"step_result": result, "step_worked_min": worked, "step_due": "x"})
    moved = replace(dossier, state=target, status=2, version=dossier.version + 1, step=StepClock(target, at, None))
    return seal_write(moved, [event], dossier.last_hash)


def raw(store: Store, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Run SQL directly on the store's connection, outside its API (``%s`` placeholders)."""
    conn: Any = store._conn  # type: ignore[attr-defined]
    if isinstance(conn, sqlite3.Connection):
        cursor = conn.execute(sql.replace("%s", "?"), params)
        return cursor.fetchall() if cursor.description else []
    with conn.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def is_postgres(store: Store) -> bool:
    return not isinstance(store._conn, sqlite3.Connection)  # type: ignore[attr-defined]


def ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def postgres_base_url(what: str) -> str:
    """``$ISOFLOW_TEST_POSTGRES``; skipped without it, except in CI, where ``what`` must run."""
    import pytest

    url = os.environ.get("ISOFLOW_TEST_POSTGRES", "").strip()
    if not url:
        if ci():
            pytest.fail(f"$ISOFLOW_TEST_POSTGRES is not set, and in CI the {what} must run: "
                        'run eval "$(bash scripts/postgres.sh)" first')
        pytest.skip('$ISOFLOW_TEST_POSTGRES is not set (eval "$(bash scripts/postgres.sh)" starts a server)')
    return url


@contextlib.contextmanager
def fresh_postgres_schema(base: str, prefix: str) -> Iterator[str]:
    """A URL for ``base`` whose search_path is a new, empty schema, dropped afterwards."""
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
