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


def test_keep_going_publishes_the_others_and_names_each_refused_report(tmp_path):
    """One unreadable report among a collection's stops the build (and keeps the old site); with
    --keep-going the others are published, each refused report is named on its own line, and
    the exit status is still 1."""
    project = tmp_path / "p"
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    source = project / "source_texts"
    source.mkdir()
    for name in ("A_62_627.txt", "A_62_627.yml", "A_51_695.txt"):
        shutil.copy(SOURCE / name, source / name)
    (source / "S_2099_1.txt").write_bytes(b"\x00\x01 not text")
    (source / "S_2099_2.txt").write_text("No masthead and no numbered paragraphs.\n", encoding="utf-8")
    stopped = run("build", "--config", project / "mkdocs.yml", "--site", project / "site")
    assert stopped.returncode == 1 and not (project / "site").exists()
    going = run("build", "--config", project / "mkdocs.yml", "--site", project / "site", "--keep-going")
    assert going.returncode == 1
    lines = going.stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("reports: error: ")]
    assert len(errors) == 3, going.stderr
    assert f"{source / 'S_2099_1.txt'}: " in errors[0] and "NUL" in errors[0]
    assert f"{source / 'S_2099_2.txt'}" in errors[1]
    assert errors[2] == f"reports: error: site written to {project / 'site'} without the 2 refused reports above"
    assert "Traceback" not in going.stderr
    site = project / "site"
    assert (site / "A" / "62" / "627" / "index.html").is_file() and (site / "A" / "51" / "695" / "index.html").is_file()
    assert not (site / "S" / "2099").exists()


def test_the_plugins_keep_going_option_warns_of_each_refused_report(tmp_path):
    """`mkdocs build` (or serve) with `keep_going: true` under the plugin: a warning names the
    refused report and the rest is built; --strict makes that warning stop the build."""
    project = tmp_path / "p"
    shutil.copytree(ROOT / "overrides", project / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      official_base: https://undocs.org/\n" in config
    config = config.replace("      official_base: https://undocs.org/\n",
                            "      official_base: https://undocs.org/\n      keep_going: true\n      pagefind: false\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "docs").mkdir()
    source = project / "source_texts"
    source.mkdir()
    shutil.copy(SOURCE / "A_51_695.txt", source / "A_51_695.txt")
    (source / "S_2099_1.txt").write_text("No masthead and no numbered paragraphs.\n", encoding="utf-8")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")]
    done = subprocess.run(mkdocs, capture_output=True, text=True, cwd=project)
    assert done.returncode == 0, done.stderr
    assert "S_2099_1.txt" in done.stderr and "refused: the site is built without it" in done.stderr
    assert (project / "site" / "A" / "51" / "695" / "index.html").is_file()
    strict = subprocess.run(mkdocs + ["--strict"], capture_output=True, text=True, cwd=project)
    assert strict.returncode == 1
