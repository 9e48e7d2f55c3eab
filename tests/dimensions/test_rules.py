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
