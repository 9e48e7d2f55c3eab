"""Reads of the national view: every region a user follows, with where it stands (cohort, province,
experts, bimtek stage, sections approved per dimension, review items waiting, overdue stages, books
rendered and final), filtered, sorted and compared per dimension.

Everything is counted in the database by grouped queries over the filtered regions' current
masterplans (sections by dimension and state, stages, open comments, rendered books), then put
together per region here: a fixed number of queries whatever the number of regions, none per
region. (Correlated subqueries per region were tried first: 1.3-1.8 s for 514 regions on
PostgreSQL, against some 50 ms for the grouped queries.) A page counts only its own rows when the
sort and filters allow (national_regions_page). What grows with the regions, the sections approved
per plan, the cohort medians and the comparison per dimension, is cached under the plans' figures
tokens (Masterplan.figures_token, renewed in the same transaction as any change: never stale).

**Lagging** (*tertinggal*): a region with an overdue stage (``bimtek.selectors.stage_overdue``), or
whose share of approved sections is below the median of its cohort (the whole cohort, every
region of that year, so the yardstick does not change with who is looking or what is filtered).
"""

import hashlib
import pickle
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    CharField,
    Count,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bimtek.models import Stage
from bimtek.selectors import stage_overdue
from dimensions.models import Dimension, FundingSource, Program, ProgramFunding, QuickWin, Section
from dimensions.review.models import ReviewComment
from masterplan import access, pagecache
from masterplan.apps import FILTER_CHOICES_SCOPE
from masterplan.books.models import BookDefinition
from masterplan.models import Masterplan, Membership, Region, Role, User
from masterplan.rawrows import fetch_fixed_rows
from masterplan.rendering.models import RenderJob

PAGE_SIZE = 50
STAGE_DONE = 5  # the stage key of a region whose four stages are all signed off
STAGE_CHOICES = [("1", _("Tahap I")), ("2", _("Tahap II")), ("3", _("Tahap III")), ("4", _("Tahap IV"))]
STAGE_CHOICES.append((str(STAGE_DONE), _("Semua tahap disahkan")))

