"""Report model -> Markdown pages (jinja2 templates; f-strings for the parts every page repeats)
and data.json, as a dict of files.

Pure: render_report(report, site) returns {relative path: content} and writes nothing.
Paragraphs are emitted as raw HTML blocks inside the Markdown, built from escaped
text, so nothing in the OCR text can become Markdown or HTML syntax; headings are
Markdown (so the engine's table of contents sees them) with every special
character escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from json.encoder import encode_basestring
from types import MappingProxyType
from typing import Any

import jinja2
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from markupsafe import escape as markup_escape

from .annotations import note_html, notes_by_block
from .indented_json import dumps_indented
from .inline import RefIds, Span, annotate, bulleted, escape, footnote_spans, has_list, html_plain, ref_id
from .memo import per_object
from .models import Block, Footnote, Report, Section, caption_kind
from .selfrefs import self_ref_linker
from .serialize import report_to_dict
from .structure import SYMBOL_NAMES
from .symbols import url_path
from .tables import Rows, looks_like_chart_labels, looks_tabular, table_parts

# Python-Markdown's escapable characters; a backslash makes them literal ("<" and "&" are HTML-escaped).
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")

Linker = Callable[[Block, str], list[Span]]  # (block, page_dir) -> spans for citations, abbreviations


def combine_linkers(*linkers: Linker | None) -> Linker | None:
    """One linker from several: spans of earlier linkers win, later spans overlapping them are dropped."""
    active = [lk for lk in linkers if lk is not None]
    if len(active) <= 1:
        return active[0] if active else None

    def link(block: Block, page_dir: str) -> list[Span]:
        kept: list[Span] = []
        # The kept spans' starts and ends, in order: they do not overlap, so the one that starts
        # last before a span's end is the only one that can overlap it (bisect). A loop over
        # every kept span was quadratic: a paragraph of 13,000 citations took 3.5 s.
        starts: list[int] = []
        ends: list[int] = []
        for lk in active:
            for span in lk(block, page_dir):
                i = bisect_left(starts, span.end)
                if i and ends[i - 1] > span.start:
                    continue
                starts.insert(i, span.start)
                ends.insert(i, span.end)
                kept.append(span)
        return kept

    return link


@dataclass(frozen=True)
class SiteContext:
    """What one report's pages need to know about the rest of the site."""

    published: Mapping[str, str] = field(default_factory=dict)  # symbol -> url path of its report
    official_base: str = "https://undocs.org/"
    linker: Linker | None = None  # extra spans (e.g. abbreviations), combined with citation links
    crossrefs: Any = None  # crossrefs.CrossRefs of the whole site, if citations are linked


def _for_report(site: SiteContext, report: Report) -> SiteContext:
    """The site context with this report's citation links and links to its own parts ("para. 11
    above", "figure I") folded into its linker; a citation wins where both match."""
    cite = site.crossrefs.linker(report) if site.crossrefs else None
    own = self_ref_linker(report, page_of_block(report), relative)
    return replace(site, linker=combine_linkers(cite, own, site.linker))


def md_escape(text: str) -> str:
    """Literal text in a Markdown heading or list: HTML-escape, then backslash-escape syntax."""
    return MD_SPECIAL.sub(_backslashed, html.escape(text, quote=False))


def _backslashed(m: re.Match[str]) -> str:
    # A function, not the template r"\\\1": re expands a template in Python on every match.
    return "\\" + m.group(1)


def yaml_string(text: str) -> str:
    """A YAML scalar that is read back as exactly `text` (JSON strings are valid YAML)."""
    return encode_basestring(text)  # = json.dumps(text, ensure_ascii=False), without building an encoder


@lru_cache(maxsize=4096)  # every page header of a report prints the same date
def un_date(iso: str) -> str:
    """ "2015-09-02" -> "2 September 2015", the way UN documents print dates."""
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B')} {d.year}"


