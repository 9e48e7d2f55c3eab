"""Comments (open, answer, resolve) and the notifications and mails of every review event."""

import pytest

from dimensions.models import Section
from dimensions.review import selectors, services
from dimensions.review.models import ReviewComment
from masterplan.notifications.models import Notification
from masterplan.notifications.services import notify
from tests import factories as f


def _recipients(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


@pytest.fixture
def second_expert(world):
    user = f.UserFactory(username="ahli-kedua")
    f.MembershipFactory(user=user, region=world.garut.region, role="expert")
    return user


def test_submit_notifies_the_region_experts_only(
    world, people, second_expert, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "http://localhost:8000"
    with django_capture_on_commit_callbacks(execute=True):
        services.section_submit(world.garut.env_section, world.garut.opd, "Mohon ditinjau")
    assert _recipients("submitted") == ["ahli", "ahli-kedua"]  # not the Tegal expert, not the OPD
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world.expert.email, second_expert.email])
    mail = mailoutbox[0]
    assert mail.subject.startswith("[Masterplan Smart City]")
    assert "mengajukan bagian" in mail.subject
    assert "Mohon ditinjau" in mail.body
    assert f"http://localhost:8000/r/garut/sections/{world.garut.env_section.pk}/review/" in mail.body
    n = Notification.objects.filter(recipient=world.expert).get()
    assert n.region == world.garut.region
    assert n.url == f"/r/garut/sections/{world.garut.env_section.pk}/review/"


@pytest.mark.parametrize("kind", ["approve", "request_changes"])
def test_review_outcome_notifies_the_agency_opd_members(
    world, people, mailoutbox, django_capture_on_commit_callbacks, kind
):
    section = world.garut.env_section
    second_dlh = f.UserFactory(username="opd-dlh-2")
    f.MembershipFactory(user=second_dlh, region=world.garut.region, role="opd", agency=world.garut.dlh)
    Section.objects.filter(pk=section.pk).update(state="submitted")
    section.refresh_from_db()
    service = services.section_approve if kind == "approve" else services.section_request_changes
    with django_capture_on_commit_callbacks(execute=True):
        service(section, world.expert, "Lengkapi data dukung")
    notif_kind = "approved" if kind == "approve" else "changes_requested"
    # The DLH members; not Bappeda's OPD, not Tegal's DLH, not the expert.
    assert _recipients(notif_kind) == ["opd-dlh-2", "opd-garut"]
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world.garut.opd.email, second_dlh.email])
    word = "disetujui" if kind == "approve" else "meminta perbaikan"
    assert word in mailoutbox[0].subject
    assert "Lengkapi data dukung" in mailoutbox[0].body


def test_mail_waits_for_commit_and_refused_transition_mails_nobody(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.section_submit(world.garut.env_section, world.garut.opd, "")
    assert mailoutbox == []  # nothing sent before the commit
    assert len(callbacks) == 1
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.TransitionError):
        services.section_submit(world.garut.env_section, world.garut.opd, "lagi")
    assert mailoutbox == []
    assert Notification.objects.count() == 1  # the first submit's only


def test_comment_flow_expert_comments_agency_answers_and_resolves(
    world, people, mailoutbox, django_capture_on_commit_callbacks
):
    section, swot = world.garut.env_section, world.garut.swot
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.comment_add(section, world.expert, "Sertakan sumber data bank sampah", entry=swot)
    assert comment.entry == swot and comment.parent is None and comment.is_open
    assert comment.entry_label == str(swot)
    assert _recipients("comment") == ["opd-garut"]
    assert [m.to for m in mailoutbox] == [[world.garut.opd.email]]
    assert "Komentar baru" in mailoutbox[0].subject

    open_comments = selectors.open_comments_for_section(section)
    assert open_comments == {selectors.comment_key(swot): [comment]}

    Notification.objects.all().delete()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.comment_add(section, world.garut.opd, "Sudah kami tambahkan", parent=comment)
    assert reply.parent == comment and reply.content_type_id == comment.content_type_id and reply.object_id == swot.pk
    assert _recipients("comment") == ["ahli"]
    assert [m.to for m in mailoutbox] == [[world.expert.email]]

    services.comment_resolve(reply, world.garut.opd)  # resolving from a reply resolves the thread
    comment.refresh_from_db()
    assert comment.resolved_at is not None and comment.resolved_by == world.garut.opd
    assert selectors.open_comments_for_section(section) == {}
    # An answer to a resolved thread opens it again.
    services.comment_add(section, world.expert, "Belum lengkap", parent=comment)
    comment.refresh_from_db()
    assert comment.is_open


