"""Writes of notifications. ``notify`` is the one way to tell people something: an in-app row per
recipient and an e-mail, sent only once the surrounding transaction commits (a refused or rolled
back action mails nobody)."""

from collections.abc import Iterable

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from masterplan.links import absolute_url
from masterplan.models import Region, User

from .models import Notification


def notify(
    users: Iterable[User | None],
    kind: str,
    text: str,
    url: str = "",
    region: Region | None = None,
    exclude: User | None = None,
) -> list[Notification]:
    """Notify each user once (in the app and by e-mail). ``exclude`` (the actor) is left out.

    Returns the created notifications."""
    seen = set()
    recipients = []
    for user in users:
        if user is None or user.pk in seen or (exclude is not None and user.pk == exclude.pk):
            continue
        if not user.is_active:
            continue
        seen.add(user.pk)
        recipients.append(user)
    if not recipients:
        return []
    rows = Notification.objects.bulk_create(
        [Notification(recipient=u, kind=kind, text=text[:500], url=url, region=region) for u in recipients]
    )
    mails = [
        (u.email, _("[Masterplan Smart City] %(text)s") % {"text": text}, _mail_body(u, text, url))
        for u in recipients
        if u.email
    ]
    if mails:
        transaction.on_commit(lambda: _send(mails))
    return rows


def _mail_body(user: User, text: str, url: str) -> str:
    lines = [
        _("Yth. %(name)s,") % {"name": user.get_full_name() or user.username},
        "",
        text,
        "",
    ]
    if url:
        lines += [_("Buka: %(url)s") % {"url": absolute_url(url)}, ""]
    lines += [
        _("Pesan ini dikirim otomatis oleh aplikasi Masterplan Smart City."),
        _("Semua notifikasi Anda: %(url)s") % {"url": absolute_url("/notifications/")},
    ]
    return "\n".join(lines)


def _send(mails: list[tuple[str, str, str]]) -> None:
    connection = get_connection(fail_silently=True)
    messages = [
        EmailMessage(subject=" ".join(subject.split())[:200], body=body, to=[to], connection=connection)
        for to, subject, body in mails
    ]
    connection.send_messages(messages)


def mark_read(user: User, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (all unread ones when no ids are given)."""
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())
