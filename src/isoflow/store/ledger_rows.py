"""The rows of the store-wide ledger and its checkpoints, as values (:mod:`isoflow.store.ledger`
says what they mean; this module only holds them, so the store's contract can name them)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Checkpoint", "LedgerRow", "Snapshot"]


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One row of the ledger."""

    seq: int
    dossier: str
    event: int
    hash: str


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A seal of the ledger up to row ``upto``: ``root`` chained from the previous checkpoint's,
    and ``signature`` the organisation's signed statement of it (XML-DSig, :mod:`isoflow.control.seal`)."""

    number: int
    upto: int
    root: str
    signature: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The ledger as one snapshot read it: the store's id, rows from ``first`` on, the checkpoints."""

    store_id: str
    rows: tuple[LedgerRow, ...]
    checkpoints: tuple[Checkpoint, ...]

    @property
    def last(self) -> Checkpoint | None:
        return self.checkpoints[-1] if self.checkpoints else None

    @property
    def head(self) -> int:
        """The newest ledger row's number (0: empty)."""
        return self.rows[-1].seq if self.rows else (self.last.upto if self.last else 0)
