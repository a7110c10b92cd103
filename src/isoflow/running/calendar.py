"""Working time on a Vietnamese civil-servant calendar: pure arithmetic, no data, no clock.

Legal time limits (thời hạn giải quyết) are counted in working days and working hours, so a
deadline depends on weekends, holidays, swapped days (a Friday off, a make-up Saturday worked)
and each agency's office hours.  :class:`WorkCalendar` is built from plain values; where they
come from (``holidays``, the overrides files) is ``isoflow.data.work_calendar``'s business.

Conventions, chosen once so that every deadline is computed the same way:

* Datetimes are **naive local time** (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).  A
  tz-aware datetime is refused with ``ValueError``: converting silently would hide a clock
  that was set up wrongly, and the legal day boundary is the local one.
* Sessions are half-open, ``[start, end)``: 11:30 is not inside 07:30-11:30.
* Working time is counted to the microsecond.  Each instant maps to an integer *working
  index* (microseconds of working time since the calendar's first working day began).  The
  tables are precomputed once per calendar: for every calendar day, the working day it counts
  on (so a date's index is a list lookup, not a search), and for every working day its
  sessions, its first and last instants; only going back from an index to an instant needs a
  ``bisect``.  Every operation is O(1) or O(log n), and an appointment (receipt start plus the
  legal limit) costs about two microseconds.
* ``add_working_time`` returns the instant **closest to the start** at which the delta has
  elapsed: forwards, a result on a session boundary is the session's end (11:30, not 13:00);
  backwards, it is the next session's start (13:00, not 11:30).  A zero delta returns the
  input unchanged (normalise it first with :meth:`WorkCalendar.next_working_instant` or
  :meth:`WorkCalendar.receipt_start` if you need a working instant).
* ``add_working_days(d, n)`` is the n-th working day strictly after ``d`` (strictly before if
  n < 0; ``d`` itself if n == 0), so ``working_days_between(d, add_working_days(d, n)) == n``.
"""

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
        # Per calendar day (ordinal - first): the index of the first working day on or after it
        # (bisect_left of the day in _days) and whether it is itself a working day.
        self._on_or_after: list[int] = []
        self._works: list[bool] = []
        i = 0
        for o in range(self._lo, self._hi + 1):
            while i < len(self._days) and self._days[i] < o:
                i += 1
            self._on_or_after.append(i)
            self._works.append(i < len(self._days) and self._days[i] == o)
        # Per working day: its first session's start and its last session's end, as datetimes.
        days_spans = list(zip(self._midnights, self._spans, strict=True))
        self._opens = [m + timedelta(microseconds=spans[0][0]) for m, spans in days_spans]
        self._closes = [m + timedelta(microseconds=spans[-1][1]) for m, spans in days_spans]
        #: (n, hours_per_day, their types) -> (the amount, whole days, the fraction in µs): the
        #: Decimal arithmetic once per limit (types in the key: 0.1 and Decimal("0.1") differ).
        self._day_amounts: dict[tuple[object, ...], tuple[Decimal, int, int]] = {}
        #: The last (instant, working index) :meth:`_index` computed on a working day.
        self._last_index: tuple[datetime | None, int] = (None, 0)
        #: The last (n, hours_per_day, amount) :meth:`add_working_days_at` was asked (see there).
        self._last_amount: tuple[object, object, tuple[Decimal, int, int]] = (None, None, (Decimal(0), 0, 0))

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
        """Working µs elapsed before ``t``; every instant between two sessions shares one index.

        The last instant asked is remembered: a move asks for its own instant twice (the working
        time of the step it leaves, then the due time of the step it enters from there)."""
        naive = t.tzinfo is None  # only a plain naive instant is remembered or answered from memory
        last = self._last_index
        if naive and t == last[0]:
            return last[1]
        if not naive:
            _naive(t)
        k = t.toordinal() - self._lo
        if not 0 <= k <= self._hi - self._lo:
            self._ordinal(t)  # raises OutOfCalendar
        i = self._on_or_after[k]
        x = self._cum[i]
        if not self._works[k]:
            return x
        now = ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond
        for s, e in self._spans[i]:
            if now <= s:
                break
            x += e - s if now >= e else now - s
        if naive:
            self._last_index = (t, x)  # one tuple replaced whole: a thread sees an old pair or the new one
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
        return self._midnights[i] + timedelta(0, 0, s + offset)  # positional: faster than the keyword

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
        k = self._ordinal(d) - self._lo
        i = self._on_or_after[k] + self._works[k]  # bisect_right: past the day itself if it works
        self._day_at(i)  # range check
        return self._opens[i]

    def end_of_working_day(self, t: datetime) -> datetime:
        """The end of the last session of the working day ``t`` counts on: its own day if it
        is a working day, else the next one.  Same-day procedures are due then."""
        i = self._on_or_after[self._ordinal(_naive(t).date()) - self._lo]
        self._day_at(i)  # range check
        return self._closes[i]

    def receipt_start(self, t: datetime, cutoff: time = time(15)) -> datetime:
        """When the legal clock starts for something received at ``t``.

        Received strictly after ``cutoff`` (15:00:00 itself is in time) or on a day off: the
        start of the next working day; otherwise ``next_working_instant(t)`` (so lunch-time
        receipt starts at the afternoon session).  Decree 61/2018 Art. 18.
        """
        if t.tzinfo is not None:
            _naive(t)
        k = t.toordinal() - self._lo
        if not 0 <= k <= self._hi - self._lo:
            self._ordinal(t)  # raises OutOfCalendar
        now = ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond
        i = self._on_or_after[k]
        works = self._works[k]
        if not works or now > _us(cutoff):
            i += works  # the next working day's opening
            if i >= len(self._days):
                self._day_at(i)  # raises OutOfCalendar
            return self._opens[i]
        for s, e in self._spans[i]:
            if now < e:
                # Inside a session: t itself; before it (or at lunch): the session's start.
                return t if now >= s else self._midnights[i] + timedelta(0, 0, s)
        return self.next_working_instant(t)  # after the day's last session

    def add_working_time(self, t: datetime, delta: timedelta) -> datetime:
        """The instant when ``delta`` of working time has elapsed since ``t`` (see module doc
        for boundaries: forwards ends at a session end, backwards at a session start)."""
        if not delta:
            return _naive(t)
        step = delta // _ONE_US
        return self._instant(self._index(t) + step, early=step > 0)

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Working time from ``a`` to ``b``; negative if ``b`` is before ``a``."""
        return timedelta(0, 0, self._index(b) - self._index(a))

    def _amount(self, n: Decimal | float | int, hours_per_day: Decimal | float | int) -> tuple[Decimal, int, int]:
        """(the amount, its whole days, its fraction of a day in µs) of ``n`` working days: the
        Decimal arithmetic once per limit (types in the key: ``True == 1``, but only 1 is a number)."""
        key = (n, hours_per_day, type(n), type(hours_per_day))
        known = self._day_amounts.get(key)
        if known is None:
            amount = n if isinstance(n, Decimal) else Decimal(str(n))
            whole = int(amount)
            part = amount - whole  # a fraction of a day: hours_per_day hours per day, in µs
            fraction = (int((part * Decimal(str(hours_per_day)) * 3_600_000_000).to_integral_value(ROUND_HALF_EVEN))
                        if part else 0)
            known = self._day_amounts[key] = (amount, whole, fraction)
        return known

    def add_working_days_at(self, t: datetime, n: Decimal | float | int,
                            hours_per_day: Decimal | float | int = 8) -> datetime:
        """``t`` plus ``n`` working days given as a number ("1.5 ngày làm việc").

        Whole days move to the same working position on the target day (the working time
        elapsed since that day began, capped at the target day's length), so seasonal hours
        shift the clock with them.  A fraction of a day is ``fraction * hours_per_day`` hours of
        working time: half a day is not "one session" when sessions are unequal, so the hours
        are fixed by ``hours_per_day`` (8 = Decision 188/1999's 40 hours over 5 days).
        """
        last = self._last_amount  # the very objects asked last time (a procedure's own limit): no hashing
        if last[0] is n and last[1] is hours_per_day:
            known = last[2]
        else:
            known = self._amount(n, hours_per_day)
            self._last_amount = (n, hours_per_day, known)  # one tuple replaced whole (threads)
        amount, whole, fraction = known
        if whole > 0 and not fraction and t.tzinfo is None:
            # The common cases of "N working days", answered as the general path below would:
            # from inside a session, the same time of day N working days later when that day has
            # the same sessions; from a day's opening (a receipt after the cut-off), the close of
            # the (N-1)th working day after it, when the day before it was no shorter.
            k = t.toordinal() - self._lo
            if 0 <= k <= self._hi - self._lo and self._works[k]:
                i = self._on_or_after[k]
                j = i + whole
                spans = self._spans[i]
                if j < len(self._days) and self._spans[j] == spans:
                    now = ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond
                    cum = self._cum
                    if now == spans[0][0] and i > 0 and cum[i] - cum[i - 1] >= cum[j] - cum[j - 1]:
                        return self._closes[j - 1]
                    for s, e in spans:
                        if s < now < e:
                            return t + (self._midnights[j] - self._midnights[i])
        if not amount:
            return _naive(t)
        early = amount > 0
        x = self._index(t)
        i = bisect_left(self._cum, x) - 1 if early else bisect_right(self._cum, x) - 1
        i = min(max(i, 0), len(self._days) - 1)
        if not 0 <= i + whole < len(self._days):
            raise OutOfCalendar(f"the result is outside the working calendar's range {self.first}..{self.last}")
        j = i + whole
        x = self._cum[j] + min(x - self._cum[i], self._cum[j + 1] - self._cum[j])
        return self._instant(x + fraction, early=early)
