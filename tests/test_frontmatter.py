"""Masthead reading on the six published reports (three layouts, 1996-2018)."""

import pytest

from build_tools.frontmatter import iso_date

from conftest import SHARED, SOURCE

# symbol -> (symbols, date, organs, sessions, first agenda line, title start)
EXPECTED = {
    "A/51/695": (("A/51/695", "S/1996/998"), "1996-11-26", ("General Assembly", "Security Council"),
                 ("Fifty-first session", "Fifty-first year"), "Agenda item 40", "United Nations Mission for the Verification"),
    "A/62/627": (("A/62/627",), "2007-12-28", ("General Assembly",), ("Sixty-second session",), "Agenda item 34",
                 "Implementation of the recommendations of the Special Committee"),
    "A/70/357": (("A/70/357", "S/2015/682"), "2015-09-02", ("General Assembly", "Security Council"),
                 ("Seventieth session", "Seventieth year"), "Items 56, 57 and 123 of the provisional agenda",
                 "The future of United Nations peace operations"),
    "S/1999/779": (("S/1999/779",), "1999-07-12", ("Security Council",), (), None,
                   "Report of the Secretary-General on the United Nations Interim Administration Mission in Kosovo"),
    "S/2006/592": (("S/2006/592",), "2006-07-28", ("Security Council",), (), None,
                   "Report of the Secretary-General on the United Nations Stabilization Mission in Haiti"),
    "S/2018/241": (("S/2018/241",), "2018-03-20", ("Security Council",), (), None,
                   "Report of the Secretary-General on the United Nations Mission for Justice Support in Haiti"),
}


@pytest.mark.parametrize("symbol", sorted(EXPECTED))
def test_masthead(reports, symbol):
    symbols, date, organs, sessions, agenda, title = EXPECTED[symbol]
    meta = reports[symbol].meta
    assert (meta.symbols, meta.date, meta.organs, meta.sessions) == (symbols, date, organs, sessions)
    assert (meta.agenda[0] if meta.agenda else None) == agenda
    assert meta.title.startswith(title)
    assert meta.doc_type == "Report of the Secretary-General"  # recased in 1990s mastheads like the title
    assert meta.language == "English"


def test_agenda_item_title_in_an_unbroken_1990s_masthead(reports):
    assert reports["A/51/695"].meta.agenda[1].startswith("The situation in Central America: procedures for")


@pytest.mark.parametrize(
    "text,iso",
    [("2 September 2015", "2015-09-02"), ("Distr.: General 28 December 2007", "2007-12-28"), ("31 February 2015", None),
     ("no date", None),
     # abbreviated months, with or without their full stop
     ("20 Mar. 2018", "2018-03-20"), ("1 Jan 2020", "2020-01-01"), ("20 Sept. 2005", "2005-09-20"),
     ("7 Sep 2005", "2005-09-07"), ("3 Dec. 1999", "1999-12-03"), ("3 Ma 1999", None)],
)
def test_iso_date(text, iso):
    assert iso_date(text) == iso


# -- front text that is no metadata, titles without "Report of the Secretary-General" ------
# Synthetic reports in the layouts the reviewer found (a letter of transmittal with the report
# annexed, a note transmitting a report, corrigenda and addenda, reports of other bodies).

HEAD = "United Nations\n\n{symbol}\n\n{organ}\n\nDistr.: General\n5 June 2099\nOriginal: English\n\n"


def _convert(symbol: str, text: str, organ: str = "Security Council"):
    from build_tools.pipeline import convert_text

    return convert_text(HEAD.format(symbol=symbol, organ=organ) + text, symbol.replace("/", "_") + ".txt")


def _front(report) -> list[tuple[str, str]]:
    return [(b.id, b.text) for b in report.body if b.id.startswith("front-text-")]


LETTER = """Letter dated 5 June 2099 from the Secretary-General addressed to
the President of the Security Council
I have the honour to transmit herewith the report of the Independent
Panel on the Review of the Mission in Testland, which I established pursuant to
resolution 2190 (2098) (see annex).
I should be grateful if you would bring the present letter and its annex to
the attention of the members of the Security Council.
(Signed) BAN Ki-moon

99-09123 (E) 080699

*9909123*

S/2099/421

Annex
Report of the Independent Panel on the Review of the United
Nations Mission in Testland
I. Introduction
1.
The Panel visited the capital from 2 to 14 April 2099.
"""


def test_a_letter_of_transmittal_is_kept_and_its_wrapped_title_read_whole():
    report = _convert("S/2099/421", LETTER)
    letter = "Letter dated 5 June 2099 from the Secretary-General addressed to the President of the Security Council"
    assert (report.meta.doc_type, report.meta.title) == (letter, letter)
    assert _front(report) == [
        ("front-text-1", "I have the honour to transmit herewith the report of the Independent Panel on the Review of "
                         "the Mission in Testland, which I established pursuant to resolution 2190 (2098) (see annex)."),
        ("front-text-2", "I should be grateful if you would bring the present letter and its annex to the attention "
                         "of the members of the Security Council."),
        ("front-text-3", "(Signed) BAN Ki-moon"),
    ]
    # "Annex" and the annexed report's title: one heading, as an annex's; the numbered text is
    # that annex (its paragraphs stay para-N: "S/2099/421, annex, para. 1" lands on para-1).
    heading = report.body[3]
    assert (heading.type, heading.text, heading.page) == (
        "heading", "Annex — Report of the Independent Panel on the Review of the United Nations Mission in Testland", 2
    )
    assert [b.page for b in report.body[:3]] == [1, 1, 1]
    assert report.body[4].id == "sec-I" and report.meta.symbols == ("S/2099/421",)
    assert report.meta.body_annex == "" and report.block("para-1").section == "I"
    numbered = _convert("S/2099/421", LETTER.replace("\nAnnex\n", "\nAnnex I\n"))
    assert numbered.meta.body_annex == "I" and numbered.body[3].text.startswith("Annex I — Report of")


def test_an_annex_that_opens_with_text_keeps_it_as_text_under_its_label():
    """Only a title-like run joins "Annex" in its heading; a paragraph stays front text."""
    text = LETTER.replace(
        "Report of the Independent Panel on the Review of the United\nNations Mission in Testland\n",
        "The Panel was established by the Secretary-General and visited the capital.\n",
    )
    report = _convert("S/2099/421", text)
    assert [(b.type, b.text[:20]) for b in report.body[3:6]] == [
        ("heading", "Annex"), ("text", "The Panel was establ"), ("heading", "Introduction"),
    ]
    assert report.meta.body_annex == ""


def test_a_report_of_its_own_has_no_body_annex():
    assert _convert("S/2099/421", LETTER.replace("\nAnnex\n", "\n")).meta.body_annex is None


