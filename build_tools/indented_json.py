"""json.dumps(obj, ensure_ascii=False, indent=N), byte for byte, faster.

With an indent, Python 3.11's json module falls back to its pure-Python encoder (a
generator per container, several calls per value). Here each container is one join over
its values, a dict is its values joined after cached key texts, and strings are escaped by
json's public C escapers (the faster ASCII one where it writes the same text), so the text
is the same (data.json of the six reports: 5.8 -> 4.4 -> 3.0 ms). Anything this does not
know (a key that is not a str, a value that is not JSON plain data) is handed to json.dumps
itself, so its result and its errors are json's. (Lists of scalars were once handed to
json's private c_make_encoder; measured on 100 synthetic reports, 0.468 against 0.472 ms a
report without it, so only public json API is used.)
"""

from __future__ import annotations

import json
from functools import lru_cache
from json.encoder import encode_basestring, encode_basestring_ascii  # json.dumps' C string escapers
from typing import Any


class _Unsupported(Exception):
    """A value json.dumps handles differently (or rejects): let it do the whole object."""


def _float(x: float) -> str:
    # json's floatstr with allow_nan=True
    if x != x:
        return "NaN"
    if x == float("inf"):
        return "Infinity"
    if x == float("-inf"):
        return "-Infinity"
    return float.__repr__(x)


def _string(s: str) -> str:
    """encode_basestring(s) (json.dumps(s, ensure_ascii=False)), faster for the long texts of
    data.json: json's C escaper takes ~4.7 ns a character (two passes), half of data.json.

    For an ASCII string without DEL, the C escaper of ensure_ascii=True writes the same text
    ~3x faster (it escapes DEL, the other one does not). A printable string (no control
    characters) without " and \\ is not changed at all: isprintable() is one C pass."""
    if s.isascii():
        return encode_basestring_ascii(s) if "\x7f" not in s else encode_basestring(s)
    if s.isprintable() and '"' not in s and "\\" not in s:
        return f'"{s}"'
    return encode_basestring(s)


# Exact types only: subclasses (an IntEnum, a str subclass) go to json.dumps.
_SCALAR = {
    str: _string,
    int: int.__repr__,
    bool: lambda b: "true" if b else "false",
    type(None): lambda _: "null",
    float: _float,
}


def dumps_indented(obj: Any, indent: int = 1) -> str:
    """What json.dumps(obj, ensure_ascii=False, indent=indent) returns."""
    try:
        return _encode(obj, "\n", " " * indent)
    except (_Unsupported, TypeError):  # json.dumps gives the answer (or its own error)
        return json.dumps(obj, ensure_ascii=False, indent=indent)


def _encode(o: Any, pad: str, step: str) -> str:
    """o at the nesting whose line break + indentation is `pad`."""
    scalar = _SCALAR.get(type(o))
    if scalar is not None:
        return scalar(o)
    inner = pad + step
    t = type(o)
    if t is dict:
        return _dict(o, pad, step) if o else "{}"
    if t is list or t is tuple:
        if not o:
            return "[]"
        items = [_dict(v, inner, step) if type(v) is dict and v else _value(v, inner, step) for v in o]
        return "[" + inner + ("," + inner).join(items) + pad + "]"
    raise _Unsupported


def _dict(o: dict, pad: str, step: str) -> str:
    """A non-empty dict. Not json's C encoder, even for a dict of scalars (a block): its string
    escaper is the slow part, and the keys' text before each value is the same for every
    block (cached). ASCII strings (most values) are escaped inline, the rest by _value. The
    heads and values are interleaved by slice assignment: head + value would copy each text
    once more (body of the six reports: 3.4 -> 1.8 ms)."""
    inner = pad + step
    keys = tuple(o)
    if keys == _BLOCK_KEYS and (text := _block(o, pad, inner)) is not None:
        return text
    heads = _heads(keys, inner)
    parts = [pad] * (2 * len(heads))
    parts[::2] = heads
    parts[1::2] = [
        encode_basestring_ascii(v) if type(v) is str and v.isascii() and "\x7f" not in v
        else "null" if v is None
        else int.__repr__(v) if type(v) is int
        else _value(v, inner, step)
        for v in o.values()
    ]
    parts.append(pad + "}")
    return "".join(parts)


def _value(v: Any, pad: str, step: str) -> str:
    """_encode with the common case (a scalar) answered without another call."""
    scalar = _SCALAR.get(type(v))
    return scalar(v) if scalar is not None else _encode(v, pad, step)


# data.json's blocks without parent or footnote references (most of the file: serialize._block).
_BLOCK_KEYS = ("type", "id", "number", "level", "text", "page", "section")


def _block(o: dict, pad: str, inner: str) -> str | None:
    """A dict of _BLOCK_KEYS as one f-string, when its values have the usual types (else None:
    _dict writes it). No key heads, parts list or per-value dispatch: data.json of the six
    reports 2.5 -> 2.0 ms."""
    kind, bid, number, level, text, page, section = o.values()
    if not (
        type(kind) is str and type(bid) is str and type(section) is str and type(text) is str
        and type(level) is int and (number is None or type(number) is str) and (page is None or type(page) is int)
    ):
        return None
    text = encode_basestring_ascii(text) if text.isascii() and "\x7f" not in text else _string(text)
    return (
        f'{{{inner}"type": {encode_basestring(kind)},{inner}"id": {encode_basestring(bid)},'
        f'{inner}"number": {"null" if number is None else encode_basestring(number)},{inner}"level": {int.__repr__(level)},'
        f'{inner}"text": {text},{inner}"page": {"null" if page is None else int.__repr__(page)},'
        f'{inner}"section": {encode_basestring(section)}{pad}}}'
    )


@lru_cache(maxsize=1024)
def _heads(keys: tuple, inner: str) -> tuple[str, ...]:
    """What precedes each value of a dict with these keys: '{' or ',', the line break, the key."""
    return tuple(("{" if n == 0 else ",") + inner + _key(k) + ": " for n, k in enumerate(keys))


def _key(k: Any) -> str:
    if type(k) is not str:
        raise _Unsupported  # json turns int/float/bool/None keys into strings its own way
    return encode_basestring(k)
