"""What goes on each one-stop form: plain data built from a dossier, its events and its procedure.

The templates stay dumb on purpose: every date is already written the Decree 30/2020 way,
every label is already Vietnamese, every row of the process-control slip is already paired.
That keeps the legal rules here, in tested Python, and lets an agency write its own template
(rendered in a sandbox) with nothing to compute.  Pure: no Jinja, no files, no clock.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from isoflow.errors import FormNotApplicable
from isoflow.model.agency import Agency, Heading, Unit, abbreviated, expanded
from isoflow.model.definition import DOSSIER_FORMS, NATIONAL_STATUS, Component, Procedure, ProcessDefinition
from isoflow.model.dossier import Dossier, Event
from isoflow.model.vn_format import (
    BLANK,
    CHANNEL,
    COPY,
    RESULT,
    nfc,
    vn_date,
    vn_datetime,
    vn_money,
    vn_short,
)
from isoflow.paper.legal_time import appointment_text, legal_time_text
from isoflow.running.regimes import FormSet

#: Forms the agency issues as its own outgoing documents: numbered from its register, not here.
OUTGOING = ("apology", "stop")
#: Conventional applicant keys, Vietnamese first (what the desk and the portal send).
APPLICANT_KEYS = {"name": ("ho_ten", "name"), "address": ("dia_chi", "address"),
                  "phone": ("dien_thoai", "so_dien_thoai", "phone"), "email": ("email",),
                  "id_number": ("so_dinh_danh", "id_number")}


# -- The dossier as the forms see it -----------------------------------------------------------

def components(procedure: Procedure | None) -> list[dict[str, Any]]:
    """The dossier components as the receipt and the procedure document list them."""
    def row(number: int, c: Component) -> dict[str, Any]:
        return {"no": number, "name": c.name, "kind": COPY.get(c.copy, c.copy), "count": f"{c.count:02d}",
                "required": c.required}
    return [row(n, c) for n, c in enumerate(procedure.components if procedure else (), 1)]


def _applicant(applicant: Mapping[str, Any]) -> dict[str, str]:
    return {key: next((str(applicant[n]) for n in names if applicant.get(n) not in (None, "")), "")
            for key, names in APPLICANT_KEYS.items()}


def _choice_label(process: ProcessDefinition, field_id: str, value: Any) -> str:
    """The label of a choice's value, as the process file words it."""
    for declared in process.fields:
        if declared.id == field_id and value is not None:
            return declared.option_label(str(value))
    return "" if value is None else str(value)


def lookup_code(dossier: Dossier, agency: Agency) -> str:
    """The 4-digit "mã tra cứu": keyed by the agency's secret, so only the slip reveals it."""
    if not agency.lookup_secret:
        return ""
    digest = hmac.new(agency.lookup_secret.encode(), dossier.code.encode(), hashlib.sha256).hexdigest()
    return f"{int(digest[:8], 16) % 10000:04d}"


def split_code(code: str) -> tuple[str, str] | None:
    """``(unit, YYMMDD)`` of a code ``<unit>-YYMMDD-XXXX``; ``None`` for another form (imported)."""
    unit, _, day = code.rpartition("-")[0].rpartition("-")
    return (unit, day) if unit and len(day) == 6 and day.isdigit() else None


def book_numbers(codes: Sequence[str]) -> dict[str, int]:
    """Each dossier's entry in the tracking book: its rank among the dossiers its receiving unit
    received in the same year, in the order they were received (``codes`` in creation order).
    Circular 01/2018 Art. 10: numbers run on through the year and never restart."""
    counts: dict[tuple[str, str], int] = {}
    numbers = {}
    for code in codes:
        parts = split_code(code)
        if parts is not None:  # a code of another form (imported) has no number to give
            key = (parts[0], parts[1][:2])
            counts[key] = numbers[code] = counts.get(key, 0) + 1
    return numbers


def book_number(code: str, codes: Sequence[str]) -> int | None:
    """The book number of one dossier (see :func:`book_numbers`)."""
    return book_numbers(codes).get(code)


