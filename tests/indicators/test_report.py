"""The service report on the fixed data set (conftest.py), against values worked out by hand.

Calendar: 07:30-11:30 and 13:00-17:00, 8 working hours a day; 2026-03-09 is a Monday; the
period is 03-09 .. 03-20, so the store counts from 03-09 00:00 to 03-21 00:00.  Notation:
"Mon 09 08:00" is 2026-03-09 08:00; ``wd`` working days; times of working time in hours (h).

The appointment of a dossier is its clock start (the receipt, or the start of the next working
day when received after the 15:00 cutoff) plus the legal limit in working days; a supplement
restarts it when the dossier is handed back complete.  Circular 01 compares the closing minute
with the appointment given before any apology; Decision 766 compares the working time from the
first receipt, minus the time the applicant held the dossier, with the legal limit, and counts
a dossier asked for a supplement more than once as late.

QT-DKKD-01 (3 wd; steps tiep_nhan 2h, chuyen 1h, tham_dinh 2d, ky_duyet 0.5d = 4h, tra_ket_qua 1h;
hand-overs chuyen->tham_dinh->ky_duyet->tra_ket_qua are 3 changes of unit):

====  =======  ================  ================  ========  ========  ===========================
name  channel  received -> due   closed            C01       766       working time (min)
====  =======  ================  ================  ========  ========  ===========================
D0    person   Mon 02 (closed Tue 03: before the period, not counted)
D5    person   Thu 05 14:00 ->   Mon 09 16:00      early     early     Thu 3h + Fri 8h + Mon 7h = 18h
               Tue 10 14:00                                            = 1080 (carried over)
D1    online   Mon 09 08:00 ->   Wed 11 10:00      early     early     7.5 + 8 + 2.5 = 18h = 1080
               Thu 12 08:00
D2    person   Mon 09 09:00 ->   Thu 12 09:00      on_time   on_time   6.5 + 8 + 8 + 1.5 = 24h = 1440
               Thu 12 09:00      (the very minute)                     = the 3 wd allowed
D3    post     Tue 10 08:00 ->   Mon 16 10:00      late      late      7.5 + 8 + 8 + 8 + 2.5 = 34h
               Fri 13 08:00      apology moved the due to Tue 17 08:00 = 2040; late *with* apology
D4    online   Mon 09 10:00 ->   Fri 13 08:00      late      late      5.5 + 8 + 8 + 8 + 0.5 = 30h
               Thu 12 10:00                                            = 1800; no apology
D6    person   Mon 09 14:00      Fri 13 10:00      early     early     Mon 14:00 -> Fri 10:00 = 29.5h
               supplement asked Tue 10 08:00, back Wed 11 08:00:       minus 8h waited = 21.5h = 1290
               due restarts: Wed 11 08:00 + 3 wd = Mon 16 08:00        < 24h; hand-overs 5 (3 + 2
                                                                       for the round trip)
D7    person   Mon 16 08:00      Tue 17 15:00      early     late      Mon 7.5h + Tue 6h = 13.5h
               asked twice at the desk (08:30 -> 13:00, 13:30 -> Tue   minus 3h + 4h waited = 6.5h
               08:00); due Tue 17 08:00 + 3 wd = Fri 20 08:00          = 390; 2 supplements = late
D8    online   Thu 19 08:00 ->   open              in progress, within (due after the period)
               Tue 24 08:00
D9    person   Mon 16 09:00 ->   open              in progress, overdue (due before the end)
               Thu 19 09:00
D10   online   Tue 10 08:00      Wed 11 09:00      withdrawn (not resolved)
D11   person   Tue 10 09:00      Thu 12 09:00      stopped (not resolved)
D12   person   Tue 17 08:00      Tue 17 08:30      refused at the desk (Phiếu từ chối, never
                                                   accepted): neither received nor resolved;
                                                   counted as "không được tiếp nhận" only
LATER online   Mon 23 (after the period: not counted)
====  =======  ================  ================  ========  ========  ===========================

QT-HT-02 (5 wd, cutoff 15:00; steps tiep_nhan 2h, chuyen 2h, tham_dinh 3d, ky_duyet 1d,
van_thu 2h, tra_ket_qua 2h; 4 hand-overs):

* H1 online, Tue 10 15:30, after the cutoff: the clock starts Wed 11 07:30; 5 wd = 40h of
  working time end at Tue 17 17:00 (a forward move ends at a session's end).  Returned Wed 18
  07:30: Circular 01 *late* (07:30 on the 18th is after 17:00 on the 17th), Decision 766
  *on time* (40h worked = 40h allowed: no working minute past the limit).  2400 min.
* H2 in person, Thu 12 08:00 -> due Thu 19 08:00; returned Fri 13 09:00: early; 7.5 + 1.5 = 9h
  = 540.

QT-DD-02 (10 wd, land, no fee): L1 online Mon 09 08:00, refused at the desk 09:00 (not received,
not resolved; its rating does not count, its 60 min at the desk stay in the per-step table); L2
in person Mon 16 08:00, open, due Mon 30 08:00 (within).

QT-THU-01 (QT-DKKD-01 as "Sở Xây dựng", domain "Xây dựng"; fee, toàn trình): T1 online and T2
in person, both Mon 09 08:00 -> due Thu 12 08:00, returned Tue 10 10:00: early, 7.5 + 2.5 = 10h
= 600; 3 hand-overs each.  T1: paid online, electronic result, digitised, moved electronically;
T2: electronic result only, its paper file moved.  Every other dossier does not say how it moved
between units (``luan_chuyen_giay`` unset): "moved, how not recorded", never electronic.  Decision
766 3.3 counts T1 alone as online (filed online *and* its result issued electronically).

QT-THU-02 (QT-DKKD-01 without a time limit: no appointment date): N1 online Mon 09 08:00,
returned Mon 16 10:00: on time by both rules (nothing to be late against); 7.5 + 4 x 8 + 2.5 =
42h = 2520.  N2 in person Tue 10 08:00, open: within (no due date).

Ratings: D1 very satisfied (it first said not satisfied with a complaint: replaced), D2
satisfied, D4 not satisfied, D6 satisfied with a complaint, H2 very satisfied, L1 not satisfied
with a complaint; D9 (open) is rated but only resolved dossiers count.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from isoflow.data.loaders import load_targets
from isoflow.indicators.formulas import DEFINITIONS, Group, ProcessingTime, ServiceReport, Tally
from isoflow.indicators.service_report import service_report
from tests.indicators.conftest import Office

START, END = date(2026, 3, 9), date(2026, 3, 20)

# -- the tallies, per procedure ------------------------------------------------------------

DKKD = Tally(
    new_online=4,  # D1 D4 D8 D10
    new_in_person=5,  # D2 D6 D7 D9 D11 (D12 refused at the desk: not received)
    new_post=1,  # D3
    carried_over=1,  # D5 (D0 closed before the period, LATER received after it)
    resolved_early=4,  # D5 D1 D6 D7 (D12: not resolved)
    resolved_on_time=1,  # D2
    resolved_late=2,  # D3 D4
    resolved_766_in_time=4,  # D5 D1 D2 D6 (D7: two supplements)
    resolved_766_n=7,  # every resolved dossier has a 766 result
    late_apologised=1,  # D3
    in_progress_within=1,  # D8
    in_progress_overdue=1,  # D9
    withdrawn=1, stopped=1,  # D10, D11
    refused_at_desk=1,  # D12
    new_online_full=4,  # toàn trình: every online dossier
    moved=7, moved_unknown=7,  # every resolved dossier moved between units, none says how
    fee_resolved=7,  # a fee of 50 000 đ: every resolved dossier
    worked_min_sum=1080 + 1080 + 1440 + 2040 + 1800 + 1290 + 390,  # = 9120
    worked_n=7,
    score1_sum=2 * 4 + 1,  # = 9
    # worst step: D5 D1 D2 D3 D4 D6 late (tra_ket_qua has 1h; D6's ky_duyet too), D7 on time
    # (returned at the minute its 1h ran out)
    score2_sum=0 * 6 + 1, score2_n=7,
    rated=4, satisfied=3,  # D1 (2) D2 (1) D4 (0) D6 (1 + complaint); D9 open
    disliked_or_complained=2,  # D4, D6
    complaints=1,  # D6 (D1's complaint was replaced)
)
HT = Tally(new_online=1, new_in_person=1, resolved_early=1, resolved_late=1,  # H2, H1
           resolved_766_in_time=2, resolved_766_n=2, new_online_partial=1, moved=2, moved_unknown=2,
           worked_min_sum=2400 + 540, worked_n=2,
           score1_sum=0 + 2,
           score2_sum=0 + 2,  # H1's van_thu took 6h of its 2h; H2's steps all early
           score2_n=2, rated=1, satisfied=1)
# L1 refused at the desk: not received, not resolved, its rating not counted; L2 open.
DD = Tally(new_in_person=1, in_progress_within=1, refused_at_desk=1)
THU1 = Tally(new_online=1, new_in_person=1, resolved_early=2, resolved_766_in_time=2, resolved_766_n=2,
             new_online_full=1, new_online_e_result=1,  # T1: online and an electronic result
             moved=2, moved_electronically=1,  # T2's paper moved
             fee_resolved=2, paid_online=1, e_result=2, digitised=1,  # digitised counts with an e-result
             worked_min_sum=1200, worked_n=2, score1_sum=4,
             score2_sum=1 + 1,  # tra_ket_qua returned at the minute its 1h ran out: on time
             score2_n=2)
THU2 = Tally(new_online=1, new_in_person=1, resolved_on_time=1, resolved_766_in_time=1, resolved_766_n=1,
             in_progress_within=1,
             new_online_full=1, moved=1, moved_unknown=1, fee_resolved=1, worked_min_sum=2520, worked_n=1,
             score1_sum=1,
             score2_sum=0,  # tham_dinh: 39h of working time for its 2 wd
             score2_n=1)
TOTAL = Tally(new_online=7, new_in_person=9, new_post=1, carried_over=1, resolved_early=7, resolved_on_time=2,
              resolved_late=3, resolved_766_in_time=9, resolved_766_n=12, late_apologised=1, in_progress_within=3,
              in_progress_overdue=1, withdrawn=1, stopped=1, refused_at_desk=2, new_online_e_result=1,
              new_online_full=6, new_online_partial=1, moved=12, moved_electronically=1, moved_unknown=10,
              fee_resolved=10, paid_online=1, e_result=2, digitised=1,
              worked_min_sum=15780, worked_n=12, score1_sum=16, score2_sum=5, score2_n=12, rated=5, satisfied=4,
              disliked_or_complained=2, complaints=1)

# -- the indicators that are not plain counts ----------------------------------------------

RATIOS = ("on_time_rate", "late_apologised", "766-2.1", "766-2.2", "766-3.3", "online_full", "online_partial",
          "766-3.6", "moved_electronically", "766-4.1", "766-4.2", "satisfaction",
          "satisfaction_land_construction_investment", "766-5.4", "tt01-1", "tt01-2")
N = None
EXPECTED = {
    # 5/7 = 71.43; 1/2; 4/7 = 57.14; 9120/7 = 1302.86 min = 21.714h; 0 online with an e-result /10;
    # 4/10; 0/10; 0/7; 0 recorded electronic /7; 0/7; 0/7; 3/4; no land rating;
    # 100 - (3 late by 766 + 2 disliked)/7 = 28.57; 9/7 = 1.29; 1/7 = 0.14
    "QT-DKKD-01": ("71.43", "50.00", "57.14", "21.71", "0.00", "40.00", "0.00", "0.00", "0.00", "0.00", "0.00",
                   "75.00", N, "28.57", "1.3", "0.1"),
    # 1/2; 0/1 (late, no apology); 2/2; 2940/2 = 1470 min = 24.5h; 0/2; 0; 1/2; no fee: N/A; 0/2; 0; 0;
    # 1/1; N/A; 100 - (0 late by 766 + 0)/2 = 100; 2/2; 2/2
    "QT-HT-02": ("50.00", "0.00", "100.00", "24.50", "0.00", "0.00", "50.00", N, "0.00", "0.00", "0.00",
                 "100.00", N, "100.00", "1.0", "1.0"),
    # nothing resolved (L1 refused at the desk): every rate of resolved dossiers N/A; new = L2 alone:
    # 0/1 online (3.3, full, partial)
    "QT-DD-02": (N, N, N, N, "0.00", "0.00", "0.00", N, N, N, N, N, N, N, N, N),
    # 2/2; N/A; 2/2; 600 min; 1/2; 1/2; 0; paid 1/2; electronic 1/2; e-result 2/2; digitised 1/2; no rating: N/A;
    # N/A; 100 - 0; 4/2; 2/2
    "QT-THU-01": ("100.00", N, "100.00", "10.00", "50.00", "50.00", "0.00", "50.00", "50.00", "100.00", "50.00",
                  N, N, "100.00", "2.0", "1.0"),
    # 1/1; N/A; 1/1; 2520 min = 42h; 0/2 (N1 has no e-result); 1/2; 0; 0/1; 0/1 (N1 does not say how
    # it moved); 0; 0; N/A; N/A; 100; 1/1; 0/1
    "QT-THU-02": ("100.00", N, "100.00", "42.00", "0.00", "50.00", "0.00", "0.00", "0.00", "0.00", "0.00",
                  N, N, "100.00", "1.0", "0.0"),
    # 9/12 = 75; 1/3 = 33.333; 9/12; 15780/12 = 1315 min = 21.917h; 1/17 = 5.882; 6/17 = 35.294;
    # 1/17 = 5.882; 1/10; 1/12 = 8.333; 2/12 = 16.667; 1/12; 4/5; land and construction (QT-DD-02,
    # QT-THU-01): nothing rated, N/A; 100 - (3 + 2)/12 = 58.333; 16/12 = 1.33; 5/12 = 0.42
    "total": ("75.00", "33.33", "75.00", "21.92", "5.88", "35.29", "5.88", "10.00", "8.33", "16.67", "8.33",
              "80.00", N, "58.33", "1.3", "0.4"),
}


def _values(group: Group) -> tuple[str | None, ...]:
    by_key = {i.key: i.value for i in group.indicators}
    return tuple(None if by_key[k] is None else str(by_key[k]) for k in RATIOS)


def _counts(group: Group) -> dict[str, Decimal | None]:
    return {i.key: i.value for i in group.indicators if i.unit == "hồ sơ"}


def _report(office: Office, grouping: str) -> ServiceReport:
    return service_report(office.desk.store, office.definitions, START, END, grouping, targets=load_targets())  # type: ignore[arg-type]


def test_tallies_by_procedure(office: Office) -> None:
    report = _report(office, "procedure")
    assert [g.key for g in report.groups] == ["QT-DD-02", "QT-DKKD-01", "QT-HT-02", "QT-THU-01", "QT-THU-02"]
    assert {g.key: g.tally for g in report.groups} == {
        "QT-DKKD-01": DKKD, "QT-HT-02": HT, "QT-DD-02": DD, "QT-THU-01": THU1, "QT-THU-02": THU2}
    assert report.groups[1].label == "QT-DKKD-01 Đăng ký thành lập doanh nghiệp"
    assert report.total.key == "total"
    assert report.total.tally == TOTAL


def test_indicators_by_procedure_and_total(office: Office) -> None:
    report = _report(office, "procedure")
    for group in (*report.groups, report.total):
        assert _values(group) == EXPECTED[group.key], group.key
    assert _counts(report.total) == {
        "received": 18, "new_online": 7, "new_in_person": 9, "new_post": 1, "carried_over": 1, "resolved": 12,
        "resolved_early": 7, "resolved_on_time": 2, "resolved_late": 3, "in_progress_within": 3,
        "in_progress_overdue": 1, "withdrawn": 1, "stopped": 1,
        "refused_at_desk": 2,  # D12, L1: in no other count
        "late_not_apologised": 2,  # D3 apologised; the two others were not
        "moved_unknown": 10}  # moved between units without saying how: shown, not electronic


def test_numerators_and_denominators(office: Office) -> None:
    total = {i.key: (i.numerator, i.denominator) for i in _report(office, "procedure").total.indicators}
    assert total["on_time_rate"] == (9, 12)
    assert total["late_apologised"] == (1, 3)
    assert total["766-2.2"] == (None, 12)
    assert total["766-3.3"] == (1, 17)  # T1 only: online and its result issued electronically
    assert total["766-3.6"] == (1, 10)
    assert total["moved_electronically"] == (1, 12)  # T1 only; 10 unknown stay in the denominator
    assert total["satisfaction"] == (4, 5)  # L1's rating: refused at the desk, not resolved
    assert total["satisfaction_land_construction_investment"] == (0, 0)
    assert total["tt01-1"] == (16, 12)
    assert total["tt01-2"] == (5, 12)


def test_grouped_by_agency(office: Office) -> None:
    report = _report(office, "agency")
    assert {g.key: g.tally for g in report.groups} == {
        "Phòng Đăng ký kinh doanh": DKKD + THU2, "Sở Xây dựng": THU1, "Ủy ban nhân dân xã": HT,
        "Văn phòng đăng ký đất đai tỉnh": DD}
    assert [g.key for g in report.groups] == sorted(g.key for g in report.groups)
    business = next(g for g in report.groups if g.key == "Phòng Đăng ký kinh doanh")
    values = {i.key: i.value for i in business.indicators}
    assert values["on_time_rate"] == Decimal("75.00")  # (4 + 0 early, 1 + 1 on time) / 8 = 6/8
    assert values["766-2.2"] == Decimal("24.25")  # (9120 + 2520) / 8 = 1455 min = 24.25h
    assert values["tt01-1"] == Decimal("1.3")  # (9 + 1) / 8 = 1.25, rounded half up
    assert values["tt01-2"] == Decimal("0.1")  # (1 + 0) / 8 = 0.125
    assert values["766-3.6"] == Decimal("0.00")  # 0 / (7 + 1)
    assert values["766-5.4"] == Decimal("37.50")  # 100 - (3 late by 766 + 2 disliked) / 8 = 37.5
    assert report.total.tally == TOTAL


def test_grouped_by_level(office: Office) -> None:
    report = _report(office, "level")
    assert [(g.key, g.label) for g in report.groups] == [("commune", "Cấp xã"), ("province", "Cấp tỉnh")]
    assert report.groups[0].tally == HT
    assert report.groups[1].tally == DKKD + THU1 + THU2 + DD
    province = {i.key: i.value for i in report.groups[1].indicators}
    # early 4 + 2 + 0 + 0, on time 1 + 0 + 1 + 0, late 2: 8/10
    assert province["on_time_rate"] == Decimal("80.00")
    assert province["766-3.3"] == Decimal("6.67")  # online with an e-result: T1 alone, of new 10 + 2 + 2 + 1 = 15
    assert province["satisfaction_land_construction_investment"] is None  # L1's rating does not count


def test_grouped_by_domain(office: Office) -> None:
    report = _report(office, "domain")
    assert {g.key: g.tally for g in report.groups} == {
        "Thành lập và hoạt động doanh nghiệp": DKKD + THU2, "Xây dựng": THU1, "Hộ tịch": HT, "Đất đai": DD}
    land = {g.key: {i.key: i.value for i in g.indicators}["satisfaction_land_construction_investment"]
            for g in report.groups}
    # The only rating in these domains was L1's, refused at the desk: none counts.
    assert land == {"Thành lập và hoạt động doanh nghiệp": None, "Xây dựng": None, "Hộ tịch": None,
                    "Đất đai": None}


def test_every_grouping_has_the_same_total(office: Office) -> None:
    reports = [_report(office, g) for g in ("agency", "level", "procedure", "domain")]
    assert len({repr(r.total) for r in reports}) == 1
    # Every group shows every indicator, in the README's order.
    for report in reports:
        for group in (*report.groups, report.total):
            assert [i.key for i in group.indicators] == list(DEFINITIONS)


def test_targets_met_and_gap(office: Office) -> None:
    """A 2026 report is held to the 2025 targets (the latest due by its year)."""
    report = _report(office, "procedure")
    found = {i.key: (i.target.year if i.target else None, i.met, i.gap) for i in report.total.indicators}
    d = Decimal
    assert found["satisfaction"] == (2025, False, d("-10.00"))  # 80 - 90
    assert found["satisfaction_land_construction_investment"] == (2025, None, None)  # nothing rated
    assert found["moved_electronically"] == (2025, False, d("-71.67"))  # 8.33 - 80: unknown is not electronic
    assert found["766-3.3"] == (2025, False, d("-54.12"))  # 5.88 - 60
    assert found["766-3.6"] == (2025, False, d("-20.00"))  # 10 - 30
    assert found["late_apologised"] == (2025, False, d("-66.67"))  # 33.33 - 100
    assert found["766-2.1"] == (2025, False, d("-25.00"))  # 75 - 100
    assert found["766-4.2"] == (2025, False, d("-71.67"))  # 8.33 - 80
    assert found["766-5.4"] == (2025, False, d("-31.67"))  # 58.33 - 90
    assert found["tt01-1"] == (2025, True, d("0.3"))  # 1.3 - 1
    assert found["resolved"] == (None, None, None)  # no target
    # A target whose indicator cannot be computed is neither met nor missed.
    dd = next(g for g in report.groups if g.key == "QT-DD-02")
    late = next(i for i in dd.indicators if i.key == "late_apologised")
    assert (late.value, late.target is not None, late.met, late.gap) == (None, True, None, None)
    assert report.targets_source == load_targets()[1]


def _d(procedure: str, step: str | None, n: int, mean: str, p50: str, p90: str, late: int = 0) -> ProcessingTime:
    return ProcessingTime(procedure, step, n, Decimal(mean), Decimal(p50), Decimal(p90), late)


def test_processing_times(office: Office) -> None:
    """Percentiles by nearest rank: rank = ceil(fraction x n) of the sorted minutes.  A step
    counts dossiers: one that went through it twice is one, its minutes added up.  Steps come in
    their procedure's order."""
    dk = "QT-DKKD-01"
    assert tuple(replace(d, label="") for d in _report(office, "agency").durations) == (
        # L1, refused at the desk, is not resolved (no whole-dossier time); its 60 min at the desk stay
        _d("QT-DD-02", "tiep_nhan", 1, "1.00", "1.00", "1.00"),
        # 390 1080 1080 1290 1440 1800 2040 (D12 refused at the desk: not resolved): mean 9120/7 =
        # 1302.86 min; p50 rank 4 = 1290; p90 rank 7 = 2040
        _d(dk, None, 7, "21.71", "21.50", "34.00"),
        # D1 D2 D3 D4 D8 D9 D10 D11 D12 30 each, D6 10 + 10 = 20, D7 30 + 30 + 10 = 70 (three passes):
        # 360/11 = 32.7 min; p50 rank 6 = 30; p90 rank 10 = 30
        _d(dk, "tiep_nhan", 11, "0.55", "0.50", "0.50"),
        # left in the period: D1 D2 D3 D4 D8 D9 D10 D11 30 each, D6 10 + 10 = 20 (one dossier, two
        # passes), D7 10: 270/10 = 27 min; p50 rank 5 = 30; p90 rank 9 = 30
        _d(dk, "chuyen", 10, "0.45", "0.50", "0.50"),
        # D7 100 D10 480 D1 540 D5 630 D6 190 + 460 = 650 D2 900 D11 900 D3 1440 D4 1530 (D3 D4 past
        # their 2 wd): 7170/9 = 796.67 min = 13.28h; p50 rank 5 = 650; p90 rank 9 = 1530
        _d(dk, "tham_dinh", 9, "13.28", "10.83", "25.50", 2),
        # D4 120 D5 120 D1 150 D7 150 D2 210 D3 210 D6 270 (late: 4h allowed): 1230/7 = 175.7 min;
        # p50 rank 4 = 150; p90 rank 7 = 270
        _d(dk, "ky_duyet", 7, "2.93", "2.50", "4.50", 1),
        # D7 60 (on time) D4 90 D5 270 D2 270 D1 330 D3 330 D6 330: 1680/7 = 240; p50 270; p90 330.
        # D4 entered at 16:00, after 15:00: its 1h counts from 07:30 on Fri 03-13 (the transfer rule,
        # Decree 61/2018 Art. 18(2)), due 08:30, returned 08:00: not late; the five others are.
        _d(dk, "tra_ket_qua", 7, "4.00", "4.50", "5.50", 5),
        _d("QT-HT-02", None, 2, "24.50", "9.00", "40.00"),  # 540, 2400
        # H1 entered at receipt (Tue 15:30, after the procedure's 15:00 cut-off: its legal time starts
        # Wed 07:30) and left Wed 08:00: a step works only while the legal clock runs, 30; H2 30
        _d("QT-HT-02", "tiep_nhan", 2, "0.50", "0.50", "0.50"),
        _d("QT-HT-02", "chuyen", 2, "0.50", "0.50", "0.50"),
        _d("QT-HT-02", "tham_dinh", 2, "13.50", "3.50", "23.50"),  # H2 210, H1 1410 (Wed 08:30 -> Mon 08:00)
        _d("QT-HT-02", "ky_duyet", 2, "2.00", "2.00", "2.00"),
        _d("QT-HT-02", "van_thu", 2, "3.75", "1.50", "6.00", 1),  # H2 90, H1 360 (late: 2h allowed)
        _d("QT-HT-02", "tra_ket_qua", 2, "4.25", "1.00", "7.50", 1),  # H2 60, H1 450 (Tue 08:00 -> Wed 07:30)
        _d("QT-THU-01", None, 2, "10.00", "10.00", "10.00"),
        _d("QT-THU-01", "tiep_nhan", 2, "0.50", "0.50", "0.50"),
        _d("QT-THU-01", "chuyen", 2, "0.50", "0.50", "0.50"),
        _d("QT-THU-01", "tham_dinh", 2, "7.00", "7.00", "7.00"),
        _d("QT-THU-01", "ky_duyet", 2, "1.00", "1.00", "1.00"),
        _d("QT-THU-01", "tra_ket_qua", 2, "1.00", "1.00", "1.00"),
        _d("QT-THU-02", None, 1, "42.00", "42.00", "42.00"),
        _d("QT-THU-02", "tiep_nhan", 1, "0.50", "0.50", "0.50"),
        _d("QT-THU-02", "chuyen", 1, "0.50", "0.50", "0.50"),
        _d("QT-THU-02", "tham_dinh", 1, "39.00", "39.00", "39.00", 1),  # Mon 09 09:00 -> Mon 16 08:00
        _d("QT-THU-02", "ky_duyet", 1, "1.00", "1.00", "1.00"),
        _d("QT-THU-02", "tra_ket_qua", 1, "1.00", "1.00", "1.00"),
    )


