"""Find and parse citations of UN documents, resolutions and decisions in paragraph text.

This is the *find* half of an eyecite-style pipeline; ``linking.resolve`` is the other half.
Nothing here knows about Markdown, HTML or the site engine: input is plain paragraph text
(single spaces, wrapped lines already joined), output is frozen dataclasses with exact spans.

Canonical forms chosen here (see also docs in each function):

* Document symbols are written as ODS writes them: components joined by ``/`` with no spaces,
  e.g. ``A/62/627/Add.1``, ``E/CN.4/2006/53/Add.1``.
* A part of a report is glued to its number: ``A/61/19 (Part II)`` -> ``A/61/19(PartII)``, a
  section of the programme budget too: ``A/74/6 (Sect. 5)`` -> ``A/74/6(Sect.5)``, and a volume,
  ``A/73/5 (Vol. II)`` -> ``A/73/5(Vol.II)``; the span
  includes the suffix.  ``DocSymbol.base()`` drops it again (``A/61/19``).
* ``, annex`` / ``and addenda`` are not part of a symbol: the citation targets the document itself.
* ``A/61/255/Add.1 and Corr.1`` gives two citations, the second (span ``Corr.1``) targeting
  ``A/61/255/Add.1/Corr.1``: a continuation replaces the previous citation's revision component
  of the same kind or one that nests in it (``A/61/858 and Corr.1 and Add.1``: the addendum is
  ``A/61/858/Add.1``), or is appended when there is none.
* Resolutions: the span covers only the number (``61/279``, ``1325 (2000)``, ``61/267 B``) so the
  word "resolution" stays plain text.  Targets: ``A/RES/61/279``, ``A/RES/61/267B`` (part letter
  glued, as the UN writes it), ``S/RES/1325(2000)``, ``A/RES/1514(XV)``, ``A/RES/ES-10/2``.
* Decisions are found (``A/DEC/62/545``) but are not linkable: their symbols are not reliable.
* A year or session written once for a list is shared: ``resolutions 1888 and 1889 (2009)`` cites
  ``S/RES/1888(2009)`` (span ``1888``) and ``S/RES/1889(2009)``; a number far below the one
  carrying the year is a slip and stays text (``SHARED_SPAN``).
* Pinpoints keep the paragraph text as written, normalised: ``("20",)``, ``("31-39",)``,
  ``("11 (c)",)``.  ``linking`` tries the whole pinpoint, then its leading number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .textedits import find_all


@dataclass(frozen=True)
class DocSymbol:
    """A UN document symbol, parsed into its slash-separated components."""

    parts: tuple[str, ...]  # ("A", "62", "627", "Add.1")
    canonical: str  # "A/62/627/Add.1"
    series: str  # "A", "S", "A/C.5", "A/HRC", "ST/SGB", "E/CN.4"

    def base(self) -> str:
        """The symbol without /Add./Corr./Rev./Amend. components or a (Part N), (Sect. N), (Vol. N) suffix.

        An addendum or corrigendum is a separate document; the base is the report it belongs to.
        """
        kept: list[str] = []
        for part in self.parts:
            if _is_revision_component(part):
                break
            kept.append(part)
        kept[-1] = _PART_SUFFIX_RE.sub("", kept[-1])
        return "/".join(kept)


@dataclass(frozen=True)
class Citation:
    """One cited document, resolution or decision, with its exact span in the searched text."""

    start: int
    end: int  # text[start:end] == self.text, the link text
    text: str
    kind: str  # "document" | "resolution" | "decision"
    target: str  # canonical symbol of the cited document
    paragraphs: tuple[str, ...] = ()  # pinpoints as written: ("20",), ("31-39",), ("11 (c)",)
    linkable: bool = True  # False when the target is only a best guess (decisions, unknown organs)
    annex: str | None = None  # the pinpoints' annex: "I" ("annex I, para. 3"), "" ("annex, para. 3")


# --------------------------------------------------------------------------------------------
# Document symbols
# --------------------------------------------------------------------------------------------

# First component of a symbol: the issuing organ or series.  A closed list on purpose: it is
# what keeps "HIV/AIDS", "Chad/Central" and "Troop/Police" from looking like symbols.
SYMBOL_ROOTS: tuple[str, ...] = (
    "A", "S", "E", "ST", "DP", "UNEP", "TD", "CCPR", "CRC", "CEDAW", "CERD", "CAT", "CMW",
    "CRPD", "CED", "HRI", "SPLOS", "ISBA", "FCCC", "UNW", "ECE", "CD", "NPT", "PBC", "IDB",
)  # fmt: skip
_ROOTS_ALT = "|".join(sorted(SYMBOL_ROOTS, key=len, reverse=True))


def _roots_not_after(roots: list[str], before: str = r"[\w/.$]") -> str:
    """Alternation of literal roots, each followed by a lookbehind: the root is not preceded by
    a character of `before`. The same matches as (?<!before)(?:root|...), but with every
    alternative starting with a literal, re skips ahead to the letters a root can start with
    instead of trying the pattern at every position (symbol scans about 5x faster)."""
    return "|".join(f"{re.escape(r)}(?<!{before}{'.' * len(r)})" for r in roots)


# _ROOTS_ALT with a leading (?<![\w/.$]): a symbol is not glued to a word, "/", "." or "$".
_ROOTS_ALONE = _roots_not_after(sorted(SYMBOL_ROOTS, key=len, reverse=True))

# Components that revise another document; a continuation ("and Corr.1") names one of these.
REVISION_KINDS: tuple[str, ...] = ("Add", "Corr", "Rev", "Amend")

# Components that say what kind of document it is, not which body issued it.  They end the
# series ("A/HRC/PRST/34/1" is in series "A/HRC").
DOCUMENT_TYPE_COMPONENTS: frozenset[str] = frozenset(
    {"RES", "DEC", "INF", "PRST", "PV", "SR", "L", "CRP", "WP", *REVISION_KINDS}
)

# One component after the root.  Alternatives, in order:
#   special or emergency special session  "S-23", "ES-10" (a line break may leave "ES- 10")
#   revision with number                   "Add.1", "Corr.2", "Rev.1", "Amend.1"
#   body or type, optionally numbered      "C.5", "AC.105", "CN.4", "HRC", "RES", "PV.7000", "L.5"
#   session, year or serial number         "70", "2015", "682", "267B" (resolution part letter)
SYMBOL_COMPONENT = r"""
    E?S-\s?\d{1,2}
  | (?:Add|Corr|Rev|Amend)\.\d{1,3}
  | [A-Z]{1,8}(?:\.\d{1,5})?
  | \d{1,5}[A-Z]?
