"""Dossier data in and out: values checked and coerced against the declared field types.

Stored data is JSON-safe: dates and datetimes as ISO strings (which also compare correctly
in guards), decimals as numbers.  Text from the command line is accepted for every type.

Numbers have bounds, because whatever is accepted is stored, printed on forms and fed to fee
formulas: an int field holds a database integer (``INT_MIN``..``INT_MAX``, a 64-bit integer
without its one asymmetric value) and a decimal at most 15 digits before or after the point,
narrowed by the field's own ``min`` and ``max``.  A value outside is refused, naming the field
and the range, instead of breaking a form, a JSON encoder or a database column later.

Text is stored in Unicode NFC: the same Vietnamese name typed on two keyboards (precomposed
"ễ" or "e" with two combining marks) must be one name in guards, searches and forms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from isoflow.errors import FieldValueError
from isoflow.model.definition import Field
from isoflow.model.expressions import suggest

_TRUE = {"true", "1", "yes", "có", "đúng"}
_FALSE = {"false", "0", "no", "không", "sai"}
#: The range of an int field that declares no bounds: what a signed 64-bit database column
#: holds, made symmetric so that ``-x`` of a valid value is valid.
INT_MAX = 2**63 - 1
INT_MIN = -INT_MAX
#: More significant digits than any int field can hold: such text is refused before ``int()``
#: converts it (a conversion costs time quadratic in the length, and fails beyond 4,300 digits).
_INT_DIGITS = len(str(INT_MAX))
_INTEGER_TEXT = re.compile(r"[+-]?0*(\d+)")
#: Whole numbers as people type them: ASCII digits only (``int()`` would also take "1_0" and
#: full-width or Arabic-Indic digits, which no form prints back the same way).
_ASCII_INTEGER = re.compile(r"[+-]?[0-9]+")
#: A decimal field's value is kept as a binary float, exact to 15 significant digits (IEEE
#: 754 double): more would be rounded silently, and 16 integer digits would come back from
#: PostgreSQL's jsonb written another way (1e+16 as 10000000000000000).
DECIMAL_DIGITS = 15
_NUMBER_TYPES = ("int", "decimal")
#: What a value of each type looks like, for messages.
_EXAMPLE = {"bool": "true or false", "int": "a whole number", "decimal": "a number (at most 15 digits)",
            "date": "a date like 2026-02-05", "datetime": "a local date and time like 2026-02-05T14:30"}





def nfc(text: str) -> str:
    """``text`` in Unicode NFC (the same object when it already is, which is the usual case)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def bounds(field: Field) -> tuple[Decimal | int | None, Decimal | int | None]:
    """The (lowest, highest) value ``field`` accepts; ``None`` where only the type limits it.

    An int field is always bounded by the database integer range, its declared ``min`` and
    ``max`` narrowing it; a decimal field by what it declares (and, beyond that, by its 15
    digits, which :func:`coerce` checks separately).
    """
    low, high = field.minimum, field.maximum
    if field.effective_type == "int":
        return (INT_MIN if low is None or low < INT_MIN else low,
                INT_MAX if high is None or high > INT_MAX else high)
    return low, high


def describe_range(low: Decimal | int | None, high: Decimal | int | None) -> str:
    """The range in words: ``between 1 and 20``, ``at least 0``, ``at most 5``."""
    if low is not None and high is not None:
        return f"between {_number(low)} and {_number(high)}"
    if low is not None:
        return f"at least {_number(low)}"
    return f"at most {_number(high)}" if high is not None else "any number"


def _number(value: Decimal | int) -> str:
    return f"{value:f}" if isinstance(value, Decimal) else str(value)


def show(value: object) -> str:
    """A value as a message quotes it: short, and never a 4,000-digit number (which Python
    cannot even print)."""
    if isinstance(value, int) and not isinstance(value, bool) and not -10**30 < value < 10**30:
        return "a number of more than 30 digits"
    if isinstance(value, str):
        match = _INTEGER_TEXT.fullmatch(value.strip())
        if match and len(match.group(1)) > 30:
            return f"a number of {len(match.group(1))} digits"
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _significant_digits(number: Decimal) -> int:
    """How many digits ``number`` needs once trailing zeros are dropped (1.50 and 150 need 2)."""
    return len(number.normalize().as_tuple().digits) if number else 0


