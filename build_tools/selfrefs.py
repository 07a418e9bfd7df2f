"""A report's references to its own parts: "paragraph 12 above", "section III below",
"figure I", "(see annex I)".

The *find* half (find_self_refs) reads plain text and knows nothing of the report; the
*resolve* half (self_ref_linker) keeps only the references whose target the report has, and
makes them links for the render stage. A reference that may name another document's part
("paragraph 4 of resolution 1325 (2000)", "annex I to resolution 60/1", "S/2018/241, annex
I") is never linked: paragraphs and sections only with "above", "below" or "of the present
report" (note, letter), annexes and figures not before "to" or "of", nor after a comma (a
citation's pinpoint).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from .inline import Span, escape
from .models import CAPTION_KINDS, Block, Report, annex_key

# "the present report" (note, letter): the document that says it.
_PRESENT = r"the\s+present\s+(?:report|note|letter)\b"
# Where a paragraph or section reference points inside the report: "above", "below", "of the
# present report".
_HERE = rf"\s(?:above\b|below\b|of\s+{_PRESENT})"
# Each pattern starts with a literal after its first letter ("ara", "nnex"), the first letter
# and the word's start checked in a lookbehind: re then finds the literal in C instead of
# trying the pattern at every position (16 times faster on a report's text).
# "paragraph 12 above", "paras. 10 and 11 above", "paragraphs 31 to 39 below", "para. 7 (a) above".
_PARAS = re.compile(
    r"ara(?<=(?<!\w)[Pp]ara)(?:graphs?|s?\.)\s+(?P<list>\d{1,3}(?:\s?\([a-z]{1,4}\))?"
    rf"(?:(?:,\s|\sand\s|\sto\s|\s?[-–]\s?)\d{{1,3}}(?:\s?\([a-z]{{1,4}}\))?){{0,6}}){_HERE}"
)
_PARA_NUMBER = re.compile(r"(\d{1,3})(?:\s?\(([a-z]{1,4})\))?")
# "section III above", "section IV.B below", "chapter II above".
_SECTIONS = tuple(
    re.compile(rf"{word[1:]}(?<=(?<!\w)[{word[0].upper()}{word[0]}]{word[1:]})\s+(?P<n>[IVXL]{{1,6}})"
               rf"(?:\.(?P<letter>[A-Z]))?{_HERE}")
    for word in ("section", "chapter")
)
# "figure I", "table 2.1", "box 1", "annex II", "annexes I and II"; not before "to"/"of"
# (another document's), unless "to the present report" (or note, letter); an unnumbered annex
# only so ("the annex to the present report": no number).
_OWN = rf"(?=\s+to\s+{_PRESENT})"
_LABEL = r"(?:[IVXL]{1,6}|\d{1,3}(?:\.\d{1,2})?[A-Z]?)\b"
_LABEL_LIST = rf"{_LABEL}(?:(?:,\s|,?\sand\s|\sto\s|\s?[-–]\s?){_LABEL}){{0,6}}"
_LABELLED = {
    kind: re.compile(
        rf"{kind[1:]}(?<=(?<!\w)[{kind[0].upper()}{kind[0]}]{kind[1:]})(?:e?s)?"
        rf"(?:\s+(?P<n>(?>{_LABEL_LIST}))(?:(?!\s+(?:to|of)\b)|{_OWN})"  # the whole list, then the test
        + (rf"|(?P<none>){_OWN})" if kind == "annex" else ")")
    )
    for kind in (*(k for k in CAPTION_KINDS if k != "map"), "annex")  # maps are not linked (as written first)
}
_LABEL_ITEM = re.compile(_LABEL)
LABELLED_KINDS = frozenset(_LABELLED)
_CAPTION_KINDS = LABELLED_KINDS - {"annex"}
_CUE = {kind: kind[1:] for kind in LABELLED_KINDS}  # "nnex", "igure": either case of the first letter


class SelfRef(NamedTuple):
    start: int
    end: int
    kind: str  # "para", "section", "figure", "table", "box", "chart", "graph", "annex"
    label: str  # "12", "12-a", "III", "III-A", "I", "2.1"


def find_self_refs(text: str, kinds: frozenset[str] = LABELLED_KINDS) -> list[SelfRef]:
    """The references in text to parts of a document by their numbers. A span covers the
    word and the number ("paragraph 12" of "paragraph 12 above", "figure I", "section III");
    in a list, the first number takes the word and the others are their own ("paras. 10"
    and "11" of "paras. 10 and 11 above"). kinds: the labelled parts to look for (a report's
    linker asks only for those it has: each is a search of the text). Every pattern matches
    from the word's second letter on: the word starts one character before the match."""
    refs: list[SelfRef] = []
    if "above" in text or "below" in text or "of the present" in text:
        for m in _PARAS.finditer(text):
            offset, word = m.start("list"), m.start() - 1
            for n in _PARA_NUMBER.finditer(m.group("list")):
                label = f"{n.group(1)}-{n.group(2)}" if n.group(2) else n.group(1)
                refs.append(SelfRef(word if n.start() == 0 else offset + n.start(), offset + n.end(), "para", label))
        for pattern in _SECTIONS:
            for m in pattern.finditer(text):
                label = f"{m.group('n')}-{m.group('letter')}" if m.group("letter") else m.group("n")
                end = m.end("letter") if m.group("letter") else m.end("n")
                refs.append(SelfRef(m.start() - 1, end, "section", label))
    for kind in kinds:
        if _CUE[kind] not in text:
            continue
        for m in _LABELLED[kind].finditer(text):
            if text[max(0, m.start() - 3) : m.start() - 1] == ", ":
                continue  # "S/2018/241, annex I": a cited document's part
            if not m.group("n"):  # "the annex to the present report"
                refs.append(SelfRef(m.start() - 1, m.end(), kind, ""))
                continue
            offset, word = m.start("n"), m.start() - 1
            for n in _LABEL_ITEM.finditer(m.group("n")):
                refs.append(SelfRef(word if n.start() == 0 else offset + n.start(), offset + n.end(), kind, n.group()))
    return refs


