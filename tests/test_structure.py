import json

import pytest
from sample_texts import ANNEXED_DRAFTS, COMMITTEE_REPORT, RESOLUTION

from build_tools.pipeline import convert_text
from build_tools.search_index import report_records
from build_tools.sitegen import render_corpus
from build_tools.structure import footnote_id, letter_gaps, numbering_gaps


def test_an_executive_summary_keeps_its_heading_on_the_page_in_the_model_and_in_search():
    text = "A/99/1\n\nReport of the Board\n\nExecutive summary\n\nThe audit found gaps.\n\nI. Intro\n\n1. Text.\n"
    r = convert_text(text, "A_99_1.txt")
    assert r.meta.summary_heading == "Executive summary" and r.summary[0].id == "summary-1"
    pages = render_corpus([r])
    index = pages["A/99/1/index.md"]
    assert "## Executive summary {#summary}" in index and "## Summary" not in index
    assert json.loads(pages["A/99/1/data.json"])["summary_heading"] == "Executive summary"
    assert [rec.context for rec in report_records(r) if rec.text == "The audit found gaps."] == ["Executive summary"]
    plain = convert_text(text.replace("Executive summary", "Summary"), "A_99_1.txt")
    assert plain.meta.summary_heading == "Summary"
    assert "## Summary {#summary}" in render_corpus([plain])["A/99/1/index.md"]


def test_footnote_ids():
    assert [footnote_id(m) for m in ("1", "12", "*", "**", "†", "‡")] == [
        "fn-1", "fn-12", "fn-star", "fn-star-2", "fn-dagger", "fn-ddagger"
    ]


def test_ids_come_from_numbering_not_position():
    text = "S/2099/1\n\nI. Intro\n\n5. Five.\n\n6. Six as follows:\n\n(a) one;\n\n(b) two.\n\nA sub-heading\n\n7. Seven.\n"
    r = convert_text(text, "S_2099_1.txt")
    assert [b.id for b in r.body] == ["sec-I", "para-5", "para-6", "para-6-a", "para-6-b", "h-para-7", "para-7"]
    assert r.block("para-6-a").parent == "para-6"


def test_a_sub_item_id_and_parent_name_its_lettered_item():
    text = "S/2099/1\n\nI. Intro\n\n6. As follows:\n(a) one by:\n(i) this;\n(ii) that;\n(b) two.\n"
    r = convert_text(text, "S_2099_1.txt")
    assert [b.id for b in r.body][2:] == ["para-6-a", "para-6-a-i", "para-6-a-ii", "para-6-b"]
    assert r.block("para-6-a-ii").parent == "para-6-a"
    assert r.block("para-6-a-ii").cite_number == "6 (a) (ii)"


def test_footnote_marks_leave_the_text_and_are_referenced():
    text = "A/99/1\n\nI. Intro\n\n1. As reported,¹ the plan² works.\n\n¹ A/61/19.\n\n² See above.\n"
    r = convert_text(text, "A_99_1.txt")
    p = r.block("para-1")
    assert p.text == "As reported, the plan works."
    assert [(ref.offset, ref.footnote_id) for ref in p.refs] == [(12, "fn-1"), (21, "fn-2")]
    assert [(f.id, f.text, f.referenced_from) for f in r.footnotes] == [
        ("fn-1", "A/61/19.", ("para-1",)), ("fn-2", "See above.", ("para-1",))
    ]


def test_gap_helpers():
    assert numbering_gaps([1, 2, 4, 6]) == ["3", "5"]
    assert letter_gaps({"IV": ["A", "B", "D", "E", "G"]}) == ["IV.C", "IV.F"]


def test_repeated_paragraph_number_is_kept_as_text_and_reported():
    r = convert_text("S/2099/1\n\nI. A\n\n1. One.\n\n2. Two.\n\n1. Again.\n\n3. Three.\n", "S_2099_1.txt")
    assert [p.number for p in r.paragraphs()] == ["1", "2", "3"]
    assert r.qa.paragraph_duplicates == ("1",)
    assert any("1. Again." in b.text for b in r.body)


def test_an_annex_heading_separates_its_mark_from_its_title():
    r = convert_text(
        "S/2099/1\n\nI. Intro\n\n1. Text.\n\nAnnex II\nComposition of the police\n\nAnnex III\n\nSome text here.\n",
        "S_2099_1.txt",
    )
    assert [(s.key, s.title) for s in r.sections][1:] == [
        ("annex-II", "Annex II — Composition of the police"),
        ("annex-III", "Annex III"),
    ]


# Two pages in UN layout: page 1's notes, its footer; page 2's header, body, notes, footer.
_NOTES_HEAD = (
    "S/2099/13\n\nUnited Nations\n\nSecurity Council\n\nDistr.: General\n3 March 2099\nOriginal: English\n\n"
    "Report of the Secretary-General on the United Nations Mission in Testland\nI. Introduction\n"
    "1. The present report is submitted pursuant to resolution 2500 (2098),¹ in which\n"
    "the Council requested me to report on the Mission.\n"
    "2. The humanitarian situation deteriorated further,² with 1.2 million people in\n"
    "need of assistance across the country.\n\n"
)
_PAGE_TURN = "\n\n99-01234 (E) 030399\n\n*9901234*\n\nS/2099/13\n\n"
_PAGE_END = "\n\n2/2\n\n99-01234\n"


