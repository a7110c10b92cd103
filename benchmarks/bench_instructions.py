"""Instructions per file of loading and validating, counted by callgrind: a number that does
not move with the machine's other load, for deciding whether a change to the loader or the
rules helps (timings on a shared machine vary by a third from one minute to the next).

Runs the measured part under ``valgrind --tool=callgrind`` twice, over the same files once
and twice, and divides the difference by the number of files: start-up, imports and the
XSD's compilation cancel out.  Modes: ``load`` (read, parse, XSD, build the model),
``validate`` (that and every rule, with isoflow's form templates), ``bare`` (read, parse and
XSD only, as ``bench_validate.py``'s floor).

Run: ``.venv/bin/python benchmarks/bench_instructions.py FOLDER [--files N] [--mode M ...]``
on a folder of process files, e.g. one kept by ``bench_validate.py --out DIR``.  Needs
valgrind (``apt-get install valgrind``); without it, it says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MODES = ("bare", "load", "validate")


def measured(folder: Path, files: int, mode: str, reps: int) -> None:
    """The part callgrind counts: ``reps`` passes over the first ``files`` files of ``folder``."""
    from lxml import etree

    import isoflow.loading.loader as xml_loader
    from isoflow.data.loaders import load_legal_basis
    from isoflow.paper.templates import TemplateFolders, TemplateIndex
    from isoflow.validation.catalogue import Catalogue, validate

    paths = sorted(folder.glob("*.xml"))[:files]
    schema = xml_loader.schema()
    # The bare floor parses as bench_validate.py's does (blank text kept, as lxml's default).
    bare_parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    forms = TemplateIndex(TemplateFolders(()), load_legal_basis(None))
    kept = []  # as under validate: every definition stays alive until the end
    for _ in range(reps):
        for path in paths:
            if mode == "bare":
                schema.validate(etree.fromstring(path.read_bytes(), bare_parser))
                continue
            result = xml_loader.load_file(path)
            if mode == "validate" and result.definition is not None:
                validate([result.definition], catalogue=Catalogue([]), forms=forms)
            kept.append(result)


def count(folder: Path, files: int, mode: str, reps: int) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={scratch}/out", sys.executable, __file__,
             "--child", str(folder), str(files), mode, str(reps)],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = re.search(r"refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"the {mode} count failed:\n{done.stdout}{done.stderr}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        measured(Path(argv[1]), int(argv[2]), argv[3], int(argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of process files")
    parser.add_argument("--files", type=int, default=200, help="files to count over (default 200)")
    parser.add_argument("--mode", choices=MODES, action="append", help="what to count (default: all three)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: apt-get install valgrind")
        return 0
    files = min(args.files, len(list(args.folder.glob("*.xml"))))
    if not files:
        print(f"{args.folder}: no process files")
        return 0
    measured(args.folder, min(files, 5), "validate", 1)  # compiles every module once, outside the counts
    print(f"{'mode':<9} | {'instructions per file':>22}")
    print(f"{'-' * 9}-+-{'-' * 22}")
    for mode in args.mode or MODES:
        once, twice = count(args.folder, files, mode, 1), count(args.folder, files, mode, 2)
        print(f"{mode:<9} | {(twice - once) // files:>22,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
