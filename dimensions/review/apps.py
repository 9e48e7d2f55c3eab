from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

QUEUE_SCOPE = "review-queue"


class ReviewConfig(AppConfig):
    name = "dimensions.review"
    label = "review"
    verbose_name = _("Tinjauan bagian")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from bimtek.models import Stage
        from dimensions.models import Dimension, Section
        from dimensions.signals import section_entries_changed
        from masterplan import pagecache
        from masterplan.models import Agency, Masterplan, Membership, Region

        from .models import ReviewComment, SectionTransition
        from .services import section_entry_changed

        section_entries_changed.connect(section_entry_changed, dispatch_uid="review.section_entry_changed")
        # The review queue (cached per expert and filter) shows only these: an entry's save leaves it.
        queue_models = [
            Section,
            Dimension,
            SectionTransition,
            ReviewComment,
            Stage,
            Region,
            Masterplan,
            Agency,
            Membership,
        ]
        pagecache.watch(QUEUE_SCOPE, [m._meta.label_lower for m in queue_models])
