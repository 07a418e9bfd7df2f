"""Text blocks that are tables whose layout the text layer lost (tables.py)."""

from build_tools.tables import looks_tabular, table_cells

CELLS = ["Country", "Troops", "Police", "Argentina", "9", "549", "Bolivia", "1", "—", "Brazil", "1 200", "14"]


def test_a_tables_lines_are_its_cells():
    text = " ".join(CELLS)
    assert looks_tabular(text)
    assert table_cells([f" {c} " for c in CELLS] + [""], text) == tuple(CELLS)


def test_cells_take_the_cleaned_text_where_a_rule_kept_its_length():
    lines = [*CELLS, "Côte d'Ivoire"]
    cleaned = " ".join(lines).replace("'", "’")
    assert table_cells(lines, cleaned)[-1] == "Côte d’Ivoire"


def test_no_cells_when_a_rule_changed_the_text_or_for_prose():
    assert table_cells(CELLS, " ".join(CELLS).replace("Bolivia", "Bolivia (Plurinational State of)")) == ()
    joined = " ".join(CELLS).replace("Brazil 1 200", "Brazil1 200 ")  # same length, a cell boundary moved
    assert table_cells(CELLS, joined) == ()
    prose = ["The Mission deployed 1 200 troops in 2099", "to 14 regions, with 549 police officers."]
    assert not looks_tabular(" ".join(prose)) and table_cells(prose, " ".join(prose)) == ()


# -- rows (tables.rebuild) ------------------------------------------------------------------

from build_tools.tables import Row, Rows, rebuild  # noqa: E402

TROOPS = ("Country", "Staff officers", "Troops", "Total", "Argentina", "9", "549", "558", "Bolivia", "1", "—", "1",
          "a", "14", "1 200", "1 214", "Brazil", "Canada", "4", "—", "4", "Total", "28", "1 749", "1 777",
          "a", "Including the Force Commander.")


def test_rows_are_rebuilt_with_a_label_after_its_figures_and_the_note_left_over():
    rows, note = rebuild(TROOPS)
    assert rows == Rows(("Country", "Staff officers", "Troops", "Total"), (
        Row("Argentina", "", ("9", "549", "558")), Row("Bolivia", "", ("1", "—", "1")),
        Row("Brazil", "a", ("14", "1 200", "1 214")), Row("Canada", "", ("4", "—", "4")),
        Row("Total", "", ("28", "1 749", "1 777"))))
    assert note == ("a", "Including the Force Commander.")


def test_no_rows_when_a_total_does_not_add_up_or_the_table_is_one_column():
    wrong = tuple("9 999" if c == "558" else c for c in TROOPS)
    assert rebuild(wrong) == ()
    columns = ("Country", "Argentina", "Benin", "Brazil", "Chad", "Total", "Police", "4", "29", "4", "4", "41")
    assert rebuild(columns) == ()  # a label and one figure a row: a list as much as a table
    assert rebuild(("Argentina", "9", "Bolivia", "1")) == ()  # fewer than three rows


def test_column_titles_wrapped_over_lines_are_the_header():
    """ "Military" / "observers", "Staff" / "officers": one title each, the header of the rows."""
    cells = ("Country", "Military", "observers", "Staff", "officers", "Troops", "Total", "Benin", "2", "1", "10", "13",
             "Chad", "—", "2", "5", "7", "Togo", "1", "—", "3", "4")
    (rows,) = rebuild(cells)
    assert rows.header == ("Country", "Military observers", "Staff officers", "Troops", "Total")
    assert rows.rows[1] == Row("Chad", "", ("—", "2", "5", "7"))


def test_a_header_repeated_after_a_page_break_heads_the_rows_after_it():
    """A header that is no column per cell stays as cells, before the rows."""
    cells = ("Police", "Country", "Women", "Men", "A", "1", "2", "B", "–", "3", "C", "4", "–",
             "Country", "Women", "Men", "D", "5", "6", "E", "7", "8", "F", "9", "1", "10", "20", "Subtotal")
    loose, first, second = rebuild(cells)
    assert loose == ("Police", "Country", "Women", "Men")
    assert first.header == () and [r.label for r in first.rows] == ["A", "B", "C"]
    assert second.header == ("Country", "Women", "Men")
    assert [r.label for r in second.rows] == ["D", "E", "F", "Subtotal"]
    assert second.rows[-1].values == ("10", "20")  # its label after its figures