def test_footnote_lines_without_a_blank_between_are_separate_notes():
    text = _NOTES_HEAD + (
        "¹ See also the statement of 15 January 2099 (S/PRST/2099/1).\n"
        "² Figures provided by the Office for the Coordination of Humanitarian Affairs.\n"
        "II. Human rights³\n3. The Mission documented 120 violations.\n\n"
        "³ The present section draws on the work of the human rights component.\n"
        "⁴ Unreferenced note.\n"
    )
    r = convert_text(text, "S_2099_13.txt")
    assert [(f.id, f.text) for f in r.footnotes] == [
        ("fn-1", "See also the statement of 15 January 2099 (S/PRST/2099/1)."),
        ("fn-2", "Figures provided by the Office for the Coordination of Humanitarian Affairs."),
        ("fn-3", "The present section draws on the work of the human rights component."),
        ("fn-4", "Unreferenced note."),
    ]
    assert [ref.footnote_id for ref in r.block("para-2").refs] == ["fn-2"]
    assert "²" not in r.block("para-2").text
    assert r.block("sec-II").text == "Human rights" and r.sections[1].title == "Human rights"
    assert [(f.id, f.referenced_from) for f in r.footnotes][2:] == [("fn-3", ("sec-II",)), ("fn-4", ())]


def test_a_line_starting_with_a_mark_out_of_sequence_stays_in_its_note():
    text = _NOTES_HEAD + "¹ See the table, where the figure\n³ is the third power.\n² S/2098/900.\n"
    r = convert_text(text, "S_2099_13.txt")
    assert [(f.id, f.text) for f in r.footnotes] == [
        ("fn-1", "See the table, where the figure ³ is the third power."), ("fn-2", "S/2098/900."),
    ]


def test_a_note_cut_by_a_page_break_goes_on_at_the_foot_of_the_next_page():
    text = _NOTES_HEAD + (
        "¹ See also the statement of 15 January 2099 (S/PRST/2099/1).\n\n"
        "² Figures provided by the Office, which noted that the number had risen since"
        + _PAGE_TURN
        + "II. Observations\n3. I urge all parties to exercise restraint.³\n\n"
        "the previous reporting period (see A/98/77, para. 12).\n\n"
        "³ Including the attack on Bunia.\n"
        + _PAGE_END
    )
    r = convert_text(text, "S_2099_13.txt")
    notes = {f.id: f.text for f in r.footnotes}
    assert notes["fn-2"].endswith("had risen since the previous reporting period (see A/98/77, para. 12).")
    assert [b.id for b in r.body] == ["sec-I", "para-1", "para-2", "sec-II", "para-3"]
    assert r.block("para-3").text == "I urge all parties to exercise restraint."
    assert not [w for w in r.qa.warnings if "footnote" in w]
    # Also when the note's rest ends the page, with no note of that page after it.
    r = convert_text(text.replace("³ Including the attack on Bunia.\n", ""), "S_2099_13.txt")
    assert {f.id: f.text for f in r.footnotes}["fn-2"] == notes["fn-2"]


def test_a_cut_note_takes_no_text_that_can_be_the_body_going_on():
    # The body before the group has not ended its sentence: the group continues it, and QA
    # says that the note stops mid-sentence.
    text = _NOTES_HEAD.replace("across the country.", "across the country and") + (
        "¹ See also the statement of 15 January 2099 (S/PRST/2099/1).\n\n"
        "² Figures provided by the Office, which noted that the number had risen since"
        + _PAGE_TURN
        + "the previous report.³\n\n³ Including the attack on Bunia.\n"
        + _PAGE_END
    )
    r = convert_text(text, "S_2099_13.txt")
    assert r.block("para-2").text.endswith("across the country and the previous report.")
    assert [ref.footnote_id for ref in r.block("para-2").refs] == ["fn-2", "fn-3"]
    assert [f.text[-5:] for f in r.footnotes] == ["9/1).", "since", "unia."]
    assert [w for w in r.qa.warnings if "footnote" in w] == [
        "line 20: footnote 2 does not end a sentence: its text may be cut (by a page break, or a line"
        " taken for page furniture)"
    ]


def test_a_short_paragraph_ending_in_a_footnote_mark_keeps_its_text_and_reference():
    """fix-paras, the reviewer's S/2099/62: paragraph 1 was empty and its text an unnumbered
    heading h-para-2 that held the footnote reference."""
    text = (
        "S/2099/62\n\nUnited Nations\n\nSecurity Council\n\nReport\nI. Introduction\n1.\n"
        "The present report is submitted pursuant to resolution 2500 (2098) and covers\n"
        "developments since my previous report, which was issued in December.¹\n2.\n"
        "The humanitarian situation deteriorated further.\n\n¹ S/2098/900.\n"
    )
    r = convert_text(text, "S_2099_62.txt")
    assert [b.id for b in r.body] == ["sec-I", "para-1", "para-2"]
    p = r.block("para-1")
    assert p.text.endswith("which was issued in December.")
    assert [ref.footnote_id for ref in p.refs] == ["fn-1"]
    assert all(b.text for b in r.paragraphs())


