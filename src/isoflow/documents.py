"""What goes on each standard form: plain data built from a dossier, its events and its procedure.

The templates stay dumb on purpose: every date is already written the Decree 30/2020 way,
every label is already Vietnamese, every row of the process-control slip is already paired.
That keeps the legal rules here, in tested Python, and lets an agency write its own template
(rendered in a sandbox) with nothing to compute.  Pure: no Jinja, no files, no clock.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar, cast

from isoflow.definition import NATIONAL_STATUS, Component, ProcessDefinition, State
from isoflow.dossier import Dossier, Event
from isoflow.errors import FormNotApplicable, IsoflowError
from isoflow.legal import FormSet

#: The forms a dossier can have; ``book`` (over a period) and ``procedure`` (the quy trình)
#: are built by their own functions.
DOSSIER_FORMS = ("receipt", "supplement", "refusal", "apology", "stop", "control")
RESULT = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}
CHANNEL = {"in_person": "Trực tiếp", "online": "Trực tuyến", "post": "Qua dịch vụ bưu chính công ích"}
COPY = {"original": "Bản chính", "copy": "Bản sao", "certified-copy": "Bản sao chứng thực",
        "original-or-copy": "Bản chính hoặc bản sao"}
OUTCOME = {"granted": "Đã trả kết quả", "refused": "Từ chối", "withdrawn": "Rút hồ sơ", "stopped": "Dừng giải quyết"}
LEVEL = {"ministry": "Cấp bộ, ngành", "province": "Cấp tỉnh", "commune": "Cấp xã"}
ONLINE = {"full": "Dịch vụ công trực tuyến toàn trình", "partial": "Dịch vụ công trực tuyến một phần",
          "none": "Không cung cấp dịch vụ công trực tuyến"}
#: Conventional applicant keys, Vietnamese first (what the desk and the portal send).
APPLICANT_KEYS = {"name": ("ho_ten", "name"), "address": ("dia_chi", "address"),
                  "phone": ("dien_thoai", "so_dien_thoai", "phone"), "email": ("email",),
                  "id_number": ("so_dinh_danh", "id_number")}
BLANK = "…………"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Agency:
    """Who issues the one-stop forms and where: data from the agency's profile file."""

    place: str  # địa danh on the date line
    parent: str  # the body above the one-stop unit, e.g. "UBND TỈNH NAM ĐỊNH"
    one_stop: str  # "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" or "BỘ PHẬN MỘT CỬA"
    phone: str = ""
    portal: str = ""
    symbols: Mapping[str, str] = field(default_factory=dict)  # form → number suffix ("TTPVHCC")
    units: Mapping[str, str] = field(default_factory=dict)  # receiving unit code → name


def agency_from_mapping(data: Mapping[str, Any], where: str = "agency") -> Agency:
    """The agency profile from parsed TOML (the composition root reads the file)."""
    missing = [k for k in ("place", "parent", "one_stop") if not isinstance(data.get(k), str) or not data[k].strip()]
    if missing:
        raise IsoflowError(f"{where}: missing or empty {', '.join(missing)}")
    return Agency(place=data["place"], parent=data["parent"], one_stop=data["one_stop"],
                  phone=str(data.get("phone", "")), portal=str(data.get("portal", "")),
                  symbols={str(k): str(v) for k, v in dict(data.get("symbols", {})).items()},
                  units={str(k): str(v) for k, v in dict(data.get("units", {})).items()})


# -- Decree 30/2020 writing of dates, times and numbers --------------------------------------

