"""The engine on the shipped procedures, with real dates on the national calendar.

Sessions of the shipped calendar: 07:30–11:30 and 13:00–17:00 (8 working hours a day).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

import pytest

from isoflow.data.loaders import load_legal_basis
from isoflow.errors import ActionNotAllowed, ProcessNotFound
from isoflow.loading.loader import load_bytes
from isoflow.model.dossier import Dossier
from isoflow.running.compiler import compile_process
from isoflow.running.engine import Engine, Move, classify
from isoflow.workspace import load_runnable
from tests.conftest import PROCESSES

CLERK, EXPERT, LEADER = "cong-chuc-mot-cua", "chuyen-vien", "lanh-dao"
DKKD, CHUNG_THUC, KET_HON = "QT-DKKD-01", "QT-CT-01", "QT-HT-02"


@cache
def engine() -> Engine:
    from isoflow.data.work_calendar import load_calendar

    return Engine([compile_process(d) for d in load_runnable([PROCESSES])], load_calendar(), load_legal_basis())


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def receive(code: str = DKKD, when: str = "2026-03-02 09:00", **data: object) -> Dossier:
    move = engine().receive("H56-260302-0001", code, unit="H56", channel="in_person",
                            applicant={"ho_ten": "Lê Thị Hoa"}, data=data, actor="an", role=CLERK, at=at(when))
    return move.dossier


def act(d: Dossier, action: str, role: str, when: str, actor: str = "an", **data: object) -> Move:
    return engine().fire(d, action, actor=actor, role=role, at=at(when), data=data)


def accept(d: Dossier, when: str) -> Dossier:
    return act(d, "kiem_tra", CLERK, when, ho_so_day_du=True, hinh_thuc_nhan="truc_tiep").dossier


# -- appointment at receipt ------------------------------------------------------------------

def test_appointment_is_the_legal_limit_in_working_time() -> None:
    d = receive(when="2026-03-02 09:00")  # Monday; 3 working days = 24 working hours
    assert d.clock.due_at == at("2026-03-05 09:00")
    assert (d.state, d.status, d.form_set) == ("tiep_nhan", 1, "tt03-2025")


def test_receipt_after_15h_keeps_the_appointment_of_a_procedure_without_its_own_cutoff() -> None:
    """Luật Doanh nghiệp Art. 26(5) sets no cut-off: the legal clock starts at receipt; the regime's
    15:00 (Decree 61/2018 Art. 18(2)) only moves the first step's clock to the next morning."""
    d = receive(when="2026-03-02 15:01")
    assert (d.clock.started_at, d.clock.due_at) == (at("2026-03-02 15:01"), at("2026-03-05 15:01"))
    assert d.step.due_at == at("2026-03-03 09:30")  # tiep_nhan 2h from Tuesday 07:30


def test_deadline_crosses_tet_2026() -> None:
    d = receive(when="2026-02-12 10:00")  # Thursday before Tết (14–22/02 off)
    assert d.clock.due_at == at("2026-02-24 10:00")


def test_make_up_saturday_22_08_2026_is_a_working_day() -> None:
    d = receive(when="2026-08-21 16:00")  # Friday 16:00: 3 working days are Sat 22 (made up), Mon 24, Tue 25
    assert d.clock.started_at == at("2026-08-21 16:00")
    assert d.clock.due_at == at("2026-08-25 16:00")
    assert d.step.due_at == at("2026-08-22 09:30")  # the first step (2h) counts from Saturday 07:30


def test_same_day_procedure_is_due_at_the_end_of_the_day_and_the_cutoff_moves_it() -> None:
    d = receive(CHUNG_THUC, when="2026-01-09 10:00")
    assert d.clock.due_at == at("2026-01-09 17:00")
    late = receive(CHUNG_THUC, when="2026-01-09 15:30")  # Friday 15:30 → make-up Saturday 10/01/2026
    assert late.clock.due_at == at("2026-01-10 17:00")


