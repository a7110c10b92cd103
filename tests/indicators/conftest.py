"""A small fixed data set of dossiers, built once per store through the real desk.

The period is Monday 2026-03-09 to Friday 2026-03-20 (no holiday; the shipped calendar works
07:30-11:30 and 13:00-17:00, 8 hours a day).  Every dossier's appointment, result and working
time is worked out by hand in ``test_report.py``; here only what happens, and when.

Two procedures are written into a copy of ``processes/``: ``QT-THU-01`` (the enterprise
registration procedure of another agency and domain, "Sở Xây dựng" / "Xây dựng", whose dossiers
carry the indicator flags the shared flow declares) and ``QT-THU-02`` (the same procedure, whose
time limit is removed in memory after
validation: the validator refuses a procedure without one, so no shipped procedure has a
dossier without an appointment date, but the engine and the SQL both handle it).
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from isoflow.data.loaders import load_legal_basis
from isoflow.data.work_calendar import load_calendar
from isoflow.desk import Desk
from isoflow.indicators.formulas import Rating
from isoflow.model.definition import ProcessDefinition, revised
from isoflow.running.compiler import compile_process
from isoflow.running.engine import Engine
from isoflow.store import open_store
from isoflow.workspace import load_runnable
from tests.store._helpers import fresh_postgres_schema, postgres_base_url

ROOT = Path(__file__).resolve().parents[2]
CLERK, EXPERT, LEADER, CLERICAL = "cong-chuc-mot-cua", "chuyen-vien", "lanh-dao", "van-thu"
UNIT = "000.00.31.H40"
APPLICANT = {"ho_ten": "Nguyễn Thị Mai", "dia_chi": "12 Trần Hưng Đạo", "dien_thoai": "0912345678"}
COMPLETE = {"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"}
INCOMPLETE = {"ho_so_day_du": False, "noi_dung_bo_sung": "Bổ sung bản sao giấy tờ pháp lý"}

def t(text: str) -> datetime:
    return datetime.fromisoformat(text)


def write_processes(folder: Path) -> Path:
    """A copy of ``processes/`` plus QT-THU-01 and QT-THU-02 (see the module docstring)."""
    dest = folder / "processes"
    shutil.copytree(ROOT / "processes", dest)
    # QT-HT-02 with the single 5-working-day limit these figures were worked out with.
    shutil.copy(Path(__file__).parent / "ket-hon-5-ngay-lam-viec.xml", dest / "dang-ky-ket-hon.xml")
    text = (ROOT / "processes" / "dang-ky-thanh-lap-doanh-nghiep.xml").read_text(encoding="utf-8")
    flags = (text.replace('code="QT-DKKD-01"', 'code="QT-THU-01"')
             .replace("<agency>Phòng Đăng ký kinh doanh</agency>", "<agency>Sở Xây dựng</agency>")
             .replace("<domain>Thành lập và hoạt động doanh nghiệp</domain>", "<domain>Xây dựng</domain>"))
    (dest / "thu-01.xml").write_text(flags, encoding="utf-8")
    (dest / "thu-02.xml").write_text(text.replace('code="QT-DKKD-01"', 'code="QT-THU-02"'), encoding="utf-8")
    return dest


def definitions_of(folder: Path) -> list[ProcessDefinition]:
    """The validated procedures, QT-THU-02's time limit taken away (no appointment date)."""
    found = []
    for d in load_runnable([folder]):
        if d.code == "QT-THU-02" and d.procedure is not None:
            limit = revised(d.procedure.time_limit, working_days=None, working_hours=None,
                                        same_day=False)
            d = dataclasses.replace(d, procedure=revised(d.procedure, time_limit=limit))
        found.append(d)
    return found


@dataclass(frozen=True)
class Office:
    desk: Desk
    definitions: list[ProcessDefinition]
    codes: dict[str, str]  # the data set's name of a dossier -> its code
    kind: str


