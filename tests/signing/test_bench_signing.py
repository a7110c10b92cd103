"""The signing benchmark runs (one round, one document) and prints its table."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_signing.py"


def test_bench_signing_prints_every_variant(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_signing", BENCH)
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--rounds", "1", "--count", "1", "--no-token"]) == 0
    out = capsys.readouterr().out
    for variant in ("pyHanko alone: one signature", "isoflow: signer + seal", "RFC 3161 timestamps",
                    "verify_pdf (two signatures)"):
        assert variant in out
