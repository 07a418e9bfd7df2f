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


# A list mark in a block's text: the text layer runs a list into its paragraph ("… areas:
# • Security sector reform; • Elections.", "… component: – training …; – construction …").
# A bullet marks an item anywhere; a dash only after the colon that opens the list, then
# after the punctuation that ends an item (a dash after a word is the sentence's own). Tags are
# split off first, so a mark is only ever looked for in text (escaping leaves no ">" in a tag).
_TAG_RE = re.compile(r"(<[^>]*>)")
_ITEM_MARK_RE = re.compile(r"(?:^|\s+)(•)(?=\s)|(?<=([:;,.]))\s+([–—-])(?=\s)")
_DASH_LIST_RE = re.compile(r":\s+[–—-]\s")


def has_list(text: str) -> bool:
    """The text runs a bulleted or dashed list into its paragraph (see bulleted)."""
    # ":" first, in C: most blocks have none, and the search would try every one that does.
    return "•" in text or (":" in text and _DASH_LIST_RE.search(text) is not None)


def bulleted(html: str) -> str:
    """Inline HTML with each list item in a span of its own (class "bullet"), which the
    stylesheet sets on a line of its own with its mark ("•", "–") hanging; the text is unchanged."""
    out: list[str] = []
    first = last = -1  # where in out the first and the last item opened
    for k, token in enumerate(_TAG_RE.split(html)):
        if k % 2:  # a tag
            out.append(token)
            continue
        pos = 0
        for m in _ITEM_MARK_RE.finditer(token):
            mark = m.group(1) or m.group(3)
            if mark != "•" and m.group(2) != ":" and last < 0:
                continue  # a dash in running text, no list open
            out += [token[pos : m.start()], ("</span>" if last >= 0 else "") + f' <span class="bullet">{mark}']
            last, pos = len(out) - 1, m.end()
            first = last if first < 0 else first
        out.append(token[pos:])
    if last < 0:
        return "".join(out)
    if any(_SENTENCE_BREAK_RE.search(piece) for piece in out[first:last] if not piece.startswith("<")):
        out.append("</span>")  # items of several sentences: the last one's are its own too
    else:
        _close_last_item(out, last)
    return "".join(out)


# The end of a sentence and the start of the next: the text after a list's last item.
_SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?])(?=\s+[A-Z“‘\"(])")


def _close_last_item(out: list[str], last: int) -> None:
    """Close the last item's span where its first sentence ends, if other text follows
    ("– construction of 5 stations. The results …"): the text after a list of one-sentence
    items reads as the paragraph's, on a line of its own. The span closes outside any tag."""
    depth = 0
    for k in range(last + 1, len(out)):
        piece = out[k]
        if piece.startswith("<"):  # a tag: the text pieces never start with "<" (escaped)
            depth += -1 if piece.startswith("</") else 0 if piece.endswith("/>") else 1
            continue
        m = _SENTENCE_BREAK_RE.search(piece) if depth == 0 else None
        if m:
            out[k] = piece[: m.start()] + "</span>" + piece[m.start() :]
            return
    out.append("</span>")


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
