"""Writes of the render pipeline: ask for a book, render it, sweep jobs that can no longer finish.

The typesetting itself lives in ``masterplan.books.services`` (``book_content_hash`` and
``book_pdf_render``); this module wraps it in a job with a state, progress, a file written
atomically and an error message a person can act on.
"""

import logging
import os
import re
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager, suppress
from datetime import timedelta
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import RenderJob

logger = logging.getLogger(__name__)

State = RenderJob.State

# A job claimed this many times (each claim is a worker starting it) is not tried again: a book
# that kills its worker (out of memory) must not be redelivered forever.
MAX_ATTEMPTS = 3
# Done jobs whose PDF is kept on disk per book; older rows stay in the history without a file.
KEEP_FILES = 3
# Progress is written at most this often (seconds); each write is one UPDATE by primary key.
PROGRESS_INTERVAL = 0.5


def soft_time_limit():
    return getattr(settings, "BOOK_RENDER_SOFT_TIME_LIMIT", 300)


def hard_time_limit():
    return getattr(settings, "BOOK_RENDER_TIME_LIMIT", 360)


def weasyprint_version():
    import weasyprint

    return weasyprint.__version__


# --- asking for a book ---------------------------------------------------------------------------


def latest_done_job(masterplan, book):
    """The newest good render of a book whose file is still there, or None."""
    for job in RenderJob.objects.done().filter(masterplan=masterplan, book=book).order_by("-finished_at", "-pk")[:5]:
        if job.has_file:
            return job
    return None


def book_render_request(masterplan, book, user=None, *, enqueue=True, force=False):
    """Ask for a PDF of one book and return its job.

    - The content did not change since the last good render (same hash, same WeasyPrint, file
      still there): that done job, at once, nothing is rendered.
    - A job for this content is already queued or rendering (a double click, a second person):
      that job.
    - Otherwise a new queued job; its Celery task is sent once the transaction commits, so the
      worker always finds the row. ``enqueue=False`` leaves the job queued for the caller to
      render in-process (the ``render_books`` command); ``force=True`` skips the first case.
    """
    from masterplan.books.services import book_content_hash

    render_jobs_sweep_stale(masterplan)
    requested_by = user if user is not None and user.is_authenticated else None
    try:
        content_hash = book_content_hash(masterplan, book)
    except Exception as exc:  # the book cannot even be built: a failed job says why
        logger.exception("Building %s of %s failed", book, masterplan)
        job = RenderJob.objects.create(
            masterplan=masterplan, book=book, requested_by=requested_by, state=State.FAILED, finished_at=timezone.now()
        )
        job.error = render_error_message(exc, job)
        job.save(update_fields=["error"])
        return job

    last_done = latest_done_job(masterplan, book)
    if (
        not force
        and last_done
        and last_done.content_hash == content_hash
        and last_done.weasyprint_version == weasyprint_version()
    ):
        return last_done

    existing = _active_job(masterplan, book, content_hash)
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
        existing = _active_job(masterplan, book, content_hash)
        if existing:
            return existing
        raise
    if enqueue:
        transaction.on_commit(lambda: _enqueue(job.pk, job.celery_task_id))
    return job


def _active_job(masterplan, book, content_hash):
    return (
        RenderJob.objects.active()
        .filter(masterplan=masterplan, book=book, content_hash=content_hash)
        .order_by("-requested_at", "-pk")
        .first()
    )


def _enqueue(job_id, task_id):
    from .tasks import book_render_task

    try:
        book_render_task.apply_async(args=[job_id], task_id=task_id)
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


def render_jobs_sweep_stale(masterplan=None, *, now=None):
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


def book_render(job_id, *, task_id=None):
    """Render the job's book now, in this process, and record the outcome on the job.

    Safe to call again for the same job (a redelivered task after a worker was killed): a queued
    or rendering job is (re)started, a done or failed one is left alone. Returns the job, or None
    when there was nothing to do."""
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
    _remove_partial_files(job)
    if job.attempts > MAX_ATTEMPTS:
        _mark_failed(
            job.pk,
            _(
                "Render buku ini sudah %(n)s kali terhenti di tengah jalan (worker mati, mungkin kehabisan "
                "memori). Minta administrator memeriksa log dan memori worker buku, lalu klik Render lagi."
            )
            % {"n": job.attempts - 1},
        )
        job.refresh_from_db()
        return job

    from masterplan.books.services import book_pdf_render

    started = time.perf_counter()
    expected_pages = _expected_pages(job)
    try:
        with soft_time_limit_watch() as limit_hit, weasyprint_progress(job.pk, expected_pages):
            result = book_pdf_render(job.masterplan, job.book)
        if limit_hit:
            raise SoftTimeLimitExceeded()  # it came, but a library's broad `except` swallowed it
        name = _write_atomically(job, result.pdf)
    except Exception as exc:
        logger.exception("Render job %s (%s, %s) failed", job.pk, job.masterplan, job.book)
        _mark_failed(job.pk, render_error_message(exc, job))
        job.refresh_from_db()
        return job

    job.state = State.DONE
    job.progress = 100
    job.page_count = result.page_count
    job.seconds = round(time.perf_counter() - started, 3)
    job.seconds_data = _rounded(getattr(result, "seconds_data", None))
    job.seconds_layout = _rounded(getattr(result, "seconds_layout", None))
    job.weasyprint_version = weasyprint_version()
    job.content_hash = result.content_hash
    job.is_draft = result.is_draft
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
    _prune_old_files(job)
    return job