"""

# Optional parenthesised suffix on the last component: "(Part II)" on any document, a section
# of the programme budget "(Sect. 5)" (A/74/6 (Sect. 5) is its own fascicle), its introduction
# "(Introduction)" and a volume "(Vol. II)" (the Board of Auditors' volumes are documents), and on
# resolutions a year "(2000)" or a session in Roman numerals "(XV)", "(S-VI)".  One optional
# space before it, as reports print "S/RES/1325 (2000)".
SYMBOL_SUFFIX = r"\s?\((?:Part\s?[IVX]+|Sect\.\s?\d{1,3}[A-Z]?|Vol\.\s?[IVX]+|Introduction|\d{4}|S-[IVX]+|[IVXL]+)\)"

# A whole symbol in running text.  Not preceded by a word character, slash, dot or "$" (so
# "A./70/357" and "$/1995/342" are left to find_suspect_symbols), and not followed by a word
# character or slash (so a symbol is never cut short).  A hyphen may precede or follow: that is
# how joint symbols are written ("A/55/305-S/2000/809", "A/70/95- S/2015/446").
SYMBOL_RE = re.compile(
    rf"""
    (?P<sym>(?:{_ROOTS_ALONE})(?:/(?:{SYMBOL_COMPONENT}))+)
    (?P<suffix>{SYMBOL_SUFFIX})?
    (?![\w/]|-\d)
    """,
    re.VERBOSE,
)

# The same grammar for parse_symbol(): the whole string must be one symbol.
SYMBOL_FULL_RE = re.compile(
    rf"(?P<sym>(?:{_ROOTS_ALT})(?:/(?:{SYMBOL_COMPONENT}))+)(?P<suffix>{SYMBOL_SUFFIX})?",
    re.VERBOSE,
)

# A symbol a line break cut after a slash or a revision's dot, joined back with a space: "S/2015/
# 682", "A/HRC/ 30/12", "A/62/627/Add. 1" (close_up_symbols). Spaces only there, one each.
_SPACED_COMPONENT = SYMBOL_COMPONENT.replace(r"(?:Add|Corr|Rev|Amend)\.\d", r"(?:Add|Corr|Rev|Amend)\.\ ?\d")
_SPACED_REVISION_RE = re.compile(r"(?:Add|Corr|Rev|Amend)\. \d")
_SPACED_SYMBOL_RE = re.compile(
    rf"(?:{_ROOTS_ALONE})(?:/\ ?(?:{_SPACED_COMPONENT}))+(?![\w/])",
    re.VERBOSE,
)


# A resolution's number cut the same way ("resolution 61/ 279"), or its year set apart inside
# its brackets ("1325 ( 2000 )"): closed up as printed elsewhere.
_SPACED_SESSION_NUMBER_RE = re.compile(r"(?<![\w/.])(\d{1,2})/ (\d{1,3})(?![\w/])")
_SPACED_YEAR_RE = re.compile(r"(?<![\w/.])(\d{1,4}) ?\( ?((?:19|20)\d\d) ?\)")


def _after_resolution_keyword(text: str, at: int) -> bool:
    """A resolution or decision keyword shortly before `at` ("resolutions 61/279 and 62/ 250")."""
    before = text[max(0, at - _KEYWORD_REACH) : at]
    return any(stem in before for stem in _KEYWORD_STEMS)


_KEYWORD_REACH = 40
# The resolution and decision keywords less their first letter (either case): what _res_lists
# and _after_resolution_keyword look for with str.find.
_KEYWORD_STEMS = ("esolution", "ecision")


def close_up_symbols(text: str) -> list[tuple[int, int, str]]:
    """Edits (start, end, new) that take out the spaces a line break left inside a symbol,
    where the whole is a document's symbol (it has a number): "S/2015/ 682" -> "S/2015/682";
    a resolution's "61/ 279" and "1325 ( 2000 )" too."""
    edits = []
    if "( " in text:  # "( 2000 )", "( 2000)" ("(2000 )" alone is not looked for: " )" is a slow search)
        edits += [(m.start(), m.end(), f"{m.group(1)} ({m.group(2)})") for m in _SPACED_YEAR_RE.finditer(text)
                  if "( " in m.group()]  # "1325(2000)" as printed stays
    if "/ " not in text and not _SPACED_REVISION_RE.search(text):
        return edits
    edits += [(m.start(), m.end(), f"{m.group(1)}/{m.group(2)}") for m in _SPACED_SESSION_NUMBER_RE.finditer(text)
              if _after_resolution_keyword(text, m.start())]  # not a 1990s note mark's "1/ 7 States"
    for m in _matches_from(_SPACED_SYMBOL_RE, text, _symbol_starts(text)):
        spaced = m.group()
        closed = spaced.replace("/ ", "/").replace(". ", ".")
        if closed != spaced and SYMBOL_FULL_RE.fullmatch(closed) and _NUMBERED_COMPONENT_RE.search(closed):
            edits.append((m.start(), m.end(), closed))
    return edits


