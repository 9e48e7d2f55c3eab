from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RenderingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "masterplan.rendering"
    label = "rendering"
    verbose_name = _("Render buku")

    def ready(self):
        # The task is registered in every process, not only in a worker (which imports it through
        # autodiscovery): without a broker Celery runs it eagerly in the web process, and an
        # unregistered name would be sent to a default broker instead.
        from . import tasks  # noqa: F401
