"""Second round of convert speed-ups: each fast path gives exactly the old answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_tools import sidecars

ROOT = Path(__file__).resolve().parent.parent

YAML_SAMPLES = [
    "symbol: A/70/357\ndate: '2015-09-02'\nagenda: [a, b]\n",
    "- find: x\n  replace: y\n  note: |\n    two\n    lines\n",
    "",
    "# only a comment\n",
    "a: 2015-09-02\nb: 1e3\nc: yes\nd: ~\ne: 0x1f\nf: 'é ’'\n",
    "key: [unclosed\n",
    "a: b: c\n",
    "- a\nb: c\n",
    "\t- tab\n",
]


def _yaml_texts():
    files = sorted(ROOT.glob("source_texts/*.yml"))
    return [p.read_text(encoding="utf-8") for p in files] + YAML_SAMPLES


def _lines(node):
    """Every node's kind, tag, value (scalars) and start line: what sidecars reads from the tree."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.start_mark.line)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, node.start_mark.line, [_lines(n) for n in node.value])
    return (node.tag, node.start_mark.line, [(_lines(k), _lines(v)) for k, v in node.value])


def _old_load(text):
    return yaml.safe_load(text), yaml.compose(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize("text", _yaml_texts())
def test_one_pass_libyaml_load_equals_two_pure_python_passes(text, tmp_path):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    try:
        old_data, old_node = _old_load(text)
    except yaml.YAMLError:
        with pytest.raises(sidecars.SidecarError) as fast_err:
            sidecars._load(path)
        with pytest.raises(yaml.YAMLError) as old_err:
            _old_load(text)
        mark = getattr(old_err.value, "problem_mark", None)
        assert fast_err.value.line == (mark.line + 1 if mark else None)
        return
    data, node = sidecars._load(path)
    assert repr(data) == repr(old_data)
    assert _lines(node) == _lines(old_node)


def _old_repair_spaced_words(text, lexicon):
    """repair_spaced_words before the pre-checks: every pattern scanned on every block."""
    from build_tools import dehyphenate as d

    unknown = {c for c in text.split() if d._has_unknown_edge(c, lexicon)}  # judged one by one
    edits = d._split_word_edits(text, lexicon, text.split(), unknown)
    edits += [d._space_hyphen(text, m, lexicon) for m in d._SPACE_HYPHEN_RE.finditer(text)]
    if d._spaced_hyphen_in(lexicon.text):  # the rule's one pre-check is the report's, not the block's
        edits += [d._hyphen_space(text, m, lexicon) for m in d._HYPHEN_SPACE_RE.finditer(text)]
    edits += [d._particle(text, m) for m in d._PARTICLE_RE.finditer(text)]
    edits += [d._close_up(text, m, ")]”’") for m in d._SPACE_PUNCT_RE.finditer(text)]
    edits += [d._close_up(text, m) for m in d._SPACE_APOSTROPHE_RE.finditer(text)]
    edits += [(m.start(), m.end(), m.group(1) + "s") for m in d._APOSTROPHE_SPACE_RE.finditer(text)]
    edits += [(m.start(), m.end(), m.group(1) or m.group(2)) for m in d._SPACED_BRACKET_RE.finditer(text)]
    edits = d._non_overlapping(e for e in edits if e)
    return d.apply_edits(text, edits), [(text[a:b], new) for a, b, new in edits]


SPACING_SAMPLES = [
    "the legislati ve body", "re -establishment of two -year terms", "Commander in-Chief and Port au-Prince",
    "development . Next", "the world ’s most", "the world 's most", "an ellipsis . . . here", "end .",
    "a , b ; c : d ! e ? f", "(see para. 11 above) .", "x\u2003.\ty", "x .\u2028", "Jean de-La Fontaine",
    "( MINUSTAH) and (2000 ), “ peace ”. [ sic ]: x( y ) z", "( )",
    "the Mission’ s mandate, the Council ’ s, the States' s) and 2’ s",
]


def test_spacing_prechecks_give_the_unchecked_answer():
    import random

    from build_tools.lexicon import Lexicon

    lexicon = Lexicon.from_text(" ".join(SPACING_SAMPLES) + " legislative establishment year")
    rng = random.Random(5)
    alphabet = list(" .,;:!?-’'()[]“”\t\n\u2003") + ["s", "in", "de", "au", "La", "Chief", "ve", "legislati", "re", "x"]
    texts = SPACING_SAMPLES + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(4000)]
    from build_tools.dehyphenate import repair_spaced_words

    for text in texts:
        assert repair_spaced_words(text, lexicon) == _old_repair_spaced_words(text, lexicon), repr(text)