# A report with an annexed report that has its own sections: "I.", "II.", letters under II, paragraphs
# numbered from 1 again (S/2099/15 in the reviewer's probe files).
_ANNEXED_REPORT = (
    "S/2099/15\n\nI. Introduction\n\n1. The report covers the period.\n\nII. Observations\n\n2. I thank all.\n\n"
    "Annex I\nReport of the joint assessment mission to Testland\n"
    "I. Background\n1.\nThe mission visited Testland.\n"
    "II. Findings\nA.\nSecurity\n2.\nThe situation remains volatile.\n"
    "B.\nHumanitarian situation\n3.\nSome people remain displaced.\n"
    "Annex II\nTerms of reference of the review\nI. Purpose\n1.\nThe review will assess the Mission.\n"
)


def test_roman_sections_inside_an_annex_are_sections_of_the_annex():
    r = convert_text(_ANNEXED_REPORT, "S_2099_15.txt")
    heads = [(b.id, b.number, b.level, b.section, b.text) for b in r.body if b.type == "heading"]
    assert heads == [
        ("sec-I", "I", 1, "I", "Introduction"),
        ("sec-II", "II", 1, "II", "Observations"),
        ("annex-I", "I", 1, "annex-I", "Annex I — Report of the joint assessment mission to Testland"),
        ("annex-I-sec-I", "I", 2, "annex-I", "Background"),
        ("annex-I-sec-II", "II", 2, "annex-I", "Findings"),
        ("annex-I-sec-II-A", "A", 3, "annex-I", "Security"),
        ("annex-I-sec-II-B", "B", 3, "annex-I", "Humanitarian situation"),
        ("annex-II", "II", 1, "annex-II", "Annex II — Terms of reference of the review"),
        ("annex-II-sec-I", "I", 2, "annex-II", "Purpose"),
    ]
    # One page per top-level section or annex: the annex's sections are no pages of their own.
    assert [s.key for s in r.sections] == ["I", "II", "annex-I", "annex-II"]
    assert [b.id for b in r.body if b.type == "paragraph"] == [
        "para-1", "para-2", "annex-I-para-1", "annex-I-para-2", "annex-I-para-3", "annex-II-para-1"
    ]
    assert not r.qa.warnings and not r.qa.section_gaps


def test_an_annex_without_roman_sections_keeps_its_letter_ids_and_levels():
    """ids are permanent links: letters straight under an annex stay annex-I-A at level 2."""
    text = (
        "S/2099/1\n\nI. Intro\n\n1. Text.\n\nAnnex I\nComposition of the force\n\nA. Military\n\n1. Troops.\n\n"
        "Contingents\n\n2. Units.\n\nB. Police\n\n3. Officers.\n"
    )
    r = convert_text(text, "S_2099_1.txt")
    heads = [(b.id, b.number, b.level, b.section) for b in r.body if b.type == "heading"]
    assert heads == [
        ("sec-I", "I", 1, "I"),
        ("annex-I", "I", 1, "annex-I"),
        ("annex-I-A", "A", 2, "annex-I"),
        ("h-annex-I-para-2", None, 3, "annex-I"),
        ("annex-I-B", "B", 2, "annex-I"),
    ]


def test_annex_section_numbering_is_checked_per_annex():
    text = (
        "S/2099/1\n\nI. Intro\n\n1. Text.\n\nII. More\n\n2. Text.\n\n"
        "Annex I\nThe annexed report\n\nI. Background\n\n1. Text.\n\nIII. Findings\n\nA. Security\n\n2. Text.\n\n"
        "C. Rule of law\n\n3. Text.\n\n"
        "Annex II\nAnother report\n\nI. Purpose\n\n1. Text.\n\nII. Method\n\nA. Interviews\n\n2. Text.\n"
    )
    r = convert_text(text, "S_2099_1.txt")
    assert [b.id for b in r.body if b.type == "heading"] == [
        "sec-I", "sec-II", "annex-I", "annex-I-sec-I", "annex-I-sec-III", "annex-I-sec-III-A", "annex-I-sec-III-C",
        "annex-II", "annex-II-sec-I", "annex-II-sec-II", "annex-II-sec-II-A",
    ]
    assert r.qa.section_gaps == ("annex-I.III.B",)
    assert [w for w in r.qa.warnings if "section" in w] == ["line 18: section III of annex-I follows I"]


def test_sub_headings_under_an_annex_section_go_one_level_below():
    text = (
        "S/2099/1\n\nI. Intro\n\n1. Text.\n\nAnnex\nThe annexed report\n\nI. Background\n\nContext\n\n1. Text.\n\n"
        "II. Findings\n\nA. Governance\n\n1. Public administration\n\n2. Text.\n\nRegional offices\n\n3. Text.\n"
    )
    r = convert_text(text, "S_2099_1.txt")
    heads = [(b.id, b.number, b.level) for b in r.body if b.type == "heading"]
    assert heads == [
        ("sec-I", "I", 1),
        ("annex", None, 1),
        ("annex-sec-I", "I", 2),
        ("h-annex-para-1", None, 3),  # under the annex's section I: one level below it
        ("annex-sec-II", "II", 2),
        ("annex-sec-II-A", "A", 3),
        ("annex-sec-II-A-1", "1", 4),  # numbered sub-heading of II.A
        ("h-annex-para-3", None, 4),
    ]


