"""Reads for the books: what a book is built from, in a fixed number of queries whatever the size
of the region (prefetches and grouped aggregates, then grouping in Python).

The data comes in parts; a book loads only the parts its chapter kinds need (``book_parts``), so
a short book of a large region (the executive summary) does not pay for every SWOT entry and
indicator target of it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q, Sum, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from dimensions.models import (
    SUBCOMPONENTS,
    Dimension,
    Element,
    FundingSource,
    GapItem,
    Goal,
    Horizon,
    Indicator,
    Program,
    ProgramFunding,
    QuickWin,
    ReadinessComponent,
    ReadinessItem,
    RoadmapEntry,
    Section,
    Strategy,
    SwotEntry,
)
from masterplan.formats import roman
from masterplan.models import Agency, Masterplan, Region

from .chapters import ChapterKind
from .models import BookDefinition, ChapterDefinition, CoverLogo, NarrativeText
from .sanitize import narrative_html_clean

READINESS, GAPS, SWOT, STRATEGIES, GOALS, PROGRAMS, QUICK_WINS, QUICK_WIN_INDICATORS, SUMMARY = (
    "readiness",
    "gaps",
    "swot",
    "strategies",
    "goals",
    "programs",
    "quick_wins",
    "quick_win_indicators",  # the indicators of a quick win's program, for its profile page
    "summary",
)
ALL_PARTS = frozenset({READINESS, GAPS, SWOT, STRATEGIES, GOALS, PROGRAMS, QUICK_WINS, QUICK_WIN_INDICATORS, SUMMARY})
KIND_PARTS = {
    ChapterKind.NARRATIVE: set(),
    ChapterKind.REGIONAL_PROFILE: set(),
    ChapterKind.READINESS: {READINESS},
    ChapterKind.GAP: {GAPS},
    ChapterKind.SWOT: {SWOT},
    ChapterKind.VISION_MISSION_GOALS: {GOALS, STRATEGIES},
    ChapterKind.VISION_REFERENCE: set(),
    ChapterKind.STRATEGIES: {STRATEGIES},
    ChapterKind.PROGRAMS: {PROGRAMS},
    ChapterKind.ACTION_PLAN: {PROGRAMS, SUMMARY},
    ChapterKind.ROADMAP: {PROGRAMS},
    ChapterKind.GOVERNANCE: {SUMMARY},
    ChapterKind.EXECUTIVE_SUMMARY: {SUMMARY, QUICK_WINS},
    ChapterKind.QUICK_WIN_PROFILES: {QUICK_WINS, QUICK_WIN_INDICATORS},
    ChapterKind.CLOSING: set(),
}
TOP_PROGRAMS = 3  # per dimension, in the executive summary


@dataclass
class DimensionData:
    dimension: Dimension
    elements: list[Element]
    sections: list[Section] = field(default_factory=list)
    readiness: list[ReadinessItem] = field(default_factory=list)
    gaps: list[GapItem] = field(default_factory=list)
    swot: dict[str, list[SwotEntry]] = field(default_factory=lambda: {q: [] for q in SwotEntry.Quadrant.values})
    strategies: dict[str, list[Strategy]] = field(default_factory=lambda: {k: [] for k in Strategy.Kind.values})
    goals: list[Goal] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    quick_wins: list[QuickWin] = field(default_factory=list)
    # summary part: aggregates, so a summary never loads every entry
    program_count: int = 0
    budget_total: Decimal = Decimal(0)
    budget_by_horizon: dict[str, Decimal] = field(default_factory=dict)
    swot_count: int = 0
    strategy_count: int = 0
    top_programs: list[Program] = field(default_factory=list)

    @property
    def programs_budget(self) -> Decimal:
        """The sum of the budgets of the programs listed (the action plan's total)."""
        return sum((p.budget or Decimal(0) for p in self.programs), Decimal(0))

    @property
    def program_groups(self) -> list[tuple[str, list[Program], Decimal]]:
        """(horizon label, programs, the sum of their budgets) for the horizons that have programs."""
        return [
            (label, items, sum((p.budget or Decimal(0) for p in items), Decimal(0)))
            for label, items in self.programs_by_horizon
        ]

    @property
    def programs_by_horizon(self) -> list[tuple[str, list[Program]]]:
        groups = []
        for value, label in Horizon.choices:
            items = [p for p in self.programs if p.horizon == value]
            if items:
                groups.append((label, items))
        return groups

    @property
    def strategy_groups(self) -> list[tuple[str, str, list[Strategy]]]:
        return [(kind, label, self.strategies[kind]) for kind, label in Strategy.Kind.choices if self.strategies[kind]]

    @property
    def goal_indicator_groups(self) -> list[tuple[str, list[Indicator]]]:
        """(label, indicators) per goal, for one indicator table per dimension."""
        return [(f"Sasaran {n}: {g.statement}", list(g.indicators.all())) for n, g in enumerate(self.goals, start=1)]

    @property
    def program_indicator_groups(self) -> list[tuple[str, list[Indicator]]]:
        groups = [(p.name, list(p.indicators.all())) for p in self.programs]
        return [(label, items) for label, items in groups if items]

    @property
    def has_swot(self) -> bool:
        return any(self.swot.values())

    @property
    def has_strategies(self) -> bool:
        return any(self.strategies.values())

    @property
    def agencies(self) -> list[Agency]:
        seen = {}
        for s in self.sections:
            seen.setdefault(s.agency_id, s.agency)
        return list(seen.values())


@dataclass
class BudgetRow:
    label: str
    amounts: list[Decimal]
    total: Decimal
    note: bool = False  # what old data leaves unassigned (to a year, a source): printed apart
    programs: int | None = None  # the funding table's count of programs (not a part of the sum)


@dataclass
class BudgetTable:
    """A budget table whose parts add up to the rupiah: each row's total is the sum of its amounts,
    each column's total the sum of its rows (all computed here, from the same numbers)."""

    columns: list[str]
    rows: list[BudgetRow]

    @property
    def column_totals(self) -> list[Decimal]:
        return [sum((r.amounts[i] for r in self.rows), Decimal(0)) for i in range(len(self.columns))]

    @property
    def total(self) -> Decimal:
        return sum((r.total for r in self.rows), Decimal(0))


def _budget_row(label: str, amounts: list[Decimal], note: bool = False) -> BudgetRow:
    return BudgetRow(label, amounts, sum(amounts, Decimal(0)), note)


@dataclass
class BookData:
    masterplan: Masterplan
    region: Region
    dimensions: list[DimensionData]
    agencies: list[Agency]
    funding_sources: list[FundingSource]
    narratives: dict[str, NarrativeText]
    sections: list[Section]
    is_draft: bool
    parts: frozenset[str]
    quick_wins: list[QuickWin] = field(default_factory=list)
    # [(FundingSource, amount, program count)] from the programs' funding splits
    budget_by_source: list[tuple[FundingSource, Decimal, int]] = field(default_factory=list)
    # {(horizon, year): the yearly amounts of the road maps}
    budget_by_horizon_year: dict[tuple[str, int], Decimal] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return self.masterplan.years

    @property
    def programs(self) -> list[Program]:
        return [p for d in self.dimensions for p in d.programs]

    @property
    def program_count(self) -> int:
        return sum(d.program_count for d in self.dimensions)

    @property
    def budget_total(self) -> Decimal:
        return sum((d.budget_total for d in self.dimensions), Decimal(0))

    # Budget summary: every table adds up to the same total, the sum of the programs' budgets (each
    # the sum of its yearly amounts). What old data leaves unassigned to a year or a source is a
    # row of its own, so no table silently differs from another.

    @property
    def budget_by_year(self) -> BudgetTable:
        """Years of the period by horizon (each column a horizon's programs, by road map year)."""
        horizons = Horizon.values
        rows = [
            _budget_row(str(y), [self.budget_by_horizon_year.get((h, y), Decimal(0)) for h in horizons])
            for y in self.years
        ]
        horizon_totals = [
            sum((d.budget_by_horizon.get(h, Decimal(0)) for d in self.dimensions), Decimal(0)) for h in horizons
        ]
        rest = [t - sum((r.amounts[i] for r in rows), Decimal(0)) for i, t in enumerate(horizon_totals)]
        if any(rest):
            rows.append(_budget_row(_("Belum dirinci per tahun"), rest, note=True))
        return BudgetTable([_horizon_short(h) for h in horizons], rows)

    @property
    def budget_by_dimension(self) -> BudgetTable:
        horizons = Horizon.values
        rows = [
            _budget_row(d.dimension.name, [d.budget_by_horizon.get(h, Decimal(0)) for h in horizons])
            for d in self.dimensions
        ]
        return BudgetTable([_horizon_short(h) for h in horizons], rows)

    @property
    def budget_by_funding(self) -> BudgetTable:
        """Funding sources by their share of the splits, with the count of programs (not summed)."""
        rows = [BudgetRow(fs.name, [amount], amount, programs=n) for fs, amount, n in self.budget_by_source]
        rest = self.budget_total - sum((r.total for r in rows), Decimal(0))
        if rest:
            rows.append(_budget_row(_("Belum dirinci menurut sumber dana"), [rest], note=True))
        return BudgetTable([_("Perkiraan anggaran")], rows)

    @property
    def readiness_by_component(self) -> list[tuple[str, list[tuple[str, list[tuple[Dimension, ReadinessItem]]]]]]:
        """Per component, its sub-components in the framework's order, each with its items (in
        dimension order): one table per component, a group row per sub-component."""
        groups = []
        for component, label in ReadinessComponent.choices:
            subgroups = []
            for sub in SUBCOMPONENTS[component]:
                items = [(d.dimension, r) for d in self.dimensions for r in d.readiness if r.subcomponent == sub]
                subgroups.append((sub.label, items))
            groups.append((label, subgroups if any(items for _sub, items in subgroups) else []))
        return groups


def book_parts(chapters: Iterable[ChapterDefinition]) -> frozenset[str]:
    """The data parts these chapter definitions (of one book) need."""
    parts = set()
    for chapter in chapters:
        parts |= KIND_PARTS.get(chapter.kind, ALL_PARTS)
    return frozenset(parts)


def _section_prefetches(parts: frozenset[str]) -> list[Prefetch]:
    targets = Prefetch("indicators", queryset=Indicator.objects.prefetch_related("targets"))
    prefetches = []
    if READINESS in parts:
        prefetches.append(
            Prefetch("readinessitems", queryset=ReadinessItem.objects.order_by("component", "subcomponent", "pk"))
        )
    if GAPS in parts:
        prefetches.append(
            Prefetch("gapitems", queryset=GapItem.objects.select_related("element").order_by("element__order", "pk"))
        )
    if SWOT in parts:
        prefetches.append(
            Prefetch("swotentrys", queryset=SwotEntry.objects.order_by(SwotEntry.quadrant_order(), "priority", "pk"))
        )
    if STRATEGIES in parts:
        prefetches.append(
            Prefetch(
                "strategys",
                queryset=Strategy.objects.prefetch_related("swot_entries").order_by(Strategy.kind_order(), "pk"),
            )
        )
    if GOALS in parts:
        prefetches.append(Prefetch("goals", queryset=Goal.objects.prefetch_related(targets).order_by("pk")))
    if PROGRAMS in parts:
        funding = Prefetch("funding", queryset=ProgramFunding.objects.select_related("funding_source"))
        programs = (
            Program.objects.select_related("element", "lead_agency")
            .prefetch_related("partner_agencies", funding, targets, "roadmap")
            .order_by("element__order", "start_year", "name", "pk")
        )
        prefetches.append(Prefetch("programs", queryset=programs))
    return prefetches


def _horizon_short(value: str) -> str:
    return {Horizon.SHORT: _("Jangka pendek"), Horizon.MEDIUM: _("Jangka menengah"), Horizon.LONG: _("Jangka panjang")}[
        value
    ]


def _summary(
    masterplan: Masterplan, by_dim: dict[int, DimensionData]
) -> tuple[list[FundingSource], list[tuple[FundingSource, Decimal, int]], dict[tuple[str, int], Decimal]]:
    """Counts and budgets per dimension and horizon, budget per year and horizon (the road maps'
    yearly amounts) and per funding source (the splits), the largest programs: grouped queries,
    whatever the number of entries."""
    in_plan = {"section__masterplan": masterplan}
    for row in (
        Program.objects.filter(**in_plan)
        .values("section__dimension", "horizon")
        .annotate(n=Count("pk"), budget=Sum("budget"))
        .order_by()
    ):
        dd = by_dim[row["section__dimension"]]
        dd.program_count += row["n"]
        dd.budget_total += row["budget"] or Decimal(0)
        dd.budget_by_horizon[row["horizon"]] = row["budget"] or Decimal(0)
    for model, attr in ((SwotEntry, "swot_count"), (Strategy, "strategy_count")):
        for row in model.objects.filter(**in_plan).values("section__dimension").annotate(n=Count("pk")).order_by():
            setattr(by_dim[row["section__dimension"]], attr, row["n"])
    top = (
        Program.objects.filter(**in_plan)
        .annotate(
            dimension_id=F("section__dimension_id"),
            rank=Window(
                RowNumber(),
                partition_by=F("section__dimension_id"),
                order_by=[F("budget").desc(nulls_last=True), F("name").asc(), F("pk").asc()],
            ),
        )
        .filter(rank__lte=TOP_PROGRAMS)
        .order_by("dimension_id", "rank")
    )
    for p in top:
        by_dim[p.dimension_id].top_programs.append(p)
    split = Q(program_funding__program__section__masterplan=masterplan)
    sources = list(
        FundingSource.objects.annotate(
            amount=Sum("program_funding__amount", filter=split), n=Count("program_funding", filter=split)
        ).order_by("order", "pk")
    )
    by_source = [(fs, fs.amount or Decimal(0), fs.n) for fs in sources if fs.n]
    yearly = (
        RoadmapEntry.objects.filter(program__section__masterplan=masterplan, amount__isnull=False)
        .values("program__horizon", "year")
        .annotate(amount=Sum("amount"))
        .order_by()
    )
    by_year = {(r["program__horizon"], r["year"]): r["amount"] for r in yearly}
    return sources, by_source, by_year


def book_data_collect(masterplan: Masterplan, parts: Iterable[str] = ALL_PARTS) -> BookData:
    """What the books need of one masterplan, grouped per dimension, in a fixed number of queries
    whatever the number of sections, entries and programs (29 with every part)."""
    parts = frozenset(parts)
    masterplan = Masterplan.objects.select_related("region").get(pk=masterplan.pk)
    sections = list(
        Section.objects.filter(masterplan=masterplan)
        .select_related("agency", "dimension")
        .prefetch_related(*_section_prefetches(parts))
        .order_by("dimension__order", "agency__name", "pk")
    )
    dims = list(
        Dimension.objects.prefetch_related(Prefetch("elements", queryset=Element.objects.order_by("order", "code")))
    )
    by_dim = {d.pk: DimensionData(dimension=d, elements=list(d.elements.all())) for d in dims}
    for s in sections:
        dd = by_dim[s.dimension_id]
        dd.sections.append(s)
        if READINESS in parts:
            dd.readiness.extend(s.readinessitems.all())
        if GAPS in parts:
            dd.gaps.extend(s.gapitems.all())
        if SWOT in parts:
            for e in s.swotentrys.all():
                dd.swot[e.quadrant].append(e)
        if STRATEGIES in parts:
            for st in s.strategys.all():
                dd.strategies[st.kind].append(st)
        if GOALS in parts:
            dd.goals.extend(s.goals.all())
        if PROGRAMS in parts:
            dd.programs.extend(s.programs.all())
    years = masterplan.years
    for dd in by_dim.values():
        # Several agencies write in one dimension: order their merged entries stably.
        dd.swot = {q: sorted(v, key=lambda e: (e.priority, e.pk)) for q, v in dd.swot.items()}
        dd.gaps.sort(key=lambda g: (g.element.order if g.element else 999, g.pk))
        dd.programs.sort(key=lambda p: (p.element.order, p.start_year, p.name, p.pk))
        indicators = [i for g in dd.goals for i in g.indicators.all()] + [
            i for p in dd.programs for i in p.indicators.all()
        ]
        for ind in indicators:
            values = {t.year: t.value for t in ind.targets.all()}
            ind.by_year = [values.get(y) for y in years]
    funding_sources, budget_by_source, budget_by_horizon_year = [], [], {}
    if SUMMARY in parts:
        funding_sources, budget_by_source, budget_by_horizon_year = _summary(masterplan, by_dim)
    quick_wins = []
    if QUICK_WINS in parts:
        quick_wins = (
            QuickWin.objects.filter(program__section__masterplan=masterplan)
            .select_related(
                "funding_source",
                "program__element",
                "program__lead_agency",
                "program__section__dimension",
                "program__section__agency",
            )
            .order_by("program__section__dimension__order", "name", "pk")
        )
        if QUICK_WIN_INDICATORS in parts:
            quick_wins = quick_wins.prefetch_related(
                Prefetch(
                    "program__indicators",
                    queryset=Indicator.objects.prefetch_related("targets").order_by("pk"),
                )
            )
        quick_wins = list(quick_wins)
        for qw in quick_wins:
            by_dim[qw.program.section.dimension_id].quick_wins.append(qw)
        # Buku 4 profiles the chosen quick wins; before any is chosen it shows the candidates.
        quick_wins = [q for q in quick_wins if q.status == QuickWin.Status.CHOSEN] or quick_wins
    narratives = {}
    for n in NarrativeText.objects.filter(masterplan=masterplan):
        n.html = narrative_html_clean(n.html)  # sanitised on save; again here, whatever wrote it
        narratives[n.key] = n
    return BookData(
        masterplan=masterplan,
        region=masterplan.region,
        dimensions=[by_dim[d.pk] for d in dims],
        agencies=list(Agency.objects.filter(region_id=masterplan.region_id).order_by("name")),
        funding_sources=funding_sources,
        narratives=narratives,
        sections=sections,
        is_draft=not sections or any(s.state != Section.State.APPROVED for s in sections),
        parts=parts,
        quick_wins=quick_wins,
        budget_by_source=budget_by_source,
        budget_by_horizon_year=budget_by_horizon_year,
    )


def region_cover_logos(region: Region) -> list[CoverLogo]:
    """The marks a region's book covers carry, in their order (one query)."""
    return list(CoverLogo.objects.filter(region=region).order_by("order", "pk"))


def chapter_references(book: BookDefinition, kinds: Iterable[str]) -> dict[str, str]:
    """Where another active book prints a chapter of each kind: kind -> "Buku 1 Analisis
    Strategis, BAB VI Visi, Misi, Sasaran dan Strategi" (the first such book in the set's order),
    so a book can refer to it instead of reprinting it. One query."""
    kinds = set(kinds)
    if not kinds:
        return {}
    found: dict[str, str] = {}
    chapters = (
        ChapterDefinition.objects.filter(book__active=True)
        .exclude(book=book)
        .select_related("book")
        .order_by("book__order", "book__number", "-front_matter", "order", "pk")
    )
    numbers: dict[int, int] = {}
    for chapter in chapters:
        if chapter.front_matter:
            continue
        numbers[chapter.book_id] = numbers.get(chapter.book_id, 0) + 1
        if chapter.kind in kinds and chapter.kind not in found:
            found[chapter.kind] = f"{chapter.book.label}, BAB {roman(numbers[chapter.book_id])} {chapter.title}"
    return found
