from django.http import HttpResponse
from django.views.generic import TemplateView


class NotificationListView(TemplateView):
    pass


def notification_open(request, pk):
    return HttpResponse()


notification_mark_all_read = notification_mark_read = notification_open
