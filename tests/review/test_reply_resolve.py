"""An answer typed next to a comment is never thrown away by the other button of the same form
("Tandai selesai", "Buka kembali"); the comment's notification and mail quote it and lead to the
entry on the section page."""

import pytest

from dimensions.review import services
from dimensions.review.models import ReviewComment
from masterplan.notifications.models import Notification
from tests import factories as f


@pytest.fixture
def thread(world):
    return services.comment_add(
        world.garut.env_section, world.expert, "Sebutkan sumber datanya.", entry=world.garut.swot
    )


def test_resolving_with_an_answer_posts_it_first_in_one_step(
    world, thread, mailoutbox, django_capture_on_commit_callbacks
):
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        resolved = services.comment_resolve(thread, world.garut.opd, "  Sumber: SIPSN KLHK 2023.  ")
    assert resolved.resolved_by == world.garut.opd and not resolved.is_open
    answer = thread.replies.get()
    assert (answer.text, answer.author) == ("Sumber: SIPSN KLHK 2023.", world.garut.opd)
    assert answer.created_at <= resolved.resolved_at
    # The expert hears of both in one notification, with the answer.
    [n] = Notification.objects.all()
    assert n.recipient == world.expert
    assert "menjawab dan menandai selesai komentar" in n.text and "Sumber: SIPSN KLHK 2023." in n.text
    assert [m.to for m in mailoutbox] == [[world.expert.email]]
    # Reopening with an answer: posted too, the thread open again.
    reopened = services.comment_reopen(thread, world.expert, "Tahunnya?")
    assert reopened.is_open and thread.replies.count() == 2
    # Without an answer: only resolved, nothing posted, nobody told.
    services.comment_resolve(thread, world.garut.opd, "   ")
    assert thread.replies.count() == 2
    thread.refresh_from_db()
    assert not thread.is_open


def test_a_refused_resolve_posts_no_answer_either(world, thread):
    for user in (world.garut.dewan, world.tegal.opd):
        with pytest.raises(services.CommentError):
            services.comment_resolve(thread, user, "Jawaban")
    assert not thread.replies.exists()
    thread.refresh_from_db()
    assert thread.is_open


def test_resolve_endpoint_keeps_the_answer_typed_in_the_box(world, thread, login):
    client = login(world.garut.opd)
    workspace = f"/r/garut/sections/{world.garut.env_section.pk}/"
    response = client.post(
        f"/r/garut/comments/{thread.pk}/resolve/",
        {"parent": thread.pk, "text": "Sudah kami perbaiki.", "next": f"{workspace}#komentar-{thread.pk}"},
    )
    assert response.status_code == 302 and response["Location"] == f"{workspace}#komentar-{thread.pk}"
    assert [r.text for r in thread.replies.all()] == ["Sudah kami perbaiki."]
    thread.refresh_from_db()
    assert not thread.is_open
    assert "Jawaban dikirim dan komentar ditandai selesai." in client.get(workspace).content.decode()
    # The form: one box, both buttons in it; the resolve button posts the box to its own URL.
    services.comment_reopen(thread, world.expert)
    html = client.get(workspace).content.decode()
    form = html[html.index("data-reply-form") :]
    form = form[: form.index("</form>")]
    assert 'name="text"' in form and "Kirim jawaban" in form
    assert f'formaction="/r/garut/comments/{thread.pk}/resolve/"' in form and "formnovalidate" in form


def test_new_comment_notification_quotes_it_and_links_the_entry(
    world, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://masterplan.garutkab.go.id"
    g = world.garut
    section = g.env_section
    long_text = "Mohon sertakan sumber data timbulan sampah per kecamatan. " * 40  # ~2,300 characters
    step = f.RoadmapEntryFactory(program=g.program, year=2025)
    with django_capture_on_commit_callbacks(execute=True):
        on_swot = services.comment_add(section, world.expert, long_text, entry=g.swot)
        services.comment_add(section, world.expert, "Tahun 2025 terlalu cepat?", entry=step)
        on_section = services.comment_add(section, world.expert, "Catatan umum.")
    swot_n, step_n, section_n = Notification.objects.filter(recipient=g.opd).order_by("pk")
    workspace = f"/r/garut/sections/{section.pk}/"
    assert swot_n.url == f"{workspace}#entry-swot-{g.swot.pk}"
    assert step_n.url == f"{workspace}#entry-program-{g.program.pk}"  # a road map year: its program's row
    assert section_n.url == f"{workspace}#komentar-{on_section.pk}"
    # In the app: who, where, which entry, and the start of the comment, cut at a word.
    assert swot_n.text.startswith(f"Komentar baru dari tenaga ahli {world.expert} pada butir «{g.swot}» di bagian")
    assert "“Mohon sertakan sumber data" in swot_n.text and swot_n.text.endswith("…”")
    assert len(swot_n.text) <= 500
    assert "Tahun 2025 terlalu cepat?" in step_n.text
    # By mail: the subject names the event only; the body quotes the comment and links the entry
    # on the configured site.
    mail = next(m for m in mailoutbox if "bank sampah aktif" in m.subject)
    assert "Mohon sertakan" not in mail.subject
    assert long_text.strip()[:1500] in mail.body
    assert f"https://masterplan.garutkab.go.id{workspace}#entry-swot-{g.swot.pk}" in mail.body
    assert "localhost" not in mail.body
    # An answer's notification leads to the same entry.
    Notification.objects.all().delete()
    services.comment_add(section, g.opd, "Sudah ditambahkan.", parent=on_swot)
    n = Notification.objects.get(recipient=world.expert)
    assert n.url == f"{workspace}#entry-swot-{g.swot.pk}"
    assert "menjawab komentar" in n.text and "Sudah ditambahkan." in n.text


def test_a_deleted_entrys_thread_leads_to_the_review_page(world, thread):
    world.garut.swot.delete()
    Notification.objects.all().delete()
    services.comment_add(world.garut.env_section, world.garut.opd, "Butirnya sudah kami hapus.", parent=thread)
    n = Notification.objects.get()
    assert n.url == f"/r/garut/sections/{world.garut.env_section.pk}/review/#komentar-{thread.pk}"
    assert ReviewComment.objects.count() == 2
