"""PAdES signatures on issued documents, with pyHanko (never hand-written PDF signing).

Decree 30 signs an issued document twice (research documents.md §1.10): the competent person
with a personal key, then the Văn thư with the organisation's key, whose visible seal covers
the left third of the signer's image.  :func:`sign_as_signer` makes the first signature and,
in the same revision, the empty field where the seal goes, so the signer's signature already
fixes the seal's place and the seal only fills a field (a change PAdES validators accept);
:func:`seal_document` makes the second, as an incremental update.  :func:`sign_document` does
both.  Separate attachments and electronic copies get the organisation's signature alone, at
the top right of page 1, as a line of text and no image (:func:`sign_attachment`, §1.6).

Every signature is PAdES (``ETSI.CAdES.detached``, SHA-256), with an RFC 3161 timestamp when a
``timestamper`` is given (:func:`http_timestamper` for a TSA's URL).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

from PIL import Image, UnidentifiedImageError
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError as PyhankoSigningError
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.timestamps.aiohttp_client import HTTPTimeStamper
from pyhanko.stamp import BaseStampStyle, StaticStampStyle, TextStamp, TextStampStyle

from isoflow.errors import SigningError
from isoflow.signing.fonts import EmbeddedFont, find_font
from isoflow.signing.keys import Identity, check_validity
from isoflow.signing.placement import Box, CopyStampLayout, SealLayout

__all__ = ["COPY_FIELD", "SEAL_FIELD", "SIGNER_FIELD", "VIETNAM", "http_timestamper", "seal_document",
           "sign_as_signer", "sign_attachment", "sign_document"]

#: The signature fields' names (ASCII: readers list them in their signature panels).
SIGNER_FIELD, SEAL_FIELD, COPY_FIELD = "ChuKyNguoiKy", "ChuKyCoQuan", "ChuKyCoQuanBanSao"
#: Vietnam's offset, which the copy line's ISO 8601 time carries (Phụ lục I: "múi giờ Việt Nam").
VIETNAM = timezone(timedelta(hours=7), "+07:00")
T = TypeVar("T")
#: The layouts used when the caller gives none (see :mod:`isoflow.signing.placement`).
DEFAULT_SEAL, DEFAULT_COPY_STAMP = SealLayout(), CopyStampLayout()


def http_timestamper(url: str, timeout: float = 10.0) -> TimeStamper:
    """An RFC 3161 timestamp authority at ``url`` (a trust-service provider's TSA)."""
    return HTTPTimeStamper(url, timeout=timeout)


def sign_document(pdf: bytes, signer: Identity, seal: Identity, *, signature_image: bytes, seal_image: bytes,
                  where: Box | str, seal_layout: SealLayout = DEFAULT_SEAL,
                  timestamper: TimeStamper | None = None) -> bytes:
    """The document signed by ``signer`` (image in ``where``) and then sealed by ``seal``."""
    signed = sign_as_signer(pdf, signer, signature_image=signature_image, where=where, seal_layout=seal_layout,
                            timestamper=timestamper)
    return seal_document(signed, seal, seal_image=seal_image, timestamper=timestamper)


def sign_as_signer(pdf: bytes, signer: Identity, *, signature_image: bytes, where: Box | str,
                   seal_layout: SealLayout = DEFAULT_SEAL, timestamper: TimeStamper | None = None) -> bytes:
    """The competent person's signature, image in ``where`` (a :class:`Box`, or the name of an
    empty signature field already in the PDF), plus the empty field the seal will fill."""
    check_validity(signer.certificate)
    writer = _open(pdf)
    image = _image(signature_image, "signature image")
    if isinstance(where, str):
        field, box = where, _field_box(writer, where)
        spec = None
    else:
        field, box = SIGNER_FIELD, where
        spec = fields.SigFieldSpec(SIGNER_FIELD, on_page=box.page, box=box.rounded())
    _guard(lambda: fields.append_signature_field(
        writer, fields.SigFieldSpec(SEAL_FIELD, on_page=box.page, box=seal_layout.box(box).rounded())))
    return _sign(writer, signer, field, spec, _image_style(image), timestamper)


def seal_document(pdf: bytes, seal: Identity, *, seal_image: bytes, timestamper: TimeStamper | None = None) -> bytes:
    """The organisation's signature in the seal field :func:`sign_as_signer` left."""
    check_validity(seal.certificate)
    writer = _open(pdf)
    if not list(fields.enumerate_sig_fields(writer, filled_status=False, with_name=SEAL_FIELD)):
        raise SigningError(f"the PDF has no empty field {SEAL_FIELD!r}: sign it with sign_as_signer first")
    return _sign(writer, seal, SEAL_FIELD, None, _image_style(_image(seal_image, "seal image")), timestamper)


def sign_attachment(pdf: bytes, seal: Identity, number: str, *, heading: str = "",
                    layout: CopyStampLayout = DEFAULT_COPY_STAMP, font: Path | None = None,
                    timestamper: TimeStamper | None = None) -> bytes:
    """The organisation's signature on a separate attachment or an electronic copy: at the top
    right of page 1, no image, the line "``number``; signing time" (ISO 8601, +07:00) in a
    Times-compatible font.  ``heading`` is an optional first line (a copy's "SAO Y; agency")."""
    check_validity(seal.certificate)
    writer = _open(pdf)
    width, height = _page_size(writer)
    box = layout.box(width, height)
    size = layout.font_size
    style = _IsoTimeStampStyle(
        stamp_text=(f"{_escape(heading)}\n" if heading else "") + f"{_escape(number)}; %(ts)s",
        timestamp_format=_PARSEABLE, border_width=0,
        text_box_style=TextBoxStyle(font=EmbeddedFont(str(font or find_font()), font_size=size),
                                    font_size=size, leading=size + 2, box_layout_rule=_TOP_RIGHT),
        inner_content_layout=_TOP_RIGHT)
    spec = fields.SigFieldSpec(COPY_FIELD, on_page=0, box=box.rounded())
    return _sign(writer, seal, COPY_FIELD, spec, style, timestamper)


def _sign(writer: IncrementalPdfFileWriter, identity: Identity, field: str, spec: fields.SigFieldSpec | None,
          style: BaseStampStyle, timestamper: TimeStamper | None) -> bytes:
    meta = signers.PdfSignatureMetadata(field_name=field, md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES)
    signer = signers.PdfSigner(meta, identity.pdf_signer, timestamper=timestamper, stamp_style=style,
                               new_field_spec=spec)
    out = _guard(lambda: signer.sign_pdf(writer, existing_fields_only=spec is None, output=io.BytesIO()))
    return bytes(out.getvalue())


def _guard(action: Callable[[], T]) -> T:
    """Run a pyHanko step; its errors become one line (a token error is the token's own words)."""
    try:
        return action()
    except SigningError:
        raise
    except (PyhankoSigningError, PdfError, ValueError, OSError) as error:
        raise SigningError(f"cannot sign the PDF: {error}") from None
    except Exception as error:
        if type(error).__module__.startswith("pkcs11"):
            raise SigningError(f"the token failed to sign: {type(error).__name__} {error}".strip()) from None
        raise


def _open(pdf: bytes) -> IncrementalPdfFileWriter:
    # strict=False: scanners and office suites write PDFs with small defects that readers accept.
    return _guard(lambda: IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False))


