"""Text blocks that are tables whose layout the text layer lost.

pdftotext gives a table's cells one per line in reading order (the troop tables of
annexes): "Country", "Troops", "Argentina", "549", "1 200" … Joined, they read as one run
of words in which "1 200" and "1" "200" look alike. Such a block keeps its cells
(Block.cells), so the page can set them apart (the order is pdftotext's: a row's label may come
after its numbers, or a table column by column); rebuild() finds the runs of rows it can be
sure of, or the table's columns where a total proves them, which the page shows as a table.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from .lexicon import zipf
from .models import Block

# Prose has a number now and then, never 40 % of its words.
_TABLE_MIN_TOKENS = 12
_TABLE_MIN_SHARE = 0.4
_CELL_PUNCT = ",.%()"
# The gap between the columns of a row that pdftotext -layout sets on one line (maps.py too).
CELL_GAP = re.compile(r"\s{2,}")


# Under a chart's caption, its axis labels: fewer figures among the legend's words. A small
# chart's few labels (under twelve words) must be half figures: prose has fewer.
CHART_MIN_SHARE = 0.2
_SMALL_CHART_MIN_TOKENS = 3
_SMALL_CHART_MIN_SHARE = 0.5


def looks_tabular(text: str, min_share: float = _TABLE_MIN_SHARE) -> bool:
    """Whether a text block reads as table cells: numbers and dashes for 40 % of its words (or
    min_share of them)."""
    tokens = text.split()
    if len(tokens) < _TABLE_MIN_TOKENS:
        return False
    return _figure_tokens(tokens) >= min_share * len(tokens)


def looks_like_chart_labels(text: str) -> bool:
    """Whether the text under a chart's caption is its labels and figures (looks_tabular at
    CHART_MIN_SHARE, or a small chart's: three words or more, half of them figures)."""
    tokens = text.split()
    if len(tokens) >= _TABLE_MIN_TOKENS:
        return _figure_tokens(tokens) >= CHART_MIN_SHARE * len(tokens)
    return len(tokens) >= _SMALL_CHART_MIN_TOKENS and _figure_tokens(tokens) >= _SMALL_CHART_MIN_SHARE * len(tokens)


def is_table_row(line: str) -> bool:
    """A row of a table pdftotext -layout set on one line: a label and two figures or more, set
    apart by gaps ("Chad      1 400      –      1 400"); justified prose has gaps, not figures."""
    if "  " not in line:  # most lines: one C search
        return False
    cells = CELL_GAP.split(line.strip())
    return len(cells) >= 3 and all(_is_figure(c.replace(" ", ""), decimals=True) for c in cells[1:])


_DASHES = ("—", "–", "-")  # an empty cell


def _is_figure(token: str, decimals: bool = False) -> bool:
    """A figure ("1,200", "(3)", "12%", "3.5" with decimals) or an empty cell's dash."""
    core = token.strip(_CELL_PUNCT).replace(",", "")
    return token in _DASHES or (core.replace(".", "") if decimals else core).isdigit()


def _figure_tokens(tokens: list[str]) -> int:
    return sum(map(_is_figure, tokens))


def table_cells(lines: list[str], text: str, labels: bool = False) -> tuple[str, ...]:
    """The cells of a block that reads as a table (or, with labels, of a map's labels): its
    lines, cut out of the cleaned text where the rules kept the text's length and the spaces
    between the lines ("Côte d'Ivoire" with its typographic apostrophe); () when a rule joined
    or split words, or for prose."""
    if not labels and not looks_tabular(text):
        return ()
    lines = list(filter(None, map(str.strip, lines)))
    if any("  " in line for line in lines):  # pdftotext -layout: a row a line, its cells apart
        lines = [cell for line in lines for cell in CELL_GAP.split(line)]
    else:  # a row a line, single-spaced ("Brazil 15", OCR of older documents)
        lines = _label_figure_cells(lines) or lines
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


