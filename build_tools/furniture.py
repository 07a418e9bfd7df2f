"""Page furniture: drop what the printer added around the text, and count pages.

Running headers, page numbers ("2/28", "Page 2"), job numbers ("15-14893 (E) 100915"),
barcodes ("*0644161*", "llllllll"), continuation marks ("/...") are removed, and so is a printed table of contents
(the site builds its own from the headings). Every removed line is kept as a DroppedLine
so the QA report can show it. A run of
furniture between two lines of text is a page break; page numbers printed in the
furniture correct the count.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import compress
from operator import not_, or_

from .models import DroppedLine, SourceLine
from .textedits import find_all

# "2/28": page 2 of 28, alone on its line (UN documents since the 2000s).
PAGE_OF = re.compile(r"^(\d{1,4})\s*/\s*(\d{1,4})$")
# "Page 2" (1990s headers) and "- 2 -".
PAGE_LABEL = re.compile(r"^(?:Page|PAGE)\s+(\d{1,4})$|^-\s*(\d{1,4})\s*-$")
# Job number, optionally with language and print date: "15-14893 (E) 100915", "96-33942 (E)".
JOB_NUMBER = re.compile(r"^\d{2}[-\s]\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s+\d{6}\s*\([A-Z]\))?$")
# A page number alone ("21"), as pdftotext prints it; only furniture beside other furniture.
BARE_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# A print date alone ("230318"); only furniture next to a job number.
PRINT_DATE = re.compile(r"^\d{6}$")
# Barcodes: "*0644161*", "*9920410E*", and OCR of the bar pattern "llllllll".
BARCODE = re.compile(r"^\*\d{6,}[A-Z]?\*$|^[lI|1!]{10,}$")
# "/..." at a page foot: "continued on next page" in 1990s documents.
CONTINUED = re.compile(r"^/\s?\.\.\.$")
# A line of dashes or underscores (end rules, separators).
RULE_LINE = re.compile(r"^[-_=–—.\s]{4,}$")
# A document symbol alone on its line: running header or masthead symbol.
SYMBOL_LINE = re.compile(r"^[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+$")
# Language name in 1990s running headers ("S/1999/779 / English / Page 2").
LANGUAGE_LINE = re.compile(r"^(?:English|French|Spanish|Russian|Arabic|Chinese)$")

_LANGUAGE_NAMES = frozenset(("English", "French", "Spanish", "Russian", "Arabic", "Chinese"))  # LANGUAGE_LINE's

# Rules whose presence makes a run of furniture a page break.
PAGE_BREAK_RULES = {"page-number", "bare-page-number", "page-label", "job-number", "barcode", "continued", "form-feed"}
# Short lines repeated this often next to other furniture are running headers.
REPEATED_HEADER_MIN = 3
REPEATED_HEADER_MAX_LEN = 80


@dataclass(frozen=True)
class Paged:
    """The text with furniture removed, as columns: line i kept is texts[i] from source line
    linenos[i] on page pages[i]. Columns, not a SourceLine per line: building ~6000 frozen
    objects per corpus pass cost 2.5 ms, and the segmenter reads the texts only."""

    texts: tuple[str, ...]  # blank lines are kept as ""
    linenos: tuple[int, ...]  # 1-based line numbers in the source file
    pages: tuple[int | None, ...]  # all None when page numbers are not known
    dropped: tuple[DroppedLine, ...]
    header_symbols: tuple[str, ...]  # symbols seen alone on a line, in order of first appearance
    paged: bool  # whether page numbers are known
    page_breaks: frozenset[int]  # indexes into the kept lines where a new page starts

    @property
    def lines(self) -> tuple[SourceLine, ...]:
        """The kept lines as SourceLine objects (built on each call)."""
        return tuple(map(SourceLine, self.texts, self.linenos, self.pages))


def classify(line: str) -> str | None:
    """The furniture rule a single stripped line matches, if any."""
    if " " in line and line != line.upper() and not line.startswith("Page"):
        return None  # prose: of the rules that allow a space, only "Page 2" has lower case
    first = line[:1]
    rules = _RULES_BY_FIRST.get(first)
    if rules is None:
        rules = _rules_starting_with(first) if first else ()
    for rule, pattern in rules:
        if pattern.match(line):
            return rule
    return None


# classify()'s rules in order, each with a test for the first characters its pattern allows:
# a line is tried only against the one or two patterns that can match it (0.2 ms per corpus
# pass of the seven regex calls most non-prose lines made).
_RULES = (
    ("page-number", PAGE_OF, str.isdecimal),  # \d is exactly str.isdecimal (tests/test_clean_speedups.py)
    ("page-label", PAGE_LABEL, ("P", "-").__contains__),
    ("job-number", JOB_NUMBER, str.isdecimal),
    ("barcode", BARCODE, "*lI|1!".__contains__),
    ("continued", CONTINUED, "/".__eq__),
    ("rule-line", RULE_LINE, lambda c: c in "-_=–—." or c.isspace()),  # \s is str.isspace
    ("symbol-line", SYMBOL_LINE, lambda c: "A" <= c <= "Z"),
)


def _rules_starting_with(first: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The (rule, pattern) pairs of classify(), in order, that can match a line starting with first."""
    return tuple((rule, pattern) for rule, pattern, starts in _RULES if starts(first))


