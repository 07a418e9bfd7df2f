"""Undo line-end hyphenation and the word-spacing damage pdftotext leaves.

Every decision is made from evidence, never from a fixed word list: first what the
report itself writes (its own house style wins), then English frequencies.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress, filterfalse, product
from operator import itemgetter

from .citations import close_up_symbols
from .lexicon import LETTER, Lexicon, english_frequency, english_known, english_words, zipf
from .textedits import apply_edits, find_all

LINE_END_HYPHENS = "-¬"  # "¬" is how the OCR of seed 003 renders a line-end hyphen
# "troop- and police-contributing": a hyphen before these is a suspended compound.
SUSPENSION_WORDS = frozenset({"and", "or", "and/or", "nor", "to"})
# pdftotext splits "Commander-in-Chief" as "Commander in-Chief" and "Port-au-Prince" as
# "Port au-Prince": the short linking words of such capitalised names.
NAME_PARTICLES = ("in", "au", "aux", "de", "des", "du", "en", "la", "le", "sur")

_TRAIL_PUNCT = ".,;:)]}!?’”\"'"
_LEAD_PUNCT = "([{‘“\"'"
_EDGE_PUNCT = _LEAD_PUNCT + _TRAIL_PUNCT


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
    if not (lexicon.known(last) and lexicon.known(word)) or _maybe_ending(word, lexicon):
        # "organi" + "zations", "prior" + "itized": a fragment, so a word broken at the line
        # end; joined, it need only be a word of the report or of English at any frequency.
        # "adapt" + "ing": a right half that is an ending (_maybe_ending) is a fragment too.
        return lexicon.known(joined) or zipf(joined) > 0
    if not lexicon.known(joined):
        return False
    # Both halves are words ("stand"+"alone", "some"+"thing"): join only when English uses
    # the closed form more than the two words together. Ties keep the hyphen, which
    # leaves a readable word; a wrong join changes one.
    return zipf(joined) > zipf(f"{last}-{word}")


# Each spacing rule is found by a literal trigger (fast to scan for), then judged on the
# words around it. "re -establishment", "two -year", "Port -au-Prince":
_SPACE_HYPHEN_RE = re.compile(rf" -(?={LETTER})")
# "peace- keeping", "re- establishment": a space after a compound's hyphen. Not before a word
# that leaves the hyphen hanging on purpose ("troop- and police-contributing", "short- to
# medium-term", "two- or three-year"; _SUSPENDED).
_HYPHEN_SPACE_RE = re.compile(rf"-(?<={LETTER}-) (?={LETTER})")  # from its literal "-" (fast)
_SUSPENDED = frozenset({"and", "or", "to", "nor", "as", "than", "versus", "but", "through"})
# "Commander in-Chief", "Port au-Prince": the hyphen before a particle went missing.
_PARTICLE_RE = re.compile(rf" ({'|'.join(NAME_PARTICLES)})-(?=[A-Z])")
# "development ." -> "development.": a space before punctuation that ends a clause; not
# an ellipsis ". . .".
_SPACE_PUNCT_RE = re.compile(r" ([.,;:!?])(?=\s|\Z)(?! \.)")
# "the world ’s most": the apostrophe of a possessive drifted off its word.
_SPACE_APOSTROPHE_RE = re.compile(r" ([’'])(?=s\b)")
# "the Mission’ s mandate", "the Council ’ s work": its "s" drifted off the apostrophe. The "s"
# is a chunk of its own (maybe before , ; : or a closing bracket), never clean (LONE_LETTERS),
# so the odd chunks tell which blocks to search.
_APOSTROPHE_SPACE_RE = re.compile(r"(?<=[^\W\d_]) ?([’']) s(?=[,;:)]?(?!\S))")
_S_CHUNKS = frozenset({"s", "s,", "s;", "s:", "s)"})
# Pre-checks. Every particle match contains a hyphen before a capital; every space-punct
# match is a lone mark between whitespace (or at the end), i.e. a whole str.split() chunk.
_HYPHEN_CAPITAL_RE = re.compile(r"-[A-Z]")
_PUNCT_CHUNKS = frozenset(".,;:!?")
# "( MINUSTAH)", "(2000 )", "“ peace”": a bracket or curly quote spaced off what it holds. Its
# chunk, an opening one alone or one led by a closing one ("(2000 ),"), is found by the odd-chunk
# test, as lone punctuation is. Straight quotes open and close alike: left as they are.
_AFTER_CLOSER = ("", ",", ".", ";", ":", ")", "’")
_BRACKET_CHUNKS = frozenset("([“") | frozenset(c + after for c in ")]”" for after in _AFTER_CLOSER)
_LONE_CHUNKS = _PUNCT_CHUNKS | _BRACKET_CHUNKS
_MARK_CHUNKS = _LONE_CHUNKS | _S_CHUNKS  # one test for the three below, in most blocks
_SPACED_BRACKET_RE = re.compile(r"(?<!\S)([(\[“]) (?=\S)|(?<=\S) ([)\]”])(?=[,.;:)’]?(?!\S))")
_WORD_RE = re.compile(rf"{LETTER}+")
_LEFT_WORD_RE = re.compile(rf"({LETTER}+)\Z")
_TAIL_WORD_RE = re.compile(rf"{LETTER}+\Z")
_LEFT_CAP_WORD_RE = re.compile(rf"\b([A-Z]{LETTER}*)[ \t]+\Z")
_RIGHT_COMPOUND_RE = re.compile(rf"({LETTER}+)((?:-{LETTER}+)*)")
_LOOK_BACK = 40  # characters searched back for the word before a trigger


def repair_spaced_words(text: str, lexicon: Lexicon) -> tuple[str, list[tuple[str, str]]]:
    """Repair pdftotext spacing damage; returns the text and the (original, new) pairs.

    "legislati ve" -> "legislative", "force s" -> "forces", "or der" -> "order",
    "re -establishment" -> "re-establishment", "peace- keeping" -> "peacekeeping",
    "Commander in-Chief" -> "Commander-in-Chief", "development ." -> "development.",
    "( MINUSTAH)" -> "(MINUSTAH)", "world ’s" and "world’ s" -> "world’s",
    "S/2015/ 682" -> "S/2015/682".
    """
    chunks = text.split()
    odd, unknown, spaced_hyphen = _odd_chunks(chunks, lexicon)
    edits = _split_word_edits(text, lexicon, chunks, unknown) if unknown else []
    # Each pattern below starts with a space, so re would try it at every space of the
    # block; a cheap necessary condition skips the blocks without a match (most of them).
    # A one-character test goes first where it often fails: str.find runs memchr for one
    # character, while a two-character needle starting with " " stops at every space (the
    # apostrophe test fell from ~0.5 to ~0.15 ms over six reports).
    if "-" in text and " -" in text:
        edits += [_space_hyphen(text, m, lexicon) for m in _SPACE_HYPHEN_RE.finditer(text)]
    if spaced_hyphen:  # the report has a space after a compound's hyphen somewhere (most have none)
        edits += [_hyphen_space(text, m, lexicon) for m in _HYPHEN_SPACE_RE.finditer(text)]
    if _HYPHEN_CAPITAL_RE.search(text):
        edits += [_particle(text, m) for m in _PARTICLE_RE.finditer(text)]
    if not _MARK_CHUNKS.isdisjoint(odd):  # a lone mark, bracket or "s" (few blocks): which one
        if not _PUNCT_CHUNKS.isdisjoint(odd):
            edits += [_close_up(text, m, ")]”’") for m in _SPACE_PUNCT_RE.finditer(text)]
        if not _BRACKET_CHUNKS.isdisjoint(odd):
            edits += [(m.start(), m.end(), m.group(1) or m.group(2)) for m in _SPACED_BRACKET_RE.finditer(text)]
        if not _S_CHUNKS.isdisjoint(odd):
            edits += [(m.start(), m.end(), m.group(1) + "s") for m in _APOSTROPHE_SPACE_RE.finditer(text)]
    if ("’" in text and " ’" in text) or ("'" in text and " '" in text):
        edits += [_close_up(text, m) for m in _SPACE_APOSTROPHE_RE.finditer(text)]
    # "S/2015/ 682", "1325 ( 2000 )" (citations' grammar); "( " is searched for from its "(" (fast),
    # a needle starting with a space stops at every space.
    if "/" in text or "( " in text:
        edits += close_up_symbols(text)
    if not any(edits):  # most blocks
        return text, []
    edits = _non_overlapping(e for e in edits if e)
    return _applied(text, edits)


# A letter-spaced heading, as older reports set theirs ("I N T R O D U C T I O N", "R E P O R T
# O F  T H E …"): at least this many single letters a space apart, closed up into the words of
# English or of the report they spell most likely (_likeliest_words), or left as they are.
LETTER_SPACED_MIN = 4
# Letters a space apart (or a hyphen, spaced or not: "S E C R E T A R Y - G E N E R A L").
_LETTER_RUN_RE = re.compile(rf"(?<!\S){LETTER}(?:(?:\s{{1,3}}|\s?-\s?){LETTER}){{{LETTER_SPACED_MIN - 1},}}(?!\S)")
# A word the report uses that English does not know ("MINUJUSTH") counts as this frequent.
_REPORT_WORD_ZIPF = 3.0
# How frequent a word must be to be read in such a run: a two-letter one as a function word
# ("of", "to", "in": Zipf 6.5-7.7; not "ab" or "cd" of "A B C D", a table's columns).
_SHORT_WORD_MIN_ZIPF = 6.0
_WORD_MIN_ZIPF = 2.5
_LONGEST_WORD = 24


def close_up_letter_spacing(text: str, lexicon: Lexicon) -> tuple[str, list[tuple[str, str]]]:
    """A heading's letter-spaced words closed up: "O b s e r v a t i o n s" -> "Observations";
    the text and the (original, new) pairs. Headings only: they are few, and a run of single
    letters in prose is a formula or a table's columns, not typography."""
    if list(map(len, text.split())).count(1) < LETTER_SPACED_MIN:  # most headings: no pattern run, all in C
        return text, []
    edits = []
    for m in _LETTER_RUN_RE.finditer(text):
        parts = [_likeliest_words("".join(part.split()), lexicon) for part in m.group().split("-")]
        if all(parts):  # each part between hyphens spells words: "SECRETARY-GENERAL", "START-UP"
            edits.append((m.start(), m.end(), "-".join(" ".join(words) for words in parts)))
    if not edits:
        return text, []
    return _applied(text, edits)


