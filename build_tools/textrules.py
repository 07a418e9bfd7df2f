"""Word-level repairs applied to each block's text, as an ordered list of named rules.

Like markdown-it's rulers: every rule has the same signature
``rule(text, lexicon) -> (text, [(original, replacement), ...])`` and the list
decides the order. Every change a rule makes is returned, so the QA report can
show it; a rule that is unsure leaves the text alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .dehyphenate import close_up_letter_spacing, repair_spaced_words, restore_fused_hyphens
from .ocrfix import fix_confusions, fix_terminal_hyphen, normalise_quotes

Change = tuple[str, str]
Rule = Callable[[str, Any], tuple[str, list[Change]]]

# "*Official Records ...*": Markdown-style emphasis in some exports; the words stay, the stars go.
EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,400}?)(?<=\S)\*(?![\w*])")
SPACES = re.compile(r"\s+")


def strip_emphasis(text: str, lexicon: Any) -> tuple[str, list[Change]]:
    if "*" not in text:  # most blocks; the regex's lookbehind makes a full scan slow
        return text, []
    return EMPHASIS.sub(r"\1", text), []


def collapse_space(text: str, lexicon: Any) -> tuple[str, list[Change]]:
    # Every whitespace character but " " is unprintable (categories Cc, Zs, Zl, Zp), so a
    # printable text without double, leading or trailing spaces is already collapsed: one
    # C scan instead of splitting the block into words and joining them again.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text, []
    # str.split() splits on exactly the characters SPACES matches (str.isspace), several times faster.
    return " ".join(text.split()), []


def _plain_joiner(left: str, right: str, lexicon: Any) -> tuple[str, str]:
    """Fallback joiner: a real hyphen stays ("Secretary-" + "General")."""
    return left.rstrip("-¬") + "-" + right, "keep-hyphen"


# A line-end hyphen shows as "- " (or "¬ ") once the lines are joined with spaces. The
# pattern starts with a literal, so re finds it in C; str's own two-character search
# stops at every space and is four times slower.
_HYPHEN_SPACE_RE = re.compile("- ")
# Where a line goes on after the "¬" seed 003's OCR prints for a hyphen: cut there, the joiner
# treats it as the line-end hyphen it is everywhere else (never a "¬" left in the text).
_MID_LINE_NOT_SIGN_RE = re.compile(r"(?<=¬) *(?=\S)")


# A line-end token longer than this is no word broken at the line end (hostile input: 150,000
# lines of "Ab-" made one token, rebuilt at each join, quadratic): the line break is a space.
JOIN_TOKEN_MAX = 100


def join_lines(lines: list[str], lexicon: Any, joiner: Callable[..., tuple[str, str]] | None = None) -> tuple[str, list[Change]]:
    """Join hard-wrapped lines; a line-end hyphen is kept or dropped by `joiner` on the evidence."""
    stripped = list(filter(None, map(str.strip, lines)))
    text = " ".join(stripped)
    # Most blocks (656 of 672 in the six reports) have no line-end hyphen: then the
    # line-by-line join below gives this text (join_lines 1.1 -> 0.85 ms over the six reports).
    if "¬" not in text and not _HYPHEN_SPACE_RE.search(text):
        return text, []
    joiner = joiner or _plain_joiner
    if "¬" in text:  # the OCR's hyphen inside a line ("long¬standing", "long¬ standing"): a line end
        stripped = [piece for line in stripped for piece in _MID_LINE_NOT_SIGN_RE.split(line)]
    # out: the text so far, in pieces joined by spaces at the end; a join rewrites only the last
    # piece (rewriting the whole line it goes on at each join was quadratic: 150,000 lines of
    # "Ab-"). The lines joined so far into the last one start at out[start].
    out: list[str] = []
    changes: list[Change] = []
    start = 0
    for line in stripped:
        last = out[-1] if out else ""
        spaced = last.endswith(" -") or (last == "-" and len(out) - start > 1)  # the joined line ends " -"
        if (out and last[-1:] in ("-", "¬") and not spaced and not line.startswith(("and ", "or "))
                and len(last) - last.rfind(" ") <= JOIN_TOKEN_MAX):
            head, _, left = out.pop().rpartition(" ")
            right, _, tail = line.partition(" ")
            token, rule = joiner(left, right, lexicon)
            if rule == "join" or "¬" in left:
                changes.append((f"{left} {right}", token))
            rest = " ".join(p for p in (token, tail) if p)
            if head:
                out.append(head)
            if rest or len(out) == start:
                out.append(rest)
        else:
            start = len(out)
            out.append(line)
    text = " ".join(out)
    if "¬" in text:  # one with nothing after it, at the block's end: the hyphen it stands for
        changes.append(("¬", "-"))
        text = text.replace("¬", "-")
    return text, changes


def repair_spacing(text: str, lexicon: Any) -> tuple[str, list[Change]]:
    """pdftotext damage: "legislati ve", "re -establishment", "development ."."""
    return repair_spaced_words(text, lexicon)


def letter_spacing(text: str, lexicon: Any) -> tuple[str, list[Change]]:
    """A heading's letter-spaced words closed up: "I N T R O D U C T I O N" (headings only)."""
    return close_up_letter_spacing(text, lexicon)


