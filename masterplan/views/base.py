"""What every region page shares: the region from the URL, resolved through masterplan.access."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.functional import cached_property

from masterplan import access
from masterplan.selectors import current_masterplan


class RegionMixin(LoginRequiredMixin):
    """Resolves ``self.region`` from the ``slug`` URL argument (404 for a foreign region) and,
    when ``required_action`` is set, refuses users who may not do it (403)."""

    required_action = access.VIEW

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.region = access.get_region(request.user, kwargs["slug"])
        request.region = self.region
        # Objects named in the URL are looked up inside the region BEFORE the role check, so a
        # foreign region's id answers 404 whatever the user's role (never a telling 403).
        self.resolve_objects()
        access.require(request.user, self.required_action, self.region)
        return super().dispatch(request, *args, **kwargs)

    def resolve_objects(self):
        """Hook: set the URL's objects with ``self.get_in_region(...)`` (404 when foreign)."""

    @cached_property
    def role(self):
        return access.role_in(self.request.user, self.region)

    @cached_property
    def masterplan(self):
        return current_masterplan(self.region)

    def get_in_region(self, queryset, **lookup):
        return access.get_in_region(self.region, queryset, **lookup)

    def can(self, action, obj=None):
        return access.can(self.request.user, action, obj if obj is not None else self.region)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            region=self.region,
            role=self.role,
            masterplan=self.masterplan,
            can_manage=self.can(access.MANAGE),
        )
        return ctx
