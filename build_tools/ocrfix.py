"""Repair character confusions OCR makes, only where the evidence is strong.

A token is changed only when it is unknown (neither the report nor English vouches for
it) and the repaired form is a known word that the report and English clearly prefer.
Symbols are never repaired here: "$/1995/342" is reported as suspect, not fixed.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .dehyphenate import part_casings
from .lexicon import (
    DOC_KNOWN_MIN,
    LETTER,
    WORD_RE,
    Lexicon,
    english_frequency,
    english_known,
    english_words,
    zipf,
)
from .textedits import JoinedTexts, apply_edits, find_all, non_ascii_characters


@dataclass(frozen=True)
class Fix:
    """One repair; start/end are offsets of `original` in the text that was given."""

    start: int
    end: int
    original: str
    replacement: str
    rule: str


# Confusions seen in the seeds, as (rule, what OCR read, what was printed). One rule is
# applied per candidate: stacking them invents words.
CONFUSIONS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("ocr-confusion:Fl>H", re.compile(r"^Fl(?=[a-z])"), "H"),  # Fleadquarters, Flowever
    ("ocr-confusion:El>H", re.compile(r"^El(?=[a-z])"), "H"),  # Eleadquarters
    ("ocr-confusion:rn>m", re.compile(r"rn"), "m"),  # rnission
    ("ocr-confusion:cl>d", re.compile(r"cl"), "d"),  # clevelopment
    ("ocr-confusion:0>o", re.compile(rf"(?<={LETTER})0(?={LETTER})"), "o"),  # inf0rmation
    ("ocr-confusion:1>l", re.compile(rf"(?<={LETTER})1|1(?={LETTER})"), "l"),  # Genera1
    ("ocr-confusion:I>l", re.compile(r"(?<=[a-z])I"), "l"),  # CounciI, poIice: one glyph in sans-serif type
)
# The repaired word must beat the damaged one by this much on Lexicon.score (Zipf plus
# log10 of report uses): 1.5 is over thirty times more frequent, so "Elan" does not
# become "Han", while "Fleadquarters" (0.3) becomes "Headquarters" (5+).
STRONG_MARGIN = 1.5
# Where a confusion can be: "Fl"/"El" (word start is checked after), "rn", "cl", or a 0/1
# against a letter. A trigger scan like this runs far faster than tokenising the text.
# The scan itself (_trigger_tokens) looks for each alternative alone, as a literal (a
# one-literal search skips ahead in C faster than this class-first pattern's scan); this
# pattern is its specification (tests/test_convert_speedups.py).
_TRIGGER_RE = re.compile(
    r"[FErc01I](?:(?<=[FE])l|(?<=r)n|(?<=c)l|(?<=[A-Za-z][01])|(?<=[01])(?=[A-Za-z])|(?<=[a-z]I))"
)
# _TRIGGER_RE's letter-pair alternatives (the 0/1 ones are checked by hand).
_TRIGGER_PAIRS = ("rn", "cl", "Fl", "El")
# Each pair as a pattern: re searches a two-letter literal faster than str.find, whose
# two-character search stops at every "n" or "l" (0.3-0.4 -> 0.15-0.3 ms per pair over
# six reports).
_TRIGGER_PAIR_RES = tuple((pair, re.compile(pair)) for pair in _TRIGGER_PAIRS)
_TOKEN_END_RE = re.compile("[A-Za-z0-9À-ÖØ-öø-ɏ]*")  # the rest of a token from a trigger


def fix_confusions(text: str, lexicon: Lexicon) -> tuple[str, list[Fix]]:
    """Repair confused letters in unknown words (and in a word damaged into another inside a
    phrase the report repeats), and "1" read for the pronoun "I"."""
    # The report's damage, found once a report (none in most): see _report_damage.
    words, numbers, phrases, lower_i = lexicon.memo("report-confusions", lambda: _report_damage(lexicon))
    repairs = _word_confusions(text, *words) if words else {}
    if numbers:
        pattern, table = numbers
        repairs.update((token, table[token]) for token in set(pattern.findall(text)))
    english = english_words()
    for token in _trigger_tokens(text, lower_i):
        if token in english:  # most tokens: a lower-case word of English, known whatever the report
            continue
        if not lexicon.known(token):
            found = _repair_token(token, lexicon)
        elif token.isalpha() and token.lower() in english:  # a capitalised word of English
            continue
        else:
            found = _repeated_damage(token, lexicon)
        if found and (token not in repairs or lexicon.score(found[0]) > lexicon.score(repairs[token][0])):
            repairs[token] = found  # of two families' repairs, the likelier ("Marcli": "March", not "Mardi")
    # Fixes of a token in some places only (by its context): the pronoun, damaged phrases. One C
    # search rules out the pronoun in most blocks (635 of 672): no finditer loop to run.
    placed = _pronoun_fixes(text, lexicon) if _ONE_RE.search(text) else []
    if phrases:  # a damaged word another rule repairs anyway is left to it
        placed += [f for f in _phrase_fixes(text, *phrases) if f.original not in repairs]
    if not repairs and not placed:  # almost every block: nothing to place or apply
        return text, []
    fixes = []
    for token, (new, rule) in repairs.items():
        for m in re.finditer(rf"(?<![\w/$]){re.escape(token)}(?![\w/])", text):
            fixes.append(Fix(m.start(), m.end(), token, new, rule))
    fixes += placed
    fixes.sort(key=lambda f: f.start)
    return apply_edits(text, [(f.start, f.end, f.replacement) for f in fixes]), fixes


def _report_damage(lexicon: Lexicon) -> tuple:
    """What fix_confusions looks for in a report's blocks, found once a report: other engines'
    damaged words, numbers with letters read for digits, damaged phrases (each () for none),
    and whether a capital I follows a lower-case letter anywhere ("CounciI": most reports have
    none, so their blocks are not searched for one)."""
    lower_i = _LOWER_I_TRIGGER_RE.search(lexicon.text) is not None
    return _report_confusions(lexicon), _report_numbers(lexicon), _report_phrases(lexicon), lower_i


# An "i" read for an "l" ("nationai", "aiso"), and an "l" for an "i" ("Natlons", "operatlons"):
# one thin stroke for another. Their damaged forms are also the halves of words spaced apart
# ("poli ce" in S/2018/241 reads as "poll" damaged): alone they tell a report shows other
# engines' damage only when THIN_MIN_TELLS different ones are in it.
I_FOR_L = "ocr-confusion:i>l"
L_FOR_I = "ocr-confusion:l>i"
THIN_CONFUSIONS = frozenset((I_FOR_L, L_FOR_I))
THIN_MIN_TELLS = 3

# Confusions of other OCR engines and typefaces, in older scanned documents ("tlie", "Nalions",
# "Mcmber", "infonnation", "Govemment"), as (rule, what OCR read, what was printed). Not an e
# read for a c: French words end in "-ie" where English ones end in "-ic" ("democratie").
WORD_CONFUSIONS: tuple[tuple[str, str, str], ...] = (
    ("ocr-confusion:li>h", "li", "h"),
    ("ocr-confusion:l>t", "l", "t"),
    ("ocr-confusion:c>e", "c", "e"),
    ("ocr-confusion:u>n", "u", "n"),
    ("ocr-confusion:n>u", "n", "u"),
    ("ocr-confusion:nn>rm", "nn", "rm"),
    ("ocr-confusion:m>rn", "m", "rn"),
    ("ocr-confusion:vv>w", "vv", "w"),
    ("ocr-confusion:b>h", "b", "h"),
    ("ocr-confusion:n>ri", "n", "ri"),
    ("ocr-confusion:h>li", "h", "li"),
    ("ocr-confusion:m>in", "m", "in"),
    (I_FOR_L, "i", "l"),
    (L_FOR_I, "l", "i"),
)
# A capital I read as a lower-case l at a word's start ("lraq", "lnternational"): the repair
# is capitalised.
START_CONFUSION = "ocr-confusion:l>I"
# A lower-case l read as a capital I at a word's start ("Iocal", "Iegal": sans-serif faces print
# them alike): the repair is in lower case.
START_L_CONFUSION = "ocr-confusion:I>l"
WORD_CONFUSION_MIN_CHARS = 4  # shorter damaged words ("aud", "bas") are English's too: see _short_damage
SHORT_CONFUSION_CHARS = 3
# A damaged word of three letters ("tbe") needs its repair this often in the report, and
# REPEATED_DAMAGE_RATIO times as often as itself ("ICC" is never "ice").
SHORT_REPAIR_MIN_USES = 20
DAMAGED_MAX_ZIPF = 2.0  # OCR'd web text gave "tlie" 1.65, "lraq" 1.46; "arid" (3.4) is a word
DAMAGED_MAX_FREQUENCY = 10 ** (DAMAGED_MAX_ZIPF - 9)
# The words whose damaged forms tell a report has this damage (see _shows_word_damage): Zipf 4
# and up, ~7,000 words of English, ~20,000 damaged forms.
DAMAGE_TELL_MIN_ZIPF = 4.0


def _word_confusions(
    text: str, pattern: re.Pattern[str], table: dict[str, tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    """The block's tokens that the report's word confusions repair: _report_confusions found
    them (the pattern) and their repairs (the table)."""
    repairs = {}
    for token in set(pattern.findall(text)):
        # The pattern ignores case as re does, so it also finds "TLİE" and "tlıe", which lower()
        # does not make a key: those are left.
        found = table.get(token.lower())
        repair = _cased(token, *found) if found else None
        if repair is not None:
            repairs[token] = repair
    return repairs


def _report_confusions(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]] | tuple[()]:
    """(a pattern finding the damaged words, lower-cased damaged word -> (repair, rule)) for the
    report's words that wordfreq has seldom if ever seen and that one WORD_CONFUSIONS (or
    START_CONFUSION) repair makes a word the report and English clearly prefer, as
    _repair_token judges (a form the report uses often needs its repair REPEATED_DAMAGE_RATIO
    times as often); () for none, and for a report that shows no such damage (most)."""
    if not _shows_word_damage(lexicon):
        return ()
    counts, english = lexicon.counts, english_words()
    table = {}
    # The report's words English does not know (~200 a report): those wordfreq has seen seldom if
    # ever; three-letter ones ("tbe", Zipf 2.6 from OCR'd web text) however seldom; and the rest
    # (Zipf 2-3: "thal", "dala") only as damage of a far more common word (_seen_damage).
    for word in sorted(set(counts).difference(english)):
        if len(word) < SHORT_CONFUSION_CHARS or not word.isalpha():
            continue
        seen = len(word) > SHORT_CONFUSION_CHARS and english_frequency(word) >= DAMAGED_MAX_FREQUENCY
        repairs = _word_repairs(word)
        if len(word) < WORD_CONFUSION_MIN_CHARS and not _short_damage(word, repairs, lexicon):
            continue
        cands = [(c, rule) for c, rule in repairs if c in english or c in counts]
        if not cands:
            continue
        score, cand, rule = max((lexicon.score(c), c, r) for c, r in cands)
        if score < lexicon.score(word) + STRONG_MARGIN or not _vouched(cand, word, lexicon):
            continue
        uses = counts[word]
        if seen:
            if _seen_damage(word, cand, lexicon):
                table[word] = (cand, rule)
        elif uses < DOC_KNOWN_MIN or counts.get(cand, 0) >= _repeat_ratio(cand) * uses:
            table[word] = (cand, rule)
    if not table:
        return ()
    words = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
    return re.compile(rf"(?<![\w/$])(?:{words})(?![\w/])", re.IGNORECASE), table


# A form OCR'd web text has seen (Zipf 2-3: "thal" 2.1, "dala" 2.1) is damage where its repair is
# this much more frequent in English ("that" 7.0) and the report writes the repair
# REPEATED_DAMAGE_RATIO times as often: the rare words of English so close to a far more common
# one are OCR's damage themselves, or words a report hardly writes ("lier", "gelling" beside a
# few "getting" stay).
SEEN_DAMAGE_MARGIN = 3.0


def _seen_damage(word: str, cand: str, lexicon: Lexicon) -> bool:
    return (
        zipf(cand) >= zipf(word) + SEEN_DAMAGE_MARGIN
        and lexicon.doc_count(cand) >= REPEATED_DAMAGE_RATIO * lexicon.doc_count(word)
    )


def _short_damage(word: str, repairs: list[tuple[str, str]], lexicon: Lexicon) -> bool:
    """A three-letter word English does not know one of whose repairs (_word_repairs) is a word
    the report writes far more often ("tbe" 12 times beside "the" 3,000 times); checked before
    the usual margins."""
    counts = lexicon.counts
    floor = max(SHORT_REPAIR_MIN_USES, REPEATED_DAMAGE_RATIO * counts[word])
    return any(counts.get(c, 0) >= floor for c, _ in repairs)


def _shows_word_damage(lexicon: Lexicon) -> bool:
    """One of the report's words that English does not know is a damaged form of a common
    English word: the OCR that made it may have damaged others. Set tests on the report's
    rare unknown words and on its known plain words (a damaged form it repeats three times
    and more passes for one of its own), so the reports without such damage skip the
    candidate search (0.3 ms a report). Asked once a report."""
    return lexicon.memo("shows-word-damage", lambda: _word_damage_shown(lexicon))


def _word_damage_shown(lexicon: Lexicon) -> bool:
    tells, _ = _damage_tells()
    # One intersection with each of the report's sets, all tells at once (none, in most reports).
    every = _all_tells()
    found = every.intersection(lexicon.rare_unknown) | every.intersection(lexicon.plain_known)
    return bool(found) and (not tells.isdisjoint(found) or len(found) >= THIN_MIN_TELLS)


@lru_cache(maxsize=1)
def _all_tells() -> frozenset[str]:
    return frozenset().union(*_damage_tells())


@lru_cache(maxsize=1)
def _damage_tells() -> tuple[frozenset[str], frozenset[str]]:
    """The damaged forms (WORD_CONFUSIONS and the start confusions) of English words of Zipf
    DAMAGE_TELL_MIN_ZIPF and up that English does not know itself: those of THIN_CONFUSIONS only, apart.
    Built once (30 ms, 1.8 MB)."""
    english = english_words()
    floor = 10 ** (DAMAGE_TELL_MIN_ZIPF - 9)  # as a frequency (zipf() tokenises: slow for 30,000 words)
    common = [w for w in english if w.isascii() and w.isalpha() and english_frequency(w) >= floor]
    forms: dict[str, set[str]] = {}
    for word in common:
        for damaged, rule in _word_damage(word):
            forms.setdefault(damaged, set()).add(rule)
    tells = {f: rules for f, rules in forms.items() if len(f) >= WORD_CONFUSION_MIN_CHARS and f not in english}
    thin = frozenset(f for f, rules in tells.items() if rules <= THIN_CONFUSIONS)
    return frozenset(tells).difference(thin), thin


def _word_repairs(word: str) -> list[tuple[str, str]]:
    """(repair, rule) for each way WORD_CONFUSIONS and the start confusions undo damage in the word."""
    out = [(c, rule) for rule, read, printed in WORD_CONFUSIONS if read in word for c in _replaced(word, read, printed)]
    return _with_start_family(word, out, _START_REPAIRS)


def _word_damage(word: str) -> list[tuple[str, str]]:
    """(damaged form, rule) for each way WORD_CONFUSIONS and the start confusions damage the word."""
    out = [
        (d, rule) for rule, read, printed in WORD_CONFUSIONS if printed in word for d in _replaced(word, printed, read)
    ]
    return _with_start_family(word, out, _START_DAMAGE)


# The start families by a word's first letter: a repair of "lraq" is START_CONFUSION's, of "iocal"
# START_L_CONFUSION's; damage the other way round ("iraq" is damaged to "lraq" by START_CONFUSION).
_START_REPAIRS = {"l": START_CONFUSION, "i": START_L_CONFUSION}
_START_DAMAGE = {"i": START_CONFUSION, "l": START_L_CONFUSION}


def _with_start_family(word: str, out: list[tuple[str, str]], families: dict[str, str]) -> list[tuple[str, str]]:
    """out, and the word with its first letter l or i swapped under its start family (`families`
    by that letter). That form is the start family's alone, which cases it ("lraq" -> "Iraq",
    "Iocal" -> "local"): a thin stroke's reading of the same letter is dropped."""
    rule = families.get(word[0])
    if rule is None:
        return out
    start = ("i" if word[0] == "l" else "l") + word[1:]
    return [(w, r) for w, r in out if w != start or r not in THIN_CONFUSIONS] + [(start, rule)]


