"""``isoflow dossier ...`` as a clerk uses it: output, exit codes, and one clear line per mistake.

Exit codes: 0 done, 1 a refusal (unknown dossier, action not allowed, store problem), 2 a
malformed option (click's usage error).  Never a traceback.
"""

from __future__ import annotations

import json
import sqlite3
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from isoflow.cli.main import main
from tests.store.conftest import postgres_url  # noqa: F401 -- fixture (a fresh PostgreSQL schema)

PROCESSES = Path(__file__).parents[1] / "processes"
CLERK, EXPERT, LEADER = "cong-chuc-mot-cua", "chuyen-vien", "lanh-dao"
CODE = "H56-260302-0001"
VERIFIED = "Đã kiểm chứng: chuỗi sự kiện, dòng hồ sơ và dãy số mã: không có vấn đề nào."


class Cli:
    def __init__(self, db: str) -> None:
        self.db = db

    def __call__(self, *args: str) -> Result:
        # The clerk's language: the output is checked in Vietnamese whatever the machine's locale.
        result = CliRunner().invoke(main, ["--lang", "vi", "dossier", "--db", self.db, "--processes", str(PROCESSES),
                                           *args])
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        return result

    def ok(self, *args: str) -> str:
        result = self(*args)
        assert result.exit_code == 0, result.output
        return result.stdout

    def refused(self, *args: str) -> str:
        """Exit 1 with exactly one line, on stderr, starting with 'isoflow: '."""
        result = self(*args)
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("isoflow: ")
        return lines[0]

    def usage(self, *args: str) -> str:
        """Exit 2 with click's usage error: one 'Error: ...' line."""
        result = self(*args)
        assert result.exit_code == 2, result.output
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
        assert len(errors) == 1, result.stderr
        return errors[0]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "x.db"


@pytest.fixture
def cli(db_path: Path) -> Cli:
    return Cli(f"sqlite:///{db_path}")


def receive(cli: Cli, at: str = "2026-03-02 09:00", *extra: str) -> str:
    return cli.ok("receive", "QT-DKKD-01", "--unit", "H56", "--actor", "le.an", "--role", CLERK, "--at", at,
                  "--applicant", "ho_ten=Nguyễn Thị Mai", *extra)


def act(cli: Cli, code: str, action: str, role: str, at: str, *extra: str, actor: str = "le.an") -> str:
    return cli.ok("act", code, action, "--actor", actor, "--role", role, "--at", at, *extra)


def to_appraisal(cli: Cli, code: str = CODE) -> None:
    act(cli, code, "kiem_tra", CLERK, "2026-03-02 10:00", "--set", "ho_so_day_du=true",
        "--set", "hinh_thuc_nhan=truc_tiep")
    act(cli, code, "ban_giao", CLERK, "2026-03-02 10:30", "--receiver", "tran.binh")


# -- the happy path -----------------------------------------------------------------------------

def test_receive_prints_the_code_and_the_appointment(cli: Cli) -> None:
    out = receive(cli)
    lines = out.splitlines()
    assert lines[0] == f"Hồ sơ {CODE}  (QT-DKKD-01 lần 1: Đăng ký thành lập doanh nghiệp)"
    assert lines[1] == "  người nộp: Nguyễn Thị Mai"
    assert "  hẹn trả: 05/03/2026 09:00" in lines
    assert "  hạn bước: 02/03/2026 11:00" in lines
    assert "  tiếp nhận: 02/03/2026 09:00 (trực tiếp) tại H56" in lines
    options = lines[lines.index(f"  {CLERK} có thể:") + 1:]
    assert [line.split(":")[0].strip() for line in options if not line.startswith("      ")] == [
        "kiem_tra → chuyen | cho_bo_sung", "tu_choi → tu_choi_tiep_nhan"]
    assert options[-1] == ("      cần nhập: Lý do (từ chối, trả lại, rút hồ sơ, dừng giải quyết, xin lỗi) "
                           "(ly_do: văn bản)")
    assert receive(cli, "2026-03-02 09:05").splitlines()[0].startswith("Hồ sơ H56-260302-0002 ")
    body = json.loads(receive(cli, "2026-03-02T02:10+00:00", "--format", "json"))  # an aware time: 09:10 local
    assert (body["code"], body["received_at"], body["options"]) == ("H56-260302-0003", "2026-03-02T09:10:00",
                                                                   ["kiem_tra", "tu_choi"])
    assert body["applicant"] == {"ho_ten": "Nguyễn Thị Mai"}


