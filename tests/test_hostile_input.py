"""Hostile and odd input through ``isoflow validate``: never a traceback, a leak, a hang or a vague finding.

Every case runs the real command (``click.testing.CliRunner``) on a file written to ``tmp_path``
and checks the exit code, the finding code and its ``line:col``, and that no "Traceback" is
printed.  Each case gets a folder of its own, because validating one file also loads the other
process files of its folder as a catalogue.  Large inputs are generated at test time (the 50 MiB
one is sparse).  Time bounds are generous guards against hangs, not performance goals (those
live in ``benchmarks/``).

The DOCTYPE cases matter most: libxml2 opens an external subset or parameter entity even with
``load_dtd=False`` (a FIFO there blocked forever before the loader refused DOCTYPEs up front
and gave the parser a resolver that answers nothing).
"""

from __future__ import annotations

import contextlib
import gzip
import os
import random
import re
import select
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from isoflow.cli.main import main
from tests.conftest import FLOW

#: The clean flow of conftest (its lines are pinned by the CLI tests too).  Line 3 is <title>,
#: line 7 the "lanh-dao" role, line 18 the "tham_dinh" state whose budget the encoding cases break.
VALID = FLOW
#: VALID without its XML declaration: the <flow> start tag is line 1.
BODY = VALID.split("\n", 1)[1]
#: The same flow with a Vietnamese value where a budget belongs (line 18, the value at column 67).
BAD_BUDGET = VALID.replace('budget="1d"', 'budget="năm"')
BAD_BUDGET_MESSAGE = "P006 xml-schema: <state> attribute 'budget': 'năm' is not a working-time budget"

SECRET = "ISOFLOW-SECRET-7f3a9c"
#: Generous guard against hangs (seconds); a correct loader answers every case in well under 1 s.
GUARD = 10.0
#: Guard for the FIFO cases (a FIFO that nobody writes to blocks whoever opens it).
FIFO_GUARD = 5.0

FINDING = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) (?P<rest>.*)$")


@dataclass(frozen=True)
class Finding:
    line: int
    col: int
    code: str
    rest: str


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    seconds: float

    @property
    def findings(self) -> list[Finding]:
        found = []
        for text in self.out.splitlines():
            m = FINDING.match(text)
            if m:
                found.append(Finding(int(m["line"]), int(m["col"]), m["code"], m["rest"]))
        return found

    def only(self) -> Finding:
        """The one finding of a one-file run."""
        assert len(self.findings) == 1, self.out
        return self.findings[0]


def validate(*paths: Path | str, timeout: float = GUARD, unblock: Callable[[], None] | None = None) -> Run:
    """Run ``isoflow validate`` in a thread, failing (not hanging) if it outlives ``timeout``."""
    box: dict[str, object] = {}

    def target() -> None:
        box["result"] = CliRunner().invoke(main, ["validate", *map(str, paths)])

    thread = threading.Thread(target=target, daemon=True)
    start = time.monotonic()
    thread.start()
    thread.join(timeout)
    seconds = time.monotonic() - start
    if thread.is_alive():
        if unblock is not None:
            unblock()
            thread.join(GUARD)
        pytest.fail(f"isoflow validate did not finish within {timeout:.0f} s")
    result = box["result"]
    out = result.output  # type: ignore[attr-defined]
    exception = result.exception  # type: ignore[attr-defined]
    assert "Traceback" not in out, out
    assert exception is None or isinstance(exception, SystemExit), repr(exception)
    assert seconds < timeout
    return Run(result.exit_code, out, seconds)  # type: ignore[attr-defined]


def write(tmp_path: Path, data: str | bytes, name: str = "process.xml", folder: str = "case") -> Path:
    """Write one case in a folder of its own (siblings are loaded as a catalogue)."""
    directory = tmp_path / folder
    directory.mkdir(exist_ok=True)
    path = directory / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_finding(run: Run, code: str, line: int, col: int, *words: str) -> Finding:
    assert run.code == 1, run.out
    finding = run.only()
    assert (finding.code, finding.line, finding.col) == (code, line, col), run.out
    for word in words:
        assert word in finding.rest, run.out
    return finding


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file whose content must never reach isoflow's output."""
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


@dataclass
class Listener:
    """A TCP listener on 127.0.0.1 that counts connection attempts (nobody ever accepts)."""

    sock: socket.socket

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])

    def connections(self, wait: float = 0.5) -> int:
        count = 0
        while select.select([self.sock], [], [], wait)[0]:
            connection, _ = self.sock.accept()
            connection.close()
            count += 1
            wait = 0.05
        return count


