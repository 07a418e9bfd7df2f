"""Speed-ups of the cleaning stage (furniture, segmentation, structure): each fast path
gives exactly the answer of the plain code it replaced, on the real texts and tricky strings."""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("source_texts/*.txt"))]

FURNITURE_SAMPLES = [
    "2/28", "12 / 28", "Page 2", "PAGE 14", "Page two", "- 2 -", "15-14893 (E) 100915", "96-33942 (E)",
    "*0644161*", "llllllllllll", "/...", "----", "_ _ _ _", "S/1999/779", "A/70/357", "English", "230318",
    "21", "12. The Council", "III. OBSERVATIONS", "ß ss", "ǅ x", "İ I", "the mission", "\f2/28", "\fEnglish",
    # Lines with a space, by first character (furniture._SPACED_RULE_STARTS): only some rules allow one.
    "UNITED NATIONS", "\u0662 / 28", "\u0661\u0662 / \u0662\u0668", "/ ...", ". . . .", "— — — —", "= = = =",
    "P 2", "A / 70", "* 1234567 *", "l l l l l l l l l l", "96 33942 (E)", "2 /28", "Page 2 of 28",
    "ENGLISH", "English text", "\u0662\u0663", "a\fb", "\f", "x \f", "Running header", "Running header",
]


def _old_remove_furniture(text):
    """remove_furniture before the form-feed and prose pre-checks and the column-wise
    _paginate: (lines, dropped, header symbols, paged, page breaks)."""
    from build_tools import furniture as f

    raw = text.split("\n")
    form_feeds = {i for i, t in enumerate(raw) if "\f" in t}
    stripped = [t.replace("\f", "").strip() for t in raw]
    rules = [f.classify(t) if t else None for t in stripped]
    symbol_lines = [i for i, r in enumerate(rules) if r == "symbol-line"]
    if symbol_lines:  # cited symbols are text: looked at from every symbol line, not the candidates only
        f._cited_symbols(stripped, rules, symbol_lines, form_feeds)
    f._context_rules(stripped, rules)
    printed = {}  # furniture read with the OCR's space inside a token taken out: the mended text
    # The lines it reads: those a digit, "G" (Geneva's job numbers) or "P" ("Page") starts.
    lines = [i for i, t in enumerate(stripped) if t[:1].isdecimal() or t[:1] in ("G", "P")
             or (t[:1] in "lIO" and t[1:2].isdecimal())]
    if f._spaced_furniture(stripped, rules, lines, printed, form_feeds):
        f._context_rules(stripped, rules)
    _old_repeated_headers(stripped, rules)
    f._titled_headers(text.replace("\f", ""), stripped, rules)
    return _old_paginate(stripped, rules, form_feeds, printed)


def _old_repeated_headers(stripped, rules):
    """furniture._repeated_headers counting through a generator with the tests per line."""
    from collections import Counter

    from build_tools import furniture as f

    counts = Counter(t for t, r in zip(stripped, rules) if t and not r and len(t) <= f.REPEATED_HEADER_MAX_LEN)
    repeated = {t for t, n in counts.items() if n >= f.REPEATED_HEADER_MIN and not f._looks_like_marker(t)}
    at_turns = Counter()
    found = []
    for i, text in enumerate(stripped):
        if text in repeated and not rules[i]:
            if any(rules[j] in f.PAGE_BREAK_RULES for j in f._neighbours(stripped, i, 2)):
                at_turns[text] += 1
                found.append(i)
    for i in found:
        if at_turns[stripped[i]] >= f.REPEATED_HEADER_MIN:
            rules[i] = "running-header"


