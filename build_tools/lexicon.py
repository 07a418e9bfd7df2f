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
from functools import lru_cache

import wordfreq

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

# One letter in any script; not a digit, "_" or a superscript footnote mark ("¹" is \w).
LETTER = r"[^\W\d_¹²³⁰⁴-⁹]"
# A word, optionally with internal hyphens: "Secretary-General", "mission-by-mission".
WORD_RE = re.compile(rf"{LETTER}+(?:-{LETTER}+)*")
# A word broken at a line end ("organi-\nzations", "stand¬\nalone"): both fragments are
# left out of the counts so they do not vouch for themselves.
_LINE_BREAK_RE = re.compile(r"\S*[-¬][ \t]*\n[ \t]*\S*")
# Words whose capital comes from their position, not from the word: after a sentence end,
# a colon, a blank line or a list mark "(a)". Their casing is no evidence.
_POSITIONAL_CAPS_RE = re.compile(
    r"(?:\A\s*|[.!?:][\"”’)]?\s+|\n[ \t]*\n\s*|\([a-z0-9]{1,4}\)\s+)" rf"({WORD_RE.pattern})"
)
# Lines without a lower-case letter are headings or mastheads ("SITUATION ON THE GROUND"):
# their casing is no evidence either.
_CAPS_LINE_RE = re.compile(r"(?m)^[^a-zß-ÿ\n]*$")
# "I will", "I have": which words the report puts after the pronoun.
_PRONOUN_NEXT_RE = re.compile(r"(?<![\w.])I ([a-z]+)\b")


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
        running_text: str = "",
    ):
        self.counts: Counter[str] = counts or Counter()  # lower-cased form -> count
        self.casings: Counter[str] = casings or Counter()  # original form -> count, running text
        self.after_pronoun: Counter[str] = after_pronoun or Counter()  # "I <word>" -> count
        self.running_text = running_text  # the text without all-caps lines: casing evidence
        self._by_lower: dict[str, list[tuple[int, str]]] = {}
        for form, n in self.casings.items():
            self._by_lower.setdefault(form.lower(), []).append((n, form))
        self._known_cache: dict[str, bool] = {}

    @classmethod
    def from_text(cls, text: str) -> Lexicon:
        """Count the word forms of a report. Regex passes only: no per-word Python loop."""
        text = _LINE_BREAK_RE.sub(" ", text)
        forms = Counter(WORD_RE.findall(text))
        counts: Counter[str] = Counter()
        for form, n in forms.items():
            counts[form.lower()] += n
            if "-" in form:  # the parts of a compound are words of the report too
                for part in form.split("-"):
                    counts[part.lower()] += n
        running = _CAPS_LINE_RE.sub("", text)
        casings = Counter(WORD_RE.findall(running))
        casings.subtract(_POSITIONAL_CAPS_RE.findall(running))
        casings = +casings  # drop zero and negative counts
        after = Counter(_PRONOUN_NEXT_RE.findall(text))
        return cls(counts, casings, after, running)

    def doc_count(self, word: str) -> int:
        """How often the report uses this form, any casing."""
        return self.counts.get(word.lower(), 0)

    def known(self, word: str) -> bool:
        """True when the report or English vouches for the word (memoised)."""
        hit = self._known_cache.get(word)
        if hit is None:
            hit = self._known_cache[word] = self._known(word)
        return hit

    def _known(self, word: str) -> bool:
        if not word:
            return False
        if self.doc_count(word) >= DOC_KNOWN_MIN or zipf(word) >= ZIPF_KNOWN:
            return True
        if self._is_proper_noun(word):
            return True
        if "-" in word.strip("-"):
            return all(self.known(p) for p in word.split("-"))
        return False

    def _is_proper_noun(self, word: str) -> bool:
        forms = self._by_lower.get(word.lower(), ())
        if not forms or any(f.islower() for _, f in forms):
            return False
        return sum(n for n, f in forms if f[0].isupper()) >= PROPER_MIN

    def score(self, word: str) -> float:
        """English Zipf frequency plus log10(1 + uses in the report): higher is more word-like."""
        return zipf(word) + math.log10(1 + self.doc_count(word))

    def preferred_casing(self, word: str) -> str | None:
        """The casing the report's running text most often gives the word; ties go to lower case."""
        forms = self._by_lower.get(word.lower())
        if not forms:
            return None
        return max(forms, key=lambda nf: (nf[0], nf[1].islower()))[1]

    def pronoun_precedes(self, word: str) -> int:
        """How often the report writes "I <word>" (evidence for reading "1 <word>" as "I")."""
        return self.after_pronoun.get(word, 0)
