"""What both backends share when they write: dossier codes, the row's column values, and the
checks a write passes before any SQL runs (sealed, chained, recording its row).

The JSON bodies are :mod:`isoflow.store.codec`'s; the checks of what was read back (a loaded
row, a whole store) are :mod:`isoflow.store._integrity`'s."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

from isoflow.errors import DossierNotFound, StaleDossier, StoreError
from isoflow.indicators.formulas import FLAG_FIELDS, LEVELS, RATING_TOPICS, Rating
from isoflow.model.dossier import GENESIS, Dossier, Event, reminder_key
from isoflow.store.codec import event_hash, row_digest

#: Vietnam keeps one offset all year (no daylight saving): aware times are converted to it.
VIETNAM = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")
MAX_SEQUENCE = 9999
_UNIT = re.compile(r"^[^\s-]+$")


def dossier_code(unit: str, day: date, number: int) -> str:
    """``<unit>-YYMMDD-XXXX`` (Circular 01/2018/TT-VPCP Art. 19)."""
    return f"{unit}-{day:%y%m%d}-{number:04d}"


def unit_code(unit: str) -> bool:
    """Whether ``unit`` can stand before the date in a dossier code (non-empty, no space or '-')."""
    return _UNIT.match(unit) is not None


def check_unit(unit: str) -> None:
    if not unit_code(unit):
        raise StoreError(f"{unit!r} is not a receiving unit code (e.g. 000.17.22.H56): it must be non-empty, "
                         "without spaces or '-'")


def sequence_overflow(unit: str, day: date) -> StoreError:
    return StoreError(f"unit {unit} has already received {MAX_SEQUENCE} dossiers on {day.isoformat()}: "
                      "the 4-digit daily sequence of the dossier code (Circular 01/2018 Art. 19) is exhausted")


def local(value: datetime) -> datetime:
    """Naive local wall-clock time; an aware time is first converted to Vietnam's offset."""
    return value.astimezone(VIETNAM).replace(tzinfo=None) if value.tzinfo is not None else value


def local_or_none(value: datetime | None) -> datetime | None:
    return local(value) if value is not None else None


def text_time(value: datetime | None) -> str | None:
    """A time as SQLite keeps it: fixed-width ISO text that sorts like the time."""
    return local(value).isoformat(timespec="microseconds") if value is not None else None


def _seconds(value: datetime | None) -> datetime | None:
    # The JSON codec keeps whole seconds: index columns hold what load() gives back.
    if value is None:
        return None
    if value.tzinfo is not None:
        value = local(value)
    return value.replace(microsecond=0) if value.microsecond else value


def dossier_columns(dossier: Dossier) -> dict[str, Any]:
    """The queryable columns of a dossier row (times as naive local datetimes)."""
    step_due, due = _seconds(dossier.step.due_at), _seconds(dossier.clock.due_at)
    # What the due scans sort by: the legal due time does not count while the clock is paused.
    candidates = dossier.due_times()
    next_due = remind = None
    if candidates:
        next_due = min(_seconds(t) for _, t in candidates)  # type: ignore[type-var]
        reminded = dossier.reminded
        unreminded = [_seconds(t) for what, t in candidates if not reminded or reminder_key(what, t) not in reminded]
        remind = min(unreminded) if unreminded else None  # type: ignore[type-var]
    return {
        "code": dossier.code, "process_code": dossier.process_code, "revision": dossier.revision,
        "receiving_unit": dossier.receiving_unit, "received_at": _seconds(dossier.received_at),
        "state": dossier.state, "status": dossier.status, "version": dossier.version,
        "last_hash": dossier.last_hash, "closed": dossier.is_closed, "due_at": due, "step_due_at": step_due,
        "next_due_at": next_due, "remind_at": remind, **fact_columns(dossier),
    }


#: The indicator columns of a dossier row (schema migration 4), in table order.
FACT_COLUMNS = ("channel", "closed_at", "outcome", "result", "result_766", "worst_step", "worked_min",
                "supplements", "extensions", "handovers", "paid_online", "e_result", "digitised", "paper_moved",
                "paused_at")


