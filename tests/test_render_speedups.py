"""The render-stage speed-ups give exactly the old answers (reference implementations inline)."""

from __future__ import annotations

import random
import re

import pytest

from build_tools.acronyms import Acronym, _uses_finder

ACRONYMS = ["UN", "UNAMID", "EU", "EUFOR", "UNPoS", "MINUSTAH", "AU"]


def _reference_uses(table, text):
    """The old finder: one alternation of every acronym, longest first, whole words."""
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b")
    return [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]


TABLE = {a: Acronym(a, "x", "para-1") for a in ACRONYMS}


@pytest.mark.parametrize(
    "text",
    [
        "", "UN", "the UN and UNAMID", "UNAMID's mandate", "UN-led", "UNs", "EUFOR not EU", "xUN", "UN2", "2UN",
        "_UN_", "ÉUN", "UNÉ", "(UNPoS)", "UNPOS", "AU/EU", "AUEU", "U N", "MINUSTAH.", "un UN Un",
    ],
)
def test_acronym_uses_equal_the_alternation(text):
    assert _uses_finder(TABLE)(text) == _reference_uses(TABLE, text)


def test_acronym_uses_fuzz():
    rng = random.Random(3)
    pieces = ACRONYMS + ["A", "N", "x", "é", "É", " ", "-", "_", "1", "(", ")", "’", "Nations"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _uses_finder(TABLE)(text) == _reference_uses(TABLE, text), repr(text)


def test_acronyms_of_another_shape_use_the_alternation():
    table = {"G77": Acronym("G77", "Group of 77", "para-1"), "UN": TABLE["UN"]}
    for text in ["the G77 and the UN", "G77x UN"]:
        assert _uses_finder(table)(text) == _reference_uses(table, text)


def _leading_lookbehind(pattern: re.Pattern, alone: str, alternation: str) -> re.Pattern:
    """The pattern as it was: one (?<![\\w/.$]) before a plain alternation of roots."""
    assert alone in pattern.pattern
    return re.compile(pattern.pattern.replace(alone, r"(?<![\w/.$])(?:" + alternation + ")"), pattern.flags)


def _symbol_patterns():
    from build_tools import citations as c

    yield c.SYMBOL_RE, _leading_lookbehind(c.SYMBOL_RE, c._ROOTS_ALONE, c._ROOTS_ALT)
    yield c.SUSPECT_RE, _leading_lookbehind(c.SUSPECT_RE, c._SUSPECT_ROOTS_ALONE, r"\$|5|" + c._ROOTS_ALT)


SYMBOL_TEXTS = [
    "", "A/70/357", "(A/70/357)", "xA/70/357", "/A/70/357", ".A/70/357", "$A/70/357", "A./70/3 57)",
    "$/1995/342", "5/28", "S/2O15/682", "see S/RES/1325 (2000) and A/55/305-S/2000/809", "UNEP/GC/1",
    "CEDAW/C/1", "ECE/TRANS/1", "A/70/95- S/2015/446", "A/C.5/70/1", "HIV/AIDS", "5/2015/1",
]


@pytest.mark.parametrize("text", SYMBOL_TEXTS)
def test_symbol_scans_equal_the_leading_lookbehind(text):
    for fast, slow in _symbol_patterns():
        assert [m.groupdict() | {"span": m.span()} for m in fast.finditer(text)] == [
            m.groupdict() | {"span": m.span()} for m in slow.finditer(text)
        ]


def test_symbol_scans_fuzz():
    rng = random.Random(5)
    pieces = ["A", "S", "E", "UNEP", "CEDAW", "ECE", "$", "5", "/", ".", " ", "-", "(", ")", "70", "2O15", "l", "x", "RES", "Add.1"]
    for fast, slow in _symbol_patterns():
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == [
                (m.span(), m.groupdict()) for m in slow.finditer(text)
            ], repr(text)


RES_TEXTS = ["", "resolution 61/279", "Resolutions 1325 (2000) and 1820 (2008)", "xresolution 61/279", "_decision 2006/36",
             "decisions 61/1, 61/2 or 61/3", "irresolution 1/1", "Decision ES-10/2", "resolutions 61/279"]


def test_resolution_scan_equals_the_leading_boundary():
    from build_tools import citations as c

    slow = re.compile(c.RES_LIST_RE.pattern.replace(
        f"(?P<kw>{c._RES_KEYWORDS})", r"\b(?P<kw>[Rr]esolutions?|[Dd]ecisions?)"), c.RES_LIST_RE.flags)
    assert slow.pattern != c.RES_LIST_RE.pattern
    rng = random.Random(11)
    pieces = ["resolution", "Resolutions", "decision", "Decisions", " ", "x", "61/279", "1325 (2000)", ", ", " and ", "ir"]
    texts = RES_TEXTS + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(2000)]
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in c.RES_LIST_RE.finditer(text)] == [
            (m.span(), m.groupdict()) for m in slow.finditer(text)
        ], repr(text)


class _Str(str):
    pass


class _Int(int):
    pass


class _Dict(dict):
    pass