class Builder:
    """Writes the data set; each dossier gets a short name the tests use."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.codes: dict[str, str] = {}

    def receive(self, name: str, process: str, channel: str, at: str, data: dict[str, Any] | None = None) -> str:
        d = self.desk.receive(process, unit=UNIT, channel=channel, applicant=APPLICANT,  # type: ignore[arg-type]
                              data=data or {}, actor="le.an", role=CLERK, at=t(at))
        self.codes[name] = d.code
        return d.code

    def act(self, name: str, action: str, role: str, at: str, data: dict[str, Any] | None = None) -> None:
        actor = {CLERK: "le.an", EXPERT: "tran.binh", LEADER: "pham.chi", CLERICAL: "do.dung"}[role]
        self.desk.act(self.codes[name], action, actor=actor, role=role, at=t(at), data=data)

    def to_expert(self, name: str, checked: str, handed: str) -> None:
        self.act(name, "kiem_tra", CLERK, checked, COMPLETE)
        self.act(name, "ban_giao", CLERK, handed)

    def finish(self, name: str, submitted: str, signed: str, returned: str, issued: str | None = None,
               returning: dict[str, Any] | None = None) -> None:
        """trinh, ky, (phat_hanh where the procedure keeps a clerical step), tra."""
        self.act(name, "trinh", EXPERT, submitted, {"du_dieu_kien": True})
        self.act(name, "ky", LEADER, signed)
        if issued is not None:
            self.act(name, "phat_hanh", CLERICAL, issued, {"so_ky_hieu": "12/GCNKH"})
        self.act(name, "tra", CLERK, returned, returning)

    def rate(self, name: str, rating: Rating, at: str) -> None:
        self.desk.rate(self.codes[name], rating, t(at))


def build(b: Builder) -> None:
    """The data set (times in the period's local time; see test_report.py for the arithmetic)."""
    dk = "QT-DKKD-01"
    # Outside the period: closed before it starts, received after it ends.
    b.receive("D0", dk, "in_person", "2026-03-02 08:00")
    b.to_expert("D0", "2026-03-02 08:10", "2026-03-02 08:20")
    b.finish("D0", "2026-03-03 08:00", "2026-03-03 09:00", "2026-03-03 10:00")
    b.receive("LATER", dk, "online", "2026-03-23 08:00")
    # Carried over: received Thu 03-05, resolved early Mon 03-09.
    b.receive("D5", dk, "in_person", "2026-03-05 14:00")
    b.to_expert("D5", "2026-03-05 14:30", "2026-03-05 15:00")
    b.finish("D5", "2026-03-09 08:00", "2026-03-09 10:00", "2026-03-09 16:00")
    # Early, online.
    b.receive("D1", dk, "online", "2026-03-09 08:00")
    b.to_expert("D1", "2026-03-09 08:30", "2026-03-09 09:00")
    b.finish("D1", "2026-03-10 10:00", "2026-03-10 14:00", "2026-03-11 10:00")
    # On time: returned at the very minute of the appointment.
    b.receive("D2", dk, "in_person", "2026-03-09 09:00")
    b.to_expert("D2", "2026-03-09 09:30", "2026-03-09 10:00")
    b.finish("D2", "2026-03-11 09:00", "2026-03-11 14:00", "2026-03-12 09:00")
    # Late with an apology moving the appointment, by post.
    b.receive("D3", dk, "post", "2026-03-10 08:00")
    b.to_expert("D3", "2026-03-10 08:30", "2026-03-10 09:00")
    b.act("D3", "xin_loi", LEADER, "2026-03-11 09:00", {"ly_do": "Cần xác minh", "ngay_hen_moi": "2026-03-17T08:00"})
    b.finish("D3", "2026-03-13 09:00", "2026-03-13 14:00", "2026-03-16 10:00")
    # Late without an apology.
    b.receive("D4", dk, "online", "2026-03-09 10:00")
    b.to_expert("D4", "2026-03-09 10:30", "2026-03-09 11:00")
    b.finish("D4", "2026-03-12 14:00", "2026-03-12 16:00", "2026-03-13 08:00")
    # One supplement round trip after the appraisal started.
    b.receive("D6", dk, "in_person", "2026-03-09 14:00")
    b.to_expert("D6", "2026-03-09 14:10", "2026-03-09 14:20")
    b.act("D6", "yeu_cau_bo_sung", EXPERT, "2026-03-10 08:00", {"noi_dung_bo_sung": "Điều lệ công ty"})
    b.act("D6", "nop_bo_sung", CLERK, "2026-03-11 08:00")
    b.to_expert("D6", "2026-03-11 08:10", "2026-03-11 08:20")
    b.finish("D6", "2026-03-12 08:00", "2026-03-12 14:00", "2026-03-13 10:00")
    # Two supplement requests at the desk: early by Circular 01, late by Decision 766.
    b.receive("D7", dk, "in_person", "2026-03-16 08:00")
    b.act("D7", "kiem_tra", CLERK, "2026-03-16 08:30", INCOMPLETE)
    b.act("D7", "nop_bo_sung", CLERK, "2026-03-16 13:00")
    b.act("D7", "kiem_tra", CLERK, "2026-03-16 13:30", INCOMPLETE)
    b.act("D7", "nop_bo_sung", CLERK, "2026-03-17 08:00")
    b.to_expert("D7", "2026-03-17 08:10", "2026-03-17 08:20")
    b.finish("D7", "2026-03-17 10:00", "2026-03-17 14:00", "2026-03-17 15:00")
    # Open at the period's end: within time, and overdue.
    b.receive("D8", dk, "online", "2026-03-19 08:00")
    b.to_expert("D8", "2026-03-19 08:30", "2026-03-19 09:00")
    b.receive("D9", dk, "in_person", "2026-03-16 09:00")
    b.to_expert("D9", "2026-03-16 09:30", "2026-03-16 10:00")
    # Withdrawn by the applicant, stopped by the agency.
    b.receive("D10", dk, "online", "2026-03-10 08:00")
    b.to_expert("D10", "2026-03-10 08:30", "2026-03-10 09:00")
    b.act("D10", "rut_ho_so", CLERK, "2026-03-11 09:00", {"ly_do": "Công dân đề nghị rút hồ sơ"})
    b.receive("D11", dk, "in_person", "2026-03-10 09:00")
    b.to_expert("D11", "2026-03-10 09:30", "2026-03-10 10:00")
    b.desk.stop(b.codes["D11"], actor="pham.chi", role=LEADER, reason="Tạm dừng để thanh tra", at=t("2026-03-12 09:00"))
    # Refused at the desk (Phiếu từ chối, never accepted): not received, not resolved.
    b.receive("D12", dk, "in_person", "2026-03-17 08:00")
    b.act("D12", "tu_choi", CLERK, "2026-03-17 08:30", {"ly_do": "Ngành nghề cấm kinh doanh"})

    ht = "QT-HT-02"
    # Received after the 15:00 cutoff: the clock starts next morning; returned at the appointment minute.
    b.receive("H1", ht, "online", "2026-03-10 15:30")
    b.to_expert("H1", "2026-03-11 08:00", "2026-03-11 08:30")
    b.finish("H1", "2026-03-16 08:00", "2026-03-16 10:00", "2026-03-18 07:30", issued="2026-03-17 08:00",
             returning={"hai_ben_co_mat": True})
    b.receive("H2", ht, "in_person", "2026-03-12 08:00")
    b.to_expert("H2", "2026-03-12 08:30", "2026-03-12 09:00")
    b.finish("H2", "2026-03-12 14:00", "2026-03-12 16:00", "2026-03-13 09:00", issued="2026-03-13 08:00",
             returning={"hai_ben_co_mat": True})

    dd = "QT-DD-02"
    b.receive("L1", dd, "online", "2026-03-09 08:00")
    b.act("L1", "tu_choi", CLERK, "2026-03-09 09:00", {"ly_do": "Không thuộc thẩm quyền"})
    b.receive("L2", dd, "in_person", "2026-03-16 08:00")

    thu = "QT-THU-01"
    b.receive("T1", thu, "online", "2026-03-09 08:00",
              {"thanh_toan_truc_tuyen": True, "ket_qua_dien_tu": True, "ho_so_so_hoa": True,
               "luan_chuyen_giay": False})
    b.to_expert("T1", "2026-03-09 08:30", "2026-03-09 09:00")
    b.finish("T1", "2026-03-10 08:00", "2026-03-10 09:00", "2026-03-10 10:00")
    b.receive("T2", thu, "in_person", "2026-03-09 08:00",
              {"thanh_toan_truc_tuyen": False, "ket_qua_dien_tu": True, "ho_so_so_hoa": False,
               "luan_chuyen_giay": True})
    b.to_expert("T2", "2026-03-09 08:30", "2026-03-09 09:00")
    b.finish("T2", "2026-03-10 08:00", "2026-03-10 09:00", "2026-03-10 10:00")

    nolimit = "QT-THU-02"
    b.receive("N1", nolimit, "online", "2026-03-09 08:00")
    b.to_expert("N1", "2026-03-09 08:30", "2026-03-09 09:00")
    b.finish("N1", "2026-03-16 08:00", "2026-03-16 09:00", "2026-03-16 10:00")
    b.receive("N2", nolimit, "in_person", "2026-03-10 08:00")

    # Ratings: D1 is rated twice (the second replaces the first); D9 is open, so not counted.
    b.rate("D1", Rating(0, complaint=True), "2026-03-11 10:30")
    b.rate("D1", Rating(2, topics={"thoi_gian": 2, "thai_do": 2}, comment="Nhanh"), "2026-03-11 11:00")
    b.rate("D2", Rating(1), "2026-03-12 10:00")
    b.rate("D4", Rating(0, topics={"thoi_gian": 0}), "2026-03-13 09:00")
    b.rate("D6", Rating(1, complaint=True), "2026-03-13 11:00")
    b.rate("D9", Rating(0, complaint=True), "2026-03-19 10:00")
    b.rate("H2", Rating(2), "2026-03-13 10:00")
    b.rate("L1", Rating(0, complaint=True, comment="Không được hướng dẫn"), "2026-03-09 10:00")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh, empty schema (as tests/store/conftest.py)."""
    with fresh_postgres_schema(postgres_base_url("PostgreSQL indicator tests"), "isoflow_ind") as url:
        yield url


@pytest.fixture(scope="session")
def processes_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_processes(tmp_path_factory.mktemp("indicators"))


def _office(kind: str, url: str, processes: Path) -> Office:
    definitions = definitions_of(processes)
    desk = Desk(Engine([compile_process(d) for d in definitions], load_calendar(None), load_legal_basis()),
                open_store(url))
    builder = Builder(desk)
    try:
        build(builder)
    except BaseException:
        desk.store.close()
        raise
    return Office(desk, definitions, builder.codes, kind)


@pytest.fixture(scope="session")
def sqlite_office(processes_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    """The data set on SQLite (a file), built once."""
    built = _office("sqlite", f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'indicators.db'}", processes_dir)
    try:
        yield built
    finally:
        built.desk.store.close()


@pytest.fixture(scope="session")
def postgres_office(processes_dir: Path) -> Iterator[Office]:
    """The same data set on PostgreSQL, in a fresh schema dropped afterwards."""
    with fresh_postgres_schema(postgres_base_url("PostgreSQL indicator tests"), "isoflow_ind") as url:
        built = _office("postgres", url, processes_dir)
        try:
            yield built
        finally:
            built.desk.store.close()


@pytest.fixture(params=["sqlite", "postgres"])
def office(request: pytest.FixtureRequest) -> Office:
    """The data set on each store."""
    built: Office = request.getfixturevalue(f"{request.param}_office")
    return built

