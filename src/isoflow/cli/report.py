"""``isoflow report`` and ``isoflow dossier rate``: the service indicators from the shell.

The report is computed by the database (:mod:`isoflow.indicators.service_report`); this module parses
the period, shows progress on a terminal, and writes the chosen format.  Exit codes: 0 the
report was written, 1 isoflow refused (unknown dossier, unreadable targets), 2 bad options.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from isoflow.cli.dossier import at_option, desk_of, dossier, guarded
from isoflow.errors import IsoflowError, UsageError
from isoflow.indicators.formulas import LEVELS, RATING_TOPICS, Rating

_LEVEL_WORDS = {"rat-hai-long": 2, "hai-long": 1, "khong-hai-long": 0, "2": 2, "1": 1, "0": 0}
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)


def _level(value: str, what: str) -> int:
    level = _LEVEL_WORDS.get(value.strip().lower())
    if level is None:
        raise click.BadParameter(f"{what} {value!r}: use rat-hai-long, hai-long or khong-hai-long (or 2, 1, 0)")
    return level


def _topics(_: Any, __: Any, values: tuple[str, ...]) -> dict[str, int]:
    topics = {}
    for item in values:
        topic, sep, level = item.partition("=")
        if not sep or topic.strip() not in RATING_TOPICS:
            raise click.BadParameter(f"{item!r}: write TOPIC=LEVEL with a topic among {', '.join(RATING_TOPICS)}")
        topics[topic.strip()] = _level(level, f"topic {topic.strip()!r}")
    return topics


@dossier.command()
@click.argument("code")
@click.option("--overall", required=True, help="rat-hai-long, hai-long or khong-hai-long (2, 1, 0).")
@click.option("--topic", "topics", multiple=True, callback=_topics,
              help="TOPIC=LEVEL for a topic of Decree 61 Art. 31 (repeatable): " + ", ".join(RATING_TOPICS))
@click.option("--complaint", is_flag=True, help="The citizen filed a complaint (phản ánh, kiến nghị).")
@click.option("--comment", default="")
@at_option
@click.pass_context
@guarded
def rate(ctx: click.Context, code: str, overall: str, topics: dict[str, int], complaint: bool, comment: str,
         at: datetime) -> None:
    """Record a citizen's evaluation of a dossier (a new one replaces the old)."""
    rating = Rating(_level(overall, "overall"), complaint, topics, comment)
    desk_of(ctx).rate(code, rating, at)
    click.echo(f"{code}: {LEVELS[rating.overall]}{', có phản ánh' if complaint else ''}")


def _period(start: str | None, end: str | None, quarter: str | None, year: int | None) -> tuple[date, date]:
    chosen = sum(x is not None for x in (quarter, year)) + (start is not None or end is not None)
    if chosen != 1:
        raise UsageError("give the period once: --from and --to, or --quarter 2026-Q1, or --year 2026")
    if quarter is not None:
        match = _QUARTER.match(quarter.strip())
        if not match:
            raise UsageError(f"{quarter!r} is not a quarter; write 2026-Q1")
        y, q = int(match.group(1)), int(match.group(2))
        if not 1 <= y <= 9998:
            raise UsageError(f"{quarter!r} is not a quarter isoflow can report on")
        first = date(y, 3 * q - 2, 1)
        last = date(y + (q == 4), (3 * q) % 12 + 1, 1).toordinal() - 1
        return first, date.fromordinal(last)
    if year is not None:
        if not 1 <= year <= 9998:
            raise UsageError(f"{year} is not a year isoflow can report on")
        return date(year, 1, 1), date(year, 12, 31)
    if start is None or end is None:
        raise UsageError("give both --from and --to (dates like 2026-01-01)")
    try:
        return date.fromisoformat(start), date.fromisoformat(end)
    except ValueError as error:
        raise UsageError(f"{error}; write dates like 2026-01-01") from None