@lru_cache(maxsize=65_536)
def relative(from_dir: str, to: str) -> str:
    """Relative URL between two site paths ("A/70/357/III/" -> "A/70/357/IV/#x" = "../IV/#x").
    Memoised: every page asks for the same few links (home, index, data.json, QA)."""
    path, _, frag = to.partition("#")
    rel = _relpath(path or from_dir, from_dir or ".")
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") else "")
    return rel + (f"#{frag}" if frag else "")


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for site paths, by comparing segments: relpath makes both paths
    absolute against the working directory first, which costs more than the answer."""
    if _plain_path(path) and (start == "." or (start.endswith("/") and _plain_path(start))):
        return _plain_relpath(path, "" if start == "." else start)
    if ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    to_parts = [p for p in path.split("/") if p and p != "."]
    from_parts = [p for p in start.split("/") if p and p != "."]
    common = 0
    for a, b in zip(to_parts, from_parts):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


def _plain_path(path: str) -> bool:
    """A relative site path whose segments are all names: none empty ("a//b"), "." or ".."."""
    return not path.startswith(("/", ".")) and "//" not in path and "/." not in path and ".." not in path


def _plain_relpath(path: str, start: str) -> str:
    """_relpath of a plain path from a plain folder ("" or ending in "/"), by string prefixes
    instead of segment lists: a site of N=1000 asks relative() 365,000 times, two thirds of
    them not cached (0.55 -> 0.43 s; tests/test_relative_paths.py compares)."""
    full = path if path.endswith("/") else path + "/"
    common = len(start)  # the longest folder of `start` that `full` is inside
    while common and not full.startswith(start[:common]):
        common = start.rfind("/", 0, common - 1) + 1
    ups = start.count("/", common)
    rest = full[common:-1]
    if rest:
        return "../" * ups + rest
    return "/".join([".."] * ups) or "."


class _Environment(jinja2.Environment):
    def make_globals(self, d):
        """A template's globals as a plain dict, not jinja's ChainMap over the environment's:
        every render and include copies them, and iterating a ChainMap runs in Python. (Jinja
        asks not to change globals once templates are loaded; this environment never does.)"""
        return {**self.globals, **(d or {})}


_ENV = _Environment(
    loader=jinja2.PackageLoader("build_tools", "templates"),
    autoescape=True,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
    # "{#id}" is attr_list syntax in our Markdown, so Jinja comments use "{##" instead.
    comment_start_string="{##",
    comment_end_string="##}",
    # Templates are package files: checking their mtime (two stats) on every page and include
    # cost more than some pages take to render. A running `mkdocs serve` needs a restart to
    # see a template edit.
    auto_reload=False,
    # A plain dict (unbounded: a dozen templates) instead of the default LRU cache, which takes
    # a lock and reorders itself on every get_template and {% include %}.
    cache_size=-1,
)
_ENV.filters["md"] = lambda s: Markup(md_escape(str(s)))
_ENV.filters["yaml"] = lambda s: Markup(yaml_string(str(s)))
_ENV.filters["un_date"] = lambda iso: un_date(str(iso))


def section_dir(report: Report, key: str) -> str:
    base = url_path(report.meta.symbol)
    return base if not key else f"{base}{key}/"


@per_object
def page_of_block(report: Report) -> Mapping[str, str]:
    """Block id -> site path of the page that shows it (index page for the preamble).
    Once per report: paragraph links, redirects, glossaries and crossrefs all ask."""
    blocks = report.blocks()
    dirs = {key: section_dir(report, key) for key in {b.section for b in blocks} | {""}}  # once per section
    return MappingProxyType({b.id: dirs[b.section] for b in blocks} | {b.id: dirs[""] for b in report.summary})


# Footnote references from the masthead: those footnotes are shown on the report's index page
# ("symbol": a reissue's "S/2099/123*" over "* Reissued for technical reasons on …").
FRONT_REFS = frozenset({"agenda", "title", "symbol", "type"})


def footnote_page(report: Report, fn: Footnote) -> str | None:
    """Site path of the first page that shows a footnote: the page of the first block that
    refers to it, else the index page when the masthead does. None when nothing refers to it
    (such a footnote is on no page)."""
    pages = page_of_block(report)
    shown_on = [pages[ref] for ref in fn.referenced_from if ref in pages]
    if not shown_on and FRONT_REFS.intersection(fn.referenced_from):
        shown_on = [section_dir(report, "")]
    return shown_on[0] if shown_on else None


@per_object
def body_by_section(report: Report) -> Mapping[str, tuple[Block, ...]]:
    """Section key -> its body blocks in order ("" for the preamble); one pass per report
    instead of one pass over the whole body per section page."""
    groups: dict[str, list[Block]] = {}
    for b in report.body:
        groups.setdefault(b.section, []).append(b)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


class _PageRenderer:
    """Renders the blocks of one page, numbering footnote references as it goes.

    Blocks are built as plain str of trusted HTML (every OCR character escaped on the way
    in) and marked safe once per page by the caller: a Markup per piece cost a wrapper
    object and an escape() check on every concatenation (a tenth of the render time)."""

    def __init__(self, report: Report, site: SiteContext, page_dir: str):
        self.report = report
        self.site = site
        self.page_dir = page_dir
        self.ref_ids = RefIds()
        self.footnotes_used: list[str] = []
        self.last_page: int | None = None
        self.errata: dict[str, list] = {}
        for e in report.errata:
            self.errata.setdefault(e.block_id or "", []).append(e)
        self.qa_href = relative(page_dir, url_path(report.meta.symbol) + "qa/#errata")
        self.notes = notes_by_block(report.notes)
        # (model level, rendered level) of the open headings: the page's title is its h1, and a
        # heading is one level below its parent at most (screen readers list headings by level).
        self.open_headings: list[tuple[int, int]] = []
        self.under_chart = False  # the last block was a chart's caption ("Figure I …")
        self.in_box = False  # text blocks since a box's caption ("Box 1 …"): the box's text

    def erratum_mark(self, block: Block) -> str:
        """A small "corrected" mark with the original text, for blocks an editor corrected."""
        errata = self.errata.get(block.id)
        if not errata:
            return ""
        marks = []
        for e in errata:
            was = " ".join(e.find.split())
            title = escape(f"Corrected by the editors: “{was}” → “{' '.join(e.replace.split())}”. {e.note}".strip())
            marks.append(f'<a class="erratum-mark" href="{self.qa_href}" title="{title}">corrected</a>')
        return " ".join(marks)

    def inline(self, block: Block) -> str:
        spans = []
        if block.refs:  # most blocks refer to no footnote
            spans = footnote_spans(block.refs, self.ref_ids)
            for ref in block.refs:
                if ref.footnote_id not in self.footnotes_used:
                    self.footnotes_used.append(ref.footnote_id)
        if self.site.linker:
            spans += self.site.linker(block, self.page_dir)
        html = annotate(block.text, spans)
        return bulleted(html) if has_list(block.text) else html

    def page_marker(self, block: Block) -> str:
        if block.page is None or block.page == self.last_page:
            return ""
        first = self.last_page is None
        self.last_page = block.page
        if first and block.page == 1:
            return ""
        return (
            f'<div class="page-marker" data-page="{block.page}" id="page-{block.page}"'
            f' aria-label="Page {block.page} of the original">p. {block.page}</div>\n\n'
        )

    def blocks(self, blocks: Iterable[Block]) -> Markup:
        """The HTML of consecutive blocks, safe for a template."""
        return Markup("".join([self.block(b) for b in blocks]))

    def block(self, block: Block) -> str:
        return self._block(block) + self.editor_notes(block)

    def editor_notes(self, block: Block) -> str:
        """Editors' notes on a block, right after it (rendered by markdown-it, raw HTML escaped)."""
        notes = self.notes.get(block.id)
        if not notes:
            return ""
        out = ""
        for n, note in enumerate(notes, 1):
            nid = f"note-{block.id}" + (f"-{n}" if n > 1 else "")
            out += (
                f'<aside class="editor-note" id="{escape(nid)}" aria-label="Editor’s note on {escape(block.id)}">\n'
                f'<p class="editor-note-label">Editor’s note</p>\n{note_html(note)}\n</aside>\n\n'
            )
        return out

    def _block(self, block: Block) -> str:
        marker = self.page_marker(block)
        mark = self.erratum_mark(block)
        under_chart, self.under_chart = self.under_chart, False
        if block.type == "heading":
            note = f'<p class="erratum-note">{mark}</p>\n\n' if mark else ""
            kind = caption_kind(block.id)
            self.under_chart, self.in_box = kind in _CHART_KINDS, kind == "box"
            return marker + self.heading(block) + note
        num = escape(block.number or "")
        bid = escape(block.id)
        attrs = f'id="{bid}"'
        if block.page is not None:
            attrs += f' data-page="{block.page}"'
        if block.type != "text":
            self.in_box = False  # a numbered paragraph after a box's text: the box has ended
        if block.type == "paragraph":
            label = f'<a class="para-num" href="#{bid}">{num if "." in num else num + "."}</a> '  # "12.", "3.12"
            cite = self.report.citation(block)
            return marker + (f'<p class="para" {attrs} data-cite="{escape(cite)}">{label}{self.inline(block)}{" " + mark if mark else ""}</p>\n')
        if block.type == "item":
            cite = self.report.citation(block)
            label = f'<a class="para-num item-num" href="#{bid}">({num})</a> '
            kind = "para item subitem" if "-" in block.parent_number else "para item"  # "(i)" under "(a)"
            return marker + (
                f'<p class="{kind}" {attrs} data-cite="{escape(cite)}">{label}{self.inline(block)}</p>\n'
            )
        a_map = "map-" in block.id and caption_kind(block.id) == "map"  # a map's labels, named by its number
        if a_map or (under_chart and (block.cells or looks_like_chart_labels(block.text))):  # or a chart's
            body = _cells(block.cells) if block.cells else self.inline(block)
            kind = "chart-labels map-labels" if a_map else "chart-labels"
            return marker + self.chart_note(map_labels=a_map) + f'<p class="para text {kind}" {attrs}>{body}</p>\n'
        if block.cells and not block.refs:  # a table's cells, set apart (no links inside a table)
            if parts := table_parts(block):
                body = "".join(_table_part(part) for part in parts)
                table = f'<div class="para text table-rebuilt" {attrs}>{body}</div>\n'
                loose = any(not isinstance(part, Rows) for part in parts)
                columns = any(isinstance(part, Rows) and part.by_columns for part in parts)
                return marker + self.table_note(rows=True, loose=loose, columns=columns) + table
            cells = f'<p class="para text table-cells" {attrs}>{_cells(block.cells)}</p>\n'
            return marker + self.table_note(dotted=True) + cells
        note = self.table_note() if looks_tabular(block.text) else ""
        kind = "para text box-text" if self.in_box else "para text"
        if block.preambular:  # a resolution's preambular paragraph: cited by its place, with ¶ and Cite
            kind += " preambular"
            attrs += f' data-cite="{escape(self.report.citation(block))}"'
        return marker + note + f'<p class="{kind}" {attrs}>{self.inline(block)}</p>\n'

    def chart_note(self, map_labels: bool = False) -> str:
        official = escape(_official(self.site, self.report.meta.symbol))
        said = (
            "A map: the text layer has only its labels (places, legend, scale), in reading order. " if map_labels
            else "A chart: the text layer has only its labels and figures, in reading order. "
        )
        return (
            f'<p class="table-note">{said}'
            f'The <a class="external" href="{official}" rel="noopener external">official document</a> shows it.</p>\n'
        )

    def table_note(self, dotted: bool = False, rows: bool = False, loose: bool = False, columns: bool = False) -> str:
        official = escape(_official(self.site, self.report.meta.symbol))
        if rows:
            said = "A table: the text layer lost its layout; its rows are rebuilt from the cells"
            if columns:
                said += " (which came column by column; its totals check the reading)"
            else:
                said += " (a label and its figures)"
            said += ", cells that fit no row follow in reading order, set apart by dots. " if loose else ". "
        else:
            said = "A table: the text layer lost its layout, so its cells follow in reading order" + (
                ", set apart by dots. " if dotted else ". ")
        return (
            f'<p class="table-note">{said}'
            f'The <a class="external" href="{official}" rel="noopener external">official document</a> shows it.</p>\n'
        )

    def heading(self, block: Block) -> str:
        level = {1: 1, 2: 2, 4: 4}.get(block.level, 3)  # 4: under a lettered section of an annex's section
        if block.level == 1 and self.page_dir == section_dir(self.report, ""):
            level = 2  # sections shown on the index page sit under the report title
        # An unnumbered sub-heading straight under a section ("III." then "Regional offices")
        # is one level below it, not two; its siblings after it get the same level (they were
        # one deeper, nested under the first in the page's contents).
        while self.open_headings and self.open_headings[-1][0] >= block.level:
            self.open_headings.pop()
        parent = self.open_headings[-1][1] if self.open_headings else 1
        level = min(level, parent + 1)
        self.open_headings.append((block.level, level))
        number = f"{block.number}. " if block.number else ""
        if block.level == 1 and title_says_its_number(block.section, block.text):
            number = ""  # the heading text already says "Annex I" or "Chapter I"
        text = md_escape(number + block.text)
        box = " .box-title" if self.in_box else ""  # set by _block before it asks
        return f"\n{'#' * level} {text} {{#{block.id}{box}}}\n\n"

    def footnotes(self, extra: list[str] = ()) -> list[tuple[Footnote, Markup]]:
        wanted = list(dict.fromkeys(list(extra) + self.footnotes_used))
        by_id = {f.id: f for f in self.report.footnotes}
        out = []
        for fid in wanted:
            fn = by_id.get(fid)
            if fn is None:
                continue
            text_block = Block("text", fn.id, fn.text)
            html = annotate(fn.text, self.site.linker(text_block, self.page_dir) if self.site.linker else [])
            out.append((fn, Markup(html)))
        return out


