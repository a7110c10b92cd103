"""Suppressions a linter user can trust: on the element the finding points at, unknown codes
refused, unused ones told, silenced findings kept in the report (JSON, SARIF, the summary)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from isoflow.cli.main import main
from tests.conftest import PROCESSES

FIXTURES = Path(__file__).parent / "rules" / "fixtures"
#: T002 over the limit (26h against 3 working days), silenced inside <time-limit> (line 25).
SILENCED = FIXTURES / "u002_unused_suppression" / "valid-time-limit.xml"
REASON = "Sở Tư pháp cho phép kéo dài, văn bản 12/STP"


def run(*args: str) -> tuple[int, str]:
    # The fixtures, like most rule fixtures, have no action labels: N002 is not their subject.
    result = CliRunner().invoke(main, [*args[:1], "--ignore", "N002", *args[1:]])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _alone(tmp_path: Path, text: str, name: str = "p.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_suppression_inside_time_limit_silences_t002_and_the_summary_counts_it(tmp_path: Path) -> None:
    path = _alone(tmp_path, SILENCED.read_text(encoding="utf-8"))
    code, out = run("validate", str(path))
    assert code == 0
    assert out.splitlines() == ["1 file checked: no problems found (1 suppressed)."]


def test_without_the_suppression_t002_points_at_the_time_limit(tmp_path: Path) -> None:
    text = SILENCED.read_text(encoding="utf-8").replace(f'      <suppress rule="T002" reason="{REASON}"/>\n', "")
    path = _alone(tmp_path, text)
    code, out = run("validate", str(path))
    assert code == 1
    assert out.splitlines()[0].startswith(f"{path}:24:5: T002 budget-exceeds-limit: step budgets")


def test_suppressed_findings_are_in_json_with_their_reason(tmp_path: Path) -> None:
    path = _alone(tmp_path, SILENCED.read_text(encoding="utf-8"))
    code, out = run("validate", "--format", "json", str(path))
    document = json.loads(out)
    assert code == 0
    assert document["summary"] == {"files": 1, "errors": 0, "warnings": 0, "unreadable": 0, "suppressed": 1}
    assert document["findings"] == []
    [silenced] = document["suppressed"]
    assert (silenced["code"], silenced["line"], silenced["column"]) == ("T002", 24, 5)
    assert silenced["suppression"] == {"reason": REASON, "file": str(path), "line": 25, "column": 7}


def test_suppressed_findings_are_in_sarif_suppressions(tmp_path: Path) -> None:
    path = _alone(tmp_path, SILENCED.read_text(encoding="utf-8"))
    _, out = run("validate", "--format", "sarif", str(path))
    [result] = json.loads(out)["runs"][0]["results"]
    assert result["ruleId"] == "T002"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 24, "startColumn": 5}
    assert result["suppressions"] == [{
        "kind": "inSource", "status": "accepted", "justification": REASON,
        "location": {"physicalLocation": {"artifactLocation": {"uri": path.as_posix()},
                                          "region": {"startLine": 25, "startColumn": 7}}}}]


def test_a_suppression_on_the_step_is_unused_and_says_where_t002_is(tmp_path: Path) -> None:
    text = (FIXTURES / "u002_unused_suppression" / "invalid.xml").read_text(encoding="utf-8")
    path = _alone(tmp_path, text)
    code, out = run("validate", str(path))
    assert code == 1
    assert out.splitlines()[1:] == [
        f'{path}:49:7: U002 unused-suppression: <suppress rule="T002"> on <state id="tham_dinh"> silences nothing '
        "(T002 is reported at line 24:5: move the suppression into the element there)",
        f'{path}:50:7: U002 unused-suppression: <suppress rule="T001"> on <state id="tham_dinh"> silences nothing '
        "(remove it)",
        "1 file checked: 1 error, 2 warnings.",
    ]


def test_an_unknown_rule_code_is_an_error_with_did_you_mean(tmp_path: Path) -> None:
    text = SILENCED.read_text(encoding="utf-8").replace('rule="T002"', 'rule="T020"')
    path = _alone(tmp_path, text)
    code, out = run("validate", str(path))
    assert code == 1
    assert (f"{path}:25:7: U001 unknown-suppression: <suppress> names rule 'T020', which does not exist "
            "(did you mean 'T002'?)") in out.splitlines()
    assert "T002 budget-exceeds-limit" in out  # a mistyped code silences nothing


def test_a_whole_file_suppression_still_works_and_is_counted(tmp_path: Path) -> None:
    text = SILENCED.read_text(encoding="utf-8").replace(f'      <suppress rule="T002" reason="{REASON}"/>\n', "")
    text = text.replace('effective="2026-12-01">',
                        f'effective="2026-12-01">\n  <suppress rule="T002" reason="{REASON}"/>')
    path = _alone(tmp_path, text)
    code, out = run("validate", str(path))
    assert (code, out.splitlines()[-1]) == (0, "1 file checked: no problems found (1 suppressed).")


def test_an_unused_whole_file_suppression_is_told(tmp_path: Path) -> None:
    text = SILENCED.read_text(encoding="utf-8").replace(
        'effective="2026-12-01">', 'effective="2026-12-01">\n  <suppress rule="F002" reason="phòng khi cần"/>')
    path = _alone(tmp_path, text)
    code, out = run("validate", str(path))
    assert code == 0
    assert out.splitlines() == [
        f'{path}:4:3: U002 unused-suppression: <suppress rule="F002"> on <process> silences nothing (remove it)',
        "1 file checked: 0 errors, 1 warning (1 suppressed).",
    ]


def test_a_suppression_on_a_restated_inherited_step_follows_its_id(tmp_path: Path) -> None:
    # tham_dinh is declared in the flow (mot-cua-chung.xml) and restated by the procedure with
    # a role nobody declared: S003 about the step, silenced on the restatement.
    folder = tmp_path / "processes"
    shutil.copytree(PROCESSES, folder)
    path = folder / "dang-ky-khai-sinh.xml"
    text = path.read_text(encoding="utf-8")
    start = text.index('<state id="tham_dinh" budget="3h">')
    end = text.index("</state>", start)
    text = (text[:start] + '<state id="tham_dinh" budget="3h" role="khong-co">' + text[start + 34:end]
            + '  <suppress rule="S003" reason="vai trò sẽ được bổ sung"/>\n    ' + text[end:])
    path.write_text(text, encoding="utf-8")
    code, out = run("validate", "--format", "json", str(path))
    document = json.loads(out)
    assert [f["code"] for f in document["findings"]] == []
    assert [(s["code"], s["element_id"]) for s in document["suppressed"]] == [("S003", "tham_dinh")]
    assert code == 0


def test_a_suppression_inside_procedure_silences_q001_there_only(tmp_path: Path) -> None:
    text = (PROCESSES / "chung-thuc-ban-sao.xml").read_text(encoding="utf-8")
    start, end = text.index("<purpose>"), text.index("</purpose>") + len("</purpose>")
    text = text[:start] + text[end:]
    opening = text.index("<procedure")
    tag_end = text.index(">", opening) + 1
    silenced = (text[:tag_end] + '\n    <suppress rule="Q001" reason="Mục đích nêu trong quyết định ban hành"/>'
                + text[tag_end:])
    path = _alone(tmp_path, silenced)
    code, out = run("validate", "--strict", str(path))
    assert (code, out.splitlines()) == (0, ["1 file checked: no problems found (1 suppressed)."])
    path = _alone(tmp_path, text, "plain.xml")
    code, out = run("validate", "--strict", str(path))
    assert code == 1
    assert "Q001 purpose-scope: the procedure has no <purpose>" in out
