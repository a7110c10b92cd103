"""Edge cases that need a data set of their own (a fresh store each)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from isoflow.data.loaders import load_legal_basis, load_targets
from isoflow.data.work_calendar import load_calendar
from isoflow.desk import Desk
from isoflow.indicators.service_report import service_report
from isoflow.running.compiler import compile_process
from isoflow.running.engine import Engine
from isoflow.store import open_store
from tests.indicators.conftest import COMPLETE, Builder, Office, definitions_of, t

END = datetime(2026, 3, 21)
TARGETS = load_targets()


@pytest.fixture(params=["sqlite", "postgres"])
def fresh(request: pytest.FixtureRequest, processes_dir: Path) -> Iterator[Office]:
    url = "sqlite://:memory:" if request.param == "sqlite" else str(request.getfixturevalue("postgres_url"))
    definitions = definitions_of(processes_dir)
    desk = Desk(Engine([compile_process(d) for d in definitions], load_calendar(None), load_legal_basis()),
                open_store(url))
    try:
        yield Office(desk, definitions, {}, request.param)
    finally:
        desk.store.close()


def test_a_dossier_waiting_for_a_supplement_is_not_overdue(fresh: Office) -> None:
    """Received Mon 03-09 08:00 (due Thu 03-12 08:00), sent back for a supplement Tue 03-10 08:00
    and still with the applicant on 03-21: the legal clock is paused, and restarts from zero when
    the dossier comes back complete (Decree 61 Art. 19(4)), so nothing is overdue: within."""
    b = Builder(fresh.desk)
    b.receive("W", "QT-DKKD-01", "in_person", "2026-03-09 08:00")
    b.to_expert("W", "2026-03-09 08:30", "2026-03-09 09:00")
    b.act("W", "yeu_cau_bo_sung", "chuyen-vien", "2026-03-10 08:00", {"noi_dung_bo_sung": "Điều lệ"})
    # The desk itself does not call it overdue: only its step (waiting: none) could be.
    assert [i.what for i in fresh.desk.due(END)] == []
    tally = service_report(fresh.desk.store, fresh.definitions,
                            date(2026, 3, 9), date(2026, 3, 20), targets=TARGETS).total.tally
    assert (tally.in_progress_within, tally.in_progress_overdue) == (1, 0)


def test_a_period_boundary_is_exclusive_at_midnight(fresh: Office) -> None:
    """Closed at 00:00 of the day after the period: not in it (the store counts [start, end+1))."""
    b = Builder(fresh.desk)
    b.receive("X", "QT-DKKD-01", "in_person", "2026-03-09 08:00")
    b.act("X", "tu_choi", "cong-chuc-mot-cua", "2026-03-21 00:00", {"ly_do": "Không đủ điều kiện"})
    b.receive("Y", "QT-DKKD-01", "in_person", "2026-03-20 16:59")
    b.act("Y", "kiem_tra", "cong-chuc-mot-cua", "2026-03-20 16:59", COMPLETE)
    tally = service_report(fresh.desk.store, fresh.definitions,
                            date(2026, 3, 9), date(2026, 3, 20), targets=TARGETS).total.tally
    # X was never accepted (refused at the desk at 00:00 the next day): not received, so neither new
    # nor in progress here, and not refused in this period either; Y: new, within.
    assert (tally.new, tally.resolved, tally.in_progress_overdue, tally.in_progress_within,
            tally.refused_at_desk) == (1, 0, 0, 1, 0)
    after = service_report(fresh.desk.store, fresh.definitions,
                            date(2026, 3, 21), date(2026, 3, 21), targets=TARGETS).total.tally
    # The next day: Y carried over; X refused at the desk at 00:00, counted there and nowhere else.
    assert (after.carried_over, after.new, after.resolved, after.in_progress_overdue,
            after.refused_at_desk) == (1, 0, 0, 0, 1)
    assert t("2026-03-21 00:00") == END


def test_the_report_announces_its_stages_in_order(fresh: Office) -> None:
    """What a terminal's progress display is driven by: each stage once, in order."""
    from isoflow.indicators.service_report import STAGES

    seen: list[str] = []
    service_report(fresh.desk.store, fresh.definitions,
                            date(2026, 3, 9), date(2026, 3, 20), targets=TARGETS,
                   progress=seen.append)
    assert seen == list(STAGES)