# Made once for the characters lines usually start with; the others are worked out per line.
_RULES_BY_FIRST = {c: _rules_starting_with(c) for c in [*map(chr, range(128)), "–", "—", "“", "’", "•"]}
# First characters of the lines that a rule allowing a space can match ("2 / 28" and job
# numbers start with a digit, any str.isdecimal one; "Page 2", "- 2 -", "/ ...", rule lines).
# The other rules (barcodes, symbols) have no space: a line with a space starting otherwise
# is never furniture (tests/test_clean_speedups.py checks classify on such lines).
_SPACED_RULE_STARTS = frozenset("0123456789P-/_=–—.")


def _context_rules(stripped: list[str], rules: list[str | None], candidates: list[int] | None = None) -> None:
    """Rules that need neighbours: print dates, language names and bare page numbers beside other furniture.

    candidates: indexes of the lines to look at, when the caller knows a superset of the
    lines of digits and the language names (remove_furniture's non-prose lines)."""
    # Each pattern below matches a whole line of digits or a language name: those lines
    # (a few) are picked out with C-level maps instead of a Python test per line.
    if candidates is None:
        digits = map(str.isdigit, stripped)  # str.isdigit takes every \d, and more
        names = map(_LANGUAGE_NAMES.__contains__, stripped)
        candidates = compress(range(len(stripped)), map(or_, digits, names))
    for i in candidates:
        text = stripped[i]
        if rules[i]:
            continue
        # The patterns' answers without a regex call (a stripped line has no "\n" for "$" to allow):
        # PRINT_DATE, BARE_PAGE_NUMBER, LANGUAGE_LINE.
        is_language = text in _LANGUAGE_NAMES
        is_decimal = not is_language and text.isdecimal()
        is_date, is_number = is_decimal and len(text) == 6, is_decimal and len(text) <= 3
        if not (is_date or is_language or is_number):
            continue  # most lines: skip the neighbour scan
        near = [rules[j] for j in _neighbours(stripped, i, 3)]
        if is_date and ("job-number" in near or "barcode" in near):
            rules[i] = "print-date"
        elif is_language and ("symbol-line" in near or "page-label" in near):
            rules[i] = "running-header"
        elif is_number and any(r in PAGE_BREAK_RULES or r == "symbol-line" for r in near[:2] + near[3:5]):
            rules[i] = "bare-page-number"  # position (head or foot) unknown: counts a break only


def _repeated_headers(stripped: list[str], rules: list[str | None]) -> None:
    """Short lines that recur next to furniture are running headers or footers."""
    # Counted in C over every line the rules kept, then filtered by the distinct lines: a
    # generator with the tests per line cost 0.4 ms more per corpus pass.
    counts = Counter(compress(stripped, map(not_, rules)))
    repeated = {
        t for t, n in counts.items()
        if n >= REPEATED_HEADER_MIN and t and len(t) <= REPEATED_HEADER_MAX_LEN and not _looks_like_marker(t)
    }
    if not repeated:
        return
    for i in compress(range(len(stripped)), map(repeated.__contains__, stripped)):
        if not rules[i] and any(rules[j] for j in _neighbours(stripped, i, 2)):
            rules[i] = "running-header"


def _looks_like_marker(text: str) -> bool:
    return bool(re.match(r"^(?:\d{1,4}|[IVXL]{1,6}|[A-Z]|\([a-z]{1,4}\))\.?$", text))


def _neighbours(stripped: list[str], i: int, reach: int) -> list[int]:
    """Indexes of up to `reach` non-blank lines either side of i."""
    found: list[int] = []
    for step in (-1, 1):
        j, n = i + step, 0
        while 0 <= j < len(stripped) and n < reach:
            if stripped[j]:
                found.append(j)
                n += 1
            j += step
    return found


