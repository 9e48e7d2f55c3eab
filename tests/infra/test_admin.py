"""The Django admin: every registered model's list, add, change, history and search pages work for
the site administrator, list filters narrow to one region, autocomplete names the region, and
nobody but staff gets in. What a service guards is read-only, and the admin's actions call the
same services as the app."""

import pytest
from django.apps import apps
from django.contrib import admin, messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from bimtek.models import Stage
from dimensions.models import Section
from dimensions.review import services as review
from dimensions.review.models import ReviewComment, SectionTransition
from masterplan.models import Agency, Document
from masterplan.notifications.models import Notification
from tests import factories as f
from tests.bimtek.conftest import complete_stage_one

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
    assert any(m._meta.app_label in OUR_APPS for m, _ in REGISTERED)
    lacking = [
        m._meta.label
        for m, model_admin in REGISTERED
        if m._meta.app_label in OUR_APPS and (not model_admin.search_fields or model_admin.list_display == ("__str__",))
    ]
    assert lacking == []


def test_historical_models_use_the_history_admin():
    assert any(hasattr(m, "history") for m, _ in REGISTERED)
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


# --- the admin goes through the services --------------------------------------------------------


def _form_fields(admin_client, url):
    """(editable fields, read-only fields) of an admin add or change page."""
    response = admin_client.get(url)
    assert response.status_code == 200
    adminform = response.context["adminform"]
    return set(adminform.form.fields), set(adminform.readonly_fields)


@pytest.mark.parametrize(
    ("model", "view", "hidden"),
    [
        (f.Section, "add", {"state"}),
        (f.Section, "change", {"state", "masterplan", "agency", "dimension"}),
        (f.Stage, "add", {"status", "signed_off_by", "signed_off_at"}),
        (f.Stage, "change", {"status", "signed_off_by", "signed_off_at"}),
        (f.Masterplan, "change", {"region", "period_start", "period_end"}),
        (f.Agency, "change", {"region"}),
        (Document, "add", {"uploaded_by"}),
        (Document, "change", {"uploaded_by"}),
        (ReviewComment, "change", {"section", "parent", "author", "resolved_at", "resolved_by"}),
    ],
    ids=lambda v: v if isinstance(v, str) else getattr(v, "__name__", None),
)
def test_fields_a_service_sets_are_read_only(full_world, admin_client, model, view, hidden):
    ReviewComment.objects.create(section=full_world.garut.env_section, author=full_world.expert, text="Lengkapi.")
    args = [] if view == "add" else [model._default_manager.order_by("pk").first().pk]
    editable, read_only = _form_fields(admin_client, _url(model, view, *args))
    assert hidden <= read_only  # shown, not edited
    assert not hidden & editable


def test_a_posted_state_is_ignored(world, admin_client):
    section = world.garut.env_section
    url = _url(f.Section, "change", section.pk)
    admin_client.post(url, {"state": "approved"})
    section.refresh_from_db()
    assert section.state == Section.State.DRAFT


@pytest.mark.parametrize("model", [Notification, SectionTransition])
def test_logs_written_by_services_cannot_be_added_or_changed(world, admin_client, model):
    request = admin_client.get(_url(model, "changelist")).wsgi_request
    model_admin = admin.site._registry[model]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)


def _act(admin_client, model, action, objs, **data):
    return admin_client.post(
        _url(model, "changelist"),
        {"action": action, "_selected_action": [o.pk for o in objs], **data},
        follow=True,
    )


def _messages(response):
    return [(m.level, str(m)) for m in response.context["messages"]]


def _submitted(world):
    section = world.garut.env_section
    review.section_submit(section, world.garut.opd)
    return section


def test_section_action_asks_for_confirmation_first(world, admin_client):
    section = _submitted(world)
    response = _act(admin_client, f.Section, "approve", [section])
    assert response.status_code == 200
    assert "admin/dimensions/section/transition_confirm.html" in [t.name for t in response.templates]
    assert str(section) in response.content.decode()
    section.refresh_from_db()
    assert section.state == Section.State.SUBMITTED


