"""The plugin as a user meets it: a project with only feature files, run by pytest.

Each test builds a small project (its own ``pytest.ini`` pointing at the shipped procedures)
and runs pytest on it in a child process, as CI would; the plugin comes from isoflow's
``pytest11`` entry point, with no conftest.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

PROCESSES = Path(__file__).resolve().parents[2] / "processes"

BACKGROUND_VI = """# language: vi
Tính năng: Đăng ký thành lập doanh nghiệp

  Bối cảnh:
    Biết quy trình "QT-DKKD-01" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "tran.binh" giữ vai trò "chuyen-vien"
    Và "pham.chi" giữ vai trò "lanh-dao"
"""


def _project(pytester: pytest.Pytester, features: dict[str, str]) -> None:
    pytester.makeini(f"[pytest]\nisoflow_processes = {PROCESSES}\n")
    pytester.makepyfile(test_features='from pytest_bdd import scenarios\nscenarios("features")\n')
    folder = pytester.path / "features"
    folder.mkdir()
    for name, text in features.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_a_project_with_only_features_runs_them(pytester: pytest.Pytester) -> None:
    _project(pytester, {"dkkd.feature": BACKGROUND_VI + """
  Kịch bản: Hồ sơ đầy đủ được chuyển thẩm định
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tuyến"
      | trường | giá trị |
      | ho_ten | Trần Thị Bình |
    Và "le.an" thực hiện "kiem_tra"
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Thì hồ sơ ở bước "chuyen"
    Và phiếu "giay-tiep-nhan" có nội dung "Trần Thị Bình"
""", "english.feature": """Feature: Business registration in English
  Scenario: A wrong role is refused
    Given the procedure "QT-DKKD-01" is in force
    And "tran.binh" has the role "chuyen-vien"
    And "le.an" has the role "cong-chuc-mot-cua"
    When a dossier is received at 2026-03-02 09:00 through "in person"
    And "tran.binh" tries to take the action "kiem_tra"
    Then the action is refused because "role"
    And the dossier is at step "tiep_nhan"
"""})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_decomposed_vietnamese_steps_still_match(pytester: pytest.Pytester) -> None:
    steps = """
  Kịch bản: Từ chối tiếp nhận
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "tu_choi"
      | ly_do | Ngành nghề thuộc danh mục cấm đầu tư kinh doanh |
    Thì hồ sơ kết thúc với kết quả "từ chối"
"""
    # Keywords must stay NFC for Gherkin to parse the file; the step text arrives decomposed.
    _project(pytester, {"nfd.feature": BACKGROUND_VI + unicodedata.normalize("NFD", steps).replace(
        unicodedata.normalize("NFD", "Kịch bản"), "Kịch bản").replace(unicodedata.normalize("NFD", "Thì"), "Thì")
        .replace(unicodedata.normalize("NFD", "Và"), "Và")})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_a_failure_says_what_was_expected_in_vietnamese(pytester: pytest.Pytester) -> None:
    _project(pytester, {"sai.feature": BACKGROUND_VI + """
  Kịch bản: Sai bước mong đợi
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tiếp"
    Thì hồ sơ ở bước "tham_dinh"
"""})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Mong đợi hồ sơ ở bước 'tham_dinh' (*), nhưng hồ sơ đang ở bước 'tiep_nhan' (*)*"])


def test_a_failure_says_what_was_expected_in_english(pytester: pytest.Pytester) -> None:
    _project(pytester, {"late.feature": """Feature: Appointment
  Scenario: The appointment after 15:00 (QT-DKKD-01 has no cut-off of its own: due at 15:30)
    Given the procedure "QT-DKKD-01" is in force
    And "le.an" has the role "cong-chuc-mot-cua"
    When a dossier is received at 2026-03-02 15:30 through "in person"
    Then the appointment is 2026-03-05 17:00
"""})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Expected the appointment at 2026-03-05 17:00, but it is at 2026-03-05 15:30*"])


def test_an_unexpected_refusal_names_the_reason(pytester: pytest.Pytester) -> None:
    _project(pytester, {"role.feature": BACKGROUND_VI + """
  Kịch bản: Chuyên viên không được tiếp nhận
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tiếp"
    Và "tran.binh" thực hiện "kiem_tra"
