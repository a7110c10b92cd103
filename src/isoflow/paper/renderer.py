"""Forms as HTML and PDF: Jinja2 templates and WeasyPrint, the one edge that owns them.

Two kinds of template, two levels of trust.  isoflow's own templates (the ``templates/``
folder shipped with the package) render in an ordinary environment.  Templates an agency
writes itself render in Jinja's immutable sandbox, in a child process with a time and a
memory limit, because the sandbox stops attribute tricks but not ``'x' * 10**9``; the HTML
they produce is capped in size, and its conversion to PDF runs in a child process of its own
with a time and a memory limit (:meth:`FormRenderer.render_document`).  Both environments
escape every value in every template (partials, macros and ``.txt`` includes too) and fail
on any undefined name.  WeasyPrint fetches nothing but stylesheets, images and fonts inside
the template folders: by default it would embed local files and call URLs named in a template.
"""

from __future__ import annotations

import functools
import os
import resource
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
import markupsafe
from jinja2.sandbox import ImmutableSandboxedEnvironment

from isoflow.data.loaders import load_agency
from isoflow.errors import FormError, TemplateLimitExceeded, TemplateNotFound
from isoflow.model.agency import Agency
from isoflow.model.definition import ProcessDefinition
from isoflow.paper.samples import sample_form_context
from isoflow.paper.templates import TemplateFolders
from isoflow.running.regimes import FormSet

# FolderFetcher (a weasyprint.urls.URLFetcher) is made on first use: see __getattr__ below.
__all__ = ["RESOURCE_TYPES", "ConfinedLoader", "DryRun", "FormError", "FormRenderer", "Limits", "TemplateLimitExceeded",
           "TemplateNotFound", "read_resource", "trusted_markup"]

MiB = 2**20

# What WeasyPrint may read from a template folder, by extension, and as what: never a template
# source (.j2), a data file or anything else an agency keeps next to its templates.
RESOURCE_TYPES = {".css": "text/css", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                  ".gif": "image/gif", ".svg": "image/svg+xml", ".ttf": "font/ttf", ".otf": "font/otf",
                  ".woff": "font/woff", ".woff2": "font/woff2"}


@dataclass(frozen=True, slots=True)
class Limits:
    """What an agency template may spend.

    ``seconds`` and ``memory_bytes`` (extra address space) bound rendering the template,
    ``html_bytes`` the HTML it produces (UTF-8), ``pdf_seconds`` and ``pdf_memory_bytes`` the
    conversion of that HTML to PDF.  isoflow's own templates are not limited.
    """

    seconds: float = 5.0
    memory_bytes: int = 256 * MiB
    html_bytes: int = 2 * MiB
    pdf_seconds: float = 30.0
    pdf_memory_bytes: int = 1024 * MiB


class DryRun:
    """Render an agency's template on an invented dossier of a procedure (rule M002): why it
    fails, or ``None``.  Made by the composition root only when an agency folder is given, so
    that ``isoflow validate`` never imports Jinja for isoflow's own templates."""

    def __init__(self, agency_folders: Sequence[Path], agency: Agency | None = None) -> None:
        self._renderer = FormRenderer(agency_folders)
        self._agency = agency

    def __call__(self, name: str, form_set: FormSet, process: ProcessDefinition) -> str | None:
        if self._agency is None:
            self._agency = load_agency()
        context = sample_form_context(name, process, self._agency, form_set)
        try:
            self._renderer.render_html(name, context, form_set.id)
        except FormError as error:
            return str(error)
        return None


def trusted_markup(html: str) -> Any:
    """Mark HTML that isoflow itself generated (with its own escaping) as safe to insert."""
    return markupsafe.Markup(html)  # noqa: S704 - our own output, never user text


