"""The process model: a frozen, typed picture of one procedure file.

Every node carries a :class:`Location` (file, line, column, and where each of its attributes
is), so that every finding and error can point at the exact place a quality officer must
edit.  Optional attributes stay ``None`` when the author did not write them: that is what
lets a procedure restate only what differs from the flow it extends (:func:`extend`), and
the ``effective_*`` properties give the value in force.

The nodes are frozen msgspec structs built in C (a catalogue of 2,000 files has some 250,000
of them, locations included), and left out of the garbage collector (``gc=False``): they
refer only to values, tuples, mappings and the file's :class:`SourceMap`, never back to
anything that refers to them, so they can take no part in a reference cycle.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Literal, TypeVar

import msgspec

from isoflow.model.source_map import SourceMap

Outcome = Literal["granted", "refused", "withdrawn", "stopped"]
StateKind = Literal["work", "waiting", "final"]
NATIONAL_STATUS = {
    1: "Mới đăng ký",
    2: "Được tiếp nhận",
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}
#: The standard one-stop forms an action may issue (``issue="receipt"``); ``book`` (over a
#: period) and ``procedure`` (the quy trình) are not a dossier's, and are built apart.
DOSSIER_FORMS = ("receipt", "supplement", "refusal", "apology", "stop", "control")


#: One character of an attribute value as the parser delivers it comes from one of these in
#: the source: an entity or character reference, a CRLF pair, or any single character.
_RAW_CHAR = re.compile(r"&[^;&]*;|\r\n|.", re.S)


class Location(msgspec.Struct, eq=False, gc=False):
    """Where a node was written: file, 1-based line and column of its start tag.

    ``attributes`` maps each attribute to the line and column where its value starts and the
    value's source text, so that a position inside the value (a token of a guard, an item of
    an id list) can be mapped back to the file even across entities and line breaks.

    The loader gives the line at once and an *anchor* (the file's :class:`SourceMap`, the tag
    name and its occurrence on that line); the column and attributes are found the first
    time they are asked for, which for most nodes is never.  Locations are immutable: the
    fields are private, and resolving the anchor only fills in what was already decided.
    Built as ``Location(file, line[, column[, attributes[, source, name, occurrence]]])``;
    a struct because a file has one per element and most are never resolved.
    """

    file: str
    _line: int
    _column: int | None = None
    _attributes: Mapping[str, tuple[int, int, str]] | None = None
    _source: SourceMap | None = None
    _name: str = ""
    _occurrence: int = 0

    def _resolve(self) -> None:
        source = self._source
        if source is None:
            self._column, self._attributes = self._column or 0, self._attributes or {}
            return
        self._line, self._column, self._attributes = source.at(self._line, self._name, self._occurrence)
        self._source = None

    @property
    def line(self) -> int:
        """The line of the start tag's ``<`` (libxml2 gives the line of its ``>``)."""
        if self._source is not None:
            self._resolve()
        return self._line

    @property
    def column(self) -> int:
        if self._column is None or self._source is not None:
            self._resolve()
        return self._column or 0

    @property
    def attributes(self) -> Mapping[str, tuple[int, int, str]]:
        if self._attributes is None or self._source is not None:
            self._resolve()
        return self._attributes or {}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return (self.file, self.line, self.column) == (other.file, other.line, other.column)

    def __hash__(self) -> int:
        return hash((self.file, self.line, self.column))

    def __repr__(self) -> str:
        return f"Location({self.file!r}, {self.line}, {self.column})"

    def of(self, attribute: str, offset: int = 0) -> Location:
        """Where the ``offset``-th character of an attribute's (parsed) value is written.

        Falls back to the element itself when the attribute is not there.
        """
        entry = self.attributes.get(attribute)
        if entry is None:
            return Location(self.file, self.line, self.column)
        line, column, raw = entry
        position = len(raw)
        for index, match in enumerate(_RAW_CHAR.finditer(raw)):
            if index == offset:
                position = match.start()
                break
        return self._at(line, column, raw[:position])

    def of_item(self, attribute: str, item: str) -> Location:
        """Where one item of a space-separated list attribute (``roles="a b"``) is written."""
        entry = self.attributes.get(attribute)
        found = re.search(r"(?<!\S)" + re.escape(item) + r"(?!\S)", entry[2]) if entry else None
        if entry is None or found is None:
            return self.of(attribute)
        return self._at(entry[0], entry[1], entry[2][: found.start()])

    def _at(self, line: int, column: int, before: str) -> Location:
        newlines = before.count("\n")
        if newlines:
            return Location(self.file, line + newlines, len(before) - before.rfind("\n"))
        return Location(self.file, line, column + len(before))


