"""``isoflow dossier ...``: try a procedure from the shell, against SQLite or PostgreSQL.

Times are local wall-clock times in Asia/Ho_Chi_Minh (``--at "2026-02-05 14:30"``; the
default is now).  Refusals (unknown dossier, action not allowed and why) print one line
and exit 1; malformed options exit 2.  Only ``receive`` creates the database: every other
command refuses a missing one (a misspelt ``--db`` must not read as an empty store that
"verified"), and leaves no file behind.  A dossier whose row does not match its audit trail
is refused by ``act``, ``close`` and ``remind``; ``show`` prints it with a warning and exits 1.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import click

from isoflow.desk import Desk
from isoflow.errors import DossierTampered, IsoflowError, UsageError
from isoflow.model.definition import NATIONAL_STATUS
from isoflow.model.dossier import Dossier, Event, dossier_to_json, event_to_json

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
F = TypeVar("F", bound=Callable[..., Any])


def _now() -> datetime:
    return datetime.now(TZ).replace(tzinfo=None, second=0, microsecond=0)


def _parse_at(_: Any, __: Any, value: str | None) -> datetime:
    if value is None:
        return _now()
    try:
        moment = datetime.fromisoformat(value.strip().replace(" ", "T", 1))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a time; write it like 2026-02-05 14:30") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(TZ).replace(tzinfo=None)
    return moment


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|h|d)\s*$")
#: The longest --within: a working year and more (a working day is 8 hours).  Beyond it the
#: horizon leaves any calendar isoflow has, and a huge number overflowed timedelta.
MAX_WITHIN_DAYS = 366
_HOURS = {"m": 1 / 60, "h": 1.0, "d": 8.0}


def _parse_within(_: Any, __: Any, value: str | None) -> timedelta:
    if not value:
        return timedelta(0)
    match = _DURATION.match(value)
    if not match:
        raise click.BadParameter(f"{value!r} is not a working time; write 30m, 4h or 2d")
    hours = float(match.group(1)) * _HOURS[match.group(2)]
    if hours > MAX_WITHIN_DAYS * 8:
        raise click.BadParameter(f"{value!r} is too long: at most {MAX_WITHIN_DAYS}d "
                                 f"({MAX_WITHIN_DAYS * 8}h, {MAX_WITHIN_DAYS * 8 * 60}m) of working time")
    return timedelta(hours=hours) if match.group(2) != "m" else timedelta(minutes=float(match.group(1)))


def _parse_pairs(_: Any, __: Any, values: tuple[str, ...]) -> dict[str, str]:
    pairs = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r} is not NAME=VALUE")
        pairs[key.strip()] = value
    return pairs


def desk_of(ctx: click.Context, *, create: bool = False) -> Desk:
    """The desk of this command; its database must exist unless ``create`` (``receive``)."""
    obj = ctx.ensure_object(dict)
    if "desk" not in obj:
        from isoflow.workspace import open_desk

        roots = None
        if obj.get("strict"):
            from isoflow.signing import load_roots

            roots = load_roots([Path(p) for p in obj["trust"]])
        obj["desk"] = open_desk([obj["processes"]], obj["db"], obj["calendar"], obj["regimes"], create=create,
                                trust_roots=roots)
        ctx.call_on_close(obj["desk"].store.close)
    desk: Desk = obj["desk"]
    return desk


def guarded(function: F) -> F:
    """Turn isoflow's errors into one line and exit 1 (a refusal, not a crash)."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except IsoflowError as error:
            click.echo(f"isoflow: {error}", err=True)
            sys.exit(2 if isinstance(error, UsageError) else 1)

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper  # type: ignore[return-value]


_json_option = click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
                            show_default=True)
at_option = click.option("--at", callback=_parse_at, help="Local time, e.g. '2026-02-05 14:30' (default: now).")
_actor_options = [click.option("--actor", required=True, help="Who acts (user id)."),
                  click.option("--role", required=True, help="The role the actor acts in.")]


