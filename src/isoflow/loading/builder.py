"""Building the model from a schema-valid tree: every node frozen, every node with its location.

The hot path of ``isoflow validate`` on a large catalogue (about a quarter of a file's time):
attributes are read once with ``dict(items())``, texts collapsed only when they need it, and
repeated budgets parsed once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Literal, cast

from lxml import etree

from isoflow.loading.parser import NS as _NS
from isoflow.model.definition import (
    Action,
    Change,
    Component,
    DocumentControl,
    Duration,
    Effect,
    Field,
    Form,
    LimitCase,
    Location,
    NumberTake,
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
from isoflow.model.source_map import SourceMap

__all__ = ["build", "text_of"]


def build(root: Any, path: str, source: SourceMap) -> ProcessDefinition:
    """The definition a schema-valid ``root`` describes, each node located in ``path``."""
    return _Builder(path, source).build(root)


_ROLES, _ROLE, _UNITS, _UNIT = _NS + "roles", _NS + "role", _NS + "units", _NS + "unit"
_FIELDS, _FIELD, _FORMS, _FORM = _NS + "fields", _NS + "field", _NS + "forms", _NS + "form"
_STATES, _STATE, _ACTIONS, _ACTION = _NS + "states", _NS + "state", _NS + "actions", _NS + "action"
_RECORDS, _RECORD, _LABEL, _SET, _OPTION = _NS + "records", _NS + "record", _NS + "label", _NS + "set", _NS + "option"
_NUMBER = _NS + "number"
_HISTORY, _CHANGE, _CASE = _NS + "history", _NS + "change", _NS + "case"
#: The elements that are nodes of the model: a suppression on one also follows its id through ``extends``.
_NODE_TAGS = frozenset({"role", "unit", "field", "form", "state", "action", "record"})
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
        self.made: dict[Any, Suppression] = {}

    def build(self, root: Any) -> ProcessDefinition:
        written = []
        for element in root.iter(_NS + "suppress"):
            self.suppressed.setdefault(element.getparent(), []).append(element)
            written.append(self.suppression(element))
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
            roles=tuple(Role(*self.node(e, "role"), text_of(e)) for e in self.items(root, _ROLES, _ROLE)),
            units=tuple(Unit(*self.node(e, "unit"), text_of(e), e.get("kind"))
                        for e in self.items(root, _UNITS, _UNIT)),
            fields=tuple(self.field(e) for e in self.items(root, _FIELDS, _FIELD)),
            forms=tuple(Form(*self.node(e, "form"), text_of(e), e.get("template"))
                        for e in self.items(root, _FORMS, _FORM)),
            states=tuple(self.state(e) for e in self.items(root, _STATES, _STATE)),
            actions=tuple(self.action(e) for e in self.items(root, _ACTIONS, _ACTION)),
            records=tuple(Record(*self.node(e, "record"), text_of(e), e.get("place"), e.get("retention"))
                          for e in self.items(root, _RECORDS, _RECORD)),
            suppressions=self.suppressions(root),
            all_suppressions=tuple(written),
            location=self.loc(root),
            source=self.source,
            until=_date(root.get("until")),
            replaced_by=root.get("replaced-by"),
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
            return {child.get("lang", "vi"): text_of(child)} if child.tag == _NS + tag else {}
        return {e.get("lang", "vi"): text_of(e) for e in element.iterchildren(_NS + tag)}

    def suppressions(self, element: Any) -> tuple[Suppression, ...]:
        found = self.suppressed.get(element)
        if not found:
            return ()
        return tuple(self.suppression(e) for e in found)

    def suppression(self, element: Any) -> Suppression:
        """One ``<suppress>``, made once (its location counts tags in document order) with
        the lines of the element it sits on: from its start tag to the line before whatever
        follows it in the file (the same line when something follows on that line)."""
        made = self.made.get(element)
        if made is not None:
            return made
        parent = element.getparent()
        first = parent.sourceline or 0
        last = 0
        node = parent
        while node is not None and last == 0:
            after = node.getnext()
            if after is not None:
                last = max(first, (after.sourceline or first + 1) - 1)
            node = node.getparent()
        tag = parent.tag.rpartition("}")[2]
        target = parent.get("id", "") if tag in _NODE_TAGS else ""
        made = self.made[element] = Suppression(element.get("rule"), element.get("reason").strip(), self.loc(element),
                                                tag, target, first, last)
        return made

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
                labels[child.get("lang", "vi")] = text_of(child)
            elif tag == _OPTION:
                options.append(child.get("value"))
                option_labels.append(text_of(child))
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
                labels[child.get("lang", "vi")] = text_of(child)
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
        number = None
        for child in e:
            tag = child.tag
            if tag == _LABEL:
                labels[child.get("lang", "vi")] = text_of(child)
            elif tag == _NUMBER:
                number = NumberTake(child.get("register"), child.get("field"), self.loc(child, "number"))
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
                      tuple(effects) if effects else None, get("reschedule"), labels, number)

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

        history = tuple(Change(int(c.get("revision")), cast(date, _date(c.get("on"))), c.get("where"), text_of(c),
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
            days=_int(t.get("days")), same_day=bool(_bool(t.get("same-day"))), cutoff=t.get("cutoff"),
            hours_per_day=_decimal(t.get("hours-per-day")) or Decimal(8), basis=t.get("basis"),
            location=self.loc(t, "time-limit"),
            cases=tuple(LimitCase(
                working_days=_decimal(c.get("working-days")), working_hours=_decimal(c.get("working-hours")),
                days=_int(c.get("days")), same_day=bool(_bool(c.get("same-day"))), basis=c.get("basis"),
                location=self.loc(c, "case"), when=c.get("when", ""), text=text_of(c))
                for c in t if c.__class__ is _ELEMENT and c.tag == _CASE))
        return Procedure(
            titles={c.get("lang", "vi"): text_of(c) for c in many["title"]}, level=e.get("level"),
            tthc_code=e.get("tthc-code"), agency=text_of(one.get("agency")),
            parent_agency=_optional_text(one.get("parent-agency")), domain=text_of(one.get("domain")),
            purpose=_optional_text(one.get("purpose")), scope=_optional_text(one.get("scope")),
            references=tuple(text_of(r) for r in many["ref"]),
            terms=tuple((r.get("abbr"), text_of(r)) for r in many["term"]),
            legal_basis=tuple(text_of(a) for a in many["act"]),
            components=tuple(Component(c.get("id"), text_of(c), c.get("copy", "original"), int(c.get("count", "1")),
                                       _bool(c.get("required")) is not False, self.loc(c, "component"))
                             for c in many["component"]),
            time_limit=time_limit, place_receipt=place.get("receipt"), place_return=place.get("return"),
            fee_amount=int(fee.get("amount")), fee_note=text_of(fee),
            online_level=online.get("level") if online is not None else None, location=self.loc(e, "procedure"))


def text_of(element: Any) -> str:
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
    return text_of(element) or None if element is not None else None


def _bool(value: str | None) -> bool | None:
    return None if value is None else value.strip() in ("true", "1")


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value else None
    except ValueError:
        return None


def _decimal(value: str | None) -> Decimal | None:
    try:
        return Decimal(value.strip()) if value else None
    except InvalidOperation:
        return None
