"""edXML's code lists as isoflow's own enums, and the data file that names and limits them.

The enums fix what isoflow understands (a status 13 is a recall request, a business type 1 a
revocation); the data file, ``codes.toml``, holds what the research could not confirm: the
document type numbers, the meaning of the priorities, how an axis spells a signer's competence,
the field lengths.  Those are facts marked "recalled – verify", so they stay data that an agency
can replace (:func:`load_codes` with its own file) without touching code.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from isoflow.data import read_toml
from isoflow.errors import MalformedMessage

__all__ = ["BusinessType", "Codes", "Competence", "Priority", "StatusCode", "default_codes", "load_codes"]


class StatusCode(enum.StrEnum):
    """A status message's code (gói tin trạng thái): the receiver's progress, and the recall
    exchange between the issuer (13) and a recipient (15, 16)."""

    ARRIVED = "01"          # đã đến: Decree 30 Art. 21(2)(c), the same-day receipt notice
    REJECTED = "02"         # từ chối tiếp nhận: Art. 21(2)(b), returned to the sender
    ACCEPTED = "03"         # đã tiếp nhận: registered (Art. 22)
    ASSIGNED = "04"         # phân công xử lý (Art. 23)
    PROCESSING = "05"       # đang xử lý (Art. 24)
    COMPLETED = "06"        # hoàn thành (Art. 24)
    RECALL_ASKED = "13"     # yêu cầu lấy lại: sent by the issuer (Art. 18(4))
    RECALL_ACCEPTED = "15"  # đồng ý lấy lại: the recipient destroys its copy (Phụ lục VI III.8)
    RECALL_REFUSED = "16"   # từ chối lấy lại

    @property
    def from_issuer(self) -> bool:
        """Whether the issuer of the document sends it (else one of its recipients does)."""
        return self is StatusCode.RECALL_ASKED


class BusinessType(enum.IntEnum):
    """TraceHeaderList/Bussiness/BussinessDocType: what an envelope does to a document."""

    NEW = 0
    REVOKE = 1
    UPDATE = 2
    REPLACE = 3


class Priority(enum.IntEnum):
    """OtherInfo/Priority, rising; the names are Decree 30's urgency marks (recalled – verify)."""

    NORMAL = 0
    URGENT = 1        # Khẩn
    VERY_URGENT = 2   # Thượng khẩn
    IMMEDIATE = 3     # Hỏa tốc


class Competence(enum.StrEnum):
    """SignerInfo/Competence: in whose name the signer signs (Decree 30 Art. 13, Phụ lục I §7(b));
    the value is the prefix printed before the position."""

    DIRECT = ""   # in one's own right
    TM = "TM."    # thay mặt (collective bodies)
    KT = "KT."    # ký thay (a deputy for the head)
    TL = "TL."    # thừa lệnh
    TUQ = "TUQ."  # thừa ủy quyền
    Q = "Q."      # quyền (acting head)


@dataclass(frozen=True, slots=True)
class Codes:
    """The data file read: names of codes, spellings accepted, field lengths."""

    source: str
    namespace: str
    timestamp_offset: str
    document_types: dict[int, str]
    priorities: dict[Priority, str]
    competence: dict[str, Competence]  # a spelling as written -> the competence
    business_types: dict[BusinessType, str]
    status_codes: dict[StatusCode, str]
    steering_max: int
    lengths: dict[str, int]

    def document_type_name(self, code: int) -> str:
        """The name of a document type code, or ``""`` for a code the file does not list."""
        return self.document_types.get(code, "")

    def read_competence(self, written: str) -> Competence:
        """The competence a sender's spelling means; :class:`MalformedMessage` for an unknown one."""
        found = self.competence.get(written.strip())
        if found is None:
            raise MalformedMessage(f"SignerInfo/Competence {written!r} is none of "
                                   f"{', '.join(repr(c.value) for c in Competence)}")
        return found

    def limit(self, field: str) -> int:
        return self.lengths[field]


def load_codes(path: str | os.PathLike[str] | None = None) -> Codes:
    """The shipped ``codes.toml``, or an agency's file of that format."""
    source = Path(path) if path else Path(str(resources.files("isoflow.exchange").joinpath("codes.toml")))
    raw = read_toml(source, MalformedMessage)
    try:
        return _codes(raw, str(source))
    except (KeyError, TypeError, ValueError) as problem:
        raise MalformedMessage(f"{source}: {problem!s} is missing or wrong") from None


@cache
def default_codes() -> Codes:
    """The shipped code lists, read once."""
    return load_codes()


def _codes(raw: dict[str, Any], source: str) -> Codes:
    competence: dict[str, Competence] = {}
    for name, spellings in raw["competence"].items():
        meant = Competence.DIRECT if name == "direct" else Competence[name]
        for spelling in spellings:
            competence[str(spelling)] = meant
    for each in Competence:  # isoflow's own spelling is always read back
        competence.setdefault(each.value, each)
    return Codes(
        source=source,
        namespace=str(raw["namespace"]),
        timestamp_offset=str(raw["timestamp_offset"]),
        document_types={int(code): str(name) for code, name in raw["document_types"].items()},
        priorities={Priority(int(code)): str(name) for code, name in raw["priorities"].items()},
        competence=competence,
        business_types={BusinessType(int(code)): str(name) for code, name in raw["business_types"].items()},
        status_codes={StatusCode(code): str(name) for code, name in raw["status_codes"].items()},
        steering_max=int(raw["steering"]["max"]),
        lengths={str(name): int(value) for name, value in raw["lengths"].items()},
    )
