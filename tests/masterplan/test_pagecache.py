"""Cached parts of the region pages (masterplan/pagecache.py): served again without the work, never
after a write of the region, never to a reader they were not built for, never across regions."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dimensions.review import services as review_services
from masterplan import pagecache
from tests import factories as f


def _settled():
    """As when the writes of the setup have long committed: no region is marked as being written."""
    cache.clear()


def _get(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(ctx.captured_queries)


def test_region_of_follows_the_foreign_keys(world):
    g = world.garut
    goal = f.GoalFactory(section=g.env_section)
    indicator = f.IndicatorFactory(goal=goal)
    target = f.IndicatorTargetFactory(indicator=indicator)
    roadmap = f.RoadmapEntryFactory(program=g.program)
    participant = f.ParticipantFactory(stage=g.stage)
    for row in (g.region, g.dlh, g.masterplan, g.env_section, g.swot, g.program, indicator, target, roadmap):
        assert pagecache.region_of(row) == g.region.pk, row
    assert pagecache.region_of(participant) == g.region.pk
    assert pagecache.region_of(world.tegal.swot) == world.tegal.region.pk
    assert pagecache.region_of(f.dimension("environment")) is None  # reference data: every region


def test_a_part_is_served_from_the_cache_until_the_region_is_written(world, login):
    g = world.garut
    client = login(g.dewan)
    url = f"/r/garut/dimensions/{g.env_section.dimension.code}/"
    _settled()
    first, built = _get(client, url)
    again, served = _get(client, url)
    main = again.split('<main id="main"')[1]
    assert main == first.split('<main id="main"')[1] and served < built  # the flow came from the cache
    # Any write of the region's data retires it, whoever writes (here a plain model save).
    f.SwotEntryFactory(section=g.env_section, statement="Peluang baru: pusat data bersama")
    fresh, after_write = _get(client, url)
    assert "Peluang baru: pusat data bersama" in fresh
    # While the write may be uncommitted, nothing of the region is stored: built again in full.
    _html, still = _get(client, url)
    assert still == after_write > served
    _settled()
    _get(client, url)
    assert _get(client, url)[1] == served


def test_another_region_write_leaves_the_part_cached(world, login):
    g = world.garut
    client = login(g.dewan)
    url = "/r/garut/progress/"
    _settled()
    _get(client, url)
    _html, served = _get(client, url)
    f.SwotEntryFactory(section=world.tegal.env_section)  # Tegal's data, not Garut's
    assert _get(client, url)[1] == served


def test_readers_and_editors_get_their_own_part(world, login):
    g = world.garut
    url = f"/r/garut/dimensions/{g.env_section.dimension.code}/"
    _settled()
    reader = login(g.dewan)
    _get(reader, url)
    html = _get(reader, url)[0]
    assert "Hapus" not in html  # read-only
    opd = login(g.opd)
    html = _get(opd, url)[0]
    assert f"/sections/{g.env_section.pk}/swot/{g.swot.pk}/edit/" in html  # the OPD's own buttons
    html = _get(login(g.dewan), url)[0]
    assert f"/swot/{g.swot.pk}/edit/" not in html


def test_the_same_page_of_another_region_is_never_served(world, login):
    _settled()
    client = login(world.admin)
    for slug in ("garut", "tegal", "garut", "tegal"):
        html = _get(client, f"/r/{slug}/dimensions/environment/")[0]
        own, other = ("Garut", "Tegal") if slug == "garut" else ("Tegal", "Garut")
        assert f"Kekuatan {own}" in html and f"Kekuatan {other}" not in html


def test_no_part_with_reply_forms_is_cached(world, login):
    """Open comments carry reply forms with the reader's CSRF token: that flow is built for each
    request, never stored."""
    g = world.garut
    review_services.comment_add(g.env_section, world.expert, "Mohon data dukung.", entry=g.swot)
    _settled()
    url = f"/r/garut/sections/{g.env_section.pk}/"
    response = login(g.opd).get(url)
    assert response.context["cache_flow"] is False
    assert "Mohon data dukung." in response.content.decode()
    _html, first = _get(login(g.opd), url)
    assert _get(login(g.opd), url)[1] == first


@pytest.mark.parametrize("update_fields", [["last_login"], None])
def test_logging_in_retires_nothing_a_name_change_everything(world, update_fields):
    _settled()
    before = pagecache.token(world.garut.region.pk)
    world.garut.opd.first_name = "Baru"
    world.garut.opd.save(update_fields=update_fields)
    changed = pagecache.token(world.garut.region.pk) != before
    assert changed is (update_fields is None)


def test_a_cache_that_cannot_be_reached_serves_the_page_built(world, login, settings):
    """Reads go on without the cache (built, not stored); only a write needs it, to retire parts."""
    from django.core.cache import caches

    g = world.garut
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    try:
        response = login(g.dewan).get("/r/garut/progress/")
        assert response.status_code == 200
        assert "Progres penyusunan" in response.content.decode()
    finally:
        caches["default"].close()


def test_the_dimension_index_from_the_cache_still_knows_whose_sections(world, login):
    g = world.garut
    _settled()
    _get(login(g.dewan), "/r/garut/dimensions/")  # the overview's counts are now cached
    html, served = _get(login(g.opd), "/r/garut/dimensions/")
    assert 'id="bagian-saya"' in html and f"/sections/{g.env_section.pk}/" in html
    _html, again = _get(login(g.opd), "/r/garut/dimensions/")
    assert again == served
    assert 'id="bagian-saya"' not in _get(login(g.dewan), "/r/garut/dimensions/")[0]
    # Section workspace: the count in its heading comes with the flow.
    url = f"/r/garut/sections/{g.env_section.pk}/"
    _get(login(g.dewan), url)
    assert "2 butir" in _get(login(g.dewan), url)[0]  # the SWOT entry and the program


def test_without_a_shared_cache_nothing_is_stored(world, login, settings):
    """PAGE_CACHE off (the default without REDIS_URL): every request builds the page, so another
    process's write can never leave an old part behind."""
    settings.PAGE_CACHE = False
    g = world.garut
    client = login(g.dewan)
    url = f"/r/garut/dimensions/{g.env_section.dimension.code}/"
    _settled()
    _html, built = _get(client, url)
    assert _get(client, url)[1] == built
    f.SwotEntryFactory(section=g.env_section)
    assert cache.get(pagecache._region_key(g.region.pk)) is None  # writes do not even touch the cache