def test_an_apology_before_a_supplement_no_longer_counts_after_the_restart(fresh: Office) -> None:
    """Received Mon 03-09 08:00 (due Thu 03-12 08:00); an apology on Tue 03-10 moves it to Fri
    03-13; the expert then asks for a supplement (Wed 03-11), the complete dossier comes back Mon
    03-16 08:00 and the clock restarts (due Thu 03-19 08:00); returned Mon 03-16 16:00: early
    against the restarted appointment, so neither late nor "late with an apology"."""
    b = Builder(fresh.desk)
    b.receive("E", "QT-DKKD-01", "in_person", "2026-03-09 08:00")
    b.to_expert("E", "2026-03-09 08:30", "2026-03-09 09:00")
    b.act("E", "xin_loi", "lanh-dao", "2026-03-10 08:00", {"ly_do": "Cần xác minh", "ngay_hen_moi": "2026-03-13T08:00"})
    b.act("E", "yeu_cau_bo_sung", "chuyen-vien", "2026-03-11 08:00", {"noi_dung_bo_sung": "Điều lệ"})
    b.act("E", "nop_bo_sung", "cong-chuc-mot-cua", "2026-03-16 08:00")
    b.to_expert("E", "2026-03-16 08:30", "2026-03-16 09:00")
    b.finish("E", "2026-03-16 10:00", "2026-03-16 14:00", "2026-03-16 16:00")
    dossier = fresh.desk.show(b.codes["E"])
    assert "due_before_extension" not in dossier.measures
    assert dossier.measures["result"] == "early"
    tally = service_report(fresh.desk.store, fresh.definitions,
                            date(2026, 3, 9), date(2026, 3, 20), targets=TARGETS).total.tally
    assert (tally.resolved_early, tally.resolved_late, tally.late_apologised) == (1, 0, 0)


def test_a_step_left_twice_counts_one_dossier_in_the_period_it_last_left_it(fresh: Office) -> None:
    """Checked Fri 03-20 16:30 and sent back for a supplement (tiep_nhan: 16:00 -> 16:30, 30 min);
    back Mon 03-23 08:00, accepted 08:20 (20 min): one dossier in tiep_nhan, 50 min, counted in
    the week it last left the step; the earlier week no longer counts its first pass."""
    b = Builder(fresh.desk)
    b.receive("R", "QT-DKKD-01", "in_person", "2026-03-20 16:00")
    b.act("R", "kiem_tra", "cong-chuc-mot-cua", "2026-03-20 16:30",
          {"ho_so_day_du": False, "noi_dung_bo_sung": "Bổ sung điều lệ"})
    first_week = service_report(fresh.desk.store, fresh.definitions, date(2026, 3, 16), date(2026, 3, 20),
                                targets=TARGETS)
    assert [(d.step, d.n, str(d.mean_h)) for d in first_week.durations] == [("tiep_nhan", 1, "0.50")]
    b.act("R", "nop_bo_sung", "cong-chuc-mot-cua", "2026-03-23 08:00")
    b.act("R", "kiem_tra", "cong-chuc-mot-cua", "2026-03-23 08:20", COMPLETE)

    def steps(start: date, end: date) -> list[tuple[object, ...]]:
        report = service_report(fresh.desk.store, fresh.definitions, start, end, targets=TARGETS)
        return [(d.step, d.n, str(d.mean_h), str(d.p50_h), d.late) for d in report.durations]
    assert steps(date(2026, 3, 16), date(2026, 3, 20)) == []
    assert steps(date(2026, 3, 23), date(2026, 3, 27)) == [("tiep_nhan", 1, "0.83", "0.83", 0)]  # 50 min
    assert steps(date(2026, 3, 16), date(2026, 3, 27)) == [("tiep_nhan", 1, "0.83", "0.83", 0)]
