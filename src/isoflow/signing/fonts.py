"""The font of the text a signature prints on the page (the copy stamp of Phụ lục I).

Decree 30 asks for Times New Roman 10 pt (research documents.md §1.6, §1.10).  pyHanko's
default stamp font is a standard WinAnsi font, which garbles Vietnamese ("Nguyễn" becomes
"NguyÅn", documents.md §3.3 item 4), so the text is set in an embedded OpenType font that is
metric-compatible with Times and covers Vietnamese: Liberation Serif 2 or Tinos (Debian
fonts-liberation2 / fonts-croscore, installed by scripts/system-deps.sh).  The older
Liberation 1.x lacks letters such as "ẫ", so every candidate is checked for the whole
Vietnamese alphabet before it is used.

pyHanko 0.38 writes a TrueType font's glyph widths in the font's own units, where PDF expects
thousandths of an em: with the 2048-unit Liberation and Tinos every letter is set twice as far
apart (and a stamp's text is shrunk to fit).  :func:`embeddable` therefore rescales the font
to 1000 units per em with fontTools, once per process, before pyHanko sees it; hinting is
dropped with the scale it was written for (PDF viewers do not need it).
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont, TTLibError
from fontTools.ttLib.scaleUpem import scale_upem
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

from isoflow.errors import SigningError

__all__ = ["FONT_FAMILIES", "KNOWN_FONT_FILES", "VIETNAMESE_LETTERS", "EmbeddedFont", "covers_vietnamese",
           "embeddable", "find_font"]

#: Families looked up through fontconfig, in order: Times New Roman itself where an agency has
#: it, then its metric-compatible free clones.
FONT_FAMILIES = ("Times New Roman", "Liberation Serif", "Tinos")

#: Where Debian puts the free clones, for machines without fontconfig's ``fc-match``.
KNOWN_FONT_FILES = (Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
                    Path("/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf"),
                    Path("/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf"))

#: Every Vietnamese letter with its tone marks, both cases: a font must have a glyph for each.
VIETNAMESE_LETTERS = ("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
                      "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ")


def covers_vietnamese(path: Path) -> bool:
    """Whether the font file has a glyph for every Vietnamese letter (precomposed)."""
    try:
        with TTFont(path, lazy=True, fontNumber=0) as font:
            cmap = font.getBestCmap() or {}
    except (OSError, TTLibError):
        return False
    return all(ord(letter) in cmap for letter in VIETNAMESE_LETTERS)


@functools.cache
def find_font() -> Path:
    """The first Times-compatible font with full Vietnamese: :class:`SigningError` if none."""
    for candidate in (*_fontconfig(), *KNOWN_FONT_FILES):
        if candidate.is_file() and candidate.suffix.lower() in (".ttf", ".otf") and covers_vietnamese(candidate):
            return candidate
    raise SigningError("no Times-compatible font with full Vietnamese (Liberation Serif 2 or Tinos) is installed; "
                       "run scripts/system-deps.sh or pass font=PATH")


def _fontconfig() -> list[Path]:
    """The files fontconfig gives for :data:`FONT_FAMILIES` (only exact family matches)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return []
    found: list[Path] = []
    for family in FONT_FAMILIES:
        try:
            out = subprocess.run([fc_match, "-f", "%{family}|%{file}", f"{family}:style=Regular"],
                                 capture_output=True, text=True, timeout=10, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            return found
        families, _, file = out.rpartition("|")
        # fc-match always answers, with a fallback font if it must: keep only the family asked for.
        if family in families.split(","):
            found.append(Path(file))
    return found


#: Tables that only make sense at the font's original scale, or that fontTools cannot subset.
_DROPPED = ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "FFTM")


@functools.cache
def embeddable(path: Path) -> bytes:
    """The font at ``path`` as pyHanko can embed it: 1000 units per em, no hinting (see above)."""
    try:
        font = TTFont(path)
    except (OSError, TTLibError) as error:
        raise SigningError(f"cannot read the font {path}: {error}") from None
    with font:
        if font["head"].unitsPerEm != 1000:
            scale_upem(font, 1000)
        for table in _DROPPED:
            if table in font:
                del font[table]
        if "glyf" in font:
            glyphs = font["glyf"]
            for name in glyphs.keys():  # noqa: SIM118 - a glyf table iterates otherwise
                glyphs[name].removeHinting()
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class EmbeddedFont(GlyphAccumulatorFactory):
    """pyHanko's OpenType font factory, fed with :func:`embeddable`'s rescaled font."""

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(writer=writer, font_handle=io.BytesIO(embeddable(Path(self.font_file))),
                                font_size=self.font_size, obj_stream=obj_stream)
