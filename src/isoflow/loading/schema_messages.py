"""Schema errors in words a quality officer reads, each at the element or attribute it is about.

libxml2 reports XSD errors with the line, an XPath and column 0, in its own vocabulary
(``Element '{urn:...}state', attribute 'budget': [facet 'pattern'] ...``).  Here each error
becomes one P006 finding at the element's real start tag (or the attribute's value), with
the expected form spelled out.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from lxml import etree

from isoflow.i18n import N_
from isoflow.i18n import translate as _
from isoflow.loading.diagnostics import NOT_A_PROCESS, XINCLUDE_FORBIDDEN, XML_SCHEMA
from isoflow.loading.parser import NAMESPACE, XINCLUDE, without_namespace
from isoflow.model.definition import Location
from isoflow.model.findings import Finding
from isoflow.model.source_map import SourceMap, combining_marks

__all__ = ["children_of", "not_a_process", "schema_findings", "xinclude_finding"]


def not_a_process(root: Any, path: str, source: SourceMap) -> Finding:
    qname = etree.QName(root)
    if qname.namespace:
        message = _("not an isoflow process file: the root element is <{element}> in namespace {namespace!r}")
    else:
        message = _("not an isoflow process file: the root element is <{element}> without a namespace")
    line, column, _index = source.at_index(0)
    return NOT_A_PROCESS.finding(message.format(element=qname.localname, namespace=qname.namespace), path, line,
                                 column, hint=_('the root must be <process xmlns="{namespace}"> or '
                                                '<flow xmlns="{namespace}">').format(namespace=NAMESPACE))


def xinclude_finding(root: Any, source: SourceMap, path: str, references: bool, data: bytes) -> Finding | None:
    """An XInclude element anywhere in the file, which the schema refused (it admits no other
    namespace): the finding names it, where a schema message would only say "not expected"."""
    # The namespace must be spelt in the file (or hidden in a character reference) for one to exist.
    for element in root.iter("{" + XINCLUDE + "}*") if references or b"XInclude" in data else ():
        index = next(i for i, el in enumerate(root.iter(etree.Element)) if el is element)
        line, column, _index = source.at_index(index)
        return XINCLUDE_FORBIDDEN.finding(_("XInclude is not allowed in a process file"), path, line, column,
                                          hint=_('to reuse a shared flow, write extends="FLOW-CODE" on <process>'))
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
            parent = found[0].getparent() if entry.path and found else None
            text, hint = _friendly(message, etree.QName(parent).localname if parent is not None else None)
            yield XML_SCHEMA.finding(text, path, line, column, hint=hint)


_ID = N_('an id: letters, digits, "_" and "-", starting with a letter or "_"')
#: What a value should look like, by attribute name, for pattern errors (libxml2 only
#: prints the regular expression, which quality officers should not have to read).
_EXPECTED = {
    "budget": N_('a working-time budget such as "4h" (hours) or "0.5d" (working days)'),
    "cutoff": N_('a time of day such as "15:00"'),
    "retention": N_('a retention such as "permanent", "10y" (years) or "6m" (months)'),
    "code": N_('a document code such as "QT-HT-01"'),
    "extends": N_('a document code such as "MC-CHUNG"'),
    "field": N_('a field name such as "ho_so_day_du" or "nguoi_nop.tuoi"'),
    "rule": N_('a rule code such as "T002" (see: isoflow rules)'),
    "reason": N_("a reason in words (it may not be empty)"),
    **dict.fromkeys(("id", "from", "to", "role", "unit", "roles", "issues", "records", "template"), _ID),
}
_ATOMIC = re.compile(r"(?<=: )'([^']*)' is not a valid value of the atomic type '([^']+)'$")
#: Plain words for the XSD built-in types isoflow uses.
_XS_WORDS = {
    "xs:boolean": N_("true or false"),
    "xs:date": N_("a date written YYYY-MM-DD, like 2026-01-31"),
    "xs:decimal": N_("a number, like 3 or 0.5"),
    "xs:positiveInteger": N_("a whole number greater than 0"),
    "xs:nonNegativeInteger": N_("a whole number, 0 or more"),
    "xs:language": N_("a language code, like vi or en"),
}
_PATTERN = re.compile(r"\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '.*'$", re.S)


def _friendly(message: str, parent: str | None = None) -> tuple[str, str]:
    """libxml2's XSD message, minus the namespace noise, in words a quality officer reads, and
    a hint when there is something to add (the order of a section, a closest value)."""
    message = message.rstrip(".")
    hint = ""
    attribute = _ATTR_IN_MESSAGE.search(message)
    pattern = _PATTERN.search(message)
    if pattern and attribute and not unicodedata.is_normalized("NFC", pattern.group(1)):
        value = pattern.group(1)
        message = message[: pattern.start()] + _(
            "{value!r} is written with combining accents ({marks}): it looks right but is decomposed Unicode "
            "(NFD), which an id may not be").format(value=unicodedata.normalize("NFC", value),
                                                      marks=combining_marks(value))
        hint = _("rewrite the file in NFC with: isoflow fix FILE")
    elif pattern and attribute and attribute.group(1) in _EXPECTED:
        message = message[: pattern.start()] + _("{value!r} is not {expected}").format(
            value=pattern.group(1), expected=_(_EXPECTED[attribute.group(1)]))
    atomic = _ATOMIC.search(message)
    if atomic and atomic.group(2) in _XS_WORDS:
        message = message[: atomic.start()] + _("{value!r} is not {expected}").format(
            value=atomic.group(1), expected=_(_XS_WORDS[atomic.group(2)]))
    enumeration = _ENUMERATION.search(message)
    if enumeration:
        allowed = re.findall(r"'([^']*)'", enumeration.group(2))
        message = message[: enumeration.start()] + _("{value!r} is not one of the allowed values: {allowed}").format(
            value=enumeration.group(1), allowed=", ".join(allowed))
        close = difflib.get_close_matches(enumeration.group(1), allowed, n=1, cutoff=0.7)
        hint = _("did you mean {close!r}?").format(close=close[0]) if close else ""
    for sentence, words in _LIBXML_WORDS:
        said = sentence.search(message)
        if said:
            message = message[: said.start()] + _(words).format(*said.groups())
    message = re.sub(r"\[facet '[a-zA-Z]+'\] ", "", message).replace("Element '", "<")
    message = message.replace("', attribute '", "> attribute '")
    message = re.sub(r"^<([^'>]+)': ", r"<\1>: ", message)
    return _sections(message, parent, hint)


#: libxml2's own sentences that isoflow keeps as they are in English and translates.
_LIBXML_WORDS = (
    (re.compile(r"The attribute '([^']+)' is not allowed$"), N_("The attribute '{0}' is not allowed")),
    (re.compile(r"The attribute '([^']+)' is required but missing$"),
     N_("The attribute '{0}' is required but missing")),
    (re.compile(r"The value '([^']*)' is greater than the maximum value allowed \('([^']*)'\)$"),
     N_("The value '{0}' is greater than the maximum value allowed ('{1}')")),
    (re.compile(r"The value '([^']*)' is less than the minimum value allowed \('([^']*)'\)$"),
     N_("The value '{0}' is less than the minimum value allowed ('{1}')")),
)
_ENUMERATION = re.compile(r"The value '([^']*)' is not an element of the set \{(.*)\}$")
_EXPECTED_SET = re.compile(r"Expected is (?:one of )?\( ([^)]*) \)")
_UNEXPECTED = re.compile(r"^<([^>]+)>: This element is not expected\. (Expected is .*)$")
_MISSING = re.compile(r"^<([^>]+)>: Missing child element\(s\)\. (Expected is .*)$")


def _either(names: list[str]) -> str:
    tags = [f"<{n}>" for n in names]
    return tags[0] if len(tags) == 1 else _("{some} or {last}").format(some=", ".join(tags[:-1]), last=tags[-1])


def _sections(message: str, parent: str | None, hint: str) -> tuple[str, str]:
    """"Expected is ( control )" in words: what was expected, and the order of the parent's
    sections (from the XSD) when the element is in the wrong place."""
    missing = _MISSING.match(message)
    unexpected = _UNEXPECTED.match(message)
    if not (missing or unexpected):
        return message, hint
    match = missing or unexpected
    assert match is not None
    expected_set = _EXPECTED_SET.search(match.group(2))
    names = [n.strip() for n in expected_set.group(1).split(",")] if expected_set else []
    required = [n for n in names if n != "suppress"] or names
    if missing:
        return _("<{element}> is missing {expected}, which must come next").format(
            element=match.group(1), expected=_either(required)), hint
    element = match.group(1)
    text = _("<{element}> is not allowed here: expected {expected}").format(
        element=element, expected=_either(required)) if required else \
        _("<{element}> is not allowed here").format(element=element)
    order = children_of(parent) if parent else []
    if element in order:
        hint = _("the parts of <{parent}> come in this order: {order}").format(
            parent=parent, order=", ".join(f"<{n}>" for n in order))
    elif order:
        homes = [name for name, kids in _order().items() if element in kids]
        hint = _("<{parent}> holds {order}; there is no <{element}> in it").format(
            parent=parent, order=", ".join(f"<{n}>" for n in order), element=element)
        if homes:
            hint += "; " + _("<{element}> belongs in {homes}").format(element=element, homes=_either(homes))
    return text, hint


@lru_cache(maxsize=1)
def _order() -> dict[str, list[str]]:
    """Element name → the names of its children, in the order the XSD requires."""
    from isoflow.loading.reference import XS, children, schema_path

    root = etree.parse(str(schema_path()), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    groups: dict[str, list[str]] = {}
    for group in root.iter(f"{XS}group"):
        if group.get("name"):
            groups[str(group.get("name"))] = [e.get("ref") or e.get("name") or "" for e in group.iter(f"{XS}element")]
    table: dict[str, list[str]] = {}
    for element in root.iter(f"{XS}element"):
        name = element.get("name")
        if not name or name in table:
            continue
        names: list[str] = []
        for child in children(element):
            names.extend(groups.get(child[1:-1], []) if child.startswith("(") else [child])
        table[name] = [n for n in dict.fromkeys(names) if n]
    return table


def children_of(name: str) -> list[str]:
    """The child elements of ``<name>``, in schema order (``[]`` for an unknown name)."""
    return _order().get(name, [])