NOTE = """Ninety-ninth session
Item 70 of the provisional agenda

Situation of human rights in Testland
Note by the Secretary-General
The Secretary-General has the honour to transmit to the General Assembly the
report of the Special Rapporteur on the situation of human rights in Testland.

Report of the Special Rapporteur on the situation of human
rights in Testland
Summary
In the present report, the Special Rapporteur describes the situation.
I. Introduction
1.
The Special Rapporteur visited Testland from 2 to 9 May 2099.
"""


def test_a_note_by_the_secretary_general_keeps_its_text_and_the_transmitted_reports_title():
    report = _convert("A/99/300", NOTE, "General Assembly")
    assert (report.meta.doc_type, report.meta.title) == ("Note by the Secretary-General", "Situation of human rights in Testland")
    assert report.meta.agenda == ("Item 70 of the provisional agenda",)
    assert [t for _, t in _front(report)] == [
        "The Secretary-General has the honour to transmit to the General Assembly the report of the Special "
        "Rapporteur on the situation of human rights in Testland.",
        "Report of the Special Rapporteur on the situation of human rights in Testland",
    ]
    assert [b.id for b in report.summary] == ["summary-1"]


def test_the_index_page_shows_the_front_text_before_the_summary_in_the_documents_order():
    from build_tools.sitegen import render_corpus

    page = render_corpus([_convert("A/99/300", NOTE, "General Assembly")])["A/99/300/index.md"]
    assert page.index('id="front-text-1"') < page.index('id="front-text-2"') < page.index("## Summary")


@pytest.mark.parametrize(
    "symbol,words",
    [("A/99/71/Corr.1", ["Corrigendum"]), ("A/99/72/Add.1", ["Addendum", "Matrix of implementation"])],
)
def test_corrigendum_and_addendum_lines_are_kept(symbol, words):
    text = f"""Ninety-ninth session
Agenda item 56

Implementation of the recommendations of the Special Committee
Report of the Secretary-General
{chr(10).join(words)}
1.
The present document concerns the report of the Secretary-General.
"""
    report = _convert(symbol, text, "General Assembly")
    assert report.meta.title == "Implementation of the recommendations of the Special Committee"
    assert report.meta.agenda == ("Agenda item 56",)
    assert [t for _, t in _front(report)] == words


@pytest.mark.parametrize(
    "title,first",
    [("Report of the Joint Inspection Unit for 2098", "I. Introduction"),
     ("Proposed programme budget for 2099", "1. Introduction")],
)
def test_the_title_without_a_report_of_the_secretary_general_line(title, first):
    report = _convert("A/99/4", f"{title}\n{first}\n1.1\nThe present section covers the programme of work.\n1.\nText.\n",
                      "General Assembly")
    assert report.meta.title == title
    assert title not in [t for _, t in _front(report)]


def test_the_title_without_a_doc_type_line_comes_after_the_agenda_item_titles():
    text = """Ninety-ninth session
Items 56 and 57 of the provisional agenda

Comprehensive review of special political missions

Strengthening of the United Nations system

Proposed programme budget for 2099
Chapter I
1.
Text.
"""
    report = _convert("A/99/5", text, "General Assembly")
    assert report.meta.agenda == ("Items 56 and 57 of the provisional agenda",
                                  "Comprehensive review of special political missions",
                                  "Strengthening of the United Nations system")
    assert report.meta.title == "Proposed programme budget for 2099"
    assert [t for _, t in _front(report)] == []  # "Chapter I" is the first section (test_blocks.py)
    assert [(s.key, s.title) for s in report.sections] == [("I", "Chapter I")] and not report.qa.warnings


@pytest.mark.parametrize("agenda_title", ["", "Financing of the peacekeeping operations\n"])
def test_the_title_under_an_agenda_item_printed_without_its_title(agenda_title):
    """ "Agenda item 140" printed without its item's title, then a blank line and the report's
    title (no "Report of the Secretary-General" line): the title, not the agenda item's (the page
    had no title); with the item's title under the agenda line, each is read as before."""
    text = (f"Seventy-third session\nAgenda item 140\n{agenda_title}\n"
            "Report of the Board of Auditors on the United Nations peacekeeping operations\n\n"
            "I. Introduction\n\n1. Text.\n")
    report = _convert("A/73/5", text, "General Assembly")
    assert report.meta.title == "Report of the Board of Auditors on the United Nations peacekeeping operations"
    assert report.meta.agenda == ("Agenda item 140",) + ((agenda_title.strip(),) if agenda_title else ())


@pytest.mark.parametrize("title", ["", "Situation of human rights in Yemen\n\n"])
def test_two_agenda_items_keep_both_titles_over_a_report_titled_by_its_type(title):
    """ "Agenda items 2 and 3" with two item titles, then "Report of the United Nations High
    Commissioner for Human Rights" and no title of its own: the second item's title stays the
    agenda's (it was taken for the report's title), the report is titled by its type; with a
    title of its own between them, each is read as before."""
    text = ("Human Rights Council\nFortieth session\nAgenda items 2 and 3\n"
            "Annual report of the United Nations High Commissioner\nfor Human Rights\n\n"
            "Promotion and protection of all human rights, civil,\npolitical, economic, social and cultural rights\n\n"
            f"{title}Report of the United Nations High Commissioner for Human Rights\n\n"
            "I. Introduction\n\n1. Text.\n")
    report = _convert("A/HRC/40/3", text, "General Assembly")
    assert report.meta.agenda == (
        "Agenda items 2 and 3", "Annual report of the United Nations High Commissioner for Human Rights",
        "Promotion and protection of all human rights, civil, political, economic, social and cultural rights")
    assert report.meta.title == (title.strip() or "Report of the United Nations High Commissioner for Human Rights")


def test_a_footnote_mark_on_the_document_type_line_is_the_types_note():
    """ "Report of the Special Rapporteur on … expression*" over "* The present report was
    submitted after the deadline.": the type is read without the mark (it kept the "*"), the
    note is referenced from the type (it was "referenced nowhere"), and the index page marks it
    on the Type row."""
    from build_tools.pipeline import convert_text
    from build_tools.sitegen import render_corpus

    text = ("A/HRC/41/35\n\nGeneral Assembly\n\nDistr.: General\n28 May 2019\n\nHuman Rights Council\n"
            "Forty-first session\nAgenda item 3\nPromotion and protection of all human rights\n\n"
            "Surveillance and human rights\n\nReport of the Special Rapporteur on the promotion and protection of the\n"
            "right to freedom of opinion and expression*\n\nSummary\nThe Special Rapporteur examines surveillance.\n\n"
            "* The present report was submitted after the deadline.\n\nI. Introduction\n1. Text.\n")
    report = convert_text(text, "A_HRC_41_35.txt")
    assert report.meta.doc_type.endswith("freedom of opinion and expression")
    assert [(f.id, f.referenced_from) for f in report.footnotes] == [("fn-star", ("type",))]
    assert not report.qa.warnings
    index = render_corpus([report])["A/HRC/41/35/index.md"]
    type_row = index.split("<dt>Type</dt>")[1].split("</dd>")[0]
    assert 'href="#fn-star"' in type_row and "submitted after the deadline" in index


