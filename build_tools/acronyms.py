"""Acronyms a report defines ("... Hybrid Operation in Darfur (UNAMID)") and <abbr> for their other uses.

find_acronyms is a pure function over the Report. The expansion is the run of
words just before the parenthesis, chosen in two ways, best first:
  1. the shortest run of words whose initials spell the acronym, connectors like
     "of"/"pour la" skipped ("Police tchadienne pour la protection humanitaire (PTPH)");
  2. otherwise the longest run of capitalised words and connectors (stopping at
     another acronym), because UN
     acronyms often come from the French name ("Stabilization Mission in Haiti (MINUSTAH)").
The first definition of an acronym in reading order wins.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .blocks import ABBREVIATIONS_TITLE
from .inline import Span
from .memo import per_object
from .models import Block, Report
from .render import Linker
from .textedits import JoinedTexts

# "(UNAMID)", "(EU)", "(MINUJUSTH)": two or more capitals, lower-case letters allowed inside ("(MONUSCO)", "(UNPoS)").
DEFINITION = re.compile(r"\(([A-Z][A-Za-z]*[A-Z])\)")
# A word of a name: letters with inner hyphens/apostrophes ("Union-United", "Children’s", "d’Ivoire").
WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
# The words and spaces that end a text: a name stops at punctuation, a digit or a dash.
NAME_TAIL = re.compile(r"(?:[^\W\d_]+(?:[-’'][^\W\d_]+)*\s+)*$")
# NAME_TAIL's characters, matched on the reversed text: the run of them that ends the text.
# A NAME_TAIL match cannot start before that run, so searching from its start gives the
# same match without NAME_TAIL re-scanning to the end from every earlier position (quadratic).
# Runs of either class, not one character per repetition: the same (greedy, maximal) match,
# with far fewer turns of the repeat (words before a definition: -0.06 ms on six reports).
_TAIL_CHARS_REVERSED = re.compile(r"(?:[^\W\d_]++|[\s’'-]++)*+")  # possessive: never backtracks
# Roman numerals in parentheses are chapter or annex numbers, not acronyms.
ROMAN = re.compile(r"^[IVXLCDM]+$")
# Small words inside names, in English and French; skipped when matching initials.
CONNECTORS = frozenset("of the in for and on to with de la le les des du pour et en d l".split())
MAX_WORDS = 24  # "United Nations Mission for the Verification of Human Rights and of Compliance with ..."


@dataclass(frozen=True)
class Acronym:
    acronym: str
    expansion: str
    block_id: str  # the block that defines it


def _words_before(text: str, end: int) -> list[str]:
    """The words just before `end` up to the nearest punctuation or digit (at most MAX_WORDS)."""
    window = text[max(0, end - 300) : end]
    run = _TAIL_CHARS_REVERSED.match(window[::-1]).end()
    tail = NAME_TAIL.search(window, len(window) - run)
    # The tail is words (WORD's shape) each followed by whitespace, so WORD.findall(tail) is
    # tail.split(): \s and str.split both take Py_UNICODE_ISSPACE (-0.1 ms on six reports).
    return tail.group().split()[-MAX_WORDS:] if tail else []


# Inner hyphens and apostrophes split a word into parts that each give an initial ("Union-United").
_WORD_PARTS = re.compile(r"[-’']")


def _initials(words: list[str]) -> str:
    return "".join(map(_word_initials, words)).upper()


def _word_initials(w: str) -> str:
    """The letters a word adds to an acronym: none for a connector, one per part otherwise,
    except a part of one lower-case letter: an elided article or a possessive ("d’Ivoire"
    gives "I", as in UNOCI; "Children’s" gives "C")."""
    if w.lower() in CONNECTORS:
        return ""
    if "-" not in w and "’" not in w and "'" not in w:
        return w[:1]  # one part, as most words: no split (finding acronyms: -0.08 ms on six)
    return "".join(part[0] for part in _WORD_PARTS.split(w) if part and not (len(part) == 1 and part.islower()))


def _capital_initial(w: str) -> str:
    """_word_initials counting capitalised words only: "the former Yugoslavia" gives "Y" (ICTY)."""
    return _word_initials(w) if w[0].isupper() else ""


def _is_name_word(w: str) -> bool:
    """Capitalised, a connector, or a capitalised word after an elided article ("d’Ivoire")."""
    return w[0].isupper() or w.lower() in CONNECTORS or (len(w) > 2 and w[1] in "’'" and w[2].isupper())


def expansion_for(acronym: str, words: list[str]) -> str | None:
    """The name the acronym stands for, from the words before its parenthesis (see module doc)."""
    # The initials of the last k words, grown one word at a time (not recomputed for each k).
    # Upper-casing goes character by character, so the upper-cased initials only grow too:
    # once longer than the acronym, no longer run can match.
    target = acronym.upper()
    # Every word but connectors gives its initial; failing that, capitalised words only
    # ("International Criminal Tribunal for the former Yugoslavia (ICTY)").
    for initial_of in (_word_initials, _capital_initial):
        initials = ""
        for k in range(1, len(words) + 1):
            initials = initial_of(words[-k]).upper() + initials
            if len(initials) > len(target):
                break
            if initials == target and words[-k].lower() not in CONNECTORS:
                return " ".join(words[-k:])
    run: list[str] = []
    for w in reversed(words):
        if not _is_name_word(w) or (len(w) > 1 and w.isupper()):
            break  # a lower-case word, or another acronym ("UNAMID and the United Nations Mission ...")
        run.insert(0, w)
    while run and run[0].lower() in CONNECTORS:
        run.pop(0)
    capitals = [w for w in run if w[0].isupper()]
    return " ".join(run) if len(capitals) >= 2 else None


def find_acronyms(report: Report) -> list[Acronym]:
    """(acronym, expansion, defining block id) for each acronym the report defines, in reading order."""
    return list(_acronyms(report))


@per_object  # asked by the page linker, the report glossary and the site glossary
def _acronyms(report: Report) -> tuple[Acronym, ...]:
    found: dict[str, Acronym] = {}
    in_list = False  # under the report's list of abbreviations
    for block in report.blocks():
        if block.type == "heading":
            in_list = bool(ABBREVIATIONS_TITLE.match(block.text))
            continue
        if in_list:
            for acronym, expansion in _list_entries(block.text):
                found.setdefault(acronym, Acronym(acronym, expansion, block.id))
            continue
        if "(" not in block.text:
            continue  # most blocks define nothing: a substring test instead of a regex scan
        for m in DEFINITION.finditer(block.text):
            acronym = m.group(1)
            if acronym in found or ROMAN.match(acronym):
                continue
            expansion = expansion_for(acronym, _words_before(block.text, m.start()))
            if expansion:
                found[acronym] = Acronym(acronym, expansion, block.id)
    return tuple(found.values())


def _list_entries(text: str) -> list[tuple[str, str]]:
    """(acronym, expansion) pairs of a list of abbreviations, its lines joined: "AMISOM African
    Union Mission in Somalia DPPA Department of …". An entry starts at each word shaped like
    an acronym (capitals at both ends) and runs to the next one."""
    entries: list[tuple[str, list[str]]] = []
    for word in text.split():
        if _LISTED_ACRONYM.fullmatch(word) and not ROMAN.match(word):
            entries.append((word, []))
        elif entries:
            entries[-1][1].append(word)
    return [(acronym, " ".join(words)) for acronym, words in entries if words]


# An acronym heading an entry of a list of abbreviations ("UNAMA", "UN-Women", "ECOWAS").
_LISTED_ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z](?:-[A-Z][A-Za-z]*)?")

# A whole word shaped like a DEFINITION acronym: the only words abbr_linker's table can hold.
# Finding these and looking them up is much cheaper than one alternation of every acronym
# (Python's re tries each alternative at each word start). Same words as
# \b[A-Z][A-Za-z]*[A-Z]\b: the lookbehind is the leading \b, placed after the first capital
# so that the search can skip ahead to capitals; the rest of the word is taken possessively and
# its last letter checked, so a capitalised word is not backtracked letter by letter.
_ACRONYM_REST = r"(?<!\w[A-Z])[A-Za-z]++(?<=[A-Z])\b"
_ACRONYM_WORD = re.compile(r"[A-Z]" + _ACRONYM_REST)


def abbr_linker(acronyms: Iterable[Acronym], texts: Iterable[str] = ()) -> Linker:
    """A linker wrapping each use of a defined acronym in <abbr title=expansion>, except the definition itself.

    `texts` are the block texts it will be asked about: their uses are found at once (see
    _uses_in_texts); any other text is scanned when asked."""
    table = {a.acronym: a for a in acronyms}
    if not table:
        return lambda block, page_dir: []
    opening = {k: f'<abbr title="{html.escape(a.expansion, quote=True)}">' for k, a in table.items()}
    uses = _uses_finder(table)
    texts = list(texts)
    covered, found = _uses_in_texts(table, texts)

    def link(block: Block, page_dir: str) -> list[Span]:
        spans = []
        text = block.text
        key = id(text)
        # `texts` is held here so that no other object can take the ids in `covered`.
        for start, end, word in found.get(key, ()) if key in covered and texts else uses(text):
            a = table[word]
            if block.id == a.block_id and text.find(f"({a.acronym})") == start - 1:
                continue  # the definition itself
            spans.append(Span(start, end, opening[word], "</abbr>"))
        return spans

    return link


def report_abbr_linker(report: Report) -> Linker:
    """abbr_linker for a report's own acronyms, its block and footnote texts scanned at once."""
    texts = [b.text for b in report.blocks()] + [fn.text for fn in report.footnotes]
    return abbr_linker(find_acronyms(report), texts)


