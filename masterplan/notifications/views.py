"""A user's own notifications: list, open (marks read and follows the link), mark read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from . import selectors, services
from .models import Notification


class NotificationListView(LoginRequiredMixin, ListView):
    template_name = "notifications/notification_list.html"
    context_object_name = "notifications"
    paginate_by = 30

    def get_queryset(self):
        qs = selectors.notifications_for(self.request.user)
        if self.request.GET.get("unread"):
            qs = qs.filter(read_at__isnull=True)
        return qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["unread_only"] = bool(self.request.GET.get("unread"))
        ctx["unread_total"] = selectors.unread_count(self.request.user)
        return ctx


def _own(request, pk):
    # Someone else's notification answers 404, like any object that is not yours.
    return get_object_or_404(Notification, pk=pk, recipient=request.user)


@login_required
def notification_open(request, pk):
    """A plain link in the list: marking one's own notification read is harmless on GET."""
    notification = _own(request, pk)
    services.mark_read(request.user, [notification.pk])
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("notification_list")
    return HttpResponseRedirect(target)


@login_required
@require_POST
def notification_mark_read(request, pk):
    notification = _own(request, pk)
    services.mark_read(request.user, [notification.pk])
    messages.success(request, _("Notifikasi ditandai sudah dibaca."))
    return HttpResponseRedirect(reverse("notification_list"))


@login_required
@require_POST
def notification_mark_all_read(request):
    count = services.mark_read(request.user)
    messages.success(request, _("%(n)s notifikasi ditandai sudah dibaca.") % {"n": count})
    return HttpResponseRedirect(reverse("notification_list"))
