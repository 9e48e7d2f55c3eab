"""The review of sections: every state transition is a function here, and nowhere else.

    draft ──submit──▶ submitted ──request_changes──▶ changes_requested ──submit──▶ submitted
                          └──────approve──▶ approved ──(entry edited)──reopen──▶ draft

Each transition runs in a transaction, locks the section row (two clicks never transition
twice), checks role (masterplan.access) and state, writes a SectionTransition, and notifies the
other side. A refused transition raises TransitionError with an Indonesian message and changes
nothing.

The workspace writes entries only while ``Section.is_editable``; ``section_entry_changed`` runs
after every create/update/delete/restore of one (connected to ``section_entries_changed``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from dimensions.kinds import anchor_of
from dimensions.models import Section
from dimensions.selectors import section_has_entries
from masterplan import access
from masterplan.models import User
from masterplan.notifications.models import Notification
from masterplan.notifications.services import notify

from .models import ReviewComment, SectionTransition

State = Section.State
Kind = SectionTransition.Kind


class TransitionError(ValidationError):
    """A transition the section's state or the user's role does not allow."""


class CommentError(ValidationError):
    """A comment action that is not allowed."""


def section_review_url(section: Section) -> str:
    return reverse("section_review", args=[section.masterplan.region.slug, section.pk])


@dataclass(frozen=True)
class _Rule:
    kind: str
    sources: frozenset
    target: str
    action: str
    role_message: str


def _rules() -> dict[str, _Rule]:
    # Built lazily so the messages are translated in the active language.
    return {
        Kind.SUBMIT: _Rule(
            Kind.SUBMIT,
            frozenset({State.DRAFT, State.CHANGES_REQUESTED}),
            State.SUBMITTED,
            access.EDIT_SECTION,
            _("Hanya perwakilan OPD %(agency)s yang dapat mengajukan bagian ini."),
        ),
        Kind.REQUEST_CHANGES: _Rule(
            Kind.REQUEST_CHANGES,
            frozenset({State.SUBMITTED}),
            State.CHANGES_REQUESTED,
            access.REVIEW,
            _("Hanya tenaga ahli yang ditugaskan di daerah ini yang dapat meminta perbaikan."),
        ),
        Kind.APPROVE: _Rule(
            Kind.APPROVE,
            frozenset({State.SUBMITTED}),
            State.APPROVED,
            access.REVIEW,
            _("Hanya tenaga ahli yang ditugaskan di daerah ini yang dapat menyetujui bagian."),
        ),
        Kind.REOPEN: _Rule(
            Kind.REOPEN,
            frozenset({State.APPROVED}),
            State.DRAFT,
            None,  # follows an entry write the workspace has already authorised
            "",
        ),
    }


def _state_message(kind: str, state: str) -> str:
    state_label = State(state).label
    messages = {
        Kind.SUBMIT: _("Bagian ini tidak dapat diajukan karena statusnya %(state)s."),
        Kind.REQUEST_CHANGES: _(
            "Perbaikan hanya dapat diminta untuk bagian yang sedang diajukan (status saat ini: %(state)s)."
        ),
        Kind.APPROVE: _("Hanya bagian yang sedang diajukan yang dapat disetujui (status saat ini: %(state)s)."),
        Kind.REOPEN: _("Hanya bagian yang sudah disetujui yang dapat dibuka kembali (status saat ini: %(state)s)."),
    }
    return messages[kind] % {"state": state_label}


def allowed_transitions(user: User, section: Section) -> list[str]:
    """The transitions the user may do now on the section (for showing buttons; the services
    check again under lock)."""
    result = []
    for kind, rule in _rules().items():
        if kind == Kind.REOPEN:
            continue  # happens by editing, not by a button
        if section.state in rule.sources and rule.action and access.can(user, rule.action, section):
            result.append(kind)
    return result


def _transition(
    section: Section,
    user: User,
    kind: str,
    note: str = "",
    check: Callable[[Section, str], None] | None = None,
) -> SectionTransition:
    rule = _rules()[kind]
    note = (note or "").strip()
    if "\x00" in note:  # PostgreSQL refuses it in text; the admin's action passes the note unchecked
        raise TransitionError(_("Catatan memuat karakter yang tidak diizinkan."), code="note")
    with transaction.atomic():
        locked = (
            Section.objects.select_for_update(of=("self",))
            .select_related("masterplan__region", "agency", "dimension")
            .get(pk=section.pk)
        )
        if rule.action is not None and not access.can(user, rule.action, locked):
            raise TransitionError(rule.role_message % {"agency": locked.agency}, code="role")
        if locked.state not in rule.sources:
            raise TransitionError(_state_message(kind, locked.state), code="state")
        if check is not None:
            check(locked, note)
        from_state = locked.state
        locked.state = rule.target
        locked.save(update_fields=["state", "updated_at"])
        transition = SectionTransition.objects.create(
            section=locked, kind=kind, from_state=from_state, to_state=rule.target, actor=user, note=note
        )
        _notify_transition(locked, transition, user)
    # The caller's copy now tells the truth too.
    section.state = locked.state
    section.updated_at = locked.updated_at
    return transition


def _check_submit(section: Section, note: str) -> None:
    if not section_has_entries(section):
        raise TransitionError(_("Bagian yang belum berisi butir apa pun tidak dapat diajukan."), code="empty")


def _check_request_changes(section: Section, note: str) -> None:
    if note:
        return
    if not ReviewComment.objects.filter(section=section, parent__isnull=True, resolved_at__isnull=True).exists():
        raise TransitionError(
            _("Tuliskan catatan perbaikan atau buat minimal satu komentar terbuka sebelum meminta perbaikan."),
            code="note",
        )


def section_submit(section: Section, user: User, note: str = "") -> SectionTransition:
    """draft / changes requested → submitted, by the agency's OPD representative."""
    return _transition(section, user, Kind.SUBMIT, note, check=_check_submit)


