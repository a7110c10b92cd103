"""``isoflow dossier render``, ``isoflow dossier book``, ``isoflow render`` and ``isoflow diagram``
as a clerk uses them: the document on standard output or in a file, and one clear line per mistake.

Exit codes: 0 done, 1 a refusal (no such dossier, the dossier never issued that form, a bad agency
profile, a folder with several procedures and no --code), 2 a malformed command line (click's usage
error: unknown form, bad option value, missing file).  Never a traceback.  A PDF to a terminal is
refused too, but CliRunner's output is not a terminal, so that one is not tested here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from isoflow.cli.forms import EXAMPLE_WARNING
from isoflow.cli.main import main

PROCESSES = Path(__file__).parents[1] / "processes"
MARRIAGE = PROCESSES / "dang-ky-ket-hon.xml"
CLERK, EXPERT = "cong-chuc-mot-cua", "chuyen-vien"
CODE = "H56-260302-0001"
POPPLER = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
RECEIPT_TITLE = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"  # upper-cased by CSS, not in the HTML

#: A real profile (no ``example = true``): a centrally-run city with one unit, the code the
#: fixture's dossier was received at.
AGENCY = """
[[province]]
name = "Hà Nội"
kind = "thành phố"

[[unit]]
code = "H56"
level = "province"
name = "Trung tâm Phục vụ hành chính công thành phố Hà Nội"
issuer = "Trung tâm Phục vụ hành chính công"
parent = "Ủy ban nhân dân thành phố Hà Nội"
place = "Hà Nội"

[symbols]
receipt = "TTPVHCC"
"""
#: The old one-body layout, refused in one line that says what to do.
OLD_AGENCY = """
place = "Hà Nội"
parent = "UBND thành phố Hà Nội"
one_stop = "Trung tâm Phục vụ hành chính công"
"""


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def ok(*args: str) -> Result:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return result


def refused(*args: str) -> str:
    """Exit 1 with exactly one line, on stderr, starting with 'isoflow: '."""
    result = invoke(*args)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("isoflow: ")
    return lines[0]


def usage(*args: str) -> str:
    """Exit 2 with click's usage error: one 'Error: ...' line, nothing on standard output."""
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    return errors[0]


class Desk:
    """The ``isoflow dossier`` commands on one database with the shipped processes."""

    def __init__(self, db: str) -> None:
        self.db = db

    def args(self, *args: str) -> list[str]:
        return ["dossier", "--db", self.db, "--processes", str(PROCESSES), *args]

    def ok(self, *args: str) -> Result:
        return ok(*self.args(*args))

    def refused(self, *args: str) -> str:
        return refused(*self.args(*args))

    def usage(self, *args: str) -> str:
        return usage(*self.args(*args))


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Desk:
    """One dossier, received, checked complete (issues the receipt) and handed over: events 1-3."""
    folder = tmp_path_factory.mktemp("forms-cli")
    desk = Desk(f"sqlite:///{folder / 'forms.db'}")
    received = desk.ok("receive", "QT-DKKD-01", "--unit", "H56", "--actor", "le.an", "--role", CLERK,
                       "--at", "2026-03-02 09:00", "--applicant", "ho_ten=Nguyễn Thị Mai",
                       "--applicant", "dia_chi=12 Trần Hưng Đạo", "--format", "json").stdout
    code = json.loads(received)["code"]
    assert code == CODE, code
    desk.ok("act", code, "kiem_tra", "--actor", "le.an", "--role", CLERK, "--at", "2026-03-02 09:30",
            "--set", "ho_so_day_du=true", "--set", "hinh_thuc_nhan=truc_tiep")
    desk.ok("act", code, "ban_giao", "--actor", "le.an", "--role", CLERK, "--at", "2026-03-02 10:00",
            "--receiver", "tran.binh")
    return desk


# -- isoflow dossier render --------------------------------------------------------------------

