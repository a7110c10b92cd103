"""A sample dossier end to end on the shipped procedures: what ``isoflow demo`` runs.

Business registration (QT-DKKD-01, 3 working days) received on a Friday after the 15:00
cut-off, sent back once for a supplement, extended once with an apology, then approved and
returned; every step is written to the store and the event chain is verified at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from isoflow.desk import Desk

CLERK, EXPERT, LEADER = "cong-chuc-mot-cua", "chuyen-vien", "lanh-dao"


def run(desk: Desk, say: Callable[[str], None], unit: str = "000.00.31.H40") -> str:
    """Run the sample; returns the dossier code.  ``say`` prints one line."""
    def t(text: str) -> datetime:
        return datetime.fromisoformat(text)

    d = desk.receive("QT-DKKD-01", unit=unit, channel="in_person",
                     applicant={"ho_ten": "Nguyễn Thị Mai", "so_dinh_danh": "036190001234"},
                     data={}, actor="le.an", role=CLERK, at=t("2026-08-21 15:20"))
    say(f"received {d.code} on Fri 2026-08-21 15:20 (after 15:00): legal time from "
        f"{d.clock.started_at:%a %Y-%m-%d %H:%M}, appointment {d.clock.due_at:%Y-%m-%d %H:%M}")
    steps: list[tuple[str, str, str, str, dict[str, object]]] = [
        ("kiem_tra", CLERK, "le.an", "2026-08-22 08:00", {"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"}),
        ("ban_giao", CLERK, "le.an", "2026-08-22 08:30", {}),
        ("yeu_cau_bo_sung", EXPERT, "tran.binh", "2026-08-24 09:00", {"noi_dung_bo_sung": "Bổ sung điều lệ công ty"}),
        ("nop_bo_sung", CLERK, "le.an", "2026-08-26 10:00", {}),
        ("kiem_tra", CLERK, "le.an", "2026-08-26 10:30", {"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"}),
        ("ban_giao", CLERK, "le.an", "2026-08-26 11:00", {}),
        ("xin_loi", LEADER, "pham.chi", "2026-08-27 09:00",
         {"ly_do": "Cần xác minh thông tin chủ sở hữu", "ngay_hen_moi": "2026-09-04T16:00"}),
        ("trinh", EXPERT, "tran.binh", "2026-09-03 10:00", {"du_dieu_kien": True}),
        ("ky", LEADER, "pham.chi", "2026-09-03 15:00", {}),
        ("tra", CLERK, "le.an", "2026-09-04 09:00", {}),
    ]
    for action, role, actor, when, data in steps:
        move = desk.act(d.code, action, actor=actor, role=role, at=t(when), data=data)
        d, event = move.dossier, move.events[-1]
        note = ""
        if event.data.get("clock") == "paused":
            note = "  (legal clock paused: the applicant holds the dossier)"
        elif "clock" in event.data:
            info = event.data
            note = f"  (clock {info['clock']} after {info['waited']} waiting; new due {info['due_at']})"
        if event.kind == "extended":
            note = f"  (due moved {event.data['previous_due']} → {event.data['new_due']})"
        result = f" step {event.data['step_result']}" if "step_result" in event.data else ""
        say(f"{when}  {action:<16} {event.source} → {event.target}  by {actor}/{role}{result}{note}")
    say(f"closed: {d.outcome}, {d.closed_at:%Y-%m-%d %H:%M}, dossier result "
        f"{desk.history(d.code)[-1].data.get('result')} against the new appointment "
        f"{d.clock.due_at:%Y-%m-%d %H:%M}; waited for the applicant {d.clock.waited.total_seconds() / 3600:g} "
        "working hours")
    m = d.measures
    say(f"indicators: {m.get('result')} against the first appointment {m.get('due_before_extension')} "
        f"(Circular 01/2018, with an apology), {m.get('result_766')} by Decision 766, {m.get('worked_min')} "
        f"working minutes, {m.get('handovers')} hand-overs; see: isoflow report --db <this db> --year 2026")
    problems = desk.verify(d.code)
    say("event chain verified" if not problems else "; ".join(map(str, problems)))
    return d.code


def print_forms(desk: Desk, code: str, folder: Path, say: Callable[[str], None]) -> list[Path]:
    """Render the sample's forms and its procedure document as PDF into ``folder``."""
    from isoflow.printer import Printer

    printer = Printer()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for form in ("receipt", "supplement", "apology", "control"):
        document = printer.dossier_form(desk, code, form, "pdf")
        written.append(folder / f"{form}.pdf")
        written[-1].write_bytes(document.content("pdf"))
    dossier = desk.show(code)
    procedure = printer.procedure(desk.engine.process_of(dossier).definition, "pdf")
    written.append(folder / f"{dossier.process_code}.pdf")
    written[-1].write_bytes(procedure.content("pdf"))
    say(f"forms written to {folder}/: {', '.join(p.name for p in written)}")
    return written
