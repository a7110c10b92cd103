"""P002 doctype-forbidden: process files carry no DOCTYPE.

What it checks: the file has no ``<!DOCTYPE ...>`` declaration.
Why it matters: a DTD is the door to entity tricks (external entities that read local files,
"billion laughs" expansion).  Process files need none, so isoflow refuses any.
Flagged: ``<!DOCTYPE process [<!ENTITY x SYSTEM "file:///etc/passwd">]>``.
Accepted: a file that starts with ``<?xml ...?>`` and then ``<process ...>``.
Fix: delete the DOCTYPE declaration and write the text the entities stood for.
"""

from isoflow.loading.diagnostics import DOCTYPE_FORBIDDEN
from isoflow.validation.rules._api import Rule

# The loader makes these findings itself, through the identity it shares with this module.
rule = Rule.of(DOCTYPE_FORBIDDEN, __doc__)
