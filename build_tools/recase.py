"""Upper-case headings of 1990s reports to UN sentence case, by the report's own usage."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache

from .frontmatter import MONTHS
from .lexicon import WORD_RE, Lexicon, english_words
from .textedits import find_all

# Roman numerals number sections and annexes ("ANNEX II"): they stay upper case.
_ROMAN_RE = re.compile(r"[IVXLC]+")
# A section label before the heading words: "VIII. ", "A. ", "12. ", "(b) ".
_LABEL_RE = re.compile(r"\s*\(?(?:[IVXLC]+|[A-Z]|\d+)[.)]\s+")


# A part's label before its title: "ANNEX I", "Appendix", "ENCLOSURE 2" (the title may be cased already).
_PART_LABEL_RE = re.compile(
    r"\s*(?:ANNEX|Annex|APPENDIX|Appendix|ENCLOSURE|Enclosure|ATTACHMENT|Attachment)(?:\s+(?:[IVXL]+|\d+))?(?:\s+|$)"
)


def recase_heading(text: str, lexicon: Lexicon) -> str:
    """Sentence-case an upper-case heading: "SITUATION ON THE GROUND" -> "Situation on the
    ground", "… MISSION IN KOSOVO" -> "… Mission in Kosovo". Each word takes the casing it has
    in the running text: first the casing of the longest run of heading words the text contains
    ("United Nations Interim Administration Mission in Kosovo"), else the word's own most
    frequent casing ("KFOR", "UNMIK"), else lower case (but for months, weekdays and the
    Organization's names). The first word is capitalised. A heading with any lower-case letter
    is already cased and is returned as is; a part's label before it ("ANNEX I") stays a label.
    """
    part = _PART_LABEL_RE.match(text)
    rest = text[part.end() :] if part else ""
    if rest.strip() and rest.split(maxsplit=1)[0].lower() in _CONNECTORS:
        part = None  # "ANNEX TO THE LETTER DATED …": one heading, not a label and a title
    if part:  # "ANNEX I COMPOSITION OF …": "Annex I", then the title on its own ("Composition of …")
        label = part.group(0)
        word = label.split()[0]
        label = label.replace(word, word.capitalize(), 1)
        return label + recase_heading(rest, lexicon) if rest else label
    if not any(c.isupper() for c in text) or any(c.islower() for c in text):
        return text
    label = _LABEL_RE.match(text)
    if label:  # "VIII. OBSERVATIONS", "A. GENERAL": the label stays, the rest is a heading
        return label.group(0) + _recase(text[label.end() :], lexicon)
    return _recase(text, lexicon)


def _recase(text: str, lexicon: Lexicon) -> str:
    matches = [m for m in WORD_RE.finditer(text) if not _in_symbol(text, m)]
    words = [m.group(0) for m in matches]
    cased = [_recase_word(w, lexicon) for w in words]
    joinable = [not text[a.end() : b.start()].strip() for a, b in itertools.pairwise(matches)]
    for k, form in _phrase_casings(words, joinable, lexicon).items():
        if not _ROMAN_RE.fullmatch(words[k]):
            cased[k] = form
    for k in range(len(words) - 1):  # "UNITED NATIONS" where the running text never writes it
        if joinable[k] and (cased[k].lower(), cased[k + 1].lower()) in _UN_NAMES:
            cased[k], cased[k + 1] = cased[k].capitalize(), cased[k + 1].capitalize()
    for k, m in enumerate(matches):  # "10 MAY 1991": the month, not the verb
        if cased[k] == "may" and _DAY_BEFORE.search(text, 0, m.start()):
            cased[k] = "May"
    if cased and cased[0][0].islower():
        cased[0] = cased[0][0].upper() + cased[0][1:]
    parts, pos = [], 0
    for m, form in zip(matches, cased):
        parts += [text[pos : m.start()], form]
        pos = m.end()
    return "".join(parts) + text[pos:]


def _in_symbol(text: str, m: re.Match[str]) -> bool:
    """A letter group of a document symbol ("S/2017/840", "A/RES/54/1") keeps its case."""
    return text[m.start() - 1 : m.start()] == "/" or text[m.end() : m.end() + 1] == "/"


def _recase_word(word: str, lexicon: Lexicon) -> str:
    """The word's own casing in the running text; for a compound without one, its parts'."""
    if _ROMAN_RE.fullmatch(word):  # "I" too: a numeral or the pronoun (the running text's "(i)" is an item)
        return word
    cased = lexicon.preferred_casing(word)
    if cased:
        title_case = cased[:1].isupper() and cased[1:].islower()
        if title_case and cased.lower() in english_words() and _only_in_names(cased, lexicon):
            return cased.lower()  # "Development" of "United Nations Development Programme" only
        return cased
    low = word.lower()
    if low in _UN_TITLES:
        return _UN_TITLES[low]
    if "-" in word:
        return "-".join(_recase_word(part, lexicon) for part in word.split("-"))
    return low.capitalize() if low in _CALENDAR_NAMES else low


def _only_in_names(form: str, lexicon: Lexicon) -> bool:
    """The running text capitalises this common word only inside names, after a capitalised word
    ("Nations Development Programme"), or where its position does (after a full stop): never
    after a lower-case word, a sentence's "The" or other punctuation ("the Mission", "The
    Mission will", "(Programme"). Memoised."""
    memo = lexicon.memo("recase-only-in-names", dict)
    if form not in memo:
        memo[form] = not any(_own_capital(lexicon.running_text, i, form) for i in find_all(lexicon.running_text, form))
    return memo[form]


def _own_capital(text: str, i: int, form: str) -> bool:
    """The form at i, a whole word, is capitalised by neither a name nor its position."""
    end = i + len(form)
    if (i and text[i - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return False  # part of a longer word
    j = i
    while j and text[j - 1].isspace():
        j -= 1
    if not j or text[j - 1] in ".!?:":
        return False  # a sentence's or a line's start: its position's capital
    if not text[j - 1].isalpha():
        return True  # "(Programme", "“Mission"
    word_start = max(text.rfind(" ", 0, j), text.rfind("\n", 0, j)) + 1
    return not text[word_start].isupper() or text[word_start:j] in _CAPITALISED_BY_POSITION


# Words before a name that are capitalised for opening a sentence, not as part of the name
# ("The Mission will …").
_CAPITALISED_BY_POSITION = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "Our"})


# The Organization's own names, cased so where the running text does not show them (a report's
# title "REPORT OF THE SECRETARY-GENERAL ON THE UNITED NATIONS OBSERVER MISSION …").
_UN_TITLES = {"secretary-general": "Secretary-General", "under-secretary-general": "Under-Secretary-General"}
_UN_NAMES = frozenset({
    ("united", "nations"), ("security", "council"), ("general", "assembly"),
    ("permanent", "representative"), ("special", "representative"),
})

# Words after which a part's label is no label but the heading's first word ("ANNEX TO THE …").
_CONNECTORS = frozenset(("to", "of", "for", "on", "in", "and", "by", "from"))
_DAY_BEFORE = re.compile(r"\b\d{1,2}\s+\Z")  # a day's number right before a word

# Names English always capitalises, when the running text does not show the word ("AS AT 15
# DECEMBER 1992" in a report that writes no other date); not "may", a verb too.
_CALENDAR_NAMES = frozenset(
    [m.lower() for m in MONTHS if m != "May"] + "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _phrase_casings(words: list[str], joinable: list[bool], lexicon: Lexicon) -> dict[int, str]:
    """Casings of heading words that the running text shows inside a longer phrase.

    Left to right: find every place the running text has words i and i+1 together, extend
    each as far as the heading goes, and take the longest run (most frequent casing on a
    tie). The first word of a run keeps its own casing: it may be a sentence start.
    """
    running = lexicon.running_text
    # Headings of one report share pairs ("OF THE", "THE MISSION"): each is searched once.
    pair_spans = lexicon.memo("recase-pair-spans", dict)
    out: dict[int, str] = {}
    i = 0
    while i < len(words) - 1:
        if not joinable[i]:
            i += 1
            continue
        runs: Counter[tuple[str, ...]] = Counter()
        pair = (words[i], words[i + 1])
        spans = pair_spans.get(pair)
        if spans is None:
            spans = pair_spans[pair] = list(_pair_spans(*pair, lexicon))
        for start, end in spans:
            runs[_extend(words, joinable, i + 2, running, end, [running[start:end]])] += 1
        if not runs:
            i += 1
            continue
        best = max(runs, key=lambda r: (len(r), runs[r]))
        out.update({i + 1 + k: form for k, form in enumerate(best)})
        i += len(best)
    return out


# Characters for which re.IGNORECASE and str.lower() disagree: the non-ASCII members of
# re's extra case classes (re._casefix: "ſ" matches "s", "ı" matches "i", "ς" matches
# "σ"), "Σ" (lowered to "ς" at a word end) and "İ" (lowered to two characters).
_CASE_TRAPS = frozenset(
    "\xb5\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2"
    "\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e\u0441\u0442\u044a"
    "\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3"
    "\ua64b\ufb05\ufb06"
    "\u03a3\u0130"  # Σ, İ
)


def _lowers_like_re(text: str) -> bool:
    """True when matching text.lower() case-sensitively finds exactly what re.IGNORECASE
    finds in text: every character lowers to one character and none is a trap."""
    if text.isascii():  # ASCII lowers to one ASCII character, and no trap is ASCII
        return True
    return not any(len(low := c.lower()) != 1 or low in _CASE_TRAPS for c in set(_NON_ASCII_RE.findall(text)))


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def _pair_spans(first: str, second: str, lexicon: Lexicon):
    r"""Spans of `second` wherever the running text has r"\bfirst\s+(second)\b", any case.

    The obvious re.IGNORECASE finditer scans the whole running text per heading word pair
    (the \b and the case-insensitive letters defeat re's literal-prefix search). So the
    search runs on the lower-cased text, which is equivalent when _lowers_like_re holds:
    from a rare word of the pair found with str.find, else from re's search for the first.
    """
    running = lexicon.running_text
    folded = lexicon.memo("recase-folded", lambda: running.lower() if _lowers_like_re(running) else None)
    if folded is None or not _lowers_like_re(first + second):
        pair = re.compile(rf"\b{re.escape(first)}\s+({re.escape(second)})\b", re.IGNORECASE)
        yield from (m.span(1) for m in pair.finditer(running))
        return
    first, second = first.lower(), second.lower()
    anchor = min((lexicon.doc_count(first), 0, first), (lexicon.doc_count(second), 1, second))
    if anchor[0] > _ANCHOR_MAX_USES or len(anchor[2]) < _ANCHOR_MIN_LEN:
        # Common words ("of the"): one finditer of the pattern with its leading \b as a
        # lookbehind after the literal, so re still skips to the literal in C (a search per
        # place cost ~1 us each, 476 places of "of the" per pass over two reports).
        yield from (m.span(1) for m in _pair_pattern(first, second).finditer(folded))
        return
    found = (_matches_before if anchor[1] else _matches_after)(folded, first, second)
    end = 0  # finditer's matches do not overlap: each search resumes at the last match's end
    for start, span in found:
        if start >= end and not (start and _WORD_CHAR_RE.match(folded, start - 1)):
            yield span
            end = span[1]


# A pair word the report uses at most this often, and this long, is searched for with
# str.find, which skips through the text several times faster than re's prefix scan:
# recasing's pair searches ~2 -> ~0.7 ms (two reports, 30 pairs). Common words ("of the")
# would give too many places to check in Python; they keep the pattern search.
_ANCHOR_MAX_USES = 40
_ANCHOR_MIN_LEN = 4


@lru_cache(maxsize=1024)
def _pair_pattern(first: str, second: str) -> re.Pattern[str]:
    r"""\bfirst\s+(second)\b, the \b before first written as a lookbehind after it."""
    f = re.escape(first)
    return re.compile(rf"{f}(?<!\w{f})\s+({re.escape(second)})\b")


def _matches_after(folded: str, first: str, second: str):
    """The same matches, found from each place of `first`."""
    for i in find_all(folded, first):
        k = j = i + len(first)
        while k < len(folded) and folded[k].isspace():  # \s is str.isspace()
            k += 1
        if k > j and _second_at(folded, second, k):
            yield i, (k, k + len(second))


def _matches_before(folded: str, first: str, second: str):
    """The same matches, found from each place of `second` (in order of their starts: a
    later `second` cannot have its `first` before an earlier one's)."""
    for k in find_all(folded, second):
        j = k
        while j and folded[j - 1].isspace():
            j -= 1
        start = j - len(first)
        if j < k and start >= 0 and folded.startswith(first, start) and _second_at(folded, second, k):
            yield start, (k, k + len(second))


def _second_at(folded: str, second: str, k: int) -> bool:
    """`second` starts at k and a word boundary follows it (its last character is a letter)."""
    end = k + len(second)
    return folded.startswith(second, k) and not _WORD_CHAR_RE.match(folded, end)


_WORD_CHAR_RE = re.compile(r"\w")


def _extend(
    words: list[str], joinable: list[bool], k: int, running: str, pos: int, run: list[str]
) -> tuple[str, ...]:
    while k < len(words) and joinable[k - 1]:
        m = _next_word_re(words[k]).match(running, pos)
        if not m:
            break
        run.append(m.group(1))
        pos, k = m.end(), k + 1
    return tuple(run)


@lru_cache(maxsize=1024)
def _next_word_re(word: str) -> re.Pattern[str]:
    """The heading word next in the running text, any case (re.compile's own cache costs
    a type check and a key tuple per call; _extend asks once per phrase occurrence)."""
    return re.compile(rf"\s+({re.escape(word)})\b", re.IGNORECASE)