def test_act_moves_and_show_lists_the_options_of_a_role(cli: Cli) -> None:
    receive(cli)
    out = act(cli, CODE, "kiem_tra", CLERK, "2026-03-02 10:00", "--set", "ho_so_day_du=có",
              "--set", "hinh_thuc_nhan=truc_tiep", "--expect-version", "1")
    assert "  bước: chuyen – Chuyển hồ sơ đến phòng chuyên môn" in out
    assert any(line.endswith("(ho_so_day_du): có") for line in out.splitlines())
    assert "True" not in out
    act(cli, CODE, "ban_giao", CLERK, "2026-03-02 10:30", "--receiver", "tran.binh")
    out = cli.ok("show", CODE, "--role", EXPERT)
    assert "  hạn bước: 04/03/2026 10:30" in out.splitlines()
    options = out.splitlines()[out.splitlines().index(f"  {EXPERT} có thể:") + 1:]
    assert [line.split(":")[0].strip() for line in options if not line.startswith("      ")] == [
        "trinh → ky_duyet", "yeu_cau_bo_sung → cho_bo_sung"]
    assert options[1].startswith("      cần nhập: ")
    assert "(du_dieu_kien: có hoặc không)" in options[1]
    receive(cli, "2026-03-02 09:05")  # at the desk, the appraiser has nothing to do yet
    assert cli.ok("show", "H56-260302-0002", "--role", EXPERT).splitlines()[-1] == (
        f"  {EXPERT} không có thao tác nào ở bước này")
    unknown = cli("show", CODE, "--role", "van-thu")  # a role of another procedure: a mistake, not "nothing"
    assert unknown.exit_code == 2
    assert unknown.stderr.splitlines() == [
        "isoflow: quy trình QT-DKKD-01 không có vai trò 'van-thu'; các vai trò: cong-chuc-mot-cua (Công chức tiếp "
        "nhận và trả kết quả hồ sơ đăng ký doanh nghiệp), chuyen-vien (Chuyên viên Phòng Đăng ký kinh doanh được "
        "phân công xử lý hồ sơ), lanh-dao (Trưởng phòng hoặc Phó Trưởng phòng Đăng ký kinh doanh)"]
    assert "(có phải 'lanh-dao'?)" in cli("show", CODE, "--role", "lanh-dau").stderr
    assert "có thể" not in cli.ok("show", CODE)
    body = json.loads(cli.ok("show", CODE, "--role", LEADER, "--format", "json"))
    assert (body["state"], body["version"], body["options"]) == ("tham_dinh", 3, ["xin_loi", "dung_xu_ly"])


def test_history_lists_events_with_hand_overs(cli: Cli) -> None:
    receive(cli)
    to_appraisal(cli)
    act(cli, CODE, "trinh", EXPERT, "2026-03-03 10:00", "--set", "du_dieu_kien=true", "--comment", "Đủ điều kiện",
        actor="tran.binh")
    lines = cli.ok("history", CODE).splitlines()
    assert len(lines) == 4
    assert lines[0].split()[:5] == ["1", "02/03/2026", "09:00", "tiếp", "nhận"]
    assert "giao" not in lines[1]  # kiểm tra stays at the one-stop desk
    assert ("chuyen → tham_dinh  giao bp-mot-cua → nhận phong-chuyen-mon (người nhận: tran.binh)  "
            "[le.an/cong-chuc-mot-cua]") in lines[2]
    assert "bước: sớm hạn" in lines[2]
    assert "early" not in "\n".join(lines)
    assert "giao phong-chuyen-mon → nhận lanh-dao  [tran.binh/chuyen-vien]" in lines[3]
    assert lines[3].endswith("“Đủ điều kiện”")
    events = json.loads(cli.ok("history", CODE, "--format", "json"))
    assert [e["seq"] for e in events] == [1, 2, 3, 4]
    assert events[2]["receiver"] == "tran.binh"
    assert all(later["prev_hash"] == earlier["hash"] for earlier, later in pairwise(events))


