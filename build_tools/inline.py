"""Turn a block's plain text into safe inline HTML with links and footnote references.

The text is untrusted OCR: every character of it is HTML-escaped, and the only
markup in the result is what this module adds around exact character spans.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple

from markupsafe import escape as markup_escape

from .models import FootnoteRef


class Span(NamedTuple):
    """Markup around text[start:end] (or inserted at start when start == end).

    A NamedTuple (immutable like a frozen dataclass): a page makes one per link, abbreviation
    and footnote reference, and a frozen dataclass's __init__ costs three times as much."""

    start: int
    end: int
    before: str  # trusted HTML
    after: str = ""  # trusted HTML


def html_plain(text: str) -> bool:
    """True when text holds none of &<>"', the characters HTML escaping changes: it is then
    its own escape. Most ids, hrefs, titles and OCR paragraphs are: five substring tests
    (memchr) cost a fraction of an escape call (a Python function and a Markup object)."""
    return not ("&" in text or "<" in text or ">" in text or '"' in text or "'" in text)


def escape(text: str) -> str:
    """html.escape(text, quote=True), byte for byte, with markupsafe's (jinja's) escape, which
    makes one C pass where html.escape makes five.

    markupsafe writes the quotes as &#34; and &#39; where html.escape writes &quot; and &#x27;;
    every other "&" in its output is an escaped "&amp;", so "&#" only ever starts those two.
    A plain str (html_plain) comes back as it is: called a few thousand times per corpus."""
    if type(text) is str and html_plain(text):
        return text
    out = str(markup_escape(text))
    if "&#" in out:
        out = out.replace("&#34;", "&quot;").replace("&#39;", "&#x27;")
    return out


# Spans sort by (start, end) only, stably: a C key function instead of a lambda per span.
_START_END = itemgetter(0, 1)


def annotate(text: str, spans: list[Span]) -> str:
    """Escape text and wrap the given spans; overlapping spans are dropped, later ones first."""
    # Most OCR text has no &<>"' at all: then the text and every slice of it are their own
    # escape (str() is the cheap no-op).
    esc = str if html_plain(text) else escape
    if not spans:
        return esc(text)
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=_START_END) if len(spans) > 1 else spans:
        if span.start < pos or span.end > len(text):
            continue
        out.append(esc(text[pos : span.start]))
        out.append(span.before + esc(text[span.start : span.end]) + span.after)
        pos = span.end
    out.append(esc(text[pos:]))
    return "".join(out)


# A list bullet in a block's text: the text layer runs a list into its paragraph
# ("… areas: • Security sector reform; • Elections."). Tags are split off first, so a
# bullet is only ever looked for in text (escaping leaves no ">" inside a tag).
_TAG_RE = re.compile(r"(<[^>]*>)")
_BULLET_RE = re.compile(r"(?:^|\s+)•(?=\s)")


def bulleted(html: str) -> str:
    """Inline HTML with each "•" item in a span of its own (class "bullet"), which the
    stylesheet sets on a line of its own with a hanging bullet; the text is unchanged."""
    out: list[str] = []
    opened = False
    for k, token in enumerate(_TAG_RE.split(html)):
        if k % 2:  # a tag
            out.append(token)
            continue
        first, *items = _BULLET_RE.split(token)
        out.append(first)
        for item in items:
            out.append(("</span>" if opened else "") + ' <span class="bullet">•' + item)
            opened = True
    if opened:
        out.append("</span>")
    return "".join(out)


def ref_id(footnote_id: str) -> str:
    """The id of a footnote's first reference: "fn-3" -> "fnref-3" (its back link points there)."""
    return footnote_id.replace("fn-", "fnref-", 1)


class RefIds:
    """Ids for footnote references on one page: fnref-1, then fnref-1-2 for a second use."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def next(self, footnote_id: str) -> str:
        n = self.seen.get(footnote_id, 0) + 1
        self.seen[footnote_id] = n
        base = ref_id(footnote_id)
        return base if n == 1 else f"{base}-{n}"


def footnote_spans(refs: tuple[FootnoteRef, ...], ref_ids: RefIds) -> list[Span]:
    spans = []
    for ref in refs:
        rid = ref_ids.next(ref.footnote_id)
        mark = escape(ref.mark)
        spans.append(
            Span(
                ref.offset,
                ref.offset,
                f'<sup class="fnref" id="{rid}"><a href="#{ref.footnote_id}" aria-label="Footnote {mark}">{mark}</a></sup>',
            )
        )
    return spans
