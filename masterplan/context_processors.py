from . import access


def navigation(request):
    """The region in view and the user's role there, for the navigation bar."""
    region = getattr(request, "region", None)
    ctx = {"current_region": region}
    if region is not None and request.user.is_authenticated:
        ctx["current_role"] = access.role_in(request.user, region)
    return ctx
