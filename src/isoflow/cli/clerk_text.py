"""What the clerk reads: values, times and words of a dossier in the language of the command.

Never a Python value (``True``, ``None``, ``early``, ``in_person``) and never English inside
Vietnamese: booleans are có / không, times are written as Vietnamese write them (09/01/2026
15:30), outcomes, channels and step results in words, and counts agree with their noun.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from isoflow.i18n import N_, current, n_
from isoflow.i18n import translate as _
from isoflow.model.definition import Field, ProcessDefinition

__all__ = ["channel", "current", "duration", "field_need", "moment", "outcome", "result", "value"]


def moment(at: datetime | None) -> str:
    """A time as the language writes it: ``09/01/2026 15:30`` or ``2026-01-09 15:30``."""
    if at is None:
        return "–"
    return f"{at:%d/%m/%Y %H:%M}" if current() == "vi" else f"{at:%Y-%m-%d %H:%M}"


def day(on: date) -> str:
    return f"{on:%d/%m/%Y}" if current() == "vi" else f"{on:%Y-%m-%d}"


def value(data: Any) -> str:
    """A field's value in words: có / không, a number with the language's separators, a day."""
    if data is None or data == "":
        return "–"
    if isinstance(data, bool):
        return _("yes") if data else _("no")
    if isinstance(data, int | Decimal | float):
        return number(data)
    if isinstance(data, datetime):
        return moment(data)
    if isinstance(data, date):
        return day(data)
    if isinstance(data, list | tuple):
        return ", ".join(value(item) for item in data)
    if isinstance(data, dict):
        return "; ".join(f"{k}: {value(v)}" for k, v in data.items())
    return str(data)


def number(amount: int | Decimal | float) -> str:
    """``10.000`` and ``1,5`` in Vietnamese, ``10,000`` and ``1.5`` in English."""
    text = f"{amount:,}" if isinstance(amount, int) else f"{Decimal(str(amount)).normalize():,f}"
    if current() == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


_CHANNELS = {"in_person": N_("in person"), "online": N_("online"), "post": N_("by post")}
_OUTCOMES = {"granted": N_("resolved"), "refused": N_("refused"), "withdrawn": N_("withdrawn by the applicant"),
             "stopped": N_("stopped")}
_RESULTS = {"early": N_("early"), "on_time": N_("on time"), "late": N_("late")}


def channel(name: str) -> str:
    return _(_CHANNELS.get(name, name))


def outcome(name: str | None) -> str:
    return _(_OUTCOMES.get(name or "", name or "–"))


def result(name: str | None) -> str:
    return _(_RESULTS.get(name or "", name or "–"))


def duration(left: timedelta) -> str:
    """Working time in hours and minutes: ``3 giờ 30 phút``, ``2 working hours 5 minutes``."""
    minutes = abs(int(left.total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(n_("{n} working hour", "{n} working hours", hours).format(n=hours))
    if minutes or not hours:
        parts.append(n_("{n} minute", "{n} minutes", minutes).format(n=minutes))
    return " ".join(parts)


_TYPES = {"bool": N_("yes or no"), "int": N_("a whole number"), "decimal": N_("a number"), "text": N_("text"),
          "date": N_("a day, YYYY-MM-DD"), "datetime": N_("a time, YYYY-MM-DD HH:MM"), "choice": N_("one of")}


def field_need(definition: ProcessDefinition, name: str, data: Mapping[str, Any]) -> str:
    """One field an action needs: its label, id, what to type, and what is entered already."""
    field: Field | None = next((f for f in definition.fields if f.id == name), None)
    if field is None:
        return name
    label = field.labels.get(current()) or field.labels.get("vi") or ""
    kind = _(_TYPES.get(field.effective_type, field.effective_type))
    if field.effective_type == "choice" and field.options:
        kind += " " + ", ".join(field.options)
    shown = f"{label} ({field.id}: {kind})" if label else f"{field.id} ({kind})"
    if data.get(name) not in (None, ""):
        shown += " " + _("already: {value}").format(value=value(data[name]))
    return shown