def test_a_symbol_cited_in_the_body_is_no_symbol_of_the_report():
    text = """Report of the Secretary-General on the United Nations Mission in Testland
I. Introduction
1.
The present report is submitted pursuant to resolution 2500 (2098).² It covers
the period since my previous report, which was issued as document
S/2098/900.
2.
The humanitarian situation deteriorated further.

² See the letter dated 1 January 2099 from the Secretary-General, issued as
S/2099/3.
"""
    report = _convert("S/2099/18", text)
    assert report.meta.symbols == ("S/2099/18",)
    assert report.block("para-1").text.endswith("which was issued as document S/2098/900.")
    assert report.footnotes[0].text.endswith("issued as S/2099/3.")


@pytest.mark.parametrize("symbol", sorted(EXPECTED))
def test_the_real_mastheads_leave_no_front_text(reports, symbol):
    """Every masthead line of the six reports is read as metadata (none becomes front text)."""
    assert not [b for b in reports[symbol].body if b.id.startswith("front-text-")]


def test_a_geneva_mandate_holders_report_has_its_title_and_type():
    """The second probe: an HRC masthead whose agenda item has no title line of its own; the
    title and the "Report of the High Commissioner" line were both read as the agenda title."""
    text = """Human Rights Council
Fortieth session
25 February-22 March 2019
Agenda item 2

Situation of human rights in Haiti
Report of the United Nations High Commissioner for Human Rights

I. Introduction
1. Text.
"""
    report = _convert("A/HRC/40/13", text, "General Assembly")
    assert report.meta.title == "Situation of human rights in Haiti"
    assert report.meta.doc_type == "Report of the United Nations High Commissioner for Human Rights"
    assert report.meta.agenda == ("Agenda item 2",)


def test_a_rapporteurs_report_without_a_title_line_is_titled_by_its_type():
    text = """Sixty-first session
Item 11 (b) of the provisional agenda

Report of the Special Rapporteur

I. Introduction
1. Text.
"""
    report = _convert("E/CN.4/2005/8", text, "Economic and Social Council")
    assert (report.meta.title, report.meta.doc_type) == ("Report of the Special Rapporteur", "Report of the Special Rapporteur")


def test_commission_and_year_sessions_in_the_masthead():
    from build_tools.frontmatter import ORGANS, SESSION

    assert "Commission on Human Rights" in ORGANS
    assert SESSION.match("2019 session") and SESSION.match("Sixty-first session") and not SESSION.match("2019 was a session")


def test_a_budget_fascicle_is_its_section_symbol():
    """'A/99/6 (Sect. 3)' on the masthead is the fascicle's symbol (as undocs.org writes it),
    not the whole budget's A/99/6; its paragraphs are numbered 3.1, 3.2."""
    from build_tools.pipeline import convert_text

    text = ("A/99/6 (Sect. 3)\n\nGeneral Assembly\n\nDistr.: General\n20 April 2099\n\n"
            "Proposed programme budget for 2099\nOverall orientation\n3.1 The Department is responsible.\n"
            "3.2 It will go on.\n")
    report = convert_text(text, "budget.txt")
    assert report.meta.symbols == ("A/99/6(Sect.3)",)
    assert [p.id for p in report.paragraphs()] == ["para-3.1", "para-3.2"]


@pytest.mark.parametrize(("printed", "symbol"), [("A/99/5 (Vol. II)", "A/99/5(Vol.II)"),
                                                  ("A/99/6 (Introduction)", "A/99/6(Introduction)")])
def test_a_volume_or_the_budgets_introduction_is_its_own_symbol(printed, symbol):
    """The Board of Auditors' volumes and the budget's introduction are documents of their own:
    'A/99/5 (Vol. II)' on the masthead is A/99/5(Vol.II) (it was read from the file name)."""
    from build_tools.pipeline import convert_text

    text = (f"{printed}\n\nGeneral Assembly\n\nDistr.: General\n20 April 2099\n\n"
            "Financial report and audited financial statements\n\nI. Introduction\n\n1. Text.\n")
    assert convert_text(text, "volume.txt").meta.symbols == (symbol,)


def test_a_layout_mode_masthead_reads_its_side_by_side_columns():
    """pdftotext -layout sets 'Security Council' and the date on one line: the organ was lost
    and the line kept as front text."""
    from build_tools.pipeline import convert_text

    text = (" United Nations" + " " * 60 + "S/2099/81\n Security Council" + " " * 50 + "3 March 2099\n\n"
            + " " * 66 + "Original: English\n\n   Report of the Secretary-General on Somalia\n\n"
            "  I. Introduction\n     1.    The report covers developments.\n")
    report = convert_text(text, "S_2099_81.txt")
    assert report.meta.organs == ("Security Council",) and report.meta.date == "2099-03-03"
    assert report.meta.title == "Report of the Secretary-General on Somalia"
    assert not [b for b in report.body if b.id.startswith("front-text")]


def test_a_heading_over_the_first_paragraph_is_its_heading_not_front_text():
    """A report without numbered sections: 'Background' over paragraph 1 was front text on the
    index page, where 'Political developments' over paragraph 3 was a heading."""
    from build_tools.sitegen import render_corpus

    text = ("Report of the Secretary-General on Mali\n\nBackground\n\n1. The Mission worked.\n\n"
            "Political developments\n\n2. Two.\n")
    report = _convert("S/2099/19", text)
    assert [(b.type, b.id, b.text) for b in report.body] == [
        ("heading", "h-para-1", "Background"), ("paragraph", "para-1", "The Mission worked."),
        ("heading", "h-para-2", "Political developments"), ("paragraph", "para-2", "Two."),
    ]
    pages = render_corpus([report])
    page = next(md for path, md in pages.items() if 'id="para-1"' in md)
    assert page.index("Background") < page.index('id="para-1"') < page.index("Political developments")


@pytest.mark.parametrize(("line", "iso"), [
    ("2 Septernber 2015", "2015-09-02"), ("2 Septembcr 2015", "2015-09-02"), ("28 Ju1y 2006", "2006-07-28"),
    ("28 JuIy 2006", "2006-07-28"), ("28 July 2OO6", "2006-07-28"), ("l2 May 2006", "2006-05-12"),
    ("2S July 2006", None), ("28 Jnne 2006", None), ("2 Sept 2015", "2015-09-02"), ("12 items 2006", None),
    ("20March 2018", "2018-03-20"), ("20 March2018", "2018-03-20"), ("2018March 20", None),
    ("20 Marcli 2018", "2018-03-20"),  # "li" for "h", as the OCR of older documents reads it
])
def test_a_masthead_date_the_ocr_damaged(line, iso):
    """The OCR's letters for the digits 1 and 0 and small damage to the month's name are read;
    an "S" that could be 5 or 8, or a month two letters off, gives no date rather than a wrong one
    ("Sept" is no damage: an abbreviation, read as such)."""
    assert iso_date(line) == iso