def test_render_receipt_to_a_pdf_file(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "receipt.pdf"
    result = desk.ok("render", CODE, "receipt", "-o", str(out))
    content = out.read_bytes()
    assert content.startswith(b"%PDF")
    assert result.stdout == ""
    # The shipped example profile was used: one warning line, then what was written.
    assert result.stderr.splitlines() == [EXAMPLE_WARNING, f"wrote {out} ({len(content):,} bytes, pdf)"]


def test_render_receipt_as_html_on_standard_output(desk: Desk) -> None:
    html = desk.ok("render", CODE, "receipt", "--format", "html").stdout
    assert html.lstrip().lower().startswith("<!doctype html")
    assert RECEIPT_TITLE in html
    assert CODE in html
    assert "Nguyễn Thị Mai" in html
    assert "Ninh Bình, ngày 02 tháng 3 năm 2026" in html  # the shipped example agency, after the merger
    assert "Nam Định" not in html
    assert 'class="sample-mark"' in html


def test_the_output_format_follows_the_file_extension_unless_given(desk: Desk, tmp_path: Path) -> None:
    html_file = tmp_path / "receipt.html"
    desk.ok("render", CODE, "receipt", "-o", str(html_file))
    assert RECEIPT_TITLE in html_file.read_text(encoding="utf-8")
    forced = tmp_path / "receipt.out"
    desk.ok("render", CODE, "receipt", "-o", str(forced), "--format", "pdf")
    assert forced.read_bytes().startswith(b"%PDF")


def test_control_slip_lists_the_hand_over(desk: Desk) -> None:
    html = desk.ok("render", CODE, "control").stdout
    assert "Trần Thị Bình" in html  # the login tran.binh, by its name in the agency profile
    assert "tran.binh" not in html


def test_a_form_the_dossier_never_issued_is_refused(desk: Desk) -> None:
    line = desk.refused("render", CODE, "refusal")
    assert line.startswith("isoflow: ")
    assert "no event that issues a refusal form" in line


def test_an_unknown_dossier_is_refused(desk: Desk) -> None:
    line = desk.refused("render", "H56-260302-9999", "receipt")
    assert "H56-260302-9999" in line


def test_an_unknown_form_is_a_usage_error(desk: Desk) -> None:
    line = desk.usage("render", CODE, "invoice")
    assert "invoice" in line


def test_event_picks_one_issuance(desk: Desk) -> None:
    # Event 2 (checked complete: kiem_tra issues giay-tiep-nhan) issues the receipt; event 1
    # (received, not yet checked) does not.
    first = desk.ok("render", CODE, "receipt", "--event", "2").stdout
    assert RECEIPT_TITLE in first
    assert "does not issue a receipt form (events that do: 2)" in desk.refused("render", CODE, "receipt",
                                                                              "--event", "1")


def test_event_that_does_not_issue_the_form_is_refused(desk: Desk) -> None:
    line = desk.refused("render", CODE, "receipt", "--event", "3")
    assert "event 3 of this dossier does not issue a receipt form" in line
    assert "(events that do: 2)" in line
    line = desk.refused("render", CODE, "receipt", "--event", "99")
    assert "event 99" in line


def test_event_must_be_a_positive_number(desk: Desk) -> None:
    desk.usage("render", CODE, "receipt", "--event", "0")


def test_agency_profile_sets_the_header_and_the_place_on_the_date_line(desk: Desk, tmp_path: Path) -> None:
    profile = tmp_path / "agency.toml"
    profile.write_text(AGENCY, encoding="utf-8")
    result = desk.ok("render", CODE, "receipt", "--agency", str(profile))
    html = result.stdout
    assert '<div class="parent">UBND THÀNH PHỐ HÀ NỘI</div>' in html
    assert '<div class="issuer">TRUNG TÂM PHỤC VỤ</div><div class="issuer">HÀNH CHÍNH CÔNG</div>' in html
    assert '<div class="place-date">Hà Nội, ngày 02 tháng 3 năm 2026</div>' in html
    assert "Trung tâm Phục vụ hành chính công thành phố Hà Nội tiếp nhận hồ sơ của" in html
    assert "Nam Định" not in html
    assert "Ninh Bình" not in html
    # A real profile: no warning, no MẪU.
    assert result.stderr == ""
    assert '<div class="sample-mark"' not in html
    assert "MẪU" not in html


def test_without_an_agency_profile_one_warning_line_and_the_mark(desk: Desk, tmp_path: Path) -> None:
    result = desk.ok("render", CODE, "receipt", "--format", "html")
    assert result.stderr.splitlines() == [EXAMPLE_WARNING]
    assert EXAMPLE_WARNING.startswith("isoflow: using the example agency profile")
    assert EXAMPLE_WARNING.endswith("; pass --agency FILE")
    assert '<div class="sample-mark"' in result.stdout
    for args in (("book", "--from", "2026-03-01", "--to", "2026-03-31"), ("render", CODE, "control")):
        assert desk.ok(*args).stderr.splitlines() == [EXAMPLE_WARNING]
    assert ok("render", str(MARRIAGE), "--format", "html").stderr.splitlines() == [EXAMPLE_WARNING]
    profile = tmp_path / "agency.toml"
    profile.write_text(AGENCY, encoding="utf-8")
    assert desk.ok("book", "--from", "2026-03-01", "--to", "2026-03-31", "--agency", str(profile)).stderr == ""
    assert ok("render", str(MARRIAGE), "--format", "html", "--agency", str(profile)).stderr == ""


def test_a_refusal_with_the_example_profile_stays_one_line(desk: Desk) -> None:
    line = desk.refused("render", CODE, "refusal")  # refused() checks: exactly one line on stderr
    assert "warning" not in line
    assert "example" not in line


def test_a_unit_a_real_profile_does_not_list_is_refused(desk: Desk, tmp_path: Path) -> None:
    profile = tmp_path / "agency.toml"
    profile.write_text(AGENCY.replace('code = "H56"', 'code = "000.00.31.H01"'), encoding="utf-8")
    line = desk.refused("render", CODE, "receipt", "--agency", str(profile))
    assert line == (f"isoflow: dossier {CODE} (QT-DKKD-01): the agency profile {profile} has no receiving unit "
                    "'H56' (units: 000.00.31.H01); add a [[unit]] with code = 'H56'")


def test_the_old_one_body_profile_layout_is_refused_in_one_line(desk: Desk, tmp_path: Path) -> None:
    profile = tmp_path / "agency.toml"
    profile.write_text(OLD_AGENCY, encoding="utf-8")
    line = desk.refused("render", CODE, "receipt", "--agency", str(profile))
    assert line.startswith(f"isoflow: {profile}: this is the old one-body layout (place, parent, one_stop")
    assert "[[unit]]" in line


@pytest.mark.parametrize(("change", "says"), [
    (('place = "Hà Nội"\n', ""), "unit 1 (H56): missing or empty place"),
    (('level = "province"', 'level = "district"'), "unit 1 (H56): level 'district' is not one of ministry, "
                                                   "province, commune (there are no districts since 01/07/2025)"),
    (('kind = "thành phố"', 'kind = "huyện"'), "province 1: kind 'huyện' is not tỉnh or thành phố"),
    (('place = "Hà Nội"', 'place = "Hà Nội"\nfrom = "2025-07-01"'), "unit 1 (H56): from must be a date like "
                                                                   "2025-07-01, not '2025-07-01'"),
    (('[symbols]', 'plase = "x"\n[symbols]'), "unit 1 (H56): unknown key 'plase'"),
])
def test_a_malformed_agency_profile_is_one_line(desk: Desk, tmp_path: Path, change: tuple[str, str],
                                                says: str) -> None:
    profile = tmp_path / "agency.toml"
    profile.write_text(AGENCY.replace(*change), encoding="utf-8")
    line = desk.refused("render", CODE, "receipt", "--agency", str(profile))
    assert line.startswith(f"isoflow: {profile}: {says}"), line


def test_an_unreadable_agency_profile_is_refused(desk: Desk, tmp_path: Path) -> None:
    profile = tmp_path / "agency.toml"
    profile.write_text("place = \n", encoding="utf-8")
    assert str(profile) in desk.refused("render", CODE, "receipt", "--agency", str(profile))
    desk.refused("render", CODE, "receipt", "--agency", str(tmp_path / "absent.toml"))


def test_an_agency_template_folder_is_searched_first(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "own"
    folder.mkdir()
    (folder / "receipt.html.j2").write_text("<p>Biên nhận {{ dossier.code }} – {{ dossier.applicant.name }}</p>",
                                           encoding="utf-8")
    html = desk.ok("render", CODE, "receipt", "--templates", str(folder)).stdout
    assert html.strip() == f"<p>Biên nhận {CODE} – Nguyễn Thị Mai</p>"


def test_an_agency_template_with_an_unknown_name_is_refused(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "own"
    folder.mkdir()
    (folder / "receipt.html.j2").write_text("<p>{{ dossier.no_such_thing }}</p>", encoding="utf-8")
    line = desk.refused("render", CODE, "receipt", "--templates", str(folder))
    assert "receipt.html.j2" in line


def _linked_folder(tmp_path: Path, body: str) -> Path:
    """An agency template folder from an archive: a link to a secret beside it, and a linked folder."""
    folder, outside = tmp_path / "own", tmp_path / "outside"
    folder.mkdir()
    (outside / "etc").mkdir(parents=True)
    (outside / "secret.toml").write_text('secret = "LOOKUP-KEY-123"', encoding="utf-8")
    (outside / "etc" / "passwd").write_text("root:x:0:0:root", encoding="utf-8")
    (folder / "leak.txt").symlink_to(outside / "secret.toml")
    (folder / "etc").symlink_to(outside / "etc")
    (folder / "inside.txt").write_text("Biên nhận trong thư mục", encoding="utf-8")
    (folder / "same.txt").symlink_to(folder / "inside.txt")
    for name in ("receipt.html.j2", "procedure.html.j2"):
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@POPPLER
@pytest.mark.parametrize("include", ["leak.txt", "etc/passwd"])
def test_an_agency_template_cannot_print_a_file_through_a_link(desk: Desk, tmp_path: Path, include: str) -> None:
    folder = _linked_folder(tmp_path, f'<pre>{{% include "{include}" %}}</pre>')
    out = tmp_path / "receipt.pdf"
    line = desk.refused("render", CODE, "receipt", "--templates", str(folder), "-o", str(out))
    assert line.startswith(f"isoflow: receipt.html.j2: the template tried something unsafe and was stopped: "
                           f"template '{include}' leads to ")
    assert line.endswith("through a symbolic link, outside the template folders; isoflow reads templates only "
                         "inside them")
    assert not out.exists()
    line = refused("render", str(MARRIAGE), "--templates", str(folder), "-o", str(out))
    assert f"template '{include}' leads to " in line
    assert not out.exists()


@POPPLER
def test_a_link_inside_the_agency_folder_prints_what_it_leads_to(desk: Desk, tmp_path: Path) -> None:
    folder = _linked_folder(tmp_path, '<p>{% include "same.txt" %}</p>')
    out = tmp_path / "receipt.pdf"
    desk.ok("render", CODE, "receipt", "--templates", str(folder), "-o", str(out))
    assert " ".join(_pdf_text(out).split()) == "Biên nhận trong thư mục"


# -- isoflow dossier book ----------------------------------------------------------------------

def test_book_lists_the_dossiers_of_the_period(desk: Desk) -> None:
    unit, rest = CODE.split("-", 1)
    html = desk.ok("book", "--from", "2026-03-01", "--to", "2026-03-31").stdout
    assert f"{unit}-<br>{rest}" in html  # the code breaks after the unit, never inside a number
    assert rest in desk.ok("book", "--from", "2026-03-01", "--to", "2026-03-31", "--unit", unit).stdout
    assert rest not in desk.ok("book", "--from", "2026-03-01", "--to", "2026-03-31", "--unit", "H99").stdout
    empty = desk.ok("book", "--from", "2026-08-01", "--to", "2026-08-31", "--unit", unit).stdout
    assert rest not in empty
    assert "Không có hồ sơ nào được tiếp nhận trong kỳ." in empty


def test_a_book_is_one_units_and_says_which_when_none_is_named(desk: Desk) -> None:
    line = desk.refused("book", "--from", "2026-08-01", "--to", "2026-08-31")
    assert line == ("isoflow: a tracking book is one receiving unit's: name it with --unit "
                    "(000.00.31.H40, 000.31.22.H40, 000.32.22.H40)")


def test_book_to_a_pdf_file(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "book.pdf"
    desk.ok("book", "--from", "2026-03-01", "--to", "2026-03-31", "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF")


def test_book_with_the_end_before_the_start_is_a_usage_error(desk: Desk) -> None:
    line = desk.usage("book", "--from", "2026-08-31", "--to", "2026-08-01")
    assert "--to is before --from" in line


def test_book_dates_are_checked(desk: Desk) -> None:
    desk.usage("book", "--from", "31/08/2026", "--to", "2026-09-30")
    desk.usage("book", "--from", "2026-08-01")


# -- isoflow render (the procedure document) ---------------------------------------------------

def test_render_a_procedure_file_as_html() -> None:
    html = ok("render", str(MARRIAGE), "--format", "html").stdout
    assert "Đăng ký kết hôn" in html
    assert "<svg" in html
    assert "QT-HT-02" in html


def test_render_a_procedure_to_a_pdf_file(tmp_path: Path) -> None:
    out = tmp_path / "qt-ht-02.pdf"
    result = ok("render", str(MARRIAGE), "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF")
    assert result.stderr.splitlines()[0] == EXAMPLE_WARNING
    assert result.stderr.splitlines()[1].startswith(f"wrote {out} (")


def test_a_folder_of_several_procedures_needs_a_code() -> None:
    line = refused("render", str(PROCESSES))
    assert "--code" in line
    assert "procedures" in line


def test_a_folder_with_a_code_renders_that_procedure() -> None:
    html = ok("render", str(PROCESSES), "--code", "QT-HT-02", "--format", "html").stdout
    assert "Đăng ký kết hôn" in html


def test_an_unknown_code_is_refused() -> None:
    line = refused("render", str(PROCESSES), "--code", "QT-XX-99")
    assert "QT-XX-99" in line


def test_a_missing_process_file_is_a_usage_error(tmp_path: Path) -> None:
    usage("render", str(tmp_path / "absent.xml"))
    usage("diagram", str(tmp_path / "absent.xml"))


# -- isoflow diagram ---------------------------------------------------------------------------

def test_diagram_as_mermaid() -> None:
    text = ok("diagram", str(MARRIAGE), "--format", "mermaid").stdout
    assert text.startswith("flowchart TD")


def test_diagram_as_svg_by_default_is_xml() -> None:
    svg = ok("diagram", str(MARRIAGE)).stdout
    root = ET.fromstring(svg.encode("utf-8"))  # noqa: S314 - isoflow's own output, no DTD or entities
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_diagram_format_follows_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "qt-ht-02.mmd"
    result = ok("diagram", str(MARRIAGE), "-o", str(out))
    assert out.read_text(encoding="utf-8").startswith("flowchart TD")
    assert "mermaid" in result.stderr


def test_diagram_of_a_folder_needs_a_code() -> None:
    assert "--code" in refused("diagram", str(PROCESSES))
    assert ok("diagram", str(PROCESSES), "--code", "QT-HT-02", "--format", "mermaid").stdout.startswith("flowchart TD")
