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
