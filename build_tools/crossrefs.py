"""The corpus' citation graph: who cites whom, and the links each paragraph carries.

Built once per site from the Report models (find -> resolve), then read by the
render stage: a linker that wraps citation spans in <a>, the "Documents cited" and
"Cited by" lists of each report, the site's citations index, and data.json.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from .citations import find_citations_and_suspects
from .inline import Span, escape
from .linking import DEFAULT_BASE_URL, Link, resolve
from .models import Block, Report, annex_key
from .symbols import url_path

# Each "/" of an href ends one folder prefix of it (see CrossRefs.cited_by).
_SLASH = re.compile("/")


@dataclass(frozen=True)
class CitationUse:
    """One citation in one block of one report."""

    report: str  # citing report's primary symbol
    block_id: str
    block_page: str  # site path of the page that shows the block
    link: Link


@dataclass
class CrossRefs:
    published: dict[str, str]
    base_url: str = DEFAULT_BASE_URL
    uses: dict[str, list[CitationUse]] = field(default_factory=dict)  # report -> its citations
    by_block: dict[tuple[str, str], list[Link]] = field(default_factory=dict)
    suspects: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # report -> (block, text)

    _by_prefix: dict[str, list[CitationUse]] | None = field(default=None, init=False, repr=False, compare=False)
    _by_report: dict[str, dict[str, list[Link]]] | None = field(default=None, init=False, repr=False, compare=False)

    def cited_by(self, symbol: str) -> list[CitationUse]:
        """Citations in other reports whose target is this report (any of its symbols).

        Every report asks, so scanning all uses each time made a site quadratic in its size
        (N=200: 7 ms per report); an index of internal uses by each folder prefix of their
        href answers the same "href starts with the report's page" test with one lookup."""
        page = self.published.get(symbol)
        if page and page.endswith("/"):
            return [u for u in self._uses_by_prefix().get(page, ()) if u.report != symbol]
        return [
            u
            for report, uses in sorted(self.uses.items())
            if report != symbol
            for u in uses
            if u.link.internal and u.link.href and u.link.href.startswith(page or "\0")
        ]

    def _uses_by_prefix(self) -> dict[str, list[CitationUse]]:
        """"A/", "A/70/", "A/70/357/", ... -> internal uses whose href starts so, in citing
        report order. Built on first use: `uses` must be complete by then (build_crossrefs)."""
        if self._by_prefix is None:
            index: dict[str, list[CitationUse]] = defaultdict(list)
            for _, uses in sorted(self.uses.items()):
                for u in uses:
                    href = u.link.href
                    if not (u.link.internal and href):
                        continue
                    for slash in _SLASH.finditer(href):
                        index[href[: slash.end()]].append(u)
            self._by_prefix = dict(index)
        return self._by_prefix

    def _links_by_report(self) -> dict[str, dict[str, list[Link]]]:
        """by_block as report -> block id -> links, built on first use (`by_block` must be
        complete by then): a block's lookup then needs no (report, block) key tuple."""
        if self._by_report is None:
            grouped: dict[str, dict[str, list[Link]]] = defaultdict(dict)
            for (symbol, block_id), links in self.by_block.items():
                grouped[symbol][block_id] = links
            self._by_report = dict(grouped)
        return self._by_report

    def index(self) -> dict[str, list[CitationUse]]:
        """Cited target -> every use, for the site's citations page."""
        out: dict[str, list[CitationUse]] = defaultdict(list)
        for uses in self.uses.values():
            for u in uses:
                out[u.link.citation.target].append(u)
        return dict(sorted(out.items()))

    def linker(self, report: Report):
        """A render linker: (block, page_dir) -> <a> spans around this block's citations."""
        from .render import relative

        mine = self._links_by_report().get(report.meta.symbol, {})  # block id -> links

        def link_spans(block: Block, page_dir: str) -> list[Span]:
            spans = []
            for link in mine.get(block.id, ()):
                if not link.href:
                    continue
                c = link.citation
                title = escape(f"{c.target}")
                if link.internal:
                    href = escape(relative(page_dir, link.href))
                    before = f'<a class="cite internal" href="{href}" title="{title}">'
                else:
                    before = f'<a class="cite external" href="{escape(link.href)}" title="{title} (official document)" rel="noopener">'
                spans.append(Span(c.start, c.end, before, "</a>"))
            return spans

        return link_spans


