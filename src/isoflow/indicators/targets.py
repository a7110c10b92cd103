"""The programme's targets (chỉ tiêu) as the report compares with them, checked from parsed TOML.

The file is read by :mod:`isoflow.data.loaders`; here every entry is checked and explained.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from isoflow.errors import TargetsError
from isoflow.indicators.formulas import DEFINITIONS, Target

__all__ = ["Target", "targets_from_mapping"]


def targets_from_mapping(data: dict[str, Any], source: Path) -> tuple[list[Target], str]:
    """The targets of a parsed targets file and the name of their source (``[source] name``)."""
    items = data.get("target", [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise TargetsError(f"{source}: write each target as a [[target]] table")
    targets = []
    for n, item in enumerate(items, start=1):
        where = f"{source}: target {n}"
        indicator = item.get("indicator")
        if indicator not in DEFINITIONS:
            raise TargetsError(f"{where}: unknown indicator {indicator!r} (known: {', '.join(DEFINITIONS)})")
        unknown = set(item) - {"indicator", "year", "at_least", "at_most", "basis", "domains"}
        if unknown:
            raise TargetsError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
        year = item.get("year")
        if type(year) is not int or not 1900 < year < 2200 or ("at_least" not in item and "at_most" not in item):
            raise TargetsError(f"{where}: give a year (e.g. 2030) and at_least or at_most")
        bounds = [_number(item[k], where, k) if k in item else None for k in ("at_least", "at_most")]
        domains = item.get("domains", [])
        if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
            raise TargetsError(f"{where}: domains must be a list of domain names, e.g. [\"Đất đai\"]")
        targets.append(Target(indicator, year, bounds[0], bounds[1], str(item.get("basis", "")), tuple(domains)))
    about = data.get("source", {})
    if not isinstance(about, dict):
        raise TargetsError(f"{source}: [source] must be a table with a name")
    return targets, str(about.get("name", source.name))


def _number(value: object, where: str, key: str) -> Decimal:
    if type(value) not in (int, float):
        raise TargetsError(f"{where}: {key} must be a number, not {value!r}")
    number = Decimal(str(value))
    if not number.is_finite():
        raise TargetsError(f"{where}: {key} must be a finite number")
    return number
