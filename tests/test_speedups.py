"""The text-stage speed-ups give exactly the old answers; the nav stays small for big corpora."""

from __future__ import annotations

import random
import re

import pytest
from ftfy.badness import is_bad

from build_tools import sitegen
from build_tools.models import Metadata, Report
from build_tools.sourcefile import _non_ascii_context
from build_tools.textrules import SPACES, collapse_space


def _looks_bad(text: str) -> bool:
    """What sourcefile.normalise asks ftfy: is_bad over the windows around non-ASCII runs only."""
    around = _non_ascii_context(text)
    return bool(around) and is_bad(around)


MOJIBAKE = ["â€™", "Ã©", "Ã ", "Ã\xa0", "ГўВЂВ™s", "вЂ", "√±", "‚Äô", "Ø§Ù„", "Ã¢â‚¬â„¢", "œ1", "Â»", "×²"]


@pytest.mark.parametrize(
    "text",
    ["", "plain ASCII only", "curly “quotes” and – dashes", "café résumé"]
    + [f"ascii before {m} after" for m in MOJIBAKE]
    + [m for m in MOJIBAKE]
    + ["x" * 30 + "\n" + m + "\n" + "y" * 30 for m in MOJIBAKE],
)
def test_windowed_mojibake_check_equals_ftfy(text):
    assert _looks_bad(text) == is_bad(text)