def _old_paginate(stripped, rules, form_feeds, printed=None):
    """furniture._paginate as a loop over every line, building a SourceLine for each: the
    runs of furniture found line by line, numbered by furniture._number_pages."""
    from build_tools import furniture as f
    from build_tools.models import DroppedLine, SourceLine

    dropped, symbols, runs, run, seen_text = [], [], [], None, False
    for i, text in enumerate(stripped):
        rule = rules[i]
        if rule:
            dropped.append(DroppedLine(i + 1, text, rule))
            if rule == "symbol-line" and text not in symbols:
                symbols.append(text)
        if seen_text and (rule or i in form_feeds):
            run = run or f.Run(len(stripped), set())
            if rule:
                run.rules.add(rule)
                f._read_printed(run, (printed or {}).get(i, text), rule)
            run.form_feed = run.form_feed or i in form_feeds
        if text and not rule:
            if run is not None:
                run.start = i
                runs.append(run)
                run = None
            seen_text = True
    if run is not None:
        runs.append(run)
    runs = [r for r in runs if r.strong or not r.rules.isdisjoint(f.HEAD_RULES)]
    starts = dict(f._number_pages(runs, len(stripped)))
    lines, breaks, page = [], set(), 1
    for i, text in enumerate(stripped):
        if rules[i]:
            continue
        if i in starts:
            page = starts[i]
            breaks.add(len(lines))
        lines.append(SourceLine(text, i + 1, page))
    if not breaks:
        lines = [SourceLine(l.text, l.lineno, None) for l in lines]
    return tuple(lines), tuple(dropped), tuple(symbols), bool(breaks), frozenset(breaks)


# Lines that move the page count: printed page numbers (up, down, repeated), breaks, form feeds.
PAGING_SAMPLES = ["Page 1", "Page 3", "Page 9", "2/28", "5/28", "1/28", "\f", "\ftext", "\f\f", "- 4 -", "text", "1. A"]


