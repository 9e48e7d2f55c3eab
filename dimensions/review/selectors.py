"""Reads of the review: the queue, a section's entries and comments, its transition log, and what
changed since the last review (from django-simple-history's historical tables).

Every function runs a fixed number of queries, whatever the number of regions, sections or
entries."""

from collections import defaultdict
from collections.abc import Set
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BigIntegerField,
    Count,
    F,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from bimtek.models import Stage
from dimensions import history
from dimensions.kinds import KINDS, anchor_of
from dimensions.models import (
    GapItem,
    Goal,
    Indicator,
    IndicatorTarget,
    Program,
    ProgramFunding,
    QuickWin,
    ReadinessItem,
    RoadmapEntry,
    Section,
    Strategy,
    SwotEntry,
)
from masterplan import access, pagecache
from masterplan.models import User

from .models import ReviewComment, SectionTransition

# What a reviewer comments on: the entries of every kind and a program's road map steps.
COMMENTABLE = {m._meta.model_name: m for m in [*(kind.model for kind in KINDS.values()), RoadmapEntry]}
# What the "changes since the last review" compares: those, programs' funding splits and the
# indicators' yearly targets.
DIFF_MODELS = [*COMMENTABLE.values(), ProgramFunding, IndicatorTarget]


# Queue ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilters:
    """What the review queue is narrowed to; empty strings filter nothing. ``stage`` is the
    number of the next bimtek stage ("1".."4") or ``NO_STAGE``; ``agency`` a part of an agency's
    name or acronym."""

    region: str = ""
    stage: str = ""
    state: str = Section.State.SUBMITTED
    dimension: str = ""
    agency: str = ""


NO_STAGE = "none"


def _upcoming_stages(today: date, masterplan: OuterRef) -> QuerySet[Stage]:
    """The masterplan's bimtek stages from today on, the nearest first."""
    return Stage.objects.filter(masterplan=masterplan, start_date__gte=today).order_by("start_date", "number")


def _queue_sections(user: User | None, filters: QueueFilters, region_ids: list[int] | None = None) -> QuerySet[Section]:
    """The sections the queue lists, before the next stage is known (no ordering, no annotation):
    of the regions the user reviews, or of ``region_ids`` (already checked) when given."""
    regions = access.region_ids_where(user, access.REVIEW) if region_ids is None else region_ids
    qs = Section.objects.filter(masterplan__region_id__in=regions)
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.region:
        qs = qs.filter(masterplan__region__slug=filters.region)
    if filters.dimension:
        qs = qs.filter(dimension__code=filters.dimension)
    if filters.agency:
        qs = qs.filter(Q(agency__name__icontains=filters.agency) | Q(agency__acronym__icontains=filters.agency))
    return qs


def _stage_filter(filters: QueueFilters, field: str = "next_stage_number") -> Q:
    if filters.stage == NO_STAGE:
        return Q(**{f"{field}__isnull": True})
    if filters.stage:
        return Q(**{field: int(filters.stage)})
    return Q()


def review_queue(
    user: User | None,
    today: date | None = None,
    filters: QueueFilters | None = None,
    region_ids: list[int] | None = None,
) -> QuerySet[Section]:
    """The sections (submitted ones unless ``filters`` say another state) of every region the
    user reviews (or of ``region_ids``), the region with the nearest upcoming bimtek stage first
    (regions without one last), then the oldest submission first. The page reads it through
    ``ReviewQueue``.

    One query."""
    filters = filters or QueueFilters()
    today = today or timezone.localdate()
    upcoming = _upcoming_stages(today, OuterRef("masterplan"))
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
    qs = (
        _queue_sections(user, filters, region_ids)
        .select_related("masterplan__region", "agency", "dimension")
        .annotate(
            next_stage_date=Subquery(upcoming.values("start_date")[:1]),
            next_stage_number=Subquery(upcoming.values("number")[:1]),
            submitted_at=Subquery(submitted.values("at")[:1]),
            open_comment_count=Coalesce(Subquery(open_comments, output_field=IntegerField()), 0),
        )
        .filter(_stage_filter(filters))
    )
    return qs.order_by(
        F("next_stage_date").asc(nulls_last=True),
        "masterplan__region__name",
        F("submitted_at").asc(nulls_last=True),
        "pk",
    )


