"""Roman numerals, the one way the project writes them: chapter numbers (BAB IV) and bimtek stages
(Tahap II)."""

_NUMERALS = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(n: int) -> str:
    """``n`` in Roman numerals: 4 -> "IV"; "" for 0 and negative numbers."""
    out = ""
    for value, numeral in _NUMERALS:
        while n >= value:
            out += numeral
            n -= value
    return out
