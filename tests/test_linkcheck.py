"""The link checker finds what is broken, and the real site built from source_texts/ has nothing broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile.project import make_project, mkdocs_build

from build_tools.linkcheck import check_site

PAGES = {
    "index.html": """<html><body id="top">
        <a href="a/">ok folder</a> <a href="a/#x">ok anchor</a> <a href="#top">ok self</a>
        <a href="a/index.html#nope">bad anchor</a> <a href="missing/">bad page</a>
        <a href="javascript:alert(1)">js</a> <a href="../../etc/passwd">escape</a>
        <a href="https://undocs.org/A/70/357">official</a> <a href="https://evil.example/">elsewhere</a>
        <img src="img/missing.png"> <link href="assets/style.css" rel="stylesheet">
        </body></html>""",
    "a/index.html": '<html><body><p id="x">x</p><a name="legacy"></a><a href="../#top">up</a>'
    '<a href="../index.html#legacy">wrong page</a><a href="./#legacy">ok name</a></body></html>',
    "assets/style.css": "p {}",
}

EXPECTED = {
    ("index.html", "a/index.html#nope", "no element with id 'nope'"),
    ("index.html", "missing/", "no such page"),
    ("index.html", "javascript:alert(1)", "javascript: link"),
    ("index.html", "../../etc/passwd", "no such page"),
    ("index.html", "https://evil.example/", "external link outside the allow-list"),
    ("index.html", "img/missing.png", "no such page"),
    ("a/index.html", "../index.html#legacy", "no element with id 'legacy'"),
}


def test_finds_every_kind_of_broken_link(tmp_path: Path):
    for rel, text in PAGES.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    found = {(b.page, b.href, b.reason) for b in check_site(tmp_path)}
    assert found == EXPECTED


@pytest.mark.site
def test_real_site_has_no_broken_links(tmp_path: Path):
    project = make_project(tmp_path / "project")
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr
    site = project / "site"
    assert len(list(site.rglob("*.html"))) > 50  # the six reports were built
    broken = check_site(site)
    assert broken == [], "\n".join(map(str, broken))
