"""The agency profile: who issues the forms and documents, and where (the ``agency.toml`` file).

Pure data and its checked construction from parsed TOML; the file is read by
:mod:`isoflow.data.loaders`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from isoflow.errors import IsoflowError

__all__ = ["Agency", "agency_from_mapping"]


@dataclass(frozen=True, slots=True)
class Agency:
    """Who issues the one-stop forms and where: data from the agency's profile file."""

    place: str  # địa danh on the date line
    parent: str  # the body above the one-stop unit, e.g. "UBND TỈNH NAM ĐỊNH"
    one_stop: str  # "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" or "BỘ PHẬN MỘT CỬA"
    phone: str = ""
    portal: str = ""
    symbols: Mapping[str, str] = field(default_factory=dict)  # form → number suffix ("TTPVHCC")
    units: Mapping[str, str] = field(default_factory=dict)  # receiving unit code → name
    people: Mapping[str, str] = field(default_factory=dict)  # login → full name printed on forms
    #: Keys the 4-digit lookup code; without it no lookup code is printed.
    lookup_secret: str = ""

    def person(self, login: str) -> str:
        """The full name of a login, or "" (a blank line to sign on, never a login id)."""
        return self.people.get(login, "")


def agency_from_mapping(data: Mapping[str, Any], where: str = "agency") -> Agency:
    """The agency profile from parsed TOML (the composition root reads the file)."""
    missing = [k for k in ("place", "parent", "one_stop") if not isinstance(data.get(k), str) or not data[k].strip()]
    if missing:
        raise IsoflowError(f"{where}: missing or empty {', '.join(missing)}")

    def table(key: str) -> dict[str, str]:
        return {str(k): str(v) for k, v in dict(data.get(key, {})).items()}
    return Agency(place=data["place"], parent=data["parent"], one_stop=data["one_stop"],
                  phone=str(data.get("phone", "")), portal=str(data.get("portal", "")), symbols=table("symbols"),
                  units=table("units"), people=table("people"), lookup_secret=str(data.get("lookup_secret", "")))
