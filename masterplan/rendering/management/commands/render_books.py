"""Render the books of a region from the command line, through the same service as the app
(output in Indonesian, like the app).

    python manage.py render_books garut [--book 1 --book 3] [--output-dir DIR] [--force]

Each book becomes a RenderJob rendered here, in this process (no worker needed), and is copied
to DIR/<slug>-buku-<N>.pdf. A book whose content did not change since its last good render is
not rendered again (its PDF is copied) unless --force is given.
"""

import shutil
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from masterplan.books.models import BookDefinition
from masterplan.models import Region
from masterplan.rendering import services
from masterplan.rendering.files import file_write_atomically
from masterplan.rendering.models import RenderJob
from masterplan.rendering.time_limits import hard_time_limit
from masterplan.selectors import current_masterplan


class Command(BaseCommand):
    help = _("Merender buku sebuah daerah menjadi berkas PDF: DIR/SLUG-buku-N.pdf.")

    def add_arguments(self, parser):
        parser.add_argument("slug", help=_("slug daerah, mis. garut"))
        parser.add_argument(
            "--book",
            type=int,
            action="append",
            dest="books",
            metavar="N",
            help=_("nomor buku (boleh berulang); bawaan: semua buku aktif"),
        )
        parser.add_argument("--output-dir", default=".", help=_("folder tujuan PDF (bawaan: folder saat ini)"))
        parser.add_argument("--force", action="store_true", help=_("render walaupun isi tidak berubah"))

    def handle(self, slug, books=None, output_dir=".", force=False, **options):
        region = Region.objects.filter(slug=slug).first()
        if region is None:
            raise CommandError(_("Tidak ada daerah dengan slug %(slug)r.") % {"slug": slug})
        masterplan = current_masterplan(region)
        if masterplan is None:
            raise CommandError(_("%(region)s belum memiliki masterplan.") % {"region": region})
        selected = list(BookDefinition.objects.active().order_by("order", "number"))
        if books:
            by_number = {b.number: b for b in BookDefinition.objects.filter(number__in=books)}
            missing = sorted(set(books) - set(by_number))
            if missing:
                raise CommandError(_("Tidak ada buku bernomor %(n)s.") % {"n": ", ".join(map(str, missing))})
            selected = [by_number[n] for n in books]
        out = Path(output_dir)
        out.mkdir(parents=True, exist_ok=True)

        failures = 0
        for book in selected:
            job, rendered_now = self.render(masterplan, book, force)
            if job.state != RenderJob.State.DONE:
                failures += 1
                self.stderr.write(_("%(book)s: GAGAL — %(error)s") % {"book": book.label, "error": job.error})
                continue
            target = out / f"{slug}-buku-{book.number}.pdf"
            _copy_atomically(job, target)
            line = _("%(book)s: %(pages)d halaman, %(seconds).2f detik, %(kind)s") % {
                "book": book.label,
                "pages": job.page_count,
                "seconds": job.seconds,
                "kind": _("draf") if job.is_draft else _("final"),
            }
            if not rendered_now:
                line += " " + _("(tidak berubah sejak render terakhir)")
            self.stdout.write(f"{line} -> {target}")
        if failures:
            raise CommandError(_("%(n)d buku gagal dirender.") % {"n": failures})

    def render(self, masterplan, book, force):
        job = services.book_render_request(masterplan, book, None, enqueue=False, force=force)
        if job.state == RenderJob.State.DONE:
            return job, False
        if job.state == RenderJob.State.QUEUED:
            services.book_render(job.pk)
            job.refresh_from_db()
        elif job.state == RenderJob.State.RENDERING:  # a worker has it: wait for its outcome
            deadline = time.monotonic() + hard_time_limit() + 30
            while job.state == RenderJob.State.RENDERING and time.monotonic() < deadline:
                time.sleep(1)
                job.refresh_from_db()
        return job, True


def _copy_atomically(job: RenderJob, target: Path) -> None:
    with job.file.open("rb") as src:
        file_write_atomically(target, lambda dst: shutil.copyfileobj(src, dst))
