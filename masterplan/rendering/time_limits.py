"""How long a render may take: Celery's soft and hard time limits of the render task, and a watch
that notices the soft limit even when a library swallowed it."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from django.conf import settings


def soft_time_limit() -> int:
    """Seconds after which Celery asks a render to stop (SoftTimeLimitExceeded in the task)."""
    return getattr(settings, "BOOK_RENDER_SOFT_TIME_LIMIT", 300)


def hard_time_limit() -> int:
    """Seconds after which Celery kills the worker process of a render."""
    return getattr(settings, "BOOK_RENDER_TIME_LIMIT", 360)


@contextmanager
def soft_time_limit_watch() -> Iterator[list[int]]:
    """Remember whether Celery's soft time limit arrived during the block.

    In a prefork worker the limit comes as SIGUSR1, whose handler raises SoftTimeLimitExceeded
    wherever the render is; inside a library's ``except Exception`` it is swallowed and the render
    would run on. The yielded list is non-empty once the signal came."""
    hit: list[int] = []
    previous = signal.getsignal(signal.SIGUSR1) if hasattr(signal, "SIGUSR1") else None
    if not callable(previous) or threading.current_thread() is not threading.main_thread():
        yield hit  # not in a worker process that enforces limits (eager, tests, command)
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        hit.append(signum)
        previous(signum, frame)

    signal.signal(signal.SIGUSR1, handler)
    try:
        yield hit
    finally:
        signal.signal(signal.SIGUSR1, previous)
