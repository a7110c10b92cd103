"""Validating on several processes finds exactly what one process finds."""

from __future__ import annotations

import shutil
from pathlib import Path

from isoflow.reporting import as_text
from isoflow.workspace import validate_paths
from tests.conftest import PROCESSES

FIXTURES = Path(__file__).parent / "rules" / "fixtures"


def test_parallel_and_serial_validation_agree(tmp_path: Path) -> None:
    # Every rule fixture (errors of every kind, duplicate codes, extends, cycles) plus the
    # shipped catalogue, copied three times over so that the work is split among workers.
    for copy in range(3):
        for folder in [*FIXTURES.iterdir(), PROCESSES]:
            target = tmp_path / f"{copy}-{folder.name}"
            shutil.copytree(folder, target)
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
    assert "extends 'MC-CHUN', but no loadable file in the catalogue has that code (did you mean 'MC-CHUNG'?)" in (
        as_text(parallel))
