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
