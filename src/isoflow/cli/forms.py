"""``isoflow render ...`` and ``isoflow diagram``: forms, the tracking book, procedure documents.

A form is rendered for a dossier in the store, in the form set of its receipt date; the
procedure document and the flowchart come from a process file (merged with the flow it
extends).  Output goes to ``-o FILE`` or standard output; the format follows ``--format`` or
the file's extension.  Mistakes are one line: exit 1 for a refusal (no such form for this
dossier, a receiving unit the agency profile does not list), 2 for usage (bad option, missing
file).  Without ``--agency FILE`` the shipped example profile is used: the paper is marked
MẪU and one warning line says so on standard error, so a sample never passes for a real form.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from isoflow.cli.dossier import desk_of, dossier, guarded
from isoflow.errors import IsoflowError, UsageError
from isoflow.model.definition import DOSSIER_FORMS

if TYPE_CHECKING:
    from isoflow.printer import Format, Printer

_FORMATS = ("html", "pdf")
F = TypeVar("F", bound=Callable[..., Any])


def _output_format(requested: str | None, output: str | None) -> Format:
    if requested == "pdf":
        return "pdf"
    if requested == "html":
        return "html"
    if output and Path(output).suffix.lower() == ".pdf":
        return "pdf"
    return "html"


def _write(content: bytes, output: str | None, output_format: str) -> None:
    if output and output != "-":
        try:
            Path(output).write_bytes(content)
        except OSError as error:
            raise click.FileError(output, error.strerror or str(error)) from None
        click.echo(f"wrote {output} ({len(content):,} bytes, {output_format})", err=True)
        return
    if output_format == "pdf" and sys.stdout.isatty():
        raise click.UsageError("a PDF is binary: write it to a file with -o FILE.pdf")
    sys.stdout.buffer.write(content)
    sys.stdout.flush()


#: Printed once, on standard error, after a paper made with the shipped example profile.
EXAMPLE_WARNING = ("isoflow: using the example agency profile (isoflow/data/agency.toml): the paper is marked "
                   "MẪU; pass --agency FILE")


def warn_if_example(agency: str | None) -> None:
    """The one warning line when no agency profile was given (after the paper is made, so that
    a refusal stays one line)."""
    if not agency:
        click.echo(EXAMPLE_WARNING, err=True)


def secret(path: Path | None, what: str) -> str:
    """A passphrase or PIN: the first line of ``path``, or asked for (hidden) when none is given."""
    if path is None:
        return str(click.prompt(what, hide_input=True, default="", show_default=False, err=True))
    try:
        return path.read_text(encoding="utf-8").rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from None


def _printer(agency: str | None, templates: tuple[str, ...]) -> Printer:
    from isoflow.data.loaders import load_agency
    from isoflow.paper.renderer import FormRenderer
    from isoflow.printer import Printer

    return Printer(FormRenderer(templates), load_agency(agency))


_output = click.option("-o", "--output", default=None, help="File to write (default: standard output).")
_format = click.option("--format", "output_format", type=click.Choice(_FORMATS), default=None,
                       help="html or pdf (default: from the -o extension, else html).")
_agency = click.option("--agency", default=None,
                       help="Agency profile TOML: the receiving units and their bodies (default: the shipped "
                            "example, whose papers are marked MẪU).")
_templates = click.option("--templates", multiple=True, type=click.Path(exists=True, file_okay=False),
                          help="A folder of the agency's own templates, searched first (repeatable); "
                               "they render sandboxed, with time and memory limits.")


def _document_options(function: F) -> F:
    """Output, format, agency and templates options, the click context and one-line errors."""
    for decorator in reversed((_output, _format, _agency, _templates, click.pass_context, guarded)):
        function = decorator(function)
    return function


@dossier.command("render")
@click.argument("code")
@click.argument("form", type=click.Choice(DOSSIER_FORMS))
@click.option("--event", "seq", type=click.IntRange(min=1), default=None,
              help="Which issuance, by event number (default: the newest).")
@click.option("--sign", "sign_key", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Sign the PDF with the organisation's key, PKCS#12 (Circular 01/2018 Art. 10(1)(d)).")
@click.option("--passphrase-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A file holding the --sign key's passphrase (default: asked for).")
@_document_options
def render_form(ctx: click.Context, code: str, form: str, seq: int | None, sign_key: Path | None,
                passphrase_file: Path | None, output: str | None, output_format: str | None, agency: str | None,
                templates: tuple[str, ...]) -> None:
    """Render FORM of dossier CODE (in the form set of its receipt date); --sign signs its PDF."""
    chosen = _output_format(output_format, output)
    if sign_key is not None and chosen != "pdf":
        raise click.UsageError("--sign signs a PDF: give --format pdf or -o FILE.pdf")
    document = _printer(agency, templates).dossier_form(desk_of(ctx), code, form, chosen, seq)
    if sign_key is not None:
        from isoflow.printer import signed
        from isoflow.signing import load_pkcs12

        with load_pkcs12(sign_key, secret(passphrase_file, "Passphrase")) as seal:
            document = signed(document, seal, f"{code} ({form})")
    warn_if_example(agency)
    _write(document.content(chosen), output, chosen)


@dossier.command("book")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), required=True, help="First day, 2026-01-01.")
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), required=True, help="Last day, 2026-03-31.")
@click.option("--unit", default=None,
              help="The receiving unit code whose book this is (default: the one unit the period's dossiers "
                   "came from).")
@_document_options
def render_book(ctx: click.Context, start: Any, end: Any, unit: str | None, output: str | None,
                output_format: str | None, agency: str | None, templates: tuple[str, ...]) -> None:
    """Render the tracking book (sổ theo dõi hồ sơ) of one receiving unit over a period."""
    first, last = start.date(), end.date()
    if last < first:
        raise click.BadParameter("--to is before --from")
    chosen = _output_format(output_format, output)
    document = _printer(agency, templates).book(desk_of(ctx), first, last, chosen, unit)
    warn_if_example(agency)
    _write(document.content(chosen), output, chosen)


def _definition(path: str, code: str | None) -> Any:
    from isoflow.workspace import procedures_in

    found = procedures_in([path], code)
    file = Path(path).resolve()
    if file.is_file() and code is None:
        found = [d for d in found if Path(d.file).resolve() == file] or found
    if not found:
        raise IsoflowError(f"{path}: holds no procedure (a <flow> is a shared skeleton: render a procedure "
                           "that extends it)")
    if len(found) > 1:
        raise IsoflowError(f"{path}: holds {len(found)} procedures ({', '.join(d.code for d in found)}); "
                           "name one with --code")
    return found[0]


@click.command("render")
@click.argument("process_file", type=click.Path(exists=True, dir_okay=True))
@click.option("--code", default=None, help="The procedure's code, when PROCESS_FILE is a folder.")
@click.option("--unit", default=None,
              help="A commune procedure: the receiving unit code of the commune issuing it (default: a line "
                   "to fill in).")
@_output
@_format
@_agency
@_templates
@guarded
def render_procedure(process_file: str, code: str | None, unit: str | None, output: str | None,
                     output_format: str | None, agency: str | None, templates: tuple[str, ...]) -> None:
    """Render the procedure document (quy trình) of a process file, with its flowchart.

    Headed by the procedure's <agency> for its level, completed by the agency profile.  Dossier
    forms: isoflow dossier render CODE FORM; the tracking book: isoflow dossier book.
    """
    chosen = _output_format(output_format, output)
    document = _printer(agency, templates).procedure(_definition(process_file, code), chosen, unit)
    warn_if_example(agency)
    _write(document.content(chosen), output, chosen)


@click.command("diagram")
@click.argument("process_file", type=click.Path(exists=True, dir_okay=True))
@click.option("--code", default=None, help="The procedure's code, when PROCESS_FILE is a folder.")
@click.option("--format", "output_format", type=click.Choice(["svg", "mermaid"]), default=None,
              help="svg or mermaid (default: from the -o extension, else svg).")
@_output
@guarded
def diagram(process_file: str, code: str | None, output_format: str | None, output: str | None) -> None:
    """Write the flowchart of a procedure as SVG or as Mermaid text."""
    from isoflow.paper.flowchart import flowchart_mermaid, flowchart_svg

    chosen = output_format or ("mermaid" if output and Path(output).suffix in (".mmd", ".mermaid") else "svg")
    definition = _definition(process_file, code)
    text = flowchart_mermaid(definition) if chosen == "mermaid" else flowchart_svg(definition)
    _write(text.encode("utf-8"), output, chosen)
