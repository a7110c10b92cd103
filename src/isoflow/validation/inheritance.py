"""Restatements the linter understands: an id that misses an inherited one by a letter or two.

A file that extends a flow restates inherited elements by id; one with a typo in its id is a
new element, which makes the rules report its consequences (an unreachable step, a trap, no
owner, a budget that did not change).  Here such an element is found once (I001) and, unless
its author marked it as new (a ``<suppress rule="I001">`` inside it), renamed to the id it
meant before the other rules run, so they report what the author would see after fixing it.
"""

from __future__ import annotations

import dataclasses
import difflib
import unicodedata
from collections.abc import Iterator
from typing import Any

from isoflow.i18n import N_
from isoflow.i18n import translate as _
from isoflow.model.definition import Action, Node, ProcessDefinition, revised
from isoflow.model.findings import Finding
from isoflow.validation.rules import i001_unknown_inherited as i001

__all__ = ["Misspelt", "corrected", "finding", "misspelt", "new_on_purpose"]

#: The sections whose elements a procedure restates rather than adds (fields, forms and records
#: are commonly added by a procedure, and a short field id resembles many others).
KINDS = {"roles": "role", "units": "unit", "states": "state", "actions": "action"}
#: How close an id must be to an inherited one to be taken for a typo (difflib's ratio: one
#: letter dropped from a nine-letter id is 0.94; ``ky_duyet`` against ``ky_duyet_2`` is 0.89).
CUTOFF = 0.85

#: The kinds of element in words, for the catalogue.
_KIND_WORDS = {"role": N_("role"), "unit": N_("unit"), "state": N_("state"), "action": N_("action")}
Misspelt = tuple[str, Node, str]  # (section, the node as written, the inherited id it meant)


def misspelt(base: ProcessDefinition, derived: ProcessDefinition) -> Iterator[Misspelt]:
    """The elements of ``derived`` that look like restatements of ``base``'s with a mistyped id."""
    for section in KINDS:
        inherited = getattr(base, section)
        own = getattr(derived, section)
        if section == "actions":
            yield from _actions(inherited, own)
            continue
        ids = {n.id for n in inherited}
        free = sorted(ids - {n.id for n in own})
        for node in own:
            if node.id in ids or node.remove or not free:
                continue
            close = _closest(node.id, free)
            if close:
                yield section, node, close


def _actions(inherited: tuple[Action, ...], own: tuple[Action, ...]) -> Iterator[Misspelt]:
    by_source: dict[str, set[str]] = {}
    for action in inherited:
        by_source.setdefault(action.source, set()).add(action.id)
    for action in own:
        ids = by_source.get(action.source, set())
        if action.id in ids or action.remove:
            continue
        restated = {a.id for a in own if a.source == action.source}
        close = _closest(action.id, sorted(ids - restated))
        if close:
            yield "actions", action, close


def _fold(text: str) -> str:
    """An id without its Vietnamese accents: ``thẩm_định`` and ``tham_dinh`` fold alike."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D").casefold()


def _closest(name: str, candidates: list[str]) -> str | None:
    """The inherited id ``name`` was most likely meant to be: the same once accents are taken
    away, or within :data:`CUTOFF` of it."""
    folded = _fold(name)
    same = [c for c in candidates if _fold(c) == folded]
    if same:
        return same[0]
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=CUTOFF)
    return close[0] if close else None


def new_on_purpose(node: Node) -> bool:
    """Whether the author marked the element as new: a ``<suppress rule="I001">`` inside it."""
    return any(s.rule == i001.rule.code for s in node.suppressions)


def finding(base_code: str, typo: Misspelt) -> Finding:
    section, node, meant = typo
    kind = KINDS[section]
    return i001.rule.at(node, _("no inherited {kind} {id!r} in {base}").format(kind=_(_KIND_WORDS[kind]), id=node.id,
                                                                             base=base_code),
                        hint=_('did you mean {meant!r}? A new {kind} on purpose says so with <suppress rule="I001" '
                               'reason="..."/> inside it').format(meant=meant, kind=_(_KIND_WORDS[kind])))


def corrected(derived: ProcessDefinition, typos: list[Misspelt]) -> ProcessDefinition:
    """``derived`` with each mistyped id replaced by the one it meant (for the other rules)."""
    renamed: dict[int, str] = {id(node): meant for _section, node, meant in typos}
    changes: dict[str, Any] = {}
    for section in {section for section, _node, _meant in typos}:
        changes[section] = tuple(revised(n, id=renamed[id(n)]) if id(n) in renamed else n
                                 for n in getattr(derived, section))
    return dataclasses.replace(derived, **changes)
