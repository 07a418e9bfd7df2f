"""Text blocks that are tables whose layout the text layer lost.

pdftotext gives a table's cells one per line in reading order (the troop tables of
annexes): "Country", "Troops", "Argentina", "549", "1 200" … Joined, they read as one run
of words in which "1 200" and "1" "200" look alike. Such a block keeps its cells
(Block.cells), so the page can set them apart without claiming rows and columns it does not
know (the order is pdftotext's: a row's label may come after its numbers, or a table column
by column).
"""

from __future__ import annotations

# Prose has a number now and then, never 40 % of its words.
_TABLE_MIN_TOKENS = 12
_TABLE_MIN_SHARE = 0.4
_CELL_PUNCT = ",.%()"


def looks_tabular(text: str) -> bool:
    """Whether a text block reads as table cells: numbers and dashes for 40 % of its words."""
    tokens = text.split()
    if len(tokens) < _TABLE_MIN_TOKENS:
        return False
    cells = sum(1 for t in tokens if t in "—–-" or t.strip(_CELL_PUNCT).replace(",", "").isdigit())
    return cells >= _TABLE_MIN_SHARE * len(tokens)


def table_cells(lines: list[str], text: str) -> tuple[str, ...]:
    """The cells of a block that reads as a table: its lines, cut out of the cleaned text where
    the rules kept the text's length and the spaces between the lines ("Côte d'Ivoire" with its
    typographic apostrophe); () when a rule joined or split words, or for prose."""
    if not looks_tabular(text):
        return ()
    lines = list(filter(None, map(str.strip, lines)))
    if len(" ".join(lines)) != len(text):
        return ()
    cells, pos = [], 0
    for line in lines:
        end = pos + len(line)
        if text[end : end + 1] not in ("", " "):
            return ()
        cells.append(text[pos:end])
        pos = end + 1
    return tuple(cells)
