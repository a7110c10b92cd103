"""The documentation says what the code does: README example, commands, generated reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from isoflow.loading.reference import reference
from isoflow.validation.catalogue import Selection
from isoflow.workspace import validate_paths

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(marker: str) -> str:
    section = README.split(f"<!-- {marker} -->", 1)[1].split(f"<!-- /{marker} -->", 1)[0]
    match = re.search(r"```sh\n(.*?)\n```", section, re.S)
    assert match, marker
    return match.group(1)


def test_readme_opens_with_the_two_commands() -> None:
    head = README[: README.index("## The process language")]
    assert "isoflow validate processes/" in _block("main-command")
    assert "pytest" in _block("test-command")
    assert head.index("main-command") < head.index("test-command")


def test_ci_runs_the_readme_test_command() -> None:
    assert "test-command" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_annotated_example_is_a_clean_process(tmp_path: Path) -> None:
    example = README.split("An annotated example", 1)[1]
    xml = re.search(r"```xml\n(.*?)\n```", example, re.S)
    assert xml
    path = tmp_path / "example.xml"
    # Another code than the shipped QT-HT-02 it was shortened from, so S007 does not apply.
    text = xml.group(1).replace('code="QT-HT-02"', 'code="QT-HT-99"')
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + text, encoding="utf-8")
    report = validate_paths([path], catalogue_paths=[ROOT / "processes"], selection=Selection(), jobs=1)
    assert [str(f) for f in report.findings] == []


def test_reference_is_generated_from_the_schema() -> None:
    committed = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert committed == reference(), "run: isoflow schema --reference > docs/reference.md"


@pytest.mark.parametrize("code", re.findall(r"\b([PSFXTRQN]\d{3}) [a-z-]+", README.split("| family |")[1]))
def test_readme_rule_table_names_real_rules(code: str) -> None:
    from isoflow.validation.rules import by_code

    assert by_code(code) is not None


def test_readme_lists_the_public_api_exactly() -> None:
    """The README's table of names is ``isoflow.__all__``: nothing missing, nothing invented."""
    import isoflow

    table = README.split("## As a library", 1)[1].split("```python", 1)[0]
    listed = re.findall(r"`([A-Za-z_]+)`", "\n".join(line for line in table.splitlines() if line.startswith("| ")))
    assert sorted(listed) == sorted(isoflow.__all__)
