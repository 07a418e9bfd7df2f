"""The document model: plain frozen dataclasses, no Markdown or HTML inside.

Every later stage (links, Markdown, JSON, QA) reads these and nothing else, so
the text stage can be tested without a site engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of the source text after page furniture was removed."""

    text: str
    lineno: int  # 1-based line number in the source file
    page: int | None  # original page, when the text tells it
    indent: int = 0  # leading spaces in a pdftotext -layout text (0 in other layers)


@dataclass(frozen=True)
class DroppedLine:
    """A line removed as page furniture, kept so nothing disappears unseen."""

    lineno: int
    text: str
    rule: str  # e.g. "page-number", "job-number", "running-header"


@dataclass(frozen=True)
class Correction:
    """One change the cleaner made to the words of the text."""

    block_id: str
    rule: str  # e.g. "dehyphenate", "ocr-confusion", "errata"
    original: str
    replacement: str
    lineno: int | None = None


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote mark inside a block; offset is a position in the block's plain text."""

    offset: int
    footnote_id: str
    mark: str


# What a caption labels ("Figure I", "Box 1"): a caption heading's id is its kind and label,
# "figure-I", in an annex "annex-II-table-1" (blocks.CAPTION_MARK reads them, structure names them).
CAPTION_KINDS = ("figure", "table", "box", "chart", "graph", "map")


def caption_kind(block_id: str) -> str | None:
    """The kind of the caption heading with this id ("figure" for "figure-I" and
    "annex-II-figure-1"), None for any other block."""
    parts = block_id.rsplit("-", 2)
    return parts[-2] if len(parts) > 1 and parts[-2] in CAPTION_KINDS else None


def annex_key(label: str) -> str:
    """The section key of the annex a reader names by label: "annex-I" for "I", "annex" for ""
    (the one unnumbered annex); ids inside it start with it ("annex-I-para-3"). The inverse of
    Block.annex_label."""
    return f"annex-{label}" if label else "annex"


def annex_name(label: str) -> str:
    """The annex as a citation names it: "annex I", "annex"."""
    return f"annex {label}" if label else "annex"


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, numbered paragraph, lettered sub-item or unnumbered text block."""

    type: str  # "heading" | "paragraph" | "item" | "text"
    id: str  # stable anchor from the document's own numbering: "para-12", "para-7-a"
    text: str  # plain text: no markup, no footnote marks
    number: str | None = None  # "12", "a", "III", "A"; None when unnumbered
    level: int = 0  # headings: 1 top-level section, 2 lettered, 3 unnumbered sub-heading (in an annex: 2 its
    # roman section, 3 a lettered section of it, 4 a sub-heading under that)
    page: int | None = None  # original page the block starts on
    section: str = ""  # key of the top-level section that holds it ("" before the first)
    parent: str | None = None  # items: id of their paragraph ("para-7"); sub-items: of their item ("para-7-a")
    refs: tuple[FootnoteRef, ...] = ()
    lineno: int | None = None
    # A text block that reads as a table: its cells, one per line of the text layer, in its
    # order ("Argentina", "549", "1 200"); text is them joined by spaces. See tables.py.
    cells: tuple[str, ...] = ()

    @property
    def parent_number(self) -> str:
        """An item's paragraph number, read off its parent's id ("para-12" -> "12"); a sub-item's
        paragraph number and item ("para-12-a" -> "12-a", see cite_number). "" when it has no parent."""
        return (self.parent or "").rsplit("para-", 1)[-1]

    @property
    def annex_label(self) -> str | None:
        """The annex that holds the block, as a reader names it: "I" (section "annex-I", also
        a repeated "annex-I-2"), "" for a document's one unnumbered annex; None outside annexes."""
        if not self.section.startswith("annex"):
            return None
        return self.section[6:].split("-", 1)[0]

    @property
    def preambular(self) -> str | None:
        """A resolution's preambular paragraph's place in its preamble, read off its id ("pp-3"
        -> "3"; blocks.number_preambles counts them); None for any other block."""
        block_id = self.id
        if self.type != "text" or "pp-" not in block_id:
            return None
        head, _, number = block_id.rpartition("pp-")
        return number if number.isdecimal() and (not head or head[-1] == "-") else None

    @property
    def cite_number(self) -> str:
        """How a reader cites the block's number: "12", "12 (a)", a sub-item "12 (a) (i)"
        (its parent is the item "para-12-a")."""
        if self.type != "item":
            return self.number or ""
        para, *items = self.parent_number.split("-")
        return " ".join([para, *(f"({label})" for label in items), f"({self.number})"])


@dataclass(frozen=True)
class Footnote:
    id: str  # "fn-1"; "fn-star" for "*" (see docs/guide/anchors.md)
    mark: str
    text: str
    referenced_from: tuple[str, ...] = ()  # block ids, or "agenda" / "title" / "type" / "symbol" for front matter
    page: int | None = None
    lineno: int | None = None


