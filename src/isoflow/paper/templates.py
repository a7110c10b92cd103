"""Where form templates are, and what ``isoflow validate`` needs to know about them.

Kept apart from the Jinja edge (:mod:`isoflow.paper.renderer`) so that validating 2,000 procedures
checks template names with a few cached ``stat`` calls and never imports Jinja, unless an
agency folder asks for a dry render.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from isoflow.errors import TemplateNotFound
from isoflow.i18n import translate as _
from isoflow.running.regimes import LegalBasis

if TYPE_CHECKING:
    from isoflow.model.definition import ProcessDefinition
    from isoflow.running.regimes import FormSet

#: Renders an agency template on an invented dossier: why it fails, or ``None`` (rule M002).
DryRun = Callable[["str", "FormSet", "ProcessDefinition"], "str | None"]

SUFFIX = ".html.j2"
# Papers about procedures, not forms of a dossier: never offered as a form of a set.
NOT_DOSSIER_FORMS = frozenset({"procedure", "catalogue", "register"})  # register: documents/ (văn thư)


def shipped_templates() -> Path:
    """isoflow's own templates: inside the installed package, or ``templates/`` of a checkout."""
    packaged = Path(__file__).parents[1] / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


class TemplateFolders:
    """The agency's template folders, searched first, then isoflow's own.

    A form ``receipt`` of the form set ``tt03-2025`` is looked up as
    ``tt03-2025/receipt.html.j2`` and then ``receipt.html.j2`` in each folder in turn.
    """

    def __init__(self, agency_folders: Sequence[str | os.PathLike[str]] = ()) -> None:
        self.shipped = shipped_templates().resolve()
        # isoflow's own folder named again (``--templates templates/`` in this repository) stays trusted.
        given = [(Path(f).resolve(), str(f)) for f in agency_folders]
        self.agency = tuple(p for p, _ in given if p != self.shipped)
        self._names = dict(given) | {self.shipped: "isoflow's own templates"}
        self._found: dict[tuple[str, str | None], tuple[Path, str] | None] = {}

    @property
    def folders(self) -> tuple[Path, ...]:
        return (*self.agency, self.shipped)

    def candidates(self, form: str, form_set: str | None) -> list[str]:
        names = [f"{form_set}/{form}{SUFFIX}"] if form_set else []
        return [*names, f"{form}{SUFFIX}"]

    def find(self, form: str, form_set: str | None) -> tuple[Path, str] | None:
        """The folder and template name that render ``form`` (agency folders win), or ``None``."""
        key = (form, form_set)
        if key not in self._found:
            self._found[key] = next(((folder, name) for folder in self.folders
                                     for name in self.candidates(form, form_set) if (folder / name).is_file()), None)
        return self._found[key]

    def locate(self, form: str, form_set: str | None) -> tuple[Path, str]:
        found = self.find(form, form_set)
        if found is None:
            raise TemplateNotFound(f"no template for form {form!r} ({self.describe(form, form_set)})")
        return found

    def describe(self, form: str, form_set: str | None) -> str:
        return _("looked for {names} in {folders}").format(names=", ".join(self.candidates(form, form_set)),
                                                           folders=", ".join(self._names[f] for f in self.folders))

    def names(self, form_set: str) -> set[str]:
        """Every form name a template exists for in ``form_set``."""
        found: set[str] = set()
        for folder in self.folders:
            for sub in (folder / form_set, folder):
                found.update(p.name.removesuffix(SUFFIX) for p in sub.glob(f"*{SUFFIX}") if not p.name.startswith("_"))
        return found - NOT_DOSSIER_FORMS


class TemplateIndex:
    """The templates as the M-rules see them (:class:`isoflow.validation.rules._api.TemplateLookup`).

    Dry renders are for the agency's templates only: isoflow's own print nothing but the
    standard form data, and its test suite renders each of them for every shipped procedure.
    They are cached per template, form set and the procedure's declared fields.
    """

    def __init__(self, folders: TemplateFolders, legal: LegalBasis, dry_run: DryRun | None = None) -> None:
        self.templates = folders
        self.legal = legal
        self._dry_run = dry_run
        self._dry: dict[tuple[object, ...], str | None] = {}
        self._located: dict[tuple[str, str], str | None] = {}
        self._agency_found: dict[tuple[str, str], tuple[Path, str] | None] = {}
        self._sets_from: dict[date | None, tuple[str, ...]] = {}

    def sets_from(self, day: date | None) -> tuple[str, ...]:
        """The form sets in force on ``day`` or after it (all of them without a day)."""
        found = self._sets_from.get(day)
        if found is None:  # two rules ask for each file; a catalogue has a few effective dates
            found = self._sets_from[day] = tuple(s.id for s in self.legal.form_sets
                                                 if day is None or s.until is None or s.until >= day)
        return found

    def locate(self, name: str, form_set: str) -> str | None:
        # Asked for every form of every file validated (about five a file): joined once.
        key = (name, form_set)
        if key not in self._located:
            found = self.templates.find(name, form_set)
            self._located[key] = str(found[0] / found[1]) if found else None
        return self._located[key]

    def describe(self, name: str, form_set: str) -> str:
        return self.templates.describe(name, form_set)

    def _agency_template(self, name: str, form_set: str) -> tuple[Path, str] | None:
        """The agency's template for ``name``, or ``None`` when there is none or isoflow's own
        is used (asked for every form of every file, in every form set: decided once)."""
        key = (name, form_set)
        if key not in self._agency_found:
            found = self.templates.find(name, form_set)
            self._agency_found[key] = None if found is None or found[0] == self.templates.shipped else found
        return self._agency_found[key]

    def known(self, form_set: str) -> list[str]:
        return sorted(self.templates.names(form_set) | set(self.legal.form_set(form_set).forms))

    def dry_run(self, name: str, form_set: str, process: ProcessDefinition) -> str | None:
        """Why the agency's template fails on an invented dossier of ``process``, or ``None``
        (also when no dry run was given: :class:`isoflow.paper.renderer.DryRun` makes one)."""
        found = self._agency_template(name, form_set)
        if found is None:
            return None
        key = (name, form_set, tuple(f.id for f in process.fields))
        if key not in self._dry:
            self._dry[key] = self._dry_run(name, self.legal.form_set(form_set), process) if self._dry_run else None
        return self._dry[key]
