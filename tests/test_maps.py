"""A map page: its labels one block named by the map's number, its disclaimer and credit apart."""

import pytest

from build_tools.pipeline import convert_text
from build_tools.sitegen import render_corpus

MASTHEAD = ("S/2099/400\n\nUnited Nations\n\nSecurity Council\n\nDistr.: General\n1 August 2099\n"
            "Original: English\n\nReport of the Secretary-General on the Mission\n")
BODY = (
    "I. Introduction\n"
    "1. The present report covers developments since my last report. The deployment of the\n"
    "Mission is shown on the map annexed to the present report.\n"
    "II. Observations\n"
    "2. I thank the troop-contributing countries for their support.\n"
    "\f99-12345 (E)\n\n"
    "Annex\n"
    "Deployment of the Mission as of July 2099\n"
)
# pdftotext without -layout: a label a line, the credit and the disclaimer at the foot.
RAW_MAP = (
    "24°E\n26°E\nSUDAN\nRenk\nAbyei\nUPPER\nNILE\nMalakal\nWau\nJuba\nCENTRAL AFRICAN\nREPUBLIC\n"
    "Mission headquarters\nSector headquarters\nInternational boundary\n0\n50\n100\n150 km\n"
    "The boundaries and names shown and the designations used on this map do not imply official\n"
    "endorsement or acceptance by the United Nations.\n"
    "Map No. 4456 Rev. 23 UNITED NATIONS\nJune 2099\nDepartment of Operational Support\n"
    "Geospatial Information Section\n"
)
# pdftotext -layout: labels side by side, blank lines between them, the credit beside a label.
LAYOUT_MAP = (
    "         24°E                          26°E\n\n"
    "                  SUDAN                        Renk\n\n"
    "      Abyei                 UPPER\n"
    "                            NILE          Malakal\n\n"
    "   Wau                                  Juba\n\n"
    "   CENTRAL AFRICAN\n   REPUBLIC          Mission headquarters\n\n"
    "   0   50   100   150 km\n\n"
    "   Map No. 4456 Rev. 23   UNITED NATIONS    June 2099    Department of Operational Support\n"
    "                                            Geospatial Information Section\n\n"
    "The boundaries and names shown and the designations used on this map do not imply official endorsement or\n"
    "acceptance by the United Nations.\n"
)

# Justified text: the disclaimer's and credit's words two spaces apart (no column gaps there).
JUSTIFIED_MAP = RAW_MAP.replace(
    "The boundaries and names shown and the designations used on this map do not imply official\n",
    "The  boundaries  and  names  shown  and  the  designations  used  on  this  map  do  not\nimply official\n",
).replace("Map No. 4456 Rev. 23 UNITED NATIONS", "Map  No.  4456  Rev. 23  UNITED  NATIONS")


def convert(map_text):
    return convert_text(MASTHEAD + BODY + map_text, "S_2099_400.txt")


def annex(report):
    return [(b.type, b.id, b.text) for b in report.body if b.section == "annex"]


@pytest.mark.parametrize("map_text", [RAW_MAP, LAYOUT_MAP, JUSTIFIED_MAP],
                         ids=["a label a line", "pdftotext -layout", "justified"])
def test_a_maps_labels_are_one_block_named_by_its_number_then_its_disclaimer_and_credit(map_text):
    """The labels were one long paragraph of prose ("24°E 26°E SUDAN Renk … The boundaries and
    names shown …  Map No. 4456 …"), or, with blank lines, many, some of them headings."""
    report = convert(map_text)
    got = annex(report)
    assert [kind for kind, _, _ in got] == ["heading", "text", "text", "text"]
    assert got[0][1:] == ("annex", "Annex — Deployment of the Mission as of July 2099")
    _, labels_id, labels = got[1]
    assert labels_id == "annex-map-4456"
    assert labels.startswith("24°E") and "Malakal" in labels and "Juba" in labels and "150 km" in labels
    assert "boundaries" not in labels and "Map No" not in labels
    cells = next(b.cells for b in report.body if b.id == "annex-map-4456")
    assert "Malakal" in cells and "Mission headquarters" in cells
    assert got[2][2] == ("The boundaries and names shown and the designations used on this map do not imply "
                         "official endorsement or acceptance by the United Nations.")
    assert got[3][2].startswith("Map No. 4456 Rev. 23 UNITED NATIONS June 2099 Department of Operational Support")
    assert got[3][2].endswith("Geospatial Information Section")
    assert [b.id for b in report.body if b.type == "paragraph"] == ["para-1", "para-2"]


