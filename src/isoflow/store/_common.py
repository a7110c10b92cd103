"""What both backends share: dossier codes, row values, the JSON body codec, write checks, and
the integrity checks of a loaded row and of a whole store (:func:`loaded`, :func:`chain_problems`,
:func:`sequence_problems`)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

from isoflow.errors import DossierNotFound, DossierTampered, StaleDossier, StoreError
from isoflow.indicators.formulas import FLAG_FIELDS, LEVELS, RATING_TOPICS, Rating
from isoflow.model.dossier import (
    GENESIS,
    Dossier,
    Event,
    canonical_json,
    dossier_from_json,
    dossier_text,
    event_from_json,
    event_text,
    reminder_key,
    row_digest,
    row_problems,
    verify_chain,
)
from isoflow.store._api import ChainProblem
from isoflow.store.schema import BODY_SCHEMA

#: Vietnam keeps one offset all year (no daylight saving): aware times are converted to it.
VIETNAM = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")
MAX_SEQUENCE = 9999
_UNIT = re.compile(r"^[^\s-]+$")


def dossier_code(unit: str, day: date, number: int) -> str:
    """``<unit>-YYMMDD-XXXX`` (Circular 01/2018/TT-VPCP Art. 19)."""
    return f"{unit}-{day:%y%m%d}-{number:04d}"


def check_unit(unit: str) -> None:
    if not _UNIT.match(unit):
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
        columns[column] = 1 if data.get(field_id) is True else 0
    return columns


def step_rows(dossier: Dossier, events: Sequence[Event]) -> list[tuple[Any, ...]]:
    """A ``step_times`` row for each event that left a timed step: (dossier, seq, process_code,
    step, at, worked_min, result)."""
    return [(event.dossier, event.seq, dossier.process_code, event.source, _seconds(event.at),
             int(event.data.get("step_worked_min", 0)), event.data["step_result"])
            for event in events if "step_result" in event.data and event.source]


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


def event_columns(event: Event) -> dict[str, Any]:
    return {"dossier": event.dossier, "seq": event.seq, "kind": event.kind, "at": _seconds(event.at),
            "actor": event.actor, "hash": event.hash, "prev_hash": event.prev_hash, "row_hash": event.row_hash}


def dossier_json_text(dossier: Dossier) -> str:
    """The dossier row's body as JSON text (``"schema"`` first)."""
    return dossier_text(dossier, BODY_SCHEMA)


def event_json_text(event: Event) -> str:
    """The event row's body as JSON text: the very text its hash was computed over, plus
    ``"schema"`` and ``"hash"`` (encoded once, when :func:`isoflow.model.dossier.seal` made it)."""
    return event_text(event, canonical_json(event), BODY_SCHEMA)


def _body(raw: str | Mapping[str, Any], what: str) -> dict[str, Any]:
    try:
        body = json.loads(raw) if isinstance(raw, str | bytes) else dict(raw)
    except ValueError as error:
        raise StoreError(f"{what}: the stored body is not JSON ({error})") from None
    if not isinstance(body, dict):
        raise StoreError(f"{what}: the stored body is not a JSON object")
    schema = body.pop("schema", None)
    if schema != BODY_SCHEMA:
        if isinstance(schema, int) and schema > BODY_SCHEMA:
            raise StoreError(f"{what} was written by a newer isoflow (body schema {schema}, this one reads "
                             f"{BODY_SCHEMA}); upgrade isoflow")
        raise StoreError(f"{what}: unknown body schema {schema!r} (expected {BODY_SCHEMA})")
    return body


def load_dossier(raw: str | Mapping[str, Any], code: str) -> Dossier:
    body = _body(raw, f"dossier {code}")
    try:
        return dossier_from_json(body)
    except (KeyError, TypeError, ValueError) as error:
        raise StoreError(f"dossier {code}: the stored body cannot be read ({error!r})") from None


def load_event(raw: str | Mapping[str, Any], code: str, seq: int) -> Event:
    body = _body(raw, f"event {seq} of dossier {code}")
    try:
        return event_from_json(body)
    except (KeyError, TypeError, ValueError) as error:
        raise StoreError(f"event {seq} of dossier {code}: the stored body cannot be read ({error!r})") from None


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
        if not event.hash or hashlib.sha256(canonical_json(event).encode("utf-8")).hexdigest() != event.hash:
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
                            "(seal the write with isoflow.model.dossier.seal_write)")


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


