"""Template filters for Indonesian formats: money as ``Rp 1.250.000``."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template

from masterplan import numerals

register = template.Library()


def format_rupiah(value, empty="–"):
    """Rp with a dot every three digits and no decimals, the Indonesian way; None shows ``empty``."""
    if value is None or value == "":
        return empty
    try:
        amount = Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return empty
    sign = "-" if amount < 0 else ""
    digits = f"{abs(int(amount)):,}".replace(",", ".")
    return f"{sign}Rp {digits}"


@register.filter
def rupiah(value):
    return format_rupiah(value)


@register.filter
def date_range(start, end=None):
    """Two dates the way Indonesians write a span: 5–6 Juli 2023, 31 Juli – 1 Agustus 2023,
    one date when both are the same day."""
    from django.utils.formats import date_format

    if not start:
        return ""
    if not end or end == start:
        return date_format(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_format(end, 'j F Y')}"
    if start.year == end.year:
        return f"{date_format(start, 'j F')} – {date_format(end, 'j F Y')}"
    return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"


@register.filter
def roman(value):
    """A bimtek stage number the way people write it: 2 -> II (Tahap II); anything that is not a
    positive whole number is shown as it is."""
    try:
        n = int(value)
    except (TypeError, ValueError):
        return value
    return numerals.roman(n) if n > 0 else value
