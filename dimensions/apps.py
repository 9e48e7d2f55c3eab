from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DimensionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dimensions"
    verbose_name = _("Dimensi")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from masterplan import signals

        from . import receivers

        signals.agency_delete_blockers.connect(receivers.agency_delete_blockers, dispatch_uid="dimensions.agency")
        signals.masterplan_period_conflicts.connect(
            receivers.masterplan_period_conflicts, dispatch_uid="dimensions.period"
        )
        for model in receivers.FIGURES_MODELS:
            for signal in (post_save, post_delete):
                signal.connect(
                    receivers.figures_changed, sender=model, dispatch_uid=f"dimensions.figures.{model.__name__}"
                )
        m2m_changed.connect(
            receivers.funding_sources_changed,
            sender=receivers.Program.funding_sources.through,
            dispatch_uid="dimensions.figures.funding_sources",
        )
