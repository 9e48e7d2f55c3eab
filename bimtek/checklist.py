"""What each bimtek stage must deliver, checked against the data.

``stage_checklist(masterplan, number)`` returns the stage's items: a label, whether it is done, a
short detail (how many, or what is missing) and a link to the page where the missing part is
written. Every stage's list is computed in a fixed number of queries, whatever the number of
agencies or entries.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dimensions.models import (
    Dimension,
    Horizon,
    Program,
    QuickWin,
    ReadinessComponent,
    ReadinessItem,
    RoadmapEntry,
    Section,
    Strategy,
    SwotEntry,
)
from masterplan.models import Document

from .links import dimension_url, masterplan_edit_url, section_url


@dataclass
class ChecklistItem:
    label: str
    done: bool
    detail: str = ""
    url: str = ""
    group: str = ""


def checklist_complete(items):
    return bool(items) and all(item.done for item in items)


def checklist_groups(items):
    """Items grouped for display: a list of (group, items) in the order they came."""
    groups = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    return list(groups.items())


def _entries(n):
    return ngettext("%(n)d butir", "%(n)d butir", n) % {"n": n}


def _per_dimension(model, masterplan, **filters):
    """Counts of a section-owned model per dimension id (one query)."""
    rows = (
        model.objects.filter(section__masterplan=masterplan, **filters)
        .values("section__dimension_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["section__dimension_id"]: row["n"] for row in rows}


def _stage_one(masterplan, slug, dimensions):
    items = []
    group = _("Analisis kesiapan")
    rows = (
        ReadinessItem.objects.filter(section__masterplan=masterplan)
        .values("component")
        .annotate(n=Count("pk"))
        .order_by()
    )
    readiness = {row["component"]: row["n"] for row in rows}
    for component in ReadinessComponent:
        n = readiness.get(component.value, 0)
        items.append(
            ChecklistItem(
                label=_("Kesiapan komponen %(c)s") % {"c": component.label},
                done=n > 0,
                detail=_entries(n) if n else _("Belum ada butir kesiapan komponen ini."),
                url=reverse("dimension_index", args=[slug]),
                group=group,
            )
        )
    rows = (
        SwotEntry.objects.filter(section__masterplan=masterplan)
        .values("section__dimension_id", "quadrant")
        .annotate(n=Count("pk"))
        .order_by()
    )
    swot = {(row["section__dimension_id"], row["quadrant"]): row["n"] for row in rows}
    for dim in dimensions:
        for quadrant in SwotEntry.Quadrant:
            n = swot.get((dim.pk, quadrant.value), 0)
            items.append(
                ChecklistItem(
                    label=_("SWOT %(d)s: %(q)s") % {"d": dim.name, "q": quadrant.label},
                    done=n > 0,
                    detail=_entries(n) if n else _("%(q)s belum ada.") % {"q": quadrant.label},
                    url=dimension_url(slug, dim.code),
                    group=_("SWOT %(d)s") % {"d": dim.name},
                )
            )
    return items


def _vision_mission(masterplan, slug):
    group = _("Visi dan misi")
    url = masterplan_edit_url(slug)
    missions = masterplan.missions
    return [
        ChecklistItem(
            label=_("Visi"),
            done=bool(masterplan.vision.strip()),
            detail=_("Sudah dirumuskan.") if masterplan.vision.strip() else _("Visi belum diisi."),
            url=url,
            group=group,
        ),
        ChecklistItem(
            label=_("Misi"),
            done=bool(missions),
            detail=(ngettext("%(n)d misi", "%(n)d misi", len(missions)) % {"n": len(missions)})
            if missions
            else _("Misi belum diisi."),
            url=url,
            group=group,
        ),
    ]


def _stage_two(masterplan, slug, dimensions):
    items = _vision_mission(masterplan, slug)
    programs = _per_dimension(Program, masterplan)
    rows = (
        QuickWin.objects.filter(program__section__masterplan=masterplan)
        .values("program__section__dimension_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    quick_wins = {row["program__section__dimension_id"]: row["n"] for row in rows}
    for dim in dimensions:
        group = dim.name
        url = dimension_url(slug, dim.code)
        n = programs.get(dim.pk, 0)
        items.append(
            ChecklistItem(
                label=_("Program %(d)s") % {"d": dim.name},
                done=n > 0,
                detail=(ngettext("%(n)d program", "%(n)d program", n) % {"n": n}) if n else _("Belum ada program."),
                url=url,
                group=group,
            )
        )
        n = quick_wins.get(dim.pk, 0)
        items.append(
            ChecklistItem(
                label=_("Kandidat quick win %(d)s") % {"d": dim.name},
                done=n > 0,
                detail=(ngettext("%(n)d quick win", "%(n)d quick win", n) % {"n": n})
                if n
                else _("Belum ada kandidat quick win."),
                url=url,
                group=group,
            )
        )
    return items


def _stage_three(masterplan, slug, dimensions):
    items = []
    strategies = _per_dimension(Strategy, masterplan)
    rows = (
        Program.objects.filter(section__masterplan=masterplan)
        .annotate(has_roadmap=Exists(RoadmapEntry.objects.filter(program=OuterRef("pk"))))
        .values("section__dimension_id", "has_roadmap", "horizon")
        .annotate(n=Count("pk"))
        .order_by()
    )
    programs = Counter()
    without_roadmap = Counter()
    horizons = Counter()
    for row in rows:
        programs[row["section__dimension_id"]] += row["n"]
        horizons[row["horizon"]] += row["n"]
        if not row["has_roadmap"]:
            without_roadmap[row["section__dimension_id"]] += row["n"]
    chosen = defaultdict(int)
    for row in (
        QuickWin.objects.filter(program__section__masterplan=masterplan, status=QuickWin.Status.CHOSEN)
        .values("program__section__dimension_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        chosen[row["program__section__dimension_id"]] = row["n"]

    group = _("Program per jangka waktu")
    for horizon in Horizon:
        n = horizons.get(horizon.value, 0)
        items.append(
            ChecklistItem(
                label=_("Program %(h)s") % {"h": horizon.label.lower()},
                done=n > 0,
                detail=(ngettext("%(n)d program", "%(n)d program", n) % {"n": n})
                if n
                else _("Belum ada program dengan jangka waktu ini."),
                url=reverse("dimension_index", args=[slug]),
                group=group,
            )
        )
    for dim in dimensions:
        group = dim.name
        url = dimension_url(slug, dim.code)
        n = strategies.get(dim.pk, 0)
        items.append(
            ChecklistItem(
                label=_("Strategi %(d)s") % {"d": dim.name},
                done=n > 0,
                detail=(ngettext("%(n)d strategi", "%(n)d strategi", n) % {"n": n}) if n else _("Belum ada strategi."),
                url=url,
                group=group,
            )
        )
        total, missing = programs.get(dim.pk, 0), without_roadmap.get(dim.pk, 0)
        if not total:
            detail = _("Belum ada program.")
        elif missing:
            detail = ngettext(
                "%(n)d dari %(t)d program belum punya peta jalan.",
                "%(n)d dari %(t)d program belum punya peta jalan.",
                missing,
            ) % {"n": missing, "t": total}
        else:
            detail = _("Semua %(t)d program punya peta jalan.") % {"t": total}
        items.append(
            ChecklistItem(
                label=_("Peta jalan program %(d)s") % {"d": dim.name},
                done=total > 0 and missing == 0,
                detail=detail,
                url=url,
                group=group,
            )
        )
        n = chosen.get(dim.pk, 0)
        items.append(
            ChecklistItem(
                label=_("Quick win terpilih %(d)s") % {"d": dim.name},
                done=n > 0,
                detail=(ngettext("%(n)d quick win terpilih", "%(n)d quick win terpilih", n) % {"n": n})
                if n
                else _("Belum ada quick win yang dipilih."),
                url=url,
                group=group,
            )
        )
    return items


def _stage_four(masterplan, slug, dimensions, stage):
    items = []
    sections = defaultdict(list)
    for section in Section.objects.filter(masterplan=masterplan).select_related("agency").order_by("agency__name"):
        sections[section.dimension_id].append(section)
    for dim in dimensions:
        group = dim.name
        if not sections[dim.pk]:
            items.append(
                ChecklistItem(
                    label=_("%(d)s: belum ada OPD yang ditugaskan") % {"d": dim.name},
                    done=False,
                    detail=_("Tugaskan dimensi ini kepada perangkat daerah."),
                    url=dimension_url(slug, dim.code),
                    group=group,
                )
            )
        for section in sections[dim.pk]:
            approved = section.state == Section.State.APPROVED
            items.append(
                ChecklistItem(
                    label=_("%(d)s — %(a)s disetujui") % {"d": dim.name, "a": section.agency},
                    done=approved,
                    detail=_("Status: %(s)s") % {"s": section.get_state_display()},
                    url=section_url(slug, section.pk),
                    group=group,
                )
            )
    n = Document.objects.filter(region_id=masterplan.region_id, kind=Document.Kind.COMMITMENT).count()
    upload_url = reverse("stage_detail", args=[slug, stage.pk]) + "#dokumen" if stage else ""
    items.append(
        ChecklistItem(
            label=_("Lembar komitmen diunggah"),
            done=n > 0,
            detail=(ngettext("%(n)d berkas", "%(n)d berkas", n) % {"n": n}) if n else _("Belum ada lembar komitmen."),
            url=upload_url,
            group=_("Komitmen"),
        )
    )
    return items


def stage_checklist(masterplan, number, stage=None):
    """The items stage ``number`` of this masterplan must deliver, checked against the data.

    ``stage`` (the Stage object, optional) is used for links to the stage's own page."""
    slug = masterplan.region.slug
    dimensions = list(Dimension.objects.order_by("order", "code"))
    if number == 1:
        return _stage_one(masterplan, slug, dimensions)
    if number == 2:
        return _stage_two(masterplan, slug, dimensions)
    if number == 3:
        return _stage_three(masterplan, slug, dimensions)
    if number == 4:
        return _stage_four(masterplan, slug, dimensions, stage)
    return []
