"""Footnotes whose marks the text layer printed as plain digits (plain_notes)."""

from build_tools.furniture import remove_furniture
from build_tools.pipeline import convert_text
from build_tools.plain_notes import join_lone_marks, superscript_endnotes, superscript_plain_notes

PAGE_ONE = (
    "The report is submitted pursuant to resolution",
    "2100 (2013),1 by which the Council asked for it.",
    "It covers the period since my previous report.2",
    "",
    "1 See also S/2013/189, paras. 4-6.",
    "2 S/2098/900.",
)


def test_notes_at_a_page_foot_and_their_references_become_superscripts():
    texts = (*PAGE_ONE, "Page two text, as noted in the agreement.3", "", "3 Signed in Bamako.")
    got = superscript_plain_notes(texts, frozenset({6}))
    assert got[1] == "2100 (2013),¹ by which the Council asked for it."
    assert got[2] == "It covers the period since my previous report.²"
    assert got[4:6] == ("¹ See also S/2013/189, paras. 4-6.", "² S/2098/900.")
    assert got[6:] == ("Page two text, as noted in the agreement.³", "", "³ Signed in Bamako.")


def test_a_mark_after_a_year_and_a_comma_is_a_reference():
    """ "In its report for the year 2006,3 the Committee …": a year, a comma, the mark; a number
    with a thousands comma ("1,300") is none."""
    texts = ("In its report for the year 2006,1 the Committee", "", "1 A/61/30/Add.1.", "Next page.")
    assert superscript_plain_notes(texts, frozenset({3}))[0] == "In its report for the year 2006,¹ the Committee"
    texts = ("It deployed 1,300 troops and 1,1 more", "", "1 A/61/30/Add.1.", "Next page.")
    assert superscript_plain_notes(texts, frozenset({3})) is texts


def test_a_note_referenced_twice_on_its_page_is_marked_at_both():
    """A resolution cites its first note's report again: "… operations1 and …" and "Takes note
    of the report of the Secretary-General;1" both mark note 1 (only the last did). An earlier
    digit that may be OCR's letter is left: "wil1", "a11" ("all"), "contro1", or after a year."""
    texts = ("Having considered the report on peacekeeping operations1 and the",
             "related report of the Advisory Committee,2",
             "1. Takes note of the report of the Secretary-General;1",
             "2. Endorses the report of the Advisory Committee,2 subject to",
             "", "1 A/61/858.", "2 A/61/937.", "Next page.")
    got = superscript_plain_notes(texts, frozenset({7}))
    assert got[:4] == ("Having considered the report on peacekeeping operations¹ and the",
                       "related report of the Advisory Committee,²",
                       "1. Takes note of the report of the Secretary-General;¹",
                       "2. Endorses the report of the Advisory Committee,² subject to")
    texts = ("It wil1 be a11 under contro1 in 2006,1 and", "it was noted in the report.1", "",
             "1 A/61/858.", "Next page.")
    got = superscript_plain_notes(texts, frozenset({4}))
    assert got[:2] == ("It wil1 be a11 under contro1 in 2006,1 and", "it was noted in the report.¹")


def test_a_number_without_a_reference_on_its_page_is_no_note():
    """A wrapped line that starts with a number ('15 December …') has no '…15' in the body."""
    texts = ("The Mission met on", "", "1 December 2098 the parties signed.", "Next page.")
    assert superscript_plain_notes(texts, frozenset({3})) is texts
    texts = ("See A/70/357/Add.1 for details.", "", "1 A/70/357/Add.1.", "Next page.")
    assert superscript_plain_notes(texts, frozenset({3})) is texts  # "Add.1" is no reference


def test_notes_followed_by_a_paragraph_marker_were_body_text():
    texts = ("As reported.1", "", "1 The first point.", "2. Second paragraph.", "Next page.")
    assert superscript_plain_notes(texts, frozenset({4})) is texts


