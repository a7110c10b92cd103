"""The architecture holds: the pure core loads no outside technology, edges own theirs."""

from __future__ import annotations

import ast
import json
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
    "lxml": {"loading/parser.py", "loading/schema_messages.py", "loading/builder.py", "loading/reference.py",
             "signing/xmldsig.py", "exchange/edxml.py", "control/canonical.py"},
    "click": {"cli/main.py", "cli/dossier.py", "cli/forms.py", "cli/report.py", "cli/document.py",
              "cli/control.py",
              "cli/show.py", "cli/fix.py"},
    "jinja2": {"paper/renderer.py"},
    "weasyprint": {"paper/renderer.py"},
    "markupsafe": {"paper/renderer.py"},
    "holidays": {"data/work_calendar.py"},
    "transitions": {"running/engine.py"},
    # the model's structs (procedures, dossiers and events); the row codec's fast JSON
    "msgspec": {"model/definition.py", "model/dossier.py", "store/codec.py", "model/document.py"},
    "sqlite3": {"store/sqlite.py"},
    "psycopg": {"store/postgres.py"},
    "pytest_bdd": {"bdd/registry.py", "bdd/parsing.py"},
    "gherkin": {"validation/features.py"},
    "pytest": {"bdd/plugin.py", "bdd/registry.py"},
    "pyhanko": {"signing/keys.py", "signing/token.py", "signing/pdf.py", "signing/verify.py", "signing/fonts.py",
                "signing/samples.py", "signing/testing.py"},
    "pyhanko_certvalidator": {"signing/keys.py", "signing/verify.py", "signing/testing.py"},
    "asn1crypto": {"signing/keys.py", "signing/verify.py"},
    "signxml": {"signing/xmldsig.py"},
    "pkcs11": {"signing/token.py", "signing/softhsm.py"},
    "cryptography": {"signing/keys.py", "signing/token.py", "signing/verify.py", "signing/xmldsig.py",
                     "control/approval.py",  # type only (TYPE_CHECKING): the trust roots' type
                     "signing/testing.py", "signing/softhsm.py"},
    "fontTools": {"signing/fonts.py"},
    "PIL": {"signing/pdf.py", "signing/samples.py"},
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
    """``isoflow.__all__`` is exactly what the package exports, each name the object of the module
    that defines it, and nothing heavy is imported until an edge's name is asked for."""
    code = ("import sys, types, json, isoflow\n"
            "light = sorted(m for m in ('lxml', 'jinja2', 'click', 'transitions', 'psycopg', 'pytest') "
            "if m in sys.modules)\n"
            "eager = sorted(n for n, v in vars(isoflow).items() if not n.startswith('_') "
            "and not isinstance(v, types.ModuleType) and n not in ('TYPE_CHECKING', 'Any'))\n"
            "found = {n: [getattr(isoflow, n).__module__, getattr(isoflow, n).__name__] for n in isoflow.__all__}\n"
            "print(json.dumps([light, eager, sorted(isoflow._LAZY), found]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    light, eager, lazy, found = json.loads(out)
    assert light == []
    assert sorted(isoflow.__all__) == sorted(eager + lazy)
    for name, (module, own_name) in found.items():
        assert module.startswith("isoflow."), name
        assert own_name == name, f"isoflow.{name} is {module}.{own_name}"
        if name in isoflow._LAZY:
            assert module == isoflow._LAZY[name]
    assert (SRC / "py.typed").is_file()


def test_every_exception_is_in_the_errors_module_and_exported() -> None:
    """One leaf module holds every exception (as jinja's exceptions.py), and the API exports each."""
    from isoflow import errors

    defined_elsewhere = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "errors.py" and path.parent == SRC:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_") and any(
                    isinstance(b, ast.Name) and (b.id.endswith(("Error", "Exception")) or b.id in _ERROR_NAMES)
                    for b in node.bases):
                defined_elsewhere.append(f"{path.relative_to(SRC)}: {node.name}")
    assert defined_elsewhere == []
    exceptions = {n for n, v in vars(errors).items() if isinstance(v, type) and issubclass(v, BaseException)
                  and v.__module__ == errors.__name__}
    assert exceptions - set(isoflow.__all__) == {"SpecFailure"}  # the step library's, not an API error


_ERROR_NAMES = {n for n in dir(__import__("isoflow.errors").errors) if not n.startswith("_")}


def test_no_private_name_is_imported_across_packages() -> None:
    """A ``_name`` (object or module) is its package's own: only modules of the same package
    import it."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        package = ".".join(("isoflow", *path.relative_to(SRC).parent.parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.level or not (node.module or "").startswith("isoflow"):
                continue
            module = node.module or ""
            for alias in node.names:
                target = f"{module}.{alias.name}"
                private = [i for i, part in enumerate(target.split(".")) if part.startswith("_")]
                if private and ".".join(target.split(".")[:private[0]]) != package:
                    found.append(f"{path.relative_to(SRC)}: from {module} import {alias.name}")
    assert found == []


def test_validating_features_loads_no_pytest_engine_or_store() -> None:
    """``isoflow validate processes/ features/`` in CI checks step sentences against the table:
    neither pytest nor the engine, the state machine or a database driver is imported."""
    code = ("import sys\nfrom isoflow.workspace import validate_paths\n"
            f"report = validate_paths([{str(SRC.parents[1] / 'processes')!r}, {str(SRC.parents[1] / 'features')!r}],"
            " jobs=1)\n"
            "assert len(report.files) > 30, report.files\n"
            "print(sorted(m for m in ('pytest', 'pytest_bdd', 'transitions', 'sqlite3', 'psycopg', 'jinja2', "
            "'isoflow.running.engine', 'isoflow.store', 'isoflow.desk') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_pytest_plugin_loads_no_forms_or_database_drivers() -> None:
    """The plugin loads in every pytest run where isoflow is installed: it must stay light."""
    code = ("import sys\nimport isoflow.bdd.plugin, isoflow.bdd.steps\n"
            "print(sorted(m for m in ('jinja2', 'weasyprint', 'psycopg', 'click') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_checking_template_names_loads_no_jinja() -> None:
    """``isoflow validate`` checks form templates on 2,000 files: names by stat calls only."""
    code = ("import sys\nfrom isoflow.paper.templates import TemplateIndex, TemplateFolders\n"
            "from isoflow.data.loaders import load_legal_basis\n"
            "c = TemplateIndex(TemplateFolders(), load_legal_basis())\n"
            "assert c.locate('receipt', 'tt03-2025')\n"
            "print(sorted(m for m in ('jinja2', 'weasyprint', 'markupsafe') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
