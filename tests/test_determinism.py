"""Same inputs -> byte-identical docs/ and site/; a failed build leaves the previous output untouched."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import shutil
import struct
from pathlib import Path

import pytest
from hostile.project import SOURCE_TEXTS, make_project, mkdocs_build, tree_hashes

from build_tools.errors import OutputError, ReportsError
from build_tools.sitegen import MANIFEST, build_corpus, write_docs

# <lastmod>2018-03-20</lastmod> in sitemap.xml.
LASTMOD = re.compile(r"<lastmod>([^<]*)</lastmod>")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    """The real corpus built twice in separate project copies, with different hash seeds."""
    out = []
    for n, seed in enumerate(("1", "2")):
        project = make_project(tmp_path_factory.mktemp(f"build{n}") / "project")
        done = mkdocs_build(project, PYTHONHASHSEED=seed)
        assert done.returncode == 0, done.stderr
        out.append(project)
    return out[0], out[1]


@pytest.mark.site
@pytest.mark.parametrize("folder", ["docs", "site"])
def test_two_builds_are_byte_identical(two_builds, folder: str):
    a, b = (tree_hashes(p / folder) for p in two_builds)
    assert a, f"{folder}/ is empty"
    differing = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    assert differing == []


@pytest.mark.site
def test_sitemap_date_is_pinned_from_the_newest_report(two_builds):
    """The plugin sets SOURCE_DATE_EPOCH from the newest report's date, not the clock."""
    project = two_builds[0]
    newest = max(r.meta.date for r in build_corpus(SOURCE_TEXTS).reports if r.meta.date)
    epoch = int(dt.datetime.fromisoformat(newest).replace(tzinfo=dt.UTC).timestamp())
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    # <lastmod> entries appear only when site_url is set; any that do must carry the pinned date.
    assert set(LASTMOD.findall(sitemap)) <= {newest}
    packed = (project / "site" / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", packed[4:8])[0] == epoch  # gzip header mtime
    assert gzip.decompress(packed).decode() == sitemap


@pytest.mark.site
def test_failed_mkdocs_build_keeps_previous_site_and_docs(tmp_path: Path):
    source = tmp_path / "source"
    shutil.copytree(SOURCE_TEXTS, source)
    project = make_project(tmp_path / "project", source)
    assert mkdocs_build(project).returncode == 0
    before = tree_hashes(project / "site"), tree_hashes(project / "docs")
    (source / "A_70_357.errata.yml").write_text("- find: [unclosed\n", encoding="utf-8")
    done = mkdocs_build(project)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "A_70_357.errata.yml:2: malformed YAML" in done.stderr
    assert (tree_hashes(project / "site"), tree_hashes(project / "docs")) == before


def test_build_corpus_failure_writes_nothing(tmp_path: Path):
    """The text stage raises before write_docs is reached: a bad report anywhere stops the whole corpus."""
    source = tmp_path / "source"
    shutil.copytree(SOURCE_TEXTS, source)
    docs = tmp_path / "docs"
    write_docs(docs, build_corpus(source).files)
    before = tree_hashes(docs)
    (source / "Z_1_1.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(ReportsError, match=r"Z_1_1\.txt: contains NUL bytes"):
        write_docs(docs, build_corpus(source).files)
    assert tree_hashes(docs) == before


def test_write_docs_never_overwrites_hand_written_files(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "anchors.md").write_text("hand-written\n", encoding="utf-8")
    (docs / "index.md").write_text("my own home page\n", encoding="utf-8")
    before = tree_hashes(docs)
    with pytest.raises(OutputError, match="index.md exists and was not generated"):
        write_docs(docs, {"A/1/1/index.md": "x\n", "index.md": "generated\n"})
    assert tree_hashes(docs) == before  # checked before anything was written
    assert not (docs / MANIFEST).exists()


def test_write_docs_removes_only_its_own_stale_files(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "anchors.md").write_text("hand-written\n", encoding="utf-8")
    write_docs(docs, {"A/1/1/index.md": "one\n", "A/1/2/index.md": "two\n"})
    stats = write_docs(docs, {"A/1/1/index.md": "one\n"})
    assert stats == {"written": 0, "unchanged": 1, "removed": 1}
    assert not (docs / "A" / "1" / "2").exists()
    assert (docs / "guide" / "anchors.md").read_text(encoding="utf-8") == "hand-written\n"


def test_write_docs_touches_nothing_when_nothing_changed(tmp_path: Path):
    """`mkdocs serve` watches docs/: a file rewritten by every build (the manifest was) starts
    the next build, for ever."""
    docs = tmp_path / "docs"
    files = {"A/1/1/index.md": "one\n", "A/1/2/index.md": "two\n"}
    write_docs(docs, files)
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*")}
    stats = write_docs(docs, dict(files))
    assert stats == {"written": 0, "unchanged": 2, "removed": 0}
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*")} == before
    assert not list(docs.glob(".tmp-*"))


def test_write_docs_interrupted_midway_does_not_block_the_next_build(tmp_path: Path, monkeypatch):
    """Ctrl-C or SIGTERM while docs/ is written: the files written so far must stay the build's
    own (listed in the manifest), or the next build refuses them as hand-written."""
    from build_tools import sitegen

    docs = tmp_path / "docs"
    write_docs(docs, {"A/1/1/index.md": "one\n"})
    real_write, calls = sitegen._atomic_write, []

    def interrupted(target: Path, data: bytes) -> None:
        calls.append(target)
        if len(calls) == 3:  # after the claim and one new page
            raise KeyboardInterrupt
        real_write(target, data)

    monkeypatch.setattr(sitegen, "_atomic_write", interrupted)
    new = {"A/1/1/index.md": "one\n", "A/1/2/index.md": "two\n", "A/1/3/index.md": "three\n"}
    with pytest.raises(KeyboardInterrupt):
        write_docs(docs, new)
    assert (docs / "A/1/2/index.md").exists()  # the interruption came after a new page
    monkeypatch.setattr(sitegen, "_atomic_write", real_write)
    stats = write_docs(docs, {"A/1/1/index.md": "one\n", "A/1/3/index.md": "three\n"})
    assert stats["removed"] == 1  # the page written before the interruption, no longer wanted
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == ["A/1/1/index.md", "A/1/3/index.md"]
    assert json.loads((docs / MANIFEST).read_text(encoding="utf-8"))["files"] == ["A/1/1/index.md", "A/1/3/index.md"]


@pytest.mark.parametrize("rel", ["../outside.md", "A/../../outside.md", "/etc/passwd"])
def test_write_docs_refuses_paths_outside_docs(tmp_path: Path, rel: str):
    docs = tmp_path / "docs"
    with pytest.raises(OutputError, match="outside the docs folder"):
        write_docs(docs, {rel: "x\n"})
    assert not (tmp_path / "outside.md").exists()