def test_a_note_mark_run_into_a_figure_keeps_the_figure_in_its_row():
    """ "1 214b" (its note's mark run into it) is a figure: the row is rebuilt and adds up,
    and the page sets the mark as one."""
    from build_tools.render import _table_part

    marked = tuple("1 214b" if c == "1 214" else c for c in TROOPS)
    rows, note = rebuild(marked)
    assert rows.rows[2] == Row("Brazil", "a", ("14", "1 200", "1 214b"))
    assert "<td>1 214<sup>b</sup></td>" in _table_part(rows)
    assert rebuild(tuple("1 215b" if c == "1 214" else c for c in TROOPS)) == ()  # still checked


def test_rebuilt_cells_are_escaped():
    from build_tools.render import _table_part

    rows = Rows(("Country", "<b>Troops</b>"), (Row('<script>alert("x")</script>', "a", ("1 & 2",)),))
    html = _table_part(rows) + _table_part(("a", "<img src=x onerror=alert(1)>"))
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "1 &amp; 2" in html


def test_a_label_wrapped_over_two_lines_is_one_label():
    cells = ("Country", "Police", "Troops", "Total", "Argentina", "1", "2", "3", "Bosnia and", "Herzegovina", "1", "2",
             "3", "Bolivia", "(Plurinational State of)", "4", "5", "9", "Chad", "$1", "1", "2")
    (rows,) = rebuild(cells)
    assert [r.label for r in rows.rows] == ["Argentina", "Bosnia and Herzegovina", "Bolivia (Plurinational State of)",
                                            "Chad"]
    # A bracket opened and not closed: "Iran (Islamic" / "Republic of)".
    cells = ("Country", "Troops", "Police", "Total", "Iran (Islamic", "Republic of)", "5", "2", "7", "Chad", "1", "1",
             "2", "Venezuela (Bolivarian", "Republic of)", "3", "—", "3", "Total", "9", "3", "12")
    (rows,) = rebuild(cells)
    assert [r.label for r in rows.rows] == ["Iran (Islamic Republic of)", "Chad", "Venezuela (Bolivarian Republic of)",
                                            "Total"]


def test_a_label_that_goes_on_under_its_figures_is_its_rows():
    cells = ("Country", "Police", "Troops", "Total", "Argentina", "1", "2", "3", "Bosnia and", "1", "2", "3",
             "Herzegovina", "Bolivia", "4", "5", "9", "Chad", "1", "1", "2")
    (rows,) = rebuild(cells)
    assert [r.label for r in rows.rows] == ["Argentina", "Bosnia and Herzegovina", "Bolivia", "Chad"]


LAYOUT_REPORT = """                                                                                S/2099/77
 United Nations
                 Security Council                                    Distr.: General
                                                                     5 June 2099

                 Report of the Secretary-General on the United Nations
                 Mission in Testland


          I. Introduction
            1.    The present report covers the period from 1 January to 31 May 2099.


          Annex
                 Countries providing military staff and contingents


                 Country                          Staff officers          Troops            Total


                 Argentina                                     9             549              558
                 Bolivia                                       1               —                1
                 Brazil a                                     14           1 200            1 214
                 Chile                                         8             537              545

                 Total                                        32           2 286            2 318

                 a
                     Including the Force Commander.
"""


def test_a_layout_tables_rows_are_its_lines_cut_at_the_column_gaps():
    """pdftotext -layout keeps a row on its line: the cells are cut at the gaps (the block had
    no cells, and its text read as one run of words), and the rows rebuilt."""
    from build_tools.pipeline import convert_text

    block = convert_text(LAYOUT_REPORT, "S_2099_77.txt").body[-1]
    assert block.cells[:8] == ("Country", "Staff officers", "Troops", "Total", "Argentina", "9", "549", "558")
    rows, note = rebuild(block.cells)
    assert rows.rows[2] == Row("Brazil", "a", ("14", "1 200", "1 214")) and rows.rows[-1].label == "Total"
    assert note == ("a", "Including the Force Commander.")


