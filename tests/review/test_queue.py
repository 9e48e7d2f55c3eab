"""The review queue: every submitted section of the expert's regions, nearest bimtek stage first;
nothing of regions the expert is not assigned to; a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from dimensions.models import Section
from dimensions.review import selectors, services
from tests import factories as f


def _region(name, stage_days=None, past_days=None, today=None):
    """A region with a submitted section, and stages `stage_days` from today (None: none)."""
    region = f.RegionFactory(name=name, slug=name.lower())
    mp = f.MasterplanFactory(region=region)
    section = f.SectionFactory(masterplan=mp, state="submitted")
    today = today or timezone.localdate()
    if past_days is not None:
        f.StageFactory(masterplan=mp, number=1, start_date=today - datetime.timedelta(days=past_days))
    if stage_days is not None:
        f.StageFactory(masterplan=mp, number=2, start_date=today + datetime.timedelta(days=stage_days))
    return region, section


def _assign(user, *regions):
    for region in regions:
        f.MembershipFactory(user=user, region=region, role="expert")


def test_queue_is_ordered_by_next_stage_date(world):
    day = timezone.localdate()  # fixed for the test, so a run across midnight cannot change it
    late, late_section = _region("Lambat", stage_days=40, today=day)
    soon, soon_section = _region("Segera", stage_days=3, past_days=30, today=day)  # the past stage is ignored
    today, today_section = _region("Hariini", stage_days=0, today=day)
    none, none_section = _region("Tanpa", past_days=5, today=day)  # only a past stage: last
    _assign(world.expert, late, soon, today, none)
    queue = list(selectors.review_queue(world.expert, today=day))
    assert queue == [today_section, soon_section, late_section, none_section]
    assert queue[0].next_stage_date == day and queue[0].next_stage_number == 2
    assert queue[-1].next_stage_date is None


def test_queue_shows_only_submitted_sections_of_assigned_regions(world, people):
    g, t = world.garut, world.tegal
    services.section_submit(g.env_section, g.opd, "")
    services.section_submit(t.env_section, t.opd, "")
    services.comment_add(g.env_section, world.expert, "satu", entry=g.swot)
    services.comment_add(g.env_section, world.expert, "dua")
    assert list(selectors.review_queue(world.expert)) == [g.env_section]
    row = selectors.review_queue(world.expert)[0]
    assert row.open_comment_count == 2
    assert row.submitted_at is not None
    assert list(selectors.review_queue(people["expert_tegal_only"])) == [t.env_section]
    assert set(selectors.review_queue(world.admin)) == {g.env_section, t.env_section}
    for role in ("opd", "diskominfo", "dewan", "outsider"):
        assert list(selectors.review_queue(people[role])) == []


def test_queue_page(world, people, login):
    g = world.garut
    services.section_submit(g.env_section, g.opd, "")
    services.section_submit(world.tegal.env_section, world.tegal.opd, "")
    page = login(world.expert).get("/review/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"/r/garut/sections/{g.env_section.pk}/review/" in html
    assert "Tegal" not in html and f"/sections/{world.tegal.env_section.pk}/" not in html
    assert "Antrean tinjauan" in html


@pytest.mark.parametrize("role", ["opd", "diskominfo", "dewan", "outsider"])
def test_queue_page_refused_for_non_reviewers(world, people, login, role):
    assert login(people[role]).get("/review/").status_code == 403


def test_queue_page_needs_login(client, world):
    response = client.get("/review/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _grow(expert, n):
    start = Section.objects.count()
    for i in range(start, start + n):
        region, section = _region(f"Tumbuh{i}", stage_days=i + 1)
        _assign(expert, region)
        f.SectionFactory(masterplan=section.masterplan, state="submitted", dimension=f.dimension("governance"))


def test_queue_queries_do_not_grow(world, login, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(world.expert)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/review/")
        assert response.status_code == 200
        return len(ctx.captured_queries), response

    _grow(world.expert, 1)
    small, _ = count()
    _grow(world.expert, 6)
    large, response = count()
    assert large == small
    assert response.content.decode().count('/review/"') >= 13  # all 1 + 6 regions' 2 sections each
    assert Section.objects.filter(state="submitted").count() == 14