def test_a_roman_numbered_sentence_in_an_annex_stays_text():
    text = (
        "S/2099/1\n\nI. Intro\n\n1. Text.\n\nAnnex I\nList of decisions\n\n"
        "I. The Council adopted the agenda.\n\nII. The Council heard the briefing.\n"
    )
    r = convert_text(text, "S_2099_1.txt")
    assert [b.id for b in r.body if b.type == "heading"] == ["sec-I", "annex-I"]
    assert [b.text for b in r.body if b.type == "text"] == [
        "I. The Council adopted the agenda.", "II. The Council heard the briefing."
    ]


def test_an_annex_section_page_steps_down_one_heading_level_at_a_time():
    from build_tools.render import SiteContext, render_report

    text = _ANNEXED_REPORT.replace("2.\nThe situation", "Northern region\n\n2.\nThe situation")
    r = convert_text(text, "S_2099_15.txt")
    page = render_report(r, SiteContext())["S/2099/15/annex-I/index.md"]
    heads = [line.rsplit(" {#", 1) for line in page.splitlines() if line.startswith("#")]
    assert heads == [
        ["# Annex I — Report of the joint assessment mission to Testland", "annex-I}"],
        ["## I\\. Background", "annex-I-sec-I}"],
        ["## II\\. Findings", "annex-I-sec-II}"],
        ["### A\\. Security", "annex-I-sec-II-A}"],
        ["#### Northern region", "h-annex-I-para-2}"],
        ["### B\\. Humanitarian situation", "annex-I-sec-II-B}"],
    ]


@pytest.mark.parametrize("head", [
    "Annex I: Military and police strength", "ANNEX I - MILITARY AND POLICE STRENGTH",
    "Annex I. Military and police strength", "Annex I — Military and police strength",
])
def test_an_annex_with_its_title_on_its_line_is_the_annex(head):
    """The annex's title after a colon, full stop or dash on the label's line: the annex, its
    paragraphs its own (was a sub-heading of the section before, its paragraphs text)."""
    text = ("United Nations S/2099/5\n\nSecurity Council Distr.: General\n1 May 2099\n\n"
            "Report of the Secretary-General\n\nI. Introduction\n\n1. The strength is annexed.\n\n"
            f"{head}\n\n1. The strength was as follows.\n\n2. The strength changed.\n")
    r = convert_text(text, "S_2099_5.txt")
    heading = r.block("annex-I")
    assert heading is not None and heading.text == "Annex I — Military and police strength"
    assert [b.id for b in r.body if b.type == "paragraph"] == ["para-1", "annex-I-para-1", "annex-I-para-2"]


def test_a_committees_draft_resolutions_number_their_own_paragraphs():
    """A committee's report recommends draft resolutions whose operative paragraphs start again
    at "1." under their organ's line ("The General Assembly,"): each draft's own, under its label
    ("Draft resolution II" heads it: draft-resolution-II, its paragraphs draft-resolution-II-para-1,
    cited "draft resolution II, para. 1"); they were text, each reported out of sequence. The
    report's own paragraphs are still its four."""
    r = convert_text(COMMITTEE_REPORT, "A_73_650.txt")
    assert not r.qa.warnings
    assert [b.id for b in r.paragraphs()] == ["para-1", "para-2", "para-3", "para-4"]
    heading = r.block("draft-resolution-II")
    assert heading is not None
    assert heading.text == "Draft resolution II — Financing of the United Nations Mission in Mali"
    ids = [b.id for b in r.body if b.type in ("paragraph", "item") and b.id.startswith("draft-")]
    assert ids == ["draft-resolution-I-para-1", "draft-resolution-I-para-2", "draft-resolution-I-para-2-a",
                   "draft-resolution-I-para-2-b", "draft-resolution-I-para-3", "draft-resolution-II-para-1",
                   "draft-resolution-II-para-2"]
    assert r.citation(r.block("draft-resolution-II-para-1")) == "draft resolution II, para. 1"
    assert r.citation(r.block("draft-resolution-I-para-2-a")) == "draft resolution I, para. 2 (a)"
    one = COMMITTEE_REPORT.split("Draft resolution II")[0].replace("Draft resolution I\n\n", "")
    r = convert_text(one, "A_73_650.txt")  # one draft, no label: "draft-resolution-para-1"
    assert [b.id for b in r.body if b.type == "paragraph"][-3:] == [
        "draft-resolution-para-1", "draft-resolution-para-2", "draft-resolution-para-3"]


PREAMBLE = ("The General Assembly,\n\nRecalling its resolution 72/300,\n\nNoting the report of the Advisory Committee,"
            "\n\nDeeply concerned about the situation,\n\n")