@pytest.mark.parametrize(("old", "new"), [
    ("Security Council\n", "Security Counci1\n"), ("United Nations\n", "Uni ted Nations\n"),
    ("Distr.: General", "Distr.:\nGeneral"), ("20 March 2018", "20March 2018"),
    ("Original: English", "Original: EngIish"),
])
def test_masthead_fields_the_ocr_damaged_are_read_and_kept_out_of_the_text(old, new):
    """An organ with a 1 for its l, "United Nations" spaced apart, "General" under "Distr.:",
    a date that lost a space: each was left over as a paragraph of front text before the body
    (and the organ went unread)."""
    from pathlib import Path

    from build_tools.pipeline import convert_text

    text = (Path(__file__).resolve().parents[1] / "source_texts" / "S_2018_241.txt").read_text(encoding="utf-8")
    plain, damaged = (convert_text(t, "S_2018_241.txt") for t in (text, text.replace(old, new, 1)))
    assert damaged.meta.organs == plain.meta.organs == ("Security Council",)
    assert damaged.meta.date == plain.meta.date == "2018-03-20"
    assert damaged.meta.language == plain.meta.language == "English"  # not "Engiish"
    assert [b.id for b in damaged.body] == [b.id for b in plain.body]


@pytest.mark.parametrize(("old", "new"), [
    ("Items 56, 57", "ltems 56, 57"), ("Seventieth session", "Seventieth sesslon"),
    ("General Assembly \n", "GeneraI Assembly \n"),
    ("Report of the Secretary-General", "Report of the Secretary-GeneraI"),
])
def test_masthead_field_words_the_ocr_damaged_are_read(old, new):
    """The agenda line, the session, the organ and the document's type with a field word the OCR
    damaged ("ltems", "sesslon", "GeneraI", "Secretary-GeneraI") are those fields (the agenda,
    a session and the type were lost, the lines left as front text); a prose word is untouched."""
    from pathlib import Path

    from build_tools.pipeline import convert_text

    text = (Path(__file__).resolve().parents[1] / "source_texts" / "A_70_357.txt").read_text(encoding="utf-8")
    plain, damaged = (convert_text(t, "A_70_357.txt") for t in (text, text.replace(old, new, 1)))
    for field in ("agenda", "sessions", "organs", "doc_type", "title", "date"):
        assert getattr(damaged.meta, field) == getattr(plain.meta, field), field
    assert [b.text for b in damaged.blocks()] == [b.text for b in plain.blocks()]


HRC_MASTHEAD = """United Nations A/HRC/40/3

General Assembly

Human Rights Council
Fortieth session
25 February–22 March 2019
Agenda item 2

Distr.: General
18 January 2019

Original: English

Situation of human rights in Haiti

Report of the United Nations High Commissioner for Human Rights

I. Introduction

1. The report covers things.
"""


def test_a_sessions_dates_under_it_are_the_sessions_not_the_documents_date():
    """A Human Rights Council masthead prints the session's dates under it, here before the
    document's date: they are the session's ("Fortieth session, 25 February–22 March 2019"),
    not the date (was 22 March 2019) nor a line of front text."""
    from build_tools.pipeline import convert_text

    r = convert_text(HRC_MASTHEAD, "A_HRC_40_3.txt")
    assert r.meta.date == "2019-01-18"
    assert r.meta.sessions == ("Fortieth session, 25 February–22 March 2019",)
    assert [b.id for b in r.blocks()] == ["sec-I", "para-1"]


@pytest.mark.parametrize(("symbol", "mended"), [
    ("A/7O/357", "A/70/357"), ("S/2O15/682", "S/2015/682"), ("A/70/35l", "A/70/351"), ("A/C.5/69/l7", "A/C.5/69/17"),
    ("A/62/627/Add.1", "A/62/627/Add.1"), ("S/2006/592/Corr.1", "S/2006/592/Corr.1"),
    ("E/CN.4/2005/7", "E/CN.4/2005/7"),
    ("S/PRST/2014/5", "S/PRST/2014/5"),
])
def test_a_symbol_the_ocr_damaged_is_mended_segment_by_segment(symbol, mended):
    """Only a segment of digits and the OCR's letters for 0 and 1 is read as digits."""
    from build_tools.furniture import mend_symbol

    assert mend_symbol(symbol) == mended


def test_a_masthead_symbol_the_ocr_damaged_yields_to_the_running_headers():
    """A/70/357's masthead and one running header damaged ("S/2O15/682", "A/7O/357"): the
    report is A/70/357 and S/2015/682, no third symbol."""
    from build_tools.pipeline import convert_text

    text = (SOURCE / "A_70_357.txt").read_text(encoding="utf-8")
    text = text.replace("S/2015/682", "S/2O15/682", 1).replace("\nA/70/357", "\nA/7O/357", 1)
    assert convert_text(text, "003.txt").meta.symbols == ("A/70/357", "S/2015/682")


def test_the_masthead_title_goes_through_the_texts_word_rules():
    """ "Fligh-level" and "Operati ons" in the title are repaired as in the text, and the QA
    page lists them under "masthead"."""
    from build_tools.pipeline import convert_text

    text = (SOURCE / "A_70_357.txt").read_text(encoding="utf-8")
    text = text.replace("High-level \nIndependent", "Fligh-level \nIndependent", 1)
    text = text.replace("Peace Operations \n\nReport", "Peace Operati ons \n\nReport", 1)
    report = convert_text(text, "A_70_357.txt")
    assert report.meta.title.endswith("of the High-level Independent Panel on Peace Operations")
    assert [(c.block_id, c.rule, c.original) for c in report.qa.corrections if c.block_id == "masthead"] == [
        ("masthead", "spacing", "Operati ons"), ("masthead", "ocr-confusion", "Fligh"),
    ]


def _without_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


