"""Dossiers (hồ sơ) and their events: the records the engine produces and the store keeps.

A dossier is a plain, immutable record; every change makes a new one plus the events that
explain it.  Events form a hash chain per dossier (each carries the hash of the previous
one), so an edited or deleted event is detectable.  The newest event of each write also
commits to the dossier row that write produced (:attr:`Event.row_hash`, see
:func:`chain` with ``row_hash``), so a current-state row edited without an event is detectable too.

Everything here is JSON-safe through :func:`dossier_to_json` / :func:`event_to_json` (what a
record is as JSON values; the command line prints them).  The chain's rules live here, with the
records; the texts that are hashed and stored (canonical text, row text, body schema) are the
store's codec, :mod:`isoflow.store.codec`, which hands its digests to :func:`chain` and
:func:`verify_chain`: the model never encodes, so one module says what a stored byte is.

The records are frozen msgspec structs, built in C: every step of every dossier makes a new
``Dossier`` and an ``Event`` (and often a ``StepClock``, a ``Clock``), and a frozen dataclass of
twenty fields set each through ``object.__setattr__`` (2 µs a record, a fifth of an in-memory
action; ``benchmarks/README.md``).  They hold no cycles (JSON values, times, texts), so they are
left out of the garbage collector (``gc=False``).  Change one with :func:`msgspec.structs.replace`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Literal

import msgspec

from isoflow.errors import InvalidArgument
from isoflow.i18n import translate as _

Channel = Literal["in_person", "online", "post"]
#: National channel codes (Circular 22/2019 data sync): 1 in person, 2 online, 3 public post.
CHANNEL_CODES: Mapping[str, int] = {"in_person": 1, "online": 2, "post": 3}
EventKind = Literal["received", "moved", "extended", "reminded"]
Result = Literal["early", "on_time", "late"]
GENESIS = "0" * 64
JSON = Any


class Clock(msgspec.Struct, frozen=True, gc=False):
    """The legal clock of one dossier (Decree 61/2018 Art. 19, Decision 766/QĐ-TTg).

    ``started_at`` is when the legal time (re)started counting; ``due_at`` the appointment
    (hẹn trả kết quả).  While the applicant holds the dossier (a waiting step) the clock is
    paused; ``waited`` accumulates that working time, which the national index subtracts.
    """

    started_at: datetime
    due_at: datetime | None
    paused_at: datetime | None = None
    waited: timedelta = timedelta(0)
    supplements: int = 0
    extensions: int = 0


class StepClock(msgspec.Struct, frozen=True, gc=False):
    """When the dossier entered its current step and when that step is due."""

    state: str
    entered_at: datetime
    due_at: datetime | None


class Dossier(msgspec.Struct, frozen=True, gc=False):
    """One dossier: where it is in its procedure, its data, its clocks, its version."""

    code: str
    process_code: str
    revision: int
    state: str
    status: int
    data: Mapping[str, JSON]
    applicant: Mapping[str, JSON]
    channel: Channel
    receiving_unit: str
    received_at: datetime
    clock: Clock
    step: StepClock
    version: int = 1
    last_hash: str = GENESIS
    preparers: tuple[str, ...] = ()
    closed_at: datetime | None = None
    outcome: str | None = None
    form_set: str = ""
    #: When the newest event was written; actions may not be dated before it.
    last_event_at: datetime | None = None
    #: Due times already reminded, as ``"step@2026-03-05T09:00"``: a reminder is sent once.
    reminded: tuple[str, ...] = ()
    #: What the service indicators need and only the engine (with its calendar) can tell,
    #: kept as the dossier moves: ``handovers`` (moves between units), ``worst_step`` (the
    #: worst early/on_time/late of its timed steps) and, once closed, ``result`` (against the
    #: appointment in force), ``result_766`` (Decision 766: waiting time subtracted, more than
    #: one supplement request is late) and ``worked_min`` (working minutes, waiting excluded);
    #: ``accepted`` once it left its first step for a working one (received for resolution,
    #: Decree 61/2018 Art. 17(1)(c)); ``refused_at_desk`` when refused before that (Art. 17(1)(b):
    #: not received, not resolved, so no result and no worked time); ``left``: per step left so
    #: far that the dossier can come back to, ``"seq;time;minutes;result"`` (the event, its time,
    #: the working minutes of all passes, the worst result), which lets the store count a dossier
    #: once per step in the report's per-step table.
    measures: Mapping[str, JSON] = msgspec.field(default_factory=dict)

    def due_times(self) -> list[tuple[str, datetime]]:
        """The step and legal due times that count now (the legal one not while paused)."""
        times = []
        if self.step.due_at is not None:
            times.append(("step", self.step.due_at))
        if self.clock.due_at is not None and self.clock.paused_at is None:
            times.append(("dossier", self.clock.due_at))
        return times

    def unreminded(self) -> list[tuple[str, datetime]]:
        """The due times no reminder was written for yet."""
        return [(what, due) for what, due in self.due_times() if reminder_key(what, due) not in self.reminded]

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Event(msgspec.Struct, frozen=True, gc=False):
    """One entry of a dossier's audit trail; ``seq`` equals the dossier version it produced.

    A hand-over between units (a row of the process-control slip) is a ``moved`` event whose
    ``from_unit`` differs from ``to_unit``: the actor gave, ``receiver`` (or the next actor)
    received, at ``at``.

    ``row_hash`` is set on the newest event of a write (:func:`seal_write`): the
    :func:`row_digest` of the dossier row that write stored.  It is hashed only when set, so
    the events written before it existed keep their hashes.
    """

    dossier: str
    seq: int
    kind: EventKind
    at: datetime
    actor: str
    role: str
    action: str | None = None
    source: str | None = None
    target: str | None = None
    from_unit: str | None = None
    to_unit: str | None = None
    receiver: str | None = None
    status: int | None = None
    data: Mapping[str, JSON] = msgspec.field(default_factory=dict)
    comment: str = ""
    prev_hash: str = GENESIS
    hash: str = ""
    row_hash: str | None = None

    @property
    def is_handover(self) -> bool:
        return self.kind == "moved" and self.from_unit != self.to_unit


def classify(done_at: datetime, due_at: datetime | None) -> Result:
    """Early / on time / late to the minute (Circular 01/2018 Art. 13; Decision 766)."""
    if due_at is None:
        return "on_time"
    done = done_at.replace(second=0, microsecond=0) if done_at.second or done_at.microsecond else done_at
    due = due_at.replace(second=0, microsecond=0) if due_at.second or due_at.microsecond else due_at
    return "early" if done < due else "on_time" if done == due else "late"


#: Vietnam's offset (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving).
VIETNAM = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")
#: The channels of receipt the engine takes, as the API spells them (see :data:`CHANNEL_CODES`).
CHANNELS: tuple[str, ...] = tuple(CHANNEL_CODES)


def local_time(value: object, what: str = "at") -> datetime:
    """``value`` as the engine keeps every time: naive Vietnam local time.

    A naive datetime *is* Vietnam local time (the calendar's sessions, 07:30-17:00, are local);
    an aware one is converted to UTC+7 first, so 01:10 UTC is 08:10 at the desk.  Anything else
    (``None``, a date, text) is :class:`InvalidArgument` naming ``what``: a dossier's times are
    its legal record and are never guessed.
    """
    if type(value) is datetime or isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value.astimezone(VIETNAM).replace(tzinfo=None)
        return value.replace(tzinfo=None) if value.tzinfo is not None else value
    shown = "None" if value is None else f"{type(value).__name__} {value!r}"[:80]
    raise InvalidArgument(f"{what} must be a datetime (naive = Vietnam local time, or timezone-aware), "
                          f"not {shown}")


def typed_values(data: Mapping[str, JSON], types: Mapping[str, str]) -> dict[str, Any]:
    """A dossier's data with each value as its field's Python type (``types``: field id ->
    ``bool``/``int``/``decimal``/``text``/``choice``/``date``/``datetime``).

    Stored data is JSON (dates as ISO text, so that guards compare them); what a program reads
    back is typed: a ``date`` field gives a :class:`datetime.date`, a ``datetime`` field a naive
    local :class:`datetime.datetime`, a ``decimal`` field a :class:`~decimal.Decimal` (exact to
    the 15 digits it was stored with).  A value set by no declared field (an older revision's)
    is returned as stored.
    """
    out: dict[str, Any] = {}
    for name, value in data.items():
        kind = types.get(name)
        if value is None or kind is None:
            out[name] = value
        elif kind == "date" and isinstance(value, str):
            out[name] = date.fromisoformat(value)
        elif kind == "datetime" and isinstance(value, str):
            out[name] = datetime.fromisoformat(value)
        elif kind == "decimal" and isinstance(value, (int, float)) and not isinstance(value, bool):
            out[name] = Decimal(str(value))
        else:
            out[name] = value
    return out


#: The order of results from best to worst (a dossier's ``worst_step`` is the latest of these).
RESULTS: tuple[Result, ...] = ("early", "on_time", "late")


def with_last_hash(dossier: Dossier, last_hash: str) -> Dossier:
    """The dossier carrying ``last_hash`` (a copy made in C: 0.1 µs)."""
    return msgspec.structs.replace(dossier, last_hash=last_hash)


def reminder_key(what: str, due: datetime) -> str:
    """How a reminded due time is remembered on the dossier."""
    return f"{what}@{due.isoformat(timespec='minutes')}"


#: The texts of naive times already spelled: a dossier carries the same times write after write
#: (receipt, clock, step), and ``isoformat`` is a tenth of a write's encoding.  Bounded; only
#: plain naive datetimes (two equal aware times may spell different offsets).
_ISO_TEXTS: dict[datetime, str] = {}
_ISO_TEXTS_MAX = 4096


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    plain = type(value) is datetime and value.tzinfo is None
    if plain:
        text = _ISO_TEXTS.get(value)
        if text is not None:
            return text
    # Plain isoformat() is the same text for a whole second, and faster than with timespec.
    text = value.isoformat(timespec="seconds") if value.microsecond else value.isoformat()
    if plain:
        if len(_ISO_TEXTS) >= _ISO_TEXTS_MAX:
            _ISO_TEXTS.clear()
        _ISO_TEXTS[value] = text
    return text


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def event_to_json(event: Event) -> dict[str, JSON]:
    """The event as a JSON-safe dict (the store's row body, and the hashed content).

    ``row_hash`` is there only when set, as in the hashed content.
    """
    body = {
        "dossier": event.dossier, "seq": event.seq, "kind": event.kind, "at": _iso(event.at),
        "actor": event.actor, "role": event.role, "action": event.action, "source": event.source,
        "target": event.target, "from_unit": event.from_unit, "to_unit": event.to_unit,
        "receiver": event.receiver, "status": event.status, "data": dict(event.data),
        "comment": event.comment, "prev_hash": event.prev_hash, "hash": event.hash,
    }
    if event.row_hash is not None:
        body["row_hash"] = event.row_hash
    return body


def event_from_json(row: Mapping[str, JSON]) -> Event:
    """The inverse of :func:`event_to_json`."""
    values = dict(row)
    values["at"] = _dt(values["at"])
    return Event(**values)


#: The hash of an event chained after ``prev_hash`` and recording ``row_hash`` (``None``: none):
#: SHA-256 (hex) of its canonical text, which the store's codec defines
#: (:func:`isoflow.store.codec.event_digest`).  The chain's rules are here; the bytes hashed are
#: the codec's, so that one module says what a stored text is.
EventDigest = Callable[[Event, str, "str | None"], str]


def chain(events: Sequence[Event], prev_hash: str, digest: EventDigest, row_hash: str | None = None) -> list[Event]:
    """Chain ``events`` after ``prev_hash``: each gets the previous hash and its own.

    With ``row_hash`` (the digest of the row this write stores, without its ``last_hash``) the
    newest event records it before it is hashed: a write commits to its row.
    """
    sealed = []
    newest = len(events) - 1
    for index, event in enumerate(events):
        recorded = row_hash if index == newest and row_hash is not None else event.row_hash
        own = digest(event, prev_hash, recorded)
        sealed.append(msgspec.structs.replace(event, prev_hash=prev_hash, hash=own, row_hash=recorded))
        prev_hash = own
    return sealed


def verify_chain(events: Sequence[Event], digest: EventDigest, last_hash: str | None = None,
                 version: int | None = None) -> list[str]:
    """Problems in one dossier's chain: edited, deleted, reordered or missing events.

    ``last_hash`` and ``version`` (from the dossier row) also catch the removal of the
    newest events, which the chain alone cannot see.
    """
    problems = []
    prev = GENESIS
    for expected_seq, event in enumerate(events, start=1):
        if event.seq != expected_seq:
            problems.append(_("event {expected} is missing (found {found} in its place)").format(
                expected=expected_seq, found=event.seq))
            break
        if event.prev_hash != prev:
            problems.append(_("event {seq} does not follow event {previous} (chain broken)").format(
                seq=event.seq, previous=event.seq - 1))
        if digest(event, event.prev_hash, event.row_hash) != event.hash:
            problems.append(_("event {seq} was altered after it was written (hash mismatch)").format(seq=event.seq))
        prev = event.hash
    if version is not None and len(events) != version:
        problems.append(_("the dossier is at version {version} but {count} events are stored").format(
            version=version, count=len(events)))
    if last_hash is not None and events and prev != last_hash:
        problems.append(_("the newest stored event is not the one the dossier last recorded"))
    return problems


def dossier_to_json(dossier: Dossier) -> dict[str, JSON]:
    """The dossier as a JSON-safe dict (the store's row body)."""
    return _dossier_json(dossier)


#: The event kinds that set the dossier's step (a reminder leaves it where it is).
_MOVES = ("received", "moved", "extended")


def replay_problems(dossier: Dossier, events: Sequence[Event]) -> list[str]:
    """What the events say the row must be, where it is not: a structural replay.

    Without the procedure, the events still fix the step (the newest move's ``target``), the
    national status it set, and whether and when the dossier closed (a move to a final step
    records its ``result``).  The row's data, clocks and measures are not replayed: only
    the row digest (for rows written with one) covers them.
    """
    moves = [e for e in events if e.kind in _MOVES]
    if not moves:
        return [_("no event says which step the dossier is in")]
    last = moves[-1]
    problems = []
    if dossier.state != last.target:
        problems.append(_("the row says step {row!r} but its events end in step {step!r} (event {seq})").format(
            row=dossier.state, step=last.target, seq=last.seq))
    if dossier.step.state != dossier.state:
        problems.append(_("the row's step clock is for step {clock!r}, not {row!r}").format(
            clock=dossier.step.state, row=dossier.state))
    if last.status is not None and dossier.status != last.status:
        problems.append(_("the row says status {row} but event {seq} set status {status}").format(
            row=dossier.status, seq=last.seq, status=last.status))
    closing = "result" in last.data
    if closing and dossier.closed_at is None:
        problems.append(_("the row is open but event {seq} closed the dossier").format(seq=last.seq))
    elif not closing and dossier.closed_at is not None:
        problems.append(_("the row is closed ({at}) but no event closed the dossier").format(
            at=_iso(dossier.closed_at)))
    elif closing and dossier.closed_at != last.at:
        problems.append(_("the row says closed at {row} but event {seq} closed it at {at}").format(
            row=_iso(dossier.closed_at), seq=last.seq, at=_iso(last.at)))
    if (dossier.outcome is None) != (dossier.closed_at is None):
        problems.append(_("the row's outcome and closing time disagree (one is set, the other is not)"))
    return problems


def row_problems(dossier: Dossier, events: Sequence[Event], row_digest: Callable[[Dossier], str]) -> list[str]:
    """Why ``dossier`` is not the row ``events`` (its whole trail, oldest first) give.

    ``row_digest`` is what the newest event's ``row_hash`` holds for a row
    (:func:`isoflow.store.codec.row_digest`).

    Each message says which check found it: the row digest the newest event recorded (writes
    since row digests exist) or the structural replay (every row; the only check for a row
    whose newest event predates row digests).
    """
    if not events:
        return [_("no events remain for the row")]
    newest = events[-1]
    problems = []
    if newest.row_hash is not None and row_digest(dossier) != newest.row_hash:
        problems.append(_("the row is not the one event {seq} recorded (row digest check)").format(seq=newest.seq))
    label = _("{problem} (structural check)") if newest.row_hash is not None else \
        _("{problem} (structural check: event {seq} predates row digests)")
    problems.extend(label.format(problem=problem, seq=newest.seq) for problem in replay_problems(dossier, events))
    return problems


def _dossier_json(dossier: Dossier) -> dict[str, JSON]:
    clock, step = dossier.clock, dossier.step
    return {
        "code": dossier.code, "process_code": dossier.process_code, "revision": dossier.revision,
        "state": dossier.state, "status": dossier.status, "data": dict(dossier.data),
        "applicant": dict(dossier.applicant), "channel": dossier.channel, "receiving_unit": dossier.receiving_unit,
        "received_at": _iso(dossier.received_at),
        "clock": {"started_at": _iso(clock.started_at), "due_at": _iso(clock.due_at),
                  "paused_at": _iso(clock.paused_at), "waited_s": int(clock.waited.total_seconds()),
                  "supplements": clock.supplements, "extensions": clock.extensions},
        "step": {"state": step.state, "entered_at": _iso(step.entered_at), "due_at": _iso(step.due_at)},
        "version": dossier.version, "last_hash": dossier.last_hash, "preparers": list(dossier.preparers),
        "closed_at": _iso(dossier.closed_at), "outcome": dossier.outcome, "form_set": dossier.form_set,
        "last_event_at": _iso(dossier.last_event_at), "reminded": list(dossier.reminded),
        "measures": dict(dossier.measures),
    }


def dossier_from_json(row: Mapping[str, JSON]) -> Dossier:
    """The inverse of :func:`dossier_to_json`."""
    c, s = row["clock"], row["step"]
    return Dossier(
        code=row["code"], process_code=row["process_code"], revision=row["revision"], state=row["state"],
        status=row["status"], data=row["data"], applicant=row["applicant"], channel=row["channel"],
        receiving_unit=row["receiving_unit"], received_at=datetime.fromisoformat(row["received_at"]),
        clock=Clock(datetime.fromisoformat(c["started_at"]), _dt(c["due_at"]), _dt(c["paused_at"]),
                    timedelta(seconds=c["waited_s"]), c["supplements"], c["extensions"]),
        step=StepClock(s["state"], datetime.fromisoformat(s["entered_at"]), _dt(s["due_at"])),
        version=row["version"], last_hash=row["last_hash"], preparers=tuple(row["preparers"]),
        closed_at=_dt(row["closed_at"]), outcome=row["outcome"], form_set=row.get("form_set", ""),
        last_event_at=_dt(row.get("last_event_at")), reminded=tuple(row.get("reminded", ())),
        measures=row.get("measures") or {},
    )
