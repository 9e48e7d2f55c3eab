"""Helpers of the bimtek tests: filling a region so a stage's checklist is complete."""

import pytest

from dimensions.models import Dimension, Section
from tests import factories as f

QUADRANTS = ["S", "W", "O", "T"]
COMPONENTS = [("struktur", "alam"), ("infrastruktur", "tik"), ("suprastruktur", "kebijakan")]


def section_for(rw, dimension):
    """The region's section of a dimension, created for Bappeda when none exists."""
    section = Section.objects.filter(masterplan=rw.masterplan, dimension=dimension).first()
    return section or f.SectionFactory(masterplan=rw.masterplan, agency=rw.bappeda, dimension=dimension)


def complete_stage_one(rw):
    """Readiness in the three components and SWOT in all four quadrants of every dimension."""
    for component, sub in COMPONENTS:
        f.ReadinessItemFactory(section=rw.env_section, component=component, subcomponent=sub)
    for dim in Dimension.objects.all():
        section = section_for(rw, dim)
        for q in QUADRANTS:
            if not section.swotentrys.filter(quadrant=q).exists():
                f.SwotEntryFactory(section=section, quadrant=q)


@pytest.fixture
def stage_one_complete(world):
    complete_stage_one(world.garut)
    return world