@dataclass(frozen=True)
class Section:
    """A top-level section; each gets its own page."""

    key: str  # URL segment: "III", "annex-I", "text"
    number: str | None  # "III"; None for an unnumbered part
    title: str
    id: str  # anchor of its heading block


@dataclass(frozen=True)
class Metadata:
    symbol: str  # primary symbol, e.g. "A/70/357"
    symbols: tuple[str, ...]  # all symbols of a joint report, primary first
    date: str | None = None  # ISO date
    title: str = ""
    doc_type: str = ""  # "Report of the Secretary-General"
    organs: tuple[str, ...] = ()  # "General Assembly", "Security Council"
    sessions: tuple[str, ...] = ()  # "Seventieth session", "Seventieth year"
    agenda: tuple[str, ...] = ()  # agenda line then the agenda item titles
    language: str | None = None  # "English"
    # The annex the numbered text stands in, for a report annexed to a letter of transmittal:
    # "" for "Annex", "I" for "Annex I"; None when it is the document's own text. Citations of
    # "S/2015/421, annex, para. 3" land on its para-3.
    body_annex: str | None = None
    summary_heading: str = "Summary"  # the summary's heading as the report words it ("Executive summary")


@dataclass(frozen=True)
class Erratum:
    """An editor's correction from the errata sidecar, shown to readers."""

    find: str
    replace: str
    note: str
    lineno: int  # line in the sidecar file
    block_id: str | None = None  # where it applied, filled by the cleaner


@dataclass(frozen=True)
class QAReport:
    """What a reader or editor should know about the cleaning of one report."""

    dropped: tuple[DroppedLine, ...] = ()
    corrections: tuple[Correction, ...] = ()
    warnings: tuple[str, ...] = ()  # human-readable, one line each
    paragraph_gaps: tuple[str, ...] = ()
    paragraph_duplicates: tuple[str, ...] = ()
    section_gaps: tuple[str, ...] = ()
    suspicious: tuple[str, ...] = ()  # tokens left that look like OCR damage


# The id starts of paragraphs numbered anew inside the body: a part's ("part-two-para-1"), a
# draft resolution's ("draft-resolution-para-1", "draft-decision-para-1"; in an annex,
# "annex-draft-resolution-II-para-1").
_OWN_NUMBERING = frozenset(("part-", "draft"))


def own_numbering(block: Block) -> str:
    """The part or draft whose numbering a paragraph, item or preambular paragraph has, as a
    reader names it ("part two", "draft resolution II"); "" for the body's or an annex's own numbering."""
    own = block.id[len(block.section) + 1 :] if block.section.startswith("annex") else block.id
    if own[:5] not in _OWN_NUMBERING:
        return ""
    for numbered in ("-para-", "-pp-"):  # a paragraph's or item's, a preambular paragraph's
        if numbered in own:
            return own.partition(numbered)[0].replace("-", " ")
    return ""


@dataclass(frozen=True)
class Report:
    source: str  # file name of the source text
    meta: Metadata
    summary: tuple[Block, ...]
    body: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]
    sections: tuple[Section, ...]
    qa: QAReport = field(default_factory=QAReport)
    errata: tuple[Erratum, ...] = ()
    notes: tuple = ()  # sidecars.Note: editors' annotations, checked against the block ids

    def blocks(self) -> tuple[Block, ...]:
        return self.summary + self.body

    def paragraphs(self) -> list[Block]:
        """The numbered paragraphs of the report's main numbering (annexes number their own, and
        so do the draft resolutions a committee's report recommends)."""
        return [b for b in self.body if b.type == "paragraph" and not b.section.startswith("annex")
                and b.id[:6] != "draft-"]

    def block(self, block_id: str) -> Block | None:
        for b in self.blocks():
            if b.id == block_id:
                return b
        return None

    def citation(self, block: Block) -> str:
        """How a reader cites a numbered block after the symbol: "para. 12", "para. 7 (a)",
        "annex I, para. 3", a resolution's "preambular para. 3"; the paragraphs of a report
        annexed to a letter name that annex ("annex, para. 3", see Metadata.body_annex)."""
        if self.meta.body_annex is None and not block.section.startswith("annex") and block.type != "text":
            if block.id[:5] in _OWN_NUMBERING:  # numbered anew: "part two, para. 1", "draft resolution II, para. 1"
                return f"{own_numbering(block)}, para. {block.cite_number}"
            # Most blocks: no property calls (0.6 % of a pass over the six reports).
            return f"para. {block.number}" if block.type == "paragraph" else f"para. {block.cite_number}"
        annex = block.annex_label
        if annex is None:
            annex = self.meta.body_annex
        para = f"preambular para. {block.preambular}" if block.type == "text" else f"para. {block.cite_number}"
        if own := own_numbering(block):  # an annexed draft's own: "annex, draft resolution II, para. 1"
            para = f"{own}, {para}"
        if annex is None:
            return para
        return f"{annex_name(annex)}, {para}"
