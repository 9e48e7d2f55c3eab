"""The review as the agency meets it in its workspace: open comments next to the entries, a link
to the review page, and an edit of an approved section reopening it."""

from dimensions.models import Section
from dimensions.review import services
from dimensions.review.models import SectionTransition
from masterplan.notifications.models import Notification


def test_open_comments_show_next_to_the_entry_in_the_workspace(world, login):
    section = world.garut.env_section
    services.comment_add(section, world.expert, "Sebutkan jumlah bank sampah", entry=world.garut.swot)
    services.comment_add(section, world.expert, "Komentar umum bagian")
    resolved = services.comment_add(section, world.expert, "Sudah beres", entry=world.garut.program)
    services.comment_resolve(resolved, world.garut.opd)
    client = login(world.garut.opd)
    html = client.get(f"/r/garut/sections/{section.pk}/").content.decode()
    assert "Sebutkan jumlah bank sampah" in html
    assert "Komentar umum bagian" in html
    flow = html[html.index('id="langkah-kesiapan"') :]
    assert "Sudah beres" not in flow  # resolved threads leave the entries (the conversation keeps them)
    assert "Tandai selesai" in html  # the agency may resolve
    assert f"/r/garut/sections/{section.pk}/review/" in html


def test_resolve_from_the_workspace_comes_back_to_it(world, login):
    section = world.garut.env_section
    comment = services.comment_add(section, world.expert, "Perbaiki", entry=world.garut.swot)
    client = login(world.garut.opd)
    workspace = f"/r/garut/sections/{section.pk}/"
    response = client.post(f"/r/garut/comments/{comment.pk}/resolve/", {"next": workspace})
    assert response.status_code == 302 and response["Location"] == workspace
    comment.refresh_from_db()
    assert not comment.is_open


def test_editing_an_approved_section_in_the_workspace_reopens_it(
    world, login, mailoutbox, django_capture_on_commit_callbacks
):
    section = world.garut.env_section
    services.section_submit(section, world.garut.opd, "")
    services.section_approve(section, world.expert, "")
    Notification.objects.all().delete()
    client = login(world.garut.opd)
    swot = world.garut.swot
    url = f"/r/garut/sections/{section.pk}/swot/{swot.pk}/edit/"
    form = client.get(url)
    assert form.status_code == 200
    data = {k: v for k, v in form.context["form"].initial.items() if v is not None}
    data.update({"quadrant": "S", "statement": "Diperbarui setelah disetujui", "priority": 2, "version": swot.version})
    data.setdefault("component", "")
    data.setdefault("evidence", "")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code in (200, 302), response.content[:500]
    swot.refresh_from_db()
    assert swot.statement == "Diperbarui setelah disetujui"
    assert Section.objects.get(pk=section.pk).state == "draft"
    assert SectionTransition.objects.filter(section=section, kind="reopen").count() == 1
    assert list(Notification.objects.values_list("recipient__username", "kind")) == [("ahli", "reopened")]
    assert [m.to for m in mailoutbox] == [[world.expert.email]]


def test_submitted_section_is_locked_in_the_workspace(world, login):
    section = world.garut.env_section
    services.section_submit(section, world.garut.opd, "")
    swot = world.garut.swot
    login(world.garut.opd).post(
        f"/r/garut/sections/{section.pk}/swot/{swot.pk}/edit/",
        {"quadrant": "S", "statement": "Tidak boleh", "priority": 2, "version": swot.version},
    )
    swot.refresh_from_db()
    assert swot.statement != "Tidak boleh"