class Suppression(msgspec.Struct, frozen=True, gc=False):
    """``<suppress rule="T002" reason="..."/>``: a rule silenced on one element, with why.

    The element it sits on is its scope: a finding of ``rule`` about that element (by id) or
    located anywhere inside it (lines ``first_line`` to ``last_line``, ``0``: to the end of the
    file) is silenced.  At the root the scope is the whole file.
    """

    rule: str
    reason: str
    location: Location
    #: The tag of the element it sits on (``state``, ``time-limit``, ``process``).
    element: str = ""
    #: That element's id, when it has one.
    target: str = ""
    first_line: int = 0
    last_line: int = 0

    def covers(self, line: int) -> bool:
        """Whether a finding on ``line`` lies inside the element this suppression sits on."""
        return self.first_line <= line and (not self.last_line or line <= self.last_line)

    def describe(self) -> str:
        """How messages name where it sits: ``<time-limit>``, ``<state id="tham_dinh">``."""
        return f'<{self.element} id="{self.target}">' if self.target else f"<{self.element}>"


class Node(msgspec.Struct, frozen=True, gc=False):
    """Common to everything with an id: where it is, and which rules it silences."""

    id: str
    location: Location
    suppressions: tuple[Suppression, ...] = ()
    remove: bool = False

    def describe(self) -> str:
        """How messages name this node: ``state 'tham_dinh'``."""
        return f"{type(self).__name__.lower()} {self.id!r}"


class Role(Node, frozen=True, gc=False):
    """A role that may hold a step or take an action (vai trò)."""

    name: str = ""


class Unit(Node, frozen=True, gc=False):
    """A unit that holds the dossier: one-stop desk, department, leadership, another agency."""

    name: str = ""
    kind: str | None = None


