"""Review views: thin. Reads come from selectors, every write goes through services."""

import hashlib

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from dimensions.models import Section
from dimensions.selectors import all_dimensions
from masterplan import access, pagecache
from masterplan.apps import FILTER_CHOICES_SCOPE
from masterplan.formats import format_date, format_moment, roman
from masterplan.views.base import RegionMixin

from . import selectors, services
from .forms import ALL_STATES, CommentForm, QueueFilterForm, TransitionForm
from .models import ReviewComment, SectionTransition

Kind = SectionTransition.Kind
TRANSITION_SERVICES = {
    Kind.SUBMIT: services.section_submit,
    Kind.REQUEST_CHANGES: services.section_request_changes,
    Kind.APPROVE: services.section_approve,
}
TRANSITION_SUCCESS = {
    Kind.SUBMIT: gettext_lazy("Bagian diajukan untuk ditinjau. Tenaga ahli telah diberi tahu."),
    Kind.REQUEST_CHANGES: gettext_lazy("Permintaan perbaikan dikirim ke perangkat daerah."),
    Kind.APPROVE: gettext_lazy("Bagian disetujui. Perangkat daerah telah diberi tahu."),
}


class ReviewQueueView(LoginRequiredMixin, TemplateView):
    """The sections waiting for the expert in their regions, filtered and paged (never every
    region's at once: an expert may guide hundreds)."""

    template_name = "review/queue.html"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_anywhere(request.user, access.REVIEW):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    # The query parameters the page knows: any other makes a page that is not cached.
    QUERY_PARAMETERS = frozenset({"region", "stage", "state", "dimension", "agency", "page"})

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["queue"] = SimpleLazyObject(self.queue)  # read only when the cached copy is missing
        ctx["cache_queue"] = self.cache_vary()
        return ctx

    def cache_vary(self):
        """What the cached queue varies on: the expert, the day (the next stages), the language and
        the query; "" (not cached) for a query with parameters the page does not know."""
        params = self.request.GET
        if not set(params) <= self.QUERY_PARAMETERS:
            return ""
        query = urlencode(sorted((k, v) for k in params for v in params.getlist(k)))
        digest = hashlib.sha256(query.encode()).hexdigest()[:32]
        return f"{self.request.user.pk}.{timezone.localdate().isoformat()}.{get_language()}.{digest}"

    def queue(self):
        user = self.request.user
        form = QueueFilterForm(
            self.request.GET,
            regions=pagecache.get_or_build_in_scope(
                FILTER_CHOICES_SCOPE, "review-regions", [user.pk], lambda: selectors.review_regions(user)
            ),
            dimensions=[(d.code, d.name) for d in all_dimensions()],
            stage_choices=[
                *((str(n), _("Tahap %(n)s") % {"n": roman(n)}) for n in range(1, 5)),
                (selectors.NO_STAGE, _("Belum dijadwalkan")),
            ],
            state_choices=Section.State.choices,
        )
        state = form.value_of("state", Section.State.SUBMITTED)
        filters = selectors.QueueFilters(
            region=form.value_of("region"),
            stage=form.value_of("stage"),
            state="" if state == ALL_STATES else state,
            dimension=form.value_of("dimension"),
            agency=form.value_of("agency").strip(),
        )
        page = Paginator(selectors.ReviewQueue(user, filters), self.paginate_by).get_page(self.request.GET.get("page"))
        return {
            "form": form,
            "filters": filters,
            "state": state,
            "page_obj": page,
            "sections": page.object_list,
            "rows": _queue_rows(page.object_list),
            "filtered": any(form.value_of(name) for name in ("region", "stage", "dimension", "agency"))
            or state != Section.State.SUBMITTED,
        }


def _queue_rows(entries):
    """The queue's rows (selectors.QueueEntry) as the strings the page shows, put together once
    here: the template's loop only writes them out (no translation, date or URL tags per row)."""
    stage_label = _("Tahap %(n)s")
    states = dict(Section.State.choices)
    # Reversed once with stand-ins (a slug is URL-safe, an id digits): fifty reverses cost more.
    url = reverse("section_review", args=["-slug-", 0]).replace("/0/", "/-pk-/")
    return [
        {
            "region": e.region,
            "url": url.replace("-slug-", e.region_slug).replace("-pk-", str(e.pk)),
            "stage": stage_label % {"n": roman(e.next_stage_number)} if e.next_stage_date else "",
            "stage_iso": e.next_stage_date.isoformat() if e.next_stage_date else "",
            "stage_date": format_date(e.next_stage_date) if e.next_stage_date else "",
            "dimension": e.dimension,
            "agency": e.agency,
            "state": states.get(e.state, e.state),
            "submitted_iso": localtime(e.submitted_at).isoformat() if e.submitted_at else "",
            "submitted": format_moment(e.submitted_at) if e.submitted_at else "",
            "open_comments": e.open_comment_count,
        }
        for e in entries
    ]


def _section_queryset():
    return Section.objects.select_related("masterplan__region", "agency", "dimension")


