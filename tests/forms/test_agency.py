"""The agency on the paper (issue 14 §6): which body heads each paper, and the sample's mark.

A dossier's forms are headed by the unit that received it, as the profile describes that unit
on the paper's date; a commune procedure is never headed by a provincial body; the apology and
the stop notice by the procedure's competent body; the tracking book by its one unit; the
procedure document by the procedure's ``<agency>`` for its level.  The shipped example profile
marks every paper MẪU, and prints no body that no longer existed on the paper's date (Nam Định
joined Ninh Bình on 01/07/2025).  Headers are read back exactly, from the HTML and from the
PDF (``pdftotext`` on the header's box).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from isoflow.data import shipped
from isoflow.data.loaders import load_agency
from isoflow.desk import Desk
from isoflow.errors import FormError, IsoflowError
from isoflow.model.agency import Agency, abbreviated, agency_from_mapping
from isoflow.model.definition import ProcessDefinition
from isoflow.printer import Printer
from isoflow.workspace import open_desk, procedures_in
from tests.forms.conftest import ROOT, Office

POPPLER = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
CLERK = "cong-chuc-mot-cua"
PROVINCE, NGHIA_HUNG, HOA_LU = "000.00.31.H40", "000.31.22.H40", "000.32.22.H40"
#: The header of the provincial centre and of a commune centre, as printed (left box, then the date line).
PROVINCIAL = ["UBND TỈNH NINH BÌNH", "TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG"]
COMMUNAL = ["UBND XÃ NGHĨA HƯNG", "TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG"]


def real_profile() -> Agency:
    """The shipped example without ``example = true``: what an agency's own file reads like."""
    text = shipped("agency.toml").read_text(encoding="utf-8").replace("\nexample = true\n", "\n")
    return agency_from_mapping(tomllib.loads(text), "real.toml")


@dataclass(frozen=True)
class Town:
    desk: Desk
    example: Printer
    real: Printer
    commune: str  # QT-CT-01 received at the Nghĩa Hưng centre, receipt issued 09/03/2026
    province: str  # QT-DKKD-01 received at the provincial centre, receipt issued 09/03/2026
    apology: str  # QT-XD-01 received at the Hoa Lư centre, apology of 05/08/2026
    misplaced: str  # QT-CT-01 (commune) received at the provincial centre
    unknown: str  # QT-DKKD-01 received at a unit no profile lists


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Town]:
    folder = tmp_path_factory.mktemp("town")
    desk = open_desk([ROOT / "processes"], f"sqlite:///{folder / 'town.db'}")
    mai = {"ho_ten": "Nguyễn Thị Mai", "dia_chi": "xóm 3, xã Nghĩa Hưng"}
    commune = desk.receive("QT-CT-01", unit=NGHIA_HUNG, channel="in_person", applicant=mai, data={}, actor="le.an",
                           role=CLERK, at=at("2026-03-09 09:30")).code
    desk.act(commune, "nhan_ho_so", actor="le.an", role=CLERK, at=at("2026-03-09 09:45"),
             data={"ban_chinh_hop_le": True, "ban_sao_dung": True, "so_trang": 3, "so_ban": 2})
    province = desk.receive("QT-DKKD-01", unit=PROVINCE, channel="in_person", applicant={"ho_ten": "Trần Văn Hùng"},
                            data={}, actor="le.an", role=CLERK, at=at("2026-03-09 09:00")).code
    desk.act(province, "kiem_tra", actor="le.an", role=CLERK, at=at("2026-03-09 09:30"),
             data={"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"})
    apology = desk.receive("QT-XD-01", unit=HOA_LU, channel="in_person", applicant={"ho_ten": "Phạm Quốc Toàn"},
                           data={}, actor="le.an", role=CLERK, at=at("2026-08-04 09:00")).code
    desk.act(apology, "kiem_tra", actor="le.an", role=CLERK, at=at("2026-08-04 09:30"),
             data={"ho_so_day_du": True, "so_tang": 3, "tong_dien_tich_san": "240", "hinh_thuc_nhan": "truc_tiep"})
    desk.act(apology, "ban_giao", actor="le.an", role=CLERK, at=at("2026-08-04 10:00"))
    desk.act(apology, "xin_loi", actor="pham.chi", role="lanh-dao", at=at("2026-08-05 09:00"),
             data={"ly_do": "Cần kiểm tra thực địa bổ sung", "ngay_hen_moi": "2026-08-28T16:00"})
    misplaced = desk.receive("QT-CT-01", unit=PROVINCE, channel="in_person", applicant=mai, data={}, actor="le.an",
                             role=CLERK, at=at("2026-03-10 09:30")).code
    desk.act(misplaced, "nhan_ho_so", actor="le.an", role=CLERK, at=at("2026-03-10 09:45"),
             data={"ban_chinh_hop_le": True, "ban_sao_dung": True, "so_trang": 3, "so_ban": 2})
    unknown = desk.receive("QT-DKKD-01", unit="000.99.99.H99", channel="in_person", applicant={"ho_ten": "Lý Văn B"},
                           data={}, actor="le.an", role=CLERK, at=at("2026-03-10 09:00")).code
    desk.act(unknown, "kiem_tra", actor="le.an", role=CLERK, at=at("2026-03-10 09:30"),
             data={"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tiep"})
    try:
        yield Town(desk, Printer(), Printer(agency=real_profile()), commune, province, apology, misplaced, unknown)
    finally:
        desk.store.close()


