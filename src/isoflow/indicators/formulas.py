"""Service indicators: from the counts the database adds up to the report an agency sends.

Pure.  The store counts, per procedure and per period, what happened to its dossiers (a
:class:`Tally`, summed in SQL); this module rolls tallies up by agency, level, procedure or
domain and turns each into indicators with their published formulas and the programme's
targets beside them.  A division by zero is not a number: the indicator is ``None`` ("N/A",
Decision 766's convention), never 0 % or 100 %.

Where the data comes from (one-stop dossiers only carry what the engine saw):

* channel of receipt, appointments, results, supplements, extensions, hand-overs: the engine;
* online payment, electronic result, digitised dossier, paper moved between units: fields of
  the dossier with the ids in :data:`FLAG_FIELDS` (declared by the shared flow MC-CHUNG);
* satisfaction: the citizen's rating of the dossier (:class:`Rating`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

#: Dossier field ids the indicators read (a dossier's field set to true counts).
FLAG_FIELDS: Mapping[str, str] = {
    "paid_online": "thanh_toan_truc_tuyen",  # fee or charge paid online (766 3.6)
    "e_result": "ket_qua_dien_tu",  # an electronic result was issued (766 4.1)
    "digitised": "ho_so_so_hoa",  # components digitised at receipt (766 4.2, with e_result)
    "paper_moved": "luan_chuyen_giay",  # the paper file, not the electronic one, went between units
}
#: Decree 61/2018 Art. 31 topics of a citizen's evaluation (keys of :attr:`Rating.topics`).
RATING_TOPICS: Mapping[str, str] = {
    "thoi_gian": "Thời gian giải quyết so với quy định",
    "so_co_quan": "Số lượng cơ quan, đơn vị phải liên hệ",
    "so_lan_lien_he": "Số lần phải liên hệ để hoàn thiện hồ sơ",
    "cong_khai": "Tính chính xác của thông tin công khai về thủ tục",
    "thai_do": "Thái độ, hành vi của cán bộ, công chức",
    "ket_qua": "Tính đúng pháp luật của kết quả, chi phí ngoài quy định",
    "giai_thich": "Chất lượng hướng dẫn, giải thích",
    "truc_tuyen": "Chất lượng dịch vụ công trực tuyến",
    "khac": "Nội dung khác",
}
#: A rating's levels, as the national portal's evaluation asks them.
LEVELS: Mapping[int, str] = {2: "Rất hài lòng", 1: "Hài lòng", 0: "Không hài lòng"}
Grouping = Literal["agency", "level", "procedure", "domain"]


@dataclass(frozen=True)
class Rating:
    """A citizen's evaluation of one dossier (Decree 61/2018 Arts. 29-31)."""

    overall: int  # 2 very satisfied, 1 satisfied, 0 not satisfied
    complaint: bool = False
    topics: Mapping[str, int] = field(default_factory=dict)  # RATING_TOPICS key -> level
    comment: str = ""