REPORT = """United Nations

S/2099/71

Security Council

Distr.: General
3 March 2099

Report of the Secretary-General on the situation in Mali
I. Introduction
1.
The present report is submitted pursuant to Security Council resolution
2100 (2013),1 by which the Council requested me to report every three months.
It covers developments since my previous report.2
2.
The security situation remained volatile, with attacks against the Mission and

1 See also S/2013/189, paras. 4-6.
2 S/2098/900.
99-12345 (E) 010399

*9912345*

S/2099/71

national forces.
"""


def test_a_report_with_plain_digit_notes_reads_as_with_superscript_ones():
    """The notes were one text block glued into the paragraph cut by the page break, and the
    paragraph's last line ('…previous report.2') a sub-heading."""
    report = convert_text(REPORT, "S_2099_71.txt")
    assert [b.id for b in report.body] == ["sec-I", "para-1", "para-2"]
    assert report.block("para-1").text.endswith("since my previous report.")
    assert report.block("para-2").text.endswith("against the Mission and national forces.")
    assert [(f.id, f.text, f.referenced_from) for f in report.footnotes] == [
        ("fn-1", "See also S/2013/189, paras. 4-6.", ("para-1",)),
        ("fn-2", "S/2098/900.", ("para-1",)),
    ]
    para = report.block("para-1")
    assert [para.text[: ref.offset][-7:] for ref in para.refs] == ["(2013),", "report."]


def test_plain_digit_notes_right_under_the_text_in_a_layout_without_blank_lines():
    """Text layers that drop blank lines: the notes stand right under the text cut by the page
    break. On the same double evidence (a reference on the page, the notes at its foot) they
    are footnotes, and the paragraph reads on across them; a page whose foot has blank lines
    still needs one before its first note."""
    without_blanks = "\n".join(line for line in REPORT.split("\n") if line.strip()) + "\n"
    report = convert_text(without_blanks, "S_2099_71.txt")
    assert report.block("para-2").text.endswith("against the Mission and national forces.")
    assert [(f.id, f.text, f.referenced_from) for f in report.footnotes] == [
        ("fn-1", "See also S/2013/189, paras. 4-6.", ("para-1",)),
        ("fn-2", "S/2098/900.", ("para-1",)),
    ]
    unbroken = ("The Council met, as reported.1", "The talks went on", "1 See also S/2013/189.", "Next page.")
    assert superscript_plain_notes(unbroken, frozenset({3}))[2] == "¹ See also S/2013/189."


def test_plain_digit_notes_right_under_the_text_on_a_page_with_blank_lines_elsewhere():
    """A page whose paragraphs are a blank line apart, its notes set right under the last
    line (no blank, no rule): the notes from which the rest of the page runs unbroken are
    footnotes, on the same double evidence, and the next pages' notes follow in sequence.
    A line opening with a day of a month is the text going on ("1 July 2007 …")."""
    texts = ("The Council met, as reported.1", "", "The talks went on and on.2", "1 See also S/2013/189.",
             "2 S/2098/900.", "Next page, as noted.3", "", "Text.", "3 Ibid.")
    marked = superscript_plain_notes(texts, frozenset({5}))
    assert (marked[0], marked[2]) == ("The Council met, as reported.¹", "The talks went on and on.²")
    assert marked[3:5] == ("¹ See also S/2013/189.", "² S/2098/900.")
    assert (marked[5], marked[8]) == ("Next page, as noted.³", "³ Ibid.")
    dated = ("The Council met, as reported.1", "", "The talks went on until", "1 July 2007 and the", "Next page.")
    assert superscript_plain_notes(dated, frozenset({4})) is dated
    # No blank line over the notes, a few under them (over the page's furniture, as pdftotext
    # sets it).
    blank_above_notes = REPORT.replace("\n\n1 See also", "\n1 See also").replace("900.\n99", "900.\n\n\n\n\n99")
    assert "\n1 See also" in blank_above_notes and "\n\n\n\n\n99" in blank_above_notes
    report = convert_text(blank_above_notes, "S_2099_71.txt")
    assert report.block("para-2").text.endswith("against the Mission and national forces.")
    assert [f.id for f in report.footnotes] == ["fn-1", "fn-2"]


def _joined(lines: list[str]) -> list[str]:
    lines = list(lines)
    join_lone_marks(lines)
    return lines


