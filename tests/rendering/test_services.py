"""The render services: cached answers, no duplicate jobs, a done job with its PDF, failures that
leave the last good PDF and no partial file, jobs that never stay "rendering"."""

import logging
import os
import signal
from datetime import timedelta
from pathlib import Path

import pytest
import weasyprint
from celery.exceptions import SoftTimeLimitExceeded
from django.db import IntegrityError, transaction
from django.utils import timezone

from masterplan.books.services import book_content_hash
from masterplan.rendering import files, selectors, services
from masterplan.rendering.error_messages import render_error_message
from masterplan.rendering.models import RenderJob
from masterplan.rendering.tasks import book_render_task
from masterplan.rendering.time_limits import soft_time_limit_watch
from tests.rendering.helpers import book_files, pdf_reader, pdf_text

pytestmark = pytest.mark.usefixtures("eager_celery")

State = RenderJob.State


def request_and_run(django_capture_on_commit_callbacks, masterplan, book, user=None):
    """Ask for a render and let the transaction commit: the eager task renders in-process."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = services.book_render_request(masterplan, book, user)
    job.refresh_from_db()
    return job, callbacks


def test_render_marks_done_with_pages_seconds_version_hash_and_a_real_pdf(
    world, summary, django_capture_on_commit_callbacks, media_root
):
    mp = world.garut.masterplan
    job, callbacks = request_and_run(django_capture_on_commit_callbacks, mp, summary, world.garut.diskominfo)

    assert len(callbacks) == 1  # the task was sent once the transaction committed
    assert job.state == State.DONE
    assert job.progress == 100
    assert job.requested_by == world.garut.diskominfo
    assert job.started_at and job.finished_at and job.started_at <= job.finished_at
    assert job.weasyprint_version == weasyprint.__version__
    assert job.content_hash == book_content_hash(mp, summary)
    assert job.is_draft is True  # the world's sections are not approved
    assert job.seconds > 0 and job.seconds_layout > 0 and job.seconds_data >= 0
    assert job.attempts == 1
    assert job.celery_task_id
    assert job.file.name == f"books/garut/garut-buku-3-r{job.pk}.pdf"
    reader = pdf_reader(job.file.path)
    assert len(reader.pages) == job.page_count > 0
    assert "Garut" in pdf_text(job.file.path)
    # Only the finished file: no temporary file left next to it.
    assert book_files(media_root) == [media_root / job.file.name]


def test_unchanged_content_returns_the_last_good_job_without_rendering(
    world, summary, django_capture_on_commit_callbacks
):
    mp = world.garut.masterplan
    first, _ = request_and_run(django_capture_on_commit_callbacks, mp, summary)
    mtime = os.stat(first.file.path).st_mtime_ns

    again, callbacks = request_and_run(django_capture_on_commit_callbacks, mp, summary, world.garut.diskominfo)

    assert again.pk == first.pk
    assert callbacks == []  # nothing sent to a worker
    assert RenderJob.objects.count() == 1
    assert os.stat(first.file.path).st_mtime_ns == mtime


def test_changed_content_renders_again(world, summary, django_capture_on_commit_callbacks):
    mp = world.garut.masterplan
    first, _ = request_and_run(django_capture_on_commit_callbacks, mp, summary)
    mp.vision = "Garut cerdas, mandiri dan berdaya saing digital"
    mp.save()

    second, callbacks = request_and_run(django_capture_on_commit_callbacks, mp, summary)

    assert len(callbacks) == 1
    assert second.pk != first.pk
    assert second.state == State.DONE
    assert second.content_hash != first.content_hash
    assert second.content_hash == book_content_hash(mp, summary)
    assert selectors.latest_done_job(mp, summary) == second


def test_missing_file_means_render_again(world, summary, django_capture_on_commit_callbacks):
    mp = world.garut.masterplan
    first, _ = request_and_run(django_capture_on_commit_callbacks, mp, summary)
    os.unlink(first.file.path)

    second, callbacks = request_and_run(django_capture_on_commit_callbacks, mp, summary)

    assert len(callbacks) == 1 and second.pk != first.pk and second.state == State.DONE


def test_double_request_gives_one_job(world, summary, django_capture_on_commit_callbacks):
    mp = world.garut.masterplan
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = services.book_render_request(mp, summary, world.garut.diskominfo)
        second = services.book_render_request(mp, summary, world.garut.diskominfo)

    assert first.pk == second.pk
    assert first.state == State.QUEUED
    assert RenderJob.objects.count() == 1
    assert len(callbacks) == 1


def test_the_database_refuses_a_second_active_job_for_the_same_content(world, summary):
    """What settles two requests racing past the check: the partial unique constraint."""
    mp = world.garut.masterplan
    RenderJob.objects.create(masterplan=mp, book=summary, content_hash="abc")
    with pytest.raises(IntegrityError), transaction.atomic():
        RenderJob.objects.create(masterplan=mp, book=summary, content_hash="abc", state=State.RENDERING)
    # A finished job with the same content does not count.
    RenderJob.objects.create(masterplan=mp, book=summary, content_hash="abc", state=State.FAILED)


def test_failed_render_keeps_the_last_good_pdf_and_leaves_no_partial_file(
    world, summary, django_capture_on_commit_callbacks, media_root, monkeypatch, caplog
):
    mp = world.garut.masterplan
    good, _ = request_and_run(django_capture_on_commit_callbacks, mp, summary)
    good_bytes = Path(good.file.path).read_bytes()
    mp.vision = "Visi yang baru"
    mp.save()

    def crash(masterplan, book, **kwargs):  # simulates a crash inside the typesetting
        raise RuntimeError("tabel rusak di bab 2")

    monkeypatch.setattr("masterplan.books.services.book_pdf_render", crash)
    with caplog.at_level(logging.ERROR, logger="masterplan.rendering.services"):
        failed, _ = request_and_run(django_capture_on_commit_callbacks, mp, summary)

    assert failed.pk != good.pk
    assert failed.state == State.FAILED
    assert failed.finished_at is not None
    assert "tabel rusak di bab 2" in failed.error
    assert "PDF terakhir yang berhasil tetap bisa diunduh" in failed.error
    assert f"#{failed.pk}" in failed.error
    assert not failed.file
    assert "Traceback" in caplog.text or any(r.exc_info for r in caplog.records)
    assert book_files(media_root) == [media_root / good.file.name]
    assert selectors.latest_done_job(mp, summary) == good
    assert Path(good.file.path).read_bytes() == good_bytes


def test_a_write_that_fails_halfway_leaves_no_file(
    world, summary, django_capture_on_commit_callbacks, media_root, monkeypatch
):
    """The disk fills up while the PDF is written: the temporary file goes, no final file appears."""

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    job, _ = request_and_run(django_capture_on_commit_callbacks, world.garut.masterplan, summary)

    assert job.state == State.FAILED
    assert "No space left on device" in job.error
    assert "ruang disk" in job.error
    assert book_files(media_root) == []


def test_a_broken_print_template_fails_with_an_actionable_message(
    world, summary, django_capture_on_commit_callbacks, media_root, settings, tmp_path
):
    mp = world.garut.masterplan
    good, _ = request_and_run(django_capture_on_commit_callbacks, mp, summary)
    mp.vision = "Visi yang baru"
    mp.save()
    folder = tmp_path / "templates" / "print"
    folder.mkdir(parents=True)
    (folder / "cover.html").write_text("{% if %}<h1>{{ region }}</h1>{% endif %}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}]

    failed, callbacks = request_and_run(django_capture_on_commit_callbacks, mp, summary, world.garut.diskominfo)

    assert callbacks == []  # nothing to send: the book cannot even be built
    assert failed.state == State.FAILED
    assert failed.requested_by == world.garut.diskominfo
    assert "Templat cetak" in failed.error and summary.label in failed.error and "administrator" in failed.error
    assert selectors.latest_done_job(mp, summary) == good
    assert book_files(media_root) == [media_root / good.file.name]


def test_soft_time_limit_message(world, summary, settings):
    settings.BOOK_RENDER_SOFT_TIME_LIMIT = 300
    job = RenderJob.objects.create(masterplan=world.garut.masterplan, book=summary)
    message = render_error_message(SoftTimeLimitExceeded(), job)
    assert "batas waktu 300 detik" in message and "Render lagi" in message


def test_a_job_left_rendering_by_a_lost_worker_is_restarted(world, summary):
    """A redelivered task (worker killed mid-render) finds its job "rendering" and renders it."""
    mp = world.garut.masterplan
    job = RenderJob.objects.create(
        masterplan=mp,
        book=summary,
        content_hash="x",
        state=State.RENDERING,
        started_at=timezone.now() - timedelta(seconds=30),
        attempts=1,
        progress=40,
    )
    # What the killed attempt left: a temporary file, never the final name.
    folder = os.path.dirname(job.file.storage.path(files.job_file_name(job)))
    os.makedirs(folder, exist_ok=True)
    partial = os.path.join(folder, f".garut-buku-3-r{job.pk}.pdf.abc123.part")
    with open(partial, "wb") as fh:
        fh.write(b"%PDF-1.7 half")

    services.book_render(job.pk)
    job.refresh_from_db()

    assert job.state == State.DONE
    assert job.attempts == 2
    assert not os.path.exists(partial)
    pdf_reader(job.file.path)


def test_a_finished_job_is_not_rendered_again(world, summary, django_capture_on_commit_callbacks):
    job, _ = request_and_run(django_capture_on_commit_callbacks, world.garut.masterplan, summary)
    assert services.book_render(job.pk) is None
    job.refresh_from_db()
    assert job.attempts == 1


def test_a_job_that_keeps_killing_its_worker_ends_failed(world, summary):
    job = RenderJob.objects.create(
        masterplan=world.garut.masterplan,
        book=summary,
        content_hash="x",
        state=State.RENDERING,
        attempts=services.MAX_ATTEMPTS,
        started_at=timezone.now(),
    )
    services.book_render(job.pk)
    job.refresh_from_db()
    assert job.state == State.FAILED
    assert "memori" in job.error
    assert not job.file


def test_stale_sweep_fails_jobs_that_cannot_finish(world, summary, settings):
    mp = world.garut.masterplan
    now = timezone.now()
    stuck = RenderJob.objects.create(
        masterplan=mp,
        book=summary,
        content_hash="a",
        state=State.RENDERING,
        started_at=now - timedelta(seconds=settings.BOOK_RENDER_TIME_LIMIT + 60),
    )
    working = RenderJob.objects.create(
        masterplan=mp, book=summary, content_hash="b", state=State.RENDERING, started_at=now - timedelta(seconds=20)
    )
    forgotten = RenderJob.objects.create(
        masterplan=mp, book=summary, content_hash="c", requested_at=now - timedelta(hours=2)
    )
    waiting = RenderJob.objects.create(masterplan=mp, book=summary, content_hash="d")
    other_region = RenderJob.objects.create(
        masterplan=world.tegal.masterplan,
        book=summary,
        content_hash="a",
        state=State.RENDERING,
        started_at=now - timedelta(hours=1),
    )

    assert services.render_jobs_sweep_stale(mp) == 2

    states = dict(RenderJob.objects.values_list("pk", "state"))
    assert states[stuck.pk] == State.FAILED
    assert states[forgotten.pk] == State.FAILED
    assert states[working.pk] == State.RENDERING
    assert states[waiting.pk] == State.QUEUED
    assert states[other_region.pk] == State.RENDERING  # swept only when its own region is looked at
    stuck.refresh_from_db()
    forgotten.refresh_from_db()
    assert "Render terhenti" in stuck.error and "worker" in forgotten.error


def test_a_stuck_job_does_not_block_a_new_request(world, summary, django_capture_on_commit_callbacks, settings):
    mp = world.garut.masterplan
    stuck = RenderJob.objects.create(
        masterplan=mp,
        book=summary,
        content_hash=book_content_hash(mp, summary),
        state=State.RENDERING,
        started_at=timezone.now() - timedelta(seconds=settings.BOOK_RENDER_TIME_LIMIT + 60),
    )
    job, _ = request_and_run(django_capture_on_commit_callbacks, mp, summary)
    assert job.pk != stuck.pk and job.state == State.DONE


def test_broker_down_marks_the_job_failed_with_a_message(
    world, summary, django_capture_on_commit_callbacks, monkeypatch
):
    def refuse(*args, **kwargs):  # simulates a broker that does not answer
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(book_render_task, "apply_async", refuse)
    job, _ = request_and_run(django_capture_on_commit_callbacks, world.garut.masterplan, summary)
    assert job.state == State.FAILED
    assert "worker" in job.error and "Render lagi" in job.error


def test_old_files_are_pruned_but_the_history_stays(world, summary, django_capture_on_commit_callbacks, media_root):
    mp = world.garut.masterplan
    jobs = []
    for n in range(files.KEEP_FILES + 1):
        mp.vision = f"Visi versi {n}"
        mp.save()
        job, _ = request_and_run(django_capture_on_commit_callbacks, mp, summary)
        jobs.append(job)
    for job in jobs:
        job.refresh_from_db()
    assert not jobs[0].file and jobs[0].state == State.DONE and jobs[0].page_count
    assert all(job.has_file for job in jobs[1:])
    assert len(book_files(media_root)) == files.KEEP_FILES


def test_soft_time_limit_watch_remembers_a_limit_a_library_swallowed():
    """Celery's soft limit arrives as SIGUSR1 raising SoftTimeLimitExceeded; when a library's broad
    `except Exception` eats it, the watch still knows it came (book_render then fails the job)."""

    def celery_like_handler(signum, frame):
        raise SoftTimeLimitExceeded()

    previous = signal.signal(signal.SIGUSR1, celery_like_handler)
    try:
        with soft_time_limit_watch() as hit:
            try:  # noqa: SIM105 - written as the library that swallows it is
                os.kill(os.getpid(), signal.SIGUSR1)
            except Exception:
                pass
        assert hit == [signal.SIGUSR1]
        assert signal.getsignal(signal.SIGUSR1) is celery_like_handler  # put back
        with soft_time_limit_watch() as quiet:
            pass
        assert quiet == []
    finally:
        signal.signal(signal.SIGUSR1, previous)