def fact_columns(dossier: Dossier) -> dict[str, Any]:
    """What the service indicators count of a dossier (see :mod:`isoflow.indicators.formulas`)."""
    measures, data, clock = dossier.measures, dossier.data, dossier.clock
    columns: dict[str, Any] = {
        "channel": dossier.channel, "closed_at": _seconds(dossier.closed_at), "outcome": dossier.outcome,
        "result": measures.get("result"), "result_766": measures.get("result_766"),
        "worst_step": measures.get("worst_step"), "worked_min": measures.get("worked_min"),
        "supplements": clock.supplements, "extensions": clock.extensions,
        "handovers": int(measures.get("handovers", 0)),
        # While the applicant holds the dossier its appointment does not run (Decree 61 Art. 19).
        "paused_at": _seconds(clock.paused_at),
    }
    for column, field_id in FLAG_FIELDS.items():
        columns[column] = _flag(column, data.get(field_id))
    return columns


def _flag(column: str, value: Any) -> int | None:
    """A flag column: 1 when the field is true.  ``paper_moved`` is NULL when the dossier does
    not say how it moved (schema 10, issue 14 §7): electronic is counted only when recorded."""
    if value is True:
        return 1
    return None if column == "paper_moved" and value is not False else 0


#: The columns a write sets, in the order of :func:`row_values` (``body`` follows them).
ROW_COLUMNS = ("code", "process_code", "revision", "receiving_unit", "received_at", "state", "status", "version",
               "last_hash", "closed", "due_at", "step_due_at", "next_due_at", "remind_at", *FACT_COLUMNS)
_FLAGS = tuple(FLAG_FIELDS[column] for column in ("paid_online", "e_result", "digitised"))
_PAPER_MOVED = FLAG_FIELDS["paper_moved"]


def row_values(dossier: Dossier, time: Callable[[datetime | None], Any]) -> list[Any]:
    """:func:`dossier_columns` as a list in :data:`ROW_COLUMNS` order, each time through ``time``
    (the backend's form of a time): what every write binds, built without the dicts (a write's
    hot path; a test holds it to :func:`dossier_columns`)."""
    clock, step, measures, data = dossier.clock, dossier.step, dossier.measures, dossier.data
    step_due, due = _seconds(step.due_at), _seconds(clock.due_at)
    # What the due scans sort by: the legal due time does not count while the clock is paused.
    candidates = []
    if step_due is not None:
        candidates.append(("step", step.due_at, step_due))
    if due is not None and clock.paused_at is None:
        candidates.append(("dossier", clock.due_at, due))
    next_due = remind = None
    if candidates:
        next_due = min(seconds for _, _, seconds in candidates)
        reminded = dossier.reminded
        unreminded = [seconds for what, at, seconds in candidates
                      if not reminded or reminder_key(what, at) not in reminded]  # type: ignore[arg-type]
        remind = min(unreminded) if unreminded else None
    get = measures.get
    return [dossier.code, dossier.process_code, dossier.revision, dossier.receiving_unit,
            time(_seconds(dossier.received_at)), dossier.state, dossier.status, dossier.version, dossier.last_hash,
            dossier.closed_at is not None, time(due), time(step_due), time(next_due), time(remind),
            dossier.channel, time(_seconds(dossier.closed_at)), dossier.outcome, get("result"), get("result_766"),
            get("worst_step"), get("worked_min"), clock.supplements, clock.extensions, int(get("handovers", 0)),
            *(1 if data.get(field_id) is True else 0 for field_id in _FLAGS),
            _flag("paper_moved", data.get(_PAPER_MOVED)), time(_seconds(clock.paused_at))]


def event_values(event: Event, time: Callable[[datetime | None], Any]) -> list[Any]:
    """An event row's columns (``dossier, seq, kind, at, actor, hash, prev_hash, row_hash``)."""
    return [event.dossier, event.seq, event.kind, time(_seconds(event.at)), event.actor, event.hash, event.prev_hash,
            event.row_hash]


def step_rows(dossier: Dossier, events: Sequence[Event]) -> list[tuple[Any, ...]]:
    """The ``step_times`` rows of the events that left a timed step: (dossier, seq, process_code,
    step, at, worked_min, result, weight).

    A dossier leaving a step it left before (``step_again`` in the event, schema 10) writes its
    passes added up (weight 1) and cancels the row of the passes before (weight -1, that row's
    key, ``seq`` negated): the report sums weights, so a dossier counts once per step, with all
    its minutes, without grouping the rows by dossier (issue 14 §7)."""
    rows: list[tuple[Any, ...]] = []
    for event in events:
        if "step_result" not in event.data or not event.source:
            continue
        again = event.data.get("step_again")
        at = _seconds(event.at)
        if again is None:
            rows.append((event.dossier, event.seq, dossier.process_code, event.source, at,
                         int(event.data.get("step_worked_min", 0)), event.data["step_result"], 1))
        else:
            rows.append((event.dossier, event.seq, dossier.process_code, event.source, at,
                         int(again["total_min"]), again["total_result"], 1))
            rows.append((event.dossier, -event.seq, dossier.process_code, event.source,
                         datetime.fromisoformat(again["at"]), int(again["worked_min"]), again["result"], -1))
    return rows


