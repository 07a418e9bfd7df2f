"""build_tools.linking: internal vs external links, pinpoints, base_url joining."""

from __future__ import annotations

import pytest

from build_tools.citations import Citation, find_citations
from build_tools.linking import Link, external_url, link_all, resolve

PUBLISHED = {"A/70/357": "A/70/357/", "S/2015/682": "A/70/357/", "A/61/19": "A/61/19/"}


def anchors(symbol: str, paragraph: str, annex: str | None = None) -> str | None:
    """A site where A/70/357 has paragraphs 1-133, section III holding 10-40, and annex I
    paragraphs 1-5."""
    if symbol != "A/70/357" or not paragraph.isdigit():
        return None
    if annex is None and 10 <= int(paragraph) <= 40:
        return f"A/70/357/III/#para-{paragraph}"
    if annex == "I" and int(paragraph) <= 5:
        return f"A/70/357/annex-I/#annex-I-para-{paragraph}"
    return None


def only(text: str) -> Citation:
    (citation,) = find_citations(text)
    return citation


def test_published_symbol_links_inside_the_site() -> None:
    link = resolve(only("(A/70/357)"), PUBLISHED)
    assert (link.href, link.internal) == ("A/70/357/", True)


def test_second_symbol_of_a_joint_report_links_to_the_same_page() -> None:
    link = resolve(only("(S/2015/682)"), PUBLISHED)
    assert (link.href, link.internal) == ("A/70/357/", True)


EXTERNAL_CASES = [
    ("in its resolution 61/279.", "https://undocs.org/A/RES/61/279"),
    ("resolution 1325 (2000)", "https://undocs.org/S/RES/1325(2000)"),
    ("resolution 1514 (XV)", "https://undocs.org/A/RES/1514(XV)"),
    ("resolution 61/267 B of", "https://undocs.org/A/RES/61/267B"),
    ("resolution ES-10/2", "https://undocs.org/A/RES/ES-10/2"),
    ("(A/62/627/Add.1)", "https://undocs.org/A/62/627/Add.1"),
    ("(see E/CN.4/2006/53/Add.1)", "https://undocs.org/E/CN.4/2006/53/Add.1"),
    ("(A/70/357/Add.1)", "https://undocs.org/A/70/357/Add.1"),  # an addendum is not the report
]


@pytest.mark.parametrize(("text", "href"), EXTERNAL_CASES)
def test_unpublished_links_to_undocs(text: str, href: str) -> None:
    link = resolve(only(text), PUBLISHED)
    assert (link.href, link.internal) == (href, False)


@pytest.mark.parametrize(
    "base_url",
    ["https://undocs.org", "https://undocs.org/", "https://undocs.org//"],
)
def test_base_url_joins_with_exactly_one_slash(base_url: str) -> None:
    link = resolve(only("resolution 61/279"), {}, base_url=base_url)
    assert link.href == "https://undocs.org/A/RES/61/279"


def test_base_url_is_configurable() -> None:
    link = resolve(only("(A/70/95)"), {}, base_url="https://documents.example.org/en/")
    assert link.href == "https://documents.example.org/en/A/70/95"


def test_external_url_percent_encodes_only_unsafe_characters() -> None:
    assert external_url("A/61/19(PartII)") == "https://undocs.org/A/61/19(PartII)"
    assert external_url("/A/70/357", "https://undocs.org") == "https://undocs.org/A/70/357"
    assert external_url("X Y") == "https://undocs.org/X%20Y"


PINPOINT_CASES = [
    ("see paragraph 12 of A/70/357.", "A/70/357/III/#para-12"),
    ("(A/70/357, paras. 31-39)", "A/70/357/III/#para-31"),  # start of the range
    ("(A/70/357, para. 11 (c))", "A/70/357/III/#para-11"),  # falls back to the number
    ("see paragraph 120 of A/70/357.", "A/70/357/"),  # anchor unknown: the report itself
    ("(S/2015/682, para. 12)", "A/70/357/"),  # the callback only knows A/70/357
    ("(A/70/357, annex I, para. 3)", "A/70/357/annex-I/#annex-I-para-3"),
    ("see paragraph 3 of annex I to A/70/357.", "A/70/357/annex-I/#annex-I-para-3"),
    ("(A/70/357, annex II, para. 3)", "A/70/357/"),  # no such annex: the report itself
    ("(A/70/357, annex, para. 12)", "A/70/357/"),  # not the body's para-12
]


