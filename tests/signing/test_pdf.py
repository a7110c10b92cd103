"""PAdES in Decree 30's layout: the signer, then the seal over the left third; copies at the top right.

Every PDF made here is rendered with pdftoppm and its colours checked where Phụ lục I puts them
(blue signature, red seal, the seal over the signature's left third); one test reads the copy
line back with pdftotext.  ``ISOFLOW_KEEP_RENDERINGS=folder`` keeps the PNGs to look at.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography import x509
from PIL import Image
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields

from isoflow.errors import SigningError
from isoflow.signing import (
    Box,
    Identity,
    SealLayout,
    Status,
    seal_document,
    sign_as_signer,
    sign_attachment,
    sign_document,
    verify_pdf,
)
from isoflow.signing.fonts import covers_vietnamese, find_font
from isoflow.signing.pdf import COPY_FIELD, SEAL_FIELD, SIGNER_FIELD
from isoflow.signing.samples import SAMPLE_NUMBER
from isoflow.signing.testing import PKI
from tests.signing.conftest import POPPLER

DPI = 72  # one pixel per point: PDF boxes read as pixel boxes (y from the top)


def render(pdf: bytes, name: str, tmp_path: Path) -> Image.Image:
    """Page 1 as an RGB image (kept in ISOFLOW_KEEP_RENDERINGS if set)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", str(path), str(tmp_path / name)], check=True)
    image = Image.open(tmp_path / f"{name}.png").convert("RGB")
    keep = os.environ.get("ISOFLOW_KEEP_RENDERINGS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", str(path), str(Path(keep) / name)], check=True)
    return image


def blue(pixel: tuple[int, int, int]) -> bool:
    r, _g, b = pixel
    return b > 120 and r < 110 and b - r > 60


def red(pixel: tuple[int, int, int]) -> bool:
    r, g, b = pixel
    return r > 150 and g < 100 and b < 100


def count(image: Image.Image, box: Box, test: object) -> int:
    height = image.height
    pixels = image.load()
    assert pixels is not None
    rows = range(int(height - box.top), int(height - box.bottom))
    return sum(1 for x in range(int(box.left), int(box.right)) for y in rows if test(pixels[x, y]))  # type: ignore[operator]


def widget_boxes(pdf: bytes) -> dict[str, Box]:
    reader = PdfFileReader(io.BytesIO(pdf))
    boxes = {}
    for name, _, ref in fields.enumerate_sig_fields(reader):
        left, bottom, right, top = (float(v) for v in ref.get_object()["/Rect"])
        boxes[name] = Box(0, left, bottom, right, top)
    return boxes


@POPPLER
def test_the_signer_then_the_seal_over_the_left_third_both_valid(
        pki: PKI, signer: Identity, seal: Identity, document: tuple[bytes, Box], images: tuple[bytes, bytes],
        trusted: list[x509.Certificate], tmp_path: Path) -> None:
    pdf, box = document
    signed = sign_document(pdf, signer, seal, signature_image=images[0], seal_image=images[1], where=box,
                           timestamper=pki.timestamper())
    verdict = verify_pdf(signed, trusted)
    assert verdict.status is Status.VALID, verdict.problem
    first, second = verdict.signatures
    assert (first.field, first.signer, second.field, second.signer) == (
        SIGNER_FIELD, "Nguyễn Văn Ánh", SEAL_FIELD, "Ủy ban nhân dân xã Tân Phú")
    assert (first.coverage, first.modification, first.changed_after) == ("ENTIRE_REVISION", "FORM_FILLING", True)
    assert (second.coverage, second.modification, second.changed_after) == ("ENTIRE_FILE", "NONE", False)
    assert first.timestamp is not None
    assert second.timestamp is not None
    assert first.chain == ("isoflow Test Root CA", "isoflow Test Issuing CA", "Nguyễn Văn Ánh")

    widgets = widget_boxes(signed)
    sig, seal_box = widgets[SIGNER_FIELD], widgets[SEAL_FIELD]
    assert (sig.left, sig.bottom, sig.right, sig.top) == box.rounded()
    assert seal_box.right == pytest.approx(box.left + box.width / 3, abs=1)  # over the left third
    assert seal_box.width == pytest.approx(36 / 25.4 * 72, abs=1)            # the seal's true size, 36 mm
    assert (seal_box.bottom + seal_box.top) / 2 == pytest.approx((box.bottom + box.top) / 2, abs=1)

    image = render(signed, "signed-document", tmp_path)
    left_third = Box(0, box.left, box.bottom, box.left + box.width / 3, box.top)
    right_part = Box(0, box.left + box.width / 2, box.bottom, box.right, box.top)
    assert count(image, right_part, blue) > 50            # the signature, blue, where it was asked
    assert count(image, right_part, red) == 0             # ... the seal stays off its right part
    assert count(image, left_third, red) > 100            # the seal, red, over the left third
    assert count(image, seal_box, red) > 400
    assert count(image, Box(0, 0, 0, 595, 250), red) + count(image, Box(0, 0, 0, 595, 250), blue) == 0