def rating_row(code: str, rating: Rating) -> tuple[int, int, str, str]:
    """(overall, complaint, topics JSON, comment) of a checked rating; StoreError if malformed."""
    levels = ", ".join(f"{k} {v}" for k, v in LEVELS.items())
    if type(rating.overall) is not int or rating.overall not in LEVELS:
        raise StoreError(f"dossier {code}: overall rating {rating.overall!r} is not one of {levels}")
    for topic, level in rating.topics.items():
        if topic not in RATING_TOPICS:
            raise StoreError(f"dossier {code}: no rating topic {topic!r} (topics: {', '.join(RATING_TOPICS)})")
        if type(level) is not int or level not in LEVELS:
            raise StoreError(f"dossier {code}: rating of {topic!r} is {level!r}, not one of {levels}")
    if not isinstance(rating.complaint, bool) or not isinstance(rating.comment, str):
        raise StoreError(f"dossier {code}: complaint must be true or false and the comment a text")
    return (rating.overall, 1 if rating.complaint else 0, json.dumps(dict(rating.topics), ensure_ascii=False),
            rating.comment)


def rating_of(row: Sequence[Any]) -> Rating:
    overall, complaint, topics, comment = row
    return Rating(int(overall), bool(complaint), json.loads(topics) if isinstance(topics, str) else dict(topics),
                  str(comment))


def refused_append(code: str, stored_version: int | None, expected_version: int) -> StoreError:
    """Why a conditional update of dossier ``code`` changed no row: gone, stale, or unsealed."""
    if stored_version is None:
        return DossierNotFound(code)
    if stored_version != expected_version:
        return StaleDossier(code, expected_version, stored_version)
    return StoreError(f"cannot store dossier {code}: its new events are not sealed after the newest stored event")


def _refuse(code: str, message: str) -> StoreError:
    return StoreError(f"cannot store dossier {code}: {message}")


def _check_events(dossier: Dossier, events: Sequence[Event], first_seq: int) -> None:
    code = dossier.code
    if not events:
        raise _refuse(code, "a write must add at least one event")
    previous: str | None = None
    for offset, event in enumerate(events):
        if event.dossier != code:
            raise _refuse(code, f"event {event.seq} belongs to dossier {event.dossier!r}")
        if event.seq != first_seq + offset:
            raise _refuse(code, f"event sequence numbers must run from {first_seq} without gaps "
                                f"(found {event.seq} in place of {first_seq + offset})")
        if not event.hash or event_hash(event) != event.hash:
            raise _refuse(code, f"event {event.seq} is not sealed (isoflow.model.dossier.seal)")
        if previous is not None and event.prev_hash != previous:
            raise _refuse(code, f"event {event.seq} is not chained to event {event.seq - 1}")
        previous = event.hash
    if dossier.version != events[-1].seq:
        raise _refuse(code, f"the dossier is at version {dossier.version} but its newest event is {events[-1].seq}")
    if dossier.last_hash != events[-1].hash:
        raise _refuse(code, "the dossier's last_hash is not the hash of its newest event")
    # Every write commits to its row, so that a row changed later without an event shows (a
    # write without it would leave the row to the structural replay alone).
    if events[-1].row_hash != row_digest(dossier):
        raise _refuse(code, f"event {events[-1].seq} does not record the row it writes "
                            "(seal the write with isoflow.store.codec.seal_write)")


def check_new(code: str, dossier: Dossier, events: Sequence[Event]) -> None:
    """What a factory returned is the first write of dossier ``code``."""
    if dossier.code != code:
        raise _refuse(code, f"the factory built dossier {dossier.code!r} instead")
    _check_events(dossier, events, 1)
    if events[0].prev_hash != GENESIS:
        raise _refuse(code, "the first event must be sealed after GENESIS")


def check_next(dossier: Dossier, events: Sequence[Event], expected_version: int) -> None:
    """``events`` follow version ``expected_version`` and lead to ``dossier``."""
    _check_events(dossier, events, expected_version + 1)


