"""The "Buku" page: render the books of the region's masterplan, watch them progress, download.

Rendering asks access.MANAGE (Diskominfo, site administrator); everyone who may read the region
sees the page and downloads. Works the same whether Celery is eager or a real worker: the page
polls a small fragment while any job is queued or rendering.
"""

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from masterplan import access
from masterplan.books.forms import CoverLogoForm
from masterplan.books.models import BookDefinition
from masterplan.books.selectors import region_cover_logos
from masterplan.books.services import MAX_COVER_LOGOS
from masterplan.views.base import RegionMixin

from . import selectors, services
from .models import RenderJob


class BooksPageMixin(RegionMixin):
    def get_masterplan_or_404(self):
        if self.masterplan is None:
            raise Http404(_("Daerah ini belum memiliki masterplan."))
        return self.masterplan

    def status_context(self):
        rows, history = [], []
        if self.masterplan is not None:
            services.render_jobs_sweep_stale(self.masterplan)
            rows = selectors.book_rows(self.masterplan)
            history = selectors.render_history(self.masterplan)
        return {
            "rows": rows,
            "history": history,
            "polling": selectors.any_active(rows),
            "can_render": self.can(access.MANAGE),
            "region": self.region,
        }


class BookListView(BooksPageMixin, TemplateView):
    template_name = "rendering/book_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(self.status_context())
        # What the covers carry: the emblem (uploaded on the profile page) and the logos.
        logos = region_cover_logos(self.region)
        ctx.update(
            cover_logos=logos,
            cover_logo_form=CoverLogoForm(prefix="logo") if len(logos) < MAX_COVER_LOGOS else None,
            max_cover_logos=MAX_COVER_LOGOS,
        )
        return ctx


class BookStatusView(BooksPageMixin, TemplateView):
    """The fragment the page polls: per book its state and progress, and the history."""

    template_name = "rendering/_book_status.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(self.status_context())
        return ctx


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class BookRenderView(BooksPageMixin, View):
    """POST: render one book (``number`` in the URL) or every active book.

    Not one atomic request: each book's job is committed, and so sent to the broker, before the
    page answers, so the page says what became of it (a broker that does not answer has failed
    the job by then; an eager Celery has rendered it)."""

    required_action = access.MANAGE
    http_method_names = ["post"]

    def resolve_objects(self):
        number = self.kwargs.get("number")
        self.books = [_active_book_or_404(number)] if number is not None else list(BookDefinition.objects.active())

    def post(self, request, *args, **kwargs):
        masterplan = self.get_masterplan_or_404()
        queued, rendered, unchanged = [], [], []
        for book in self.books:
            with transaction.atomic():
                job = services.book_render_request(masterplan, book, request.user)
            if job.state == RenderJob.State.DONE:
                unchanged.append(book.label)
                continue
            job.refresh_from_db()  # sent on commit, just now
            if job.state == RenderJob.State.FAILED:
                messages.error(
                    request, _("%(book)s tidak dapat dirender: %(error)s") % {"book": book.label, "error": job.error}
                )
            elif job.state == RenderJob.State.DONE:
                rendered.append(book.label)
            else:
                queued.append(book.label)
        if queued:
            messages.success(request, _("Masuk antrean render: %(books)s.") % {"books": ", ".join(queued)})
        if rendered:
            messages.success(
                request, _("Selesai dirender, PDF siap diunduh: %(books)s.") % {"books": ", ".join(rendered)}
            )
        if unchanged:
            messages.info(
                request,
                _("Tidak berubah sejak render terakhir, PDF siap diunduh: %(books)s.")
                % {"books": ", ".join(unchanged)},
            )
        return redirect(reverse("book_list", args=[self.region.slug]))


class BookDownloadView(BooksPageMixin, View):
    """The newest good PDF of a book."""

    def resolve_objects(self):
        self.book = _active_book_or_404(self.kwargs["number"], active_only=False)

    def get(self, request, *args, **kwargs):
        job = selectors.latest_done_job(self.get_masterplan_or_404(), self.book)
        if job is None:
            raise Http404(_("Buku ini belum pernah berhasil dirender."))
        return _pdf_response(job, job.download_filename())


class RenderJobDownloadView(BooksPageMixin, View):
    """The PDF of one render of the history (while its file is kept)."""

    def resolve_objects(self):
        self.job = self.get_in_region(
            RenderJob.objects.select_related("book", "masterplan__region"), pk=self.kwargs["pk"]
        )

    def get(self, request, *args, **kwargs):
        if not self.job.is_done or not self.job.has_file:
            raise Http404(_("Berkas render ini tidak tersedia."))
        name = f"{self.region.slug}-buku-{self.job.book.number}-render-{self.job.pk}.pdf"
        return _pdf_response(self.job, name)


def _active_book_or_404(number, active_only=True):
    qs = BookDefinition.objects.active() if active_only else BookDefinition.objects.all()
    book = qs.filter(number=number).first()
    if book is None:
        raise Http404(_("Buku tidak ditemukan."))
    return book


def _pdf_response(job, filename):
    response = FileResponse(job.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf")
    response["Cache-Control"] = "private, no-cache"
    return response