class SectionReviewView(RegionMixin, TemplateView):
    """A section read-only with its comments, its transition log, what changed since the last
    review, and the transition buttons the user may press."""

    template_name = "review/section_review.html"

    def resolve_objects(self):
        self.section = self.get_in_region(_section_queryset(), pk=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        op = request.POST.get("op", "")
        if op == "comment":
            return self._post_comment()
        if op in TRANSITION_SERVICES:
            return self._post_transition(op)
        raise Http404

    def _post_transition(self, kind):
        form = TransitionForm(self.request.POST)
        if form.is_valid():
            try:
                TRANSITION_SERVICES[kind](self.section, self.request.user, form.cleaned_data["note"])
            except services.TransitionError as e:
                for message in e.messages:
                    form.add_error("note", message)
            else:
                messages.success(self.request, TRANSITION_SUCCESS[kind])
                return HttpResponseRedirect(self.request.path + "#status")
        return self.render_to_response(self.get_context_data(transition_form=form, transition_kind=kind))

    def _post_comment(self):
        form = CommentForm(self.request.POST)
        if form.is_valid():
            try:
                entry, parent = _comment_target(self.section, form.cleaned_data)
                comment = services.comment_add(
                    self.section, self.request.user, form.cleaned_data["text"], entry, parent
                )
            except services.CommentError as e:
                form.add_error(None, e)
                # Also on top of the page: the entry named may not be on it.
                messages.error(self.request, " ".join(e.messages))
            else:
                messages.success(self.request, _("Komentar disimpan."))
                return HttpResponseRedirect(f"{self.request.path}#komentar-{(comment.parent or comment).pk}")
        return self.render_to_response(self.get_context_data(comment_form=form))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        section = self.section
        entries = selectors.section_entries(section)
        comments = selectors.comments_for_section(section)
        reviewer = user if access.can(user, access.REVIEW, section) else None
        last_review = selectors.last_review(section, reviewer)
        shown = selectors.entry_keys(entries)
        ctx.update(
            section=section,
            entries=entries,
            comments=comments,
            section_threads=comments.get(selectors.SECTION_KEY, []),
            orphan_threads=selectors.orphan_threads(comments, shown),
            open_count=sum(1 for threads in comments.values() for t in threads if t.resolved_at is None),
            conversation=selectors.section_conversation(section),
            allowed=services.allowed_transitions(user, section),
            can_comment=reviewer is not None,
            can_reply=reviewer is not None or access.can(user, access.EDIT_SECTION, section),
            can_edit=access.can(user, access.EDIT_SECTION, section),
            last_review=last_review,
            changes=selectors.section_changes_since(section, last_review.at) if last_review else None,
            transition_form=kwargs.get("transition_form") or TransitionForm(),
            transition_kind=kwargs.get("transition_kind"),
            comment_form=kwargs.get("comment_form"),
            workspace_url=_workspace_url(section),
        )
        return ctx


def _workspace_url(section):
    return reverse("section_workspace", args=[section.masterplan.region.slug, section.pk])


def _comment_target(section, data):
    """The entry (or None for the section) and the parent thread a comment form names; only
    entries and threads of this section are found."""
    parent = None
    entry = None
    if data.get("parent"):
        parent = ReviewComment.objects.filter(section=section, pk=data["parent"]).select_related("parent").first()
        if parent is None:
            raise services.CommentError(_("Komentar yang dibalas tidak ditemukan."))
        return None, parent
    if data.get("entry_type"):
        model = selectors.COMMENTABLE.get(data["entry_type"])
        entry = model._default_manager.filter(pk=data.get("entry_id")).first() if model else None
        if entry is None or services.entry_section_id(entry) != section.pk:
            raise services.CommentError(_("Butir yang dikomentari tidak ditemukan di bagian ini."))
    return entry, parent


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


class CommentCreateView(RegionMixin, View):
    """A comment posted from elsewhere (the workspace's entry list): saved, then back to ``next``."""

    def resolve_objects(self):
        self.section = self.get_in_region(_section_queryset(), pk=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        fallback = reverse("section_review", args=[self.region.slug, self.section.pk])
        form = CommentForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Komentar tidak boleh kosong."))
            return HttpResponseRedirect(_safe_next(request, fallback))
        try:
            entry, parent = _comment_target(self.section, form.cleaned_data)
            services.comment_add(self.section, request.user, form.cleaned_data["text"], entry, parent)
        except services.CommentError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, _("Komentar disimpan."))
        return HttpResponseRedirect(_safe_next(request, fallback))


class _CommentStateView(RegionMixin, View):
    """Resolve or reopen a thread. The reply box and these buttons are one form: an answer typed
    in it is posted with the action (by the same service call), never dropped."""

    service = None
    success_message = ""
    success_with_answer = ""

    def resolve_objects(self):
        self.comment = self.get_in_region(
            ReviewComment.objects.select_related("section__masterplan__region", "section__agency", "parent"),
            pk=self.kwargs["comment_pk"],
        )

    def post(self, request, *args, **kwargs):
        section = self.comment.section
        fallback = reverse("section_review", args=[self.region.slug, section.pk])
        text = request.POST.get("text", "")
        try:
            thread = type(self).service(self.comment, request.user, text)
        except services.CommentError as e:
            messages.error(request, " ".join(e.messages))
            return HttpResponseRedirect(_safe_next(request, fallback))
        messages.success(request, self.success_with_answer if text.strip() else self.success_message)
        return HttpResponseRedirect(_safe_next(request, f"{fallback}#komentar-{thread.pk}"))


class CommentResolveView(_CommentStateView):
    service = staticmethod(services.comment_resolve)
    success_message = gettext_lazy("Komentar ditandai selesai.")
    success_with_answer = gettext_lazy("Jawaban dikirim dan komentar ditandai selesai.")


class CommentReopenView(_CommentStateView):
    service = staticmethod(services.comment_reopen)
    success_message = gettext_lazy("Komentar dibuka kembali.")
    success_with_answer = gettext_lazy("Jawaban dikirim dan komentar dibuka kembali.")
