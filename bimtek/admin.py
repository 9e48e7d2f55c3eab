"""The Django admin of the bimtek stages and their participants."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

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
    autocomplete_fields = ["masterplan", "signed_off_by"]
    date_hierarchy = "start_date"

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
