"""The shipped calendars (holidays.VN + overrides) and the overrides file format."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path

import pytest

from isoflow.data.work_calendar import load_calendar
from isoflow.errors import CalendarError
from isoflow.running.calendar import WorkCalendar


@pytest.fixture(scope="module")
def vn() -> WorkCalendar:
    return load_calendar()


def test_the_national_calendar_corrects_the_package(vn: WorkCalendar) -> None:
    assert (vn.first, vn.last) == (date(2015, 1, 1), date(2040, 12, 31))
    assert not vn.is_working_day(date(2026, 1, 2))      # 12729/VPCP-KGVX, missing in holidays 0.109
    assert vn.is_working_day(date(2026, 1, 10))          # its make-up Saturday
    assert not vn.is_working_day(date(2026, 8, 31))
    assert vn.is_working_day(date(2026, 8, 22))
    assert not vn.is_working_day(date(2025, 5, 2))
    assert vn.is_working_day(date(2025, 4, 26))
    assert not vn.is_working_day(date(2026, 11, 24))     # Ngày Văn hóa Việt Nam, as the package has it
    assert vn.add_working_days(date(2026, 2, 12), 5) == date(2026, 2, 26)
    assert vn.add_working_days(date(2025, 12, 31), 2) == date(2026, 1, 6)
    assert vn.add_working_days(date(2026, 8, 21), 1) == date(2026, 8, 22)
    assert vn.receipt_start(datetime(2026, 8, 21, 15, 1), time(15)) == datetime(2026, 8, 22, 7, 30)
    assert vn.working_day_length(date(2026, 3, 2)) == timedelta(hours=8)


def test_shipped_files_are_package_data() -> None:
    folder = resources.files("isoflow.data") / "calendars"
    assert (folder / "vn.toml").is_file()
    assert (folder / "example-province.toml").is_file()


def test_example_province_has_seasons() -> None:
    cal = load_calendar(province="example-province")
    assert cal.next_working_instant(datetime(2026, 6, 1, 6)) == datetime(2026, 6, 1, 7)
    assert cal.next_working_instant(datetime(2026, 12, 1, 6)) == datetime(2026, 12, 1, 7, 30)
    assert cal.next_working_instant(datetime(2026, 1, 5, 12)) == datetime(2026, 1, 5, 13, 30)
    assert not cal.is_working_day(date(2026, 1, 2))      # inherited from vn


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tinh.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_province_file_extends_and_cancels(tmp_path: Path) -> None:
    path = write(tmp_path, """
extends = "vn"
first_year = 2025
last_year = 2027
[[sessions]]
hours = ["07:00-11:00", "13:30-17:30"]
[[days]]
date = 2026-11-24
kind = "work"
decision = "Quyết định số 1/QĐ-UBND (thử)"
[[days]]
date = 2026-03-02
kind = "off"
name = "Ngày giải phóng tỉnh"
decision = "Quyết định số 2/QĐ-UBND (thử)"
""")
    cal = load_calendar(path)
    assert cal.is_working_day(date(2026, 11, 24))
    assert not cal.is_working_day(date(2026, 3, 2))
    assert not cal.is_working_day(date(2026, 1, 2))
    assert cal.next_working_instant(datetime(2026, 3, 3, 6)) == datetime(2026, 3, 3, 7)
    with pytest.raises(ValueError, match=r"2025-01-01\.\.2027-12-31"):
        cal.is_working_day(date(2028, 1, 3))


@pytest.mark.parametrize(("text", "message"), [
    ('[[days]]\ndate = 2026-03-02\nkind = "off"\nname = "x"\n', r"days\[0\] \(2026-03-02\): every override must cite"),
    ('[[days]]\ndate = 2026-03-02\nkind = "off"\ndecison = "x"\n', r"days\[0\]: unknown key 'decison'"),
    ('colour = "red"\n', "unknown key 'colour'"),
    ('name = "x"\n[[days]]\ndate = 2026-02-30\n', "malformed TOML: .*line 3"),
    ('[[days]]\ndate = "02/01/2026"\nkind = "off"\ndecision = "x"\n', "date must be a TOML date"),
    ('[[days]]\ndate = 2026-01-02T08:00:00\nkind = "off"\ndecision = "x"\n', "date must be a TOML date"),
    ('[[days]]\ndate = 2026-01-02\nkind = "holiday"\ndecision = "x"\n', 'kind must be "off" or "work"'),
    ('[[days]]\ndate = 2026-01-02\nkind = "off"\ndecision = "x"\n[[days]]\ndate = 2026-01-02\nkind = "work"\n'
     'decision = "y"\n', "listed twice"),
    ('[[sessions]]\nhours = ["7h30-11h30"]\n', r"sessions\[0\]: bad hours '7h30-11h30'"),
    ('[[sessions]]\nhours = ["11:30-07:30"]\n', "must be ordered"),
    ('[[sessions]]\nfrom = "04-16"\nhours = ["07:30-11:30"]\n', "needs both from and to"),
    ('[[sessions]]\nfrom = "02-29"\nto = "10-15"\nhours = ["07:30-11:30"]\n', "must be MM-DD"),
    ('extends = "nowhere"\n', "nowhere.toml: no such calendar file"),
    ('extends = "../etc"\n', "not a calendar name"),
    ('first_year = 2030\nlast_year = 2020\n', "first_year 2030 is after last_year 2020"),
])
def test_file_errors_name_the_file_and_entry(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CalendarError, match=message) as caught:
        load_calendar(path)
    assert str(path) in str(caught.value) or "calendar" in str(caught.value)


def test_extends_cycle_and_missing_file(tmp_path: Path) -> None:
    write(tmp_path, 'extends = "tinh.toml"\n')
    with pytest.raises(CalendarError, match="extends itself"):
        load_calendar(tmp_path / "tinh.toml")
    with pytest.raises(CalendarError, match="no such calendar file"):
        load_calendar(tmp_path / "missing.toml")
    with pytest.raises(CalendarError, match="not both"):
        load_calendar(tmp_path / "tinh.toml", province="vn")


def test_a_calendar_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    latin1 = tmp_path / "tinh.toml"
    latin1.write_bytes('name = "Lịch tỉnh"\n'.encode().replace("ị".encode(), b"\xe9"))
    with pytest.raises(CalendarError, match=r"tinh\.toml: cannot be read as UTF-8 text"):
        load_calendar(latin1)
    child = tmp_path / "xa.toml"
    child.write_text('extends = "tinh.toml"\n', encoding="utf-8")
    with pytest.raises(CalendarError, match=r"tinh\.toml: cannot be read as UTF-8 text"):
        load_calendar(child)
