"""What a store checks of what it reads back: a loaded row against its newest event
(:func:`loaded`, :func:`replayed`) and a whole store or dossier from one snapshot
(:func:`store_problems`: each row with its trail, then the daily code sequences).

Both backends read the same rows and hand them here, so they find the same problems in the
same words."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from isoflow.errors import DossierNotFound, DossierTampered, StoreError
from isoflow.i18n import translate as _
from isoflow.model.dossier import Dossier
from isoflow.store._api import ChainProblem
from isoflow.store._common import FACT_COLUMNS, MAX_SEQUENCE, dossier_code, dossier_columns, step_rows, unit_code
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
    if dossier.code != code:  # e.g. two rows (and their events) swapped
        raise DossierTampered(code, _("the row's body is dossier {code}'s").format(code=dossier.code), dossier)
    if newest_seq is None:
        raise DossierTampered(code, _("no events remain for the row"), dossier)
    if type(newest_seq) is not int:  # SQLite keeps any text in an INTEGER column
        raise DossierTampered(code, _("the newest event's seq column holds {value!r}, not a number").format(
            value=newest_seq), dossier)
    if newest_seq != dossier.version:
        raise DossierTampered(code, _("the row is at version {version} but its newest event is {seq}").format(
            version=dossier.version, seq=newest_seq), dossier)
    if newest_hash != dossier.last_hash:
        raise DossierTampered(code, _("the row's last hash is not the hash of its newest event {seq}").format(
            seq=newest_seq), dossier)
    if newest_row_hash is None:
        return dossier, True
    if row_digest(dossier) != newest_row_hash:
        raise DossierTampered(code, _("the row is not the one event {seq} recorded (row digest check)").format(
            seq=newest_seq), dossier)
    return dossier, False


def replayed(code: str, body: str | Mapping[str, Any],
             events: Iterable[tuple[int, str | Mapping[str, Any]]]) -> Dossier:
    """The dossier of a row whose newest event has no row digest column, checked against its
    whole trail (read in the same snapshot): the hash chain (so that the newest event's row
    digest cannot have been taken out of its body and column: its hash covered it), no row
    digest missing after one was recorded (a trail cannot go back to the older writes), then
    :func:`isoflow.model.dossier.row_problems`."""
    dossier = read_dossier(body, code)
    if dossier.code != code:
        raise DossierTampered(code, _("the row's body is dossier {code}'s").format(code=dossier.code), dossier)
    trail = []
    for seq, raw in events:
        if type(seq) is not int:
            raise DossierTampered(code, _("an event's seq column holds {value!r}, not a number").format(value=seq),
                                  dossier)
        trail.append(read_event(raw, code, seq))
    problems = [_("event {seq}: its body says dossier {dossier}").format(seq=event.seq, dossier=event.dossier)
                for event in trail if event.dossier != code]
    if trail and (trail[-1].seq != dossier.version or trail[-1].hash != dossier.last_hash):
        problems.append(_("the row is at version {version} but its newest event is {seq}").format(
                            version=dossier.version, seq=trail[-1].seq)
                        if trail[-1].seq != dossier.version else
                        _("the row's last hash is not the hash of its newest event {seq}").format(seq=trail[-1].seq))
    problems.extend(verify_chain(trail))
    recorded = [event.seq for event in trail if event.row_hash is not None]
    if recorded and trail[-1].row_hash is None:
        problems.append(_("event {seq} records no row digest, but event {before} before it does (a row digest was "
                          "removed)").format(seq=trail[-1].seq, before=recorded[-1]))
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


#: A ``step_times`` row as verify reads it: these columns, in this order.
STEP_COLUMNS = ("dossier", "seq", "process_code", "step", "at", "worked_min", "result", "weight")
StepRow = Sequence[Any]


def chain_problems(code: str, body: str | Mapping[str, Any], columns: Mapping[str, Any],
                   events: Sequence[tuple[int, str | Mapping[str, Any], str | None]],
                   steps: Sequence[StepRow] = (), step_time: Callable[[datetime], Any] | None = None,
                   ) -> list[ChainProblem]:
    """Every problem of one dossier: its row's columns and body, its events' bodies and
    ``row_hash`` columns, its hash chain, and (if the chain is whole) whether the row is what
    its events give (:func:`isoflow.model.dossier.row_problems`) and whether its ``step_times``
    rows are what its events record (:func:`step_problems`; with ``step_time``, the dialect's
    form of a time column).

    ``columns`` are the row's column values by name (at least ``version`` and ``last_hash``),
    ``events`` its (seq, body, row_hash column), oldest first, ``steps`` its step_times rows.
    """
    problems: list[str] = []
    version: int | None = columns["version"]
    if type(version) is not int:  # SQLite keeps any text in an INTEGER column
        problems.append(_("the dossier row's version column holds {value!r}, not a number").format(value=version))
        version = None
    last_hash = str(columns["last_hash"])
    stored: Dossier | None
    try:
        stored = read_dossier(body, code)
    except StoreError as error:
        problems.append(str(error))
        stored = None
    if stored is not None and stored.code != code:
        problems.append(_("the row's body is dossier {code}'s").format(code=stored.code))
    decoded = []
    broken = []  # what makes the trail untrustworthy to judge the row by
    for seq, raw, row_hash in events:
        if type(seq) is not int:
            broken.append(_("an event's seq column holds {value!r}, not a number").format(value=seq))
            continue
        try:
            event = read_event(raw, code, seq)
        except StoreError as error:
            broken.append(str(error))
            continue
        if event.seq != seq or event.dossier != code:
            broken.append(_("event {seq}: its body says dossier {dossier} event {event}").format(
                seq=seq, dossier=event.dossier, event=event.seq))
        if event.row_hash != row_hash:
            problems.append(_("event {seq}: its row_hash column is not the row digest its body records").format(
                seq=seq))
        decoded.append(event)
    broken.extend(verify_chain(decoded, last_hash, version))
    if stored is not None:
        names = CHECKED_COLUMNS + (FACT_COLUMNS if decoded and decoded[-1].row_hash is not None else ())
        disagreeing = _disagreeing(stored, columns, names)
        if disagreeing:
            problems.insert(0, _("the dossier row's columns disagree with its body ({columns})").format(
                columns=", ".join(disagreeing)))
    problems.extend(broken)
    if stored is not None and not broken:
        # Judged only against a whole, unbroken trail: a broken chain is reported above, and
        # what a replay of it would say adds nothing but noise.
        problems.extend(row_problems(stored, decoded))
        if step_time is not None:
            problems.extend(step_problems(stored, decoded, steps, step_time))
    return [ChainProblem(code, message) for message in problems]


def step_problems(stored: Dossier, events: Sequence[Any], rows: Sequence[StepRow],
                  step_time: Callable[[datetime], Any]) -> list[str]:
    """Whether a dossier's ``step_times`` rows are the ones its events give.

    The report's per-step table and late-step counts read these rows, not the events, so a row
    edited, added or deleted by hand would change an indicator unseen.  Each row is derived
    from one event (:func:`isoflow.store._common.step_rows`), so verify derives them again and
    compares.  A missing row is reported for events written with a row digest (schema 5 on);
    older rows were filled by a migration's SQL.  A dossier back in a step writes a second row
    that cancels the first (``seq`` negated, weight -1): it too is derived from its event.
    """
    expected = {row[1]: (*row[:4], step_time(row[4]), *row[5:]) for row in step_rows(stored, events)}
    sealed = {event.seq for event in events if event.row_hash is not None}
    problems = []
    found = set()
    for row in rows:
        seq = row[1]
        found.add(seq)
        want = expected.get(seq)
        if want is None:
            problems.append(_("step_times has a row for event {seq!r}, which left no timed step: the row was added "
                              "by hand").format(seq=seq))
        elif tuple(row) != want:
            differing = ", ".join(name for name, have, should in zip(STEP_COLUMNS, row, want, strict=True)
                                  if have != should)
            problems.append(_("step_times row of event {seq} disagrees with the event ({columns})").format(
                seq=seq, columns=differing))
    for seq in sorted(expected.keys() - found):
        if abs(seq) in sealed:
            message = (_("step_times has no row for event {seq}, which left step {step} (a row was deleted)")
                       if seq > 0 else
                       _("step_times has no row for the cancellation (seq {seq}) written by event {event}, which "
                         "left step {step} (a row was deleted)"))
            problems.append(message.format(seq=seq, event=-seq, step=expected[seq][3]))
    return problems


def parse_code(code: str) -> tuple[str, str, int] | None:
    """(unit, YYMMDD, number) of a dossier code ``<unit>-YYMMDD-XXXX``; None if it is not one."""
    unit, sep, rest = code.partition("-")
    day, sep2, number = rest.partition("-")
    if not (sep and sep2 and unit_code(unit) and len(day) == 6 and day.isdigit()
            and len(number) == 4 and number.isdigit()):
        return None
    return unit, day, int(number)


def _missing(unit: str, day: date, last: int, numbers: Iterable[int]) -> list[ChainProblem]:
    """One problem per run of consecutive codes given whose dossiers are gone (a run of thousands,
    e.g. a forged sequence, is one line, not thousands)."""
    problems = []
    runs: list[list[int]] = []
    for number in numbers:
        if runs and runs[-1][1] == number - 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    said = {"day": day.isoformat(), "unit": unit, "last": f"{last:04d}"}
    for first, end in runs:
        if first == end:
            problems.append(ChainProblem(dossier_code(unit, day, first), _(
                "no dossier row or events remain, although its code was given on {day} (the daily sequence of unit "
                "{unit} reached {last}): the whole dossier was deleted").format(**said)))
        else:
            problems.append(ChainProblem(dossier_code(unit, day, first), _(
                "no dossier row or events remain for the {count} codes up to {code}, although they were given on "
                "{day} (the daily sequence of unit {unit} reached {last}): the whole dossiers were deleted, or the "
                "sequence was forged").format(count=end - first + 1, code=dossier_code(unit, day, end), **said)))
    return problems


def sequence_problems(sequences: Iterable[tuple[str, date | str, Any]], rows: Iterable[str],
                      orphans: Mapping[str, int], only: str | None = None) -> list[ChainProblem]:
    """What the daily code sequences say is missing or was never given.

    ``sequences`` are (unit, day, last number given), ``rows`` the codes of every dossier row,
    ``orphans`` the codes whose events remain without a row (and how many).  Every code of a
    sequence up to its last number was given to a dossier that was stored in the same
    transaction, so a code with neither row nor events is a deleted dossier; a row whose code
    no sequence gave was inserted by hand.  A sequence past the 4-digit maximum (or not a
    number) is one problem, its codes not listed.  With ``only`` (a dossier code) just that
    code is looked for.  Deleting the sequence row together with its dossiers is not detectable
    here: that needs a store-wide signed ledger.
    """
    given: dict[tuple[str, str], tuple[date, int]] = {}
    problems = []
    present = set(rows)
    wanted = parse_code(only) if only is not None else None
    for unit, raw_day, last in sequences:
        try:
            day = raw_day if isinstance(raw_day, date) else date.fromisoformat(str(raw_day))
        except ValueError:
            problems.append(ChainProblem(unit, _("code_sequences has an unreadable day {day!r} for this unit").format(
                day=raw_day)))
            continue
        if type(last) is not int or not 1 <= last <= MAX_SEQUENCE:
            problems.append(ChainProblem(f"{unit}-{day:%y%m%d}", _(
                "code_sequences says unit {unit} reached {last!r} on {day}: not a number from 1 to {most} (the "
                "4-digit daily sequence); the row was forged").format(unit=unit, last=last, day=day.isoformat(),
                                                                     most=MAX_SEQUENCE)))
            given[(unit, f"{day:%y%m%d}")] = (day, MAX_SEQUENCE)  # its rows are not "never given"
            continue
        given[(unit, f"{day:%y%m%d}")] = (day, last)
        numbers = range(1, last + 1) if wanted is None else [wanted[2]] if wanted[2] <= last else []
        problems.extend(_missing(unit, day, last, (number for number in numbers
                                                   if dossier_code(unit, day, number) not in present
                                                   and dossier_code(unit, day, number) not in orphans)))
    for code, count in orphans.items():
        problems.append(ChainProblem(code, _("its current-state row is gone but {count} event(s) remain").format(
            count=count)))
    for code in present:
        parsed = parse_code(code)
        if parsed is None:
            problems.append(ChainProblem(code, _("this is not a dossier code a daily sequence gives "
                                                 "(<unit>-YYMMDD-XXXX): the row was inserted by hand")))
            continue
        unit, day_text, number = parsed
        entry = given.get((unit, day_text))
        if entry is None or not 1 <= number <= entry[1]:
            message = (_("its code was never given: the daily sequence of unit {unit} for {day} reached {last}; the "
                         "row was inserted by hand") if entry else
                       _("its code was never given: the daily sequence of unit {unit} for {day} has no entry; the row "
                         "was inserted by hand"))
            problems.append(ChainProblem(code, message.format(unit=unit, day=day_text,
                                                              last=f"{entry[1]:04d}" if entry else "")))
    return sorted(problems, key=lambda p: p.dossier)


def code_day(code: str) -> tuple[str, date] | None:
    """(unit, receipt day) of a dossier code; None if it is not one."""
    parsed = parse_code(code)
    if parsed is None:
        return None
    unit, day, _number = parsed
    try:
        return unit, date(2000 + int(day[:2]), int(day[2:4]), int(day[4:]))
    except ValueError:
        return None


def sequences_of(code: str | None, placeholder: str, day_as_text: bool) -> tuple[str, tuple[object, ...]]:
    """The ``WHERE`` clause and parameters of the ``code_sequences`` rows ``verify(code)`` needs:
    all of them, or the one of the dossier's unit and day (none if ``code`` is not a dossier code)."""
    if code is None:
        return "", ()
    where = f"WHERE unit = {placeholder} AND day = {placeholder}"
    found = code_day(code)
    if found is None:
        return f"WHERE unit = {placeholder}", ("",)
    unit, day = found
    return where, (unit, day.isoformat() if day_as_text else day)


