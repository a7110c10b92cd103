"""Forms for dossiers in the store and documents for process files: the printing composition.

Joins the pieces each form needs: the dossier and its events (store), the revision of the
procedure it runs on (engine), the form set in force on its receipt date (legal data), the
agency profile (data file: which unit heads which paper on which date; without one, the shipped
example, whose papers are marked MẪU) and the templates (forms edge).  The command line and embedding
applications call this; the rules of what goes on a form live in :mod:`isoflow.paper.form_data`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from isoflow.data.loaders import load_agency
from isoflow.desk import Desk
from isoflow.indicators.formulas import ServiceReport
from isoflow.model.agency import Agency
from isoflow.model.definition import ProcessDefinition
from isoflow.paper.form_data import book_number, book_numbers, form_context, split_code
from isoflow.paper.procedure_document import procedure_context
from isoflow.paper.renderer import FormRenderer, trusted_markup
from isoflow.paper.tracking_book import BookEntry, book_context

if TYPE_CHECKING:
    from isoflow.signing import Identity
    from isoflow.signing.placement import CopyStampLayout

__all__ = ["FORM_STAMP", "Document", "Format", "Printer", "signed"]

Format = Literal["html", "pdf"]


@dataclass(frozen=True)
class Document:
    """A rendered form: its HTML, and its PDF when asked for."""

    name: str
    html: str
    pdf: bytes | None = None

    def content(self, output: Format) -> bytes:
        return self.pdf if output == "pdf" and self.pdf is not None else self.html.encode("utf-8")


#: Where the organisation's signature line sits on a one-stop form: inside the A5 forms' top margin
#: (``templates/forms.css``: 8 mm top, 9 mm right), so that it covers nothing the form prints
#: (the default copy stamp, 5 to 15 mm from the top, covered the form's "Liên 1 · Mẫu số" line);
#: an agency whose own templates have other margins passes its own layout.
#: (The signing edge is imported only when a form is signed: these are its CopyStampLayout's fields.)
#: Width, height, distance from the right and the top edges (mm), font size (pt).
FORM_STAMP: tuple[float, float, float, float, int] = (80.0, 5.5, 9.0, 1.5, 9)


def signed(document: Document, seal: Identity, number: str, layout: CopyStampLayout | None = None) -> Document:
    """``document``'s PDF signed with the organisation's signature (``seal``: its seal key, the one
    that signs its checkpoints too): Circular 01/2018/TT-VPCP Art. 10(1)(d) has electronic forms
    carry the organisation's digital signature.  Placed as Decree 30/2020/NĐ-CP Phụ lục I places
    it on an electronic copy: top right of page 1, no image, the line "``number``; signing time"
    (the layout is :class:`isoflow.signing.CopyStampLayout`'s, configurable).  The HTML is
    unchanged: only the PDF can carry a signature (:class:`~isoflow.errors.FormError` without one)."""
    from isoflow.errors import FormError
    from isoflow.signing import sign_attachment
    from isoflow.signing.placement import CopyStampLayout

    if document.pdf is None:
        raise FormError(f"{document.name}: only a PDF can be signed (render it as pdf)")
    return Document(document.name, document.html, sign_attachment(document.pdf, seal, number,
                                                                  layout=layout or CopyStampLayout(*FORM_STAMP)))


class Printer:
    """Render the forms of one desk and the documents of process files."""

    def __init__(self, renderer: FormRenderer | None = None, agency: Agency | None = None) -> None:
        self.renderer = renderer or FormRenderer()
        self.agency = agency or load_agency()

    def _render(self, name: str, form: str, context: dict[str, Any], form_set: str | None,
                output: Format) -> Document:
        # An agency's template renders sandboxed, and its PDF in a limited child process too.
        html, pdf = self.renderer.render_document(form, context, form_set, pdf=output == "pdf")
        return Document(name, html, pdf)

    def dossier_form(self, desk: Desk, code: str, form: str, output: Format = "html",
                     seq: int | None = None) -> Document:
        """Form ``form`` (receipt, supplement, refusal, apology, stop, control) of a stored dossier,
        in the form set that was in force when the dossier was received."""
        dossier = desk.show(code)
        events = desk.history(code)
        process = desk.engine.process_of(dossier).definition
        form_set = desk.engine.legal.form_set(dossier.form_set) if dossier.form_set \
            else desk.engine.legal.form_set_on(dossier.received_at.date())
        number = book_number(code, desk.store.codes())
        context = form_context(form, dossier, events, process, self.agency, form_set, seq, number)
        return self._render(f"{code}-{form}", form, context, form_set.id, output)

    def book(self, desk: Desk, start: date, end: date, output: Format = "html", unit: str | None = None,
             printed_on: date | None = None) -> Document:
        """The tracking book of receiving ``unit`` (default: the one unit the period's dossiers
        came from) for the dossiers it received from ``start`` to ``end`` (inclusive), headed by
        that unit; entries keep their numbers of the year."""
        codes = desk.store.codes()
        numbers = book_numbers(codes)
        entries = []
        for code in codes:
            # The code carries the unit and the day of receipt: only those dossiers are read.
            parts = split_code(code)
            if unit is not None and (parts is None or parts[0] != unit):
                continue
            if parts is not None and not (f"{start:%y%m%d}" <= parts[1] <= f"{end:%y%m%d}"):
                continue
            dossier = desk.show(code)
            if start <= dossier.received_at.date() <= end:
                entries.append(BookEntry(dossier, desk.history(code), desk.engine.process_of(dossier).definition,
                                         numbers.get(code)))
        form_set = desk.engine.legal.form_set_on(end)
        context = book_context(entries, start, end, self.agency, form_set, printed_on or date.today(), unit)
        return self._render(f"book-{start:%Y%m%d}-{end:%Y%m%d}", "book", context, form_set.id, output)

    def procedure(self, definition: ProcessDefinition, output: Format = "html", unit: str | None = None) -> Document:
        """The procedure document (quy trình) of a merged process definition, with its flowchart,
        headed by the procedure's body on its effective date (today without one); ``unit`` names
        the receiving unit whose commune issues a commune procedure's document."""
        from isoflow.paper.flowchart import flowchart_svg

        day = definition.effective or date.today()
        level = definition.procedure.level if definition.procedure else None
        seat = self.agency.unit(unit, day, level, what=f"procedure {definition.code}") if unit else None
        context: dict[str, Any] = procedure_context(definition, self.agency, unit=seat, day=day)
        # The SVG is drawn by isoflow with every label escaped: safe to insert as markup.
        context["flowchart"] = trusted_markup(flowchart_svg(definition))
        return self._render(f"{definition.code}-r{definition.revision}", "procedure", context, None, output)

    def service_report(self, report: ServiceReport, output: Format = "html",
                       printed_on: date | None = None) -> Document:
        """The service report of a period (:mod:`isoflow.indicators.service_report`) as an A4 document in
        Vietnamese, with the charts isoflow draws itself (no script, nothing fetched)."""
        from isoflow.indicators.charts import indicator_chart, resolution_chart
        from isoflow.indicators.outputs import report_context

        # The SVGs are drawn by isoflow with every label escaped: safe to insert as markup.
        charts = {"total": trusted_markup(indicator_chart(report.total)),
                  "resolution": trusted_markup(resolution_chart(report)),
                  "groups": {g.key: trusted_markup(indicator_chart(g)) for g in report.groups}}
        context = report_context(report, self.agency, printed_on or date.today(), charts)
        name = f"report-{report.grouping}-{report.start:%Y%m%d}-{report.end:%Y%m%d}"
        # Under report/, not at the top: a top-level template would be listed as a dossier form.
        return self._render(name, "report/service-report", context, None, output)

