import pytest

from build_tools.furniture import classify, remove_furniture

# (line, rule) from the real reports; None means the line is text and must stay.
CASES = [
    ("2/28", "page-number"),
    ("Page 2", "page-label"),
    ("15-14893 (E) 100915", "job-number"),
    ("15-14893", "job-number"),
    ("15 14893", "job-number"),
    ("96-33942 (E)", "job-number"),
    ("GE.19-00812(E)", "job-number"),  # Geneva
    ("GE.05-10056 (E) 100105", "job-number"),
    ("GE.19-00812", "job-number"),
    ("V.19-01234 (E)", "job-number"),  # Vienna
    ("V.18-08012 (E) 120618 130618", "job-number"),
    ("19-06123* (E) 300419", "job-number"),  # a reissue
    ("91-29517 2271e (E)", "job-number"),  # a typist's code, until the mid-1990s
    ("92-24175 3544c (E) 170992", "job-number"),
    ("96-22222 (E)   300896                          /...", "job-number"),  # "continued" on its line, 1990s
    ("96-22222 (E) /...", "job-number"),
    ("91-29517 2271e", "job-number"),
    ("91-92 budget was adopted", None),
    ("10-12 persons were held", None),
    ("page 3", "page-label"),  # old Geneva running headers
    ("GE.19 was the code", None),
    ("page 3 of the report", None),
    ("*0644161*", "barcode"),
    ("*9920410E*", "barcode"),
    ("llllllllllllllllllllllllllllllllllllllllll", "barcode"),
    ("/...", "continued"),
    ("-----", "rule-line"),
    ("A/70/357", "symbol-line"),
    ("S/2015/682", "symbol-line"),
    ("1 million voters.", None),
    ("2 February 2006 to 15 July 2006.", None),
    ("12. The present report", None),
    ("(A/70/95-S/2015/446). I thank", None),
    ("S/2098/900.", None),  # a cited symbol closing a sentence: a symbol never ends with "."
    ("A/98/77.", None),
    ("S/PRST/2098/4.", None),
    ("A/70/357/Corr.1", "symbol-line"),
    ("5/2018/241", "damaged-symbol-line"),  # the OCR's 5 for S: a running header, not the report's symbol
    ("$/1995/342", "damaged-symbol-line"),
    ("5/12/2018", None),
    # the OCR's l, I, O, o for 1 and 0 beside a digit: read as digits, for the rules of figures
    ("l8-03983 (E)", "job-number"),
    ("18-O3983 (E) 23O318", "job-number"),
    ("*O644161*", "barcode"),
    ("Page l0", "page-label"),
    ("S/l999/779", "damaged-symbol-line"),
    ("lO", None),  # no digit: a bare number only beside other furniture (_context_rules)
    ("Iraq", None),
    ("24 hours a day", None),
]


@pytest.mark.parametrize("line,rule", CASES)
def test_classify(line, rule):
    assert classify(line) == rule


def test_print_date_is_furniture_only_beside_a_job_number():
    paged = remove_furniture("Text one.\n\n18-03983 (E)\n\n230318\n\n*1803983*\n\nmore text\n230318 people came.")
    dropped = {d.text: d.rule for d in paged.dropped}
    assert dropped["230318"] == "print-date"
    assert [l.text for l in paged.lines if l.text] == ["Text one.", "more text", "230318 people came."]


def test_pages_are_counted_and_printed_numbers_win():
    text = "page one text\n\n15-14893\n\nA/70/357\n\npage two text\n\n2/28\n\n15-14893\n\npage three\n\nPage 7\n\npage seven"
    paged = remove_furniture(text)
    pages = {l.text: l.page for l in paged.lines if l.text}
    assert pages == {"page one text": 1, "page two text": 2, "page three": 3, "page seven": 7}
    assert paged.header_symbols == ("A/70/357",)


def test_text_without_furniture_has_no_pages():
    paged = remove_furniture("1. One.\n\n2. Two.")
    assert not paged.paged and all(l.page is None for l in paged.lines)


def test_repeated_running_header_beside_furniture_is_dropped():
    page = "Some text of the page goes here.\n\nPeace operations review\n\n{n}/9\n\n"
    paged = remove_furniture("".join(page.format(n=n) for n in range(1, 5)))
    assert "Peace operations review" not in [l.text for l in paged.lines]
    assert any(d.rule == "running-header" for d in paged.dropped)


