"""One scenario's world: a desk on a fresh store, a simulated clock, the dossier in play.

Steps only translate a sentence into a call here.  What the world finds wrong it raises as
:class:`SpecFailure`, saying what was expected and what happened in the language of the
step that asked (``vi`` or ``en``), so that a quality officer reading a failed Vietnamese
scenario reads Vietnamese.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from html import unescape
from typing import Any

from isoflow.desk import Desk
from isoflow.errors import ActionNotAllowed, FormNotApplicable, ProcessNotFound, SpecFailure
from isoflow.model.definition import ProcessDefinition
from isoflow.model.dossier import Channel, Dossier, Event
from isoflow.paper.form_data import issuing_event
from isoflow.validation.step_values import VI_INSTANT, InvalidInstant, parse_instant, show_instant

Lang = str  # "vi" or "en"

CHANNELS: Mapping[str, Channel] = {
    "trực tiếp": "in_person", "trực tuyến": "online", "bưu chính": "post",
    "in person": "in_person", "online": "online", "post": "post",
    "in_person": "in_person",
}
RESULTS = {"sớm hạn": "early", "trước hạn": "early", "đúng hạn": "on_time", "quá hạn": "late",
           "early": "early", "on time": "on_time", "late": "late"}
OUTCOMES = {"đã giải quyết": "granted", "từ chối": "refused", "rút hồ sơ": "withdrawn", "dừng giải quyết": "stopped",
            "granted": "granted", "refused": "refused", "withdrawn": "withdrawn", "stopped": "stopped"}
#: Why the engine refused an action, as a feature may name it (the engine's one-word reasons
#: are accepted as they are).
REASONS = {"đã đóng": "closed", "sai bước": "wrong-state", "không có thao tác": "unknown-action",
           "vai trò": "role", "điều kiện": "guard", "tự phê duyệt": "self-approval", "thiếu dữ liệu": "missing-data",
           "dữ liệu không hợp lệ": "invalid-data", "thời gian": "time", "gia hạn muộn": "extension-late",
           "gia hạn lần hai": "extension-repeated"}
#: Keys of a receipt's data table that describe the applicant rather than the dossier.
APPLICANT_KEYS = ("ho_ten", "dia_chi", "dien_thoai", "email", "so_dinh_danh")
_HEADERS = {"trường", "field", "tên trường", "dữ liệu"}
_VALUE_HEADERS = {"giá trị", "value"}
_VI_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")

_TEXT = {
    "vi": {
        "no-procedure": "Chưa có quy trình nào có hiệu lực: thêm bước 'Biết quy trình \"...\" đang có hiệu lực'.",
        "no-clock": "Chưa đặt thời gian: thêm bước 'Biết bây giờ là 08:00 ngày 05/01/2026'.",
        "no-dossier": "Chưa có hồ sơ nào được tiếp nhận trong kịch bản này.",
        "unknown-procedure": "Không có quy trình {code!r} có hiệu lực ngày {day}: {why}",
        "unknown-person": "Không biết {actor!r} giữ vai trò nào: thêm bước 'Biết \"{actor}\" giữ vai trò \"...\"'.",
        "unknown-role": "Quy trình {code} không có vai trò {role!r} (có: {known}).",
        "unknown-channel": "Kênh {channel!r} không có (dùng: trực tiếp, trực tuyến, bưu chính).",
        "no-receiver": "Không ai trong kịch bản được tiếp nhận hồ sơ {code} (vai trò tiếp nhận: {roles}).",
        "refused": "Thao tác {action!r} bị từ chối ({reason}): {detail}",
        "receive-refused": "Không tiếp nhận được hồ sơ ({reason}): {detail}",
        "back-in-time": "Đồng hồ không thể lùi từ {now} về {to}.",
        "state": "Mong đợi hồ sơ ở bước {want!r} ({want_label}), nhưng hồ sơ đang ở bước {got!r} ({got_label}).",
        "unknown-state": "Quy trình {code} không có bước {state!r} (có: {known}).",
        "outcome": "Mong đợi hồ sơ kết thúc với kết quả {want!r}, nhưng {got}.",
        "open": "hồ sơ chưa kết thúc (đang ở bước {state!r})",
        "closed-as": "hồ sơ kết thúc với kết quả {outcome!r}",
        "due": "Mong đợi hạn trả kết quả là {want}, nhưng hạn là {got}.",
        "step-due": "Mong đợi hạn của bước {state!r} là {want}, nhưng hạn là {got}.",
        "result": "Mong đợi hồ sơ được giải quyết {want}, nhưng {got}.",
        "result-was": "kết quả là {got} (hạn {due}, xong lúc {done})",
        "not-resolved": "hồ sơ chưa được giải quyết xong",
        "step-result": "Mong đợi bước {state!r} hoàn thành {want}, nhưng {got}.",
        "step-not-done": "hồ sơ chưa rời bước này",
        "no-step-due": "bước này không có thời hạn",
        "form-not-issued": "Mong đợi {form!r} đã được cấp, nhưng chưa có thao tác nào cấp nó ({why}).",
        "form-text": "Mong đợi {form!r} có nội dung {text!r}, nhưng không thấy. Nội dung phiếu: {content}",
        "unknown-form": "Quy trình {code} không có biểu mẫu {form!r} (có: {known}).",
        "not-refused": "Mong đợi thao tác bị từ chối vì {want!r}, nhưng {got}.",
        "no-attempt": "không có thao tác nào được thử (dùng bước '... thử thực hiện ...')",
        "moved": "thao tác đã được thực hiện, hồ sơ sang bước {state!r}",
        "refused-for": "thao tác bị từ chối vì {reason!r}: {detail}",
        "unexamined": "Thao tác {action!r} bị từ chối ({reason}) nhưng kịch bản không kiểm tra việc từ chối: {detail}",
        "overdue": "Mong đợi danh sách quá hạn lúc {now} {has} hồ sơ {code}, nhưng danh sách là: {items}.",
        "has": "có", "has-not": "không có", "empty": "(trống)",
        "field": "Mong đợi trường {field!r} là {want!r}, nhưng là {got!r}.",
        "unknown-field": "Hồ sơ không có trường {field!r} (có: {known}).",
        "unknown-word": "Không hiểu {word!r} (dùng: {known}).",
        "bad-instant": "Ngày giờ không hợp lệ: {text!r} (viết như 09:30 ngày 16/02/2026).",
        "bad-row": "Dòng bảng {row} phải có đúng hai cột: tên trường | giá trị.",
        "step": "bước", "dossier": "hồ sơ",
    },
    "en": {
        "no-procedure": "No procedure is in force yet: add 'Given the procedure \"...\" is in force'.",
        "no-clock": "The time is not set: add 'Given it is 2026-01-05 08:00'.",
        "no-dossier": "No dossier has been received in this scenario.",
        "unknown-procedure": "No procedure {code!r} in force on {day}: {why}",
        "unknown-person": "Unknown role of {actor!r}: add 'Given \"{actor}\" has the role \"...\"'.",
        "unknown-role": "Procedure {code} has no role {role!r} (it has: {known}).",
        "unknown-channel": "No channel {channel!r} (use: in person, online, post).",
        "no-receiver": "Nobody in the scenario may receive dossiers of {code} (receiving roles: {roles}).",
        "refused": "The action {action!r} was refused ({reason}): {detail}",
        "receive-refused": "The dossier could not be received ({reason}): {detail}",
        "back-in-time": "The clock cannot go back from {now} to {to}.",
        "state": "Expected the dossier at step {want!r} ({want_label}), but it is at step {got!r} ({got_label}).",
        "unknown-state": "Procedure {code} has no step {state!r} (it has: {known}).",
        "outcome": "Expected the dossier closed as {want!r}, but {got}.",
        "open": "it is still open (at step {state!r})",
        "closed-as": "it was closed as {outcome!r}",
        "due": "Expected the appointment at {want}, but it is at {got}.",
        "step-due": "Expected step {state!r} due at {want}, but it is due at {got}.",
        "result": "Expected the dossier resolved {want}, but {got}.",
        "result-was": "it was {got} (due {due}, done {done})",
        "not-resolved": "it is not resolved yet",
        "step-result": "Expected step {state!r} finished {want}, but {got}.",
        "step-not-done": "the dossier has not left that step",
        "no-step-due": "that step has no time budget",
        "form-not-issued": "Expected {form!r} to be issued, but no action issued it ({why}).",
        "form-text": "Expected {form!r} to contain {text!r}, but it does not. The form reads: {content}",
        "unknown-form": "Procedure {code} has no form {form!r} (it has: {known}).",
        "not-refused": "Expected the action refused because {want!r}, but {got}.",
        "no-attempt": "no action was attempted (use a '... tries to take the action ...' step)",
        "moved": "it was taken and the dossier moved to step {state!r}",
        "refused-for": "it was refused because {reason!r}: {detail}",
        "unexamined": "The action {action!r} was refused ({reason}) and the scenario never checked it: {detail}",
        "overdue": "Expected the overdue list at {now} {has} dossier {code}, but the list is: {items}.",
        "has": "to contain", "has-not": "not to contain", "empty": "(empty)",
        "field": "Expected the field {field!r} to be {want!r}, but it is {got!r}.",
        "unknown-field": "The dossier has no field {field!r} (it has: {known}).",
        "unknown-word": "Unknown word {word!r} (use: {known}).",
        "bad-instant": "Not a valid date and time: {text!r} (write 2026-02-16 09:30).",
        "bad-row": "Table row {row} must have exactly two cells: field | value.",
        "step": "step", "dossier": "dossier",
    },
}
_RESULT_WORDS = {"vi": {"early": "sớm hạn", "on_time": "đúng hạn", "late": "quá hạn"},
                 "en": {"early": "early", "on_time": "on time", "late": "late"}}


_REASON_WORDS = {code: word for word, code in REASONS.items()}


def _reason(error: ActionNotAllowed, lang: Lang) -> str:
    """The engine's one-word reason, in the step's language."""
    return _REASON_WORDS.get(error.reason, error.reason) if lang == "vi" else error.reason





def say(lang: Lang, key: str, **values: Any) -> str:
    return _TEXT["vi" if lang == "vi" else "en"][key].format(**values)


def fail(lang: Lang, key: str, **values: Any) -> SpecFailure:
    return SpecFailure(say(lang, key, **values))


def _word(words: Mapping[str, str], word: str, lang: Lang) -> str:
    """The value a feature's word stands for; an unknown word fails, listing the known ones."""
    key = unicodedata.normalize("NFC", word).strip().lower()
    found = words.get(key)
    if found is None:
        # Vietnamese words carry diacritics, the English ones do not.
        known = [w for w in words if w.isascii() == (lang != "vi")]
        raise fail(lang, "unknown-word", word=word, known=", ".join(known))
    return found


