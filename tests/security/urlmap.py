"""What the security tests know of the app's URLs: the URLconf walked (every pattern, includes
followed), which URLs take a POST and who may (``WRITES``, written out here, independent of
masterplan.access), the data a browser would send to each, and how to fill a URL's arguments with
the objects of tests/security/world.py."""

import re
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, reverse

from dimensions.kinds import KINDS
from masterplan.models import Province, User
from tests import factories as f
from tests.masterplan.conftest import pdf_bytes, png_bytes
from tests.security.world import ROLES

# Who may POST --------------------------------------------------------------------------------

MANAGE = "Diskominfo of the region, the site administrator"
EDIT = "the OPD representative of the section's agency"
REVIEW = "the expert assigned to the region, the site administrator"
REVIEW_OR_EDIT = "the assigned expert, the section's OPD representative, the site administrator"
OWNER = "the notification's recipient"
ASSIGN = "the programme coordinator, the site administrator"  # experts to regions: national work
AUTHENTICATED = "anyone logged in"
PUBLIC = "anyone"

STATUS, SERVICE = "status", "service"  # how a refusal looks: 403/404/405/login, or any non-crash answer


def may_post(rule, who, objects):
    if rule == PUBLIC:
        return True
    if who == "anonymous":
        return False
    if rule == AUTHENTICATED:
        return True
    if rule == OWNER:
        return who == objects.notification_owner
    if rule == ASSIGN:
        return who in ("coordinator", "admin")
    if who == "admin":
        return rule in (MANAGE, REVIEW, REVIEW_OR_EDIT)  # it reviews and manages, never writes entries
    role, agency = ROLES[who].get(objects.slug, (None, None))
    is_editor = role == "opd" and agency == "dlh"  # the section attacked is DLH's
    return {
        MANAGE: role == "diskominfo",
        EDIT: is_editor,
        REVIEW: role == "expert",
        REVIEW_OR_EDIT: role == "expert" or is_editor,
    }[rule]


@dataclass
class Write:
    rule: str
    data: object = None  # callable(objects) -> POST data
    probe: str | None = None  # a role the rule allows: its POST must change the database
    refusal: str = STATUS
    variant: str = ""  # several Writes of one URL (e.g. section_review's operations)
    pk: str = ""  # what <int:pk> names, when not the default of the URL (OBJECT_OF_PK)
    kinds: tuple = field(default=())  # entry URLs: the kinds it is for ("*": every other kind)


