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
    files = list(tmp_path.rglob("*.xml"))
    assert len(files) > 250
    serial = validate_paths([tmp_path], jobs=1)
    parallel = validate_paths([tmp_path], jobs=2)
    assert serial.findings, "the fixtures should give findings"
    assert as_text(parallel) == as_text(serial)