def nfc(value: T) -> T:
    """Every string in ``value`` in NFC: Vietnamese typed on some keyboards arrives decomposed
    (NFD), which prints the same but searches, sorts and signs differently."""
    if isinstance(value, str):
        return cast(T, unicodedata.normalize("NFC", value))
    if isinstance(value, dict):
        return cast(T, {k: nfc(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return cast(T, [nfc(v) for v in value])
    return value


def vn_date(day: date) -> str:
    """``ngày 05 tháng 02 năm 2026``: the day padded below 10, only months 1 and 2 padded."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def vn_datetime(moment: datetime | None) -> str:
    """``09 giờ 30 phút, ngày 05 tháng 02 năm 2026`` (the forms' "… giờ … phút, ngày …")."""
    if moment is None:
        return BLANK
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, {vn_date(moment.date())}"


def vn_short(moment: datetime | None) -> str:
    """``09:30 05/02/2026`` for table cells."""
    return f"{moment:%H:%M %d/%m/%Y}" if moment is not None else ""


def vn_number(value: Decimal | int) -> str:
    """``1,5`` and ``1.500.000``: Vietnamese decimal comma and thousands dot."""
    text = f"{Decimal(value).normalize():,f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def place_date(agency: Agency, day: date) -> str:
    return f"{agency.place}, {vn_date(day)}"


def duration_text(amount: Decimal, unit: str) -> str:
    """``02 giờ``, ``1,5 ngày``: budgets as the step table writes them."""
    number = f"{int(amount):02d}" if amount == int(amount) else vn_number(amount)
    return f"{number} {'giờ' if unit == 'h' else 'ngày'} làm việc"


def legal_time_text(process: ProcessDefinition) -> str:
    procedure = process.procedure
    if procedure is None:
        return BLANK
    limit = procedure.time_limit
    if limit.same_day:
        cutoff = f" (tiếp nhận trước {limit.cutoff.replace(':', ' giờ ')})" if limit.cutoff else ""
        return f"Trong ngày làm việc{cutoff}"
    if limit.working_days is not None:
        return duration_text(limit.working_days, "d")
    if limit.working_hours is not None:
        return duration_text(limit.working_hours, "h")
    return BLANK


# -- The dossier as the forms see it -----------------------------------------------------------

def _applicant(applicant: Mapping[str, Any]) -> dict[str, str]:
    out = {}
    for key, names in APPLICANT_KEYS.items():
        out[key] = next((str(applicant[n]) for n in names if applicant.get(n) not in (None, "")), "")
    return out


def _component(number: int, component: Component) -> dict[str, Any]:
    return {"no": number, "name": component.name, "kind": COPY.get(component.copy, component.copy),
            "count": f"{component.count:02d}", "required": component.required}


def _choice_label(process: ProcessDefinition, field_id: str, value: Any) -> str:
    """The label of a choice's value, as the process file words it."""
    for declared in process.fields:
        if declared.id == field_id and value is not None:
            return declared.option_label(str(value))
    return "" if value is None else str(value)


def lookup_code(dossier: Dossier, events: Sequence[Event]) -> str:
    """A 4-digit "mã tra cứu" from the first event's hash: stable, and unknown to outsiders."""
    first = events[0].hash if events and events[0].hash else dossier.last_hash
    return f"{int(first[:8], 16) % 10000:04d}"


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


def dossier_context(dossier: Dossier, events: Sequence[Event], process: ProcessDefinition,
                    agency: Agency) -> dict[str, Any]:
    """Everything a form may print about one dossier, as of ``events[-1]``."""
    procedure = process.procedure
    data = {f.id: None for f in process.fields}
    data.update(data_as_of(events))
    sequence = dossier.code.rsplit("-", 1)[-1]
    return_method = _choice_label(process, "hinh_thuc_nhan", data.get("hinh_thuc_nhan"))
    # After a supplement the legal time runs from the complete dossier: that is "received".
    complete = [e.at for e in events if e.data.get("clock") == "restarted"]
    received = complete[-1] if complete else dossier.received_at
    return {
        "code": dossier.code, "lookup_code": lookup_code(dossier, events), "sequence": sequence,
        "procedure": process.title, "process_code": process.code, "revision": process.revision,
        "tthc_code": (procedure.tthc_code if procedure else None) or "",
        "agency": procedure.agency if procedure else "", "applicant": _applicant(dossier.applicant),
        "channel": CHANNEL.get(dossier.channel, dossier.channel),
        "received_at": vn_datetime(received), "received_on": vn_date(received.date()),
        "first_received_at": vn_datetime(dossier.received_at),
        "due_at": vn_datetime(due_as_of(events)), "legal_time": legal_time_text(process),
        "components": [_component(n, c) for n, c in enumerate(procedure.components if procedure else (), 1)],
        "sets": "01", "return_method": return_method or (procedure.place_return if procedure else ""),
        "place_return": procedure.place_return if procedure else "",
        "fee": (f"{vn_number(procedure.fee_amount)} đồng" if procedure and procedure.fee_amount else "Không"),
        "book": {"volume": str(dossier.received_at.year), "number": sequence},
        "receiving_unit": agency.units.get(dossier.receiving_unit, agency.one_stop),
        "status": f"{dossier.status} – {NATIONAL_STATUS.get(dossier.status, '')}", "data": data,
    }


# -- Choosing the event a form records ---------------------------------------------------------

def _outcome(process: ProcessDefinition, state_id: str | None) -> str | None:
    state = process.state_by_id.get(state_id or "")
    return state.outcome if state is not None else None


def _issues(process: ProcessDefinition, event: Event, template: str) -> bool:
    forms = {f.id: f.template or f.id for f in process.forms}
    for action in process.actions_from(event.source or ""):
        if action.id == event.action and action.target in (None, event.target):
            return any(forms.get(form) == template for form in action.issues or ())
    return False


def _matches(kind: str, process: ProcessDefinition, event: Event) -> bool:
    if kind == "receipt":
        return event.kind == "received" or _issues(process, event, "receipt")
    if kind == "supplement":
        return event.data.get("clock") == "paused" or _issues(process, event, "supplement")
    if kind == "refusal":
        return _outcome(process, event.target) == "refused" and event.kind == "moved"
    if kind == "apology":
        return event.kind == "extended"
    if kind == "stop":
        return _outcome(process, event.target) == "stopped" and event.kind == "moved"
    return False


def issuing_event(kind: str, events: Sequence[Event], process: ProcessDefinition, seq: int | None = None) -> Event:
    """The event a form records: the newest that fits ``kind``, or the one numbered ``seq``."""
    fitting = [e for e in events if _matches(kind, process, e)]
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

def _header(agency: Agency, form_set: FormSet, kind: str, number: str, day: date,
            issuer: str | None = None, parent: str | None = None) -> dict[str, Any]:
    return {"parent": (parent or agency.parent).upper(), "issuer": (issuer or agency.one_stop).upper(),
            "number": number, "symbol": agency.symbols.get(kind, ""), "place_date": place_date(agency, day),
            "form_number": form_set.forms.get(kind, ""), "form_set": form_set.name, "form_set_id": form_set.id,
            "phone": agency.phone, "portal": agency.portal}


def _unit_name(process: ProcessDefinition, unit_id: str | None) -> str:
    for unit in process.units:
        if unit.id == unit_id:
            return unit.name or unit.id
    return unit_id or ""


def _state_label(process: ProcessDefinition, state_id: str | None) -> str:
    state = process.state_by_id.get(state_id or "")
    return state.label if state is not None else (state_id or "")


def control_rows(events: Sequence[Event], process: ProcessDefinition, applicant: str) -> list[dict[str, str]]:
    """One row per hand-over between units (the rows of the process-control slip)."""
    rows = []
    for n, event in enumerate(events):
        final = _outcome(process, event.target) is not None
        if event.kind != "moved" or not (event.is_handover or final):
            continue
        # Without a named receiver, whoever took the next action on the step received it.
        receiver = event.receiver or next((e.actor for e in events[n + 1:]
                                           if e.kind in ("moved", "extended") and e.source == event.target), "")
        to_unit = _unit_name(process, event.to_unit) if not final else "Tổ chức, cá nhân"
        if final and not receiver:
            receiver = applicant
        rows.append({"giver_unit": _unit_name(process, event.from_unit), "giver": event.actor,
                     "receiver_unit": to_unit, "receiver": receiver, "at": vn_short(event.at),
                     "result": RESULT.get(str(event.data.get("step_result", "")), ""),
                     "note": event.comment})
    return rows


def form_context(kind: str, dossier: Dossier, events: Sequence[Event], process: ProcessDefinition,
                 agency: Agency, form_set: FormSet, seq: int | None = None) -> dict[str, Any]:
    """The data one form of one dossier prints; ``seq`` picks which issuance (default: newest)."""
    if kind not in DOSSIER_FORMS:
        raise FormNotApplicable(f"{kind!r} is not a dossier form (forms: {', '.join(DOSSIER_FORMS)})")
    if kind not in form_set.forms:
        raise FormNotApplicable(f"{form_set.name} has no {kind} form; this dossier was received on "
                                f"{dossier.received_at:%d/%m/%Y} and keeps that set")
    if kind == "control":
        event = events[-1]
        upto = list(events)
    else:
        event = issuing_event(kind, events, process, seq)
        upto = [e for e in events if e.seq <= event.seq]
    ctx = dossier_context(dossier, upto, process, agency)
    procedure = process.procedure
    agency_parent = procedure.parent_agency if procedure and procedure.parent_agency else None
    resolving = procedure.agency if procedure else agency.one_stop
    issued_by_agency = kind in ("apology", "stop")
    header = _header(agency, form_set, kind, f"{int(ctx['sequence']):02d}", event.at.date(),
                     issuer=resolving if issued_by_agency else None, parent=agency_parent if issued_by_agency else None)
    data = ctx["data"]
    reason = str(data.get("ly_do") or event.comment or "")
    extra: dict[str, Any] = {"at": vn_datetime(event.at), "actor": event.actor, "reason": reason,
                             "comment": event.comment}
    if kind == "supplement":
        extra["requests"] = [line.strip(" -•\t") for line in str(data.get("noi_dung_bo_sung") or event.comment
                                                                 or "").splitlines() if line.strip(" -•\t")]
    if kind == "apology":
        extra["previous_due"] = vn_datetime(_parse(event.data.get("previous_due")))
        extra["new_due"] = vn_datetime(_parse(event.data.get("new_due")))
    if kind == "control":
        extra["rows"] = control_rows(events, process, ctx["applicant"]["name"])
        extra["partners"] = [u.name or u.id for u in process.units if u.kind == "agency"]
        extra["result"] = RESULT.get(str(events[-1].data.get("result", "")), "")
    return nfc({"form": kind, "header": header, "dossier": ctx, "event": extra})


def _parse(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


# -- The tracking book over a period -----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class BookEntry:
    """One dossier in the book: the dossier, its events and its procedure."""

    dossier: Dossier
    events: Sequence[Event]
    process: ProcessDefinition


def book_context(entries: Sequence[BookEntry], start: date, end: date, agency: Agency, form_set: FormSet,
                 first_number: int = 1) -> dict[str, Any]:
    """The tracking book (sổ theo dõi) for dossiers received from ``start`` to ``end``.

    Entry numbers run on from ``first_number`` (the book never restarts within a year).
    """
    rows = []
    chosen = sorted((e for e in entries if start <= e.dossier.received_at.date() <= end),
                    key=lambda e: (e.dossier.received_at, e.dossier.code))
    for number, entry in enumerate(chosen, start=first_number):
        d, ctx = entry.dossier, dossier_context(entry.dossier, entry.events, entry.process, agency)
        transfer = next((e for e in entry.events if e.kind == "moved" and e.is_handover), None)
        returned = d.closed_at if d.outcome == "granted" else None
        applicant = ctx["applicant"]
        rows.append({"no": f"{number:02d}", "code": d.code, "procedure": ctx["procedure"],
                     "applicant": applicant["name"],
                     "contact": ", ".join(x for x in (applicant["address"], applicant["phone"]) if x),
                     "sets": ctx["sets"], "agency": ctx["agency"], "received": vn_short(d.received_at),
                     "transferred": vn_short(transfer.at) if transfer else "",
                     "due": vn_short(due_as_of(entry.events)), "returned": vn_short(returned),
                     "method": ctx["return_method"],
                     "note": OUTCOME.get(d.outcome or "", "") + (f" ({RESULT[r]})" if (r := str(
                         entry.events[-1].data.get("result", ""))) in RESULT and d.outcome else "")})
    header = _header(agency, form_set, "book", "", end)
    return nfc({"form": "book", "header": header, "rows": rows,
                "period": f"Từ {vn_date(start)} đến {vn_date(end)}", "year": str(end.year)})


# -- The procedure document (quy trình) ---------------------------------------------------------

def step_order(process: ProcessDefinition) -> list[State]:
    """The non-final steps in the order the procedure runs them: by depth from the initial
    step along forward edges (back edges of a depth-first walk ignored), then document order."""
    graph, index = process.graph, {s.id: n for n, s in enumerate(process.states)}
    depth: dict[str, int] = {}
    initial = process.initial_states
    if initial:
        on_path: set[str] = set()
        order: list[str] = []

        def walk(node: str) -> None:  # post-order, back edges skipped
            on_path.add(node)
            depth.setdefault(node, 0)
            for nxt in graph.get(node, ()):
                if nxt not in on_path and nxt not in depth:
                    walk(nxt)
            on_path.discard(node)
            order.append(node)
        walk(initial[0].id)
        forward = {n: [m for m in graph.get(n, ()) if order.index(m) < order.index(n)] for n in order}
        for node in reversed(order):
            for nxt in forward[node]:
                depth[nxt] = max(depth.get(nxt, 0), depth[node] + 1)
    steps = [s for s in process.states if not s.is_final]
    return sorted(steps, key=lambda s: (depth.get(s.id, 10**6), index[s.id]))


def procedure_context(process: ProcessDefinition, agency: Agency, flowchart_svg: str = "") -> dict[str, Any]:
    """The procedure document: cover, sign-off, revision history, sections 1–7, step table."""
    procedure, control = process.procedure, process.control
    roles = {r.id: r.name or r.id for r in process.roles}
    forms = {f.id: f for f in process.forms}
    records = {r.id: r for r in process.records}
    steps = []
    for number, state in enumerate(step_order(process), start=1):
        outputs: list[str] = []
        for action in process.actions_from(state.id):
            outputs.extend(_short(forms[f].name) for f in action.issues or () if f in forms)
            outputs.extend(_short(records[r].name) for r in action.records or () if r in records)
        budget = duration_text(state.budget.amount, state.budget.unit) if state.budget else (
            "Không tính vào thời hạn giải quyết" if state.effective_kind == "waiting" else "")
        steps.append({"no": f"Bước {number}", "content": state.label,
                      "responsible": ", ".join(x for x in (roles.get(state.role or "", state.role or ""),
                                                           _unit_name(process, state.unit)) if x),
                      "time": budget, "outputs": list(dict.fromkeys(outputs))})

    def signoff(s: Any) -> dict[str, str]:
        return {"by": (s.by or "") if s else "", "title": (s.title or "") if s else "",
                "on": (f"{s.on:%d/%m/%Y}" if s and s.on else "")}
    return nfc({
        "form": "procedure", "code": process.code, "revision": f"{process.revision:02d}",
        "effective": f"{process.effective:%d/%m/%Y}" if process.effective else "", "title": process.title,
        "agency": (procedure.agency if procedure else agency.one_stop).upper(),
        "parent": (procedure.parent_agency if procedure and procedure.parent_agency else agency.parent).upper(),
        "level": LEVEL.get(procedure.level, procedure.level) if procedure else "",
        "domain": procedure.domain if procedure else "", "tthc_code": (procedure.tthc_code or "") if procedure else "",
        "signoff": {k: signoff(getattr(control, k, None) if control else None)
                    for k in ("drafted", "reviewed", "approved")},
        "history": [{"no": f"{n:02d}", "where": c.where or "", "summary": c.summary, "revision": f"{c.revision:02d}",
                     "on": f"{c.on:%d/%m/%Y}"} for n, c in enumerate(control.history if control else (), 1)],
        "purpose": procedure.purpose if procedure else "", "scope": procedure.scope if procedure else "",
        "references": list(procedure.references) if procedure else [],
        "terms": [{"abbr": a, "meaning": m} for a, m in (procedure.terms if procedure else ())],
        "legal_basis": list(procedure.legal_basis) if procedure else [],
        "components": [_component(n, c) for n, c in enumerate(procedure.components if procedure else (), 1)],
        "legal_time": legal_time_text(process),
        "time_basis": (procedure.time_limit.basis or "") if procedure else "",
        "place_receipt": procedure.place_receipt if procedure else "",
        "place_return": procedure.place_return if procedure else "",
        "fee": (f"{vn_number(procedure.fee_amount)} đồng" if procedure and procedure.fee_amount else "Không"),
        "fee_note": procedure.fee_note if procedure else "",
        "online": ONLINE.get(procedure.online_level or "", "") if procedure else "",
        "steps": steps,
        "forms": [{"no": f"{n:02d}", "name": f.name, "id": f.id} for n, f in enumerate(process.forms, 1)],
        "records": [{"no": f"{n:02d}", "name": r.name, "place": r.place or "", "retention": retention_text(r.retention)}
                    for n, r in enumerate(process.records, 1)],
        "flowchart": flowchart_svg,
    })


def _short(name: str) -> str:
    """A form or record name without its trailing "(Mẫu số ...)" note, for the step table."""
    head, paren, _ = name.partition(" (")
    return head if paren and head else name


def retention_text(retention: str | None) -> str:
    """``5y`` → ``05 năm``; ``permanent`` → ``Vĩnh viễn``."""
    if not retention:
        return ""
    if retention == "permanent":
        return "Vĩnh viễn"
    if retention.endswith("y") and retention[:-1].isdigit():
        return f"{int(retention[:-1]):02d} năm"
    return retention


# -- A made-up dossier, for checking templates before any real one exists ----------------------

def _sample_value(kind: str, options: tuple[str, ...]) -> Any:
    samples: dict[str, Any] = {"bool": True, "int": 1, "decimal": "1.5", "date": "2026-01-05",
                               "datetime": "2026-01-05T09:00", "text": "Nội dung mẫu"}
    return options[0] if kind == "choice" and options else samples.get(kind, "Nội dung mẫu")


def sample_form_context(kind: str, process: ProcessDefinition, agency: Agency, form_set: FormSet) -> dict[str, Any]:
    """The context a form of ``process`` gets, from an invented dossier that went through every
    kind of event: what ``isoflow validate`` renders templates with, to find names they use
    that no real dossier of this procedure can supply."""
    from isoflow.dossier import Clock, StepClock

    at = datetime(2026, 1, 5, 9, 0)
    fields = {f.id: _sample_value(f.effective_type, f.options) for f in process.fields}
    first = process.initial_states[0].id if process.initial_states else ""
    outcome = {"refusal": "refused", "stop": "stopped"}.get(kind, "granted")
    final = next((s.id for s in process.states if s.outcome == outcome), "")
    dossier = Dossier(code="000.00.00.H00-260105-0001", process_code=process.code, revision=process.revision,
                      state=first, status=1, data=fields, applicant={"ho_ten": "Nguyễn Văn A"}, channel="in_person",
                      receiving_unit="000.00.00.H00", received_at=at, clock=Clock(at, at),
                      step=StepClock(first, at, at), form_set=form_set.id)
    stamp = "2026-01-06T09:00"
    events = [
        Event(dossier.code, 1, "received", at, "mot.cua", "", target=first, data={"fields": fields, "due_at": stamp},
              hash="0" * 64),
        Event(dossier.code, 2, "moved", at, "chuyen.vien", "", action="", source=first, target=first,
              data={"clock": "paused", "step_result": "early"}),
        Event(dossier.code, 3, "extended", at, "lanh.dao", "", action="", source=first, target=first,
              data={"previous_due": stamp, "new_due": stamp}),
        Event(dossier.code, 4, "moved", at, "lanh.dao", "", action="", source=first, target=final,
              data={"step_result": "on_time", "result": "on_time"}),
    ]
    context = form_context("control", dossier, events, process, agency, form_set)
    if kind in DOSSIER_FORMS and kind in form_set.forms:
        # Without such an outcome in the procedure, the control slip's data stands in.
        with contextlib.suppress(FormNotApplicable):
            context = form_context(kind, dossier, events, process, agency, form_set)
    # Every key any form's event part has, so an agency template for any form can be checked.
    event = {"at": vn_datetime(at), "actor": "lanh.dao", "reason": "Lý do mẫu", "comment": "", "requests": ["Mẫu"],
             "previous_due": vn_datetime(at), "new_due": vn_datetime(at), "rows": [], "partners": [], "result": ""}
    context["event"] = {**event, **context["event"]}
    context["header"]["form_number"] = form_set.forms.get(kind, "")
    context["form"] = kind
    return context