# A line that is a row: a label with a letter in it, then its figures, one space apart ("Brazil
# 15", "Costa Rica 3 — 3"), or a label and one figure in groups of thousands ("Canada 1 214").
_FIGURE_TOKEN = r"(?:\d+(?:[.,]\d+)*%?|[—–-])"
_LABEL = r"(.*?[^\W\d_]\S*)"  # ends in a word with a letter, not in a figure
_ROW_LINE = re.compile(rf"{_LABEL}((?: {_FIGURE_TOKEN})+)")
_THOUSANDS_ROW_LINE = re.compile(rf"{_LABEL} (\d{{1,3}}(?: \d{{3}})*)")
ROW_LINES_MIN = 3
ROW_LINE_MAX = 300  # characters: a row is a label and its figures (a 16,000-character line took 2 s)
_FIGURE_ENDS = frozenset("0123456789%—–-")  # how a row's last figure can end


def _label_figure_cells(lines: list[str]) -> list[str] | None:
    """The cells of lines that are rows, each a label and the same number of figures (the first
    line may be a header: one cell), split at their spaces; None when they are not all so. Read
    with each figure a token first, else with one figure a row in groups of thousands: "Brazil
    10 214" is two figures where every row has two (a column of thousands is read so too)."""
    if len(lines) < ROW_LINES_MIN or not all(line[-1] in _FIGURE_ENDS for line in lines[1:]):
        return None  # most tables: a cell a line, many of them labels
    if max(map(len, lines)) > ROW_LINE_MAX:
        return None  # no row; and the row patterns take time quadratic in a line's length
    body = lines[1:] if not _ROW_LINE.fullmatch(lines[0]) else lines
    if len(body) < ROW_LINES_MIN:
        return None
    for pattern in (_ROW_LINE, _THOUSANDS_ROW_LINE):
        matches = []
        for line in body:
            m = pattern.fullmatch(line)
            if m is None:
                break
            matches.append(m)
        else:
            rows = [[m.group(1), *(m.group(2).split() if pattern is _ROW_LINE else [m.group(2)])] for m in matches]
            if len({len(r) for r in rows}) == 1:
                return lines[: len(lines) - len(body)] + [cell for row in rows for cell in row]
    return None


# -- rows ---------------------------------------------------------------------------------
# A troop table's cells come row by row ("Argentina", "9", "549", "558", "Bolivia", …), but a
# row's label may follow its figures when a note mark stands before them ("a", "14", "1 200",
# "1 214", "Brazil"), a header repeats after a page break, a note ends the table. rebuild()
# finds the runs of rows it is sure of and leaves every other cell as it came.


@dataclass(frozen=True)
class Row:
    label: str
    mark: str  # a note mark beside the label ("a"), or ""
    values: tuple[str, ...]


@dataclass(frozen=True)
class Rows:
    """A run of rows, each a label and the same number of figures; header: the column titles
    when the cells before the run are exactly one per column, or a header of two rows
    (_two_level): then groups are the titles over the columns, each over the same number of
    them ("Formed police units" over "Women", "Men")."""

    header: tuple[str, ...]
    rows: tuple[Row, ...]
    groups: tuple[str, ...] = ()
    by_columns: bool = False  # read column by column, a total proving it (_by_columns)


# A figure: digits with spaces or commas between thousands ("1 200", "6,309"), a decimal or
# percentage, maybe negative or in brackets; a dash for none.
_FIGURE = re.compile(r"\(?[-–—]?\$?\d[\d ,.]*%?\)?(?<=\d|\)|%)[a-z*]?|[-–—]")  # "1 214b": a note's mark after it
_MARK = re.compile(r"[a-z*]")
# Rows to rebuild a run: fewer are left as cells.
MIN_ROWS = 3


