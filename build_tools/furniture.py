"""Page furniture: drop what the printer added around the text, and count pages.

Running headers, page numbers ("2/28", "Page 2"), job numbers ("15-14893 (E) 100915"),
barcodes ("*0644161*", "llllllll"), continuation marks ("/...") are removed, and so is a printed table of contents
(the site builds its own from the headings). Every removed line is kept as a DroppedLine
so the QA report can show it. A run of
furniture between two lines of text may be a page turn; page numbers printed in the
furniture ("2/28", "Page 2", bare numbers in sequence) decide how many of the runs between
them are turns, and give the pages (tests/test_furniture.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import compress, repeat
from operator import eq, not_, or_, sub

from .blocks import OCR_DIGITS, SUMMARY_MARK, closed_end
from .models import DroppedLine, SourceLine
from .plain_notes import NOTE_FOOT_LINES, join_lone_marks
from .textedits import find_all

# "2/28": page 2 of 28, alone on its line (UN documents since the 2000s). OCR letters for the
# digits 1 and 0 are let in when the line has no space ("l0/28", "I2/28", "1O/28"), with at
# least one digit on it.
PAGE_OF = re.compile(r"^(\d{1,4})\s*/\s*(\d{1,4})$|^(?=.*\d)([\dlIOo]{1,4})/([\dlIOo]{1,4})$")


def _ocr_number(text: str) -> bool:
    """A short line of digits with the OCR's letters for 1 and 0 among them ("l2", "1O", "ll"
    for 11; a lone letter is no number): a bare page number, maybe, which _context_rules takes
    only beside a page turn's furniture and in the printed sequence."""
    return not text.translate(_OCR_NUMBER_CHARS) and (len(text) > 1 or text.isdigit())


_OCR_NUMBER_CHARS = dict.fromkeys(map(ord, "0123456789lIOo"))


def page_of(text: str) -> tuple[int, int]:
    """(page, pages) of a line PAGE_OF matches, the OCR's letters read as digits."""
    m = PAGE_OF.match(text)
    page, pages = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return int(page.translate(OCR_DIGITS)), int(pages.translate(OCR_DIGITS))

# "Page 2" (1990s headers) and "- 2 -".
PAGE_LABEL = re.compile(r"^(?:Page|PAGE|page)\s+(\d{1,4})$|^-\s*(\d{1,4})\s*-$")
# Job number, optionally with language and print date: "15-14893 (E) 100915", "96-33942 (E)";
# Geneva's start "GE." ("GE.19-00812(E)", "GE.05-10056 (E) 100105"); a reissue's has a star
# ("19-06123* (E) 300419"); until the mid-1990s a typist's code followed ("91-29517 2271e (E)"),
# and the page foot's "/..." (CONTINUED) may end the line ("96-22222 (E)   300896     /...").
JOB_NUMBER = re.compile(
    r"^(?:GE\.|V\.)?\d{2}[-\s]\d{5}\*?\s*(?:\d{3,5}[a-zA-Z]\s*)?(?:\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s+\d{6}\s*\([A-Z]\))?"
    r"(?:\s+/\s?\.\.\.)?$"
)
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
# A document symbol alone on its line: running header or masthead symbol. A symbol never ends
# with ".": "S/2098/900." is a cited symbol closing a sentence (_cited_symbols sorts out the rest).
# A Security Council resolution's symbol carries its year: "S/RES/2100 (2013)".
_SYMBOL = r"[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?<!\.)(?: ?\((?:19|20)\d\d\))?"
SYMBOL_LINE = re.compile(rf"^{_SYMBOL}$")
# The same with the OCR's "5" or "$" for the S of a Security Council symbol, its year second
# ("5/2018/241", "$/1995/342": a running header; citations.SUSPECT_RE reports such a symbol in text).
DAMAGED_SYMBOL_LINE = re.compile(r"^[5$]/(?:19|20)\d\d/\d{1,4}(?:/[A-Za-z0-9.]+)*$")
_SYMBOLS_IN_LINE = re.compile(_SYMBOL)


def line_symbols(text: str) -> list[str]:
    """The symbols of a symbol line, as the document system writes them ("S/RES/2100(2013)");
    without a year in brackets they are its words (most lines: no regex)."""
    if "(" not in text:
        return text.split()
    return [s.replace(" ", "") for s in _SYMBOLS_IN_LINE.findall(text)]
# Language name in 1990s running headers ("S/1999/779 / English / Page 2").
LANGUAGE_LINE = re.compile(r"^(?:English|French|Spanish|Russian|Arabic|Chinese)$")

_LANGUAGE_NAMES = frozenset(("English", "French", "Spanish", "Russian", "Arabic", "Chinese"))  # LANGUAGE_LINE's

# Rules whose presence makes a run of furniture a page break.
PAGE_BREAK_RULES = {"page-number", "bare-page-number", "page-label", "job-number", "barcode", "continued", "form-feed"}
# Furniture printed at the head of a page, and the break rules printed at its foot.
HEAD_RULES = frozenset(("symbol-line", "damaged-symbol-line", "page-label", "running-header"))
FOOT_RULES = frozenset(PAGE_BREAK_RULES - {"page-label"})
# Furniture of a page turn: a repeated short line beside it is a running header, a bare number a page number.
TURN_RULES = frozenset(PAGE_BREAK_RULES - {"bare-page-number"} | {"symbol-line", "damaged-symbol-line", "print-date"})
# Short lines repeated this often at page turns are running headers.
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
    # A line "1 …" after a blank line, or from which the lines run unbroken to the page's
    # furniture: maybe the first footnote, its mark a plain digit (plain_notes looks further
    # only then).
    note_start: bool = False
    # Each kept line's leading spaces in a pdftotext -layout text, where a paragraph's first
    # line is indented; () in other text layers.
    indents: tuple[int, ...] = ()

    @property
    def lines(self) -> tuple[SourceLine, ...]:
        """The kept lines as SourceLine objects (built on each call)."""
        if self.indents:
            return tuple(map(SourceLine, self.texts, self.linenos, self.pages, self.indents))
        return tuple(map(SourceLine, self.texts, self.linenos, self.pages))