def test_bare_page_number_beside_a_running_header_is_furniture():
    """pdftotext prints "21" alone at a page foot, next to the running symbol (S/2006/592);
    here "2", the foot of page 1 (a report starts on page 1: "21" there fits no sequence)."""
    paged = remove_furniture("end of a page.\n\n2\n\nS/2006/592\n\nnext page text\n\n3 countries\n")
    assert [d.rule for d in paged.dropped] == ["bare-page-number", "symbol-line"]
    assert [l.text for l in paged.lines if l.text] == ["end of a page.", "next page text", "3 countries"]
    assert paged.lines[-1].page == 2


MASTHEAD = "S/2099/18\n\nUnited Nations\n\nSecurity Council\n\nDistr.: General\n3 March 2099\n\nReport of the Secretary-General\n"


@pytest.mark.parametrize("cited", ["S/2098/900", "S/2098/900."])
def test_a_symbol_cited_alone_on_a_line_in_the_body_is_text(cited):
    """A symbol wrapped onto a line of its own in a sentence is no running header: it is not
    at a page turn, not in the masthead, and not the report's own symbol."""
    text = MASTHEAD + f"1.\nThe present report covers the period since my previous report, which was issued as document\n{cited}\n"
    paged = remove_furniture(text)
    assert cited in [l.text for l in paged.lines]
    assert paged.header_symbols == ("S/2099/18",)
    assert [d.text for d in paged.dropped] == ["S/2099/18"]


def test_the_reports_own_symbol_alone_in_the_body_is_still_a_running_header():
    """A page whose footer the OCR lost: its running symbol stands beside no page furniture,
    but it is the symbol the masthead and the other page turns print (A/70/357 line 791)."""
    text = MASTHEAD + "1.\nText of page one goes on and on.\n\n2/3\n\nS/2099/18\n\nPage two text goes on.\n\nS/2099/18\n\nPage three.\n"
    paged = remove_furniture(text)
    assert "S/2099/18" not in [l.text for l in paged.lines]
    assert paged.header_symbols == ("S/2099/18",)


# -- printed tables of contents ------------------------------------------------------------

# pdftotext's two layouts of one contents page: an entry's fields on lines of their own, or
# one line per entry with paragraph and page columns. The body starts with "I." alone.
CONTENTS_FIELDS = """Report of the Secretary-General
Contents
Page
I.
Introduction . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .
3
II.
Major developments in the period under review and the
political process that followed . . . . . . . . . . . . . . . . . . .
4
A.
Political developments . . . . . . . . . . . . . . . . . . . . . . . . . .
4

I.
Introduction
1.
By its resolution 1658 (2006) the Council acted.
"""

CONTENTS_COLUMNS = """REPORT OF THE SECRETARY-GENERAL
                               CONTENTS
                                                  Paragraphs     Page
  I.   INTRODUCTION ..............................    1 - 4         3
 II.   MAJOR DEVELOPMENTS ........................    5 - 9         4
Annex
       Map ........................................                 12

I. INTRODUCTION
1. By its resolution 1658 (2006) the Council acted.
"""


def _kept(paged):
    return [t for t in paged.texts if t]


def test_a_contents_page_in_fields_is_dropped_and_the_body_kept():
    paged = remove_furniture(CONTENTS_FIELDS)
    assert _kept(paged) == ["Report of the Secretary-General", "I.", "Introduction", "1.",
                            "By its resolution 1658 (2006) the Council acted."]
    dropped = [d for d in paged.dropped if d.rule == "table-of-contents"]
    assert dropped[0].text == "Contents" and dropped[0].lineno == 2
    assert dropped[-1].text == "4" and len(dropped) == 12  # the wrapped title line included


def test_a_contents_page_in_columns_is_dropped():
    paged = remove_furniture(CONTENTS_COLUMNS)
    assert _kept(paged) == ["REPORT OF THE SECRETARY-GENERAL", "I. INTRODUCTION",
                            "1. By its resolution 1658 (2006) the Council acted."]
    assert {d.rule for d in paged.dropped} == {"table-of-contents"}


