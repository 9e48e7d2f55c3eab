"""The stage checklists, computed from the data of the test world."""

import pytest

from bimtek.checklist import checklist_complete, stage_checklist
from dimensions.models import Dimension, QuickWin, ReadinessItem, Section, SwotEntry
from masterplan.models import Document
from tests import factories as f

from .conftest import complete_stage_one, section_for


def _item(items, label):
    matches = [i for i in items if i.label == label]
    assert len(matches) == 1, [i.label for i in items]
    return matches[0]


def test_stage_one_incomplete_on_the_bare_world(world):
    items = stage_checklist(world.garut.masterplan, 1)
    assert not checklist_complete(items)
    # 3 readiness components + 6 dimensions x 4 quadrants, each its own item
    assert len(items) == 3 + 6 * 4
    # The world has one Kekuatan entry in Smart Environment: that item is done, its Ancaman is not.
    assert _item(items, "SWOT Smart Environment: Kekuatan").done
    missing = _item(items, "SWOT Smart Environment: Ancaman")
    assert not missing.done
    assert "Ancaman belum ada" in missing.detail
    assert "/r/garut/dimensions/" in missing.url
    assert not _item(items, "Kesiapan komponen Struktur").done


def test_stage_one_links_each_missing_dimension_to_its_page(world):
    items = stage_checklist(world.garut.masterplan, 1)
    item = _item(items, "SWOT Smart Branding: Peluang")
    assert not item.done
    assert item.url.startswith("/r/garut/dimensions/")
    try:
        from django.urls import reverse

        expected = reverse("dimension_detail", args=["garut", "branding"])
    except Exception:
        expected = "/r/garut/dimensions/"
    assert item.url == expected


def test_stage_one_complete_then_incomplete_again(world):
    complete_stage_one(world.garut)
    mp = world.garut.masterplan
    assert checklist_complete(stage_checklist(mp, 1))

    # Remove every Ancaman of Smart Living: exactly that item falls back.
    SwotEntry.objects.filter(section__masterplan=mp, section__dimension__code="living", quadrant="T").delete()
    items = stage_checklist(mp, 1)
    assert not checklist_complete(items)
    assert [i.label for i in items if not i.done] == ["SWOT Smart Living: Ancaman"]

    # Remove the suprastruktur readiness items too.
    ReadinessItem.objects.filter(section__masterplan=mp, component="suprastruktur").delete()
    assert {i.label for i in stage_checklist(mp, 1) if not i.done} == {
        "SWOT Smart Living: Ancaman",
        "Kesiapan komponen Suprastruktur",
    }


def test_stage_one_ignores_the_other_region(world):
    complete_stage_one(world.tegal)
    assert not checklist_complete(stage_checklist(world.garut.masterplan, 1))
    assert checklist_complete(stage_checklist(world.tegal.masterplan, 1))


def _program_with_quick_win(rw, dim, status="candidate", horizon="short"):
    section = section_for(rw, dim)
    start, end = 2024, {"short": 2024, "medium": 2028, "long": 2033}[horizon]
    program = f.ProgramFactory(section=section, horizon=horizon, start_year=start, end_year=end)
    f.QuickWinFactory(program=program, status=status)
    return program


def test_stage_two(world):
    mp = world.garut.masterplan
    items = stage_checklist(mp, 2)
    assert _item(items, "Visi").done and _item(items, "Misi").done
    assert _item(items, "Program Smart Environment").done
    assert not _item(items, "Kandidat quick win Smart Environment").done
    assert not _item(items, "Program Smart Economy").done

    for dim in Dimension.objects.all():
        _program_with_quick_win(world.garut, dim)
    assert checklist_complete(stage_checklist(mp, 2))

    mp.vision = "  "
    mp.save()
    items = stage_checklist(mp, 2)
    assert [i.label for i in items if not i.done] == ["Visi"]


def test_stage_three(world):
    mp = world.garut.masterplan
    items = stage_checklist(mp, 3)
    assert not checklist_complete(items)
    assert _item(items, "Program jangka menengah (5 tahun)").done
    assert not _item(items, "Program jangka panjang (10 tahun)").done
    road = _item(items, "Peta jalan program Smart Environment")
    assert not road.done and "1 dari 1 program" in road.detail

    for dim in Dimension.objects.all():
        section = section_for(world.garut, dim)
        f.StrategyFactory(section=section)
        _program_with_quick_win(world.garut, dim, status="chosen")
    f.ProgramFactory(section=world.garut.env_section, horizon="long", start_year=2024, end_year=2033)
    items = stage_checklist(mp, 3)
    # Road maps are still missing everywhere, the rest is there.
    assert {i.label for i in items if not i.done} == {f"Peta jalan program {d.name}" for d in Dimension.objects.all()}
    for program in world.garut.program.section.masterplan.sections.values_list("programs", flat=True):
        f.RoadmapEntryFactory(program_id=program)
    assert checklist_complete(stage_checklist(mp, 3))

    QuickWin.objects.filter(program__section__masterplan=mp, program__section__dimension__code="society").update(
        status="candidate"
    )
    assert [i.label for i in stage_checklist(mp, 3) if not i.done] == ["Quick win terpilih Smart Society"]


def test_stage_four(world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    mp = world.garut.masterplan
    stage = f.StageFactory(masterplan=mp, number=4)
    items = stage_checklist(mp, 4, stage)
    labels = {i.label for i in items if not i.done}
    assert "Smart Environment — DLH disetujui" in labels
    assert "Smart Economy: belum ada OPD yang ditugaskan" in labels
    assert "Lembar komitmen diunggah" in labels

    for dim in Dimension.objects.all():
        section_for(world.garut, dim)
    Section.objects.filter(masterplan=mp).update(state="approved")
    from django.core.files.base import ContentFile

    Document.objects.create(
        region=world.garut.region,
        stage=stage,
        kind="commitment",
        title="Lembar komitmen",
        file=ContentFile(b"%PDF-1.4 test", name="komitmen.pdf"),
    )
    assert checklist_complete(stage_checklist(mp, 4, stage))

    Section.objects.filter(pk=world.garut.gov_section.pk).update(state="submitted")
    missing = [i for i in stage_checklist(mp, 4, stage) if not i.done]
    assert [i.label for i in missing] == ["Smart Governance — Bappeda disetujui"]
    assert "Diajukan" in missing[0].detail
    assert str(world.garut.gov_section.pk) in missing[0].url or "/dimensions/" in missing[0].url


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_checklist_queries_do_not_grow(world, django_assert_max_num_queries, number):
    mp = world.garut.masterplan
    stage = world.garut.stage
    with django_assert_max_num_queries(6):
        stage_checklist(mp, number, stage)
    complete_stage_one(world.garut)
    for dim in Dimension.objects.all():
        for _ in range(3):
            _program_with_quick_win(world.garut, dim, status="chosen")
    mp = type(mp).objects.get(pk=mp.pk)
    with django_assert_max_num_queries(6):
        stage_checklist(mp, number, stage)
