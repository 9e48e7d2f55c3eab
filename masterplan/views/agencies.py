"""Agencies (OPD) of a region: list, detail, add/edit/delete and their dimensions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from dimensions import selectors as content
from dimensions import services as content_services
from dimensions.models import Section
from masterplan import access, services
from masterplan.forms import AgencyDimensionsForm, AgencyForm
from masterplan.models import Agency
from masterplan.views.base import RegionMixin
from masterplan.views.mixins import RegionFormView


class AgencyObjectMixin:
    """The agency named by the URL, looked up inside the region (404 when foreign)."""

    def resolve_objects(self):
        self.agency = self.get_in_region(Agency, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["agency"] = self.agency
        return ctx


class AgencyListView(RegionMixin, ListView):
    template_name = "masterplan/agency_list.html"
    context_object_name = "agencies"

    def get_queryset(self):
        return content.agencies_with_sections(self.region, self.masterplan)


class AgencyDetailView(AgencyObjectMixin, RegionMixin, TemplateView):
    template_name = "masterplan/agency_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        sections = (
            list(
                Section.objects.filter(masterplan=self.masterplan, agency=self.agency)
                .select_related("dimension")
                .order_by("dimension__order")
            )
            if self.masterplan
            else []
        )
        counts = content.section_entry_counts(s.pk for s in sections)
        for s in sections:
            s.entry_count = counts.get(s.pk, 0)
        ctx["sections"] = sections
        ctx["members"] = self.agency.members.select_related("user").order_by("user__first_name", "user__username")
        return ctx


class AgencyCreateView(RegionFormView):
    template_name = "masterplan/agency_form.html"
    form_class = AgencyForm

    def form_kwargs(self):
        return {"region": self.region}

    def perform(self, form):
        self.agency = services.agency_save(self.region, None, **form.cleaned_data)
        return self.agency

    def get_success_message(self, form, result):
        return _("Perangkat daerah %(name)s ditambahkan. Tetapkan dimensinya di bawah.") % {"name": result.name}

    def get_success_url(self):
        return reverse("agency_dimensions", args=[self.region.slug, self.agency.pk])


class AgencyUpdateView(AgencyObjectMixin, RegionFormView):
    template_name = "masterplan/agency_form.html"
    form_class = AgencyForm
    success_message = _("Perubahan perangkat daerah disimpan.")

    def form_kwargs(self):
        # A copy, so typed (maybe invalid) values never show up as the agency's name on the page.
        return {"region": self.region, "instance": Agency.objects.get(pk=self.agency.pk)}

    def perform(self, form):
        return services.agency_save(self.region, form.instance, **form.cleaned_data)

    def get_success_url(self):
        return reverse("agency_detail", args=[self.region.slug, self.agency.pk])


class AgencyDeleteView(AgencyObjectMixin, RegionMixin, TemplateView):
    template_name = "masterplan/agency_confirm_delete.html"
    required_action = access.MANAGE

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["blockers"] = services.agency_delete_blockers(self.agency)
        return ctx

    def post(self, request, *args, **kwargs):
        name = self.agency.name
        try:
            services.agency_delete(self.agency)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("agency_detail", self.region.slug, self.agency.pk)
        messages.success(request, _("Perangkat daerah %(name)s dihapus.") % {"name": name})
        return redirect("agency_list", self.region.slug)


class AgencyDimensionsView(AgencyObjectMixin, RegionFormView):
    """Tick the dimensions an agency works on in the current masterplan. Unticking a dimension
    whose section already has entries is refused (see dimensions.services.agency_dimensions_set)."""

    template_name = "masterplan/agency_dimensions.html"
    form_class = AgencyDimensionsForm

    def get(self, request, *args, **kwargs):
        if self.masterplan is None:
            return self.render_to_response(self.get_context_data(form=None))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.masterplan is None:
            messages.error(
                request, _("Masterplan daerah ini belum dibuat. Isi periode masterplan di profil daerah dulu.")
            )
            return redirect("region_edit", self.region.slug)
        return super().post(request, *args, **kwargs)

    def current_sections(self):
        return list(Section.objects.filter(masterplan=self.masterplan, agency=self.agency).select_related("dimension"))

    def get_initial(self):
        return {"dimensions": [s.dimension_id for s in self.current_sections()]}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = ctx.get("form")
        if self.masterplan is not None and form is not None:
            sections = self.current_sections()
            counts = content.section_entry_counts(s.pk for s in sections)
            by_dimension = {s.dimension_id: counts.get(s.pk, 0) for s in sections}
            rows = []
            for cb in form["dimensions"]:
                pk = int(str(cb.data["value"]))
                rows.append({"cb": cb, "assigned": pk in by_dimension, "entries": by_dimension.get(pk, 0)})
            ctx["dimension_rows"] = rows
        return ctx

    def perform(self, form):
        return content_services.agency_dimensions_set(self.agency, self.masterplan, form.cleaned_data["dimensions"])

    def get_success_message(self, form, result):
        added, removed = result
        if not added and not removed:
            return _("Tidak ada perubahan dimensi.")
        parts = []
        if added:
            parts.append(_("ditambahkan: %(names)s") % {"names": ", ".join(str(d) for d in added)})
        if removed:
            parts.append(_("dilepas: %(names)s") % {"names": ", ".join(str(d) for d in removed)})
        return _("Dimensi %(agency)s diperbarui (%(changes)s).") % {"agency": self.agency, "changes": "; ".join(parts)}

    def get_success_url(self):
        return reverse("agency_detail", args=[self.region.slug, self.agency.pk])
