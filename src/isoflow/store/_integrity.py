"""What a store checks of what it reads back: a loaded row against its newest event
(:func:`loaded`, :func:`replayed`) and a whole store or dossier from one snapshot
(:func:`store_problems`: each row with its trail, then the daily code sequences).

Both backends read the same rows and hand them here, so they find the same problems in the
same words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from isoflow.errors import DossierNotFound, DossierTampered, StoreError
from isoflow.model.dossier import Dossier
from isoflow.store._api import ChainProblem
from isoflow.store._common import FACT_COLUMNS, dossier_code, dossier_columns, unit_code
from isoflow.store.codec import read_dossier, read_event, row_digest, row_problems, verify_chain


def loaded(code: str, body: str | Mapping[str, Any], newest_seq: int | None, newest_hash: str | None,
           newest_row_hash: str | None) -> tuple[Dossier, bool]:
    """The dossier of a row read with its newest event's columns, and whether it still needs
    :func:`replayed` (its newest event has no row digest: written before row digests).

    The cheap check of every load: the row's version and last hash are its newest event's, and
    its digest is the one that event recorded.  It trusts the events' ``row_hash`` column;
    ``verify`` checks that column against the hashed event bodies.
    Raises :class:`DossierTampered` (carrying the row as stored) if they disagree.
    """
    dossier = read_dossier(body, code)
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
    dossier = read_dossier(body, code)
    trail = [read_event(raw, code, seq) for seq, raw in events]
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
        stored = read_dossier(body, code)
    except StoreError as error:
        problems.append(str(error))
        stored = None
    decoded = []
    broken = []  # what makes the trail untrustworthy to judge the row by
    for seq, raw, row_hash in events:
        try:
            event = read_event(raw, code, seq)
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
    if not (sep and sep2 and unit_code(unit) and len(day) == 6 and day.isdigit()
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
