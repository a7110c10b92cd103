"""The legal clock on its own: the one place legal time is decided, called by the engine.

Real dates on the shipped calendar (sessions 07:30-11:30 and 13:00-17:00) and the shipped
regimes; QT-DKKD-01 has a 3-working-day limit, a 15:00 cut-off (the regime's) and a waiting
step for supplements.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from functools import cache

import pytest
from msgspec.structs import replace as changed

from isoflow.data.loaders import load_legal_basis
from isoflow.data.work_calendar import load_calendar
from isoflow.errors import ActionNotAllowed
from isoflow.model.dossier import Clock, Dossier, StepClock
from isoflow.running.compiler import CompiledProcess, compile_process
from isoflow.running.legal_clock import LegalClock, hours_text, iso_minutes, minutes
from isoflow.workspace import load_runnable
from tests.conftest import PROCESSES


@cache
def clock() -> LegalClock:
    return LegalClock(load_calendar(), load_legal_basis())


@cache
def dkkd() -> CompiledProcess:
    return next(compile_process(d) for d in load_runnable([PROCESSES]) if d.code == "QT-DKKD-01")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def dossier(received: str, legal: Clock, state: str = "tham_dinh") -> Dossier:
    return Dossier("H56-260302-0001", "QT-DKKD-01", 1, state, 4, {}, {}, "in_person", "H56", at(received), legal,
                   StepClock(state, at(received), None))


def test_receipt_before_the_cutoff_starts_at_once_and_is_due_after_the_limit() -> None:
    receipt = clock().receipt(dkkd(), at("2026-03-02 09:00"))
    assert (receipt.clock.started_at, receipt.clock.due_at) == (at("2026-03-02 09:00"), at("2026-03-05 09:00"))
    assert receipt.step.state == dkkd().initial
    assert receipt.regime.id == clock().legal.regime_on(at("2026-03-02").date()).id


def test_receipt_after_15h_starts_the_legal_clock_at_once_and_only_the_step_clock_next_morning() -> None:
    receipt = clock().receipt(dkkd(), at("2026-03-02 15:01"))
    assert (receipt.clock.started_at, receipt.clock.due_at) == (at("2026-03-02 15:01"), at("2026-03-05 15:01"))
    assert receipt.step.due_at == at("2026-03-03 09:30")  # tiep_nhan: 2h from Tuesday 07:30
    # No cut-off of its own: the legal clock's is none (time.max); the step clocks keep the regime's.
    assert clock().cutoff(dkkd(), at("2026-03-02 15:01")) == time.max
    assert clock().step_cutoff(dkkd(), at("2026-03-02 15:01")) == time(15)


def test_a_procedure_cutoff_wins_over_the_regime() -> None:
    late = replace(dkkd(), cutoff=at("2026-01-01 16:00").time())
    assert clock().receipt(late, at("2026-03-02 15:30")).clock.started_at == at("2026-03-02 15:30")


def test_step_due_only_for_work_steps_with_a_budget() -> None:
    states = dkkd().states
    waiting = next(s for s in states.values() if s.kind == "waiting")
    assert clock().step_due(dkkd(), waiting, at("2026-03-02 09:00")) is None
    work = next(s for s in states.values() if s.kind == "work" and s.budget is not None)
    assert clock().step_due(dkkd(), work, at("2026-03-02 09:00")) == clock().calendar.add_working_time(
        at("2026-03-02 09:00"), work.budget)  # type: ignore[arg-type]


def test_hand_over_measures_the_step_to_the_minute() -> None:
    step = StepClock("tham_dinh", at("2026-03-02 09:00"), at("2026-03-02 13:30"))
    assert clock().hand_over(step, at("2026-03-02 13:30")) == (
        "on_time", {"step_due": "2026-03-02T13:30", "step_result": "on_time", "step_worked_min": 180})
    assert clock().hand_over(changed(step, due_at=None), at("2026-03-02 13:30")) is None


def test_waiting_pauses_then_restarts_from_zero() -> None:
    states = dkkd().states
    waiting = next(s for s in states.values() if s.kind == "waiting")
    work = states["tham_dinh"]
    running = Clock(at("2026-03-02 09:00"), at("2026-03-05 09:00"))
    data: dict[str, object] = {}
    paused = clock().around_waiting(dossier("2026-03-02 09:00", running), dkkd(), running, work, waiting,
                                    at("2026-03-03 10:00"), data)
    assert (paused.paused_at, paused.supplements, data) == (at("2026-03-03 10:00"), 1, {"clock": "paused"})
    data = {}
    back = clock().around_waiting(dossier("2026-03-02 09:00", paused), dkkd(), paused, waiting, work,
                                  at("2026-03-09 14:00"), data)
    assert (back.started_at, back.due_at, back.waited) == (at("2026-03-09 14:00"), at("2026-03-12 14:00"),
                                                          timedelta(hours=34, minutes=30))
    assert data == {"clock": "restarted", "waited": "34h30", "due_at": "2026-03-12T14:00"}


def test_extension_rules() -> None:
    running = Clock(at("2026-03-02 09:00"), at("2026-03-05 09:00"))
    d = dossier("2026-03-02 09:00", running)
    extended = clock().extend(d, dkkd(), "2026-03-10T09:00", at("2026-03-04 09:00"), "xin_loi")
    assert (extended.due_at, extended.extensions) == (at("2026-03-10 09:00"), 1)
    with pytest.raises(ActionNotAllowed) as caught:
        clock().extend(d, dkkd(), "2026-03-10T09:00", at("2026-03-04 09:01"), "xin_loi")
    assert (caught.value.reason, caught.value.action) == ("extension-late", "xin_loi")
    with pytest.raises(ActionNotAllowed) as caught:
        clock().extend(changed(d, clock=extended), dkkd(), "2026-03-12T09:00", at("2026-03-04 09:00"), "xin_loi")
    assert caught.value.reason == "extension-repeated"


def test_closing_measures_judge_against_the_first_appointment() -> None:
    running = Clock(at("2026-03-02 09:00"), at("2026-03-10 09:00"), extensions=1)
    d = dossier("2026-03-02 09:00", running)
    measures = clock().closing_measures(d, dkkd(), running, at("2026-03-06 09:00"),
                                        {"due_before_extension": "2026-03-05T09:00"})
    assert measures == {"result": "late", "result_766": "late", "worked_min": 32 * 60}
    twice = changed(running, supplements=2)
    assert clock().closing_measures(d, dkkd(), twice, at("2026-03-03 09:00"), {})["result_766"] == "late"


def test_formatting_helpers() -> None:
    assert (iso_minutes(at("2026-03-02 09:00:59")), iso_minutes(None)) == ("2026-03-02T09:00", None)
    assert (minutes(timedelta(seconds=119)), hours_text(timedelta(hours=3, minutes=5))) == (1, "3h05")
