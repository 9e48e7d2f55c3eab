"""The history of entries, read from django-simple-history's historical tables: one entry's changes
(the entry history page), the entries deleted from a section (the section history page), and the
comparison of two versions of entries that the review's "changes since the last review" shows.

One diff (simple-history's ``diff_against``), one list of bookkeeping fields hidden from it, one
way of turning a value into display text (``value_display``, also used by the stale-save conflict
view). Every function runs a fixed number of queries whatever the number of entries or versions:
the labels of related objects and the many-to-many rows are loaded in batch (``Versions``).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Field, Model, QuerySet
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from dimensions.kinds import KINDS, Kind
from dimensions.models import CASCADE_PREFIX, FundingSource, ProgramFunding, Section
from masterplan.formats import format_id_decimal, format_rupiah

# Bookkeeping fields: no change a reader or a reviewer cares about (the section never changes).
HIDDEN_FIELDS = frozenset({"id", "version", "created_at", "updated_at", "created_by", "section"})
# Amounts in rupiah (the fields declared with models.MONEY).
MONEY_FIELDS = frozenset({"budget", "amount"})
EMPTY = "–"


# Display ---------------------------------------------------------------------------------------


def value_display(model_field: Field, value: Any) -> str:
    """A value of a model field as text, the way the pages show it: a choice by its label, a related
    object by its str (or a label already resolved), many related objects comma-joined in the
    order given, money in rupiah, other decimals the Indonesian way (1.250.000, 40,5), an empty
    value as a dash."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, list | tuple | QuerySet):
        return ", ".join(str(v) for v in value) or EMPTY
    if isinstance(value, Model):
        return str(value)
    if model_field.choices and not model_field.is_relation:
        labels = {str(key): label for key, label in model_field.flatchoices}
        return str(labels.get(str(value), value))
    if isinstance(value, Decimal | float):
        if model_field.name in MONEY_FIELDS:
            return format_rupiah(value)
        return format_id_decimal(value)
    return str(value)


def record_label(record: Model, labels: "Labels | None" = None) -> str:
    """A historical record named the way its entry is (the __str__ of the historical instance);
    ``labels`` already loaded name its funding source without a query."""
    try:
        instance = record.instance
        if isinstance(instance, ProgramFunding) and labels is not None:
            return f"{labels.get(FundingSource, instance.funding_source_id)}: {format_rupiah(instance.amount)}"
        return str(instance)[:200]
    except Exception:  # a __str__ that reaches for a relation that is gone
        return f"{record.instance_type._meta.verbose_name} #{record.id}"


def shown_fields(model: type[Model], hidden: frozenset[str] = HIDDEN_FIELDS) -> list[Field]:
    """The fields of an entry model a reader sees, in declaration order: the fields simple-history
    tracks without the bookkeeping ones, then the many-to-many fields it tracks (registered with
    ``HistoricalRecords(m2m_fields=...)``)."""
    history = model.history.model
    m2m = set(history._history_m2m_fields)
    concrete = [f for f in history.tracked_fields if f.editable and f.name not in hidden]
    return concrete + [f for f in model._meta.many_to_many if f in m2m and f.name not in hidden]


class Labels:
    """The labels of related objects: collect (model, pk) pairs, then load each model's in one
    query. Objects deleted since are named by their last historical version."""

    def __init__(self) -> None:
        self.wanted: dict[type[Model], set] = defaultdict(set)
        self.loaded: dict[tuple[type[Model], Any], str] = {}

    def want(self, model: type[Model], pk: Any) -> None:
        if pk is not None:
            self.wanted[model].add(pk)

    def load(self) -> None:
        for model, pks in self.wanted.items():
            for obj in model._default_manager.filter(pk__in=pks):
                self.loaded[(model, obj.pk)] = str(obj)
            gone = [pk for pk in pks if (model, pk) not in self.loaded]
            if gone and hasattr(model, "history"):
                for row in model.history.filter(id__in=gone).order_by("id", "history_date", "history_id"):
                    self.loaded[(model, row.id)] = _("%(label)s (dihapus)") % {"label": record_label(row)}

    def get(self, model: type[Model], pk: Any) -> str | None:
        if pk is None:
            return None
        return self.loaded.get(
            (model, pk), _("%(model)s #%(pk)s (dihapus)") % {"model": model._meta.verbose_name, "pk": pk}
        )


# Diff ------------------------------------------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


