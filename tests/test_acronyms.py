"""Acronym definitions found in the text, and <abbr> for their other uses."""

from __future__ import annotations

import pytest

from build_tools.acronyms import Acronym, abbr_linker, expansion_for, find_acronyms
from build_tools.inline import Span, annotate
from build_tools.models import Block, Metadata, Report
from build_tools.render import combine_linkers


def _report(*texts: str) -> Report:
    body = tuple(Block("paragraph", f"para-{n}", t, number=str(n)) for n, t in enumerate(texts, 1))
    return Report("x.txt", Metadata("A/1/1", ("A/1/1",)), (), body, (), ())


@pytest.mark.parametrize(
    "text, acronym, expansion",
    [
        ("the African Union-United Nations Hybrid Operation in Darfur (UNAMID), it was", "UNAMID",
         "African Union-United Nations Hybrid Operation in Darfur"),
        ("the mandate of the United Nations Stabilization Mission in Haiti (MINUSTAH)", "MINUSTAH",
         "United Nations Stabilization Mission in Haiti"),
        ("Liberia. The United Nations Integrated Office in Burundi (BINUB) and", "BINUB",
         "United Nations Integrated Office in Burundi"),
        ("Service and the United Nations Office for Project Services (UNOPS)", "UNOPS",
         "United Nations Office for Project Services"),
        ("UNAMID and the United Nations Mission in the Central African Republic (MINURCAT) are", "MINURCAT",
         "United Nations Mission in the Central African Republic"),
        ("the Police tchadienne pour la protection humanitaire (PTPH)", "PTPH",
         "Police tchadienne pour la protection humanitaire"),
        ("growth of gross domestic product (GDP) was", "GDP", "gross domestic product"),
        ("the Food and Agriculture Organization of the United Nations (FAO)", "FAO",
         "Food and Agriculture Organization of the United Nations"),
        # An elided article gives no initial (A/62/627 para. 56), nor does a possessive "s".
        ("the United Nations Operation in Côte d'Ivoire (UNOCI)", "UNOCI", "United Nations Operation in Côte d'Ivoire"),
        ("the United Nations Operation in Côte d’Ivoire (UNOCI)", "UNOCI", "United Nations Operation in Côte d’Ivoire"),
        ("and the United Nations Children’s Fund (UNCF)", "UNCF", "United Nations Children’s Fund"),
        # A lower-case word in the name gives none when the capitals spell it (S/1999/779 para. 17).
        ("the International Criminal Tribunal for the former Yugoslavia (ICTY) and", "ICTY",
         "International Criminal Tribunal for the former Yugoslavia"),
        ("of small arms and light weapons (SALW)", "SALW", "small arms and light weapons"),
    ],
)
def test_definitions(text, acronym, expansion):
    assert find_acronyms(_report(text)) == [Acronym(acronym, expansion, "para-1")]


@pytest.mark.parametrize(
    "text",
    [
        "as set out in chapter (IV) of the report",  # roman numeral
        "unexploded ordnance (UXO)-related information",  # lower case, initials do not match
        "see document (A/70/357)",  # not an acronym
        "was agreed (see below) by all",
    ],
)
def test_not_definitions(text):
    assert find_acronyms(_report(text)) == []


def test_first_definition_wins_and_block_is_recorded():
    report = _report("the World Food Programme (WFP) said", "and again the World Food Programme (WFP)")
    assert find_acronyms(report) == [Acronym("WFP", "World Food Programme", "para-1")]


def test_expansion_gives_up_without_a_name():
    assert expansion_for("ABC", ["was", "agreed"]) is None


def test_abbr_on_every_other_use_and_escaped():
    report = _report("the People's Tribunal of Quotes (PTQ) met; PTQ and PTQX differ", "Later the PTQ ruled.")
    acronyms = find_acronyms(report)
    assert acronyms == [Acronym("PTQ", "People's Tribunal of Quotes", "para-1")]
    link = abbr_linker(acronyms)
    first, second = report.body
    html1 = annotate(first.text, link(first, "A/1/1/"))
    assert "(PTQ)" in html1, "the definition itself is left alone"
    assert html1.count("<abbr") == 1 and "PTQX" in html1, "whole words only"
    html2 = annotate(second.text, link(second, "A/1/1/"))
    assert html2 == 'Later the <abbr title="People&#x27;s Tribunal of Quotes">PTQ</abbr> ruled.'


def test_combine_linkers_drops_overlaps_first_wins():
    block = Block("paragraph", "para-1", "see A/70/357 and UNAMID")
    cite = lambda b, d: [Span(4, 12, "<a>", "</a>")]
    abbr = lambda b, d: [Span(6, 8, "<abbr>", "</abbr>"), Span(17, 23, "<abbr>", "</abbr>")]
    spans = combine_linkers(cite, None, abbr)(block, "")
    assert [(s.start, s.end) for s in spans] == [(4, 12), (17, 23)]
    assert combine_linkers(None, None) is None
    assert combine_linkers(cite) is cite


def test_a_list_of_abbreviations_defines_its_acronyms():
    """A report's own list ("Abbreviations" then acronym / name lines) feeds its glossary."""
    body = (
        Block("heading", "h-body-text-1", "Abbreviations", level=3),
        Block("text", "body-text-1", "AMISOM African Union Mission in Somalia UN-Women United Nations Entity for "
              "Gender Equality and the Empowerment of Women IV"),
        Block("heading", "sec-I", "Introduction", number="I", level=1),
        Block("paragraph", "para-1", "The African Union Mission in Somalia (AMISOM) and the mission (ABC).", number="1"),
    )
    report = Report("x.txt", Metadata("A/1/1", ("A/1/1",)), (), body, (), ())
    assert find_acronyms(report) == [
        Acronym("AMISOM", "African Union Mission in Somalia", "body-text-1"),
        Acronym("UN-Women", "United Nations Entity for Gender Equality and the Empowerment of Women IV", "body-text-1"),
    ]
