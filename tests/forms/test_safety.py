"""Whatever an applicant types and whatever an agency's template does, the forms stay safe.

Applicant text is escaped (HTML, and never re-read as a template) in every template and partial
whatever its name; the agency's own templates run in Jinja's immutable sandbox in a child process
with a time and a memory limit, produce at most so much HTML, and become PDF in a child process
with limits of its own; WeasyPrint reads nothing but stylesheets, images and fonts inside the
template folders, and calls no URL.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from multiprocessing import get_context
from pathlib import Path

import pytest
from PIL import Image

from isoflow.data.loaders import load_agency, load_legal_basis
from isoflow.paper import renderer as forms
from isoflow.paper.renderer import FormError, FormRenderer, Limits, TemplateLimitExceeded, TemplateNotFound
from isoflow.paper.samples import sample_form_context
from isoflow.workspace import procedures_in
from tests.forms.conftest import HOSTILE, ROOT, Office

CONTEXT = {"header": {"form_set_id": "tt03-2025"}, "dossier": {"code": "X-1", "applicant": {"name": HOSTILE}}}
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; {{ 7*7 }} Nguyễn"
POPPLER = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdfdetach", "pdftotext", "pdfimages")),
                             reason="poppler-utils is not installed")


def test_applicant_text_is_escaped_and_never_evaluated(office: Office) -> None:
    html = office.printer.dossier_form(office.desk, office.hostile, "receipt").html
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; {{ 7*7 }} Nguyễn" in html
    assert "49" not in html.split("Mã tra cứu")[0]  # the {{ 7*7 }} stayed text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_shipped_stylesheet_is_inserted_verbatim(office: Office) -> None:
    html = office.printer.dossier_form(office.desk, office.full_2026_08, "receipt").html
    css = (FormRenderer().shipped / "forms.css").read_text(encoding="utf-8")
    assert f"<style>{css.rstrip(chr(10))}</style>" in html
    assert 'font-family: "Times New Roman"' in html


def _agency(tmp_path: Path, body: str, name: str = "receipt.html.j2", limits: Limits | None = None) -> FormRenderer:
    folder = tmp_path / "agency"
    (folder / "tt03-2025").mkdir(parents=True, exist_ok=True)
    (folder / "tt03-2025" / name).write_text(body, encoding="utf-8")
    return FormRenderer([folder], limits or Limits(seconds=2, memory_bytes=64 * 2**20))


def test_an_agency_template_wins_and_is_still_escaped(tmp_path: Path) -> None:
    renderer = _agency(tmp_path, "<p>{{ dossier.applicant.name }}</p>")
    assert renderer.render_html("receipt", CONTEXT, "tt03-2025") == f"<p>{ESCAPED}</p>"


@pytest.mark.parametrize("partial", ["part.j2", "part.inc", "part.txt", "part.jinja", "macros.j2", "part"])
def test_a_partial_prints_applicant_text_escaped_whatever_its_name(tmp_path: Path, partial: str) -> None:
    renderer = _agency(tmp_path, f'<p>{{% include "{partial}" %}}</p>')
    printed = ("{% macro name(x) %}<b>{{ x }}</b>{% endmacro %}{{ name(dossier.applicant.name) }}"
               if partial.startswith("macros") else "{{ dossier.applicant.name }}")
    (tmp_path / "agency" / partial).write_text(printed, encoding="utf-8")
    html = renderer.render_html("receipt", CONTEXT, "tt03-2025")
    assert "<script>" not in html
    assert html == (f"<p><b>{ESCAPED}</b></p>" if partial.startswith("macros") else f"<p>{ESCAPED}</p>")


@pytest.mark.parametrize("body", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ '{0.__class__}'.format(1) }}",
    "{{ ('{0.__class__.__mro__}'|attr('format'))(1) }}",
    "{% set l = [] %}{{ l.append(1) }}",
])
def test_an_agency_template_cannot_reach_python(tmp_path: Path, body: str) -> None:
    with pytest.raises(FormError, match=r"unsafe|not safely|SecurityError|access"):
        _agency(tmp_path, body).render_html("receipt", CONTEXT, "tt03-2025")


def test_an_agency_template_that_runs_forever_is_stopped(tmp_path: Path) -> None:
    body = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    with pytest.raises(TemplateLimitExceeded, match="longer than 2 s"):
        _agency(tmp_path, body).render_html("receipt", CONTEXT, "tt03-2025")


def test_an_agency_template_that_eats_memory_is_stopped(tmp_path: Path) -> None:
    with pytest.raises(TemplateLimitExceeded, match="MiB"):
        _agency(tmp_path, "{{ ('x' * 400000000)|length }}").render_html("receipt", CONTEXT, "tt03-2025")


def test_a_stopped_template_is_killed_alone_never_its_process_group(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    signalled: list[int] = []
    kill = os.kill

    def record(pid: int, signal: int) -> None:
        signalled.append(pid)
        if pid > 0:  # 0 would be this whole process group (pytest included): recorded, never sent
            kill(pid, signal)

    monkeypatch.setattr(os, "kill", record)
    # A process whose pid reads as None (not started, or gone) made ``os.kill(pid or 0, ...)`` hit the group.
    monkeypatch.setattr(get_context("fork").Process, "pid", property(lambda self: None))
    body = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    with pytest.raises(TemplateLimitExceeded, match="longer than 1 s"):
        _agency(tmp_path, body, limits=Limits(seconds=1)).render_html("receipt", CONTEXT, "tt03-2025")
    assert signalled
    assert all(pid > 0 for pid in signalled)


def test_an_agency_template_may_produce_at_most_2_mib_of_html(tmp_path: Path) -> None:
    # 3 MB of HTML in a few hundredths of a second would take WeasyPrint minutes.
    body = "{% for i in range(30000) %}<p>{{ 'x' * 93 }}</p>{% endfor %}"
    renderer = _agency(tmp_path, body)
    with pytest.raises(TemplateLimitExceeded, match=r"produced 2\.9 MiB of HTML, more than the 2 MiB"):
        renderer.render_html("receipt", CONTEXT, "tt03-2025")
    with pytest.raises(TemplateLimitExceeded, match="2 MiB"):
        renderer.render_document("receipt", CONTEXT, "tt03-2025", pdf=True)
    bigger = FormRenderer(renderer.templates.agency, Limits(html_bytes=4 * 2**20))
    assert len(bigger.render_html("receipt", CONTEXT, "tt03-2025")) == 3_000_000


def test_render_document_gives_the_html_and_the_pdf_of_either_kind_of_template(tmp_path: Path) -> None:
    renderer = _agency(tmp_path, "<p>{{ dossier.applicant.name }}</p>")
    assert renderer.render_document("receipt", CONTEXT, "tt03-2025") == (f"<p>{ESCAPED}</p>", None)
    html, pdf = renderer.render_document("receipt", CONTEXT, "tt03-2025", pdf=True)
    assert html == f"<p>{ESCAPED}</p>"
    assert pdf is not None
    assert pdf.startswith(b"%PDF-")


def test_render_document_converts_a_shipped_form_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    legal = load_legal_basis()
    context = sample_form_context("receipt", procedures_in([ROOT / "processes"])[0], load_agency(),
                                  legal.form_set("tt03-2025"))

    def no_child(*args: object, **kwargs: object) -> None:
        raise AssertionError("isoflow's own templates need no child process")

    monkeypatch.setattr(forms, "_run_limited", no_child)
    renderer = FormRenderer()
    html, pdf = renderer.render_document("receipt", context, "tt03-2025", pdf=True)
    assert html == renderer.render_html("receipt", context, "tt03-2025")
    assert pdf is not None
    assert pdf.startswith(b"%PDF-")


def test_converting_an_agency_form_to_pdf_is_stopped_after_pdf_seconds(tmp_path: Path) -> None:
    # Quick to render as HTML, seconds of WeasyPrint layout.
    body = "<table>{% for i in range(3000) %}<tr><td>{{ i }}</td><td>{{ dossier.code }}</td></tr>{% endfor %}</table>"
    renderer = _agency(tmp_path, body, limits=Limits(pdf_seconds=0.5))
    assert len(renderer.render_html("receipt", CONTEXT, "tt03-2025")) > 100_000
    with pytest.raises(TemplateLimitExceeded, match=r"converting the form to PDF took longer than 0\.5 s"):
        renderer.render_document("receipt", CONTEXT, "tt03-2025", pdf=True)


def test_converting_an_agency_form_to_pdf_is_stopped_at_pdf_memory_bytes(tmp_path: Path) -> None:
    # A 120 KB picture of 6000 x 6000 pixels is 108 MB once WeasyPrint decodes it.
    renderer = _agency(tmp_path, '<img src="big.png" style="width: 5cm">', limits=Limits(pdf_memory_bytes=32 * 2**20))
    Image.new("RGB", (6000, 6000), (200, 10, 10)).save(tmp_path / "agency" / "big.png")
    with pytest.raises(TemplateLimitExceeded, match=r"converting the form to PDF used more than 32 MiB"):
        renderer.render_document("receipt", CONTEXT, "tt03-2025", pdf=True)


def test_a_name_the_data_does_not_have_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FormError, match="'dict object' has no attribute 'phone_number'"):
        _agency(tmp_path, "{{ dossier.applicant.phone_number }}").render_html("receipt", CONTEXT, "tt03-2025")


def test_a_broken_agency_template_says_where(tmp_path: Path) -> None:
    with pytest.raises(FormError, match=r"receipt.html.j2:1: template syntax error"):
        _agency(tmp_path, "{% if %}").render_html("receipt", CONTEXT, "tt03-2025")


def test_a_missing_template_names_what_was_looked_for(tmp_path: Path) -> None:
    with pytest.raises(TemplateNotFound, match=r"tt03-2025/passport.html.j2, passport.html.j2"):
        FormRenderer().render_html("passport", CONTEXT, "tt03-2025")


@pytest.fixture
def web_server() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()


@pytest.mark.skipif(shutil.which("pdfdetach") is None, reason="poppler-utils is not installed")
def test_the_pdf_embeds_no_local_file_and_calls_no_url(tmp_path: Path, web_server: tuple[str, list[str]]) -> None:
    url, hits = web_server
    secret = tmp_path / "secret.txt"
    secret.write_text("the database password", encoding="utf-8")
    renderer = FormRenderer()
    html = (f'<html><body><p>x</p><link rel="attachment" href="{secret.as_uri()}">'
            f'<img src="{url}/pixel.png"><link rel="stylesheet" href="{url}/x.css">'
            '<img src="file:///etc/passwd"></body></html>')
    pdf = renderer.render_pdf(html)
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdfdetach", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert listing.strip() == "0 embedded files"
    assert hits == []
    assert b"the database password" not in pdf


def _pdf_shows(tmp_path: Path, pdf: bytes) -> tuple[str, str, int]:
    """What a PDF carries: its embedded files listing, its text, its number of images."""
    path = tmp_path / "shown.pdf"
    path.write_bytes(pdf)

    def run(*argv: str) -> str:
        return subprocess.run([*argv, str(path), *(["-"] if argv[0] == "pdftotext" else [])],
                              capture_output=True, text=True, check=True).stdout

    images = run("pdfimages", "-list").splitlines()[2:]  # two heading lines, then one line an image
    return run("pdfdetach", "-list").strip(), run("pdftotext"), len(images)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """An agency folder with a picture and a stylesheet of its own, links to the secrets beside it,
    and a folder outside it with a secret stylesheet, picture and text."""
    agency, outside = tmp_path / "agency", tmp_path / "outside"
    (agency / "tt03-2025").mkdir(parents=True)
    outside.mkdir()
    Image.new("RGB", (8, 8), (0, 0, 255)).save(agency / "logo.png")
    (agency / "style.css").write_text('body::after { content: "STYLE FROM THE FOLDER" }', encoding="utf-8")
    Image.new("RGB", (8, 8), (255, 0, 0)).save(outside / "secret.png")
    (outside / "secret.css").write_text('body::before { content: "SECRET STYLESHEET" }', encoding="utf-8")
    (outside / "secret.txt").write_text("the database password", encoding="utf-8")
    (agency / "linked.png").symlink_to(outside / "secret.png")
    (agency / "linked.css").symlink_to(outside / "secret.css")
    (agency / "receipt.html.j2").write_text("<p>{{ 'an agency template source' }}</p>", encoding="utf-8")
    return agency, outside


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs WeasyPrint's fetcher served (in this process) while the test ran."""
    urls: list[str] = []
    read = forms.read_resource

    def spy(folders: tuple[Path, ...], url: str) -> tuple[Path, str, bytes]:
        found = read(folders, url)
        urls.append(url)
        return found

    monkeypatch.setattr(forms, "read_resource", spy)
    return urls


