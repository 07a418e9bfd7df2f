"""Two small string helpers the word-repair rules share (dehyphenate, ocrfix)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


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
