"""Small helpers of the dimension templates: ``{% load dimensions_tags %}``."""

from django import template

from dimensions.kinds import KINDS
from masterplan import formats

register = template.Library()


@register.simple_tag
def add_label(kind_code):
    """The "add" button text of a kind of entry ("Tambah butir SWOT")."""
    return KINDS[kind_code].add_label


@register.filter
def id_number(value):
    """A number the Indonesian way: 1.250.000 and 40,5 (no currency)."""
    return formats.format_id_number(value)


@register.filter
def row_template(entry):
    return f"dimensions/rows/{entry.entry_kind}.html"


@register.inclusion_tag("dimensions/includes/guidance.html")
def kind_guidance(*codes):
    """The method's guidance and an example for the kinds of entry of one step, folded away
    (texts on their Kind registration)."""
    kinds = [KINDS[code] for code in codes if KINDS[code].guidance]
    return {"kinds": kinds, "title": kinds[0].short_label if kinds else ""}
