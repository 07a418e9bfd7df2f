"""Build the Report model from segmented raw blocks: join words, place footnote marks, assign ids.

Ids come from the document's own numbering (see docs/guide/anchors.md):
    para-12          numbered paragraph 12
    para-7-a         sub-item (a) of paragraph 7
    summary-1        first paragraph of the summary
    sec-III          top-level section III;  sec-IV-A  lettered section A of IV
    sec-VI-A-1       numbered sub-heading 1 of VI.A
    h-para-57        unnumbered sub-heading, named after the paragraph that follows it
    appendix-I       a part's heading, named by its label ("Appendix I"; annex-II-appendix-I in annex II)
    annex-I          annex I heading; annex-I-para-3, annex-I-text-2 inside it
    annex-I-sec-II   roman section II inside annex I; annex-I-sec-II-A, annex-I-sec-II-A-1 under it
                     (letters straight under an annex stay annex-I-A)
    body-text-1      unnumbered text block (position within its section)
    front-text-1     text before the body that is no masthead metadata (a letter of
                     transmittal, "Annex", "Corrigendum"), in order
    fn-1, fn-star    footnotes "1" and "*" ("**" -> fn-star-2, "†" -> fn-dagger)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .blocks import (
    BODY_PART,
    CAPTION_NAMES,
    DRAFT_LABEL,
    SUPERSCRIPT_DIGITS,
    RawBlock,
    RawFootnote,
    Segmented,
    body_part_key,
    draft_key,
    is_part_label,
    roman_value,
    section_part,
    to_roman,
)
from .models import Block, Correction, Footnote, FootnoteRef, Section
from .tables import table_cells
from .textrules import Rule, apply_rules, join_lines, letter_spacing

# Superscript digits glued to a word or punctuation: "report,¹", "misconduct⁴".
SUPERSCRIPT_MARK = re.compile(r"(?<=\S)([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
# An asterisk glued to a word end: "agenda*" (only when a "*" footnote exists).
STAR_MARK = re.compile(r"(?<=[\w.,;:)”’])(\*{1,3})(?=\s|$)")
SYMBOL_NAMES = {"*": "star", "†": "dagger", "‡": "ddagger"}


def footnote_id(mark: str) -> str:
    """fn-1; fn-star, fn-star-2 for "*", "**"; fn-dagger, fn-ddagger."""
    if mark.isdigit():
        return f"fn-{mark}"
    if set(mark) == {"*"}:
        return "fn-star" if len(mark) == 1 else f"fn-star-{len(mark)}"
    return "fn-" + "-".join(SYMBOL_NAMES.get(c, f"u{ord(c):x}") for c in mark)


@dataclass
class Built:
    summary: list[Block]
    body: list[Block]
    footnotes: list[Footnote]
    sections: list[Section]
    corrections: list[Correction]
    warnings: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self, seg: Segmented, lexicon: Any, front_marks: dict[str, str], joiner, heading_case, rules):
        self.seg = seg
        self.lexicon = lexicon
        self.front_marks = front_marks
        self.joiner = joiner
        self.heading_case = heading_case
        self.rules = rules
        self.corrections: list[Correction] = []
        self.warnings: list[str] = []
        self.used_ids: set[str] = set()
        self.next_suffix: dict[str, int] = {}  # a repeated id -> the number to try first (_unique)
        self.next_texts: list[int | None] | None = None  # see _next_text
        self.refs_by_mark: dict[str, list[str]] = {}
        self.marks = {fn.mark for fn in seg.footnotes}
        star_marks = any(set(mark) == {"*"} for mark in self.marks)
        self.mark_chars = _mark_chars(self.marks, star_marks)
        self.mark_pattern = _ANY_MARK if star_marks else SUPERSCRIPT_MARK
        self.text_counters: dict[str, int] = {}

    def build(self) -> Built:
        raws = self.seg.blocks
        # Text blocks get their ids first, so a heading can be named after the block it introduces.
        self.ids = {n: self._unique(self._block_id(r, n), r.lineno) for n, r in enumerate(raws) if r.kind != "heading"}
        for n, raw in enumerate(raws):
            if raw.kind == "heading":
                self.ids[n] = self._unique(self._heading_id(raw, n), raw.lineno)
        summary, body, sections = [], [], []
        for index, raw in enumerate(raws):
            block = self._block(raw, index)
            if raw.kind == "summary":
                summary.append(block)
                continue
            body.append(block)
            if raw.kind == "heading" and raw.level == 1:
                title = block.text
                sections.append(Section(raw.section, raw.number, title, block.id))
        footnotes = [self._footnote(fn) for fn in self.seg.footnotes]
        return Built(summary, body, footnotes, sections, self.corrections, self.warnings)

    # -- ids -------------------------------------------------------------
    def _unique(self, wanted: str, lineno: int) -> str:
        """wanted, or wanted-2, -3 … the first not used. The search for a repeated id starts
        after the number its last repeat took (those before are used: ids are never freed); from
        2 each time, 5,000 repeats of one heading took seconds."""
        candidate = wanted
        if candidate in self.used_ids:
            n = self.next_suffix.get(wanted, 2)
            candidate = f"{wanted}-{n}"
            while candidate in self.used_ids:
                n += 1
                candidate = f"{wanted}-{n}"
            self.next_suffix[wanted] = n + 1
        if candidate != wanted:
            self.warnings.append(f"line {lineno}: id {wanted} used twice; this one is {candidate}")
        self.used_ids.add(candidate)
        return candidate

    def _block_id(self, raw: RawBlock, index: int) -> str:
        # Numbered anew ("part-two", "draft-resolution-II", in an annex "annex-draft-resolution-II"),
        # else the annex's own numbering.
        annex = (raw.parent_para or raw).numbering or (raw.section if raw.section.startswith("annex") else "")
        prefix = f"{annex}-" if annex else ""
        if raw.preamble:  # a resolution's preambular paragraph, text or front text: "pp-3"
            return f"{prefix}pp-{raw.preamble}"
        if raw.kind == "paragraph":
            return f"{prefix}para-{raw.number}"
        if raw.kind == "item":  # "para-7-a", a sub-item "para-7-a-i"
            return f"{prefix}para-{_item_path(raw)}"
        if raw.kind == "summary":
            return self._counted("summary")
        if raw.kind == "text":
            if raw.caption:  # a map's labels, named by its number (maps.py): "annex-III-map-4534"
                return f"{prefix}{raw.caption}"
            return self._counted(f"{raw.section or 'body'}-text")
        if raw.kind == "front":
            return self._counted("front-text")
        return self._heading_id(raw, index)

    def _counted(self, prefix: str) -> str:
        self.text_counters[prefix] = self.text_counters.get(prefix, 0) + 1
        return f"{prefix}-{self.text_counters[prefix]}"

    def _heading_id(self, raw: RawBlock, index: int) -> str:
        if raw.caption:  # "figure-I", in an annex "annex-I-table-2": the document's own numbering
            return f"{raw.section}-{raw.caption}" if raw.section.startswith("annex") else raw.caption
        if raw.level == 1:
            return raw.section if raw.section.startswith("annex") else _section_id(raw.section)
        if raw.annex_section:  # under a roman section of an annex: annex-I-sec-II, annex-I-sec-II-A
            base = f"{raw.section}-sec-{raw.annex_section}"
            if raw.level == 2:
                return base
            if raw.level == 3 and raw.number and raw.number == raw.subsection:
                return f"{base}-{raw.number}"
        else:
            annex_or_none = not raw.section or raw.section.startswith("annex")
            base = (raw.section or "sec") if annex_or_none else _section_id(raw.section)
            if raw.level == 2:
                return f"{base}-{raw.number}"
        if raw.number:
            return f"{base}-{raw.subsection}-{raw.number}" if raw.subsection else f"{base}-{raw.number}"
        part = _part_id(raw)
        if part and raw.section.startswith("annex"):
            part = f"{raw.section}-{part}"
        if part and part not in self.used_ids:  # a second unnumbered "Enclosure" is named as below
            return part
        nxt = self._next_text(index)
        if nxt is not None and self.seg.blocks[nxt].section == raw.section:
            return f"h-{self.ids[nxt]}"
        return self._counted(f"h-{raw.section or 'body'}")

    def _next_text(self, index: int) -> int | None:
        """The index of the first block after `index` that is no heading (None at the end). The
        table is built once, backwards, on first use: scanning forward from each heading was
        quadratic in a run of headings."""
        if self.next_texts is None:
            raws, nxt = self.seg.blocks, None
            table: list[int | None] = [None] * len(raws)
            for n in range(len(raws) - 1, -1, -1):
                table[n] = nxt
                if raws[n].kind != "heading":
                    nxt = n
            self.next_texts = table
        return self.next_texts[index]

    # -- text -------------------------------------------------------------
    def _block(self, raw: RawBlock, index: int) -> Block:
        block_id = self.ids[index]
        text, log = join_lines(raw.text_lines, self.lexicon, self.joiner)
        text, rule_log = apply_rules(text, self.lexicon, self.rules)
        if raw.kind == "heading":  # "I N T R O D U C T I O N": set apart, as older reports set headings
            text, spaced = letter_spacing(text, self.lexicon)
            rule_log += [("spacing", original, new) for original, new in spaced]
        text, refs = self._extract_marks(text, block_id)
        if raw.kind == "heading" and self.heading_case:
            text = self.heading_case(text, self.lexicon)
        if raw.kind == "heading" and raw.level == 1 and raw.section.startswith("annex"):
            text = _ANNEX_TITLE.sub(r"\1 — ", text, count=1)
        elif raw.kind == "heading" and raw.level == 0:
            # "Part one — Overview of the year" (a capital for the title that "PART ONE OVERVIEW …" lost in recasing)
            text = _BODY_PART_TITLE.sub(lambda m: f"{m.group(1)} — {m.group(2).upper()}", text, count=1)
        elif raw.kind == "heading" and raw.number is None and text[:1] in "EAD":
            text = _PART_TITLE.sub(r"\1 — ", text, count=1)  # "Enclosure — Statement by the Government"
        elif raw.caption and raw.kind == "heading":
            text = _CAPTION_TITLE.sub(r"\1 — ", text, count=1)  # "Figure I — Ratifications …"
        for original, replacement in log:
            self._correct(block_id, "dehyphenate", original, replacement, raw.lineno)
        for rule, original, replacement in rule_log:
            self._correct(block_id, rule, original, replacement, raw.lineno)
        parent = None
        if raw.kind == "item" and raw.parent_para is not None:
            parent = f"para-{_item_path(raw.parent_item) if raw.parent_item else raw.parent_para.number}"
            if raw.parent_para.numbering:  # "part-two-para-1", "annex-draft-resolution-II-para-1"
                parent = f"{raw.parent_para.numbering}-{parent}"
            elif raw.section.startswith("annex"):
                parent = f"{raw.section}-{parent}"
        # Positional, in Block's field order (type, id, text, number, level, page, section,
        # parent, refs, lineno, cells): keywords cost 0.4 us more per block, 0.27 ms per corpus pass.
        kind = "text" if raw.kind in ("summary", "front") else raw.kind
        cells = table_cells(raw.text_lines, text, raw.caption != "") if kind == "text" else ()  # a table's or map's
        return Block(
            kind, block_id, text, raw.number, raw.level, raw.page, raw.section, parent, tuple(refs), raw.lineno, cells
        )

    def _correct(self, block_id: str, rule: str, original: str, replacement: str, lineno: int) -> None:
        if original != replacement:
            self.corrections.append(Correction(block_id, rule, original, replacement, lineno))

    def _extract_marks(self, text: str, block_id: str) -> tuple[str, list[FootnoteRef]]:
        """Remove footnote marks from the text, remembering where they were."""
        refs: list[FootnoteRef] = []
        if not any(map(text.__contains__, self.mark_chars)):
            return text, refs  # most blocks: none of the report's mark characters, skip the lookbehind scan
        out: list[str] = []
        pos = 0
        for m in self.mark_pattern.finditer(text):
            mark = (m.group(1) or m.group(2)).translate(SUPERSCRIPT_DIGITS)
            if mark not in self.marks:
                continue
            out.append(text[pos : m.start()])
            offset = sum(len(s) for s in out)
            refs.append(FootnoteRef(offset, footnote_id(mark), mark))
            self.refs_by_mark.setdefault(mark, []).append(block_id)
            pos = m.end()
        out.append(text[pos:])
        return "".join(out), refs

    def _footnote(self, raw: RawFootnote) -> Footnote:
        text, _ = join_lines(raw.lines, self.lexicon, self.joiner)
        text, _ = apply_rules(text, self.lexicon, self.rules)
        referenced = list(dict.fromkeys(self.refs_by_mark.get(raw.mark, [])))
        if raw.mark in self.front_marks:
            referenced.insert(0, self.front_marks[raw.mark])
        if not referenced:
            self.warnings.append(f"line {raw.lineno}: footnote {raw.mark} is referenced nowhere")
        return Footnote(footnote_id(raw.mark), raw.mark, text, tuple(referenced), raw.page, raw.lineno)


def _section_id(section: str) -> str:
    """ "sec-III"; a section of a part that numbers its sections anew, under the part's key:
    "part-two-sec-I" (its section key "part-two-I")."""
    part = section_part(section)
    return f"{part}-sec-{section[len(part) + 1 :]}" if part else f"sec-{section}"


def _part_id(raw: RawBlock) -> str:
    """A part's heading is named by its label, the document's own: "appendix-I", "enclosure",
    "attachment-2", "part-one" ("Part one", "PART ONE"), "part-II" ("" for other headings)."""
    first = raw.text_lines[0].strip() if raw.text_lines else ""
    m = BODY_PART.match(first) if raw.level == 0 else None
    if m:
        return body_part_key(m.group(1))
    if not is_part_label(first):
        return ""
    if m := DRAFT_LABEL.match(first):  # "Draft resolution II": "draft-resolution-II", as its paragraphs' ids start
        return draft_key(m)
    label, _, number = first.partition(" ")
    number = number.strip()
    return f"{label.lower()}-{number}" if number else label.lower()


def _label_and_title(labels: str) -> re.Pattern[str]:
    """The space between a label and its number ("Annex II") and the title after them, which
    stood on lines of their own; group 1 is the label and number. Not where a dash is there
    already (the front text's "Enclosure —" over a letter's enclosed report)."""
    return re.compile(rf"^((?:{labels})(?:\s+(?:[IVXL]{{1,6}}|\d{{1,3}})\b)?+)\s+(?=[^\s—])")


# "Annex I — United Nations Stabilization Mission in Haiti: …".
_ANNEX_TITLE = _label_and_title("Annex|ANNEX")
# A body part's label, then its title: "Part one Overview" -> "Part one — Overview", "PART I: Activities".
_BODY_PART_TITLE = re.compile(r"^((?:Part|PART) [^\s.:—–-]+)(?:\s*[.:—–-])?\s+([^\s—])")
# A part of an annex, an unnumbered heading: "Appendix — Contributions by country".
_PART_TITLE = _label_and_title("Enclosure|Appendix|Attachment|Draft resolution|Draft decision")

# A caption's label, then its title: "Figure I Ratifications", "Table 1: Troop strength" (not
# before a unit line: "Figure I (Percentage)").
_CAPTION_TITLE = re.compile(rf"^((?:{CAPTION_NAMES})\s+\S+?)(?:\s*[.:–—])?\s+(?=[^\s(])")

_ANY_MARK = re.compile(SUPERSCRIPT_MARK.pattern + "|" + STAR_MARK.pattern)
_SUPERSCRIPT_OF = {chr(digit): chr(sup) for sup, digit in SUPERSCRIPT_DIGITS.items()}  # "1" -> "¹"


def _mark_chars(marks: set[str], star_marks: bool) -> tuple[str, ...]:
    """Characters one of the report's footnote marks is written with in the text: "*", or the
    superscripts of its digits ("†" marks are never found in the text). A block with none of
    them has no mark to take out: a few `in` tests instead of a regex scan of every block
    (0.4 ms per corpus pass; tests/test_clean_speedups.py)."""
    chars = {_SUPERSCRIPT_OF[c] for mark in marks if mark.isdigit() for c in mark if c in _SUPERSCRIPT_OF}
    if star_marks:
        chars.add("*")
    return tuple(sorted(chars))


def build(
    seg: Segmented,
    lexicon: Any = None,
    front_marks: dict[str, str] | None = None,
    joiner=None,
    heading_case=None,
    rules: list[tuple[str, Rule]] | None = None,
) -> Built:
    return _Builder(seg, lexicon, front_marks or {}, joiner, heading_case, rules).build()


def numbering_gaps(numbers: list[int]) -> list[str]:
    """Paragraph numbers missing between 1 and the highest seen."""
    seen = set(numbers)
    return [str(n) for n in range(1, max(seen, default=0) + 1) if n not in seen]


def letter_gaps(section_letters: dict[str, list[str]]) -> list[str]:
    """"IV: C missing" for lettered sections whose sequence skips a letter."""
    gaps = []
    for section, letters in section_letters.items():
        expected = "A"
        for letter in letters:
            while expected < letter:
                gaps.append(f"{section}.{expected}" if section else expected)
                expected = chr(ord(expected) + 1)
            expected = chr(ord(letter) + 1)
    return gaps


__all__ = ["build", "footnote_id", "numbering_gaps", "letter_gaps", "roman_value", "to_roman"]


def _item_path(raw: RawBlock) -> str:
    """An item's numbers under its paragraph: "7-a", a sub-item "7-a-i"."""
    para = raw.parent_para.number if raw.parent_para else "0"
    if raw.parent_item is not None:
        return f"{para}-{raw.parent_item.number}-{raw.number}"
    return f"{para}-{raw.number}"
