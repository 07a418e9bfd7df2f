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


# Roots, their OCR look-alikes and the characters around them: dots, spaces of two kinds, the
# slash, digits and O/l/I inside numbers, suffixes, joint-symbol hyphens, word characters.
SYMBOL_ALPHABET = [
    "A", "S", "E", "ST", "CEDAW", "SPLOS", "ISBA", "ECE", "UNEP", "$", "5", "/", "/", "/", ".", " ", "\u00a0",
    "\u2003", "70", "357", "2O15", "l", "I", "RES", "Add.1", "(2000)", " (Part II)", "-", "x", "é", "Z",
    "_",
]  # fmt: skip


def _symbol_texts():
    rng = random.Random(11)
    texts = PARAGRAPHS[:400] + ["", "/", "A/", "/A/70/1", "xA/70/1", "A./70/3 57)", "$/1995/342", "AAAAAA/70/1"]
    texts += ["".join(rng.choice(SYMBOL_ALPHABET) for _ in range(rng.randint(0, 12))) for _ in range(6000)]
    texts += [" ".join(_symbol_like(rng) for _ in range(rng.randint(1, 4))) for _ in range(4000)]
    return texts


def _symbol_like(rng):
    """A root, maybe damaged (dot, space), a slash and components, with something glued around."""
    root = rng.choice(["A", "S", "$", "5", "E", "ST", "CEDAW", "ISBA", "ECE", "SPLOS", "XA", "AAAAAA"])
    gap = rng.choice(["", "", ".", " ", ". ", "\u00a0", ".."])
    components = ["70", "2O15", "3 57", "RES", "C.5", "Add.1", "1325 (2000)", "l9", "", "x"]
    parts = [rng.choice(components) for _ in range(rng.randint(1, 3))]
    before = rng.choice(["", "", "(", "x", "/", ".", "-", "5", "é"])
    after = rng.choice(["", ")", "-S/1", "/", "x", ","])
    return before + root + gap + "/" + "/".join(parts) + after


def test_symbol_and_suspect_scans_from_slashes_equal_finditer():
    from build_tools import citations as c

    for text in _symbol_texts():
        for pattern, starts in ((c.SYMBOL_RE, c._symbol_starts), (c.SUSPECT_RE, c._suspect_starts)):
            want = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in c._matches_from(pattern, text, starts(text))] == want, (pattern, text)


ACRONYM_PIECES = [
    "UN", "UNAMID", "EU", "EUFOR", "UNPoS", "AU", "MINUSTAH", "A", "N", "x", "é", "É", " ", "\n", "-", "_", "1", "(",
    ")", "’", "Nations",
]  # fmt: skip


def _acronym_table(keys):
    from build_tools.acronyms import Acronym

    return {k: Acronym(k, "x", "para-1") for k in keys}


def _per_text_uses(table, texts):
    from build_tools.acronyms import _uses_finder

    return {id(t): _uses_finder(table)(t) for t in texts}


def test_acronym_uses_in_texts_on_the_reports():
    from build_tools.acronyms import _uses_in_texts

    table = _acronym_table(["UN", "UNAMID", "MINUSTAH", "AMISOM", "MONUC", "EU", "AU", "UNDP", "UNICEF"])
    texts = PARAGRAPHS
    covered, found = _uses_in_texts(table, texts)
    want = _per_text_uses(table, texts)
    assert covered == set(want)
    assert {k: v for k, v in want.items() if v} == found
    assert found


def test_acronym_uses_in_texts_fuzz():
    from build_tools.acronyms import _uses_in_texts

    rng = random.Random(5)
    for _ in range(2000):
        keys = rng.sample(ACRONYM_PIECES[:7], rng.randint(1, 4))
        n = rng.randint(1, 5)
        texts = ["".join(rng.choice(ACRONYM_PIECES) for _ in range(rng.randint(0, 8))) for _ in range(n)]
        table = _acronym_table(keys)
        covered, found = _uses_in_texts(table, texts)
        want = _per_text_uses(table, texts)
        assert covered == set(want), texts
        assert {k: v for k, v in want.items() if v} == found, (keys, texts)


def test_abbr_linker_spans_equal_with_or_without_texts():
    """Given texts are answered from the joint scan, others (and hand-made keys) by the old scan."""
    from build_tools.acronyms import Acronym, abbr_linker
    from build_tools.models import Block

    rng = random.Random(9)
    for _ in range(500):
        keys = rng.sample(ACRONYM_PIECES[:7], rng.randint(1, 4)) + rng.choice([[], ["U N"]])
        acronyms = [Acronym(k, f"expansion of {k} & co", "b0") for k in keys]
        texts = ["".join(rng.choice(ACRONYM_PIECES) for _ in range(rng.randint(0, 8))) for _ in range(4)]
        blocks = [Block("paragraph", f"b{i}", t) for i, t in enumerate(texts)]
        blocks.append(Block("text", "fn-1", "".join(texts)))  # a text it was not given
        plain, joint = abbr_linker(acronyms), abbr_linker(acronyms, texts)
        for b in blocks:
            assert joint(b, "") == plain(b, ""), (keys, b.text)