@cache
def two_revisions() -> Engine:
    """QT-CT-01 revision 1 in force from 2025-01-01 and revision 2 (one more hour to sign) from 2026-01-01."""
    from isoflow.data.work_calendar import load_calendar

    text = (PROCESSES / "chung-thuc-ban-sao.xml").read_text(encoding="utf-8")
    old = text.replace('effective="2026-01-01"', 'effective="2025-01-01"')
    new = text.replace('revision="1" effective="2026-01-01"', 'revision="2" effective="2026-01-01"')
    definitions = [load_bytes(t.encode("utf-8"), f"rev{n}.xml").definition for n, t in ((1, old), (2, new))]
    return Engine([compile_process(d) for d in definitions if d], load_calendar(), load_legal_basis())


def test_new_year_swap_day_02_01_2026_is_off() -> None:
    move = two_revisions().receive("X-251231-0001", CHUNG_THUC, unit="X", channel="post", applicant={}, data={},
                                   actor="an", role=CLERK, at=at("2025-12-31 16:00"))
    assert move.dossier.clock.due_at == at("2026-01-05 17:00")
    assert move.dossier.form_set == "tt03-2025"


def test_dossiers_before_the_2025_reform_use_the_2018_forms_and_keep_their_revision() -> None:
    engine2 = two_revisions()
    old = engine2.receive("X-250303-0001", CHUNG_THUC, unit="X", channel="online", applicant={}, data={},
                          actor="an", role=CLERK, at=at("2025-03-03 09:00")).dossier
    new = engine2.receive("X-260303-0001", CHUNG_THUC, unit="X", channel="online", applicant={}, data={},
                          actor="an", role=CLERK, at=at("2026-03-03 09:00")).dossier
    assert (old.form_set, old.revision) == ("tt01-2018", 1)
    assert (new.form_set, new.revision) == ("tt03-2025", 2)
    assert engine2.process_of(old).definition.revision == 1  # a new revision only affects new dossiers


# -- moving, steps, hand-overs ----------------------------------------------------------------

def test_happy_path_hands_over_between_units_and_classifies_each_step() -> None:
    d = accept(receive(when="2026-03-02 09:00"), "2026-03-02 10:00")
    assert d.state == "chuyen"
    assert d.step.due_at == at("2026-03-02 11:00")  # 1h budget
    move = act(d, "ban_giao", CLERK, "2026-03-02 10:30")
    event = move.events[0]
    assert (event.from_unit, event.to_unit, event.is_handover) == ("bp-mot-cua", "phong-chuyen-mon", True)
    assert event.data["step_result"] == "early"
    d = act(move.dossier, "trinh", EXPERT, "2026-03-04 14:00", actor="binh", du_dieu_kien=True).dossier
    d = act(d, "ky", LEADER, "2026-03-05 08:00", actor="chi").dossier
    move = act(d, "tra", CLERK, "2026-03-05 09:00")
    assert move.dossier.is_closed
    assert (move.dossier.outcome, move.dossier.status) == ("granted", 10)
    assert move.events[0].data["result"] == "on_time"


def test_classification_is_to_the_minute() -> None:
    due = at("2026-03-05 09:00")
    assert classify(at("2026-03-05 08:59"), due) == "early"
    assert classify(at("2026-03-05 09:00:59"), due) == "on_time"
    assert classify(at("2026-03-05 09:01"), due) == "late"


# -- refusals, each with its reason -------------------------------------------------------------

def refusal(d: Dossier, action: str, role: str, when: str, actor: str = "an", **data: object) -> ActionNotAllowed:
    with pytest.raises(ActionNotAllowed) as caught:
        act(d, action, role, when, actor=actor, **data)
    return caught.value


def test_wrong_state() -> None:
    error = refusal(receive(), "ky", LEADER, "2026-03-02 10:00")
    assert error.reason == "wrong-state"
    assert "possible here: kiem_tra, tu_choi" in str(error)


