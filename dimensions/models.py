"""The six dimensions and their elements (reference data), their assignment to agencies
(a Section: one agency's part of one dimension in one masterplan), and everything agencies fill in.

Every entry belongs to a Section, so its region, dimension and author agency are known from it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from masterplan.formats import format_id_decimal, format_rupiah
from masterplan.models import YEAR_VALIDATORS, AgencyWork

from . import rules

MONEY = {"max_digits": 18, "decimal_places": 2}


def short_label(text, limit=80):
    """An entry's text cut for a title or a list: at a word, with an ellipsis (never mid-word)."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(",.;:") + "…"


class Dimension(models.Model):
    code = models.SlugField(_("kode"), max_length=30, unique=True)
    name = models.CharField(_("nama"), max_length=60)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    description = models.TextField(_("uraian"), blank=True)

    class Meta:
        verbose_name = _("dimensi")
        verbose_name_plural = _("dimensi")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name


class Element(models.Model):
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="elements", verbose_name=_("dimensi")
    )
    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=100)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("elemen")
        verbose_name_plural = _("elemen")
        ordering = ["dimension__order", "order", "code"]

    def __str__(self):
        return self.name


class FundingSource(models.Model):
    code = models.SlugField(_("kode"), max_length=20, unique=True)
    name = models.CharField(_("nama"), max_length=60)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("sumber dana")
        verbose_name_plural = _("sumber dana")
        ordering = ["order"]

    def __str__(self):
        return self.name