def test_the_fetcher_is_weasyprints_own_refusing_errors_quietly() -> None:
    from weasyprint.urls import URLFetcher

    fetcher = forms.FolderFetcher([FormRenderer().shipped])
    assert isinstance(fetcher, URLFetcher)
    assert fetcher._fail_on_errors is False  # a refused URL is a warning in the log, not a failed form
    assert fetcher._allowed_protocols == ["file"]


@pytest.mark.parametrize("name", ["tt03-2025/receipt.html.j2", "_layout.html.j2", "procedure.html.j2", "notes.txt",
                                  "agency.toml", "data.json", "receipt.html", "forms"])
def test_only_stylesheets_images_and_fonts_are_served(name: str) -> None:
    shipped = FormRenderer().shipped
    url = (shipped / name).as_uri()
    with pytest.raises(ValueError, match="only stylesheets, images and fonts"):
        forms.read_resource([shipped], url)
    assert forms.read_resource([shipped], (shipped / "forms.css").as_uri())[1] == "text/css"


@POPPLER
def test_what_the_folder_holds_is_served(tmp_path: Path, folders: tuple[Path, Path], served: list[str]) -> None:
    agency, _ = folders
    pdf = FormRenderer([agency]).render_pdf('<link rel="stylesheet" href="style.css"><p>x</p><img src="logo.png">',
                                            agency)
    _, text, images = _pdf_shows(tmp_path, pdf)
    assert "STYLE FROM THE FOLDER" in text
    assert images == 1
    assert sorted(served) == [(agency / "logo.png").as_uri(), (agency / "style.css").as_uri()]


