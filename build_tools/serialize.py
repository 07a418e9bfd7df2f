"""Report model -> the plain data of data.json (and of `reports convert`)."""

from __future__ import annotations

from typing import Any

from .models import Block, Report
from .tables import Rows, table_parts

SCHEMA_VERSION = 1


def _block(b: Block) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": b.type,
        "id": b.id,
        "number": b.number,
        "level": b.level,
        "text": b.text,
        "page": b.page,
        "section": b.section,
    }
    if b.parent:
        out["parent"] = b.parent
    if b.refs:
        out["footnote_refs"] = [{"offset": r.offset, "id": r.footnote_id, "mark": r.mark} for r in b.refs]
    if b.cells:  # a table whose layout the text layer lost: its cells in reading order
        out["cells"] = list(b.cells)
    if parts := table_parts(b):  # the rows the page shows, and the cells that fit no row
        out["table"] = [_table_part(part) for part in parts]
    return out


def _table_part(part: Rows | tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(part, Rows):
        return {"cells": list(part)}
    rows = [{"label": r.label, **({"mark": r.mark} if r.mark else {}), "values": list(r.values)} for r in part.rows]
    return {"header": list(part.header), **({"groups": list(part.groups)} if part.groups else {}), "rows": rows}


def report_to_dict(report: Report) -> dict[str, Any]:
    meta = report.meta
    return {
        "schema": SCHEMA_VERSION,
        "symbol": meta.symbol,
        "symbols": list(meta.symbols),
        "title": meta.title,
        "date": meta.date,
        "doc_type": meta.doc_type,
        "organs": list(meta.organs),
        "sessions": list(meta.sessions),
        "agenda": list(meta.agenda),
        **({"body_annex": meta.body_annex} if meta.body_annex is not None else {}),  # see Metadata
        **({"summary_heading": meta.summary_heading} if report.summary else {}),
        "source": report.source,
        "sections": [{"key": s.key, "number": s.number, "title": s.title, "id": s.id} for s in report.sections],
        "summary": [_block(b) for b in report.summary],
        "body": [_block(b) for b in report.body],
        "footnotes": [
            {"id": f.id, "mark": f.mark, "text": f.text, "referenced_from": list(f.referenced_from), "page": f.page}
            for f in report.footnotes
        ],
        "notes": [{"block": n.block_id, "markdown": n.markdown} for n in report.notes],
        "errata": [{"find": e.find, "replace": e.replace, "note": e.note, "block": e.block_id} for e in report.errata],
        "qa": {
            "paragraph_gaps": list(report.qa.paragraph_gaps),
            "paragraph_duplicates": list(report.qa.paragraph_duplicates),
            "section_gaps": list(report.qa.section_gaps),
            "warnings": list(report.qa.warnings),
            "suspicious": list(report.qa.suspicious),
            "corrections": [
                {"block": c.block_id, "rule": c.rule, "original": c.original, "replacement": c.replacement}
                for c in report.qa.corrections
            ],
            "dropped_lines": len(report.qa.dropped),
        },
    }
