"""P004 not-a-process: the root element is an isoflow ``<process>`` or ``<flow>``.

What it checks: the document element is ``process`` or ``flow`` in the namespace
``urn:isoflow:process:1``.
Why it matters: an XML file of another kind (a Maven pom, an SVG, a process without the
namespace) in a process folder would otherwise be ignored silently.
Flagged: ``<process code="X">`` without ``xmlns``; ``<svg>`` in ``processes/``.
Accepted: ``<process xmlns="urn:isoflow:process:1" ...>``.
Fix: add ``xmlns="urn:isoflow:process:1"`` to the root, or move the file out of the folder.
"""

from isoflow.validation.rules._api import Rule, Severity

rule = Rule("P004", "not-a-process", Severity.ERROR, __doc__)
