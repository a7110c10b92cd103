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

from isoflow.cli import clerk_text as clerk
from isoflow.desk import Desk
from isoflow.errors import ActionNotAllowed, DossierTampered, IsoflowError, UsageError
from isoflow.i18n import N_, n_
from isoflow.i18n import translate as _
from isoflow.model.definition import NATIONAL_STATUS, ProcessDefinition
from isoflow.model.dossier import Dossier, Event, dossier_to_json, event_to_json
from isoflow.model.expressions import suggest

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


def _refusal(error: IsoflowError) -> str:
    """The error's line, its frame in the language of the command (the engine's own sentence after
    it stays as the engine words it)."""
    text = str(error)
    if not isinstance(error, ActionNotAllowed) or error.action == "receive":
        return text
    frame = f"dossier {error.dossier}: cannot {error.action!r} in step {error.state!r}: "
    if not text.startswith(frame):
        return text
    return _("dossier {code}: cannot {action!r} in step {state!r}: {why}").format(
        code=error.dossier, action=error.action, state=error.state, why=text[len(frame):])


def guarded(function: F) -> F:
    """Turn isoflow's errors into one line and exit 1 (a refusal, not a crash)."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except IsoflowError as error:
            click.echo(f"isoflow: {_refusal(error)}", err=True)
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


def _definition(desk: Desk, d: Dossier) -> ProcessDefinition:
    return desk.engine.process_of(d).definition


def check_role(definition: ProcessDefinition, role: str) -> None:
    """A role the procedure does not know is a mistake to say, not an empty list of actions."""
    if role in {r.id for r in definition.roles}:
        return
    close = suggest(role, [r.id for r in definition.roles])
    roles = ", ".join(f"{r.id} ({r.name})" if r.name else r.id for r in definition.roles)
    hint = _(" (did you mean {close!r}?)").format(close=close) if close else ""
    raise UsageError(_("procedure {code} has no role {role!r}{hint}; its roles: {roles}").format(
        code=definition.code, role=role, hint=hint, roles=roles))


def _options_lines(desk: Desk, d: Dossier, role: str) -> list[str]:
    """What ``role`` may do now, and for each action the fields it needs."""
    definition = _definition(desk, d)
    options = desk.engine.available(d, role)
    if not options:
        return [_("  {role} has no action at this step").format(role=role)]
    lines = [_("  {role} may:").format(role=role)]
    for option in options:
        label = f": {option.label}" if option.label and option.label != option.action else ""
        # An action with alternatives leads where its guard sends it: every possible step is named.
        targets = [a.target for a in definition.actions if a.id == option.action and a.source == d.state
                   and a.target] or [option.target]
        lines.append(f"    {option.action} → {' | '.join(dict.fromkeys(targets))}{label}")
        if option.requires:
            needs = "; ".join(clerk.field_need(definition, name, d.data) for name in option.requires)
            lines.append("      " + _("enter: {fields}").format(fields=needs))
    return lines


def _applicant(d: Dossier) -> str:
    name = d.applicant.get("ho_ten") or d.applicant.get("name") or ""
    return str(name) if name else "–"


def _print_dossier(d: Dossier, output_format: str, desk: Desk, role: str | None = None) -> None:
    if output_format == "json":
        body = dossier_to_json(d)
        if role:
            body["options"] = [o.action for o in desk.engine.available(d, role)]
        click.echo(json.dumps(body, ensure_ascii=False, indent=2))
        return
    process = desk.engine.process_of(d)
    definition = process.definition
    state = process.states.get(d.state)
    # A row edited by hand (shown with a warning) may name a step the procedure does not have.
    step = (f"{state.state.label}" + (f" [{state.state.unit}]" if state.state.unit else "")) if state else \
        _("(not a step of this procedure)")
    status = NATIONAL_STATUS.get(d.status, "") if clerk.current() == "vi" else ""
    lines = [
        _("Dossier {code}  ({process} revision {revision}: {title})").format(
            code=d.code, process=definition.code, revision=d.revision, title=definition.title),
        _("  applicant: {name}").format(name=_applicant(d)),
        _("  step: {state} – {label}").format(state=d.state, label=step),
        _("  national status: {status}").format(status=f"{d.status} {status}".strip()),
        _("  received: {at} ({channel}) at {unit}").format(at=clerk.moment(d.received_at),
                                                           channel=clerk.channel(d.channel), unit=d.receiving_unit),
        _("  appointment: {at}").format(at=clerk.moment(d.clock.due_at)),
    ]
    if d.step.due_at and not d.is_closed:
        lines.append(_("  step due: {at}").format(at=clerk.moment(d.step.due_at)))
    if d.clock.paused_at:
        lines.append(_("  legal time paused since {at}").format(at=clerk.moment(d.clock.paused_at)))
    if d.is_closed:
        lines.append(_("  closed: {at} ({outcome})").format(at=clerk.moment(d.closed_at),
                                                           outcome=clerk.outcome(d.outcome)))
    labels = {f.id: f.labels.get(clerk.current()) or f.labels.get("vi") or "" for f in definition.fields}
    for key, data in d.data.items():
        label = labels.get(key)
        lines.append(f"  {label} ({key}): {clerk.value(data)}" if label else f"  {key}: {clerk.value(data)}")
    if role:
        lines.extend(_options_lines(desk, d, role))
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
    check_role(desk.engine.process_for(process_code, at.date()).definition, role)
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
    check_role(_definition(desk, desk.show(code)), role)
    try:
        move = desk.act(code, action, actor=actor, role=role, at=at, data=values, comment=comment,
                        receiver=receiver, expected_version=expect_version)
    except ActionNotAllowed as refusal:
        better = _with_fields_to_enter(desk, code, action, role, values, refusal)
        raise (_in_words(desk, code, action, role, actor, better) if better is refusal else better) from None
    _print_dossier(move.dossier, output_format, desk, role)


def _with_fields_to_enter(desk: Desk, code: str, action: str, role: str, values: dict[str, str],
                          refusal: ActionNotAllowed) -> ActionNotAllowed:
    """A refusal for data the clerk has not entered says which fields to enter.

    The engine refuses an action whose guard reads a field nobody entered as a guard that does
    not hold ("its condition does not hold"); to the clerk, the fields the action needs that are
    still empty are what to do next.
    """
    if refusal.reason not in ("guard", "missing-data"):
        return refusal
    d = desk.show(code)
    definition = _definition(desk, d)
    entered = {**d.data, **{k: v for k, v in values.items() if v.strip()}}
    needed: list[str] = []
    for candidate in definition.actions:
        if candidate.id == action and candidate.source == d.state:
            needed.extend(n for n in candidate.requires or () if entered.get(n) in (None, "") and n not in needed)
    if not needed:
        return refusal
    fields = "; ".join(clerk.field_need(definition, name, {}) for name in needed)
    how = " ".join(f"--set {name}=..." for name in needed)
    return ActionNotAllowed(code, action, d.state, "missing-data",
                            _("enter {fields} ({how})").format(fields=fields, how=how))


def _why(refusal: ActionNotAllowed) -> str:
    return str(refusal).split(f"in step {refusal.state!r}: ", 1)[-1]


def _in_words(desk: Desk, code: str, action: str, role: str, actor: str,
              refusal: ActionNotAllowed) -> ActionNotAllowed:
    """The engine's sentence for the common refusals, in the language of the command.

    Each is rebuilt from the procedure with the engine's own English wording and used only when
    it says exactly what the engine said; otherwise the engine's sentence stands as it is.
    """
    d = desk.show(code)
    definition = _definition(desk, d)
    here = [a for a in definition.actions if a.source == d.state]
    alternatives = [a for a in here if a.id == action]
    ids = ", ".join(sorted({a.id for a in here})) or "none"
    roles = ", ".join(sorted({r for a in alternatives for r in a.roles or ()}))
    guarded = [a for a in alternatives if role in (a.roles or ()) and a.when]
    guards = "; ".join(f"{a.when!r} (to {a.target})" for a in guarded)
    said: dict[str, str] = {
        "wrong-state": N_("{action!r} is not possible from this step; possible here: {ids}"),
        "unknown-action": N_("{action!r} is not an action of this procedure; possible here: {ids}"),
        "role": N_("role {role!r} is not permitted (permitted: {roles})"),
        "guard": N_("its condition does not hold: {guards}"),
        "self-approval": N_("{actor!r} prepared this dossier and may not approve it (segregation of duties)"),
    }
    if refusal.reason == "closed" and d.closed_at is not None:
        english = f"the dossier was closed on {d.closed_at:%Y-%m-%d %H:%M} ({d.outcome})"
        words = _("the dossier was closed on {at} ({outcome})").format(at=clerk.moment(d.closed_at),
                                                                       outcome=clerk.outcome(d.outcome))
    elif refusal.reason in said:
        template = said[refusal.reason]
        values = {"action": action, "ids": ids, "role": role, "roles": roles, "guards": guards, "actor": actor}
        english = template.format(**values)
        values["guards"] = "; ".join(_("{guard!r} (to {target})").format(guard=a.when, target=a.target)
                                     for a in guarded)
        words = _(template).format(**values)
    else:
        return refusal
    if english != _why(refusal):
        return refusal  # the engine words it otherwise now: its sentence stands
    return ActionNotAllowed(code, action, refusal.state, refusal.reason, words)


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
    check_role(_definition(desk, desk.show(code)), role)
    closer = desk.stop if stop_ else desk.withdraw
    try:
        move = closer(code, actor=actor, role=role, reason=reason, at=at)
    except ActionNotAllowed as refusal:
        better = _with_exits(desk, code, "stopped" if stop_ else "withdrawn", role, refusal)
        raise (_in_words(desk, code, refusal.action, role, actor, better) if better is refusal else better) from None
    _print_dossier(move.dossier, output_format, desk)


def _with_exits(desk: Desk, code: str, outcome: str, role: str, refusal: ActionNotAllowed) -> ActionNotAllowed:
    """A refusal to withdraw or stop from this step says from which steps the role can."""
    if refusal.reason != "no-such-exit":
        return refusal
    definition = _definition(desk, desk.show(code))
    ends = {s.id for s in definition.states if s.outcome == outcome}
    steps = sorted({a.source for a in definition.actions if a.target in ends and role in (a.roles or ())})
    if not steps:
        return refusal
    return ActionNotAllowed(code, refusal.action, refusal.state, refusal.reason, str(refusal).split(": ", 2)[-1]
                            + "; " + _("{role} can do it from the steps: {steps}").format(role=role,
                                                                                       steps=", ".join(steps)))


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
    if role:
        check_role(_definition(desk, shown), role)
    _print_dossier(shown, output_format, desk, role)


_KINDS = {"received": N_("received"), "moved": N_("moved"), "extended": N_("extended"), "reminded": N_("reminded")}


def _event_line(e: Event) -> str:
    move = f"{e.source or '·'} → {e.target or '·'}"
    handover = _("  handed over {source} → received by {target}").format(source=e.from_unit, target=e.to_unit) \
        if e.is_handover and e.from_unit else ""
    if e.receiver:
        handover += _(" (receiver: {name})").format(name=e.receiver)
    result = e.data.get("step_result")
    kind = _(_KINDS.get(e.kind, e.kind))
    return (f"{e.seq:>3}  {clerk.moment(e.at)}  {kind:<9} {e.action or '':<16} {move}{handover}"
            f"  [{e.actor}/{e.role}]" + (_("  step: {result}").format(result=clerk.result(result)) if result else "")
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
    """Dossiers and steps overdue, or due soon, as of --at, with the applicant, the procedure and
    who holds the dossier; times left are working time."""
    items = desk_of(ctx).due(at, within)
    if output_format == "json":
        click.echo(json.dumps([{"code": i.dossier.code, "what": i.what, "state": i.dossier.state,
                                "due_at": i.due_at.isoformat(), "overdue": i.overdue,
                                "left_minutes": int(i.left.total_seconds() // 60)} for i in items], indent=2))
        return
    desk = desk_of(ctx)
    for i in items:
        definition = _definition(desk, i.dossier)
        state = next((s for s in definition.states if s.id == i.dossier.state), None)
        holder = " / ".join(x for x in (_unit_name(definition, state.unit if state else None),
                                         state.role if state else None) if x) or "–"
        what = _("dossier") if i.what == "dossier" else _("step")
        left = (_("overdue by {time}") if i.overdue else _("{time} left")).format(time=clerk.duration(i.left))
        click.echo(f"{i.dossier.code}  {what} {i.dossier.state}  " + _("due {at}").format(at=clerk.moment(i.due_at))
                   + f"  {left}")
        click.echo("    " + _("applicant: {name}; {title}; held by {holder}").format(
            name=_applicant(i.dossier), title=definition.title, holder=holder))
    click.echo(n_("{n} dossier or step due as of {at}.", "{n} dossiers or steps due as of {at}.", len(items)).format(
        n=len(items), at=clerk.moment(at)) + " " + _("Times left are working time (the agency's working hours)."))


def _unit_name(definition: ProcessDefinition, unit: str | None) -> str | None:
    found = next((u for u in definition.units if u.id == unit), None)
    return (found.name or found.id) if found else unit


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
        what = _("dossier") if e.data.get("what") == "dossier" else _("step")
        due_at = e.data.get("due_at")
        when = clerk.moment(datetime.fromisoformat(due_at)) if isinstance(due_at, str) else clerk.value(due_at)
        click.echo(f"{e.dossier}  {what} " + _("due {at}").format(at=when))
    click.echo(n_("{n} reminder recorded.", "{n} reminders recorded.", len(events)).format(n=len(events)))
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
        click.echo(n_("{n} problem found.", "{n} problems found.", len(problems)).format(n=len(problems)))
        sys.exit(1)
    click.echo(_("verified: event chains, dossier rows and code sequences: no problems found."))
