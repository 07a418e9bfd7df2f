"""Static redirect pages: short paragraph addresses and the other symbols of a joint report."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from build_tools.pipeline import convert_file
from build_tools.redirects import redirect_page, redirect_pages
from build_tools.render import SiteContext, render_report

SOURCES = Path(__file__).resolve().parent.parent / "source_texts"
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


@pytest.fixture(scope="module")
def joint():
    return convert_file(SOURCES / "A_70_357.txt")


@pytest.fixture(scope="module")
def pages(joint):
    return redirect_pages(joint)


def _target(path: str, html: str) -> tuple[str, str]:
    """(site path of the page the redirect points to, fragment), resolved like a browser would."""
    href = REFRESH.search(html).group(1)
    rel, _, frag = href.partition("#")
    folder = posixpath.dirname(path) + "/"
    return posixpath.normpath(posixpath.join(folder, rel)) + "/", frag


def test_every_numbered_paragraph_and_item_has_a_short_address(joint, pages):
    expected = {f"A/70/357/{b.id}/index.html" for b in joint.body if b.type in ("paragraph", "item")}
    assert expected <= set(pages)
    assert "A/70/357/para-12/index.html" in pages


@pytest.mark.parametrize(
    "path, lands_on, fragment",
    [
        ("A/70/357/para-12/index.html", "A/70/357/III/", "para-12"),
        ("A/70/357/para-57/index.html", "A/70/357/IV/", "para-57"),
        ("S/2015/682/index.html", "A/70/357/", ""),
    ],
)
def test_relative_targets(pages, path, lands_on, fragment):
    assert _target(path, pages[path]) == (lands_on, fragment)


def test_every_target_holds_its_paragraph(joint, pages):
    rendered = render_report(joint, SiteContext())
    for path, html in pages.items():
        page, frag = _target(path, html)
        assert page + "index.md" in rendered, path
        if frag:
            assert f'id="{frag}"' in rendered[page + "index.md"], path


@pytest.mark.parametrize("path", ["A/70/357/para-12/index.html", "S/2015/682/index.html"])
def test_pages_work_without_javascript_and_stay_out_of_search(pages, path):
    html = pages[path]
    assert '<meta name="robots" content="noindex">' in html
    href = REFRESH.search(html).group(1)
    assert f'<a href="{href}">' in html, "a visible link for browsers that ignore the refresh"
    assert f'<link rel="canonical" href="{href}">' in html


def test_joint_symbol_keeps_the_fragment(pages):
    assert "location.hash" in pages["S/2015/682/index.html"]
    assert "location.hash" not in pages["A/70/357/para-12/index.html"]


def test_redirect_page_escapes_everything():
    html = redirect_page('../x/#"></script><!--', "<b>t</b>", "a & b")
    script = html.split("<script>", 1)[1].split("</script>", 1)[0]
    assert script == 'location.replace("../x/#\\">\\u003c/script>\\u003c!--" + "");'
    assert "<b>" not in html and "&lt;b&gt;t&lt;/b&gt;" in html and "a &amp; b" in html
    assert 'href="../x/#&quot;&gt;&lt;/script&gt;&lt;!--"' in html