def _pdf(name="dok.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def _png(name="logo.png"):
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def _swot(o, **extra):
    return {"quadrant": "S", "component": "struktur", "statement": "Ditulis penyerang", "priority": "2", **extra}


def _participant(o):
    return {"name": "Peserta Baru", "institution": "Bappeda", "helix": "government"}


WRITES = {
    "region_edit": [
        Write(
            MANAGE,
            lambda o: {
                "profile-province": str(Province.objects.get(name="Bali").pk),
                "profile-head_title": "Bupati",
                "profile-head_name": "H. Diubah",
                "mp-period_start": "2024",
                "mp-period_end": "2033",
                "mp-vision": "Visi diubah",
                "mp-mission": "Misi",
            },
            probe="diskominfo",
        )
    ],
    "agency_create": [Write(MANAGE, lambda o: {"name": "Dinas Baru", "acronym": "DB"}, probe="diskominfo")],
    "agency_edit": [Write(MANAGE, lambda o: {"name": "Dinas Diubah", "acronym": "DD"}, probe="diskominfo")],
    "agency_delete": [Write(MANAGE, lambda o: {}, probe="diskominfo", pk="agency_empty")],
    "agency_dimensions": [
        Write(
            MANAGE,
            lambda o: {"dimensions": [f.dimension("environment").pk, f.dimension("economy").pk]},
            probe="diskominfo",
        )
    ],
    "people_add": [
        Write(
            MANAGE,
            lambda o: {"username": "baru", "full_name": "Baru", "email": "baru@example.go.id", "role": "dewan"},
            probe="diskominfo",
        )
    ],
    "people_edit": [Write(MANAGE, lambda o: {"role": "diskominfo", "agency": ""}, probe="diskominfo")],
    "people_remove": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "people_resend": [Write(MANAGE, lambda o: {})],  # sends an e-mail, writes nothing
    "document_upload": [
        Write(MANAGE, lambda o: {"kind": "mou", "title": "Dok", "stage": "", "file": _pdf()}, probe="diskominfo")
    ],
    "document_delete": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "stage_ensure": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "stage_edit": [
        Write(
            MANAGE,
            lambda o: {"start_date": "2024-05-01", "end_date": "2024-05-02", "venue": "Aula Baru", "status": "done"},
            probe="diskominfo",
        )
    ],
    "stage_sign_off": [Write(REVIEW, lambda o: {"confirm": "1"}, probe="expert", refusal=SERVICE)],
    "stage_sign_off_withdraw": [
        Write(
            REVIEW,
            lambda o: {"confirm": "1", "reason": "Disahkan terlalu cepat"},
            probe="expert",
            refusal=SERVICE,
            pk="stage_signed_off",
        )
    ],
    "stage_document_upload": [
        Write(MANAGE, lambda o: {"kind": "minutes", "title": "Notulen", "file": _pdf()}, probe="diskominfo")
    ],
    "participant_create": [Write(MANAGE, _participant, probe="diskominfo")],
    "participant_import": [Write(MANAGE, lambda o: {"file": _pdf("hadir.csv")})],  # a preview: writes on confirm
    "participant_edit": [Write(MANAGE, _participant, probe="diskominfo")],
    "participant_delete": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "book_render_all": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "book_render": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "narrative_text_edit": [Write(MANAGE, lambda o: {"html": "Teks baru", "loaded_at": ""}, probe="diskominfo")],
    "narrative_text_preview": [Write(MANAGE, lambda o: {"html": "<p>Pratinjau</p>"})],  # a POST that saves nothing
    "cover_logo_upload": [Write(MANAGE, lambda o: {"logo-name": "Logo", "logo-image": _png()}, probe="diskominfo")],
    "cover_logo_delete": [Write(MANAGE, lambda o: {}, probe="diskominfo")],
    "section_review": [
        Write(
            REVIEW_OR_EDIT,
            lambda o: {"op": "comment", "text": "Balasan", "parent": o.comment_open.pk},
            probe="opd",
            refusal=SERVICE,
            variant="reply",
        ),
        Write(
            REVIEW, lambda o: {"op": "comment", "text": "Komentar"}, probe="expert", refusal=SERVICE, variant="comment"
        ),
        Write(EDIT, lambda o: {"op": "submit", "note": ""}, probe="opd", refusal=SERVICE, variant="submit"),
    ],
    "review_comment_add": [
        Write(
            REVIEW_OR_EDIT,
            lambda o: {"text": "Balasan", "parent": o.comment_open.pk, "next": ""},
            probe="opd",
            refusal=SERVICE,
            variant="reply",
        ),
        Write(
            REVIEW,
            lambda o: {"text": "Komentar", "entry_type": "swotentry", "entry_id": o.entries["swot"].pk, "next": ""},
            probe="expert",
            refusal=SERVICE,
            variant="comment",
        ),
    ],
    "review_comment_resolve": [Write(REVIEW_OR_EDIT, lambda o: {"next": ""}, probe="opd", refusal=SERVICE)],
    "review_comment_reopen": [Write(REVIEW_OR_EDIT, lambda o: {"next": ""}, probe="expert", refusal=SERVICE)],
    "notification_open": [Write(OWNER, lambda o: {}, probe="diskominfo")],
    # The coordinator's one write: an expert (without a role in the region) assigned to it.
    "national_region_experts": [
        Write(
            ASSIGN,
            lambda o: {"action": "add", "expert": str(User.objects.get(username="expert-unassigned").pk)},
            probe="coordinator",
        )
    ],  # marks read, on GET too
    "notification_mark_read": [Write(OWNER, lambda o: {}, probe="diskominfo")],
    "notification_mark_all_read": [Write(AUTHENTICATED, lambda o: {}, probe="diskominfo")],
    # Entries, for every kind of the registry: one view and one role check for all (the full
    # matrix on SWOT, with real data); for each other kind what depends on it (KIND_ROLES).
    "entry_create": [Write(EDIT, lambda o: _swot(o), probe="opd", kinds=("swot",)), Write(EDIT, kinds=("*",))],
    "entry_edit": [
        Write(EDIT, lambda o: _swot(o, version=str(o.entries["swot"].version)), probe="opd", kinds=("swot",)),
        Write(EDIT, kinds=("*",)),
    ],
    "entry_delete": [
        Write(EDIT, lambda o: {}, probe="opd", kinds=("swot",)),
        Write(EDIT, lambda o: {}, probe="opd", kinds=("*",)),
    ],
    "entry_restore": [
        Write(EDIT, lambda o: {}, probe="opd", pk="deleted_swot", kinds=("swot",)),
        Write(EDIT, kinds=("*",)),
    ],
}
# The accounts pages: public by design (logging in, resetting a forgotten password), or one's own.
ACCOUNTS = {
    "login": PUBLIC,
    "logout": PUBLIC,
    "password_reset": PUBLIC,
    "password_reset_confirm": PUBLIC,
    "password_change": AUTHENTICATED,
}

# What <int:pk> names, per URL (the other id arguments name one thing each: ID_ARGS).
OBJECT_OF_PK = {
    **dict.fromkeys(["agency_detail", "agency_edit", "agency_delete", "agency_dimensions"], "agency"),
    **dict.fromkeys(["people_edit", "people_remove", "people_resend"], "membership"),
    **dict.fromkeys(["document_download", "document_delete"], "document"),
    **dict.fromkeys(
        [
            "stage_detail",
            "stage_edit",
            "stage_sign_off",
            "stage_sign_off_withdraw",
            "stage_document_upload",
            "participant_list",
            "participant_create",
            "participant_import",
        ],
        "stage",
    ),
    **dict.fromkeys(["cover_logo_image", "cover_logo_delete"], "logo"),
    "render_job_download": "render_job",
    **dict.fromkeys(["section_review", "review_comment_add"], "section"),
    **dict.fromkeys(["notification_open", "notification_mark_read"], "notification"),
    **dict.fromkeys(["entry_row", "entry_edit", "entry_delete", "entry_restore", "entry_history"], "entry"),
}
ID_ARGS = {"section_pk": "section", "participant_pk": "participant", "comment_pk": "comment"}
COMMENT_OF = {"review_comment_resolve": "comment_open", "review_comment_reopen": "comment_resolved"}
OTHER_ARGS = {"code": "environment", "number": 3, "key": "latar_belakang", "fmt": "csv"}
# The list an entry is added to, when it names the parent (?group=goal-12): a parent of the region.
CREATE_GROUP = {"indicator": lambda o: f"goal-{o.entries['goal'].pk}"}


# The URLconf, walked ----------------------------------------------------------------------------


def url_patterns(resolver=None, prefix=""):
    """(route, name, pattern) of every URL pattern, namespaces and includes followed."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{p.namespace}:" if p.namespace else ""
            yield from ((route, ns + name, q) for route, name, q in url_patterns(p, prefix + str(p.pattern)))
        else:
            yield prefix + str(p.pattern), p.name or "", p


def arguments(route):
    return re.findall(r"<(?:\w+:)?(\w+)>", route)


@dataclass
class Case:
    name: str
    route: str
    write: Write | None  # None: nobody may POST
    kind: str = ""

    @property
    def id(self):
        parts = [self.name, self.kind, self.write.variant if self.write else ""]
        return "-".join(p for p in parts if p)

    @property
    def names_ids(self):
        args = arguments(self.route)
        return "pk" in args or any(a in ID_ARGS for a in args)


def cases():
    for route, name, _pattern in url_patterns():
        if name.startswith("admin:") or name in ACCOUNTS:
            continue
        kinds = list(KINDS) if "kind" in arguments(route) else [""]
        writes = WRITES.get(name, [None])
        for kind in kinds:
            for write in writes:
                if write is not None and write.kinds and kind not in write.kinds and "*" not in write.kinds:
                    continue
                if write is not None and "*" in write.kinds and any(kind in w.kinds for w in writes if w is not write):
                    continue
                yield Case(name, route, write, kind)


CASES = list(cases())


def url_for(case, slug, objects):
    kwargs = {}
    for arg in arguments(case.route):
        if arg == "slug":
            kwargs[arg] = slug
        elif arg == "kind":
            kwargs[arg] = case.kind
        elif arg in OTHER_ARGS:
            kwargs[arg] = OTHER_ARGS[arg]
        elif arg == "comment_pk":
            kwargs[arg] = getattr(objects, COMMENT_OF.get(case.name, "comment_open")).pk
        elif arg in ID_ARGS:
            kwargs[arg] = getattr(objects, ID_ARGS[arg]).pk
        elif arg == "pk":
            what = (case.write.pk if case.write and case.write.pk else None) or OBJECT_OF_PK.get(case.name)
            assert what, f"the matrix does not know what <int:pk> of {case.name} names: add it to OBJECT_OF_PK"
            if what == "entry":
                kwargs[arg] = objects.entries[case.kind].pk
            else:
                value = getattr(objects, what)
                kwargs[arg] = value if isinstance(value, int) else value.pk
        else:
            raise AssertionError(f"the matrix cannot fill <{arg}> of {case.name}: teach url_for")
    url = reverse(case.name, kwargs=kwargs)
    if case.name == "entry_create" and case.kind in CREATE_GROUP:
        url += "?group=" + CREATE_GROUP[case.kind](objects)
    return url
