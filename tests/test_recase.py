"""Upper-case headings of the 1990s corpus files to UN sentence case."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.lexicon import Lexicon
from build_tools.recase import recase_heading

from conftest import shared_lexicon

SHARED = Path(__file__).resolve().parents[2] / "shared"
UNMIK = "corpus/UNMIK_S_1999_779.txt"
MINUGUA = "corpus/MINUNGUA_A_51_695_S_1996_998.txt"




# (source file, heading as printed, expected): headings of the two 1990s reports.
RECASE_CASES = [
    (UNMIK, "SITUATION ON THE GROUND", "Situation on the ground"),
    (UNMIK, "ACTIVITIES OF THE ADVANCE TEAM", "Activities of the advance team"),
    (
        UNMIK,
        "REPORT OF THE SECRETARY-GENERAL ON THE UNITED NATIONS INTERIM ADMINISTRATION MISSION IN KOSOVO",
        "Report of the Secretary-General on the United Nations Interim Administration Mission in Kosovo",
    ),
    (UNMIK, "INTERIM ADMINISTRATION MISSION IN KOSOVO", "Interim Administration Mission in Kosovo"),
    (UNMIK, "STRUCTURE OF THE MISSION", "Structure of the Mission"),  # "the Mission" = UNMIK
    (UNMIK, "GENERAL STRATEGY", "General strategy"),
    (UNMIK, "OBSERVATIONS", "Observations"),
    (
        UNMIK,
        "COOPERATION BETWEEN KFOR, UNMIK AND THE OSCE",
        "Cooperation between KFOR, UNMIK and the OSCE",
    ),
    (UNMIK, "VIII. OBSERVATIONS", "VIII. Observations"),  # roman numerals stay
    (MINUGUA, "THE SITUATION IN CENTRAL AMERICA:", "The situation in Central America:"),
    (MINUGUA, "SECURITY COUNCIL", "Security Council"),
    (MINUGUA, "GENERAL ASSEMBLY", "General Assembly"),
    # must not change: already cased, or nothing to case
    (UNMIK, "Situation on the ground", "Situation on the ground"),
    (UNMIK, "I. Introduction", "I. Introduction"),
    (UNMIK, "12 July 1999", "12 July 1999"),
    (UNMIK, "S/1999/779", "S/1999/779"),
    (UNMIK, "III.", "III."),
    (UNMIK, "UNMIK.", "UNMIK."),
]


@pytest.mark.parametrize(("rel", "heading", "expected"), RECASE_CASES)
def test_recase_heading(rel, heading, expected):
    assert recase_heading(heading, shared_lexicon(rel)) == expected


def test_recase_without_evidence_lowers_all_but_first():
    assert recase_heading("THE ROLE OF THE MISSION", Lexicon()) == "The role of the mission"


def test_recase_without_evidence_keeps_the_organizations_names_and_the_calendars():
    """Where the running text does not show them, the Organization's names and the months keep
    their capitals; "general" and "nations" alone are common words."""
    heading = "REPORT OF THE SECRETARY-GENERAL ON THE UNITED NATIONS OBSERVER MISSION AS AT 15 DECEMBER 1992"
    assert recase_heading(heading, Lexicon()) == (
        "Report of the Secretary-General on the United Nations observer mission as at 15 December 1992")
    assert recase_heading("GENERAL ASSEMBLY AND SECURITY COUNCIL", Lexicon()) == "General Assembly and Security Council"
    assert recase_heading("THE NATIONS UNITED IN GENERAL", Lexicon()) == "The nations united in general"
    assert recase_heading("THE MISSION MAY CONTINUE", Lexicon()) == "The mission may continue"
    assert recase_heading("SITUATION AS AT 1 MAY 1992", Lexicon()) == "Situation as at 1 May 1992"


LABEL_CASES = [
    ("VII. GENERAL STRATEGY", "VII. General strategy"),
    ("A. SITUATION ON THE GROUND", "A. Situation on the ground"),
    ("(b) THE ROLE OF KFOR", "(b) THE ROLE OF KFOR"),  # has lower case: already cased
    # A part's label and its title: the label stays a label, the title is cased on its own
    # (an annex's "I" was lowered and its title's first word was not capitalised).
    ("ANNEX I COMPOSITION OF THE MILITARY COMPONENT", "Annex I Composition of the military component"),
    ("Annex II CIVILIAN POLICE", "Annex II Civilian police"),
    ("ANNEX", "Annex"),
    ("CHAPTER I", "Chapter I"),  # the numeral I stays a capital (the running text's "(i)" is an item)
    ("Annex Letter dated 1 May 1999", "Annex Letter dated 1 May 1999"),
    ("APPENDIX TERMS OF REFERENCE", "Appendix Terms of reference"),
    # A label with a connecting word after it is the heading's first word ("To" was capitalised).
    ("ANNEX TO THE LETTER DATED 10 MAY 1991 FROM THE PERMANENT REPRESENTATIVE OF X",
     "Annex to the letter dated 10 May 1991 from the Permanent Representative of X"),
]


@pytest.mark.parametrize(("heading", "expected"), LABEL_CASES)
def test_recase_keeps_section_label(heading, expected):
    assert recase_heading(heading, shared_lexicon(UNMIK)) == expected


def test_a_word_capitalised_only_inside_a_name_is_lower_case_in_a_heading():
    """A/51/695 writes "Development" only in "United Nations Development Programme": inside a
    name, after a capitalised word, a common word's capital is the name's, not the word's
    ("… region of peace, freedom, democracy and development"). Capitals the text gives a word
    after a lower-case one are its own ("the Mission", "in Guatemala")."""
    running = ("The United Nations Development Programme (UNDP) works in Guatemala. The Mission "
               "met the Programme. The Observer went.")
    lexicon = Lexicon.from_text(running)
    assert recase_heading("DEMOCRACY AND DEVELOPMENT", lexicon) == "Democracy and development"
    assert recase_heading("THE MISSION IN GUATEMALA", lexicon) == "The Mission in Guatemala"
    assert recase_heading("THE PROGRAMME", lexicon) == "The Programme"
    assert recase_heading("THE OBSERVER", lexicon) == "The Observer"  # a sentence's "The" before it
    agenda = shared_lexicon(MINUGUA)
    assert recase_heading("OF PEACE, FREEDOM, DEMOCRACY AND DEVELOPMENT", agenda) == (
        "Of peace, freedom, democracy and development")


def test_recase_keeps_document_symbols():
    heading = "REPORT OF THE SECRETARY-GENERAL ON MINUSTAH (S/2006/592)"
    expected = "Report of the Secretary-General on MINUSTAH (S/2006/592)"
    assert recase_heading(heading, shared_lexicon("corpus/MINUSTAH_S_2006_592.txt")) == expected


# (running text, first, second): the lower-cased fast search must find what re.IGNORECASE
# finds, including the traps where str.lower() and re disagree.
PAIR_SPAN_CASES = [
    ("The Interim Administration Mission in Kosovo", "INTERIM", "ADMINISTRATION"),
    ("the mission\n\nMission  team, bathe mission", "THE", "MISSION"),
    ("a a a a", "A", "A"),
    ("Mission\tIN Kosovo (mission in)", "MISSION", "IN"),
    ("ſecurity council; Security Council", "SECURITY", "COUNCIL"),  # long s: re matches
    ("İnterim mission", "INTERIM", "MISSION"),
    ("a ΣΙΓΜΑ σιγμας", "ΣΙΓΜΑ", "ΣΙΓΜΑΣ"),
]


@pytest.mark.parametrize("running, first, second", PAIR_SPAN_CASES)
def test_pair_spans_match_ignorecase_finditer(running, first, second):
    import re

    from build_tools.recase import _pair_spans

    lexicon = Lexicon(text=running)
    pair = re.compile(rf"\b{re.escape(first)}\s+({re.escape(second)})\b", re.IGNORECASE)
    expected = [m.span(1) for m in pair.finditer(lexicon.running_text)]
    assert expected  # every case has a match, so the test compares something
    assert list(_pair_spans(first, second, lexicon)) == expected


def test_case_traps_cover_re_casefix():
    """A Python upgrade that adds case classes to re must be reflected in _CASE_TRAPS."""
    casefix = pytest.importorskip("re._casefix")
    from build_tools.recase import _CASE_TRAPS

    members = {chr(c) for k, v in casefix._EXTRA_CASES.items() for c in (k, *v)}
    assert {c for c in members if not c.isascii()} <= _CASE_TRAPS