@pytest.mark.parametrize("name", [p.name for p in sorted(SOURCE.glob("*.txt"))])
def test_a_masthead_without_blank_lines_reads_as_with_them(name):
    """Text layers that drop blank lines: the masthead is cut where a line does not go on the
    one before, so agenda items, title and document type come out as with the blank lines
    (they ran together into one agenda item and one title)."""
    from build_tools.pipeline import convert_text
    from build_tools.sourcefile import normalise

    text = (SOURCE / name).read_text(encoding="utf-8")
    with_blanks = convert_text(normalise(text, name), name).meta
    fields = ("symbols", "date", "organs", "sessions", "agenda", "title", "doc_type")
    # Justified too: the body's long lines with their spaces doubled ("High-level  Independent").
    justified = "\n".join(line.replace(" ", "  ") if len(line) > 70 else line for line in text.split("\n"))
    for variant in (_without_blank_lines(text), _without_blank_lines(justified)):
        without = convert_text(normalise(variant, name), name).meta
        assert [getattr(without, f) for f in fields] == [getattr(with_blanks, f) for f in fields]


def test_a_front_of_prose_without_blank_lines_is_not_cut_into_a_title():
    """A front that is prose (the masthead lost) has no masthead fields: no title is made of
    its lines."""
    text = ("identified jointly with the Directorate of Prison Administration, which receive\n"
            "targeted support towards their certification as operating in accordance with minimum\n"
            "INTERNATIONAL STANDARDS WITHOUT THE NEED FOR INTERNATIONAL SUPPORT. THE REMAINING 15\n"
            "provide strategic advice to the senior leadership of the Directorate of Prison\n"
            "Administration.\n;\nof the national police discipline regulations.\n"
            "I. Introduction\n1. The present report covers the period.\n")
    from build_tools.pipeline import convert_text

    assert convert_text(text, "S_2018_241.txt").meta.title == ""


# Mastheads as pypdf gives them: the cells of one baseline joined by a space, no blank lines.
# (file, the original's first line after the masthead fields, the joined masthead)
JOINED_MASTHEADS = [
    ("A_70_357.txt", "Items 56, 57",
     "United Nations A/70/357–S/2015/682\nGeneral Assembly Security Council Distr.: General\n2 September 2015\n"
     "Original: English\nGeneral Assembly Seventieth session\nSecurity Council Seventieth year\n"),
    ("A_62_627.txt", "Agenda item 34", "United Nations A/62/627\nGeneral Assembly Distr.: General\n28 December 2007\n"
                                       "Original: English\nSixty-second session\n"),
    ("S_2006_592.txt", "Report of the Secretary-General on the United Nations\nStab",
     "United Nations S/2006/592\nSecurity Council Distr.: General\n28 July 2006\nOriginal: English\n"
     "06-44161 (E) 020806\n*0644161*\n"),
    ("A_51_695.txt", "GENERAL ASSEMBLY\nFifty-first",
     "UNITED NATIONS AS\nGeneral Assembly\nSecurity Council Distr. GENERAL\nA/51/695 S/1996/998\n26 November 1996\n"
     "ORIGINAL: ENGLISH\n"),
    ("S_1999_779.txt", "REPORT OF THE SECRETARY-GENERAL ON THE UNITED NATIONS\nINTERIM",
     "UNITED NATIONS S\nSecurity Council Distr. GENERAL\nS/1999/779\n12 July 1999\nORIGINAL: ENGLISH\n"),
]


@pytest.mark.parametrize("name,after,joined", JOINED_MASTHEADS, ids=[m[0] for m in JOINED_MASTHEADS])
def test_a_masthead_whose_fields_are_joined_on_a_line_reads_as_printed(name, after, joined):
    """"United Nations S/2018/241", "Security Council Distr.: General": each line is cut into
    its fields, so the metadata are the same and no masthead line is left as front text (they
    were front text, and the date was lost)."""
    from build_tools.pipeline import convert_text
    from build_tools.sourcefile import normalise

    text = (SOURCE / name).read_text(encoding="utf-8")
    variant = joined + text[text.index(after):]
    printed = convert_text(normalise(text, name), name)
    read = convert_text(normalise(variant, name), name)
    fields = ("symbols", "date", "organs", "sessions", "agenda", "title", "doc_type", "language")
    assert [getattr(read.meta, f) for f in fields] == [getattr(printed.meta, f) for f in fields]
    assert _front(read) == _front(printed) == []


def test_a_sentences_date_or_symbol_on_a_line_of_its_own_stays_in_the_sentence():
    """A front sentence's last line may be a date or a cited symbol ("… meeting, on" / "25 April
    2099", "… of 26 March 2099" / "(S/2099/189),"): text, not the masthead's date or a symbol of
    the report (the lines vanished, and S/2099/189 became one of its symbols)."""
    text = ("Letter dated 26 April 2099 from the Secretary-General addressed to\n"
            "the President of the Security Council\n"
            "The Council adopted resolution 2500 (2099) at its 9952nd meeting, on\n25 April 2099\n"
            "I refer to my report on the situation in Testland of 26 March 2099\n(S/2099/189),\n"
            "in which I set out the options.\nI. Introduction\n1. The Panel visited the capital.\n")
    report = _convert("S/2099/421", text)
    assert report.meta.symbols == ("S/2099/421",) and report.meta.date == "2099-06-05"
    assert [t for _, t in _front(report)] == [
        "The Council adopted resolution 2500 (2099) at its 9952nd meeting, on 25 April 2099",
        "I refer to my report on the situation in Testland of 26 March 2099 (S/2099/189), "
        "in which I set out the options.",
    ]


GA_RESOLUTION = """United Nations A/RES/98/279
General Assembly Distr.: General
1 August 2099
Ninety-eighth session
Agenda item 33
99-50829
*9950829*
Resolution adopted by the General Assembly on 29 June 2099
[without reference to a Main Committee (A/98/L.68)]
98/279. Strengthening the capacity of the Organization to manage
and sustain peacekeeping operations
The General Assembly,
Recalling its resolution 98/256 of 15 March 2099,
Having considered the report of the Secretary-General on the comprehensive report
on strengthening the capacity of the United Nations to manage and sustain
peacekeeping operations,
1. Takes note of the report of the Secretary-General;
2. Endorses the conclusions and recommendations contained in the report of the
Advisory Committee on Administrative and Budgetary Questions;
I
Department of Field Support
3. Approves the establishment of the Department of Field Support;
II
Office of Military Affairs
4. Decides to strengthen the Office of Military Affairs;
"""


def test_a_general_assembly_resolution_has_its_title_preamble_and_parts():
    """A resolution as a text layer without blank lines gives it: the adoption line is its type,
    the numbered line its title; the preamble's paragraphs are front text a paragraph each, by
    their place (pp-1, pp-2); the bare numerals are its parts."""
    from build_tools.pipeline import convert_text

    report = convert_text(GA_RESOLUTION, "A_RES_98_279.txt")
    meta = report.meta
    assert (meta.symbol, meta.date, meta.agenda) == ("A/RES/98/279", "2099-08-01", ("Agenda item 33",))
    assert meta.doc_type == "Resolution adopted by the General Assembly on 29 June 2099"
    assert meta.title == "Strengthening the capacity of the Organization to manage and sustain peacekeeping operations"
    assert [(b.id, b.text) for b in report.body[:4]] == [
        ("front-text-1", "[without reference to a Main Committee (A/98/L.68)]"),
        ("front-text-2", "The General Assembly,"),
        ("pp-1", "Recalling its resolution 98/256 of 15 March 2099,"),
        ("pp-2", "Having considered the report of the Secretary-General on the comprehensive report on strengthening "
                 "the capacity of the United Nations to manage and sustain peacekeeping operations,"),
    ]
    assert [(s.key, s.title) for s in report.sections] == [("I", "Department of Field Support"),
                                                           ("II", "Office of Military Affairs")]
    assert report.block("para-2").text.endswith("Budgetary Questions;")
    assert report.block("para-3").section == "I" and report.block("para-4").section == "II"


