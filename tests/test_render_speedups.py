"""The render-stage speed-ups give exactly the old answers (reference implementations inline)."""

from __future__ import annotations

import random
import re

import pytest

from build_tools.acronyms import Acronym, _uses_finder

ACRONYMS = ["UN", "UNAMID", "EU", "EUFOR", "UNPoS", "MINUSTAH", "AU"]


def _reference_uses(table, text):
    """The old finder: one alternation of every acronym, longest first, whole words."""
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b")
    return [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]


TABLE = {a: Acronym(a, "x", "para-1") for a in ACRONYMS}


@pytest.mark.parametrize(
    "text",
    [
        "", "UN", "the UN and UNAMID", "UNAMID's mandate", "UN-led", "UNs", "EUFOR not EU", "xUN", "UN2", "2UN",
        "_UN_", "ÉUN", "UNÉ", "(UNPoS)", "UNPOS", "AU/EU", "AUEU", "U N", "MINUSTAH.", "un UN Un",
    ],
)
def test_acronym_uses_equal_the_alternation(text):
    assert _uses_finder(TABLE)(text) == _reference_uses(TABLE, text)


def test_acronym_uses_fuzz():
    rng = random.Random(3)
    pieces = ACRONYMS + ["A", "N", "x", "é", "É", " ", "-", "_", "1", "(", ")", "’", "Nations"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _uses_finder(TABLE)(text) == _reference_uses(TABLE, text), repr(text)


def test_acronyms_of_another_shape_use_the_alternation():
    table = {"G77": Acronym("G77", "Group of 77", "para-1"), "UN": TABLE["UN"]}
    for text in ["the G77 and the UN", "G77x UN"]:
        assert _uses_finder(table)(text) == _reference_uses(table, text)