def _cited_texts(report: Report, pages: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(block id, page, text) of everything that can cite: blocks, then footnotes.

    A footnote is shown under every page that refers to it; its citations are counted
    once, on the first of those pages (render.footnote_page). A footnote nothing refers
    to is not shown, so its citations are not counted."""
    from .render import footnote_page

    out = [(b.id, pages[b.id], b.text) for b in report.blocks()]
    for fn in report.footnotes:
        page = footnote_page(report, fn)
        if page is not None:
            out.append((fn.id, page, fn.text))
    return out


def _anchor_lookup(reports: dict[str, Report], published: dict[str, str]):
    """(symbol, paragraph) -> site path of that paragraph, when we publish it."""
    from .render import page_of_block

    pages = {r.meta.symbol: page_of_block(r) for r in reports.values()}

    def anchors(symbol: str, paragraph: str, annex: str | None = None) -> str | None:
        report = reports.get(published.get(symbol, "").rstrip("/"))
        if report is None:
            return None
        if paragraph.startswith("preambular "):  # a resolution's preambular paragraph: "preambular 3" -> pp-3
            block_id = f"pp-{paragraph[11:]}"
        else:
            block_id = f"para-{paragraph}".replace(" ", "").replace("(", "-").replace(")", "")
        if annex is not None and annex != report.meta.body_annex:
            # A report annexed to a letter has its paragraphs as para-N: "annex, para. 3" is
            # its para-3; other annexes' paragraphs are annex-I-para-3, annex-para-3.
            block_id = f"{annex_key(annex)}-{block_id}"
        page = pages[report.meta.symbol].get(block_id)
        return f"{page}#{block_id}" if page else None

    return anchors


def build_crossrefs(reports: list[Report], published: dict[str, str], base_url: str = DEFAULT_BASE_URL) -> CrossRefs:
    from .render import page_of_block

    by_symbol = {r.meta.symbol: r for r in reports}
    refs = CrossRefs(published, base_url)
    anchors = _anchor_lookup(by_symbol, published)
    for report in sorted(reports, key=lambda r: r.meta.symbol):
        pages = page_of_block(report)
        uses, suspects = [], []
        for block_id, page, text in _cited_texts(report, pages):
            citations, damaged = find_citations_and_suspects(text)
            if not (citations or damaged):
                continue  # most paragraphs cite nothing: no empty lists built for them
            links = [resolve(c, published, base_url, anchors) for c in citations]
            if links:
                refs.by_block[(report.meta.symbol, block_id)] = links
            uses += [CitationUse(report.meta.symbol, block_id, page, l) for l in links]
            suspects += [(block_id, found) for _, _, found in damaged]
        refs.uses[report.meta.symbol] = uses
        refs.suspects[report.meta.symbol] = suspects
    return refs


def citations_data(refs: CrossRefs, symbol: str) -> list[dict]:
    """The `citations` list of data.json; ids number the citations within their block."""
    out, counts = [], defaultdict(int)
    for u in refs.uses.get(symbol, []):
        counts[u.block_id] += 1
        c = u.link.citation
        out.append(
            {
                "id": f"{u.block_id}-cite-{counts[u.block_id]}",
                "text": c.text,
                "target": c.target,
                "kind": c.kind,
                "paragraph": u.block_id,
                "pinpoint": list(c.paragraphs),
                **({"annex": c.annex} if c.annex is not None else {}),  # the pinpoints' annex
                "href": u.link.href,
                "internal": u.link.internal,
            }
        )
    return out


__all__ = ["CrossRefs", "CitationUse", "build_crossrefs", "citations_data", "url_path"]