def _actor(function: F) -> F:
    for option in reversed(_actor_options):
        function = option(function)
    return function


@click.group()
@click.option("--db", default=lambda: os.environ.get("ISOFLOW_DB", "sqlite:///isoflow.db"),
              show_default="$ISOFLOW_DB or sqlite:///isoflow.db", help="sqlite:///path.db or postgresql://user@host/db")
@click.option("--processes", default="processes", show_default=True, help="Folder of process files.")
@click.option("--calendar", default=None, help="Calendar overrides file (default: the shipped national one).")
@click.option("--regimes", default=None, help="Legal regimes file (default: the shipped one).")
@click.option("--strict", is_flag=True, help="Run only approved, unaltered revisions, and refuse a store another "
                                             "agency sealed (needs --trust; issue 16).")
@click.option("--trust", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="The agency's trusted root certificate, PEM or DER (repeatable): approvals and the ledger's "
                   "checkpoints are verified against it.")
@click.pass_context
def dossier(ctx: click.Context, db: str, processes: str, calendar: str | None, regimes: str | None,
            strict: bool, trust: tuple[str, ...]) -> None:
    """Receive dossiers and move them through a procedure."""
    if strict and not trust:
        raise click.UsageError("--strict needs --trust ROOT.pem: without a trusted root no approval can be verified")
    ctx.ensure_object(dict).update(db=db, processes=processes, calendar=calendar, regimes=regimes, strict=strict,
                                   trust=trust)


def _print_dossier(d: Dossier, output_format: str, desk: Desk, role: str | None = None) -> None:
    if output_format == "json":
        body = dossier_to_json(d)
        if role:
            body["options"] = [o.action for o in desk.engine.available(d, role)]
        click.echo(json.dumps(body, ensure_ascii=False, indent=2))
        return
    process = desk.engine.process_of(d)
    state = process.states.get(d.state)
    # A row edited by hand (shown with a warning) may name a step the procedure does not have.
    step = (f"{state.state.label}" + (f" [{state.state.unit}]" if state.state.unit else "")) if state else \
        "(not a step of this procedure)"
    lines = [
        f"Hồ sơ {d.code}  ({process.definition.code} lần {d.revision}: {process.definition.title})",
        f"  bước: {d.state} – {step}",
        f"  trạng thái: {d.status} {NATIONAL_STATUS.get(d.status, '')}",
        f"  tiếp nhận: {d.received_at:%Y-%m-%d %H:%M} ({d.channel}) tại {d.receiving_unit}",
        f"  hẹn trả: {d.clock.due_at:%Y-%m-%d %H:%M}" if d.clock.due_at else "  hẹn trả: –",
    ]
    if d.step.due_at and not d.is_closed:
        lines.append(f"  hạn bước: {d.step.due_at:%Y-%m-%d %H:%M}")
    if d.clock.paused_at:
        lines.append(f"  tạm dừng tính thời hạn từ {d.clock.paused_at:%Y-%m-%d %H:%M}")
    if d.is_closed:
        lines.append(f"  kết thúc: {d.closed_at:%Y-%m-%d %H:%M} ({d.outcome})")
    for key, value in d.data.items():
        lines.append(f"  {key} = {value}")
    if role:
        options = desk.engine.available(d, role)
        lines.append(f"  {role} có thể: " + (", ".join(o.action for o in options) or "–"))
    click.echo("\n".join(lines))


