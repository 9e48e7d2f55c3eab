from django import template

from masterplan import access
from masterplan.notifications.selectors import unread_count

register = template.Library()


@register.inclusion_tag("notifications/includes/nav.html", takes_context=True)
def notifications_nav(context):
    """The navbar's bell with the unread count (one COUNT query) and, on every page, the review
    queue link for experts: it spans all their regions (memberships are cached on the user)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {
        "show": True,
        "unread": unread_count(user),
        "reviewer": access.can_anywhere(user, access.REVIEW),
        "url_name": getattr(getattr(request, "resolver_match", None), "url_name", ""),
    }
