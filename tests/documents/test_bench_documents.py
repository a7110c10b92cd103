"""The documents benchmark runs (one round, one document, a few numbers) and prints its table."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_documents.py"


def test_bench_documents_prints_every_variant_beside_its_floor(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_documents", BENCH)
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--rounds", "1", "--count", "1", "--numbers", "8"]) == 0
    out = capsys.readouterr().out
    for variant in ("pyHanko signing alone (floor)", "isoflow.signing.sign_document", "office: sign + number + seal",
                    "lxml parse alone (floor)", "office: export (built, signed)", "office: import (read, received)",
                    "one SQLite insert (floor)", "4 processes, SQLite"):
        assert variant in out
