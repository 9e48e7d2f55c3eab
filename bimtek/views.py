from django.views.generic import ListView

from bimtek.models import Stage
from masterplan.views.base import RegionMixin


class StageListView(RegionMixin, ListView):
    template_name = "bimtek/stage_list.html"
    context_object_name = "stages"

    def get_queryset(self):
        return Stage.objects.filter(masterplan=self.masterplan).order_by("number")
