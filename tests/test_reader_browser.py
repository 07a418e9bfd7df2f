"""The reader's experience, in headless Chromium on the real built site.

The site is built once (mkdocs build into a temp folder) and served on 127.0.0.1.
Screenshots go to /tmp/ui-*.png for a person to look at; the assertions check
what a reader would notice: where the number sits, what gets copied, where a
link lands, what is hidden in print.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import serve_directory

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
SHOTS = Path("/tmp")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.site,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs Chromium at {CHROMIUM}"),
]

playwright_api = pytest.importorskip("playwright.sync_api", reason="needs Playwright for Python")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="session")
def base_url(site_dir):
    with serve_directory(site_dir) as url:
        yield url.rstrip("/")


@pytest.fixture
def page(browser, base_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    pg = ctx.new_page()
    pg.set_default_timeout(5000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    ctx.close()
    assert not errors, f"JavaScript errors: {errors}"


def _box(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box, f"{selector} is not visible"
    return box


def _doc_box(page, selector):
    """Position in the document (not the viewport), so scrolling does not count as moving."""
    return page.locator(selector).first.evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return [r.left + scrollX, r.top + scrollY, r.width, r.height]; }"
    )


def _opacity(page, selector) -> float:
    return float(page.locator(selector).first.evaluate("el => getComputedStyle(el).opacity"))


# -- 1. paragraph number and ¶ / Cite controls ----------------------------------


def test_paragraph_number_hangs_in_the_margin(page):
    page.goto("/A/70/357/III/")
    page.screenshot(path=str(SHOTS / "ui-desktop.png"))
    num, para = _box(page, "#para-12 .para-num"), _box(page, "#para-12")
    text_left = page.locator("#para-12").evaluate(
        "p => { const r = document.createRange(); r.selectNodeContents(p.lastChild); return r.getBoundingClientRect().left; }"
    )
    assert num["x"] + num["width"] <= text_left, "the number sits left of the text, in a gutter"
    assert abs(num["y"] - para["y"]) < 2, "the number is on the first line"


def test_controls_appear_on_hover_and_focus_without_moving_text(page):
    page.goto("/A/70/357/III/")
    page.locator("#para-12").scroll_into_view_if_needed()
    before = _doc_box(page, "#para-12")
    assert _opacity(page, "#para-12 .para-tools") == 0
    page.hover("#para-12")
    page.wait_for_timeout(250)
    assert _opacity(page, "#para-12 .para-tools") == 1
    assert _doc_box(page, "#para-12") == before, "showing the controls must not move the text"
    page.screenshot(path=str(SHOTS / "ui-hover.png"))
    page.mouse.move(5, 890)
    page.focus("#para-13 .para-num")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "para-copy-link" in focused, "the ¶ button is next in the keyboard order"
    page.wait_for_timeout(250)
    assert _opacity(page, "#para-13 .para-tools") == 1


@pytest.mark.parametrize(
    "path, block, kind, expected",
    [
        ("/A/70/357/III/", "para-12", "link", "{base}/A/70/357/III/#para-12"),
        ("/A/70/357/III/", "para-12", "cite", "A/70/357, para. 12"),
        ("/A/62/627/II/", "para-18-a", "cite", "A/62/627, para. 18 (a)"),
        ("/S/2018/241/annex-I/", "annex-I-para-10", "cite", "S/2018/241, annex I, para. 10"),  # not the body's para. 10
    ],
)
def test_copy_link_and_citation(page, base_url, path, block, kind, expected):
    page.goto(path)
    page.hover(f"#{block}")
    page.click(f"#{block} .para-copy-{kind}")
    para = page.locator(f"#{block}")
    playwright_api.expect(para).to_have_attribute("data-copied", kind)
    playwright_api.expect(para.locator(f".para-copy-{kind}")).to_have_text("✓" if kind == "link" else "Copied")
    playwright_api.expect(para.locator(".para-copied")).to_have_text("Link copied" if kind == "link" else "Citation copied")
    assert page.evaluate("navigator.clipboard.readText()") == expected.format(base=base_url)
    if kind == "cite" and block == "para-12":
        page.screenshot(path=str(SHOTS / "ui-copied.png"))


# -- 2. landing and forwarding ----------------------------------------------------


def test_landing_scrolls_below_header_and_highlights(page):
    page.goto("/A/70/357/III/#para-14")
    page.wait_for_timeout(300)
    header = _box(page, ".md-header")
    para = page.locator("#para-14")
    playwright_api.expect(para).to_have_class("para is-target")
    top = para.bounding_box()["y"]
    assert header["height"] <= top < header["height"] + 60, f"paragraph top {top} below the sticky header"
    bg = para.evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent"), "the target is highlighted"
    page.screenshot(path=str(SHOTS / "ui-landing.png"))


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize(
    "start, lands_on",
    [
        ("/A/70/357/para-57/", "/A/70/357/IV/#para-57"),
        ("/S/2015/682/", "/A/70/357/"),
    ],
)
def test_static_redirects(browser, base_url, javascript, start, lands_on):
    ctx = browser.new_context(base_url=base_url, java_script_enabled=javascript)
    pg = ctx.new_page()
    pg.goto(start)
    pg.wait_for_url(f"**{lands_on}", timeout=5000)
    assert pg.url == base_url + lands_on
    ctx.close()


def test_index_page_forwards_to_the_section(page, base_url):
    page.goto("/A/70/357/#para-57")
    page.wait_for_url("**/A/70/357/IV/#para-57", timeout=5000)
    playwright_api.expect(page.locator("#para-57")).to_have_class("para is-target")
    page.goto("/S/2015/682/#para-57")  # joint symbol keeps the fragment, then the index forwards
    page.wait_for_url("**/A/70/357/IV/#para-57", timeout=5000)


# -- 3. header, 4. page markers, 5. acronyms, 6. notes, 7. footnotes -----------------


def test_report_header(page):
    page.goto("/A/70/357/III/")
    header = page.locator("header.report-header")
    playwright_api.expect(header).to_contain_text("A/70/357 – S/2015/682")
    playwright_api.expect(header).to_contain_text("2 September 2015")
    playwright_api.expect(header.locator("time")).to_have_attribute("datetime", "2015-09-02")
    playwright_api.expect(header).to_contain_text("General Assembly, Security Council")
    official = header.locator("a.external")
    playwright_api.expect(official).to_have_attribute("href", "https://undocs.org/A/70/357")
    playwright_api.expect(official).to_contain_text("↗")
    playwright_api.expect(header.locator("a.prev")).to_have_attribute("href", "../II/")
    playwright_api.expect(header.locator("a.next")).to_have_attribute("href", "../IV/")
    header.locator("a[href='../data.json']").click()
    page.wait_for_url("**/A/70/357/data.json")
    page.wait_for_load_state()  # the context closes after the navigation, not in it (a close mid-way once hung)


def test_page_marker_is_discreet(page):
    page.goto("/A/70/357/III/")
    marker = page.locator("#page-5")
    playwright_api.expect(marker).to_have_attribute("aria-label", "Page 5 of the original")
    label = marker.evaluate(
        "el => { const s = getComputedStyle(el, '::before');"
        " return {text: s.content, size: parseFloat(s.fontSize),"
        " width: parseFloat(s.width) - parseFloat(s.paddingRight)}; }"
    )
    body = float(page.locator("#para-12").evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    number = _box(page, "#para-12 .para-num")
    assert "p." in label["text"] and label["size"] < body
    assert abs(label["width"] - number["width"]) < 2, "the page number sits in the paragraph-number gutter"
    assert _box(page, "#page-5")["height"] < body, "a page break takes less than a line"


def test_acronym_has_its_expansion(page):
    page.goto("/A/62/627/III/")
    abbr = page.locator("#para-53 abbr").first
    playwright_api.expect(abbr).to_have_text("UNAMID")
    playwright_api.expect(abbr).to_have_attribute("title", "African Union-United Nations Hybrid Operation in Darfur")
    page.goto("/A/62/627/glossary/")
    playwright_api.expect(page.locator("table.glossary")).to_contain_text("MINURCAT")


def test_editor_note_beside_paragraph(page):
    page.goto("/A/70/357/III/")
    note = page.locator("#para-12 + aside.editor-note")
    playwright_api.expect(note).to_contain_text("High-level Independent Panel")
    playwright_api.expect(note.locator("em")).to_have_text("Panel")
    page.goto("/A/70/357/annotations/")
    page.locator("dl.annotations a", has_text="para. 12").click()
    page.wait_for_url("**/A/70/357/III/#para-12")


def test_footnotes_link_both_ways(page):
    page.goto("/A/62/627/III/")
    ref = page.locator("sup.fnref a").first
    note_id = ref.get_attribute("href").lstrip("#")
    ref_id = page.locator("sup.fnref").first.get_attribute("id")
    ref.click()
    assert page.url.endswith(f"#{note_id}")
    playwright_api.expect(page.locator(f"#{note_id}")).to_be_in_viewport()
    page.locator(f"#{note_id} a.fn-back").click()
    assert page.url.endswith(f"#{ref_id}")
    playwright_api.expect(page.locator(f"#{ref_id}")).to_be_in_viewport()


# -- 8. print, 9. dark mode and mobile ---------------------------------------------


def test_print_hides_chrome_and_keeps_numbers(page):
    page.goto("/A/70/357/III/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".report-pager", ".section-nav"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is hidden in print"
    playwright_api.expect(page.locator("#para-12 .para-num")).to_be_visible()
    page.screenshot(path=str(SHOTS / "ui-print.png"))
    page.pdf(path=str(SHOTS / "ui-print.pdf"), format="A4")
    assert (SHOTS / "ui-print.pdf").stat().st_size > 10_000


def test_dark_mode(browser, base_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url, color_scheme="dark")
    pg = ctx.new_page()
    pg.goto("/A/70/357/III/#para-12")
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "slate"
    bg = pg.evaluate("getComputedStyle(document.body).backgroundColor")
    fg = pg.locator("#para-12").evaluate("el => getComputedStyle(el).color")
    assert _luminance(bg) < 0.2 < _luminance(fg)
    pg.screenshot(path=str(SHOTS / "ui-dark.png"))
    ctx.close()


def test_mobile_width(browser, base_url):
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, base_url=base_url, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    pg.goto("/A/70/357/III/")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 375, "no sideways scrolling"
    num = _box(pg, "#para-12 .para-num")
    assert num["x"] >= 0
    pg.screenshot(path=str(SHOTS / "ui-mobile-top.png"))
    pg.locator("#para-12").scroll_into_view_if_needed()
    pg.screenshot(path=str(SHOTS / "ui-mobile.png"))
    ctx.close()


def _luminance(css_color: str) -> float:
    parts = css_color[css_color.index("(") + 1 : css_color.index(")")].split(",")
    r, g, b = (float(x) / 255 for x in parts[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_built_site_has_reader_pages(site_dir):
    assert (site_dir / "A/70/357/para-12/index.html").is_file()
    assert (site_dir / "A/70/357/glossary/index.html").is_file()
    assert (site_dir / "corpus/glossary/index.html").is_file()