def test_a_mark_alone_on_its_line_moves_down_to_its_text():
    lines = ["It covers the period since my previous report.1", "", "1", "", "See also", "S/2013/189.", "2/2"]
    assert _joined(lines) == [lines[0], "", "", "", "1 See also", "S/2013/189.", "2/2"]
    ruled = ["As reported.1", "____________", "1", "“Quoted”, A/70/1.", "Next."]
    assert _joined(ruled) == ["As reported.1", "____________", "", "1 “Quoted”, A/70/1.", "Next."]


def test_lone_numbers_without_references_or_out_of_sequence_stay():
    """A bare page number over the next page's text, a '2' with no note 1 before it, a
    heading or a table's cells after the number."""
    for lines in (
        ["The parties met.", "", "1", "", "The Mission continued."],
        ["As reported.2", "", "2", "", "S/2098/900."],
        ["As reported.1", "", "1", "", "II. Political developments"],
        ["As reported.1", "", "1", "", "—", "", "1"],
        ["As reported.1", "The text goes on", "1", "", "See also A/70/1."],
    ):
        assert _joined(lines) == lines


def test_the_separator_rule_over_the_notes_is_kept_as_a_blank_line():
    paged = remove_furniture("since my previous report.1\n__________________\n1 See also S/2013/189.\n")
    assert paged.texts[:3] == ("since my previous report.1", "", "1 See also S/2013/189.")
    assert remove_furniture("A table\n__________________\nTotal 12\n").texts[:2] == ("A table", "Total 12")


LONE_MARKS = REPORT.replace("S/2099/71", "S/2099/72").replace(
    "1 See also S/2013/189, paras. 4-6.\n2 S/2098/900.\n",
    "__________________\n1\n\nSee also the report of the Secretary-General\n(S/2013/189), paras. 4-6.\n"
    "\n2\n\nS/2098/900.\n",
)


def test_a_report_with_lone_marks_under_a_separator_has_its_notes():
    """The notes were text glued into the paragraph the page break cut, and the lone '2' was
    dropped as the page's number."""
    report = convert_text(LONE_MARKS, "S_2099_72.txt")
    assert [b.id for b in report.body] == ["sec-I", "para-1", "para-2"]
    assert report.block("para-2").text.endswith("against the Mission and national forces.")
    assert [(f.id, f.text, f.page) for f in report.footnotes] == [
        ("fn-1", "See also the report of the Secretary-General (S/2013/189), paras. 4-6.", 1),
        ("fn-2", "S/2098/900.", 1),
    ]


SLASH_NOTES = """UNITED
NATIONS

General Assembly

Distr.
GENERAL

A/51/950
14 July 1997

ORIGINAL: ENGLISH

Report of the Secretary-General

I. INTRODUCTION

1. In its resolution 50/227 of 24 May 1996, 1/ the General Assembly
requested proposals for reform, as set out in resolution 48/218 B 2/ and in
document A/48/1/Add.1 (see 1/2 of the total).

__________________

1/ Official Records of the General Assembly, Fiftieth Session,
Supplement No. 49 (A/50/49).

2/ See A/48/PV.80.

97-12345 (E)    150797

/...

A/51/950
English
Page 2

2. The proposals follow.
"""


def test_the_1990s_slash_marks_are_footnotes_too():
    """'… 1996, 1/ the General Assembly' and '1/ Official Records …' at the page's foot: the
    notes were glued into paragraph 1, the marks left in its text."""
    report = convert_text(SLASH_NOTES, "A_51_950.txt")
    para = report.block("para-1")
    assert para.text.startswith("In its resolution 50/227 of 24 May 1996, the General Assembly requested")
    assert "resolution 48/218 B and in document A/48/1/Add.1 (see 1/2 of the total)." in para.text
    assert [(f.id, f.text, f.referenced_from) for f in report.footnotes] == [
        ("fn-1", "Official Records of the General Assembly, Fiftieth Session, Supplement No. 49 (A/50/49).",
         ("para-1",)),
        ("fn-2", "See A/48/PV.80.", ("para-1",)),
    ]
    assert [para.text[: r.offset][-6:] for r in para.refs] == [" 1996,", "/218 B"]  # the mark's space goes
    assert report.meta.language == "English" and not [b for b in report.body if b.id.startswith("front-text")]