def section_request_changes(section: Section, user: User, note: str = "") -> SectionTransition:
    """submitted → changes requested, by an expert of the region (with a note or an open comment)."""
    return _transition(section, user, Kind.REQUEST_CHANGES, note, check=_check_request_changes)


def section_approve(section: Section, user: User, note: str = "") -> SectionTransition:
    """submitted → approved, by an expert of the region."""
    return _transition(section, user, Kind.APPROVE, note)


def section_reopen(section: Section, user: User, note: str = "") -> SectionTransition:
    """approved → draft: the agency edited an approved section; the experts are told."""
    return _transition(section, user, Kind.REOPEN, note)


def section_entry_changed(section: Section, user: User, **kwargs: object) -> SectionTransition | None:
    """Receiver of ``dimensions.signals.section_entries_changed``: after every create/update/
    delete/restore of an entry of the section. Reopens an approved section; costs nothing while
    the section is not approved."""
    if section.state != State.APPROVED:
        # Nothing to do: an entry can only be written in an editable state, and the only editable
        # state with a transition attached is "approved".
        return None
    try:
        return section_reopen(section, user, _("Butir diubah setelah bagian disetujui."))
    except TransitionError:
        # Our copy was stale and someone else already reopened it: nothing left to do.
        section.refresh_from_db(fields=["state"])
        return None


# Notifications --------------------------------------------------------------------------------


