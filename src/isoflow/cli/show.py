"""``isoflow show FILE``: the procedure the engine will run, its flow merged in."""

from __future__ import annotations

import sys

import click

from isoflow.errors import IsoflowError
from isoflow.i18n import n_


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=str))
@click.option("--format", "output_format", type=click.Choice(["outline", "xml"]), default="outline",
              show_default=True, help="outline to read; xml: a process file without extends.")
@click.option("--catalogue", "catalogue", multiple=True, type=click.Path(path_type=str),
              help="Another folder of flows the file may extend (its own folder is searched first).")
def show(path: str, output_format: str, catalogue: tuple[str, ...]) -> None:
    """Print a process file merged with the flow it extends, marking what came from the flow.

    Each step and action is marked "flow" (inherited unchanged, with the flow's file and line),
    "restated here" (inherited, with the attributes this file changes) or "new here".
    """
    from isoflow.model.findings import Finding
    from isoflow.validation import merged as views
    from isoflow.validation.output import as_text
    from isoflow.workspace import merged_file

    try:
        report, written, merged, base = merged_file(path, catalogue)
    except IsoflowError as error:
        click.echo(f"isoflow: {error}", err=True)
        sys.exit(2)
    if written is None or merged is None or isinstance(merged, Finding):
        click.echo(as_text(report), err=True)
        if isinstance(merged, Finding):
            click.echo(str(merged), err=True)
        sys.exit(1)
    render = views.as_xml if output_format == "xml" else views.as_outline
    click.echo(render(written, merged, base), nl=False)
    if report.errors:
        click.echo("isoflow: " + n_("{path} has {n} error: 'isoflow validate {path}' lists it",
                                    "{path} has {n} errors: 'isoflow validate {path}' lists them",
                                    report.errors).format(path=path, n=report.errors), err=True)
        sys.exit(1)