def test_remove_furniture_prechecks_give_the_plain_answer():
    from build_tools.furniture import remove_furniture

    rng = random.Random(13)
    lines = FURNITURE_SAMPLES + [""] * 10 + [l for t in TEXTS for l in t.split("\n")[:60]]
    texts = TEXTS + ["\n".join(rng.choice(lines) for _ in range(rng.randint(0, 40))) for _ in range(1500)]
    paging = PAGING_SAMPLES + FURNITURE_SAMPLES[:8] + [""] * 6
    texts += ["\n".join(rng.choice(paging) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        new = remove_furniture(text)
        got = (new.lines, new.dropped, new.header_symbols, new.paged, new.page_breaks)
        assert got == _old_remove_furniture(text), repr(text[:120])


def _old_non_ascii_context(text, reach=None):
    """The regex version: each non-ASCII run with reach characters either side, overlapping windows merged."""
    import re

    from build_tools.sourcefile import _MOJIBAKE_REACH

    reach = reach or _MOJIBAKE_REACH
    windows = []
    for m in re.finditer(r"[^\x00-\x7f]+", text):
        start, end = max(0, m.start() - reach), m.end() + reach
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return "\n".join(dict.fromkeys(text[a:b] for a, b in windows))  # each distinct window once


def test_non_ascii_windows_equal_the_regex_windows():
    from build_tools.sourcefile import _non_ascii_context

    rng = random.Random(17)
    alphabet = list("ab .\n\t") * 6 + list("’“”é—\u00a0\ufeff\ud800\U0001f600€")
    texts = TEXTS + ["", "ascii", "é", "a" * 17 + "é" + "b" * 17 + "é", "é" + "x" * 16 + "é" + "x" * 17 + "é"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(4000)]
    # Long texts, sparse (one step per character) and dense (one per run) in non-ASCII.
    texts += ["".join(rng.choice(alphabet) for _ in range(3000)) for _ in range(20)]
    texts += ["".join(rng.choice(list("ab .\n") * 40 + ["’", "é"]) for _ in range(5000)) for _ in range(20)]
    for text in texts:
        assert _non_ascii_context(text) == _old_non_ascii_context(text), repr(text)


def test_binary_control_pre_check_gives_the_regex_answer():
    import pytest

    from build_tools.errors import SourceError
    from build_tools.sourcefile import _BINARY_CONTROL, normalise

    rng = random.Random(19)
    alphabet = list("ab \n\t\r\f’é\ud800") + [chr(c) for c in range(32)] + ["\x7f", "\x85", "\u2028"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        unified = text.replace("\r\n", "\n").replace("\r", "\n")
        match = _BINARY_CONTROL.search(unified)
        if match:
            with pytest.raises(SourceError) as err:
                normalise(text, "x.txt")
            line = unified.count("\n", 0, match.start()) + 1
            assert str(err.value) == f"x.txt:{line}: binary control character U+{ord(match.group()):04X}: not a text file"
        else:
            normalise(text, "x.txt")


CLOSED_SAMPLES = ["", ".", "a.", "a.”", "a.’)]", "a)", "a’.", "end:\n", "end.\n\n", "x;'\"", "(see)", ".”x", "\n",
                  "é?”", "December.¹", "said.”²³", "a¹", "¹", ".¹\n", "a).¹²", "x¹.", "2099.2"]


def test_closed_end_equals_the_pattern():
    from build_tools.blocks import CLOSED_END, closed_end

    rng = random.Random(23)
    lines = CLOSED_SAMPLES + [l for t in TEXTS for l in t.split("\n")]
    lines += ["".join(rng.choice("a .!?:;”’\"')]\n,¹²") for _ in range(rng.randint(0, 8))) for _ in range(5000)]
    for line in lines:
        assert closed_end(line) == bool(CLOSED_END.search(line)), repr(line)


def _old_group_end(seg, i):
    """A group ends at a blank line, a marker, or a bare numeral (a resolution's part, maybe)."""
    from build_tools.blocks import BARE_ROMANS

    j = i
    while j < len(seg.texts) and seg.texts[j] and (
        j == i or not (seg._is_marker(seg.texts[j]) or seg.texts[j] in BARE_ROMANS)
    ):
        j += 1
    return j


def test_group_end_inlined_dispatch_gives_the_old_answer():
    from build_tools import blocks as b
    from build_tools.furniture import remove_furniture
    from build_tools.models import SourceLine

    rng = random.Random(29)
    pool = ["12. The", "12.", "III. X", "B. Title", "Annex II", "(a) x", "- (b) y", "• (c)", "– (d)", "²",
            "the mission", "Mission", "", "¹ A/61/19", "éclair", "Über", "1990s were", "ANNEX I", "Annex", "V.",
            "L. x", "IV", "Z. z", "A.", "Chapter II", "CHAPTER IV.", "Chapter II. Title", "Chapter II of the"]
    cases = [remove_furniture(t).lines for t in TEXTS]
    cases += [tuple(SourceLine(rng.choice(pool), k + 1, None) for k in range(rng.randint(0, 12))) for _ in range(800)]
    for lines in cases:
        seg = b._Segmenter(*b._columns(lines), frozenset())
        for i in range(len(lines) + 1):
            assert seg._group_end(i) == _old_group_end(seg, i)


def test_slots_models_behave_like_plain_dataclasses():
    import dataclasses
    import pickle

    import pytest

    from build_tools.models import Block, SourceLine

    line = SourceLine("text", 3, None)
    assert (line.text, line.lineno, line.page) == ("text", 3, None)
    assert line == SourceLine(text="text", lineno=3, page=None) and hash(line) == hash(SourceLine("text", 3, None))
    block = Block("paragraph", "para-1", "x", number="1")
    assert dataclasses.astuple(block) == ("paragraph", "para-1", "x", "1", 0, None, "", None, (), None, ())
    assert dataclasses.replace(block, text="y").text == "y"
    assert pickle.loads(pickle.dumps(block)) == block
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.text = "z"
    with pytest.raises(TypeError):
        Block("paragraph", "para-1")


def test_changed_positions_equal_the_character_scan():
    from build_tools.textrules import _changed_positions

    rng = random.Random(31)
    for _ in range(3000):
        old = "".join(rng.choice("ab'\"’ ") for _ in range(rng.randint(0, 100)))
        new = "".join(c if rng.random() < 0.9 else rng.choice("“”‘’") for c in old)
        assert _changed_positions(old, new) == [i for i, (a, b) in enumerate(zip(old, new)) if a != b]


def test_empty_check_equals_strip():
    """read_source's emptiness test without copying the text."""
    import sys

    whitespace = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    for text in ["", "x", " x ", "\ufeff", "\u200b"] + whitespace + ["".join(whitespace)]:
        assert (not text or text.isspace()) == (not text.strip()), repr(text)


def _old_context_rules(stripped, rules):
    from build_tools import furniture as f

    for i, text in enumerate(stripped):
        if rules[i] or not text or not (text[0].isdigit() or text[0] in "EFSRAC"):
            continue
        is_date, is_language = f.PRINT_DATE.match(text), f.LANGUAGE_LINE.match(text)
        if not (is_date or is_language or f.BARE_PAGE_NUMBER.match(text)):
            continue
        near = [rules[j] for j in f._neighbours(stripped, i, 3)]
        if is_date and ("job-number" in near or "barcode" in near):
            rules[i] = "print-date"
        elif is_language and ("symbol-line" in near or "page-label" in near):
            rules[i] = "running-header"
        elif f.BARE_PAGE_NUMBER.match(text) and any(r in f.TURN_RULES for r in near[:2] + near[3:5]):
            rules[i] = "bare-page-number"
    f._bare_numbers_in_sequence(stripped, rules)


def test_context_rules_candidates_give_the_old_answer():
    from build_tools import furniture as f

    rng = random.Random(37)
    pool = FURNITURE_SAMPLES + ["", "", "230318", "21", "2", "²³", "١٢٣", "12a", "English ", "Englishman", "French",
                                "Chinese", "1234567", "123456", "٣٤٥٦٧٨"]
    cases = [[l.replace("\f", "").strip() for l in t.split("\n")] for t in TEXTS]
    cases += [[rng.choice(pool).strip() for _ in range(rng.randint(0, 25))] for _ in range(3000)]
    for stripped in cases:
        rules = [f.classify(t) if t else None for t in stripped]
        old = list(rules)
        _old_context_rules(stripped, old)
        f._context_rules(stripped, rules)
        assert rules == old, stripped
        # remove_furniture passes its non-prose lines as the candidates: the same answer.
        rules = [f.classify(t) if t else None for t in stripped]
        candidates = [
            i for i, t in enumerate(stripped) if t and (" " not in t or t.startswith("Page") or t == t.upper())
        ]
        f._context_rules(stripped, rules, candidates)
        assert rules == old, stripped


def test_joined_fits_equals_the_joined_length():
    from build_tools.blocks import _joined_fits

    rng = random.Random(41)
    for _ in range(2000):
        texts = ["x" * rng.randint(0, 120) for _ in range(rng.randint(0, 6))]
        limit = rng.randint(0, 300)
        assert _joined_fits(texts, limit) == (len(" ".join(texts)) <= limit)


def _old_heading_tail(seg, group, end):
    """_heading_tail as it was: the next marker looked up before the group's own lines."""
    import re

    from build_tools.blocks import CONNECTORS, MAX_HEADING_CHARS, _short_heading_line, closed_end

    nxt = seg._next_text(end)
    if len(group) < 2 or not seg.in_body or nxt is None or not seg._is_marker(nxt):
        return 0
    def sentence_end(line):  # since fix-paras: a line ending in ":" (or ":¹") announces text, not a heading
        return closed_end(line) and not re.search(r":[¹²³⁴⁵⁶⁷⁸⁹⁰]*$", line)

    last = group[-1]
    if _short_heading_line(last) and sentence_end(group[-2]):
        return 1
    if len(group) >= 3 and sentence_end(group[-3]) and group[-2][:1].isupper():
        words = group[-2].split()
        wrapped = words[-1].lower() in CONNECTORS or group[-2].endswith(",") or (
            len(group[-2]) >= 48 and last[:1].islower()  # since the second probe: a title filling its line
        )
        if wrapped and not re.search(r"[.;:]$", last) and len(group[-2] + last) <= MAX_HEADING_CHARS:
            return 2
        # since fix-paras: a short label line and a title line ("Chapter II" / "Activities of the Unit")
        if len(words) <= 3 and _short_heading_line(group[-2]) and _short_heading_line(last):
            return 2
    return 0


def test_heading_tail_checks_the_group_before_the_marker():
    from build_tools import blocks as b

    rng = random.Random(43)
    pool = ["12. The", "III. X", "B. Title", "(a) x", "", "Ends here.", "Support for peace and", "Mission,",
            "violence reduction", "Capacity", "the mission continued", "done;", "x" * 70 + ".", "Civil affairs",
            "the following:", "as follows:¹", "in December.²", "Chapter II"]
    for _ in range(3000):
        texts = tuple(rng.choice(pool) for _ in range(rng.randint(2, 10)))
        seg = b._Segmenter(texts, tuple(range(1, len(texts) + 1)), (None,) * len(texts), frozenset())
        seg.in_body = rng.random() < 0.8
        start = rng.randrange(len(texts))
        end = rng.randint(start, len(texts))
        group = list(texts[start:end])
        assert seg._heading_tail(group, end) == _old_heading_tail(seg, group, end), (texts, start, end)


def test_only_footnote_starts_can_begin_a_footnote_line():
    """The premise of _line's first-character test in front of FOOTNOTE_LINE, over all of Unicode."""
    import sys

    from build_tools.blocks import _FOOTNOTE_STARTS, FOOTNOTE_LINE

    for c in map(chr, range(sys.maxunicode + 1)):
        if FOOTNOTE_LINE.match(c + " note") or FOOTNOTE_LINE.match(c + "¹ note"):
            assert c in _FOOTNOTE_STARTS, repr(c)


def test_normalise_reads_the_given_utf8_like_its_own_encoding():
    """read_source hands normalise the file's bytes: the same answer (or error) as encoding the text."""
    from build_tools.errors import SourceError
    from build_tools.sourcefile import normalise

    rng = random.Random(47)
    alphabet = list("ab .\n\r\t") * 6 + list("’“”é—\u00a0\ufeff\ufb01Ã©\x01\x0b€")
    texts = TEXTS + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    def run(text, *utf8):
        try:
            return normalise(text, "t.txt", *utf8)
        except SourceError as exc:
            return str(exc)

    for text in texts:
        assert run(text, text.encode("utf-8")) == run(text), repr(text)


def _plain_extract_marks(builder, text, block_id):
    """_Builder._extract_marks without its pre-check: every match of the mark pattern looked at."""
    from build_tools import structure as s

    refs, out, pos = [], [], 0
    pattern = s.SUPERSCRIPT_MARK if not any(set(m) == {"*"} for m in builder.marks) else s._ANY_MARK
    for m in pattern.finditer(text):
        mark = (m.group(1) or m.group(2)).translate(s.SUPERSCRIPT_DIGITS)
        if mark in builder.marks:
            out.append(text[pos : m.start()])
            refs.append(s.FootnoteRef(sum(map(len, out)), s.footnote_id(mark), mark))
            pos = m.end()
    out.append(text[pos:])
    return "".join(out), refs


def test_mark_pre_check_gives_the_plain_answer():
    from types import SimpleNamespace

    from build_tools import structure as s

    rng = random.Random(53)
    alphabet = list("ab .,)”") * 3 + list("¹²³⁴⁵⁶⁷⁸⁹⁰*†‡") + [" "] * 4
    mark_pool = ["1", "2", "12", "3", "*", "**", "***", "†", "‡", "0"]
    for _ in range(4000):
        marks = set(rng.sample(mark_pool, rng.randint(0, 3)))
        seg = SimpleNamespace(footnotes=[SimpleNamespace(mark=m) for m in marks])
        builder = s._Builder(seg, None, {}, None, None, [])
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert builder._extract_marks(text, "b") == _plain_extract_marks(builder, text, "b"), (marks, text)


def _plain_classify(line):
    """classify() trying all eight patterns in order, without the first-character table, then
    four of them with the OCR's letters for 1 and 0 read as digits."""
    from build_tools import furniture as f
    from build_tools.blocks import OCR_DIGITS

    if " " in line and line != line.upper() and not line.startswith(("Page", "page")) and line[2:3] != "-":
        return None  # prose ("91-29517 2271e (E)", a typist's code in lower case, is no prose)
    for rule, pattern in (("page-number", f.PAGE_OF), ("page-label", f.PAGE_LABEL), ("job-number", f.JOB_NUMBER),
                          ("barcode", f.BARCODE), ("continued", f.CONTINUED), ("rule-line", f.RULE_LINE),
                          ("symbol-line", f.SYMBOL_LINE), ("damaged-symbol-line", f.DAMAGED_SYMBOL_LINE)):
        if pattern.match(line):
            return rule
    if len(line) <= 60 and re.search(r"\d[lIOo]|[lIOo]\d", line):
        for rule, pattern in (("page-label", f.PAGE_LABEL), ("job-number", f.JOB_NUMBER), ("barcode", f.BARCODE),
                              ("damaged-symbol-line", f.SYMBOL_LINE)):
            if pattern.match(line.translate(OCR_DIGITS)):
                return rule
    return None


def test_classify_first_character_table_gives_the_plain_answer():
    """Every first character (all decimal digits and whitespace of Unicode, the BMP up to U+3000)
    in front of tails that complete each pattern."""
    import sys

    from build_tools.furniture import classify

    tails = ["", "2/28", "/28", " 2", "age 2", "AGE 2", "5-14893 (E)", "0644161*", "l" * 11, " - ---", "...",
             "O644161*", "age l0", "/2018/241", "8-O3983 (E)", "/l999/779",
             " ...", "/70/357", "A/70/357", "---", "\u2003\u2003\u2003", "5", "2 -", "E.19-00812(E)", "age 3"]
    chars = {chr(c) for c in range(0x3000)}
    chars |= {c for c in map(chr, range(sys.maxunicode + 1)) if c.isdecimal() or c.isspace()}
    for c in sorted(chars):
        for tail in tails:
            assert classify(c + tail) == _plain_classify(c + tail), repr(c + tail)
    for line in FURNITURE_SAMPLES + [l.strip() for t in TEXTS for l in t.split("\n")]:
        assert classify(line) == _plain_classify(line), line


def test_context_rule_patterns_equal_their_string_tests():
    """_context_rules tells PRINT_DATE, BARE_PAGE_NUMBER and LANGUAGE_LINE matches by string tests."""
    from build_tools import furniture as f

    rng = random.Random(59)
    digits = ["1", "٣", "²", "x", "0", "१"]
    lines = ["".join(rng.choice(digits) for _ in range(rng.randint(0, 8))) for _ in range(3000)]
    lines += ["English", "French", "Englishman", "english", "Chinese", ""]
    for text in lines:
        decimal = text not in f._LANGUAGE_NAMES and text.isdecimal()
        assert bool(f.PRINT_DATE.match(text)) == (decimal and len(text) == 6), text
        assert bool(f.BARE_PAGE_NUMBER.match(text)) == (decimal and len(text) <= 3), text
        assert bool(f.LANGUAGE_LINE.match(text)) == (text in f._LANGUAGE_NAMES), text


def _old_short_heading_line(line):
    import re

    from build_tools.blocks import CONNECTORS, SHORT_HEADING_MAX_CHARS

    words = line.split()
    return (2 < len(line) <= SHORT_HEADING_MAX_CHARS and line[:1].isupper() and not re.search(r"[.,;:]$", line)
            and words[-1].lower() not in CONNECTORS and len(words) <= 10)


def _old_wrapped(line):
    from build_tools.blocks import CONNECTORS, WRAPPED_MIN_CHARS

    words = line.split()
    ends_wrapped = bool(words) and (words[-1].lower() in CONNECTORS or line.endswith((":", "-", "–")))
    return len(line) >= WRAPPED_MIN_CHARS or ends_wrapped


def _old_looks_like_heading(seg, group, end):
    from build_tools.blocks import _NUMBER_TAKING_WORDS, FOOTNOTE_LINE, MAX_HEADING_CHARS, closed_end

    joined = " ".join(group)
    if len(joined) > MAX_HEADING_CHARS or len(group) > 3 or closed_end(joined) or joined.endswith(","):
        return False
    if not (joined[:1].isupper() or joined[:1].isdigit()):
        return False
    if " " in joined and joined.rsplit(" ", 1)[1] in _NUMBER_TAKING_WORDS:
        return False  # "… set out in subparagraph" / "(a) above": a sentence goes on
    nxt = seg._next_text(end)  # a heading heads something: a marker (a damaged number too) or a footnote after it
    damaged = nxt is not None and nxt[:1] in "0123456789lI" and seg._damaged_number(nxt) is not None
    return nxt is not None and (seg._is_marker(nxt) or damaged or bool(FOOTNOTE_LINE.match(nxt)))


def test_heading_tests_check_length_before_splitting():
    from build_tools import blocks as b

    rng = random.Random(61)
    words = ["Peace", "and", "the", "mission", "of", "Support", "x" * 30, "end.", "tail,", "A.", "12.", "", " ", "-",
             ":"]
    lines = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 14))) for _ in range(4000)]
    lines += [l.strip() for t in TEXTS for l in t.split("\n")]
    for line in lines:
        assert b._short_heading_line(line) == _old_short_heading_line(line), line
        assert b.wrapped_line(line) == _old_wrapped(line), line
    for _ in range(2000):
        texts = tuple(rng.choice(lines[:4000]) for _ in range(rng.randint(1, 8)))
        seg = b._Segmenter(texts, tuple(range(1, len(texts) + 1)), (None,) * len(texts), frozenset())
        start = rng.randrange(len(texts))
        end = rng.randint(start + 1, len(texts))
        group = list(texts[start:end])
        assert seg._looks_like_heading(group, end) == _old_looks_like_heading(seg, group, end), group


