"""A throwaway copy of the project (mkdocs.yml, overrides/, docs/guide/) for building sites in tmp_path.

Builds run as subprocesses with this worktree first on PYTHONPATH, so they use the
code under test and never touch the worktree's own docs/ or site/.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCE_TEXTS = REPO / "source_texts"
# The plugin's source_dir line in mkdocs.yml, to point a copy at another folder.
SOURCE_DIR_LINE = re.compile(r"^(\s*source_dir:).*$", re.MULTILINE)


def make_project(root: Path, source: Path | None = None) -> Path:
    """A project folder whose mkdocs.yml reads `source` (default: the real source_texts/)."""
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = SOURCE_DIR_LINE.sub(lambda m: f"{m.group(1)} {(source or SOURCE_TEXTS).resolve()}", config)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "overrides", root / "overrides", dirs_exist_ok=True)
    shutil.copytree(REPO / "docs" / "guide", root / "docs" / "guide", dirs_exist_ok=True)
    return root


def copy_reports(folder: Path, pattern: str) -> Path:
    """folder holding a copy of the real source texts (and sidecars) matching pattern: a small
    corpus a test may edit."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(SOURCE_TEXTS.glob(pattern)):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def env(**extra: str) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    out["PYTHONPATH"] = os.pathsep.join([str(REPO), out.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    out["NO_MKDOCS_2_WARNING"] = "1"
    out.update(extra)
    return out


def mkdocs_build(project: Path, site: Path | None = None, **extra_env: str) -> subprocess.CompletedProcess:
    site = site or project / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(cmd, cwd=project, env=env(**extra_env), capture_output=True, text=True, timeout=120)


def has_cli() -> bool:
    return (REPO / "build_tools" / "cli.py").is_file()


# The `reports` command as the console script runs it, from the module, so PYTHONPATH applies.
REPORTS = [sys.executable, "-c", "from build_tools.cli import main; main()"]


def reports_cli(project: Path, *args: str, **extra_env: str) -> subprocess.CompletedProcess:
    """`reports ARGS` run from the project folder."""
    return subprocess.run([*REPORTS, *args], cwd=project, env=env(**extra_env), capture_output=True, text=True,
                          timeout=120)


def tree_hashes(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under folder."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
