"""Check every link in a built site: each internal href/src points at a file, each #anchor at an id.

Nothing is fetched. External links are only checked against an allow-list of
prefixes (the site may link out to the official documents and nowhere else
that matters); `javascript:` and other script-bearing schemes are always broken.

    python -m build_tools.linkcheck site/      prints broken links, exit 1 if any
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

# Elements and the attribute that holds their link.
LINK_ATTRS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"))
# Schemes that run code or cannot be checked offline; a link with one is always broken.
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")
# Outside links we accept without fetching them.
DEFAULT_EXTERNAL = ("https://undocs.org/", "https://squidfunk.github.io/mkdocs-material/", "https://www.mkdocs.org/")
SITE_ROOT = "http://site.invalid/"  # a base URL for resolving relative links


@dataclass(frozen=True)
class BrokenLink:
    page: str  # site-relative path of the page holding the link
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.href}: {self.reason}"


class _Site:
    def __init__(self, root: Path):
        self.root = root.resolve()
        self._soups: dict[Path, BeautifulSoup] = {}
        self._ids: dict[Path, frozenset[str]] = {}

    def soup(self, page: Path) -> BeautifulSoup:
        if page not in self._soups:
            self._soups[page] = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        return self._soups[page]

    def file_for(self, url_path: str) -> Path | None:
        """The file a site path serves, as a static server would (folder -> index.html)."""
        rel = unquote(url_path).lstrip("/")
        target = (self.root / rel).resolve()
        if target != self.root and self.root not in target.parents:
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def ids(self, page: Path) -> frozenset[str]:
        if page not in self._ids:
            soup = self.soup(page)
            found = {el["id"] for el in soup.find_all(id=True)}
            found |= {el["name"] for el in soup.find_all("a", attrs={"name": True})}
            self._ids[page] = frozenset(found)
        return self._ids[page]


def check_site(site_dir: Path | str, external: tuple[str, ...] = DEFAULT_EXTERNAL) -> list[BrokenLink]:
    """Every broken link in the site's HTML pages, in a stable order."""
    site = _Site(Path(site_dir))
    broken: list[BrokenLink] = []
    for page in sorted(site.root.rglob("*.html")):
        rel = page.relative_to(site.root).as_posix()
        for href in _links(site.soup(page)):
            reason = _problem(site, page, rel, href, external)
            if reason:
                broken.append(BrokenLink(rel, href, reason))
    return broken


def _links(soup: BeautifulSoup) -> list[str]:
    out = []
    for tag, attr in LINK_ATTRS:
        for el in soup.find_all(tag):
            value = el.get(attr)
            if value is not None:
                out.append(value.strip())
    return out


def _problem(site: _Site, page: Path, rel: str, href: str, external: tuple[str, ...]) -> str | None:
    scheme = urlsplit(href).scheme.lower()
    if scheme in UNSAFE_SCHEMES:
        return f"{scheme}: link"
    if scheme in ("http", "https", "mailto"):
        return None if href.startswith(external) else "external link outside the allow-list"
    if scheme:
        return f"unknown scheme {scheme}:"
    url, fragment = urldefrag(urljoin(SITE_ROOT + rel, href))
    if not url.startswith(SITE_ROOT):
        return "leaves the site"
    target = site.file_for(urlsplit(url).path[len(urlsplit(SITE_ROOT).path):])
    if target is None:
        return "no such page"
    if fragment and target.suffix == ".html" and unquote(fragment) not in site.ids(target):
        return f"no element with id {unquote(fragment)!r}"
    return None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site_dir = Path(args[0] if args else "site")
    broken = check_site(site_dir)
    for link in broken:
        print(link)
    print(f"{len(broken)} broken links", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
