"""Footnotes whose marks the text layer printed as plain digits.

pdftotext writes a superscript footnote mark as an ordinary digit: "… resolution 2100
(2013),1 in which" in the body and "1 See also S/2013/189." at the foot of the page. The
segmenter knows footnotes by their superscript marks ("¹ See also …"); this pass, run on a
page-numbered text before it, writes those marks as superscripts where the evidence is
double: a line at the foot of a page starts with the next footnote number in sequence, and
the body of that page ends a word or clause with that number. One without the other is left
alone, so a wrapped line that happens to start with a number ("15 December 2017, the …")
never becomes a footnote.

Documents of the 1990s mark notes "1/" ("… resolution 48/218 B 1/ and …", "1/ Official
Records …"), at the page's foot or collected under a closing "Notes" heading
(superscript_endnotes); both are read on the same evidence.

A mark alone on its line, its note's text after a blank line ("1", "", "See also
S/2013/189."), is set before that text first (join_lone_marks, which furniture calls on the
raw lines before reading them: a lone "2" of a second note would otherwise pass for a page
number beside the job number).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import compress
from operator import methodcaller
from typing import TYPE_CHECKING

from .blocks import NOTES_TITLES, NUMBERED_ABBREVIATIONS, SUPERSCRIPT_DIGITS, is_marker_line
from .lexicon import MONTHS, english_words
from .textedits import find_all

if TYPE_CHECKING:  # furniture calls join_lone_marks: no import of it at run time
    from .furniture import Paged

# A footnote line: its number, then its text ("1 See also S/2013/189.", "12 A/70/95."); in
# documents of the 1990s the number has a slash ("1/ Official Records of …").
_NOTE_LINE = re.compile(r"^(\d{1,3})\s+(?=[^\s\d])")
_SLASH_NOTE_LINE = re.compile(r"^(\d{1,3})/\s+(?=\S)")
# A line that opens with a day of a month: the text goes on ("1 July 2007, the …").
_DAY_OF_MONTH = re.compile(rf"\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\b")
_SUPERSCRIPT = {digit: sup for sup, digit in SUPERSCRIPT_DIGITS.items()}  # "1" -> "¹", for str.translate


# Lines between a page's first footnote and the furniture of its foot, at most.
NOTE_FOOT_LINES = 20
# A lone mark's note text starts within this many lines after it (blank lines between).
_LONE_MARK_REACH = 3
# Lines searched back from a lone mark for its reference: a page and a half of text.
_LONE_REFERENCE_LINES = 90


def join_lone_marks(lines: list[str]) -> None:
    """Set each footnote mark that stands alone on its line before its note's first line, in
    place: "1", "", "See also …" -> "", "", "1 See also …" (the lines keep their numbers, and
    the note's further lines stay under it). Only a chain of marks 1, 2, 3 … counts, each
    after a blank line (or the separator rule over the notes), its text starting with a letter,
    quote or bracket, and its reference ("…resolution 2100 (2013),1") in the lines before.
    `lines` are stripped; the marks are found with list.index (C), most reports have none."""
    expected, start = 1, 0
    while True:
        try:
            i = lines.index(str(expected), start)
        except ValueError:
            return
        start = i + 1
        before = lines[i - 1] if i else "x"
        if before and before.strip("_"):
            continue
        note = _note_text_line(lines, i)
        if note is None:
            continue
        if _reference(lines, max(0, i - _LONE_REFERENCE_LINES), i, expected) is None:
            continue
        lines[note] = f"{expected} {lines[note]}"
        lines[i] = ""
        expected += 1


def _note_text_line(lines: list[str], mark: int) -> int | None:
    """The line after `mark` (past blank ones) where a note's text starts, or None: one that
    starts with a letter, an opening quote or bracket ("See …", "S/2098/900.", "“…”"), not a
    heading ("II. Political …") and no table's cell ("a", "—", "14"): the shortest note is "Ibid."."""
    for k in range(mark + 1, min(mark + 1 + _LONE_MARK_REACH, len(lines))):
        line = lines[k]
        if line:
            first = line[0]
            starts = (first.isalpha() or first in "“‘\"'(") and len(line) >= 4 and not is_marker_line(line)
            return k if starts else None
    return None


def with_superscript_notes(paged: Paged, star_slash: bool = True) -> Paged:
    """The page-numbered text with its plain-digit notes' marks as superscripts; the same
    object when furniture saw no note start ("1 …" after a blank line) and the text has no
    "Notes" heading, or nothing changed. star_slash=False: the caller knows the text has no
    "*/" (has_star_slash on the source text costs less than a look at each of its lines)."""
    texts = star_slash_notes(paged.texts) if star_slash else paged.texts
    if paged.note_start:
        texts = superscript_plain_notes(texts, paged.page_breaks)
    if "Notes" in texts or "NOTES" in texts:  # endnotes, maybe (a C search of the list)
        texts = superscript_endnotes(texts)
    return paged if texts is paged.texts else replace(paged, texts=texts)


# Documents until the mid-1990s mark notes "*/" and "**/" too: "Item 12 of the preliminary
# list */", "*/ A/47/50." at the page's foot.
_STAR_SLASH_NOTE_LINE = re.compile(r"^(\*{1,3})/\s+(?=\S)")
_STAR_SLASH_REFERENCE = re.compile(r"(?<=\S) ?(\*{1,3})/(?=\s|$)")


def has_star_slash(text: str) -> bool:
    """Whether the text has a "*/" mark: a look after each "*" (a handful a report, found by
    memchr), where a search for "*/" stops at every "/" of the symbols (0.3 against 0.01 ms
    over the six reports)."""
    return any(text.startswith("/", i + 1) for i in find_all(text, "*"))


def star_slash_notes(texts: tuple[str, ...]) -> tuple[str, ...]:
    """texts with "*/" marks written as the star marks of later documents ("list*", "* A/47/50."),
    when a note line starts with one; the same tuple otherwise (with_superscript_notes asks
    only for a text with "*/" in it)."""
    if not any(map(_STAR_SLASH_NOTE_LINE.match, texts)):
        return texts
    out = []
    for line in texts:
        if "*/" in line:
            note = _STAR_SLASH_NOTE_LINE.match(line)
            line = f"{note.group(1)} {line[note.end():]}" if note else _STAR_SLASH_REFERENCE.sub(r"\1", line)
        out.append(line)
    return tuple(out)


def superscript_endnotes(texts: tuple[str, ...]) -> tuple[str, ...]:
    """texts with the notes collected under a "Notes" heading at the end of the text ("1/
    Official Records …", "2 See …") and their references in the text before it written as
    superscripts, the heading left out (the notes show under the pages that cite them). Only
    a run of notes 1, 2, 3 … right under the heading counts, each with its reference in order
    in the text before; the texts come back as they were (the same tuple) otherwise. The last
    "Notes" heading is tried first (an annex's table may have its own "Notes" before it)."""
    headings = [k for k, line in enumerate(texts) if line in NOTES_TITLES]  # rare: the caller checked
    for heading in reversed(headings):
        out = _endnotes_under(texts, heading)
        if out is not texts:
            return out
    return texts


def _endnotes_under(texts: tuple[str, ...], heading: int) -> tuple[str, ...]:
    """superscript_endnotes for the notes under the "Notes" line at index heading."""
    first = next((k for k in range(heading + 1, len(texts)) if texts[k]), None)
    if first is None:
        return texts
    slash = texts[first].startswith("1/")
    note_line = _SLASH_NOTE_LINE if slash else _NOTE_LINE
    if not (m := note_line.match(texts[first])) or m.group(1) != "1":
        return texts  # note 1 right under the heading, or these are no notes
    notes = []  # (line, mark's end, number)
    for k in range(first, len(texts)):
        m = note_line.match(texts[k]) if texts[k][:1].isdigit() else None
        if m and int(m.group(1)) == len(notes) + 1:
            notes.append((k, m.end(1) + slash, len(notes) + 1))
        elif m or is_marker_line(texts[k]):
            break  # out of sequence, or the next section or annex: the notes ended
    marks = []
    line = 0  # references in order: each after the one before
    for *_, number in notes:
        ref = _first_reference(texts, line, heading, number, slash)
        if ref is None:
            return texts
        marks.append(ref)
        line = ref[0]
    out = list(texts)
    _write_superscripts(out, marks + [(k, 0, stop, n) for k, stop, n in notes])
    out[heading] = ""
    return tuple(out)


def _first_reference(
    texts: Sequence[str], start: int, end: int, number: int, slash: bool
) -> tuple[int, int, int, int] | None:
    """The first place in texts[start:end] where a word or clause ends with the number (see
    _reference), as (line, start, end, number)."""
    pattern = _mark_pattern(number, slash)
    for k in range(start, end):
        for m in pattern.finditer(texts[k]):
            if _after_a_word(texts[k], m):
                return k, m.start(), m.end(), number
    return None


def superscript_plain_notes(texts: tuple[str, ...], page_breaks: frozenset[int]) -> tuple[str, ...]:
    """texts with the plain-digit marks of page-foot footnotes, and of their references in
    the page's body, written as superscripts. page_breaks: indexes of the first line of each
    page after the first (none: a one-page text, its notes at its end). The texts come back
    as they were (the same tuple) when there are none."""
    slash = any(map(methodcaller("startswith", "1/ "), texts))  # the 1990s' "1/" marks
    out: list[str] | None = None
    expected = 1
    start = 0
    for end in [*sorted(page_breaks), len(texts)]:
        found = _page_notes(texts, start, end, expected, slash)
        if found:
            out = out if out is not None else list(texts)
            _write_superscripts(out, found)
            expected = max(number for *_, number in found) + 1
        start = end
    return tuple(out) if out is not None else texts


def _write_superscripts(out: list[str], marks: list[tuple[int, int, int, int]]) -> None:
    """Write each mark (line, start, end, number) as the number's superscript, in place; right
    to left within a line, as a slash mark (" 1/") is longer than its superscript."""
    for line, pos, stop, number in sorted(marks, reverse=True):
        out[line] = out[line][:pos] + str(number).translate(_SUPERSCRIPT) + out[line][stop:]


def _page_notes(
    texts: tuple[str, ...], start: int, end: int, expected: int, slash: bool = False
) -> list[tuple[int, int, int, int]]:
    """(line, start, end, number) of each mark to rewrite on the page texts[start:end]: its
    notes' numbers and their references in its body; [] unless every note has a reference.
    slash: the marks are the 1990s' "1/"."""
    note_line = _SLASH_NOTE_LINE if slash else _NOTE_LINE
    first = _first_note(texts, start, end, expected, note_line)
    if first is None:
        return []
    notes = []  # (line, mark's end, number) of each note start, in sequence
    number = expected
    for k in range(first, end):
        m = note_line.match(texts[k]) if texts[k].startswith(str(number)) else None
        if m and int(m.group(1)) == number:
            notes.append((k, m.end(1) + slash, number))
            number += 1
        elif is_marker_line(texts[k]):
            return []  # the body goes on: these were no notes
    marks = []
    body_end = first
    for *_, n in notes:
        ref = _reference(texts, start, body_end, n, slash)
        if ref is None:
            return []
        marks.append(ref)
        if not slash:
            marks += _earlier_references(texts, start, ref)
    return marks + [(line, 0, stop, n) for line, stop, n in notes]


def _earlier_references(
    texts: Sequence[str], start: int, last: tuple[int, int, int, int]
) -> list[tuple[int, int, int, int]]:
    """References to the same note before its last one on the page (a resolution cites the
    report of its first note again: "… operations1 and …" / "Takes note of the report;1"),
    where the digits cannot be OCR's letters (_unmistakable)."""
    line, pos, _, number = last
    pattern = _reference_pattern(number)
    found = []
    for k in range(start, line + 1):
        for m in pattern.finditer(texts[k], 0, pos if k == line else len(texts[k])):
            if _after_a_word(texts[k], m) and _unmistakable(texts[k], m):
                found.append((k, m.start(), m.end(), number))
    return found


_CLAUSE_MARKS = frozenset(".,;:")
_LAST_WORD = re.compile(r"[A-Za-z]+\Z")
_CLOSERS = frozenset(")]”’\"")
# Letters OCR reads as these digits: "contro1" is "control", "a11" is "all".
_DIGIT_LOOKALIKES = str.maketrans("0125689", "olzsbbg")


def _unmistakable(line: str, m: re.Match[str]) -> bool:
    """The number m found marks a note, whatever OCR did: it follows a clause end, a bracket or
    a quote ("Secretary-General;1", "(2013),1"), or an English word that the digits read as
    letters would not lengthen into another ("operations1"; not "wil1", "a11")."""
    before = line[: m.start()]
    if before[-1:] in _CLAUSE_MARKS:  # not after a year ("for 2006,3": a list of years?)
        return before[-2:-1].isalpha() or before[-2:-1] in _CLOSERS
    if before[-1:] in _CLOSERS:
        return True
    word = _LAST_WORD.search(before)  # the reference pattern put an ASCII letter before the digits
    word = word.group(0).lower() if word else ""
    words = english_words()
    return len(word) > 2 and word in words and word + m.group(0).translate(_DIGIT_LOOKALIKES) not in words


def _first_note(texts: tuple[str, ...], start: int, end: int, expected: int, note_line: re.Pattern[str]) -> int | None:
    """The line of the page's foot that starts note `expected` after a blank line, or None. A
    page whose foot has no blank line at all (text layers that drop them) may start its notes
    right under the text: the first such line then, the references still to be found."""
    lo = max(start + 1, end - NOTE_FOOT_LINES)
    # The lines starting with the number picked out in C: most pages have no note.
    starts = [
        k for k in compress(range(lo, end), map(methodcaller("startswith", str(expected)), texts[lo:end]))
        if (m := note_line.match(texts[k])) and int(m.group(1)) == expected
    ]
    after_blank = next((k for k in starts if not texts[k - 1]), None)
    if after_blank is not None or not starts:
        return after_blank
    if _unbroken(texts, lo, end):
        return starts[0]
    # Blank lines elsewhere on the page, none over the notes: the last start from which the
    # rest of the page runs unbroken, unless it opens with a date ("1 July 2007 and …").
    k = next((k for k in reversed(starts) if _unbroken(texts, k, end)), None)
    return None if k is None or _DAY_OF_MONTH.match(texts[k]) else k


def _unbroken(texts: Sequence[str], start: int, end: int) -> bool:
    """No blank line in texts[start:end], blank lines at its end (the text's last) aside."""
    while end > start and not texts[end - 1]:
        end -= 1
    return "" not in texts[start:end]


def _reference(
    texts: Sequence[str], start: int, end: int, number: int, slash: bool = False
) -> tuple[int, int, int, int] | None:
    """The last place in texts[start:end] where a word or clause ends with the number
    ("report.2", "(2013),1", "Mission3 "; with `slash`, "resolution 48/141 1/"), as (line,
    start, end, number): the mark's span, a slash mark's space and slash included."""
    pattern = _mark_pattern(number, slash)
    # One search of the joined lines first (a necessary condition: "\n" is a space to the
    # pattern, as a line's end is): most pages have no such number, and a lone number is
    # mostly a table's cell; a call per line costs more.
    if not pattern.search("\n".join(texts[start:end])):
        return None
    for k in range(end - 1, start - 1, -1):
        for m in reversed(list(pattern.finditer(texts[k]))):
            if _after_a_word(texts[k], m):
                return k, m.start(), m.end(), number
    return None


def _after_a_word(line: str, m: re.Match[str]) -> bool:
    """The number m found ends a word, not an abbreviation it numbers ("para.2", "Add.1")."""
    word = line[: m.start()].rstrip(".,;:").rsplit(None, 1)[-1:] or [""]
    return word[0].rsplit("/", 1)[-1] not in NUMBERED_ABBREVIATIONS


def _mark_pattern(number: int, slash: bool) -> re.Pattern[str]:
    return _slash_reference_pattern(number) if slash else _reference_pattern(number)


@lru_cache(maxsize=256)
def _reference_pattern(number: int) -> re.Pattern[str]:
    # After a letter, a closing bracket or quote, or a clause end that follows one or a year
    # ("in its report for 2006,3 the Committee"); before a space, a clause end or the line end;
    # never inside a number or a symbol ("A/70/1", "2.1", "1,300").
    # The number first, its lookbehinds after it (they include it): re then finds the number's
    # digits with a fast literal search, not by trying the lookbehinds at every character
    # (a search of a page and a half: 0.17 -> 0.002 ms).
    return re.compile(
        rf"{number}(?:(?<=[A-Za-z)\]”’\"]{number})|(?<=[A-Za-z)\]”’\"][.,;:]{number})"
        rf"|(?<=\b(?:19|20)\d\d[.,;:]{number}))(?=[\s.,;:)]|$)"
    )


@lru_cache(maxsize=256)
def _slash_reference_pattern(number: int) -> re.Pattern[str]:
    # "1/" after a word, a number or a clause end, maybe with a space between; before a space,
    # a clause end or the line end: never a fraction ("1/2") or inside a symbol ("A/48/1/Add.1").
    return re.compile(rf"(?<=\S) ?(?<![\d/]){number}/(?=[\s.,;:)]|$)")
