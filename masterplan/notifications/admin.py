from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Notifications are sent by services.notify only (in the app and by e-mail) and marked read by
    their recipient: read-only here."""

    list_display = ["text", "recipient", "kind", "region", "created_at", "read_at"]
    list_filter = ["kind", "region", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["text", "recipient__username"]
    list_select_related = ["recipient", "region"]
    readonly_fields = ["recipient", "kind", "text", "url", "region", "created_at", "read_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
