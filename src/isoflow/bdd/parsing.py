"""pytest-bdd's sentence parser, with isoflow's value types and matching in Unicode NFC.

The types and the NFC rule are :mod:`isoflow.validation.step_values`' (shared with the
feature checks); this is only their pytest-bdd face.
"""

from __future__ import annotations

from typing import Any

from pytest_bdd import parsers

from isoflow.validation.step_values import TYPES, nfc

__all__ = ["NfcParse"]


class NfcParse(parsers.parse):
    """``parsers.parse`` with isoflow's value types, matching in NFC."""

    def __init__(self, name: str) -> None:
        super().__init__(nfc(name), extra_types=TYPES)

    def parse_arguments(self, name: str) -> dict[str, Any]:
        return super().parse_arguments(nfc(name))

    def is_matching(self, name: str) -> bool:
        return super().is_matching(nfc(name))
