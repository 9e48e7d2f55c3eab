"""Render the books of a region from the command line, through the same service as the app.

    python manage.py render_books garut [--book 1 --book 3] [--output-dir DIR] [--force]

Each book becomes a RenderJob rendered here, in this process (no worker needed), and is copied
to DIR/<slug>-buku-<N>.pdf. A book whose content did not change since its last good render is
not rendered again (its PDF is copied) unless --force is given.
"""

import os
import shutil
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from masterplan.books.models import BookDefinition
from masterplan.models import Region
from masterplan.rendering import services
from masterplan.rendering.models import RenderJob
from masterplan.selectors import current_masterplan


class Command(BaseCommand):
    help = "Render the books of a region to PDF files: DIR/SLUG-buku-N.pdf."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="slug of the region, e.g. garut")
        parser.add_argument(
            "--book", type=int, action="append", dest="books", metavar="N", help="book number (repeatable); default: all active books"
        )
        parser.add_argument("--output-dir", default=".", help="folder for the PDFs (default: the current folder)")
        parser.add_argument("--force", action="store_true", help="render even when the content did not change")

    def handle(self, slug, books=None, output_dir=".", force=False, **options):
        region = Region.objects.filter(slug=slug).first()
        if region is None:
            raise CommandError(f"No region with slug {slug!r}.")
        masterplan = current_masterplan(region)
        if masterplan is None:
            raise CommandError(f"{region} has no masterplan.")
        selected = list(BookDefinition.objects.active().order_by("order", "number"))
        if books:
            by_number = {b.number: b for b in BookDefinition.objects.filter(number__in=books)}
            missing = sorted(set(books) - set(by_number))
            if missing:
                raise CommandError(f"No book numbered {', '.join(map(str, missing))}.")
            selected = [by_number[n] for n in books]
        out = Path(output_dir)
        out.mkdir(parents=True, exist_ok=True)

        failures = 0
        for book in selected:
            job, rendered_now = self.render(masterplan, book, force)
            if job.state != RenderJob.State.DONE:
                failures += 1
                self.stderr.write(f"Buku {book.number} {book.title}: FAILED — {job.error}")
                continue
            target = out / f"{slug}-buku-{book.number}.pdf"
            _copy_atomically(job, target)
            kind = "draft" if job.is_draft else "final"
            self.stdout.write(
                f"Buku {book.number} {book.title}: {job.page_count} pages, {job.seconds:.2f} s, {kind}"
                f"{'' if rendered_now else ' (unchanged since the last render)'} -> {target}"
            )
        if failures:
            raise CommandError(f"{failures} book(s) failed.")

    def render(self, masterplan, book, force):
        job = services.book_render_request(masterplan, book, None, enqueue=False, force=force)
        if job.state == RenderJob.State.DONE:
            return job, False
        if job.state == RenderJob.State.QUEUED:
            services.book_render(job.pk)
            job.refresh_from_db()
        elif job.state == RenderJob.State.RENDERING:  # a worker has it: wait for its outcome
            deadline = time.monotonic() + services.hard_time_limit() + 30
            while job.state == RenderJob.State.RENDERING and time.monotonic() < deadline:
                time.sleep(1)
                job.refresh_from_db()
        return job, True


def _copy_atomically(job, target):
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as dst, job.file.open("rb") as src:
            shutil.copyfileobj(src, dst)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
