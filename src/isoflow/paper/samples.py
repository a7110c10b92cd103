"""A made-up dossier, for checking templates before any real one exists (rule M002).

It has been through every kind of event a form records, and every field the procedure
declares is filled, so a template rendered with it fails only on names that no real dossier
of the procedure could supply.  It is received at the profile's first unit that may head the
procedure's level, so its header is one a real dossier could have.  Pure.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

from isoflow.errors import FormNotApplicable
from isoflow.model.agency import HEADS, Agency
from isoflow.model.definition import DOSSIER_FORMS, ProcessDefinition
from isoflow.model.dossier import Clock, Dossier, Event, StepClock
from isoflow.model.vn_format import vn_datetime
from isoflow.paper.form_data import form_context
from isoflow.running.regimes import FormSet

_SAMPLES: dict[str, Any] = {"bool": True, "int": 1, "decimal": "1.5", "date": "2026-01-05",
                            "datetime": "2026-01-05T09:00", "text": "Nội dung mẫu"}


def sample_form_context(kind: str, process: ProcessDefinition, agency: Agency, form_set: FormSet) -> dict[str, Any]:
    """The context form ``kind`` of ``process`` gets, from the invented dossier."""
    at = datetime(2026, 1, 5, 9, 0)
    fields = {f.id: f.options[0] if f.effective_type == "choice" and f.options else _SAMPLES.get(f.effective_type)
              for f in process.fields}
    first = process.initial_states[0].id if process.initial_states else ""
    level = process.procedure.level if process.procedure else None
    units = agency.units_on(at.date())
    code = next((u.code for u in units if level is None or level in HEADS.get(u.level, ())),
                (units or agency.units)[0].code)
    outcome = {"refusal": "refused", "stop": "stopped"}.get(kind, "granted")
    final = next((s.id for s in process.states if s.outcome == outcome), "")
    dossier = Dossier(code=f"{code}-260105-0001", process_code=process.code, revision=process.revision,
                      state=first, status=1, data=fields, applicant={"ho_ten": "Nguyễn Văn A"}, channel="in_person",
                      receiving_unit=code, received_at=at, clock=Clock(at, at),
                      step=StepClock(first, at, at), form_set=form_set.id)
    stamp = "2026-01-06T09:00"
    events = [
        Event(dossier.code, 1, "received", at, "mot.cua", "", target=first, data={"fields": fields, "due_at": stamp}),
        Event(dossier.code, 2, "moved", at, "chuyen.vien", "", action="", source=first, target=first,
              data={"clock": "paused", "step_result": "early"}),
        Event(dossier.code, 3, "extended", at, "lanh.dao", "", action="", source=first, target=first,
              data={"previous_due": stamp, "new_due": stamp}),
        Event(dossier.code, 4, "moved", at, "lanh.dao", "", action="", source=first, target=final,
              data={"step_result": "on_time", "result": "on_time"}),
    ]
    context = form_context("control", dossier, events, process, agency, form_set, number=1)
    if kind in DOSSIER_FORMS and kind in form_set.forms:
        # The events above stand in for what the procedure's actions issue: pick by meaning.
        with contextlib.suppress(FormNotApplicable):
            context = form_context(kind, dossier, events, _undeclared(process), agency, form_set, number=1)
    # Every key any form's event part has, so an agency template for any form can be checked.
    event = {"at": vn_datetime(at), "actor": "", "reason": "Lý do mẫu", "comment": "", "requests": ["Mẫu"],
             "previous_due": vn_datetime(at), "new_due": vn_datetime(at), "rows": [], "partners": [], "result": ""}
    context["event"] = {**event, **context["event"]}
    context["header"]["form_number"] = form_set.forms.get(kind, "")
    context["form"] = kind
    return context


def _undeclared(process: ProcessDefinition) -> ProcessDefinition:
    """The process without ``issues``, so its forms are matched to the sample events by meaning."""
    from dataclasses import replace

    from isoflow.model.definition import revised

    return replace(process, actions=tuple(revised(a, issues=None) for a in process.actions))
