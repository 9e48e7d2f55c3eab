"""dimensions.services directly: rights, review state, optimistic locking, restore."""

import pytest
from django.core.exceptions import PermissionDenied

from dimensions import services
from dimensions.forms import GapItemForm, SwotEntryForm
from dimensions.models import GapItem, Section, SwotEntry
from dimensions.review import services as review
from tests import factories as f


def swot_form(section, instance=None, **data):
    base = {"quadrant": "S", "statement": "Pernyataan", "priority": 2}
    if instance is not None:
        base |= {
            "quadrant": instance.quadrant,
            "statement": instance.statement,
            "priority": instance.priority,
            "version": instance.version,
        }
    return SwotEntryForm(data=base | data, instance=instance or SwotEntry(section=section), section=section)


def test_two_copies_of_one_version_only_the_first_saves(world):
    g = world.garut
    first = swot_form(g.env_section, SwotEntry.objects.get(pk=g.swot.pk), statement="Pertama")
    second = swot_form(g.env_section, SwotEntry.objects.get(pk=g.swot.pk), statement="Kedua")
    assert first.is_valid() and second.is_valid()
    services.entry_update(g.env_section, first.instance, first, g.opd)
    with pytest.raises(services.StaleEntry) as stale:
        services.entry_update(g.env_section, second.instance, second, g.opd)
    assert stale.value.current.statement == "Pertama" and stale.value.current.version == 2
    g.swot.refresh_from_db()
    assert g.swot.statement == "Pertama" and g.swot.version == 2


def test_a_form_without_version_is_treated_as_stale(world):
    g = world.garut
    form = swot_form(g.env_section, SwotEntry.objects.get(pk=g.swot.pk), statement="Tanpa versi", version="")
    assert form.is_valid()
    with pytest.raises(services.StaleEntry):
        services.entry_update(g.env_section, form.instance, form, g.opd)


@pytest.mark.parametrize("who", ["diskominfo", "dewan"])
def test_only_the_agency_writes(world, who):
    g = world.garut
    form = swot_form(g.env_section)
    assert form.is_valid()
    with pytest.raises(PermissionDenied):
        services.entry_create(g.env_section, form, getattr(g, who))
    with pytest.raises(PermissionDenied):
        services.entry_delete(g.env_section, g.swot, getattr(g, who))
    assert SwotEntry.objects.filter(section=g.env_section).count() == 1


def test_opd_of_another_region_is_refused(world):
    g, t = world.garut, world.tegal
    form = swot_form(g.env_section)
    assert form.is_valid()
    from django.http import Http404

    with pytest.raises(Http404):  # not even told the section exists
        services.entry_create(g.env_section, form, t.opd)


def test_submitted_section_refuses_every_write(world):
    g = world.garut
    review.section_submit(g.env_section, g.opd)
    form = swot_form(g.env_section)
    assert form.is_valid()
    with pytest.raises(services.SectionLocked):
        services.entry_create(g.env_section, form, g.opd)
    with pytest.raises(services.SectionLocked):
        services.entry_delete(g.env_section, g.swot, g.opd)
    assert SwotEntry.objects.filter(pk=g.swot.pk).exists()


def test_every_write_reopens_an_approved_section(world):
    g = world.garut

    def approve():
        Section.objects.filter(pk=g.env_section.pk).update(state="approved")
        g.env_section.refresh_from_db()

    approve()
    form = GapItemForm(
        data={"existing_condition": "a", "expected_condition": "b", "gap": "c"},
        instance=GapItem(section=g.env_section),
        section=g.env_section,
    )
    assert form.is_valid()
    gap = services.entry_create(g.env_section, form, g.opd)
    assert Section.objects.get(pk=g.env_section.pk).state == "draft"
    approve()
    services.entry_delete(g.env_section, gap, g.opd)
    assert Section.objects.get(pk=g.env_section.pk).state == "draft"
    approve()
    services.entry_restore(g.env_section, "gap", gap.pk, g.opd)
    assert Section.objects.get(pk=g.env_section.pk).state == "draft"
    assert g.env_section.transitions.filter(kind="reopen").count() == 3


def test_restore_refuses_an_entry_that_exists_and_a_foreign_one(world):
    g, t = world.garut, world.tegal
    with pytest.raises(services.RestoreError):
        services.entry_restore(g.env_section, "swot", g.swot.pk, g.opd)
    services.entry_delete(t.env_section, t.swot, t.opd)
    from django.http import Http404

    with pytest.raises(Http404):
        services.entry_restore(g.env_section, "swot", t.swot.pk, g.opd)


def test_restore_keeps_only_links_that_still_exist(world):
    g = world.garut
    strategy = f.StrategyFactory(section=g.env_section)
    gone = f.StrategyFactory(section=g.env_section)
    g.program.strategies.set([strategy, gone])
    services.entry_delete(g.env_section, g.program, g.opd)
    services.entry_delete(g.env_section, gone, g.opd)
    program = services.entry_restore(g.env_section, "program", g.program.pk, g.opd)
    assert list(program.strategies.all()) == [strategy]
    # The deleted strategy, restored, goes back to the program that served it.
    services.entry_restore(g.env_section, "strategy", gone.pk, g.opd)
    assert set(program.strategies.all()) == {strategy, gone}


def test_history_records_who_deleted_and_restored(world):
    g = world.garut
    services.entry_delete(g.env_section, g.swot, g.opd)
    services.entry_restore(g.env_section, "swot", g.swot.pk, g.opd)
    types = list(
        SwotEntry.history.filter(id=g.swot.pk).order_by("history_id").values_list("history_type", "history_user")
    )
    assert types == [("+", None), ("-", g.opd.pk), ("+", g.opd.pk)]
