"""Segment cleaned lines into raw blocks: front matter, headings, paragraphs, items, footnotes.

Works on both layouts UN texts come in: one line per paragraph (page breaks as blank
lines that cut sentences) and hard-wrapped OCR (numbers alone on their line, headings
wrapped over two lines). A marker ("12.", "III.", "B.", "(a)") starts a block only when
it fits the document's own numbering sequence; otherwise the line is text and the QA
report says so. Nothing here joins words or edits text: that is the structure stage.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from .models import CAPTION_KINDS, SourceLine
from .ocrfix import PRONOUN_VERBS
from .tables import is_table_row

# "12. Text" or "12." alone (pdftotext puts the number on its own line).
# OCR damage it allows: "6 ." (a space before the point) and "7.The" (no space after it, before
# a capital or an opening quote or bracket; "2.5 per cent" stays text). The text is group 2, or
# group 3 when glued (_Segmenter._para reads either).
PARA_MARK = re.compile(r"^(\d{1,5}) ?\.(?:$|\s+(.*)$|(?=[A-Z“\"‘(])(.*)$)")
# "3.12 The Department …": a decimal paragraph number, chapter then paragraph, as programme
# budget fascicles number theirs ("A/74/6 (Sect. 3), para. 3.12"). Text after it starts with a
# capital, so "2.5 per cent" at a line start is no marker.
DECIMAL_MARK = re.compile(r"^(\d{1,2})\.(\d{1,3})\.?(?:$|\s+(?=[A-Z“\"‘(])(.*)$)")
# A paragraph number the OCR damaged: "17," or "17:" for "17.", "l7." or "I7." for "17.", "2O."
# for "20.", "1 7." (spaced apart, as pdftotext spaces "Accounta nt"), "17 The" (its full stop
# lost), "17) The" (a bracket for it), "17The" (the space lost too), the text after it starting
# with a capital. Taken only as the very number that comes next, after a finished sentence
# (_Segmenter._damaged_para), and reported. It starts with a digit, or an l or I before one
# (_candidate_handlers).
DAMAGED_PARA_MARK = re.compile(
    r"^(?=\d|[lI]\d)([\dlIOo](?: ?[\dlIOo]){0,3})(?:[.,:;)]\s+|\s+|(?=[A-Z][a-z]))(?=[A-Z“\"‘(]|1 [a-z])(.*)$"
)
_DAMAGED_PARA_STARTS = frozenset("0123456789lI")
# Lines looked through for the next paragraph's mark (a long paragraph has ~40).
_MARK_LOOKAHEAD_LINES = 120
# A paragraph's mark without its full stop ("4 The …"), and how many such marks in sequence
# after a damaged one confirm it (or fewer, the last confirmed by an intact mark:
# _Segmenter._number_confirmed).
_STOPLESS_PARA_MARK = re.compile(r"(\d{1,3})\s+[A-Z“\"‘(]")
_CONFIRMING_CHAIN = 3
# The pronoun "I" the OCR read as "1" ("l12. 1 am mindful …"): a capital too, before the verbs
# that follow a Secretary-General's "I" (ocrfix.PRONOUN_VERBS); the word rules mend the "1".
_PRONOUN_ONE = re.compile(r"1 ([a-z]+)\b")
# The OCR's letters for the digits 1 and 0 ("l7", "2OO6"), read as digits; shared by the
# furniture's page numbers and the masthead's dates and symbols.
OCR_DIGITS = str.maketrans("lIOo", "1100")
# Section letters the OCR reads as digits ("8." for "B."): _Segmenter._digit_for_letter.
_DIGIT_LETTERS = {"8": "B", "6": "G", "5": "S"}
_ONES_NUMERALS = (11, 111)  # "11." and "111." for "II." and "III."
# "Annex 11" for "Annex II", only right after annex I (the label less its last I: the annex before).
_ONES_LABELS = {"11": "II", "111": "III"}
# A section numeral the OCR damaged: "Il.", "Ill.", "lV.", "11.", "1V." for "II.", "III.", "IV."
# (a lower-case L or a digit 1 for a capital I; "1." alone is _Segmenter._digit_for_roman's), or
# its full stop: "III . Title" (spaced off, as pdftotext spaces "development ."), "III, Title",
# "III.Title" (glued to a title's word, not "I.S/2015/1"). Taken only as the section that comes
# next (_Segmenter._damaged_roman).
_DAMAGED_STOP = r"(?: \.|,|\.(?=[A-Z][A-Za-z]))"  # "III .", "III,", "III.Title"
_DAMAGED_MARK_TITLE = r"(?:\s*([^\sa-z].*))?$"  # a title does not start in lower case ("II, it assesses …")
DAMAGED_ROMAN_MARK = re.compile(
    rf"^(?=[IVXL]*[l1]|[IVXL]+{_DAMAGED_STOP})(?!1[.,])([IVXLl1]{{1,7}}) ?[.,]{_DAMAGED_MARK_TITLE}"
)
# A draft resolution inside a committee's report: its organ's line ("The General Assembly,") over
# its operative paragraphs, numbered anew, and its label ("Draft resolution II", "Draft decision").
DRAFT_ORGAN_LINE = re.compile(
    r"^The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council),$"
)
# The words a resolution's preambular paragraph opens with (the United Nations' editorial usage):
# participles and adjectives, and the adverbs before them ("Deeply concerned", "Also recalling").
# A list, not a pattern: "United Nations" and "Beijing Declaration" also end in -ed and -ing.
PREAMBLE_OPENERS = frozenset(
    "Accepting Acknowledging Acting Affirming Alarmed Also Anticipating Appreciating Approving Aware Bearing "
    "Believing Cognizant Commending Concerned Condemning Confident Conscious Considering Convinced Declaring "
    "Deeply Deploring Desiring Determined Dismayed Distressed Disturbed Drawing Emphasising Emphasizing "
    "Encouraged Encouraging Endorsing Expressing Fully Further Gravely Guided Having Highlighting Keeping "
    "Looking Mindful Noting Observing Paying Pleased Praising Reaffirming Realizing Reasserting Recalling "
    "Recognising Recognizing Referring Regretting Reiterating Renewing Satisfied Seeking Seriously Sharing "
    "Shocked Stressing Strongly Supporting Taking Underlining Underscoring Urging Viewing Welcoming".split()
)


def preamble_paragraph_starts(previous: str, line: str) -> bool:
    """line starts a resolution's next preambular paragraph: the line before ends one (a comma)
    and line opens with a preambular word (PREAMBLE_OPENERS)."""
    return previous[-1:] == "," and line.partition(" ")[0] in PREAMBLE_OPENERS


def is_organ_line(line: str) -> bool:
    """The line that opens a resolution's text: "The General Assembly," (DRAFT_ORGAN_LINE)."""
    return line[:4] == "The " and DRAFT_ORGAN_LINE.match(line) is not None


DRAFT_LABEL = re.compile(r"^Draft (resolution|decision)(?: ([IVXL]{1,6}))?$")


def draft_key(m: re.Match[str]) -> str:
    """A draft's key from its label (DRAFT_LABEL): "draft-resolution-II", "draft-decision"."""
    return f"draft-{m.group(1)}-{m.group(2)}" if m.group(2) else f"draft-{m.group(1)}"
_DRAFT_LOOKBACK_LINES = 200  # a preamble's lines, looked back through from the "1."

# A section mark whose full stop the OCR lost: "IV Observations" (taken only as the next section
# over a marker: _Segmenter._stopless_roman).
STOPLESS_ROMAN_MARK = re.compile(r"^([IVXL]{1,7}) +([A-Z].*)$")
# A section letter whose full stop the OCR lost: "B Regional partnerships" (B onward: "A New …"
# may be a sub-heading's first word: taken only where B follows in its section; _Segmenter._stopless_letter).
STOPLESS_LETTER_MARK = re.compile(r"^([A-Z]) ([A-Z].*)$")
# A section letter's full stop damaged the same ways: "B . Title", "B, Title", "B.Title".
DAMAGED_LETTER_MARK = re.compile(rf"^([A-Z]){_DAMAGED_STOP}{_DAMAGED_MARK_TITLE}")
# The title of a report's list of abbreviations: "Abbreviations", "List of acronyms",
# "Abbreviations and acronyms".
ABBREVIATIONS_TITLE = re.compile(r"^(?:List of )?(?:abbreviations|acronyms)(?: and (?:abbreviations|acronyms))?$", re.IGNORECASE)
# The meeting that closes a resolution ("74th plenary meeting", the Council's "36th meeting"),
# its date under it.
MEETING_LINE = re.compile(r"\d{1,4}(?:st|nd|rd|th) (?:plenary )?meeting\b")
# A table cell of a number ("1 200", "512 300.0", "(1 987)", "12 %") or a dash for none.
NUMBER_CELL = re.compile(r"^(?:[-–—]|\(?\d[\d ,.]*\)?(?: ?%)?)$")
# "(a) Text", also "- (a) Text" as in Markdown-ish exports.
ITEM_MARK = re.compile(r"^(?:[-•–]\s+)?[({] ?([a-z]{1,4}) ?[)}]\s*(.*)$")
# An item mark that lost a bracket: "a) Text", "(a Text" (taken only in sequence: _Segmenter._item).
DAMAGED_ITEM_MARK = re.compile(r"^(?:[({] ?([a-z]{1,4})\s+|([a-z]{1,4})\)\s*)([A-Z“\"(].*)$")  # one run of spaces
# Section A's mark, its full stop kept or lost: under a numeral alone (_Segmenter._bare_roman).
_LETTER_A = re.compile(r"A(?:\.|$| [A-Z])")
# "III. Heading" or "III." alone.
ROMAN_MARK = re.compile(r"^([IVXL]{1,7})\.(?:\s+(.*))?$")
# Numerals a resolution sets alone on a line for its parts (see _Segmenter._bare_roman).
BARE_ROMANS = frozenset("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split())
# "Chapter II", "CHAPTER II", "Chapter II. Activities of the Unit": the sections of older
# General Assembly reports, numbered like "II." (the same section ids: sec-II).
# A title on the same line follows a full stop, colon or dash: "Chapter II of the Charter …" is prose.
CHAPTER_MARK = re.compile(r"^(?:Chapter|CHAPTER)\s+([IVXL]{1,7})(?:\.?$|(?:[.:]|\s[-–—])\s+(.*)$)")
# "B. Heading" or "B." alone.
LETTER_MARK = re.compile(r"^([A-Z])\.(?:\s+(.*))?$")
# "Annex", "Annex II", "ANNEX I".
ANNEX_MARK = re.compile(r"^(?:Annex|ANNEX)(?:\s+([IVXLl]{1,6}|\d{1,3}))?[.:]?$")  # "Annex II." too
# The same with the annex's title on its line after a colon, full stop or dash: "Annex I: Troop
# strength", "ANNEX II - COMPOSITION", "Annex III. Maps". Group 2 the title (a capital first).
ANNEX_TITLED_MARK = re.compile(r"^(?:Annex|ANNEX)(?:\s+([IVXLl]{1,6}|\d{1,3}))?\s*(?:[.:]|\s[-–—])\s+([A-Z].*)$")
# A figure's, table's or box's label on its own line ("Figure I", "Table 2.1", "Box 3"), or
# with its title after a colon, full stop or dash ("Table 1: Troop strength"). Group 1 the
# kind, 2 its number, 3 the title. ("Table 1 (continued)" over a page is furniture.)
CAPTION_NAMES = "|".join(kind.capitalize() for kind in CAPTION_KINDS)  # "Figure|Table|…"
CAPTION_MARK = re.compile(
    rf"^({CAPTION_NAMES})\s+([IVXL]{{1,6}}|\d{{1,3}}(?:\.\d{{1,2}})?[A-Z]?)(?:\s*[.:–—]\s+(\S.*))?$"
)
CAPTION_WORDS = tuple(f"{kind.capitalize()} " for kind in CAPTION_KINDS)
_CAPTION_INITIALS = "".join(kind[0].upper() for kind in CAPTION_KINDS)  # "FTBCGM": one test skips most lines
# The lines under a table or chart that say where its figures come from: a text block each.
SOURCE_NOTES = ("Source: ", "Sources: ", "Note: ", "Notes: ")
# A unit line under a figure's or table's title: "(Number of States)", "(Percentage)".
_UNIT_LINE = re.compile(r"^\([^()]{2,80}\)$")
# "Summary" heading of the report's summary box.
# "Summary", "Executive summary" (oversight and audit reports); "Surnmary": the OCR's "rn" for "m".
SUMMARY_MARK = re.compile(r"^(?:(?:Executive s|S)u(?:m|rn){2}ary|(?:EXECUTIVE )?SUMMARY)$")
# How far before a footnote set right under the text its reference is looked for (lines).
NOTE_REFERENCE_LINES = 80
# The most lines of text a page's foot takes from its first footnote on (_note_at_page_foot):
# the notes of a page with several.
NOTE_FOOT_LINES = 12
# A median line longer than this is a paragraph on one line: no page prints lines so long.
ONE_LINE_PARAGRAPH_MIN_CHARS = 150
# A footnote line: superscript number or asterisks, then the note ("¹ A/61/19", "* A/70/150.").
FOOTNOTE_LINE = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|[†‡])\s*(\S.*)$")

# The heading over endnotes (plain_notes.superscript_endnotes), alone on its line.
NOTES_TITLES = frozenset({"Notes", "NOTES"})
# What a marker line can start with besides a digit or capital: "(a)" and "- (a)" items.
# Part of the first-character dispatch in front of the marker patterns. ("" is not in it.)
_MARKER_OTHER_STARTS = ("(", "-", "•", "–", "{")
# What a FOOTNOTE_LINE can start with: most lines are told apart without the pattern.
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# Footnote marks as they stand in the text, after the word or sentence they annotate.
NOTE_MARK_CHARS = _SUPERSCRIPTS + "*†‡"  # a footnote's mark: a digit's superscript, a star, a dagger
_FOOTNOTE_STARTS = frozenset(NOTE_MARK_CHARS)

SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Sentence-final punctuation (closing quotes and brackets may follow, then superscript footnote
# marks: "…issued in December.¹", "…as he said.”²").
CLOSED_END = re.compile(r"[.!?:;][”’\"')\]]*[¹²³⁴⁵⁶⁷⁸⁹⁰]*$")
_CLOSERS = "”’\"')]"
_CLAUSE_ENDS = frozenset(".!?:;")
_CLOSERS_OR_NEWLINE = frozenset(_CLOSERS + _SUPERSCRIPTS + "\n")


def is_marker_line(text: str, decimal: bool = False) -> bool:
    """The line starts with a marker: paragraph, section, chapter, annex, letter or item
    ("3.12" too in a report numbered by chapter, `decimal`)."""
    first = text[:1]  # dispatch as in _Segmenter._candidate_handlers: one or two patterns per line
    if first.isdigit():
        return bool(PARA_MARK.match(text) or (decimal and DECIMAL_MARK.match(text)))
    if "A" <= first <= "Z":
        if (first in "IVXL" and ROMAN_MARK.match(text)) or (
            first == "A" and (ANNEX_MARK.match(text) or ANNEX_TITLED_MARK.match(text))
        ):
            return True
        if first == "C" and CHAPTER_MARK.match(text):
            return True
        return text[1:2] == "." and bool(LETTER_MARK.match(text)) and len(text) < MAX_HEADING_CHARS
    return first in _MARKER_OTHER_STARTS and bool(ITEM_MARK.match(text))


def _short_open(text: str) -> bool:
    """Short enough for a heading, and no finished sentence."""
    return len(text) <= MAX_HEADING_CHARS and not closed_end(text)


def closed_end(text: str) -> bool:
    """CLOSED_END.search(text), from the end of the text: re would try every character of a
    long line as the start of a match (tests/test_clean_speedups.py)."""
    last = text[-1:]
    if last in _CLAUSE_ENDS:  # most lines end in "." or in a letter: no rstrip copy, no second look
        return True
    if last not in _CLOSERS_OR_NEWLINE:
        return False
    if text.endswith("\n"):  # "$" also matches before a final newline
        text = text[:-1]
    return text.rstrip(_SUPERSCRIPTS).rstrip(_CLOSERS)[-1:] in _CLAUSE_ENDS


# Words whose "." a number follows in a document symbol or a reference, not a footnote mark:
# "A/70/357/Add.1", "para.2" (_Segmenter._known_mark_end).
NUMBERED_ABBREVIATIONS = frozenset("Add Corr Rev Amend Suppl Vol No no para paras art chap sect p pp".split())

# Words a cited number follows, ending a line: the next line's "12." is that number, not a
# paragraph marker ("… described in paragraph" / "12. The Council welcomed …"). One
# str.endswith over the tuple per accepted marker.
_NUMBER_TAKING_WORDS = (
    "paragraph", "paragraphs", "para.", "paras.", "Paragraph", "Paragraphs", "subparagraph", "subparagraphs",
    "resolution", "resolutions",
    "decision", "decisions", "annex", "annexes", "chapter", "chapters", "section", "sections", "page",
    "pages", "No.", "note", "notes", "item", "items", "article", "articles", "Article", "and", "or", "to",
)
_NUMBER_TAKERS = tuple(" " + word for word in _NUMBER_TAKING_WORDS)

# Headings are short; a longer run of lines is text.
MAX_HEADING_CHARS = 220
# A paragraph number may skip this many numbers (OCR lost one) and still be accepted.
MAX_PARA_SKIP = 5

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
SMALL_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def annex_number(label: str | None) -> str | None:
    """An ANNEX_MARK's number as printed, a lower-case L the OCR read for a capital I mended
    ("Annex Il" is annex II); None when it is no numeral then ("Annex lV" is IV, "Annex lX" IX)."""
    if not label or "l" not in label:
        return label or ""
    mended = label.replace("l", "I")
    return mended if roman_value(mended) is not None else None


def roman_value(s: str) -> int | None:
    """Value of a well-formed Roman numeral, else None ("IIII" and "VX" are not)."""
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if to_roman(total) == s else None


def _annex_ordinal(label: str) -> int | None:
    """An annex label's place in the sequence: "III" is 3, "2" is 2."""
    return int(label) if label.isdigit() else roman_value(label)


def to_roman(n: int) -> str:
    out = []
    for value, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


@dataclass
class RawBlock:
    """Lines that belong together, before words are joined."""

    kind: str  # "heading" | "paragraph" | "item" | "text" | "summary" | "front" (frontmatter.front_blocks)
    lines: list[str] = field(default_factory=list)  # texts of the lines after the marker line
    number: str | None = None
    level: int = 0  # headings: 1 roman/annex, 2 letter, 3 unnumbered (one more in an annex's roman section)
    section: str = ""  # "III", "annex-I"
    subsection: str = ""  # "A"
    annex_section: str = ""  # "II": the roman section inside an annex ("" outside annexes, and before it)
    first_line: str = ""  # the marker line's text after the marker ("" for bare markers)
    lineno: int = 0
    page: int | None = None
    broken_by_page: bool = False  # a page break fell inside this block
    parent_para: RawBlock | None = None  # items: the paragraph they belong to
    parent_item: RawBlock | None = None  # sub-items: the lettered item they belong to, "(i)" under "(a)"
    caption: str = ""  # a figure's, table's or box's label as an id: "figure-I", "table-2"
    before_caption: bool = False  # a chart's labels that pdftotext put before its caption
    # _Segmenter._in_quotation's running count: (first line, lines counted, “ seen, ” seen).
    quotes: tuple = field(default=(), repr=False, compare=False)
    # A paragraph's items, an item's sub-items, in order (the segmenter's _item keeps them).
    items: list = field(default_factory=list, repr=False, compare=False)
    # (_current_paragraph's answer when this block was the last one,), or () not asked.
    open_para: tuple = field(default=(), repr=False, compare=False)
    # A paragraph of a part that numbers its paragraphs anew: the part's key ("part-two"). A class
    # default, no field: set on the few blocks that need it.
    numbering = ""
    # A resolution's preambular paragraph: its place in the preamble (number_preambles); 0 for none.
    preamble = 0

    @property
    def text_lines(self) -> list[str]:
        return [self.first_line, *self.lines] if self.first_line else self.lines[:]

    @property
    def last_line(self) -> str:
        """text_lines[-1] without building the list ("" for a bare marker)."""
        return self.lines[-1] if self.lines else self.first_line


@dataclass
class RawFootnote:
    mark: str
    lines: list[str]  # texts, the mark taken off the first
    lineno: int
    page: int | None
    in_front_matter: bool


@dataclass
class Segmented:
    front: list[SourceLine]
    blocks: list[RawBlock]
    footnotes: list[RawFootnote]
    warnings: list[str]
    section_letters: dict[str, list[str]]  # roman section -> letters in order (for gap checks)
    para_numbers: list[int]
    duplicates: list[int] = field(default_factory=list)
    summary_heading: str = "Summary"  # as the report words it: "Executive summary" (audits)


# The blocks a preamble is made of: text in the body, front text in a resolution of its own.
_PREAMBLE_KINDS = frozenset(("text", "front"))


def number_preambles(blocks: list[RawBlock]) -> None:
    """Number each resolution's preambular paragraphs 1, 2, 3 … in place (RawBlock.preamble), as
    readers cite them ("the third preambular paragraph"): the text blocks, each ending in a
    comma, between the organ's line, a block of its own, and the operative paragraph 1 that
    ends the preamble, whose numbering they share (a draft's, "draft-resolution-II"), or the
    one unnumbered operative paragraph of a resolution of its own. Headings between are passed
    over; other text that no "1." follows (an organ's line in a quotation) stays unnumbered."""
    run: list[RawBlock] | None = None
    for raw in blocks:
        kind = raw.kind
        if kind in _PREAMBLE_KINDS:
            lines = raw.text_lines
            if len(lines) == 1 and is_organ_line(lines[0]):
                _number_before_unnumbered_operative(run or [])
                run = []
            elif run is not None:
                run.append(raw)
                if not _ends_in_comma(raw.last_line):  # the operative paragraph, or other text
                    _number_before_unnumbered_operative(run)
                    run = None
        elif kind == "paragraph" and run and raw.number == "1":
            for place, block in enumerate(run, 1):
                block.preamble, block.numbering = place, raw.numbering
            run = None
        elif kind != "heading":
            _number_before_unnumbered_operative(run or [])
            run = None
    _number_before_unnumbered_operative(run or [])


# A resolution's operative paragraph opens with a verb: "Decides", "Requests", "Calls upon".
_OPERATIVE_START = re.compile(r"(?:[A-Z][a-z]+ly )?[A-Z][a-z]+s\b")


def _ends_in_comma(line: str) -> bool:
    """The line ends in a comma, as a preambular paragraph does ("… of Human Rights,¹")."""
    return line.rstrip(NOTE_MARK_CHARS)[-1:] == ","


def _number_before_unnumbered_operative(run: list[RawBlock]) -> None:
    """A resolution of its own whose one operative paragraph the UN's style leaves unnumbered
    ("Recalling …," / "Decides to adopt the agenda …."): its front text blocks that end in a
    comma before that paragraph are its preamble. Only front text: a draft in a report has no
    numbering of its own without its "1.", and its pp-1 would be the report's."""
    for k, raw in enumerate(run):
        last = raw.last_line
        if raw.kind != "front" or not last:
            return
        if not _ends_in_comma(last):
            if k and last[-1] in ".;" and _OPERATIVE_START.match(raw.text_lines[0]):
                for place, block in enumerate(run[:k], 1):
                    block.preamble = place
            return


class _Segmenter:
    """One pass over the lines; the state is the numbering seen so far. The lines come as
    columns (texts, linenos, pages: see furniture.Paged): only the masthead's lines become
    SourceLine objects, blocks keep their lines' texts.

    CPython 3.11 shares an instance's attribute keys with its class, and reads them fastest,
    while it has fewer than 30: a 30th cost 0.6 % of a pass's instructions (tests/test_speedups.py
    counts them). Rare state is a class default, set on the instance only when needed."""

    indents: tuple[int, ...] = ()  # pdftotext -layout's leading spaces (see __init__)
    # A body part's key ("part-two") from its heading until a section starts; the key before the
    # sections of a part that numbers them anew ("part-two-" of "part-two-I"). Most reports have no parts.
    part_pending: str | None = None
    section_prefix = ""
    summary_heading = "Summary"  # "Executive summary" where the report says so (_summary)
    _b_and_section_lines: tuple[list[int], list[int]] | None = None  # see _b_before_next_section
    # Under a resolution's organ line ("The General Assembly,") until the next marker: its
    # preambular paragraphs are blocks of their own (_attach, _next_paragraph).
    in_preamble = False
    para_part = ""  # the part whose paragraphs are numbered anew ("part-two"), where one is

    def __init__(
        self,
        texts: tuple[str, ...],
        linenos: tuple[int, ...],
        pages: tuple[int | None, ...],
        page_breaks: frozenset[int],
        indents: tuple[int, ...] = (),
    ):
        self.texts = list(texts)  # a list, so a slice of it is the group's own list
        if indents:  # pdftotext -layout's leading spaces; other layers keep the class's ()
            self.indents = indents
        self._casing_text: str | None = None  # the texts joined, for _title_goes_on
        self._line_per_paragraph: bool | None = None  # see _one_line_paragraphs
        self.linenos, self.pages = linenos, pages
        self.page_breaks = page_breaks
        self.front: list[SourceLine] = []
        self.blocks: list[RawBlock] = []
        self.footnotes: list[RawFootnote] = []
        self.warnings: list[str] = []
        self.in_body = False
        self.in_summary = False
        self.section = ""
        self.subsection = ""
        self.last_roman = 0
        self.last_letter = ""
        self.last_para = 0
        self.last_sub = 0  # numbered sub-headings ("1. Public administration") in a section
        self.para_numbers: list[int] = []
        self.last_decimal: tuple[int, int] | None = None  # (chapter, number) of the last "3.12" paragraph
        self.duplicates: list[int] = []  # numbers seen again after their paragraph (kept as text)
        self.section_letters: dict[str, list[str]] = {}
        self.pending: list[RawBlock] = []  # bare "II." / "A." markers waiting for their text
        self.current: RawBlock | None = None  # the block that following text continues
        self.annex_paras: dict[str, int] = {}
        self.annex_roman = 0  # the last roman section inside the current annex ("I. Background"), 0 for none
        self.annex_section = ""  # its numeral
        self.open_note: tuple[RawFootnote, int | None] | None = None  # the last note, cut mid-sentence
        self._marks: set[str] | None = None  # footnote marks of the text (_known_mark_end)

    # -- helpers -------------------------------------------------------
    def _closed(self) -> bool:
        """Whether the current block has ended its last sentence. A bare paragraph or item marker
        has not: it takes the next text group, whatever its shape, never a heading."""
        cur = self.current
        if cur is None or cur.kind == "heading":
            return True
        # RawBlock.last_line inline: this runs for most lines, and a property call costs more.
        last = cur.lines[-1] if cur.lines else cur.first_line
        if not last:
            return False  # a bare "12." or "(a)" still waiting for its text is open
        if closed_end(last):
            return True
        return last[-1:].isdigit() and self._known_mark_end(last)

    def _known_mark_end(self, line: str) -> bool:
        """line ends in a sentence end and a plain-digit footnote mark of the report: "December.2",
        "(S/2098/900).3" when the report has footnote ². Only lines ending in a digit come here;
        string tests, no pattern ("1.2" and "A/70/357/Add.1" are no sentence end)."""
        head = line.rstrip("0123456789")
        if len(line) - len(head) > 3:
            return False
        body = head.rstrip(_CLOSERS)
        if body[-1:] not in _CLAUSE_ENDS:
            return False
        before = body[:-1]
        if not before or before[-1].isdigit() or before[-1].isspace():
            return False
        if before.rsplit(None, 1)[-1].rsplit("/", 1)[-1] in NUMBERED_ABBREVIATIONS:
            return False
        if self._marks is None:  # the footnote marks of the whole text, once, when first needed
            self._marks = {
                fn.group(1).translate(SUPERSCRIPT_DIGITS)
                for text in self.texts
                if text[:1] in _FOOTNOTE_STARTS and (fn := FOOTNOTE_LINE.match(text))
            }
        return line[len(head):] in self._marks

    def _start(self, block: RawBlock, i: int) -> RawBlock:
        """Open block at line i. A part's heading right before a section's goes with it (_body_part)."""
        block.lineno, block.page = self.linenos[i], self.pages[i]
        block.section, block.subsection = self.section, self.subsection
        block.annex_section = self.annex_section
        if block.level == 1 and (cur := self.current) is not None and cur.level == 0 and cur.kind == "heading":
            cur.section = block.section
        self.blocks.append(block)
        self.current = block
        return block

    # -- group level ------------------------------------------------------
    def run(self) -> Segmented:
        i, n = 0, len(self.texts)
        while i < n:
            if not self.texts[i]:
                if not self.in_body and not self.in_summary:
                    self.front.append(self._source_line(i))  # blank lines group the masthead
                i += 1
                continue
            i = self._line(i)
        for block in self.pending:
            self.warnings.append(f"line {block.lineno}: section marker {block.number}. has no heading text")
            block.first_line = ""
        for note in self.footnotes:  # a few per report
            if not closed_end(note.lines[-1]):
                self.warnings.append(
                    f"line {note.lineno}: footnote {note.mark} does not end a sentence: its text may be cut"
                    " (by a page break, or a line taken for page furniture)"
                )
        return Segmented(
            self.front, self.blocks, self.footnotes, self.warnings, self.section_letters, self.para_numbers,
            self.duplicates, self.summary_heading,
        )

    def _note_after_text(self, i: int, fn: re.Match) -> bool:
        """A footnote set right under the text, no blank line between ("… report.¹ …" / "¹ A/61/19
        …"): a superscript number whose note starts in no lower case, under a line that ended
        a sentence (or the next note between a cut paragraph's lines: a line per paragraph), and
        referred to in the text before."""
        mark = fn.group(1)
        if mark[0] not in _SUPERSCRIPTS or fn.group(2)[:1].islower():
            return False
        if not closed_end(self.texts[i - 1]) and not self._next_note_between_paragraph_lines(mark):
            return False
        return self._referred_before(mark, max(0, i - NOTE_REFERENCE_LINES), i)

    def _referred_before(self, mark: str, start: int, i: int) -> bool:
        """The footnote mark stands in texts[start:i] after a line's first character (a mark
        at a line's start begins a note, not a reference)."""
        return any(mark in text[1:] for text in self.texts[start:i])

    def _next_note_between_paragraph_lines(self, mark: str) -> bool:
        """Under a sentence cut by a page break, in a layout of one line per paragraph without
        blank lines (and so without pages): the note is the next in the report's sequence."""
        expected = _next_mark(self.footnotes[-1].mark) if self.footnotes else "1"
        return mark.translate(SUPERSCRIPT_DIGITS) == expected and self._one_line_paragraphs()

    def _one_line_paragraphs(self) -> bool:
        """The text has a line per paragraph: its median line is longer than any printed line."""
        if self._line_per_paragraph is None:
            lengths = sorted(len(t) for t in self.texts if t)
            self._line_per_paragraph = bool(lengths) and lengths[len(lengths) // 2] > ONE_LINE_PARAGRAPH_MIN_CHARS
        return self._line_per_paragraph

    def _note_at_page_foot(self, i: int, fn: re.Match) -> bool:
        """A footnote set at the foot of its page under text cut mid-sentence, no blank line
        between (layouts without blank lines: "… in countries and regions" / "* A/70/150." /
        page break / "once considered stable …"): the note, starting in no lower case, runs
        into the page break within NOTE_FOOT_LINES lines, and its mark stands in the page's
        text before it."""
        page = self.pages[i]
        if page is None or fn.group(2)[:1].islower() or self._page_end(i) is None:
            return False
        start = i
        while start and self.pages[start - 1] == page and i - start < NOTE_REFERENCE_LINES:
            start -= 1
        return self._referred_before(fn.group(1), start, i)

    def _page_end(self, i: int) -> int | None:
        """Index of the first line of the next page, when at most NOTE_FOOT_LINES lines of text
        come before it (blank ones aside: the gap over the page's furniture, which is gone)."""
        page, pages, texts = self.pages[i], self.pages, self.texts
        lines = 0
        for j in range(i + 1, len(texts)):
            if pages[j] != page:
                return j
            if texts[j]:
                lines += 1
                if lines >= NOTE_FOOT_LINES:
                    return None
        return None

    def _source_line(self, i: int) -> SourceLine:
        if self.indents:
            return SourceLine(self.texts[i], self.linenos[i], self.pages[i], self.indents[i])
        return SourceLine(self.texts[i], self.linenos[i], self.pages[i])

    def _line(self, i: int) -> int:
        """Handle the line at i (non-blank); return the index of the next unhandled line."""
        text = self.texts[i]
        after_blank = i == 0 or not self.texts[i - 1]
        fn = FOOTNOTE_LINE.match(text) if text[0] in _FOOTNOTE_STARTS else None
        if fn and not PARA_MARK.match(text) and (
            after_blank or self._page_break_between(i) or self._note_after_text(i, fn) or self._note_at_page_foot(i, fn)
        ):
            return self._footnote(i, fn)
        for handler in self._candidate_handlers(text):
            nxt = handler(self, i, after_blank)
            if nxt is not None:
                # Any marker, "Summary" too, starts the body. (This read "handler is not
                # self._summary", which a fresh bound method never is: kept as it behaved.)
                self.in_body = True
                if self.in_preamble:  # the operative paragraphs' "1." ends a resolution's preamble
                    self.in_preamble = False
                return nxt
        if not self.in_body and not self.in_summary:
            self.front.append(self._source_line(i))
            return i + 1
        return self._text(i, after_blank)

    def _candidate_handlers(self, text: str) -> tuple:
        """The marker handlers whose pattern can match the line, in handler order (summary,
        annex, roman, letter, para, item), told by its first characters. The others would
        return None at their pattern without side effects, so skipping them changes nothing;
        prose lines skip all six. The handlers are the plain functions (called with self), from
        tuples made once: no bound methods or tuples built per line."""
        first = text[:1]
        if first.isdigit():
            return _PARA_HANDLERS
        if "A" <= first <= "Z":
            handlers = _CAPITAL_HANDLERS.get(first, ())
            if first == "I" and text[1:2].isdigit():
                return handlers + _DAMAGED_PARA_HANDLERS  # "I7." for "17."
            if not text[1:]:  # "B" alone: a section letter without its full stop
                return handlers + _BARE_LETTER_HANDLERS
            # "B." (or, damaged, "B . Title", "B, Title": DAMAGED_LETTER_MARK; "B Title": no full stop)
            if text[1:2] in ".," or text[1:3] == " .":
                return handlers + _LETTER_HANDLERS
            return handlers + _STOPLESS_LETTER_HANDLERS if text[1:2] == " " and text[2:3].isupper() else handlers
        if first == "l":
            if text[1:2].isdigit():
                return _DAMAGED_PARA_HANDLERS  # "l7." for "17."
            if text[1:2] in ("I", "V", "X", "l", "."):
                return _DAMAGED_ROMAN_HANDLERS  # "lV." for "IV."
        if first in _MARKER_OTHER_STARTS or text[1:2] == ")":  # "(a)", "- (a)"; "a)", its bracket lost
            return _ITEM_HANDLERS
        return ()

    def _is_marker(self, text: str) -> bool:
        return is_marker_line(text, self.last_decimal is not None)

    def _page_break_between(self, i: int) -> bool:
        """A page break lies between line i and the previous text line."""
        j = i
        while j >= 0 and (j == i or not self.texts[j]):
            if j in self.page_breaks:
                return True
            j -= 1
        return False

    def _group_end(self, i: int) -> int:
        """Index after the run of non-blank, non-marker lines starting at i."""
        texts, n = self.texts, len(self.texts)
        if i >= n or not texts[i]:
            return i
        j = i + 1
        while j < n:
            text = texts[j]
            if not text:
                break
            # _is_marker's first-character dispatch, inlined: prose lines cost no call (a capital
            # starts a marker only as "X." or as a roman numeral, "Annex" or "Chapter").
            first = text[0]
            if "a" <= first <= "z":  # a sentence going on: the usual case
                if first == "l" and text[1:2].isdigit() and self._damaged_number(text):
                    break
            elif "A" <= first <= "Z":
                if (text[1:2] == "." or first in "IVXLAC") and (self._is_marker(text) or text in BARE_ROMANS):
                    break  # a bare numeral: a resolution's part, maybe (_bare_roman decides)
                if first == "I" and text[1:2].isdigit() and self._damaged_number(text):
                    break
                # "FTBCGM" is _CAPTION_INITIALS, a constant here: a global lookup per capitalised line
                # cost 0.1 % of a pass (tests/test_captions.py keeps the two equal).
                if first in "FTBCGM" and text.startswith(CAPTION_WORDS):
                    if _caption_under(texts[j - 1], text):
                        break  # "Figure I" under the paragraph that refers to it, no blank line between
                    start = self._labels_before(i, j, j)
                    if start is not None:  # the chart's labels before its caption: a group of their own
                        return start if start > i else j
                if first in "SN" and text.startswith(SOURCE_NOTES):
                    break  # "Source: …" under a table's or chart's last cell
            elif (first.isdigit() or first in _MARKER_OTHER_STARTS) and self._is_marker(text):
                break
            elif first.isdigit() and self._damaged_number(text):
                break  # _damaged_para decides; a line it refuses goes on the open block
            elif first.isdigit() and text.isascii() and text.isdigit() and self._bare_number_next(j):
                break  # "4" for "4.": _bare_para decides, the same way
            elif first in _FOOTNOTE_STARTS and (fn := FOOTNOTE_LINE.match(text)) and (
                self._note_after_text(j, fn) or self._note_at_page_foot(j, fn)
            ):
                break
            j += 1
        return j

    def _labels_before(self, i: int, end: int, caption: int) -> int | None:
        """Where a chart's labels start that pdftotext put before its caption (line `caption`,
        right after the group from i to end, or after a blank line): short lines, no sentence,
        a third of them figures at least ("0", "1 000", "2016", "Women"), after a finished
        sentence. None when they are not that."""
        texts = self.texts
        if not self.in_body or CAPTION_MARK.match(texts[caption]) is None:
            return None
        k = end
        while k > i and _chart_label(texts[k - 1]):
            k -= 1
        labels = texts[k:end]
        if len(labels) < CHART_LABELS_MIN or 3 * sum(1 for t in labels if _FIGURE_CELL.fullmatch(t)) < len(labels):
            return None
        return k if (closed_end(texts[k - 1]) if k > i else self._closed()) else None

    def _labels_next(self, i: int, end: int) -> bool:
        """The group from i to end is a chart's labels, and its caption comes next."""
        caption = self._next_text_index(end)
        return (caption < len(self.texts) and self.texts[caption].startswith(CAPTION_WORDS)
                and self._labels_before(i, end, caption) == i)

    # -- handlers: each returns the next index, or None if the line is not theirs --
    def _summary(self, i: int, after_blank: bool) -> int | None:
        if self.in_body or self.in_summary or not SUMMARY_MARK.match(self.texts[i]):
            return None
        self.in_summary = True
        self.current = None
        if self.texts[i][0] in "Ee":  # SUMMARY_MARK's OCR forms ("Surnrnary") are read as the word
            self.summary_heading = "Executive summary"
        return i + 1

    def _annex(self, i: int, after_blank: bool) -> int | None:
        m = ANNEX_MARK.match(self.texts[i]) or ANNEX_TITLED_MARK.match(self.texts[i])
        if not m or not self.in_body:
            return None
        label = annex_number(m.group(1))
        if label in _ONES_LABELS and self.section == f"annex-{_ONES_LABELS[label][:-1]}":
            label = _ONES_LABELS[label]  # "Annex 11" after annex I: the OCR's 1 for I, as in "11."
        if label is None or not (after_blank or self._closed() or self._next_annex(i, label)):
            return None
        if label != (m.group(1) or ""):
            self.warnings.append(f"line {self.linenos[i]}: '{self.texts[i]}' (OCR damage) taken as annex {label}")
        key = f"annex-{label}" if label else "annex"
        # Headings of this annex so far, counted as they come (counting the blocks again at each
        # annex was quadratic: 50,000 lines of "Annex I" took minutes). In annex_paras beside
        # the paragraph counts, under "#" + key, so the segmenter has no attribute more (see above).
        seen = self.annex_paras.get("#" + key, 0)
        self.annex_paras["#" + key] = seen + 1
        if seen:  # "Annex II" twice: the second is annex-II-2 (the count of its annex headings, not of its blocks)
            self.warnings.append(f"line {self.linenos[i]}: {self.texts[i]} appears again; this one is {key}-{seen + 1}")
            key = f"{key}-{seen + 1}"
        self.section, self.subsection, self.last_letter = key, "", ""
        self.annex_roman, self.annex_section = 0, ""
        self.annex_paras[key] = 0
        block = self._start(RawBlock("heading", number=label or None, level=1), i)
        title = m.group(2) if m.re is ANNEX_TITLED_MARK else None
        printed = (self.texts[i][: m.start(2)].rstrip(" .:-–—") if title else self.texts[i]).rstrip(".:")
        # "Annex II." is shown "Annex II"; a mended label as mended ("Annex Il" is "Annex II").
        block.first_line = printed if label == (m.group(1) or "") else f"{printed.split()[0]} {label}"
        block.section = key
        if title:  # "Annex I: Troop strength": the title is its line's; wrapped lines may go on
            block.lines.append(title)
            return self._heading_text(i + 1, block, append=True) if not closed_end(title) else i + 1
        return self._heading_text(i + 1, block, append=True)

    def _caption(self, i: int, after_blank: bool) -> int | None:
        """ "Figure I", "Table 2", "Box 1" (see CAPTION_MARK) after a finished sentence: a
        sub-heading with its title and unit lines ("Ratifications, 2090-2099" / "(Number of
        States)"); what follows (a chart's labels, a table's cells, a box's text) is text under it."""
        text = self.texts[i]
        if not self.in_body or not text.startswith(CAPTION_WORDS):
            return None
        m = CAPTION_MARK.match(text)
        labels = self.current if self.current is not None and self.current.before_caption else None
        if m is None or not (after_blank or self._closed() or labels):
            return None
        if labels is not None:
            self.blocks.pop()  # the labels go under their caption, where the chart is
        block = self._start(RawBlock("heading", level=self._sub_level()), i)
        block.first_line = text
        block.caption = f"{m.group(1).lower()}-{m.group(2)}"
        j, texts = i + 1, self.texts
        if not m.group(3):  # the title on the lines after the label, wrapped maybe
            while j < len(texts) and _caption_title(texts[j]) and not self._is_marker(texts[j]) and (
                not block.lines or self._title_goes_on(block.lines[-1], texts[j])
            ):
                block.lines.append(texts[j])
                j += 1
        if j < len(texts) and _UNIT_LINE.match(texts[j]):
            block.lines.append(texts[j])
            j += 1
        if labels is not None:
            self.blocks.append(labels)
        return j

    def _next_annex(self, i: int, label: str) -> bool:
        """ "Annex III" right under annex II's last line, which ends no sentence (a table's last
        cell, layouts without blank lines), its title line next: the next annex all the same."""
        if not self.section.startswith("annex-") or i + 1 >= len(self.texts) or not self.texts[i + 1][:1].isupper():
            return False
        before, value = _annex_ordinal(self.section[6:]), _annex_ordinal(label)
        return before is not None and value == before + 1

    def _roman(self, i: int, after_blank: bool) -> int | None:
        m = ROMAN_MARK.match(self.texts[i])
        if not m:
            return (self._bare_roman(i, after_blank) or self._damaged_roman(i, after_blank)
                    or self._stopless_roman(i, after_blank))
        if self.section.startswith("annex"):
            return self._annex_section_mark(i, after_blank, m.group(1), m.group(2))
        return self._section_mark(i, after_blank, m.group(1), m.group(2))

    def _bare_roman(self, i: int, after_blank: bool) -> int | None:
        """A numeral alone on its line, without a full stop, as resolutions number their parts
        ("I" / "Department of Field Support" / "3. Approves …"): a section when it is the next
        one, after a finished sentence, and a title line follows that a marker follows."""
        numeral = self.texts[i]
        value = roman_value(numeral) if numeral in BARE_ROMANS else None
        if value is None or value != self.last_roman + 1 or self.section.startswith("annex") or not self._closed():
            return None
        j = self._next_text_index(i + 1)
        if j < len(self.texts) and _LETTER_A.match(self.texts[j]):  # "II" / "A. Situation …" (S/1999/779)
            return self._section_mark(i, after_blank, numeral, None)
        if j >= len(self.texts) or not _short_heading_line(self.texts[j]) or self._is_marker(self.texts[j]):
            return None
        nxt = self._next_text(j + 1)
        if nxt is None or not self._is_marker(nxt):
            return None
        return self._section_mark(i, after_blank, numeral, None)

    def _bare_letter(self, i: int, after_blank: bool) -> int | None:
        """A letter alone on its line without a full stop ("B" / "Security" / "3. …"): the next
        section letter (or the one after, as for a damaged mark; "A" first in its section only
        where B follows there), over a title line over a marker or a sub-heading over one."""
        letter = self.texts[i]
        if not self.in_body or not (after_blank or self._closed()) or not self._letter_may_come(i, letter):
            return None
        j = self._next_text_index(i + 1)
        if j >= len(self.texts) or not _short_heading_line(self.texts[j]) or self._is_marker(self.texts[j]):
            return None
        if not self._marker_soon(self._next_text_index(self._group_end(j))):
            return None
        return self._letter_mark(i, after_blank, letter, None)

    def _damaged_roman(self, i: int, after_blank: bool) -> int | None:
        """ "Ill. Priorities …" where section III comes next: section III, the damage reported."""
        text = self.texts[i]
        numeral = self._damaged_numeral(text)
        if numeral is None or not (after_blank or self._closed()):
            return None
        m = DAMAGED_ROMAN_MARK.match(text)
        title = m.group(2)
        if title and closed_end(title) and not self._wrapped_at_colon(i, title):
            return None  # a sentence, not a heading
        if self.section.startswith("annex"):
            nxt = self._annex_section_mark(i, after_blank, numeral, title)
        else:
            nxt = self._section_mark(i, after_blank, numeral, title)
        if nxt is not None:
            self._report_damage(i, "section number", _printed_mark(m), numeral)
        return nxt

    def _stopless_roman(self, i: int, after_blank: bool) -> int | None:
        """ "IV Observations", the full stop lost: section IV where it comes next, after a
        finished sentence, its title a heading's (the pronoun's "I Welcome" is no title) over a
        marker ("13. …"), or over a sub-heading over one; the damage reported."""
        m = STOPLESS_ROMAN_MARK.match(self.texts[i])
        if m is None or self.section.startswith("annex") or not (after_blank or self._closed()):
            return None
        numeral, title = m.groups()
        if roman_value(numeral) != self.last_roman + 1 or not _short_open(title):
            return None
        if not self._heading_over_marker(i):
            return None
        nxt = self._section_mark(i, after_blank, numeral, title)
        if nxt is not None:
            self._report_damage(i, "section number", numeral, numeral)
        return nxt

    def _damaged_numeral(self, text: str) -> str | None:
        """The roman numeral a damaged section mark stands for, when it is the one that comes next."""
        m = DAMAGED_ROMAN_MARK.match(text)
        if not m:
            return None
        numeral = m.group(1).replace("l", "I").replace("1", "I")
        last = self.annex_roman if self.section.startswith("annex") else self.last_roman
        return numeral if roman_value(numeral) == last + 1 else None

    def _annex_section_mark(self, i: int, after_blank: bool, numeral: str, title: str | None) -> int | None:
        """ "I. Background" inside an annex (a report annexed with its own sections): a section of
        the annex, one level below the annex heading, on the annex's page. Its numbering is the
        annex's own (I, II, … again in each annex); a heading never cuts a sentence."""
        value = roman_value(numeral)
        if value is None or value <= self.annex_roman or not (after_blank or self._closed()):
            return None
        if title and closed_end(title) and not self._wrapped_at_colon(i, title):
            return None  # "I. The mission met the parties." is a sentence, not a heading
        if value != self.annex_roman + 1:
            if not (after_blank and self._closed()):
                return None
            self.warnings.append(
                f"line {self.linenos[i]}: section {numeral} of {self.section} follows"
                f" {to_roman(self.annex_roman) or 'none'}"
            )
        self.annex_roman, self.annex_section = value, numeral
        self.subsection, self.last_letter, self.last_sub = "", "", 0
        self.section_letters.setdefault(f"{self.section}.{numeral}", [])
        block = self._start(RawBlock("heading", number=numeral, level=2), i)
        return self._heading_body(i, block, title)

    def _chapter(self, i: int, after_blank: bool) -> int | None:
        m = CHAPTER_MARK.match(self.texts[i])
        if not m:
            return None
        title = m.group(2)
        if not title:  # "Chapter I" straight before "1.": the label is all the heading there is
            nxt = self._next_text(i + 1)
            title = self.texts[i] if nxt is None or self._is_marker(nxt) else None
        if self.section.startswith("annex"):  # an annexed report's chapters: sections of the annex
            return self._annex_section_mark(i, after_blank, m.group(1), title)
        return self._section_mark(i, after_blank, m.group(1), title)

    def _body_part(self, i: int, after_blank: bool) -> int | None:
        """ "Part one", "PART II: Activities": a part of the body over its sections, a heading of
        level 0 standing apart (a blank line before it) under finished text. Its title is on its
        line, or the group of lines under it (after a blank line too) when they read as one. Like
        any marker it starts the body, if a marker follows it there; it goes with the section that
        starts right after it (_start), so it heads that section's page."""
        text = self.texts[i]
        m = BODY_PART.match(text)
        if not m or not after_blank or self.pending or not self._closed():
            return None
        title, end = self._part_title_lines(i, m.end() < len(text))
        # Before the body, a part heads it only over a marker ("I. Introduction", "1."): a
        # budget fascicle's title block reads "Part II / Political affairs / Section 5 / …".
        if not self.in_body and not self._marker_at(self._next_text_index(end)):
            return None
        self.in_summary = False
        self.part_pending = body_part_key(m.group(1))
        block = self._start(RawBlock("heading", level=0), i)
        block.first_line = text
        block.lines.extend(title)
        return end

    def _marker_at(self, j: int) -> bool:
        return j < len(self.texts) and self._is_marker(self.texts[j])

    def _heading_over_marker(self, i: int) -> bool:
        """The group at line i is a heading's (three lines at most) over a marker, or over a
        sub-heading over one: what a mark that lost its full stop must head."""
        end = self._group_end(i)
        return end - i <= 3 and self._marker_soon(self._next_text_index(end))

    def _marker_soon(self, j: int) -> bool:
        """A marker at line j, or a sub-heading's short line there over one."""
        if self._marker_at(j):
            return True
        return j < len(self.texts) and _short_heading_line(self.texts[j]) and self._marker_at(
            self._next_text_index(self._group_end(j))
        )

    def _part_title_lines(self, i: int, on_its_line: bool) -> tuple[list[str], int]:
        """The title lines of the part labelled at line i (none when on its line or not there)
        and the index after the part's heading."""
        if on_its_line:
            return [], i + 1
        start = self._next_text_index(i + 1)
        end = self._group_end(start)
        if start == end:  # the text's end
            return [], i + 1
        title = self.texts[start:end]
        if self._is_marker(title[0]) or not _part_title(title):
            return [], i + 1
        return title, end

    def _section_mark(self, i: int, after_blank: bool, numeral: str, title: str | None) -> int | None:
        """A roman section marker with its title, or none (the title follows): "III. Title", "Chapter III"."""
        value = roman_value(numeral)
        # A part that numbers its sections anew ("Part two" / "I."): under the part's key.
        restart = value == 1 and self.last_roman > 0 and self.part_pending is not None
        if value is None or (value <= self.last_roman and not restart):
            return None
        if restart:
            self.last_roman, self.section_prefix = 0, f"{self.part_pending}-"
        expected = value == self.last_roman + 1
        if not expected and not self._closed():  # a skip only after a finished sentence (reported)
            return None
        if value > 1 and self._cites_a_number():  # "… set out in section" / "III. of the report"
            return None
        if not expected:
            self.warnings.append(
                f"line {self.linenos[i]}: section {numeral} follows {to_roman(self.last_roman) or 'none'}"
            )
        self.in_summary = False
        self.last_roman, self.last_letter, self.last_sub = value, "", 0
        self.section, self.subsection = self.section_prefix + numeral, ""
        if self.part_pending is not None:  # set on the instance only in a report with parts
            self.part_pending = None
        self.section_letters.setdefault(self.section, [])
        block = self._start(RawBlock("heading", number=numeral, level=1), i)
        return self._heading_body(i, block, title)

    def _letter(self, i: int, after_blank: bool) -> int | None:
        text = self.texts[i]
        m = LETTER_MARK.match(text) or DAMAGED_LETTER_MARK.match(text)
        if not m or len(text) > MAX_HEADING_CHARS:
            return None
        if not self.in_body and not self._first_letter_section(i, m):
            return None
        if m.re is LETTER_MARK:
            return self._letter_mark(i, after_blank, m.group(1), m.group(2))
        # A damaged mark: the letter that comes next, or the one after (a heading the OCR lost,
        # as A/70/357 lost its "C."); further on, more likely a sentence ("E, F and G were …").
        if not 0 <= ord(m.group(1)) - ord(self._next_letter()) <= 1:
            return None
        nxt = self._letter_mark(i, after_blank, m.group(1), m.group(2))
        if nxt is not None:
            self._report_damage(i, "section letter", _printed_mark(m), m.group(1))
        return nxt

    def _stopless_letter(self, i: int, after_blank: bool) -> int | None:
        """ "B Regional partnerships", the full stop lost: section B where it comes next after A
        (or the one after: a heading the OCR lost, as for a damaged mark), its title a heading's,
        over a marker or a sub-heading over one; reported."""
        m = STOPLESS_LETTER_MARK.match(self.texts[i])
        if m is None or not self.in_body or not _short_open(m.group(2)):
            return None
        if not self._letter_may_come(i, m.group(1)) or not self._heading_over_marker(i):
            return None  # ("A renewed focus": an article, unless section B follows)
        nxt = self._letter_mark(i, after_blank, m.group(1), m.group(2))
        if nxt is not None:
            self._report_damage(i, "section letter", m.group(1), m.group(1))
        return nxt

    def _letter_may_come(self, i: int, letter: str) -> bool:
        """A damaged section letter at line i may be the next one (or the one after: a heading
        the OCR lost); "A", first in its section, only where B follows there."""
        if letter == "A":
            return not self.last_letter and self._b_before_next_section(i)
        return bool(self.last_letter) and 0 <= ord(letter) - ord(self._next_letter()) <= 1

    def _b_before_next_section(self, i: int) -> bool:
        """A section letter B (its full stop kept, damaged or lost) comes after line i and before
        the next section, chapter or annex. The two kinds of lines are listed once a report, at
        its first "A Title" over a marker (few reports have one), and looked up by bisection."""
        if self._b_and_section_lines is None:
            b_lines, section_lines = [], []
            for j, text in enumerate(self.texts):
                if text[:1] == "B" and (text == "B" or LETTER_MARK.match(text) or DAMAGED_LETTER_MARK.match(text)
                                        or STOPLESS_LETTER_MARK.match(text)):
                    b_lines.append(j)
                elif ROMAN_MARK.match(text) or CHAPTER_MARK.match(text) or ANNEX_MARK.match(text) \
                        or ANNEX_TITLED_MARK.match(text):
                    section_lines.append(j)
            self._b_and_section_lines = (b_lines, section_lines)
        b_lines, section_lines = self._b_and_section_lines
        k = bisect_right(b_lines, i)
        if k == len(b_lines):
            return False
        s = bisect_right(section_lines, i)
        return s == len(section_lines) or b_lines[k] < section_lines[s]

    def _next_letter(self) -> str:
        return chr(ord(self.last_letter) + 1) if self.last_letter else "A"

    def _first_letter_section(self, i: int, m: re.Match[str]) -> bool:
        """ "A. Political developments" over paragraph 1 starts the body of a report whose
        sections are lettered only (no roman "I."), as a roman marker would."""
        return m.re is LETTER_MARK and m.group(1) == "A" and self._heads_next_paragraph(i, m.group(2))

    def _letter_mark(self, i: int, after_blank: bool, letter: str, title: str | None) -> int | None:
        """A lettered section marker ("B.") with its title, or none (the title follows)."""
        if not (after_blank or self._closed() or self.pending or self._heads_next_paragraph(i, title)):
            return None
        if self.last_letter and letter <= self.last_letter:
            return None
        if not self.last_letter and letter != "A" and not after_blank:
            return None
        if title and closed_end(title) and not self.pending and not self._wrapped_at_colon(i, title):
            return None  # "J. Smith said so." is a sentence, not a heading
        self.last_letter, self.last_sub = letter, 0
        self.subsection = letter
        if self.annex_section:  # a lettered section of an annex's roman section: one level lower
            self.section_letters[f"{self.section}.{self.annex_section}"].append(letter)
            block = self._start(RawBlock("heading", number=letter, level=3), i)
            return self._heading_body(i, block, title)
        self.section_letters.setdefault(self.section, []).append(letter)
        block = self._start(RawBlock("heading", number=letter, level=2), i)
        return self._heading_body(i, block, title)

    def _heads_next_paragraph(self, i: int, title: str | None) -> bool:
        """The marker on line i heads the paragraph expected next, though the text before it is
        open (a map's credit, "… Geospatial Information Section"): its title, on its line or the
        next (blank lines aside), is short and open, and the line after starts that paragraph."""
        ahead = iter(filter(None, self.texts[i + 1 : i + 6]))  # a few lines: no copy of the rest
        title = title or next(ahead, "")
        m = PARA_MARK.match(next(ahead, ""))
        return bool(title) and _short_open(title) and bool(m) and int(m.group(1)) == self._paragraph_count()[1] + 1

    def _digit_for_letter(self, i: int, after_blank: bool, digit: str, title: str | None) -> int | None:
        """ "8. Reinforced partnerships" where section B comes next and paragraph 8 does not: the
        OCR read the letter as a digit ("8" for "B"); taken as B with a title, and reported."""
        letter = _DIGIT_LETTERS[digit]
        if letter != self._next_letter() or not self.in_body:
            return None
        if title and not _short_open(title):
            return None
        nxt = self._letter_mark(i, after_blank, letter, title)
        if nxt is not None:
            self._report_damage(i, "section letter", f"{digit}.", letter)
        return nxt

    def _number_comes_again(self, i: int, digit: str, title: str | None) -> bool:
        """The paragraph mark at line i comes again after a short title (on its line, or at most
        three lines of text after it, blank lines aside) and nothing else."""
        if title and not _short_open(title):
            return False
        seen = 1 if title else 0
        for j in range(i + 1, len(self.texts)):  # no copy of the rest of the text
            text = self.texts[j]
            if not text:
                continue
            m = PARA_MARK.match(text) if text[:1].isdigit() else None
            if m:
                return m.group(1) == digit and seen > 0
            seen += 1
            if seen > 3 or self._is_marker(text) or closed_end(text):
                return False
        return False

    def _digit_for_roman(self, i: int, after_blank: bool, title: str | None) -> int | None:
        """ "1. Introduction" before "1. The Council …" and no section yet: section I, the OCR
        having read its numeral as a digit; reported."""
        nxt = self._section_mark(i, after_blank, "I", title)
        if nxt is not None:
            self._report_damage(i, "section number", "1.", "I")
        return nxt

    def _wrapped_at_colon(self, i: int, title: str) -> bool:
        """The title on line i ends at a colon the line was wrapped after, and the next line goes
        on in lower case ("A. Strengthening the range of United Nations responses:" /
        "capacities for conflict prevention and mediation"): a heading, not a sentence."""
        return title.endswith(":") and i + 1 < len(self.texts) and self.texts[i + 1][:1].islower()

    def _para(self, i: int, after_blank: bool) -> int | None:
        m = PARA_MARK.match(self.texts[i])
        if not m:
            return None
        rest = m.group(2) or m.group(3)
        n = int(m.group(1))
        # Before the table-row test: "2.1" under "2. Overall orientation" looks like a number cell.
        # Chapter 1 of a report numbered by chapter, then each the one after the last (the
        # cheap test first: in other reports only "1." gets past it).
        chapter = self.last_decimal[0] + 1 if self.last_decimal else 1
        if n == chapter and (not rest or _short_open(rest)) and self._opens_decimal_chapter(i, n, rest):
            return self._decimal_chapter(i, n, rest)
        key, last = self._paragraph_count()
        # A draft resolution's "1." (a preamble's last paragraph ends in a comma); in an annex of
        # drafts the first one's too, under the organ's line ("The General Assembly,").
        restart = last > 1 or (last == 0 and self.in_preamble and self.section.startswith("annex"))
        if n == 1 and restart and (after_blank or self._closed() or self.in_preamble) and (
            anew := self._numbered_anew(i, key)
        ):
            self.para_part, key, last = anew, anew, 0
        if n == 1 and not last and not self.last_roman and not key and self._number_comes_again(i, "1", rest):
            # "1. Introduction" / "1. The Council …": the first is section I misread (before the
            # table-row test, which takes the bare "1." under it for a number cell)
            if (heading := self._digit_for_roman(i, after_blank, rest)) is not None:
                return heading
        if rest and self._table_row(i, rest):
            return None
        if n == last + 1:
            if n > 1 and self._cites_a_number():
                return None  # "… described in paragraph" / "12. The Council …": the 12 is cited
            if m.group(1) in _DIGIT_LETTERS and self._number_comes_again(i, m.group(1), rest):
                # "8." / "Humanitarian situation" / "8. The …": the first is section B misread
                if (heading := self._digit_for_letter(i, after_blank, m.group(1), rest)) is not None:
                    return heading
        elif self._in_quotation():
            return None  # 'the Council decided: “3. Decides …; 4. Requests …”': the quoted text's numbers
        elif last == 0 and not key and (after_blank or (i > 0 and closed_end(self.texts[i - 1]))):
            # (under a finished sentence: a layout without blank lines whose first mark was lost)
            self.warnings.append(f"line {self.linenos[i]}: numbering starts at paragraph {n}")
        elif last < n <= last + MAX_PARA_SKIP and (after_blank or self._closed()) and self.in_body:
            self.warnings.append(f"line {self.linenos[i]}: paragraph {n} follows {last}; numbers skipped")
        else:
            if n == self.last_sub + 1 and self.in_body and (after_blank or self._closed()):
                heading = self._numbered_subheading(i, n, rest)
                if heading is not None:
                    return heading
            if m.group(1) in _DIGIT_LETTERS and (heading := self._digit_for_letter(i, after_blank, m.group(1), rest)):
                return heading
            if n in _ONES_NUMERALS and (heading := self._damaged_roman(i, after_blank)):
                return heading  # "11." where section II comes next and paragraph 11 does not
            if self.in_body and (after_blank or self._closed()):
                self.warnings.append(
                    f"line {self.linenos[i]}: '{n}.' out of sequence after paragraph {last}; kept as text"
                )
                if not key and n in self.para_numbers:
                    self.duplicates.append(n)
            return None
        return self._take_paragraph(i, key, n, rest)

    def _numbered_anew(self, i: int, key: str) -> str:
        """The key of the paragraphs that start again at the "1." on line i, the last counted
        under `key`: a part's that numbers its sections anew, and its paragraphs too
        ("part-two-para-1"), or a draft resolution's ("draft-resolution-para-1"; in an annex,
        "annex-draft-resolution-II"); "" for none."""
        part = section_part(self.section)
        if part and part != key:
            return part
        return self._draft_resolution(i, f"{self.section}-" if self.section.startswith("annex") else "")

    def _draft_resolution(self, i: int, prefix: str = "") -> str:
        """The key of the draft resolution (or decision) whose "1." is at line i: the organ's line
        of its preamble ("The General Assembly,") comes after the last paragraph taken, maybe
        under its label ("Draft resolution II"): "draft-resolution", "draft-resolution-II", the
        second unlabelled one "draft-resolution-2"; "" for none. A committee's report recommends
        its drafts so, their paragraphs numbered anew."""
        label, organ = "", False
        for j in range(i - 1, max(-1, i - _DRAFT_LOOKBACK_LINES), -1):
            text = self.texts[j]
            if text[:1].isdigit() and PARA_MARK.match(text):
                break  # the report's last paragraph: the preamble comes after it
            if is_organ_line(text):
                organ = True
            elif text[:5] == "Draft" and (m := DRAFT_LABEL.match(text)):
                label = draft_key(m)
                break
        if not organ:
            return ""
        key = prefix + (label or "draft-resolution")
        count = self.annex_paras.get("#" + key, 0) + 1  # drafts so far under the key ("#": not a paragraph count)
        self.annex_paras["#" + key] = count
        return key if count == 1 else f"{key}-{count}"

    def _paragraph_count(self) -> tuple[str, int]:
        """(annex key or "", the last paragraph number taken there): an annex numbers its own."""
        if self.section.startswith("annex"):  # an annex's own, or a draft's in it
            key = self._annex_numbering()
            return key, self.annex_paras.get(key, 0)
        key = self.para_part
        return key, self.annex_paras.get(key, 0) if key else self.last_para

    def _take_paragraph(self, i: int, key: str, n: int, rest: str | None) -> int:
        """Count paragraph n (of the annex key, or the body) and start it at line i."""
        if key:
            self.annex_paras[key] = n
        else:
            self.last_para = n
            self.para_numbers.append(n)
        return self._start_paragraph(i, str(n), rest)

    def _bare_number_next(self, j: int) -> bool:
        """Line j (ASCII digits) is a number alone that may be the next paragraph's mark without
        its full stop: the next number (1 before the body), after a blank line or under a
        finished sentence, over a capital."""
        text, texts = self.texts[j], self.texts
        if len(text) > 3 or int(text) != self._paragraph_count()[1] + 1 or not (self.in_body or text == "1"):
            return False
        above = texts[j - 1] if j else ""
        return (not above or closed_end(above)) and j + 1 < len(texts) and texts[j + 1][:1].isupper()

    def _bare_para(self, i: int, after_blank: bool) -> int | None:
        """ "4" alone on its line, its full stop lost (a layout with marks on lines of their own):
        paragraph 4 where it comes next, after a blank line or a finished sentence, over a line
        of text from a capital, and paragraph 5's mark comes before another 4's; also the first
        paragraph's "1" under the masthead. Reported."""
        text = self.texts[i]
        if not (text.isascii() and text.isdigit()) or not (after_blank or self._closed()):
            return None
        if not self._bare_number_next(i) or not self._number_confirmed(i, int(text)):
            return None
        self._report_damage(i, "paragraph number", text, text)
        return self._take_paragraph(i, self._paragraph_count()[0], int(text), None)

    def _damaged_para(self, i: int, after_blank: bool) -> int | None:
        """ "17, The Council …" or "l7. The Council …" where paragraph 17 comes next: the
        paragraph, its number's damage reported (an erratum can mend the source)."""
        text = self.texts[i]
        n = self._damaged_number(text)
        if n is None or not self.in_body or not (after_blank or self._closed()):
            return None
        if self._cites_a_number() or self._in_quotation():
            return None
        mark, rest = DAMAGED_PARA_MARK.match(text).groups()
        one = _PRONOUN_ONE.match(rest)
        if (one and one.group(1) not in PRONOUN_VERBS) or self._table_row(i, rest):
            return None
        # No mark after the number: a line "28 July 2006" or "30 Senators were …" too, so the
        # number must be confirmed by the paragraph after it; so must a bracket ("3) The", a list's).
        if text[len(mark)] not in ".,:;" and not self._number_confirmed(i, n):
            return None
        self._report_damage(i, "paragraph number", text[: len(text) - len(rest)].rstrip(), str(n))
        return self._take_paragraph(i, self._paragraph_count()[0], n, rest)

    def _number_confirmed(self, i: int, n: int, chain: int = _CONFIRMING_CHAIN, first: int = 0) -> bool:
        """Paragraph n + 1's mark comes after line i before n's does (a bounded look; other
        numbers, such as a numbered sub-heading's "1.", are passed over), or n + 1's mark
        without its full stop ("4 The …", or "4" alone over its text), itself so confirmed
        ("3 That …" / "4 The …" / "5. …"); so many
        such marks in sequence (_CONFIRMING_CHAIN) confirm n themselves. An intact mark of the
        chain's first number or a later one of it ends the chain unconfirmed."""
        texts, first = self.texts, first or n
        for j in range(i + 1, min(len(texts), i + 1 + _MARK_LOOKAHEAD_LINES)):
            text = texts[j]
            if not text[:1].isdigit():
                continue
            m = PARA_MARK.match(text)
            if m and first <= int(m.group(1)) <= n + 1:
                return int(m.group(1)) == n + 1
            if (bare := _STOPLESS_PARA_MARK.match(text)) and int(bare.group(1)) == n + 1:
                return chain == 1 or self._number_confirmed(j, n + 1, chain - 1, first)
            if text == str(n + 1) and j + 1 < len(texts) and texts[j + 1][:1].isupper():  # "5" alone, over its text
                return chain == 1 or self._number_confirmed(j, n + 1, chain - 1, first)
        return False

    def _report_damage(self, i: int, what: str, printed: str, taken: str) -> None:
        """The QA warning for a marker the OCR damaged and that was read as another: "line 40:
        section number II reads 'Il.' (OCR damage); taken as II." (an erratum can mend the source)."""
        line = self.linenos[i]
        self.warnings.append(f"line {line}: {what} {taken} reads '{printed}' (OCR damage); taken as {taken}.")

    def _damaged_number(self, text: str) -> int | None:
        """The number a damaged paragraph mark stands for, when it is the one that comes next."""
        m = DAMAGED_PARA_MARK.match(text)
        if not m or PARA_MARK.match(text):  # no mark, or a plain one: _para decides
            return None
        n = int(m.group(1).translate(OCR_DIGITS).replace(" ", ""))
        return n if n == self._paragraph_count()[1] + 1 and n > 1 else None

    def _start_paragraph(self, i: int, number: str, rest: str | None) -> int:
        self.in_summary = False
        if self.pending:
            self._flush_pending()
        block = self._start(RawBlock("paragraph", number=number), i)
        block.first_line = rest or ""
        if self.para_part and (not self.section.startswith("annex") or self._annex_numbering() == self.para_part):
            block.numbering = self.para_part
        return i + 1

    def _annex_numbering(self) -> str:
        """The key the annex's paragraphs are counted under: a draft resolution's in it
        ("annex-draft-resolution-II"), else the annex's ("annex-I")."""
        if self.para_part and self.para_part.startswith(f"{self.section}-draft"):
            return self.para_part
        return self.section

    def _decimal(self, i: int, after_blank: bool) -> int | None:
        """ "3.12 Text": paragraph 3.12 of a report numbered by chapter. It continues the last
        decimal paragraph (a skip of a few is accepted and reported); "N.1" starts a chapter
        only where "N.2" follows, so a stray "3.1" in a table starts nothing."""
        m = DECIMAL_MARK.match(self.texts[i])
        if not m:
            return None
        chapter, n, rest = int(m.group(1)), int(m.group(2)), m.group(3)
        if rest and self._table_row(i, rest):
            return None
        last = self.last_decimal
        opens = after_blank or self._closed() or not self.in_body
        if last is not None and last[0] == chapter and n == last[1] + 1:
            pass
        elif last is not None and last[0] == chapter and last[1] < n <= last[1] + MAX_PARA_SKIP and opens:
            self.warnings.append(
                f"line {self.linenos[i]}: paragraph {chapter}.{n} follows {chapter}.{last[1]}; numbers skipped"
            )
        elif not (n == 1 and opens and self._starts_chapter(i, chapter)):
            return None
        self.last_decimal = (chapter, n)
        return self._start_paragraph(i, f"{chapter}.{n}", rest)

    def _opens_decimal_chapter(self, i: int, n: int, rest: str | None) -> bool:
        """ "2. Overall orientation" over "2.1 The mandate …": the heading of chapter 2 of a
        report numbered by chapter (its title on the marker line or the next)."""
        if self.section.startswith("annex"):
            return False
        j = i + 1 if rest else self._next_text_index(i + 1) + 1
        nxt = self._next_text(j)
        m = DECIMAL_MARK.match(nxt) if nxt and nxt[:1].isdigit() else None
        return bool(m) and int(m.group(1)) == n and m.group(2) == "1"

    def _next_text_index(self, j: int) -> int:
        """The index of the first non-blank line from j on (len(texts): none)."""
        while j < len(self.texts) and not self.texts[j]:
            j += 1
        return j

    def _decimal_chapter(self, i: int, n: int, rest: str | None) -> int:
        """Chapter n of a report numbered by chapter: a top-level section, key "2"."""
        self.in_summary = False
        self.last_letter, self.last_sub = "", 0
        self.section, self.subsection = str(n), ""
        self.section_letters.setdefault(self.section, [])
        block = self._start(RawBlock("heading", number=str(n), level=1), i)
        return self._heading_body(i, block, rest)

    def _starts_chapter(self, i: int, chapter: int) -> bool:
        """ "N.1" starts chapter N: the one after the last, under its own heading, or where
        "N.2" follows."""
        last = self.last_decimal
        if last is not None and chapter <= last[0]:
            return False
        if (last is not None and chapter == last[0] + 1) or self.section == str(chapter):
            return True
        return self._decimal_follows(i, chapter)

    def _decimal_follows(self, i: int, chapter: int) -> bool:
        """A line "chapter.2" comes within the next lines."""
        second = f"{chapter}.2"
        for text in self.texts[i + 1 : i + 80]:
            if text.startswith(second):
                m = DECIMAL_MARK.match(text)
                if m and int(m.group(1)) == chapter and m.group(2) == "2":
                    return True
        return False

    def _cites_a_number(self) -> bool:
        """The open block's last line ends in a word that a number follows ("paragraph",
        "resolutions", "paras. 11 and"): a line starting "12." goes on with the number it cites."""
        cur = self.current
        if cur is None or cur.kind == "heading":
            return False
        last = cur.last_line
        return last.endswith(_NUMBER_TAKERS) or last in _NUMBER_TAKING_WORDS

    def _in_quotation(self) -> bool:
        """The open paragraph has opened a quotation it has not closed (curly quotes). Counted
        on from the lines counted at the last call for the same paragraph (lines are only
        appended): counting them all again at each call was quadratic in a long paragraph's
        lines (3,000 lines of "1. 1. …": 1.3 s)."""
        cur = self.current
        if cur is None or cur.kind not in ("paragraph", "item"):
            return False
        first, counted, opened, closed = cur.quotes or ("", 0, 0, 0)
        if first is not cur.first_line or counted > len(cur.lines):
            counted, opened, closed = 0, cur.first_line.count("“"), cur.first_line.count("”")
        for line in cur.lines[counted:]:
            opened += line.count("“")
            closed += line.count("”")
        cur.quotes = (cur.first_line, len(cur.lines), opened, closed)
        return opened > closed

    def _table_row(self, i: int, rest: str) -> bool:
        """ "3. United Nations police" over the cells "2 000" and "1 987": a numbered row of a
        table in the text, not paragraph 3 (which it would take, and push the real one out).
        The row's label is short and open, and a number cell comes next."""
        if len(rest) >= WRAPPED_MIN_CHARS or closed_end(rest):
            return False
        nxt = self._next_text(i + 1)
        return nxt is not None and bool(NUMBER_CELL.match(nxt))

    def _numbered_subheading(self, i: int, n: int, rest: str | None) -> int | None:
        """ "1." then "Public administration" inside a lettered section: a numbered sub-heading."""
        if rest and (len(rest) > MAX_HEADING_CHARS or closed_end(rest)):
            return None
        self.last_sub = n
        block = self._start(RawBlock("heading", number=str(n), level=self._sub_level()), i)
        return self._heading_body(i, block, rest)

    def _item(self, i: int, after_blank: bool) -> int | None:
        m = ITEM_MARK.match(self.texts[i])
        damaged = None
        if m is None and (after_blank or self._closed()):  # "a) Text", "(a Text": a bracket lost
            damaged = DAMAGED_ITEM_MARK.match(self.texts[i])
        if not (m or damaged) or not self.in_body:
            return None
        label, rest = (m.group(1), m.group(2)) if m else (damaged.group(1) or damaged.group(2), damaged.group(3))
        para = self._current_paragraph()
        if para is None:
            return None
        top = para.items  # its items, in order; each item's own sub-items in its .items
        parent = self._sub_item_parent(i, label, top)
        if parent is None and not _item_follows(label, [top[-1].number] if top else []):
            return None
        if damaged:
            self._report_damage(i, "item", self.texts[i][: damaged.start(3)].rstrip(), f"({label})")
        block = self._start(RawBlock("item", number=label), i)
        block.parent_para, block.parent_item = para, parent
        (parent or para).items.append(block)
        block.first_line = rest or ""
        return i + 1

    def _sub_item_parent(self, i: int, label: str, top: list[RawBlock]) -> RawBlock | None:
        """The lettered item that "(i)", "(ii)", ... at line i belong to, or None. A roman
        numeral continues the last lettered item's sub-items; "(i)" after "(h)" is the letter,
        unless the next item mark is "(ii)"."""
        if not top or label not in SMALL_ROMANS or top[0].number == "i":
            return None  # no items yet, or the paragraph's own items are roman numerals
        last = top[-1]
        subs = [b.number for b in last.items[-1:]]  # _item_follows reads the last one only
        if not subs and label != "i":
            return None
        if not _item_follows(label, subs):
            return None
        if label == "i" and last.number == "h":
            return last if self._next_item_label(i) == "ii" else None
        return last

    def _next_item_label(self, i: int) -> str | None:
        """The label of the next line after i that starts with an item mark, within a few lines."""
        for text in self.texts[i + 1 : i + 12]:
            m = ITEM_MARK.match(text)
            if m:
                return m.group(1)
        return None

    def _current_paragraph(self) -> RawBlock | None:
        """The paragraph the blocks since the last heading follow, if any. The answer is kept on
        the last block: a later walk back stops at a block that has one (blocks are only added
        after it). Walking back over every block since the paragraph was quadratic in them."""
        found = None
        for block in reversed(self.blocks):
            if block.kind == "paragraph":
                found = block
                break
            if block.kind == "heading":
                break
            if block.open_para:
                found = block.open_para[0]
                break
        if self.blocks:
            self.blocks[-1].open_para = (found,)
        return found

    def _footnote(self, i: int, m: re.Match) -> int:
        """The footnote at line i, and those that follow it line after line: a line starting
        with the next mark in sequence ("²" after "¹", "**" after "*", "‡" after "†") starts a
        footnote of its own, blank line or not."""
        end = self._group_end(i)
        page_end = self._page_end(i) if self.pages[i] is not None else None
        if page_end is not None and page_end < end and self._note_at_page_foot(i, m):
            end = page_end  # the page's foot: the next page's text is no part of the note
        elif end > i + 1 and self._one_line_paragraphs():
            end = _note_lines_end(self.texts, i, end)  # a note a line: what follows is no part of it
        texts = self.texts
        in_front = not self.in_body and not self.in_summary
        while True:
            mark = m.group(1).translate(SUPERSCRIPT_DIGITS)
            nxt_mark, j = _next_mark(mark), i + 1
            nxt = None
            while j < end:
                if texts[j][0] in _FOOTNOTE_STARTS:  # most lines: no pattern
                    nxt = FOOTNOTE_LINE.match(texts[j])
                    if nxt and nxt.group(1).translate(SUPERSCRIPT_DIGITS) == nxt_mark:
                        break
                    nxt = None
                j += 1
            note = RawFootnote(mark, [m.group(2), *texts[i + 1 : j]], self.linenos[i], self.pages[i], in_front)
            self.footnotes.append(note)
            if nxt is None:
                break
            i, m = j, nxt
        # A note cut mid-sentence at the foot of its page goes on on the next page (_note_rest_at_page_foot).
        self.open_note = (note, self.pages[end - 1]) if not closed_end(note.lines[-1]) else None
        return end

    def _note_rest_at_page_top(self, group: list[str], cur: RawBlock) -> RawFootnote | None:
        """The footnote that group, right after a page break and in lower case under the closed
        block cur, continues: the last note, set after cur and cut mid-sentence, when the group
        has no footnote marks (body text has them). The rest of a note set at the top of the
        next page; _note_rest_at_page_foot is the rest set at its foot."""
        note = self.footnotes[-1] if self.footnotes else None
        if (
            note is not None
            and note.lineno > cur.lineno
            and not closed_end(note.lines[-1])
            and not any(c in line for line in group for c in _SUPERSCRIPTS)
        ):
            return note
        return None

    def _note_rest_at_page_foot(self, i: int, end: int) -> RawFootnote | None:
        """The footnote that the text group i..end (after a blank line) continues, if any.

        UN layout sets the rest of a note cut by a page break at the foot of the next page:
        after that page's body text, before its own notes and its footer. So the group
        continues the open note (the last one, on the page before, whose text stops
        mid-sentence) only when it starts in lower case (a sentence going on), the body text
        before it has ended its sentence (so the group does not continue the body), and it
        stands at the foot of the page: what follows it is a note of this page, a page break
        or the end of the text. Without page numbers nothing here can tell: the note stays
        cut and QA says so."""
        note, page = self.open_note
        if page is None or self.pages[i] != page + 1 or not self.texts[i][0].islower():
            return None
        cur = self.current
        if cur is not None and cur.kind != "heading":
            last = cur.last_line
            if last and not closed_end(last.rstrip(NOTE_MARK_CHARS)):  # "… report.²" has ended
                return None
        j, texts, n = end, self.texts, len(self.texts)
        while j < n and not texts[j]:
            j += 1
        if j == n or self._page_break_between(j):
            return note
        first = texts[j][0]
        return note if first in _FOOTNOTE_STARTS and FOOTNOTE_LINE.match(texts[j]) else None

    def _text(self, i: int, after_blank: bool) -> int:
        end = self._group_end(i)
        if self.open_note is not None and after_blank and not self.pending:
            note = self._note_rest_at_page_foot(i, end)
            if note is not None:
                note.lines.extend(self.texts[i:end])
                self.open_note = None
                return end
        group = self.texts[i:end]
        first = group[0]
        if first[:1] in "SN" and first.startswith(SOURCE_NOTES) and self.in_body and not self.pending:
            self._new_text(group, i)  # "Source: …" under a table or chart: a text block of its own
            return end
        if self.current is not None and self.current.caption:
            self._new_text(group, i)  # what a caption heads (a chart's labels, a box's text): never a heading
            return end
        if len(group) >= CHART_LABELS_MIN and len(group[-1]) <= CHART_LABEL_MAX_CHARS and self._labels_next(i, end):
            block = self._start(RawBlock("text", before_caption=True), i)  # the caption, next, takes them
            block.lines.extend(group)
            return end
        if first[:1] in "AaLl" and len(first) < 40 and ABBREVIATIONS_TITLE.match(first) and self._closed():
            # The report's list of abbreviations: a heading of its own, never the summary's tail.
            self.in_summary = False
            self._subheading(group[:1], i, i + 1)
            if len(group) > 1:
                self._attach(group[1:], i + 1, False)
            return end
        if is_part_label(first) and self.in_body and not self.pending and self._closed():
            return self._part(group, i, end)  # "Appendix I" / "Persons met": a heading, blank line or not
        cur = self.current
        if cur is not None and cur.kind == "heading" and _untitled(cur, group) and _part_title(group):
            cur.lines.extend(group)  # the title under "Appendix I" or "Annex" and a blank line
            return end
        if cur is not None and cur.kind == "heading" and _ends_in_connector(cur) and self._page_break_between(i):
            # "B. Human rights … in the context of the" / page furniture / "electoral process"
            taken = _title_continuation(cur.text_lines, group)
            if taken:
                cur.lines.extend(group[:taken])
                if taken == len(group):
                    return end
                group, i, after_blank = group[taken:], i + taken, False
        if self.pending and _joined_fits(group, MAX_HEADING_CHARS):
            # Bare markers waiting for their titles take them in order, line groups without
            # blank lines too ("II." / "A." / "SITUATION ON THE GROUND" / "Security and …").
            while self.pending and group:
                taken = _title_lines(group, self._title_goes_on)
                self.pending.pop(0).lines.extend(group[:taken])
                group, i = group[taken:], i + taken
            if not group:
                return end
            # What the titles did not take ("B." / "Support to the … rule of law" / "Strengthening
            # the security capacity of Haiti" / "64."): a sub-heading of its own, or text.
            rest = group
            if self.in_body and self._looks_like_heading(rest, end):
                return self._subheading(rest, i, end)
            self._attach(rest, i, False)
            return end
        if self.in_body and self._closed():
            if first in NOTES_TITLES and len(group) == 1 and not self._in_quotation():
                # Endnotes whose references plain_notes could not all match stay text, under
                # their heading (not glued to note 1 as the heading's unfinished sentence).
                return self._subheading(group, i, end)
            if self._looks_like_heading(group, end) and not self._in_quotation():
                return self._subheading(group, i, end)
            if len(group) > 1 and _short_heading_line(group[0]) and _glued_to_prose(group[0], group[1]):
                return self._subheading(group[:1], i, i + 1)  # pdftotext: heading glued to its text
            if len(group) == 1 and _short_heading_line(group[0]) and self._prose_after_blank(end):
                return self._subheading(group, i, end)  # "Composition of the Division" / blank / its text
        tail = self._heading_tail(group, end)
        self._attach(group[:-tail] if tail else group, i, after_blank)
        if tail:
            self._subheading(group[-tail:], end - tail, end)
        return end

    def _attach(self, group: list[str], i: int, after_blank: bool) -> None:
        """Text (lines from i on) continues the open block, or starts a text (or summary) block of its own."""
        cur = self.current
        continues = page_break_before = False
        if cur is not None and cur.kind != "heading":  # only then can a page break matter
            page_break_before = self._page_break_between(i)
            continues = page_break_before or not after_blank or not self._closed()
        if continues and page_break_before and group[0][:1].islower() and self._closed():
            note = self._note_rest_at_page_top(group, cur)
            if note is not None:
                note.lines.extend(group)
                return
        if continues and self.in_preamble and cur.kind == "text" and preamble_paragraph_starts(
            cur.last_line, group[0]
        ):
            continues = False  # "The General Assembly," / "Recalling …,": each its own paragraph
        if continues:
            unnumbered = cur.kind in _UNNUMBERED and not page_break_before
            cut = self._next_paragraph(cur.lines, group, i) if unnumbered else None
            cur.lines.extend(group[:cut])
            cur.broken_by_page = cur.broken_by_page or page_break_before
            if cut is not None:
                self._new_text(group[cut:], i + cut)
            return
        self._new_text(group, i)

    def _new_text(self, group: list[str], i: int) -> None:
        """Text blocks for the lines from i on: a new one at each paragraph start (_next_paragraph)."""
        kind = "summary" if self.in_summary else "text"
        if is_organ_line(group[0]):
            self.in_preamble = True
        while group:
            block = self._start(RawBlock(kind), i)
            cut = self._next_paragraph([], group, i)
            block.lines.extend(group[:cut])
            if cut is None:
                return
            group, i = group[cut:], i + cut

    def _next_paragraph(self, before: list[str], group: list[str], i: int) -> int | None:
        """_paragraph_end, or (pdftotext -layout) the first line of group (lines from i on)
        indented further than the line before it, which ends a sentence: a paragraph's first
        line ("I should be grateful …" under "… of the situation in Testland.")."""
        cut = _paragraph_end(before, group)
        if self.in_preamble and (first := _preamble_end(before, group)) is not None and (cut is None or first < cut):
            cut = first  # "The General Assembly," / "Recalling …," / "Noting …," a line each
        if not self.indents:  # most text layers
            return cut
        indents, texts = self.indents, self.texts
        for k in range(0 if before else 1, len(group) if cut is None else cut):
            j = i + k
            if indented_start(indents[j - 1], texts[j - 1], indents[j], group[k]):
                return k
        return cut

    def _part(self, group: list[str], i: int, end: int) -> int:
        """A part's label ("Appendix I", "Enclosure") under finished text: a heading, with the
        lines under it that read as its title (or, after a blank line, the next group's)."""
        rest = group[1:]
        if _part_title(rest):
            taken = 1 + len(rest)
        else:  # a title line over the part's text ("Terms of reference" / "The review will …")
            taken = 1 + (len(rest) > 1 and _short_heading_line(rest[0]))
        self._subheading(group[:taken], i, i + taken)
        if taken < len(group):
            self._new_text(group[taken:], i + taken)
        return end

    def _subheading(self, group: list[str], i: int, end: int) -> int:
        """group (the lines i to end) is an unnumbered sub-heading."""
        block = self._start(RawBlock("heading", level=self._sub_level()), i)
        block.lines.extend(group)
        return end

    def _sub_level(self) -> int:
        """Level of a sub-heading (unnumbered, or "1."): 3, one below a lettered section; 4 under
        a lettered section of an annex's roman section (level 3 there)."""
        return 4 if self.annex_section and self.subsection else 3

    def _heading_tail(self, group: list[str], end: int) -> int:
        """How many last lines of the group are a heading glued under a closed sentence, right
        before a marker ("…of achievements.", "Support for … and", "violence reduction", "62.")."""
        if len(group) < 2 or not self.in_body:
            return 0
        tail = _glued_heading_lines(group)
        if tail:  # the group alone decides most cases: only then look for the marker
            nxt = self._next_text(end)
            if nxt is None or not self._heads_marker(nxt) or self._in_quotation():
                return 0
        return tail

    def _looks_like_heading(self, group: list[str], end: int) -> bool:
        if len(group) > 3:
            return False  # before the join: a group can be a long paragraph
        joined = " ".join(group)
        if len(joined) > MAX_HEADING_CHARS or closed_end(joined) or joined.endswith(","):
            return False
        if joined[-1:].isdigit() and self._known_mark_end(joined):
            return False  # "… as noted in my previous report.2" with a footnote ²
        if joined.endswith(_NUMBER_TAKERS):
            return False  # "… the measures set out in subparagraph" / "(a) above …": one sentence
        if not (joined[:1].isupper() or joined[:1].isdigit()):
            return False
        if joined[:1].isdigit() and MEETING_LINE.match(joined):
            return False  # "74th plenary meeting" / "20 December 2017" closes a resolution, over its notes
        nxt = self._next_text(end)
        return nxt is not None and (self._heads_marker(nxt) or bool(FOOTNOTE_LINE.match(nxt)))

    def _heads_marker(self, text: str) -> bool:
        """The line starts with a marker, or with the next paragraph's number damaged ("16, I am
        proud …"): a title over it is a heading either way."""
        return self._is_marker(text) or (text[:1] in _DAMAGED_PARA_STARTS and self._damaged_number(text) is not None)

    def _prose_after_blank(self, end: int) -> bool:
        """After a blank line that is no page break, unnumbered prose starts: from a capital, a
        line of running text or a whole sentence, not in upper case. A short title line over it
        is its heading (where a page break may lie, a sentence may be cut there instead)."""
        j = self._next_text_index(end)
        if j == end or j >= len(self.texts) or self._page_break_between(j):
            return False
        nxt = self.texts[j]
        if not nxt[:1].isupper() or nxt.isupper() or self._is_marker(nxt):  # an upper-case line is a title
            return False
        return _prose_line(nxt) or closed_end(nxt)

    def _next_text(self, j: int) -> str | None:
        """The first non-blank line from j on."""
        j = self._next_text_index(j)
        return self.texts[j] if j < len(self.texts) else None

    def _heading_body(self, i: int, block: RawBlock, rest: str | None) -> int:
        """Heading text is on the marker line, or (bare marker) in the next group."""
        if rest:
            block.first_line = rest
            return self._heading_text(i + 1, block, append=True)
        self.pending.append(block)
        return i + 1

    def _heading_text(self, j: int, block: RawBlock, append: bool) -> int:
        """Take wrapped heading lines: a continuation follows only a line that was wrapped (long, or
        ending in a connecting word); "Annex I" always takes its title line."""
        texts = self.texts
        while j < len(texts) and texts[j] and not self._is_marker(texts[j]):
            line = texts[j]
            if FOOTNOTE_LINE.match(line) or len(" ".join(block.text_lines + [line])) > MAX_HEADING_CHARS:
                break
            if line.startswith(CAPTION_WORDS) and CAPTION_MARK.match(line):
                break  # "Annex I" / "Table 1" / its title: the table's caption, not the annex's title
            previous = block.last_line
            if not ANNEX_MARK.match(previous) and not self._title_goes_on(previous, line):
                break
            block.lines.append(line)
            j += 1
        return j

    def _title_goes_on(self, previous: str, line: str) -> bool:
        """continues_title, unless the line starts a title of its own (starts_new_title, on the
        report's lines joined once, for the few titles that need it)."""
        if not continues_title(previous, line):
            return False
        if self._casing_text is None:
            self._casing_text = "\n".join(self.texts)
        return not starts_new_title(previous, line, self._casing_text)

    def _flush_pending(self) -> None:
        for block in self.pending:
            self.warnings.append(f"line {block.lineno}: section marker {block.number}. has no heading text")
        self.pending.clear()


def _printed_mark(m: re.Match[str]) -> str:
    """A damaged marker as printed, without its title ("III ." of "III . Title")."""
    return m.string[: m.start(2)].rstrip() if m.group(2) else m.string.rstrip()


# _Segmenter._candidate_handlers' answers, made once.
_PARA_HANDLERS = (_Segmenter._para, _Segmenter._decimal, _Segmenter._damaged_para, _Segmenter._damaged_roman,
                  _Segmenter._bare_para)
_DAMAGED_PARA_HANDLERS = (_Segmenter._damaged_para,)
_DAMAGED_ROMAN_HANDLERS = (_Segmenter._damaged_roman,)
_LETTER_HANDLERS = (_Segmenter._letter,)
_STOPLESS_LETTER_HANDLERS = (_Segmenter._stopless_letter,)
_BARE_LETTER_HANDLERS = (_Segmenter._bare_letter,)
_ITEM_HANDLERS = (_Segmenter._item,)
_CAPITAL_HANDLERS = {
    "S": (_Segmenter._summary,), "E": (_Segmenter._summary,), "A": (_Segmenter._annex,), "C": (_Segmenter._chapter,),
    "P": (_Segmenter._body_part,),
}
_CAPITAL_HANDLERS |= dict.fromkeys("IVXL", (_Segmenter._roman,))
# A caption after any handler its initial already has ("Chart 2" once "Chapter" refused it).
_CAPITAL_HANDLERS |= {c: (*_CAPITAL_HANDLERS.get(c, ()), _Segmenter._caption) for c in _CAPTION_INITIALS}


def _caption_under(previous: str, line: str) -> bool:
    """line is a caption (CAPTION_MARK) under a line that ends a sentence."""
    return closed_end(previous) and CAPTION_MARK.match(line) is not None


def _caption_title(line: str) -> bool:
    """A line under a caption can be (part of) its title: short, not a sentence ("Ratifications of
    the Optional Protocols, 2090-2099"), not a footnote, a unit line or a chart's figure ("200")."""
    return (
        len(line) <= SHORT_HEADING_MAX_CHARS and not line.rstrip(_SUPERSCRIPTS).endswith(".")
        and not FOOTNOTE_LINE.match(line) and not _FIGURE_CELL.fullmatch(line) and not _UNIT_LINE.match(line)
    )


_FIGURE_CELL = re.compile(r"[\d\s,.%–—-]+")
# A chart's labels before its caption: this many lines at least, each this short.
CHART_LABELS_MIN = 3
CHART_LABEL_MAX_CHARS = 40


def _chart_label(line: str) -> bool:
    """A line that can be a chart's label or figure: short, no sentence."""
    return len(line) <= CHART_LABEL_MAX_CHARS and not closed_end(line)


# A line's first word, capitalised and not all capitals: "Pursuit", "Mission".
_FIRST_WORD = re.compile(r"[A-Z][a-z]+\b")
# Words a wrapped heading line can end with (the heading goes on on the next line).
CONNECTORS = frozenset("and or of the to in for on with a an by at from into its their between".split())
# A heading line that filled the measure was probably wrapped.
WRAPPED_MIN_CHARS = 48
SHORT_HEADING_MAX_CHARS = 60
# A heading glued under a paragraph's last sentence, right before the next marker, may be longer:
# a line there that ends no sentence is no paragraph's last ("Strengthening preventive
# capacities of United Nations country teams" / "41. …", layouts without blank lines).
GLUED_HEADING_MAX_CHARS = 80


def starts_new_title(previous: str, line: str, text: str) -> bool:
    """A capitalised line under a title line that looks wrapped only by its length (layouts
    without blank lines) starts a title of its own when its first word is a common word: one
    the report's text writes in lower case and never capitalises after a lower-case word
    ("Pursuit of political settlements" under "Priorities for United Nations peace operations
    in today's world"). A proper noun goes on the title ("… United Nations Stabilization" /
    "Mission in Haiti": "the Mission" throughout the text)."""
    first = _FIRST_WORD.match(line)
    if first is None or line.isupper() or previous.endswith((":", "-", "–")):
        return False
    words = previous.split()
    if not words or words[-1].lower() in CONNECTORS:
        return False
    word = first.group(0)
    return _has_word(text, word.lower()) and not _has_word(text, word, after_lower=True)


def _has_word(text: str, word: str, after_lower: bool = False) -> bool:
    r"""Whether the text has the word whole (r"\bword\b"), after a lower-case letter, comma or
    semicolon and spaces when after_lower (r"[a-z,;] +word\b": justified text doubles spaces).
    Found with str.find: a pattern that starts with a boundary or a class is tried at every
    position of the report."""
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if end == len(text) or not _is_word_char(text[end]):
            if after_lower:
                j = i - 1
                while j >= 0 and text[j] == " ":
                    j -= 1
                if j < i - 1 and j >= 0 and (text[j] in ",;" or "a" <= text[j] <= "z"):
                    return True
            elif i == 0 or not _is_word_char(text[i - 1]):
                return True
        i = text.find(word, i + 1)
    return False


def _is_word_char(c: str) -> bool:
    r"""re's \w for one character."""
    return c.isalnum() or c == "_"


def _joined_fits(group: list[str], limit: int) -> bool:
    """len(" ".join(group)) <= limit, stopping at the limit: a long run of lines
    can follow a bare marker that never gets its heading."""
    total = -1
    for line in group:
        total += len(line) + 1
        if total > limit:
            return False
    return True


def _glued_heading_lines(group: list[str]) -> int:
    """_heading_tail's answer from the group's own lines (2 or more), before its marker check."""
    last = group[-1]
    if _short_heading_line(last, GLUED_HEADING_MAX_CHARS) and _sentence_end(group[-2]):
        return 1
    if len(group) >= 3 and _sentence_end(group[-3]) and group[-2][:1].isupper():
        words = group[-2].split()
        # Wrapped: at a connecting word or comma, or filling the line with the title going on
        # in lower case ("Protection of civilians and the situation of internally" / "displaced persons").
        wrapped = words[-1].lower() in CONNECTORS or group[-2].endswith(",") or (
            len(group[-2]) >= WRAPPED_MIN_CHARS and last[:1].islower()
        )
        if wrapped and not re.search(r"[.;:]$", last) and len(group[-2] + last) <= MAX_HEADING_CHARS:
            return 2
        if len(words) <= 3 and _short_heading_line(group[-2]) and _short_heading_line(last):
            return 2  # "Chapter II" / "Activities of the Unit"
    return 0


def _sentence_end(line: str) -> bool:
    """A closed line that does not announce what follows: after "… the following:" comes its
    text, not a heading."""
    return closed_end(line) and not line.rstrip(_SUPERSCRIPTS).endswith(":")


# A title line that ends complete: a closing bracket or a year ("… (as at 15 July 2006)",
# "… as at 15 February 2018"). A capitalised line after it is a new line of its own, such as
# the first column heading of the annex table under the title ("Country").
_COMPLETE_TITLE_END = re.compile(r"(?:\)|\b(?:19|20)\d\d)$")


# The parts of an annex, each a heading of its own: "Enclosure", "Appendix II", "Attachment 1".
PART_LABEL = re.compile(
    r"^(?:Enclosures?|Appendix|Appendices|Attachments?|Draft (?:resolution|decision))(?:\s+(?:[IVXL]{1,6}|\d{1,3}))?$"
)


# A part of the body, over its sections: "Part one", "PART TWO", "Part I", "Part 3", maybe with its
# title after a colon, full stop or dash ("Part I: Activities of the Organization") or a space
# ("PART ONE OVERVIEW"); never "Part two of the report", whose next word is in lower case.
_PART_NUMBERS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
BODY_PART = re.compile(
    rf"^(?:Part|PART) ((?i:{_PART_NUMBERS})|[IVX]{{1,5}}|\d{{1,2}})(?:\s*[.:—–-]\s*|\s+|\s*$)(?=[A-Z]|$)"
)


def body_part_key(numeral: str) -> str:
    """A body part's id and key from its label's numeral: "part-one" ("one", "ONE"), "part-II",
    "part-3" (a number in words lower-cased, a roman one or figures kept)."""
    return "part-" + (numeral if numeral.isdigit() or roman_value(numeral) else numeral.lower())


def section_part(section: str) -> str:
    """The part of a section that a part numbered anew ("part-two" of "part-two-I"), else ""."""
    part = section.rpartition("-")[0]
    return part if part.startswith("part-") else ""


def is_part_label(line: str) -> bool:
    """The line is a part's label (PART_LABEL); one character test first, as most lines start
    with neither letter."""
    return line[:1] in "EAD" and PART_LABEL.match(line) is not None


def _untitled_part(block: RawBlock) -> bool:
    """A heading that is a part's label alone ("Appendix I"), its title still to come."""
    lines = block.lines
    return len(lines) == 1 and is_part_label(lines[0])


def _untitled(block: RawBlock, group: list[str]) -> bool:
    """A heading whose title may be the group after a blank line: a part's label alone, or an
    annex's ("Annex", "ANNEX I") when the group has two words or more (a table's first cell,
    "Country", may come right under an annex's label)."""
    if block.level == 1 and block.section.startswith("annex") and not block.lines:
        return len(group) > 1 or " " in group[0].strip()
    return _untitled_part(block)


def _part_title(group: list[str]) -> bool:
    """Lines that read as a part's title: up to three, capitalised, short, ending no sentence."""
    if not group or len(group) > 3 or not group[0][:1].isupper():
        return False
    joined = " ".join(group)
    return len(joined) <= MAX_HEADING_CHARS and not closed_end(joined) and not joined.endswith(",")


def continues_title(previous: str, line: str) -> bool:
    """Whether line continues the heading title that ends with previous: it starts in lower
    case, or previous was wrapped (long, or ending in a connecting word) and is not complete.
    A part label ("Enclosure") never does: it starts a heading of its own."""
    if line[:1].islower():
        return True
    if is_part_label(line):
        return False
    return wrapped_line(previous) and not (line[:1].isupper() and _COMPLETE_TITLE_END.search(previous))


def _ends_in_connector(block: RawBlock) -> bool:
    """The heading's last line ends in a connecting word ("… in the context of the", "… OF THE"):
    cut. A capital "A" ends "Plan A", not a wrapped line."""
    last = block.last_line
    words = last.split()
    return bool(words) and (words[-1] in CONNECTORS or (last.isupper() and words[-1].lower() in CONNECTORS))


def _title_continuation(title: list[str], group: list[str]) -> int:
    """How many first lines of the group continue a heading title cut after a connecting word
    (by a page break): the first line, if the title stays short enough, and each after it that
    continues the title."""
    if not _joined_fits([*title, group[0]], MAX_HEADING_CHARS) or FOOTNOTE_LINE.match(group[0]):
        return 0
    return _title_lines(group)


def _title_lines(group: list[str], goes_on: Callable[[str, str], bool] = continues_title) -> int:
    """How many lines of the group a bare marker's title takes: the first, and each after it
    that goes on the title (continues_title, or the segmenter's _title_goes_on)."""
    taken = 1
    while taken < len(group) and goes_on(group[taken - 1], group[taken]):
        taken += 1
    return taken


def wrapped_line(line: str) -> bool:
    """The line goes on on the next: it filled the measure, or ends in a connecting word or
    ":", "-", "–" (also used by frontmatter for masthead titles)."""
    if len(line) >= WRAPPED_MIN_CHARS:
        return True
    words = line.split()
    return bool(words) and (words[-1].lower() in CONNECTORS or line.endswith((":", "-", "–")))


def _prose_line(line: str) -> bool:
    """A line of running text (a table row or list entry is short, or a row's cells gapped)."""
    return line[:1].isupper() and len(line) >= WRAPPED_MIN_CHARS and not is_table_row(line)


def _glued_to_prose(line: str, prose: str) -> bool:
    """A line of running text comes next, and line is clearly shorter than it: a line as long
    as the text's own lines is their paragraph's first line in a narrow layout ("In its 2007
    report, the Special Committee on Peacekeeping" over "Operations requested … to submit a"
    at 60 columns)."""
    return _prose_line(prose) and len(line) < 0.85 * len(prose)


# Unnumbered text: its paragraph ends are read from the lines alone (no marker starts the next).
_UNNUMBERED = frozenset(("text", "summary"))
# A paragraph's last line ends a sentence this far short of the lines' measure, or more.
PARAGRAPH_END_SHARE = 0.8


def _paragraph_end(before: list[str], group: list[str]) -> int | None:
    """Index in group of the first line that starts a new paragraph of unnumbered text, when
    blank lines do not part them (text layers that drop them): the line before ends a
    sentence well short of the measure (the longest line of before and group, a wrapped
    text's; not a lead-in, "… as follows:") and the line starts with a capital, a quote or a
    bracket; or the line starts a list's entry ("(b) …") after a colon, semicolon or full
    stop, each entry a block of its own. None: no such line."""
    lines = before[-1:] + group
    if len(lines) < 2:
        return None
    # The measure from the block's last lines: a long block is attached group by group.
    measure = max(max(map(len, before[-_MEASURE_LINES:]), default=0), max(map(len, group)))
    if measure < WRAPPED_MIN_CHARS:
        return None
    short = PARAGRAPH_END_SHARE * measure
    for k in range(1, len(lines)):
        previous, line = lines[k - 1], lines[k]
        if len(previous) < short and line[:1] in _PARAGRAPH_STARTS and _sentence_end(previous):
            return k - len(before[-1:])
        if line[:1] == "(" and previous[-1:] in _LIST_LEAD_ENDS and ITEM_MARK.match(line):
            return k - len(before[-1:])  # a list's entry: "… the Government:" / "(a) Ensure …;" / "(b) …"
    return None


def _preamble_end(before: list[str], group: list[str]) -> int | None:
    """Index in group of the first line that starts a resolution's next preambular paragraph
    (preamble_paragraph_starts), the line before it the last of before or of group; None: none."""
    lines = before[-1:] + group
    for k in range(1, len(lines)):
        if preamble_paragraph_starts(lines[k - 1], lines[k]):
            return k - len(before[-1:])
    return None


# How the line before a list's entry ends, whatever its length: the lead-in's colon, the entry
# before's semicolon or full stop.
_LIST_LEAD_ENDS = frozenset(":;.")


_MEASURE_LINES = 12
# A paragraph's first line in pdftotext -layout is indented this much further than the line before.
INDENT_MIN = 3
_PARAGRAPH_STARTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ“\"‘(")


def indented_start(previous_indent: int, previous: str, indent: int, line: str) -> bool:
    """pdftotext -layout: line is a paragraph's first line, indented further than the line
    before, which ends a sentence (not a lead-in, "… as follows:"); the line starts like a
    sentence: a capital, a quote or a bracket ("… of the situation in Testland." /
    "       I should be grateful …"). The body's text blocks and the front text both ask."""
    return (
        indent >= previous_indent + INDENT_MIN and bool(previous)
        and line[:1] in _PARAGRAPH_STARTS and _sentence_end(previous)
    )


def _short_heading_line(line: str, max_chars: int = SHORT_HEADING_MAX_CHARS) -> bool:
    """A line that can be a heading on its own: short, capitalised, no sentence or clause end."""
    if not (2 < len(line) <= max_chars and line[:1].isupper()):
        return False  # most lines: too long, so not split into words
    words = line.split()
    return (
        not re.search(r"[.,;:][”’\"]?[¹²³⁴⁵⁶⁷⁸⁹⁰]*$", line)  # "… my previous report.²" too
        and not (line[-1].isdigit() and _MARKED_CLAUSE_END.search(line))
        and words[-1].lower() not in CONNECTORS
        and len(words) <= 10
    )


# A clause end with a plain-digit footnote mark after a word: "… my previous report.2". No
# heading ends so, whether or not the footnote was recognised ("Section 4.2" has a digit
# before its point).
_MARKED_CLAUSE_END = re.compile(r"[A-Za-z)\]”’\"][.,;:][”’\"]?\d{1,3}$")


def _note_lines_end(texts: list[str], i: int, end: int) -> int:
    """Index after the run of note lines from i (each starting with a footnote mark), at most end."""
    j = i + 1
    while j < end and texts[j][:1] in _FOOTNOTE_STARTS and FOOTNOTE_LINE.match(texts[j]):
        j += 1
    return j


def _next_mark(mark: str) -> str:
    """The footnote mark that follows mark: "2" after "1", "**" after "*", "‡" after "†"."""
    if mark.isdigit():
        return str(int(mark) + 1)
    if mark == "†":
        return "‡"
    return mark + "*" if set(mark) == {"*"} else ""


def _item_follows(label: str, prev: list[str | None]) -> bool:
    """Whether item label continues the items already seen in this paragraph."""
    if not prev:
        return label in ("a", "i")
    last = prev[-1] or ""
    if len(label) == 1 and len(last) == 1 and ord(label) == ord(last) + 1:
        return True
    # After (z) come (aa), (bb), ... ; "(ii)" after "(i)" is left to the roman numerals below.
    if len(label) == 2 and label[0] == label[1] and (last == "z" or (len(last) == 2 and last[0] == last[1])):
        return label == "aa" if last == "z" else ord(label[0]) == ord(last[0]) + 1
    if label in SMALL_ROMANS and last in SMALL_ROMANS:
        return SMALL_ROMANS.index(label) == SMALL_ROMANS.index(last) + 1
    return False


def segment(lines: tuple[SourceLine, ...], page_breaks: frozenset[int] = frozenset()) -> Segmented:
    texts, linenos, pages = _columns(lines)
    indents = tuple(line.indent for line in lines) if any(line.indent for line in lines) else ()
    return _Segmenter(texts, linenos, pages, page_breaks, indents).run()


def segment_paged(paged) -> Segmented:
    """segment(paged.lines, paged.page_breaks) without building the SourceLine objects."""
    return _Segmenter(paged.texts, paged.linenos, paged.pages, paged.page_breaks, paged.indents).run()


def _columns(lines: tuple[SourceLine, ...]) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int | None, ...]]:
    """SourceLine objects as the texts, linenos and pages columns the segmenter reads."""
    return tuple(l.text for l in lines), tuple(l.lineno for l in lines), tuple(l.page for l in lines)
