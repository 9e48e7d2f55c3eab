"""dimensions.rules: each rule written once and asked by the database constraint, the model, the
form and the consistency report alike; SWOT quadrants and strategy kinds in their choices' order
wherever they are listed."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from dimensions import rules
from dimensions.consistency import consistency_report
from dimensions.forms import QuickWinForm
from dimensions.models import Program, QuickWin, Strategy, SwotEntry
from masterplan.books.selectors import STRATEGIES, book_data_collect
from tests import factories as f

from .conftest import HX, entry_url, workspace

# Budgets ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("amount,valid", [(None, True), (Decimal(0), True), (Decimal(5), True), (Decimal(-1), False)])
def test_budget_rule(amount, valid):
    assert rules.budget_is_valid(amount) is valid
    if valid:
        rules.validate_budget(amount)
    else:
        with pytest.raises(ValidationError, match="Anggaran tidak boleh negatif"):
            rules.validate_budget(amount)


def test_negative_budget_refused_by_the_model_and_the_database(world):
    program = world.garut.program
    program.budget = Decimal(-1)
    with pytest.raises(ValidationError) as e:
        program.full_clean()
    assert e.value.message_dict["budget"] == ["Anggaran tidak boleh negatif."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Program.objects.filter(pk=program.pk).update(budget=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        f.QuickWinFactory(program=f.ProgramFactory(section=world.garut.env_section), budget=-1)


# Quick wins ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "months,message",
    [
        (None, None),  # the field's own "required"
        (5, "Quick win berjalan paling singkat 6 bulan."),
        (6, None),
        (12, None),
        (13, "Quick win harus selesai dalam 12 bulan."),
    ],
)
def test_quick_win_months_rule(months, message):
    assert rules.quick_win_months_are_valid(months) is (months is not None and message is None)
    if message is None:
        rules.validate_quick_win_months(months)
    else:
        with pytest.raises(ValidationError) as e:
            rules.validate_quick_win_months(months)
        assert e.value.messages == [message]


@pytest.mark.parametrize("months", [5, 13])
def test_quick_win_outside_6_to_12_months_refused_by_the_model_and_the_database(world, months):
    qw = f.QuickWinFactory(program=f.ProgramFactory(section=world.garut.env_section))
    qw.duration_months = months
    with pytest.raises(ValidationError) as e:
        qw.full_clean()
    assert len(e.value.message_dict["duration_months"]) == 1  # the rule's message, not Django's too
    with pytest.raises(IntegrityError), transaction.atomic():
        QuickWin.objects.filter(pk=qw.pk).update(duration_months=months)


def test_quick_win_form_takes_its_bounds_and_help_from_the_rule(world):
    form = QuickWinForm(section=world.garut.env_section)
    html = str(form["duration_months"])
    assert 'min="6"' in html and 'max="12"' in html
    assert form.fields["duration_months"].help_text == "Quick win selesai dalam 6 sampai 12 bulan."


def test_quick_win_shorter_than_6_months_is_refused_at_the_field(world, login):
    g = world.garut
    url = entry_url("entry_create", g.region, g.env_section, "quickwin")
    data = {
        "program": str(g.program.pk),
        "name": "Lapor Sampah",
        "status": "candidate",
        "problem": "p",
        "solution": "s",
        "benefits": "b",
        "duration_months": "5",
        "impact_indicator": "Aduan selesai 3 hari",
    }
    r = login(g.opd).post(url, data, **HX)
    assert r.context["form"].errors["duration_months"] == ["Quick win berjalan paling singkat 6 bulan."]
    assert not QuickWin.objects.exists()


def test_consistency_report_names_the_rule_in_its_title(world):
    report = consistency_report(world.garut.masterplan)
    category = next(c for c in report["categories"] if c.key == "quickwin_too_long")
    assert str(category.title) == "Quick win lebih dari 12 bulan"
    assert str(category.hint) == "Quick win harus selesai dalam 12 bulan."


# Order -----------------------------------------------------------------------------------------


def _swot(section, quadrants="TOWS"):
    return {q: f.SwotEntryFactory(section=section, quadrant=q, statement=f"Butir kuadran {q}") for q in quadrants}


def test_models_list_swot_s_w_o_t_and_strategies_so_wo_st_wt(world):
    section = world.garut.gov_section
    _swot(section)
    for kind in ("WT", "ST", "WO", "SO"):
        f.StrategyFactory(section=section, kind=kind)
    assert [e.quadrant for e in SwotEntry.objects.filter(section=section)] == ["S", "W", "O", "T"]
    assert [s.kind for s in Strategy.objects.filter(section=section)] == ["SO", "WO", "ST", "WT"]
    ordered = SwotEntry.objects.filter(section=section).order_by(SwotEntry.quadrant_order(), "-pk")
    assert [e.quadrant for e in ordered] == ["S", "W", "O", "T"]


def test_a_strategys_sources_read_s_w_o_t_on_the_page_and_in_the_book(world, login):
    g = world.garut
    entries = _swot(g.env_section)
    strategy = f.StrategyFactory(section=g.env_section, kind="SO", statement="Strategi SO")
    strategy.swot_entries.set([entries["O"], entries["S"]])
    html = login(g.opd).get(workspace(g.region, g.env_section)).content.decode()
    row = html.split("Strategi SO", 1)[1]
    assert row.index("Butir kuadran S") < row.index("Butir kuadran O")
    data = book_data_collect(g.masterplan, parts=[STRATEGIES])
    [book_strategy] = [st for d in data.dimensions for _kind, _label, items in d.strategy_groups for st in items]
    assert [e.quadrant for e in book_strategy.swot_entries.all()] == ["S", "O"]


def test_program_form_lists_strategies_so_wo_st_wt(world, login):
    g = world.garut
    for kind in ("WT", "ST", "WO", "SO"):
        f.StrategyFactory(section=g.env_section, kind=kind, statement=f"Strategi jenis {kind}")
    url = f"/r/garut/sections/{g.env_section.pk}/program/new/?group=short"
    html = login(g.opd).get(url, HTTP_HX_REQUEST="true").content.decode()
    positions = [html.index(f"Strategi jenis {k}") for k in ("SO", "WO", "ST", "WT")]
    assert positions == sorted(positions)


def test_consistency_lists_unused_swot_s_w_o_t(world):
    g = world.garut
    g.swot.delete()
    _swot(g.env_section)
    found = next(c for c in consistency_report(g.masterplan)["categories"] if c.key == "swot_unused").findings
    assert [x.subject.split(" ", 1)[0] for x in found] == ["Kekuatan", "Kelemahan", "Peluang", "Ancaman"]


# Form and report alike ---------------------------------------------------------------------------
# Each rule the consistency report checks and a form can check while typing, run both ways: the
# bad input typed in the form is refused at its field, the same bad data written around the form
# (old data, the admin) is found by the report, both in the words of dimensions.rules. (A quick
# win's months are refused by the database too, so they cannot be written bad: test_quick_win_*.)


def _apbd():
    from dimensions.models import FundingSource

    return FundingSource.objects.get(code="apbd")


def _short_program(g, **kwargs):
    return f.ProgramFactory(section=g.env_section, horizon="short", start_year=2025, end_year=2025, **kwargs)


def _quick_win_data(program, **overrides):
    return {
        "program": str(program.pk),
        "name": "Lapor Sampah",
        "status": "candidate",
        "problem": "p",
        "solution": "s",
        "benefits": "b",
        "duration_months": "9",
        "budget": "75.000.000",
        "funding_source": str(_apbd().pk),
        "impact_indicator": "Aduan selesai 3 hari",
    } | overrides


def _program_post(g, **overrides):
    from .test_entries import program_data

    return ("program", "medium", program_data(g, **overrides))


def _indicator_post(parent, rows):
    from .test_entries import indicator_data

    group = f"{'program' if hasattr(parent, 'horizon') else 'goal'}-{parent.pk}"
    return ("indicator", group, indicator_data(rows=rows))


PERIOD = rules.Span(2024, 2033)  # the world's masterplans


def case_quickwin_program(g):
    program = g.program  # 2024-2028
    error = rules.quick_win_program_error(2024, 2028)
    return {
        "post": ("quickwin", "all", _quick_win_data(program)),
        "at": "program",
        "form": error,
        "write": lambda: f.QuickWinFactory(program=program, budget=1, funding_source=_apbd()),
        "category": "quickwin_too_long",
        "report": error,
    }


def case_quickwin_budget(g):
    program = _short_program(g)
    return {
        "post": ("quickwin", "all", _quick_win_data(program, budget="")),
        "at": "budget",
        "form": str(rules.QUICK_WIN_NO_BUDGET),
        "write": lambda: f.QuickWinFactory(program=program, budget=None, funding_source=_apbd()),
        "category": "budget_missing",
        "report": str(rules.QUICK_WIN_NO_BUDGET),
    }


def case_quickwin_source(g):
    program = _short_program(g)
    return {
        "post": ("quickwin", "all", _quick_win_data(program, funding_source="")),
        "at": "funding_source",
        "form": str(rules.QUICK_WIN_NO_SOURCE),
        "write": lambda: f.QuickWinFactory(program=program, budget=1, funding_source=None),
        "category": "budget_missing",
        "report": str(rules.QUICK_WIN_NO_SOURCE),
    }


def case_program_year(g):
    return {
        "post": _program_post(g, start_year="2022", **{"roadmap-0-year": "2025"}),
        "at": "start_year",
        "form": PERIOD.error(),
        "write": lambda: f.ProgramFactory(section=g.env_section, start_year=2022, end_year=2025),
        "category": "year_outside",
        "report": PERIOD.finding([2022]),
    }


def case_roadmap_year(g):
    span = rules.program_span(2025, 2027)
    return {
        "post": _program_post(g, **{"roadmap-0-year": "2030"}),
        "at": "roadmap:0:year",
        "form": span.error(),
        "write": lambda: f.RoadmapEntryFactory(
            program=f.ProgramFactory(section=g.env_section, start_year=2025, end_year=2027), year=2030
        ),
        "category": "year_outside",
        "report": span.finding([2030]),
    }


def case_program_target_year(g):
    program = _short_program(g)
    span = rules.program_span(2025, 2025)
    return {
        "post": _indicator_post(program, [(2024, "5")]),
        "at": "targets:0:year",
        "form": span.error(),
        "write": lambda: f.IndicatorTargetFactory(indicator=f.IndicatorFactory(goal=None, program=program), year=2024),
        "category": "year_outside",
        "report": span.finding([2024]),
    }


def case_goal_target_year(g):
    goal = f.GoalFactory(section=g.env_section)
    return {
        "post": _indicator_post(goal, [(2040, "5")]),
        "at": "targets:0:year",
        "form": PERIOD.error(),
        "write": lambda: f.IndicatorTargetFactory(indicator=f.IndicatorFactory(goal=goal), year=2040),
        "category": "year_outside",
        "report": PERIOD.finding([2040]),
    }


def case_indicator_no_target(g):
    goal = f.GoalFactory(section=g.env_section)
    return {
        "post": _indicator_post(goal, []),
        "at": "targets:",
        "form": str(rules.INDICATOR_NO_TARGET),
        "write": lambda: f.IndicatorFactory(goal=goal),
        "category": "indicator_no_target",
        "report": str(rules.INDICATOR_NO_TARGET),
    }


def case_program_lead(g):
    return {
        "post": _program_post(g, lead_agency=""),
        "at": "lead_agency",
        "form": str(rules.PROGRAM_NO_LEAD),
        "write": lambda: f.ProgramFactory(section=g.env_section, lead_agency=None),
        "category": "program_no_lead",
        "report": str(rules.PROGRAM_NO_LEAD),
    }


def case_program_strategy(g):
    f.StrategyFactory(section=g.env_section, kind="SO")  # one to serve: the form asks for it
    return {
        "post": _program_post(g),
        "at": "strategies",
        "form": str(rules.PROGRAM_NO_STRATEGY),
        "write": lambda: f.ProgramFactory(section=g.env_section),
        "category": "program_no_strategy",
        "report": str(rules.PROGRAM_NO_STRATEGY),
    }


def case_budget_split(g):
    split = {"funding-0-funding_source": str(_apbd().pk), "funding-0-amount": "1.000.000"}
    error = rules.split_error(Decimal(1_250_000), [Decimal(1_000_000)])
    return {
        "post": _program_post(g, **split),
        "at": "funding:",
        "form": error,
        "write": lambda: f.program_budget_parts(
            f.ProgramFactory(section=g.env_section, budget=1_250_000), split={"apbd": 1_000_000}
        ),
        "category": "budget_parts",
        "report": error,
    }


CASES = {name.removeprefix("case_"): fn for name, fn in globals().items() if name.startswith("case_")}


def _errors_at(form, at):
    """The errors of a field ("budget"), a sub-row's field ("targets:0:year") or a sub-row set ("funding:")."""
    name, _sep, rest = at.partition(":")
    if not _sep:
        return form.errors.get(name, [])
    formset = form.formsets[name]
    if not rest:
        return list(formset.non_form_errors())
    index, field = rest.split(":")
    return formset.forms[int(index)].errors.get(field, [])


@pytest.mark.parametrize("rule", sorted(CASES))
def test_a_rule_is_checked_by_the_form_and_the_report_alike(world, login, rule):
    g = world.garut
    case = CASES[rule](g)
    kind, group, data = case["post"]
    model = {"quickwin": QuickWin, "program": Program}.get(kind)
    before = model.objects.count() if model else None
    r = login(g.opd).post(entry_url("entry_create", g.region, g.env_section, kind, query=f"?group={group}"), data, **HX)
    assert case["form"] in _errors_at(r.context["form"], case["at"]), r.context["form"].errors
    assert case["form"] in r.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    if model:
        assert model.objects.count() == before  # refused, nothing written

    before = [x.message for x in _category(g.masterplan, case["category"])].count(case["report"])
    case["write"]()
    found = _category(g.masterplan, case["category"])
    assert [x.message for x in found].count(case["report"]) == before + 1


def _category(masterplan, key):
    return next(c for c in consistency_report(masterplan)["categories"] if c.key == key).findings
