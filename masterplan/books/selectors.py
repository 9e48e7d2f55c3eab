"""Reads for the books: everything a book is built from, in a fixed number of queries whatever the
size of the region (prefetches, then grouping in Python)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from dimensions.models import (
    Dimension,
    Element,
    FundingSource,
    GapItem,
    Goal,
    Horizon,
    Indicator,
    Program,
    QuickWin,
    ReadinessComponent,
    ReadinessItem,
    Section,
    Strategy,
    SwotEntry,
)
from masterplan.models import Agency, Masterplan

from .models import BookDefinition, NarrativeText

QUADRANTS = [("S", "Kekuatan"), ("W", "Kelemahan"), ("O", "Peluang"), ("T", "Ancaman")]


@dataclass
class DimensionData:
    dimension: Dimension
    elements: list
    sections: list = field(default_factory=list)
    readiness: list = field(default_factory=list)
    gaps: list = field(default_factory=list)
    swot: dict = field(default_factory=lambda: {q: [] for q, _label in QUADRANTS})
    strategies: dict = field(default_factory=lambda: {k: [] for k in Strategy.Kind.values})
    goals: list = field(default_factory=list)
    programs: list = field(default_factory=list)
    quick_wins: list = field(default_factory=list)

    @property
    def programs_by_horizon(self):
        groups = []
        for value, label in Horizon.choices:
            items = [p for p in self.programs if p.horizon == value]
            if items:
                groups.append((label, items))
        return groups

    @property
    def strategy_groups(self):
        return [(kind, label, self.strategies[kind]) for kind, label in Strategy.Kind.choices if self.strategies[kind]]

    @property
    def has_swot(self):
        return any(self.swot.values())

    @property
    def swot_count(self):
        return sum(len(v) for v in self.swot.values())

    @property
    def strategy_count(self):
        return sum(len(v) for v in self.strategies.values())

    @property
    def budget_total(self):
        return sum((p.budget or Decimal(0) for p in self.programs), Decimal(0))

    @property
    def top_programs(self):
        """The three programs with the largest budget (for the executive summary)."""
        return sorted(self.programs, key=lambda p: (-(p.budget or 0), p.name))[:3]

    @property
    def agencies(self):
        seen = {}
        for s in self.sections:
            seen.setdefault(s.agency_id, s.agency)
        return list(seen.values())


@dataclass
class BookData:
    masterplan: Masterplan
    region: object
    dimensions: list
    agencies: list
    funding_sources: list
    narratives: dict
    sections: list
    is_draft: bool
    quick_wins: list

    @property
    def years(self):
        return self.masterplan.years

    @property
    def programs(self):
        return [p for d in self.dimensions for p in d.programs]

    @property
    def budget_total(self):
        return sum((d.budget_total for d in self.dimensions), Decimal(0))

    @property
    def budget_by_source(self):
        """Programs' budgets per funding source; a program with several sources counts under each
        (the sources are alternatives or shares the plan does not split)."""
        totals = {fs.pk: [fs, Decimal(0), 0] for fs in self.funding_sources}
        for p in self.programs:
            for fs in p.funding_sources.all():
                row = totals.setdefault(fs.pk, [fs, Decimal(0), 0])
                row[1] += p.budget or Decimal(0)
                row[2] += 1
        return [row for row in totals.values() if row[2]]

    @property
    def readiness_by_component(self):
        groups = []
        for value, label in ReadinessComponent.choices:
            items = [(d.dimension, r) for d in self.dimensions for r in d.readiness if r.component == value]
            groups.append((label, items))
        return groups

    @property
    def sections_approved(self):
        return sum(1 for s in self.sections if s.state == Section.State.APPROVED)


def book_definitions_active():
    """The books to print, in order, each with its chapters (two queries)."""
    return list(BookDefinition.objects.active().prefetch_related("chapters"))


def book_data_collect(masterplan):
    """Everything the books need of one masterplan, grouped per dimension, in a fixed number of
    queries (17) whatever the number of sections, entries and programs."""
    masterplan = Masterplan.objects.select_related("region").get(pk=masterplan.pk)
    targets = Prefetch("indicators", queryset=Indicator.objects.prefetch_related("targets"))
    programs = (
        Program.objects.select_related("element", "lead_agency", "quick_win", "quick_win__funding_source")
        .prefetch_related("partner_agencies", "funding_sources", targets, "roadmap")
        .order_by("element__order", "start_year", "name", "pk")
    )
    sections = list(
        Section.objects.filter(masterplan=masterplan)
        .select_related("agency", "dimension")
        .prefetch_related(
            Prefetch("readinessitems", queryset=ReadinessItem.objects.order_by("component", "subcomponent", "pk")),
            Prefetch("gapitems", queryset=GapItem.objects.select_related("element").order_by("element__order", "pk")),
            Prefetch("swotentrys", queryset=SwotEntry.objects.order_by("quadrant", "priority", "pk")),
            Prefetch("strategys", queryset=Strategy.objects.prefetch_related("swot_entries").order_by("kind", "pk")),
            Prefetch("goals", queryset=Goal.objects.prefetch_related(targets).order_by("pk")),
            Prefetch("programs", queryset=programs),
        )
        .order_by("dimension__order", "agency__name", "pk")
    )
    dims = list(
        Dimension.objects.prefetch_related(Prefetch("elements", queryset=Element.objects.order_by("order", "code")))
    )
    by_dim = {d.pk: DimensionData(dimension=d, elements=list(d.elements.all())) for d in dims}
    for s in sections:
        dd = by_dim[s.dimension_id]
        dd.sections.append(s)
        dd.readiness.extend(s.readinessitems.all())
        dd.gaps.extend(s.gapitems.all())
        for e in s.swotentrys.all():
            dd.swot[e.quadrant].append(e)
        for st in s.strategys.all():
            dd.strategies[st.kind].append(st)
        dd.goals.extend(s.goals.all())
        dd.programs.extend(s.programs.all())
    years = masterplan.years
    quick_wins = []
    for dd in by_dim.values():
        for ind in [i for g in dd.goals for i in g.indicators.all()] + [
            i for p in dd.programs for i in p.indicators.all()
        ]:
            values = {t.year: t.value for t in ind.targets.all()}
            ind.by_year = [values.get(y) for y in years]
        # Several agencies write in one dimension: order their merged entries stably.
        dd.swot = {q: sorted(v, key=lambda e: (e.priority, e.pk)) for q, v in dd.swot.items()}
        dd.gaps.sort(key=lambda g: (g.element.order if g.element else 999, g.pk))
        dd.programs.sort(key=lambda p: (p.element.order, p.start_year, p.name, p.pk))
        for p in dd.programs:
            qw = getattr(p, "quick_win", None)
            if qw is not None:
                dd.quick_wins.append(qw)
        quick_wins.extend(dd.quick_wins)
    # Buku 4 profiles the chosen quick wins; before any is chosen it shows the candidates.
    chosen = [q for q in quick_wins if q.status == QuickWin.Status.CHOSEN]
    narratives = {n.key: n for n in NarrativeText.objects.filter(masterplan=masterplan)}
    return BookData(
        masterplan=masterplan,
        region=masterplan.region,
        dimensions=[by_dim[d.pk] for d in dims],
        agencies=list(Agency.objects.filter(region_id=masterplan.region_id).order_by("name")),
        funding_sources=list(FundingSource.objects.order_by("order", "pk")),
        narratives=narratives,
        sections=sections,
        is_draft=not sections or any(s.state != Section.State.APPROVED for s in sections),
        quick_wins=chosen or quick_wins,
    )