def render_report(report: Report, site: SiteContext) -> dict[str, str]:
    """All files of one report: index page, one page per section, QA page, data.json."""
    files: dict[str, str] = {}
    site = _for_report(site, report)
    base = url_path(report.meta.symbol)
    sections = list(report.sections)
    keys = [s.key for s in sections]
    for n, section in enumerate(sections):
        prev_s = sections[n - 1] if n > 0 else None
        next_s = sections[n + 1] if n + 1 < len(sections) else None
        files[f"{base}{section.key}/index.md"] = _section_page(report, site, section, prev_s, next_s)
    files[f"{base}index.md"] = _index_page(report, site, sections[0] if sections else None)
    files[f"{base}qa/index.md"] = _qa_page(report, site)
    data = report_to_dict(report)
    if site.crossrefs is not None:
        from .crossrefs import citations_data

        data["citations"] = citations_data(site.crossrefs, report.meta.symbol)
    files[f"{base}data.json"] = dumps_indented(data, indent=1) + "\n"
    assert len(set(keys)) == len(keys), "section keys are unique"
    return files


@per_object
def _header_tops(report: Report) -> dict[tuple, str]:
    """This report's header tops by their links (filled by _header_context)."""
    return {}


def _header_context(report: Report, page_dir: str, site: SiteContext, pager: tuple | None = None, block_map=None) -> dict:
    """The header links and `header`, the finished <header> of a page: its top, a pager when
    `pager` = (prev, next, first) is given (each None or (Section, href)), the block map."""
    ctx = _header_links(report, page_dir, site)
    # The top of the header depends only on the report and these links, and they are the same
    # on every page one folder below the report (sections, QA, acronyms, notes): render it once.
    tops = _header_tops(report)
    key = tuple(v for k, v in ctx.items() if k != "meta")
    top = tops.get(key)
    if top is None:
        top = tops[key] = header_top(**ctx)
    return ctx | {"header": Markup(top + header_rest(report.meta.symbol, ctx["index"], pager, block_map))}


