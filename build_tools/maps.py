"""Maps: the text layer of a map page is its labels, place names scattered in reading order.

UN reports print the maps of the Secretariat's Geospatial Information (formerly Cartographic)
Section, each with its credit ("Map No. 4534 UNITED NATIONS", "March 2018", "Department of
Field Support", "Geospatial Information Section") and its disclaimer ("The boundaries and
names shown and the designations used on this map do not imply official endorsement or
acceptance by the United Nations."). pdftotext gives the labels as lines of text, which the
segmenter made into prose ("70°W 72°W ATLANTIC OCEAN Île de la Tortue Port-de-Paix …").

mark_maps finds a map by its credit or disclaimer and makes one text block of its labels,
named by the map's own number ("map-4534", in an annex "annex-III-map-4534"), followed by
what else its page says (a note on a boundary), the disclaimer and the credit, each a text
block of its own. The page shows the labels under a note that the official document shows
the map (render.py). Two C searches of the source text decide whether a report is asked,
and only the blocks that hold one of the lines they found are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .blocks import RawBlock
from .frontmatter import MONTHS
from .tables import CELL_GAP

# The credit's first cell: "Map No. 4534", "Map No. 4456 Rev. 23 UNITED NATIONS", "Map No.3584
# Rev.9": the Section's numbering (a prose line that names a map goes on with other words).
_MONTHS = "|".join(MONTHS)
_CREDIT = re.compile(
    rf"Map\s+No\.?\s*(\d{{3,5}})(?:\s*Rev\.?\s*\d+(?:\.\d+)?)?(?:\s+(?:UNITED NATIONS|United Nations))?"
    rf"(?:\s+(?:{_MONTHS})\s+\d{{4}})?(?:\s*\((?:Colour|Color|E)\))?"  # "… June 2019 (Colour)"
)
# Its disclaimer's first words; "The boundaries and names shown on …" is prose.
_DISCLAIMER = re.compile(
    r"The\s+boundaries\s+and\s+names\s+shown(?:\s+and(?:\s+the(?:\s+designations|\s*$)|\s*$)|\s*$)"
)
_DISCLAIMER_END = "Nations."
DISCLAIMER_MAX_LINES = 5
# The credit's other parts, each a cell of its own: who made the map and when.
_CREDIT_ITEM = (
    rf"UNITED NATIONS|United Nations|(?:{_MONTHS})\s+\d{{4}}|\((?:Colour|Color)\)|(?:Department|Office) of [A-Z][\w ,]*"
    r"|[\w ]*\b(?:Cartographic|Geospatial)\b[\w ]*Section|\(formerly [\w ]+\)"
    r"|[\w ]*Section \(formerly [\w ]+\)"
)
# Items one after another ("March 1996 (Colour)"), each taken whole once matched (an atomic
# group): "Department of …" could end at any of its words, which made a long line exponential.
_CREDIT_PART = re.compile(rf"(?>{_CREDIT_ITEM})(?:\s+(?>{_CREDIT_ITEM}))*")
# A block of labels: short cells (a place name, a legend's entry, a scale's figure).
LABEL_MAX_CHARS = 40
LABEL_MAX_WORDS = 6


_CUES = ("Map", "boundaries")  # justified text spaces "Map  No." apart: the words alone


def map_lines(text: str) -> frozenset[str]:
    """The lines (stripped) of the source text that hold a map's credit or the start of its
    disclaimer: the lines with a cue word, found by str.find (no pass over every line), that
    are so; none in a text without the disclaimer's "designations" (a text layer that lost the
    disclaimer lost the map's text too)."""
    if "designations" not in text:  # every map's disclaimer has it: one C search for most reports
        return frozenset()
    found = set()
    for cue in _CUES:
        at = text.find(cue)
        while at >= 0:
            start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
            end = len(text) if end < 0 else end
            found.add(text[start:end].strip())
            at = text.find(cue, end)
    return frozenset(filter(_notice_line, found))