class Section(AgencyWork, models.Model):
    """One agency's work on one dimension of a masterplan: the assignment and its review state."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Diajukan")
        CHANGES_REQUESTED = "changes_requested", _("Perlu perbaikan")
        APPROVED = "approved", _("Disetujui")

    masterplan = models.ForeignKey(
        "masterplan.Masterplan", on_delete=models.CASCADE, related_name="sections", verbose_name=_("masterplan")
    )
    agency = models.ForeignKey(
        "masterplan.Agency", on_delete=models.CASCADE, related_name="sections", verbose_name=_("perangkat daerah")
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="sections", verbose_name=_("dimensi")
    )
    state = models.CharField(_("status"), max_length=20, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    REGION_PATH = "masterplan__region"
    # Entries may be written in these states: not while under review (submitted). Editing an
    # approved section is allowed but reopens it (the review listens to section_entries_changed).
    EDITABLE_STATES = frozenset({State.DRAFT, State.CHANGES_REQUESTED, State.APPROVED})

    class Meta:
        verbose_name = _("bagian dimensi")
        verbose_name_plural = _("bagian dimensi")
        ordering = ["dimension__order", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["masterplan", "agency", "dimension"], name="section_unique_assignment"),
        ]

    def __str__(self):
        return f"{self.dimension} — {self.agency}"

    def get_absolute_url(self, anchor: str = "") -> str:
        """The section page (its workspace); ``anchor`` names a row on it (an entry's dom id)."""
        url = reverse("section_workspace", args=[self.masterplan.region.slug, self.pk])
        return f"{url}#{anchor}" if anchor else url

    @property
    def is_editable(self) -> bool:
        """May the section's entries be written in its current review state?"""
        return self.state in self.EDITABLE_STATES

    def clean(self):
        if self.agency_id and self.masterplan_id and self.agency.region_id != self.masterplan.region_id:
            raise ValidationError({"agency": _("Perangkat daerah ini bukan milik daerah masterplan.")})


# History change reasons of a delete: the entry's record gets DELETE_PREFIX + token, what was
# deleted with it CASCADE_PREFIX + the same token, so a restore brings all of it back.
DELETE_PREFIX = "delete:"
CASCADE_PREFIX = "cascade:"


class Entry(models.Model):
    """What all filled-in entries share: their section, who wrote them, and a version for
    optimistic locking (a later save of a stale copy is refused)."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="%(class)ss", verbose_name=_("bagian"))
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    REGION_PATH = "section__masterplan__region"

    class Meta:
        abstract = True

    @property
    def masterplan(self):
        return self.section.masterplan

    @property
    def dimension(self):
        return self.section.dimension

    @property
    def agency(self):
        return self.section.agency


class ReadinessComponent(models.TextChoices):
    STRUKTUR = "struktur", _("Struktur")
    INFRASTRUKTUR = "infrastruktur", _("Infrastruktur")
    SUPRASTRUKTUR = "suprastruktur", _("Suprastruktur")


class ReadinessSubcomponent(models.TextChoices):
    ALAM = "alam", _("Alam (geografi, sumber daya alam)")
    BUDAYA = "budaya", _("Budaya (manusia, masyarakat)")
    FISIK = "fisik", _("Infrastruktur fisik")
    TIK = "tik", _("Infrastruktur TIK")
    SOSIAL = "sosial", _("Infrastruktur sosial")
    KEBIJAKAN = "kebijakan", _("Kebijakan dan regulasi")
    KELEMBAGAAN = "kelembagaan", _("Kelembagaan")
    ANGGARAN = "anggaran", _("Anggaran")


SUBCOMPONENTS = {
    ReadinessComponent.STRUKTUR: [ReadinessSubcomponent.ALAM, ReadinessSubcomponent.BUDAYA],
    ReadinessComponent.INFRASTRUKTUR: [
        ReadinessSubcomponent.FISIK,
        ReadinessSubcomponent.TIK,
        ReadinessSubcomponent.SOSIAL,
    ],
    ReadinessComponent.SUPRASTRUKTUR: [
        ReadinessSubcomponent.KEBIJAKAN,
        ReadinessSubcomponent.KELEMBAGAAN,
        ReadinessSubcomponent.ANGGARAN,
    ],
}
_SUBCOMPONENT_OF_COMPONENT = Q()
for _component, _subs in SUBCOMPONENTS.items():
    _SUBCOMPONENT_OF_COMPONENT |= Q(component=_component, subcomponent__in=[str(s) for s in _subs])


class ReadinessItem(Entry):
    component = models.CharField(_("komponen"), max_length=20, choices=ReadinessComponent.choices)
    subcomponent = models.CharField(_("subkomponen"), max_length=20, choices=ReadinessSubcomponent.choices)
    description = models.TextField(_("kondisi saat ini"))
    evidence = models.TextField(_("data dukung"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("butir kesiapan")
        verbose_name_plural = _("butir kesiapan")
        ordering = ["component", "subcomponent", "pk"]
        constraints = [
            models.CheckConstraint(condition=_SUBCOMPONENT_OF_COMPONENT, name="readiness_subcomponent_of_component"),
        ]

    def __str__(self):
        return (
            f"{self.get_component_display()} / {self.get_subcomponent_display()}: {short_label(self.description, 60)}"
        )

    def clean(self):
        if self.component and self.subcomponent and self.subcomponent not in SUBCOMPONENTS.get(self.component, []):
            raise ValidationError({"subcomponent": _("Subkomponen ini bukan bagian dari komponen yang dipilih.")})


def _element_of_section_dimension(entry):
    """Shared check: an entry's element must belong to its section's dimension."""
    if entry.element_id and entry.section_id and entry.element.dimension_id != entry.section.dimension_id:
        raise ValidationError(
            {"element": _("Elemen ini bukan bagian dari dimensi %(dim)s.") % {"dim": entry.section.dimension}}
        )


class GapItem(Entry):
    element = models.ForeignKey(
        Element, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("elemen")
    )
    existing_condition = models.TextField(_("kondisi saat ini"))
    expected_condition = models.TextField(_("kondisi yang diharapkan"))
    gap = models.TextField(_("kesenjangan"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("butir kesenjangan")
        verbose_name_plural = _("butir kesenjangan")
        ordering = ["element__order", "pk"]

    def __str__(self):
        return short_label(self.gap, 80)

    def clean(self):
        _element_of_section_dimension(self)


class SwotQuadrant(models.TextChoices):
    """In the order people read a SWOT table; every list of SWOT entries follows it."""

    STRENGTH = "S", _("Kekuatan")
    WEAKNESS = "W", _("Kelemahan")
    OPPORTUNITY = "O", _("Peluang")
    THREAT = "T", _("Ancaman")


class SwotEntry(Entry):
    Quadrant = SwotQuadrant

    class Priority(models.IntegerChoices):
        HIGH = 1, _("Tinggi")
        MEDIUM = 2, _("Sedang")
        LOW = 3, _("Rendah")

    quadrant = models.CharField(_("kuadran"), max_length=1, choices=Quadrant.choices)
    component = models.CharField(
        _("komponen kesiapan"),
        max_length=20,
        choices=ReadinessComponent.choices,
        blank=True,
        help_text=_("Kosongkan bila berlaku untuk dimensi secara umum."),
    )
    statement = models.TextField(_("pernyataan"))
    evidence = models.TextField(_("data dukung"), blank=True)
    priority = models.PositiveSmallIntegerField(_("prioritas"), choices=Priority.choices, default=Priority.MEDIUM)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("butir SWOT")
        verbose_name_plural = _("butir SWOT")
        ordering = [rules.choice_order("quadrant", SwotQuadrant), "priority", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quadrant__in=SwotQuadrant.values), name="swot_quadrant_valid"),
            models.CheckConstraint(condition=Q(priority__gte=1) & Q(priority__lte=3), name="swot_priority_valid"),
        ]

    def __str__(self):
        return f"{self.get_quadrant_display()}: {short_label(self.statement, 80)}"

    @staticmethod
    def quadrant_order() -> Case:
        """ORDER BY S, W, O, T (the order of the Quadrant choices), not A-Z by code."""
        return rules.choice_order("quadrant", SwotQuadrant)


class StrategyKind(models.TextChoices):
    """In the order of a TOWS matrix; every list of strategies follows it."""

    SO = "SO", _("SO (kekuatan–peluang)")
    WO = "WO", _("WO (kelemahan–peluang)")
    ST = "ST", _("ST (kekuatan–ancaman)")
    WT = "WT", _("WT (kelemahan–ancaman)")


class Strategy(Entry):
    Kind = StrategyKind

    kind = models.CharField(_("jenis strategi"), max_length=2, choices=Kind.choices)
    statement = models.TextField(_("strategi"))
    swot_entries = models.ManyToManyField(
        SwotEntry, blank=True, related_name="strategies", verbose_name=_("butir SWOT asal")
    )
    history = HistoricalRecords(m2m_fields=[swot_entries])

    class Meta:
        verbose_name = _("strategi")
        verbose_name_plural = _("strategi")
        ordering = [rules.choice_order("kind", StrategyKind), "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=StrategyKind.values), name="strategy_kind_valid"),
        ]

    def __str__(self):
        return f"{self.kind}: {short_label(self.statement, 80)}"

    @staticmethod
    def kind_order() -> Case:
        """ORDER BY SO, WO, ST, WT (the order of the Kind choices), not A-Z by code."""
        return rules.choice_order("kind", StrategyKind)

    @staticmethod
    def check_swot_entries(kind, entries):
        """The SWOT entries a strategy comes from must be of its two quadrants."""
        allowed = set(kind)
        wrong = [e for e in entries if e.quadrant not in allowed]
        if wrong:
            raise ValidationError(
                {
                    "swot_entries": _("Strategi %(kind)s hanya boleh memakai butir kuadran %(a)s dan %(b)s.")
                    % {"kind": kind, "a": kind[0], "b": kind[1]}
                }
            )


class Goal(Entry):
    """A goal (sasaran) of the dimension; measured by its indicators."""

    statement = models.TextField(_("sasaran"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sasaran")
        verbose_name_plural = _("sasaran")
        ordering = ["pk"]

    def __str__(self):
        return short_label(self.statement, 80)


class Horizon(models.TextChoices):
    SHORT = "short", _("Jangka pendek (1 tahun)")
    MEDIUM = "medium", _("Jangka menengah (5 tahun)")
    LONG = "long", _("Jangka panjang (10 tahun)")


HORIZON_MAX_YEARS = {Horizon.SHORT: 1, Horizon.MEDIUM: 5, Horizon.LONG: 10}


class Program(Entry):
    element = models.ForeignKey(Element, on_delete=models.PROTECT, related_name="programs", verbose_name=_("elemen"))
    name = models.CharField(_("nama program"), max_length=200)
    description = models.TextField(_("uraian"), blank=True)
    horizon = models.CharField(_("jangka waktu"), max_length=10, choices=Horizon.choices)
    start_year = models.PositiveSmallIntegerField(_("tahun mulai"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("tahun selesai"), validators=YEAR_VALIDATORS)
    lead_agency = models.ForeignKey(
        "masterplan.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_programs",
        verbose_name=_("OPD penanggung jawab"),
    )
    partner_agencies = models.ManyToManyField(
        "masterplan.Agency", blank=True, related_name="partner_programs", verbose_name=_("OPD mitra")
    )
    other_partners = models.TextField(
        _("mitra lain"), blank=True, help_text=_("Akademisi, swasta, komunitas, media; satu per baris.")
    )
    output = models.TextField(_("keluaran (output)"), blank=True)
    outcome = models.TextField(_("hasil (outcome)"), blank=True)
    # The sum of the yearly amounts of the road map (dimensions.rules: the total is the sum of the
    # parts), kept here for queries and the books; written with them, never typed.
    budget = models.DecimalField(
        _("perkiraan anggaran (Rp)"), null=True, blank=True, validators=[rules.validate_budget], **MONEY
    )
    # Read through here; written as ProgramFunding rows (the split, with its own history).
    funding_sources = models.ManyToManyField(
        FundingSource,
        through="ProgramFunding",
        blank=True,
        related_name="programs",
        verbose_name=_("sumber dana"),
    )
    strategies = models.ManyToManyField(
        Strategy, blank=True, related_name="programs", verbose_name=_("strategi yang didukung")
    )
    history = HistoricalRecords(m2m_fields=[partner_agencies, strategies])

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("program")
        ordering = ["start_year", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(end_year__gte=F("start_year")), name="program_years_ordered"),
            models.CheckConstraint(condition=rules.budget_not_negative(), name="program_budget_not_negative"),
            models.CheckConstraint(
                condition=(
                    Q(horizon="short", end_year__lte=F("start_year"))
                    | Q(horizon="medium", end_year__lte=F("start_year") + 4)
                    | Q(horizon="long", end_year__lte=F("start_year") + 9)
                ),
                name="program_span_fits_horizon",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        _collect(errors, _element_of_section_dimension, self)
        mp = self.section.masterplan if self.section_id else None
        if mp:
            for field in ("start_year", "end_year"):
                error = rules.year_error(getattr(self, field), rules.period_span(mp))
                if error:
                    errors[field] = error
        if self.start_year and self.end_year:
            if self.end_year < self.start_year:
                errors["end_year"] = _("Tahun selesai tidak boleh sebelum tahun mulai.")
            elif (
                self.horizon in HORIZON_MAX_YEARS
                and self.end_year - self.start_year + 1 > HORIZON_MAX_YEARS[self.horizon]
            ):
                errors["end_year"] = _("Program %(h)s paling lama %(n)s tahun.") % {
                    "h": self.get_horizon_display().lower(),
                    "n": HORIZON_MAX_YEARS[self.horizon],
                }
        if self.lead_agency_id and mp and self.lead_agency.region_id != mp.region_id:
            errors["lead_agency"] = _("Perangkat daerah ini bukan milik daerah masterplan.")
        if self.pk and not errors:
            self._clean_what_hangs_on_it(errors)
        if errors:
            raise ValidationError(errors)

    def _clean_what_hangs_on_it(self, errors):
        """New years must still hold its quick win (dimensions.rules) and its indicators' targets."""
        quick_win = QuickWin.objects.filter(program=self).first()
        error = rules.quick_win_program_error(self.start_year, self.end_year) if quick_win else None
        if error:
            errors["end_year"] = _("Quick win \u201c%(q)s\u201d bergantung pada program ini. %(e)s") % {
                "q": quick_win.name,
                "e": error,
            }
            return
        span = rules.program_span(self.start_year, self.end_year)
        if span is None:
            return
        targets = IndicatorTarget.objects.filter(indicator__program=self).order_by("year", "indicator_id")
        outside = {}  # the field on the side they fall -> "“name” year"
        for name, year in targets.values_list("indicator__name", "year"):
            if year not in span:
                outside.setdefault("start_year" if year < span.first else "end_year", []).append(
                    f"\u201c{name}\u201d {year}"
                )
        for field, found in outside.items():
            errors[field] = _("Target indikator di luar %(a)s–%(b)s: %(t)s. Ubah atau hapus targetnya dulu.") % {
                "a": span.first,
                "b": span.last,
                "t": ", ".join(found),
            }


def _collect(errors, check, obj):
    try:
        check(obj)
    except ValidationError as e:
        errors.update(e.message_dict)


class Indicator(models.Model):
    """A measurable indicator of a goal or of a program, with a baseline and yearly targets."""

    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators", verbose_name=_("sasaran")
    )
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators", verbose_name=_("program")
    )
    name = models.CharField(_("indikator"), max_length=250)
    unit = models.CharField(_("satuan"), max_length=50)
    baseline = models.DecimalField(_("nilai dasar (baseline)"), max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(
        _("tahun dasar"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    # Optimistic locking, as on Entry: an indicator is edited in place on its own.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(goal__isnull=False) & Q(program__isnull=True))
                | (Q(goal__isnull=True) & Q(program__isnull=False)),
                name="indicator_has_one_parent",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})"

    @property
    def parent(self):
        return self.goal or self.program


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indikator")
    )
    year = models.PositiveSmallIntegerField(_("tahun"), validators=YEAR_VALIDATORS)
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    # Kept so a deleted indicator can be restored with its targets.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target tahunan")
        verbose_name_plural = _("target tahunan")
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="target_unique_year"),
        ]

    def __str__(self):
        return f"{self.year}: {format_id_decimal(self.value)}"  # 10 and 55,5, as everywhere

    def clean(self):
        if self.indicator_id and self.year:
            parent = self.indicator.goal or self.indicator.program
            error = rules.year_error(self.year, rules.target_span(parent.section.masterplan, self.indicator.program))
            if error:
                raise ValidationError({"year": error})


