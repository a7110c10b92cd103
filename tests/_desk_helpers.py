"""Desks on every store backend, and the dossier moves the desk tests and workers share.

The backends come from ``tests/store/conftest.py`` (SQLite memory and file, PostgreSQL in a
fresh schema per test); a test module that uses :func:`desk_url` or :func:`shared_desk_url`
must also import them (``desk_fixture``...) and the ``postgres_url`` fixture from there, so pytest can find it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from isoflow.desk import Desk
from isoflow.model.dossier import Dossier
from isoflow.workspace import open_desk
from tests.store.conftest import _url

ROOT = Path(__file__).resolve().parents[1]
PROCESSES = ROOT / "processes"
DKKD = "QT-DKKD-01"
UNIT = "000.00.31.H40"
CLERK, EXPERT, LEADER = "cong-chuc-mot-cua", "chuyen-vien", "lanh-dao"
APPLICANT: Mapping[str, Any] = {"ho_ten": "Nguyễn Thị Mai", "so_dinh_danh": "036190001234"}

#: What each role does from each open step of QT-DKKD-01, in a cycle that never closes the
#: dossier: (action, role, data).  ``tham_dinh`` offers several, so workers can race there.
CYCLE: Mapping[str, tuple[tuple[str, str, Mapping[str, Any]], ...]] = {
    "tiep_nhan": (("kiem_tra", CLERK, {"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"}),),
    "chuyen": (("ban_giao", CLERK, {}),),
    "tham_dinh": (("yeu_cau_bo_sung", EXPERT, {"noi_dung_bo_sung": "Bổ sung điều lệ công ty"}),
                  ("trinh", EXPERT, {"du_dieu_kien": True}),
                  ("xin_loi", LEADER, {"ly_do": "Cần xác minh thông tin", "ngay_hen_moi": "2026-04-20T16:00"})),
    "cho_bo_sung": (("nop_bo_sung", CLERK, {}),),
    "ky_duyet": (("tra_lai", LEADER, {"ly_do": "Làm rõ vốn điều lệ"}),),
}


def t(text: str) -> datetime:
    return datetime.fromisoformat(text)


def desk_at(url: str) -> Desk:
    return open_desk([PROCESSES], url)


def receive(desk: Desk, when: str = "2026-03-02 09:00", unit: str = UNIT, actor: str = "le.an") -> Dossier:
    return desk.receive(DKKD, unit=unit, channel="in_person", applicant=APPLICANT, data={}, actor=actor,
                        role=CLERK, at=t(when))


def to_appraisal(desk: Desk, code: str, accepted: str = "2026-03-02 10:00",
                 handed: str = "2026-03-02 10:30") -> Dossier:
    """Accept the dossier at the desk and hand it to the department (state ``tham_dinh``)."""
    desk.act(code, "kiem_tra", actor="le.an", role=CLERK, at=t(accepted),
             data={"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"})
    return desk.act(code, "ban_giao", actor="le.an", role=CLERK, at=t(handed)).dossier


# Fixtures are registered under their ``name``: a test module imports ``desk_fixture`` and
# asks for ``desk`` (no clash between the imported name and the test's argument).

@pytest.fixture(name="desk_url", params=["sqlite-memory", "sqlite-file", "postgres"])
def desk_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return _url(request.param, tmp_path, request)


@pytest.fixture(name="shared_desk_url", params=["sqlite-file", "postgres"])
def shared_desk_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database several processes can share."""
    return _url(request.param, tmp_path, request)


@pytest.fixture(name="desk")
def desk_fixture(desk_url: str) -> Iterator[Desk]:
    opened = desk_at(desk_url)
    try:
        yield opened
    finally:
        opened.store.close()
