"""``isoflow approve``, ``isoflow catalogue`` and ``isoflow diff``: document control (ISO 9001 7.5).

* ``isoflow approve FILE --key KEY.p12 [--passphrase-file F]`` (or ``--token MODULE.so
  --token-label L --key-label K [--pin-file F]``): the approver named in the file signs it; the
  signature goes beside it (``FILE.sig``).  The file is validated first: a revision with errors is
  not approved.  Exit 0 signed, 1 refused (errors, not the named approver, a key that cannot sign),
  2 usage.
* ``isoflow catalogue [PATHS] [--trust ROOT.pem]... [--on DATE] [--format text|json|html|pdf]
  [-o FILE] [--strict]``: the list of documents (danh mục tài liệu).  Exit 0; with ``--strict`` 1
  when a revision whose dates put it in force is not validly approved, or a file cannot be read
  (one line each on standard error); 2 usage (``--strict`` needs ``--trust``).
* ``isoflow seal --db URL --key ORG.p12 [--every N]``: a checkpoint of the store-wide ledger,
  signed with the organisation's key (exit 0 sealed or nothing to seal, 1 refused: a store sealed
  by another agency, a ledger that does not match its checkpoints; 2 usage).
* ``isoflow diff OLD NEW [--format text|json|history]``: what changed, in the procedure's words (each file
  merged with its flow when the flow is beside it or under ``--catalogue``).  Exit 0 no
  difference, 1 differences (as ``diff``), 2 trouble.

The signing edge and the renderer are imported when a command runs, so ``isoflow --help`` stays fast.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from isoflow.cli.forms import secret as _secret
from isoflow.errors import IsoflowError, UsageError

if TYPE_CHECKING:
    from isoflow.model.definition import ProcessDefinition
    from isoflow.signing import Identity

__all__ = ["COMMANDS", "approve", "catalogue", "diff", "seal"]

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"isoflow: {message}", err=True)
    sys.exit(code)


def _identity(key: Path | None, passphrase_file: Path | None, token: Path | None, token_label: str | None,
              key_label: str | None, pin_file: Path | None) -> Identity:
    from isoflow.signing import load_pkcs12, open_token

    if (key is None) == (token is None):
        raise UsageError("give the approver's key: --key KEY.p12, or --token MODULE.so with --token-label and "
                         "--key-label")
    if key is not None:
        return load_pkcs12(key, _secret(passphrase_file, "Passphrase"))
    if not token_label or not key_label:
        raise UsageError("--token needs --token-label and --key-label")
    assert token is not None
    return open_token(token, token_label, _secret(pin_file, "PIN"), key_label)


@click.command("approve")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--key", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The approver's key and certificate, PKCS#12 (.p12/.pfx).")
@click.option("--passphrase-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A file holding the key's passphrase (default: asked for).")
@click.option("--token", type=click.Path(path_type=Path), help="The token's PKCS#11 module (.so), instead of --key.")
@click.option("--token-label", help="The token's label (with --token).")
@click.option("--key-label", help="The label of the key and its certificate on the token (with --token).")
@click.option("--pin-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A file holding the token's PIN (default: asked for).")
@click.option("--catalogue", "folders", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Another folder of flows the file may extend (repeatable; its own folder is searched first).")
def approve(file: Path, key: Path | None, passphrase_file: Path | None, token: Path | None, token_label: str | None,
            key_label: str | None, pin_file: Path | None, folders: tuple[Path, ...]) -> None:
    """Approve the revision in FILE: the approver it names signs it (FILE.sig beside it)."""
    from isoflow.control import approve as sign_approval
    from isoflow.control.catalogue import flows_in
    from isoflow.validation.output import as_text
    from isoflow.workspace import validate_paths

    try:
        report = validate_paths([file], folders, jobs=1)
        if report.errors or report.unreadable:
            _fail(f"{file}: has errors; fix them before it is approved:\n{as_text(report)}", EXIT_REFUSED)
        from isoflow.loading.loader import load_file

        definition = load_file(file).definition
        assert definition is not None  # validated above
        flow = None
        if definition.extends:
            flow = flows_in([file.parent, *folders]).get(definition.extends)
            if flow is None:
                _fail(f"{file}: extends the flow {definition.extends}, which is not beside it; "
                      "give its folder with --catalogue", EXIT_USAGE)
        with _identity(key, passphrase_file, token, token_label, key_label, pin_file) as identity:
            written = sign_approval(file, identity, flow=flow)
    except UsageError as error:
        _fail(str(error), EXIT_USAGE)
    except IsoflowError as error:
        _fail(str(error), EXIT_REFUSED)
    approver = definition.control.approved.by if definition.control and definition.control.approved else ""
    click.echo(f"{file}: {definition.code} lần ban hành {definition.revision:02d} đã được phê duyệt bởi {approver}; "
               f"chữ ký số: {written}")


def _output_format(requested: str | None, output: str | None) -> str:
    if requested:
        return requested
    suffix = Path(output).suffix.lower() if output else ""
    return {".pdf": "pdf", ".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "text")


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


@click.command("catalogue")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--trust", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A trusted root certificate, PEM or DER (repeatable); without one nothing is verified.")
@click.option("--on", "day", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The day the status is for, 2026-07-01 (default: today).")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "html", "pdf"]), default=None,
              help="text, json, html or pdf (default: from the -o extension, else text).")
@click.option("-o", "--output", default=None, help="File to write (default: standard output).")
@click.option("--strict", is_flag=True,
              help="Exit 1 if a revision in force by its dates is not validly approved, or a file cannot be read.")
@click.option("--agency", default=None, help="Agency profile TOML that heads the paper (default: the example, "
                                             "marked MẪU).")
@click.option("--templates", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="A folder of the agency's own templates, searched first (repeatable).")
def catalogue(paths: tuple[str, ...], trust: tuple[Path, ...], day: datetime | None, output_format: str | None,
              output: str | None, strict: bool, agency: str | None, templates: tuple[str, ...]) -> None:
    """The list of documents (danh mục tài liệu): each revision's status and approval."""
    from isoflow.control.catalogue import master_list
    from isoflow.control.listing import LIFE_VI, as_text, signature_text

    chosen = _output_format(output_format, output)
    if strict and not trust:
        _fail("--strict needs --trust ROOT.pem: without a trusted root no approval can be verified", EXIT_USAGE)
    try:
        roots: list[Any] = []
        if trust:
            from isoflow.signing import load_roots

            roots = load_roots(trust)
        listing = master_list(paths or ("processes",), roots, day.date() if day else None)
        if chosen == "json":
            content = (json.dumps(listing.as_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        elif chosen == "text":
            content = (as_text(listing) + "\n").encode("utf-8")
        else:
            from isoflow.cli.forms import warn_if_example
            from isoflow.control.listing import render_catalogue
            from isoflow.data.loaders import load_agency
            from isoflow.paper.renderer import FormRenderer
            from isoflow.printer import Printer

            printer = Printer(FormRenderer(templates), load_agency(agency))
            content = render_catalogue(listing, printer.renderer, printer.agency, "pdf" if chosen == "pdf" else "html")
            warn_if_example(agency)
    except IsoflowError as error:
        _fail(str(error), EXIT_USAGE)
    _write(content, output, chosen)
    if strict and listing.failing:
        for entry in listing.failing:
            why = entry.problem or LIFE_VI[entry.life]
            if entry.due:
                why = f"đã đến ngày hiệu lực nhưng chưa được phê duyệt hợp lệ: {signature_text(entry)} ({why})"
            click.echo(f"isoflow: {entry.path}: {entry.code} lần ban hành {entry.revision:02d}: {why}", err=True)
        sys.exit(EXIT_REFUSED)


def _load(path: Path) -> ProcessDefinition:
    from isoflow.loading.loader import load_file

    try:
        result = load_file(path)
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    if result.definition is None:
        first = result.findings[0] if result.findings else None
        raise UsageError(f"{path}: not a usable process file: {first.message if first else 'unknown'}")
    return result.definition


def _merged(definition: ProcessDefinition, folders: Sequence[Path]) -> ProcessDefinition:
    from isoflow.control.catalogue import flows_in
    from isoflow.control.diff import merged

    if not definition.extends:
        return definition
    flows = {code: _load(path) for code, path in flows_in(folders).items()}
    if definition.extends not in flows:
        click.echo(f"isoflow: {definition.file}: its flow {definition.extends} is not beside it (--catalogue): "
                   "only what the file itself states is compared", err=True)
    return merged(definition, flows)


@click.command("diff")
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "history"]), default="text",
              show_default=True, help="text for people, json for scripts, history: the <change> rows of NEW's "
                                      "revision page, to paste into its <control><history>.")
