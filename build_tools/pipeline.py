"""The text stage for one report, as a script of stages: read -> errata -> furniture ->
segment -> masthead -> structure -> QA. Pure: the same input gives the same Report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import blocks, furniture, structure
from .errata import apply_errata
from .errors import SidecarError, SourceError
from .frontmatter import parse_masthead
from .models import Erratum, Metadata, QAReport, Report
from .sidecars import Sidecars, load_sidecars
from .sourcefile import read_source
from .symbols import check_symbol, symbol_from_filename
from .textrules import TEXT_RULES


def convert_file(path: Path | str, sidecars: Sidecars | None = None) -> Report:
    path = Path(path)
    text = read_source(path)
    if sidecars is None:
        sidecars = load_sidecars(path)
    return convert_text(text, path.name, sidecars, source_path=str(path))


def _lexicon(text: str):
    try:
        from .lexicon import Lexicon
    except ImportError:
        return None
    return Lexicon.from_text(text)


def _word_tools():
    """The evidence-based joiner and heading recaser, when the lexical modules are present."""
    try:
        from .dehyphenate import join_hyphenated
        from .recase import recase_heading
    except ImportError:
        return None, None
    return join_hyphenated, recase_heading


def convert_text(text: str, name: str, sidecars: Sidecars | None = None, source_path: str | None = None) -> Report:
    sidecars = sidecars or Sidecars()
    source_path = source_path or name
    text, errata = apply_errata(text, sidecars.errata, sidecars.errata_path)
    paged = furniture.remove_furniture(text)
    seg = blocks.segment(paged.lines, paged.page_breaks)
    meta, front_marks = parse_masthead(seg.front, paged.header_symbols)
    meta = _apply_metadata(meta, sidecars.metadata, name, source_path)
    lexicon = _lexicon(text)
    joiner, recase = _word_tools()
    built = structure.build(seg, lexicon, front_marks, joiner, recase, TEXT_RULES)
    if not any(b.type == "paragraph" for b in built.body) and not built.summary:
        raise SourceError("no numbered paragraphs or text found", source_path)
    _check_notes(sidecars, {b.id for b in built.summary + built.body})
    body = tuple(built.body)
    errata = _place_errata(errata, built.summary + built.body)
    qa = QAReport(
        dropped=paged.dropped,
        corrections=tuple(built.corrections),
        warnings=tuple(seg.warnings + built.warnings),
        paragraph_gaps=tuple(structure.numbering_gaps(seg.para_numbers)),
        paragraph_duplicates=(),
        section_gaps=tuple(structure.letter_gaps(seg.section_letters)),
        suspicious=(),
    )
    return Report(
        source=name,
        meta=meta,
        summary=tuple(built.summary),
        body=body,
        footnotes=tuple(built.footnotes),
        sections=tuple(built.sections),
        qa=qa,
        errata=errata,
    )


def _apply_metadata(meta: Metadata, overrides: dict, name: str, source_path: str) -> Metadata:
    """Sidecar fields win; a missing symbol falls back to the file name."""
    meta = replace(meta, **overrides)
    if "symbol" in overrides and "symbols" not in overrides:
        rest = tuple(s for s in meta.symbols if s != meta.symbol)
        meta = replace(meta, symbols=(meta.symbol,) + rest)
    if not meta.symbol:
        guessed = symbol_from_filename(name)
        if not guessed:
            raise SourceError(
                "no document symbol in the text or its file name; add 'symbol:' to a sidecar .yml", source_path
            )
        meta = replace(meta, symbol=guessed, symbols=(guessed,) + meta.symbols)
    if meta.symbols[:1] != (meta.symbol,):
        meta = replace(meta, symbols=(meta.symbol,) + tuple(s for s in meta.symbols if s != meta.symbol))
    for s in meta.symbols:
        check_symbol(s, source_path)
    return meta


def _check_notes(sidecars: Sidecars, block_ids: set[str]) -> None:
    """A note on a paragraph the report does not have cannot be shown anywhere."""
    for note in sidecars.notes:
        if note.block_id not in block_ids:
            raise SidecarError(f"note on {note.block_id!r}, which this report does not have", sidecars.notes_path, note.lineno)


def _place_errata(errata: tuple[Erratum, ...], blocks_: list) -> tuple[Erratum, ...]:
    """Map each erratum's source line to the block that holds it."""
    placed = []
    for e in errata:
        line = int(e.block_id.split(":")[1]) if e.block_id else 0
        holder = None
        for b in blocks_:
            if b.lineno is not None and b.lineno <= line:
                holder = b.id
        placed.append(replace(e, block_id=holder))
    return tuple(placed)


__all__ = ["convert_file", "convert_text"]