@pytest.fixture
def listener() -> Iterator[Listener]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.setblocking(False)
    try:
        yield Listener(sock)
    finally:
        sock.close()


# --- malformed XML -------------------------------------------------------------------------------

MISMATCHED = VALID.replace('<role id="lanh-dao">Lãnh đạo</role>', '<role id="lanh-dao">Lãnh đạo</rolex>')
#: Line 7 is `    <role id="lanh-dao">Lãnh đạo</rolex>`: `</rolex>` starts at column 33 (characters).
MISMATCH_LINE, MISMATCH_TAG_START, MISMATCH_TAG_END = 7, 33, 40


def test_mismatched_tag_is_p001_on_its_line(tmp_path: Path) -> None:
    run = validate(write(tmp_path, MISMATCHED))
    assert run.code == 1
    finding = run.only()
    assert finding.code == "P001"
    assert finding.line == MISMATCH_LINE
    # libxml2 reports the position just after the offending end tag; accept the tag itself too.
    assert MISMATCH_TAG_START <= finding.col <= MISMATCH_TAG_END + 1, run.out
    assert "Opening and ending tag mismatch: role line 7 and rolex" in finding.rest


def test_mismatched_tag_points_at_the_start_of_the_end_tag(tmp_path: Path) -> None:
    assert_finding(validate(write(tmp_path, MISMATCHED)), "P001", MISMATCH_LINE, MISMATCH_TAG_START)


def test_undefined_entity_without_doctype_is_p001(tmp_path: Path) -> None:
    run = validate(write(tmp_path, VALID.replace("Luồng thử", "&nope;")))
    finding = run.only()
    assert (run.code, finding.code, finding.line) == (1, "P001", 3)
    assert "Entity 'nope' not defined" in finding.rest


# --- DOCTYPE attacks: every builder puts <!DOCTYPE at line 2, column 1 -----------------------------

def _entity_doc(subset: str, title: str = "Luồng thử") -> str:
    return f'<?xml version="1.0"?>\n<!DOCTYPE flow [\n{subset}\n]>\n' + BODY.replace("Luồng thử", title)


