"""P002 doctype-forbidden: process files carry no DOCTYPE.

What it checks: the file has no ``<!DOCTYPE ...>`` declaration.
Why it matters: a DTD is the door to entity tricks (external entities that read local files,
"billion laughs" expansion).  Process files need none, so isoflow refuses any.
Flagged: ``<!DOCTYPE process [<!ENTITY x SYSTEM "file:///etc/passwd">]>``.
Accepted: a file that starts with ``<?xml ...?>`` and then ``<process ...>``.
Fix: delete the DOCTYPE declaration and write the text the entities stood for.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("P002", "doctype-forbidden", Severity.ERROR, __doc__)
