"""The rule catalogue agrees with itself: codes, module names, docstrings, fixtures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from isoflow.validation.rules import ALL_RULES, MODULES, by_code

FIXTURES = Path(__file__).parent / "fixtures"
HEADINGS = ("What it checks:", "Why it matters:", "Flagged:", "Accepted:", "Fix:")


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in ALL_RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[PSIFXTRQNMBU]\d{3}", code) for code in codes)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.rule.code)
def test_module_is_named_after_its_rule(module: object) -> None:
    rule = module.rule  # type: ignore[attr-defined]
    expected = f"{rule.code.lower()}_{rule.name.replace('-', '_')}"
    assert module.__name__.rsplit(".", 1)[-1] == expected  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_docstring_has_every_heading(rule: object) -> None:
    doc = rule.doc or ""  # type: ignore[attr-defined]
    assert doc.startswith(f"{rule.code} {rule.name}: ")  # type: ignore[attr-defined]
    for heading in HEADINGS:
        assert heading in doc, heading


#: Rules whose invalid case is generated at test time instead of committed, and where.
GENERATED = {"P003": "tests/test_hostile_input.py (a file over 2 MiB)"}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.rule.code)
def test_every_rule_has_valid_and_invalid_fixtures(module: object) -> None:
    folder = FIXTURES / module.__name__.rsplit(".", 1)[-1]  # type: ignore[attr-defined]
    # The B rules check feature files; their cases are .feature files beside a base process.
    suffix = "feature" if module.rule.code.startswith("B") else "xml"  # type: ignore[attr-defined]
    assert list(folder.glob(f"valid*.{suffix}")), f"{folder} has no valid*.{suffix}"
    if module.rule.code in GENERATED:  # type: ignore[attr-defined]
        return
    invalid = list(folder.glob(f"invalid*.{suffix}"))
    assert invalid, f"{folder} has no invalid*.xml"
    for path in invalid:
        assert path.with_suffix(".expected").is_file(), f"{path} has no .expected file"


def test_by_code_is_case_insensitive() -> None:
    assert by_code("t002") is by_code("T002") is not None
    assert by_code("Z999") is None