def _in_range(field: Field, number: Decimal | int) -> None:
    low, high = bounds(field)
    if (low is not None and number < low) or (high is not None and number > high):
        raise FieldValueError(f"field {field.id!r}: {show(number)} is out of range: "
                              f"it must be {describe_range(low, high)}")


def coerce(field: Field, value: Any) -> Any:
    """``value`` as the JSON-safe form of ``field``'s type, or :class:`FieldValueError`.

    Numbers must lie in the field's range (see :func:`bounds`); text and choices are stored
    in NFC, a choice as the file spells its option.
    """
    if value is None:
        return None
    kind = field.effective_type
    try:
        if kind == "bool":
            if isinstance(value, bool):
                return value
            text = nfc(str(value)).strip().lower()
            if text in _TRUE or text in _FALSE:
                return text in _TRUE
            raise ValueError
        if kind == "int":
            if isinstance(value, bool):
                raise ValueError
            if not isinstance(value, int):
                text = str(value).strip()
                if not _ASCII_INTEGER.fullmatch(text):
                    raise ValueError
                digits = _INTEGER_TEXT.fullmatch(text)
                if digits and len(digits.group(1)) > _INT_DIGITS:
                    shown = text if len(text) <= 30 else f"a number of {len(digits.group(1))} digits"
                    raise FieldValueError(f"field {field.id!r}: {shown} is out of range: "
                                          f"it must be {describe_range(*bounds(field))}")
                value = int(text)
            _in_range(field, value)
            return value
        if kind == "decimal":
            if isinstance(value, bool):
                raise ValueError
            number = Decimal(str(value).strip())
            if not number.is_finite() or _significant_digits(number) > DECIMAL_DIGITS \
                    or number.adjusted() >= DECIMAL_DIGITS:
                raise ValueError
            _in_range(field, number)
            return int(number) if number == number.to_integral_value() else float(number)
        if kind == "date":
            return (value if isinstance(value, date) and not isinstance(value, datetime)
                    else date.fromisoformat(str(value).strip())).isoformat()
        if kind == "datetime":
            moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).strip())
            if moment.tzinfo is not None:
                raise ValueError
            return moment.isoformat(timespec="minutes")
        if kind in ("choice", "text") and not isinstance(value, str):
            # 5 for a text field is a mistake of the caller (a number meant for another field, or
            # a code that loses its leading zeros): say so instead of storing "5".
            raise FieldValueError(f"field {field.id!r}: {show(value)} is not text; a {kind} field takes a str "
                                  f"(give {str(value)!r} if that text is meant)")
        if kind == "choice":
            text = nfc(str(value))
            if field.options and text not in field.options:
                # The file may spell an option in another normal form (N001 warns about it).
                spelt = next((o for o in field.options if nfc(o) == text), None)
                if spelt is None:
                    raise FieldValueError(f"field {field.id!r}: {show(text)} is not one of "
                                          f"{', '.join(field.options)}")
                return spelt
            return text
        return nfc(str(value))
    except (ValueError, InvalidOperation, TypeError, OverflowError) as error:
        if isinstance(error, FieldValueError):
            raise
        raise FieldValueError(f"field {field.id!r}: {show(value)} is not {_EXAMPLE.get(kind, kind)}") from None


#: The Python types an effect may give each field type (an effect computes, it does not parse
#: text: ``"3"`` for an int field is a mistake in the process, not something to convert).
_EFFECT_TYPES: dict[str, tuple[type, ...]] = {
    "bool": (bool,), "int": (int,), "decimal": (int, float, Decimal),
    "text": (str,), "choice": (str,), "date": (str,), "datetime": (str,),
}


def accept(field: Field, value: object) -> Any:
    """An effect's result for ``field``, checked like entered data but without conversion.

    An int field takes an int (not a bool), a decimal field a finite number, the others text,
    and numbers must be in range; ``None`` clears the field.  Anything else (a tuple, ``inf``,
    ``nan``, a number out of range) is a :class:`FieldValueError` naming the field.
    """
    if value is None:
        return None
    kind = field.effective_type
    allowed = _EFFECT_TYPES.get(kind, (str,))
    if not isinstance(value, allowed) or (isinstance(value, bool) and kind != "bool"):
        raise FieldValueError(f"field {field.id!r}: {show(value)} is not {_EXAMPLE.get(kind, 'text')}")
    return coerce(field, value)


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