def _billion_laughs(_: Path, __: int) -> str:
    levels = ['  <!ENTITY lol0 "lol">']
    levels += [f'  <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return _entity_doc("\n".join(levels), "&lol9;")


def _quadratic(_: Path, __: int) -> str:
    return _entity_doc(f'  <!ENTITY a "{"x" * 100_000}">', "&a;" * 20_000)


def _dtd_file(secret: Path) -> Path:
    dtd = secret.parent / "shared.dtd"
    dtd.write_text(f'<!ENTITY s "from the dtd">\n<!ENTITY leak SYSTEM "file://{secret}">\n', encoding="utf-8")
    return dtd


DOCTYPE_CASES: dict[str, Callable[[Path, int], str]] = {
    "xxe-file-entity": lambda s, _: _entity_doc(f'  <!ENTITY xxe SYSTEM "file://{s}">', "&xxe;"),
    "xxe-http-entity": lambda _, port: _entity_doc(f'  <!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/x">', "&xxe;"),
    "parameter-entity-file": lambda s, _: _entity_doc(f'  <!ENTITY % p SYSTEM "file://{s}">\n  %p;'),
    "parameter-entity-http": lambda _, port: _entity_doc(
        f'  <!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/evil.dtd">\n  %remote;'),
    "billion-laughs": _billion_laughs,
    "quadratic-blowup": _quadratic,
    "doctype-system-secret": lambda s, _: f'<?xml version="1.0"?>\n<!DOCTYPE flow SYSTEM "{s}">\n' + BODY,
    "doctype-system-dtd": lambda s, _: (f'<?xml version="1.0"?>\n<!DOCTYPE flow SYSTEM "{_dtd_file(s)}">\n'
                                        + BODY.replace("Luồng thử", "&s; &leak;")),
    "doctype-system-http": lambda _, port: (f'<?xml version="1.0"?>\n<!DOCTYPE flow SYSTEM '
                                            f'"http://127.0.0.1:{port}/x.dtd">\n' + BODY),
    "doctype-internal-only": lambda _, __: '<?xml version="1.0"?>\n<!DOCTYPE flow>\n' + BODY,
}


@pytest.mark.parametrize("case", list(DOCTYPE_CASES))
def test_doctype_attack_is_refused_without_leak_or_network(case: str, tmp_path: Path, secret: Path,
                                                           listener: Listener) -> None:
    run = validate(write(tmp_path, DOCTYPE_CASES[case](secret, listener.port)))
    assert run.code == 1, run.out
    assert run.only().code in ("P001", "P002"), run.out
    assert SECRET not in run.out
    assert "from the dtd" not in run.out
    assert listener.connections() == 0, "the loader connected to the local listener"


@pytest.mark.parametrize("case", list(DOCTYPE_CASES))
def test_doctype_attack_is_reported_as_p002_at_the_doctype(case: str, tmp_path: Path, secret: Path,
                                                           listener: Listener) -> None:
    run = validate(write(tmp_path, DOCTYPE_CASES[case](secret, listener.port)))
    assert_finding(run, "P002", 2, 1, "doctype-forbidden: a DOCTYPE is not allowed", "remove the <!DOCTYPE")


def test_doctype_location_ignores_the_word_in_a_comment(tmp_path: Path) -> None:
    text = '<?xml version="1.0"?>\n<!-- no <!DOCTYPE here -->\n<!DOCTYPE flow>\n' + BODY
    assert_finding(validate(write(tmp_path, text)), "P002", 3, 1)


def _fifo(tmp_path: Path) -> tuple[Path, Callable[[], None]]:
    """A FIFO nobody writes to (opening it for reading blocks), and how to release a blocked reader."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def unblock() -> None:
        with contextlib.suppress(OSError):  # nobody is reading: nothing to release
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # the reader then sees end of file

    return fifo, unblock


@pytest.mark.parametrize("kind", ["doctype-system", "parameter-entity"])
def test_external_subset_naming_a_fifo_does_not_hang(kind: str, tmp_path: Path) -> None:
    fifo, unblock = _fifo(tmp_path)
    if kind == "doctype-system":
        text = f'<?xml version="1.0"?>\n<!DOCTYPE flow SYSTEM "{fifo}">\n' + BODY
    else:
        text = _entity_doc(f'  <!ENTITY % p SYSTEM "{fifo}">\n  %p;')
    run = validate(write(tmp_path, text), timeout=FIFO_GUARD, unblock=unblock)
    assert_finding(run, "P002", 2, 1)


def test_clean_file_next_to_a_fifo_doctype_sibling_does_not_hang(tmp_path: Path) -> None:
    fifo, unblock = _fifo(tmp_path)
    clean = write(tmp_path, VALID, "clean.xml")
    write(tmp_path, f'<?xml version="1.0"?>\n<!DOCTYPE flow SYSTEM "{fifo}">\n' + BODY, "sibling.xml")
    run = validate(clean, timeout=FIFO_GUARD, unblock=unblock)
    assert run.code == 0, run.out


# --- XInclude ------------------------------------------------------------------------------------

def _xinclude(href: str) -> str:
    return VALID.replace("<title>Luồng thử</title>",
                         f'<title><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{href}" '
                         'parse="text"/></title>')


def test_xinclude_of_a_local_file_is_p005_and_not_read(tmp_path: Path, secret: Path) -> None:
    run = validate(write(tmp_path, _xinclude(str(secret))))
    # line 3 is `  <title><xi:include ...`: the xi:include start tag is at column 10
    assert_finding(run, "P005", 3, 10, "xinclude-forbidden", 'extends="FLOW-CODE"')
    assert SECRET not in run.out


def test_xinclude_over_http_is_p005_without_a_connection(tmp_path: Path, listener: Listener) -> None:
    run = validate(write(tmp_path, _xinclude(f"http://127.0.0.1:{listener.port}/x")))
    assert_finding(run, "P005", 3, 10)
    assert listener.connections() == 0


# --- size and depth ------------------------------------------------------------------------------

DEEP = 100_000
#: `<flow ...>` is 36 characters, then `<a>` after `<a>`: libxml2 stops at depth 256, around column 804.
DEEP_TEXT = '<flow xmlns="urn:isoflow:process:1">' + "<a>" * DEEP + "</a>" * DEEP + "</flow>"


def test_very_deep_nesting_is_p001_quickly(tmp_path: Path) -> None:
    run = validate(write(tmp_path, DEEP_TEXT))
    finding = run.only()
    assert (run.code, finding.code, finding.line) == (1, "P001", 1), run.out
    assert 790 <= finding.col <= 810, run.out
    assert "depth" in finding.rest.lower()


def test_very_deep_nesting_message_gives_no_parser_advice(tmp_path: Path) -> None:
    finding = validate(write(tmp_path, DEEP_TEXT)).only()
    assert "XML_PARSE_HUGE" not in finding.rest


def test_huge_sparse_file_is_p003_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "case" / "huge.xml"
    path.parent.mkdir()
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no disk used, 50 MiB of NULs if read
    tracemalloc.start()
    try:
        run = validate(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert_finding(run, "P003", 1, 1, "file-too-large", "2 MiB")
    assert peak < 8 * 1024 * 1024, f"peak Python memory {peak} bytes: the whole file was read"


def test_eleven_megabyte_text_node_is_p003(tmp_path: Path) -> None:
    run = validate(write(tmp_path, VALID.replace("Luồng thử", "x" * 11_000_000)))
    assert_finding(run, "P003", 1, 1, "file-too-large")


def test_gzipped_eleven_megabyte_text_node_is_not_decompressed(tmp_path: Path) -> None:
    data = gzip.compress(VALID.replace("Luồng thử", "x" * 11_000_000).encode())
    assert len(data) < 100_000  # small-looking on disk
    run = validate(write(tmp_path, data))
    assert_finding(run, "P001", 1, 1, "Start tag expected")


def test_text_node_of_1_9_mib_under_the_cap_is_a_schema_finding(tmp_path: Path) -> None:
    text = "x" * int(1.9 * 1024 * 1024)
    path = write(tmp_path, VALID.replace("Luồng thử", text))
    assert path.stat().st_size < 2 * 1024 * 1024
    run = validate(path)
    assert_finding(run, "P006", 3, 3, "<title>", f"'{len(text)}'", "'4000'")


# --- binary garbage ------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    pytest.param(random.Random(20240601).randbytes(4096), id="random-bytes"),  # noqa: S311 - fixed seed, repeatable
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), id="png-header"),
])
def test_binary_garbage_is_p001_at_the_start(data: bytes, tmp_path: Path) -> None:
    assert_finding(validate(write(tmp_path, data)), "P001", 1, 1, "not well-formed XML")


def test_nul_bytes_only_is_p001(tmp_path: Path) -> None:
    # libxml2 calls this "Document is empty", which is odd for a 100-byte file but not wrong enough to fail on.
    assert_finding(validate(write(tmp_path, b"\x00" * 100)), "P001", 1, 1, "not well-formed XML")


NUL_INSIDE = VALID.replace("Luồng thử", "Lu\x00ng")  # line 3: `  <title>Lu` then NUL at column 12


def test_nul_byte_inside_a_process_is_p001_at_the_byte(tmp_path: Path) -> None:
    run = validate(write(tmp_path, NUL_INSIDE))
    assert run.code == 1
    assert run.findings[0].code == "P001"
    assert (run.findings[0].line, run.findings[0].col) == (3, 12), run.out
    assert "Char 0x0 out of allowed range" in run.out


def test_syntax_messages_have_no_trailing_newline(tmp_path: Path) -> None:
    run = validate(write(tmp_path, NUL_INSIDE))
    assert "" not in run.out.strip().splitlines(), repr(run.out)


# --- encodings -----------------------------------------------------------------------------------

def _utf16(text: str) -> bytes:
    return text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")  # with BOM


def _latin1(text: str) -> bytes:
    text = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("Luồng thử", "Café à Hà Nội")
    return text.encode("latin-1", errors="replace")  # letters Latin-1 lacks become "?"


@pytest.mark.parametrize("data", [
    pytest.param(_utf16(VALID), id="utf-16-bom-declared"),
    pytest.param(BODY.encode("utf-16"), id="utf-16-bom-undeclared"),
    pytest.param(_latin1(VALID), id="iso-8859-1"),
    pytest.param(b"\xef\xbb\xbf" + VALID.encode(), id="utf-8-bom"),
])
def test_valid_process_in_another_encoding_is_clean(data: bytes, tmp_path: Path) -> None:
    run = validate(write(tmp_path, data))
    assert run.code == 0, run.out
    assert run.out.strip().endswith("no problems found.")


@pytest.mark.parametrize(("data", "line", "value"), [
    pytest.param(_utf16(BAD_BUDGET), 18, "năm", id="utf-16-bom-declared"),
    pytest.param(BAD_BUDGET.split("\n", 1)[1].encode("utf-16"), 17, "năm", id="utf-16-bom-undeclared"),
    pytest.param(_latin1(VALID.replace('budget="1d"', 'budget="café"')), 18, "café", id="iso-8859-1"),
    pytest.param(b"\xef\xbb\xbf" + BAD_BUDGET.encode(), 18, "năm", id="utf-8-bom"),
])
def test_finding_in_another_encoding_has_the_right_text_and_place(data: bytes, line: int, value: str,
                                                                  tmp_path: Path) -> None:
    run = validate(write(tmp_path, data))
    assert_finding(run, "P006", line, 67, f"attribute 'budget': '{value}' is not a working-time budget")


@pytest.mark.parametrize("data", [
    pytest.param(b'\xef\xbb\xbf<svg xmlns="http://www.w3.org/2000/svg"/>', id="utf-8-bom"),
    pytest.param('<svg xmlns="http://www.w3.org/2000/svg"/>'.encode("utf-16"), id="utf-16-bom"),
])
def test_byte_order_mark_is_not_a_column(data: bytes, tmp_path: Path) -> None:
    assert_finding(validate(write(tmp_path, data)), "P004", 1, 1, "<svg>")


def test_unknown_declared_encoding_is_a_clear_p001(tmp_path: Path) -> None:
    run = validate(write(tmp_path, VALID.replace('encoding="UTF-8"', 'encoding="X-KLINGON"')))
    finding = run.only()
    assert (run.code, finding.code, finding.line) == (1, "P001", 1), run.out
    assert "Unsupported encoding: X-KLINGON" in finding.rest


# --- empty files, paths and folders --------------------------------------------------------------

@pytest.mark.parametrize("data", [pytest.param(b"", id="empty"), pytest.param(b"  \n\t\r\n  \n", id="whitespace")])
def test_empty_file_is_p001_with_a_hint(data: bytes, tmp_path: Path) -> None:
    assert_finding(validate(write(tmp_path, data)), "P001", 1, 1, "file is empty",
                   '<process xmlns="urn:isoflow:process:1"')


def test_missing_path_is_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.xml"
    run = validate(missing)
    assert run.code == 2
    assert f"{missing}: no such file or folder" in run.out


def test_folder_without_process_files_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("không phải quy trình", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    run = validate(tmp_path)
    assert run.code == 2
    assert "no process files (*.xml) or features (*.feature) in this folder" in run.out


def test_folder_named_like_a_process_file_is_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "x.xml"
    folder.mkdir()
    run = validate(folder)
    assert run.code == 2
    assert "no process files" in run.out


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_unreadable_file_is_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    path.chmod(0)
    try:
        run = validate(path)
    finally:
        path.chmod(0o644)
    assert run.code == 2
    assert f"{path}: cannot read file: Permission denied" in run.out


def test_file_that_cannot_be_opened_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as chmod 000, for runs as root: opening the file raises PermissionError."""
    path = write(tmp_path, VALID)
    real_open = os.open

    def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    run = validate(path)
    assert run.code == 2
    assert f"{path}: cannot read file: Permission denied" in run.out


# --- XML that is not a process, and harmless extras ---------------------------------------------

def test_svg_is_p004_with_a_hint(tmp_path: Path) -> None:
    text = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n'
    assert_finding(validate(write(tmp_path, text)), "P004", 2, 1,
                   "the root element is <svg> in namespace 'http://www.w3.org/2000/svg'",
                   'the root must be <process xmlns="urn:isoflow:process:1">')


def test_process_without_namespace_is_p004_with_a_hint(tmp_path: Path) -> None:
    text = VALID.replace(' xmlns="urn:isoflow:process:1"', "")
    assert_finding(validate(write(tmp_path, text)), "P004", 2, 1, "<flow> without a namespace",
                   'xmlns="urn:isoflow:process:1"')


def test_processing_instructions_and_comments_around_the_root_are_fine(tmp_path: Path) -> None:
    text = VALID.replace("<flow ", '<!-- đầu tệp -->\n<?xml-model href="process.xsd"?>\n<flow ', 1)
    text += "<!-- cuối tệp -->\n<?isoflow note?>\n"
    run = validate(write(tmp_path, text))
    assert run.code == 0, run.out


def test_the_parser_itself_never_opens_an_external_subset(tmp_path: Path) -> None:
    """Second lock: even past the DOCTYPE check, the hardened parser reads no external file."""
    import threading

    from lxml import etree

    from isoflow.loading.parser import parser as _parser

    fifo, unblock = _fifo(tmp_path)
    text = f'<?xml version="1.0"?>\n<!DOCTYPE flow SYSTEM "{fifo}" [<!ENTITY % p SYSTEM "{fifo}"> %p;]>\n<flow/>'
    done = threading.Event()

    def parse() -> None:
        with contextlib.suppress(etree.XMLSyntaxError):
            etree.fromstring(text.encode(), _parser())
        done.set()

    threading.Thread(target=parse, daemon=True).start()
    finished = done.wait(FIFO_GUARD)
    unblock()
    assert finished, "the parser opened the FIFO named by the DOCTYPE"
