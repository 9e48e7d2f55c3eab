from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BimtekConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "bimtek"
    verbose_name = _("Bimtek")