def _target_ids(ref: SelfRef, block: Block) -> tuple[str, ...]:
    """The ids the reference may name, nearest first: inside an annex its own part, then the
    report's."""
    annex = block.section if block.section.startswith("annex") else ""
    if ref.kind == "annex":
        return (annex_key(ref.label),)
    own = f"{_ID_PREFIX.get(ref.kind, ref.kind)}-{ref.label}"  # "para-12", "sec-III", "figure-I"
    return (f"{annex}-{own}", own) if annex else (own,)


_ID_PREFIX = {"section": "sec"}


def self_ref_linker(report: Report, pages: Mapping[str, str], relative: Callable[[str, str], str]):
    """A render linker: (block, page_dir) -> <a> spans around the block's references to parts
    of its own report. pages: block id -> site path of its page (render.page_of_block); an
    annex links to its page, anything else to its anchor there. Labelled parts are looked
    for only when the report has some (most have no figure, table or box captions)."""
    ids = "\n" + "\n".join(pages)  # one C search per kind, not a call per block id
    kinds = frozenset(
        k for k in _CAPTION_KINDS if f"\n{k}-" in ids or f"-{k}-" in ids  # "figure-I", "annex-I-table-2"
    ) | ({"annex"} if any(s.key.startswith("annex") for s in report.sections) else set())
    candidates = _candidate_texts(report, kinds)

    def link_spans(block: Block, page_dir: str) -> list[Span]:
        if block.id not in candidates:  # most blocks: no cue word at all
            return []
        spans = []
        for ref in find_self_refs(block.text, kinds):
            for target in _target_ids(ref, block):
                if target not in pages or target == block.id:
                    continue
                url = pages[target] if ref.kind == "annex" else f"{pages[target]}#{target}"
                before = f'<a class="selfref" href="{escape(relative(page_dir, url))}">'
                spans.append(Span(ref.start, ref.end, before, "</a>"))
                break
        return spans

    return link_spans


def _candidate_texts(report: Report, kinds: frozenset[str]) -> set[str]:
    """The ids of the report's blocks and footnotes whose text holds a cue ("abov", "elow",
    "of the present", "nnex" …), so the linker skips the others with a set lookup. Each cue
    ends in a rare letter: str's search skips ahead on a mismatch of its last letter ("above"
    for "abov": 0.71 against 0.57 ms over six reports); "resent" alone let most blocks
    through to the searches ("the present report" opens most reports: +0.5 % a pass)."""
    cues = ("abov", "elow", "of the present", *(_CUE[k] for k in kinds))
    texts = [(b.id, b.text) for b in report.blocks()] + [(fn.id, fn.text) for fn in report.footnotes]
    return {bid for bid, text in texts if any(map(text.__contains__, cues))}