def _replaced(word: str, a: str, b: str) -> list[str]:
    """Every occurrence of a (in the word) replaced by b, and each alone when there are several:
    _candidates for a literal, with str.find (_damage_tells runs it ~40,000 times)."""
    i = word.find(a)
    first = word[:i] + b + word[i + len(a) :]
    j = word.find(a, i + 1)
    if j < 0:
        return [first]
    out = [word.replace(a, b), first]
    while j >= 0:
        out.append(word[:j] + b + word[j + len(a) :])
        j = word.find(a, j + 1)
    return out


def _cased(token: str, repair: str, rule: str) -> tuple[str, str] | None:
    """The repair cased as the token is ("Tlie" -> "The", "NALIONS" -> "NATIONS"); a capital I
    read as "l" gives the capital back ("lraq" -> "Iraq"). None for mixed case."""
    if rule == START_CONFUSION:
        return (repair[0].upper() + repair[1:], rule) if token.islower() else None
    if rule == START_L_CONFUSION:
        return (repair, rule) if token[0] == "I" and token[1:].islower() else None
    if token.islower():
        return repair, rule
    if token[0].isupper() and token[1:].islower():
        return repair.capitalize(), rule
    if token.isupper():
        return repair.upper(), rule
    return None


# Letters a typewriter's text or its OCR gives for digits inside a number: "l99l" (1991), "l0",
# "2O May" (20). Looked for only in a report whose words include such letters standing alone
# (the word forms of "l99l" are "l" and "l"), at least this many times: a French "l’" is one.
NUMBER_LETTERS = "lIOo"
NUMBER_DAMAGE_MIN_FORMS = 2
NUMBER_CONFUSION = "ocr-confusion:letter>digit"
_TO_DIGITS = str.maketrans(NUMBER_LETTERS, "1100")
_DIGIT_BESIDE_LETTER_RE = re.compile(
    rf"\d(?:(?<=[{NUMBER_LETTERS}]\d)|(?<=[{NUMBER_LETTERS}][.,]\d)|(?=[{NUMBER_LETTERS}]))"  # "l9", "l,2", "9l"
)
# Shapes only a number has, enough alone to open the search: an l before a thousands group
# ("l,200"), a capital O before a decimal point ("O.5"), the letter standing alone (_sure_number_in).
# The pattern starts at the comma or point, which re skips to in C; the letter is looked behind
# for (a pattern starting with a lookbehind or with the common letters l and o cost 1.5-2.6 % of
# a pass, for the one report with a lone "l").
_SURE_NUMBER_RE = re.compile(r"[.,](?:(?<=l,)\d{3}(?:,\d{3})*|(?<=O\.)\d+)(?![\w/-]|[.,]\d)")
# The letter and its mark after a space, a line break or a bracket: a number's sure shape starts so.
_SURE_NUMBER_STARTS = tuple(before + shape for before in " \n(" for shape in ("l,", "O."))


