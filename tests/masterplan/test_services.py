"""The services of the core domain: invitations (mail with a working set-password link), member
changes, agency dimensions, agencies and masterplan period rules."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dimensions import services as content_services
from dimensions.models import Section
from masterplan import services
from masterplan.models import Agency, Membership, Role, User
from tests import factories as f

NEW_PASSWORD = "Sampah-Cerdas-2024!"


@pytest.fixture(autouse=True)
def _site_url(settings):
    # Called outside a request, the services link to SITE_URL (masterplan.links).
    settings.SITE_URL = "http://testserver"


def _invite(region, **kw):
    data = {
        "username": "opd-garut-dinkes",
        "full_name": "Siti Rahmawati",
        "email": "siti@garutkab.go.id",
        "role": Role.OPD,
    }
    data.update(kw)
    return services.member_invite(region, **data)


def test_invite_creates_member_without_password_and_mails_a_link(world, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        membership = _invite(world.garut.region, agency=world.garut.dlh, invited_by=world.garut.diskominfo)
    user = membership.user
    assert membership.region == world.garut.region and membership.agency == world.garut.dlh
    assert user.first_name == "Siti Rahmawati" and not user.has_usable_password()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["siti@garutkab.go.id"]
    assert "Kabupaten Garut" in mail.subject
    assert "Perwakilan OPD" in mail.body and "Dinas Lingkungan Hidup" in mail.body
    assert "opd-garut-dinkes" in mail.body
    assert re.search(r"http://testserver/accounts/reset/[^/\s]+/[^/\s]+/", mail.body)


def test_invite_mail_is_sent_only_after_commit(world, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _invite(world.garut.region, agency=world.garut.dlh)
    assert mailoutbox == [] and len(callbacks) == 1


def test_invited_user_sets_password_through_the_link_and_logs_in(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world.garut.region, role=Role.DEWAN, username="dewan-baru", email="dewan.baru@garutkab.go.id")
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mailoutbox[0].body).group(1)

    response = client.get(link)  # Django moves the token into the session and redirects
    assert response.status_code == 302
    form_url = response["Location"]
    page = client.get(form_url)
    assert page.status_code == 200
    assert "Buat kata sandi" in page.content.decode() and "dewan-baru" in page.content.decode()

    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_complete")

    response = client.post(reverse("login"), {"username": "dewan-baru", "password": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    page = client.get(reverse("dashboard"))
    assert "Kabupaten Garut" in page.content.decode()

    # The link works once only.
    client.logout()
    response = client.get(link, follow=True)
    assert "Tautan ini tidak berlaku lagi" in response.content.decode()


@pytest.mark.parametrize(
    "kw,field",
    [
        ({"role": Role.OPD, "agency": None}, "agency"),
        ({"role": Role.DEWAN, "agency": "dlh"}, "agency"),
        ({"role": Role.EXPERT, "agency": None}, "role"),
        ({"username": "OPD-GARUT", "agency": "dlh"}, "username"),  # taken, ignoring case
        ({"email": "DISKOMINFO-tegal@example.go.id", "agency": "dlh"}, "email"),  # taken in another region
    ],
)
def test_invite_refusals_name_the_field(world, mailoutbox, kw, field):
    if kw.get("agency") == "dlh":
        kw["agency"] = world.garut.dlh
    users_before = User.objects.count()
    with pytest.raises(ValidationError) as exc:
        _invite(world.garut.region, **kw)
    assert field in exc.value.message_dict
    assert User.objects.count() == users_before and mailoutbox == []


def test_invite_refuses_an_agency_of_another_region(world):
    with pytest.raises(ValidationError) as exc:
        _invite(world.garut.region, agency=world.tegal.dlh)
    assert "agency" in exc.value.message_dict


def test_resend_only_for_members_without_password(world, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        m = _invite(world.garut.region, agency=world.garut.dlh)
        services.invite_resend(m)
    assert len(mailoutbox) == 2
    with pytest.raises(ValidationError):
        services.invite_resend(Membership.objects.get(user=world.garut.dewan))


def test_membership_update_rules(world):
    dewan = Membership.objects.get(user=world.garut.dewan)
    services.membership_update(dewan, role=Role.OPD, agency=world.garut.bappeda, by=world.garut.diskominfo)
    dewan.refresh_from_db()
    assert (dewan.role, dewan.agency) == (Role.OPD, world.garut.bappeda)

    expert = Membership.objects.get(user=world.expert)
    with pytest.raises(ValidationError):
        services.membership_update(expert, role=Role.DEWAN, by=world.garut.diskominfo)
    own = Membership.objects.get(user=world.garut.diskominfo)
    with pytest.raises(ValidationError):
        services.membership_update(own, role=Role.DEWAN, by=world.garut.diskominfo)
    # The site administrator may not leave the region without Diskominfo staff either.
    with pytest.raises(ValidationError) as exc:
        services.membership_update(own, role=Role.DEWAN, by=world.admin)
    assert "role" in exc.value.message_dict
    assert Membership.objects.get(pk=own.pk).role == Role.DISKOMINFO


def test_membership_remove_deactivates_a_user_left_without_region(world):
    dewan = Membership.objects.get(user=world.garut.dewan)
    services.membership_remove(dewan, by=world.garut.diskominfo)
    world.garut.dewan.refresh_from_db()
    assert not world.garut.dewan.is_active
    assert not Membership.objects.filter(pk=dewan.pk).exists()

    # A user who still belongs to another region stays active.
    both = f.UserFactory(username="dua-daerah")
    f.MembershipFactory(user=both, region=world.garut.region, role="dewan")
    f.MembershipFactory(user=both, region=world.tegal.region, role="dewan")
    services.membership_remove(Membership.objects.get(user=both, region=world.garut.region), by=world.admin)
    both.refresh_from_db()
    assert both.is_active


def test_agency_dimensions_set_adds_and_removes_empty_sections(world):
    g = world.garut
    gov, living = f.dimension("governance"), f.dimension("living")
    added, removed = content_services.agency_dimensions_set(g.bappeda, g.masterplan, [living])
    assert added == [living] and removed == [gov]
    assert set(Section.objects.filter(agency=g.bappeda).values_list("dimension__code", flat=True)) == {"living"}


def test_agency_dimensions_set_refuses_to_drop_a_section_with_entries(world):
    g = world.garut
    before = set(Section.objects.filter(agency=g.dlh).values_list("pk", flat=True))
    with pytest.raises(ValidationError) as exc:
        content_services.agency_dimensions_set(g.dlh, g.masterplan, [f.dimension("living")])
    message = exc.value.message_dict["dimensions"][0]
    assert "Smart Environment" in message and "isian" in message
    # Nothing half-done: living was not added, environment not removed.
    assert set(Section.objects.filter(agency=g.dlh).values_list("pk", flat=True)) == before


def test_agency_save_unique_name_per_region_ignoring_case(world):
    with pytest.raises(ValidationError) as exc:
        services.agency_save(world.garut.region, None, name="dinas lingkungan hidup")
    assert "name" in exc.value.message_dict
    # The same name in another region is fine (Tegal has one already; Garut's does not block it).
    assert services.agency_save(world.tegal.region, None, name="Dinas Kesehatan").pk


def test_agency_delete_blocked_while_used_and_allowed_when_empty(world):
    g = world.garut
    with pytest.raises(ValidationError) as exc:
        services.agency_delete(g.dlh)
    assert "anggota" in exc.value.messages[0] and "isian" in exc.value.messages[0]
    empty = Agency.objects.create(region=g.region, name="Dinas Kosong")
    Section.objects.create(masterplan=g.masterplan, agency=empty, dimension=f.dimension("living"))
    services.agency_delete(empty)
    assert not Agency.objects.filter(pk=empty.pk).exists()
    assert not Section.objects.filter(agency_id=empty.pk).exists()


def test_masterplan_period_may_not_strand_programs(world):
    g = world.garut  # the program runs 2024-2028
    with pytest.raises(ValidationError) as exc:
        services.masterplan_save(g.region, g.masterplan, period_start=2026, period_end=2035, vision="", mission="")
    assert "1 program" in exc.value.message_dict["period_start"][0]
    mp = services.masterplan_save(g.region, g.masterplan, period_start=2024, period_end=2030, vision="V", mission="M")
    assert (mp.period_start, mp.period_end, mp.vision) == (2024, 2030, "V")


def test_masterplan_period_rules_are_field_errors(world):
    region = f.RegionFactory(name="Bekasi", slug="bekasi")
    with pytest.raises(ValidationError) as exc:
        services.masterplan_save(region, None, period_start=2030, period_end=2025, vision="", mission="")
    assert "period_end" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.masterplan_save(region, None, period_start=2024, period_end=2035, vision="", mission="")
    assert "10 tahun" in exc.value.message_dict["period_end"][0]
    mp = services.masterplan_save(region, None, period_start=2024, period_end=2034, vision="", mission="")
    assert mp.pk and mp.region == region
