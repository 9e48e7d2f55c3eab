"""Reads of the render pipeline. Callers pass a masterplan already resolved through masterplan.access."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from masterplan.books.models import BookDefinition

from .models import RenderJob

HISTORY_LIMIT = 30


@dataclass
class BookRow:
    book: BookDefinition
    latest: RenderJob | None  # the newest job, whatever its state
    latest_done: RenderJob | None  # the newest good render: what "Unduh" gives

    @property
    def active(self):
        return self.latest if self.latest is not None and self.latest.is_active else None


def book_rows(masterplan):
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


def render_history(masterplan, limit=HISTORY_LIMIT):
    return list(
        RenderJob.objects.filter(masterplan=masterplan)
        .select_related("book", "requested_by")
        .order_by("-requested_at", "-pk")[:limit]
    )


def any_active(rows):
    return any(row.active for row in rows)