def test_column_titles_over_the_figures_only_head_the_rows_with_a_blank_corner():
    """ "Troops", "Police", "Total" and no title over the labels: the header, its corner blank.
    One title over one column of figures stays a loose cell (a group's name as much)."""
    cells = ("Troops", "Police", "Total", "Benin", "10", "3", "13", "Chad", "5", "—", "5", "Togo", "1", "3", "4")
    (rows,) = rebuild(cells)
    assert rows.header == ("", "Troops", "Police", "Total")
    assert rows.rows[1] == Row("Chad", "", ("5", "—", "5"))
    loose, rows = rebuild(("Contingents", "Benin", "10", "Chad", "5", "Togo", "1", "Total", "16"))
    assert loose == ("Contingents",) and not rows.header


LAYOUT_NO_CORNER = LAYOUT_REPORT.replace(
    "Country                          Staff officers", "                                 Staff officers"
).replace("          Total\n\n\n", "          Total\n")


def test_a_layout_tables_column_titles_over_its_rows_are_its_header_not_a_heading():
    """The titles' line with no blank line under it, straight over the rows: no heading (a row
    with its cells gapped is no line of prose a heading is glued to), the table's header."""
    from build_tools.pipeline import convert_text

    report = convert_text(LAYOUT_NO_CORNER, "S_2099_77.txt")
    assert [b.text for b in report.body if b.type == "heading"] == [
        "Introduction", "Annex — Countries providing military staff and contingents"]
    rows, _ = rebuild(report.body[-1].cells)
    assert rows.header == ("", "Staff officers", "Troops", "Total")
    assert rows.rows[0] == Row("Argentina", "", ("9", "549", "558"))


def test_rebuild_takes_any_cells():
    """Cells as a model may hold them (empty, blank, marks only): rows or (), never an error."""
    import random

    rng = random.Random(7)
    pool = ["Country", "Total", "a", "1", "1 200", "—", "(3)", "$4", "2.5", "Bosnia and", "Herzegovina", "", " ", "*"]
    for _ in range(2000):
        parts = rebuild(tuple(rng.choice(pool) for _ in range(rng.randint(0, 30))))
        assert isinstance(parts, tuple)


def test_a_header_of_two_rows_heads_its_groups_of_columns():
    """A gender table: "Women", "Men" under each of two group titles, "Country" over both
    rows, in pdftotext's order (a group title among the column titles). The groups keep their
    order; each group's "Total" must add up. The header again over the next page's rows heads
    them too; with a title missing there, the cells stay as they came, unless the title stands
    below the rows."""
    head = ["United Nations police officers", "Country", "Women", "Formed police units", "Men", "Women", "Men"]
    rows = ["Benin", "–", "12", "–", "–", "Rwanda", "–", "–", "21", "119", "Senegal", "–", "3", "17", "122"]
    parts = rebuild(tuple(head + rows))
    assert parts[0].header == ("Country", "Women", "Men", "Women", "Men")
    assert parts[0].groups == ("United Nations police officers", "Formed police units")
    assert [r.label for r in parts[0].rows] == ["Benin", "Rwanda", "Senegal"]
    again = rebuild(tuple(head + rows + head + rows))
    assert [p.groups for p in again] == [parts[0].groups] * 2
    short = rebuild(tuple(head + rows + head[:3] + head[4:] + rows))
    assert short[1] == tuple(head[:3] + head[4:]) and short[2].header == ()
    # The missing title below the rows (pdftotext moved it there): the header again, the
    # title taken from there, every cell once.
    moved = rebuild(tuple(head + rows + head[:3] + head[4:] + rows + ["Total", "Formed police units", "33"]))
    assert [p.groups for p in moved[:2]] == [parts[0].groups] * 2 and moved[2] == ("Total", "33")
    # Totals per group: the second group's "Total" is wrong, nothing is rebuilt.
    head = ["Country", "Troops", "Police", "Women", "Men", "Total", "Women", "Men", "Total"]
    good = ["Chad", "1", "2", "3", "4", "5", "9", "Mali", "2", "2", "4", "1", "1", "2",
            "Niger", "–", "1", "1", "3", "–", "3"]
    assert rebuild(tuple(head + good))[0].groups == ("Troops", "Police")
    bad = good[:-1] + ["4"]
    assert rebuild(tuple(head + bad)) == ()
    # No label column's title, or groups that do not divide the columns: no two-level header.
    plain = rebuild(tuple(["Troops", "Women", "Men", "Police", "Women", "Men", "Unit"] + rows))
    assert plain[0] == ("Troops", "Women", "Men", "Police", "Women", "Men", "Unit") and plain[1].header == ()


# -- columns ------------------------------------------------------------------------------

