"""Lexicon, ocrfix and recase speed-ups give exactly the old answers.

Each reference below is the plain implementation the fast path replaced, kept here word
for word: the fast path must agree with it on the real reports and on tricky strings.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from build_tools import lexicon as lx
from build_tools.lexicon import Lexicon
from build_tools.sourcefile import read_source

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TEXTS = sorted((ROOT / "source_texts").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))[:6]


# The all-caps line pattern before it was split into a first-line and a next-line pattern.
CAPS_LINE_RE = re.compile(r"(?m)^[^a-zß-ÿ\n]*$")


def reference_from_text(text: str) -> Lexicon:
    """Lexicon.from_text before the speed-up: Counter arithmetic, lower() per form."""
    forms = Counter(lx.WORD_RE.findall(text))
    forms.subtract(reference_line_break_fragments(text))
    casings = forms.copy()
    casings.subtract(lx.WORD_RE.findall("\n".join(CAPS_LINE_RE.findall(text))))
    casings.subtract(w for groups in lx._POSITIONAL_CAPS_RE.findall(text) for w in groups if w)
    if text[:1].isupper():
        casings.subtract(lx.WORD_RE.findall(text, 0, 60)[:1])
    counts: Counter[str] = Counter()
    get = counts.get
    for form, n in forms.items():
        if n > 0:
            low = form.lower()
            counts[low] = get(low, 0) + n
    for form in [f for f in counts if "-" in f]:
        for part in form.split("-"):
            counts[part] = get(part, 0) + counts[form]
    after = Counter(
        m.group(1)
        for m in lx._PRONOUN_NEXT_RE.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == ".")
    )
    lexicon = Lexicon(counts, +casings, after, text)
    reference_prime_known(lexicon)
    return lexicon


def reference_prime_known(self: Lexicon) -> None:
    """Lexicon._prime_known before the speed-up: _known for every word not known at once."""
    doc_known = {w for w, n in self.counts.items() if n >= lx.DOC_KNOWN_MIN}
    english = lx.english_words().intersection(self.counts)
    self._known_cache.update(dict.fromkeys(doc_known | english, True))
    self.plain_known = frozenset(filter(str.isalpha, doc_known | english))
    for word in self.counts.keys() - doc_known - english:
        self._known_cache[word] = self._known(word)


def reference_preferred_casing(lexicon: Lexicon, word: str) -> str | None:
    """preferred_casing over an index of every casing, in the casings' order."""
    forms = [(n, form) for form, n in lexicon.casings.items() if form.lower() == word.lower()]
    if not forms:
        return None
    return max(forms, key=lambda nf: (nf[0], nf[1].islower()))[1]


def test_changed_by_lower_means_not_islower():
    """preferred_casing adds the lower-case casing to the index's list: no other casing can
    tie with it, as long as no LETTER that lower() changes counts as lower case. The same
    lets _lowered_counts fold only the forms islower() rejects."""
    letter = re.compile(lx.LETTER)
    for i in range(0x250):
        c = chr(i)
        if letter.fullmatch(c) and c.lower() != c:
            assert not c.islower() and not ("a" + c).islower(), hex(i)
            assert c.lower().lower() == c.lower(), hex(i)  # folding a form once is enough


def _same_lexicon(new: Lexicon, old: Lexicon) -> None:
    # Orders too where they matter: casings' order breaks ties in preferred_casing. The
    # counts are only looked up and turned into sets, so their order is free.
    for name in ("counts", "casings", "after_pronoun"):
        a, b = getattr(new, name), getattr(old, name)
        assert type(a) is type(b) and dict(a) == dict(b), name
        if name != "counts":
            assert list(a.items()) == list(b.items()), name
    # The words the old code decided up front; the new one leaves the unknown ones to known().
    assert {w: new.known(w) for w in old._known_cache} == old._known_cache
    assert set(new._known_cache) <= set(old._known_cache)
    assert new.running_text == CAPS_LINE_RE.sub("", new.text)
    assert new.plain_known == old.plain_known
    words = list(old.casings)
    words = words[:3000] + [w.upper() for w in words[:500]] + [w.lower() for w in words[:500]]
    for word in words + ["KOSOVO", "the", "Fleadquarters", "peace-keeping", "", "ǅ", "ß", "SS"]:
        assert new.known(word) == old.known(word), word
        assert new.preferred_casing(word) == old.preferred_casing(word), word
        assert new.preferred_casing(word) == reference_preferred_casing(old, word), word


