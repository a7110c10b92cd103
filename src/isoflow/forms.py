"""Forms as HTML and PDF: Jinja2 templates and WeasyPrint, the one edge that owns them.

Two kinds of template, two levels of trust.  isoflow's own templates (the ``templates/``
folder shipped with the package) render in an ordinary environment.  Templates an agency
writes itself render in Jinja's immutable sandbox, in a child process with a time and a
memory limit, because the sandbox stops attribute tricks but not ``'x' * 10**9``.  Both
escape every value (``.html.j2`` included) and fail on any undefined name.  WeasyPrint
fetches nothing but files inside the template folders: by default it would embed local
files and call URLs named in a template.
"""

from __future__ import annotations

import mimetypes
import os
import resource
import signal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
import markupsafe
from jinja2.sandbox import ImmutableSandboxedEnvironment

from isoflow.errors import FormError, TemplateLimitExceeded, TemplateNotFound
from isoflow.form_templates import TemplateFolders

__all__ = ["FormError", "FormRenderer", "Limits", "TemplateLimitExceeded", "TemplateNotFound", "trusted_markup"]

AUTOESCAPE = ("html", "htm", "xml", "svg", "html.j2", "htm.j2", "xml.j2", "svg.j2")


@dataclass(frozen=True, slots=True)
class Limits:
    """What an agency template may spend: wall-clock seconds and extra memory."""

    seconds: float = 5.0
    memory_bytes: int = 256 * 1024 * 1024


def trusted_markup(html: str) -> Any:
    """Mark HTML that isoflow itself generated (with its own escaping) as safe to insert."""
    return markupsafe.Markup(html)  # noqa: S704 - our own output, never user text


def _environment(cls: type[jinja2.Environment], folders: Sequence[Path]) -> jinja2.Environment:
    return cls(loader=jinja2.FileSystemLoader([str(f) for f in folders]),
               autoescape=jinja2.select_autoescape(AUTOESCAPE, default_for_string=True),
               undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
               auto_reload=False)


class FormRenderer:
    """Render form templates: the agency's folders first (sandboxed), then isoflow's own."""

    def __init__(self, agency_folders: Sequence[str | os.PathLike[str]] = (), limits: Limits = Limits()) -> None:
        self.templates = TemplateFolders(agency_folders)
        self.limits = limits
        # Each environment loads only what it may render: an agency template never runs outside
        # the sandbox, and isoflow's own layouts are visible to the agency's through the loader.
        self._trusted = _environment(jinja2.Environment, [self.templates.shipped])
        self._sandbox = _environment(ImmutableSandboxedEnvironment, list(self.templates.folders))

    @property
    def shipped(self) -> Path:
        return self.templates.shipped

    @property
    def folders(self) -> tuple[Path, ...]:
        return self.templates.folders

    def locate(self, form: str, form_set: str | None) -> tuple[Path, str]:
        """The folder and template name that render ``form``; TemplateNotFound if none."""
        return self.templates.locate(form, form_set)

    def render_html(self, form: str, context: Mapping[str, Any], form_set: str | None = None) -> str:
        """The form as a self-contained HTML page."""
        folder, name = self.templates.locate(form, form_set)
        if folder == self.templates.shipped:
            return _render(self._trusted, name, context)
        return _render_limited(self._sandbox, name, context, self.limits)

    def render_pdf(self, html: str) -> bytes:
        """The HTML as PDF; only files inside the template folders can be fetched."""
        from weasyprint import HTML

        fetcher = FolderFetcher(self.folders)
        return bytes(HTML(string=html, base_url=self.shipped.as_uri() + "/", url_fetcher=fetcher).write_pdf())


def _render(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as error:
        raise FormError(f"{error.name or name}:{error.lineno}: template syntax error: {error.message}") from None
    except jinja2.UndefinedError as error:
        raise FormError(f"{name}: the template uses something the form data does not have: {error}") from None
    except jinja2.exceptions.SecurityError as error:
        raise FormError(f"{name}: the template tried something unsafe and was stopped: {error}") from None
    except jinja2.TemplateError as error:
        raise FormError(f"{name}: {error}") from None


def _child(env: jinja2.Environment, name: str, context: Mapping[str, Any], limits: Limits, conn: Any) -> None:
    """Render in a child with an address-space cap; report the text or the error message."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = current + limits.memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (OSError, ValueError):  # pragma: no cover - not Linux: the time limit still holds
        pass
    try:
        conn.send(("ok", _render(env, name, context)))
    except FormError as error:
        conn.send(("error", str(error)))
    except MemoryError:
        conn.send(("limit", f"{name}: the template used more than {limits.memory_bytes // 2**20} MiB and was stopped"))
    except Exception as error:  # noqa: BLE001 - a hostile template can raise anything; say what
        conn.send(("error", f"{name}: {type(error).__name__}: {error}"))


def _render_limited(env: jinja2.Environment, name: str, context: Mapping[str, Any], limits: Limits) -> str:
    parent, child = get_context("fork").Pipe(duplex=False)
    process = get_context("fork").Process(target=_child, args=(env, name, context, limits, child), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(limits.seconds):
            raise TemplateLimitExceeded(f"{name}: the template ran longer than {limits.seconds:g} s and was stopped")
        try:
            status, text = parent.recv()
        except EOFError:
            raise TemplateLimitExceeded(f"{name}: the template was stopped (it used more than "
                                        f"{limits.memory_bytes // 2**20} MiB of memory)") from None
    finally:
        if process.is_alive():
            os.kill(process.pid or 0, signal.SIGKILL)
        process.join()
        parent.close()
    if status == "ok":
        return str(text)
    raise (TemplateLimitExceeded if status == "limit" else FormError)(text)


class FolderFetcher:
    """A WeasyPrint URL fetcher that serves files inside the given folders and nothing else."""

    def __init__(self, folders: Sequence[Path]) -> None:
        self.folders = tuple(f.resolve() for f in folders)
        self._fail_on_errors = False  # WeasyPrint reads it: a refused URL is a warning, not a crash

    def __call__(self, url: str) -> Any:
        return self.fetch(url)

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Any:
        from weasyprint.urls import URLFetcherResponse

        parts = urlsplit(url)
        if parts.scheme != "file":
            raise ValueError(f"isoflow forms fetch no {parts.scheme or 'relative'} URL: {url}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(folder) for folder in self.folders) or not path.is_file():
            raise ValueError(f"isoflow forms read only files inside their template folders: {url}")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})
