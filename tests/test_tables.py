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
