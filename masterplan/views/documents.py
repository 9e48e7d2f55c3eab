from django.views.generic import ListView

from masterplan.models import Document
from masterplan.views.base import RegionMixin


class DocumentListView(RegionMixin, ListView):
    template_name = "masterplan/document_list.html"
    context_object_name = "documents"

    def get_queryset(self):
        return Document.objects.filter(region=self.region).select_related("stage", "uploaded_by")
