"""A render job: one book of one masterplan turned into a PDF, with its state and its file.

Generated files are rows with a state (queued, rendering, done, failed), so the page can show
progress and history, and the last good PDF stays downloadable when a later render fails.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def render_job_upload_to(job, filename):
    # Not used for uploads (the service writes the file itself); kept for FileField's contract.
    return f"books/{filename}"


class RenderJobQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state__in=[RenderJob.State.QUEUED, RenderJob.State.RENDERING])

    def done(self):
        return self.filter(state=RenderJob.State.DONE)


class RenderJob(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Dalam antrean")
        RENDERING = "rendering", _("Sedang dirender")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    masterplan = models.ForeignKey(
        "masterplan.Masterplan", on_delete=models.CASCADE, related_name="render_jobs", verbose_name=_("masterplan")
    )
    book = models.ForeignKey(
        "books.BookDefinition", on_delete=models.CASCADE, related_name="render_jobs", verbose_name=_("buku")
    )
    state = models.CharField(_("status"), max_length=20, choices=State.choices, default=State.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0, validators=[MaxValueValidator(100)])
    page_count = models.PositiveIntegerField(_("jumlah halaman"), null=True, blank=True)
    # A book renders as parts (its chapters, then the front matter and the assembly): how many,
    # how many are done and the pages they hold, for the progress bar.
    parts_total = models.PositiveSmallIntegerField(_("jumlah bab"), default=0)
    parts_done = models.PositiveSmallIntegerField(_("bab selesai"), default=0)
    pages_done = models.PositiveIntegerField(_("halaman selesai"), default=0)
    seconds = models.FloatField(_("durasi (detik)"), null=True, blank=True)
    seconds_data = models.FloatField(_("durasi data dan HTML (detik)"), null=True, blank=True)
    seconds_layout = models.FloatField(_("durasi tata letak WeasyPrint (detik)"), null=True, blank=True)
    error = models.TextField(_("galat"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diminta oleh"),
    )
    requested_at = models.DateTimeField(_("diminta pada"), default=timezone.now)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    weasyprint_version = models.CharField(_("versi WeasyPrint"), max_length=20, blank=True)
    content_hash = models.CharField(_("hash isi"), max_length=64, blank=True, db_index=True)
    is_draft = models.BooleanField(_("draf"), null=True, blank=True)
    file = models.FileField(_("berkas PDF"), upload_to=render_job_upload_to, max_length=255, blank=True)
    celery_task_id = models.CharField(_("id tugas Celery"), max_length=255, blank=True)

    objects = RenderJobQuerySet.as_manager()

    REGION_PATH = "masterplan__region"

    class Meta:
        verbose_name = _("render buku")
        verbose_name_plural = _("render buku")
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["masterplan", "book", "state"], name="renderjob_book_state")]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="renderjob_progress_max_100"),
            # One queued/rendering job per book and content: a double click cannot start two renders.
            models.UniqueConstraint(
                fields=["masterplan", "book", "content_hash"],
                condition=models.Q(state__in=["queued", "rendering"]),
                name="renderjob_one_active_per_content",
            ),
        ]

    def __str__(self):
        return f"{self.book} — {self.masterplan} ({self.get_state_display()})"

    @property
    def is_active(self):
        return self.state in (self.State.QUEUED, self.State.RENDERING)

    @property
    def is_done(self):
        return self.state == self.State.DONE

    @property
    def has_file(self):
        return bool(self.file) and self.file.storage.exists(self.file.name)

    def download_filename(self):
        return f"{self.masterplan.region.slug}-buku-{self.book.number}.pdf"