@POPPLER
@pytest.mark.parametrize("body", [
    '<style>@import url(file:///etc/passwd); @import url("{outside}/secret.css");</style><p>x</p>',
    '<link rel="stylesheet" href="linked.css"><link rel="stylesheet" href="{outside}/secret.css"><p>x</p>',
    '<svg width="20" height="20"><image href="file:///etc/passwd" width="9" height="9"/>'
    '<image href="{outside}/secret.png" width="9" height="9"/><image href="linked.png" width="9" height="9"/></svg>',
    '<p style="background: url({outside}/secret.png)">x</p><p style="background: url(file:///etc/passwd)">y</p>',
    '<img src="linked.png"><img src="{outside}/secret.png"><img src="../outside/secret.png"><p>x</p>',
    '<link rel="attachment" href="tt03-2025/receipt.html.j2"><link rel="attachment" href="receipt.html.j2">'
    '<link rel="attachment" href="{outside}/secret.txt"><link rel="attachment" href="file:///etc/passwd"><p>x</p>',
], ids=["css-import", "stylesheet-link", "svg-image", "style-attribute", "img-symlink", "attachments"])
def test_nothing_outside_the_folders_and_no_template_is_fetched(tmp_path: Path, folders: tuple[Path, Path],
                                                                served: list[str], body: str) -> None:
    agency, outside = folders
    html = body.replace("{outside}", outside.as_uri())
    pdf = FormRenderer([agency]).render_pdf(html, agency)
    attachments, text, images = _pdf_shows(tmp_path, pdf)
    assert served == []
    assert attachments == "0 embedded files"
    assert "SECRET" not in text
    assert "root:" not in text
    assert images == 0
    assert b"the database password" not in pdf
    assert b"an agency template source" not in pdf


