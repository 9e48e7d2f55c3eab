"""Writes of the render pipeline: ask for a book, render it, sweep jobs that can no longer finish.

The typesetting itself lives in ``masterplan.books.services`` (``book_content_hash`` and
``book_pdf_render``); this module wraps it in a job with a state, progress (``progress``), a time
limit (``time_limits``), a file written atomically (``files``) and an error message a person can
act on (``error_messages``). The Celery task (``tasks``) calls ``book_render``; this module sends
it by name, so it never imports the task module that imports it.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import weasyprint
from celery import chord
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from masterplan.books import services as book_services
from masterplan.books.models import BookDefinition
from masterplan.celery import app as celery_app
from masterplan.models import Masterplan

from . import files, selectors
from .error_messages import render_error_message
from .models import RenderJob
from .time_limits import hard_time_limit, soft_time_limit_watch

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

logger = logging.getLogger(__name__)

State = RenderJob.State

# The Celery name of the render task (tasks.book_render_task); settings.CELERY_TASK_ROUTES routes
# it to the "books" queue.
BOOK_RENDER_TASK = "rendering.book_render"
# A job claimed this many times (each claim is a worker starting it) is not tried again: a book
# that kills its worker (out of memory) must not be redelivered forever.
MAX_ATTEMPTS = 3


def weasyprint_version() -> str:
    return weasyprint.__version__


# --- asking for a book ---------------------------------------------------------------------------


def book_render_request(
    masterplan: Masterplan,
    book: BookDefinition,
    user: AbstractBaseUser | AnonymousUser | None = None,
    *,
    enqueue: bool = True,
    force: bool = False,
) -> RenderJob:
    """Ask for a PDF of one book and return its job.

    - The content did not change since the last good render (same hash, same WeasyPrint, file
      still there): that done job, at once, nothing is rendered.
    - A job for this content is already queued or rendering (a double click, a second person):
      that job.
    - Otherwise a new queued job; its Celery task is sent once the transaction commits, so the
      worker always finds the row. ``enqueue=False`` leaves the job queued for the caller to
      render in-process (the ``render_books`` command); ``force=True`` skips the first case.
    """
    render_jobs_sweep_stale(masterplan)
    requested_by = user if user is not None and user.is_authenticated else None
    try:
        content_hash = book_services.book_content_hash(masterplan, book)
    except Exception as exc:  # the book cannot even be built: a failed job says why
        logger.exception("Building %s of %s failed", book, masterplan)
        job = RenderJob.objects.create(
            masterplan=masterplan, book=book, requested_by=requested_by, state=State.FAILED, finished_at=timezone.now()
        )
        job.error = render_error_message(exc, job)
        job.save(update_fields=["error"])
        return job

    last_done = selectors.latest_done_job(masterplan, book)
    if (
        not force
        and last_done
        and last_done.content_hash == content_hash
        and last_done.weasyprint_version == weasyprint_version()
    ):
        return last_done

    existing = selectors.active_job(masterplan, book, content_hash)
    if existing:
        return existing
    try:
        # The partial unique constraint (one active job per book and content) settles a race
        # between two requests that both found no active job.
        with transaction.atomic():
            job = RenderJob.objects.create(
                masterplan=masterplan,
                book=book,
                requested_by=requested_by,
                content_hash=content_hash,
                celery_task_id=str(uuid.uuid4()) if enqueue else "",
            )
    except IntegrityError:
        existing = selectors.active_job(masterplan, book, content_hash)
        if existing:
            return existing
        raise
    if enqueue:
        transaction.on_commit(lambda: _enqueue(job.pk, job.celery_task_id))
    return job


def _enqueue(job_id: int, task_id: str) -> None:
    try:
        # By name, on the project's app (not celery.current_app: in another thread, such as a live
        # test server's, that falls back to an unconfigured default app and its AMQP broker).
        celery_app.signature(BOOK_RENDER_TASK, args=[job_id]).apply_async(task_id=task_id)
    except Exception as exc:  # the broker does not answer: say so on the job instead of a 500
        logger.exception("Could not send render job %s to the broker", job_id)
        _mark_failed(
            job_id,
            _(
                "Permintaan render tidak dapat dikirim ke antrean (%(error)s). Pastikan broker Celery "
                "(Redis) dan worker buku berjalan, lalu klik Render lagi."
            )
            % {"error": exc.__class__.__name__},
        )


def render_jobs_sweep_stale(masterplan: Masterplan | None = None, *, now: datetime | None = None) -> int:
    """Mark failed the jobs that can no longer finish, so none stays "rendering" forever.

    A job rendering longer than the hard time limit lost its worker (killed, machine restarted);
    a job queued for longer than ``BOOK_RENDER_QUEUE_TIMEOUT`` seconds has no worker taking it.
    Returns the number of jobs marked failed."""
    now = now or timezone.now()
    qs = RenderJob.objects.all()
    if masterplan is not None:
        qs = qs.filter(masterplan=masterplan)
    stale_rendering = qs.filter(state=State.RENDERING, started_at__lt=now - timedelta(seconds=hard_time_limit() + 30))
    count = stale_rendering.update(
        state=State.FAILED,
        finished_at=now,
        error=_(
            "Render terhenti tanpa selesai (worker berhenti atau melewati batas waktu %(limit)s detik). "
            "PDF terakhir yang berhasil tetap bisa diunduh. Klik Render untuk mencoba lagi; bila terulang, "
            "minta administrator memeriksa log worker buku."
        )
        % {"limit": hard_time_limit()},
    )
    queue_timeout = getattr(settings, "BOOK_RENDER_QUEUE_TIMEOUT", 1800)
    stale_queued = qs.filter(state=State.QUEUED, requested_at__lt=now - timedelta(seconds=queue_timeout))
    count += stale_queued.update(
        state=State.FAILED,
        finished_at=now,
        error=_(
            "Permintaan render menunggu lebih dari %(minutes)s menit tanpa diproses. Pastikan worker buku "
            '(Celery, antrean "books") berjalan, lalu klik Render lagi.'
        )
        % {"minutes": queue_timeout // 60},
    )
    return count


# --- rendering ------------------------------------------------------------------------------------


def book_render(job_id: int, *, task_id: str | None = None, parallel: bool = False) -> RenderJob | None:
    """Render the job's book now, in this process, and record the outcome on the job.

    Safe to call again for the same job (a redelivered task after a worker was killed): a queued
    or rendering job is (re)started, a done or failed one is left alone. Returns the job, or None
    when there was nothing to do. ``parallel``: the chapters go to the workers as a chord
    (parallel_parts_enabled) and the job is returned still rendering."""
    now = timezone.now()
    claim = {
        "state": State.RENDERING,
        "started_at": now,
        "finished_at": None,
        "progress": 1,
        "error": "",
        "attempts": F("attempts") + 1,
    }
    if task_id:
        claim["celery_task_id"] = task_id
    if not RenderJob.objects.filter(pk=job_id, state__in=[State.QUEUED, State.RENDERING]).update(**claim):
        logger.info("Render job %s is not queued or rendering any more; nothing to do", job_id)
        return None
    job = RenderJob.objects.select_related("masterplan__region", "book").get(pk=job_id)
    files.job_partial_files_remove(job)
    if _failed_after_too_many_attempts(job):
        job.refresh_from_db()
        return job

    started = time.perf_counter()
    if parallel:
        return _book_render_parallel(job, started)
    try:
        with soft_time_limit_watch() as limit_hit:
            result = book_services.book_pdf_render(
                job.masterplan, job.book, on_part=lambda done, total, pages: _parts_progress(job.pk, done, total, pages)
            )
        if limit_hit:
            raise SoftTimeLimitExceeded()  # it came, but a library's broad `except` swallowed it
        name = files.job_file_write(job, result.pdf)
    except Exception as exc:
        logger.exception("Render job %s (%s, %s) failed", job.pk, job.masterplan, job.book)
        _mark_failed(job.pk, render_error_message(exc, job))
        job.refresh_from_db()
        return job
    return _finish(
        job,
        name,
        page_count=result.page_count,
        content_hash=result.content_hash,
        is_draft=result.is_draft,
        seconds=time.perf_counter() - started,
        seconds_data=getattr(result, "seconds_data", None),
        seconds_layout=getattr(result, "seconds_layout", None),
    )


def _finish(job: RenderJob, name: str, **outcome: object) -> RenderJob:
    job.state = State.DONE
    job.progress = 100
    job.page_count = outcome["page_count"]
    job.seconds = round(outcome["seconds"], 3)
    job.seconds_data = _rounded(outcome.get("seconds_data"))
    job.seconds_layout = _rounded(outcome.get("seconds_layout"))
    job.weasyprint_version = weasyprint_version()
    job.content_hash = outcome["content_hash"]
    job.is_draft = outcome["is_draft"]
    job.file.name = name
    job.finished_at = timezone.now()
    job.error = ""
    job.save(
        update_fields=[
            "state",
            "progress",
            "page_count",
            "seconds",
            "seconds_data",
            "seconds_layout",
            "weasyprint_version",
            "content_hash",
            "is_draft",
            "file",
            "finished_at",
            "error",
        ]
    )
    files.job_old_files_prune(job)
    book_services.part_cache_prune()
    return job


# --- the parts of a book on several workers (issue 12) ------------------------------------------
# book_render (the job's task) builds the book's plan and sends a Celery chord: a task per body
# chapter not cached yet (BOOK_PART_TASK), spread over the worker processes, then the assembly
# (BOOK_ASSEMBLE_TASK) once all are done. The plan travels as a JSON file beside the part cache.

BOOK_PART_TASK = "rendering.book_part_render"
BOOK_ASSEMBLE_TASK = "rendering.book_assemble"
# Percent of the bar the parts take; the rest is the front matter and the assembly.
_PARTS_SHARE = 90


def parallel_parts_enabled() -> bool:
    """Chapters go to the workers as separate tasks when a broker and a result backend (which a
    chord needs) are configured and BOOK_RENDER_PARALLEL is on; else a worker renders them one
    after the other itself (tests, `make run` on the filesystem broker)."""
    conf = celery_app.conf
    return (
        bool(getattr(settings, "BOOK_RENDER_PARALLEL", False))
        and not conf.task_always_eager
        and bool(conf.result_backend)
    )


def _parts_progress(job_id: int, done: int, total: int, pages: int) -> None:
    percent = 3 + (_PARTS_SHARE - 3) * min(done, total) // max(total, 1)
    try:
        RenderJob.objects.filter(pk=job_id, state=State.RENDERING, progress__lte=percent).update(
            parts_done=done, parts_total=total, pages_done=pages, progress=percent
        )
    except Exception:  # progress is a nicety: never let it break a render
        logger.warning("Progress update of render job %s failed", job_id, exc_info=True)


def _plan_path(job_id: int) -> Path:
    folder = Path(settings.MEDIA_ROOT) / book_services.PART_CACHE / "plans"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"job-{job_id}.json"


def _plan_load(job_id: int) -> book_services.BookPlan:
    return book_services.BookPlan.from_dict(json.loads(_plan_path(job_id).read_text()))


def _book_render_parallel(job: RenderJob, started: float) -> RenderJob:
    try:
        plan = book_services.book_plan_build(job.masterplan, job.book)
        todo = [i for i, part in enumerate(plan.parts) if not book_services.book_part_is_cached(part.content_hash)]
        files.file_write_atomically(_plan_path(job.pk), lambda fh: fh.write(json.dumps(asdict(plan)).encode()))
        done = len(plan.parts) - len(todo)
        RenderJob.objects.filter(pk=job.pk).update(
            parts_total=len(plan.parts), parts_done=done, seconds_data=round(time.perf_counter() - started, 3)
        )
        if not todo:
            return book_assemble_job(job.pk)
        header = [celery_app.signature(BOOK_PART_TASK, args=[job.pk, i], immutable=True) for i in todo]
        body = celery_app.signature(BOOK_ASSEMBLE_TASK, args=[job.pk], immutable=True)
        chord(header)(body)
    except Exception as exc:
        logger.exception("Render job %s (%s, %s) failed", job.pk, job.masterplan, job.book)
        _mark_failed(job.pk, render_error_message(exc, job))
    job.refresh_from_db()
    return job


def _claim_again(job_id: int, redelivered: bool) -> RenderJob | None:
    """The job of a part task, if it is still rendering. A part whose worker was lost and that is
    delivered again counts as an attempt of the job (MAX_ATTEMPTS)."""
    if redelivered:
        RenderJob.objects.filter(pk=job_id, state=State.RENDERING).update(attempts=F("attempts") + 1)
    job = RenderJob.objects.select_related("masterplan__region", "book").filter(pk=job_id).first()
    if job is None or job.state != State.RENDERING:
        return None
    if _failed_after_too_many_attempts(job):
        return None
    return job


def book_part_render_job(job_id: int, index: int, *, redelivered: bool = False) -> bool:
    """Lay out body part ``index`` of the job's book (a chord task); True when it is ready. A
    failure marks the job failed and is raised again, so the chord never assembles."""
    job = _claim_again(job_id, redelivered)
    if job is None:
        return False
    try:
        with soft_time_limit_watch() as limit_hit:
            plan = _plan_load(job_id)
            book_services.book_part_render(plan, index)
        if limit_hit:
            raise SoftTimeLimitExceeded()
    except Exception as exc:
        logger.exception("Part %s of render job %s failed", index, job_id)
        _mark_failed(job_id, render_error_message(exc, job))
        raise
    # Counted from the cache, not added up: a part delivered again (its worker was lost after it
    # was done) is not counted twice.
    done = book_services.book_parts_ready(plan)
    _parts_progress(job_id, len(done), len(plan.parts), sum(part.meta["pages"] for part in done))
    return True


def book_assemble_job(job_id: int, *, redelivered: bool = False) -> RenderJob | None:
    """The chord's last step: the front matter, the footers, the join; the job done."""
    job = _claim_again(job_id, redelivered)
    if job is None:
        return None
    started_at = job.started_at
    try:
        with soft_time_limit_watch() as limit_hit:
            plan = _plan_load(job_id)
            parts = [book_services.book_part_render(plan, i)[0] for i in range(len(plan.parts))]
            pdf, page_count, _laid_out = book_services.book_assemble(plan, parts)
        if limit_hit:
            raise SoftTimeLimitExceeded()
        name = files.job_file_write(job, pdf)
    except Exception as exc:
        logger.exception("Assembling render job %s failed", job_id)
        _mark_failed(job_id, render_error_message(exc, job))
        job.refresh_from_db()
        return job
    _plan_path(job_id).unlink(missing_ok=True)
    seconds = (timezone.now() - started_at).total_seconds() if started_at else 0.0
    return _finish(
        job,
        name,
        page_count=page_count,
        content_hash=plan.content_hash,
        is_draft=plan.is_draft,
        seconds=seconds,
        seconds_data=job.seconds_data,
        seconds_layout=max(seconds - (job.seconds_data or 0), 0),
    )


def _failed_after_too_many_attempts(job: RenderJob) -> bool:
    """Marks the job failed, and says so, when its worker was lost more than MAX_ATTEMPTS times
    (the job's own task or one of its parts delivered again)."""
    if job.attempts <= MAX_ATTEMPTS:
        return False
    _mark_failed(
        job.pk,
        _(
            "Render buku ini sudah %(n)s kali terhenti di tengah jalan (worker mati, mungkin kehabisan "
            "memori). Minta administrator memeriksa log dan memori worker buku, lalu klik Render lagi."
        )
        % {"n": job.attempts - 1},
    )
    return True


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _mark_failed(job_id: int, message: str) -> None:
    RenderJob.objects.filter(pk=job_id).update(state=State.FAILED, error=message, finished_at=timezone.now())