def test_due_with_at_and_within(cli: Cli) -> None:
    receive(cli)  # Monday 09:00: step due 11:00, appointment Thursday 09:00
    working = "Thời gian còn lại tính theo giờ làm việc của cơ quan."
    holder = ("    người nộp: Nguyễn Thị Mai; Đăng ký thành lập doanh nghiệp; đang ở: Bộ phận tiếp nhận và trả kết quả "
              "(Phòng Đăng ký kinh doanh / Trung tâm Phục vụ hành chính công tỉnh) / cong-chuc-mot-cua")
    assert cli.ok("due", "--at", "2026-03-02 09:00").splitlines() == [
        f"0 hồ sơ hoặc bước đến hạn tính đến 02/03/2026 09:00. {working}"]
    assert cli.ok("due", "--at", "2026-03-02 09:00", "--within", "2h").splitlines() == [
        f"{CODE}  bước tiep_nhan  hạn 02/03/2026 11:00  còn 2 giờ làm việc", holder,
        f"1 hồ sơ hoặc bước đến hạn tính đến 02/03/2026 09:00. {working}"]
    assert cli.ok("due", "--at", "2026-03-02 09:00", "--within", "119m").splitlines()[-1] == (
        f"0 hồ sơ hoặc bước đến hạn tính đến 02/03/2026 09:00. {working}")
    assert cli.ok("due", "--at", "2026-03-05 09:01").splitlines() == [
        f"{CODE}  bước tiep_nhan  hạn 02/03/2026 11:00  quá hạn 22 giờ làm việc 1 phút", holder,
        f"{CODE}  hồ sơ tiep_nhan  hạn 05/03/2026 09:00  quá hạn 1 phút", holder,
        f"2 hồ sơ hoặc bước đến hạn tính đến 05/03/2026 09:01. {working}"]
    english = CliRunner().invoke(main, ["--lang", "en", "dossier", "--db", cli.db, "--processes", str(PROCESSES),
                                        "due", "--at", "2026-03-05 09:01"]).stdout.splitlines()
    assert english[-1] == ("2 dossiers or steps due as of 2026-03-05 09:01. "
                           "Times left are working time (the agency's working hours).")
    assert english[1].startswith("    applicant: Nguyễn Thị Mai; Đăng ký thành lập doanh nghiệp; held by Bộ phận")
    items = json.loads(cli.ok("due", "--at", "2026-03-04 16:00", "--within", "2.5h", "--format", "json"))
    assert items == [
        {"code": CODE, "what": "step", "state": "tiep_nhan", "due_at": "2026-03-02T11:00:00", "overdue": True,
         "left_minutes": -19 * 60 - 30},
        {"code": CODE, "what": "dossier", "state": "tiep_nhan", "due_at": "2026-03-05T09:00:00", "overdue": False,
         "left_minutes": 150}]
    # 1d is 8 working hours: Wednesday 09:00 + 1d = Thursday 09:00.
    assert len(json.loads(cli.ok("due", "--at", "2026-03-04 09:00", "--within", "1d", "--format", "json"))) == 2


def test_remind_records_once(cli: Cli) -> None:
    receive(cli)
    out = cli.ok("remind", "--worker", "nhac", "--at", "2026-03-05 10:00")
    assert out.splitlines() == [f"{CODE}  bước hạn 02/03/2026 11:00", f"{CODE}  hồ sơ hạn 05/03/2026 09:00",
                                "Đã ghi 2 lần nhắc hạn."]
    assert cli.ok("remind", "--worker", "nhac", "--at", "2026-03-05 10:00").splitlines() == ["Đã ghi 0 lần nhắc hạn."]
    assert "nhắc hạn" in cli.ok("history", CODE).splitlines()[-1]


