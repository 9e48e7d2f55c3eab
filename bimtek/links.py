"""Links to pages other apps own, by URL name (a wrong name fails loudly with NoReverseMatch)."""

from django.urls import reverse


def dimension_url(slug: str, code: str) -> str:
    return reverse("dimension_detail", args=[slug, code])


def section_url(slug: str, section_id: int) -> str:
    return reverse("section_workspace", args=[slug, section_id])


def masterplan_edit_url(slug: str) -> str:
    """Where vision and mission are written (the region's profile page)."""
    return reverse("region_edit", args=[slug])


def stage_url(slug: str, stage_id: int) -> str:
    return reverse("stage_detail", args=[slug, stage_id])
