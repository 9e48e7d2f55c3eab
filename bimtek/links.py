"""Links to pages other apps own, by URL name. The dimension pages and the section workspace are
built in the dimensions app; when a name is not (yet) there we fall back to a page that is."""

from django.urls import NoReverseMatch, reverse


def first_url(*candidates):
    """The first candidate ``(name, args)`` that reverses; "" when none does."""
    for name, args in candidates:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return ""


def dimension_url(slug, code):
    return first_url(("dimension_detail", [slug, code]), ("dimension_index", [slug]))


def section_url(slug, section_id, dimension_code=None):
    candidates = [("section_workspace", [slug, section_id])]
    if dimension_code:
        candidates.append(("dimension_detail", [slug, dimension_code]))
    candidates.append(("dimension_index", [slug]))
    return first_url(*candidates)


def masterplan_edit_url(slug):
    """Where vision and mission are written."""
    return first_url(("masterplan_edit", [slug]), ("region_edit", [slug]), ("region_detail", [slug]))