def html_header(html: str) -> list[str]:
    """The first header's left box and date line, in the order printed."""
    box = html.split('<td class="left">', 1)[1].split("</td>", 1)[0]
    lines = re.findall(r'<div class="(?:parent|issuer)">(.*?)</div>', box)
    return [*lines, re.findall(r'<div class="place-date">(.*?)</div>', html)[0]]


def pdf_text(pdf: bytes, tmp_path: Path, *box: str) -> str:
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-f", "1", "-l", "1", *box, "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def pdf_header(pdf: bytes, tmp_path: Path) -> list[str]:
    """The left header box of page 1 read back from the PDF (A5: the box is 182 x 95 pt)."""
    text = pdf_text(pdf, tmp_path, "-x", "0", "-y", "0", "-W", "182", "-H", "95")
    return [" ".join(line.split()) for line in text.splitlines()
            if line.strip() and not line.strip().startswith(("(L", "Mẫu số", "Số:"))]


def mark_lines(pdf: bytes, tmp_path: Path) -> int:
    """How many times the MẪU watermark is on the pages (``pdftotext -raw`` keeps it one word)."""
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return sum(line.strip() == "MẪU" for line in text.splitlines())


# -- The header of each paper --------------------------------------------------------------

@pytest.mark.parametrize("which", ["example", "real"])
def test_a_commune_dossier_is_headed_by_its_commune_centre(town: Town, which: str) -> None:
    printer: Printer = getattr(town, which)
    html = printer.dossier_form(town.desk, town.commune, "receipt").html
    assert html_header(html) == [*COMMUNAL, "Nghĩa Hưng, ngày 09 tháng 3 năm 2026"]
    assert "Trung tâm Phục vụ hành chính công xã Nghĩa Hưng tiếp nhận hồ sơ của" in html
    assert "TỈNH" not in html_header(html)[0]


@pytest.mark.parametrize("which", ["example", "real"])
def test_a_provincial_dossier_is_headed_by_the_provincial_centre(town: Town, which: str) -> None:
    printer: Printer = getattr(town, which)
    html = printer.dossier_form(town.desk, town.province, "receipt").html
    assert html_header(html) == [*PROVINCIAL, "Ninh Bình, ngày 09 tháng 3 năm 2026"]
    assert "Trung tâm Phục vụ hành chính công tỉnh Ninh Bình tiếp nhận hồ sơ của" in html


@POPPLER
def test_the_headers_read_back_from_the_pdf(town: Town, tmp_path: Path) -> None:
    commune = town.real.dossier_form(town.desk, town.commune, "receipt", "pdf").pdf
    province = town.real.dossier_form(town.desk, town.province, "receipt", "pdf").pdf
    assert commune is not None
    assert province is not None
    assert pdf_header(commune, tmp_path) == COMMUNAL
    assert pdf_header(province, tmp_path) == PROVINCIAL
    assert "Nghĩa Hưng, ngày 09 tháng 3 năm 2026" in pdf_text(commune, tmp_path)
    assert "Ninh Bình, ngày 09 tháng 3 năm 2026" in pdf_text(province, tmp_path)


def test_a_commune_letter_is_headed_by_the_communes_peoples_committee(town: Town) -> None:
    """The apology is the competent body's own letter: UBND phường Hoa Lư, with no parent line."""
    html = town.real.dossier_form(town.desk, town.apology, "apology").html
    assert html_header(html) == ["ỦY BAN NHÂN DÂN", "PHƯỜNG HOA LƯ", "Hoa Lư, ngày 05 tháng 8 năm 2026"]
    assert '<div class="parent">' not in html
    assert "Ủy ban nhân dân phường Hoa Lư tiếp nhận giải quyết hồ sơ của Ông/Bà" in html
    assert "Ủy ban nhân dân phường Hoa Lư xin lỗi Ông/Bà" in html


