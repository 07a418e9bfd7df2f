"""The real site, built by `reports build` from source_texts/, read back with BeautifulSoup."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from build_tools.symbols import url_path

pytestmark = pytest.mark.site


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_for(site, symbol, section):
    folder = site / url_path(symbol) / section if section else site / url_path(symbol)
    return folder / "index.html"


def shown_text(el) -> str:
    """What a reader sees of a block, less its number label, footnote marks, editor notes and
    the editors' "corrected" mark."""
    el = BeautifulSoup(str(el), "html.parser")
    for extra in el.select(".para-num, sup.fnref, .editor-note, .para-tools, .erratum-mark"):
        extra.decompose()
    return " ".join(el.get_text("").split())


def data_files(site):
    return sorted(site.rglob("data.json"))


def test_every_report_has_data_json(built_site, reports):
    found = {json.loads(p.read_text(encoding="utf-8"))["symbol"] for p in data_files(built_site)}
    assert found == set(reports)


def test_every_block_in_data_json_has_its_element_on_the_right_page(built_site):
    checked = 0
    for path in data_files(built_site):
        data = json.loads(path.read_text(encoding="utf-8"))
        pages = {}
        for block in data["summary"] + data["body"]:
            section = "" if block["id"].startswith("summary-") else block["section"]
            page = pages.setdefault(section, soup(page_for(built_site, data["symbol"], section)))
            el = page.find(id=block["id"])
            assert el is not None, (data["symbol"], section, block["id"])
            if "table-rebuilt" in el.get("class", []):  # rows rebuilt: the same characters, in rows
                # (by characters: a note mark run into a label, "Canadaa", shows as Canada<sup>a</sup>)
                assert sorted("".join(el.get_text().split())) == sorted("".join(block["text"].split())), block["id"]
            elif block["type"] in ("paragraph", "item", "text"):
                assert shown_text(el) == " ".join(block["text"].split()), block["id"]
                checked += 1
    assert checked > 500


def test_paragraph_text_is_shown_verbatim(built_site, reports):
    r = reports["A/70/357"]
    para = r.block("para-57")
    page = soup(page_for(built_site, "A/70/357", para.section))
    el = page.find(id="para-57")
    number = el.find(class_="para-num")
    assert number.get_text() == "57."
    assert number["href"] == "#para-57"
    text = el.get_text("").replace(number.get_text(), "", 1).strip()
    assert " ".join(text.split()) == " ".join(para.text.split())


def test_section_urls_come_from_numbers(built_site):
    for section in ("I", "II", "III", "IV", "V"):
        assert page_for(built_site, "A/70/357", section).is_file()


def test_home_page_lists_every_report(built_site, reports):
    home = soup(built_site / "index.html")
    rows = home.select("table.report-list tbody tr")
    assert len(rows) == len(reports)
    assert any("A/70/357" in r.get_text() and "2 September 2015" in r.get_text() and r.time["datetime"] == "2015-09-02" for r in rows)


def test_footnotes_link_both_ways(built_site):
    page = soup(page_for(built_site, "A/62/627", "III"))
    ref = page.find("sup", class_="fnref")
    note = page.find(id=ref.a["href"][1:])
    assert note is not None and note.find("a", class_="fn-back")["href"] == f"#{ref['id']}"


def test_citations_link_inside_and_outside(built_site):
    page = soup(page_for(built_site, "A/62/627", "I"))
    hrefs = {a.get_text(): a["href"] for a in page.select("a.cite")}
    assert hrefs["61/279"] == "https://undocs.org/A/RES/61/279"
    index = soup(built_site / "corpus" / "citations" / "index.html")
    assert index.find(string="S/RES/1244(1999)")


def test_qa_page_names_its_source_file_as_written(built_site):
    """The file name is shown as it is (it once showed Markdown's escapes: `A\\_51\\_695\\.txt`)."""
    qa = soup(built_site / "A" / "51" / "695" / "qa" / "index.html")
    assert "A_51_695.txt" in [c.get_text() for c in qa.select("article code, .md-content code")]
    assert "\\" not in qa.select_one(".md-content").get_text()


def test_no_element_has_an_empty_id(built_site):
    for page in [page_for(built_site, s, "") for s in ("A/70/357", "A/51/695", "S/1999/779")]:
        assert not soup(page).select('[id=""]'), page


