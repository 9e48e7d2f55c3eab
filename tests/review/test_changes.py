"""What changed since the expert's last review, from the historical tables."""

import datetime

import pytest
from django.utils import timezone

from dimensions.models import Section, SwotEntry
from dimensions.review import selectors, services
from dimensions.review.models import SectionTransition
from tests import factories as f

from .conftest import review_url


@pytest.fixture
def reviewed(world):
    """Garut's environment section, reviewed (changes requested) a minute ago."""
    section = world.garut.env_section
    strategy = f.StrategyFactory(section=section, kind="SO", statement="Perluas bank sampah")
    strategy.swot_entries.add(world.garut.swot)
    services.section_submit(section, world.garut.opd, "")
    services.section_request_changes(section, world.expert, "Perbaiki SWOT")
    since = timezone.now()
    # Everything so far happened "before" the review; what follows after it.
    SectionTransition.objects.update(at=since)
    for model in (SwotEntry, type(strategy), type(world.garut.program)):
        model.history.update(history_date=since - datetime.timedelta(minutes=1))
    Section.objects.filter(pk=section.pk).update(state="changes_requested")
    section.refresh_from_db()
    return section, strategy, since


def _by_kind(changes):
    return {(c.kind, c.model_name): c for c in changes}


def test_added_removed_and_changed_fields(world, reviewed):
    section, strategy, since = reviewed
    swot = world.garut.swot
    swot.statement = "Kekuatan Garut: 120 bank sampah aktif"
    swot.priority = 1
    swot.save()
    new_gap = f.GapItemFactory(section=section, gap="Belum ada aplikasi pelaporan")
    world.garut.program.delete()
    other = f.SwotEntryFactory(section=section, quadrant="O", statement="Dana CSR tersedia")
    strategy.swot_entries.add(other)

    changes = selectors.section_changes_since(section, since)
    kinds = _by_kind(changes)

    changed = kinds[("changed", "swotentry")]
    assert changed.object_id == swot.pk
    fields = {c.label: (c.old, c.new) for c in changed.fields}
    assert fields == {
        "pernyataan": ("Kekuatan Garut: bank sampah aktif", "Kekuatan Garut: 120 bank sampah aktif"),
        "prioritas": ("Sedang", "Tinggi"),
    }

    added = kinds[("added", "gapitem")]
    assert added.object_id == new_gap.pk
    assert ("kesenjangan", "Belum ada aplikasi pelaporan") in added.fields
    assert ("added", "swotentry") in kinds

    removed = kinds[("removed", "program")]
    assert removed.label == "Program Sampah Cerdas Garut"
    assert ("perkiraan anggaran (Rp)", "Rp 250.000.000") in removed.fields

    strategy_change = kinds[("changed", "strategy")]
    [m2m] = strategy_change.fields
    assert m2m.label == "butir SWOT asal"
    assert m2m.old == str(swot)
    assert m2m.new == ", ".join(sorted([str(swot), str(other)]))


def test_nothing_changed_and_bookkeeping_only(world, reviewed):
    section, _strategy, since = reviewed
    assert selectors.section_changes_since(section, since) == []
    # A save that changes no field a reviewer sees (only version/updated_at) is no change.
    swot = world.garut.swot
    swot.version += 1
    swot.save()
    assert selectors.section_changes_since(section, since) == []


def test_added_then_removed_shows_nothing(world, reviewed):
    section, _strategy, since = reviewed
    entry = f.SwotEntryFactory(section=section, statement="Sementara")
    entry.delete()
    assert selectors.section_changes_since(section, since) == []


def test_nested_entries_and_targets(world, reviewed):
    section, _strategy, since = reviewed
    program = world.garut.program
    step = f.RoadmapEntryFactory(program=program, year=2025, activity="Uji coba")
    indicator = f.IndicatorFactory(goal=None, program=program, name="Bank sampah aktif", unit="unit")
    target = f.IndicatorTargetFactory(indicator=indicator, year=2025, value=10)
    changes = selectors.section_changes_since(section, since)
    added = {(c.model_name, c.object_id) for c in changes if c.kind == "added"}
    assert {("roadmapentry", step.pk), ("indicator", indicator.pk), ("indicatortarget", target.pk)} <= added
    roadmap_change = next(c for c in changes if c.model_name == "roadmapentry")
    assert ("program", "Program Sampah Cerdas Garut") in roadmap_change.fields


def test_other_sections_are_not_mixed_in(world, reviewed):
    section, _strategy, since = reviewed
    f.SwotEntryFactory(section=world.garut.gov_section, statement="Bappeda")
    f.SwotEntryFactory(section=world.tegal.env_section, statement="Tegal")
    assert selectors.section_changes_since(section, since) == []


def test_review_page_shows_changes_side_by_side(world, reviewed, login):
    _section, _strategy, _since = reviewed
    swot = world.garut.swot
    swot.statement = "Pernyataan baru"
    swot.save()
    html = login(world.expert).get(review_url(world.garut)).content.decode()
    assert "Perubahan sejak tinjauan terakhir" in html
    assert "<del>Kekuatan Garut: bank sampah aktif</del>" in html
    assert "<ins>Pernyataan baru</ins>" in html
    assert "Diubah" in html


def test_last_review_prefers_the_viewers_own(world):
    section = world.garut.env_section
    other = f.UserFactory(username="ahli-lain")
    f.MembershipFactory(user=other, region=world.garut.region, role="expert")
    services.section_submit(section, world.garut.opd, "")
    mine = services.section_request_changes(section, world.expert, "saya")
    services.section_submit(section, world.garut.opd, "")
    theirs = services.section_approve(section, other, "ok")
    assert selectors.last_review(section, world.expert) == mine
    assert selectors.last_review(section, other) == theirs
    assert selectors.last_review(section) == theirs
