"""Text blocks that are tables whose layout the text layer lost (tables.py)."""

from build_tools.tables import looks_tabular, table_cells

CELLS = ["Country", "Troops", "Police", "Argentina", "9", "549", "Bolivia", "1", "—", "Brazil", "1 200", "14"]


def test_a_tables_lines_are_its_cells():
    text = " ".join(CELLS)
    assert looks_tabular(text)
    assert table_cells([f" {c} " for c in CELLS] + [""], text) == tuple(CELLS)


def test_no_cells_when_a_rule_changed_the_text_or_for_prose():
    assert table_cells(CELLS, " ".join(CELLS).replace("Bolivia", "Bolivia (Plurinational State of)")) == ()
    prose = ["The Mission deployed 1 200 troops in 2099", "to 14 regions, with 549 police officers."]
    assert not looks_tabular(" ".join(prose)) and table_cells(prose, " ".join(prose)) == ()
