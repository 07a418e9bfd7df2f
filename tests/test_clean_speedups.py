"""Speed-ups of the cleaning stage (furniture, segmentation, structure): each fast path
gives exactly the answer of the plain code it replaced, on the real texts and tricky strings."""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("source_texts/*.txt"))]

FURNITURE_SAMPLES = [
    "2/28", "12 / 28", "Page 2", "PAGE 14", "Page two", "- 2 -", "15-14893 (E) 100915", "96-33942 (E)",
    "*0644161*", "llllllllllll", "/...", "----", "_ _ _ _", "S/1999/779", "A/70/357", "English", "230318",
    "21", "12. The Council", "III. OBSERVATIONS", "ß ss", "ǅ x", "İ I", "the mission", "\f2/28", "\fEnglish",
]


def _old_remove_furniture(text):
    """remove_furniture before the form-feed and prose pre-checks."""
    from build_tools import furniture as f

    raw = text.split("\n")
    form_feeds = {i for i, t in enumerate(raw) if "\f" in t}
    stripped = [t.replace("\f", "").strip() for t in raw]
    rules = [f.classify(t) if t else None for t in stripped]
    f._context_rules(stripped, rules)
    f._repeated_headers(stripped, rules)
    return f._paginate(stripped, rules, form_feeds)


def test_remove_furniture_prechecks_give_the_plain_answer():
    from build_tools.furniture import remove_furniture

    rng = random.Random(13)
    lines = FURNITURE_SAMPLES + [""] * 10 + [l for t in TEXTS for l in t.split("\n")[:60]]
    texts = TEXTS + ["\n".join(rng.choice(lines) for _ in range(rng.randint(0, 40))) for _ in range(1500)]
    for text in texts:
        assert remove_furniture(text) == _old_remove_furniture(text), repr(text[:120])