def test_a_contents_page_that_turns_keeps_its_page_break():
    text = CONTENTS_FIELDS.replace("4\nA.\n", "4\n\n06-44161 (E) 310706\n\n*0644161*\n\nS/2006/592\n\nA.\n")
    paged = remove_furniture(text)
    assert _kept(paged) == _kept(remove_furniture(CONTENTS_FIELDS))
    body_pages = {page for text, page in zip(paged.texts, paged.pages) if text and text != "Report of the Secretary-General"}
    assert body_pages == {2}  # the body is on the contents' second page


# OCR that dropped the dot leaders: under a "Page" column the page numbers end the entries.
CONTENTS_UNLED_LINES = """Report of the Secretary-General
Contents
Page
I. Introduction 3
II. Major developments in the period under review 4
A. Political developments 4
Annex
Map 12
I. Introduction
1. By its resolution 1658 (2006) the Council acted.
"""
CONTENTS_UNLED_FIELDS = """Report of the Secretary-General
Contents
Page
I.
Introduction
3
II.
Major developments in the period under review and the
political process that followed
4
A.
Political developments
4

I.
Introduction
1.
By its resolution 1658 (2006) the Council acted.
"""


@pytest.mark.parametrize("text", [CONTENTS_UNLED_LINES, CONTENTS_UNLED_FIELDS], ids=["lines", "fields"])
def test_a_contents_page_without_leaders_is_dropped_under_its_page_column(text):
    """The entries were the report's first headings ("Introduction 3" as section I), and the
    real ones after them repeats: the sections fell apart."""
    kept = _kept(remove_furniture(text))
    assert kept[0] == "Report of the Secretary-General" and "Contents" not in kept
    assert kept[1:3] in (["I. Introduction", "1. By its resolution 1658 (2006) the Council acted."],
                         ["I.", "Introduction"])
    assert not any(line[-1:].isdigit() and line != "1." for line in kept[1:])


def test_an_unled_contents_ends_where_the_pages_go_back():
    """The body's first line may end in a number ("… dated 12"): after an entry on page 17 it
    is no entry, and neither is the text after it."""
    text = ("Contents\nPage\nI. Introduction 3\nII. Observations 17\n"
            "The Council, in its letter to me dated 12\nMarch, asked for a report.\n")
    assert _kept(remove_furniture(text)) == ["The Council, in its letter to me dated 12", "March, asked for a report."]


@pytest.mark.parametrize("text", [
    # A heading "Contents" over prose, and one over a single entry: no table.
    "Contents\nThe contents of the report . . . . were agreed.\nIt was done.\n",
    "Contents\nI. Introduction . . . . . 3\nI. Introduction\n1. Text.\n",
    # Without leaders and without a "Page" column: no table either.
    "Contents\nI. Introduction 3\nII. Observations 4\nI. Introduction\n1. Text.\n",
    # Leaders without a contents title stay too.
    "Introduction . . . . . . 3\nMap . . . . . . 4\n",
])
def test_no_contents_page_no_drop(text):
    assert not remove_furniture(text).dropped


@pytest.mark.parametrize("leader", [" . . . . . . . . . . . . . . . . . . . . . . . .", ""],
                         ids=["dot leaders", "leaders dropped"])
def test_a_report_with_a_contents_page_keeps_its_sections(leader):
    """The contents' entries do not become the report's headings (they did: "I. Introduction"
    in the contents made the real one a repeat, and the sections fell apart)."""
    from dataclasses import replace
    from pathlib import Path

    from build_tools.pipeline import convert_text

    source = Path(__file__).resolve().parents[1] / "source_texts" / "S_2006_592.txt"
    text = source.read_text(encoding="utf-8")
    contents = "".join(
        f"{number}\n{title}{leader}\n{page}\n"
        for number, title, page in [("I.", "Introduction", 1), ("II.", "Major developments", 1),
                                    ("A.", "Political developments", 1), ("III.", "Observations", 9)]
    )
    head, title_end, body = text.partition("Stabilization Mission in Haiti\n")
    with_contents = convert_text(head + title_end + "Contents\nPage\n" + contents + "\n" + body, source.name)
    plain = convert_text(text, source.name)
    assert with_contents.sections == plain.sections
    def unlined(blocks):  # the contents page moves every line down
        return [replace(b, lineno=None) for b in blocks]

    assert unlined(with_contents.body) == unlined(plain.body)
    assert len(with_contents.qa.dropped) == len(plain.qa.dropped) + 14


