"""Writes of notifications. ``notify`` is the one way to tell people something: an in-app row per
recipient and an e-mail, sent only once the surrounding transaction commits (a refused or rolled
back action mails nobody)."""

from collections.abc import Iterable

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from masterplan.links import absolute_url
from masterplan.models import Region, User

from .models import Notification

# What a notification quotes of what someone wrote (a comment, a note): the in-app row holds 500
# characters in all, the mail has room for more. Cut at a word, with an ellipsis.
DETAIL_CHARS_APP = 280
DETAIL_CHARS_MAIL = 2000


def notify(
    users: Iterable[User | None],
    kind: str,
    text: str,
    url: str = "",
    region: Region | None = None,
    exclude: User | None = None,
    detail: str = "",
) -> list[Notification]:
    """Notify each user once (in the app and by e-mail). ``exclude`` (the actor) is left out.
    ``detail`` is what someone wrote (a comment, a note): quoted after ``text`` in the app and in
    the mail's body, never in its subject.

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
    detail = (detail or "").strip()
    one_line = " ".join(detail.split())  # the list of notifications shows one paragraph
    in_app = f"{text} “{Truncator(one_line).chars(DETAIL_CHARS_APP)}”" if detail else text
    rows = Notification.objects.bulk_create(
        [
            Notification(recipient=u, kind=kind, text=Truncator(in_app).chars(500), url=url, region=region)
            for u in recipients
        ]
    )
    mail_text = f"{text}\n\n“{Truncator(detail).chars(DETAIL_CHARS_MAIL)}”" if detail else text
    mails = [
        (u.email, _("[Masterplan Smart City] %(text)s") % {"text": text}, _mail_body(u, mail_text, url))
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
