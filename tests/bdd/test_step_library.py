"""The step library: unambiguous sentences, NFC matching, values read the way features write them."""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

import isoflow.bdd.steps as step_functions
from isoflow.bdd.parsing import NfcParse
from isoflow.bdd.world import table_values, visible_text
from isoflow.validation.sentences import SENTENCES, STEPS, Sentence, steps_markdown
from isoflow.validation.step_values import parse_instant

ROOT = Path(__file__).resolve().parents[2]
STEP_LINE = re.compile(r"^\s*(Biết|Cho|Khi|Thì|Và|Nhưng|Given|When|Then|And|But|\*)\s+(.*\S)\s*$")


def _matching(text: str, kind: str | None = None) -> list[Sentence]:
    return [s for s in SENTENCES if (kind is None or s.kind == kind) and s.matcher.values(text) is not None]


def test_every_step_of_the_table_has_its_function_and_no_function_lacks_a_step() -> None:
    functions = {name for name, value in vars(step_functions).items()
                 if callable(value) and getattr(value, "__module__", "") == step_functions.__name__
                 and not isinstance(value, type)}
    assert {step.id for step in STEPS} == functions


@pytest.mark.parametrize("sentence", SENTENCES, ids=lambda s: f"{s.lang}:{s.pattern}")
def test_pytest_bdd_reads_a_sentence_as_the_feature_checks_do(sentence: Sentence) -> None:
    """The step library's parser (pytest-bdd) and ``isoflow validate``'s matcher are two faces of
    one table: the same example gives the same values, decomposed or not."""
    for text in (sentence.example, unicodedata.normalize("NFD", sentence.example)):
        parser = NfcParse(sentence.pattern)
        assert parser.is_matching(text)
        assert parser.parse_arguments(text) == sentence.matcher.values(text)


def test_every_step_is_registered_in_both_languages() -> None:
    vi = [s for s in SENTENCES if s.lang == "vi"]
    en = [s for s in SENTENCES if s.lang == "en"]
    assert len(vi) == len(en) >= 20
    assert [(s.kind, s.doc) for s in vi] == [(s.kind, s.doc) for s in en]


@pytest.mark.parametrize("sentence", SENTENCES, ids=lambda s: f"{s.lang}:{s.pattern}")
def test_no_two_patterns_match_the_same_sentence(sentence: Sentence) -> None:
    """Each example matches its own pattern and no other, whatever the keyword."""
    assert [s.pattern for s in _matching(sentence.example)] == [sentence.pattern]


@pytest.mark.parametrize("sentence", SENTENCES, ids=lambda s: f"{s.lang}:{s.pattern}")
def test_placeholders_are_typed(sentence: Sentence) -> None:
    """An untyped ``{x}`` matches across quotes and would make two sentences ambiguous."""
    assert all(":" in p for p in re.findall(r"\{([^}]*)\}", sentence.pattern)), sentence.pattern


