"""Forms issued to citizens signed with the organisation's signature (Circular 01/2018/TT-VPCP
Art. 10(1)(d)), with the same key that seals the store's ledger; checked by ``isoflow document verify``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from isoflow.cli.main import main
from tests.control.conftest import PASSPHRASE, POPPLER, SEAL, Authority

PROCESSES = Path(__file__).resolve().parents[2] / "processes"
CODE = "H56-260302-0001"


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def dossier_db(tmp_path: Path) -> str:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    received = _run("dossier", "--db", db, "--processes", str(PROCESSES), "receive", "QT-DKKD-01", "--unit", "H56",
                    "--actor", "le.an", "--role", "cong-chuc-mot-cua", "--at", "2026-03-02 09:00",
                    "--applicant", "ho_ten=Nguyễn Thị Mai")
    assert received.exit_code == 0, received.output
    checked = _run("dossier", "--db", db, "--processes", str(PROCESSES), "act", CODE, "kiem_tra", "--actor", "le.an",
                   "--role", "cong-chuc-mot-cua", "--at", "2026-03-02 09:30", "--set", "ho_so_day_du=true",
                   "--set", "hinh_thuc_nhan=truc_tiep")  # complete: the receipt is issued
    assert checked.exit_code == 0, checked.output
    return db


@pytest.fixture
def seal_key(tmp_path: Path, authority: Authority) -> tuple[Path, Path]:
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    return authority.p12(SEAL), secret


def _render(db: str, target: Path, *more: str) -> Result:
    return _run("dossier", "--db", db, "--processes", str(PROCESSES), "render", CODE, "receipt", "-o", str(target),
                *more)


def test_a_signed_receipt_verifies_as_the_organisations(dossier_db: str, seal_key: tuple[Path, Path], tmp_path: Path,
                                                        authority: Authority) -> None:
    target = tmp_path / "receipt.pdf"
    result = _render(dossier_db, target, "--sign", str(seal_key[0]), "--passphrase-file", str(seal_key[1]))
    assert result.exit_code == 0, result.output
    verified = _run("document", "verify", str(target), "--trust", str(authority.root))
    assert verified.exit_code == 0, verified.output
    lines = verified.stdout.splitlines()
    assert lines[1] == f"Chữ ký 1 [{_field()}]: {SEAL}"
    assert lines[-1] == "Kết luận: HỢP LỆ: mọi chữ ký hợp lệ, được tin cậy, tệp không thay đổi sau chữ ký cuối cùng"
    # another agency's trust list does not vouch for it
    other = Authority(tmp_path / "other", "other")
    assert _run("document", "verify", str(target), "--trust", str(other.root)).exit_code == 1


def _field() -> str:
    from isoflow.signing.pdf import COPY_FIELD

    return COPY_FIELD


def test_a_signed_receipt_altered_after_signing_fails(dossier_db: str, seal_key: tuple[Path, Path],
                                                      tmp_path: Path, authority: Authority) -> None:
    from isoflow.signing.testing import flip_signed_byte

    target = tmp_path / "receipt.pdf"
    assert _render(dossier_db, target, "--sign", str(seal_key[0]), "--passphrase-file",
                   str(seal_key[1])).exit_code == 0
    target.write_bytes(flip_signed_byte(target.read_bytes()))
    result = _run("document", "verify", str(target), "--trust", str(authority.root))
    assert result.exit_code == 1
    assert "Kết luận: KHÔNG HỢP LỆ" in result.stdout


def test_only_a_pdf_is_signed(dossier_db: str, seal_key: tuple[Path, Path], tmp_path: Path) -> None:
    result = _render(dossier_db, tmp_path / "receipt.html", "--sign", str(seal_key[0]), "--passphrase-file",
                     str(seal_key[1]))
    assert result.exit_code == 2
    assert "Error: --sign signs a PDF: give --format pdf or -o FILE.pdf" in result.stderr
    assert not (tmp_path / "receipt.html").exists()


def test_a_wrong_passphrase_is_one_line_and_writes_nothing(dossier_db: str, seal_key: tuple[Path, Path],
                                                           tmp_path: Path) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_text("sai", encoding="utf-8")
    target = tmp_path / "receipt.pdf"
    result = _render(dossier_db, target, "--sign", str(seal_key[0]), "--passphrase-file", str(wrong))
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("isoflow: ")
    assert not target.exists()


@POPPLER
def test_the_signature_line_prints_at_the_top_right(dossier_db: str, seal_key: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    target = tmp_path / "receipt.pdf"
    assert _render(dossier_db, target, "--sign", str(seal_key[0]), "--passphrase-file",
                   str(seal_key[1])).exit_code == 0
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(target), "-"], check=True,
                          capture_output=True, text=True).stdout
    first = next(line for line in text.splitlines() if line.strip())
    assert first.rstrip().endswith("+07:00")
    assert f"{CODE} (receipt);" in first
