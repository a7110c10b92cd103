"""``isoflow fix``: rewrite process and feature files in Unicode NFC, safely.

Text pasted from macOS or old PDFs often carries decomposed accents (NFD): it looks right, but
an id in NFD is refused by the schema (P006) and a text in NFD compares unequal to the same
word typed in NFC (N001, B001).  NFC of the whole file is safe for XML and Gherkin markup: only
a letter composes with a combining mark, never ``<``, ``>``, a quote or ``|``.

Safe means: ``--dry-run`` lists what would change and writes nothing; otherwise the original
is kept beside the file as ``FILE.orig`` (never overwritten: a file whose backup exists is left
alone), the new text is written to a temporary file in the same folder and moved over the
original in one step, and only UTF-8 files are rewritten.
"""

from __future__ import annotations

import os
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import click

from isoflow.errors import IsoflowError
from isoflow.i18n import n_
from isoflow.i18n import translate as _

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Change:
    """One run of text that NFC rewrites, where it starts in the file."""

    line: int
    column: int
    before: str
    after: str


def changes(text: str) -> list[Change]:
    """Every maximal run of non-NFC text (a word, up to white space or markup), with its place."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if unicodedata.is_normalized("NFC", line):
            continue
        for start, word in _words(line):
            if not unicodedata.is_normalized("NFC", word):
                found.append(Change(number, start + 1, word, unicodedata.normalize("NFC", word)))
    return found


def _words(line: str) -> list[tuple[int, str]]:
    words, start = [], None
    for index, char in enumerate(line + " "):
        inside = not (char.isspace() or char in "<>\"'=|/")
        if inside and start is None:
            start = index
        elif not inside and start is not None:
            words.append((start, line[start:index]))
            start = None
    return words


def _files(paths: tuple[str, ...]) -> list[Path]:
    from isoflow.loading.discovery import discover_features, walk

    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(walk(path))
            found.extend(discover_features([path]))
        elif path.is_file():
            found.append(path)
        else:
            raise IsoflowError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


def _write(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` in one step (a crash leaves the old file or the new one)."""
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--dry-run", is_flag=True, help="List what would change; write nothing (exit 1 if anything would).")
@click.option("--no-backup", is_flag=True, help="Do not keep the original as FILE.orig.")
def fix(paths: tuple[str, ...], dry_run: bool, no_backup: bool) -> None:
    """Rewrite process and feature files in Unicode NFC (ids and texts typed with combining accents)."""
    try:
        files = _files(paths)
    except IsoflowError as error:
        click.echo(f"isoflow: {error}", err=True)
        sys.exit(2)
    rewritten = refused = 0
    for path in files:
        data = path.read_bytes()
        bom = data.startswith(_BOM)
        try:
            text = data[len(_BOM) if bom else 0:].decode("utf-8")
        except UnicodeDecodeError:
            click.echo(_("{path}: not UTF-8; left as it is (isoflow rewrites UTF-8 files only)").format(path=path),
                       err=True)
            refused += 1
            continue
        found = changes(text)
        if not found:
            continue
        rewritten += 1
        for change in found:
            click.echo(f"{path}:{change.line}:{change.column}: " + _("{word!r} was written with combining accents "
                                                                     "({marks})").format(word=change.after,
                                                                                         marks=_marks(change.before)))
        if dry_run:
            continue
        backup = path.with_name(path.name + ".orig")
        if not no_backup:
            if backup.exists():
                click.echo(_("{path}: not rewritten: its backup {backup} exists already (move it away first)").format(
                    path=path, backup=backup), err=True)
                refused += 1
                rewritten -= 1
                continue
            backup.write_bytes(data)
        _write(path, (_BOM if bom else b"") + unicodedata.normalize("NFC", text).encode("utf-8"))
    done = (n_("{n} file would be rewritten", "{n} files would be rewritten", rewritten) if dry_run
            else n_("{n} file rewritten in NFC", "{n} files rewritten in NFC", rewritten)).format(n=rewritten)
    kept = "" if dry_run or no_backup or not rewritten else _(" (originals kept as FILE.orig)")
    click.echo(_("{done}{kept}, {nfc} already NFC").format(done=done, kept=kept,
                                                          nfc=len(files) - rewritten - refused)
               + (_(", {n} left as they are").format(n=refused) if refused else "") + ".")
    if refused or (dry_run and rewritten):
        sys.exit(1)


def _marks(text: str) -> str:
    from isoflow.model.source_map import combining_marks

    return combining_marks(text)
