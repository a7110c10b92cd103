"""An office's settings file (TOML): the agency, its numbering series and its exchange.

```toml
[agency]                       # the văn thư's own agency
code = "000.01.31.H40"         # OrganId: document codes, series, edXML
name = "Ủy ban nhân dân xã Tân Phú"
abbreviation = "UBND"          # in notations (Phụ lục I §II.3)
place = "Tân Phú"
parent = "Ủy ban nhân dân tỉnh Ninh Bình"

[series]                       # Art. 15(c): kinds the head gives a series of their own
"Quyết định" = "quyet-dinh"

[exchange]                     # optional: edXML between agencies
folder = "/srv/truc-lien-thong"   # the folder transport shared with the other agencies
trust = ["/etc/isoflow/root-ca.pem"]

[directory]                    # agencies this office sends to: OrganId = name
"000.00.31.H40" = "Sở Tư pháp tỉnh Ninh Bình"
```

Keys (the organisation's PKCS#12) are never in this file: the commands take their path and
read the passphrase from an environment variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from isoflow.data import read_toml
from isoflow.documents.office import Agency
from isoflow.errors import DocumentError
from isoflow.model.document import NumberingPlan

__all__ = ["OfficeSettings", "load_settings"]


@dataclass(frozen=True, slots=True)
class OfficeSettings:
    """What the settings file says (see the module)."""

    agency: Agency
    plan: NumberingPlan
    exchange_folder: Path | None = None
    trust: tuple[Path, ...] = ()
    directory: dict[str, str] = field(default_factory=dict)


def load_settings(path: str | os.PathLike[str]) -> OfficeSettings:
    """The settings in ``path``; :class:`DocumentError` naming the file and the key when wrong."""
    raw = read_toml(path, DocumentError)
    where = str(path)
    agency = raw.get("agency")
    if not isinstance(agency, dict):
        raise DocumentError(f"{where}: thiếu mục [agency] (code, name, abbreviation, place)")
    values = {key: _text(agency, key, where) for key in ("code", "name", "abbreviation", "place")}
    parent = agency.get("parent", "")
    series = raw.get("series", {})
    exchange = raw.get("exchange", {})
    directory = raw.get("directory", {})
    if not isinstance(series, dict) or not isinstance(exchange, dict) or not isinstance(directory, dict):
        raise DocumentError(f"{where}: [series], [exchange] và [directory] là các bảng khóa = giá trị")
    base = Path(path).parent
    folder = exchange.get("folder")
    trust = exchange.get("trust", [])
    if not isinstance(trust, list) or not all(isinstance(t, str) for t in trust):
        raise DocumentError(f"{where}: [exchange] trust là danh sách đường dẫn chứng thư gốc")
    return OfficeSettings(
        Agency(values["code"], values["name"], values["abbreviation"], values["place"], str(parent)),
        NumberingPlan({str(k): str(v) for k, v in series.items()}),
        base / str(folder) if folder else None, tuple(base / t for t in trust),
        {str(k): str(v) for k, v in directory.items()})


def _text(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DocumentError(f"{where}: [agency] {key} phải là một chuỗi không rỗng")
    return value.strip()