@dataclass(frozen=True)
class QueueEntry:
    """A section as the queue lists it (what ``review_queue`` annotates), plain values: cached per
    region (ReviewQueue)."""

    pk: int
    masterplan_id: int
    region: str  # its full name, "Kabupaten Garut"
    region_name: str  # the name the queue sorts by
    region_slug: str
    dimension: str
    agency: str
    state: str
    submitted_at: datetime | None
    open_comment_count: int
    next_stage_date: date | None
    next_stage_number: int | None

    @classmethod
    def of(cls, section: Section) -> "QueueEntry":
        region = section.masterplan.region
        return cls(
            pk=section.pk,
            masterplan_id=section.masterplan_id,
            region=str(region),
            region_name=region.name,
            region_slug=region.slug,
            dimension=section.dimension.name,
            agency=section.agency.name,
            state=section.state,
            submitted_at=section.submitted_at,
            open_comment_count=section.open_comment_count,
            next_stage_date=section.next_stage_date,
            next_stage_number=section.next_stage_number,
        )


# A masterplan as the queue orders it: (id, its region's name, its sections listed, next stage's
# start date and number, its region's id).
_PlanSummary = tuple[int, str, int, date | None, int | None, int]


class ReviewQueue:
    """``review_queue`` read one page at a time (a sequence for Django's ``Paginator``), as
    ``QueueEntry`` rows.

    Ordering every section of hundreds of regions by their next stage and submission time runs
    two subqueries per section; here the masterplans are ordered first (their sections counted,
    their next stages read), which gives the count, and only the sections of the masterplans a page
    covers are read, in ``review_queue``'s order.

    Filtered by state and stage only (the page as an expert opens it), both steps come from the
    page cache per region (masterplan.pagecache: a write in a region rebuilds only that region's
    part, the day is part of the key): a summary of each region's masterplans, then the entries
    of the regions the page covers. Filtered by region, dimension or agency, the database
    answers: three queries a page."""

    def __init__(self, user: User, filters: QueueFilters | None = None, today: date | None = None) -> None:
        self.user = user
        self.filters = filters or QueueFilters()
        self.today = today or timezone.localdate()
        self._groups: list[tuple[list[int], int]] | None = None
        self._by_plan: dict[int, _PlanSummary] = {}
        self._cached = not (self.filters.region or self.filters.dimension or self.filters.agency)
        self._vary = (self.today.isoformat(), self.filters.state or "all")

    def _summaries(self) -> list[_PlanSummary]:
        """Every masterplan of the user's regions with a section listed, by region name."""
        if not self._cached:
            return self._summaries_counted(None)
        regions = access.region_id_list_where(self.user, access.REVIEW)
        parts = pagecache.get_or_build_many(
            regions, "review-queue-plans", self._vary, self._built_summaries, whole=True
        )
        plans = [plan for part in parts.values() for plan in part]
        plans.sort(key=lambda plan: (plan[1], plan[0]))
        return plans

    def _built_summaries(self, region_ids: list[int]) -> dict[int, list[_PlanSummary]]:
        by_region: dict[int, list[_PlanSummary]] = {pk: [] for pk in region_ids}
        for plan in self._summaries_counted(region_ids):
            by_region[plan[5]].append(plan)
        return by_region

    def _summaries_counted(self, region_ids: list[int] | None) -> list[_PlanSummary]:
        """Two plain queries: the listed sections counted per masterplan (with its region's name),
        and the upcoming stages of those regions."""
        counts = (
            _queue_sections(self.user, self.filters, region_ids)
            .values_list("masterplan__region_id", "masterplan_id", "masterplan__region__name")
            .annotate(n=Count("pk"))
            .order_by("masterplan__region__name", "masterplan_id")  # the database's collation
        )
        regions = access.region_ids_where(self.user, access.REVIEW) if region_ids is None else region_ids
        stages = (
            Stage.objects.filter(masterplan__region_id__in=regions, start_date__gte=self.today)
            .order_by("-start_date", "-number")
            .values_list("masterplan_id", "start_date", "number")
        )
        nearest = {plan: (start, number) for plan, start, number in stages}  # the nearest last
        rows = []
        for region_id, plan, name, n in counts:
            start, number = nearest.get(plan, (None, None))
            rows.append((plan, name, n, start, number, region_id))
        return rows

    def groups(self) -> list[tuple[list[int], int]]:
        """[(masterplan ids, number of sections)] in the queue's order; masterplans that tie on
        (next stage, region name) form one group, as their sections interleave."""
        if self._groups is None:
            wanted = self.filters.stage
            rows = []
            for summary in self._summaries():
                plan, name, n, start, number, _region = summary
                if wanted == NO_STAGE and number is not None:
                    continue
                if wanted and wanted != NO_STAGE and number != int(wanted):
                    continue
                self._by_plan[plan] = summary
                rows.append((start, name, plan, n))
            rows.sort(key=lambda row: (row[0] is None, row[0] or self.today))  # stable: by name within a date
            self._groups = []
            last = None
            for next_date, name, pk, count in rows:
                if (next_date, name) != last:
                    self._groups.append(([], 0))
                    last = (next_date, name)
                ids, n = self._groups[-1]
                self._groups[-1] = ([*ids, pk], n + count)
        return self._groups

    def count(self) -> int:
        return sum(n for _ids, n in self.groups())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[QueueEntry]:
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("ReviewQueue is read by page (a slice)")
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        covered, before, seen = [], None, 0
        for ids, n in self.groups():
            if seen + n > start and seen < stop:
                covered += ids
                before = seen if before is None else before
            seen += n
        if not covered:
            return []
        return self._entries(covered)[start - before : stop - before]

    def _entries(self, plans: list[int]) -> list[QueueEntry]:
        """The listed sections of the masterplans given, in the queue's order."""
        if not self._cached:
            rows = review_queue(self.user, self.today, self.filters).filter(masterplan_id__in=plans)
            return [QueueEntry.of(section) for section in rows]
        wanted = set(plans)
        regions = [self._by_plan[plan][5] for plan in plans]
        parts = pagecache.get_or_build_many(regions, "review-queue-entries", self._vary, self._built_entries)
        entries = [e for part in parts.values() for e in part if e.masterplan_id in wanted]
        # review_queue's order: next stage (none last), region name, submission (none last), id.
        now = timezone.now()
        entries.sort(
            key=lambda e: (
                e.next_stage_date is None,
                e.next_stage_date or self.today,
                self._by_plan[e.masterplan_id][1],
                e.submitted_at is None,
                e.submitted_at or now,
                e.pk,
            )
        )
        return entries

    def _built_entries(self, region_ids: list[int]) -> dict[int, list[QueueEntry]]:
        by_region: dict[int, list[QueueEntry]] = {pk: [] for pk in region_ids}
        state_only = QueueFilters(state=self.filters.state)
        for section in review_queue(None, self.today, state_only, region_ids=region_ids):
            by_region[section.masterplan.region_id].append(QueueEntry.of(section))
        return by_region