@dataclass(frozen=True)
class ProcedureInfo:
    """What the report needs to know of a procedure to group its dossiers."""

    code: str
    title: str
    agency: str
    level: str
    domain: str
    online_level: str | None  # "full" (toàn trình), "partial" (một phần) or none
    has_fee: bool
    #: step id -> its label (the report's per-step table prints what the step is, not its id).
    step_labels: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Tally:
    """The counts of one group of dossiers in one period; tallies add up.

    Counted by the store in SQL.  *New* dossiers were received in the period, *carried over*
    ones before it and still open at its start; *resolved* ones were closed in the period
    granted or refused, *withdrawn* / *stopped* ones closed so; *in progress* ones were open at
    its end, *overdue* if their appointment had passed by then.  A dossier *refused at the desk*
    (Decree 61/2018 Art. 17(1)(b)) was never received for resolution: it is in none of those,
    only in ``refused_at_desk``.
    """

    new_online: int = 0
    new_in_person: int = 0
    new_post: int = 0
    carried_over: int = 0
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    resolved_766_in_time: int = 0  # early or on time by Decision 766's rule
    resolved_766_n: int = 0  # resolved dossiers with a 766 result (not those closed before isoflow kept one)
    late_apologised: int = 0  # resolved late, with an apology/extension letter
    in_progress_within: int = 0
    in_progress_overdue: int = 0
    withdrawn: int = 0
    stopped: int = 0
    refused_at_desk: int = 0  # refused at the desk: not received, not resolved (Decree 61 Art. 17(1)(b))
    new_online_e_result: int = 0  # new online dossiers whose result was issued electronically (766 3.3)
    new_online_full: int = 0  # new online dossiers of toàn trình procedures (set on roll-up)
    new_online_partial: int = 0
    moved: int = 0  # resolved dossiers that passed between units
    moved_electronically: int = 0  # recorded as moved electronically (luan_chuyen_giay false)
    moved_unknown: int = 0  # moved between units, how not recorded: never counted as electronic
    fee_resolved: int = 0  # resolved dossiers of procedures with a fee (set on roll-up)
    paid_online: int = 0
    e_result: int = 0
    digitised: int = 0  # digitised at receipt and with an electronic result
    worked_min_sum: int = 0
    worked_n: int = 0
    score1_sum: int = 0  # Circular 01/2018 indicator 1: 2 early, 1 on time, 0 late
    score2_sum: int = 0  # indicator 2: the worst of the dossier's timed steps, same points
    score2_n: int = 0
    rated: int = 0
    satisfied: int = 0  # rated satisfied or very satisfied
    disliked_or_complained: int = 0  # rated not satisfied, or a complaint
    complaints: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    @property
    def new(self) -> int:
        return self.new_online + self.new_in_person + self.new_post

    @property
    def resolved(self) -> int:
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def in_progress(self) -> int:
        return self.in_progress_within + self.in_progress_overdue


def tally_of(row: Mapping[str, Any], info: ProcedureInfo | None) -> Tally:
    """A procedure's tally from the store's row, completed with what only the definition knows."""
    tally = Tally(**{f.name: int(row.get(f.name) or 0) for f in fields(Tally)})
    if info is not None and info.online_level == "full":
        tally.new_online_full = tally.new_online
    elif info is not None and info.online_level == "partial":
        tally.new_online_partial = tally.new_online
    if info is not None and info.has_fee:
        tally.fee_resolved = tally.resolved
    else:
        tally.paid_online = 0
    return tally


# -- targets ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A threshold an indicator is held to, with where it comes from."""

    indicator: str
    year: int
    at_least: Decimal | None = None
    at_most: Decimal | None = None
    basis: str = ""
    domains: tuple[str, ...] = ()  # only dossiers of these domains count (e.g. land, construction)

    def met_by(self, value: Decimal) -> bool:
        return (self.at_least is None or value >= self.at_least) and (self.at_most is None or value <= self.at_most)

    def gap(self, value: Decimal) -> Decimal:
        """How far the value is past the target (positive) or short of it (negative)."""
        if self.at_least is not None:
            return value - self.at_least
        return (self.at_most or Decimal(0)) - value


def applicable(targets: Iterable[Target], indicator: str, year: int) -> Target | None:
    """The target in force for ``year``: the latest one set for that year or before, else the
    first one ahead (a 2026 report is held to the 2025 target and shows the 2030 one next)."""
    mine = sorted((t for t in targets if t.indicator == indicator), key=lambda t: t.year)
    due = [t for t in mine if t.year <= year]
    return due[-1] if due else (mine[0] if mine else None)


# -- indicators ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    """One line of the report: a value, how it was computed, and its target."""

    key: str
    name: str
    unit: str  # "%", "giờ", "điểm", "hồ sơ"
    value: Decimal | None  # None: not computable (nothing to divide by)
    numerator: int | None = None
    denominator: int | None = None
    target: Target | None = None
    met: bool | None = None
    gap: Decimal | None = None
    note: str = ""


