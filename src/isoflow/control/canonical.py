"""The canonical form of a process file, and its digest: what an approval signs.

An approval must survive what does not change a document and catch everything that does.  The
file's bytes are too fragile (a checkout that turns LF into CRLF, an editor that rewrites the
XML declaration or the quotes would break every approval), so the approval binds the file's
*exclusive XML canonical form, with comments* (W3C xml-exc-c14n#WithComments): the encoding,
the XML declaration, line ends, attribute order and quotes, empty-element tags, character
references and whitespace outside the document element do not count; every element,
attribute, text (indentation inside the document element included) and comment does.  The
comments count because in isoflow's process files they carry the legal reasoning the quality
officer approved with the rest.

Blank text is kept (unlike the loader, which drops it to build less): the canonical form is then
fixed by the W3C specification alone, not by libxml2's guess of which blanks are ignorable, so a
digest stored today still matches on another machine in ten years.

The file is first read by the loader's hardened parser (:func:`isoflow.loading.parser.parse`:
size cap, no DOCTYPE, no entities, no network), then canonicalised from a second parse that
keeps every text node, with the same locks.
"""

from __future__ import annotations

import hashlib
from typing import Any, NamedTuple

from lxml import etree

from isoflow.errors import ControlError
from isoflow.loading.parser import Parsed, parse

__all__ = ["CANONICALIZATION", "DIGEST_METHOD", "Identity", "canonical_form", "digest", "digest_of_canonical",
           "identify"]

#: How the file is canonicalised (the URI XML-DSig uses for the same algorithm).
CANONICALIZATION = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments"
#: How the canonical form is digested (the XML-DSig URI of SHA-256).
DIGEST_METHOD = "http://www.w3.org/2001/04/xmlenc#sha256"


class _NoResolver(etree.Resolver):
    """Answers every external lookup with nothing (DOCTYPEs are refused before this parser runs)."""

    # lxml-stubs 0.5 predates the ``context`` argument that lxml passes and requires.
    def resolve(self, url: str, pubid: str, context: Any) -> Any:  # type: ignore[override]
        return self.resolve_string("", context)  # type: ignore[call-arg]


def _keeping_blanks() -> etree.XMLParser:
    made = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, collect_ids=False, remove_blank_text=False)
    made.resolvers.add(_NoResolver())
    return made


class Identity(NamedTuple):
    """What a process file says it is (its root's attributes, unvalidated) and its digest."""

    kind: str
    code: str
    extends: str
    digest: str


def identify(data: bytes, name: str = "the file") -> Identity:
    """The kind (``process`` or ``flow``), code and ``extends`` of the file ``data`` and its
    :func:`digest`, from the parses the digest needs anyway (no loading, no validation): what the
    desk asks of each file it runs, every time it opens."""
    root = _vetted(data, name)
    tag = str(root.tag).rsplit("}", 1)[-1]
    canonical = _canonical(data, name)
    return Identity(tag, str(root.get("code") or ""), str(root.get("extends") or ""),
                    digest_of_canonical(canonical))


def _vetted(data: bytes, name: str) -> Any:
    vetted = parse(data, name)
    if not isinstance(vetted, Parsed):
        raise ControlError(f"{name}: {vetted.message}")
    return vetted.root


def _canonical(data: bytes, name: str) -> bytes:
    try:
        root = etree.fromstring(data, _keeping_blanks())
    except etree.XMLSyntaxError as error:  # the vetting parse read it: only a libxml2 limit differs
        raise ControlError(f"{name}: not well-formed XML: {error}") from None
    return bytes(etree.tostring(root.getroottree(), method="c14n", exclusive=True, with_comments=True))


def canonical_form(data: bytes, name: str = "the file") -> bytes:
    """The exclusive canonical form, with comments, of the XML file ``data`` (UTF-8 bytes).

    :class:`ControlError` (one line, naming ``name``) for a file that is not well-formed XML, has a
    DOCTYPE or entity declarations, is empty or larger than the loader accepts.
    """
    _vetted(data, name)
    return _canonical(data, name)


def digest_of_canonical(canonical: bytes) -> str:
    """The SHA-256 of a canonical form, as 64 lowercase hexadecimal digits."""
    return hashlib.sha256(canonical).hexdigest()


def digest(data: bytes, name: str = "the file") -> str:
    """The SHA-256 (hex) of the canonical form of ``data``: the identity of a revision's content,
    the same for every byte-level rendering of the same document (see the module docstring)."""
    return digest_of_canonical(canonical_form(data, name))
