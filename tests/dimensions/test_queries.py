"""The dimension pages run a fixed number of queries whatever the number of entries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories as f

from .conftest import fill, workspace

# Session, user, memberships, region, masterplan, sections, one query per kind and prefetch,
# open review comments: measured (about 30), with a little room; never proportional to entries.
MAX_QUERIES = {"detail": 40, "workspace": 40, "index": 20}


def count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def test_dimension_pages_do_not_grow_with_entries(world, login, django_assert_max_num_queries):
    g = world.garut
    other = f.SectionFactory(masterplan=g.masterplan, agency=g.bappeda, dimension=f.dimension("environment"))
    fill(g.env_section, 5, "Sedikit")
    fill(other, 2, "Sedikit")
    urls = {
        "detail": reverse("dimension_detail", args=["garut", "environment"]),
        "workspace": workspace(g.region, g.env_section),
        "index": reverse("dimension_index", args=["garut"]),
    }
    clients = {"opd": login(g.opd)}
    few = {(who, name): count(c, url)[0] for who, c in clients.items() for name, url in urls.items()}

    # 50 programs in the OPD's section, each with road map years, an indicator with targets,
    # strategies, SWOT entries, goals...; more in the other agency's section.
    fill(g.env_section, 45, "Banyak")
    fill(other, 3, "Banyak")
    pages = {}
    for (who, name), n in few.items():
        with django_assert_max_num_queries(MAX_QUERIES[name]):
            many, pages[name] = count(clients[who], urls[name])
        assert many == n, (who, name, n, many)
    html = pages["detail"].content.decode()
    assert "Banyak program 44" in html and "Banyak kegiatan 44 2026" in html and "Banyak quick win 40" in html


def test_readers_detail_page_does_not_grow_either(world, login):
    g = world.garut
    fill(g.env_section, 2, "Sedikit")
    c = login(world.expert)
    url = reverse("dimension_detail", args=["garut", "environment"])
    few, _r = count(c, url)
    fill(g.env_section, 8, "Banyak")
    assert count(c, url)[0] == few