def test_spacing_on_the_real_texts_gives_the_unchecked_answer():
    """The batch chunk verdicts (clean/unknown sets kept per report) on every paragraph of
    the real reports, in order, so later blocks hit the memo."""
    from build_tools.dehyphenate import repair_spaced_words
    from build_tools.lexicon import Lexicon

    for path in sorted(ROOT.glob("source_texts/*.txt")):
        text = path.read_text(encoding="utf-8")
        lexicon = Lexicon.from_text(text)
        for para in text.split("\n\n"):
            para = " ".join(para.split())
            for variant in (para, para.replace(".", " ."), para.replace("ti", "ti ")):
                assert repair_spaced_words(variant, lexicon) == _old_repair_spaced_words(variant, lexicon), variant[:80]


def _source_lines():
    lines = [l.strip() for p in sorted(ROOT.glob("source_texts/*.txt")) for l in p.read_text(encoding="utf-8").split("\n")]
    return ["Summary", "SUMMARY", "Annex II", "ANNEX", "III.", "B. Title", "12.", "3.12 Text", "3.1", "(a) x",
            "- (b) y", "• (c)", "– (d)",
            "²", "¹ A/61/19", "", "x"] + lines


def test_marker_dispatch_never_hides_a_handler_match():
    from build_tools import blocks as b

    seg = b._Segmenter((), (), (), frozenset())
    handlers = [("_summary", b.SUMMARY_MARK), ("_annex", b.ANNEX_MARK), ("_chapter", b.CHAPTER_MARK),
                ("_body_part", b.BODY_PART), ("_caption", b.CAPTION_MARK), ("_roman", b.ROMAN_MARK),
                ("_letter", b.LETTER_MARK), ("_stopless_letter", b.STOPLESS_LETTER_MARK),
                ("_bare_letter", re.compile("[A-Z]$")), ("_para", b.PARA_MARK), ("_decimal", b.DECIMAL_MARK),
                ("_damaged_para", b.DAMAGED_PARA_MARK), ("_damaged_roman", b.DAMAGED_ROMAN_MARK),
                ("_item", b.ITEM_MARK), ("_bare_para", re.compile(r"\d{1,3}$"))]
    order = [name for name, _ in handlers]
    damaged = ["Il. Findings", "lV. Observations", "lll.", "11. Findings", "1V. Observations", "V1.", "111.",
               "l7. The Council", "I7. The Council", "17, The Council", "2O. The Council", "17 The Council",
               "l7 The", "1O, The",
               "17: The", "( a) x", "(b } y", "{c) z",
               "Figure I", "Table 2.1: Troops", "Chart 3", "Box 1", "Map 2", "Graph IV",
               "Part one", "PART II: Activities", "Part 3", "A", "B", "I", "B Regional partnerships"]
    for line in _source_lines() + damaged:
        chosen = [h.__name__ for h in seg._candidate_handlers(line)]
        assert chosen == sorted(chosen, key=order.index), line
        for name, pattern in handlers:
            if pattern.match(line):
                # _roman hands a damaged numeral that starts with a capital to _damaged_roman
                alternatives = {name, "_roman"} if name == "_damaged_roman" else {name}
                assert alternatives & set(chosen), (line, name)


@pytest.mark.parametrize("first", ["", "heading text"])
@pytest.mark.parametrize("texts", [[], [""], ["a."], ["a", ""], ["x", "ends."]])
def test_closed_reads_the_last_text_line_without_building_the_list(first, texts):
    from build_tools import blocks as b

    seg = b._Segmenter((), (), (), frozenset())
    seg.current = b.RawBlock("paragraph", list(texts), first_line=first)
    lines = seg.current.text_lines
    last = lines[-1] if lines else ""
    # A bare marker still waiting for its text (no last line) is open since fix-paras.
    assert seg._closed() == (bool(last) and bool(b.CLOSED_END.search(last)))


def test_only_the_ascii_space_is_printable_whitespace():
    """The premise of collapse_space's fast path, checked over all of Unicode."""
    import sys

    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable()] == [" "]


def test_collapse_space_fast_path_fuzz():
    import random

    from build_tools.textrules import collapse_space

    rng = random.Random(3)
    alphabet = list("ab .,\t\n\u00a0\u2003\u2028\u00ad’") + [" "] * 4
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert collapse_space(text, None) == (" ".join(text.split()), []), repr(text)



def test_trigger_tokens_are_the_trigger_pattern_tokens():
    import random

    from build_tools.ocrfix import _TOKEN_END_RE, _TRIGGER_RE, _trigger_tokens

    def reference(text):  # each _TRIGGER_RE match widened to its token
        out = set()
        for m in _TRIGGER_RE.finditer(text):
            start = m.start()
            while start and text[start - 1].isalnum():
                start -= 1
            out.add(text[start : _TOKEN_END_RE.match(text, m.start()).end()])
        return out

    rng = random.Random(11)
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("source_texts/*.txt"))]
    texts += ["".join(rng.choice(["r", "n", "c", "l", "F", "E", "0", "1", "a", "Z", " ", "é", "-", "α", "²"])
                      for _ in range(rng.randint(0, 15))) for _ in range(5000)]
    for text in texts:
        assert _trigger_tokens(text) == reference(text), repr(text[:80])