# -- page counting: printed numbers win, a turn counts once ---------------------------------

def _pages(paged):
    return {text: page for text, page in zip(paged.texts, paged.pages, strict=True) if text}


def test_a_footnote_between_a_pages_furniture_is_no_second_turn():
    """Page 1 ends: barcode, the footnote, job number, then page 2's header (A/70/357)."""
    text = ("page one text\n\nllllllllllllllllllllll\n\n* A/70/150.\n15-14893 (E) 100915\n\nA/70/357\n\n"
            "page two text\n\n2/28\n\n15-14893\n\nA/70/357\n\npage three text\n")
    assert _pages(remove_furniture(text)) == {"page one text": 1, "* A/70/150.": 1, "page two text": 2,
                                              "page three text": 3}


def test_a_job_number_among_table_cells_is_no_turn():
    """pdftotext prints a page's job number among its table's cells (S/2018/241 annex II)."""
    text = ("text\n\n16/19\n\n18-03983\n\nS/2018/241\n\nAnnex II\nCountry\n\n18-03983\n\nWomen\n\nMen\n\n"
            "Argentina\n\n17/19\n\nS/2018/241\n\nAnnex III\n")
    pages = _pages(remove_furniture(text))
    assert pages["Annex II"] == pages["Women"] == pages["Argentina"] == 17 and pages["Annex III"] == 18


def test_a_page_whose_footer_was_lost_turns_at_its_header():
    """"11/28", a page without footer, its successor's running symbol, "13/28" (A/70/357 pages 12, 22)."""
    text = ("page ten\n\n10/28\n\nA/70/357\n\npage eleven\n\n15-14893\n\n11/28\n\npage twelve\n\nA/70/357\n\n"
            "page thirteen\n\n13/28\n\nA/70/357\n\nfourteen\n")
    pages = _pages(remove_furniture(text))
    assert [pages[t] for t in ("page eleven", "page twelve", "page thirteen", "fourteen")] == [11, 12, 13, 14]


def test_a_running_symbol_alone_is_no_turn_without_printed_numbers():
    paged = remove_furniture("masthead\n\nA/70/357\n\ntext\n\nmore text\n")
    assert not paged.paged


def test_a_table_note_between_two_runs_of_furniture_stays_on_its_page():
    """S/2006/592 annex I: the job number, the table's note, then the bare page number "21"."""
    text = ("page one\n\n06-44161 (E) 310706\n\n*0644161*\n\nS/2006/592\n\nAnnex I\nTotal\n\n6 309\n\na\n\n"
            "06-44161\n\nIncluding the Force Commander.\n\n2\n\nS/2006/592\n\nAnnex II\n")
    pages = _pages(remove_furniture(text))
    assert pages["Annex I"] == pages["a"] == pages["Including the Force Commander."] == 2 and pages["Annex II"] == 3


def test_table_totals_beside_a_footer_are_no_page_numbers():
    """"215" and "978" after "18/19" are beyond the report's 19 pages (S/2018/241 annex II)."""
    text = ("Uruguay\n\n2\n\n18/19\n\nFormed police units\n\n215\n\n978\n1 193\n\n18-03983\n\nS/2018/241\n\n"
            "Annex III\n\n18-03983\n\n19/19\n")
    paged = remove_furniture(text)
    assert {"215", "978"} <= set(paged.texts)
    assert _pages(paged)["Annex III"] == 19


def test_bare_numbers_out_of_sequence_are_text():
    """Without "N/M" footers: a bare number beside furniture is a page number only in sequence."""
    text = ("one\n\n06-44161\n\nS/2006/592\n\ntwo\n\n2\n\n06-44161\n\n215\n\nS/2006/592\n\n"
            "three\n\n06-44161\n\n3\n\nS/2006/592\n\nfour\n")
    paged = remove_furniture(text)
    assert [d.text for d in paged.dropped if d.rule == "bare-page-number"] == ["2", "3"]
    pages = _pages(paged)  # "215", printed after page 2's footer, goes with the text after it
    assert [pages[t] for t in ("one", "two", "three", "four")] == [1, 2, 3, 4] and "215" in pages


