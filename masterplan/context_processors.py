from django.utils.translation import gettext as _

from . import access
from .models import Role


def navigation(request):
    """The region in view and the user's role there, for the navigation bar."""
    region = getattr(request, "region", None)
    ctx = {"current_region": region}
    if request.user.is_authenticated:
        ctx["national_nav"] = access.sees_national_view(request.user)
    if region is not None and request.user.is_authenticated:
        ctx["current_role"] = access.role_in(request.user, region)
        ctx["current_role_label"] = _role_label(ctx["current_role"])
    return ctx


def _role_label(role):
    """The role's Indonesian name for the navigation bar (e.g. 'Staf Diskominfo')."""
    if role == access.ADMIN:
        return _("Administrator situs")
    if role == access.COORDINATOR:
        return _("Koordinator Program Kominfo")
    return Role(role).label if role in Role.values else role
