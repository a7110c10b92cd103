"""T002 budget-exceeds-limit: the step budgets fit within the legal time limit.

What it checks: along the longest path the legal clock runs, the step budgets add up to no
more than the legal time limit that applies on that path (working days × hours per day,
working hours, one working day for same-day procedures).  The clock runs from the initial step
to a ``granted`` outcome, or until a supplement request (a waiting step) stops it; after the
supplement it starts again from zero.  A waiting step with ``clock="pause"`` (a financial
obligation) only pauses it.  Rework loops (back edges) are not counted.
Cases (``<case when="can_xac_minh" working-days="5">``): a path on which an action makes the
case's guard hold (an effect ``<set field="can_xac_minh" value="True"/>``), or lets the actor
enter a field the guard reads (``requires``), is checked against the case's limit; a path on
which no action sets the case is checked against the procedure's own limit (an action that only
lets the actor enter the field is on both: the actor may enter either value).
Calendar days (``days="15"``, counted by the Civil Code, Arts. 147-148) are compared
conservatively: budgets are working time, so the limit counts as the fewest working days that
many calendar days can hold on a five-day week, whatever the weekday of receipt (15 days: at
least 11 working days, 88 hours).  Holidays are not taken out: a fixed budget cannot fit every
Tết; the engine counts them on the real calendar.
Why it matters: provinces publish internal procedures whose step times do not add up to
the legal limit (0.5 + 9 + 2 + 0.5 = 12 days against 10 published); a dossier that follows
such a procedure to the letter is late by design.
Flagged: budgets 1d + 2d + 1d + 0.5d on the way to ``da_tra_ket_qua`` with
``<time-limit working-days="3"/>``; a verification step of 6 days on the path that opens a
case of ``working-days="5"``.
Accepted: budgets that add up to 3 days or less; a same-day path of 8 hours beside a
verification path of 5 days.
Fix: shorten the budgets of the steps listed in the message, or correct the legal limit.
"""

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from isoflow.errors import ExpressionEvaluationError, ExpressionSyntaxError
from isoflow.i18n import translate as _
from isoflow.model.definition import Action, LimitCase, ProcessDefinition, Term, term_hours
from isoflow.model.expressions import Expression, parse_expression
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("T002", "budget-exceeds-limit", Severity.ERROR, __doc__)

#: How an action stands to a case: it sets it (its effects make the guard hold), it may set it
#: (the actor enters a field the guard reads), or neither.
SETS, MAY_SET, NEITHER = 2, 1, 0


