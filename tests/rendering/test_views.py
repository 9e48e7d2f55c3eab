"""The "Buku" page: render by clicking, watch the progress fragment, download; who may do what;
a foreign region's books and jobs are 404 by any URL."""

from pathlib import Path

import pytest
from django.urls import reverse

from masterplan.rendering import services
from masterplan.rendering.models import RenderJob
from tests.rendering.helpers import pdf_reader

pytestmark = pytest.mark.usefixtures("eager_celery")

State = RenderJob.State


def url(name, slug="garut", *args):
    return reverse(name, args=[slug, *args])


def downloaded(response):
    return b"".join(response.streaming_content)


def test_diskominfo_renders_watches_progress_and_downloads(world, summary, login, django_capture_on_commit_callbacks):
    client = login(world.garut.diskominfo)
    page = client.get(url("book_list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1" in html and html.count("<h1") == 1
    for number in (1, 2, 3, 4):
        assert url("book_render", "garut", number) in html
    assert url("book_render_all") in html
    assert "Belum ada PDF yang berhasil dirender" in html
    assert 'hx-trigger="every' not in html  # nothing to watch yet

    # The click: the job is queued and sent when the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url("book_render", "garut", 3))
    assert response.status_code == 302 and response["Location"] == url("book_list")
    job = RenderJob.objects.get()
    assert job.state == State.QUEUED and job.requested_by == world.garut.diskominfo

    # While it waits, the page polls the fragment, which shows an accessible progress bar.
    fragment = client.get(url("book_status")).content.decode()
    assert f'hx-get="{url("book_status")}"' in fragment and 'hx-trigger="every 1500ms"' in fragment
    assert 'role="progressbar"' in fragment and 'aria-valuenow="0"' in fragment and "0%" in fragment
    assert "Dalam antrean" in fragment
    RenderJob.objects.filter(pk=job.pk).update(state=State.RENDERING, progress=42)
    fragment = client.get(url("book_status")).content.decode()
    assert 'aria-valuenow="42"' in fragment and "42%" in fragment and "Sedang dirender" in fragment
    RenderJob.objects.filter(pk=job.pk).update(state=State.QUEUED, progress=0)

    # The worker (eager here) runs the task sent on commit.
    for callback in callbacks:
        callback()
    job.refresh_from_db()
    assert job.state == State.DONE

    fragment = client.get(url("book_status")).content.decode()
    assert "hx-trigger" not in fragment  # done: the polling stops
    assert url("book_download", "garut", 3) in fragment
    assert url("render_job_download", "garut", job.pk) in fragment
    assert "DRAF" in fragment

    response = client.get(url("book_download", "garut", 3))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="garut-buku-3.pdf"'
    assert len(pdf_reader(downloaded(response)).pages) == job.page_count

    history = client.get(url("render_job_download", "garut", job.pk))
    assert history.status_code == 200
    assert f"garut-buku-3-render-{job.pk}.pdf" in history["Content-Disposition"]


def test_render_with_eager_celery_is_done_when_the_page_comes_back(
    world, summary, login, django_capture_on_commit_callbacks
):
    client = login(world.garut.diskominfo)
    with django_capture_on_commit_callbacks(execute=True):  # runs the task as the request's commit does
        client.post(url("book_render", "garut", 3))
    html = client.get(url("book_list")).content.decode()
    assert "Masuk antrean render: Buku 3 Ringkasan Eksekutif." in html
    job = RenderJob.objects.get()
    assert job.state == State.DONE
    assert url("book_download", "garut", 3) in html

    # Clicked again with nothing changed: no new job, the existing PDF is offered.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(url("book_render", "garut", 3))
    assert callbacks == []
    assert RenderJob.objects.count() == 1
    assert "Tidak berubah sejak render terakhir" in client.get(url("book_list")).content.decode()


def test_render_all_queues_every_active_book_once(world, books, login, django_capture_on_commit_callbacks):
    client = login(world.garut.diskominfo)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert client.post(url("book_render_all")).status_code == 302
        assert client.post(url("book_render_all")).status_code == 302  # a double click
    assert len(callbacks) == len(books) == 4
    assert sorted(RenderJob.objects.values_list("book__number", flat=True)) == [1, 2, 3, 4]
    assert set(RenderJob.objects.values_list("state", flat=True)) == {State.QUEUED}


def test_failed_render_shows_the_message_and_keeps_the_last_good_pdf(
    world, summary, login, django_capture_on_commit_callbacks, monkeypatch
):
    client = login(world.garut.diskominfo)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("book_render", "garut", 3))
    good = RenderJob.objects.get()
    world.garut.masterplan.vision = "Visi baru"
    world.garut.masterplan.save()

    def crash(masterplan, book, **kwargs):  # simulates a crash inside the typesetting
        raise RuntimeError("data rusak")

    monkeypatch.setattr("masterplan.books.services.book_pdf_render", crash)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("book_render", "garut", 3))
    failed = RenderJob.objects.exclude(pk=good.pk).get()
    assert failed.state == State.FAILED

    html = client.get(url("book_list")).content.decode()
    assert "Render terakhir gagal" in html and "data rusak" in html
    response = client.get(url("book_download", "garut", 3))
    assert response.status_code == 200
    assert downloaded(response) == Path(good.file.path).read_bytes()
    assert client.get(url("render_job_download", "garut", failed.pk)).status_code == 404