def mark_maps(blocks: list[RawBlock], cues: frozenset[str]) -> list[RawBlock]:
    """The blocks with each map's labels, notes, disclaimer and credit as blocks of their own.
    A map page that fell inside a paragraph (its lines joined the paragraph's, which goes on
    after the page) is taken out of it and follows it. cues: map_lines(source text); a block
    with none of them is not read (a set test in C; reading every paragraph cost 1.2 ms)."""
    out = list(blocks)
    n = len(out) - 1
    while n >= 0:
        block = out[n]
        if cues.isdisjoint(block.lines) and block.first_line not in cues:
            n -= 1
            continue
        if block.kind == "text" and _notice_lines(block):
            lo, hi = _map_range(out, n)
            rebuilt = _map_blocks(out[lo : hi + 1])
            out[lo : hi + 1] = rebuilt
            _rejoin(out, lo - 1, lo + len(rebuilt))
            n = lo
        elif block.kind in ("paragraph", "item") and _notice_lines(block):
            pulled = _pull_map_lines(block)
            if pulled:
                rebuilt = _map_blocks([_text_block(block, pulled)])
                out[n + 1 : n + 1] = rebuilt
                _rejoin(out, n, n + 1 + len(rebuilt))
        n -= 1
    return out


def _rejoin(blocks: list[RawBlock], before: int, after: int) -> None:
    """A paragraph cut by the map's page goes on in the text block after the map: that block
    is the paragraph's rest, joined back to it, when the paragraph stopped mid-sentence, or the
    block starts in lower case, or it is prose alone between the map and the next numbered
    paragraph or heading (no unnumbered text starts among numbered paragraphs)."""
    if before < 0 or after >= len(blocks):
        return
    para, rest = blocks[before], blocks[after]
    if not (para.kind in ("paragraph", "item") and rest.kind == "text" and not rest.caption
            and rest.section == para.section and para.text_lines and rest.text_lines):
        return
    lines = rest.text_lines
    follows = blocks[after + 1].kind if after + 1 < len(blocks) else "heading"
    if (
        para.text_lines[-1].rstrip()[-1:] not in _SENTENCE_ENDS
        or lines[0].lstrip()[:1].islower()
        or (follows in ("paragraph", "heading") and not _label_like(lines))
    ):
        para.lines = [*para.lines, *lines]
        del blocks[after]


# How a paragraph's last line can end when the paragraph ends there.
_SENTENCE_ENDS = frozenset(".:;!?\"”’)]")


def _notice_line(line: str) -> bool:
    return bool(
        _DISCLAIMER.search(line) or _CREDIT.fullmatch(" ".join(line.split()))
        or any(map(_CREDIT.fullmatch, CELL_GAP.split(line.strip())))
    )


def _pull_map_lines(block: RawBlock) -> list[str] | None:
    """Take a map's lines out of a paragraph (or item): its notice (the credit or disclaimer
    lines, with the credit's other parts and the disclaimer's next lines) and the labels right
    before it, short lines that end no sentence; never the paragraph's first line. Changes
    the block in place; returns the map's lines (None when the notice starts the paragraph)."""
    lines = block.text_lines
    at = [i for i, line in enumerate(lines) if _notice_line(line)]
    start, end = at[0], at[-1] + 1
    if start == 0:
        return None
    if _DISCLAIMER.search(lines[at[-1]]) and not lines[at[-1]].rstrip().endswith(_DISCLAIMER_END):
        limit = min(len(lines), end + DISCLAIMER_MAX_LINES)
        while end < limit and not lines[end - 1].rstrip().endswith(_DISCLAIMER_END):
            end += 1
    while end < len(lines) and _CREDIT_PART.fullmatch(" ".join(lines[end].split())):
        end += 1
    while start > 1 and _label_like([lines[start - 1]]) and lines[start - 1].rstrip()[-1:] not in ".;:,":
        start -= 1
    kept = lines[:start] + lines[end:]
    if block.first_line:
        block.first_line, block.lines = kept[0], kept[1:]
    else:
        block.lines = kept
    return lines[start:end]


def _notice_lines(block: RawBlock) -> bool:
    """Whether the block holds the start of a map's disclaimer, or its credit (a line or a cell)."""
    return any(map(_notice_line, block.text_lines))


