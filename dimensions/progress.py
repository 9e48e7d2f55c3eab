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

from dimensions.kinds import KINDS
from masterplan.models import Agency

from .models import (
    Dimension,
    Section,
)

# (annotation name, kind) of what is counted per section
COUNTS = [(f"n_{kind.code}", kind) for kind in KINDS.values() if kind.counted]


def count_of(model, path):
    """A subquery counting ``model`` rows whose ``path`` is the outer section."""
    sub = model.objects.filter(**{path: OuterRef("pk")}).order_by().values(path).annotate(c=Count("pk")).values("c")
    return Coalesce(Subquery(sub, output_field=IntegerField()), Value(0))


def sections_with_counts(masterplan):
    qs = Section.objects.filter(masterplan=masterplan).select_related("agency", "dimension")
    return qs.annotate(**{name: count_of(kind.model, kind.count_path) for name, kind in COUNTS})


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


def _missing_for(column, groups):
    """What a dimension still lacks, as sentences, from its totals and the lists filled per kind
    that needs every list (the SWOT quadrants)."""
    if not column.sections:
        return [_("Belum ditugaskan ke perangkat daerah mana pun.")]
    missing = []
    for name, kind in COUNTS:
        if kind.every_group:
            for value, label in kind.model._meta.get_field(kind.group_field).choices:
                if value not in groups[kind.code]:
                    missing.append(_("%(kind)s: %(group)s belum ada") % {"kind": kind.short_label, "group": label})
        elif not column.totals.get(name):
            missing.append(str(kind.missing))
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
    groups = defaultdict(lambda: defaultdict(set))  # dimension id -> kind code -> lists with entries
    for _name, kind in COUNTS:
        if kind.every_group:
            rows = (
                kind.model.objects.filter(section__masterplan=masterplan)
                .values_list("section__dimension_id", kind.group_field)
                .distinct()
                .order_by()
            )
            for dimension_id, value in rows:
                groups[dimension_id][kind.code].add(value)

    columns = {d.pk: DimensionColumn(dimension=d) for d in dimensions}
    cells = {}
    for s in sections:
        counts = [(kind.short_label, getattr(s, name)) for name, kind in COUNTS]
        cells[(s.agency_id, s.dimension_id)] = Cell(section=s, counts=counts)
        column = columns[s.dimension_id]
        column.sections += 1
        column.states[s.state] = column.states.get(s.state, 0) + 1
        for name, _kind in COUNTS:
            column.totals[name] = column.totals.get(name, 0) + getattr(s, name)
    for column in columns.values():
        column.missing = _missing_for(column, groups[column.dimension.pk])
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
