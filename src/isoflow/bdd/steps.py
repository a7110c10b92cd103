"""The steps, one function each, over one scenario's :class:`World`; their sentences (Vietnamese
and English) are the table :data:`isoflow.validation.sentences.STEPS`, by function name.

A step only reads its sentence and calls the world; the world decides and explains.  Times
are written ``09:30 ngày 16/02/2026`` (or ``2026-02-16 09:30``), amounts of working time as
``2`` or ``1,5``; quoted values never contain a double quote.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from isoflow.bdd.registry import bilingual
from isoflow.bdd.world import World

Table = Sequence[Sequence[str]] | None

# -- Given -------------------------------------------------------------------------------


@bilingual
def procedure_in_force(isoflow_world: World, code: str, lang: str) -> None:
    isoflow_world.in_force(code, lang)


@bilingual
def it_is(isoflow_world: World, at: datetime, lang: str) -> None:
    isoflow_world.set_clock(at, lang)


@bilingual
def person_has_role(isoflow_world: World, actor: str, role: str, lang: str) -> None:
    isoflow_world.hold(actor, role, lang)


@bilingual
def applicant_is(isoflow_world: World, name: str, lang: str) -> None:
    isoflow_world.applicant["ho_ten"] = name


# -- When --------------------------------------------------------------------------------


@bilingual
def dossier_received(isoflow_world: World, at: datetime, channel: str, lang: str, datatable: Table = None) -> None:
    isoflow_world.receive(at, channel, datatable, lang)


@bilingual
def takes_action(isoflow_world: World, actor: str, action: str, lang: str, datatable: Table = None) -> None:
    isoflow_world.act(actor, action, datatable, lang)


@bilingual
def takes_action_with_comment(isoflow_world: World, actor: str, action: str, comment: str, lang: str,
                              datatable: Table = None) -> None:
    isoflow_world.act(actor, action, datatable, lang, comment=comment)


@bilingual
def tries_action(isoflow_world: World, actor: str, action: str, lang: str, datatable: Table = None) -> None:
    isoflow_world.act(actor, action, datatable, lang, attempt=True)


@bilingual
def working_hours_pass(isoflow_world: World, amount: Decimal, lang: str) -> None:
    isoflow_world.pass_time(amount, "h", lang)


@bilingual
def working_days_pass(isoflow_world: World, amount: Decimal, lang: str) -> None:
    isoflow_world.pass_time(amount, "d", lang)


@bilingual
def clock_moves(isoflow_world: World, at: datetime, lang: str) -> None:
    isoflow_world.set_clock(at, lang, forward_only=True)


# -- Then --------------------------------------------------------------------------------


@bilingual
def dossier_at_step(isoflow_world: World, state: str, lang: str) -> None:
    isoflow_world.expect_state(state, lang)


@bilingual
def dossier_closed_as(isoflow_world: World, outcome: str, lang: str) -> None:
    isoflow_world.expect_outcome(outcome, lang)


@bilingual
def appointment_is(isoflow_world: World, at: datetime, lang: str) -> None:
    isoflow_world.expect_due(at, lang)


@bilingual
def step_due_is(isoflow_world: World, at: datetime, lang: str) -> None:
    isoflow_world.expect_step_due(at, lang)


@bilingual
def dossier_resolved(isoflow_world: World, result: str, lang: str) -> None:
    isoflow_world.expect_result(result, lang)


@bilingual
def step_finished(isoflow_world: World, state: str, result: str, lang: str) -> None:
    isoflow_world.expect_step_result(state, result, lang)


@bilingual
def field_is(isoflow_world: World, field: str, value: str, lang: str) -> None:
    isoflow_world.expect_field(field, value, lang)


@bilingual
def form_issued(isoflow_world: World, form: str, lang: str) -> None:
    isoflow_world.expect_form(form, lang)


@bilingual
def form_contains(isoflow_world: World, form: str, text: str, lang: str) -> None:
    isoflow_world.expect_form_text(form, text, lang)


@bilingual
def action_refused(isoflow_world: World, reason: str, lang: str) -> None:
    isoflow_world.expect_refused(reason, lang)


@bilingual
def overdue_has(isoflow_world: World, lang: str) -> None:
    isoflow_world.expect_overdue(True, lang)


@bilingual
def overdue_has_not(isoflow_world: World, lang: str) -> None:
    isoflow_world.expect_overdue(False, lang)
