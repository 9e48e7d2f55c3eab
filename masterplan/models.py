"""The core of the domain: regions, their agencies (OPD), people and roles, the masterplan of a
region for a period, and its documents."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class AgencyWork:
    """Marks a model whose rows are one agency's work (``agency_id``): an OPD representative may
    write in it, and in what hangs on it, only for their own agency (``access.can(EDIT_SECTION)``).
    The core knows the rule; the content layer (``dimensions.Section``) carries the mark."""

    agency_id: int


class User(AbstractUser):
    """A person. What they may do depends on their memberships, see masterplan.access.

    ``is_coordinator``: the Kominfo programme coordinator, a national role (no region of its own):
    reads every region and assigns experts to regions. A flag rather than a Membership, because a
    membership is a role in one region; rather than a Group, because access.py decides from the
    user object without a query."""

    is_coordinator = models.BooleanField(
        _("Koordinator Program Kominfo"),
        default=False,
        help_text=_("Melihat semua daerah (hanya baca) dan menugaskan tenaga ahli ke daerah."),
    )

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self):
        return self.get_full_name() or self.username


class Province(models.Model):
    """One of Indonesia's 38 provinces: reference data shipped by a migration (BPS codes)."""

    code = models.CharField(_("kode BPS"), max_length=2, unique=True)
    name = models.CharField(_("nama"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("provinsi")
        verbose_name_plural = _("provinsi")
        ordering = ["code"]

    def __str__(self):
        return self.name


class Cohort(models.Model):
    """A yearly cohort (angkatan) of the programme: the regions that joined in that year. The year is
    the key, so a region's ``cohort_id`` is its cohort year."""

    year = models.PositiveSmallIntegerField(
        _("tahun"), primary_key=True, validators=[MinValueValidator(2017), MaxValueValidator(2100)]
    )

    class Meta:
        verbose_name = _("angkatan")
        verbose_name_plural = _("angkatan")
        ordering = ["year"]
        constraints = [
            models.CheckConstraint(condition=Q(year__gte=2017) & Q(year__lte=2100), name="cohort_year_range"),
        ]

    def __str__(self):
        return _("Angkatan %(year)s") % {"year": self.year}


class Region(models.Model):
    class Kind(models.TextChoices):
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.KABUPATEN)
    name = models.CharField(_("nama"), max_length=100, help_text=_("Tanpa kata Kabupaten/Kota, mis. Garut."))
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="regions", verbose_name=_("provinsi"))
    emblem = models.ImageField(_("lambang daerah"), upload_to="emblems/", blank=True)
    head_name = models.CharField(_("nama kepala daerah"), max_length=150, blank=True)
    head_title = models.CharField(
        _("jabatan kepala daerah"), max_length=50, blank=True, help_text=_("Bupati atau Wali Kota.")
    )
    # The cohort's key is its year: the column keeps its name and values (cohort_year).
    cohort = models.ForeignKey(
        Cohort, on_delete=models.PROTECT, related_name="regions", db_column="cohort_year", verbose_name=_("angkatan")
    )
    mou_number = models.CharField(_("nomor Nota Kesepakatan"), max_length=100, blank=True)
    mou_date = models.DateField(_("tanggal Nota Kesepakatan"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("daerah")
        verbose_name_plural = _("daerah")
        ordering = ["name"]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("region_detail", args=[self.slug])

    @property
    def cohort_year(self):
        return self.cohort_id

    @property
    def full_name(self):
        return f"{self.get_kind_display()} {self.name}"


class Agency(models.Model):
    """An OPD (organisasi perangkat daerah) of a region."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="agencies", verbose_name=_("daerah"))
    name = models.CharField(_("nama"), max_length=200)
    acronym = models.CharField(_("singkatan"), max_length=30, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perangkat daerah (OPD)")
        verbose_name_plural = _("perangkat daerah (OPD)")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="agency_unique_name_per_region"),
        ]

    def __str__(self):
        return self.acronym or self.name

    def get_absolute_url(self):
        return reverse("agency_detail", args=[self.region.slug, self.pk])


class Role(models.TextChoices):
    DISKOMINFO = "diskominfo", _("Staf Diskominfo")
    OPD = "opd", _("Perwakilan OPD")
    EXPERT = "expert", _("Tenaga Ahli Kominfo")
    DEWAN = "dewan", _("Anggota Dewan Smart City")


class Membership(models.Model):
    """A user's role in one region. An expert has one membership per region assigned."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("pengguna")
    )
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("daerah"))
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("perangkat daerah"),
        help_text=_("Wajib untuk perwakilan OPD."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [
            models.UniqueConstraint(fields=["user", "region"], name="membership_one_role_per_region"),
            # An OPD representative belongs to exactly one agency; other roles to none.
            models.CheckConstraint(
                condition=(Q(role="opd") & Q(agency__isnull=False)) | (~Q(role="opd") & Q(agency__isnull=True)),
                name="membership_agency_iff_opd",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} ({self.region})"

    def clean(self):
        if self.role == Role.OPD and not self.agency_id:
            raise ValidationError({"agency": _("Perwakilan OPD wajib memilih perangkat daerah.")})
        if self.role != Role.OPD and self.agency_id:
            raise ValidationError({"agency": _("Hanya perwakilan OPD yang terikat pada perangkat daerah.")})
        if self.agency_id and self.region_id and self.agency.region_id != self.region_id:
            raise ValidationError({"agency": _("Perangkat daerah ini bukan milik daerah yang dipilih.")})


class Masterplan(models.Model):
    """The masterplan of a region for a period (usually ten years)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="masterplans", verbose_name=_("daerah"))
    period_start = models.PositiveSmallIntegerField(_("tahun awal periode"), validators=YEAR_VALIDATORS)
    period_end = models.PositiveSmallIntegerField(_("tahun akhir periode"), validators=YEAR_VALIDATORS)
    vision = models.TextField(_("visi"), blank=True)
    mission = models.TextField(_("misi"), blank=True, help_text=_("Satu misi per baris."))
    created_at = models.DateTimeField(auto_now_add=True)
    # A new value, in the same transaction, with every change to what the national comparison counts
    # of this plan (its sections, programs, funding splits, quick wins: dimensions.receivers): the
    # key of its figures in the cache (masterplan.national.selectors), so they are never read stale.
    figures_token = models.UUIDField(default=uuid.uuid4, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("masterplan")
        verbose_name_plural = _("masterplan")
        ordering = ["region__name", "-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["region", "period_start"], name="masterplan_unique_period_per_region"),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")) & Q(period_end__lte=F("period_start") + 10),
                name="masterplan_period_valid",
            ),
        ]

    def __str__(self):
        return f"Masterplan {self.region} {self.period_start}–{self.period_end}"

    def save(self, *args, **kwargs):
        # A save of every column would write back the token read with the row, maybe older than
        # one a change to the plan's sections has written since: a new token instead, never an old one.
        if kwargs.get("update_fields") is None:
            self.figures_token = uuid.uuid4()
        super().save(*args, **kwargs)

    @property
    def years(self):
        return list(range(self.period_start, self.period_end + 1))

    @property
    def missions(self):
        return [line.strip() for line in self.mission.splitlines() if line.strip()]

    def year_in_period(self, year):
        return year is not None and self.period_start <= year <= self.period_end

    def clean(self):
        if self.period_start and self.period_end:
            if self.period_end < self.period_start:
                raise ValidationError({"period_end": _("Tahun akhir tidak boleh sebelum tahun awal.")})
            if self.period_end - self.period_start > 10:
                raise ValidationError({"period_end": _("Periode masterplan paling lama 10 tahun.")})


class Document(models.Model):
    """A file of a region: MoU, decree, stage material, minutes, photos, commitment sheet..."""

    class Kind(models.TextChoices):
        MOU = "mou", _("Nota Kesepakatan (MoU)")
        DECREE = "decree", _("SK Dewan / Tim Pelaksana")
        MATERIAL = "material", _("Materi bimtek")
        MINUTES = "minutes", _("Notulen")
        PHOTO = "photo", _("Foto kegiatan")
        COMMITMENT = "commitment", _("Lembar komitmen")
        REGULATION = "regulation", _("Peraturan (Perbup/Perwal)")
        OTHER = "other", _("Lainnya")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="documents", verbose_name=_("daerah"))
    stage = models.ForeignKey(
        "bimtek.Stage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("tahap bimtek"),
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("judul"), max_length=200)
    file = models.FileField(_("berkas"), upload_to="documents/%Y/%m/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("diunggah oleh")
    )
    uploaded_at = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.title
