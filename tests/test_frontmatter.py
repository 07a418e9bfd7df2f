"""Masthead reading on the six published reports (three layouts, 1996-2018)."""

import pytest

from build_tools.frontmatter import iso_date

# symbol -> (symbols, date, organs, sessions, first agenda line, title start)
EXPECTED = {
    "A/51/695": (("A/51/695", "S/1996/998"), "1996-11-26", ("General Assembly", "Security Council"),
                 ("Fifty-first session", "Fifty-first year"), "Agenda item 40", "United Nations Mission for the Verification"),
    "A/62/627": (("A/62/627",), "2007-12-28", ("General Assembly",), ("Sixty-second session",), "Agenda item 34",
                 "Implementation of the recommendations of the Special Committee"),
    "A/70/357": (("A/70/357", "S/2015/682"), "2015-09-02", ("General Assembly", "Security Council"),
                 ("Seventieth session", "Seventieth year"), "Items 56, 57 and 123 of the provisional agenda",
                 "The future of United Nations peace operations"),
    "S/1999/779": (("S/1999/779",), "1999-07-12", ("Security Council",), (), None,
                   "Report of the Secretary-General on the United Nations Interim Administration Mission in Kosovo"),
    "S/2006/592": (("S/2006/592",), "2006-07-28", ("Security Council",), (), None,
                   "Report of the Secretary-General on the United Nations Stabilization Mission in Haiti"),
    "S/2018/241": (("S/2018/241",), "2018-03-20", ("Security Council",), (), None,
                   "Report of the Secretary-General on the United Nations Mission for Justice Support in Haiti"),
}


@pytest.mark.parametrize("symbol", sorted(EXPECTED))
def test_masthead(reports, symbol):
    symbols, date, organs, sessions, agenda, title = EXPECTED[symbol]
    meta = reports[symbol].meta
    assert (meta.symbols, meta.date, meta.organs, meta.sessions) == (symbols, date, organs, sessions)
    assert (meta.agenda[0] if meta.agenda else None) == agenda
    assert meta.title.startswith(title)
    assert meta.doc_type == "Report of the Secretary-General"  # recased in 1990s mastheads like the title
    assert meta.language == "English"


def test_agenda_item_title_in_an_unbroken_1990s_masthead(reports):
    assert reports["A/51/695"].meta.agenda[1].startswith("The situation in Central America: procedures for")


@pytest.mark.parametrize(
    "text,iso",
    [("2 September 2015", "2015-09-02"), ("Distr.: General 28 December 2007", "2007-12-28"), ("31 February 2015", None),
     ("no date", None)],
)
def test_iso_date(text, iso):
    assert iso_date(text) == iso