def _sure_number_in(text: str) -> bool:
    """The text has a number's sure shape (_SURE_NUMBER_RE) standing alone. C searches for its
    starts spare the pattern's scan in most texts (0.29 ms for S/2006/592, whose one lone "l" is
    a French "l’")."""
    if not any(map(text.__contains__, _SURE_NUMBER_STARTS)):
        return False
    return any(
        m.start() < 2 or not (text[m.start() - 2].isalnum() or text[m.start() - 2] in "_.,/$-")
        for m in _SURE_NUMBER_RE.finditer(text)
    )
_NUMBER_CHARS = frozenset("0123456789" + NUMBER_LETTERS + ".,")
_DAMAGED_NUMBER_RE = re.compile(rf"[\d{NUMBER_LETTERS}]+(?:[.,][\d{NUMBER_LETTERS}]+)*")


# Damage that makes another word ("Member Slates" for "Member States") is repaired only inside
# a phrase of two words the report writes PHRASE_MIN_USES times and more undamaged, where the
# damaged word (four letters and more) is one the report uses at most PHRASE_DAMAGED_MAX_USES
# times and English STRONG_MARGIN less often than the word: elsewhere it may be meant.
PHRASE_MIN_USES = 5
PHRASE_DAMAGED_MAX_USES = 2
PHRASE_WORD_MIN_CHARS = 4


