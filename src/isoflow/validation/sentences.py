"""Every step sentence isoflow ships, in Vietnamese and English: a table, not code.

The step library (:mod:`isoflow.bdd.steps`) binds one function to each :class:`Step` by its
id; the feature checks (``isoflow validate features/``) match step lines against the same
table without loading pytest; ``isoflow steps`` and the README's list of steps are generated
from it.  A sentence cannot drift from the step that runs it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from isoflow.validation.step_values import Matcher

__all__ = ["KEYWORDS", "SENTENCES", "STEPS", "Kind", "Sentence", "Step", "steps_markdown"]

Kind = Literal["given", "when", "then"]
KEYWORDS = {"vi": {"given": "Biết", "when": "Khi", "then": "Thì"},
            "en": {"given": "Given", "when": "When", "then": "Then"}}


@dataclass(frozen=True)
class Step:
    """One step of the library: its id (the function bound to it), kind, and its two sentences,
    each a (pattern, example) pair; ``table``: it takes an optional data table of (field, value)."""

    id: str
    kind: Kind
    doc: str
    vi: tuple[str, str]
    en: tuple[str, str]
    table: bool = False


@dataclass(frozen=True)
class Sentence:
    """One sentence of a step in one language, as a feature writer uses it."""

    step: str
    kind: Kind
    lang: str
    pattern: str
    example: str
    doc: str
    table: bool

    @functools.cached_property
    def matcher(self) -> Matcher:
        return Matcher(self.pattern)


STEPS: tuple[Step, ...] = (
    Step('procedure_in_force', 'given',
         doc="The procedure (its code) that the scenario's dossiers follow.",
         vi=('quy trình "{code:Text}" đang có hiệu lực', 'quy trình "QT-CT-01" đang có hiệu lực'),
         en=('the procedure "{code:Text}" is in force', 'the procedure "QT-CT-01" is in force')),
    Step('it_is', 'given',
         doc='Sets the simulated clock.',
         vi=('bây giờ là {at:Instant}', 'bây giờ là 08:00 ngày 16/02/2026'),
         en=('it is {at:Instant}', 'it is 2026-02-16 08:00')),
    Step('person_has_role', 'given',
         doc=('A person (a login) and a role of the procedure they act in; given twice, they hold both (and act'
              ' in whichever the action permits).'),
         vi=('"{actor:Text}" giữ vai trò "{role:Text}"', '"le.an" giữ vai trò "cong-chuc-mot-cua"'),
         en=('"{actor:Text}" has the role "{role:Text}"', '"le.an" has the role "cong-chuc-mot-cua"')),
    Step('applicant_is', 'given',
         doc="The applicant's full name, printed on the forms.",
         vi=('người nộp hồ sơ là "{name:Text}"', 'người nộp hồ sơ là "Trần Thị Bình"'),
         en=('the applicant is "{name:Text}"', 'the applicant is "Trần Thị Bình"')),
    Step('dossier_received', 'when', table=True,
         doc=('The one-stop desk receives a dossier (channel: trực tiếp / trực tuyến / bưu chính, or in person '
              "/ online / post); the table gives field values and the applicant's ho_ten, dia_chi, dien_thoai."),
         vi=('hồ sơ được tiếp nhận lúc {at:Instant} qua kênh "{channel:Text}"',
             'hồ sơ được tiếp nhận lúc 09:00 ngày 16/02/2026 qua kênh "trực tiếp"'),
         en=('a dossier is received at {at:Instant} through "{channel:Text}"',
             'a dossier is received at 2026-02-16 09:00 through "online"')),
    Step('takes_action', 'when', table=True,
         doc=("A person takes an action, now, entering the table's field values (instants as 17:00 ngày "
              '09/03/2026).'),
         vi=('"{actor:Text}" thực hiện "{action:Text}"', '"le.an" thực hiện "kiem_tra"'),
         en=('"{actor:Text}" takes the action "{action:Text}"', '"le.an" takes the action "kiem_tra"')),
    Step('takes_action_with_comment', 'when', table=True,
         doc='The same, with a comment written into the audit trail.',
         vi=('"{actor:Text}" thực hiện "{action:Text}" với ý kiến "{comment:Text}"',
             '"pham.chi" thực hiện "tra_lai" với ý kiến "Bổ sung văn bản xác minh"'),
         en=('"{actor:Text}" takes the action "{action:Text}" commenting "{comment:Text}"',
             '"pham.chi" takes the action "tra_lai" commenting "Verify the address"')),
    Step('tries_action', 'when', table=True,
         doc="A person tries an action that may be refused; a 'the action is refused' step must follow.",
         vi=('"{actor:Text}" thử thực hiện "{action:Text}"', '"tran.binh" thử thực hiện "ky"'),
         en=('"{actor:Text}" tries to take the action "{action:Text}"', '"tran.binh" tries to take the action "ky"')),
    Step('working_hours_pass', 'when',
         doc="Working hours pass on the agency's calendar (nights, weekends and holidays skipped).",
         vi=('{amount:Number} giờ làm việc trôi qua', '2 giờ làm việc trôi qua'),
         en=('{amount:Number} working hours pass', '2 working hours pass')),
    Step('working_days_pass', 'when',
         doc="Working days pass on the agency's calendar (1,5 is a day and a half).",
         vi=('{amount:Number} ngày làm việc trôi qua', '3 ngày làm việc trôi qua'),
         en=('{amount:Number} working days pass', '3 working days pass')),
    Step('clock_moves', 'when',
         doc='The clock moves forward to an instant.',
         vi=('đồng hồ chuyển đến {at:Instant}', 'đồng hồ chuyển đến 16:30 ngày 23/02/2026'),
         en=('the clock moves to {at:Instant}', 'the clock moves to 2026-02-23 16:30')),
    Step('dossier_at_step', 'then',
         doc="The dossier's current step (a state id of the procedure).",
         vi=('hồ sơ ở bước "{state:Text}"', 'hồ sơ ở bước "tham_dinh"'),
         en=('the dossier is at step "{state:Text}"', 'the dossier is at step "tham_dinh"')),
    Step('dossier_closed_as', 'then',
         doc=('How the dossier ended: đã giải quyết / từ chối / rút hồ sơ / dừng giải quyết (granted / refused '
              '/ withdrawn / stopped).'),
         vi=('hồ sơ kết thúc với kết quả "{outcome:Text}"', 'hồ sơ kết thúc với kết quả "từ chối"'),
         en=('the dossier is closed as "{outcome:Text}"', 'the dossier is closed as "refused"')),
    Step('appointment_is', 'then',
         doc='The appointment (hẹn trả kết quả): the legal due time of the dossier.',
         vi=('hạn trả kết quả là {at:Instant}', 'hạn trả kết quả là 17:00 ngày 23/02/2026'),
         en=('the appointment is {at:Instant}', 'the appointment is 2026-02-23 17:00')),
    Step('step_due_is', 'then',
         doc='When the current step is due (its time budget from when it was entered).',
         vi=('hạn của bước hiện tại là {at:Instant}', 'hạn của bước hiện tại là 11:00 ngày 16/02/2026'),
         en=('the current step is due at {at:Instant}', 'the current step is due at 2026-02-16 11:00')),
    Step('dossier_resolved', 'then',
         doc=('The dossier was resolved early / on time / late (sớm hạn / đúng hạn / quá hạn), to the minute, '
              'against the appointment in force (after an apology letter, the new one; the quarterly report '
              'judges against the first).'),
         vi=('hồ sơ được giải quyết "{result:Text}"', 'hồ sơ được giải quyết "đúng hạn"'),
         en=('the dossier was resolved "{result:Text}"', 'the dossier was resolved "on time"')),
    Step('step_finished', 'then',
         doc='A step was finished early / on time / late against its time budget.',
         vi=('bước "{state:Text}" hoàn thành "{result:Text}"', 'bước "tham_dinh" hoàn thành "quá hạn"'),
         en=('the step "{state:Text}" was finished "{result:Text}"', 'the step "tham_dinh" was finished "late"')),
    Step('field_is', 'then',
         doc='A field of the dossier holds a value (booleans: có / không, or true / false).',
         vi=('trường "{field:Text}" là "{value:Text}"', 'trường "phi" là "4000"'),
         en=('the field "{field:Text}" is "{value:Text}"', 'the field "phi" is "4000"')),
    Step('form_issued', 'then',
         doc=('An action issued the form (a form id of the procedure, or receipt / supplement / refusal / '
              'apology / stop / control).'),
         vi=('phiếu "{form:Text}" được cấp', 'phiếu "giay-tiep-nhan" được cấp'),
         en=('the form "{form:Text}" is issued', 'the form "receipt" is issued')),
    Step('form_contains', 'then',
         doc='The issued form, rendered as the clerk would print it, contains the text.',
         vi=('phiếu "{form:Text}" có nội dung "{text:Text}"', 'phiếu "phieu-bo-sung" có nội dung "Điều lệ công ty"'),
         en=('the form "{form:Text}" contains "{text:Text}"', 'the form "supplement" contains "Articles"')),
    Step('action_refused', 'then',
         doc=('The attempted action was refused, for a reason: vai trò, điều kiện, sai bước, thiếu dữ liệu, dữ '
              'liệu không hợp lệ, tự phê duyệt, gia hạn muộn, gia hạn lần hai, đã đóng, thời gian, không có '
              "thao tác (or the engine's word: role, guard, wrong-state ...)."),
         vi=('thao tác bị từ chối vì "{reason:Text}"', 'thao tác bị từ chối vì "vai trò"'),
         en=('the action is refused because "{reason:Text}"', 'the action is refused because "role"')),
    Step('overdue_has', 'then',
         doc="The desk's overdue list (the current step or the dossier past due) now holds the dossier.",
         vi=('danh sách quá hạn có hồ sơ này', 'danh sách quá hạn có hồ sơ này'),
         en=('the overdue list contains the dossier', 'the overdue list contains the dossier')),
    Step('overdue_has_not', 'then',
         doc='The overdue list does not hold the dossier.',
         vi=('danh sách quá hạn không có hồ sơ này', 'danh sách quá hạn không có hồ sơ này'),
         en=('the overdue list does not contain the dossier', 'the overdue list does not contain the dossier')),
)

SENTENCES: tuple[Sentence, ...] = tuple(
    Sentence(step.id, step.kind, lang, pattern, example, step.doc, step.table)
    for step in STEPS for lang, (pattern, example) in (("vi", step.vi), ("en", step.en)))


def steps_markdown() -> str:
    """The list of steps for the README: one table per language, generated from the table."""
    lines: list[str] = []
    for lang, title in (("vi", "Tiếng Việt (`# language: vi`)"), ("en", "English")):
        lines += [f"#### {title}", "", "| | Step | Example | What it does |", "|---|---|---|---|"]
        for s in (s for s in SENTENCES if s.lang == lang):
            keyword = KEYWORDS[lang][s.kind]
            table = " (+ table)" if s.table else ""
            lines.append(f"| {keyword} | `{s.pattern}`{table} | `{s.example}` | {s.doc} |")
        lines.append("")
    return "\n".join(lines)
