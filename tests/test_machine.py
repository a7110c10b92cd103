"""transitions chooses the way: one trigger per action, its alternatives in order, roles first.

The engine refuses what needs a precise reason before the machine runs; the choice among an
action's alternatives is the machine's.  These tests read the shared machine's table and
show the choice on a procedure whose approval has three alternatives: the head approves if
the score is at least 5, the deputy only if it is at least 8, and otherwise (the default,
the head's) the dossier goes back.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

import pytest

from isoflow.data.loaders import load_legal_basis
from isoflow.data.work_calendar import load_calendar
from isoflow.errors import ActionNotAllowed
from isoflow.loading.loader import load_bytes
from isoflow.model.dossier import Dossier
from isoflow.running.compiler import CompiledProcess, compile_process
from isoflow.running.engine import Engine
from isoflow.running.machine import Holds, Permits, Records, transition_table

CLERK, HEAD, DEPUTY = "cong-chuc-mot-cua", "lanh-dao", "pho-lanh-dao"

XML = """<?xml version="1.0" encoding="UTF-8"?>
<process xmlns="urn:isoflow:process:1" code="QT-MAY-01" revision="1" effective="2025-01-01">
  <control>
    <drafted by="Nguyễn Thị Thu Hà" title="Chuyên viên" on="2024-12-01"/>
    <reviewed by="Trần Văn Nam" title="Trưởng phòng" on="2024-12-10"/>
    <approved by="Lê Minh Quang" title="Chủ tịch UBND" on="2024-12-20"/>
    <history><change revision="1" on="2024-12-20" where="Toàn bộ tài liệu">Ban hành lần đầu.</change></history>
  </control>
  <procedure level="province">
    <title>Duyệt hồ sơ (thử máy trạng thái)</title>
    <agency>Ủy ban nhân dân tỉnh</agency>
    <domain>Thử nghiệm</domain>
    <purpose>Thử cách máy trạng thái chọn nhánh.</purpose>
    <scope>Bộ phận Một cửa và lãnh đạo.</scope>
    <legal-basis><act>Nghị định 61/2018/NĐ-CP</act></legal-basis>
    <components><component id="don">Đơn</component></components>
    <time-limit working-days="3" basis="Nghị định 61/2018/NĐ-CP"/>
    <place receipt="Bộ phận Một cửa" return="Bộ phận Một cửa"/>
    <fee amount="0">Miễn phí.</fee>
    <online level="full"/>
  </procedure>
  <roles>
    <role id="cong-chuc-mot-cua">Công chức Một cửa</role>
    <role id="lanh-dao">Lãnh đạo</role>
    <role id="pho-lanh-dao">Phó lãnh đạo</role>
  </roles>
  <units><unit id="mc" kind="one-stop">Một cửa</unit><unit id="ld" kind="leadership">Lãnh đạo</unit></units>
  <fields><field id="diem" type="int"><label>Điểm</label></field></fields>
  <states>
    <state id="tiep_nhan" initial="true" unit="mc" role="cong-chuc-mot-cua" budget="1h"><label>Tiếp nhận</label></state>
    <state id="xet" unit="ld" role="lanh-dao" budget="4h"><label>Xét duyệt</label></state>
    <state id="tra_lai" unit="mc" role="cong-chuc-mot-cua" budget="1h"><label>Trả lại</label></state>
    <state id="dat" kind="final" outcome="granted"><label>Đạt</label></state>
    <state id="dat_nhanh" kind="final" outcome="granted"><label>Đạt (phó lãnh đạo)</label></state>
  </states>
  <actions>
    <action id="chuyen" from="tiep_nhan" to="xet" roles="cong-chuc-mot-cua"><label>Chuyển</label></action>
    <action id="duyet" from="xet" to="tra_lai" roles="lanh-dao" default="true"><label>Trả lại</label></action>
    <action id="duyet" from="xet" to="dat" roles="lanh-dao" when="diem >= 5"><label>Duyệt</label></action>
    <action id="duyet" from="xet" to="dat_nhanh" roles="pho-lanh-dao" when="diem >= 8"><label>Duyệt</label></action>
  </actions>
