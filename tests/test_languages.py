"""Vietnamese and English: catalogues current and complete, the language chosen as documented,
the clerk's output without Python values, and the README's shell example working as written."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from isoflow import i18n
from isoflow.cli.main import main
from tests.conftest import PROCESSES

ROOT = Path(__file__).parent.parent
PO = ROOT / "src" / "isoflow" / "locale" / "vi" / "LC_MESSAGES" / "isoflow.po"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner(env=env).invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_the_catalogues_are_current_and_compiled() -> None:
    """The template holds every message of the code, the .po is updated from it, the .mo
    compiled from the .po (scripts/update_catalogue.py --check changes nothing)."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_catalogue.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr + "\nrun: python scripts/update_catalogue.py"


def test_every_message_has_a_vietnamese_translation() -> None:
    from babel.messages.pofile import read_po

    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="vi")
    untranslated = [m.id for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple)
                                                             else (m.string,))]
    assert untranslated == []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        # A translation keeps the placeholders its message fills in.
        assert set(re.findall(r"\{[^}]*\}", strings[0])) == set(re.findall(r"\{[^}]*\}", ids[0])), ids[0]


@pytest.mark.parametrize(("environ", "language"), [
    ({"LANG": "vi_VN.UTF-8"}, "vi"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({}, "en"),
    ({"LC_ALL": "vi_VN", "LANG": "en_US.UTF-8"}, "vi"),
    ({"LANGUAGE": "en:vi", "LANG": "vi_VN.UTF-8"}, "en"),
    ({"ISOFLOW_LANG": "vi", "LANG": "C.UTF-8"}, "vi"),
    ({"ISOFLOW_LANG": "en", "LANG": "vi_VN.UTF-8"}, "en"),
])
def test_the_language_comes_from_the_locale(environ: dict[str, str], language: str) -> None:
    assert i18n.default_language(environ) == language


def test_validate_speaks_the_language_asked() -> None:
    path = str(PROCESSES / "chung-thuc-ban-sao.xml")
    assert run("--lang", "vi", "validate", path)[1].splitlines() == ["Đã kiểm tra 1 tệp: không có vấn đề nào."]
    assert run("--lang", "en", "validate", path)[1].splitlines() == ["1 file checked: no problems found."]
    vietnamese = {"LANG": "vi_VN.UTF-8", "ISOFLOW_LANG": ""}
    assert run("validate", path, env=vietnamese)[1].splitlines() == ["Đã kiểm tra 1 tệp: không có vấn đề nào."]
    english = {"LANG": "C.UTF-8", "ISOFLOW_LANG": "", "LC_ALL": "", "LANGUAGE": "", "LC_MESSAGES": ""}
    assert run("validate", path, env=english)[1].splitlines() == ["1 file checked: no problems found."]


def test_rules_speak_the_language_asked() -> None:
    _, out = run("--lang", "vi", "rules")
    assert "T002  budget-exceeds-limit       lỗi      tổng thời gian các bước không vượt thời hạn giải quyết theo " \
           "luật." in out.splitlines()
    assert "Q001  purpose-scope              cảnh báo quy trình nêu mục đích và phạm vi áp dụng." in out.splitlines()
    _, out = run("--lang", "en", "rules")
    assert "T002  budget-exceeds-limit       error    the step budgets fit within the legal time limit." in \
        out.splitlines()


@pytest.fixture
def shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder like a clerk's: the shipped processes, no database yet."""
    (tmp_path / "processes").symlink_to(PROCESSES, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ISOFLOW_DB", raising=False)
    return tmp_path


def _readme_commands() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### From the shell", 1)[1]
    block = re.search(r"```sh\n(.*?)\n```", section, re.S)
    assert block
    text = block.group(1).replace("\\\n", " ")
    return [shlex.split(line, comments=True) for line in text.splitlines() if line.strip()]


def test_the_readme_shell_example_works_as_written(shell: Path) -> None:
    commands = _readme_commands()
    assert [c[2] for c in commands] == ["receive", "act", "show", "history", "due", "close", "remind", "verify"]
    outputs = {}
    for command in commands:
        assert command[0] == "isoflow"
        code, out = run("--lang", "vi", *command[1:])
        assert code == 0, f"{shlex.join(command)}\n{out}"
        outputs[command[2]] = out
    assert "  bước: rut_yeu_cau – " in outputs["close"]
    assert "  kết thúc: 10/01/2026 09:30 (rút hồ sơ)" in outputs["close"].splitlines()
    assert outputs["verify"].startswith("Đã kiểm chứng: ")
    for out in outputs.values():
        for python in ("True", "False", "None", "in_person", "withdrawn", "early", "on_time", "item(s)"):
            assert python not in out, (python, out)


def test_entering_what_an_action_needs_is_said(shell: Path) -> None:
    receive = _readme_commands()[0]
    run("--lang", "vi", *receive[1:])
    code, out = run("--lang", "vi", "dossier", "act", "H40-260109-0001", "nhan_ho_so", "--actor", "le.an",
                    "--role", "cong-chuc-mot-cua", "--at", "2026-01-10 07:45", "--set", "ban_chinh_hop_le=true",
                    "--set", "ban_sao_dung=true")
    assert code == 1
    assert out.splitlines() == [
        "isoflow: hồ sơ H40-260109-0001: không thực hiện được 'nhan_ho_so' ở bước 'tiep_nhan': hãy nhập "
        "Số trang của mỗi bản sao (so_trang: số nguyên); Số bản sao yêu cầu chứng thực (so_ban: số nguyên) "
        "(--set so_trang=... --set so_ban=...)"]


def test_withdrawing_at_the_desk_says_where_it_can_be_done(shell: Path) -> None:
    receive = _readme_commands()[0]
    run("--lang", "en", *receive[1:])
    code, out = run("--lang", "en", "dossier", "close", "H40-260109-0001", "--reason", "Công dân xin rút",
                    "--actor", "le.an", "--role", "cong-chuc-mot-cua", "--at", "2026-01-09 15:40")
    assert code == 1
    assert out.splitlines()[-1].endswith(
        "from this step; cong-chuc-mot-cua can do it from the steps: cho_bo_sung, lap_loi_chung")


def test_an_unknown_role_is_refused_when_receiving(shell: Path) -> None:
    receive = _readme_commands()[0]
    args = [a if a != "cong-chuc-mot-cua" else "cong-chuc-mot-cau" for a in receive[1:]]
    code, out = run("--lang", "en", *args)
    assert code == 2
    assert out.splitlines()[-1].startswith(
        "isoflow: procedure QT-CT-01 has no role 'cong-chuc-mot-cau' (did you mean 'cong-chuc-mot-cua'?); "
        "its roles: cong-chuc-mot-cua (")
    code, out = run("--lang", "en", "dossier", "show", "H40-260109-0001")  # nothing was received
    assert (code, out.splitlines()[-1]) == (1, "isoflow: no dossier 'H40-260109-0001' in the store")


def test_findings_speak_the_language_asked(tmp_path: Path) -> None:
    path = tmp_path / "p.xml"
    text = (PROCESSES / "dang-ky-khai-sinh.xml").read_text(encoding="utf-8")
    path.write_text(text.replace('<state id="tham_dinh" budget="3h">', '<state id="tham_dnh" budget="3h">'),
                    encoding="utf-8")
    (tmp_path / "mot-cua-chung.xml").write_bytes((PROCESSES / "mot-cua-chung.xml").read_bytes())
    _, out = run("--lang", "vi", "validate", str(path))
    assert out.splitlines() == [
        f"{path}:96:5: I001 unknown-inherited: không có bước 'tham_dnh' để kế thừa trong MC-CHUNG (có phải "
        "'tham_dinh'? Nếu cố ý thêm bước mới, ghi <suppress rule=\"I001\" reason=\"...\"/> bên trong nó)",
        "Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo."]
    _, out = run("--lang", "en", "validate", str(path))
    assert out.splitlines()[0].endswith("I001 unknown-inherited: no inherited state 'tham_dnh' in MC-CHUNG (did you "
                                        "mean 'tham_dinh'? A new state on purpose says so with <suppress "
                                        "rule=\"I001\" reason=\"...\"/> inside it)")


def test_show_and_fix_speak_the_language_asked(tmp_path: Path) -> None:
    path = str(PROCESSES / "dang-ky-khai-sinh.xml")
    lines = run("--lang", "vi", "show", path)[1].splitlines()
    assert lines[0] == "quy trình QT-HT-01 lần ban hành 1: Đăng ký khai sinh (kế thừa MC-CHUNG)"
    assert lines[-1].startswith("hồ sơ cần lưu: so-theo-doi [luồng], ")
    assert lines[-1].endswith("so-dang-ky-khai-sinh [mới]")
    (tmp_path / "a.xml").write_bytes((PROCESSES / "mot-cua-chung.xml").read_bytes())
    assert run("--lang", "vi", "fix", str(tmp_path))[1].splitlines() == [
        "Đã viết lại 0 tệp sang NFC, 1 tệp đã ở dạng NFC."]


def test_schema_errors_speak_the_language_asked(tmp_path: Path) -> None:
    text = (PROCESSES / "chung-thuc-ban-sao.xml").read_text(encoding="utf-8")
    path = tmp_path / "p.xml"
    path.write_text(text.replace('kind="final"', 'kind="finals"', 1), encoding="utf-8")
    _, out = run("--lang", "vi", "validate", str(path))
    assert out.splitlines()[0].split(": ", 1)[1] == (
        "P006 xml-schema: <state> attribute 'kind': 'finals' không thuộc các giá trị cho phép: work, waiting, final "
        "(có phải 'final'?)")


def test_a_command_leaves_the_language_as_it_found_it() -> None:
    """The library speaks English unless asked; a command run in-process does not change that."""
    assert i18n.current() == "en"
    run("--lang", "vi", "validate", str(PROCESSES / "chung-thuc-ban-sao.xml"))
    assert i18n.current() == "en"
    from isoflow.validation.output import summary
    from isoflow.workspace import validate_paths

    assert summary(validate_paths([PROCESSES / "chung-thuc-ban-sao.xml"], jobs=1)) == (
        "1 file checked: no problems found.")


def test_loader_and_rule_findings_speak_the_language_asked(tmp_path: Path) -> None:
    """P001, T002, S009, X001 and R002: whole sentences translated, the English as it was."""
    text = (PROCESSES / "chung-thuc-ban-sao.xml").read_text(encoding="utf-8")
    text = text.replace('role="cong-chuc-tu-phap" budget="3h"', 'role="cong-chuc-tu-phap" budget="2d"')
    text = text.replace('<field id="so_trang" type="int" min="1">', '<field id="so_trang" type="int" min="1.5">')
    (tmp_path / "p.xml").write_text(text, encoding="utf-8")
    (tmp_path / "bad.xml").write_text('<process xmlns="urn:isoflow:process:1">\n  <title>x</titel>\n</process>\n',
                                      encoding="utf-8")
    flow = (ROOT / "tests" / "rules" / "fixtures" / "x001_expression_syntax" / "invalid-assignment.xml")
    (tmp_path / "f.xml").write_bytes(flow.read_bytes())
    shared = ROOT / "tests" / "rules" / "fixtures" / "r002_self_approval" / "invalid-shared-role.xml"
    (tmp_path / "r.xml").write_bytes(shared.read_bytes())
    files = [str(tmp_path / name) for name in ("bad.xml", "f.xml", "p.xml", "r.xml")]
    _, out = run("--lang", "vi", "validate", *files)
    found = [line.split(": ", 1)[1] for line in out.splitlines()[:-1]]
    assert found == [
        "P001 xml-syntax: XML sai cú pháp: Opening and ending tag mismatch: title line 2 and titel",
        "X001 expression-syntax: ở thao tác 'nhan_ho_so' từ bước 'tiep_nhan': '=' is not allowed; use == to compare",
        "T002 budget-exceeds-limit: thời gian các bước trên đường đi dài nhất được tính vào thời hạn theo luật cộng "
        "lại là 21h, vượt thời hạn giải quyết theo luật là ngay trong ngày làm việc (8h): tiep_nhan 1h → "
        "lap_loi_chung 2d → ky_chung_thuc 2h → dong_dau 1h → tra_ket_qua 1h (hãy rút ngắn thời gian các bước này "
        "hoặc sửa thời hạn giải quyết theo luật)",
        "S009 field-range: trường 'so_trang': min 1.5 nằm ngoài những giá trị trường int chứa được (số nguyên) (hãy "
        "ghi min mà trường chứa được, hoặc bỏ đi)",
        "R002 self-approval: thao tác 'ky' từ bước 'ky_duyet' là phê duyệt, nhưng vai trò 'chuyen-vien' cũng được "
        "chuẩn bị hồ sơ (thao tác 'trinh' từ bước 'tham_dinh') (hãy giao việc phê duyệt và việc chuẩn bị hồ sơ cho "
        "các vai trò khác nhau)"]
    _, out = run("--lang", "en", "validate", *files)
    found = [line.split(": ", 1)[1] for line in out.splitlines()[:-1]]
    assert found == [
        "P001 xml-syntax: not well-formed XML: Opening and ending tag mismatch: title line 2 and titel",
        "X001 expression-syntax: in action 'nhan_ho_so' from 'tiep_nhan': '=' is not allowed; use == to compare",
        "T002 budget-exceeds-limit: step budgets on the longest path the legal clock runs add up to 21h, over the "
        "legal limit of the same working day (8h): tiep_nhan 1h → lap_loi_chung 2d → ky_chung_thuc 2h → dong_dau 1h "
        "→ tra_ket_qua 1h (shorten these budgets or correct the legal time limit)",
        "S009 field-range: field 'so_trang': min 1.5 is beyond what an int field holds (whole numbers) (write a min "
        "the field can hold, or leave it out)",
        "R002 self-approval: action 'ky' from 'ky_duyet' approves, but role 'chuyen-vien' may also prepare the "
        "dossier (action 'trinh' from 'tham_dinh') (give approval and preparation to different roles)"]


def test_a_file_that_is_no_process_is_said_in_the_language_asked(tmp_path: Path) -> None:
    path = tmp_path / "svg.xml"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n', encoding="utf-8")
    _, out = run("--lang", "vi", "validate", str(path))
    assert out.splitlines()[0] == (
        f"{path}:1:1: P004 not-a-process: không phải tệp quy trình isoflow: phần tử gốc là <svg> trong không gian "
        "tên 'http://www.w3.org/2000/svg' (phần tử gốc phải là <process xmlns=\"urn:isoflow:process:1\"> hoặc "
        "<flow xmlns=\"urn:isoflow:process:1\">)")
    path.write_text("", encoding="utf-8")
    _, out = run("--lang", "vi", "validate", str(path))
    assert out.splitlines()[0] == (
        f"{path}:1:1: P001 xml-syntax: tệp trống (tệp quy trình bắt đầu bằng "
        "<process xmlns=\"urn:isoflow:process:1\" ...>)")


@pytest.mark.parametrize(("fixture", "vietnamese", "english"), [
    ("s003_unresolved_reference/invalid-state-unit-role.xml",
     "S003 unresolved-reference: bước 'tham_dinh' unit='phong-tu-phap': không có đơn vị 'phong-tu-phap' nào được "
     "khai báo (khai báo đơn vị hoặc sửa lại mã)",
     "S003 unresolved-reference: state 'tham_dinh' unit='phong-tu-phap': no unit 'phong-tu-phap' is declared "
     "(declare the unit or correct the id)"),
    ("q002_record_retention/invalid-no-place-no-retention.xml",
     "Q002 record-retention: hồ sơ cần lưu 'so-theo-doi' thiếu nơi lưu và thời hạn lưu (ví dụ place=\"Bộ phận Một "
     "cửa\" retention=\"10y\")",
     "Q002 record-retention: record 'so-theo-doi' has no place and no retention (for example place=\"Bộ phận Một "
     "cửa\" retention=\"10y\")"),
])
def test_the_rest_of_the_rules_speak_the_language_asked(tmp_path: Path, fixture: str, vietnamese: str,
                                                         english: str) -> None:
    path = tmp_path / "p.xml"
    path.write_bytes((ROOT / "tests" / "rules" / "fixtures" / fixture).read_bytes())
    assert vietnamese in [line.split(": ", 1)[1] for line in run("--lang", "vi", "validate", str(path))[1].splitlines()]
    assert english in [line.split(": ", 1)[1] for line in run("--lang", "en", "validate", str(path))[1].splitlines()]


def test_the_problems_verify_lists_speak_the_language_asked(shell: Path) -> None:
    import sqlite3

    receive = _readme_commands()[0]
    assert run("--lang", "vi", *receive[1:])[0] == 0
    with sqlite3.connect(shell / "isoflow.db") as conn:
        conn.execute("UPDATE events SET body = json_set(body, '$.actor', 'ke.gian') WHERE seq = 1")
    conn.close()
    code, out = run("--lang", "vi", "dossier", "verify")
    assert code == 1
    assert out.splitlines() == ["H40-260109-0001: sự kiện 1 đã bị sửa sau khi được ghi (mã băm không khớp)",
                                "Tìm thấy 1 vấn đề."]
    code, out = run("--lang", "en", "dossier", "verify")
    assert out.splitlines() == ["H40-260109-0001: event 1 was altered after it was written (hash mismatch)",
                                "1 problem found."]


def test_the_demo_speaks_the_language_asked(tmp_path: Path) -> None:
    args = ["demo", "--processes", str(PROCESSES), "--forms", ""]
    code, out = run("--lang", "vi", *args, "--db", f"sqlite:///{tmp_path}/vi.db")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == ("tiếp nhận 000.00.31.H40-260821-0001 lúc Thứ Sáu 2026-08-21 15:20 (sau 15:00): tính thời "
                        "hạn từ Thứ Sáu 2026-08-21 15:20, hẹn trả 2026-08-25 15:20")
    assert lines[3] == ("2026-08-24 09:00  yeu_cau_bo_sung  tham_dinh → cho_bo_sung  do tran.binh/chuyen-vien, bước "
                        "sớm hạn  (tạm dừng tính thời hạn: hồ sơ đang ở người nộp)")
    # The wait in working hours, in words: "17h00" would read as five in the afternoon.
    assert lines[4] == ("2026-08-26 10:00  nop_bo_sung      cho_bo_sung → tiep_nhan  do le.an/cong-chuc-mot-cua  "
                        "(thời hạn tính lại từ đầu sau 17 giờ làm việc chờ; hạn mới 2026-09-03T10:00)")
    assert lines[-3] == ("kết thúc: đã giải quyết, 2026-09-04 09:00, hồ sơ sớm hạn so với hẹn trả mới 2026-09-04 "
                         "16:00; thời gian chờ người nộp 17 giờ làm việc")
    assert lines[-1] == "đã kiểm chứng chuỗi sự kiện"
    code, out = run("--lang", "en", *args, "--db", f"sqlite:///{tmp_path}/en.db")
    lines = out.splitlines()
    assert lines[0] == ("received 000.00.31.H40-260821-0001 on Fri 2026-08-21 15:20 (after 15:00): legal time from "
                        "Fri 2026-08-21 15:20, appointment 2026-08-25 15:20")
    assert lines[4].endswith("(clock restarted after 17 working hours of waiting; new due 2026-09-03T10:00)")
    assert lines[-3] == ("closed: granted, 2026-09-04 09:00, dossier result early against the new appointment "
                         "2026-09-04 16:00; waited for the applicant 17 working hours")
    assert lines[-1] == "event chain verified"
