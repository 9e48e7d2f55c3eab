"""Indonesian number, money and date formats, in one place for the pages, the forms, the review
and the books: 1.250.000 and 40,5; Rp 1.250.000; 1,91 jt; 5 Juli 2023 and 5–6 Juli 2023.

The digits come from Django's localisation (LANGUAGE_CODE "id": a dot between thousands, a comma
before decimals) through ``django.contrib.humanize``'s ``intcomma`` and ``number_format``. Written
here is only what Django has no word for: rounding half up (``number_format`` cuts decimals off),
the "Rp" prefix, the short scales of a narrow column, reading a number typed the Indonesian way,
spans of dates, and Roman numerals (BAB IV, Tahap II).

Core layer: Django and the standard library only.
"""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TypeVar

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.dates import MONTHS
from django.utils.formats import date_format, number_format
from django.utils.timezone import localtime

Number = Decimal | int | float
T = TypeVar("T")

EMPTY = "–"  # what a page shows for a number not filled in

# Numbers ---------------------------------------------------------------------------------------

_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def parse_id_decimal(value: str | Number | None) -> str | Number | None:
    """Read a number the Indonesian way: "Rp 1.250.000", "1.250.000,50", "40,5"; plain "40.5" and
    "1250000" work too. Returns a string Decimal() understands, or the input unchanged."""
    if value in (None, ""):
        return value
    text = str(value).strip().replace("Rp", "").replace("rp", "").replace(" ", "").replace("\u00a0", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS.match(text):
        text = text.replace(".", "")
    return text


def _grouped(value: Decimal) -> str:
    """Every digit of ``value``, thousands grouped; the sign written here so that -0 reads 0."""
    sign = "-" if value < 0 else ""
    return sign + intcomma(abs(value))


def _rounded(value: Number | str, places: int) -> Decimal:
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_id_decimal(value: T) -> str | T:
    """A number as an Indonesian input value, every significant decimal kept: 1250000 → "1.250.000",
    40.5 → "40,5". Anything else (None, text as typed) comes back unchanged."""
    if not isinstance(value, Decimal | int | float):
        return value
    return _grouped(Decimal(value).normalize())


def format_id_number(value: Number | str | None, empty: str = EMPTY) -> str:
    """A stored number for reading, as the workspace shows it: 1.250.000 and 40,5; ``empty`` for
    nothing."""
    if value is None or value == "":
        return empty
    return str(format_id_decimal(value))


def format_number(value: Number | str | None, places: int = 2, empty: str = "") -> str:
    """Rounded half up to ``places`` decimals, trailing zeros dropped (the books' tables):
    1769161.5 → "1.769.161,5", 0.125 → "0,13"; ``empty`` for nothing, text that is no number as it is."""
    if value is None or value == "":
        return empty
    try:
        return _grouped(_rounded(value, places).normalize())
    except (InvalidOperation, TypeError, ValueError):
        return str(value)


def format_fixed(value: Number | str, places: int) -> str:
    """Exactly ``places`` decimals, rounded half up: 2.3 → "2,30" (an index), 12.34 → "12,3"."""
    rounded = _rounded(value, places)
    sign = "-" if rounded < 0 else ""
    return sign + number_format(abs(rounded), places, use_l10n=True, force_grouping=True)


_SCALES = [(Decimal(10**12), "T"), (Decimal(10**9), "M"), (Decimal(10**6), "jt")]


def format_short_number(value: Number | str | None) -> str:
    """A number for a narrow year column: millions and more shortened the Indonesian way
    (1.906.783 → "1,91 jt"; 2.500.000.000 → "2,5 M"), the rest as format_number."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    for scale, suffix in _SCALES:
        if abs(number) >= scale:
            return f"{format_number(number / scale, 2)} {suffix}"
    return format_number(number, 2)


NBSP = "\u00a0"  # joins a number to its unit or scale: "98 %" and "1,91 jt" never break apart


def _decimals(value: Decimal, places: int) -> int:
    """How many of ``places`` decimals ``value`` needs once rounded half up: 5.80 -> 1, 6 -> 0."""
    return max(0, -_rounded(value, places).normalize().as_tuple().exponent)


def format_series(values: list[Number | None], places: int = 2, empty: str = "") -> list[str]:
    """Numbers that are read together (an indicator's baseline and its yearly targets) set alike:
    one scale (jt, M, T when the largest is a million or more) and one precision, the fewest
    decimals up to ``places`` that show every one of them: [6, 5.8] -> ["6,0", "5,8"],
    [950000, 1906783] -> ["0,95 jt", "1,91 jt"]; ``empty`` for a missing one."""
    numbers = [None if v is None or v == "" else Decimal(v) for v in values]
    present = [n for n in numbers if n is not None]
    if not present:
        return [empty for _n in numbers]
    largest = max(abs(n) for n in present)
    scale, suffix = next(((s, x) for s, x in _SCALES if largest >= s), (Decimal(1), ""))
    scaled = [None if n is None else n / scale for n in numbers]
    decimals = max(_decimals(n, places) for n in scaled if n is not None)
    unit = NBSP + suffix if suffix else ""
    return [empty if n is None else format_fixed(n, decimals) + unit for n in scaled]


_NUMBER_UNIT = re.compile(r"(\d) (%|‰)")


def join_number_and_unit(text: str) -> str:
    """Typed text with a no-break space between a number and a percent sign, "98 %", so that the
    sign never starts a line on its own."""
    return _NUMBER_UNIT.sub(lambda m: m[1] + NBSP + m[2], text or "")


# Money -----------------------------------------------------------------------------------------


def format_rupiah(value: Number | str | None, empty: str = EMPTY) -> str:
    """Rp with a dot every three digits and no decimals, rounded half up: "Rp 1.250.000",
    "-Rp 2.500"; ``empty`` for nothing or what is no number."""
    if value is None or value == "":
        return empty
    try:
        amount = _rounded(value, 0)
    except (InvalidOperation, TypeError, ValueError):
        return empty
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {intcomma(abs(int(amount)))}"


# Dates -----------------------------------------------------------------------------------------


def format_date(value: datetime.date) -> str:
    """A date with the full month name: "5 Juli 2023" (Django's "j F Y", written out: its
    formatter cost some 40 µs a date, and the review queue shows a hundred)."""
    return f"{value.day} {MONTHS[value.month]} {value.year:04}"


def format_moment(value: datetime.datetime) -> str:
    """A moment with its date and time of day where the site is: "5 Juli 2023 14:35"."""
    value = localtime(value)
    return f"{format_date(value)} {value.hour:02}:{value.minute:02}"


def format_time(value: datetime.datetime) -> str:
    """A moment's time of day where the site is (TIME_ZONE), with the zone: "14:35 WIB"."""
    return date_format(localtime(value), "H:i T")


def date_range(start: datetime.date | None, end: datetime.date | None = None) -> str:
    """Two dates the way Indonesians write a span: 5–6 Juli 2023, 31 Juli – 1 Agustus 2023,
    30 Desember 2023 – 2 Januari 2024; one date when both are the same day; "" without a start."""
    if not start:
        return ""
    if not end or end == start:
        return format_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end)}"
    if start.year == end.year:
        return f"{date_format(start, 'j F')} – {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"


# Roman numerals: chapter numbers (BAB IV) and bimtek stages (Tahap II) ------------------------

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
