"""Benchmark: how many issued documents isoflow signs per second, beside pyHanko alone.

A test PKI is made at run time (:func:`isoflow.signing.testing.make_pki`, RSA 2048), with the
one-page sample decision of :mod:`isoflow.signing.samples` (about 22 KiB with its embedded
Liberation Serif subsets) and its signature and seal PNGs.  Each round runs every variant once,
in turn (so a noisy neighbour slows all alike), on ``--count`` documents:

* ``isoflow: signer + seal``: :func:`isoflow.signing.sign_document` with PKCS#12 keys, two
  PAdES signatures with their images, the second an incremental update (Decree 30's layout);
* ``... + RFC 3161 timestamps``: the same with pyHanko's in-process timestamp authority
  (no network: what a TSA adds in CPU, not its round trip; the dummy TSA parses its own key
  for every token, so this is an upper bound);
* ``... on a SoftHSM2 token``: the same with both keys on a PKCS#11 token (when installed);
* ``pyHanko alone: one signature``: ``pyhanko.sign.signers.sign_pdf`` with pyHanko's own
  ``SimpleSigner.load_pkcs12`` signer, a new invisible field, nothing else: one PAdES signature
  as pyHanko's documentation makes it (its ``SimpleSigner`` parses the key again for every
  signature, some 40 ms of RSA key checks here);
* ``pyHanko alone, key loaded once``: the same with isoflow's ``LoadedKeySigner``, which keeps
  the parsed key: the floor of one PAdES signature;
* ``verify_pdf (two signatures)``: :func:`isoflow.signing.verify_pdf` of a signed document.

Medians over the rounds, in documents per second and milliseconds per document, and the cost
of each isoflow signature relative to pyHanko's one.  Run:
``.venv/bin/python benchmarks/bench_signing.py [--rounds 5] [--count 10]``.  Always exits 0:
it is a measurement.
"""

from __future__ import annotations

import argparse
import io
import logging
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from isoflow.signing import load_roots, sign_document, verify_pdf
from isoflow.signing.samples import sample_document, seal_image, signature_image
from isoflow.signing.softhsm import make_token, softhsm_module
from isoflow.signing.testing import make_pki


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds; medians are reported (default 5)")
    parser.add_argument("--count", type=int, default=10, help="documents per variant and round (default 10)")
    parser.add_argument("--no-token", action="store_true", help="skip the SoftHSM2 variant")
    args = parser.parse_args(argv)
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)

    with tempfile.TemporaryDirectory(prefix="isoflow-bench-signing-") as folder:
        pki = make_pki(Path(folder) / "pki")
        pdf, box = sample_document()
        images = {"signature_image": signature_image(), "seal_image": seal_image()}
        signer, seal = pki.identity("signer"), pki.identity("seal")
        timestamper = pki.timestamper()
        signed = sign_document(pdf, signer, seal, where=box, **images)
        roots = load_roots([pki.root])

        plain = signers.SimpleSigner.load_pkcs12(str(pki.people["signer"].p12), passphrase=pki.passphrase.encode())

        def pyhanko_alone(signer_object: signers.Signer) -> bytes:
            meta = signers.PdfSignatureMetadata(field_name="ChuKy", md_algorithm="sha256",
                                                subfilter=fields.SigSeedSubFilter.PADES)
            out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer_object,
                                   output=io.BytesIO())
            return bytes(out.getvalue())

        variants: dict[str, tuple[int, Callable[[], object]]] = {
            "pyHanko alone: one signature": (1, lambda: pyhanko_alone(plain)),
            "pyHanko alone, key loaded once": (1, lambda: pyhanko_alone(signer.pdf_signer)),
            "isoflow: signer + seal": (2, lambda: sign_document(pdf, signer, seal, where=box, **images)),
            "isoflow: signer + seal + RFC 3161 timestamps": (
                2, lambda: sign_document(pdf, signer, seal, where=box, timestamper=timestamper, **images)),
        }
        token_identities = []
        if not args.no_token and softhsm_module() is not None:
            token = make_token(pki, Path(folder) / "token")
            token_identities = [token.identity("signer"), token.identity("seal")]
            on_token = token_identities
            variants["isoflow: signer + seal on a SoftHSM2 token"] = (
                2, lambda: sign_document(pdf, on_token[0], on_token[1], where=box, **images))
        variants["verify_pdf (two signatures)"] = (2, lambda: verify_pdf(signed, roots))

        rates: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(args.rounds):
            for name, (_, run) in variants.items():
                start = time.perf_counter()
                for _ in range(args.count):
                    run()
                rates[name].append(args.count / (time.perf_counter() - start))
        for identity in token_identities:
            identity.close()

    floor = statistics.median(rates["pyHanko alone: one signature"])
    print(f"isoflow signing benchmark: {args.rounds} rounds x {args.count} documents, "
          f"Python {platform.python_version()}, {platform.machine()}, sample PDF {len(pdf) // 1024} KiB")
    print(f"{'variant':<48} {'docs/s':>8} {'ms/doc':>8} {'ms/signature':>13} {'x pyHanko':>10}")
    for name, (signatures, _) in variants.items():
        rate = statistics.median(rates[name])
        per_signature = 1000 / rate / signatures
        print(f"{name:<48} {rate:8.1f} {1000 / rate:8.1f} {per_signature:13.1f} {per_signature * floor / 1000:10.2f}")
    print("x pyHanko: the time per signature (or per signature verified) over pyHanko's one bare signature.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
