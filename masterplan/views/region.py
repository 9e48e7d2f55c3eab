"""The region overview, its profile form (with the masterplan's period, vision and mission) and
the emblem, served through an access check like every upload."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from bimtek.models import Stage
from dimensions.selectors import section_state_summary
from masterplan import access, selectors, services
from masterplan.forms import MasterplanForm, RegionProfileForm
from masterplan.models import Masterplan, Region
from masterplan.views.base import RegionMixin
from masterplan.views.files import uploaded_file_response
from masterplan.views.mixins import apply_errors


class RegionDetailView(RegionMixin, TemplateView):
    template_name = "masterplan/region_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["overview"] = selectors.region_overview(self.region) | section_state_summary(self.masterplan)
        ctx["stages"] = (
            Stage.objects.filter(masterplan=self.masterplan).order_by("number")
            if self.masterplan
            else Stage.objects.none()
        )
        ctx["recent_documents"] = selectors.region_documents(self.region).order_by("-uploaded_at", "-pk")[:5]
        return ctx


class RegionEditView(RegionMixin, TemplateView):
    """Diskominfo keeps the profile and the masterplan record (period, vision, mission) here."""

    template_name = "masterplan/region_edit.html"
    required_action = access.MANAGE

    def get_forms(self, data=None, files=None):
        # The forms get copies: validation writes typed values onto its instance, while the
        # services need the stored state (e.g. the old emblem's file name, to delete it).
        masterplan = Masterplan.objects.get(pk=self.masterplan.pk) if self.masterplan else None
        return (
            RegionProfileForm(data, files, instance=Region.objects.get(pk=self.region.pk), prefix="profile"),
            MasterplanForm(data, instance=masterplan, prefix="mp"),
        )

    def get(self, request, *args, **kwargs):
        profile_form, masterplan_form = self.get_forms()
        return self.render_to_response(
            self.get_context_data(profile_form=profile_form, masterplan_form=masterplan_form)
        )

    def post(self, request, *args, **kwargs):
        profile_form, masterplan_form = self.get_forms(request.POST, request.FILES)
        # Validate both so every error shows at once.
        valid = all([profile_form.is_valid(), masterplan_form.is_valid()])
        if valid and self._save(profile_form, masterplan_form):
            messages.success(request, _("Profil daerah disimpan."))
            return redirect("region_detail", self.region.slug)
        return self.render_to_response(
            self.get_context_data(profile_form=profile_form, masterplan_form=masterplan_form)
        )

    def _save(self, profile_form, masterplan_form):
        data = profile_form.cleaned_data
        emblem = data["emblem"]
        emblem = emblem if isinstance(emblem, UploadedFile) or emblem is False else None
        fields = {name: data[name] for name in services.REGION_PROFILE_FIELDS}
        mp = masterplan_form.cleaned_data
        try:
            with transaction.atomic():  # profile and masterplan together, or neither
                try:
                    services.region_profile_update(self.region, emblem=emblem, **fields)
                except ValidationError as exc:
                    apply_errors(profile_form, exc)
                    raise
                try:
                    services.masterplan_save(
                        self.region,
                        self.masterplan,
                        period_start=mp["period_start"],
                        period_end=mp["period_end"],
                        vision=mp["vision"],
                        mission=mp["mission"],
                    )
                except ValidationError as exc:
                    apply_errors(masterplan_form, exc)
                    raise
        except ValidationError:
            return False
        return True


class RegionEmblemView(RegionMixin, View):
    """The emblem image, for members of the region only (media is never served directly)."""

    def get(self, request, *args, **kwargs):
        emblem = self.region.emblem
        if not emblem or not emblem.storage.exists(emblem.name):
            raise Http404
        return uploaded_file_response(emblem)