@pytest.mark.parametrize(
    "obj",
    [
        {}, [], (), "", 0, -3, 1.5, float("nan"), float("inf"), -float("inf"), True, False, None,
        {"a": [], "b": {}, "c": [1, [2, [3, {}]]], "d": {"e": None, "f": "“quoted” \"x\" \\ \n\t\x00\u2028 é"}},
        [{"id": "para-1", "refs": [{"offset": 3, "mark": "1"}], "n": None}, ("tuple", 2)],
        {1: "int key"}, {None: 1, True: 2, 2.5: 3}, {"nested": {1: "int key deeper"}},
        # leaf containers (only scalars) go through json's C encoder: depth, empties, odd scalars
        {"a": {"b": {"c": [1, "x", None, 1.5, float("nan"), True]}}, "l": [[["é", "\u2028"]], [[]], [{}]]},
        [[1], {"k": 1}, ({"a": None},)], {"s": _Str("sub"), "i": _Int(7), "d": _Dict(a=[1])},
    ],
)
@pytest.mark.parametrize("indent", [0, 1, 2])
def test_dumps_indented_equals_json(obj, indent):
    import json

    from build_tools.indented_json import dumps_indented

    assert dumps_indented(obj, indent=indent) == json.dumps(obj, ensure_ascii=False, indent=indent)


def test_dumps_indented_leaves_other_types_to_json():
    import enum
    import json

    from build_tools.indented_json import dumps_indented

    class Kind(enum.IntEnum):
        A = 1

    assert dumps_indented({"k": Kind.A}) == json.dumps({"k": Kind.A}, ensure_ascii=False, indent=1)
    with pytest.raises(TypeError):
        dumps_indented({"k": object()})
    with pytest.raises(TypeError):
        dumps_indented({"k": {(1, 2): "tuple key in a leaf"}})


