"""Apply an editor's errata to the source text before it is parsed.

Errata work on the source text, so an erratum can restore structure as well as
words (e.g. put back the section letter "C." that OCR lost). Each must match
exactly once, or the build stops naming the erratum's line in its file.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import SidecarError
from .models import Erratum


def apply_errata(text: str, errata: tuple[Erratum, ...], path: str | None) -> tuple[str, tuple[Erratum, ...]]:
    """Return the corrected text and the errata with the source line each applied at."""
    applied = []
    for erratum in errata:
        count = text.count(erratum.find)
        if count != 1:
            found = "nowhere" if count == 0 else f"{count} times"
            raise SidecarError(f"erratum must match exactly once, found {found}: {erratum.find!r}", path, erratum.lineno)
        at = text.index(erratum.find)
        # The line where the erratum's visible text starts (a find may begin with newlines).
        lead = len(erratum.replace) - len(erratum.replace.lstrip("\n"))
        source_line = text.count("\n", 0, at) + 1 + lead
        text = text[:at] + erratum.replace + text[at + len(erratum.find) :]
        applied.append(replace(erratum, block_id=f"line:{source_line}"))
    return text, tuple(applied)
