"""P004 not-a-process: the root element is an isoflow ``<process>`` or ``<flow>``.

What it checks: the document element is ``process`` or ``flow`` in the namespace
``urn:isoflow:process:1``.
Why it matters: an XML file of another kind (a Maven pom, an SVG, a process without the
namespace) in a process folder would otherwise be ignored silently.
Flagged: ``<process code="X">`` without ``xmlns``; ``<svg>`` in ``processes/``.
Accepted: ``<process xmlns="urn:isoflow:process:1" ...>``.
Fix: add ``xmlns="urn:isoflow:process:1"`` to the root, or move the file out of the folder.
"""

from isoflow.loading.diagnostics import NOT_A_PROCESS
from isoflow.validation.rules._api import Rule

# The loader makes these findings itself, through the identity it shares with this module.
rule = Rule.of(NOT_A_PROCESS, __doc__)
