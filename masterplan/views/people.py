"""People of a region and their roles. Diskominfo invites new users (they get a mail with a link
to set their password), changes roles and removes members. Experts are assigned by the site
administrator, so their memberships are shown but not editable here."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView, View

from masterplan import access, selectors, services
from masterplan.forms import MemberInviteForm, MembershipForm
from masterplan.models import Membership, Role
from masterplan.views.base import RegionMixin
from masterplan.views.mixins import RegionFormView


class PeopleListView(RegionMixin, ListView):
    template_name = "masterplan/people_list.html"
    context_object_name = "memberships"

    def get_queryset(self):
        return selectors.region_memberships(self.region)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["editable_roles"] = [r.value for r in services.INVITABLE_ROLES]
        return ctx


class PeopleAddView(RegionFormView):
    template_name = "masterplan/people_form.html"
    form_class = MemberInviteForm

    def form_kwargs(self):
        return {"region": self.region}

    def perform(self, form):
        return services.member_invite(self.region, invited_by=self.request.user, **form.cleaned_data)

    def get_success_message(self, form, result):
        return _("%(name)s ditambahkan sebagai %(role)s. Tautan untuk membuat kata sandi dikirim ke %(email)s.") % {
            "name": result.user,
            "role": result.get_role_display(),
            "email": result.user.email,
        }

    def get_success_url(self):
        return reverse("people_list", args=[self.region.slug])


class MembershipObjectMixin:
    """The membership named by the URL, inside the region (404 when foreign). Experts'
    memberships and one's own are not changed here (403)."""

    def resolve_objects(self):
        self.membership = self.get_in_region(
            Membership.objects.select_related("user", "agency", "region"), pk=self.kwargs["pk"]
        )

    def check_editable(self):
        if self.membership.role == Role.EXPERT or self.membership.user_id == self.request.user.pk:
            raise PermissionDenied

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["membership"] = self.membership
        return ctx


class MembershipEditView(MembershipObjectMixin, RegionFormView):
    template_name = "masterplan/people_form.html"
    form_class = MembershipForm
    success_message = _("Peran disimpan.")

    def get(self, request, *args, **kwargs):
        self.check_editable()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.check_editable()
        return super().post(request, *args, **kwargs)

    def form_kwargs(self):
        return {"membership": self.membership}

    def perform(self, form):
        return services.membership_update(
            self.membership, role=form.cleaned_data["role"], agency=form.cleaned_data["agency"], by=self.request.user
        )

    def get_success_url(self):
        return reverse("people_list", args=[self.region.slug])


class MembershipRemoveView(MembershipObjectMixin, RegionMixin, TemplateView):
    template_name = "masterplan/people_confirm_remove.html"
    required_action = access.MANAGE

    def get(self, request, *args, **kwargs):
        self.check_editable()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.check_editable()
        name = str(self.membership.user)
        try:
            services.membership_remove(self.membership, by=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%(name)s dikeluarkan dari daerah ini.") % {"name": name})
        return redirect("people_list", self.region.slug)


class InviteResendView(MembershipObjectMixin, RegionMixin, View):
    """Send the set-password mail again (POST only)."""

    required_action = access.MANAGE
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.check_editable()
        try:
            services.invite_resend(self.membership, invited_by=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Undangan dikirim ulang ke %(email)s.") % {"email": self.membership.user.email})
        return redirect("people_list", self.region.slug)