def _likeliest_words(letters: str, lexicon: Lexicon) -> list[str] | None:
    """letters cut into the words they most likely spell: each a word of English or of the
    report (of two letters or more, or "a"/"I"), the cut with the highest product of their
    frequencies (a sum of Zipf values less 9 each: "OFTHE" is "OF THE", "INTRODUCTION" one
    word); None when no such cut exists ("A B C D", a table's columns)."""
    english = english_words()

    def score(w: str) -> float | None:
        if len(w) == 1:
            return zipf(w) - 9 if w in "aAI" else None
        if w.lower() in english:
            frequency = zipf(w)
            return frequency - 9 if frequency >= (_SHORT_WORD_MIN_ZIPF if len(w) == 2 else _WORD_MIN_ZIPF) else None
        return _REPORT_WORD_ZIPF - 9 if len(w) > 2 and lexicon.known(w) else None

    best: list[tuple[float, list[str]] | None] = [(0.0, [])] + [None] * len(letters)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - _LONGEST_WORD), end):
            if best[start] is None or (s := score(letters[start:end])) is None:
                continue
            total = best[start][0] + s
            if best[end] is None or total > best[end][0]:
                best[end] = (total, [*best[start][1], letters[start:end]])
    return best[-1][1] if best[-1] else None


def _applied(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, list[tuple[str, str]]]:
    """The text with the edits (sorted, not overlapping) made, and the (original, new) pairs."""
    return apply_edits(text, edits), [(text[a:b], new) for a, b, new in edits]


