"""What a desk may run: approved, unaltered revisions (strict mode), and the content each
dossier started on.

ISO 9001:2015 7.5.2(c) and 7.5.3.1: documented information is approved before use and protected
from unintended change.  Two questions are asked where a desk is put together
(:func:`isoflow.workspace.open_desk`), never in the engine:

* in strict mode, is every procedure an approved revision whose content is the approved one
  (:func:`require_approved`)?  One line naming the revision and why not, otherwise;
* did dossiers of a revision start on other content than the file holds now
  (:func:`require_unchanged`)?  A revision edited in place after dossiers began would have them
  silently follow the new text; the desk refuses it, naming the revision and the dossiers.

A revision's *content digest* (:func:`content_digests`) is the SHA-256 of its file's canonical form
(:func:`isoflow.control.canonical.digest`, what the approval signs); for a procedure that extends
a shared flow, the SHA-256 of ``"<its digest>\\n<flow code>:<flow digest>"``, so that a flow edited
under it changes it too.  Each dossier keeps the digest of the revision it was received under
(``started_on``, schema 9).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from isoflow.control.approval import check_file
from isoflow.control.canonical import Identity, identify
from isoflow.errors import ControlError, NotApproved, RevisionChanged
from isoflow.loading.discovery import PATTERN
from isoflow.loading.parser import read_bytes
from isoflow.model.definition import ProcessDefinition

if TYPE_CHECKING:
    from isoflow.control.approval import TrustRoots

__all__ = ["Revision", "StartedOn", "content_digests", "require_approved", "require_unchanged"]

#: How many dossier codes an error names before it says how many more there are.
NAMED = 5


class StartedOn(Protocol):
    """What the revision checks ask a store (both backends answer)."""

    def started_on_other(self, process_code: str, revision: int, digest: str, limit: int = 20
                         ) -> tuple[int, list[str]]: ...


@dataclass(frozen=True, slots=True)
class Revision:
    """A procedure a desk runs: code, revision, file, the flow's file if it extends one, content digest."""

    code: str
    revision: int
    file: str
    flow: str | None
    digest: str

    @property
    def name(self) -> str:
        return f"{self.code} lần ban hành {self.revision:02d} ({self.file})"


def _read(path: str) -> bytes:
    try:
        return read_bytes(Path(path))
    except OSError as error:
        raise ControlError(f"cannot read {path}: {error.strerror or error}") from None


def content_digests(definitions: Sequence[ProcessDefinition]) -> list[Revision]:
    """Each procedure's :class:`Revision`, its flow found by code among the files of its folder
    (where the loader found it).  Reads each file once more and parses only what the digest needs
    (every desk command pays it: about 12 ms for the 19 shipped files)."""
    seen: dict[Path, Identity | None] = {}

    def identity(path: Path) -> Identity | None:
        if path not in seen:
            try:
                seen[path] = identify(_read(str(path)), str(path))
            except ControlError:
                seen[path] = None  # not a usable file: the loader has said so
        return seen[path]

    flows: dict[Path, dict[str, Path]] = {}
    revisions = []
    for definition in definitions:
        file = Path(definition.file)
        own = identity(file)
        if own is None:
            raise ControlError(f"{file}: cannot be read as a process file any more")
        flow_path, digest_ = None, own.digest
        if own.extends:
            if file.parent not in flows:
                flows[file.parent] = {i.code: path for path in sorted(file.parent.glob(PATTERN))
                                      if (i := identity(path)) is not None and i.kind == "flow"}
            found = flows[file.parent].get(own.extends)
            base = identity(found) if found is not None else None
            if found is not None and base is not None:
                flow_path = str(found)
                digest_ = hashlib.sha256(f"{own.digest}\n{own.extends}:{base.digest}".encode("ascii", "replace"))\
                    .hexdigest()
        revisions.append(Revision(definition.code, definition.revision, definition.file, flow_path, digest_))
    return revisions


def require_approved(revisions: Sequence[Revision], trust_roots: TrustRoots) -> None:
    """Strict mode: every revision approved by its named approver under ``trust_roots``, for
    exactly its content (and its flow's); :class:`NotApproved` for the first that is not."""
    if not trust_roots:
        raise NotApproved("strict mode needs the agency's trusted root certificate (--trust ROOT.pem): "
                          "without it no approval can be verified")
    for revision in revisions:
        approval = check_file(revision.file, trust_roots, flow=revision.flow)
        if not approval.ok:
            raise NotApproved(f"{revision.name} is not an approved revision ({approval.status}): {approval.problem}; "
                              "strict mode runs only approved, unaltered revisions", approval)


def require_unchanged(store: StartedOn, revisions: Sequence[Revision]) -> Mapping[tuple[str, int], str]:
    """The digests a store keeps with the dossiers it receives, once no revision's dossiers
    started on other content; :class:`RevisionChanged` naming the revision and its dossiers otherwise."""
    for revision in revisions:
        count, codes = store.started_on_other(revision.code, revision.revision, revision.digest, limit=NAMED)
        if count:
            more = f" and {count - len(codes)} more" if count > len(codes) else ""
            raise RevisionChanged(
                f"{revision.name} is not the content its dossiers started on: it was changed in place after "
                f"{count} dossier(s) began ({', '.join(codes)}{more}); restore the approved text, or issue the "
                "change as a new revision")
    return {(r.code, r.revision): r.digest for r in revisions}
