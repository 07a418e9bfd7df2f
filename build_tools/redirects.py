"""Static redirect pages, so short and old addresses work without JavaScript.

    /A/70/357/para-12/   -> ../III/#para-12   (every numbered paragraph and sub-item, and
                                              a resolution's preambular paragraphs: pp-3)
    /S/2015/682/         -> ../../../A/70/357/ (every other symbol of a joint report)
    /S/2015/421/annex-para-3/ -> ../II/#para-3 (a report annexed to a letter: its paragraphs
                                              by their official address, "annex, para. 3")

They are finished HTML files that the engine never sees (the plugin writes them straight
into the built site, see sitegen.split_site_only): no theme, no nav,
no search entry, no sitemap entry, and `noindex` for search engines. Each has a
meta refresh, a visible link, and a line of script that keeps the #fragment
(so /S/2015/682/#para-57 lands on the paragraph).
"""

from __future__ import annotations

from json.encoder import encode_basestring_ascii  # what json.dumps(str) returns, without its argument checks

from .inline import escape  # html.escape(quote=True), faster
from .models import Report, annex_key
from .render import page_of_block, relative
from .symbols import url_path

# Blocks that get a short address of their own: the numbered paragraphs and their lettered
# sub-items; and a resolution's preambular paragraphs (/A/RES/72/199/pp-3/).
REDIRECTED_TYPES = ("paragraph", "item")

def redirect_page(target: str, title: str, text: str, keep_hash: bool = False) -> str:
    """One redirect page; `target` is relative to the page's own folder.
    (An f-string: str.format re-parses the page for each of the site's many redirects.)"""
    js_href = encode_basestring_ascii(target).replace("<", "\\u003c")  # no "</script>" or "<!--" inside the script
    title, href, text = escape(title), escape(target), escape(text)
    keep = "location.hash" if keep_hash else '""'
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="canonical" href="{href}">
<meta http-equiv="refresh" content="0; url={href}">
<script>location.replace({js_href} + {keep});</script>
</head>
<body>
<p>{text} <a href="{href}">{title}</a>.</p>
</body>
</html>
"""


def redirect_pages(report: Report) -> dict[str, str]:
    """{docs-relative path: HTML} for the report's paragraph addresses and its other symbols."""
    files: dict[str, str] = {}
    base = url_path(report.meta.symbol)
    pages = page_of_block(report)
    # Every paragraph folder is one level below the report, so a section page has one address
    # from all of them (unless it lies inside that folder): asked once per section, not per
    # paragraph (a site of N=1000 made 90,000 calls of relative(), none of them repeated).
    from_paragraphs: dict[str, str] = {}
    symbol, annex = report.meta.symbol, report.meta.body_annex
    for block in report.body:
        if block.type not in REDIRECTED_TYPES and not block.preambular:
            continue
        page_dir = f"{base}{block.id}/"
        page = pages[block.id]
        if page.startswith(page_dir):
            to_page = relative(page_dir, page)
        elif (to_page := from_paragraphs.get(page)) is None:
            to_page = from_paragraphs[page] = relative(page_dir, page)
        target = f"{to_page}#{block.id}"
        label = f"{symbol}, {report.citation(block)}"  # "S/2018/241, annex I, para. 10"
        files[f"{page_dir}index.html"] = redirect_page(target, label, "This paragraph is at")
        if annex is not None and not block.section.startswith("annex"):
            # Written before the annexes' own paragraphs, which replace an alias of their id.
            alias = f"{base}{annex_key(annex)}-{block.id}/"
            to_block = f"{relative(alias, page)}#{block.id}"
            files[f"{alias}index.html"] = redirect_page(to_block, label, "This paragraph is at")
    for symbol in report.meta.symbols[1:]:
        page_dir = url_path(symbol)
        target = relative(page_dir, base)
        files[f"{page_dir}index.html"] = redirect_page(
            target, report.meta.symbol, f"{symbol} is published jointly as", keep_hash=True
        )
    return files