@click.option("--catalogue", "folders", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Another folder of flows the files may extend (repeatable).")
def diff(old: Path, new: Path, output_format: str, folders: tuple[Path, ...]) -> None:
    """What changed from revision OLD to NEW, in the procedure's words (exit 1 when something did)."""
    from isoflow.control import diff as compare

    try:
        before = _merged(_load(old), [old.parent, *folders])
        after = _merged(_load(new), [new.parent, *folders])
    except IsoflowError as error:
        _fail(str(error), EXIT_USAGE)
    found = compare.differences(before, after)
    if output_format == "json":
        click.echo(json.dumps(compare.as_dict(before, after, found), ensure_ascii=False, indent=2))
    elif output_format == "history":
        if found:
            click.echo(compare.as_history(before, after))
    else:
        click.echo(compare.as_text(before, after, found))
    sys.exit(EXIT_REFUSED if found else EXIT_OK)


@click.command("seal")
@click.option("--db", default=lambda: os.environ.get("ISOFLOW_DB", "sqlite:///isoflow.db"),
              show_default="$ISOFLOW_DB or sqlite:///isoflow.db", help="The store to seal.")
@click.option("--key", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The organisation's key and certificate, PKCS#12 (.p12/.pfx).")
@click.option("--passphrase-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A file holding the key's passphrase (default: asked for).")
@click.option("--token", type=click.Path(path_type=Path), help="The token's PKCS#11 module (.so), instead of --key.")
@click.option("--token-label", help="The token's label (with --token).")
@click.option("--key-label", help="The label of the key and its certificate on the token (with --token).")
@click.option("--pin-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A file holding the token's PIN (default: asked for).")
@click.option("--every", type=click.IntRange(min=1), default=1, show_default=True,
              help="Seal only when at least this many events joined the ledger since the last checkpoint.")
def seal(db: str, key: Path | None, passphrase_file: Path | None, token: Path | None, token_label: str | None,
         key_label: str | None, pin_file: Path | None, every: int) -> None:
    """Sign a checkpoint of the store-wide ledger with the organisation's key (run it at the
    interval the organisation chooses, e.g. hourly from cron, with --every)."""
    from isoflow.control.seal import seal as sign_checkpoint
    from isoflow.store import open_store

    try:
        store = open_store(db, create=False)
        try:
            with _identity(key, passphrase_file, token, token_label, key_label, pin_file) as identity:
                made = sign_checkpoint(store, identity, every=every)
                head = store.ledger(after=None).head
        finally:
            store.close()
    except UsageError as error:
        _fail(str(error), EXIT_USAGE)
    except IsoflowError as error:
        _fail(str(error), EXIT_REFUSED)
    if made is None:
        click.echo(f"not sealed: fewer than {every} event(s) since the last checkpoint (the ledger is at #{head})")
    else:
        click.echo(f"checkpoint {made.number}: the ledger sealed up to #{made.upto}, signed by {identity.name} "
                   f"({identity.organisation})")


#: The commands ``cli/main.py`` registers.
COMMANDS = (approve, catalogue, diff, seal)
