"""The desk on every backend: codes, persisted moves, stale copies, refusals, due times, reminders.

Real 2026 dates on QT-DKKD-01 (3 working days; steps: tiếp nhận 2h, chuyển 1h, thẩm định 2d,
ký 0.5d, trả 1h) and the national calendar (07:30–11:30, 13:00–17:00; no holiday in March).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from itertools import pairwise
from typing import Any

import pytest
from msgspec.structs import replace

from isoflow.cli import demo
from isoflow.desk import Desk
from isoflow.errors import ActionNotAllowed, DossierNotFound, ProcessNotFound, StaleDossier
from isoflow.model.dossier import Dossier
from tests._desk_helpers import (
    CLERK,
    DKKD,
    EXPERT,
    LEADER,
    UNIT,
    desk_fixture,  # noqa: F401 -- fixture "desk"
    desk_url_fixture,  # noqa: F401 -- fixture "desk_url"
    receive,
    t,
    to_appraisal,
)
from tests.store.conftest import postgres_url  # noqa: F401 -- fixture used by desk_url

ACCEPT = {"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"}


def snapshot(desk: Desk, code: str) -> tuple[Dossier, list[Any]]:
    return desk.show(code), desk.history(code)


# -- receiving: codes ---------------------------------------------------------------------------

def test_receive_assigns_the_next_code_of_the_unit_for_the_day(desk: Desk) -> None:
    first = receive(desk, "2026-03-02 09:00")
    second = receive(desk, "2026-03-02 09:05")
    assert (first.code, second.code) == (f"{UNIT}-260302-0001", f"{UNIT}-260302-0002")
    assert receive(desk, "2026-03-02 09:10", unit="000.00.31.H41").code == "000.00.31.H41-260302-0001"
    assert receive(desk, "2026-03-03 08:00").code == f"{UNIT}-260303-0001"
    assert first.clock.due_at == t("2026-03-05 09:00")  # Mon 09:00 + 3 working days
    assert first.step.due_at == t("2026-03-02 11:00")  # tiếp nhận: 2h
    assert (first.version, first.state, first.status) == (1, "tiep_nhan", 1)
    assert desk.show(first.code) == first
    [event] = desk.history(first.code)
    assert (event.seq, event.kind, event.target, event.actor) == (1, "received", "tiep_nhan", "le.an")
    assert desk.verify() == []


def test_a_refused_receipt_uses_no_number(desk: Desk) -> None:
    with pytest.raises(ProcessNotFound, match="no procedure 'QT-KHONG-CO'"):
        desk.receive("QT-KHONG-CO", unit=UNIT, channel="online", applicant={}, data={}, actor="le.an", role=CLERK,
                     at=t("2026-03-02 09:00"))
    with pytest.raises(ActionNotAllowed) as caught:
        desk.receive(DKKD, unit=UNIT, channel="online", applicant={}, data={}, actor="tran.binh", role=EXPERT,
                     at=t("2026-03-02 09:00"))
    assert caught.value.reason == "role"
    with pytest.raises(ActionNotAllowed) as caught:
        desk.receive(DKKD, unit=UNIT, channel="online", applicant={}, data={"ho_so_day_duu": True}, actor="le.an",
                     role=CLERK, at=t("2026-03-02 09:00"))
    assert "did you mean 'ho_so_day_du'" in str(caught.value)
    assert desk.store.codes() == []
    assert receive(desk).code == f"{UNIT}-260302-0001"


# -- acting: persisted, chained -----------------------------------------------------------------

def test_the_demo_lifecycle_is_persisted_with_a_verified_chain(desk: Desk) -> None:
    lines: list[str] = []
    code = demo.run(desk, lines.append)
    assert lines[-1] == "event chain verified"
    d = desk.show(code)
    assert (d.state, d.outcome, d.status, d.is_closed) == ("da_tra_ket_qua", "granted", 10, True)
    events = desk.history(code)
    assert [e.seq for e in events] == list(range(1, 12)) == list(range(1, d.version + 1))
    assert [e.action for e in events[1:]] == ["kiem_tra", "ban_giao", "yeu_cau_bo_sung", "nop_bo_sung", "kiem_tra",
                                             "ban_giao", "xin_loi", "trinh", "ky", "tra"]
    assert events[-1].hash == d.last_hash
    assert all(later.prev_hash == earlier.hash for earlier, later in pairwise(events))
    for earlier, later in pairwise(events):
        assert later.source == earlier.target  # every move starts where the previous one ended
    handovers = [(e.action, e.from_unit, e.to_unit) for e in events if e.is_handover]
    assert ("ban_giao", "bp-mot-cua", "phong-chuyen-mon") in handovers
    assert ("trinh", "phong-chuyen-mon", "lanh-dao") in handovers
    assert desk.verify() == []
    assert desk.verify(code) == []


def test_act_returns_what_is_stored(desk: Desk) -> None:
    d = receive(desk)
    move = desk.act(d.code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 10:00"), data=ACCEPT,
                    expected_version=1)
    assert move.dossier == desk.show(d.code)
    assert move.dossier.version == 2
    assert list(move.events) == desk.history(d.code)[1:]
    move = desk.act(d.code, "ban_giao", actor="le.an", role=CLERK, at=t("2026-03-02 10:30"), receiver="tran.binh")
    assert desk.history(d.code)[-1].receiver == "tran.binh"
    assert move.dossier.step.due_at == t("2026-03-04 10:30")  # thẩm định: 2 working days
    assert [o.action for o in desk.options(d.code, EXPERT)] == ["trinh", "yeu_cau_bo_sung"]
    assert [o.action for o in desk.options(d.code, LEADER)] == ["xin_loi", "dung_xu_ly"]
    assert desk.verify(d.code) == []


def test_withdraw_and_stop_close_the_dossier_with_the_reason(desk: Desk) -> None:
    a, b = receive(desk), receive(desk)
    to_appraisal(desk, a.code)
    to_appraisal(desk, b.code)
    withdrawn = desk.withdraw(a.code, actor="le.an", role=CLERK, reason="Công dân xin rút", at=t("2026-03-03 09:00"))
    stopped = desk.stop(b.code, actor="pham.chi", role=LEADER, reason="Có tranh chấp", at=t("2026-03-03 09:00"))
    assert (desk.show(a.code).outcome, desk.show(b.code).outcome) == ("withdrawn", "stopped")
    assert withdrawn.dossier.data["ly_do"] == "Công dân xin rút"
    assert desk.history(b.code)[-1].comment == "Có tranh chấp"
    assert stopped.dossier == desk.show(b.code)
    before = snapshot(desk, a.code)
    with pytest.raises(ActionNotAllowed) as caught:
        desk.act(a.code, "trinh", actor="tran.binh", role=EXPERT, at=t("2026-03-03 10:00"), data={"du_dieu_kien": True})
    assert caught.value.reason == "closed"
    assert snapshot(desk, a.code) == before
    assert desk.verify() == []


# -- stale copies -------------------------------------------------------------------------------

def test_a_stale_copy_raises_and_changes_nothing(desk: Desk) -> None:
    d = receive(desk)
    copy = desk.show(d.code)
    desk.act(d.code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 10:00"), data=ACCEPT,
             expected_version=copy.version)
    before = snapshot(desk, d.code)
    with pytest.raises(StaleDossier) as caught:
        desk.act(d.code, "tu_choi", actor="nguyen.ha", role=CLERK, at=t("2026-03-02 10:05"),
                 data={"ly_do": "Sai thẩm quyền"}, expected_version=copy.version)
    assert (caught.value.code, caught.value.expected, caught.value.actual) == (d.code, 1, 2)
    assert "expected version 1, it is now at version 2" in str(caught.value)
    assert snapshot(desk, d.code) == before
    assert desk.verify() == []


def test_a_write_between_read_and_write_is_refused_by_the_store(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another clerk acts after this desk read the dossier: the conditional write fails, nothing is half-written."""
    d = receive(desk)
    to_appraisal(desk, d.code)
    original_load = desk.store.load
    interfered: list[bool] = []

    def load_then_someone_else_acts(code: str) -> Dossier:
        read = original_load(code)
        if not interfered:
            interfered.append(True)
            monkeypatch.setattr(desk.store, "load", original_load)
            desk.act(code, "yeu_cau_bo_sung", actor="tran.binh", role=EXPERT, at=t("2026-03-03 10:00"),
                     data={"noi_dung_bo_sung": "Thiếu điều lệ"})
        return read

    monkeypatch.setattr(desk.store, "load", load_then_someone_else_acts)
    with pytest.raises(StaleDossier) as caught:
        desk.act(d.code, "trinh", actor="vo.dung", role=EXPERT, at=t("2026-03-03 10:01"), data={"du_dieu_kien": True})
    assert (caught.value.expected, caught.value.actual) == (3, 4)
    after = desk.show(d.code)
    assert (after.state, after.version, after.data.get("du_dieu_kien")) == ("cho_bo_sung", 4, None)
    assert [e.action for e in desk.history(d.code)][-1] == "yeu_cau_bo_sung"
    assert desk.verify() == []


