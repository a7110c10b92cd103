"""The legal time limit as the forms and the procedure document print it, worded as the law is.

Kept in a module of its own: how a limit is written (working days, days, the same day with
its cut-off, conditional limits) follows the process language's time-limit model, which
changes with the law, while the rest of the form data does not.
"""

from __future__ import annotations

from isoflow.model.definition import ProcessDefinition
from isoflow.model.vn_format import BLANK, duration_text

__all__ = ["legal_time_text"]


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
