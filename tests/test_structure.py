from build_tools.pipeline import convert_text
from build_tools.structure import footnote_id, letter_gaps, numbering_gaps


def test_footnote_ids():
    assert [footnote_id(m) for m in ("1", "12", "*", "**", "†", "‡")] == [
        "fn-1", "fn-12", "fn-star", "fn-star-2", "fn-dagger", "fn-ddagger"
    ]


def test_ids_come_from_numbering_not_position():
    text = "S/2099/1\n\nI. Intro\n\n5. Five.\n\n6. Six as follows:\n\n(a) one;\n\n(b) two.\n\nA sub-heading\n\n7. Seven.\n"
    r = convert_text(text, "S_2099_1.txt")
    assert [b.id for b in r.body] == ["sec-I", "para-5", "para-6", "para-6-a", "para-6-b", "h-para-7", "para-7"]
    assert r.block("para-6-a").parent == "para-6"


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