def test_a_bare_numeral_is_a_part_only_in_sequence_before_a_title_and_a_paragraph():
    """"III" out of sequence, or "I" with no title after it, is no section (its text is kept, as
    an unnumbered heading over the paragraph); the next part is none either."""
    from build_tools.pipeline import convert_text

    skipped = GA_RESOLUTION.replace("I\nDepartment of Field Support\n", "III\nDepartment of Field Support\n")
    no_title = GA_RESOLUTION.replace("I\nDepartment of Field Support\n", "I\n")
    for text, heading in ((skipped, "III Department of Field Support"), (no_title, "I")):
        report = convert_text(text, "A_RES_98_279.txt")
        assert report.sections == () and report.block("h-para-3").text == heading
        assert report.block("para-2").text.endswith("Budgetary Questions;")


SC_RESOLUTION = """United Nations S/RES/2500 (2099)
Security Council Distr.: General
25 April 2099
Resolution 2500 (2099)
Adopted by the Security Council at its 9952nd meeting, on
25 April 2099
The Security Council,
Having considered the report of the Secretary-General of 26 March 2099
(S/2099/189),
1. Decides to establish the United Nations Mission in Testland;
99-31808 (E)
*9931808*
S/RES/2500 (2099)
2. Decides to remain actively seized of the matter.
2/2 99-31808
"""


def test_a_security_council_resolution_is_its_symbol_with_the_year():
    """"S/RES/2500 (2099)", as the UN's document system writes it (S/RES/2500(2099), the form
    citations of "resolution 2500 (2099)" link to); the running header is furniture."""
    from build_tools.pipeline import convert_text

    report = convert_text(SC_RESOLUTION, "S_RES_2500.txt")
    assert report.meta.symbols == ("S/RES/2500(2099)",) and report.meta.title == "Resolution 2500 (2099)"
    # Its adoption line, wrapped before its date, is the type (it was front text, cut in two).
    assert report.meta.doc_type == "Adopted by the Security Council at its 9952nd meeting, on 25 April 2099"
    assert [t for _, t in _front(report)] == ["The Security Council,"]
    assert report.block("pp-1").text == (  # the last preambular paragraph, the first here
        "Having considered the report of the Secretary-General of 26 March 2099 (S/2099/189),")
    assert [b.id for b in report.body if b.type == "heading"] == []
    assert "S/RES/2500 (2099)" in [d.text for d in report.qa.dropped]
    # Named after it, the file gives the same symbol when the masthead has none.
    from build_tools.symbols import symbol_from_filename

    assert symbol_from_filename("S_RES_2500(2099).txt") == "S/RES/2500(2099)"



@pytest.mark.parametrize(("name", "symbol"), [
    ("A_62_627_Add.1.txt", "A/62/627/Add.1"),
    ("MINUJUSTH_S_2018_241.txt", "S/2018/241"),  # a collection's prefix, as in ../shared/corpus
    ("ONUCA_S_21194.txt", "S/21194"),
    ("MINUGUA_A_51_695_S_1996_998.txt", "A/51/695"),  # a joint symbol: the first
    ("ONUSAL_A_47_1012_Add.1_S_26416_Add.1.txt", "A/47/1012/Add.1"),
    ("UNGOMAP_A_44_661&S_20911.txt", "A/44/661"),
    ("E_ECE_1234.txt", "E/ECE/1234"),  # a root inside a symbol, second: no joint symbol
    ("000_2005f4ca479404d5.txt", None),
])
def test_symbol_from_filename(name, symbol):
    from build_tools.symbols import symbol_from_filename

    assert symbol_from_filename(name) == symbol


def test_a_report_without_its_symbol_takes_it_from_its_own_addendum():
    """Seed 000 (A/62/627) prints no symbol of its own and its file name spells none; its text
    says "… is set out in an addendum to the present report (A/62/627/Add.1)". It was refused
    without a sidecar naming the symbol."""
    from build_tools.pipeline import convert_text
    from build_tools.sourcefile import normalise

    seed = SHARED / "seeds" / "000_2005f4ca479404d5.txt"
    if not seed.exists():
        pytest.skip("shared seed not present")
    report = convert_text(normalise(seed.read_text(encoding="utf-8"), seed.name), seed.name)
    assert report.meta.symbols == ("A/62/627",)
    from build_tools.symbols import symbol_from_text

    assert symbol_from_text("see the addendum to the report of the Board (A/61/5/Add.1)") is None


LETTER_WITH_ANNEX = """United Nations S/2099/50
Security Council Distr.: General
12 January 2099
Original: English
Letter dated 10 January 2099 from the Permanent Representative of
Testland to the United Nations addressed to the President of the
Security Council
I have the honour to transmit herewith a statement by the Ministry of Foreign
Affairs of Testland on the situation in the border region (see annex).
(Signed) John Doe
Permanent Representative
99-00123 (E) 130199
*9900123*
S/2099/50
2/2 99-00123
Annex to the letter dated 10 January 2099 from the Permanent
Representative of Testland to the United Nations addressed to the
President of the Security Council
Statement by the Ministry of Foreign Affairs of Testland
The Ministry of Foreign Affairs of Testland expresses its deep concern at the
recent events in the border region, in which three civilians lost their lives.
"""


def test_a_letter_without_numbered_paragraphs_is_published_with_its_annex():
    """A letter's paragraphs are not numbered: its text is published (the build refused it, "no
    numbered paragraphs"). Its title goes on to the addressee on a line of its own ("… the
    President of the" / "Security Council"); "Annex to the letter dated …" and the annex's
    title are one heading, and the title a run of its own over the text (no blank lines)."""
    from build_tools.pipeline import convert_text

    report = convert_text(LETTER_WITH_ANNEX, "S_2099_50.txt")
    assert report.meta.title == report.meta.doc_type == (
        "Letter dated 10 January 2099 from the Permanent Representative of Testland to the United Nations "
        "addressed to the President of the Security Council")
    assert [(b.type, b.text[:45]) for b in report.body] == [
        ("text", "I have the honour to transmit herewith a stat"),
        ("text", "(Signed) John Doe"),
        ("text", "Permanent Representative"),
        ("heading", "Annex to the letter dated 10 January 2099 fro"),
        ("text", "The Ministry of Foreign Affairs of Testland e"),
    ]
    assert report.body[3].text.endswith("President of the Security Council — "
                                        "Statement by the Ministry of Foreign Affairs of Testland")


