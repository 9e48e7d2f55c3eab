"""The section state machine: who may do which transition from which state, and that a refused
one changes nothing."""

import pytest

from dimensions.models import Section
from dimensions.review import services
from dimensions.review.models import ReviewComment, SectionTransition
from masterplan.notifications.models import Notification

State = Section.State
ALL_ROLES = [
    "opd",
    "opd_other_agency",
    "diskominfo",
    "dewan",
    "expert",
    "expert_tegal_only",
    "admin",
    "opd_tegal",
    "outsider",
]


def _set_state(section, state):
    Section.objects.filter(pk=section.pk).update(state=state)
    section.refresh_from_db()


def _assert_nothing_changed(section, state):
    section.refresh_from_db()
    assert section.state == state
    assert not SectionTransition.objects.filter(section=section).exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize("role", ALL_ROLES)
def test_submit_by_role(world, people, role):
    section = world.garut.env_section
    user = people[role]
    if role == "opd":
        t = services.section_submit(section, user, "Siap ditinjau")
        assert (t.from_state, t.to_state, t.actor, t.note, t.kind) == (
            "draft",
            "submitted",
            user,
            "Siap ditinjau",
            "submit",
        )
        section.refresh_from_db()
        assert section.state == State.SUBMITTED
    else:
        with pytest.raises(services.TransitionError) as exc:
            services.section_submit(section, user, "x")
        assert "Hanya perwakilan OPD" in exc.value.messages[0]
        _assert_nothing_changed(section, State.DRAFT)


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("kind", ["approve", "request_changes"])
def test_review_transitions_by_role(world, people, role, kind):
    section = world.garut.env_section
    _set_state(section, State.SUBMITTED)
    user = people[role]
    service = {"approve": services.section_approve, "request_changes": services.section_request_changes}[kind]
    if role in ("expert", "admin"):
        t = service(section, user, "Catatan tenaga ahli")
        target = State.APPROVED if kind == "approve" else State.CHANGES_REQUESTED
        assert (t.from_state, t.to_state, t.actor, t.kind) == ("submitted", target, user, kind)
        section.refresh_from_db()
        assert section.state == target
    else:
        with pytest.raises(services.TransitionError) as exc:
            service(section, user, "Catatan")
        assert "Hanya tenaga ahli yang ditugaskan" in exc.value.messages[0]
        _assert_nothing_changed(section, State.SUBMITTED)


@pytest.mark.parametrize("state", [State.SUBMITTED, State.APPROVED])
def test_submit_refused_by_state(world, state):
    section = world.garut.env_section
    _set_state(section, state)
    with pytest.raises(services.TransitionError) as exc:
        services.section_submit(section, world.garut.opd, "lagi")
    assert "tidak dapat diajukan" in exc.value.messages[0]
    assert str(State(state).label) in exc.value.messages[0]
    _assert_nothing_changed(section, state)


def test_submit_again_after_changes_requested(world):
    section = world.garut.env_section
    _set_state(section, State.CHANGES_REQUESTED)
    services.section_submit(section, world.garut.opd, "Sudah diperbaiki")
    section.refresh_from_db()
    assert section.state == State.SUBMITTED


@pytest.mark.parametrize("state", [State.DRAFT, State.CHANGES_REQUESTED, State.APPROVED])
@pytest.mark.parametrize("kind", ["approve", "request_changes"])
def test_review_refused_unless_submitted(world, state, kind):
    section = world.garut.env_section
    _set_state(section, state)
    service = {"approve": services.section_approve, "request_changes": services.section_request_changes}[kind]
    with pytest.raises(services.TransitionError) as exc:
        service(section, world.expert, "catatan")
    assert "diajukan" in exc.value.messages[0]
    _assert_nothing_changed(section, state)


def test_empty_section_cannot_be_submitted(world):
    section = world.garut.gov_section  # Bappeda's section has no entries
    bappeda_opd = world.garut.opd
    from tests import factories as f

    bappeda_opd = f.UserFactory(username="opd-bappeda")
    f.MembershipFactory(user=bappeda_opd, region=world.garut.region, role="opd", agency=world.garut.bappeda)
    with pytest.raises(services.TransitionError) as exc:
        services.section_submit(section, bappeda_opd, "")
    assert "belum berisi butir" in exc.value.messages[0]
    _assert_nothing_changed(section, State.DRAFT)
    f.GoalFactory(section=section)
    services.section_submit(section, bappeda_opd, "")
    assert section.state == State.SUBMITTED


def test_a_note_with_a_nul_byte_is_refused(world):
    """The admin's transition action passes its note to the service without a form: a NUL byte
    (refused by PostgreSQL's text columns, a 500) is a message instead, and nothing changes."""
    section = world.garut.env_section
    with pytest.raises(services.TransitionError) as exc:
        services.section_submit(section, world.garut.opd, "Siap\x00 ditinjau")
    assert exc.value.messages == ["Catatan memuat karakter yang tidak diizinkan."]
    section.refresh_from_db()
    assert section.state == Section.State.DRAFT and not SectionTransition.objects.exists()


