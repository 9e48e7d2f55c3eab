"""The Django admin of the dimensions: reference data (dimensions, elements, funding sources),
sections (an agency's part of a dimension) and every kind of entry agencies fill in."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from . import selectors, services
from .models import (
    Dimension,
    Element,
    FundingSource,
    GapItem,
    Goal,
    Indicator,
    IndicatorTarget,
    Program,
    ProgramFunding,
    QuickWin,
    ReadinessItem,
    RoadmapEntry,
    Section,
    Strategy,
    SwotEntry,
)
from .review import services as review

# --- reference data -------------------------------------------------------------------------


class ElementInline(admin.TabularInline):
    model = Element
    extra = 0
    fields = ["code", "name", "order"]


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    inlines = [ElementInline]
    list_display = ["name", "code", "order"]
    list_editable = ["order"]
    search_fields = ["name", "code", "description"]
    prepopulated_fields = {"code": ["name"]}


@admin.register(Element)
class ElementAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "dimension", "order"]
    list_filter = ["dimension"]
    list_select_related = ["dimension"]
    search_fields = ["name", "code", "dimension__name"]
    autocomplete_fields = ["dimension"]


@admin.register(FundingSource)
class FundingSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order"]
    list_editable = ["order"]
    search_fields = ["name", "code"]


# --- sections -------------------------------------------------------------------------------


def _transition_action(service, name, description, done_message):
    """An admin action that moves the selected sections through a review transition of
    dimensions.review.services as the site administrator: the same checks, log and notifications
    as in the app. A confirmation page asks for the (optional) note first."""

    @admin.action(description=description, permissions=["change"])
    def action(modeladmin, request, queryset):
        if request.POST.get("apply") != "yes":
            return TemplateResponse(
                request,
                "admin/dimensions/section/transition_confirm.html",
                {
                    **modeladmin.admin_site.each_context(request),
                    "title": description,
                    "opts": modeladmin.model._meta,
                    "queryset": queryset.select_related("masterplan__region", "agency", "dimension"),
                    "action_name": name,
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                },
            )
        note = request.POST.get("note", "")
        done = 0
        for section in queryset.select_related("masterplan__region", "agency", "dimension"):
            try:
                service(section, request.user, note)
            except review.TransitionError as error:
                # Refused: the service changed nothing; say why, in its words.
                modeladmin.message_user(
                    request,
                    _("%(section)s (%(region)s): %(reason)s")
                    % {"section": section, "region": section.masterplan.region, "reason": " ".join(error.messages)},
                    level=messages.ERROR,
                )
            else:
                done += 1
        if done:
            modeladmin.message_user(request, done_message % {"n": done}, level=messages.SUCCESS)
        return None

    action.__name__ = name
    return action


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "region", "dimension", "agency", "state", "updated_at"]
    list_filter = ["state", "dimension", "masterplan__region"]
    list_select_related = ["masterplan__region", "dimension", "agency"]
    search_fields = ["masterplan__region__name", "agency__name", "agency__acronym", "dimension__name"]
    autocomplete_fields = ["masterplan", "agency", "dimension"]
    # The state moves only through the review's transitions (checked, logged, notified).
    actions = [
        _transition_action(
            review.section_approve,
            "approve",
            gettext_lazy("Setujui bagian terpilih"),
            gettext_lazy("%(n)d bagian disetujui."),
        ),
        _transition_action(
            review.section_request_changes,
            "request_changes",
            gettext_lazy("Minta perbaikan bagian terpilih"),
            gettext_lazy("Perbaikan diminta untuk %(n)d bagian."),
        ),
        _transition_action(
            review.section_reopen,
            "reopen",
            gettext_lazy("Buka kembali bagian terpilih yang sudah disetujui (menjadi draf)"),
            gettext_lazy("%(n)d bagian dibuka kembali menjadi draf."),
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["state"]
        # Sections are made and removed by assigning dimensions to agencies
        # (masterplan.services.agency_dimensions_set); moving one would hand its entries to another.
        return ["masterplan", "agency", "dimension", "state"]

    @admin.display(description=gettext_lazy("daerah"), ordering="masterplan__region__name")
    def region(self, obj):
        return obj.masterplan.region

    # As when an agency's dimension is unticked (services.agency_dimensions_set): a section with
    # written entries is never deleted with them; the confirmation page lists it as protected.
    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        entries = selectors.section_entry_counts(s.pk for s in objs)
        protected += [
            _("%(section)s: %(n)s isian; hapus atau pindahkan isiannya dulu") % {"section": s, "n": entries[s.pk]}
            for s in objs
            if entries[s.pk]
        ]
        return deleted, counts, perms_needed, protected


# --- entries (all belong to a section) -------------------------------------------------------

SECTION_SEARCH = ["section__masterplan__region__name", "section__agency__name", "section__agency__acronym"]
SECTION_FILTERS = ["section__dimension", "section__masterplan__region", "section__state"]


class ReviewedAdmin(SimpleHistoryAdmin):
    """Writing content in the admin has the app's consequence: an approved section reopens
    (services.entry_changed_in_admin), so nothing changes under an expert's approval unseen."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.entry_changed_in_admin(obj, request.user)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.entry_changed_in_admin(obj, request.user)

    def delete_queryset(self, request, queryset):
        rows = list(queryset)
        super().delete_queryset(request, queryset)
        for row in rows:
            services.entry_changed_in_admin(row, request.user)