def test_unknown_action() -> None:
    assert refusal(receive(), "bay", CLERK, "2026-03-02 10:00").reason == "unknown-action"


def test_role_not_permitted() -> None:
    error = refusal(receive(), "kiem_tra", EXPERT, "2026-03-02 10:00", ho_so_day_du=True)
    assert (error.reason, str(error).endswith("permitted: cong-chuc-mot-cua)")) == ("role", True)


def test_guard_false_names_the_guard() -> None:
    d = accept(receive(), "2026-03-02 10:00")
    d = act(d, "ban_giao", CLERK, "2026-03-02 10:30").dossier
    d = act(d, "trinh", EXPERT, "2026-03-03 10:00", actor="binh", du_dieu_kien=False).dossier
    error = refusal(d, "ky", LEADER, "2026-03-03 11:00", actor="chi")
    assert error.reason == "guard"
    assert "'du_dieu_kien' (to tra_ket_qua)" in str(error)


def test_segregation_of_duties_refuses_the_preparer_as_approver() -> None:
    d = accept(receive(), "2026-03-02 10:00")
    d = act(d, "ban_giao", CLERK, "2026-03-02 10:30").dossier
    d = act(d, "trinh", EXPERT, "2026-03-03 10:00", actor="binh", du_dieu_kien=True).dossier
    assert refusal(d, "ky", LEADER, "2026-03-03 11:00", actor="binh").reason == "self-approval"
    assert [o.action for o in engine().available(d, LEADER, "binh")] == ["tra_lai", "dung_xu_ly"]


def test_missing_and_invalid_data() -> None:
    d = receive()
    assert refusal(d, "kiem_tra", CLERK, "2026-03-02 10:00", ho_so_day_du=True).reason == "missing-data"
    error = refusal(d, "kiem_tra", CLERK, "2026-03-02 10:00", ho_so_day_du="maybe")
    assert (error.reason, "'maybe' is not true or false" in str(error)) == ("invalid-data", True)
    error = refusal(d, "kiem_tra", CLERK, "2026-03-02 10:00", ho_so_day_dú=True)
    assert "did you mean 'ho_so_day_du'" in str(error)


def test_closed_dossier_refuses_everything() -> None:
    d = act(receive(), "tu_choi", CLERK, "2026-03-02 10:00", ly_do="Không thuộc thẩm quyền").dossier
    assert (d.outcome, d.status) == ("refused", 3)
    assert refusal(d, "kiem_tra", CLERK, "2026-03-02 11:00").reason == "closed"


def test_time_cannot_run_backwards() -> None:
    d = accept(receive(), "2026-03-02 10:00")
    assert refusal(d, "ban_giao", CLERK, "2026-03-02 09:59").reason == "time"


def test_withdraw_and_stop_need_a_reason_and_reach_their_outcome() -> None:
    d = accept(receive(), "2026-03-02 10:00")
    withdrawn = engine().withdraw(d, actor="an", role=CLERK, reason="Công dân xin rút", at=at("2026-03-02 11:00"))
    assert (withdrawn.dossier.outcome, withdrawn.dossier.status) == ("withdrawn", 7)
    with pytest.raises(ActionNotAllowed):
        engine().withdraw(d, actor="an", role=CLERK, reason="  ", at=at("2026-03-02 11:00"))
    d = act(d, "ban_giao", CLERK, "2026-03-02 10:30").dossier
    stopped = engine().stop(d, actor="chi", role=LEADER, reason="Có tranh chấp", at=at("2026-03-03 09:00"))
    assert (stopped.dossier.outcome, stopped.dossier.status) == ("stopped", 8)


def test_unknown_procedure() -> None:
    with pytest.raises(ProcessNotFound, match="no procedure 'QT-X'"):
        receive("QT-X")


# -- supplement: the clock stops, then restarts from zero -------------------------------------

