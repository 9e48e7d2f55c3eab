"""The narrative texts and the cover logos of the books: Diskominfo writes them (MANAGE), everyone
of the region reads; a logo's image is served only through the region's access check."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from masterplan import access
from masterplan.views.base import RegionMixin
from masterplan.views.files import uploaded_file_response
from masterplan.views.mixins import RegionFormView, apply_errors

from . import services
from .chapters import NARRATIVE_KEYS
from .forms import MAX_TEXT_CHARS, CoverLogoForm, NarrativeTextForm
from .models import ChapterDefinition, CoverLogo, NarrativeText


def _chapters_using(key):
    """Where a text is printed: "Buku 1: Pendahuluan", ... (active books only)."""
    uses = []
    for ch in ChapterDefinition.objects.filter(book__active=True).select_related("book"):
        if key in ch.keys:
            uses.append(f"Buku {ch.book.number}: {ch.title}")
    return uses


class MasterplanRequiredMixin(RegionMixin):
    def get_masterplan(self):
        if self.masterplan is None:
            raise Http404(_("Daerah ini belum memiliki masterplan."))
        return self.masterplan


class NarrativeTextListView(MasterplanRequiredMixin, TemplateView):
    template_name = "books/narrative_text_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        mp = self.get_masterplan()
        texts = {t.key: t for t in NarrativeText.objects.filter(masterplan=mp).select_related("updated_by")}
        chapters = list(ChapterDefinition.objects.filter(book__active=True).select_related("book"))
        rows = []
        for key, title in NARRATIVE_KEYS.items():
            rows.append(
                {
                    "key": key,
                    "title": title,
                    "text": texts.get(key),
                    "uses": [f"Buku {c.book.number}: {c.title}" for c in chapters if key in c.keys],
                }
            )
        ctx["rows"] = rows
        return ctx


class NarrativeTextEditView(MasterplanRequiredMixin, FormView):
    """GET shows the text (and the form to those who may manage); POST saves it."""

    template_name = "books/narrative_text_form.html"
    form_class = NarrativeTextForm

    def resolve_objects(self):
        if self.kwargs["key"] not in NARRATIVE_KEYS:
            raise Http404
        self.key = self.kwargs["key"]

    def post(self, request, *args, **kwargs):
        if not self.can(access.MANAGE):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def get_text(self):
        return NarrativeText.objects.filter(masterplan=self.get_masterplan(), key=self.key).first()

    def get_initial(self):
        text = self.get_text()
        return {"html": text.html if text else "", "loaded_at": text.updated_at.isoformat() if text else ""}

    def form_valid(self, form):
        try:
            services.narrative_text_save(
                self.get_masterplan(),
                self.key,
                form.cleaned_data["html"],
                self.request.user,
                loaded_at=form.cleaned_data["loaded_at"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Teks “%(title)s” disimpan.") % {"title": NARRATIVE_KEYS[self.key]})
        return redirect(reverse("narrative_text_list", args=[self.region.slug]))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        text = self.get_text()
        ctx.update(key=self.key, title=NARRATIVE_KEYS[self.key], text=text, uses=_chapters_using(self.key))
        if text and text.html:
            ctx["saved_html"] = mark_safe(text.html)  # sanitised on save
        return ctx


class NarrativeTextPreviewView(MasterplanRequiredMixin, View):
    """The text of the form (not saved) as the book will print it: sanitised as on saving, set in
    the print stylesheet. htmx gets it in an iframe below the form; without JavaScript the form
    opens the document itself in a new tab."""

    required_action = access.MANAGE
    http_method_names = ["post"]

    def resolve_objects(self):
        if self.kwargs["key"] not in NARRATIVE_KEYS:
            raise Http404
        self.key = self.kwargs["key"]

    def post(self, request, *args, **kwargs):
        self.get_masterplan()
        html = services.narrative_input_to_html(request.POST.get("html", "")[:MAX_TEXT_CHARS])
        context = {"title": NARRATIVE_KEYS[self.key], "section": {"payload": {"html": mark_safe(html)}}}
        document = render_to_string("books/narrative_preview_document.html", context, request=request)
        if not request.htmx:
            return HttpResponse(document)
        return render(request, "books/narrative_preview.html", {**context, "document": document})


class CoverLogoUploadView(RegionFormView):
    """Add a mark to the covers. The form is on the books page; this page shows it again with
    the errors when an upload is refused."""

    template_name = "books/cover_logo_form.html"
    form_class = CoverLogoForm
    prefix = "logo"

    def perform(self, form):
        return services.cover_logo_add(
            self.region,
            name=form.cleaned_data["name"],
            image=form.cleaned_data["image"],
            uploaded_by=self.request.user,
        )

    def get_success_message(self, form, result):
        return _("Logo “%(name)s” ditambahkan ke sampul buku. Render ulang buku untuk mencetaknya.") % {
            "name": result.name
        }

    def get_success_url(self):
        return reverse("book_list", args=[self.region.slug])


class CoverLogoMixin:
    def resolve_objects(self):
        self.logo = self.get_in_region(CoverLogo, pk=self.kwargs["pk"])


class CoverLogoImageView(CoverLogoMixin, RegionMixin, View):
    """The logo image, for members of the region only (media is never served directly)."""

    def get(self, request, *args, **kwargs):
        image = self.logo.image
        if not image or not image.storage.exists(image.name):
            raise Http404
        return uploaded_file_response(image)


class CoverLogoDeleteView(CoverLogoMixin, RegionMixin, View):
    required_action = access.MANAGE
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        name = self.logo.name
        services.cover_logo_remove(self.logo)
        messages.success(request, _("Logo “%(name)s” dihapus dari sampul buku.") % {"name": name})
        return redirect(reverse("book_list", args=[self.region.slug]))