# "(Part II)" glued to a component, as stored in DocSymbol.parts.
_PART_SUFFIX_RE = re.compile(r"\((?:Part[IVX]+|Sect\.\d{1,3}[A-Z]?|Vol\.[IVX]+|Introduction)\)$")

# A component that carries a document number: a plain number, or a numbered type such as
# "PV.7000" or "L.5".  A symbol without one names a body ("A/C.5"), not a document.
_NUMBERED_COMPONENT_RE = re.compile(r"\d+[A-Z]?|(?:PV|SR|L|CRP|WP|INF)\.\d+|E?S-\d+")

# After a symbol: "and Corr.1", ", Add.2", "and Add.1/Corr.1".  Each continuation is a citation
# of its own whose span is just the component text.
CONTINUATION_RE = re.compile(
    r"""
    (?:\s*,\s*(?:and\s+)?|\s+and\s+)
    (?P<comp>(?:Add|Corr|Rev|Amend)\.\d{1,3}(?:/(?:Add|Corr|Rev|Amend)\.\d{1,3})*)
    (?![\w/])
    """,
    re.VERBOSE,
)

# --------------------------------------------------------------------------------------------
# Resolutions and decisions
# --------------------------------------------------------------------------------------------

# Separators inside a list: "59/276 and 69/307", "1608 (2005), 1658 (2006) and 1701 (2006)".
RES_LIST_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)"

# One resolution or decision number.  Named alternatives, tried in order:
#   year     Security Council "1325 (2000)"; old GA parts "1991 A (XVIII)" are in roman
#   roman    General Assembly before 1976 "1514 (XV)", special sessions "3201 (S-VI)"
#   yearnum  ECOSOC and commissions "2006/36"
#   session  General Assembly and Human Rights Council "61/279", "61/267 B", "ES-10/2"
#   shared   a bare number whose year or session comes later in the list: the 1888 of
#            "resolutions 1888 and 1889 (2009)" (see _shared_target)
RES_NUMBER = rf"""
    (?P<year_n>\d{{1,4}})\s?\((?P<year>(?:19|20)\d{{2}})\)
  | (?P<roman_n>\d{{1,4}})(?:\s?[A-H])?\s?\((?P<roman>(?:E?S-)?[IVXL]+)\)
  | (?P<yearnum_y>(?:19|20)\d{{2}})/(?P<yearnum_n>\d{{1,3}})(?![\w/])
  | (?P<session>E?S-\s?\d{{1,2}}|\d{{1,2}})/(?P<session_n>\d{{1,3}})(?:\s?(?P<letter>[A-H]))?(?![\w/])
  | (?P<shared_n>\d{{1,4}})(?=(?:{RES_LIST_SEP}\d{{1,4}})*{RES_LIST_SEP}
        \d{{1,4}}(?:\s?[A-H])?\s?\((?:(?:19|20)\d{{2}}|(?:E?S-)?[IVXL]+)\))
"""
RES_NUMBER_RE = re.compile(RES_NUMBER, re.VERBOSE)
# A shared year or session is believed only for numbers this close below the one that
# carries it: "resolutions 1325 and 1820 (2008)" is a slip (1325 is of 2000), left unlinked.
SHARED_SPAN = 100

# The keyword and the list of numbers that follows it.  Names are stripped of their groups
# (a Python regex cannot repeat a named group) and the list is re-scanned with RES_NUMBER_RE.
_RES_NUMBER_ANON = re.sub(r"\(\?P<\w+>", "(?:", RES_NUMBER)
# \b(?:[Rr]esolutions?|[Dd]ecisions?) spelled out so that every alternative starts with a literal.
_RES_KEYWORDS = _roots_not_after(
    ["Resolutions", "Resolution", "resolutions", "resolution", "Decisions", "Decision", "decisions", "decision"],
    before=r"\w",
)
RES_LIST_RE = re.compile(
    rf"""
    (?P<kw>{_RES_KEYWORDS})\s+
    (?P<list>(?:{_RES_NUMBER_ANON})(?:{RES_LIST_SEP}(?:{_RES_NUMBER_ANON}))*)
    """,
    re.VERBOSE,
)