def test_the_page_shows_the_labels_as_a_maps_under_a_note():
    page = render_corpus([convert(RAW_MAP)])["S/2099/400/annex/index.md"]
    assert page.index("A map: the text layer has only its labels") < page.index('id="annex-map-4456"')
    assert 'class="para text chart-labels map-labels" id="annex-map-4456"' in page
    assert page.count("official document</a> shows it") == 1


def test_a_map_in_the_body_without_pages_takes_only_label_blocks():
    """No page numbers known: only short-celled blocks next to the credit are the map's; the
    paragraph and the text before them stay."""
    text = MASTHEAD + BODY.replace("\f99-12345 (E)\n\nAnnex\nDeployment of the Mission as of July 2099\n", "")
    text += "\nThe Mission continued its work in all sectors during the period under review.\n\n"
    text += ("Juba\nWau\nMalakal\n\nThe boundaries and names shown and the designations used on this map do not imply\n"
             "official endorsement or acceptance by the United Nations.\nMap No. 4456 UNITED NATIONS\n")
    report = convert_text(text, "S_2099_400.txt")
    got = [(b.type, b.id, b.text) for b in report.body if b.section == "II"]
    assert got[-4][2].startswith("The Mission continued its work")
    assert got[-3][1:] == ("map-4456", "Juba Wau Malakal")
    assert got[-2][2].startswith("The boundaries") and got[-1][2] == "Map No. 4456 UNITED NATIONS"


@pytest.mark.parametrize("line", [
    "Map No. 4456 shows the deployment of the Mission as of June 2099 and its sectors.",
    "The boundaries and names shown on the map are those used by the parties.",
])
def test_prose_that_names_a_map_is_no_map(line):
    """A credit is the number alone (with its revision, "UNITED NATIONS", a date); a sentence
    that begins "Map No. 4456 shows …" is prose, and so is one about the boundaries shown."""
    # "designations" (the disclaimer's word that opens the search for maps) is in the text
    report = convert(f"The Mission prepared a new map of its area of operations and its designations.\n{line}\n")
    assert not any("map-" in b.id for b in report.body)
    assert annex(report)[-1][2].endswith(line)


@pytest.mark.parametrize("map_text", [RAW_MAP, LAYOUT_MAP, JUSTIFIED_MAP],
                         ids=["a label a line", "pdftotext -layout", "justified"])
@pytest.mark.parametrize("cut", ["the situation in the country and on the activities of the Mission in the",
                                 "the Mission."], ids=["mid-sentence", "after a sentence"])
def test_a_map_page_inside_a_paragraph_is_taken_out_and_the_paragraph_joined_again(map_text, cut):
    """A map's page between two pages of a paragraph: its lines joined the paragraph (or cut it,
    its rest left as unnumbered text after the map). The paragraph reads whole again and the
    map's blocks follow it. (A line cut by a page break mid-sentence is a full line: a short one
    that ends no sentence could be a label.)"""
    rest = "north, which remained calm." if cut.endswith("the") else "The situation in the north remained calm."
    text = (MASTHEAD + "I. Introduction\n1. The present report covers developments since my last report on\n"
            f"{cut}\n" + map_text + f"{rest}\n2. I thank the troop-contributing countries.\n")
    report = convert_text(text, "S_2099_400.txt")
    got = [(b.type, b.id, b.text) for b in report.body]
    whole = f"The present report covers developments since my last report on {cut} {rest}"
    assert got[1] == ("paragraph", "para-1", whole)
    assert got[2][1] == "map-4456" and "Malakal" in got[2][2]
    assert got[3][2].startswith("The boundaries and names shown") and got[4][2].startswith("Map No. 4456")
    assert got[5][1] == "para-2" and len(got) == 6


