"""Reading process files: the only module that touches lxml.

One hardened parser (no entities, no DTD, no network, no XInclude, no huge trees), a size cap
before parsing, the shipped XSD, and a source scan that gives every element and attribute
its real column (libxml2 reports column 0 for validity errors).  A file that cannot be used
becomes findings with a location, never a traceback; the tree becomes a frozen
:class:`~isoflow.model.definition.ProcessDefinition`.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

from lxml import etree

from isoflow.model.definition import (
    Action,
    Change,
    Component,
    DocumentControl,
    Duration,
    Effect,
    Field,
    Form,
    Location,
    Procedure,
    ProcessDefinition,
    Record,
    Role,
    SignOff,
    State,
    Suppression,
    TimeLimit,
    Unit,
)
from isoflow.model.findings import Finding, Severity
from isoflow.model.source_map import _TOKEN, SourceMap, utf8_is_nfc

NAMESPACE = "urn:isoflow:process:1"
XINCLUDE = "http://www.w3.org/2001/XInclude"
MAX_BYTES = 2 * 1024 * 1024
_NS = "{" + NAMESPACE + "}"

_SCHEMA_NOISE = re.compile(r"\{" + re.escape(NAMESPACE) + r"\}")


@dataclass(frozen=True, slots=True)
class LoadResult:
    """A file's definition (``None`` if unusable) and the findings made while loading it."""

    path: str
    definition: ProcessDefinition | None
    findings: tuple[Finding, ...]


def _finding(code: str, name: str, message: str, path: str, line: int = 1, column: int = 1,
             hint: str = "") -> Finding:
    return Finding(code, name, Severity.ERROR, message, path, line, column, "", hint)


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


def _parser() -> etree.XMLParser:
    """The hardened parser, one per process and thread (making one costs more than parsing a
    small file; lxml parsers must not be shared between threads)."""
    key = threading.get_ident()
    parser = _PARSERS.get(key)
    if parser is None:
        parser = _PARSERS[key] = _new_parser()
    return parser


def _new_parser() -> etree.XMLParser:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=False,
        remove_blank_text=True,  # no node for the indentation between elements: less to build, check and free
    )
    parser.resolvers.add(_NothingResolver())
    return parser


_SCHEMA: etree.XMLSchema | None = None


def schema() -> etree.XMLSchema:
    """The shipped XSD, compiled once per process."""
    global _SCHEMA
    if _SCHEMA is None:
        source = resources.files("isoflow.loading").joinpath("schema/process.xsd").read_bytes()
        _SCHEMA = etree.XMLSchema(etree.fromstring(source, _parser()))
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


def load_file(path: Path, display: str | None = None) -> LoadResult:
    """Load one process file.  ``OSError`` (missing, unreadable) is the caller's to report."""
    return load_bytes(read_bytes(path), display or str(path))