def _dag(graph: dict[str, list[str]], starts: list[str]) -> dict[str, list[str]]:
    """``graph`` without the back edges found by a depth-first walk from ``starts``."""
    colour: dict[str, int] = {}
    dag: dict[str, list[str]] = {node: [] for node in graph}
    for start in starts:
        if start in colour:
            continue
        colour[start] = 1
        stack = [(start, iter(graph.get(start, ())))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                colour[node] = 2
                stack.pop()
            elif colour.get(child) != 1:
                dag[node].append(child)
                if child not in colour:
                    colour[child] = 1
                    stack.append((child, iter(graph.get(child, ()))))
    return dag


def longest_path(process: ProcessDefinition, opening: Mapping[int, int] | None = None,
                 case: bool = False) -> tuple[Decimal, list[str]]:
    """The most working hours the legal clock may run along one path, and that path.

    A stretch of the clock ends at a granted outcome, or at a waiting step that restarts
    it (a supplement request); a waiting step that only pauses it counts as zero and the
    stretch goes on.  Steps after a restarting wait begin a new stretch.

    ``opening`` maps an action (its index in ``process.actions``) to how it stands to one case
    (:data:`SETS`, :data:`MAY_SET`); without ``case`` the paths through an action that sets it
    are left out (another limit applies there), with ``case`` only the paths through an action
    that sets or may set it count (a stretch after a supplement may have it set already: the
    dossier's data stays).
    """
    states = process.state_by_id
    opening = opening or {}
    restart = {s.id for s in process.states if s.restarts_clock}
    # Rework loops are the back edges of one walk of the whole graph from the initial step,
    # so which edges count does not depend on where a stretch of the clock starts.
    whole: dict[str, list[str]] = {sid: [] for sid in states}
    for action in process.actions:
        if action.source in states and action.target in states:
            whole[action.source].append(action.target)  # type: ignore[arg-type]
    forward = _dag(whole, [s.id for s in process.initial_states] + list(states))
    edges: dict[str, list[tuple[str, int]]] = {sid: [] for sid in states}
    for index, action in enumerate(process.actions):
        target = action.target
        if action.source not in restart and target in forward.get(action.source, ()):
            stand = opening.get(index, NEITHER)
            if stand == SETS and not case:
                continue
            edges[action.source].append((target, stand))  # type: ignore[arg-type]
    starts = [(s.id, False) for s in process.initial_states if s.id not in restart]
    starts += [(t, case) for sid in restart for t in forward[sid] if t not in restart]
    hpd = process.hours_per_day
    best: dict[tuple[str, bool], tuple[Decimal, list[str]] | None] = {}

    def walk(node: str, opened: bool) -> tuple[Decimal, list[str]] | None:
        key = (node, opened)
        if key in best:
            return best[key]
        best[key] = None
        state = states[node]
        ends = opened or not case
        if node in restart:
            result: tuple[Decimal, list[str]] | None = (Decimal(0), [node]) if ends else None
        elif state.is_final:
            result = (Decimal(0), [node]) if state.outcome == "granted" and ends else None
        else:
            tails = [t for t in (walk(child, opened or stand != NEITHER)
                                 for child, stand in dict.fromkeys(edges.get(node, ()))) if t is not None]
            if tails:
                hours, path = max(tails, key=lambda t: t[0])
                own = state.budget.hours(hpd) if state.budget and state.effective_kind == "work" else Decimal(0)
                result = (own + hours, [node, *path])
            else:
                result = None
        best[key] = result
        return result

    found = [r for r in (walk(*s) for s in dict.fromkeys(starts)) if r is not None]
    return max(found, key=lambda t: t[0]) if found else (Decimal(0), [])


def openings(process: ProcessDefinition, guard: Expression) -> dict[int, int]:
    """How each action stands to a case with ``guard``: its effects with constant values make
    the guard hold (:data:`SETS`), or the actor enters a field the guard reads (:data:`MAY_SET`)."""
    read = {ref.name for ref in guard.names}
    found: dict[int, int] = {}
    for index, action in enumerate(process.actions):
        if _sets(action, guard, read):
            found[index] = SETS
        elif read & set(action.requires or ()):
            found[index] = MAY_SET
    return found


def _sets(action: Action, guard: Expression, read: set[str]) -> bool:
    values: dict[str, Any] = {}
    for effect in action.effects or ():
        if effect.field not in read:
            continue
        try:
            expression = parse_expression(effect.value)
            if not expression.names:
                values[effect.field] = expression.evaluate({})
        except (ExpressionSyntaxError, ExpressionEvaluationError):
            continue  # X001 reports it; a value computed from the dossier is not known here
    if not values:
        return False
    try:
        return bool(guard.evaluate(values))
    except ExpressionEvaluationError:
        return False


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}h"


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    if process.procedure is None:
        return ()
    limit = process.procedure.time_limit
    if limit.hours is None:
        return [rule.at(process.location, _("the legal time limit names no duration"),
                        hint=_('write working-days="N", working-hours="N", days="N" or same-day="true"'),
                        location=limit.location)]
    findings = []
    hpd = process.hours_per_day
    for case in limit.cases:
        if term_hours(case, hpd) is None:
            findings.append(rule.at(process.location,
                                    _("the time-limit case {case!r} names no duration").format(case=case.when),
                                    hint=_('write working-days="N", working-hours="N", days="N" or same-day="true"'),
                                    location=case.location))
    total = sum((s.budget.hours(hpd) for s in context.facts(process).work if s.budget), Decimal(0))
    if not limit.cases:
        if total <= limit.hours:
            return findings  # even every budget together fits: no path can exceed the limit
        return [*findings, *_findings(process, limit, limit.hours, {}, False, None)]
    guards: list[tuple[LimitCase, Expression]] = []
    for case in limit.cases:
        try:
            guards.append((case, parse_expression(case.when)))
        except ExpressionSyntaxError:
            continue  # X001 reports it
    setting: dict[int, int] = {}
    for _case, guard in guards:
        for index, stand in openings(process, guard).items():
            setting[index] = max(setting.get(index, NEITHER), stand)
    findings.extend(_findings(process, limit, limit.hours, setting, False, None))
    for alternative, guard in guards:
        hours = term_hours(alternative, hpd)
        if hours is not None and total > hours:
            findings.extend(_findings(process, alternative, hours, openings(process, guard), True, alternative.when))
    return findings


def _term(limit: Term) -> str:
    """The limit in words, as :meth:`Term.describe_term` says it, in the current language."""
    kind = limit.kind
    if kind == "working-hours":
        return _("{hours} working hours").format(hours=f"{limit.working_hours.normalize():f}")  # type: ignore[union-attr]
    if kind == "working-days":
        return _("{days} working days").format(days=f"{limit.working_days.normalize():f}")  # type: ignore[union-attr]
    if kind == "days":
        return _("{days} days").format(days=limit.days)
    return _("the same working day") if kind == "same-day" else _("no duration")


def _findings(process: ProcessDefinition, limit: Term, hours: Decimal, opening: Mapping[int, int], case: bool,
              when: str | None) -> Iterator[Finding]:
    total, path = longest_path(process, opening, case)
    if total > hours:
        steps = " → ".join(f"{sid} {process.state_by_id[sid].budget}" for sid in path
                           if process.state_by_id[sid].budget is not None)
        term = _term(limit) if limit.working_hours is not None else f"{_term(limit)} ({_hours(hours)})"
        message = (_("step budgets on the longest path the legal clock runs add up to {total}, over the legal "
                     "limit of {limit}: {steps}") if when is None else
                   _("step budgets on the longest path the legal clock runs where the case {case!r} applies add "
                     "up to {total}, over the legal limit of {limit}: {steps}"))
        yield rule.at(process.location, message.format(total=_hours(total), limit=term, steps=steps, case=when),
                      hint=_("shorten these budgets or correct the legal time limit"), location=limit.location)