def test_a_named_field_takes_the_signature_and_the_seal_follows_it(
        signer: Identity, seal: Identity, document: tuple[bytes, Box], images: tuple[bytes, bytes],
        trusted: list[x509.Certificate]) -> None:
    pdf, _ = document
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    fields.append_signature_field(writer, fields.SigFieldSpec("ChuKyMau", on_page=0, box=(330, 300, 480, 370)))
    out = io.BytesIO()
    writer.write(out)
    signed = sign_as_signer(out.getvalue(), signer, signature_image=images[0], where="ChuKyMau",
                            seal_layout=SealLayout(diameter_mm=30))
    signed = seal_document(signed, seal, seal_image=images[1])
    verdict = verify_pdf(signed, trusted)
    assert verdict.ok, verdict.problem
    assert [s.field for s in verdict.signatures] == ["ChuKyMau", SEAL_FIELD]
    assert widget_boxes(signed)[SEAL_FIELD].right == pytest.approx(330 + 150 / 3, abs=1)
    with pytest.raises(SigningError, match="no empty signature field 'KhongCo'"):
        sign_as_signer(pdf, signer, signature_image=images[0], where="KhongCo")


def test_the_seal_needs_the_signers_revision_first(seal: Identity, document: tuple[bytes, Box],
                                                   images: tuple[bytes, bytes]) -> None:
    with pytest.raises(SigningError, match=r"no empty field 'ChuKyCoQuan': sign it with sign_as_signer first"):
        seal_document(document[0], seal, seal_image=images[1])


def test_images_must_be_transparent_pngs(signer: Identity, document: tuple[bytes, Box]) -> None:
    opaque = io.BytesIO()
    Image.new("RGB", (60, 30), "white").save(opaque, format="PNG")
    with pytest.raises(SigningError, match="no transparent background"):
        sign_as_signer(document[0], signer, signature_image=opaque.getvalue(), where=document[1])
    with pytest.raises(SigningError, match="is not a PNG image"):
        sign_as_signer(document[0], signer, signature_image=b"GIF89a", where=document[1])


def test_a_pdf_that_cannot_be_read_is_one_line(signer: Identity, images: tuple[bytes, bytes]) -> None:
    with pytest.raises(SigningError, match=r"^cannot sign the PDF: "):
        sign_as_signer(b"%PDF-1.7\nnot really", signer, signature_image=images[0], where=Box(0, 1, 1, 2, 2))


@POPPLER
def test_attachments_and_copies_carry_the_number_and_time_at_the_top_right(
        pki: PKI, seal: Identity, document: tuple[bytes, Box], trusted: list[x509.Certificate],
        tmp_path: Path) -> None:
    before = datetime.now(timezone(timedelta(hours=7))).replace(microsecond=0)
    signed = sign_attachment(document[0], seal, SAMPLE_NUMBER, heading="SAO Y; Ủy ban nhân dân xã Tân Phú",
                             timestamper=pki.timestamper())
    verdict = verify_pdf(signed, trusted)
    assert verdict.ok, verdict.problem
    assert [s.field for s in verdict.signatures] == [COPY_FIELD]
    path = tmp_path / "copy.pdf"
    path.write_bytes(signed)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    first, second = (line.strip() for line in text.splitlines()[:2])
    assert first == "SAO Y; Ủy ban nhân dân xã Tân Phú"
    match = re.fullmatch(r"12/QĐ-UBND; (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00)", second)
    assert match, second
    assert before <= datetime.fromisoformat(match.group(1)) <= before + timedelta(minutes=1)
    box = widget_boxes(signed)[COPY_FIELD]
    assert box.right == pytest.approx(595.28 - 15 * 72 / 25.4, abs=1)
    assert box.top == pytest.approx(
        841.89 - 5 * 72 / 25.4, abs=1)
    image = render(signed, "attachment", tmp_path)
    assert count(image, box, red) + count(image, box, blue) == 0  # text only, black
    assert count(image, box, lambda p: sum(p) < 200) > 100


def test_the_copy_font_is_times_compatible_with_full_vietnamese() -> None:
    font = find_font()
    assert font.name in ("LiberationSerif-Regular.ttf", "Tinos-Regular.ttf", "Times_New_Roman.ttf", "times.ttf")
    assert covers_vietnamese(font)
    assert not covers_vietnamese(Path(__file__))


@pytest.mark.usefixtures("token")
@POPPLER
def test_signing_with_keys_on_a_token(token_identities: tuple[Identity, Identity], document: tuple[bytes, Box],
                                      images: tuple[bytes, bytes], trusted: list[x509.Certificate],
                                      tmp_path: Path) -> None:
    signer, seal = token_identities
    pdf, box = document
    signed = sign_document(pdf, signer, seal, signature_image=images[0], seal_image=images[1], where=box)
    verdict = verify_pdf(signed, trusted)
    assert verdict.ok, verdict.problem
    assert [s.signer for s in verdict.signatures] == ["Nguyễn Văn Ánh", "Ủy ban nhân dân xã Tân Phú"]
    copy = sign_attachment(pdf, seal, SAMPLE_NUMBER)
    assert verify_pdf(copy, trusted).ok
    image = render(signed, "token-signed", tmp_path)
    assert count(image, box, blue) > 50
    assert count(image, box, red) > 100
