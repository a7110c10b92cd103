"""isoflow diff: what changed between two revisions in the procedure's words, and the revision
page it fills (``--format history`` pasted into ``<control><history>``, printed by the procedure
document's TRANG THEO DÕI SỬA ĐỔI)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from isoflow.cli.main import main
from isoflow.control.diff import differences, merged, revision_rows
from isoflow.data.loaders import load_agency
from isoflow.loading.loader import load_file
from isoflow.paper.procedure_document import procedure_context
from tests.control.conftest import PROCESSES

KHAI_TU = "dang-ky-khai-tu.xml"
TAKEN = "Kiểm tra giấy tờ, ghi Sổ đăng ký khai tử, dự thảo Trích lục khai tử"
ISSUED = "Cho số, đóng dấu, phát hành kết quả; chuyển kết quả về Bộ phận Một cửa"


def _revision_2(folder: Path) -> tuple[Path, Path]:
    """Revision 1 as shipped and a revision 2: the appraisal shortened from 3 to 2 working hours,
    the records clerk's role named in full.  Each folder holds the shared flow it extends."""
    old, new = folder / "old", folder / "new"
    for target in (old, new):
        target.mkdir()
        shutil.copyfile(PROCESSES / "mot-cua-chung.xml", target / "mot-cua-chung.xml")
    shutil.copyfile(PROCESSES / KHAI_TU, old / KHAI_TU)
    text = (PROCESSES / KHAI_TU).read_text(encoding="utf-8")
    for before, after in (('code="QT-HT-03" revision="1"', 'code="QT-HT-03" revision="2"'),
                          ('<state id="tham_dinh" budget="3h">', '<state id="tham_dinh" budget="2h">'),
                          ('<role id="van-thu">Văn thư UBND xã</role>',
                           '<role id="van-thu">Văn thư Ủy ban nhân dân xã</role>')):
        assert before in text
        text = text.replace(before, after, 1)
    (new / KHAI_TU).write_text(text, encoding="utf-8")
    return old / KHAI_TU, new / KHAI_TU


def _diff(*args: str) -> Result:
    result = CliRunner().invoke(main, ["diff", *args])
    assert "Traceback" not in result.output
    return result


def test_the_differences_in_the_procedures_words(tmp_path: Path) -> None:
    old, new = _revision_2(tmp_path)
    result = _diff(str(old), str(new))
    assert result.exit_code == 1  # as diff: 1 when something changed
    assert result.stdout.splitlines() == [
        "So sánh QT-HT-03 lần ban hành 01 với QT-HT-03 lần ban hành 02",
        "",
        "Thông tin tài liệu",
        "  - Sửa lần ban hành “1” → “2”.",
        "",
        "Mục 5.7. Quy trình xử lý công việc",
        f"  - Sửa bước “{TAKEN}”: thời gian “03 giờ làm việc” → “02 giờ làm việc”.",
        f"  - Sửa bước “{ISSUED}”: vai trò thực hiện “Văn thư UBND xã” → “Văn thư Ủy ban nhân dân xã”.",
        "  - Sửa thao tác “Cho số, đóng dấu, lưu bản chính; chuyển kết quả về Bộ phận Một cửa” từ bước "
        f"“{ISSUED}” đến bước “Người đi khai tử ký Sổ đăng ký khai tử, nhận Trích lục khai tử; khóa thông tin hộ "
        "tịch của người chết”: vai trò được thực hiện “Văn thư UBND xã” → “Văn thư Ủy ban nhân dân xã”.",
        "  - Sửa vai trò “Văn thư UBND xã”: tên “Văn thư UBND xã” → “Văn thư Ủy ban nhân dân xã”.",
        "",
        "5 thay đổi."]
    same = _diff(str(old), str(old))
    assert (same.exit_code, same.stdout.splitlines()[-1]) == (0, "Không có thay đổi về nội dung quy trình.")


def test_the_revision_page_is_filled_from_the_diff(tmp_path: Path) -> None:
    old, new = _revision_2(tmp_path)
    history = _diff(str(old), str(new), "--format", "history").stdout.strip()
    assert history.count("<change ") == 1  # one row per section that changed: only 5.7
    assert history.startswith('<change revision="2" on="2025-12-25" where="Mục 5.7. Quy trình xử lý công việc">'
                              f"Sửa bước “{TAKEN}”: thời gian “03 giờ làm việc” → “02 giờ làm việc”. ")
    # pasted into revision 2's history, the procedure document prints it on its revision page
    text = new.read_text(encoding="utf-8")
    anchor = "    </history>"
    assert anchor in text
    new.write_text(text.replace(anchor, f"      {history}\n{anchor}", 1), encoding="utf-8")
    flows = {"MC-CHUNG": load_file(new.parent / "mot-cua-chung.xml").definition}
    definition = load_file(new).definition
    assert definition is not None
    page = procedure_context(merged(definition, flows), load_agency())["history"]  # type: ignore[arg-type]
    assert page[-1]["where"] == "Mục 5.7. Quy trình xử lý công việc"
    assert page[-1]["revision"] == "02"
    assert page[-1]["on"] == "25/12/2025"
    assert page[-1]["summary"].startswith(f"Sửa bước “{TAKEN}”")
    before = load_file(old).definition
    assert before is not None
    rows = revision_rows(merged(before, flows), merged(definition, flows))  # type: ignore[arg-type]
    assert [row.where for row in rows] == ["Mục 5.7. Quy trình xử lý công việc"]
    kinds = [(d.section, d.subject, d.kind, d.id) for d in differences(merged(before, flows),  # type: ignore[arg-type]
                                                                       merged(definition, flows))]  # type: ignore[arg-type]
    assert kinds[0][:3] == ("document", "document", "changed")


def test_a_file_that_is_not_a_process_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "x.xml"
    broken.write_text("<process", encoding="utf-8")
    result = _diff(str(broken), str(PROCESSES / KHAI_TU))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"isoflow: {broken}: not a usable process file")