def data_as_of(events: Sequence[Event]) -> dict[str, Any]:
    """The dossier's field values right after the last of ``events``."""
    values: dict[str, Any] = {}
    for event in events:
        values.update(event.data.get("fields") or {})
    return values


def due_as_of(events: Sequence[Event]) -> datetime | None:
    """The appointment in force right after the last of ``events`` (restarts, extensions)."""
    due: str | None = None
    for event in events:
        for key in ("due_at", "new_due"):
            if event.data.get(key):
                due = event.data[key]
    return datetime.fromisoformat(due) if due else None


def seat(dossier: Dossier, process: ProcessDefinition, agency: Agency, day: date) -> Unit:
    """The unit whose header the forms of ``dossier`` carry on ``day``: the unit that received
    it, if the profile lets it head a procedure of this level (:meth:`Agency.unit`)."""
    level = process.procedure.level if process.procedure else None
    return agency.unit(dossier.receiving_unit, day, level, what=f"dossier {dossier.code} ({process.code})")


def competent_body(process: ProcessDefinition, agency: Agency, day: date, unit: Unit | None) -> Heading:
    """The body that decides the procedure and signs its own letters (the apology, the stop
    notice), completed for the profile: "Ủy ban nhân dân xã" is the receiving commune's."""
    procedure = process.procedure
    if procedure is None:
        return unit.heading if unit is not None else Heading("", "", "")
    return agency.competent_body(procedure.level, procedure.agency, procedure.parent_agency, day, unit)


def dossier_context(dossier: Dossier, events: Sequence[Event], process: ProcessDefinition, agency: Agency,
                    number: int | None = None, unit: Unit | None = None) -> dict[str, Any]:
    """Everything a form may print about one dossier, as of ``events[-1]``; ``unit`` is the
    receiving unit heading it (default: :func:`seat` on the day of ``events[-1]``)."""
    procedure = process.procedure
    day = events[-1].at.date() if events else dossier.received_at.date()
    unit = unit or seat(dossier, process, agency, day)
    data = {f.id: None for f in process.fields}
    data.update(data_as_of(events))
    return_method = _choice_label(process, "hinh_thuc_nhan", data.get("hinh_thuc_nhan"))
    # After a supplement the legal time runs from the complete dossier: that is "received".
    complete = [e.at for e in events if e.data.get("clock") == "restarted"]
    received = complete[-1] if complete else dossier.received_at
    return {
        "code": dossier.code, "lookup_code": lookup_code(dossier, agency),
        "procedure": process.title, "process_code": process.code, "revision": process.revision,
        "tthc_code": (procedure.tthc_code if procedure else None) or "",
        "agency": competent_body(process, agency, day, unit).issuer if procedure else "",
        "applicant": _applicant(dossier.applicant),
        "channel": CHANNEL.get(dossier.channel, dossier.channel),
        "received_at": vn_datetime(received), "received_on": vn_date(received.date()),
        "first_received_at": vn_datetime(dossier.received_at),
        "due_at": appointment_text(due_as_of(events)), "legal_time": legal_time_text(process),
        "components": components(procedure), "sets": "01",
        "return_method": return_method or (procedure.place_return if procedure else ""),
        "place_return": procedure.place_return if procedure else "",
        "fee": vn_money(procedure.fee_amount if procedure else 0),
        "book": {"volume": str(dossier.received_at.year), "number": f"{number:02d}" if number else BLANK},
        "receiving_unit": unit.name,
        "status": f"{dossier.status} – {NATIONAL_STATUS.get(dossier.status, '')}", "data": data,
    }


# -- Choosing the event a form records ---------------------------------------------------------

def outcome_of(process: ProcessDefinition, state_id: str | None) -> str | None:
    state = process.state_by_id.get(state_id or "")
    return state.outcome if state is not None else None