def test_column_headings_beside_a_job_number_are_no_running_headers():
    """"Women", "Men" recur on every page of a table, beside furniture only where a job number
    landed among the cells: they stay. A running title at three page turns still goes."""
    text = ("text\n\n16/19\n\n18-03983\n\nS/2018/241\n\nAnnex II\nUnited Nations police officers\nCountry\n\n"
            "18-03983\n\nWomen\n\nFormed police units\n\nMen\n\nWomen\n\nMen\n\nArgentina\n\n1\n\n5\n\n–\n\n–\n\n"
            "Togo\n\n6\n\n5\n\n–\n\n–\n\n17/19\n\nS/2018/241\nUnited Nations police officers\nCountry\n\n"
            "Women\n\nMen\n\nWomen\n\nMen\n\nTurkey\n\n–\n\n14\n\n–\n\n–\n\n28\n\n187\n\nSubtotal\n\n18/19\n")
    kept = remove_furniture(text).texts
    assert kept.count("Women") == 4 and kept.count("Men") == 4 and kept.count("–") == 7


def test_a_tables_empty_cells_beside_furniture_at_every_turn_stay():
    """A table over four pages whose empty cells ("–") and figures stand beside the page
    furniture at every turn: cells, not running headers (a header has words)."""
    page = "Country\nJordan\n6\n–\n140\n–\n{n}/5\n18-03983\nS/2018/241\n–\n14\nMali\n2\n"
    kept = remove_furniture("Text of the annex.\n" + "".join(page.format(n=n) for n in range(1, 5))).texts
    assert kept.count("–") == 12 and kept.count("14") == 4


def test_furniture_set_a_space_apart_is_furniture_and_its_page_number_read():
    """Text layers that set a page's furniture on one line a space apart: "2/28 15-14893" (or
    the other way round) is the page foot, its page number read; a running header of both
    symbols, "A/70/357 S/2015/682", is the header and both are the report's symbols."""
    pages = "".join(
        f"A/70/357 S/2015/682\nText of page {n} goes on here and\nends page {n}'s text.\n"
        + (f"{n}/4 15-14893\n" if n % 2 else f"15-14893 {n}/4\n")
        for n in range(1, 5)
    )
    paged = remove_furniture(pages)
    assert [t for t in paged.texts if t] == [
        line for n in range(1, 5) for line in (f"Text of page {n} goes on here and", f"ends page {n}'s text.")
    ]
    assert paged.header_symbols == ("A/70/357", "S/2015/682")
    kept = [(t, page) for t, page in zip(paged.texts, paged.pages, strict=True) if t.startswith("Text")]
    assert [page for _, page in kept] == [1, 2, 3, 4]


def test_a_bare_page_number_beside_a_job_number_on_one_line():
    """ "2 06-44161" (a bare page number and the job number a space apart, or "06-44161 3") at
    each page's foot, and bare page numbers alone elsewhere in the sequence: all furniture, the
    pages counted from them (the sequence check read the whole line as a number and failed)."""
    feet = ["1 06-44161", "06-44161 2", "3", "06-44161 4"]
    text = "".join(f"S/2006/592\nThe text of page {n + 1} goes on here.\n{foot}\n" for n, foot in enumerate(feet))
    paged = remove_furniture(text)
    assert [t for t in paged.texts if t] == [f"The text of page {n} goes on here." for n in range(1, 5)]
    assert [page for t, page in zip(paged.texts, paged.pages, strict=True) if t] == [1, 2, 3, 4]


def test_a_table_row_of_numbers_is_no_furniture_cells():
    paged = remove_furniture("Country Troops Police\nTotal 1 193 2/3\n1 193 215\n2/3 4/5 of them\n")
    assert "1 193 215" in paged.texts and "Total 1 193 2/3" in paged.texts


# -- the real reports, at the lines the review named ---------------------------------------

def _report(name):
    from pathlib import Path

    from build_tools.pipeline import convert_file

    return convert_file(Path(__file__).resolve().parents[1] / "source_texts" / f"{name}.txt")


def _page_at(report, lineno):
    return next(b.page for b in report.summary + report.body if b.lineno == lineno)


def test_a_70_357_pages():
    report = _report("A_70_357")
    assert _page_at(report, 89) == 2  # para 3, above "2/28"
    assert _page_at(report, 780) == 12  # para 55, on the page that lost its footer
    assert [_page_at(report, n) for n in (1460, 1469, 1471, 1486)] == [23, 23, 23, 23]  # paras 109-111
    assert next(f.page for f in report.footnotes if f.mark == "*") == 1


