"""Writes of the core domain: region profile, masterplan record, agencies, members and
invitations, documents. (Which dimensions an agency works on is content: dimensions.services.)

Views and forms stay thin: they check input and access, then call one function here. Every
function runs in ``transaction.atomic`` and raises ``ValidationError`` (with field names where a
field is to blame) when a rule of the domain refuses the change, so nothing is half-saved.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.mail import send_mail
from django.db import IntegrityError, models, transaction
from django.db.models.fields.files import FieldFile
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from . import access, signals
from .links import absolute_url
from .models import Agency, Document, Masterplan, Membership, Region, Role, User
from .selectors import expert_candidates

# Roles Diskominfo staff may give. Experts are appointed by Kominfo: the site administrator
# or the programme coordinator assigns them to regions (expert_assign), so a region cannot grant itself a reviewer.
INVITABLE_ROLES = [Role.DISKOMINFO, Role.OPD, Role.DEWAN]


def _delete_file_on_commit(field_file: FieldFile) -> None:
    """Remove a stored file once the transaction that dropped it has committed."""
    if not field_file:
        return
    storage, name = field_file.storage, field_file.name
    transaction.on_commit(lambda: storage.delete(name))


# --- region profile and masterplan -------------------------------------------------------------

REGION_PROFILE_FIELDS = ["province", "head_title", "head_name", "mou_number", "mou_date"]


@transaction.atomic
def region_profile_update(region: Region, *, emblem: File | bool | None = None, **fields: object) -> Region:
    """Update the profile fields Diskominfo may change. ``emblem``: an uploaded file to store,
    False to remove the emblem, None to keep it."""
    unknown = set(fields) - set(REGION_PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not a profile field: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(region, name, value)
    storage, old_name = region.emblem.storage, region.emblem.name
    if emblem is False:
        region.emblem = ""
    elif emblem is not None:
        region.emblem = emblem
    region.full_clean(exclude=["emblem"])
    region.save()
    if old_name and emblem is not None and old_name != region.emblem.name:
        transaction.on_commit(lambda: storage.delete(old_name))
    return region


@transaction.atomic
def masterplan_save(
    region: Region, masterplan: Masterplan | None, *, period_start: int, period_end: int, vision: str, mission: str
) -> Masterplan:
    """Create the region's masterplan record or update the current one (period, vision, mission).

    Refuses a period that would leave content outside it (programs, road map years, indicator
    targets: the content layer answers ``masterplan_period_conflicts``)."""
    mp = masterplan or Masterplan(region=region)
    if mp.region_id != region.pk:
        raise ValueError("masterplan of another region")
    outside = _answers(signals.masterplan_period_conflicts, masterplan=mp, start=period_start, end=period_end)
    if outside:
        listed = ", ".join(f"{n} {label}" for label, n in outside)
        raise ValidationError(
            {
                "period_start": _(
                    "Periode ini tidak mencakup isian yang sudah ada (%(listed)s). Ubah dulu tahun isian tersebut."
                )
                % {"listed": listed}
            }
        )
    clash = Masterplan.objects.filter(region=region, period_start=period_start).exclude(pk=mp.pk).exists()
    if clash:
        raise ValidationError({"period_start": _("Daerah ini sudah punya masterplan yang mulai pada tahun ini.")})
    mp.period_start, mp.period_end, mp.vision, mp.mission = period_start, period_end, vision, mission
    mp.full_clean(exclude=["region"])
    mp.save()
    return mp


# --- agencies ----------------------------------------------------------------------------------


def _agency_name_taken(region: Region, name: str, exclude_pk: int | None = None) -> bool:
    return Agency.objects.filter(region=region, name__iexact=name.strip()).exclude(pk=exclude_pk).exists()


def _name_error() -> ValidationError:
    return ValidationError({"name": _("Perangkat daerah dengan nama ini sudah ada di daerah ini.")})


@transaction.atomic
def agency_save(region: Region, agency: Agency | None, *, name: str, acronym: str = "") -> Agency:
    """Create an agency of the region, or rename one. The name is unique per region, ignoring case."""
    agency = agency or Agency(region=region)
    if agency.region_id != region.pk:
        raise ValueError("agency of another region")
    if _agency_name_taken(region, name, agency.pk):
        raise _name_error()
    agency.name, agency.acronym = name.strip(), acronym.strip()
    try:
        with transaction.atomic():  # savepoint: a racing duplicate becomes a field error
            agency.save()
    except IntegrityError:
        raise _name_error() from None
    return agency


def _answers(signal: Signal, **kwargs: object) -> list:
    """The receivers' answers to a question signal, concatenated."""
    return [item for _receiver, answer in signal.send(sender=None, **kwargs) for item in answer or ()]