"""})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Thao tác 'kiem_tra' bị từ chối (vai trò)*"])


def test_a_refusal_nobody_checked_fails_the_scenario(pytester: pytest.Pytester) -> None:
    _project(pytester, {"unchecked.feature": BACKGROUND_VI + """
  Kịch bản: Thử mà không kiểm tra
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tiếp"
    Và "tran.binh" thử thực hiện "kiem_tra"
"""})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*bị từ chối (vai trò) nhưng kịch bản không kiểm tra việc từ chối*"])


def test_the_plugin_can_be_turned_off(pytester: pytest.Pytester) -> None:
    _project(pytester, {"off.feature": BACKGROUND_VI + """
  Kịch bản: Không có bước
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tiếp"
"""})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:isoflow")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*StepDefinitionNotFoundError*"])


def test_a_person_with_two_roles_cannot_approve_what_they_prepared(pytester: pytest.Pytester) -> None:
    _project(pytester, {"sod.feature": BACKGROUND_VI + """
  Kịch bản: Người trình không được tự ký
    Biết "pham.chi" giữ vai trò "chuyen-vien"
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "pham.chi" thực hiện "trinh"
      | du_dieu_kien | có |
    Và "pham.chi" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "tự phê duyệt"
"""})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_a_refusal_is_matched_by_its_reason_only(pytester: pytest.Pytester) -> None:
    """Words of the message (the action id, a letter, nothing) are no reason; one check per attempt."""
    scenario = BACKGROUND_VI + """
  Kịch bản: Lý do {n}
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tiếp"
    Và "tran.binh" thử thực hiện "kiem_tra"
    Thì thao tác bị từ chối vì "{reason}"
"""
    features = {f"r{n}.feature": scenario.format(n=n, reason=reason).replace("Tính năng: ", f"Tính năng: {n} ")
                for n, reason in enumerate(["kiem_tra", "a", "", "điều kiện"])}
    features["again.feature"] = BACKGROUND_VI + """
  Kịch bản: Lần thử cũ không được dùng lại
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tiếp"
    Và "tran.binh" thử thực hiện "kiem_tra"
    Thì thao tác bị từ chối vì "vai trò"
    Khi "le.an" thực hiện "tu_choi"
      | ly_do | Hồ sơ giả mạo |
    Thì thao tác bị từ chối vì "vai trò"
"""
    _project(pytester, features)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=5)
    result.stdout.fnmatch_lines(["*Không hiểu 'kiem_tra' (dùng: đã đóng, sai bước*"])
    result.stdout.fnmatch_lines(
        ["*Mong đợi thao tác bị từ chối vì 'điều kiện', nhưng thao tác bị từ chối vì 'vai trò'*"])
    result.stdout.fnmatch_lines(["*không có thao tác nào được thử*"])


def test_an_impossible_date_is_named_not_lost(pytester: pytest.Pytester) -> None:
    _project(pytester, {"date.feature": BACKGROUND_VI + """
  Kịch bản: Ngày không có thật
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 31/02/2026 qua kênh "trực tiếp"
"""})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Ngày giờ không hợp lệ: '08:00 ngày 31/02/2026'*"])


def test_pytest_still_starts_without_pytest_bdd(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_one():\n    assert True\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:pytest-bdd")
    result.assert_outcomes(passed=1)


def test_missing_procedures_folder_is_one_clear_failure(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nisoflow_processes = no-such-folder\n")
    pytester.makepyfile(test_features='from pytest_bdd import scenarios\nscenarios("features")\n')
    (pytester.path / "features").mkdir()
    (pytester.path / "features" / "x.feature").write_text(BACKGROUND_VI + """
  Kịch bản: Không có quy trình
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tiếp"
""", encoding="utf-8")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*isoflow could not load the procedures*no-such-folder*"])
    assert "Traceback" not in result.stdout.str()
