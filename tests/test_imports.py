"""The architecture holds: the pure core loads no outside technology, edges own theirs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import isoflow

SRC = Path(isoflow.__file__).parent
CORE = ["isoflow.definition", "isoflow.expressions", "isoflow.findings", "isoflow.validation", "isoflow.rules",
        "isoflow.business_calendar", "isoflow.compiler", "isoflow.dossier", "isoflow.legal", "isoflow.fields",
        "isoflow.documents", "isoflow.diagram", "isoflow.vn_format", "isoflow.procedure_document",
        "isoflow.form_samples", "isoflow.diagram_layout", "isoflow.diagram_labels", "isoflow.tracking_book",
        "isoflow.indicators", "isoflow.report_output", "isoflow.report_chart"]
OUTSIDE = ["lxml", "jinja2", "click", "pytest", "transitions", "psycopg", "weasyprint", "markupsafe"]


def test_core_imports_no_outside_technology() -> None:
    code = (f"import sys\nimport {', '.join(CORE)}\n"
            f"print(sorted(m for m in {OUTSIDE!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


OWNERS = {
    "lxml": {"xml_loader.py", "schema_docs.py"},
    "click": {"cli.py", "cli_dossier.py", "cli_forms.py", "cli_report.py"},
    "jinja2": {"forms.py"},
    "weasyprint": {"forms.py"},
    "markupsafe": {"forms.py"},
    "holidays": {"calendar_data.py"},
    "transitions": {"engine.py"},
    "msgspec": {"definition.py"},  # the model's structs; everyone else uses definition.revised
    "sqlite3": {"sqlite.py"},
    "psycopg": {"postgres.py"},
    "pytest_bdd": {"catalogue.py", "parsing.py"},
    "gherkin": {"feature_check.py"},
    "pytest": {"pytest_plugin.py", "catalogue.py"},
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
            assert path.name in owners, f"{path.name} imports {library}; only {sorted(owners)} may"


def test_public_api_is_declared() -> None:
    for name in isoflow.__all__:
        assert getattr(isoflow, name) is not None
    assert (SRC / "py.typed").is_file()


def test_pytest_plugin_loads_no_forms_or_database_drivers() -> None:
    """The plugin loads in every pytest run where isoflow is installed: it must stay light."""
    code = ("import sys\nimport isoflow.pytest_plugin, isoflow.bdd.steps\n"
            "print(sorted(m for m in ('jinja2', 'weasyprint', 'psycopg', 'click') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_checking_template_names_loads_no_jinja() -> None:
    """``isoflow validate`` checks form templates on 2,000 files: names by stat calls only."""
    code = ("import sys\nfrom isoflow.form_templates import TemplateCatalogue, TemplateFolders\n"
            "from isoflow.workspace import load_legal_basis\n"
            "c = TemplateCatalogue(TemplateFolders(), load_legal_basis())\n"
            "assert c.locate('receipt', 'tt03-2025')\n"
            "print(sorted(m for m in ('jinja2', 'weasyprint', 'markupsafe') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
