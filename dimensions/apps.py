from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DimensionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dimensions"
    verbose_name = _("Dimensi")

    def ready(self):
        from masterplan import signals

        from . import receivers

        signals.agency_delete_blockers.connect(receivers.agency_delete_blockers, dispatch_uid="dimensions.agency")
        signals.masterplan_period_conflicts.connect(
            receivers.masterplan_period_conflicts, dispatch_uid="dimensions.period"
        )