# The header is built here, not in templates: an include and its expressions cost ~20 us per
# page, these f-strings a tenth of that.
def header_top(meta, home, index, data_json, qa_href, official, glossary_href, notes_href) -> str:
    """The top of every report page's header: symbols, date, organs, title and the report's links."""
    symbols = " – ".join([f'<span class="symbol">{_h(s)}</span>' for s in meta.symbols])
    if meta.date:
        symbols += f' · <time datetime="{_h(meta.date)}">{_h(un_date(str(meta.date)))}</time>'
    organs = ""
    if meta.organs or meta.sessions:
        sessions = f" · {_h(', '.join(map(str, meta.sessions)))}" if meta.sessions else ""
        organs = f'<p class="report-organs">{_h(", ".join(map(str, meta.organs)))}{sessions}</p>'
    notes = f' · <a href="{_h(notes_href)}">Editors’ notes</a>' if notes_href else ""
    return (
        f'<header class="report-header" data-symbol="{_h(meta.symbol)}" markdown="0">\n'
        f'<p class="report-symbols">{symbols}</p>\n'
        f'{organs}<p class="report-title"><a href="{_h(index)}">{_h(meta.title or meta.symbol)}</a></p>\n'
        f'<p class="report-links">{official_pdf_link(official)} · '
        f'<a href="{_h(data_json)}" type="application/json">data.json</a> · <a href="{_h(glossary_href)}">Acronyms</a>'
        f'{notes} · <a href="{_h(qa_href)}">Text quality</a></p>\n'
    )


def official_pdf_link(href: str) -> str:
    """The link to a report's PDF on undocs.org, marked as leaving the site."""
    return (
        f'<a class="external" href="{_h(href)}" rel="noopener external" '
        'title="Official PDF on undocs.org (external site)">Official PDF<span class="external-mark" '
        'aria-label=" (external site)">↗</span></a>'
    )


def header_rest(symbol: str, index: str, pager: tuple | None, block_map: Mapping[str, str] | None) -> str:
    """What follows the header's top: the pager (if any), the block map (if any), </header>."""
    return (_pager(symbol, index, *pager) if pager else "") + _block_map_script(block_map) + "</header>\n"


def _pager(symbol: str, index: str, prev, next, first) -> str:
    """The pager under a report header: previous section, contents, next section (or the first
    section from the index page)."""
    out = f'<nav class="report-pager" aria-label="Sections of {_h(symbol)} (top)">'
    if prev:
        out += f'<a class="prev" rel="prev" href="{_h(prev[1])}" title="{_h(prev[0].title)}">← {_numbered(prev[0])}</a>'
    out += f'<a class="up" href="{_h(index)}">Contents</a>'
    if next:
        out += f'<a class="next" rel="next" href="{_h(next[1])}" title="{_h(next[0].title)}">{_numbered(next[0])} →</a>'
    elif first:
        out += f'<a class="next" href="{_h(first[1])}" title="{_h(first[0].title)}">Start reading →</a>'
    return out + "</nav>\n"


def _block_map_script(block_map: Mapping[str, str] | None) -> str:
    """The block map for the index page's script (what `{{ block_map | tojson }}` printed)."""
    if not block_map:
        return ""
    return f'<script type="application/json" class="block-map">{htmlsafe_json_dumps(block_map, sort_keys=True)}</script>\n'


def footnotes_html(footnotes: list[tuple[Footnote, Markup]]) -> Markup:
    """The notes section under a page's text, for (footnote, its HTML) pairs; "" without notes."""
    if not footnotes:
        return Markup("")
    rows = "".join([
        f'<p class="footnote" id="{_h(fn.id)}"><span class="fn-mark">{_h(fn.mark)}</span> {text} '
        f'<a class="fn-back" href="#{_h(ref_id(fn.id))}" aria-label="Back to the reference">↩</a></p>\n'
        for fn, text in footnotes
    ])
    return Markup(
        '\n<section class="footnotes" aria-label="Footnotes">\n<h2 class="footnotes-title">Notes</h2>\n'
        + rows + "</section>\n"
    )


def _header_links(report: Report, page_dir: str, site: SiteContext) -> dict:
    meta = report.meta
    base = url_path(meta.symbol)
    return {
        "meta": meta,
        "home": relative(page_dir, ""),
        "index": relative(page_dir, base),
        "data_json": relative(page_dir, base + "data.json"),
        "qa_href": relative(page_dir, base + "qa/"),
        "official": _official(site, meta.symbol),
        "glossary_href": relative(page_dir, base + "glossary/"),
        "notes_href": relative(page_dir, base + "annotations/") if report.notes else None,
    }



def _cells(cells: Iterable[str]) -> str:
    """Cells in reading order, each kept whole; the page's CSS sets dots between them."""
    return " ".join(map(_cell, cells))


def _cell(text: str) -> str:
    return f'<span class="cell">{escape(text)}</span>'


def _table_part(part: Rows | tuple[str, ...]) -> str:
    """A run of rebuilt rows as a table (its header when known), or left-over cells."""
    if not isinstance(part, Rows):
        return f'<p class="table-cells">{_marked_cells(part)}</p>'
    head = "".join(f"<th>{escape(c)}</th>" for c in part.header)
    if part.groups:  # the label column's title over both rows, each group's over its columns
        span = (len(part.header) - 1) // len(part.groups)
        tops = "".join(f'<th colspan="{span}" scope="colgroup">{escape(g)}</th>' for g in part.groups)
        subs = "".join(f'<th scope="col">{escape(c)}</th>' for c in part.header[1:])
        head = f'<th rowspan="2">{escape(part.header[0])}</th>{tops}</tr><tr>{subs}'
    rows = "".join(
        f"<tr><td>{escape(r.label)}{f'<sup>{escape(r.mark)}</sup>' if r.mark else ''}</td>"
        + "".join(f"<td>{_figure(v)}</td>" for v in r.values) + "</tr>"
        for r in part.rows
    )
    return f"<table>{f'<thead><tr>{head}</tr></thead>' if head else ''}<tbody>{rows}</tbody></table>"