@POPPLER
def test_an_agency_form_fetches_nothing_in_its_child_either(tmp_path: Path, folders: tuple[Path, Path],
                                                            web_server: tuple[str, list[str]]) -> None:
    agency, outside = folders
    url, hits = web_server
    (agency / "tt03-2025" / "receipt.html.j2").write_text(
        f'<style>@font-face {{ font-family: Remote; src: url({url}/f.ttf) }} p {{ font-family: Remote }}'
        f'@import url(file:///etc/passwd);</style><link rel="stylesheet" href="{url}/x.css">'
        f'<link rel="stylesheet" href="style.css"><p>{{{{ dossier.code }}}}</p><img src="logo.png">'
        f'<img src="linked.png"><img src="{outside.as_uri()}/secret.png"><img src="{url}/pixel.png">'
        '<svg width="20" height="20"><image href="file:///etc/passwd" width="9" height="9"/></svg>'
        f'<p style="background: url({outside.as_uri()}/secret.png)">y</p>'
        f'<link rel="attachment" href="tt03-2025/receipt.html.j2"><link rel="attachment" href="receipt.html.j2">'
        f'<link rel="attachment" href="{outside.as_uri()}/secret.txt">', encoding="utf-8")
    _, pdf = FormRenderer([agency]).render_document("receipt", CONTEXT, "tt03-2025", pdf=True)
    assert pdf is not None
    attachments, text, images = _pdf_shows(tmp_path, pdf)
    assert hits == []
    assert attachments == "0 embedded files"
    assert "X-1" in text
    assert "STYLE FROM THE FOLDER" in text  # relative URLs resolve in the agency's folder
    assert images == 1  # its logo, nothing else
    assert "SECRET" not in text
    assert b"the database password" not in pdf


