"""T002 budget-exceeds-limit: the step budgets fit within the legal time limit.

What it checks: along the longest path the legal clock runs, the step budgets add up to no
more than the procedure's legal time limit (working days × hours per day, working hours,
or one working day for same-day procedures).  The clock runs from the initial step to a
``granted`` outcome, or until a supplement request (a waiting step) stops it; after the
supplement it starts again from zero.  A waiting step with ``clock="pause"`` (a financial
obligation) only pauses it.  Rework loops (back edges) are not counted.
Why it matters: provinces publish internal procedures whose step times do not add up to
the legal limit (0.5 + 9 + 2 + 0.5 = 12 days against 10 published); a dossier that follows
such a procedure to the letter is late by design.
Flagged: budgets 1d + 2d + 1d + 0.5d on the way to ``da_tra_ket_qua`` with
``<time-limit working-days="3"/>``.
Accepted: budgets that add up to 3 days or less.
Fix: shorten the budgets of the steps listed in the message, or correct the legal limit.
"""

from collections.abc import Iterable, Iterator
from decimal import Decimal

from isoflow.model.definition import ProcessDefinition, TimeLimit
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("T002", "budget-exceeds-limit", Severity.ERROR, __doc__)


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


def longest_path(process: ProcessDefinition) -> tuple[Decimal, list[str]]:
    """The most working hours the legal clock may run along one path, and that path.

    A stretch of the clock ends at a granted outcome, or at a waiting step that restarts
    it (a supplement request); a waiting step that only pauses it counts as zero and the
    stretch goes on.  Steps after a restarting wait begin a new stretch.
    """
    states = process.state_by_id
    restart = {s.id for s in process.states if s.restarts_clock}
    # Rework loops are the back edges of one walk of the whole graph from the initial step,
    # so which edges count does not depend on where a stretch of the clock starts.
    whole: dict[str, list[str]] = {sid: [] for sid in states}
    for action in process.actions:
        if action.source in states and action.target in states:
            whole[action.source].append(action.target)  # type: ignore[arg-type]
    forward = _dag(whole, [s.id for s in process.initial_states] + list(states))
    dag = {sid: targets for sid, targets in forward.items() if sid not in restart}
    starts = [s.id for s in process.initial_states if s.id not in restart]
    starts += [t for sid in restart for t in forward[sid] if t not in restart]
    hpd = process.hours_per_day
    best: dict[str, tuple[Decimal, list[str]] | None] = {}

    def walk(node: str) -> tuple[Decimal, list[str]] | None:
        if node in best:
            return best[node]
        best[node] = None
        state = states[node]
        if node in restart:
            result: tuple[Decimal, list[str]] | None = (Decimal(0), [node])
        elif state.is_final:
            result = (Decimal(0), [node]) if state.outcome == "granted" else None
        else:
            tails = [t for t in (walk(child) for child in dag.get(node, ())) if t is not None]
            if tails:
                hours, path = max(tails, key=lambda t: t[0])
                own = state.budget.hours(hpd) if state.budget and state.effective_kind == "work" else Decimal(0)
                result = (own + hours, [node, *path])
            else:
                result = None
        best[node] = result
        return result

    found = [r for r in (walk(s) for s in dict.fromkeys(starts)) if r is not None]
    return max(found, key=lambda t: t[0]) if found else (Decimal(0), [])


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}h"


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    if process.procedure is None:
        return ()
    limit = process.procedure.time_limit
    if limit.hours is None:
        return [rule.at(process.location, "the legal time limit names no duration",
                        hint='write working-days="N", working-hours="N" or same-day="true"',
                        location=limit.location)]
    hpd = process.hours_per_day
    if sum(s.budget.hours(hpd) for s in context.facts(process).work if s.budget) <= limit.hours:
        return ()  # even every budget together fits: no path can exceed the limit
    return _findings(process, limit, limit.hours)


def _findings(process: ProcessDefinition, limit: TimeLimit, hours: Decimal) -> Iterator[Finding]:
    total, path = longest_path(process)
    if total > hours:
        steps = " → ".join(f"{sid} {process.state_by_id[sid].budget}" for sid in path
                           if process.state_by_id[sid].budget is not None)
        in_hours = "" if limit.working_hours is not None else f" ({_hours(hours)})"
        yield rule.at(process.location,
                      f"step budgets on the longest path the legal clock runs add up to {_hours(total)}, "
                      f"over the legal limit of {limit}{in_hours}: {steps}",
                      hint="shorten these budgets or correct the legal time limit", location=limit.location)
