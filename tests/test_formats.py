from decimal import Decimal

import pytest

from masterplan.templatetags.masterplan_tags import format_rupiah


@pytest.mark.parametrize(
    "value,expected",
    [
        (1250000, "Rp 1.250.000"),
        (Decimal("999.5"), "Rp 1.000"),
        (0, "Rp 0"),
        (None, "–"),
        (Decimal("-2500"), "-Rp 2.500"),
    ],
)
def test_rupiah(value, expected):
    assert format_rupiah(value) == expected
