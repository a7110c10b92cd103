"""What crosses into the audit trail, checked at the engine's boundary.

An event without a person or a role answers nobody for it; a value an effect computes is
stored and later printed, encoded to JSON and written to a database column, so it must fit
its field exactly as entered data does; text is kept in Unicode NFC so that one name typed two
ways is one name.  These checks are small and shared by receiving and acting, so they live
here rather than in the engine's control flow.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from isoflow.errors import ExpressionEvaluationError, FieldValueError
from isoflow.model.fields import accept, nfc
from isoflow.running.compiler import CompiledAction, CompiledProcess

__all__ = ["blank_reason", "effect_value", "guard_holds", "nfc_tree"]


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


def nfc_tree(value: Any) -> Any:
    """``value`` with every text in it (keys too) in NFC: applicant data may nest."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, Mapping):
        return {nfc_tree(k): nfc_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [nfc_tree(v) for v in value]
    return value


def guard_holds(compiled: CompiledAction, data: Mapping[str, Any]) -> bool:
    """Whether the guard holds now, an evaluation error counting as no (to list options)."""
    try:
        return bool(compiled.guard.evaluate(data)) if compiled.guard else True
    except ExpressionEvaluationError:
        return False