def test_approve_action_goes_through_the_review_service(world, admin_client):
    section = _submitted(world)
    response = _act(admin_client, f.Section, "approve", [section], apply="yes", note="Lengkap.")
    assert _messages(response) == [(messages.SUCCESS, "1 bagian disetujui.")]
    section.refresh_from_db()
    assert section.state == Section.State.APPROVED
    transition = section.transitions.latest("at")
    assert (transition.kind, transition.actor, transition.note) == ("approve", world.admin, "Lengkap.")
    # The agency is told, as when an expert approves in the app.
    assert Notification.objects.filter(recipient=world.garut.opd, kind="approved").exists()


def test_refused_action_changes_nothing_and_says_why(world, admin_client):
    section = world.garut.env_section  # a draft: nothing to approve
    response = _act(admin_client, f.Section, "approve", [section], apply="yes")
    errors = [text for level, text in _messages(response) if level == messages.ERROR]
    assert len(errors) == 1
    assert "Hanya bagian yang sedang diajukan yang dapat disetujui" in errors[0]
    section.refresh_from_db()
    assert section.state == Section.State.DRAFT
    assert not section.transitions.exists()


def test_request_changes_action_needs_a_note_or_an_open_comment(world, admin_client):
    section = _submitted(world)
    response = _act(admin_client, f.Section, "request_changes", [section], apply="yes", note="")
    assert any("Tuliskan catatan perbaikan" in text for level, text in _messages(response) if level == messages.ERROR)
    section.refresh_from_db()
    assert section.state == Section.State.SUBMITTED

    _act(admin_client, f.Section, "request_changes", [section], apply="yes", note="Lengkapi data dukung.")
    section.refresh_from_db()
    assert section.state == Section.State.CHANGES_REQUESTED
    assert section.transitions.latest("at").kind == "request_changes"


def test_reopen_action_turns_an_approved_section_into_a_draft(world, admin_client):
    section = _submitted(world)
    review.section_approve(section, world.expert)
    _act(admin_client, f.Section, "reopen", [section], apply="yes", note="Disetujui keliru.")
    section.refresh_from_db()
    assert section.state == Section.State.DRAFT
    transition = section.transitions.latest("at")
    assert (transition.kind, transition.actor) == ("reopen", world.admin)


def test_mixed_selection_moves_only_the_sections_that_may_move(world, admin_client):
    submitted = _submitted(world)
    draft = world.garut.gov_section
    response = _act(admin_client, f.Section, "approve", [submitted, draft], apply="yes")
    levels = sorted(level for level, _text in _messages(response))
    assert levels == [messages.SUCCESS, messages.ERROR]
    submitted.refresh_from_db()
    draft.refresh_from_db()
    assert (submitted.state, draft.state) == (Section.State.APPROVED, Section.State.DRAFT)


def test_stage_sign_off_action_checks_the_checklist(world, admin_client):
    stage = world.garut.stage
    response = _act(admin_client, f.Stage, "sign_off", [stage])
    errors = [text for level, text in _messages(response) if level == messages.ERROR]
    assert len(errors) == 1
    assert "belum dapat disahkan" in errors[0]
    stage.refresh_from_db()
    assert (stage.status, stage.signed_off_by) == (Stage.Status.PLANNED, None)


def test_stage_sign_off_and_undo_actions_go_through_the_service(world, admin_client):
    complete_stage_one(world.garut)
    stage = world.garut.stage
    response = _act(admin_client, f.Stage, "sign_off", [stage])
    assert _messages(response) == [(messages.SUCCESS, "1 tahap disahkan.")]
    stage.refresh_from_db()
    assert (stage.status, stage.signed_off_by) == (Stage.Status.SIGNED_OFF, world.admin)
    assert stage.signed_off_at is not None

    response = _act(admin_client, f.Stage, "sign_off_undo", [stage])
    assert _messages(response) == [(messages.SUCCESS, "Pengesahan 1 tahap dicabut.")]
    stage.refresh_from_db()
    assert (stage.status, stage.signed_off_by, stage.signed_off_at) == (Stage.Status.DONE, None, None)

    response = _act(admin_client, f.Stage, "sign_off_undo", [stage])
    assert [level for level, _text in _messages(response)] == [messages.ERROR]
    stage.refresh_from_db()
    assert stage.status == Stage.Status.DONE


