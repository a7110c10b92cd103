"""Hardened XML parsing of process files: bytes in, a tree and its source map out, or a finding.

One parser per process and thread (no entities, no DTD, no network, no XInclude, no huge
trees), a size cap and a DOCTYPE scan before libxml2 sees the bytes, and the shipped XSD.
The only module (with :mod:`isoflow.loading.schema_messages` and the builder, which read
what it made) that touches lxml for process files.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

from isoflow.i18n import translate as _
from isoflow.loading.diagnostics import DOCTYPE_FORBIDDEN, FILE_TOO_LARGE, XML_SYNTAX
from isoflow.model.findings import Finding
from isoflow.model.source_map import SourceMap, markup, utf8_is_nfc

__all__ = ["MAX_BYTES", "NAMESPACE", "NS", "XINCLUDE", "Parsed", "parse", "parser", "read_bytes", "schema",
           "without_namespace"]

NAMESPACE = "urn:isoflow:process:1"
XINCLUDE = "http://www.w3.org/2001/XInclude"
MAX_BYTES = 2 * 1024 * 1024
#: An element's tag in isoflow's namespace is ``NS + "state"``.
NS = "{" + NAMESPACE + "}"

_SCHEMA_NOISE = re.compile(r"\{" + re.escape(NAMESPACE) + r"\}")


def without_namespace(message: str) -> str:
    """libxml2's message without the ``{urn:isoflow:process:1}`` noise on every tag."""
    return _SCHEMA_NOISE.sub("", message)


@dataclass(frozen=True, slots=True)
class Parsed:
    """A well-formed process file: its root element, positions, and whether character
    references (``&#...;``) could hide markup the byte scans cannot see."""

    root: Any
    source: SourceMap
    references: bool
    data: bytes


class _NothingResolver(etree.Resolver):
    """Answers every external lookup (DTD subset, entity) with nothing.

    libxml2 still opens an external subset or parameter entity named in a DOCTYPE even with
    ``load_dtd=False`` (seen with 2.14: a FIFO there blocks forever).  DOCTYPEs are refused
    before parsing; this is the second lock on the same door.
    """

    # lxml-stubs 0.5 predates the ``context`` argument that lxml passes and requires.
    def resolve(self, url: str, pubid: str, context: Any) -> Any:  # type: ignore[override]
        return self.resolve_string("", context)  # type: ignore[call-arg]


_PARSERS: dict[int, etree.XMLParser] = {}


def parser() -> etree.XMLParser:
    """The hardened parser, one per process and thread (making one costs more than parsing a
    small file; lxml parsers must not be shared between threads)."""
    key = threading.get_ident()
    found = _PARSERS.get(key)
    if found is None:
        found = _PARSERS[key] = _new_parser()
    return found


def _new_parser() -> etree.XMLParser:
    made = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=False,
        remove_blank_text=True,  # no node for the indentation between elements: less to build, check and free
    )
    made.resolvers.add(_NothingResolver())
    return made


_SCHEMA: etree.XMLSchema | None = None


def schema() -> etree.XMLSchema:
    """The shipped XSD, compiled once per process."""
    global _SCHEMA
    if _SCHEMA is None:
        source = resources.files("isoflow.loading").joinpath("schema/process.xsd").read_bytes()
        _SCHEMA = etree.XMLSchema(etree.fromstring(source, parser()))
    return _SCHEMA


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing more than :data:`MAX_BYTES` before reading them all."""
    # os.open/os.read: no file object, no buffer; a third cheaper than Path.open(...).read().
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        size = os.fstat(fd).st_size
        # Ask for one byte more than the size: a short read of a regular file is its end, so
        # the usual file takes one read; 0 is a size the system does not know (/proc, pipes).
        step = size + 1 if 0 < size <= MAX_BYTES else 65536
        left = MAX_BYTES + 1  # until that much or the end
        parts = []
        while left > 0:
            want = min(step, left)
            chunk = os.read(fd, want)
            parts.append(chunk)
            left -= len(chunk)
            if len(chunk) < want:
                break
        return parts[0] if len(parts) == 1 else b"".join(parts)
    finally:
        os.close(fd)


def parse(data: bytes, path: str) -> Parsed | Finding:
    """The file's tree, or the one finding that says why it cannot be read as XML."""
    problem = _precheck(data, path) or _doctype(data, path)
    if problem is not None:
        return problem
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position
        message = _syntax_message(without_namespace(str(error.msg or error)).split(", line ")[0].strip())
        if "tag mismatch" in message:
            column = _tag_start(_sniff(data), line, column)
        hint = _('write a literal "&" as &amp; and "<" as &lt;') if "EntityRef" in message or "AttValue" in message \
            else ""
        return XML_SYNTAX.finding(_("not well-formed XML: {message}").format(message=message), path, max(line, 1),
                                  max(column, 1), hint=hint)
    docinfo: Any = root.getroottree().docinfo
    encoding = docinfo.encoding
    references = _contains(data, b"&#")  # character references can spell anything
    # While the bytes are hot: most files are surely NFC without decoding them (N001 asks).
    nfc = None
    if not references and encoding in ("UTF-8", "utf-8", None) and not data.startswith(_BOMS):
        nfc = utf8_is_nfc(data)
    source = SourceMap(lambda: _decode(data, encoding), nfc)
    if docinfo.doctype or docinfo.internalDTD is not None:  # the scan before parsing missed it
        return _doctype_finding(path, 1, 1)
    return Parsed(root, source, references, data)


