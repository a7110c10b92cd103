"""The tracking book (sổ theo dõi hồ sơ) of one receiving unit over a period: one row per dossier.

Mẫu 06 of Circular 01/2018/TT-VPCP, Mẫu 07 of Circular 03/2025/TT-VPCP; entry numbers are the
dossiers' numbers of the year at their unit (:func:`isoflow.paper.form_data.book_number`).  A
book is one unit's: its numbers are that unit's and its header is that unit's on the book's
date, so dossiers of several units are never bound in one book.  Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from isoflow.errors import FormError
from isoflow.model.agency import Agency
from isoflow.model.definition import ProcessDefinition
from isoflow.model.dossier import Dossier, Event
from isoflow.model.vn_format import OUTCOME, RESULT, nfc, vn_date, vn_day
from isoflow.paper.form_data import dossier_context, due_as_of, header, outcome_of
from isoflow.running.regimes import FormSet


@dataclass(frozen=True, slots=True)
class BookEntry:
    """One dossier in the book: the dossier, its events, its procedure and its book number."""

    dossier: Dossier
    events: Sequence[Event]
    process: ProcessDefinition
    number: int | None = None


def book_unit(entries: Sequence[BookEntry], agency: Agency, day: date, unit: str | None = None) -> str:
    """The receiving unit a book is for: ``unit``, else the one unit the dossiers came from, else
    the profile's only unit on ``day``; several is an error that lists them."""
    if unit is not None:
        return unit
    found = sorted({e.dossier.receiving_unit for e in entries})
    if len(found) == 1:
        return found[0]
    if not found and len({u.code for u in agency.units_on(day)}) == 1:
        return agency.units_on(day)[0].code
    listed = ", ".join(found or dict.fromkeys(u.code for u in agency.units_on(day)))
    raise FormError(f"a tracking book is one receiving unit's: name it with --unit ({listed})")


def book_context(entries: Sequence[BookEntry], start: date, end: date, agency: Agency, form_set: FormSet,
                 printed_on: date | None = None, unit: str | None = None) -> dict[str, Any]:
    """The tracking book (sổ theo dõi) of receiving ``unit`` (default: :func:`book_unit`) for the
    dossiers it received from ``start`` to ``end``, dated ``printed_on`` (at most ``end``: a book
    printed after its period carries its last day) and headed by the unit on that date."""
    day = min(printed_on or end, end)
    code = book_unit(entries, agency, day, unit)
    seat = agency.unit(code, day, what=f"the tracking book of {code}")
    rows = []
    chosen = sorted((e for e in entries if start <= e.dossier.received_at.date() <= end
                     and e.dossier.receiving_unit == code), key=lambda e: (e.dossier.received_at, e.dossier.code))
    for entry in chosen:
        d = entry.dossier
        ctx = dossier_context(d, entry.events, entry.process, agency, entry.number, seat)
        transfer = next((e for e in entry.events if e.kind == "moved" and e.is_handover
                         and outcome_of(entry.process, e.target) is None), None)
        result = str(entry.events[-1].data.get("result", ""))
        note = OUTCOME.get(d.outcome or "", "") + (f" ({RESULT[result]})" if d.outcome and result in RESULT else "")
        applicant = ctx["applicant"]
        head, dash, tail = d.code.partition("-")  # the unit code, then the day and number
        rows.append({"no": ctx["book"]["number"], "code": d.code, "code_unit": head + dash, "code_rest": tail,
                     "procedure": ctx["procedure"],
                     "applicant": applicant["name"],
                     "contact": ", ".join(x for x in (applicant["address"], applicant["phone"]) if x),
                     "sets": ctx["sets"], "agency": ctx["agency"], "received": vn_day(d.received_at),
                     "transferred": vn_day(transfer.at) if transfer else "",
                     "due": vn_day(due_as_of(entry.events)),
                     "returned": vn_day(d.closed_at if d.outcome == "granted" else None),
                     "method": ctx["return_method"] if ctx["data"].get("hinh_thuc_nhan") else "", "note": note})
    return nfc({"form": "book", "header": header(agency, seat, form_set, "book", "", day), "rows": rows,
                "unit": {"code": code, "name": seat.name}, "sample": agency.example,
                "period": f"Từ {vn_date(start)} đến {vn_date(end)}", "year": str(end.year)})