def classify(line: str) -> str | None:
    """The furniture rule a single stripped line matches, if any."""
    if " " in line and line != line.upper() and not line.startswith(("Page", "page")) and line[2:3] != "-":
        # Prose: of the rules that allow a space, only "Page 2" has lower case, and a job number
        # with a typist's code, two digits and a dash first ("91-29517 2271e (E)").
        return None
    first = line[:1]
    rules = _RULES_BY_FIRST.get(first)
    if rules is None:
        rules = _rules_starting_with(first) if first else ()
    for rule, pattern in rules:
        if pattern.match(line):
            return rule
    if first.isdecimal() and " " in line and _TIGHT_CELLS_LINE.fullmatch(line) and _STRONG_CELL.search(line):
        return "furniture-cells"  # furniture side by side ("2/28 15-14893"): see _tight_cells
    if len(line) <= _OCR_TOLERANT_MAX_CHARS and _OCR_LETTER_BY_DIGIT.search(line):  # "l8-03983 (E)", "Page l0"
        fixed = line.translate(OCR_DIGITS)
        return next((rule for rule, pattern in _OCR_TOLERANT_RULES if pattern.match(fixed)), None)
    return None


# The OCR's letters for 1 and 0 beside a digit: a furniture line so damaged is matched again
# with them read as digits (classify), against the rules whose lines are all figures but a
# word or code ("Page", "(E)"), and a symbol alone on its line (dropped, but not mended: the
# report's symbols come from intact ones).
_OCR_LETTER_BY_DIGIT = re.compile(r"[lIOo](?:(?<=\d[lIOo])|(?=\d))")  # a letter first: re skips to it in C
_OCR_TOLERANT_MAX_CHARS = 60  # furniture is short; a table's row or a paragraph's line is not searched
_OCR_TOLERANT_RULES = (
    ("page-label", PAGE_LABEL), ("job-number", JOB_NUMBER), ("barcode", BARCODE),
    ("damaged-symbol-line", SYMBOL_LINE),  # "S/l999/779": a running header, never the report's symbol
)


# classify()'s rules in order, each with a test for the first characters its pattern allows:
# a line is tried only against the one or two patterns that can match it (0.2 ms per corpus
# pass of the seven regex calls most non-prose lines made).
_RULES = (
    ("page-number", PAGE_OF, lambda c: c.isdecimal() or c in "lIOo"),  # \d is exactly str.isdecimal
    ("page-label", PAGE_LABEL, ("P", "p", "-").__contains__),
    ("job-number", JOB_NUMBER, lambda c: c.isdecimal() or c in "GV"),  # Geneva's "GE.19-…", Vienna's "V.19-…"
    ("barcode", BARCODE, "*lI|1!".__contains__),
    ("continued", CONTINUED, "/".__eq__),
    ("rule-line", RULE_LINE, lambda c: c in "-_=–—." or c.isspace()),  # \s is str.isspace
    ("symbol-line", SYMBOL_LINE, lambda c: "A" <= c <= "Z"),
    ("damaged-symbol-line", DAMAGED_SYMBOL_LINE, "5$".__contains__),  # not the report's symbol: a header
)


