"""Read a source text: bytes -> one normalised str, or a one-line SourceError.

Decoding is strict about what cannot be text (NUL bytes, binary) and forgiving
about what merely is not UTF-8 (BOMs, UTF-16, cp1252). ftfy repairs mojibake
but keeps curly quotes, which UN documents use.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import ftfy
from ftfy.badness import is_bad

from .errors import SourceError
from .textedits import find_all, non_ascii_characters

# A source text larger than this is refused rather than read into memory.
MAX_SOURCE_BYTES = 64 * 1024 * 1024
# Each line costs a few hundred bytes in the later stages, so a file of millions of
# empty or one-character lines would need gigabytes; a real report has a few thousand.
MAX_SOURCE_LINES = 1_000_000

# Control characters other than tab, newline, carriage return and form feed
# mean the file is binary (or badly broken); we refuse rather than guess.
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
# Every byte but those control characters: deleting them from the UTF-8 bytes (one C
# pass, several times faster than the regex scan) leaves nothing in a clean text.
_NOT_BINARY_CONTROL = bytes(b for b in range(256) if not _BINARY_CONTROL.match(chr(b)))
# The ASCII bytes but those control characters: most of a text's bytes.
_PLAIN_ASCII = bytes(b for b in range(128) if not _BINARY_CONTROL.match(chr(b)))

_LIGATURES = re.compile("[\ufb00-\ufb06\uff01-\uff5e]")

# Every pattern in ftfy's mojibake detector (ftfy.badness.BADNESS_RE, 6.2 and 6.3) contains
# a non-ASCII character, has no ASCII character between two non-ASCII ones, and at most two
# before the first or after the last: "[a-z]\s?[ÃÂ][ ]", "ГўВЂВ.[A-Za-z ]"; the others one
# ("[a-zA-Z][…][…]", "[Œœ][^A-Za-z]", "…\w") or none. So it only needs the text around
# non-ASCII runs: each run with this many characters either side (the rest is plain ASCII,
# most of a report). 2 instead of 8 (a pattern's length): is_bad reads 2.5 instead of 6.6 kB
# on the six reports, 0.75 ms less per corpus pass. tests/test_speedups.py fuzzes is_bad on
# strings of the detector's characters against the whole text.
_MOJIBAKE_REACH = 2
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Above this share of non-ASCII characters (a text in French or Arabic), a Python step per
# run beats one per character; below it (English with curly quotes) the reverse.
_DENSE_NON_ASCII = 1 / 32

_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # keep “ ” ’: they are the UN house style
    fix_latin_ligatures=True,
    fix_character_width=True,
    normalization="NFC",
    explain=False,
)


def decode(data: bytes, path: str) -> str:
    """Bytes -> str. Tries BOM-marked encodings, then UTF-8, then cp1252."""
    return _decode(data, path)[0]


def _decode(data: bytes, path: str) -> tuple[str, bool]:
    """decode(), and whether data is the text's UTF-8 (it decoded as UTF-8 without a BOM)."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), False
            except UnicodeDecodeError as exc:
                raise SourceError(f"not valid {encoding} despite its byte-order mark ({exc.reason})", path) from None
    if b"\x00" in data:
        raise SourceError("contains NUL bytes: not a text file", path)
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), False
    except UnicodeDecodeError:
        raise SourceError("not UTF-8, UTF-16 or cp1252 text", path) from None


def normalise(text: str, path: str, utf8: bytes | None = None) -> str:
    """Repair mojibake, unify line ends, refuse binary content.

    utf8: the text's UTF-8 bytes, when the caller has them (read_source has the file's):
    the scans below read them instead of encoding the text twice (0.5 ms per corpus pass)."""
    if "\r" in text:  # one scan instead of two replaces for the usual Unix text
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # drops ASCII only: utf8 still serves
    if utf8 is None:
        utf8 = text.encode("utf-8", "surrogatepass")
    # One pass over the bytes for both scans: what is left (binary controls and non-ASCII
    # bytes, a few hundred) serves the control check here and the non-ASCII one below.
    # (Two passes cost 0.12 ms more per corpus pass.)
    rest = utf8.translate(None, _PLAIN_ASCII)
    binary = rest.translate(None, _NOT_BINARY_CONTROL)
    match = binary and _BINARY_CONTROL.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise SourceError(f"binary control character U+{ord(match.group()):04X}: not a text file", path, line)
    # ftfy is the slowest step of the text stage; most texts have no mojibake to fix.
    # Both checks look only at non-ASCII characters, so they share one scan for them.
    around = _non_ascii_context(text, rest)  # its non-ASCII bytes are utf8's
    if around and (is_bad(around) or _LIGATURES.search(around)):
        text = ftfy.fix_text(text, _FTFY_CONFIG)
    if any(char in rest for char in _INVISIBLE_UTF8):  # the non-ASCII bytes: a few hundred to look at
        text = _drop_invisible(text)
    if _SYMBOL_BULLET_UTF8 in rest:  # Word's list bullet, in the Symbol font's private code point
        text = text.replace(_SYMBOL_BULLET, "•")
    if any(char in rest for char in _PLAIN_EQUIVALENT_UTF8):
        text = text.translate(_PLAIN_EQUIVALENTS)
    return text.replace("\u00a0", " ").replace("\ufeff", "")