# Organ named right before the keyword: "General Assembly resolution", "the Security Council,
# in its resolution", "by the General Assembly of resolution".  Searched in the text before
# the keyword, anchored at its end.
ORGAN_BEFORE_RE = re.compile(
    r"""
    (?P<organ>Economic\ and\ Social\ Council|ECOSOC|Human\ Rights\ Council|Commission\ on\ Human\ Rights
      |General\ Assembly|Security\ Council|Assembly|Council|Commission|Committee|Board|Conference)
    (?:,?\s+(?:in|by|through|under)\s+its|\s+of)?\s+$
    """,
    re.VERBOSE,
)

# "In its resolution 37/2 [of 23 March 2018], the Human Rights Council …": after "its" the
# resolution is the sentence's subject's, named after the numbers. Full names only: "the
# Council" alone names none. Not without "its": "pursuant to resolution 60/251, the Human
# Rights Council" cites the Assembly's resolution that set the Council up.
ORGAN_AFTER_RE = re.compile(
    r"(?:\s+of\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(?:19|20)\d{2})?,\s+the\s+"
    r"(?P<organ>Economic and Social Council|Human Rights Council|Commission on Human Rights"
    r"|General Assembly|Security Council)\b"
)

# Any other capitalised word right before the keyword is taken as the name of an organ we have
# no table for ("Commission on Narcotic Drugs resolution 50/2"), unless it is a word that
# merely starts a sentence or clause ("In resolution 61/279", "By its resolution").
OTHER_ORGAN_BEFORE_RE = re.compile(
    r"""
    \b(?!(?:In|By|Under|See|As|Its|The|This|That|And|Also|Pursuant|With|To|Of|On|For|Per)\b)
    (?P<organ>[A-Z][A-Za-z]+)\s+$
    """,
    re.VERBOSE,
)

# Symbol prefixes by organ, for session-style numbers ("61/279") and year-style ("2006/36").
# An organ missing from a table makes the citation non-linkable (the target is a guess).
SESSION_PREFIX = {
    None: "A",
    "General Assembly": "A",
    "Assembly": "A",
    "Human Rights Council": "A/HRC",
}
YEAR_PREFIX = {"Economic and Social Council": "E", "Commission on Human Rights": "E/CN.4"}
# Short names the tables above know by their full ones.
ORGAN_ALIASES = {"ECOSOC": "Economic and Social Council"}

# --------------------------------------------------------------------------------------------
# Pinpoints
# --------------------------------------------------------------------------------------------

# One paragraph reference: "20", "31-39" (hyphen or en dash), "11 (c)".
# "12", "7 (a) (i)", "31-39", and decimal "3.12" (programme budget fascicles)
PARA_ITEM = r"\d{1,4}(?:\.\d{1,3})?(?:\s?\([a-z]{1,4}\)){0,2}(?:\s?[-\u2013]\s?\d{1,4}(?:\.\d{1,3})?)?"
PARA_ITEM_RE = re.compile(PARA_ITEM)
PARA_LIST = rf"{PARA_ITEM}(?:(?:,\s*|\s+and\s+|,\s+and\s+){PARA_ITEM})*"

# An annex of the cited document ("annex", "annex I"), as in "(S/2015/421, annex I, para. 3)".
_ANNEX_OF = r"[Aa]nnex(?:\s+(?P<annex>[IVXL]{1,6}|\d{1,3})\b)?"
# "paragraph 20 of [Security Council] [resolution] " right before a citation.  Only
# capitalised words (an organ's name) may stand between "of" and the citation, so "paragraph 3
# of the report of the Secretary-General (A/...)" does not pin the report.
PINPOINT_BEFORE_RE = re.compile(
    rf"""
    \b(?:paragraphs?|paras?\.)\s+(?P<list>{PARA_LIST})\s+of\s+
    (?:(?:the\s+)?(?P<of>{_ANNEX_OF})\s+to\s+)?
    (?:(?:the|its|their)\s+)?(?:(?:[A-Z][a-z]+|and)\s+){{0,5}}
    (?:(?:resolutions?|decisions?|documents?)\s+)?$
    """,
    re.VERBOSE,
)

# A resolution's preambular paragraphs, cited by their place: "the eighth preambular paragraph
# of resolution 72/199", "the third and fourth preambular paragraphs of …", "preambular paragraph
# 3 of …". Their pinpoints read "preambular 8" (crossrefs links them to pp-8).
_ORDINAL_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
ORDINALS = {
    word: n for n, word in enumerate(
        _ORDINAL_UNITS + "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
        "nineteenth twentieth".split(), 1)
}
ORDINALS |= {f"twenty-{word}": 20 + n for n, word in enumerate(_ORDINAL_UNITS, 1)} | {"thirtieth": 30}
_ORDINAL = "|".join(sorted(ORDINALS, key=len, reverse=True))
_AND = r"(?:,\s*|\s+and\s+|,\s+and\s+)"
PREAMBULAR_BEFORE_RE = re.compile(
    rf"""
    \b(?:(?P<words>(?:{_ORDINAL}){_AND}?(?:(?:{_ORDINAL}){_AND}?)*)\s+preambular\s+paragraphs?
      |preambular\s+paragraphs?\s+(?P<list>\d{{1,2}}(?:{_AND}\d{{1,2}})*))
    \s+of\s+(?:(?:the|its|their)\s+)?(?:(?:[A-Z][a-z]+|and)\s+){{0,5}}(?:resolutions?\s+)?$
    """,
    re.VERBOSE,
)
_ORDINAL_RE = re.compile(_ORDINAL)

