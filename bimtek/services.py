"""Writes of the bimtek app: stages, their sign-off, and participants. Each is atomic; the view
has already resolved the region through masterplan.access, and the rules that need a role are
checked again here so no caller can skip them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from masterplan import access
from masterplan.models import Masterplan, User
from masterplan.notifications.models import Notification
from masterplan.notifications.services import notify

from .checklist import checklist_complete, stage_checklist
from .imports import ImportRow, participant_key
from .links import stage_url
from .models import Participant, Stage


class StageActionRefused(Exception):
    """A stage action the state or the user's role does not allow; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


STAGE_FIELDS = ["start_date", "end_date", "venue", "status", "notes"]
PARTICIPANT_FIELDS = ["name", "institution", "position", "helix", "email", "phone"]


def _require_manage(user: User, obj: Masterplan | Stage | Participant) -> None:
    if not access.can(user, access.MANAGE, obj):
        raise PermissionDenied


@transaction.atomic
def stages_ensure(masterplan: Masterplan, *, user: User) -> int:
    """Create the stages I–IV the masterplan does not have yet; returns how many were created."""
    _require_manage(user, masterplan)
    have = set(masterplan.stages.values_list("number", flat=True))
    missing = [Stage(masterplan=masterplan, number=n) for n in range(1, 5) if n not in have]
    for stage in missing:
        stage.full_clean()
        stage.save()
    return len(missing)


@transaction.atomic
def stage_update(stage: Stage, *, user: User, **fields: object) -> Stage:
    """Change a stage's dates, venue, status and notes. Only the sign-off sets ``signed_off``."""
    _require_manage(user, stage)
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    unknown = set(fields) - set(STAGE_FIELDS)
    if unknown:
        raise TypeError(f"unknown stage fields: {sorted(unknown)}")
    new_status = fields.get("status", stage.status)
    if new_status != stage.status and Stage.Status.SIGNED_OFF in (new_status, stage.status):
        raise StageActionRefused(
            _("Status \u201cdisahkan\u201d hanya diberikan atau dicabut lewat pengesahan tenaga ahli.")
        )
    for name, value in fields.items():
        setattr(stage, name, value)
    stage.full_clean()
    stage.save()
    return stage


SIGN_OFF_REASON_MAX = 100  # the history's change reason holds this many characters


@transaction.atomic
def stage_sign_off(stage: Stage, user: User) -> Stage:
    """The expert assigned to the region signs the stage off, only when its checklist is complete.

    Records who and when (on the stage and, with the user, in its history), sets the status to
    signed off and tells the region's Diskominfo staff and experts. Raises StageActionRefused with
    a message that says why when refused."""
    stage = Stage.objects.select_for_update().select_related("masterplan__region").get(pk=stage.pk)
    if not access.can(user, access.SIGN_OFF, stage):
        raise StageActionRefused(_("Hanya tenaga ahli yang ditugaskan di daerah ini yang dapat mengesahkan tahap."))
    if stage.status == Stage.Status.SIGNED_OFF:
        raise StageActionRefused(_("%(stage)s sudah disahkan.") % {"stage": stage})
    items = stage_checklist(stage.masterplan, stage.number, stage)
    if not checklist_complete(items):
        missing = sum(1 for item in items if not item.done)
        raise StageActionRefused(
            _("%(stage)s belum dapat disahkan: %(n)d butir daftar periksa belum terpenuhi.")
            % {"stage": stage, "n": missing}
        )
    stage.status = Stage.Status.SIGNED_OFF
    stage.signed_off_by = user
    stage.signed_off_at = timezone.now()
    _save_with_history(stage, user, "")
    region = stage.masterplan.region
    _notify_stage(
        stage,
        user,
        Notification.Kind.STAGE_SIGNED_OFF,
        # The actor first: a name may end in a full stop (M.T.).
        _("Tenaga ahli %(actor)s mengesahkan %(stage)s bimtek %(region)s.")
        % {"stage": stage, "region": region, "actor": user},
    )
    return stage


