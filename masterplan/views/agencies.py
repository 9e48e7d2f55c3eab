from django.views.generic import ListView

from masterplan.models import Agency
from masterplan.views.base import RegionMixin


class AgencyListView(RegionMixin, ListView):
    template_name = "masterplan/agency_list.html"
    context_object_name = "agencies"

    def get_queryset(self):
        return Agency.objects.filter(region=self.region).order_by("name")