@pytest.mark.parametrize("layout", ["blank lines", "a line each"])
def test_a_resolutions_preambular_paragraphs_are_paragraphs_of_their_own(layout):
    """Under its organ's line ("The General Assembly,"), a resolution's preambular paragraphs each
    end in a comma and start with a participle or an adjective ("Recalling", "Deeply concerned"):
    each is a text block of its own (they were one, "The General Assembly, Recalling …, Noting …"),
    with blank lines between them or a line each. A paragraph a page break cut goes on."""
    preamble = PREAMBLE if layout == "blank lines" else PREAMBLE.replace(",\n\n", ",\n")
    text = COMMITTEE_REPORT.replace("The General Assembly,\n\nRecalling its resolution 72/300,\n\n", preamble)
    r = convert_text(text, "A_73_650.txt")
    start = [b.id for b in r.body].index("draft-resolution-II") + 1
    assert [b.text for b in r.body[start:start + 5]] == [
        "The General Assembly,", "Recalling its resolution 72/300,", "Noting the report of the Advisory Committee,",
        "Deeply concerned about the situation,", "Takes note of the report on Mali;",
    ]
    assert [b.text for b in r.body if b.text.startswith(("The General", "Having"))][:2] == [
        "The General Assembly,", "Having considered the reports of the Secretary-General,"]
    cut = text.replace("Recalling its resolution 72/300,", "Recalling its resolution 72/300 and the\n\nreport of 2018,")
    r = convert_text(cut, "A_73_650.txt")
    assert "Recalling its resolution 72/300 and the report of 2018," in [b.text for b in r.body]
    # Outside a resolution, a comma before a blank line is a page's cut sentence: it goes on.
    plain = convert_text("A/99/1\n\nI. Intro\n\nThe Council met in June, July,\n\nNoting the progress.\n\n1. Text.\n",
                         "A_99_1.txt")
    assert "The Council met in June, July, Noting the progress." in [b.text for b in plain.body]


def test_draft_resolutions_in_an_annex_number_their_own_paragraphs():
    """An annex of draft resolutions: each draft's operative paragraphs are its own, under the
    annex (annex-draft-resolution-II-para-1, cited "annex, draft resolution II, para. 1"); the
    second draft's were text, reported out of sequence, and the first's were the annex's."""
    r = convert_text(ANNEXED_DRAFTS, "A_99_20.txt")
    assert not r.qa.warnings
    ids = [b.id for b in r.body if b.type in ("paragraph", "item")]
    assert ids == ["para-1", "para-2", "annex-draft-resolution-I-para-1", "annex-draft-resolution-I-para-2",
                   "annex-draft-resolution-I-para-2-a", "annex-draft-resolution-I-para-3",
                   "annex-draft-resolution-II-para-1", "annex-draft-resolution-II-para-2"]
    assert r.block("annex-draft-resolution-I-para-2-a").parent == "annex-draft-resolution-I-para-2"
    assert r.citation(r.block("annex-draft-resolution-II-para-1")) == "annex, draft resolution II, para. 1"
    assert r.citation(r.block("annex-draft-resolution-I-para-2-a")) == "annex, draft resolution I, para. 2 (a)"
    assert [b.id for b in r.paragraphs()] == ["para-1", "para-2"]
    titles = {rec.url.rpartition("#")[2]: rec.title for rec in report_records(r)}
    assert titles["annex-draft-resolution-II-para-1"].startswith("A/99/20 annex draft resolution II ¶ 1")
    assert titles["para-1"].startswith("A/99/20 ¶ 1")
    plain = convert_text(ANNEXED_DRAFTS.split("Draft resolutions recommended")[0] + "Contributions\n\n1. Text.\n",
                         "A_99_20.txt")
    assert [b.id for b in plain.body if b.type == "paragraph"][-1] == "annex-para-1"


def test_the_parts_of_an_annex_are_headings_of_their_own():
    """The second probe: "Enclosure" ended the annex's title, and "Appendix" ran into its title."""
    r = convert_text(
        "S/2099/30\n\nI. Intro\n\n1. Text.\n\nAnnex\nLetter dated 1 June 2018 from the Permanent Representative\n"
        "Enclosure\nStatement by the Government\n1.\nThe Government welcomes the report.\n"
        "Appendix\nContributions by country\n2.\nContributions are listed.\n",
        "S_2099_30.txt",
    )
    assert [b.text for b in r.body if b.type == "heading"][1:] == [
        "Annex — Letter dated 1 June 2018 from the Permanent Representative",
        "Enclosure — Statement by the Government",
        "Appendix — Contributions by country",
    ]


def test_a_parts_label_is_a_heading_with_or_without_a_blank_line_under_it():
    """"Appendix I", a blank line, "Persons met" ran into one text block ("Appendix I Persons
    met"); a label over the part's text (no title) was that text's first words."""
    r = convert_text(
        "S/2099/30\n\nI. Intro\n\n1. Text.\n\nII. Findings\n\n2. The Mission has made progress.\n\n"
        "Appendix I\n\nPersons met\n\n3. The team met officials.\n\n"
        "Appendix II\nTerms of reference\nThe review will assess the Mission.\n\n"
        "Appendix III\nThe team met the following officials of the Government of\nTestland during its visit.\n",
        "S_2099_30.txt",
    )
    shown = [(b.type, b.text) for b in r.body if b.section == "II"][2:]
    assert shown == [
        ("heading", "Appendix I — Persons met"), ("paragraph", "The team met officials."),
        ("heading", "Appendix II — Terms of reference"), ("text", "The review will assess the Mission."),
        ("heading", "Appendix III"),
        ("text", "The team met the following officials of the Government of Testland during its visit."),
    ]
    # Each part's heading is named by its label, the document's own numbering.
    assert [b.id for b in r.body if b.type == "heading"][2:] == ["appendix-I", "appendix-II", "appendix-III"]