</process>
"""


@cache
def process() -> CompiledProcess:
    loaded = load_bytes(XML.encode("utf-8"), "may.xml")
    assert loaded.definition is not None, loaded.findings
    return compile_process(loaded.definition)


@cache
def engine() -> Engine:
    return Engine([process()], load_calendar(), load_legal_basis())


def at_review(diem: int) -> Dossier:
    d = engine().receive("H56-260302-0001", "QT-MAY-01", unit="H56", channel="in_person", applicant={},
                         data={"diem": diem}, actor="an", role=CLERK, at=datetime(2026, 3, 2, 9, 0)).dossier
    return engine().fire(d, "chuyen", actor="an", role=CLERK, at=datetime(2026, 3, 2, 9, 30)).dossier


def approve(d: Dossier, role: str) -> Dossier:
    return engine().fire(d, "duyet", actor="binh", role=role, at=datetime(2026, 3, 2, 10, 0)).dossier


def test_one_trigger_per_action_with_the_alternatives_in_order_and_the_default_last() -> None:
    machine = engine().machine(process())
    assert sorted(machine.events) == ["chuyen", "duyet"]  # no to_<state> shortcuts
    assert machine.models == []  # model=None: nothing is injected into dossiers
    rows = machine.events["duyet"].transitions["xet"]
    assert [t.dest for t in rows] == ["dat", "dat_nhanh", "tra_lai"]
    assert [[repr(c.func) for c in t.conditions] for t in rows] == [
        ["Permits(lanh-dao)", "Holds('diem >= 5')"],
        ["Permits(pho-lanh-dao)", "Holds('diem >= 8')"],
        ["Permits(lanh-dao)"],  # the default: the role only, tried last
    ]
    assert all(c.target for t in rows for c in t.conditions)
    assert [repr(b) for t in rows for b in t.before] == [
        "Records(duyet -> dat)", "Records(duyet -> dat_nhanh)", "Records(duyet -> tra_lai)"]


def test_the_table_is_plain_callables_in_the_compiled_order() -> None:
    table = transition_table(process())
    assert [(t.trigger, t.source, t.dest) for t in table] == [
        ("chuyen", "tiep_nhan", "xet"), ("duyet", "xet", "dat"), ("duyet", "xet", "dat_nhanh"),
        ("duyet", "xet", "tra_lai")]
    assert all(isinstance(t.conditions[0], Permits) and isinstance(t.before[0], Records) for t in table)
    assert [type(c) for c in table[1].conditions] == [Permits, Holds]


def test_one_machine_per_procedure_revision_is_shared() -> None:
    assert engine().machine(process()) is engine().machine(process())


@pytest.mark.parametrize(("diem", "role", "state"), [
    (9, HEAD, "dat"), (5, HEAD, "dat"), (4, HEAD, "tra_lai"), (9, DEPUTY, "dat_nhanh")])
def test_the_machine_takes_the_first_alternative_whose_role_and_guard_hold(diem: int, role: str, state: str) -> None:
    assert approve(at_review(diem), role).state == state


def test_a_role_permitted_on_one_alternative_is_never_routed_down_another() -> None:
    # The deputy's guard fails: the head's alternatives (one holds, one is the default) are not
    # the deputy's to take, so the refusal quotes the deputy's guard only.
    with pytest.raises(ActionNotAllowed) as caught:
        approve(at_review(6), DEPUTY)
    assert caught.value.reason == "guard"
    assert str(caught.value).endswith("its condition does not hold: 'diem >= 8' (to dat_nhanh)")


def test_the_event_records_what_the_machine_chose() -> None:
    d = at_review(4)
    move = engine().fire(d, "duyet", actor="binh", role=HEAD, at=datetime(2026, 3, 2, 10, 0))
    assert (move.events[0].action, move.events[0].source, move.events[0].target) == ("duyet", "xet", "tra_lai")
