import pytest

from build_tools.furniture import classify, remove_furniture

# (line, rule) from the real reports; None means the line is text and must stay.
CASES = [
    ("2/28", "page-number"),
    ("Page 2", "page-label"),
    ("15-14893 (E) 100915", "job-number"),
    ("15-14893", "job-number"),
    ("15 14893", "job-number"),
    ("96-33942 (E)", "job-number"),
    ("*0644161*", "barcode"),
    ("*9920410E*", "barcode"),
    ("llllllllllllllllllllllllllllllllllllllllll", "barcode"),
    ("/...", "continued"),
    ("-----", "rule-line"),
    ("A/70/357", "symbol-line"),
    ("S/2015/682", "symbol-line"),
    ("1 million voters.", None),
    ("2 February 2006 to 15 July 2006.", None),
    ("12. The present report", None),
    ("(A/70/95-S/2015/446). I thank", None),
    ("24 hours a day", None),
]


@pytest.mark.parametrize("line,rule", CASES)
def test_classify(line, rule):
    assert classify(line) == rule


def test_print_date_is_furniture_only_beside_a_job_number():
    paged = remove_furniture("Text one.\n\n18-03983 (E)\n\n230318\n\n*1803983*\n\nmore text\n230318 people came.")
    dropped = {d.text: d.rule for d in paged.dropped}
    assert dropped["230318"] == "print-date"
    assert [l.text for l in paged.lines if l.text] == ["Text one.", "more text", "230318 people came."]


def test_pages_are_counted_and_printed_numbers_win():
    text = "page one text\n\n15-14893\n\nA/70/357\n\npage two text\n\n2/28\n\n15-14893\n\npage three\n\nPage 7\n\npage seven"
    paged = remove_furniture(text)
    pages = {l.text: l.page for l in paged.lines if l.text}
    assert pages == {"page one text": 1, "page two text": 2, "page three": 3, "page seven": 7}
    assert paged.header_symbols == ("A/70/357",)


def test_text_without_furniture_has_no_pages():
    paged = remove_furniture("1. One.\n\n2. Two.")
    assert not paged.paged and all(l.page is None for l in paged.lines)


def test_repeated_running_header_beside_furniture_is_dropped():
    page = "Some text of the page goes here.\n\nPeace operations review\n\n{n}/9\n\n"
    paged = remove_furniture("".join(page.format(n=n) for n in range(1, 5)))
    assert "Peace operations review" not in [l.text for l in paged.lines]
    assert any(d.rule == "running-header" for d in paged.dropped)


def test_bare_page_number_beside_a_running_header_is_furniture():
    """pdftotext prints "21" alone at a page foot, next to the running symbol (S/2006/592)."""
    paged = remove_furniture("end of a page.\n\n21\n\nS/2006/592\n\nnext page text\n\n3 countries\n")
    assert [d.rule for d in paged.dropped] == ["bare-page-number", "symbol-line"]
    assert [l.text for l in paged.lines if l.text] == ["end of a page.", "next page text", "3 countries"]
    assert paged.lines[-1].page == 2
