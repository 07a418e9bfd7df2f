"""Segmentation on both layouts: one line per paragraph, and hard-wrapped OCR."""

import pytest

from build_tools.blocks import roman_value, segment, to_roman
from build_tools.furniture import remove_furniture


def seg(text):
    paged = remove_furniture(text)
    return segment(paged.lines, paged.page_breaks)


def kinds(s):
    return [(b.kind, b.number, " ".join(b.text_lines)) for b in s.blocks]


def test_one_line_per_paragraph_with_a_cut_across_a_page_break():
    s = seg("Title\n\nI. Introduction\n\n1. First paragraph runs to the\n\n¹ A note.\n\nnext page here.\n\n2. Second.\n")
    assert kinds(s) == [
        ("heading", "I", "Introduction"),
        ("paragraph", "1", "First paragraph runs to the next page here."),
        ("paragraph", "2", "Second."),
    ]
    assert [f.mark for f in s.footnotes] == ["1"]


def test_bare_markers_take_their_titles_in_order_without_blank_lines():
    """ "II." / "A." / two title lines / "4.", no blank line anywhere: II and A each take a title
    (A had none and its title was an unnumbered heading)."""
    s = seg("Mast\n\nI. Intro\n1. Text.\nII.\nA.\nSITUATION ON THE GROUND\nSecurity and political situation\n"
            "4.\nFollowing the deployment.\n")
    heads = [(b.number, " ".join(b.text_lines)) for b in s.blocks if b.kind == "heading"]
    assert heads == [("I", "Intro"), ("II", "SITUATION ON THE GROUND"), ("A", "Security and political situation")]


def test_a_sub_heading_right_under_a_long_section_title_without_blank_lines():
    """ "III. Priorities … in today's world" (long: it looks wrapped) / "Pursuit of political
    settlements" / "10.": the second line starts with a word the report writes in lower case and
    never capitalises mid-sentence, so it is a heading of its own; a proper noun ("the Mission"
    in the text) goes on the title."""
    body = "1. Text in pursuit of peace.\n2. The Mission met.\n"
    s = seg(f"Mast\n\nI. Intro\n{body}III. Priorities for United Nations peace operations in today's world\n"
            "Pursuit of political settlements\n10. The Panel reminds us.\n")
    heads = [(b.number, " ".join(b.text_lines)) for b in s.blocks if b.kind == "heading"]
    assert heads[1:] == [("III", "Priorities for United Nations peace operations in today's world"),
                         (None, "Pursuit of political settlements")]
    s = seg(f"Mast\n\nI. Intro\n{body}II. Post-electoral role of the United Nations Stabilization\n"
            "Mission in Haiti\n3. The Panel reminds us.\n")
    heads = [(b.number, " ".join(b.text_lines)) for b in s.blocks if b.kind == "heading"]
    assert heads[1:] == [("II", "Post-electoral role of the United Nations Stabilization Mission in Haiti")]


def test_numbers_and_letters_alone_on_their_lines():
    s = seg("Masthead\n\nII. Major developments\nA.\n\nPolitical situation\n2.\nThroughout his first\nyear in office.\n")
    assert kinds(s)[1:] == [
        ("heading", "A", "Political situation"),
        ("paragraph", "2", "Throughout his first year in office."),
    ]


def test_bare_roman_and_letter_take_the_following_headings_in_order():
    s = seg("Mast\n\nII.\nA.\n\nSITUATION ON THE GROUND\n\nSecurity and political situation\n\n4.\nFollowing the deployment.\n")
    heads = [(b.number, " ".join(b.text_lines)) for b in s.blocks if b.kind == "heading"]
    assert heads == [("II", "SITUATION ON THE GROUND"), ("A", "Security and political situation")]


def test_wrapped_heading_and_unnumbered_subheading():
    text = (
        "Mast\n\nI. Background\n\n1. Text.\n\nA. Strengthening the range of United Nations responses: capacities\n"
        "for conflict prevention and mediation\n\nRegional offices\n\n2. More text.\n"
    )
    s = seg(text)
    assert kinds(s)[2] == (
        "heading", "A", "Strengthening the range of United Nations responses: capacities for conflict prevention and mediation"
    )
    assert kinds(s)[3] == ("heading", None, "Regional offices")
    assert s.blocks[3].level == 3


@pytest.mark.parametrize("mark", ["A.", "I."])
def test_a_heading_wrapped_after_its_colon_is_a_heading(mark):
    """The line ends at the title's colon and the next goes on in lower case (a lettered section,
    and an annex's roman one); a sentence ending in a colon over an item stays text."""
    annex = "Annex\n\nReport of the Panel\n\n" if mark == "I." else "I. Background\n\n"
    text = (f"Mast\n\n{annex}1. Text.\n\n{mark} Strengthening the range of United Nations responses:\n"
            "capacities for conflict prevention\nand mediation\n\n2. More text.\n")
    heading = [k for k in kinds(seg(text)) if k[1] == mark[0]]
    assert heading == [("heading", mark[0], "Strengthening the range of United Nations responses: capacities"
                        " for conflict prevention and mediation")]
    sentence = "Mast\n\nI. Background\n\n1. Text.\n\nA. The Council decided the following:\n(a) To extend.\n"
    assert not [k for k in kinds(seg(sentence)) if k[1] == "A"]


def test_a_narrow_layouts_first_line_is_no_heading_glued_to_its_text():
    """At 60 columns a paragraph's first line is as long as the lines under it: text. A heading
    glued to its text (pdftotext) is clearly shorter than the prose line under it."""
    narrow = ("Mast\n\nI. Background\n\n1. Text.\n\nIn its 2007 report, the Special Committee on Peacekeeping\n"
              "Operations requested the Secretary-General to submit a\nreport on progress.\n")
    assert [k[0] for k in kinds(seg(narrow))] == ["heading", "paragraph", "text"]
    glued = ("Mast\n\nI. Background\n\n1. Text.\n\nRegional offices\n"
             "The regional offices play a unique role in the prevention of conflict and in mediation.\n")
    assert kinds(seg(glued))[2:] == [
        ("heading", None, "Regional offices"),
        ("text", None, "The regional offices play a unique role in the prevention of conflict and in mediation."),
    ]


@pytest.mark.parametrize("mark", ["2,", "2:", "2;"])
def test_a_paragraph_number_the_ocr_damaged_is_taken_when_it_comes_next(mark):
    """ "2," for "2." after a finished sentence, with or without a blank line, under a heading
    too: paragraph 2, and a warning that names the damage (an erratum can mend the source)."""
    for sep in ("\n", "\n\n"):
        s = seg(f"Mast\n\nI. Background\n\n1. The Council met.{sep}{mark} The Mission deployed.\n")
        assert kinds(s)[1:] == [("paragraph", "1", "The Council met."), ("paragraph", "2", "The Mission deployed.")]
        assert any(f"paragraph number 2 reads '{mark}'" in w for w in s.warnings)
    s = seg(f"Mast\n\nI. Background\n\n1. The Council met.\n\nA.\n\nPolitical situation\n"
            f"{mark} The Mission deployed.\n")
    assert kinds(s)[2:] == [("heading", "A", "Political situation"), ("paragraph", "2", "The Mission deployed.")]


@pytest.mark.parametrize(("mark", "number"), [("l2.", "12"), ("I2.", "12"), ("12,", "12"), ("1l.", None)])
def test_an_ocr_letter_for_the_digit_one_in_a_paragraph_number(mark, number):
    """ "l2." and "I2." are 12 when 12 comes next; "1l." would be 11, which does not: text."""
    body = "".join(f"{n}. Text {n}.\n" for n in range(1, 12))
    last = kinds(seg(f"Mast\n\nI. Background\n\n{body}{mark} The Mission deployed.\n"))[-1]
    if number:
        assert last == ("paragraph", number, "The Mission deployed.")
    else:
        assert last == ("paragraph", "11", f"Text 11. {mark} The Mission deployed.")