def table_parts(block: Block) -> tuple[Rows | tuple[str, ...], ...]:
    """The parts the page shows as a table for this block (rebuild): () for a block without
    cells, and for one with footnote references, which the page shows as its text with their
    links. The page, data.json and the search index ask here, so they agree."""
    return rebuild(block.cells) if block.cells and not block.refs else ()


@lru_cache(maxsize=256)
def rebuild(cells: tuple[str, ...]) -> tuple[Rows | tuple[str, ...], ...]:
    """The cells as runs of rows and runs of left-over cells, in order; () when no run of
    MIN_ROWS rows or more is found. Each row is a label and `width` figures, the label first or
    (after a note mark) last; a row whose last column is "Total" must add up. Memoised: the
    page, data.json and the search index each ask for the same table (the parts are immutable)."""
    kinds = "".join(map(_kind, cells))  # a letter a cell: runs of figures are found in C
    width = _row_width(kinds)
    if width is None:
        return _marks_apart(_by_columns(cells, kinds))
    parts: list[Rows | tuple[str, ...]] = []
    loose: list[str] = []
    rows: list[Row] = []
    headed: Rows | None = None  # the last run of rows with a header (kept: a search back was quadratic)
    i = 0
    while i < len(cells):
        found = _row_at(cells, kinds, i, width)
        if found is None and rows and kinds[i] == "L" and _goes_on(rows[-1].label, cells[i]):
            # The rest of the last row's label, under its figures ("Bosnia and   4   —   4" /
            # "Herzegovina", pdftotext -layout).
            last = rows[-1]
            rows[-1] = Row(f"{last.label} {cells[i]}", last.mark, last.values)
            i += 1
            continue
        if found is None:
            if rows:
                headed = _close(parts, loose, rows, width, headed)
            loose.append(cells[i])
            i += 1
            continue
        row, i = found
        rows.append(row)
    _close(parts, loose, rows, width, headed)
    if loose:
        parts.append(tuple(loose))
    found = _moved_titles(parts)
    if not any(isinstance(p, Rows) for p in found) or not all(_adds_up(p) for p in found if isinstance(p, Rows)):
        return _marks_apart(_by_columns(cells, kinds))
    return _marks_apart(found)


def _marks_apart(parts: tuple[Rows | tuple[str, ...], ...]) -> tuple[Rows | tuple[str, ...], ...]:
    """A note's mark that pdftotext ran into its row's label ("Canadaa" over the note "a",
    "Including the Police Commissioner.") set apart: where the table's left-over cells hold
    that mark with text after it (a note), and the label's last word is no English word while
    the word without its last letter is one ("China" under a note "a" stays)."""
    notes: set[str] = set()
    for part in parts:
        if not isinstance(part, Rows):
            kinds = "".join(map(_kind, part))
            notes.update(part[i] for i in range(kinds.rfind("L")) if kinds[i] == "M")  # text after it
    if not notes:
        return parts
    return tuple(replace(p, rows=tuple(_mark_apart(r, notes) for r in p.rows)) if isinstance(p, Rows) else p
                 for p in parts)


def _mark_apart(row: Row, marks: set[str]) -> Row:
    """The row with its label's last letter as its mark, where _marks_apart says so."""
    word = row.label.rsplit(" ", 1)[-1]
    if row.mark or word[-1:] not in marks or len(word) < 4 or zipf(word) > 0 or zipf(word[:-1]) == 0:
        return row
    return Row(row.label[:-1], word[-1], row.values)


# -- columns ------------------------------------------------------------------------------
# pdftotext may also give a table column by column: the labels ("Country", "Argentina",
# "Benin" … "Total"), the column titles, then each column's figures (annex II of S/2006/592),
# or each title with its figures under it; a "Total" row may come last, row by row. The same
# figures read as rows or as columns are both plausible, so a column reading is taken only
# where a total proves it (_proved), and only when no other reading does.


