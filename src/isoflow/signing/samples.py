"""Images and a document to sign, made at run time for tests, benchmarks and demonstrations.

:func:`signature_image` draws a blue handwritten-like scribble and :func:`seal_image` a red
ring seal, both PNG with a transparent background as Phụ lục I asks (research documents.md
§1.10).  :func:`sample_document` writes a one-page A4 decision (quyết định) laid out as
Decree 30 lays one out, with its signature block, and returns where the signature image goes:
between the signer's position and name.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.writer import PageObject, PdfFileWriter

from isoflow.signing.fonts import EmbeddedFont, find_font
from isoflow.signing.placement import Box

__all__ = ["SAMPLE_NUMBER", "sample_document", "seal_image", "signature_image"]

#: The number and notation (số và ký hiệu) of the sample decision.
SAMPLE_NUMBER = "12/QĐ-UBND"
BLUE = (18, 52, 190, 255)
RED = (214, 18, 28, 255)


def signature_image(width: int = 600, height: int = 240) -> bytes:
    """A blue scribble on a transparent background (PNG)."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = []
    for step in range(400):
        t = step / 399
        x = width * (0.08 + 0.84 * t)
        y = height * (0.55 - 0.28 * math.sin(t * 9.5) * (1 - t * 0.6) - 0.12 * math.sin(t * 31))
        points.append((x, y))
    draw.line(points, fill=BLUE, width=max(3, width // 120), joint="curve")
    draw.line([(width * 0.15, height * 0.8), (width * 0.9, height * 0.68)], fill=BLUE, width=max(2, width // 200))
    return _png(image)


def seal_image(size: int = 480, text: str = "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ *") -> bytes:
    """A red round seal (two rings, the agency's name around, a star in the middle), PNG."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c, ring = size / 2, max(4, size // 60)
    draw.ellipse((ring, ring, size - ring, size - ring), outline=RED, width=ring * 2)
    inner = size * 0.30
    draw.ellipse((c - inner, c - inner, c + inner, c + inner), outline=RED, width=ring)
    star = [(c + (inner * (0.8 if k % 2 == 0 else 0.33)) * math.sin(k * math.pi / 5),
             c - (inner * (0.8 if k % 2 == 0 else 0.33)) * math.cos(k * math.pi / 5)) for k in range(10)]
    draw.polygon(star, fill=RED)
    font = ImageFont.truetype(str(_bold(find_font())), int(size * 0.075))
    radius = size * 0.395
    for index, letter in enumerate(text):
        angle = -math.pi * 0.9 + index * (1.8 * math.pi / len(text))  # clockwise from the lower left
        glyph = Image.new("RGBA", (int(size * 0.12), int(size * 0.12)), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), letter, font=font, fill=RED, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle), resample=Image.Resampling.BICUBIC)
        x, y = c + radius * math.sin(angle), c - radius * math.cos(angle)
        image.alpha_composite(glyph, (int(x - glyph.width / 2), int(y - glyph.height / 2)))
    return _png(image)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _bold(regular: Path) -> Path:
    bold = regular.with_name(regular.name.replace("Regular", "Bold"))
    return bold if bold.is_file() else regular


A4 = (595.28, 841.89)
#: The sample's lines: (text, size, bold, x centre or None for the left margin, y baseline).
_LINES = (
    ("ỦY BAN NHÂN DÂN", 12, False, 150, 790), ("XÃ TÂN PHÚ", 12, True, 150, 775),
    (f"Số: {SAMPLE_NUMBER}", 13, False, 150, 745),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True, 400, 790), ("Độc lập - Tự do - Hạnh phúc", 13, True, 400, 775),
    ("Tân Phú, ngày 05 tháng 12 năm 2026", 13, False, 400, 745),
    ("QUYẾT ĐỊNH", 14, True, 297, 690), ("Về việc công bố quy trình giải quyết thủ tục hành chính", 14, True, 297, 672),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", 14, True, 297, 635),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 về công tác văn thư;", 13, False, None, 600),
    ("Theo đề nghị của Công chức Văn phòng - Thống kê xã,", 13, False, None, 580),
    ("QUYẾT ĐỊNH:", 14, True, 297, 550),
    ("Điều 1. Công bố kèm theo Quyết định này quy trình nội bộ đăng ký kết hôn.", 13, False, None, 520),
    ("Điều 2. Quyết định có hiệu lực kể từ ngày ký. Ủy ban nhân dân xã chịu trách", 13, False, None, 500),
    ("nhiệm thi hành Quyết định này./.", 13, False, None, 482),
    ("Nơi nhận:", 12, True, None, 430), ("- Như Điều 2;", 11, False, None, 416), ("- Lưu: VT.", 11, False, None, 403),
    ("KT. CHỦ TỊCH", 14, True, 420, 430), ("PHÓ CHỦ TỊCH", 14, True, 420, 414),
    ("Nguyễn Văn Ánh", 14, True, 420, 320),
)
#: Where the signer's image goes: between "PHÓ CHỦ TỊCH" and the name, centred on the block.
SIGNATURE_BOX = Box(page=0, left=345, bottom=311, right=495, top=379)
#: The page's top margin below the first line: Decree 30 asks for 20-25 mm, and the copy line
#: of an attachment sits above it.
_DOWN = 25


def sample_document() -> tuple[bytes, Box]:
    """A one-page Vietnamese decision as PDF, and the box its signer's image belongs in."""
    writer = PdfFileWriter(stream_xrefs=False)
    regular = EmbeddedFont(str(find_font()), 12).create_font_engine(writer)
    bold = EmbeddedFont(str(_bold(find_font())), 12).create_font_engine(writer)
    ops = []
    for text, size, is_bold, centre, baseline in _LINES:
        engine = bold if is_bold else regular
        engine.font_size = size  # the Td moves of a shaped line are in this size
        shaped = engine.shape(text)
        width = shaped.x_advance * size
        left = 85 if centre is None else centre - width / 2
        ops.append(b"BT /F%d %d Tf 1 0 0 1 %.2f %.2f Tm %s ET" % (2 if is_bold else 1, size, left, baseline - _DOWN,
                                                                    shaped.graphics_ops))
    ops.append(b"0.5 w 110 %d m 190 %d l S 330 %d m 470 %d l S" % ((768 - _DOWN,) * 4))  # rules under the headings
    stream = writer.add_object(generic.StreamObject(stream_data=b"\n".join(ops)))
    fonts = generic.DictionaryObject({generic.pdf_name("/F1"): regular.as_resource(),
                                      generic.pdf_name("/F2"): bold.as_resource()})
    resources = generic.DictionaryObject({generic.pdf_name("/Font"): fonts})
    writer.insert_page(PageObject(contents=stream, media_box=(0, 0, *A4), resources=resources))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), SIGNATURE_BOX
