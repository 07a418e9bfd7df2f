"""The reader's extra pages: acronyms per report and for the site, editors' notes per report.

Pure like render.py: each function returns {relative path: Markdown}.
"""

from __future__ import annotations

from markupsafe import Markup

from .acronyms import Acronym, find_acronyms
from .annotations import note_html
from .models import Block, Report
from .render import _ENV, SiteContext, _h, _header_context, _place_label, page_of_block, relative
from .symbols import url_path


def cite_label(report: Report, block_id: str) -> str:
    """How a reader cites a block: "para. 12", "para. 7 (a)", "annex I, para. 3", "preambular
    para. 3"; a heading by its text, other unnumbered text by where it stands ("section III")."""
    block: Block | None = report.block(block_id)
    if block is None:
        return block_id
    if block.type in ("paragraph", "item") or block.preambular:
        return report.citation(block)
    return block.text if block.type == "heading" else _place_label(block_id)


def _block_href(report: Report, page_dir: str, block_id: str) -> str:
    return relative(page_dir, page_of_block(report)[block_id] + "#" + block_id)


def report_pages(report: Report, site: SiteContext) -> dict[str, str]:
    base = url_path(report.meta.symbol)
    files = {f"{base}glossary/index.md": glossary_page(report, site)}
    if report.notes:
        files[f"{base}annotations/index.md"] = annotations_page(report, site)
    return files


def glossary_page(report: Report, site: SiteContext) -> str:
    page_dir = url_path(report.meta.symbol) + "glossary/"
    rows = [
        (a, _block_href(report, page_dir, a.block_id), cite_label(report, a.block_id))
        for a in sorted(find_acronyms(report), key=lambda a: a.acronym)
    ]
    return _ENV.get_template("glossary.md.j2").render(
        report=report, rows=glossary_rows(rows), **_header_context(report, page_dir, site)
    )


# The rows of the glossaries are built here, not in their templates: a template loop spends
# microseconds per cell (glossary pages of the six reports: 0.28 -> 0.1 ms).
def glossary_rows(rows: list[tuple[Acronym, str, str]]) -> Markup:
    """The <tr> lines of a report's glossary for (acronym, href, label) triples."""
    return Markup("".join([
        f'<tr id="acronym-{_h(a.acronym)}"><td><abbr title="{_h(a.expansion)}">{_h(a.acronym)}</abbr></td>'
        f'<td>{_h(a.expansion)}</td><td><a href="{_h(href)}">{_h(label)}</a></td></tr>\n'
        for a, href, label in rows
    ]))


def site_glossary_rows(rows: list[tuple[str, str, list[tuple[str, str]]]]) -> Markup:
    """The <tr> lines of the site's glossary for (acronym, expansion, [(label, href)])."""
    return Markup("".join([
        f'<tr><td><abbr title="{_h(expansion)}">{_h(acronym)}</abbr></td><td>{_h(expansion)}</td><td>'
        + ", ".join([f'<a href="{_h(href)}">{_h(label)}</a>' for label, href in links])
        + "</td></tr>\n"
        for acronym, expansion, links in rows
    ]))


def annotations_page(report: Report, site: SiteContext) -> str:
    page_dir = url_path(report.meta.symbol) + "annotations/"
    order = {b.id: n for n, b in enumerate(report.blocks())}
    rows = [
        (n, _block_href(report, page_dir, n.block_id), cite_label(report, n.block_id), Markup(note_html(n)))
        for n in sorted(report.notes, key=lambda n: (order[n.block_id], n.lineno))
    ]
    return _ENV.get_template("annotations.md.j2").render(report=report, rows=rows, **_header_context(report, page_dir, site))


def site_glossary(reports: list[Report]) -> str:
    """One row per (acronym, expansion): reports that agree share a row, reports that differ get their own."""
    rows: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for report in sorted(reports, key=lambda r: r.meta.symbol):
        for a in find_acronyms(report):
            target = page_of_block(report)[a.block_id] + "#" + a.block_id
            label = f"{report.meta.symbol}, {cite_label(report, a.block_id)}"
            rows.setdefault((a.acronym, a.expansion), []).append((label, relative("corpus/glossary/", target)))
    ordered = [(acr, exp, links) for (acr, exp), links in sorted(rows.items())]
    return _ENV.get_template("site_glossary.md.j2").render(rows=site_glossary_rows(ordered))