def _by_columns(cells: tuple[str, ...], kinds: str) -> tuple[Rows | tuple[str, ...], ...]:
    """The cells as a table given column by column, the cells that fit it not as loose cells
    around it; () unless exactly one reading has a total that proves it. The figures end at
    the end of some run of figures: the last such end that gives a table (after it, a note and
    a page number may follow)."""
    run = _LABEL_RUN.search(kinds)
    if run is None:
        return ()
    start, end = run.span()
    joined = _joined(cells[start:end])
    # The run may end in titles: the first column's alone (each title over its column), or all
    # of them (the titles straight after the labels).
    titles_in_run = kinds[end : end + 1] == "N"
    first_title = end if titles_in_run else kinds.find("L", end)  # maybe after a mark, a page number
    if first_title < 0 or "NN" in kinds[end:first_title]:
        return ()
    ends = [m.end() for m in _FIGURE_RUN.finditer(kinds, first_title)]
    for last in reversed(ends[-COLUMN_ENDS_TRIED:]):
        # Left over after the figures: a note, a page number, never a row's or column's figures.
        if "M" in kinds[first_title:last] or "NN" in kinds[last:]:
            continue
        titles = _joined(cells[i] for i in range(first_title, last) if kinds[i] == "L")
        figures = [cells[i] for i in range(first_title, last) if kinds[i] == "N"]
        runs = [len(m) for m in _FIGURE_RUN.findall(kinds, first_title, last)]
        splits = [(joined[:-t], joined[-t:]) for t in _title_counts(len(joined), len(figures), len(titles))] \
            if titles_in_run else [(joined, [])]
        found = [t for labels, first in splits for t in _readings(labels, figures, first + titles, runs)]
        if len(found) > 1:
            return ()  # two readings add up: neither is sure
        if found:
            # Cells before the labels stay before the table; those between labels and titles
            # (a note mark, a page number) and after the figures follow it.
            parts = (cells[:start], found[0], cells[end:first_title] + cells[last:])
            return tuple(p for p in parts if p)
    return ()


def _title_counts(run: int, figures: int, later: int) -> list[int]:
    """How many of a run's last cells can be column titles: t such that the run's other cells
    (one of them maybe the label column's title) are as many rows as each of the t + later
    columns has figures. Arithmetic first: slicing the run for every t took quadratic time."""
    out = []
    for t in range(1, run - MIN_ROWS + 1):
        columns = t + later
        if any(k >= MIN_ROWS and k * columns == figures for k in (run - t, run - t - 1)):
            out.append(t)
    return out


def _readings(labels: list[str], figures: list[str], titles: list[str], runs: list[int]) -> list[Rows]:
    """The tables these make that a total proves, the first label as the label column's title
    ("Country") or as a row's. runs: the lengths of the runs of figures."""
    if len(labels) < MIN_ROWS:
        return []
    return [t for corner, rows in ((labels[0], labels[1:]), ("", labels))
            for t in _column_readings(rows, figures, titles, corner, runs)]


# The figures of a table in columns end at one of the last runs of figures: only these are
# tried (each try reads the cells again; a long block of short runs would take quadratic time).
COLUMN_ENDS_TRIED = 4
# At least MIN_ROWS labels in a row: a table's first column. A run of figures.
_LABEL_RUN = re.compile(f"L{{{MIN_ROWS},}}")
_FIGURE_RUN = re.compile(r"N+")


def _joined(cells) -> list[str]:
    """Cells with a title or label wrapped over lines joined ("Civilian police" / "officers")."""
    out: list[str] = []
    for cell in cells:
        if out and _goes_on(out[-1], cell):
            out[-1] = f"{out[-1]} {cell}"
        else:
            out.append(cell)
    return out