def test_comment_actions_resolve_and_reopen_through_the_service(world, admin_client):
    comment = ReviewComment.objects.create(section=world.garut.env_section, author=world.expert, text="Lengkapi.")
    _act(admin_client, ReviewComment, "resolve", [comment])
    comment.refresh_from_db()
    assert (comment.resolved_by, comment.resolved_at is not None) == (world.admin, True)
    _act(admin_client, ReviewComment, "reopen", [comment])
    comment.refresh_from_db()
    assert (comment.resolved_by, comment.resolved_at) == (None, None)


def test_admin_uploads_are_checked_by_content(world, admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def upload(title, name, content):
        data = {"region": world.garut.region.pk, "kind": Document.Kind.OTHER, "title": title}
        return admin_client.post(_url(Document, "add"), {**data, "file": SimpleUploadedFile(name, content)})

    response = upload("Bukan PDF", "x.pdf", b"MZ not a pdf at all")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"]
    assert not Document.objects.filter(title="Bukan PDF").exists()

    assert upload("Notulen", "notulen.pdf", b"%PDF-1.4\n%%EOF\n").status_code == 302
    assert Document.objects.get(title="Notulen").uploaded_by == world.admin


def test_agency_delete_in_the_admin_is_refused_with_the_app_s_reasons(world, admin_client):
    """The admin deletes agencies through masterplan.services.agency_delete: members and written
    content block it on the confirmation page, as in the app; an agency without either goes."""
    dlh = world.garut.dlh
    page = admin_client.get(_url(Agency, "delete", dlh.pk))
    assert "anggota masih terdaftar" in page.content.decode()
    admin_client.post(_url(Agency, "delete", dlh.pk), {"post": "yes"})
    assert Agency.objects.filter(pk=dlh.pk).exists()

    empty = f.AgencyFactory(region=world.garut.region, name="Dinas Pariwisata")
    admin_client.post(_url(Agency, "delete", empty.pk), {"post": "yes"})
    assert not Agency.objects.filter(pk=empty.pk).exists()


def test_section_with_entries_is_not_deleted_in_the_admin(world, admin_client):
    section = world.garut.env_section  # holds a SWOT entry and a program
    page = admin_client.get(_url(Section, "delete", section.pk)).content.decode()
    assert "hapus atau pindahkan isiannya dulu" in page
    admin_client.post(_url(Section, "delete", section.pk), {"post": "yes"})
    assert Section.objects.filter(pk=section.pk).exists()

    empty = f.SectionFactory(
        masterplan=world.garut.masterplan, agency=world.garut.bappeda, dimension=f.dimension("economy")
    )
    admin_client.post(_url(Section, "delete", empty.pk), {"post": "yes"})
    assert not Section.objects.filter(pk=empty.pk).exists()


@pytest.mark.parametrize("how", ["change", "delete", "child row"])
def test_content_written_in_the_admin_reopens_an_approved_section(world, admin_client, how):
    """As in the app, a change under an expert's approval reopens the section (logged as a
    reopen by the administrator), whether an entry changes, goes, or a row of one changes."""
    section = _submitted(world)
    review.section_approve(section, world.expert)
    swot, program = world.garut.swot, world.garut.program
    if how == "change":
        response = admin_client.post(
            _url(f.SwotEntry, "change", swot.pk),
            {**{k: v for k, v in model_to_dict(swot).items() if v is not None}, "statement": "Kekuatan baru"},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    elif how == "delete":
        admin_client.post(_url(f.SwotEntry, "delete", swot.pk), {"post": "yes"})
        assert not f.SwotEntry.objects.filter(pk=swot.pk).exists()
    else:
        row = f.RoadmapEntryFactory(program=program)
        admin_client.post(_url(type(row), "delete", row.pk), {"post": "yes"})
    section.refresh_from_db()
    assert section.state == Section.State.DRAFT
    assert section.transitions.latest("at").actor == world.admin
