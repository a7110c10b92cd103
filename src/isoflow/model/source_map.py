"""Where things are in a source file: start tags and attribute values, found on demand.

libxml2 gives a line for every element but no column (and column 0 for validity errors).
A :class:`SourceMap` scans the text once, and only when a position is first asked for, so
that files without findings never pay for it.  Start tags are listed in document order,
which is also the order of ``root.iter()``, and each knows where its attributes' values are.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator

_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<![^>]*>|<([^\s/>!?]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S,
)
_ATTRIBUTE = re.compile(r"([^\s=/]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def markup(text: str) -> Iterator[re.Match[str]]:
    """The markup of an XML text in order: comments, CDATA, PIs, declarations, and tags (a start
    or empty tag has its name in group 1)."""
    return _TOKEN.finditer(text)

_ASCII = bytes(range(128))
#: Characters that are NFC on their own, never combine with a neighbour (starters that are
#: not the second half of any canonical composition) and never change under NFC: Latin-1,
#: Latin Extended A/B, IPA, spacing modifiers, Latin Extended Additional (Vietnamese) and
#: most punctuation.  A text of only these and ASCII is NFC (checked in the tests).
_NOT_STABLE = re.compile("[^\u0080-\u02ff\u1e00-\u1eff\u2002-\u20cf]")


def utf8_is_nfc(data: bytes) -> bool | None:
    """Whether UTF-8 ``data`` without character references is surely NFC, without decoding it
    all: ``True`` when it holds only stable characters, ``None`` when it takes a real check."""
    if data.isascii():
        return True
    try:
        rest = data.translate(None, _ASCII).decode("utf-8")  # the non-ASCII characters only
    except UnicodeDecodeError:
        return None
    return True if _NOT_STABLE.search(rest) is None else None

#: An attribute's value position: (line, column, the value's source text).
Attributes = dict[str, tuple[int, int, str]]


class SourceMap:
    """The start tags of one file, with lines, columns and attribute positions."""

    def __init__(self, text: str | Callable[[], str], nfc: bool | None = None) -> None:
        self._nfc = nfc
        self._text = text if isinstance(text, str) else None
        self._decode = None if isinstance(text, str) else text
        self._line_starts: list[int] | None = None
        self._tags: list[tuple[int, int, int, str]] | None = None  # start, attrs start, attrs end, local name
        self._tag_lines: list[int] = []
        self._end_lines: list[int] = []  # the line of each start tag's ">", which libxml2 calls its line

    @property
    def text(self) -> str:
        """The source text, decoded the first time it is needed (most files never need it)."""
        if self._text is None:
            assert self._decode is not None
            self._text, self._decode = self._decode(), None
        return self._text

    @property
    def is_nfc(self) -> bool:
        """Whether every text of the file is NFC as written (character references could hide NFD)."""
        if self._nfc is not None:
            return self._nfc
        text = self.text
        return text.isascii() or ("&#" not in text and unicodedata.is_normalized("NFC", text))

    def __getstate__(self) -> str:
        return self.text  # the scan is cheap to redo; sending it is not

    def __setstate__(self, text: str) -> None:
        self.__init__(text)  # type: ignore[misc]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    @property
    def tags(self) -> list[tuple[int, int, int, str]]:
        if self._tags is None:
            self._tags = [(m.start(), m.start(2), m.end(2), m.group(1).rpartition(":")[2])
                          for m in _TOKEN.finditer(self.text) if m.group(1)]
            self._tag_lines = [self.line_col(t[0])[0] for t in self._tags]
            self._end_lines = [self.line_col(t[2])[0] for t in self._tags]
        return self._tags

    def at_index(self, index: int) -> tuple[int, int, Attributes]:
        """Line, column and attributes of the ``index``-th start tag in document order."""
        tags = self.tags
        if not 0 <= index < len(tags):
            return 0, 0, {}
        start, attrs_start, attrs_end, _ = tags[index]
        line, column = self.line_col(start)
        return line, column, self._attributes(attrs_start, attrs_end)

    def at(self, line: int, name: str, occurrence: int) -> tuple[int, int, Attributes]:
        """Line, column and attributes of the ``occurrence``-th ``<name>`` start tag that libxml2
        places on ``line`` (its ``sourceline``: the line where the start tag ends)."""
        tags = self.tags
        seen = 0
        for index in range(bisect_right(self._end_lines, line - 1), len(tags)):
            if self._end_lines[index] != line:
                break
            if tags[index][3] == name:
                if seen == occurrence:
                    return self.at_index(index)
                seen += 1
        return line, 1, {}

    def first_on(self, line: int) -> tuple[int, int]:
        """Line and column of the first start tag on ``line`` (column 1 if there is none)."""
        tags = self.tags
        index = bisect_right(self._tag_lines, line - 1)
        if index < len(tags) and self._tag_lines[index] == line:
            return self.line_col(tags[index][0])
        return line, 1

    def _attributes(self, start: int, end: int) -> Attributes:
        attributes: Attributes = {}
        for m in _ATTRIBUTE.finditer(self.text, start, end):
            value = 2 if m.group(2) is not None else 3
            attributes[m.group(1)] = (*self.line_col(m.start(value)), m.group(value))
        return attributes


def combining_marks(text: str) -> str:
    """The combining characters of ``text``, each once, by code point and Unicode name: what
    tells an NFD word from the NFC one that looks the same on screen."""
    marks = dict.fromkeys(c for c in text if unicodedata.combining(c))
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'COMBINING MARK')}" for c in marks)
