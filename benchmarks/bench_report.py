"""How fast is a full-year service report on a million dossiers?

Generates a year of work (2026, with a tail of December 2025 carried over) for the shipped
procedures into an SQLite file at schema 4, the rows isoflow itself writes (dossiers with
their indicator columns, events, step times, ratings), then times
``service_report(store, definitions, 2026-01-01, 2026-12-31, "agency")`` and the three
queries it runs.  The file is generated once and cached (``benchmarks/.data/``).

Measurement, not a test: it prints numbers and always exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import statistics
import sys
import time as clock
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from isoflow.data.loaders import load_targets  # noqa: E402
from isoflow.indicators.formulas import ServiceReport  # noqa: E402
from isoflow.indicators.service_report import service_report  # noqa: E402
from isoflow.model.definition import ProcessDefinition  # noqa: E402
from isoflow.model.dossier import GENESIS  # noqa: E402
from isoflow.store import open_store  # noqa: E402
from isoflow.store._common import FACT_COLUMNS, dossier_code  # noqa: E402
from isoflow.store.schema import MIGRATIONS  # noqa: E402
from isoflow.workspace import load_runnable  # noqa: E402

DATA = Path(__file__).resolve().parent / ".data"
START, END = date(2026, 1, 1), date(2026, 12, 31)
FIRST_DAY = date(2025, 12, 1)  # a month before the period: some dossiers are carried over
CHUNK = 20_000
HOURS_PER_DAY = Decimal(8)
#: How many dossiers each procedure gets, relative to the others (civil status and
#: certification dominate a one-stop shop; internal ISO procedures are rare).
WEIGHTS = {"QT-HT-01": 18, "QT-HT-02": 6, "QT-HT-05": 4, "QT-CT-01": 20, "QT-CT-02": 8, "QT-LT-01": 10,
           "QT-XD-01": 4, "QT-LLTP-01": 8, "QT-DD-01": 1, "QT-DD-02": 6, "QT-DKKD-01": 6, "QT-GPLX-01": 9}
ONLINE_SHARE = {"full": 0.55, "partial": 0.30}
UNITS = 24  # receiving units (one-stop shops), each with its own daily code sequence


@dataclass(frozen=True)
class Procedure:
    code: str
    revision: int
    weight: int
    online: float
    fee: bool
    path: tuple[tuple[str, int, int], ...]  # timed steps on the happy path: (state id, status, budget minutes)
    finals: dict[str, tuple[str, int]]  # outcome -> (final state id, status)
    waiting: tuple[str, int] | None  # the supplement wait


def procedures(definitions: Sequence[ProcessDefinition]) -> list[Procedure]:
    """The runnable procedures, with their happy path (the work steps declared before the first final one)."""
    found = []
    for d in definitions:
        if d.kind != "process" or d.procedure is None:
            continue
        path: list[tuple[str, int, int]] = []
        finals: dict[str, tuple[str, int]] = {}
        waiting = None
        for s in d.states:
            kind = s.effective_kind
            if kind == "final" and s.outcome is not None:
                finals.setdefault(s.outcome, (s.id, s.status or 10))
            elif kind == "waiting" and waiting is None and not finals:
                waiting = (s.id, s.status or 5)
            elif kind == "work" and not finals and s.budget is not None:
                path.append((s.id, s.status or 4, max(15, int(s.budget.hours(HOURS_PER_DAY) * 60))))
        if not path or "granted" not in finals:
            continue
        p = d.procedure
        found.append(Procedure(d.code, d.revision, WEIGHTS.get(d.code, 1), ONLINE_SHARE.get(p.online_level or "", 0.0),
                               p.fee_amount > 0, tuple(path), finals, waiting))
    return sorted(found, key=lambda p: p.code)


def working_days() -> list[date]:
    days, day = [], FIRST_DAY
    while day <= END:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def stamp(value: datetime) -> str:
    return value.isoformat(timespec="microseconds")


def fake_hash(n: int, seq: int) -> str:
    """Cheap, deterministic, 64 hex digits: the report never checks the chain."""
    return f"{n:032x}{seq:032x}"


_DOSSIER = ("code", "created", "process_code", "revision", "receiving_unit", "received_at", "state", "status",
            "version", "last_hash", "closed", "due_at", "step_due_at", "next_due_at", "remind_at", *FACT_COLUMNS,
            "body")
INSERT_DOSSIER = f"INSERT INTO dossiers ({', '.join(_DOSSIER)}) VALUES ({', '.join('?' * len(_DOSSIER))})"  # noqa: S608
INSERT_EVENT = ("INSERT INTO events (dossier, seq, kind, at, actor, hash, prev_hash, body) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
INSERT_STEP = ("INSERT INTO step_times (dossier, seq, process_code, step, at, worked_min, result) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)")
INSERT_RATING = "INSERT INTO ratings (dossier, at, overall, complaint, topics, comment) VALUES (?, ?, ?, ?, ?, ?)"
#: A real dossier body is about 1.1 KB (data, applicant, clock, measures): the report scans the
#: table's pages, so the rows must be as wide as real ones.  Event bodies stay compact (never read).
BODY_PAD = "x" * 1000
ACTORS = ("le.an", "tran.binh", "pham.chi", "nguyen.dung", "vo.em")


@dataclass
class Batch:
    dossiers: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    steps: list[tuple[Any, ...]]
    ratings: list[tuple[Any, ...]]


def generate(count: int, catalogue: Sequence[Procedure], seed: int = 2026) -> Iterator[Batch]:
    """``count`` dossiers in order of receipt, in batches of :data:`CHUNK`.

    The mix, per dossier: ~4 % refused, ~2 % withdrawn, ~1 % stopped, the rest granted or
    still open at the end of the year; of those resolved ~55 % early, ~30 % on time, ~15 %
    late (two in five of them with an apology and a new appointment); one in ten asked for a
    supplement (one in five of those twice); hand-overs between units, online payment,
    electronic and digitised results by procedure; one in eight resolved dossiers rated.
    """
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    days = working_days()
    per_day = count / len(days)
    weights = [p.weight for p in catalogue]
    sequences: dict[tuple[int, date], int] = {}
    batch = Batch([], [], [], [])
    n = 0
    for index, day in enumerate(days):
        todays = int(per_day * (index + 1)) - int(per_day * index) if index < len(days) - 1 else count - n
        minutes = sorted(rng.randrange(0, 480) for _ in range(todays))
        chosen = rng.choices(catalogue, weights, k=todays)
        for minute, proc in zip(minutes, chosen, strict=True):
            n += 1
            unit = rng.randrange(UNITS)
            number = sequences[(unit, day)] = sequences.get((unit, day), 0) + 1
            unit_code = f"000.{unit:02d}.31.H40"
            received = datetime(day.year, day.month, day.day, 7, 30) + timedelta(
                minutes=minute if minute < 240 else minute + 90)
            one(rng, batch, n, dossier_code(unit_code, day, number), unit_code, received, proc)
            if len(batch.dossiers) >= CHUNK:
                yield batch
                batch = Batch([], [], [], [])
    if batch.dossiers:
        yield batch


def one(rng: random.Random, batch: Batch, n: int, code: str, unit: str, received: datetime, proc: Procedure) -> None:
    """Append dossier ``n``'s rows to ``batch``."""
    r = rng.random()
    channel = "online" if r < proc.online else "post" if r < proc.online + 0.05 else "in_person"
    fate = rng.random()
    outcome = ("refused" if fate < 0.04 else "withdrawn" if fate < 0.06 else "stopped" if fate < 0.07
               else "granted")
    path = proc.path
    at_desk = outcome == "refused" and rng.random() < 0.5
    if at_desk:
        path = path[:1]  # refused at the desk: never received, so no result (issue 14 §7)
    elif outcome in ("withdrawn", "stopped"):
        path = path[:rng.randrange(1, len(path) + 1)]
    s = rng.random()
    supplements = 0 if s < 0.9 else 1 if s < 0.98 else 2
    q = rng.random()
    result = "early" if q < 0.55 else "on_time" if q < 0.85 else "late"
    apology = result == "late" and rng.random() < 0.4
    events: list[tuple[Any, ...]] = []
    steps: list[tuple[Any, ...]] = []
    at = received
    prev = GENESIS
    worked_total, worst = 0, "early"
    paused_at: datetime | None = None

    def event(kind: str, when: datetime, actor: str) -> None:
        nonlocal prev
        seq = len(events) + 1
        h = fake_hash(n, seq)
        events.append((code, seq, kind, stamp(when), actor, h, prev, f'{{"schema":1,"kind":"{kind}","seq":{seq}}}'))
        prev = h

    event("received", at, ACTORS[0])
    budget_total = sum(b for _, _, b in proc.path)
    plan: list[tuple[str, int, int]] = list(path)
    if supplements and len(plan) > 1:
        plan[1:1] = [plan[0]] * supplements  # the first step again after each supplement
    handovers = 0
    for k, (step, _, budget) in enumerate(plan):
        late = (result == "late" and k == len(plan) - 1) or rng.random() < 0.03
        factor = rng.uniform(1.0, 1.6) if late else rng.uniform(0.2, 1.0)
        worked = max(5, int(budget * factor) // 5 * 5)  # whole five minutes: a histogram, not a row per dossier
        step_result = "late" if late else "early" if factor < 0.8 else "on_time"
        worst = max(worst, step_result, key=("early", "on_time", "late").index)
        at += timedelta(minutes=worked * 3)  # working minutes spread over working days, nights, weekends
        worked_total += worked
        event("moved", at, ACTORS[k % len(ACTORS)])
        steps.append((code, len(events), proc.code, step, stamp(at), worked, step_result))
        if k < supplements and len(plan) > 1:
            at += timedelta(days=rng.randrange(1, 6))  # the applicant brings the missing papers
            event("moved", at, ACTORS[0])  # leaves the supplement wait: not a timed step
        if k == 1:
            handovers = 1 + (rng.random() < 0.3)
        if apology and k == len(plan) // 2:
            event("extended", at, ACTORS[2])
    legal = timedelta(minutes=budget_total * 3)
    open_at_end = outcome == "granted" and received.date() >= date(2026, 11, 20) and rng.random() < 0.6
    if open_at_end:  # still being worked on at the end of the year: the last step is not done yet
        last_step, last_status, _ = path[-1]
        events.pop()
        steps.pop()
        prev = events[-1][5]
        state, status, closed_at, outcome_col = last_step, last_status, None, None
        if proc.waiting is not None and rng.random() < 0.15:  # waiting for the applicant: the clock is paused
            state, status = proc.waiting
            paused_at = datetime.fromisoformat(events[-1][3])  # since the last step it left
        due = received + legal * rng.uniform(0.5, 1.6)
        result_col = result_766 = worst_col = worked_col = None
    else:
        closed_at = at
        state, status = proc.finals.get(outcome, proc.finals["granted"])
        outcome_col = outcome
        due = {"early": closed_at + timedelta(days=rng.randrange(1, 6)), "on_time": closed_at,
               "late": closed_at - timedelta(days=rng.randrange(1, 4))}[result]
        resolved = outcome in ("granted", "refused") and not at_desk
        result_col = result if resolved else None
        result_766 = ("late" if supplements > 1 else result) if resolved else None
        worst_col = worst if resolved else None
        worked_col = worked_total if resolved else None
        if apology:
            due = closed_at + timedelta(hours=2)  # the new appointment; the result stays late
    resolved = outcome_col in ("granted", "refused") and not at_desk
    flags = rng.random()
    paid = int(proc.fee and channel == "online" and flags < 0.8)
    e_result = int(resolved and rng.random() < (0.7 if channel == "online" else 0.3))
    digitised = int(e_result and rng.random() < 0.8)
    # How the dossier moved between units: paper 1, recorded electronic 0, not recorded NULL (schema 8).
    how = rng.random()
    paper = None if how < 0.1 else int(handovers > 0 and how < 0.3)
    closed = closed_at is not None
    due_text = stamp(due)
    batch.dossiers.append((
        code, n, proc.code, proc.revision, unit, stamp(received), state, status, len(events), prev, int(closed),
        due_text, None if closed else due_text, due_text, due_text,
        channel, stamp(closed_at) if closed_at else None, outcome_col, result_col, result_766, worst_col, worked_col,
        supplements, int(apology), handovers, paid, e_result, digitised, paper, stamp(paused_at) if paused_at else None,
        f'{{"schema":1,"code":"{code}","process_code":"{proc.code}","pad":"{BODY_PAD}"}}'))
    batch.events.extend(events)
    batch.steps.extend(steps)
    if resolved and closed_at is not None and rng.random() < 0.125:
        overall = rng.choices((2, 1, 0), (6, 3, 1))[0]
        complaint = int(overall == 0 and rng.random() < 0.3)
        batch.ratings.append((code, stamp(closed_at + timedelta(hours=1)), overall, complaint,
                              json.dumps({"thai_do": overall}), ""))


def schema_fingerprint() -> str:
    """The SQLite schema isoflow creates: a cached file made under another one is generated again
    (a new index in a released migration would otherwise never reach it)."""
    return hashlib.sha256("\n".join(s for m in MIGRATIONS for s in m.sqlite).encode()).hexdigest()[:16]


def build(path: Path, count: int) -> tuple[float, dict[str, int]]:
    """Create ``path`` at schema 4 through isoflow, then bulk-load ``count`` dossiers; (seconds, row counts)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    open_store(f"sqlite:///{path}").close()  # the schema, by isoflow's own migrations
    catalogue = procedures(load_runnable([ROOT / "processes"]))
    started = clock.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")  # the load only: a crash just means --rebuild
    conn.execute("PRAGMA cache_size=-262144")
    rows = {"dossiers": 0, "events": 0, "step_times": 0, "ratings": 0}
    for batch in generate(count, catalogue):
        conn.execute("BEGIN")
        conn.executemany(INSERT_DOSSIER, batch.dossiers)
        conn.executemany(INSERT_EVENT, batch.events)
        conn.executemany(INSERT_STEP, batch.steps)
        conn.executemany(INSERT_RATING, batch.ratings)
        conn.execute("COMMIT")
        rows["dossiers"] += len(batch.dossiers)
        rows["events"] += len(batch.events)
        rows["step_times"] += len(batch.steps)
        rows["ratings"] += len(batch.ratings)
        print(f"\r  loaded {rows['dossiers']:,} dossiers, {rows['events']:,} events", end="", flush=True)
    print()
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    elapsed = clock.perf_counter() - started
    (path.parent / f"{path.name}.json").write_text(json.dumps({"dossiers": count, "load_s": elapsed, **rows,
                                                               "schema": schema_fingerprint()}))
    return elapsed, rows


class Timed:
    """A store whose report queries are timed (everything else passes through)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.times: dict[str, float] = {}

    def __getattr__(self, name: str) -> Any:
        target = getattr(self.store, name)
        if name not in ("tallies", "worked_minutes", "step_minutes"):
            return target

        def timed(*args: Any) -> Any:
            started = clock.perf_counter()
            try:
                return target(*args)
            finally:
                self.times[name] = clock.perf_counter() - started
        return timed


def time_reports(url: str, definitions: Sequence[ProcessDefinition],
                 runs: int) -> tuple[list[dict[str, float]], ServiceReport]:
    store = open_store(url)
    results = []
    try:
        for _ in range(runs):
            timed = Timed(store)
            started = clock.perf_counter()
            report = service_report(timed, definitions, START, END, "agency", targets=load_targets())
            total = clock.perf_counter() - started
            results.append({**timed.times, "build_report": total - sum(timed.times.values()), "total": total})
        print(f"  report: {len(report.groups)} groups")
    finally:
        store.close()
    return results, report


def table(results: list[dict[str, float]]) -> None:
    parts = ("tallies", "worked_minutes", "step_minutes", "build_report", "total")
    print(f"  {'part':<16} {'median s':>9} {'min s':>8} {'max s':>8}  runs")
    for part in parts:
        values = [r[part] for r in results]
        print(f"  {part:<16} {statistics.median(values):9.3f} {min(values):8.3f} {max(values):8.3f}  "
              + " ".join(f"{v:.2f}" for v in values))


def postgres(url: str, count: int, runs: int, definitions: Sequence[ProcessDefinition]) -> ServiceReport:
    """The same report on PostgreSQL: a fresh schema, loaded with COPY (the same seeded data)."""
    import psycopg

    schema = f"bench_report_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        scoped = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
        open_store(scoped).close()
        catalogue = procedures(definitions)
        started = clock.perf_counter()
        with psycopg.connect(scoped) as conn:
            for batch in generate(count, catalogue):
                dossiers = [(*row[:1], *row[2:10], bool(row[10]), *row[11:]) for row in batch.dossiers]
                cols = [c for c in _DOSSIER if c != "created"]
                for table_name, columns, rows in (("dossiers", cols, dossiers),
                                                   ("events", ("dossier", "seq", "kind", "at", "actor", "hash",
                                                               "prev_hash", "body"), batch.events),
                                                   ("step_times", ("dossier", "seq", "process_code", "step", "at",
                                                                   "worked_min", "result"), batch.steps),
                                                   ("ratings", ("dossier", "at", "overall", "complaint", "topics",
                                                                "comment"), batch.ratings)):
                    with conn.cursor().copy(f"COPY {table_name} ({', '.join(columns)}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
            conn.commit()
            conn.execute("ANALYZE")
        print(f"  PostgreSQL load of {count:,} dossiers: {clock.perf_counter() - started:.1f} s")
        results, report = time_reports(scoped, definitions, runs)
        table(results)
        return report
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dossiers", type=int, default=1_000_000, help="dossiers to generate (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=5, help="timed reports; the median is reported (default 5)")
    parser.add_argument("--rebuild", action="store_true", help="generate the database again even if cached")
    parser.add_argument("--postgres", metavar="URL", help="also time the report on this PostgreSQL database "
                        "(a fresh schema, dropped afterwards)")
    parser.add_argument("--postgres-dossiers", type=int, default=100_000, help="dossiers for PostgreSQL (100,000)")
    args = parser.parse_args(argv)
    path = DATA / f"report-{args.dossiers}.db"
    meta = DATA / f"{path.name}.json"
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs, SQLite {sqlite3.sqlite_version}")
    stale = not meta.exists() or json.loads(meta.read_text()).get("schema") != schema_fingerprint()
    if args.rebuild or not path.exists() or stale:
        print(f"generating {args.dossiers:,} dossiers into {path}")
        build(path, args.dossiers)
    info = json.loads(meta.read_text())
    print(f"database {path}: {path.stat().st_size / 2**20:,.0f} MiB; {info['dossiers']:,} dossiers, "
          f"{info['events']:,} events, {info['step_times']:,} step times, {info['ratings']:,} ratings; "
          f"loaded in {info['load_s']:.1f} s")
    definitions = load_runnable([ROOT / "processes"])
    open_store(f"sqlite:///{path}").close()  # migrations a newer isoflow adds (indexes) run outside the timing
    print(f"full-year report by agency (2026), {args.runs} runs:")
    results, report = time_reports(f"sqlite:///{path}", definitions, args.runs)
    table(results)
    median = statistics.median(r["total"] for r in results)
    print(f"target median < 5 s: {'met' if median < 5 else 'NOT met'} ({median:.2f} s)")
    if args.postgres:
        print(f"PostgreSQL, {args.postgres_dossiers:,} dossiers:")
        other = postgres(args.postgres, args.postgres_dossiers, args.runs, definitions)
        if args.postgres_dossiers == args.dossiers:  # same seed, same rows: the reports must agree
            print(f"PostgreSQL report identical to SQLite's: {'yes' if other == report else 'NO'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
