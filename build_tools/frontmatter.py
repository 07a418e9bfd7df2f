"""Read the masthead: symbols, date, organs, sessions, agenda, title, document type.

The masthead is everything before the first summary, section or paragraph. Its lines
are grouped by blank lines; the title is the group just before "Report of the
Secretary-General" (or that line itself when it reads "Report of the
Secretary-General on ..."). A sidecar file may override any field.
"""

from __future__ import annotations

import datetime as dt
import re

from .blocks import SUPERSCRIPT_DIGITS
from .models import Metadata, SourceLine

MONTHS = (
    "January February March April May June July August September October November December".split()
)
# "2 September 2015".
DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
# A symbol anywhere in a masthead line ("A/51/695", "S/1996/998").
SYMBOL = re.compile(r"\b[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.]*)*/\d+(?:/[A-Za-z0-9.]+)*\b")
ORGANS = ("General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council")
# "Seventieth session", "Fifty-first year".
SESSION = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)?\s+(?:session|year)$", re.IGNORECASE)
# "Agenda item 34", "Items 56, 57 and 123 of the provisional agenda*".
AGENDA = re.compile(r"^(?:Agenda items?|Items?)\b.*", re.IGNORECASE)
# "Report of the Secretary-General", possibly "... on the United Nations Mission ...".
DOC_TYPE = re.compile(r"^(Report of the Secretary-General|Note by the Secretary-General|Letter dated .*)", re.I)
# Masthead words that are never part of the title.
BOILERPLATE = re.compile(
    r"^(?:United Nations|UNITED|NATIONS|Distr\.?.*|GENERAL|Original:.*|ORIGINAL:?|English|ENGLISH|"
    r"Limited|Restricted|[A-Z]{1,3}|%.*)$"
)
LANGUAGE = re.compile(r"^(?:Original|ORIGINAL):?\s*(\w+)?$")
LANGUAGES = {"ENGLISH", "FRENCH", "SPANISH", "RUSSIAN", "ARABIC", "CHINESE"}
FOOTNOTE_MARK_END = re.compile(r"(\*+|[¹²³⁴⁵⁶⁷⁸⁹]+)$")


def _groups(lines: list[SourceLine]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.text:
            groups[-1].append(line.text)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def iso_date(text: str) -> str | None:
    m = DATE.search(text)
    if not m:
        return None
    month = MONTHS.index(m.group(2).capitalize()) + 1
    try:
        return dt.date(int(m.group(3)), month, int(m.group(1))).isoformat()
    except ValueError:
        return None


def parse_masthead(front: list[SourceLine], header_symbols: tuple[str, ...]) -> tuple[Metadata, dict[str, str]]:
    """Metadata from the masthead, and where front-matter footnote marks sit ({mark: "agenda"})."""
    texts = [l.text for l in front if l.text]
    symbols = list(header_symbols)
    for t in texts:
        for s in SYMBOL.findall(t):
            if s not in symbols and _is_masthead_symbol(t, s):
                symbols.append(s)
    date = next((d for d in map(iso_date, texts) if d), None)
    organs = tuple(o for o in ORGANS if any(t.strip().lower() == o.lower() for t in texts))
    sessions = tuple(t for t in texts if SESSION.match(t))
    language = next((m.group(1) for t in texts if (m := LANGUAGE.match(t)) and m.group(1)), None)
    if language is None and any(LANGUAGE.match(t) for t in texts):
        # "ORIGINAL:" with the language on a line of its own ("ENGLISH"), as pdftotext splits columns.
        language = next((t for t in texts if t.strip().upper() in LANGUAGES), None)
    doc_type, title, agenda, marks = _title_and_agenda(_groups(front))
    meta = Metadata(
        symbol=symbols[0] if symbols else "",
        symbols=tuple(symbols),
        date=date,
        title=title,
        doc_type=doc_type,
        organs=organs,
        sessions=sessions,
        agenda=agenda,
        language=language.capitalize() if language else None,
    )
    return meta, marks


def _is_masthead_symbol(line: str, symbol: str) -> bool:
    """Symbols stand alone (or joined by "-") on masthead lines, not inside agenda prose."""
    return len(line) <= 60 and not AGENDA.match(line)


def _title_and_agenda(groups: list[list[str]]) -> tuple[str, str, tuple[str, ...], dict[str, str]]:
    """(doc_type, title, agenda lines, footnote marks) from the masthead's line groups."""
    doc_type, title = "", ""
    agenda: list[str] = []
    marks: dict[str, str] = {}
    flat = [(gi, line) for gi, g in enumerate(groups) for line in g]
    type_at = next((k for k, (_, line) in enumerate(flat) if DOC_TYPE.match(line)), None)
    agenda_at = next((k for k, (_, line) in enumerate(flat) if AGENDA.match(line)), None)
    if type_at is not None:
        gi, line = flat[type_at]
        m = DOC_TYPE.match(line)
        doc_type = m.group(1)
        same_group = [l for g, l in flat[type_at:] if g == gi]
        if len(line) > len(m.group(1)) + 3:  # "Report of the Secretary-General on the ..."
            title = " ".join(same_group)
        else:
            before = [l for g, l in flat[:type_at] if g == gi]
            if not before and gi > 0:
                before = groups[gi - 1]
            title = " ".join(l for l in before if not _is_masthead_furniture(l))
    if agenda_at is not None:
        agenda = [flat[agenda_at][1]]
        # Agenda item titles: the rest of the agenda line's group (1990s mastheads have no blank
        # line there), then the groups after it up to the title group.
        group_at = flat[agenda_at][0]
        rest = [l for g, l in flat[agenda_at + 1 :] if g == group_at and not _is_masthead_furniture(l)]
        if rest and " ".join(rest) != title:
            agenda.append(" ".join(rest))
        for g in groups[group_at + 1 :]:
            joined = " ".join(g)
            if joined == title or any(DOC_TYPE.match(l) for l in g):
                break
            if all(not _is_masthead_furniture(l) for l in g):
                agenda.append(joined)
    agenda = [_strip_mark(a, "agenda", marks) for a in agenda]
    title = _strip_mark(_normalise_space(title), "title", marks)
    return doc_type, title, tuple(_normalise_space(a) for a in agenda), marks


def _is_masthead_furniture(line: str) -> bool:
    s = line.strip()
    return bool(
        BOILERPLATE.match(s)
        or DATE.fullmatch(s)
        or SESSION.match(s)
        or AGENDA.match(s)
        or any(s.lower() == o.lower() for o in ORGANS)
        or SYMBOL.fullmatch(s)
    )


def _strip_mark(text: str, where: str, marks: dict[str, str]) -> str:
    """Remove a trailing footnote mark ("agenda*") and remember where it was."""
    m = FOOTNOTE_MARK_END.search(text.rstrip())
    if not m:
        return text
    marks[m.group(1).translate(SUPERSCRIPT_DIGITS)] = where
    return text.rstrip()[: m.start()].rstrip()


def _normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
