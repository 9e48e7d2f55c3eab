"""Reads of the core domain. Callers pass a region already resolved through masterplan.access."""

from .models import Agency, Document, Masterplan, Membership, Role


def current_masterplan(region):
    """The region's latest masterplan, or None when none was started."""
    return Masterplan.objects.filter(region=region).order_by("-period_start").first()


def region_cards(regions):
    """One card per region for the dashboard: the region, its current masterplan and counts.

    A fixed number of queries whatever the number of regions: one per count, grouped by region."""
    from django.db.models import Count

    from dimensions.models import Section

    regions = list(regions.annotate(agency_count=Count("agencies", distinct=True)).order_by("name"))
    ids = [r.pk for r in regions]
    plans = {}
    for mp in Masterplan.objects.filter(region__in=ids).order_by("region_id", "period_start"):
        plans[mp.region_id] = mp  # latest period wins
    members = _count_by(Membership.objects.filter(region__in=ids), "region_id")
    documents = _count_by(Document.objects.filter(region__in=ids), "region_id")
    sections, approved = {}, {}
    rows = (
        Section.objects.filter(masterplan__in=[mp.pk for mp in plans.values()])
        .values_list("masterplan__region_id", "state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for region_id, state, n in rows:
        sections[region_id] = sections.get(region_id, 0) + n
        if state == Section.State.APPROVED:
            approved[region_id] = approved.get(region_id, 0) + n
    return [
        {
            "region": r,
            "masterplan": plans.get(r.pk),
            "agency_count": r.agency_count,
            "member_count": members.get(r.pk, 0),
            "document_count": documents.get(r.pk, 0),
            "section_count": sections.get(r.pk, 0),
            "approved_count": approved.get(r.pk, 0),
        }
        for r in regions
    ]


def _count_by(queryset, field):
    from django.db.models import Count

    return dict(queryset.values_list(field).annotate(n=Count("pk")).order_by())


ROLE_ORDER = [Role.DISKOMINFO, Role.EXPERT, Role.OPD, Role.DEWAN]


def region_memberships(region):
    """The members of a region with user and agency, Diskominfo first (one query)."""
    from django.db.models import Case, IntegerField, Value, When

    order = Case(
        *[When(role=role, then=Value(i)) for i, role in enumerate(ROLE_ORDER)],
        default=Value(len(ROLE_ORDER)),
        output_field=IntegerField(),
    )
    return (
        Membership.objects.filter(region=region)
        .select_related("user", "agency")
        .annotate(role_order=order)
        .order_by("role_order", "agency__name", "user__first_name", "user__username")
    )


def region_agencies(region, masterplan):
    """The agencies of a region with ``member_count`` and ``current_sections`` (their dimensions
    in the current masterplan). Three queries whatever the number of agencies."""
    from django.db.models import Count, Prefetch

    from dimensions.models import Section

    sections = (
        Section.objects.filter(masterplan=masterplan).select_related("dimension").order_by("dimension__order")
        if masterplan is not None
        else Section.objects.none()
    )
    return (
        Agency.objects.filter(region=region)
        .annotate(member_count=Count("members", distinct=True))
        .prefetch_related(Prefetch("sections", queryset=sections, to_attr="current_sections"))
        .order_by("name")
    )


def entry_models():
    """Every concrete kind of entry an agency writes in a section (subclasses of dimensions.Entry)."""
    from dimensions.models import Entry

    found = []

    def walk(cls):
        for sub in cls.__subclasses__():
            if not sub._meta.abstract and not sub._meta.proxy:
                found.append(sub)
            walk(sub)

    walk(Entry)
    return found


def section_entry_counts(section_ids):
    """Number of entries per section id (one query per kind of entry, whatever the sections)."""
    from collections import Counter

    counts = Counter()
    section_ids = list(section_ids)
    if not section_ids:
        return counts
    for model in entry_models():
        for section_id, n in _count_by(model.objects.filter(section_id__in=section_ids), "section_id").items():
            counts[section_id] += n
    return counts


def region_overview(region, masterplan):
    """Quick counts for the region overview page (a fixed number of queries)."""
    from django.db.models import Count

    from dimensions.models import Section

    by_state = {}
    if masterplan is not None:
        by_state = dict(
            Section.objects.filter(masterplan=masterplan).values_list("state").annotate(n=Count("pk")).order_by()
        )
    states = [
        {"state": state, "label": label, "count": by_state.get(state, 0)} for state, label in Section.State.choices
    ]
    return {
        "agency_count": Agency.objects.filter(region=region).count(),
        "member_count": Membership.objects.filter(region=region).count(),
        "document_count": Document.objects.filter(region=region).count(),
        "section_count": sum(by_state.values()),
        "section_states": states,
        "dimension_count": (
            Section.objects.filter(masterplan=masterplan).values("dimension").distinct().count() if masterplan else 0
        ),
    }


def region_documents(region):
    """The documents of a region, general ones first, then by stage; newest first."""
    from django.db.models import F

    return (
        Document.objects.filter(region=region)
        .select_related("stage__masterplan__region", "uploaded_by")
        .order_by(F("stage__number").asc(nulls_first=True), "-uploaded_at", "-pk")
    )


def entries_outside_period(masterplan, start, end):
    """What of a masterplan's content would fall outside the period start..end:
    a list of (label, count) with count > 0."""
    from django.db.models import Q
    from django.utils.translation import gettext as _

    from dimensions.models import IndicatorTarget, Program, RoadmapEntry

    if masterplan is None or masterplan.pk is None:
        return []
    outside = [
        (
            _("program"),
            Program.objects.filter(section__masterplan=masterplan)
            .filter(Q(start_year__lt=start) | Q(end_year__gt=end))
            .count(),
        ),
        (
            _("kegiatan peta jalan"),
            RoadmapEntry.objects.filter(program__section__masterplan=masterplan)
            .filter(Q(year__lt=start) | Q(year__gt=end))
            .count(),
        ),
        (
            _("target indikator"),
            IndicatorTarget.objects.filter(
                Q(indicator__goal__section__masterplan=masterplan)
                | Q(indicator__program__section__masterplan=masterplan)
            )
            .filter(Q(year__lt=start) | Q(year__gt=end))
            .count(),
        ),
    ]
    return [(label, n) for label, n in outside if n]
