"""The store contract: what the engine's composition root needs from a database.

Two backends implement it: SQLite (embedded default: a file, or ``:memory:``) and
PostgreSQL (several workers on one database).  One contract test suite runs against both.

The model is a current-state row per dossier plus an append-only, hash-chained event log.
Every write is one transaction: either the dossier row and all its new events are stored,
or nothing is.  Writes carry the version they were based on (optimistic concurrency), and
the newest event of each write records the digest of the row it wrote
(:func:`isoflow.store.codec.seal_write`), which is what lets ``load`` and ``verify`` see a row
changed without an event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from isoflow.indicators.formulas import Rating
from isoflow.model.dossier import Dossier, Event

if TYPE_CHECKING:
    from isoflow.store.ledger_rows import Checkpoint, Snapshot

#: Builds a new dossier and its first events once the store has allocated its code.
Factory = Callable[[str], tuple[Dossier, Sequence[Event]]]

SCHEMA_VERSION = 10


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """One integrity problem found by :meth:`Store.verify`."""

    dossier: str
    message: str

    def __str__(self) -> str:
        return f"{self.dossier}: {self.message}"


class Store(Protocol):
    """Durable dossiers and events."""

    #: (process code, revision) -> the digest of that revision's content: a dossier received under
    #: it keeps it (``started_on``); the composition root sets it (:func:`isoflow.workspace.open_desk`).
    revision_digests: dict[tuple[str, int], str]

    def create(self, unit: str, day: date, factory: Factory) -> Dossier:
        """Allocate the next code ``<unit>-YYMMDD-XXXX`` for ``unit`` on ``day`` and store what
        ``factory(code)`` returns, in one transaction: no gaps, no duplicates under concurrency.
        The events must already be sealed by the caller with :func:`isoflow.store.codec.seal_write`
        (hash-chained, the newest recording the row's digest)."""
        ...

    def load(self, code: str) -> Dossier:
        """The current dossier; :class:`~isoflow.errors.DossierNotFound` if there is none.

        :class:`~isoflow.errors.DossierTampered` (carrying the row as stored) if the row is not
        what its newest event recorded (version, last hash, row digest); a row whose newest
        event predates row digests is replayed structurally against its whole trail instead.
        This check trusts the events' ``row_hash`` column; :meth:`verify` checks it too."""
        ...

    def history(self, code: str) -> list[Event]:
        """Every event of the dossier, oldest first; DossierNotFound if unknown."""
        ...

    def append(self, dossier: Dossier, events: Sequence[Event], expected_version: int) -> None:
        """Replace the dossier row and add its new events (sealed with
        :func:`isoflow.store.codec.seal_write`), only if the stored version is still
        ``expected_version``; otherwise raise :class:`~isoflow.errors.StaleDossier` and change
        nothing."""
        ...

    def due(self, before: datetime, limit: int = 1000) -> list[Dossier]:
        """Open dossiers whose step or legal due time is at or before ``before``, earliest first."""
        ...

    def claim_due(self, before: datetime, worker: str, now: datetime, lease_seconds: int = 300,
                  limit: int = 100) -> list[Dossier]:
        """Like :meth:`due`, but each dossier returned is leased to ``worker`` until
        ``now + lease``: concurrent workers never receive the same dossier while its lease runs.
        The rows are not checked against their trails: :meth:`load` one before acting on it."""
        ...

    def codes(self) -> list[str]:
        """Every dossier code, in creation order."""
        ...

    def verify(self, code: str | None = None) -> list[ChainProblem]:
        """Every integrity problem of one dossier (or of the whole store), from one snapshot.

        Detected: an edited, reordered or deleted event (the hash chain), newest events removed
        (the row's version and last hash), a row edited without an event (the row digest its
        newest event recorded, and a structural replay of step, status and closing, the only
        check for rows written before row digests), row columns that disagree with the body, an
        event's ``row_hash`` column that disagrees with its hashed body; and from the daily code
        sequences, a whole dossier deleted (a code given with neither row nor events), events
        whose row is gone, a row whose code no sequence gave.  Asked for one code, a deleted
        dossier is reported rather than :class:`~isoflow.errors.DossierNotFound` (raised only
        for a code never given and with nothing stored).

        And from the store-wide ledger (:mod:`isoflow.store.ledger`): a dossier deleted with its
        code sequence row, events deleted, inserted, reordered or rewritten, ledger rows deleted,
        a ledger shorter than a checkpoint sealed, a checkpoint whose root the rows do not give.
        The checkpoints' signatures are checked above the store (:mod:`isoflow.control.seal`).
        Not detectable: events removed with their ledger rows after the last checkpoint."""
        ...

    def tallies(self, start: datetime, end: datetime) -> list[dict[str, Any]]:
        """Per procedure code, the :class:`~isoflow.indicators.formulas.Tally` counts of ``[start, end)``."""
        ...

    def worked_minutes(self, start: datetime, end: datetime) -> list[tuple[str, int, int]]:
        """(procedure code, working minutes, dossiers) of the dossiers resolved in ``[start, end)``."""
        ...

    def step_minutes(self, start: datetime, end: datetime) -> list[tuple[str, str, int, int, int]]:
        """(procedure code, step, working minutes, count, late) of the steps left in ``[start, end)``."""
        ...

    def rate(self, code: str, at: datetime, rating: Rating) -> None:
        """Record (or replace) the citizen's rating of a dossier; DossierNotFound if unknown."""
        ...

    def rating(self, code: str) -> Rating | None:
        """The dossier's rating, if it was rated."""
        ...

    def ledger(self, after: int | None = 0, *, sealing: bool = False, rows: bool = True) -> Snapshot:
        """The store's id, its ledger rows after ``after`` and every checkpoint, in one snapshot
        (:mod:`isoflow.store.ledger`); ``after=None``: the rows after the newest checkpoint and that
        checkpoint only; ``rows=False``: no rows; ``sealing``: no write in flight can still add a
        row below the newest one read."""
        ...

    def add_checkpoint(self, checkpoint: Checkpoint, previous: int) -> None:
        """Store a signed checkpoint if the newest one is still number ``previous`` (else StoreError)."""
        ...

    def started_on_other(self, process_code: str, revision: int, digest: str, limit: int = 20) -> tuple[int, list[str]]:
        """How many dossiers of the revision were received under other content than ``digest``,
        and the first ``limit`` of their codes."""
        ...

    def schema_version(self) -> int:
        """The schema version of the database (migrations bring it to SCHEMA_VERSION)."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...
