"""The desk refuses to act from a current-state row edited without an event (issue 13 §2.2).

On every backend: the tester's forgery (the row's step set to a later one, column and body)
is refused by ``act``, ``withdraw``, ``stop`` and ``remind``; ``show`` raises with the row
attached; ``verify`` names it.  Dossiers written before row digests are still acted on.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from msgspec.structs import replace

from isoflow.desk import Desk
from isoflow.errors import DossierTampered
from isoflow.model.dossier import Dossier, Event
from isoflow.store import _common as c
from isoflow.store.codec import seal
from tests._desk_helpers import (
    CLERK,
    EXPERT,
    LEADER,
    desk_fixture,  # noqa: F401 -- fixture "desk"
    desk_url_fixture,  # noqa: F401 -- fixture "desk_url"
    receive,
    t,
    to_appraisal,
)
from tests.store._helpers import is_postgres, raw
from tests.store.conftest import postgres_url  # noqa: F401 -- fixture used by desk_url

REASON = "the row is not the one event 3 recorded (row digest check)"


def forge_step(desk: Desk, code: str, state: str) -> None:
    """What the outside tester did: the row's step (column, body, step clock) set by hand."""
    store = desk.store
    for path, value in (("state", state), ("step.state", state)):
        if is_postgres(store):
            raw(store, "UPDATE dossiers SET body = jsonb_set(body, %s, %s::jsonb) WHERE code = %s",
                ("{" + path.replace(".", ",") + "}", json.dumps(value), code))
        else:
            raw(store, "UPDATE dossiers SET body = json_set(body, %s, %s) WHERE code = %s", (f"$.{path}", value, code))
    raw(store, "UPDATE dossiers SET state = %s WHERE code = %s", (state, code))


def test_act_withdraw_and_stop_refuse_a_forged_step(desk: Desk) -> None:
    code = receive(desk).code
    to_appraisal(desk, code)  # tham_dinh, version 3
    trail = desk.history(code)
    forge_step(desk, code, "ky_duyet")  # skip the appraisal: straight to the leader's signature
    with pytest.raises(DossierTampered) as caught:
        desk.act(code, "ky", actor="pham.chi", role=LEADER, at=t("2026-03-03 09:00"))
    assert str(caught.value) == (f"dossier {code}: its current-state row does not match its audit trail "
                                 f"({REASON}); run isoflow dossier verify")
    with pytest.raises(DossierTampered):
        desk.withdraw(code, actor="le.an", role=CLERK, reason="Rút", at=t("2026-03-03 09:00"))
    with pytest.raises(DossierTampered):
        desk.stop(code, actor="le.an", role=CLERK, reason="Dừng", at=t("2026-03-03 09:00"))
    with pytest.raises(DossierTampered):
        desk.options(code, LEADER)
    with pytest.raises(DossierTampered) as shown:
        desk.show(code)
    assert isinstance(shown.value.dossier, Dossier)
    assert shown.value.dossier.state == "ky_duyet"
    assert desk.history(code) == trail  # nothing was written from the forged step
    assert [p.message for p in desk.verify(code)] == [
        REASON, "the row says step 'ky_duyet' but its events end in step 'tham_dinh' (event 3) (structural check)"]


def test_the_copy_this_desk_wrote_is_still_acted_on_and_repairs_the_row(desk: Desk) -> None:
    """The desk's own copy is what its events give (it was never read from the row), and the
    write is conditional on version and last hash only: it puts the genuine row back."""
    code = receive(desk).code
    held = to_appraisal(desk, code)
    forge_step(desk, code, "ky_duyet")
    move = desk.act(code, "trinh", actor="tran.binh", role=EXPERT, at=t("2026-03-03 09:00"),
                    data={"du_dieu_kien": True}, dossier=held)
    assert desk.show(code) == move.dossier
    assert desk.verify() == []


def test_remind_refuses_a_forged_dossier_and_reminds_the_others(desk: Desk) -> None:
    forged = receive(desk).code
    intact = receive(desk).code
    forge_step(desk, forged, "ky_duyet")
    refused: list[DossierTampered] = []
    written = desk.remind("nhac-1", t("2026-03-04 16:00"), timedelta(hours=2), refused=refused)
    assert sorted({e.dossier for e in written}) == [intact]
    assert [(error.code, error.reason) for error in refused] == [
        (forged, "the row is not the one event 1 recorded (row digest check)")]
    assert len(desk.history(forged)) == 1
    with pytest.raises(DossierTampered, match=forged):
        desk.remind("nhac-1", t("2026-03-04 16:00"), timedelta(hours=2))
    assert len(desk.history(forged)) == 1
    assert {p.dossier for p in desk.verify()} == {forged}


def test_dossiers_written_before_row_digests_are_acted_on(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    def unsealed(dossier: Dossier, events: Any, prev_hash: str) -> tuple[Dossier, list[Event]]:
        sealed = seal([replace(e, row_hash=None) for e in events], prev_hash)
        return replace(dossier, last_hash=sealed[-1].hash), sealed

    monkeypatch.setattr("isoflow.desk.seal_write", unsealed)
    monkeypatch.setattr(c, "row_digest", lambda dossier: None)  # the store took any write then
    old = receive(desk).code
    to_appraisal(desk, old)
    forged = receive(desk).code
    monkeypatch.undo()
    assert [e.row_hash for e in desk.history(old)] == [None, None, None]
    assert desk.show(old).state == "tham_dinh"
    move = desk.act(old, "trinh", actor="tran.binh", role=EXPERT, at=t("2026-03-03 09:00"),
                    data={"du_dieu_kien": True})
    assert move.events[-1].row_hash is not None  # from now on the row digest protects it
    forge_step(desk, forged, "ky_duyet")
    with pytest.raises(DossierTampered, match=r"structural check: event 1 predates row digests"):
        desk.act(forged, "kiem_tra", actor="le.an", role=CLERK, at=t("2026-03-03 09:00"),
                 data={"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"})
    assert [p.dossier for p in desk.verify()] == [forged]
