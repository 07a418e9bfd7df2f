"""Undo line-end hyphenation and the word-spacing damage pdftotext leaves.

Every decision is made from evidence, never from a fixed word list: first what the
report itself writes (its own house style wins), then English frequencies.
"""

from __future__ import annotations

import re

from .lexicon import LETTER, Lexicon, zipf

LINE_END_HYPHENS = "-¬"  # "¬" is how the OCR of seed 003 renders a line-end hyphen
# "troop- and police-contributing": a hyphen before these is a suspended compound.
SUSPENSION_WORDS = frozenset({"and", "or", "and/or", "nor", "to"})
# pdftotext splits "Commander-in-Chief" as "Commander in-Chief" and "Port-au-Prince" as
# "Port au-Prince": the short linking words of such capitalised names.
NAME_PARTICLES = ("in", "au", "aux", "de", "des", "du", "en", "la", "le", "sur")

_TRAIL_PUNCT = ".,;:)]}!?’”\"'"
_LEAD_PUNCT = "([{‘“\"'"


def join_hyphenated(left: str, right: str, lexicon: Lexicon) -> tuple[str, str]:
    """Rejoin a word broken at a line end.

    `left` is the last token of a line, ending in "-" or "¬"; `right` is the first token of
    the next line. Returns the text that replaces "left<line break>right" and the rule
    used: "join" (organi- zations -> organizations) or "keep-hyphen" (Secretary- General ->
    Secretary-General; troop- and -> "troop- and", a suspended compound keeps its space).
    """
    stem = left.rstrip(LINE_END_HYPHENS)
    hyphened = stem + "-"
    if not stem or right.lower() in SUSPENSION_WORDS:
        return f"{hyphened} {right}", "keep-hyphen"
    word = right.rstrip(_TRAIL_PUNCT)
    if _must_keep(stem, word) or not _joining_wins(stem, word, lexicon):
        return hyphened + right, "keep-hyphen"
    return stem + right, "join"


# A token ending in a line-end hyphen, then the first token of the next, non-blank line.
_LINE_BREAK_RE = re.compile(r"(\S*[^\s\-¬][-¬])[ \t]*\n[ \t]*([^\s\-¬]\S*)[ \t]*")


def join_line_breaks(text: str, lexicon: Lexicon) -> tuple[str, list[tuple[str, str, str]]]:
    """Apply join_hyphenated to every line-end hyphen of a hard-wrapped text.

    The joined token ends the first line, so the number of lines does not change.
    Returns the text and (original, joined, rule) for each break.
    """
    changes: list[tuple[str, str, str]] = []

    def join(m: re.Match[str]) -> str:
        joined, rule = join_hyphenated(m.group(1), m.group(2), lexicon)
        changes.append((m.group(1) + "\n" + m.group(2), joined, rule))
        return joined + "\n"

    return _LINE_BREAK_RE.sub(join, text), changes


def _must_keep(stem: str, word: str) -> bool:
    """Symbols and numbers ("A/70/95-S/2015/446"), capitalised right halves
    ("Secretary-General"), and anything not a plain lower-case word on the right."""
    return not stem[-1].isalpha() or not word.isalpha() or not word.islower()


def _joining_wins(stem: str, word: str, lexicon: Lexicon) -> bool:
    """True when "stemword" is better attested than "stem-word"."""
    stem = stem.lstrip(_LEAD_PUNCT)  # "(organi-" is judged as "organi-"
    last = stem.rsplit("-", 1)[-1]  # "mission-by" + "mission": judge "by"+"mission"
    joined, hyphened = last + word, f"{stem}-{word}"
    doc_joined = lexicon.doc_count(joined)
    doc_hyphened = max(lexicon.doc_count(hyphened), lexicon.doc_count(f"{last}-{word}"))
    if doc_joined != doc_hyphened:  # the report's own usage wins
        return doc_joined > doc_hyphened
    if not lexicon.known(joined):
        return False
    if not (lexicon.known(last) and lexicon.known(word)):
        return True  # "organi" + "zations": fragments, not words
    # Both halves are words ("stand"+"alone", "some"+"thing"): join only when English uses
    # the closed form more than the two words together. Ties keep the hyphen, which
    # leaves a readable word; a wrong join changes one.
    return zipf(joined) > zipf(f"{last}-{word}")