# Annex II of S/2006/592, shortened: the labels, a note mark and a page number, the column
# titles wrapped over lines, each column's figures, the Total row last, the note's text.
POLICE = ("Country", "Argentina", "Benin", "Bosnia and Herzegovina", "Brazil", "Total", "a", "22",
          "Civilian police", "officers", "Formed police", "units", "Total",
          "4", "29", "4", "4",  "—", "—", "—", "125",  "4", "29", "4", "129",  "41", "125", "166",
          "Including the Police Commissioner.")


def test_a_table_given_column_by_column_is_rebuilt_when_its_totals_prove_it():
    table, loose = rebuild(POLICE)
    assert table.header == ("Country", "Civilian police officers", "Formed police units", "Total")
    assert [r.label for r in table.rows] == ["Argentina", "Benin", "Bosnia and Herzegovina", "Brazil", "Total"]
    assert table.rows[3].values == ("4", "125", "129") and table.rows[-1].values == ("41", "125", "166")
    assert loose == ("a", "22", "Including the Police Commissioner.")  # every other cell, once
    paged = rebuild(POLICE + ("23",))  # a page number after the note is no column's
    assert paged == (table, loose + ("23",))


def test_the_column_titles_may_come_straight_after_the_labels():
    """No note mark or page number between the labels and the titles: the run of text cells
    holds both, and the count of figures tells where the titles start."""
    cells = ("Country", "Benin", "Chad", "Togo", "Total", "Troops", "Police", "Total",
             "5", "2", "—", "7",  "1", "1", "3", "5",  "6", "3", "3", "12")
    (table,) = rebuild(cells)
    assert table.header == ("Country", "Troops", "Police", "Total")
    assert [(r.label, r.values) for r in table.rows] == [
        ("Benin", ("5", "1", "6")), ("Chad", ("2", "1", "3")), ("Togo", ("—", "3", "3")), ("Total", ("7", "5", "12"))]


def test_a_column_reading_needs_a_total_that_proves_it():
    wrong = tuple("130" if c == "129" else c for c in POLICE)  # Brazil's row no longer adds up
    assert rebuild(wrong) == ()
    untotalled = tuple("Sum" if c == "Total" else c for c in POLICE)  # nothing to check: cells
    assert rebuild(untotalled) == ()
    short = POLICE[:20] + POLICE[21:]  # a figure lost: no whole columns
    assert rebuild(short) == ()


def test_a_note_mark_run_into_its_label_is_set_apart():
    """"Canadaa" over the note "a Including …" is Canada and its mark; "China" (an English
    word) stays, and so does "Canadaa" where no note has the mark."""
    glued = tuple({"Argentina": "Canadaa", "Brazil": "China"}.get(c, c) for c in POLICE)
    table, _ = rebuild(glued)
    assert (table.rows[0].label, table.rows[0].mark) == ("Canada", "a")
    assert (table.rows[3].label, table.rows[3].mark) == ("China", "")
    unnoted = tuple(c for c in glued if c != "Including the Police Commissioner.")
    assert rebuild(unnoted)[0].rows[0].label == "Canadaa"


def test_rows_broken_by_a_page_are_never_read_as_columns():
    """The transposed reading of a table given row by row adds up too (its rows read as
    columns under a Total row): where the rows cannot be rebuilt (text cut into a row, a row
    that does not add up), figures left over after the reading or a row's failed total keep
    the cells as they came."""
    cut = TROOPS[:15] + ("its place again among the countries of the Caribbean Community.",) + TROOPS[15:]
    assert rebuild(cut) == ()
    wrong = tuple("9 999" if c == "558" else c for c in TROOPS)
    assert rebuild(wrong) == ()


def test_each_column_title_may_come_over_its_figures():
    """Each title, then its column, the Total row among them; a Total row alone proves it."""
    cells = ("Region", "North", "South", "East", "Total", "Women", "3", "5", "1", "9",
             "Men", "2", "2", "7", "11")
    (table,) = rebuild(cells)
    assert table.header == ("Region", "Women", "Men")
    assert [(r.label, r.values) for r in table.rows] == [
        ("North", ("3", "2")), ("South", ("5", "2")), ("East", ("1", "7")), ("Total", ("9", "11"))]
    assert rebuild(cells[:-1] + ("12",)) == ()  # the men's total is wrong


