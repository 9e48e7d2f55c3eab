"""Reads of the render pipeline. Callers pass a masterplan already resolved through masterplan.access."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from masterplan.books.models import BookDefinition
from masterplan.models import Masterplan

from .models import RenderJob

HISTORY_LIMIT = 30


@dataclass
class BookRow:
    book: BookDefinition
    latest: RenderJob | None  # the newest job, whatever its state
    latest_done: RenderJob | None  # the newest good render: what "Unduh" gives

    @property
    def active(self) -> RenderJob | None:
        return self.latest if self.latest is not None and self.latest.is_active else None


def book_rows(masterplan: Masterplan) -> list[BookRow]:
    """One row per active book: the book, its newest job and its newest good render.

    Three queries whatever the number of books and jobs."""
    jobs = RenderJob.objects.filter(masterplan=masterplan, book=OuterRef("pk")).order_by("-requested_at", "-pk")
    done = (
        RenderJob.objects.done()
        .filter(masterplan=masterplan, book=OuterRef("pk"))
        .exclude(file="")
        .order_by("-finished_at", "-pk")
    )
    books = list(
        BookDefinition.objects.active()
        .annotate(latest_id=Subquery(jobs.values("pk")[:1]), latest_done_id=Subquery(done.values("pk")[:1]))
        .order_by("order", "number")
    )
    ids = {b.latest_id for b in books} | {b.latest_done_id for b in books}
    by_id = RenderJob.objects.select_related("requested_by").in_bulk([i for i in ids if i])
    return [BookRow(book=b, latest=by_id.get(b.latest_id), latest_done=by_id.get(b.latest_done_id)) for b in books]


def render_history(masterplan: Masterplan, limit: int = HISTORY_LIMIT) -> list[RenderJob]:
    return list(
        RenderJob.objects.filter(masterplan=masterplan)
        .select_related("book", "requested_by")
        .order_by("-requested_at", "-pk")[:limit]
    )


def any_active(rows: list[BookRow]) -> bool:
    return any(row.active for row in rows)


def latest_done_job(masterplan: Masterplan, book: BookDefinition) -> RenderJob | None:
    """The newest good render of a book whose file is still there, or None."""
    for job in RenderJob.objects.done().filter(masterplan=masterplan, book=book).order_by("-finished_at", "-pk")[:5]:
        if job.has_file:
            return job
    return None


def active_job(masterplan: Masterplan, book: BookDefinition, content_hash: str) -> RenderJob | None:
    """The queued or rendering job of this content of a book, if any."""
    return (
        RenderJob.objects.active()
        .filter(masterplan=masterplan, book=book, content_hash=content_hash)
        .order_by("-requested_at", "-pk")
        .first()
    )
