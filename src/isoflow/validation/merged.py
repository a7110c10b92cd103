"""What ``isoflow show`` prints: a procedure as the engine will run it, its flow merged in.

Two views of one merged definition: a readable outline of its steps and actions, and a
process file without ``extends`` (the written file's own control and procedure sections, then
every role, unit, field, form, step, action and record, each marked with where it came from).
Marks: ``flow`` (inherited as the flow states it), ``restated`` (inherited, with what this file
changes), ``new`` (this file's own).  Pure: the definitions come from the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from isoflow.i18n import N_
from isoflow.i18n import translate as _
from isoflow.model.definition import Action, Field, Form, Node, ProcessDefinition, Record, Role, State, Unit
from isoflow.model.source_map import markup

__all__ = ["Origin", "as_outline", "as_xml", "origins"]

SECTIONS = ("roles", "units", "fields", "forms", "states", "actions", "records")
_SECTIONS = {"roles": N_("roles"), "units": N_("units"), "fields": N_("fields"), "forms": N_("forms"),
             "records": N_("records")}
_MARKS = {"flow": N_("flow"), "restated": N_("restated"), "new": N_("new")}
_KINDS = {"work": N_("work"), "waiting": N_("waiting"), "final": N_("final")}
_ROOTS = {"process": N_("process"), "flow": N_("flow")}
_SKIP = {"id", "location", "suppressions", "remove"}


@dataclass(frozen=True)
class Origin:
    """Where a merged node comes from: ``flow``, ``restated`` (with the changed attributes) or ``new``."""

    mark: str
    where: str = ""
    changed: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.mark == "flow":
            return _("flow {where}").format(where=self.where)
        if self.mark == "restated":
            return _("restated here ({changed}) over {where}").format(changed=", ".join(self.changed),
                                                                      where=self.where)
        return _("new here")


def _key(node: Node) -> object:
    return (node.id, node.source, node.target) if isinstance(node, Action) else node.id


def origins(written: ProcessDefinition, merged: ProcessDefinition,
            base: ProcessDefinition | None) -> dict[int, Origin]:
    """``id(node)`` of every merged node → its origin, against the merged ``base`` it extends."""
    found: dict[int, Origin] = {}
    for section in SECTIONS:
        inherited: Mapping[object, Node] = {_key(n): n for n in getattr(base, section)} if base else {}
        for node in getattr(merged, section):
            old = inherited.get(_key(node))
            if old is None and isinstance(node, Action):  # restated without "to": same id and source
                old = next((n for k, n in inherited.items() if isinstance(n, Action) and n.id == node.id
                            and n.source == node.source), None)
            if node.location.file != written.file:
                found[id(node)] = Origin("flow", f"{node.location.file}:{node.location.line}")
            elif old is None:
                found[id(node)] = Origin("new")
            else:
                changed = tuple(name for name in node.__struct_fields__
                                if name not in _SKIP and getattr(node, name) != getattr(old, name))
                found[id(node)] = Origin("restated", f"{old.location.file}:{old.location.line}", changed)
    return found


# --- the outline -------------------------------------------------------------------------------


def as_outline(written: ProcessDefinition, merged: ProcessDefinition, base: ProcessDefinition | None) -> str:
    """The merged procedure in words: steps, then actions, each with its origin."""
    marks = origins(written, merged, base)
    head = _("{kind} {code} revision {revision}: {title}").format(kind=_(_ROOTS[merged.kind]), code=merged.code,
                                                                  revision=merged.revision, title=merged.title)
    lines = [head + (_(" (extends {base})").format(base=written.extends) if written.extends else "")]
    if merged.procedure is not None:
        lines.append(_("  legal time limit: {limit}").format(limit=merged.procedure.time_limit))
    lines.append(_("steps:"))
    for state in merged.states:
        facts: list[str] = [_(_KINDS[state.effective_kind])]
        if state.is_initial:
            facts.append(_("initial"))
        if state.outcome:
            facts.append(_("outcome {outcome}").format(outcome=state.outcome))
        if state.unit or state.role:
            facts.append(" / ".join(x for x in (state.unit, state.role) if x))
        if state.budget is not None:
            facts.append(_("budget {budget}").format(budget=state.budget))
        lines.append(f"  {state.id}: {state.label}" if state.label != state.id else f"  {state.id}")
        lines.append(f"      {', '.join(facts)}   [{marks[id(state)]}]")
    lines.append(_("actions:"))
    for action in merged.actions:
        facts = [_("roles {roles}").format(roles=" ".join(action.roles)) if action.roles else _("no roles")]
        if action.when:
            facts.append(_("when {guard}").format(guard=action.when))
        if action.default:
            facts.append(_("default"))
        if action.requires:
            facts.append(_("requires {fields}").format(fields=" ".join(action.requires)))
        lines.append(f"  {action.source} → {action.target or '?'}: {action.id}"
                     + (f" ({action.label})" if action.label != action.id else ""))
        lines.append(f"      {', '.join(facts)}   [{marks[id(action)]}]")
    for section in ("roles", "units", "fields", "forms", "records"):
        nodes = getattr(merged, section)
        if nodes:
            lines.append(f"{_(_SECTIONS[section])}: " + ", ".join(f"{n.id} [{_(_MARKS[marks[id(n)].mark])}]"
                                                                  for n in nodes))
    return "\n".join(lines) + "\n"


# --- the process file --------------------------------------------------------------------------


def as_xml(written: ProcessDefinition, merged: ProcessDefinition, base: ProcessDefinition | None) -> str:
    """A process file of the merged procedure, without ``extends``: it validates and loads as
    the same definition.  The written file's text up to its first body section is kept as
    written (control, procedure, comments), each body element is preceded by its origin."""
    text = written.source.text if written.source is not None else ""
    cut = next((m.start() for m in markup(text) if m.group(1) in SECTIONS), None)
    if cut is None:  # no body section written: everything before the end tag
        cut = text.rindex(f"</{written.kind}>")
    head = text[:cut].rstrip() + "\n"
    if written.extends:
        root = next(m for m in markup(head) if m.group(1) == written.kind)
        start_tag = re.sub(r"""\s+extends\s*=\s*(?:"[^"]*"|'[^']*')""", "", root.group())
        head = (head[:root.start()] + f"<!-- merged by isoflow show: {written.code} with the flow it extends, "
                f"{written.extends}; each element says where it comes from -->\n" + start_tag + head[root.end():])
    marks = origins(written, merged, base)
    body = [line for section in SECTIONS for line in _section(section, getattr(merged, section), marks)]
    return head + "\n".join(body) + ("\n" if body else "") + f"</{written.kind}>\n"


