from django import template

from masterplan import access
from masterplan.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    """The signed-in user's unread count, for the phone's badge beside the collapsed menu; the
    page's `notifications_nav` reuses it (`as unread_notifications`) instead of counting again."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return unread_count(user)


@register.inclusion_tag("notifications/includes/nav.html", takes_context=True)
def notifications_nav(context):
    """The navbar's bell with the unread count (one COUNT query, none when the page already has
    it) and, on every page, the review queue link for experts: it spans all their regions
    (memberships are cached on the user)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    unread = context.get("unread_notifications")
    return {
        "show": True,
        "unread": unread if isinstance(unread, int) else unread_count(user),
        "reviewer": access.can_anywhere(user, access.REVIEW),
        "url_name": getattr(getattr(request, "resolver_match", None), "url_name", ""),
    }
