"""Each rule against its fixtures: valid files give no finding of the rule, each invalid
file gives exactly the lines of its sibling ``.expected`` file.

Fixture folders are named after the rule module (``tests/rules/fixtures/<code>_<slug>/``);
files whose name starts with ``base`` are flows that other fixtures extend (or, for the B rules,
the procedure the ``.feature`` cases run), not cases; a ``templates/`` folder beside them is the
agency's own form templates.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from isoflow.validation.catalogue import Selection
from isoflow.validation.output import as_text
from isoflow.validation.rules import MODULES
from isoflow.workspace import validate_paths

FIXTURES = Path(__file__).parent / "fixtures"


def _cases(prefix: str) -> list[tuple[str, Path]]:
    cases = []
    for module in MODULES:
        code = module.rule.code
        folder = FIXTURES / module.__name__.rsplit(".", 1)[-1]
        cases.extend((code, path) for path in sorted(folder.glob(f"{prefix}*.xml")))
        cases.extend((code, path) for path in sorted(folder.glob(f"{prefix}*.feature")))
    return cases


def _lines(code: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(path.parent)
    # A fixture folder with a templates/ folder plays an agency with its own form templates.
    templates = ["templates"] if (path.parent / "templates").is_dir() else []
    # S007 is between the files asked for (its neighbours in the folder only serve extends):
    # a duplicate's partners are asked for with it, and only its own lines kept.
    partners = [p.name for p in sorted(path.parent.glob("invalid*.xml")) if p != path] if code == "S007" else []
    report = validate_paths([path.name, *partners], selection=Selection(select=(code,)), jobs=1, templates=templates)
    return [line for line in as_text(report).splitlines()[:-1] if line.startswith(path.name)]


@pytest.mark.parametrize(("code", "path"), _cases("valid"), ids=lambda v: getattr(v, "name", v))
def test_valid_fixture_has_no_finding(code: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _lines(code, path, monkeypatch) == []


@pytest.mark.parametrize(("code", "path"), _cases("invalid"), ids=lambda v: getattr(v, "name", v))
def test_invalid_fixture_gives_expected_lines(code: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert expected, f"{path.with_suffix('.expected')} is empty"
    assert _lines(code, path, monkeypatch) == expected


_PORTABLE = re.compile(r"[a-z0-9][a-z0-9._-]*")


def test_fixture_paths_are_portable() -> None:
    """Fixtures check out and run the same on every system: file names of lower-case ASCII
    letters, digits, '.', '_' and '-' only (no case-only twins on case-insensitive disks), no
    links, and every expected line names its file relatively, as the test runs it."""
    files = sorted(p for p in FIXTURES.rglob("*") if p.is_file() or p.is_symlink())
    assert files
    bad = [str(p.relative_to(FIXTURES)) for p in files
           if p.is_symlink() or not all(_PORTABLE.fullmatch(part) for part in p.relative_to(FIXTURES).parts)]
    assert bad == []
    for path in files:
        if path.suffix == ".expected":
            for line in path.read_text(encoding="utf-8").splitlines():
                named = line.split(":", 1)[0]
                assert named == path.with_suffix(".xml").name or named == path.with_suffix(".feature").name \
                    or named.startswith("base"), f"{path.name}: {line}"
                assert "\\" not in named
                assert not Path(named).is_absolute()