def _rounded(value):
    return None if value is None else round(value, 3)


def _expected_pages(job):
    last = (
        RenderJob.objects.done()
        .filter(masterplan=job.masterplan_id, book=job.book_id, page_count__isnull=False)
        .order_by("-finished_at")
        .values_list("page_count", flat=True)
        .first()
    )
    return last


def _mark_failed(job_id, message):
    RenderJob.objects.filter(pk=job_id).update(state=State.FAILED, error=message, finished_at=timezone.now())


def render_error_message(exc, job):
    """A message that tells a person what to do, in Indonesian; the traceback goes to the log."""
    user_message = getattr(exc, "user_message", None)
    if user_message:
        return str(user_message)
    if isinstance(exc, SoftTimeLimitExceeded):
        return _(
            "Render melewati batas waktu %(limit)s detik dan dihentikan. PDF terakhir yang berhasil tetap bisa "
            "diunduh. Periksa apakah ada isian yang sangat panjang (mis. tabel ratusan baris), lalu klik Render "
            "lagi; bila terulang, minta administrator menaikkan batas waktu."
        ) % {"limit": soft_time_limit()}
    if isinstance(exc, (TemplateSyntaxError, TemplateDoesNotExist)):
        return _(
            "Templat cetak %(book)s bermasalah (%(error)s). Minta administrator situs memperbaiki templat atau "
            "definisi bab buku ini, lalu klik Render lagi. PDF terakhir yang berhasil tetap bisa diunduh."
        ) % {"book": job.book.label, "error": _short(exc)}
    if isinstance(exc, MemoryError):
        return _(
            "Memori server tidak cukup untuk merender %(book)s. Coba lagi beberapa saat lagi; bila terulang, "
            "minta administrator menambah memori worker buku."
        ) % {"book": job.book.label}
    if isinstance(exc, OSError):
        return _(
            "Berkas PDF tidak dapat disimpan (%(error)s). Minta administrator memeriksa ruang disk dan izin folder "
            "media, lalu klik Render lagi. PDF terakhir yang berhasil tetap bisa diunduh."
        ) % {"error": _short(exc)}
    return _(
        "Render %(book)s gagal: %(error)s. PDF terakhir yang berhasil tetap bisa diunduh. Periksa isian yang baru "
        "diubah, lalu klik Render lagi; bila tetap gagal, hubungi administrator dan sebutkan nomor render #%(id)s."
    ) % {"book": job.book.label, "error": _short(exc), "id": job.pk}


def _short(exc, limit=300):
    text = f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the file -------------------------------------------------------------------------------------


def job_file_name(job):
    slug = job.masterplan.region.slug
    return f"books/{slug}/{slug}-buku-{job.book.number}-r{job.pk}.pdf"