def _issued_by(process: ProcessDefinition, event: Event) -> set[str]:
    """The templates the action of ``event`` issues, as the process file declares them."""
    forms = {f.id: f.template or f.id for f in process.forms}
    for action in process.actions_from(event.source or ""):
        if action.id == event.action and action.target in (None, event.target):
            return {forms[f] for f in action.issues or () if f in forms}
    return set()


def _by_meaning(kind: str, process: ProcessDefinition, event: Event) -> bool:
    """For a procedure that does not say which action issues ``kind``: the event that means it."""
    initial = {s.id for s in process.initial_states}
    if kind == "receipt":
        return event.kind == "received"
    if kind == "supplement":  # the desk hands the dossier back to the applicant
        return event.data.get("clock") == "paused" and event.source in initial
    if kind == "refusal":  # Mẫu 03 refuses to accept at the desk, not after processing
        return outcome_of(process, event.target) == "refused" and event.source in initial
    if kind == "apology":
        return event.kind == "extended"
    return kind == "stop" and outcome_of(process, event.target) == "stopped"


def issuing_event(kind: str, events: Sequence[Event], process: ProcessDefinition, seq: int | None = None) -> Event:
    """The event a form records: the newest that issues ``kind`` (by the process's ``issues``,
    else by what the event means), or the one numbered ``seq``."""
    declared = any((f.template or f.id) == kind and any(f.id in (a.issues or ()) for a in process.actions)
                   for f in process.forms)
    fitting = [e for e in events if (kind in _issued_by(process, e) if declared else _by_meaning(kind, process, e))]
    if seq is not None:
        chosen = [e for e in fitting if e.seq == seq]
        if not chosen:
            raise FormNotApplicable(f"event {seq} of this dossier does not issue a {kind} form "
                                    f"(events that do: {', '.join(str(e.seq) for e in fitting) or 'none'})")
        return chosen[0]
    if not fitting:
        raise FormNotApplicable(f"this dossier has no event that issues a {kind} form")
    return fitting[-1]


# -- One context per form ----------------------------------------------------------------------

#: About as many capitals as a header line of an A5 slip holds (10 pt in 44 % of the width).
HEADER_WIDTH = 24
_ADMINISTRATIVE_UNIT = re.compile(r" (?=(?:TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU|HÀNH CHÍNH CÔNG) )|"
                                  r" (?=HÀNH CHÍNH CÔNG$)")


def name_lines(name: str) -> list[str]:
    """A body's name in the header's lines: a long one breaks before its administrative unit
    ("SỞ TÀI CHÍNH" over "TỈNH NINH BÌNH") or before "HÀNH CHÍNH CÔNG", never inside a place
    name or that phrase (Decree 30 II.2(b): a long name may take several lines)."""
    found = _ADMINISTRATIVE_UNIT.search(name) if len(name) > HEADER_WIDTH else None
    return [name[:found.start()], name[found.end():]] if found else [name]


def issuer_lines(issuer: str, parent: str) -> list[str]:
    """The issuing body's lines: a People's Committee without a parent line is set as
    "ỦY BAN NHÂN DÂN" over "XÃ NGHĨA HƯNG", the usual heading of its own documents."""
    head = "ỦY BAN NHÂN DÂN"
    if not parent and issuer.startswith(head + " "):
        return [head, issuer[len(head):].strip()]
    return name_lines(issuer)


def header(agency: Agency, unit: Unit, form_set: FormSet | None, kind: str, number: str, day: date,
           body: Heading | None = None) -> dict[str, Any]:
    """Decree 30 boxes 1-4 of a paper: ``body`` (default: the ``unit`` itself) under its parent,
    number and symbol, place and date; the unit's phone and portal for the forms' text."""
    heading = body or unit.heading
    parent, issuer = abbreviated(heading.parent).upper(), expanded(heading.issuer).upper()
    return {"parent": parent, "issuer": issuer, "issuer_lines": issuer_lines(issuer, parent),
            "parent_lines": name_lines(parent) if parent else [],
            "number": number, "symbol": agency.symbol(unit, kind), "place_date": f"{heading.place}, {vn_date(day)}",
            "form_number": form_set.forms.get(kind, "") if form_set else "",
            "form_set": form_set.name if form_set else "", "form_set_id": form_set.id if form_set else "",
            "phone": unit.phone or agency.phone, "portal": unit.portal or agency.portal,
            "sample": agency.example}