class RoadmapEntry(models.Model):
    """What happens in one year of a program (rencana aksi / peta jalan), and what it costs: the
    program's budget is the sum of these amounts."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="roadmap", verbose_name=_("program"))
    year = models.PositiveSmallIntegerField(_("tahun"), validators=YEAR_VALIDATORS)
    activity = models.TextField(_("kegiatan"))
    target = models.CharField(_("target"), max_length=250, blank=True)
    amount = models.DecimalField(_("anggaran (Rp)"), null=True, blank=True, validators=[rules.validate_budget], **MONEY)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("peta jalan")
        verbose_name_plural = _("peta jalan")
        ordering = ["year", "pk"]
        constraints = [
            models.CheckConstraint(condition=rules.budget_not_negative("amount"), name="roadmap_amount_not_negative"),
        ]

    def __str__(self):
        return f"{self.year}: {self.activity[:60]}"

    def clean(self):
        if self.program_id:
            error = rules.year_error(self.year, rules.program_span(self.program.start_year, self.program.end_year))
            if error:
                raise ValidationError({"year": error})


class ProgramFunding(models.Model):
    """One funding source of a program and its share of the budget (the split); the shares add up
    to the program's total (dimensions.rules.split_error)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="funding", verbose_name=_("program"))
    funding_source = models.ForeignKey(
        FundingSource, on_delete=models.PROTECT, related_name="program_funding", verbose_name=_("sumber dana")
    )
    # Empty while the program has no yearly amounts (the source is known, the amount not yet).
    amount = models.DecimalField(_("jumlah (Rp)"), null=True, blank=True, validators=[rules.validate_budget], **MONEY)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sumber dana program")
        verbose_name_plural = _("pembagian sumber dana")
        ordering = ["funding_source__order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["program", "funding_source"], name="program_funding_unique_source"),
            models.CheckConstraint(condition=rules.budget_not_negative("amount"), name="program_funding_not_negative"),
        ]

    def __str__(self):
        return f"{self.funding_source}: {format_rupiah(self.amount)}"


