"""``isoflow document ...`` as the văn thư types it: Vietnamese output, one line for a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from isoflow.cli.main import main
from isoflow.signing.samples import sample_document, seal_image, signature_image
from isoflow.signing.testing import PKI, make_pki
from tests.documents.conftest import ROOT

SETTINGS = """[agency]
code = "{code}"
name = "{name}"
abbreviation = "{abbr}"
place = "Tân Phú"
parent = "Ủy ban nhân dân tỉnh Ninh Bình"

[exchange]
folder = "truc"
trust = ["{root}"]

[directory]
"000.00.31.H40" = "Sở Tư pháp tỉnh Ninh Bình"
"000.01.31.H40" = "Ủy ban nhân dân xã Tân Phú"
"""


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> PKI:
    return make_pki(tmp_path_factory.mktemp("pki"))


def _office(folder: Path, pki: PKI, code: str, name: str, abbr: str) -> list[str]:
    settings = folder / f"{abbr}.toml"
    settings.write_text(SETTINGS.format(code=code, name=name, abbr=abbr, root=pki.root), encoding="utf-8")
    return ["--db", f"sqlite:///{folder / abbr}.db", "--processes", str(ROOT / "processes"), "--office", str(settings)]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_incoming_by_command(tmp_path: Path, pki: PKI) -> None:
    office = _office(tmp_path, pki, "000.01.31.H40", "Ủy ban nhân dân xã Tân Phú", "UBND")
    code, out, _ = run("document", "receive", *office, "--number", "345", "--notation", "STP-HCTP", "--date",
                       "30/11/2026", "--issuer", "Sở Tư pháp tỉnh Ninh Bình", "--subject", "đôn đốc báo cáo",
                       "--actor", "binh", "--at", "2026-12-01 08:00")
    assert code == 0
    doc = out.split(": ", 1)[1].split(" · ")[0]
    assert out == f"Đã tiếp nhận văn bản đến: {doc} · 345/STP-HCTP · V/v đôn đốc báo cáo · bước: tiep_nhan\n"
    assert run("document", "register", *office, doc, "--actor", "binh", "--at", "2026-12-01 09:00")[1] == \
        f"Đã vào sổ: {doc} · số đến 1\n"
    assert run("document", "assign", *office, doc, "--lead", "Văn phòng", "--deadline", "04/12/2026",
               "--direction", "Chủ trì", "--actor", "anh", "--at", "2026-12-01 10:00")[1] == \
        f"Đã phân công: {doc} · chủ trì: Văn phòng · hạn: 04/12/2026\n"
    assert run("document", "follow-up", *office, "--as-of", "07/12/2026")[1].splitlines() == [
        "   1 345/STP-HCTP · Văn phòng · hạn 04/12/2026 · QUÁ HẠN", "1 văn bản đang giải quyết, 1 quá hạn"]
    shown = run("document", "show", *office, doc)[1]
    assert "Số đến: 1 · ngày đến 01/12/2026" in shown
    assert "Bước hiện tại: giai_quyet" in shown
    history = run("document", "history", *office, doc)[1].splitlines()
    assert history[1] == "  2 01/12/2026 09:00 binh (van-thu) vao_so: tiep_nhan -> trinh · lấy số 1 (den)"
    book = run("document", "book", *office, "den", "--from", "01/12/2026", "--to", "31/12/2026")[1]
    assert book.splitlines()[1].startswith("01/12/2026,1,Sở Tư pháp tỉnh Ninh Bình,345/STP-HCTP,30/11/2026,")
    assert run("document", "check", *office)[1] == "Toàn vẹn: không phát hiện thay đổi\n"
    # Refusals: one line, non-zero.
    code, out, err = run("document", "receive", *office, "--number", "345", "--notation", "STP-HCTP", "--date",
                         "30/11/2026", "--issuer", "Sở Tư pháp tỉnh Ninh Bình", "--subject", "x", "--actor", "binh")
    assert (code, out) == (1, "")
    assert err.startswith("isoflow: văn bản trùng: 345/STP-HCTP ngày 30/11/2026")
    assert err.count("\n") == 1
    code, _, err = run("document", "register", *office, "UBND-261201-9999", "--actor", "binh")
    assert code == 1
    assert err.count("\n") == 1
    code, _, err = run("document", "show", "--office", str(tmp_path / "none.toml"), doc)
    assert code == 1
    assert err.count("\n") == 1


def test_outgoing_signed_numbered_exported_and_imported(tmp_path: Path, pki: PKI,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    commune = _office(tmp_path, pki, "000.01.31.H40", "Ủy ban nhân dân xã Tân Phú", "UBND")
    province = _office(tmp_path, pki, "000.00.31.H40", "Sở Tư pháp tỉnh Ninh Bình", "STP")
    monkeypatch.setenv("ISOFLOW_P12_PASSPHRASE", pki.passphrase)
    pdf, box = sample_document()
    (tmp_path / "cong-van.pdf").write_bytes(pdf)
    (tmp_path / "chu-ky.png").write_bytes(signature_image())
    (tmp_path / "dau.png").write_bytes(seal_image())
    out = run("document", "draft", *commune, "--subject", "báo cáo kết quả", "--unit", "VP", "--to",
              "Sở Tư pháp tỉnh Ninh Bình", "--recipient", "Như trên", "--send-to", "000.00.31.H40", "--signer",
              "Nguyễn Văn Ánh", "--position", "Phó Chủ tịch", "--authority", "KT.", "--principal", "Chủ tịch",
              "--keep", "VP", "--file", str(tmp_path / "cong-van.pdf"), "--actor", "binh", "--at",
              "2026-12-07 08:00")[1]
    doc = out.split(": ", 1)[1].split(" · ")[0]
    for action, role, hour in (("trinh_kiem_tra", "chuyen-vien", "09"), ("trinh_ky", "truong-phong", "10")):
        assert run("document", "act", *commune, doc, action, "--role", role, "--actor", "x", "--at",
                   f"2026-12-07 {hour}:00")[0] == 0
    signer = ["--p12", str(pki.people["signer"].p12)]
    seal = ["--p12", str(pki.people["seal"].p12)]
    code, out, err = run("document", "sign", *commune, doc, *signer, "--image", str(tmp_path / "chu-ky.png"),
                         "--box", f"{box.page},{box.left},{box.bottom},{box.right},{box.top}", "--actor", "anh",
                         "--at", "2026-12-07 11:00")
    assert code == 0, err
    assert run("document", "number", *commune, doc, "--actor", "vt", "--at", "2026-12-07 14:00")[1] == \
        f"Đã cấp số: {doc} · Số: 01/UBND-VP · ngày 07/12/2026\n"
    assert run("document", "seal", *commune, doc, *seal, "--image", str(tmp_path / "dau.png"), "--actor", "vt",
               "--at", "2026-12-07 14:05")[0] == 0
    envelope = tmp_path / "01-UBND-VP.edxml"
    assert run("document", "export", *commune, doc, *seal, "-o", str(envelope))[0] == 0
    code, out, err = run("document", "import", *province, str(envelope), "--actor", "vt.so", "--at",
                         "2026-12-07 15:00")
    assert code == 0, err
    assert " · 01/UBND-VP · V/v báo cáo kết quả · bước: tiep_nhan" in out
    code, _, err = run("document", "import", *province, str(envelope), "--actor", "vt.so")
    assert code == 1
    assert "already received" in err
    envelope.write_bytes(envelope.read_bytes().replace(b"<edXML:Subject>", b"<!DOCTYPE x><edXML:Subject>", 1))
    code, _, err = run("document", "import", *province, str(envelope), "--actor", "vt.so")
    assert code == 1
    assert "DOCTYPE" in err
    code, _, err = run("document", "sign", *commune, doc, *signer, "--image", str(tmp_path / "chu-ky.png"),
                       "--actor", "anh")
    assert code == 2
    assert err == "isoflow: give --box or --field: where the signature image goes\n"
