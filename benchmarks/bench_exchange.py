"""Benchmark: how many edXML envelopes isoflow exports and imports per second, beside the floor.

A test PKI is made at run time (:func:`isoflow.signing.testing.make_pki`, RSA 2048, the
commune's seal key signs); the envelope is :func:`isoflow.exchange.testing.sample_envelope`
with two attachments of ``--kib`` KiB each (100 by default: about 270 KiB of edXML with their
base64).  Each round runs every variant once, in turn (so a noisy neighbour slows all alike),
on ``--count`` messages:

* ``lxml parse alone (floor)``: ``etree.fromstring`` of the signed bytes with a hardened parser
  (no entities, no DTD, no network, no huge trees): the least any edXML reader pays;
* ``export: to_edxml (unsigned)``: the record written as edXML;
* ``export: signed``: :func:`isoflow.exchange.export`, the same plus
  :func:`isoflow.signing.sign_xml` (enveloped XML-DSig, RSA-SHA256, c14n 1.1);
* ``import: verify_xml alone``: :func:`isoflow.signing.verify_xml` of the signed bytes (the
  signature checked against the trust root, nothing read);
* ``import: Receiver.read``: :meth:`isoflow.exchange.Receiver.read`, the same plus the checks
  before parsing, the signed part parsed again and every field read and checked, the
  attachments decoded and hashed.

Medians over the rounds, in messages per second and milliseconds per message, and each
variant's time over the floor's.  Run:
``.venv/bin/python benchmarks/bench_exchange.py [--rounds 5] [--count 20] [--kib 100]``.
Always exits 0: it is a measurement.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from isoflow.exchange import Receiver, export, to_edxml
from isoflow.exchange.testing import PROVINCE, sample_envelope
from isoflow.signing import load_roots, verify_xml
from isoflow.signing.testing import make_pki

FLOOR = "lxml parse alone (floor)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds; medians are reported (default 5)")
    parser.add_argument("--count", type=int, default=20, help="messages per variant and round (default 20)")
    parser.add_argument("--kib", type=int, default=100, help="size of each of the two attachments (default 100)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="isoflow-bench-exchange-") as folder:
        pki = make_pki(Path(folder) / "pki")
        seal = pki.identity("seal")
        envelope = sample_envelope(attachment_bytes=args.kib * 1024, attachments=2)
        signed = export(envelope, seal)
        roots = load_roots([pki.root])
        receiver = Receiver([PROVINCE.organ_id], [pki.root])
        assert receiver.read(signed).message == envelope
        hardened = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

        variants: dict[str, Callable[[], object]] = {
            FLOOR: lambda: etree.fromstring(signed, hardened),
            "export: to_edxml (unsigned)": lambda: to_edxml(envelope),
            "export: signed": lambda: export(envelope, seal),
            "import: verify_xml alone": lambda: verify_xml(signed, roots),
            "import: Receiver.read": lambda: receiver.read(signed),
        }
        rates: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(args.rounds):
            for name, run in variants.items():
                start = time.perf_counter()
                for _ in range(args.count):
                    run()
                rates[name].append(args.count / (time.perf_counter() - start))

    floor = statistics.median(rates[FLOOR])
    print(f"isoflow exchange benchmark: {args.rounds} rounds x {args.count} messages, Python "
          f"{platform.python_version()}, lxml {'.'.join(map(str, etree.LXML_VERSION[:3]))}, {platform.machine()}; "
          f"envelope with 2 attachments of {args.kib} KiB, {len(signed) / 1024:.0f} KiB signed")
    print(f"{'variant':<32} {'msgs/s':>9} {'ms/msg':>8} {'x floor':>8}")
    for name in variants:
        rate = statistics.median(rates[name])
        print(f"{name:<32} {rate:9.1f} {1000 / rate:8.2f} {floor / rate:8.1f}")
    print("x floor: the time per message over lxml's hardened parse of the same signed bytes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
