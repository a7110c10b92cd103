"""What crosses into the audit trail, checked at the engine's boundary.

An event without a person or a role answers nobody for it; a value an effect computes is
stored and later printed, encoded to JSON and written to a database column, so it must fit
its field exactly as entered data does; text is kept in Unicode NFC so that one name typed two
ways is one name.  These checks are small and shared by receiving and acting, so they live
here rather than in the engine's control flow.

Who acts is text that every paper and listing prints on one line: an actor, role or receiver
with a control or format character (Unicode categories Cc and Cf: a newline, ESC, a zero-width
space or joiner, a direction override) is refused, because a newline in an actor forged a line
of ``isoflow dossier history`` and a zero-width character makes two logins look alike; the
rest is kept in NFC, so segregation of duties compares one spelling of a name.  Applicant keys
that are one key in NFC are refused too: merging them would keep one value and drop the other
without anyone deciding which.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from isoflow.errors import ExpressionEvaluationError, FieldValueError
from isoflow.model.fields import accept, nfc
from isoflow.running.compiler import CompiledAction, CompiledProcess

__all__ = ["blank_reason", "effect_value", "guard_holds", "identity", "nfc_tree"]


def effect_value(process: CompiledProcess, name: str, expression: Any, data: Mapping[str, Any],
                 refuse: Callable[[str, str], Exception]) -> Any:
    """What an effect writes into field ``name``: its value, checked like entered data.

    A failure is ``invalid-data``, not ``guard``: the action was allowed, but the data it
    was given makes the value it must record impossible (too large, not a number...).
    """
    try:
        value = expression.evaluate(data)
    except ExpressionEvaluationError as error:
        raise refuse("invalid-data", f"field {name!r}: {error}") from None
    field = process.fields.get(name)
    if field is None:  # validate reports it (S003); a process built in code may not have been
        raise refuse("invalid-data", f"the effect {expression.source!r} sets {name!r}, which is not a field")
    try:
        return accept(field, value)
    except FieldValueError as error:
        raise refuse("invalid-data", f"{error} (computed by the effect {expression.source!r})") from None


def blank_reason(actor: str, role: str) -> str:
    """Why the actor or role cannot go into the audit trail ("" when both can)."""
    if not isinstance(actor, str) or not actor.strip():
        return "the actor is blank: say who acts (a user name)"
    if not isinstance(role, str) or not role.strip():
        return "the role is blank: say in which role the actor acts"
    return ""


def identity(actor: str, role: str, receiver: str | None = None) -> tuple[str, str, str | None, str]:
    """The actor, role and receiver as the audit trail keeps them (NFC), and why they cannot
    go into it (``""`` when they can): blank, or holding a control or format character."""
    blank = blank_reason(actor, role)
    if blank:
        return actor, role, receiver, blank
    for what, text in (("actor", actor), ("role", role), ("receiver", receiver)):
        if text is None:
            continue
        if not isinstance(text, str):
            return actor, role, receiver, f"the {what} must be text"
        if text.isprintable():  # no Cc or Cf character (C, one pass): the usual name needs no more
            continue
        bad = next((c for c in text if unicodedata.category(c) in ("Cc", "Cf")), None)
        if bad is not None:
            return actor, role, receiver, (f"the {what} {text!r} holds the control or format character "
                                           f"U+{ord(bad):04X} ({unicodedata.name(bad, 'unnamed')}); "
                                           "type the name on one line, without invisible characters")
    return nfc(actor), nfc(role), None if receiver is None else nfc(receiver), ""


def nfc_tree(value: Any, where: str = "applicant") -> Any:
    """``value`` with every text in it (keys too) in NFC: applicant data may nest.

    Raises :class:`FieldValueError` when two keys of one mapping are the same key in NFC
    (``ho_ten`` typed twice, once with combining marks): which value is meant is the
    applicant's to say, not a silent last-one-wins."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, Mapping):
        result: dict[Any, Any] = {}
        written: dict[Any, Any] = {}
        for key, item in value.items():
            normal = nfc_tree(key, where)
            if normal in result:
                raise FieldValueError(f"{where}: the keys {written[normal]!a} and {key!a} are the same "
                                      f"text {normal!r} in two Unicode forms; give each key once")
            written[normal] = key
            result[normal] = nfc_tree(item, f"{where}.{normal}")
        return result
    if isinstance(value, (list, tuple)):
        return [nfc_tree(v, where) for v in value]
    return value


def guard_holds(compiled: CompiledAction, data: Mapping[str, Any]) -> bool:
    """Whether the guard holds now, an evaluation error counting as no (to list options)."""
    try:
        return bool(compiled.guard.evaluate(data)) if compiled.guard else True
    except ExpressionEvaluationError:
        return False
