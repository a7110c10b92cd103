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
