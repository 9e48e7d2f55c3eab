from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The choices of the filters of pages that list many regions (the national page's cohorts,
# provinces and experts, the review queue's regions): cached until a membership, region, cohort or
# province is written (a person's name: every part).
FILTER_CHOICES_SCOPE = "filter-choices"


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
        pagecache.watch(
            FILTER_CHOICES_SCOPE,
            ["masterplan.membership", "masterplan.region", "masterplan.cohort", "masterplan.province"],
        )
