"""dimensions.rules: each rule written once and asked by the database constraint, the model, the
form and the consistency report alike."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from dimensions import rules
from dimensions.consistency import consistency_report
from dimensions.forms import QuickWinForm
from dimensions.models import Program, QuickWin
from tests import factories as f

from .conftest import HX, entry_url

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
