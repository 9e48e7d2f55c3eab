"""Participants of a stage: the list with the helix chart, adding and changing by hand, and
importing an attendance list (CSV or XLSX) all-or-nothing after a preview."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from bimtek import selectors, services
from bimtek.forms import AttendanceImportForm, ParticipantForm
from bimtek.imports import validate_rows
from bimtek.models import Participant
from masterplan import access
from masterplan.views.mixins import apply_errors

from .stages import StageMixin


def _list_url(slug, stage):
    return reverse("participant_list", args=[slug, stage.pk])


class ParticipantListView(StageMixin, TemplateView):
    template_name = "bimtek/participant_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            stage=self.stage,
            participants=selectors.stage_participants(self.stage),
            helix=selectors.stage_helix_mix(self.stage),
            # Contact details are personal data: shown to those who run the stage only.
            show_contacts=self.can(access.MANAGE),
        )
        return ctx


class ParticipantFormView(StageMixin, TemplateView):
    """Add a participant to the stage (no ``participant_pk``) or change one."""

    template_name = "bimtek/participant_form.html"
    required_action = access.MANAGE

    def resolve_objects(self):
        if "participant_pk" in self.kwargs:
            self.participant = self.get_in_region(
                Participant.objects.select_related("stage__masterplan__region"), pk=self.kwargs["participant_pk"]
            )
            self.stage = self.participant.stage
        else:
            self.participant = None
            super().resolve_objects()

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            stage=self.stage,
            participant=self.participant,
            form=form or ParticipantForm(instance=self.participant),
        )
        return ctx

    def post(self, request, *args, **kwargs):
        instance = Participant.objects.get(pk=self.participant.pk) if self.participant else None
        form = ParticipantForm(request.POST, instance=instance)
        if form.is_valid():
            try:
                p = services.participant_save(
                    self.stage, user=request.user, participant=self.participant, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                msg = _("Peserta %(n)s disimpan.") if self.participant else _("Peserta %(n)s ditambahkan.")
                messages.success(request, msg % {"n": p.name})
                if "save_add" in request.POST:
                    return redirect("participant_create", slug=self.region.slug, pk=self.stage.pk)
                return redirect(_list_url(self.region.slug, self.stage))
        return self.render_to_response(self.get_context_data(form=form))


class ParticipantDeleteView(StageMixin, TemplateView):
    template_name = "bimtek/participant_confirm_delete.html"
    required_action = access.MANAGE

    def resolve_objects(self):
        self.participant = self.get_in_region(
            Participant.objects.select_related("stage__masterplan__region"), pk=self.kwargs["participant_pk"]
        )
        self.stage = self.participant.stage

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(stage=self.stage, participant=self.participant)
        return ctx

    def post(self, request, *args, **kwargs):
        name = self.participant.name
        services.participant_delete(self.participant, user=request.user)
        messages.success(request, _("Peserta %(n)s dihapus.") % {"n": name})
        return redirect(_list_url(self.region.slug, self.stage))


class ParticipantImportView(StageMixin, TemplateView):
    """Step 1: upload a file; every row is checked and shown (errors with their row number).
    Step 2: confirm the preview; the rows travel signed in the form and are checked again."""

    template_name = "bimtek/participant_import.html"
    required_action = access.MANAGE

    def _salt(self):
        return f"bimtek.participant_import.{self.stage.pk}"

    def _existing(self):
        return list(Participant.objects.filter(stage=self.stage).values_list("name", "institution"))

    def get_context_data(self, form=None, rows=None, payload=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        rows = rows or []
        ctx.update(
            stage=self.stage,
            form=form or AttendanceImportForm(),
            rows=rows,
            bad_rows=[r for r in rows if r.errors],
            new_rows=[r for r in rows if not r.errors and not r.duplicate],
            duplicate_rows=[r for r in rows if r.duplicate],
            payload=payload,
        )
        return ctx

    def post(self, request, *args, **kwargs):
        if "payload" in request.POST:
            return self._confirm(request)
        form = AttendanceImportForm(request.POST, request.FILES, existing=self._existing())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        rows = form.rows
        payload = None
        # Only a list with something to import gets the confirmation (and its button).
        if not any(r.errors for r in rows) and not all(r.duplicate for r in rows):
            payload = signing.dumps([(r.number, r.raw) for r in rows], salt=self._salt(), compress=True)
        return self.render_to_response(self.get_context_data(form=form, rows=rows, payload=payload))

    def _confirm(self, request):
        try:
            raw = signing.loads(request.POST["payload"], salt=self._salt(), max_age=60 * 60 * 6)
        except signing.BadSignature:
            messages.error(request, _("Pratinjau impor tidak berlaku lagi. Unggah ulang berkasnya."))
            return redirect("participant_import", slug=self.region.slug, pk=self.stage.pk)
        rows = validate_rows([(number, cells) for number, cells in raw], existing=self._existing())
        try:
            created = services.participants_import(self.stage, rows, user=request.user)
        except services.StageActionRefused as exc:
            messages.error(request, exc.message)
            return self.render_to_response(self.get_context_data(rows=rows))
        skipped = sum(1 for r in rows if r.duplicate)
        if not created:
            messages.info(request, _("Tidak ada peserta baru: semua baris daftar ini sudah terdaftar."))
            return redirect(_list_url(self.region.slug, self.stage))
        text = _("%(n)d peserta diimpor.") % {"n": len(created)}
        if skipped:
            text += " " + _("%(n)d baris dilewati karena sudah terdaftar.") % {"n": skipped}
        messages.success(request, text)
        return redirect(_list_url(self.region.slug, self.stage))