class EntryAdmin(ReviewedAdmin):
    """What every entry admin shares: where it belongs, who wrote it, its optimistic-lock version."""

    list_select_related = ["section__masterplan__region", "section__dimension", "section__agency"]
    autocomplete_fields = ["section"]
    readonly_fields = ["version", "created_by", "created_at", "updated_at"]

    @admin.display(description=gettext_lazy("daerah"), ordering="section__masterplan__region__name")
    def region(self, obj):
        return obj.section.masterplan.region

    @admin.display(description=gettext_lazy("dimensi"), ordering="section__dimension__order")
    def dimension(self, obj):
        return obj.section.dimension

    @admin.display(description=gettext_lazy("perangkat daerah"), ordering="section__agency__name")
    def agency(self, obj):
        return obj.section.agency


@admin.register(ReadinessItem)
class ReadinessItemAdmin(EntryAdmin):
    list_display = ["__str__", "component", "subcomponent", "region", "dimension", "agency"]
    list_filter = ["component", "subcomponent", *SECTION_FILTERS]
    search_fields = ["description", "evidence", *SECTION_SEARCH]


@admin.register(GapItem)
class GapItemAdmin(EntryAdmin):
    list_display = ["__str__", "element", "region", "dimension", "agency"]
    list_filter = [*SECTION_FILTERS, "element"]
    list_select_related = [*EntryAdmin.list_select_related, "element"]
    search_fields = ["existing_condition", "expected_condition", "gap", *SECTION_SEARCH]
    autocomplete_fields = ["section", "element"]


@admin.register(SwotEntry)
class SwotEntryAdmin(EntryAdmin):
    list_display = ["__str__", "quadrant", "component", "priority", "region", "dimension", "agency"]
    list_filter = ["quadrant", "component", "priority", *SECTION_FILTERS]
    search_fields = ["statement", "evidence", *SECTION_SEARCH]


