"""Segmentation on both layouts: one line per paragraph, and hard-wrapped OCR."""

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