def _rules_starting_with(first: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The (rule, pattern) pairs of classify(), in order, that can match a line starting with first."""
    return tuple((rule, pattern) for rule, pattern, starts in _RULES if starts(first))


# Made once for the characters lines usually start with; the others are worked out per line.
_RULES_BY_FIRST = {c: _rules_starting_with(c) for c in [*map(chr, range(128)), "–", "—", "“", "’", "•"]}
# First characters of the lines that a rule allowing a space can match ("2 / 28" and job
# numbers start with a digit, any str.isdecimal one, or "GE."; "Page 2", "- 2 -", "/ ...", rule
# lines; "page 3" of old Geneva headers is let through by its own test in remove_furniture).
# The other rules (barcodes, symbols) have no space, but for a resolution's year ("S/RES/2100
# (2013)", a line ending in ")", let through when the masthead has "/RES/"): a line with a space
# starting otherwise is never furniture (tests/test_clean_speedups.py checks classify on such lines).
_SPACED_RULE_STARTS = frozenset("0123456789GP-/_=–—.")
# Where a resolution's masthead prints its symbol: searched for "/RES/" (a search of a whole
# report costs as much as a tenth of its furniture pass).
_MASTHEAD_CHARS = 3000


def _unbroken_to_furniture(stripped: list[str], rules: list[str | None], i: int) -> bool:
    """Lines from i run to the page's furniture without a blank line between two of them,
    blank lines over the furniture aside (a note may stand right under the text: layouts
    without blank lines, or without one over the notes)."""
    blank = False
    for j in range(i, min(len(stripped), i + NOTE_FOOT_LINES)):
        if rules[j]:
            return True
        if not stripped[j]:
            blank = True
        elif blank:
            return False
    return False


def _context_rules(
    stripped: list[str],
    rules: list[str | None],
    candidates: list[int] | None = None,
    printed: dict[int, str] | None = None,
) -> None:
    """Rules that need neighbours: print dates, language names and bare page numbers beside other furniture.

    candidates: indexes of the lines to look at, when the caller knows a superset of the
    lines of digits and the language names (remove_furniture's non-prose lines)."""
    # Each pattern below matches a whole line of digits or a language name: those lines
    # (a few) are picked out with C-level maps instead of a Python test per line.
    if candidates is None:
        digits = map(str.isdigit, stripped)  # str.isdigit takes every \d, and more
        names = map(_LANGUAGE_NAMES.__contains__, stripped)
        candidates = compress(range(len(stripped)), map(or_, digits, names))
    numbers = False
    for i in candidates:
        text = stripped[i]
        if rules[i]:
            continue
        # The patterns' answers without a regex call (a stripped line has no "\n" for "$" to allow):
        # PRINT_DATE, BARE_PAGE_NUMBER, LANGUAGE_LINE.
        is_language = text in _LANGUAGE_NAMES
        is_decimal = not is_language and text.isdecimal()
        is_date, is_number = is_decimal and len(text) == 6, is_decimal and len(text) <= 3
        if not (is_decimal or is_language) and len(text) <= 3 and _ocr_number(text):
            is_number = True  # "l2": page 12, the OCR reading its 1 as a letter
        elif not (is_decimal or is_language) and len(text) == 6 and _ocr_number(text):
            is_date = True  # "2303l8"
        if not (is_date or is_language or is_number):
            continue  # most lines: skip the neighbour scan
        near = [rules[j] for j in _neighbours(stripped, i, 3)]
        if is_date and ("job-number" in near or "barcode" in near):
            rules[i] = "print-date"
        elif is_language and ("symbol-line" in near or "page-label" in near):
            rules[i] = "running-header"
        elif is_number and any(r in TURN_RULES for r in near[:2] + near[3:5]):
            # Not beside another bare number: a column of table cells would pass the test cell by cell.
            rules[i] = "bare-page-number"  # position (head or foot) unknown: _number_pages reads it
            numbers = True
    if numbers:
        _bare_numbers_in_sequence(stripped, rules, printed)


def _bare_numbers_in_sequence(
    stripped: list[str], rules: list[str | None], printed: dict[int, str] | None = None
) -> None:
    """Keep as text the bare numbers that do not fit the printed page sequence: a table's
    totals ("215", "978") printed beside a page's footer are no page numbers.

    A page number n fits when it is above the last printed one (L) and at most one past the
    furniture runs since (k page turns at most: the foot of page L + k or the head of the next),
    and within the page count of "N/M" footers. Walks the ruled lines only (a few hundred).
    printed: a line's page-number cell, for lines of furniture cells ("S/2099/82      2/3")."""
    printed = printed or {}
    ruled = list(compress(range(len(rules)), rules))
    totals = [page_of(printed.get(i, stripped[i]))[1] for i in ruled if rules[i] == "page-number"]
    total = max(totals) if totals else None
    last, runs, previous = 0, 0, -1
    for i in ruled:
        rule = rules[i]
        if rule not in TURN_RULES and rule != "bare-page-number":
            continue
        if previous < 0 or _next_text_line(stripped, rules, previous + 1, i) < i:
            runs += 1  # the first furniture after text: a new run (a page turn, at most)
        previous = i
        if rule == "page-number":
            last, runs = page_of(printed.get(i, stripped[i]))[0], 0
        elif rule == "page-label":
            m = PAGE_LABEL.match(stripped[i])
            last, runs = int(m.group(1) or m.group(2)) - 1, 0  # "Page 2" is the turn after page 1
        elif rule == "bare-page-number":
            number = int(printed.get(i, stripped[i]).translate(OCR_DIGITS))
            if last < number <= last + runs + 1 and (total is None or number <= total):
                last, runs = number, 0
            else:
                rules[i] = None


# Where the masthead ends: a body marker ("I.", "1.", or blocks.SUMMARY_MARK's "Summary") or a
# sentence (a line with a space and lower case that ends a clause, blocks.closed_end: "Distr.:
# General" and "ORIGINAL:" do not).
_BODY_MARKER = re.compile(r"^(?:[IVXL]{1,6}|\d{1,3})\.(?:\s|$)")
_LOWER = re.compile(r"[a-z]")


def _cited_symbols(stripped: list[str], rules: list[str | None], at: list[int], form_feeds: set[int]) -> None:
    """A symbol alone on its line (the lines at) is furniture when it is the report's own: at a
    page turn (beside a page number, bare or not, a job number, barcode... or a form feed), in the masthead
    (before the first body marker or sentence), or the same symbol as one of those (a page
    whose footer the OCR lost). Any other is a symbol the text cites, wrapped onto a line of
    its own ("…issued as document" / "S/2098/900"): text, and not one of the report's symbols."""
    masthead_end = _masthead_end(stripped, rules, at[-1])
    own: set[str] = set()
    cited: list[int] = []
    for i in at:
        if stripped[i] in own:  # the running symbol, again: no neighbours to look at
            continue
        near = _neighbours(stripped, i, 2)
        if i < masthead_end or _beside_page_break(stripped, rules, near) or _form_feed_among(form_feeds, near, i):
            own.add(stripped[i])
        else:
            cited.append(i)
    for i in cited:
        if stripped[i] not in own:
            rules[i] = None


def _beside_page_break(stripped: list[str], rules: list[str | None], near: list[int]) -> bool:
    """Page-break furniture among the lines near (a page number, bare or not, a job number, a
    barcode …): the line they stand beside is at a page turn."""
    return any(rules[j] in PAGE_BREAK_RULES or _page_number_like(stripped[j]) for j in near)


def _form_feed_among(form_feeds: set[int], near: list[int], i: int) -> bool:
    """A form feed between the first and the last of the lines near line i."""
    return bool(form_feeds) and not form_feeds.isdisjoint(range(min(near, default=i), max(near, default=i) + 1))


def _page_number_like(text: str) -> bool:
    """A bare number ("21"), which _context_rules will read as a page number beside a symbol."""
    return len(text) <= 3 and text.isdecimal()


def _masthead_end(stripped: list[str], rules: list[str | None], stop: int) -> int:
    """Index of the first kept line that starts the body (a marker) or is a sentence, looking no
    further than stop (the last symbol line): the masthead's symbols come before it."""
    for i in range(min(stop + 1, len(stripped))):
        text = stripped[i]
        if not text or rules[i]:
            continue
        if _BODY_MARKER.match(text) or SUMMARY_MARK.match(text):
            return i
        if " " in text and closed_end(text) and _LOWER.search(text):
            return i
    return stop + 1


def _repeated_headers(stripped: list[str], rules: list[str | None]) -> None:
    """Short lines that recur at page turns are running headers or footers.

    Only the occurrences beside page-break furniture (a page number, job number...) count,
    and a line is a header only when REPEATED_HEADER_MIN of them are: a table's column
    headings ("Women", "Men") or empty cells ("–") recur on every page of the table, but
    beside furniture only where a job number lands among the cells."""
    # Counted in C over every line the rules kept, then filtered by the distinct lines: a
    # generator with the tests per line cost 0.4 ms more per corpus pass.
    counts = Counter(compress(stripped, map(not_, rules)))
    repeated = {
        t for t, n in counts.items()
        if n >= REPEATED_HEADER_MIN and t and len(t) <= REPEATED_HEADER_MAX_LEN and not _looks_like_marker(t)
        and _LETTER.search(t)  # a header has words; "–", "14", "1 193" are a table's cells
    }
    if not repeated:
        return
    at_turns: dict[str, list[int]] = {}
    for i in compress(range(len(stripped)), map(repeated.__contains__, stripped)):
        # The rules before this pass only: a header found here does not make its neighbour one.
        # Not beside a running symbol alone: a table's headings start the page under it.
        if not rules[i] and any(rules[j] in PAGE_BREAK_RULES for j in _neighbours(stripped, i, 2)):
            at_turns.setdefault(stripped[i], []).append(i)
    symbol_headers = set()
    for text, found in at_turns.items():
        if len(found) >= REPEATED_HEADER_MIN:
            if " " in text and all(map(SYMBOL_LINE.fullmatch, text.split())):
                symbol_headers.add(text)  # "A/70/357 S/2015/682": its symbols are the report's
            for i in found:
                rules[i] = "running-header"
    if symbol_headers:  # every such line is the header, at a turn or not (as a symbol alone is)
        for i in compress(range(len(stripped)), map(symbol_headers.__contains__, stripped)):
            rules[i] = "symbol-line"


def _spaced_furniture(
    stripped: list[str], rules: list[str | None], candidates: list[int], printed: dict[int, str], form_feeds: set[int]
) -> bool:
    """Job numbers and page numbers the OCR put a space inside a token of ("06-4 4161", "1 9/19",
    "Page 1 3", "… (E) 31 0706"; the seed's masthead has "A./70/3 57"): at a page turn (beside
    other furniture or a form feed), a line that one of those rules matches once one of its
    spaces, or all, are taken out is that furniture. A line whose pieces are each furniture
    already ("2/28 15-14893") is left to the other rules. printed gets the mended text, which
    pagination reads a page number from. True when any line was so read.

    Such a line starts with a digit or "Page": it is among remove_furniture's candidates. A
    symbol so cut ("S/2006/59 2") starts as prose does and stays text: a test of every short
    line, of those near furniture, or a search of the text for the running symbol's start cost
    1-1.4 % of a six-report pass."""
    found: dict[int, tuple[str, str]] = {}  # line -> (the rule it matches mended, mended)
    for line in candidates:
        entry = stripped[line]
        if rules[line] or len(entry) not in _SPACED_LENGTHS or " " not in entry:
            continue
        if "/" not in entry and "-" not in entry and entry[0] != "P":
            continue  # a table's figures ("1 200 3 400"): no page or job number
        if _SPACED_CANDIDATE.fullmatch(entry) and (mended := _without_a_space(entry)):
            found[line] = mended
    # Beside furniture or a form feed, maybe furniture so damaged too (a page's foot both cut),
    # so a second round sees the first's.
    ruled = False
    for _ in range(2):
        for i, (rule, fixed) in list(found.items()):
            near = _neighbours(stripped, i, 2)
            if any(rules[j] in _TURN_NEIGHBOURS for j in near) or _form_feed_among(form_feeds, near, i):
                rules[i], printed[i] = rule, fixed
                del found[i]
                ruled = True
    return ruled


def _without_a_space(line: str) -> tuple[str, str] | None:
    """(rule, mended line): the furniture rule the line matches once one of its spaces, or all,
    are taken out, unless its pieces are each furniture already; None for none."""
    if all(_FURNITURE_CELL_RE.fullmatch(cell) for cell in line.split()):
        return None
    mended = [line[:k] + line[k + 1 :] for k in find_all(line, " ")] + [line.replace(" ", "")]
    return next(((rule, fixed) for fixed in mended if (rule := classify(fixed)) in _SPACED_RULES), None)


# A line of capitals, digits and furniture's marks with one to three single spaces inside and a
# digit: the lines _spaced_furniture reads again.
_SPACED_CANDIDATE = re.compile(r"(?=.*\d)(?:Page )?[A-Z0-9*][A-Z0-9/.()*\-]*(?: [A-Z0-9/.()*\-]+){1,3}")
_SPACED_LENGTHS = range(4, 49)  # "1 /2" to "GE.19-00812 (E) 100105 100105" and spaces
_SPACED_RULES = frozenset(("job-number", "page-number", "page-label"))
_TURN_NEIGHBOURS = PAGE_BREAK_RULES | HEAD_RULES


def _titled_headers(text: str, stripped: list[str], rules: list[str | None]) -> None:
    """Running headers that set the document's own symbol beside its short title ("A/RES/70/1
    Transforming our world …", the title first on the facing pages), as resolutions print them
    since about 2013 (only a resolution's are looked for): at a page turn after the first, the
    masthead's symbol, then a space or a column gap and a title, or the two the other way
    round. Only the masthead's symbol counts: a cited one over a title is a table's row or the
    text's (a title longer than the repeated headers' limit, or seen fewer times, stayed text,
    a heading over the page's first paragraph)."""
    own = _SYMBOLS_IN_LINE.search(text, 0, _MASTHEAD_SYMBOL_CHARS)
    if own is None or "/RES/" not in own.group(0):
        return  # a report's header is its symbols: the search below costs 0.5 % of a pass
    symbol = own.group(0)
    lines = sorted(set(_lines_holding(text, symbol)))[1:]  # the masthead's line aside
    for i in lines:
        line = stripped[i]
        if rules[i]:
            continue
        if line.startswith(symbol + " "):
            title = line[len(symbol):].lstrip()
        elif line.endswith(" " + symbol):
            title = line[: -len(symbol)].rstrip()
        else:
            continue
        if not title[:1].isupper() or title[-1] in ".,;:" or len(title) > _TITLED_HEADER_MAX_LEN:
            continue
        if _beside_page_break(stripped, rules, _neighbours(stripped, i, 2)):
            rules[i] = "running-header"


# Where the masthead prints the document's symbol ("United Nations      A/RES/70/1"), in pdftotext
# -layout's long lines too; and the longest short title a running header sets beside it.
_MASTHEAD_SYMBOL_CHARS = 1500
_TITLED_HEADER_MAX_LEN = 200
_LETTER = re.compile(r"[^\W\d_]")


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
    lines = text.split("\n")
    stripped = list(map(str.strip, lines))
    if "1" in stripped:  # a footnote's mark alone on its line, maybe (one C search of the list)
        join_lone_marks(stripped)
    # Only lines that some rule can match go to classify(): those without a space, and those
    # starting as a rule that allows a space does (the others are prose; classify() would
    # answer None). Cheaper than classify()'s own prose test, which upper-cases the line.
    candidates = [
        i for i, t in enumerate(stripped)
        if t and (" " not in t or t[0] in _SPACED_RULE_STARTS or t[0].isdecimal() or t[:5] == "page "
                  or (t[0] in "lIO" and t[1:2].isdecimal()))  # "l8-03983 (E)"
    ]
    if text.find("/RES/", 0, _MASTHEAD_CHARS) >= 0:  # a resolution: its symbol has its year, "S/RES/2100 (2013)"
        candidates = sorted({*candidates, *(i for i, t in enumerate(stripped) if t[-1:] == ")" and t[-6:-5] == "(")})
    rules: list[str | None] = [None] * len(stripped)
    for i in candidates:
        rules[i] = classify(stripped[i])
    # pdftotext -layout sets a page's furniture side by side: "S/2099/82      2/3".
    layout = bool(_INDENTED_LINE.search(text))
    printed = _side_by_side(stripped, rules) if layout else {}
    # Other text layers set them a space apart: "2/28 15-14893" (a digit first: a candidate).
    # classify() marks them "furniture-cells" (only lines without lower case get that far).
    if "furniture-cells" in rules:  # a C search of the list: most reports have none
        printed.update(_tight_cells(stripped, rules, [i for i in candidates if rules[i] == "furniture-cells"]))
    symbol_lines = [i for i in candidates if rules[i] == "symbol-line"]
    if symbol_lines:
        _cited_symbols(stripped, rules, symbol_lines, form_feeds)
    _context_rules(stripped, rules, candidates, printed)
    if _spaced_furniture(stripped, rules, candidates, printed, form_feeds):
        _context_rules(stripped, rules, candidates, printed)  # a bare page number beside them
    _repeated_headers(stripped, rules)
    _titled_headers(text, stripped, rules)
    if "ontents" in text or "ONTENTS" in text:  # one C search: most reports print no contents
        _table_of_contents(stripped, rules)
    if text.find("Please recycle", 0, _FIRST_PAGE_CHARS) >= 0:  # the first page's foot since about 2012
        for i in set(_lines_holding(text[:_FIRST_PAGE_CHARS], "Please recycle")):
            if stripped[i].rstrip(_RECYCLING_SIGNS) == "Please recycle":
                rules[i] = "recycle-note"
    if "(continued)" in text:  # "Annex I (continued)" over a page that goes on
        for i in _lines_ending(stripped, "(continued)"):
            if not rules[i] and len(stripped[i]) <= CONTINUED_HEADER_MAX:
                rules[i] = "continued"
    if "____" in text:  # a separator rule of underscores, maybe over notes (C search; "in rules" cost more)
        _note_separators(stripped, rules)
    # Digit-led lines are among the candidates: no second pass over all lines. A note stands
    # at a page's foot, so furniture follows within a few lines, or the text ends (one page).
    last_page_foot = len(rules) - NOTE_FOOT_LINES
    note_start = any(
        (stripped[i][:2] == "1 " or stripped[i][:3] == "1/ ")  # "1/": the 1990s' marks
        and not stripped[i][2:3].isdigit()  # "1 200", a table cell
        and (not stripped[i - 1] or _unbroken_to_furniture(stripped, rules, i))
        and (i >= last_page_foot or any(rules[i + 1 : i + NOTE_FOOT_LINES]))
        for i in candidates
        if stripped[i][:1] == "1"  # [:1]: a separator rule made blank is among them
    )
    paged = _paginate(stripped, rules, form_feeds, printed, note_start)
    if layout:  # leading spaces of the kept lines (a paragraph's first line is indented)
        # The leading spaces by C-level maps: a Python loop per line cost 2 %.
        indents = list(map(sub, map(len, lines), map(len, map(str.lstrip, lines))))
        paged = replace(paged, indents=tuple(map(indents.__getitem__, map((-1).__add__, paged.linenos))))
    return paged


# Where the first page ends at the latest ("Please recycle" is looked for there only: a search of
# the whole text cost 15 us a report): a page holds ~4,500 characters, twice as many with
# pdftotext -layout's spaces.
_FIRST_PAGE_CHARS = 12_000
# The recycling sign pdftotext may print after "Please recycle" (U+2672, U+267B, a private-use
# glyph of the symbol font), and spaces.
_RECYCLING_SIGNS = " \t\u2672\u267b\uf0b9\uf0e0"


def _note_separators(stripped: list[str], rules: list[str | None]) -> None:
    """The rule of underscores over a page's first footnote ("__________________" then "1 See
    …" or "1/ See …") is kept as a blank line, which sets the notes off from the body as plain_notes expects;
    dropped, it left the first note right under the body's last line."""
    for i in compress(range(len(rules) - 1), map(eq, rules, repeat("rule-line"))):
        if stripped[i + 1][:2] in ("1 ", "1/") and not stripped[i].strip("_"):
            stripped[i], rules[i] = "", None


# pdftotext -layout indents lines (a right-aligned symbol, a centred title): the test for such
# text. A regex: str's search for "\n " or "   " stops at every newline or space and costs
# twice or three times as much (0.5 against 1-1.5 ms per MB).
_INDENTED_LINE = re.compile("\n ")
# The gap between columns that pdftotext -layout keeps as spaces.
COLUMN_GAP = re.compile(r"\s{3,}")
# The rules whose line prints the page number, preferred as a side-by-side line's rule.
_PRINTED_RULES = ("page-number", "page-label", "bare-page-number")


def _side_by_side(stripped: list[str], rules: list[str | None]) -> dict[int, str]:
    """Lines made of furniture cells side by side ("S/2099/82      2/3", "2      99-01234")
    get the rule of their page-number cell (or their first); returns {line index: that cell},
    the text the page number is read from. A bare number counts beside other furniture."""
    printed: dict[int, str] = {}
    for i, line in enumerate(stripped):
        if rules[i] is not None or "   " not in line:
            continue
        ruled = _cells_rule(COLUMN_GAP.split(line))
        if ruled:
            rules[i], printed[i] = ruled
    return printed


def _cells_rule(cells: list[str]) -> tuple[str, str] | None:
    """(rule, cell) of a line made of furniture cells: the rule of its page-number cell (or its
    first) and that cell; None unless every cell is furniture and one is more than a bare
    number (a line of bare numbers is a table's)."""
    found = [classify(cell) for cell in cells]
    if not any(found):
        return None
    found = [
        rule or ("bare-page-number" if cell.isdigit() and len(cell) <= 4 else None)
        for rule, cell in zip(found, cells, strict=True)
    ]
    if not all(found):
        return None
    pick = next((k for k, r in enumerate(found) if r in _PRINTED_RULES), 0)
    return found[pick], cells[pick]


# One cell of page furniture, as other text layers set them side by side on one line: a page
# number ("2/28", or bare beside the others), a job number ("15-14893 (E) 100915"), a symbol,
# a barcode.
_FURNITURE_CELL = (
    r"(?:\d{1,4}/\d{1,4}|(?:GE\.)?\d{2}-\d{5}\*?(?: \([A-Z]\))?(?: \d{6}){0,2}"
    r"|[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?<!\.)|\*\d{6,}[A-Z]?\*|\d{1,4})(?!\S)"
)
_FURNITURE_CELL_RE = re.compile(_FURNITURE_CELL)
# A cell only furniture has (not a bare number), anywhere in a line.
_STRONG_CELL = re.compile(r"\d/\d|\d{2}-\d{5}|[A-Z]/[A-Z0-9]|\*\d{6}")
# A line of two such cells or more.
_TIGHT_CELLS_LINE = re.compile(rf"{_FURNITURE_CELL}(?: +{_FURNITURE_CELL})+")


def _tight_cells(stripped: list[str], rules: list[str | None], lines: Iterable[int]) -> dict[int, str]:
    """Those of the lines that are furniture cells side by side ("2/28 15-14893", "2 06-44161")
    get their rule as _side_by_side's lines do (_cells_rule: a bare number is a cell only beside
    a page number, job number, symbol or barcode, the only other cells such a line has); returns
    {line index: the cell the rule is read from}. The others are no furniture after all."""
    printed: dict[int, str] = {}
    for i in lines:
        ruled = _cells_rule([m.group(0) for m in _FURNITURE_CELL_RE.finditer(stripped[i])])
        if ruled:
            rules[i], printed[i] = ruled
        else:
            rules[i] = None
    return printed


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
    marker or blank line after the last entry is left to the text (it may start the body).
    Under a "Page" column an entry needs no leader (OCR drops them): a line ending in its
    page number, or a title and then its page number on a line of its own, the pages never
    going back (the body's first line "… dated 12" after an entry on page 17 is none)."""
    for i in [i for i, t in enumerate(stripped) if not rules[i] and CONTENTS_TITLE.match(t)]:
        if rules[i]:  # inside a table found before
            continue
        end, entries, j = i, 0, i + 1
        paged, last_page = "page" in stripped[i].lower(), 0
        while j < len(stripped):
            line = stripped[j]
            if not line or rules[j] or CONTENTS_MARKER.match(line):
                j += 1
                continue
            if DOT_LEADER.search(line):
                entries += 1
            elif CONTENTS_COLUMNS.match(line):
                paged = paged or line[:1].isalpha()  # "Page", "Paragraphs Page"
            elif paged and (page := _entry_page(line)) is not None:
                if page < last_page:
                    break
                entries, last_page = entries + 1, page
            elif _leader_follows(stripped, rules, j, paged):
                if paged:  # a title whose page is on a line of its own: an entry without a leader
                    entries += 1
            else:
                break
            end = j = j + 1
        if entries >= CONTENTS_MIN_ENTRIES:
            for k in range(i, end):
                if stripped[k] and not rules[k]:
                    rules[k] = "table-of-contents"


def _leader_follows(stripped: list[str], rules: list[str | None], j: int, paged: bool = False) -> bool:
    """A leader line (under a "Page" column, a page number too) comes within CONTENTS_WRAP_MAX
    text lines after j, with no marker between: line j is the wrapped start of an entry's title."""
    seen = 0
    for k in range(j + 1, len(stripped)):
        line = stripped[k]
        if not line or rules[k]:
            continue
        if DOT_LEADER.search(line):
            return True
        if paged and line.isdigit():  # the entry's page, on a line of its own
            return True
        seen += 1
        if seen >= CONTENTS_WRAP_MAX or CONTENTS_COLUMNS.match(line) or CONTENTS_MARKER.match(line):
            return False
    return False


# A contents entry without a leader: its title and its page ("Introduction 3", "I. Introduction
# 1-4 3"); a title is no longer than a heading.
_UNLED_ENTRY = re.compile(r"^\S.{0,150}\s(\d{1,3})$")


def _entry_page(line: str) -> int | None:
    """The page number that ends a contents entry printed without a leader, or None."""
    m = _UNLED_ENTRY.match(line)
    return int(m.group(1)) if m else None


# A heading repeated at the top of a page with "(continued)": "Annex I (continued)". The heading
# itself was shown where it started.
CONTINUED_HEADER_MAX = 80


def _lines_ending(stripped: list[str], tail: str) -> list[int]:
    """Indexes of the lines that end with tail (and hold more)."""
    return [i for i, t in enumerate(stripped) if t.endswith(tail) and t != tail]


def _lines_holding(text: str, char: str) -> list[int]:
    """0-based indexes of the lines ("\n"-separated) of text that hold char, in order (with repeats)."""
    found, line, previous = [], 0, 0
    for position in find_all(text, char):
        line += text.count("\n", previous, position)
        previous = position
        found.append(line)
    return found


def _running_symbols(lines: Iterable[str]) -> list[str]:
    """The symbols of the running headers in order of first appearance (a joint report's first
    is its primary), each as it is most often printed: the OCR's variants of a symbol go
    ("A/7O/357" once among forty "A/70/357" is A/70/357)."""
    counts = Counter(lines)
    spelled: dict[str, str] = {}  # the OCR-proof spelling -> the most printed form of it
    for symbol in counts:  # first appearance order
        key = symbol_digits(symbol)
        if key not in spelled or counts[symbol] > counts[spelled[key]]:
            spelled[key] = symbol
    return list(map(mend_symbol, spelled.values()))


def mend_symbol(symbol: str) -> str:
    """symbol with each segment of digits and the OCR's letters for 0 and 1 only ("7O", "35l")
    read as digits: "A/7O/357" is A/70/357; "Corr.1", "Add.1", "HRC" have no such segment."""
    if not any(c in symbol for c in "OolI"):
        return symbol
    return "/".join(
        s.translate(OCR_DIGITS) if _OCR_SEGMENT.fullmatch(s) and any(map(str.isdigit, s)) else s
        for s in symbol.split("/")
    )


_OCR_SEGMENT = re.compile(r"[\dOolI]+")


def symbol_digits(symbol: str) -> str:
    """symbol with the OCR's letters for 0 and 1 read as digits in its segments that hold digits."""
    return "/".join(s.translate(OCR_DIGITS) if any(map(str.isdigit, s)) else s for s in symbol.split("/"))


def _paginate(
    stripped: list[str], rules: list[str | None], form_feeds: set[int], printed: dict[int, str], note_start: bool
) -> Paged:
    """Split off the dropped lines and number the pages of the kept ones.

    The page count changes only at furniture and form feeds (a few hundred lines of
    thousands), so only those are walked in Python; the kept lines are copied as slices
    between them (a loop over every line cost 1.8 ms per corpus pass and C-level maps 1 ms;
    tests/test_clean_speedups.py compares the loop with this)."""
    n = len(stripped)
    ruled = list(compress(range(n), rules))
    events = sorted(set(ruled).union(form_feeds)) if form_feeds else ruled
    dropped = [DroppedLine(i + 1, stripped[i], rules[i]) for i in ruled]
    symbols = _running_symbols(s for i in ruled if rules[i] == "symbol-line" for s in line_symbols(stripped[i]))
    starts = _number_pages(_furniture_runs(stripped, rules, events, form_feeds, printed), n)
    texts, linenos = _kept_lines(stripped, ruled)
    breaks = [start - bisect_left(ruled, start) for start, _ in starts]  # as indexes into texts
    pages = _page_column(breaks, starts, len(texts))
    return Paged(texts, linenos, pages, tuple(dropped), tuple(symbols), bool(breaks), frozenset(breaks), note_start)


@dataclass
class Run:
    """A run of furniture (and form feeds) between two text lines: a page turn, maybe."""

    start: int  # source index of the first text line after the run (len(stripped): none)
    rules: set[str]
    form_feed: bool = False
    foot: int | None = None  # the page of the text before, when printed ("2/28" foots page 2)
    head: int | None = None  # the page of the text after, when printed ("Page 2")
    bare: int | None = None  # a bare page number: the foot of one page or the head of the next

    @property
    def strong(self) -> bool:
        """Printed for a page turn: counted as one even when no printed number asks for it."""
        return self.form_feed or not self.rules.isdisjoint(PAGE_BREAK_RULES)

    @property
    def weight(self) -> int:
        """How surely the run is a turn: a form feed, or the foot of one page and the head of the next."""
        if self.form_feed:
            return 3
        head = not self.rules.isdisjoint(HEAD_RULES)
        return head + (not self.rules.isdisjoint(FOOT_RULES))


def _furniture_runs(
    stripped: list[str], rules: list[str | None], events: list[int], form_feeds: set[int], printed: dict[int, str]
) -> list[Run]:
    """The runs of furniture after the first text line that may be page turns, in order:
    those holding page-break furniture, a form feed, or a head (a running symbol alone:
    a page whose footer the OCR lost). printed: the cell of a side-by-side line that prints
    its page number (_side_by_side)."""
    n = len(stripped)
    first_text = _next_text_line(stripped, rules, 0, n)
    runs: list[Run] = []
    run, previous = None, -1
    for i in events:
        if run is not None:
            j = _next_text_line(stripped, rules, previous + 1, i)
            if j < i:  # text since the last event: the run ended there
                run.start = j
                runs.append(run)
                run = None
        previous = i
        if i <= first_text:
            continue
        rule = rules[i]
        if rule == "table-of-contents":
            # A printed contents page is a page of its own: the furniture before it and after
            # it are two page turns, not one run (the summary under it was counted on its page).
            if run is not None:
                run.start = _next_text_line(stripped, rules, i, n)
                runs.append(run)
                run = None
            continue
        if run is None and (rule or i in form_feeds):
            run = Run(n, set())
        if rule:
            run.rules.add(rule)
            _read_printed(run, printed.get(i, stripped[i]), rule)
        if i in form_feeds:
            run.form_feed = True
            if not rule and stripped[i]:  # a kept line with a form feed starts the page itself
                run.start = i
                runs.append(run)
                run = None
    if run is not None:
        run.start = _next_text_line(stripped, rules, previous + 1, n)
        runs.append(run)
    return [r for r in runs if r.strong or not r.rules.isdisjoint(HEAD_RULES)]


def _read_printed(run: Run, text: str, rule: str) -> None:
    """Note the page number that a line of the run prints."""
    if rule == "page-number" and run.foot is None:
        run.foot = page_of(text)[0]  # "2/28" foots page 2
    elif rule == "page-label":
        m = PAGE_LABEL.match(text.translate(OCR_DIGITS))  # "Page l0" too (classify)
        run.head = int(m.group(1) or m.group(2))  # "Page 2" heads page 2
    elif rule == "bare-page-number" and run.bare is None:
        run.bare = int(text.translate(OCR_DIGITS))


def _number_pages(runs: list[Run], n: int) -> list[tuple[int, int]]:
    """(source index of a page's first line, its page) for each page turn.

    Printed numbers win: between two runs that print one, as many of the runs without
    are turns as the numbers leave room for, the surest first (a footnote printed between
    a page's barcode and its job number, or a job number among a table's cells, is no
    second turn; a running symbol alone is one when the footer was lost). The count may
    go back. After the last printed number, each run of page-break furniture is a turn."""
    starts: list[tuple[int, int]] = []
    page, k = 1, 0
    while k < len(runs):
        a = next((j for j in range(k, len(runs)) if runs[j].foot or runs[j].head or runs[j].bare), None)
        between = runs[k:a] if a is not None else [r for r in runs[k:] if r.strong]
        if a is None:
            turns = between
        else:
            before, after = _printed_pages(runs[a], page, len(between))
            turns = _surest(between, before - page)
        for run in turns:
            if run.start < n:
                page += 1
                starts.append((run.start, page))
        if a is None:
            break
        if runs[a].start < n:
            page = after
            starts.append((runs[a].start, page))
        k = a + 1
    return starts


def _printed_pages(run: Run, page: int, room: int) -> tuple[int, int]:
    """The pages of the text before and after a run that prints a number, the count being at
    page with `room` possible turns before the run."""
    if run.foot:
        return run.foot, run.head or run.foot + 1
    if run.head:
        return run.head - 1, run.head
    if page <= run.bare <= page + room:  # the foot of the page the count reaches
        return run.bare, run.bare + 1
    return run.bare - 1, run.bare  # the head of the next


def _surest(runs: list[Run], count: int) -> list[Run]:
    """The `count` runs most surely page turns (the later on a tie: a page's foot is at its
    end), in order."""
    if count <= 0:
        return []
    if count >= len(runs):
        return runs
    ranked = sorted(range(len(runs)), key=lambda j: (runs[j].weight, j), reverse=True)
    return [runs[j] for j in sorted(ranked[:count])]


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
