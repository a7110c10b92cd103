"""The isoflow command as CI and people use it: output, formats, options, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from isoflow.cli.main import main
from tests.conftest import FLOW, PROCESSES

BROKEN = FLOW.replace('to="ky_duyet" roles="chuyen-vien"', 'to="ky_duyet_x" roles="chuyen-vien"')


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_shipped_processes_are_clean() -> None:
    code, out = run("validate", "--strict", str(PROCESSES))
    assert code == 0, out
    assert out.strip().endswith("checked: no problems found.")


def test_findings_print_like_a_compiler_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(BROKEN, encoding="utf-8")
    code, out = run("validate", str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (f"{path}:25:45: S003 unresolved-reference: action 'trinh' from 'tham_dinh' "
                        "to='ky_duyet_x': no state 'ky_duyet_x' is declared (did you mean 'ky_duyet'?)")
    assert lines[-1] == "1 file checked: 1 error, 0 warnings."


def test_select_and_ignore_filter_by_code_prefix(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(BROKEN, encoding="utf-8")
    _, out = run("validate", "--select", "S", str(path))
    assert [line.split(": ")[1].split()[0] for line in out.splitlines()[:-1]] == ["S003"]
    code, out = run("validate", "--ignore", "S003,F", str(path))
    assert code == 0, out


def test_unknown_rule_code_is_a_usage_error(flow_file: Path) -> None:
    code, out = run("validate", "--select", "Z9", str(flow_file))
    assert code == 2
    assert "'Z9' matches no rule" in out


def test_json_output(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(BROKEN, encoding="utf-8")
    code, out = run("validate", "--format", "json", str(path))
    document = json.loads(out)
    assert code == 1
    assert document["summary"] == {"files": 1, "errors": 1, "warnings": 0, "unreadable": 0, "suppressed": 0}
    first = document["findings"][0]
    assert (first["code"], first["line"], first["column"], first["severity"]) == ("S003", 25, 45, "error")
    assert first["hint"] == "did you mean 'ky_duyet'?"


def test_sarif_output_is_sarif_2_1_0(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(BROKEN, encoding="utf-8")
    _, out = run("validate", "--format", "sarif", str(path))
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    result = run_["results"][0]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "S003"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 25, "startColumn": 45}


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    process = (PROCESSES / "chung-thuc-ban-sao.xml").read_text(encoding="utf-8")
    start, end = process.index("<purpose>"), process.index("</purpose>") + len("</purpose>")
    path = tmp_path / "p.xml"
    path.write_text(process[:start] + process[end:], encoding="utf-8")
    code, out = run("validate", str(path))
    assert code == 0
    assert "Q001 purpose-scope: the procedure has no <purpose>" in out
    assert out.splitlines()[-1] == "1 file checked: 0 errors, 1 warning."
    code, _ = run("validate", "--strict", str(path))
    assert code == 1


def test_suppression_with_reason_silences_one_rule_on_one_element(tmp_path: Path) -> None:
    text = BROKEN.replace(
        '<action id="trinh" from="tham_dinh" to="ky_duyet_x" roles="chuyen-vien" duty="prepare"/>',
        '<action id="trinh" from="tham_dinh" to="ky_duyet_x" roles="chuyen-vien" duty="prepare">'
        '<suppress rule="S003" reason="đang chờ bổ sung bước ký"/></action>')
    path = tmp_path / "p.xml"
    path.write_text(text, encoding="utf-8")
    _, out = run("validate", "--select", "S003", str(path))
    assert "S003" not in out.splitlines()[0]


def test_suppression_without_reason_is_refused(tmp_path: Path) -> None:
    text = FLOW.replace('<title>Luồng thử</title>', '<title>Luồng thử</title>').replace(
        '<flow xmlns="urn:isoflow:process:1" code="TEST-FLOW" revision="1">',
        '<flow xmlns="urn:isoflow:process:1" code="TEST-FLOW" revision="1">\n  <suppress rule="T001" reason=" "/>')
    path = tmp_path / "p.xml"
    path.write_text(text, encoding="utf-8")
    code, out = run("validate", str(path))
    assert code == 1
    assert "P006 xml-schema: <suppress> attribute 'reason'" in out


def test_missing_path_is_exit_2(tmp_path: Path) -> None:
    code, out = run("validate", str(tmp_path / "nope"))
    assert code == 2
    assert "no such file or folder" in out


def test_empty_folder_is_reported_not_silently_clean(tmp_path: Path) -> None:
    code, out = run("validate", str(tmp_path))
    assert code == 2
    assert "no process files (*.xml) or features (*.feature) in this folder" in out


def test_rules_lists_and_explains() -> None:
    code, out = run("rules")
    assert code == 0
    assert out.splitlines()[0].startswith("P001  xml-syntax")
    code, out = run("rules", "t002")
    assert code == 0
    assert out.startswith("T002 budget-exceeds-limit (error)")
    assert "Fix:" in out
    code, out = run("rules", "Z999")
    assert code == 2


def test_rules_json() -> None:
    code, out = run("rules", "--format", "json")
    assert code == 0
    assert {r["code"] for r in json.loads(out)} >= {"S001", "T002", "N001"}


def test_schema_command_prints_the_xsd_and_its_path() -> None:
    code, out = run("schema", "--path")
    assert code == 0
    assert Path(out.strip()).is_file()
    code, out = run("schema")
    assert 'targetNamespace="urn:isoflow:process:1"' in out


def test_a_fifo_is_refused_not_waited_for(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    code, out = run("validate", str(fifo))
    assert code == 2
    assert "not a regular file" in out


FEATURES = PROCESSES.parent / "features"


def test_shipped_features_are_clean_with_their_processes() -> None:
    code, out = run("validate", "--strict", str(PROCESSES), str(FEATURES))
    assert code == 0, out


def test_features_alone_warn_that_their_procedures_are_unknown() -> None:
    """A folder of features only is accepted; without the processes every code is unknown."""
    code, out = run("validate", "--select", "B", str(FEATURES))
    assert code == 0, out
    assert " B002 unknown-procedure: no procedure " in out
    code, _ = run("validate", "--strict", "--select", "B", str(FEATURES))
    assert code == 1


def test_a_misspelt_action_in_a_feature_is_found(tmp_path: Path) -> None:
    feature = tmp_path / "x.feature"
    feature.write_text('# language: vi\nTính năng: x\n  Kịch bản: y\n    Biết quy trình "QT-DKKD-01" đang có hiệu lực\n'
                       '    Và "a" giữ vai trò "cong-chuc-mot-cua"\n'
                       '    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tiếp"\n'
                       '    Và "a" thực hiện "kiem_traa"\n', encoding="utf-8")
    code, out = run("validate", "--format", "json", str(PROCESSES), str(feature))
    assert code == 1  # an unknown action is an error: the scenario cannot pass
    found = [f for f in json.loads(out)["findings"] if f["file"] == str(feature)]
    assert [(f["code"], f["severity"], f["line"], f["column"]) for f in found] == [("B003", "error", 7, 8)]
    assert "did you mean 'kiem_tra'?" in found[0]["hint"]


def test_steps_lists_the_library_for_people_and_tools() -> None:
    code, out = run("steps", "--lang", "vi")
    assert code == 0
    assert 'Khi "{actor:Text}" thực hiện "{action:Text}"  (+ table)' in out
    assert "Given" not in out
    code, out = run("steps", "--format", "json")
    steps = json.loads(out)
    assert {s["lang"] for s in steps} == {"vi", "en"}
    assert all(s["example"] and s["doc"] for s in steps)


#: The installed command, run as a real process so that argv holds real bytes.
ISOFLOW = str(Path(sys.executable).parent / "isoflow")
NOT_UTF8 = "is not valid UTF-8 (check the encoding of the terminal or script)"


@pytest.mark.parametrize(("args", "line"), [
    ([b"dossier", b"receive", b"QT-CT-01", b"--unit", b"H\xff40", b"--actor", b"le.an"],
     f"isoflow: the value of --unit, 'H\\xff40', {NOT_UTF8}"),
    ([b"dossier", b"receive", b"QT-CT-01", b"--unit", b"H40", b"--applicant", b"ho_ten=Nguy\xe1n"],
     f"isoflow: the value of --applicant, 'ho_ten=Nguy\\xe1n', {NOT_UTF8}"),
    ([b"dossier", b"--db=sqlite:///\xff.db", b"due"], f"isoflow: the value of --db, 'sqlite:///\\xff.db', {NOT_UTF8}"),
    ([b"validate", b"--strict", "Trần".encode() + b"\xc3.xml"], f"isoflow: the argument 'Trần\\xc3.xml' {NOT_UTF8}"),
    ([b"rules", b"T\x80"], f"isoflow: the argument 'T\\x80' {NOT_UTF8}"),
])
def test_an_argument_that_is_not_utf8_is_one_line_and_exit_2(args: list[bytes], line: str, tmp_path: Path) -> None:
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    done = subprocess.run([ISOFLOW.encode(), *args], capture_output=True, cwd=tmp_path, env=env, timeout=60)
    assert (done.returncode, done.stdout, done.stderr.decode()) == (2, b"", line + "\n")
    assert not list(tmp_path.iterdir())  # nothing was created (no database file)


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_json_stays_utf8_for_a_file_whose_name_is_not(tmp_path: Path, output_format: str) -> None:
    """A file found in a folder whose name is not UTF-8 is written as a \\udcff escape: the
    output is still JSON that a UTF-8 reader parses, and names the same bytes."""
    (tmp_path / "procs").mkdir()
    Path(os.fsdecode(bytes(tmp_path / "procs") + b"/h\xff.xml")).write_text(BROKEN, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "from isoflow.cli import main; main()", "validate", "--format",
                           output_format, str(tmp_path / "procs")], capture_output=True, check=False)
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout.decode("utf-8"))
    assert "h\\udcff.xml" in json.dumps(document)
