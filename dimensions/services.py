"""Every write of an entry goes through here: create, update, delete, restore.

Each function runs in one transaction, checks that the user may write in the section
(masterplan.access) and that the section's review state allows it (``Section.is_editable``), and
announces the change (``signals.section_entries_changed``: the review puts an approved section
back to draft).

Nothing is lost:
- updates use optimistic locking: ``UPDATE ... SET version = n + 1 WHERE version = n``; when no
  row matches, someone saved in between and ``StaleEntry`` carries their current copy;
- a delete records, through django-simple-history, the entry and everything deleted with it
  (sub-rows, indicators, quick win) under one token, so ``entry_restore`` brings all of it back,
  with its many-to-many links.
"""

import uuid
from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, ManyToManyField, Max, Model
from django.http import Http404
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from dimensions import rules
from dimensions.forms import EntryForm
from dimensions.kinds import KINDS, Kind, kind_for_model, kind_of
from dimensions.models import (
    CASCADE_PREFIX,
    DELETE_PREFIX,
    Dimension,
    Entry,
    IndicatorTarget,
    Program,
    Section,
)
from dimensions.selectors import section_entry_counts
from dimensions.signals import section_entries_changed
from masterplan import access
from masterplan.models import Agency, Masterplan, User


class SectionLocked(PermissionDenied):
    """The section is under review (submitted): its entries cannot be written now."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message or _("Bagian ini sedang ditinjau tenaga ahli; butirnya terkunci sampai ada keputusan.")
        )


class StaleEntry(Exception):
    """Someone saved the entry after this form was opened. ``current`` is their copy (None when
    they deleted it)."""

    def __init__(self, current: Model | None) -> None:
        super().__init__("stale entry")
        self.current = current


class RestoreError(ValidationError):
    """A deleted entry that cannot be brought back now (its parent is gone, or it exists)."""


def _writable(user: User, section: Section) -> Section:
    """Check rights and review state, holding the section row until the transaction ends (so a
    submit cannot slip between the check and the write)."""
    access.require(user, access.EDIT_SECTION, section)
    locked = Section.objects.select_for_update().only("pk", "state").get(pk=section.pk)
    section.state = locked.state
    if not section.is_editable:
        raise SectionLocked()
    return section


def _changed(section: Section, user: User) -> None:
    section_entries_changed.send(sender=Section, section=section, user=user)


def entry_changed_in_admin(row: Model, user: User) -> None:
    """An entry, or a row of one (a road map year, a funding share, a target), was written or
    deleted in the admin: the same consequence as in the app (an approved section reopens)."""
    while kind_for_model(type(row)) is None:  # a row of an entry: climb to the entry
        row = row.indicator if isinstance(row, IndicatorTarget) else row.program
    section = Section.objects.get(pk=kind_for_model(type(row)).section_id_of(row))
    _changed(section, user)


def _in_section(kind: Kind, section: Section, pk: int) -> None:
    if not kind.in_section(section).filter(pk=pk).exists():
        raise Http404


def entry_create(section: Section, form: EntryForm, user: User) -> Model:
    """Save a new entry from a valid form (its instance already knows its section or parent)."""
    kind = kind_of(form.instance)
    with transaction.atomic():
        _writable(user, section)
        obj = form.save(commit=False)
        if isinstance(obj, Entry):
            obj.section = section
            obj.created_by = user
        obj.version = 1
        obj._history_user = user
        obj.save()
        form.save_m2m()
        form.save_formsets()
        # The parent (goal/program) or the chosen program must be of this section.
        _in_section(kind, section, obj.pk)
        _changed(section, user)
    return obj


def entry_update(section: Section, entry: Model, form: EntryForm, user: User) -> Model:
    """Save a valid form over an entry, refusing a stale copy (``StaleEntry``)."""
    kind = kind_of(entry)
    expected = form.sent_version
    with transaction.atomic():
        _writable(user, section)
        _in_section(kind, section, entry.pk)
        model = type(entry)
        matched = (
            model.objects.filter(pk=entry.pk, version=expected).update(version=F("version") + 1) if expected else 0
        )
        if not matched:
            raise StaleEntry(model.objects.filter(pk=entry.pk).first())
        obj = form.save(commit=False)
        obj.version = expected + 1
        obj._history_user = user
        obj.save()
        form.save_m2m()
        form.save_formsets()
        _in_section(kind, section, obj.pk)  # a quick win may not move to another section's program
        _changed(section, user)
    return obj


def entry_delete(section: Section, entry: Model, user: User) -> str:
    """Delete an entry and what hangs on it, recording one token so all of it can be restored."""
    kind = kind_of(entry)
    with transaction.atomic():
        _writable(user, section)
        _in_section(kind, section, entry.pk)
        token = uuid.uuid4().hex[:16]
        for child in kind.cascade_rows(entry):
            child._change_reason = CASCADE_PREFIX + token
            child._history_user = user
            child.delete()
        pk = entry.pk
        entry._change_reason = DELETE_PREFIX + token
        entry._history_user = user
        entry.delete()
        entry.pk = pk  # callers still name it (the "restore" button)
        _changed(section, user)
    return token


# Restore ---------------------------------------------------------------------------------------


def deletion_record(kind: Kind, section: Section, pk: int) -> Model:
    """The latest deletion record of an entry of this section, or 404."""
    record = (
        kind.model.history.filter(id=pk, history_type="-")
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if record is None or _record_section_id(kind, record) != section.pk:
        raise Http404
    return record


def _record_section_id(kind: Kind, record: Model) -> int | None:
    """The section a historical record belonged to, following deleted parents through history."""
    parent_kind, parent_id = kind.parent_of(record)
    if parent_kind is None:
        return record.section_id
    return _section_id_of(parent_kind.model, parent_id)


def _section_id_of(model: type[Model], pk: int) -> int | None:
    row = model.objects.filter(pk=pk).values_list("section_id", flat=True).first()
    if row is None:
        last = model.history.filter(id=pk).order_by("-history_date", "-history_id").first()
        row = last.section_id if last else None
    return row


def _m2m_fields(model: type[Model]) -> list[ManyToManyField]:
    return [f for f in model._meta.many_to_many if f in HistoricalRecords.m2m_models]


def _restore_m2m(obj: Model, before: Model | None) -> None:
    """Give a restored object the many-to-many links of its last record before deletion, keeping
    only targets that still exist."""
    if before is None:
        return
    for field in _m2m_fields(type(obj)):
        target_attr = field.m2m_reverse_field_name() + "_id"
        ids = [getattr(row, target_attr) for row in getattr(before, field.name).all()]
        existing = field.related_model.objects.filter(pk__in=ids)
        if field.name == "strategies":
            existing = existing.filter(section_id=obj.section_id)
        getattr(obj, field.name).set(existing)


def _relink_reverse(obj: Model, user: User, deleted_at: datetime) -> None:
    """Put a restored SWOT entry back into the strategies (a restored strategy back into the
    programs) that listed it when it was deleted: their last saved state before the deletion
    (deletion records excluded: their links are already gone)."""
    for owner_kind in KINDS.values():
        for field in owner_kind.model._meta.many_to_many:
            if field.related_model is type(obj) and field in HistoricalRecords.m2m_models:
                _relink(obj, user, deleted_at, owner_kind.model, field)


def _relink(obj: Model, user: User, deleted_at: datetime, owner_model: type[Model], field: ManyToManyField) -> None:
    field_name = field.name
    m2m_history = HistoricalRecords.m2m_models[field]
    owner_attr = field.m2m_field_name() + "_id"
    target_attr = field.m2m_reverse_field_name() + "_id"
    rows = m2m_history.objects.filter(**{target_attr: obj.pk}).values_list("history_id", owner_attr)
    listed_in = {}
    for history_id, owner_id in rows:
        listed_in.setdefault(owner_id, set()).add(history_id)
    if not listed_in:
        return
    latest = dict(
        owner_model.history.filter(id__in=list(listed_in), history_date__lte=deleted_at)
        .exclude(history_type="-")
        .values("id")
        .annotate(m=Max("history_id"))
        .values_list("id", "m")
    )
    for owner in owner_model.objects.filter(pk__in=[oid for oid, hid in latest.items() if hid in listed_in[oid]]):
        owner._history_user = user
        getattr(owner, field_name).add(obj)
        owner_model.objects.filter(pk=owner.pk).update(version=F("version") + 1)


def _bring_back(record: Model, user: User, version: int | None = None) -> Model:
    obj = record.instance
    if version is not None:
        obj.version = version
    obj._history_user = user
    obj.save(force_insert=True)
    return obj


def entry_restore(section: Section, kind_code: str, pk: int, user: User) -> Model:
    """Bring a deleted entry of the section back, with its sub-rows, indicators, quick win and
    links, as it was when deleted. Returns the restored entry."""
    kind = KINDS[kind_code]
    model = kind.model
    with transaction.atomic():
        _writable(user, section)
        if kind.in_section(section).filter(pk=pk).exists():
            raise RestoreError(_("Butir ini tidak sedang terhapus."), code="exists")
        record = deletion_record(kind, section, pk)  # 404 unless deleted from this section
        if model.objects.filter(pk=pk).exists():
            raise RestoreError(_("Butir ini tidak sedang terhapus."), code="exists")
        parent_kind, parent_id = kind.parent_of(record)
        if parent_kind is not None:
            if not parent_kind.model.objects.filter(pk=parent_id).exists():
                raise RestoreError(kind.parent_gone, code="parent")
            link = model._meta.get_field(parent_kind.code)
            if link.one_to_one and model.objects.filter(**{link.attname: parent_id}).exists():
                raise RestoreError(kind.parent_taken, code="taken")
        before = record.prev_record
        obj = _bring_back(record, user, version=(record.version or 0) + 1)
        _restore_m2m(obj, before)
        reason = record.history_change_reason or ""
        if reason.startswith(DELETE_PREFIX):
            cascade = CASCADE_PREFIX + reason[len(DELETE_PREFIX) :]
            # Parents before children: indicators, then their targets, road map, quick win.
            for child_model in kind.cascade_models():
                for child in child_model.history.filter(history_type="-", history_change_reason=cascade).order_by(
                    "history_id"
                ):
                    if not child_model.objects.filter(pk=child.id).exists():
                        _bring_back(child, user)
        _relink_reverse(obj, user, record.history_date)
        _changed(section, user)
    return obj


# Budgets ---------------------------------------------------------------------------------------


def program_budget_sync(program: Program) -> None:
    """Set a program's total from the yearly amounts of its road map (dimensions.rules: the total
    is the sum of the parts) after they were written elsewhere than the program form, which sets it
    itself: the admin's inlines."""
    total = rules.amounts_total(program.roadmap.values_list("amount", flat=True))
    if program.budget != total:
        program.budget = total
        program.save(update_fields=["budget", "updated_at"])


