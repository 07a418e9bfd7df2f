"""Small string helpers shared by the text rules and the scanners (dehyphenate, ocrfix, acronyms, ...)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate


def apply_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """Replace text[start:end] by new for each (start, end, new), sorted, not overlapping."""
    parts, pos = [], 0
    for start, end, new in edits:
        parts += [text[pos:start], new]
        pos = end
    return "".join(parts) + text[pos:]


def find_all(text: str, needle: str) -> Iterator[int]:
    """Every start of needle in text, overlapping ones included (str.find scans in C)."""
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


_ASCII_BYTES = bytes(range(0x80))


def non_ascii_bytes(utf8: bytes) -> bytes:
    """A text's UTF-8 bytes without the ASCII ones: the bytes of its non-ASCII characters, in
    order (one C pass; most of a report is ASCII)."""
    return utf8.translate(None, _ASCII_BYTES)


def non_ascii_characters(utf8: bytes) -> str:
    """A text's non-ASCII characters, in order, read off its UTF-8 bytes."""
    return non_ascii_bytes(utf8).decode("utf-8", "surrogatepass")


class JoinedTexts:
    """Texts joined by newlines, to be scanned once instead of one by one, with positions in
    the join mapped back to (index of the text, position in it). A scanner whose matches never
    take in a newline finds in the join exactly its matches in each text."""

    def __init__(self, texts: Sequence[str]):
        self.text = "\n".join(texts)
        self.starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))

    def locate(self, pos: int) -> tuple[int, int]:
        """(i, offset) of position pos of the join: texts[i][offset]."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i, pos - self.starts[i]