def test_a_presidential_statement_is_published_and_its_type_ends_on_its_line():
    """"Statement by the President of the Security Council" is the whole type: the text under it
    (no blank line) is not more of it."""
    from build_tools.pipeline import convert_text

    text = ("United Nations S/PRST/2099/5\nSecurity Council Distr.: General\n14 March 2099\nOriginal: English\n"
            "Statement by the President of the Security Council\n"
            "At the 9999th meeting of the Security Council, held on 14 March 2099, in\n"
            "connection with the Council’s consideration of the item entitled “The situation in\n"
            "Testland”, the President of the Security Council made the following statement on\n"
            "behalf of the Council:\n"
            "“The Security Council calls upon all parties to cooperate fully with the Mission\n"
            "and to ensure the safety of its personnel.”\n")
    report = convert_text(text, "S_PRST_2099_5.txt")
    assert report.meta.title == report.meta.doc_type == "Statement by the President of the Security Council"
    assert [b.text[:30] for b in report.body] == ["At the 9999th meeting of the S", "“The Security Council calls up"]


GA_DECISION = """United Nations                                             A/DEC/72/540
General Assembly                                           Distr.: General
                                                           10 January 2018

Seventy-second session
Agenda item 20

Decision adopted by the General Assembly on 20 December 2017

[on the report of the Second Committee (A/72/421)]

72/540. Sustainable development

At its 74th plenary meeting, on 20 December 2017, the General Assembly, on the
recommendation of the Second Committee, took note of the report of the Second
Committee on the item.
"""


def test_decisions_and_resolutions_of_one_operative_paragraph_are_published():
    """A decision numbers no paragraphs, nor does a resolution of one operative paragraph
    ("Decides to adopt the agenda …", unnumbered by the UN's style): their text is published
    (they were refused, "no numbered paragraphs")."""
    from build_tools.pipeline import convert_text

    report = convert_text(GA_DECISION, "A_DEC_72_540.txt")
    assert report.meta.doc_type == "Decision adopted by the General Assembly on 20 December 2017"
    assert report.meta.title == "Sustainable development"
    assert report.body[-1].text.startswith("At its 74th plenary meeting, on 20 December 2017, the General Assembly")
    one = GA_DECISION.replace("A/DEC/72/540", "A/RES/72/1").replace("Decision adopted", "Resolution adopted").split(
        "72/540.")[0] + (
        "72/1. Adoption of the agenda\n\nThe General Assembly,\n\nRecalling rule 21 of its rules of procedure,\n\n"
        "Decides to adopt the agenda of its seventy-second session.\n\n3rd plenary meeting\n19 September 2017\n")
    report = convert_text(one, "A_RES_72_1.txt")
    assert report.body[-2].text == "Decides to adopt the agenda of its seventy-second session."
    # Its preamble is numbered as before a "1.": the paragraphs ending in a comma before it.
    assert [(b.id, b.text) for b in report.body if b.preambular] == [
        ("pp-1", "Recalling rule 21 of its rules of procedure,")]
    assert not convert_text(GA_DECISION, "A_DEC_72_540.txt").body[-1].preambular
    # A Security Council resolution's masthead names no type: its symbol says what it is.
    sc = one.replace("A/RES/72/1", "S/RES/2999 (2099)").replace("Resolution adopted by the General Assembly on 19 "
                                                                  "September 2017", "Resolution 2999 (2099)")
    assert convert_text(sc, "S_RES_2999.txt").meta.symbol == "S/RES/2999(2099)"


def test_a_report_whose_paragraphs_went_unread_is_refused_not_published_as_prose():
    """Only the kinds of document that number no paragraphs are published without them."""
    from build_tools.errors import SourceError
    from build_tools.pipeline import convert_text

    text = ("United Nations S/2099/18\nSecurity Council Distr.: General\n14 March 2099\n"
            "Report of the Secretary-General on the United Nations Mission in Testland\n"
            "The Mission visited the capital from 2 to 14 April 2099.\n")
    with pytest.raises(SourceError, match="no numbered paragraphs"):
        convert_text(text, "S_2099_18.txt")




def test_a_note_by_the_secretary_general_transmitting_a_letter_is_published():
    """A note by the Secretary-General numbers no paragraphs ("The Secretary-General has the
    honour to transmit …", then the annexed letter): its text is published, as a letter's is.
    It stopped the build."""
    from build_tools.pipeline import convert_text

    text = ("United Nations A/99/500\nGeneral Assembly Distr.: General\n1 May 2099\n\n"
            "Report of the Independent Audit Advisory Committee\n\nNote by the Secretary-General\n\n"
            "The Secretary-General has the honour to transmit to the General Assembly the\n"
            "report of the Independent Audit Advisory Committee.\n\nAnnex\n\n"
            "Letter dated 15 April 2099 from the Chair of the Committee addressed to the Secretary-General\n\n"
            "I have the honour to transmit the report of the Committee.\n\n(Signed) Jane Doe\n")
    report = convert_text(text, "A_99_500.txt")
    assert report.meta.doc_type == "Note by the Secretary-General"
    assert report.body[0].text.startswith("The Secretary-General has the honour to transmit")
    assert report.body[-1].text == "(Signed) Jane Doe"
    # The annex's label and the annexed letter's title are one heading, as over an annexed report.
    assert (report.body[1].type, report.body[1].text) == (
        "heading",
        "Annex — Letter dated 15 April 2099 from the Chair of the Committee addressed to the Secretary-General",
    )


def test_a_corrigendum_without_numbered_paragraphs_is_published():
    """A corrigendum is its corrections ("Paragraph 7, third line" / "For 17 February read 27
    February"): its symbol says so, and its text is published. It stopped the build as a report
    whose paragraphs went unread."""
    from build_tools.pipeline import convert_text

    text = ("Security Council\n\nDistr.\nGENERAL\n\nS/21274/Corr.1\n17 April 1990\n\n"
            "CENTRAL AMERICA: EFFORTS TOWARDS PEACE\n\nReport of the Secretary-General\n\nCorrigendum\n\n"
            "Paragraph 7, third line\n\nFor 17 February read 27 February\n")
    report = convert_text(text, "S_21274_Corr.1.txt")
    assert report.meta.symbol == "S/21274/Corr.1"
    assert [b.text for b in report.body] == [
        "Corrigendum", "Paragraph 7, third line", "For 17 February read 27 February"]


