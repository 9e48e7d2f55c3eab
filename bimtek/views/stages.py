"""Stage pages: the list (with the helix mix across stages), one stage with its checklist,
participants summary and documents, editing it, and the expert's sign-off."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from bimtek import selectors, services
from bimtek.checklist import checklist_complete, checklist_groups, stage_checklist
from bimtek.forms import SignOffWithdrawForm, StageDocumentForm, StageForm
from bimtek.models import Stage
from masterplan import access
from masterplan import services as core_services
from masterplan.views.base import RegionMixin
from masterplan.views.mixins import apply_errors


class StageMixin(RegionMixin):
    """Resolves ``self.stage`` from the ``pk`` URL argument inside the region (404 when foreign)."""

    def resolve_objects(self):
        self.stage = self.get_in_region(
            Stage.objects.select_related("masterplan__region", "signed_off_by"), pk=self.kwargs["pk"]
        )

    def stage_url(self, anchor=""):
        return reverse("stage_detail", args=[self.region.slug, self.stage.pk]) + anchor


class StageListView(RegionMixin, TemplateView):
    template_name = "bimtek/stage_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        mp = self.masterplan
        ctx["stages"] = selectors.stage_rows(mp) if mp else []
        ctx["helix"] = selectors.masterplan_helix_mix(mp) if mp else None
        ctx["stages_missing"] = mp is not None and len(ctx["stages"]) < 4
        return ctx


class StageEnsureView(RegionMixin, View):
    """Create the stages the masterplan does not have yet (POST)."""

    required_action = access.MANAGE

    def post(self, request, slug):
        if self.masterplan is None:
            messages.error(request, _("Daerah ini belum punya masterplan."))
        else:
            n = services.stages_ensure(self.masterplan, user=request.user)
            if n:
                messages.success(request, _("%(n)d tahap dibuat. Lengkapi tanggal dan tempatnya.") % {"n": n})
            else:
                messages.info(request, _("Keempat tahap sudah ada."))
        return redirect("stage_list", slug=self.region.slug)


def document_url(slug, document):
    return reverse("document_download", args=[slug, document.pk])


class StageDetailView(StageMixin, TemplateView):
    template_name = "bimtek/stage_detail.html"
    document_form = None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        stage = self.stage
        items = stage_checklist(stage.masterplan, stage.number, stage)
        documents = selectors.stage_documents(stage)
        for doc in documents:
            doc.download_url = document_url(self.region.slug, doc)
        can_manage = self.can(access.MANAGE)
        if can_manage and self.document_form is None:
            self.document_form = StageDocumentForm(masterplan=stage.masterplan)
        ctx.update(
            stage=stage,
            checklist=checklist_groups(items),
            checklist_done=sum(1 for i in items if i.done),
            checklist_total=len(items),
            checklist_complete=checklist_complete(items),
            missing_items=[i for i in items if not i.done],
            can_sign_off=self.can(access.SIGN_OFF, stage),
            sign_off_log=selectors.stage_sign_off_log(stage),
            helix=selectors.stage_helix_mix(stage),
            documents=documents,
            document_form=self.document_form,
        )
        return ctx


class StageDocumentUploadView(StageDetailView):
    """Upload a document of this stage (POST); errors come back on the stage page."""

    required_action = access.MANAGE
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = StageDocumentForm(request.POST, request.FILES, masterplan=self.stage.masterplan)
        if form.is_valid():
            try:
                doc = core_services.document_upload(
                    self.region,
                    kind=form.cleaned_data["kind"],
                    title=form.cleaned_data["title"],
                    file=form.cleaned_data["file"],
                    stage=self.stage,
                    uploaded_by=request.user,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Dokumen \u201c%(t)s\u201d diunggah.") % {"t": doc.title})
                return redirect(self.stage_url("#dokumen"))
        self.document_form = form
        return self.render_to_response(self.get_context_data())


class StageEditView(StageMixin, TemplateView):
    template_name = "bimtek/stage_form.html"
    required_action = access.MANAGE

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["stage"] = self.stage
        ctx["form"] = form or StageForm(instance=self.stage)
        return ctx

    def post(self, request, *args, **kwargs):
        # Bind to a copy so a refused save never alters the object the page shows.
        form = StageForm(request.POST, instance=Stage.objects.get(pk=self.stage.pk))
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if not form.fields[k].disabled}
            try:
                services.stage_update(self.stage, user=request.user, **fields)
            except services.StageActionRefused as exc:
                form.add_error("status", exc.message)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("%(stage)s disimpan.") % {"stage": self.stage})
                return redirect(self.stage_url())
        return self.render_to_response(self.get_context_data(form=form))


class StageSignOffView(StageMixin, TemplateView):
    """The expert signs the stage off: GET asks for confirmation (a page: works without script and
    by keyboard), POST from that page signs off. Refusals come back as a message on the stage
    page: the service decides, so the rule is the same whoever calls it."""

    template_name = "bimtek/stage_sign_off_confirm.html"
    withdraw = False

    def get(self, request, *args, **kwargs):
        access.require(request.user, access.SIGN_OFF, self.stage)
        if (self.stage.status == Stage.Status.SIGNED_OFF) != self.withdraw:
            messages.info(request, self.state_message())
            return redirect(self.stage_url("#pengesahan"))
        return super().get(request, *args, **kwargs)

    def state_message(self):
        return _("%(stage)s sudah disahkan.") % {"stage": self.stage}

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        items = stage_checklist(self.stage.masterplan, self.stage.number, self.stage)
        ctx.update(
            stage=self.stage,
            withdraw=self.withdraw,
            form=form,
            checklist_done=sum(1 for i in items if i.done),
            checklist_total=len(items),
            checklist_complete=checklist_complete(items),
            participant_total=selectors.stage_helix_mix(self.stage)["total"],
        )
        return ctx

    def post(self, request, *args, **kwargs):
        if "confirm" not in request.POST:
            # Only the confirmation page's button signs off (an old one-click form asks first).
            return redirect(request.path)
        try:
            stage = services.stage_sign_off(self.stage, request.user)
        except services.StageActionRefused as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("%(stage)s telah disahkan.") % {"stage": stage})
        return redirect(self.stage_url("#pengesahan"))


class StageSignOffWithdrawView(StageSignOffView):
    """The undo of a sign-off (one given by mistake), by the same role, after confirmation, with an
    optional reason that stays in the stage's history."""

    withdraw = True

    def state_message(self):
        return _("%(stage)s belum disahkan.") % {"stage": self.stage}

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(form=form or SignOffWithdrawForm(), **kwargs)

    def post(self, request, *args, **kwargs):
        form = SignOffWithdrawForm(request.POST)
        if "confirm" not in request.POST or not form.is_valid():
            access.require(request.user, access.SIGN_OFF, self.stage)
            return self.render_to_response(self.get_context_data(form=form))
        try:
            stage = services.stage_sign_off_undo(self.stage, request.user, reason=form.cleaned_data["reason"])
        except services.StageActionRefused as exc:
            messages.error(request, exc.message)
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.render_to_response(self.get_context_data(form=form))
        else:
            messages.success(
                request,
                _("Pengesahan %(stage)s dicabut. Tahap kembali berstatus selesai dan dapat disahkan lagi.")
                % {"stage": stage},
            )
        return redirect(self.stage_url("#pengesahan"))