def table_values(datatable: Sequence[Sequence[str]] | None, lang: Lang = "en") -> dict[str, str]:
    """A two-column data table (name, value) as a mapping, in NFC; a header row is skipped."""
    rows = [[unicodedata.normalize("NFC", cell) for cell in r] for r in datatable or ()]
    if rows and len(rows[0]) == 2 and (rows[0][0].strip().lower() in _HEADERS
                                       or rows[0][1].strip().lower() in _VALUE_HEADERS):
        rows = rows[1:]
    for number, row in enumerate(rows, start=1):
        if len(row) != 2:
            raise fail(lang, "bad-row", row=number)
    return {r[0].strip(): _value(r[1]) for r in rows if r[0].strip()}


def _value(cell: str) -> str:
    """A cell as the engine reads it: ``17:00 ngày 09/03/2026`` and ``09/03/2026`` in ISO form
    (a cell that is no real date is left as written, for the engine to refuse with its reason)."""
    text = cell.strip()
    try:
        if VI_INSTANT.fullmatch(text):
            return parse_instant(text).isoformat(timespec="minutes")
        if _VI_DATE.fullmatch(text):
            day, month, year = (int(p) for p in text.split("/"))
            return date(year, month, day).isoformat()
    except ValueError:
        return cell
    return cell


