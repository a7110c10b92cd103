"""P001 xml-syntax: the file is well-formed XML.

What it checks: the file parses as XML: it is not empty, every tag is closed, the encoding
declaration matches the bytes, and there are no undefined entities or stray binary data.
Why it matters: nothing else can be checked in a file that does not parse.
Flagged: ``<state id="a"></stat>`` (tags do not match); an empty file; a binary file.
Accepted: any well-formed XML document.
Fix: correct the XML at the line and column given; an XML-aware editor shows the error too.
"""

from isoflow.loading.diagnostics import XML_SYNTAX
from isoflow.validation.rules._api import Rule

# The loader makes these findings itself, through the identity it shares with this module.
rule = Rule.of(XML_SYNTAX, __doc__)