def test_a_summary_marker_starts_the_body_as_before():
    """The handler loop once tested "handler is not self._summary", always true for a fresh bound
    method: "Summary" set in_body like every marker. The function-table dispatch keeps that."""
    from build_tools.blocks import segment
    from build_tools.furniture import remove_furniture

    paged = remove_furniture("Summary\n11. text goes on.\n")
    seg = segment(paged.lines, paged.page_breaks)
    assert seg.warnings == ["line 2: '11.' out of sequence after paragraph 0; kept as text"]
    assert [(b.kind, b.number) for b in seg.blocks] == [("summary", None)]


def test_a_spaced_line_can_be_furniture_only_with_a_spaced_rule_start():
    """remove_furniture sends a line with a space to classify() only when its first character
    is a digit or in _SPACED_RULE_STARTS: from any other first character, no rule matches."""
    from build_tools import furniture as f

    tails = [" 2", " / 28", "  ...", " 1234567*", " (E)", " 2 -", " I I I I I I I I I I", "/A 70", " -"]
    tails += [t.upper() for t in tails] + [" x" * 5, "2/28 x", "l l l l l l l l l l l"]
    for code in range(0x3000):
        first = chr(code)
        if first.isspace() or first in f._SPACED_RULE_STARTS or first.isdecimal():
            continue
        for tail in tails:
            line = (first + tail).strip()
            if " " in line:
                assert f.classify(line) is None, repr(line)


def test_block_fields_are_in_the_order_structure_passes_them():
    """structure._Builder._block builds Block positionally (cheaper than keywords)."""
    from dataclasses import fields

    from build_tools.models import Block

    order = ("type", "id", "text", "number", "level", "page", "section", "parent", "refs", "lineno", "cells")
    assert tuple(f.name for f in fields(Block)) == order