def test_windowed_mojibake_check_fuzz():
    rng = random.Random(7)
    alphabet = list("abc XYZ.,;\n\t09") + list("“”’–—éàüñ°½") + list("".join(MOJIBAKE)) + ["\x85", "€", "™"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        assert _looks_bad(text) == is_bad(text), repr(text)


@pytest.mark.parametrize("text", ["", " a  b ", "a\u00a0\u2003b\n\tc", "\u2028x\u3000", "one"])
def test_collapse_space_equals_regex(text):
    assert collapse_space(text, None)[0] == SPACES.sub(" ", text).strip()


def _report(i: int, year: str) -> Report:
    meta = Metadata(symbol=f"A/90/{i}", symbols=(f"A/90/{i}",), date=f"{year}-01-01")
    return Report(source=f"A_90_{i}.txt", meta=meta, summary=(), body=(), footnotes=(), sections=())


@pytest.mark.parametrize("n", [1, sitegen.NAV_FULL_MAX, sitegen.NAV_FULL_MAX + 1, 1000])
def test_nav_size(n):
    reports = [_report(i, "2015" if i % 2 else "2016") for i in range(1, n + 1)]
    nav = sitegen.nav_for(reports)
    flat = re.findall(r"index\.md", repr(nav))
    assert len(flat) == n + 4  # every report's index page once, plus Home and the three corpus pages
    years = nav[1]["Reports"]
    if n > sitegen.NAV_FULL_MAX:
        assert [next(iter(y)) for y in years] == ["2015", "2016"]
        for year in years:
            groups = next(iter(year.values()))
            assert all(len(next(iter(g.values()))) <= sitegen.NAV_GROUP_MAX for g in groups)


# Furniture and marker lines, and prose that must stay prose: the first-character and
# "space plus lower case" pre-checks must not change any answer.
LINE_SAMPLES = [
    "2/28", "12 / 28", "Page 2", "PAGE 14", "- 2 -", "15-14893 (E) 100915", "96-33942 (E)",
    "*0644161*", "llllllllllll", "/...", "/ ...", "----", "_ _ _ _", "S/1999/779", "A/70/357",
    "English", "230318", "21", "12. The Council", "12.", "III. Observations", "B. General",
    "(a) To note", "- (a) item", "• (b) item", "– (c) item", "Annex II", "ANNEX", "Summary",
    "the mission continued", "Page two of the report", "Mission in Kosovo", "état de droit",
    "12 September 2015", "¹ A/61/19",
]


def _all_lines():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "source_texts"
    lines = [l.strip() for p in sorted(root.glob("*.txt")) for l in p.read_text(encoding="utf-8").split("\n")]
    return LINE_SAMPLES + [l for l in lines if l]


def test_classify_precheck_gives_the_pattern_answer():
    from build_tools import furniture as f

    order = [(f.PAGE_OF, "page-number"), (f.PAGE_LABEL, "page-label"), (f.JOB_NUMBER, "job-number"),
             (f.BARCODE, "barcode"), (f.CONTINUED, "continued"), (f.RULE_LINE, "rule-line"),
             (f.SYMBOL_LINE, "symbol-line")]
    for line in _all_lines():
        expected = next((rule for pattern, rule in order if pattern.match(line)), None)
        assert f.classify(line) == expected, line


def test_marker_precheck_gives_the_pattern_answer():
    from build_tools import blocks as b

    seg = b._Segmenter.__new__(b._Segmenter)  # _is_marker reads one piece of state:
    for decimal in (None, (3, 1)):  # whether the report numbers its paragraphs "3.1", "3.2"
        seg.last_decimal = decimal
        for line in _all_lines() + ["", "3.2 Text", "3.2", "2.5 per cent"]:
            lettered = b.LETTER_MARK.match(line) and len(line) < b.MAX_HEADING_CHARS
            expected = bool(b.PARA_MARK.match(line) or b.ROMAN_MARK.match(line) or b.ITEM_MARK.match(line)
                            or b.ANNEX_MARK.match(line) or lettered or (decimal and b.DECIMAL_MARK.match(line)))
            assert seg._is_marker(line) == expected, line


def test_class_first_positional_caps_pattern_matches_plain_alternation():
    from build_tools.lexicon import _CAP, _POSITIONAL_CAPS_RE

    plain = re.compile(rf"[.!?:][\"”’)]?\s+{_CAP}|\n[ \t]*\n\s*{_CAP}|\([a-z0-9]{{1,4}}\)\s+{_CAP}")
    rng = random.Random(2)
    texts = ["End. The Council: Noted\n\n  Mission (a) Report (iv) Kosovo. ” Next"]
    texts += ["".join(rng.choice(".!?:\n( \t”)aAbZ1-") for _ in range(25)) for _ in range(5000)]
    for text in texts:
        fast = [(m.span(), m.groups()) for m in _POSITIONAL_CAPS_RE.finditer(text)]
        assert fast == [(m.span(), m.groups()) for m in plain.finditer(text)], repr(text)


def test_windowed_mojibake_check_fuzz_on_the_detector_characters():
    """Short strings of every character ftfy's detector names, with ASCII letters, spaces and
    punctuation around: the windows of sourcefile._MOJIBAKE_REACH characters give is_bad's answer
    (each pattern's ASCII fringe is at most that wide)."""
    from ftfy.badness import MOJIBAKE_CATEGORIES

    detector = sorted(set("".join(MOJIBAKE_CATEGORIES.values())) - set("-"))
    detector += list("ÂÃÎÐ€œŠš¢£Ÿž\xa0\xad®©°·»–—´×²³ØÙàµ¹¼½¾√±∂†≠™≤≥¥ø≈‚Ääìîïòôúùûπâóêв\u0402ВГРСўβ€Ά\u0392\u0393\u039e\u039fā")
    ascii_ = list("azAZ .,?!\n\t-1_")
    # Pieces of the patterns with the widest ASCII fringes, and the mojibake samples above.
    pieces = ["Ã ", "Â ", "Ã", "Â", "Œ", "ГўВЂВ", "ГўВЂВ™", "a Ã ", "Ø", "Ù", "\xa0"] + MOJIBAKE
    rng = random.Random(41)
    for _ in range(30000):
        pool = rng.sample(detector, 3) + rng.sample(pieces, 2) + ascii_
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 10)))
        assert _looks_bad(text) == is_bad(text), repr(text)
    for _ in range(3000):  # the same windows again (given once), at the text's start and end
        chunks = ["".join(rng.choice(pieces + ascii_) for _ in range(rng.randint(1, 4))) for _ in range(3)]
        text = "".join(rng.choice(chunks + ["xxxxxx", "a b c d", "\n"]) for _ in range(rng.randint(1, 12)))
        assert _looks_bad(text) == is_bad(text), repr(text)
    for _ in range(3000):  # windows apart, joined
        pool = [*rng.sample(detector, 4), *rng.sample(pieces, 2), "a", " ", "Z", "\n", "x" * 5]
        text = "".join(rng.choice(pool) for _ in range(30))
        assert _looks_bad(text) == is_bad(text), repr(text)


def test_the_segmenter_keeps_its_attributes_under_cpython_s_shared_key_limit():
    """CPython 3.11 reads an instance's attributes fastest while its keys are shared with the
    class, which holds for up to 29 of them: the segmenter's 30th (the -layout indents) cost 0.6 %
    of a pass's instructions until it became a class default. A text layer other than -layout
    must leave the segmenter with fewer than 30 attributes after a whole run."""
    from build_tools import blocks
    from build_tools.furniture import remove_furniture
    from build_tools.sourcefile import read_source

    from conftest import SOURCE

    for path in sorted(SOURCE.glob("*.txt")):
        paged = remove_furniture(read_source(path))
        seg = blocks._Segmenter(paged.texts, paged.linenos, paged.pages, paged.page_breaks, paged.indents)
        seg.run()
        assert len(vars(seg)) < 30, (path.name, len(vars(seg)))