@pytest.mark.parametrize("mark", ["2O.", "2o,", "l0."])
def test_an_ocr_letter_o_for_the_digit_zero_in_a_paragraph_number(mark):
    """ "2O." is 20 where 20 comes next (the OCR's O for 0, as its l for 1): paragraph 20, reported."""
    body = "".join(f"{n}. Text {n}.\n" for n in range(1, 20 if mark[0] == "2" else 10))
    s = seg(f"Mast\n\nI. Background\n\n{body}{mark} The Mission deployed.\n")
    number = "20" if mark[0] == "2" else "10"
    assert kinds(s)[-1] == ("paragraph", number, "The Mission deployed.")
    assert any(f"paragraph number {number} reads '{mark}'" in w for w in s.warnings)


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_paragraph_number_that_lost_its_full_stop_is_taken_when_the_next_confirms_it(sep):
    """ "12 The Mission …" (no full stop) is paragraph 12 where 12 comes next and the next mark is
    13; a date line "12 July 2006" or "12 Senators were elected." with no paragraph 13 after it,
    or with paragraph 12 still to come, stays text."""
    body = "".join(f"{n}. Text {n}.\n" for n in range(1, 12))
    s = seg(f"Mast\n\nI. Background\n\n{body}{sep}12 The Mission deployed.\n13. More text.\n")
    assert kinds(s)[-2:] == [("paragraph", "12", "The Mission deployed."), ("paragraph", "13", "More text.")]
    assert any("paragraph number 12 reads '12'" in w for w in s.warnings)
    for tail in ("12 July 2006\n", "12 Senators were elected.\n12. The Council met.\n"):
        got = kinds(seg(f"Mast\n\nI. Background\n\n{body}{sep}{tail}"))
        assert ("paragraph", "12", "July 2006") not in got and ("paragraph", "12", "Senators were elected.") not in got


def test_paragraph_numbers_that_lost_their_full_stops_in_a_row_confirm_one_another():
    """ "12 The …" / "13 The …" / "14. …": each confirmed by the next, the last by an intact
    mark; three such marks in sequence after one confirm it without one ("12" … "15" to the
    end: 12 is taken, the last three wait for a fourth). "12 Senators …" where "12." is still to
    come stays text, whatever follows."""
    body = "".join(f"{n}. Text {n}.\n" for n in range(1, 12))
    s = seg(f"Mast\n\nI. Background\n\n{body}\n12 The Mission.\n\n13 The Council.\n\n14. More text.\n")
    assert [k[1] for k in kinds(s)[-3:]] == ["12", "13", "14"]
    tail = "".join(f"\n{n} The text {n}.\n" for n in range(12, 16))
    s = seg(f"Mast\n\nI. Background\n\n{body}{tail}")
    assert [k[1] for k in kinds(s) if k[0] == "paragraph"][-1] == "12"
    s = seg(f"Mast\n\nI. Background\n\n{body}\n12 Senators were elected.\n\n13 The Council.\n\n12. The Council met."
            "\n\n13. It met again.\n\n14. And again.\n")
    assert [k[1] for k in kinds(s) if k[0] == "paragraph"][-3:] == ["12", "13", "14"]
    assert [k[2] for k in kinds(s) if k[1] == "12"] == ["The Council met."]


def test_a_paragraph_number_the_ocr_spaced_apart_is_taken_when_it_comes_next():
    """ "1 2. The Mission …" (pdftotext spaces digits apart as it spaces "Accounta nt"): 12 where
    12 comes next; "1 250 Member States …" or "12 500 troops …" is no paragraph mark."""
    body = "".join(f"{n}. Text {n}.\n" for n in range(1, 12))
    s = seg(f"Mast\n\nI. Background\n\n{body}1 2. The Mission deployed.\n")
    assert kinds(s)[-1] == ("paragraph", "12", "The Mission deployed.")
    assert any("paragraph number 12 reads '1 2.'" in w for w in s.warnings)
    for line in ("1 250 Member States signed.", "12 500 troops were deployed."):
        assert kinds(seg(f"Mast\n\nI. Background\n\n{body}{line}\n13. More.\n"))[-2][:2] == ("paragraph", "11")


@pytest.mark.parametrize("mark", ["16,", "l6.", "16 "])
def test_a_title_over_a_damaged_paragraph_number_is_its_heading(mark):
    """ "Protection of civilians" / "16, I am proud …": the title was kept as text, as only an
    intact mark counted as the marker under a heading."""
    body = "".join(f"{n}. Text {n}.\n" for n in range(1, 16))
    s = seg(f"Mast\n\nI. Background\n\n{body}\nProtection of civilians\n\n{mark.strip()} I am proud of it.\n"
            "17. More text.\n")
    assert kinds(s)[-3:] == [("heading", None, "Protection of civilians"), ("paragraph", "16", "I am proud of it."),
                             ("paragraph", "17", "More text.")]


def test_a_damaged_paragraph_number_before_the_pronoun_the_ocr_read_as_one():
    """ "l2. 1 am mindful": number and pronoun both damaged, still paragraph 12 when 12 comes
    next; "1" before a word that does not follow "I" ("12, 1 million") is no pronoun: text."""
    body = "".join(f"{n}. Text {n}.\n" for n in range(1, 12))
    for mark in ("l2.", "12,"):
        s = seg(f"Mast\n\nI. Background\n\n{body}{mark} 1 am mindful of it.\n")
        assert kinds(s)[-1] == ("paragraph", "12", "1 am mindful of it.")  # the word rules mend "1"
        assert any(f"paragraph number 12 reads '{mark}'" in w for w in s.warnings)
    s = seg(f"Mast\n\nI. Background\n\n{body}12, 1 million people voted.\n")
    assert kinds(s)[-1] == ("paragraph", "11", "Text 11. 12, 1 million people voted.")


def test_a_damaged_number_that_does_not_come_next_or_cuts_a_sentence_stays_text():
    s = seg("Mast\n\nI. Background\n\n1. The Council met on\n2, The date was set.\n\n2015, The year ended.\n")
    assert kinds(s)[1:] == [
        ("paragraph", "1", "The Council met on 2, The date was set."),
        ("text", None, "2015, The year ended."),
    ]
    assert not any("reads" in w for w in s.warnings)


@pytest.mark.parametrize("mark", ["Il.", "ll.", "lI.", "11.", "1I."])
def test_a_section_numeral_with_an_ocr_l_for_i_is_taken_when_it_comes_next(mark):
    """ "Il. Findings" where section II comes next: section II, reported; "Ill." where II comes
    next is text; so is "Il." as the start of a sentence."""
    s = seg(f"Mast\n\nI. Background\n\n1. Text.\n\n{mark} Findings\n\n2. More text.\n")
    assert kinds(s)[2] == ("heading", "II", "Findings")
    assert any(f"section number II reads '{mark}'" in w for w in s.warnings)
    s = seg("Mast\n\nI. Background\n\n1. Text.\n\nIll. Findings\n\n2. More text.\n")
    assert [k[1] for k in kinds(s) if k[0] == "heading"] == ["I", None]  # a sub-heading as printed
    s = seg(f"Mast\n\nI. Background\n\n1. Text.\n\n{mark} The Mission met the parties.\n")
    assert [k[1] for k in kinds(s) if k[0] == "heading"] == ["I"]


@pytest.mark.parametrize("mark", ["II .", "II,", "II."])
def test_a_section_numeral_whose_full_stop_the_ocr_damaged_is_taken_when_it_comes_next(mark):
    """ "II . Findings" (pdftotext's space before a full stop), "II, Findings", "II.Findings"
    (glued; "II.MINUJUSTH" too): section II where II comes next, reported; not a sentence
    ("II, The Mission met …"), not a title in lower case ("II, it assesses …"), not "I.S/2015/1"."""
    sep = "" if mark == "II." else " "
    for title in ("Findings", "MINUJUSTH start-up"):
        s = seg(f"Mast\n\nI. Background\n\n1. Text.\n\n{mark}{sep}{title}\n\n2. More text.\n")
        assert kinds(s)[2] == ("heading", "II", title)
        assert any(f"section number II reads '{mark}'" in w for w in s.warnings)
    for line in (f"{mark}{sep}The Mission met the parties.", f"{mark}{sep}it assesses the plan", "I.S/2015/1"):
        s = seg(f"Mast\n\nI. Background\n\n1. Text.\n\n{line}\n\n2. More text.\n")
        assert "II" not in [k[1] for k in kinds(s) if k[0] == "heading"], line


def test_a_section_numeral_whose_full_stop_the_ocr_lost_is_taken_over_a_marker():
    """ "II Findings": section II where II comes next, over a paragraph's mark or over a
    sub-heading over one (A/70/357's "III. Priorities …" / "Pursuit of political settlements"),
    reported; "I Introduction" starts the body so. Not the pronoun's sentence ("I Welcome the
    report."), not over prose, not a numeral out of sequence."""
    s = seg("Mast\n\nI Background\n\n1. Text.\n\nII Findings\n\nA sub-heading\n\n2. More text.\n")
    headings = [k for k in kinds(s) if k[0] == "heading"]
    assert headings[:2] == [("heading", "I", "Background"), ("heading", "II", "Findings")]
    assert any("section number II reads 'II'" in w for w in s.warnings)
    for line, after in (("I Welcome the report.", "2. More."), ("II Findings", "The text goes on here."),
                        ("III Findings", "2. More.")):
        s = seg(f"Mast\n\nI. Background\n\n1. Text.\n\n{line}\n\n{after}\n")
        assert [k[1] for k in kinds(s) if k[0] == "heading"] in (["I"], ["I", None]), line


