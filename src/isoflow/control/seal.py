"""Checkpoints of the store-wide ledger, signed with the organisation's key, and their check.

The ledger (:mod:`isoflow.store.ledger`) puts every event of the store in one sequence; a
checkpoint seals it up to a row with a root chained from the previous checkpoint's.  Unsigned,
whoever can write the database could recompute everything; so each checkpoint is a statement
signed by the organisation (its seal key, the one that signs its papers: Circular 01/2018/TT-VPCP
Art. 10(1)(d) for electronic forms; Decree 30/2020/NĐ-CP for its documents), XML-DSig through
:func:`isoflow.signing.sign_xml`::

    <checkpoint xmlns="urn:isoflow:ledger:1" version="1" store="..." number="3" from="1001"
                upto="1500" root="..." previous="..." made-at="2026-07-01T17:00:00Z"/>

:func:`seal` adds one when at least ``every`` events joined the ledger since the last (the
interval the organisation chooses: run it from cron, or after each batch); :func:`check_seal`
verifies every checkpoint's signature against the trust list, that each names this store and says
what the row holds, and that every checkpoint was signed by the same organisation: a store copied
from another agency, sealed by that agency, is named as such (:class:`StoreCopied`), before
anything is loaded from it or written to it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from xml.sax.saxutils import quoteattr

from isoflow.errors import CheckpointMismatch, ControlError, StoreCopied, VerificationError
from isoflow.loading.parser import Parsed, parse
from isoflow.store.ledger import GENESIS_ROOT, Checkpoint, Snapshot, chain

if TYPE_CHECKING:
    from isoflow.control.approval import TrustRoots
    from isoflow.signing import Identity

__all__ = ["LEDGER_NAMESPACE", "SealCheck", "Sealable", "as_dict", "check_seal", "describe", "require_seal", "seal",
           "seal_report"]

LEDGER_NAMESPACE = "urn:isoflow:ledger:1"
_NS = "{" + LEDGER_NAMESPACE + "}"


class Sealable(Protocol):
    """What a store offers the seal (both backends do)."""

    def ledger(self, after: int | None = 0, *, sealing: bool = False, rows: bool = True) -> Snapshot: ...

    def add_checkpoint(self, checkpoint: Checkpoint, previous: int) -> None: ...


@dataclass(frozen=True, slots=True)
class SealCheck:
    """What :func:`check_seal` found: the checkpoints, who signed them, each problem in one line."""

    checkpoints: int
    sealed_upto: int
    head: int
    organisation: str
    signer: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _statement(store_id: str, number: int, first: int, upto: int, root: str, previous: str, at: datetime) -> bytes:
    made = at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return (f"<checkpoint xmlns=\"{LEDGER_NAMESPACE}\" version=\"1\" store={quoteattr(store_id)} number=\"{number}\" "
            f"from=\"{first}\" upto=\"{upto}\" root=\"{root}\" previous=\"{previous}\" made-at=\"{made}\"/>"
            ).encode("ascii")


def _read(signed: bytes) -> dict[str, str]:
    vetted = parse(signed, "the checkpoint")
    if not isinstance(vetted, Parsed):
        raise VerificationError(vetted.message)
    root = vetted.root
    if root.tag != _NS + "checkpoint" or root.get("version") != "1":
        raise VerificationError("it is not an isoflow checkpoint (urn:isoflow:ledger:1, version 1)")
    return {key: str(value) for key, value in root.attrib.items()}


def _organisation_of(signature: str, roots: TrustRoots) -> str:
    """The organisation (O) of the certificate a checkpoint's signature names, whether or not
    ``roots`` vouch for it: only to say whose a store's checkpoints claim to be."""
    from isoflow.signing import verify_xml

    try:
        return verify_xml(signature.encode("utf-8"), roots).organisation
    except VerificationError:
        return ""


def seal(store: Sealable, identity: Identity, *, every: int = 1, now: datetime | None = None) -> Checkpoint | None:
    """Seal the ledger up to its newest row with ``identity`` (the organisation's key), if at
    least ``every`` rows joined it since the last checkpoint; ``None`` when there were fewer.

    Refused, nothing written: :class:`StoreCopied` when the last checkpoint was signed by another
    organisation.  Only the rows since the last checkpoint are read (while no write can add one
    below them): whether the earlier ones still match is ``verify``'s question, not the seal's.
    """
    from isoflow.signing import sign_xml

    if every < 1:
        raise ControlError(f"the interval must be at least 1 event, not {every}")
    snapshot = store.ledger(after=None, sealing=True)  # the rows since the last checkpoint
    last = snapshot.last
    if last is not None:
        theirs = _organisation_of(last.signature, [identity.certificate, *identity.chain])
        if theirs != identity.organisation:
            raise StoreCopied(f"the store's checkpoints are signed by {theirs or 'no organisation'}, not by "
                              f"{identity.organisation or identity.name}: it was copied from another agency, and "
                              "is not sealed with this key")
    upto = last.upto if last else 0
    rows = list(snapshot.rows)
    if len(rows) < every:
        return None
    previous = last.root if last else GENESIS_ROOT
    root = chain(previous, rows)
    number = (last.number if last else 0) + 1
    statement = _statement(snapshot.store_id, number, upto + 1, rows[-1].seq, root, previous,
                           now or datetime.now(UTC))
    checkpoint = Checkpoint(number, rows[-1].seq, root, sign_xml(statement, identity).decode("utf-8"))
    store.add_checkpoint(checkpoint, number - 1)
    return checkpoint