def test_s_2018_241_pages_and_table_cells():
    report = _report("S_2018_241")
    assert _page_at(report, 887) == 17 and _page_at(report, 1333) == 19  # annexes II and III
    dropped = {d.lineno for d in report.qa.dropped}
    assert not dropped & {894, 898, 900, 902, 1260, 1262, 1324, 1326}


def test_s_2006_592_annex_pages():
    report = _report("S_2006_592")
    assert _page_at(report, 1072) == 21 and _page_at(report, 1247) == 22  # annexes I and II


def test_a_contents_page_between_two_pages_of_text_is_a_page_of_its_own():
    """The summary on page 1, the contents on page 2 ("2/6" at its foot), the body on page 3:
    the furniture around the dropped contents are two page turns (the summary was on page 2)."""
    text = (
        "United Nations\n\nA/99/101\n\nGeneral Assembly\n\n"  # a running symbol may turn a page: not this one
        "Report of the Secretary-General\nSummary\nThe present report describes trends.\n\n"
        "99-12345 (E) 140899\n\n*9912345*\n\nA/99/101\n\nContents\nPage\nI.\n"
        "Introduction . . . . . . . . . . . . . . . . . .\n\n3\n\nII.\nTrends . . . . . . . . . . . . . . . . . .\n\n3\n\n"
        "2/6\n\n99-12345\n\nA/99/101\n\nI. Introduction\n1. The report covers the year.\n"
    )
    paged = remove_furniture(text)
    pages = {t: p for t, p in zip(paged.texts, paged.pages) if t}
    assert pages["General Assembly"] == pages["The present report describes trends."] == 1
    assert pages["I. Introduction"] == 3


def test_geneva_furniture_is_dropped_and_counts_pages():
    """Reports printed in Geneva: "GE.19-00812(E)" job numbers (they became headings and text)
    and lower-case "page 3" headers (left as text blocks)."""
    text = (
        "Text one ends here.\n\nGE.19-00812(E)\n\n*1900812*\n\nA/HRC/40/13\n\n2\n\nText two ends.\n\n"
        "E/CN.4/2005/8\npage 3\n\nText three.\n"
    )
    paged = remove_furniture(text)
    assert [(t, p) for t, p in zip(paged.texts, paged.pages) if t] == [
        ("Text one ends here.", 1), ("Text two ends.", 2), ("Text three.", 3)]


def test_a_continued_heading_is_furniture():
    paged = remove_furniture("Annex I\nTitle\n\nText that goes on.\n\n2/3\n\nAnnex I (continued)\n\nmore text.\n")
    assert [t for t in paged.texts if t] == ["Annex I", "Title", "Text that goes on.", "more text."]
    assert ("Annex I (continued)", "continued") in [(d.text, d.rule) for d in paged.dropped]


def test_layout_mode_furniture_side_by_side_is_dropped_and_numbers_the_pages():
    """pdftotext -layout prints a page's footer cells on one line ("2/3      99-01234"): the
    line became a sub-heading and the page number was lost."""
    from build_tools.pipeline import convert_text

    text = ("S/2099/83\n\nI. Introduction\n      1.    First paragraph.\n\n      2.    Second paragraph.\n"
            " 2/3" + " " * 70 + "99-01234\n S/2099/83\n      3.    Third paragraph.\n"
            " 99-01234" + " " * 70 + "3/3\n")
    report = convert_text(text, "S_2099_83.txt")
    # The same report with each cell on a line of its own (pdftotext without -layout).
    cells = "\n".join(cell for line in text.split("\n") for cell in line.strip().split(" " * 70))
    expected = [(b.type, b.text, b.page) for b in convert_text(cells, "S_2099_83.txt").body]
    assert [(b.type, b.text, b.page) for b in report.body] == expected
    assert [b.type for b in report.body] == ["heading", "paragraph", "paragraph", "paragraph"]
    assert report.body[-1].page > report.body[-2].page
    assert {d.text for d in report.qa.dropped} >= {"2/3" + " " * 70 + "99-01234", "99-01234" + " " * 70 + "3/3"}


