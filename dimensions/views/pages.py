"""The dimension pages: the six dimensions, everything the region entered for one dimension, the
workspace of one section, and the history (deleted entries, one entry's changes).

One set of pages for everyone: a reader sees the whole region read-only, an OPD representative
sees the entries of their agency's sections editable in place on the same pages."""

from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from dimensions import history, selectors
from dimensions.models import Dimension
from dimensions.review.selectors import open_comments_for_section, section_conversation
from dimensions.services import deletion_record
from masterplan import access, pagecache
from masterplan.views.base import RegionMixin

from .common import KindMixin, SectionMixin, editable_ids


def my_sections(user, sections):
    """The sections of the user's agency (an OPD representative's own work), any review state."""
    return [s for s in sections if access.can(user, access.EDIT_SECTION, s)]


def _flow_cache(editable, open_comments):
    """Whether the flow's HTML may come from the cache, and what it varies on: the sections this
    user may edit (their buttons and add slots). Not with open review comments in it: their
    reply forms carry the user's CSRF token."""
    return {"cache_flow": not open_comments, "flow_vary": "e" + "-".join(map(str, sorted(editable)))}


class DimensionIndexView(RegionMixin, TemplateView):
    template_name = "dimensions/dimension_index.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # The counts of every kind in every section: kept until the region's data changes.
        mp = self.masterplan
        cards = pagecache.get_or_build(
            self.region.pk, "dimension-overview", [], lambda: selectors.dimension_overview(mp)
        )
        sections = [s for card in cards for s in card.sections]
        ctx.update(cards=cards, my_sections=my_sections(self.request.user, sections))
        return ctx


class DimensionDetailView(RegionMixin, TemplateView):
    template_name = "dimensions/dimension_detail.html"

    def resolve_objects(self):
        self.dimension = get_object_or_404(Dimension.objects.prefetch_related("elements"), code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        sections = selectors.sections_of(self.masterplan, dimension=self.dimension)
        editable = editable_ids(user, sections)
        mine = my_sections(user, sections)
        add_section = next((s for s in sections if s.pk in editable), None)
        open_comments = open_comments_for_section(add_section) if add_section else None
        ctx.update(
            dimension=self.dimension,
            dimensions=Dimension.objects.all(),
            sections=sections,
            my_sections=mine,
            locked_sections=[s for s in mine if s.pk not in editable],
            add_section=add_section,
            flow=SimpleLazyObject(lambda: selectors.flow_for(sections, editable)) if sections else None,
            comments_section=add_section,
            open_comments=open_comments,
            **_flow_cache(editable, open_comments),
        )
        return ctx


class SectionWorkspaceView(SectionMixin, TemplateView):
    template_name = "dimensions/section_workspace.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        section = self.section
        editable = editable_ids(self.request.user, [section])
        open_comments = open_comments_for_section(section)
        ctx.update(
            section=section,
            dimension=section.dimension,
            masterplan=section.masterplan,
            may_edit=self.may_edit,
            can_edit=section.pk in editable,
            add_section=section if section.pk in editable else None,
            flow=SimpleLazyObject(lambda: selectors.flow_for([section], editable)),
            comments_section=section,
            open_comments=open_comments,
            conversation=section_conversation(section),
            **_flow_cache(editable, open_comments),
        )
        return ctx


class SectionHistoryView(SectionMixin, TemplateView):
    """Deleted entries of a section, each with a restore button for those who may edit."""

    template_name = "dimensions/section_history.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(section=self.section, can_edit=self.can_edit, deleted=history.deleted_entries(self.section))
        return ctx


class EntryHistoryView(KindMixin, TemplateView):
    """Who changed an entry, when, and what (also for a deleted entry)."""

    template_name = "dimensions/entry_history.html"
    needs_entry = False

    def resolve_objects(self):
        super().resolve_objects()
        self.entry = self.kind.in_section(self.section).filter(pk=self.kwargs["pk"]).first()
        self.deleted = None
        if self.entry is None:
            self.deleted = deletion_record(self.kind, self.section, self.kwargs["pk"])  # 404 when foreign

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            section=self.section,
            kind=self.kind,
            entry=self.entry,
            deleted=self.deleted,
            label=str(self.entry) if self.entry else str(self.deleted.instance),
            changes=history.entry_changes(self.kind, self.kwargs["pk"]),
            can_edit=self.can_edit,
        )
        return ctx


__all__ = [
    "DimensionDetailView",
    "DimensionIndexView",
    "EntryHistoryView",
    "SectionHistoryView",
    "SectionWorkspaceView",
]
