"""The plugin's raw-HTML stash must not change a byte of the HTML, nor the anchors MkDocs sees.

Each case is converted by Python-Markdown with the site's extensions plus MkDocs' own raw-HTML
id collector, with and without StashRawBlocks, and the outputs and anchor sets are compared.
"""

from __future__ import annotations

import markdown
import pytest
from mkdocs.structure.pages import _RawHTMLPreprocessor

from build_tools.mkdocs_plugin import StashRawBlocks, _StashRawBlocks, raw_block_end
from build_tools.sitegen import render_corpus

EXTENSIONS = ["attr_list", "toc"]


def convert(text: str, stash: bool) -> tuple[str, set[str]]:
    md = markdown.Markdown(extensions=EXTENSIONS + ([StashRawBlocks()] if stash else []),
                           extension_configs={"toc": {"permalink": "¶"}})
    ids = _RawHTMLPreprocessor()
    ids._register(md)
    html = md.convert(text)
    return html, ids.present_anchor_ids


def stashed_count(text: str) -> int:
    """Stash entries: one per run of consecutive raw blocks."""
    md = markdown.Markdown()
    _StashRawBlocks(md).run(text.split("\n"))
    return len(md.htmlStash.rawHtmlBlocks)


P1 = '<p class="para" id="para-1"><a class="para-num" href="#para-1">1.</a> The &lt;text&gt; &amp; more.</p>'
P2 = '<p class="para" id="para-2"><a href="../IV/#para-9">para. 9</a> and <abbr title="x">UN</abbr>.</p>'

CASES = {
    "one paragraph": (P1, 1),
    "paragraphs on consecutive lines (one stash entry)": (f"{P1}\n{P2}\n", 1),
    "blank lines between (one stash entry)": (f"# Head {{#sec-I}}\n\n{P1}\n\n{P2}\n\nclosing text\n", 1),
    "a heading between blocks": (f"{P1}\n\n# Head {{#sec-I}}\n\n{P2}\n", 2),
    "text right after a block": (f"{P1}\ntext after\n\n{P2}", 2),
    "text right before a block (left to html_block)": (f"text before\n{P1}\n\n{P2}", 1),
    "two elements on one line (left to html_block)": (f"{P1}{P2}\n\n", 0),
    "table with blank lines inside a cell": (
        '<table class="qa"><tr><td><code>\n\nTailored</code></td></tr>\n<tr><td>x</td></tr></table>\n\n' + P1, 1),
    "nested divs": ('<div class="a">\n<div class="b">x</div>\n<p>y</p>\n</div>\n\n' + P1, 1),
    "header with paragraphs and a nav": (
        '<header class="report-header" markdown="0">\n<p class="s">A</p>\n<p class="o">B</p><p class="t">C</p>\n'
        '<nav class="report-pager"><a href="../">Contents</a></nav>\n</header>\n\n\n# Title {#sec-II}\n\n' + P1, 2),
    "unknown element stops the stash": ("<details>\n\n" + P1 + "\n\n</details>\n\n" + P2, 0),
    "comment stops the stash": ("<!-- note -->\n\n" + P1, 0),
    "md_in_html attribute stops the stash": ('<div markdown="1">\n\n*x*\n\n</div>\n\n' + P1, 0),
    "element not closed at a line end": ("<p>x</p> tail\n\n" + P1, 0),
    "unclosed element": ("<div>\n\n" + P1, 0),
    "paragraph at the very end after one blank line": (f"{P1}\n\n", 1),
    "paragraph at the very end after a line break": (f"{P1}\n", 1),
    "paragraph then a blank line then a heading": (f"{P1}\n\n# H\n", 1),
    "pre is not p": ("<pre>\n<p>x</p>\n</pre>\n\n" + P1, 0),
    "indented html is left alone": ("  " + P1 + "\n\n" + P2, 1),
    "list then block": ("- item\n\n" + P1, 1),
}


@pytest.mark.parametrize("text,stashed", CASES.values(), ids=CASES.keys())
def test_same_html_and_anchors(text, stashed):
    assert convert(text, stash=True) == convert(text, stash=False)
    assert stashed_count(text) == stashed


def test_every_generated_page_converts_identically(reports):
    """All Markdown the text stage writes for the six reports: stashed fully, same HTML and ids."""
    pages = {rel: text for rel, text in render_corpus(list(reports.values())).items() if rel.endswith(".md")}
    assert len(pages) > 50
    for rel, text in pages.items():
        body = text.split("---\n", 2)[-1] if text.startswith("---\n") else text
        md = markdown.Markdown()
        stash = _StashRawBlocks(md)
        stash.run(body.split("\n"))
        assert stash.stopped_at is None, rel  # every raw block of a generated page is stashed
        assert convert(body, stash=True) == convert(body, stash=False), rel


@pytest.mark.parametrize("lines,end", [
    (["<p>a</p>"], 0),
    (["<div>", "<div>x</div>", "</div>"], 2),
    (["<div>", "</div> tail"], None),
    (["<p>a</p><p>b</p>"], None),
    (["<div>", "x"], None),
])
def test_raw_block_end(lines, end):
    tag = lines[0][1:].split(">")[0].split(" ")[0]
    assert raw_block_end(lines, 0, tag) == end
