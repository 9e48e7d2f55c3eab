from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RenderingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "masterplan.rendering"
    label = "rendering"
    verbose_name = _("Render buku")
