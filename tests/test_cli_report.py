"""``isoflow report`` and ``isoflow dossier rate`` as an agency's staff and its systems use them."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from isoflow.cli.main import main
from isoflow.indicators.formulas import Rating
from isoflow.store import open_store
from isoflow.workspace import open_desk
from tests.store._helpers import fresh_postgres_schema, postgres_base_url

PROCESSES = Path(__file__).parents[1] / "processes"
CLERK, EXPERT, LEADER = "cong-chuc-mot-cua", "chuyen-vien", "lanh-dao"


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str]:
    """Two business registrations of Q1 2026: one granted early and rated, one still open."""
    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'r.db'}"
    desk = open_desk([PROCESSES], url)
    t = datetime.fromisoformat
    granted = desk.receive("QT-DKKD-01", unit="H40", channel="online", applicant={"ho_ten": "Trần Bình"}, data={},
                           actor="le.an", role=CLERK, at=t("2026-03-02 08:00"))
    for action, role, when, data in [
            ("kiem_tra", CLERK, "2026-03-02 08:30", {"ho_so_day_du": True, "hinh_thuc_nhan": "truc_tuyen"}),
            ("ban_giao", CLERK, "2026-03-02 09:00", {}),
            ("trinh", EXPERT, "2026-03-02 14:00", {"du_dieu_kien": True}),
            ("ky", LEADER, "2026-03-03 09:00", {"ket_qua_dien_tu": True}),
            ("tra", CLERK, "2026-03-03 11:00", {})]:
        desk.act(granted.code, action, actor=f"u.{role}", role=role, at=t(when), data=data)
    waiting = desk.receive("QT-DKKD-01", unit="H40", channel="in_person", applicant={"ho_ten": "Lê An"}, data={},
                           actor="le.an", role=CLERK, at=t("2026-03-30 08:00"))
    desk.store.close()
    return url, granted.code, waiting.code


def test_rate_records_the_citizens_evaluation(db: tuple[str, str, str]) -> None:
    url, code, _ = db
    result = run("dossier", "--db", url, "--processes", str(PROCESSES), "rate", code, "--overall", "rat-hai-long",
                 "--topic", "thoi_gian=rat-hai-long", "--topic", "thai_do=hai-long", "--at", "2026-03-03 11:05")
    assert result.exit_code == 0, result.output
    assert "Rất hài lòng" in result.stdout
    store = open_store(url)
    try:
        assert store.rating(code) == Rating(2, False, {"thoi_gian": 2, "thai_do": 1}, "")
    finally:
        store.close()


@pytest.mark.parametrize(("args", "message"), [
    (["--overall", "tot"], "use rat-hai-long, hai-long or khong-hai-long"),
    (["--overall", "1", "--topic", "gia_ca=1"], "with a topic among thoi_gian"),
])
def test_rate_refuses_unknown_levels_and_topics(db: tuple[str, str, str], args: list[str], message: str) -> None:
    url, code, _ = db
    result = run("dossier", "--db", url, "--processes", str(PROCESSES), "rate", code, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_rating_an_unknown_dossier_is_one_line(db: tuple[str, str, str]) -> None:
    url, _, _ = db
    result = run("dossier", "--db", url, "--processes", str(PROCESSES), "rate", "H40-260101-9999", "--overall", "1")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("isoflow: ")
    assert "H40-260101-9999" in result.stderr


def test_report_json_counts_the_quarter(db: tuple[str, str, str]) -> None:
    url, _, _ = db
    result = run("report", "--db", url, "--processes", str(PROCESSES), "--quarter", "2026-Q1", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    total = {i["key"]: i for i in data["total"]["indicators"]}
    assert total["received"]["value"] == "2"
    assert total["resolved_early"]["value"] == "1"
    assert total["in_progress_within"]["value"] == "1"
    assert total["766-3.3"]["value"] == "50.00"
    assert total["766-4.1"]["value"] == "100.00"


def test_report_csv_has_a_row_per_group_and_indicator(db: tuple[str, str, str]) -> None:
    url, _, _ = db
    result = run("report", "--db", url, "--processes", str(PROCESSES), "--year", "2026", "--by", "procedure",
                 "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) > 10
    assert any("QT-DKKD-01" in cell for row in rows for cell in row)


def test_report_pdf_is_written_to_a_file(db: tuple[str, str, str], tmp_path: Path) -> None:
    url, _, _ = db
    out = tmp_path / "bao-cao.pdf"
    result = run("report", "--db", url, "--processes", str(PROCESSES), "--quarter", "2026Q1", "--format", "pdf",
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("args", "message"), [
    (["--year", "2026", "--quarter", "2026-Q1"], "give the period once"),
    (["--from", "2026-03-31", "--to", "2026-01-01"], "ends (2026-01-01) before it starts"),
    (["--from", "2026-01-01"], "give both --from and --to"),
    (["--quarter", "2026-Q5"], "is not a quarter"),
    (["--year", "2026", "--format", "pdf"], "a PDF report needs --output FILE"),
    (["--year", "0"], "is not a year isoflow can report on"),
    (["--quarter", "0000-Q1"], "is not a quarter isoflow can report on"),
    (["--from", "2026-01-01", "--to", "9999-12-31"], "the period must end before"),
    (["--year", "2026", "-o", "/no/such/folder/x.csv"], "no such folder for the report"),
])
def test_report_usage_mistakes_are_one_line_exit_2(db: tuple[str, str, str], args: list[str], message: str) -> None:
    url, _, _ = db
    result = run("report", "--db", url, "--processes", str(PROCESSES), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_report_on_a_missing_database_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.db"
    result = run("report", "--db", f"sqlite:///{missing}", "--processes", str(PROCESSES), "--year", "2026")
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"isoflow: no isoflow database at sqlite:///{missing}: "
                                     f"the file {missing} does not exist")
    assert not missing.exists()


def test_a_report_on_an_empty_file_or_schema_creates_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "trong.db"
    empty.write_bytes(b"")
    result = run("report", "--db", f"sqlite:///{empty}", "--processes", str(PROCESSES), "--year", "2026")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"isoflow: no isoflow database at sqlite:///{empty}")
    assert empty.read_bytes() == b""
    with fresh_postgres_schema(postgres_base_url("the report on an empty schema"), "isoflow_report") as url:
        result = run("report", "--db", url, "--processes", str(PROCESSES), "--year", "2026")
        assert result.exit_code == 1
        assert "no isoflow database at postgresql://isoflow:***@" in result.stderr
        import psycopg

        with psycopg.connect(url) as conn:
            tables = conn.execute("SELECT count(*) FROM information_schema.tables "
                                  "WHERE table_schema = current_schema()").fetchone()
        assert tables == (0,)


@pytest.mark.parametrize(("text", "message"), [
    ("target = 5", "write each target as a [[target]] table"),
    ("[target]\nindicator = 'satisfaction'", "write each target as a [[target]] table"),
    ("source = 'x'", "[source] must be a table"),
    ("[[target]]\nindicator = 'satisfaction'\nyear = 2030\nat_least = nan", "must be a finite number"),
    ("[[target]]\nindicator = 'satisfaction'\nyear = 2030\nat_least = '90'", "must be a number"),
    ("[[target]]\nindicator = 'satisfaction'\nyear = true\nat_least = 90", "give a year"),
    ("[[target]]\nindicator = 'satisfaction'\nyear = 2030\nat_least = 90\ndomains = 'land'", "a list of domain"),
    ("[[target]]\nindicator = 'hai_long'\nyear = 2030\nat_least = 90", "unknown indicator 'hai_long'"),
    ("[[target", "Expected"),
])
def test_a_bad_targets_file_is_one_line(db: tuple[str, str, str], tmp_path: Path, text: str, message: str) -> None:
    url, _, _ = db
    targets = tmp_path / "chi-tieu.toml"
    targets.write_text(text, encoding="utf-8")
    result = run("report", "--db", url, "--processes", str(PROCESSES), "--year", "2026", "--targets", str(targets))
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
