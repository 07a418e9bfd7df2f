"""The `reports` command as a user runs it: exit codes, one-line errors, strict mode."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from conftest import ROOT, SOURCE


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "build_tools.cli", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_convert_prints_the_data_json_document():
    done = run("convert", SOURCE / "A_62_627.txt")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["symbol"] == "A/62/627" and len([b for b in data["body"] if b["type"] == "paragraph"]) == 79
    # byte for byte what a site publishing this report alone writes as its data.json
    from build_tools.pipeline import convert_file
    from build_tools.sitegen import render_corpus

    files = render_corpus([convert_file(SOURCE / "A_62_627.txt")])
    assert done.stdout == files["A/62/627/data.json"]
    assert data["citations"]  # it cites its addendum, A/62/627/Add.1, and others


def test_help_on_every_command():
    for cmd in ([], ["build"], ["convert"], ["serve"], ["bundle"]):
        done = run(*cmd, "--help")
        assert done.returncode == 0 and "Usage:" in done.stdout


def test_strict_mode_turns_a_qa_warning_into_an_error(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    source = project / "source_texts"
    source.mkdir()
    text = (SOURCE / "A_51_695.txt").read_text(encoding="utf-8") + "\n13. Late.\n\n15. Skipped one.\n"
    (source / "A_51_695.txt").write_text(text, encoding="utf-8")
    lenient = run("build", "--config", project / "mkdocs.yml", "--site", project / "site")
    assert lenient.returncode == 0, lenient.stderr
    strict = run("build", "--config", project / "mkdocs.yml", "--site", project / "site2", "--strict")
    assert strict.returncode == 1
    assert strict.stderr.strip().count("\n") == 0
    assert f"{source / 'A_51_695.txt'}:" in strict.stderr and "paragraph 15 follows 13" in strict.stderr
    assert not (project / "site2").exists()


def test_a_rebuild_swaps_the_new_site_in_and_the_old_one_is_deleted(tmp_path):
    """`reports build` twice into one folder: the second build replaces the first at once, and a
    detached process deletes the old site (nothing hidden is left beside it for long)."""
    import time

    project = tmp_path / "project"
    (project / "source_texts").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(SOURCE / "A_62_627.txt", project / "source_texts")
    site = tmp_path / "out" / "site"
    for _ in range(2):
        done = run("build", "--config", project / "mkdocs.yml", "--site", site, cwd=project)
        assert done.returncode == 0, done.stderr
        assert (site / "A/62/627/index.html").is_file()
    deadline = time.monotonic() + 30
    while any(site.parent.glob(".site-old-*")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