class ConfinedLoader(jinja2.BaseLoader):
    """Jinja's file-system loader, confined to the real paths of its folders.

    ``jinja2.FileSystemLoader`` refuses ``..`` in a name but follows symbolic links: a template
    folder from a git repository or an archive may hold ``leak.txt -> /etc/passwd`` or
    ``etc -> /etc``, and ``{% include "leak.txt" %}`` would print the file on the form.  Here
    every template (rendered, included, imported or extended) and every name listed resolves,
    links followed, inside one of the folders, and is checked again on what was opened; a
    template that resolves elsewhere is a SecurityError, never a silent "not found".

    A hard link is not a link to follow but the file itself, so it cannot be told from any
    other file of the folder: unpack an agency's folder with a tool that refuses hard links
    leading out of it (Python's ``tarfile`` with the ``data`` filter, ``git``, which has none).
    """

    def __init__(self, folders: Sequence[Path]) -> None:
        self.folders = tuple(Path(os.path.realpath(f)) for f in folders)

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)  # TemplateNotFound for "..", as Jinja does
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if not path.is_file():
                continue
            real, body = _read_inside(path, self.folders)
            if body is None:
                raise jinja2.exceptions.SecurityError(
                    f"template {template!r} leads to {real} through a symbolic link, outside the template "
                    "folders; isoflow reads templates only inside them")
            return body.decode("utf-8"), str(real), lambda: True
        raise jinja2.TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        """Every template name inside the folders (links that lead outside them are left out)."""
        found: set[str] = set()
        for folder in self.folders:
            seen = {folder}
            for top, dirs, files in os.walk(folder, followlinks=True):
                # A linked folder is walked only if it leads inside, and once (no link loops).
                kept = []
                for name in dirs:
                    real = Path(os.path.realpath(os.path.join(top, name)))
                    if _inside(real, (folder,)) and real not in seen:
                        seen.add(real)
                        kept.append(name)
                dirs[:] = kept
                found.update(Path(top, name).relative_to(folder).as_posix() for name in files
                             if _inside(Path(os.path.realpath(os.path.join(top, name))), self.folders))
        return sorted(found)


def _read_inside(path: Path, folders: Sequence[Path]) -> tuple[Path, bytes | None]:
    """The real path of ``path`` and its bytes, or ``None`` for the bytes when it is not a regular
    file inside ``folders`` (checked on the real path, and again on what was opened)."""
    real = Path(os.path.realpath(path))
    if not _inside(real, folders):
        return real, None
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:  # swapped for a link (O_NOFOLLOW) or gone since the check
        return real, None
    with os.fdopen(fd, "rb") as file:
        proc = f"/proc/self/fd/{fd}"
        opened = Path(os.readlink(proc)) if os.path.exists(proc) else real
        if not _inside(opened, folders) or not stat.S_ISREG(os.fstat(fd).st_mode):
            return opened, None
        return real, file.read()


def _environment(cls: type[jinja2.Environment], folders: Sequence[Path]) -> jinja2.Environment:
    # Escape in every template whatever its name: an agency's ``{% include "part.j2" %}`` or macro
    # file prints applicant text too.  Text written in a template (forms.css included in <style>)
    # is never escaped, only the values of expressions.
    return cls(loader=ConfinedLoader(folders), autoescape=True,
               undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False)


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
        """The form as a self-contained HTML page (an agency's template: sandboxed and limited)."""
        folder, name = self.templates.locate(form, form_set)
        if folder == self.templates.shipped:
            return _render(self._trusted, name, context)
        return _render_limited(self._sandbox, name, context, self.limits)

    def render_document(self, form: str, context: Mapping[str, Any], form_set: str | None = None,
                        pdf: bool = False) -> tuple[str, bytes | None]:
        """The form as HTML and, with ``pdf``, as PDF too (else ``None``).

        The PDF of isoflow's own template is made in this process; that of an agency's template
        in a child process limited to ``limits.pdf_seconds`` and ``limits.pdf_memory_bytes``
        (TemplateLimitExceeded beyond).  Relative URLs resolve in the template's folder.
        """
        folder, name = self.templates.locate(form, form_set)
        if folder == self.templates.shipped:
            html = _render(self._trusted, name, context)
            return html, self.render_pdf(html) if pdf else None
        html = _render_limited(self._sandbox, name, context, self.limits)
        if not pdf:
            return html, None
        import weasyprint  # noqa: F401 - imported once here, not again in every child

        limits, folders = self.limits, self.folders
        document = _run_limited(
            functools.partial(_pdf, html, folders, folder), limits.pdf_seconds, limits.pdf_memory_bytes,
            late=f"{name}: converting the form to PDF took longer than {limits.pdf_seconds:g} s and was stopped",
            big=f"{name}: converting the form to PDF used more than {limits.pdf_memory_bytes // MiB} MiB "
                "of memory and was stopped",
            crashed=f"{name}: converting the form to PDF was stopped (it needed more than "
                    f"{limits.pdf_memory_bytes // MiB} MiB of memory)",
            name=name)
        return html, bytes(document)

    def render_pdf(self, html: str, folder: Path | None = None) -> bytes:
        """The HTML as PDF, in this process: for HTML of isoflow's own templates (use
        :meth:`render_document` for an agency's).  Only stylesheets, images and fonts inside the
        template folders can be fetched; relative URLs resolve in ``folder`` (isoflow's own)."""
        return _pdf(html, self.folders, folder or self.shipped)


def _pdf(html: str, folders: Sequence[Path], base: Path) -> bytes:
    from weasyprint import HTML

    fetcher = _folder_fetcher_class()(folders)
    return bytes(HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher).write_pdf())


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


