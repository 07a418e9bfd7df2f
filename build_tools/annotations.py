"""Editors' annotations (the <report>.notes.yml sidecar): checked against the report, rendered safely.

Notes are Markdown written by editors, not by the OCR, but they are still not
trusted to carry HTML: markdown-it's CommonMark preset with html=False escapes
any raw HTML, so a note can format text and link, nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable

from markdown_it import MarkdownIt

from .errors import SidecarError
from .memo import per_object
from .sidecars import Note

_MD = MarkdownIt("commonmark", {"html": False})


def check_notes(notes: Iterable[Note], block_ids: set[str], path: str | None) -> tuple[Note, ...]:
    """Every note must name a block of the report; the first that does not fails the build at its line."""
    notes = tuple(notes)
    for note in notes:
        if note.block_id not in block_ids:
            raise SidecarError(f"note for {note.block_id!r}, which is not a paragraph of this report", path, note.lineno)
    return notes


@per_object  # shown beside its paragraph and on the report's notes page
def note_html(note: Note) -> str:
    """The note's Markdown as HTML, with no blank lines (so it stays one raw HTML block in the page)."""
    html = _MD.render(note.markdown).strip()
    return "\n".join(line for line in html.splitlines() if line.strip())


def notes_by_block(notes: Iterable[Note]) -> dict[str, list[Note]]:
    out: dict[str, list[Note]] = {}
    for note in notes:
        out.setdefault(note.block_id, []).append(note)
    return out