def test_a_section_letter_whose_full_stop_the_ocr_lost_is_taken_over_a_marker():
    """ "B Regional partnerships" after section A, over a paragraph's mark (or "D …" where the OCR
    lost C): section B, reported. Not "A …" (an article: "A renewed focus" is a sub-heading's
    start), not over prose, not a letter out of sequence, not a sentence."""
    head = "Mast\n\nI. Background\n\nA. First\n\n1. Text.\n\n"
    s = seg(f"{head}B Regional partnerships\n\n2. More text.\n")
    assert kinds(s)[3] == ("heading", "B", "Regional partnerships")
    assert any("section letter B reads 'B'" in w for w in s.warnings)
    assert kinds(seg(f"{head}C Regional partnerships\n\n2. More text.\n"))[3][:2] == ("heading", "C")
    for line, after in (("E Regional partnerships", "2. More."), ("B Regional partnerships", "The text goes on."),
                        ("B The Mission met the parties.", "2. More.")):
        got = {k[1] for k in kinds(seg(f"{head}{line}\n\n{after}\n")) if k[0] == "heading"}
        assert got <= {"I", "A", None}, line
    s = seg("Mast\n\nI. Background\n\n1. Text.\n\nA renewed focus on prevention\n\n2. More text.\n")
    assert [k[1] for k in kinds(s) if k[0] == "heading"] == ["I", None]


@pytest.mark.parametrize("b_mark", ["B. Regional partnerships", "B Regional partnerships"])
def test_section_letter_a_without_its_full_stop_is_taken_where_b_follows_in_its_section(b_mark):
    """ "A Political developments" first in a section, over a paragraph's mark, with B (its full
    stop kept or lost) later in the same section: section A, reported. Without a B before the
    next section (or with none at all), "A renewed focus …" stays an unnumbered sub-heading."""
    s = seg(f"Mast\n\nI. Background\n\nA Political developments\n\n1. Text.\n\n{b_mark}\n\n2. More.\n")
    assert [k[:2] for k in kinds(s) if k[0] == "heading"] == [("heading", "I"), ("heading", "A"), ("heading", "B")]
    assert kinds(s)[1] == ("heading", "A", "Political developments")
    assert any("section letter A reads 'A'" in w for w in s.warnings)
    for text in (
        "Mast\n\nI. Background\n\nA renewed focus on prevention\n\n1. Text.\n\nII. Next\n\n2. More.\n\n"
        "B. Late\n\n3. Last.\n",
        "Mast\n\nI. Background\n\nA renewed focus on prevention\n\n1. Text.\n\n2. More.\n",
        "Mast\n\nI. Background\n\nA. First\n\n1. Text.\n\nA renewed focus\n\n2. More.\n\nB. Next\n\n3. x.\n",
    ):
        assert "A renewed focus" not in {k[2] for k in kinds(seg(text)) if k[0] == "heading" and k[1] == "A"}, text


def test_marks_alone_on_their_line_without_full_stops_are_sections_over_a_title_and_a_marker():
    """A numeral or letter alone on its line, its full stop lost (or never printed, as resolutions
    number their parts): the next section, over a title line over a marker; a numeral may head
    its section's "A." directly (S/1999/779's "II." / "A."); "A" only where B follows."""
    s = seg("Mast\n\nI\n\nINTRODUCTION\n\n1. Text.\n\nII\nA\n\nSITUATION ON THE GROUND\n\nSecurity situation\n\n"
            "2. More.\n\nB\n\nHuman rights\n\n3. Text.\n\nIII\n\nACTIVITIES\n\n4. Last.\n")
    assert [(k[1], k[2]) for k in kinds(s) if k[0] == "heading"] == [
        ("I", "INTRODUCTION"), ("II", "SITUATION ON THE GROUND"), ("A", "Security situation"), ("B", "Human rights"),
        ("III", "ACTIVITIES"),
    ]
    assert [k[1] for k in kinds(s) if k[0] == "paragraph"] == ["1", "2", "3", "4"]
    # not a letter out of sequence, not over prose, not "A" without a B after it in its section
    for text in (
        "Mast\n\nI. Intro\n\nA. First\n\n1. Text.\n\nD\n\nSecurity\n\n2. More.\n",
        "Mast\n\nI. Intro\n\nA. First\n\n1. Text.\n\nB\n\nThe text goes on here.\n\n2. More.\n",
        "Mast\n\nI. Intro\n\nA\n\nSecurity\n\n1. Text.\n\nII. Next\n\n2. More.\n",
    ):
        assert {k[1] for k in kinds(seg(text)) if k[0] == "heading"} <= {"I", "II", "A", None} - (
            {"A"} if "A\n\nSecurity" in text else set()), text


def test_a_paragraph_mark_alone_on_its_line_without_its_full_stop_is_the_next_paragraph():
    """A 1990s layout (marks alone on their lines, no blank lines): "4" for "4." is paragraph 4
    where paragraph 5's mark follows before another 4's, and so is the first paragraph's "1"
    under the masthead (the report had no paragraphs at all: refused); reported."""
    text = ("Report of the Secretary-General\n\n1\nThe present report is submitted.\n2.\nThe second one.\n"
            "3.\nThe third one ends.\n4\nThe fourth one.\n5.\nThe fifth.\n")
    s = seg(text)
    assert [(k[1], k[2]) for k in kinds(s)] == [
        ("1", "The present report is submitted."), ("2", "The second one."), ("3", "The third one ends."),
        ("4", "The fourth one."), ("5", "The fifth."),
    ]
    assert sum("reads '4'" in w or "reads '1'" in w for w in s.warnings) == 2
    # Not a number that another "4." follows, nor one under an unfinished sentence.
    for bad in ("3.\nThe third one ends.\n4\nThe fourth one.\n4.\nThe real fourth.\n5.\nFifth.\n",
                "3.\nThe third one goes on to\n4\nStates that agreed.\n5.\nFifth.\n"):
        got = [k[1] for k in kinds(seg("Report\n\n1.\nOne.\n2.\nTwo.\n" + bad)) if k[0] == "paragraph"]
        assert got.count("4") <= 1 and "4" not in got[:3], bad


def test_numbering_that_starts_later_under_a_finished_sentence_without_a_blank_line():
    """The first paragraph's mark lost (a 1990s layout without blank lines): "2." under a finished
    sentence starts the body, reported, instead of leaving the whole report front text."""
    s = seg("Report of the Secretary-General\n\nThe present report is submitted.\n"
            "2.\nThe second one.\n3.\nThird.\n")
    assert [k[1] for k in kinds(s) if k[0] == "paragraph"] == ["2", "3"]
    assert any("numbering starts at paragraph 2" in w for w in s.warnings)


@pytest.mark.parametrize("mark", ["B .", "B,", "B."])
def test_a_section_letter_whose_full_stop_the_ocr_damaged_is_taken_when_it_comes_next(mark):
    """ "B . Regional partnerships", "B, …", "B.Regional …": section B after A, reported; "D."
    damaged where B comes next (one letter lost, as A/70/357 lost "C.", is taken), or before a
    sentence, stays text."""
    sep = "" if mark == "B." else " "
    head = "Mast\n\nI. Background\n\nA. First\n\n1. Text.\n\n"
    s = seg(f"{head}{mark}{sep}Regional partnerships\n\n2. More text.\n")
    assert kinds(s)[3] == ("heading", "B", "Regional partnerships")
    assert any(f"section letter B reads '{mark}'" in w for w in s.warnings)
    for line in (f"D{mark[1:]}{sep}Regional partnerships", f"{mark}{sep}The Mission met the parties."):
        s = seg(f"{head}{line}\n\n2. More text.\n")
        assert {k[1] for k in kinds(s) if k[0] == "heading"} <= {"I", "A", None}, line


def test_an_annex_numeral_with_an_ocr_l_for_i_is_mended():
    s = seg("Mast\n\nI. Background\n\n1. Text.\n\nAnnex I\n\nMap\n\nAnnex Il\n\nItinerary\n\n1. Day one.\n")
    heads = [(b.number, b.section, b.text_lines[0]) for b in s.blocks if b.kind == "heading" and b.level == 1]
    assert heads[1:] == [("I", "annex-I", "Annex I"), ("II", "annex-II", "Annex II")]
    assert any("'Annex Il' (OCR damage) taken as annex II" in w for w in s.warnings)


