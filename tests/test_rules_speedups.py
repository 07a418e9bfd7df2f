"""Speed-ups of the per-block text rules (round 5): each fast path gives exactly the answer
of the plain code it replaced, on the real texts and on random strings of tricky characters."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("source_texts/*.txt"))]
PARAGRAPHS = [" ".join(p.split()) for t in TEXTS for p in t.split("\n\n")]

# Digits (ASCII and not: Arabic-Indic, full-width, Devanagari), superscripts (No, not \d),
# letters either side of them, non-ASCII letters, a lone surrogate, the stray signs.
MIXED_ALPHABET = list("a1Z0 9x-/.") + ["\u0663", "\uff11", "\u0967", "²", "é", "’", "\ud800", "st", "¬", "$/", "Fl", "lllll", "I|"]


def _old_mixed_matches(text):
    """ocrfix._mixed_matches before the byte pre-check: the pattern's own scan."""
    from build_tools import ocrfix as o

    if not text.isascii():
        return o._MIXED_RE.finditer(text)
    if not any(map(text.__contains__, "0123456789")):
        return ()
    return o._MIXED_ASCII_RE.finditer(text)


def _mixed_texts():
    rng = random.Random(23)
    texts = PARAGRAPHS + ["", "1", "a1", "1a", "A1", "\u0663a", "a\u0663", "é1", "1é", "\ud8001a", "x²y"]
    texts += ["".join(rng.choice(MIXED_ALPHABET) for _ in range(rng.randint(0, 14))) for _ in range(6000)]
    return texts


def test_mixed_matches_byte_pre_check_gives_the_pattern_matches():
    from build_tools.ocrfix import _mixed_matches

    for text in _mixed_texts():
        assert [m.span() for m in _mixed_matches(text)] == [m.span() for m in _old_mixed_matches(text)], repr(text)


def test_suspicious_tokens_unchanged_on_tricky_texts():
    from build_tools import ocrfix as o
    from build_tools.lexicon import Lexicon

    lexicon = Lexicon.from_text(TEXTS[0])

    def old(text):
        found = {}
        stray = o._STRAY_RE.finditer(text) if o._may_have_stray(text) else ()
        for m in [*_old_mixed_matches(text), *stray]:
            token = o._chunk_at(text, m.start()).strip(o._EDGE_PUNCT)
            if token not in found and o._is_suspicious(token, lexicon):
                found[token] = None
        return sorted(found, key=text.find)

    for text in _mixed_texts():
        assert o.suspicious_tokens(text, lexicon) == old(text), repr(text)