# "re -establishment", "two -year", "Port -au-Prince": a space crept in before a hyphen.
_SPACE_HYPHEN_RE = re.compile(rf"\b({LETTER}+)[ \t]+-(?={LETTER})(({LETTER}+)(?:-{LETTER}+)*)")
# "Commander in-Chief", "Port au-Prince": the hyphen before the particle went missing.
_PARTICLE_RE = re.compile(
    rf"\b([A-Z]{LETTER}*)[ \t]+({'|'.join(NAME_PARTICLES)})-(?=[A-Z])({LETTER}+)"
)
# "development ." -> "development.": a space before punctuation that ends a clause.
_SPACE_PUNCT_RE = re.compile(rf"({LETTER}+|[)\]”’])[ \t]+([.,;:!?])(?=\s|\Z)(?![ \t]*[.])")
# "the world ’s most": the apostrophe of a possessive drifted off its word.
_SPACE_APOSTROPHE_RE = re.compile(rf"({LETTER}+)[ \t]+([’'])(?=s\b)")
_WORD_RE = re.compile(rf"{LETTER}+")
_RIGHT_NEIGHBOUR_RE = re.compile(rf"[ \t]+({LETTER}+)\b")
_LEFT_NEIGHBOUR_RE = re.compile(rf"\b({LETTER}+)[ \t]+\Z")


def repair_spaced_words(text: str, lexicon: Lexicon) -> tuple[str, list[tuple[str, str]]]:
    """Repair pdftotext spacing damage; returns the text and the (original, new) pairs."""
    changes: list[tuple[str, str]] = []
    text = _split_words(text, lexicon, changes)
    text = _SPACE_HYPHEN_RE.sub(lambda m: _space_hyphen(m, lexicon, changes), text)
    text = _PARTICLE_RE.sub(lambda m: _particle(m, lexicon, changes), text)
    text = _SPACE_PUNCT_RE.sub(lambda m: _record(m, m.group(1) + m.group(2), changes), text)
    text = _SPACE_APOSTROPHE_RE.sub(lambda m: _record(m, m.group(1) + m.group(2), changes), text)
    return text, changes


def _record(m: re.Match[str], new: str, changes: list[tuple[str, str]]) -> str:
    if new != m.group(0):
        changes.append((m.group(0), new))
    return new


def _split_words(text: str, lexicon: Lexicon, changes: list[tuple[str, str]]) -> str:
    """Join split words: "legislati ve" -> "legislative". Only the report's few unknown
    tokens are looked at, each with its right neighbour first, then its left one."""
    unknown = {w for w in set(_WORD_RE.findall(text)) if not lexicon.known(w)}
    if not unknown:
        return text
    alt = "|".join(sorted(map(re.escape, unknown), key=len, reverse=True))
    out, pos = [], 0
    for m in re.finditer(rf"\b(?:{alt})\b", text):
        if m.start() < pos:
            continue  # already joined to its left neighbour
        span = _join_neighbour(text, m, lexicon)
        if span:
            start, end, joined = span
            if start >= pos:
                changes.append((text[start:end], joined))
                out += [text[pos:start], joined]
                pos = end
    return "".join(out) + text[pos:]


def _join_neighbour(text: str, m: re.Match[str], lexicon: Lexicon) -> tuple[int, int, str] | None:
    """The span and joined word when the unknown token `m` is half of a split word."""
    word = m.group(0)
    after = _RIGHT_NEIGHBOUR_RE.match(text, m.end())
    if after and _is_split(word, after.group(1), lexicon):
        return m.start(), after.end(), word + after.group(1)
    before = _LEFT_NEIGHBOUR_RE.search(text, max(0, m.start() - 40), m.start())
    if before and _is_split(before.group(1), word, lexicon):
        return before.start(), m.end(), before.group(1) + word
    return None


def _is_split(left: str, right: str, lexicon: Lexicon) -> bool:
    """The joined form is a known word, the right half is lower case (not a new name),
    and the halves are not both words ("in formation", "a part")."""
    if not right.islower() or not lexicon.known(left + right):
        return False
    return not (lexicon.known(left) and lexicon.known(right))


def _space_hyphen(m: re.Match[str], lexicon: Lexicon, changes: list[tuple[str, str]]) -> str:
    left, rest, first = m.group(1), m.group(2), m.group(3)
    compound = f"{left}-{rest}"
    attested = lexicon.doc_count(compound) > 0
    if attested or (lexicon.known(left) and lexicon.known(first)):
        return _record(m, compound, changes)
    return m.group(0)


def _particle(m: re.Match[str], lexicon: Lexicon, changes: list[tuple[str, str]]) -> str:
    compound = "-".join(m.groups())
    return _record(m, compound, changes)
