from django.contrib import admin

from .models import RenderJob


@admin.register(RenderJob)
class RenderJobAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "masterplan",
        "book",
        "state",
        "progress",
        "page_count",
        "seconds",
        "is_draft",
        "requested_by",
        "requested_at",
    ]
    list_filter = ["state", "book", "is_draft", "masterplan__region"]
    search_fields = ["masterplan__region__name", "error", "celery_task_id"]
    list_select_related = ["masterplan__region", "book", "requested_by"]
    date_hierarchy = "requested_at"
    readonly_fields = [f.name for f in RenderJob._meta.fields]

    def has_add_permission(self, request):
        return False  # jobs are made by asking for a render