class Field(Node, frozen=True, gc=False):
    """A typed dossier field, usable in guards, effects and forms.

    ``minimum`` and ``maximum`` (``min``, ``max`` in the file) bound an int or decimal field,
    inclusive; without them an int field still holds only a database integer
    (:func:`isoflow.model.fields.bounds`).
    """

    type: str | None = None
    required: bool | None = None
    labels: Mapping[str, str] = msgspec.field(default_factory=dict)
    options: tuple[str, ...] = ()
    #: What each option means, as the forms print it (same order as ``options``; "" if unsaid).
    option_labels: tuple[str, ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None

    def option_label(self, value: str) -> str:
        """The printed label of a choice's value (the value itself when the file gives none)."""
        for option, label in zip(self.options, self.option_labels, strict=False):
            if option == value:
                return label or value
        return value

    @property
    def effective_type(self) -> str:
        return self.type or "text"


class Form(Node, frozen=True, gc=False):
    """A form the process issues; ``template`` names it in the form set."""

    name: str = ""
    template: str | None = None


class Duration(msgspec.Struct, frozen=True, gc=False):
    """A time budget in working hours (``4h``) or working days (``0.5d``)."""

    amount: Decimal
    unit: Literal["h", "d"]

    @classmethod
    def parse(cls, text: str) -> Duration:
        unit = text[-1]
        if unit not in ("h", "d"):
            raise ValueError(f"duration {text!r} must end in 'h' or 'd'")
        return cls(Decimal(text[:-1]), "h" if unit == "h" else "d")

    def hours(self, hours_per_day: Decimal) -> Decimal:
        """Working hours, converting days with the agency's hours per working day."""
        return self.amount if self.unit == "h" else self.amount * hours_per_day

    def __str__(self) -> str:
        return f"{self.amount.normalize():f}{self.unit}"


class State(Node, frozen=True, gc=False):
    """A step of the procedure (bước): who holds the dossier, who answers for it, how long."""

    kind: StateKind | None = None
    initial: bool | None = None
    outcome: Outcome | None = None
    unit: str | None = None
    role: str | None = None
    budget: Duration | None = None
    status: int | None = None
    clock: Literal["restart", "pause"] | None = None
    labels: Mapping[str, str] = msgspec.field(default_factory=dict)

    @property
    def restarts_clock(self) -> bool:
        """A waiting step after which the legal time starts again (a supplement), unless
        ``clock="pause"`` says it only pauses (a financial obligation)."""
        return self.effective_kind == "waiting" and self.clock != "pause"

    @property
    def effective_kind(self) -> StateKind:
        if self.kind:
            return self.kind
        return "final" if self.outcome else "work"

    @property
    def is_final(self) -> bool:
        return self.effective_kind == "final"

    @property
    def is_initial(self) -> bool:
        return bool(self.initial)

    @property
    def label(self) -> str:
        return self.labels.get("vi") or next(iter(self.labels.values()), self.id)


class Effect(msgspec.Struct, frozen=True, gc=False):
    """``<set field="x" value="expression"/>``: a field an action writes."""

    field: str
    value: str
    location: Location


class NumberTake(msgspec.Struct, frozen=True, gc=False):
    """``<number register="incoming|outgoing|copy" field="x"/>``: the action takes the next number
    of a document register into ``field`` (documents only: Decree 30/2020 Art. 15, 22(2)).

    The engine stays pure: the document office takes the number in the store, in the same
    transaction as the move, and hands it to the action as the value of ``field``."""

    register: str
    field: str
    location: Location


class Action(Node, frozen=True, gc=False):
    """A move from one step to another (thao tác); alternatives share an id and a source."""

    source: str = ""
    target: str | None = None
    roles: tuple[str, ...] | None = None
    when: str | None = None
    default: bool | None = None
    duty: Literal["prepare", "approve"] | None = None
    issues: tuple[str, ...] | None = None
    requires: tuple[str, ...] | None = None
    records: tuple[str, ...] | None = None
    effects: tuple[Effect, ...] | None = None
    reschedule: str | None = None
    labels: Mapping[str, str] = msgspec.field(default_factory=dict)
    #: A document register number this action takes (``<number>``), documents only.
    number: NumberTake | None = None

    @property
    def label(self) -> str:
        return self.labels.get("vi") or next(iter(self.labels.values()), self.id)

    def describe(self) -> str:
        return f"action {self.id!r} from {self.source!r}"


class Record(Node, frozen=True, gc=False):
    """A record to keep (hồ sơ cần lưu), where and for how long."""

    name: str = ""
    place: str | None = None
    retention: str | None = None


class SignOff(msgspec.Struct, frozen=True, gc=False):
    """One row of the cover's sign-off table: drafted, reviewed or approved."""

    by: str | None
    title: str | None
    on: date | None
    location: Location


class Change(msgspec.Struct, frozen=True, gc=False):
    """One row of the revision history (trang theo dõi sửa đổi)."""

    revision: int
    on: date
    where: str | None
    summary: str
    location: Location


class DocumentControl(msgspec.Struct, frozen=True, gc=False):
    """Document control of a controlled procedure (TCVN ISO 9001:2015, 7.5)."""

    drafted: SignOff | None
    reviewed: SignOff | None
    approved: SignOff | None
    history: tuple[Change, ...]
    location: Location


class Component(msgspec.Struct, frozen=True, gc=False):
    """One paper of the dossier (thành phần hồ sơ)."""

    id: str
    name: str
    copy: str
    count: int
    required: bool
    location: Location


class Term(msgspec.Struct, frozen=True, gc=False, kw_only=True):
    """One legal time limit as the law words it: at most one of working days, working hours,
    calendar days (``days``) or the same working day.

    The unit is the law's, kept as written: "05 ngày làm việc" is counted on the working
    calendar, "15 ngày" by the Civil Code (Bộ luật Dân sự 91/2015/QH13 Art. 147(2): the first
    day is not counted; Art. 148(1),(5),(6): the limit ends at 24:00 of the last day, or of the
    next working day when the last day is a weekend or holiday), and "ngay trong ngày" at the end
    of the working day.
    """

    working_days: Decimal | None = None
    working_hours: Decimal | None = None
    #: Calendar days ("ngày"), counted by the Civil Code, Arts. 147-148.
    days: int | None = None
    same_day: bool = False
    #: Where the law sets this limit (an article), as the procedure document prints it.
    basis: str | None = None
    location: Location

    @property
    def kind(self) -> Literal["working-hours", "working-days", "days", "same-day", "none"]:
        """Which unit the law uses for this limit."""
        if self.working_hours is not None:
            return "working-hours"
        if self.working_days is not None:
            return "working-days"
        if self.days is not None:
            return "days"
        return "same-day" if self.same_day else "none"

    def describe_term(self) -> str:
        """The limit in English words, as messages say it."""
        kind = self.kind
        if kind == "working-hours":
            return f"{self.working_hours.normalize():f} working hours"  # type: ignore[union-attr]
        if kind == "working-days":
            return f"{self.working_days.normalize():f} working days"  # type: ignore[union-attr]
        if kind == "days":
            return f"{self.days} days"
        return "the same working day" if kind == "same-day" else "no duration"


class LimitCase(Term, frozen=True, gc=False, kw_only=True):
    """``<case when="can_xac_minh" working-days="5">…</case>``: the limit the law sets for a
    case, which applies instead of the procedure's own while its guard holds on the dossier's
    data (Luật Hộ tịch 60/2014/QH13 Art. 18(2): "Trường hợp cần xác minh … không quá 05 ngày làm
    việc")."""

    when: str
    #: The case as the law words it ("Trường hợp cần xác minh điều kiện kết hôn"), for the papers.
    text: str = ""

    def __str__(self) -> str:
        return f"{self.describe_term()} when {self.when}"


class TimeLimit(Term, frozen=True, gc=False, kw_only=True):
    """The legal time limit: its term, the cut-off the procedure's own law sets, and the cases
    in which the law sets another term."""

    cutoff: str | None = None
    hours_per_day: Decimal = Decimal(8)
    cases: tuple[LimitCase, ...] = ()

    @property
    def hours(self) -> Decimal | None:
        """The limit in working hours (``None`` when the author gave none); calendar days count
        as the fewest working days they can hold (:func:`min_working_days`)."""
        return term_hours(self, self.hours_per_day)

    def __str__(self) -> str:
        return self.describe_term() if self.kind != "none" else "no duration"


def min_working_days(days: int) -> int:
    """The fewest working days a limit of ``days`` calendar days can hold on a five-day week,
    whatever the weekday of receipt, counted as the Civil Code does (Art. 147(2): from the day
    after receipt; Art. 148(5): a last day on a weekend moves to the next working day).
    Holidays are not taken out: the engine counts them on the real calendar."""
    fewest = days
    for start in range(7):  # the weekday of receipt, 0 = Monday
        weekday = [(start + k) % 7 < 5 for k in range(1, days + 1)]
        count = sum(weekday)
        if days and not weekday[-1]:
            count += 1  # Art. 148(5): the limit ends at the end of the next working day
        fewest = min(fewest, count)
    return fewest


def term_hours(term: Term, hours_per_day: Decimal) -> Decimal | None:
    """A term in working hours: working days × hours per day, one day for the same day, and
    for calendar days the fewest working days they can hold (:func:`min_working_days`)."""
    kind = term.kind
    if kind == "working-hours":
        return term.working_hours
    if kind == "working-days":
        return term.working_days * hours_per_day  # type: ignore[operator]
    if kind == "days":
        return min_working_days(term.days) * hours_per_day  # type: ignore[arg-type]
    return hours_per_day if kind == "same-day" else None


class Procedure(msgspec.Struct, frozen=True, gc=False):
    """The administrative procedure a process implements: sections 1–7 of the document."""

    titles: Mapping[str, str]
    level: str
    tthc_code: str | None
    agency: str
    parent_agency: str | None
    domain: str
    purpose: str | None
    scope: str | None
    references: tuple[str, ...]
    terms: tuple[tuple[str, str], ...]
    legal_basis: tuple[str, ...]
    components: tuple[Component, ...]
    time_limit: TimeLimit
    place_receipt: str
    place_return: str
    fee_amount: int
    fee_note: str
    online_level: str | None
    location: Location

    @property
    def title(self) -> str:
        return self.titles.get("vi") or next(iter(self.titles.values()), "")


N = TypeVar("N", bound=Node)
S = TypeVar("S", bound=msgspec.Struct)


def revised(node: S, **changes: object) -> S:
    """A copy of a node with ``changes``: the model's structs are frozen, so this is how a
    procedure restates an inherited step, or a test varies one."""
    return msgspec.structs.replace(node, **changes)


@dataclass(frozen=True)
class ProcessDefinition:
    """One procedure (``kind="process"``) or one shared flow (``kind="flow"``)."""

    kind: Literal["process", "flow"]
    code: str
    revision: int
    effective: date | None
    extends: str | None
    titles: Mapping[str, str]
    control: DocumentControl | None
    procedure: Procedure | None
    roles: tuple[Role, ...]
    units: tuple[Unit, ...]
    fields: tuple[Field, ...]
    forms: tuple[Form, ...]
    states: tuple[State, ...]
    actions: tuple[Action, ...]
    records: tuple[Record, ...]
    suppressions: tuple[Suppression, ...]
    location: Location
    dangling_removals: tuple[Node, ...] = ()
    #: Every ``<suppress>`` written in this file, wherever it sits, in document order (merging
    #: keeps the procedure's own: a suppression is reported unused in the file that wrote it).
    all_suppressions: tuple[Suppression, ...] = ()
    #: The file's text, for positions and whole-file checks (``None`` when built in code).
    source: SourceMap | None = field(default=None, compare=False, repr=False)
    #: The last day this revision receives new dossiers (the day before the act that abolishes
    #: or replaces the procedure takes effect, Decree 63/2010 Art. 14(2)(c)); dossiers received
    #: until then finish on it.  ``None``: open-ended.
    until: date | None = None
    #: The code of the procedure that replaces this one after ``until`` (may be outside the catalogue).
    replaced_by: str | None = None

    @property
    def file(self) -> str:
        return self.location.file

    @property
    def title(self) -> str:
        if self.procedure is not None:
            return self.procedure.title
        return self.titles.get("vi") or next(iter(self.titles.values()), self.code)

    @cached_property
    def state_by_id(self) -> Mapping[str, State]:
        return {s.id: s for s in self.states}

    @cached_property
    def _actions_by_source(self) -> Mapping[str, tuple[Action, ...]]:
        table: dict[str, list[Action]] = {}
        for action in self.actions:
            table.setdefault(action.source, []).append(action)
        return {k: tuple(v) for k, v in table.items()}

    @cached_property
    def graph(self) -> Mapping[str, tuple[str, ...]]:
        """State id → the declared states its actions lead to (computed once, for the rules)."""
        table: dict[str, list[str]] = {s.id: [] for s in self.states}
        for action in self.actions:
            if action.source in table and action.target in table:
                table[action.source].append(action.target)
        return {k: tuple(v) for k, v in table.items()}

    @cached_property
    def has_dangling_actions(self) -> bool:
        """Whether some action leads from or to an undeclared state (computed once, for the rules)."""
        known = self.state_by_id
        return any(a.source not in known or (a.target is not None and a.target not in known) for a in self.actions)

    def actions_from(self, state_id: str) -> tuple[Action, ...]:
        """The actions leaving one state, in document order."""
        return self._actions_by_source.get(state_id, ())

    @property
    def initial_states(self) -> tuple[State, ...]:
        return tuple(s for s in self.states if s.is_initial)

    @property
    def hours_per_day(self) -> Decimal:
        if self.procedure is not None:
            return self.procedure.time_limit.hours_per_day
        return Decimal(8)

    def nodes(self) -> Iterator[Node]:
        """Every node with an id, for rules that look at all of them."""
        yield from self.roles
        yield from self.units
        yield from self.fields
        yield from self.forms
        yield from self.states
        yield from self.actions
        yield from self.records


def _merge_nodes(base: tuple[N, ...], derived: tuple[N, ...]) -> tuple[tuple[N, ...], list[N]]:
    """Overlay ``derived`` on ``base``: a matching node patches what it states, others append."""
    merged: dict[object, N] = {_key(node): node for node in base}
    dangling: list[N] = []
    for node in derived:
        k = _match(node, merged)
        old = merged.get(k) if k is not None else None
        if node.remove:
            if old is None:
                dangling.append(node)
            else:
                del merged[k]
            continue
        if old is None:
            merged[_key(node)] = node
            continue
        changes = {
            name: getattr(node, name)
            for name in node.__struct_fields__
            if name not in ("id", "remove") and _stated(getattr(node, name))
        }
        merged[k] = revised(old, **changes)
    return tuple(merged.values()), dangling


def _key(node: Node) -> object:
    return (node.id, node.source, node.target) if isinstance(node, Action) else node.id


def _match(node: Node, merged: Mapping[object, Node]) -> object:
    """The key of the inherited node that ``node`` restates, if any.

    An action restated without ``to`` matches the inherited action with the same id and
    source when there is exactly one; alternatives must name their target.
    """
    if isinstance(node, Action) and node.target is None:
        keys = [k for k, n in merged.items() if isinstance(n, Action) and n.id == node.id and n.source == node.source]
        return keys[0] if len(keys) == 1 else None
    return _key(node)


def _stated(value: object) -> bool:
    return value is not None and value != "" and value != {} and value != ()


def extend(base: ProcessDefinition, derived: ProcessDefinition) -> ProcessDefinition:
    """The procedure ``derived`` with everything it inherits from the flow ``base``.

    Elements match by id (actions by ``(id, from, to)``); an element that is restated replaces
    only what it states and takes the location of the restatement, because that is where a
    quality officer edits it.  ``remove="true"`` drops an inherited element.
    """
    dangling: list[Node] = []

    def merge(name: str) -> tuple[N, ...]:
        nodes, lost = _merge_nodes(getattr(base, name), getattr(derived, name))
        dangling.extend(lost)
        return nodes

    return dataclasses.replace(
        derived,
        roles=merge("roles"),
        units=merge("units"),
        fields=merge("fields"),
        forms=merge("forms"),
        states=merge("states"),
        actions=merge("actions"),
        records=merge("records"),
        dangling_removals=tuple(dangling),
    )
