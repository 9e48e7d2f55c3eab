"""Reads of notifications: always the user's own."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from masterplan.models import User

from .models import Notification


def unread_count(user: User | AnonymousUser) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).select_related("region")
