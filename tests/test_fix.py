"""Messages a person can act on: NFD named by its accents, ``isoflow fix`` rewriting in NFC
safely, schema errors in words."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from click.testing import CliRunner

from isoflow.cli.main import main
from tests.conftest import PROCESSES

ROOT = Path(__file__).parent.parent


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _nfd_copy(tmp_path: Path, name: str = "chung-thuc-ban-sao.xml") -> tuple[Path, bytes]:
    original = (PROCESSES / name).read_bytes()
    path = tmp_path / name
    path.write_bytes(unicodedata.normalize("NFD", original.decode("utf-8")).encode("utf-8"))
    return path, original


def test_an_nfd_text_is_named_by_its_accents(tmp_path: Path) -> None:
    path, _ = _nfd_copy(tmp_path)
    code, out = run("validate", "--select", "N001", str(path))
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith(f"{path}:")
    assert "is written with combining accents (U+" in first
    assert "COMBINING" in first
    assert first.endswith("it looks right but is decomposed Unicode (NFD), not NFC "
                          "(rewrite the file in NFC with: isoflow fix FILE)")


def test_an_nfd_id_is_refused_by_the_schema_with_its_accents_named(tmp_path: Path) -> None:
    path = tmp_path / "p.xml"
    nfd = unicodedata.normalize("NFD", "ký_duyệt")
    text = (PROCESSES / "mot-cua-chung.xml").read_text(encoding="utf-8")
    path.write_text(text.replace('<state id="ky_duyet"', f'<state id="{nfd}"'), encoding="utf-8")
    code, out = run("validate", str(path))
    assert code == 1
    assert out.splitlines()[0].split(": ", 1)[1] == (
        "P006 xml-schema: <state> attribute 'id': 'ký_duyệt' is written with combining accents (U+0301 COMBINING "
        "ACUTE ACCENT, U+0323 COMBINING DOT BELOW, U+0302 COMBINING CIRCUMFLEX ACCENT): it looks right but is "
        "decomposed Unicode (NFD), which an id may not be (rewrite the file in NFC with: isoflow fix FILE)")


def test_fix_dry_run_lists_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.xml"
    text = (PROCESSES / "mot-cua-chung.xml").read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", "ký_duyệt")
    path.write_text(text.replace('<state id="ky_duyet"', f'<state id="{nfd}"'), encoding="utf-8")
    before = path.read_bytes()
    line = text[: text.index('<state id="ky_duyet"')].count("\n") + 1
    code, out = run("fix", "--dry-run", str(path))
    assert code == 1
    assert out.splitlines() == [
        f"{path}:{line}:16: 'ký_duyệt' was written with combining accents (U+0301 COMBINING ACUTE ACCENT, "
        "U+0323 COMBINING DOT BELOW, U+0302 COMBINING CIRCUMFLEX ACCENT)",
        "1 file would be rewritten, 0 already NFC.",
    ]
    assert path.read_bytes() == before
    assert not (tmp_path / "p.xml.orig").exists()


def test_fix_rewrites_in_nfc_and_keeps_the_original(tmp_path: Path) -> None:
    path, original = _nfd_copy(tmp_path)
    nfd = path.read_bytes()
    code, out = run("fix", str(tmp_path))
    assert code == 0
    assert out.splitlines()[-1] == "1 file rewritten in NFC (originals kept as FILE.orig), 0 already NFC."
    assert path.read_bytes() == original  # NFC again, byte for byte as shipped
    assert (tmp_path / "chung-thuc-ban-sao.xml.orig").read_bytes() == nfd
    code, out = run("validate", "--strict", str(path))
    assert (code, out.splitlines()) == (0, ["1 file checked: no problems found."])
    code, out = run("fix", str(path))  # nothing left to do
    assert (code, out.splitlines()) == (0, ["0 files rewritten in NFC, 1 already NFC."])


def test_fix_never_overwrites_a_backup(tmp_path: Path) -> None:
    path, _ = _nfd_copy(tmp_path)
    nfd = path.read_bytes()
    (tmp_path / "chung-thuc-ban-sao.xml.orig").write_bytes(b"an older backup")
    result = CliRunner().invoke(main, ["fix", str(path)])
    assert result.exit_code == 1
    assert f"{path}: not rewritten: its backup {path}.orig exists already (move it away first)" in result.output
    assert path.read_bytes() == nfd
    assert (tmp_path / "chung-thuc-ban-sao.xml.orig").read_bytes() == b"an older backup"


def test_fix_rewrites_features_and_leaves_other_encodings_alone(tmp_path: Path) -> None:
    feature = tmp_path / "khai-sinh.feature"
    feature.write_text(unicodedata.normalize("NFD", "# language: vi\nTính năng: Đăng ký khai sinh\n"),
                       encoding="utf-8")
    latin = tmp_path / "cu.xml"
    latin.write_bytes('<?xml version="1.0" encoding="ISO-8859-1"?>\n<flow>café</flow>\n'.encode("latin-1"))
    result = CliRunner().invoke(main, ["fix", "--no-backup", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{latin}: not UTF-8; left as it is (isoflow rewrites UTF-8 files only)" in result.output
    assert result.output.splitlines()[-1] == "1 file rewritten in NFC, 0 already NFC, 1 left as they are."
    assert feature.read_text(encoding="utf-8") == "# language: vi\nTính năng: Đăng ký khai sinh\n"
    assert not (tmp_path / "khai-sinh.feature.orig").exists()


def test_schema_errors_say_what_is_expected_in_words(tmp_path: Path) -> None:
    text = (PROCESSES / "chung-thuc-ban-sao.xml").read_text(encoding="utf-8")
    start, end = text.index("<procedure"), text.index("</procedure>") + len("</procedure>")
    missing = tmp_path / "missing.xml"
    missing.write_text(text[:start] + text[end:], encoding="utf-8")
    _, out = run("validate", str(missing))
    assert out.splitlines()[0].split(": ", 1)[1] == (
        "P006 xml-schema: <roles> is not allowed here: expected <procedure> (the parts of <process> come in this "
        "order: <suppress>, <control>, <procedure>, <roles>, <units>, <fields>, <forms>, <states>, <actions>, "
        "<records>)")
    wrong = tmp_path / "enum.xml"
    wrong.write_text(text.replace('kind="final"', 'kind="finished"', 1), encoding="utf-8")
    _, out = run("validate", str(wrong))
    assert out.splitlines()[0].split(": ", 1)[1] == (
        "P006 xml-schema: <state> attribute 'kind': 'finished' is not one of the allowed values: work, waiting, "
        "final")
    close = tmp_path / "close.xml"
    close.write_text(text.replace('kind="final"', 'kind="finals"', 1), encoding="utf-8")
    _, out = run("validate", str(close))
    assert out.splitlines()[0].endswith("'finals' is not one of the allowed values: work, waiting, final "
                                        "(did you mean 'final'?)")