# ", paras. 31-39" right after a citation: "(A/51/338, paras. 31-39)", maybe of an annex, maybe of
# an enclosure (its paragraphs are the document's: "Enclosure" heads the body as "Annex" does).
_ENCLOSURE_OF = r"[Ee]nclosure(?:\s+(?:[IVX]{1,4}|\d{1,2})\b)?"
PINPOINT_AFTER_RE = re.compile(
    rf",\s+(?:(?P<of>{_ANNEX_OF}),?\s+)?(?:{_ENCLOSURE_OF},?\s+)?(?:paragraphs?|paras?\.)\s+(?P<list>{PARA_LIST})"
)

# Normalising a pinpoint: dashes with their spaces become "-", a sub-item gets one space.
# Compiled once: re.sub with a pattern string looks it up in re's cache on every call.
_PINPOINT_DASH_RE = re.compile(r"\s?[-\u2013]\s?")
_PINPOINT_PAREN_RE = re.compile(r"\s?\(")
_SPACES_RE = re.compile(r"\s+")

# How far back to look for an organ or a "paragraph N of" before a citation.
_LOOKBEHIND_CHARS = 120

# --------------------------------------------------------------------------------------------
# Suspect (OCR-damaged) symbols
# --------------------------------------------------------------------------------------------

# "$" and "5" (OCR for "S") and the real roots, each not glued to a word, "/", "." or "$".
_SUSPECT_ROOTS_ALONE = _roots_not_after(["$", "5"] + sorted(SYMBOL_ROOTS, key=len, reverse=True))

# A loose symbol shape that tolerates the damage OCR does to symbols: "$" or "5" for "S", a dot
# after the root ("A./70/357"), O/o/l/I inside numbers ("S/2O15/682"), a space inside the last
# number when a joint hyphen or a closing parenthesis follows ("A/70/3 57-S/2015/682",
# "(A/70/3 57)").  Not before other punctuation: in raw text a running header is often followed
# by a paragraph number ("S/2015/682 11. Political ..."), and that is not damage.
# Candidates are only reported when one of those damages is actually present.
SUSPECT_RE = re.compile(
    rf"""
    (?P<root>{_SUSPECT_ROOTS_ALONE})(?P<dot>\.)?\s?/
    (?P<rest>
      (?:[A-Z]{{1,8}}(?:\.\d{{1,5}})?/)*
      [\dOolI]{{1,5}}(?:/[\dOolI]{{1,5}})*
      (?:\s\d{{1,3}}(?=\s?[-\u2013]\s?(?:{_ROOTS_ALT})/|\)))?
    )
    (?![\w/])
    """,
    re.VERBOSE,
)
# A run of digits with O/o/l/I mixed in ("2O15", "6l2"); a run with no real digit is a word.
_LETTER_IN_NUMBER_RE = re.compile(
    r"(?<![A-Za-z])(?=[\dOolI]*\d)[\dOolI]*[OolI][\dOolI]*(?![A-Za-z])"
)
# "$" or "5" for "S" is only believed before a year: "$/1995/342", not "5/28".
_YEAR_FIRST_RE = re.compile(r"[12][\dOolI]{3}/")


# --------------------------------------------------------------------------------------------
# Scanning from the slashes
# --------------------------------------------------------------------------------------------
# SYMBOL_RE and SUSPECT_RE match from a root right before a slash (SUSPECT_RE: a root, a dot,
# a space, then the slash). Their scans stop at every capital a root starts with; trying them
# only where a slash says a root may start finds the same matches (six reports: -0.3 ms).

_ASCII_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LONGEST_ROOT = max(map(len, SYMBOL_ROOTS))


def _matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """pattern.finditer(text), given every position where the pattern can match (ascending;
    extra positions are harmless): each is tried unless an earlier match covers it."""
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)  # its lookbehinds still see the text before `start`
        if m:
            found.append(m)
            end = m.end()
    return found


def _capitals_start(text: str, end: int) -> int | None:
    """Start of the run of ASCII capitals that ends at `end`; None when there is none or it is
    longer than any root (a root inside a longer run is glued to a word: no match)."""
    start = end
    while start and text[start - 1] in _ASCII_CAPITALS:
        start -= 1
        if end - start > _LONGEST_ROOT:
            return None
    return start if start < end else None


def _symbol_starts(text: str) -> list[int]:
    """Where SYMBOL_RE can match: a root (capitals) right before a slash."""
    starts = [_capitals_start(text, slash) for slash in find_all(text, "/")]
    return [s for s in starts if s is not None]