def _figure(value: str) -> str:
    """A rebuilt row's figure, a note's mark run into it set as one ("1 214b": 1 214ᵇ)."""
    rest, mark = value[:-1], value[-1:]
    if (mark.islower() or mark == "*") and rest[-1:] and (rest[-1].isdigit() or rest[-1] in ")%"):
        return f"{escape(rest)}<sup>{escape(mark)}</sup>"
    return escape(value)


def _marked_cells(cells: tuple[str, ...]) -> str:
    """Cells as _cells sets them, a note mark cell joined to the note after it as its
    superscript: "a", "Including …" -> "ᵃ Including …" (a table's note under its rows)."""
    out: list[str] = []
    mark = ""
    for cell in cells:
        if mark and not cell[:1].isdigit():
            out.append(f'<span class="cell"><sup>{escape(mark)}</sup> {escape(cell)}</span>')
            mark = ""
            continue
        if mark:
            out.append(_cell(mark))
        mark = cell if len(cell) == 1 and cell.islower() else ""
        if not mark:
            out.append(_cell(cell))
    if mark:
        out.append(_cell(mark))
    return " ".join(out)


# Captions whose text under them is a chart's labels (models.caption_kind).
_CHART_KINDS = frozenset({"figure", "chart", "graph", "map"})


def _official(site: SiteContext, symbol: str) -> str:
    return site.official_base.rstrip("/") + "/" + symbol


def _section_page(report: Report, site: SiteContext, section: Section, prev_s, next_s) -> str:
    page_dir = section_dir(report, section.key)
    r = _PageRenderer(report, site, page_dir)
    blocks = body_by_section(report).get(section.key, ())
    body = r.blocks(blocks)
    if blocks and blocks[-1].type == "heading":  # nothing under the last heading: maybe nothing at all
        body += _no_text_note(report, site, blocks)
    prev = (prev_s, relative(page_dir, section_dir(report, prev_s.key))) if prev_s else None
    next = (next_s, relative(page_dir, section_dir(report, next_s.key))) if next_s else None
    ctx = _header_context(report, page_dir, site, pager=(prev, next, None))
    return section_markdown(report.meta.symbol, section, ctx["header"], body, footnotes_html(r.footnotes()), prev, next, ctx["index"])


def _no_text_note(report: Report, site: SiteContext, blocks) -> Markup:
    """A note under a heading with nothing after it ("Annex III" / "Map"): the original has
    this part as an image the text layer does not carry. Without it the page looks broken."""
    if any(b.type != "heading" for b in blocks):
        return Markup()
    page = next((b.page for b in blocks if b.page), None)
    where = f" (page {page})" if page else ""
    return Markup(
        '\n<p class="no-text-note">The text layer of the original has nothing under this heading: '
        f"in the PDF, this part{where} is most likely an image, such as a map or a chart, which cannot be shown here. "
        f"See it in the {official_pdf_link(_official(site, report.meta.symbol))}.</p>\n"
    )


def section_markdown(symbol: str, section: Section, header: str, body: str, footnotes: str, prev, next, index: str) -> str:
    """A section page: front matter, header, the section's blocks, its notes, links to the
    neighbouring sections. An f-string, not a template: every other part is built as HTML
    already, and the template's expressions cost ~15 us per page (a report has dozens)."""
    number = _section_number(section)
    prev_link = f'<a class="prev" rel="prev" href="{_h(prev[1])}">← {_numbered(prev[0])}</a>' if prev else ""
    next_link = f'<a class="next" rel="next" href="{_h(next[1])}">{_numbered(next[0])} →</a>' if next else ""
    return (
        "---\n"
        f"title: {yaml_string(_h(f'{symbol} {number}{section.title}'))}\n"
        f"report: {yaml_string(symbol)}\n"
        "---\n\n"
        f"{header}\n{body}\n{footnotes}\n"
        f'<nav class="section-nav" aria-label="Sections of {_h(symbol)}">\n'
        f'{prev_link}<a class="up" href="{_h(index)}">Contents</a>\n'
        f"{next_link}</nav>\n"
    )


def _numbered(section: Section) -> str:
    """ "III. Title" for the links under a section ("Annex II — Title" for an annex), escaped."""
    return _h(_section_number(section)) + _h(section.title)


def _section_number(section: Section) -> str:
    """ "III. " before a section's title; nothing before an annex's ("Annex II — …" says it)."""
    return f"{section.number}. " if section.number and not title_says_its_number(section.key, section.title) else ""


def title_says_its_number(key: str, title: str) -> bool:
    """The section's title names it already: an annex ("Annex II — …"), a chapter with no
    title but its label ("Chapter I")."""
    return key.startswith("annex") or title.startswith(("Chapter ", "CHAPTER "))


def _index_page(report: Report, site: SiteContext, first: Section | None) -> str:
    page_dir = section_dir(report, "")
    r = _PageRenderer(report, site, page_dir)
    preamble_blocks = body_by_section(report).get("", ())
    # The text before the masthead's end that is no metadata (a letter of transmittal, and "Annex"
    # with the annexed report's title: frontmatter.read_front) comes first, in the document's
    # order, with the headings that have no text under them before the first section (they
    # head the contents).
    n = len(preamble_blocks)
    while n and preamble_blocks[n - 1].type == "heading" and report.sections:
        n -= 1
    # Front blocks come first in the body ("Annex" may stand between two of them).
    lead = 1 + max((k for k in range(n) if preamble_blocks[k].id.startswith("front-text-")), default=-1)
    front = r.blocks([*preamble_blocks[:lead], *preamble_blocks[n:]])
    summary = r.blocks(report.summary)
    preamble = r.blocks(preamble_blocks[lead:n])
    toc = []
    for b in report.body:
        if b.type == "heading" and b.level in (0, 1, 2) and b.section:  # 0: a part ("Part one")
            target = section_dir(report, b.section) + ("" if b.level == 1 else f"#{b.id}")
            toc.append((b, relative(page_dir, target)))
    front_refs = [f.id for f in report.footnotes if FRONT_REFS.intersection(f.referenced_from)]
    cited, cited_by = _citation_lists(report, site, page_dir)
    first_link = (first, relative(page_dir, section_dir(report, first.key))) if first else None
    return index_markdown(
        report,
        header=_header_context(report, page_dir, site, pager=(None, None, first_link), block_map=block_map(report))["header"],
        summary=summary,
        preamble=preamble,
        toc=toc_items(toc),
        footnotes=footnotes_html(r.footnotes(front_refs)),
        front_refs={f.id: f for f in report.footnotes if f.id in front_refs},
        first=first_link,
        cited=cited_items(cited),
        cited_by=cited_by_items(cited_by),
        front=front,
    )