def test_page_numbers_with_the_ocrs_letters_for_digits_are_furniture():
    """ "l0/28", "I2/28", "1O/28": the OCR read a digit 1 or 0 as a letter; still the page's
    footer (the page read as its number), never left in the text; "lo/lo" has no digit: text."""
    from build_tools.furniture import classify, page_of

    assert [classify(t) for t in ("l0/28", "I2/28", "1O/28", "lo/lo", "l / 28")] == [
        "page-number", "page-number", "page-number", None, None,
    ]
    assert [page_of(t) for t in ("l0/28", "I2/28", "1O/28", "2 / 28")] == [(10, 28), (12, 28), (10, 28), (2, 28)]


def test_a_bare_page_number_with_the_ocrs_letters_for_digits_is_dropped_in_sequence():
    """ "ll" and "l2" (pages 11 and 12, the 1s read as letters) beside the job number, in the
    printed sequence: furniture; "l9" out of sequence stays, as does "lo" in the text."""
    printed = {11: "ll", 12: "l2", 13: "l9"}
    text = "".join(f"text of page {n}, lo\n\n{printed.get(n, n)}\n\n06-44161\n\n" for n in range(1, 14)) + "end"
    paged = remove_furniture(text)
    kept = [l.text for l in paged.lines if l.text and not l.text.startswith("text of page")]
    assert kept == ["l9", "end"]


def test_a_1991_page_foot_with_a_typists_code_is_dropped():
    """A page of 1991 ends with the job number and the typist's code, then "/..."; page 2's
    header is the symbol, the language and "Page 2" (S/23037, ONUSAL). The job number ran into
    the text as a heading over the next paragraph."""
    text = (
        "3. The Division has received a large number of complaints, which it has\n"
        "transmitted to the competent authorities.\n\n91-29517 2271e (E)\n\n/...\n\n"
        "S/23037\nEnglish\nPage 2\n\n4. The Division has also undertaken visits.\n"
    )
    paged = remove_furniture(text)
    assert "91-29517 2271e (E)" not in paged.texts
    assert [d.rule for d in paged.dropped][:2] == ["job-number", "continued"]
    assert paged.pages[paged.texts.index("4. The Division has also undertaken visits.")] == 2


def test_please_recycle_at_the_first_pages_foot_is_furniture():
    """Since about 2012 the first page's foot says "Please recycle" beside the recycling sign:
    it was a text block of the report's front. The words inside prose stay."""
    text = ("S/2099/1\n\nSecurity Council\n\nReport\n1. Text of the report. Please recycle\nthe paper.\n\n"
            "19-01234 (E) 120619\n*1901234*\nPlease recycle \u267b\n\fS/2099/1\n2/5\n2. More.\n")
    paged = remove_furniture(text)
    assert ("Please recycle \u267b", "recycle-note") in [(d.text, d.rule) for d in paged.dropped]
    assert "1. Text of the report. Please recycle" in paged.texts and "Please recycle \u267b" not in paged.texts


def test_a_running_header_with_the_ocrs_5_for_s_is_furniture_not_the_reports_symbol():
    """ "5/2018/241" at a page turn: dropped as a header (it cut the paragraph it stood in), and
    never read as one of the report's symbols (that stopped the build: "not a usable symbol")."""
    text = "S/2018/241\n\nThe Mission met the\n\n5/2018/241\n\n2/19\n\nparties in Port-au-Prince.\n"
    paged = remove_furniture(text)
    assert [l.text for l in paged.lines if l.text] == ["The Mission met the", "parties in Port-au-Prince."]
    assert {d.text: d.rule for d in paged.dropped}["5/2018/241"] == "damaged-symbol-line"
    assert "5/2018/241" not in paged.header_symbols


def test_a_print_date_the_ocr_damaged_is_furniture_beside_a_job_number():
    paged = remove_furniture("Text one.\n\nl8-03983 (E)\n\n2303l8\n\n*l803983*\n\nmore text\n")
    assert {d.text: d.rule for d in paged.dropped} == {
        "l8-03983 (E)": "job-number", "2303l8": "print-date", "*l803983*": "barcode"}
    assert [l.text for l in paged.lines if l.text] == ["Text one.", "more text"]


