"""The navigation a person finds on every page: the top bar (review queue, notifications, user) and
the region bar under it (the region's pages, the current one marked)."""

import re

import pytest
from django.urls import reverse


def nav_html(response):
    return response.content.decode().split("<main", 1)[0]


@pytest.mark.parametrize(
    "url_name,args,current",
    [
        ("dimension_index", ["garut"], "/r/garut/dimensions/"),
        ("stage_list", ["garut"], "/r/garut/stages/"),
        ("progress_matrix", ["garut"], "/r/garut/progress/"),
        ("consistency_report", ["garut"], "/r/garut/consistency/"),
        ("book_list", ["garut"], "/r/garut/books/"),
    ],
)
def test_region_bar_marks_the_current_page_once(world, login, url_name, args, current):
    nav = nav_html(login(world.garut.diskominfo).get(reverse(url_name, args=args)))
    assert 'class="region-nav"' in nav
    assert re.search(rf'href="{re.escape(current)}" aria-current="page"', nav)
    assert nav.count('aria-current="page"') == 1


def test_region_bar_marks_dimensions_in_a_section_workspace(world, login):
    section = world.garut.env_section
    nav = nav_html(login(world.garut.opd).get(reverse("section_workspace", args=["garut", section.pk])))
    assert 'href="/r/garut/dimensions/" aria-current="page"' in nav


def test_review_queue_in_the_top_bar_for_experts_on_every_page(world, login):
    client = login(world.expert)
    for url in ["/", "/r/garut/", "/r/garut/progress/"]:
        nav = nav_html(client.get(url))
        assert nav.count('href="/review/"') == 1, url
    assert 'href="/review/" aria-current="page"' in nav_html(client.get("/review/"))


def test_no_region_bar_outside_a_region(world, login):
    assert 'class="region-nav"' not in nav_html(login(world.garut.opd).get("/"))


def test_opd_dashboard_links_each_own_section_to_its_workspace(world, login):
    html = login(world.garut.opd).get("/").content.decode()
    assert f'href="/r/garut/sections/{world.garut.env_section.pk}/"' in html


def test_progress_matrix_lists_unassigned_agencies_apart_and_links_dimensions(world, login):
    from tests import factories as f

    idle = f.AgencyFactory(region=world.garut.region, name="Badan Tanpa Tugas", acronym="BTT")
    html = login(world.garut.diskominfo).get(reverse("progress_matrix", args=["garut"])).content.decode()
    table = html.split('class="table table-bordered', 1)[1].split("</table>", 1)[0]
    assert "Badan Tanpa Tugas" not in table
    assert "Dinas Lingkungan Hidup" in table
    unassigned = html.split('id="belum-ditugaskan"', 1)[1]
    assert f'href="{reverse("agency_detail", args=["garut", idle.pk])}"' in unassigned
    assert f'href="{reverse("dimension_detail", args=["garut", "environment"])}"' in html


def test_agency_page_links_its_dimensions_to_their_workspaces(world, login):
    html = login(world.garut.dewan).get(reverse("agency_detail", args=["garut", world.garut.dlh.pk])).content.decode()
    assert f'href="{reverse("section_workspace", args=["garut", world.garut.env_section.pk])}"' in html
