"""Documents of a region (MoU, decrees, stage material, minutes...): list, upload, download
through an access check, delete."""

import os

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView, View

from masterplan import access, selectors, services
from masterplan.forms import DocumentForm
from masterplan.lookups import is_id
from masterplan.models import Document
from masterplan.views.base import RegionMixin
from masterplan.views.files import uploaded_file_response
from masterplan.views.mixins import RegionFormView


class DocumentObjectMixin:
    def resolve_objects(self):
        self.document = self.get_in_region(Document.objects.select_related("stage"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["document"] = self.document
        return ctx


class DocumentListView(RegionMixin, ListView):
    template_name = "masterplan/document_list.html"
    context_object_name = "documents"

    def get_queryset(self):
        return selectors.region_documents(self.region)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        general, by_stage = [], {}
        for doc in ctx["documents"]:
            if doc.stage_id is None:
                general.append(doc)
            else:
                by_stage.setdefault(doc.stage, []).append(doc)
        ctx["general_documents"] = general
        ctx["stage_documents"] = sorted(by_stage.items(), key=lambda item: (item[0].masterplan_id, item[0].number))
        return ctx


class DocumentUploadView(RegionFormView):
    template_name = "masterplan/document_form.html"
    form_class = DocumentForm

    def form_kwargs(self):
        return {"masterplan": self.masterplan}

    def get_initial(self):
        initial = super().get_initial()
        stage = self.request.GET.get("stage")
        if stage and is_id(stage):
            initial["stage"] = stage  # the form only offers this region's stages anyway
        return initial

    def perform(self, form):
        data = form.cleaned_data
        return services.document_upload(
            self.region,
            kind=data["kind"],
            title=data["title"],
            stage=data["stage"],
            file=data["file"],
            uploaded_by=self.request.user,
        )

    def get_success_message(self, form, result):
        return _("Dokumen %(title)s diunggah.") % {"title": result.title}

    def get_success_url(self):
        return reverse("document_list", args=[self.region.slug])


class DocumentDownloadView(DocumentObjectMixin, RegionMixin, View):
    """The file, for members of the region only; named after the document's title."""

    def get(self, request, *args, **kwargs):
        f = self.document.file
        if not f or not f.storage.exists(f.name):
            raise Http404
        ext = os.path.splitext(f.name)[1].lower()
        # Always a download (there is no inline view): see masterplan.views.files.
        return uploaded_file_response(f, download_name=f"{slugify(self.document.title) or 'dokumen'}{ext}")


class DocumentDeleteView(DocumentObjectMixin, RegionMixin, TemplateView):
    template_name = "masterplan/document_confirm_delete.html"
    required_action = access.MANAGE

    def post(self, request, *args, **kwargs):
        title = self.document.title
        services.document_delete(self.document)
        messages.success(request, _("Dokumen %(title)s dihapus.") % {"title": title})
        return redirect("document_list", self.region.slug)
