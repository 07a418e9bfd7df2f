"""The offline bundle: file-system links, a deterministic zip, nothing fetched from the network."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_tools import bundle as bundle_mod
from build_tools.bundle import ZIP_DATE, ZIP_ROOT, make_bundle, offline_links
from build_tools.errors import OutputError

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "before, after",
    [
        ('<a href="../IV/">', '<a href="../IV/index.html">'),
        ('<a href="../IV/#para-12">', '<a href="../IV/index.html#para-12">'),
        ('<a href="./">', '<a href="./index.html">'),
        ('<a href="..">', '<a href="../index.html">'),
        ("<a href='A/70/357/'>", "<a href='A/70/357/index.html'>"),
        ('<a href="#para-12">', '<a href="#para-12">'),  # same-page fragment: untouched
        ('<a href="https://undocs.org/A/70/357/">', '<a href="https://undocs.org/A/70/357/">'),  # external
        ('<a href="//example.org/x/">', '<a href="//example.org/x/">'),  # protocol-relative
        ('<a href="/abs/">', '<a href="/abs/">'),  # site-absolute: not ours to guess
        ('<a href="../data.json">', '<a href="../data.json">'),  # a file already
        ('<a href="../IV/index.html#x">', '<a href="../IV/index.html#x">'),  # already rewritten
        ('<p>see ../IV/ in text</p>', '<p>see ../IV/ in text</p>'),  # text, not an attribute
    ],
)
def test_offline_links(before, after):
    assert offline_links(before) == after


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> tuple[Path, Path]:
    """(zip, unzipped site folder)."""
    out = tmp_path_factory.mktemp("bundle")
    zpath = out / "site.zip"
    make_bundle(ROOT / "mkdocs.yml", zpath)
    with zipfile.ZipFile(zpath) as zf:
        zf.extractall(out / "x")
    return zpath, out / "x" / ZIP_ROOT




@pytest.mark.site
def test_zip_is_deterministic(bundle, tmp_path):
    zpath, _ = bundle
    again = tmp_path / "again.zip"
    make_bundle(ROOT / "mkdocs.yml", again)
    assert again.read_bytes() == zpath.read_bytes()
    with zipfile.ZipFile(zpath) as zf:
        infos = zf.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {i.date_time for i in infos} == {ZIP_DATE}
    assert all(n.startswith(ZIP_ROOT + "/") for n in names)


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# Link targets that are not files in the bundle.
NOT_A_FILE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.\-]*:|#|//)")


@pytest.mark.site
def test_every_internal_link_names_an_existing_file(bundle):
    _, site = bundle
    broken = []
    for page in _html_files(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "script", "img"]):
            url = tag.get("href") or tag.get("src")
            if not url or NOT_A_FILE.match(url):
                continue
            target = (page.parent / url.split("#")[0].split("?")[0]).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {url}")
    assert not broken, broken[:10]


@pytest.mark.site
def test_paragraph_and_footnote_links_point_at_ids_that_exist(bundle):
    _, site = bundle
    missing = []
    ids_of: dict[Path, set] = {}
    for page in _html_files(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select('a[href*="#"]'):
            href = a["href"]
            if NOT_A_FILE.match(href) and not href.startswith("#"):
                continue
            path, _, frag = href.partition("#")
            if not frag.startswith(("para-", "fn-", "fnref-")):
                continue
            target = (page.parent / path).resolve() if path else page
            if target not in ids_of:
                soup_t = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                ids_of[target] = {t.get("id") for t in soup_t.find_all(id=True)}
            if frag not in ids_of[target]:
                missing.append(f"{page.relative_to(site)}: {href}")
    assert not missing, missing[:10]


# Every external URL a bundle file may contain, with why it is harmless (nothing is fetched).
# Written out here rather than imported, so the test checks the bundle's own allow-list.
ALLOWED = [
    ("*.html", "https://undocs.org/"),  # official document links
    ("*.json", "https://undocs.org/"),  # data.json official links
    ("*.js", "https://undocs.org/"),  # search-data.js quotes official links
    ("bundle.*.min.js", "https://api.github.com/"),  # Material repo facts; needs repo_url (unset)
    ("bundle.*.min.js", "https://unpkg.com/mermaid@"),  # only for Mermaid diagrams (none)
    ("bundle.*.min.js", "https://unpkg.com/resize-observer-polyfill"),  # only if ResizeObserver missing
    ("bundle.*.min.js", "https://clipboardjs.com/"),  # licence comment
    ("bundle.*.min.js", "//i.test("),  # a regex literal
    ("main.*.min.css", "https://fontawesome.com"),  # licence comment
    ("*.svg", "http://www.w3.org/"),  # SVG namespace
    ("*.html", "http://www.w3.org/"),  # inline SVG namespace
    ("*.css", "http://www.w3.org/"),  # SVG namespace inside data: URLs
]
EXTERNAL = re.compile(r"""(?:https?:)?//[a-zA-Z0-9][a-zA-Z0-9.\-]*\.[a-zA-Z]{2,}[^\s"'<>)\\]*""")


@pytest.mark.site
def test_bundle_fetches_nothing_from_the_network(bundle):
    from fnmatch import fnmatch

    _, site = bundle
    leaks = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css", ".js", ".json", ".svg", ".xml") or not path.is_file():
            continue
        for m in EXTERNAL.finditer(path.read_text(encoding="utf-8", errors="replace")):
            if not any(fnmatch(path.name, pat) and m.group(0).startswith(pre) for pat, pre in ALLOWED):
                leaks.append(f"{path.relative_to(site)}: {m.group(0)[:80]}")
    assert not leaks, leaks[:10]
    assert not (site / "pagefind").exists(), "Pagefind cannot work from file://; it must not be shipped"
    assert not (site / "assets/javascripts/workers").exists()


