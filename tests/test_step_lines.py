"""Feature step lines checked before pytest runs them (B006), with the sentence they meant."""

from __future__ import annotations

import pytest

from isoflow.validation.sentences import SENTENCES
from isoflow.validation.step_lines import advise


@pytest.mark.parametrize(("line", "hint"), [
    ('hồ sơ được tiếp nhận lúc 17h ngày 16/02/2026 qua kênh "trực tiếp"',
     'write: hồ sơ được tiếp nhận lúc 17:00 ngày 16/02/2026 qua kênh "trực tiếp"'),
    ("bây giờ là 8h30 16/02/2026", "write: bây giờ là 08:30 16/02/2026"),
    ("đồng hồ chuyển đến 9 giờ 15 ngày 16.02.2026", "write: đồng hồ chuyển đến 09:15 ngày 16/02/2026"),
    ("the appointment is 2026-02-23 17h", "write: the appointment is 2026-02-23 17:00"),
])
def test_times_and_dates_written_otherwise_are_rewritten(line: str, hint: str) -> None:
    advice = advise(line)
    assert advice is not None
    assert advice.message.startswith("no isoflow step reads this line: times are written HH:MM and dates DD/MM/YYYY")
    assert advice.hint == hint


def test_the_offset_points_at_the_time_as_written() -> None:
    line = 'hồ sơ được tiếp nhận lúc 17h ngày 16/02/2026 qua kênh "trực tiếp"'
    advice = advise(line)
    assert advice is not None
    assert line[advice.offset:].startswith("17h")
    assert "(17:00 for 17h)" in advice.message


def test_a_quoted_value_is_never_rewritten() -> None:
    advice = advise('"le.an" thực hiện "17h"x')
    assert advice is None or "17:00" not in advice.hint


@pytest.mark.parametrize(("line", "meant"), [
    ('hồ sơ ở bươc "tham_dinh"', 'hồ sơ ở bước "{state}"'),
    ('"le.an" thuc hien "kiem_tra"', '"{actor}" thực hiện "{action}"'),
    ('the dossier is at the step "tham_dinh"', 'the dossier is at step "{state}"'),
])
def test_a_misspelt_sentence_gets_did_you_mean(line: str, meant: str) -> None:
    advice = advise(line)
    assert advice is not None
    assert advice.message == "no isoflow step reads this line"
    assert advice.hint.startswith(f"did you mean '{meant}'? e.g. ")


@pytest.mark.parametrize("line", ["tôi mở trình duyệt", "the user logs in as an administrator",
                                  'hệ thống gửi thư điện tử cho "le.an"'])
def test_a_projects_own_step_is_left_alone(line: str) -> None:
    assert advise(line) is None


@pytest.mark.parametrize("sentence", SENTENCES, ids=lambda s: f"{s.lang}-{s.step}")
def test_every_example_matches_and_needs_no_advice(sentence: object) -> None:
    example = sentence.example  # type: ignore[attr-defined]
    assert sentence.matcher.values(example) is not None  # type: ignore[attr-defined]
