"""Dossiers on a real desk (SQLite file) for the form tests, under two form sets.

The test regimes file moves the change of form set to 2026-04-01, so that dossiers received in
February 2026 get Circular 01/2018's forms and those received in August get Circular
03/2025's, with the shipped procedures (in force from 2026-01-01) for both.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from isoflow.desk import Desk
from isoflow.printer import Printer
from isoflow.workspace import open_desk

ROOT = Path(__file__).resolve().parents[2]
CLERK, EXPERT, LEADER = "cong-chuc-mot-cua", "chuyen-vien", "lanh-dao"
UNIT = "000.00.31.H40"
HOSTILE = '<script>alert("x")</script> & {{ 7*7 }} Nguyễn'

REGIMES = """
[[regime]]
id = "nd118-2025"
name = "Nghị định 118/2025/NĐ-CP"
from = 2025-07-01
cutoff = "15:00"
supplement_restarts_clock = true
extension_min_working_days = 1
max_extensions = 1

[[form_set]]
id = "tt01-2018"
name = "Thông tư 01/2018/TT-VPCP"
from = 2019-01-06
until = 2026-03-31
[form_set.forms]
receipt = "Mẫu số 01"
supplement = "Mẫu số 02"
refusal = "Mẫu số 03"
apology = "Mẫu số 04"
control = "Mẫu số 05"
book = "Mẫu số 06"

[[form_set]]
id = "tt03-2025"
name = "Thông tư 03/2025/TT-VPCP"
from = 2026-04-01
[form_set.forms]
receipt = "Mẫu số 01"
supplement = "Mẫu số 02"
refusal = "Mẫu số 03"
apology = "Mẫu số 04"
stop = "Mẫu số 05"
control = "Mẫu số 06"
book = "Mẫu số 07"
"""


@dataclass(frozen=True)
class Office:
    desk: Desk
    printer: Printer
    full_2026_02: str  # supplement, apology, granted, under Circular 01/2018
    full_2026_08: str  # the same under Circular 03/2025
    refused: str  # refused at the desk
    stopped: str  # stopped by the agency, under Circular 03/2025
    hostile: str  # an applicant whose name and address are markup


def t(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _full(desk: Desk, monday: date, applicant: dict[str, str]) -> str:
    """Received on a Monday, supplemented, extended once, granted eight days later."""
    def at(days: int, clock: str) -> datetime:
        return datetime.combine(monday + timedelta(days=days), time.fromisoformat(clock))

    d = desk.receive("QT-DKKD-01", unit=UNIT, channel="in_person", applicant=applicant, data={},
                     actor="le.an", role=CLERK, at=at(0, "09:00"))
    complete = {"ho_so_day_du": True, "hinh_thuc_nhan": "buu_chinh"}
    new_due = at(8, "16:00").isoformat(timespec="minutes")
    steps = [("kiem_tra", CLERK, "le.an", at(0, "09:30"), complete),
             ("ban_giao", CLERK, "le.an", at(0, "10:00"), {}),
             ("yeu_cau_bo_sung", EXPERT, "tran.binh", at(1, "09:00"),
              {"noi_dung_bo_sung": "Điều lệ công ty\nDanh sách thành viên"}),
             ("nop_bo_sung", CLERK, "le.an", at(2, "09:00"), {}),
             ("kiem_tra", CLERK, "le.an", at(2, "09:30"), complete),
             ("ban_giao", CLERK, "le.an", at(2, "10:00"), {}),
             ("xin_loi", LEADER, "pham.chi", at(3, "09:00"),
              {"ly_do": "Cần xác minh thông tin chủ sở hữu", "ngay_hen_moi": new_due}),
             ("trinh", EXPERT, "tran.binh", at(7, "10:00"), {"du_dieu_kien": True}),
             ("ky", LEADER, "pham.chi", at(7, "14:00"), {}),
             ("tra", CLERK, "le.an", at(8, "09:00"), {})]
    for action, role, actor, when, data in steps:
        desk.act(d.code, action, actor=actor, role=role, at=when, data=data)
    return d.code


@pytest.fixture(scope="package")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    folder = tmp_path_factory.mktemp("office")
    (folder / "regimes.toml").write_text(REGIMES, encoding="utf-8")
    desk = open_desk([ROOT / "processes"], f"sqlite:///{folder / 'forms.db'}", regimes=str(folder / "regimes.toml"))
    applicant = {"ho_ten": "Nguyễn Thị Mai", "dia_chi": "12 Trần Hưng Đạo, phường Nam Định", "dien_thoai": "0912345678"}
    feb = _full(desk, date(2026, 2, 2), applicant)
    aug = _full(desk, date(2026, 8, 3), applicant)
    r = desk.receive("QT-DKKD-01", unit=UNIT, channel="online", applicant=applicant, data={}, actor="le.an",
                     role=CLERK, at=t("2026-08-04 10:00"))
    desk.act(r.code, "tu_choi", actor="le.an", role=CLERK, at=t("2026-08-04 10:30"),
             data={"ly_do": "Ngành nghề kinh doanh thuộc danh mục cấm đầu tư kinh doanh"})
    s = desk.receive("QT-DKKD-01", unit=UNIT, channel="in_person", applicant=applicant, data={}, actor="le.an",
                     role=CLERK, at=t("2026-08-05 08:00"))
    desk.act(s.code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-08-05 08:10"),
             data={"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"})
    desk.act(s.code, "ban_giao", actor="le.an", role=CLERK, at=t("2026-08-05 08:20"))
    desk.stop(s.code, actor="pham.chi", role=LEADER, reason="Cơ quan có thẩm quyền đề nghị tạm dừng để thanh tra",
              at=t("2026-08-06 09:00"))
    h = desk.receive("QT-DKKD-01", unit=UNIT, channel="in_person",
                     applicant={"ho_ten": HOSTILE, "dia_chi": "<img src=x onerror=alert(1)>"}, data={},
                     actor="le.an", role=CLERK, at=t("2026-08-05 09:00"))
    desk.act(h.code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-08-05 09:10"),
             data={"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"})
    try:
        yield Office(desk, Printer(), feb, aug, r.code, s.code, h.code)
    finally:
        desk.store.close()
