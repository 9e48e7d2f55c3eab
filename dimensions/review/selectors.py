"""Reads of the review: the queue, a section's entries and comments, its transition log, and what
changed since the last review (from django-simple-history's historical tables).

Every function runs a fixed number of queries, whatever the number of regions, sections or
entries."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from bimtek.models import Stage
from dimensions.models import (
    GapItem,
    Goal,
    Indicator,
    IndicatorTarget,
    Program,
    QuickWin,
    ReadinessItem,
    RoadmapEntry,
    Section,
    Strategy,
    SwotEntry,
)
from masterplan import access
from masterplan.formats import format_id_decimal, format_rupiah

from .models import ReviewComment, SectionTransition

# The entry models of a section, in the order of the analysis flow. Entries hang off the section
# directly, or off one of its programs or goals.
ENTRY_MODELS = [ReadinessItem, GapItem, SwotEntry, Strategy, Goal, Program, Indicator, RoadmapEntry, QuickWin]
COMMENTABLE = {m._meta.model_name: m for m in ENTRY_MODELS}
# What the "changes since the last review" compares: the entries and the indicators' yearly targets.
DIFF_MODELS = [*ENTRY_MODELS, IndicatorTarget]
# Bookkeeping fields that are no change a reviewer cares about.
BOOKKEEPING = {"id", "version", "created_at", "updated_at", "created_by", "section"}
# Shown with the entry on the page already (it sits under its goal, program or indicator).
PARENTS = {"goal", "program", "indicator"}
SKIP_FIELDS = BOOKKEEPING | PARENTS


# Queue ----------------------------------------------------------------------------------------


def review_queue(user, today=None):
    """The submitted sections of every region the user reviews, the region with the nearest
    upcoming bimtek stage first (regions without one last), then the oldest submission first.

    One query."""
    today = today or timezone.localdate()
    upcoming = Stage.objects.filter(masterplan=OuterRef("masterplan"), start_date__gte=today).order_by(
        "start_date", "number"
    )
    submitted = SectionTransition.objects.filter(section=OuterRef("pk"), kind=SectionTransition.Kind.SUBMIT).order_by(
        "-at", "-pk"
    )
    open_comments = (
        ReviewComment.objects.filter(section=OuterRef("pk"), parent__isnull=True, resolved_at__isnull=True)
        .order_by()
        .values("section")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Section.objects.filter(
            state=Section.State.SUBMITTED,
            masterplan__region__in=access.regions_where(user, access.REVIEW),
        )
        .select_related("masterplan__region", "agency", "dimension")
        .annotate(
            next_stage_date=Subquery(upcoming.values("start_date")[:1]),
            next_stage_number=Subquery(upcoming.values("number")[:1]),
            submitted_at=Subquery(submitted.values("at")[:1]),
            open_comment_count=Coalesce(Subquery(open_comments, output_field=IntegerField()), 0),
        )
        .order_by(
            F("next_stage_date").asc(nulls_last=True),
            "masterplan__region__name",
            F("submitted_at").asc(nulls_last=True),
            "pk",
        )
    )


# Comments -------------------------------------------------------------------------------------

SECTION_KEY = (None, None)


def _threads(section, open_only):
    qs = ReviewComment.objects.filter(section=section, parent__isnull=True)
    if open_only:
        qs = qs.filter(resolved_at__isnull=True)
    return qs.select_related("author", "resolved_by").prefetch_related(
        Prefetch("replies", queryset=ReviewComment.objects.select_related("author").order_by("created_at", "pk"))
    )


def open_comments_for_section(section):
    """The open comment threads of a section, keyed by (content_type_id, object_id) of the entry
    they concern; comments on the section itself are under ``(None, None)``. Two queries."""
    return comments_for_section(section, open_only=True)


def comments_for_section(section, open_only=False):
    result = defaultdict(list)
    for thread in _threads(section, open_only):
        result[(thread.content_type_id, thread.object_id)].append(thread)
    return dict(result)


def comment_key(entry):
    if entry is None:
        return SECTION_KEY
    return (ContentType.objects.get_for_model(entry).pk, entry.pk)


def orphan_threads(comments, shown_keys):
    """Threads of entries not on the page any more (deleted entries), so no comment is lost."""
    return [t for key, threads in comments.items() if key != SECTION_KEY and key not in shown_keys for t in threads]


# Transition log -------------------------------------------------------------------------------


def section_transitions(section):
    return SectionTransition.objects.filter(section=section).select_related("actor").order_by("-at", "-pk")


def last_review(section, reviewer=None):
    """The last request-changes or approval on the section: by ``reviewer`` when they reviewed it,
    else by anyone."""
    qs = SectionTransition.objects.filter(section=section, kind__in=SectionTransition.REVIEW_KINDS).order_by(
        "-at", "-pk"
    )
    if reviewer is not None:
        own = qs.filter(actor=reviewer).first()
        if own is not None:
            return own
    return qs.first()


# Entries of a section -------------------------------------------------------------------------


def section_entries(section):
    """Everything written in a section, for reading: a dict of lists, with the sub-rows of goals
    and programs prefetched. A fixed number of queries."""
    indicators = Prefetch("indicators", queryset=Indicator.objects.prefetch_related("targets"))
    entries = {
        "readiness": list(ReadinessItem.objects.filter(section=section)),
        "gaps": list(GapItem.objects.filter(section=section).select_related("element")),
        # The models' order: SWOT as people read it (S, W, O, T), strategies SO, WO, ST, WT; not A-Z.
        "swot": list(SwotEntry.objects.filter(section=section)),
        "strategies": list(Strategy.objects.filter(section=section).prefetch_related("swot_entries")),
        "goals": list(Goal.objects.filter(section=section).prefetch_related(indicators)),
        "programs": list(
            Program.objects.filter(section=section)
            .select_related("element", "lead_agency", "quick_win__funding_source")
            .prefetch_related("partner_agencies", "funding_sources", "strategies", "roadmap", indicators)
        ),
    }
    for program in entries["programs"]:
        program.review_quick_win = quick_win_of(program)
    return entries


def entry_keys(entries):
    """The comment keys of every entry shown (to find comments of entries deleted since)."""
    keys = set()
    for group in ("readiness", "gaps", "swot", "strategies", "goals", "programs"):
        for entry in entries[group]:
            keys.add(comment_key(entry))
    for parent in entries["goals"] + entries["programs"]:
        keys.update(comment_key(i) for i in parent.indicators.all())
    for program in entries["programs"]:
        keys.update(comment_key(step) for step in program.roadmap.all())
        quick_win = quick_win_of(program)
        if quick_win is not None:
            keys.add(comment_key(quick_win))
    return keys


def quick_win_of(program):
    """The program's quick win or None (select_related already loaded it)."""
    try:
        return program.quick_win
    except QuickWin.DoesNotExist:
        return None