def test_acronym_word_equals_the_plain_pattern():
    from build_tools.acronyms import _ACRONYM_WORD

    plain = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\b")
    rng = random.Random(13)
    pieces = ["A", "B", "a", "z", "É", "é", "1", "_", " ", "-", "(", "UN", "Mo", "U"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert [m.span() for m in _ACRONYM_WORD.finditer(text)] == [m.span() for m in plain.finditer(text)], repr(text)


def test_acronym_uses_fuzz_other_capitals():
    """The finder only tries words starting with an acronym's first letter; other capitals
    right before one ("XUN", "BUN") must still keep it from being a whole word."""
    rng = random.Random(17)
    pieces = ACRONYMS + ["X", "B", "Z", "b", "É", "é", " ", "-", "1", "’", "Nations"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _uses_finder(TABLE)(text) == _reference_uses(TABLE, text), repr(text)


def _reference_annotate(text, spans):
    """annotate as it was: every slice escaped on its own."""
    from build_tools.inline import escape

    out, pos = [], 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.start < pos or span.end > len(text):
            continue
        out.append(escape(text[pos : span.start]))
        out.append(span.before + escape(text[span.start : span.end]) + span.after)
        pos = span.end
    out.append(escape(text[pos:]))
    return "".join(out)


def test_annotate_equals_escaping_every_slice():
    from build_tools.inline import Span, annotate

    rng = random.Random(19)
    pieces = ["a", "UN", " ", "&", "<", ">", '"', "'", "’", "é", "&amp;", "<b>"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        spans = []
        for _ in range(rng.randint(0, 3)):
            a, b = sorted(rng.randint(0, len(text) + 1) for _ in range(2))
            spans.append(Span(a, b, "<i>", "</i>"))
        assert annotate(text, spans) == _reference_annotate(text, spans), (text, spans)


@pytest.mark.parametrize(
    "text", ["", "plain", "&", "&amp;", "&#34;", "&#39;", "<a href=\"x\">'q'</a>", "\"'&<>", "é’\u2028\x00", "&&##"]
)
def test_escape_equals_html_escape(text):
    import html

    from build_tools.inline import escape

    assert escape(text) == html.escape(text, quote=True)


def test_escape_fuzz():
    import html

    from build_tools.inline import escape

    rng = random.Random(23)
    pieces = ["&", "#", "3", "4", "9", ";", "\"", "'", "<", ">", "x", "é", "&#34;", "&#39;", "&quot;"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert escape(text) == html.escape(text, quote=True), repr(text)


def test_qa_rows_equal_the_template_loops():
    """The QA tables' rows, built in Python, print what the template loops printed."""
    from build_tools.models import Correction, DroppedLine, QAReport
    from build_tools.render import _ENV, _qa_rows

    nasty = ["", "plain", "<script>&amp;\"quoted\" 'single'</script>", "é’\u2028", "{{ x }}", "&#34;"]
    qa = QAReport(
        corrections=tuple(
            Correction(b, r, o, p) for b in nasty[:3] for r in nasty[1:3] for o in nasty for p in nasty[::-1]
        ),
        dropped=tuple(DroppedLine(n, t, r) for n, t in enumerate(nasty) for r in nasty[:2]),
    )
    loops = _ENV.from_string(
        "{% for c in qa.corrections %}\n<tr><td><code>{{ c.block_id }}</code></td><td>{{ c.rule }}</td>"
        "<td><code>{{ c.original }}</code></td><td><code>{{ c.replacement }}</code></td></tr>\n{% endfor %}|"
        "{% for d in qa.dropped %}\n<tr><td>{{ d.lineno }}</td><td>{{ d.rule }}</td>"
        "<td><code>{{ d.text }}</code></td></tr>\n{% endfor %}"
    ).render(qa=qa)
    rows = _qa_rows(qa)
    assert loops == rows["correction_rows"] + "\n|" + rows["dropped_rows"] + "\n"


def test_citing_links_equal_the_template_loop():
    from build_tools.render import _ENV, _cite_label, citing_links

    nasty = ["", "A/70/357", "para-12", "para-para-1", "fn-<i>", "<b>&\"'</b>", "../A/70/357/III/#para-12", "é’"]
    loop = _ENV.from_string(
        '{% for symbol, block_id, where in citing %}<a href="{{ where }}">{{ symbol }}, '
        '{{ cite_label(block_id) }}</a>{% if not loop.last %}; {% endif %}{% endfor %}'
    )
    rng = random.Random(31)
    for n in range(200):
        citing = [tuple(rng.choice(nasty) for _ in range(3)) for _ in range(n % 5)]
        assert citing_links(citing) == loop.render(citing=citing, cite_label=_cite_label), citing


def test_toc_items_equal_the_template_loop():
    from build_tools.models import Block
    from build_tools.render import _ENV, toc_items

    loop = _ENV.from_string(
        "{% for block, href in toc %}\n<li class=\"toc-level-{{ block.level }}\"><a href=\"{{ href }}\">"
        "{{ block.number ~ \". \" if block.number and not block.section.startswith(\"annex\") }}"
        "{{ block.text }}</a></li>\n{% endfor %}"
    )
    nasty = ["", "III", "<i>&\"'", "é’"]
    toc = [
        (Block("heading", f"sec-{n}", text, number=number, level=level, section=section), href)
        for n, (text, number, level, section, href) in enumerate(
            (t, num, lvl, sec, h) for t in nasty for num in [None, *nasty] for lvl in (1, 2)
            for sec in ("III", "annex-I", "<") for h in ("../III/", "a\"b")
        )
    ]
    for k in range(0, len(toc), 7):
        assert toc_items(toc[:k]) + ("\n" if k else "") == loop.render(toc=toc[:k])


def test_md_escape_equals_the_template_substitution():
    import html

    from build_tools.render import MD_SPECIAL, md_escape

    rng = random.Random(37)
    pieces = list("\\`*_{}[]()#+-.!<>&\"' aZ1é")
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert md_escape(text) == MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)), repr(text)


def test_combine_linkers_equals_the_any_check():
    from build_tools.inline import Span
    from build_tools.render import combine_linkers

    def reference(linkers, block):
        kept = []
        for lk in linkers:
            for span in lk(block, ""):
                if not any(span.start < k.end and k.start < span.end for k in kept):
                    kept.append(span)
        return kept

    rng = random.Random(41)
    for _ in range(2000):
        starts = [[rng.randint(0, 12) for _ in range(rng.randint(0, 4))] for _ in range(rng.randint(2, 3))]
        outputs = [[Span(a, a + rng.randint(0, 4), "<x>") for a in group] for group in starts]
        linkers = [lambda b, d, out=out: list(out) for out in outputs]
        assert combine_linkers(*linkers)(None, "") == reference(linkers, None)


def _reference_expansion(acronym, words):
    """expansion_for with the initials of every run recomputed, no early stop."""
    from build_tools.acronyms import CONNECTORS, _is_name_word

    def initials(ws, capitals_only):
        letters = []
        for w in ws:
            if w.lower() in CONNECTORS or (capitals_only and not w[0].isupper()):
                continue
            parts = [part for part in re.split(r"[-’']", w) if part]
            if len(re.split(r"[-’']", w)) > 1:  # an elided article or possessive "s" gives no letter
                parts = [part for part in parts if not (len(part) == 1 and part.islower())]
            letters.extend(part[0] for part in parts)
        return "".join(letters).upper()

    for capitals_only in (False, True):
        for k in range(1, len(words) + 1):
            run = words[-k:]
            if run[0].lower() not in CONNECTORS and initials(run, capitals_only) == acronym.upper():
                return " ".join(run)
    run = []
    for w in reversed(words):
        if not _is_name_word(w) or (len(w) > 1 and w.isupper()):
            break
        run.insert(0, w)
    while run and run[0].lower() in CONNECTORS:
        run.pop(0)
    capitals = [w for w in run if w[0].isupper()]
    return " ".join(run) if len(capitals) >= 2 else None


def test_expansion_for_equals_recomputing_every_run():
    from build_tools.acronyms import expansion_for

    rng = random.Random(43)
    words = ["United", "Nations", "of", "the", "Mission", "in", "Darfur", "Union-United", "d’Ivoire", "pour", "la",
             "straße", "Straße", "ß", "ﬁnance", "UN", "EU", "and", "x", "Police", "Children’s", "'s", "-"]
    acronyms = ["UN", "UNAMID", "UNMID", "MID", "US", "SS", "USS", "FI", "UFN", "PLP", "DI", "CS", "X", "UNUN", "I", "NI", "UNI"]
    for _ in range(5000):
        ws = [rng.choice(words) for _ in range(rng.randint(0, 8))]
        ws = [w for w in ws if w.strip("-'’")]  # WORD never yields bare punctuation
        a = rng.choice(acronyms)
        assert expansion_for(a, ws) == _reference_expansion(a, ws), (a, ws)


class _HTML:
    def __html__(self):
        return "<b>already safe</b>"


ESCAPE_VALUES = [
    "", "plain", "para-12", "&", "<", ">", '"', "'", "a&b", "&#34;", "é’\u2028\x00", 0, 12, -1, True, None, 1.5,
    _Str("sub<"), _Str("sub"), _HTML(),
]


@pytest.mark.parametrize("value", ESCAPE_VALUES + [0, 7, -3, 10**30, True, False, None, 1.5, _Int(4)], ids=repr)
def test_h_equals_markupsafe(value):
    """_h's shortcut for plain strings prints exactly what markupsafe (a template's {{ }}) prints."""
    from markupsafe import Markup, escape

    from build_tools.render import _h

    got = _h(value)
    assert got == str(escape(value)) and type(got) is str
    assert not isinstance(got, Markup)


@pytest.mark.parametrize("value", ["", "plain", _Str("sub"), _Str("<sub>")], ids=repr)
def test_escape_returns_plain_str(value):
    """escape's shortcut returns str, never a str subclass (a Markup would escape what is added to it)."""
    import html

    from markupsafe import Markup

    from build_tools.inline import escape

    assert type(escape(value)) is str and escape(value) == html.escape(value, quote=True)
    assert type(escape(Markup("plain"))) is str


# The templates these helpers replaced, as they were.
_OLD_HEADER = (
    '{{ header_top }}{% if prev is defined or next is defined or first is defined %}\n'
    '<nav class="report-pager" aria-label="Sections of {{ meta.symbol }} (top)">{% if prev is defined and prev %}'
    '<a class="prev" rel="prev" href="{{ prev[1] }}" title="{{ prev[0].title }}">← {{ prev[0].number ~ ". " if '
    'prev[0].number and not prev[0].key.startswith("annex") }}{{ prev[0].title }}</a>{% endif %}<a class="up" '
    'href="{{ index }}">Contents</a>{% if next is defined and next %}<a class="next" rel="next" href="{{ next[1] }}" '
    'title="{{ next[0].title }}">{{ next[0].number ~ ". " if next[0].number and not next[0].key.startswith("annex") }}'
    '{{ next[0].title }} →</a>{% elif first is defined and first %}<a class="next" href="{{ first[1] }}" '
    'title="{{ first[0].title }}">Start reading →</a>{% endif %}</nav>\n'
    '{% endif %}\n'
    '{% if block_map is defined and block_map %}\n'
    '<script type="application/json" class="block-map">{{ block_map | tojson }}</script>\n'
    '{% endif %}\n'
    '</header>\n'
)
_OLD_FOOTNOTES = (
    '{% if footnotes %}\n\n<section class="footnotes" aria-label="Footnotes">\n<h2 class="footnotes-title">Notes</h2>\n'
    '{% for fn, html in footnotes %}\n<p class="footnote" id="{{ fn.id }}"><span class="fn-mark">{{ fn.mark }}</span> '
    '{{ html }} <a class="fn-back" href="#{{ fn.id | replace(\'fn-\', \'fnref-\', 1) }}" aria-label="Back to the '
    'reference">↩</a></p>\n{% endfor %}\n</section>\n{% endif %}\n'
)
NASTY = ["", "III", "annex-I", "<i>&\"'</i>", "é’\u2028", "fn-fn-1", "{{ x }}"]


def test_header_rest_equals_the_header_template():
    from markupsafe import Markup

    from build_tools.models import Section
    from build_tools.render import _ENV, header_rest

    old = _ENV.from_string(_OLD_HEADER)
    rng = random.Random(47)

    def link():
        if rng.random() < 0.3:
            return None
        sec = Section(rng.choice(NASTY), rng.choice([None, *NASTY]), rng.choice(NASTY), "sec-x")
        return (sec, rng.choice(NASTY))

    for _ in range(500):
        ctx = {"header_top": Markup("<header>TOP"), "meta": type("M", (), {"symbol": rng.choice(NASTY)}),
               "index": rng.choice(NASTY)}
        pager = None
        kind = rng.choice(["none", "section", "index"])
        if kind == "section":
            pager = (link(), link(), None)
            ctx |= {"prev": pager[0], "next": pager[1]}
        elif kind == "index":
            pager = (None, None, link())
            ctx["first"] = pager[2]
        block_map = rng.choice([None, {}, {"para-1": "III/#para-1", "<&'>": "\u2028</script>"}])
        if block_map is not None:
            ctx["block_map"] = block_map
        assert "<header>TOP" + header_rest(ctx["meta"].symbol, ctx["index"], pager, block_map) == old.render(ctx), ctx


def test_footnotes_html_equals_the_footnotes_template():
    from markupsafe import Markup

    from build_tools.models import Footnote
    from build_tools.render import _ENV, footnotes_html

    old = _ENV.from_string(_OLD_FOOTNOTES)
    rng = random.Random(53)
    for n in range(300):
        notes = [(Footnote(rng.choice(NASTY), rng.choice(NASTY), "text"), Markup(rng.choice(NASTY)))
                 for _ in range(n % 4)]
        assert footnotes_html(notes) == old.render(footnotes=notes), notes


_OLD_HEADER_TOP = (
    '<header class="report-header" data-symbol="{{ meta.symbol }}" markdown="0">\n'
    '<p class="report-symbols">{% for s in meta.symbols %}<span class="symbol">{{ s }}</span>{% if not loop.last %} – {% endif %}{% endfor %}{% if meta.date %} · <time datetime="{{ meta.date }}">{{ meta.date | un_date }}</time>{% endif %}</p>\n'
    '{% if meta.organs or meta.sessions %}<p class="report-organs">{{ meta.organs | join(", ") }}{% if meta.sessions %} · {{ meta.sessions | join(", ") }}{% endif %}</p>{% endif %}\n'
    '<p class="report-title"><a href="{{ index }}">{{ meta.title or meta.symbol }}</a></p>\n'
    '<p class="report-links"><a class="external" href="{{ official }}" rel="noopener external" title="Official PDF on undocs.org (external site)">Official PDF<span class="external-mark" aria-label=" (external site)">↗</span></a> · <a href="{{ data_json }}" type="application/json">data.json</a> · <a href="{{ glossary_href }}">Acronyms</a>{% if notes_href %} · <a href="{{ notes_href }}">Editors’ notes</a>{% endif %} · <a href="{{ qa_href }}">Text quality</a></p>\n'
)


def test_header_top_equals_its_old_template():
    from build_tools.models import Metadata
    from build_tools.render import _ENV, header_top

    old = _ENV.from_string(_OLD_HEADER_TOP)
    rng = random.Random(59)
    for _ in range(500):
        meta = Metadata(
            rng.choice(NASTY), tuple(rng.sample(NASTY, rng.randint(0, 3))), rng.choice([None, "", "2015-09-02", "2015-13-45", "<b>"]),
            rng.choice(NASTY), organs=tuple(rng.sample(NASTY, rng.randint(0, 2))),
            sessions=tuple(rng.sample(NASTY, rng.randint(0, 2))),
        )
        links = {k: rng.choice(NASTY) for k in ("home", "index", "data_json", "qa_href", "official", "glossary_href")}
        links["notes_href"] = rng.choice([None, *NASTY])
        assert header_top(meta, **links) == old.render(meta=meta, **links), (meta, links)


def test_res_lists_equal_the_regex_scan():
    """Trying RES_LIST_RE only where a keyword can start finds what finditer finds."""
    from build_tools import citations as c

    rng = random.Random(61)
    pieces = ["resolution", "Resolutions", "decision", "Decisions", "esolution", "ecision", "r", "D", " ", "x", "_",
              "61/279", "1325 (2000)", ", ", " and ", "ir", "é", "2006/36", "ES-10/2", " B"]
    texts = RES_TEXTS + ["esolution 61/1", "resolution 61/1resolution 61/2", "decision 61/1 and resolution 61/2"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in c._res_lists(text)] == [
            (m.span(), m.groupdict()) for m in c.RES_LIST_RE.finditer(text)
        ], repr(text)


_OLD_SECTION = (
    '---\n'
    'title: {{ (report.meta.symbol ~ " " ~ (section.number ~ ". " if section.number and not section.key.startswith("annex") else "") ~ section.title) | e | yaml }}\n'
    'report: {{ report.meta.symbol | yaml }}\n'
    '---\n'
    '\n'
    '{{ header }}\n'
    '{{ body }}\n'
    '{{ footnotes }}\n'
    '<nav class="section-nav" aria-label="Sections of {{ report.meta.symbol }}">\n'
    '{% if prev %}<a class="prev" rel="prev" href="{{ prev[1] }}">← {{ prev[0].number ~ ". " if prev[0].number and not prev[0].key.startswith("annex") }}{{ prev[0].title }}</a>{% endif %}\n'
    '<a class="up" href="{{ index }}">Contents</a>\n'
    '{% if next %}<a class="next" rel="next" href="{{ next[1] }}">{{ next[0].number ~ ". " if next[0].number and not next[0].key.startswith("annex") }}{{ next[0].title }} →</a>{% endif %}\n'
    '</nav>\n'
)


def test_section_markdown_equals_its_old_template():
    from markupsafe import Markup

    from build_tools.models import Metadata, Section
    from build_tools.render import _ENV, section_markdown

    old = _ENV.from_string(_OLD_SECTION)
    rng = random.Random(67)

    def sec():
        return Section(rng.choice([*NASTY, "annex-II"]), rng.choice([None, *NASTY]), rng.choice(NASTY), "sec-x")

    for _ in range(500):
        symbol, section = rng.choice(NASTY), sec()
        prev = (sec(), rng.choice(NASTY)) if rng.random() < 0.7 else None
        next = (sec(), rng.choice(NASTY)) if rng.random() < 0.7 else None
        parts = {k: Markup(rng.choice(["", "<p>x</p>", "<section>\n"])) for k in ("header", "body", "footnotes")}
        index = rng.choice(NASTY)
        report = type("R", (), {"meta": Metadata(symbol, (symbol,))})
        expected = old.render(report=report, section=section, prev=prev, next=next, index=index, **parts)
        got = section_markdown(symbol, section, parts["header"], parts["body"], parts["footnotes"], prev, next, index)
        assert got == expected, (symbol, section, prev, next)


def test_cited_items_equal_the_template_loops():
    """The index page's "Documents cited" and "Cited by" lines print what the template loops printed."""
    from build_tools.render import _ENV, _cite_label, cited_by_items, cited_items

    cited_loop = _ENV.from_string(
        "{% for target, href, external, places in cited %}\n<li>{% if href %}<a class=\"cite {{ 'external' if "
        "external else 'internal' }}\" href=\"{{ href }}\"{% if external %} rel=\"noopener\"{% endif %}>{{ target }}"
        "</a>{% else %}{{ target }}{% endif %}: {% for block_id, where in places %}<a href=\"{{ where }}\">{{ cite_label("
        "block_id) }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</li>\n{% endfor %}"
    )
    cited_by_loop = _ENV.from_string(
        "{% for symbol, block_id, where in cited_by %}\n<li><a href=\"{{ where }}\">{{ symbol }}, {{ cite_label("
        "block_id) }}</a></li>\n{% endfor %}"
    )
    nasty = NASTY + ["para-12", "para-para-1", "A/70/357", "../A/70/357/III/#para-12"]
    rng = random.Random(71)
    for n in range(300):
        cited = [
            (rng.choice(nasty), rng.choice([None, "", *nasty]), rng.random() < 0.5,
             [(rng.choice(nasty), rng.choice(nasty)) for _ in range(rng.randint(0, 3))])
            for _ in range(n % 4)
        ]
        cited_by = [tuple(rng.choice(nasty) for _ in range(3)) for _ in range(n % 5)]
        assert cited_items(cited) + ("\n" if cited else "") == cited_loop.render(cited=cited, cite_label=_cite_label), cited
        assert cited_by_items(cited_by) + ("\n" if cited_by else "") == cited_by_loop.render(cited_by=cited_by, cite_label=_cite_label)


def test_json_string_equals_json_escaper():
    """indented_json._string takes two shortcuts (the ASCII escaper, printable text as is):
    every character class on both sides of them gives json's own text."""
    from json.encoder import encode_basestring

    from build_tools.indented_json import _string

    singles = [chr(c) for c in range(0x250)] + ["\u2028", "\u2029", "\ud800", "\U0001f600", "\u00ad", "\ufeff"]
    rng = random.Random(23)
    pieces = singles + ["UN", " ", "é", "’", '"', "\\", "\x7f", "\n"]
    texts = singles + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(5000)]
    for text in texts:
        assert _string(text) == encode_basestring(text), repr(text)


@pytest.mark.parametrize(
    "obj",
    [
        {"a": "ascii", "b": "é", "c": "\x7f", "d": "x\x7fé", "e": '"q"', "f": "\\", "g": "\u00a0", "h": 1, "i": None},
        [{"type": "p", "text": "x"}, {"type": "p", "text": "y", "refs": [{"k": "é"}]}, {"text": "z", "type": "p"}],
        {"k\x7f": "v", "é": {"é": "é"}, "": ""},
    ],
)
def test_dumps_indented_dict_shortcuts(obj):
    """Dicts of mixed strings (the ASCII escaper for some values, _string for others), keys in
    other orders with the same names (the cached key heads are per key order), odd keys."""
    import json

    from build_tools.indented_json import dumps_indented

    for indent in (0, 1, 3):
        assert dumps_indented(obj, indent=indent) == json.dumps(obj, ensure_ascii=False, indent=indent)


def test_dumps_indented_block_shape():
    """Dicts with data.json's block keys take an f-string; odd value types must still come out
    as json writes them (the f-string declines them)."""
    import json

    from build_tools.indented_json import dumps_indented

    usual = {"type": "paragraph", "id": "para-1", "number": "1", "level": 0, "text": "Text “é” \"q\" \x7f\n", "page": 3, "section": "I"}
    odd_values = [
        ("number", None), ("page", None), ("level", True), ("level", None), ("level", 1.5), ("page", False),
        ("page", 2.0), ("text", _Str("sub")), ("type", None), ("id", 7), ("section", ["I"]), ("number", 12),
        ("text", "\u2028 ascii? no"), ("text", ""), ("id", 'q"uote'), ("level", _Int(2)),
    ]
    cases = [usual] + [{**usual, key: value} for key, value in odd_values]
    cases.append(dict(reversed(list(usual.items()))))  # same keys, other order
    for case in cases:
        for obj in (case, [case, {"body": [case]}]):
            for indent in (0, 1, 2):
                assert dumps_indented(obj, indent=indent) == json.dumps(obj, ensure_ascii=False, indent=indent), (obj, indent)


def test_citation_index_rows_equal_the_template_loop():
    """The site's citations index prints the rows its template loop printed."""
    from markupsafe import Markup

    from build_tools.render import _ENV, citation_index_rows

    old = _ENV.from_string(
        "<tbody>\n{% for target, href, external, citing in rows %}\n<tr><td>{% if href %}<a class=\"cite {{ "
        "'external' if external else 'internal' }}\" href=\"{{ href }}\"{% if external %} rel=\"noopener\"{% endif "
        "%}>{{ target }}</a>{% else %}{{ target }}{% endif %}</td><td>{{ citing }}</td></tr>\n{% endfor %}\n</tbody>"
    )
    new = _ENV.from_string("<tbody>\n{{ rows }}</tbody>")
    rng = random.Random(73)
    for n in range(300):
        rows = [
            (rng.choice(NASTY), rng.choice([None, "", *NASTY]), rng.random() < 0.5, Markup(rng.choice(["", "<a>x</a>; y"])))
            for _ in range(n % 5)
        ]
        assert new.render(rows=citation_index_rows(rows)) == old.render(rows=rows), rows


def test_glossary_rows_equal_the_template_loops():
    """A report's glossary and the site's glossary print the rows their template loops printed."""
    from build_tools.acronyms import Acronym
    from build_tools.reader_pages import glossary_rows, site_glossary_rows
    from build_tools.render import _ENV

    report_loop = _ENV.from_string(
        "<tbody>\n{% for a, href, label in rows %}\n<tr id=\"acronym-{{ a.acronym }}\"><td><abbr title=\"{{ "
        "a.expansion }}\">{{ a.acronym }}</abbr></td><td>{{ a.expansion }}</td><td><a href=\"{{ href }}\">{{ label "
        "}}</a></td></tr>\n{% endfor %}\n</tbody>"
    )
    site_loop = _ENV.from_string(
        "<tbody>\n{% for acronym, expansion, links in rows %}\n<tr><td><abbr title=\"{{ expansion }}\">{{ acronym "
        "}}</abbr></td><td>{{ expansion }}</td><td>{% for label, href in links %}<a href=\"{{ href }}\">{{ label "
        "}}</a>{% if not loop.last %}, {% endif %}{% endfor %}</td></tr>\n{% endfor %}\n</tbody>"
    )
    new = _ENV.from_string("<tbody>\n{{ rows }}</tbody>")
    rng = random.Random(79)
    for n in range(300):
        rows = [(Acronym(rng.choice(NASTY), rng.choice(NASTY), "para-1"), rng.choice(NASTY), rng.choice(NASTY))
                for _ in range(n % 4)]
        assert new.render(rows=glossary_rows(rows)) == report_loop.render(rows=rows), rows
        site = [(rng.choice(NASTY), rng.choice(NASTY), [(rng.choice(NASTY), rng.choice(NASTY)) for _ in range(rng.randint(0, 3))])
                for _ in range(n % 4)]
        assert new.render(rows=site_glossary_rows(site)) == site_loop.render(rows=site), site


# qa.md.j2 as it was before the page became render.qa_markdown.
_OLD_QA = """---
title: {{ ("Text quality of " ~ report.meta.symbol) | yaml }}
report: {{ report.meta.symbol | yaml }}
---

{{ header }}
# Text quality of {{ report.meta.symbol | md }} {#qa}

How the text of this report was cleaned from its OCR source <code>{{ report.source | md }}</code>, and what an editor should check.

<table class="qa-summary">
<tr><th>Paragraphs</th><td>{{ report.paragraphs() | length }}</td></tr>
<tr><th>Missing paragraph numbers</th><td>{{ qa.paragraph_gaps | join(", ") or "none" }}</td></tr>
<tr><th>Repeated paragraph numbers (kept as text)</th><td>{{ qa.paragraph_duplicates | join(", ") or "none" }}</td></tr>
<tr><th>Gaps in section letters</th><td>{{ qa.section_gaps | join(", ") or "none" }}</td></tr>
<tr><th>Corrections applied</th><td>{{ qa.corrections | length }}</td></tr>
<tr><th>Errata applied</th><td>{{ report.errata | length }}</td></tr>
<tr><th>Lines dropped as page furniture</th><td>{{ qa.dropped | length }}</td></tr>
<tr><th>Warnings</th><td>{{ qa.warnings | length }}</td></tr>
<tr><th>Suspicious tokens left</th><td>{{ qa.suspicious | length }}</td></tr>
</table>

## Warnings {#warnings}

{% if qa.warnings %}
<ul class="qa-warnings">
{% for w in qa.warnings %}
<li>{{ w }}</li>
{% endfor %}
</ul>
{% else %}
None.
{% endif %}

## Suspicious tokens {#suspicious}

Words that still look like OCR damage after cleaning; an erratum can fix them.

{% if qa.suspicious %}
<ul class="qa-suspicious">
{% for t in qa.suspicious %}
<li><code>{{ t }}</code></li>
{% endfor %}
</ul>
{% else %}
None.
{% endif %}

## Errata {#errata}

{% if report.errata %}
<table class="qa-errata"><thead><tr><th>Where</th><th>Original</th><th>Corrected</th><th>Note</th></tr></thead><tbody>
{% for e in report.errata %}
<tr><td><code>{{ e.block_id }}</code></td><td><code>{{ e.find }}</code></td><td><code>{{ e.replace }}</code></td><td>{{ e.note }}</td></tr>
{% endfor %}
</tbody></table>
{% else %}
None.
{% endif %}

## Corrections {#corrections}

{% if qa.corrections %}
<table class="qa-corrections"><thead><tr><th>Where</th><th>Rule</th><th>Original</th><th>Corrected</th></tr></thead><tbody>
{{ correction_rows }}
</tbody></table>
{% else %}
None.
{% endif %}

## Dropped lines {#dropped}

{% if qa.dropped %}
<table class="qa-dropped"><thead><tr><th>Line</th><th>Rule</th><th>Text</th></tr></thead><tbody>
{{ dropped_rows }}
</tbody></table>
{% else %}
None.
{% endif %}
"""


def test_qa_markdown_equals_its_old_template():
    from markupsafe import Markup

    from build_tools.models import Correction, DroppedLine, Erratum, Metadata, QAReport
    from build_tools.render import _ENV, _qa_rows, qa_markdown

    old = _ENV.from_string(_OLD_QA)
    rng = random.Random(83)
    for n in range(200):
        pick = lambda: tuple(rng.choice(NASTY) for _ in range(rng.randint(0, 3)))
        qa = QAReport(
            dropped=tuple(DroppedLine(rng.randint(1, 99), rng.choice(NASTY), rng.choice(NASTY)) for _ in range(n % 3)),
            corrections=tuple(Correction(*(rng.choice(NASTY) for _ in range(4))) for _ in range(n % 4)),
            warnings=pick(), paragraph_gaps=pick(), paragraph_duplicates=pick(), section_gaps=pick(), suspicious=pick(),
        )
        errata = tuple(Erratum(*(rng.choice(NASTY) for _ in range(3)), 1, rng.choice([None, *NASTY])) for _ in range(n % 3))
        symbol = rng.choice(["A/70/357", "<S/1&2>", "é’"])
        paragraphs = [None] * (n % 5)
        report = type("R", (), {"meta": Metadata(symbol, (symbol,)), "source": rng.choice(NASTY), "qa": qa,
                                "errata": errata, "paragraphs": lambda self: paragraphs})()
        header = Markup(rng.choice(["", "<header>\n</header>\n"]))
        expected = old.render(report=report, qa=qa, header=header, **_qa_rows(qa))
        assert qa_markdown(report, header, **_qa_rows(qa)) == expected, n



# report_index.md.j2 as it was before the page became render.index_markdown.
_OLD_INDEX = """---
title: {{ (report.meta.symbol ~ " " ~ report.meta.title) | e | yaml }}
report: {{ report.meta.symbol | yaml }}
---

{{ header }}
# {{ (report.meta.title or report.meta.symbol) | md }} {#report-title}

<dl class="report-meta">
<dt>Symbol</dt><dd>{{ report.meta.symbols | join(" – ") }}</dd>
{% if report.meta.date %}<dt>Date</dt><dd><time datetime="{{ report.meta.date }}">{{ report.meta.date | un_date }}</time></dd>{% endif %}
{% if report.meta.doc_type %}<dt>Type</dt><dd>{{ report.meta.doc_type }}</dd>{% endif %}
{% if report.meta.organs %}<dt>Organs</dt><dd>{{ report.meta.organs | join(", ") }}</dd>{% endif %}
{% if report.meta.sessions %}<dt>Session</dt><dd>{{ report.meta.sessions | join(", ") }}</dd>{% endif %}
{% for line in report.meta.agenda %}<dt>{% if loop.first %}Agenda{% endif %}</dt><dd{% if loop.first %} id="agenda"{% endif %}>{{ line }}{% if loop.first %}{% for fid, fn in front_refs.items() %}<sup class="fnref" id="{{ fid | replace('fn-', 'fnref-', 1) }}"><a href="#{{ fid }}">{{ fn.mark }}</a></sup>{% endfor %}{% endif %}</dd>
{% endfor %}
</dl>
{% if summary %}

## Summary {#summary}

{{ summary }}
{% endif %}
{% if toc %}

## Contents {#contents}

<ol class="report-toc">
{{ toc }}
</ol>
{% endif %}
{% if preamble %}

{{ preamble }}
{% endif %}
{{ footnotes }}
{%- if cited %}

## Documents cited {#documents-cited}

<ul class="documents-cited">
{{ cited }}
</ul>
{% endif %}
{% if cited_by %}

## Cited by {#cited-by}

<ul class="cited-by">
{{ cited_by }}
</ul>
{% endif %}
{% if first %}

<nav class="section-nav"><a class="next" rel="next" href="{{ first[1] }}">Start reading: {{ first[0].number ~ ". " if first[0].number }}{{ first[0].title }} →</a></nav>
{% endif %}
"""


def test_index_markdown_equals_its_old_template():
    from markupsafe import Markup

    from build_tools.models import Footnote, Metadata, Section
    from build_tools.render import _ENV, index_markdown

    old = _ENV.from_string(_OLD_INDEX)
    rng = random.Random(89)
    html = lambda: Markup(rng.choice(["", "<p>x</p>", "<li>a</li>\n<li>b</li>"]))
    pick = lambda: tuple(rng.choice(NASTY) for _ in range(rng.randint(0, 3)))
    for n in range(300):
        symbol = rng.choice(["A/70/357", "<S/1&2>", "é’"])
        meta = Metadata(symbol, (symbol, *pick()), rng.choice([None, "", "2015-09-02", "<d>"]),
                        rng.choice(NASTY), rng.choice(NASTY), pick(), pick(), pick())
        report = type("R", (), {"meta": meta})()
        front_refs = {f"fn-{m}": Footnote(f"fn-{m}", m, "text") for m in pick()}
        first = rng.choice([None, (Section("I", rng.choice([None, "", "I", "<&>"]), rng.choice(NASTY), "sec-I"), rng.choice(NASTY))])
        parts = {k: html() for k in ("header", "summary", "preamble", "toc", "footnotes", "cited", "cited_by")}
        expected = old.render(report=report, front_refs=front_refs, first=first, **parts)
        assert index_markdown(report, front_refs=front_refs, first=first, **parts) == expected, n


def _reference_combined(span_lists):
    """combine_linkers' result as first written: each span against every kept one."""
    kept = []
    for spans in span_lists:
        for span in spans:
            if not any(span.start < k.end and k.start < span.end for k in kept):
                kept.append(span)
    return kept


def _linker_of(spans):
    return lambda block, page_dir: spans


@pytest.mark.parametrize("seed", range(300))
def test_combined_linkers_keep_what_the_pairwise_test_kept(seed):
    """combine_linkers finds an overlap by bisecting the kept spans (a paragraph of 13,000
    citations took 3.5 s pairwise); the spans kept, and their order, are the same."""
    from build_tools.inline import Span
    from build_tools.render import combine_linkers

    rng = random.Random(seed)
    size = rng.choice([5, 40, 400])
    lists = []
    for _ in range(rng.randint(2, 3)):
        spans = []
        for _ in range(rng.randint(0, size // 2)):
            start = rng.randrange(size)
            spans.append(Span(start, start + rng.randint(1, 12), f"<a{start}>", "</a>"))
        lists.append(spans)
    linker = combine_linkers(*map(_linker_of, lists))
    assert linker(None, "") == _reference_combined(lists)
