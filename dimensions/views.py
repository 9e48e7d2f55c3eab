from django.views.generic import TemplateView

from dimensions.models import Dimension
from masterplan.views.base import RegionMixin


class DimensionIndexView(RegionMixin, TemplateView):
    template_name = "dimensions/dimension_index.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["dimensions"] = Dimension.objects.prefetch_related("elements")
        return ctx
