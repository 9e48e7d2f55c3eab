from django.views.generic import ListView

from masterplan.models import Membership
from masterplan.views.base import RegionMixin


class PeopleListView(RegionMixin, ListView):
    template_name = "masterplan/people_list.html"
    context_object_name = "memberships"

    def get_queryset(self):
        return Membership.objects.filter(region=self.region).select_related("user", "agency").order_by("role", "user__username")
