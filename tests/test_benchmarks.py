"""The validation benchmark still runs: a smoke run on a small catalogue, no timing asserted.

Benchmarks are measurements, not tests (``benchmarks/README.md``); this only keeps the
script from rotting between the times someone measures with it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_validate.py"


def test_bench_validate_runs_every_variant_in_fresh_processes(tmp_path: Path) -> None:
    # 220 files and --jobs 2: two workers (at least 100 files each) on any machine, so the
    # pool is measured too.
    done = subprocess.run([sys.executable, str(BENCH), "--files", "220", "--repeat", "1", "--jobs", "2",
                           "--out", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "sample validates clean" in out
    rows = re.findall(r"^(bare lxml parse \+ XSD \(1 process\)|isoflow validate_paths \(jobs=\d+\))\s*\|\s*([\d.]+) \|",
                      out, re.M)
    assert [name for name, _ in rows] == ["bare lxml parse + XSD (1 process)",
                                          "isoflow validate_paths (jobs=2)",
                                          "isoflow validate_paths (jobs=1)"], out
    assert all(float(seconds) > 0 for _, seconds in rows), out
    assert "WARNING" not in out, out  # every variant saw 221 clean, schema-valid files
    assert re.search(r"^target: .* parallel isoflow is [\d.]+x: (MET|NOT MET)", out, re.M), out


def test_bench_validate_child_times_one_variant(tmp_path: Path) -> None:
    folder = tmp_path / "processes"
    folder.mkdir()
    flow = Path(__file__).resolve().parent.parent / "processes" / "mot-cua-chung.xml"
    (folder / flow.name).write_bytes(flow.read_bytes())
    for variant, expected in (("bare", 1), ("isoflow", 0)):
        done = subprocess.run([sys.executable, str(BENCH), "--child", variant, str(folder), "1"],
                              capture_output=True, text=True, timeout=120, check=True)
        seconds, result = done.stdout.split()
        assert float(seconds) > 0
        assert int(result) == expected  # bare: files valid; isoflow: findings


def test_bench_instructions_measures_each_mode_without_valgrind(tmp_path: Path) -> None:
    # The part callgrind counts, run plainly: it must load and validate, not only import.
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_instructions", BENCH.parent / "bench_instructions.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    processes = Path(__file__).resolve().parent.parent / "processes"
    for mode in module.MODES:
        module.measured(processes, 3, mode, 2)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "x.xml").write_text("<process", encoding="utf-8")
    module.measured(broken, 3, "validate", 1)  # a file that does not load is skipped, not a crash


def test_bench_engine_prints_every_figure_and_the_targets_table() -> None:
    # Tiny n: only that every variant runs (Spiff included) and the one table is printed.
    bench = BENCH.parent / "bench_engine.py"
    done = subprocess.run([sys.executable, str(bench), "--n", "3", "--repeat", "1", "--dates", "50",
                           "--dossiers", "20", "--no-durable"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "benchmark failed" not in done.stderr, done.stderr
    for variant in ("bare transitions (shared Machine)", "isoflow in memory (Engine)",
                    "SpiffWorkflow 3.2 in memory (BPMN)"):
        assert re.search(rf"^{re.escape(variant)}\s+[\d,]+\s+[\d.]+$", out, re.M), out
    assert re.search(r"^in memory vs SpiffWorkflow 3.2 in memory\s+[\d.]+x\s+>= 8x\s+[✓✗]$", out, re.M), out
    assert re.search(r"^appointment dates on the calendar alone\s+[\d,]+/s\s+>= 500,000/s\s+[✓✗]$", out, re.M), out
    assert "(all three agree)" in out


def test_spiff_runner_runs_the_bpmn_in_memory_and_on_sqlite(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("_spiff", BENCH.parent / "_spiff.py")
    assert spec is not None
    assert spec.loader is not None
    spiff = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(spiff)
    data = {"ho_so_day_du": True, "so_ban": 2, "so_trang": 12, "du_dieu_kien": True, "da_nop_phi": True}
    run, cleanup = spiff.in_memory(spiff.load_spec(), 2, data)()
    run()
    cleanup()
    run, cleanup = spiff.on_sqlite(spiff.load_spec(), ["a", "b"], data, lambda: str(tmp_path / "spiff.db"))()
    run()
    cleanup()
    import sqlite3

    rows = sqlite3.connect(tmp_path / "spiff.db").execute("SELECT code, version FROM workflows ORDER BY code")
    assert rows.fetchall() == [("a", 7), ("b", 7)]
