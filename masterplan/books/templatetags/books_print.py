"""Filters of the print templates: thin wrappers of masterplan.formats."""

from django import template

from masterplan import formats

register = template.Library()


@register.filter
def id_number(value, places=2):
    """1769161.5 -> '1.769.161,5'; None -> ''."""
    return formats.format_number(value, int(places))


@register.filter
def target_number(value):
    """A number for a narrow year column: 1.906.783 -> '1,91 jt'; 2.500.000.000 -> '2,5 M'."""
    return formats.format_short_number(value)