def _feature_lines() -> list[tuple[str, int, str]]:
    lines = []
    for path in sorted((ROOT / "features").rglob("*.feature")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = STEP_LINE.match(line)
            if match and not line.lstrip().startswith("|"):
                lines.append((str(path.relative_to(ROOT)), number, match.group(2)))
    return lines


def test_every_step_of_the_shipped_features_matches_exactly_one_sentence() -> None:
    # The văn thư's features (features/van-thu/, issue 15) use this repository's own steps
    # besides isoflow's (tests/documents/van_thu_steps.py): a line matches exactly one of either.
    import parse

    from tests.documents.van_thu_steps import PATTERNS

    own = [parse.compile(p) for p in PATTERNS]
    problems = []
    for path, number, text in _feature_lines():
        found = [s.pattern for s in _matching(text)]
        if path.startswith("features/van-thu/"):
            found += [p.format for p in own if p.parse(unicodedata.normalize("NFC", text)) is not None]
        if len(found) != 1:
            problems.append(f"{path}:{number}: {text!r} matches {found}")
    assert not problems, "\n".join(problems)


def test_decomposed_text_matches_the_same_step() -> None:
    text = 'hồ sơ ở bước "thẩm_định"'
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    parser = NfcParse('hồ sơ ở bước "{state:Text}"')
    assert parser.is_matching(nfd)
    assert parser.parse_arguments(nfd) == {"state": "thẩm_định"}


def test_decomposed_pattern_matches_composed_text() -> None:
    parser = NfcParse(unicodedata.normalize("NFD", 'phiếu "{form:Text}" được cấp'))
    assert parser.parse_arguments('phiếu "giay-tiep-nhan" được cấp') == {"form": "giay-tiep-nhan"}


@pytest.mark.parametrize(("text", "expected"), [
    ("09:30 ngày 16/02/2026", datetime(2026, 2, 16, 9, 30)),
    ("9:05 ngày 3/1/2026", datetime(2026, 1, 3, 9, 5)),
    ("16:00 23/02/2026", datetime(2026, 2, 23, 16, 0)),
    ("2026-02-16 09:30", datetime(2026, 2, 16, 9, 30)),
])
def test_instants_are_read_as_features_write_them(text: str, expected: datetime) -> None:
    assert parse_instant(text) == expected
    assert NfcParse("bây giờ là {at:Instant}").parse_arguments(f"bây giờ là {text}") == {"at": expected}


def test_amounts_take_a_decimal_comma() -> None:
    parser = NfcParse("{amount:Number} ngày làm việc trôi qua")
    assert parser.parse_arguments("1,5 ngày làm việc trôi qua") == {"amount": Decimal("1.5")}
    assert parser.parse_arguments("2 ngày làm việc trôi qua") == {"amount": Decimal(2)}
    assert not parser.is_matching("hai ngày làm việc trôi qua")


def test_a_quoted_value_stops_at_the_quote() -> None:
    plain = NfcParse('"{actor:Text}" thực hiện "{action:Text}"')
    assert not plain.is_matching('"a" thực hiện "b" với ý kiến "c"')


def test_data_tables_skip_their_header() -> None:
    assert table_values([["trường", "giá trị"], ["ho_so_day_du", "có"], ["ghi_chu", ""]]) == \
        {"ho_so_day_du": "có", "ghi_chu": ""}
    assert table_values([["so_ban", "2"]]) == {"so_ban": "2"}
    assert table_values(None) == {}


def test_visible_text_is_what_a_reader_sees() -> None:
    html = "<style>p{color:red}</style><p>Nguy&#7877;n <b>Văn</b>\n  An</p>"
    assert visible_text(html) == "Nguyễn Văn An"


def test_readme_lists_the_steps_as_generated() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- steps:begin -->", "<!-- steps:end -->"
    assert start in readme
    assert end in readme
    listed = readme.split(start, 1)[1].split(end, 1)[0].strip()
    assert listed == steps_markdown().strip(), "regenerate with: isoflow steps --format markdown"


def test_table_instants_are_read_in_vietnamese() -> None:
    assert table_values([["ngay_hen_moi", "17:00 ngày 09/03/2026"]]) == {"ngay_hen_moi": "2026-03-09T17:00"}


def test_table_cells_are_nfc_and_rows_have_two_cells() -> None:
    nfd = unicodedata.normalize("NFD", "Thiếu giấy tờ")
    assert table_values([[unicodedata.normalize("NFD", "trường"), "giá trị"], ["ghi_chu", nfd]]) == \
        {"ghi_chu": "Thiếu giấy tờ"}
    assert table_values([["tên", "giá trị"], ["so_ban", "2"]]) == {"so_ban": "2"}
    assert table_values([["ngay", "15/03/2026"], ["sai", "31/02/2026"]]) == {"ngay": "2026-03-15", "sai": "31/02/2026"}
    with pytest.raises(AssertionError, match="Dòng bảng 1 phải có đúng hai cột"):
        table_values([["a", "b", "c"]], "vi")


def _fill(pattern: str, words: list[str], rng: random.Random) -> str:
    """A sentence of ``pattern`` with each placeholder filled by a value of its type, the text
    ones made of words taken from every sentence of the library (the likeliest to confuse)."""
    def value(match: re.Match[str]) -> str:
        kind = match.group(1).split(":")[1]
        if kind == "Instant":
            return rng.choice(["08:00 ngày 16/02/2026", "2026-02-16 08:00", "9:05 3/1/2026"])
        if kind == "Number":
            return rng.choice(["2", "1,5", "0.5"])
        return " ".join(rng.choice(words) for _ in range(rng.randint(0, 6)))
    return re.sub(r"\{([^}]*)\}", value, pattern)


def test_no_two_patterns_match_one_sentence_even_with_confusing_values() -> None:
    """Random sentences of each pattern, their quoted values built from the other patterns' own
    words: each must match its pattern and no other."""
    rng = random.Random(20261127)  # noqa: S311 - a seeded sequence of test sentences, not secrets
    words = sorted({w for s in SENTENCES for w in re.sub(r"\{[^}]*\}", " ", s.pattern).replace('"', " ").split()})
    for sentence in SENTENCES:
        for _ in range(60):
            text = _fill(sentence.pattern, words, rng)
            assert [s.pattern for s in _matching(text)] == [sentence.pattern], text
