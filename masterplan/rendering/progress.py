"""A render's progress bar: WeasyPrint's ``weasyprint.progress`` log messages turned into the
job's ``progress`` percent, saved at most every PROGRESS_INTERVAL seconds."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from celery.exceptions import SoftTimeLimitExceeded

from .models import RenderJob

logger = logging.getLogger(__name__)

# Progress is written at most this often (seconds); each write is one UPDATE by primary key.
PROGRESS_INTERVAL = 0.5

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


def progress_percent(message: str, expected_pages: int | None = None) -> int | None:
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


class _ProgressHandler(logging.Handler):
    """Feeds WeasyPrint's progress messages of one thread into one job's ``progress``."""

    def __init__(self, job_id: int, expected_pages: int | None) -> None:
        super().__init__(logging.INFO)
        self.job_id = job_id
        self.expected_pages = expected_pages
        self.thread = threading.get_ident()
        self.percent = 1
        self.saved_at = 0.0

    def emit(self, record: logging.LogRecord) -> None:
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
                RenderJob.objects.filter(pk=self.job_id, state=RenderJob.State.RENDERING).update(progress=percent)
        except SoftTimeLimitExceeded:
            raise  # Celery's time limit, delivered while we happened to be here: it must stop the render
        except Exception:  # progress is a nicety: never let it break a render
            logger.debug("Progress update of render job %s failed", self.job_id, exc_info=True)


_progress_lock = threading.Lock()
_progress_users = 0
_progress_saved: tuple[int, bool] | None = None


@contextmanager
def weasyprint_progress(job_id: int, expected_pages: int | None = None) -> Iterator[_ProgressHandler]:
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
