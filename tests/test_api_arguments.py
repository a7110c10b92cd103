"""Nothing dropped without a word (issue 14 §5): what the Python API takes is checked, each
refusal saying what is allowed, and what it gives back is typed.

Times are worked out by hand on the shipped calendar (07:30-11:30, 13:00-17:00, Mon-Fri).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from isoflow import ActionNotAllowed, Desk, InvalidArgument, Rating, StoreError, open_desk
from isoflow.model.dossier import CHANNELS, local_time
from tests.conftest import PROCESSES

CLERK, EXPERT, LEADER = "cong-chuc-mot-cua", "chuyen-vien", "lanh-dao"
DKKD, KHAI_TU, XD = "QT-DKKD-01", "QT-HT-03", "QT-XD-01"
UNIT = "000.00.31.H40"
ACCEPT = {"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"}


def t(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    with open_desk([PROCESSES], f"sqlite:///{tmp_path / 'api.db'}") as opened:
        yield opened


def receive(desk: Desk, code: str = DKKD, at: object = None, channel: str = "in_person",
            **data: object) -> str:
    return desk.receive(code, unit=UNIT, channel=channel, applicant={"ho_ten": "Nguyễn Thị Mai"}, data=data,
                        actor="le.an", role=CLERK, at=at or t("2026-03-02 09:00")).code  # type: ignore[arg-type]


# -- enumerated values: each refusal lists what is allowed ------------------------------------

def test_a_channel_the_indicators_do_not_count_is_refused_and_nothing_is_stored(desk: Desk) -> None:
    with pytest.raises(ActionNotAllowed) as caught:
        receive(desk, channel="bogus")
    assert (caught.value.reason, str(caught.value)) == (
        "invalid-data", "cannot receive the dossier: channel 'bogus' is not one of in_person, online, post")
    # Nothing half-written: the day's first number is still free, and there is no such dossier.
    assert receive(desk) == f"{UNIT}-260302-0001"
    assert CHANNELS == ("in_person", "online", "post")


def test_a_role_that_may_not_receive_is_refused_with_the_roles_that_may(desk: Desk) -> None:
    with pytest.raises(ActionNotAllowed) as caught:
        desk.receive(DKKD, unit=UNIT, channel="online", applicant={}, data={}, actor="le.an", role="thu-ky",
                     at=t("2026-03-02 09:00"))
    assert str(caught.value) == ("cannot receive the dossier: role 'thu-ky' may not receive dossiers "
                                 "(allowed: cong-chuc-mot-cua)")


def test_options_for_a_role_the_procedure_does_not_know_is_an_error_listing_its_roles(desk: Desk) -> None:
    code = receive(desk)
    with pytest.raises(InvalidArgument) as caught:
        desk.options(code, role="cong-chuc-mot-cuaa")
    assert str(caught.value) == ("procedure 'QT-DKKD-01' has no role 'cong-chuc-mot-cuaa' "
                                 "(roles: chuyen-vien, cong-chuc-mot-cua, lanh-dao)")
    assert [o.action for o in desk.options(code, role=EXPERT)] == []  # known, nothing to do here: empty
    assert [o.action for o in desk.options(code, role=CLERK)] == ["kiem_tra", "tu_choi"]


def test_withdraw_and_stop_name_the_roles_that_may(desk: Desk) -> None:
    code = receive(desk)
    desk.act(code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 09:30"), data=ACCEPT)
    desk.act(code, "ban_giao", actor="le.an", role=CLERK, at=t("2026-03-02 10:00"))
    with pytest.raises(ActionNotAllowed) as caught:
        desk.stop(code, actor="binh", role=EXPERT, reason="Hết thẩm quyền", at=t("2026-03-02 11:00"))
    assert caught.value.reason == "no-such-exit"
    assert str(caught.value).endswith("no way to a 'stopped' outcome from this step (roles that may: lanh-dao)")
    with pytest.raises(ActionNotAllowed) as caught:
        desk.withdraw(code, actor="le.an", role=CLERK, reason=None, at=t("2026-03-02 11:00"))  # type: ignore[arg-type]
    assert (caught.value.reason, str(caught.value).endswith("a reason is required")) == ("missing-data", True)
    with pytest.raises(InvalidArgument, match=r"^'cancelled' is not an outcome \(outcomes: granted, refused, "
                                              r"withdrawn, stopped\)$"):
        desk.engine.exit_to(desk.show(code), "cancelled", CLERK)
    moved = desk.stop(code, actor="chi", role=LEADER, reason="Hết thẩm quyền", at=t("2026-03-02 11:00")).dossier
    assert (moved.outcome, moved.data["ly_do"]) == ("stopped", "Hết thẩm quyền")


def test_a_rating_outside_its_levels_or_topics_is_refused_listing_them(desk: Desk) -> None:
    code = receive(desk)
    with pytest.raises(StoreError, match=r"overall rating 5 is not one of 2 Rất hài lòng, 1 Hài lòng, "
                                         r"0 Không hài lòng$"):
        desk.rate(code, Rating(5), t("2026-03-03 09:00"))
    with pytest.raises(StoreError, match=r"no rating topic 'speed' \(topics: thoi_gian, so_co_quan, "):
        desk.rate(code, Rating(2, topics={"speed": 2}), t("2026-03-03 09:00"))
    with pytest.raises(InvalidArgument, match=r"^rating must be an isoflow\.Rating, not dict$"):
        desk.rate(code, {"overall": 2}, t("2026-03-03 09:00"))  # type: ignore[arg-type]
    assert desk.store.rating(code) is None  # nothing kept from the refused ones


def test_windows_and_worker_settings_are_checked(desk: Desk) -> None:
    with pytest.raises(InvalidArgument, match=r"^within must be a timedelta of zero or more, not "
                                              r"datetime.timedelta\(days=-1, seconds=82800\)$"):
        desk.due(t("2026-03-02 09:00"), within=timedelta(hours=-1))
    with pytest.raises(InvalidArgument, match=r"^batch must be a whole number of at least 1, not 0$"):
        desk.remind("w1", t("2026-03-02 09:00"), batch=0)
    with pytest.raises(InvalidArgument, match=r"^lease_seconds must be a whole number of at least 0, not -5$"):
        desk.remind("w1", t("2026-03-02 09:00"), lease_seconds=-5)
    with pytest.raises(InvalidArgument, match=r"^worker must name the worker"):
        desk.remind("  ", t("2026-03-02 09:00"))


# -- times: naive is Vietnam local time, aware is converted, None is an error --------------------

def test_an_aware_time_is_converted_to_vietnam_time(desk: Desk) -> None:
    # 01:10 UTC is 08:10 in Vietnam (UTC+7): due 3 working days later, Thu 05/03 08:10.
    d = desk.show(receive(desk, at=datetime(2026, 3, 2, 1, 10, tzinfo=UTC)))
    assert (d.received_at, d.received_at.tzinfo, d.clock.due_at) == (t("2026-03-02 08:10"), None,
                                                                     t("2026-03-05 08:10"))
    # 17:30 UTC on Sunday 01/03 is 00:30 on Monday 02/03 in Vietnam: the code carries Monday's date.
    late = receive(desk, at=datetime(2026, 3, 1, 17, 30, tzinfo=UTC))
    assert late == f"{UNIT}-260302-0002"
    # Acting with an aware time in another offset: 10:00+08:00 is 09:00 in Vietnam.
    move = desk.act(d.code, "kiem_tra", actor="le.an", role=CLERK, data=ACCEPT,
                    at=datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=8))))
    assert (move.events[0].at, move.events[0].at.tzinfo) == (t("2026-03-02 09:00"), None)


def test_an_aware_time_before_the_last_event_is_refused_like_a_naive_one(desk: Desk) -> None:
    code = receive(desk, at=t("2026-03-02 09:00"))
    with pytest.raises(ActionNotAllowed) as caught:
        desk.act(code, "kiem_tra", actor="le.an", role=CLERK, data=ACCEPT,
                 at=datetime(2026, 3, 2, 1, 59, tzinfo=UTC))  # 08:59 in Vietnam
    assert (caught.value.reason, "2026-03-02 08:59 is before the dossier's last event (2026-03-02 09:00)"
            in str(caught.value)) == ("time", True)


@pytest.mark.parametrize("call", ["receive", "act", "withdraw", "due", "remind", "rate"])
def test_a_missing_time_is_a_clear_error(desk: Desk, call: str) -> None:
    code = receive(desk)
    calls = {
        "receive": lambda: desk.receive(DKKD, unit=UNIT, channel="online", applicant={}, data={}, actor="a",
                                        role=CLERK, at=None),  # type: ignore[arg-type]
        "act": lambda: desk.act(code, "kiem_tra", actor="a", role=CLERK, at=None, data=ACCEPT),  # type: ignore[arg-type]
        "withdraw": lambda: desk.withdraw(code, actor="a", role=CLERK, reason="x", at=None),  # type: ignore[arg-type]
        "due": lambda: desk.due(None),  # type: ignore[arg-type]
        "remind": lambda: desk.remind("w1", None),  # type: ignore[arg-type]
        "rate": lambda: desk.rate(code, Rating(2), None),  # type: ignore[arg-type]
    }
    name = "as_of" if call in ("due", "remind") else "at"
    with pytest.raises(InvalidArgument) as caught:
        calls[call]()
    assert str(caught.value) == (f"{name} must be a datetime (naive = Vietnam local time, or timezone-aware), "
                                 "not None")
    assert desk.show(code).version == 1


def test_a_date_is_not_taken_for_a_time() -> None:
    with pytest.raises(InvalidArgument, match=r"^at must be a datetime .*not date datetime.date\(2026, 3, 2\)$"):
        local_time(date(2026, 3, 2))
    assert local_time(t("2026-03-02 09:00")) == t("2026-03-02 09:00")


# -- values come back typed; text is text; booleans are the listed words -----------------------

def test_values_come_back_as_their_field_types(desk: Desk) -> None:
    code = receive(desk, KHAI_TU, at=t("2026-03-04 08:00"))
    desk.act(code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-04 08:10"), data={
        **ACCEPT, "ho_ten_nguoi_chet": "Lê Văn Thành", "ngay_chet": "2026-03-01"})
    values = desk.values(code)
    assert values["ngay_chet"] == date(2026, 3, 1)
    assert type(values["ngay_chet"]) is date
    assert (values["ho_so_day_du"], values["ho_ten_nguoi_chet"]) == (True, "Lê Văn Thành")
    assert desk.show(code).data["ngay_chet"] == "2026-03-01"  # stored as JSON text, for guards and SQL
    xd = receive(desk, XD, at=t("2026-02-13 10:00"))
    desk.act(xd, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-02-13 10:30"),
             data={**ACCEPT, "so_tang": 3, "tong_dien_tich_san": "250.50"})
    typed = desk.values(xd)
    assert (typed["so_tang"], typed["tong_dien_tich_san"]) == (3, Decimal("250.5"))
    assert type(typed["tong_dien_tich_san"]) is Decimal


def test_a_datetime_field_comes_back_as_a_local_datetime(desk: Desk) -> None:
    code = receive(desk)
    desk.act(code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 09:30"), data=ACCEPT)
    desk.act(code, "ban_giao", actor="le.an", role=CLERK, at=t("2026-03-02 10:00"))
    desk.act(code, "xin_loi", actor="chi", role=LEADER, at=t("2026-03-03 09:00"),
             data={"ly_do": "Cần xác minh", "ngay_hen_moi": "2026-03-10T09:00"})
    assert desk.values(code)["ngay_hen_moi"] == datetime(2026, 3, 10, 9, 0)


def test_a_number_for_a_text_field_is_refused(desk: Desk) -> None:
    code = receive(desk)
    with pytest.raises(ActionNotAllowed) as caught:
        desk.act(code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 09:30"),
                 data={"ho_so_day_du": False, "noi_dung_bo_sung": 5})
    assert (caught.value.reason, str(caught.value).split(": ", 2)[2]) == (
        "invalid-data", "field 'noi_dung_bo_sung': 5 is not text; a text field takes a str (give '5' if that text "
                        "is meant)")
    with pytest.raises(ActionNotAllowed, match="field 'hinh_thuc_nhan': 1 is not text; a choice field"):
        desk.act(code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 09:30"),
                 data={"ho_so_day_du": True, "hinh_thuc_nhan": 1})
    assert desk.show(code).version == 1


@pytest.mark.parametrize(("given", "stored"), [
    (True, True), (False, False), ("true", True), ("FALSE", False), ("yes", True), ("no", False),
    ("1", True), ("0", False), (1, True), (0, False), ("có", True), ("Không", False), ("đúng", True), ("sai", False),
])
def test_booleans_take_the_listed_words(desk: Desk, given: object, stored: bool) -> None:
    code = receive(desk)
    move = desk.act(code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 09:30"),
                    data={"ho_so_day_du": given, "hinh_thuc_nhan": "truc_tiep", "noi_dung_bo_sung": "Điều lệ"})
    assert move.dossier.data["ho_so_day_du"] is stored


@pytest.mark.parametrize("given", ["maybe", "ok", "2", 2, 1.0, "", "y"])
def test_anything_else_for_a_boolean_is_refused(desk: Desk, given: object) -> None:
    code = receive(desk)
    with pytest.raises(ActionNotAllowed) as caught:
        desk.act(code, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-02 09:30"),
                 data={"ho_so_day_du": given, "hinh_thuc_nhan": "truc_tiep"})
    assert caught.value.reason == "invalid-data"
    assert "is not true or false" in str(caught.value)


def test_the_desk_closes_its_store(tmp_path: Path) -> None:
    desk = open_desk([PROCESSES], f"sqlite:///{tmp_path / 'c.db'}")
    with desk:
        receive(desk)
    with pytest.raises(Exception, match="closed"):
        desk.show(f"{UNIT}-260302-0001")


def test_the_readme_desk_example_prints_what_its_comments_say(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- desk-example -->\n```python\n(.*?)\n```", readme, re.S)
    assert block
    code = block.group(1).replace('"processes/"', repr(str(PROCESSES)))
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 (the README's own example, not user text)
    printed = capsys.readouterr().out.splitlines()
    commented = [line.split("# ", 1)[1].split(" (a ")[0].strip() for line in code.splitlines() if "print(" in line]
    assert printed == commented
    assert (tmp_path / "service.db").is_file()