def _uses_in_texts(table: dict[str, Acronym], texts: list[str]) -> tuple[set[int], dict[int, list]]:
    """(ids of the texts, id(text) -> _uses_finder(table)(text) for the texts with a use).

    One scan per first letter of an acronym over the texts joined by newlines, instead of one
    scan of each text: a pattern that starts with a literal letter is searched in a tight C
    loop, about seven times faster per character than the letter class of _uses_finder
    (linking six reports' acronyms: 1.55 -> 1.33 ms, synthetic 20: 5.0 -> 4.4 ms). A use is
    a whole word, so the letters' matches never overlap and together are _uses_finder's; a
    newline is not a word character, so no use spans two texts and each text's edges bound
    words as the newline does. Texts are keyed by identity: hashing them all would cost more
    than the scan saves. Nothing is covered for a table with keys outside the acronym shape
    (made by hand, not by find_acronyms)."""
    if not texts or not all(_ACRONYM_WORD.fullmatch(k) for k in table):
        return set(), {}
    joined = JoinedTexts(texts)
    by_text: dict[int, list] = {}
    for letter in {k[0] for k in table}:
        for m in _letter_pattern(letter).finditer(joined.text):
            word = m.group()
            if word in table:
                i, local = joined.locate(m.start())
                by_text.setdefault(i, []).append((local, local + len(word), word))
    found = {id(texts[i]): sorted(uses) for i, uses in by_text.items()}  # letters' matches interleave
    return set(map(id, texts)), found


@lru_cache(maxsize=64)
def _letter_pattern(letter: str) -> re.Pattern[str]:
    """_ACRONYM_WORD for the words that start with `letter`."""
    return re.compile(re.escape(letter) + _ACRONYM_REST)


def _uses_finder(table: dict[str, Acronym]):
    """text -> (start, end, acronym) of each whole-word use of an acronym in the table."""
    if all(_ACRONYM_WORD.fullmatch(k) for k in table):
        # Only words starting with a letter some acronym starts with: the search skips to those
        # capitals and tries no match at the others (most capitals begin ordinary words).
        words = re.compile("[" + "".join(sorted({k[0] for k in table})) + "]" + _ACRONYM_REST)

        def uses(text: str):
            return [(m.start(), m.end(), m.group()) for m in words.finditer(text) if m.group() in table]
        return uses
    # Longest first so "UNAMID" is not read as "UN" + "AMID"; \b keeps "EU" out of "EUFOR".
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b")
    return lambda text: [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]


def glossary_rows(report: Report) -> list[Acronym]:
    return sorted(find_acronyms(report), key=lambda a: a.acronym)