def test_close_withdraws_or_stops_with_a_reason(cli: Cli) -> None:
    receive(cli)
    receive(cli)
    to_appraisal(cli, "H56-260302-0001")
    to_appraisal(cli, "H56-260302-0002")
    assert cli.usage("close", CODE, "--actor", "le.an", "--role", CLERK) == "Error: Missing option '--reason'."
    assert cli.usage("close", CODE, "--stop", "--actor", "pham.chi", "--role", LEADER) == (
        "Error: Missing option '--reason'.")
    line = cli.refused("close", CODE, "--reason", "  ", "--actor", "le.an", "--role", CLERK, "--at", "2026-03-03 09:00")
    assert line.endswith("a reason is required")
    line = cli.refused("close", CODE, "--stop", "--reason", "Tranh chấp", "--actor", "le.an", "--role", CLERK,
                       "--at", "2026-03-03 09:00")
    assert "no way to a 'stopped' outcome" in line
    out = cli.ok("close", CODE, "--reason", "Công dân xin rút", "--actor", "le.an", "--role", CLERK,
                 "--at", "2026-03-03 09:00")
    assert "  kết thúc: 03/03/2026 09:00 (rút hồ sơ)" in out.splitlines()
    assert "  trạng thái: 7 " in out
    out = cli.ok("close", "H56-260302-0002", "--stop", "--reason", "Tranh chấp", "--actor", "pham.chi",
                 "--role", LEADER, "--at", "2026-03-03 09:00")
    assert "  kết thúc: 03/03/2026 09:00 (dừng giải quyết)" in out.splitlines()
    assert cli.ok("history", "H56-260302-0002").splitlines()[-1].endswith("“Tranh chấp”")
    line = cli.refused("act", CODE, "trinh", "--actor", "tran.binh", "--role", EXPERT, "--at", "2026-03-03 10:00")
    assert line.endswith("hồ sơ đã kết thúc lúc 03/03/2026 09:00 (rút hồ sơ)")


# -- verify -------------------------------------------------------------------------------------

def test_verify_exits_0_then_1_after_tampering(cli: Cli, db_path: Path) -> None:
    receive(cli)
    to_appraisal(cli)
    receive(cli, "2026-03-02 09:30")
    assert cli.ok("verify").splitlines() == [VERIFIED]
    assert cli.ok("verify", CODE).splitlines() == [VERIFIED]
    with sqlite3.connect(db_path) as conn:
        changed = conn.execute("UPDATE events SET body = json_set(body, '$.actor', 'ke.gian') "
                               "WHERE dossier = ? AND seq = 2", (CODE,)).rowcount
    conn.close()
    assert changed == 1
    result = cli("verify")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{CODE}: sự kiện 2 đã bị sửa sau khi được ghi (mã băm không khớp)",
                                          "Tìm thấy 1 vấn đề."]
    assert cli("verify", CODE).exit_code == 1
    assert cli.ok("verify", "H56-260302-0002").splitlines() == [VERIFIED]


def test_verify_finds_a_deleted_newest_event(cli: Cli, db_path: Path) -> None:
    receive(cli)
    to_appraisal(cli)
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM events WHERE dossier = ? AND seq = 3", (CODE,))
    conn.close()
    result = cli("verify")
    assert result.exit_code == 1
    assert "hồ sơ ở phiên bản 3 nhưng có 2 sự kiện được lưu" in result.stdout


# -- mistakes: one clear line, the right exit code ------------------------------------------------

def test_an_unknown_dossier_is_named(cli: Cli) -> None:
    receive(cli)
    missing = "H56-260302-0042"
    expected = f"isoflow: no dossier '{missing}' in the store"
    assert cli.refused("show", missing) == expected
    assert cli.refused("history", missing) == expected
    assert cli.refused("verify", missing) == expected
    assert cli.refused("act", missing, "kiem_tra", "--actor", "le.an", "--role", CLERK) == expected
    assert cli.refused("close", missing, "--reason", "Rút", "--actor", "le.an", "--role", CLERK) == expected


@pytest.mark.parametrize(("action", "role", "actor", "sets", "why"), [
    ("ky", LEADER, "pham.chi", [],
     "'ky' không thực hiện được ở bước này; ở bước này có thể: dung_xu_ly, rut_ho_so, trinh, xin_loi, "
     "yeu_cau_bo_sung"),
    ("bay", EXPERT, "tran.binh", [], "'bay' không phải là thao tác của quy trình này"),
    ("trinh", CLERK, "le.an", ["du_dieu_kien=true"], f"vai trò '{CLERK}' không được phép (được phép: {EXPERT})"),
    ("trinh", EXPERT, "tran.binh", [], "hãy nhập Hồ sơ đủ điều kiện giải quyết (kết quả thẩm định) "
                                       "(du_dieu_kien: có hoặc không) (--set du_dieu_kien=...)"),
    ("trinh", EXPERT, "tran.binh", ["du_dieu_kien=có lẽ"], "field 'du_dieu_kien': 'có lẽ' is not true or false"),
    ("xin_loi", LEADER, "pham.chi", ["ly_do=Trễ", "ngay_hen_moi=2026-03-20T09:00", "da_gia_han=true"],
     "điều kiện chưa thỏa: 'not da_gia_han' (đến bước tham_dinh)"),
    ("xin_loi", LEADER, "pham.chi", ["ly_do=Trễ", "ngay_hen_moi=mai"],
     "field 'ngay_hen_moi': 'mai' is not a local date and time like 2026-02-05T14:30"),
])
def test_an_action_not_allowed_says_why(cli: Cli, action: str, role: str, actor: str, sets: list[str],
                                        why: str) -> None:
    receive(cli)
    to_appraisal(cli)
    before = cli.ok("history", CODE)
    options = [part for value in sets for part in ("--set", value)]
    line = cli.refused("act", CODE, action, "--actor", actor, "--role", role, "--at", "2026-03-03 09:00", *options)
    assert line.startswith(f"isoflow: hồ sơ {CODE}: không thực hiện được '{action}' ở bước 'tham_dinh': ")
    assert why in line
    assert cli.ok("history", CODE) == before