@pytest.mark.parametrize(("mark", "damaged"), [("Annex 11", True), ("Annex II.", False), ("Annex II:", False)])
def test_an_annex_label_with_ones_for_i_or_a_stop_after_it(mark, damaged):
    """ "Annex 11" after annex I is annex II (the OCR's 1 for I, as "11." for section II),
    reported; "Annex II." and "Annex II:" are annex II, shown "Annex II"; "Annex 11" with no
    annex I before it stays annex 11 (a report may number its annexes in figures)."""
    s = seg(f"Mast\n\nI. Background\n\n1. Text.\n\nAnnex I\n\nMap\n\n{mark}\n\nItinerary\n\n1. Day one.\n")
    heads = [(b.number, b.section, b.text_lines[0]) for b in s.blocks if b.kind == "heading" and b.level == 1]
    assert heads[1:] == [("I", "annex-I", "Annex I"), ("II", "annex-II", "Annex II")]
    assert any(f"'{mark}' (OCR damage) taken as annex II" in w for w in s.warnings) == damaged
    s = seg("Mast\n\nI. Background\n\n1. Text.\n\nAnnex 11\n\nItinerary\n\n1. Day one.\n")
    assert [b.section for b in s.blocks if b.kind == "heading" and b.level == 1][1:] == ["annex-11"]


def test_a_section_letter_the_ocr_read_as_a_digit_is_taken_when_it_comes_next():
    """ "8." for "B." (and "6." for "G."): section B where B comes next and paragraph 8 does not,
    or where the same number comes again right after the title; reported."""
    s = seg("Mast\n\nI. Background\n\nA. Politics\n\n1. Text.\n\n2. More.\n\n8. Humanitarian situation\n\n3. Aid.\n")
    assert [(k[0], k[1]) for k in kinds(s)][-2:] == [("heading", "B"), ("paragraph", "3")]
    assert any("section letter B reads '8.'" in w for w in s.warnings)
    body = "".join(f"{n}. Text {n}.\n" for n in range(1, 8))
    s = seg(f"Mast\n\nI. Background\n\nA. Politics\n\n{body}\n8.\n\nHumanitarian situation\n\n8.\nThe aid.\n")
    assert [(k[0], k[1], k[2]) for k in kinds(s)][-2:] == [
        ("heading", "B", "Humanitarian situation"), ("paragraph", "8", "The aid."),
    ]
    # Paragraph 8 with a short text, and no section B due: paragraph 8.
    s = seg(f"Mast\n\nI. Background\n\nA. Politics\n\nB. Aid\n\n{body}\n8. Short text.\n")
    assert kinds(s)[-1] == ("paragraph", "8", "Short text.")


@pytest.mark.parametrize("layout", [
    "1. Introduction\n\n1. The Council met.\n", "1. Introduction\n1.\nThe Council met.\n",
    "1.\n\nIntroduction\n\n1. The Council met.\n",
])
def test_section_one_read_as_a_digit_before_paragraph_one(layout):
    """ "1. Introduction" and then paragraph 1 again: the first is section I; reported."""
    s = seg(f"Mast\n\n{layout}\nII. Findings\n\n2. More.\n")
    assert [(k[0], k[1], k[2]) for k in kinds(s)][:2] == [
        ("heading", "I", "Introduction"), ("paragraph", "1", "The Council met."),
    ]
    assert any("section number I reads '1.'" in w for w in s.warnings)
    plain = seg("Mast\n\nI. Introduction\n\n1. Background\n\n2. The Council met.\n")
    assert [k[1] for k in kinds(plain)] == ["I", "1", "2"]  # paragraph 1, not said again


@pytest.mark.parametrize("title, heading", [
    ("Summary", "Summary"), ("SUMMARY", "Summary"), ("Surnmary", "Summary"),
    ("Executive summary", "Executive summary"), ("EXECUTIVE SUMMARY", "Executive summary"),
    ("Executive surnrnary", "Executive summary"),
])
def test_the_summary_heading_also_with_the_ocrs_rn_for_m(title, heading):
    """The summary's heading is read as the report words it (an audit's "Executive summary" is
    not shown as "Summary"), the OCR's rn for m mended, capitals set in sentence case."""
    s = seg(f"Mast\n\n{title}\n\nThe report outlines progress.\n\nI. Introduction\n\n1. Text.\n")
    assert kinds(s)[0] == ("summary", None, "The report outlines progress.")
    assert s.summary_heading == heading


def test_a_footnote_right_under_the_text_without_a_blank_line():
    """A layout with no blank lines: "¹ A/61/19 …" under a finished sentence that refers to it
    is the footnote; a superscript line under an unfinished one, or never referred to, is text."""
    s = seg("Mast\n\nI. Intro\n\n1. As set out in its report.¹\n¹ A/61/19 (Part II).\n2. Next.\n")
    assert [f.mark for f in s.footnotes] == ["1"] and s.footnotes[0].lines == ["A/61/19 (Part II)."]
    assert [k[1] for k in kinds(s)] == ["I", "1", "2"]
    s = seg("Mast\n\nI. Intro\n\n1. As set out in its report.\n¹ A/61/19 (Part II).\n2. Next.\n")
    assert not s.footnotes  # no reference to it


def test_a_footnote_at_the_foot_of_a_page_under_a_cut_sentence_without_blank_lines():
    """No blank lines, a sentence cut by the page break and its page's footnote between the
    halves: the note is a footnote (it runs into the page break and the page refers to it) and
    the paragraph reads on across it; the next page's lines are not part of the note."""
    text = ("A/70/357\nMasthead title\nI. Background\n"
            "1. The report* covers the conflicts that have emerged in countries and regions\n"
            "* A/70/150.\n15-14893 (E) 100915\nA/70/357\n2/3\n"
            "once considered stable, and more.\n2. Next paragraph of the text.\n")
    s = seg(text)
    assert [(f.mark, f.lines) for f in s.footnotes] == [("*", ["A/70/150."])]
    assert kinds(s)[1:] == [
        ("paragraph", "1", "The report* covers the conflicts that have emerged in countries and regions "
                           "once considered stable, and more."),
        ("paragraph", "2", "Next paragraph of the text."),
    ]
    s = seg(text.replace("The report*", "The report"))  # the page does not refer to it: text
    assert not s.footnotes


def test_footnotes_between_the_halves_of_a_paragraph_on_one_line_without_blank_lines():
    """A line per paragraph, no blank lines (and so no pages): the next notes in sequence stand
    between the halves of a paragraph a page break cut; each note is its line, and the lower-case
    line after them goes on the paragraph."""
    long = "The Committee recommended approval of the proposals to streamline arrangements " * 3
    more = "".join(f"{n}. {long}\n" for n in range(3, 9))
    text = (f"Mast\nI. Intro\n1. {long}as noted.¹\n¹ A/61/19 (Part II).\n2. {long}with the same²\n"
            f"² See A/61/255 and Add.1.\nrequirements as the rest of the Secretariat.\n{more}")
    s = seg(text)
    notes = [(f.mark, f.lines) for f in s.footnotes]
    assert notes == [("1", ["A/61/19 (Part II)."]), ("2", ["See A/61/255 and Add.1."])]
    assert kinds(s)[2][2].endswith("with the same² requirements as the rest of the Secretariat.")
    assert [k[1] for k in kinds(s)] == ["I", "1", "2", "3", "4", "5", "6", "7", "8"]


def test_out_of_sequence_number_is_text_with_a_warning():
    s = seg("Mast\n\n1. One.\n\n2. Two.\n\n9. Nine?\n\n3. Three.\n")
    assert [b.number for b in s.blocks if b.kind == "paragraph"] == ["1", "2", "3"]
    assert any("'9.' out of sequence" in w for w in s.warnings)


def test_a_small_skip_is_accepted_and_reported():
    s = seg("Mast\n\n1. One.\n\n2. Two.\n\n4. Four.\n")
    assert [b.number for b in s.blocks if b.kind == "paragraph"] == ["1", "2", "4"]
    assert any("paragraph 4 follows 2" in w for w in s.warnings)


def test_a_wrapped_line_starting_with_a_number_is_not_a_paragraph():
    s = seg("Mast\n\n1. The Council adopted resolution\n2350. It then\nsaid more.\n\n2. Next.\n")
    assert [b.number for b in s.blocks if b.kind == "paragraph"] == ["1", "2"]