def _suspect_starts(text: str) -> list[int]:
    """Where SUSPECT_RE can match: a root ("$", "5" or capitals), an optional dot, an optional
    whitespace character, then a slash."""
    starts = []
    for end in find_all(text, "/"):
        if end and text[end - 1].isspace():  # \s, as str.isspace (both Py_UNICODE_ISSPACE)
            end -= 1
        if end and text[end - 1] == ".":
            end -= 1
        if end and text[end - 1] in "$5":
            starts.append(end - 1)
        elif (start := _capitals_start(text, end)) is not None:
            starts.append(start)
    return starts


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


# Memoised (results are frozen): the same symbols are cited and resolved again and again.
@lru_cache(maxsize=8192)
def parse_symbol(s: str) -> DocSymbol | None:
    """Parse one document symbol strictly; None when ``s`` is not exactly one symbol.

    Accepts the printed spacing of suffixes ("S/RES/1325 (2000)", "A/61/19 (Part II)") and
    returns the canonical, space-free form.
    """
    m = SYMBOL_FULL_RE.fullmatch(s)
    if m is None:
        return None
    return _symbol_from_parts(m.group("sym"), m.group("suffix"))


@lru_cache(maxsize=8192)
def _symbol_from_parts(sym: str, suffix: str | None) -> DocSymbol | None:
    """Build a DocSymbol from the matched symbol and suffix; None if it names no document."""
    parts = [re.sub(r"\s+", "", p) for p in sym.split("/")]
    if not any(_NUMBERED_COMPONENT_RE.fullmatch(p) for p in parts[1:]):
        return None
    if suffix:
        if not _suffix_allowed(parts, suffix):
            return None
        parts[-1] += re.sub(r"\s+", "", suffix)
    return DocSymbol(tuple(parts), "/".join(parts), _series(parts))


def _suffix_allowed(parts: list[str], suffix: str) -> bool:
    """A year or Roman session only belongs to a resolution number; "(Part N)", "(Sect. N)",
    "(Vol. N)" and "(Introduction)" to anything."""
    if "Part" in suffix or "Sect" in suffix or "Vol" in suffix or "Intro" in suffix:
        return True
    return "RES" in parts and parts[-1].isdigit()


def _series(parts: list[str]) -> str:
    """The root and the bodies that follow it, up to the first number or document type."""
    series = [parts[0]]
    for part in parts[1:]:
        if part[0].isdigit() or "-" in part or part.split(".")[0] in DOCUMENT_TYPE_COMPONENTS:
            break
        series.append(part)
    return "/".join(series)


def _is_revision_component(part: str) -> bool:
    return part.split(".")[0] in REVISION_KINDS


def _kind_of_symbol(symbol: DocSymbol) -> str:
    """A symbol with a RES or DEC component is a resolution or decision, else a document."""
    if "RES" in symbol.parts:
        return "resolution"
    if "DEC" in symbol.parts:
        return "decision"
    return "document"


# --------------------------------------------------------------------------------------------
# Finding
# --------------------------------------------------------------------------------------------


def find_citations(text: str) -> list[Citation]:
    """All citations in ``text``, sorted by start, with no two spans overlapping.

    A symbol inside an OCR-damaged one ("A/70/3" in "(A/70/3 57)") is left out: the damage is
    reported by find_suspect_symbols, and linking the fragment would point at another document.
    """
    return find_citations_and_suspects(text)[0]


def find_citations_and_suspects(text: str) -> tuple[list[Citation], list[tuple[int, int, str]]]:
    """(find_citations(text), find_suspect_symbols(text)), scanning for suspects once: the
    suspect scan is the slowest part of finding, and the crossrefs need both."""
    if "/" not in text and "esolution" not in text and "ecision" not in text:
        return [], []  # every symbol and suspect has a slash, every resolution citation its keyword
    damaged = find_suspect_symbols(text)
    return _undamaged_citations(text, damaged), damaged


def _undamaged_citations(text: str, damaged: list[tuple[int, int, str]]) -> list[Citation]:
    found = _find_documents(text) + _find_resolutions(text)
    found.sort(key=lambda c: (c.start, -c.end))
    result: list[Citation] = []
    for citation in found:
        if result and citation.start < result[-1].end:
            continue
        if damaged and any(start < citation.end and citation.start < end for start, end, _ in damaged):
            continue
        result.append(citation)
    return result


def _find_documents(text: str) -> list[Citation]:
    """Symbols, each followed by its continuations ("and Corr.1") as separate citations."""
    citations: list[Citation] = []
    if "/" not in text:  # every symbol has one; most paragraphs have none (skips a slow scan)
        return citations
    for m in _matches_from(SYMBOL_RE, text, _symbol_starts(text)):
        first = _document_citation(text, m)
        if first is None:
            continue
        chain = [_with_pinpoints(text, first, before=True, after=False)]
        chain += _continuations(text, chain[0])
        chain[-1] = _with_pinpoints(text, chain[-1], before=False, after=True)
        citations += chain
    return citations


def _document_citation(text: str, m: re.Match[str]) -> Citation | None:
    """The citation for one SYMBOL_RE match; a suffix that does not belong is left out."""
    start, end = m.start("sym"), m.end()
    symbol = _symbol_from_parts(m.group("sym"), m.group("suffix"))
    if symbol is None and m.group("suffix"):
        end = m.end("sym")
        symbol = _symbol_from_parts(m.group("sym"), None)
    if symbol is None:
        return None
    return Citation(start, end, text[start:end], _kind_of_symbol(symbol), symbol.canonical)


