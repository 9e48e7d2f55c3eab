"""The review queue: every submitted section of the expert's regions, nearest bimtek stage first;
nothing of regions the expert is not assigned to; a fixed number of queries."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
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
    assert f'<td data-label="Daerah">{g.region}</td>' in html  # the region as it names itself
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


# Paging and filters: an expert may guide hundreds of regions -------------------------------------


def _many(expert, n, dimension="environment", state="submitted"):
    """n new regions assigned to the expert, each with one section of `dimension` in `state`."""
    sections = []
    start = Section.objects.count()
    for i in range(start, start + n):
        region = f.RegionFactory(name=f"Kota Uji {i:03d}", slug=f"kota-uji-{i:03d}")
        mp = f.MasterplanFactory(region=region)
        agency = f.AgencyFactory(region=region, name=f"Dinas Kominfo {i:03d}", acronym="Diskominfo")
        sections.append(f.SectionFactory(masterplan=mp, agency=agency, state=state, dimension=f.dimension(dimension)))
        _assign(expert, region)
    return sections


def test_queue_pages_fifty_at_a_time(world, login):
    sections = _many(world.expert, 53)
    client = login(world.expert)
    first = client.get("/review/").content.decode()
    second = client.get("/review/?page=2")
    assert second.status_code == 200
    second = second.content.decode()
    links = [f"/sections/{s.pk}/review/" for s in sections]
    on_first = [link for link in links if link in first]
    on_second = [link for link in links if link in second]
    assert len(on_first) == 50 and len(on_second) == 3
    assert not set(on_first) & set(on_second)
    assert "Halaman 1 dari 2" in first and "Halaman 2 dari 2" in second
    assert "53 bagian" in first
    # Past the last page: the last page, not an error.
    assert "Halaman 2 dari 2" in client.get("/review/?page=99").content.decode()


def test_queue_filters_cut_rows(world, login):
    sections = _many(world.expert, 4)
    governance = _many(world.expert, 2, dimension="governance")
    asked = _many(world.expert, 1, state="changes_requested")[0]
    client = login(world.expert)

    def shown(query):
        html = client.get("/review/" + query).content.decode()
        return {s.pk for s in [*sections, *governance, asked] if f"/sections/{s.pk}/review/" in html}

    everything = {s.pk for s in [*sections, *governance]}
    assert shown("") == everything  # submitted ones only by default
    region = sections[0].masterplan.region
    assert shown(f"?region={region.slug}") == {sections[0].pk}
    assert shown("?dimension=governance") == {s.pk for s in governance}
    agency = sections[1].agency.name  # "Dinas Kominfo 00n"
    assert shown("?agency=" + agency[-len("kominfo 00n") :].replace(" ", "+")) == {sections[1].pk}
    assert shown("?state=changes_requested") == {asked.pk}
    assert shown("?state=all") == everything | {asked.pk}
    assert shown("?stage=none") == everything  # no region has an upcoming stage
    assert shown("?stage=2") == set()
    stage = f.StageFactory(
        masterplan=sections[2].masterplan, number=2, start_date=timezone.localdate() + datetime.timedelta(days=5)
    )
    assert shown("?stage=2") == {sections[2].pk}
    assert shown("?stage=none") == everything - {sections[2].pk}
    assert stage.number == 2
    # The filters keep their values in the page's links and fields.
    html = client.get(f"/review/?region={region.slug}&dimension=environment").content.decode()
    assert f'<option value="{region.slug}" selected>' in html
    assert '<option value="environment" selected>' in html


def test_queue_never_shows_a_foreign_region(world, people, login):
    g, t = world.garut, world.tegal
    services.section_submit(g.env_section, g.opd, "")
    services.section_submit(t.env_section, t.opd, "")
    client = login(world.expert)  # expert of Garut only
    for query in ("", "?region=tegal", "?region=tegal&state=all", "?state=all", "?page=2", "?agency=DLH"):
        response = client.get("/review/" + query)
        assert response.status_code == 200
        html = response.content.decode()
        assert f"/sections/{t.env_section.pk}/" not in html, query
        assert "Tegal" not in html, query  # not even among the region filter's options
    # A foreign region in the filter is refused as a choice, not used.
    html = client.get("/review/?region=tegal").content.decode()
    assert "Sebagian saringan tidak dikenali" in html
    assert f"/sections/{g.env_section.pk}/review/" in html


def test_queue_filters_and_pages_keep_a_fixed_number_of_queries(world, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(world.expert)

    def count(query):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/review/" + query).status_code == 200
        return len(ctx.captured_queries)

    first = _many(world.expert, 3)
    region = first[1].masterplan.region.slug
    queries = ("", "?page=2", f"?region={region}", "?dimension=governance&state=all", "?agency=x&stage=none")
    small = [count(q) for q in queries]
    _many(world.expert, 60, dimension="governance")
    assert [count(q) for q in queries] == small


def test_queue_read_a_page_at_a_time_is_the_queue_in_order(world):
    """ReviewQueue orders masterplans first and reads only the sections a page covers: its pages,
    end to end, are review_queue's order, ties on a region's name and stage date included."""
    from django.core.paginator import Paginator

    day = timezone.localdate()
    masterplans = []
    for i in range(7):
        # Three names for seven regions (a kabupaten and a kota may share one), half with a stage.
        region = f.RegionFactory(name=f"Bekasi {i % 3}", slug=f"bekasi-{i}")
        masterplans.append(f.MasterplanFactory(region=region))
        if i % 2:
            f.StageFactory(masterplan=masterplans[-1], number=2, start_date=day + datetime.timedelta(days=10))
        _assign(world.expert, region)
    # Created round the masterplans: the sections of regions that tie interleave in the queue.
    for dimension in ("environment", "governance", "living"):
        for mp in masterplans:
            f.SectionFactory(masterplan=mp, state="submitted", dimension=f.dimension(dimension))
    expected = list(selectors.review_queue(world.expert, today=day))
    assert len(expected) == 21
    # After the three regions with a stage: the two "Bekasi 0" without one tie and interleave.
    assert [s.masterplan_id for s in expected[9:15]] == [masterplans[0].pk, masterplans[6].pk] * 3
    cache.clear()  # the setup's writes long committed: the regions' parts are stored and read back
    for per_page in (1, 2, 5, 50):
        with CaptureQueriesContext(connection) as ctx:
            paginator = Paginator(selectors.ReviewQueue(world.expert, today=day), per_page)
            assert paginator.count == 21
            pages = [e.pk for n in paginator.page_range for e in paginator.page(n).object_list]
        assert pages == [s.pk for s in expected], per_page
        built = any("dimensions_section" in q["sql"] for q in ctx.captured_queries)
        assert built == (per_page == 1), per_page  # the first pass builds, the next ones read the cache
    # A write in one region: its part is built again, the queue still in order.
    f.SectionFactory(masterplan=masterplans[3], state="submitted", dimension=f.dimension("economy"))
    expected = [s.pk for s in selectors.review_queue(world.expert, today=day)]
    queue = selectors.ReviewQueue(world.expert, today=day)
    assert len(queue) == 22 and [e.pk for e in queue[0:50]] == expected
    governance = selectors.QueueFilters(dimension="governance", stage="none")
    queue = selectors.ReviewQueue(world.expert, governance, today=day)
    assert [e.pk for e in queue[0:50]] == [
        s.pk for s in selectors.review_queue(world.expert, today=day, filters=governance)
    ]