# Changes since the last review ----------------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class EntryChange:
    kind: str  # "added", "removed", "changed"
    model_label: str
    model_name: str
    object_id: int
    label: str
    at: object
    user: object
    fields: list = field(default_factory=list)  # FieldChange for "changed"; (label, value) for others

    @property
    def kind_label(self):
        return {"added": _("Ditambahkan"), "removed": _("Dihapus"), "changed": _("Diubah")}[self.kind]


def _tracked_fields(model, skip=SKIP_FIELDS):
    """(field, is_m2m) of the fields a reviewer sees, in declaration order."""
    fields = [(f, False) for f in model._meta.concrete_fields if f.name not in skip]
    fields += [(f, True) for f in model._meta.many_to_many]
    return fields


def _section_filters(section):
    """How to find each entry model's historical rows of this section (deleted ones included):
    a dict of lookups, or None when the section never had such a parent."""
    from django.db.models import Q

    program_ids = set(Program.history.filter(section_id=section.pk).order_by().values_list("id", flat=True).distinct())
    goal_ids = set(Goal.history.filter(section_id=section.pk).order_by().values_list("id", flat=True).distinct())
    own = Q(section_id=section.pk)
    filters = dict.fromkeys((ReadinessItem, GapItem, SwotEntry, Strategy, Goal, Program), own)
    filters[Indicator] = Q(program_id__in=program_ids) | Q(goal_id__in=goal_ids) if program_ids or goal_ids else None
    filters[RoadmapEntry] = Q(program_id__in=program_ids) if program_ids else None
    filters[QuickWin] = Q(program_id__in=program_ids) if program_ids else None
    indicator_ids = set()
    if filters[Indicator] is not None:
        indicator_ids = set(
            Indicator.history.filter(filters[Indicator]).order_by().values_list("id", flat=True).distinct()
        )
    filters[IndicatorTarget] = Q(indicator_id__in=indicator_ids) if indicator_ids else None
    return filters