def test_items_follow_their_sequence():
    s = seg("Mast\n\n7. As follows:\n\n- (a) First;\n\n- (b) Second;\n\n(d) not next\n\n8. Next.\n")
    items = [b.number for b in s.blocks if b.kind == "item"]
    assert items == ["a", "b"]


@pytest.mark.parametrize("marks", [("a)", "b)"), ("(a", "(b"), ("(a)", "b)")])
def test_item_marks_that_lost_a_bracket_are_items_in_sequence(marks):
    """ "a) First", "(b Second": after a blank line or a finished clause, in the paragraph's
    sequence, each reported; "(see para. 3)" or "c) Third" out of sequence stays text."""
    first, second = marks
    s = seg(f"Mast\n\n7. As follows:\n\n{first} First;\n\n{second} Second.\n\n8. Next.\n")
    assert [(k[0], k[1], k[2]) for k in kinds(s)] == [
        ("paragraph", "7", "As follows:"), ("item", "a", "First;"), ("item", "b", "Second."),
        ("paragraph", "8", "Next."),
    ]
    assert any("item (b) reads" in w for w in s.warnings)
    s = seg("Mast\n\n7. As follows:\n\n(a) First;\n\nc) Third.\n\n(see para. 3) Note.\n\n8. Next.\n")
    assert [k[:2] for k in kinds(s) if k[0] == "item"] == [("item", "a")]


@pytest.mark.parametrize("marks", [("( a)", "(b )"), ("(a}", "{b)")])
def test_item_marks_the_ocr_spaced_or_read_as_braces_are_items(marks):
    first, second = marks
    s = seg(f"Mast\n\n7. As follows:\n{first} First;\n{second} Second.\n8. Next.\n")
    assert [(k[0], k[1], k[2]) for k in kinds(s)] == [
        ("paragraph", "7", "As follows:"), ("item", "a", "First;"), ("item", "b", "Second."),
        ("paragraph", "8", "Next."),
    ]


def test_summary_before_the_first_section():
    s = seg("Report of the Secretary-General\n\nSummary\n\nThe report says things.\n\nI. Introduction\n\n1. One.\n")
    assert kinds(s)[0] == ("summary", None, "The report says things.")


def test_numbered_subheadings_inside_a_lettered_section():
    s = seg("Mast\n\nVI. COMPONENTS\n\nA.\n\nCivil administration\n\n1. The functions.\n\n1.\n\nPublic administration\n\n2. The component.\n")
    heads = [(b.level, b.number, " ".join(b.text_lines)) for b in s.blocks if b.kind == "heading"]
    assert heads[-1] == (3, "1", "Public administration")


def test_letter_gaps_are_recorded_for_qa():
    s = seg("Mast\n\nIV. Agenda\n\nA. First\n\n1. One.\n\nB. Second\n\n2. Two.\n\nD. Fourth\n\n3. Three.\n")
    assert s.section_letters == {"IV": ["A", "B", "D"]}


def test_roman_numerals_round_trip():
    for n in range(1, 60):
        assert roman_value(to_roman(n)) == n
    assert roman_value("IIII") is None and roman_value("VX") is None


def test_a_bare_letters_title_stops_where_a_subheading_starts():
    """S/2006/592 sec-III-B: "B." alone, then its title and, on the next line, an unnumbered
    sub-heading over paragraph 64 (the two were read as one title)."""
    s = seg(
        "Mast\n\nIII. Rule of law\n\n1. Text.\n\nB.\n\nSupport to the establishment of the rule of law\n"
        "Strengthening the security capacity of Haiti\n2. The credibility of the police.\n"
    )
    assert kinds(s)[2:] == [
        ("heading", "B", "Support to the establishment of the rule of law"),
        ("heading", None, "Strengthening the security capacity of Haiti"),
        ("paragraph", "2", "The credibility of the police."),
    ]


def test_a_bare_letters_title_takes_lines_that_continue_it():
    s = seg("Mast\n\nIII. Rule of law\n\n1. Text.\n\nB.\n\nSecurity sector reform\nand the rule of law\n2. More.\n")
    assert kinds(s)[2] == ("heading", "B", "Security sector reform and the rule of law")


def test_the_next_annex_right_under_a_tables_last_cell_without_a_blank_line():
    """ "Annex III" / "Map" under annex II's last table cell ("1 193"), no blank line: annex
    III; an "Annex III" line inside a sentence (lower case after it) stays text, and so does one
    that is not the next annex."""
    tail = ("1. Text.\nAnnex I\nBenchmarks\nText of it.\nAnnex II\nComposition of the police\n"
            "1. The strength of the police was as follows:\nFormed police units\n215\n978\n1 193\n")

    def annexes(end):
        s = seg(f"Mast\n\nI. Intro\n{tail}{end}")
        return [(b.number, " ".join(b.text_lines)) for b in s.blocks if b.kind == "heading" and b.level == 1][1:]

    assert annexes("Annex III\nMap\n") == [("I", "Annex I Benchmarks"), ("II", "Annex II Composition of the police"),
                                           ("III", "Annex III Map")]
    assert [n for n, _ in annexes("Annex III\nto the present report.\n")] == ["I", "II"]
    assert [n for n, _ in annexes("Annex IV\nMap\n")] == ["I", "II"]


def test_an_annex_title_leaves_the_tables_first_column_heading():
    """The title ends complete, with a bracket or a year; "Country" heads the table below."""
    s = seg(
        "Mast\n\nI. Intro\n\n1. Text.\n\nAnnex I\nUnited Nations Stabilization Mission in Haiti: countries providing\n"
        "military staff and contingents (as at 15 July 2006)\nCountry\n\nStaff officers\n\nAnnex II\n"
        "Composition and strength of the police as at 15 February 2018\nUnited Nations police officers\n\nCountry\n"
    )
    heads = [" ".join(b.text_lines) for b in s.blocks if b.kind == "heading"]
    assert heads[1:] == [
        "Annex I United Nations Stabilization Mission in Haiti: countries providing military staff and contingents"
        " (as at 15 July 2006)",
        "Annex II Composition and strength of the police as at 15 February 2018",
    ]


# -- fix-paras: a bare marker takes its text; closed lines may end in a footnote mark ----------

_MAST = "S/2099/62\n\nUnited Nations\n\nSecurity Council\n\nReport\nI. Introduction\n"
# The page furniture pdftotext leaves between two pages (page_breaks comes from it).
_PAGE_FURNITURE = "\n99-01234 (E) 030399\n\n*9901234*\n\nS/2099/62\n\n"



@pytest.mark.parametrize(
    "last_line",
    [
        "developments since my previous report, which was issued in December.¹",
        "developments since my previous report, which was issued in December.2",
        "developments since my previous report (S/2098/900)",
        "developments since my previous report, when the number rose to 200,000",
        "developments since my previous report, which stated that the process would continue …",
    ],
)
def test_a_bare_paragraph_marker_takes_a_short_text_whatever_its_end(last_line):
    """The reviewer's S/2099/62 and S/2099/22 … 27: the short text became an unnumbered heading
    and paragraph 1 stayed empty."""
    s = seg(
        _MAST + "1.\nThe present report is submitted pursuant to resolution 2500 (2098) and covers\n"
        + last_line + "\n2.\nThe humanitarian situation deteriorated further.\n\n¹ S/2098/900.\n\n² Figures.\n"
    )
    assert kinds(s)[1:] == [
        ("paragraph", "1", "The present report is submitted pursuant to resolution 2500 (2098) and covers "
         + last_line),
        ("paragraph", "2", "The humanitarian situation deteriorated further."),
    ]


def test_a_bare_marker_takes_the_text_after_a_blank_line():
    s = seg(_MAST + "1.\n\nThe Mission continued its patrols\nin the north\n\n2.\nMore.\n")
    assert kinds(s)[1:] == [
        ("paragraph", "1", "The Mission continued its patrols in the north"),
        ("paragraph", "2", "More."),
    ]


def test_a_bare_item_marker_takes_a_short_text():
    s = seg(_MAST + "1.\nThe Council:\n(a)\nWelcomes the report (S/2098/900)\n(b)\nDecides to remain seized.\n")
    assert kinds(s)[2:] == [
        ("item", "a", "Welcomes the report (S/2098/900)"),
        ("item", "b", "Decides to remain seized."),
    ]