def test_a_parts_heading_id_is_its_label_inside_its_annex():
    """ "Appendix" in annex I is annex-I-appendix; a second unnumbered "Appendix" there is named
    after the paragraph under it, as unnumbered sub-headings are (no id used twice)."""
    r = convert_text(
        "S/2099/32\n\nI. Intro\n\n1. Text of the report.\n\nAnnex I\n\nReport of the review\n\n"
        "1. The review began.\n\nAppendix\n\nPersons met\n\n2. The team met officials.\n\n"
        "Appendix\n\nSites visited\n\n3. The team visited sites.\n",
        "S_2099_32.txt",
    )
    parts = [(b.id, b.text) for b in r.body if b.type == "heading" and b.text.startswith("Appendix")]
    assert parts == [("annex-I-appendix", "Appendix — Persons met"), ("h-annex-I-para-3", "Appendix — Sites visited")]
    assert not r.qa.warnings


def test_an_enclosure_over_a_letters_report_is_its_heading():
    """A letter transmitting a report as its enclosure: "Enclosure" and the report's title are
    one heading over the report's text, as "Annex" and the title are."""
    r = convert_text(
        "S/2099/31\n\nLetter dated 1 March 2099 from the Secretary-General addressed to the President "
        "of the Security Council\n\nI have the honour to transmit herewith the report of the review (see "
        "enclosure).\n\n(Signed) Ban Ki-moon\n\nEnclosure\n\nReport of the independent review\n\n"
        "I. Introduction\n\n1. The review was requested by the Council.\n",
        "S_2099_31.txt",
    )
    assert [(b.type, b.text) for b in r.body][2:4] == [
        ("heading", "Enclosure — Report of the independent review"), ("heading", "Introduction")]


def test_an_annex_title_after_a_blank_line_and_its_table_of_rows_a_line():
    """A report of 1992 (S/25006, ONUSAL): "ANNEX I", a blank line, its title in capitals, a
    blank line, then a row a line ("Brazil 15"). The title was a text block run into the
    table's rows; the rows were one cell each, shown as "Brazil 15 Canada 52 …"."""
    from build_tools.tables import Row, table_parts

    r = convert_text(
        "S/25006\n\nI. OBSERVATIONS\n\n1. The Mission will continue to verify compliance with the Agreements.\n\n"
        "ANNEX I\n\nCOMPOSITION OF THE MILITARY DIVISION AS AT 15 DECEMBER 1992\n\n"
        "Brazil 15\nCanada 52\nChile 3\nCosta Rica 1 214\nTotal 1 284\n",
        "S_25006.txt",
    )
    heading, table = [b for b in r.body if b.section == "annex-I"]
    assert heading.text == "Annex I — Composition of the military division as at 15 December 1992"
    assert table.cells == ("Brazil", "15", "Canada", "52", "Chile", "3", "Costa Rica", "1 214", "Total", "1 284")
    assert table_parts(table)[0].rows[-2:] == (Row("Costa Rica", "", ("1 214",)), Row("Total", "", ("1 284",)))


def test_an_annex_takes_no_single_word_after_a_blank_line_as_its_title():
    """ "Annex II", a blank line, "Country": a table's first cell, not the annex's title."""
    r = convert_text(
        "S/2099/41\n\nI. Intro\n\n1. Text of the report.\n\nAnnex II\n\nCountry\n\nBrazil\n\n15\n\nChile\n\n3\n",
        "S_2099_41.txt",
    )
    assert [b.text for b in r.body if b.type == "heading"] == ["Intro", "Annex II"]


def test_a_title_line_over_unnumbered_prose_is_its_heading():
    """A short title line, a blank line, then unnumbered prose: the title was the first words of
    the prose's text block ("Composition of the Division The Division was …")."""
    r = convert_text(
        "S/2099/40\n\nI. Intro\n\n1. Text of the report.\n\nComposition of the Division\n\n"
        "The Division was composed as follows.\n\nFurther developments\n\nThe Division grew in size.\n",
        "S_2099_40.txt",
    )
    assert [(b.type, b.text) for b in r.body][2:] == [
        ("heading", "Composition of the Division"), ("text", "The Division was composed as follows."),
        ("heading", "Further developments"), ("text", "The Division grew in size."),
    ]


PARTS = """United Nations                                                A/99/100
General Assembly                                              Distr.: General
                                                              1 January 2020

Seventy-fourth session

          Review of things
          Report of the Secretary-General

          PART ONE
          OVERVIEW OF THE YEAR

          I. Introduction
     1.   The present report is submitted pursuant to resolution 73/100 and covers the year.
     2.   Part one of the report covers the context.

          II. Context
     3.   The context is described here.

          Part II: Activities of the Organization

          III. Peace and security
     4.   Peace and security activities went on.

          Part 3

          Conclusions
     5.   They will go on.
"""


def test_a_report_in_parts_has_part_headings_over_their_sections():
    """ "PART ONE" / its title, "Part II: Activities …", "Part 3" / blank / "Conclusions": a part is a
    heading of level 0 named by its own label (part-one, part-II, part-3), its title after a dash.
    It starts the body as any marker (not masthead text) and heads the page of the section that
    starts right after it; with no section after it, it stays in the section it ends. "Part one
    of the report …" in a paragraph is text."""
    r = convert_text(PARTS, "A_99_100.txt")
    parts = [(b.id, b.text, b.section) for b in r.body if b.type == "heading" and b.level == 0]
    assert parts == [
        ("part-one", "Part one — Overview of the year", "I"),
        ("part-II", "Part II — Activities of the Organization", "III"),
        ("part-3", "Part 3 — Conclusions", "III"),
    ]
    assert [b.id for b in r.body if b.type == "paragraph"] == ["para-1", "para-2", "para-3", "para-4", "para-5"]
    assert [s.key for s in r.sections] == ["I", "II", "III"]
    assert r.body[3].text == "Part one of the report covers the context."