def index_markdown(report: Report, header: str, summary: str, preamble: str, toc: str, footnotes: str,
                   front_refs: Mapping[str, Footnote], first, cited: str, cited_by: str, front: str = "") -> str:
    """A report's index page: title, metadata, front text, summary, contents, preamble, notes, citations,
    a link to the first section. An f-string, not a template (what report_index.md.j2 printed;
    its expressions cost ~50 us a page). The HTML parts arrive finished (str or Markup)."""
    meta = report.meta
    meta_rows = _meta_rows(meta, front_refs)
    out = (
        "---\n"
        f"title: {yaml_string(_h(f'{meta.symbol} {meta.title}'))}\n"
        f"report: {yaml_string(str(meta.symbol))}\n"
        "---\n\n"
        f"{header}\n"
        f"# {md_escape(str(meta.title or meta.symbol))} {{#report-title}}\n\n"
        f'<dl class="report-meta">\n{meta_rows}</dl>\n'
    )
    if front:
        out += f"\n{front}\n"
    if summary:
        out += f"\n## {md_escape(meta.summary_heading)} {{#summary}}\n\n{summary}\n"
    if toc:
        out += f'\n## Contents {{#contents}}\n\n<ol class="report-toc">\n{toc}\n</ol>\n'
    if preamble:
        out += f"\n{preamble}\n"
    out += f"{footnotes}"
    if cited:
        out += f'\n## Documents cited {{#documents-cited}}\n\n<ul class="documents-cited">\n{cited}\n</ul>\n'
    if cited_by:
        out += f'\n## Cited by {{#cited-by}}\n\n<ul class="cited-by">\n{cited_by}\n</ul>\n'
    if first:
        out += (
            f'\n<nav class="section-nav"><a class="next" rel="next" href="{_h(first[1])}">Start reading: '
            f"{_numbered(first[0])} →</a></nav>\n"
        )
    return out


def _meta_rows(meta, front_refs: Mapping[str, Footnote]) -> str:
    """The <dt>/<dd> pairs of the index page's metadata list; a footnote on the symbol (a
    reissue's) or on the document type is marked there, the others on the agenda line."""
    on_symbol = {fid: fn for fid, fn in front_refs.items() if "symbol" in fn.referenced_from}
    on_type = {fid: fn for fid, fn in front_refs.items()
               if meta.doc_type and "type" in fn.referenced_from and fid not in on_symbol}
    front_refs = {fid: fn for fid, fn in front_refs.items() if fid not in on_symbol and fid not in on_type}
    out = f'<dt>Symbol</dt><dd>{_h(" – ".join(map(str, meta.symbols)))}{_front_marks(on_symbol)}</dd>\n'
    if meta.date:
        out += f'<dt>Date</dt><dd><time datetime="{_h(meta.date)}">{_h(un_date(str(meta.date)))}</time></dd>'
    if meta.doc_type:
        out += f"<dt>Type</dt><dd>{_h(meta.doc_type)}{_front_marks(on_type)}</dd>"
    if meta.organs:
        out += f'<dt>Organs</dt><dd>{_h(", ".join(map(str, meta.organs)))}</dd>'
    if meta.sessions:
        out += f'<dt>Session</dt><dd>{_h(", ".join(map(str, meta.sessions)))}</dd>'
    for n, line in enumerate(meta.agenda):
        if n == 0:
            out += f'<dt>Agenda</dt><dd id="agenda">{_h(line)}{_front_marks(front_refs)}</dd>\n'
        else:
            out += f"<dt></dt><dd>{_h(line)}</dd>\n"
    return out


def _front_marks(front_refs: Mapping[str, Footnote]) -> str:
    return "".join([
        f'<sup class="fnref" id="{_h(ref_id(fid))}"><a href="#{_h(fid)}">{_h(fn.mark)}</a></sup>'
        for fid, fn in front_refs.items()
    ])


def toc_items(toc: list[tuple[Block, str]]) -> Markup:
    """The <li> lines of the contents list for (heading, href) pairs; built here, not in the
    template, because a template spends microseconds per cell (a report has a hundred headings)."""
    return Markup("\n".join([
        f'<li class="toc-level-{_h(b.level)}"><a href="{_h(href)}">'
        f'{_h(f"{b.number}. ") if b.number and not title_says_its_number(b.section, b.text) else ""}{_h(b.text)}</a></li>'
        for b, href in toc
    ]))


def cited_items(cited: list[tuple[str, str | None, bool, list[tuple[str, str]]]]) -> Markup:
    """The <li> lines of "Documents cited" for (target, href, external, [(block id, href)]); built
    here, not in the template, for the same reason as toc_items (a loop with loop.last per place)."""
    items = []
    for target, href, external, places in cited:
        where = ", ".join([f'<a href="{_h(w)}">{_h(_cite_label(b))}</a>' for b, w in places])
        items.append(f"<li>{_document_link(target, href, external)}: {where}</li>")
    return Markup("\n".join(items))


def cited_by_items(cited_by: list[tuple[str, str, str]]) -> Markup:
    """The <li> lines of "Cited by" for (symbol, block id, href) triples."""
    return Markup("\n".join([f"<li>{_citing_link(*citing)}</li>" for citing in cited_by]))


def _document_link(target: str, href: str | None, external: bool) -> str:
    """A cited document: a link to it (inside the site or to undocs.org), or its name alone."""
    if not href:
        return _h(target)
    rel = ' rel="noopener"' if external else ""
    return f'<a class="cite {"external" if external else "internal"}" href="{_h(href)}"{rel}>{_h(target)}</a>'


def _citing_link(symbol: str, block_id: str, where: str) -> str:
    """'<a href="where">A/70/357, para. 12</a>': a paragraph that cites a document."""
    return f'<a href="{_h(where)}">{_h(symbol)}, {_h(_cite_label(block_id))}</a>'


