"""Reads of the national view: every region a user follows, with where it stands (cohort, province,
experts, bimtek stage, sections approved per dimension, review items waiting, overdue stages, books
rendered and final), filtered, sorted and compared per dimension.

Everything is aggregated in the database: a fixed number of queries whatever the number of regions
(one for the page's regions, one each for their experts and their progress per dimension, a few
for the filters' medians and the comparison).

**Lagging** (*tertinggal*): a region with an overdue stage (``bimtek.selectors.stage_overdue``), or
whose share of approved sections is below the median of its cohort (the whole cohort, every
region of that year, so the yardstick does not change with who is looking or what is filtered).
"""

import statistics
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bimtek.models import Stage
from bimtek.selectors import stage_overdue
from dimensions.models import Dimension, FundingSource, Program, ProgramFunding, QuickWin, Section
from dimensions.review.models import ReviewComment
from masterplan import access
from masterplan.books.models import BookDefinition
from masterplan.models import Masterplan, Membership, Region, Role, User
from masterplan.rendering.models import RenderJob

PAGE_SIZE = 50
STAGE_DONE = 5  # the stage key of a region whose four stages are all signed off
STAGE_CHOICES = [("1", _("Tahap I")), ("2", _("Tahap II")), ("3", _("Tahap III")), ("4", _("Tahap IV"))]
STAGE_CHOICES.append((str(STAGE_DONE), _("Semua tahap disahkan")))

# Sort keys offered to the user: key -> order_by fields (a leading "-" in the request reverses).
SORTS = {
    "name": ("name", "pk"),
    "province": ("province__name", "name", "pk"),
    "cohort": ("cohort_id", "name", "pk"),
    "stage": ("stage_key", "stage_date", "name", "pk"),
    "progress": ("progress", "name", "pk"),
    "reviews": ("open_reviews", "name", "pk"),
    "overdue": ("overdue_stages", "name", "pk"),
}


@dataclass
class Filters:
    cohort: int | None = None
    province: int | None = None
    expert: int | None = None
    stage: int | None = None
    lagging: bool = False
    query: str = ""
    sort: str = "name"  # a key of SORTS, "-" in front for descending


def _count(queryset: QuerySet, group: str) -> Coalesce:
    """The number of rows of ``queryset`` (already tied to the outer row), as a subquery."""
    counted = queryset.order_by().values(group).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _current_plan(regions: QuerySet[Region]) -> QuerySet[Region]:
    plan = Masterplan.objects.filter(region=OuterRef("pk")).order_by("-period_start").values("pk")[:1]
    return regions.annotate(plan_id=Subquery(plan))


def _with_progress(regions: QuerySet[Region]) -> QuerySet[Region]:
    """Sections of the current masterplan, approved and in all, and their share (None without)."""
    in_plan = {"masterplan": OuterRef("plan_id")}
    return regions.annotate(
        sections_total=_count(Section.objects.filter(**in_plan), "masterplan"),
        sections_approved=_count(Section.objects.filter(**in_plan, state=Section.State.APPROVED), "masterplan"),
    ).annotate(progress=Cast(F("sections_approved"), FloatField()) / NullIf(F("sections_total"), 0))


