"""A sample dossier end to end on the shipped procedures: what ``isoflow demo`` runs.

Business registration (QT-DKKD-01, 3 working days) received on a Friday after the 15:00
cut-off, sent back once for a supplement, extended once with an apology, then approved and
returned; every step is written to the store and the event chain is verified at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from isoflow.cli import clerk_text
from isoflow.desk import Desk
from isoflow.i18n import N_, current
from isoflow.i18n import translate as _

CLERK, EXPERT, LEADER = "cong-chuc-mot-cua", "chuyen-vien", "lanh-dao"

_WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
_CLOCK = {"restarted": N_("restarted"), "resumed": N_("resumed")}


def _on(at: datetime) -> str:
    """``Fri 2026-08-21 15:20``, the weekday in the current language."""
    return f"{_(_WEEKDAYS[at.weekday()])} {at:%Y-%m-%d %H:%M}"


def _hours(minutes: float) -> str:
    """Working minutes as hours, the way both of the sample's waiting lines print them (17, 2.5)."""
    return f"{minutes / 60:g}"


def _code(word: object, translated: str) -> str:
    """A value as the English sample prints it (its code: ``early``, ``granted``), or in words
    in another language."""
    return translated if current() != "en" else str(word)


def run(desk: Desk, say: Callable[[str], None], unit: str = "000.00.31.H40") -> str:
    """Run the sample; returns the dossier code.  ``say`` prints one line."""
    def t(text: str) -> datetime:
        return datetime.fromisoformat(text)

    d = desk.receive("QT-DKKD-01", unit=unit, channel="in_person",
                     applicant={"ho_ten": "Nguyễn Thị Mai", "so_dinh_danh": "036190001234"},
                     data={}, actor="le.an", role=CLERK, at=t("2026-08-21 15:20"))
    say(_("received {code} on {received} (after 15:00): legal time from {started}, appointment {due}").format(
        code=d.code, received=_on(t("2026-08-21 15:20")), started=_on(d.clock.started_at),
        due=f"{d.clock.due_at:%Y-%m-%d %H:%M}"))
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
            note = "  " + _("(legal clock paused: the applicant holds the dossier)")
        elif "clock" in event.data:
            info = event.data
            clock = str(info["clock"])
            # The event says "17h00" (legal_clock.hours_text), which would read as five in the
            # afternoon: the wait is printed as the closing line prints it, in working hours.
            hours, _sep, minutes = str(info["waited"]).partition("h")
            note = "  " + _("(clock {clock} after {hours} working hours of waiting; new due {due})").format(
                clock=_code(clock, _(_CLOCK.get(clock, clock))), hours=_hours(int(hours) * 60 + int(minutes or 0)),
                due=info["due_at"])
        if event.kind == "extended":
            note = "  " + _("(due moved {previous} → {new})").format(previous=event.data["previous_due"],
                                                                     new=event.data["new_due"])
        line = (_("{when}  {action:<16} {source} → {target}  by {actor}/{role} step {result}")
                if "step_result" in event.data else _("{when}  {action:<16} {source} → {target}  by {actor}/{role}"))
        step_result = event.data.get("step_result")
        say(line.format(when=when, action=action, source=event.source, target=event.target, actor=actor, role=role,
                        result=_code(step_result, clerk_text.result(str(step_result)))) + note)
    result = desk.history(d.code)[-1].data.get("result")
    say(_("closed: {outcome}, {at}, dossier result {result} against the new appointment {due}; waited for the "
          "applicant {hours} working hours").format(
        outcome=_code(d.outcome, clerk_text.outcome(d.outcome)), at=f"{d.closed_at:%Y-%m-%d %H:%M}",
        result=_code(result, clerk_text.result(str(result))), due=f"{d.clock.due_at:%Y-%m-%d %H:%M}",
        hours=_hours(d.clock.waited.total_seconds() / 60)))
    m = d.measures
    say(_("indicators: {result} against the first appointment {due} (Circular 01/2018, with an apology), "
          "{result_766} by Decision 766, {minutes} working minutes, {handovers} hand-overs; see: isoflow report "
          "--db <this db> --year 2026").format(
        result=_code(m.get("result"), clerk_text.result(str(m.get("result")))), due=m.get("due_before_extension"),
        result_766=_code(m.get("result_766"), clerk_text.result(str(m.get("result_766")))),
        minutes=m.get("worked_min"), handovers=m.get("handovers")))
    problems = desk.verify(d.code)
    say(_("event chain verified") if not problems else "; ".join(map(str, problems)))
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
    say(_("forms written to {folder}/: {files}").format(folder=folder, files=", ".join(p.name for p in written)))
    return written
