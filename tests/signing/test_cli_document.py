"""``isoflow document verify``: 0 only for a valid, trusted, unchanged file; 1 with one line why; 2 for usage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from isoflow.cli.main import main
from isoflow.signing import Box, sign_document
from isoflow.signing.testing import PKI, append_unsigned_update, flip_signed_byte


@pytest.fixture(scope="module")
def signed(pki: PKI, document: tuple[bytes, Box], images: tuple[bytes, bytes]) -> bytes:
    return sign_document(document[0], pki.identity("signer"), pki.identity("seal"), signature_image=images[0],
                         seal_image=images[1], where=document[1], timestamper=pki.timestamper())


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["document", "verify", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_valid_file_says_who_when_chain_and_exits_0(pki: PKI, signed: bytes, tmp_path: Path) -> None:
    path = tmp_path / "quyet-dinh.pdf"
    path.write_bytes(signed)
    code, out, err = run(str(path), "--trust", str(pki.root))
    assert (code, err) == (0, "")
    assert "Chữ ký 1 [ChuKyNguoiKy]: Nguyễn Văn Ánh (Ủy ban nhân dân xã Tân Phú)" in out
    assert "Chữ ký 2 [ChuKyCoQuan]: Ủy ban nhân dân xã Tân Phú" in out
    assert "Chuỗi chứng thư: isoflow Test Root CA > isoflow Test Issuing CA > Nguyễn Văn Ánh (được tin cậy)" in out
    assert "thay đổi sau khi ký: có (ký hoặc điền biểu mẫu, được phép)" in out
    assert "+07:00; dấu thời gian: " in out
    assert "  Kết quả: hợp lệ\n" in out
    assert out.rstrip().endswith(
        "Kết luận: HỢP LỆ: mọi chữ ký hợp lệ, được tin cậy, tệp không thay đổi sau chữ ký cuối cùng")


def test_json_for_scripts(pki: PKI, signed: bytes, tmp_path: Path) -> None:
    path = tmp_path / "quyet-dinh.pdf"
    path.write_bytes(signed)
    code, out, _ = run(str(path), "--trust", str(pki.root), "--trust", str(pki.other_root), "--format", "json")
    data = json.loads(out)
    assert (code, data["status"], data["ok"], data["file"]) == (0, "valid", True, str(path))
    assert [s["signer"] for s in data["signatures"]] == ["Nguyễn Văn Ánh", "Ủy ban nhân dân xã Tân Phú"]


@pytest.mark.parametrize(("make", "status", "line"), [
    (flip_signed_byte, "tampered", "KHÔNG HỢP LỆ: nội dung đã bị sửa sau khi ký"),
    (append_unsigned_update, "tampered", "KHÔNG HỢP LỆ: nội dung đã bị sửa sau khi ký"),
    (lambda pdf: append_unsigned_update(pdf, content=False), "modified",
     "KHÔNG HỢP LỆ: tệp đã bị thay đổi sau chữ ký cuối cùng"),
])
def test_a_changed_file_exits_1_with_one_line(pki: PKI, signed: bytes, tmp_path: Path, make: object, status: str,
                                              line: str) -> None:
    path = tmp_path / "sua.pdf"
    path.write_bytes(make(signed))  # type: ignore[operator]
    code, out, err = run(str(path), "--trust", str(pki.root), "--format", "json")
    assert (code, json.loads(out)["status"]) == (1, status)
    assert err.count("\n") == 1
    assert err.startswith(f"isoflow: {path}: {line} (")


def test_untrusted_expired_and_unsigned_files_exit_1(pki: PKI, signed: bytes, document: tuple[bytes, Box],
                                                     tmp_path: Path) -> None:
    path = tmp_path / "van-ban.pdf"
    path.write_bytes(signed)
    code, _, err = run(str(path), "--trust", str(pki.other_root))
    assert code == 1
    assert "chứng thư số của người ký không do tổ chức được tin cậy cấp" in err
    path.write_bytes(pki.sign_expired(document[0]))
    code, out, err = run(str(path), "--trust", str(pki.root))
    assert code == 1
    assert "đã hết hạn hoặc chưa có hiệu lực" in err
    assert "Lê Thị Hết Hạn" in out
    path.write_bytes(document[0])
    code, out, err = run(str(path), "--trust", str(pki.root))
    assert (code, err) == (1, f"isoflow: {path}: KHÔNG HỢP LỆ: tệp không có chữ ký số (the file has no signature)\n")


def test_not_a_pdf_exits_1_and_usage_errors_exit_2(pki: PKI, tmp_path: Path) -> None:
    text = tmp_path / "ghi-chu.pdf"
    text.write_text("không phải PDF")
    code, _, err = run(str(text), "--trust", str(pki.root))
    assert code == 1
    assert err.startswith(f"isoflow: {text}: KHÔNG ĐỌC ĐƯỢC tệp PDF (not a readable PDF")
    assert run(str(text))[0] == 2                                          # --trust is required
    assert run(str(tmp_path / "missing.pdf"), "--trust", str(pki.root))[0] == 2
    code, _, err = run(str(text), "--trust", str(text))
    assert (code, err) == (2, f"isoflow: {text} is not a certificate (PEM or DER)\n")


def test_the_group_lists_its_commands() -> None:
    result = CliRunner().invoke(main, ["document", "--help"])
    assert result.exit_code == 0
    assert "verify" in result.stdout
