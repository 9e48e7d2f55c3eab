from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The choices of the national page's filters (cohorts, provinces, the experts of one's regions):
# cached until a membership, cohort or province is written (a person's name: every part).
NATIONAL_FILTERS_SCOPE = "national-filters"


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
        pagecache.watch(NATIONAL_FILTERS_SCOPE, ["masterplan.membership", "masterplan.cohort", "masterplan.province"])
