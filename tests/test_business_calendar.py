"""Working-time arithmetic on the real 2025-2026 civil-servant calendar, built by hand (no data files)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal, InvalidOperation

import pytest

from isoflow.running.calendar import Season, WorkCalendar

# Days off on weekdays (and the weekend holidays, which change nothing) as announced for civil servants.
OFF_2025 = ["2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-07",
            "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02"]
OFF_2026 = ["2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
            "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02"]
MAKE_UP = ["2025-04-26", "2026-01-10", "2026-08-22"]


def d(text: str) -> date:
    return date.fromisoformat(text)


def t(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _calendar() -> WorkCalendar:
    """07:30-11:30 and 13:00-17:00, 2025-2026."""
    return WorkCalendar(d("2025-01-01"), d("2026-12-31"), holidays=map(d, OFF_2025 + OFF_2026),
                        extra_working_days=map(d, MAKE_UP), name="test")


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return _calendar()


@pytest.mark.parametrize(("day", "working"), [
    ("2026-01-02", False), ("2026-01-10", True), ("2026-08-22", True), ("2026-08-31", False),
    ("2025-05-02", False), ("2025-04-26", True), ("2026-01-03", False), ("2026-01-05", True),
    ("2026-02-16", False), ("2026-02-23", True),
])
def test_working_days_follow_the_announced_schedule(cal: WorkCalendar, day: str, working: bool) -> None:
    assert cal.is_working_day(d(day)) is working


@pytest.mark.parametrize(("start", "n", "expected"), [
    ("2026-02-12", 5, "2026-02-26"),   # Thursday before Tết Bính Ngọ: the 9 days off are skipped
    ("2025-12-31", 2, "2026-01-06"),   # 01/01 holiday, 02/01 swapped off
    ("2026-08-21", 1, "2026-08-22"),   # Friday + 1 = the make-up Saturday
    ("2026-01-09", 1, "2026-01-10"),
    ("2026-01-10", 1, "2026-01-12"),
    ("2026-01-03", 1, "2026-01-05"),   # from a day off, the first working day after it
    ("2026-01-03", 0, "2026-01-03"),
    ("2026-02-26", -5, "2026-02-12"),
    ("2026-01-03", -1, "2025-12-31"),  # strictly before a day off
    ("2026-01-05", -1, "2025-12-31"),
])
def test_add_working_days(cal: WorkCalendar, start: str, n: int, expected: str) -> None:
    assert cal.add_working_days(d(start), n) == d(expected)
    assert cal.working_days_between(d(start), d(expected)) == n


def test_add_working_days_and_count_are_inverse(cal: WorkCalendar) -> None:
    rng = random.Random(20260102)  # noqa: S311 - reproducible test data, not secrets
    for _ in range(2000):
        start = d("2025-03-01") + timedelta(days=rng.randrange(600))
        n = rng.randrange(-40, 41)
        assert cal.working_days_between(start, cal.add_working_days(start, n)) == n


@pytest.mark.parametrize(("received", "expected"), [
    ("2026-01-09 15:01", "2026-01-10 07:30"),   # Friday after the cut-off: the make-up Saturday works
    ("2026-01-16 15:01", "2026-01-19 07:30"),   # ordinary Friday: Monday morning
    ("2026-08-21 15:30", "2026-08-22 07:30"),
    ("2026-01-16 15:00", "2026-01-16 15:00"),   # 15:00 itself is in time
    ("2026-01-16 12:10", "2026-01-16 13:00"),   # at lunch: the afternoon session
    ("2026-01-16 06:45", "2026-01-16 07:30"),
    ("2026-01-17 09:00", "2026-01-19 07:30"),   # Saturday
    ("2025-12-31 16:00", "2026-01-05 07:30"),   # New Year: 01 and 02/01 off
])
def test_receipt_after_the_cutoff_counts_from_the_next_working_day(
        cal: WorkCalendar, received: str, expected: str) -> None:
    assert cal.receipt_start(t(received), time(15)) == t(expected)


@pytest.mark.parametrize(("start", "hours", "expected"), [
    ("2026-01-12 10:00", 1.5, "2026-01-12 11:30"),   # ends at the session end, not at 13:00
    ("2026-01-12 10:00", 2, "2026-01-12 13:30"),     # across lunch
    ("2026-01-12 10:00", 5.5, "2026-01-12 17:00"),
    ("2026-01-16 16:00", 2, "2026-01-19 08:30"),     # across a weekend
    ("2026-01-09 16:00", 2, "2026-01-10 08:30"),     # ... unless Saturday is a make-up day
    ("2026-01-17 10:00", 1, "2026-01-19 08:30"),     # from a Saturday
    ("2026-01-12 14:00", -1.5, "2026-01-12 11:00"),  # backwards across lunch
    ("2026-01-12 14:00", -1, "2026-01-12 13:00"),    # backwards ends at a session start
    ("2026-01-19 08:00", -1, "2026-01-16 16:30"),
    ("2026-01-17 10:00", 0, "2026-01-17 10:00"),     # zero: the input unchanged
])
def test_add_working_time(cal: WorkCalendar, start: str, hours: float, expected: str) -> None:
    delta = timedelta(hours=hours)
    assert cal.add_working_time(t(start), delta) == t(expected)
    assert cal.working_time_between(t(start), t(expected)) == delta


def test_working_time_between_is_negative_backwards(cal: WorkCalendar) -> None:
    assert cal.working_time_between(t("2026-01-19 08:30"), t("2026-01-16 16:00")) == timedelta(hours=-2)
    assert cal.working_time_between(t("2026-01-17 08:00"), t("2026-01-18 20:00")) == timedelta(0)


def test_next_working_instant(cal: WorkCalendar) -> None:
    assert cal.next_working_instant(t("2026-01-12 09:15:30")) == t("2026-01-12 09:15:30")
    assert cal.next_working_instant(t("2026-01-12 11:30")) == t("2026-01-12 13:00")  # sessions are [start, end)
    assert cal.next_working_instant(t("2026-01-12 17:00")) == t("2026-01-13 07:30")
    assert cal.next_working_instant(t("2026-02-13 18:00")) == t("2026-02-23 07:30")
    assert cal.start_of_next_working_day(t("2026-08-21 08:00")) == t("2026-08-22 07:30")
    assert cal.start_of_next_working_day(d("2026-08-28")) == t("2026-09-03 07:30")


def test_add_working_days_at(cal: WorkCalendar) -> None:
    monday = t("2026-01-12 07:30")
    assert cal.add_working_days_at(monday, 1) == t("2026-01-12 17:00")
    assert cal.add_working_days_at(monday, Decimal("0.5")) == t("2026-01-12 11:30")
    assert cal.add_working_days_at(monday, 1.5) == t("2026-01-13 11:30")
    assert cal.add_working_days_at(t("2026-01-12 10:00"), 3) == t("2026-01-15 10:00")
    assert cal.add_working_days_at(t("2026-01-15 10:00"), -3) == t("2026-01-12 10:00")
    assert cal.add_working_days_at(monday, 0.5, hours_per_day=7) == t("2026-01-12 11:00")
    assert cal.add_working_days_at(monday, 0) == monday


def test_working_day_length(cal: WorkCalendar) -> None:
    assert cal.working_day_length(d("2026-01-12")) == timedelta(hours=8)
    assert cal.working_day_length(d("2026-01-10")) == timedelta(hours=8)
    assert cal.working_day_length(d("2026-01-11")) == timedelta(0)


def test_seasonal_sessions() -> None:
    summer = ((time(7), time(11, 30)), (time(13, 30), time(17)))
    cal = WorkCalendar(d("2026-01-01"), d("2026-12-31"), sessions=((time(7, 30), time(12)), (time(13, 30), time(17))),
                       seasons=[Season(d("2026-04-16"), d("2026-10-15"), summer)])
    assert cal.next_working_instant(t("2026-04-15 06:00")) == t("2026-04-15 07:30")
    assert cal.next_working_instant(t("2026-04-16 06:00")) == t("2026-04-16 07:00")
    assert cal.add_working_time(t("2026-04-15 16:00"), timedelta(hours=2)) == t("2026-04-16 08:00")
    assert cal.next_working_instant(t("2026-10-15 11:45")) == t("2026-10-15 13:30")
    assert cal.next_working_instant(t("2026-10-16 11:45")) == t("2026-10-16 11:45")
    assert cal.add_working_days_at(t("2026-04-15 07:30"), 1) == t("2026-04-15 17:00")
    assert cal.add_working_days_at(t("2026-04-15 08:30"), 1) == t("2026-04-16 08:00")  # same position in the day
    rng = random.Random(4)  # noqa: S311 - reproducible test data, not secrets
    for _ in range(1000):
        start = t("2026-02-01 00:00") + timedelta(minutes=rng.randrange(300 * 24 * 60))
        delta = timedelta(minutes=rng.randrange(-20 * 8 * 60, 20 * 8 * 60))
        assert cal.working_time_between(start, cal.add_working_time(start, delta)) == delta


def test_random_instants_add_then_count_returns_the_delta(cal: WorkCalendar) -> None:
    rng = random.Random(15)  # noqa: S311 - reproducible test data, not secrets
    origin = t("2025-03-01 00:00")
    for _ in range(3000):
        start = origin + timedelta(minutes=rng.randrange(500 * 24 * 60), seconds=rng.randrange(60))
        delta = timedelta(minutes=rng.randrange(-30 * 8 * 60, 30 * 8 * 60))
        end = cal.add_working_time(start, delta)
        assert cal.working_time_between(start, end) == delta
        if delta:
            assert end == cal.next_working_instant(end) or end.time() in (time(11, 30), time(17))


def test_out_of_range_names_the_range(cal: WorkCalendar) -> None:
    in_range = r"2027-01-04 is outside the working calendar's range 2025-01-01\.\.2026-12-31"
    with pytest.raises(ValueError, match=in_range):
        cal.is_working_day(d("2027-01-04"))
    with pytest.raises(ValueError, match="outside the working calendar's range"):
        cal.add_working_days(d("2026-12-30"), 5)
    with pytest.raises(ValueError, match="outside the working calendar's range"):
        cal.add_working_days(d("2025-01-02"), -5)
    with pytest.raises(ValueError, match="outside the working calendar's range"):
        cal.add_working_time(t("2026-12-31 16:00"), timedelta(hours=2))
    with pytest.raises(ValueError, match="no working session after"):
        cal.next_working_instant(t("2026-12-31 17:00"))


def test_timezone_aware_input_is_refused(cal: WorkCalendar) -> None:
    aware = datetime(2026, 1, 12, 9, tzinfo=timezone(timedelta(hours=7)))
    with pytest.raises(ValueError, match="timezone-aware"):
        cal.add_working_time(aware, timedelta(hours=1))
    with pytest.raises(ValueError, match="timezone-aware"):
        cal.receipt_start(aware, time(15))
    # The instant remembered from the call before is not taken for the aware one of the same wall time.
    cal.working_time_between(datetime(2026, 1, 12, 8), datetime(2026, 1, 12, 9))
    with pytest.raises(ValueError, match="timezone-aware"):
        cal.working_time_between(datetime(2026, 1, 12, 8), aware)


def test_remembered_answers_are_the_answers(cal: WorkCalendar) -> None:
    # The last working index and the last amount are remembered: asking again, or with an equal
    # amount of another type, answers as a fresh calendar does.
    at = datetime(2026, 1, 12, 10, 30)
    for amount in (3, Decimal(3), 3.0, Decimal("1.5"), 1.5, 3):
        assert cal.add_working_days_at(at, amount) == _calendar().add_working_days_at(at, amount)
        assert cal.add_working_time(at, timedelta(hours=2)) == _calendar().add_working_time(at, timedelta(hours=2))
    with pytest.raises(InvalidOperation):
        cal.add_working_days_at(at, True)  # equal to 1, not a number of days


def test_bad_construction() -> None:
    with pytest.raises(ValueError, match="both off and working"):
        WorkCalendar(d("2026-01-01"), d("2026-12-31"), holidays=[d("2026-01-10")], extra_working_days=[d("2026-01-10")])
    with pytest.raises(ValueError, match="must not overlap"):
        WorkCalendar(d("2026-01-01"), d("2026-12-31"), sessions=((time(8), time(12)), (time(11), time(17))))


# -- the fast paths equal the old arithmetic, date by date ---------------------------------------

#: Times of day around every boundary that matters: sessions, lunch, the 15:00 cut-off, midnight.
BOUNDARIES = [time(0, 0), time(7, 29, 59, 999_999), time(7, 30), time(9, 0), time(11, 29, 59), time(11, 30),
              time(12, 15), time(13, 0), time(14, 59, 59, 999_999), time(15, 0), time(15, 0, 0, 1), time(15, 1),
              time(16, 0), time(16, 59, 59, 999_999), time(17, 0), time(23, 59, 59, 999_999)]


def _outcome(call: object, *args: object) -> object:
    """What a calendar call returns, or the type and words of what it raises."""
    try:
        return call(*args)  # type: ignore[operator]
    except Exception as error:  # noqa: BLE001 - both calendars must fail alike
        return (type(error).__name__, str(error))


def _both(province: str | None) -> tuple[WorkCalendar, WorkCalendar]:
    """The shipped calendar, built twice from the same data: fast, and the reference arithmetic."""
    from unittest import mock

    from isoflow.data.work_calendar import load_calendar
    from tests import reference_calendar

    fast = load_calendar(province=province)
    with mock.patch("isoflow.data.work_calendar.WorkCalendar", reference_calendar.WorkCalendar):
        reference = load_calendar(province=province)
    assert type(reference) is reference_calendar.WorkCalendar
    return fast, reference  # type: ignore[return-value]


@pytest.mark.parametrize("province", [None, "example-province"])
def test_the_fast_paths_equal_the_reference_arithmetic_on_every_date(province: str | None) -> None:
    # 2025-2027: Tết 2025, 2026 and 2027, the make-up Saturdays, the swapped days, and (in the
    # province) seasonal hours; at every boundary of every day, with both cut-offs a
    # procedure may set; the edges of the calendar's range fail alike.
    fast, ref = _both(province)
    days = [date(2025, 1, 1) + timedelta(days=k) for k in range((date(2028, 1, 1) - date(2025, 1, 1)).days)]
    edges = [datetime.combine(fast.first, time(8)), datetime.combine(fast.last, time(16)),
             datetime.combine(fast.last, time(23)), datetime.combine(fast.first - timedelta(days=1), time(9))]
    instants = [datetime.combine(day, moment) for day in days for moment in BOUNDARIES] + edges
    limits = [(Decimal(3), Decimal(8)), (Decimal("1.5"), Decimal(8)), (Decimal("0.5"), Decimal("7.5")),
              (Decimal(-1), Decimal(8)), (Decimal(0), Decimal(8)), (20, 8), (Decimal(5000), Decimal(8))]
    for at in instants:
        for cutoff in (time(15), time(16, 30)):
            start = _outcome(fast.receipt_start, at, cutoff)
            assert start == _outcome(ref.receipt_start, at, cutoff), (at, cutoff)
            if isinstance(start, datetime):
                for n, hours in limits[:3]:
                    assert _outcome(fast.add_working_days_at, start, n, hours) == _outcome(
                        ref.add_working_days_at, start, n, hours), (start, n)
        for n, hours in limits:
            assert _outcome(fast.add_working_days_at, at, n, hours) == _outcome(ref.add_working_days_at, at, n,
                                                                                 hours), (at, n)
        for call in ("next_working_instant", "end_of_working_day", "start_of_next_working_day"):
            assert _outcome(getattr(fast, call), at) == _outcome(getattr(ref, call), at), (call, at)
        for delta in (timedelta(hours=24), timedelta(hours=-3), timedelta(minutes=1), timedelta(0)):
            assert _outcome(fast.add_working_time, at, delta) == _outcome(ref.add_working_time, at, delta), (at, delta)


def test_the_fast_paths_equal_the_reference_at_random_instants() -> None:
    fast, ref = _both(None)
    rng = random.Random(18)  # noqa: S311 - test data
    span = int((datetime(2028, 1, 1) - datetime(2025, 1, 1)).total_seconds() * 1_000_000)
    for _ in range(20_000):
        a = datetime(2025, 1, 1) + timedelta(microseconds=rng.randrange(span))
        b = datetime(2025, 1, 1) + timedelta(microseconds=rng.randrange(span))
        assert fast.working_time_between(a, b) == ref.working_time_between(a, b)
        assert fast.receipt_start(a) == ref.receipt_start(a)
        delta = timedelta(microseconds=rng.randrange(-10**11, 10**11))
        assert fast.add_working_time(a, delta) == ref.add_working_time(a, delta)
        n = Decimal(rng.randrange(-40, 40)) / 4
        assert fast.add_working_days_at(a, n) == ref.add_working_days_at(a, n)
