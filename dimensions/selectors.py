"""Reads of what agencies entered, for the dimension pages and the section workspace.

Callers pass a masterplan (or section) already resolved through masterplan.access. Every function
here runs a fixed number of queries whatever the number of entries (prefetch with Prefetch
objects, group in Python), so the pages stay fast in a hall of thirty agencies.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from dimensions.kinds import KINDS
from dimensions.models import (
    SUBCOMPONENTS,
    Dimension,
    GapItem,
    Goal,
    Horizon,
    Indicator,
    IndicatorTarget,
    Program,
    QuickWin,
    ReadinessComponent,
    ReadinessItem,
    Section,
    Strategy,
    SwotEntry,
)

COUNTED = (
    ("readiness", ReadinessItem, "section"),
    ("gap", GapItem, "section"),
    ("swot", SwotEntry, "section"),
    ("strategy", Strategy, "section"),
    ("goal", Goal, "section"),
    ("program", Program, "section"),
    ("quickwin", QuickWin, "program__section"),
)


def sections_of(masterplan, **filters):
    """Sections of a masterplan with what access checks and pages need, in one query."""
    if masterplan is None:
        return []
    return list(
        Section.objects.filter(masterplan=masterplan, **filters)
        .select_related("masterplan__region", "agency", "dimension")
        .order_by("dimension__order", "agency__name")
    )


def entry_counts(sections):
    """{section_id: {kind: n}} for the given sections (one query per kind)."""
    ids = [s.pk for s in sections]
    counts = {pk: {code: 0 for code, _m, _p in COUNTED} for pk in ids}
    if not ids:
        return counts
    for code, model, path in COUNTED:
        rows = model.objects.filter(**{f"{path}__in": ids}).values(path).annotate(n=Count("pk"))
        for row in rows:
            counts[row[path]][code] = row["n"]
    return counts


@dataclass
class DimensionCard:
    dimension: Dimension
    sections: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # kind -> total over the sections

    @property
    def total(self):
        return sum(self.counts.values())


def dimension_overview(masterplan):
    """The six dimensions with their elements, the agencies assigned and counts of entries."""
    dimensions = list(Dimension.objects.prefetch_related("elements"))
    sections = sections_of(masterplan)
    counts = entry_counts(sections)
    cards = {d.pk: DimensionCard(d, counts={code: 0 for code, _m, _p in COUNTED}) for d in dimensions}
    for s in sections:
        card = cards[s.dimension_id]
        s.counts = counts[s.pk]
        s.total = sum(s.counts.values())
        card.sections.append(s)
        for code, n in s.counts.items():
            card.counts[code] += n
    return [cards[d.pk] for d in dimensions]


@dataclass
class Flow:
    """Everything entered for one dimension (or one section), grouped in analysis-flow order."""

    sections: list
    readiness: list  # [{"code", "label", "subs": [{"code", "label", "items"}]}]
    gaps: list
    swot: list  # [{"code", "label", "items"}] in S, W, O, T order
    strategies: list  # [{"code", "label", "items"}] SO, WO, ST, WT
    goals: list
    programs: list  # [{"code", "label", "items"}] short, medium, long
    quickwins: list

    @property
    def count(self):
        return (
            sum(len(s["items"]) for c in self.readiness for s in c["subs"])
            + len(self.gaps)
            + sum(len(q["items"]) for q in self.swot)
            + sum(len(k["items"]) for k in self.strategies)
            + len(self.goals)
            + sum(len(h["items"]) for h in self.programs)
            + len(self.quickwins)
        )


def _indicators_prefetch():
    return Prefetch(
        "indicators",
        queryset=Indicator.objects.prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year"))
        ).order_by("pk"),
    )


def entry_queryset(kind_code):
    """The queryset of one kind of entry with everything its row shows (used for the whole flow
    and for one re-rendered row alike)."""
    agency = "section__agency"
    if kind_code == "readiness":
        return ReadinessItem.objects.select_related(agency)
    if kind_code == "gap":
        return GapItem.objects.select_related(agency, "element")
    if kind_code == "swot":
        return SwotEntry.objects.select_related(agency)
    if kind_code == "strategy":
        return Strategy.objects.select_related(agency).prefetch_related(
            Prefetch("swot_entries", queryset=SwotEntry.objects.select_related(agency).order_by("quadrant", "pk"))
        )
    if kind_code == "goal":
        return Goal.objects.select_related(agency).prefetch_related(_indicators_prefetch())
    if kind_code == "indicator":
        return Indicator.objects.select_related("goal__section__agency", "program__section__agency").prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year"))
        )
    if kind_code == "program":
        return Program.objects.select_related(agency, "element", "lead_agency", "quick_win").prefetch_related(
            Prefetch("partner_agencies"),
            Prefetch("funding_sources"),
            Prefetch("strategies", queryset=Strategy.objects.order_by("kind", "pk")),
            Prefetch("roadmap"),
            _indicators_prefetch(),
        )
    if kind_code == "quickwin":
        return QuickWin.objects.select_related(
            "program__section__agency", "program__lead_agency", "program__element", "funding_source"
        )
    raise ValueError(kind_code)


def decorate(entries, kind_code, editable_ids):
    """Give each entry what its row needs: kind, section id, and whether this user may edit it."""
    kind = KINDS[kind_code]
    for e in entries:
        e.entry_kind = kind_code  # not "kind": Strategy has a field of that name
        e.section_pk = kind.section_id_of(e)
        e.editable = e.section_pk in editable_ids
        e.group = kind.group_of(e)
        e.dom_id = f"entry-{kind_code}-{e.pk}"
        if kind_code in ("goal", "program"):
            e.indicator_group = f"{kind_code}-{e.pk}"
            decorate(e.indicators.all(), "indicator", editable_ids)
    return entries


def _groups(choices, items, key):
    by = {}
    for e in items:
        by.setdefault(key(e), []).append(e)
    return [{"code": str(code), "label": label, "items": by.get(str(code), [])} for code, label in choices]


def flow_for(sections, editable_ids=frozenset()):
    """The analysis flow of the given sections (all of one dimension, or one section)."""
    ids = [s.pk for s in sections]
    section = {"section__in": ids}

    readiness = decorate(list(entry_queryset("readiness").filter(**section).order_by("pk")), "readiness", editable_ids)
    by_sub = {}
    for e in readiness:
        by_sub.setdefault(e.subcomponent, []).append(e)
    readiness_groups = [
        {
            "code": str(comp),
            "label": comp.label,
            "subs": [{"code": str(sub), "label": sub.label, "items": by_sub.get(str(sub), [])} for sub in subs],
        }
        for comp, subs in ((ReadinessComponent(c), s) for c, s in SUBCOMPONENTS.items())
    ]

    gaps = decorate(list(entry_queryset("gap").filter(**section).order_by("element__order", "pk")), "gap", editable_ids)
    swot = decorate(list(entry_queryset("swot").filter(**section)), "swot", editable_ids)
    strategies = decorate(list(entry_queryset("strategy").filter(**section)), "strategy", editable_ids)
    for s in strategies:
        decorate(s.swot_entries.all(), "swot", editable_ids)
    goals = decorate(list(entry_queryset("goal").filter(**section)), "goal", editable_ids)
    programs = decorate(
        list(entry_queryset("program").filter(**section).order_by("element__order", "start_year", "name")),
        "program",
        editable_ids,
    )
    quickwins = decorate(
        list(entry_queryset("quickwin").filter(program__section__in=ids).order_by("program__start_year", "name")),
        "quickwin",
        editable_ids,
    )
    return Flow(
        sections=list(sections),
        readiness=readiness_groups,
        gaps=gaps,
        swot=_groups(SwotEntry.Quadrant.choices, swot, lambda e: e.quadrant),
        strategies=_groups(Strategy.Kind.choices, strategies, lambda e: e.kind),
        goals=goals,
        programs=_groups(Horizon.choices, programs, lambda e: e.horizon),
        quickwins=quickwins,
    )


def entry_for_row(kind_code, pk, editable_ids):
    """One entry, loaded and decorated as its row on the page shows it."""
    entry = entry_queryset(kind_code).get(pk=pk)
    decorate([entry], kind_code, editable_ids)
    if kind_code == "strategy":
        decorate(entry.swot_entries.all(), "swot", editable_ids)
    return entry