def test_a_provincial_letter_is_headed_by_the_procedures_body(office: Office) -> None:
    """QT-DKKD-01's stop notice: Phòng Đăng ký kinh doanh under the profile's [parents] entry."""
    html = office.printer.dossier_form(office.desk, office.stopped, "stop").html
    # A long parent breaks before its administrative unit, never inside "Ninh Bình".
    assert html_header(html) == ["SỞ TÀI CHÍNH", "TỈNH NINH BÌNH", "PHÒNG ĐĂNG KÝ KINH DOANH",
                                 "Ninh Bình, ngày 06 tháng 8 năm 2026"]


def test_a_commune_procedure_at_a_provincial_unit_is_never_headed_by_it(town: Town) -> None:
    with pytest.raises(FormError) as refused:
        town.real.dossier_form(town.desk, town.misplaced, "receipt")
    assert str(refused.value) == (
        f"dossier {town.misplaced} (QT-CT-01): a cấp xã procedure received at '{PROVINCE}', a cấp tỉnh unit "
        "(Trung tâm Phục vụ hành chính công tỉnh Ninh Bình): a cấp tỉnh body never heads it; receive it at a "
        "cấp xã unit of the profile")
    # The example profile heads the sample with its commune unit instead, and marks it MẪU.
    html = town.example.dossier_form(town.desk, town.misplaced, "receipt").html
    assert html_header(html) == [*COMMUNAL, "Nghĩa Hưng, ngày 10 tháng 3 năm 2026"]
    assert '<div class="sample-mark"' in html


def test_a_unit_the_profile_does_not_list(town: Town) -> None:
    """A real profile refuses it (a wrong body must not head a real paper); the example falls
    back to its unit of the procedure's level, on a paper marked MẪU."""
    with pytest.raises(FormError) as refused:
        town.real.dossier_form(town.desk, town.unknown, "receipt")
    assert str(refused.value) == (
        f"dossier {town.unknown} (QT-DKKD-01): the agency profile real.toml has no receiving unit "
        f"'000.99.99.H99' (units: {PROVINCE}, {NGHIA_HUNG}, {HOA_LU}); add a [[unit]] with code = '000.99.99.H99'")
    html = town.example.dossier_form(town.desk, town.unknown, "receipt").html
    assert html_header(html) == [*PROVINCIAL, "Ninh Bình, ngày 10 tháng 3 năm 2026"]


def test_the_tracking_book_is_headed_by_its_unit(town: Town) -> None:
    book = town.real.book(town.desk, date(2026, 3, 1), date(2026, 3, 31), unit=NGHIA_HUNG).html
    assert html_header(book) == [*COMMUNAL, "Nghĩa Hưng, ngày 31 tháng 3 năm 2026"]
    assert f"Đơn vị tiếp nhận: Trung tâm Phục vụ hành chính công xã Nghĩa Hưng (mã {NGHIA_HUNG})" in book
    assert town.commune.split("-", 1)[1] in book
    assert town.province not in book
    assert f"{PROVINCE}-<br>" not in book
    province = town.real.book(town.desk, date(2026, 3, 1), date(2026, 3, 31), unit=PROVINCE).html
    assert html_header(province) == [*PROVINCIAL, "Ninh Bình, ngày 31 tháng 3 năm 2026"]
    with pytest.raises(FormError, match=r"^a tracking book is one receiving unit's: name it with --unit \("):
        town.real.book(town.desk, date(2026, 3, 1), date(2026, 3, 31))


@POPPLER
def test_the_tracking_book_pdf_reads_its_units_header(town: Town, tmp_path: Path) -> None:
    pdf = town.example.book(town.desk, date(2026, 3, 1), date(2026, 3, 31), "pdf", unit=NGHIA_HUNG).pdf
    assert pdf is not None
    box = pdf_text(pdf, tmp_path, "-x", "0", "-y", "0", "-W", "330", "-H", "105")
    assert [" ".join(line.split()) for line in box.splitlines() if line.strip() and "Mẫu số" not in line] == COMMUNAL
    assert mark_lines(pdf, tmp_path) == 1


def _procedure(code: str) -> ProcessDefinition:
    (definition,) = procedures_in([ROOT / "processes"], code)
    return definition


