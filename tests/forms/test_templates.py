"""isoflow's own templates: each form of each set renders for every shipped procedure, and
every template file says in its header where its wording comes from."""

from __future__ import annotations

from datetime import date

import pytest

from isoflow.data.loaders import load_agency, load_legal_basis
from isoflow.loading.loader import load_file
from isoflow.model.definition import ProcessDefinition
from isoflow.paper.renderer import DryRun, FormRenderer
from isoflow.paper.samples import sample_form_context
from isoflow.paper.templates import SUFFIX, TemplateFolders, TemplateIndex, shipped_templates
from isoflow.running.regimes import FormSet
from isoflow.workspace import procedures_in
from tests.forms.conftest import ROOT

LEGAL = load_legal_basis()
PROCEDURES = procedures_in([ROOT / "processes"])


@pytest.mark.parametrize("form_set", LEGAL.form_sets, ids=lambda s: s.id)
def test_each_set_has_a_template_for_each_of_its_forms(form_set: FormSet) -> None:
    folders = TemplateFolders()
    for form in form_set.forms:
        found = folders.find(form, form_set.id)
        assert found is not None, form
        assert found[1] == f"{form_set.id}/{form}{SUFFIX}"


@pytest.mark.parametrize("definition", PROCEDURES, ids=lambda d: d.code)
def test_every_shipped_template_renders_for_every_shipped_procedure(definition: ProcessDefinition) -> None:
    renderer, agency = FormRenderer(), load_agency()
    for form_set in LEGAL.form_sets:
        for form in form_set.forms:
            if form == "book":
                continue
            html = renderer.render_html(form, sample_form_context(form, definition, agency, form_set),
                                        form_set.id)
            assert form_set.forms[form] in html
            assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html


def test_every_template_file_says_where_its_wording_comes_from() -> None:
    for path in sorted(shipped_templates().rglob(f"*{SUFFIX}")):
        head = path.read_text(encoding="utf-8").lstrip()
        assert head.startswith("{#"), f"{path.name} has no header comment"
        if path.parent.name == "tt03-2025" and path.name != "stop.html.j2":
            assert "2018" in head.split("#}")[0], f"{path} must say it follows the 2018 form"


def test_one_catalogue_answers_each_day_and_process_as_a_fresh_one_would() -> None:
    # The M rules ask one catalogue about every file of a run: its memos must give each
    # effective date and each procedure's fields the answer a new catalogue gives.
    fixtures = ROOT / "tests" / "rules" / "fixtures" / "m002_template_fails"

    def fresh() -> TemplateIndex:
        folders = TemplateFolders([fixtures / "templates"])
        return TemplateIndex(folders, LEGAL, DryRun(folders.agency))

    shared = fresh()
    days = [None, date(2025, 1, 1), date(2025, 9, 14), date(2025, 9, 15), None, date(2025, 1, 1), date(2030, 1, 1)]
    for day in days:
        assert shared.sets_from(day) == fresh().sets_from(day)
    assert shared.sets_from(None) == ("tt01-2018", "tt03-2025")
    assert shared.sets_from(date(2025, 9, 15)) == ("tt03-2025",)
    declared = load_file(fixtures / "valid.xml").definition
    undeclared = load_file(fixtures / "invalid-undeclared-field.xml").definition
    assert declared is not None
    assert undeclared is not None
    for process in (declared, undeclared, declared, undeclared):
        for name, form_set in (("giay-phep", "tt03-2025"), ("giay-phep", "tt01-2018"), ("receipt", "tt03-2025")):
            assert shared.dry_run(name, form_set, process) == fresh().dry_run(name, form_set, process)
    assert shared.dry_run("giay-phep", "tt03-2025", declared) is None
    assert "so_giay_phep" in (shared.dry_run("giay-phep", "tt03-2025", undeclared) or "")
    assert shared.dry_run("receipt", "tt03-2025", undeclared) is None  # isoflow's own: never dry-run
