"""The four bimtek stages of a masterplan and who took part."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from masterplan.formats import roman


class Stage(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Direncanakan")
        ONGOING = "ongoing", _("Berlangsung")
        DONE = "done", _("Selesai")
        SIGNED_OFF = "signed_off", _("Disahkan tenaga ahli")

    masterplan = models.ForeignKey(
        "masterplan.Masterplan", on_delete=models.CASCADE, related_name="stages", verbose_name=_("masterplan")
    )
    number = models.PositiveSmallIntegerField(_("tahap"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    start_date = models.DateField(_("tanggal mulai"), null=True, blank=True)
    end_date = models.DateField(_("tanggal selesai"), null=True, blank=True)
    venue = models.CharField(_("tempat"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    notes = models.TextField(_("catatan"), blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("disahkan oleh"),
    )
    signed_off_at = models.DateTimeField(_("disahkan pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tahap bimtek")
        verbose_name_plural = _("tahap bimtek")
        ordering = ["masterplan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["masterplan", "number"], name="stage_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1) & Q(number__lte=4), name="stage_number_1_to_4"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="stage_dates_ordered",
            ),
        ]

    def __str__(self):
        return _("Tahap %(n)s") % {"n": self.roman}

    @property
    def roman(self):
        return roman(self.number)

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})


class Participant(models.Model):
    class Helix(models.TextChoices):
        GOVERNMENT = "government", _("Pemerintah")
        ACADEMIA = "academia", _("Akademisi")
        BUSINESS = "business", _("Bisnis")
        COMMUNITY = "community", _("Komunitas")
        MEDIA = "media", _("Media")

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="participants", verbose_name=_("tahap"))
    name = models.CharField(_("nama"), max_length=150)
    institution = models.CharField(_("instansi"), max_length=200)
    position = models.CharField(_("jabatan / peran"), max_length=150, blank=True)
    helix = models.CharField(_("unsur helix"), max_length=20, choices=Helix.choices, default=Helix.GOVERNMENT)
    email = models.EmailField(_("surel"), blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)

    REGION_PATH = "stage__masterplan__region"

    class Meta:
        verbose_name = _("peserta")
        verbose_name_plural = _("peserta")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.institution})"
