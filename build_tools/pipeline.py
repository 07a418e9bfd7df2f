"""The text stage for one report, as a script of stages: read -> errata -> furniture ->
segment -> masthead -> structure -> QA. Pure: the same input gives the same Report."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from . import blocks, furniture, structure
from .annotations import check_notes
from .dehyphenate import join_hyphenated
from .errata import apply_errata
from .errors import SourceError
from .frontmatter import front_blocks, read_front
from .lexicon import Lexicon
from .maps import map_lines, mark_maps
from .models import Correction, Erratum, Metadata, QAReport, Report
from .ocrfix import damaged_in_texts, fused_in_texts, suspicious_in_texts
from .plain_notes import has_star_slash, with_superscript_notes
from .recase import recase_heading
from .sidecars import Sidecars, load_sidecars
from .sourcefile import read_source
from .symbols import REVISION, check_symbol, symbol_from_filename, symbol_from_text
from .textedits import JoinedTexts
from .textrules import TEXT_RULES, apply_rules


def convert_file(path: Path | str, sidecars: Sidecars | None = None) -> Report:
    path = Path(path)
    text = read_source(path)
    if sidecars is None:
        sidecars = load_sidecars(path)
    return convert_text(text, path.name, sidecars, source_path=str(path))


def convert_text(text: str, name: str, sidecars: Sidecars | None = None, source_path: str | None = None) -> Report:
    sidecars = sidecars or Sidecars()
    source_path = source_path or name
    text, errata = apply_errata(text, sidecars.errata, sidecars.errata_path)
    # "1 See …" at a page foot: "¹ See …"; "*/" marks of the early 1990s: "*".
    paged = with_superscript_notes(furniture.remove_furniture(text), star_slash=has_star_slash(text))
    seg = blocks.segment_paged(paged)
    cues = map_lines(text)
    if cues:  # a map page's labels: one block, named by the map's number (maps.py)
        seg.blocks[:] = mark_maps(seg.blocks, cues)
    meta, front_marks, front_runs = read_front(seg.front, paged.header_symbols, text)
    if front_runs:  # front text that is no metadata is kept, before the body's blocks
        seg.blocks[:0] = front_blocks(front_runs, seg.blocks[0] if seg.blocks else None)
    blocks.number_preambles(seg.blocks)  # "pp-3": a resolution's preambular paragraphs, front text or not
    lexicon = Lexicon.from_text(text)
    # Upper-case 1990s mastheads are recased like headings (a sidecar title wins below).
    meta = replace(
        meta,
        summary_heading=seg.summary_heading,
        doc_type=recase_heading(meta.doc_type, lexicon),
        title=recase_heading(meta.title, lexicon),
        agenda=tuple(recase_heading(a, lexicon) for a in meta.agenda),
    )
    meta, masthead_fixes = _clean_masthead_words(meta, lexicon)
    meta = _apply_metadata(meta, sidecars.metadata, name, source_path, text)
    built = structure.build(seg, lexicon, front_marks, join_hyphenated, recase_heading, TEXT_RULES)
    if not _publishable(built, meta):
        raise SourceError("no numbered paragraphs or text found", source_path)
    body = tuple(built.body)
    errata = _place_errata(errata, built.summary + built.body)
    notes = check_notes(sidecars.notes, {b.id for b in built.summary + built.body}, sidecars.notes_path)
    qa = QAReport(
        dropped=paged.dropped,
        corrections=tuple(masthead_fixes + built.corrections),
        warnings=tuple(seg.warnings + built.warnings),
        paragraph_gaps=tuple(structure.numbering_gaps(seg.para_numbers)),
        paragraph_duplicates=tuple(str(n) for n in seg.duplicates),
        section_gaps=tuple(structure.letter_gaps(seg.section_letters)),
        suspicious=tuple(_suspicious(built.summary + built.body, lexicon)),
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
        notes=notes,
    )


def _clean_masthead_words(meta: Metadata, lexicon: Lexicon) -> tuple[Metadata, list[Correction]]:
    """The title, document type and agenda lines through the text's word rules ("Fligh-level"
    is High-level there as in the text), each change a correction of the block "masthead"."""
    fixes: list[Correction] = []

    def clean(text: str) -> str:
        if not text:
            return text
        text, log = apply_rules(text, lexicon, TEXT_RULES)
        fixes.extend(Correction("masthead", rule, old, new) for rule, old, new in log)
        return text

    meta = replace(meta, title=clean(meta.title), doc_type=clean(meta.doc_type), agenda=tuple(map(clean, meta.agenda)))
    return meta, fixes


# Documents whose paragraphs are not numbered.
UNNUMBERED_TYPES = re.compile(
    r"(?:Letter|Identical letters|Note verbale) dated |Statement by the President of the |Note by the "
    r"|(?:Resolution|Decision) adopted by the "
)
# A resolution's or decision's symbol ("S/RES/2100(2013)": the Council's masthead names no type).
_ADOPTED_SYMBOL = re.compile(r"/(?:RES|DEC)/")


def _publishable(built: structure.Built, meta: Metadata) -> bool:
    """Numbered paragraphs or a summary; or, for a kind of document whose paragraphs are not
    numbered (its masthead says "Letter dated …", "Note verbale dated …", "Statement by the
    President of the Security Council", "Note by the Secretary-General", "Decision adopted by
    the General Assembly", a resolution's of one operative paragraph, which the UN's style leaves
    unnumbered; its symbol a corrigendum's, an addendum's, a resolution's or a decision's), its text.
    Anything else without numbered paragraphs is refused: a report whose numbering went unread
    must not pass for a page of prose, and prose with no masthead is no UN document this tool
    can read."""
    if built.summary or any(b.type == "paragraph" for b in built.body):
        return True
    # A corrigendum or an addendum ("S/21274/Corr.1": "Paragraph 7, third line / For 17 February
    # read 27 February") may have no numbered paragraph: its text is the document.
    symbol = meta.symbol
    unnumbered = UNNUMBERED_TYPES.match(meta.doc_type) or REVISION.search(symbol) or _ADOPTED_SYMBOL.search(symbol)
    return bool(unnumbered) and any(b.type == "text" for b in built.body)


def _apply_metadata(meta: Metadata, overrides: dict, name: str, source_path: str, text: str = "") -> Metadata:
    """Sidecar fields win; a missing symbol falls back to the file name, then to the text's
    mention of its own addendum ("an addendum to the present report (A/62/627/Add.1)")."""
    meta = replace(meta, **overrides)
    if "symbol" in overrides and "symbols" not in overrides:
        rest = tuple(s for s in meta.symbols if s != meta.symbol)
        meta = replace(meta, symbols=(meta.symbol,) + rest)
    if not meta.symbol:
        guessed = symbol_from_filename(name) or symbol_from_text(text)
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


def _suspicious(blocks_: list, lexicon: Lexicon) -> list[str]:
    """"para-12: Secretary-Genera1" for tokens that still look like OCR damage."""
    texts = [b.text for b in blocks_]
    joined = JoinedTexts(texts)  # one join, one scan per report
    found = suspicious_in_texts(texts, lexicon, joined) + fused_in_texts(texts, lexicon, joined)
    found += damaged_in_texts(texts, lexicon, joined)
    return [f"{blocks_[i].id}: {token}" for i, token in sorted(found, key=lambda it: it[0])]


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