@pytest.mark.parametrize("map_text", [RAW_MAP, LAYOUT_MAP, JUSTIFIED_MAP],
                         ids=["a label a line", "pdftotext -layout", "justified"])
def test_a_credit_in_a_block_of_its_own_stays_the_maps(map_text):
    """No page numbers: the credit, a block of its own (its words spaced apart), goes with the
    labels and disclaimer before it; it was joined to the paragraph before the map."""
    text = (MASTHEAD + "I. Introduction\n1. The present report covers developments since my last report.\n\n"
            + map_text + "\n2. I thank the troop-contributing countries.\n")
    got = [(b.type, b.id, b.text) for b in convert_text(text, "S_2099_400.txt").body]
    assert got[1] == ("paragraph", "para-1", "The present report covers developments since my last report.")
    assert got[2][1] == "map-4456" and got[4][2].startswith("Map No. 4456") and got[5][1] == "para-2"


@pytest.mark.parametrize("map_text", [RAW_MAP, LAYOUT_MAP, JUSTIFIED_MAP],
                         ids=["a label a line", "pdftotext -layout", "justified"])
@pytest.mark.parametrize("mark", ["A.\n\nSecurity situation\n", "A. Security situation\n"],
                         ids=["letter alone", "letter with title"])
def test_a_lettered_heading_after_a_map_keeps_its_letter(map_text, mark):
    """A map's page between a section heading and its first lettered section: the credit ends
    open ("… Geospatial Information Section"), and "A." was read as its last line, the heading
    left without its letter (id "h-para-2" instead of "sec-II-A", a broken link). A letter
    whose short title the expected paragraph follows heads that paragraph."""
    text = (MASTHEAD + "I. Introduction\n1. The present report covers developments since my last report.\n"
            "II. Major developments\n\f" + map_text + "\f" + mark + "2. The situation remained calm.\n")
    got = [(b.type, b.id, b.text) for b in convert_text(text, "S_2099_400.txt").body]
    assert ("heading", "sec-II-A", "Security situation") in got
    assert got[-1] == ("paragraph", "para-2", "The situation remained calm.")
    assert got[-3][2].startswith("Map No. 4456") and not got[-3][2].endswith("A.")


def test_a_letter_alone_in_running_text_stays_text():
    """ "… set out in annex" / "A." / a title-like line / the next paragraph: the letter ends
    a sentence the line before left open, and the line after it is no short title."""
    text = (MASTHEAD + "I. Introduction\n1. The details of the programme are set out in annex\n"
            "A.\nThe Mission will report on its progress in the next report of the Secretary-General.\n"
            "2. The situation remained calm.\n")
    got = [(b.type, b.id) for b in convert_text(text, "S_2099_400.txt").body]
    assert got == [("heading", "sec-I"), ("paragraph", "para-1"), ("paragraph", "para-2")]


def test_an_older_maps_credit_with_its_colour_note():
    """The 1990s' and 2000s' credit: "Map No. 3761 Rev. 1 UNITED NATIONS / March 1996 (Colour)",
    the Department of Public Information's Cartographic Section."""
    old = ("ANGOLA\nLuanda\nZAMBIA\nThe boundaries and names shown and the designations used on this map do not imply\n"
           "official endorsement or acceptance by the United Nations.\nMap No. 3761 Rev. 1 UNITED NATIONS\n"
           "March 1996 (Colour)\nDepartment of Public Information\nCartographic Section\n")
    got = annex(convert(old))
    assert got[1][1:] == ("annex-map-3761", "ANGOLA Luanda ZAMBIA")
    assert got[-1][2] == ("Map No. 3761 Rev. 1 UNITED NATIONS March 1996 (Colour) Department of Public Information "
                          "Cartographic Section")


def test_a_long_line_after_a_credit_is_read_in_linear_time():
    """A credit's parts are matched item by item, each taken whole: "Department of …" followed
    by forty more words that end in no item took exponential time (20 words: seconds)."""
    line = "Department of " + "Geospatial Section " * 40 + "!"
    got = annex(convert(RAW_MAP + line + "\n"))
    assert got[-1][2].startswith("Map No. 4456") and got[1][2].endswith("Geospatial Section Geospatial Section!")