def test_a_remote_font_is_never_requested(web_server: tuple[str, list[str]], served: list[str]) -> None:
    url, hits = web_server
    FormRenderer().render_pdf(f'<style>@font-face {{ font-family: Remote; src: url({url}/f.ttf) }} '
                              f'p {{ font-family: Remote }}</style><p>x</p>')
    assert hits == []
    assert served == []


def test_the_printer_converts_an_agency_template_to_pdf_within_limits(office: Office, tmp_path: Path) -> None:
    from isoflow.paper.renderer import FormRenderer, Limits
    from isoflow.printer import Printer

    folder = tmp_path / "agency" / "tt03-2025"
    folder.mkdir(parents=True)
    rows = "".join("<tr><td>{{ dossier.code }}</td><td>" + "x " * 40 + "</td></tr>" for _ in range(3000))
    (folder / "receipt.html.j2").write_text(f"<table>{rows}</table>", encoding="utf-8")
    printer = Printer(FormRenderer([tmp_path / "agency"], Limits(pdf_seconds=0.5)), office.printer.agency)
    with pytest.raises(TemplateLimitExceeded, match="converting the form to PDF took longer"):
        printer.dossier_form(office.desk, office.full_2026_08, "receipt", "pdf")


# -- templates reach nothing outside their folders, links or not (issue 13) ---------------------