@click.command("report")
@click.option("--from", "start", default=None, help="First day, e.g. 2026-01-01.")
@click.option("--to", "end", default=None, help="Last day (included), e.g. 2026-03-31.")
@click.option("--quarter", default=None, help="A quarter instead, e.g. 2026-Q1.")
@click.option("--year", type=int, default=None, help="A whole year instead, e.g. 2026.")
@click.option("--by", "grouping", type=click.Choice(["agency", "level", "procedure", "domain"]), default="agency",
              show_default=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json", "csv", "html", "pdf"]),
              default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (a PDF needs one; default: standard output).")
@click.option("--targets", default=None, help="Targets file (default: the shipped data/targets.toml).")
@click.option("--agency", default=None,
              help="Agency profile heading the html and pdf report (default: the shipped example, marked MẪU).")
@click.option("--db", default=lambda: os.environ.get("ISOFLOW_DB", "sqlite:///isoflow.db"),
              show_default="$ISOFLOW_DB or sqlite:///isoflow.db")
@click.option("--processes", default="processes", show_default=True, help="Folder of process files.")
def report(start: str | None, end: str | None, quarter: str | None, year: int | None, grouping: Any,
           output_format: str, output: Path | None, targets: str | None, agency: str | None, db: str,
           processes: str) -> None:
    """Service indicators of a period against the programme's targets (in Vietnamese)."""
    try:
        first, last = _period(start, end, quarter, year)
        if output_format == "pdf" and output is None:
            raise UsageError("a PDF report needs --output FILE")
        if output is not None and not output.parent.is_dir():
            raise UsageError(f"{output.parent}: no such folder for the report")
        content = _build(first, last, grouping, output_format, targets, agency, db, processes)
        if output is not None:
            try:
                output.write_bytes(content)
            except OSError as error:
                raise IsoflowError(f"{output}: {error.strerror or error}") from None
    except IsoflowError as error:
        click.echo(f"isoflow: {error}", err=True)
        sys.exit(2 if isinstance(error, UsageError) else 1)
    if output_format in ("html", "pdf"):  # the text formats have no header to head
        from isoflow.cli.forms import warn_if_example

        warn_if_example(agency)
    if output is None:
        click.echo(content.decode("utf-8"), nl=False)
    else:
        click.echo(f"{output}", err=True)


def _build(first: date, last: date, grouping: Any, output_format: str, targets: str | None, agency: str | None,
           db: str, processes: str) -> bytes:
    from isoflow.data.loaders import load_agency, load_targets
    from isoflow.indicators import outputs as report_output
    from isoflow.indicators.service_report import STAGES, service_report
    from isoflow.store import open_store
    from isoflow.workspace import load_runnable

    # The profile heads the html and pdf report: read before the store, so a bad one costs nothing.
    profile = load_agency(agency) if output_format in ("html", "pdf") else None
    # A report reads a store: a misspelt path or a schema without isoflow's tables must not
    # become an empty database that reports zeros (StoreNotFound, and nothing is created).
    store = open_store(db, create=False)
    try:
        chosen = load_targets(targets)
        definitions = load_runnable([processes])
        # Progress on the terminal only: a pipe or a CI log gets the report alone.
        if sys.stderr.isatty():
            with click.progressbar(length=len(STAGES), label="Báo cáo", file=sys.stderr,
                                   item_show_func=lambda s: s) as bar:
                def step(stage: str) -> None:
                    bar.update(1, stage)

                result = service_report(store, definitions, first, last, grouping, targets=chosen, progress=step)
        else:
            result = service_report(store, definitions, first, last, grouping, targets=chosen)
    finally:
        store.close()
    if output_format == "text":
        return report_output.as_text(result).encode("utf-8")
    if output_format == "json":
        return report_output.as_json(result).encode("utf-8")
    if output_format == "csv":
        return report_output.as_csv(result).encode("utf-8")
    from isoflow.printer import Printer

    document = Printer(agency=profile).service_report(result, "pdf" if output_format == "pdf" else "html")
    return document.content("pdf" if output_format == "pdf" else "html")