def load_bytes(data: bytes, path: str) -> LoadResult:
    """Parse, check and build one process file held in memory."""
    problem = _precheck(data, path) or _doctype(data, path)
    if problem is not None:
        return LoadResult(path, None, (problem,))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position
        message = _syntax_message(_clean(str(error.msg or error)).split(", line ")[0].strip())
        if "tag mismatch" in message:
            column = _tag_start(_sniff(data), line, column)
        hint = 'write a literal "&" as &amp; and "<" as &lt;' if "EntityRef" in message or "AttValue" in message else ""
        return LoadResult(path, None, (_finding(
            "P001", "xml-syntax", f"not well-formed XML: {message}", path, max(line, 1), max(column, 1), hint),))
    tree = root.getroottree()
    docinfo: Any = tree.docinfo
    encoding = docinfo.encoding
    references = _contains(data, b"&#")  # character references can spell anything
    # While the bytes are hot: most files are surely NFC without decoding them (N001 asks).
    nfc = None
    if not references and encoding in ("UTF-8", "utf-8", None) and not data.startswith(_BOMS):
        nfc = utf8_is_nfc(data)
    source = SourceMap(lambda: _decode(data, encoding), nfc)
    if docinfo.doctype or docinfo.internalDTD is not None:  # the scan before parsing missed it
        return LoadResult(path, None, (_doctype_finding(path, 1, 1),))
    if root.tag not in (_NS + "process", _NS + "flow"):
        return LoadResult(path, None, (_not_a_process(root, path, source),))
    xsd = schema()
    if not xsd.validate(tree):
        # The schema admits no element of another namespace, so an XInclude element always
        # fails it: looking for one only here costs valid files nothing.  The namespace must
        # be spelt in the file (or hidden in a character reference) for one to exist.
        for element in root.iter("{" + XINCLUDE + "}*") if references or b"XInclude" in data else ():
            index = next(i for i, el in enumerate(root.iter(etree.Element)) if el is element)
            line, column, _ = source.at_index(index)
            return LoadResult(path, None, (_finding(
                "P005", "xinclude-forbidden", "XInclude is not allowed in a process file", path,
                line, column, "to reuse a shared flow, write extends=\"FLOW-CODE\" on <process>"),))
        return LoadResult(path, None, tuple(_schema_findings(xsd.error_log, root, path, source)))
    return LoadResult(path, _Builder(path, source).build(root), ())


def _precheck(data: bytes, path: str) -> Finding | None:
    if len(data) > MAX_BYTES:
        return _finding("P003", "file-too-large",
                        f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB; a process file is a few hundred lines",
                        path)
    if not data or data.isspace():  # as ``not data.strip()``, without copying the file
        return _finding("P001", "xml-syntax", "file is empty", path,
                        hint='a process file starts with <process xmlns="urn:isoflow:process:1" ...>')
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


def _clean(message: str) -> str:
    return _SCHEMA_NOISE.sub("", message)


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
    return _finding("P002", "doctype-forbidden", "a DOCTYPE is not allowed in a process file", path, line, column,
                    "remove the <!DOCTYPE ...> declaration; process files need no DTD or entities")


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
    for match in _TOKEN.finditer(text):
        if match.group(1):
            return None  # the root element: no DOCTYPE can follow
        if match.group(0)[:9].upper() == "<!DOCTYPE":
            return _doctype_finding(path, *SourceMap(text).line_col(match.start()))
    return None


def _not_a_process(root: Any, path: str, source: SourceMap) -> Finding:
    qname = etree.QName(root)
    namespace = f" in namespace {qname.namespace!r}" if qname.namespace else " without a namespace"
    found = f"<{qname.localname}>{namespace}"
    line, column, _ = source.at_index(0)
    return _finding("P004", "not-a-process", f"not an isoflow process file: the root element is {found}",
                    path, line, column,
                    f'the root must be <process xmlns="{NAMESPACE}"> or <flow xmlns="{NAMESPACE}">')


_ATTR_IN_MESSAGE = re.compile(r"attribute '([^']+)'")


def _schema_findings(log: Any, root: Any, path: str, source: SourceMap) -> Iterator[Finding]:
    """One finding per schema error, located at the element (or attribute) it is about.

    libxml2 gives the line and an XPath of the element but always column 0; the XPath finds
    the element's index in document order, which is the index of its start tag in the scan.
    """
    elements: dict[Any, int] | None = None
    seen: set[tuple[int, int, str]] = set()
    for entry in log:
        message = _clean(entry.message).strip()
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
            yield _finding("P006", "xml-schema", _friendly(message), path, line, column)


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


