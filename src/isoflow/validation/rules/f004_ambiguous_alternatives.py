"""F004 ambiguous-alternatives: alternatives under one action id can be told apart.

What it checks: when several actions leave one state with the same id (for example
``kiem_tra`` leading to acceptance, supplement or refusal), either every one has a ``when``
guard, or exactly one is marked ``default="true"`` and carries no guard.
Why it matters: the engine must know which way the dossier goes when an officer takes the
action; two unguarded alternatives make the outcome depend on document order.
Flagged: two ``<action id="kiem_tra" from="tiep_nhan">`` without ``when`` and without a default.
Accepted: ``when="ho_so_day_du"`` on one and ``default="true"`` on the other.
Fix: add ``when`` guards, or mark the fallback ``default="true"``.
"""

from collections.abc import Iterable, Iterator
from itertools import compress
from operator import eq, not_, truth

from isoflow.i18n import translate as _
from isoflow.model.definition import Action, ProcessDefinition
from isoflow.model.findings import Finding
from isoflow.validation.rules._api import Context, Rule, Severity

rule = Rule("F004", "ambiguous-alternatives", Severity.ERROR, __doc__)


@rule
def check(process: ProcessDefinition, context: Context) -> Iterable[Finding]:
    # Reported are: an action with neither guard nor default, or with both (``odd``), that
    # shares its id and source with another action; and a second default of an id and source.
    # When neither occurs, there is nothing to group.
    facts = context.facts(process)
    keys = list(zip(facts.ids, facts.sources, strict=True))
    is_default = list(map(truth, facts.defaults))
    odd = list(map(eq, map(truth, facts.whens), is_default))
    at, default_keys = list(compress(keys, odd)), list(compress(keys, is_default))
    unique = set(at)
    if len(unique) == len(at) and unique.isdisjoint(compress(keys, map(not_, odd))) \
            and len(set(default_keys)) == len(default_keys):
        return ()
    return _findings(process)


def _findings(process: ProcessDefinition) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list[Action]] = {}
    for action in process.actions:
        groups.setdefault((action.id, action.source), []).append(action)
    for group in groups.values():
        if len(group) < 2 or len({a.target for a in group}) < 2:
            continue
        defaults = [a for a in group if a.default]
        unguarded = [a for a in group if not a.when and not a.default]
        for extra in defaults[1:]:
            yield rule.at(extra, _("action {action!r} from {source!r} to {target!r} is a second default (the first "
                                   "goes to {first!r})").format(action=extra.id, source=extra.source,
                                                                target=extra.target, first=defaults[0].target),
                          hint=_('keep default="true" on one alternative'), location=extra.location.of("default"))
        for action in defaults:
            if action.when:
                yield rule.at(action, _("default action {action!r} from {source!r} to {target!r} also has a "
                                        "guard").format(action=action.id, source=action.source, target=action.target),
                              hint=_("a default applies when no guard holds; remove its when"),
                              location=action.location.of("when"))
        for action in unguarded:
            yield rule.at(action, _("action {action!r} from {source!r} to {target!r} is one of {count} alternatives "
                                    "and has no guard").format(action=action.id, source=action.source,
                                                               target=action.target, count=len(group)),
                          hint=_('add when="..." or mark one alternative default="true"'))
