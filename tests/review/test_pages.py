"""The section review page and the comment endpoints: region isolation, roles, transitions and
comments through the browser's forms."""

import pytest

from dimensions.models import Section
from dimensions.review import services
from dimensions.review.models import ReviewComment, SectionTransition
from tests import factories as f

from .conftest import review_url


@pytest.mark.parametrize("role", ["opd", "opd_other_agency", "diskominfo", "dewan", "expert", "admin"])
def test_everyone_of_the_region_reads_the_review_page(world, people, login, role):
    response = login(people[role]).get(review_url(world.garut))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kekuatan Garut: bank sampah aktif" in html
    assert "Program Sampah Cerdas Garut" in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize("role", ["expert_tegal_only", "opd_tegal", "outsider"])
def test_foreign_users_get_404(world, people, login, role):
    client = login(people[role])
    section = world.garut.env_section
    assert client.get(review_url(world.garut)).status_code == 404
    assert client.post(review_url(world.garut), {"op": "approve"}).status_code == 404
    assert client.post(f"/r/garut/sections/{section.pk}/comments/", {"text": "x"}).status_code == 404
    comment = services.comment_add(section, world.expert, "Komentar Garut")
    assert client.post(f"/r/garut/comments/{comment.pk}/resolve/").status_code == 404
    comment.refresh_from_db()
    assert comment.is_open


def test_foreign_section_via_own_slug_is_404(world, login):
    """A Tegal section or comment reached through the Garut URL: 404 even for the Garut expert and
    the administrator."""
    tegal_section = world.tegal.env_section
    tegal_comment = services.comment_add(tegal_section, world.admin, "Komentar Tegal")
    for user in (world.expert, world.admin, world.garut.opd):
        client = login(user)
        assert client.get(f"/r/garut/sections/{tegal_section.pk}/review/").status_code == 404
        assert client.post(f"/r/garut/sections/{tegal_section.pk}/review/", {"op": "submit"}).status_code == 404
        assert client.post(f"/r/garut/sections/{tegal_section.pk}/comments/", {"text": "x"}).status_code == 404
        assert client.post(f"/r/garut/comments/{tegal_comment.pk}/resolve/").status_code == 404
    assert not SectionTransition.objects.exists()
    assert ReviewComment.objects.count() == 1


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(review_url(world.garut))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_buttons_follow_role_and_state(world, people, login):
    url = review_url(world.garut)
    html = login(people["opd"]).get(url).content.decode()
    assert 'value="submit"' in html and 'value="approve"' not in html
    for role in ("opd_other_agency", "diskominfo", "dewan", "expert"):
        html = login(people[role]).get(url).content.decode()
        assert 'value="submit"' not in html and 'value="approve"' not in html
    services.section_submit(world.garut.env_section, world.garut.opd, "")
    html = login(people["expert"]).get(url).content.decode()
    assert 'value="approve"' in html and 'value="request_changes"' in html
    html = login(people["opd"]).get(url).content.decode()
    assert 'value="submit"' not in html


