"""The Django admin: every registered model's list, add, change, history and search pages work for
the site administrator, list filters narrow to one region, autocomplete names the region, and
nobody but staff gets in."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from masterplan.models import Document
from tests import factories as f

OUR_APPS = ("masterplan", "bimtek", "dimensions")
REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def full_world(world, settings, tmp_path):
    """The test world plus one object of every model the world lacks, so every list column renders."""
    settings.MEDIA_ROOT = tmp_path
    g = world.garut
    f.ParticipantFactory(stage=g.stage, name="Asep Sunandar", institution="Universitas Garut", helix="academia")
    f.ReadinessItemFactory(section=g.env_section)
    f.GapItemFactory(section=g.env_section, element=f.element("environment-sampah-limbah"))
    f.StrategyFactory(section=g.env_section).swot_entries.add(g.swot)
    goal = f.GoalFactory(section=g.env_section)
    f.IndicatorTargetFactory(indicator=f.IndicatorFactory(goal=goal))
    f.IndicatorTargetFactory(indicator=f.IndicatorFactory(goal=None, program=g.program, name="Armada terpantau"))
    f.RoadmapEntryFactory(program=g.program)
    f.QuickWinFactory(program__section=g.env_section, name="Gerbang Raja")
    Document.objects.create(
        region=g.region,
        stage=g.stage,
        kind=Document.Kind.MINUTES,
        title="Notulen Tahap I Garut",
        file=SimpleUploadedFile("notulen.pdf", b"%PDF-1.4\n%%EOF\n"),
        uploaded_by=g.diskominfo,
    )
    return world


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.admin)
    return client


def test_every_model_of_our_apps_is_in_the_admin():
    missing = [
        m._meta.label
        for app in OUR_APPS
        for m in apps.get_app_config(app).get_models()
        if not m.__name__.startswith("Historical") and not m._meta.auto_created and m not in admin.site._registry
    ]
    assert missing == []


def test_every_registered_model_has_search_and_list_columns():
    lacking = [
        m._meta.label
        for m, model_admin in REGISTERED
        if m._meta.app_label in OUR_APPS and (not model_admin.search_fields or model_admin.list_display == ("__str__",))
    ]
    assert lacking == []


def test_historical_models_use_the_history_admin():
    plain = [
        m._meta.label
        for m, model_admin in REGISTERED
        if hasattr(m, "history") and not isinstance(model_admin, SimpleHistoryAdmin)
    ]
    assert plain == []


@pytest.mark.parametrize("model", [m for m, _ in REGISTERED], ids=lambda m: m._meta.label_lower)
def test_changelist_add_search_change_and_history_pages(model, full_world, admin_client):
    model_admin = admin.site._registry[model]
    changelist = _url(model, "changelist")
    assert admin_client.get(changelist).status_code == 200
    # Search runs the real query over every search field (joins included).
    response = admin_client.get(changelist, {"q": "Garut"})
    assert response.status_code == 200, response.content[:500]
    assert admin_client.get(changelist, {"q": "tidak-ada-yang-cocok-xyz"}).status_code == 200
    if model_admin.has_add_permission(response.wsgi_request):
        assert admin_client.get(_url(model, "add")).status_code == 200
    obj = model._default_manager.order_by("pk").first()
    if obj is not None:
        assert admin_client.get(_url(model, "change", obj.pk)).status_code == 200
        assert admin_client.get(_url(model, "history", obj.pk)).status_code == 200


def test_search_finds_the_region_own_entries_only(full_world, admin_client):
    response = admin_client.get(_url(f.SwotEntry, "changelist"), {"q": "Garut"})
    content = response.content.decode()
    assert "Kekuatan Garut: bank sampah aktif" in content
    assert "Kekuatan Tegal" not in content


def test_region_filter_narrows_the_list(full_world, admin_client):
    tegal = full_world.tegal.region
    response = admin_client.get(_url(f.Program, "changelist"), {"section__masterplan__region__id__exact": tegal.pk})
    content = response.content.decode()
    assert "Program Sampah Cerdas Tegal" in content
    assert "Program Sampah Cerdas Garut" not in content


def test_user_admin_shows_memberships_inline(full_world, admin_client):
    response = admin_client.get(_url(f.User, "change", full_world.garut.opd.pk))
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.queryset.get().agency == full_world.garut.dlh


def test_user_admin_adds_a_membership_inline(full_world, admin_client):
    user = f.UserFactory(username="baru")
    garut = full_world.garut
    url = _url(f.User, "change", user.pk)
    form = admin_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("groups", "user_permissions")}
    data.update(
        {
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2024-01-01",
            "date_joined_1": "08:00:00",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-region": garut.region.pk,
            "memberships-0-role": "opd",
            "memberships-0-agency": garut.bappeda.pk,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert user.memberships.get().agency == garut.bappeda


def test_membership_with_foreign_agency_is_refused(full_world, admin_client):
    user = f.UserFactory(username="salah")
    response = admin_client.post(
        _url(f.Membership, "add"),
        {"user": user.pk, "region": full_world.garut.region.pk, "role": "opd", "agency": full_world.tegal.dlh.pk},
    )
    assert response.status_code == 200
    assert "bukan milik daerah yang dipilih" in response.content.decode()
    assert not user.memberships.exists()


def test_autocomplete_names_the_region(full_world, admin_client):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "bimtek", "model_name": "participant", "field_name": "stage", "term": ""},
    )
    texts = {r["text"] for r in response.json()["results"]}
    assert {"Garut · Tahap I", "Tegal · Tahap I"} <= texts


@pytest.mark.parametrize("who", ["outsider", "garut.diskominfo", "garut.opd"])
def test_only_staff_reach_the_admin(full_world, client, who):
    user = full_world
    for part in who.split("."):
        user = getattr(user, part)
    client.force_login(user)
    response = client.get(_url(f.Region, "changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
