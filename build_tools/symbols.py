"""Document symbols as identifiers: validation, file names, and URL paths.

A symbol becomes a folder path ("A/70/357" -> A/70/357/), so it is checked
strictly: no "..", no empty parts, only the characters UN symbols use.
"""

from __future__ import annotations

import re

from .citations import SYMBOL_RE, SYMBOL_ROOTS
from .errors import SourceError

# One part of a symbol: "A", "70", "C.5", "Add.1", "RES", "1325(2000)".
PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.()\-]{0,30}$")
MAX_PARTS = 8
# Source file names encode the symbol with "_" for "/": A_70_357.txt, A_62_627_Add.1.txt.
FILENAME_SYMBOL = re.compile(r"^[A-Z]{1,4}(?:_[A-Za-z0-9.()]+){1,7}$")  # "S_RES_2100(2013)"


def symbol_parts(symbol: str) -> list[str]:
    return symbol.split("/")


def is_valid_symbol(symbol: str) -> bool:
    parts = symbol_parts(symbol)
    return (
        1 < len(parts) <= MAX_PARTS
        and all(PART.match(p) and p not in (".", "..") and ".." not in p for p in parts)
        and bool(re.match(r"^[A-Z]", parts[0]))
    )


def check_symbol(symbol: str, path: str) -> str:
    if not is_valid_symbol(symbol):
        raise SourceError(f"{symbol!r} is not a usable document symbol", path)
    return symbol


def symbol_from_filename(name: str) -> str | None:
    """The symbol a file name spells with "_" for "/" ("A_62_627_Add.1.txt"), also after a
    collection's prefix and before a joint symbol's second one ("MINUGUA_A_51_695_S_1996_998.txt"
    is A/51/695, "ONUCA_S_21194.txt" S/21194); None when it spells none."""
    stem = name.rsplit("/", 1)[-1]
    stem = stem[:-4] if stem.endswith(".txt") else stem
    parts = re.split(r"[_&]", stem)  # "UNGOMAP_A_44_661&S_20911"
    start = next((k for k, part in enumerate(parts) if part in SYMBOL_ROOTS), 0)
    end = next((k for k in range(start + 2, len(parts)) if parts[k] in SYMBOL_ROOTS), None)
    stem = "_".join(parts[start:end])
    if not FILENAME_SYMBOL.match(stem):
        return None
    symbol = stem.replace("_", "/")
    return symbol if is_valid_symbol(symbol) else None


# A report that prints no symbol of its own may name its addendum or corrigendum: "… is set
# out in an addendum to the present report (A/62/627/Add.1)" (A/62/627, one line a paragraph).
_OWN_REVISION = re.compile(r"\b(?:addendum|corrigendum) to (?:the present|this) report\b[^()]{0,60}?\(", re.IGNORECASE)
# An addendum's or corrigendum's last part ("/Add.1", "/Corr.2").
REVISION = re.compile(r"/(?:Add|Corr)\.\d+")


def symbol_from_text(text: str) -> str | None:
    """The report's own symbol as its text names its addendum or corrigendum, or None. The
    symbol in the brackets is read by citations' grammar (SYMBOL_RE), its last part the revision."""
    m = _OWN_REVISION.search(text)
    cited = SYMBOL_RE.match(text, m.end()) if m else None
    if cited is None or text[cited.end() : cited.end() + 1] != ")":
        return None
    base, _, last = cited.group(0).rpartition("/")
    return base if REVISION.fullmatch(f"/{last}") and is_valid_symbol(base) else None


def filename_for(symbol: str) -> str:
    return symbol.replace("/", "_") + ".txt"


def url_path(symbol: str) -> str:
    """Site-relative folder of a report: "A/70/357/"."""
    return symbol.strip("/") + "/"