def test_the_step_table_names_each_step_by_its_label(office: Office) -> None:
    labels = {(d.procedure, d.step): d.label for d in _report(office, "procedure").durations}
    assert {step: label for (code, step), label in labels.items() if code == "QT-DKKD-01"} == {
        None: "",
        "tiep_nhan": "Tiếp nhận, kiểm tra tính đầy đủ, chính xác của hồ sơ; số hóa hồ sơ",
        "chuyen": "Chuyển hồ sơ đến phòng chuyên môn (trong ngày; sau 15 giờ thì đầu ngày làm việc tiếp theo)",
        "tham_dinh": "Xem xét tính hợp lệ của hồ sơ, dự thảo Giấy chứng nhận đăng ký doanh nghiệp hoặc thông báo",
        "ky_duyet": "Lãnh đạo Phòng Đăng ký kinh doanh phê duyệt, ký số",
        "tra_ket_qua": "Trả Giấy chứng nhận đăng ký doanh nghiệp (bản giấy hoặc bản điện tử)",
    }
    assert all(label for (_, step), label in labels.items() if step is not None)


def test_dossier_measures(office: Office) -> None:
    """The engine's per-dossier facts behind the counts (the edge cases of the rules)."""
    def facts(name: str) -> tuple[object, ...]:
        d = office.desk.show(office.codes[name])
        m = d.measures
        return m.get("result"), m.get("result_766"), m.get("worked_min"), d.clock.supplements, d.clock.extensions

    assert facts("D2") == ("on_time", "on_time", 1440, 0, 0)  # closed at the appointment's minute
    assert facts("D3") == ("late", "late", 2040, 0, 1)  # judged against the appointment before the apology
    assert facts("D6") == ("early", "early", 1290, 1, 0)  # the 8h waited are not worked
    assert facts("D7") == ("early", "late", 390, 2, 0)  # more than one supplement: late for 766
    assert facts("H1") == ("late", "on_time", 2400, 0, 0)  # after the cutoff; 17:00 vs 07:30 next day
    assert facts("N1") == ("on_time", "on_time", 2520, 0, 0)  # no appointment date
    # Refused at the desk before it was accepted: no result, no time; a dossier accepted says so.
    for name in ("D12", "L1"):
        assert facts(name) == (None, None, None, 0, 0)
        d = office.desk.show(office.codes[name])
        assert (d.outcome, d.measures.get("refused_at_desk"), "accepted" in d.measures) == ("refused", True, False)
    assert office.desk.show(office.codes["D1"]).measures["accepted"] is True
    assert office.desk.show(office.codes["N1"]).clock.due_at is None


def test_an_empty_period_divides_by_nothing(office: Office) -> None:
    report = service_report(office.desk.store, office.definitions, date(2025, 1, 1), date(2025, 1, 31),
                            targets=load_targets())
    assert report.groups == ()
    assert report.durations == ()
    assert report.total.tally == Tally()
    values = {i.key: i.value for i in report.total.indicators}
    assert values["received"] == 0
    assert [k for k in RATIOS if values[k] is not None] == []
    assert all(i.met is None and i.gap is None for i in report.total.indicators)


@pytest.mark.parametrize("grouping", ["agency", "level", "procedure", "domain"])
def test_postgres_gives_the_identical_report(grouping: str, sqlite_office: Office,
                                             postgres_office: Office) -> None:
    assert _report(postgres_office, grouping) == _report(sqlite_office, grouping)