def _continuations(text: str, anchor: Citation) -> list[Citation]:
    """Citations for "and Add.1", "and Corr.1", ... following ``anchor``.

    Each continuation replaces, in the previous citation's target, the first component of its
    own kind (and everything after it), or is appended when there is none:
    A/61/255/Add.1 + Corr.1 -> A/61/255/Add.1/Corr.1; A/61/255/Add.1 + Add.1/Corr.1 ->
    A/61/255/Add.1/Corr.1.
    """
    chain: list[Citation] = []
    previous = anchor
    pos = anchor.end
    while (m := CONTINUATION_RE.match(text, pos)) is not None:
        comp = m.group("comp")
        target = _apply_continuation(previous.target, comp)
        previous = Citation(m.start("comp"), m.end("comp"), comp, anchor.kind, target)
        chain.append(previous)
        pos = m.end()
    return chain


# How revisions nest: a revision replaces the document, an addendum adds to it (or to its
# revision), a corrigendum corrects whatever it follows. A continuation drops from the previous
# target the first revision component of its own rank or below.
_REVISION_RANK = {"Rev": 0, "Add": 1, "Corr": 2, "Amend": 2}


def _apply_continuation(target: str, comp: str) -> str:
    """A/61/255/Add.1 + Corr.1 -> A/61/255/Add.1/Corr.1; A/61/858/Corr.1 + Add.1 ->
    A/61/858/Add.1 ("A/61/858 and Corr.1 and Add.1": the addendum is the report's, not the
    corrigendum's); A/61/255/Add.1 + Add.2 -> A/61/255/Add.2."""
    parts = target.split("/")
    rank = _REVISION_RANK.get(comp.split(".")[0], 0)
    for i, part in enumerate(parts):
        if _REVISION_RANK.get(part.split(".")[0], -1) >= rank:
            parts = parts[:i]
            break
    return "/".join(parts + comp.split("/"))


def _find_resolutions(text: str) -> list[Citation]:
    """Resolution and decision numbers after the keyword; spans cover the numbers only."""
    citations: list[Citation] = []
    # No substring pre-test here: _res_lists starts by finding the keywords' stems with
    # str.find, which is that test (a second full scan of each text cost ~0.1 ms on six).
    for m in _res_lists(text):
        decision = m.group("kw").lower().startswith("decision")
        organ = _organ_of(text, m)
        offset = m.start("list")
        numbers = list(RES_NUMBER_RE.finditer(m.group("list")))
        for i, n in enumerate(numbers):
            start, end = offset + n.start(), offset + n.end()
            if n.group("shared_n"):
                shared = _shared_target(n, numbers[i + 1 :], decision)
                if shared is None:
                    continue
                target, linkable = shared
            else:
                target, linkable = _resolution_target(n, organ, decision)
            citation = Citation(
                start, end, text[start:end], "decision" if decision else "resolution", target,
                linkable=linkable and not decision,
            )  # fmt: skip
            if i == 0:
                citation = _with_pinpoints(text, citation, before=True, after=False, at=m.start())
            if i == len(numbers) - 1:
                citation = _with_pinpoints(text, citation, before=False, after=True)
            citations.append(citation)
    return citations


def _res_lists(text: str) -> list[re.Match[str]]:
    """RES_LIST_RE.finditer(text), tried only where a keyword can start: the letter before each
    "esolution" or "ecision". str.find skips to those in C, where the regex scan stops at every
    r, R, d and D to try its eight keywords (the scan of the corpus: 0.3 -> 0.1 ms)."""
    starts = sorted([i - 1 for stem in _KEYWORD_STEMS for i in find_all(text, stem) if i])
    return _matches_from(RES_LIST_RE, text, starts)


def _ends_with_its(window: str) -> bool:
    words = window[-6:].split()
    return bool(words) and words[-1] in ("its", "Its") and window[-1].isspace()


def _organ_of(text: str, m: re.Match[str]) -> str | None:
    """The organ of a resolution list (RES_LIST_RE match m): named right before the keyword,
    or after the numbers when "its" comes before ("In its resolution 37/2, the Human Rights
    Council"); else None."""
    window = text[max(0, m.start() - _LOOKBEHIND_CHARS) : m.start()]
    before = ORGAN_BEFORE_RE.search(window) or OTHER_ORGAN_BEFORE_RE.search(window)
    if before:
        return ORGAN_ALIASES.get(before.group("organ"), before.group("organ"))
    after = ORGAN_AFTER_RE.match(text, m.end("list")) if _ends_with_its(window) else None
    return after.group("organ") if after else None