def test_a_slash_number_without_its_note_is_text():
    text = SLASH_NOTES.replace("1/ Official", "Official").replace("2/ See", "See")
    para = convert_text(text, "A_51_950.txt").block("para-1")
    assert "24 May 1996, 1/ the General Assembly" in para.text and not para.refs


def test_notes_collected_under_a_notes_heading_become_footnotes():
    """1990s documents collect their notes at the end; the marks were left in the text and the
    notes were text blocks under "Notes"."""
    text = SLASH_NOTES.replace("__________________\n\n1/ Official", "1/ Official", 1)
    body, notes = text.split("1/ Official", 1)
    notes = "1/ Official" + notes.split("97-12345", 1)[0]
    endnotes = body + "97-12345 (E)    150797\n\n2. The proposals follow.\n\nNotes\n\n" + notes
    report = convert_text(endnotes, "A_51_950.txt")
    assert [b.id for b in report.body] == ["sec-I", "para-1", "para-2"]
    assert [(f.id, f.text[:20], f.referenced_from) for f in report.footnotes] == [
        ("fn-1", "Official Records of ", ("para-1",)), ("fn-2", "See A/48/PV.80.", ("para-1",)),
    ]
    assert report.block("para-2").text == "The proposals follow."


def test_a_notes_heading_over_anything_else_stays_text():
    texts = ("As reported.1", "", "Notes", "", "The figures are rounded.", "1 More text.")
    assert superscript_endnotes(texts) is texts
    texts = ("As reported.", "", "Notes", "", "1 See A/70/1.")  # no reference
    assert superscript_endnotes(texts) is texts


def test_the_reference_pattern_finds_what_its_lookbehind_first_form_finds():
    """_reference_pattern puts the number first for re's literal search; the plain form is the
    definition."""
    import random
    import re

    from build_tools.plain_notes import _reference_pattern

    def plain(n):
        return re.compile(
            rf"(?:(?<=[A-Za-z)\]”’\"])|(?<=[A-Za-z)\]”’\"][.,;:])|(?<=\b(?:19|20)\d\d[.,;:])){n}(?=[\s.,;:)]|$)"
        )

    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(["a", "b", ".", ",", ";", ":", ")", "]", "”", "’", '"', " ", "0", "1", "2", "9", "/",
                                   "\n", "A", "2006", "1999", "x2006"]) for _ in range(rng.randint(0, 40)))
        for n in (1, 2, 12):
            assert [m.span() for m in _reference_pattern(n).finditer(text)] == [
                m.span() for m in plain(n).finditer(text)
            ], (text, n)


def test_endnotes_before_an_annex_with_its_own_notes_heading():
    texts = ("As reported.1", "Also noted.2", "", "Notes", "", "1 See A/70/1.", "2 See A/70/2.",
             "Annex", "Notes", "", "a Including the Force Commander.")
    got = superscript_endnotes(texts)
    assert got[:7] == ("As reported.¹", "Also noted.²", "", "", "", "¹ See A/70/1.", "² See A/70/2.")
    assert got[7:] == texts[7:]


def test_notes_that_cannot_be_matched_stay_text_under_their_own_heading():
    """Note 2's reference is missing: the notes stay text, and "Notes" is a heading over them,
    not the first words of note 1's block."""
    text = ("S/2099/11\n\nSecurity Council\n\nReport of the Secretary-General\n\nI. Introduction\n\n"
            "1. The Council extended the mandate in resolution 2400 (2098).1 The Mission deployed.\n"
            "2. The Panel met the parties.\n\nNotes\n\n1 See S/2098/100.\n\n"
            "2 Official Records of the Security Council, Fifty-third Year.\n")
    report = convert_text(text, "S_2099_11.txt")
    assert [(b.type, b.text) for b in report.body[-3:]] == [
        ("heading", "Notes"),
        ("text", "1 See S/2098/100."),
        ("text", "2 Official Records of the Security Council, Fifty-third Year."),
    ]
    assert not report.footnotes