def restore_hyphen(text: str, lexicon: Any) -> tuple[str, list[Change]]:
    """A compound whose hyphen pdftotext lost: "institutionbuilding", "rule-oflaw", "Port-auPrince",
    restored as the report itself writes the compound elsewhere."""
    return restore_fused_hyphens(text, lexicon)


def ocr_confusions(text: str, lexicon: Any) -> tuple[str, list[Change]]:
    """Unknown token -> known word by a small confusion map ("Fleadquarters", "1 thank")."""
    text, fixes = fix_confusions(text, lexicon)
    return text, [(f.original, f.replacement) for f in fixes]


def terminal_hyphen(text: str, lexicon: Any) -> tuple[str, list[Change]]:
    """A block ending "gap-" ends "gap." in the original."""
    text, fix = fix_terminal_hyphen(text, lexicon)
    return text, [(fix.original, fix.replacement)] if fix else []


def typographic_quotes(text: str, lexicon: Any) -> tuple[str, list[Change]]:
    """Straight and mixed OCR quotes -> the UN's curly quotes; each changed quote is logged with context."""
    new = normalise_quotes(text)
    if new == text or len(new) != len(text):
        return new, ([] if new == text else [(text, new)])
    return new, [(text[a:b], new[a:b]) for a, b in _context_windows(_changed_positions(text, new), len(text))]


_QUOTE_CONTEXT = 12  # characters shown either side of a changed quote in the QA log


def _context_windows(positions: list[int], length: int) -> list[tuple[int, int]]:
    """One (start, end) window per run of changed quotes whose contexts touch: the two quotes
    of “peace” are one logged change, not two overlapping ones."""
    windows: list[tuple[int, int]] = []
    for i in positions:
        start, end = max(0, i - _QUOTE_CONTEXT), min(length, i + _QUOTE_CONTEXT)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


_COMPARE_STEP = 32  # characters compared at once by _changed_positions


def _changed_positions(old: str, new: str) -> list[int]:
    """Where two texts of one length differ, in order. Slices are compared in C and only
    the differing ones character by character: a block changes in a few quotes."""
    out: list[int] = []
    step = _COMPARE_STEP
    for start in range(0, len(old), step):
        if old[start : start + step] != new[start : start + step]:
            out += [i for i in range(start, min(start + step, len(old))) if old[i] != new[i]]
    return out


# Applied in order to every block's joined text. Entries are (name, rule).
TEXT_RULES: list[tuple[str, Rule]] = [
    ("strip-emphasis", strip_emphasis),
    ("collapse-space", collapse_space),
    ("spacing", repair_spacing),
    ("restore-hyphen", restore_hyphen),
    ("ocr-confusion", ocr_confusions),
    ("terminal-hyphen", terminal_hyphen),
    ("quotes", typographic_quotes),
]


def apply_rules(text: str, lexicon: Any, rules: list[tuple[str, Rule]] | None = None) -> tuple[str, list[tuple[str, str, str]]]:
    """Run the rules; return the text and (rule, original, replacement) for each change."""
    log: list[tuple[str, str, str]] = []
    for name, rule in rules or TEXT_RULES:
        text, changes = rule(text, lexicon)
        if changes:  # most rules change nothing in most blocks: no generator to build
            log.extend((name, a, b) for a, b in changes)
    return text, log