def _notify_transition(section: Section, transition: SectionTransition, actor: User) -> None:
    region = section.masterplan.region
    url = section_review_url(section)
    params = {"dimension": section.dimension, "agency": section.agency, "region": region, "actor": actor}
    if transition.kind == Kind.SUBMIT:
        users = access.reviewers_of(region)
        kind = Notification.Kind.SUBMITTED
        text = _("%(agency)s mengajukan bagian %(dimension)s (%(region)s) untuk ditinjau.") % params
    elif transition.kind == Kind.REQUEST_CHANGES:
        users = access.editors_of(section)
        kind = Notification.Kind.CHANGES_REQUESTED
        text = _("Tenaga ahli %(actor)s meminta perbaikan bagian %(dimension)s (%(region)s).") % params
    elif transition.kind == Kind.APPROVE:
        users = access.editors_of(section)
        kind = Notification.Kind.APPROVED
        text = _("Bagian %(dimension)s (%(region)s) disetujui oleh tenaga ahli %(actor)s.") % params
    else:
        users = access.reviewers_of(region)
        kind = Notification.Kind.REOPENED
        text = (
            _("Bagian %(dimension)s %(agency)s (%(region)s) yang sudah disetujui diubah dan kembali menjadi draf.")
            % params
        )
    notify(users, kind, text, url, region=region, exclude=actor, detail=transition.note)


# Comments -------------------------------------------------------------------------------------

# What a comment action does to its thread besides the answer (the notification says so).
RESOLVE = "resolve"
REOPEN = "reopen"


def entry_section_id(entry: Model) -> int | None:
    """The id of the section an entry belongs to (entries of programs and goals included)."""
    for attr in ("section_id",):
        if getattr(entry, attr, None):
            return getattr(entry, attr)
    for parent in ("program", "goal"):
        if getattr(entry, f"{parent}_id", None):
            return entry_section_id(getattr(entry, parent))
    return None


def thread_url(section: Section, thread: ReviewComment, entry: Model | None, is_open: bool) -> str:
    """Where a notification about a thread leads: the entry's row on the section page (its open
    threads show there); for a thread on the section itself, the thread on the section page while
    open, else the conversation there; the review page (which keeps them) when the entry has been
    deleted since."""
    if thread.content_type_id is None:
        return section.get_absolute_url(f"komentar-{thread.pk}" if is_open else "percakapan")
    anchor = anchor_of(type(entry), entry.pk, getattr(entry, "program_id", None)) if entry is not None else ""
    if not anchor:
        return f"{section_review_url(section)}#komentar-{thread.pk}"
    return section.get_absolute_url(anchor)


def _may_answer(user: User, section: Section) -> bool:
    return access.can(user, access.REVIEW, section) or access.can(user, access.EDIT_SECTION, section)


def comment_add(
    section: Section, user: User, text: str, entry: Model | None = None, parent: ReviewComment | None = None
) -> ReviewComment:
    """A new comment on the section or on one of its entries (experts), or an answer in a thread
    (experts and the agency's OPD representatives). Tells the other side, quoting the text and
    linking the entry on the section page."""
    return _comment_add(section, user, text, entry, parent)