def test_a_sentence_end_with_a_footnote_mark_closes_the_paragraph():
    """The heading under "… in December.¹" was read as the paragraph going on."""
    s = seg(
        _MAST + "1.\nMy previous report was issued in December.¹\nPolitical developments\n2.\nText.\n\n¹ S/2098/900.\n"
    )
    assert kinds(s)[1:] == [
        ("paragraph", "1", "My previous report was issued in December.¹"),
        ("heading", None, "Political developments"),
        ("paragraph", "2", "Text."),
    ]


def test_a_plain_digit_closes_a_sentence_only_when_the_report_has_that_footnote():
    text = _MAST + "1. My previous report was issued in December.2\n\nPolitical developments\n\n2. Text.\n"
    assert kinds(seg(text + "\n² S/2098/900.\n"))[2] == ("heading", None, "Political developments")
    # Without footnote 2 the line is not known to be closed: the text goes on.
    assert kinds(seg(text))[1] == (
        "paragraph", "1", "My previous report was issued in December.2 Political developments"
    )
    # "Add.1" ends a document symbol, not a sentence, even with a footnote 1.
    s = seg(_MAST + "1. As reported in A/70/357/Add.1\n\nand in later reports\n\n2. Text.\n\n¹ A note.\n")
    assert kinds(s)[1] == ("paragraph", "1", "As reported in A/70/357/Add.1 and in later reports")


def test_a_heading_cut_by_a_page_break_after_a_connecting_word_goes_on():
    """The reviewer's S/2099/8: "electoral process" became a text block."""
    s = seg(
        _MAST + "1. Text.\n\nA.\nHuman rights and protection of civilians in the context of the\n"
        + _PAGE_FURNITURE + "electoral process\n2.\nThe Mission documented 45 cases.\n"
    )
    assert kinds(s)[2:] == [
        ("heading", "A", "Human rights and protection of civilians in the context of the electoral process"),
        ("paragraph", "2", "The Mission documented 45 cases."),
    ]


def test_a_line_announced_by_a_colon_stays_in_the_paragraph():
    """The reviewer's S/2099/10: paragraph 3 was left empty, then its second line a heading."""
    s = seg(
        _MAST + "3.\nI also recommend the following:\nRecommendation 3: strengthen the police component\n4.\nEnd.\n"
    )
    assert kinds(s)[1:] == [
        ("paragraph", "3", "I also recommend the following: Recommendation 3: strengthen the police component"),
        ("paragraph", "4", "End."),
    ]


def test_a_chapter_label_and_title_under_a_paragraph_are_a_heading():
    s = seg(_MAST + "2.\nThe report covers 2098.\nChapter II\nActivities of the Unit\nA.\nReports issued\n3.\nText.\n")
    assert kinds(s)[1:] == [
        ("paragraph", "2", "The report covers 2098."),
        ("heading", "II", "Activities of the Unit"),  # a section since chapters are (see below)
        ("heading", "A", "Reports issued"),
        ("paragraph", "3", "Text."),
    ]


def test_a_note_cut_by_a_page_break_goes_on_under_a_closed_paragraph():
    s = seg(
        _MAST + "1.\nThe situation deteriorated.³\n\n³ Figures which noted that the number had risen since\n"
        + _PAGE_FURNITURE + "the previous reporting period.\nII. Security situation\n2.\nText.\n"
    )
    assert kinds(s)[1] == ("paragraph", "1", "The situation deteriorated.³")
    assert s.footnotes[-1].lines[-1] == "the previous reporting period."
    assert [b.kind for b in s.blocks] == ["heading", "paragraph", "heading", "paragraph"]


def test_a_heading_ending_in_a_capital_letter_is_not_cut():
    s = seg(_MAST + "1. Text.\n\nA.\nContingency plan A\n" + _PAGE_FURNITURE + "the plan was revised twice.\n2.\nMore.\n")
    assert kinds(s)[2][2] == "Contingency plan A"
    assert kinds(s)[3] == ("text", None, "the plan was revised twice.")


def test_a_capitalised_heading_on_its_marker_line_goes_on_after_a_page_break():
    s = seg(
        _MAST + "1. Text.\n\nII. MAJOR DEVELOPMENTS IN THE POLITICAL PROCESS AND THE\n" + _PAGE_FURNITURE
        + "PREPARATION OF THE ELECTIONS\n2.\nMore.\n"
    )
    assert kinds(s)[2:] == [
        ("heading", "II", "MAJOR DEVELOPMENTS IN THE POLITICAL PROCESS AND THE PREPARATION OF THE ELECTIONS"),
        ("paragraph", "2", "More."),
    ]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_chapters_are_sections(gap):
    """Older General Assembly reports number sections "Chapter II" (they were unnumbered sub-
    headings, or lost in the masthead); with or without blank lines around them."""
    s = seg(
        f"Mast\n{gap}Chapter I\nIntroduction\n1.\nThe Unit reports.\n2.\nThe report covers 2098.{gap}"
        f"Chapter II. Activities of the Unit\nA.\nReports issued\n3.\nIt issued ten reports.\n"
    )
    assert [(k, n, t) for k, n, t in kinds(s) if k == "heading"] == [
        ("heading", "I", "Introduction"), ("heading", "II", "Activities of the Unit"), ("heading", "A", "Reports issued"),
    ]
    assert [b.section for b in s.blocks if b.kind == "paragraph"] == ["I", "I", "II"]


@pytest.mark.parametrize("mark", ["Chapter II: ", "CHAPTER II - ", "Chapter II — ", "Chapter II. "])
def test_a_chapters_title_after_a_colon_or_dash_on_its_line(mark):
    s = seg(f"Mast\n\nChapter I\nIntroduction\n1.\nThe Unit reports.\n\n{mark}Activities of the Unit\n\n2. Worked.\n")
    assert [(k, n) for k, n, _ in kinds(s) if k == "heading"] == [("heading", "I"), ("heading", "II")]
    assert [b.section for b in s.blocks if b.kind == "paragraph"] == ["I", "II"]


def test_a_chapter_of_the_charter_in_prose_is_no_section():
    s = seg("Mast\n\nI. Intro\n\n1. Measures under\nChapter VII of the Charter were taken.\n")
    assert kinds(s)[1] == ("paragraph", "1", "Measures under Chapter VII of the Charter were taken.")


def test_a_numbered_table_row_is_no_paragraph():
    """The reviewer's S/2099/3: the row "3. United Nations police" over its cells took
    paragraph 3, and the real paragraph 3 became its text."""
    s = seg(
        "Mast\n\nI. Intro\n\n1. Text.\n2.\nThe strength of the Mission was as set out in the table below.\nCategory\n"
        "Authorized\nDeployed\n1. Military observers\n1 200\n1 100\n2. Military contingent personnel\n15 000\n"
        "13 455\n3. United Nations police\n2 000\n1 987\nTotal\n18 200\n16 542\n3.\nThe deployment is expected by June.\n"
    )
    paras = [(n, t) for k, n, t in kinds(s) if k == "paragraph"]
    assert [n for n, _ in paras] == ["1", "2", "3"]
    assert paras[2][1] == "The deployment is expected by June."
    assert paras[1][1].endswith("3. United Nations police 2 000 1 987 Total 18 200 16 542")


@pytest.mark.parametrize("cell", ["–", "(1 987)", "12 %", "512 300.0"])
def test_number_cells(cell):
    from build_tools.blocks import NUMBER_CELL

    assert NUMBER_CELL.match(cell)


def test_a_short_paragraph_over_a_year_is_still_a_paragraph():
    s = seg("Mast\n\nI. Intro\n\n1. Text.\n\n2. In December the Council met.\n2099\n\n3. More.\n")
    assert [n for k, n, _ in kinds(s) if k == "paragraph"] == ["1", "2", "3"]


def test_a_list_of_abbreviations_is_not_the_summarys_tail():
    """The reviewer's A/99/100: the list after a page turn was read as the summary going on."""
    s = seg(
        "Mast\nSummary\nThe present report describes trends.\n\n99-12345 (E) 140899\n\n*9912345*\n\nA/99/100\n\n"
        "Abbreviations\nAMISOM\nAfrican Union Mission in Somalia\nI. Introduction\n1. Text.\n"
    )
    assert [(b.kind, " ".join(b.text_lines)) for b in s.blocks][:3] == [
        ("summary", "The present report describes trends."),
        ("heading", "Abbreviations"),
        ("text", "AMISOM African Union Mission in Somalia"),
    ]


def test_chapters_inside_an_annex_are_sections_of_the_annex():
    s = seg("Mast\n\nI. Intro\n\n1. Text.\n\nAnnex\nReport of the panel\n\nChapter I\nBackground\n1.\nThe panel met.\n")
    heads = [(b.number, b.level, b.section, b.annex_section) for b in s.blocks if b.kind == "heading"]
    assert heads[-1] == ("I", 2, "annex", "I")


