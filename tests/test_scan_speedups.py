"""Speed-ups of round 7 in the QA, citation and acronym scans: each report-level or anchored
scan gives exactly the answers of the per-block code it replaced, on the real texts and on
random strings of tricky characters."""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("source_texts/*.txt"))]
PARAGRAPHS = [" ".join(p.split()) for t in TEXTS for p in t.split("\n\n")]

# Digits (ASCII and not), letters either side of them, non-ASCII letters, a lone surrogate,
# the stray signs and the pieces the candidate mapping merges (I, |, F, E, C2/AC bytes).
SUSPECT_ALPHABET = list("a1Z0 9x-/.\n") + [
    "\u0663", "\uff11", "²", "é", "’", "\ud800", "st", "¬", "\u00ac", "Â", "$", "$/", "Fl", "El", "FI",
    "lllll", "ll", "I|", "I", "|", "Genera1", "2O15",
]  # fmt: skip


def _per_text(texts, lexicon):
    from build_tools.ocrfix import suspicious_tokens

    return [(i, token) for i, text in enumerate(texts) for token in suspicious_tokens(text, lexicon)]


def test_suspicious_in_texts_on_the_reports():
    from build_tools.lexicon import Lexicon
    from build_tools.ocrfix import suspicious_in_texts

    lexicon = Lexicon.from_text(TEXTS[0])
    found = suspicious_in_texts(PARAGRAPHS, lexicon)
    assert found == _per_text(PARAGRAPHS, lexicon)
    assert found  # the raw paragraphs still hold damage: the test compares something


def test_suspicious_in_texts_fuzz():
    from build_tools.lexicon import Lexicon
    from build_tools.ocrfix import suspicious_in_texts

    lexicon = Lexicon.from_text(TEXTS[0])
    rng = random.Random(7)
    for _ in range(3000):
        texts = [
            "".join(rng.choice(SUSPECT_ALPHABET) for _ in range(rng.randint(0, 8)))
            for _ in range(rng.randint(0, 5))
        ]
        assert suspicious_in_texts(texts, lexicon) == _per_text(texts, lexicon), repr(texts)
