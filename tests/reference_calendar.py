"""The working calendar as it was before its per-day tables (HEAD afb56a2): the reference that
tests/test_business_calendar.py checks the fast paths against, date by date.  Not used by isoflow."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from isoflow.errors import OutOfCalendar

Session = tuple[time, time]
"""One working session, ``(start, end)`` in local time, for example 07:30-11:30."""

DEFAULT_SESSIONS: tuple[Session, ...] = ((time(7, 30), time(11, 30)), (time(13, 0), time(17, 0)))
"""8 hours in two sessions: Decision 188/1999/QĐ-TTg sets 40 hours over 5 days; each province
sets the actual hours, so this is only a default to configure."""

_US_PER_DAY = 86_400_000_000
_ONE_US = timedelta(microseconds=1)
_SATURDAY = 5


@dataclass(frozen=True)
class Season:
    """Sessions that replace the default ones from ``first`` to ``last`` (inclusive; None = open).

    Provinces set summer and winter hours; a later season in the list wins where they overlap.
    """

    first: date
    last: date | None
    sessions: Sequence[Session]


def _us(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond


def _session_spans(sessions: Sequence[Session]) -> tuple[tuple[int, int], ...]:
    """Sessions as (start, end) microseconds of the day, checked: non-empty, ordered, disjoint."""
    spans = tuple((_us(s), _us(e)) for s, e in sessions)
    if not spans:
        raise ValueError("a working day needs at least one session")
    for (s, e), (next_start, _) in zip(spans, (*spans[1:], (_US_PER_DAY, 0)), strict=True):
        if not s < e <= next_start:
            raise ValueError(f"sessions must be ordered, non-empty and must not overlap: {list(sessions)}")
    return spans


def _naive(t: datetime) -> datetime:
    if t.tzinfo is not None and t.utcoffset() is not None:
        raise ValueError(f"{t.isoformat()} is timezone-aware; pass naive local time (Asia/Ho_Chi_Minh)")
    return t


class WorkCalendar:
    """Working days and working hours over a fixed range of dates, precomputed.

    ``holidays`` are extra days off, ``extra_working_days`` are days worked although they fall
    on a weekend (make-up Saturdays); Saturday and Sunday are otherwise off.  A date may not be
    in both sets: the caller decides which decision wins.  ``sessions`` apply all year unless a
    ``Season`` covers the date.
    """

    def __init__(self, first: date, last: date, *, holidays: Iterable[date] = (),
                 extra_working_days: Iterable[date] = (), sessions: Sequence[Session] = DEFAULT_SESSIONS,
                 seasons: Sequence[Season] = (), name: str = "") -> None:
        if first > last:
            raise ValueError(f"empty calendar range {first}..{last}")
        self.first, self.last, self.name = first, last, name
        off = {d.toordinal() for d in holidays}
        extra = {d.toordinal() for d in extra_working_days}
        if clash := off & extra:
            raise ValueError(f"dates both off and working: {sorted(map(date.fromordinal, clash))}")
        start = first.toordinal()
        per_day = [_session_spans(sessions)] * (last.toordinal() - start + 1)
        for season in seasons:
            spans = _session_spans(season.sessions)
            lo = max(season.first.toordinal(), start) - start
            hi = min(season.last or last, last).toordinal() - start + 1
            if lo < hi:
                per_day[lo:hi] = [spans] * (hi - lo)
        self._days: list[int] = []  # ordinals of working days, ascending
        self._spans: list[tuple[tuple[int, int], ...]] = []  # that day's sessions
        self._cum: list[int] = [0]  # working µs before each working day; one extra entry at the end
        for i, spans in enumerate(per_day):
            o = start + i
            if o in extra or ((o - 1) % 7 < _SATURDAY and o not in off):
                self._days.append(o)
                self._spans.append(spans)
                self._cum.append(self._cum[-1] + sum(e - s for s, e in spans))
        if not self._days:
            raise ValueError(f"no working day in {first}..{last}")
        self._lo, self._hi = first.toordinal(), last.toordinal()
        self._midnights = [datetime.fromordinal(o) for o in self._days]  # each working day at 00:00

    def __repr__(self) -> str:
        return f"WorkCalendar({self.name!r}, {self.first}..{self.last}, {len(self._days)} working days)"

    # -- days ---------------------------------------------------------------------------------

    def _ordinal(self, d: date) -> int:
        o = d.toordinal()
        if not self._lo <= o <= self._hi:
            raise OutOfCalendar(f"{d:%Y-%m-%d} is outside the working calendar's range {self.first}..{self.last}")
        return o

    def _day_at(self, i: int) -> date:
        if not 0 <= i < len(self._days):
            raise OutOfCalendar(f"the result is outside the working calendar's range {self.first}..{self.last}")
        return date.fromordinal(self._days[i])

    def is_working_day(self, d: date) -> bool:
        """Whether civil servants work on ``d`` (a make-up Saturday is a working day)."""
        o = self._ordinal(d)
        i = bisect_left(self._days, o)
        return i < len(self._days) and self._days[i] == o

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day strictly after ``d`` (strictly before for n < 0; ``d`` for 0).

        Counting starts the day after, as "within N working days from receipt" does.
        """
        o = self._ordinal(d)
        if n > 0:
            return self._day_at(bisect_right(self._days, o) + n - 1)
        if n < 0:
            return self._day_at(bisect_left(self._days, o) + n)
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in ``(a, b]``, or minus those in ``[b, a)`` when b < a: the inverse of
        :meth:`add_working_days`, so early/late can be told in days."""
        oa, ob = self._ordinal(a), self._ordinal(b)
        if ob >= oa:
            return bisect_right(self._days, ob) - bisect_right(self._days, oa)
        return bisect_left(self._days, ob) - bisect_left(self._days, oa)

    def working_day_length(self, d: date) -> timedelta:
        """Total session time on ``d``; zero on a day off (seasons make days differ)."""
        o = self._ordinal(d)
        i = bisect_left(self._days, o)
        if i < len(self._days) and self._days[i] == o:
            return timedelta(microseconds=self._cum[i + 1] - self._cum[i])
        return timedelta(0)

    # -- instants -----------------------------------------------------------------------------

    def _index(self, t: datetime) -> int:
        """Working µs elapsed before ``t``; every instant between two sessions shares one index."""
        if t.tzinfo is not None:
            _naive(t)
        o = t.toordinal()
        if not self._lo <= o <= self._hi:
            self._ordinal(t)  # raises OutOfCalendar
        days = self._days
        i = bisect_left(days, o)
        x = self._cum[i]
        if i == len(days) or days[i] != o:
            return x
        now = ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond
        for s, e in self._spans[i]:
            if now <= s:
                break
            x += e - s if now >= e else now - s
        return x

    def _instant(self, x: int, *, early: bool) -> datetime:
        """The instant with working index ``x``: the earliest one (a session end) if ``early``,
        else the latest (the next session start)."""
        cum = self._cum
        if not 0 <= x <= cum[-1]:
            raise OutOfCalendar(f"the result is outside the working calendar's range {self.first}..{self.last}")
        i = bisect_left(cum, x) - 1 if early else bisect_right(cum, x) - 1
        if i < 0:
            i = 0
        elif i >= len(self._days):
            i = len(self._days) - 1
        offset = x - cum[i]
        spans = self._spans[i]
        for s, e in spans:
            length = e - s
            if offset < length or (early and offset == length):
                break
            offset -= length
        else:  # only x == the very end of the range
            s, offset = spans[-1][1], 0
        return self._midnights[i] + timedelta(microseconds=s + offset)

    def next_working_instant(self, t: datetime) -> datetime:
        """``t`` if it is inside a session, else the start of the next session."""
        x = self._index(t)
        if x == self._cum[-1]:  # after the last session of the range: there is no next one
            raise OutOfCalendar(f"no working session after {t} in the working calendar's range "
                                f"{self.first}..{self.last}")
        return self._instant(x, early=False)

    def start_of_next_working_day(self, t: datetime | date) -> datetime:
        """The first session's start on the first working day strictly after ``t``'s date."""
        d = _naive(t).date() if isinstance(t, datetime) else t
        i = bisect_right(self._days, self._ordinal(d))
        self._day_at(i)  # range check
        return datetime.fromordinal(self._days[i]) + timedelta(microseconds=self._spans[i][0][0])

    def end_of_working_day(self, t: datetime) -> datetime:
        """The end of the last session of the working day ``t`` counts on: its own day if it
        is a working day, else the next one.  Same-day procedures are due then."""
        d = _naive(t).date()
        i = bisect_left(self._days, self._ordinal(d))
        self._day_at(i)  # range check
        return datetime.fromordinal(self._days[i]) + timedelta(microseconds=self._spans[i][-1][1])

    def receipt_start(self, t: datetime, cutoff: time = time(15)) -> datetime:
        """When the legal clock starts for something received at ``t``.

        Received strictly after ``cutoff`` (15:00:00 itself is in time) or on a day off: the
        start of the next working day; otherwise ``next_working_instant(t)`` (so lunch-time
        receipt starts at the afternoon session).  Decree 61/2018 Art. 18.
        """
        if not self.is_working_day(_naive(t).date()) or t.time() > cutoff:
            return self.start_of_next_working_day(t)
        return self.next_working_instant(t)

    def add_working_time(self, t: datetime, delta: timedelta) -> datetime:
        """The instant when ``delta`` of working time has elapsed since ``t`` (see module doc
        for boundaries: forwards ends at a session end, backwards at a session start)."""
        if not delta:
            return _naive(t)
        step = delta // _ONE_US
        return self._instant(self._index(t) + step, early=step > 0)

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Working time from ``a`` to ``b``; negative if ``b`` is before ``a``."""
        return timedelta(microseconds=self._index(b) - self._index(a))

    def add_working_days_at(self, t: datetime, n: Decimal | float | int,
                            hours_per_day: Decimal | float | int = 8) -> datetime:
        """``t`` plus ``n`` working days given as a number ("1.5 ngày làm việc").

        Whole days move to the same working position on the target day (the working time
        elapsed since that day began, capped at the target day's length), so seasonal hours
        shift the clock with them.  A fraction of a day is ``fraction * hours_per_day`` hours of
        working time: half a day is not "one session" when sessions are unequal, so the hours
        are fixed by ``hours_per_day`` (8 = Decision 188/1999's 40 hours over 5 days).
        """
        amount = n if isinstance(n, Decimal) else Decimal(str(n))
        if not amount:
            return _naive(t)
        whole = int(amount)
        part = amount - whole  # a fraction of a day: hours_per_day hours per day, in µs
        fraction = (int((part * Decimal(str(hours_per_day)) * 3_600_000_000).to_integral_value(ROUND_HALF_EVEN))
                    if part else 0)
        early = amount > 0
        x = self._index(t)
        i = bisect_left(self._cum, x) - 1 if early else bisect_right(self._cum, x) - 1
        i = min(max(i, 0), len(self._days) - 1)
        if not 0 <= i + whole < len(self._days):
            raise OutOfCalendar(f"the result is outside the working calendar's range {self.first}..{self.last}")
        j = i + whole
        x = self._cum[j] + min(x - self._cum[i], self._cum[j + 1] - self._cum[j])
        return self._instant(x + fraction, early=early)
