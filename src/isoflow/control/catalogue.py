"""The list of controlled documents (danh mục tài liệu): each revision's life on a given day.

A revision is a *draft* until the approver named in it has signed it (:mod:`isoflow.control.approval`);
then *approved*, and *in force* from its effective date; it stays in force until a newer
approved revision of the same code comes into force (*superseded*, by that one) or its own end
date (``until``) has passed: then it is *superseded* by the procedure it names as its successor
(``replaced-by``), else *withdrawn*.  A draft never supersedes anything, so a revision whose dates
say it is in force but which nobody approved is flagged (``due``): that is what ``isoflow catalogue
--strict`` fails on, with every file that cannot be read.  A shared ``<flow>`` has no document
control of its own: it is listed for completeness, and each approval of a procedure that extends
it records its digest.

ISO 9001:2015 7.5.3.2(c)-(d) ask for version control and for obsolete documents to be kept from
unintended use: superseded and withdrawn revisions stay listed, marked, with their successor.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from isoflow.control.approval import Approval, ApprovalStatus, check_approval, signature_path
from isoflow.errors import ControlError
from isoflow.loading.discovery import discover
from isoflow.loading.loader import load_bytes
from isoflow.loading.parser import read_bytes
from isoflow.model.definition import ProcessDefinition

if TYPE_CHECKING:
    from isoflow.control.approval import TrustRoots

__all__ = ["Entry", "Life", "MasterList", "flows_in", "master_list"]


class Life(enum.StrEnum):
    """Where a revision is in its life on the day asked about."""

    DRAFT = "draft"            # not (validly) approved
    APPROVED = "approved"      # approved, not yet in force
    IN_FORCE = "in-force"      # approved and in force
    SUPERSEDED = "superseded"  # replaced by a newer approved revision in force, or by its named successor
    WITHDRAWN = "withdrawn"    # its end date has passed and nothing replaces it
    FLOW = "flow"              # a shared flow: no document control of its own
    UNREADABLE = "unreadable"  # not a usable process file


@dataclass(frozen=True, slots=True)
class Entry:
    """One file of the list: the revision, its approval and its life on the list's day.

    ``superseded_by`` is ``"QT-XD-01 r2"`` for a newer revision of the same code, or the code a
    withdrawn procedure names as its successor; ``due`` says the revision's own dates put it in
    force on the day although it is not approved; ``problem`` is one line (unreadable files, the
    approval's problem, a revision listed twice).
    """

    path: str
    kind: str
    code: str
    revision: int
    title: str
    effective: date | None
    until: date | None
    approver: str
    approved_on: date | None
    approval: Approval | None
    life: Life
    superseded_by: str = ""
    due: bool = False
    problem: str = ""

    @property
    def failing(self) -> bool:
        """Whether ``--strict`` fails on this entry: unreadable, or in force by its dates unapproved."""
        return self.life is Life.UNREADABLE or self.due

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "code": self.code, "revision": self.revision,
                "title": self.title, "effective": self.effective.isoformat() if self.effective else None,
                "until": self.until.isoformat() if self.until else None, "approver": self.approver,
                "approved_on": self.approved_on.isoformat() if self.approved_on else None,
                "status": str(self.life), "superseded_by": self.superseded_by or None, "due": self.due,
                "failing": self.failing, "problem": self.problem or None,
                "approval": self.approval.as_dict() if self.approval else None}


@dataclass(frozen=True, slots=True)
class MasterList:
    """The entries on ``on``, by code then revision; ``verified``: trust roots were given."""

    on: date
    entries: tuple[Entry, ...]
    verified: bool

    @property
    def failing(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.failing)

    def as_dict(self) -> dict[str, Any]:
        return {"on": self.on.isoformat(), "verified": self.verified, "ok": not self.failing,
                "entries": [e.as_dict() for e in self.entries]}


@dataclass(frozen=True, slots=True)
class _File:
    path: Path
    data: bytes
    definition: ProcessDefinition | None
    problem: str


def _read(path: Path) -> _File:
    try:
        data = read_bytes(path)
    except OSError as error:
        return _File(path, b"", None, f"cannot read it: {error.strerror or error}")
    result = load_bytes(data, str(path))
    if result.definition is None:
        first = result.findings[0] if result.findings else None
        return _File(path, data, None, f"not a usable process file: {first.message if first else 'unknown'}")
    return _File(path, data, result.definition, "")


def _signature(path: Path) -> tuple[bytes | None, str]:
    target = signature_path(path)
    try:
        with target.open("rb") as handle:
            return handle.read(512 * 1024), ""
    except FileNotFoundError:
        return None, ""
    except OSError as error:
        return b"", f"cannot read {target.name}: {error.strerror or error}"


def master_list(paths: Sequence[str | os.PathLike[str]], trust_roots: TrustRoots = (),
                on: date | None = None) -> MasterList:
    """The list of the process files under ``paths`` (folders searched recursively) on ``on``
    (default today), each approval checked against ``trust_roots`` (none: read, not verified).

    Raises :class:`isoflow.errors.UsageError` for a path that does not exist or holds no process file.
    """
    day = on or date.today()
    files = [_read(path) for path in discover(paths)]
    flows = {f.definition.code: f.data for f in files if f.definition is not None and f.definition.kind == "flow"}
    checked: list[tuple[_File, Approval | None, str]] = []
    for file in files:
        definition = file.definition
        if definition is None or definition.kind == "flow":
            checked.append((file, None, file.problem))
            continue
        signature, unreadable = _signature(file.path)
        if unreadable:
            checked.append((file, None, unreadable))
            continue
        try:
            approval = check_approval(file.data, signature, trust_roots, name=str(file.path),
                                      flow=flows.get(definition.extends or ""), definition=definition)
        except ControlError as error:
            checked.append((file, None, str(error)))
            continue
        missing = definition.extends and definition.extends not in flows and approval.statement is not None
        checked.append((file, approval, f"its flow {definition.extends} is not in the list: not checked"
                        if missing else approval.problem))
    return MasterList(day, tuple(_lives(checked, day, bool(trust_roots))), bool(trust_roots))


def _counts(approval: Approval | None, verified: bool) -> bool:
    """Whether an approval makes the revision approved (unverified ones count when no root was given:
    the list then says so on every line)."""
    if approval is None:
        return False
    return approval.ok or (not verified and approval.status is ApprovalStatus.UNVERIFIED)


def _lives(checked: list[tuple[_File, Approval | None, str]], day: date, verified: bool) -> list[Entry]:
    by_code: dict[str, list[tuple[_File, Approval | None, str]]] = {}
    entries: list[Entry] = []
    for item in checked:
        definition = item[0].definition
        if definition is None:
            entries.append(Entry(str(item[0].path), "", item[0].path.stem, 0, "", None, None, "", None, None,
                                 Life.UNREADABLE, problem=item[2]))
        else:
            by_code.setdefault(definition.code, []).append(item)
    for code, items in by_code.items():
        items.sort(key=lambda item: (item[0].definition.revision if item[0].definition else 0, str(item[0].path)))
        revisions = [item[0].definition.revision for item in items if item[0].definition]
        approved = [(d.revision, d) for f, a, _ in items if (d := f.definition) and _counts(a, verified)]
        for file, approval, problem in items:
            definition = file.definition
            assert definition is not None
            if revisions.count(definition.revision) > 1:
                problem = "; ".join(p for p in (problem, f"revision {definition.revision} of {code} is listed "
                                                "more than once") if p)
            entries.append(_entry(file, definition, approval, problem, _life(definition, approval, approved, day,
                                                                            verified, items)))
    entries.sort(key=lambda e: (e.life is Life.UNREADABLE, e.code, e.revision, e.path))
    return entries


def _in_force_by_dates(definition: ProcessDefinition, day: date) -> bool:
    return definition.effective is not None and definition.effective <= day and \
        (definition.until is None or day <= definition.until)


def _life(definition: ProcessDefinition, approval: Approval | None, approved: list[tuple[int, ProcessDefinition]],
          day: date, verified: bool, items: list[tuple[_File, Approval | None, str]]) -> tuple[Life, str, bool]:
    """The life of one revision, its successor, and whether its own dates make it due."""
    if definition.kind == "flow":
        return Life.FLOW, "", False
    newer_in_force = [d for r, d in approved if r > definition.revision and d.effective is not None
                      and d.effective <= day]
    if not _counts(approval, verified):
        newer_any = any(f.definition.revision > definition.revision and f.definition.effective is not None
                        and f.definition.effective <= day for f, _, _ in items if f.definition)
        return Life.DRAFT, "", _in_force_by_dates(definition, day) and not newer_any and not newer_in_force
    if newer_in_force:
        successor = min(newer_in_force, key=lambda d: d.revision)
        return Life.SUPERSEDED, f"{successor.code} r{successor.revision}", False
    if definition.effective is None or definition.effective > day:
        return Life.APPROVED, "", False
    if definition.until is not None and definition.until < day:
        if definition.replaced_by:
            return Life.SUPERSEDED, definition.replaced_by, False
        return Life.WITHDRAWN, "", False
    return Life.IN_FORCE, "", False


def _entry(file: _File, definition: ProcessDefinition, approval: Approval | None, problem: str,
           life: tuple[Life, str, bool]) -> Entry:
    approved = definition.control.approved if definition.control else None
    return Entry(str(file.path), definition.kind, definition.code, definition.revision, definition.title,
                 definition.effective, definition.until, (approved.by or "") if approved else "",
                 approved.on if approved else None, approval, life[0], superseded_by=life[1], due=life[2],
                 problem=problem)


def flows_in(folders: Sequence[str | os.PathLike[str]]) -> dict[str, Path]:
    """The shared flows in ``folders`` (recursively), by code: where a procedure's flow is found
    to approve it, to compare it merged, or to check that it has not changed since its approval."""
    found: dict[str, Path] = {}
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        for path in discover([folder]):
            file = _read(path)
            if file.definition is not None and file.definition.kind == "flow":
                found.setdefault(file.definition.code, path)
    return found
