from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MasterplanConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "masterplan"
    verbose_name = _("Masterplan")

    def ready(self):
        from . import (
            lookups,  # noqa: F401  (registers the integer "in" lookup)
            pagecache,
        )

        pagecache.connect()
