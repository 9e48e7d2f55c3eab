"""Every URL of the bimtek app: a foreign region's object, by any URL, answers 404; each role
in its own region gets what its role allows."""

import pytest
from django.urls import reverse

from bimtek.models import Participant, Stage
from tests import factories as f


@pytest.fixture
def objs(world):
    world.garut.participant = f.ParticipantFactory(stage=world.garut.stage)
    world.tegal.participant = f.ParticipantFactory(stage=world.tegal.stage)
    return world


STAGE_URLS = [
    ("stage_detail", "get"),
    ("stage_edit", "get"),
    ("stage_edit", "post"),
    ("stage_sign_off", "get"),
    ("stage_sign_off", "post"),
    ("stage_sign_off_withdraw", "get"),
    ("stage_sign_off_withdraw", "post"),
    ("stage_document_upload", "post"),
    ("participant_list", "get"),
    ("participant_create", "get"),
    ("participant_create", "post"),
    ("participant_import", "get"),
    ("participant_import", "post"),
]
PARTICIPANT_URLS = [
    ("participant_edit", "get"),
    ("participant_edit", "post"),
    ("participant_delete", "get"),
    ("participant_delete", "post"),
]
REGION_URLS = ["stage_list", "progress_matrix", "consistency_report"]
ROLES = ["opd", "diskominfo", "dewan"]


def _users(w):
    return [getattr(w.garut, r) for r in ROLES] + [w.expert]


@pytest.mark.parametrize("name,method", STAGE_URLS)
def test_foreign_stage_through_own_slug_is_404(objs, login, name, method):
    for user in [*_users(objs), objs.admin]:
        client = login(user)
        url = reverse(name, args=["garut", objs.tegal.stage.pk])
        assert getattr(client, method)(url).status_code == 404, (user, name)


@pytest.mark.parametrize("name,method", PARTICIPANT_URLS)
def test_foreign_participant_through_own_slug_is_404(objs, login, name, method):
    for user in [*_users(objs), objs.admin]:
        client = login(user)
        url = reverse(name, args=["garut", objs.tegal.participant.pk])
        assert getattr(client, method)(url).status_code == 404, (user, name)
    assert Participant.objects.filter(pk=objs.tegal.participant.pk).exists()


@pytest.mark.parametrize("name,method", STAGE_URLS)
def test_foreign_region_slug_is_404(objs, login, name, method):
    for user in [*_users(objs), objs.outsider]:
        client = login(user)
        url = reverse(name, args=["tegal", objs.tegal.stage.pk])
        assert getattr(client, method)(url).status_code == 404, (user, name)


@pytest.mark.parametrize("name", REGION_URLS)
def test_foreign_region_pages_are_404(objs, login, name):
    for user in [*_users(objs), objs.outsider]:
        assert login(user).get(reverse(name, args=["tegal"])).status_code == 404, user
    assert login(objs.garut.opd).post(reverse("stage_ensure", args=["tegal"])).status_code == 404


@pytest.mark.parametrize("name", REGION_URLS)
@pytest.mark.parametrize("who", [*ROLES, "expert", "admin"])
def test_own_region_pages_readable_by_every_role(objs, login, name, who):
    user = objs.expert if who == "expert" else objs.admin if who == "admin" else getattr(objs.garut, who)
    response = login(user).get(reverse(name, args=["garut"]))
    assert response.status_code == 200
    assert "Tegal" not in response.content.decode().replace("tegal", "")


@pytest.mark.parametrize(
    "who,read,manage",
    [("opd", 200, 403), ("dewan", 200, 403), ("expert", 200, 403), ("diskominfo", 200, 200), ("admin", 200, 200)],
)
def test_own_stage_pages_by_role(objs, login, who, read, manage):
    user = objs.expert if who == "expert" else objs.admin if who == "admin" else getattr(objs.garut, who)
    client = login(user)
    stage = objs.garut.stage
    for name in ["stage_detail", "participant_list"]:
        assert client.get(reverse(name, args=["garut", stage.pk])).status_code == read
    for name in ["stage_edit", "participant_create", "participant_import"]:
        assert client.get(reverse(name, args=["garut", stage.pk])).status_code == manage
    for name in ["participant_edit", "participant_delete"]:
        assert client.get(reverse(name, args=["garut", objs.garut.participant.pk])).status_code == manage


def test_anonymous_is_sent_to_login(objs, client):
    response = client.get(reverse("stage_detail", args=["garut", objs.garut.stage.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_tegal_untouched_by_garut_writes(objs, login):
    client = login(objs.garut.diskominfo)
    client.post(reverse("stage_edit", args=["garut", objs.tegal.stage.pk]), {"venue": "X", "status": "done"})
    client.post(reverse("participant_delete", args=["garut", objs.tegal.participant.pk]))
    assert Stage.objects.get(pk=objs.tegal.stage.pk).venue == "Aula Pemda"
    assert Participant.objects.filter(pk=objs.tegal.participant.pk).exists()