@transaction.atomic
def stage_sign_off_undo(stage: Stage, user: User, reason: str = "") -> Stage:
    """Withdraw a stage's sign-off (one given by mistake): the stage goes back to done. The same
    role as the sign-off. Who withdrew it, when and why stay in the stage's history (the sign-off
    log of the stage page); the region's Diskominfo staff and experts are told. Raises
    StageActionRefused when refused."""
    stage = Stage.objects.select_for_update().select_related("masterplan__region").get(pk=stage.pk)
    if not access.can(user, access.SIGN_OFF, stage):
        raise StageActionRefused(
            _("Hanya tenaga ahli yang ditugaskan di daerah ini yang dapat mencabut pengesahan tahap.")
        )
    if stage.status != Stage.Status.SIGNED_OFF:
        raise StageActionRefused(_("%(stage)s belum disahkan.") % {"stage": stage})
    reason = " ".join((reason or "").split())
    if len(reason) > SIGN_OFF_REASON_MAX:
        raise ValidationError(
            {"reason": _("Alasan paling panjang %(n)d karakter.") % {"n": SIGN_OFF_REASON_MAX}}, code="max_length"
        )
    stage.status = Stage.Status.DONE
    stage.signed_off_by = None
    stage.signed_off_at = None
    _save_with_history(stage, user, reason)
    region = stage.masterplan.region
    text = _("Tenaga ahli %(actor)s mencabut pengesahan %(stage)s bimtek %(region)s.") % {
        "stage": stage,
        "region": region,
        "actor": user,
    }
    if reason:
        text = f"{text} {_('Alasan')}: {reason}"
    _notify_stage(stage, user, Notification.Kind.STAGE_SIGN_OFF_WITHDRAWN, text)
    return stage


def _save_with_history(stage: Stage, user: User, reason: str) -> None:
    # The history row names the actor even outside a request (the admin action, a shell).
    stage._history_user = user
    stage._change_reason = reason or None
    stage.save(update_fields=["status", "signed_off_by", "signed_off_at"])


def _notify_stage(stage: Stage, actor: User, kind: str, text: str) -> None:
    """The sign-off and its withdrawal tell the same people: who runs the region's stages
    (Diskominfo) and its experts, never the actor."""
    region = stage.masterplan.region
    users = [*access.managers_of(region), *access.reviewers_of(region)]
    notify(users, kind, text, stage_url(region.slug, stage.pk), region=region, exclude=actor)


@transaction.atomic
def participant_save(
    stage: Stage, *, user: User, participant: Participant | None = None, **fields: object
) -> Participant:
    """Add a participant to a stage, or change one of its participants."""
    _require_manage(user, stage)
    if participant is None:
        participant = Participant(stage=stage)
    elif participant.stage_id != stage.pk:
        raise PermissionDenied
    for name in PARTICIPANT_FIELDS:
        if name in fields:
            setattr(participant, name, fields[name])
    participant.full_clean()
    participant.save()
    return participant


@transaction.atomic
def participant_delete(participant: Participant, *, user: User) -> None:
    _require_manage(user, participant)
    participant.delete()


@transaction.atomic
def participants_import(stage: Stage, rows: list[ImportRow], *, user: User) -> list[Participant]:
    """Create the participants of an attendance list, all or nothing.

    ``rows`` are ImportRow objects from bimtek.imports.parse_attendance; duplicates are skipped.
    Refuses the whole list when any row has errors. Returns the created participants.

    Who is already registered is decided here, under a lock on the stage row, and marked on the
    rows (``duplicate``): two confirmations of one list at once (a double click) run one after
    the other, and the second finds the first's participants."""
    _require_manage(user, stage)
    bad = [row for row in rows if row.errors]
    if bad:
        raise StageActionRefused(_("Tidak ada peserta yang diimpor: %(n)d baris tidak valid.") % {"n": len(bad)})
    Stage.objects.select_for_update().get(pk=stage.pk)  # held until the request's transaction ends
    seen = {
        participant_key(n, i) for n, i in Participant.objects.filter(stage=stage).values_list("name", "institution")
    }
    created = []
    for row in rows:
        key = participant_key(row.data.get("name", ""), row.data.get("institution", ""))
        row.duplicate = key in seen
        seen.add(key)
        if row.duplicate:
            continue
        participant = Participant(stage=stage, **{k: row.data.get(k, "") for k in PARTICIPANT_FIELDS})
        participant.full_clean()
        created.append(participant)
    Participant.objects.bulk_create(created)
    return created
