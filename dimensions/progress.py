"""The progress matrix of a masterplan: agencies (rows) by the six dimensions (columns).

Each cell is the agency's section of that dimension, with its review state and the counts of its
entries; a cell is empty when the dimension is not assigned to the agency. Per dimension, what is
still missing. A fixed number of queries whatever the number of agencies or entries: counts come
from correlated subqueries (one per entry kind) instead of joins, which would multiply rows.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from masterplan.models import Agency

from .models import (
    Dimension,
    GapItem,
    Goal,
    Program,
    QuickWin,
    ReadinessItem,
    Section,
    Strategy,
    SwotEntry,
)

# (annotation name, model, path from the model to its section, label)
COUNTS = [
    ("n_readiness", ReadinessItem, "section", _l("Kesiapan")),
    ("n_gap", GapItem, "section", _l("Kesenjangan")),
    ("n_swot", SwotEntry, "section", _l("SWOT")),
    ("n_strategy", Strategy, "section", _l("Strategi")),
    ("n_goal", Goal, "section", _l("Sasaran")),
    ("n_program", Program, "section", _l("Program")),
    ("n_quickwin", QuickWin, "program__section", _l("Quick win")),
]


def count_of(model, path):
    """A subquery counting ``model`` rows whose ``path`` is the outer section."""
    sub = model.objects.filter(**{path: OuterRef("pk")}).order_by().values(path).annotate(c=Count("pk")).values("c")
    return Coalesce(Subquery(sub, output_field=IntegerField()), Value(0))


def sections_with_counts(masterplan):
    qs = Section.objects.filter(masterplan=masterplan).select_related("agency", "dimension")
    return qs.annotate(**{name: count_of(model, path) for name, model, path, _label in COUNTS})


@dataclass
class Cell:
    section: Section
    counts: list  # [(label, n)]

    @property
    def state(self):
        return self.section.state


@dataclass
class DimensionColumn:
    dimension: Dimension
    sections: int = 0
    states: dict = field(default_factory=dict)  # state value -> count
    missing: list = field(default_factory=list)  # human sentences
    totals: dict = field(default_factory=dict)


def _missing_for(column, quadrants):
    """What a dimension still lacks, as sentences, from its totals and SWOT quadrants."""
    if not column.sections:
        return [_("Belum ditugaskan ke perangkat daerah mana pun.")]
    t = column.totals
    missing = []
    if not t.get("n_readiness"):
        missing.append(_("Belum ada butir kesiapan"))
    if not t.get("n_gap"):
        missing.append(_("Belum ada butir kesenjangan"))
    for quadrant in SwotEntry.Quadrant:
        if quadrant.value not in quadrants:
            missing.append(_("SWOT: %(q)s belum ada") % {"q": quadrant.label})
    if not t.get("n_strategy"):
        missing.append(_("Belum ada strategi"))
    if not t.get("n_goal"):
        missing.append(_("Belum ada sasaran"))
    if not t.get("n_program"):
        missing.append(_("Belum ada program"))
    if not t.get("n_quickwin"):
        missing.append(_("Belum ada quick win"))
    not_approved = column.sections - column.states.get(Section.State.APPROVED, 0)
    if not_approved:
        missing.append(_("%(n)d dari %(t)d bagian belum disetujui") % {"n": not_approved, "t": column.sections})
    return missing


def progress_matrix(masterplan):
    """Rows of agencies with one cell per dimension, the dimension columns with what is missing.

    Four queries: dimensions, agencies, sections with counts, SWOT quadrants per dimension."""
    dimensions = list(Dimension.objects.order_by("order", "code"))
    agencies = list(Agency.objects.filter(region_id=masterplan.region_id).order_by("name"))
    sections = list(sections_with_counts(masterplan))
    quadrants = defaultdict(set)
    for row in (
        SwotEntry.objects.filter(section__masterplan=masterplan)
        .values("section__dimension_id", "quadrant")
        .distinct()
        .order_by()
    ):
        quadrants[row["section__dimension_id"]].add(row["quadrant"])

    columns = {d.pk: DimensionColumn(dimension=d) for d in dimensions}
    cells = {}
    for s in sections:
        counts = [(label, getattr(s, name)) for name, _model, _path, label in COUNTS]
        cells[(s.agency_id, s.dimension_id)] = Cell(section=s, counts=counts)
        column = columns[s.dimension_id]
        column.sections += 1
        column.states[s.state] = column.states.get(s.state, 0) + 1
        for name, _model, _path, _label in COUNTS:
            column.totals[name] = column.totals.get(name, 0) + getattr(s, name)
    for column in columns.values():
        column.missing = _missing_for(column, quadrants[column.dimension.pk])
        column.state_summary = [
            (label, column.states[value]) for value, label in Section.State.choices if column.states.get(value)
        ]

    rows = []
    for agency in agencies:
        row_cells = [cells.get((agency.pk, d.pk)) for d in dimensions]
        rows.append({"agency": agency, "cells": row_cells, "assigned": sum(1 for c in row_cells if c)})
    state_totals = defaultdict(int)
    for s in sections:
        state_totals[s.state] += 1
    return {
        "dimensions": dimensions,
        "columns": [columns[d.pk] for d in dimensions],
        "rows": rows,
        "section_count": len(sections),
        "state_totals": [(label, state_totals.get(value, 0)) for value, label in Section.State.choices],
    }
