"""What a write binds: the hot path's list of column values is the columns ``verify`` compares."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from msgspec.structs import replace

from isoflow.model.dossier import Clock, Dossier, reminder_key
from isoflow.store import _common as c
from tests.store._helpers import new_dossier

HANOI = timezone(timedelta(hours=7))


def _variants() -> list[Dossier]:
    dossier, _ = new_dossier("000.17.22.H56-260205-0001", datetime(2026, 2, 5, 8, 30, 15, 250000))
    step_due = dossier.step.due_at
    assert step_due is not None
    paused = replace(dossier, clock=replace(dossier.clock, paused_at=datetime(2026, 2, 6, 9, 0, 0, 5)))
    reminded = replace(dossier, reminded=(reminder_key("step", step_due),))
    all_reminded = replace(reminded, reminded=(*reminded.reminded, reminder_key("dossier", dossier.clock.due_at)))
    closed = replace(dossier, closed_at=datetime(2026, 2, 9, 16, 0), outcome="granted",
                     measures={"result": "early", "result_766": "on_time", "worst_step": "late", "worked_min": 725,
                               "handovers": 3},
                     data={**dossier.data, "thanh_toan_truc_tuyen": True, "ket_qua_dien_tu": True,
                           "ho_so_so_hoa": "yes", "chuyen_ho_so_giay": False})
    aware = replace(dossier, received_at=datetime(2026, 2, 5, 1, 30, 7, tzinfo=UTC),
                    clock=Clock(datetime(2026, 2, 5, 8, 30, tzinfo=HANOI), datetime(2026, 2, 10, 8, 30, 59, 999,
                                                                                 tzinfo=HANOI)))
    no_times = replace(dossier, step=replace(dossier.step, due_at=None), clock=replace(dossier.clock, due_at=None))
    return [dossier, paused, reminded, all_reminded, closed, aware, no_times]


@pytest.mark.parametrize("dossier", _variants(), ids=["open", "paused", "reminded", "all-reminded", "closed",
                                                      "aware", "no-due"])
def test_row_values_are_the_columns_verify_compares(dossier: Dossier) -> None:
    columns = c.dossier_columns(dossier)
    assert c.row_values(dossier, lambda value: value) == [columns[name] for name in c.ROW_COLUMNS]