def _cells(lines: Iterable[str]) -> list[str]:
    """The lines' cells: pdftotext -layout sets a map's labels side by side, a gap apart."""
    return [c for line in lines for c in CELL_GAP.split(line.strip()) if c]


def _map_range(blocks: list[RawBlock], anchor: int) -> tuple[int, int]:
    """The blocks around the anchor (the one with the credit or disclaimer) that belong to its
    map: on its page in its section (anywhere, when pages are not known: only label blocks
    next to it), not counting a heading at either end (the map's title stays a heading)."""
    lo = hi = anchor
    while lo > 0 and _on_map(blocks[lo - 1], blocks[anchor]):
        lo -= 1
    while hi + 1 < len(blocks) and _on_map(blocks[hi + 1], blocks[anchor]):
        hi += 1
    while blocks[lo].kind == "heading":
        lo += 1
    while blocks[hi].kind == "heading":
        hi -= 1
    return lo, hi


def _on_map(block: RawBlock, anchor: RawBlock) -> bool:
    if block.section != anchor.section or block.caption:
        return False
    if block.kind != "text" and not (block.kind == "heading" and block.level >= 3 and not block.number):
        return False
    if block.page is not None and anchor.page is not None:
        return block.page == anchor.page
    # The credit and the disclaimer may be blocks of their own, one beside the other.
    return _label_like(block.text_lines) or (block.kind == "text" and _notice_lines(block))


def _label_like(lines: Iterable[str]) -> bool:
    """Every cell short: labels, not a sentence."""
    cells = _cells(lines)
    return bool(cells) and all(len(c) <= LABEL_MAX_CHARS and c.count(" ") < LABEL_MAX_WORDS for c in cells)


def _map_blocks(group: list[RawBlock]) -> list[RawBlock]:
    """One map's blocks, rebuilt: its labels (named by the map's number), the page's other
    text (a note longer than a label), the disclaimer, the credit."""
    labels: list[str] = []
    notes: list[RawBlock] = []
    disclaimer: list[str] = []
    credit: list[str] = []
    number = ""

    def took_credit(piece: str) -> bool:
        """The piece (a line or a cell) is the credit's first part ("Map No. 4534 …") or, after
        it, one of its others: kept in `credit`."""
        nonlocal number
        if not credit and (m := _CREDIT.fullmatch(piece)):
            number = m.group(1)
        elif not (credit and _CREDIT_PART.fullmatch(piece)):
            return False
        credit.append(piece)
        return True

    for block in group:
        lines = block.text_lines
        if not _notice_lines(block) and not _label_like(lines):
            notes.append(block)
            continue
        disclaimer_left = 0  # lines of the disclaimer still to come, at most
        for line in lines:
            if disclaimer_left:  # the disclaimer goes on, whatever its spacing
                disclaimer.append(" ".join(line.split()))
                disclaimer_left = 0 if line.rstrip().endswith(_DISCLAIMER_END) else disclaimer_left - 1
                continue
            if d := _DISCLAIMER.search(line):
                disclaimer.append(" ".join(line[d.start() :].split()))
                disclaimer_left = 0 if line.rstrip().endswith(_DISCLAIMER_END) else DISCLAIMER_MAX_LINES
                line = line[: d.start()]
            # A justified line spaces its words apart: read it whole first, then its cells.
            if took_credit(" ".join(line.split())):
                continue
            kept = [cell for cell in CELL_GAP.split(line.strip()) if cell and not took_credit(cell)]
            if kept:
                labels.append("   ".join(kept))
    first = group[0]
    out = []
    if labels:
        out.append(_text_block(first, labels, caption=f"map-{number}" if number else ""))
    out += notes
    if disclaimer:
        out.append(_text_block(first, disclaimer))
    if credit:
        out.append(_text_block(first, credit))
    return out


def _text_block(like: RawBlock, lines: list[str], caption: str = "") -> RawBlock:
    return RawBlock(
        "text", lines, section=like.section, subsection=like.subsection, annex_section=like.annex_section,
        lineno=like.lineno, page=like.page, caption=caption,
    )


__all__ = ["map_lines", "mark_maps"]