def _read(path: Path) -> str:
    return read_source(path) if path.parent.name == "source_texts" else path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_from_text_equals_reference_on_reports(path):
    text = _read(path)
    _same_lexicon(Lexicon.from_text(text), reference_from_text(text))


TRICKY = [
    "", "A", "organi-\nzations and organi-\nzations", "stand¬\nalone stand", "-\n", "x-\n-y",
    "Word. Word word WORD\nHEADING LINE\n\nNext (a) Item item", "ΣΑΣ Σ σ ς İstanbul ǅemal ǆ ǈ DŽ",
    "Peace-keeping peace-keeping PEACE-KEEPING. Peace-Keeping", "The the THE The",
    "mission-by-\nmission mission-by-mission", "Xavier met Xavier; xavier. Zed Zed ZED qq Qq QQ",
    "I will I have .I am 1I was", "ß SS Straße STRASSE",
]


@pytest.mark.parametrize("text", TRICKY)
def test_from_text_equals_reference_on_tricky(text):
    _same_lexicon(Lexicon.from_text(text), reference_from_text(text))


def test_from_text_fuzz():
    rng = random.Random(11)
    alphabet = list("aAbBeEsS -\n\n.:(1)¬\tİıßΣ") + ["Fl", "rn", "The ", "I ", "UN", "-\n"]
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        _same_lexicon(Lexicon.from_text(text), reference_from_text(text))


CAPS_SAMPLES = ["", "\n", "\n\n", "ABC", "ABC\n", "abc\nDEF\n", "\nDEF", "A b\nC D\ne\n\nF\n",
                "ÉTAT ß\nÉtat\nSS\nç", "12. ONE\r\nTwo\r\n", "X\n\nY\nz"]


@pytest.mark.parametrize("text", CAPS_SAMPLES)
def test_caps_lines_equal_multiline_pattern(text):
    assert lx.WORD_RE.findall(lx._caps_lines(text)) == lx.WORD_RE.findall("\n".join(CAPS_LINE_RE.findall(text)))
    assert Lexicon(text=text).running_text == CAPS_LINE_RE.sub("", text)


def test_caps_lines_fuzz():
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice("aAbBß É\n\n\r-.") for _ in range(rng.randint(0, 30)))
        assert lx.WORD_RE.findall(lx._caps_lines(text)) == lx.WORD_RE.findall("\n".join(CAPS_LINE_RE.findall(text)))
        assert Lexicon(text=text).running_text == CAPS_LINE_RE.sub("", text)


def reference_lowers_like_re(text: str) -> bool:
    from build_tools.recase import _CASE_TRAPS

    return not any(len(low := c.lower()) != 1 or low in _CASE_TRAPS for c in set(text))


@pytest.mark.parametrize("text", ["", "abc", "ABC def", "ſ", "İstanbul", "Σ", "café", "K", "ﬅ", "ΣΑΣ", "\xb5"])
def test_lowers_like_re_equals_reference(text):
    from build_tools.recase import _lowers_like_re

    assert _lowers_like_re(text) == reference_lowers_like_re(text)
    assert _lowers_like_re("ascii " + text) == reference_lowers_like_re("ascii " + text)


def test_lowers_like_re_on_every_char():
    from build_tools.recase import _lowers_like_re

    for i in range(0x3000):
        assert _lowers_like_re(chr(i)) == reference_lowers_like_re(chr(i)), hex(i)