def test_supplement_round_trip_restarts_the_legal_time_and_keeps_the_waiting_time() -> None:
    d = accept(receive(when="2026-03-02 09:00"), "2026-03-02 10:00")
    d = act(d, "ban_giao", CLERK, "2026-03-02 10:30").dossier
    move = act(d, "yeu_cau_bo_sung", EXPERT, "2026-03-03 10:00", actor="binh", noi_dung_bo_sung="Thiếu điều lệ")
    d = move.dossier
    assert (d.state, d.status, d.clock.paused_at) == ("cho_bo_sung", 5, at("2026-03-03 10:00"))
    assert move.events[0].data["clock"] == "paused"
    move = act(d, "nop_bo_sung", CLERK, "2026-03-09 14:00")
    d = move.dossier
    assert d.clock.started_at == at("2026-03-09 14:00")
    assert d.clock.due_at == at("2026-03-12 14:00")
    assert d.clock.waited == timedelta(hours=34, minutes=30)
    assert (d.clock.supplements, d.clock.paused_at) == (1, None)
    assert move.events[0].data["clock"] == "restarted"


# -- apology and extension ----------------------------------------------------------------------

def in_appraisal(when: str = "2026-03-02 09:00") -> Dossier:
    d = accept(receive(when=when), "2026-03-02 10:00")
    return act(d, "ban_giao", CLERK, "2026-03-02 10:30").dossier


def test_extension_at_least_one_working_day_before_the_due_time() -> None:
    d = in_appraisal()  # due Thursday 2026-03-05 09:00
    move = act(d, "xin_loi", LEADER, "2026-03-04 09:00", actor="chi", ly_do="Cần xác minh",
               ngay_hen_moi="2026-03-10T09:00")
    assert move.dossier.clock.due_at == at("2026-03-10 09:00")
    assert move.dossier.clock.extensions == 1
    assert move.events[0].kind == "extended"
    assert move.events[0].data["previous_due"] == "2026-03-05T09:00"


def test_extension_asked_too_late_is_refused() -> None:
    d = in_appraisal()
    error = refusal(d, "xin_loi", LEADER, "2026-03-04 09:01", actor="chi", ly_do="Cần xác minh",
                    ngay_hen_moi="2026-03-10T09:00")
    assert error.reason == "extension-late"
    assert "only 7h59 of working time is left" in str(error)


def test_second_extension_is_refused() -> None:
    d = in_appraisal()
    d = act(d, "xin_loi", LEADER, "2026-03-03 09:00", actor="chi", ly_do="Cần xác minh",
            ngay_hen_moi="2026-03-10T09:00").dossier
    error = refusal(d, "xin_loi", LEADER, "2026-03-04 09:00", actor="chi", ly_do="Lần hai",
                    ngay_hen_moi="2026-03-12T09:00", da_gia_han=False)
    assert error.reason == "extension-repeated"


# -- revisions ----------------------------------------------------------------------------------

def test_a_dossier_stays_on_its_revision() -> None:
    d = receive()
    assert engine().process_of(d).definition.revision == d.revision == 1


def test_supplement_policy_resume_shifts_the_due_time_by_the_waiting_time() -> None:
    """Where the regime does not restart the clock, the due time moves by the waiting time."""
    import dataclasses

    from isoflow.data.work_calendar import load_calendar

    legal = load_legal_basis()
    legal = dataclasses.replace(legal, regimes=tuple(dataclasses.replace(r, supplement_restarts_clock=False)
                                                     for r in legal.regimes))
    resuming = Engine([compile_process(d) for d in load_runnable([PROCESSES])], load_calendar(), legal)
    d = resuming.receive("H56-260302-0001", DKKD, unit="H56", channel="online", applicant={}, data={},
                         actor="an", role=CLERK, at=at("2026-03-02 09:00")).dossier  # due Thu 03-05 09:00
    d = resuming.fire(d, "kiem_tra", actor="an", role=CLERK, at=at("2026-03-02 10:00"),
                      data={"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tuyen"}).dossier
    d = resuming.fire(d, "ban_giao", actor="an", role=CLERK, at=at("2026-03-02 10:30")).dossier
    d = resuming.fire(d, "yeu_cau_bo_sung", actor="binh", role=EXPERT, at=at("2026-03-03 10:00"),
                      data={"noi_dung_bo_sung": "Thiếu điều lệ"}).dossier
    move = resuming.fire(d, "nop_bo_sung", actor="an", role=CLERK, at=at("2026-03-04 10:00"))
    assert move.events[0].data["clock"] == "resumed"
    assert move.dossier.clock.waited == timedelta(hours=8)
    assert move.dossier.clock.started_at == at("2026-03-02 09:00")
    assert move.dossier.clock.due_at == at("2026-03-06 09:00")