def _precheck(data: bytes, path: str) -> Finding | None:
    if len(data) > MAX_BYTES:
        return FILE_TOO_LARGE.finding(_("file is larger than {size} MiB; a process file is a few hundred lines").format(
            size=MAX_BYTES // (1024 * 1024)), path)
    if not data or data.isspace():  # as ``not data.strip()``, without copying the file
        return XML_SYNTAX.finding(_("file is empty"), path,
                                  hint=_('a process file starts with <process xmlns="{namespace}" ...>').format(
                                      namespace=NAMESPACE))
    return None


def _contains(data: bytes, needle: bytes, rare: int = 0) -> bool:
    """``needle in data``, looking only where its byte at index ``rare`` is: finding a rare
    byte runs at memory speed, while ``in`` with a short needle takes about 13 µs for a
    15 KiB file."""
    byte = needle[rare:rare + 1]
    index = data.find(byte, rare)
    while index >= 0:
        if data.startswith(needle, index - rare):
            return True
        index = data.find(byte, index + 1)
    return False


_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"<\x00", b"\x00<")


def _decode(data: bytes, encoding: str | None) -> str:
    """The source text for positions: a byte-order mark decides first, then the declaration."""
    if data.startswith(_BOMS):
        return _sniff(data)
    try:
        return data.decode(encoding or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", errors="replace")


#: libxml2 wording that names parser options an author cannot set, in words they can act on.
_LIBXML_ADVICE = (
    (re.compile(r", use XML_PARSE_HUGE option"), " (isoflow accepts at most 256 levels of nesting)"),
    (re.compile(r", try XML_PARSE_HUGE"), ""),
    (re.compile(r", see xmlCtxtSetMaxAmplification"), ""),
)


def _syntax_message(message: str) -> str:
    for pattern, replacement in _LIBXML_ADVICE:
        message = pattern.sub(replacement, message)
    return message


def _tag_start(text: str, line: int, column: int) -> int:
    """The column of the ``</`` that libxml2 reports the column just after."""
    lines = text.splitlines()
    if 0 < line <= len(lines):
        found = lines[line - 1].rfind("</", 0, max(column - 1, 0))
        if found >= 0:
            return found + 1
    return column


def _doctype_finding(path: str, line: int, column: int) -> Finding:
    hint = _("remove the <!DOCTYPE ...> declaration; process files need no DTD or entities")
    return DOCTYPE_FORBIDDEN.finding(_("a DOCTYPE is not allowed in a process file"), path, line, column, hint=hint)


def _sniff(data: bytes) -> str:
    """The text, well enough to find markup before parsing (any BOM, else UTF-8)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace").removeprefix("\ufeff")
    if data.startswith(b"<\x00"):
        return data.decode("utf-16-le", errors="replace")
    if data.startswith(b"\x00<"):
        return data.decode("utf-16-be", errors="replace")
    return data.decode("utf-8", errors="replace").removeprefix("\ufeff")


def _doctype(data: bytes, path: str) -> Finding | None:
    """A DOCTYPE before the root element, found before libxml2 ever expands an entity.

    Entity tricks (billion laughs, external and parameter entities) live in the DOCTYPE, so
    refusing it first gives one clear finding instead of whatever the expansion broke.
    """
    if not _contains(data, b"<!DOCTYPE", 1) and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        return None  # the keyword is case-sensitive: without it there is nothing to find
    text = _sniff(data)
    for match in markup(text):
        if match.group(1):
            return None  # the root element: no DOCTYPE can follow
        if match.group(0)[:9].upper() == "<!DOCTYPE":
            return _doctype_finding(path, *SourceMap(text).line_col(match.start()))
    return None