def loaded(code: str, body: str | Mapping[str, Any], newest_seq: int | None, newest_hash: str | None,
           newest_row_hash: str | None) -> tuple[Dossier, bool]:
    """The dossier of a row read with its newest event's columns, and whether it still needs
    :func:`replayed` (its newest event has no row digest: written before row digests).

    The cheap check of every load: the row's version and last hash are its newest event's, and
    its digest is the one that event recorded.  It trusts the events' ``row_hash`` column;
    ``verify`` checks that column against the hashed event bodies.
    Raises :class:`DossierTampered` (carrying the row as stored) if they disagree.
    """
    dossier = load_dossier(body, code)
    if newest_seq is None:
        raise DossierTampered(code, "no events remain for the row", dossier)
    if int(newest_seq) != dossier.version:
        raise DossierTampered(code, f"the row is at version {dossier.version} but its newest event is {newest_seq}",
                              dossier)
    if newest_hash != dossier.last_hash:
        raise DossierTampered(code, f"the row's last hash is not the hash of its newest event {newest_seq}", dossier)
    if newest_row_hash is None:
        return dossier, True
    if row_digest(dossier) != newest_row_hash:
        raise DossierTampered(code, f"the row is not the one event {newest_seq} recorded (row digest check)", dossier)
    return dossier, False


def replayed(code: str, body: str | Mapping[str, Any],
             events: Iterable[tuple[int, str | Mapping[str, Any]]]) -> Dossier:
    """The dossier of a row whose newest event has no row digest column, checked against its
    whole trail (read in the same snapshot): :func:`isoflow.model.dossier.row_problems`."""
    dossier = load_dossier(body, code)
    trail = [load_event(raw, code, seq) for seq, raw in events]
    problems = []
    if trail and (trail[-1].seq != dossier.version or trail[-1].hash != dossier.last_hash):
        problems.append(f"the row is at version {dossier.version} but its newest event is {trail[-1].seq}"
                        if trail[-1].seq != dossier.version else
                        f"the row's last hash is not the hash of its newest event {trail[-1].seq}")
    problems.extend(row_problems(dossier, trail))
    if problems:
        raise DossierTampered(code, "; ".join(problems), dossier)
    return dossier


#: The dossier row's columns :func:`chain_problems` compares with its body.  Every release
#: wrote these from the body; the indicator columns (:data:`FACT_COLUMNS`) are compared only
#: for rows written with a row digest, because migration 4 filled older rows' columns by SQL.
CHECKED_COLUMNS = ("process_code", "revision", "receiving_unit", "received_at", "state", "status", "version",
                   "last_hash", "closed", "due_at", "step_due_at", "next_due_at", "remind_at")


def _column_value(value: Any) -> Any:
    """A column value as :func:`dossier_columns` gives it (SQLite keeps times as text, flags as 0/1)."""
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, bool):
        return int(value)
    return value


def _disagreeing(stored: Dossier, columns: Mapping[str, Any], names: Sequence[str]) -> list[str]:
    expected = dossier_columns(stored)
    return [name for name in names if name in columns
            and _column_value(columns[name]) != _column_value(expected[name])]


def chain_problems(code: str, body: str | Mapping[str, Any], columns: Mapping[str, Any],
                   events: Sequence[tuple[int, str | Mapping[str, Any], str | None]]) -> list[ChainProblem]:
    """Every problem of one dossier: its row's columns and body, its events' bodies and
    ``row_hash`` columns, its hash chain, and (if the chain is whole) whether the row is what
    its events give (:func:`isoflow.model.dossier.row_problems`).

    ``columns`` are the row's column values by name (at least ``version`` and ``last_hash``),
    ``events`` its (seq, body, row_hash column), oldest first.
    """
    version, last_hash = int(columns["version"]), str(columns["last_hash"])
    problems: list[str] = []
    stored: Dossier | None
    try:
        stored = load_dossier(body, code)
    except StoreError as error:
        problems.append(str(error))
        stored = None
    decoded = []
    broken = []  # what makes the trail untrustworthy to judge the row by
    for seq, raw, row_hash in events:
        try:
            event = load_event(raw, code, seq)
        except StoreError as error:
            broken.append(str(error))
            continue
        if event.seq != seq or event.dossier != code:
            broken.append(f"event {seq}: its body says dossier {event.dossier} event {event.seq}")
        if event.row_hash != row_hash:
            problems.append(f"event {seq}: its row_hash column is not the row digest its body records")
        decoded.append(event)
    broken.extend(verify_chain(decoded, last_hash, version))
    if stored is not None:
        names = CHECKED_COLUMNS + (FACT_COLUMNS if decoded and decoded[-1].row_hash is not None else ())
        disagreeing = _disagreeing(stored, columns, names)
        if disagreeing:
            problems.insert(0, f"the dossier row's columns disagree with its body ({', '.join(disagreeing)})")
    problems.extend(broken)
    if stored is not None and not broken:
        # Judged only against a whole, unbroken trail: a broken chain is reported above, and
        # what a replay of it would say adds nothing but noise.
        problems.extend(row_problems(stored, decoded))
    return [ChainProblem(code, message) for message in problems]