@pytest.mark.site
def test_bundle_has_the_offline_search_index(bundle):
    _, site = bundle
    data = (site / "assets/search-data.js").read_text(encoding="utf-8")
    assert data.startswith("window.__UN_REPORTS_SEARCH__=")
    assert '"A/70/357/IV/#para-57","A/70/357 ¶ 57 — Sequenced mandates"' in data
    assert "<" not in data  # "<" is always escaped: OCR text cannot close the script element
    page = (site / "A/70/357/IV/index.html").read_text(encoding="utf-8")
    assert 'src="../../../../assets/search.js"' in page


@pytest.mark.site
def test_abbreviations_keep_their_tooltips(bundle):
    _, site = bundle
    abbrs = [a for p in _html_files(site) for a in BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").find_all("abbr")]
    if not abbrs:
        pytest.skip("no glossary abbreviations in this build yet")
    assert all(a.get("title") for a in abbrs)


# The class-first patterns the fast ones replace (their specification).
SLOW_DIRECTORY_HREF = re.compile(
    r"""(?P<attr>\shref=)(?P<q>["'])(?P<path>(?![a-zA-Z][a-zA-Z0-9+.\-]*:|/|\#)[^"'#?]*/|\.|\.\.)(?P<rest>[?#][^"']*)?(?P=q)"""
)
URL_PIECES = ["http:", "https:", "//", "/", "a", "b1", ".", ".org", "-", " ", "\t", '"', "'", "<", ")", "\\", "x",
              "href=", "../IV/", "#p", "?q", "..", "https://a.org", "//b1.un-x.org/p", "http://a.b", "https:/"]


def _random_texts(n: int, seed: int):
    import random

    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(URL_PIECES) for _ in range(rng.randint(0, 14)))


def test_external_urls_are_found_as_the_specification_pattern_finds_them():
    found = 0
    for text in _random_texts(30_000, 5):
        expected = bundle_mod.EXTERNAL_URL.findall(text)
        assert bundle_mod.external_urls_in(text) == expected, repr(text)
        found += bool(expected)
    assert found > 1_000  # the texts do hold URLs


def _random_links(n: int, seed: int):
    """Texts made of attribute-like pieces: most hold an href, fixable or not."""
    import random

    rng = random.Random(seed)
    before = ["", " ", "\t", "\n", "x", "<a"]
    paths = ["", "../IV/", "IV/", "./", ".", "..", "/abs/", "https://a.org/", "data.json", "a b/", "#p/", "x?y/",
             "//h.org/"]
    rests = ["", "#para-12", "?q=1", "#", "?"]
    quotes = ['"', "'"]
    for _ in range(n):
        q = rng.choice(quotes)
        link = f"{rng.choice(before)}href={q}{rng.choice(paths)}{rng.choice(rests)}{rng.choice(quotes + [q, q])}"
        yield "".join(rng.choice([link, link, "x", " "]) for _ in range(rng.randint(1, 4)))


def test_directory_links_are_fixed_as_the_class_first_pattern_fixes_them():
    def fix(m):
        path = m["path"] + "/" if m["path"] in (".", "..") else m["path"]
        return f"{m['attr']}{m['q']}{path}index.html{m['rest'] or ''}{m['q']}"

    fixed = 0
    for text in _random_links(30_000, 6):
        expected = SLOW_DIRECTORY_HREF.sub(fix, text)
        assert bundle_mod.DIRECTORY_HREF.sub(fix, text) == expected, repr(text)
        fixed += expected != text
    assert fixed > 3_000  # the texts do exercise the fix


@pytest.mark.site
def test_bundle_files_are_listed_like_rglob(bundle):
    _, site = bundle
    expected = sorted((p.relative_to(site).as_posix(), p) for p in site.rglob("*") if p.is_file())
    assert bundle_mod._files_under(site) == expected


def _small_project(tmp_path: Path) -> Path:
    from hostile.project import copy_reports, make_project

    return make_project(tmp_path / "p", copy_reports(tmp_path / "src", "A_62_627*"))


@pytest.mark.site
def test_bundle_with_an_external_url_is_refused_and_leaves_no_zip(tmp_path):
    project = _small_project(tmp_path)
    (project / "docs" / "guide" / "tracker.md").write_text(
        '# Tracker\n\n<img src="https://tracker.example.com/pixel.gif" alt="">\n', encoding="utf-8"
    )
    out = tmp_path / "out" / "site.zip"
    with pytest.raises(OutputError) as err:
        make_bundle(project / "mkdocs.yml", out)
    message = str(err.value)
    assert "https://tracker.example.com/pixel.gif" in message and "guide/tracker.html" in message
    assert "external URL(s) would be fetched offline" in message
    assert not out.exists() and not list(out.parent.glob("*.tmp"))


@pytest.mark.site
def test_bundle_names_a_copied_page_that_is_not_utf8(tmp_path):
    project = _small_project(tmp_path)
    (project / "docs" / "guide" / "legacy.html").write_bytes("<p>Caf\u00e9</p>\n".encode("latin-1"))
    out = tmp_path / "out" / "site.zip"
    with pytest.raises(OutputError) as err:
        make_bundle(project / "mkdocs.yml", out)
    assert "guide/legacy.html is not UTF-8" in str(err.value) and str(project / "mkdocs.yml") in str(err.value)
    assert not out.exists() and not list(out.parent.glob("*.tmp"))
