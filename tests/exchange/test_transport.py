"""The folder transport: two agencies on one machine send, receive and acknowledge; a write is
all or nothing, and a crash mid-write leaves nothing the receiver reads."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from isoflow.errors import MalformedMessage, MessageTooLarge, TransportError
from isoflow.exchange import Envelope, FolderTransport, Receiver, StatusCode, StatusMessage, export
from isoflow.exchange import transport as transport_module
from isoflow.exchange.testing import COMMUNE, PROVINCE, MemoryReceived, sample_envelope, sample_status
from isoflow.exchange.transport import message_name
from isoflow.signing import Identity
from isoflow.signing.testing import PKI


@pytest.fixture
def agencies(tmp_path: Path) -> tuple[FolderTransport, FolderTransport]:
    """The commune and the province, talking through one folder."""
    return FolderTransport(tmp_path, COMMUNE.organ_id), FolderTransport(tmp_path, PROVINCE.organ_id)


def test_two_agencies_exchange_a_document_and_its_status(agencies: tuple[FolderTransport, FolderTransport],
                                                         pki: PKI, seal: Identity, tmp_path: Path) -> None:
    commune, province = agencies
    envelope = sample_envelope()
    name = commune.send(export(envelope, seal), PROVINCE.organ_id)
    assert (tmp_path / PROVINCE.organ_id / "inbox" / name).is_file()
    assert (tmp_path / COMMUNE.organ_id / "outbox" / PROVINCE.organ_id / name).is_file()

    received = MemoryReceived()
    reader = Receiver([PROVINCE.organ_id], [pki.root], received=received)
    [delivery] = province.receive()
    document = reader.read(delivery.data).message
    assert document == envelope
    assert isinstance(document, Envelope)
    received.add(document.document_id)
    arrived = sample_status(StatusCode.ARRIVED, document=document.document_id)
    province.send(export(arrived, seal), COMMUNE.organ_id)
    province.acknowledge(delivery.name)
    assert province.receive() == []

    [status] = commune.receive()
    got = Receiver([COMMUNE.organ_id], [pki.root]).read(status.data).message
    assert got == arrived
    assert isinstance(got, StatusMessage)
    commune.acknowledge(status.name)
    commune.acknowledge(status.name)  # twice is not an error
    assert commune.receive() == []


def test_until_acknowledged_a_message_is_received_again(agencies: tuple[FolderTransport, FolderTransport]) -> None:
    commune, province = agencies
    commune.send(b"<first/>", PROVINCE.organ_id)
    time.sleep(0.01)
    commune.send(b"<second/>", PROVINCE.organ_id)
    assert [d.data for d in province.receive()] == [b"<first/>", b"<second/>"]  # oldest first
    assert [d.data for d in province.receive()] == [b"<first/>", b"<second/>"]


def test_the_same_bytes_sent_twice_are_one_message(agencies: tuple[FolderTransport, FolderTransport]) -> None:
    commune, province = agencies
    assert commune.send(b"<same/>", PROVINCE.organ_id) == commune.send(b"<same/>", PROVINCE.organ_id)
    assert len(province.receive()) == 1
    assert message_name(b"<same/>").endswith(".edxml")
    assert len(message_name(b"<same/>")) == 64 + len(".edxml")


def test_a_leftover_temporary_file_is_ignored(agencies: tuple[FolderTransport, FolderTransport]) -> None:
    """A writer killed mid-write leaves its temporary file: the receiver never reads it."""
    commune, province = agencies
    name = message_name(b"<complete/>")
    (province.inbox / f".{name}.4242.deadbeef.tmp").write_bytes(b"<compl")  # as a kill -9 leaves it
    (province.inbox / "notes.txt").write_bytes(b"not a message")
    assert province.receive() == []
    commune.send(b"<complete/>", PROVINCE.organ_id)
    assert [d.data for d in province.receive()] == [b"<complete/>"]


def test_a_write_that_fails_midway_delivers_nothing_and_leaves_nothing(
        agencies: tuple[FolderTransport, FolderTransport], monkeypatch: pytest.MonkeyPatch) -> None:
    commune, province = agencies
    real_replace = os.replace

    def crash(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if "inbox" in str(target):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(transport_module.os, "replace", crash)
    with pytest.raises(TransportError, match="No space left on device"):
        commune.send(b"<lost/>", PROVINCE.organ_id)
    assert province.receive() == []
    assert list(province.inbox.iterdir()) == []


def test_old_leftovers_are_removed_and_a_write_under_way_is_not(
        agencies: tuple[FolderTransport, FolderTransport]) -> None:
    _, province = agencies
    old = province.inbox / f".{message_name(b'x')}.1.aa.tmp"
    fresh = province.inbox / f".{message_name(b'y')}.2.bb.tmp"
    old.write_bytes(b"<x")
    fresh.write_bytes(b"<y")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert province.remove_leftovers(older_than_seconds=3600) == [old]
    assert fresh.exists()


def test_sending_to_an_agency_that_has_no_folder(agencies: tuple[FolderTransport, FolderTransport]) -> None:
    commune, _ = agencies
    with pytest.raises(TransportError, match=r"no agency 000\.00\.00\.H99 under"):
        commune.send(b"<x/>", "000.00.00.H99")
    with pytest.raises(TransportError, match="is not an OrganId"):
        commune.send(b"<x/>", "../000.00.31.H40")


def test_a_name_that_is_not_a_message_cannot_be_acknowledged(
        agencies: tuple[FolderTransport, FolderTransport]) -> None:
    _, province = agencies
    with pytest.raises(TransportError, match="is not the name of a message"):
        province.acknowledge("../../outbox/x.edxml")


def test_an_oversized_message_is_read_only_up_to_the_cap(tmp_path: Path, pki: PKI) -> None:
    commune = FolderTransport(tmp_path, COMMUNE.organ_id)
    province = FolderTransport(tmp_path, PROVINCE.organ_id, max_bytes=1000)
    commune.send(b"<big>" + b"A" * 100_000 + b"</big>", PROVINCE.organ_id)
    [delivery] = province.receive()
    assert len(delivery.data) == 1001  # enough for the receiver to refuse it, not the whole file
    with pytest.raises(MessageTooLarge, match="this receiver accepts at most 1,000"):
        Receiver([PROVINCE.organ_id], [pki.root], max_bytes=1000).read(delivery.data)


def test_a_transport_for_an_invalid_organ_id(tmp_path: Path) -> None:
    with pytest.raises(MalformedMessage, match="is not an OrganId"):
        FolderTransport(tmp_path, "..")
