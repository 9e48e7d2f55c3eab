from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "dimensions.review"
    label = "review"
    verbose_name = _("Tinjauan bagian")
    default_auto_field = "django.db.models.BigAutoField"