def test_ocr_damaged_paragraph_numbers_still_start_paragraphs():
    """The second probe: "6 ." and "7.The" joined paragraph 5, which held four paragraphs."""
    s = seg("Mast\n\nI. Intro\n\n5. Five ends.\n6 . Six ends.\n7.The seventh ends.\n8.\nEight, and 2.5 per cent.\n")
    assert [(k, n, t) for k, n, t in kinds(s) if k == "paragraph"] == [
        ("paragraph", "5", "Five ends."), ("paragraph", "6", "Six ends."), ("paragraph", "7", "The seventh ends."),
        ("paragraph", "8", "Eight, and 2.5 per cent."),
    ]


def test_a_paragraph_number_with_a_bracket_or_glued_to_its_text_is_taken_where_the_next_confirms_it():
    """ "7) The seventh" (a bracket read for the full stop) and "8The eighth" (the full stop and the
    space lost) start paragraphs 7 and 8 when they are the numbers that come next and the next
    paragraph's mark confirms them, as "17 The" without its full stop; each is reported. A list's
    "3) The third" inside paragraph 6 stays its text (paragraph 3 is no next number), and so does
    a "9) …" that no "10." follows."""
    s = seg("Mast\n\nI. Intro\n\n6. Six lists:\n3) The third way.\n\n7) The seventh ends.\n\n8. Eight ends.\n\n"
            "9The ninth ends.\n\n10. Ten ends.\n\n11) Not a mark.\n")
    assert [(n, t) for k, n, t in kinds(s) if k == "paragraph"] == [
        ("6", "Six lists: 3) The third way."), ("7", "The seventh ends."), ("8", "Eight ends."),
        ("9", "The ninth ends."), ("10", "Ten ends."),
    ]
    assert kinds(s)[-1] == ("text", None, "11) Not a mark.")
    assert sum("(OCR damage)" in w for w in s.warnings) == 2


def test_a_report_of_lettered_sections_only_starts_its_body_at_section_a():
    """No roman sections: "A. Political developments" right over paragraph 1 is section A, as
    "B." and "C." after it are (it was an unnumbered heading of the front matter, "A. …" its
    text). An "A." line that heads no paragraph 1 stays masthead text."""
    s = seg("S/2099/1\n\nReport on things\n\nA. Political developments\n\n1. One.\n\nB. Security\n\n2. Two.\n")
    assert [(k, n, t) for k, n, t in kinds(s)] == [
        ("heading", "A", "Political developments"), ("paragraph", "1", "One."),
        ("heading", "B", "Security"), ("paragraph", "2", "Two."),
    ]
    s = seg("S/2099/1\n\nA. Smith, rapporteur\n\nI. Intro\n\n1. One.\n")
    assert [k for k, _, _ in kinds(s)] == ["heading", "paragraph"]


@pytest.mark.parametrize(("line", "numeral"), [
    ("Part one", "one"), ("PART TWO", "TWO"), ("Part II: Activities", "II"), ("Part 3 — Budget", "3"),
    ("PART ONE OVERVIEW OF THE YEAR", "ONE"), ("Part four Annexes", "four"),
    ("Part two of the report covers", None), ("Part of the work", None), ("Party I", None), ("Part 2013", None),
])
def test_a_body_parts_label(line, numeral):
    from build_tools.blocks import BODY_PART

    m = BODY_PART.match(line)
    assert (m.group(1) if m else None) == numeral


def test_items_after_z_go_on_with_double_letters():
    labels = [chr(c) for c in range(ord("a"), ord("z") + 1)] + ["aa", "bb", "cc"]
    text = "Mast\n\nI. Intro\n\n1. The Council:\n" + "".join(f"({x}) Item {x};\n" for x in labels)
    assert [n for k, n, _ in kinds(seg(text)) if k == "item"] == labels


def test_a_skipped_section_number_is_a_section_with_a_warning():
    """The second probe: "III. Observations" after section I (no II), without a blank line,
    was an unnumbered heading "III. Observations" and QA said nothing."""
    s = seg("Mast\n\nI. Intro\n\n1. Text.\nIII. Observations\n2. More.\n")
    assert kinds(s)[2] == ("heading", "III", "Observations")
    assert any("section III follows I" in w for w in s.warnings)


def test_a_two_line_heading_glued_under_a_paragraph_is_a_heading():
    """The second probe: the title filled its first line and went on in lower case; with no
    blank lines around it, both lines were the paragraph's end."""
    s = seg(
        "Mast\n\nI. Intro\n\n1.\nAttacks on civilians continued.\nProtection of civilians and the situation of internally\n"
        "displaced persons\n2.\nDisplacement rose.\n"
    )
    assert kinds(s)[1:] == [
        ("paragraph", "1", "Attacks on civilians continued."),
        ("heading", None, "Protection of civilians and the situation of internally displaced persons"),
        ("paragraph", "2", "Displacement rose."),
    ]


def test_a_long_one_line_heading_glued_under_a_paragraph_before_the_next_number():
    """No blank lines: a capitalised line ending no sentence, under the finished last sentence of
    a wrapped paragraph and right before the next paragraph number, is a heading up to 80
    characters (no paragraph's last line ends so); a full line of 87 characters there stays the
    paragraph's."""
    title = "Strengthening preventive capacities of United Nations country teams"  # 68 characters
    para = "40. As a crucial arm of the core prevention mandate, regional\noffices should be resourced accordingly.\n"
    s = seg(f"Mast\n\nI. Intro\n\n{para}{title}\n41. Actors play a role.\n")
    assert kinds(s)[1:] == [
        ("paragraph", "40",
         "As a crucial arm of the core prevention mandate, regional offices should be resourced accordingly."),
        ("heading", None, title),
        ("paragraph", "41", "Actors play a role."),
    ]
    full_line = "Member States and regional organizations engaged with the Council and its subsidiaries"
    s = seg(f"Mast\n\nI. Intro\n\n{para}{full_line}\n41. Actors play a role.\n")
    assert [k[0] for k in kinds(s)] == ["heading", "paragraph", "paragraph"]


def test_numbers_inside_a_quotation_are_no_paragraphs():
    """The second probe: the quoted operative paragraph "4." took paragraph 4 (with a skip)."""
    s = seg(
        "Mast\n\nI. Intro\n\n1. Text.\n2.\nIn its resolution, the Council decided:\n“3.\nDecides to extend the mandate;\n"
        "4.\nRequests the Secretary-General to report within 90 days.”\n3.\nThe Mission began.\n"
    )
    paras = [(n, t) for k, n, t in kinds(s) if k == "paragraph"]
    assert [n for n, _ in paras] == ["1", "2", "3"]
    assert paras[1][1].endswith("4. Requests the Secretary-General to report within 90 days.”")
    assert not s.warnings


def test_an_annex_number_used_twice_gets_the_next_suffix_and_a_warning():
    """The second probe: a second "Annex II" was annex-II-6 (its annex's block count) and QA was silent."""
    s = seg("Mast\n\nI. Intro\n\n1. Text.\n\nAnnex II\nFirst\n\n1. A.\n\n2. B.\n\nAnnex II\nSecond\n\n1. C.\n")
    assert [b.section for b in s.blocks if b.kind == "heading"] == ["I", "annex-II", "annex-II-2"]
    assert s.warnings == ["line 14: Annex II appears again; this one is annex-II-2"]


def _items(s):
    return [(b.number, b.parent_item.number if b.parent_item else None, " ".join(b.text_lines))
            for b in s.blocks if b.kind == "item"]


def test_roman_sub_items_belong_to_the_lettered_item_above():
    """'(i)', '(ii)' under '(a)' were glued into the text of (a)."""
    s = seg("Mast\n\nI. Intro\n\n5. The Council may:\n(a) Reduce troops by:\n(i) Closing sites;\n"
            "(ii) Merging sectors;\n(b) Keep them.\n6. Next.\n")
    assert _items(s) == [
        ("a", None, "Reduce troops by:"),
        ("i", "a", "Closing sites;"),
        ("ii", "a", "Merging sectors;"),
        ("b", None, "Keep them."),
    ]