def agency_delete_blockers(agency: Agency) -> list[str]:
    """Why an agency cannot be deleted (empty when it can): deleting would drop people's access
    or written content (the content layer answers ``agency_delete_blockers``), so those must be
    moved first."""
    reasons = []
    members = agency.members.count()
    if members:
        reasons.append(_("%(n)s anggota masih terdaftar pada perangkat daerah ini") % {"n": members})
    return reasons + _answers(signals.agency_delete_blockers, agency=agency)


@transaction.atomic
def agency_delete(agency: Agency) -> None:
    """Delete an agency and its empty dimension assignments; refused while anything depends on it."""
    reasons = agency_delete_blockers(agency)
    if reasons:
        raise ValidationError(_("Perangkat daerah tidak dapat dihapus: %(reasons)s.") % {"reasons": "; ".join(reasons)})
    agency.delete()


# --- members -----------------------------------------------------------------------------------


def _check_role_agency(region: Region, role: str, agency: Agency | None) -> None:
    if role not in INVITABLE_ROLES:
        raise ValidationError({"role": _("Peran ini tidak dapat diberikan oleh Diskominfo.")})
    if role == Role.OPD and agency is None:
        raise ValidationError({"agency": _("Perwakilan OPD wajib memilih perangkat daerah.")})
    if role != Role.OPD and agency is not None:
        raise ValidationError(
            {"agency": _("Hanya perwakilan OPD yang terikat pada perangkat daerah; kosongkan isian ini.")}
        )
    if agency is not None and agency.region_id != region.pk:
        raise ValidationError({"agency": _("Perangkat daerah ini bukan milik daerah ini.")})


def username_taken(username: str) -> bool:
    return get_user_model().objects.filter(username__iexact=username).exists()


def email_taken(email: str) -> bool:
    return get_user_model().objects.filter(email__iexact=email).exists()


@transaction.atomic
def member_invite(
    region: Region,
    *,
    username: str,
    full_name: str,
    email: str,
    role: str,
    agency: Agency | None = None,
    invited_by: User | None = None,
) -> Membership:
    """Create a new user of the region with a role, without a usable password, and (after the
    transaction commits) e-mail them a link to set their password."""
    _check_role_agency(region, role, agency)
    errors = {}
    if username_taken(username):
        errors["username"] = _("Nama pengguna ini sudah dipakai. Pilih nama lain.")
    if email_taken(email):
        errors["email"] = _(
            "Alamat surel ini sudah terdaftar. Bila orangnya sudah punya akun, minta administrator situs "
            "menambahkannya ke daerah ini."
        )
    if errors:
        raise ValidationError(errors)
    user = get_user_model()(username=username, first_name=full_name.strip(), email=email.strip())
    user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        raise ValidationError({"username": _("Nama pengguna ini sudah dipakai. Pilih nama lain.")}) from None
    membership = Membership.objects.create(user=user, region=region, role=role, agency=agency)
    _invite_send_on_commit(membership, invited_by)
    return membership