@dossier.command()
@click.argument("process_code")
@click.option("--unit", required=True, help="Receiving unit code (first part of the dossier code).")
@click.option("--channel", type=click.Choice(["in_person", "online", "post"]), default="in_person", show_default=True)
@click.option("--applicant", "applicant", multiple=True, callback=_parse_pairs, help="NAME=VALUE (repeatable).")
@click.option("--set", "values", multiple=True, callback=_parse_pairs, help="FIELD=VALUE (repeatable).")
@click.option("--comment", default="")
@_actor
@at_option
@_json_option
@click.pass_context
@guarded
def receive(ctx: click.Context, process_code: str, unit: str, channel: Any, applicant: dict[str, str],
            values: dict[str, str], comment: str, actor: str, role: str, at: datetime, output_format: str) -> None:
    """Receive a dossier of PROCESS_CODE; prints its code and appointment (creates the database)."""
    desk = desk_of(ctx, create=True)
    d = desk.receive(process_code, unit=unit, channel=channel, applicant=applicant, data=values, actor=actor,
                     role=role, at=at, comment=comment)
    _print_dossier(d, output_format, desk, role)


@dossier.command()
@click.argument("code")
@click.argument("action")
@click.option("--set", "values", multiple=True, callback=_parse_pairs, help="FIELD=VALUE (repeatable).")
@click.option("--comment", default="")
@click.option("--receiver", default=None, help="Who receives the dossier at the next unit.")
@click.option("--expect-version", type=int, default=None, help="Fail if the dossier changed since this version.")
@_actor
@at_option
@_json_option
@click.pass_context
@guarded
def act(ctx: click.Context, code: str, action: str, values: dict[str, str], comment: str, receiver: str | None,
        expect_version: int | None, actor: str, role: str, at: datetime, output_format: str) -> None:
    """Take ACTION on dossier CODE."""
    desk = desk_of(ctx)
    move = desk.act(code, action, actor=actor, role=role, at=at, data=values, comment=comment, receiver=receiver,
                    expected_version=expect_version)
    _print_dossier(move.dossier, output_format, desk, role)


@dossier.command()
@click.argument("code")
@click.option("--reason", required=True)
@click.option("--stop", "stop_", is_flag=True, help="The agency stops it (default: the applicant withdraws it).")
@_actor
@at_option
@_json_option
@click.pass_context
@guarded
def close(ctx: click.Context, code: str, reason: str, stop_: bool, actor: str, role: str, at: datetime,
          output_format: str) -> None:
    """Withdraw dossier CODE at the applicant's request, or --stop it, with a reason."""
    desk = desk_of(ctx)
    closer = desk.stop if stop_ else desk.withdraw
    move = closer(code, actor=actor, role=role, reason=reason, at=at)
    _print_dossier(move.dossier, output_format, desk)


@dossier.command()
@click.argument("code")
@click.option("--role", default=None, help="Also list the actions this role may take now.")
@_json_option
@click.pass_context
@guarded
def show(ctx: click.Context, code: str, role: str | None, output_format: str) -> None:
    """Show dossier CODE (with a warning, and exit 1, if its row does not match its audit trail)."""
    desk = desk_of(ctx)
    try:
        shown = desk.show(code)
    except DossierTampered as error:
        if not isinstance(error.dossier, Dossier):
            raise
        # Shown for whoever investigates, never acted on: no options, and the exit code says so.
        _print_dossier(error.dossier, output_format, desk)
        click.echo(f"isoflow: warning: {error}", err=True)
        sys.exit(1)
    _print_dossier(shown, output_format, desk, role)


def _event_line(e: Event) -> str:
    move = f"{e.source or '·'} → {e.target or '·'}"
    handover = f"  giao {e.from_unit} → nhận {e.to_unit}" if e.is_handover and e.from_unit else ""
    if e.receiver:
        handover += f" (người nhận: {e.receiver})"
    result = e.data.get("step_result")
    return (f"{e.seq:>3}  {e.at:%Y-%m-%d %H:%M}  {e.kind:<9} {e.action or '':<16} {move}{handover}"
            f"  [{e.actor}/{e.role}]" + (f"  bước: {result}" if result else "")
            + (f"  “{e.comment}”" if e.comment else ""))