def test_the_copy_a_desk_returned_is_acted_on_without_reading_the_store(
        desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    d = receive(desk)
    reads: list[str] = []
    original_load = desk.store.load

    def counting_load(code: str) -> Dossier:
        reads.append(code)
        return original_load(code)

    monkeypatch.setattr(desk.store, "load", counting_load)
    moved = desk.act(d.code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 10:00"), data=ACCEPT,
                     dossier=d).dossier
    moved = desk.act(d.code, "ban_giao", actor="le.an", role=CLERK, at=t("2026-03-02 10:30"), dossier=moved).dossier
    assert reads == []
    monkeypatch.undo()
    assert desk.show(d.code) == moved
    assert moved.state == "tham_dinh"
    assert desk.verify() == []


def test_a_stale_held_copy_raises_and_changes_nothing(desk: Desk) -> None:
    """Another desk (another worker) acts after this one returned its copy: the copy is stale."""
    d = receive(desk)
    other = Desk(desk.engine, desk.store)
    other.act(d.code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 10:00"), data=ACCEPT)
    before = snapshot(desk, d.code)
    with pytest.raises(StaleDossier) as caught:
        desk.act(d.code, "tu_choi", actor="nguyen.ha", role=CLERK, at=t("2026-03-02 10:05"),
                 data={"ly_do": "Sai thẩm quyền"}, dossier=d)
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    assert snapshot(desk, d.code) == before
    assert desk.verify() == []


def test_a_copy_the_desk_did_not_return_is_read_again(desk: Desk) -> None:
    """An edited copy (here: moved on and approved on paper) is not trusted: the stored dossier decides."""
    d = receive(desk)
    forged = replace(d, state="ky_duyet", data={**d.data, "du_dieu_kien": True})
    with pytest.raises(ActionNotAllowed) as caught:
        desk.act(d.code, "ky", actor="pham.lan", role=LEADER, at=t("2026-03-02 10:00"), dossier=forged)
    assert caught.value.reason == "wrong-state"
    assert desk.show(d.code) == d
    with pytest.raises(ValueError, match="not"):
        desk.act("000.00.31.H40-260302-9999", "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 10:00"),
                 data=ACCEPT, dossier=d)
    with pytest.raises(StaleDossier):
        desk.act(d.code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 10:00"), data=ACCEPT,
                 dossier=d, expected_version=2)
    assert desk.verify() == []


# -- refusals change nothing --------------------------------------------------------------------

@pytest.mark.parametrize(("action", "role", "actor", "data", "reason"), [
    ("trinh", CLERK, "le.an", {"du_dieu_kien": True}, "role"),
    ("ky", LEADER, "pham.chi", {}, "wrong-state"),
    ("bay", EXPERT, "tran.binh", {}, "unknown-action"),
    ("trinh", EXPERT, "tran.binh", {}, "missing-data"),
    ("trinh", EXPERT, "tran.binh", {"du_dieu_kien": "có lẽ"}, "invalid-data"),
    ("xin_loi", LEADER, "pham.chi", {"ly_do": "Trễ", "ngay_hen_moi": "2026-03-20T09:00", "da_gia_han": True}, "guard"),
])
def test_a_refused_action_changes_nothing(desk: Desk, action: str, role: str, actor: str, data: dict[str, Any],
                                          reason: str) -> None:
    d = receive(desk)
    to_appraisal(desk, d.code)
    before = snapshot(desk, d.code)
    with pytest.raises(ActionNotAllowed) as caught:
        desk.act(d.code, action, actor=actor, role=role, at=t("2026-03-03 09:00"), data=data)
    assert caught.value.reason == reason
    assert d.code in str(caught.value)
    assert snapshot(desk, d.code) == before
    assert desk.verify() == []


def test_self_approval_and_backdating_are_refused_and_change_nothing(desk: Desk) -> None:
    d = receive(desk)
    to_appraisal(desk, d.code)
    desk.act(d.code, "trinh", actor="tran.binh", role=EXPERT, at=t("2026-03-03 10:00"), data={"du_dieu_kien": True})
    before = snapshot(desk, d.code)
    with pytest.raises(ActionNotAllowed) as caught:
        desk.act(d.code, "ky", actor="tran.binh", role=LEADER, at=t("2026-03-03 11:00"))
    assert caught.value.reason == "self-approval"
    with pytest.raises(ActionNotAllowed) as caught:
        desk.act(d.code, "ky", actor="pham.chi", role=LEADER, at=t("2026-03-03 09:59"))
    assert caught.value.reason == "time"
    with pytest.raises(ActionNotAllowed) as caught:
        desk.withdraw(d.code, actor="le.an", role=CLERK, reason="   ", at=t("2026-03-03 11:00"))
    assert caught.value.reason == "missing-data"
    assert snapshot(desk, d.code) == before
    assert [o.action for o in desk.options(d.code, LEADER, "tran.binh")] == ["tra_lai", "dung_xu_ly"]


# -- unknown dossiers ---------------------------------------------------------------------------

def test_an_unknown_dossier_is_named(desk: Desk) -> None:
    receive(desk)
    code = f"{UNIT}-260302-0099"
    calls: list[Callable[[], object]] = [
        lambda: desk.show(code),
        lambda: desk.history(code),
        lambda: desk.options(code, CLERK),
        lambda: desk.verify(code),
        lambda: desk.act(code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 10:00"), data=ACCEPT),
        lambda: desk.act(code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 10:00"), expected_version=1),
        lambda: desk.withdraw(code, actor="le.an", role=CLERK, reason="Rút", at=t("2026-03-02 10:00")),
        lambda: desk.stop(code, actor="pham.chi", role=LEADER, reason="Dừng", at=t("2026-03-02 10:00")),
    ]
    for call in calls:
        with pytest.raises(DossierNotFound) as caught:
            call()
        assert caught.value.code == code
        assert code in str(caught.value)
    assert desk.verify() == []


# -- due ----------------------------------------------------------------------------------------

def items(desk: Desk, as_of: str, within: timedelta = timedelta(0)) -> list[tuple[str, str, str, bool, timedelta]]:
    return [(i.dossier.code, i.what, f"{i.due_at:%Y-%m-%d %H:%M}", i.overdue, i.left)
            for i in desk.due(t(as_of), within)]


def test_a_fresh_dossier_falls_due_on_its_step_then_on_its_appointment(desk: Desk) -> None:
    code = receive(desk, "2026-03-02 09:00").code  # Monday; step due 11:00, appointment Thu 09:00
    assert items(desk, "2026-03-02 09:00") == []
    assert items(desk, "2026-03-02 09:00", timedelta(hours=1, minutes=59)) == []
    assert items(desk, "2026-03-02 09:00", timedelta(hours=2)) == [
        (code, "step", "2026-03-02 11:00", False, timedelta(hours=2))]
    assert items(desk, "2026-03-02 11:00") == [(code, "step", "2026-03-02 11:00", False, timedelta(0))]
    assert items(desk, "2026-03-02 11:01") == [(code, "step", "2026-03-02 11:00", True, -timedelta(minutes=1))]
    assert items(desk, "2026-03-05 08:59") == [
        (code, "step", "2026-03-02 11:00", True, -timedelta(hours=21, minutes=59))]
    assert items(desk, "2026-03-05 09:01") == [
        (code, "step", "2026-03-02 11:00", True, -timedelta(hours=22, minutes=1)),
        (code, "dossier", "2026-03-05 09:00", True, -timedelta(minutes=1))]


def test_the_working_window_skips_nights_and_weekends(desk: Desk) -> None:
    code = receive(desk, "2026-03-06 14:00").code  # Friday: appointment Wed 2026-03-11 14:00
    desk.act(code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-06 14:30"), data=ACCEPT)
    desk.act(code, "ban_giao", actor="le.an", role=CLERK, at=t("2026-03-06 15:00"))  # thẩm định due Tue 15:00
    assert desk.show(code).clock.due_at == t("2026-03-11 14:00")
    assert desk.show(code).step.due_at == t("2026-03-10 15:00")
    # Friday 16:00 + 1 working day = Monday 16:00 (the weekend does not count): nothing yet.
    assert items(desk, "2026-03-06 16:00", timedelta(hours=8)) == []
    # Saturday: the window starts at the next working instant, Monday 07:30.
    # Monday 07:30 + 14h = Tuesday 15:00, the step's due time.
    assert items(desk, "2026-03-07 10:00", timedelta(hours=13, minutes=59)) == []
    assert items(desk, "2026-03-07 10:00", timedelta(hours=14)) == [
        (code, "step", "2026-03-10 15:00", False, timedelta(hours=14))]


def test_due_lists_overdue_and_soon_due_and_skips_waiting_and_closed(desk: Desk) -> None:
    a = receive(desk).code  # stays at the desk: step due Mon 11:00
    b = receive(desk).code  # in thẩm định from Mon 10:30: step due Wed 10:30
    to_appraisal(desk, b)
    c = receive(desk).code  # sent back to the applicant: clock paused
    to_appraisal(desk, c)
    desk.act(c, "yeu_cau_bo_sung", actor="tran.binh", role=EXPERT, at=t("2026-03-03 10:00"),
             data={"noi_dung_bo_sung": "Thiếu điều lệ"})
    d = receive(desk).code  # refused at the desk: closed
    desk.act(d, "tu_choi", actor="le.an", role=CLERK, at=t("2026-03-02 09:30"), data={"ly_do": "Sai thẩm quyền"})
    e = receive(desk, "2026-03-04 14:00").code  # Wednesday: step due 16:00, appointment Mon 03-09 14:00
    assert desk.show(c).clock.paused_at == t("2026-03-03 10:00")

    overdue = [(a, "step", "2026-03-02 11:00", True, -timedelta(hours=19, minutes=30)),
               (b, "step", "2026-03-04 10:30", True, -timedelta(hours=4)),
               (e, "step", "2026-03-04 16:00", False, timedelta(0))]
    assert items(desk, "2026-03-04 16:00") == overdue
    # Wed 16:00 + 2h30 of working time = Thu 09:00: the appointments of a and b; not c's (paused).
    soon = [(a, "dossier", "2026-03-05 09:00", False, timedelta(hours=2, minutes=30)),
            (b, "dossier", "2026-03-05 09:00", False, timedelta(hours=2, minutes=30))]
    assert items(desk, "2026-03-04 16:00", timedelta(hours=2, minutes=30)) == overdue + soon
    assert items(desk, "2026-03-04 16:00", timedelta(hours=2, minutes=29)) == overdue
    # Long after every due time: still never the paused dossier's appointment, never the closed one.
    late = {(code, what) for code, what, *_ in items(desk, "2026-06-01 08:00")}
    assert late == {(a, "step"), (a, "dossier"), (b, "step"), (b, "dossier"), (e, "step"), (e, "dossier")}

    # The supplement arrives: the clock restarts, c is due again on its new step and appointment.
    desk.act(c, "nop_bo_sung", actor="le.an", role=CLERK, at=t("2026-03-05 10:00"))
    assert desk.show(c).clock.due_at == t("2026-03-10 10:00")
    assert (c, "step", "2026-03-05 13:30", True, -timedelta(minutes=30)) in items(desk, "2026-03-05 14:00")
    assert (c, "dossier", "2026-03-10 10:00", False, timedelta(hours=1)) in items(
        desk, "2026-03-10 09:00", timedelta(hours=1))


# -- remind -------------------------------------------------------------------------------------

def reminded(desk: Desk, code: str) -> list[tuple[str, str, bool]]:
    return [(e.data["what"], e.data["due_at"], e.data["overdue"]) for e in desk.history(code) if e.kind == "reminded"]


def test_remind_records_one_reminder_per_due_time_and_never_twice(desk: Desk) -> None:
    a = receive(desk).code
    b = receive(desk).code
    to_appraisal(desk, b)
    c = receive(desk).code
    to_appraisal(desk, c)
    desk.act(c, "yeu_cau_bo_sung", actor="tran.binh", role=EXPERT, at=t("2026-03-03 10:00"),
             data={"noi_dung_bo_sung": "Thiếu điều lệ"})
    d = receive(desk).code
    desk.act(d, "tu_choi", actor="le.an", role=CLERK, at=t("2026-03-02 09:30"), data={"ly_do": "Sai thẩm quyền"})
    e = receive(desk, "2026-03-04 14:00").code
    versions = {code: desk.show(code).version for code in (a, b, c, d, e)}

    written = desk.remind("nhac-1", t("2026-03-04 16:00"), timedelta(hours=2, minutes=30))
    assert sorted((ev.dossier, ev.data["what"]) for ev in written) == sorted(
        [(a, "step"), (a, "dossier"), (b, "step"), (b, "dossier"), (e, "step")])
    for ev in written:
        assert (ev.kind, ev.role, ev.actor, ev.at) == ("reminded", "system", "nhac-1", t("2026-03-04 16:00"))
        assert ev.source == ev.target == desk.show(ev.dossier).state
    assert reminded(desk, a) == [("step", "2026-03-02T11:00:00", True), ("dossier", "2026-03-05T09:00:00", False)]
    assert reminded(desk, c) == reminded(desk, d) == []
    assert desk.show(c).version == versions[c]
    assert desk.show(d).version == versions[d]
    assert desk.show(a).version == versions[a] + 2

    # Again, by the same worker, by another worker after the lease, or later: nothing new.
    assert desk.remind("nhac-1", t("2026-03-04 16:00"), timedelta(hours=2, minutes=30)) == []
    assert desk.remind("nhac-2", t("2026-03-04 16:30"), timedelta(hours=2, minutes=30)) == []
    assert desk.remind("nhac-2", t("2026-03-05 09:30")) == []  # a's and b's appointments: already reminded

    # A move gives e a new step due time: only that is new.
    # chuyển, entered at 16:30 (after 15:00): its 1h counts from Thu 07:30 (Decree 61/2018 Art. 18(2)).
    desk.act(e, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-04 16:30"), data=ACCEPT)  # chuyển: Thu 08:30
    written = desk.remind("nhac-2", t("2026-03-05 09:30"))
    assert [(ev.dossier, ev.data["what"], ev.data["due_at"]) for ev in written] == [
        (e, "step", "2026-03-05T08:30:00")]
    assert desk.remind("nhac-1", t("2026-03-06 09:30")) == []

    for code in (a, b, c, d, e):
        keys = [(w, due) for w, due, _ in reminded(desk, code)]
        assert len(keys) == len(set(keys))
        assert [ev.seq for ev in desk.history(code)] == list(range(1, desk.show(code).version + 1))
    assert desk.verify() == []

    # Reminders do not get in the way of acting.
    move = desk.act(a, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-05 10:00"), data=ACCEPT)
    assert move.events[0].seq == versions[a] + 3
    assert desk.verify() == []


def test_closed_and_waiting_dossiers_get_no_reminders(desk: Desk) -> None:
    waiting = receive(desk).code
    to_appraisal(desk, waiting)
    desk.act(waiting, "yeu_cau_bo_sung", actor="tran.binh", role=EXPERT, at=t("2026-03-03 10:00"),
             data={"noi_dung_bo_sung": "Thiếu điều lệ"})
    closed = receive(desk).code
    to_appraisal(desk, closed)
    desk.withdraw(closed, actor="le.an", role=CLERK, reason="Công dân xin rút", at=t("2026-03-03 11:00"))
    assert desk.due(t("2026-04-01 08:00"), timedelta(hours=80)) == []
    assert desk.remind("nhac", t("2026-04-01 08:00"), timedelta(hours=80)) == []
    assert len(desk.history(waiting)) == 4
    assert len(desk.history(closed)) == 4


def test_a_reminder_pass_goes_through_every_due_dossier_batch_by_batch(desk: Desk) -> None:
    codes = [receive(desk).code for _ in range(25)]  # received Mon 2026-03-02 09:00, due Thu 09:00
    written = desk.remind("nhac-1", t("2026-03-06 08:00"), batch=10)
    assert {ev.dossier for ev in written} == set(codes)
    assert len(written) == 2 * len(codes)  # the first step and the appointment, once each
    assert desk.remind("nhac-1", t("2026-03-06 09:00"), batch=10) == []
    assert desk.verify() == []


def test_the_desk_remembers_a_bounded_number_of_copies(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Desk, "WRITTEN_MAX", 4)
    fresh = Desk(desk.engine, desk.store)
    dossiers = [receive(fresh) for _ in range(9)]
    assert len(fresh._written) <= 4
    assert fresh._written[dossiers[-1].code] is dossiers[-1]
    oldest = dossiers[0]  # forgotten: the copy is read again, and the action still works
    moved = fresh.act(oldest.code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 10:00"), data=ACCEPT,
                      dossier=oldest).dossier
    assert moved.version == 2
    assert fresh.verify() == []