# pdftotext writes Word's list bullet as U+F0B7, a private-use code point (the Symbol font's
# bullet) that no reader's font shows: it is "•".
_SYMBOL_BULLET = "\uf0b7"
_SYMBOL_BULLET_UTF8 = _SYMBOL_BULLET.encode()

# Invisible characters that split words for search and the repair rules: a soft hyphen (a
# hyphenation point: at a line end it is the line's hyphen, which dehyphenate then weighs),
# a zero-width space, a word joiner.
_INVISIBLE_UTF8 = ("\u00ad".encode(), "\u200b".encode(), "\u2060".encode())


# Word's non-breaking hyphen (U+2011: "Secretary‑General", "peace‑keeping") and the Unicode
# hyphen are the hyphen for every rule, search and the line-end join ("posi‐" / "tions"); thin,
# narrow and figure spaces (the thousands' space of "1 200") are a space.
_PLAIN_EQUIVALENTS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2009": " ", "\u202f": " ", "\u2007": " "})
_PLAIN_EQUIVALENT_UTF8 = tuple(chr(c).encode() for c in _PLAIN_EQUIVALENTS)


def _drop_invisible(text: str) -> str:
    return text.replace("\u00ad\n", "-\n").replace("\u00ad", "").replace("\u200b", "").replace("\u2060", "")


def _non_ascii_context(text: str, utf8: bytes | None = None) -> str:
    """Every non-ASCII run with _MOJIBAKE_REACH characters either side ("" for ASCII text):
    ftfy's is_bad() on it gives is_bad(text)'s answer, about 10x faster.

    Windows that do not overlap are joined by "\n": any mojibake match spanning a join
    would need more than _MOJIBAKE_REACH ASCII characters next to a non-ASCII one (the
    join and the window's edge), and no detector pattern has that many. A window is given
    once (the same quote in the same words recurs: half of them on the six reports, 0.24 ms
    per corpus pass): the first stays first ("^"), and a repeat has its first copy's edges,
    so the joins keep their ASCII either side. utf8: the text's UTF-8 bytes, if at hand (ASCII characters
    aside: the non-ASCII ones are all that is read from them).
    """
    if text.isascii():
        return ""
    if utf8 is None:
        utf8 = text.encode("utf-8", "surrogatepass")
    # Where the non-ASCII characters are. A regex class scan looks at every character in
    # Python's slow path; instead the few distinct non-ASCII characters are read off the
    # UTF-8 bytes with the ASCII bytes deleted (C), and each is found with str.find.
    rare = non_ascii_characters(utf8)
    if len(rare) > 64 and len(rare) > len(text) * _DENSE_NON_ASCII:
        return _run_windows(text)
    positions = sorted(i for char in set(rare) for i in find_all(text, char))
    # Runs at most 2 * _MOJIBAKE_REACH ASCII characters apart share a window.
    reach, windows, start = _MOJIBAKE_REACH, [], positions[0]
    for last, nxt in zip(positions, positions[1:]):
        if nxt - last > 2 * reach + 1:
            windows.append(text[max(0, start - reach) : last + 1 + reach])
            start = nxt
    windows.append(text[max(0, start - reach) : positions[-1] + 1 + reach])
    return "\n".join(dict.fromkeys(windows))


def _run_windows(text: str) -> str:
    """_non_ascii_context by regex runs: one Python step per run of non-ASCII characters."""
    windows: list[tuple[int, int]] = []
    for m in _NON_ASCII_RUN.finditer(text):
        start, end = max(0, m.start() - _MOJIBAKE_REACH), m.end() + _MOJIBAKE_REACH
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return "\n".join(dict.fromkeys(text[a:b] for a, b in windows))


def read_source(path: Path) -> str:
    """The text of a source file, ready for the cleaning stage."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(f"{size} bytes is over the {MAX_SOURCE_BYTES}-byte limit for one report", name)
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}", name) from None
    text, data_is_utf8 = _decode(data, name)
    utf8 = data if data_is_utf8 else None  # kept for normalise's scans, which would encode the text again
    del data
    # Counted before normalising: ftfy's check alone takes many seconds on millions of lines.
    lines = text.count("\n") + 1
    if "\r" in text:
        lines += text.count("\r") - text.count("\r\n")
    if lines > MAX_SOURCE_LINES:
        raise SourceError(f"{lines} lines is over the {MAX_SOURCE_LINES}-line limit for one report", name, MAX_SOURCE_LINES + 1)
    text = normalise(text, name, utf8)
    del utf8
    if not text or text.isspace():  # not text.strip(), which copies the whole text
        raise SourceError("empty: no text to publish", name)
    return text
