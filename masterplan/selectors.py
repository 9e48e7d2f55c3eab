"""Reads of the core domain. Callers pass a region already resolved through masterplan.access."""

from django.db.models import Case, Count, F, IntegerField, QuerySet, Value, When

from .models import Agency, Document, Masterplan, Membership, Region, Role, User


def current_masterplan(region: Region) -> Masterplan | None:
    """The region's latest masterplan, or None when none was started."""
    return Masterplan.objects.filter(region=region).order_by("-period_start").first()


def region_cards(regions: QuerySet[Region]) -> list[dict]:
    """One card per region for the dashboard: the region, its current masterplan and counts of the
    core (agencies, members, documents); the dashboard adds the content's counts.

    A fixed number of queries whatever the number of regions: one per count, grouped by region."""
    regions = list(
        regions.select_related("province").annotate(agency_count=Count("agencies", distinct=True)).order_by("name")
    )
    ids = [r.pk for r in regions]
    plans = {}
    for mp in Masterplan.objects.filter(region__in=ids).order_by("region_id", "period_start"):
        plans[mp.region_id] = mp  # latest period wins
    members = _count_by(Membership.objects.filter(region__in=ids), "region_id")
    documents = _count_by(Document.objects.filter(region__in=ids), "region_id")
    return [
        {
            "region": r,
            "masterplan": plans.get(r.pk),
            "agency_count": r.agency_count,
            "member_count": members.get(r.pk, 0),
            "document_count": documents.get(r.pk, 0),
        }
        for r in regions
    ]


def _count_by(queryset: QuerySet, field: str) -> dict[object, int]:
    return dict(queryset.values_list(field).annotate(n=Count("pk")).order_by())


ROLE_ORDER = [Role.DISKOMINFO, Role.EXPERT, Role.OPD, Role.DEWAN]


def region_memberships(region: Region) -> QuerySet[Membership]:
    """The members of a region with user and agency, Diskominfo first (one query)."""
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


def region_overview(region: Region) -> dict[str, int]:
    """Quick counts of the core for the region overview page (the page adds the sections')."""
    return {
        "agency_count": Agency.objects.filter(region=region).count(),
        "member_count": Membership.objects.filter(region=region).count(),
        "document_count": Document.objects.filter(region=region).count(),
    }


def region_documents(region: Region) -> QuerySet[Document]:
    """The documents of a region, general ones first, then by stage; newest first."""
    return (
        Document.objects.filter(region=region)
        .select_related("stage__masterplan__region", "uploaded_by")
        .order_by(F("stage__number").asc(nulls_first=True), "-uploaded_at", "-pk")
    )


def expert_candidates() -> QuerySet[User]:
    """Who may be assigned as an expert: active accounts, neither the administrator nor the
    coordinator, holding no regional role (Diskominfo, OPD, Dewan) anywhere."""
    regional = Membership.objects.exclude(role=Role.EXPERT).values("user_id")
    return (
        User.objects.filter(is_active=True, is_superuser=False, is_coordinator=False)
        .exclude(pk__in=regional)
        .order_by("first_name", "last_name", "username")
    )


def region_experts(region: Region) -> QuerySet[User]:
    return User.objects.filter(memberships__region=region, memberships__role=Role.EXPERT).order_by(
        "first_name", "last_name", "username"
    )
