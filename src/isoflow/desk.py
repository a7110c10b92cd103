"""The one-stop desk: the engine and the store together, one transaction per action.

This is the composition the command line, the pytest plugin and embedding applications
use.  Each call reads the dossier (or takes the copy the caller holds, if this desk returned
it), lets the pure engine decide, seals the new events onto the dossier's hash chain and
writes dossier and events at once, conditional on the version and last hash that were read:
a concurrent change makes the write fail with StaleDossier, and nothing is half-written.

Each write's newest event records the digest of the row it wrote (:func:`seal_write`), and the
store's ``load`` checks a row against it: a row edited without an event raises
:class:`DossierTampered`, so ``act``, ``withdraw``, ``stop`` and ``remind`` refuse to act from a
forged step (``show`` raises it too; the error carries the row for a display that warns).

Every time a desk takes (``at``, ``as_of``) is a datetime: naive means Vietnam local time, an
aware one is converted to UTC+7; anything else (``None``) is :class:`InvalidArgument`.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from isoflow.errors import DossierTampered, InvalidArgument, StaleDossier
from isoflow.indicators.formulas import Rating
from isoflow.model.definition import revised
from isoflow.model.dossier import GENESIS, Channel, Dossier, Event, local_time, reminder_key
from isoflow.running.engine import Engine, Move, Option
from isoflow.store import ChainProblem, Store
from isoflow.store.codec import seal_write


@dataclass(frozen=True, slots=True)
class DueItem:
    """A dossier whose step or legal due time has passed, or falls within the window asked."""

    dossier: Dossier
    what: Literal["step", "dossier"]
    due_at: datetime
    overdue: bool
    left: timedelta  # working time until due; negative once overdue


class Desk:
    """Receive dossiers, act on them, read them back, find what is due."""

    #: How many dossiers this desk remembers having written (see ``act(..., dossier=)``).
    WRITTEN_MAX = 1024

    def __init__(self, engine: Engine, store: Store) -> None:
        self.engine = engine
        self.store = store
        # code -> the very Dossier object this desk last wrote for it: a copy handed back to
        # act() is trusted without a read only if it is that object (not an edited or
        # rebuilt one), and the store's conditional write still rejects it if it went stale.
        self._written: dict[str, Dossier] = {}
        self._evicting = threading.Lock()

    def receive(self, process_code: str, *, unit: str, channel: Channel, applicant: Mapping[str, Any],
                data: Mapping[str, Any], actor: str, role: str, at: datetime, comment: str = "") -> Dossier:
        """Receive a dossier; the store gives it the next code of ``unit`` for that day."""
        at = local_time(at)  # the code's day is the local day of receipt

        def factory(code: str) -> tuple[Dossier, Sequence[Event]]:
            move = self.engine.receive(code, process_code, unit=unit, channel=channel, applicant=applicant,
                                       data=data, actor=actor, role=role, at=at, comment=comment)
            return _sealed(move, GENESIS)

        dossier = self.store.create(unit, at.date(), factory)
        self._remember(dossier)
        return dossier

    def act(self, code: str, action: str, *, actor: str, role: str, at: datetime,
            data: Mapping[str, Any] | None = None, comment: str = "", receiver: str | None = None,
            expected_version: int | None = None, dossier: Dossier | None = None) -> Move:
        """Take an action on a stored dossier.  ``expected_version`` guards a copy read earlier.

        ``dossier`` is the copy the caller holds (what the last ``receive``/``act`` of this desk
        returned): the action is decided on it without reading the store again, and the write
        is conditional on its version and last hash, so if anyone wrote meanwhile it raises
        :class:`StaleDossier` and changes nothing, exactly as ``expected_version=dossier.version``
        does.  Any other copy (read elsewhere, rebuilt, edited) is only used for its version.
        """
        if dossier is not None:
            if dossier.code != code:
                raise ValueError(f"the copy given is dossier {dossier.code}, not {code}")
            if expected_version is None:
                expected_version = dossier.version
            if self._written.get(code) is not dossier or dossier.version != expected_version:
                dossier = None
        if dossier is None:
            dossier = self._current(code, expected_version)
        move = self.engine.fire(dossier, action, actor=actor, role=role, at=at, data=data, comment=comment,
                                receiver=receiver)
        return self._write(dossier, move)

    def _remember(self, dossier: Dossier) -> None:
        written = self._written
        written.pop(dossier.code, None)
        if len(written) >= self.WRITTEN_MAX:
            with self._evicting:  # threads sharing a desk: one evicts at a time
                for code in list(written)[: len(written) // 4 + 1]:  # the oldest quarter
                    written.pop(code, None)
        written[dossier.code] = dossier

    def withdraw(self, code: str, *, actor: str, role: str, reason: str, at: datetime) -> Move:
        """The applicant withdraws the dossier, with a reason."""
        dossier = self._current(code, None)
        return self._write(dossier, self.engine.withdraw(dossier, actor=actor, role=role, reason=reason, at=at))

    def stop(self, code: str, *, actor: str, role: str, reason: str, at: datetime) -> Move:
        """The agency stops processing the dossier, with a reason."""
        dossier = self._current(code, None)
        return self._write(dossier, self.engine.stop(dossier, actor=actor, role=role, reason=reason, at=at))

    def _current(self, code: str, expected_version: int | None) -> Dossier:
        dossier = self.store.load(code)
        if expected_version is not None and dossier.version != expected_version:
            raise StaleDossier(code, expected_version, dossier.version)
        return dossier

    def _write(self, before: Dossier, move: Move) -> Move:
        dossier, events = _sealed(move, before.last_hash)
        try:
            self.store.append(dossier, events, expected_version=before.version)
        except BaseException:
            self._written.pop(dossier.code, None)
            raise
        self._remember(dossier)
        return Move(dossier, tuple(events))

    def show(self, code: str) -> Dossier:
        """The stored dossier; :class:`DossierTampered` (with the row as stored in its
        ``dossier``) if its row does not match its audit trail."""
        return self.store.load(code)

    def values(self, code: str) -> dict[str, Any]:
        """The stored dossier's data typed by its fields (a date field as :class:`datetime.date`)."""
        return self.engine.values(self.store.load(code))

    def history(self, code: str) -> list[Event]:
        """The dossier's audit trail, oldest first: every event with who, when, from and to where."""
        return self.store.history(code)

    def options(self, code: str, role: str, actor: str | None = None) -> list[Option]:
        """What ``role`` (and ``actor``) may do now; a role the procedure does not declare is
        :class:`InvalidArgument` listing its roles (not an empty list)."""
        dossier = self.store.load(code)
        self.engine.check_role(dossier, role)
        return self.engine.available(dossier, role, actor)

    def due(self, as_of: datetime, within: timedelta = timedelta(0)) -> list[DueItem]:
        """Steps and dossiers overdue at ``as_of``, or due within ``within`` of working time."""
        as_of = local_time(as_of, "as_of")
        horizon = self._horizon(as_of, within)
        calendar = self.engine.calendar
        items = []
        for dossier in self.store.due(horizon):
            items.extend(_due_items(dossier, as_of, horizon, calendar.working_time_between))
        return sorted(items, key=lambda i: (i.due_at, i.dossier.code, i.what))

    def _horizon(self, as_of: datetime, within: timedelta) -> datetime:
        """``within`` of working time after ``as_of`` (``as_of`` itself for no window)."""
        if not isinstance(within, timedelta) or within < timedelta(0):
            raise InvalidArgument(f"within must be a timedelta of zero or more, not {within!r}")
        calendar = self.engine.calendar
        return calendar.add_working_time(calendar.next_working_instant(as_of), within) if within else as_of

    def remind(self, worker: str, as_of: datetime, within: timedelta = timedelta(0),
               lease_seconds: int = 300, batch: int = 100,
               refused: list[DossierTampered] | None = None) -> list[Event]:
        """Record a reminder for each due time that falls due, once; safe with many workers.

        The store leases each claimed dossier to one worker and offers only dossiers with a
        due time not yet reminded, so passes go through every due dossier, batch by batch,
        and a reminder already written is never written again.

        A dossier is reminded only after ``load`` found its row to be what its trail gives (a
        reminder written on a forged row would record the forged step).  One that is not
        raises :class:`DossierTampered`; with ``refused`` given it is added there instead
        (once) and the pass goes on with the others.
        """
        as_of = local_time(as_of, "as_of")
        if not isinstance(worker, str) or not worker.strip():
            raise InvalidArgument("worker must name the worker (a non-blank text): it is the reminders' actor")
        # A lease of 0 is allowed (every worker may claim every due dossier: tests, one-off passes).
        for name, number, least in (("lease_seconds", lease_seconds, 0), ("batch", batch, 1)):
            if type(number) is not int or number < least:
                raise InvalidArgument(f"{name} must be a whole number of at least {least}, not {number!r}")
        horizon = self._horizon(as_of, within)
        written: list[Event] = []
        seen: set[str] = set()
        while True:
            claimed = self.store.claim_due(horizon, worker, as_of, lease_seconds, batch)
            progress = False
            for dossier in claimed:
                if not any(due <= horizon for _, due in dossier.unreminded()):
                    continue
                try:
                    dossier = self.store.load(dossier.code)
                except DossierTampered as error:
                    if refused is None:
                        raise
                    if error.code not in seen:
                        seen.add(error.code)
                        refused.append(error)
                    continue
                fresh = [(what, due) for what, due in dossier.unreminded() if due <= horizon]
                if not fresh or dossier.is_closed:
                    continue
                events = [Event(dossier=dossier.code, seq=dossier.version + n, kind="reminded", at=as_of,
                                actor=worker, role="system", source=dossier.state, target=dossier.state,
                                data={"what": what, "due_at": due.isoformat(), "overdue": due < as_of})
                          for n, (what, due) in enumerate(fresh, start=1)]
                reminded = (*dossier.reminded, *(reminder_key(w, d) for w, d in fresh))
                updated = revised(dossier, version=dossier.version + len(events),
                                  last_event_at=max(as_of, dossier.last_event_at or as_of), reminded=reminded)
                updated, sealed = seal_write(updated, events, dossier.last_hash)
                self._written.pop(dossier.code, None)
                try:
                    self.store.append(updated, sealed, expected_version=dossier.version)
                except StaleDossier:
                    continue  # someone acted on it meanwhile; the next pass sees the new state
                written.extend(sealed)
                progress = True
            if len(claimed) < batch or not progress:
                return written

    def rate(self, code: str, rating: Rating, at: datetime) -> None:
        """Record the citizen's evaluation of a dossier (Decree 61/2018 Art. 31); a new one
        replaces the old.  Levels outside 0-2 or topics outside
        :data:`~isoflow.indicators.formulas.RATING_TOPICS` are refused, listing what is allowed."""
        if not isinstance(rating, Rating):
            raise InvalidArgument(f"rating must be an isoflow.Rating, not {type(rating).__name__}")
        self.store.rate(code, local_time(at), rating)

    def verify(self, code: str | None = None) -> list[ChainProblem]:
        """What was edited or deleted behind the engine's back (``[]`` when nothing was)."""
        return self.store.verify(code)

    def close(self) -> None:
        """Release the store's connection; the desk is not used afterwards."""
        self.store.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sealed(move: Move, prev_hash: str) -> tuple[Dossier, list[Event]]:
    return seal_write(move.dossier, move.events, prev_hash)


def _due_items(dossier: Dossier, as_of: datetime, horizon: datetime, between: Any) -> list[DueItem]:
    return [DueItem(dossier, what, due, due < as_of, between(as_of, due))  # type: ignore[arg-type]
            for what, due in dossier.due_times() if due <= horizon]
