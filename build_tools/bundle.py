"""The offline bundle: the site built for the file system, in one deterministic zip.

Unzipped and opened from file:// with no network, navigation, paragraph links,
footnotes, glossary tooltips and search all work:

- the site is built with use_directory_urls: false, so MkDocs writes "x/index.html" links;
- links that MkDocs does not rewrite (raw HTML in our Markdown: "../IV/", "../IV/#para-12")
  are fixed by offline_links(), called from the plugin's on_post_page for such builds;
- search uses assets/search-data.js (a plain script), since Pagefind needs http;
- nothing may fetch from the network: the build is refused if any HTML/CSS/JS file holds
  an external URL other than the allowed ones below.

Zipping is one pass over the built site (write_zip): each file is read once, its links are
fixed, it is scanned for external URLs and compressed. At 1,000 reports (100,000 files) the
command took 105 s with a pass for each of those steps and the temporary site deleted in line,
59 s now (39 s of it the site build).

Usage: python -m build_tools.bundle [-f mkdocs.yml] [-o dist/annotated-un-reports.zip]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import zipfile
from contextlib import closing
from fnmatch import fnmatch
from pathlib import Path

from .errors import OutputError, ReportsError
from .progress import BarFactory, silent
from .sitegen import delete_in_background

DEFAULT_OUTPUT = "dist/annotated-un-reports.zip"
ZIP_ROOT = "annotated-un-reports"
# Zip timestamps are fixed (DOS epoch) so the same site always gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# href="x/" or href="x/#frag" with a relative path (no scheme, not "//host", not "/", not "#"):
# the file system has no directory index, so such links must name index.html.
# Literal-first ("href=", then the whitespace before it checked): re searches for a literal in
# C, where a leading \s is tried at every character (3x faster; tests/test_bundle.py).
DIRECTORY_HREF = re.compile(
    r"""(?P<attr>href=)(?<=\shref=)(?P<q>["'])(?P<path>(?![a-zA-Z][a-zA-Z0-9+.\-]*:|/|\#)[^"'#?]*/|\.|\.\.)(?P<rest>[?#][^"']*)?(?P=q)"""
)

# Redirect targets in the static redirect pages: meta refresh "url=../III/#para-12" and
# location.replace("../III/#para-12").
REDIRECT_TARGET = re.compile(
    r"""(?P<attr>url=|location\.replace\(["'])(?P<path>(?![a-zA-Z][a-zA-Z0-9+.\-]*:|/|\#)[^"'#?\s]*/)(?=[?#"'\s])(?P<rest>[?#][^"'\s]*)?"""
)

# External URLs in a built file: "http://…", "https://…" or protocol-relative "//host…".
# This is the specification; external_urls_in() finds the same URLs from the "//" (a pattern
# that starts with a literal is searched for in C; this one is tried at every character:
# 8.8 s against ~1 s over the 455 MB of a 1,000-report bundle).
EXTERNAL_URL = re.compile(r"""(?:https?:)?//[a-zA-Z0-9][a-zA-Z0-9.\-]*\.[a-zA-Z]{2,}[^\s"'<>)\\]*""")
_EXTERNAL_FROM_SLASHES = re.compile(EXTERNAL_URL.pattern.removeprefix("(?:https?:)?"))
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


def external_urls_in(text: str) -> list[str]:
    """EXTERNAL_URL.findall(text): each URL from its "//", with the scheme just before it."""
    out = []
    for m in _EXTERNAL_FROM_SLASHES.finditer(text):
        start = m.start()
        if text.endswith("https:", 0, start):
            start -= 6
        elif text.endswith("http:", 0, start):
            start -= 5
        out.append(text[start : m.end()])
    return out


def _leaks(name: str, text: str, allowed=ALLOWED_EXTERNAL) -> list[str]:
    """The external URLs in a file's text that are not allowed for a file of that name."""
    return [
        url for url in external_urls_in(text)
        if not any(fnmatch(name, pattern) and url.startswith(prefix) for pattern, prefix in allowed)
    ]


def build_offline_site(config_file: Path, site_dir: Path, progress: BarFactory = silent) -> None:
    """Build the site for the file system into site_dir (the usual docs/ is regenerated as for any build)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(str(config_file), use_directory_urls=False, site_dir=str(site_dir))
        config.plugins["un-reports"].progress = progress
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()  # also on Ctrl-C: the plugin stops its background work
    except MkDocsException as exc:
        raise OutputError(f"site build failed: {exc}", str(config_file)) from None


def drop_unused(site_dir: Path) -> None:
    for rel in UNUSED_IN_BUNDLE:
        target = site_dir / rel
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


# Deflate level of the zip. At 1,000 reports, level 9 made the bundle 0.5 % smaller than 6
# (145.6 against 146.3 MB) and the zip pass 3.5 s longer (30.2 against 26.7 s).
ZIP_LEVEL = 6


def _bundled(path: Path) -> tuple[bytes, str | None]:
    """A site file as it goes into the zip, and its text when it is scanned for external URLs.
    Relative directory links in HTML name index.html: MkDocs' pages and the redirect pages are
    fixed as they are written, this catches any HTML file that was copied as it was."""
    data = path.read_bytes()
    if path.suffix == ".html":
        text = data.decode("utf-8")  # UnicodeDecodeError: see write_zip
        fixed = offline_links(text)
        return (data, text) if fixed == text else (fixed.encode("utf-8"), fixed)
    if path.suffix in SCANNED_SUFFIXES:
        return data, data.decode("utf-8", errors="replace")
    return data, None


def _files_under(folder: Path) -> list[tuple[str, Path]]:
    """(relative POSIX path, path) of every file under folder, sorted by the relative path.
    os.walk, not Path.rglob: rglob took 5 s for the 100,000 files of 1,000 reports."""
    out = []
    for root, _, names in os.walk(folder):
        base = Path(root)
        prefix = base.relative_to(folder).as_posix()
        out += [(name if prefix == "." else f"{prefix}/{name}", base / name) for name in names]
    return sorted(out)


def write_zip(site_dir: Path, output: Path, config_file: Path | None = None, progress: BarFactory = silent) -> int:
    """Zip the site deterministically (sorted entries, fixed dates and modes) in one pass over
    its files; returns the entry count. A file with an external URL that is not allowed stops
    it: the error names the first, and no zip is left behind."""
    files = _files_under(site_dir)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    leaks: list[tuple[str, str]] = []
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as zf, \
                closing(progress("zipping", len(files), "file")) as bar:
            for rel, path in files:
                bar.update(1)
                try:
                    data, text = _bundled(path)
                except UnicodeDecodeError as exc:  # a page copied as it was (docs/, overrides/)
                    raise OutputError(f"the built page {rel} is not UTF-8 (byte {exc.start}); save its source as UTF-8",
                                      str(config_file or site_dir)) from None
                if text is not None:
                    leaks += [(rel, url) for url in _leaks(path.name, text)]
                if leaks:
                    continue  # the zip will not be kept: only count the rest of the leaks
                info = zipfile.ZipInfo(f"{ZIP_ROOT}/{rel}", ZIP_DATE)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data, compresslevel=ZIP_LEVEL)
        if leaks:
            where, url = leaks[0]
            raise OutputError(f"{len(leaks)} external URL(s) would be fetched offline, first {url} in {where}",
                              str(config_file or site_dir))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(output)
    return len(files)


def make_bundle(config_file: Path, output: Path, progress: BarFactory = silent) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="reports-bundle-"))
    try:
        site = tmp / "site"
        build_offline_site(config_file, site, progress)
        drop_unused(site)
        return write_zip(site, output, config_file, progress)
    finally:
        # A detached process deletes the built site: at 1,000 reports its ~100,000 files took
        # ~20 s to delete, a fifth of the command's time.
        delete_in_background([tmp])


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
