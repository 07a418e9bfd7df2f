"""Word evidence for the repair rules: the report's own vocabulary plus English frequencies.

A repair is only made when the evidence is strong, and the report's own usage beats
general English: UN house style ("peacekeeping", "predeployment", "UNMIK") is not what
wordfreq would guess. Everything here is pure; lookups are memoised because the cleaner
asks about the same few thousand word forms again and again.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from functools import cached_property, lru_cache
from itertools import filterfalse
from typing import Any

import wordfreq

from .textedits import non_ascii_bytes

# Zipf 3.0 is about one occurrence per million words. Below it wordfreq's English list is
# mostly names, word fragments and OCR junk ("organi" 1.83, "poli" 2.74, "oper" 2.55);
# above it are real words ("competencies" 2.99 is the edge, and the report itself will
# usually vouch for words like that).
ZIPF_KNOWN = 3.0

# A form the report uses three or more times is part of its vocabulary. OCR damage does
# repeat, but rarely three times identically (seed 003 has "Flowever" twice).
DOC_KNOWN_MIN = 3

# A capitalised form seen this often mid-sentence, and never in lower case, is a proper
# noun of the report ("Lesage" once is not enough: "Fleadquarters" is capitalised too).
PROPER_MIN = 2

# One Latin letter, accented ones included. Spelled out rather than [^\W\d_]: that class
# also takes superscript footnote marks ("¹") and makes every pass about twice as slow.
MONTHS = tuple("January February March April May June July August September October November December".split())
LETTER = "[A-Za-zÀ-ÖØ-öø-ɏ]"
# A word, optionally with internal hyphens: "Secretary-General", "mission-by-mission".
# Possessive: nothing follows in the pattern, so a greedy match never gives anything back;
# saying so spares re its backtracking bookkeeping (~15% faster, the same matches).
WORD_RE = re.compile(rf"{LETTER}++(?:-{LETTER}++)*+")
# A line-end hyphen ("organi-\nzations", "stand¬\nalone"). The fragments on either side are
# left out of the counts so they do not vouch for themselves.
LINE_END_HYPHEN_RE = re.compile(r"[-¬][ \t]*\n")
# The same for text without "¬" (almost all): a pattern that starts with a literal is
# searched for in C, eight times faster than one that starts with a character class.
_LINE_END_DASH_RE = re.compile(r"-[ \t]*\n")
_NEXT_WORD_RE = re.compile(rf"[ \t]*({WORD_RE.pattern})")
# Capitalised words whose capital comes from their position, not from the word: after a
# sentence end or colon, a blank line or a list mark "(a)". Their casing is no evidence.
# The same matches as "[.!?:]["”’)]?\s+CAP|\n[ \t]*\n\s*CAP|\([a-z0-9]{1,4}\)\s+CAP", written
# class-first (the alternatives start with different characters, told apart by lookbehind):
# re then skips to candidate characters in C, twice as fast (tests/test_speedups.py).
_CAP = rf"([A-Z]{LETTER}*(?:-{LETTER}+)*)"
_POSITIONAL_CAPS_RE = re.compile(
    rf"[.!?:\n(](?:(?<=[.!?:])[\"”’)]?\s+{_CAP}|(?<=\n)[ \t]*\n\s*{_CAP}|(?<=\()[a-z0-9]{{1,4}}\)\s+{_CAP})"
)
# The words it finds, counted faster by one literal-first pattern per alternative (the
# "\n", "(" and each sentence-end mark): re searches for a literal in C, where a class
# costs a test per character. Alone, the patterns would also find a blank line inside the
# spaces a sentence-end or list-mark match spans (which _POSITIONAL_CAPS_RE skips over):
# those two leave such a word to the blank-line pattern, so each is counted once.
_NO_BLANK_LINE = r"(?!\s*\n[ \t]*\n)"
# A blank line's match takes the whole run of whitespace after it, with or without a capital
# word next (the group is then empty): failing there instead, re tried again from every line
# break of the run, each time to its end (a text of 1,200 blank lines took a second).
_BLANK_LINE_CAP_RE = re.compile(rf"\n[ \t]*\n\s*+(?:{_CAP}|)")
_LIST_MARK_CAP_RE = re.compile(rf"\([a-z0-9]{{1,4}}\){_NO_BLANK_LINE}\s+{_CAP}")
_SENTENCE_END_CAP_RES = {
    mark: re.compile(rf"{re.escape(mark)}[\"”’)]?{_NO_BLANK_LINE}\s+{_CAP}") for mark in ".!?:"
}
# Lines without a lower-case letter are headings or mastheads ("SITUATION ON THE GROUND"):
# their casing is no evidence either. The lines (?m)^[^a-zß-ÿ\n]*$ finds, found as the
# first line plus each "\n" and the caps line after it: a pattern that starts with a literal
# is searched for in C, four times faster than trying ^ at every position.
_CAPS_FIRST_LINE_RE = re.compile(r"[^a-zß-ÿ\n]*+(?![^\n])")
_CAPS_NEXT_LINE_RE = re.compile(r"\n[^a-zß-ÿ\n]*+(?![^\n])")
# "I will", "I have": which words the report puts after the pronoun (checked in Python
# that no word or "." comes just before, so the pattern starts with a literal).
_PRONOUN_NEXT_RE = re.compile(r"I ([a-z]+)\b")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """wordfreq's English words at or above ZIPF_KNOWN: a set lookup instead of a
    zipf_frequency call (which tokenises) for every plain word. Built once, ~30k words."""
    floor = 10 ** (ZIPF_KNOWN - 0.005 - 9)  # zipf_frequency rounds to 2 decimals
    return frozenset(w for w, f in wordfreq.get_frequency_dict("en").items() if f >= floor)


def english_frequency(word: str) -> float:
    """wordfreq's frequency of a word as its list has it (lower case, no tokenising: a dict
    lookup where zipf_frequency costs ~0.2 ms the first time); 0 for a word not listed."""
    return wordfreq.get_frequency_dict("en").get(word, 0.0)


def english_known(word: str) -> bool:
    """True when English uses the word at least ZIPF_KNOWN (case-insensitive)."""
    if word.isalpha():
        return word.lower() in english_words()
    return zipf(word) >= ZIPF_KNOWN


# Counting the words with WORD_RE.findall costs a match object's bookkeeping per word (53k
# words in the six reports). _word_forms finds the same words with C-level byte passes
# instead: every byte that is no letter or hyphen becomes a space, lone hyphens too, and
# str.split() cuts the words out (Counter(findall) 9.4 ms -> 6.1 ms on the six reports).
_ASCII_WORD_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-"
# ASCII letters and "-" stay, other ASCII becomes a space; bytes of non-ASCII characters
# stay (the non-letters among them are blanked first, by _NON_LETTER_UTF8_RES).
_WORD_BYTES_TABLE = bytes(b if b in _ASCII_WORD_BYTES or b >= 0x80 else 0x20 for b in range(256))


def _non_letter_utf8_pattern(lead: int) -> bytes:
    """The UTF-8 encodings that start with this lead byte and are not a LETTER (U+00C0 to
    U+024F less "×" and "÷"). Literal-first, so re finds them with a C search for the lead."""
    partial = {0xC2: rb"[\x80-\xbf]", 0xC3: rb"[\x97\xb7]", 0xC9: rb"[\x90-\xbf]"}
    tail = partial.get(lead, rb"[\x80-\xbf]" * (1 if lead < 0xE0 else 2 if lead < 0xF0 else 3))
    return re.escape(bytes([lead])) + tail


# UTF-8 lead byte -> the non-letter characters it starts (0xC4 to 0xC8 start only letters).
_NON_LETTER_UTF8_RES = {
    lead: re.compile(_non_letter_utf8_pattern(lead)) for lead in [0xC2, 0xC3, *range(0xC9, 0xF5)]
}
# A hyphen with no letter on one side: no part of a word. Letters are ASCII letters and
# (once the non-letters are blanked) every non-ASCII byte.
_LONE_HYPHEN_BYTES_RE = re.compile(rb"-(?:(?<![A-Za-z\x80-\xff]-)|(?![A-Za-z\x80-\xff]))")


def _word_forms(text: str) -> Counter[str]:
    """Counter(WORD_RE.findall(text)), the same words in the same order, counted from a
    copy of the text that has spaces wherever WORD_RE would not match (tests compare)."""
    data = text.encode("utf-8", "surrogatepass")
    if not text.isascii():
        for lead in _NON_LETTER_UTF8_RES.keys() & set(non_ascii_bytes(data)):
            data = _NON_LETTER_UTF8_RES[lead].sub(b" ", data)
    data = data.translate(_WORD_BYTES_TABLE)
    if b"-" in data:
        data = _LONE_HYPHEN_BYTES_RE.sub(b" ", data)
    return Counter(data.decode().split())


def _line_break_fragments(text: str) -> list[str]:
    """The word forms on either side of each line-end hyphen."""
    out = []
    for m in (LINE_END_HYPHEN_RE if "¬" in text else _LINE_END_DASH_RE).finditer(text):
        line = text.rfind("\n", 0, m.start())  # the space is looked for after it: from the text's
        start = max(text.rfind(" ", line + 1, m.start()), line) + 1  # start, a text without spaces was quadratic
        out += WORD_RE.findall(text, start, m.start())
        nxt = _NEXT_WORD_RE.match(text, m.end())
        if nxt:
            out.append(nxt.group(1))
    return out


def _lowered_counts(forms: Counter[str]) -> tuple[Counter[str], list[str]]:
    """Lower-cased form -> count (forms' counts are all positive), with the parts of
    compounds counted as words too; and the compounds (the keys with a hyphen). Starts
    from a copy of the forms (in C) and folds in only those that lower() changes:
    islower() picks them out in C first, as no LETTER that lower() changes is lower case
    (tests/test_lexicon_speedups.py). The keys come in another order than a form-by-form
    build would give; nothing iterates them in order."""
    counts = Counter(forms)
    get = counts.get
    for form in list(filterfalse(str.islower, forms)):
        low = form.lower()
        if low != form:  # not a form without cased letters
            counts[low] = get(low, 0) + counts.pop(form)
    compounds = [f for f in counts if "-" in f]
    for form in compounds:  # compound parts are words too
        for part in form.split("-"):
            counts[part] = get(part, 0) + counts[form]
    return counts, compounds


def _caps_lines(text: str) -> str:
    """The all-caps lines of the text, each after a line break (the first maybe not)."""
    first = _CAPS_FIRST_LINE_RE.match(text)
    return (first.group(0) if first else "") + "".join(_CAPS_NEXT_LINE_RE.findall(text))


def _positional_caps(text: str) -> list[str]:
    """The words _POSITIONAL_CAPS_RE finds, in another order (they are only counted)."""
    out = list(filter(None, _BLANK_LINE_CAP_RE.findall(text))) + _LIST_MARK_CAP_RE.findall(text)
    for mark, pattern in _SENTENCE_END_CAP_RES.items():
        if mark in text:
            out += pattern.findall(text)
    return out


def _casings(forms: Counter[str], text: str) -> Counter[str]:
    """The forms as running text cases them: minus those in all-caps lines and those
    capitalised by their position, keeping only positive counts, in the forms' order
    (the order breaks ties in preferred_casing)."""
    positional = Counter(WORD_RE.findall(_caps_lines(text)))
    positional.update(_positional_caps(text))
    if text[:1].isupper():
        positional.update(WORD_RE.findall(text, 0, 60)[:1])
    casings = forms.copy()  # a dict copy in C; then only the few removed forms are touched
    for form, n in positional.items():
        left = casings.get(form, 0) - n
        if left > 0:
            casings[form] = left
        else:
            casings.pop(form, None)
    return casings


@lru_cache(maxsize=262_144)
def zipf(word: str) -> float:
    """English Zipf frequency of a word (case-insensitive), memoised."""
    return wordfreq.zipf_frequency(word, "en")


class Lexicon:
    """What a report's text says about its words, plus general English frequencies."""

    def __init__(
        self,
        counts: Counter[str] | None = None,
        casings: Counter[str] | None = None,
        after_pronoun: Counter[str] | None = None,
        text: str = "",
    ):
        self.counts: Counter[str] = counts or Counter()  # lower-cased form -> count
        self.casings: Counter[str] = casings or Counter()  # original form -> count, running text
        # "I <word>" -> count; None: counted from the text on first use (see after_pronoun).
        self._after_pronoun: Counter[str] | None = after_pronoun
        self.text = text  # the report text the lexicon was built from
        self._known_cache: dict[str, bool] = {}
        self._memos: dict[str, Any] = {}
        self.plain_known: frozenset[str] = frozenset()  # alphabetic words known() is True for
        # Lower-cased forms the report uses under DOC_KNOWN_MIN times that English does not know.
        self.rare_unknown: set[str] = set()
        self._compounds: list[str] | None = None  # see compounds
        self._forms: Counter[str] | None = None  # see forms

    @classmethod
    def from_text(cls, text: str) -> Lexicon:
        """Count the word forms of a report: a few regex passes, C-level counting, Python
        only per distinct form (Counter's subtract and unary + are Python loops per word)."""
        forms = _word_forms(text)
        for form, n in Counter(_line_break_fragments(text)).items():
            if forms.get(form, 0) > n:
                forms[form] -= n
            else:  # all its uses are line-break fragments: it is no word of the report
                forms.pop(form, None)
        counts, compounds = _lowered_counts(forms)
        lexicon = cls(counts, _casings(forms, text), None, text)
        lexicon._compounds = compounds
        lexicon._forms = forms
        lexicon._prime_known(compounds)
        return lexicon

    @property
    def forms(self) -> Counter[str]:
        """The report's word forms as written (WORD_RE matches) -> count. from_text has them
        already, line-break fragments left out; otherwise counted from the text on first use."""
        if self._forms is None:
            self._forms = _word_forms(self.text)
        return self._forms

    @property
    def compounds(self) -> list[str]:
        """The report's hyphenated compounds, lower case (the keys of counts with a hyphen).
        from_text has them already; a lexicon built from counts finds them on first use."""
        if self._compounds is None:
            self._compounds = [w for w in self.counts if "-" in w]
        return self._compounds

    @property
    def after_pronoun(self) -> Counter[str]:
        """"I <word>" -> count, for a "1 <word>" whose word is no usual verb. Counted on
        first use: the pronoun rule seldom gets that far (none of the six reports does;
        0.2 ms a run)."""
        if self._after_pronoun is None:
            text = self.text
            self._after_pronoun = Counter(
                m.group(1)
                for m in _PRONOUN_NEXT_RE.finditer(text)
                if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == ".")
            )
        return self._after_pronoun

    def _prime_known(self, compounds: list[str]) -> None:
        """Decide known() at once, with set operations, for the words the report or English
        vouches for: the repair rules ask about most of them, and one Python call per word
        is the cost. The rest (under DOC_KNOWN_MIN uses, no English word) are left to
        known() on first use: deciding all of them up front cost 0.9 ms on the six reports,
        and the rules ask about half of them."""
        # The known words are all but the few the report uses rarely and English does not
        # know (26-181 of 600-2,200 per report): a C copy of the keys less those is cheaper
        # than collecting the frequent ones and adding the English ones found by probing
        # every key (_prime_known 1.8 -> 1.6 ms over the six reports).
        english = english_words()
        rare_unknown = self.rare_unknown = {w for w, n in self.counts.items() if n < DOC_KNOWN_MIN and w not in english}
        known = set(self.counts)
        known.difference_update(rare_unknown)
        # The plain lower-case words among them, for rules that filter whole blocks of
        # tokens with one set difference (see dehyphenate._odd_chunks); known() looks them
        # up first, so only the other known words (compounds) go into its cache: no dict of
        # every known word to build (0.3 ms, six reports). A key is not alphabetic when it
        # has a hyphen, or the combining dot "İ" lowers to: a set difference instead of
        # isalpha() per word (0.7 ms -> 0.1 ms).
        if "\u0130" in self.text:
            self.plain_known = frozenset(filter(str.isalpha, known))
            self._known_cache = dict.fromkeys(known.difference(self.plain_known), True)
        else:  # `known` is no longer needed: trimmed in place, copied once
            self._known_cache = dict.fromkeys(known.intersection(compounds), True)
            known.difference_update(compounds)
            self.plain_known = frozenset(known)

    @cached_property
    def _by_lower(self) -> dict[str, list[tuple[int, str]]]:
        """Lower-cased form -> [(count, casing)] for the casings that are not lower case
        already (a lower-case casing is its own key in `casings`), built on first use
        (recasing only). islower() picks the candidates out in C (see _lowered_counts)."""
        out: dict[str, list[tuple[int, str]]] = {}
        casings = self.casings
        for form in [f for f in casings if not f.islower()]:
            low = form.lower()
            if low != form:
                out.setdefault(low, []).append((casings[form], form))
        return out

    @cached_property
    def running_text(self) -> str:
        """The text without its all-caps lines: where casing is evidence."""
        running = _CAPS_NEXT_LINE_RE.sub("\n", self.text)
        first = _CAPS_FIRST_LINE_RE.match(running)  # sub leaves the first line as it was
        return running[first.end() :] if first else running

    def memo(self, name: str, factory: Callable[[], Any]) -> Any:
        """A named memo table for a pure rule helper, kept for this report: the rules run
        once per block but ask the same questions across the report's blocks."""
        table = self._memos.get(name)
        if table is None:
            table = self._memos[name] = factory()
        return table

    def doc_count(self, word: str) -> int:
        """How often the report uses this form, any casing."""
        return self.counts.get(word.lower(), 0)

    def known(self, word: str) -> bool:
        """True when the report or English vouches for the word, any casing (memoised:
        plain_known holds the plain words _prime_known decided, the cache the rest)."""
        plain = self.plain_known
        if word in plain:
            return True
        hit = self._known_cache.get(word)
        if hit is None:
            low = word.lower()
            if low in plain:
                hit = True
            else:
                hit = self._known_cache.get(low)
                if hit is None:
                    hit = self._known_cache[low] = self._known(low)
            self._known_cache[word] = hit
        return hit

    def _known(self, word: str) -> bool:
        """`word` is lower-cased (known() passes word.lower())."""
        if word not in self.counts and word.isascii() and word.isalpha():
            # Most misses are junk the rules make up ("andthe", "legislati"). An ASCII word
            # the report never writes has no uses, no casings (every casing lowers to a key
            # of counts) and no hyphen: only English can vouch for it. Spares four calls
            # (spacing ~14 -> ~13 ms).
            return word in english_words()
        if not word:
            return False
        if self.doc_count(word) >= DOC_KNOWN_MIN or english_known(word):
            return True
        if self._is_proper_noun(word):
            return True
        if "-" in word.strip("-"):
            return all(self.known(p) for p in word.split("-"))
        return False

    def _is_proper_noun(self, word: str) -> bool:
        """Capitalised in running text PROPER_MIN times and never lower case. Looks up the
        usual casings directly rather than building the full casing index."""
        get = self.casings.get
        low = word.lower()
        if get(low, 0):
            return False
        title, upper = low.capitalize(), low.upper()
        return get(title, 0) + (get(upper, 0) if upper != title else 0) >= PROPER_MIN

    def score(self, word: str) -> float:
        """English Zipf frequency plus log10(1 + uses in the report): higher is more word-like."""
        return zipf(word) + math.log10(1 + self.doc_count(word))

    def preferred_casing(self, word: str) -> str | None:
        """The casing the report's running text most often gives the word; ties go to lower case."""
        low = word.lower()
        forms = self._by_lower.get(low, [])
        if low in self.casings:  # the lower-case casing; the only one with islower() True
            forms = forms + [(self.casings[low], low)]
        if not forms:
            return None
        return max(forms, key=lambda nf: (nf[0], nf[1].islower()))[1]

    def pronoun_precedes(self, word: str) -> int:
        """How often the report writes "I <word>" (evidence for reading "1 <word>" as "I")."""
        return self.after_pronoun.get(word, 0)
