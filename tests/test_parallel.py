"""Validating on several processes finds exactly what one process finds."""

from __future__ import annotations

import shutil
from pathlib import Path

from isoflow.validation.catalogue import EVERYTHING, Selection
from isoflow.validation.output import as_text
from isoflow.workspace import validate_paths
from tests.conftest import PROCESSES

FIXTURES = Path(__file__).parent / "rules" / "fixtures"


def test_parallel_and_serial_validation_agree(tmp_path: Path) -> None:
    # Every rule fixture (errors of every kind, duplicate codes, extends, cycles) plus the
    # shipped catalogue, copied three times over so that the work is split among workers.
    # Without the features: a folder with features is checked by one process.
    for copy in range(3):
        for folder in [*FIXTURES.iterdir(), PROCESSES]:
            target = tmp_path / f"{copy}-{folder.name}"
            shutil.copytree(folder, target, ignore=shutil.ignore_patterns("*.feature"))
    # A typo in extends, far from the flow it meant: the hint must know every code.
    typo = (PROCESSES / "dang-ky-ket-hon.xml").read_text(encoding="utf-8")
    typo = typo.replace('extends="MC-CHUNG"', 'extends="MC-CHUN"').replace('code="QT-HT-02"', 'code="QT-HT-77"')
    (tmp_path / "zz-typo.xml").write_text(typo, encoding="utf-8")
    files = list(tmp_path.rglob("*.xml"))
    assert len(files) > 250
    serial = validate_paths([tmp_path], jobs=1)
    parallel = validate_paths([tmp_path], jobs=2)
    assert serial.findings, "the fixtures should give findings"
    assert as_text(parallel) == as_text(serial)
    assert serial.suppressed, "the U fixtures silence T002"
    assert parallel.suppressed == serial.suppressed
    assert "extends 'MC-CHUN', but no loadable file in the catalogue has that code (did you mean 'MC-CHUNG'?)" in (
        as_text(parallel))


def test_parallel_agrees_with_a_separate_catalogue_and_a_selection(tmp_path: Path) -> None:
    # The flow lives only in the catalogue folder: the workers find it there, not among the
    # files they check; every procedure is there 13 times (duplicate codes in every worker).
    checked, library = tmp_path / "checked", tmp_path / "library"
    library.mkdir()
    shutil.copy(PROCESSES / "mot-cua-chung.xml", library)
    for copy in range(13):
        target = checked / str(copy)
        target.mkdir(parents=True)
        for path in PROCESSES.glob("*.xml"):
            if path.name != "mot-cua-chung.xml":
                shutil.copy(path, target)
    broken = (PROCESSES / "dang-ky-khai-sinh.xml").read_text(encoding="utf-8").replace("</process>", "</proces>")
    (checked / "zz-broken.xml").write_text(broken, encoding="utf-8")
    assert len(list(checked.rglob("*.xml"))) > 200
    for selection in (EVERYTHING, Selection(ignore=("S007",)), Selection(select=("S00", "P"))):
        serial = validate_paths([checked], [library], selection=selection, jobs=1)
        parallel = validate_paths([checked], [library], selection=selection, jobs=2)
        assert serial.findings
        assert as_text(parallel) == as_text(serial)
        assert parallel.files == serial.files
