"""The consistency report: each finding detected, and gone once fixed."""

import pytest
from django.urls import reverse

from dimensions.consistency import consistency_report
from dimensions.models import Program, QuickWin
from tests import factories as f


def _findings(mp, key):
    report = consistency_report(mp)
    return next(c for c in report["categories"] if c.key == key).findings


@pytest.fixture
def clean(world):
    """Garut made consistent: the world's program gets an indicator with a target, a strategy
    using the world's SWOT entry, and its budget as a yearly amount and a funding split."""
    g = world.garut
    p = g.program
    ind = f.IndicatorFactory(goal=None, program=p)
    f.IndicatorTargetFactory(indicator=ind, year=2025)
    strategy = f.StrategyFactory(section=g.env_section, kind="SO")
    strategy.swot_entries.add(g.swot)
    p.strategies.add(strategy)
    f.program_budget_parts(p)
    return world


def _apbd():
    from dimensions.models import FundingSource

    return FundingSource.objects.get(code="apbd")


def test_clean_masterplan_has_no_findings(clean):
    assert consistency_report(clean.garut.masterplan)["total"] == 0


def test_program_without_indicator(clean):
    g = clean.garut
    g.program.indicators.all().delete()
    found = _findings(g.masterplan, "program_no_indicator")
    assert [x.section for x in found] == [g.env_section]
    assert g.program.name in found[0].subject
    ind = f.IndicatorFactory(goal=None, program=g.program)
    f.IndicatorTargetFactory(indicator=ind)
    assert _findings(g.masterplan, "program_no_indicator") == []


def test_program_without_lead_agency(clean):
    g = clean.garut
    Program.objects.filter(pk=g.program.pk).update(lead_agency=None)
    assert len(_findings(g.masterplan, "program_no_lead")) == 1
    Program.objects.filter(pk=g.program.pk).update(lead_agency=g.dlh)
    assert _findings(g.masterplan, "program_no_lead") == []


def test_indicator_without_targets(clean):
    g = clean.garut
    goal_ind = f.IndicatorFactory(goal=f.GoalFactory(section=g.gov_section), name="Indeks SPBE")
    found = _findings(g.masterplan, "indicator_no_target")
    assert len(found) == 1 and "Indeks SPBE" in found[0].subject
    assert found[0].section == g.gov_section
    f.IndicatorTargetFactory(indicator=goal_ind, year=2026)
    assert _findings(g.masterplan, "indicator_no_target") == []


def test_strategy_no_program_serves(clean):
    g = clean.garut
    s = f.StrategyFactory(section=g.gov_section, kind="WT", statement="Perkuat SPBE")
    assert ["Perkuat SPBE" in x.subject for x in _findings(g.masterplan, "strategy_unserved")] == [True]
    g.program.strategies.add(s)
    assert _findings(g.masterplan, "strategy_unserved") == []


def test_program_serving_no_strategy(clean):
    g = clean.garut
    g.program.strategies.clear()
    assert len(_findings(g.masterplan, "program_no_strategy")) == 1
    # (its strategy is now unserved too)
    assert len(_findings(g.masterplan, "strategy_unserved")) == 1


def test_swot_entry_no_strategy_uses(clean):
    g = clean.garut
    e = f.SwotEntryFactory(section=g.env_section, quadrant="T", statement="Banjir musiman")
    found = _findings(g.masterplan, "swot_unused")
    assert len(found) == 1 and "Banjir musiman" in found[0].subject and "Ancaman" in found[0].subject
    strategy = f.StrategyFactory(section=g.env_section, kind="ST")
    strategy.swot_entries.add(e)
    g.program.strategies.add(strategy)
    assert _findings(g.masterplan, "swot_unused") == []


