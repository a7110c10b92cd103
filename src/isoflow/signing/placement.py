"""Where signatures go on the page, as Decree 30 Phụ lục I places them (research documents.md §1.6, §1.10).

* The signer's signature image sits between the position title and the name (ô 7c): the
  caller gives that box, or the name of an empty signature field a template left there.
* The organisation's seal image covers about the left third of the signer's image (ô 8).
* Separate attachments and electronic copies carry the organisation's signature at the top
  right of page 1, without an image, as a 10 pt text line (ô 14).

The sizes the decree leaves to practice (the seal's diameter, the copy line's margins) are
configuration with a default, never constants buried in the signing code.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["POINTS_PER_MM", "Box", "CopyStampLayout", "SealLayout"]

POINTS_PER_MM = 72 / 25.4


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on a page, in PDF points from the lower left corner; ``page`` counts from 0."""

    page: int
    left: float
    bottom: float
    right: float
    top: float

    def __post_init__(self) -> None:
        if self.page < 0 or self.right <= self.left or self.top <= self.bottom:
            raise ValueError(f"not a box on a page: {self}")

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    def rounded(self) -> tuple[int, int, int, int]:
        """(left, bottom, right, top) in whole points, as a PDF widget's /Rect is given to pyHanko."""
        return round(self.left), round(self.bottom), round(self.right), round(self.top)


@dataclass(frozen=True, slots=True)
class SealLayout:
    """The organisation's seal image over the signer's image.

    ``diameter_mm``: the seal's true size (Phụ lục I asks for it). 36 mm is a common round
    seal of a commune or department; the sizes are set by the seal regulations, not by Decree
    30 (recalled – verify): measure the agency's own seal and configure it.
    ``covers``: the part of the signer's image the seal covers, on its left ("khoảng 1/3").
    """

    diameter_mm: float = 36.0
    covers: float = 1 / 3

    def box(self, signature: Box) -> Box:
        """The seal's square: its right edge a third into the signature, centred on it vertically."""
        size = self.diameter_mm * POINTS_PER_MM
        right = signature.left + signature.width * self.covers
        middle = (signature.bottom + signature.top) / 2
        return Box(signature.page, right - size, middle - size / 2, right, middle + size / 2)


@dataclass(frozen=True, slots=True)
class CopyStampLayout:
    """The organisation's text-only signature on separate attachments and electronic copies.

    Phụ lục I puts it at the top right of the first page, in Times New Roman 10 pt, black.  The
    box's width, height and its distances from the page's right and top edges are practice
    (recalled – verify against the agency's template): defaults keep it inside the top margin.
    """

    width_mm: float = 80.0
    height_mm: float = 10.0
    right_mm: float = 15.0
    top_mm: float = 5.0
    font_size: int = 10

    def box(self, page_width: float, page_height: float) -> Box:
        """The stamp's box on page 1 of a page of this size (points)."""
        right = page_width - self.right_mm * POINTS_PER_MM
        top = page_height - self.top_mm * POINTS_PER_MM
        return Box(0, right - self.width_mm * POINTS_PER_MM, top - self.height_mm * POINTS_PER_MM, right, top)
