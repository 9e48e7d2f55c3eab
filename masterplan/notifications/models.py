"""In-app notifications (each also sent by e-mail, see services.notify)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Bagian diajukan")
        CHANGES_REQUESTED = "changes_requested", _("Perbaikan diminta")
        APPROVED = "approved", _("Bagian disetujui")
        REOPENED = "reopened", _("Bagian dibuka kembali")
        COMMENT = "comment", _("Komentar baru")
        STAGE_SIGNED_OFF = "stage_signed_off", _("Tahap disahkan")
        STAGE_SIGN_OFF_WITHDRAWN = "stage_sign_off_withdrawn", _("Pengesahan tahap dicabut")
        OTHER = "other", _("Lainnya")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("penerima")
    )
    kind = models.CharField(_("jenis"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    text = models.CharField(_("pesan"), max_length=500)
    url = models.CharField(_("tautan"), max_length=500, blank=True)
    region = models.ForeignKey(
        "masterplan.Region",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("daerah"),
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    read_at = models.DateTimeField(_("dibaca pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.text

    @property
    def is_unread(self):
        return self.read_at is None