@admin.register(Strategy)
class StrategyAdmin(EntryAdmin):
    list_display = ["__str__", "kind", "region", "dimension", "agency"]
    list_filter = ["kind", *SECTION_FILTERS]
    search_fields = ["statement", *SECTION_SEARCH]
    autocomplete_fields = ["section", "swot_entries"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["name", "unit", "baseline", "baseline_year"]
    show_change_link = True  # yearly targets are edited on the indicator's own page


class GoalIndicatorInline(IndicatorInline):
    fk_name = "goal"


class ProgramIndicatorInline(IndicatorInline):
    fk_name = "program"


@admin.register(Goal)
class GoalAdmin(EntryAdmin):
    inlines = [GoalIndicatorInline]
    list_display = ["__str__", "region", "dimension", "agency"]
    list_filter = SECTION_FILTERS
    search_fields = ["statement", *SECTION_SEARCH]


class IndicatorTargetInline(admin.TabularInline):
    model = IndicatorTarget
    extra = 0
    fields = ["year", "value"]


@admin.register(Indicator)
class IndicatorAdmin(ReviewedAdmin):
    inlines = [IndicatorTargetInline]
    list_display = ["name", "unit", "baseline", "baseline_year", "goal", "program", "region"]
    list_filter = [
        "goal__section__masterplan__region",
        "program__section__masterplan__region",
        "goal__section__dimension",
        "program__section__dimension",
    ]
    list_select_related = ["goal__section__masterplan__region", "program__section__masterplan__region"]
    search_fields = [
        "name",
        "unit",
        "goal__statement",
        "program__name",
        "goal__section__masterplan__region__name",
        "program__section__masterplan__region__name",
    ]
    autocomplete_fields = ["goal", "program"]

    @admin.display(description=gettext_lazy("daerah"))
    def region(self, obj):
        parent = obj.goal or obj.program
        return parent.section.masterplan.region if parent else None


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(ReviewedAdmin):
    list_display = ["indicator", "year", "value"]
    list_filter = ["year"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__name", "indicator__program__name", "indicator__goal__statement"]
    autocomplete_fields = ["indicator"]


class RoadmapEntryInline(admin.TabularInline):
    model = RoadmapEntry
    extra = 0
    fields = ["year", "activity", "target", "amount"]


class ProgramFundingInline(admin.TabularInline):
    model = ProgramFunding
    extra = 0
    fields = ["funding_source", "amount"]


@admin.register(Program)
class ProgramAdmin(EntryAdmin):
    inlines = [RoadmapEntryInline, ProgramFundingInline, ProgramIndicatorInline]
    list_display = ["name", "horizon", "start_year", "end_year", "budget", "lead_agency", "region", "dimension"]
    list_filter = ["horizon", *SECTION_FILTERS, "funding_sources", "start_year"]
    list_select_related = [*EntryAdmin.list_select_related, "lead_agency"]
    search_fields = ["name", "description", "output", "outcome", "other_partners", *SECTION_SEARCH]
    autocomplete_fields = ["section", "element", "lead_agency", "partner_agencies", "strategies"]
    # The total is the sum of the road map's yearly amounts: set from them after the inlines save.
    readonly_fields = [*EntryAdmin.readonly_fields, "budget"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.program_budget_sync(form.instance)


@admin.register(RoadmapEntry)
class RoadmapEntryAdmin(ReviewedAdmin):
    list_display = ["__str__", "program", "year", "target", "amount", "region"]
    list_filter = ["year", "program__section__masterplan__region", "program__section__dimension"]
    list_select_related = ["program__section__masterplan__region"]
    search_fields = ["activity", "target", "program__name", "program__section__masterplan__region__name"]
    autocomplete_fields = ["program"]

    # A year's amount is part of its program's total.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.program_budget_sync(obj.program)

    def delete_model(self, request, obj):
        program = obj.program
        super().delete_model(request, obj)
        services.program_budget_sync(program)

    def delete_queryset(self, request, queryset):
        programs = list(Program.objects.filter(roadmap__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for program in programs:
            services.program_budget_sync(program)

    @admin.display(description=gettext_lazy("daerah"), ordering="program__section__masterplan__region__name")
    def region(self, obj):
        return obj.program.section.masterplan.region


@admin.register(ProgramFunding)
class ProgramFundingAdmin(ReviewedAdmin):
    list_display = ["__str__", "program", "funding_source", "amount", "region"]
    list_filter = ["funding_source", "program__section__masterplan__region", "program__section__dimension"]
    list_select_related = ["program__section__masterplan__region", "funding_source"]
    search_fields = ["program__name", "funding_source__name", "program__section__masterplan__region__name"]
    autocomplete_fields = ["program"]

    @admin.display(description=gettext_lazy("daerah"), ordering="program__section__masterplan__region__name")
    def region(self, obj):
        return obj.program.section.masterplan.region


@admin.register(QuickWin)
class QuickWinAdmin(ReviewedAdmin):
    list_display = ["name", "status", "duration_months", "budget", "funding_source", "program", "region"]
    list_filter = ["status", "program__section__masterplan__region", "program__section__dimension", "funding_source"]
    list_select_related = ["program__section__masterplan__region", "funding_source"]
    search_fields = [
        "name",
        "problem",
        "solution",
        "benefits",
        "program__name",
        "program__section__masterplan__region__name",
    ]
    autocomplete_fields = ["program"]

    @admin.display(description=gettext_lazy("daerah"), ordering="program__section__masterplan__region__name")
    def region(self, obj):
        return obj.program.section.masterplan.region
