"""Keys on a PKCS#11 token: the USB tokens Vietnamese CAs issue, and HSMs.

The key never leaves the token.  PDF signing goes through pyHanko's own ``PKCS11Signer``
(it knows the token mechanisms for CMS); XML signing goes through :class:`TokenRSAKey`, a
``cryptography`` ``RSAPrivateKey`` whose ``sign`` asks the token (CKM_SHA*_RSA_PKCS).
signxml takes any object with that interface, so the XML code is the same for a file key and
a token key, and no XML library learns about PKCS#11.  Only RSA is wrapped: it is what the
Vietnamese public and official (công vụ) CAs issue on tokens; an EC token key still signs
PDFs through pyHanko.

python-pkcs11 is an optional dependency (``pip install 'isoflow[pkcs11]'``): it is imported
when a token is opened, and its absence is one clear line.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.padding import AsymmetricPadding, PKCS1v15
from cryptography.hazmat.primitives.asymmetric.utils import NoDigestInfo, Prehashed
from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1

from isoflow.errors import KeyNotFound, SigningError, TokenNotFound, WrongPassphrase
from isoflow.signing.keys import Identity, check_validity

__all__ = ["TokenRSAKey", "open_token"]


def open_token(module: str | Path, token_label: str, pin: str, key_label: str, cert_label: str | None = None,
               *, at: datetime | None = None) -> Identity:
    """The identity on a token: ``module`` is the vendor's PKCS#11 library (``.so``),
    ``token_label`` the token's label, ``key_label`` (and ``cert_label``, default the same) the
    labels of the private key and its certificate.  Use the result in a ``with`` block: it
    holds a logged-in session.

    Raises :class:`TokenNotFound`, :class:`WrongPassphrase` (the PIN), :class:`KeyNotFound`,
    :class:`CertificateExpired` (checked at ``at``, default now) or :class:`SigningError`.
    """
    pkcs11 = _import_pkcs11()
    from pkcs11 import Attribute, ObjectClass
    from pkcs11 import exceptions as p11

    module = Path(module)
    if not module.is_file():
        raise TokenNotFound(f"no PKCS#11 module at {module}; install the token's driver or give its path")
    try:
        library = pkcs11.lib(os.fspath(module))
    except RuntimeError as error:
        raise TokenNotFound(f"cannot load the PKCS#11 module {module}: {error}") from None
    try:
        token = library.get_token(token_label=token_label)
    except p11.NoSuchToken:
        present = sorted(t.label for t in library.get_tokens() if t.label)
        raise TokenNotFound(f"no token labelled {token_label!r} is plugged in"
                            f"{' (found: ' + ', '.join(present) + ')' if present else ''}") from None
    except p11.MultipleTokensReturned:
        raise TokenNotFound(f"several tokens are labelled {token_label!r}; plug in only one") from None
    session, release = _login(token, (os.fspath(module), token_label), pin, p11)
    try:
        certificate, others = _certificates(session, cert_label or key_label, Attribute, ObjectClass)
        try:
            key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=key_label)
        except p11.NoSuchKey:
            raise KeyNotFound(f"the token {token_label!r} has no private key labelled {key_label!r}") from None
        except p11.MultipleObjectsReturned:
            raise KeyNotFound(f"the token {token_label!r} has several keys labelled {key_label!r}") from None
        check_validity(certificate, at)
        public = certificate.public_key()
        if not isinstance(public, rsa.RSAPublicKey):
            raise SigningError(f"the key {key_label!r} on {token_label!r} is not RSA; isoflow signs with RSA tokens")
        if int.from_bytes(key[Attribute.MODULUS], "big") != public.public_numbers().n:
            raise KeyNotFound(f"the key {key_label!r} on {token_label!r} does not belong to its certificate")
        from pyhanko.sign.pkcs11 import PKCS11Signer

        signer = PKCS11Signer(session, signing_cert=translate_pyca_cryptography_cert_to_asn1(certificate),
                              key_label=key_label,
                              ca_chain=[translate_pyca_cryptography_cert_to_asn1(c) for c in others])
    except BaseException:
        release()
        raise
    return Identity(certificate, tuple(others), TokenRSAKey(key, public), signer, release)


#: One logged-in session per token and process, shared by the identities opened on it: PKCS#11
#: logs in a token, not a session (a second C_Login fails), and logging out closes it for all.
_SESSIONS: dict[tuple[str, str], tuple[Any, bytes, list[int]]] = {}
_SESSIONS_LOCK = threading.Lock()


def _login(token: Any, where: tuple[str, str], pin: str, p11: Any) -> tuple[Any, Callable[[], None]]:
    """The token's logged-in session and the function that releases this use of it."""
    digest = hashlib.sha256(pin.encode("utf-8")).digest()
    with _SESSIONS_LOCK:
        if where in _SESSIONS:
            session, known, uses = _SESSIONS[where]
            if not hmac.compare_digest(known, digest):
                raise WrongPassphrase(f"the token {where[1]!r} refused the PIN")
        else:
            try:
                session = token.open(user_pin=pin)
            except (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange):
                raise WrongPassphrase(f"the token {where[1]!r} refused the PIN "
                                      "(a token locks itself after a few wrong PINs)") from None
            except p11.PinLocked:
                raise WrongPassphrase(f"the token {where[1]!r} is locked after too many wrong PINs; "
                                      "its issuer can unlock it") from None
            uses = [0]
            _SESSIONS[where] = (session, digest, uses)
        uses[0] += 1

    def release() -> None:
        with _SESSIONS_LOCK:
            if uses[0] == 0:
                return  # closed twice: nothing left to do
            uses[0] -= 1
            if uses[0] == 0 and where in _SESSIONS and _SESSIONS[where][0] is session:
                del _SESSIONS[where]
                session.close()

    return session, release