def _comment_add(
    section: Section,
    user: User,
    text: str,
    entry: Model | None = None,
    parent: ReviewComment | None = None,
    then: str = "",
) -> ReviewComment:
    text = (text or "").strip()
    if not text:
        raise CommentError({"text": _("Komentar tidak boleh kosong.")}, code="empty")
    is_reviewer = access.can(user, access.REVIEW, section)
    is_editor = access.can(user, access.EDIT_SECTION, section)
    if parent is not None:
        if parent.section_id != section.pk:
            raise CommentError(_("Komentar yang dibalas bukan milik bagian ini."), code="parent")
        parent = parent.parent or parent  # a thread is one level deep
        if not (is_reviewer or is_editor):
            raise CommentError(_("Anda tidak dapat membalas komentar pada bagian ini."), code="role")
        entry_ct, entry_id, label = parent.content_type, parent.object_id, parent.entry_label
        entry = parent.entry if entry_id is not None else None  # None when deleted since
    else:
        if not is_reviewer:
            raise CommentError(
                _("Hanya tenaga ahli yang ditugaskan di daerah ini yang dapat memberi komentar tinjauan."), code="role"
            )
        if entry is not None:
            if entry_section_id(entry) != section.pk:
                raise CommentError(_("Butir ini bukan milik bagian ini."), code="entry")
            entry_ct, entry_id, label = ContentType.objects.get_for_model(entry), entry.pk, str(entry)[:250]
        else:
            entry_ct, entry_id, label = None, None, ""
    with transaction.atomic():
        comment = ReviewComment.objects.create(
            section=section,
            content_type=entry_ct,
            object_id=entry_id,
            entry_label=label,
            parent=parent,
            author=user,
            text=text,
        )
        if parent is not None and parent.resolved_at is not None:
            # An answer to a resolved thread opens it again.
            ReviewComment.objects.filter(pk=parent.pk).update(resolved_at=None, resolved_by=None)
            parent.resolved_at = parent.resolved_by = None
        thread = parent or comment
        if is_reviewer:
            users = list(access.editors_of(section))
        else:
            users = list(access.reviewers_of(section.masterplan.region))
        if parent is not None and parent.author_id and parent.author_id != user.pk:
            users.append(parent.author)
        notify(
            users,
            Notification.Kind.COMMENT,
            _comment_headline(section, user, label if entry_id else "", parent is not None, is_reviewer, then),
            thread_url(section, thread, entry, is_open=then != RESOLVE),
            region=section.masterplan.region,
            exclude=user,
            detail=text,
        )
    return comment


def _comment_headline(section: Section, user: User, label: str, answer: bool, is_reviewer: bool, then: str) -> str:
    params = {
        "author": user,
        "agency": section.agency,
        "dimension": section.dimension,
        "region": section.masterplan.region,
        "entry": Truncator(" ".join(label.split())).chars(60),
    }
    if label:
        where = _("pada butir «%(entry)s» di bagian %(dimension)s (%(region)s)") % params
    else:
        where = _("pada bagian %(dimension)s (%(region)s)") % params
    params["where"] = where
    if not answer:
        return _("Komentar baru dari tenaga ahli %(author)s %(where)s.") % params
    who = _("Tenaga ahli %(author)s") % params if is_reviewer else _("%(author)s (%(agency)s)") % params
    params["who"] = who
    if then == RESOLVE:
        return _("%(who)s menjawab dan menandai selesai komentar %(where)s.") % params
    if then == REOPEN:
        return _("%(who)s menjawab dan membuka kembali komentar %(where)s.") % params
    return _("%(who)s menjawab komentar %(where)s.") % params


def comment_resolve(comment: ReviewComment, user: User, text: str = "") -> ReviewComment:
    """Mark a thread resolved (the agency after fixing, or the expert). An answer typed with it
    (``text``) is posted in the same transaction first: resolving never throws an answer away."""
    thread = comment.parent or comment
    section = thread.section
    if not _may_answer(user, section):
        raise CommentError(_("Anda tidak dapat menandai komentar ini selesai."), code="role")
    with transaction.atomic():
        if (text or "").strip():
            _comment_add(section, user, text, parent=thread, then=RESOLVE)
        ReviewComment.objects.filter(pk=thread.pk, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=user
        )
    thread.refresh_from_db(fields=["resolved_at", "resolved_by"])
    return thread


def comment_reopen(comment: ReviewComment, user: User, text: str = "") -> ReviewComment:
    """Open a resolved thread again (e.g. the expert is not satisfied with the fix), with the
    answer typed with it (``text``) posted in the same transaction."""
    thread = comment.parent or comment
    if not _may_answer(user, thread.section):
        raise CommentError(_("Anda tidak dapat membuka kembali komentar ini."), code="role")
    with transaction.atomic():
        if (text or "").strip():
            _comment_add(thread.section, user, text, parent=thread, then=REOPEN)
        ReviewComment.objects.filter(pk=thread.pk).update(resolved_at=None, resolved_by=None)
    thread.resolved_at = thread.resolved_by = None
    return thread
