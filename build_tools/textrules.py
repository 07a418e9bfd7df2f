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
    # str.split() splits on exactly the characters SPACES matches (str.isspace), several times faster.
    return " ".join(text.split()), []


def _plain_joiner(left: str, right: str, lexicon: Any) -> tuple[str, str]:
    """Fallback joiner: a real hyphen stays ("Secretary-" + "General")."""
    return left.rstrip("-¬") + "-" + right, "keep-hyphen"


def join_lines(lines: list[str], lexicon: Any, joiner: Callable[..., tuple[str, str]] | None = None) -> tuple[str, list[Change]]:
    """Join hard-wrapped lines; a line-end hyphen is kept or dropped by `joiner` on the evidence."""
    joiner = joiner or _plain_joiner
    out: list[str] = []
    changes: list[Change] = []
    for line in (l.strip() for l in lines):
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
    return " ".join(out), changes


# Applied in order to every block's joined text. Entries are (name, rule).
TEXT_RULES: list[tuple[str, Rule]] = [
    ("strip-emphasis", strip_emphasis),
    ("collapse-space", collapse_space),
]


def apply_rules(text: str, lexicon: Any, rules: list[tuple[str, Rule]] | None = None) -> tuple[str, list[tuple[str, str, str]]]:
    """Run the rules; return the text and (rule, original, replacement) for each change."""
    log: list[tuple[str, str, str]] = []
    for name, rule in rules or TEXT_RULES:
        text, changes = rule(text, lexicon)
        log.extend((name, a, b) for a, b in changes)
    return text, log
