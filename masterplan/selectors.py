"""Reads of the core domain. Callers pass a region already resolved through masterplan.access."""

from django.http import Http404

from .models import Masterplan


def current_masterplan(region):
    """The region's latest masterplan, or None when none was started."""
    return Masterplan.objects.filter(region=region).order_by("-period_start").first()


def current_masterplan_or_404(region):
    mp = current_masterplan(region)
    if mp is None:
        raise Http404
    return mp


def region_cards(regions):
    """One card per region for the dashboard: the region, its current masterplan and counts.

    A fixed number of queries whatever the number of regions."""
    from django.db.models import Count

    regions = list(regions.annotate(agency_count=Count("agencies", distinct=True)).order_by("name"))
    plans = {}
    for mp in Masterplan.objects.filter(region__in=regions).order_by("region_id", "period_start"):
        plans[mp.region_id] = mp  # latest period wins
    return [{"region": r, "masterplan": plans.get(r.pk), "agency_count": r.agency_count} for r in regions]
