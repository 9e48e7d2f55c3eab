"""Filters of the print templates."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template

register = template.Library()

_SCALES = [(Decimal(10**12), "T"), (Decimal(10**9), "M"), (Decimal(10**6), "jt")]


def _id_number(value, places):
    """Indonesian digits: '.' between thousands, ',' before decimals, no trailing zeros."""
    q = Decimal(1).scaleb(-places)
    value = value.quantize(q, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    frac = frac.rstrip("0")
    whole = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{whole},{frac}" if frac else f"{sign}{whole}"


@register.filter
def id_number(value, places=2):
    """1769161.5 -> '1.769.161,5'; None -> ''."""
    if value is None or value == "":
        return ""
    try:
        return _id_number(Decimal(value), int(places))
    except (InvalidOperation, TypeError, ValueError):
        return str(value)


@register.filter
def target_number(value):
    """A number for a narrow year column: millions and more are shortened the Indonesian way
    (1.906.783 -> '1,91 jt'; 2.500.000.000 -> '2,5 M'), the rest as id_number."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    for scale, suffix in _SCALES:
        if abs(number) >= scale:
            return f"{_id_number(number / scale, 2)} {suffix}"
    return _id_number(number, 2)
