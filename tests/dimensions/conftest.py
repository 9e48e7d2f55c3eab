"""Helpers of the dimension page tests: URLs of the world's objects and a content builder."""

import pytest
from django.urls import reverse

from tests import factories as f

HX = {"HTTP_HX_REQUEST": "true"}


def entry_url(name, region, section, kind, pk=None, query=""):
    args = [region.slug, section.pk, kind] + ([pk] if pk is not None else [])
    return reverse(name, args=args) + query


def workspace(region, section):
    return reverse("section_workspace", args=[region.slug, section.pk])


def fill(section, n, prefix="Isi"):
    """n entries of every kind in a section, each program with an indicator, targets and road map
    years, a strategy from two SWOT entries, a goal with an indicator, one quick win in five."""
    from dimensions.models import FundingSource

    funding = list(FundingSource.objects.all()[:2])
    for i in range(n):
        f.ReadinessItemFactory(section=section, description=f"{prefix} kesiapan {i}")
        f.GapItemFactory(section=section, gap=f"{prefix} kesenjangan {i}")
        s = f.SwotEntryFactory(section=section, quadrant="S", statement=f"{prefix} kekuatan {i}")
        o = f.SwotEntryFactory(section=section, quadrant="O", statement=f"{prefix} peluang {i}")
        strategy = f.StrategyFactory(section=section, kind="SO", statement=f"{prefix} strategi {i}")
        strategy.swot_entries.set([s, o])
        goal = f.GoalFactory(section=section, statement=f"{prefix} sasaran {i}")
        ind = f.IndicatorFactory(goal=goal, name=f"{prefix} indikator sasaran {i}")
        f.IndicatorTargetFactory(indicator=ind, year=2024, value=10)
        f.IndicatorTargetFactory(indicator=ind, year=2025, value=20)
        program = f.ProgramFactory(section=section, name=f"{prefix} program {i}")
        program.funding_sources.set(funding)
        program.strategies.set([strategy])
        program.partner_agencies.set([section.agency])
        pind = f.IndicatorFactory(goal=None, program=program, name=f"{prefix} indikator program {i}")
        for year in (2024, 2025, 2026):
            f.IndicatorTargetFactory(indicator=pind, year=year, value=year - 2000)
            f.RoadmapEntryFactory(program=program, year=year, activity=f"{prefix} kegiatan {i} {year}")
        if i % 5 == 0:
            f.QuickWinFactory(program=program, name=f"{prefix} quick win {i}")


@pytest.fixture
def garut(world):
    return world.garut


@pytest.fixture
def tegal(world):
    return world.tegal


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item (the browser fixture screenshots failures)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)
