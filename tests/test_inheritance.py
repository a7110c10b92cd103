"""Inheritance the linter understands: a typo in an inherited id is one finding, S007 only
between the files asked for, and ``isoflow show`` prints what the engine will run."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from isoflow.cli.main import main
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