def _annotated(regions: QuerySet[Region], today: date) -> QuerySet[Region]:
    """Regions with their current masterplan and its counts, each a correlated subquery."""
    in_plan = {"masterplan": OuterRef("plan_id")}
    current = Stage.objects.filter(**in_plan).exclude(status=Stage.Status.SIGNED_OFF).order_by("number")
    done_books = RenderJob.objects.filter(**in_plan, state=RenderJob.State.DONE, book__active=True).order_by()
    return (
        _with_progress(_current_plan(regions.select_related("province", "cohort")))
        .annotate(
            stage_number=Subquery(current.values("number")[:1]),
            stage_date=Subquery(current.values("start_date")[:1]),
            stage_count=_count(Stage.objects.filter(**in_plan), "masterplan"),
            overdue_stages=_count(Stage.objects.filter(stage_overdue(today), **in_plan), "masterplan"),
            open_reviews=_count(Section.objects.filter(**in_plan, state=Section.State.SUBMITTED), "masterplan"),
            open_comments=_count(
                ReviewComment.objects.filter(
                    section__masterplan=OuterRef("plan_id"), parent__isnull=True, resolved_at__isnull=True
                ),
                "section__masterplan",
            ),
            books_rendered=Coalesce(
                Subquery(
                    done_books.values("masterplan").annotate(n=Count("book", distinct=True)).values("n"),
                    output_field=IntegerField(),
                ),
                0,
            ),
            books_final=Coalesce(
                Subquery(
                    done_books.filter(is_draft=False)
                    .values("masterplan")
                    .annotate(n=Count("book", distinct=True))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                0,
            ),
        )
        .annotate(
            # No stage left to sign off: done when there were stages, else no stage yet (None).
            stage_key=Case(
                When(stage_number__isnull=False, then=F("stage_number")),
                When(stage_count__gt=0, then=Value(STAGE_DONE)),
                default=None,
                output_field=IntegerField(),
            ),
        )
    )


def cohort_medians() -> dict[int, float]:
    """The median share of approved sections per cohort, over every region of the cohort (one
    query: two numbers per region). A region without sections counts as 0."""
    shares: dict[int, list[float]] = {}
    for year, approved, total in _with_progress(_current_plan(Region.objects.all())).values_list(
        "cohort_id", "sections_approved", "sections_total"
    ):
        shares.setdefault(year, []).append(approved / total if total else 0.0)
    return {year: statistics.median(values) for year, values in shares.items()}


def lagging(medians: dict[int, float]) -> Q:
    """The condition on annotated regions: an overdue stage, or progress below the cohort's median."""
    condition = Q(overdue_stages__gt=0)
    for year, median in medians.items():
        if median > 0:  # a region without sections counts as 0: below any positive median
            condition |= Q(cohort_id=year) & (Q(progress__lt=median) | Q(progress__isnull=True))
    return condition


def national_regions(user: User, filters: Filters, today: date | None = None) -> QuerySet[Region]:
    """The regions the user follows (masterplan.access), annotated, filtered and sorted."""
    today = today or timezone.localdate()
    regions = _annotated(access.visible_regions(user), today)
    if filters.cohort:
        regions = regions.filter(cohort_id=filters.cohort)
    if filters.province:
        regions = regions.filter(province_id=filters.province)
    if filters.expert:
        regions = regions.filter(
            pk__in=Membership.objects.filter(user_id=filters.expert, role=Role.EXPERT).values("region_id")
        )
    if filters.stage:
        regions = regions.filter(stage_key=filters.stage)
    if filters.query:
        regions = regions.filter(name__icontains=filters.query)
    regions = regions.annotate(
        is_lagging=Case(
            When(lagging(cohort_medians()), then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    )
    if filters.lagging:
        regions = regions.filter(is_lagging=True)
    key = filters.sort.lstrip("-")
    fields = SORTS.get(key, SORTS["name"])
    if filters.sort.startswith("-"):
        order = [F(fields[0]).desc(nulls_last=True), *fields[1:]]
    else:
        order = [F(fields[0]).asc(nulls_last=True), *fields[1:]]
    return regions.order_by(*order)


# Rows ------------------------------------------------------------------------------------------


@dataclass
class DimensionProgress:
    dimension: Dimension
    approved: int = 0
    total: int = 0


@dataclass
class RegionRow:
    region: Region
    experts: list[User] = field(default_factory=list)
    dimensions: list[DimensionProgress] = field(default_factory=list)

    @property
    def percent(self) -> int | None:
        progress = self.region.progress
        return None if progress is None else round(progress * 100)


def region_rows(regions: list[Region], dimensions: list[Dimension]) -> list[RegionRow]:
    """The rows of a page (or an export) of annotated regions: their experts and their progress
    per dimension, two queries whatever the number of rows."""
    rows = {r.pk: RegionRow(r, dimensions=[DimensionProgress(d) for d in dimensions]) for r in regions}
    index = {d.pk: i for i, d in enumerate(dimensions)}
    experts = (
        Membership.objects.filter(region_id__in=rows, role=Role.EXPERT)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__username")
    )
    for m in experts:
        rows[m.region_id].experts.append(m.user)
    plan_region = {r.plan_id: r.pk for r in regions if r.plan_id}
    counts = (
        Section.objects.filter(masterplan_id__in=plan_region)
        .values("masterplan_id", "dimension_id")
        .annotate(total=Count("pk"), approved=Count("pk", filter=Q(state=Section.State.APPROVED)))
        .order_by()
    )
    for c in counts:
        cell = rows[plan_region[c["masterplan_id"]]].dimensions[index[c["dimension_id"]]]
        cell.total, cell.approved = c["total"], c["approved"]
    return list(rows.values())


def active_book_count() -> int:
    return BookDefinition.objects.filter(active=True).count()


def expert_choices(user: User) -> QuerySet[User]:
    """The experts of the regions the user follows (for the filter)."""
    return (
        User.objects.filter(
            memberships__role=Role.EXPERT, memberships__region__in=access.visible_regions(user).values("pk")
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


# Comparison per dimension ----------------------------------------------------------------------


@dataclass
class DimensionComparison:
    dimension: Dimension
    programs: int = 0
    regions_with_programs: int = 0
    quick_wins: int = 0
    budget: Decimal = Decimal(0)  # the programs' totals (Program.budget: the sum of their road map years)
    by_source: list[Decimal] = field(default_factory=list)  # the funding splits, per source

    @property
    def unassigned(self) -> Decimal:
        """Budget not (yet) split over funding sources."""
        return self.budget - sum(self.by_source, Decimal(0))


@dataclass
class Comparison:
    sources: list[FundingSource]
    dimensions: list[DimensionComparison]
    region_count: int

    @property
    def total(self) -> DimensionComparison:
        total = DimensionComparison(dimension=None, by_source=[Decimal(0)] * len(self.sources))
        for d in self.dimensions:
            total.programs += d.programs
            total.quick_wins += d.quick_wins
            total.budget += d.budget
            total.by_source = [a + b for a, b in zip(total.by_source, d.by_source, strict=True)]
        return total


def dimension_comparison(regions: QuerySet[Region], dimensions: list[Dimension]) -> Comparison:
    """Per dimension, over the regions given (their current masterplans): programs, quick wins and
    budget by funding source. Budget rules as in the books: a program's total is Program.budget,
    its split over sources ProgramFunding.amount (dimensions.rules). Four queries."""
    plans = regions.order_by().values("plan_id")
    sources = list(FundingSource.objects.order_by("order", "pk"))
    source_index = {s.pk: i for i, s in enumerate(sources)}
    rows = {d.pk: DimensionComparison(d, by_source=[Decimal(0)] * len(sources)) for d in dimensions}
    in_plans = {"section__masterplan__in": plans}
    for r in (
        Program.objects.filter(**in_plans)
        .values("section__dimension")
        .annotate(n=Count("pk"), regions=Count("section__masterplan", distinct=True), budget=Sum("budget"))
        .order_by()
    ):
        row = rows[r["section__dimension"]]
        row.programs, row.regions_with_programs, row.budget = r["n"], r["regions"], r["budget"] or Decimal(0)
    for r in (
        QuickWin.objects.filter(program__section__masterplan__in=plans)
        .values("program__section__dimension")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        rows[r["program__section__dimension"]].quick_wins = r["n"]
    for r in (
        ProgramFunding.objects.filter(program__section__masterplan__in=plans, amount__isnull=False)
        .values("program__section__dimension", "funding_source")
        .annotate(amount=Sum("amount"))
        .order_by()
    ):
        rows[r["program__section__dimension"]].by_source[source_index[r["funding_source"]]] = r["amount"]
    return Comparison(sources=sources, dimensions=list(rows.values()), region_count=regions.count())
