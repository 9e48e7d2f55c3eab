from django.contrib import admin

from .models import ReviewComment, SectionTransition


@admin.register(SectionTransition)
class SectionTransitionAdmin(admin.ModelAdmin):
    """The log is written by dimensions.review.services only: read-only here."""

    list_display = ["section", "kind", "from_state", "to_state", "actor", "at"]
    list_filter = ["kind", "to_state", "section__masterplan__region"]
    search_fields = ["note", "section__agency__name", "actor__username"]
    list_select_related = ["section__agency", "section__dimension", "actor"]
    readonly_fields = ["section", "kind", "from_state", "to_state", "actor", "note", "at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "section", "entry_label", "author", "created_at", "resolved_at"]
    list_filter = ["section__masterplan__region", ("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["text", "entry_label", "author__username"]
    list_select_related = ["section__agency", "section__dimension", "author"]
    raw_id_fields = ["section", "parent", "author", "resolved_by"]