def _column_readings(labels: list[str], figures: list[str], titles: list[str], corner: str, runs: list[int]):
    """The tables the figures make read column by column under these labels, each proved by a
    total: the columns as long as the labels, or (a last label "Total") one shorter with the
    total row after them. The figures come in one run, or a run a column (each under its
    title), the total row's maybe last."""
    k = len(labels)
    if k < MIN_ROWS or not figures or len(figures) % k:
        return
    width = len(figures) // k
    if width < 2 or len(titles) != width:
        return
    header = (corner, *titles)
    columns = [figures[c * k : (c + 1) * k] for c in range(width)]
    if len(runs) == 1 or runs == [k] * width:
        yield from _proved(header, labels, columns)
    if labels[-1].lower() == "total" and (len(runs) == 1 or runs == [k - 1] * width + [width]):
        body, totals = figures[: width * (k - 1)], figures[width * (k - 1) :]
        columns = [body[c * (k - 1) : (c + 1) * (k - 1)] + [totals[c]] for c in range(width)]
        yield from _proved(header, labels, columns)


def _proved(header: tuple[str, ...], labels: list[str], columns: list[list[str]]):
    """The table, when a total proves it: a "Total" column (of three or more) that every row
    adds up to, else a "Total" row that every column adds up to. Under a Total column the
    Total row is one more row that must add up; its figures need not be its column's sums (in
    annex II of S/2006/592 one is 690 where the column sums to 689: a person the note counts)."""
    rows = tuple(Row(label, "", tuple(col[r] for col in columns)) for r, label in enumerate(labels))
    table = Rows(header, rows, by_columns=True)
    if header[-1].lower() == "total" and len(columns) >= 3:
        proved = _adds_up(table)
    else:
        proved = labels[-1].lower() == "total" and all(_column_adds_up(col) for col in columns)
    if proved:
        yield table


def _column_adds_up(column: list[str]) -> bool:
    numbers = [_number(v) for v in column]
    return None not in numbers and _sums_to_last(numbers)


def _kind(cell: str) -> str:
    """"N" a figure, "M" a note mark, "L" a label (or any other text)."""
    if _FIGURE.fullmatch(cell):
        return "N"
    return "M" if _MARK.fullmatch(cell) else "L"


# The run of figures after each label, in the string of cell kinds.
_FIGURES_AFTER_LABEL = re.compile(r"(?<=L)N+")


def _row_width(kinds: str) -> int | None:
    """How many figures follow a label most often (at least MIN_ROWS times), or None."""
    counts = Counter(map(len, _FIGURES_AFTER_LABEL.findall(kinds)))
    if not counts:
        return None
    width, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return width if n >= MIN_ROWS else None


def _row_at(cells: tuple[str, ...], kinds: str, i: int, width: int) -> tuple[Row, int] | None:
    """The row starting at cell i and the index after it: a label, maybe its mark, then width
    figures and no more; or a mark, width figures and the label, when that label cannot start
    a row of its own (no figure after it)."""
    n = len(cells)
    if kinds[i] == "L":
        label, j = _label_lines(cells, kinds, i)
        label, mark = _MARKED_LABEL.fullmatch(label).groups("")  # "Brazil a": a -layout row's
        if j < n and kinds[j] == "M" and not mark:
            mark, j = cells[j], j + 1
        end = j + width
        if end <= n and kinds[j:end] == "N" * width:
            # More figures after: only those of a row whose label follows them.
            if end == n or kinds[end] != "N" or _label_last(cells, kinds, end, width):
                return Row(label, mark, cells[j:end]), end
        return None
    return _label_last(cells, kinds, i, width)


def _label_lines(cells: tuple[str, ...], kinds: str, i: int) -> tuple[str, int]:
    """The label starting at cell i and the index after it: a label wrapped over lines goes on
    in the next cell when the line ends in a connecting word or the next starts in lower case
    or with a bracket ("Bosnia and" / "Herzegovina", "Bolivia" / "(Plurinational State of)")."""
    label, j = cells[i], i + 1
    while j < len(cells) and kinds[j] == "L" and _goes_on(label, cells[j]):
        label, j = f"{label} {cells[j]}", j + 1
    return label, j


