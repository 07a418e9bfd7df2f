"""Speed-ups of the word-level rules (round 6): each fast path gives exactly the answer of
the plain code it replaced, on the real texts and on random strings of tricky characters."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from build_tools import dehyphenate as dh
from build_tools import lexicon as lx
from build_tools.lexicon import Lexicon

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("source_texts/*.txt"))]

# ASCII letters in both cases, accented and non-Latin letters, "İ" (lowers to two
# characters), "ß", digits, hyphens, punctuation, a superscript.
WORD_ALPHABET = list("aeinrstAEFIlT-’.,(1") + ["é", "É", "İ", "ß", "ı", "σ", "Σ", "²", "ǅ", "ŉ"]


def _random_words(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(WORD_ALPHABET) for _ in range(rng.randint(0, 9))) for _ in range(n)]


def _old_known(lexicon: Lexicon, word: str) -> bool:
    """Lexicon._known before the ASCII fast path, on word.lower() as known() passes it."""
    word = word.lower()
    if not word:
        return False
    if lexicon.doc_count(word) >= lx.DOC_KNOWN_MIN or lx.english_known(word):
        return True
    if lexicon._is_proper_noun(word):
        return True
    if "-" in word.strip("-"):
        return all(_old_known(lexicon, p) for p in word.split("-"))
    return False


# A small report: words used once, three times, capitalised mid-sentence (proper nouns),
# in all-caps lines, hyphenated, and with non-ASCII letters.
SMALL = (
    "REPORT OF THE MISSION\n\nThe Lesage plan met Lesage and Yvon. Yvon said qzx qzx qzx, "
    "then the peace-keeping Frobnia Frobnia. Haïtien élan élan élan and İstanbul stayed.\n"
    "A legislati ve act. Straße Straße Straße, blorp-flarp and flarp.\n"
)


@pytest.mark.parametrize("text", TEXTS[:3] + [SMALL])
def test_known_equals_old_known(text):
    lexicon = Lexicon.from_text(text)
    words = list(lexicon.counts)[:3000] + list(lexicon.casings)[:3000] + _random_words(5, 4000)
    words += [a + b for a, b in zip(words[::7], words[1::7])]  # joined pairs, as the spacing rule asks
    words += [w.upper() for w in words[:500]] + [w.capitalize() for w in words[:500]]
    fresh = Lexicon.from_text(text)  # known() memoises: ask a lexicon the old code never touched
    for word in words:
        assert fresh.known(word) == _old_known(lexicon, word), repr(word)


def test_tail_and_head_words_equal_the_patterns():
    chunks = _random_words(11, 20000) + [c for t in TEXTS[:2] for c in t.split()]
    for chunk in chunks:
        tail, head = dh._TAIL_WORD_RE.search(chunk), dh._WORD_RE.match(chunk)
        assert dh._tail_word(chunk) == (tail.group(0) if tail else None), repr(chunk)
        assert dh._head_word(chunk) == (head.group(0) if head else None), repr(chunk)


# Running texts for the recasing pair search: words that repeat, overlap ("a a a"), sit
# inside longer words, across line breaks and blank lines, and next to non-ASCII letters.
PAIR_WORDS = ["of", "the", "mission", "a", "ofthe", "The", "OF", "é", "x", "", "Mission-", "the."]
PAIR_GAPS = [" ", " ", " ", "\n", "\n\n", "\t", "", "-", ".", "\xa0", " \n "]


def _old_pair_spans(first: str, second: str, running: str) -> list[tuple[int, int]]:
    pair = re.compile(rf"\b{re.escape(first)}\s+({re.escape(second)})\b", re.IGNORECASE)
    return [m.span(1) for m in pair.finditer(running)]


# The pattern search, str.find from the first word, str.find from the second word.
@pytest.mark.parametrize("way", ["pattern", "after", "before"])
def test_pair_spans_equal_ignorecase_finditer(monkeypatch, way):
    from collections import Counter

    from build_tools import recase

    monkeypatch.setattr(recase, "_ANCHOR_MAX_USES", -1 if way == "pattern" else 10**9)
    monkeypatch.setattr(recase, "_ANCHOR_MIN_LEN", 1)
    found = Counter()
    rng = random.Random(17)
    pairs = [("OF", "THE"), ("THE", "MISSION"), ("A", "A"), ("MISSION", "OF"), ("OF", "OF"), ("THE", "THE")]
    for _ in range(3000):
        running = "".join(rng.choice(PAIR_WORDS) + rng.choice(PAIR_GAPS) for _ in range(rng.randint(0, 12)))
        for first, second in pairs:
            # The anchor is the word the report uses less: here the second one for "before".
            lexicon = Lexicon(Counter({first.lower(): 5} if way == "before" else {}), text=running)
            got = list(recase._pair_spans(first, second, lexicon))
            assert got == _old_pair_spans(first, second, lexicon.running_text), (running, first, second)
            found[bool(got)] += 1
    assert found[True] > 1000  # the texts have matches to compare


def test_pair_spans_on_reports():
    from build_tools import recase

    lexicon = Lexicon.from_text(TEXTS[0])
    for first, second in [("OF", "THE"), ("THE", "SITUATION"), ("PEACE", "PROCESS"), ("GENERAL", "ASSEMBLY")]:
        assert list(recase._pair_spans(first, second, lexicon)) == _old_pair_spans(first, second, lexicon.running_text)
