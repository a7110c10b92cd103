"""benchmarks/_durable.py still runs: each measured function on a few lifecycles, no timing asserted.

Benchmarks are measurements, not tests; this keeps the durable figures' code from rotting (and
checks that the floors replay what isoflow recorded: their UPDATEs each find their one row)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.store._helpers import postgres_base_url

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def durable() -> Iterator[ModuleType]:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield importlib.import_module("_durable")
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_each_sqlite_variant_runs(durable: ModuleType) -> None:
    for measure in (durable.engine_only, durable.sqlite_floor, durable.sqlite_statements, durable.sqlite_isoflow):
        rate = measure(3)
        assert rate > 0
        assert durable.step_us(rate) > 0


def test_the_spiff_anchor_runs(durable: ModuleType) -> None:
    pytest.importorskip("SpiffWorkflow", reason="the bench extra (pip install -e '.[bench]')")
    assert durable.sqlite_spiff(2) > 0


def test_the_postgres_variants_run_with_several_writers(durable: ModuleType) -> None:
    url = postgres_base_url("durable benchmark smoke test")
    assert durable.postgres_floor(url, 4, writers=2) > 0
    assert durable.postgres_isoflow(url, 4, writers=2) > 0


def test_wal_pages_names_each_b_tree_a_step_writes(durable: ModuleType) -> None:
    # The argument of benchmarks/README.md ("Where a durable step's pages go") rests on these
    # counts: every step writes its event and the dossier row, isoflow also the step row, the
    # ledger row and the due index, which the floor has not.
    pages = durable.wal_pages(5)
    floor, isoflow = pages["floor"], pages["isoflow"]
    for written in (floor, isoflow):
        assert written["events"] >= 1
        assert written["dossiers"] >= 1
    for tree in ("step_times", "ledger", "dossiers_due"):
        assert isoflow[tree] > 0.5
        assert tree not in floor
    assert sum(isoflow.values()) > sum(floor.values()) + 2
