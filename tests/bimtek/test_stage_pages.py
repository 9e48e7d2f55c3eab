"""Stage pages: list, detail with checklist, editing with date checks, participants by hand,
the helix chart, stage documents."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from bimtek import selectors
from bimtek.models import Participant, Stage
from masterplan.models import Document
from tests import factories as f


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_stage_list_shows_stages_and_overall_helix(world, login):
    f.StageFactory(masterplan=world.garut.masterplan, number=2)
    f.ParticipantFactory(stage=world.garut.stage, helix="government")
    f.ParticipantFactory(stage=world.garut.stage, helix="academia")
    response = login(world.garut.dewan).get(reverse("stage_list", args=["garut"]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Tahap I" in body and "Tahap II" in body
    assert "Semua tahap" in body
    assert response.context["helix"]["overall"]["total"] == 2


def test_stage_ensure_creates_missing_stages(world, login):
    client = login(world.garut.diskominfo)
    client.post(reverse("stage_ensure", args=["garut"]))
    assert sorted(world.garut.masterplan.stages.values_list("number", flat=True)) == [1, 2, 3, 4]
    assert world.tegal.masterplan.stages.count() == 1
    assert login(world.garut.opd).post(reverse("stage_ensure", args=["garut"])).status_code == 403


def test_helix_counts_per_stage_and_across(world):
    s1 = world.garut.stage
    s2 = f.StageFactory(masterplan=world.garut.masterplan, number=2)
    for helix in ["government", "government", "academia", "media"]:
        f.ParticipantFactory(stage=s1, helix=helix)
    for helix in ["business", "community", "government"]:
        f.ParticipantFactory(stage=s2, helix=helix)
    f.ParticipantFactory(stage=world.tegal.stage, helix="media")  # another region: not counted

    mix = selectors.stage_helix_mix(s1)
    counts = {b.helix: b.count for b in mix["bars"]}
    assert counts == {"government": 2, "academia": 1, "business": 0, "community": 0, "media": 1}
    assert mix["total"] == 4
    assert mix["non_government_percent"] == 50
    assert {b.helix: b.percent for b in mix["bars"]}["government"] == 50

    overall = selectors.masterplan_helix_mix(world.garut.masterplan)
    assert {b.helix: b.count for b in overall["overall"]["bars"]} == {
        "government": 3,
        "academia": 1,
        "business": 1,
        "community": 1,
        "media": 1,
    }
    assert overall["stage_totals"] == [4, 3]
    table = {label: (counts, total) for label, counts, total in overall["table"]}
    assert table["Pemerintah"] == ([2, 1], 3)


def test_helix_chart_has_numbers_in_text(world, login):
    f.ParticipantFactory(stage=world.garut.stage, helix="academia")
    f.ParticipantFactory(stage=world.garut.stage, helix="government")
    body = (
        login(world.garut.dewan).get(reverse("participant_list", args=["garut", world.garut.stage.pk])).content.decode()
    )
    assert "Akademisi" in body
    assert "(50%)" in body
    assert "unsur non-pemerintah" in body


def test_stage_detail_shows_checklist_with_links(world, login):
    response = login(world.garut.diskominfo).get(reverse("stage_detail", args=["garut", world.garut.stage.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "SWOT Smart Environment: Ancaman" in body
    assert "Lengkapi" in body
    assert response.context["checklist_complete"] is False


def test_stage_edit_saves(world, login):
    url = reverse("stage_edit", args=["garut", world.garut.stage.pk])
    client = login(world.garut.diskominfo)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "start_date": "2023-07-05",
            "end_date": "2023-07-06",
            "venue": "Aula Bappeda",
            "status": "done",
            "notes": "Lancar",
        },
    )
    assert response.status_code == 302
    stage = Stage.objects.get(pk=world.garut.stage.pk)
    assert str(stage.start_date) == "2023-07-05" and stage.venue == "Aula Bappeda" and stage.status == "done"


def test_stage_edit_end_before_start_is_a_field_error(world, login):
    url = reverse("stage_edit", args=["garut", world.garut.stage.pk])
    response = login(world.garut.diskominfo).post(
        url, {"start_date": "2023-07-06", "end_date": "2023-07-05", "venue": "Aula Baru", "status": "planned"}
    )
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    body = response.content.decode()
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai" in body
    assert 'value="Aula Baru"' in body  # what was typed is kept
    assert Stage.objects.get(pk=world.garut.stage.pk).venue == "Aula Pemda"


def test_stage_edit_cannot_choose_signed_off(world, login):
    url = reverse("stage_edit", args=["garut", world.garut.stage.pk])
    response = login(world.garut.diskominfo).post(url, {"venue": "X", "status": "signed_off"})
    assert "status" in response.context["form"].errors
    assert Stage.objects.get(pk=world.garut.stage.pk).status == "planned"


def test_signed_off_stage_keeps_its_status_on_edit(world, login):
    Stage.objects.filter(pk=world.garut.stage.pk).update(status="signed_off", signed_off_by=world.expert)
    url = reverse("stage_edit", args=["garut", world.garut.stage.pk])
    response = login(world.garut.diskominfo).post(url, {"venue": "Gedung Baru", "status": "planned"})
    assert response.status_code == 302
    stage = Stage.objects.get(pk=world.garut.stage.pk)
    assert stage.status == "signed_off" and stage.venue == "Gedung Baru"


@pytest.mark.parametrize("who", ["opd", "dewan"])
def test_stage_edit_needs_manage(world, login, who):
    url = reverse("stage_edit", args=["garut", world.garut.stage.pk])
    assert login(getattr(world.garut, who)).post(url, {"venue": "X", "status": "done"}).status_code == 403
    assert login(world.expert).get(url).status_code == 403


def test_participant_add_edit_delete(world, login):
    client = login(world.garut.diskominfo)
    stage = world.garut.stage
    add = reverse("participant_create", args=["garut", stage.pk])
    response = client.post(add, {"name": "Siti", "institution": "Bappeda", "helix": "government", "email": "x"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert 'value="Siti"' in response.content.decode()
    assert Participant.objects.count() == 0

    response = client.post(add, {"name": "Siti", "institution": "Bappeda", "helix": "government"})
    assert response.status_code == 302
    p = Participant.objects.get()
    assert p.stage == stage

    edit = reverse("participant_edit", args=["garut", p.pk])
    client.post(edit, {"name": "Siti R.", "institution": "Universitas Garut", "helix": "academia"})
    p.refresh_from_db()
    assert (p.name, p.helix) == ("Siti R.", "academia")

    delete = reverse("participant_delete", args=["garut", p.pk])
    assert client.get(delete).status_code == 200
    client.post(delete)
    assert not Participant.objects.exists()


def test_contacts_shown_to_diskominfo_only(world, login):
    f.ParticipantFactory(stage=world.garut.stage, email="rahasia@example.id", phone="0812")
    url = reverse("participant_list", args=["garut", world.garut.stage.pk])
    assert "rahasia@example.id" in login(world.garut.diskominfo).get(url).content.decode()
    assert "rahasia@example.id" not in login(world.garut.dewan).get(url).content.decode()


@pytest.mark.parametrize("who", ["opd", "dewan"])
def test_participant_writes_need_manage(world, login, who):
    p = f.ParticipantFactory(stage=world.garut.stage)
    client = login(getattr(world.garut, who))
    assert client.post(reverse("participant_create", args=["garut", world.garut.stage.pk]), {}).status_code == 403
    assert client.post(reverse("participant_edit", args=["garut", p.pk]), {}).status_code == 403
    assert client.post(reverse("participant_delete", args=["garut", p.pk])).status_code == 403
    assert Participant.objects.filter(pk=p.pk).exists()


def _pdf():
    return SimpleUploadedFile("materi.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def _png():
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buf, "PNG")
    return SimpleUploadedFile("foto.png", buf.getvalue())


def test_stage_document_upload_sets_stage(world, login):
    url = reverse("stage_document_upload", args=["garut", world.garut.stage.pk])
    client = login(world.garut.diskominfo)
    response = client.post(url, {"kind": "material", "title": "Materi Tahap I", "file": _pdf()})
    assert response.status_code == 302
    doc = Document.objects.get()
    assert doc.stage == world.garut.stage and doc.region == world.garut.region and doc.kind == "material"
    client.post(url, {"kind": "photo", "title": "Foto", "file": _png()})
    detail = client.get(reverse("stage_detail", args=["garut", world.garut.stage.pk])).content.decode()
    assert "Materi Tahap I" in detail
    assert reverse("document_download", args=["garut", doc.pk]) in detail


def test_stage_document_upload_checks_content(world, login):
    url = reverse("stage_document_upload", args=["garut", world.garut.stage.pk])
    response = login(world.garut.diskominfo).post(
        url, {"kind": "minutes", "title": "Notulen", "file": SimpleUploadedFile("notulen.pdf", b"just text")}
    )
    assert response.status_code == 200
    assert response.context["document_form"].errors["file"]
    assert 'value="Notulen"' in response.content.decode()
    assert not Document.objects.exists()


def test_stage_document_kinds_are_a_stages(world, login):
    url = reverse("stage_document_upload", args=["garut", world.garut.stage.pk])
    response = login(world.garut.diskominfo).post(url, {"kind": "mou", "title": "MoU", "file": _pdf()})
    assert "kind" in response.context["document_form"].errors
    assert not Document.objects.exists()


def test_commitment_upload_completes_stage_four_item(world, login):
    stage4 = f.StageFactory(masterplan=world.garut.masterplan, number=4)
    url = reverse("stage_document_upload", args=["garut", stage4.pk])
    client = login(world.garut.diskominfo)
    detail = reverse("stage_detail", args=["garut", stage4.pk])
    item = [
        i
        for _g, items in client.get(detail).context["checklist"]
        for i in items
        if i.label == "Lembar komitmen diunggah"
    ]
    assert not item[0].done
    client.post(url, {"kind": "commitment", "title": "Lembar komitmen", "file": _pdf()})
    item = [
        i
        for _g, items in client.get(detail).context["checklist"]
        for i in items
        if i.label == "Lembar komitmen diunggah"
    ]
    assert item[0].done


@pytest.mark.parametrize("who", ["opd", "dewan"])
def test_stage_document_upload_needs_manage(world, login, who):
    url = reverse("stage_document_upload", args=["garut", world.garut.stage.pk])
    response = login(getattr(world.garut, who)).post(url, {"kind": "material", "title": "X", "file": _pdf()})
    assert response.status_code == 403
    assert not Document.objects.exists()
