"""How signed edXML bytes travel between agencies: a small interface, and a folder transport.

The interface (:class:`Transport`) is what the document store's chains call, and what an HTTP
transport to the national document axis (Trục liên thông văn bản quốc gia, VXP/LGSP SDKs, their
credentials) will implement later, behind the same three calls:

``send(message, to) -> name``
    Hand one message (the bytes :func:`isoflow.exchange.export` made) to the agency ``to`` (an
    OrganId).  Atomic: the receiver sees all the bytes or nothing.  Idempotent: the same bytes
    sent twice to the same agency are one message (the name is their hash).  Returns the name
    the receiver will see it under.  :class:`isoflow.errors.TransportError` when it cannot be
    handed over; nothing was delivered then.
``receive() -> list[Delivery]``
    The messages waiting for this agency, oldest first, each with its name and bytes (at most
    ``max_bytes + 1`` read of each: a larger one is for the receiver to refuse, not for the
    transport to load).  Receiving removes nothing.
``acknowledge(name)``
    The message was handled (accepted or refused, its status message sent): forget it.  Until
    then :meth:`receive` gives it again, so a crash between reading and registering loses no
    document (at-least-once; the receiver's duplicate check makes a second copy harmless).
    Acknowledging a name twice is not an error.

The transport never parses or trusts a message: :class:`isoflow.exchange.Receiver` does that.

:class:`FolderTransport` lets agencies on one machine (or one shared disk) talk:
``<root>/<OrganId>/inbox/`` holds what was delivered to an agency, ``<root>/<OrganId>/outbox/<to>/``
a copy of what it sent.  Every file is written under a temporary name in the folder it goes to
and renamed once complete and synced, so a crash mid-write leaves at most a temporary file,
which :meth:`FolderTransport.receive` never reads (and :meth:`FolderTransport.remove_leftovers`
deletes once it is old).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from isoflow.errors import MalformedMessage, TransportError
from isoflow.exchange.envelope import check_organ_id
from isoflow.signing.xmldsig import MAX_XML_BYTES

__all__ = ["Delivery", "FolderTransport", "Transport", "message_name"]

_NAME = re.compile(r"[0-9a-f]{64}\.edxml")
_SUFFIX = ".edxml"


def message_name(message: bytes) -> str:
    """A message's file name: the SHA-256 of its bytes (safe on every file system, and the same
    bytes always get the same name)."""
    return hashlib.sha256(message).hexdigest() + _SUFFIX


@dataclass(frozen=True, slots=True)
class Delivery:
    """One message waiting for the agency: its name (for :meth:`Transport.acknowledge`) and bytes."""

    name: str
    data: bytes


class Transport(Protocol):
    """How messages leave and reach one agency; see the module's documentation."""

    def send(self, message: bytes, to: str) -> str: ...

    def receive(self) -> list[Delivery]: ...

    def acknowledge(self, name: str) -> None: ...


class FolderTransport:
    """The transport of the agency ``organ_id`` through the folder ``root``, shared with the
    agencies it talks to.  Opening it creates the agency's inbox and outbox."""

    def __init__(self, root: str | os.PathLike[str], organ_id: str, *, max_bytes: int = MAX_XML_BYTES) -> None:
        self.root = Path(root)
        self.organ_id = check_organ_id(organ_id, "the transport's OrganId")
        self.max_bytes = max_bytes
        self.inbox = self.root / organ_id / "inbox"
        self.outbox = self.root / organ_id / "outbox"
        try:
            self.inbox.mkdir(parents=True, exist_ok=True)
            self.outbox.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise TransportError(f"cannot open the folders of {organ_id} under {self.root}: "
                                 f"{error.strerror or error}") from None

    def send(self, message: bytes, to: str) -> str:
        try:
            check_organ_id(to, "the recipient")
        except MalformedMessage as error:
            raise TransportError(str(error)) from None
        inbox = self.root / to / "inbox"
        if not inbox.is_dir():
            raise TransportError(f"no agency {to} under {self.root}: it has no inbox (an agency opens its "
                                 "transport once to create it)")
        name = message_name(message)
        _write_atomically(self.outbox / to, name, message)
        _write_atomically(inbox, name, message)
        return name

    def receive(self) -> list[Delivery]:
        found: list[tuple[int, str]] = []
        try:
            with os.scandir(self.inbox) as entries:
                for entry in entries:
                    if _NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                        with contextlib.suppress(FileNotFoundError):
                            found.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.name))
        except OSError as error:
            raise TransportError(f"cannot read the inbox {self.inbox}: {error.strerror or error}") from None
        deliveries = []
        for _, name in sorted(found):
            data = self._read(name)
            if data is not None:
                deliveries.append(Delivery(name, data))
        return deliveries

    def acknowledge(self, name: str) -> None:
        if not _NAME.fullmatch(name):
            raise TransportError(f"{name!r} is not the name of a message")
        try:
            (self.inbox / name).unlink(missing_ok=True)
        except OSError as error:
            raise TransportError(f"cannot remove {name} from {self.inbox}: {error.strerror or error}") from None

    def remove_leftovers(self, older_than_seconds: float = 3600.0) -> list[Path]:
        """Delete temporary files a crashed writer left in this agency's inbox and outbox
        (older than ``older_than_seconds``, so a write under way is never touched)."""
        limit = time.time() - older_than_seconds
        removed = []
        for folder in (self.inbox, *[p for p in self.outbox.iterdir() if p.is_dir()], self.outbox):
            for path in folder.glob(".*.tmp"):
                with contextlib.suppress(FileNotFoundError):
                    if path.stat().st_mtime < limit:
                        path.unlink()
                        removed.append(path)
        return removed

    def _read(self, name: str) -> bytes | None:
        """At most ``max_bytes + 1`` bytes of a message (None if it was acknowledged meanwhile)."""
        try:
            fd = os.open(self.inbox / name, os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            return None
        except OSError as error:
            raise TransportError(f"cannot read {name} in {self.inbox}: {error.strerror or error}") from None
        try:
            parts = []
            left = self.max_bytes + 1
            while left > 0:
                chunk = os.read(fd, min(left, 1 << 20))
                if not chunk:
                    break
                parts.append(chunk)
                left -= len(chunk)
            return b"".join(parts)
        finally:
            os.close(fd)


def _write_atomically(folder: Path, name: str, data: bytes) -> None:
    """``folder/name`` holds ``data`` entirely or not at all: written to a temporary file in the
    same folder, synced, renamed over the name, and the folder synced."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TransportError(f"cannot create {folder}: {error.strerror or error}") from None
    temporary = folder / f".{name}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, folder / name)
        directory = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise TransportError(f"cannot write {name} to {folder}: {error.strerror or error}") from None
