"""Q005 at the edges: the digests known of a revision, compared with the file's content.

The rule (:mod:`isoflow.validation.rules.q005_revision_changed`) needs what a pure rule cannot
read: the approval signature beside a process file (its statement, read here *without*
verifying it: validation says what the file claims, the desk's strict mode decides whom to
trust) and the digests a store kept with the dossiers it received.  Both are read here, at the
composition edge, and turned into findings; a file with neither costs one ``stat``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from isoflow.control.approval import check_approval, signature_path
from isoflow.control.runnable import NAMED, content_digests
from isoflow.errors import ControlError
from isoflow.loading.loader import load_bytes
from isoflow.loading.parser import read_bytes
from isoflow.model.findings import Finding
from isoflow.validation.rules.q005_revision_changed import rule

if TYPE_CHECKING:
    from isoflow.control.runnable import StartedOn

__all__ = ["revision_findings"]


def revision_findings(files: Sequence[str | os.PathLike[str]], store: StartedOn | None = None) -> list[Finding]:
    """Q005 findings for the process ``files``: against the approval beside each, and (``store``
    given) against the digests its dossiers started on."""
    found: list[Finding] = []
    for file in files:
        path = Path(file)
        signature = signature_path(path)
        if store is None and not signature.is_file():
            continue
        try:
            data = read_bytes(path)
        except OSError:
            continue  # the loader has reported it
        definition = load_bytes(data, str(path)).definition
        if definition is None or definition.kind != "process":
            continue
        where = definition.location.of("revision")
        name = f"revision {definition.revision} of {definition.code}"
        try:
            sig = signature.read_bytes() if signature.is_file() else None
            approval = check_approval(data, sig, (), name=str(path), definition=definition) if sig else None
        except (OSError, ControlError):
            approval = None
        said = approval.statement if approval is not None else None
        if approval is not None and said is not None and (said.code, said.revision) == \
                (definition.code, definition.revision) and said.digest != approval.digest:
            on = f" on {said.approved_on.isoformat()}" if said.approved_on else ""
            found.append(rule.at(where, f"{name} was approved by {said.approver}{on} ({signature.name}) with content "
                                        f"{said.digest[:12]}, but this file's content is {approval.digest[:12]}: "
                                        "changed under the same revision number",
                                 hint=f'number the change revision="{definition.revision + 1}" with its <change> '
                                      "entry and have it approved, or restore the approved text"))
        if store is not None:
            revision = content_digests([definition])[0]
            count, codes = store.started_on_other(definition.code, definition.revision, revision.digest, limit=NAMED)
            if count:
                more = f" and {count - len(codes)} more" if count > len(codes) else ""
                found.append(rule.at(where, f"{count} dossier(s) in the store started on other content of {name} "
                                            f"({', '.join(codes)}{more}): changed under the same revision number",
                                     hint=f'number the change revision="{definition.revision + 1}" with its <change> '
                                          "entry and have it approved, or restore the text they started on"))
    return found