def _code_point(part: str) -> str:
    """ "u2042" -> "⁂" (footnote_id's name for a mark with no name); other parts as they are."""
    if part.startswith("u") and 1 < len(part) <= 7 and all(c in "0123456789abcdef" for c in part[1:]) and int(part[1:], 16) <= 0x10FFFF:
        return chr(int(part[1:], 16))
    return part


# The ids a citation can come from, read back as a reader cites them (structure.py makes them).
# An annex ("annex", "annex-I"), a part or draft that numbers its paragraphs anew ("part-two",
# "draft-resolution-II"), then a paragraph and its items ("para-7-a-i") or a preambular one ("pp-3").
_PARA_ID = re.compile(
    r"^(?:(annex(?:-(?:[IVXL]+|\d+))?)-)?(?:(part-[a-z\d]+|draft-(?:resolution|decision)(?:-(?:[IVXL]+|\d+))?)-)?"
    r"(para|pp)-(\d[\d.]*)((?:-[a-z]{1,4}){0,2})$"
)
_NOTE_MARKS = {"star": "*", **{name: mark for mark, name in SYMBOL_NAMES.items()}}


def _cite_label(block_id) -> str:
    """ "para-12" -> "para. 12", "para-7-a" -> "para. 7 (a)", "annex-I-para-3" -> "annex I,
    para. 3", "draft-resolution-II-pp-2" -> "draft resolution II, preambular para. 2", "fn-1"
    -> "note 1", "fn-star" -> "note *"; unnumbered text by its place (_place_label). Report.citation
    words numbered blocks the same."""
    block_id = str(block_id)
    m = _PARA_ID.match(block_id)
    if m:
        annex, own, kind, number, items = m.groups()
        label = ("preambular para. " if kind == "pp" else "para. ") + number
        label += "".join(f" ({item})" for item in items.split("-")[1:])
        return ", ".join(part.replace("-", " ") for part in (annex, own, label) if part)
    if block_id.startswith("fn-"):
        mark = block_id[3:]
        if mark.startswith("star-") and mark[5:].isdigit():
            return "note " + "*" * int(mark[5:])
        return "note " + "".join(_NOTE_MARKS.get(part) or _code_point(part) for part in mark.split("-"))
    return _place_label(block_id)


# Unnumbered text ("III-text-2", "annex-II-text-1", "front-text-1") and section headings ("sec-IV-A").
_TEXT_ID = re.compile(r"^(.+)-text-\d+$")
_SECTION_HEADING_ID = re.compile(r"^sec-([IVXL]+|\d+)((?:-[A-Z])?(?:-\d+)?)$")
_PART_SECTION = re.compile(r"^part-([a-z\d]+)-([IVXL]+|\d+)$")


def _place_label(block_id: str) -> str:
    """Where a block that has no number of its own stands, as a reader would say it: "III-text-2"
    -> "section III", "annex-II-text-1" -> "annex II", "front-text-1" -> "opening text",
    "summary-3" -> "summary", "sec-IV-A" -> "section IV.A"; other ids as they are. Its id is a
    place in the file, which no citation names ("Cited by" printed "A/72/199, front-text-1")."""
    if block_id.startswith("summary-"):
        return "summary"
    if m := _TEXT_ID.match(block_id):
        key = m.group(1)
        if key in ("front", "body"):
            return "opening text" if key == "front" else "text"
        if key.startswith("annex"):
            return key.replace("-", " ")
        part = _PART_SECTION.match(key)
        return f"part {part.group(1)}, section {part.group(2)}" if part else f"section {key}"
    if m := _SECTION_HEADING_ID.match(block_id):
        return f"section {m.group(1)}{m.group(2).replace('-', '.')}"
    return block_id


def _citation_lists(report: Report, site: SiteContext, page_dir: str):
    """("Documents cited": [(target, href, external, [(block id, href)])], "Cited by": [(symbol, block, href)])."""
    refs = site.crossrefs
    if refs is None:
        return [], []
    grouped: dict[str, list] = {}
    for use in refs.uses.get(report.meta.symbol, []):
        link = use.link
        href = relative(page_dir, link.href) if link.internal and link.href else link.href
        entry = grouped.setdefault(link.citation.target, [link.citation.target, href, not link.internal, []])
        where = (use.block_id, relative(page_dir, use.block_page + "#" + use.block_id))
        if where not in entry[3]:
            entry[3].append(where)
    cited = [tuple(v) for _, v in sorted(grouped.items())]
    cited_by = [
        (u.report, u.block_id, relative(page_dir, u.block_page + "#" + u.block_id))
        for u in refs.cited_by(report.meta.symbol)
    ]
    return cited, list(dict.fromkeys(cited_by))


def block_map(report: Report) -> dict[str, str]:
    """Block id -> section page (relative to the report index), so /A/70/357/#para-57 can forward there."""
    base = section_dir(report, "")
    pages = page_of_block(report)
    to_page = {path: relative(base, path) for path in set(pages.values()) if path != base}  # one per section
    return {bid: to_page[path] for bid, path in pages.items() if path != base}


def _qa_page(report: Report, site: SiteContext) -> str:
    page_dir = url_path(report.meta.symbol) + "qa/"
    return qa_markdown(report, _header_context(report, page_dir, site)["header"], **_qa_rows(report.qa))