def _goes_on(label: str, cell: str) -> bool:
    """The label goes on in the cell: it ends in a connecting word, or opens a bracket it does
    not close ("Iran (Islamic" / "Republic of)"), or the cell starts in lower case or with a
    bracket."""
    words = label.split()
    return (
        (bool(words) and words[-1] in _CONNECTORS) or cell[:1].islower() or cell[:1] == "("
        or ("(" in label and label.count("(") > label.count(")"))
    )


# A label with its note mark in the same cell ("Brazil a", as pdftotext -layout sets a row).
_MARKED_LABEL = re.compile(r"(.*?)(?: ([a-z]))?", re.DOTALL)
_CONNECTORS = frozenset("and of the for to in on de".split())


def _label_last(cells: tuple[str, ...], kinds: str, i: int, width: int) -> tuple[Row, int] | None:
    """A row at cell i whose label follows its figures (a note mark maybe before them), when
    that label cannot start a row of its own (no figure after it)."""
    n = len(cells)
    j, mark = i, ""
    if kinds[j] == "M":
        mark, j = cells[j], j + 1
    end = j + width
    figures = end < n and kinds[j:end] == "N" * width
    if figures and kinds[end] == "L" and (end + 1 == n or kinds[end + 1] != "N"):
        return Row(cells[end], mark, cells[j:end]), end + 1
    return None


def _close(parts: list, loose: list[str], rows: list[Row], width: int, last: Rows | None) -> Rows | None:
    """End a run of rows: MIN_ROWS or more become a Rows part (the loose cells before it its
    header when they are one per column), fewer go back among the loose cells. Returns the last
    run of rows with a header, this one or `last`."""
    if len(rows) >= MIN_ROWS:
        header: tuple[str, ...] = ()
        groups: tuple[str, ...] = ()
        titles = _joined(loose) if len(loose) > width + 1 else loose  # wrapped: "Military" / "observers"
        if len(titles) == width + 1 and all(_kind(c) == "L" for c in loose):
            header, loose[:] = tuple(titles), []
        elif len(titles) == width >= 2 and all(_kind(c) == "L" for c in loose):
            header, loose[:] = ("", *titles), []  # the figures' titles only, the labels' corner blank
        elif (two := _two_level(loose, width)) is not None:
            header, groups = two
            loose.clear()
        elif last is not None and _repeats(loose, last, width):
            header, groups = last.header, last.groups  # the header again over the next page's rows
            loose.clear()
        if loose:
            parts.append(tuple(loose))
            loose.clear()
        parts.append(Rows(header, tuple(rows), groups))
        if header:
            last = parts[-1]
    else:
        for row in rows:
            loose.extend([row.label, *([row.mark] if row.mark else []), *row.values])
    rows.clear()
    return last


# The title of a table's label column: what a two-level header's one title over both its
# rows says (the groups' titles say anything).
_LABEL_COLUMN = re.compile(
    r"(?:(?:Troop|Police|Personnel)[- ]contributing )?(?:[Cc]ountr(?:y|ies)|[Cc]ontributors?|[Rr]egions?"
    r"|[Cc]ategor(?:y|ies)|[Ll]ocations?|[Mm]issions?|[Cc]omponents?|[Ss]ectors?|[Pp]rovinces?"
    r"|[Nn]ationality|[Ss]tates?|[Yy]ears?|[Pp]eriods?|[Tt]ypes?)"
)


