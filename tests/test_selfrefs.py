"""A report's references to its own parts ("see para. 11 above", "figure I") are links."""

import pytest

from build_tools.selfrefs import find_self_refs


def found(text, **kw):
    return [(text[r.start:r.end], r.kind, r.label) for r in find_self_refs(text, **kw)]


@pytest.mark.parametrize("text, expected", [
    ("As mentioned in paragraph 4 above, the parties", [("paragraph 4", "para", "4")]),
    ("(see paras. 10 and 11 above)", [("paras. 10", "para", "10"), ("11", "para", "11")]),
    ("(see paras. 43-44 above)", [("paras. 43", "para", "43"), ("44", "para", "44")]),
    ("paragraphs 31 to 39 below", [("paragraphs 31", "para", "31"), ("39", "para", "39")]),
    ("see para. 7 (a) above", [("para. 7 (a)", "para", "7-a")]),
    ("set out in section III above and", [("section III", "section", "III")]),
    ("see Chapter IV.B below", [("Chapter IV.B", "section", "IV-B")]),
    ("shown in figure I and in Table 2.1.", [("figure I", "figure", "I"), ("Table 2.1", "table", "2.1")]),
    ("(see annex I). Key elements", [("annex I", "annex", "I")]),
    ("in annex II to the present report", [("annex II", "annex", "II")]),
    ("set out in annexes I and II to the present report", [("annexes I", "annex", "I"), ("II", "annex", "II")]),
    ("(see figures 1, 2 and 3)", [("figures 1", "figure", "1"), ("2", "figure", "2"), ("3", "figure", "3")]),
    ("annexes I and II to resolution 60/1", []),
    ("set out in the annex to the present note.", [("annex", "annex", "")]),
    ("described in paragraph 12 of the present report,", [("paragraph 12", "para", "12")]),
    ("see paragraphs 31 to 39 of the present report", [("paragraphs 31", "para", "31"), ("39", "para", "39")]),
    ("in section III of the present report", [("section III", "section", "III")]),
    ("paragraph 4 of the present resolution", []),  # a resolution is no report we publish by paragraph
    ("paragraph 4 of the report of the Board", []),
    ("the annex to resolution 60/1 and the annex.", []),
    # another document's parts: never
    ("paragraph 4 of resolution 1325 (2000)", []),
    ("in paragraph 12 the Council", []),
    ("(A/48/928-S/1994/448, annex I), this", []),
    ("contained in annex I to resolution 60/1", []),
    ("table 2 of the report of the Board", []),
])
def test_references_to_the_reports_own_parts(text, expected):
    assert sorted(found(text)) == sorted(expected)


def test_only_the_kinds_asked_for_are_looked_for():
    assert found("shown in figure I and annex II", kinds=frozenset({"annex"})) == [("annex II", "annex", "II")]


def test_a_paragraph_of_the_present_report_is_linked_on_its_page():
    """The linker's cue for a block covers "of the present report" (a block without "above",
    "below" or a part's word was skipped before the search)."""
    from build_tools.pipeline import convert_text
    from build_tools.sitegen import render_corpus

    text = (
        "United Nations\n\nS/2099/71\n\nSecurity Council\n\nDistr.: General\n3 March 2099\n\n"
        "Report of the Secretary-General on the situation in Mali\n\nI. Introduction\n\n"
        "1. The present report is submitted pursuant to resolution 2100 (2013).\n\n"
        "2. As described in paragraph 1 of the present report, the Mission went on.\n"
    )
    page = render_corpus([convert_text(text, "S_2099_71.txt")])["S/2099/71/I/index.md"]
    assert '<a class="selfref" href="./#para-1">paragraph 1</a> of the present report' in page