#: The columns :func:`store_problems` reads of each dossier row, after ``code`` and ``body``.
VERIFY_COLUMNS = CHECKED_COLUMNS + FACT_COLUMNS


def store_problems(code: str | None, rows: Iterable[Sequence[Any]],
                   events: Iterable[tuple[str, int, str | Mapping[str, Any], str | None]],
                   sequences: Iterable[tuple[str, date | str, int]],
                   steps: Iterable[StepRow] = (), step_time: Callable[[datetime], Any] | None = None,
                   ) -> list[ChainProblem]:
    """What ``verify`` reports, from one snapshot of the store (or of one dossier, ``code``).

    ``rows`` are (code, body, *VERIFY_COLUMNS) in creation order, ``events`` (dossier, seq,
    body, row_hash column) ordered by dossier and seq, ``sequences`` the ``code_sequences``
    rows (for one dossier: those of its unit and day), ``steps`` the ``step_times`` rows
    (checked when ``step_time`` is given).  First each row's own problems
    (:func:`chain_problems`), then what the sequences show (:func:`sequence_problems`).
    :class:`DossierNotFound` if ``code`` has no row, no events and was never given.
    """
    trails: dict[str, list[tuple[int, str | Mapping[str, Any], str | None]]] = {}
    for dossier, seq, body, row_hash in events:
        trails.setdefault(dossier, []).append((seq, body, row_hash))
    step_trails: dict[str, list[StepRow]] = {}
    for step in steps:
        step_trails.setdefault(str(step[0]), []).append(step)
    problems = []
    codes = []
    for row in rows:
        row_code, body = str(row[0]), row[1]
        codes.append(row_code)
        columns = dict(zip(VERIFY_COLUMNS, row[2:], strict=True))
        problems.extend(chain_problems(row_code, body, columns, trails.pop(row_code, []),
                                       step_trails.pop(row_code, []), step_time))
    for orphan, stray in step_trails.items():
        problems.append(ChainProblem(orphan, _("step_times has {count} row(s) of this dossier, which has no "
                                               "row").format(count=len(stray))))
    found = sequence_problems(sequences, codes, {orphan: len(trail) for orphan, trail in trails.items()}, code)
    if code is not None:  # its own problems, and its unit's sequence of that day
        found = [problem for problem in found if problem.dossier == code or code.startswith(problem.dossier + "-")]
        if not codes and not found:
            raise DossierNotFound(code)
    return problems + found
