"""The validator's fast paths give exactly what the plain code gives."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from isoflow.loading.discovery import walk
from isoflow.model.definition import Action, Field, Location, State, revised
from isoflow.model.source_map import _NOT_STABLE, utf8_is_nfc

_SECONDS = {int(d.split()[1], 16) for d in (unicodedata.decomposition(chr(c)) for c in range(0x110000))
            if d and not d.startswith("<") and len(d.split()) == 2}


def test_stable_characters_never_change_or_combine() -> None:
    stable = [chr(c) for c in range(0x80, 0x2100) if not _NOT_STABLE.match(chr(c))]
    assert len(stable) > 1000
    for char in stable:
        assert unicodedata.combining(char) == 0, hex(ord(char))
        assert unicodedata.is_normalized("NFC", char), hex(ord(char))
        assert ord(char) not in _SECONDS, hex(ord(char))


@pytest.mark.parametrize("text", [
    "Tiếp nhận hồ sơ – đủ", "plain ascii", "Tie\u0302\u0301p nha\u0323n", "e\u0301", "\u0301 đầu",
    "Å \u212b", "\u2000", "\u1100\u1161", "ﬁ", "Ω \u2126", "x\u0300\u0316",
])
def test_utf8_fast_check_agrees_with_is_normalized(text: str) -> None:
    found = utf8_is_nfc(text.encode())
    assert found is None or found == unicodedata.is_normalized("NFC", text)
    if text.isascii() or not _NOT_STABLE.search(text):
        assert found is True


def test_walk_lists_what_sorted_rglob_lists(tmp_path: Path) -> None:
    for name in ("b.xml", "a-c.xml", "a/b.xml", "a/z/y.xml", "a/note.txt", "A.XML", ".hidden.xml", "d.xml/x.xml",
                 "e/f.xml"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<x/>")
    (tmp_path / "linked").symlink_to(tmp_path / "e", target_is_directory=True)
    (tmp_path / "link.xml").symlink_to(tmp_path / "b.xml")
    (tmp_path / "dangling.xml").symlink_to(tmp_path / "missing.xml")
    assert walk(tmp_path) == sorted(p for p in tmp_path.rglob("*.xml") if p.is_file())


def test_nodes_are_frozen_structs_with_fresh_defaults() -> None:
    where = Location("f.xml", 3)
    action = Action("a", where, source="s")
    assert action == Action(id="a", location=where, suppressions=(), remove=False, source="s")
    assert action.labels == {}
    assert action.labels is not Action("b", where).labels
    assert revised(action, target="t").target == "t"
    assert State("x", where).kind is None
    assert Field("f", where).options == ()
    with pytest.raises(AttributeError):
        action.id = "b"  # type: ignore[misc]


@pytest.mark.parametrize("text", [
    "Tiếp nhận hồ sơ", " đầu", "cuối ", "hai  dấu cách", "dòng\nmới", "tab\there", "\u00a0nbsp", "a\u2003b",
    "", " ", "a\r\nb", "x\u3000y", "đã tidy", "1,5\u00a0ngày\n tiếp", " \u00a0 ",
])
def test_texts_collapse_xml_white_space_only(text: str) -> None:
    """As XSD's collapse: runs of space, tab, CR, LF become one space; a no-break space stays."""
    from lxml import etree

    from isoflow.loading.builder import text_of as _text

    element = etree.Element("label")
    element.text = text
    assert _text(element) == " ".join(w for w in re.split("[ \t\n\r]+", text) if w)