class QuickWin(models.Model):
    """A quick win (program percepatan): a program delivered in 6 to 12 months, with its profile."""

    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("Kandidat")
        CHOSEN = "chosen", _("Terpilih")

    program = models.OneToOneField(
        Program, on_delete=models.CASCADE, related_name="quick_win", verbose_name=_("program")
    )
    name = models.CharField(_("nama quick win"), max_length=150)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CANDIDATE)
    problem = models.TextField(_("permasalahan"))
    solution = models.TextField(_("solusi"))
    benefits = models.TextField(_("manfaat"))
    duration_months = models.PositiveSmallIntegerField(
        _("lama pelaksanaan (bulan)"), validators=[rules.validate_quick_win_months]
    )
    schedule = models.TextField(_("jadwal"), blank=True)
    budget = models.DecimalField(_("anggaran (Rp)"), null=True, blank=True, validators=[rules.validate_budget], **MONEY)
    funding_source = models.ForeignKey(
        FundingSource, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("sumber dana")
    )
    partners = models.TextField(_("mitra"), blank=True)
    impact_indicator = models.CharField(_("indikator dampak"), max_length=250)
    risks = models.TextField(_("risiko"), blank=True)
    # Optimistic locking, as on Entry: a quick-win profile is edited in place on its own.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    REGION_PATH = "program__section__masterplan__region"

    class Meta:
        verbose_name = _("quick win")
        verbose_name_plural = _("quick win")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=rules.quick_win_months_in_range(), name="quickwin_6_to_12_months"),
            models.CheckConstraint(condition=rules.budget_not_negative(), name="quickwin_budget_not_negative"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.program_id:
            error = rules.quick_win_program_error(self.program.start_year, self.program.end_year)
            if error:
                raise ValidationError({"program": error})
