"""The one place that decides who may see and do what.

Every view and every query of region data goes through here:

- ``visible_regions(user)``: the regions a user may read.
- ``get_region(user, slug)``: a region the user may read, else 404 (never 403, so a foreign
  region's existence is not revealed).
- ``scope(user, queryset)``: a queryset of any region-owned model, cut to the visible regions.
- ``get_in_region(region, queryset, **lookup)``: one object of that region, else 404.
- ``can(user, action, obj)`` / ``require(...)``: may this user do this to this object.

Roles live in ``Membership`` (one per user and region); a superuser is the site administrator.
The Kominfo programme coordinator (``User.is_coordinator``) is national: in every region where they
have no membership they hold COORDINATOR, which reads and nothing else; nationally they may assign
experts to regions (``can_assign_experts``).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Agency, AgencyWork, Membership, Region, Role
from .rawrows import fetch_rows

ADMIN = "admin"
COORDINATOR = "coordinator"

# Actions
VIEW = "view"  # read everything of the region
MANAGE = "manage"  # region profile, agencies, users, stages, assignments, documents
EDIT_SECTION = "edit_section"  # write entries of a section (agency x dimension)
REVIEW = "review"  # comment, request changes, approve sections
SIGN_OFF = "sign_off"  # sign a bimtek stage off

ROLE_ACTIONS = {
    ADMIN: {VIEW, MANAGE, REVIEW, SIGN_OFF},
    Role.DISKOMINFO: {VIEW, MANAGE},
    Role.OPD: {VIEW, EDIT_SECTION},
    Role.EXPERT: {VIEW, REVIEW, SIGN_OFF},
    Role.DEWAN: {VIEW},
    COORDINATOR: {VIEW},  # reads every region; never edits, reviews, signs off or manages
}


def is_coordinator(user) -> bool:
    return user.is_authenticated and user.is_active and getattr(user, "is_coordinator", False)


def sees_all_regions(user) -> bool:
    """The site administrator and the programme coordinator read every region."""
    return user.is_authenticated and (user.is_superuser or is_coordinator(user))


def sees_national_view(user) -> bool:
    """The national page (masterplan.national) is for those who follow many regions: the
    administrator, the coordinator (every region) and experts (their assigned regions). A region's
    own staff, OPD and Dewan have one region and its pages; they are refused (403)."""
    if sees_all_regions(user):
        return True
    return user.is_authenticated and Role.EXPERT in _memberships(user).roles().values()


def can_assign_experts(user) -> bool:
    """Assigning experts to regions is national work: the coordinator's and the administrator's."""
    return user.is_authenticated and (user.is_superuser or is_coordinator(user))


class _Memberships:
    """A user's memberships by region id, read as plain rows in one query; the ``Membership`` object
    of a region is built when that region is asked for. An expert guides hundreds of regions:
    building every object cost more than the query. The agencies of the memberships that have one
    (an OPD representative's) are read in a second query, the first time one is asked for: joined
    to an expert's 514 memberships, PostgreSQL read every agency of the country (a hash join) for
    rows that have none."""

    # Not created_at: no decision reads it, and an expert's 514 timestamps cost more than the rest.
    FIELDS = [f.attname for f in Membership._meta.concrete_fields if f.attname != "created_at"]

    def __init__(self, user):
        rows = fetch_rows(Membership.objects.filter(user=user).values_list(*self.FIELDS))
        at, role_at = self.FIELDS.index("region_id"), self.FIELDS.index("role")
        self._rows = {row[at]: row for row in rows}
        self._roles = {region_id: row[role_at] for region_id, row in self._rows.items()}
        self._built = {}
        self._agencies = None  # agency id -> Agency, read on first need

    def __contains__(self, region_id):
        return region_id in self._rows

    def __iter__(self):
        return iter(self._rows)

    def __len__(self):
        return len(self._rows)

    def roles(self):
        """The user's role in each of their regions: {region id: role}."""
        return self._roles

    def agency_id(self, region_id):
        row = self._rows.get(region_id)
        return None if row is None else row[self.FIELDS.index("agency_id")]

    def get(self, region_id):
        if region_id not in self._built:
            row = self._rows.get(region_id)
            m = None
            if row is not None:
                m = Membership.from_db(Membership.objects.db, self.FIELDS, row)
                agency = self._agency(m.agency_id) if m.agency_id is not None else None
                if agency is not None:  # else (deleted meanwhile) Django reads it if asked
                    m.agency = agency
            self._built[region_id] = m
        return self._built[region_id]

    def _agency(self, agency_id):
        if self._agencies is None:
            at = self.FIELDS.index("agency_id")
            ids = {row[at] for row in self._rows.values() if row[at] is not None}
            self._agencies = Agency.objects.in_bulk(ids)
        return self._agencies.get(agency_id)


def _memberships(user):
    """The user's memberships (``_Memberships``), loaded once per request-bound user object."""
    if not user.is_authenticated:
        return _NO_MEMBERSHIPS
    cache = getattr(user, "_membership_cache", None)
    if cache is None:
        cache = _Memberships(user)
        user._membership_cache = cache
    return cache


class _NoMemberships:
    def __contains__(self, region_id):
        return False

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def roles(self):
        return {}

    def agency_id(self, region_id):
        return None

    def get(self, region_id):
        return None


_NO_MEMBERSHIPS = _NoMemberships()


def clear_cache(user):
    user.__dict__.pop("_membership_cache", None)


def _region_ids(user, roles=None):
    """The ids of the user's regions (of those roles) as a subquery on their memberships: no list
    of hundreds of ids in the SQL of an expert's pages. None when the user has no such region."""
    held = _memberships(user).roles().values()
    if not any(roles is None or role in roles for role in held):
        return None
    qs = Membership.objects.filter(user=user)
    if roles is not None:
        qs = qs.filter(role__in=sorted(roles))
    return qs.values("region_id")


def visible_regions(user):
    if not user.is_authenticated:
        return Region.objects.none()
    if sees_all_regions(user):
        return Region.objects.all()
    ids = _region_ids(user)
    return Region.objects.none() if ids is None else Region.objects.filter(pk__in=ids)


def visible_region_ids(user) -> list[int] | None:
    """The ids of ``visible_regions`` from the cached memberships (no query); None for a user who
    reads every region."""
    if sees_all_regions(user):
        return None
    return list(_memberships(user)) if user.is_authenticated else []


def _region_id(region):
    """A region or its id, as its id."""
    return region.pk if isinstance(region, Region) else region


def membership(user, region):
    return _memberships(user).get(_region_id(region))


def role_in(user, region):
    """The user's role in a region: a Role value, ADMIN, or None."""
    if not user.is_authenticated:
        return None
    role = _memberships(user).roles().get(_region_id(region))
    if role:
        return role
    if user.is_superuser:
        return ADMIN
    if is_coordinator(user):
        return COORDINATOR
    return None


def get_region(user, slug):
    # By its slug, then checked against the cached memberships: no IN list of an expert's hundreds
    # of regions in the query of every region page.
    region = get_object_or_404(Region.objects.select_related("province"), slug=slug)
    if not user.is_authenticated or not (sees_all_regions(user) or region.pk in _memberships(user)):
        raise Http404
    return region


def region_lookup(model):
    """The ORM path from a model to its region."""
    if model is Region:
        return "pk"
    path = getattr(model, "REGION_PATH", None)
    if path is None:
        if any(f.name == "region" for f in model._meta.get_fields()):
            return "region"
        if any(f.name == "masterplan" for f in model._meta.get_fields()):
            return "masterplan__region"
        raise TypeError(f"{model.__name__} has no known path to its region")
    return path


def region_of(obj):
    """The region an object belongs to."""
    if isinstance(obj, Region):
        return obj
    for attr in ("region", "masterplan", "section", "program", "goal", "indicator", "stage"):
        parent = getattr(obj, attr, None)
        if parent is not None:
            return region_of(parent)
    raise TypeError(f"{type(obj).__name__} has no known region")


def scope(user, queryset):
    """Cut a queryset of region-owned objects to the regions the user may read."""
    if sees_all_regions(user):
        return queryset
    path = region_lookup(queryset.model)
    ids = _region_ids(user)
    return queryset.none() if ids is None else queryset.filter(**{f"{path}__in": ids})


def get_in_region(region, queryset, **lookup):
    """One object of the given region, or 404 when it is missing or belongs to another region."""
    if hasattr(queryset, "_default_manager"):
        queryset = queryset._default_manager.all()
    path = region_lookup(queryset.model)
    return get_object_or_404(queryset, **{path: region}, **lookup)


def can(user, action, obj):
    region = region_of(obj)
    role = role_in(user, region)
    if role is None or action not in ROLE_ACTIONS.get(role, set()):
        return False
    if action == EDIT_SECTION:
        section = _section_of(obj)
        if section is None:
            return False
        agency_id = _memberships(user).agency_id(_region_id(region))
        return agency_id is not None and agency_id == section.agency_id
    return True


def require(user, action, obj):
    """Raise 404 when the user may not read the object's region, 403 when only the action is refused."""
    region = region_of(obj)
    if role_in(user, region) is None:
        raise Http404
    if not can(user, action, obj):
        raise PermissionDenied


def _section_of(obj):
    """The agency's piece of work (a dimension section) an object is, or hangs on."""
    if isinstance(obj, AgencyWork):
        return obj
    for attr in ("section", "program", "goal", "indicator"):
        parent = getattr(obj, attr, None)
        if parent is not None:
            return _section_of(parent)
    return None


def regions_where(user, action):
    """The regions in which the user may do ``action`` (e.g. the regions an expert reviews)."""
    if not user.is_authenticated:
        return Region.objects.none()
    if user.is_superuser and action in ROLE_ACTIONS[ADMIN]:
        return Region.objects.all()
    if is_coordinator(user) and action in ROLE_ACTIONS[COORDINATOR]:
        return Region.objects.all()
    ids = _region_ids(user, roles_with(action))
    return Region.objects.none() if ids is None else Region.objects.filter(pk__in=ids)


def roles_with(action):
    """The membership roles that allow ``action``."""
    return {role for role in Role.values if action in ROLE_ACTIONS.get(role, set())}


def region_ids_where(user, action):
    """The ids of ``regions_where``, for a ``region_id__in`` filter: a subquery on the user's
    memberships (no list of hundreds of ids, no join of the regions)."""
    if not user.is_authenticated:
        return Region.objects.none().values("pk")
    if (user.is_superuser and action in ROLE_ACTIONS[ADMIN]) or (
        is_coordinator(user) and action in ROLE_ACTIONS[COORDINATOR]
    ):
        return Region.objects.values("pk")
    ids = _region_ids(user, roles_with(action))
    return Region.objects.none().values("pk") if ids is None else ids


def region_id_list_where(user, action) -> list[int]:
    """The ids of ``regions_where`` as a list, to look up one by one (the page cache): from the
    cached memberships, or every region's (one query) for the national roles."""
    if not user.is_authenticated:
        return []
    if (user.is_superuser and action in ROLE_ACTIONS[ADMIN]) or (
        is_coordinator(user) and action in ROLE_ACTIONS[COORDINATOR]
    ):
        return list(Region.objects.order_by("pk").values_list("pk", flat=True))
    roles = roles_with(action)
    return sorted(region_id for region_id, role in _memberships(user).roles().items() if role in roles)


def can_anywhere(user, action):
    """May the user do ``action`` in at least one region? (No query once memberships are cached.)"""
    if not user.is_authenticated:
        return False
    if user.is_superuser and action in ROLE_ACTIONS[ADMIN]:
        return True
    if is_coordinator(user) and action in ROLE_ACTIONS[COORDINATOR]:
        return True
    return any(action in ROLE_ACTIONS.get(role, set()) for role in _memberships(user).roles().values())


def reviewers_of(region):
    """The experts assigned to a region (who review its sections and get told of submissions)."""

    return (
        get_user_model()
        .objects.filter(memberships__region=region, memberships__role=Role.EXPERT, is_active=True)
        .distinct()
    )


def managers_of(region):
    """The region's Diskominfo staff (who run its stages and get told of their sign-off)."""

    return (
        get_user_model()
        .objects.filter(memberships__region=region, memberships__role=Role.DISKOMINFO, is_active=True)
        .distinct()
    )


def editors_of(section):
    """The OPD representatives who may write in a section (its agency's members)."""

    return (
        get_user_model()
        .objects.filter(
            memberships__region_id=section.agency.region_id,
            memberships__role=Role.OPD,
            memberships__agency_id=section.agency_id,
            is_active=True,
        )
        .distinct()
    )