def _report_phrases(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[int, str, str, str]]] | tuple[()]:
    """(a pattern finding the damaged phrases, phrase with one space -> (index of the damaged
    word, the word, the damaged form, rule)) for a report that shows other engines' damage;
    () for none (most reports: the bigrams are not even counted)."""
    if not _shows_word_damage(lexicon):
        return ()
    words = WORD_RE.findall(lexicon.text)
    bigrams = Counter(itertools.pairwise(words))
    table = {}
    for pair, uses in bigrams.items():
        if uses < PHRASE_MIN_USES:
            continue
        for side, word in enumerate(pair):
            for damaged, rule in _word_damage(word) if len(word) >= PHRASE_WORD_MIN_CHARS else ():
                if _real_word_damage(word, damaged, lexicon):
                    damaged_pair = (damaged, pair[1]) if side == 0 else (pair[0], damaged)
                    if damaged_pair in bigrams:
                        table[" ".join(damaged_pair)] = (side, word, damaged, rule)
    if not table:
        return ()
    phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{phrases})(?![\w-])"), table


def _real_word_damage(word: str, damaged: str, lexicon: Lexicon) -> bool:
    """The damaged form is a word English has seen (Zipf DAMAGED_MAX_ZIPF and up: rarer forms
    are the other engines' rule's), the report hardly uses, and English far less than the word."""
    seen = zipf(damaged)
    return (
        len(damaged) >= PHRASE_WORD_MIN_CHARS
        and seen >= DAMAGED_MAX_ZIPF
        and lexicon.doc_count(damaged) <= PHRASE_DAMAGED_MAX_USES
        and zipf(word) - seen >= STRONG_MARGIN
    )


def _phrase_fixes(text: str, pattern: re.Pattern[str], table: dict[str, tuple[int, str, str, str]]) -> list[Fix]:
    """A Fix of the damaged word of each damaged phrase in the text."""
    fixes = []
    for m in pattern.finditer(text):
        side, word, damaged, rule = table[" ".join(m.group(0).split())]
        start = m.start() if side == 0 else m.end() - len(damaged)
        fixes.append(Fix(start, start + len(damaged), damaged, word, rule))
    return fixes


def _report_numbers(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]] | tuple[()]:
    """(a pattern finding them, damaged number -> (its digits, rule)) for the report's numbers
    with letters for digits; () for none, and for a report without enough lone letters to have
    them (most), unless one of them is a number's sure shape (_sure_number_in)."""
    forms = lexicon.forms
    lone = sum(forms.get(c, 0) for c in NUMBER_LETTERS if c != "I")
    if lone < NUMBER_DAMAGE_MIN_FORMS and not (lone and _sure_number_in(lexicon.text)):
        return ()
    text, table = lexicon.text, {}
    for m in _DIGIT_BESIDE_LETTER_RE.finditer(text):
        start = end = m.start()
        while start and text[start - 1] in _NUMBER_CHARS:
            start -= 1
        while end < len(text) and text[end] in _NUMBER_CHARS:
            end += 1
        token = text[start:end].strip(".,")
        if token not in table and _damaged_number(token, text[start - 1 : start], text[end : end + 1]):
            table[token] = (token.translate(_TO_DIGITS), NUMBER_CONFUSION)
    if not table:
        return ()
    tokens = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
    return re.compile(rf"(?<![\w/$.,-])(?:{tokens})(?![\w/-]|[.,]\d)"), table


def _damaged_number(token: str, before: str, after: str) -> bool:
    """A number with letters for some digits, standing alone: as many digits as letters at
    least, no letter, slash or hyphen against it (symbols and codes are not repaired), and a
    capital I only in a number without a point ("I.5" may number a section)."""
    if not _DAMAGED_NUMBER_RE.fullmatch(token) or (before and (before.isalnum() or before in "/$-")):
        return False
    if after and (after.isalnum() or after in "/-"):
        return False
    letters = sum(token.count(c) for c in NUMBER_LETTERS)
    digits = sum(c.isdigit() for c in token)
    return 0 < letters <= digits and not ("I" in token and ("." in token or "," in token))


