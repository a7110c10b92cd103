"""Whatever an applicant types and whatever an agency's template does, the forms stay safe.

Applicant text is escaped (HTML, and never re-read as a template); the agency's own templates
run in Jinja's immutable sandbox in a child process with a time and a memory limit; WeasyPrint
reads no file outside the template folders and calls no URL.
"""

from __future__ import annotations

import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from isoflow.forms import FormError, FormRenderer, Limits, TemplateLimitExceeded, TemplateNotFound
from tests.forms.conftest import HOSTILE, Office

CONTEXT = {"header": {"form_set_id": "tt03-2025"}, "dossier": {"code": "X-1", "applicant": {"name": HOSTILE}}}


def test_applicant_text_is_escaped_and_never_evaluated(office: Office) -> None:
    html = office.printer.dossier_form(office.desk, office.hostile, "receipt").html
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; {{ 7*7 }} Nguyễn" in html
    assert "49" not in html.split("Mã tra cứu")[0]  # the {{ 7*7 }} stayed text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def _agency(tmp_path: Path, body: str, name: str = "receipt.html.j2") -> FormRenderer:
    folder = tmp_path / "agency"
    (folder / "tt03-2025").mkdir(parents=True, exist_ok=True)
    (folder / "tt03-2025" / name).write_text(body, encoding="utf-8")
    return FormRenderer([folder], Limits(seconds=2, memory_bytes=64 * 2**20))


def test_an_agency_template_wins_and_is_still_escaped(tmp_path: Path) -> None:
    renderer = _agency(tmp_path, "<p>{{ dossier.applicant.name }}</p>")
    assert renderer.render_html("receipt", CONTEXT, "tt03-2025") == \
        "<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; {{ 7*7 }} Nguyễn</p>"


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
