from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["text", "recipient", "kind", "region", "created_at", "read_at"]
    list_filter = ["kind", "region", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["text", "recipient__username"]
    list_select_related = ["recipient", "region"]
    raw_id_fields = ["recipient"]