# -- found in review ----------------------------------------------------------------------------

def test_the_first_step_counts_from_the_receipt_start_after_the_cutoff() -> None:
    d = receive(CHUNG_THUC, when="2026-01-09 15:30")  # Friday after 15:00; Saturday 10/01 is worked
    assert d.step.due_at == at("2026-01-10 08:30")  # 1h budget from 07:30, not from 15:30 the day before


def test_a_dossier_closed_while_waiting_keeps_its_appointment() -> None:
    d = receive(KET_HON, when="2026-03-02 09:00")
    due = d.clock.due_at
    d = act(d, "kiem_tra", CLERK, "2026-03-02 10:00", ho_so_day_du=False, noi_dung_bo_sung="Thiếu tờ khai").dossier
    move = act(d, "rut_ho_so", CLERK, "2026-03-20 10:00", ly_do="Không bổ sung nữa")
    assert move.dossier.clock.due_at == due
    assert move.dossier.clock.started_at == d.clock.started_at
    assert "clock" not in move.events[0].data


@pytest.mark.parametrize(("value", "reason"), [(None, "missing-data"), ("ngày mai", "invalid-data")])
def test_a_bad_new_due_time_is_refused(value: object, reason: str) -> None:
    d = in_appraisal()  # the legal clock decides extensions
    with pytest.raises(ActionNotAllowed) as caught:
        engine().clock.extend(d, engine().process_of(d), value, at("2026-03-03 09:00"), "xin_loi")
    assert caught.value.reason == reason


@pytest.mark.parametrize("value", ["Infinity", "NaN", "1e999999"])
def test_decimal_fields_refuse_non_finite_and_huge_numbers(value: str) -> None:
    from isoflow.errors import FieldValueError
    from isoflow.model.definition import Field
    from isoflow.model.fields import coerce

    field = Field("phi", location=None, type="decimal")  # type: ignore[arg-type]
    with pytest.raises(FieldValueError, match="is not a number"):
        coerce(field, value)


def test_a_date_outside_the_calendar_is_a_clear_error() -> None:
    from isoflow.errors import IsoflowError

    with pytest.raises(IsoflowError, match="outside the working calendar's range"):
        receive(when="2045-01-09 10:00")


def test_working_days_stay_days_on_a_calendar_with_shorter_days(tmp_path: object) -> None:
    """A province working 7.5 hours a day: 5 working days still end 5 days later, same hour."""
    from pathlib import Path

    from isoflow.data.work_calendar import load_calendar

    path = Path(str(tmp_path)) / "province.toml"
    path.write_text('name = "Tỉnh thử"\nextends = "vn"\n[[sessions]]\nhours = ["08:00-11:30", "13:00-17:00"]\n',
                    encoding="utf-8")
    province = Engine([compile_process(d) for d in load_runnable([PROCESSES])], load_calendar(path),
                      load_legal_basis())
    d = province.receive("X-260302-0001", "QT-GPLX-01", unit="X", channel="in_person", applicant={}, data={},
                         actor="an", role=CLERK, at=at("2026-03-02 08:00")).dossier
    assert d.clock.due_at == at("2026-03-06 17:00")  # Monday to Friday, whole days (not 5 × 8 hours)