@pytest.mark.parametrize("who", ["opd", "dewan", "expert"])
def test_other_roles_see_and_download_but_may_not_render(
    world, summary, login, django_capture_on_commit_callbacks, who
):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.book_render_request(world.garut.masterplan, summary, world.garut.diskominfo)
    user = world.expert if who == "expert" else getattr(world.garut, who)
    client = login(user)

    page = client.get(url("book_list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert url("book_render", "garut", 3) not in html and url("book_render_all") not in html
    assert "Hanya staf Diskominfo" in html
    assert client.get(url("book_status")).status_code == 200
    assert client.get(url("book_download", "garut", 3)).status_code == 200
    assert client.get(url("render_job_download", "garut", job.pk)).status_code == 200

    assert client.post(url("book_render", "garut", 3)).status_code == 403
    assert client.post(url("book_render_all")).status_code == 403
    assert RenderJob.objects.count() == 1


def test_site_admin_may_render(world, summary, login, django_capture_on_commit_callbacks):
    client = login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("book_render", "garut", 3)).status_code == 302
    assert RenderJob.objects.get().state == State.DONE


def test_foreign_region_books_and_jobs_are_404(world, summary, login, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tegal_job = services.book_render_request(world.tegal.masterplan, summary)
        garut_job = services.book_render_request(world.garut.masterplan, summary)
    tegal_job.refresh_from_db()
    garut_job.refresh_from_db()
    assert tegal_job.state == garut_job.state == State.DONE

    garut_client = login(world.garut.diskominfo)
    # Tegal's job through Garut's slug: not in Garut, so not found.
    assert garut_client.get(url("render_job_download", "garut", tegal_job.pk)).status_code == 404
    # Tegal's pages themselves.
    for name, args in [
        ("book_list", []),
        ("book_status", []),
        ("book_download", [3]),
        ("render_job_download", [tegal_job.pk]),
    ]:
        assert garut_client.get(url(name, "tegal", *args)).status_code == 404, name
    assert garut_client.post(url("book_render", "tegal", 3)).status_code == 404
    assert garut_client.post(url("book_render_all", "tegal")).status_code == 404
    assert RenderJob.objects.filter(masterplan=world.tegal.masterplan).count() == 1

    # The expert is assigned to Garut only.
    expert = login(world.expert)
    assert expert.get(url("book_download", "tegal", 3)).status_code == 404
    assert expert.get(url("render_job_download", "garut", tegal_job.pk)).status_code == 404


def test_outsider_and_anonymous(world, summary, client, login):
    response = client.get(url("book_list"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert client.post(url("book_render", "garut", 3)).status_code == 302
    outsider = login(world.outsider)
    assert outsider.get(url("book_list")).status_code == 404
    assert outsider.post(url("book_render", "garut", 3)).status_code == 404
    assert RenderJob.objects.count() == 0


def test_unknown_book_and_nothing_rendered_yet_are_404(world, summary, login):
    client = login(world.garut.diskominfo)
    assert client.post(url("book_render", "garut", 99)).status_code == 404
    assert client.get(url("book_download", "garut", 3)).status_code == 404  # never rendered
    assert client.get(url("render_job_download", "garut", 999999)).status_code == 404


def test_get_on_render_is_not_allowed(world, summary, login):
    client = login(world.garut.diskominfo)
    assert client.get(url("book_render", "garut", 3)).status_code == 405
    assert RenderJob.objects.count() == 0


def test_region_without_masterplan(world, books, login):
    world.garut.masterplan.delete()
    client = login(world.garut.diskominfo)
    page = client.get(url("book_list"))
    assert page.status_code == 200
    assert "belum memiliki masterplan" in page.content.decode()
    assert client.post(url("book_render", "garut", 3)).status_code == 404


def test_buku_link_in_region_navigation(world, login):
    html = login(world.garut.opd).get(reverse("region_detail", args=["garut"])).content.decode()
    assert f'href="{url("book_list")}"' in html


def test_a_book_that_cannot_be_built_says_why_at_once(world, summary, login, settings, tmp_path):
    """A print template with a syntax error (an administrator's bad edit): no job is queued, the
    page says what is wrong and who can fix it."""
    folder = tmp_path / "templates" / "print"
    folder.mkdir(parents=True)
    (folder / "cover.html").write_text("{% if %}{% endif %}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}]

    client = login(world.garut.diskominfo)
    html = client.post(url("book_render", "garut", 3), follow=True).content.decode()

    assert "Buku 3 Ringkasan Eksekutif tidak dapat dirender" in html
    assert "Templat cetak" in html and "administrator" in html
    assert RenderJob.objects.get().state == State.FAILED