def unit_name(process: ProcessDefinition, unit_id: str | None) -> str:
    for unit in process.units:
        if unit.id == unit_id:
            return unit.name or unit.id
    return unit_id or ""


def control_rows(events: Sequence[Event], process: ProcessDefinition, applicant: str,
                 agency: Agency) -> list[dict[str, str]]:
    """One row per hand-over between units (the rows of the process-control slip)."""
    rows = []
    for n, event in enumerate(events):
        final = outcome_of(process, event.target) is not None
        if event.kind != "moved" or not (event.is_handover or final):
            continue
        # Without a named receiver, whoever took the next action on the step received it.
        receiver = event.receiver or next((e.actor for e in events[n + 1:]
                                           if e.kind in ("moved", "extended") and e.source == event.target), "")
        rows.append({"giver_unit": unit_name(process, event.from_unit), "giver": agency.person(event.actor),
                     "receiver_unit": "Tổ chức, cá nhân" if final else unit_name(process, event.to_unit),
                     "receiver": applicant if final and not event.receiver else agency.person(receiver),
                     "at": vn_short(event.at), "result": RESULT.get(str(event.data.get("step_result", "")), ""),
                     "note": event.comment})
    return rows


def form_context(kind: str, dossier: Dossier, events: Sequence[Event], process: ProcessDefinition,
                 agency: Agency, form_set: FormSet, seq: int | None = None,
                 number: int | None = None) -> dict[str, Any]:
    """The data one form of one dossier prints; ``seq`` picks which issuance (default: newest;
    for the control slip, its state after that event); ``number`` is the book number."""
    if kind not in DOSSIER_FORMS:
        raise FormNotApplicable(f"{kind!r} is not a dossier form (forms: {', '.join(DOSSIER_FORMS)})")
    if kind not in form_set.forms:
        raise FormNotApplicable(f"{form_set.name} has no {kind} form; this dossier was received on "
                                f"{dossier.received_at:%d/%m/%Y} and keeps that set")
    if kind == "control":
        upto = [e for e in events if seq is None or e.seq <= seq]
        event = upto[-1]
    else:
        event = issuing_event(kind, events, process, seq)
        upto = [e for e in events if e.seq <= event.seq]
    day = event.at.date()
    unit = seat(dossier, process, agency, day)
    ctx = dossier_context(dossier, upto, process, agency, number, unit)
    # The competent body's own letter: its register numbers it, its head signs, it heads it.
    outgoing = kind in OUTGOING
    head = header(agency, unit, form_set, kind, "" if outgoing or not number else f"{number:02d}", day,
                  competent_body(process, agency, day, unit) if outgoing else None)
    data = ctx["data"]
    extra: dict[str, Any] = {"at": vn_datetime(event.at), "actor": agency.person(event.actor),
                             "reason": str(data.get("ly_do") or event.comment or ""), "comment": event.comment}
    if kind == "supplement":
        text = str(data.get("noi_dung_bo_sung") or event.comment or "")
        extra["requests"] = [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]
    if kind == "apology":
        extra["previous_due"] = appointment_text(_parse(event.data.get("previous_due")))
        extra["new_due"] = appointment_text(_parse(event.data.get("new_due")))
    if kind == "control":
        extra["rows"] = control_rows(upto, process, ctx["applicant"]["name"], agency)
        extra["partners"] = [u.name or u.id for u in process.units if u.kind == "agency"]
        extra["result"] = RESULT.get(str(event.data.get("result", "")), "")
    return nfc({"form": kind, "header": head, "dossier": ctx, "event": extra, "sample": agency.example})


def _parse(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None