def test_star_slash_marks_of_the_early_1990s_are_star_notes():
    """ "*/" and "**/" marked notes until the mid-1990s: "Item 12 of the preliminary list */"
    in the masthead, "… of 17 December 1991. **/" in the text, "*/ A/47/50." at the page's foot.
    The notes' texts began "/ A/47/50." and nothing referred to them."""
    from build_tools.pipeline import convert_text

    text = (
        "General Assembly\n\nDistr.\nGENERAL\n\nA/47/123\n12 May 1992\n\nForty-seventh session\n"
        "Item 12 of the preliminary list */\n\nREPORT OF THE SECRETARY-GENERAL\n\n"
        "1. The present report is submitted pursuant to General Assembly\n"
        "resolution 46/110 of 17 December 1991. **/\n\n"
        "2. The General Assembly requested me to report on its implementation.\n\n_______________\n\n"
        "*/ A/47/50.\n\n**/ See also A/46/600.\n"
    )
    r = convert_text(text, "A_47_123.txt")
    assert r.meta.agenda == ("Item 12 of the preliminary list",)
    assert [(f.mark, f.text, f.referenced_from) for f in r.footnotes] == [
        ("*", "A/47/50.", ("agenda",)), ("**", "See also A/46/600.", ("para-1",))]
    assert r.block("para-1").text.endswith("17 December 1991.") and not r.qa.warnings
    from build_tools.plain_notes import has_star_slash

    assert has_star_slash("list */") and has_star_slash("1991. **/")
    assert not has_star_slash("A/70/357* and S/2015/682") and not has_star_slash("*x/")


def test_a_one_page_text_has_its_notes_at_its_end():
    """A one-page resolution or letter has no page break: its notes close the text, and its
    marks are read as a page's are (they stayed digits: "Rights,1" and a body block "1 Resolution …")."""
    texts = ("Reaffirming the Universal Declaration of Human Rights,1 the International",
             "Covenant on Economic, Social and Cultural Rights,2 and other instruments,", "",
             "1. Decides to remain seized of the matter.", "", "74th plenary meeting", "20 December 2017",
             "", "1 Resolution 217 A (III).", "2 See resolution 2200 A (XXI), annex.", "")
    got = superscript_plain_notes(texts, frozenset())
    assert got[0].endswith("Rights,¹ the International") and "Rights,² and" in got[1]
    assert got[8:10] == ("¹ Resolution 217 A (III).", "² See resolution 2200 A (XXI), annex.")
    texts = ("The Mission met on", "", "1 December 2098 the parties signed.")
    assert superscript_plain_notes(texts, frozenset()) is texts  # no reference: no note


ONE_PAGE_RESOLUTION = """United Nations                                             A/RES/72/199
General Assembly                                           Distr.: General
                                                           29 January 2018

Seventy-second session
Agenda item 19 (a)

          Resolution adopted by the General Assembly
          on 20 December 2017

          72/199. Human rights and extreme poverty

                 The General Assembly,

                 Reaffirming the Universal Declaration of Human Rights,1 the International
          Covenant on Economic, Social and Cultural Rights,2 and other human rights
          instruments,

                 1.    Decides to continue its consideration of the question at its seventy-
          fourth session.

                                                           74th plenary meeting
                                                           20 December 2017

          ____________
          1 Resolution 217 A (III).
          2 See resolution 2200 A (XXI), annex.
"""


def test_a_one_page_resolution_keeps_its_notes_apart_from_its_closing_lines():
    """The notes of a one-page text with no furniture after them are notes; the meeting and
    date that close a resolution stay a block of their own."""
    report = convert_text(ONE_PAGE_RESOLUTION, "A_RES_72_199.txt")
    texts = [b.text for b in report.body]
    assert "74th plenary meeting 20 December 2017" in texts
    assert [n.text for n in report.footnotes] == ["Resolution 217 A (III).", "See resolution 2200 A (XXI), annex."]
    for tail in ("", "\n17-23228 (E)\n*1723228*\n"):
        assert len(convert_text(ONE_PAGE_RESOLUTION + tail, "A_RES_72_199.txt").footnotes) == 2