def visible_text(html: str) -> str:
    """What a reader sees of a form: tags, styles and extra spaces gone, NFC."""
    html = re.sub(r"(?is)<(style|script)\b.*?</\1>", " ", html)
    text = unescape(re.sub(r"(?s)<[^>]+>", " ", html))
    return unicodedata.normalize("NFC", " ".join(text.split()))


class SimulatedClock:
    """The time as the scenario says it is: set by steps, never read from the machine."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now


class World:
    """The state one scenario builds step by step."""

    #: The receiving unit's code (a dossier code starts with it).
    unit = "000.00.00.H00"

    def __init__(self, desk: Desk, clock: SimulatedClock | None = None) -> None:
        self.desk = desk
        self.simulated = clock or SimulatedClock()
        self.procedure: str | None = None
        #: login -> the roles they hold, in the order the scenario gave them.
        self.people: dict[str, list[str]] = {}
        self.applicant: dict[str, str] = {"ho_ten": "Nguyễn Văn An"}
        self.dossier: Dossier | None = None
        self.attempt: tuple[str, ActionNotAllowed | None] | None = None  # (action, refusal) of "tries to"
        self.unexamined: tuple[str, ActionNotAllowed] | None = None

    @property
    def now(self) -> datetime | None:
        return self.simulated.now

    @now.setter
    def now(self, value: datetime | None) -> None:
        self.simulated.now = value

    # -- setting the scene ----------------------------------------------------------------

    def clock(self, lang: Lang) -> datetime:
        if self.now is None:
            raise fail(lang, "no-clock")
        return self.now

    @staticmethod
    def moment(at: datetime, lang: Lang) -> datetime:
        """An instant from a sentence, or the failure that it is no date."""
        if isinstance(at, InvalidInstant):
            raise fail(lang, "bad-instant", text=str(at))
        return at

    def set_clock(self, at: datetime, lang: Lang, *, forward_only: bool = False) -> None:
        at = self.moment(at, lang)
        # Once a dossier exists its audit trail cannot go back: say so here, not at the next action.
        forward_only = forward_only or self.dossier is not None
        if forward_only and self.now is not None and at < self.now:
            raise fail(lang, "back-in-time", now=show_instant(self.now, lang), to=show_instant(at, lang))
        self.now = at

    def pass_time(self, amount: Decimal, unit: str, lang: Lang) -> None:
        calendar = self.desk.engine.calendar
        now = self.clock(lang)
        if unit == "d":
            self.now = calendar.add_working_days_at(now, amount, self._hours_per_day())
        else:
            self.now = calendar.add_working_time(now, timedelta(hours=float(amount)))

    def _hours_per_day(self) -> Decimal:
        if self.procedure is None:
            return Decimal(8)
        definition = self._definition_of_code(self.procedure)
        return definition.hours_per_day if definition is not None else Decimal(8)

    def in_force(self, code: str, lang: Lang) -> None:
        day = (self.now or datetime.max).date()
        try:
            if self.now is None:
                # Some day, at least: a procedure that ended (until) still runs its scenarios
                # dated before its end.
                if not self.desk.engine.revisions(code):
                    self.desk.engine.process_for(code, datetime.max.date())
            else:
                self.desk.engine.process_for(code, day)
        except ProcessNotFound as error:
            raise fail(lang, "unknown-procedure", code=code, day=day.isoformat(), why=error) from None
        self.procedure = code

    def hold(self, actor: str, role: str, lang: Lang) -> None:
        definition = self._definition_of_code(self._procedure(lang))
        known = [r.id for r in definition.roles] if definition is not None else []
        if role not in known:
            raise fail(lang, "unknown-role", code=self.procedure, role=role, known=", ".join(known))
        roles = self.people.setdefault(actor, [])
        if role not in roles:
            roles.append(role)

    # -- acting -----------------------------------------------------------------------

    def receive(self, at: datetime, channel: str, datatable: Sequence[Sequence[str]] | None, lang: Lang) -> None:
        code = self._procedure(lang)
        self.set_clock(at, lang, forward_only=True)
        kind = CHANNELS.get(channel.strip().lower())
        if kind is None:
            raise fail(lang, "unknown-channel", channel=channel)
        values = table_values(datatable, lang)
        applicant = {**self.applicant, **{k: v for k, v in values.items() if k in APPLICANT_KEYS}}
        data = {k: v for k, v in values.items() if k not in APPLICANT_KEYS}
        receivers = self.desk.engine.receivers(code, at.date())
        holder = next(((a, r) for a, roles in self.people.items() for r in roles if r in receivers), None)
        if holder is None:
            raise fail(lang, "no-receiver", code=code, roles=", ".join(sorted(receivers)))
        actor, role = holder
        try:
            self.dossier = self.desk.receive(code, unit=self.unit, channel=kind, applicant=applicant,
                                             data=data, actor=actor, role=role, at=at)
        except ActionNotAllowed as error:
            raise fail(lang, "receive-refused", reason=_reason(error, lang), detail=error) from None

    def act(self, actor: str, action: str, datatable: Sequence[Sequence[str]] | None, lang: Lang, *,
            comment: str = "", attempt: bool = False) -> None:
        self.check_examined(lang)
        self.attempt = None  # a refusal is checked right after the attempt that provoked it
        dossier = self._dossier(lang)
        roles = self.people.get(actor)
        if not roles:
            raise fail(lang, "unknown-person", actor=actor)
        # A person with several roles acts in the one the action permits here (if any: else
        # in their first, and the engine says why that role may not).
        permitted = {r for a in self._definition(dossier).actions_from(dossier.state) if a.id == action
                     for r in a.roles or ()}
        role = next((r for r in roles if r in permitted), roles[0])
        try:
            move = self.desk.act(dossier.code, action, actor=actor, role=role, at=self.clock(lang),
                                 data=table_values(datatable, lang), comment=comment, dossier=dossier)
        except ActionNotAllowed as error:
            if not attempt:
                raise fail(lang, "refused", action=action, reason=_reason(error, lang), detail=error) from None
            self.attempt = self.unexamined = (action, error)
            return
        self.dossier = move.dossier
        if attempt:
            self.attempt = (action, None)

    def check_examined(self, lang: Lang) -> None:
        """A refusal the scenario provoked with "tries to" must be looked at before going on."""
        if self.unexamined is not None:
            action, error = self.unexamined
            self.unexamined = None
            raise fail(lang, "unexamined", action=action, reason=_reason(error, lang), detail=error)

    # -- checking ---------------------------------------------------------------------

    def expect_refused(self, reason: str, lang: Lang) -> None:
        if self.attempt is None:
            raise fail(lang, "not-refused", want=reason, got=say(lang, "no-attempt"))
        _, error = self.attempt
        self.unexamined = None
        if error is None:
            raise fail(lang, "not-refused", want=reason, got=say(lang, "moved", state=self._dossier(lang).state))
        self.attempt = None  # one check per attempt
        word = unicodedata.normalize("NFC", reason).strip().lower()
        wanted = REASONS.get(word, word if word in REASONS.values() else None)
        if wanted is None:
            raise fail(lang, "unknown-word", word=reason, known=", ".join(
                REASONS if lang == "vi" else sorted(set(REASONS.values()))))
        if wanted != error.reason:
            raise fail(lang, "not-refused", want=reason, got=say(lang, "refused-for", reason=_reason(error, lang),
                                                                      detail=error))

    def expect_state(self, state: str, lang: Lang) -> None:
        self.check_examined(lang)
        dossier = self._dossier(lang)
        definition = self._definition(dossier)
        labels = {s.id: s.label for s in definition.states}
        if state not in labels:
            raise fail(lang, "unknown-state", code=definition.code, state=state, known=", ".join(labels))
        if dossier.state != state:
            raise fail(lang, "state", want=state, want_label=labels[state], got=dossier.state,
                       got_label=labels.get(dossier.state, ""))

    def expect_outcome(self, outcome: str, lang: Lang) -> None:
        self.check_examined(lang)
        dossier = self._dossier(lang)
        wanted = _word(OUTCOMES, outcome, lang)
        if dossier.outcome != wanted:
            got = (say(lang, "closed-as", outcome=dossier.outcome) if dossier.is_closed
                   else say(lang, "open", state=dossier.state))
            raise fail(lang, "outcome", want=outcome, got=got)

    def expect_due(self, at: datetime, lang: Lang) -> None:
        self.check_examined(lang)
        at = self.moment(at, lang)
        due = self._dossier(lang).clock.due_at
        if due != at:
            raise fail(lang, "due", want=show_instant(at, lang), got=show_instant(due, lang))

    def expect_step_due(self, at: datetime, lang: Lang) -> None:
        self.check_examined(lang)
        at = self.moment(at, lang)
        dossier = self._dossier(lang)
        if dossier.step.due_at != at:
            raise fail(lang, "step-due", state=dossier.state, want=show_instant(at, lang),
                       got=show_instant(dossier.step.due_at, lang))

    def expect_result(self, result: str, lang: Lang) -> None:
        self.check_examined(lang)
        dossier = self._dossier(lang)
        wanted = _word(RESULTS, result, lang)
        closing = next((e for e in reversed(self._history()) if "result" in e.data), None)
        if closing is None:
            raise fail(lang, "result", want=result, got=say(lang, "not-resolved"))
        got = str(closing.data["result"])
        if got != wanted:
            raise fail(lang, "result", want=result, got=say(lang, "result-was", got=_RESULT_WORDS[lang].get(got, got),
                                                            due=show_instant(dossier.clock.due_at, lang),
                                                            done=show_instant(closing.at, lang)))

    def expect_step_result(self, state: str, result: str, lang: Lang) -> None:
        self.check_examined(lang)
        wanted = _word(RESULTS, result, lang)
        left = [e for e in self._history() if e.source == state and e.target != state and e.kind != "reminded"]
        if not left:
            raise fail(lang, "step-result", state=state, want=result, got=say(lang, "step-not-done"))
        got = left[-1].data.get("step_result")
        if got is None:
            raise fail(lang, "step-result", state=state, want=result, got=say(lang, "no-step-due"))
        if got != wanted:
            due = left[-1].data.get("step_due")
            due_at = show_instant(datetime.fromisoformat(str(due)), lang) if due else "?"
            shown = f"{_RESULT_WORDS[lang].get(str(got), got)} ({due_at} / {show_instant(left[-1].at, lang)})"
            raise fail(lang, "step-result", state=state, want=result, got=shown)

    def expect_field(self, field: str, value: str, lang: Lang) -> None:
        self.check_examined(lang)
        data = self._dossier(lang).data
        if field not in data:
            raise fail(lang, "unknown-field", field=field, known=", ".join(sorted(data)))
        got = data[field]
        shown = ("có" if got else "không") if lang == "vi" and isinstance(got, bool) else str(got)
        if isinstance(got, bool) and lang == "en":
            shown = "true" if got else "false"
        if shown != value and str(got) != value:
            raise fail(lang, "field", field=field, want=value, got=shown)

    def expect_form(self, form: str, lang: Lang) -> str:
        """The template name of ``form`` (a form id of the procedure, or a template name), issued."""
        self.check_examined(lang)
        dossier = self._dossier(lang)
        definition = self._definition(dossier)
        templates = {f.id: f.template or f.id for f in definition.forms}
        template = templates.get(form, form)
        if template not in templates.values():
            raise fail(lang, "unknown-form", code=definition.code, form=form, known=", ".join(templates))
        try:
            issuing_event(template, self._history(), definition)
        except FormNotApplicable as error:
            raise fail(lang, "form-not-issued", form=form, why=error) from None
        return template

    def expect_form_text(self, form: str, text: str, lang: Lang) -> None:
        from isoflow.printer import Printer  # Jinja is loaded only by scenarios that read forms

        template = self.expect_form(form, lang)
        html = Printer().dossier_form(self.desk, self._dossier(lang).code, template).html
        content = visible_text(html)
        wanted = " ".join(unicodedata.normalize("NFC", text).split())
        if wanted not in content:
            raise fail(lang, "form-text", form=form, text=text, content=content[:600])

    def expect_overdue(self, present: bool, lang: Lang) -> None:
        self.check_examined(lang)
        code = self._dossier(lang).code
        now = self.clock(lang)
        items = [i for i in self.desk.due(now) if i.overdue]
        if any(i.dossier.code == code for i in items) != present:
            shown = "; ".join(f"{i.dossier.code} ({say(lang, i.what)}, {show_instant(i.due_at, lang)})" for i in items)
            raise fail(lang, "overdue", now=show_instant(now, lang), has=say(lang, "has" if present else "has-not"),
                       code=code, items=shown or say(lang, "empty"))

    # -- reading ----------------------------------------------------------------------

    def _procedure(self, lang: Lang) -> str:
        if self.procedure is None:
            raise fail(lang, "no-procedure")
        return self.procedure

    def _dossier(self, lang: Lang) -> Dossier:
        if self.dossier is None:
            raise fail(lang, "no-dossier")
        return self.dossier

    def _definition(self, dossier: Dossier) -> ProcessDefinition:
        return self.desk.engine.process_of(dossier).definition

    def _definition_of_code(self, code: str) -> ProcessDefinition | None:
        try:
            return self.desk.engine.process_for(code, (self.now or datetime.max).date()).definition
        except ProcessNotFound:
            # Before the clock is set, an ended procedure is still known by its newest revision.
            revisions = self.desk.engine.revisions(code) if self.now is None else ()
            return revisions[-1].definition if revisions else None

    def _history(self) -> list[Event]:
        assert self.dossier is not None
        return self.desk.history(self.dossier.code)