@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """An agency folder holding links out of it (a file, a folder) and one link that stays inside,
    and the secret they lead to."""
    agency, outside = tmp_path / "agency", tmp_path / "outside"
    (agency / "tt03-2025").mkdir(parents=True)
    (outside / "etc").mkdir(parents=True)
    (outside / "secret.txt").write_text("SECRET-OF-THE-AGENCY", encoding="utf-8")
    (outside / "etc" / "passwd").write_text("root:x:0:0:SECRET", encoding="utf-8")
    (agency / "leak.txt").symlink_to(outside / "secret.txt")
    (agency / "etc").symlink_to(outside / "etc")
    (agency / "tt03-2025" / "leak.html.j2").symlink_to(outside / "secret.txt")
    (agency / "part.txt").write_text("PART {{ dossier.code }}", encoding="utf-8")
    (agency / "same.txt").symlink_to(agency / "part.txt")
    return agency, outside


@pytest.mark.parametrize("body", [
    '<pre>{% include "leak.txt" %}</pre>',
    '<pre>{% include "leak.txt" ignore missing %}</pre>',
    '<pre>{% include "etc/passwd" %}</pre>',
    '{% import "leak.txt" as m %}<p>x</p>',
    '{% from "etc/passwd" import x %}<p>x</p>',
    '{% extends "leak.txt" %}',
    '<pre>{% include ["nothing.txt", "leak.txt"] %}</pre>',
], ids=["include", "include-ignore-missing", "linked-folder", "import", "from-import", "extends", "include-list"])
def test_a_template_cannot_read_a_file_through_a_link(linked: tuple[Path, Path], body: str) -> None:
    agency, outside = linked
    (agency / "tt03-2025" / "receipt.html.j2").write_text(body, encoding="utf-8")
    renderer = FormRenderer([agency], Limits(seconds=5, memory_bytes=128 * 2**20))
    with pytest.raises(FormError, match=r"through a symbolic link, outside the template folders") as caught:
        renderer.render_html("receipt", CONTEXT, "tt03-2025")
    assert "SECRET" not in str(caught.value)
    assert str(outside) in str(caught.value)  # the officer is told where the link leads


def test_a_template_that_is_itself_a_link_out_is_refused(linked: tuple[Path, Path]) -> None:
    agency, _ = linked
    with pytest.raises(FormError, match=r"'tt03-2025/leak.html.j2' leads to .*secret.txt through a symbolic link"):
        FormRenderer([agency]).render_html("leak", CONTEXT, "tt03-2025")


def test_a_link_that_stays_inside_the_folder_is_followed(linked: tuple[Path, Path]) -> None:
    agency, _ = linked
    (agency / "tt03-2025" / "receipt.html.j2").write_text('<p>{% include "same.txt" %}</p>', encoding="utf-8")
    assert FormRenderer([agency]).render_html("receipt", CONTEXT, "tt03-2025") == "<p>PART X-1</p>"


def test_the_loader_lists_no_template_outside_its_folders(linked: tuple[Path, Path]) -> None:
    agency, _ = linked
    (agency / "loop").symlink_to(agency)  # a link loop is walked once
    listed = forms.ConfinedLoader([agency]).list_templates()
    assert listed == ["part.txt", "same.txt"]


@POPPLER
def test_the_pdf_of_an_agency_form_shows_what_the_folder_holds_and_nothing_else(linked: tuple[Path, Path],
                                                                                tmp_path: Path) -> None:
    agency, _ = linked
    (agency / "tt03-2025" / "receipt.html.j2").write_text('<p>{% include "same.txt" %}</p>', encoding="utf-8")
    _, pdf = FormRenderer([agency]).render_document("receipt", CONTEXT, "tt03-2025", pdf=True)
    assert pdf is not None
    _, text, _ = _pdf_shows(tmp_path, pdf)
    assert text.split() == ["PART", "X-1"]
