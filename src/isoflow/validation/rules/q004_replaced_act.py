"""Q004 replaced-act: the procedure does not cite an act replaced more than three months before.

What it checks: no ``<act>`` of the legal basis cites an act that the legal data
(``data/regimes.toml``, ``[[replaced_act]]``: Decree 61/2018/NĐ-CP and 107/2021/NĐ-CP by Decree
118/2025/NĐ-CP from 01/07/2025, Circular 01/2018/TT-VPCP by Circular 03/2025/TT-VPCP) marks as
replaced, when the revision still receives dossiers more than three months after the
replacement took effect: it has no ``until``, or its ``until`` is later than that.  The three
months are counted as the Civil Code counts months (Bộ luật Dân sự 91/2015/QH13 Arts. 147(2),
148(3)): replaced from 01/07/2025, the system had until 01/10/2025.  The act is found by its
number ("61/2018/NĐ-CP"), spaces and case aside.
Why it matters: Decision 19/2014/QĐ-TTg Art. 4(4)(a) requires an agency to take changes of the
law into its quality management system "trong thời gian chậm nhất là ba tháng kể từ khi văn
bản quy phạm pháp luật có hiệu lực thi hành"; a procedure still citing the replaced act after
that was not reviewed, and its papers cite a dead act.  Only the revision's own dates are
weighed, never today's date: validation gives the same answer every day.
Flagged: a revision effective 2026-01-01, no ``until``, citing "Nghị định 61/2018/NĐ-CP".
Accepted: the same revision citing "Nghị định 118/2025/NĐ-CP"; a revision citing Decree 61
whose ``until`` is 2025-09-30 (it took no dossier after the three months).
Fix: cite the replacing act (and review the procedure against it), or end this revision with
``until`` and issue a new one.
"""

from collections.abc import Iterator
from datetime import date

from isoflow.i18n import translate as _
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("Q004", "replaced-act", Severity.WARNING, __doc__)

#: Decision 19/2014/QĐ-TTg Art. 4(4)(a): "chậm nhất là ba tháng".
GRACE_MONTHS = 3


def months_later(start: date, months: int) -> date:
    """The last day of a limit of ``months`` months counted from ``start`` (Civil Code Art.
    147(2): ``start`` not counted; Art. 148(3): the corresponding day of the last month, or that
    month's last day when it has no such day)."""
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, 28)  # not reached: every month has a 28th


@rule
def check(process: ProcessDefinition, context: Context) -> Iterator[Finding]:
    procedure = process.procedure
    if not context.replaced or procedure is None:
        return
    for act in procedure.legal_basis:
        stale = [r for r in context.replaced if r.cited_in(act)
                 and (process.until is None or process.until > months_later(r.start, GRACE_MONTHS))]
        if not stale:
            continue
        first = min(stale, key=lambda r: r.start)
        deadline = months_later(first.start, GRACE_MONTHS)
        message = _("the legal basis cites {numbers}, replaced by {successors} from {start}, and revision "
                    "{revision} receives dossiers until {until}: past {deadline}, the three months Decision "
                    "19/2014/QĐ-TTg Art. 4(4)(a) gives to take a change of the law into the quality management "
                    "system") if process.until else \
            _("the legal basis cites {numbers}, replaced by {successors} from {start}, and revision {revision} "
              "has no end date: past {deadline}, the three months Decision 19/2014/QĐ-TTg Art. 4(4)(a) gives to "
              "take a change of the law into the quality management system")
        numbers = _(" and ").join(r.number for r in stale)
        successors = _(" and ").join(dict.fromkeys(r.replaced_by for r in stale))
        yield rule.at(procedure.location,
                      message.format(numbers=numbers, successors=successors, start=first.start.isoformat(),
                                     revision=process.revision, deadline=deadline.isoformat(),
                                     until=process.until.isoformat() if process.until else ""),
                      hint=_('cite {successors} instead, or end this revision by {deadline} (until="...") and issue '
                             "a new one").format(successors=successors, deadline=deadline.isoformat()))
