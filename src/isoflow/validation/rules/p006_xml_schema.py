"""P006 xml-schema: the file follows the isoflow XSD.

What it checks: every element and attribute is one the schema allows, in the allowed order,
with a value of the right type (dates, durations such as ``4h`` or ``0.5d``, codes, enums).
All violations are reported, each with its line and column.
Why it matters: the schema is the contract that editors, the validator and the engine
share; it also gives completion and Vietnamese hover help in an XML editor.
Flagged: ``<state id="a" budget="3 ngày"/>``; ``<action>`` without ``from``.
Accepted: ``<state id="a" budget="3d"/>``.
Fix: follow the message; bind the schema in your editor (README, "Editor support").
"""

from isoflow.loading.diagnostics import XML_SCHEMA
from isoflow.validation.rules._api import Rule

# The loader makes these findings itself, through the identity it shares with this module.
rule = Rule.of(XML_SCHEMA, __doc__)
