"""The consistency report of a masterplan, read before the books are rendered.

Findings, each tied to the section where it is fixed: programs without an indicator, a lead
agency or a strategy; indicators without targets; strategies no program serves; SWOT entries no
strategy uses; quick wins outside 6 to 12 months or on a program of more than a year; years
outside their span (programs in the masterplan period, road map years and indicator targets in
their program's years); missing budgets and funding sources; budgets whose parts do not add up (no
yearly amounts, a total that is not the sum of the yearly amounts, a funding split that is not the
total). Nine queries whatever the number of entries.

Each rule is a function of dimensions.rules, asked here and by the entry forms (and the models where
a rule is about one row) while the user types: what the forms refuse shows up here only in data
written before the rule or around the forms. What a form cannot know while typing (an entry that a
later step must use: a strategy no program serves yet, a SWOT entry no strategy uses, a program
without indicators, which are written on the saved program) is found here only.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from masterplan.formats import format_rupiah

from . import rules
from .models import (
    Goal,
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


def consistency_report(masterplan):
    """The findings of a masterplan grouped by category (all categories, empty ones included)."""
    found = {key: [] for key, _title, _hint in CATEGORIES}

    def add(key, subject, message, section):
        found[key].append(Finding(category=key, subject=str(subject), message=message, section=section))

    start, end = masterplan.period_start, masterplan.period_end
    period = rules.period_span(masterplan)

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
        if rules.program_lead_missing(p.lead_agency_id):
            add("program_no_lead", label, str(rules.PROGRAM_NO_LEAD), p.section)
        if rules.program_strategy_missing(p.has_strategy):
            add("program_no_strategy", label, str(rules.PROGRAM_NO_STRATEGY), p.section)
        outside = rules.year_finding((p.start_year, p.end_year), period)
        if outside:
            add("year_outside", label, outside, p.section)
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

    # An indicator hangs on a goal or a program: filtered by their ids, which the indexes answer
    # (an OR across the two joins made PostgreSQL read every region's indicators).
    program_ids = [p.pk for p in programs]
    goal_ids = list(Goal.objects.filter(section__masterplan=masterplan).values_list("pk", flat=True))
    of_masterplan = Q(goal_id__in=goal_ids) | Q(program_id__in=program_ids)
    indicators = (
        Indicator.objects.filter(of_masterplan)
        .select_related(*_related("goal"), *_related("program"))
        .annotate(has_target=Exists(IndicatorTarget.objects.filter(indicator=OuterRef("pk"))))
        .filter(has_target=False)  # rules.indicator_target_missing, asked in SQL first
        .order_by("pk")
    )
    for ind in indicators:
        parent = ind.goal or ind.program
        if rules.indicator_target_missing(ind.has_target):
            add(
                "indicator_no_target",
                _("Indikator \u201c%(n)s\u201d (%(parent)s)") % {"n": ind.name, "parent": parent},
                str(rules.INDICATOR_NO_TARGET),
                parent.section,
            )

    # A target lies in its program's years (a goal's indicator: in the period); asked in SQL first.
    program_years = Q(indicator__program__isnull=False) & (
        Q(year__lt=F("indicator__program__start_year")) | Q(year__gt=F("indicator__program__end_year"))
    )
    targets = (
        IndicatorTarget.objects.filter(Q(indicator__goal_id__in=goal_ids) | Q(indicator__program_id__in=program_ids))
        .filter(Q(year__lt=start) | Q(year__gt=end) | program_years)
        .select_related("indicator", *_related("indicator__goal"), *_related("indicator__program"))
        .order_by("indicator_id", "year")
    )
    for t in targets:
        program = t.indicator.program
        parent = t.indicator.goal or program
        outside = rules.year_finding([t.year], period, rules.target_span(masterplan, program))
        if outside:
            subject = _("Target indikator \u201c%(n)s\u201d") % {"n": t.indicator.name}
            add("year_outside", subject, outside, parent.section)

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
        outside = rules.year_finding([r.year], period, rules.program_span(p.start_year, p.end_year))
        if outside:
            add("year_outside", _("Peta jalan program \u201c%(n)s\u201d") % {"n": p.name}, outside, p.section)

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
        program_error = rules.quick_win_program_error(q.program.start_year, q.program.end_year)
        if program_error:
            add("quickwin_too_long", label, program_error, section)
        if q.budget is None:
            add("budget_missing", label, str(rules.QUICK_WIN_NO_BUDGET), section)
        if q.funding_source_id is None:
            add("budget_missing", label, str(rules.QUICK_WIN_NO_SOURCE), section)

    categories = [Category(key=key, title=title, hint=hint, findings=found[key]) for key, title, hint in CATEGORIES]
    return {"categories": categories, "total": sum(len(c.findings) for c in categories)}


def _short(text, n=80):
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"
