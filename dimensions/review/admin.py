from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import services
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
    """Comments are written on the review page (dimensions.review.services: role checked, the
    other side told); here only their text can be corrected, and threads resolved or reopened
    through the same services."""

    list_display = ["__str__", "section", "entry_label", "author", "created_at", "resolved_at"]
    list_filter = ["section__masterplan__region", ("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["text", "entry_label", "author__username"]
    list_select_related = ["section__agency", "section__dimension", "author"]
    readonly_fields = [
        "section",
        "content_type",
        "object_id",
        "entry_label",
        "parent",
        "author",
        "created_at",
        "resolved_at",
        "resolved_by",
    ]
    actions = ["resolve", "reopen"]

    def has_add_permission(self, request):
        return False

    def _run(self, request, queryset, service, done_message):
        done = 0
        for comment in queryset.select_related("parent__section__masterplan__region", "section__masterplan__region"):
            try:
                service(comment, request.user)
            except services.CommentError as error:
                # Refused: the service changed nothing; say why, in its words.
                self.message_user(request, f"{comment}: {' '.join(error.messages)}", level=messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_message % {"n": done}, level=messages.SUCCESS)

    @admin.action(description=_("Tandai utas komentar terpilih selesai"), permissions=["change"])
    def resolve(self, request, queryset):
        self._run(request, queryset, services.comment_resolve, _("%(n)d komentar ditandai selesai."))

    @admin.action(description=_("Buka kembali utas komentar terpilih"), permissions=["change"])
    def reopen(self, request, queryset):
        self._run(request, queryset, services.comment_reopen, _("%(n)d komentar dibuka kembali."))
