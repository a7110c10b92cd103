"""The ``isoflow`` command: a thin front end over :mod:`isoflow.workspace`.

Exit codes are for CI: 0 clean, 1 problems found, 2 a usage or I/O problem (bad option,
missing path, unreadable file).  Every user mistake is one clear line, never a traceback.
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version

import click

from isoflow.errors import IsoflowError
from isoflow.i18n import LANGUAGES
from isoflow.i18n import current as current_language
from isoflow.i18n import use as use_language
from isoflow.validation import output as reporting
from isoflow.validation.catalogue import Selection
from isoflow.validation.rules import ALL_RULES, by_code
from isoflow.workspace import validate_paths

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _version() -> str:
    try:
        return version("isoflow")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def _codes(value: str | None) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in (value or "").split(",") if c.strip())
    for code in codes:
        if not any(rule.code.startswith(code) for rule in ALL_RULES):
            raise click.BadParameter(f"{code!r} matches no rule; see 'isoflow rules'")
    return codes


def _not_utf8(args: list[str], command: click.Command) -> str | None:
    """The line to print for the first argument that was not valid UTF-8, or ``None``.

    Python decodes the command line with ``surrogateescape``: each byte that is not UTF-8
    becomes a lone surrogate, which fails the moment the text is encoded (into a database,
    a file, the terminal).  Refusing it here, before any command runs, covers every command.
    """
    for index, arg in enumerate(args):
        if not any("\ud800" <= c <= "\udfff" for c in arg):
            continue
        # The bytes as \xNN, the rest as typed: the line names the argument the user wrote.
        shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        shown = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in shown)
        option, equals, value = shown.partition("=")
        if shown.startswith("--") and equals:
            what = f"the value of {option}, '{value}',"
        elif index and args[index - 1] in _value_options(command):
            what = f"the value of {args[index - 1]}, '{shown}',"
        else:
            what = f"the argument '{shown}'"
        return f"isoflow: {what} is not valid UTF-8 (check the encoding of the terminal or script)"
    return None


def _value_options(command: click.Command) -> set[str]:
    """Every option name, in ``command`` and the commands below it, that takes a value."""
    names: set[str] = set()
    for param in command.params:
        if isinstance(param, click.Option) and not param.is_flag and not param.count:
            names.update(param.opts)
    for sub in getattr(command, "commands", {}).values():
        names.update(_value_options(sub))
    return names


class _Main(click.Group):
    """The ``isoflow`` group: checks the whole command line once, for every command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        problem = _not_utf8(args, self)
        if problem:
            click.echo(problem, err=True)
            ctx.exit(EXIT_USAGE)
        return super().parse_args(ctx, args)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), prog_name="isoflow")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the output: vi or en (default: $ISOFLOW_LANG, else vi when the locale is vi_VN, "
                   "else en).")
@click.pass_context
def main(ctx: click.Context, lang: str | None) -> None:
    """isoflow: Vietnamese one-stop procedures (TTHC) run as TCVN ISO 9001:2015 processes."""
    # The language is the command's: whoever called it in-process (a test, an embedding
    # application) gets its own back when the command ends.
    previous = current_language()
    use_language(lang)
    ctx.call_on_close(lambda: use_language(previous))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "sarif"]), default="text",
              show_default=True, help="text for people, json for scripts, sarif for code scanning.")
@click.option("--select", help="Only these rule codes or prefixes, comma-separated (e.g. S,F001).")
@click.option("--ignore", help="Skip these rule codes or prefixes, comma-separated.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option("--catalogue", "catalogue", multiple=True, type=click.Path(path_type=str),
              help="Another folder of flows that the processes may extend (repeatable).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes for large catalogues (0: one per CPU).")
@click.option("--templates", multiple=True, type=click.Path(path_type=str),
              help="A folder of the agency's own form templates (repeatable); checked by M001/M002.")
@click.option("--regimes", default=None, help="Legal regimes file whose form sets the forms must exist in.")
@click.option("--db", default=None, help="A store whose dossiers' revision digests Q005 compares the files with.")
def validate(paths: tuple[str, ...], output_format: str, select: str | None, ignore: str | None, strict: bool,
             catalogue: tuple[str, ...], jobs: int, templates: tuple[str, ...], regimes: str | None,
             db: str | None) -> None:
    """Check process files and folders (recursively) against the schema and the rules."""
    selection = Selection(_codes(select), _codes(ignore))
    try:
        report = validate_paths(paths, catalogue, selection, jobs, templates, regimes, db)
    except IsoflowError as error:
        click.echo(f"isoflow: {error}", err=True)
        sys.exit(EXIT_USAGE)
    if output_format == "json":
        click.echo(reporting.as_json(report))
    elif output_format == "sarif":
        click.echo(reporting.as_sarif(report, _version()))
    else:
        click.echo(reporting.as_text(report))
    if report.unreadable:
        sys.exit(EXIT_USAGE)
    failed = report.errors or (strict and report.warnings)
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