def test_i_after_h_is_the_letter_unless_ii_follows():
    letters = "".join(f"({x}) Item {x};\n" for x in "abcdefgh")
    as_letter = seg(f"Mast\n\nI. Intro\n\n1. List:\n{letters}(i) Ninth;\n(j) Tenth.\n")
    assert [(n, p) for n, p, _ in _items(as_letter)][-2:] == [("i", None), ("j", None)]
    as_sub = seg(f"Mast\n\nI. Intro\n\n1. List:\n{letters}(i) First of h;\n(ii) Second of h;\n(i) Ninth.\n")
    assert [(n, p) for n, p, _ in _items(as_sub)][-3:] == [("i", "h"), ("ii", "h"), ("i", None)]


def test_a_paragraphs_own_roman_items_are_not_sub_items():
    s = seg("Mast\n\nI. Intro\n\n1. List:\n(i) One;\n(ii) Two;\n(iii) Three.\n2. Next.\n")
    assert [(n, p) for n, p, _ in _items(s)] == [("i", None), ("ii", None), ("iii", None)]


FASCICLE = (
    "Mast\n\nProposed programme budget\n1. Introduction\n1.1\nThe present section covers the work\nof the Office.\n"
    "1.2 The objective is to give advice in\n2.5 per cent of cases.\n2. Overall orientation\n2.1 The mandate derives"
    " from resolutions.\nTable 2.1\nResources\n3.1 Posts\n12 300\n2.2 The Office will go on.\n2.5 It will also help.\n"
)


def test_decimal_paragraphs_and_their_chapters():
    """Programme budget fascicles number paragraphs by chapter ("2.1"); the report was one
    block of text or failed with "no numbered paragraphs"."""
    s = seg(FASCICLE)
    got = [(k, n) for k, n, _ in kinds(s)]
    assert got[:4] == [("heading", "1"), ("paragraph", "1.1"), ("paragraph", "1.2"), ("heading", "2")]
    paras = [(n, t) for k, n, t in kinds(s) if k == "paragraph"]
    assert [n for n, _ in paras] == ["1.1", "1.2", "2.1", "2.2", "2.5"]
    assert paras[1][1] == "The objective is to give advice in 2.5 per cent of cases."  # "2.5 per" is no marker
    assert all("3.1" not in n for n, _ in paras)  # a table row "3.1 Posts" starts nothing
    assert s.blocks[0].section == "1" and s.blocks[3].section == "2"
    assert any("paragraph 2.5 follows 2.2" in w for w in s.warnings)


def test_a_lone_decimal_number_starts_nothing_in_a_report_numbered_otherwise():
    s = seg("Mast\n\nI. Intro\n\n1. The rate rose to\n3.1 Million people were displaced.\n2. Next.\n")
    assert [(k, n) for k, n, _ in kinds(s)] == [("heading", "I"), ("paragraph", "1"), ("paragraph", "2")]


def test_a_last_line_ending_in_a_footnote_digit_is_no_heading():
    """'… my previous report.2' (a plain-digit mark whose footnote was not recognised) under a
    closed line was split off as a sub-heading."""
    s = seg("Mast\n\nI. Intro\n\n1.\nThe report is submitted pursuant to resolution\n2100 (2013), as requested"
            " every three months.\nIt covers developments since my previous report.2\n2.\nNext one.\n")
    assert [k for k, _, _ in kinds(s)] == ["heading", "paragraph", "paragraph"]
    assert kinds(s)[1][2].endswith("since my previous report.2")


def test_a_number_cited_at_a_line_end_is_no_paragraph_marker():
    """'… described in paragraph' / '12. The Council …' took paragraph 12's number, and the
    real paragraph 12 became text."""
    s = seg("Mast\n\nI. Intro\n\n11. The matters are described in paragraph\n12. The Council welcomed that.\n\n"
            "12. Twelve.\n13. See resolutions 2100 and\n14. Fourteen.\n")
    paras = [(n, t) for k, n, t in kinds(s) if k == "paragraph"]
    assert paras == [
        ("11", "The matters are described in paragraph 12. The Council welcomed that."),
        ("12", "Twelve."),
        ("13", "See resolutions 2100 and 14. Fourteen."),
    ]


def test_a_section_number_cited_at_a_line_end_is_no_section_marker():
    s = seg("Mast\n\nI. Intro\n\n1. The details are in section\nII. The Council welcomed that.\n\n"
            "II. Politics\n\n2. Two.\n")
    assert [(k, n) for k, n, _ in kinds(s)] == [
        ("heading", "I"), ("paragraph", "1"), ("heading", "II"), ("paragraph", "2")
    ]


def test_a_short_line_at_the_end_of_the_text_heads_nothing():
    """A resolution's closing line ("110th plenary meeting" / "29 June 2099") after its last
    paragraph is text: a heading needs something after it (it was an unnumbered heading)."""
    s = seg("I. Part\n\n1. Decides to remain seized of the matter.\n\n110th plenary meeting\n29 June 2099\n")
    assert kinds(s)[-1] == ("text", None, "110th plenary meeting 29 June 2099")
    s = seg("I. Part\n\n1. Decides to remain seized of the matter.\n\nThe next steps\n\n2. Decides.\n")
    assert kinds(s)[-2] == ("heading", None, "The next steps")


def test_unnumbered_paragraphs_without_blank_lines_end_where_a_sentence_ends_short():
    """S/2018/241's annex I: two paragraphs of unnumbered text, no blank line between: the
    first ends a sentence well short of the measure, the next starts with a capital (they were
    one text block). A full line, a lead-in ("… as follows:") or a lower-case start goes on."""
    measure = "x" * 70
    text = ("I. Part\n\n1. Text.\n\nII. Vision\n\n"
            f"{measure}\nThe vision ends here.\nThe country’s institutions are able to\n{measure}\n"
            "A line that goes on to the next one, filling the measure of the text.\nAnd so on\n"
            "The Mission will act as follows:\nThe first step is taken by the Mission.\n")
    texts = [" ".join(b.text_lines) for b in seg(text).blocks if b.kind == "text"]
    assert texts == [
        f"{measure} The vision ends here.",
        f"The country’s institutions are able to {measure} "
        "A line that goes on to the next one, filling the measure of the text. And so on "
        "The Mission will act as follows: The first step is taken by the Mission.",
    ]


def test_the_vision_of_s_2018_241s_annex_is_two_paragraphs(reports):
    annex = [b for b in reports["S/2018/241"].body if b.id.startswith("annex-I-text-")]
    assert [b.text[:40] for b in annex[:2]] == ["By the end of the mandate of the United ",
                                               "The country’s rule of law and security i"]


def test_layout_paragraphs_of_unnumbered_text_start_at_their_indented_first_lines():
    """An annex's unnumbered text in pdftotext -layout, no blank lines: a line indented further
    than the sentence end above it starts a paragraph; a wrapped line does not."""
    text = ("          I. Part\n\n            1.    Text of the first paragraph.\n\n"
            "          Annex\n\n"
            "                   The Mission continued its work in the north of the country, and\n"
            "             the situation there remained calm throughout the period under review.\n"
            "                   The Mission also supported the national police in the south of\n"
            "             the country, where the situation was tense.\n")
    texts = [" ".join(b.text_lines) for b in seg(text).blocks if b.kind == "text"]
    assert [t[:30] for t in texts] == ["The Mission continued its work", "The Mission also supported the"]


def test_a_list_in_unnumbered_text_gives_each_entry_a_block():
    """Unnumbered text (a special rapporteur's report, a note): "(a)" after the lead-in's colon
    was joined to the lead-in while "(b)" after "(a)"'s semicolon was a block of its own. Each
    entry is a block now, after a long lead-in line too."""
    lead = "The Special Rapporteur recommends that the Government of the country concerned take steps:"
    entries = ["(a) Ensure accountability for the violations committed during the conflict by all the parties;",
               "(b) Cooperate with the mechanisms of the Human Rights Council and with its special procedures."]
    s = seg(f"Mast\n\nI. Recommendations\n\n{lead}\n" + "\n".join(entries) + "\n")
    assert kinds(s)[1:] == [("text", None, lead)] + [("text", None, entry) for entry in entries]


def test_a_line_that_cites_an_item_is_no_heading_over_it():
    """ "… the measures set out in subparagraph" / "(a) above had been taken …": the first line
    ends in a word that a number or item follows, so it is no heading over an item mark; one
    sentence, one block."""
    s = seg("Mast\n\nI. Recommendations\n\nThe visit took place at a critical time for the country and its people.\n\n"
            "The Government informed the Special Rapporteur that the measures set out in subparagraph\n"
            "(a) above had been taken in the months that followed the visit to the country.\n")
    assert [k[0] for k in kinds(s)] == ["heading", "text", "text"]
    assert kinds(s)[2][2].startswith("The Government informed") and kinds(s)[2][2].endswith("visit to the country.")