def test_comment_permissions(world, people):
    section = world.garut.env_section
    comment = services.comment_add(section, world.expert, "Umum")  # on the section itself
    assert comment.content_type_id is None and comment.object_id is None
    services.comment_add(section, world.admin, "Admin juga meninjau")
    for role in ("opd", "opd_other_agency", "diskominfo", "dewan", "expert_tegal_only", "outsider"):
        with pytest.raises(services.CommentError):
            services.comment_add(section, people[role], "Komentar baru")
    # The agency answers; others do not.
    services.comment_add(section, people["opd"], "Jawaban OPD", parent=comment)
    for role in ("opd_other_agency", "diskominfo", "dewan", "expert_tegal_only", "opd_tegal"):
        with pytest.raises(services.CommentError):
            services.comment_add(section, people[role], "Jawaban", parent=comment)
        with pytest.raises(services.CommentError):
            services.comment_resolve(comment, people[role])
    with pytest.raises(services.CommentError):
        services.comment_add(section, world.expert, "   ")
    comment.refresh_from_db()
    assert comment.is_open


def test_comment_on_entry_of_another_section_is_refused(world):
    with pytest.raises(services.CommentError):
        services.comment_add(world.garut.env_section, world.expert, "x", entry=world.tegal.swot)
    with pytest.raises(services.CommentError):
        services.comment_add(world.garut.gov_section, world.expert, "x", entry=world.garut.swot)
    assert not ReviewComment.objects.exists()


def test_comments_on_nested_entries(world):
    program = world.garut.program
    roadmap = f.RoadmapEntryFactory(program=program)
    indicator = f.IndicatorFactory(goal=None, program=program)
    quick_win = f.QuickWinFactory(
        program=f.ProgramFactory(section=world.garut.env_section, horizon="short", start_year=2024, end_year=2024)
    )
    for entry in (roadmap, indicator, quick_win):
        services.comment_add(world.garut.env_section, world.expert, f"Tentang {entry}", entry=entry)
    comments = selectors.open_comments_for_section(world.garut.env_section)
    for entry in (roadmap, indicator, quick_win):
        assert [c.text for c in comments[selectors.comment_key(entry)]] == [f"Tentang {entry}"]


def test_open_comments_selector_fixed_queries(world, django_assert_num_queries):
    section = world.garut.env_section
    for i in range(5):
        entry = f.SwotEntryFactory(section=section)
        c = services.comment_add(section, world.expert, f"k{i}", entry=entry)
        services.comment_add(section, world.garut.opd, f"j{i}", parent=c)
    with django_assert_num_queries(2):
        comments = selectors.open_comments_for_section(section)
        assert sum(len(t.replies.all()) for threads in comments.values() for t in threads) == 5
        assert all(t.author.username == "ahli" for threads in comments.values() for t in threads)


def test_notify_skips_actor_duplicates_and_users_without_email(world, mailoutbox, django_capture_on_commit_callbacks):
    no_mail = f.UserFactory(username="tanpa-surel", email="")
    with django_capture_on_commit_callbacks(execute=True):
        rows = notify(
            [world.expert, world.expert, no_mail, world.garut.opd], "other", "Halo", "/", exclude=world.garut.opd
        )
    assert sorted(r.recipient.username for r in rows) == ["ahli", "tanpa-surel"]
    assert [m.to for m in mailoutbox] == [[world.expert.email]]
