"""The data files read and turned into what each stage uses: regimes, targets, the agency.

The composition root calls these; the stages themselves take the parsed records, never a path.
"""

from __future__ import annotations

import os
from pathlib import Path

from isoflow.data import read_toml, shipped
from isoflow.errors import LegalDataError, TargetsError
from isoflow.indicators.targets import Target, targets_from_mapping
from isoflow.model.agency import Agency, agency_from_mapping
from isoflow.running.regimes import LegalBasis, legal_basis_from_mapping

__all__ = ["load_agency", "load_legal_basis", "load_targets"]


def load_legal_basis(path: str | os.PathLike[str] | None = None) -> LegalBasis:
    """The legal regimes and form sets: the shipped data, or a file of the same format."""
    source = Path(path) if path else shipped("regimes.toml")
    return legal_basis_from_mapping(read_toml(source, LegalDataError), str(source))


def load_targets(path: str | os.PathLike[str] | None = None) -> tuple[list[Target], str]:
    """The targets (shipped ``targets.toml``, or a file of the same format) and their source."""
    source = Path(path) if path else shipped("targets.toml")
    return targets_from_mapping(read_toml(source, TargetsError), source)


def load_agency(path: str | os.PathLike[str] | None = None) -> Agency:
    """The agency profile: the shipped example (``agency.toml``, which says ``example = true``:
    its papers are marked MẪU), or a file of that format."""
    source = Path(path) if path else shipped("agency.toml")
    return agency_from_mapping(read_toml(source), str(source))
