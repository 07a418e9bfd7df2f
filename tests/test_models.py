"""The document model's small derived values."""

import pytest

from build_tools.models import Block


@pytest.mark.parametrize(
    "parent, expected",
    [
        ("para-12", "12"),  # "para. 12 (a)"
        ("summary-para-3", "3"),  # items of a summary paragraph
        ("annex-I-para-4", "4"),
        (None, ""),  # not an item
    ],
)
def test_parent_number_is_the_paragraph_number_of_the_parent_id(parent, expected):
    block = Block("item", "x", "text", number="a", parent=parent)
    assert block.parent_number == expected


@pytest.mark.parametrize(
    "block, expected",
    [
        (Block("paragraph", "para-12", "t", number="12"), "12"),
        (Block("item", "para-7-a", "t", number="a", parent="para-7"), "7 (a)"),
        (Block("item", "para-7-a-i", "t", number="i", parent="para-7-a"), "7 (a) (i)"),
        (Block("item", "annex-I-para-4-b-ii", "t", number="ii", parent="annex-I-para-4-b"), "4 (b) (ii)"),
    ],
)
def test_cite_number_is_how_the_un_cites_the_block(block, expected):
    assert block.cite_number == expected