#: key -> (Vietnamese name, unit, one-line explanation).  The README's table is this.
DEFINITIONS: Mapping[str, tuple[str, str, str]] = {
    "received": ("Số hồ sơ nhận giải quyết", "hồ sơ",
                 "mới tiếp nhận trong kỳ cộng số kỳ trước chuyển qua; không gồm hồ sơ từ chối tiếp nhận"),
    "new_online": ("Mới tiếp nhận trực tuyến", "hồ sơ", "nộp qua Cổng Dịch vụ công trong kỳ"),
    "new_in_person": ("Mới tiếp nhận trực tiếp", "hồ sơ", "nộp tại Bộ phận Một cửa trong kỳ"),
    "new_post": ("Mới tiếp nhận qua BCCI", "hồ sơ", "nộp qua dịch vụ bưu chính công ích trong kỳ"),
    "carried_over": ("Kỳ trước chuyển qua", "hồ sơ", "tiếp nhận trước kỳ, chưa giải quyết xong khi kỳ bắt đầu"),
    "resolved": ("Số hồ sơ đã giải quyết", "hồ sơ", "trả kết quả hoặc từ chối trong kỳ"),
    "resolved_early": ("Giải quyết trước hạn", "hồ sơ",
                       "xong trước thời hạn hẹn khi tiếp nhận (tính lại sau bổ sung; đến phút)"),
    "resolved_on_time": ("Giải quyết đúng hạn", "hồ sơ", "xong đúng phút hẹn"),
    "resolved_late": ("Giải quyết quá hạn", "hồ sơ",
                      "xong sau thời hạn hẹn; hẹn lại bằng thư xin lỗi không làm hồ sơ thành đúng hạn"),
    "in_progress_within": ("Đang giải quyết trong hạn", "hồ sơ", "chưa xong khi hết kỳ, chưa đến hạn"),
    "in_progress_overdue": ("Đang giải quyết quá hạn", "hồ sơ", "chưa xong khi hết kỳ, đã quá hạn"),
    "withdrawn": ("Rút hồ sơ", "hồ sơ", "tổ chức, cá nhân rút hồ sơ trong kỳ"),
    "stopped": ("Dừng giải quyết", "hồ sơ", "cơ quan dừng giải quyết trong kỳ"),
    "refused_at_desk": ("Không được tiếp nhận", "hồ sơ",
                        "từ chối tiếp nhận tại Bộ phận Một cửa trong kỳ (Phiếu từ chối, Nghị định 61/2018 Điều 17 "
                        "khoản 1 điểm b): không tính là nhận giải quyết, không tính là đã giải quyết (Quyết định "
                        "766 chỉ số 2.1: chỉ tính các hồ sơ đã được tiếp nhận)"),
    "on_time_rate": ("Tỷ lệ giải quyết trước hạn và đúng hạn", "%",
                     "(trước hạn + đúng hạn) / đã giải quyết (Nghị định 61/2018 Điều 30)"),
    "late_apologised": ("Hồ sơ quá hạn có văn bản xin lỗi", "%",
                        "quá hạn có thư xin lỗi, đề nghị gia hạn / quá hạn"),
    "late_not_apologised": ("Hồ sơ quá hạn chưa có văn bản xin lỗi", "hồ sơ",
                            "giải quyết quá hạn mà không có thư xin lỗi, đề nghị gia hạn"),
    "766-2.1": ("Chỉ số 766 2.1: tiến độ giải quyết", "%",
                "xong trong hạn theo Quyết định 766 (trừ thời gian chờ bổ sung; bổ sung quá một lần là quá hạn) "
                "/ đã giải quyết"),
    "766-2.2": ("Chỉ số 766 2.2: thời gian giải quyết trung bình", "giờ",
                "giờ làm việc từ khi tiếp nhận đến khi xong, trừ thời gian chờ bổ sung, trung bình"),
    "766-3.3": ("Chỉ số 766 3.3: tỷ lệ hồ sơ trực tuyến", "%",
                "mới tiếp nhận trực tuyến và đã cấp kết quả điện tử / mới tiếp nhận (công thức chỉ số 766: "
                "KenhThucHien = 2 và cấp kết quả giải quyết điện tử đối với TTHC trả kết quả bằng giấy tờ)"),
    "online_full": ("Hồ sơ trực tuyến toàn trình", "%", "trực tuyến của thủ tục toàn trình / mới tiếp nhận"),
    "online_partial": ("Hồ sơ trực tuyến một phần", "%", "trực tuyến của thủ tục một phần / mới tiếp nhận"),
    "766-3.6": ("Chỉ số 766 3.6: thanh toán trực tuyến", "%",
                "đã thanh toán trực tuyến / đã giải quyết của thủ tục có phí, lệ phí"),
    "moved_electronically": ("Hồ sơ luân chuyển điện tử giữa các đơn vị", "%",
                             "ghi nhận luân chuyển bằng phương thức điện tử / có luân chuyển giữa các đơn vị "
                             "(chưa ghi nhận cách luân chuyển thì không tính là điện tử)"),
    "moved_unknown": ("Luân chuyển chưa ghi nhận phương thức", "hồ sơ",
                      "có luân chuyển giữa các đơn vị, không ghi nhận bằng giấy hay điện tử"),
    "766-4.1": ("Chỉ số 766 4.1: có kết quả điện tử", "%", "có kết quả điện tử / đã giải quyết"),
    "766-4.2": ("Chỉ số 766 4.2: số hóa hồ sơ", "%", "số hóa thành phần hồ sơ và có kết quả điện tử / đã giải quyết"),
    "satisfaction": ("Mức độ hài lòng", "%", "hài lòng và rất hài lòng / số hồ sơ được đánh giá"),
    "satisfaction_land_construction_investment": (
        "Mức độ hài lòng lĩnh vực đất đai, xây dựng, đầu tư", "%",
        "như trên, chỉ các thủ tục thuộc các lĩnh vực này"),
    "766-5.4": ("Chỉ số 766 5.4: mức độ hài lòng trong tiếp nhận, giải quyết", "%",
                "100% − (tỷ lệ quá hạn theo 2.1 + tỷ lệ hồ sơ đã giải quyết bị phản ánh hoặc đánh giá "
                "không hài lòng)"),
    "tt01-1": ("TT 01/2018 chỉ số 1: thời gian giải quyết", "điểm",
               "trung bình mỗi hồ sơ: 2 trước hạn, 1 đúng hạn, 0 quá hạn"),
    "tt01-2": ("TT 01/2018 chỉ số 2: thời gian của từng cơ quan", "điểm",
               "trung bình mỗi hồ sơ, theo bước chậm nhất: 2 trước hạn, 1 đúng hạn, 0 quá hạn"),
}
_HUNDRED = Decimal(100)


