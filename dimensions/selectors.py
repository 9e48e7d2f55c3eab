"""Reads of what agencies entered, for the dimension pages and the section workspace.

Callers pass a masterplan (or section) already resolved through masterplan.access. Every function
here runs a fixed number of queries whatever the number of entries (prefetch with Prefetch
objects, group in Python), so the pages stay fast in a hall of thirty agencies.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass, field
from typing import TypeVar

from django.db.models import Count, Model, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from dimensions.kinds import KINDS, SECTION_KINDS
from dimensions.models import (
    SUBCOMPONENTS,
    Dimension,
    Horizon,
    IndicatorTarget,
    Program,
    ReadinessComponent,
    RoadmapEntry,
    Section,
    Strategy,
    SwotEntry,
)
from masterplan import pagecache
from masterplan.models import Agency, Masterplan, Region

COUNTED = [k for k in KINDS.values() if k.counted]

# decorate() hands back what it was given: a list, or a related manager's queryset.
_Entries = TypeVar("_Entries", bound=Iterable[Model])


def all_dimensions() -> list[Dimension]:
    """The six dimensions in their order: reference data, from the page cache until a row that
    belongs to no region is written (masterplan.pagecache)."""
    return pagecache.get_or_build_reference("dimensions", lambda: list(Dimension.objects.order_by("order", "code")))


def sections_of(masterplan: Masterplan | None, **filters: object) -> list[Section]:
    """Sections of a masterplan with what access checks and pages need, in one query."""
    if masterplan is None:
        return []
    return list(
        Section.objects.filter(masterplan=masterplan, **filters)
        .select_related("masterplan__region", "agency", "dimension")
        .order_by("dimension__order", "agency__name")
    )


def entry_counts(sections: Iterable[Section]) -> dict[int, dict[str, int]]:
    """{section_id: {kind: n}} for the given sections (one query per kind)."""
    ids = [s.pk for s in sections]
    counts = {pk: {k.code: 0 for k in COUNTED} for pk in ids}
    if not ids:
        return counts
    for kind in COUNTED:
        path = kind.count_path
        rows = kind.model.objects.filter(**{f"{path}__in": ids}).values(path).annotate(n=Count("pk"))
        for row in rows:
            counts[row[path]][kind.code] = row["n"]
    return counts


def section_entry_counts(section_ids: Iterable[int]) -> Counter[int]:
    """Number of entries written directly in each section id (one query per kind, whatever the
    sections); what hangs on them (indicators, quick wins) goes with its parent."""
    counts = Counter()
    section_ids = list(section_ids)
    if not section_ids:
        return counts
    for kind in SECTION_KINDS:
        rows = kind.model.objects.filter(section_id__in=section_ids).values_list("section_id").annotate(n=Count("pk"))
        for section_id, n in rows.order_by():
            counts[section_id] += n
    return counts


def section_has_entries(section: Section) -> bool:
    """Has anything been written in the section? (At most one query per kind, stopping at the first.)"""
    return any(kind.model.objects.filter(section=section).exists() for kind in SECTION_KINDS)


def section_counts_by_region(masterplans: Iterable[Masterplan]) -> dict[int, tuple[int, int]]:
    """{region id: (sections, approved sections)} of the given masterplans (one query)."""
    result = {}
    rows = (
        Section.objects.filter(masterplan__in=[mp.pk for mp in masterplans])
        .values_list("masterplan__region_id", "state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for region_id, state, n in rows:
        total, approved = result.get(region_id, (0, 0))
        result[region_id] = (total + n, approved + (n if state == Section.State.APPROVED else 0))
    return result


def section_state_summary(masterplan: Masterplan | None) -> dict:
    """The sections of a masterplan counted by review state, and the dimensions they cover."""
    by_state = {}
    if masterplan is not None:
        by_state = dict(
            Section.objects.filter(masterplan=masterplan).values_list("state").annotate(n=Count("pk")).order_by()
        )
    return {
        "section_count": sum(by_state.values()),
        "section_states": [
            {"state": state, "label": label, "count": by_state.get(state, 0)} for state, label in Section.State.choices
        ],
        "dimension_count": (
            Section.objects.filter(masterplan=masterplan).values("dimension").distinct().count() if masterplan else 0
        ),
    }


def agencies_with_sections(region: Region, masterplan: Masterplan | None) -> QuerySet[Agency]:
    """The agencies of a region with ``member_count`` and ``current_sections`` (their dimensions
    in the current masterplan). Three queries whatever the number of agencies."""
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


def entries_outside_period(masterplan: Masterplan | None, start: int, end: int) -> list[tuple[str, int]]:
    """What of a masterplan's content would fall outside the period start..end:
    a list of (label, count) with count > 0."""
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


@dataclass
class DimensionCard:
    dimension: Dimension
    sections: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # kind -> total over the sections

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def dimension_overview(masterplan: Masterplan | None) -> list[DimensionCard]:
    """The six dimensions with their elements, the agencies assigned and counts of entries."""
    dimensions = list(Dimension.objects.prefetch_related("elements"))
    sections = sections_of(masterplan)
    counts = entry_counts(sections)
    cards = {d.pk: DimensionCard(d, counts={k.code: 0 for k in COUNTED}) for d in dimensions}
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
    def count(self) -> int:
        return (
            sum(len(s["items"]) for c in self.readiness for s in c["subs"])
            + len(self.gaps)
            + sum(len(q["items"]) for q in self.swot)
            + sum(len(k["items"]) for k in self.strategies)
            + len(self.goals)
            + sum(len(h["items"]) for h in self.programs)
            + len(self.quickwins)
        )


def decorate(entries: _Entries, kind_code: str, editable_ids: Set[int]) -> _Entries:
    """Give each entry what its row needs: kind, section id, list, and whether this user may edit
    it; the same for the rows shown inside it."""
    kind = KINDS[kind_code]
    for e in entries:
        e.entry_kind = kind_code  # not "kind": Strategy has a field of that name
        e.section_pk = kind.section_id_of(e)
        e.editable = e.section_pk in editable_ids
        e.group = kind.group_of(e)
        e.dom_id = kind.dom_id(e.pk)
        for related_name, child_code in kind.nested:
            if kind_code in KINDS[child_code].parents:
                e.indicator_group = f"{kind_code}-{e.pk}"  # the list its children are added to
            decorate(getattr(e, related_name).all(), child_code, editable_ids)
    return entries


def _groups(choices: list[tuple], items: list[Model], key: Callable[[Model], str]) -> list[dict]:
    by = {}
    for e in items:
        by.setdefault(key(e), []).append(e)
    return [{"code": str(code), "label": label, "items": by.get(str(code), [])} for code, label in choices]


def _entries(kind_code: str, section_ids: list[int], editable_ids: Set[int]) -> list[Model]:
    kind = KINDS[kind_code]
    return decorate(list(kind.queryset().filter(kind.of_sections(section_ids))), kind_code, editable_ids)


def flow_for(sections: list[Section], editable_ids: Set[int] = frozenset()) -> Flow:
    """The analysis flow of the given sections (all of one dimension, or one section): every kind
    written in a section, in the order and lists of the page (indicators come inside their goals
    and programs)."""
    ids = [s.pk for s in sections]
    rows = {k.code: _entries(k.code, ids, editable_ids) for k in KINDS.values() if not k.parent_from_group}

    by_sub = {}
    for e in rows["readiness"]:
        by_sub.setdefault(e.subcomponent, []).append(e)
    readiness_groups = [
        {
            "code": str(comp),
            "label": comp.label,
            "subs": [{"code": str(sub), "label": sub.label, "items": by_sub.get(str(sub), [])} for sub in subs],
        }
        for comp, subs in ((ReadinessComponent(c), s) for c, s in SUBCOMPONENTS.items())
    ]
    return Flow(
        sections=list(sections),
        readiness=readiness_groups,
        gaps=rows["gap"],
        swot=_groups(SwotEntry.Quadrant.choices, rows["swot"], lambda e: e.quadrant),
        strategies=_groups(Strategy.Kind.choices, rows["strategy"], lambda e: e.kind),
        goals=rows["goal"],
        programs=_groups(Horizon.choices, rows["program"], lambda e: e.horizon),
        quickwins=rows["quickwin"],
    )


def entry_for_row(kind_code: str, pk: int, editable_ids: Set[int]) -> Model:
    """One entry, loaded and decorated as its row on the page shows it."""
    return decorate([KINDS[kind_code].queryset().get(pk=pk)], kind_code, editable_ids)[0]
