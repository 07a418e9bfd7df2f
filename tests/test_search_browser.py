"""Search like a reader, in headless Chromium: on the served site (Pagefind) and in the
unzipped offline bundle opened from file:// (search-data.js). Type a query, click the first
hit, land on the paragraph: right fragment, paragraph in view, highlighted, terms marked.

Screenshots: /tmp/search-<where>-<case>.png
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sample_texts import ANNEXED_DRAFTS, COMMITTEE_REPORT, LETTER, RESOLUTION

from build_tools.bundle import ZIP_ROOT, make_bundle

from conftest import serve_directory

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless browser tests need /usr/bin/chromium"),
]

# (case, query, expected first-hit title (prefix), fragment of the page it opens or None)
CASES = [
    ("phrase", "considered advice that it needs", "A/70/357 ¶ 57 — Sequenced mandates", "para-57"),
    ("symbol", "A/62/627", "A/62/627 — Implementation of the recommendations", None),
    ("resolution", "1325 (2000)", "A/70/357 ¶ 7 — Introduction", "para-7"),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The site built as for a web server (with Pagefind), served on 127.0.0.1."""
    site = tmp_path_factory.mktemp("served") / "site"
    env_path = {"PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env={**__import__("os").environ, **env_path},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (site / "pagefind/pagefind.js").is_file()
    with serve_directory(site) as url:
        yield url



@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    """The offline bundle, unzipped; its home page as a file:// URL."""
    out = tmp_path_factory.mktemp("offline")
    make_bundle(ROOT / "mkdocs.yml", out / "site.zip")
    with zipfile.ZipFile(out / "site.zip") as zf:
        zf.extractall(out)
    return (out / ZIP_ROOT / "index.html").as_uri()


def _open(browser, url):
    """A page that records requests leaving the machine and script errors."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.outside, page.errors = [], []
    page.on("request", lambda r: r.url.startswith(("file:", "http://127.0.0.1", "data:")) or page.outside.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url)
    return page


def _search_and_follow(page, query):
    page.fill(".rs-search input", query)
    page.wait_for_selector(".rs-hit", timeout=10_000)
    first = page.locator(".rs-hit").first
    title = first.locator(".rs-title").inner_text()
    first.click()
    page.wait_for_load_state("load")
    return title


def _type_and_enter(page, query, title):
    """Type a citation in the box, check its first hit's title, press Enter and wait to land."""
    page.fill(".rs-search input", query)
    first = page.locator(".rs-hit").first
    first.wait_for(timeout=10_000)
    assert first.locator(".rs-title").inner_text() == title
    page.press(".rs-search input", "Enter")
    page.wait_for_function("document.querySelector('.is-target') !== null", timeout=5_000)


def _target_state(page):
    return page.evaluate(
        """() => {
        const id = decodeURIComponent(location.hash.slice(1));
        const el = id && document.getElementById(id);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return {id, inView: r.top >= 0 && r.top < innerHeight, target: el.classList.contains('is-target'),
                marks: el.querySelectorAll('mark').length};
    }"""
    )


def _check_case(browser, start_url, where, case, query, title, fragment):
    page = _open(browser, start_url)
    try:
        got = _search_and_follow(page, query)
        assert got.startswith(title), got
        if fragment is None:
            assert "#" not in page.url
        else:
            assert page.url.endswith("#" + fragment), page.url
            page.wait_for_function("document.querySelector('.is-target') !== null", timeout=5_000)
            state = _target_state(page)
            assert state == {"id": fragment, "inView": True, "target": True, "marks": state["marks"]}, state
            assert state["marks"] > 0
        page.screenshot(path=f"/tmp/search-{where}-{case}.png")
        assert not page.errors, page.errors
        assert not page.outside, page.outside
    finally:
        page.close()


@pytest.mark.parametrize("case, query, title, fragment", CASES, ids=[c[0] for c in CASES])
def test_served_search_opens_the_paragraph(browser, served, case, query, title, fragment):
    _check_case(browser, served, "served", case, query, title, fragment)


@pytest.mark.parametrize("case, query, title, fragment", CASES, ids=[c[0] for c in CASES])
def test_offline_search_opens_the_paragraph(browser, offline, case, query, title, fragment):
    _check_case(browser, offline, "offline", case, query, title, fragment)


def test_served_search_uses_pagefind(browser, served):
    page = _open(browser, served)
    try:
        fetched = []
        page.on("request", lambda r: fetched.append(r.url))
        page.fill(".rs-search input", "mandates")
        page.wait_for_selector(".rs-hit")
        assert page.get_attribute(".rs-search", "data-backend") == "pagefind"
        assert any("/pagefind/" in u for u in fetched)
        assert not any(u.endswith("search-data.js") for u in fetched)
    finally:
        page.close()


# Runs before the page's scripts: the offline index's <script> is appended late (a large
# collection's index takes seconds to load) or pointed at a missing file.
_INDEX_SCRIPT = """
(() => {
  const append = Node.prototype.appendChild;
  Node.prototype.appendChild = function (el) {
    if (el.tagName === 'SCRIPT' && /search-data\\.js$/.test(el.src || '')) {
      if (window.__INDEX__ === 'missing') { el.src = el.src.replace('search-data.js', 'missing.js'); }
      else { setTimeout(() => append.call(this, el), 1500); return el; }
    }
    return append.call(this, el);
  };
})();
"""


@pytest.mark.parametrize("index", ["slow", "missing"])
def test_offline_search_says_what_it_is_waiting_for(browser, offline, index):
    """Results do not come at once when the whole offline index loads first (~3 s at 1,000
    reports): the panel says it is loading, then shows the hits. An index that cannot load is
    said too, instead of a search box that shows nothing."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.add_init_script(f"window.__INDEX__ = {index!r};" + _INDEX_SCRIPT)
        page.goto(offline)
        page.fill(".rs-search input", "mandates")
        if index == "slow":
            status = page.wait_for_selector(".rs-pending", timeout=5_000)
            assert status.inner_text() == "Loading the search index…"
            assert status.get_attribute("role") == "status"
            page.screenshot(path="/tmp/search-offline-loading.png")
            page.wait_for_selector(".rs-hit", timeout=10_000)
            assert page.locator(".rs-pending").count() == 0
        else:
            error = page.wait_for_selector(".rs-error", timeout=5_000)
            assert error.inner_text() == "Search is unavailable: its index could not be loaded."
            assert page.locator(".rs-hit").count() == 0
    finally:
        page.close()


# A citation typed in the box: its first hit goes to the paragraph (a joint report's other
# symbol and a sub-item too); Enter follows the first hit.
CITATIONS = [
    ("A/70/357, para. 12", "A/70/357, para. 12", "para-12"),
    ("S/2015/682 para 12", "S/2015/682, para. 12", "para-12"),
    ("A/62/627, para. 18 (a)", "A/62/627, para. 18 (a)", "para-18-a"),
    ("S/2018/241, annex I, para. 10", "S/2018/241, annex I, para. 10", "annex-I-para-10"),
]


@pytest.mark.parametrize("where", ["served", "offline"])
def test_a_typed_citation_goes_to_its_paragraph(browser, request, where):
    start = request.getfixturevalue(where)
    page = _open(browser, start)
    try:
        for query, title, fragment in CITATIONS:
            page.goto(start)
            page.fill(".rs-search input", query)
            first = page.locator(".rs-hit").first
            first.wait_for(timeout=10_000)
            assert first.get_attribute("class") == "rs-hit rs-kind-goto", query
            assert first.locator(".rs-title").inner_text() == title
            page.press(".rs-search input", "Enter")
            page.wait_for_function("document.querySelector('.is-target') !== null", timeout=5_000)
            assert page.url.endswith("#" + fragment), (query, page.url)
            assert _target_state(page)["inView"], query
        page.goto(start)
        gone = page.evaluate("async (q) => (await UNReportsSearch.search(q)).filter(h => h.kind === 'goto').length",
                             "A/70/357, para. 999")
        assert gone == 0  # no such paragraph: no hit that would lead nowhere
        page.screenshot(path=f"/tmp/search-{where}-citation.png")
        assert not page.errors, page.errors
        assert not page.outside, page.outside
    finally:
        page.close()


@pytest.fixture(scope="module")
def letter_sites(tmp_path_factory):
    """A site of one report annexed to a letter (and a report of its own, and a committee's
    report recommending two draft resolutions): served, and its offline bundle unzipped."""
    from hostile.project import make_project, mkdocs_build

    root = tmp_path_factory.mktemp("letter")
    source = root / "source"
    source.mkdir()
    (source / "S_2099_421.txt").write_text(LETTER, encoding="utf-8")
    (source / "S_2099_2.txt").write_text("S/2099/2\n\nI. One\n\n1. The Mission.\n", encoding="utf-8")
    (source / "A_2099_650.txt").write_text(COMMITTEE_REPORT.replace("A/73/650", "A/2099/650"), encoding="utf-8")
    (source / "A_2099_20.txt").write_text(ANNEXED_DRAFTS.replace("A/99/20", "A/2099/20"), encoding="utf-8")
    (source / "A_RES_72_199.txt").write_text(RESOLUTION, encoding="utf-8")
    project = make_project(root / "project", source)
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr[-2000:]
    make_bundle(project / "mkdocs.yml", root / "site.zip")
    with zipfile.ZipFile(root / "site.zip") as zf:
        zf.extractall(root / "offline")
    with serve_directory(project / "site") as url:
        yield {"served": url, "offline": (root / "offline" / ZIP_ROOT / "index.html").as_uri()}


@pytest.mark.parametrize("where", ["served", "offline"])
def test_a_typed_citation_of_a_draft_resolutions_paragraph_goes_to_it(browser, letter_sites, where):
    """ "A/2099/650, draft resolution II, para. 1" (any case, commas or not: "… draft resolution i
    para 2 (a)") is the draft's own paragraph (draft-resolution-II-para-1), not the report's."""
    page = _open(browser, letter_sites[where])
    try:
        hits = page.evaluate("async (q) => (await UNReportsSearch.search(q)).filter(h => h.kind === 'goto')"
                             ".map(h => [h.title, h.url])", "A/2099/650 draft resolution i para 2 (a)")
        assert len(hits) == 1 and hits[0][0] == "A/2099/650, draft resolution I, para. 2 (a)"
        assert hits[0][1].endswith("draft-resolution-I-para-2-a/"), hits
        hits = page.evaluate("async (q) => (await UNReportsSearch.search(q)).filter(h => h.kind === 'goto')"
                             ".map(h => [h.title, h.url])", "A/2099/20, annex, draft resolution II, para. 1")
        assert len(hits) == 1 and hits[0][0] == "A/2099/20, annex, draft resolution II, para. 1"
        assert hits[0][1].endswith("/annex-draft-resolution-II-para-1/"), hits
        page.fill(".rs-search input", "A/2099/650, draft resolution II, para. 1")
        first = page.locator(".rs-hit").first
        first.wait_for(timeout=10_000)
        page.press(".rs-search input", "Enter")
        page.wait_for_function("document.querySelector('.is-target') !== null", timeout=5_000)
        assert page.url.endswith("#draft-resolution-II-para-1"), page.url
        assert not page.errors, page.errors
    finally:
        page.close()


@pytest.mark.parametrize("where", ["served", "offline"])
def test_a_typed_citation_of_a_preambular_paragraph_goes_to_it(browser, letter_sites, where):
    """ "A/RES/72/199, preambular para. 2" is the resolution's second preambular paragraph (pp-2),
    not its operative paragraph 2; a draft's too ("…, draft resolution II, preambular para. 1"),
    and a negotiator's "PP3" / "OP2". Landed on, its Cite button gives that citation."""
    page = _open(browser, letter_sites[where])
    try:
        search = ("async (q) => (await UNReportsSearch.search(q)).filter(h => h.kind === 'goto')"
                  ".map(h => [h.title, h.url])")
        hits = page.evaluate(search, "A/2099/20, annex, draft resolution II, preambular para. 1")
        assert len(hits) == 1 and hits[0][0] == "A/2099/20, annex, draft resolution II, preambular para. 1"
        assert hits[0][1].endswith("/annex-draft-resolution-II-pp-1/"), hits  # its short address, offline too
        assert page.evaluate(search, "A/RES/72/199, preambular para. 9") == []  # no such paragraph
        # A negotiator's shorthand: "PP3" a preambular paragraph, "OP2" an operative one.
        assert [h[0] for h in page.evaluate(search, "A/RES/72/199 PP3")] == ["A/RES/72/199, preambular para. 3"]
        assert [h[0] for h in page.evaluate(search, "A/RES/72/199, op 2")] == ["A/RES/72/199, para. 2"]
        assert page.evaluate(search, "A/RES/72/199, pp. 3") == []  # pages
        _type_and_enter(page, "A/RES/72/199 Preambular paragraph 2", "A/RES/72/199, preambular para. 2")
        assert page.url.endswith("#pp-2"), page.url
        target = page.locator(".is-target")
        assert target.get_attribute("id") == "pp-2"
        assert target.get_attribute("data-cite") == "preambular para. 2"
        target.hover()
        assert target.locator(".para-copy-cite").count() == 1  # its ¶ and Cite tools
        page.screenshot(path=f"/tmp/search-{where}-preambular.png")
        assert not page.errors, page.errors
    finally:
        page.close()


def test_the_tools_of_a_one_line_paragraph_leave_the_next_paragraphs_number_clear(browser, letter_sites):
    """A draft's operative paragraphs are often one line: landed on, the ¶ and Cite buttons under
    its number covered the next paragraph's number ("2."). A numbered paragraph is as tall as
    its tools."""
    page = _open(browser, letter_sites["served"] + "A/2099/20/annex/#annex-draft-resolution-II-para-1")
    try:
        page.wait_for_function("document.querySelector('.is-target') !== null", timeout=5_000)
        page.wait_for_timeout(300)  # the tools fade in
        tools = page.locator("[id='annex-draft-resolution-II-para-1'] .para-tools").bounding_box()
        number = page.locator("[id='annex-draft-resolution-II-para-2'] .para-num").bounding_box()
        assert tools and number and tools["y"] + tools["height"] <= number["y"], (tools, number)
        page.screenshot(path="/tmp/search-one-line-paragraph-tools.png")
        assert not page.errors, page.errors
    finally:
        page.close()


@pytest.mark.parametrize("where", ["served", "offline"])
def test_a_typed_annex_citation_of_a_report_annexed_to_a_letter_goes_to_its_paragraph(browser, letter_sites, where):
    """"S/2099/421, annex, para. 2" is the annexed report's para-2; a report without an annex
    gives no such hit (its para. 1 is not 'annex, para. 1')."""
    start = letter_sites[where]
    page = _open(browser, start)
    try:
        _type_and_enter(page, "S/2099/421, annex, para. 2", "S/2099/421, annex, para. 2")
        assert page.url.endswith("#para-2") and "/II/" in page.url, page.url
        page.goto(start)
        gone = page.evaluate("async (q) => (await UNReportsSearch.search(q)).filter(h => h.kind === 'goto').length",
                             "S/2099/2, annex, para. 1")
        assert gone == 0
        # An enclosure's paragraphs are the document's (the annexed report's here): same target.
        hit = page.evaluate("async (q) => (await UNReportsSearch.search(q)).filter(h => h.kind === 'goto')"
                            ".map(h => [h.title, h.url])", "S/2099/421, annex, enclosure, para. 2")
        assert len(hit) == 1 and hit[0][0] == "S/2099/421, annex, enclosure, para. 2" and hit[0][1].endswith("para-2/")
        assert not page.errors, page.errors
    finally:
        page.close()


# Queries whose hits all lie in the first pages search.js reads: both backends give the same list.
AGREE = ["considered advice that it needs", "A/62/627", "1325 (2000)", "Guatemala", "Kosovo police", "rapid deployment",
         "sexual exploitation and abuse"]
# Common words: Pagefind's pages are read five at a time until 20 hits are found, so the lists may
# differ after the first hits; every record must still come back exactly.
COMMON = ["UNMIK", "peace", "mandates"]


def test_pagefind_and_inline_backends_agree(browser, served, reports):
    """Pagefind indexes one page per site page; search.js cuts each record's text out of it. The
    records must come back exactly as the inline index has them, and in the same order."""
    from build_tools.search_index import build_records

    known = {r.url: r for r in build_records(reports.values())}
    page = _open(browser, served)
    try:
        for query in AGREE + COMMON:
            pagefind, inline = page.evaluate("""async (q) => {
                const strip = (hits) => hits.map(h => [h.url, h.title, h.kind, h.context, h.text]);
                return [strip(await UNReportsSearch.search(q, "pagefind")), strip(await UNReportsSearch.search(q, "inline"))];
            }""", query)
            assert inline and pagefind, query
            if query in AGREE:
                assert pagefind[: len(inline)] == inline, query
            for url, title, kind, context, text in pagefind:  # Pagefind-only (stemmed) hits too
                r = known[url]
                assert [title, kind, context, text] == [r.title, r.kind, r.context, " ".join(r.text.split())], (query, url)
        assert not page.errors, page.errors
    finally:
        page.close()


def _words(text):
    import re
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    return re.findall(r"[^\W_]+", "".join(c for c in text if not unicodedata.combining(c)).lower())


@pytest.mark.parametrize("query", ["peacekeeping mandates", "mandated operations", "women peace and security"])
def test_every_pagefind_hit_holds_every_query_word(browser, served, query):
    """Pagefind matches whole pages; a paragraph from such a page is a hit only when it holds
    every word of the query, give or take an ending ("mandated" finds "mandates")."""
    page = _open(browser, served)
    try:
        hits = page.evaluate("async (q) => (await UNReportsSearch.search(q, 'pagefind')).map(h => h.context + ' ' + h.text)", query)
        assert hits, query
        for hit in hits:
            hay = _words(hit)
            for q in _words(query):
                stem = q[: max(4, len(q) - 2)] if len(q) > 4 else q
                assert any(w.startswith(stem) for w in hay), (query, q, hit[:120])
    finally:
        page.close()


def test_offline_navigation_and_footnotes(browser, offline):
    """From file://: section links, a paragraph link and a footnote link land on real pages and ids."""
    page = _open(browser, offline.replace("index.html", "A/70/357/index.html"))
    try:
        page.locator("a.next").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/A/70/357/I/index.html"), page.url
        page.locator("a.next").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/A/70/357/II/index.html"), page.url
        page.locator("a.para-num").first.click()
        assert "#para-" in page.url
        page.goto(offline.replace("index.html", "S/2018/241/index.html"))
        refs = page.locator("sup.fnref a")
        if refs.count():
            refs.first.click()
            frag = page.url.rsplit("#", 1)[1]
            assert page.locator(f"[id='{frag}']").is_visible()
        assert page.title()
        assert not page.outside, page.outside
    finally:
        page.close()


def _ranked(query: str, records) -> list[str]:
    """search.js's offline ranking, written again in Python from its comments: every query word
    starts a word of the record (each counted up to 5 times), +100 for the whole query as
    consecutive words (+60 as a prefix), +300/+40 for it in a report's/record's context; ties
    keep the index order; the best 20."""
    q = _words(query)
    phrase = " " + " ".join(q)
    scored = []
    for i, r in enumerate(records):
        hay = " " + " ".join(_words(r.context + " " + r.text)) + " "
        head = " " + " ".join(_words(r.context)) + " "
        counts = [min(hay.count(" " + w), 5) for w in q]
        if not all(counts):
            continue
        total = sum(counts)
        total += 100 if phrase + " " in hay else 60 if phrase in hay else 0
        total += (300 if r.kind == "report" else 40) if phrase in head else 0
        scored.append((-total, i, r.url))
    return [url for _, _, url in sorted(scored)[:20]]


def test_offline_ranking_is_the_documented_one_on_every_query(browser, offline, reports):
    """The offline backend normalises each record once and keeps it (a query is then string
    searches only): its lists must be what the documented scoring gives, query after query in
    one page, whether the background normalisation has finished or not."""
    from build_tools.search_index import build_records

    records = build_records(reports.values())
    page = _open(browser, offline)
    try:
        first = page.evaluate("async (q) => (await UNReportsSearch.search(q, 'inline')).map(h => h.url)", "peace")
        assert first == _ranked("peace", records)
        for query in AGREE + COMMON + ["mandat", "peace"]:
            got = page.evaluate("async (q) => (await UNReportsSearch.search(q, 'inline')).map(h => h.url)", query)
            assert got == _ranked(query, records), query
        assert not page.errors, page.errors
    finally:
        page.close()


_UNMARKED = {"a", "an", "and", "at", "be", "by", "for", "in", "is", "it", "of", "on", "or", "that", "the", "to", "with"}


def _ranked_partial(query: str, records) -> list[str]:
    """search.js's ranking when no record holds every word, written again from its comments:
    the query's words of three letters or more, not all digits, not in UNMARKED, once each;
    records holding some of them, by how many, then by the sum of the numbers of records holding
    each (rarer words first), then by their uses (at most 5 a word), then in index order; the
    best 20."""
    q = list(dict.fromkeys(w for w in _words(query) if len(w) > 2 and not w.isdigit()))
    q = [w for w in q if w not in _UNMARKED]
    hays = [" " + " ".join(_words(r.context + " " + r.text)) + " " for r in records]
    uses = [[min(hay.count(" " + w), 5) for w in q] for hay in hays]
    df = [sum(1 for u in uses if u[k]) for k in range(len(q))]
    scored = []
    for i, (r, u) in enumerate(zip(records, uses, strict=True)):
        n = sum(1 for x in u if x)
        if n:
            scored.append((-n, sum(df[k] for k in range(len(q)) if u[k]), -sum(u), i, r.url))
    return [s[-1] for s in sorted(scored)[:20]]


PARTIAL = ["electoral calendar", "Kosovo xyzzy", "the peacekeeping of zanzibar"]
_PARTIAL_JS = ("async ([q, be]) => { const h = await UNReportsSearch.search(q, be); "
               "return [h.partial, h.map(x => x.url)]; }")


def test_a_query_no_paragraph_holds_whole_finds_those_with_some_of_its_words(browser, served, offline, reports):
    """ "electoral calendar": no paragraph holds both words. Rather than nothing, the box says so
    and lists the paragraphs with some of them, rarer words first (S/2018/241's one "calendar"
    before the seventeen "electoral"), offline as documented and served (Pagefind, one search a
    word) with the same first hits; the hit opens the paragraph with its word marked. Common words
    ("the", "of") find nothing on their own, and a query of one word never falls back."""
    from build_tools.search_index import build_records

    records = build_records(reports.values())
    for url in (offline, served):
        page = _open(browser, url)
        try:
            for query in PARTIAL:
                got = page.evaluate(_PARTIAL_JS, [query, "inline"])
                assert got == [True, _ranked_partial(query, records)], query
                if url == served:
                    pf = page.evaluate(_PARTIAL_JS, [query, "pagefind"])
                    assert pf[0] is True and pf[1][:3] == got[1][:3], query
            assert page.evaluate("async () => (await UNReportsSearch.search('xyzzy', 'inline')).length") == 0
            assert page.evaluate("async () => (await UNReportsSearch.search('the of xyzzy', 'inline')).length") == 0
            # An unpublished report's paragraph: no fallback to paragraphs holding "3".
            unpublished = "async () => (await UNReportsSearch.search('A/99/999, para. 3', 'inline')).length"
            assert page.evaluate(unpublished) == 0
            page.fill(".rs-search input", "electoral calendar")
            page.wait_for_selector(".rs-hit", timeout=10_000)
            assert page.locator(".rs-partial").inner_text() == (
                "No paragraph holds all of “electoral calendar”. Paragraphs with some of the words:")
            first = page.locator(".rs-hit").first
            assert first.locator(".rs-title").inner_text().startswith("S/2018/241 ¶ 31")
            first.click()
            page.wait_for_load_state("load")
            assert page.url.endswith("#para-31")
            assert page.locator("[id='para-31'] mark").first.inner_text() == "calendar"
            page.screenshot(path=f"/tmp/search-{'served' if url == served else 'offline'}-partial.png")
            assert not page.errors, page.errors
        finally:
            page.close()
