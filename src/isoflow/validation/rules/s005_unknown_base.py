"""S005 unknown-base: the flow a process extends is in the catalogue.

What it checks: ``extends="CODE"`` names a flow (or process) whose file is in the catalogue
being validated, that loads cleanly, and that does not extend back (no cycles).
Why it matters: a procedure that builds on a shared flow is incomplete without it; the
engine could not run it.
Flagged: ``<process ... extends="MC-CHUNK">`` when the catalogue has ``MC-CHUNG``.
Accepted: ``extends="MC-CHUNG"`` with ``processes/mot-cua-chung.xml`` declaring
``<flow code="MC-CHUNG">``.
Fix: correct the code, or validate the folder that holds the flow (``isoflow validate
processes/``, or ``--catalogue DIR``).
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("S005", "unknown-base", Severity.ERROR, __doc__)
