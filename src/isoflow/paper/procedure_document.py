"""The procedure document (quy trình) of an ISO 9001:2015 system, as plain data.

Cover with document control and sign-off, the revision page, sections 1–7 and the step
table, in the structure of real Vietnamese procedure documents (research/domain.md §3.3).
The cover is headed by the body the procedure names (``<agency>`` under ``<parent-agency>``),
completed by the agency profile for the procedure's level and the document's date: "Ủy ban nhân
dân tỉnh" gets the province's name, "Ủy ban nhân dân xã" the commune of the unit asked for (or a
line to fill in: a commune procedure is never headed by a provincial body).
Pure: the flowchart arrives as SVG text drawn by :mod:`isoflow.paper.flowchart`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from isoflow.model.agency import Agency, Unit, abbreviated, expanded
from isoflow.model.definition import ProcessDefinition, SignOff, State
from isoflow.model.vn_format import LEVEL, ONLINE, duration_text, nfc, retention_text, short_name, vn_money
from isoflow.paper.form_data import components, issuer_lines, name_lines, unit_name
from isoflow.paper.legal_time import legal_time_text


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
        position = {n: i for i, n in enumerate(order)}
        for node in reversed(order):
            for nxt in graph.get(node, ()):
                if position.get(nxt, -1) < position[node]:  # a forward edge
                    depth[nxt] = max(depth.get(nxt, 0), depth[node] + 1)
    steps = [s for s in process.states if not s.is_final]
    return sorted(steps, key=lambda s: (depth.get(s.id, 10**6), index[s.id]))


def _steps(process: ProcessDefinition) -> list[dict[str, Any]]:
    roles = {r.id: r.name or r.id for r in process.roles}
    forms = {f.id: f for f in process.forms}
    records = {r.id: r for r in process.records}
    rows = []
    for number, state in enumerate(step_order(process), start=1):
        outputs: list[str] = []
        for action in process.actions_from(state.id):
            outputs.extend(short_name(forms[f].name) for f in action.issues or () if f in forms)
            outputs.extend(short_name(records[r].name) for r in action.records or () if r in records)
        budget = duration_text(state.budget.amount, state.budget.unit) if state.budget else (
            "Không tính vào thời hạn giải quyết" if state.effective_kind == "waiting" else "")
        responsible = _responsible(roles.get(state.role or "", state.role or ""), unit_name(process, state.unit))
        rows.append({"no": f"Bước {number}", "content": state.label, "time": budget,
                     "responsible": responsible, "outputs": list(dict.fromkeys(outputs))})
    return rows


def _responsible(role: str, unit: str) -> str:
    """Who is responsible for a step: the role, then its unit, each once ("Văn thư UBND xã"
    named as both role and unit is printed once; a unit the role's name already says is left out)."""
    key = nfc(role).casefold()
    if not unit or nfc(unit).casefold() in key:
        return role
    if not role or key in nfc(unit).casefold():
        return unit
    return f"{role}, {unit}"


def _signoff(sign: SignOff | None) -> dict[str, str]:
    return {"by": (sign.by or "") if sign else "", "title": (sign.title or "") if sign else "",
            "on": f"{sign.on:%d/%m/%Y}" if sign and sign.on else ""}


def procedure_context(process: ProcessDefinition, agency: Agency, flowchart_svg: str = "", unit: Unit | None = None,
                      day: date | None = None) -> dict[str, Any]:
    """The procedure document: cover, sign-off, revision history, sections 1–7, step table;
    headed by the procedure's body on ``day`` (default: its effective date, else the profile's
    current entries), of the commune of ``unit`` for a commune procedure."""
    procedure, control = process.procedure, process.control
    on = day or process.effective or date.max
    if procedure is not None:
        body = agency.competent_body(procedure.level, procedure.agency, procedure.parent_agency, on, unit)
    else:
        body = agency.heading_unit(on).heading
    parent, issuer = abbreviated(body.parent).upper(), expanded(body.issuer).upper()
    return nfc({
        "form": "procedure", "code": process.code, "revision": f"{process.revision:02d}",
        "effective": f"{process.effective:%d/%m/%Y}" if process.effective else "", "title": process.title,
        "agency": issuer, "parent": parent, "agency_lines": issuer_lines(issuer, parent),
        "parent_lines": name_lines(parent) if parent else [], "sample": agency.example,
        "level": LEVEL.get(procedure.level, procedure.level) if procedure else "",
        "domain": procedure.domain if procedure else "", "tthc_code": (procedure.tthc_code or "") if procedure else "",
        "signoff": {"drafted": _signoff(control.drafted if control else None),
                    "reviewed": _signoff(control.reviewed if control else None),
                    "approved": _signoff(control.approved if control else None)},
        "history": [{"no": f"{n:02d}", "where": c.where or "", "summary": c.summary, "revision": f"{c.revision:02d}",
                     "on": f"{c.on:%d/%m/%Y}"} for n, c in enumerate(control.history if control else (), 1)],
        "purpose": procedure.purpose if procedure else "", "scope": procedure.scope if procedure else "",
        "references": list(procedure.references) if procedure else [],
        "terms": [{"abbr": a, "meaning": m} for a, m in (procedure.terms if procedure else ())],
        "legal_basis": list(procedure.legal_basis) if procedure else [],
        "components": components(procedure), "legal_time": legal_time_text(process),
        "time_basis": (procedure.time_limit.basis or "") if procedure else "",
        "place_receipt": procedure.place_receipt if procedure else "",
        "place_return": procedure.place_return if procedure else "",
        "fee": vn_money(procedure.fee_amount if procedure else 0), "fee_note": procedure.fee_note if procedure else "",
        "online": ONLINE.get(procedure.online_level or "", "") if procedure else "",
        "steps": _steps(process),
        "forms": [{"no": f"{n:02d}", "name": f.name, "id": f.id} for n, f in enumerate(process.forms, 1)],
        "records": [{"no": f"{n:02d}", "name": r.name, "place": r.place or "", "retention": retention_text(r.retention)}
                    for n, r in enumerate(process.records, 1)],
        "flowchart": flowchart_svg,
    })
