"""What changed since the expert's last review, from the historical tables."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dimensions import history
from dimensions.kinds import KINDS
from dimensions.models import FundingSource, Section, SwotEntry
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


def _count(read):
    with CaptureQueriesContext(connection) as ctx:
        result = read()
    return len(ctx.captured_queries), result


def test_changes_queries_do_not_grow(world, reviewed):
    """Entries changed (fields, links, related objects) and added after the review: as many
    queries for one of each as for four."""
    section, _strategy, since = reviewed
    g = world.garut
    funding = list(FundingSource.objects.all()[:2])
    assert len(funding) == 2

    def grow(n):
        for _i in range(n):
            strategy = f.StrategyFactory(section=section, kind="SO")
            program = f.ProgramFactory(section=section)
            indicator = f.IndicatorFactory(goal=None, program=program)
            written = [(strategy, strategy.pk), (program, program.pk), (indicator, indicator.pk)]
            for obj, pk in written:
                type(obj).history.filter(id=pk).update(history_date=since - datetime.timedelta(minutes=1))
            strategy.statement = "Diubah setelah tinjauan"
            strategy.save()
            strategy.swot_entries.add(g.swot)
            program.lead_agency = g.bappeda
            program.budget = 125_000_000
            program.save()
            for source in funding:  # the funding split: rows with their own history
                f.ProgramFundingFactory(program=program, funding_source=source, amount=62_500_000)
            program.partner_agencies.add(g.bappeda)
            indicator.baseline = 40.5
            indicator.save()
            f.IndicatorTargetFactory(indicator=indicator, year=2025, value=10)
            f.RoadmapEntryFactory(program=program, year=2025)
            f.SwotEntryFactory(section=section)

    grow(1)
    small, few = _count(lambda: selectors.section_changes_since(section, since))
    grow(3)
    large, many = _count(lambda: selectors.section_changes_since(section, since))
    assert few and len(many) == 4 * len(few)
    assert large == small
    changed = next(c for c in many if c.kind == "changed" and c.model_name == "program")
    fields = {c.label: (c.old, c.new) for c in changed.fields}
    assert fields["perkiraan anggaran (Rp)"] == ("Rp 250.000.000", "Rp 125.000.000")
    assert fields["OPD penanggung jawab"] == (str(g.dlh), str(g.bappeda))
    split = [c for c in few if c.model_name == "programfunding"]
    assert [c.kind for c in split] == ["added", "added"]
    assert sorted(c.label for c in split) == sorted(f"{s}: Rp 62.500.000" for s in funding)
    target = next(c for c in many if c.model_name == "indicatortarget")
    assert target.label == "2025: 10"


def test_entry_history_queries_do_not_grow(world):
    g = world.garut
    program = g.program
    funding = list(FundingSource.objects.all()[:4])
    assert len(funding) == 4

    def revise(n, start):
        for i in range(start, start + n):
            program.name = f"Program versi {i}"
            program.lead_agency = g.bappeda if i % 2 else g.dlh
            program.save()
            program.funding_sources.set(funding[: 1 + i % 4])
            program.partner_agencies.set([g.bappeda] if i % 2 else [])

    revise(1, 0)
    small, few = _count(lambda: history.entry_changes(KINDS["program"], program.pk))
    revise(4, 1)
    large, many = _count(lambda: history.entry_changes(KINDS["program"], program.pk))
    assert few and len(many) > len(few)
    assert large == small
    newest = {c.label: (c.old, c.new) for c in many[0].changes}
    assert newest == {"OPD mitra": (str(g.bappeda), "–")}
    changes = [{c.label: (c.old, c.new) for c in revision.changes} for revision in many]
    assert {
        "nama program": ("Program versi 3", "Program versi 4"),
        "OPD penanggung jawab": (str(g.bappeda), str(g.dlh)),
    } in changes


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


def test_targets_read_the_indonesian_way_on_the_review_page(world, reviewed, login):
    """An indicator's yearly target reads "2025: 55,5" (as everywhere else), never "10.00"."""
    _section, _strategy, since = reviewed
    indicator = f.IndicatorFactory(goal=None, program=world.garut.program, name="Bank sampah aktif", unit="unit")
    target = f.IndicatorTargetFactory(indicator=indicator, year=2025, value=10)
    for model, pk in ((type(indicator), indicator.pk), (type(target), target.pk)):
        model.history.filter(id=pk).update(history_date=since - datetime.timedelta(minutes=1))
    target.value = Decimal("55.5")
    target.save()
    f.IndicatorTargetFactory(indicator=indicator, year=2026, value=12)
    html = login(world.expert).get(review_url(world.garut)).content.decode()
    changes = html[html.index('id="perubahan"') :]
    changes = changes[: changes.index("</section>")]
    assert "2025: 55,5" in changes and "2026: 12" in changes
    assert "<del>10</del>" in changes and "<ins>55,5</ins>" in changes
    assert "10.00" not in changes and "55.50" not in changes and "12.00" not in changes