def _two_level(cells: list[str], width: int) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The (header, groups) of a header of two rows, from the cells before a run in whatever
    order pdftotext gives them: the column titles repeat group by group ("Women", "Men",
    "Women", "Men": width of them, a pattern of two or more titles two or more times), and the
    other cells are the label column's title (one of them, a word such as "Country") and one
    title per group, in the groups' order. None for anything else."""
    if len(cells) < width + 3 or any(_kind(c) != "L" for c in cells):
        return None
    counts = Counter(cells)
    titles = [c for c in cells if counts[c] > 1]
    others = [c for c in cells if counts[c] == 1]
    if len(titles) != width:
        return None
    size = next((k for k in range(2, width // 2 + 1)
                 if width % k == 0 and titles == titles[:k] * (width // k)), None)
    if size is None or len(others) != width // size + 1:
        return None
    labels = [c for c in others if _LABEL_COLUMN.fullmatch(c)]
    if len(labels) != 1:
        return None
    return (labels[0], *titles), tuple(c for c in others if c != labels[0])


def _repeats(cells: list[str], last: Rows, width: int) -> bool:
    """The cells are the last run's header again, repeated over its rows on the next page:
    all its titles, no more, no fewer (the page shows every cell once: where pdftotext moved a
    group's title elsewhere on the page, the cells stay as they came)."""
    return bool(last.groups) and len(last.header) == width + 1 and Counter(cells) == Counter(last.header + last.groups)


def _moved_titles(parts: list) -> tuple[Rows | tuple[str, ...], ...]:
    """A two-level header repeated over the next page's rows with a group's title that
    pdftotext moved below them (annex II of S/2018/241: "Formed police units" after the last
    rows): the header again over those rows, the moved title taken from where it went, so
    every cell still shows once. Only when the loose cells before the rows are the header's
    cells less some group titles, and each of those stands in loose cells after the rows."""
    out = list(parts)
    last: Rows | None = None  # the last run of rows with a header before out[k - 1]
    for k in range(1, len(out)):
        if k >= 2 and isinstance(out[k - 2], Rows) and out[k - 2].header:
            last = out[k - 2]
        part, before = out[k], out[k - 1]
        if not isinstance(part, Rows) or part.header or isinstance(before, Rows):
            continue
        if last is None or not last.groups or len(last.header) != len(part.rows[0].values) + 1:
            continue
        want, have = Counter(last.header + last.groups), Counter(before)
        missing = want - have
        if not missing or have - want or not set(missing) <= set(last.groups):
            continue
        later = next((j for j in range(k + 1, len(out)) if not isinstance(out[j], Rows)), None)
        if later is None or missing - Counter(out[later]):
            continue
        rest = list(out[later])
        for title in missing.elements():
            rest.remove(title)
        out[k - 1], out[k], out[later] = (), replace(part, header=last.header, groups=last.groups), tuple(rest)
    return tuple(p for p in out if p)


def _adds_up(part: Rows) -> bool:
    """Under a "Total" column, each row's other figures add up to its total (a dash is none):
    the check that the cells were put in the right rows; under a two-level header, each
    group's figures up to its "Total". Other tables pass."""
    if not part.header or part.header[-1].lower() != "total" or len(part.rows[0].values) < 3:
        return True
    size = len(part.header) - 1
    if part.groups:
        size //= len(part.groups)
        if size < 3:
            return True
    for row in part.rows:
        numbers = [_number(v) for v in row.values]
        if None in numbers:
            return False
        if not all(_sums_to_last(numbers[k : k + size]) for k in range(0, len(numbers), size)):
            return False
    return True


def _sums_to_last(numbers: list[float]) -> bool:
    """The last number is the sum of the others; figures rounded to one decimal may be off by
    half a unit of it each."""
    return abs(sum(numbers[:-1]) - numbers[-1]) <= min(0.05 * len(numbers), 0.5) + 1e-9


def _number(cell: str) -> float | None:
    """A figure's value: "1 200", "1,200.5", "$14", "(3)" (negative); a dash is none."""
    if cell in "-–—":
        return 0.0
    text = cell.rstrip("abcdefghijklmnopqrstuvwxyz*").replace(" ", "").replace(",", "").replace("$", "")
    negative = text.startswith("(") and text.endswith(")")
    try:
        value = float(text.strip("()"))
    except ValueError:
        return None
    return -value if negative else value