def test_quick_win_longer_than_twelve_months(clean):
    g = clean.garut
    program = f.ProgramFactory(section=g.env_section, horizon="medium", start_year=2024, end_year=2025)
    ind = f.IndicatorFactory(goal=None, program=program)
    f.IndicatorTargetFactory(indicator=ind)
    program.strategies.set(g.program.strategies.all())
    f.program_budget_parts(program)
    qw = f.QuickWinFactory(program=program, budget=10_000_000, funding_source=_apbd())
    found = _findings(g.masterplan, "quickwin_too_long")
    assert len(found) == 1 and "2024–2025" in found[0].message
    Program.objects.filter(pk=program.pk).update(horizon="short", end_year=2024)
    assert _findings(g.masterplan, "quickwin_too_long") == []
    assert consistency_report(g.masterplan)["total"] == 0
    assert QuickWin.objects.filter(pk=qw.pk).exists()


def test_years_outside_period(clean):
    g = clean.garut  # period 2024-2033
    p = g.program
    Program.objects.filter(pk=p.pk).update(start_year=2022, end_year=2026)
    f.RoadmapEntryFactory(program=p, year=2021)
    f.RoadmapEntryFactory(program=p, year=2030)  # inside the period, outside the program
    target = f.IndicatorTargetFactory(indicator=p.indicators.get(), year=2040)
    found = _findings(g.masterplan, "year_outside")
    messages = sorted(x.message for x in found)
    assert len(found) == 4, messages
    assert any("2022" in m for m in messages)
    assert any("2040" in m for m in messages)
    assert any("masa program" in m and "2030" in m for m in messages)

    Program.objects.filter(pk=p.pk).update(start_year=2024, end_year=2028)
    p.roadmap.all().delete()
    target.delete()
    assert _findings(g.masterplan, "year_outside") == []


def test_missing_budgets(clean):
    g = clean.garut
    Program.objects.filter(pk=g.program.pk).update(budget=None)
    g.program.funding_sources.clear()
    found = _findings(g.masterplan, "budget_missing")
    assert sorted(x.message for x in found) == ["Perkiraan anggaran belum diisi.", "Sumber dana belum dipilih."]
    Program.objects.filter(pk=g.program.pk).update(budget=1_000_000)
    g.program.funding_sources.add(_apbd())
    assert _findings(g.masterplan, "budget_missing") == []


def test_quick_win_budget_missing(clean):
    g = clean.garut
    program = f.ProgramFactory(section=g.env_section, horizon="short", start_year=2024, end_year=2024)
    f.IndicatorTargetFactory(indicator=f.IndicatorFactory(goal=None, program=program))
    program.strategies.set(g.program.strategies.all())
    program.funding_sources.add(_apbd())
    qw = f.QuickWinFactory(program=program, budget=None, funding_source=None)
    assert len(_findings(g.masterplan, "budget_missing")) == 2
    QuickWin.objects.filter(pk=qw.pk).update(budget=5_000_000, funding_source=_apbd())
    assert _findings(g.masterplan, "budget_missing") == []


def test_other_region_not_reported(clean):
    Program.objects.filter(pk=clean.tegal.program.pk).update(lead_agency=None)
    assert _findings(clean.garut.masterplan, "program_no_lead") == []


def test_page_lists_findings_with_fix_links(clean, login):
    g = clean.garut
    Program.objects.filter(pk=g.program.pk).update(lead_agency=None)
    response = login(g.dewan).get(reverse("consistency_report", args=["garut"]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Program tanpa OPD penanggung jawab" in body
    assert "Perbaiki" in body
    try:
        url = reverse("section_workspace", args=["garut", g.env_section.pk])
    except Exception:
        url = reverse("dimension_index", args=["garut"])
    assert url in body


def test_page_query_count_is_fixed(world, login, django_assert_max_num_queries):
    g = world.garut
    client = login(g.diskominfo)
    url = reverse("consistency_report", args=["garut"])
    client.get(url)
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    for _i in range(10):
        p = f.ProgramFactory(section=g.env_section, lead_agency=None, budget=None, start_year=2020, end_year=2024)
        f.RoadmapEntryFactory(program=p, year=2020)
        f.IndicatorFactory(goal=None, program=p)
        f.QuickWinFactory(
            program=f.ProgramFactory(section=g.gov_section, horizon="short", start_year=2024, end_year=2024)
        )
        f.StrategyFactory(section=g.gov_section)
        f.SwotEntryFactory(section=g.gov_section)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.context["report"]["total"] > 50
