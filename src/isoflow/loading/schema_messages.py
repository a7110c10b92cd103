"""Schema errors in words a quality officer reads, each at the element or attribute it is about.

libxml2 reports XSD errors with the line, an XPath and column 0, in its own vocabulary
(``Element '{urn:...}state', attribute 'budget': [facet 'pattern'] ...``).  Here each error
becomes one P006 finding at the element's real start tag (or the attribute's value), with
the expected form spelled out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from isoflow.loading.diagnostics import NOT_A_PROCESS, XINCLUDE_FORBIDDEN, XML_SCHEMA
from isoflow.loading.parser import NAMESPACE, XINCLUDE, without_namespace
from isoflow.model.definition import Location
from isoflow.model.findings import Finding
from isoflow.model.source_map import SourceMap

__all__ = ["not_a_process", "schema_findings", "xinclude_finding"]


def not_a_process(root: Any, path: str, source: SourceMap) -> Finding:
    qname = etree.QName(root)
    namespace = f" in namespace {qname.namespace!r}" if qname.namespace else " without a namespace"
    found = f"<{qname.localname}>{namespace}"
    line, column, _ = source.at_index(0)
    return NOT_A_PROCESS.finding(f"not an isoflow process file: the root element is {found}", path, line, column,
                                 hint=f'the root must be <process xmlns="{NAMESPACE}"> or <flow xmlns="{NAMESPACE}">')


def xinclude_finding(root: Any, source: SourceMap, path: str, references: bool, data: bytes) -> Finding | None:
    """An XInclude element anywhere in the file, which the schema refused (it admits no other
    namespace): the finding names it, where a schema message would only say "not expected"."""
    # The namespace must be spelt in the file (or hidden in a character reference) for one to exist.
    for element in root.iter("{" + XINCLUDE + "}*") if references or b"XInclude" in data else ():
        index = next(i for i, el in enumerate(root.iter(etree.Element)) if el is element)
        line, column, _ = source.at_index(index)
        return XINCLUDE_FORBIDDEN.finding("XInclude is not allowed in a process file", path, line, column,
                                          hint="to reuse a shared flow, write extends=\"FLOW-CODE\" on <process>")
    return None


_ATTR_IN_MESSAGE = re.compile(r"attribute '([^']+)'")


def schema_findings(log: Any, root: Any, path: str, source: SourceMap) -> Iterator[Finding]:
    """One finding per schema error, located at the element (or attribute) it is about.

    libxml2 gives the line and an XPath of the element but always column 0; the XPath finds
    the element's index in document order, which is the index of its start tag in the scan.
    """
    elements: dict[Any, int] | None = None
    seen: set[tuple[int, int, str]] = set()
    for entry in log:
        message = without_namespace(entry.message).strip()
        index = None
        if entry.path:
            if elements is None:
                elements = {el: i for i, el in enumerate(root.iter(etree.Element))}
            try:
                found = root.getroottree().xpath(entry.path)
            except etree.XPathError:
                found = []
            index = elements.get(found[0]) if found else None
        if index is None:
            line, column = source.first_on(entry.line)
        else:
            loc = Location(path, *source.at_index(index))
            attribute = _ATTR_IN_MESSAGE.search(message)
            loc = loc.of(attribute.group(1)) if attribute else loc
            line, column = loc.line, loc.column
        if (line, column, message) not in seen:
            seen.add((line, column, message))
            yield XML_SCHEMA.finding(_friendly(message), path, line, column)


_ID = 'an id: letters, digits, "_" and "-", starting with a letter or "_"'
#: What a value should look like, by attribute name, for pattern errors (libxml2 only
#: prints the regular expression, which quality officers should not have to read).
_EXPECTED = {
    "budget": 'a working-time budget such as "4h" (hours) or "0.5d" (working days)',
    "cutoff": 'a time of day such as "15:00"',
    "retention": 'a retention such as "permanent", "10y" (years) or "6m" (months)',
    "code": 'a document code such as "QT-HT-01"',
    "extends": 'a document code such as "MC-CHUNG"',
    "field": 'a field name such as "ho_so_day_du" or "nguoi_nop.tuoi"',
    "rule": 'a rule code such as "T002" (see: isoflow rules)',
    "reason": "a reason in words (it may not be empty)",
    **dict.fromkeys(("id", "from", "to", "role", "unit", "roles", "issues", "records", "template"), _ID),
}
_ATOMIC = re.compile(r"(?<=: )'([^']*)' is not a valid value of the atomic type '([^']+)'$")
#: Plain words for the XSD built-in types isoflow uses.
_XS_WORDS = {
    "xs:boolean": "true or false",
    "xs:date": "a date written YYYY-MM-DD, like 2026-01-31",
    "xs:decimal": "a number, like 3 or 0.5",
    "xs:positiveInteger": "a whole number greater than 0",
    "xs:nonNegativeInteger": "a whole number, 0 or more",
    "xs:language": "a language code, like vi or en",
}
_PATTERN = re.compile(r"\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '.*'$", re.S)


def _friendly(message: str) -> str:
    """libxml2's XSD message, minus the namespace noise, in words a quality officer reads."""
    message = message.rstrip(".")
    attribute = _ATTR_IN_MESSAGE.search(message)
    pattern = _PATTERN.search(message)
    if pattern and attribute and attribute.group(1) in _EXPECTED:
        message = message[: pattern.start()] + f"{pattern.group(1)!r} is not {_EXPECTED[attribute.group(1)]}"
    atomic = _ATOMIC.search(message)
    if atomic and atomic.group(2) in _XS_WORDS:
        message = message[: atomic.start()] + f"{atomic.group(1)!r} is not {_XS_WORDS[atomic.group(2)]}"
    message = re.sub(r"\[facet '[a-zA-Z]+'\] ", "", message).replace("Element '", "<")
    message = message.replace("', attribute '", "> attribute '")
    return re.sub(r"^<([^'>]+)': ", r"<\1>: ", message)