def test_request_changes_needs_note_or_open_comment(world):
    section = world.garut.env_section
    _set_state(section, State.SUBMITTED)
    with pytest.raises(services.TransitionError) as exc:
        services.section_request_changes(section, world.expert, "   ")
    assert "catatan perbaikan" in exc.value.messages[0]
    _assert_nothing_changed(section, State.SUBMITTED)

    # A resolved comment does not count.
    comment = services.comment_add(section, world.expert, "Data dukung kurang", entry=world.garut.swot)
    services.comment_resolve(comment, world.garut.opd)
    Notification.objects.all().delete()
    with pytest.raises(services.TransitionError):
        services.section_request_changes(section, world.expert, "")

    services.comment_reopen(comment, world.expert)
    t = services.section_request_changes(section, world.expert, "")
    assert t.to_state == State.CHANGES_REQUESTED and t.note == ""


def test_full_cycle_is_logged_in_order(world):
    section = world.garut.env_section
    opd, expert = world.garut.opd, world.expert
    services.section_submit(section, opd, "pertama")
    services.section_request_changes(section, expert, "perbaiki SWOT")
    services.section_submit(section, opd, "kedua")
    services.section_approve(section, expert, "bagus")
    services.section_entry_changed(section, opd)
    log = list(SectionTransition.objects.filter(section=section).order_by("at", "pk"))
    assert [(t.kind, t.from_state, t.to_state) for t in log] == [
        ("submit", "draft", "submitted"),
        ("request_changes", "submitted", "changes_requested"),
        ("submit", "changes_requested", "submitted"),
        ("approve", "submitted", "approved"),
        ("reopen", "approved", "draft"),
    ]
    assert [t.actor for t in log] == [opd, expert, opd, expert, opd]
    section.refresh_from_db()
    assert section.state == State.DRAFT


def test_section_is_editable():
    section = Section(state=State.DRAFT)
    assert section.is_editable
    section.state = State.CHANGES_REQUESTED
    assert section.is_editable
    section.state = State.APPROVED
    assert section.is_editable
    section.state = State.SUBMITTED
    assert not section.is_editable


def test_entry_changed_is_free_unless_approved(world, django_assert_num_queries):
    section = world.garut.env_section
    for state in (State.DRAFT, State.CHANGES_REQUESTED):
        section.state = state
        with django_assert_num_queries(0):
            assert services.section_entry_changed(section, world.garut.opd) is None
    assert not SectionTransition.objects.exists()


def test_entry_changed_reopens_approved_and_tells_experts(world, mailoutbox, django_capture_on_commit_callbacks):
    section = world.garut.env_section
    _set_state(section, State.APPROVED)
    with django_capture_on_commit_callbacks(execute=True):
        t = services.section_entry_changed(section, world.garut.opd)
    assert t.kind == "reopen" and (t.from_state, t.to_state) == ("approved", "draft")
    assert section.state == State.DRAFT
    section.refresh_from_db()
    assert section.state == State.DRAFT
    assert list(Notification.objects.values_list("recipient__username", "kind")) == [("ahli", "reopened")]
    assert [m.to for m in mailoutbox] == [[world.expert.email]]
    # Once reopened, further edits change nothing.
    assert services.section_entry_changed(section, world.garut.opd) is None
    assert SectionTransition.objects.filter(kind="reopen").count() == 1


def test_entry_changed_with_stale_copy_does_not_fail(world):
    section = world.garut.env_section
    _set_state(section, State.APPROVED)
    stale = Section.objects.get(pk=section.pk)
    services.section_entry_changed(section, world.garut.opd)
    assert services.section_entry_changed(stale, world.garut.opd) is None
    assert stale.state == State.DRAFT
    assert SectionTransition.objects.filter(kind="reopen").count() == 1


def test_double_submit_gives_one_transition(world):
    """Two clicks with the same (stale) copy of the section: the second is refused under the row
    lock because the state is read again from the database."""
    first = Section.objects.get(pk=world.garut.env_section.pk)
    second = Section.objects.get(pk=world.garut.env_section.pk)
    services.section_submit(first, world.garut.opd, "klik 1")
    with pytest.raises(services.TransitionError):
        services.section_submit(second, world.garut.opd, "klik 2")
    assert SectionTransition.objects.filter(kind="submit").count() == 1
    assert Notification.objects.filter(kind="submitted").count() == 1


def test_double_approve_gives_one_transition(world):
    _set_state(world.garut.env_section, State.SUBMITTED)
    a = Section.objects.get(pk=world.garut.env_section.pk)
    b = Section.objects.get(pk=world.garut.env_section.pk)
    services.section_approve(a, world.expert, "")
    with pytest.raises(services.TransitionError):
        services.section_request_changes(b, world.expert, "terlambat")
    assert SectionTransition.objects.count() == 1
    assert not ReviewComment.objects.exists()


def test_allowed_transitions(world, people):
    section = world.garut.env_section
    assert services.allowed_transitions(people["opd"], section) == ["submit"]
    assert services.allowed_transitions(people["expert"], section) == []
    section.state = State.SUBMITTED
    assert services.allowed_transitions(people["opd"], section) == []
    assert services.allowed_transitions(people["expert"], section) == ["request_changes", "approve"]
    assert services.allowed_transitions(people["dewan"], section) == []
