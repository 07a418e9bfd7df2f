"""Sidecar files beside a source text, read with their line numbers so errors can name them.

    A_70_357.txt           the report
    A_70_357.yml           metadata that adds to or overrides the masthead
    A_70_357.errata.yml    editors' corrections, shown to readers
    A_70_357.notes.yml     editors' annotations keyed by paragraph id
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import SidecarError
from .models import Erratum
from .symbols import is_valid_symbol

METADATA_KEYS = {
    "symbol": str,
    "symbols": list,
    "date": str,
    "title": str,
    "doc_type": str,
    "organs": list,
    "sessions": list,
    "agenda": list,
    "language": str,
}
ERRATUM_KEYS = {"find": str, "replace": str, "note": str}
NOTE_KEYS = {"paragraph": str, "note": str}


@dataclass(frozen=True)
class Note:
    """An editor's annotation on one block, in Markdown."""

    block_id: str
    markdown: str
    lineno: int


@dataclass(frozen=True)
class Sidecars:
    metadata: dict[str, Any] = field(default_factory=dict)
    errata: tuple[Erratum, ...] = ()
    notes: tuple[Note, ...] = ()
    errata_path: str | None = None
    notes_path: str | None = None


# libyaml's loader when PyYAML was built with it (~10x faster); the pure-Python one otherwise.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str, loader_class: type) -> tuple[Any, yaml.Node | None]:
    """The node tree (which carries line numbers) and the data built from it, in one parse."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def _load(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse YAML for data and the node tree. Malformed files are parsed again with the
    pure-Python loader so error messages do not depend on whether libyaml is installed."""
    try:
        text = path.read_text(encoding="utf-8")
        try:
            return _parse(text, _FAST_LOADER)
        except yaml.YAMLError:
            return _parse(text, yaml.SafeLoader)
    except UnicodeDecodeError:
        raise SidecarError("not UTF-8 text", str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or "malformed YAML"
        raise SidecarError(f"malformed YAML: {problem}", str(path), line) from None
    except OSError as exc:
        raise SidecarError(f"cannot read: {exc.strerror}", str(path)) from None


def _check_keys(item: Any, schema: dict[str, type], path: Path, line: int | None, what: str) -> None:
    if not isinstance(item, dict):
        raise SidecarError(f"each {what} must be a mapping, got {type(item).__name__}", str(path), line)
    for key, value in item.items():
        if key not in schema:
            allowed = ", ".join(sorted(schema))
            raise SidecarError(f"unknown key {key!r} in {what} (allowed: {allowed})", str(path), line)
        want = schema[key]
        if want is list and isinstance(value, str):
            continue  # a single string is accepted for a list
        if not isinstance(value, want):
            raise SidecarError(f"{key!r} must be {want.__name__}, got {type(value).__name__}", str(path), line)
        if want is list and not all(isinstance(v, str) for v in value):
            raise SidecarError(f"{key!r} must be a list of strings", str(path), line)


def _item_lines(node: yaml.Node | None, key: str | None = None) -> list[int]:
    """Line numbers of the items of a top-level list (or of the list under `key`)."""
    if key is not None and isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
    if isinstance(node, yaml.SequenceNode):
        return [item.start_mark.line + 1 for item in node.value]
    return []


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    """Line number of each key of a top-level mapping."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {getattr(k, "value", None): k.start_mark.line + 1 for k, _ in node.value}


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def load_metadata(path: Path) -> dict[str, Any]:
    data, node = _load(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        _check_keys(data, METADATA_KEYS, path, 1, "metadata file")
    lines = _key_lines(node)
    for key, value in data.items():
        if key == "date" and isinstance(value, dt.date):
            data[key] = value = value.isoformat()  # YAML reads an unquoted 2015-09-02 as a date
        line = lines.get(key, 1)
        _check_keys({key: value}, METADATA_KEYS, path, line, "metadata file")
        if key == "date" and not _is_iso_date(value):
            raise SidecarError(f"'date' must be a date as YYYY-MM-DD, got {value!r}", str(path), line)
        # A symbol becomes a folder path: refuse "../x" here, naming this file and line.
        if key not in ("symbol", "symbols"):
            continue
        for symbol in [value] if isinstance(value, str) else value:
            if not is_valid_symbol(symbol):
                raise SidecarError(f"{symbol!r} is not a usable document symbol", str(path), line)
    return {k: tuple(v) if isinstance(v, list) else ((v,) if k in ("symbols", "organs", "sessions", "agenda") else v) for k, v in data.items()}


def _list_file(path: Path, key: str, schema: dict[str, type], what: str, required: tuple[str, ...]) -> list[tuple[dict, int]]:
    data, node = _load(path)
    if data is None:
        return []
    if isinstance(data, dict) and set(data) == {key}:
        items, lines = data[key], _item_lines(node, key)
    else:
        items, lines = data, _item_lines(node)
    if not isinstance(items, list):
        raise SidecarError(f"expected a list of {'errata' if what == 'erratum' else what + 's'} (or '{key}:' with a list)", str(path), 1)
    out = []
    for item, line in zip(items, lines):
        _check_keys(item, schema, path, line, what)
        missing = [k for k in required if k not in item]
        if missing:
            raise SidecarError(f"{what} lacks {', '.join(missing)}", str(path), line)
        out.append((item, line))
    return out


def load_errata(path: Path) -> tuple[Erratum, ...]:
    items = _list_file(path, "errata", ERRATUM_KEYS, "erratum", ("find", "replace"))
    out = []
    for item, line in items:
        if not item["find"]:
            raise SidecarError("'find' must not be empty", str(path), line)
        out.append(Erratum(item["find"], item["replace"], item.get("note", ""), line))
    return tuple(out)


def load_notes(path: Path) -> tuple[Note, ...]:
    items = _list_file(path, "notes", NOTE_KEYS, "note", ("paragraph", "note"))
    return tuple(Note(item["paragraph"], item["note"], line) for item, line in items)


def sidecar_paths(source: Path) -> dict[str, Path]:
    stem = source.with_suffix("")
    return {
        "metadata": stem.with_suffix(".yml"),
        "errata": Path(f"{stem}.errata.yml"),
        "notes": Path(f"{stem}.notes.yml"),
    }


def load_sidecars(source: Path) -> Sidecars:
    paths = sidecar_paths(source)
    meta = load_metadata(paths["metadata"]) if paths["metadata"].exists() else {}
    errata = load_errata(paths["errata"]) if paths["errata"].exists() else ()
    notes = load_notes(paths["notes"]) if paths["notes"].exists() else ()
    return Sidecars(
        meta,
        errata,
        notes,
        str(paths["errata"]) if errata else None,
        str(paths["notes"]) if notes else None,
    )
