"""The consistency report of a masterplan, read before the books are rendered.

Findings, each tied to the section where it is fixed: programs without an indicator, a lead
agency or a strategy; indicators without targets; strategies no program serves; SWOT entries no
strategy uses; quick wins outside 6 to 12 months or on a program of more than a year (the months
are dimensions.rules'); years outside the masterplan period (programs, road map entries, indicator
targets); missing budgets and funding sources; budgets whose parts do not add up (no yearly amounts,
a total that is not the sum of the yearly amounts, a funding split that is not the total: the
form refuses these, old data may hold them). Eight queries whatever the number of entries.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from masterplan.formats import format_rupiah

from . import rules
from .models import (
    Indicator,
    IndicatorTarget,
    Program,
    ProgramFunding,
    QuickWin,
    RoadmapEntry,
    Strategy,
    SwotEntry,
)

# key, title, what to do; in the order the report shows them
CATEGORIES = [
    ("program_no_indicator", _l("Program tanpa indikator"), _l("Tambahkan indikator yang terukur pada program.")),
    ("program_no_lead", _l("Program tanpa OPD penanggung jawab"), _l("Pilih OPD penanggung jawab program.")),
    ("indicator_no_target", _l("Indikator tanpa target tahunan"), _l("Isi target per tahun untuk indikator.")),
    ("strategy_unserved", _l("Strategi yang belum didukung program"), _l("Kaitkan strategi dengan program.")),
    ("program_no_strategy", _l("Program yang tidak mendukung strategi"), _l("Pilih strategi yang didukung.")),
    ("swot_unused", _l("Butir SWOT yang belum dipakai strategi"), _l("Gunakan butir SWOT dalam strategi.")),
    ("quickwin_too_long", rules.QUICK_WIN_TOO_LONG_TITLE, rules.QUICK_WIN_TOO_LONG_HINT),
    ("year_outside", _l("Tahun di luar periode"), _l("Sesuaikan tahun dengan periode masterplan atau program.")),
    ("budget_missing", _l("Anggaran atau sumber dana belum diisi"), _l("Isi perkiraan anggaran dan sumber dana.")),
    (
        "budget_parts",
        _l("Anggaran yang tidak menjumlah"),
        _l("Isi anggaran per tahun di peta jalan program dan bagi totalnya ke sumber dana sampai tepat."),
    ),
]


@dataclass
class Finding:
    category: str
    subject: str  # the entry, as people name it
    message: str  # what is wrong
    section: object  # the Section where it is fixed (agency and dimension loaded)
    url: str = ""  # set by the view


@dataclass
class Category:
    key: str
    title: str
    hint: str
    findings: list = field(default_factory=list)


SECTION_RELATED = ["section__agency", "section__dimension"]


def _related(prefix):
    return [f"{prefix}__{path}" for path in SECTION_RELATED]


def _period(masterplan):
    return _("periode %(a)s–%(b)s") % {"a": masterplan.period_start, "b": masterplan.period_end}


def consistency_report(masterplan):
    """The findings of a masterplan grouped by category (all categories, empty ones included)."""
    found = {key: [] for key, _title, _hint in CATEGORIES}

    def add(key, subject, message, section):
        found[key].append(Finding(category=key, subject=str(subject), message=message, section=section))

    start, end = masterplan.period_start, masterplan.period_end
    period = _period(masterplan)

    yearly = (
        RoadmapEntry.objects.filter(program=OuterRef("pk"), amount__isnull=False)
        .order_by()
        .values("program")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    programs = (
        Program.objects.filter(section__masterplan=masterplan)
        .select_related(*SECTION_RELATED)
        .annotate(
            has_indicator=Exists(Indicator.objects.filter(program=OuterRef("pk"))),
            has_funding=Exists(ProgramFunding.objects.filter(program=OuterRef("pk"))),
            has_strategy=Exists(Program.strategies.through.objects.filter(program=OuterRef("pk"))),
            yearly_total=Subquery(yearly, output_field=Program._meta.get_field("budget")),
        )
        .order_by("section__dimension__order", "name", "pk")
    )
    splits = defaultdict(list)
    for program_id, amount in ProgramFunding.objects.filter(program__section__masterplan=masterplan).values_list(
        "program_id", "amount"
    ):
        splits[program_id].append(amount)
    for p in programs:
        label = _("Program \u201c%(n)s\u201d") % {"n": p.name}
        if not p.has_indicator:
            add("program_no_indicator", label, _("Belum ada indikator."), p.section)
        if p.lead_agency_id is None:
            add("program_no_lead", label, _("OPD penanggung jawab belum dipilih."), p.section)
        if not p.has_strategy:
            add("program_no_strategy", label, _("Belum dikaitkan dengan strategi."), p.section)
        outside = [y for y in (p.start_year, p.end_year) if not (start <= y <= end)]
        if outside:
            add(
                "year_outside",
                label,
                _("Tahun %(y)s di luar %(p)s.") % {"y": ", ".join(str(y) for y in sorted(set(outside))), "p": period},
                p.section,
            )
        if p.budget is None:
            add("budget_missing", label, _("Perkiraan anggaran belum diisi."), p.section)
        if not p.has_funding:
            add("budget_missing", label, _("Sumber dana belum dipilih."), p.section)
        # The total is the sum of the parts (dimensions.rules).
        if p.budget is not None and p.yearly_total is None:
            add("budget_parts", label, _("Belum ada anggaran per tahun di peta jalan."), p.section)
        elif p.yearly_total is not None and p.yearly_total != p.budget:
            add(
                "budget_parts",
                label,
                _("Total anggaran %(total)s tidak sama dengan jumlah anggaran per tahun %(yearly)s.")
                % {"total": format_rupiah(p.budget), "yearly": format_rupiah(p.yearly_total)},
                p.section,
            )
        split = rules.split_error(p.budget, splits[p.pk])
        if split:
            add("budget_parts", label, split, p.section)

    indicators = (
        Indicator.objects.filter(Q(goal__section__masterplan=masterplan) | Q(program__section__masterplan=masterplan))
        .select_related(*_related("goal"), *_related("program"))
        .annotate(has_target=Exists(IndicatorTarget.objects.filter(indicator=OuterRef("pk"))))
        .filter(has_target=False)
        .order_by("pk")
    )
    for ind in indicators:
        parent = ind.goal or ind.program
        add(
            "indicator_no_target",
            _("Indikator \u201c%(n)s\u201d") % {"n": ind.name},
            _("Belum ada target tahunan (%(parent)s).") % {"parent": parent},
            parent.section,
        )

    targets = (
        IndicatorTarget.objects.filter(
            Q(indicator__goal__section__masterplan=masterplan) | Q(indicator__program__section__masterplan=masterplan)
        )
        .filter(Q(year__lt=start) | Q(year__gt=end))
        .select_related("indicator", *_related("indicator__goal"), *_related("indicator__program"))
        .order_by("indicator_id", "year")
    )
    for t in targets:
        parent = t.indicator.goal or t.indicator.program
        add(
            "year_outside",
            _("Target indikator \u201c%(n)s\u201d") % {"n": t.indicator.name},
            _("Tahun %(y)s di luar %(p)s.") % {"y": t.year, "p": period},
            parent.section,
        )

    roadmap = (
        RoadmapEntry.objects.filter(program__section__masterplan=masterplan)
        .filter(
            Q(year__lt=start)
            | Q(year__gt=end)
            | Q(year__lt=F("program__start_year"))
            | Q(year__gt=F("program__end_year"))
        )
        .select_related("program", *_related("program"))
        .order_by("program_id", "year")
    )
    for r in roadmap:
        p = r.program
        if not (start <= r.year <= end):
            message = _("Tahun %(y)s di luar %(p)s.") % {"y": r.year, "p": period}
        else:
            message = _("Tahun %(y)s di luar masa program (%(a)s–%(b)s).") % {
                "y": r.year,
                "a": p.start_year,
                "b": p.end_year,
            }
        add("year_outside", _("Peta jalan program \u201c%(n)s\u201d") % {"n": p.name}, message, p.section)

    strategies = (
        Strategy.objects.filter(section__masterplan=masterplan)
        .annotate(served=Exists(Program.strategies.through.objects.filter(strategy=OuterRef("pk"))))
        .filter(served=False)
        .select_related(*SECTION_RELATED)
        .order_by("section__dimension__order", Strategy.kind_order(), "pk")
    )
    for s in strategies:
        add(
            "strategy_unserved",
            _("Strategi %(k)s \u201c%(t)s\u201d") % {"k": s.kind, "t": _short(s.statement)},
            _("Belum ada program yang mendukung strategi ini."),
            s.section,
        )

    swot = (
        SwotEntry.objects.filter(section__masterplan=masterplan)
        .annotate(used=Exists(Strategy.swot_entries.through.objects.filter(swotentry=OuterRef("pk"))))
        .filter(used=False)
        .select_related(*SECTION_RELATED)
        .order_by("section__dimension__order", SwotEntry.quadrant_order(), "pk")
    )
    for e in swot:
        add(
            "swot_unused",
            _("%(q)s \u201c%(t)s\u201d") % {"q": e.get_quadrant_display(), "t": _short(e.statement)},
            _("Belum dipakai oleh strategi mana pun."),
            e.section,
        )

    quick_wins = (
        QuickWin.objects.filter(program__section__masterplan=masterplan)
        .select_related("program", "funding_source", *_related("program"))
        .order_by("name", "pk")
    )
    for q in quick_wins:
        label = _("Quick win \u201c%(n)s\u201d") % {"n": q.name}
        section = q.program.section
        if not rules.quick_win_months_are_valid(q.duration_months):
            add("quickwin_too_long", label, _("Lama pelaksanaan %(m)s bulan.") % {"m": q.duration_months}, section)
        if q.program.end_year > q.program.start_year:
            add(
                "quickwin_too_long",
                label,
                _("Program induk berjalan %(a)s–%(b)s, lebih dari %(max)s bulan.")
                % {"a": q.program.start_year, "b": q.program.end_year, "max": rules.QUICK_WIN_MAX_MONTHS},
                section,
            )
        if q.budget is None:
            add("budget_missing", label, _("Anggaran quick win belum diisi."), section)
        if q.funding_source_id is None:
            add("budget_missing", label, _("Sumber dana quick win belum dipilih."), section)

    categories = [Category(key=key, title=title, hint=hint, findings=found[key]) for key, title, hint in CATEGORIES]
    return {"categories": categories, "total": sum(len(c.findings) for c in categories)}


def _short(text, n=80):
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"