_ROLES, _ROLE, _UNITS, _UNIT = _NS + "roles", _NS + "role", _NS + "units", _NS + "unit"
_FIELDS, _FIELD, _FORMS, _FORM = _NS + "fields", _NS + "field", _NS + "forms", _NS + "form"
_STATES, _STATE, _ACTIONS, _ACTION = _NS + "states", _NS + "state", _NS + "actions", _NS + "action"
_RECORDS, _RECORD, _LABEL, _SET, _OPTION = _NS + "records", _NS + "record", _NS + "label", _NS + "set", _NS + "option"
_HISTORY, _CHANGE = _NS + "history", _NS + "change"
_ELEMENT = etree._Element  # comments and processing instructions are subclasses
_XML_SPACES = re.compile("[ \t\n\r]+")
#: The groups of <procedure> and the one kind of item each holds.
_GROUPS = {"references": "ref", "terms": "term", "legal-basis": "act", "components": "component"}
#: Budgets repeat across a catalogue ("4h", "0.5d"); durations are immutable, so one each.
_duration = lru_cache(maxsize=4096)(Duration.parse)


class _Builder:
    """Turns a schema-valid tree into definition nodes, each with its location."""

    def __init__(self, path: str, source: SourceMap) -> None:
        self.sections: dict[str, Any] = {}
        self.path = path
        self.source = source
        self.seen: dict[int, Any] = {}
        self.suppressed: dict[Any, list[Any]] = {}

    def build(self, root: Any) -> ProcessDefinition:
        for element in root.iter(_NS + "suppress"):
            self.suppressed.setdefault(element.getparent(), []).append(element)
        kind: Literal["process", "flow"] = "process" if root.tag == _NS + "process" else "flow"
        sections: dict[str, Any] = {}  # the first child of each tag, as find() would give
        for child in root:
            sections.setdefault(child.tag, child)
        self.sections = sections
        procedure_el = sections.get(_NS + "procedure")
        control_el = sections.get(_NS + "control")
        return ProcessDefinition(
            kind=kind,
            code=root.get("code"),
            revision=int(root.get("revision")),
            effective=_date(root.get("effective")),
            extends=root.get("extends"),
            titles=self.texts(root, "title"),
            control=self.control(control_el) if control_el is not None else None,
            procedure=self.procedure(procedure_el) if procedure_el is not None else None,
            roles=tuple(Role(*self.node(e, "role"), _text(e)) for e in self.items(root, _ROLES, _ROLE)),
            units=tuple(Unit(*self.node(e, "unit"), _text(e), e.get("kind")) for e in self.items(root, _UNITS, _UNIT)),
            fields=tuple(self.field(e) for e in self.items(root, _FIELDS, _FIELD)),
            forms=tuple(Form(*self.node(e, "form"), _text(e), e.get("template"))
                        for e in self.items(root, _FORMS, _FORM)),
            states=tuple(self.state(e) for e in self.items(root, _STATES, _STATE)),
            actions=tuple(self.action(e) for e in self.items(root, _ACTIONS, _ACTION)),
            records=tuple(Record(*self.node(e, "record"), _text(e), e.get("place"), e.get("retention"))
                          for e in self.items(root, _RECORDS, _RECORD)),
            suppressions=self.suppressions(root),
            location=self.loc(root),
            source=self.source,
        )

    def loc(self, element: Any, name: str | None = None) -> Location:
        """The element's line now; its column when asked (the n-th such tag on that line)."""
        line = element.sourceline or 0
        if name is None:
            name = element.tag.rpartition("}")[2]
        # Line → the name of the one tag located there so far (the usual case, no tuple key),
        # or → {name: how many} once a line holds more than one.
        seen = self.seen
        first = seen.get(line)
        if first is None:
            seen[line] = name
            occurrence = 0
        else:
            if first.__class__ is str:
                first = seen[line] = {first: 1}
            occurrence = first.get(name, 0)
            first[name] = occurrence + 1
        return Location(self.path, line, None, None, self.source, name, occurrence)

    def items(self, root: Any, group: str, item: str) -> list[Any]:
        """The ``item`` children of the first ``group`` section (a walk beats a tag matcher).

        The schema admits only ``item`` elements in a section, so telling them from comments
        and processing instructions by class spares building each child's tag name.
        """
        parent = self.sections.get(group)
        return [] if parent is None else [child for child in parent if child.__class__ is _ELEMENT]

    def texts(self, element: Any, tag: str) -> Mapping[str, str]:
        count = len(element)
        if not count:
            return {}
        if count == 1:  # the usual case: one Vietnamese label
            child = element[0]
            return {child.get("lang", "vi"): _text(child)} if child.tag == _NS + tag else {}
        return {e.get("lang", "vi"): _text(e) for e in element.iterchildren(_NS + tag)}

    def suppressions(self, element: Any) -> tuple[Suppression, ...]:
        found = self.suppressed.get(element)
        if not found:
            return ()
        return tuple(Suppression(e.get("rule"), e.get("reason").strip(), self.loc(e)) for e in found)

    def node(self, element: Any, name: str) -> tuple[str, Location, tuple[Suppression, ...], bool]:
        """The fields every :class:`Node` starts with, in their order."""
        return (element.get("id"), self.loc(element, name),
                self.suppressions(element) if self.suppressed else (), element.get("remove") in ("true", "1"))

    # The node builders below run for every field, step and action of every file: they walk
    # the children once with ``for child in e`` (iterchildren(tag) builds a tag matcher per
    # call, which costs more than the walk) and construct positionally, in the fields' order.
    # Their yes/no and list attributes are read inline: a call costs more than what it does.
    def field(self, e: Any) -> Field:
        a = dict(e.items())
        get = a.get
        labels: dict[str, str] = {}
        options = []
        option_labels = []
        for child in e:
            tag = child.tag
            if tag == _LABEL:
                labels[child.get("lang", "vi")] = _text(child)
            elif tag == _OPTION:
                options.append(child.get("value"))
                option_labels.append(_text(child))
        required = get("required")
        low, high = get("min"), get("max")
        return Field(a["id"], self.loc(e, "field"), self.suppressions(e) if self.suppressed else (),
                     get("remove") in ("true", "1"), get("type"),
                     None if required is None else required.strip() in ("true", "1"), labels, tuple(options),
                     tuple(option_labels), None if low is None else Decimal(low.strip()),
                     None if high is None else Decimal(high.strip()))

    def state(self, e: Any) -> State:
        a = dict(e.items())
        get = a.get
        budget = get("budget")
        status = get("status")
        initial = get("initial")
        labels: dict[str, str] = {}
        for child in e:
            if child.tag == _LABEL:
                labels[child.get("lang", "vi")] = _text(child)
        return State(a["id"], self.loc(e, "state"), self.suppressions(e) if self.suppressed else (),
                     get("remove") in ("true", "1"), get("kind"),
                     None if initial is None else initial.strip() in ("true", "1"), get("outcome"),
                     get("unit"), get("role"), _duration(budget) if budget else None,
                     int(status) if status else None, get("clock"), labels)

    def action(self, e: Any) -> Action:
        a = dict(e.items())  # one copy in C beats a dozen .get() calls
        get = a.get
        labels: dict[str, str] = {}
        effects = None
        for child in e:
            tag = child.tag
            if tag == _LABEL:
                labels[child.get("lang", "vi")] = _text(child)
            elif tag == _SET:
                effect = Effect(child.get("field"), child.get("value"), self.loc(child, "set"))
                if effects is None:
                    effects = [effect]
                else:
                    effects.append(effect)
        roles, issues, requires, records = get("roles"), get("issues"), get("requires"), get("records")
        default = get("default")
        return Action(a["id"], self.loc(e, "action"), self.suppressions(e) if self.suppressed else (),
                      get("remove") in ("true", "1"), a["from"], get("to"),
                      None if roles is None else tuple(roles.split()), get("when"),
                      None if default is None else default.strip() in ("true", "1"), get("duty"),
                      None if issues is None else tuple(issues.split()),
                      None if requires is None else tuple(requires.split()),
                      None if records is None else tuple(records.split()),
                      tuple(effects) if effects else None, get("reschedule"), labels)

    def control(self, e: Any) -> DocumentControl:
        first: dict[str, Any] = {}
        changes: list[Any] = []
        for child in e:  # one pass instead of find() and findall() with their path language
            tag = child.tag
            if tag == _HISTORY:
                changes.extend(c for c in child if c.tag == _CHANGE)
            else:
                first.setdefault(tag, child)

        def sign(tag: str) -> SignOff | None:
            s = first.get(_NS + tag)
            return None if s is None else SignOff(s.get("by"), s.get("title"), _date(s.get("on")), self.loc(s))

        history = tuple(Change(int(c.get("revision")), cast(date, _date(c.get("on"))), c.get("where"), _text(c),
                               self.loc(c, "change")) for c in changes)
        return DocumentControl(sign("drafted"), sign("reviewed"), sign("approved"), history, self.loc(e))

    def procedure(self, e: Any) -> Procedure:
        # One pass over the children, by tag: a dozen find() calls cost more than the rest.
        one: dict[str, Any] = {}
        many: dict[str, list[Any]] = {"title": [], "ref": [], "term": [], "act": [], "component": []}
        for child in e:
            if child.__class__ is not _ELEMENT:
                continue  # a comment or processing instruction
            tag = child.tag.rpartition("}")[2]
            if tag in many:
                many[tag].append(child)
            elif tag in _GROUPS:  # a group of one kind of item (the schema says which)
                many[_GROUPS[tag]].extend(item for item in child if item.__class__ is _ELEMENT)
            else:
                one[tag] = child
        t, place, fee, online = one["time-limit"], one["place"], one["fee"], one.get("online")
        time_limit = TimeLimit(
            working_days=_decimal(t.get("working-days")), working_hours=_decimal(t.get("working-hours")),
            same_day=bool(_bool(t.get("same-day"))), cutoff=t.get("cutoff"),
            hours_per_day=_decimal(t.get("hours-per-day")) or Decimal(8), basis=t.get("basis"),
            location=self.loc(t, "time-limit"))
        return Procedure(
            titles={c.get("lang", "vi"): _text(c) for c in many["title"]}, level=e.get("level"),
            tthc_code=e.get("tthc-code"), agency=_text(one.get("agency")),
            parent_agency=_optional_text(one.get("parent-agency")), domain=_text(one.get("domain")),
            purpose=_optional_text(one.get("purpose")), scope=_optional_text(one.get("scope")),
            references=tuple(_text(r) for r in many["ref"]),
            terms=tuple((r.get("abbr"), _text(r)) for r in many["term"]),
            legal_basis=tuple(_text(a) for a in many["act"]),
            components=tuple(Component(c.get("id"), _text(c), c.get("copy", "original"), int(c.get("count", "1")),
                                       _bool(c.get("required")) is not False, self.loc(c, "component"))
                             for c in many["component"]),
            time_limit=time_limit, place_receipt=place.get("receipt"), place_return=place.get("return"),
            fee_amount=int(fee.get("amount")), fee_note=_text(fee),
            online_level=online.get("level") if online is not None else None, location=self.loc(e, "procedure"))


def _text(element: Any) -> str:
    """The element's text with runs of XML white space collapsed, as a reader sees it.

    Only XML's white space (space, tab, line feed, carriage return), as the schema's
    ``collapse`` does: a no-break space or an em space is the author's choice and stays.
    """
    if element is None:
        return ""
    text = element.text or "" if len(element) == 0 else "".join(element.itertext())
    # strip(" ") returns the text itself when there is nothing at either end: no copy.
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or text.strip(" ") != text:
        return _XML_SPACES.sub(" ", text).strip(" ")
    return text


def _optional_text(element: Any) -> str | None:
    return _text(element) or None if element is not None else None


def _bool(value: str | None) -> bool | None:
    return None if value is None else value.strip() in ("true", "1")


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _decimal(value: str | None) -> Decimal | None:
    try:
        return Decimal(value.strip()) if value else None
    except InvalidOperation:
        return None
