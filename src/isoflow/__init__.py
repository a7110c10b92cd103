"""isoflow: Vietnamese administrative procedures (TTHC) as TCVN ISO 9001:2015 processes.

Process files are loaded with :func:`load_file`, checked with :func:`validate_paths` (or
:func:`validate` on definitions you hold), and their findings reported as values.
"""

import importlib
from typing import TYPE_CHECKING, Any

from isoflow.errors import DefinitionError as DefinitionError
from isoflow.errors import ExpressionEvaluationError as ExpressionEvaluationError
from isoflow.errors import ExpressionSyntaxError as ExpressionSyntaxError
from isoflow.errors import IsoflowError as IsoflowError
from isoflow.errors import ProcessNotFound as ProcessNotFound
from isoflow.errors import UsageError as UsageError
from isoflow.model.definition import ProcessDefinition as ProcessDefinition
from isoflow.model.definition import extend as extend
from isoflow.model.expressions import Expression as Expression
from isoflow.model.expressions import parse_expression as parse_expression
from isoflow.model.findings import Finding as Finding
from isoflow.model.findings import Severity as Severity
from isoflow.validation.catalogue import Catalogue as Catalogue
from isoflow.validation.catalogue import Report as Report
from isoflow.validation.catalogue import Selection as Selection
from isoflow.validation.catalogue import validate as validate

if TYPE_CHECKING:
    from isoflow.loading.loader import load_bytes as load_bytes
    from isoflow.loading.loader import load_file as load_file
    from isoflow.workspace import validate_paths as validate_paths

# The edges are imported on first use, so that importing the pure core never loads lxml.
_LAZY = {"validate_paths": "isoflow.workspace", "load_bytes": "isoflow.loading.loader",
         "load_file": "isoflow.loading.loader"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'isoflow' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

__all__ = [
    "Catalogue", "DefinitionError", "Expression", "ExpressionEvaluationError", "ExpressionSyntaxError", "Finding",
    "IsoflowError", "ProcessDefinition", "ProcessNotFound", "Report", "Selection", "Severity", "UsageError",
    "extend", "load_bytes", "load_file", "parse_expression", "validate", "validate_paths",
]
