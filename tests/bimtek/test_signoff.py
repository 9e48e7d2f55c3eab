"""The expert's sign-off of a stage: only when the checklist is complete, only by the expert
assigned to the region."""

import pytest
from django.urls import reverse

from bimtek import services
from bimtek.models import Stage
from tests import factories as f


def _url(rw, stage=None):
    return reverse("stage_sign_off", args=[rw.region.slug, (stage or rw.stage).pk])


def test_refused_when_checklist_incomplete(world):
    with pytest.raises(services.StageActionRefused) as exc:
        services.stage_sign_off(world.garut.stage, world.expert)
    assert "belum dapat disahkan" in exc.value.message
    world.garut.stage.refresh_from_db()
    assert world.garut.stage.status == Stage.Status.PLANNED
    assert world.garut.stage.signed_off_by is None


def test_allowed_when_complete(stage_one_complete):
    w = stage_one_complete
    stage = services.stage_sign_off(w.garut.stage, w.expert)
    stage.refresh_from_db()
    assert stage.status == Stage.Status.SIGNED_OFF
    assert stage.signed_off_by == w.expert
    assert stage.signed_off_at is not None
    # A second sign-off is refused, the first record stays.
    with pytest.raises(services.StageActionRefused):
        services.stage_sign_off(stage, w.expert)


@pytest.mark.parametrize("who", ["diskominfo", "opd", "dewan"])
def test_refused_for_non_experts(stage_one_complete, who):
    w = stage_one_complete
    with pytest.raises(services.StageActionRefused) as exc:
        services.stage_sign_off(w.garut.stage, getattr(w.garut, who))
    assert "tenaga ahli" in exc.value.message
    w.garut.stage.refresh_from_db()
    assert w.garut.stage.status == Stage.Status.PLANNED


def test_refused_for_expert_of_another_region(stage_one_complete):
    w = stage_one_complete
    tegal_expert = f.UserFactory(username="ahli-tegal")
    f.MembershipFactory(user=tegal_expert, region=w.tegal.region, role="expert")
    with pytest.raises(services.StageActionRefused):
        services.stage_sign_off(w.garut.stage, tegal_expert)
    w.garut.stage.refresh_from_db()
    assert w.garut.stage.status == Stage.Status.PLANNED


def test_undo_withdraws_the_sign_off(stage_one_complete):
    w = stage_one_complete
    services.stage_sign_off(w.garut.stage, w.expert)
    stage = services.stage_sign_off_undo(w.garut.stage, w.expert)
    stage.refresh_from_db()
    assert (stage.status, stage.signed_off_by, stage.signed_off_at) == (Stage.Status.DONE, None, None)
    # Nothing left to withdraw.
    with pytest.raises(services.StageActionRefused) as exc:
        services.stage_sign_off_undo(stage, w.expert)
    assert "belum disahkan" in exc.value.message


@pytest.mark.parametrize("who", ["diskominfo", "opd", "dewan"])
def test_undo_refused_for_non_experts(stage_one_complete, who):
    w = stage_one_complete
    services.stage_sign_off(w.garut.stage, w.expert)
    with pytest.raises(services.StageActionRefused) as exc:
        services.stage_sign_off_undo(w.garut.stage, getattr(w.garut, who))
    assert "tenaga ahli" in exc.value.message
    w.garut.stage.refresh_from_db()
    assert (w.garut.stage.status, w.garut.stage.signed_off_by) == (Stage.Status.SIGNED_OFF, w.expert)


def test_view_signs_off_when_complete(stage_one_complete, login):
    w = stage_one_complete
    client = login(w.expert)
    response = client.post(_url(w.garut), follow=True)
    assert response.status_code == 200
    assert "telah disahkan" in response.content.decode()
    w.garut.stage.refresh_from_db()
    assert w.garut.stage.status == Stage.Status.SIGNED_OFF


def test_view_refuses_with_message_when_incomplete(world, login):
    client = login(world.expert)
    response = client.post(_url(world.garut), follow=True)
    body = response.content.decode()
    assert "belum dapat disahkan" in body
    world.garut.stage.refresh_from_db()
    assert world.garut.stage.status == Stage.Status.PLANNED


def test_view_refuses_diskominfo_with_message(stage_one_complete, login):
    w = stage_one_complete
    response = login(w.garut.diskominfo).post(_url(w.garut), follow=True)
    assert "Hanya tenaga ahli" in response.content.decode()
    w.garut.stage.refresh_from_db()
    assert w.garut.stage.status == Stage.Status.PLANNED


def test_view_foreign_region_is_404_for_expert(world, login):
    client = login(world.expert)  # assigned to Garut only
    assert client.post(_url(world.tegal)).status_code == 404
    # A Tegal stage through the Garut slug is 404 too.
    url = reverse("stage_sign_off", args=["garut", world.tegal.stage.pk])
    assert client.post(url).status_code == 404


def test_get_is_not_allowed(world, login):
    assert login(world.expert).get(_url(world.garut)).status_code == 405


def test_sign_off_button_shown_to_expert_only(world, login):
    url = reverse("stage_detail", args=["garut", world.garut.stage.pk])
    assert _url(world.garut) in login(world.expert).get(url).content.decode()
    assert _url(world.garut) not in login(world.garut.diskominfo).get(url).content.decode()
