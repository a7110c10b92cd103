"""Benchmark: how fast isoflow prints its forms, as HTML (Jinja2) and as PDF (WeasyPrint).

A real desk is opened on a temporary SQLite file with the shipped procedures
(``isoflow.workspace.open_desk([ROOT/'processes'], 'sqlite:///<tmp>/forms.db')``, shipped
calendar, legal regimes and agency profile) and ``--dossiers`` dossiers of QT-DKKD-01 go
through a full lifecycle, one per week from Monday 2026-08-03 (form set Thông tư 03/2025):
receipt, hand-over, supplement request, supplement, receipt again, hand-over, apology with a
new appointment, submission, signature, return.  Each dossier then has a receipt, a
supplement request, an apology and a process-control slip to print.

Then, for each of those four forms, for the procedure document of QT-HT-02 (with its SVG
flowchart) and for the tracking book of August 2026 (every dossier), ``--repeat`` rounds,
each running every variant once (round-robin, so that a noisy neighbour slows all alike):

* ``html``: ``Printer.dossier_form(desk, code, form, "html")`` (store read + context + Jinja;
  ``Printer.book`` and ``Printer.procedure`` for the book and the procedure document);
* ``pdf``: the same with ``"pdf"`` (HTML + WeasyPrint);
* the parts, on inputs prepared outside the timing: ``store`` (``desk.show`` + ``desk.history``
  + the procedure revision), ``context`` (``documents.form_context``; ``book_context``;
  ``procedure_context``), ``flowchart`` (``flowchart_svg``, procedure only), ``jinja``
  (``FormRenderer.render_html`` of a ready context) and ``weasyprint``
  (``FormRenderer.render_pdf`` of a ready HTML page).

A PDF run renders ``--count`` documents (cycling through the dossiers); the HTML and part runs
render ``--count`` x 20, being some 20-100 times faster.  One ``Printer`` serves every run, as in
a long-running service: templates compiled once, fonts loaded once.  The cold cost (what one
``isoflow dossier render`` pays on top of the interpreter and imports) is measured first.

Run: ``.venv/bin/python benchmarks/bench_forms.py [--repeat 3] [--count 2] [--dossiers 4]``.
Always exits 0: it is a measurement.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from isoflow.desk import Desk
from isoflow.paper.flowchart import flowchart_svg
from isoflow.paper.form_data import form_context
from isoflow.paper.procedure_document import procedure_context
from isoflow.paper.tracking_book import BookEntry, book_context
from isoflow.printer import Printer
from isoflow.workspace import open_desk, procedures_in

ROOT = Path(__file__).resolve().parents[1]
CLERK, EXPERT, LEADER = "cong-chuc-mot-cua", "chuyen-vien", "lanh-dao"
UNIT = "000.00.31.H40"
PROCESS = "QT-DKKD-01"
PROCEDURE = "QT-HT-02"
FIRST_MONDAY = date(2026, 8, 3)
FORMS = ("receipt", "supplement", "apology", "control")
DOCUMENTS = (*FORMS, "procedure", "book")
HTML_FACTOR = 20
#: What each document's HTML must contain (a check that the benchmark measures real forms).
TITLES = {"receipt": "Giấy tiếp nhận hồ sơ", "supplement": "bổ sung", "apology": "xin lỗi",
          "control": "kiểm soát", "procedure": "Đăng ký kết hôn", "book": "theo dõi"}


# ----------------------------------------------------------------------------------------------
# The desk and its dossiers (built before any timing)
# ----------------------------------------------------------------------------------------------

def full_lifecycle(desk: Desk, monday: date, applicant: dict[str, str]) -> str:
    """Received on a Monday, supplemented, extended once (apology), granted eight days later."""
    def at(days: int, clock: str) -> datetime:
        return datetime.combine(monday + timedelta(days=days), clock_time.fromisoformat(clock))

    d = desk.receive(PROCESS, unit=UNIT, channel="in_person", applicant=applicant, data={},
                     actor="le.an", role=CLERK, at=at(0, "09:00"))
    complete = {"ho_so_day_du": True, "hinh_thuc_nhan": "buu_chinh"}
    steps: list[tuple[str, str, str, datetime, dict[str, Any]]] = [
        ("kiem_tra", CLERK, "le.an", at(0, "09:30"), complete),
        ("ban_giao", CLERK, "le.an", at(0, "10:00"), {}),
        ("yeu_cau_bo_sung", EXPERT, "tran.binh", at(1, "09:00"),
         {"noi_dung_bo_sung": "Điều lệ công ty\nDanh sách thành viên"}),
        ("nop_bo_sung", CLERK, "le.an", at(2, "09:00"), {}),
        ("kiem_tra", CLERK, "le.an", at(2, "09:30"), complete),
        ("ban_giao", CLERK, "le.an", at(2, "10:00"), {}),
        ("xin_loi", LEADER, "pham.chi", at(3, "09:00"), {"ly_do": "Cần xác minh thông tin chủ sở hữu"}),
        ("trinh", EXPERT, "tran.binh", at(7, "10:00"), {"du_dieu_kien": True}),
        ("ky", LEADER, "pham.chi", at(7, "14:00"), {}),
        ("tra", CLERK, "le.an", at(8, "09:00"), {}),
    ]
    for action, role, actor, when, data in steps:
        if action == "xin_loi":
            # The new appointment must fall after the one in force, which holidays move
            # (2 September): two calendar days after it, at 16:00.
            due = desk.show(d.code).clock.due_at
            assert due is not None
            new_due = datetime.combine(due.date() + timedelta(days=2), clock_time(16, 0))
            data = {**data, "ngay_hen_moi": new_due.isoformat(timespec="minutes")}
        desk.act(d.code, action, actor=actor, role=role, at=when, data=data)
    return d.code


class Office:
    """The desk, its dossiers, the printer and the inputs of the part timings."""

    def __init__(self, dossiers: int) -> None:
        self.tmp = tempfile.TemporaryDirectory(prefix="isoflow-bench-forms-")
        self.desk = open_desk([ROOT / "processes"], f"sqlite:///{Path(self.tmp.name) / 'forms.db'}")
        self.codes = [full_lifecycle(self.desk, FIRST_MONDAY + timedelta(weeks=k),
                                     {"ho_ten": f"Nguyễn Thị Mai {k + 1}",
                                      "dia_chi": "12 Trần Hưng Đạo, phường Nam Định",
                                      "dien_thoai": "0912345678"})
                      for k in range(dossiers)]
        self.start, self.end = FIRST_MONDAY - timedelta(days=2), FIRST_MONDAY + timedelta(weeks=dossiers)
        self.definition = procedures_in([ROOT / "processes"], PROCEDURE)[0]
        self.printer = Printer()
        # Inputs of the part timings: what the store read yields, one per dossier (the rest in prepare).
        self.loaded = [self.read(code) for code in self.codes]
        self.entries: list[BookEntry] = []
        self.contexts: dict[str, list[tuple[dict[str, Any], str | None]]] = {}
        self.pages: dict[str, list[str]] = {}

    def close(self) -> None:
        self.desk.store.close()
        self.tmp.cleanup()

    def read(self, code: str) -> tuple[Any, ...]:
        """What ``Printer.dossier_form`` reads from the store and the engine before any form logic."""
        desk = self.desk
        dossier = desk.show(code)
        events = desk.history(code)
        process = desk.engine.process_of(dossier).definition
        form_set = desk.engine.legal.form_set(dossier.form_set) if dossier.form_set \
            else desk.engine.legal.form_set_on(dossier.received_at.date())
        return dossier, events, process, form_set

    def book_entries(self) -> list[BookEntry]:
        desk = self.desk
        return [BookEntry(d, desk.history(d.code), desk.engine.process_of(d).definition)
                for d in (desk.show(code) for code in desk.store.codes())
                if self.start <= d.received_at.date() <= self.end]

    # -- whole documents ------------------------------------------------------------------------

    def document(self, name: str, output: Any, k: int) -> Any:
        if name == "procedure":
            return self.printer.procedure(self.definition, output)
        if name == "book":
            return self.printer.book(self.desk, self.start, self.end, output)
        return self.printer.dossier_form(self.desk, self.codes[k % len(self.codes)], name, output)

    def whole(self, name: str, output: Any) -> Callable[[int], Any]:
        return lambda k: self.document(name, output, k)

    # -- the parts ------------------------------------------------------------------------------

    def context(self, name: str, k: int) -> tuple[dict[str, Any], str | None]:
        agency = self.printer.agency
        if name == "procedure":
            return procedure_context(self.definition, agency), None
        if name == "book":
            form_set = self.desk.engine.legal.form_set_on(self.end)
            return book_context(self.entries, self.start, self.end, agency, form_set), form_set.id
        dossier, events, process, form_set = self.loaded[k % len(self.loaded)]
        return form_context(name, dossier, events, process, agency, form_set), form_set.id

    def prepare(self) -> None:
        """Contexts and HTML pages of every document, for the Jinja and WeasyPrint timings."""
        self.entries = self.book_entries()
        self.contexts = {name: [self.context(name, k) for k in range(len(self.codes))] for name in DOCUMENTS}
        self.pages = {name: [self.document(name, "html", k).html for k in range(len(self.codes))]
                      for name in DOCUMENTS}
        from isoflow.paper.renderer import trusted_markup

        # Printer.procedure adds its own SVG flowchart as markup; do the same for the Jinja timing.
        for context, _ in self.contexts["procedure"]:
            context["flowchart"] = trusted_markup(flowchart_svg(self.definition))

    def part(self, name: str, part: str) -> Callable[[int], Any]:
        if part == "store":
            if name == "procedure":
                return lambda k: None  # a process file loaded once: no store
            if name == "book":
                return lambda k: self.book_entries()
            return lambda k: self.read(self.codes[k % len(self.codes)])
        if part == "context":
            return lambda k: self.context(name, k)
        if part == "flowchart":
            if name != "procedure":
                return lambda k: None  # dossier forms and the book draw no flowchart
            return lambda k: flowchart_svg(self.definition)
        if part == "jinja":
            def jinja(k: int) -> str:
                context, form_set = self.contexts[name][k % len(self.codes)]
                return self.printer.renderer.render_html(name, context, form_set)
            return jinja
        if part == "weasyprint":
            return lambda k: self.printer.renderer.render_pdf(self.pages[name][k % len(self.codes)])
        raise ValueError(part)


# ----------------------------------------------------------------------------------------------
# Timing
# ----------------------------------------------------------------------------------------------

VARIANTS = ("html", "pdf", "store", "context", "flowchart", "jinja", "weasyprint")


def check(office: Office) -> None:
    """Every document renders, says what it is, and its PDF is a PDF: measure real forms only."""
    for name in DOCUMENTS:
        html = office.document(name, "html", 0).html
        if TITLES[name].casefold() not in html.casefold():
            raise AssertionError(f"the {name} HTML does not contain {TITLES[name]!r}")
    for name in ("receipt", "procedure"):
        pdf = office.document(name, "pdf", 0).pdf
        if not pdf or not pdf.startswith(b"%PDF"):
            raise AssertionError(f"the {name} PDF is not a PDF")


def cold(office: Office) -> dict[str, float]:
    """First receipt with a fresh Printer: template compilation, then WeasyPrint's first document
    (fonts, CSS); then the same again, warm, for comparison."""
    out = {}
    printer = Printer()
    for label in ("html cold", "html warm"):
        start = time.perf_counter()
        printer.dossier_form(office.desk, office.codes[0], "receipt", "html")
        out[label] = time.perf_counter() - start
    for label in ("pdf cold", "pdf warm"):
        start = time.perf_counter()
        printer.dossier_form(office.desk, office.codes[0], "receipt", "pdf")
        out[label] = time.perf_counter() - start
    return out


def timed(office: Office, repeat: int, count: int) -> dict[tuple[str, str], list[float]]:
    """Seconds per document of each run, ``repeat`` round-robin rounds."""
    runs: dict[tuple[str, str], list[float]] = {(name, v): [] for name in DOCUMENTS for v in VARIANTS}
    for _ in range(repeat):
        for name in DOCUMENTS:
            for variant in VARIANTS:
                run = office.whole(name, variant) if variant in ("html", "pdf") else office.part(name, variant)
                n = count if variant in ("pdf", "weasyprint") else count * HTML_FACTOR
                gc.collect()
                start = time.perf_counter()
                for k in range(n):
                    run(k)
                runs[(name, variant)].append((time.perf_counter() - start) / n)
    return runs


# ----------------------------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------------------------

def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per variant; the median is shown")
    parser.add_argument("--count", type=int, default=2,
                        help=f"PDFs per timed run (HTML and part runs: {HTML_FACTOR}x as many; default 2)")
    parser.add_argument("--dossiers", type=int, default=4,
                        help="dossiers with a full lifecycle on the desk (default 4, one per week; all in the book)")
    args = parser.parse_args(argv)
    if min(args.repeat, args.count, args.dossiers) < 1:
        parser.error("--repeat, --count and --dossiers must be at least 1")
    if args.dossiers > 20:
        parser.error("--dossiers: at most 20 (one per week from 2026-08-03, all in one book)")

    print(f"isoflow {_version('isoflow')} | Python {platform.python_version()} | Jinja2 {_version('jinja2')} | "
          f"WeasyPrint {_version('weasyprint')} | {platform.machine()} | {os.cpu_count()} CPU(s) | "
          f"load average {os.getloadavg()[0]:.2f} (other work on the machine skews the numbers)")
    built = time.perf_counter()
    office = Office(args.dossiers)
    try:
        events = sum(len(office.desk.history(code)) for code in office.codes)
        print(f"desk: SQLite file, shipped processes; {len(office.codes)} dossiers of {PROCESS} with a full "
              f"lifecycle ({events} events) in {time.perf_counter() - built:.2f} s; "
              f"templates: {office.printer.renderer.shipped}")
        times = cold(office)
        print(f"cold start (fresh Printer, first receipt): HTML {times['html cold'] * 1e3:.0f} ms "
              f"(warm {times['html warm'] * 1e3:.1f} ms), PDF {times['pdf cold'] * 1e3:.0f} ms "
              f"(warm {times['pdf warm'] * 1e3:.0f} ms)")
        check(office)
        office.prepare()
        print(f"median of {args.repeat} runs; a PDF run renders {args.count} documents, an HTML or part run "
              f"{args.count * HTML_FACTOR}\n")
        runs = timed(office, args.repeat, args.count)
        med = {key: statistics.median(values) for key, values in runs.items()}

        header = (f"{'form':<11} | {'html/s':>8} | {'pdf/s':>6} | {'median ms html':>14} | {'median ms pdf':>13} || "
                  f"{'ms store':>8} | {'ms context':>10} | {'ms jinja':>8} | {'ms weasyprint':>13}")
        print(header)
        print("-" * len(header))
        for name in DOCUMENTS:
            html, pdf = med[(name, "html")], med[(name, "pdf")]
            store = "-" if name == "procedure" else f"{med[(name, 'store')] * 1e3:.2f}"
            print(f"{name:<11} | {1 / html:>8,.0f} | {1 / pdf:>6.1f} | {html * 1e3:>14.2f} | {pdf * 1e3:>13.1f} || "
                  f"{store:>8} | {med[(name, 'context')] * 1e3:>10.2f} | {med[(name, 'jinja')] * 1e3:>8.2f} | "
                  f"{med[(name, 'weasyprint')] * 1e3:>13.1f}")
        print("\nhtml = store + context + jinja; pdf = html + weasyprint (parts timed apart, on ready inputs).")
        drawing = med[("procedure", "flowchart")] * 1e3
        print(f"procedure: html also draws the SVG flowchart (flowchart_svg: {drawing:.2f} ms); "
              f"book: store reads every dossier of the period.")
        share = sum(med[(n, "weasyprint")] for n in DOCUMENTS) / sum(med[(n, "pdf")] for n in DOCUMENTS)
        print(f"WeasyPrint's share of the PDF time, all documents together: {share:.0%}.")
        spread = max(max(v) / min(v) for v in runs.values() if min(v) > 0)
        if spread > 1.5:
            print(f"note: the slowest run of some variant took {spread:.1f}x its fastest: the machine was busy.")
    finally:
        office.close()
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001 - a measurement: report the problem, never fail the build
        print(f"benchmark failed: {type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(0)