def qa_markdown(report: Report, header: str, correction_rows: str, dropped_rows: str) -> str:
    """A report's text-quality page. An f-string, not a template (what qa.md.j2 printed, which
    cost ~40 us a page in expressions and loops, the f-string a tenth of that)."""
    qa, symbol = report.qa, report.meta.symbol
    # Plain str: a Markup operand would make each "+" below escape the other side.
    header, correction_rows, dropped_rows = str(header), str(correction_rows), str(dropped_rows)
    return (
        "---\n"
        f"title: {yaml_string(f'Text quality of {symbol}')}\n"
        f"report: {yaml_string(str(symbol))}\n"
        "---\n\n"
        f"{header}\n"
        f"# Text quality of {md_escape(str(symbol))} {{#qa}}\n\n"
        f"How the text of this report was cleaned from its OCR source <code>{md_escape(str(report.source))}</code>, and what an editor should check.\n\n"
        '<table class="qa-summary">\n'
        f"<tr><th>Paragraphs</th><td>{len(report.paragraphs())}</td></tr>\n"
        f"<tr><th>Missing paragraph numbers</th><td>{_joined(qa.paragraph_gaps)}</td></tr>\n"
        f"<tr><th>Repeated paragraph numbers (kept as text)</th><td>{_joined(qa.paragraph_duplicates)}</td></tr>\n"
        f"<tr><th>Gaps in section letters</th><td>{_joined(qa.section_gaps)}</td></tr>\n"
        f"<tr><th>Corrections applied</th><td>{len(qa.corrections)}</td></tr>\n"
        f"<tr><th>Errata applied</th><td>{len(report.errata)}</td></tr>\n"
        f"<tr><th>Lines dropped as page furniture</th><td>{len(qa.dropped)}</td></tr>\n"
        f"<tr><th>Warnings</th><td>{len(qa.warnings)}</td></tr>\n"
        f"<tr><th>Suspicious tokens left</th><td>{len(qa.suspicious)}</td></tr>\n"
        "</table>\n\n"
        "## Warnings {#warnings}\n\n"
        + _qa_list("qa-warnings", [f"<li>{_h(w)}</li>\n" for w in qa.warnings])
        + "\n## Suspicious tokens {#suspicious}\n\n"
        "Words that still look like OCR damage after cleaning; an erratum can fix them.\n\n"
        + _qa_list("qa-suspicious", [f"<li><code>{_h(t)}</code></li>\n" for t in qa.suspicious])
        + "\n## Errata {#errata}\n\n"
        + _qa_table(
            '<table class="qa-errata"><thead><tr><th>Where</th><th>Original</th><th>Corrected</th><th>Note</th></tr></thead><tbody>\n',
            "".join([
                f"<tr><td><code>{_h(e.block_id)}</code></td><td><code>{_h(e.find)}</code></td>"
                f"<td><code>{_h(e.replace)}</code></td><td>{_h(e.note)}</td></tr>\n"
                for e in report.errata
            ]) if report.errata else "",
        )
        + "\n## Corrections {#corrections}\n\n"
        + _qa_table(
            '<table class="qa-corrections"><thead><tr><th>Where</th><th>Rule</th><th>Original</th><th>Corrected</th></tr></thead><tbody>\n',
            correction_rows + "\n" if qa.corrections else "",
        )
        + "\n## Dropped lines {#dropped}\n\n"
        + _qa_table(
            '<table class="qa-dropped"><thead><tr><th>Line</th><th>Rule</th><th>Text</th></tr></thead><tbody>\n',
            dropped_rows + "\n" if qa.dropped else "",
        )
    )


def _joined(items) -> str:
    """What `{{ items | join(", ") or "none" }}` printed for the QA model's plain strings."""
    return _h(", ".join(map(str, items)) or "none")


def _qa_list(css: str, items: list[str]) -> str:
    return f'<ul class="{css}">\n' + "".join(items) + "</ul>\n" if items else "None.\n"


def _qa_table(head: str, rows: str) -> str:
    return head + rows + "</tbody></table>\n" if rows else "None.\n"


def _qa_rows(qa) -> dict[str, Markup]:
    """The rows of the QA page's two long tables, built here: a template spends microseconds per cell."""
    corrections = [
        f"<tr><td><code>{_h(c.block_id)}</code></td><td>{_h(c.rule)}</td><td><code>{_h(c.original)}</code></td>"
        f"<td><code>{_h(c.replacement)}</code></td></tr>"
        for c in qa.corrections
    ]
    dropped = [
        f"<tr><td>{_h(d.lineno)}</td><td>{_h(d.rule)}</td><td><code>{_h(d.text)}</code></td></tr>" for d in qa.dropped
    ]
    return {"correction_rows": Markup("\n".join(corrections)), "dropped_rows": Markup("\n".join(dropped))}


def _h(value: Any) -> str:
    """What {{ value }} prints in an autoescaping template (markupsafe's escape, &#34; for "), as str.
    A plain str (inline.html_plain) is its own escape: thousands of table cells and links per corpus."""
    if type(value) is str and html_plain(value):
        return value
    if type(value) is int:  # line and block numbers: digits need no escaping
        return int.__repr__(value)
    return str(markup_escape(value))


def render_home(reports: list[Report]) -> str:
    rows = [(r, url_path(r.meta.symbol)) for r in sorted(reports, key=lambda r: (r.meta.date or "", r.meta.symbol))]
    return _ENV.get_template("home.md.j2").render(rows=rows)


def render_citations_index(refs) -> str:
    """corpus/citations/: every cited symbol, sorted, with the paragraphs that cite it."""
    page_dir = "corpus/citations/"
    rows = []
    for target, uses in refs.index().items():
        first = uses[0].link
        href = relative(page_dir, first.href) if first.internal and first.href else first.href
        citing = list(dict.fromkeys(
            (u.report, u.block_id, relative(page_dir, u.block_page + "#" + u.block_id)) for u in uses
        ))
        rows.append((target, href, not first.internal, citing_links(citing)))
    return _ENV.get_template("citations.md.j2").render(rows=citation_index_rows(rows))


def citation_index_rows(rows: list[tuple[str, str | None, bool, str]]) -> Markup:
    """The <tr> lines of the citations index for (target, href, external, "Cited in" HTML); built
    here, not in the template, which spent ~2 us per row (hundreds of rows: 0.9 -> 0.2 ms)."""
    return Markup("".join([
        f"<tr><td>{_document_link(target, href, external)}</td><td>{citing}</td></tr>\n"
        for target, href, external, citing in rows
    ]))


def citing_links(citing: Iterable[tuple[str, str, str]]) -> Markup:
    """'<a href="where">A/70/357, para. 12</a>; ...' for (symbol, block id, href) triples; built
    here because a template loop with loop.last costs microseconds per link (thousands on a big site)."""
    return Markup("; ".join([_citing_link(*link) for link in citing]))


def render_site_qa(reports: list[Report], refs=None) -> str:
    rows = []
    for r in sorted(reports, key=lambda r: r.meta.symbol):
        uses = refs.uses.get(r.meta.symbol, []) if refs else []
        suspects = refs.suspects.get(r.meta.symbol, []) if refs else []
        counts = {
            "citations": len(uses),
            "internal": sum(1 for u in uses if u.link.internal),
            "unlinked": sum(1 for u in uses if not u.link.href),
            "suspects": len(suspects),
        }
        rows.append((r, relative("corpus/qa/", url_path(r.meta.symbol) + "qa/"), counts))
    return _ENV.get_template("site_qa.md.j2").render(rows=rows)
