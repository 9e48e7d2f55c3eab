"""masterplan.formats: Indonesian numbers, money and dates, as the pages, forms and books show them."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template

from masterplan import formats


@pytest.mark.parametrize(
    "value,expected",
    [
        (1250000, "Rp 1.250.000"),
        (Decimal("999.5"), "Rp 1.000"),
        (0, "Rp 0"),
        (None, "–"),
        ("", "–"),
        ("no number", "–"),
        (Decimal("-2500"), "-Rp 2.500"),
        (Decimal("250000000.00"), "Rp 250.000.000"),
    ],
)
def test_rupiah(value, expected):
    assert formats.format_rupiah(value) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Rp 1.250.000", "1250000"),
        ("1.250.000,50", "1250000.50"),
        ("40,5", "40.5"),
        ("40.5", "40.5"),
        ("1250000", "1250000"),
        ("-1.500", "-1500"),
        ("rp\u00a0 2.000", "2000"),
        ("", ""),
        (None, None),
    ],
)
def test_parse_id_decimal(text, expected):
    assert formats.parse_id_decimal(text) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        (Decimal("1250000"), "1.250.000"),
        (Decimal("1250000.00"), "1.250.000"),
        (Decimal("40.50"), "40,5"),
        (Decimal("-2500.25"), "-2.500,25"),
        (Decimal("-0"), "0"),
        (1250000, "1.250.000"),
        (None, None),  # an empty input stays empty
        ("12,5 typed", "12,5 typed"),  # what was typed comes back as it was
    ],
)
def test_format_id_decimal(value, expected):
    assert formats.format_id_decimal(value) == expected


def test_id_number_and_its_empty_dash():
    assert formats.format_id_number(Decimal("3.30")) == "3,3"
    assert formats.format_id_number(None) == "–"
    assert formats.format_id_number("", empty="") == ""


@pytest.mark.parametrize(
    "value,places,expected",
    [
        ("69.40", 2, "69,4"),
        ("0.125", 2, "0,13"),  # rounded half up, not cut off as number_format does
        ("1769161.5", 2, "1.769.161,5"),
        (Decimal("2.5"), 0, "3"),
        (None, 2, ""),
        ("n/a", 2, "n/a"),
    ],
)
def test_format_number(value, places, expected):
    assert formats.format_number(value, places) == expected


def test_format_fixed_keeps_its_decimals():
    assert formats.format_fixed(2.3, 2) == "2,30"
    assert formats.format_fixed(Decimal("12.34"), 1) == "12,3"
    assert formats.format_fixed(Decimal("1234.56"), 1) == "1.234,6"
    assert formats.format_fixed(Decimal("-0.04"), 1) == "0,0"


@pytest.mark.parametrize(
    "value,expected",
    [(999_999, "999.999"), (1_906_783, "1,91 jt"), (2_500_000_000, "2,5 M"), (3 * 10**12, "3 T"), (None, "")],
)
def test_format_short_number(value, expected):
    assert formats.format_short_number(value) == expected


def test_dates_with_the_full_month_name():
    d = datetime.date
    assert formats.format_date(d(2023, 8, 17)) == "17 Agustus 2023"
    assert formats.date_range(d(2023, 7, 5), d(2023, 7, 6)) == "5–6 Juli 2023"
    assert formats.date_range(d(2023, 7, 31), d(2023, 8, 1)) == "31 Juli – 1 Agustus 2023"
    assert formats.date_range(None) == ""


def test_dates_and_moments_are_djangos_formats_written_out():
    """format_date and format_moment write Django's "j F Y" and "j F Y H:i" (in the site's time
    zone) out by hand, for speed: the same text for every day of some 25 years and every hour."""
    from django.utils import timezone
    from django.utils.formats import date_format

    start = datetime.date(2010, 1, 1)
    for n in range(0, 9200, 3):
        day = start + datetime.timedelta(days=n)
        assert formats.format_date(day) == date_format(day, "j F Y")
        moment = datetime.datetime(day.year, day.month, day.day, n % 24, n % 60, tzinfo=datetime.UTC)
        assert formats.format_moment(moment) == date_format(timezone.localtime(moment), "j F Y H:i")
    assert formats.format_moment(datetime.datetime(2023, 7, 5, 20, 5, tzinfo=datetime.UTC)) == (
        "6 Juli 2023 03:05"  # Jakarta, seven hours ahead
    )


def _render(library, text, **context):
    return Template("{% load " + library + " %}" + text).render(Context(context))


def test_template_filters_wrap_the_module():
    day, next_day = datetime.date(2023, 7, 5), datetime.date(2023, 7, 6)
    assert _render("masterplan_tags", "{{ v|rupiah }}", v=Decimal("1250000")) == "Rp 1.250.000"
    assert _render("masterplan_tags", "{{ a|date_range:b }}", a=day, b=next_day) == "5–6 Juli 2023"
    assert _render("dimensions_tags", "{{ v|id_number }}", v=Decimal("1250000.50")) == "1.250.000,5"
    assert _render("dimensions_tags", "{{ v|id_number }}", v=None) == "–"
    assert _render("books_print", "{{ v|id_number }}", v=Decimal("0.125")) == "0,13"
    assert _render("books_print", "{{ v|id_number:0 }}", v=Decimal("2.5")) == "3"
    assert _render("books_print", "{{ v|target_number }}", v=1_906_783) == "1,91 jt"


@pytest.mark.parametrize(
    "values,expected",
    [
        ([6, Decimal("5.8"), None], ["6,0", "5,8", ""]),  # one precision for the whole series
        ([Decimal("100.00"), 50], ["100", "50"]),
        ([Decimal("7.25"), 7], ["7,25", "7,00"]),
        ([Decimal("0.125"), 1], ["0,13", "1,00"]),  # at most two decimals, rounded half up
        ([950_000, 1_906_783], ["0,95\u00a0jt", "1,91\u00a0jt"]),  # one scale, by the largest
        ([34_232, 6_846], ["34.232", "6.846"]),
        ([None, None], ["", ""]),
    ],
)
def test_format_series(values, expected):
    assert formats.format_series(values) == expected


def test_a_number_and_its_percent_sign_stay_together():
    assert formats.join_number_and_unit("capaian 98 % dan 5 %") == "capaian 98\u00a0% dan 5\u00a0%"
    assert formats.join_number_and_unit("tanpa angka %") == "tanpa angka %"
    assert formats.join_number_and_unit(None) == ""
