"""The PDF files of render jobs: their names, writing them atomically (a temporary file renamed
into place), removing what a killed render left and pruning the PDFs of old renders."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.files.base import ContentFile

from .models import RenderJob

# Done jobs whose PDF is kept on disk per book; older rows stay in the history without a file.
KEEP_FILES = 3


def job_file_name(job: RenderJob) -> str:
    """The storage name of a job's PDF: one per render, so a new render never overwrites a file
    someone is downloading."""
    slug = job.masterplan.region.slug
    return f"books/{slug}/{slug}-buku-{job.book.number}-r{job.pk}.pdf"


def file_write_atomically(target: Path, write: Callable[[BinaryIO], object], mode: int = 0o644) -> None:
    """Write ``target`` through ``write(file)`` so that it appears only once complete: into a
    temporary file in the same folder, flushed to disk, then renamed (atomic on one file system).
    A failure removes the temporary file; one left by a killed process is a hidden ``.part``."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def job_file_write(job: RenderJob, data: bytes) -> str:
    """Store a job's PDF under its final name, complete or not at all; returns the storage name.
    A failed or killed render leaves at most a hidden ``.part`` file, which the next attempt
    removes (``job_partial_files_remove``)."""
    storage = job.file.storage
    name = job_file_name(job)
    try:
        final_path = Path(storage.path(name))
    except NotImplementedError:  # a remote storage: its save() publishes the object whole
        return storage.save(name, ContentFile(data))
    final_path.parent.mkdir(parents=True, exist_ok=True)
    file_write_atomically(final_path, lambda fh: fh.write(data), settings.FILE_UPLOAD_PERMISSIONS or 0o644)
    return name


def job_partial_files_remove(job: RenderJob) -> None:
    """Temporary files a killed attempt of this job left behind."""
    with suppress(NotImplementedError):
        final_path = Path(job.file.storage.path(job_file_name(job)))
        if final_path.parent.is_dir():
            for part in final_path.parent.glob(f".{final_path.name}.*.part"):
                with suppress(FileNotFoundError):
                    part.unlink()


def job_old_files_prune(job: RenderJob) -> None:
    """Keep the PDFs of the newest KEEP_FILES good renders of this job's book; older rows stay in
    the history without a file."""
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