def test_the_procedure_document_is_headed_by_its_body_for_its_level(town: Town) -> None:
    def head(code: str, unit: str | None = None) -> list[str]:
        html = town.real.procedure(_procedure(code), unit=unit).html
        box = html.split('<td class="left">', 1)[1].split("</td>", 1)[0]
        return re.findall(r'<div class="(?:parent|issuer)">(.*?)</div>', box)

    assert head("QT-LLTP-01") == ["UBND TỈNH NINH BÌNH", "SỞ TƯ PHÁP"]
    assert head("QT-DKKD-01") == ["SỞ TÀI CHÍNH", "TỈNH NINH BÌNH", "PHÒNG ĐĂNG KÝ KINH DOANH"]
    assert head("QT-GPLX-01") == ["CÔNG AN TỈNH NINH BÌNH", "PHÒNG CẢNH SÁT GIAO THÔNG"]
    # A commune procedure names its commune only when asked; otherwise a line to fill in,
    # never a provincial body.
    assert head("QT-HT-02") == ["ỦY BAN NHÂN DÂN", "XÃ …………"]
    assert head("QT-HT-02", NGHIA_HUNG) == ["ỦY BAN NHÂN DÂN", "XÃ NGHĨA HƯNG"]
    assert head("QT-HT-02", HOA_LU) == ["ỦY BAN NHÂN DÂN", "PHƯỜNG HOA LƯ"]
    with pytest.raises(FormError, match=re.escape(f"a cấp xã procedure received at '{PROVINCE}', a cấp tỉnh unit")):
        town.real.procedure(_procedure("QT-HT-02"), unit=PROVINCE)


# -- The example profile is an example -------------------------------------------------------

def test_the_example_marks_every_paper_and_a_real_profile_none(town: Town, office: Office) -> None:
    papers: dict[str, Callable[[Printer], str]] = {
        "receipt": lambda p: p.dossier_form(town.desk, town.commune, "receipt").html,
        "apology": lambda p: p.dossier_form(town.desk, town.apology, "apology").html,
        "book": lambda p: p.book(town.desk, date(2026, 3, 1), date(2026, 3, 31), unit=PROVINCE).html,
        "procedure": lambda p: p.procedure(_procedure("QT-HT-02")).html,
    }
    for name, paper in papers.items():
        assert paper(town.example).count('<div class="sample-mark"') == 1, name
        assert '<div class="sample-mark"' not in paper(town.real), name


@POPPLER
def test_the_mark_is_on_every_page_of_the_pdf(town: Town, tmp_path: Path) -> None:
    sample = town.example.dossier_form(town.desk, town.province, "receipt", "pdf").pdf
    real = town.real.dossier_form(town.desk, town.province, "receipt", "pdf").pdf
    assert sample is not None
    assert real is not None
    assert mark_lines(sample, tmp_path) == 2  # both copies of the receipt
    assert mark_lines(real, tmp_path) == 0
    assert "MẪU" not in pdf_text(real, tmp_path)


def test_the_example_prints_no_body_that_no_longer_exists_on_a_2026_date(town: Town, office: Office) -> None:
    """Every form of every 2026 dossier, the books, every procedure document and the report."""
    from tests.test_report_output import make_report

    printer, papers = Printer(), []
    for desk, codes in ((town.desk, (town.commune, town.province, town.apology, town.misplaced, town.unknown)),
                        (office.desk, (office.full_2026_02, office.full_2026_08, office.refused, office.stopped))):
        for code in codes:
            for form in ("receipt", "supplement", "refusal", "apology", "stop", "control"):
                try:
                    papers.append(printer.dossier_form(desk, code, form).html)
                except FormError:
                    continue  # the dossier never issued it
    papers.append(printer.book(office.desk, date(2026, 8, 1), date(2026, 8, 31)).html)
    papers.append(printer.book(town.desk, date(2026, 3, 1), date(2026, 3, 31), unit=NGHIA_HUNG).html)
    papers.extend(printer.procedure(d).html for d in procedures_in([ROOT / "processes"]))
    papers.append(printer.service_report(make_report(), printed_on=date(2026, 4, 2)).html)
    assert len(papers) > 30
    for html in papers:
        # The office's applicant lives in phường Nam Định: a ward of Ninh Bình since 2025, not a body.
        text = html.replace("phường Nam Định", "").upper()
        assert "NAM ĐỊNH" not in text
        assert not re.search(r"(UBND|ỦY BAN NHÂN DÂN) (HUYỆN|QUẬN|THỊ XÃ)", text)