def _annex_page(cells: tuple[str, ...]):
    """The annex page of a short report whose annex is a table with these cells, one a line."""
    from bs4 import BeautifulSoup
    from markdown_it import MarkdownIt

    from build_tools.pipeline import convert_text
    from build_tools.render import SiteContext, render_report

    text = ("S/2099/15\n\nI. Introduction\n\n1. The report covers the period.\n\n"
            "Annex\nCountries providing police officers\n" + "\n".join(cells) + "\n")
    report = convert_text(text, "S_2099_15.txt")
    page = render_report(report, SiteContext())["S/2099/15/annex/index.md"]
    return BeautifulSoup(MarkdownIt("commonmark").render(page), "html.parser")


def test_an_annex_table_in_columns_shows_as_a_table_or_as_cells():
    """Proved by its totals, the table; without a total, its cells set apart in reading order."""
    page = _annex_page(POLICE)
    table = page.select_one("div.table-rebuilt table")
    assert [th.get_text() for th in table.select("thead th")][1] == "Civilian police officers"
    assert [td.get_text() for td in table.select("tbody tr")[3].select("td")] == ["Brazil", "4", "125", "129"]
    assert [c.get_text() for c in page.select("div.table-rebuilt p.table-cells span.cell")] == [
        "a", "22", "Including the Police Commissioner."]
    assert "came column by column; its totals check the reading" in page.select_one("p.table-note").get_text()
    untotalled = _annex_page(tuple("Sum" if c == "Total" else c for c in POLICE))
    assert not untotalled.select("table")
    cells = [c.get_text() for c in untotalled.select("p.table-cells span.cell")]
    assert cells[:3] == ["Country", "Argentina", "Benin"] and "cells follow in reading order" in untotalled.get_text()


def test_a_table_block_with_a_footnote_reference_is_its_text_everywhere():
    """The page shows a table block with a footnote reference as its text (the link kept);
    data.json and the search index said "table" for it all the same. One rule now
    (tables.table_parts) answers the three."""
    from build_tools.models import Block, FootnoteRef
    from build_tools.search_index import _searched_text
    from build_tools.serialize import _block
    from build_tools.tables import table_parts

    text = " ".join(TROOPS)
    plain = Block("text", "annex-text-1", text, cells=TROOPS)
    noted = Block("text", "annex-text-1", text, cells=TROOPS, refs=(FootnoteRef(5, "fn-1", "1"),))
    assert table_parts(plain) == rebuild(TROOPS) and "table" in _block(plain)
    assert _searched_text(plain) != text
    assert table_parts(noted) == () and "table" not in _block(noted) and _searched_text(noted) == text


def test_rows_a_line_single_spaced_are_cut_into_cells():
    """Older documents' OCR gives a row a line, its cells one space apart: each line is cut
    into its label and figures when every line (a header line apart) has the same number of
    figures; a single figure may be written in groups of thousands ("1 214"). Otherwise the
    lines stay cells as they are."""
    from build_tools.tables import _label_figure_cells as cut

    assert cut(["Brazil 10 5 15", "Costa Rica 3 — 3", "Total 13 5 18"]) == [
        "Brazil", "10", "5", "15", "Costa Rica", "3", "—", "3", "Total", "13", "5", "18"]
    assert cut(["COUNTRY NUMBER", "Brazil 15", "Canada 1 214", "Total 1 229"]) == [
        "COUNTRY NUMBER", "Brazil", "15", "Canada", "1 214", "Total", "1 229"]
    assert cut(["Brazil 10 214", "Chile 5 120", "Total 15 334"]) == [  # two figures in every row
        "Brazil", "10", "214", "Chile", "5", "120", "Total", "15", "334"]
    assert cut(["Brazil 15", "Canada 5 3", "Total 23"]) is None  # not the same number of figures
    assert cut(["Brazil", "15", "Canada"]) is None and cut(["Brazil 15", "Total 15"]) is None


def test_long_lines_ending_in_figures_are_no_rows_and_take_no_time():
    """The row patterns (a label, then figures) take time quadratic in a line's length: three
    100,000-character lines that end in figures took hours. A row is short: longer lines are
    read as cells a line."""
    lines = ["a" * 100_000 + " 1 2", "b" * 100_000 + " 3 4", "c" * 100_000 + " 5 6", "7 8 9 10"]
    text = " ".join(lines)
    assert table_cells(lines, text) == tuple(lines)
