"""The canonical form an approval signs: the same for every byte-level rendering of a document,
different for every change of its content."""

from __future__ import annotations

import pytest

from isoflow.control import canonical_form, digest
from isoflow.errors import ControlError
from tests.control.conftest import PROCESSES

SHIPPED = (PROCESSES / "dang-ky-khai-sinh.xml").read_bytes()
SMALL = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- ghi chu -->
<flow xmlns="urn:isoflow:process:1" code="X" revision="1">
  <title>T\xc3\xaan</title>
</flow>
"""


@pytest.mark.parametrize("rendering", [
    SMALL.replace(b"\n", b"\r\n"),                                          # a Windows checkout
    SMALL.replace(b'<?xml version="1.0" encoding="UTF-8"?>\n', b""),       # no declaration
    SMALL.replace(b'<?xml version="1.0" encoding="UTF-8"?>', b"<?xml version='1.0' encoding='utf-8'?>"),
    SMALL.replace(b'code="X" revision="1"', b"revision='1'   code='X'"),   # attribute order and quotes
    SMALL.replace(b"</flow>\n", b"</flow>\n\n\n"),                          # blank lines after the root
    SMALL.replace(b"<!-- ghi chu -->\n", b"<!-- ghi chu -->\n\n"),          # ... and before it
    SMALL.replace(b"T\xc3\xaan", b"T&#234;n"),                             # a character reference
    SMALL.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
], ids=["crlf", "no-declaration", "declaration-quotes", "attributes", "blank-after", "blank-before", "charref",
        "utf-16"])
def test_byte_level_renderings_have_one_canonical_form(rendering: bytes) -> None:
    assert digest(rendering) == digest(SMALL)


@pytest.mark.parametrize("changed", [
    SMALL.replace(b"T\xc3\xaan", b"Ten"),                                  # text
    SMALL.replace(b'revision="1"', b'revision="2"'),                      # an attribute
    SMALL.replace(b"ghi chu", b"ghi chu da sua"),                          # a comment: the officer's reasoning
    SMALL.replace(b"  <title>", b"    <title>"),                           # indentation inside the document
    SMALL.replace(b"</flow>", b"<x/></flow>"),                              # an element
], ids=["text", "attribute", "comment", "indentation", "element"])
def test_every_change_of_content_changes_the_digest(changed: bytes) -> None:
    assert digest(changed) != digest(SMALL)


def test_the_canonical_form_is_exclusive_c14n_with_comments() -> None:
    form = canonical_form(SMALL)
    assert form.startswith(b"<!-- ghi chu -->\n<flow ")
    assert b"<?xml" not in form
    assert len(digest(SHIPPED)) == 64


@pytest.mark.parametrize(("data", "why"), [
    (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><flow xmlns="urn:isoflow:process:1">&a;</flow>', "DOCTYPE"),
    (b"", "empty"),
    (b"<flow", "not well-formed"),
    (b"<" + b"a" * (3 * 2**20) + b"/>", "larger than"),
], ids=["doctype", "empty", "truncated", "huge"])
def test_unreadable_files_are_refused_in_one_line(data: bytes, why: str) -> None:
    with pytest.raises(ControlError, match=why) as error:
        canonical_form(data, "x.xml")
    assert "\n" not in str(error.value)
    assert str(error.value).startswith("x.xml: ")
