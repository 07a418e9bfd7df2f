"""The `reports` command: build the site, convert one text, (later) bundle it offline.

Errors are printed as one line ("reports: error: file:line: message") with exit
status 1; never a traceback.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
from pathlib import Path

import click

from .crossrefs import citations_data
from .errors import ReportsError
from .interrupts import interrupt_on_terminate
from .pipeline import convert_file
from .progress import on_terminal
from .serialize import report_to_dict
from .sitegen import (
    build_corpus,
    delete_in_background,
    refuse_qa_warnings,
    site_context,
    stage_folder,
    sweep_dead_stages,
    trash_folder,
)


def _fail(message: str) -> None:
    click.echo(f"reports: error: {message}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Annotated UN Reports: OCR'd UN report texts in, citable static site out."""
    interrupt_on_terminate()


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def convert(file: Path) -> None:
    """Print the document model of one source text as JSON (the same document as data.json,
    its citations linked as in a site that publishes this report alone)."""
    try:
        report = convert_file(file)
        data = report_to_dict(report)
        data["citations"] = citations_data(site_context([report]).crossrefs, report.meta.symbol)
    except ReportsError as exc:
        _fail(str(exc))
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


@main.command()
@click.option("--source", "source", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of source .txt reports (default: the plugin's source_dir, source_texts/).")
@click.option("--site", "site", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: site/).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("mkdocs.yml"), show_default=True, help="MkDocs configuration.")
@click.option("--strict", is_flag=True, help="Treat MkDocs warnings as errors.")
@click.option("--keep-going", is_flag=True,
              help="Publish the reports that convert, leave out those refused (each named on stderr), "
                   "and still exit with status 1. Without it, a refused report stops the build.")
def build(source: Path | None, site: Path | None, config_file: Path, strict: bool, keep_going: bool) -> None:
    """Run the text stage, then build the static site (atomically: a failed build keeps the old site)."""
    refused: list[str] = []
    site_dir = _build_site(config_file, source, site, strict, refused=refused if keep_going else None)
    if refused:
        for message in refused:
            click.echo(f"reports: error: {message}", err=True)
        n = len(refused)
        _fail(f"site written to {site_dir} without the {n} refused report{'s' if n > 1 else ''} above")
    click.echo(f"site written to {site_dir}")


class _FirstError(logging.Handler):
    """Keeps MkDocs' first error message, so a failed build is reported as that one line."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.first: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.first is None:
            self.first = " ".join(record.getMessage().split())


def _build_site(config_file: Path, source: Path | None, site: Path | None, strict: bool,
                overrides: dict | None = None, refused: list[str] | None = None) -> Path:
    """Build the site into a staging folder and swap it in. With `refused` (a list), reports the
    text stage refuses are left out and their one-line errors appended to it (--keep-going)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not config_file.is_file():
        _fail(f"{config_file}: configuration file not found")
    (config_file.parent / "docs").mkdir(exist_ok=True)  # a new project has no hand-written pages yet
    errors = _quiet_mkdocs_logging()
    final = (site or config_file.parent / "site").resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    sweep_dead_stages(final)  # what builds killed outright (SIGKILL, out of memory) left
    staging = stage_folder(final, "build")
    config = None
    built = False
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict, **(overrides or {}))
        plugin = config.plugins["un-reports"]
        if source is not None:
            plugin.config.source_dir = str(source.resolve())
        # Run the text stage here so its errors come out as one clean line, before MkDocs starts.
        plugin.prebuilt = build_corpus(plugin.source_path(config), plugin.config.official_base, plugin.cache_path(config),
                                       progress=on_terminal, keep_going=refused is not None)
        if refused is not None:
            refused += plugin.prebuilt.refused
        plugin.progress = on_terminal
        if strict:
            refuse_qa_warnings(plugin.prebuilt.reports, plugin.source_path(config))
        mkdocs_build(config)
        built = True
    except (MkDocsException, ReportsError) as exc:
        message = str(exc).strip() if isinstance(exc, ReportsError) else (errors.first or str(exc).strip())
        _fail(" ".join(message.split()) or type(exc).__name__)
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM/SIGHUP (interrupts.py)
        _fail(f"{_interrupted(exc)}; {final} was left as it was")
    finally:
        if config is not None:
            config.plugins.on_shutdown()  # stops the plugin's background writer and Pagefind
        if not built:
            shutil.rmtree(staging, ignore_errors=True)
    _swap_in(staging, final)
    return final


def _interrupted(exc: KeyboardInterrupt) -> str:
    return f"interrupted by {exc}" if str(exc) else "interrupted"


def _quiet_mkdocs_logging() -> _FirstError:
    """MkDocs logs errors as well as raising them: warnings still go to stderr, errors are kept
    for our one-line message instead."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.handlers.clear()
    warnings = logging.StreamHandler(sys.stderr)
    warnings.addFilter(lambda record: record.levelno < logging.ERROR)
    warnings.setFormatter(logging.Formatter("reports: warning: %(message)s"))
    errors = _FirstError()
    logger.addHandler(warnings)
    logger.addHandler(errors)
    return errors


def _swap_in(staging: Path, final: Path) -> None:
    """Replace the old site with the new one in two renames; a detached process deletes the old one."""
    old = None
    if final.exists():
        old = trash_folder(final) / final.name
        final.rename(old)
    staging.rename(final)
    if old is not None:
        delete_in_background([old.parent])


@main.command()
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("mkdocs.yml"), show_default=True, help="MkDocs configuration.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Zip to write (default: dist/annotated-un-reports.zip).")
def bundle(config_file: Path, output: Path | None) -> None:
    """Write the whole site as one zip that works offline, opened from the file system (search included)."""
    from .bundle import DEFAULT_OUTPUT, ZIP_ROOT, make_bundle

    output = output or DEFAULT_OUTPUT
    if not config_file.is_file():
        _fail(f"{config_file}: configuration file not found")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        count = make_bundle(config_file, output, progress=on_terminal)
    except ReportsError as exc:
        _fail(str(exc))
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM/SIGHUP (interrupts.py)
        _fail(f"{_interrupted(exc)}; {output} was not written")
    click.echo(f"{output}: {count} files; unzip it and open {ZIP_ROOT}/index.html")


@main.command()
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("mkdocs.yml"), show_default=True)
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True)
@click.option("--dirty", is_flag=True,
              help="Rebuild only the pages whose files changed (MkDocs' dirty build): faster on large "
                   "collections, but other pages keep their old navigation until a full rebuild.")
def serve(config_file: Path, dev_addr: str, dirty: bool) -> None:
    """Build and serve the site, rebuilding when a source text changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, build_type="dirty" if dirty else None)


if __name__ == "__main__":  # pragma: no cover
    main()