FASCICLE = """United Nations                                                A/72/6 (Sect. 5)
General Assembly                                              Distr.: General
                                                              20 April 2017

Seventy-second session
Item 135 of the preliminary list
Proposed programme budget for the biennium 2018-2019

            Proposed programme budget for the biennium 2018-2019

            Part II
            Political affairs

            Section 5
            Peacekeeping operations

            (Programme 4 of the biennial programme plan for the period 2018-2019)

Contents
                                                                    Page
   Overview . . . . . . . . . . . . . . . . . . . . . . . . . . . . .    3
   A. Executive direction and management . . . . . . . . . . . . . .   10

Overview

5.1 The Department of Peacekeeping Operations is responsible for the
planning, management, deployment, support and direction of all United
Nations peacekeeping operations.

5.2 The Department of Field Support is responsible for delivering
dedicated support to field missions.

A. Executive direction and management

5.3 The Under-Secretary-General provides overall leadership.
"""


def test_a_part_in_the_title_block_over_no_marker_is_masthead_text():
    """A budget fascicle's title names its part and section ("Part II" / "Political affairs" /
    "Section 5" / …) above its contents: no part of the body (that made the title lines after it
    one text block of the body, "Overview" in it), but masthead text, as a part over "I." is not."""
    r = convert_text(FASCICLE, "A_72_6_Sect_5.txt")
    assert r.meta.title == "Proposed programme budget for the biennium 2018-2019"
    texts = [(b.type, b.text) for b in r.body]
    assert texts[:5] == [("text", "Part II"), ("text", "Political affairs"), ("text", "Section 5"),
                         ("text", "Peacekeeping operations"), ("text", texts[4][1])]
    assert texts[5] == ("heading", "Overview")
    assert [b.id for b in r.body if b.type == "paragraph"] == ["para-5.1", "para-5.2", "para-5.3"]
    assert not [b for b in r.blocks() if b.level == 0 and b.type == "heading"]


def test_a_part_heads_its_sections_page_and_the_contents():
    """The part's heading opens the page of the section after it, above the section's own; the
    report's contents list it (class toc-level-0) linked to it there."""
    pages = render_corpus([convert_text(PARTS, "A_99_100.txt")])
    third = pages["A/99/100/III/index.md"]
    assert third.index("{#part-II}") < third.index("{#sec-III}")
    assert "{#part-II}" not in pages["A/99/100/II/index.md"]
    index = pages["A/99/100/index.md"]
    assert '<li class="toc-level-0"><a href="III/#part-II">Part II — Activities of the Organization</a></li>' in index
    assert '<li class="toc-level-0"><a href="I/#part-one">Part one — Overview of the year</a></li>' in index


def test_a_part_that_numbers_its_sections_anew_keeps_them_apart():
    """Part two starts again at "I.": its sections are sections (not a lettered "I" under II and
    an unnumbered "II. Development"), named under the part (part-two-sec-I, page part-two-I), so
    no id or page is used twice; parts that go on numbering ("Part two" / "III.") keep sec-III."""
    text = ("S/2099/1\n\nPart one\nOverview\n\nI. Intro\n\n1. One.\n\nII. Context\n\nA. Politics\n\n2. Two.\n\n"
            "Part two\nActivities\n\nI. Peace\n\n3. Three.\n\nII. Development\n\nA. Aid\n\n4. Four.\n")
    r = convert_text(text, "S_2099_1.txt")
    assert [(b.id, b.section) for b in r.body if b.type == "heading"] == [
        ("part-one", "I"), ("sec-I", "I"), ("sec-II", "II"), ("sec-II-A", "II"),
        ("part-two", "part-two-I"), ("part-two-sec-I", "part-two-I"),
        ("part-two-sec-II", "part-two-II"), ("part-two-sec-II-A", "part-two-II"),
    ]
    assert [(s.key, s.number, s.title) for s in r.sections] == [
        ("I", "I", "Intro"), ("II", "II", "Context"),
        ("part-two-I", "I", "Peace"), ("part-two-II", "II", "Development"),
    ]
    assert not r.qa.warnings
    pages = render_corpus([r])
    assert "{#part-two-sec-I}" in pages["S/2099/1/part-two-I/index.md"]
    going_on = convert_text(PARTS, "A_99_100.txt")
    assert [s.key for s in going_on.sections] == ["I", "II", "III"]


