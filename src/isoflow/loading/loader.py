"""Loading a process file: read, parse, check against the schema, build the definition.

A file that cannot be used becomes findings with a location (P001-P006), never a traceback;
a usable one becomes a frozen :class:`~isoflow.model.definition.ProcessDefinition`.  The steps
live in :mod:`~isoflow.loading.parser`, :mod:`~isoflow.loading.schema_messages` and
:mod:`~isoflow.loading.builder`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from isoflow.loading.builder import build
from isoflow.loading.parser import NS, Parsed, parse, read_bytes, schema
from isoflow.loading.schema_messages import not_a_process, schema_findings, xinclude_finding
from isoflow.model.definition import ProcessDefinition
from isoflow.model.findings import Finding

__all__ = ["LoadResult", "load_bytes", "load_file", "read_bytes", "schema"]


@dataclass(frozen=True, slots=True)
class LoadResult:
    """A file's definition (``None`` if unusable) and the findings made while loading it."""

    path: str
    definition: ProcessDefinition | None
    findings: tuple[Finding, ...]


def load_file(path: Path, display: str | None = None) -> LoadResult:
    """Load one process file.  ``OSError`` (missing, unreadable) is the caller's to report."""
    return load_bytes(read_bytes(path), display or str(path))


def load_bytes(data: bytes, path: str) -> LoadResult:
    """Parse, check and build one process file held in memory."""
    parsed = parse(data, path)
    if not isinstance(parsed, Parsed):
        return LoadResult(path, None, (parsed,))
    root, source = parsed.root, parsed.source
    if root.tag not in (NS + "process", NS + "flow"):
        return LoadResult(path, None, (not_a_process(root, path, source),))
    xsd = schema()
    if not xsd.validate(root.getroottree()):
        # The schema admits no element of another namespace, so an XInclude element always
        # fails it: looking for one only here costs valid files nothing.
        xinclude = xinclude_finding(root, source, path, parsed.references, data)
        if xinclude is not None:
            return LoadResult(path, None, (xinclude,))
        return LoadResult(path, None, tuple(schema_findings(xsd.error_log, root, path, source)))
    return LoadResult(path, build(root, path, source), ())