def _render_capped(env: jinja2.Environment, name: str, context: Mapping[str, Any], limit: int) -> str:
    text = _render(env, name, context)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise TemplateLimitExceeded(f"{name}: the template produced {size / MiB:.1f} MiB of HTML, more than the "
                                    f"{limit / MiB:g} MiB an agency template may produce, and was refused")
    return text


def _render_limited(env: jinja2.Environment, name: str, context: Mapping[str, Any], limits: Limits) -> str:
    mib = limits.memory_bytes // MiB
    text = _run_limited(
        functools.partial(_render_capped, env, name, context, limits.html_bytes), limits.seconds, limits.memory_bytes,
        late=f"{name}: the template ran longer than {limits.seconds:g} s and was stopped",
        big=f"{name}: the template used more than {mib} MiB and was stopped",
        crashed=f"{name}: the template was stopped (it used more than {mib} MiB of memory)", name=name)
    return str(text)


def _child(job: Callable[[], Any], memory_bytes: int, big: str, name: str, conn: Any) -> None:
    """Run ``job`` in a child with an address-space cap; report its result or the error message."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = current + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (OSError, ValueError):  # pragma: no cover - not Linux: the time limit still holds
        pass
    try:
        conn.send(("ok", job()))
    except TemplateLimitExceeded as error:
        conn.send(("limit", str(error)))
    except FormError as error:
        conn.send(("error", str(error)))
    except MemoryError:
        conn.send(("limit", big))
    except Exception as error:  # noqa: BLE001 - a hostile template can raise anything; say what
        conn.send(("error", f"{name}: {type(error).__name__}: {error}"))


def _run_limited(job: Callable[[], Any], seconds: float, memory_bytes: int, *, late: str, big: str, crashed: str,
                 name: str) -> Any:
    """``job()`` run in a forked child: TemplateLimitExceeded with ``late`` after ``seconds``, with
    ``big`` or ``crashed`` when it runs out of memory; FormError for any other failure."""
    context = get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(job, memory_bytes, big, name, child), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(seconds):
            raise TemplateLimitExceeded(late)
        try:
            status, result = parent.recv()
        except EOFError:
            raise TemplateLimitExceeded(crashed) from None
    finally:
        if process.is_alive():
            process.kill()  # SIGKILL to this child only (never os.kill(0, ...): the whole group)
        process.join()
        parent.close()
    if status == "ok":
        return result
    raise (TemplateLimitExceeded if status == "limit" else FormError)(result)


def _inside(path: Path, folders: Sequence[Path]) -> bool:
    return any(path.is_relative_to(folder) for folder in folders)


def read_resource(folders: Sequence[Path], url: str) -> tuple[Path, str, bytes]:
    """The real path, media type and bytes of the resource ``url`` names: a ``file:`` URL of a
    stylesheet, image or font (:data:`RESOURCE_TYPES`) inside ``folders``; ValueError otherwise."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise ValueError(f"isoflow forms fetch no {parts.scheme or 'relative'} URL: {url}")
    path = Path(unquote(parts.path)).resolve()  # symlinks followed: where the file really is
    kind = RESOURCE_TYPES.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"isoflow forms fetch only stylesheets, images and fonts "
                         f"({', '.join(RESOURCE_TYPES)}): {url}")
    # Checked on the real path and again on what was opened: a folder swapped for a link meanwhile
    # is refused.
    body = _read_inside(path, folders)[1] if path.is_file() else None
    if body is None:
        raise ValueError(f"isoflow forms read only files inside their template folders: {url}")
    return path, kind, body


@functools.cache
def _folder_fetcher_class() -> type[Any]:
    """FolderFetcher, made on first use: importing WeasyPrint takes most of a second."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class FolderFetcher(URLFetcher):  # type: ignore[misc] # WeasyPrint ships no types
        """A WeasyPrint URL fetcher that serves the stylesheets, images and fonts inside the given
        folders (their real paths) and nothing else: no other scheme, file type or place."""

        def __init__(self, folders: Sequence[Path]) -> None:
            # A refused URL is a warning in WeasyPrint's log, not a failed form.
            super().__init__(allowed_protocols=["file"], fail_on_errors=False)
            self.folders = tuple(Path(f).resolve() for f in folders)

        def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Any:
            path, kind, body = read_resource(self.folders, url)
            return URLFetcherResponse(path.as_uri(), body, {"Content-Type": kind})

    return FolderFetcher


def __getattr__(name: str) -> Any:
    if name == "FolderFetcher":  # a subclass of weasyprint.urls.URLFetcher, made on first use
        return _folder_fetcher_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
