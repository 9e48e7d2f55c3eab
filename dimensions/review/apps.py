from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "dimensions.review"
    label = "review"
    verbose_name = _("Tinjauan bagian")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dimensions.signals import section_entries_changed

        from .services import section_entry_changed

        section_entries_changed.connect(section_entry_changed, dispatch_uid="review.section_entry_changed")
