"""The progress matrix: agencies by dimensions, states and counts, what is missing."""

import pytest
from django.urls import reverse

from dimensions.models import Section
from dimensions.progress import progress_matrix
from tests import factories as f

from .conftest import complete_stage_one


def _cell(matrix, agency, code):
    row = next(r for r in matrix["rows"] if r["agency"] == agency)
    index = [d.code for d in matrix["dimensions"]].index(code)
    return row["cells"][index]


def _column(matrix, code):
    return next(c for c in matrix["columns"] if c.dimension.code == code)


def test_cells_states_and_counts(world):
    g = world.garut
    f.ReadinessItemFactory(section=g.env_section)
    f.GapItemFactory(section=g.env_section)
    f.GapItemFactory(section=g.env_section)
    f.StrategyFactory(section=g.env_section)
    f.GoalFactory(section=g.env_section)
    f.QuickWinFactory(program=f.ProgramFactory(section=g.env_section, horizon="short", start_year=2024, end_year=2024))
    Section.objects.filter(pk=g.gov_section.pk).update(state="approved")
    m = progress_matrix(g.masterplan)

    assert [d.code for d in m["dimensions"]] == [
        "governance",
        "branding",
        "economy",
        "living",
        "society",
        "environment",
    ]
    assert [r["agency"] for r in m["rows"]] == [g.bappeda, g.dlh]  # by name
    env = _cell(m, g.dlh, "environment")
    assert env.state == "draft"
    assert {str(k): v for k, v in env.counts} == {
        "Kesiapan": 1,
        "Kesenjangan": 2,
        "SWOT": 1,
        "Strategi": 1,
        "Sasaran": 1,
        "Program": 2,
        "Quick win": 1,
    }
    assert _cell(m, g.bappeda, "governance").state == "approved"
    # Not assigned: empty cell.
    assert _cell(m, g.dlh, "governance") is None
    assert _cell(m, g.bappeda, "environment") is None
    assert m["section_count"] == 2


def test_missing_per_dimension(world):
    m = progress_matrix(world.garut.masterplan)
    env = _column(m, "environment")
    assert "SWOT: Ancaman belum ada" in env.missing
    assert "SWOT: Kekuatan belum ada" not in env.missing
    assert "Belum ada quick win" in env.missing
    assert "1 dari 1 bagian belum disetujui" in env.missing
    assert _column(m, "economy").missing == ["Belum ditugaskan ke perangkat daerah mana pun."]

    complete_stage_one(world.garut)
    m = progress_matrix(world.garut.masterplan)
    assert not any(s.startswith("SWOT") for s in _column(m, "environment").missing)


def test_other_region_not_counted(world):
    f.SwotEntryFactory(section=world.tegal.env_section, quadrant="T")
    m = progress_matrix(world.garut.masterplan)
    assert world.tegal.dlh not in [r["agency"] for r in m["rows"]]
    assert "SWOT: Ancaman belum ada" in _column(m, "environment").missing
    assert {str(k): v for k, v in _cell(m, world.garut.dlh, "environment").counts}["SWOT"] == 1


@pytest.mark.parametrize("who", ["diskominfo", "opd", "dewan"])
def test_page_visible_to_region_roles(world, login, who):
    response = login(getattr(world.garut, who)).get(reverse("progress_matrix", args=["garut"]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dinas Lingkungan Hidup" in body
    assert "Draf" in body  # state in text, not colour only
    assert "SWOT: Ancaman belum ada" in body


def test_page_links_cells_to_section_workspace(world, login):
    body = login(world.expert).get(reverse("progress_matrix", args=["garut"])).content.decode()
    try:
        url = reverse("section_workspace", args=["garut", world.garut.env_section.pk])
    except Exception:
        url = reverse("dimension_index", args=["garut"])
    assert url in body


def test_page_query_count_is_fixed(world, login, django_assert_max_num_queries):
    client = login(world.garut.diskominfo)
    url = reverse("progress_matrix", args=["garut"])
    client.get(url)
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    # Many more agencies, sections and entries.
    g = world.garut
    for i in range(8):
        agency = f.AgencyFactory(region=g.region, name=f"Dinas Tambahan {i}")
        for code in ["branding", "living", "society"]:
            section = f.SectionFactory(masterplan=g.masterplan, agency=agency, dimension=f.dimension(code))
            f.SwotEntryFactory(section=section, quadrant="W")
            f.ReadinessItemFactory(section=section)
            f.QuickWinFactory(
                program=f.ProgramFactory(section=section, horizon="short", start_year=2024, end_year=2024)
            )
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert "Dinas Tambahan 7" in response.content.decode()