def test_annex_pages_are_titled_once_by_their_mark(built_site):
    """"S/2006/592 Annex II — …", not "S/2006/592 II. Annex II …", in the title and the pager."""
    page = soup(page_for(built_site, "S/2006/592", "annex-II"))
    assert page.title.get_text().startswith("S/2006/592 Annex II — United Nations Stabilization Mission in Haiti")
    before = soup(page_for(built_site, "S/2006/592", "annex-I")).select_one(".section-nav a.next")
    assert before.get_text().startswith("Annex II — United Nations")


def test_heading_levels_never_skip_one(built_site):
    """h1 then h3 (an unnumbered sub-heading straight under a section) loses screen-reader users."""
    skipped = []
    for page in sorted(built_site.glob("[AS]/**/index.html")):
        levels = [int(h.name[1]) for h in soup(page).select(".md-content h1, .md-content h2, .md-content h3, .md-content h4")]
        skipped += [(str(page.relative_to(built_site)), a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not skipped


def test_sibling_sub_headings_share_a_level(built_site):
    """Section III's unnumbered sub-headings were h2, h3, h3 …: the page's contents nested
    every one under the first."""
    def levels(section):
        page = soup(page_for(built_site, "A/70/357", section))
        return [(h.name, h.get("id")) for h in page.select(".md-content h2, .md-content h3")]

    assert {name for name, _ in levels("III")} == {"h2"}
    four = levels("IV")
    assert [name for name, hid in four if hid.startswith("sec-IV-")] == ["h2"] * 7  # the lettered sections
    assert {name for name, hid in four if hid.startswith("h-")} == {"h3"}  # sub-headings under them


def test_tables_whose_layout_was_lost_say_so(built_site):
    """The annex tables of troop numbers are cells in reading order: the page says so and links
    the official document; no prose block gets the note."""
    noted = []
    for page in sorted(built_site.glob("[AS]/**/index.html")):
        for note in soup(page).select("p.table-note"):
            noted.append((str(page.parent.relative_to(built_site)), note.find_next_sibling(["p", "div"])["id"]))
            assert note.find("a")["href"].startswith("https://undocs.org/S/")
    assert noted == [("S/2006/592/annex-I", "annex-I-text-1"), ("S/2006/592/annex-II", "annex-II-text-1"),
                     ("S/2018/241/annex-II", "annex-II-text-1")]


def test_a_tables_cells_stay_in_its_data_and_its_text_is_unchanged(built_site, reports):
    """'Bolivia 1 — 1 a 14 1 200 1 214': is it 1 200 or 1 and 200? data.json keeps each cell
    as the text layer gives it, and the text reads as before."""
    data = json.loads((built_site / "S/2006/592/data.json").read_text(encoding="utf-8"))
    for bid in ("annex-I-text-1", "annex-II-text-1"):
        kept = next(b for b in data["body"] if b["id"] == bid)
        assert " ".join(kept["cells"]) == kept["text"] == reports["S/2006/592"].block(bid).text
    assert kept["cells"][:4] == ["Country", "Argentina", "Benin", "Bosnia and Herzegovina"]
    # The rows the page shows, for machines too.
    table, note = kept["table"]
    assert table["header"] == ["Country", "Civilian police officers", "Formed police units", "Total"]
    assert table["rows"][6] == {"label": "Canada", "mark": "a", "values": ["68", "—", "68"]}
    assert len(table["rows"]) == 38
    assert note == {"cells": ["a", "22", "Including the Police Commissioner."]}
    police = next(b for b in json.loads((built_site / "S/2018/241/data.json").read_text(encoding="utf-8"))["body"]
                  if b["id"] == "annex-II-text-1")
    assert police["table"][0]["groups"] == ["United Nations police officers", "Formed police units"]


def test_a_table_given_column_by_column_is_rebuilt_when_its_totals_prove_it(built_site):
    """Annex II of S/2006/592 comes in columns: the 38 labels, the titles, each column's
    figures, the Total row last. Every row adds up to its Total: the page shows the table, and
    the cells that fit no row (the note) after it."""
    block = soup(page_for(built_site, "S/2006/592", "annex-II")).find(id="annex-II-text-1")
    table = block.find("table")
    assert [th.get_text() for th in table.select("thead th")] == [
        "Country", "Civilian police officers", "Formed police units", "Total"]
    rows = [[td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert len(rows) == 38 and rows[0] == ["Argentina", "4", "—", "4"]
    assert ["China", "5", "125", "130"] in rows and rows[-1] == ["Total", "690", "997", "1 687"]
    canada = next(tr for tr in table.select("tbody tr") if tr.td.get_text().startswith("Canada"))
    assert canada.td.sup.get_text() == "a"  # "Canadaa" in the text layer: the note's mark
    assert [c.get_text() for c in block.select("p.table-cells span.cell")] == [
        "a", "22", "Including the Police Commissioner."]


def test_a_tables_rows_are_rebuilt_when_they_add_up(built_site):
    """Annex I of S/2006/592 comes row by row, Brazil's label after its figures (its note mark
    first): the page shows the table, header, rows and the note that fits no row; the totals
    of each row add up, the check that every figure is in its row."""
    block = soup(page_for(built_site, "S/2006/592", "annex-I")).find(id="annex-I-text-1")
    assert block.name == "div" and "table-rebuilt" in block["class"]
    table = block.find("table")
    assert [th.get_text() for th in table.select("thead th")] == ["Country", "Staff officers", "Troops", "Total"]
    rows = [[td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert rows[:3] == [["Argentina", "9", "549", "558"], ["Bolivia", "1", "—", "1"],
                        ["Brazila", "14", "1 200", "1 214"]]
    assert rows[-1] == ["Total", "101", "6 208", "6 309"] and len(rows) == 19
    assert table.select("tbody tr")[2].td.sup.get_text() == "a"
    assert [c.get_text() for c in block.select("p.table-cells span.cell")] == ["a Including the Force Commander."]


def test_a_heading_with_nothing_under_it_says_the_original_has_an_image(built_site):
    """S/2018/241 annex III is "Map" and an image: its page says so, names the page and
    links the official PDF; no page with text gets the note."""
    noted = []
    for page in sorted(built_site.glob("[AS]/**/index.html")):
        for note in soup(page).select("p.no-text-note"):
            noted.append(str(page.parent.relative_to(built_site)))
            assert "(page 19)" in note.get_text() and "image" in note.get_text()
            assert note.find("a", class_="external")["href"] == "https://undocs.org/S/2018/241"
    assert noted == ["S/2018/241/annex-III"]


def test_references_to_the_reports_own_paragraphs_and_sections_are_links(built_site):
    """ "(see para. 11 above)" lands on paragraph 11 (on its page), "section III above" on its
    heading, "(see annex I)" on the annex's page; another document's "annex I" stays text."""
    def selfrefs(symbol, section):
        page = soup(page_for(built_site, symbol, section))
        return {(a.get_text(), a["href"]) for a in page.select("a.selfref")}

    assert {("para. 11", "./#para-11"), ("para. 28", "./#para-28")} <= selfrefs("S/2006/592", "II")
    assert ("section III", "../III/#sec-III") in selfrefs("S/2006/592", "VI")
    assert ("para. 114", "../VII/#para-114") in selfrefs("S/1999/779", "IV")
    assert ("annex I", "../annex-I/") in selfrefs("S/2018/241", "V")
    target = soup(page_for(built_site, "S/1999/779", "VII")).find(id="para-114")
    assert target is not None and target.name == "p"
    annexed = soup(page_for(built_site, "A/51/695", ""))
    assert not [a for a in annexed.select("a.selfref") if a.get_text() == "annex I"]


def test_a_two_level_header_heads_the_police_table(built_site):
    """Annex II of S/2018/241: "Country" over both header rows, each group's title over its
    "Women" and "Men"; its 36 rows on page 17, then page 18's 4 under the same header (its
    "Formed police units" moved by pdftotext under the rows, taken from there)."""
    block = soup(page_for(built_site, "S/2018/241", "annex-II")).find(id="annex-II-text-1")
    first, second = block.find_all("table")
    for table in (first, second):
        top, sub = table.select("thead tr")
        assert [(th.get_text(), th.get("colspan"), th.get("rowspan")) for th in top.select("th")] == [
            ("Country", None, "2"), ("United Nations police officers", "2", None), ("Formed police units", "2", None)]
        assert [th.get_text() for th in sub.select("th")] == ["Women", "Men", "Women", "Men"]
    assert len(first.select("tbody tr")) == 36 and len(second.select("tbody tr")) == 4
    loose = [c.get_text() for c in block.select("p.table-cells span.cell")]
    assert loose == ["Total", "Grand total", "215", "978", "1 193"]