@pytest.mark.parametrize(
    "text",
    ["plain ASCII", "", "e\ufb01cient", "ＡＢＣ full width", "caf\u00e9", "â€™ mojibake", "x\u00a0y\ufeff",
     "a" * 40 + "\ufb02" + "b" * 40, "“quoted” – dash"],
)
def test_normalise_shares_the_non_ascii_scan(text):
    import ftfy
    from ftfy.badness import is_bad

    from build_tools import sourcefile as sf

    old = text
    if is_bad(old) or sf._LIGATURES.search(old):
        old = ftfy.fix_text(old, sf._FTFY_CONFIG)
    assert sf.normalise(text, "x") == old.replace("\u00a0", " ").replace("\ufeff", "")


def test_unknown_edge_chunks_are_the_chunks_with_an_unknown_edge():
    from build_tools.dehyphenate import _PUNCT_CHUNKS, _has_unknown_edge, _odd_chunks
    from build_tools.lexicon import Lexicon

    for path in sorted(ROOT.glob("source_texts/*.txt"))[:3]:
        text = path.read_text(encoding="utf-8")
        lexicon = Lexicon.from_text(text)
        for line in text.split("\n")[:400]:
            chunks = line.split() + ["legislati", "ve", "(a)", "2015,", "“word”", "."]
            odd, unknown, _ = _odd_chunks(chunks, lexicon)
            assert unknown == {c for c in chunks if _has_unknown_edge(c, lexicon)}
            assert _PUNCT_CHUNKS & set(chunks) <= odd  # lone marks are never judged clean


def test_possessive_word_pattern_matches_the_greedy_one():
    import random
    import re

    from build_tools.lexicon import LETTER, WORD_RE

    greedy = re.compile(rf"{LETTER}+(?:-{LETTER}+)*")
    rng = random.Random(17)
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("source_texts/*.txt"))]
    texts += ["".join(rng.choice("aZé-- .\n1¹ɏɐ×") for _ in range(rng.randint(0, 16))) for _ in range(5000)]
    for text in texts:
        assert [m.span() for m in WORD_RE.finditer(text)] == [m.span() for m in greedy.finditer(text)], repr(text[:80])
        assert [m.span() for m in WORD_RE.finditer(text, 1)] == [m.span() for m in greedy.finditer(text, 1)]


def test_chunks_clean_everywhere_are_clean_in_any_report():
    """The process-wide memo of chunks clean in every report holds only chunks that even a
    report without words judges clean, and never lone punctuation (which stays odd)."""
    from build_tools import dehyphenate as d
    from build_tools.lexicon import Lexicon

    for path in sorted(ROOT.glob("source_texts/*.txt")):
        text = path.read_text(encoding="utf-8")
        d.repair_spaced_words(" ".join(text.split()[:3000]) + " Council, (a) 2015, “word” . UNAMA’s", Lexicon.from_text(text))
    assert {"Council,", "(a)", "2015,"} <= d._CLEAN_EVERYWHERE
    assert "UNAMA’s" not in d._CLEAN_EVERYWHERE and not d._PUNCT_CHUNKS & d._CLEAN_EVERYWHERE
    empty = Lexicon.from_text("")
    assert not [c for c in d._CLEAN_EVERYWHERE if d._has_unknown_edge(c, empty)]


def test_report_converts_the_same_with_the_clean_everywhere_memo_empty_full_or_off(monkeypatch):
    """The memo only spares work: a report converts byte for byte the same whether the
    memo is empty, filled by other reports, or capped at nothing."""
    from build_tools import dehyphenate as d
    from build_tools.pipeline import convert_file
    from build_tools.serialize import report_to_dict

    paths = sorted(ROOT.glob("source_texts/*.txt"))
    monkeypatch.setattr(d, "_CLEAN_EVERYWHERE", set())
    first = report_to_dict(convert_file(paths[-1]))  # empty memo
    for path in paths:
        convert_file(path)
    assert d._CLEAN_EVERYWHERE
    assert report_to_dict(convert_file(paths[-1])) == first  # memo filled by every report
    monkeypatch.setattr(d, "_CLEAN_EVERYWHERE", set())
    monkeypatch.setattr(d, "_CLEAN_EVERYWHERE_MAX", 0)
    assert report_to_dict(convert_file(paths[-1])) == first and not d._CLEAN_EVERYWHERE  # capped at nothing
