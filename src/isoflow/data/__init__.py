"""The data files isoflow ships (regimes, targets, the example agency, calendars) and their one
reader.

Every data file is TOML read through :func:`read_toml`, so a missing, unreadable or malformed
file is the same one-line error naming the file, whatever kind it is.  What a file means is
decided by the stage that owns the kind (:mod:`isoflow.data.loaders` wires the two).
"""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from isoflow.errors import IsoflowError

__all__ = ["read_toml", "shipped"]


def shipped(name: str) -> Path:
    """The path of a data file isoflow ships: ``regimes.toml``, ``calendars/vn.toml`` ..."""
    return Path(str(resources.files("isoflow.data").joinpath(name)))


def read_toml(path: str | os.PathLike[str], error: type[IsoflowError] = IsoflowError) -> dict[str, Any]:
    """The parsed file; ``error`` naming the file when it is missing, unreadable or malformed."""
    source = Path(path)
    try:
        return tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as problem:
        raise error(f"{source}: {problem}") from None