@dossier.command()
@click.argument("code")
@_json_option
@click.pass_context
@guarded
def history(ctx: click.Context, code: str, output_format: str) -> None:
    """The audit trail of dossier CODE, oldest first."""
    events = desk_of(ctx).history(code)
    if output_format == "json":
        click.echo(json.dumps([event_to_json(e) for e in events], ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(_event_line(e) for e in events))


@dossier.command()
@click.option("--within", callback=_parse_within, default=None,
              help="Also what falls due within this working time (4h, 2d).")
@at_option
@_json_option
@click.pass_context
@guarded
def due(ctx: click.Context, within: timedelta, at: datetime, output_format: str) -> None:
    """Dossiers and steps overdue, or due soon, as of --at."""
    items = desk_of(ctx).due(at, within)
    if output_format == "json":
        click.echo(json.dumps([{"code": i.dossier.code, "what": i.what, "state": i.dossier.state,
                                "due_at": i.due_at.isoformat(), "overdue": i.overdue,
                                "left_minutes": int(i.left.total_seconds() // 60)} for i in items], indent=2))
        return
    for i in items:
        flag = "QUÁ HẠN" if i.overdue else "sắp đến hạn"
        click.echo(f"{i.dossier.code}  {i.what:<7} {i.dossier.state:<14} hạn {i.due_at:%Y-%m-%d %H:%M}  {flag}")
    click.echo(f"{len(items)} item(s) as of {at:%Y-%m-%d %H:%M}.")


@dossier.command()
@click.option("--worker", required=True, help="This worker's name (leases are per worker).")
@click.option("--within", callback=_parse_within, default=None)
@at_option
@click.pass_context
@guarded
def remind(ctx: click.Context, worker: str, within: timedelta, at: datetime) -> None:
    """Record reminders for due dossiers; safe to run in several workers at once.

    A dossier whose row does not match its audit trail gets none: it is named on stderr, the
    others are reminded, and the exit code is 1."""
    refused: list[DossierTampered] = []
    events = desk_of(ctx).remind(worker, at, within, refused=refused)
    for e in events:
        click.echo(f"{e.dossier}  {e.data.get('what')} due {e.data.get('due_at')}")
    click.echo(f"{len(events)} reminder(s) recorded.")
    for error in refused:
        click.echo(f"isoflow: {error}", err=True)
    if refused:
        sys.exit(1)


@dossier.command()
@click.argument("code", required=False)
@click.option("--trust", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="The agency's trusted root certificate (repeatable; or isoflow dossier --trust): the ledger's "
                   "checkpoints are verified against it.")
@click.pass_context
@guarded
def verify(ctx: click.Context, code: str | None, trust: tuple[str, ...]) -> None:
    """Check one dossier (or the whole store): exit 1 if anything was edited or deleted.

    The hash chain of the events, each dossier row against its events (the row digest the
    newest event recorded, and a structural replay), the row's columns against its body, and,
    for the whole store, the daily code sequences: a code given whose dossier is gone entirely,
    events whose row is gone, a row whose code was never given; the store-wide ledger: a dossier
    deleted whole, events deleted, inserted, reordered or rewritten, a cut tail; with --trust,
    each signed checkpoint (a forger who recomputes the hashes, a store another agency sealed).
    Not detectable: events removed with their ledger rows after the last checkpoint.
    """
    problems: list[Any] = list(desk_of(ctx).verify(code))
    seal_lines: list[str] = []
    trust = trust or ctx.obj.get("trust", ())
    if trust:  # the ledger's signed checkpoints (isoflow.control.seal)
        from isoflow.control.seal import seal_report

        found, seal_lines = seal_report(desk_of(ctx).store, trust)
        problems += found
    for problem in problems:
        click.echo(str(problem))
    for line in seal_lines:
        click.echo(line)
    if problems:
        click.echo(f"{len(problems)} problem(s) found.")
        sys.exit(1)
    click.echo("verified: event chains, dossier rows and code sequences: no problems found.")