def test_the_example_keeps_the_body_of_the_day_before_the_merger() -> None:
    agency = load_agency()
    before, after = agency.unit(PROVINCE, date(2025, 6, 30)), agency.unit(PROVINCE, date(2025, 7, 1))
    assert (abbreviated(before.parent).upper(), before.place) == ("UBND TỈNH NAM ĐỊNH", "Nam Định")
    assert (abbreviated(after.parent).upper(), after.place) == ("UBND TỈNH NINH BÌNH", "Ninh Bình")
    assert agency.body_name("Ủy ban nhân dân tỉnh", date(2025, 6, 30)) == "Ủy ban nhân dân tỉnh Nam Định"
    assert agency.body_name("Công an tỉnh", date(2026, 1, 1)) == "Công an tỉnh Ninh Bình"
    # A commune centre did not exist before the reform: a real profile refuses such a paper.
    with pytest.raises(FormError, match=r"no entry for unit '000.31.22.H40' on 30/06/2025 "
                                        r"\(its entries: from 01/07/2025\)"):
        real_profile().unit(NGHIA_HUNG, date(2025, 6, 30), "commune")


def test_the_shipped_catalogue_names_no_district_or_former_province() -> None:
    for definition in procedures_in([ROOT / "processes"]):
        procedure = definition.procedure
        assert procedure is not None
        texts = (procedure.agency, procedure.parent_agency or "", procedure.place_receipt, procedure.place_return,
                 *(u.name or "" for u in definition.units))
        for text in texts:
            assert not re.search(r"huyện|quận|thị xã|Nam Định|Hà Nam", text, re.IGNORECASE), (definition.code, text)


# -- The profile file -------------------------------------------------------------------------

def _profile(extra: str = "", **unit: str) -> dict[str, object]:
    fields = {"code": "H01", "level": "commune", "name": "Trung tâm Phục vụ hành chính công xã An", "issuer":
              "Trung tâm Phục vụ hành chính công", "parent": "Ủy ban nhân dân xã An", "place": "An"} | unit
    body = "\n".join(f'{k} = "{v}"' for k, v in fields.items())
    return tomllib.loads(f'province = "Hà Tĩnh"\n{extra}\n[[unit]]\n{body}\n')


def test_a_centrally_run_city_completes_its_own_committee() -> None:
    data = tomllib.loads('[[province]]\nname = "Hà Nội"\nkind = "thành phố"\n'
                         '[[unit]]\ncode = "H01"\nlevel = "province"\nname = "TT"\nissuer = "TT"\nplace = "Hà Nội"\n')
    agency = agency_from_mapping(data, "city.toml")
    assert agency.body_name("Ủy ban nhân dân tỉnh", date(2026, 1, 1)) == "Ủy ban nhân dân thành phố Hà Nội"
    heading = agency.competent_body("province", "Sở Tư pháp", None, date(2026, 1, 1))
    assert (heading.parent, heading.issuer, heading.place) == ("Ủy ban nhân dân thành phố Hà Nội", "Sở Tư pháp",
                                                               "Hà Nội")


@pytest.mark.parametrize(("data", "says"), [
    (_profile(), None),
    (_profile(level="huyện"), "p.toml: unit 1 (H01): level 'huyện' is not one of ministry, province, commune"),
    (_profile(place=""), "p.toml: unit 1 (H01): missing or empty place"),
    (_profile(extra='place = "An"'), "p.toml: this is the old one-body layout"),
    (_profile(extra="colour = 1"), "p.toml: unknown key 'colour'"),
    (_profile(extra="example = 1"), "p.toml: example must be true or false"),
    ({"province": "Hà Tĩnh"}, "p.toml: no receiving unit: add [[unit]] tables"),
    ({"unit": []}, "p.toml: no receiving unit"),
])
def test_a_profile_is_checked_in_one_line(data: dict[str, object], says: str | None) -> None:
    if says is None:
        assert agency_from_mapping(data, "p.toml").units[0].code == "H01"
        return
    with pytest.raises(IsoflowError) as refused:
        agency_from_mapping(data, "p.toml")
    assert str(refused.value).startswith(says)
    assert "\n" not in str(refused.value)


def test_two_entries_of_one_unit_may_not_overlap() -> None:
    text = ('province = "Hà Tĩnh"\n' + '[[unit]]\ncode = "H01"\nlevel = "commune"\nname = "A"\nissuer = "A"\n'
            'place = "A"\nfrom = {}\n' * 2)
    with pytest.raises(IsoflowError, match="unit 'H01' has two entries valid on the same day"):
        agency_from_mapping(tomllib.loads(text.replace("{}", "2025-07-01")), "p.toml")
    ordered = text.replace("from = {}\n", "from = 2025-07-01\n", 1).replace("from = {}\n", "until = 2025-06-30\n")
    agency = agency_from_mapping(tomllib.loads(ordered), "p.toml")
    assert [u.span for u in agency.units] == ["from 01/07/2025", "until 30/06/2025"]