def test_self_approval_and_a_stale_version_are_refused(cli: Cli) -> None:
    receive(cli)
    to_appraisal(cli)
    act(cli, CODE, "trinh", EXPERT, "2026-03-03 10:00", "--set", "du_dieu_kien=true", actor="tran.binh")
    line = cli.refused("act", CODE, "ky", "--actor", "tran.binh", "--role", LEADER, "--at", "2026-03-03 11:00")
    assert "'tran.binh' đã chuẩn bị hồ sơ này nên không được phê duyệt (tách bạch nhiệm vụ)" in line
    line = cli.refused("act", CODE, "ky", "--actor", "pham.chi", "--role", LEADER, "--at", "2026-03-03 09:59")
    assert "is before the dossier's last event (2026-03-03 10:00)" in line
    line = cli.refused("act", CODE, "ky", "--actor", "pham.chi", "--role", LEADER, "--at", "2026-03-03 11:00",
                       "--expect-version", "3")
    assert line == (f"isoflow: dossier '{CODE}' changed since it was read (expected version 3, it is now at "
                    "version 4); read it again and retry")
    out = act(cli, CODE, "ky", LEADER, "2026-03-03 11:00", "--expect-version", "4", actor="pham.chi")
    assert "  bước: tra_ket_qua – " in out  # signed; returned to the applicant next
    assert "kết thúc" not in out


def test_malformed_options_exit_2(cli: Cli) -> None:
    receive(cli)
    assert "'yesterday' is not a time; write it like 2026-02-05 14:30" in cli.usage("due", "--at", "yesterday")
    assert "'2026-13-01' is not a time" in cli.usage("due", "--at", "2026-13-01")
    assert "is not a time" in cli.usage("act", CODE, "kiem_tra", "--actor", "a", "--role", CLERK, "--at", "9h sáng")
    assert "'2x' is not a working time; write 30m, 4h or 2d" in cli.usage("due", "--within", "2x")
    assert "'ho_so_day_du' is not NAME=VALUE" in cli.usage("act", CODE, "kiem_tra", "--actor", "a", "--role", CLERK,
                                                           "--set", "ho_so_day_du")
    assert "'=true' is not NAME=VALUE" in cli.usage("receive", "QT-DKKD-01", "--unit", "H56", "--actor", "a",
                                                    "--role", CLERK, "--set", "=true")
    assert "is not NAME=VALUE" in cli.usage("receive", "QT-DKKD-01", "--unit", "H56", "--actor", "a", "--role", CLERK,
                                            "--applicant", "Nguyễn Thị Mai")
    assert "'abc' is not a valid integer" in cli.usage("act", CODE, "kiem_tra", "--actor", "a", "--role", CLERK,
                                                       "--expect-version", "abc")
    assert "'fax'" in cli.usage("receive", "QT-DKKD-01", "--unit", "H56", "--actor", "a", "--role", CLERK,
                                "--channel", "fax")
    assert "Missing option '--role'" in cli.usage("act", CODE, "kiem_tra", "--actor", "a")
    assert len(cli.ok("history", CODE).splitlines()) == 1  # none of it reached the store


