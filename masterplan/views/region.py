from django.views.generic import TemplateView

from masterplan.views.base import RegionMixin


class RegionDetailView(RegionMixin, TemplateView):
    template_name = "masterplan/region_detail.html"