def test_name_tail_run_pattern_equals_the_per_character_one():
    """acronyms._TAIL_CHARS_REVERSED takes runs of a class per repeat; the old pattern took
    one character per repeat. Both match the longest prefix of letters, spaces and ’'-."""
    import re

    from build_tools.acronyms import _TAIL_CHARS_REVERSED

    old = re.compile(r"(?:[^\W\d_]|[\s’'-])*")
    rng = random.Random(13)
    pieces = ["a", "Z", "é", "ß", " ", "\u00a0", "\n", "’", "'", "-", "1", "_", "(", ".", "Nations", "d’Ivoire"]
    texts = [p[::-1] for p in PARAGRAPHS[:300]]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 15))) for _ in range(5000)]
    for text in texts:
        assert _TAIL_CHARS_REVERSED.match(text).end() == old.match(text).end(), repr(text)


def test_word_initials_fast_path():
    import re

    from build_tools.acronyms import CONNECTORS, _word_initials

    def old(w):
        if w.lower() in CONNECTORS:
            return ""
        parts = [part for part in re.split(r"[-’']", w) if part]
        if len(re.split(r"[-’']", w)) > 1:  # an elided article or possessive "s" gives no letter
            parts = [part for part in parts if not (len(part) == 1 and part.islower())]
        return "".join(part[0] for part in parts)

    words = ["", "United", "of", "Of", "d’Ivoire", "Union-United", "Children’s", "l'", "-a", "a--b", "x", "É", "la"]
    rng = random.Random(17)
    words += ["".join(rng.choice("aZé-’'") for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    for w in words:
        assert _word_initials(w) == old(w), w


def test_name_tail_words_by_split_equal_findall():
    """_words_before splits NAME_TAIL's match on whitespace instead of WORD.findall."""
    from build_tools.acronyms import NAME_TAIL, WORD

    rng = random.Random(19)
    pieces = ["Mission", "d’Ivoire", "Union-United", "l'", "of", " ", "  ", "\u00a0", "\u2003", "\n", "-", "’", "1"]
    pieces += ["_", "é"]
    texts = [p[-300:] for p in PARAGRAPHS[:300]]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    for text in texts:
        for start in range(len(text) + 1) if len(text) < 40 else (0, len(text) // 2):
            m = NAME_TAIL.search(text, start)
            if m:
                assert m.group().split() == WORD.findall(m.group()), repr(m.group())


def test_joined_texts_locate_every_position():
    """Each position of the join maps back to its text and offset (the newline after a text to its end)."""
    from build_tools.textedits import JoinedTexts

    for texts in (["ab", "", "c", "def"], ["x"], ["", ""], ["é?", "z"]):
        joined = JoinedTexts(texts)
        assert joined.text == "\n".join(texts)
        expected = [(i, k) for i, t in enumerate(texts) for k in range(len(t) + 1)][: len(joined.text)]
        assert [joined.locate(p) for p in range(len(joined.text))] == expected


def test_has_word_finds_what_the_boundary_patterns_find():
    """blocks._has_word (str.find) answers as r"\bword\b" and r"[a-z,;] +word\b" do, for the
    capitalised and lower-case forms of the reports' words and on random strings."""
    import re

    from build_tools.blocks import _has_word

    words = sorted({w for t in TEXTS for w in re.findall(r"[A-Za-z]+", t)})[::60]
    words = [w for word in words for w in (word, word.lower(), word.capitalize())]
    for text in TEXTS:
        for w in words:
            assert _has_word(text, w) == bool(re.search(rf"\b{w}\b", text)), w
            assert _has_word(text, w, after_lower=True) == bool(re.search(rf"[a-z,;] +{w}\b", text)), w
    rng = random.Random(5)
    pieces = ["Mission", "mission", "Missions", " ", "  ", ",", ";", "a", "Z", "_", "é", "1", "\n", "-"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for w in ("Mission", "mission"):
            assert _has_word(text, w) == bool(re.search(rf"\b{w}\b", text)), repr(text)
            assert _has_word(text, w, after_lower=True) == bool(re.search(rf"[a-z,;] +{w}\b", text)), repr(text)