def remove_furniture(text: str) -> Paged:
    if "\f" in text:
        # Form feeds go from the whole text at once (a form feed is no line break for split, so
        # the lines are those of the old per-line replace); their lines are found from the few
        # form feeds' positions instead of a test per line (0.3 ms per corpus pass).
        form_feeds = set(_lines_holding(text, "\f"))
        text = text.replace("\f", "")
    else:
        form_feeds = set()
    stripped = list(map(str.strip, text.split("\n")))
    # Only lines that some rule can match go to classify(): those without a space, and those
    # starting as a rule that allows a space does (the others are prose; classify() would
    # answer None). Cheaper than classify()'s own prose test, which upper-cases the line.
    candidates = [i for i, t in enumerate(stripped) if t and (" " not in t or t[0] in _SPACED_RULE_STARTS or t[0].isdecimal())]
    rules: list[str | None] = [None] * len(stripped)
    for i in candidates:
        rules[i] = classify(stripped[i])
    _context_rules(stripped, rules, candidates)
    _repeated_headers(stripped, rules)
    if "ontents" in text or "ONTENTS" in text:  # one C search: most reports print no contents
        _table_of_contents(stripped, rules)
    return _paginate(stripped, rules, form_feeds)


# A printed table of contents: its title line, then entries whose dot leaders run to a page
# number ("I. Introduction . . . . 3"), in pdftotext's one-line or one-field-per-line layout.
# Left in, its entries read as the report's headings and the real headings after them as
# repeats, which takes the report's sections apart.
CONTENTS_TITLE = re.compile(r"^(?:table of )?contents(?:\s+(?:paragraphs\s+)?page)?$", re.IGNORECASE)
# Four dots, spaced or not ("....", ". . . ."), or two ellipses.
DOT_LEADER = re.compile(r"(?:\.\s?){4,}|…\s?…")
# The columns of a contents page: "Page", "Paragraphs Page", a page number, a paragraph
# range with or without a page ("2-10 1", "1 - 4").
CONTENTS_COLUMNS = re.compile(
    r"^(?:(?:paragraphs?|paras?\.|page)(?:\s+(?:paragraphs?|paras?\.|page))*"
    r"|\d{1,4}(?:\s*[-–]\s*\d{1,4})?(?:\s+\d{1,4})?)$",
    re.IGNORECASE,
)
# A heading's marker alone on its line, as pdftotext splits an entry: "III.", "B.", "Annex II".
CONTENTS_MARKER = re.compile(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,2})\.$|^(?:Annex(?:es)?|Enclosures?|Appendix|Appendices)(?:\s+[IVXL]{1,6})?$")
# Lines of title wrapped over before the leader line of their entry.
CONTENTS_WRAP_MAX = 3
# A title line with fewer entries after it is no table of contents (a heading "Contents").
CONTENTS_MIN_ENTRIES = 2


def _table_of_contents(stripped: list[str], rules: list[str | None]) -> None:
    """Mark each printed table of contents as furniture: its title, then its entries up to
    the last leader or number, passing over page furniture (a contents page may turn). A
    marker or blank line after the last entry is left to the text (it may start the body)."""
    for i in [i for i, t in enumerate(stripped) if not rules[i] and CONTENTS_TITLE.match(t)]:
        if rules[i]:  # inside a table found before
            continue
        end, entries, j = i, 0, i + 1
        while j < len(stripped):
            line = stripped[j]
            if not line or rules[j] or CONTENTS_MARKER.match(line):
                j += 1
                continue
            if DOT_LEADER.search(line):
                entries += 1
            elif not CONTENTS_COLUMNS.match(line) and not _leader_follows(stripped, rules, j):
                break
            end = j = j + 1
        if entries >= CONTENTS_MIN_ENTRIES:
            for k in range(i, end):
                if stripped[k] and not rules[k]:
                    rules[k] = "table-of-contents"


def _leader_follows(stripped: list[str], rules: list[str | None], j: int) -> bool:
    """A leader line comes within CONTENTS_WRAP_MAX text lines after j, with no page number
    or marker between: line j is the wrapped start of an entry's title."""
    seen = 0
    for k in range(j + 1, len(stripped)):
        line = stripped[k]
        if not line or rules[k]:
            continue
        if DOT_LEADER.search(line):
            return True
        seen += 1
        if seen >= CONTENTS_WRAP_MAX or CONTENTS_COLUMNS.match(line) or CONTENTS_MARKER.match(line):
            return False
    return False