class Versions:
    """Historical records of entries (of any entry models) with what showing them needs, loaded
    once for all of them: the many-to-many rows of each record (one query per many-to-many field)
    and the labels of the related objects (one query per related model). Then ``values`` shows one
    version and ``changes`` compares two, without further queries."""

    def __init__(self, records: Iterable[Model | None]) -> None:
        records = [r for r in records if r is not None]
        self.m2m = _m2m_rows(records)
        self.labels = Labels()
        for record in records:
            for f in shown_fields(record.instance_type):
                if f.many_to_many:
                    for pk in self._m2m_pks(record, f):
                        self.labels.want(f.related_model, pk)
                elif f.is_relation:
                    self.labels.want(f.related_model, getattr(record, f.attname))
        self.labels.load()

    def _m2m_pks(self, record: Model, f: Field) -> frozenset:
        return self.m2m.get((record.instance_type, f.name, record.history_id), frozenset())

    def value(self, record: Model, f: Field) -> str:
        if f.many_to_many:  # from a set of pks: in alphabetical order
            return value_display(f, sorted(self.labels.get(f.related_model, pk) for pk in self._m2m_pks(record, f)))
        if f.is_relation:
            return value_display(f, self.labels.get(f.related_model, getattr(record, f.attname)))
        return value_display(f, getattr(record, f.attname))

    def values(self, record: Model) -> list[tuple[str, str]]:
        """(label, value) of every field shown, for an entry added or removed."""
        return [(str(f.verbose_name), self.value(record, f)) for f in shown_fields(record.instance_type)]

    def changes(self, old: Model, new: Model) -> list[FieldChange]:
        """The fields shown that differ between two versions of one entry, in declaration order."""
        fields = shown_fields(new.instance_type)
        # Many-to-many fields are compared on the rows loaded above: diff_against would query them
        # for every pair of versions.
        delta = new.diff_against(old, included_fields=[f.name for f in fields if not f.many_to_many])
        changed = set(delta.changed_fields)
        return [
            FieldChange(str(f.verbose_name), self.value(old, f), self.value(new, f))
            for f in fields
            if (self._m2m_pks(old, f) != self._m2m_pks(new, f) if f.many_to_many else f.name in changed)
        ]


def _m2m_rows(records: list[Model]) -> dict[tuple[type[Model], str, int], frozenset]:
    """{(entry model, field name, history_id): pks of the related objects} for the records."""
    ids_by_model = defaultdict(set)
    for record in records:
        ids_by_model[record.instance_type].add(record.history_id)
    result = {}
    for model, history_ids in ids_by_model.items():
        for f in shown_fields(model):
            if not f.many_to_many:
                continue
            rows = defaultdict(set)
            target = f"{f.m2m_reverse_field_name()}_id"
            m2m_history = HistoricalRecords.m2m_models[f]
            for history_id, pk in m2m_history.objects.filter(history_id__in=history_ids).values_list(
                "history_id", target
            ):
                rows[history_id].add(pk)
            for history_id in history_ids:
                result[(model, f.name, history_id)] = frozenset(rows[history_id])
    return result


@dataclass
class EntryChange:
    """One entry added, removed or changed between two versions."""

    kind: str  # "added", "removed", "changed"
    model_label: str
    model_name: str
    object_id: int
    label: str
    at: datetime
    user: Model | None
    fields: list = field(default_factory=list)  # FieldChange for "changed"; (label, value) for others

    @property
    def kind_label(self) -> str:
        return {"added": _("Ditambahkan"), "removed": _("Dihapus"), "changed": _("Diubah")}[self.kind]


def compare(pairs: Iterable[tuple[Model | None, Model]]) -> list[EntryChange]:
    """What happened to each entry from its old version (None: it did not exist) to its new one (a
    deletion record: it is gone), in the order of ``pairs``; changes to no shown field are left
    out."""
    pairs = list(pairs)
    versions = Versions(row for pair in pairs for row in pair)
    changes = []
    for old, new in pairs:
        meta = new.instance_type._meta
        common = {
            "model_label": str(meta.verbose_name),
            "model_name": meta.model_name,
            "object_id": new.id,
            "at": new.history_date,
            "user": new.history_user,
        }
        if old is None:
            label = record_label(new, versions.labels)
            changes.append(EntryChange("added", label=label, fields=versions.values(new), **common))
        elif new.history_type == "-":
            label = record_label(old, versions.labels)
            changes.append(EntryChange("removed", label=label, fields=versions.values(old), **common))
        else:
            fields = versions.changes(old, new)
            if fields:
                label = record_label(new, versions.labels)
                changes.append(EntryChange("changed", label=label, fields=fields, **common))
    return changes


# The history pages -----------------------------------------------------------------------------


@dataclass
class Revision:
    record: Model
    changes: list[FieldChange]


def entry_changes(kind: Kind, pk: int) -> list[Revision]:
    """The history of one entry, newest first: who, when, what kind of change (the record) and,
    for changes, each field's old and new value."""
    records = list(
        kind.model.history.filter(id=pk).select_related("history_user").order_by("history_date", "history_id")
    )
    versions = Versions(records)
    result = []
    previous = None
    for record in records:
        changes = versions.changes(previous, record) if previous is not None and record.history_type == "~" else []
        result.append(Revision(record, changes))
        previous = record
    result.reverse()
    return result


def deleted_entries(section: Section) -> list[dict]:
    """Entries of the section deleted and not restored, newest first: one row per entry with who
    deleted it and when. Entries deleted together with their parent come back with the parent
    and are not listed on their own. One query per kind."""
    rows = []
    for kind in KINDS.values():
        model = kind.model
        records = (
            model.history.filter(kind.history_in_section(section), history_type="-")
            .exclude(history_change_reason__startswith=CASCADE_PREFIX)
            .exclude(id__in=model.objects.values("pk"))
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )
        seen = set()
        for record in records:
            if record.id in seen:
                continue
            seen.add(record.id)
            rows.append({"kind": kind, "pk": record.id, "label": str(record.instance), "record": record})
    rows.sort(key=lambda r: r["record"].history_date, reverse=True)
    return rows