@pytest.mark.parametrize(("text", "href"), PINPOINT_CASES)
def test_pinpoints_link_to_the_paragraph(text: str, href: str) -> None:
    link = resolve(only(text), PUBLISHED, anchors=anchors)
    assert (link.href, link.internal) == (href, True)


def test_pinpoint_without_anchor_callback_links_the_report() -> None:
    assert resolve(only("see paragraph 12 of A/70/357."), PUBLISHED).href == "A/70/357/"


def test_pinpoint_on_external_citation_is_ignored() -> None:
    link = resolve(only("paragraph 20 of resolution 1244 (1999)"), PUBLISHED, anchors=anchors)
    assert link.href == "https://undocs.org/S/RES/1244(1999)"


def test_anchor_callback_gets_the_pinpoint_as_written_first() -> None:
    calls: list[tuple[str, str, str | None]] = []

    def record(symbol: str, paragraph: str, annex: str | None) -> str | None:
        calls.append((symbol, paragraph, annex))
        return "A/70/357/III/#para-11-c" if paragraph == "11 (c)" else None

    link = resolve(only("paragraph 11 (c) of A/70/357"), PUBLISHED, anchors=record)
    assert link.href == "A/70/357/III/#para-11-c"
    assert calls == [("A/70/357", "11 (c)", None)]
    resolve(only("A/70/357, annex, para. 7 (b)"), PUBLISHED, anchors=record)
    assert calls[1:] == [("A/70/357", "7 (b)", ""), ("A/70/357", "7", "")]


def test_part_of_a_published_report_links_to_the_report() -> None:
    link = resolve(only("¹ A/61/19 (Part II). For"), PUBLISHED)
    assert (link.href, link.internal) == ("A/61/19/", True)


def test_part_of_an_unpublished_report_links_to_undocs() -> None:
    link = resolve(only("¹ A/61/19 (Part II). For"), {})
    assert link.href == "https://undocs.org/A/61/19(PartII)"


@pytest.mark.parametrize(
    "text",
    [
        "decision 62/545",
        "General Assembly decision 62/545",
        "Commission on Narcotic Drugs resolution 50/2",
        "resolution 2005/35",
    ],
)
def test_non_linkable_citations_get_no_href(text: str) -> None:
    link = resolve(only(text), PUBLISHED, anchors=anchors)
    assert link == Link(only(text), None, False)


def test_decision_is_not_linked_even_when_its_target_is_published() -> None:
    link = resolve(only("decision 62/545"), {"A/DEC/62/545": "x/"})
    assert link.href is None


def test_link_all_keeps_text_order_and_spans() -> None:
    text = (
        "On 16 June 2015, the Panel delivered its report (A/70/95- S/2015/446), see also "
        "A/70/357 and resolution 1325 (2000); decision 62/545 was noted."
    )
    links = link_all(text, PUBLISHED)
    assert [(text[lk.citation.start : lk.citation.end], lk.href, lk.internal) for lk in links] == [
        ("A/70/95", "https://undocs.org/A/70/95", False),
        ("S/2015/446", "https://undocs.org/S/2015/446", False),
        ("A/70/357", "A/70/357/", True),
        ("1325 (2000)", "https://undocs.org/S/RES/1325(2000)", False),
        ("62/545", None, False),
    ]


def test_link_all_passes_options_through() -> None:
    links = link_all("paragraph 12 of A/70/357 and A/70/95", PUBLISHED, "http://x.org", anchors)
    assert [lk.href for lk in links] == ["A/70/357/III/#para-12", "http://x.org/A/70/95"]