def _non_overlapping(edits) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for e in sorted(edits):
        if not out or e[0] >= out[-1][1]:
            out.append(e)
    return out


def _close_up(text: str, m: re.Match[str], closers: str = "") -> tuple[int, int, str] | None:
    """Remove the space before m.group(1) when a word (or a closing bracket) comes before."""
    if m.start() and text[m.start() - 1] in closers:  # "(see para. 11 above) ."
        return m.start() - 1, m.end(), text[m.start() - 1] + m.group(1)
    left = _LEFT_WORD_RE.search(text, max(0, m.start() - _LOOK_BACK), m.start())
    return (left.start(), m.end(), left.group(1) + m.group(1)) if left else None


def _split_word_edits(
    text: str, lexicon: Lexicon, chunks: list[str], unknown: set[str]
) -> list[tuple[int, int, str]]:
    """Join split words: "legislati ve" -> "legislative".

    Only pairs of adjacent chunks (text.split()) with an unknown half are judged; unknown
    is the set of the block's chunks with an unknown edge word. Pairs repeat across a
    report's blocks, so their verdicts are memoised on the lexicon. The few joins found
    are then located in the text with str.find, so no regex is compiled per pair.
    """
    if not unknown:
        return []
    pairs = set()
    # The unknown chunks' positions, with one C-level pass over the block's chunks.
    for i in compress(range(len(chunks)), map(unknown.__contains__, chunks)):
        if i:
            pairs.add((chunks[i - 1], chunks[i]))
        if i + 1 < len(chunks):
            pairs.add((chunks[i], chunks[i + 1]))
    splits = {s for s in map(_pair_split(lexicon), pairs) if s}
    edits = []
    for left, right in splits:
        pair = f"{left} {right}"
        for i in find_all(text, pair):
            end = i + len(pair)
            if (not i or not text[i - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            ) and (end - i > 3 or not _in_letter_run(text, i, end)):
                edits.append((i, end, left + right))
    return _likelier_of_shared(text, edits, lexicon) if len(edits) > 1 else edits


def _likelier_of_shared(text: str, edits: list[tuple[int, int, str]], lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Of two joins that share a letter, the better (_better_join); the others as they are."""
    out: list[tuple[int, int, str]] = []
    for e in sorted(edits):
        if out and e[0] < out[-1][1]:
            if _better_join(text, out[-1], e, lexicon):
                out[-1] = e
        else:
            out.append(e)
    return out


def _better_join(text: str, first: tuple[int, int, str], second: tuple[int, int, str], lexicon: Lexicon) -> bool:
    """The second of two joins that share a letter is the better: what it leaves of the first
    is a word and what the first would leave of it is none ("a s erious" is "a serious", "o f
    our" is "of our"); where both or neither leave a word, it makes the likelier word
    (Lexicon.score: "for e xample" is "for example", not "fore xample")."""
    kept_by_second = _is_word(text[first[0] : second[0]].strip(), lexicon)
    kept_by_first = _is_word(text[first[1] : second[1]].strip(), lexicon)
    if kept_by_second != kept_by_first:
        return kept_by_second
    return lexicon.score(second[2]) > lexicon.score(first[2])


def _is_word(chunk: str, lexicon: Lexicon) -> bool:
    return chunk in ("a", "A", "I") if len(chunk) == 1 else lexicon.known(chunk)


def _chunk_verdicts(lexicon: Lexicon) -> tuple[set[str], set[str], bool]:
    """The report's (clean, unknown) chunk sets, and whether its text has a space after a
    compound's hyphen anywhere (_spaced_hyphen_in): each distinct chunk is judged once a
    report. Plain known words start out clean, so most of a block's chunks drop out in
    the first pass. Lone punctuation, spaced brackets' chunks and lone letters never count
    as clean (repair_spaced_words looks for them among the odd chunks). Judging the report's
    whole text up front is slower: it has many chunks no block asks about. Short words the
    report hardly uses may be endings split off a word (_maybe_ending): they start out
    unjudged."""
    return lexicon.memo(
        "split-word-chunks",
        lambda: (
            set(lexicon.plain_known) - _LONE_CHUNKS - LONE_LETTERS - _rare_short(lexicon),
            set(),
            _spaced_hyphen_in(lexicon.text),
        ),
    )


def _spaced_hyphen_in(text: str) -> bool:
    """A space after a compound's hyphen somewhere in the report ("peace- keeping"), not before a
    word that leaves it hanging ("troop- and"): most reports have none, so their blocks are not
    searched (a search of each block cost 0.4 % of a pass)."""
    return any(not _hangs(text, m.end()) for m in _HYPHEN_SPACE_RE.finditer(text))


def _hangs(text: str, at: int) -> bool:
    """The word at `at`, after a hyphen and a space, leaves the hyphen hanging on purpose
    ("troop- and police-contributing": _SUSPENDED)."""
    right = _RIGHT_COMPOUND_RE.match(text, at)
    return right is not None and right.group(1).lower() in _SUSPENDED


def _rare_short(lexicon: Lexicon) -> set[str]:
    """The report's plain known words that _rare_half holds for: the short English words it
    uses (one C intersection), and then only those asked."""
    return {w for w in _short_words() & lexicon.plain_known if _rare_half(w, lexicon)}


def _rare_half(word: str, lexicon: Lexicon) -> bool:
    """A short word the report hardly writes alone: maybe half of a split word, an ending
    ("request ed", _maybe_ending) or not ("po lice", "pri or", "deli very")."""
    return word in _short_words() and lexicon.doc_count(word) <= ENDING_MAX_USES


@lru_cache(maxsize=1)
def _short_words() -> frozenset[str]:
    """English words of two to four letters rarer than SHORT_HALF_MAX_ZIPF, and the endings
    (_short_english)."""
    ceiling = 10 ** (SHORT_HALF_MAX_ZIPF - 9)
    return _short_english() | frozenset(
        w for w in english_words() if 2 <= len(w) <= ENDING_MAX_LETTERS and english_frequency(w) < ceiling
    )


# A short word of English rarer than this, which the report hardly writes alone, may be half of
# a split word ("po lice", "deli very"): the pairs around it are asked about. Common ones ("oil",
# "war") are left out, as the pairs around every rare use of them cost +4 % of a pass.
SHORT_HALF_MAX_ZIPF = 4.0


@lru_cache(maxsize=1)
def _short_english() -> frozenset[str]:
    """English words that can be endings (see _maybe_ending): short, under ENDING_MAX_ZIPF, and
    the ending of at least ENDING_MIN_WORDS longer English words ("ed" of 2,238, "al" of 617;
    "tax" of 1, "aid" of 14). Counted by C-level maps (~8 ms, once a process); each short
    word's own count includes itself, hence the 1 more."""
    words = english_words()
    ends: Counter[str] = Counter()
    for k in range(1, ENDING_MAX_LETTERS + 1):
        ends.update(map(itemgetter(slice(-k, None)), words))
    ceiling, long_ceiling = 10 ** (ENDING_MAX_ZIPF - 9), 10 ** (LONG_ENDING_MAX_ZIPF - 9)
    return frozenset(
        w for w in words
        if len(w) <= ENDING_MAX_LETTERS and ends[w] > ENDING_MIN_WORDS
        and english_frequency(w) < (long_ceiling if len(w) == ENDING_MAX_LETTERS else ceiling)
    )


# "request ed", "nation al", "invest ment": pdftotext splits a word before an ending that
# English also knows as a token (and a typesetter breaks "adapt-ing" at a line end). A
# lower-case word of up to four letters that ends many English words, and that the report
# uses at most twice (the split-off ending, and one more), may be such an ending, unless
# English uses it as much as its particles ("make up", "carry out": "up" 6.4, "al" 5.2); a
# four-letter one must be rarer still, as a word of its own is ("ment" 3.1, "ness" 3.6, "ions"
# 3.5 are endings; "ties" 4.4, "ring" 4.8, "rate" 5.1 are words: "special ties" stays).
ENDING_MAX_LETTERS = 4
ENDING_MAX_USES = 2
ENDING_MAX_ZIPF = 5.2
LONG_ENDING_MAX_ZIPF = 4.2
ENDING_MIN_WORDS = 40


def _maybe_ending(word: str, lexicon: Lexicon) -> bool:
    return word in _short_english() and lexicon.doc_count(word) <= ENDING_MAX_USES


def _judge(new: set[str], lexicon: Lexicon, clean: set[str], unknown: set[str]) -> None:
    """Sort new chunks into clean and unknown (see _has_unknown_edge). Those clean in every
    report are taken from _CLEAN_EVERYWHERE in one C step; only the rest are judged one by
    one, and those found clean in every report are remembered there. Lone punctuation (and a
    spaced bracket's chunk) is neither clean nor unknown. A plain loop: a bulk map/compress pre-pass measured slower."""
    everywhere = new & _CLEAN_EVERYWHERE
    if everywhere:
        clean |= everywhere
        new -= everywhere
    english, short = english_words(), _short_words()
    for chunk in new:
        core = chunk.strip(_EDGE_PUNCT)
        if core.isalpha():  # the usual case: one word, no regex call, no generator
            if core in LONE_LETTERS and _may_be_split_off(chunk, core):  # "force s": never clean
                unknown.add(chunk)
            elif core in short:  # maybe half of a split word: this report's counts decide
                (unknown if _rare_half(core, lexicon) else clean).add(chunk)
            elif core.isascii() and core.lower() in english:
                _clean_everywhere(chunk, clean)
            elif lexicon.known(core):
                clean.add(chunk)
            else:
                unknown.add(chunk)
        elif chunk not in _LONE_CHUNKS:
            words = _WORD_RE.findall(chunk)
            edges = {words[0], words[-1]} if words else ()
            if all(w.isascii() and w.lower() in english for w in edges):
                _clean_everywhere(chunk, clean)
            elif all(map(lexicon.known, edges)):
                clean.add(chunk)
            else:
                unknown.add(chunk)


def _clean_everywhere(chunk: str, clean: set[str]) -> None:
    clean.add(chunk)
    if len(_CLEAN_EVERYWHERE) < _CLEAN_EVERYWHERE_MAX:
        _CLEAN_EVERYWHERE.add(chunk)


# Chunks clean whatever the report: their edge words are ASCII words of English (known()
# is True for those in every report), or they have none ("2015,"). A process-wide memo of
# that pure fact, so a report judges one by one only the chunks that depend on its own
# words (88 % of the chunks the reports of a synthetic corpus judge are clean everywhere).
# Capped, so a huge corpus cannot grow it without bound (~100 bytes an entry); past the
# cap, chunks are judged per report as before.
_CLEAN_EVERYWHERE: set[str] = set()
_CLEAN_EVERYWHERE_MAX = 200_000


def _odd_chunks(chunks: list[str], lexicon: Lexicon) -> tuple[set[str], set[str], bool]:
    """The block's odd chunks, those not judged clean (unknown ones, new ones and lone
    punctuation), the unknown ones among them (see _has_unknown_edge), and the report's
    spaced-hyphen flag (_chunk_verdicts: fetched here with the sets, as each fetch costs).

    The odd ones are a handful, found in one C pass (no set of the whole block is built);
    only the new ones among them are judged. The verdict sets are fetched once and the odd
    set needs no second difference with the clean one (nothing joins it in between): one
    memo lookup and one set difference less per block (spacing ~14.2 -> ~13.6 ms)."""
    clean, unknown, spaced_hyphen = _chunk_verdicts(lexicon)
    odd = set(filterfalse(clean.__contains__, chunks))
    if not odd:
        return odd, odd, spaced_hyphen
    new = odd - unknown
    if new:
        _judge(new, lexicon, clean, unknown)
    return odd, odd & unknown, spaced_hyphen


def _pair_split(lexicon: Lexicon):
    """A memoised judge of (chunk, next chunk): the (left, right) halves of a split word, or None."""
    memo: dict[tuple[str, str], tuple[str, str] | None] = lexicon.memo("split-word-pairs", dict)

    def judge(pair: tuple[str, str]) -> tuple[str, str] | None:
        if pair not in memo:
            left, right = _tail_word(pair[0]), _head_word(pair[1])
            ok = left and right and (
                _is_split(left, right, lexicon)
                or ((left in LONE_LETTERS or right in LONE_LETTERS) and _lone_letter_split(pair, left, right, lexicon))
            )
            memo[pair] = (left, right) if ok else None
        return memo[pair]

    return judge


def _tail_word(chunk: str) -> str | None:
    """The letters that end the chunk (_TAIL_WORD_RE). Most chunks are plain ASCII words,
    all LETTERs: no regex (its search tries every start; pairs ~3.5 -> ~3 ms)."""
    if chunk.isascii() and chunk.isalpha():
        return chunk
    m = _TAIL_WORD_RE.search(chunk)
    return m.group(0) if m else None


def _head_word(chunk: str) -> str | None:
    """The letters that start the chunk (_WORD_RE.match), the same way."""
    if chunk.isascii() and chunk.isalpha():
        return chunk
    m = _WORD_RE.match(chunk)
    return m.group(0) if m else None


def _has_unknown_edge(chunk: str, lexicon: Lexicon) -> bool:
    """The chunk's first or last word is unknown: it may be half of a split word. The
    definition _judge implements with its memo (tests/test_convert_speedups.py compares)."""
    core = chunk.strip(_EDGE_PUNCT)
    if core.isalpha():  # the usual case, without a regex call
        if core in LONE_LETTERS and _may_be_split_off(chunk, core):
            return True
        return not lexicon.known(core) or _rare_half(core, lexicon)
    words = _WORD_RE.findall(chunk)
    return bool(words) and not (lexicon.known(words[0]) and lexicon.known(words[-1]))


# A letter alone is no word of running text ("force s", "Unite d", "t heir", "P resident"); "a",
# "A" and "I" are words, and "i" numbers a list.
LONE_LETTERS = frozenset("bcdefghjklmnopqrstuvwxyzBCDEFGHJKLMNOPQRSTUVWXYZ")
_AFTER_LONE_LETTER = ",;:)]’”"  # not ".": "p. 5", "e.g." abbreviate


def _may_be_split_off(chunk: str, letter: str) -> bool:
    """The chunk is the letter as _lone_letter_split takes it, on one side or the other: not a
    list's letter in brackets ("(b)", in most blocks), nor one before a full stop ("p."), but an
    ending's ("partner s.")."""
    return _letter_then_marks(chunk, letter) or chunk.lstrip(_LEAD_PUNCT) == letter


def _letter_then_marks(chunk: str, letter: str) -> bool:
    """The chunk is the letter and what may follow it: a comma or closing bracket, also a full
    stop after an ending's letter ("partner s.")."""
    return chunk.rstrip(_AFTER_ENDING_LETTER if letter in _ENDING_LETTERS else _AFTER_LONE_LETTER) == letter


def _lone_letter_split(pair: tuple[str, str], left: str, right: str, lexicon: Lexicon) -> bool:
    """A letter alone split off a word the report writes elsewhere (or, the other half no word, one
    of English): the chunk is the letter itself (a bracket or quote before it on the left, a comma
    or closing bracket after it on the right, a full stop only after an ending's letter), the
    other half has two letters or more and the word goes on (_goes_on: "U NAMID" too; "Total b",
    a table's note mark, makes no word and stays). The caller has found one half in
    LONE_LETTERS (a set lookup: most pairs are two words)."""
    if not _goes_on(left, right) or len(left) > 1 < len(right):
        return False
    if len(left) == len(right) == 1:
        return _split_letter_pair(pair, left, right, lexicon)
    if len(right) == 1:
        if not _letter_then_marks(pair[1], right):
            return False
        if right in _ENDING_LETTERS and len(left) > 2 and left.islower() and english_known(left + right):
            return True  # "intend s", "compromise d", "partner s.": an ending's letter
    elif pair[0].lstrip(_LEAD_PUNCT) != left:
        return False
    # The report writes the word elsewhere ("In f", "of c" stay), or the other half is no word and
    # the whole one of English at any frequency, as for a word broken at a line end ("c larifications").
    other = right if len(left) == 1 else left
    return lexicon.doc_count(left + right) > 0 or (not lexicon.known(other) and zipf(left + right) > 0)


# The letters of an ending ("partner s", "compromise d"), which may stand before a full stop
# (no abbreviation ends a word in them after a word of three letters or more).
_ENDING_LETTERS = frozenset("sd")
_AFTER_ENDING_LETTER = _AFTER_LONE_LETTER + "."


# A word of two letters split into them ("a t the", "I t is") is a function word: English writes it
# this often or more ("at" 6.7, "it" 7.0, "on" 6.9, "am" 5.8; not "mr" 5.7, "de" 5.2, "pm" 4.5).
LETTER_PAIR_MIN_ZIPF = 5.7


def _split_letter_pair(pair: tuple[str, str], left: str, right: str, lexicon: Lexicon) -> bool:
    """Two letters that spell a function word the report writes elsewhere, the second in lower
    case and a letter alone as the chunk (a comma or closing bracket after it); capitals stay
    ("O N": a heading's letter spacing, close_up_letter_spacing reads it). A run of letters
    ("x y z") is told apart where the pair is found in the text (_in_letter_run)."""
    joined = left + right
    return (
        right.islower()
        and pair[0].lstrip(_LEAD_PUNCT) == left
        and pair[1].rstrip(_AFTER_LONE_LETTER) == right
        and zipf(joined) >= LETTER_PAIR_MIN_ZIPF
        and lexicon.doc_count(joined) > 0
    )


def _in_letter_run(text: str, start: int, end: int) -> bool:
    """A letter alone that is no word (LONE_LETTERS: not "a", "A" or "I") stands right before
    text[start:end] or right after it ("x y z", "a t b"): the pair is part of a run of letters,
    not a word split into its two ("o f a mandate" is one)."""
    before = _LETTER_BEFORE_RE.search(text, max(0, start - 4), start)
    after = _LETTER_AFTER_RE.match(text, end)
    return any(m is not None and m.group(1) in LONE_LETTERS for m in (before, after))


# A letter alone (maybe with a comma) and the space before a pair; the space and a letter alone after one.
_LETTER_BEFORE_RE = re.compile(rf"(?<!\S)({LETTER})[,;]?\s+\Z")
_LETTER_AFTER_RE = re.compile(rf"\s+({LETTER})(?![^\s,;])")


def _goes_on(left: str, right: str) -> bool:
    """The right half goes on the left's word: in lower case, or in capitals after capitals
    ("NATIO NS", "MIN USTAH"); a capital after lower case starts a new word or name."""
    return right.islower() or (right.isupper() and left.isupper())


def _is_split(left: str, right: str, lexicon: Lexicon) -> bool:
    """The joined form is a known word, the right half goes on the left's word (_goes_on),
    and the halves are not both words ("in formation", "a part"). A joined form too rare to
    be known counts when the report writes it elsewhere and a half is no word at all:
    "mod ernizing" in S/2018/241, which has "modernizing" (Zipf 2.8) once more."""
    if not _goes_on(left, right):
        return False
    joined = left + right
    if not lexicon.known(joined):
        # "disbur sement": neither half a word the report or English vouches for; "airlif ting":
        # the left half no word at all, nor used elsewhere in the report. The whole need only be
        # a word of English at any frequency (as for a word broken at a line end). A known left
        # half is never such (known with Zipf 0 means used twice or more): most pairs stop here.
        if not lexicon.known(left) and (not lexicon.known(right) or (zipf(left) == 0 and lexicon.doc_count(left) <= 1)):
            return zipf(joined) > 0
        return bool(lexicon.doc_count(joined)) and (zipf(left) == 0 or zipf(right) == 0)
    # "request ed": an ending split off a word of four letters or more ("a go" stays).
    if not (lexicon.known(left) and lexicon.known(right)) or (len(left) > 3 and _maybe_ending(right, lexicon)):
        return True
    return _far_likelier_joined(left, right, joined, lexicon)


# Two words are one word split when English writes the whole this much more often than the two
# words would meet at random (Zipf of the whole less those of the halves, plus 9: "sin ce" 6.5,
# "or der" 3.8; phrases of real words score 3.0 and less: "cease fire" 3.0, "data
# base" 2.9, "a void" 2.5; "per cent" 3.9 is kept apart by the report, which never writes
# "percent"), and the report writes the whole at least JOINED_MIN_USES times. Only pairs with a
# half the spacing rule looks at (an unknown word, or an ending the report hardly writes alone:
# "der", "ce") are asked; "st ill", two common words, is not.
SPLIT_GAIN_MIN = 3.5
JOINED_MIN_USES = 2


def _far_likelier_joined(left: str, right: str, joined: str, lexicon: Lexicon) -> bool:
    """See SPLIT_GAIN_MIN; halves of two letters and more (a letter alone: _lone_letter_split).
    The report must also write the whole more often than the two words: one that writes
    "percent" twice and "per cent" seventeen times keeps them (a search of its text, for the
    few pairs that get this far)."""
    uses = lexicon.doc_count(joined)
    if len(left) < 2 or len(right) < 2 or uses < JOINED_MIN_USES:
        return False
    if zipf(joined) + 9 - zipf(left) - zipf(right) < SPLIT_GAIN_MIN:
        return False
    apart = re.compile(rf"(?<!\w){re.escape(left)}\s+{re.escape(right)}(?!\w)", re.IGNORECASE)
    return uses > len(apart.findall(lexicon.text))


def _hyphen_space(text: str, m: re.Match[str], lexicon: Lexicon) -> tuple[int, int, str] | None:
    """ "peace- keeping": closed up as the report writes the word, closed or hyphenated (the
    closed form where it writes that more often), or hyphenated when both halves are words."""
    left = _LEFT_WORD_RE.search(text, max(0, m.start() - _LOOK_BACK), m.start())
    right = _RIGHT_COMPOUND_RE.match(text, m.end())
    if not left or not right or _hangs(text, m.end()):
        return None
    closed, hyphenated = left.group(1) + right.group(0), f"{left.group(1)}-{right.group(0)}"
    if lexicon.doc_count(closed) > lexicon.doc_count(hyphenated):
        return left.start(), right.end(), closed
    if lexicon.doc_count(hyphenated) or (lexicon.known(left.group(1)) and lexicon.known(right.group(1))):
        return left.start(), right.end(), hyphenated
    return None


def _space_hyphen(text: str, m: re.Match[str], lexicon: Lexicon) -> tuple[int, int, str] | None:
    """ "re -establishment": close up when the report writes the compound, or both halves
    are words."""
    left = _LEFT_WORD_RE.search(text, max(0, m.start() - _LOOK_BACK), m.start())
    right = _RIGHT_COMPOUND_RE.match(text, m.end())
    if not left or not right:
        return None
    compound = f"{left.group(1)}-{right.group(0)}"
    if lexicon.doc_count(compound) or (
        lexicon.known(left.group(1)) and lexicon.known(right.group(1))
    ):
        return left.start(), right.end(), compound
    return None


def _particle(text: str, m: re.Match[str]) -> tuple[int, int, str] | None:
    """ "Commander in-Chief" -> "Commander-in-Chief": a capitalised word must come before."""
    left = _LEFT_CAP_WORD_RE.search(text, max(0, m.start() - _LOOK_BACK), m.start() + 1)
    right = _RIGHT_COMPOUND_RE.match(text, m.end())
    if not left or not right:
        return None
    return left.start(), right.end(), f"{left.group(1)}-{m.group(1)}-{right.group(0)}"


# -- fused compounds ----------------------------------------------------------------------
# pdftotext sometimes joins a line that ended in a compound's hyphen without the hyphen:
# "institutionbuilding", "rule-oflaw", "Port-auPrince". The report itself writes the compound
# elsewhere ("institution-building"); that usage is the only evidence taken.
_FUSED_MEMO = "restore-hyphen"


def restore_fused_hyphens(text: str, lexicon: Lexicon) -> tuple[str, list[tuple[str, str]]]:
    """"institutionbuilding" -> "institution-building", "rule-oflaw" -> "rule-of-law", where
    the report writes the hyphenated compound; returns the text and the (original, new) pairs.

    Which forms to repair is decided once a report (_fused_forms): most reports have none, and
    a block is then passed with one memo lookup. Otherwise the few forms are looked for with
    str's C search and repaired where they stand as whole tokens.
    """
    fixes: dict[str, str] = lexicon.memo(_FUSED_MEMO, lambda: _fused_forms(lexicon))
    if not fixes:  # most reports
        return text, []
    found = [form for form in fixes if form in text]
    if not found:  # most blocks of the others
        return text, []
    edits = [
        (i, i + len(form), fixes[form])
        for form in found
        for i in find_all(text, form)
        if _whole_token(text, i, i + len(form))
    ]
    if not edits:
        return text, []
    edits = _non_overlapping(edits)
    return _applied(text, edits)


def _whole_token(text: str, start: int, end: int) -> bool:
    """text[start:end] is a word of its own: not part of a longer word or compound
    ("quickimpact-funded"), a web address or a file name."""
    before = text[start - 1] if start else " "
    if before.isalnum() or before in "-/@._":
        return False
    after = text[end : end + 2]
    if not after:
        return True
    if after[0].isalnum() or after[0] in "/@_":
        return False
    return not (after[0] in "-." and after[1:2].isalnum())


def _hyphen_points(form: str) -> frozenset[int]:
    """Where the form's hyphens stand, counted in its letters: "rule-of-law" -> {4, 6}."""
    points, letters = set(), 0
    for part in form.split("-")[:-1]:
        letters += len(part)
        points.add(letters)
    return frozenset(points)


def _fused_forms(lexicon: Lexicon) -> dict[str, str]:
    """The report's fused forms to repair, as the text writes them -> the repair
    ("Port-auPrince" -> "Port-au-Prince"). Built once a report from its compounds.

    For each set of compounds with the same letters the target is the best attested known one
    (most uses; then most hyphens). A form with those letters and fewer of its hyphens (none:
    "quickimpact"; some: "rule-oflaw") is repaired when the report writes the compound more
    often, or as often and the form is no word (_attested). Never when the report writes the
    fused form more often: S/2006/592 has "countrywide" twice and "country-wide" once, and
    "multiparty" (English, Zipf 2.4) once beside "multi-party" once; both stay.
    """
    counts = lexicon.counts
    compounds = lexicon.compounds
    if not compounds:
        return {}
    # The compounds' letters, cut out in C: one join, replace and split for all of them.
    letters = "\n".join(compounds).replace("-", "").split("\n")
    # Letters the report also writes fused (a key of counts), or in more than one hyphenation.
    keys = counts.keys() & letters
    if len(set(letters)) < len(letters):
        keys.update(k for k, n in Counter(letters).items() if n > 1)
    if not keys:  # most reports
        return {}
    groups: dict[str, list[str]] = {}
    for key, compound in zip(letters, compounds):
        if key in keys:
            groups.setdefault(key, []).append(compound)
    fused: dict[str, str] = {}
    for key, group in groups.items():
        target = max(group, key=lambda c: (counts[c], c.count("-")))
        if not lexicon.known(target):
            continue
        points = _hyphen_points(target)
        for form in [key, *group] if key in counts else group:
            if form == target or not _hyphen_points(form) < points:
                continue
            if counts[target] > counts[form] or (
                counts[target] == counts[form] and not _attested(form, lexicon)
            ):
                fused[form] = target
    return _as_written(lexicon, fused) if fused else {}


def _attested(form: str, lexicon: Lexicon) -> bool:
    """The form is a word in its own right: the report or English vouches for it (known()),
    or, written without hyphens, English has it at all, however rarely ("multiparty" 2.4,
    "countrywide" 2.7; "counterkidnapping", "quickimpact" and "institutionbuilding" 0)."""
    return lexicon.known(form) or ("-" not in form and zipf(form) > 0)


def _as_written(lexicon: Lexicon, fused: dict[str, str]) -> dict[str, str]:
    """The casings the report gives each lower-case fused form -> the repair in that casing
    (the token's letters, the compound's hyphens). The casings are looked up among the
    report's word forms, each part of the compound in lower case, capitalised or upper case
    ("Port-auPrince", "SWATqualified", "INSTITUTIONBUILDING"): no scan of the text."""
    forms = lexicon.forms.keys()
    out: dict[str, str] = {}
    for form, target in fused.items():
        for written in sorted(forms & set(part_casings(form, target))):
            letters = iter(written.replace("-", ""))
            out[written] = "".join("-" if c == "-" else next(letters) for c in target)
    return out


_MAX_CASED_PARTS = 5  # 3**5 casings to look up; longer compounds: the whole form lower, capitalised, upper


def part_casings(form: str, target: str) -> Iterable[str]:
    """The form with each part of the target in lower case, capitalised or upper case:
    "port-auprince" -> "port-auprince", "Port-auPrince", "PORT-AUPRINCE", ... (27)."""
    points = sorted(_hyphen_points(target))
    if len(points) >= _MAX_CASED_PARTS:
        return (form, form.capitalize(), form.upper())
    own = _hyphen_points(form)
    letters = form.replace("-", "")
    options = []
    for a, b in zip([0, *points], [*points, len(letters)]):
        glue, word = ("-" if a in own else ""), letters[a:b]  # its hyphen, or none where it was lost
        options.append({glue + word, glue + word.capitalize(), glue + word.upper()})
    return map("".join, product(*options))
