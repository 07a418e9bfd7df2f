"""Resolve citations to hrefs: the *resolve* half of the citation pipeline.

A citation of a report published on this site links inside the site (to the cited paragraph
when the citation pinpoints one and the caller can say where it lives); anything else links to
the UN's symbol resolver (https://undocs.org/ by default).  Decisions and other citations whose
target is only a guess get no link at all: a wrong link is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from .citations import Citation, find_citations, parse_symbol

DEFAULT_BASE_URL = "https://undocs.org/"

# Characters left as they are in an external URL: symbols use "/", ".", "-" and, for
# resolutions and parts, parentheses ("S/RES/1325(2000)").  Anything else is percent-encoded.
_URL_SAFE = "/().-"

# Leading paragraph number of a pinpoint: "31-39" -> "31", "11 (c)" -> "11".
_LEADING_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")  # "12" of "12 (a)", "3.1" of "3.1-3.5"

# anchors(symbol, paragraph, annex) -> site-relative URL of that paragraph (of that annex:
# "I", "" for "the annex", None for the document's own text), or None if unknown.
AnchorLookup = Callable[[str, str, str | None], str | None]


@dataclass(frozen=True)
class Link:
    """A citation and where it points; href is None when the citation is not linkable."""

    citation: Citation
    href: str | None
    internal: bool


def resolve(
    citation: Citation,
    published: Mapping[str, str],
    base_url: str = DEFAULT_BASE_URL,
    anchors: AnchorLookup | None = None,
) -> Link:
    """Where ``citation`` should link.

    ``published`` maps canonical symbols of reports on the site to their site-relative path
    ({"A/70/357": "A/70/357/", "S/2015/682": "A/70/357/"}).  ``anchors`` is asked for the
    first pinpoint paragraph, as written ("11 (c)") and then by its leading number ("11").
    """
    if not citation.linkable:
        return Link(citation, None, False)
    symbol = _published_symbol(citation.target, published)
    if symbol is None:
        return Link(citation, external_url(citation.target, base_url), False)
    href = _anchor(symbol, citation.paragraphs, citation.annex, anchors) or published[symbol]
    return Link(citation, href, True)


def link_all(
    text: str,
    published: Mapping[str, str],
    base_url: str = DEFAULT_BASE_URL,
    anchors: AnchorLookup | None = None,
) -> list[Link]:
    """Find and resolve every citation in ``text``, in text order."""
    return [resolve(c, published, base_url, anchors) for c in find_citations(text)]


@lru_cache(maxsize=8192)  # the same targets are cited again and again; quote() is slow
def external_url(target: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """``base_url`` + symbol with exactly one slash between them, whatever either side has."""
    return base_url.rstrip("/") + "/" + quote(target.lstrip("/"), safe=_URL_SAFE)


def _published_symbol(target: str, published: Mapping[str, str]) -> str | None:
    """The key of ``published`` the target belongs to, or None.

    Exact symbol first.  A part of a report ("A/61/19(PartII)") is also found under the report
    itself; an addendum or corrigendum is not, as it is a separate document.
    """
    if target in published:
        return target
    symbol = parse_symbol(target)
    if symbol is not None and "(Part" in target:
        base = symbol.base()
        if base in published:
            return base
    return None


def _anchor(
    symbol: str, paragraphs: tuple[str, ...], annex: str | None, anchors: AnchorLookup | None
) -> str | None:
    """The URL of the first pinpoint paragraph (of the annex, if one is named), if the caller
    knows it."""
    if anchors is None or not paragraphs:
        return None
    pinpoint = paragraphs[0]
    href = anchors(symbol, pinpoint, annex)
    if href is None:
        leading = _LEADING_NUMBER_RE.match(pinpoint)
        if leading and leading.group() != pinpoint:
            href = anchors(symbol, leading.group(), annex)
    return href
