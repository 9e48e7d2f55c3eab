"""An id no database column can hold (hand-made in a multi-select) is a form error, never a 500:
SQLite raised OverflowError for ``id__in=[99999999999999999999999]`` (masterplan/lookups.py)."""

from django.urls import reverse

from dimensions.models import Section
from masterplan.models import Agency

HUGE = 99999999999999999999999


def test_a_huge_id_in_a_multi_select_is_a_form_error(world, login):
    client = login(world.garut.diskominfo)
    dlh = world.garut.dlh
    before = sorted(Section.objects.filter(agency=dlh).values_list("dimension_id", flat=True))
    response = client.post(reverse("agency_dimensions", args=["garut", dlh.pk]), {"dimensions": [str(HUGE)]})
    assert response.status_code == 200
    assert f"{HUGE} bukan salah satu dari pilihan yang tersedia" in response.content.decode()
    assert sorted(Section.objects.filter(agency=dlh).values_list("dimension_id", flat=True)) == before


def test_in_lookup_leaves_out_values_no_column_holds(world):
    dlh = world.garut.dlh
    assert list(Agency.objects.filter(pk__in=[HUGE, -HUGE, dlh.pk])) == [dlh]
    assert list(Agency.objects.filter(pk__in=[HUGE])) == []
    assert Agency.objects.exclude(pk__in=[HUGE]).count() == Agency.objects.count()


def test_a_superscript_digit_as_a_program_id_is_a_form_error(world, login):
    """ "²" is a digit to str.isdigit(), not to int(): the quick win form answered 500 (found by the
    form fuzzing); masterplan.lookups.is_id is the one test of an id sent as text."""
    from dimensions.models import QuickWin

    client = login(world.garut.opd)
    url = reverse("entry_create", args=["garut", world.garut.env_section.pk, "quickwin"])
    response = client.post(url, {"program": "²"})
    assert response.status_code == 200
    assert "program" in response.context["form"].errors
    assert not QuickWin.objects.filter(program__section=world.garut.env_section).exists()