def review_regions(user: User) -> list[tuple[str, str]]:
    """(slug, name) of the regions the user reviews, by name: the queue's region filter. One query."""
    return list(access.regions_where(user, access.REVIEW).order_by("name").values_list("slug", "name"))


# Comments -------------------------------------------------------------------------------------

# A thread's key: (content type id, object id) of the entry it is about; (None, None) for the section.
CommentKey = tuple[int | None, int | None]
SECTION_KEY: CommentKey = (None, None)


def _threads(section: Section, open_only: bool) -> QuerySet[ReviewComment]:
    qs = ReviewComment.objects.filter(section=section, parent__isnull=True)
    if open_only:
        qs = qs.filter(resolved_at__isnull=True)
    return qs.select_related("author", "resolved_by").prefetch_related(
        Prefetch("replies", queryset=ReviewComment.objects.select_related("author").order_by("created_at", "pk"))
    )


def open_comments_for_section(section: Section) -> dict[CommentKey, list[ReviewComment]]:
    """The open comment threads of a section, keyed by (content_type_id, object_id) of the entry
    they concern; comments on the section itself are under ``(None, None)``. Two queries."""
    return comments_for_section(section, open_only=True)


def comments_for_section(section: Section, open_only: bool = False) -> dict[CommentKey, list[ReviewComment]]:
    result = defaultdict(list)
    for thread in _threads(section, open_only):
        result[(thread.content_type_id, thread.object_id)].append(thread)
    return dict(result)


def comment_key(entry: Model | None) -> CommentKey:
    if entry is None:
        return SECTION_KEY
    return (ContentType.objects.get_for_model(entry).pk, entry.pk)