def parse_code(code: str) -> tuple[str, str, int] | None:
    """(unit, YYMMDD, number) of a dossier code ``<unit>-YYMMDD-XXXX``; None if it is not one."""
    unit, sep, rest = code.partition("-")
    day, sep2, number = rest.partition("-")
    if not (sep and sep2 and _UNIT.match(unit) and len(day) == 6 and day.isdigit()
            and len(number) == 4 and number.isdigit()):
        return None
    return unit, day, int(number)


def sequence_problems(sequences: Iterable[tuple[str, date | str, int]], rows: Iterable[str],
                      orphans: Mapping[str, int]) -> list[ChainProblem]:
    """What the daily code sequences say is missing or was never given.

    ``sequences`` are (unit, day, last number given), ``rows`` the codes of every dossier row,
    ``orphans`` the codes whose events remain without a row (and how many).  Every code of a
    sequence up to its last number was given to a dossier that was stored in the same
    transaction, so a code with neither row nor events is a deleted dossier; a row whose code
    no sequence gave was inserted by hand.  Deleting the sequence row together with its
    dossiers is not detectable here: that needs a store-wide signed ledger.
    """
    given: dict[tuple[str, str], tuple[date, int]] = {}
    problems = []
    present = set(rows)
    for unit, raw_day, last in sequences:
        try:
            day = raw_day if isinstance(raw_day, date) else date.fromisoformat(str(raw_day))
        except ValueError:
            problems.append(ChainProblem(unit, f"code_sequences has an unreadable day {raw_day!r} for this unit"))
            continue
        given[(unit, f"{day:%y%m%d}")] = (day, int(last))
        for number in range(1, int(last) + 1):
            code = dossier_code(unit, day, number)
            if code not in present and code not in orphans:
                problems.append(ChainProblem(code, f"no dossier row or events remain, although its code was given "
                                                   f"on {day.isoformat()} (the daily sequence of unit {unit} "
                                                   f"reached {int(last):04d}): the whole dossier was deleted"))
    for code, count in orphans.items():
        problems.append(ChainProblem(code, f"its current-state row is gone but {count} event(s) remain"))
    for code in present:
        parsed = parse_code(code)
        if parsed is None:
            problems.append(ChainProblem(code, "this is not a dossier code a daily sequence gives "
                                               "(<unit>-YYMMDD-XXXX): the row was inserted by hand"))
            continue
        unit, day_text, number = parsed
        entry = given.get((unit, day_text))
        if entry is None or not 1 <= number <= entry[1]:
            reached = f"reached {entry[1]:04d}" if entry else "has no entry"
            problems.append(ChainProblem(code, f"its code was never given: the daily sequence of unit {unit} for "
                                               f"{day_text} {reached}; the row was inserted by hand"))
    return sorted(problems, key=lambda p: p.dossier)


def sequences_of(code: str | None, placeholder: str) -> tuple[str, tuple[str, ...]]:
    """The ``WHERE`` clause and parameters of the ``code_sequences`` rows ``verify(code)`` needs:
    all of them, or those of the dossier's unit (none if ``code`` is not a dossier code)."""
    if code is None:
        return "", ()
    parsed = parse_code(code)
    return f"WHERE unit = {placeholder}", (parsed[0] if parsed else "",)


#: The columns :func:`store_problems` reads of each dossier row, after ``code`` and ``body``.
VERIFY_COLUMNS = CHECKED_COLUMNS + FACT_COLUMNS


def store_problems(code: str | None, rows: Iterable[Sequence[Any]],
                   events: Iterable[tuple[str, int, str | Mapping[str, Any], str | None]],
                   sequences: Iterable[tuple[str, date | str, int]]) -> list[ChainProblem]:
    """What ``verify`` reports, from one snapshot of the store (or of one dossier, ``code``).

    ``rows`` are (code, body, *VERIFY_COLUMNS) in creation order, ``events`` (dossier, seq,
    body, row_hash column) ordered by dossier and seq, ``sequences`` the ``code_sequences``
    rows (for one dossier: those of its unit and day).  First each row's own problems
    (:func:`chain_problems`), then what the sequences show (:func:`sequence_problems`).
    :class:`DossierNotFound` if ``code`` has no row, no events and was never given.
    """
    trails: dict[str, list[tuple[int, str | Mapping[str, Any], str | None]]] = {}
    for dossier, seq, body, row_hash in events:
        trails.setdefault(dossier, []).append((seq, body, row_hash))
    problems = []
    codes = []
    for row in rows:
        row_code, body = str(row[0]), row[1]
        codes.append(row_code)
        columns = dict(zip(VERIFY_COLUMNS, row[2:], strict=True))
        problems.extend(chain_problems(row_code, body, columns, trails.pop(row_code, [])))
    found = sequence_problems(sequences, codes, {orphan: len(trail) for orphan, trail in trails.items()})
    if code is not None:
        found = [problem for problem in found if problem.dossier == code]
        if not codes and not found:
            raise DossierNotFound(code)
    return problems + found