def _trigger_tokens(text: str, lower_i: bool = True) -> set[str]:
    """The distinct tokens that hold a confusion trigger: where _TRIGGER_RE matches, from
    the token start (back over alphanumerics) to the token end (_TOKEN_END_RE).

    Its matches are the places of the four letter pairs, of the 0/1 digits against an ASCII
    letter and of a capital I after a lower-case letter, found as literals (faster in C than
    _TRIGGER_RE's scan). A trigger later in a token gives the same token (everything up to the
    token end is alphanumeric), so each pair's search resumes after the token. lower_i=False:
    the text has no capital I after a lower-case letter (the caller knows it of the report)."""
    out = set()
    for pair, pattern in _TRIGGER_PAIR_RES:
        # A one-character test first: found at once for "r" or "c", and it spares a pair
        # search for the many blocks without a capital "F" or "E".
        m = pattern.search(text) if pair[0] in text else None
        while m:
            start, end = _token_span(text, m.start())
            out.add(text[start:end])
            m = pattern.search(text, max(end, m.start() + 1))
    for digit, pattern in _DIGIT_TRIGGER_RES:  # a 0 or 1 with an ASCII letter before or after it
        if digit in text:
            for m in pattern.finditer(text):
                start, end = _token_span(text, m.start())
                out.add(text[start:end])
    if lower_i and "I" in text:  # a capital I after a lower-case letter ("CounciI")
        for m in _LOWER_I_TRIGGER_RE.finditer(text):
            start, end = _token_span(text, m.start())
            out.add(text[start:end])
    return out


# _TRIGGER_RE's digit alternatives, one pattern per digit, each starting with its literal: re
# skips to the digit in C and tests the letters around it there (a Python test of every 0 and
# 1 of a block's dates and figures cost twice as much: 1.4 against 0.6 ms per MB).
_DIGIT_TRIGGER_RES = tuple((d, re.compile(rf"{d}(?:(?<=[A-Za-z]{d})|(?=[A-Za-z]))")) for d in "01")
_LOWER_I_TRIGGER_RE = re.compile(r"I(?<=[a-z]I)")  # from its literal, as the digits


def _token_span(text: str, i: int) -> tuple[int, int]:
    """The token around a trigger at i: back over alphanumerics (a few steps), on to _TOKEN_END_RE's end."""
    start = i
    while start and text[start - 1].isalnum():
        start -= 1
    return start, _TOKEN_END_RE.match(text, i).end()


def _repair_token(token: str, lexicon: Lexicon) -> tuple[str, str] | None:
    if token.isdigit() or sum(c.isalpha() for c in token) < 3:
        return None
    best: tuple[float, str, str] | None = None
    floor = lexicon.score(token) + STRONG_MARGIN
    for rule, pattern, repl in CONFUSIONS:
        if token.isupper() and repl.islower():
            repl = repl.upper()
        for cand in _candidates(token, pattern, repl):
            s = lexicon.score(cand)
            better = best is None or s > best[0]
            if better and s >= floor and (_vouched(cand, token, lexicon) or _digit_read_for_letter(token, cand)):
                best = (s, cand, rule)
    return (best[1], best[2]) if best else None


# A form the report knows only from its own uses ("Unitecl", damaged the same way on many pages,
# looks like a name of its own) is repaired when the repair is this many times as frequent there;
# COMMON_REPAIR_RATIO times when the repair is a common word of English (Zipf
# DAMAGE_TELL_MIN_ZIPF and up) and English has seldom seen the form (under Zipf 2): the rare
# words one confusion away from a common one are OCR's damage themselves ("tbis", "vvhat",
# "leaming" in wordfreq's list), and one engine's damage repeats on many pages.
REPEATED_DAMAGE_RATIO = 5
COMMON_REPAIR_RATIO = 2


def _repeat_ratio(cand: str) -> int:
    """How many times as often as a damaged form the report must write its repair `cand`."""
    return COMMON_REPAIR_RATIO if zipf(cand) >= DAMAGE_TELL_MIN_ZIPF else REPEATED_DAMAGE_RATIO


