"""What changed between two revisions of a procedure, in the procedure's own words.

A quality officer reviewing revision 2 asks what is different from revision 1, and the
procedure document's revision page (TRANG THEO DÕI SỬA ĐỔI TÀI LIỆU) must say where and what.
A text diff of the XML answers neither: it shows moved attributes and indentation, and speaks
of ids.  This compares the two definitions element by element (each merged with the flow it
extends, when the caller has it: the revision's real content), and says each difference as the
procedure document would: steps added, removed or changed (label, role, unit, time), actions
and their conditions, roles and target steps, dossier fields, the legal time limit, forms,
records, the legal basis, dossier components, places, fee.

:func:`differences` gives the list, :func:`as_text` the Vietnamese text for people,
:func:`as_dict` the JSON for machines, :func:`revision_rows` the rows of the revision page,
one per section of the document ("Mục 5.7. Quy trình xử lý công việc", what changed there).
Pure: no I/O.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from isoflow.model.definition import Action, ProcessDefinition, State, Term, extend
from isoflow.model.vn_format import ONLINE, duration_text, retention_text, vn_money, vn_number

__all__ = ["SECTIONS", "Difference", "RevisionRow", "as_dict", "as_history", "as_text", "differences", "merged",
           "revision_rows"]

Kind = Literal["added", "removed", "changed"]

#: The sections of the procedure document, in its order: key -> where, as the revision page says it.
SECTIONS = {
    "document": "Thông tin tài liệu",
    "purpose": "Mục 1. Mục đích",
    "scope": "Mục 2. Phạm vi",
    "references": "Mục 3. Tài liệu viện dẫn",
    "terms": "Mục 4. Định nghĩa, từ viết tắt",
    "legal-basis": "Mục 5.1. Cơ sở pháp lý",
    "components": "Mục 5.2. Thành phần hồ sơ",
    "time-limit": "Mục 5.4. Thời hạn giải quyết",
    "place": "Mục 5.5. Nơi tiếp nhận và trả kết quả",
    "fee": "Mục 5.6. Phí, lệ phí",
    "steps": "Mục 5.7. Quy trình xử lý công việc",
    "fields": "Dữ liệu của hồ sơ",
    "forms": "Mục 6. Biểu mẫu",
    "records": "Mục 7. Hồ sơ cần lưu",
}
_VERB = {"added": "Thêm", "removed": "Bỏ", "changed": "Sửa"}
_NOTHING = "(không có)"
#: What the revision page says in its own columns (the revision, its date), not as a row.
_IDENTITY = ("mã hiệu", "lần ban hành", "ngày hiệu lực")


@dataclass(frozen=True, slots=True)
class Difference:
    """One difference: the document's ``section`` (a key of :data:`SECTIONS`), what kind of
    element (``subject``: step, action, field, form, record, component, act, role, unit, limit,
    case, document, procedure), its id, each ``(attribute, old, new)`` written out, and the
    Vietnamese sentence that says it."""

    section: str
    subject: str
    kind: Kind
    id: str
    changes: tuple[tuple[str, str, str], ...]
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"section": self.section, "where": SECTIONS[self.section], "subject": self.subject, "kind": self.kind,
                "id": self.id, "changes": [{"attribute": a, "old": o, "new": n} for a, o, n in self.changes],
                "text": self.text}


@dataclass(frozen=True, slots=True)
class RevisionRow:
    """A row of the revision page: where in the document, and what changed there."""

    where: str
    what: str


def merged(definition: ProcessDefinition, flows: Mapping[str, ProcessDefinition]) -> ProcessDefinition:
    """``definition`` with what it inherits from the flows it extends that are in ``flows`` (by code)."""
    seen: set[str] = set()
    result = definition
    while result.extends and result.extends in flows and result.extends not in seen:
        seen.add(result.extends)
        base = flows[result.extends]
        result = dataclasses.replace(extend(base, result), extends=base.extends)
    return result


def _q(text: str | None) -> str:
    return f"“{text}”" if text else _NOTHING


def _yes(value: bool | None) -> str:
    return "" if value is None else ("có" if value else "không")


def _term(term: Term) -> str:
    kind = term.kind
    if kind == "working-days" and term.working_days is not None:
        return duration_text(term.working_days, "d")
    if kind == "working-hours" and term.working_hours is not None:
        return duration_text(term.working_hours, "h")
    if kind == "days":
        return f"{term.days:02d} ngày"
    return "trong ngày" if kind == "same-day" else ""


def _number(value: Decimal | None) -> str:
    return "" if value is None else vn_number(value)


class _Names:
    """How one revision names its roles, units, steps, forms and records."""

    def __init__(self, definition: ProcessDefinition) -> None:
        self.roles = {r.id: r.name or r.id for r in definition.roles}
        self.units = {u.id: u.name or u.id for u in definition.units}
        self.steps = {s.id: s.label for s in definition.states}
        self.forms = {f.id: f.name or f.id for f in definition.forms}
        self.records = {r.id: r.name or r.id for r in definition.records}
        self.fields = {f.id: f.labels.get("vi") or next(iter(f.labels.values()), f.id) for f in definition.fields}

    def listed(self, table: Mapping[str, str], ids: Iterable[str] | None) -> str:
        return "; ".join(table.get(i, i) for i in ids or ())


#: An attribute of an element: its Vietnamese name and how to write its value in a revision.
Attribute = tuple[str, Callable[[Any, _Names], str]]

_STEP: tuple[Attribute, ...] = (
    ("tên bước", lambda s, n: s.label),
    ("vai trò thực hiện", lambda s, n: n.roles.get(s.role, s.role) if s.role else ""),
    ("đơn vị", lambda s, n: n.units.get(s.unit, s.unit) if s.unit else ""),
    ("thời gian", lambda s, n: duration_text(s.budget.amount, s.budget.unit) if s.budget else ""),
    ("loại bước", lambda s, n: {"work": "xử lý", "waiting": "chờ người nộp", "final": "kết thúc"}[s.effective_kind]),
    ("bước bắt đầu", lambda s, n: "có" if s.is_initial else ""),
    ("kết quả", lambda s, n: s.outcome or ""),
    ("mã trạng thái trên Cổng Dịch vụ công", lambda s, n: str(s.status) if s.status is not None else ""),
    ("thời hạn khi chờ", lambda s, n: {"pause": "tạm dừng", "restart": "tính lại"}.get(s.clock or "", "")),
)
_ACTION: tuple[Attribute, ...] = (
    ("tên thao tác", lambda a, n: a.label),
    ("chuyển đến bước", lambda a, n: n.steps.get(a.target, a.target) if a.target else ""),
    ("vai trò được thực hiện", lambda a, n: n.listed(n.roles, a.roles)),
    ("điều kiện", lambda a, n: a.when or ""),
    ("nhánh mặc định", lambda a, n: "có" if a.default else ""),
    ("nhiệm vụ", lambda a, n: {"prepare": "chuẩn bị", "approve": "phê duyệt"}.get(a.duty or "", "")),
    ("biểu mẫu phát hành", lambda a, n: n.listed(n.forms, a.issues)),
    ("dữ liệu phải nhập", lambda a, n: n.listed(n.fields, a.requires)),
    ("hồ sơ lưu", lambda a, n: n.listed(n.records, a.records)),
    ("ghi dữ liệu", lambda a, n: "; ".join(f"{e.field} = {e.value}" for e in a.effects or ())),
    ("hẹn lại ngày trả", lambda a, n: a.reschedule or ""),
)
_FIELD: tuple[Attribute, ...] = (
    ("tên trường", lambda f, n: f.labels.get("vi") or next(iter(f.labels.values()), "")),
    ("kiểu", lambda f, n: f.effective_type),
    ("bắt buộc", lambda f, n: _yes(f.required)),
    ("các lựa chọn", lambda f, n: "; ".join(f.option_label(o) for o in f.options)),
    ("giá trị nhỏ nhất", lambda f, n: _number(f.minimum)),
    ("giá trị lớn nhất", lambda f, n: _number(f.maximum)),
)
_FORM: tuple[Attribute, ...] = (("tên biểu mẫu", lambda f, n: f.name), ("mẫu in", lambda f, n: f.template or ""))
_RECORD: tuple[Attribute, ...] = (
    ("tên hồ sơ", lambda r, n: r.name), ("nơi lưu", lambda r, n: r.place or ""),
    ("thời hạn lưu", lambda r, n: retention_text(r.retention)))
_COMPONENT: tuple[Attribute, ...] = (
    ("tên giấy tờ", lambda c, n: c.name), ("hình thức", lambda c, n: c.copy), ("số lượng", lambda c, n: str(c.count)),
    ("bắt buộc", lambda c, n: _yes(c.required)))
_TERM: tuple[Attribute, ...] = (
    ("thời hạn", lambda t, n: _term(t)), ("giờ chốt nhận hồ sơ", lambda t, n: getattr(t, "cutoff", None) or ""),
    ("căn cứ", lambda t, n: t.basis or ""), ("trường hợp", lambda t, n: getattr(t, "text", "") or ""))
_NAMED: tuple[Attribute, ...] = (("tên", lambda x, n: x.name),)


def _compare(old: Any, new: Any, attributes: Sequence[Attribute], names: tuple[_Names, _Names]
             ) -> tuple[tuple[str, str, str], ...]:
    found = []
    for label, value in attributes:
        before, after = value(old, names[0]), value(new, names[1])
        if before != after:
            found.append((label, before, after))
    return tuple(found)


def _describe(changes: Sequence[tuple[str, str, str]]) -> str:
    return "; ".join(f"{label} {_q(old)} → {_q(new)}" for label, old, new in changes)


def _step_name(state: State) -> str:
    return f"bước {_q(state.label)}"


def _action_name(action: Action, names: _Names) -> str:
    source = names.steps.get(action.source, action.source)
    target = f" đến bước {_q(names.steps.get(action.target, action.target))}" if action.target else ""
    return f"thao tác {_q(action.label)} từ bước {_q(source)}{target}"


def _summary(item: Any, attributes: Sequence[Attribute], names: _Names, skip: int = 1) -> str:
    parts = [f"{label}: {value}" for label, function in attributes[skip:] if (value := function(item, names))]
    return f" ({'; '.join(parts)})" if parts else ""


def _elements(section: str, subject: str, noun: Callable[[Any, _Names], str], old: Mapping[Any, Any],
              new: Mapping[Any, Any], attributes: Sequence[Attribute], names: tuple[_Names, _Names]
              ) -> list[Difference]:
    found = []
    for key, item in new.items():
        if key not in old:
            found.append(Difference(section, subject, "added", _key_text(key), (),
                                    f"Thêm {noun(item, names[1])}{_summary(item, attributes, names[1])}."))
    for key, item in old.items():
        if key not in new:
            found.append(Difference(section, subject, "removed", _key_text(key), (), f"Bỏ {noun(item, names[0])}."))
        else:
            changes = _compare(item, new[key], attributes, names)
            if changes:
                found.append(Difference(section, subject, "changed", _key_text(key), changes,
                                        f"Sửa {noun(item, names[0])}: {_describe(changes)}."))
    return found


def _key_text(key: Any) -> str:
    return "/".join(str(k) for k in key if k) if isinstance(key, tuple) else str(key)


def _actions(old: ProcessDefinition, new: ProcessDefinition) -> tuple[dict[Any, Action], dict[Any, Action]]:
    """Actions keyed by (id, from, to); an action whose target alone changed keeps one key."""
    before = {(a.id, a.source, a.target): a for a in old.actions}
    after = {(a.id, a.source, a.target): a for a in new.actions}
    gone = [k for k in before if k not in after]
    came = [k for k in after if k not in before]
    for key in gone:
        partners = [k for k in came if k[:2] == key[:2]]
        if len(partners) == 1 and sum(1 for k in gone if k[:2] == key[:2]) == 1:
            after[key] = after.pop(partners[0])
            came.remove(partners[0])
    return before, after


def _lists(section: str, subject: str, noun: str, old: Sequence[str], new: Sequence[str]) -> list[Difference]:
    found = [Difference(section, subject, "added", item, (), f"Thêm {noun} {_q(item)}.")
             for item in new if item not in old]
    found += [Difference(section, subject, "removed", item, (), f"Bỏ {noun} {_q(item)}.")
              for item in old if item not in new]
    return found


def _values(section: str, subject: str, pairs: Sequence[tuple[str, str, str]]) -> list[Difference]:
    changes = tuple(p for p in pairs if p[1] != p[2])
    if not changes:
        return []
    return [Difference(section, subject, "changed", section, changes, f"Sửa {_describe(changes)}.")]


def differences(old: ProcessDefinition, new: ProcessDefinition) -> list[Difference]:
    """Every difference from ``old`` to ``new``, in the order of the procedure document."""
    names = (_Names(old), _Names(new))
    found: list[Difference] = []
    found += _values("document", "document", [
        ("mã hiệu", old.code, new.code), ("lần ban hành", str(old.revision), str(new.revision)),
        ("tên", old.title, new.title),
        ("ngày hiệu lực", f"{old.effective:%d/%m/%Y}" if old.effective else "",
         f"{new.effective:%d/%m/%Y}" if new.effective else ""),
        ("ngày cuối tiếp nhận hồ sơ", f"{old.until:%d/%m/%Y}" if old.until else "",
         f"{new.until:%d/%m/%Y}" if new.until else ""),
        ("quy trình thay thế", old.replaced_by or "", new.replaced_by or "")])
    po, pn = old.procedure, new.procedure
    if po is not None and pn is not None:
        found += _values("purpose", "procedure", [("mục đích", po.purpose or "", pn.purpose or "")])
        found += _values("scope", "procedure", [("phạm vi", po.scope or "", pn.scope or "")])
        found += _lists("references", "reference", "tài liệu viện dẫn", po.references, pn.references)
        found += _lists("terms", "term", "từ viết tắt", [f"{a}: {m}" for a, m in po.terms],
                        [f"{a}: {m}" for a, m in pn.terms])
        found += _lists("legal-basis", "act", "văn bản", po.legal_basis, pn.legal_basis)
        found += _elements("components", "component", lambda c, n: f"giấy tờ {_q(c.name)}",
                           {c.id: c for c in po.components}, {c.id: c for c in pn.components}, _COMPONENT, names)
        found += _values("time-limit", "limit", _compare(po.time_limit, pn.time_limit, _TERM[:3], names))
        found += _elements("time-limit", "case", lambda c, n: f"trường hợp {_q(c.text or c.when)}",
                           {c.when: c for c in po.time_limit.cases}, {c.when: c for c in pn.time_limit.cases},
                           _TERM[:3], names)
        found += _values("place", "procedure", [
            ("nơi tiếp nhận", po.place_receipt, pn.place_receipt),
            ("nơi trả kết quả", po.place_return, pn.place_return),
            ("dịch vụ công trực tuyến", ONLINE.get(po.online_level or "", ""), ONLINE.get(pn.online_level or "", ""))])
        found += _values("fee", "procedure", [("phí, lệ phí", vn_money(po.fee_amount), vn_money(pn.fee_amount)),
                                               ("ghi chú phí", po.fee_note, pn.fee_note)])
    found += _elements("steps", "step", lambda s, n: _step_name(s), {s.id: s for s in old.states},
                       {s.id: s for s in new.states}, _STEP, names)
    before, after = _actions(old, new)
    found += _elements("steps", "action", _action_name, before, after, _ACTION, names)
    found += _elements("steps", "role", lambda r, n: f"vai trò {_q(r.name or r.id)}", {r.id: r for r in old.roles},
                       {r.id: r for r in new.roles}, _NAMED, names)
    found += _elements("steps", "unit", lambda u, n: f"đơn vị {_q(u.name or u.id)}", {u.id: u for u in old.units},
                       {u.id: u for u in new.units}, _NAMED, names)
    found += _elements("fields", "field", lambda f, n: f"trường {_q(n.fields.get(f.id, f.id))}",
                       {f.id: f for f in old.fields}, {f.id: f for f in new.fields}, _FIELD, names)
    found += _elements("forms", "form", lambda f, n: f"biểu mẫu {_q(f.name or f.id)}", {f.id: f for f in old.forms},
                       {f.id: f for f in new.forms}, _FORM, names)
    found += _elements("records", "record", lambda r, n: f"hồ sơ lưu {_q(r.name or r.id)}",
                       {r.id: r for r in old.records}, {r.id: r for r in new.records}, _RECORD, names)
    order = list(SECTIONS)
    return sorted(found, key=lambda d: order.index(d.section))  # stable: element order kept within a section


def revision_rows(old: ProcessDefinition, new: ProcessDefinition) -> list[RevisionRow]:
    """The rows of the revision page for ``new`` (TRANG THEO DÕI SỬA ĐỔI: "Vị trí sửa đổi",
    "Tóm tắt nội dung sửa đổi"): one per section of the document that changed, in its order.
    The document's own identity (code, revision, dates) is the page's other columns, not a row."""
    rows: dict[str, list[str]] = {}
    for difference in differences(old, new):
        text = difference.text
        if difference.section == "document":
            kept = [c for c in difference.changes if c[0] not in _IDENTITY]
            if not kept:
                continue
            text = f"Sửa {_describe(kept)}."
        rows.setdefault(SECTIONS[difference.section], []).append(text)
    return [RevisionRow(where, " ".join(texts)) for where, texts in rows.items()]


def as_text(old: ProcessDefinition, new: ProcessDefinition, found: Sequence[Difference] | None = None) -> str:
    """The differences as a Vietnamese text: a heading, then each section and its sentences."""
    found = differences(old, new) if found is None else found
    lines = [f"So sánh {old.code} lần ban hành {old.revision:02d} với {new.code} lần ban hành {new.revision:02d}"]
    if not found:
        lines.append("Không có thay đổi về nội dung quy trình.")
        return "\n".join(lines)
    section = ""
    for difference in found:
        if difference.section != section:
            section = difference.section
            lines.append(f"\n{SECTIONS[section]}")
        lines.append(f"  - {difference.text}")
    lines.append(f"\n{len(found)} thay đổi.")
    return "\n".join(lines)


def as_dict(old: ProcessDefinition, new: ProcessDefinition, found: Sequence[Difference] | None = None
            ) -> dict[str, Any]:
    """The differences for machines: both revisions, each difference, and the revision page's rows."""
    found = differences(old, new) if found is None else found
    return {"old": {"code": old.code, "revision": old.revision, "file": old.file},
            "new": {"code": new.code, "revision": new.revision, "file": new.file},
            "changes": [d.as_dict() for d in found],
            "revision_page": [{"where": r.where, "what": r.what} for r in revision_rows(old, new)]}



def as_history(old: ProcessDefinition, new: ProcessDefinition) -> str:
    """The revision page's rows as ``<change>`` elements for ``new``'s ``<control><history>``
    (one per section of the document that changed, dated ``new``'s approval, else its effective
    date): pasted into the file, the procedure document prints them on its revision page
    (TRANG THEO DÕI SỬA ĐỔI TÀI LIỆU), and the approver signs them with the rest."""
    from xml.sax.saxutils import escape, quoteattr

    approved = new.control.approved if new.control else None
    day = (approved.on if approved and approved.on else None) or new.effective
    on = f" on=\"{day.isoformat()}\"" if day else " on=\"YYYY-MM-DD\""
    return "\n".join(f"<change revision=\"{new.revision}\"{on} where={quoteattr(row.where)}>{escape(row.what)}</change>"
                     for row in revision_rows(old, new))
