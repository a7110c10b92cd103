"""The architecture holds: the pure core loads no outside technology, edges own theirs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import isoflow

SRC = Path(isoflow.__file__).parent
#: The pure stages and the pure parts of the edges: nothing outside the standard library and msgspec.
CORE = ["isoflow.model", "isoflow.model.definition", "isoflow.model.expressions", "isoflow.model.findings",
        "isoflow.model.dossier", "isoflow.model.fields", "isoflow.model.vn_format", "isoflow.model.agency",
        "isoflow.validation.catalogue", "isoflow.validation.rules", "isoflow.running.calendar",
        "isoflow.running.compiler", "isoflow.running.regimes", "isoflow.paper.form_data", "isoflow.paper.flowchart",
        "isoflow.paper.procedure_document", "isoflow.paper.samples", "isoflow.paper.flowchart_layout",
        "isoflow.paper.flowchart_geometry", "isoflow.paper.tracking_book", "isoflow.indicators.formulas",
        "isoflow.indicators.outputs", "isoflow.indicators.charts"]
OUTSIDE = ["lxml", "jinja2", "click", "pytest", "transitions", "psycopg", "weasyprint", "markupsafe"]


def test_core_imports_no_outside_technology() -> None:
    code = (f"import sys\nimport {', '.join(CORE)}\n"
            f"print(sorted(m for m in {OUTSIDE!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


#: Each outside library and the modules (paths under src/isoflow) that may import it.
OWNERS = {
    "lxml": {"loading/parser.py", "loading/schema_messages.py", "loading/builder.py", "loading/reference.py"},
    "click": {"cli/main.py", "cli/dossier.py", "cli/forms.py", "cli/report.py"},
    "jinja2": {"paper/renderer.py"},
    "weasyprint": {"paper/renderer.py"},
    "markupsafe": {"paper/renderer.py"},
    "holidays": {"data/work_calendar.py"},
    "transitions": {"running/engine.py"},
    "msgspec": {"model/definition.py"},  # the model's structs; everyone else uses definition.revised
    "sqlite3": {"store/sqlite.py"},
    "psycopg": {"store/postgres.py"},
    "pytest_bdd": {"bdd/registry.py", "bdd/parsing.py"},
    "gherkin": {"validation/features.py"},
    "pytest": {"bdd/plugin.py", "bdd/registry.py"},
}


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_each_outside_library_is_imported_by_its_edge_only(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    for library, owners in OWNERS.items():
        if library in imported:
            where = path.relative_to(SRC).as_posix()
            assert where in owners, f"{where} imports {library}; only {sorted(owners)} may"


def test_public_api_is_declared() -> None:
    for name in isoflow.__all__:
        assert getattr(isoflow, name) is not None
    assert (SRC / "py.typed").is_file()


def test_pytest_plugin_loads_no_forms_or_database_drivers() -> None:
    """The plugin loads in every pytest run where isoflow is installed: it must stay light."""
    code = ("import sys\nimport isoflow.bdd.plugin, isoflow.bdd.steps\n"
            "print(sorted(m for m in ('jinja2', 'weasyprint', 'psycopg', 'click') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_checking_template_names_loads_no_jinja() -> None:
    """``isoflow validate`` checks form templates on 2,000 files: names by stat calls only."""
    code = ("import sys\nfrom isoflow.paper.templates import TemplateCatalogue, TemplateFolders\n"
            "from isoflow.data.loaders import load_legal_basis\n"
            "c = TemplateCatalogue(TemplateFolders(), load_legal_basis())\n"
            "assert c.locate('receipt', 'tt03-2025')\n"
            "print(sorted(m for m in ('jinja2', 'weasyprint', 'markupsafe') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
