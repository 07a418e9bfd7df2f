"""Annotated UN Reports: OCR'd UN report text -> document model -> Markdown + JSON -> static site.

Stages, one module each (see README "Architecture"):
    sourcefile  read and decode a source text
    furniture   drop running headers, page numbers, job numbers, barcodes; track pages
    blocks      split the cleaned lines into headings, paragraphs, items, footnotes
    frontmatter read the masthead: symbols, date, organs, title
    structure   build the Report model from blocks
    pipeline    the whole text stage for one file: convert(path) -> Report
"""

__all__ = ["convert_file"]


def convert_file(path, **kwargs):
    from .pipeline import convert_file as _convert

    return _convert(path, **kwargs)