# The review queue: a part that reads many regions (a pagecache scope) -----------------------------


def test_the_review_queue_is_served_from_the_cache_until_a_section_or_comment_changes(world, login):
    g, t = world.garut, world.tegal
    review_services.section_submit(g.env_section, g.opd, "")
    f.MembershipFactory(user=world.expert, region=t.region, role="expert")
    client = login(world.expert)
    _settled()
    first, built = _get(client, "/review/")
    again, served = _get(client, "/review/")
    main = again.split('<main id="main"')[1]
    assert main == first.split('<main id="main"')[1] and served < built  # the filters and rows came from the cache
    # An entry's save shows nowhere in the queue: it is left cached.
    f.SwotEntryFactory(section=g.env_section, statement="Peluang baru")
    assert _get(client, "/review/")[1] == served
    # A submission in another region of the expert retires it (whoever writes).
    review_services.section_submit(t.env_section, t.opd, "")
    html, _n = _get(client, "/review/")
    assert f"/r/tegal/sections/{t.env_section.pk}/review/" in html
    # So does a comment: the count of open comments is in the row.
    _settled()
    _get(client, "/review/")
    review_services.comment_add(g.env_section, world.expert, "Mohon data dukung.")
    html = _get(client, "/review/")[0]
    row = html.split(f"/r/garut/sections/{g.env_section.pk}/review/")[1].split("</tr>")[0]
    assert ">1</td>" in row


def test_the_cached_review_queue_is_each_experts_own_and_each_filters_own(world, login):
    g, t = world.garut, world.tegal
    tegal_expert = f.UserFactory()
    f.MembershipFactory(user=tegal_expert, region=t.region, role="expert")
    review_services.section_submit(g.env_section, g.opd, "")
    review_services.section_submit(t.env_section, t.opd, "")
    _settled()
    for _ in range(2):
        mine = _get(login(world.expert), "/review/")[0]
        assert f"/sections/{g.env_section.pk}/review/" in mine and f"/sections/{t.env_section.pk}/" not in mine
        other = _get(login(tegal_expert), "/review/")[0]
        assert f"/sections/{t.env_section.pk}/review/" in other and f"/sections/{g.env_section.pk}/" not in other
        filtered = _get(login(world.expert), "/review/?dimension=governance")[0]
        assert f"/sections/{g.env_section.pk}/review/" not in filtered
    # No CSRF token in the cached part (it is a GET form): the logout form's is outside it.
    response = login(world.expert).get("/review/")
    main = response.content.decode().split('<main id="main"')[1]
    assert "csrfmiddlewaretoken" not in main


def test_a_token_of_an_older_release_counts_as_no_write_pending(world, login):
    """Tokens once came without the moment of their write: one left in the cache by an upgrade is
    read, not an error, and the part is stored under it."""
    from django.core.cache import cache

    g = world.garut
    client = login(g.dewan)
    url = f"/r/garut/dimensions/{g.env_section.dimension.code}/"
    _settled()
    cache.set(pagecache._region_key(g.region.pk), "3f9a0c1b2d4e", None)
    _html, built = _get(client, url)
    _html, served = _get(client, url)
    assert served < built


def test_reference_data_is_kept_until_a_row_of_no_region_is_written(world):
    """The dimensions and funding sources every national page reads: cached, and retired by a
    write of any row that belongs to no region (here a dimension's name)."""
    from dimensions.models import Dimension

    def names():
        return pagecache.get_or_build_reference("test-dimensions", lambda: [d.name for d in Dimension.objects.all()])

    _settled()
    before = names()
    with CaptureQueriesContext(connection) as ctx:
        assert names() == before
    assert len(ctx.captured_queries) == 0
    dimension = f.dimension("environment")
    dimension.name = "Smart Environment (baru)"
    dimension.save()
    assert "Smart Environment (baru)" in names()


def test_a_release_starting_retires_every_part(world):
    """migrate runs as a release starts; its templates may differ: no part of the last one is served."""
    from django.apps import apps
    from django.core.cache import cache
    from django.db.models.signals import post_migrate

    _settled()
    before = pagecache.token(world.garut.region.pk)
    post_migrate.send(sender=apps.get_app_config("masterplan"), app_config=apps.get_app_config("masterplan"))
    assert pagecache.token(world.garut.region.pk) != before
    assert cache.get(pagecache._GLOBAL).rpartition("@")[2] == "0"  # no write pending: parts are stored at once