# Assignments: which dimensions an agency works on -----------------------------------------


@transaction.atomic
def agency_dimensions_set(
    agency: Agency, masterplan: Masterplan, dimensions: Iterable[Dimension]
) -> tuple[list[Dimension], list[Dimension]]:
    """Make the agency's sections in the masterplan exactly ``dimensions``: create the missing
    sections and delete the unticked ones. A section that already has entries is never deleted
    (the agency's written work would go with it): the whole change is refused with the names.

    Returns (added dimensions, removed dimensions)."""
    if agency.region_id != masterplan.region_id:
        raise ValueError("agency and masterplan of different regions")
    wanted = {d.pk: d for d in dimensions}
    current = {
        s.dimension_id: s
        for s in Section.objects.filter(masterplan=masterplan, agency=agency).select_related("dimension")
    }
    to_remove = [s for dim_id, s in current.items() if dim_id not in wanted]
    counts = section_entry_counts(s.pk for s in to_remove)
    blocked = [s for s in to_remove if counts.get(s.pk)]
    if blocked:
        names = ", ".join(
            _("%(dimension)s (%(n)s isian)") % {"dimension": s.dimension, "n": counts[s.pk]} for s in blocked
        )
        raise ValidationError(
            {
                "dimensions": _(
                    "Dimensi berikut sudah berisi isian sehingga tidak dapat dilepas: %(names)s. "
                    "Hapus atau pindahkan isiannya dulu."
                )
                % {"names": names}
            }
        )
    added = []
    for dim_id, dimension in wanted.items():
        if dim_id not in current:
            Section.objects.create(masterplan=masterplan, agency=agency, dimension=dimension)
            added.append(dimension)
    removed = [s.dimension for s in to_remove]
    Section.objects.filter(pk__in=[s.pk for s in to_remove]).delete()
    return added, removed
