"""The legal time limit as the forms and the procedure document print it, worded as the law is.

Kept in a module of its own: how a limit is written follows the process language's time-limit
model, which changes with the law, while the rest of the form data does not.

* Working days and hours: "03 ngày làm việc", "08 giờ làm việc".
* Calendar days: "15 ngày", as the law writes it, counted by the Civil Code (Bộ luật Dân sự
  91/2015/QH13 Arts. 147-148): the papers say how, so that an applicant does not read working
  days into it.
* The same day, with the cut-off of the procedure's own law: "Trong ngày làm việc; tiếp nhận
  sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo" (Luật Hộ tịch 60/2014/QH13 Art.
  5(3); Decree 23/2015 Art. 7).
* A case the law sets apart follows, in its words: "…; trường hợp cần xác minh điều kiện kết
  hôn của hai bên nam, nữ thì không quá 05 ngày làm việc" (Luật Hộ tịch Art. 18(2)).

An appointment at the end of a day counted in calendar days ends at 24:00 (Civil Code Art.
148(6)); the model stores it as 00:00 of the day after, the same instant, and
:func:`appointment_text` prints it as the law says it: "24 giờ 00 phút, ngày 16 tháng 03 năm 2026".
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from isoflow.model.definition import ProcessDefinition, Term
from isoflow.model.vn_format import BLANK, duration_text, vn_date, vn_datetime

__all__ = ["appointment_text", "legal_time_text", "term_text"]


def term_text(term: Term, cutoff: str | None = None) -> str:
    """One term of a limit in the law's words ("" when it names no duration)."""
    kind = term.kind
    if kind == "same-day":
        if cutoff:
            hour, minute = cutoff.split(":")
            at = f"{int(hour)} giờ" + (f" {minute} phút" if minute != "00" else "")
            return f"Trong ngày làm việc; tiếp nhận sau {at} thì trả kết quả trong ngày làm việc tiếp theo"
        return "Trong ngày làm việc"
    if kind == "working-days":
        return duration_text(term.working_days, "d")  # type: ignore[arg-type]
    if kind == "working-hours":
        return duration_text(term.working_hours, "h")  # type: ignore[arg-type]
    if kind == "days":
        return f"{term.days:02d} ngày (tính theo ngày, kể cả ngày nghỉ; Bộ luật Dân sự, Điều 147, 148)"
    return ""


def legal_time_text(process: ProcessDefinition) -> str:
    """The procedure's legal time limit, with the cases the law sets apart."""
    procedure = process.procedure
    if procedure is None:
        return BLANK
    limit = procedure.time_limit
    text = term_text(limit, limit.cutoff) or BLANK
    for case in limit.cases:
        words = case.text or f"trường hợp {case.when}"
        amount = term_text(case)
        if amount and case.kind != "same-day":
            amount = f"không quá {amount}"
        text += f"; {words[0].lower()}{words[1:]} thì {amount[0].lower()}{amount[1:]}" if amount else ""
    return text


def appointment_text(moment: datetime | None) -> str:
    """An appointment as the forms print it: "09 giờ 30 phút, ngày …", and an appointment at the
    end of a day (stored as 00:00 of the next, Civil Code Art. 148(6)) as "24 giờ 00 phút" of
    its own day."""
    if moment is not None and moment.time() == time():
        return f"24 giờ 00 phút, {vn_date(moment.date() - timedelta(days=1))}"
    return vn_datetime(moment)
