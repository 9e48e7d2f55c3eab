"""Comments next to entries: ``{% load review_tags %}`` then
``{% with threads=open_comments|comments_for:entry %}`` (``open_comments`` from
``dimensions.review.selectors.open_comments_for_section``), or
``{% include "review/includes/entry_comments.html" with entry=entry %}``."""

from django import template
from django.db.models import Model

from dimensions.review import selectors
from masterplan import access

register = template.Library()


@register.filter
def comments_for(comments, entry):
    """The comment threads of one entry (or of the section itself when entry is None/"")."""
    if not comments:
        return []
    return comments.get(selectors.comment_key(entry or None), [])


@register.filter
def entry_type(entry):
    return entry._meta.model_name


@register.filter
def entry_fields(entry: Model) -> list[tuple[str, str]]:
    return selectors.entry_fields(entry)


@register.simple_tag
def open_count(comments):
    """How many open threads a comments dict holds."""
    if not comments:
        return 0
    return sum(1 for threads in comments.values() for t in threads if t.resolved_at is None)


@register.simple_tag(takes_context=True)
def review_permissions(context, section):
    """What the current user may do with the comments of a section (no query: memberships are
    cached on the user)."""
    user = context["request"].user
    reviewer = access.can(user, access.REVIEW, section)
    return {"comment": reviewer, "reply": reviewer or access.can(user, access.EDIT_SECTION, section)}


@register.simple_tag(takes_context=True)
def return_url(context):
    """Where a comment form brings the user back: the page in the address bar (also when the
    fragment was fetched by htmx)."""
    request = context.get("request")
    if request is None:
        return ""
    htmx = getattr(request, "htmx", None)
    if htmx and htmx.current_url_abs_path:
        return htmx.current_url_abs_path
    return request.get_full_path()


@register.filter
def posted_for(form, entry):
    """Was this (bound, invalid) comment form posted for this entry? Then it shows its errors and
    keeps the typed text there."""
    if form is None or not form.is_bound:
        return False
    if entry is None or entry == "":
        return not form.data.get("entry_type") and not form.data.get("parent")
    return form.data.get("entry_type") == entry._meta.model_name and form.data.get("entry_id") == str(entry.pk)


@register.filter
def dom_id(entry, prefix):
    """A stable HTML id for an entry: ``prefix-model-pk`` (``prefix-bagian`` for the section)."""
    if entry is None or entry == "":
        return f"{prefix}-bagian"
    return f"{prefix}-{entry._meta.model_name}-{entry.pk}"


@register.filter
def split_recent(items, keep):
    """(older, recent) of a conversation: the last ``keep`` items shown, the older ones behind a
    disclosure; all shown when only one or two would hide."""
    keep = int(keep)
    if len(items) <= keep + 2:
        return [], items
    return items[:-keep], items[-keep:]
