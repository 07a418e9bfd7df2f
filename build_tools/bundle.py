"""The offline bundle: the site built for the file system, in one deterministic zip.

Unzipped and opened from file:// with no network, navigation, paragraph links,
footnotes, glossary tooltips and search all work:

- the site is built with use_directory_urls: false, so MkDocs writes "x/index.html" links;
- links that MkDocs does not rewrite (raw HTML in our Markdown: "../IV/", "../IV/#para-12")
  are fixed by offline_links(), called from the plugin's on_post_page for such builds;
- search uses assets/search-data.js (a plain script), since Pagefind needs http;
- nothing may fetch from the network: the build is refused if any HTML/CSS/JS file holds
  an external URL other than the allowed ones below.

Usage: python -m build_tools.bundle [-f mkdocs.yml] [-o dist/annotated-un-reports.zip]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import zipfile
from fnmatch import fnmatch
from pathlib import Path

from .errors import OutputError, ReportsError

DEFAULT_OUTPUT = "dist/annotated-un-reports.zip"
ZIP_ROOT = "annotated-un-reports"
# Zip timestamps are fixed (DOS epoch) so the same site always gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# href="x/" or href="x/#frag" with a relative path (no scheme, not "//host", not "/", not "#"):
# the file system has no directory index, so such links must name index.html.
DIRECTORY_HREF = re.compile(
    r"""(?P<attr>\shref=)(?P<q>["'])(?P<path>(?![a-zA-Z][a-zA-Z0-9+.\-]*:|/|\#)[^"'#?]*/|\.|\.\.)(?P<rest>[?#][^"']*)?(?P=q)"""
)

# Redirect targets in the static redirect pages: meta refresh "url=../III/#para-12" and
# location.replace("../III/#para-12").
REDIRECT_TARGET = re.compile(
    r"""(?P<attr>url=|location\.replace\(["'])(?P<path>(?![a-zA-Z][a-zA-Z0-9+.\-]*:|/|\#)[^"'#?\s]*/)(?=[?#"'\s])(?P<rest>[?#][^"'\s]*)?"""
)

# External URLs in a built file: "http://…", "https://…" or protocol-relative "//host…".
EXTERNAL_URL = re.compile(r"""(?:https?:)?//[a-zA-Z0-9][a-zA-Z0-9.\-]*\.[a-zA-Z]{2,}[^\s"'<>)\\]*""")
# External URLs allowed in the bundle, as (file name pattern, URL prefix). None is fetched:
# official documents are links the reader may follow when online; the rest are strings in
# Material's code and licence comments for features this site does not use.
ALLOWED_EXTERNAL = (
    ("*.html", "https://undocs.org/"),  # official document links
    ("*.json", "https://undocs.org/"),  # data.json: official links
    ("*.js", "https://undocs.org/"),  # search-data.js may quote them
    ("bundle.*.min.js", "https://api.github.com/"),  # repository facts: only with repo_url (unset)
    ("bundle.*.min.js", "https://unpkg.com/mermaid@"),  # only pages with Mermaid diagrams (none)
    ("bundle.*.min.js", "https://unpkg.com/resize-observer-polyfill"),  # only browsers without ResizeObserver
    ("bundle.*.min.js", "https://clipboardjs.com/"),  # licence comment
    ("bundle.*.min.js", "//i.test("),  # a regular expression literal, not a URL
    ("main.*.min.css", "https://fontawesome.com"),  # licence comment
    ("*.svg", "http://www.w3.org/"),  # XML namespace names
    ("*.html", "http://www.w3.org/"),  # inline SVG namespace names
    ("*.css", "http://www.w3.org/"),  # namespace names in inline SVG data: URLs
)
# Files the offline site does not use, left out of the bundle so they cannot fetch anything:
# Material's search (its plugin is off), the sitemap, and 404.html (site-absolute links, and
# the file system has no "not found" page).
UNUSED_IN_BUNDLE = (
    "assets/javascripts/lunr", "assets/javascripts/workers", "sitemap.xml", "sitemap.xml.gz", "404.html",
)
SCANNED_SUFFIXES = (".html", ".css", ".js", ".xml", ".json", ".svg")


def offline_links(html: str) -> str:
    """Rewrite relative directory links to name index.html ("../IV/#para-12" -> "../IV/index.html#para-12")."""

    def fix(m: re.Match) -> str:
        path = m["path"]
        path = path + "/" if path in (".", "..") else path
        return f"{m['attr']}{m['q']}{path}index.html{m['rest'] or ''}{m['q']}"

    html = DIRECTORY_HREF.sub(fix, html)
    return REDIRECT_TARGET.sub(lambda m: f"{m['attr']}{m['path']}index.html{m['rest'] or ''}", html)


def rewrite_static_pages(site_dir: Path) -> None:
    """Pages MkDocs copies as they are (the redirect pages) get the same index.html links."""
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        fixed = offline_links(text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def external_urls(site_dir: Path, allowed=ALLOWED_EXTERNAL) -> list[tuple[str, str]]:
    """(file, url) for every external URL in the site's text files that is not allowed."""
    found = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in SCANNED_SUFFIXES or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in EXTERNAL_URL.finditer(text):
            url = m.group(0)
            if not any(fnmatch(path.name, pattern) and url.startswith(prefix) for pattern, prefix in allowed):
                found.append((path.relative_to(site_dir).as_posix(), url))
    return found


def build_offline_site(config_file: Path, site_dir: Path) -> None:
    """Build the site for the file system into site_dir (the usual docs/ is regenerated as for any build)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(str(config_file), use_directory_urls=False, site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
    except MkDocsException as exc:
        raise OutputError(f"site build failed: {exc}", str(config_file)) from None


def drop_unused(site_dir: Path) -> None:
    for rel in UNUSED_IN_BUNDLE:
        target = site_dir / rel
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def write_zip(site_dir: Path, output: Path) -> int:
    """Zip the site deterministically (sorted entries, fixed dates and modes); returns the entry count."""
    files = sorted((p for p in site_dir.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site_dir).as_posix())
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            info = zipfile.ZipInfo(f"{ZIP_ROOT}/{path.relative_to(site_dir).as_posix()}", ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(output)
    return len(files)


def make_bundle(config_file: Path, output: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="reports-bundle-") as tmp:
        site = Path(tmp) / "site"
        build_offline_site(config_file, site)
        drop_unused(site)
        rewrite_static_pages(site)
        leaks = external_urls(site)
        if leaks:
            where, url = leaks[0]
            raise OutputError(f"{len(leaks)} external URL(s) would be fetched offline, first {url} in {where}", str(config_file))
        return write_zip(site, output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="reports bundle", description="Write the offline site as one zip.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT, type=Path)
    args = parser.parse_args(argv)
    try:
        count = make_bundle(args.config_file, args.output)
    except ReportsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{args.output}: {count} files; unzip and open {ZIP_ROOT}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