def _rate(numerator: int, denominator: int) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(numerator) * _HUNDRED / Decimal(denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _mean(total: int, n: int, per: int = 1, places: str = "0.01") -> Decimal | None:
    if not n:
        return None
    return (Decimal(total) / Decimal(n) / Decimal(per)).quantize(Decimal(places), ROUND_HALF_UP)


def indicators(tally: Tally, targets: Sequence[Target], year: int,
               domain_tally: Tally | None = None) -> tuple[Indicator, ...]:
    """Every indicator of one group, each beside the target in force for ``year``.

    ``domain_tally`` is the same group's tally restricted to the domains a domain-specific
    target names (land, construction, investment), for the satisfaction held to its own target.
    """
    t = tally
    # 766 5.4: both rates are shares of the dossiers resolved (a dossier not rated counts as
    # neither disliked nor complained about); "late" as Decision 766 itself counts it (2.1).
    index_54 = None
    if t.resolved and t.resolved_766_n:
        late_766 = Decimal(t.resolved_766_n - t.resolved_766_in_time) / t.resolved_766_n
        late_and_disliked = late_766 + Decimal(t.disliked_or_complained) / t.resolved
        index_54 = max(Decimal(0), _HUNDRED - late_and_disliked * _HUNDRED).quantize(Decimal("0.01"), ROUND_HALF_UP)
    values: list[tuple[str, Decimal | None, int | None, int | None]] = [
        ("received", Decimal(t.new + t.carried_over), None, None),
        ("new_online", Decimal(t.new_online), None, None),
        ("new_in_person", Decimal(t.new_in_person), None, None),
        ("new_post", Decimal(t.new_post), None, None),
        ("carried_over", Decimal(t.carried_over), None, None),
        ("resolved", Decimal(t.resolved), None, None),
        ("resolved_early", Decimal(t.resolved_early), None, None),
        ("resolved_on_time", Decimal(t.resolved_on_time), None, None),
        ("resolved_late", Decimal(t.resolved_late), None, None),
        ("in_progress_within", Decimal(t.in_progress_within), None, None),
        ("in_progress_overdue", Decimal(t.in_progress_overdue), None, None),
        ("withdrawn", Decimal(t.withdrawn), None, None),
        ("stopped", Decimal(t.stopped), None, None),
        ("refused_at_desk", Decimal(t.refused_at_desk), None, None),
        ("on_time_rate", _rate(t.resolved_early + t.resolved_on_time, t.resolved),
         t.resolved_early + t.resolved_on_time, t.resolved),
        ("late_apologised", _rate(t.late_apologised, t.resolved_late), t.late_apologised, t.resolved_late),
        ("late_not_apologised", Decimal(t.resolved_late - t.late_apologised), None, None),
        ("766-2.1", _rate(t.resolved_766_in_time, t.resolved_766_n), t.resolved_766_in_time, t.resolved_766_n),
        ("766-2.2", _mean(t.worked_min_sum, t.worked_n, 60), None, t.worked_n),
        ("766-3.3", _rate(t.new_online_e_result, t.new), t.new_online_e_result, t.new),
        ("online_full", _rate(t.new_online_full, t.new), t.new_online_full, t.new),
        ("online_partial", _rate(t.new_online_partial, t.new), t.new_online_partial, t.new),
        ("766-3.6", _rate(t.paid_online, t.fee_resolved), t.paid_online, t.fee_resolved),
        ("moved_electronically", _rate(t.moved_electronically, t.moved), t.moved_electronically, t.moved),
        ("moved_unknown", Decimal(t.moved_unknown), None, None),
        ("766-4.1", _rate(t.e_result, t.resolved), t.e_result, t.resolved),
        ("766-4.2", _rate(t.digitised, t.resolved), t.digitised, t.resolved),
        ("satisfaction", _rate(t.satisfied, t.rated), t.satisfied, t.rated),
    ]
    if domain_tally is not None:
        d = domain_tally
        values.append(("satisfaction_land_construction_investment", _rate(d.satisfied, d.rated), d.satisfied, d.rated))
    values += [
        ("766-5.4", index_54, None, t.resolved),
        ("tt01-1", _mean(t.score1_sum, t.resolved, places="0.1"), t.score1_sum, t.resolved),
        ("tt01-2", _mean(t.score2_sum, t.score2_n, places="0.1"), t.score2_sum, t.score2_n),
    ]
    found = []
    for key, value, numerator, denominator in values:
        name, unit, _ = DEFINITIONS[key]
        target = applicable(targets, key, year)
        met = gap = None
        if target is not None and value is not None:
            met, gap = target.met_by(value), target.gap(value)
        found.append(Indicator(key, name, unit, value, numerator, denominator, target, met, gap))
    return tuple(found)


# -- processing times ------------------------------------------------------------------------


@dataclass(frozen=True)
class ProcessingTime:
    """Working time of a procedure or a step over the dossiers that finished it in the period."""

    procedure: str
    step: str | None  # None: the whole dossier
    n: int  # dossiers (a dossier through a step twice counts once, its times added up)
    mean_h: Decimal | None
    p50_h: Decimal | None
    p90_h: Decimal | None
    late: int = 0
    label: str = ""  # the step's label in its procedure ("" for the whole dossier)


def percentile(histogram: Sequence[tuple[int, int]], fraction: Decimal) -> int | None:
    """The value below which ``fraction`` of the counted values lie (nearest rank), from
    ``(value, count)`` pairs: the database counts, this only walks the few distinct values."""
    ordered = sorted(histogram)
    total = sum(n for _, n in ordered)
    if not total:
        return None
    rank = max(1, int((fraction * total).to_integral_value(rounding="ROUND_CEILING")))
    seen = 0
    for value, n in ordered:
        seen += n
        if seen >= rank:
            return value
    return ordered[-1][0]


def duration(procedure: str, step: str | None, histogram: Sequence[tuple[int, int]], late: int = 0,
             label: str = "") -> ProcessingTime:
    n = sum(c for _, c in histogram)
    total = sum(v * c for v, c in histogram)

    def hours(minutes: int | None) -> Decimal | None:
        return None if minutes is None else (Decimal(minutes) / 60).quantize(Decimal("0.01"), ROUND_HALF_UP)

    return ProcessingTime(procedure, step, n, _mean(total, n, 60), hours(percentile(histogram, Decimal("0.5"))),
                    hours(percentile(histogram, Decimal("0.9"))), late, label)


# -- the report ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """One row of the grouping (an agency, a level, a procedure or a domain) or the total."""

    key: str
    label: str
    tally: Tally
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class ServiceReport:
    """A period's report: the groups, their total, and the processing times."""

    start: date
    end: date  # inclusive
    grouping: Grouping
    groups: tuple[Group, ...]
    total: Group
    durations: tuple[ProcessingTime, ...]
    targets_source: str = ""


def group_key(info: ProcedureInfo, grouping: Grouping) -> tuple[str, str]:
    """(key, label) of a procedure's group."""
    if grouping == "agency":
        return info.agency, info.agency
    if grouping == "level":
        labels = {"ministry": "Cấp bộ, ngành", "province": "Cấp tỉnh", "commune": "Cấp xã"}
        return info.level, labels.get(info.level, info.level)
    if grouping == "domain":
        return info.domain, info.domain
    return info.code, f"{info.code} {info.title}"


def build_report(start: date, end: date, grouping: Grouping, rows: Sequence[Mapping[str, Any]],
                 procedures: Mapping[str, ProcedureInfo], targets: Sequence[Target],
                 worked: Sequence[tuple[str, int, int]] = (), steps: Sequence[tuple[str, str, int, int, int]] = (),
                 targets_source: str = "") -> ServiceReport:
    """The report from the store's rows: ``rows`` one per procedure code (the :class:`Tally`
    fields), ``worked`` (code, minutes, count) and ``steps`` (code, step, minutes, count, late)."""
    year = end.year
    domain_target = next((t for t in targets if t.domains), None)
    special = set(domain_target.domains) if domain_target else set()
    groups: dict[str, tuple[str, Tally, Tally]] = {}
    total, total_special = Tally(), Tally()
    for row in rows:
        code = str(row["process_code"])
        info = procedures.get(code) or ProcedureInfo(code, code, "(không rõ)", "(không rõ)", "(không rõ)", None, False)
        tally = tally_of(row, info)
        key, label = group_key(info, grouping)
        _, so_far, so_far_special = groups.get(key, (label, Tally(), Tally()))
        in_special = info.domain in special
        groups[key] = (label, so_far + tally, so_far_special + tally if in_special else so_far_special)
        total = total + tally
        if in_special:
            total_special = total_special + tally
    built = tuple(Group(key, label, tally, indicators(tally, targets, year, special_tally if special else None))
                  for key, (label, tally, special_tally) in sorted(groups.items()))
    whole = Group("total", "Tổng cộng", total, indicators(total, targets, year, total_special if special else None))
    durations = _durations(worked, steps, procedures)
    return ServiceReport(start, end, grouping, built, whole, durations, targets_source)


def _durations(worked: Sequence[tuple[str, int, int]], steps: Sequence[tuple[str, str, int, int, int]],
               procedures: Mapping[str, ProcedureInfo] | None = None) -> tuple[ProcessingTime, ...]:
    by_code: dict[str, list[tuple[int, int]]] = {}
    for code, minutes, n in worked:
        by_code.setdefault(code, []).append((minutes, n))
    by_step: dict[tuple[str, str], tuple[list[tuple[int, int]], int]] = {}
    for code, step, minutes, n, late in steps:
        histogram, so_far = by_step.get((code, step), ([], 0))
        histogram.append((minutes, n))
        by_step[(code, step)] = (histogram, so_far + late)
    found = [duration(code, None, h) for code, h in sorted(by_code.items())]
    labels = {code: info.step_labels for code, info in (procedures or {}).items()}
    found += [duration(code, step, h, late, labels.get(code, {}).get(step, ""))
              for (code, step), (h, late) in sorted(by_step.items())]
    # Steps in their procedure's order (the order of its labels), unknown ones after, by id.
    order = {code: {step: n for n, step in enumerate(steps)} for code, steps in labels.items()}

    def place(d: ProcessingTime) -> tuple[str, bool, int, str]:
        return d.procedure, d.step is not None, order.get(d.procedure, {}).get(d.step or "", 10**6), d.step or ""

    return tuple(sorted(found, key=place))


def definitions_markdown() -> str:
    """The README's table of indicators: one line each, generated so it never drifts."""
    lines = ["| key | chỉ số | đơn vị | cách tính |", "|---|---|---|---|"]
    lines += [f"| `{key}` | {name} | {unit} | {how} |" for key, (name, unit, how) in DEFINITIONS.items()]
    return "\n".join(lines)
