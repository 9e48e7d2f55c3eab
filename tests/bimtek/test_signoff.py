"""The expert's sign-off of a stage: only when the checklist is complete, only by the expert
assigned to the region, after a confirmation page; its undo (withdrawal) by the same role, logged
with who, when and why; both tell the region's Diskominfo staff and experts."""

import pytest
from django.urls import reverse

from bimtek import selectors, services
from bimtek.models import Stage
from masterplan.notifications.models import Notification
from tests import factories as f


def _url(rw, stage=None, name="stage_sign_off"):
    return reverse(name, args=[rw.region.slug, (stage or rw.stage).pk])


CONFIRM = {"confirm": "1"}


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
    response = client.post(_url(w.garut), CONFIRM, follow=True)
    assert response.status_code == 200
    assert "telah disahkan" in response.content.decode()
    w.garut.stage.refresh_from_db()
    assert w.garut.stage.status == Stage.Status.SIGNED_OFF


def test_view_refuses_with_message_when_incomplete(world, login):
    client = login(world.expert)
    response = client.post(_url(world.garut), CONFIRM, follow=True)
    body = response.content.decode()
    assert "belum dapat disahkan" in body
    world.garut.stage.refresh_from_db()
    assert world.garut.stage.status == Stage.Status.PLANNED


def test_view_refuses_diskominfo_with_message(stage_one_complete, login):
    w = stage_one_complete
    response = login(w.garut.diskominfo).post(_url(w.garut), CONFIRM, follow=True)
    assert "Hanya tenaga ahli" in response.content.decode()
    w.garut.stage.refresh_from_db()
    assert w.garut.stage.status == Stage.Status.PLANNED


def test_view_foreign_region_is_404_for_expert(world, login):
    client = login(world.expert)  # assigned to Garut only
    assert client.post(_url(world.tegal)).status_code == 404
    # A Tegal stage through the Garut slug is 404 too.
    url = reverse("stage_sign_off", args=["garut", world.tegal.stage.pk])
    assert client.post(url).status_code == 404


def test_confirmation_page_then_sign_off_and_undo_with_log_and_notifications(
    stage_one_complete, login, mailoutbox, django_capture_on_commit_callbacks
):
    w = stage_one_complete
    client = login(w.expert)
    detail = reverse("stage_detail", args=["garut", w.garut.stage.pk])
    # The stage page offers a link to a confirmation page, not a one-click form.
    page = client.get(detail).content.decode()
    assert f'href="{_url(w.garut)}"' in page and f'action="{_url(w.garut)}"' not in page
    confirm = client.get(_url(w.garut)).content.decode()
    assert "Ya, sahkan Tahap I" in confirm and 'name="confirm"' in confirm
    # A POST without the confirmation page's button changes nothing and asks first.
    response = client.post(_url(w.garut))
    assert response.status_code == 302 and response["Location"] == _url(w.garut)
    w.garut.stage.refresh_from_db()
    assert w.garut.stage.status == Stage.Status.PLANNED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(w.garut), CONFIRM)
    w.garut.stage.refresh_from_db()
    assert (w.garut.stage.status, w.garut.stage.signed_off_by) == (Stage.Status.SIGNED_OFF, w.expert)
    told = Notification.objects.filter(kind=Notification.Kind.STAGE_SIGNED_OFF)
    assert {n.recipient for n in told} == {w.garut.diskominfo}  # not the actor, not Tegal, not OPD
    assert (
        told[0].url == detail and told[0].text == f"Tenaga ahli {w.expert} mengesahkan Tahap I bimtek {w.garut.region}."
    )

    # Undo: its own confirmation page with a reason; the stage goes back to done.
    page = client.get(detail).content.decode()
    assert _url(w.garut, name="stage_sign_off_withdraw") in page
    assert "Ya, cabut pengesahan" in client.get(_url(w.garut, name="stage_sign_off_withdraw")).content.decode()
    long_reason = client.post(_url(w.garut, name="stage_sign_off_withdraw"), {**CONFIRM, "reason": "x" * 101})
    assert long_reason.status_code == 200 and "100 karakter" in long_reason.content.decode()
    w.garut.stage.refresh_from_db()
    assert w.garut.stage.status == Stage.Status.SIGNED_OFF
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url(w.garut, name="stage_sign_off_withdraw"), {**CONFIRM, "reason": "Berita acara belum ada"}, follow=True
        )
    assert "Pengesahan Tahap I dicabut" in response.content.decode()
    w.garut.stage.refresh_from_db()
    assert (w.garut.stage.status, w.garut.stage.signed_off_by) == (Stage.Status.DONE, None)
    withdrawn = Notification.objects.get(kind=Notification.Kind.STAGE_SIGN_OFF_WITHDRAWN)
    assert withdrawn.recipient == w.garut.diskominfo
    assert (
        withdrawn.text
        == f"Tenaga ahli {w.expert} mencabut pengesahan Tahap I bimtek {w.garut.region}. Alasan: Berita acara belum ada"
    )
    assert [m.to for m in mailoutbox] == [[w.garut.diskominfo.email]] * 2

    # Who signed off and who withdrew it, when and why, stay on the stage page.
    log = selectors.stage_sign_off_log(w.garut.stage)
    assert [(e.signed_off, e.user, e.reason) for e in log] == [
        (True, w.expert, ""),
        (False, w.expert, "Berita acara belum ada"),
    ]
    page = client.get(detail).content.decode()
    assert "Riwayat pengesahan" in page and f"Pengesahan dicabut oleh {w.expert}" in page


def test_confirmation_pages_refuse_other_roles_and_wrong_states(stage_one_complete, login):
    w = stage_one_complete
    for who in ("diskominfo", "opd", "dewan"):
        client = login(getattr(w.garut, who))
        assert client.get(_url(w.garut)).status_code == 403, who
        assert client.get(_url(w.garut, name="stage_sign_off_withdraw")).status_code == 403, who
    expert = login(w.expert)
    # Nothing to withdraw yet: back to the stage page with a message.
    response = expert.get(_url(w.garut, name="stage_sign_off_withdraw"), follow=True)
    assert "Tahap I belum disahkan" in response.content.decode()
    services.stage_sign_off(w.garut.stage, w.expert)
    assert "Tahap I sudah disahkan" in expert.get(_url(w.garut), follow=True).content.decode()
    # Diskominfo cannot withdraw by POST either; the sign-off stays.
    response = login(w.garut.diskominfo).post(_url(w.garut, name="stage_sign_off_withdraw"), CONFIRM, follow=True)
    assert "Hanya tenaga ahli" in response.content.decode()
    w.garut.stage.refresh_from_db()
    assert w.garut.stage.status == Stage.Status.SIGNED_OFF


def test_sign_off_button_shown_to_expert_only_once_complete(stage_one_complete, login):
    world = stage_one_complete
    url = reverse("stage_detail", args=["garut", world.garut.stage.pk])
    assert _url(world.garut) in login(world.expert).get(url).content.decode()
    assert _url(world.garut) not in login(world.garut.diskominfo).get(url).content.decode()
    # An incomplete checklist (Tegal's) says so instead of offering a button that would refuse.
    tegal_page = login(world.admin).get(reverse("stage_detail", args=["tegal", world.tegal.stage.pk]))
    assert _url(world.tegal) not in tegal_page.content.decode()
    assert "setelah semua butir daftar periksa terpenuhi" in tegal_page.content.decode()
