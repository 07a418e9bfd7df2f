"""Speed-ups of the per-block text rules (round 5): each fast path gives exactly the answer
of the plain code it replaced, on the real texts and on random strings of tricky characters."""

from __future__ import annotations

import random
import re
from pathlib import Path

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


def _old_join_lines(lines, lexicon, joiner=None):
    """textrules.join_lines before the joined-text fast path (round 7), word for word, with the
    OCR's "¬" inside a line read as a line end (24 November)."""
    from build_tools.textrules import _plain_joiner

    joiner = joiner or _plain_joiner
    out, changes = [], []
    stripped = [l.strip() for l in lines]
    if any("¬" in l for l in stripped):  # since: a "¬" inside a line is a line end (re.split, line by line)
        stripped = [piece for l in stripped for piece in re.split(r"(?<=¬) *(?=\S)", l)]
    for line in stripped:
        if not line:
            continue
        if out and out[-1][-1:] in ("-", "¬") and not out[-1].endswith(" -") and not line.startswith(("and ", "or ")):
            head, _, left = out.pop().rpartition(" ")
            right, _, tail = line.partition(" ")
            token, rule = joiner(left, right, lexicon)
            if rule == "join" or "¬" in left:
                changes.append((f"{left} {right}", token))
            out.append(" ".join(p for p in (head, token, tail) if p))
        else:
            out.append(line)
    text = " ".join(out)
    if "¬" in text:  # since: one left at the end stands for "-"
        changes.append(("¬", "-"))
        text = text.replace("¬", "-")
    return text, changes


# Line pieces: hyphens and "¬" at line ends, inside lines and alone; "and "/"or " line starts
# (suspended compounds); whitespace str.strip() removes but " " is not ("\u00a0", "\u2028").
LINE_PIECES = ["organi", "zations", "-", "¬", " ", "  ", "\t", "and ", "or ", "Secretary", "General",
               "- ", " -", "\u00a0", "\u2028", "x", "é", ""]


def test_join_lines_fast_path_gives_the_line_by_line_join():
    from build_tools.dehyphenate import join_hyphenated
    from build_tools.lexicon import Lexicon
    from build_tools.textrules import join_lines

    lexicon = Lexicon.from_text(TEXTS[0])
    rng = random.Random(7)
    cases = [p.split("\n") for t in TEXTS for p in t.split("\n\n")] + [[], [""], ["-"], ["a-", "b"], ["a -", "b"], ["a¬", "b"]]
    cases += [["".join(rng.choice(LINE_PIECES) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(0, 5))]
              for _ in range(5000)]
    for lines in cases:
        for joiner in (None, join_hyphenated):
            assert join_lines(lines, lexicon, joiner) == _old_join_lines(lines, lexicon, joiner), repr(lines)


# Every quote, every opener before a quote, elision endings after one ("’s", "’ll").
QUOTE_PIECES = list("\"“”„‟'‘’‛ \t\n([{—–-/xs.") + ["’s", "’ll", "’t ", " ’", "(’", "’’", "é"]


def test_normalise_quotes_apostrophe_fast_path_gives_the_sub():
    from build_tools import ocrfix as o

    def old(text):  # normalise_quotes before the apostrophe-only fast path
        return o._QUOTE_RE.sub(o._turn_quote, text) if o._has_quote(text) else text

    rng = random.Random(5)
    texts = PARAGRAPHS + ["’", "x’", "’x", " ’x", "x ’ y", "x’s", "(’x", "“x’s”"]
    texts += ["".join(rng.choice(QUOTE_PIECES) for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    for text in texts:
        assert o.normalise_quotes(text) == old(text), repr(text)