def _write_atomically(job, data):
    """Write the PDF under its final name only once it is complete: into a temporary file in the
    same folder, flushed to disk, then renamed (atomic on one file system). A failed or killed
    render leaves at most a hidden ``.part`` file, which the next attempt removes."""
    storage = job.file.storage
    name = job_file_name(job)
    try:
        final_path = Path(storage.path(name))
    except NotImplementedError:  # a remote storage: its save() publishes the object whole
        return storage.save(name, ContentFile(data))
    final_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=final_path.parent, prefix=f".{final_path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, settings.FILE_UPLOAD_PERMISSIONS or 0o644)
        os.replace(tmp, final_path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return name


def _remove_partial_files(job):
    """Temporary files a killed attempt of this job left behind."""
    with suppress(NotImplementedError):
        final_path = Path(job.file.storage.path(job_file_name(job)))
        if final_path.parent.is_dir():
            for part in final_path.parent.glob(f".{final_path.name}.*.part"):
                with suppress(FileNotFoundError):
                    part.unlink()


def _prune_old_files(job):
    """Keep the PDFs of the newest KEEP_FILES good renders of this book; older rows stay in the
    history without a file."""
    old = (
        RenderJob.objects.done()
        .filter(masterplan=job.masterplan_id, book=job.book_id)
        .exclude(file="")
        .order_by("-finished_at", "-pk")[KEEP_FILES:]
    )
    for stale in old:
        with suppress(OSError):
            stale.file.storage.delete(stale.file.name)
        RenderJob.objects.filter(pk=stale.pk).update(file="")


# --- progress from WeasyPrint's log ----------------------------------------------------------------

# WeasyPrint 70 logs its steps on the "weasyprint.progress" logger at INFO:
#   Step 1 - Fetching and parsing HTML, Step 2 - Fetching and parsing CSS, Step 3 - Applying CSS,
#   Step 4 - Creating formatting structure, Step 5 - Creating layout - Page N (also
#   "- Repagination #N"), Step 6 - Creating PDF, Step 7 - Adding PDF metadata.
# Collecting data and building HTML come before step 1 (0-3 %). Measured on the demo books:
# applying CSS ~12 % of WeasyPrint's time, the formatting structure ~8 %, layout ~45 %, drawing
# and writing the PDF (step 6, no messages inside) ~30 %.
_STEP_PERCENT = {1: 3, 2: 5, 3: 8, 4: 20, 6: 72, 7: 97}
_STEP_RE = re.compile(r"Step (\d)")
_PAGE_RE = re.compile(r"Page (\d+)")
_REPAGINATION_RE = re.compile(r"Repagination #(\d+)")
_LAYOUT_FROM, _LAYOUT_TO = 25, 68


def progress_percent(message, expected_pages=None):
    """The percent a WeasyPrint progress message stands for, or None for an unknown message."""
    step = _STEP_RE.search(message)
    if not step:
        return None
    number = int(step.group(1))
    if number != 5:
        return _STEP_PERCENT.get(number)
    repagination = _REPAGINATION_RE.search(message)
    if repagination:
        return min(_LAYOUT_TO + int(repagination.group(1)), 71)
    page = _PAGE_RE.search(message)
    if not page:
        return _LAYOUT_FROM
    n = int(page.group(1))
    if expected_pages:
        share = min(n / expected_pages, 1.0)
    else:  # unknown length: approach the end without reaching it
        share = n / (n + 30)
    return _LAYOUT_FROM + int((_LAYOUT_TO - _LAYOUT_FROM) * share)


@contextmanager
def soft_time_limit_watch():
    """Remember whether Celery's soft time limit arrived during the block.

    In a prefork worker the limit comes as SIGUSR1, whose handler raises SoftTimeLimitExceeded
    wherever the render is; inside a library's ``except Exception`` it is swallowed and the render
    would run on. The yielded list is non-empty once the signal came."""
    import signal

    hit = []
    previous = signal.getsignal(signal.SIGUSR1) if hasattr(signal, "SIGUSR1") else None
    if not callable(previous) or threading.current_thread() is not threading.main_thread():
        yield hit  # not in a worker process that enforces limits (eager, tests, command)
        return

    def handler(signum, frame):
        hit.append(signum)
        previous(signum, frame)

    signal.signal(signal.SIGUSR1, handler)
    try:
        yield hit
    finally:
        signal.signal(signal.SIGUSR1, previous)


class _ProgressHandler(logging.Handler):
    """Feeds WeasyPrint's progress messages of one thread into one job's ``progress``."""

    def __init__(self, job_id, expected_pages):
        super().__init__(logging.INFO)
        self.job_id = job_id
        self.expected_pages = expected_pages
        self.thread = threading.get_ident()
        self.percent = 1
        self.saved_at = 0.0

    def emit(self, record):
        if record.thread != self.thread:  # another render in another thread of this process
            return
        try:
            percent = progress_percent(record.getMessage(), self.expected_pages)
            if percent is None or percent <= self.percent:
                return
            self.percent = percent
            now = time.monotonic()
            if now - self.saved_at >= PROGRESS_INTERVAL or percent >= _STEP_PERCENT[6]:
                self.saved_at = now
                RenderJob.objects.filter(pk=self.job_id, state=State.RENDERING).update(progress=percent)
        except SoftTimeLimitExceeded:
            raise  # Celery's time limit, delivered while we happened to be here: it must stop the render
        except Exception:  # progress is a nicety: never let it break a render
            logger.debug("Progress update of render job %s failed", self.job_id, exc_info=True)


_progress_lock = threading.Lock()
_progress_users = 0
_progress_saved = None


@contextmanager
def weasyprint_progress(job_id, expected_pages=None):
    """While the block runs, WeasyPrint's progress messages of this thread update the job.

    The progress logger is switched to INFO and stops propagating for the duration, so the
    messages reach the handler without flooding the console log."""
    global _progress_users, _progress_saved
    progress_logger = logging.getLogger("weasyprint.progress")
    handler = _ProgressHandler(job_id, expected_pages)
    with _progress_lock:
        if _progress_users == 0:
            _progress_saved = (progress_logger.level, progress_logger.propagate)
            progress_logger.setLevel(logging.INFO)
            progress_logger.propagate = False
        _progress_users += 1
        progress_logger.addHandler(handler)
    try:
        yield handler
    finally:
        with _progress_lock:
            progress_logger.removeHandler(handler)
            _progress_users -= 1
            if _progress_users == 0 and _progress_saved is not None:
                progress_logger.setLevel(_progress_saved[0])
                progress_logger.propagate = _progress_saved[1]
