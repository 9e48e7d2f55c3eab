"""Template filters of the pages: Indonesian formats (from masterplan.formats), stage numbers,
absolute links for mails (from masterplan.links), and the options of a filter's select."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from masterplan import formats
from masterplan.links import absolute_url

register = template.Library()


@register.filter
def rupiah(value):
    """Money as ``Rp 1.250.000``; nothing shows "–"."""
    return formats.format_rupiah(value)


@register.filter
def date_range(start, end=None):
    """Two dates as a span: 5–6 Juli 2023, 31 Juli – 1 Agustus 2023."""
    return formats.date_range(start, end)


@register.filter
def roman(value):
    """A bimtek stage number the way people write it: 2 -> II (Tahap II); anything that is not a
    positive whole number is shown as it is."""
    try:
        n = int(value)
    except (TypeError, ValueError):
        return value
    return formats.roman(n) if n > 0 else value


@register.filter
def absolute(path):
    """A site path as an absolute link, for mail templates: ``{{ path|absolute }}``."""
    return absolute_url(str(path))


@register.simple_tag
def select_options(choices, selected):
    """``<option>`` elements of a filter's choices, the ``selected`` value marked: one join with
    the standard library's escaping. A loop in the template cost more than the rest of a page
    (the national page's provinces, an expert's hundreds of regions in the review queue)."""
    selected = "" if selected is None else str(selected)
    return mark_safe(
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if str(value) == selected else ""}>'
            f"{escape(str(label))}</option>"
            for value, label in choices
        )
    )