def test_a_page_label_the_ocr_damaged_still_numbers_its_page():
    paged = remove_furniture("page one text\n\nPage 2\n\npage two text\n\nPage 3\n\npage three\n\nPage l0\n\npage ten")
    assert [(l.text, l.page) for l in paged.lines if l.text][-1] == ("page ten", 10)


RESOLUTION_PAGES = (
    "United Nations                                        A/RES/99/1\n"
    "General Assembly                                      Distr.: General\n"
    "                                                      21 October 2099\n\n"
    "Resolution adopted by the General Assembly on 25 September 2099\n\n"
    "99/1. Transforming our world: the agenda for the next century\n\n"
    "The General Assembly\n"
    "       1.   Adopts the following outcome document of the summit on the agenda;\n\n"
    "99-16301 (E)\n*9916301*\n\n"
    "A/RES/99/1              Transforming our world: the agenda for the next century\n\n"
    "       2.   We, the Heads of State and Government, meeting at Headquarters from\n"
    "25 to 27 September 2099, have decided today on new global goals.\n\n"
    "2/4                                                    99-16301\n\n"
    "Transforming our world: the agenda for the next century              A/RES/99/1\n\n"
    "       3.   On behalf of the peoples we serve, we have adopted a historic decision.\n\n"
    "99-16301                                                    3/4\n\n"
    "A/RES/99/1              Transforming our world: the agenda for the next century\n\n"
    "       4.   In these goals, we are setting out a supremely ambitious vision.\n\n"
    "4/4                                                    99-16301\n"
)


@pytest.mark.parametrize("gap", ["layout", "a space"])
def test_a_running_header_of_the_symbol_beside_the_short_title_is_furniture(gap):
    """Resolutions (and other documents since about 2013) head their pages "A/RES/70/1   Transforming
    our world …", the title first on odd pages: at a page turn, the document's own symbol beside a
    title is the running header (it stayed as text, a heading over the page's first paragraph)."""
    text = RESOLUTION_PAGES if gap == "layout" else RESOLUTION_PAGES.replace("              ", " ")
    paged = remove_furniture(text)
    kept = [line.text for line in paged.lines]
    assert not [t for t in kept if "A/RES/99/1" in t and "Transforming" in t]
    assert "99/1. Transforming our world: the agenda for the next century" in kept  # the title itself stays
    assert [d.rule for d in paged.dropped if "Transforming" in d.text] == ["running-header"] * 3
    # Only the document's own symbol, only at a page turn: a cited symbol over a title, or the
    # own one inside a page, is text.
    header = next(line for line in text.split("\n") if line.startswith("A/RES/99/1 "))
    cited = text.replace(header, header.replace("A/RES/99/1", "A/RES/98/7"))
    assert header.replace("A/RES/99/1", "A/RES/98/7") in [line.text for line in remove_furniture(cited).lines]
    inside = text.replace("25 to 27 September 2099,", "25 to 27\nSeptember\n" + header + "\n2099, and\nhaving met,")
    assert header in [line.text for line in remove_furniture(inside).lines]


@pytest.mark.parametrize("damaged", ["99-4 4161", "99-44161 (E) 31 0799", "1 2/19", "Page 1 2", "99-441 61"])
def test_furniture_with_a_space_the_ocr_put_inside_a_token_is_dropped(damaged):
    """OCR spaces inside a token ("A./70/3 57" in the seed's masthead): a job number or page
    number so cut stayed text, in the paragraph the page break cut ("… the 99-4 4161 Mission …").
    Read again without that space, at a page turn, it is furniture."""
    page = "1. Text of the paragraph that goes on over the page\n\n{foot}\n\nS/2099/18\n\nand ends here.\n\n"
    paged = remove_furniture(MASTHEAD + page.format(foot=damaged))
    assert damaged not in [line.text for line in paged.lines]
    assert damaged in [d.text for d in paged.dropped]
    assert paged.header_symbols == ("S/2099/18",)


def test_a_spaced_number_or_symbol_inside_a_page_is_text():
    """Only at a page turn: a table's "1 2/19" stays; so does a symbol so cut (read only where a
    digit or "Page" starts the line: a search of every line cost 1 % of a pass)."""
    text = MASTHEAD + "1. The ratio was\n1 2/19\nof the total, as reported in\nS/2098/9 00\nlast year.\n"
    kept = [line.text for line in remove_furniture(text).lines]
    assert "S/2098/9 00" in kept
