"""The rule catalogue: every code ``isoflow validate`` can report, in a fixed order.

One module per rule, named ``<code>_<slug>``; each declares ``rule`` and documents what it
checks, why, what is flagged and accepted, and how to fix it.  ``P`` rules are reported by
the loader (a file that fails them is not checked further); the others are checks run on
the definition.  ``M`` rules check the form templates a process uses; ``B`` rules check the
Gherkin feature files (``*.feature``) validated beside the processes; ``U`` rules check the
``<suppress>`` elements themselves.  Codes are stable and never reused.
"""

from __future__ import annotations

from isoflow.validation.rules import (
    b001_feature_not_nfc,
    b002_unknown_procedure,
    b003_unknown_action,
    b004_unknown_name,
    b005_feature_syntax,
    b006_unknown_step,
    f001_unreachable_state,
    f002_trap_state,
    f003_duplicate_action,
    f004_ambiguous_alternatives,
    i001_unknown_inherited,
    m001_unknown_template,
    m002_template_fails,
    n001_text_not_nfc,
    n002_action_without_label,
    p001_xml_syntax,
    p002_doctype_forbidden,
    p003_file_too_large,
    p004_not_a_process,
    p005_xinclude_forbidden,
    p006_xml_schema,
    q001_purpose_scope,
    q002_record_retention,
    q003_document_control,
    q004_replaced_act,
    q005_revision_changed,
    r001_action_without_roles,
    r002_self_approval,
    r003_step_without_owner,
    s001_duplicate_id,
    s002_initial_state,
    s003_unresolved_reference,
    s004_final_state_has_actions,
    s005_unknown_base,
    s006_final_outcome,
    s007_duplicate_code,
    s008_reschedule_field,
    s009_field_range,
    t001_missing_budget,
    t002_budget_exceeds_limit,
    u001_unknown_suppression,
    u002_unused_suppression,
    x001_expression_syntax,
    x002_unknown_field,
    x003_effect_value,
    x004_constant_guard,
)
from isoflow.validation.rules._api import Context, Rule, TemplateLookup

__all__ = ["ALL_RULES", "MODULES", "Context", "Rule", "TemplateLookup", "by_code"]

MODULES = (
    p001_xml_syntax, p002_doctype_forbidden, p003_file_too_large, p004_not_a_process,
    p005_xinclude_forbidden, p006_xml_schema,
    s001_duplicate_id, s002_initial_state, s003_unresolved_reference, s004_final_state_has_actions,
    s005_unknown_base, s006_final_outcome, s007_duplicate_code, s008_reschedule_field, s009_field_range,
    i001_unknown_inherited,
    f001_unreachable_state, f002_trap_state, f003_duplicate_action, f004_ambiguous_alternatives,
    x001_expression_syntax, x002_unknown_field, x003_effect_value, x004_constant_guard,
    t001_missing_budget, t002_budget_exceeds_limit,
    r001_action_without_roles, r002_self_approval, r003_step_without_owner,
    q001_purpose_scope, q002_record_retention, q003_document_control, q004_replaced_act, q005_revision_changed,
    n001_text_not_nfc, n002_action_without_label,
    m001_unknown_template, m002_template_fails,
    b001_feature_not_nfc, b002_unknown_procedure, b003_unknown_action, b004_unknown_name, b005_feature_syntax,
    b006_unknown_step,
    u001_unknown_suppression, u002_unused_suppression,
)
ALL_RULES: tuple[Rule, ...] = tuple(module.rule for module in MODULES)
_BY_CODE = {rule.code: rule for rule in ALL_RULES}


def by_code(code: str) -> Rule | None:
    """The rule with this code (case-insensitive), or ``None``."""
    return _BY_CODE.get(code.upper())
