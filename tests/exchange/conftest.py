"""The exchange tests' fixtures: one test PKI per session (made at run time), the seal of the
sending commune, and the receiving province's reader."""

from __future__ import annotations

import pytest

from isoflow.exchange import Receiver
from isoflow.exchange.testing import PROVINCE, MemoryReceived
from isoflow.signing import Identity
from isoflow.signing.testing import PKI, make_pki


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> PKI:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def seal(pki: PKI) -> Identity:
    """The commune's organisation key (the Văn thư's "seal"): what signs outgoing edXML."""
    return pki.identity("seal")


@pytest.fixture
def received() -> MemoryReceived:
    return MemoryReceived()


@pytest.fixture
def province(pki: PKI, received: MemoryReceived) -> Receiver:
    """The province's receiver: trusts the kit's root only, asks ``received`` about duplicates."""
    return Receiver([PROVINCE.organ_id], [pki.root], received=received)
