"""Small helpers of the dimension templates: ``{% load dimensions_tags %}``."""

from django import template

from dimensions.forms import format_id_decimal
from dimensions.kinds import KINDS

register = template.Library()


@register.simple_tag
def add_label(kind_code):
    """The "add" button text of a kind of entry ("Tambah butir SWOT")."""
    return KINDS[kind_code].add_label


@register.filter
def id_number(value):
    """A number the Indonesian way: 1.250.000 and 40,5 (no currency)."""
    if value is None or value == "":
        return "–"
    return format_id_decimal(value)


@register.filter
def row_template(entry):
    return f"dimensions/rows/{entry.entry_kind}.html"
