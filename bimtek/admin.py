"""The Django admin of the bimtek stages and their participants."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import Participant, Stage


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    fields = ["name", "institution", "position", "helix", "email", "phone"]


@admin.register(Stage)
class StageAdmin(SimpleHistoryAdmin):
    inlines = [ParticipantInline]
    list_display = ["__str__", "region", "masterplan", "start_date", "end_date", "venue", "status", "signed_off_by"]
    list_filter = ["status", "number", "masterplan__region"]
    list_select_related = ["masterplan__region", "signed_off_by"]
    search_fields = ["masterplan__region__name", "venue", "notes"]
    autocomplete_fields = ["masterplan"]
    date_hierarchy = "start_date"
    # The sign-off is given and withdrawn only through bimtek.services (role and checklist checked):
    # the actions below; the app's stage page sets the other statuses.
    readonly_fields = ["status", "signed_off_by", "signed_off_at"]
    actions = ["sign_off", "sign_off_undo"]

    def _run(self, request, queryset, service, done_message):
        done = 0
        for stage in queryset.select_related("masterplan__region"):
            try:
                service(stage, request.user)
            except services.StageActionRefused as refused:
                # Refused: the service changed nothing; say why, in its words.
                self.message_user(
                    request,
                    _("%(region)s: %(reason)s") % {"region": stage.masterplan.region, "reason": refused.message},
                    level=messages.ERROR,
                )
            else:
                done += 1
        if done:
            self.message_user(request, done_message % {"n": done}, level=messages.SUCCESS)

    @admin.action(description=_("Sahkan tahap terpilih"), permissions=["change"])
    def sign_off(self, request, queryset):
        self._run(request, queryset, services.stage_sign_off, _("%(n)d tahap disahkan."))

    @admin.action(description=_("Cabut pengesahan tahap terpilih"), permissions=["change"])
    def sign_off_undo(self, request, queryset):
        self._run(request, queryset, services.stage_sign_off_undo, _("Pengesahan %(n)d tahap dicabut."))

    @admin.display(description=_("daerah"), ordering="masterplan__region__name")
    def region(self, obj):
        return obj.masterplan.region


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["name", "institution", "position", "helix", "stage", "region"]
    list_filter = ["helix", "stage__number", "stage__masterplan__region"]
    list_select_related = ["stage__masterplan__region"]
    search_fields = ["name", "institution", "position", "email", "stage__masterplan__region__name"]
    autocomplete_fields = ["stage"]

    @admin.display(description=_("daerah"), ordering="stage__masterplan__region__name")
    def region(self, obj):
        return obj.stage.masterplan.region
