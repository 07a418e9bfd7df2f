import codecs

import pytest

from build_tools.errors import SourceError
from build_tools.sourcefile import decode, normalise

CASES = [
    ("utf-8", "Côte d’Ivoire".encode(), "Côte d’Ivoire"),
    ("utf-8 bom", codecs.BOM_UTF8 + "Côte".encode(), "Côte"),
    ("utf-16 bom", "Côte d’Ivoire".encode("utf-16"), "Côte d’Ivoire"),
    ("cp1252", "Côte d’Ivoire".encode("cp1252"), "Côte d’Ivoire"),
]


@pytest.mark.parametrize("name,data,expected", CASES, ids=[c[0] for c in CASES])
def test_decode(name, data, expected):
    assert normalise(decode(data, "x.txt"), "x.txt") == expected


def test_nul_bytes_are_refused_with_the_file_name():
    with pytest.raises(SourceError, match="NUL") as err:
        decode(b"abc\x00def", "bad.txt")
    assert str(err.value).startswith("bad.txt: ")


def test_binary_control_characters_name_the_line():
    with pytest.raises(SourceError) as err:
        normalise("one\ntwo\x07\n", "bad.txt")
    assert str(err.value).startswith("bad.txt:2: ")


@pytest.mark.parametrize("raw", ["a\r\nb", "a\rb", "a\nb"])
def test_line_ends_are_unified(raw):
    assert normalise(raw, "x") == "a\nb"


def test_mojibake_is_repaired_and_curly_quotes_kept():
    assert normalise("the Panelâ€™s “report”", "x") == "the Panel’s “report”"


def test_invisible_characters_go():
    """A soft hyphen, zero-width space or word joiner split words for search ("self\\xadgoverning");
    a soft hyphen at a line end is the line's hyphen, for dehyphenation to weigh."""
    from build_tools.sourcefile import normalise

    assert normalise("self\u00adgoverning, zero\u200bwidth, word\u2060joiner, organi\u00ad\nzations", "x.txt") == (
        "selfgoverning, zerowidth, wordjoiner, organi-\nzations"
    )


def test_unicode_hyphens_and_thin_spaces_are_the_plain_ones():
    """Word's non-breaking hyphen ("Secretary\u2011General") and the Unicode hyphen were kept:
    search for "Secretary-General" missed them and a line-end "posi\u2010" stayed "posi\u2010 tions";
    a thin or narrow space in "1\u202f200" is the thousands' space."""
    got = normalise("Secretary\u2011General, posi\u2010\ntions, 1\u202f200, 2\u2009500, 3\u2007000", "x.txt")
    assert got == "Secretary-General, posi-\ntions, 1 200, 2 500, 3 000"
    from build_tools.pipeline import convert_text

    text = ("S/2099/1\n\nSecurity Council\n\nDistr.: General\n1 May 2099\n\nReport of the Secretary\u2011General\n"
            "1. The forces kept their posi\u2010\ntions near the non\u2011governmental camps.\n")
    report = convert_text(normalise(text, "x.txt"), "S_2099_1.txt")
    assert report.meta.title == "Report of the Secretary-General"
    assert report.body[-1].text == "The forces kept their positions near the non-governmental camps."


def test_words_list_bullet_in_the_symbol_fonts_private_code_point_is_a_bullet():
    got = normalise("areas:\n\uf0b7 Security;\n\uf0b7 Elections.\n", "x.txt")
    assert got == "areas:\n• Security;\n• Elections.\n"
