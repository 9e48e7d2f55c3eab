"""The stage pages run a fixed number of queries whatever the number of participants,
documents, agencies or entries."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from dimensions.models import Dimension
from masterplan.models import Document
from tests import factories as f

from .conftest import complete_stage_one, section_for


def _grow(world, stages):
    g = world.garut
    complete_stage_one(g)
    for i in range(5):
        agency = f.AgencyFactory(region=g.region, name=f"Dinas Baru {i}")
        for dim in Dimension.objects.all()[:3]:
            section = f.SectionFactory(masterplan=g.masterplan, agency=agency, dimension=dim)
            program = f.ProgramFactory(section=section, horizon="short", start_year=2024, end_year=2024)
            f.QuickWinFactory(program=program, status="chosen")
            f.RoadmapEntryFactory(program=program)
            f.StrategyFactory(section=section)
    for dim in Dimension.objects.all():
        section_for(g, dim)
    for stage in stages:
        for helix in ["government", "academia", "business", "community", "media"] * 4:
            f.ParticipantFactory(stage=stage, helix=helix)
        for i in range(3):
            Document.objects.create(
                region=g.region,
                stage=stage,
                kind="commitment",
                title=f"Dok {i}",
                file=ContentFile(b"%PDF-1.4", name="d.pdf"),
                uploaded_by=g.diskominfo,
            )


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_stage_detail(world, login, django_assert_max_num_queries, settings, tmp_path, number):
    settings.MEDIA_ROOT = tmp_path
    stage = world.garut.stage
    if number != 1:
        stage = f.StageFactory(masterplan=world.garut.masterplan, number=number)
    client = login(world.garut.diskominfo)
    url = reverse("stage_detail", args=["garut", stage.pk])
    client.get(url)
    with django_assert_max_num_queries(25) as small:
        client.get(url)
    _grow(world, [stage])
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.context["helix"]["total"] == 20


def test_stage_list_and_participants(world, login, django_assert_max_num_queries, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = login(world.garut.diskominfo)
    urls = [
        reverse("stage_list", args=["garut"]),
        reverse("participant_list", args=["garut", world.garut.stage.pk]),
    ]
    counts = []
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(20) as small:
            client.get(url)
        counts.append(len(small.captured_queries))
    stages = [world.garut.stage] + [f.StageFactory(masterplan=world.garut.masterplan, number=n) for n in (2, 3, 4)]
    _grow(world, stages)
    for url, n in zip(urls, counts, strict=False):
        with django_assert_max_num_queries(n):
            assert client.get(url).status_code == 200
