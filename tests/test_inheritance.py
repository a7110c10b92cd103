"""Inheritance the linter understands: a typo in an inherited id is one finding, S007 only
between the files asked for, and ``isoflow show`` prints what the engine will run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import msgspec
import pytest
from click.testing import CliRunner

from isoflow.cli.main import main
from isoflow.loading.loader import load_file
from isoflow.model.definition import ProcessDefinition
from isoflow.workspace import load_runnable
from tests.conftest import PROCESSES


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _catalogue(tmp_path: Path) -> Path:
    folder = tmp_path / "processes"
    shutil.copytree(PROCESSES, folder)
    return folder


def test_a_typo_in_an_inherited_step_id_is_one_finding(tmp_path: Path) -> None:
    path = _catalogue(tmp_path) / "dang-ky-khai-sinh.xml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('<state id="tham_dinh" budget="3h">', '<state id="tham_dnh" budget="3h">'),
                    encoding="utf-8")
    code, out = run("validate", str(path))
    assert code == 1
    # Not F001 unreachable, F002 trap, R003 no owner and T002 over the limit (the flow's 1.5d kept).
    assert out.splitlines() == [
        f"{path}:96:5: I001 unknown-inherited: no inherited state 'tham_dnh' in MC-CHUNG (did you mean "
        "'tham_dinh'? A new state on purpose says so with <suppress rule=\"I001\" reason=\"...\"/> inside it)",
        "1 file checked: 1 error, 0 warnings.",
    ]


def test_a_new_step_on_purpose_is_said_with_a_suppression(tmp_path: Path) -> None:
    path = _catalogue(tmp_path) / "dang-ky-khai-sinh.xml"
    text = path.read_text(encoding="utf-8")
    start = text.index('<state id="tham_dinh" budget="3h">')
    end = text.index("</state>", start)
    # Without the suppression the new step would be taken for a typo of tham_dinh.
    text = (text[:start] + '<state id="tham_dinh2" unit="tu-phap" role="cong-chuc-tu-phap" budget="3h">'
            + text[start + len('<state id="tham_dinh" budget="3h">'):end]
            + '  <suppress rule="I001" reason="bước mới"/>\n    ' + text[end:])
    path.write_text(text, encoding="utf-8")
    _, out = run("validate", "--select", "I001,U", str(path))
    assert out.splitlines() == ["1 file checked: no problems found (1 suppressed)."]


def test_s007_only_between_the_files_asked_for(tmp_path: Path) -> None:
    folder = _catalogue(tmp_path)
    # Two drafts in the same folder with the same code as the shipped procedure.
    for name in ("nhap-1.xml", "nhap-2.xml"):
        shutil.copy(folder / "chung-thuc-ban-sao.xml", folder / name)
    code, out = run("validate", str(folder / "dang-ky-khai-sinh.xml"))
    assert (code, out.splitlines()) == (0, ["1 file checked: no problems found."])
    code, out = run("validate", str(folder / "chung-thuc-ban-sao.xml"))
    assert (code, out.splitlines()) == (0, ["1 file checked: no problems found."])
    code, out = run("validate", str(folder / "chung-thuc-ban-sao.xml"), str(folder / "nhap-1.xml"))
    assert code == 1
    assert out.splitlines()[0].endswith(
        f"is also declared in {folder / 'nhap-1.xml'} (the same procedure twice: give the new version a new "
        "revision number, or remove the stale copy)")
    _, out = run("validate", str(folder))
    assert out.count("S007 duplicate-code") == 3


def test_s007_hint_for_another_procedure_says_choose_a_new_code(tmp_path: Path) -> None:
    folder = _catalogue(tmp_path)
    text = (folder / "dang-ky-khai-tu.xml").read_text(encoding="utf-8")
    code = text.split('code="', 1)[1].split('"', 1)[0]
    other = (folder / "dang-ky-ket-hon.xml").read_text(encoding="utf-8")
    other_code = other.split('code="', 1)[1].split('"', 1)[0]
    (folder / "dang-ky-ket-hon.xml").write_text(other.replace(f'code="{other_code}"', f'code="{code}"', 1),
                                                encoding="utf-8")
    _, out = run("validate", str(folder / "dang-ky-khai-tu.xml"), str(folder / "dang-ky-ket-hon.xml"))
    line = next(line for line in out.splitlines() if "dang-ky-khai-tu.xml" in line.split(":")[0])
    assert line.endswith("has this code: choose a new code for this one)")
    assert "another procedure (Đăng ký kết hôn" in line


def _plain(definition: ProcessDefinition) -> dict[str, list[dict[str, object]]]:
    """The merged sections without locations: what the engine runs."""
    return {section: [{k: v for k, v in msgspec.structs.asdict(node).items() if k not in ("location", "suppressions")}
                      | {"effects": [(e.field, e.value) for e in getattr(node, "effects", None) or ()]}
                      | ({"number": (node.number.register, node.number.field)} if getattr(node, "number", None) else {})
                      for node in getattr(definition, section)]
            for section in ("roles", "units", "fields", "forms", "states", "actions", "records")}


@pytest.mark.parametrize("name", sorted(p.name for p in PROCESSES.glob("*.xml")))
def test_show_xml_is_a_process_file_that_loads_as_the_merged_procedure(name: str, tmp_path: Path) -> None:
    code, out = run("show", "--format", "xml", str(PROCESSES / name))
    assert code == 0
    path = tmp_path / name
    path.write_text(out, encoding="utf-8")
    assert re.search(r"<(process|flow)\s[^>]*extends=", re.sub("<!--.*?-->", "", out, flags=re.S)) is None
    code, report = run("validate", "--strict", str(path))
    assert (code, report.splitlines()) == (0, ["1 file checked: no problems found."])
    [expected] = [d for d in load_runnable([PROCESSES]) if d.file.endswith(name)] or [None]
    if expected is None:  # a flow: shown as written
        expected = load_file(PROCESSES / name).definition
    shown = load_file(path).definition
    assert shown is not None
    assert expected is not None
    assert _plain(shown) == _plain(expected)
    assert (shown.code, shown.revision, shown.title) == (expected.code, expected.revision, expected.title)


def test_show_outline_marks_what_came_from_the_flow() -> None:
    code, out = run("show", str(PROCESSES / "dang-ky-khai-sinh.xml"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "process QT-HT-01 revision 1: Đăng ký khai sinh (extends MC-CHUNG)"
    flow = PROCESSES / "mot-cua-chung.xml"
    waiting = lines.index("  cho_bo_sung: Chờ tổ chức, cá nhân bổ sung, hoàn thiện hồ sơ (dừng tính thời hạn)")
    assert lines[waiting + 1] == f"      waiting, bp-mot-cua / cong-chuc-mot-cua   [flow {flow}:115]"
    assert (f"      work, initial, bp-mot-cua / cong-chuc-mot-cua, budget 1h   [restated here (budget) over "
            f"{flow}:112]") in lines
    assert any(line.startswith("fields: ") and "ho_ten_tre [new]" in line for line in lines)


def test_show_refuses_a_file_whose_flow_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    shutil.copy(PROCESSES / "dang-ky-khai-sinh.xml", path)
    result = CliRunner().invoke(main, ["show", str(path)])
    assert result.exit_code == 1
    assert "S005 unknown-base: process 'QT-HT-01' extends 'MC-CHUNG'" in result.output
