"""Dossier data in and out: values checked and coerced against the declared field types.

Stored data is JSON-safe: dates and datetimes as ISO strings (which also compare correctly
in guards), decimals as numbers.  Text from the command line is accepted for every type.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from isoflow.definition import Field
from isoflow.expressions import suggest

_TRUE = {"true", "1", "yes", "có", "đúng"}
_FALSE = {"false", "0", "no", "không", "sai"}


class FieldValueError(ValueError):
    """A value does not fit its field's type; the message names the field and the type."""


def coerce(field: Field, value: Any) -> Any:
    """``value`` as the JSON-safe form of ``field``'s type, or :class:`FieldValueError`."""
    if value is None:
        return None
    kind = field.effective_type
    try:
        if kind == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE or text in _FALSE:
                return text in _TRUE
            raise ValueError
        if kind == "int":
            if isinstance(value, bool):
                raise ValueError
            return int(str(value).strip()) if not isinstance(value, int) else value
        if kind == "decimal":
            if isinstance(value, bool):
                raise ValueError
            number = Decimal(str(value).strip())
            if not number.is_finite() or abs(number.adjusted()) > 15:
                raise ValueError
            return int(number) if number == number.to_integral_value() else float(number)
        if kind == "date":
            return (value if isinstance(value, date) and not isinstance(value, datetime)
                    else date.fromisoformat(str(value).strip())).isoformat()
        if kind == "datetime":
            moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).strip())
            if moment.tzinfo is not None:
                raise ValueError
            return moment.isoformat(timespec="minutes")
        if kind == "choice":
            text = str(value)
            if field.options and text not in field.options:
                raise FieldValueError(f"field {field.id!r}: {text!r} is not one of {', '.join(field.options)}")
            return text
        return str(value)
    except (ValueError, InvalidOperation, TypeError, OverflowError) as error:
        if isinstance(error, FieldValueError):
            raise
        example = {"bool": "true or false", "int": "a whole number", "decimal": "a number (at most 15 digits)",
                   "date": "a date like 2026-02-05", "datetime": "a local date and time like 2026-02-05T14:30"}
        raise FieldValueError(f"field {field.id!r}: {value!r} is not {example.get(kind, kind)}") from None


def coerce_all(fields: Mapping[str, Field], values: Mapping[str, Any]) -> dict[str, Any]:
    """Every value coerced; unknown names are an error naming the closest declared field."""
    out = {}
    for name, value in values.items():
        field = fields.get(name)
        if field is None:
            close = suggest(name, fields)
            hint = f" (did you mean {close!r}?)" if close else ""
            raise FieldValueError(f"unknown field {name!r}{hint}")
        out[name] = coerce(field, value)
    return out
