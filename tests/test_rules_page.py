"""SARIF's helpUri points to a page that exists: docs/rules.md, generated from the rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from isoflow.cli.main import main
from isoflow.validation.output import DOCS_URL, rules_markdown
from isoflow.validation.rules import ALL_RULES

ROOT = Path(__file__).parent.parent
PAGE = ROOT / "docs" / "rules.md"


def _github_slug(heading: str) -> str:
    """How GitHub names a heading's anchor: lower case, punctuation dropped, spaces as '-'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_rules_page_is_generated_from_the_rules() -> None:
    assert PAGE.read_text(encoding="utf-8") == rules_markdown(), "run: isoflow rules --format markdown > docs/rules.md"


def test_every_sarif_help_uri_is_an_anchor_of_the_rules_page(tmp_path: Path) -> None:
    anchors = {_github_slug(line[3:]) for line in PAGE.read_text(encoding="utf-8").splitlines()
               if line.startswith("## ")}
    path = tmp_path / "p.xml"
    path.write_text("<process/>", encoding="utf-8")
    out = CliRunner().invoke(main, ["validate", "--format", "sarif", str(path)]).output
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) == len(ALL_RULES)
    for rule in rules:
        page, _, fragment = rule["helpUri"].partition("#")
        assert page == DOCS_URL
        assert DOCS_URL.endswith("/docs/rules.md")
        assert fragment in anchors, rule["id"]
    assert "t002-budget-exceeds-limit" in anchors


def test_the_page_explains_each_rule_with_its_headings() -> None:
    text = PAGE.read_text(encoding="utf-8")
    section = text.split("## U002 unused-suppression\n", 1)[1]
    assert section.startswith("\nSeverity: warning.\n\n**What it checks:** each ``<suppress>`` of a file")
    for heading in ("**Why it matters:**", "**Flagged:**", "**Accepted:**", "**Fix:**"):
        assert heading in section
