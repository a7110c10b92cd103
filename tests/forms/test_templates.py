"""isoflow's own templates: each form of each set renders for every shipped procedure, and
every template file says in its header where its wording comes from."""

from __future__ import annotations

import pytest

from isoflow.definition import ProcessDefinition
from isoflow.form_samples import sample_form_context
from isoflow.form_templates import SUFFIX, TemplateFolders, load_agency, shipped_templates
from isoflow.forms import FormRenderer
from isoflow.legal import FormSet
from isoflow.rendering import procedures_in
from isoflow.workspace import load_legal_basis
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
