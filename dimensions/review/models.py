"""The review of a section: the log of its state transitions and the comments of the experts
(and the agency's answers) on the section or on one of its entries."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from dimensions.models import Section


class SectionTransition(models.Model):
    """One change of a section's review state; written only by dimensions.review.services."""

    class Kind(models.TextChoices):
        SUBMIT = "submit", _("Diajukan")
        REQUEST_CHANGES = "request_changes", _("Diminta perbaikan")
        APPROVE = "approve", _("Disetujui")
        REOPEN = "reopen", _("Dibuka kembali")

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("bagian"))
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    from_state = models.CharField(_("dari status"), max_length=20, choices=Section.State.choices)
    to_state = models.CharField(_("ke status"), max_length=20, choices=Section.State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oleh"),
    )
    note = models.TextField(_("catatan"), blank=True)
    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)

    REGION_PATH = "section__masterplan__region"
    REVIEW_KINDS = (Kind.REQUEST_CHANGES, Kind.APPROVE)

    class Meta:
        verbose_name = _("riwayat status")
        verbose_name_plural = _("riwayat status")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["section", "kind", "at"])]

    def __str__(self):
        return f"{self.section}: {self.get_from_state_display()} → {self.get_to_state_display()}"


class ReviewComment(models.Model):
    """A comment on a section, or on one entry of it (content_type/object_id); replies point to
    their thread's first comment, which carries the resolved state."""

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="review_comments", verbose_name=_("bagian")
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("jenis butir")
    )
    object_id = models.PositiveBigIntegerField(_("butir"), null=True, blank=True)
    entry = GenericForeignKey("content_type", "object_id")
    entry_label = models.CharField(
        _("butir"),
        max_length=250,
        blank=True,
        help_text=_("Ringkasan butir saat dikomentari (tetap ada bila butir dihapus)."),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies", verbose_name=_("membalas")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("penulis")
    )
    text = models.TextField(_("komentar"))
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("diselesaikan pada"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diselesaikan oleh"),
    )

    REGION_PATH = "section__masterplan__region"

    class Meta:
        verbose_name = _("komentar tinjauan")
        verbose_name_plural = _("komentar tinjauan")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["section", "resolved_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(content_type__isnull=True, object_id__isnull=True)
                | models.Q(content_type__isnull=False, object_id__isnull=False),
                name="review_comment_entry_complete",
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def is_open(self):
        return self.resolved_at is None