def _resolution_target(n: re.Match[str], organ: str | None, decision: bool) -> tuple[str, bool]:
    """Canonical symbol for one number, and whether the organ makes it reliable.

    Security Council numbers carry a year and Assembly numbers before 1976 a Roman session, so
    those forms identify the organ themselves.  Session numbers ("61/279") default to the
    General Assembly; year numbers ("2006/36") need a named organ.
    """
    kind = "DEC" if decision else "RES"
    if n.group("year"):
        return f"S/{kind}/{n.group('year_n')}({n.group('year')})", True
    if n.group("roman"):
        return f"A/{kind}/{n.group('roman_n')}({n.group('roman')})", True
    if n.group("yearnum_y"):
        prefix = YEAR_PREFIX.get(organ or "")
        number = f"{n.group('yearnum_y')}/{n.group('yearnum_n')}"
        return f"{prefix or 'E'}/{kind}/{number}", prefix is not None
    session = _SPACES_RE.sub("", n.group("session"))
    prefix = SESSION_PREFIX.get(organ)
    number = f"{session}/{n.group('session_n')}{n.group('letter') or ''}"
    return f"{prefix or 'A'}/{kind}/{number}", prefix is not None


def _shared_target(n: re.Match[str], later: list[re.Match[str]], decision: bool) -> tuple[str, bool] | None:
    """The symbol of a bare number that shares the year or session of the next number that
    has one ("1888" of "1888 and 1889 (2009)" is S/RES/1888(2009)); None when that number is
    not a little above it, so the shared year would be a guess."""
    owner = next(m for m in later if not m.group("shared_n"))
    own = int(n.group("shared_n"))
    carried = int(owner.group("year_n") or owner.group("roman_n"))
    if not 0 < carried - own < SHARED_SPAN:
        return None
    kind = "DEC" if decision else "RES"
    if owner.group("year"):
        return f"S/{kind}/{own}({owner.group('year')})", True
    return f"A/{kind}/{own}({owner.group('roman')})", True


def _with_pinpoints(
    text: str, citation: Citation, *, before: bool, after: bool, at: int | None = None
) -> Citation:
    """Add paragraphs from "paragraph N of ..." before ``at`` or ", para. N" after the span."""
    found: list[str] = []
    annex = citation.annex
    if before:
        pos = citation.start if at is None else at
        window = text[max(0, pos - _LOOKBEHIND_CHARS) : pos]
        # Every match holds "para": a substring test spares the search, which tries each
        # position of the window (citation finding on six reports: -0.15 ms).
        preamble = PREAMBULAR_BEFORE_RE.search(window) if "preambular" in window else None
        m = PINPOINT_BEFORE_RE.search(window) if "para" in window and not preamble else None
        if preamble:
            found += _preambular_items(preamble)
        elif m:
            found += _paragraph_items(m.group("list"))
            annex = _annex_of(m, annex)
    if after and text.startswith(",", citation.end):  # PINPOINT_AFTER_RE starts with ","
        m = PINPOINT_AFTER_RE.match(text, citation.end)
        if m:
            found += _paragraph_items(m.group("list"))
            annex = _annex_of(m, annex)
    if not found:
        return citation
    return Citation(
        citation.start, citation.end, citation.text, citation.kind, citation.target,
        citation.paragraphs + tuple(found), citation.linkable, annex,
    )  # fmt: skip


def _annex_of(m: re.Match[str], annex: str | None) -> str | None:
    """The annex a pinpoint match names ("I", "" for "annex"), else the one known before."""
    if m.group("of") is None:
        return annex
    return (m.group("annex") or "").upper()


def _preambular_items(m: re.Match[str]) -> list[str]:
    """The pinpoints of a PREAMBULAR_BEFORE_RE match: "preambular 3", "preambular 4"."""
    if m.group("list"):
        return [f"preambular {n}" for n in re.findall(r"\d+", m.group("list"))]
    return [f"preambular {ORDINALS[w]}" for w in _ORDINAL_RE.findall(m.group("words"))]


def _paragraph_items(paragraph_list: str) -> list[str]:
    """Split a pinpoint list: "31-39, 41 and 11 (c)" -> ["31-39", "41", "11 (c)"].

    En dashes become hyphens and the space before a sub-item letter is made single, so equal
    pinpoints compare equal.
    """
    items = []
    for item in PARA_ITEM_RE.findall(paragraph_list):
        item = _PINPOINT_DASH_RE.sub("-", item)
        items.append(_PINPOINT_PAREN_RE.sub(" (", item))
    return items


# --------------------------------------------------------------------------------------------
# Suspects
# --------------------------------------------------------------------------------------------


def find_suspect_symbols(text: str) -> list[tuple[int, int, str]]:
    """Symbol-shaped tokens with OCR damage, as (start, end, text), for the QA report.

    They are reported rather than repaired: guessing "S/2O15/682" -> "S/2015/682" is safe, but
    "A./70/3 57" could be A/70/357 or A/70/3 and a wrong link is worse than none.
    """
    suspects = []
    if "/" not in text:  # SUSPECT_RE needs the slash after the root
        return suspects
    for m in _matches_from(SUSPECT_RE, text, _suspect_starts(text)):
        if _is_damaged(m):
            suspects.append((m.start(), m.end(), m.group()))
    return suspects


def _is_damaged(m: re.Match[str]) -> bool:
    root, rest = m.group("root"), m.group("rest")
    if root in ("$", "5"):
        return _YEAR_FIRST_RE.match(rest) is not None
    return bool(m.group("dot") or " " in rest or _LETTER_IN_NUMBER_RE.search(rest))
