"""The signing tests' fixtures: one test PKI and one SoftHSM2 token per session (made at run time)."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator

import pytest
from cryptography import x509

from isoflow.signing import Box, Identity, load_roots
from isoflow.signing.samples import sample_document, seal_image, signature_image
from isoflow.signing.softhsm import Token, make_token, softhsm_module
from isoflow.signing.testing import PKI, make_pki

POPPLER = pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
                             reason="poppler-utils is not installed (scripts/system-deps.sh --test)")
SOFTHSM = pytest.mark.skipif(softhsm_module() is None or shutil.which("softhsm2-util") is None,
                             reason="SoftHSM2 is not installed (scripts/system-deps.sh --test)")


@pytest.fixture(autouse=True)
def _quiet_pyhanko() -> None:
    # pyHanko logs every failed certificate path with a traceback; the verdicts are what is tested.
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> PKI:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def token(pki: PKI, tmp_path_factory: pytest.TempPathFactory) -> Token:
    if softhsm_module() is None or shutil.which("softhsm2-util") is None:
        pytest.skip("SoftHSM2 is not installed (scripts/system-deps.sh --test)")
    return make_token(pki, tmp_path_factory.mktemp("token"))


@pytest.fixture(scope="session")
def document() -> tuple[bytes, Box]:
    return sample_document()


@pytest.fixture(scope="session")
def images() -> tuple[bytes, bytes]:
    """(signature image, seal image)."""
    return signature_image(), seal_image()


@pytest.fixture
def signer(pki: PKI) -> Identity:
    return pki.identity("signer")


@pytest.fixture
def seal(pki: PKI) -> Identity:
    return pki.identity("seal")


@pytest.fixture
def token_identities(token: Token) -> Iterator[tuple[Identity, Identity]]:
    with token.identity("signer") as signer, token.identity("seal") as seal:
        yield signer, seal


@pytest.fixture(scope="session")
def trusted(pki: PKI) -> list[x509.Certificate]:
    """The kit's root, the only one the tests trust."""
    return load_roots([pki.root])