def _section(section: str, nodes: tuple[Node, ...], marks: Mapping[int, Origin]) -> Iterator[str]:
    if not nodes:
        return
    yield f"  <{section}>"
    for node in nodes:
        yield f"    <!-- {marks[id(node)]} -->"
        yield from (f"    {line}" for line in _element(node))
    yield f"  </{section}>"


def _attrs(pairs: list[tuple[str, object]]) -> str:
    return "".join(f" {name}={quoteattr(_value(value))}" for name, value in pairs if value is not None)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return " ".join(map(str, value))
    return str(value)


def _children(node: Node, labels: Mapping[str, str] | None = None, extra: list[str] | None = None) -> list[str]:
    inner = [f"<label{'' if lang == 'vi' else f' lang={quoteattr(lang)}'}>{escape(text)}</label>"
             for lang, text in (labels or {}).items()]
    inner += extra or []
    inner += [f"<suppress rule={quoteattr(s.rule)} reason={quoteattr(s.reason)}/>" for s in node.suppressions]
    return inner


def _wrap(tag: str, attrs: str, inner: list[str], text: str = "") -> list[str]:
    if not inner:
        return [f"<{tag}{attrs}>{escape(text)}</{tag}>" if text else f"<{tag}{attrs}/>"]
    return [f"<{tag}{attrs}>{escape(text)}", *(f"  {line}" for line in inner), f"</{tag}>"]


def _element(node: Node) -> list[str]:
    if isinstance(node, Role):
        return _wrap("role", _attrs([("id", node.id)]), _children(node), node.name)
    if isinstance(node, Unit):
        return _wrap("unit", _attrs([("id", node.id), ("kind", node.kind)]), _children(node), node.name)
    if isinstance(node, Form):
        return _wrap("form", _attrs([("id", node.id), ("template", node.template)]), _children(node), node.name)
    if isinstance(node, Record):
        return _wrap("record", _attrs([("id", node.id), ("place", node.place), ("retention", node.retention)]),
                     _children(node), node.name)
    if isinstance(node, Field):
        options = [f"<option value={quoteattr(value)}>{escape(label)}</option>" if label
                   else f"<option value={quoteattr(value)}/>"
                   for value, label in zip(node.options, node.option_labels or ("",) * len(node.options),
                                           strict=False)]
        return _wrap("field", _attrs([("id", node.id), ("type", node.type), ("required", node.required),
                                      ("min", node.minimum), ("max", node.maximum)]),
                     _children(node, node.labels, options))
    if isinstance(node, State):
        return _wrap("state", _attrs([("id", node.id), ("kind", node.kind), ("initial", node.initial),
                                      ("outcome", node.outcome), ("unit", node.unit), ("role", node.role),
                                      ("budget", node.budget), ("status", node.status), ("clock", node.clock)]),
                     _children(node, node.labels))
    assert isinstance(node, Action)
    effects = [f"<set field={quoteattr(e.field)} value={quoteattr(e.value)}/>" for e in node.effects or ()]
    if node.number is not None:  # a document register's number (after the <set>s, as the schema orders them)
        effects.append(f"<number register={quoteattr(node.number.register)} field={quoteattr(node.number.field)}/>")
    return _wrap("action", _attrs([("id", node.id), ("from", node.source), ("to", node.target),
                                   ("roles", node.roles), ("when", node.when), ("default", node.default),
                                   ("duty", node.duty), ("issues", node.issues), ("requires", node.requires),
                                   ("records", node.records), ("reschedule", node.reschedule)]),
                 _children(node, node.labels, effects))