def _lines_holding(text: str, char: str) -> list[int]:
    """0-based indexes of the lines ("\n"-separated) of text that hold char, in order (with repeats)."""
    found, line, previous = [], 0, 0
    for position in find_all(text, char):
        line += text.count("\n", previous, position)
        previous = position
        found.append(line)
    return found


def _paginate(stripped: list[str], rules: list[str | None], form_feeds: set[int]) -> Paged:
    """Split off the dropped lines and number the pages of the kept ones.

    The page count changes only at furniture and form feeds (a few hundred lines of
    thousands), so only those are walked in Python; the kept lines are copied as slices
    between them (a loop over every line cost 1.8 ms per corpus pass and C-level maps 1 ms;
    tests/test_clean_speedups.py compares the loop with this)."""
    n = len(stripped)
    ruled = list(compress(range(n), rules))
    events = sorted(set(ruled).union(form_feeds)) if form_feeds else ruled
    first_text = _next_text_line(stripped, rules, 0, n)
    dropped: list[DroppedLine] = []
    symbols: list[str] = []
    starts: list[tuple[int, int]] = []  # (source index of a page's first line, its page)
    page, pending_break, next_page, previous = 1, False, None, -1
    for i in events:
        if pending_break:  # the break lands on the first text line since the last event
            j = _next_text_line(stripped, rules, previous + 1, i)
            if j < i:
                page = _turned_page(page, next_page)
                starts.append((j, page))
                pending_break, next_page = False, None
        previous, seen_text = i, first_text < i
        if i in form_feeds:
            pending_break = pending_break or seen_text
        rule, text = rules[i], stripped[i]
        if rule:
            dropped.append(DroppedLine(i + 1, text, rule))
            if rule == "symbol-line" and text not in symbols:
                symbols.append(text)
            if rule in PAGE_BREAK_RULES and seen_text:
                pending_break = True
                next_page = _printed_next_page(text, rule, next_page)
        elif text and pending_break:  # a kept line with a form feed
            page = _turned_page(page, next_page)
            starts.append((i, page))
            pending_break, next_page = False, None
    if pending_break:
        j = _next_text_line(stripped, rules, previous + 1, n)
        if j < n:
            page = _turned_page(page, next_page)
            starts.append((j, page))
    texts, linenos = _kept_lines(stripped, ruled)
    breaks = [start - bisect_left(ruled, start) for start, _ in starts]  # as indexes into texts
    pages = _page_column(breaks, starts, len(texts))
    return Paged(texts, linenos, pages, tuple(dropped), tuple(symbols), bool(breaks), frozenset(breaks))


def _turned_page(page: int, printed_next: int | None) -> int:
    """The page after a break: the printed number read at the break when it goes forward, else page + 1."""
    return printed_next if printed_next and printed_next > page else page + 1


def _next_text_line(stripped: list[str], rules: list[str | None], j: int, stop: int) -> int:
    """Index of the first kept non-blank line in j..stop-1, or stop."""
    while j < stop and (rules[j] or not stripped[j]):
        j += 1
    return j


def _kept_lines(stripped: list[str], ruled: list[int]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The texts and 1-based line numbers of the lines not in ruled (sorted indexes)."""
    texts: list[str] = []
    linenos: list[int] = []
    start = 0
    for end in ruled:
        texts += stripped[start:end]
        linenos += range(start + 1, end + 1)
        start = end + 1
    texts += stripped[start:]
    linenos += range(start + 1, len(stripped) + 1)
    return tuple(texts), tuple(linenos)


def _page_column(breaks: list[int], starts: list[tuple[int, int]], count: int) -> tuple[int | None, ...]:
    """The page of each kept line: 1 up to the first break, then each break's page."""
    if not breaks:
        return (None,) * count
    pages: list[int | None] = []
    position, page = 0, 1
    for at, (_, next_page) in zip(breaks, starts, strict=True):
        pages += [page] * (at - position)
        position, page = at, next_page
    pages += [page] * (count - position)
    return tuple(pages)


def _printed_next_page(text: str, rule: str, current: int | None) -> int | None:
    """The number of the page that follows, when the furniture prints it."""
    if rule == "page-label":
        m = PAGE_LABEL.match(text)
        return int(m.group(1) or m.group(2))  # "Page 2" heads page 2
    if rule == "page-number":
        return int(PAGE_OF.match(text).group(1)) + 1  # "2/28" foots page 2
    return current