def test_unknown_field_procedure_unit_and_role(cli: Cli) -> None:
    receive(cli)
    line = cli.refused("act", CODE, "kiem_tra", "--actor", "le.an", "--role", CLERK, "--at", "2026-03-02 10:00",
                       "--set", "ho_so_day_duu=true", "--set", "hinh_thuc_nhan=truc_tiep")
    assert "unknown field 'ho_so_day_duu' (did you mean 'ho_so_day_du'?)" in line
    line = cli.refused("receive", "QT-DKKD-01", "--unit", "H56", "--actor", "le.an", "--role", CLERK,
                       "--at", "2026-03-02 09:30", "--set", "hinh_thuc_nhn=truc_tiep")
    assert "did you mean 'hinh_thuc_nhan'?" in line
    line = cli.refused("receive", "QT-KHONG-CO", "--unit", "H56", "--actor", "le.an", "--role", CLERK)
    assert line.startswith("isoflow: no procedure 'QT-KHONG-CO' (known: ")
    assert "QT-DKKD-01" in line
    assert "is not a receiving unit code" in cli.refused("receive", "QT-DKKD-01", "--unit", "H-56", "--actor", "a",
                                                         "--role", CLERK)
    line = cli.refused("receive", "QT-DKKD-01", "--unit", "H56", "--actor", "tran.binh", "--role", EXPERT)
    assert f"role '{EXPERT}' may not receive dossiers (allowed: {CLERK})" in line
    # None of the refused receipts used a number.
    assert receive(cli, "2026-03-02 10:00").splitlines()[0].startswith("Hồ sơ H56-260302-0002 ")


def test_a_database_that_cannot_be_used_is_one_line(tmp_path: Path) -> None:
    line = Cli("postgresql://nobody@127.0.0.1:1/x").refused("show", CODE)
    assert line.startswith("isoflow: cannot connect to PostgreSQL at postgresql://nobody@127.0.0.1:1/x: ")
    line = Cli("postgresql://nobody:bi-mat@127.0.0.1:1/x").refused("due")
    assert "bi-mat" not in line
    assert "postgresql://nobody:***@127.0.0.1:1/x" in line
    line = Cli(f"sqlite:///{tmp_path}/khong/co/x.db").refused("receive", "QT-DKKD-01", "--unit", "H56",
                                                              "--actor", "le.an", "--role", CLERK)
    assert line.startswith(f"isoflow: cannot open SQLite database {tmp_path}/khong/co/x.db")
    line = Cli(f"sqlite:///{tmp_path}/khong/co/x.db").refused("verify")
    assert line == (f"isoflow: no isoflow database at sqlite:///{tmp_path}/khong/co/x.db: "
                    f"the file {tmp_path}/khong/co/x.db does not exist")
    assert Cli("mysql://x").refused("due").startswith("isoflow: unknown database 'mysql://'")
    result = CliRunner().invoke(main, ["dossier", "--db", f"sqlite:///{tmp_path}/y.db", "--processes",
                                       str(tmp_path / "khong-co"), "show", CODE])
    assert (result.exit_code, result.stderr.strip()) == (2, f"isoflow: {tmp_path / 'khong-co'}: no such file or folder")


