"""Figures, tables and boxes set in a report's text: "Figure I" / its title / a chart's labels."""

import inspect

import pytest

from build_tools.pipeline import convert_text
from build_tools.sitegen import render_corpus

MASTHEAD = ("United Nations\n\nA/99/400\n\nGeneral Assembly\n\nDistr.: General\n1 August 2099\n\n"
            "Report of the Secretary-General\n\n")
BODY = (
    "I. Introduction\n"
    "1. As at 30 June 2099, 196 States had ratified the Convention. The number of\n"
    "ratifications is shown in figure I.\n"
    "Figure I\n"
    "Ratifications of the Optional Protocols, 2090-2099\n"
    "(Number of States)\n"
    "200\n150\n100\n50\n0\n2090\n2093\n2096\n2099\n"
    "Optional Protocol on the involvement of children in armed conflict\n"
    "Source: Office of Legal Affairs.\n"
    "II. Developments\n"
    "2. Violence against children remained widespread. In some countries, more than\n"
    "half of all children experienced violent discipline at home.\n"
    "Box 1\n"
    "Ending violence in schools\n"
    "In 2098, the Safe Schools initiative reached 12 million children in 40 countries.\n"
    "The initiative trained teachers and strengthened reporting mechanisms.\n"
    "3. The Special Representative continued to advocate for the prohibition of all\n"
    "forms of violence against children.\n"
    "Table 1: Contributions by region\n"
    "Region\nWomen\nMen\nTotal\nAfrica\n12\n14\n26\nAsia\n10\n5\n15\nEurope\n3\n4\n7\n"
    "4. The figures in table 1 show a rise.\n"
)


def blocks(text):
    report = convert_text(MASTHEAD + text, "A_99_400.txt")
    return report, [(b.type, b.id, b.text) for b in report.body]


@pytest.mark.parametrize("blank", [False, True], ids=["no blank lines", "blank lines"])
def test_a_figure_or_a_box_is_a_heading_of_its_own_not_the_paragraphs_tail(blank):
    """Under "… shown in figure I." the caption, its title and its unit line are a heading named
    by the figure's number ("figure-I"), the chart's labels text under it; a box the same; the
    next paragraph's number goes on. (They were the paragraph's last words.)"""
    text = BODY.replace("figure I.\n", "figure I.\n\n").replace("home.\n", "home.\n\n") if blank else BODY
    report, got = blocks(text)
    heads = [(i, t) for kind, i, t in got if kind == "heading"]
    assert heads == [
        ("sec-I", "Introduction"),
        ("figure-I", "Figure I — Ratifications of the Optional Protocols, 2090-2099 (Number of States)"),
        ("sec-II", "Developments"), ("box-1", "Box 1 — Ending violence in schools"),
        ("table-1", "Table 1 — Contributions by region"),
    ]
    paras = {i: t for kind, i, t in got if kind == "paragraph"}
    assert paras["para-1"].endswith("shown in figure I.") and paras["para-2"].endswith("at home.")
    assert list(paras) == ["para-1", "para-2", "para-3", "para-4"]
    texts = [t for kind, _, t in got if kind == "text"]
    assert texts[0].startswith("200 150 100") and texts[0].endswith("armed conflict")
    assert texts[1] == "Source: Office of Legal Affairs."  # a text block of its own
    assert texts[2].startswith("In 2098, the Safe Schools")


@pytest.mark.parametrize("blank", [False, True], ids=["no blank lines", "blank lines"])
def test_a_charts_labels_before_its_caption_go_under_it(blank):
    """pdftotext may give a chart's labels before its caption: they were the paragraph's last
    words ("… in figure I below. 0 500 1 000 …"). Now the caption heads them, as where they
    come after it; the page shows them as the chart's."""
    text = ("I. Introduction\n1. The number of patrols increased during the period under review, as\n"
            "shown in figure I below.\n0\n500\n1 000\n1 500\n2016\n2017\nFigure I\n"
            "Patrols conducted by the Mission, 2016-2017\n"
            "2. The security situation remained calm but fragile throughout the period.\n")
    if blank:
        text = text.replace("below.\n", "below.\n\n").replace("2017\nFigure", "2017\n\nFigure")
    report, got = blocks(text)
    assert got[1:] == [
        ("paragraph", "para-1", "The number of patrols increased during the period under review, as shown "
                                "in figure I below."),
        ("heading", "figure-I", "Figure I — Patrols conducted by the Mission, 2016-2017"),
        ("text", "I-text-1", "0 500 1 000 1 500 2016 2017"),
        ("paragraph", "para-2", "The security situation remained calm but fragile throughout the period."),
    ]
    page = render_corpus([report])["A/99/400/I/index.md"]
    assert page.index("{#figure-I}") < page.index('id="I-text-1"') < page.index('id="para-2"')
    assert 'class="para text chart-labels"' in page  # a small chart's labels too (9 words, all figures)


