"""The Django admin of the core: regions, agencies, people and roles, masterplans, documents.

The admin is the site administrator's tool (docs/domain.md: "everything, through the admin"); it
sees every region. Region staff work in the app's own pages, which go through masterplan.access.
What a service sets or guards (who uploaded, a masterplan's period and region, an agency's region)
is read-only here; uploads are checked by masterplan.uploads as in the app.
"""

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AdminFileWidget
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import access, services, uploads
from .forms import EMBLEM_MAX_BYTES, AdminLoginForm
from .models import Agency, Cohort, Document, Masterplan, Membership, Province, Region, User

admin.site.site_header = _("Administrasi Masterplan Smart City")
admin.site.site_title = _("Masterplan Smart City")
admin.site.index_title = _("Administrasi situs")
admin.site.login_form = AdminLoginForm  # throttled as the app's login (masterplan.login_throttle)


class RegionLabelAutocompleteView(AutocompleteJsonView):
    """Autocomplete choices name their region: "Tahap I" or "DLH" alone is ambiguous when one
    installation serves many regions."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        try:
            region = access.region_of(obj)
        except TypeError:  # not region data (users, reference data)
            return result
        if region is not obj and region.name not in result["text"]:
            result["text"] = f"{region.name} · {result['text']}"
        return result


def _autocomplete_view(request):
    return RegionLabelAutocompleteView.as_view(admin_site=admin.site)(request)


# Read by AdminSite.get_urls(), which runs after every admin module is imported.
admin.site.autocomplete_view = _autocomplete_view


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    fields = ["region", "role", "agency", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["region", "agency"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "get_full_name", "email", "is_active", "is_staff", "is_superuser", "last_login"]
    list_filter = [
        "is_active",
        "is_staff",
        "is_superuser",
        "is_coordinator",
        "memberships__role",
        "memberships__region",
    ]
    search_fields = ["username", "first_name", "last_name", "email"]
    fieldsets = (*DjangoUserAdmin.fieldsets, (_("Peran nasional"), {"fields": ["is_coordinator"]}))

    @admin.display(description=_("nama lengkap"), ordering="first_name")
    def get_full_name(self, obj):
        return obj.get_full_name()


class AgencyInline(admin.TabularInline):
    model = Agency
    extra = 0
    can_delete = False  # an agency is deleted on its own page, where the blockers are checked
    fields = ["name", "acronym"]
    show_change_link = True


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    """Reference data shipped by a migration: read here, changed only by a migration."""

    list_display = ["code", "name"]
    search_fields = ["name", "code"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["year"]
    search_fields = ["year"]


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    inlines = [AgencyInline]
    list_display = ["name", "kind", "province", "slug", "cohort", "head_name", "mou_date"]
    list_filter = ["kind", "province", "cohort"]
    list_select_related = ["province", "cohort"]
    search_fields = ["name", "slug", "province__name", "head_name", "mou_number"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "mou_date"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "emblem":  # checked by content, as on the region's profile page
            return uploads.UploadField(
                label=db_field.verbose_name,
                allowed=uploads.IMAGE_KINDS,
                max_bytes=EMBLEM_MAX_BYTES,
                required=False,
                widget=AdminFileWidget,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "region"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["name", "acronym", "region__name"]
    autocomplete_fields = ["region"]

    def get_readonly_fields(self, request, obj=None):
        # An agency never moves to another region (masterplan.services.agency_save): its sections
        # and members belong to this one.
        return ["region"] if obj is not None else []

    # Deleting goes through masterplan.services.agency_delete: the admin's confirmation page
    # lists its blockers (members, written content) as protected and refuses, as the app does.
    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for agency in objs:
            protected += [f"{agency}: {reason}" for reason in services.agency_delete_blockers(agency)]
        return deleted, counts, perms_needed, protected

    def delete_model(self, request, obj):
        services.agency_delete(obj)

    def delete_queryset(self, request, queryset):
        for agency in queryset:
            services.agency_delete(agency)


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "region", "agency", "created_at"]
    list_filter = ["role", "region"]
    list_select_related = ["user", "region", "agency"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "user__email",
        "region__name",
        "agency__name",
    ]
    autocomplete_fields = ["user", "region", "agency"]


@admin.register(Masterplan)
class MasterplanAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "region", "period_start", "period_end", "created_at"]
    list_filter = ["region", "period_start"]
    list_select_related = ["region"]
    search_fields = ["region__name", "vision", "mission"]
    autocomplete_fields = ["region"]

    def get_readonly_fields(self, request, obj=None):
        # The period changes on the region's page (masterplan.services.masterplan_save), which
        # refuses one that would leave entries outside it; a masterplan never changes region.
        return ["region", "period_start", "period_end"] if obj is not None else []


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "region", "stage", "uploaded_by", "uploaded_at"]
    list_filter = ["kind", "region"]
    list_select_related = ["region", "stage", "uploaded_by"]
    search_fields = ["title", "region__name", "file"]
    autocomplete_fields = ["region", "stage"]
    readonly_fields = ["uploaded_by", "uploaded_at"]
    date_hierarchy = "uploaded_at"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "file":  # checked by content, as on the region's documents page
            return uploads.UploadField(label=db_field.verbose_name, widget=AdminFileWidget)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user  # as the app's upload does
        super().save_model(request, obj, form, change)