def test_ascii_mixed_pattern_equals_unicode_one_on_ascii():
    from build_tools.ocrfix import _MIXED_ASCII_RE, _MIXED_RE

    rng = random.Random(3)
    ascii_chars = [chr(i) for i in range(128)]
    texts = [_read(p) for p in TEXTS]
    texts = [t.encode("ascii", "ignore").decode() for t in texts]
    texts += ["".join(rng.choice("a1Z0 9b-x.") for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    texts += ["".join(rng.choice(ascii_chars) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for text in texts:
        assert [m.span() for m in _MIXED_ASCII_RE.finditer(text)] == [m.span() for m in _MIXED_RE.finditer(text)]


@pytest.mark.parametrize("text", ["", "a-\nb", "a- \t\nb", "a¬\nb c-\nd", "-\n-\n", "x - \n y", "a-\r\nb"])
def test_line_break_fragments_without_negation_sign(text):
    """The dash-only pattern finds what LINE_END_HYPHEN_RE finds when there is no "¬"."""
    if "¬" not in text:
        assert [m.span() for m in lx._LINE_END_DASH_RE.finditer(text)] == [
            m.span() for m in lx.LINE_END_HYPHEN_RE.finditer(text)
        ]
    assert lx._line_break_fragments(text) == reference_line_break_fragments(text)


def reference_line_break_fragments(text: str) -> list[str]:
    out = []
    for m in lx.LINE_END_HYPHEN_RE.finditer(text):
        start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        out += lx.WORD_RE.findall(text, start, m.start())
        nxt = lx._NEXT_WORD_RE.match(text, m.end())
        if nxt:
            out.append(nxt.group(1))
    return out


STRAY_SAMPLES = ["", "plain text", "¬", "a¬b", "lllll", "llll", "lIlI|", "lI|Il x", "II|I", "$/1995", "$ /", "Flowever",
                 "Fl", "Fla", "FlA", "Elan", "El", "EL", "xFly", "l l l l l", "|||||", "IIIII", "S/1995/342"]


@pytest.mark.parametrize("text", STRAY_SAMPLES)
def test_stray_precheck_never_hides_a_match(text):
    from build_tools.ocrfix import _STRAY_RE, _may_have_stray

    if _STRAY_RE.search(text):
        assert _may_have_stray(text)


def test_stray_precheck_fuzz():
    from build_tools.ocrfix import _STRAY_RE, _may_have_stray

    rng = random.Random(9)
    for _ in range(20000):
        text = "".join(rng.choice("lI|¬$/FEla -") for _ in range(rng.randint(0, 10)))
        if _STRAY_RE.search(text):
            assert _may_have_stray(text), repr(text)
    for path in TEXTS:  # and on real text, block by block
        for block in _read(path).split("\n\n"):
            if _STRAY_RE.search(block):
                assert _may_have_stray(block)


def _positional_reference(text: str) -> Counter:
    return Counter(w for groups in lx._POSITIONAL_CAPS_RE.findall(text) for w in groups if w)


@pytest.mark.parametrize("text", [
    "", "end. Next", "end.\n\nNext", "end.”  \n \t\n Next", "(a)\n\nItem", "(a) Item", "(iv)\u2003Item",
    "a:\n\n\nB", "\n\nA\n\nB", "why? Yes! No", ".\r\n\r\nX", ". \x0b\nX", "(abcde) X", "x.)\n\nY-z", "(1)\n \nZ",
])
def test_positional_caps_equal_combined_pattern(text):
    assert Counter(lx._positional_caps(text)) == _positional_reference(text)


def test_positional_caps_on_reports_and_fuzz():
    for path in TEXTS:
        text = _read(path)
        assert Counter(lx._positional_caps(text)) == _positional_reference(text)
    rng = random.Random(1)
    alphabet = list(".:!?(\n \t\n”)aAbZ-\r\x0b\u2003") + ["(a)", "(iv)", "(12)", ". ", "\n\n", " \n \n", "X"]
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert Counter(lx._positional_caps(text)) == _positional_reference(text), repr(text)


def test_has_quote_equals_quote_pattern():
    from build_tools.ocrfix import _QUOTE_RE, _has_quote

    rng = random.Random(4)
    texts = ["", "plain", "é plain", "’", "'", '"', "café ’s", "x‛", "x‟", "„", "\u2019\u2018", "a“b”"]
    texts += [chr(i) for i in range(0x2100)] + ["é" + chr(i) for i in range(0x2100)]
    texts += ["".join(rng.choice("ab é'\"“”„‟‘’‛") for _ in range(rng.randint(0, 6))) for _ in range(5000)]
    texts += [b for p in TEXTS for b in _read(p).split("\n\n")]
    for text in texts:
        assert _has_quote(text) == bool(_QUOTE_RE.search(text)), repr(text)


def test_mixed_matches_equal_mixed_pattern():
    from build_tools.ocrfix import _MIXED_RE, _mixed_matches

    rng = random.Random(6)
    texts = ["", "abc", "Genera1", "1990s", "21st", "١a", "a١", "é1a", "x 2 y", "٣٤ab", "km2"]
    texts += ["".join(rng.choice("a1Z0 9b-x.é٣") for _ in range(rng.randint(0, 10))) for _ in range(5000)]
    texts += [b for p in TEXTS for b in _read(p).split("\n\n")]
    for text in texts:
        assert [m.span() for m in _mixed_matches(text)] == [m.span() for m in _MIXED_RE.finditer(text)], repr(text)


def _findall_forms(text: str) -> list[tuple[str, int]]:
    """_word_forms' reference: the words as WORD_RE finds them, counted in order."""
    return list(Counter(lx.WORD_RE.findall(text)).items())


WORD_FORM_SAMPLES = [
    "", "-", "a", "a-b", "-a-", "a--b", "a-\nb", "a - b", "co-operation's", "Council’s “mandate”—done",
    "café ÉTAT × ÷ ɏ ɐ", "x×y ÷z", "1a2b", "a\xa0b a\u2003b a\u2028b", "¹²³ a¹ ¬b", "İstanbul ß ǅ",
    "a\U0001F600b", "a\ud800b", "a-\ud800", "ɏ-ɏ ɐ-ɐ é-", "\x1cA\x1fb\x85c",
]


@pytest.mark.parametrize("text", WORD_FORM_SAMPLES)
def test_word_forms_equal_findall(text):
    assert list(lx._word_forms(text).items()) == _findall_forms(text)


def test_word_forms_on_every_char_and_reports():
    """Each code point between letters, after and before a hyphen: the byte passes must
    blank exactly the characters WORD_RE does not take (surrogates included; above U+3000
    a sample, as the passes treat every character by its UTF-8 lead byte)."""
    points = [*range(0x3000), *range(0xD800, 0xE000), *range(0x3000, 0x110000, 61), 0x10FFFF]
    chars = [chr(i) for i in points]
    for start in range(0, len(chars), 0x10000):
        chunk = chars[start : start + 0x10000]
        text = " ".join(f"a{c}b x-{c} {c}-y é{c}-ɏ" for c in chunk)
        assert list(lx._word_forms(text).items()) == _findall_forms(text), hex(start)
    for path in TEXTS:
        text = _read(path)
        assert list(lx._word_forms(text).items()) == _findall_forms(text)


def test_word_forms_fuzz():
    rng = random.Random(7)
    alphabet = list("aAzZ -\n.,:1'\"¬\xa0\t") + ["é", "É", "×", "÷", "ɏ", "ɐ", "’", "—", "İ", "ß", "\U0001F600",
                                                "¹", "ā", "Ā", "\ud800", "ǅ", "--", "-\n"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert list(lx._word_forms(text).items()) == _findall_forms(text), repr(text)
