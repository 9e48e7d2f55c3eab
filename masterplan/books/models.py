"""What a book is: a configurable set of books (Buku 1-4 by default), each an ordered list of
chapters of registered kinds; the narrative texts a region's Diskominfo writes for them and the
programme's marks (logos) it uploads for the covers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .chapters import NARRATIVE_KEYS, ChapterKind, narrative_title
from .sanitize import narrative_html_clean


class BookDefinitionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class BookDefinition(models.Model):
    number = models.PositiveSmallIntegerField(_("nomor buku"), unique=True)
    code = models.SlugField(_("kode"), max_length=40, unique=True)
    title = models.CharField(_("judul"), max_length=150)
    subtitle = models.CharField(_("subjudul"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("aktif"), default=True, help_text=_("Buku nonaktif tidak dicetak."))
    history = HistoricalRecords()

    objects = BookDefinitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("definisi buku")
        verbose_name_plural = _("definisi buku")
        ordering = ["order", "number"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return f"Buku {self.number} {self.title}"


class ChapterDefinition(models.Model):
    book = models.ForeignKey(BookDefinition, on_delete=models.CASCADE, related_name="chapters", verbose_name=_("buku"))
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    title = models.CharField(_("judul"), max_length=150)
    kind = models.CharField(_("jenis"), max_length=30, choices=ChapterKind.CHOICES)
    narrative_keys = models.CharField(
        _("kunci teks naratif"),
        max_length=300,
        blank=True,
        help_text=_("Untuk bab naratif: kunci teks dipisah koma, mis. latar_belakang, maksud_tujuan."),
    )
    front_matter = models.BooleanField(
        _("halaman awal"),
        default=False,
        help_text=_(
            "Dicetak sebelum daftar isi tanpa nomor BAB. Kunci teks naratif bab halaman awal menentukan kata "
            "pengantar mana yang dibawa buku ini (mis. kata_pengantar_kepala_daerah, kata_pengantar_ketua_tim)."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("definisi bab")
        verbose_name_plural = _("definisi bab")
        ordering = ["book", "-front_matter", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=ChapterKind.VALUES), name="chapter_kind_known"),
        ]

    def __str__(self):
        return self.title

    @property
    def keys(self):
        return [k.strip() for k in self.narrative_keys.split(",") if k.strip()]

    def clean(self):
        unknown = [k for k in self.keys if k not in NARRATIVE_KEYS]
        if unknown:
            raise ValidationError(
                {
                    "narrative_keys": _("Kunci tidak dikenal: %(keys)s. Pilihan: %(all)s.")
                    % {"keys": ", ".join(unknown), "all": ", ".join(NARRATIVE_KEYS)}
                }
            )
        if self.kind == ChapterKind.NARRATIVE and not self.keys:
            raise ValidationError({"narrative_keys": _("Bab naratif memerlukan minimal satu kunci teks.")})


class NarrativeText(models.Model):
    """A narrative text of one masterplan (foreword, background, legal basis...), written by
    Diskominfo in a small safe subset of HTML, sanitised on every save."""

    masterplan = models.ForeignKey(
        "masterplan.Masterplan", on_delete=models.CASCADE, related_name="narrative_texts", verbose_name=_("masterplan")
    )
    # The keys are the registry in chapters.NARRATIVE_KEYS (no choices here: changing a label in
    # the registry needs no migration).
    key = models.CharField(_("kunci"), max_length=40)
    html = models.TextField(_("teks"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diubah oleh"),
    )
    updated_at = models.DateTimeField(_("diubah pada"), auto_now=True)
    history = HistoricalRecords()

    REGION_PATH = "masterplan__region"

    class Meta:
        verbose_name = _("teks naratif")
        verbose_name_plural = _("teks naratif")
        ordering = ["masterplan", "key"]
        constraints = [
            models.UniqueConstraint(fields=["masterplan", "key"], name="narrative_unique_key_per_masterplan"),
        ]

    def __str__(self):
        return f"{narrative_title(self.key)} — {self.masterplan}"

    def save(self, *args, **kwargs):
        self.html = narrative_html_clean(self.html)
        super().save(*args, **kwargs)

    def clean(self):
        if self.key not in NARRATIVE_KEYS:
            raise ValidationError({"key": _("Kunci tidak dikenal.")})

    @property
    def title(self):
        return narrative_title(self.key)


class CoverLogo(models.Model):
    """A mark printed on the covers of a region's books (Gerakan Menuju Kota Cerdas, the ministry,
    the region's own programme): a PNG or JPEG Diskominfo uploads, checked by its content and
    served only through an access check."""

    region = models.ForeignKey(
        "masterplan.Region", on_delete=models.CASCADE, related_name="cover_logos", verbose_name=_("daerah")
    )
    name = models.CharField(_("nama logo"), max_length=120, help_text=_("Mis. Gerakan Menuju Kota Cerdas."))
    image = models.ImageField(_("berkas logo"), upload_to="cover_logos/")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diunggah oleh"),
    )
    uploaded_at = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("logo sampul")
        verbose_name_plural = _("logo sampul")
        ordering = ["region", "order", "pk"]

    def __str__(self):
        return self.name