def _one(checkpoint: Checkpoint, store_id: str, trust_roots: TrustRoots) -> tuple[str, Any, dict[str, str]]:
    """(the problem or "", the verdict, what was signed) of one checkpoint."""
    from isoflow.signing import verify_xml

    where = f"checkpoint {checkpoint.number}"
    try:
        verdict = verify_xml(checkpoint.signature.encode("utf-8"), trust_roots)
    except VerificationError as error:
        return f"{where}: its signature is unreadable: {error}", None, {}
    if not verdict.ok:
        if str(verdict.status) == "untrusted":
            who = f"{verdict.signer} ({verdict.organisation or 'no organisation'})"
            return (f"{where} is signed by {who}, whom the trust list does not vouch for: the store was sealed "
                    "by another agency (copied?)"), verdict, {}
        return f"{where}: its signature does not hold ({verdict.status}): {verdict.problem}", verdict, {}
    try:
        said = _read(verdict.signed_data)
    except VerificationError as error:
        return f"{where}: the signed statement is not a checkpoint: {error}", verdict, {}
    if said.get("store") != store_id:
        return (f"{where} seals store {said.get('store')}, not this one ({store_id}): the store, or the checkpoint, "
                "was copied from elsewhere"), verdict, said
    wrong = [key for key, value in (("number", str(checkpoint.number)), ("upto", str(checkpoint.upto)),
                                    ("root", checkpoint.root)) if said.get(key) != value]
    if wrong:
        return f"{where} does not match what was signed ({', '.join(wrong)})", verdict, said
    return "", verdict, said


def check_seal(snapshot: Snapshot, trust_roots: TrustRoots) -> SealCheck:
    """Each checkpoint's signature against ``trust_roots`` (the agency's own), and that it says
    what its row holds, for this store, in order, by one organisation.  The roots against the
    ledger rows are :func:`isoflow.store.ledger.problems`' job (``verify`` runs both)."""
    problems: list[str] = []
    organisation = signer = ""
    previous, upto = GENESIS_ROOT, 0
    for checkpoint in snapshot.checkpoints:
        problem, verdict, said = _one(checkpoint, snapshot.store_id, trust_roots)
        if problem:
            problems.append(problem)
        elif said.get("previous") != previous or said.get("from") != str(upto + 1):
            problems.append(f"checkpoint {checkpoint.number} does not follow checkpoint {checkpoint.number - 1} "
                            "(previous root or first row): checkpoints were removed or replaced")
        if verdict is not None and verdict.ok:
            if organisation and verdict.organisation != organisation:
                problems.append(f"checkpoint {checkpoint.number} is signed by {verdict.organisation}, the earlier "
                                f"ones by {organisation}")
            organisation, signer = organisation or verdict.organisation, verdict.signer
        previous, upto = checkpoint.root, checkpoint.upto
    return SealCheck(len(snapshot.checkpoints), upto, snapshot.head, organisation, signer, tuple(problems))


def require_seal(snapshot: Snapshot, trust_roots: TrustRoots) -> None:
    """The newest checkpoint is this agency's and this store's, or :class:`StoreCopied` /
    :class:`CheckpointMismatch`: what a desk opened in strict mode asks before it loads anything
    from the store or writes to it (a store with no checkpoint yet passes)."""
    if not snapshot.checkpoints:
        return
    problem, verdict, said = _one(snapshot.checkpoints[-1], snapshot.store_id, trust_roots)
    if not problem:
        return
    untrusted = verdict is not None and str(verdict.status) == "untrusted"
    elsewhere = bool(said) and said.get("store") != snapshot.store_id
    raise (StoreCopied if untrusted or elsewhere else CheckpointMismatch)(f"the store's {problem}")


def describe(check: SealCheck) -> list[str]:
    """The seal's state in lines for ``isoflow dossier verify``."""
    if not check.checkpoints:
        return ["ledger: no checkpoint yet (isoflow seal signs one)"]
    return [f"ledger: {check.checkpoints} checkpoint(s) signed by {check.signer} ({check.organisation}), "
            f"sealed up to #{check.sealed_upto} of #{check.head}"]


def as_dict(check: SealCheck) -> dict[str, Any]:
    return {"checkpoints": check.checkpoints, "sealed_upto": check.sealed_upto, "head": check.head,
            "organisation": check.organisation, "signer": check.signer, "problems": list(check.problems)}


def seal_report(store: Sealable, trust: Sequence[str | os.PathLike[str]]) -> tuple[list[str], list[str]]:
    """(problems, summary lines) of the store's checkpoints against the root certificates in
    ``trust``: what ``isoflow dossier verify --trust`` adds to the store's own problems."""
    from isoflow.signing import load_roots

    check = check_seal(store.ledger(after=0), load_roots([Path(p) for p in trust]))
    return [f"ledger: {problem}" for problem in check.problems], describe(check)