def _image(data: bytes, what: str) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError) as error:
        raise SigningError(f"the {what} is not a PNG image: {error}") from None
    if image.mode not in ("RGBA", "LA", "PA") and "transparency" not in image.info:
        raise SigningError(f"the {what} has no transparent background (Decree 30 Phụ lục I asks for a transparent PNG)")
    return image


def _image_style(image: Image.Image) -> StaticStampStyle:
    return StaticStampStyle(background=PdfImage(image), border_width=0, background_opacity=1.0,
                            background_layout=layout.SimpleBoxLayoutRule(
                                x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                                margins=layout.Margins.uniform(0)))


def _field_box(writer: BasePdfFileWriter, name: str) -> Box:
    found = list(fields.enumerate_sig_fields(writer, filled_status=False, with_name=name))
    if not found:
        raise SigningError(f"the PDF has no empty signature field {name!r}")
    reference = found[0][2]
    widget = reference.get_object()
    if "/Kids" in widget:
        reference = widget.raw_get("/Kids")[0]
        widget = reference.get_object()
    left, bottom, right, top = (float(v) for v in widget["/Rect"])
    page = widget.raw_get("/P") if "/P" in widget else None
    for index in range(int(writer.root["/Pages"]["/Count"])):
        candidate = writer.find_page_for_modification(index)[0]
        if page is not None:
            found_here = candidate == page
        else:  # no /P (optional in PDF): look for the widget among the page's annotations
            annotations = candidate.get_object().get("/Annots")
            found_here = annotations is not None and any(
                annotations.raw_get(i) == reference for i in range(len(annotations)))
        if found_here:
            return Box(index, min(left, right), min(bottom, top), max(left, right), max(bottom, top))
    raise SigningError(f"the signature field {name!r} is on no page of the PDF")


def _page_size(writer: BasePdfFileWriter) -> tuple[float, float]:
    page = writer.find_page_for_modification(0)[0].get_object()
    left, bottom, right, top = (float(v) for v in page["/MediaBox"])
    return right - left, top - bottom


#: pyHanko formats the signing time with this, and :class:`_IsoTimeStampStyle` reads it back.
_PARSEABLE = "%Y-%m-%dT%H:%M:%S%z"


def _escape(text: str) -> str:
    return text.replace("%", "%%")  # the stamp text is a %-template


#: The copy line sits in the top right corner of its box.
_TOP_RIGHT = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MAX, y_align=layout.AxisAlignment.ALIGN_MAX,
                                        margins=layout.Margins.uniform(0))


class _IsoTimeStampStyle(TextStampStyle):
    """The copy line's time as ISO 8601 with Vietnam's offset, "2026-12-05T15:46:07+07:00".

    pyHanko formats the signing time with ``strftime``, whose ``%z`` has no colon before
    Python 3.12 and which keeps the machine's zone: the time is read back and rewritten.
    """

    def create_stamp(self, writer: BasePdfFileWriter, box: layout.BoxConstraints, text_params: dict[str, str]
                     ) -> TextStamp:
        moment = datetime.strptime(text_params["ts"], _PARSEABLE).astimezone(UTC).astimezone(VIETNAM)
        return super().create_stamp(writer, box, {**text_params, "ts": moment.isoformat(timespec="seconds")})
