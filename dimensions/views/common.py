"""What the dimension pages and the in-place entry views share."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.functional import cached_property

from dimensions.kinds import get_kind
from dimensions.models import Section
from masterplan import access
from masterplan.views.base import RegionMixin


def editable_ids(user, sections):
    """Ids of the sections whose entries this user may write now (role, agency and review state).
    No query: memberships are cached on the user and sections carry their region."""
    return {s.pk for s in sections if access.can(user, access.EDIT_SECTION, s) and s.is_editable}


def workspace_url(section, anchor=""):
    return section.get_absolute_url(anchor)


def refusal(request, message, status, section=None):
    """Tell an htmx caller why (into #messages); a plain request gets the usual 403 page, or for a
    locked section a message on the workspace."""
    if request.htmx:
        response = HttpResponse(
            render_to_string("dimensions/fragments/message.html", {"message": message, "level": "danger"}),
            status=status,
        )
        response["HX-Retarget"] = "#messages"
        response["HX-Reswap"] = "innerHTML"
        return response
    if status == 409 and section is not None:
        messages.error(request, message)
        return redirect(workspace_url(section))
    raise PermissionDenied(message)


class SectionMixin(RegionMixin):
    """A section of the region named in the URL (404 when it is of another region)."""

    def resolve_objects(self):
        super().resolve_objects()
        self.section = self.get_in_region(
            Section.objects.select_related("masterplan__region", "agency", "dimension"), pk=self.kwargs["section_pk"]
        )

    @cached_property
    def may_edit(self):
        """The user's role lets them write here (whatever the review state)."""
        return access.can(self.request.user, access.EDIT_SECTION, self.section)

    @cached_property
    def can_edit(self):
        return self.may_edit and self.section.is_editable


class KindMixin(SectionMixin):
    """A kind of entry (URL code) and, when the URL names one, an entry of the section."""

    def resolve_objects(self):
        super().resolve_objects()
        self.kind = get_kind(self.kwargs["kind"])
        self.entry = None
        if "pk" in self.kwargs and self.needs_entry:
            self.entry = get_object_or_404(self.kind.in_section(self.section), pk=self.kwargs["pk"])

    needs_entry = True