def section_changes_since(section, since):
    """Entries added, removed and changed in the section after ``since`` (a datetime), comparing
    each entry's last historical version before ``since`` with its latest one. The old and new
    values are display strings, side by side. A fixed number of queries per entry model."""
    changes = []
    filters = _section_filters(section)
    labels = _LabelResolver()
    pending = []  # (model, entry id, old row or None, new row)
    for model in DIFF_MODELS:
        q = filters[model]
        if q is None:
            continue
        history = model.history.model
        after = list(
            history.objects.filter(q, history_date__gt=since)
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        if not after:
            continue
        latest = {}
        for row in after:
            latest[row.id] = row  # ordered by date: the last one wins
        before = {}
        for row in history.objects.filter(id__in=list(latest), history_date__lte=since).order_by(
            "id", "history_date", "history_id"
        ):
            before[row.id] = row  # the last one before ``since``
        for entry_id, new in latest.items():
            old = before.get(entry_id)
            if old is not None and old.history_type == "-":
                old = None  # deleted before the review: it did not exist then
            if old is None and new.history_type == "-":
                continue  # added and removed again since: nothing to show
            pending.append((model, entry_id, old, new))
    # Resolve every FK and M2M value shown in one query per related model.
    m2m_values = _m2m_snapshots(pending)
    for model, _entry_id, old, new in pending:
        for row in (old, new):
            if row is None:
                continue
            for f, is_m2m in _tracked_fields(model, BOOKKEEPING):
                if is_m2m:
                    for pk in m2m_values.get((model, f.name, row.history_id), ()):
                        labels.want(f.related_model, pk)
                elif f.is_relation:
                    labels.want(f.related_model, getattr(row, f.attname))
    labels.load()
    for model, entry_id, old, new in pending:

        def values(row):
            result = []
            for f, is_m2m in _tracked_fields(model, BOOKKEEPING):  # noqa: B023 - called in this iteration
                if is_m2m:
                    pks = m2m_values.get((model, f.name, row.history_id), ())  # noqa: B023
                    value = ", ".join(sorted(labels.get(f.related_model, pk) for pk in pks)) or "–"
                elif f.is_relation:
                    value = labels.get(f.related_model, getattr(row, f.attname))
                else:
                    value = _display(f, getattr(row, f.attname))
                result.append((str(f.verbose_name), value))
            return result

        meta = model._meta
        common = {
            "model_label": str(meta.verbose_name),
            "model_name": meta.model_name,
            "object_id": entry_id,
            "at": new.history_date,
            "user": new.history_user,
        }
        if old is None:
            changes.append(EntryChange("added", label=_row_label(model, new), fields=values(new), **common))
        elif new.history_type == "-":
            changes.append(EntryChange("removed", label=_row_label(model, old), fields=values(old), **common))
        else:
            diffs = [
                FieldChange(label, o, n)
                for (label, o), (_label, n) in zip(values(old), values(new), strict=True)
                if o != n
            ]
            if diffs:
                changes.append(EntryChange("changed", label=_row_label(model, new), fields=diffs, **common))
    order = {m._meta.model_name: i for i, m in enumerate(DIFF_MODELS)}
    changes.sort(key=lambda c: (order[c.model_name], c.at, c.object_id))
    return changes


def _m2m_snapshots(pending):
    """{(model, field name, history_id): set of related pks} for the rows in ``pending``."""
    ids_by_model = defaultdict(set)
    for model, _entry_id, old, new in pending:
        for row in (old, new):
            if row is not None:
                ids_by_model[model].add(row.history_id)
    result = {}
    for model, history_ids in ids_by_model.items():
        history = model.history.model
        for f in model._meta.many_to_many:
            m2m_history = history._meta.get_field(f"{history._meta.model_name}_{f.name}").related_model
            target = f.m2m_reverse_field_name()
            for hid in history_ids:
                result[(model, f.name, hid)] = set()
            for hid, pk in m2m_history.objects.filter(history_id__in=history_ids).values_list(
                "history_id", f"{target}_id"
            ):
                result[(model, f.name, hid)].add(pk)
    return result


def _display(f, value):
    if value is None or value == "":
        return "–"
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, Decimal):
        if f.name == "budget":
            return format_rupiah(value)
        return format_id_decimal(value)  # 40,5 and 1.250.000, as the workspace shows them
    return str(value)


def _row_label(model, row):
    """A historical row shown the way its entry is (its __str__ on the historical instance)."""
    try:
        return str(row.instance)[:200]
    except Exception:  # a __str__ that reaches for a relation that is gone
        return f"{model._meta.verbose_name} #{row.id}"


class _LabelResolver:
    """Collects (model, pk) pairs, then loads each model's labels in one query."""

    def __init__(self):
        self.wanted = defaultdict(set)
        self.loaded = {}

    def want(self, model, pk):
        if pk is not None:
            self.wanted[model].add(pk)

    def load(self):
        for model, pks in self.wanted.items():
            for obj in model._default_manager.filter(pk__in=pks):
                self.loaded[(model, obj.pk)] = str(obj)
            gone = [pk for pk in pks if (model, pk) not in self.loaded]
            if gone and hasattr(model, "history"):
                # Deleted since: named by their last historical version.
                for row in model.history.filter(id__in=gone).order_by("id", "history_date", "history_id"):
                    self.loaded[(model, row.id)] = _("%(label)s (dihapus)") % {"label": _row_label(model, row)}

    def get(self, model, pk):
        if pk is None:
            return "–"
        return self.loaded.get(
            (model, pk), _("%(model)s #%(pk)s (dihapus)") % {"model": model._meta.verbose_name, "pk": pk}
        )
