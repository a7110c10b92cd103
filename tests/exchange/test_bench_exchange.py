"""The exchange benchmark runs (one round, one message, small attachments) and prints its table."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_exchange.py"


def test_bench_exchange_prints_every_variant(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_exchange", BENCH)
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--rounds", "1", "--count", "1", "--kib", "4"]) == 0
    out = capsys.readouterr().out
    for variant in ("lxml parse alone (floor)", "export: to_edxml (unsigned)", "export: signed",
                    "import: verify_xml alone", "import: Receiver.read"):
        assert variant in out