def orphan_threads(comments: dict[CommentKey, list[ReviewComment]], shown_keys: Set[CommentKey]) -> list[ReviewComment]:
    """Threads of entries not on the page any more (deleted entries), so no comment is lost."""
    return [t for key, threads in comments.items() if key != SECTION_KEY and key not in shown_keys for t in threads]


# Transition log -------------------------------------------------------------------------------


def last_review(section: Section, reviewer: User | None = None) -> SectionTransition | None:
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


# The conversation of a section ----------------------------------------------------------------


@dataclass(frozen=True)
class CommentedEntry:
    """The entry a comment is about, as the conversation links it."""

    label: str  # as it read when commented on
    anchor: str  # its row on the section page; "" when deleted since
    review_anchor: str  # its card on the review page; "" when deleted since


@dataclass(frozen=True)
class ConversationItem:
    """One thing said or done in a section's review, for the conversation thread."""

    TRANSITION = "transition"  # submitted, changes requested, approved, reopened: with its note
    COMMENT = "comment"  # a new comment thread of an expert
    ANSWER = "answer"  # an answer in a thread
    RESOLVED = "resolved"  # a thread marked resolved

    kind: str
    at: datetime
    actor: User | None
    text: str = ""  # the note, the comment or the answer
    transition: SectionTransition | None = None
    thread: ReviewComment | None = None  # the comment; for an answer or a resolution, its thread
    entry: CommentedEntry | None = None  # None: about the section itself


def _existing_entries(keys: Set[CommentKey]) -> dict[CommentKey, int | None]:
    """Which commented entries still exist: key -> the program of a road map year (its row on the
    section page is its program's), else None. One query (a UNION over the entry models)."""
    ids = defaultdict(set)
    for ct_id, object_id in keys:
        ids[ct_id].add(object_id)
    commentable = set(COMMENTABLE.values())
    parts = []
    for ct_id, object_ids in sorted(ids.items()):
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model not in commentable:
            continue
        # A typed NULL: PostgreSQL reads a bare NULL as text and refuses to UNION it with bigint.
        program = F("program_id") if model is RoadmapEntry else Cast(Value(None), output_field=BigIntegerField())
        parts.append(
            model._default_manager.filter(pk__in=object_ids)
            .order_by()
            .annotate(commented_ct=Value(ct_id, output_field=IntegerField()), parent_program=program)
            .values_list("commented_ct", "pk", "parent_program")
        )
    if not parts:
        return {}
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return {(ct_id, pk): program for ct_id, pk, program in rows}


def section_conversation(section: Section) -> list[ConversationItem]:
    """Everything said in the review of a section, oldest first, in one thread: its state
    transitions with their notes (who, when, what), the comments with the entry each is about,
    the answers, and the resolutions of threads. Three queries at most, whatever their number."""
    transitions = SectionTransition.objects.filter(section=section).select_related("actor").order_by("at", "pk")
    comments = list(
        ReviewComment.objects.filter(section=section)
        .select_related("author", "resolved_by")
        .order_by("created_at", "pk")
    )
    keys = {(c.content_type_id, c.object_id) for c in comments if c.content_type_id is not None}
    existing = _existing_entries(keys)
    entries = {}
    for c in comments:
        key = (c.content_type_id, c.object_id)
        if c.content_type_id is None or key in entries:
            continue
        model = ContentType.objects.get_for_id(c.content_type_id).model_class()
        alive = key in existing
        entries[key] = CommentedEntry(
            label=c.entry_label,
            anchor=anchor_of(model, c.object_id, existing.get(key)) if alive else "",
            review_anchor=f"butir-{model._meta.model_name}-{c.object_id}" if alive else "",
        )
    items = [ConversationItem(ConversationItem.TRANSITION, t.at, t.actor, t.note, transition=t) for t in transitions]
    threads = {c.pk: c for c in comments if c.parent_id is None}
    for c in comments:
        entry = entries.get((c.content_type_id, c.object_id))
        if c.parent_id is None:
            items.append(
                ConversationItem(ConversationItem.COMMENT, c.created_at, c.author, c.text, thread=c, entry=entry)
            )
            if c.resolved_at is not None:
                items.append(
                    ConversationItem(ConversationItem.RESOLVED, c.resolved_at, c.resolved_by, thread=c, entry=entry)
                )
        else:
            thread = threads.get(c.parent_id)
            items.append(
                ConversationItem(ConversationItem.ANSWER, c.created_at, c.author, c.text, thread=thread, entry=entry)
            )
    # Stable: at the same moment, the order above, except that an answer comes before the
    # resolution it was posted with (one step, one clock reading or two very close ones).
    items.sort(key=lambda item: (item.at, item.kind == ConversationItem.RESOLVED))
    return items