def test_a_resolutions_agenda_line_takes_no_item_title():
    """With blank lines (pdftotext), the lines under the adoption line were read as the agenda
    item's title ("[without reference …] The General Assembly,") and the next group too."""
    from build_tools.pipeline import convert_text

    text = GA_RESOLUTION.replace("The General Assembly,\n", "The General Assembly,\n\n").replace(
        "15 March 2099,\n", "15 March 2099,\n\n")
    report = convert_text(text, "A_RES_98_279.txt")
    assert report.meta.agenda == ("Agenda item 33",)
    assert [b.text for b in report.body[:3]] == [
        "[without reference to a Main Committee (A/98/L.68)]", "The General Assembly,",
        "Recalling its resolution 98/256 of 15 March 2099,"]


def test_a_reissues_note_on_the_symbol_is_shown_on_the_index_page():
    """"S/2099/123*" over "* Reissued for technical reasons on 5 March 2099." at the page's foot:
    the note is the symbol's (it was referenced nowhere, so on no page, and a warning)."""
    from build_tools.pipeline import convert_text
    from build_tools.sitegen import render_corpus

    text = ("United Nations S/2099/123*\nSecurity Council Distr.: General\n14 February 2099\n"
            "Report of the Secretary-General on the situation in Testland\nI. Introduction\n"
            "1. The political situation remained tense during the reporting period.\n"
            "* Reissued for technical reasons on 5 March 2099.\n99-02345* (E) 050399\n*9902345*\n"
            "S/2099/123\n2/3 99-02345\n2. The security situation improved in the north.\n")
    report = convert_text(text, "S_2099_123.txt")
    (note,) = report.footnotes
    assert (note.mark, note.referenced_from) == ("*", ("symbol",)) and not report.qa.warnings
    index = render_corpus([report])["S/2099/123/index.md"]
    assert "Reissued for technical reasons on 5 March 2099." in index
    assert '<dt>Symbol</dt><dd>S/2099/123<sup class="fnref"' in index


def _layout_masthead(symbol: str, date: str) -> str:
    """A Security Council masthead as pdftotext -layout sets it: organ and date beside the fields."""
    return (f" United Nations                                                  {symbol}\n"
            "                 Security Council                 Distr.: General\n"
            f"                                                  {date}\n\n")


def test_a_layout_letters_paragraphs_start_at_their_indented_first_lines():
    """pdftotext -layout indents a paragraph's first line: "I should be grateful …" under a
    sentence that ends near the measure is a paragraph of its own (the two were one)."""
    from build_tools.pipeline import convert_text

    text = (_layout_masthead("S/2099/60", "20 January 2099") +
            "                 Letter dated 18 January 2099 from the Secretary-General\n"
            "                 addressed to the President of the Security Council\n\n"
            "                        I have the honour to refer to Security Council resolution 2500 (2099), by\n"
            "                 which the Council requested me to keep it informed of the situation in Testland.\n"
            "                        I should be grateful if you would bring the present letter and its annex to\n"
            "                 the attention of the members of the Security Council.\n\n"
            "                                                              (Signed) António Guterres\n")
    report = convert_text(text, "S_2099_60.txt")
    assert [t[:22] for _, t in _front(report)] == ["I have the honour to r", "I should be grateful i",
                                                    "(Signed) António Guter"]


def test_a_layout_statements_quoted_paragraphs_start_at_their_indented_first_lines():
    """A presidential statement in pdftotext -layout: each "“The Security Council …" paragraph
    is indented under a sentence that ends near the measure, and starts a paragraph of its
    own, as in the body (blocks.indented_start, one rule for both); a wrapped line does not,
    and an indented line under a lead-in ending in a colon goes on in its paragraph."""
    from build_tools.pipeline import convert_text

    text = (_layout_masthead("S/PRST/2099/6", "14 March 2099") +
            "                 Statement by the President of the Security Council\n\n"
            "                        At the 9999th meeting of the Security Council, held on 14 March\n"
            "                 2099, the President made the following statement on behalf of the:\n"
            "                        Council of the region, and the Council welcomed his statement\n"
            "                 and the work of the Mission in the region over the period under review.\n"
            "                        “The Security Council welcomes the report of the Secretary-General\n"
            "                 on the progress made in the implementation of resolution 2500 (2099).\n"
            "                        “The Security Council calls upon all parties to cooperate fully with\n"
            "                 the Mission and to ensure the safety of its personnel and its property.”\n")
    report = convert_text(text, "S_PRST_2099_6.txt")
    assert [t[:24] for _, t in _front(report)] == ["At the 9999th meeting of", "“The Security Council we",
                                                    "“The Security Council ca"]


def test_a_preambles_last_paragraph_with_a_note_mark_is_no_heading():
    """ "Reaffirming the Universal Declaration of Human Rights,¹" over operative paragraph 1: a
    clause (its comma before the note's mark), not the paragraph's heading (it was h-para-1)."""
    from build_tools.pipeline import convert_text

    text = ("United Nations A/HRC/RES/99/5\nGeneral Assembly Distr.: General\n4 October 2099\n\n"
            "Resolution adopted by the Human Rights Council on 28 September 2099\n\n"
            "99/5. The human rights of migrants\n\nThe Human Rights Council,\n\n"
            "Guided by the Charter of the United Nations,\n\n"
            "Reaffirming the Universal Declaration of Human Rights,¹\n\n"
            "1. Requests the Office to continue its work;\n\n2. Decides to remain seized of the matter.\n\n"
            "¹ General Assembly resolution 217 A (III).\n")
    report = convert_text(text, "A_HRC_RES_99_5.txt")
    assert [(b.id, b.type) for b in report.body][:4] == [
        ("front-text-1", "text"), ("pp-1", "text"), ("pp-2", "text"), ("para-1", "paragraph")]
    assert report.footnotes[0].referenced_from == ("pp-2",)


def test_an_ecosoc_resolution_numbered_by_year_has_its_title():
    """The Economic and Social Council numbers its resolutions by year ("2017/23. Strengthening
    …"): that line is the title (it was front text, and the page had no title)."""
    from build_tools.pipeline import convert_text

    text = ("United Nations E/RES/2099/23\nEconomic and Social Council Distr.: General\n18 July 2099\n\n"
            "Resolution adopted by the Economic and Social Council on 6 July 2099\n\n"
            "[on the recommendation of the Commission (E/2099/30)]\n\n"
            "2099/23. Strengthening international cooperation\n\n"
            "The Economic and Social Council,\n\nRecalling its resolution 2098/18,\n\n1. Requests a report;\n\n"
            "2. Decides to remain seized of the matter.\n")
    report = convert_text(text, "E_RES_2099_23.txt")
    assert report.meta.title == "Strengthening international cooperation"
    assert "2099/23. Strengthening international cooperation" not in [b.text for b in report.body]