def test_a_date_outside_the_calendar_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from isoflow.cli.main import main

    processes = str(Path(__file__).parents[1] / "processes")
    result = CliRunner().invoke(main, ["dossier", "--db", f"sqlite:///{tmp_path}/x.db", "--processes", processes,
                                       "receive", "QT-CT-01", "--unit", "H40", "--actor", "a",
                                       "--role", "cong-chuc-mot-cua", "--at", "2045-01-09 10:00"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "outside the working calendar's range 2015-01-01..2040-12-31" in result.output


# -- issue 13 §2: no false assurance ----------------------------------------------------------------

def _tamper(db_path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    conn = sqlite3.connect(db_path)
    try:
        with conn:
            for sql, params in statements:
                conn.execute(sql, params)
    finally:
        conn.close()


def _forge_step(db_path: Path, code: str, state: str) -> None:
    """The outside tester's forgery: the row's step set by hand, no event written."""
    _tamper(db_path, ("UPDATE dossiers SET state = ?, body = json_set(body, '$.state', ?, '$.step.state', ?) "
                      "WHERE code = ?", (state, state, state, code)))


@pytest.mark.parametrize("args", [
    ["show", CODE], ["history", CODE], ["due"], ["verify"], ["verify", CODE], ["remind", "--worker", "w1"],
    ["act", CODE, "kiem_tra", "--actor", "le.an", "--role", CLERK], ["rate", CODE, "--overall", "hai-long"],
    ["close", CODE, "--reason", "Rút", "--actor", "le.an", "--role", CLERK],
])
def test_a_missing_database_is_refused_and_not_created(tmp_path: Path, args: list[str]) -> None:
    typo = tmp_path / "typo.db"
    line = Cli(f"sqlite:///{typo}").refused(*args)
    assert line == f"isoflow: no isoflow database at sqlite:///{typo}: the file {typo} does not exist"
    assert list(tmp_path.iterdir()) == []


def test_receive_creates_the_database(tmp_path: Path) -> None:
    cli = Cli(f"sqlite:///{tmp_path / 'new.db'}")
    assert receive(cli).startswith(f"Hồ sơ {CODE} ")
    assert cli.ok("verify").splitlines() == [VERIFIED]


def test_a_file_that_is_not_an_isoflow_database_is_one_line(tmp_path: Path) -> None:
    other = tmp_path / "khach-hang.db"
    _tamper(other, ("CREATE TABLE customers (id INTEGER PRIMARY KEY)", ()))
    for args in (["verify"], ["receive", "QT-DKKD-01", "--unit", "H56", "--actor", "le.an", "--role", CLERK]):
        line = Cli(f"sqlite:///{other}").refused(*args)
        assert line == (f"isoflow: sqlite:///{other} is an SQLite database but not an isoflow one "
                        "(its tables: customers)")
    empty = tmp_path / "empty.db"
    empty.touch()
    line = Cli(f"sqlite:///{empty}").refused("due")
    assert line == (f"isoflow: no isoflow database at sqlite:///{empty}: the file {empty} is empty, "
                    "not an isoflow database")
    assert empty.read_bytes() == b""


def test_verify_names_a_deleted_dossier(cli: Cli, db_path: Path) -> None:
    receive(cli)
    receive(cli, "2026-03-02 09:30")
    receive(cli, "2026-03-02 10:00")
    gone = "H56-260302-0002"
    _tamper(db_path, ("DELETE FROM events WHERE dossier = ?", (gone,)),
            ("DELETE FROM dossiers WHERE code = ?", (gone,)))
    result = cli("verify")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{gone}: không còn dòng hồ sơ hay sự kiện nào, dù mã đã được cấp ngày 2026-03-02 (dãy số mã trong ngày của "
        "đơn vị H56 đã đến 0003): toàn bộ hồ sơ đã bị xóa",
        f"{gone}: sổ cái ghi các sự kiện 1 không có trong kho dữ liệu: hồ sơ đã bị xóa",
        "Tìm thấy 2 vấn đề."]
    assert cli("verify", gone).stdout == result.stdout
    assert cli.ok("verify", CODE).splitlines() == [VERIFIED]


def test_a_forged_step_is_refused_and_shown_with_a_warning(cli: Cli, db_path: Path) -> None:
    receive(cli)
    to_appraisal(cli)
    receive(cli, "2026-03-02 09:30")
    history = cli.ok("history", CODE)
    _forge_step(db_path, CODE, "ky_duyet")
    expected = (f"isoflow: hồ sơ {CODE}: dòng trạng thái hiện tại không khớp với nhật ký sự kiện (dòng hồ sơ không "
                "phải dòng mà sự kiện 3 đã ghi (kiểm tra mã băm dòng hồ sơ)); hãy chạy isoflow dossier verify")
    assert cli.refused("act", CODE, "ky", "--actor", "pham.chi", "--role", LEADER,
                       "--at", "2026-03-03 09:00") == expected
    assert cli.refused("close", CODE, "--reason", "Rút", "--actor", "le.an", "--role", CLERK,
                       "--at", "2026-03-03 09:00") == expected
    assert cli.refused("close", CODE, "--stop", "--reason", "Dừng", "--actor", "le.an", "--role", CLERK,
                       "--at", "2026-03-03 09:00") == expected
    shown = cli("show", CODE, "--role", LEADER)
    assert shown.exit_code == 1
    assert shown.stdout.splitlines()[2].startswith("  bước: ky_duyet – ")  # the row as stored ...
    assert f"{LEADER} có thể" not in shown.stdout  # ... offered to no one
    assert shown.stderr.splitlines() == [expected.replace("isoflow: ", "isoflow: warning: ", 1)]
    reminded = cli("remind", "--worker", "w1", "--at", "2026-03-06 09:00")
    assert reminded.exit_code == 1
    assert reminded.stderr.splitlines() == [expected]
    assert reminded.stdout.splitlines()[-1] == "Đã ghi 2 lần nhắc hạn."  # H56-260302-0002's step and appointment
    assert all(line.startswith("H56-260302-0002 ") for line in reminded.stdout.splitlines()[:-1])
    assert cli.ok("history", CODE) == history
    result = cli("verify")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{CODE}: dòng hồ sơ không phải dòng mà sự kiện 3 đã ghi (kiểm tra mã băm dòng hồ sơ)",
        f"{CODE}: dòng hồ sơ ghi bước 'ky_duyet' nhưng các sự kiện kết thúc ở bước 'tham_dinh' (sự kiện 3) (kiểm tra "
        "cấu trúc)",
        "Tìm thấy 2 vấn đề."]


def test_a_forged_step_the_procedure_does_not_have_is_shown(cli: Cli, db_path: Path) -> None:
    receive(cli)
    _forge_step(db_path, CODE, "khong_co")
    shown = cli("show", CODE)
    assert shown.exit_code == 1
    assert "  bước: khong_co – (không phải một bước của quy trình này)" in shown.stdout.splitlines()
    assert json.loads(cli("show", CODE, "--format", "json").stdout)["state"] == "khong_co"


@pytest.mark.parametrize("command", [["due"], ["remind", "--worker", "w1"]])
def test_a_huge_within_is_a_usage_error(cli: Cli, command: list[str]) -> None:
    receive(cli)
    for value in ("999999999999d", "367d", "2937h", "176221m"):
        line = cli.usage(*command, "--within", value)
        assert line == (f"Error: Invalid value for '--within': '{value}' is too long: at most 366d (2928h, 175680m) "
                        "of working time")
    assert cli(*command, "--within", "366d", "--at", "2026-03-02 09:30").exit_code == 0


def test_a_postgres_schema_without_isoflow_tables_is_refused(request: pytest.FixtureRequest) -> None:
    from isoflow.store.postgres import redact

    url: str = request.getfixturevalue("postgres_url")
    line = Cli(url).refused("verify")
    schema = url.rsplit("%3D", 1)[1]
    assert line == f"isoflow: no isoflow database at {redact(url)}: schema '{schema}' has no isoflow tables"
    assert Cli(url).refused("show", CODE) == line  # and still none: nothing was created
    receive(Cli(url))
    assert Cli(url).ok("verify").splitlines() == [VERIFIED]


def test_verify_of_a_private_in_memory_database_is_refused() -> None:
    """D7: a new, empty in-memory database would 'verify' with no problems: a false assurance."""
    for db in (":memory:", "sqlite://:memory:"):
        line = Cli(db).refused("verify")
        assert line.startswith(f"isoflow: no isoflow database at {db}: a private in-memory database is new")


def test_a_database_name_from_the_environment_that_is_not_utf8(tmp_path: Path) -> None:
    """C1: ISOFLOW_DB set by a shell of another encoding (decoded with surrogateescape): one line."""
    import os

    name = os.fsdecode(os.fsencode(str(tmp_path)) + b"/h\xf4-s\xe1.db")
    for command in (["verify"], ["show", CODE], ["receive", "QT-DKKD-01", "--unit", "H56", "--actor", "le.an",
                                                 "--role", CLERK]):
        result = CliRunner().invoke(main, ["dossier", "--processes", str(PROCESSES), *command],
                                    env={"ISOFLOW_DB": f"sqlite:///{name}"})
        assert "Traceback" not in result.output
        shown = f"sqlite:///{tmp_path}/h\\udcf4-s\\udce1.db"
        assert (result.exit_code, result.stderr) == (1, f"isoflow: the database {shown} is not UTF-8 text (from --db "
                                                        "or ISOFLOW_DB): give its name in UTF-8\n")
    assert list(tmp_path.iterdir()) == []


def test_in_english_a_refusal_is_the_engines_own_sentence(cli: Cli) -> None:
    receive(cli)
    to_appraisal(cli)
    result = CliRunner().invoke(main, ["--lang", "en", "dossier", "--db", cli.db, "--processes", str(PROCESSES),
                                       "act", CODE, "ky", "--actor", "pham.chi", "--role", LEADER,
                                       "--at", "2026-03-03 09:00"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"isoflow: dossier {CODE}: cannot 'ky' in step 'tham_dinh': 'ky' is not possible from this step; possible "
        "here: dung_xu_ly, rut_ho_so, trinh, xin_loi, yeu_cau_bo_sung"]