def _repeated_damage(token: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """The repair of a known token that English has never seen, when the report writes the
    repaired word REPEATED_DAMAGE_RATIO times as often ("Unitecl" 8 times, "United" 300); of
    one it has seldom seen, when the repair is a common word written COMMON_REPAIR_RATIO
    times as often ("Governrnent" 5 times, "Government" 20)."""
    seen = zipf(token)
    if seen >= DAMAGED_MAX_ZIPF:  # English knows it (fix_confusions skipped its known words already)
        return None
    found = _repair_token(token, lexicon)
    if found is None or (seen > 0 and zipf(found[0]) < DAMAGE_TELL_MIN_ZIPF):
        return None
    return found if lexicon.doc_count(found[0]) >= _repeat_ratio(found[0]) * lexicon.doc_count(token) else None


def _digit_read_for_letter(token: str, cand: str) -> bool:
    """ "moda1ities" -> "modalities": a digit among letters is damage beyond doubt, so a repair
    that leaves letters only needs no more vouching than its score's margin (a word of English,
    Zipf 2.9 here, not frequent enough to be known)."""
    return not token.isalpha() and cand.isalpha() and zipf(cand) > 0


def _vouched(cand: str, token: str, lexicon: Lexicon) -> bool:
    """The repair is a known word the report uses at least as often as the damaged form, or a
    word of common English ("promptly" for "prornptly") where English has never seen the
    damaged form: a word the report uses once, damaged, has no other use to vouch for it. A
    rarer word ("enablers", Zipf 2.6, for "cnablers") is vouched for where English has seen
    it and never the damaged form, and the report writes it at least as often."""
    uses = lexicon.doc_count(cand)
    if not lexicon.known(cand):
        return uses > 0 and uses >= lexicon.doc_count(token) and zipf(token) == 0 and zipf(cand) > 0
    return uses >= lexicon.doc_count(token) or (english_known(cand) and zipf(token) == 0)


def _candidates(token: str, pattern: re.Pattern[str], repl: str) -> list[str]:
    """Every occurrence replaced, and each occurrence alone when there are several."""
    spans = [m.span() for m in pattern.finditer(token)]
    if not spans:
        return []
    out = [pattern.sub(repl, token)]
    if len(spans) > 1:
        out += [token[:a] + repl + token[b:] for a, b in spans]
    return out


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that follow the pronoun "I" in a Secretary-General's voice; the report's own
# "I <word>" pairs are added to these as evidence (Lexicon.pronoun_precedes).
PRONOUN_VERBS = _wordset(
    "am was have had will would shall should can could may might must do did intend "
    "thank urge call commend welcome encourage note remain believe trust hope wish look "
    "recommend appeal also fully strongly therefore further count request propose"
)
# Words that follow the number 1: never read "1" as "I" before these.
NUMBER_FOLLOWERS = _wordset(
    "million billion thousand hundred per percent of to and or in at on by for from year "
    "years month months day days week weeks hour hours km kg a the"
)
# Nouns that take a number: "paragraph 1 will", "Phase 1 would" keep the digit.
NUMBER_NOUNS = _wordset(
    "paragraph paragraphs para resolution annex article section chapter table figure "
    "item items rule page no phase stage level tier category option step component "
    "pillar recommendation goal target objective"
)
_ONE_RE = re.compile(r"1 ([a-z]+)\b")  # starts with a literal: a fast scan
_PREV_TOKEN_RE = re.compile(r"(\S+)\s*\Z")


def _pronoun_fixes(text: str, lexicon: Lexicon) -> list[Fix]:
    """Read "1 thank" as "I thank", "2015, 1 will" -> "2015, I will"; "1 million" stays."""
    fixes = []
    for m in _ONE_RE.finditer(text):
        if m.start() and not text[m.start() - 1].isspace():
            continue  # "21 will", "(1 will"
        nxt = m.group(1)
        if nxt in NUMBER_FOLLOWERS:
            continue
        if nxt not in PRONOUN_VERBS and not lexicon.pronoun_precedes(nxt):
            continue
        prev = _PREV_TOKEN_RE.search(text, max(0, m.start() - 40), m.start())
        if prev and not _pronoun_can_follow(prev.group(1)):
            continue
        fixes.append(Fix(m.start(), m.start() + 1, "1", "I", "ocr-confusion:1>I"))
    return fixes


def _pronoun_can_follow(prev: str) -> bool:
    """After a sentence or clause end, or a lower-case word that does not take a number."""
    if prev[-1] in '.!?:;,)”’"':
        return prev.rstrip(".").lower() not in NUMBER_NOUNS  # "para. 1 will" keeps "1"
    if not prev.isalpha():
        return False  # "2 1 ...", "(1", "S/2015/1"
    return prev.islower() and prev not in NUMBER_NOUNS  # "Phase 1 will" keeps "1"


# A paragraph that ends in a hyphen: nothing follows, so no compound can start there.
_TERMINAL_HYPHEN_RE = re.compile(rf"({LETTER}{{2,}})[-¬]\s*\Z")


def fix_terminal_hyphen(
    paragraph_text: str, lexicon: Lexicon | None = None
) -> tuple[str, Fix | None]:
    """End a paragraph with "." where OCR read the full stop as a hyphen: "… that urgent
    capability gap-" -> "… capability gap.". With a lexicon, the word must be known: "organi-" is a broken word whose end
    is elsewhere, not a sentence end, and is left alone."""
    if not paragraph_text.rstrip().endswith(("-", "¬")):
        return paragraph_text, None
    m = _TERMINAL_HYPHEN_RE.search(paragraph_text)
    if not m or (lexicon is not None and not lexicon.known(m.group(1))):
        return paragraph_text, None
    end = m.end(1) + 1
    fix = Fix(m.end(1), end, paragraph_text[m.end(1)], ".", "terminal-hyphen")
    return paragraph_text[: m.end(1)] + "." + paragraph_text[end:], fix


_DOUBLE_QUOTES = '"“”„‟'
_SINGLE_QUOTES = "'‘’‛"
_QUOTE_RE = re.compile(f"[{_DOUBLE_QUOTES}{_SINGLE_QUOTES}]")
# A quote after these (or at the start) opens; after anything else it closes.
_OPENERS_BEFORE = " \t\n([{—–-/"
_ELISION_RE = re.compile(r"(?:s|t|re|ll|ve|d|m)\b")


# A "’" that _turn_quote may turn (into "‘"): one after an opener. Literal-first, so re
# finds the "’"s in C and checks the character before each.
_TURNABLE_APOSTROPHE_RE = re.compile(f"’(?<=[{re.escape(_OPENERS_BEFORE)}]’)")


def normalise_quotes(text: str) -> str:
    """Straight and mis-turned quotes to UN typographic ones: “ ” ‘ ’, apostrophes ’."""
    if not _has_quote(text) or _only_kept_apostrophes(text):
        return text  # most blocks: a few substring tests are cheaper than sub's scan
    return _QUOTE_RE.sub(_turn_quote, text)


def _has_quote(text: str) -> bool:
    """_QUOTE_RE.search(text), as one-character substring tests (each a C memchr, 15x faster
    than the class scan); an ASCII text can only hold the two ASCII quotes."""
    if text.isascii():
        return '"' in text or "'" in text
    return any(map(text.__contains__, _DOUBLE_QUOTES + _SINGLE_QUOTES))


def _only_kept_apostrophes(text: str) -> bool:
    """True when the text's quotes are all "’" that _turn_quote gives back unchanged: it
    turns one only at the text start or after an opener. Most quoted blocks hold only
    apostrophes ("Secretary-General’s", 108 of 145 quoted blocks in the six reports): they
    need no sub with a Python call per quote (normalise_quotes 0.75 -> 0.5 ms)."""
    return (
        "’" in text
        and text[:1] != "’"
        and not any(map(text.__contains__, _DOUBLE_QUOTES + "'‘‛"))
        and not _TURNABLE_APOSTROPHE_RE.search(text)
    )


def _turn_quote(m: re.Match[str]) -> str:
    q, i, s = m.group(0), m.start(), m.string
    before = s[i - 1] if i else " "
    after = s[i + 1] if i + 1 < len(s) else " "
    double = q in _DOUBLE_QUOTES
    if not double and _ELISION_RE.match(s, i + 1):
        return "’"  # "the world ’s most" (pdftotext spacing): an apostrophe, not an opening
    if before in _OPENERS_BEFORE:
        if after.isspace():
            return q  # a quote between spaces: no context to turn it
        return "“" if double else "‘"
    return "”" if double else "’"


# A digit against a lower-case letter ("Genera1"), except ordinals and units ("21st").
_MIXED_RE = re.compile(r"\d(?:(?<=[a-z]\d)|(?=[a-z]))")  # starts with \d: a fast scan
# The same for ASCII text, where \d is [0-9]: a plain character set scans faster than the
# Unicode digit category (a third of suspicious_tokens' time).
_MIXED_ASCII_RE = re.compile(r"[0-9](?:(?<=[a-z][0-9])|(?=[a-z]))")
_ORDINAL_OR_UNIT_RE = re.compile(r"\d+(?:st|nd|rd|th|s|km|kg|mm|cm|m|am|pm|bis|ter)")
# Leftovers: a line-end hyphen sign, a barcode read as "lllll", a symbol with "$" for "S",
# a capitalised word starting like an OCR'd "H".
# Class-first like _TRIGGER_RE, the same matches as "¬|[lI|]{5}|\$/|[FE]l[a-z]", 4x faster.
_STRAY_RE = re.compile(r"[¬lI|$FE](?:(?<=¬)|(?<=[lI|])[lI|]{4}|(?<=\$)/|(?<=[FE])l[a-z])")
_CHUNK_START_RE = re.compile(r"\S*\Z")
_CHUNK_END_RE = re.compile(r"\S*")
_EDGE_PUNCT = ".,;:()[]{}\"'“”‘’!?"


def suspicious_tokens(text: str, lexicon: Lexicon) -> list[str]:
    """Tokens that still look like OCR damage, each once, in order of first appearance."""
    found: dict[str, None] = {}
    stray = _STRAY_RE.finditer(text) if _may_have_stray(text) else ()
    for m in itertools.chain(_mixed_matches(text), stray):
        token = _chunk_at(text, m.start()).strip(_EDGE_PUNCT)
        if token not in found and _is_suspicious(token, lexicon):
            found[token] = None
    return sorted(found, key=text.find)


# A compound whose hyphen was lost and that no rule restored ("capacitybuilding",
# "DirectorGeneral": the report never writes the hyphenated form): two English words of
# FUSED_PART_MIN letters or more, joined into a form that neither the report nor wordfreq
# knows at all. Too uncertain to change; listed for an editor, whose erratum fixes it.
FUSED_MIN_LEN = 9
FUSED_PART_MIN = 4
# Prefixes that close up with any word in UN English ("extrabudgetary", "intraregional",
# "multidimensional"): a word starting with one is no fusion of two.
CLOSING_PREFIXES = (
    "anti", "auto", "counter", "cyber", "extra", "infra", "inter", "intra", "macro", "mega", "micro",
    "mini", "multi", "over", "para", "post", "semi", "socio", "super", "tele", "trans", "ultra", "under",
)


def fused_in_texts(texts: Sequence[str], lexicon: Lexicon, joined: JoinedTexts | None = None) -> list[tuple[int, str]]:
    """(i, token) for each fused-looking token still in texts[i], texts in order. Only the
    report's rare unknown forms are tried (a few dozen), and only the casings the report
    writes them in are looked for ("DirectorGeneral"), in the join of the texts (made once for
    suspicious_in_texts too)."""
    written: set[str] = set()
    for w in lexicon.rare_unknown:
        if len(w) >= FUSED_MIN_LEN:
            k = _fused_split(w)
            if k and zipf(w) == 0 and not lexicon.known(w):
                written.update(lexicon.forms.keys() & set(part_casings(w, f"{w[:k]}-{w[k:]}")))
    return _written_in_texts(written, texts, joined)


def damaged_in_texts(
    texts: Sequence[str], lexicon: Lexicon, joined: JoinedTexts | None = None
) -> list[tuple[int, str]]:
    """(i, token) for each damaged form of a common English word (_damage_tells) still in
    texts[i]: in a report that shows other engines' confusions, those the repairs left ("Jnly",
    used too often beside "July" to be sure), for an editor's erratum. Nothing to look for in
    the other reports."""
    if not _shows_word_damage(lexicon):
        return []
    every = _all_tells()  # the thin strokes' tells too
    written = {form for form in lexicon.forms if form.lower() in every}
    return _written_in_texts(written, texts, joined)


def _written_in_texts(written: set[str], texts: Sequence[str], joined: JoinedTexts | None) -> list[tuple[int, str]]:
    """(i, token) for each of the word forms `written` that stands as a whole ASCII word in
    texts[i], each pair once, texts in order; found in the join of the texts."""
    if not written:
        return []
    joined = joined or JoinedTexts(texts)
    holders = sorted({joined.locate(i)[0] for form in written for i in find_all(joined.text, form)})
    found = [(i, m.group(0)) for i in holders for m in _ASCII_WORD_RE.finditer(texts[i]) if m.group(0) in written]
    return list(dict.fromkeys(found))


def _fused_split(word: str) -> int:
    """Where the lower-case word splits into two English words of FUSED_PART_MIN letters or more
    (the first such place), or 0. A pure fact of the word, kept for the process: reports share
    their vocabulary."""
    k = _FUSED_SPLITS.get(word)
    if k is None:
        k = 0
        # Two English words are at most twice the longest one: a longer "word" (a run of letters
        # in hostile input) would be tried at every split, each a slice of it (quadratic).
        if (word.isascii() and word.isalpha() and not word.startswith(CLOSING_PREFIXES)
                and len(word) <= 2 * _longest_english()):
            english = english_words()
            k = next((k for k in range(FUSED_PART_MIN, len(word) - FUSED_PART_MIN + 1)
                      if word[:k] in english and word[k:] in english), 0)
        if len(_FUSED_SPLITS) < _FUSED_SPLITS_MAX:
            _FUSED_SPLITS[word] = k
    return k


_FUSED_SPLITS: dict[str, int] = {}
_FUSED_SPLITS_MAX = 100_000


@lru_cache(maxsize=1)
def _longest_english() -> int:
    return max(map(len, english_words()))


_ASCII_WORD_RE = re.compile(r"(?<![\w-])[A-Za-z]+(?![\w-])")


def suspicious_in_texts(texts: Sequence[str], lexicon: Lexicon, joined: JoinedTexts | None = None) -> list[tuple[int, str]]:
    """(i, token) for each token of suspicious_tokens(texts[i]), texts in order.

    Fewer than one block in thirty can hold a suspicious token, so the candidates are looked
    for once in the joined texts (as bytes, like _has_mixed) and only their texts are scanned
    (six reports: 1.85 -> 1.3 ms, synthetic 20: 6.3 -> 4.3 ms). The newline between texts is
    neither a letter, a digit nor part of a stray substring: every candidate of a text is
    found, inside it."""
    joined = joined or JoinedTexts(texts)
    data = joined.text.encode("utf-8", "surrogatepass")
    if not joined.text.isascii() and _has_non_ascii_digit(data):
        return [(i, token) for i, text in enumerate(texts) for token in suspicious_tokens(text, lexicon)]
    hits = _candidate_offsets(data)
    if not hits:
        return []
    if not joined.text.isascii():
        hits = _char_offsets(data, hits)
    holders = sorted({joined.locate(pos)[0] for pos in hits})
    return [(i, token) for i in holders for token in suspicious_tokens(texts[i], lexicon)]


# For finding candidates in bytes: digits become "0" (as in _has_mixed), "I" and "|" become
# "l" (the barcode run "lllll") and "F" becomes "E" ("Fl"/"El"). Merging letters only adds
# candidates ("I0", "FI"), never loses one: each candidate text is scanned exactly after.
_CANDIDATE_BYTES = bytes.maketrans(b"123456789I|F", b"000000000llE")
# "El" as a pattern: re searches a two-byte literal three times faster than bytes.find.
_EL_RE = re.compile(rb"El")


def _candidate_offsets(data: bytes) -> list[int]:
    """Byte offsets in UTF-8 text where suspicious_tokens may find a token: a digit against a
    lower-case letter, or one of _may_have_stray's substrings. "$/" and "¬" (UTF-8 C2 AC)
    are found by their rare byte, a memchr, and the byte next to it checked."""
    mapped = data.translate(_CANDIDATE_BYTES)
    hits = [m.start() for m in _MIXED_ZERO_RE.finditer(mapped)]
    hits += [m.start() for m in _EL_RE.finditer(mapped)]
    hits += find_all(mapped, b"lllll")
    hits += [i for i in find_all(mapped, b"$") if mapped[i + 1 : i + 2] == b"/"]
    hits += [i - 1 for i in find_all(mapped, b"\xac") if mapped[i - 1 : i] == b"\xc2"]
    return hits


def _char_offsets(data: bytes, offsets: list[int]) -> list[int]:
    """Character offsets of byte offsets (each at a character start) in UTF-8 data."""
    out, chars, prev = [], 0, 0
    for pos in sorted(offsets):
        chars += len(data[prev:pos].decode("utf-8", "surrogatepass"))
        prev = pos
        out.append(chars)
    return out


def _mixed_matches(text: str) -> Iterable[re.Match[str]]:
    r"""_MIXED_RE's matches. Most blocks have none, and the pattern's class-first scan is
    slow (it stops at every digit): _has_mixed rules them out four times faster. A text
    without a non-ASCII digit has _MIXED_ASCII_RE's matches (\d is [0-9] there)."""
    data = text.encode("utf-8", "surrogatepass")
    if not text.isascii() and _has_non_ascii_digit(data):
        return _MIXED_RE.finditer(text)
    return _MIXED_ASCII_RE.finditer(text) if _has_mixed(data) else ()


def _has_mixed(data: bytes) -> bool:
    """_MIXED_ASCII_RE.search on a text, given as its UTF-8 bytes: with every digit mapped
    to "0" the pattern starts with a literal, which re finds by memchr. A non-ASCII
    character's bytes are all >= 0x80, so they pass for neither a letter nor a digit."""
    return _MIXED_ZERO_RE.search(data.translate(_DIGITS_TO_ZERO)) is not None


def _has_non_ascii_digit(data: bytes) -> bool:
    r"""A decimal digit (what \d takes) outside ASCII in a text, given as its UTF-8 bytes:
    with the ASCII bytes deleted, the rest decodes to the text's non-ASCII characters."""
    rest = non_ascii_characters(data)
    return _DIGIT_RE.search(rest) is not None


_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
_MIXED_ZERO_RE = re.compile(rb"0(?:(?<=[a-z]0)|(?=[a-z]))")
_DIGIT_RE = re.compile(r"\d")


def _may_have_stray(text: str) -> bool:
    """False when _STRAY_RE cannot match: each of its alternatives needs one of these
    substrings. Plain substring tests run in C far faster than the pattern's scan (its
    first character class takes every "l"); fewer than one block in fifty gets past them."""
    return (
        "¬" in text
        or ("$" in text and "$/" in text)  # one character: a faster search, and it is rare
        or ("F" in text and "Fl" in text)
        or ("E" in text and "El" in text)
        or "lllll" in text.replace("I", "l").replace("|", "l")
    )


def _chunk_at(text: str, i: int) -> str:
    start = _CHUNK_START_RE.search(text, max(0, i - 60), i).start()
    return text[start : _CHUNK_END_RE.match(text, i).end()]


def _is_suspicious(token: str, lexicon: Lexicon) -> bool:
    return bool(token) and (
        _is_mixed(token)
        or "¬" in token
        or "$/" in token
        or "lllll" in token
        or "IIIII" in token
        or _is_fl_el(token, lexicon)
    )


def _is_mixed(token: str) -> bool:
    if token.isalpha() or not _MIXED_RE.search(token):
        return False
    parts = re.split(r"[-/]", token)
    return any(_MIXED_RE.search(p) and not _ORDINAL_OR_UNIT_RE.fullmatch(p) for p in parts)


def _is_fl_el(token: str, lexicon: Lexicon) -> bool:
    """ "Fleadquarters": an unknown capitalised word starting like an OCR'd "H"."""
    return token[:2] in ("Fl", "El") and token[2:].isalpha() and not lexicon.known(token)
