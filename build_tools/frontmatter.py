"""Read the masthead: symbols, date, organs, sessions, agenda, title, document type.

The masthead is everything before the first summary, section or paragraph. Its lines
are grouped by blank lines; the title is the group just before "Report of the
Secretary-General" (or that line itself when it reads "Report of the
Secretary-General on ...", with its wrapped continuation). A letter's wrapped "Letter dated
… addressed to" / "the President of …" is its type and title; without any such line the
title is the first lines after the masthead's furniture and agenda item titles ("Proposed
programme budget for 2099"). A sidecar file may override any field.

Front lines read as none of these (a letter of transmittal, "Annex" and the annexed
report's title, "Corrigendum", "Addendum") are kept: read_front returns them, and the
pipeline puts them before the body as text blocks front-text-1, front-text-2, …
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from .blocks import (
    ANNEX_MARK,
    CONNECTORS,
    MAX_HEADING_CHARS,
    NOTE_MARK_CHARS,
    OCR_DIGITS,
    SUPERSCRIPT_DIGITS,
    WRAPPED_MIN_CHARS,
    RawBlock,
    annex_number,
    closed_end,
    continues_title,
    indented_start,
    is_organ_line,
    preamble_paragraph_starts,
    starts_new_title,
    wrapped_line,
)
from .furniture import COLUMN_GAP, mend_symbol, symbol_digits
from .lexicon import MONTHS
from .models import Metadata, SourceLine

# "2 September 2015"; a month abbreviated as some texts do, "20 Mar. 2018", "20 Sept. 2005".
_MONTH_ABBREVIATIONS = "|".join(m[:3] for m in MONTHS if m != "May") + "|Sept"
DATE = re.compile(
    rf"\b(\d{{1,2}})\s+({'|'.join(MONTHS)}|(?:{_MONTH_ABBREVIATIONS})\.?)\s+(\d{{4}})\b", re.IGNORECASE
)
_MONTH_OF = {m[:3].lower(): n for n, m in enumerate(MONTHS, 1)}  # the first three letters name a month
# A symbol anywhere in a masthead line ("A/51/695", "S/1996/998").
# A fascicle of the programme budget or a part of a report carries its section or part:
# "A/74/6 (Sect. 3)", written as the UN's document system writes it, "A/74/6(Sect.3)"; so are a
# volume of the Board of Auditors' report, "A/73/5 (Vol. II)", and the budget's "(Introduction)".
SYMBOL = re.compile(
    r"\b[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.]*)*/\d+(?:/[A-Za-z0-9.]+)*\b"
    r"(?:\s?\((?:Sect\.\s?\d{1,2}[A-Z]?|Part\s?[IVXL]+|Vol\.\s?[IVX]+|Introduction|(?:19|20)\d\d)\))?"
)
_SPACE = re.compile(r"\s+")
ORGANS = ("General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council",
          "Commission on Human Rights")
_ORGAN_NAMES = frozenset(o.lower() for o in ORGANS)  # _is_masthead_furniture asks in lower case
# "Seventieth session", "Fifty-first year".
SESSION = re.compile(r"^(?:[A-Z][a-z]+(?:-[a-z]+)?|\d{4})\s+(?:session|year)$", re.IGNORECASE)  # "Fifty-first session", "2019 session"
# "Agenda item 34", "Items 56, 57 and 123 of the provisional agenda*".
AGENDA = re.compile(r"^(?:Agenda items?|Items?)\b.*", re.IGNORECASE)
# "Report of the Secretary-General", possibly "... on the United Nations Mission ...".
# The document's type: a Secretary-General's report or note, a letter, or a report of a
# Geneva mandate holder ("Report of the United Nations High Commissioner for Human Rights",
# "… of the Special Rapporteur on …"), whose title is the line before it.
DOC_TYPE = re.compile(
    r"^(Report of the Secretary-General|Note by the Secretary-General|Note by the Secretariat"
    r"|(?:Letter|Identical letters|Note verbale) dated .*|Statement by the President of the .*"
    r"|Report of the (?:United Nations )?High Commissioner for (?:Human Rights|Refugees)$"
    r"|Report of the (?:Special Rapporteur|Independent Expert|Working Group|Special Representative)\b.*)",
    re.I,
)
# Masthead words that are never part of the title.
BOILERPLATE = re.compile(
    r"^(?:United Nations|UNITED NATIONS|UNITED|NATIONS|Distr\.?.*|GENERAL|General|Original:.*|ORIGINAL(?::.*)?"
    r"|English|ENGLISH|Limited|Restricted|[A-Z]{1,3}|%.*)$"
)
LANGUAGE = re.compile(r"^(?:Original|ORIGINAL):?\s*(\w+)?$")
LANGUAGES = {"ENGLISH", "FRENCH", "SPANISH", "RUSSIAN", "ARABIC", "CHINESE"}
FOOTNOTE_MARK_END = re.compile(r"(\*+|[¹²³⁴⁵⁶⁷⁸⁹]+)$")


# The words of the masthead's fields, and the OCR's damage to them undone by folding the letters
# it confuses into one ("1", "I", "l", "|", "!" and "i"; "0" and "o"; "u" and "n"; "rn" and "m"):
# "ltems", "sesslon", "sessiou", "Agenda itern", "GeneraI", "Secretary-GeneraI" are those words.
_FIELD_WORDS = (
    "Item", "Items", "Agenda", "provisional", "preliminary", "session", "General", "Assembly", "Security",
    "Council", "Economic", "Social", "Human", "Rights", "Secretary-General", "Report", "Original", "English",
    "Distr.:",
)  # each cased as printed after a lower-case letter (_mended_field_word cases it as the damaged word is)
_FOLD = str.maketrans("i1|!0u", "llllon")


def _fold_word(word: str) -> str:
    return word.lower().replace("rn", "m").translate(_FOLD)


_FIELD_BY_FOLD = {_fold_word(w): w for w in _FIELD_WORDS}


@lru_cache(maxsize=8192)
def _mended_field_line(text: str) -> str:
    """The line with its damaged field words (_FIELD_WORDS) mended, cased as printed ("ltems" at
    a line's start is "Items"). A corpus repeats its masthead lines: cached."""
    words = text.split(" ")
    mended = [_mended_field_word(w) for w in words]
    return text if mended == words else " ".join(mended)


def _mended_field_word(word: str) -> str:
    field = _FIELD_BY_FOLD.get(_fold_word(word)) if 3 < len(word) < 20 else None
    if field is None or word.lower() == field.lower():  # no field word, or one undamaged in any case
        return word
    if word.isupper():
        return field.upper()
    return field[0].upper() + field[1:] if word[0].isupper() or word[0] in "l1|!" else field.lower()


def _cells(front: list[SourceLine]) -> list[SourceLine]:
    """The masthead's lines with side-by-side columns (pdftotext -layout: "Security Council   …
    3 March 2099") split into lines of their own (same line number), so "Security Council" and
    "3 March 2099" are read as two masthead lines; so are fields a text layer joined with one
    space ("United Nations S/2018/241", "Security Council Distr.: General": pypdf)."""
    out: list[SourceLine] = []
    for line in front:
        cells = COLUMN_GAP.split(line.text) if "   " in line.text else [line.text]
        for cell in cells:
            fields = _joined_fields(cell) if _FIELD_HEAD.match(cell) and len(cell) <= _JOINED_FIELDS_MAX else None
            if fields is None and cell is line.text:
                out.append(line)  # the line as it is (most lines): no new object
            else:
                out += [SourceLine(field, line.lineno, line.page, line.indent) for field in fields or [cell]]
    return out


_JOINED_FIELDS_MAX = 90
# What a line of joined fields starts with, and the start of no other line but a few: one
# match rules out the front's prose and titles, before _joined_fields tries every space.
_FIELD_HEAD = re.compile(
    r"(?:United Nations|General Assembly|Security Council|Economic and Social Council|Human Rights Council"
    r"|Commission on Human Rights|Distr|Original|\d{1,2} [A-Z]+ \d{4}|(?-i:[A-Z]{1,4}/\S*)"
    r"|[A-Z]+(?:-[A-Z]+)? (?:session|year)) ",
    re.IGNORECASE,
)


def _joined_fields(text: str) -> list[str] | None:
    """text cut into masthead fields at spaces, when it is nothing but fields (the first cut
    that leaves fields on both sides), else None."""
    for m in _SPACE.finditer(text):
        head, rest = text[: m.start()], text[m.end() :]
        if _is_field(head):
            if _is_field(rest):
                return [head, rest]
            tail = _joined_fields(rest)
            if tail:
                return [head, *tail]
    return None


def _is_field(text: str) -> bool:
    """A masthead field on its own: "United Nations", an organ, a symbol, "Distr.: General", a
    date, "Original: English", "Sixty-first session"."""
    return bool(
        text.lower() in _FIELD_NAMES or _LOGO_LETTERS.fullmatch(text)
        or all(map(SYMBOL.fullmatch, _JOINT.split(text.rstrip("*"))))
        or _DISTRIBUTION.fullmatch(text) or DATE.fullmatch(text) or LANGUAGE.fullmatch(text) or SESSION.match(text)
    )


_FIELD_NAMES = _ORGAN_NAMES | {"united nations"}
# The OCR's 1, 0 and capital I for l, o and l, in masthead names and month names.
_OCR_LETTERS = str.maketrans("10I", "lol")


def _folded(line: str) -> str:
    """A masthead line as compared with the names it prints, past the OCR's damage to them:
    lower case, no spaces, a 1 or 0 read as l or o ("Security Counci1", "Uni ted Nations")."""
    return line.lower().replace(" ", "").translate(_OCR_LETTERS)


_FOLDED_FIELD_NAMES = frozenset(map(_folded, _FIELD_NAMES))
# The letters of the 1990s masthead's emblem cell ("UNITED NATIONS AS").
_LOGO_LETTERS = re.compile(r"[A-Z]{1,3}")
# The symbols of a joint report: "A/70/357–S/2015/682".
_JOINT = re.compile(r"[-–—]")
_DISTRIBUTION = re.compile(r"Distr\.:? ?(?:General|Limited|Restricted)", re.IGNORECASE)


def _groups(lines: list[SourceLine], text: str = "") -> list[list[str]]:
    """The masthead's lines in groups, as blank lines part them; a masthead without any blank
    line (text layers that drop them) is cut where a line does not go on the one before."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.text:
            groups[-1].append(line.text)
        elif groups[-1]:
            groups.append([])
    groups = [g for g in groups if g]
    if (
        len(groups) == 1
        and len(groups[0]) >= UNBROKEN_MASTHEAD_MIN_LINES
        and sum(map(_stands_alone, groups[0])) >= UNBROKEN_MASTHEAD_MIN_FIELDS
    ):
        return _masthead_runs(groups[0], text)
    return groups


# A masthead of this many lines or more with no blank line, this many of them fields of their
# own (organ, date, session, agenda, document type …), is cut by _masthead_runs. The shortest
# masthead, a symbol, organ, date and title, is four or five lines; a front that is prose
# (its masthead lost) has no fields.
UNBROKEN_MASTHEAD_MIN_LINES = 6
UNBROKEN_MASTHEAD_MIN_FIELDS = 3


def _masthead_runs(lines: list[str], text: str) -> list[list[str]]:
    """Runs of lines that go on each other: an agenda item's title wrapped over two lines is one
    run, the symbol, organ, date and session lines are runs of their own, and so are the
    agenda items and the title ("Comprehensive review of special political missions" /
    "Strengthening of the United Nations system": a common word starts the second, see
    blocks.starts_new_title; the report's text is the evidence)."""
    runs = [[lines[0]]]
    for previous, line in pairwise(lines):
        if _goes_on(previous, line, text):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _goes_on(previous: str, line: str, text: str) -> bool:
    if line in ORGANS and _ends_in_connector(previous):
        return True  # "… addressed to the President of the" / "Security Council"
    if COMPLETE_TYPE.fullmatch(previous):
        return False  # "Statement by the President of the Security Council" / "At the 9999th meeting …"
    if _stands_alone(line) or (_stands_alone(previous) and not DOC_TYPE.match(previous)):
        return False  # a document type line may go on: "Report of … on the United Nations" / "Mission …"
    if previous.isupper() or line.isupper():  # a 1990s title in capitals goes on in capitals
        return previous.isupper() and line.isupper()
    return continues_title(previous, line) and not starts_new_title(previous, line, text)


# Document types that are whole on their line: what follows is the text, not more of the type.
COMPLETE_TYPE = re.compile(
    r"Report of the Secretary-General|Note by the (?:Secretary-General|Secretariat)"
    r"|Statement by the President of the (?:Security Council|General Assembly)"
)


def _ends_in_connector(line: str) -> bool:
    words = line.split()
    return bool(words) and words[-1] in CONNECTORS


def _stands_alone(line: str) -> bool:
    """A masthead line that is a field of its own: symbol, organ, date, session, agenda line,
    language, document type."""
    s = line.strip()
    return _is_masthead_furniture(s) or bool(DOC_TYPE.match(s) or LANGUAGE.match(s)) or s.upper() in LANGUAGES


def _language(word: str) -> str:
    """The language an "Original:" line names, its OCR damage mended ("EngIish", "Frencli")
    where it is close to one of the UN's languages; else as written."""
    if word.upper() in LANGUAGES:  # most reports: no difflib
        return word
    close = difflib.get_close_matches(word.upper(), LANGUAGES, n=1, cutoff=0.8)
    return close[0] if close else word


def iso_date(text: str) -> str | None:
    m = DATE.search(text)
    if not m:
        return _damaged_date(text.strip())
    month = _MONTH_OF[m.group(2)[:3].lower()]
    try:
        return dt.date(int(m.group(3)), month, int(m.group(1))).isoformat()
    except ValueError:
        return None


# A masthead's date line the OCR damaged: "2 Septernber 2015", "28 Ju1y 2006", "28 July 2OO6",
# "20March 2018".
# Only a line that is nothing but such a date is read (_damaged_date), and only the letters
# that stand for one digit each are read as digits ("S" could be 5 or 8: no date then).
_DATE_SHAPE = re.compile(r"(\w{1,2})\s*([^\W\d]\w{2,9})\s*(\w{4})")  # "20March 2018": a space lost too


def _damaged_date(line: str) -> str | None:
    """The ISO date of a date line with OCR damage in its digits (O for 0, l or I for 1) or its
    month (rn for m, 1 or I for l, one other letter wrong: "Septembcr"), else None."""
    m = _DATE_SHAPE.fullmatch(line)
    if not m:
        return None
    day, year = (g.translate(OCR_DIGITS) for g in (m.group(1), m.group(3)))
    if not (day.isdigit() and year.isdigit() and 1945 <= int(year) <= 2100):
        return None
    name = m.group(2).translate(_OCR_LETTERS).replace("rn", "m").replace("li", "h").capitalize()  # no month has "li"
    close = difflib.get_close_matches(name, MONTHS, n=1, cutoff=0.8)
    if not close:
        return None
    try:
        return dt.date(int(year), MONTHS.index(close[0]) + 1, int(day)).isoformat()
    except ValueError:
        return None


def parse_masthead(front: list[SourceLine], header_symbols: tuple[str, ...]) -> tuple[Metadata, dict[str, str]]:
    """Metadata from the masthead, and where front-matter footnote marks sit ({mark: "agenda"})."""
    meta, marks, _ = read_front(front, header_symbols)
    return meta, marks


def read_front(
    front: list[SourceLine], header_symbols: tuple[str, ...], text: str = ""
) -> tuple[Metadata, dict[str, str], list[list[SourceLine]]]:
    """parse_masthead's answer, and the front lines it did not read as metadata, as runs of
    lines that belong together (a letter of transmittal, "Annex", the annexed report's title,
    "Corrigendum"): the report keeps them as text (front_blocks), nothing vanishes. `text`, the
    report's, is the evidence for cutting a masthead without blank lines (_masthead_runs)."""
    front = [l if (t := _mended_field_line(l.text)) is l.text else replace(l, text=t) for l in _cells(front)]
    lines = [l for l in front if l.text]
    texts = [l.text for l in lines]
    used = [False] * len(texts)
    symbols = list(header_symbols)
    spellings = set(map(symbol_digits, symbols))
    marks: dict[str, str] = {}  # a footnote mark on a masthead line -> the field it marks
    prose = _prose_continuations(lines)
    for k, t in enumerate(texts):
        if prose[k]:
            continue
        for s in SYMBOL.findall(t):
            if _is_masthead_symbol(t, s):
                used[k] = True
                stars = len(t.rstrip()) - len(t.rstrip().rstrip("*"))
                if stars:  # "S/2099/123*": a reissue's note at the page's foot
                    marks["*" * stars] = "symbol"
                s = mend_symbol(_SPACE.sub("", s))
                key = symbol_digits(s)
                if key not in spellings:  # not the running headers' symbol, or the OCR's variant of it
                    symbols.append(s)
                    spellings.add(key)
    sessions = tuple(_session(texts, k, used) for k, t in enumerate(texts) if SESSION.match(t))
    # The date: the first line that is one, not a session's dates (those lines are used by now).
    date = next((d for k, (t, p) in enumerate(zip(texts, prose, strict=True)) if not p and not used[k]
                 and (d := iso_date(t))), None)
    folded = {_folded(t.strip()) for t in texts}
    organs = tuple(o for o in ORGANS if _folded(o) in folded)
    language = next((_language(m.group(1)) for t in texts if (m := LANGUAGE.match(t)) and m.group(1)), None)
    if language is None and any(LANGUAGE.match(t) for t in texts):
        # "ORIGINAL:" with the language on a line of its own ("ENGLISH"), as pdftotext splits columns.
        language = next((t for t in texts if t.strip().upper() in LANGUAGES), None)
    for k, t in enumerate(texts):
        if not prose[k] and (_is_masthead_furniture(t) or t.strip().upper() in LANGUAGES):
            used[k] = True
    doc_type, title, agenda, title_marks = _title_and_agenda(_groups(front, text), used)
    marks.update(title_marks)
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
    runs = _runs(lines, used, text)
    label = _annex_label(runs)
    if label is not None:
        meta = replace(meta, body_annex=label[1])
    return meta, marks, runs


def _annex_label(runs: list[list[SourceLine]]) -> tuple[int, str] | None:
    """(index, number) of the run that labels what follows it an annex ("Annex", "Annex I"),
    when it is the front text's last run or the one before the annexed report's title: the
    numbered text is a report annexed to a letter of transmittal ("" for an unnumbered annex).
    A letter's annex may say whose it is: "Annex to the letter dated 10 January 2099 from …"."""
    for k in range(len(runs) - 1, max(-1, len(runs) - 3), -1):
        run = runs[k]
        m = ANNEX_MARK.match(run[0].text.strip()) if len(run) == 1 else None
        if m and (number := annex_number(m.group(1))) is not None:
            return k, number.upper()
    for k, run in enumerate(runs):  # the label says whose annex it is: it stands anywhere
        m = ANNEX_TO.match(run[0].text.strip())
        if m and (number := annex_number(m.group(1))) is not None:
            return k, number.upper()
    return None


def _label_run(runs: list[list[SourceLine]]) -> int | None:
    """The index of the run that labels the numbered text an annex (see _annex_label) or an
    enclosure ("Enclosure" over a report, in the front text's last two runs: a letter's
    enclosure, often inside an annex that is itself a letter)."""
    label = _annex_label(runs)
    if label is not None:
        return label[0]
    return next((k for k in range(len(runs) - 1, max(-1, len(runs) - 3), -1)
                 if len(runs[k]) == 1 and ENCLOSURE_MARK.match(runs[k][0].text.strip())), None)


# "Enclosure", "Enclosure 2", "ENCLOSURE II".
ENCLOSURE_MARK = re.compile(r"^(?:Enclosure|ENCLOSURE)(?:\s+(?:[IVX]{1,4}|\d{1,2}))?$")


# The annex of a letter or note, labelled with it: "Annex to the letter dated …", "Annex II to
# the note verbale dated …".
ANNEX_TO = re.compile(r"^(?:Annex|ANNEX)(?:\s+([IVXLl]{1,6}|\d{1,3}))?\s+(?:to|TO)\s+(?:the|THE)\s+[A-Za-z]")


def _is_masthead_symbol(line: str, symbol: str) -> bool:
    """Symbols stand alone (or joined by "-") on masthead lines, not inside agenda prose or a
    sentence that cites one ("…issued as document S/2098/900", a wrapped sentence's last line
    "(S/2013/189)," or "S/2099/3).")."""
    rest = SYMBOL.sub("", line)
    return len(line) <= 60 and not AGENDA.match(line) and not _WORD.search(rest) and not _CITING.search(rest)


# A word in lower case: a masthead symbol line has none besides its symbols ("A./70/3 57-S/2015/682").
_WORD = re.compile(r"[a-z]{2}")
# What prose puts around a symbol it cites, and a masthead never does: brackets, clause
# punctuation, a full stop after the last symbol.
_CITING = re.compile(r"[(),;:\[\]]|\.\s*$")


def _prose_continuations(lines: list[SourceLine]) -> list[bool]:
    """For each line, whether it goes on the sentence of the line right above it, which is
    prose left open ("Adopted by the Security Council at its 6952nd meeting, on" /
    "25 April 2013"): such a date or symbol is the sentence's, not the masthead's."""
    out = [False] * len(lines)
    for k in range(1, len(lines)):
        above = lines[k - 1]
        out[k] = above.lineno + 1 == lines[k].lineno and _open_prose(above.text.strip())
    return out


def _open_prose(text: str) -> bool:
    """A line of a sentence that goes on: some words, the last in lower case or followed by a
    comma, and no line the masthead prints ("Fifty-first session", "Distr.: limited")."""
    return (
        text.count(" ") >= 3 and (text[-1:].islower() or text[-1:] == ",") and not closed_end(text)
        and not _is_masthead_furniture(text)
    )


def _title_and_agenda(
    groups: list[list[str]], used: list[bool] | None = None
) -> tuple[str, str, tuple[str, ...], dict[str, str]]:
    """(doc_type, title, agenda lines, footnote marks) from the masthead's line groups; marks in
    used (one flag per line of the groups, in order) the lines read."""
    doc_type, title = "", ""
    agenda: list[str] = []
    marks: dict[str, str] = {}
    flat = [(gi, line) for gi, g in enumerate(groups) for line in g]
    used = used if used is not None else [False] * len(flat)
    starts = [0]  # index in flat of each group's first line
    for g in groups:
        starts.append(starts[-1] + len(g))
    type_at = next((k for k, (_, line) in enumerate(flat) if DOC_TYPE.match(line)), None)
    agenda_at = next((k for k, (_, line) in enumerate(flat) if AGENDA.match(line)), None)
    title_group = None  # the group the title was read from, when known
    title_before = False  # read from the group before a bare type line ("Report of the Secretary-General")
    resolution_at = next((k for k, (_, line) in enumerate(flat) if RESOLUTION_TYPE.match(line)), None)
    if type_at is None and resolution_at is not None:
        doc_type, title, title_group = _resolution(flat, resolution_at, used)
    if type_at is not None:
        gi, line = flat[type_at]
        m = DOC_TYPE.match(line)
        doc_type = m.group(1)
        # The line and its wrapped continuation ("Letter dated … addressed to" / "the President of …").
        end = _continued(flat, type_at)
        used[type_at:end] = [True] * (end - type_at)
        whole = " ".join(l for _, l in flat[type_at:end])
        if len(line) > len(m.group(1)) + 3:  # "Report of the Secretary-General on the ..."
            title = whole
            title_group = gi
        else:
            doc_type = whole  # "Letter dated … addressed to" / "the President of the Security Council"
            before = [k for k in range(starts[gi], type_at)]
            # The group before holds the title, unless it is the organ and agenda group.
            if not before and gi > 0 and not any(AGENDA.match(l) for l in groups[gi - 1]):
                before = list(range(starts[gi - 1], starts[gi]))
                title_group, title_before = gi - 1, True
            else:
                title_group = gi
            before = [k for k in before if not _is_masthead_furniture(flat[k][1])]
            title = " ".join(flat[k][1] for k in before)
            for k in before:
                used[k] = True
            if not title:
                title = doc_type  # a letter's title is its own line, as the UN lists it; so is a rapporteur's report's
    if agenda_at is not None:
        agenda = [flat[agenda_at][1]]
        # Agenda item titles: the rest of the agenda line's group (1990s mastheads have no blank
        # line there), then the groups after it up to the title group.
        group_at = flat[agenda_at][0]
        end = starts[group_at + 1]
        if resolution_at is not None and agenda_at < resolution_at:
            end = min(end, resolution_at)  # a resolution's agenda line has no item titles under it
        rest = [k for k in range(agenda_at + 1, end) if not used[k] and not _is_masthead_furniture(flat[k][1])]
        if rest and " ".join(flat[k][1] for k in rest) != title:
            agenda.append(" ".join(flat[k][1] for k in rest))
            for k in rest:
                used[k] = True
        items = _agenda_items(flat[agenda_at][1])
        wanted = items - bool(rest)
        if resolution_at is not None:
            wanted = 0  # a resolution prints no agenda item titles (type_at is None: the loop stops)
        for g in range(group_at + 1, len(groups)):
            joined = " ".join(groups[g])
            if g == title_group and title_before and items > 1 and wanted > 0 and not any(map(_type_line, groups[g])):
                # "Agenda items 2 and 3" with one item's title so far: the group before a bare type
                # line is the other item's, and the report is titled by its type (as a letter is).
                title = doc_type
                title_group = None
            if joined == title or g == title_group or any(_type_line(line) for line in groups[g]):
                break
            if type_at is None and wanted <= 0:
                break  # no "Report of …" line: the group after the agenda item titles is the title
            if all(not _is_masthead_furniture(l) for l in groups[g]):
                agenda.append(joined)
                wanted -= 1
                used[starts[g] : starts[g + 1]] = [True] * len(groups[g])
    if type_at is None and resolution_at is None:
        # No "Report of …" line ("Report of the Joint Inspection Unit for 2098", "Proposed
        # programme budget for 2099"): the title is the first lines not read yet, after the
        # masthead's furniture and agenda, up to where they stop continuing each other.
        start = next((k for k in range(agenda_at or 0, len(flat)) if not used[k]), None)
        if start is not None and not _prose(flat[start][1]):
            end = _continued(flat, start)
            joined = " ".join(l for _, l in flat[start:end])
            if len(joined) <= MAX_HEADING_CHARS and not _prose(joined):  # else text, kept as such
                title = joined
                used[start:end] = [True] * (end - start)
        if not title and agenda_at is not None and items == 1 and not rest and len(agenda) == 2:
            # "Agenda item 140" printed without its item's title, the title after a blank line:
            # the group taken for the item's title is the report's (the page had none).
            title = agenda.pop()
    agenda = [_strip_mark(a, "agenda", marks) for a in agenda]
    if title != doc_type:  # "Report of the Special Rapporteur on … expression*": the type's note
        doc_type = _strip_mark(_normalise_space(doc_type), "type", marks)
    title = _strip_mark(_normalise_space(title), "title", marks)
    return doc_type, title, tuple(_normalise_space(a) for a in agenda), marks


def _type_line(line: str) -> bool:
    return bool(DOC_TYPE.match(line) or RESOLUTION_TYPE.match(line))


def _resolution(flat: list[tuple[int, str]], at: int, used: list[bool]) -> tuple[str, str, int | None]:
    """(doc_type, title, title group) of a General Assembly resolution's masthead: "Resolution
    adopted by the General Assembly on 29 June 2007" and, a few lines on, its number and title
    ("61/279. Strengthening the capacity of the Organization to manage" / "and sustain …")."""
    end = at + 1 if DATE.search(flat[at][1]) else _continued(flat, at)  # the date ends it
    if end == at + 1 and flat[at][1].endswith(" on") and end < len(flat) and DATE.fullmatch(flat[end][1]):
        end += 1  # the Council's "Adopted by the Security Council at its 7573rd meeting, on" / "9 December 2015"
    used[at:end] = [True] * (end - at)
    doc_type = " ".join(line for _, line in flat[at:end])
    if at and SC_RESOLUTION_TITLE.match(flat[at - 1][1]):  # "Resolution 2250 (2015)" over it: the title
        used[at - 1] = True
        return doc_type, flat[at - 1][1], flat[at - 1][0]
    for k in range(end, min(end + RESOLUTION_TITLE_REACH, len(flat))):
        m = RESOLUTION_TITLE.match(flat[k][1])
        if m:
            stop = _continued(flat, k)
            used[k:stop] = [True] * (stop - k)
            return doc_type, " ".join([m.group(1)] + [line for _, line in flat[k + 1 : stop]]), flat[k][0]
    return doc_type, "", None


# A resolution's masthead (a decision's too): the line that says who adopted it and when, then
# its number and title (General Assembly: "61/279. Strengthening …", "72/540. Sustainable
# development"); the Security Council's says "Adopted by the Security Council at its 7573rd
# meeting, on 9 December 2015" under its title, "Resolution 2250 (2015)".
RESOLUTION_TYPE = re.compile(
    r"^(?:(?:Resolution|Decision) adopted by the [A-Z]|Adopted by the Security Council at its ).*"
)
RESOLUTION_TITLE = re.compile(r"^(?:\d{1,3}|(?:19|20)\d\d)/\d{1,4}\.\s+(\S.*)")  # ECOSOC's by year: "2017/23."
SC_RESOLUTION_TITLE = re.compile(r"Resolution \d{1,4} \((?:19|20)\d\d\)$")
RESOLUTION_TITLE_REACH = 3  # lines after the type line ("[without reference to a Main Committee …]")


# The item numbers of an agenda line: "Items 56, 57 and 123 of the provisional agenda*".
_ITEM_NUMBER = re.compile(r"\b\d+\b")


def _agenda_items(line: str) -> int:
    """How many agenda item titles follow the agenda line (at least one)."""
    return max(1, len(_ITEM_NUMBER.findall(line.split(" of ")[0])))


def _continued(flat: list[tuple[int, str]], k: int) -> int:
    """Index after line k and the lines of its group that continue it as a wrapped title."""
    end = k + 1
    while end < len(flat) and flat[end][0] == flat[k][0] and continues_title(flat[end - 1][1], flat[end][1]):
        end += 1
    return end


def _prose(line: str) -> bool:
    """A sentence, not a title: it ends with a full stop."""
    return line.rstrip().endswith(".")


def _runs(lines: list[SourceLine], used: list[bool], text: str = "") -> list[list[SourceLine]]:
    """The lines not used, as runs of lines that belong together: a run ends at a used line, a
    blank line (a new group: lines are the non-blank ones, numbered in order), a line like a
    heading ("Annex", "Corrigendum") or a line that ends a sentence short of the measure
    ("…(see annex)." then "I should be grateful…")."""
    runs: list[list[SourceLine]] = []
    previous: SourceLine | None = None
    measure = 0  # the longest line of the run so far
    for line, read in zip(lines, used, strict=True):
        if read:
            previous = None
            continue
        if (
            previous is None or line.lineno != previous.lineno + 1
            or _ends_run(previous.text, line.text, runs[-1], measure)
            or _ends_clause_run(previous.text, line.text)
            or _title_over_text(previous.text, line.text, text)
            or indented_start(previous.indent, previous.text, line.indent, line.text)
        ):
            runs.append([])
            measure = 0
        runs[-1].append(line)
        measure = max(measure, len(line.text))
        previous = line
    return runs


def _ends_run(previous: str, line: str, run: list[SourceLine], measure: int) -> bool:
    """Whether line starts a new run after previous (the last line of run, whose longest line is measure long)."""
    if line.startswith("(Signed)"):  # a letter's signature
        return True
    if closed_end(previous):
        return len(run) == 1 or len(previous) < 0.9 * measure
    return not continues_title(previous, line) and not wrapped_line(previous) and len(previous) < WRAPPED_MIN_CHARS


def _title_over_text(previous: str, line: str, text: str) -> bool:
    """A title line ends its run over a longer line that starts a sentence with a common word
    (blocks.starts_new_title): "Statement by the Ministry of Foreign Affairs of Testland" /
    "The Ministry of Foreign Affairs of Testland expresses its deep concern at the", layouts
    without blank lines."""
    return (
        bool(text) and len(previous) < TITLE_SHARE * len(line) and not closed_end(previous)
        and not previous.endswith(",") and starts_new_title(previous, line, text)
    )


TITLE_SHARE = 0.9


def _ends_clause_run(previous: str, line: str) -> bool:
    """A clause that ends its paragraph with a comma, well short of the next line, which starts
    with a capital and is wrapped to a measure like it: a resolution's preambular paragraphs in
    a layer without blank lines ("Recalling its resolution 61/256 of 15 March 2007," /
    "Having considered the report of the Secretary-General on the comprehensive report"). A
    next line far longer is a paragraph set on one line: no measure to compare with."""
    return (
        previous.endswith(",") and line[:1].isupper()
        and CLAUSE_END_SHARE * len(line) > len(previous) > len(line) / CLAUSE_MEASURE_RATIO
    )


CLAUSE_END_SHARE = 0.8
CLAUSE_MEASURE_RATIO = 2


def front_blocks(runs: list[list[SourceLine]], first: RawBlock | None = None) -> list[RawBlock]:
    """The front text that is no metadata, as blocks before the body's first ("front-text-1" …).
    The last run, right over the first numbered paragraph, is that paragraph's heading when it
    reads as one ("Background" / "1. The Mission …": h-para-1, not front text), unless it is
    the title of an addendum or corrigendum under its label ("Addendum" / "Matrix of …"). An
    annex's label and title over the numbered text ("Annex" / "Report of the Panel …": a
    report annexed to a letter) are one heading, "Annex — Report of the Panel …"."""
    k = _label_run(runs)
    if k is not None:  # "Annex" over the annexed report's title: one heading, as an annex's
        title = [l.text for l in runs[k + 1]] if k + 1 < len(runs) else []
        titled = bool(title) and _annex_title_like(title)
        label_text = " ".join(line.text.strip() for line in runs[k])
        texts = [label_text + (" —" if titled else "")] + (title if titled else [])
        found = front_blocks(runs[:k], None)
        found.append(RawBlock("heading", texts, lineno=runs[k][0].lineno, page=runs[k][0].page))
        found[-1].level = 3  # an unnumbered heading (its id: h-…)
        # The annex's text (when it opens with text, no title, that text too) stays front text.
        return found + _front_runs(runs[k + 1 + titled :], first)
    return _front_runs(runs, first)


def _front_runs(runs: list[list[SourceLine]], first: RawBlock | None) -> list[RawBlock]:
    """Each run a front text block; the last, over the first numbered paragraph, its heading
    when it reads as one. An annex's label with its title under it, inside front text ("Annex"
    / "Letter dated … from the Chair …" in a note or letter that numbers no paragraphs), is one
    heading, as over an annexed report."""
    runs = _preamble_runs(runs)
    found: list[RawBlock] = []
    k = 0
    while k < len(runs):
        run, texts = runs[k], [l.text for l in runs[k]]
        title = [l.text for l in runs[k + 1]] if k + 1 < len(runs) else []
        if len(run) == 1 and ANNEX_MARK.match(texts[0].strip()) and title and _annex_title_like(title):
            block = RawBlock("heading", [texts[0].strip() + " —", *title], lineno=run[0].lineno, page=run[0].page)
            k += 2
        else:
            heads = (
                k == len(runs) - 1 and first is not None and first.kind == "paragraph" and _heading_like(texts)
                and not (k and _DOCUMENT_LABEL.match(runs[k - 1][-1].text))
            )
            block = RawBlock("heading" if heads else "front", texts, lineno=run[0].lineno, page=run[0].page)
            k += 1
        if block.kind == "heading":
            block.level = 3  # an unnumbered sub-heading, as under a section
        found.append(block)
    return found


def _preamble_runs(runs: list[list[SourceLine]]) -> list[list[SourceLine]]:
    """The runs, a resolution's preamble cut into its paragraphs where no blank line parts them
    (a text layer of a line each): the organ's line ("The General Assembly,") a run of its own,
    and under it each preambular paragraph's (blocks.preamble_paragraph_starts). The same runs
    when no organ's line stands among them."""
    if not any(is_organ_line(line.text.strip()) for run in runs for line in run):
        return runs
    out: list[list[SourceLine]] = []
    in_preamble = False
    for run in runs:
        texts = [line.text.strip() for line in run]
        cuts = []
        for k, text in enumerate(texts):
            if is_organ_line(text):
                in_preamble = True
                cuts += [k, k + 1]
            elif k and in_preamble and preamble_paragraph_starts(texts[k - 1], text):
                cuts.append(k)
        bounds = [0, *cuts, len(run)]
        out += [run[a:b] for a, b in pairwise(bounds) if a < b]
    return out


def _annex_title_like(texts: list[str]) -> bool:
    """An annexed report's title under "Annex": up to three lines that end no sentence
    ("Report of the Independent Panel on the Review of the United" / "Nations Mission in …")."""
    joined = " ".join(texts)
    return len(texts) <= 3 and len(joined) <= MAX_HEADING_CHARS and not closed_end(joined)


def _heading_like(texts: list[str]) -> bool:
    """One or two short lines, capitalised, that end no sentence: "Background"; not the
    document's own label ("Corrigendum"), which stays front text, nor a clause that leads
    into the paragraphs ("Acting under Chapter VII of the Charter of the United Nations,")."""
    joined = " ".join(texts)
    return (
        len(texts) <= 2 and len(joined) <= 120 and joined[:1].isupper() and not closed_end(joined)
        and not joined.rstrip(NOTE_MARK_CHARS).endswith(",") and not _DOCUMENT_LABEL.match(joined)
    )


_DOCUMENT_LABEL = re.compile(r"^(?:Corrigendum|Addendum|Revision|Erratum)\b", re.IGNORECASE)


# The dates of a session, on the line under it: "25 February–22 March 2019", "10–28 September 2018".
_SESSION_DATES = re.compile(r"\d{1,2}(?:\s+[A-Z][a-z]+(?:\s+\d{4})?)?\s*[–-]\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")


def _session(texts: list[str], k: int, used: list[bool]) -> str:
    """The session on line k, with its dates when the next line gives them ("Fortieth session,
    25 February–22 March 2019", as Human Rights Council mastheads print them): that line is read."""
    if k + 1 < len(texts) and _SESSION_DATES.fullmatch(texts[k + 1].strip()):
        used[k + 1] = True
        return f"{texts[k]}, {texts[k + 1].strip()}"
    return texts[k]


def _is_masthead_furniture(line: str) -> bool:
    s = line.strip()
    return bool(
        BOILERPLATE.match(s)
        or DATE.fullmatch(s)
        or _damaged_date(s)
        or SESSION.match(s)
        or AGENDA.match(s)
        or _folded(s) in _FOLDED_FIELD_NAMES
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