def test_prose_under_a_charts_caption_is_no_chart_labels():
    """Under "Figure I" (an image, no labels in the text layer) unnumbered prose with a year or
    two in it stays prose: fewer than half its words are figures."""
    report, got = blocks("I. Introduction\n1. The number rose, as shown in figure I.\nFigure I\nPatrols, 2016-2017\n\n"
                         "In 2016, 1,200 patrols were conducted.\n")
    assert got[-1][0] == "text"
    assert "chart-labels" not in render_corpus([report])["A/99/400/I/index.md"]


def test_short_prose_lines_before_a_caption_word_are_no_chart_labels():
    """A narrow column's prose lines over "Figure 2" (no figures among them) stay prose."""
    _, got = blocks("I. Introduction\n1. The data are set out\nbelow, and the rise\nin the last year\n"
                    "is as follows\nFigure 2\nshows the rise.\n")
    assert [kind for kind, *_ in got] == ["heading", "paragraph"]


def test_a_caption_word_inside_a_sentence_is_text():
    """ "Table 1" / "Figure 2" lines that go on a sentence, or are one, stay in the paragraph."""
    _, got = blocks("I. Introduction\n1. The totals are set out in\nTable 1 of the annex.\n"
                    "2. The data are shown below, as\nFigure 2\nshows the rise.\n")
    assert [kind for kind, *_ in got] == ["heading", "paragraph", "paragraph"]


def test_a_charts_labels_say_the_chart_is_not_shown():
    """The page says what the text under a figure's caption is and links the official PDF; a
    table's caption keeps the table note."""
    report, _ = blocks(BODY)
    pages = render_corpus([report])
    one = pages["A/99/400/I/index.md"]
    assert "{#figure-I}" in one and "A chart: the text layer has only its labels and figures" in one
    assert 'class="para text chart-labels"' in one
    two = pages["A/99/400/II/index.md"]
    assert "{#box-1 " in two and "A chart" not in two


def test_a_boxs_caption_and_text_are_set_apart_until_the_next_paragraph():
    report, _ = blocks(BODY)
    two = render_corpus([report])["A/99/400/II/index.md"]
    assert "{#box-1 .box-title}" in two
    assert '<p class="para text box-text" id="II-text-1"' in two
    assert two.count("box-text") == 1  # paragraph 3 after it is the report's text again


@pytest.mark.parametrize("title, heading", [
    ("Ratifications of the Optional Protocols by region, 2090-2099\n",
     "Figure I — Ratifications of the Optional Protocols by region, 2090-2099"),
    ("Ratifications of the Optional Protocols by region and by the\nkind of instrument, 2090-2099\n"
     "(Number of States)\n",
     "Figure I — Ratifications of the Optional Protocols by region and by the kind of instrument, 2090-2099 "
     "(Number of States)"),
    ("", "Figure I"),
])
def test_a_captions_title_takes_its_wrapped_lines_and_no_figure(title, heading):
    """A long title (it looks wrapped) does not take the chart's first figure ("200"); a title
    wrapped after "the" takes its second line; a caption without a title has none. What follows
    is text under it, never a sub-heading (three short lines before "2." were one)."""
    _, got = blocks("I. Intro\n1. The ratifications are shown in figure I.\nFigure I\n" + title
                    + "200\n150\nAfrica\n2. More text.\n")
    assert got[2:4] == [("heading", "figure-I", heading), ("text", "I-text-1", "200 150 Africa")]


def test_a_caption_straight_under_an_annex_heading_is_not_its_title():
    """ "Annex I" / "Table 1" / "Troop strength by country", no blank line: the annex has no
    title of its own, the table its caption (the annex was "Annex I — Table 1")."""
    _, got = blocks("I. Intro\n1. Text of the report.\n\nAnnex I\nTable 1\nTroop strength by country\n"
                    "Country\nTroops\nArgentina\n5\nBenin\n6\nChad\n7\n")
    assert got[2:4] == [("heading", "annex-I", "Annex I"),
                        ("heading", "annex-I-table-1", "Table 1 — Troop strength by country")]


def test_the_segmenters_caption_initials_are_the_caption_kinds():
    """blocks._group_end tests a line's first letter against the literal "FTBCGM" (a constant in
    its loop): it must stay the initials of models.CAPTION_KINDS."""
    from build_tools import blocks

    assert blocks._CAPTION_INITIALS == "FTBCGM"
    assert '"FTBCGM"' in inspect.getsource(blocks._Segmenter._group_end)
