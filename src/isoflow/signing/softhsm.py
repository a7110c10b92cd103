"""A SoftHSM2 token holding the test kit's keys: the PKCS#11 path tested without a USB token.

:func:`make_token` writes a SoftHSM2 configuration into a folder, points ``SOFTHSM2_CONF`` at
it, initialises a token with ``softhsm2-util`` and puts the kit's people on it (key and
certificate under the person's name, e.g. ``signer``, with the issuing CA's certificate),
through python-pkcs11.  :meth:`Token.identity` then opens it as an agency would open its
token.  Debian's ``softhsm2`` package provides the module (scripts/system-deps.sh --test).

SoftHSM reads its configuration when the module is initialised, once per process: a second
:func:`make_token` in the same process re-initialises the module, which closes every session
opened before.  Keep one token per test session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from isoflow.errors import SigningError
from isoflow.signing.keys import Identity
from isoflow.signing.testing import PKI
from isoflow.signing.token import open_token

__all__ = ["SOFTHSM_MODULES", "Token", "make_token", "softhsm_module"]

#: Where Debian (and other distributions) install SoftHSM2's PKCS#11 module.
SOFTHSM_MODULES = (Path("/usr/lib/softhsm/libsofthsm2.so"), Path("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
                   Path("/usr/local/lib/softhsm/libsofthsm2.so"), Path("/usr/lib64/pkcs11/libsofthsm2.so"))


@dataclass(frozen=True)
class Token:
    """A SoftHSM2 token made by :func:`make_token`."""

    module: Path
    label: str
    pin: str
    people: tuple[str, ...]

    def identity(self, who: str = "signer") -> Identity:
        """The identity of ``who`` on this token (use it in a ``with`` block)."""
        return open_token(self.module, self.label, self.pin, who)


def softhsm_module() -> Path | None:
    """SoftHSM2's module, or ``None`` when it is not installed."""
    return next((path for path in SOFTHSM_MODULES if path.is_file()), None)


def make_token(pki: PKI, folder: Path, *, label: str = "isoflow-test", pin: str = "123456",
               so_pin: str = "12345678", people: Sequence[str] = ("signer", "seal")) -> Token:
    """A fresh SoftHSM2 token in ``folder`` with ``people``'s keys and certificates from ``pki``."""
    module, tool = softhsm_module(), shutil.which("softhsm2-util")
    if module is None or tool is None:
        raise SigningError("SoftHSM2 is not installed (Debian package softhsm2: scripts/system-deps.sh --test)")
    tokens = folder / "softhsm-tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
                    "slots.removable = false\n", encoding="utf-8")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run([tool, "--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", so_pin],
                   check=True, capture_output=True, env=os.environ.copy())
    _store(module, label, pin, pki, people)
    return Token(module, label, pin, tuple(people))


def _store(module: Path, label: str, pin: str, pki: PKI, people: Sequence[str]) -> None:
    import pkcs11
    from pkcs11 import Attribute
    from pkcs11.util.rsa import decode_rsa_private_key
    from pkcs11.util.x509 import decode_x509_certificate

    library = pkcs11.lib(os.fspath(module))
    library.reinitialize()  # SoftHSM lists the tokens of its configuration when initialised
    token = library.get_token(token_label=label)
    with token.open(rw=True, user_pin=pin) as session:
        for index, who in enumerate(people, start=1):
            person = pki.people[who]
            key_der = person.key.private_bytes(serialization.Encoding.DER,
                                               serialization.PrivateFormat.TraditionalOpenSSL,
                                               serialization.NoEncryption())
            identity = {Attribute.LABEL: who, Attribute.ID: bytes([index]), Attribute.TOKEN: True}
            session.create_object({**decode_rsa_private_key(key_der), **identity, Attribute.PRIVATE: True,
                                   Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: False})
            session.create_object({**decode_x509_certificate(person.certificate.public_bytes(serialization.Encoding.DER)),
                                   **identity})
        ca = pki.issuing_certificate.public_bytes(serialization.Encoding.DER)
        session.create_object({**decode_x509_certificate(ca), Attribute.LABEL: "issuing-ca", Attribute.TOKEN: True})
