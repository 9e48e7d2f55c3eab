from django import template

from masterplan import access
from masterplan.notifications.selectors import unread_count

register = template.Library()


@register.inclusion_tag("notifications/includes/nav.html", takes_context=True)
def notifications_nav(context):
    """The navbar's bell with the unread count (one COUNT query) and, outside a region, the
    review queue link for experts (memberships are cached on the user)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {
        "show": True,
        "unread": unread_count(user),
        "reviewer": context.get("current_region") is None and access.can_anywhere(user, access.REVIEW),
    }
