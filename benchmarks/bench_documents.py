"""Benchmark: official documents through isoflow's office, each beside its floor.

* **Signing** (two signatures a document, Decree 30's signer then organisation): the office's
  ``sign`` and ``seal`` (:mod:`isoflow.documents.signatures`: the PDF read back from the store
  and checked against its hash, signed, the signed file kept content-addressed, the move and its
  event written) and the signing edge alone (:func:`isoflow.signing.sign_document`), beside
  **pyHanko signing alone**: two bare ``pyhanko.sign.signers.sign_pdf`` signatures with the key
  loaded once (``bench_signing.py`` measures the signing edge's variants in detail).
* **edXML** (one envelope, the sample PDF and a 100 KiB attachment): the office's export (the
  record and files read from the store, the envelope built and signed) and import (the message
  checked by the Receiver, then received as an incoming document with its files), beside
  **lxml parse alone** of the same signed bytes with a hardened parser (``bench_exchange.py``
  measures the exchange edge's variants).
* **Numbers** (Decree 30 Art. 22(2): the yearly incoming number): four processes registering at
  once on one SQLite file (and on PostgreSQL with ``--postgres URL``), each registration a move
  that takes the next number in its transaction, beside **one SQLite insert**: a one-row insert
  committed alone on the same kind of file (WAL, synchronous=NORMAL), from one process.

Medians over ``--rounds`` rounds; each round runs every variant in turn (a noisy neighbour
slows all alike).  Run ``.venv/bin/python benchmarks/bench_documents.py [--rounds 3] [--count 10]
[--numbers 200] [--postgres URL]``.  Always exits 0: it is a measurement.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import logging
import multiprocessing
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from lxml import etree
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

sys.path.insert(0, str(Path(__file__).resolve().parent))  # _documents_worker, importable by the spawned

import _documents_worker as worker

from isoflow.documents import DocumentOffice, NewFile
from isoflow.documents.liaison import Liaison
from isoflow.documents.signatures import seal, sign
from isoflow.exchange import Envelope, FolderTransport, Organisation, Receiver, export
from isoflow.model.document import Authority, Direction, DocumentRecord, Signer
from isoflow.signing import sign_document
from isoflow.signing.samples import sample_document, seal_image, signature_image
from isoflow.signing.testing import make_pki
from isoflow.store import open_store
from isoflow.workspace import open_engine

ROOT = Path(__file__).resolve().parents[1]
SPAWN = multiprocessing.get_context("spawn")
PROVINCE = Organisation("000.00.31.H40", "Sở Tư pháp tỉnh Ninh Bình")
COMMUNE = Organisation(worker.AGENCY.code, worker.AGENCY.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds; medians are reported (default 3)")
    parser.add_argument("--count", type=int, default=10, help="documents per variant and round (default 10)")
    parser.add_argument("--numbers", type=int, default=200, help="numbers taken per round, in all (default 200)")
    parser.add_argument("--processes", type=int, default=4, help="numbering processes (default 4)")
    parser.add_argument("--postgres", default="", help="also number on this PostgreSQL database (a URL)")
    args = parser.parse_args(argv)
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    rows: list[tuple[str, str, float, float]] = []  # (group, variant, per second, floor per second)

    with tempfile.TemporaryDirectory(prefix="isoflow-bench-documents-") as name:
        folder = Path(name)
        pki = make_pki(folder / "pki")
        signer_key, seal_key = pki.identity("signer"), pki.identity("seal")
        pdf, box = sample_document()
        images = {"signature_image": signature_image(), "seal_image": seal_image()}
        engine = open_engine(worker.chains(ROOT))
        office = DocumentOffice(engine, open_store(f"sqlite:///{folder / 'bench.db'}"), worker.AGENCY)
        clock = [datetime(2026, 12, 7, 8)]

        def tick() -> datetime:
            clock[0] += timedelta(seconds=1)
            return clock[0]

        def drafted(extra: bytes = b"") -> str:
            record = DocumentRecord(Direction.OUTGOING, "Công văn", "báo cáo kết quả", worker.AGENCY.name,
                                    notation="UBND-VP", signer=Signer("Nguyễn Văn Ánh", "Phó Chủ tịch", Authority.KT,
                                                                      "Chủ tịch"),
                                    addressees=(PROVINCE.name,), recipient_ids=(PROVINCE.organ_id,))
            files = [NewFile("cong-van.pdf", "application/pdf", pdf)]
            if extra:
                files.append(NewFile("phu-luc.bin", "application/octet-stream", extra))
            code = office.draft(record, actor="cv", at=tick(), files=files).code
            office.act(code, "trinh_kiem_tra", actor="cv", role="chuyen-vien", at=tick())
            office.act(code, "trinh_ky", actor="tp", role="truong-phong", at=tick())
            return code

        def office_signs(code: str) -> None:
            sign(office, code, signer_key, signature_image=images["signature_image"], where=box, actor="ld",
                 at=tick())
            office.number(code, actor="vt", at=tick())
            seal(office, code, seal_key, seal_image=images["seal_image"], actor="vt", at=tick())

        def pyhanko_twice() -> None:
            data = pdf
            for field_name in ("ChuKy", "ConDau"):
                meta = signers.PdfSignatureMetadata(field_name=field_name, md_algorithm="sha256",
                                                    subfilter=fields.SigSeedSubFilter.PADES)
                data = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(data)), meta, signer_key.pdf_signer,
                                        output=io.BytesIO()).getvalue()

        # edXML: an issued document to export again and again, and a province to import into.
        issued = drafted(extra=bytes(range(256)) * 400)
        office_signs(issued)
        directory = {PROVINCE.organ_id: PROVINCE, COMMUNE.organ_id: COMMUNE}
        liaison = Liaison(office, COMMUNE, seal_key, FolderTransport(folder / "truc", COMMUNE.organ_id),
                          Receiver([COMMUNE.organ_id], [pki.root]), directory)
        province_office = DocumentOffice(engine, open_store(f"sqlite:///{folder / 'province.db'}"),
                                         worker.Agency(PROVINCE.organ_id, PROVINCE.name, "STP", "Ninh Bình"))
        province = Liaison(province_office, PROVINCE, seal_key, FolderTransport(folder / "truc", PROVINCE.organ_id),
                           Receiver([PROVINCE.organ_id], [pki.root]), directory)
        signed = export(liaison.envelope(issued), seal_key)
        hardened = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        # Each import is of a new copy (another number): the province refuses duplicates.  The
        # copies are signed before any round, so the variant times the import alone.
        envelope = liaison.envelope(issued)
        copies = [export(dataclasses.replace(envelope, code_number=str(1000 + n)), seal_key)
                  for n in range(args.rounds * args.count)]

        def office_imports() -> None:
            received = province.receiver.read(copies.pop()).message
            assert isinstance(received, Envelope)
            province._document(received, "vt", tick())  # the import path, without the transport

        groups: dict[str, dict[str, Callable[[], object]]] = {
            "signing (2 signatures)": {
                "pyHanko signing alone (floor)": pyhanko_twice,
                "isoflow.signing.sign_document": lambda: sign_document(pdf, signer_key, seal_key, where=box,
                                                                       **images),
                "office: sign + number + seal": None,  # type: ignore[dict-item]  # needs a fresh draft
            },
            "edXML (sample PDF + 100 KiB)": {
                "lxml parse alone (floor)": lambda: etree.fromstring(signed, hardened),
                "office: export (built, signed)": lambda: export(liaison.envelope(issued), seal_key),
                "office: import (read, received)": office_imports,
            },
        }
        rates: dict[str, list[float]] = {v: [] for g in groups.values() for v in g}
        for _ in range(args.rounds):
            for variants in groups.values():
                for variant, run in variants.items():
                    if run is None:
                        drafts = [drafted() for _ in range(args.count)]
                        start = time.perf_counter()
                        for code in drafts:
                            office_signs(code)
                    else:
                        start = time.perf_counter()
                        for _ in range(args.count):
                            run()
                    rates[variant].append(args.count / (time.perf_counter() - start))
        for group, variants in groups.items():
            floor = statistics.median(rates[next(iter(variants))])
            for variant in variants:
                rows.append((group, variant, statistics.median(rates[variant]), floor))
        office.store.close()
        province_office.store.close()

        insert_floor = [_sqlite_inserts(folder / f"floor-{n}.db", args.numbers) for n in range(args.rounds)]
        floor = statistics.median(insert_floor)
        rows.append(("numbers", "one SQLite insert (floor)", floor, floor))
        sqlite_rates = [_numbers(f"sqlite:///{folder / f'numbers-{n}.db'}", args) for n in range(args.rounds)]
        rows.append(("numbers", f"{args.processes} processes, SQLite", statistics.median(sqlite_rates), floor))
        if args.postgres:
            pg_rates = []
            for _ in range(args.rounds):
                with _fresh(args.postgres) as url:
                    pg_rates.append(_numbers(url, args))
            rows.append(("numbers", f"{args.processes} processes, PostgreSQL", statistics.median(pg_rates), floor))

    print(f"isoflow documents benchmark: {args.rounds} rounds, {args.count} documents a variant, {args.numbers} "
          f"numbers by {args.processes} processes; Python {platform.python_version()}, {platform.machine()}")
    print(f"{'group':<30} {'variant':<36} {'per s':>9} {'ms each':>9} {'x floor':>8}")
    for group, variant, rate, floor in rows:
        print(f"{group:<30} {variant:<36} {rate:9.1f} {1000 / rate:9.2f} {floor / rate:8.2f}")
    print("per s: documents signed, envelopes, or numbers taken per second (median); x floor: time each over "
          "the floor's.")
    return 0


def _sqlite_inserts(path: Path, count: int) -> float:
    """One-row inserts, each committed alone, per second (WAL, synchronous=NORMAL)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, document TEXT NOT NULL)")
    start = time.perf_counter()
    for n in range(count):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (document) VALUES (?)", (f"doc-{n}",))
        conn.execute("COMMIT")
    rate = count / (time.perf_counter() - start)
    conn.close()
    return rate


def _numbers(url: str, args: argparse.Namespace) -> float:
    """Numbers taken per second by ``args.processes`` processes registering at once."""
    open_store(url).close()  # migrated before the race
    each = max(1, args.numbers // args.processes)
    queue, barrier = SPAWN.Queue(), SPAWN.Barrier(args.processes)
    processes = [SPAWN.Process(target=worker.register_many, args=(url, str(ROOT), n, each, barrier, queue))
                 for n in range(args.processes)]
    for process in processes:
        process.start()
    spans = [queue.get(timeout=600) for _ in processes]
    for process in processes:
        process.join(60)
    start, end = min(s for _, s, _ in spans), max(e for _, _, e in spans)
    return each * args.processes / (end - start)


@contextlib.contextmanager
def _fresh(base: str) -> Iterator[str]:
    """A fresh schema on the PostgreSQL database ``base``, dropped afterwards."""
    import uuid
    from urllib.parse import quote

    import psycopg

    schema = f"isoflow_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{base}{'&' if '?' in base else '?'}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


if __name__ == "__main__":
    sys.exit(main())