def test_a_part_that_numbers_its_paragraphs_anew_keeps_them_apart():
    """Part two starts again at "I." and at "1.": its paragraphs are paragraphs (they were text,
    each reported out of sequence), named under the part (part-two-para-1, its item
    part-two-para-1-a), cited "part two, para. 1"; part one's keep para-1, para-2."""
    text = ("S/2099/1\n\nPart one\nOverview\n\nI. Intro\n\n1. One.\n\n2. Two.\n\n"
            "Part two\nActivities\n\nI. Peace\n\n1. Three as follows:\n\n(a) first;\n\n(b) second.\n\n2. Four.\n")
    r = convert_text(text, "S_2099_1.txt")
    assert [(b.id, b.type, b.parent) for b in r.body if b.type in ("paragraph", "item")] == [
        ("para-1", "paragraph", None), ("para-2", "paragraph", None),
        ("part-two-para-1", "paragraph", None), ("part-two-para-1-a", "item", "part-two-para-1"),
        ("part-two-para-1-b", "item", "part-two-para-1"), ("part-two-para-2", "paragraph", None),
    ]
    assert not r.qa.warnings
    assert r.citation(r.block("part-two-para-1")) == "part two, para. 1"
    assert r.citation(r.block("part-two-para-1-a")) == "part two, para. 1 (a)"
    assert r.citation(r.block("para-2")) == "para. 2"


@pytest.mark.parametrize("layout", ["blank lines", "a line each"])
def test_a_resolutions_preambular_paragraphs_are_numbered_as_readers_cite_them(layout):
    """A resolution's preambular paragraphs are cited by their place ("the third preambular
    paragraph"): under the organ's line, the paragraphs before operative paragraph 1 are pp-1,
    pp-2 … (they were front-text-2 …, numbered by their place among all unnumbered text), cited
    "preambular para. 3". The organ's line and the closing meeting stay text."""
    text = RESOLUTION if layout == "blank lines" else RESOLUTION.replace(",\n\n", ",\n")
    r = convert_text(text, "A_RES_72_199.txt")
    blocks = [(b.id, b.text) for b in r.body]
    assert blocks[:6] == [
        ("front-text-1", "The General Assembly,"),
        ("pp-1", "Recalling its resolution 71/186 of 19 December 2016 and all previous resolutions on human "
                 "rights and extreme poverty,"),
        ("pp-2", "Reaffirming the Universal Declaration of Human Rights,"),
        ("pp-3", "Deeply concerned that extreme poverty persists in all countries,"),
        ("para-1", "Reaffirms that extreme poverty is a violation of human dignity;"),
        ("para-2", "Decides to continue its consideration of the question."),
    ]
    assert r.citation(r.block("pp-3")) == "preambular para. 3"
    assert r.block("pp-3").type == "text" and r.block("pp-3").preambular == "3"
    assert r.block("para-1").preambular is None and r.block("front-text-1").preambular is None
    assert [b.id for b in r.paragraphs()] == ["para-1", "para-2"]


def test_draft_resolutions_number_their_preambles_under_their_own_numbering():
    """A committee's drafts: "draft-resolution-II-pp-1", cited "draft resolution II, preambular
    para. 1"; in an annex of drafts "annex-draft-resolution-I-pp-1" ("annex, draft resolution I,
    preambular para. 1"). Text that no operative "1." follows is no preamble."""
    r = convert_text(COMMITTEE_REPORT, "A_73_650.txt")
    assert [b.id for b in r.body if b.preambular] == ["draft-resolution-I-pp-1", "draft-resolution-II-pp-1"]
    assert r.citation(r.block("draft-resolution-II-pp-1")) == "draft resolution II, preambular para. 1"
    assert r.block("draft-resolution-II-pp-1").text == "Recalling its resolution 72/300,"
    r = convert_text(ANNEXED_DRAFTS, "A_99_20.txt")
    assert [b.id for b in r.body if b.preambular] == ["annex-draft-resolution-I-pp-1", "annex-draft-resolution-II-pp-1"]
    assert r.citation(r.block("annex-draft-resolution-I-pp-1")) == "annex, draft resolution I, preambular para. 1"
    titles = {rec.url.rpartition("#")[2]: rec.title for rec in report_records(r)}
    assert titles["annex-draft-resolution-II-pp-1"].startswith("A/99/20 annex draft resolution II preambular ¶ 1")
    quoted = convert_text("A/99/1\n\nI. Intro\n\n1. Text.\n\nThe General Assembly,\n\nRecalling its work,\n\n"
                          "II. More\n\n2. Text.\n", "A_99_1.txt")
    assert not [b.id for b in quoted.body if b.preambular]


def test_a_preamble_ends_at_the_first_paragraph_without_its_comma():
    """A resolution whose one operative paragraph adopts an annexed declaration: its preamble is
    "Recalling …," alone; the operative paragraph, the closing meeting and the declaration's
    opening clause are no preambular paragraphs (they were pp-2 to pp-4, counted on to the
    declaration's "1.")."""
    text = ("United Nations A/RES/99/2\nGeneral Assembly Distr.: General\n18 July 2099\n\n"
            "Resolution adopted by the General Assembly on 6 July 2099\n\n"
            "99/2. Political declaration of the high-level meeting\n\nThe General Assembly,\n\n"
            "Recalling its resolution 98/2,\n\nAdopts the political declaration annexed to the present resolution.\n\n"
            "3rd plenary meeting\n6 July 2099\n\nAnnex\n\nPolitical declaration of the high-level meeting\n\n"
            "We, Heads of State and Government, assembled at the United Nations,\n\n"
            "1. Reaffirm our commitment to the Charter;\n\n2. Commit to act together.\n")
    r = convert_text(text, "A_RES_99_2.txt")
    assert [(b.id, b.text) for b in r.body if b.preambular] == [("pp-1", "Recalling its resolution 98/2,")]
    assert [b.id for b in r.body if b.type == "paragraph"] == ["para-1", "para-2"]
