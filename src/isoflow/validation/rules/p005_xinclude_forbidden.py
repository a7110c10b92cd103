"""P005 xinclude-forbidden: process files do not include other files.

What it checks: no element of the XInclude namespace appears in the file.
Why it matters: XInclude reads arbitrary local files even through a hardened parser, and a
catalogue must not depend on file paths.  Reuse goes through ``extends`` by code instead.
Flagged: ``<xi:include href="common.xml"/>``.
Accepted: ``<process ... extends="MC-CHUNG">``.
Fix: put the shared part in a ``<flow>`` and write ``extends="ITS-CODE"`` on the process.
"""

from isoflow.loading.diagnostics import XINCLUDE_FORBIDDEN
from isoflow.validation.rules._api import Rule

# The loader makes these findings itself, through the identity it shares with this module.
rule = Rule.of(XINCLUDE_FORBIDDEN, __doc__)