def set_password_url(user: User) -> str:
    """The one-time link to set a password (Django's password reset token: it stops working once
    the password is set or after PASSWORD_RESET_TIMEOUT), absolute (masterplan.links)."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path)


def _invite_send_on_commit(membership: Membership, invited_by: User | None) -> None:
    # Written now, while the request that invites is known (its address makes the links); sent
    # after commit, so no mail goes out for a user that was rolled back; robust, so a mail server
    # failure is logged and does not undo the saved member (Diskominfo can resend).
    subject, body = _invite_mail(membership, invited_by)
    to = [membership.user.email]
    transaction.on_commit(lambda: send_mail(subject, body, None, to), robust=True)


def invite_send(membership: Membership, *, invited_by: User | None = None) -> None:
    """E-mail a member the invitation with a link to set their password."""
    subject, body = _invite_mail(membership, invited_by)
    send_mail(subject, body, None, [membership.user.email])


def _invite_mail(membership: Membership, invited_by: User | None) -> tuple[str, str]:
    user = membership.user
    context = {
        "user": user,
        "membership": membership,
        "region": membership.region,
        "role_label": membership.get_role_display(),
        "invited_by": invited_by,
        "link": set_password_url(user),
        "login_url": absolute_url(reverse("login")),
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    }
    subject = " ".join(render_to_string("registration/invite_subject.txt", context).split())
    body = render_to_string("registration/invite_email.txt", context)
    return subject, body


def invite_resend(membership: Membership, *, invited_by: User | None = None) -> None:
    """Send the invitation again, for a member who has not set a password yet."""
    if membership.user.has_usable_password():
        raise ValidationError(_("Pengguna ini sudah membuat kata sandi; ia dapat memakai fitur lupa kata sandi."))
    if not membership.user.email:
        raise ValidationError(_("Pengguna ini tidak punya alamat surel."))
    _invite_send_on_commit(membership, invited_by)


def _diskominfo_left(region: Region, without_pk: int) -> bool:
    return Membership.objects.filter(region=region, role=Role.DISKOMINFO).exclude(pk=without_pk).exists()


def _check_editable(membership: Membership, by: User | None) -> None:
    if membership.role == Role.EXPERT:
        raise ValidationError(_("Penugasan tenaga ahli diatur oleh administrator situs."))
    if by is not None and membership.user_id == by.pk:
        raise ValidationError(_("Anda tidak dapat mengubah atau menghapus keanggotaan Anda sendiri."))


@transaction.atomic
def membership_update(
    membership: Membership, *, role: str, agency: Agency | None = None, by: User | None = None
) -> Membership:
    """Change a member's role and agency within the region."""
    _check_editable(membership, by)
    _check_role_agency(membership.region, role, agency)
    if (
        membership.role == Role.DISKOMINFO
        and role != Role.DISKOMINFO
        and not _diskominfo_left(membership.region, membership.pk)
    ):
        raise ValidationError({"role": _("Daerah harus tetap punya setidaknya satu staf Diskominfo.")})
    membership.role, membership.agency = role, agency
    membership.full_clean(exclude=["user", "region"])
    membership.save()
    access.clear_cache(membership.user)
    return membership


@transaction.atomic
def membership_remove(membership: Membership, *, by: User | None = None) -> None:
    """Remove a member from the region. A user left without any region (and not staff) is
    deactivated, so a removed account cannot keep logging in."""
    _check_editable(membership, by)
    if membership.role == Role.DISKOMINFO and not _diskominfo_left(membership.region, membership.pk):
        raise ValidationError(_("Daerah harus tetap punya setidaknya satu staf Diskominfo."))
    user = membership.user
    membership.delete()
    if not user.is_staff and not user.is_superuser and not user.is_coordinator and not user.memberships.exists():
        user.is_active = False
        user.save(update_fields=["is_active"])


# --- documents ---------------------------------------------------------------------------------


@transaction.atomic
def document_upload(
    region: Region,
    *,
    kind: str,
    title: str,
    file: File,
    stage: models.Model | None = None,  # a bimtek Stage (bimtek sits above the core)
    uploaded_by: User | None = None,
) -> Document:
    """Store a document of the region, optionally of one of its bimtek stages. The file must
    already be validated (masterplan.uploads)."""
    if stage is not None and stage.masterplan.region_id != region.pk:
        raise ValidationError({"stage": _("Tahap ini bukan milik daerah ini.")})
    doc = Document(region=region, kind=kind, title=title.strip(), stage=stage, file=file, uploaded_by=uploaded_by)
    doc.full_clean(exclude=["file", "uploaded_by"])
    doc.save()
    return doc


@transaction.atomic
def document_delete(document: Document) -> None:
    _delete_file_on_commit(document.file)
    document.delete()


# --- experts of a region (national work: the programme coordinator, the administrator) ---------


def _check_expert_assigner(by: User) -> None:
    if not access.can_assign_experts(by):
        raise PermissionDenied


@transaction.atomic
def expert_assign(region: Region, expert: User, *, by: User) -> Membership:
    """Make ``expert`` an expert of ``region`` (an expert membership, as the review and sign-off
    read it). A user with another role in the region, or a regional role anywhere, is refused."""
    _check_expert_assigner(by)
    existing = Membership.objects.filter(user=expert, region=region).first()
    if existing is not None:
        if existing.role == Role.EXPERT:
            return existing
        raise ValidationError({"expert": _("Pengguna ini sudah punya peran lain di daerah ini.")})
    if not expert_is_eligible(expert):
        raise ValidationError({"expert": _("Pengguna ini tidak dapat ditugaskan sebagai tenaga ahli.")})
    return Membership.objects.create(user=expert, region=region, role=Role.EXPERT)


@transaction.atomic
def expert_unassign(region: Region, expert: User, *, by: User) -> None:
    """Take an expert off a region. The account stays active: an expert is national."""
    _check_expert_assigner(by)
    Membership.objects.filter(user=expert, region=region, role=Role.EXPERT).delete()


def expert_is_eligible(user: User) -> bool:
    """Who may be assigned as an expert: the rule is the query of selectors.expert_candidates."""
    return expert_candidates().filter(pk=user.pk).exists()