def test_submit_through_the_page_and_double_click(world, login, mailoutbox, django_capture_on_commit_callbacks):
    client = login(world.garut.opd)
    url = review_url(world.garut)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"op": "submit", "note": "Mohon ditinjau"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Bagian diajukan untuk ditinjau" in page
    assert "Mohon ditinjau" in page  # in the transition log
    # The second click: a clear message, no second transition, nothing mailed again.
    response = client.post(url, {"op": "submit", "note": "klik kedua"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "tidak dapat diajukan karena statusnya Diajukan" in html
    assert "klik kedua" in html  # the typed note is kept
    assert SectionTransition.objects.count() == 1
    assert len(mailoutbox) == 1


def test_refused_transition_shows_message_not_500(world, login):
    Section.objects.filter(pk=world.garut.env_section.pk).update(state="submitted")
    response = login(world.expert).post(review_url(world.garut), {"op": "request_changes", "note": ""})
    assert response.status_code == 200
    assert "Tuliskan catatan perbaikan" in response.content.decode()
    assert Section.objects.get(pk=world.garut.env_section.pk).state == "submitted"
    # A role that may not: the dewan member pressing a forged button.
    response = login(world.garut.dewan).post(review_url(world.garut), {"op": "approve", "note": "ok"})
    assert response.status_code == 200
    assert "Hanya tenaga ahli" in response.content.decode()
    assert not SectionTransition.objects.exists()


def test_comment_on_entry_through_the_page(world, login):
    client = login(world.expert)
    url = review_url(world.garut)
    swot = world.garut.swot
    response = client.post(
        url, {"op": "comment", "entry_type": "swotentry", "entry_id": swot.pk, "text": "Data dukung?"}
    )
    assert response.status_code == 302
    comment = ReviewComment.objects.get()
    assert comment.entry == swot and comment.author == world.expert
    # Empty text: the error next to the field of that entry, nothing saved.
    response = client.post(url, {"op": "comment", "entry_type": "swotentry", "entry_id": swot.pk, "text": " "})
    assert response.status_code == 200
    assert "Komentar tidak boleh kosong" in response.content.decode()
    assert ReviewComment.objects.count() == 1
    # An entry of another region named in the form: refused, nothing saved.
    response = client.post(
        url, {"op": "comment", "entry_type": "swotentry", "entry_id": world.tegal.swot.pk, "text": "x"}
    )
    assert "tidak ditemukan" in response.content.decode()
    assert ReviewComment.objects.count() == 1


def test_agency_answers_and_resolves_with_next(world, login):
    comment = services.comment_add(world.garut.env_section, world.expert, "Perbaiki", entry=world.garut.swot)
    client = login(world.garut.opd)
    section = world.garut.env_section
    response = client.post(
        f"/r/garut/sections/{section.pk}/comments/",
        {"parent": comment.pk, "text": "Sudah", "next": "/r/garut/dimensions/"},
    )
    assert response.status_code == 302 and response["Location"] == "/r/garut/dimensions/"
    assert comment.replies.get().text == "Sudah"
    # An outside `next` is not followed.
    response = client.post(f"/r/garut/comments/{comment.pk}/resolve/", {"next": "https://evil.example/"})
    assert response["Location"].startswith(f"/r/garut/sections/{section.pk}/review/")
    comment.refresh_from_db()
    assert comment.resolved_by == world.garut.opd
    page = client.get(review_url(world.garut)).content.decode()
    assert "Selesai" in page and "Buka kembali komentar" in page


def test_dewan_cannot_comment_through_endpoint(world, login):
    comment = services.comment_add(world.garut.env_section, world.expert, "Perbaiki")
    client = login(world.garut.dewan)
    client.post(f"/r/garut/sections/{world.garut.env_section.pk}/comments/", {"parent": comment.pk, "text": "x"})
    client.post(f"/r/garut/comments/{comment.pk}/resolve/")
    assert comment.replies.count() == 0
    comment.refresh_from_db()
    assert comment.is_open


def test_review_page_queries_do_not_grow_with_entries(world, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    section = world.garut.env_section
    client = login(world.expert)
    services.section_submit(section, world.garut.opd, "")
    services.section_request_changes(section, world.expert, "awal")
    SectionTransition.objects.update(at=SectionTransition.objects.get(kind="request_changes").at.replace(year=2020))

    def add_entries(n):
        for _ in range(n):
            swot = f.SwotEntryFactory(section=section)
            program = f.ProgramFactory(section=section)
            f.RoadmapEntryFactory(program=program)
            ind = f.IndicatorFactory(goal=f.GoalFactory(section=section))
            f.IndicatorTargetFactory(indicator=ind)
            f.ReadinessItemFactory(section=section)
            f.GapItemFactory(section=section, element=section.dimension.elements.first())
            f.StrategyFactory(section=section).swot_entries.add(swot)
            c = services.comment_add(section, world.expert, "k", entry=swot)
            services.comment_add(section, world.garut.opd, "j", parent=c)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(review_url(world.garut))
        assert response.status_code == 200
        return len(ctx.captured_queries)

    add_entries(1)
    count()  # warm the content-type cache
    small = count()
    add_entries(5)
    assert count() == small