# Entries of a section -------------------------------------------------------------------------


def section_entries(section: Section) -> dict[str, list[Model]]:
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
            .prefetch_related(
                "partner_agencies",
                Prefetch("funding", queryset=ProgramFunding.objects.select_related("funding_source")),
                "strategies",
                "roadmap",
                indicators,
            )
        ),
    }
    for program in entries["programs"]:
        program.review_quick_win = quick_win_of(program)
    return entries


def entry_keys(entries: dict[str, list[Model]]) -> set[CommentKey]:
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


def quick_win_of(program: Program) -> QuickWin | None:
    """The program's quick win or None (select_related already loaded it)."""
    try:
        return program.quick_win
    except QuickWin.DoesNotExist:
        return None


# Shown on the page already: an entry's card sits under its goal, program or indicator.
PARENTS = frozenset({"goal", "program", "indicator"})


def entry_fields(entry: Model) -> list[tuple[str, str]]:
    """(label, display value) of the fields of an entry's card that are not empty, relations
    already loaded."""
    result = []
    for f in history.shown_fields(type(entry), history.HIDDEN_FIELDS | PARENTS):
        value = list(getattr(entry, f.name).all()) if f.many_to_many else getattr(entry, f.name)
        text = history.value_display(f, value)
        if text != history.EMPTY:
            result.append((f.verbose_name, text))
    return result


# Changes since the last review ----------------------------------------------------------------


def _section_filters(section: Section) -> dict[type[Model], Q | None]:
    """How to find each entry model's historical rows of this section (deleted ones included):
    a lookup, or None when the section never had such a parent."""
    program_ids = set(Program.history.filter(section_id=section.pk).order_by().values_list("id", flat=True).distinct())
    goal_ids = set(Goal.history.filter(section_id=section.pk).order_by().values_list("id", flat=True).distinct())
    own = Q(section_id=section.pk)
    filters = {kind.model: own for kind in KINDS.values() if not kind.parents}
    filters[Indicator] = Q(program_id__in=program_ids) | Q(goal_id__in=goal_ids) if program_ids or goal_ids else None
    filters[RoadmapEntry] = Q(program_id__in=program_ids) if program_ids else None
    filters[ProgramFunding] = Q(program_id__in=program_ids) if program_ids else None
    filters[QuickWin] = Q(program_id__in=program_ids) if program_ids else None
    indicator_ids = set()
    if filters[Indicator] is not None:
        indicator_ids = set(
            Indicator.history.filter(filters[Indicator]).order_by().values_list("id", flat=True).distinct()
        )
    filters[IndicatorTarget] = Q(indicator_id__in=indicator_ids) if indicator_ids else None
    return filters


def section_changes_since(section: Section, since: datetime) -> list[history.EntryChange]:
    """Entries added, removed and changed in the section after ``since``, comparing each entry's
    last historical version before ``since`` with its latest one (dimensions.history shows the
    old and new values side by side). A fixed number of queries per entry model."""
    filters = _section_filters(section)
    pairs = []  # (old version or None, new version)
    for model in DIFF_MODELS:
        q = filters[model]
        if q is None:
            continue
        records = model.history.model.objects
        after = list(
            records.filter(q, history_date__gt=since)
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        if not after:
            continue
        latest = {}
        for row in after:
            latest[row.id] = row  # ordered by date: the last one wins
        before = {}
        for row in records.filter(id__in=list(latest), history_date__lte=since).order_by(
            "id", "history_date", "history_id"
        ):
            before[row.id] = row  # the last one before ``since``
        for entry_id, new in latest.items():
            old = before.get(entry_id)
            if old is not None and old.history_type == "-":
                old = None  # deleted before the review: it did not exist then
            if old is None and new.history_type == "-":
                continue  # added and removed again since: nothing to show
            pairs.append((old, new))
    changes = history.compare(pairs)
    order = {m._meta.model_name: i for i, m in enumerate(DIFF_MODELS)}
    changes.sort(key=lambda c: (order[c.model_name], c.at, c.object_id))
    return changes