# Sort keys offered to the user (a leading "-" in the request reverses) -> the region's attribute.
SORTS = {
    "name": "name",
    "province": "province_name",
    "cohort": "cohort_id",
    "stage": "stage_key",
    "progress": "progress",
    "reviews": "open_reviews",
    "overdue": "overdue_stages",
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


@dataclass
class DimensionProgress:
    dimension: Dimension
    approved: int = 0
    total: int = 0


# What national_regions sets on each region it returns (read by the table, the exports, the sort).
_STATUS_DEFAULTS = {
    "plan_id": None,
    "stage_number": None,
    "stage_date": None,
    "stage_count": 0,
    "overdue_stages": 0,
    "sections_total": 0,
    "sections_approved": 0,
    "open_reviews": 0,
    "open_comments": 0,
    "books_rendered": 0,
    "books_final": 0,
}


# Everything national_regions sets on a region: what a row shows, the filters and sorts read.
ROW_STATUS = (*_STATUS_DEFAULTS, "progress", "stage_key", "is_lagging", "dimension_counts")


@dataclass
class _Yardstick:
    """What every region's row needs whatever is shown: the current plans of all regions, their
    sections (approved, total, submitted) and the cohort medians."""

    plans: dict[int, int]  # region id -> current masterplan id
    tokens: dict[int, str]  # masterplan id -> its figures token (as text)
    counts: dict[int, tuple[int, int, int]]  # masterplan id -> (approved, total, submitted)
    medians: dict[int, float]  # cohort year -> median share of approved sections
    region_count: int = 0  # of every region


YARDSTICK_CACHE_KEY = "national:yardstick:%s"  # % a digest of the regions, their cohorts, plans and tokens


def _yardstick() -> _Yardstick:
    """One query (regions, their cohorts, current plans and figures tokens); the section counts and
    medians from the cache, under a digest of all that: a section saved or deleted gives its plan a
    new token in the same transaction (dimensions.receivers), so they are never stale. Counted
    again (one grouped query) after a change."""
    rows = fetch_fixed_rows(
        "national-yardstick",
        lambda: Region.objects.order_by("pk", "masterplans__period_start", "masterplans__pk").values_list(
            "pk", "cohort_id", "masterplans__pk", _token_text("masterplans__figures_token")
        ),
    )
    cohorts, plans, tokens = {}, {}, {}
    for region_id, cohort, plan, token in rows:
        cohorts[region_id] = cohort
        if plan is not None:
            plans[region_id], tokens[plan] = plan, token  # the latest period wins
    # The rows' pickle (integers, text, None): other rows, other bytes; a quarter of repr()'s time.
    digest = hashlib.sha256(pickle.dumps(rows, protocol=5), usedforsecurity=False).hexdigest()
    cached = cache.get(YARDSTICK_CACHE_KEY % digest)
    if cached is None:
        counts = {
            r["masterplan_id"]: (r["approved"], r["total"], r["submitted"])
            for r in Section.objects.filter(masterplan_id__in=plans.values())
            .values("masterplan_id")
            .annotate(
                total=Count("pk"),
                approved=Count("pk", filter=Q(state=Section.State.APPROVED)),
                submitted=Count("pk", filter=Q(state=Section.State.SUBMITTED)),
            )
            .order_by()
        }
        shares: dict[int, list[float]] = {}
        for region_id, cohort in cohorts.items():
            approved, total, _submitted = counts.get(plans.get(region_id), (0, 0, 0))
            shares.setdefault(cohort, []).append(approved / total if total else 0.0)
        medians = {year: statistics.median(values) for year, values in shares.items()}
        cached = (counts, medians)
        cache.set(YARDSTICK_CACHE_KEY % digest, cached, 24 * 3600)
    return _Yardstick(plans=plans, tokens=tokens, counts=cached[0], medians=cached[1], region_count=len(cohorts))


def cohort_medians() -> dict[int, float]:
    """The median share of approved sections per cohort, over every region of the cohort. A region
    without sections counts as 0."""
    return _yardstick().medians


def is_lagging(region: Region, medians: dict[int, float]) -> bool:
    """An overdue stage, or a share of approved sections below the median of the region's cohort."""
    share = region.progress or 0.0
    return region.overdue_stages > 0 or share < medians.get(region.cohort_id, 0.0)


def _filtered(user: User, filters: Filters) -> QuerySet[Region]:
    regions = access.visible_regions(user).select_related("province")
    if filters.cohort:
        regions = regions.filter(cohort_id=filters.cohort)
    if filters.province:
        regions = regions.filter(province_id=filters.province)
    if filters.expert:
        regions = regions.filter(
            pk__in=Membership.objects.filter(user_id=filters.expert, role=Role.EXPERT).values("region_id")
        )
    if filters.query:
        regions = regions.filter(name__icontains=filters.query)
    return regions


def _with_status(regions: list, yardstick: _Yardstick, today: date) -> dict[int, Region]:
    """Sets ``_STATUS_DEFAULTS``, ``progress``, ``stage_key`` and ``is_lagging`` on the regions given
    (what the filters and sorts read): one query, their plans' stages. Returns them by plan id."""
    by_plan = {}
    for region in regions:
        region.__dict__.update(_STATUS_DEFAULTS)  # plain attributes: at once, for the 514 regions
        region.dimension_counts = {}  # dimension id -> (approved, total), set by _with_details
        region.plan_id = yardstick.plans.get(region.pk)
        if region.plan_id:
            by_plan[region.plan_id] = region
            approved, total, submitted = yardstick.counts.get(region.plan_id, (0, 0, 0))
            region.sections_approved, region.sections_total, region.open_reviews = approved, total, submitted
    stages = (
        Stage.objects.filter(masterplan_id__in=list(by_plan))
        .annotate(overdue=Case(When(stage_overdue(today), then=Value(True)), default=Value(False)))
        .order_by("masterplan_id", "number")
        .values_list("masterplan_id", "number", "status", "start_date", "overdue")
    )
    for plan_id, number, status, start_date, overdue in stages if by_plan else ():
        region = by_plan[plan_id]
        region.stage_count += 1
        region.overdue_stages += overdue
        if region.stage_number is None and status != Stage.Status.SIGNED_OFF:
            region.stage_number, region.stage_date = number, start_date  # the first not signed off
    for region in regions:
        region.progress = region.sections_approved / region.sections_total if region.sections_total else None
        # No stage left to sign off: done when there were stages, else no stage yet (None).
        region.stage_key = region.stage_number or (STAGE_DONE if region.stage_count else None)
        region.is_lagging = is_lagging(region, yardstick.medians)
    return by_plan


def _with_details(by_plan: dict[int, Region]) -> None:
    """What only a shown (or exported) row needs: sections per dimension, open comments, books
    rendered. Three grouped queries over the plans given."""
    if not by_plan:
        return
    plan_ids = list(by_plan)
    for plan_id, dimension_id, total, approved in (
        Section.objects.filter(masterplan_id__in=plan_ids)
        .values("masterplan_id", "dimension_id")
        .annotate(total=Count("pk"), approved=Count("pk", filter=Q(state=Section.State.APPROVED)))
        .order_by()
        .values_list("masterplan_id", "dimension_id", "total", "approved")
    ):
        by_plan[plan_id].dimension_counts[dimension_id] = (approved, total)
    for plan_id, n in (
        ReviewComment.objects.filter(section__masterplan_id__in=plan_ids, parent__isnull=True, resolved_at__isnull=True)
        .values("section__masterplan_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("section__masterplan_id", "n")
    ):
        by_plan[plan_id].open_comments = n
    for plan_id, _book, final in (
        RenderJob.objects.filter(masterplan_id__in=plan_ids, state=RenderJob.State.DONE, book__active=True)
        .values("masterplan_id", "book_id")
        .annotate(final=Count("pk", filter=Q(is_draft=False)))
        .order_by()
        .values_list("masterplan_id", "book_id", "final")
    ):
        by_plan[plan_id].books_rendered += 1
        by_plan[plan_id].books_final += bool(final)


def national_regions(user: User, filters: Filters, today: date | None = None) -> list[Region]:
    """The regions the user follows (masterplan.access), filtered and sorted, each carrying where it
    stands (``_STATUS_DEFAULTS``, ``progress``, ``stage_key``, ``is_lagging``, ``dimension_counts``).

    Grouped queries over the filtered regions' current masterplans, assembled here: a fixed number
    whatever the number of regions, none per region."""
    found = list(_filtered(user, filters).order_by("name", "pk"))
    _with_details(_with_status(found, _yardstick(), today or timezone.localdate()))
    return _selected_sorted(found, filters)


def _selected_sorted(regions: list[Region], filters: Filters) -> list[Region]:
    if filters.stage:
        regions = [r for r in regions if r.stage_key == filters.stage]
    if filters.lagging:
        regions = [r for r in regions if r.is_lagging]
    return _sorted(regions, filters.sort)


@dataclass
class NationalPage:
    page: Page  # of regions; their status and details set by page_rows_status (or read from a cache)
    regions: list  # every region filtered, in the page's order (light stand-ins: id, cohort, province)
    yardstick: _Yardstick  # every region's current plan, the plans' figures tokens, the cohort medians

    @property
    def plans(self) -> dict[int, int]:
        return self.yardstick.plans

    @property
    def tokens(self) -> dict[int, str]:
        return self.yardstick.tokens

    @property
    def medians(self) -> dict[int, float]:
        return self.yardstick.medians

    @property
    def plan_ids(self) -> list[int]:
        """The current masterplans of every region filtered (no query)."""
        plans = self.plans
        return [plans[r.pk] for r in self.regions if r.pk in plans]


def page_rows_status(regions: list[Region], found: NationalPage, today: date) -> None:
    """Where the regions given (rows of the page) stand, as national_regions sets it: their status
    and details (four grouped queries over their plans)."""
    _with_details(_with_status(regions, found.yardstick, today))


class _Light:
    """A region as the filters and sorts read it: id, cohort, province (and its status, once set)."""

    OWN = ("pk", "cohort_id", "province")

    def __init__(self, pk: int, cohort_id: int, province: SimpleNamespace) -> None:
        self.pk, self.cohort_id, self.province = pk, cohort_id, province


def _directory() -> list[tuple[int, int, int, str]]:
    """Every region as (id, cohort, province id, province name), in the order of their names (the
    database's, as ``order_by("name")``): what the filters by cohort and province and every sort
    read. Cached until a region, cohort, province or membership is written (FILTER_CHOICES_SCOPE):
    a page then reads 514 regions from one cache key instead of sorting them in the database."""
    return pagecache.get_or_build_in_scope(
        FILTER_CHOICES_SCOPE,
        "national-directory",
        (),
        lambda: list(
            Region.objects.order_by("name", "pk").values_list("pk", "cohort_id", "province_id", "province__name")
        ),
    )


def national_regions_page(
    user: User, filters: Filters, number: str | int | None, page_size: int = PAGE_SIZE, today: date | None = None
) -> NationalPage:
    """One page of national_regions: the same regions in the same order, without their status and
    details yet (page_rows_status, for the rows not cached). The regions filtered are light
    stand-ins (id, cohort, province): from the cached directory, cut to the user's regions
    (masterplan.access), unless the filter by expert or by name needs the database. Their status
    is counted only when a filter or the sort reads it. Of the database's regions, only the page's
    are read (by id)."""
    today = today or timezone.localdate()
    yardstick = _yardstick()
    if filters.expert or filters.query:
        found = [
            _Light(pk, cohort, SimpleNamespace(name=province))
            for pk, cohort, province in _filtered(user, filters)
            .order_by("name", "pk")
            .values_list("pk", "cohort_id", "province__name")
        ]
    else:
        visible = access.visible_region_ids(user)  # None: every region
        visible = None if visible is None else set(visible)
        found = [
            _Light(pk, cohort, SimpleNamespace(name=province))
            for pk, cohort, province_id, province in _directory()
            if (visible is None or pk in visible)
            and filters.cohort in (None, cohort)
            and filters.province in (None, province_id)
        ]
    if filters.stage or filters.lagging or filters.sort.lstrip("-") not in ("name", "province", "cohort"):
        _with_status(found, yardstick, today)
    found = _selected_sorted(found, filters)
    page = Paginator(found, page_size).get_page(number)
    shown = Region.objects.select_related("province").order_by().in_bulk([r.pk for r in page.object_list])
    lights = [light for light in page.object_list if light.pk in shown]  # not deleted meanwhile
    for light in lights:
        shown[light.pk].__dict__.update((k, v) for k, v in vars(light).items() if k not in _Light.OWN)
    page.object_list = [shown[light.pk] for light in lights]
    return NationalPage(page=page, regions=found, yardstick=yardstick)


def _sorted(regions: list[Region], sort: str) -> list[Region]:
    """By the sort's attribute, empty values last either way; equal values keep the name order
    the database gave (Python's sort is stable, reversed too)."""
    descending, attr = sort.startswith("-"), SORTS.get(sort.lstrip("-"), "name")
    if attr == "name":
        return regions[::-1] if descending else regions
    for region in regions:
        region.province_name = region.province.name
    present = [r for r in regions if getattr(r, attr) is not None]
    empty = [r for r in regions if getattr(r, attr) is None]
    return sorted(present, key=lambda r: getattr(r, attr), reverse=descending) + empty


# Rows ------------------------------------------------------------------------------------------


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
    """The rows of a page (or an export) of the regions national_regions returned: with their
    experts (one query whatever the number of rows) and their sections per dimension."""
    rows = {}
    for r in regions:
        cells = [DimensionProgress(d, *r.dimension_counts.get(d.pk, (0, 0))) for d in dimensions]
        rows[r.pk] = RegionRow(r, dimensions=cells)
    experts = (
        Membership.objects.filter(region_id__in=rows, role=Role.EXPERT)
        .select_related("user")
        .only("region_id", "user__username", "user__first_name", "user__last_name")
        .order_by("user__first_name", "user__last_name", "user__username")
    )
    for m in experts:
        rows[m.region_id].experts.append(m.user)
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
        .only("pk", "first_name", "last_name", "username")  # what the choices show
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
    digest: str = ""  # of the plans counted, their figures tokens and the sources: the sums' cache key

    @property
    def total(self) -> DimensionComparison:
        total = DimensionComparison(dimension=None, by_source=[Decimal(0)] * len(self.sources))
        for d in self.dimensions:
            total.programs += d.programs
            total.quick_wins += d.quick_wins
            total.budget += d.budget
            total.by_source = [a + b for a, b in zip(total.by_source, d.by_source, strict=True)]
        return total


# A plan's figures: {dimension id: (programs, budget, quick wins, ((funding source id, amount), ...))},
# amounts in hundredths of a rupiah (money has two decimal places): whole numbers, quick to cache.
PlanFigures = dict[int, tuple[int, int, int, tuple[tuple[int, int], ...]]]
FIGURES_CACHE_KEY = "national:plan-figures"  # -> {masterplan id: (figures token as text, PlanFigures)}
COMPARISON_CACHE_KEY = "national:comparison:%s"  # % a digest of the plans and their tokens


def _cents(amount: Decimal | None) -> int:
    return int(amount * 100) if amount is not None else 0


def _counted_figures(plans: list[int]) -> dict[int, PlanFigures]:
    """The figures of the plans given, counted: three grouped queries."""
    cells: dict[int, dict[int, list]] = {pk: {} for pk in plans}

    def cell(plan: int, dimension: int) -> list:
        return cells[plan].setdefault(dimension, [0, 0, 0, []])

    for plan, dimension, n, budget in (
        Program.objects.filter(section__masterplan__in=plans)
        .values("section__masterplan", "section__dimension")
        .annotate(n=Count("pk"), budget=Sum("budget"))
        .order_by()
        .values_list("section__masterplan", "section__dimension", "n", "budget")
    ):
        c = cell(plan, dimension)
        c[0], c[1] = n, _cents(budget)
    for plan, dimension, n in (
        QuickWin.objects.filter(program__section__masterplan__in=plans)
        .values("program__section__masterplan", "program__section__dimension")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("program__section__masterplan", "program__section__dimension", "n")
    ):
        cell(plan, dimension)[2] = n
    for plan, dimension, source, amount in (
        ProgramFunding.objects.filter(program__section__masterplan__in=plans, amount__isnull=False)
        .values("program__section__masterplan", "program__section__dimension", "funding_source")
        .annotate(amount=Sum("amount"))
        .order_by()
        .values_list("program__section__masterplan", "program__section__dimension", "funding_source", "amount")
    ):
        cell(plan, dimension)[3].append((source, _cents(amount)))
    return {pk: {d: (c[0], c[1], c[2], tuple(c[3])) for d, c in dims.items()} for pk, dims in cells.items()}


def _token_text(field: str) -> Cast:
    """A figures token read as text: a UUID object per plan (514 of them) cost more than the query."""
    return Cast(field, output_field=CharField())


def _figures_tokens(plans: list[int]) -> dict[int, str]:
    """Masterplan id -> its figures token (as text). One query."""
    return dict(Masterplan.objects.filter(pk__in=plans).values_list("pk", _token_text("figures_token")))


def plan_figures(plans: list[int], tokens: dict[int, str] | None = None) -> dict[int, PlanFigures]:
    """The figures of the plans given: from the cache for each plan whose figures token is the one
    cached with them (one query reads the tokens), counted for the others (_counted_figures), which
    are then cached. A change to a plan's sections, programs, funding or quick wins gives it a new
    token in the same transaction (dimensions.receivers), so what the cache holds for a token is
    never stale; each process (or a shared cache) counts a plan once per change."""
    tokens = _figures_tokens(plans) if tokens is None else tokens
    cached = cache.get(FIGURES_CACHE_KEY) or {}
    figures, missing = {}, []
    for pk, token in tokens.items():
        hit = cached.get(pk)
        if hit is not None and hit[0] == token:
            figures[pk] = hit[1]
        else:
            missing.append(pk)
    if missing:
        counted = _counted_figures(missing)
        for pk in missing:
            figures[pk] = counted[pk]
            cached[pk] = (tokens[pk], counted[pk])
        cache.set(FIGURES_CACHE_KEY, cached, None)
    return figures


def _summed(figures: Iterable[PlanFigures], sources: list[FundingSource]) -> dict:
    """Per dimension id: [programs, regions with programs, budget, quick wins, [amount per source]]."""
    source_index = {s.pk: i for i, s in enumerate(sources)}
    totals: dict[int, list] = {}
    for plan in figures:
        for dimension, (n, budget, quick_wins, by_source) in plan.items():
            t = totals.setdefault(dimension, [0, 0, 0, 0, [0] * len(sources)])
            t[0] += n
            t[1] += n > 0
            t[2] += budget
            t[3] += quick_wins
            for source, amount in by_source:
                t[4][source_index[source]] += amount
    return totals


def dimension_comparison(
    plans: list[int], dimensions: list[Dimension], region_count: int, tokens: dict[int, str] | None = None
) -> Comparison:
    """Per dimension, over the masterplans given (the filtered regions' current ones): programs,
    quick wins and budget by funding source. Budget rules as in the books: a program's total is
    Program.budget, its split over sources ProgramFunding.amount (dimensions.rules).

    From the cache, never stale: the sums are cached under a digest of the plans and their figures
    tokens (three queries then: the tokens, the sources, nothing else), each plan's figures under
    its token (plan_figures), so a change counts again only the plan changed. ``tokens``: the
    plans' figures tokens when already read (national_regions_page's), else one more query."""
    sources = pagecache.get_or_build_reference(
        "funding-sources", lambda: list(FundingSource.objects.order_by("order", "pk"))
    )
    tokens = _figures_tokens(plans) if tokens is None else {pk: tokens[pk] for pk in plans}
    digest = hashlib.sha256(
        repr((sorted(tokens.items()), [s.pk for s in sources])).encode(), usedforsecurity=False
    ).hexdigest()
    totals = cache.get(COMPARISON_CACHE_KEY % digest)
    if totals is None:
        totals = _summed(plan_figures(plans, tokens).values(), sources)
        cache.set(COMPARISON_CACHE_KEY % digest, totals, 24 * 3600)

    def money(cents: int) -> Decimal:
        return Decimal(cents).scaleb(-2)

    rows = []
    for d in dimensions:
        n, regions, budget, quick_wins, by_source = totals.get(d.pk, (0, 0, 0, 0, [0] * len(sources)))
        rows.append(DimensionComparison(d, n, regions, quick_wins, money(budget), [money(a) for a in by_source]))
    return Comparison(sources=sources, dimensions=rows, region_count=region_count, digest=digest)