def _import_pkcs11() -> Any:
    try:
        import pkcs11
    except ImportError:
        raise SigningError("signing with a token needs python-pkcs11: pip install 'isoflow[pkcs11]'") from None
    return pkcs11


def _certificates(session: Any, label: str, attribute: Any, object_class: Any
                  ) -> tuple[x509.Certificate, list[x509.Certificate]]:
    """The certificate labelled ``label`` and every other certificate on the token (its CA chain)."""
    mine, others = [], []
    for item in session.get_objects({attribute.CLASS: object_class.CERTIFICATE}):
        certificate = x509.load_der_x509_certificate(item[attribute.VALUE])
        if item[attribute.LABEL] == label:
            mine.append(certificate)
        elif _is_ca(certificate):  # the chain, not another person's certificate on the same token
            others.append(certificate)
    if not mine:
        raise KeyNotFound(f"the token has no certificate labelled {label!r}")
    return mine[0], others


def _is_ca(certificate: x509.Certificate) -> bool:
    try:
        return bool(certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


#: CKM_SHA*_RSA_PKCS: the token hashes and pads; the names are python-pkcs11's Mechanism members.
_PKCS1V15 = {"sha256": "SHA256_RSA_PKCS", "sha384": "SHA384_RSA_PKCS", "sha512": "SHA512_RSA_PKCS"}


class TokenRSAKey(rsa.RSAPrivateKey):
    """An RSA key on a token, behind ``cryptography``'s private-key interface.

    ``sign`` with PKCS#1 v1.5 and SHA-256/384/512 runs on the token (what XML-DSig's
    rsa-sha256 needs); everything that would read the private key out refuses.
    """

    def __init__(self, token_key: Any, public: rsa.RSAPublicKey) -> None:
        self._token_key = token_key
        self._public = public

    def sign(self, data: bytes, padding: AsymmetricPadding,
             algorithm: Prehashed | hashes.HashAlgorithm | NoDigestInfo) -> bytes:
        from pkcs11 import Mechanism

        if not (isinstance(padding, PKCS1v15) and isinstance(algorithm, hashes.HashAlgorithm)
                and algorithm.name in _PKCS1V15):
            raise SigningError(f"the token signs with PKCS#1 v1.5 and SHA-256/384/512 only, not "
                               f"{type(padding).__name__} with {getattr(algorithm, 'name', type(algorithm).__name__)}")
        mechanism = getattr(Mechanism, _PKCS1V15[algorithm.name])
        return bytes(self._token_key.sign(data, mechanism=mechanism))

    def public_key(self) -> rsa.RSAPublicKey:
        return self._public

    @property
    def key_size(self) -> int:
        return self._public.key_size

    def decrypt(self, ciphertext: bytes, padding: AsymmetricPadding) -> bytes:
        _refuse("decrypt with")

    def private_numbers(self) -> rsa.RSAPrivateNumbers:
        _refuse("export")

    def private_bytes(self, encoding: Any, format: Any, encryption_algorithm: Any) -> bytes:
        _refuse("export")

    def __copy__(self) -> TokenRSAKey:
        return self  # one key on one token: a copy is the same key

    def __deepcopy__(self, memo: dict[int, Any]) -> TokenRSAKey:
        return self



def _refuse(what: str) -> NoReturn:
    raise SigningError(f"a token key cannot {what} here: isoflow only signs with it")