@main.command()
@click.argument("code", required=False)
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="markdown: the rules page (docs/rules.md, where SARIF's helpUri points).")
def rules(code: str | None, output_format: str) -> None:
    """List the validation rules, or explain one (e.g. isoflow rules T002)."""
    if code is not None:
        rule = by_code(code)
        if rule is None:
            raise click.BadParameter(f"no rule {code!r}; 'isoflow rules' lists them", param_hint="CODE")
        selected = [rule]
    else:
        selected = list(ALL_RULES)
    if output_format == "json":
        import json

        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": str(r.severity), "summary": r.summary,
                                "doc": (r.doc or "").strip()} for r in selected], ensure_ascii=False, indent=2))
    elif output_format == "markdown":
        click.echo(reporting.rules_markdown(selected), nl=False)
    elif code is not None:
        click.echo(reporting.explain(selected[0]))
    else:
        click.echo(reporting.rules_table(selected))


@main.command()
@click.option("--path", "show_path", is_flag=True, help="Print where the XSD is installed (to bind it in an editor).")
@click.option("--reference", is_flag=True, help="Print the Markdown language reference generated from the XSD.")
def schema(show_path: bool, reference: bool) -> None:
    """Print the process-language XSD (for editors), its path, or its reference."""
    from isoflow.loading import reference as schema_docs

    if show_path:
        click.echo(str(schema_docs.schema_path()))
    elif reference:
        click.echo(schema_docs.reference(), nl=False)
    else:
        click.echo(schema_docs.schema_path().read_text(encoding="utf-8"), nl=False)


@main.command()
@click.option("--format", "output_format", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True)
@click.option("--lang", type=click.Choice(["vi", "en", "all"]), default="all", show_default=True)
def steps(output_format: str, lang: str) -> None:
    """List the Gherkin steps of isoflow's pytest plugin (for writing features)."""
    from isoflow.validation.sentences import KEYWORDS, SENTENCES, steps_markdown

    chosen = [s for s in SENTENCES if lang in ("all", s.lang)]
    if output_format == "markdown":
        click.echo(steps_markdown())
    elif output_format == "json":
        import json

        click.echo(json.dumps([{"keyword": KEYWORDS[s.lang][s.kind], "kind": s.kind, "lang": s.lang,
                                "pattern": s.pattern, "example": s.example, "table": s.table, "doc": s.doc}
                               for s in chosen], ensure_ascii=False, indent=2))
    else:
        for s in chosen:
            click.echo(f"{KEYWORDS[s.lang][s.kind]} {s.pattern}{'  (+ table)' if s.table else ''}\n"
                       f"    e.g. {s.example}\n    {s.doc}")


from isoflow.cli.control import COMMANDS as CONTROL_COMMANDS  # noqa: E402 - approve, catalogue, diff
from isoflow.cli.document import document  # noqa: E402 - registered after the group is defined
from isoflow.cli.dossier import dossier  # noqa: E402 - registered after the group is defined
from isoflow.cli.forms import diagram, render_procedure  # noqa: E402 - also adds dossier render/book
from isoflow.cli.report import report  # noqa: E402 - also adds dossier rate

main.add_command(dossier)
main.add_command(document)
main.add_command(report)
main.add_command(render_procedure)
main.add_command(diagram)
for _command in CONTROL_COMMANDS:
    main.add_command(_command)

from isoflow.cli.fix import fix  # noqa: E402 - issue 17: files rewritten in NFC
from isoflow.cli.show import show  # noqa: E402 - issue 17: the merged procedure

main.add_command(show)
main.add_command(fix)


@main.command()
@click.option("--db", default="sqlite:///isoflow-demo.db", show_default=True, help="Where to store the sample.")
@click.option("--processes", default="processes", show_default=True)
@click.option("--forms", "forms_folder", default="isoflow-demo-forms", show_default=True,
              help="Folder for the sample's forms as PDF ('' to skip them).")
def demo(db: str, processes: str, forms_folder: str) -> None:
    """Run a sample dossier end to end on the shipped procedures, verify its audit trail and
    print its forms."""
    from pathlib import Path

    from isoflow.cli import demo as sample
    from isoflow.workspace import open_desk

    try:
        desk = open_desk([processes], db)
        try:
            code = sample.run(desk, click.echo)
            if forms_folder:
                sample.print_forms(desk, code, Path(forms_folder), click.echo)
        finally:
            desk.store.close()
    except IsoflowError as error:
        click.echo(f"isoflow: {error}", err=True)
        sys.exit(1)
