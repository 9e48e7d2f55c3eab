"""Filters of the print templates: thin wrappers of masterplan.formats."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

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


@register.simple_tag(takes_context=True)
def caption(context, kind, *words, part=1, parts=1):
    """The numbered caption of a table ("table", printed above it) or a figure ("figure", below
    it) of the body, e.g. ``{% caption "table" "Analisis Kesenjangan" d.dimension.name %}`` ->
    "Tabel 4.1 Analisis Kesenjangan Smart Governance"; one of several parts adds "(bagian 1 dari
    2)". Front matter tables have none."""
    captions, chapter = context.get("captions"), context.get("chapter")
    if captions is None or chapter is None or not chapter.number:
        return ""
    title = " ".join(str(w) for w in words if w)
    if parts > 1:
        title += " " + _("(bagian %(part)d dari %(parts)d)") % {"part": part, "parts": parts}
    c = captions.add(kind, chapter.number, title)
    return format_html(
        '<p class="caption caption-{}" id="{}"><span class="caption-label">{}</span> {}</p>',
        kind,
        c.anchor,
        c.label,
        c.title,
    )


@register.filter
def indicator_numbers(indicator):
    """An indicator's baseline and yearly targets (``by_year``) formatted alike: one scale and one
    precision for the whole row, so that 6,0 stands beside 5,8."""
    return formats.format_series([indicator.baseline, *indicator.by_year])


@register.filter
def number_with_unit(text):
    """Typed text with "98 %" kept on one line (formats.join_number_and_unit)."""
    return formats.join_number_and_unit(str(text))
